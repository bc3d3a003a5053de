/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-intake"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-case-private.h"
#include "desk-checklist.h"
#include "desk-intake.h"
#include "notice/desk-notice-record.h"
#include "desk-store-private.h"
#include "desk-util.h"

G_DEFINE_BOXED_TYPE (DeskIntakeProposal, desk_intake_proposal, desk_intake_proposal_copy, desk_intake_proposal_free)

DeskIntakeProposal *
desk_intake_proposal_copy (const DeskIntakeProposal *proposal)
{
  DeskIntakeProposal *copy;

  g_return_val_if_fail (proposal != NULL, NULL);
  copy = g_memdup2 (proposal, sizeof *proposal);
  copy->platform_case_id = g_strdup (proposal->platform_case_id);
  copy->violation_code = g_strdup (proposal->violation_code);
  copy->product_ids = g_strdupv (proposal->product_ids);
  copy->received_at = proposal->received_at ? g_date_time_ref (proposal->received_at) : NULL;
  copy->deadline_at = proposal->deadline_at ? g_date_time_ref (proposal->deadline_at) : NULL;
  copy->title = g_strdup (proposal->title);
  return copy;
}

void
desk_intake_proposal_free (DeskIntakeProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_free (proposal->platform_case_id);
  g_free (proposal->violation_code);
  g_strfreev (proposal->product_ids);
  g_clear_pointer (&proposal->received_at, g_date_time_unref);
  g_clear_pointer (&proposal->deadline_at, g_date_time_unref);
  g_free (proposal->title);
  g_free (proposal);
}

/* A relative deadline ("within 72 hours") follows the received time. */
static GDateTime *
notice_deadline (DeskNotice *notice,
                 GDateTime  *received_at)
{
  GDateTime *stated;
  GDateTime *decoded_at;

  if (notice == NULL || (stated = desk_notice_get_deadline (notice)) == NULL)
    return NULL;
  decoded_at = desk_notice_get_received_at (notice);
  if (!desk_notice_get_deadline_is_relative (notice) || decoded_at == NULL || received_at == NULL)
    return g_date_time_ref (stated);
  return g_date_time_add (received_at, g_date_time_difference (stated, decoded_at));
}

GDateTime *
desk_intake_resolve_deadline (DeskNotice       *notice,
                              DeskRulePack     *pack,
                              DeskCaseType      case_type,
                              GDateTime        *received_at,
                              GDateTime        *manual,
                              DeskIntakeSource *source)
{
  GDateTime       *deadline;
  DeskIntakeSource from = DESK_INTAKE_SOURCE_NONE;

  g_return_val_if_fail (notice == NULL || DESK_IS_NOTICE (notice), NULL);
  g_return_val_if_fail (pack == NULL || DESK_IS_RULE_PACK (pack), NULL);

  if (manual != NULL)
    {
      deadline = g_date_time_ref (manual);
      from = DESK_INTAKE_SOURCE_SELLER;
    }
  else if ((deadline = notice_deadline (notice, received_at)))
    from = DESK_INTAKE_SOURCE_NOTICE;
  else if (pack && received_at && case_type != DESK_CASE_TYPE_UNKNOWN
           && (deadline = desk_rule_pack_compute_deadline (pack, case_type, received_at)))
    from = DESK_INTAKE_SOURCE_RULE;
  if (source)
    *source = from;
  return deadline;
}

/* The first few words of the first non-empty line of the notice. */
static char *
notice_words (const char *notice)
{
  g_auto (GStrv) lines = NULL;
  const guint max_chars = 32;

  if (notice == NULL)
    return NULL;
  lines = g_strsplit (notice, "\n", 64);
  for (guint i = 0; lines[i]; i++)
    {
      char            *line = g_strstrip (lines[i]);
      g_autofree char *cut = NULL;
      const char      *end;

      if (*line == '\0' || !g_utf8_validate (line, -1, NULL))
        continue;
      if (g_utf8_strlen (line, -1) <= max_chars)
        return g_strdup (line);
      end = g_utf8_offset_to_pointer (line, max_chars);
      cut = g_strndup (line, end - line);
      return g_strconcat (g_strstrip (cut), "…", NULL);
    }
  return NULL;
}

char *
desk_intake_suggest_title (const char *const *product_ids,
                           const char        *platform_case_id,
                           const char        *notice_text,
                           DeskPlatform       platform,
                           DeskCaseType       case_type)
{
  g_autofree char *words = NULL;
  const char      *what;

  if (product_ids && product_ids[0] && *product_ids[0])
    what = product_ids[0];
  else if (platform_case_id && *platform_case_id)
    what = platform_case_id;
  else if ((words = notice_words (notice_text)))
    what = words;
  else
    what = desk_platform_get_label (platform);
  /* Translators: suggested case title: "<product id or first words of the notice> — <case type>" */
  return g_strdup_printf (_ ("%s — %s"), what, desk_case_type_get_label (case_type));
}

static void
propose_choice (DeskIntakeProposal *p,
                DeskNotice         *notice,
                DeskPlatform        platform,
                DeskCaseType        case_type)
{
  DeskPlatform guessed_platform = notice ? desk_notice_get_platform (notice) : DESK_PLATFORM_UNKNOWN;
  DeskCaseType guessed_type = notice ? desk_notice_get_case_type (notice) : DESK_CASE_TYPE_UNKNOWN;
  double       platform_conf = notice ? desk_notice_get_platform_confidence (notice) : 0;
  double       type_conf = notice ? desk_notice_get_case_type_confidence (notice) : 0;

  if (platform != DESK_PLATFORM_UNKNOWN)
    {
      p->platform = platform;
      p->platform_source = DESK_INTAKE_SOURCE_SELLER;
      p->platform_confidence = 1;
    }
  else if (guessed_platform != DESK_PLATFORM_UNKNOWN)
    {
      p->platform = guessed_platform;
      p->platform_source = DESK_INTAKE_SOURCE_NOTICE;
      p->platform_confidence = platform_conf;
    }
  p->platform_confident = p->platform != DESK_PLATFORM_UNKNOWN
                          && p->platform_confidence >= DESK_NOTICE_PLATFORM_THRESHOLD;

  if (case_type != DESK_CASE_TYPE_UNKNOWN)
    {
      p->case_type = case_type;
      p->case_type_source = DESK_INTAKE_SOURCE_SELLER;
      p->case_type_confidence = 1;
    }
  else if (guessed_type != DESK_CASE_TYPE_UNKNOWN)
    {
      p->case_type = guessed_type;
      p->case_type_source = DESK_INTAKE_SOURCE_NOTICE;
      p->case_type_confidence = type_conf;
    }
  p->case_type_confident = p->case_type != DESK_CASE_TYPE_UNKNOWN
                           && p->case_type_confidence >= DESK_NOTICE_CASE_TYPE_THRESHOLD;
}

/* A confident guess that differs from the seller's choice, when the rules
 * know that platform × case type. */
static void
propose_suggestion (DeskIntakeProposal *p,
                    DeskRuleRegistry   *rules,
                    DeskNotice         *notice,
                    DeskPlatform        platform,
                    DeskCaseType        case_type)
{
  DeskPlatform  s_platform = platform;
  DeskCaseType  s_type = case_type;
  DeskRulePack *pack;

  if (notice == NULL || rules == NULL)
    return;
  if (desk_notice_get_platform_confidence (notice) >= DESK_NOTICE_PLATFORM_THRESHOLD
      && desk_notice_get_platform (notice) != DESK_PLATFORM_UNKNOWN)
    s_platform = desk_notice_get_platform (notice);
  if (desk_notice_get_case_type_confidence (notice) >= DESK_NOTICE_CASE_TYPE_THRESHOLD
      && desk_notice_get_case_type (notice) != DESK_CASE_TYPE_UNKNOWN)
    s_type = desk_notice_get_case_type (notice);
  if (s_platform == platform && s_type == case_type)
    return;
  pack = desk_rule_registry_get_pack (rules, s_platform);
  if (pack == NULL || !desk_rule_pack_lists_case_type (pack, s_type))
    return;
  p->suggested_platform = s_platform;
  p->suggested_case_type = s_type;
}

DeskIntakeProposal *
desk_intake_propose (DeskRuleRegistry *rules,
                     DeskNotice       *notice,
                     DeskPlatform      platform,
                     DeskCaseType      case_type,
                     GDateTime        *received_at)
{
  DeskIntakeProposal *p = g_new0 (DeskIntakeProposal, 1);
  DeskRulePack       *pack;

  g_return_val_if_fail (rules == NULL || DESK_IS_RULE_REGISTRY (rules), NULL);
  g_return_val_if_fail (notice == NULL || DESK_IS_NOTICE (notice), NULL);

  propose_choice (p, notice, platform, case_type);
  propose_suggestion (p, rules, notice, platform, case_type);
  if (notice)
    {
      const char *id = desk_notice_get_case_id (notice);
      g_auto (GStrv) campaigns = desk_notice_get_values (notice, DESK_NOTICE_ROLE_CAMPAIGN_ID);

      if (id == NULL)
        id = desk_notice_get_issue_id (notice);
      /* A campaign exit whose only reference is the campaign: that is its ID. */
      if (id == NULL && p->case_type == DESK_CASE_TYPE_ACTIVITY_EXIT)
        id = campaigns[0];
      p->platform_case_id = g_strdup (id);
      p->violation_code = g_strdup (desk_notice_get_violation_code (notice));
      p->product_ids = g_strdupv ((char **)desk_notice_get_product_ids (notice));
      p->deadline_zone_assumed = desk_notice_get_deadline_zone_assumed (notice);
    }
  if (p->product_ids == NULL)
    p->product_ids = g_new0 (char *, 1);
  p->received_at = received_at ? g_date_time_ref (received_at) : g_date_time_new_now_utc ();
  pack = rules && p->platform != DESK_PLATFORM_UNKNOWN ? desk_rule_registry_get_pack (rules, p->platform) : NULL;
  p->deadline_at = desk_intake_resolve_deadline (notice, pack, p->case_type, p->received_at, NULL,
                                                 &p->deadline_source);
  if (p->deadline_source != DESK_INTAKE_SOURCE_NOTICE)
    p->deadline_zone_assumed = FALSE;
  p->title = desk_intake_suggest_title ((const char *const *)p->product_ids, p->platform_case_id,
                                        notice ? desk_notice_get_text (notice) : NULL,
                                        p->platform, p->case_type);
  return p;
}

gboolean
desk_intake_proposal_is_confident (const DeskIntakeProposal *proposal,
                                   DeskNotice               *notice,
                                   char                    **reason)
{
  g_return_val_if_fail (proposal != NULL, FALSE);

  if (proposal->platform_confident && proposal->case_type_confident)
    return TRUE;
  if (reason)
    {
      if (notice)
        *reason = desk_notice_describe_confidence (notice);
      else
        *reason = g_strdup (_ ("The platform could not be recognised; choose it yourself."));
    }
  return FALSE;
}

void
desk_intake_proposal_apply (const DeskIntakeProposal *p,
                            DeskCase                 *kase)
{
  g_return_if_fail (p != NULL);
  g_return_if_fail (DESK_IS_CASE (kase));

  if (desk_case_get_platform (kase) == DESK_PLATFORM_UNKNOWN)
    desk_case_set_platform (kase, p->platform);
  if (desk_case_get_case_type (kase) == DESK_CASE_TYPE_UNKNOWN)
    desk_case_set_case_type (kase, p->case_type);
  if (*desk_case_get_platform_case_id (kase) == '\0' && p->platform_case_id)
    desk_case_set_platform_case_id (kase, p->platform_case_id);
  if (*desk_case_get_violation_code (kase) == '\0' && p->violation_code)
    desk_case_set_violation_code (kase, p->violation_code);
  if (desk_case_get_product_ids (kase)[0] == NULL && p->product_ids[0])
    desk_case_set_product_ids (kase, (const char *const *)p->product_ids);
  if (desk_case_get_received_at (kase) == NULL)
    desk_case_set_received_at (kase, p->received_at);
  if (desk_case_get_deadline_at (kase) == NULL && p->deadline_at)
    desk_case_set_deadline_at (kase, p->deadline_at);
  if (*desk_case_get_title (kase) == '\0')
    {
      g_autofree char *title = desk_intake_suggest_title (desk_case_get_product_ids (kase),
                                                          desk_case_get_platform_case_id (kase),
                                                          desk_case_get_notice_text (kase),
                                                          desk_case_get_platform (kase),
                                                          desk_case_get_case_type (kase));

      desk_case_set_title (kase, title);
    }
}

static const char *
deadline_basis (DeskIntakeSource source)
{
  switch (source)
    {
      case DESK_INTAKE_SOURCE_RULE:
        return _ ("Deadline from the rules.");
      case DESK_INTAKE_SOURCE_NOTICE:
        return _ ("Deadline as stated in the notice.");
      case DESK_INTAKE_SOURCE_SELLER:
        return _ ("Deadline entered by hand.");
      case DESK_INTAKE_SOURCE_NONE:
      default:
        return _ ("No deadline known.");
    }
}

static char *
intake_note (DeskRulePack    *pack,
             DeskIntakeOrigin origin,
             DeskIntakeSource deadline_source)
{
  g_autofree char *pack_label = pack ? desk_rule_pack_get_label (pack) : NULL;
  const char      *basis = deadline_basis (deadline_source);

  /* The timeline is the seller's: no rules version there. */
  if (origin == DESK_INTAKE_ORIGIN_WIZARD && pack_label)
    /* Translators: timeline note; %s is one of the "Deadline …" sentences */
    return g_strdup_printf (_ ("Created from the notice. %s"), basis);
  if (pack_label)
    /* Translators: timeline note; %s is one of the "Deadline …" sentences */
    return g_strdup_printf (_ ("Created from the command line. %s"), basis);
  /* Translators: timeline note; %s is one of the "Deadline …" sentences */
  return g_strdup_printf (_ ("Created without rules for this platform. %s"), basis);
}

/* What the notice reader read (fields with roles and source lines, stated
 * figures) is kept with the case, in the same transaction. */
static gboolean
save_notice_reading (DeskSession *session,
                     DeskCase    *kase,
                     GError     **error)
{
  g_autoptr (DeskNotice) notice = NULL;
  const char *text = desk_case_get_notice_text (kase);

  if (text == NULL || *text == '\0')
    return TRUE;
  notice = desk_notice_decode_with_rules (desk_session_get_rules (session), text, desk_case_get_received_at (kase));
  return desk_store_save_notice_reading (desk_session_get_store (session), desk_case_get_id (kase), desk_notice_get_fields (notice),
                                         desk_notice_get_facts (notice), error);
}

gboolean
desk_intake_create_case (DeskSession     *session,
                         DeskCase        *kase,
                         DeskIntakeOrigin origin,
                         DeskIntakeSource deadline_source,
                         guint           *n_checklist_items,
                         GError         **error)
{
  DeskStore       *store;
  DeskRulePack    *pack;
  const char      *version;
  g_autofree char *note = NULL;
  g_autoptr (DeskStoreTxn) txn = NULL;

  g_return_val_if_fail (DESK_IS_SESSION (session), FALSE);
  g_return_val_if_fail (DESK_IS_CASE (kase) && desk_case_get_id (kase) == 0, FALSE);

  store = desk_session_get_store (session);
  pack = desk_session_get_pack (session, desk_case_get_platform (kase));
  version = desk_case_get_rule_pack_version (kase);
  if (pack && (version == NULL || *version == '\0'))
    desk_case_set_rule_pack_version (kase, desk_rule_pack_get_pack_version (pack));
  note = intake_note (pack, origin, deadline_source);
  if (!(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  if (!desk_store_insert_case (store, kase, error))
    return FALSE;
  if (!desk_checklist_create_for_case (store, desk_session_get_rules (session), kase, n_checklist_items, error)
      || !save_notice_reading (session, kase, error)
      || !desk_store_add_timeline_entry (store, desk_case_get_id (kase), "note", note, error)
      || !_desk_store_txn_commit (g_steal_pointer (&txn), error))
    {
      _desk_case_set_id (kase, 0);
      return FALSE;
    }
  return TRUE;
}
