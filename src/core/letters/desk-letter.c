/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-letters"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-case.h"
#include "desk-checklist.h"
#include "desk-exhibits.h"
#include "desk-letter-data.h"
#include "desk-letter-private.h"
#include "desk-letter.h"
#include "desk-notice.h"
#include "desk-platform.h"
#include "notice/desk-notice-record.h"
#include "desk-session.h"
#include "desk-store-private.h"
#include "desk-util.h"

G_DEFINE_QUARK (desk_letter_error_quark, desk_letter_error)

void
desk_letter_free (DeskLetter *letter)
{
  if (letter == NULL)
    return;
  g_free (letter->language);
  g_free (letter->text);
  g_free (letter->template_text);
  g_free (letter);
}

guint
desk_letter_count_chars (const char *text)
{
  return text ? g_utf8_strlen (text, -1) : 0;
}

/* Templates */

#define TEMPLATE_DIR "templates"

static char *
template_path (DeskPlatform platform,
               DeskCaseType case_type,
               const char  *language)
{
  return g_strdup_printf (TEMPLATE_DIR "/%s/%s.%s.tmpl", desk_platform_to_id (platform),
                          desk_case_type_to_id (case_type), desk_letter_language_normalize (language));
}

static gboolean
has_resource (const char *path)
{
  g_autofree char *full = g_strdup_printf ("%s/letters/%s", RESOURCE_PREFIX, path);

  desk_letter_data_ensure_resources ();
  return g_resources_get_info (full, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
}

/* "% include NAME": partials/NAME.<language>.tmpl, else partials/NAME.tmpl. */
static char *
load_partial (const char *name,
              char      **file_name,
              gpointer    user_data,
              GError    **error)
{
  const char      *language = user_data;
  g_autofree char *localized = g_strdup_printf ("partials/%s.%s.tmpl", name, language);
  g_autofree char *plain = g_strdup_printf ("partials/%s.tmpl", name);
  const char      *path = has_resource (localized) ? localized : plain;
  g_autoptr (GBytes) bytes = desk_letter_data_lookup (path, NULL);

  if (bytes == NULL)
    {
      g_set_error (error, DESK_LETTER_ERROR, DESK_LETTER_ERROR_NO_TEMPLATE, _ ("there is no partial “%s” or “%s”."), localized, plain);
      return NULL;
    }
  *file_name = g_strdup (path);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* "templates/joom/reseller.ru.tmpl" → "ru". */
static char *
path_language (const char *path)
{
  const char *end = g_str_has_suffix (path, ".tmpl") ? path + strlen (path) - 5 : NULL;
  const char *dot = NULL;

  for (const char *p = path; end && p < end; p++)
    if (*p == '.')
      dot = p;
  return dot ? g_strndup (dot + 1, end - dot - 1) : g_strdup ("en");
}

DeskLetterTemplate *
desk_letter_load_template (const char *path,
                           GError    **error)
{
  g_autoptr (GBytes) bytes = desk_letter_data_lookup (path, NULL);
  g_autofree char *language = path_language (path);
  g_autofree char *text = NULL;

  if (bytes == NULL)
    {
      g_set_error (error, DESK_LETTER_ERROR, DESK_LETTER_ERROR_NO_TEMPLATE,
                   _ ("There is no letter template “%s”."), path);
      return NULL;
    }
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return desk_letter_template_parse (path, text, language, load_partial, (gpointer)desk_letter_language_normalize (language), error);
}

DeskLetterTemplate *
desk_letter_load_template_for (DeskPlatform platform,
                               DeskCaseType case_type,
                               const char  *language,
                               GError     **error)
{
  g_autofree char *path = template_path (platform, case_type, language);

  if (!has_resource (path))
    {
      const char *lang = desk_letter_language_normalize (language);

      /* Translators: the first %s is a language code (en, ru, zh), then a platform, then a case type */
      g_set_error (error, DESK_LETTER_ERROR, DESK_LETTER_ERROR_NO_TEMPLATE,
                   _ ("There is no “%s” letter for %s · %s. Choose another language."), lang,
                   desk_platform_get_label (platform), desk_case_type_get_label (case_type));
      return NULL;
    }
  return desk_letter_load_template (path, error);
}

GStrv
desk_letter_list_languages (DeskPlatform platform,
                            DeskCaseType case_type)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  g_autoptr (DeskRulePack) pack = desk_rule_pack_load_builtin (platform, NULL);
  const DeskCaseRules *rules = pack ? desk_rule_pack_get_case_rules (pack, case_type) : NULL;
  const char *const   *listed = rules ? desk_case_rules_get_letter_languages (rules) : NULL;
  const char          *order[16];
  guint                n = 0;

  for (guint i = 0; listed && listed[i] && n < G_N_ELEMENTS (order) - 3; i++)
    order[n++] = listed[i];
  order[n++] = "en";
  order[n++] = "zh";
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = template_path (platform, case_type, order[i]);

      if (!g_str_equal (desk_letter_language_normalize (order[i]), order[i])
          || g_ptr_array_find_with_equal_func (seen, order[i], g_str_equal, NULL)
          || !has_resource (path))
        continue;
      g_ptr_array_add (seen, (gpointer)order[i]);
      g_strv_builder_add (builder, order[i]);
    }
  return g_strv_builder_end (builder);
}

GStrv
desk_letter_list_templates (void)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *root = g_strdup_printf ("%s/letters/" TEMPLATE_DIR "/", RESOURCE_PREFIX);
  g_auto (GStrv) platforms = NULL;

  desk_letter_data_ensure_resources ();
  platforms = g_resources_enumerate_children (root, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; platforms && platforms[i]; i++)
    {
      g_autofree char *dir = g_strconcat (root, platforms[i], NULL);
      g_auto (GStrv) files = g_resources_enumerate_children (dir, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      for (guint j = 0; files && files[j]; j++)
        {
          g_autofree char *path = g_strconcat (TEMPLATE_DIR "/", platforms[i], files[j], NULL);
          g_strv_builder_add (builder, path);
        }
    }
  return g_strv_builder_end (builder);
}

/* Context */

/* The name as the letter's language writes it (the pack's
 * "platform_label"), not the UI's: the letter has its own language. */
static const char *
platform_name (DeskPlatform platform,
               const char  *language)
{
  const char *name = desk_platform_get_name (platform, language);

  return name ? name : "";
}

static void
set_text (JsonObject *object,
          const char *name,
          const char *value)
{
  json_object_set_string_member (object, name, value ? value : "");
}

static char *
format_date (GDateTime *time)
{
  return time ? g_date_time_format (time, "%Y-%m-%d") : g_strdup ("");
}

static char *
format_time (GDateTime *time)
{
  g_autoptr (GDateTime) utc = time ? g_date_time_to_utc (time) : NULL;

  return utc ? g_date_time_format (utc, "%Y-%m-%d %H:%M UTC") : g_strdup ("");
}

static JsonObject *
text_object (const char *member_name,
             const char *text)
{
  JsonObject *object = json_object_new ();

  set_text (object, member_name, text);
  return object;
}

static void
add_terms (JsonObject   *context,
           DeskRulePack *pack,
           DeskCaseType  case_type,
           const char   *language)
{
  JsonObject *terms = json_object_new ();
  g_auto (GStrv) ids = pack ? desk_rule_pack_list_terms (pack, case_type) : NULL;

  /* Platform terms stay in the platform's (English) wording in en and ru
   * letters, so the reviewer recognises them; the Chinese record uses the
   * pack's Chinese wording. */
  for (guint i = 0; ids && ids[i]; i++)
    set_text (terms, ids[i], desk_rule_pack_get_term (pack, case_type, ids[i], g_str_equal (language, "zh") ? DESK_RULE_LANGUAGE_ZH : DESK_RULE_LANGUAGE_EN));
  json_object_set_object_member (context, "term", terms);
}

static void
add_exhibits (JsonObject *context,
              GPtrArray  *exhibits,
              const char *language)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < exhibits->len; i++)
    {
      DeskExhibit     *exhibit = exhibits->pdata[i];
      JsonObject      *object = json_object_new ();
      g_autofree char *ref = desk_exhibit_format_reference (exhibit->number, language);
      g_autofree char *title = desk_exhibit_dup_title (exhibit);

      json_object_set_int_member (object, "number", exhibit->number);
      set_text (object, "ref", ref);
      set_text (object, "title", title);
      set_text (object, "description", exhibit->description);
      set_text (object, "detail", exhibit->detail);
      set_text (object, "name", exhibit->original_name);
      json_array_add_object_element (array, object);
    }
  json_object_set_array_member (context, "exhibits", array);
}

static void
add_request_id (GPtrArray  *ids,
                const char *id)
{
  if (!g_str_equal (id, "platform-notice") && !g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
    g_ptr_array_add (ids, (gpointer)id);
}

/* What the notice asks for, point by point, with the exhibits that answer
 * each point: the evidence ids the notice names, then the case's other
 * required checklist items. */
static void
add_requests (JsonObject *context,
              GPtrArray  *exhibits,
              GPtrArray  *checklist,
              DeskNotice *notice,
              const char *language)
{
  const char *const *asked = notice ? desk_notice_get_evidence_ids (notice) : NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  JsonArray *array = json_array_new ();
  JsonArray *answered = json_array_new ();

  /* The notice's own list first, then the rest of what the rule pack
   * requires; the notice itself is no point to answer. */
  for (guint i = 0; asked && asked[i]; i++)
    add_request_id (ids, asked[i]);
  for (guint i = 0; checklist && i < checklist->len; i++)
    if (((DeskChecklistItem *)checklist->pdata[i])->required)
      add_request_id (ids, ((DeskChecklistItem *)checklist->pdata[i])->item_id);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
      JsonObject      *object = json_object_new ();
      const char      *title = desk_letter_data_get_exhibit_title (ids->pdata[i], language);
      g_autofree char *refs = NULL;

      for (guint j = 0; j < exhibits->len; j++)
        {
          DeskExhibit *exhibit = exhibits->pdata[j];

          if (g_strcmp0 (exhibit->item_id, ids->pdata[i]) == 0)
            g_array_append_val (numbers, exhibit->number);
        }
      refs = desk_exhibit_format_references ((guint *)numbers->data, numbers->len, language);
      set_text (object, "title", title ? title : ids->pdata[i]);
      set_text (object, "refs", refs);
      json_object_set_boolean_member (object, "provided", numbers->len > 0);
      if (numbers->len > 0)
        json_array_add_object_element (answered, json_object_ref (object));
      json_array_add_object_element (array, object);
    }
  json_object_set_array_member (context, "requests", array);
  json_object_set_array_member (context, "answered", answered);
}

/* The notice's stated reasons: what the notice reader kept with the case
 * (the lines that state the violation, then the figures it states, each in
 * the notice's own words), else the notice's labelled lines. */
static gboolean
add_reasons (JsonObject *context,
             DeskStore  *store,
             DeskCase   *kase,
             GError    **error)
{
  g_autoptr (GPtrArray) fields = NULL;
  g_autoptr (GPtrArray) facts = NULL;
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  g_auto (GStrv) fallback = NULL;
  JsonArray *array = json_array_new ();

  if (!desk_store_load_notice_reading (store, desk_case_get_id (kase), &fields, &facts, error))
    {
      json_array_unref (array);
      return FALSE;
    }
  for (guint i = 0; i < fields->len; i++)
    {
      DeskNoticeField *field = fields->pdata[i];

      if (field->role == DESK_NOTICE_ROLE_VIOLATION && !g_ptr_array_find_with_equal_func (seen, field->value, g_str_equal, NULL))
        g_ptr_array_add (seen, field->value);
    }
  for (guint i = 0; i < facts->len; i++)
    {
      DeskNoticeFact *fact = facts->pdata[i];

      if (fact->source && *fact->source && !g_ptr_array_find_with_equal_func (seen, fact->source, g_str_equal, NULL))
        g_ptr_array_add (seen, fact->source);
    }
  if (seen->len == 0)
    {
      fallback = _desk_letter_notice_reasons (desk_case_get_notice_text (kase));
      for (guint i = 0; fallback[i]; i++)
        g_ptr_array_add (seen, fallback[i]);
    }
  for (guint i = 0; i < seen->len && i < 6; i++)
    json_array_add_object_element (array, text_object ("text", seen->pdata[i]));
  json_object_set_array_member (context, "reasons", array);
  return TRUE;
}

static void
add_case_facts (JsonObject *context,
                DeskCase   *kase,
                const char *language)
{
  const char *const *products = desk_case_get_product_ids (kase);
  JsonArray         *array = json_array_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *received = format_date (desk_case_get_received_at (kase));
  g_autofree char *deadline = format_time (desk_case_get_deadline_at (kase));
  g_autofree char *today = format_date (now);

  set_text (context, "platform", platform_name (desk_case_get_platform (kase), language));
  set_text (context, "platform_id", desk_platform_to_id (desk_case_get_platform (kase)));
  set_text (context, "case_type", desk_case_type_to_id (desk_case_get_case_type (kase)));
  set_text (context, "case_id", desk_case_get_platform_case_id (kase));
  set_text (context, "violation_code", desk_case_get_violation_code (kase));
  for (guint i = 0; products && products[i]; i++)
    json_array_add_string_element (array, products[i]);
  set_text (context, "product", products && products[0] ? products[0] : "");
  json_object_set_boolean_member (context, "several_products", products && products[0] && products[1]);
  json_object_set_array_member (context, "products", array);
  set_text (context, "received", received);
  set_text (context, "deadline", deadline);
  set_text (context, "today", today);
}

static gboolean
add_seller (JsonObject  *context,
            DeskSession *session,
            gint64       case_id,
            const char  *language,
            GError     **error)
{
  g_autoptr (DeskLetterDetails) details = NULL;
  g_autoptr (DeskLetterDetails) en = NULL;
  g_auto (GStrv) actions = NULL;
  JsonArray *array;

  if (!(details = desk_letter_get_details (session, case_id, language, error))
      || !(en = desk_letter_get_details (session, case_id, "en", error))
      || !(actions = desk_letter_get_actions (session, case_id, language, error)))
    return FALSE;
  set_text (context, "seller", *details->seller ? details->seller : en->seller);
  set_text (context, "store", *details->store_name ? details->store_name : en->store_name);
  set_text (context, "signer", *details->signer ? details->signer : en->signer);
  array = json_array_new ();
  for (guint i = 0; actions[i]; i++)
    json_array_add_object_element (array, text_object ("text", actions[i]));
  json_object_set_array_member (context, "actions", array);
  return TRUE;
}

JsonObject *
desk_letter_build_context (DeskSession *session,
                           gint64       case_id,
                           const char  *language,
                           GError     **error)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (JsonObject) context = json_object_new ();
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (GPtrArray) exhibits = NULL;
  g_autoptr (GPtrArray) checklist = NULL;
  g_autoptr (DeskNotice) notice = NULL;
  const char   *lang = desk_letter_language_normalize (language);
  DeskRulePack *pack;
  guint         limit;

  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  if (!(kase = desk_store_get_case (store, case_id, error))
      || !(exhibits = desk_exhibits_list (session, case_id, lang, error))
      || !(checklist = desk_checklist_list (session, case_id, error))
      || !add_seller (context, session, case_id, lang, error))
    return NULL;
  pack = desk_session_get_pack (session, desk_case_get_platform (kase));
  if (desk_case_has_notice_text (kase))
    notice = desk_notice_decode_with_rules (desk_session_get_rules (session), desk_case_get_notice_text (kase), desk_case_get_received_at (kase));
  add_case_facts (context, kase, lang);
  limit = pack ? desk_rule_pack_get_char_limit (pack, desk_case_get_case_type (kase)) : 0;
  if (limit > 0)
    json_object_set_int_member (context, "limit", limit);
  if (!add_reasons (context, store, kase, error))
    return NULL;
  add_exhibits (context, exhibits, lang);
  add_requests (context, exhibits, checklist, notice, lang);
  _desk_letter_add_chain (context, store, case_id, exhibits, lang);
  add_terms (context, pack, desk_case_get_case_type (kase), lang);
  return g_steal_pointer (&context);
}

DeskLetter *
desk_letter_get (DeskSession *session,
                 gint64       case_id,
                 const char  *language,
                 GError     **error)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (DeskLetterTemplate) template = NULL;
  g_autoptr (JsonObject) context = NULL;
  g_autoptr (DeskLetter) letter = g_new0 (DeskLetter, 1);
  DeskRulePack *pack;

  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  letter->language = g_strdup (desk_letter_language_normalize (language));
  if (!(kase = _desk_store_get_case_summary (store, case_id, error))
      || !(template = desk_letter_load_template_for (desk_case_get_platform (kase), desk_case_get_case_type (kase), letter->language, error))
      || !(context = desk_letter_build_context (session, case_id, letter->language, error)))
    return NULL;
  letter->template_text = desk_letter_template_render (template, context);
  if (!_desk_letter_load_edit (store, case_id, letter->language, &letter->text, error))
    return NULL;
  letter->edited = letter->text != NULL;
  if (letter->text == NULL)
    letter->text = g_strdup (letter->template_text);
  pack = desk_session_get_pack (session, desk_case_get_platform (kase));
  letter->limit = pack ? desk_rule_pack_get_char_limit (pack, desk_case_get_case_type (kase)) : 0;
  return g_steal_pointer (&letter);
}
