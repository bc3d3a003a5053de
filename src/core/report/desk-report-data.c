/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-report"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-attempts.h"
#include "desk-case-snapshot.h"
#include "desk-evidence.h"
#include "chain/desk-chain-check.h"
#include "chain/desk-chain-store.h"
#include "letters/desk-exhibits.h"
#include "letters/desk-letter.h"
#include "package/desk-package-store.h"
#include "desk-report-private.h"
#include "desk-timeline.h"

/* Reads the case for the report on the caller's thread: one whole-case
 * snapshot (with its "closure" part), texts from the pack in force. */

typedef struct
{
  DeskReportProvider provider;
  gpointer           user_data;
} Provider;

static GArray *providers;

void
desk_report_add_provider (DeskReportProvider provider,
                          gpointer           user_data)
{
  Provider p = { provider, user_data };

  if (providers == NULL)
    providers = g_array_new (FALSE, FALSE, sizeof (Provider));
  g_array_append_val (providers, p);
}

DeskReportItem *
desk_report_item_new (const char *title,
                      const char *text)
{
  DeskReportItem *item = g_new0 (DeskReportItem, 1);

  item->title = g_strdup (title);
  item->text = g_strdup (text);
  return item;
}

void
desk_report_item_free (DeskReportItem *item)
{
  if (item == NULL)
    return;
  g_free (item->title);
  g_free (item->text);
  g_free (item);
}

DeskReportSection *
desk_report_section_new (const char *title,
                         const char *text)
{
  DeskReportSection *section = g_new0 (DeskReportSection, 1);

  section->title = g_strdup (title);
  section->text = g_strdup (text);
  return section;
}

void
desk_report_section_free (DeskReportSection *section)
{
  if (section == NULL)
    return;
  g_free (section->title);
  g_free (section->text);
  g_clear_pointer (&section->chart, cairo_surface_destroy);
  g_free (section);
}

static void
evidence_free (DeskReportEvidence *e)
{
  g_free (e->reference);
  g_free (e->item_label);
  g_free (e->name);
  g_free (e->sha256);
  g_free (e->mime_type);
  g_clear_pointer (&e->added_at, g_date_time_unref);
  g_free (e);
}

void
_desk_report_data_free (DeskReportData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->platform_case_id);
  g_free (data->violation_code);
  g_strfreev (data->product_ids);
  g_free (data->notice_text);
  g_clear_pointer (&data->received_at, g_date_time_unref);
  g_clear_pointer (&data->deadline_at, g_date_time_unref);
  g_clear_pointer (&data->created_at, g_date_time_unref);
  g_clear_pointer (&data->made_at, g_date_time_unref);
  g_clear_pointer (&data->zone, g_time_zone_unref);
  g_clear_pointer (&data->timeline, g_ptr_array_unref);
  g_clear_pointer (&data->evidence, g_ptr_array_unref);
  g_clear_pointer (&data->attempts, g_ptr_array_unref);
  g_clear_pointer (&data->closure, desk_closure_free);
  g_clear_pointer (&data->follow_ups, g_ptr_array_unref);
  g_free (data->pack_version);
  g_free (data->pack_date);
  g_free (data->root_cause_label);
  g_clear_pointer (&data->advice, g_ptr_array_unref);
  g_free (data->advice_source);
  g_free (data->advice_verify);
  g_free (data->seller_entity);
  g_clear_pointer (&data->chain_links, g_ptr_array_unref);
  g_clear_pointer (&data->chain_gaps, g_ptr_array_unref);
  g_clear_pointer (&data->letters, g_ptr_array_unref);
  g_clear_pointer (&data->extra, g_ptr_array_unref);
  g_clear_pointer (&data->packages, g_ptr_array_unref);
  g_free (data);
}

static GDateTime *
ref_or_null (GDateTime *time)
{
  return time ? g_date_time_ref (time) : NULL;
}

static void
read_case (DeskReportData *data,
           DeskCase       *kase)
{
  data->title = g_strdup (desk_case_get_title (kase));
  data->platform = desk_case_get_platform (kase);
  data->case_type = desk_case_get_case_type (kase);
  data->status = desk_case_get_status (kase);
  data->platform_case_id = g_strdup (desk_case_get_platform_case_id (kase));
  data->violation_code = g_strdup (desk_case_get_violation_code (kase));
  data->product_ids = g_strdupv ((char **)desk_case_get_product_ids (kase));
  data->notice_text = g_strdup (desk_case_get_notice_text (kase));
  data->received_at = ref_or_null (desk_case_get_received_at (kase));
  data->deadline_at = ref_or_null (desk_case_get_deadline_at (kase));
  data->created_at = ref_or_null (desk_case_get_created_at (kase));
}

/* In exhibit order, numbered as letters and the package number them. */
static GPtrArray *
read_evidence (DeskSession       *session,
               DeskCaseSnapshot  *snapshot,
               DeskReportLanguage language,
               GError           **error)
{
  const char *lang = language == DESK_REPORT_LANGUAGE_ZH_CN ? "zh" : "en";
  g_autoptr (GPtrArray) exhibits = desk_exhibits_list (session, desk_case_snapshot_get_case_id (snapshot), lang, error);
  GPtrArray *out;

  if (exhibits == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify)evidence_free);
  for (guint i = 0; i < exhibits->len; i++)
    {
      DeskExhibit        *x = exhibits->pdata[i];
      DeskEvidence       *ev = desk_case_snapshot_find_evidence (snapshot, x->evidence_id);
      DeskReportEvidence *e = g_new0 (DeskReportEvidence, 1);

      e->id = x->evidence_id;
      e->reference = desk_exhibit_format_reference (x->number, lang);
      e->item_label = g_strdup (x->item_label);
      e->name = g_strdup (x->original_name);
      if (ev)
        {
          e->sha256 = g_strdup (desk_evidence_get_sha256 (ev));
          e->size = desk_evidence_get_size (ev);
          e->mime_type = g_strdup (desk_evidence_get_mime_type (ev));
          e->added_at = ref_or_null (desk_evidence_get_added_at (ev));
        }
      g_ptr_array_add (out, e);
    }
  return out;
}

static GPtrArray *
copy_array (GPtrArray     *array,
            GBoxedCopyFunc copy,
            GDestroyNotify free_func)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (free_func);

  for (guint i = 0; array && i < array->len; i++)
    g_ptr_array_add (out, copy (array->pdata[i]));
  return out;
}

static void
read_pack (DeskReportData *data,
           DeskSession    *session)
{
  DeskRuleLanguage      lang = data->language == DESK_REPORT_LANGUAGE_ZH_CN ? DESK_RULE_LANGUAGE_ZH : DESK_RULE_LANGUAGE_EN;
  DeskRulePack         *pack = desk_session_get_pack (session, data->platform);
  const DeskCaseRules  *rules = pack ? desk_rule_pack_get_case_rules (pack, data->case_type) : NULL;
  const DeskRuleFigure *cite;
  const char           *source_title;

  if (pack == NULL)
    return;
  data->pack_version = g_strdup (desk_rule_pack_get_pack_version (pack));
  data->pack_date = g_strdup (desk_rule_pack_get_effective_date (pack));
  if (rules == NULL)
    return;
  if (data->closure && data->closure->root_cause && *data->closure->root_cause)
    data->root_cause_label = g_strdup (desk_case_rules_find_root_cause (rules, data->closure->root_cause, lang));
  data->advice = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < desk_case_rules_get_n_advice (rules); i++)
    g_ptr_array_add (data->advice, g_strdup (desk_case_rules_get_advice (rules, i, lang)));
  if ((cite = desk_case_rules_get_closure_rule (rules)) != NULL)
    {
      source_title = desk_rule_pack_get_source_title (pack, desk_rule_figure_get_source (cite), lang);
      data->advice_source = g_strdup (source_title ? source_title : desk_rule_figure_get_source (cite));
      data->advice_verify = g_strdup (desk_rule_figure_get_verify (cite, lang));
    }
}

static const char *
language_name (const char *code)
{
  /* Each language named in itself, as on the letter. */
  if (g_str_equal (code, "en"))
    return "English";
  if (g_str_equal (code, "ru"))
    return "Русский";
  if (g_str_equal (code, "zh"))
    return "中文";
  return code;
}

/* The letters sent: the text each platform letter has now (the seller's
 * edit, else the filled template), once the case was submitted; the seller's
 * Chinese working copy is not sent and is left out. The first letter's
 * seller entity becomes the PDF's author. */
static void
read_letters (DeskReportData *data,
              DeskSession    *session,
              DeskCatalog    *catalog)
{
  g_auto (GStrv) languages = desk_letter_list_languages (data->platform, data->case_type);
  gboolean submitted = data->attempts->len > 0;

  for (guint i = 0; !submitted && i < data->timeline->len; i++)
    submitted = desk_timeline_entry_get_kind (data->timeline->pdata[i]) == DESK_TIMELINE_SUBMITTED;
  for (guint i = 0; submitted && languages[i]; i++)
    {
      g_autoptr (DeskLetter) letter = NULL;
      g_autoptr (DeskLetterDetails) details = NULL;
      g_autofree char *title = NULL;

      if (g_str_equal (languages[i], "zh") || !(letter = desk_letter_get (session, data->case_id, languages[i], NULL))
          || letter->text == NULL || *letter->text == '\0')
        continue;
      /* Translators: closure report: "Letter in English — 1 234 characters" */
      title = g_strdup_printf (_desk_catalog_get (catalog, N_ ("Letter in %s — %u characters%s")), language_name (languages[i]),
                               desk_letter_count_chars (letter->text),
                               letter->edited ? _desk_catalog_get (catalog, N_ (", edited by the seller")) : "");
      g_ptr_array_add (data->letters, desk_report_item_new (title, letter->text));
      if (data->seller_entity == NULL && (details = desk_letter_get_details (session, data->case_id, languages[i], NULL))
          && details->seller && *details->seller)
        data->seller_entity = g_strdup (details->seller);
    }
}

/* The authorization chain, link by link, and the gaps that remain (gap
 * texts are in the app's language: the checker words them when the case is
 * read). The seller's legal entity is the PDF's author. */
static void
read_chain (DeskReportData   *data,
            DeskSession      *session,
            DeskCaseSnapshot *snapshot,
            DeskCatalog      *catalog)
{
  const DeskChainSnapshot *part = desk_case_snapshot_get_part (snapshot, DESK_CHAIN_PART);
  g_autoptr (GError) error = NULL;
  DeskSellerProfile *profile = desk_seller_profile_load (desk_session_get_store (session), &error);

  if (profile && profile->entities && profile->entities->len > 0)
    {
      DeskSellerEntity *e = profile->entities->pdata[0];
      const char       *name = data->language == DESK_REPORT_LANGUAGE_ZH_CN && e->name_zh && *e->name_zh ? e->name_zh : e->name_en;

      if (name && *name)
        {
          g_free (data->seller_entity);
          data->seller_entity = g_strdup (name);
        }
    }
  g_clear_pointer (&profile, desk_seller_profile_free);
  if (part == NULL || part->chain == NULL)
    return;
  for (guint i = 0; part->chain->links && i < part->chain->links->len; i++)
    {
      DeskChainLink *l = part->chain->links->pdata[i];
      /* Translators: closure report: "Link 1: Brand Co. → Distributor Ltd." */
      g_autofree char *title = g_strdup_printf (_desk_catalog_get (catalog, N_ ("Link %u: %s → %s")), i + 1,
                                                l->grantor ? l->grantor : "?", l->grantee ? l->grantee : "?");
      /* Translators: closure report: validity of an authorization link */
      g_autofree char *text = g_strdup_printf (_desk_catalog_get (catalog, N_ ("Valid from %s to %s. Sub-licensing: %s.")),
                                               l->valid_from ? l->valid_from : "—", l->valid_until ? l->valid_until : "—",
                                               _desk_catalog_get (catalog, l->sublicensing ? N_ ("allowed") : N_ ("not allowed")));

      g_ptr_array_add (data->chain_links, desk_report_item_new (title, text));
    }
  for (guint i = 0; part->gaps && i < part->gaps->len; i++)
    {
      g_autofree char *line = desk_chain_gap_describe (part->gaps->pdata[i]);

      g_ptr_array_add (data->chain_gaps, desk_report_item_new (NULL, line));
    }
}

/* The complaint packages made for the case (the "packages" snapshot part). */
static void
read_packages (DeskReportData   *data,
               DeskCaseSnapshot *snapshot,
               DeskCatalog      *catalog)
{
  GPtrArray *records = (GPtrArray *)desk_case_snapshot_get_part (snapshot, DESK_PACKAGE_SNAPSHOT_PART);

  for (guint i = 0; records && i < records->len; i++)
    {
      DeskPackageRecord *r = records->pdata[i];
      g_autofree char   *name = g_path_get_basename (r->path);
      g_autofree char   *size = g_format_size (r->size);
      g_autoptr (GDateTime) local = r->created_at ? g_date_time_to_timezone (r->created_at, data->zone) : NULL;
      g_autofree char *when = local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("—");
      GString         *text = g_string_new (NULL);

      /* Translators: closure report: "Made 2026-03-11 10:00 · 9 files · 2.1 MB" */
      g_string_append_printf (text, _desk_catalog_get (catalog, N_ ("Made %s · %u files · %s")), when, r->n_files, size);
      g_string_append_printf (text, "\nSHA-256 %s", r->sha256 ? r->sha256 : "—");
      for (guint j = 0; r->omitted && r->omitted[j]; j++)
        {
          const char *part = g_str_equal (r->omitted[j], "letters") ? N_ ("the appeal letters")
                             : g_str_equal (r->omitted[j], "chain") ? N_ ("the authorization chain check")
                                                                    : r->omitted[j];

          g_string_append_printf (text, "%s%s", j == 0 ? "\n" : ", ", j == 0 ? _desk_catalog_get (catalog, N_ ("Made without: ")) : "");
          g_string_append (text, _desk_catalog_get (catalog, part));
        }
      if (r->blocking_gaps > 0)
        g_string_append_printf (text, "\n%s", _desk_catalog_get (catalog, N_ ("Made although the authorization chain had blocking gaps.")));
      g_ptr_array_add (data->packages, desk_report_item_new (name, text->str));
      g_string_free (text, TRUE);
    }
}

static void
run_providers (DeskReportData   *data,
               DeskSession      *session,
               DeskCaseSnapshot *snapshot)
{
  DeskReportInput input = { session, snapshot, data->case_id, data->language, &data->seller_entity,
                            data->chain_links, data->chain_gaps, data->letters, data->extra };

  for (guint i = 0; providers && i < providers->len; i++)
    g_array_index (providers, Provider, i).provider (&input, g_array_index (providers, Provider, i).user_data);
}

DeskReportData *
_desk_report_data_load (DeskSession       *session,
                        gint64             case_id,
                        DeskReportLanguage language,
                        GError           **error)
{
  g_autoptr (DeskReportData) data = g_new0 (DeskReportData, 1);
  g_autoptr (DeskCaseSnapshot) snapshot = desk_case_snapshot_load (session, case_id, error);
  const DeskClosurePart *closure;

  if (snapshot == NULL)
    return NULL;
  data->language = language;
  data->case_id = case_id;
  data->made_at = g_date_time_new_now_utc ();
  data->zone = g_time_zone_new_local ();
  read_case (data, desk_case_snapshot_get_case (snapshot));
  data->timeline = copy_array (desk_case_snapshot_get_timeline (snapshot), (GBoxedCopyFunc)desk_timeline_entry_copy,
                               (GDestroyNotify)desk_timeline_entry_free);
  if (!(data->evidence = read_evidence (session, snapshot, language, error)))
    return NULL;
  data->attempts = copy_array (desk_case_snapshot_get_attempts (snapshot), (GBoxedCopyFunc)desk_attempt_record_copy,
                               (GDestroyNotify)desk_attempt_record_free);
  closure = desk_case_snapshot_get_part (snapshot, "closure");
  data->closure = closure && closure->closure ? desk_closure_copy (closure->closure) : NULL;
  data->follow_ups = copy_array (closure ? closure->follow_ups : NULL, (GBoxedCopyFunc)desk_follow_up_copy,
                                 (GDestroyNotify)desk_follow_up_free);
  read_pack (data, session);
  data->chain_links = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_report_item_free);
  data->chain_gaps = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_report_item_free);
  data->letters = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_report_item_free);
  data->extra = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_report_section_free);
  data->packages = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_report_item_free);
  {
    g_autoptr (DeskCatalog) catalog = _desk_catalog_load (desk_report_language_to_id (language));

    read_chain (data, session, snapshot, catalog);
    read_letters (data, session, catalog);
    read_packages (data, snapshot, catalog);
    _desk_report_read_activity (data, session, snapshot, catalog);
  }
  run_providers (data, session, snapshot);
  return g_steal_pointer (&data);
}
