/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-package"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-checklist.h"
#include "desk-store-private.h"
#include "chain/desk-chain-check.h"
#include "chain/desk-chain-store.h"
#include "letters/desk-exhibits.h"
#include "letters/desk-letter.h"
#include "desk-evidence-store.h"
#include "desk-package-names.h"
#include "metrics/desk-activity-case-private.h"
#include "desk-package-private.h"
#include "desk-package-zip.h"
#include "desk-util.h"

G_DEFINE_FINAL_TYPE (DeskPackagePlan, desk_package_plan, G_TYPE_OBJECT)

G_DEFINE_QUARK (desk_package_error_quark, desk_package_error)

DeskPackageGap *
desk_package_gap_new (const char *code,
                      const char *text_en,
                      const char *text_zh,
                      gboolean    blocking)
{
  DeskPackageGap *gap = g_new0 (DeskPackageGap, 1);

  gap->code = g_strdup (code);
  gap->text_en = g_strdup (text_en);
  gap->text_zh = g_strdup (text_zh ? text_zh : text_en);
  gap->blocking = blocking;
  return gap;
}

void
desk_package_gap_free (DeskPackageGap *gap)
{
  if (gap == NULL)
    return;
  g_free (gap->code);
  g_free (gap->text_en);
  g_free (gap->text_zh);
  g_free (gap);
}

static void
exhibit_free (DeskPackageExhibit *exhibit)
{
  g_clear_object (&exhibit->evidence);
  g_free (exhibit->item_id);
  g_free (exhibit->label_en);
  g_free (exhibit->label_zh);
  g_free (exhibit->source_path);
  g_free (exhibit->zip_name);
  g_strfreev (exhibit->warnings);
  g_free (exhibit);
}

static void
letter_free (DeskPackageLetter *letter)
{
  g_free (letter->language);
  g_free (letter->text);
  g_free (letter->zip_name);
  g_free (letter);
}

void
desk_package_file_free (DeskPackageFile *file)
{
  g_free (file->zip_name);
  g_free (file);
}

static void
desk_package_plan_dispose (GObject *object)
{
  DeskPackagePlan *self = DESK_PACKAGE_PLAN (object);

  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->kase);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->snapshot, desk_case_snapshot_unref);
  G_OBJECT_CLASS (desk_package_plan_parent_class)->dispose (object);
}

static void
desk_package_plan_finalize (GObject *object)
{
  DeskPackagePlan *self = DESK_PACKAGE_PLAN (object);

  g_clear_pointer (&self->checklist, g_ptr_array_unref);
  g_clear_pointer (&self->exhibits, g_ptr_array_unref);
  g_clear_pointer (&self->letters, g_ptr_array_unref);
  g_clear_pointer (&self->chain, json_node_unref);
  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->omissions, g_ptr_array_unref);
  g_free (self->post_mortem);
  G_OBJECT_CLASS (desk_package_plan_parent_class)->finalize (object);
}

static void
desk_package_plan_class_init (DeskPackagePlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_package_plan_dispose;
  object_class->finalize = desk_package_plan_finalize;
}

static void
desk_package_plan_init (DeskPackagePlan *self)
{
  self->exhibits = g_ptr_array_new_with_free_func ((GDestroyNotify)exhibit_free);
  self->letters = g_ptr_array_new_with_free_func ((GDestroyNotify)letter_free);
  self->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_package_gap_free);
  self->omissions = g_ptr_array_new ();
  g_ptr_array_add (self->omissions, NULL);
}

static void
update_omissions (DeskPackagePlan *self)
{
  g_ptr_array_set_size (self->omissions, 0);
  if (self->letters->len == 0)
    g_ptr_array_add (self->omissions, (gpointer) "letters");
  if (!self->chain_included)
    g_ptr_array_add (self->omissions, (gpointer) "chain");
  g_ptr_array_add (self->omissions, NULL);
}

const DeskCaseRules *
_desk_package_plan_get_rules (DeskPackagePlan *self)
{
  return self->pack ? desk_rule_pack_get_case_rules (self->pack, desk_case_get_case_type (self->kase)) : NULL;
}

static char *
exhibit_prefix (guint       number,
                guint       n_exhibits,
                const char *item_id)
{
  int width = n_exhibits >= 100 ? 3 : 2;

  return g_strdup_printf ("%0*u_%s%s", width, number, item_id ? item_id : "", item_id ? "_" : "");
}

/* Exhibit numbers are THE numbering the letters cite
 * (letters/desk-exhibits.h); the package only names the files after them. */
static gboolean
collect_exhibits (DeskPackagePlan *self,
                  GError         **error)
{
  g_autoptr (GPtrArray) list = desk_exhibits_list (self->session, desk_case_get_id (self->kase), "en", error);
  g_autoptr (GPtrArray) list_zh = NULL;
  g_autoptr (DeskPackageNamer) namer = desk_package_namer_new ();

  if (list == NULL || !(list_zh = desk_exhibits_list (self->session, desk_case_get_id (self->kase), "zh", error)))
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      DeskExhibit        *source = g_ptr_array_index (list, i);
      DeskExhibit        *source_zh = g_ptr_array_index (list_zh, i);
      DeskPackageExhibit *exhibit = g_new0 (DeskPackageExhibit, 1);
      g_autofree char    *prefix = NULL;
      g_autofree char    *name = NULL;

      g_ptr_array_add (self->exhibits, exhibit);
      exhibit->number = source->number;
      exhibit->evidence = desk_case_snapshot_find_evidence (self->snapshot, source->evidence_id);
      if (exhibit->evidence == NULL)
        {
          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, "evidence %" G_GINT64_FORMAT " not in case snapshot",
                       source->evidence_id);
          return FALSE;
        }
      g_object_ref (exhibit->evidence);
      exhibit->item_id = g_strdup (source->item_id);
      exhibit->label_en = g_strdup (source->item_label);
      exhibit->label_zh = g_strdup (source_zh->evidence_id == source->evidence_id ? source_zh->item_label : NULL);
      exhibit->source_path = desk_evidence_get_path (self->store, exhibit->evidence);
      /* The item id is ASCII kebab-case, but may be long in a user pack. */
      prefix = exhibit_prefix (exhibit->number, list->len,
                               source->item_id && strlen (source->item_id) < 60 ? source->item_id : NULL);
      name = desk_package_namer_take (namer, prefix, desk_evidence_get_original_name (exhibit->evidence));
      exhibit->zip_name = g_strconcat ("evidence/", name, NULL);
      exhibit->store = desk_zip_should_store (desk_evidence_get_mime_type (exhibit->evidence), exhibit->source_path);
      exhibit->warnings = desk_evidence_get_warnings (exhibit->evidence, _desk_package_plan_get_rules (self));
    }
  return TRUE;
}

/* The letters as the letter page shows them (the seller's edit, else the
 * filled template), one per language with a template. */
static gboolean
collect_letters (DeskPackagePlan *self,
                 GError         **error)
{
  g_auto (GStrv) languages = desk_letter_list_languages (desk_case_get_platform (self->kase), desk_case_get_case_type (self->kase));

  for (guint i = 0; languages[i]; i++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (DeskLetter) letter = desk_letter_get (self->session, desk_case_get_id (self->kase), languages[i], &local);

      if (letter == NULL && g_error_matches (local, DESK_LETTER_ERROR, DESK_LETTER_ERROR_NO_TEMPLATE))
        continue;
      if (letter == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      desk_package_plan_add_letter (self, letter->language, letter->text);
    }
  return TRUE;
}

/* The authorization chain and its gaps as the chain checker reports them
 * (chain/desk-chain-store.h). The gap texts are in the app's language. */
static gboolean
collect_chain (DeskPackagePlan *self,
               GError         **error)
{
  const DeskChainSnapshot *part = desk_case_snapshot_get_part (self->snapshot, DESK_CHAIN_PART);
  g_autoptr (GPtrArray) checked = desk_chain_check_case (self->session, desk_case_get_id (self->kase), self->now, error);
  g_autoptr (GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_package_gap_free);
  g_autoptr (JsonNode) chain = NULL;

  if (checked == NULL)
    return FALSE;
  if (part && part->chain)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      desk_chain_to_json (part->chain, builder);
      chain = json_builder_get_root (builder);
    }
  for (guint i = 0; i < checked->len; i++)
    {
      const DeskChainGap *gap = g_ptr_array_index (checked, i);
      /* Chinese sentences follow each other without a space. */
      const char      *space = g_str_has_suffix (gap->message, "。") ? "" : " ";
      g_autofree char *text = gap->fix && *gap->fix ? g_strconcat (gap->message, space, gap->fix, NULL) : g_strdup (gap->message);

      if (gap->severity == DESK_CHAIN_SEVERITY_ADVICE)
        continue;
      g_ptr_array_add (gaps, desk_package_gap_new (desk_chain_gap_kind_to_id (gap->kind), text, text,
                                                   gap->severity == DESK_CHAIN_SEVERITY_BLOCKING));
    }
  desk_package_plan_set_chain (self, chain, gaps);
  return TRUE;
}

/* A campaign exit's post-mortem (issue 15), as the seller keeps it: the
 * platform's own template is filled from it. */
static void
collect_post_mortem (DeskPackagePlan *self)
{
  const DeskActivityRecord *record = desk_case_snapshot_get_part (self->snapshot, "activity");
  g_autoptr (GString) text = NULL;

  if (record == NULL || record->post_mortem == NULL)
    return;
  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n\n", _ ("Post-Mortem"));
  for (guint i = 0; i < DESK_N_POST_MORTEM_FIELDS; i++)
    {
      const char *value = desk_post_mortem_get (record->post_mortem, i);

      g_string_append_printf (text, "%u. %s\n%s\n\n", i + 1, desk_post_mortem_field_get_label (i), *value ? value : "—");
    }
  self->post_mortem = g_string_free (g_steal_pointer (&text), FALSE);
}

DeskPackagePlan *
desk_package_plan_new (DeskSession *session,
                       gint64       case_id,
                       GError     **error)
{
  g_autoptr (DeskPackagePlan) self = NULL;
  g_autoptr (DeskStoreTxn) txn = NULL;
  DeskRulePack *pack;

  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  self = g_object_new (DESK_TYPE_PACKAGE_PLAN, NULL);
  self->session = g_object_ref (session);
  self->store = g_object_ref (desk_session_get_store (session));
  self->now = g_date_time_new_now_utc ();
  self->zh = desk_rule_language_get_current () == DESK_RULE_LANGUAGE_ZH;
  /* The snapshot and the numbering from the same moment. */
  if (!(txn = _desk_store_txn_begin_read (self->store, error)) || !(self->snapshot = desk_case_snapshot_load (session, case_id, error)))
    return NULL;
  self->kase = g_object_ref (desk_case_snapshot_get_case (self->snapshot));
  self->checklist = g_ptr_array_ref (desk_case_snapshot_get_checklist (self->snapshot));
  if ((pack = desk_session_get_pack (session, desk_case_get_platform (self->kase))))
    self->pack = g_object_ref (pack);
  if (!collect_exhibits (self, error) || !collect_letters (self, error) || !collect_chain (self, error) || !_desk_store_txn_commit (g_steal_pointer (&txn), error))
    return NULL;
  collect_post_mortem (self);
  update_omissions (self);
  return g_steal_pointer (&self);
}

void
desk_package_plan_add_letter (DeskPackagePlan *self,
                              const char      *language,
                              const char      *text)
{
  const DeskCaseRules *rules;
  const char *const   *languages;
  DeskPackageLetter   *letter = NULL;
  g_autofree char     *lang = NULL;

  g_return_if_fail (DESK_IS_PACKAGE_PLAN (self));
  g_return_if_fail (language != NULL && text != NULL);
  lang = desk_package_sanitize_name (language, 16);
  /* Replaced in place: letters keep the order of the rule pack. */
  for (guint i = 0; i < self->letters->len && letter == NULL; i++)
    if (g_str_equal (((DeskPackageLetter *)g_ptr_array_index (self->letters, i))->language, lang))
      letter = g_ptr_array_index (self->letters, i);
  if (letter == NULL)
    {
      letter = g_new0 (DeskPackageLetter, 1);
      letter->language = g_steal_pointer (&lang);
      letter->zip_name = g_strdup_printf ("letters/letter-%s.txt", letter->language);
      g_ptr_array_add (self->letters, letter);
    }
  g_free (letter->text);
  letter->text = g_utf8_make_valid (text, -1);
  letter->characters = g_utf8_strlen (letter->text, -1);
  rules = _desk_package_plan_get_rules (self);
  languages = rules ? desk_case_rules_get_letter_languages (rules) : NULL;
  letter->record_only = languages && languages[0] && !g_strv_contains (languages, letter->language);
  update_omissions (self);
}

void
desk_package_plan_set_chain (DeskPackagePlan *self,
                             JsonNode        *chain,
                             GPtrArray       *gaps)
{
  g_return_if_fail (DESK_IS_PACKAGE_PLAN (self));
  g_clear_pointer (&self->chain, json_node_unref);
  self->chain = chain ? json_node_copy (chain) : NULL;
  g_ptr_array_set_size (self->gaps, 0);
  for (guint i = 0; gaps && i < gaps->len; i++)
    {
      DeskPackageGap *gap = g_ptr_array_index (gaps, i);

      g_ptr_array_add (self->gaps, desk_package_gap_new (gap->code, gap->text_en, gap->text_zh, gap->blocking));
    }
  self->chain_included = TRUE;
  update_omissions (self);
}

void
desk_package_plan_set_now (DeskPackagePlan *self,
                           GDateTime       *now)
{
  g_return_if_fail (DESK_IS_PACKAGE_PLAN (self));
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_to_utc (now);
}

guint
desk_package_plan_count_blocking_gaps (DeskPackagePlan *self)
{
  guint n = 0;

  g_return_val_if_fail (DESK_IS_PACKAGE_PLAN (self), 0);
  for (guint i = 0; i < self->gaps->len; i++)
    n += ((DeskPackageGap *)g_ptr_array_index (self->gaps, i))->blocking ? 1 : 0;
  return n;
}

char *
desk_package_plan_describe_blocking_gaps (DeskPackagePlan *self)
{
  gboolean zh = desk_rule_language_get_current () == DESK_RULE_LANGUAGE_ZH;
  guint    n = desk_package_plan_count_blocking_gaps (self);
  GString *out;

  if (n == 0)
    return NULL;
  out = g_string_new (NULL);
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The authorization chain has %u gap that will make the appeal fail:",
                                       "The authorization chain has %u gaps that will make the appeal fail:", n),
                          n);
  for (guint i = 0; i < self->gaps->len; i++)
    {
      DeskPackageGap *gap = g_ptr_array_index (self->gaps, i);

      if (gap->blocking)
        g_string_append_printf (out, "\n• %s", zh ? gap->text_zh : gap->text_en);
    }
  return g_string_free (out, FALSE);
}

const char *const *
desk_package_plan_get_omissions (DeskPackagePlan *self)
{
  g_return_val_if_fail (DESK_IS_PACKAGE_PLAN (self), NULL);
  return (const char *const *)self->omissions->pdata;
}

guint64
desk_package_plan_get_input_size (DeskPackagePlan *self)
{
  guint64 total = 0;

  for (guint i = 0; i < self->exhibits->len; i++)
    total += desk_evidence_get_size (((DeskPackageExhibit *)g_ptr_array_index (self->exhibits, i))->evidence);
  for (guint i = 0; i < self->letters->len; i++)
    total += strlen (((DeskPackageLetter *)g_ptr_array_index (self->letters, i))->text);
  return total;
}

char *
desk_package_plan_suggest_file_name (DeskPackagePlan *self)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (self->now);
  g_autofree char *date = g_date_time_format (local, "%Y%m%d-%H%M");
  const char      *case_id = desk_case_get_platform_case_id (self->kase);
  g_autofree char *raw = NULL;

  raw = g_strdup_printf ("appeal-%s-%s-%s.zip", desk_platform_to_id (desk_case_get_platform (self->kase)),
                         case_id && *case_id ? case_id : "case", date);
  return desk_package_sanitize_name (raw, DESK_PACKAGE_NAME_MAX_BYTES);
}
