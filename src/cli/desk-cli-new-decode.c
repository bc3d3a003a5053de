/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-checklist.h"
#include "desk-cli.h"
#include "desk-notice.h"
#include "notice/desk-notice-record.h"
#include "desk-rule-registry.h"
#include "desk-util.h"

/* What `new --notice` reads from the notice, for fields the options left empty.
 * The options always win: the seller knows better than the decoder. */
static void
fill_from_notice (DeskCase   *kase,
                  DeskNotice *notice)
{
  const char *id = desk_notice_get_case_id (notice) ? desk_notice_get_case_id (notice)
                                                    : desk_notice_get_issue_id (notice);
  g_auto (GStrv) campaigns = desk_notice_get_values (notice, DESK_NOTICE_ROLE_CAMPAIGN_ID);

  /* A campaign exit whose only reference is the campaign: that is the case's ID. */
  if (id == NULL && desk_notice_get_case_type (notice) == DESK_CASE_TYPE_ACTIVITY_EXIT)
    id = campaigns[0];

  if (desk_case_get_platform (kase) == DESK_PLATFORM_UNKNOWN)
    desk_case_set_platform (kase, desk_notice_get_platform (notice));
  if (desk_case_get_case_type (kase) == DESK_CASE_TYPE_UNKNOWN)
    desk_case_set_case_type (kase, desk_notice_get_case_type (notice));
  if (*desk_case_get_platform_case_id (kase) == '\0' && id)
    desk_case_set_platform_case_id (kase, id);
  if (*desk_case_get_violation_code (kase) == '\0' && desk_notice_get_violation_code (notice))
    desk_case_set_violation_code (kase, desk_notice_get_violation_code (notice));
  if (desk_case_get_product_ids (kase)[0] == NULL && desk_notice_get_product_ids (notice))
    desk_case_set_product_ids (kase, desk_notice_get_product_ids (notice));
  if (desk_case_get_deadline_at (kase) == NULL && desk_notice_get_deadline (notice))
    desk_case_set_deadline_at (kase, desk_notice_get_deadline (notice));
}

/* A weak guess is never used silently: the seller must name what it could not tell. */
static gboolean
check_guess (DeskCase   *kase,
             DeskNotice *notice,
             gboolean    platform_given,
             gboolean    type_given,
             GError    **error)
{
  g_autofree char *reason = NULL;
  gboolean         weak_platform = !platform_given && desk_notice_get_platform_confidence (notice) < 0.6;
  gboolean         weak_type = !type_given && desk_notice_get_case_type_confidence (notice) < 0.5;

  if (!weak_platform && !weak_type && desk_case_get_platform (kase) != DESK_PLATFORM_UNKNOWN
      && desk_case_get_case_type (kase) != DESK_CASE_TYPE_UNKNOWN)
    return TRUE;
  reason = desk_notice_describe_confidence (notice);
  /* Translators: %s explains what the notice reader could not tell */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _ ("%s\nGive the platform and case type with --platform and --type."), reason);
  return FALSE;
}

gboolean
desk_cli_new_decode_notice (DeskCliContext *ctx,
                            DeskCase       *kase,
                            gboolean        platform_given,
                            gboolean        type_given,
                            GError        **error)
{
  g_autoptr (DeskNotice) notice = NULL;
  const char *text = desk_case_get_notice_text (kase);

  if (text == NULL || *text == '\0')
    return TRUE;
  notice = desk_notice_decode (text, desk_case_get_received_at (kase));
  fill_from_notice (kase, notice);
  if (!check_guess (kase, notice, platform_given, type_given, error))
    return FALSE;
  if (!ctx->json)
    {
      g_autofree char *said = desk_notice_describe_confidence (notice);

      /* Translators: %s is the platform · case type the notice was read as */
      printf (_ ("Notice read as %s · %s.\n"), desk_platform_get_label (desk_case_get_platform (kase)),
              desk_case_type_get_label (desk_case_get_case_type (kase)));
      if (said && *said)
        printf ("%s\n", said);
    }
  return TRUE;
}

/* Without a deadline from the options or the notice, the rule pack's applies. */
void
desk_cli_new_apply_rule_deadline (DeskCliContext *ctx,
                                  DeskCase       *kase)
{
  DeskRuleRegistry *rules = desk_checklist_get_rules (ctx->store);
  DeskRulePack     *pack;
  g_autoptr (GDateTime) deadline = NULL;

  if (desk_case_get_deadline_at (kase) || rules == NULL
      || !(pack = desk_rule_registry_get_pack (rules, desk_case_get_platform (kase))))
    return;
  deadline = desk_rule_pack_compute_deadline (pack, desk_case_get_case_type (kase),
                                              desk_case_get_received_at (kase));
  if (deadline)
    desk_case_set_deadline_at (kase, deadline);
}

/* "<first product or case ID> — <case type>", the title the wizard suggests too. */
void
desk_cli_new_default_title (DeskCase *kase)
{
  const char *const *products = desk_case_get_product_ids (kase);
  const char        *what = products[0] ? products[0] : desk_case_get_platform_case_id (kase);
  g_autofree char   *title = NULL;

  if (*desk_case_get_title (kase) != '\0')
    return;
  if (what == NULL || *what == '\0')
    what = desk_platform_get_label (desk_case_get_platform (kase));
  /* Translators: a case title, e.g. "1005006612345678 — IP complaint" */
  title = g_strdup_printf (_ ("%s — %s"), what, desk_case_type_get_label (desk_case_get_case_type (kase)));
  desk_case_set_title (kase, title);
}

/* Keeps what was read from the notice (fields with roles, stated figures)
 * with the new case, for `show` and the case page. */
gboolean
desk_cli_new_save_reading (DeskCliContext *ctx,
                           DeskCase       *kase,
                           GError        **error)
{
  g_autoptr (DeskNotice) notice = NULL;
  const char *text = desk_case_get_notice_text (kase);

  if (text == NULL || *text == '\0')
    return TRUE;
  notice = desk_notice_decode (text, desk_case_get_received_at (kase));
  return desk_store_save_notice_reading (ctx->store, desk_case_get_id (kase), desk_notice_get_fields (notice),
                                         desk_notice_get_facts (notice), error);
}
