/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-rule-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-rule-pack-check-private.h"
#include "metrics/desk-activity-rules-private.h"
#include "desk-platform.h"
#include "desk-util.h"

/* The structure of a schema_version 1 pack (data/rules/SCHEMA.md). Members
 * are checked in document order so the first error is the one a reader
 * meets first; unknown members are errors, so typos do not go unnoticed. */

#define member _desk_rule_check_member

/* Figures */

static gboolean
check_deadline (DeskRuleCheck *ctx,
                JsonNode      *node,
                gpointer       out)
{
  static const char *const keys[] = { "hours", "source", "verify", "note", NULL };

  return _desk_rule_check_int_figure (ctx, node, "hours", keys, DESK_RULE_SEVERITY_STOP, out);
}

static gboolean
check_char_limit (DeskRuleCheck *ctx,
                  JsonNode      *node,
                  gpointer       out)
{
  static const char *const keys[] = { "chars", "source", "verify", "note", NULL };

  return _desk_rule_check_int_figure (ctx, node, "chars", keys, DESK_RULE_SEVERITY_STOP, out);
}

static gboolean
check_max_attempts (DeskRuleCheck *ctx,
                    JsonNode      *node,
                    gpointer       out)
{
  static const char *const keys[] = { "count", "source", "verify", "note", "severity", NULL };

  return _desk_rule_check_int_figure (ctx, node, "count", keys, DESK_RULE_SEVERITY_STOP, out);
}

static gboolean
check_cooldown (DeskRuleCheck *ctx,
                JsonNode      *node,
                gpointer       out)
{
  static const char *const keys[] = { "hours", "source", "verify", "note", "severity", NULL };

  return _desk_rule_check_int_figure (ctx, node, "hours", keys, DESK_RULE_SEVERITY_STOP, out);
}

static gboolean
check_duplicate_case (DeskRuleCheck *ctx,
                      JsonNode      *node,
                      gpointer       out)
{
  static const char *const keys[] = { "source", "verify", "note", "severity", NULL };
  g_autoptr (DeskRuleFigure) figure = _desk_rule_figure_new ();
  JsonObject *obj;

  figure->severity = DESK_RULE_SEVERITY_WARN;
  if (!_desk_rule_check_object (ctx, node, keys, &obj) || !_desk_rule_check_citation (ctx, obj, figure))
    return FALSE;
  *(DeskRuleFigure **)out = g_steal_pointer (&figure);
  return TRUE;
}

/* Evidence */

/* A pitfall is bilingual text with an optional "id" that code can match
 * (DESK_PITFALL_* in desk-rule-pack.h). */
static gboolean
check_pitfalls (DeskRuleCheck *ctx,
                JsonNode      *node,
                gpointer       out)
{
  static const char *const keys[] = { "id", "en", "zh", NULL };
  DeskEvidenceRequirement *req = out;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify)_desk_rule_text_free);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (!_desk_rule_check_array (ctx, node, TRUE, &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize       mark = _desk_rule_push_index (ctx, i);
      JsonObject *obj;
      const char *id = NULL, *en = NULL, *zh = NULL;
      gboolean    ok = _desk_rule_check_object (ctx, json_array_get_element (array, i), keys, &obj)
                    && member (ctx, obj, "id", FALSE, _desk_rule_check_id, &id)
                    && member (ctx, obj, "en", TRUE, _desk_rule_check_string, &en)
                    && member (ctx, obj, "zh", TRUE, _desk_rule_check_string, &zh);
      DeskRuleText *text;

      _desk_rule_pop (ctx, mark);
      if (!ok)
        return FALSE;
      text = g_new0 (DeskRuleText, 1);
      text->en = g_strdup (en);
      text->zh = g_strdup (zh);
      g_ptr_array_add (texts, text);
      g_ptr_array_add (ids, g_strdup (id));
    }
  g_clear_pointer (&req->pitfalls, g_ptr_array_unref);
  g_clear_pointer (&req->pitfall_ids, g_ptr_array_unref);
  req->pitfalls = g_steal_pointer (&texts);
  req->pitfall_ids = g_steal_pointer (&ids);
  return TRUE;
}

static gboolean
check_evidence_item (DeskRuleCheck *ctx,
                     JsonNode      *node,
                     gpointer       out)
{
  static const char *const keys[] = {
    "id", "required", "label", "why", "formats", "pitfalls", "source", NULL
  };
  g_autoptr (DeskEvidenceRequirement) req = _desk_evidence_requirement_new ();
  JsonObject *obj;
  const char *id = NULL;

  if (!_desk_rule_check_object (ctx, node, keys, &obj) || !member (ctx, obj, "id", TRUE, _desk_rule_check_id, &id) || !member (ctx, obj, "required", TRUE, _desk_rule_check_bool, &req->required) || !member (ctx, obj, "label", TRUE, _desk_rule_check_text, &req->label) || !member (ctx, obj, "why", TRUE, _desk_rule_check_text, &req->why) || !member (ctx, obj, "formats", TRUE, _desk_rule_check_formats, &req->formats) || !member (ctx, obj, "pitfalls", FALSE, check_pitfalls, req) || !member (ctx, obj, "source", TRUE, _desk_rule_check_source, &req->source))
    return FALSE;
  req->id = g_strdup (id);
  *(DeskEvidenceRequirement **)out = g_steal_pointer (&req);
  return TRUE;
}

static gboolean
check_unique_id (DeskRuleCheck           *ctx,
                 GHashTable              *seen,
                 DeskEvidenceRequirement *req,
                 guint                    index)
{
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  gsize            mark;

  if (!g_hash_table_contains (seen, req->id))
    {
      g_hash_table_insert (seen, req->id, GUINT_TO_POINTER (index));
      return TRUE;
    }
  mark = _desk_rule_push_key (ctx, "id");
  expected = g_strdup (_ ("an id not used by another evidence item of this case type"));
  /* Translators: %s is an evidence id, %u the position of its first use, from 1 */
  found = g_strdup_printf (_ ("“%s”, already used at item %u"), req->id,
                           GPOINTER_TO_UINT (g_hash_table_lookup (seen, req->id)) + 1);
  _desk_rule_fail_found (ctx, expected, found);
  _desk_rule_pop (ctx, mark);
  return FALSE;
}

static gboolean
check_evidence (DeskRuleCheck *ctx,
                JsonNode      *node,
                gpointer       out)
{
  GPtrArray *evidence = out;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!_desk_rule_check_array (ctx, node, TRUE, &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      DeskEvidenceRequirement *req = NULL;
      gsize                    mark = _desk_rule_push_index (ctx, i);
      gboolean                 ok = check_evidence_item (ctx, json_array_get_element (array, i), &req);

      if (ok)
        g_ptr_array_add (evidence, req);
      ok = ok && check_unique_id (ctx, seen, req, i);
      _desk_rule_pop (ctx, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Appeal limits */

static gboolean
check_requires (DeskRuleCheck *ctx,
                JsonNode      *node,
                gpointer       out)
{
  DeskCaseRules *rules = out;
  const char    *id = NULL;

  if (!_desk_rule_check_id (ctx, node, &id))
    return FALSE;
  if (desk_case_rules_find_evidence (rules, id) == NULL)
    return _desk_rule_fail (ctx, _ ("the id of an evidence item of this case type"), node);
  rules->second_requires = g_strdup (id);
  return TRUE;
}

static gboolean
check_second_appeal (DeskRuleCheck *ctx,
                     JsonNode      *node,
                     gpointer       out)
{
  static const char *const keys[] = {
    "window_days", "requires", "requirement", "source", "verify", "note", "severity", NULL
  };
  DeskCaseRules *rules = out;
  g_autoptr (DeskRuleFigure) figure = _desk_rule_figure_new ();
  JsonObject *obj;
  guint       days = 0;

  figure->severity = DESK_RULE_SEVERITY_STOP;
  if (!_desk_rule_check_object (ctx, node, keys, &obj) || !member (ctx, obj, "window_days", TRUE, _desk_rule_check_positive_int, &days) || !member (ctx, obj, "requires", FALSE, check_requires, rules) || !member (ctx, obj, "requirement", TRUE, _desk_rule_check_text, &rules->second_requirement) || !_desk_rule_check_citation (ctx, obj, figure))
    return FALSE;
  figure->value = figure->max = days;
  rules->second_appeal = g_steal_pointer (&figure);
  return TRUE;
}

static gboolean
check_appeal_limits (DeskRuleCheck *ctx,
                     JsonNode      *node,
                     gpointer       out)
{
  static const char *const keys[] = {
    "max_attempts", "product_cooldown", "second_appeal", "duplicate_case", NULL
  };
  DeskCaseRules *rules = out;
  JsonObject    *obj;

  return _desk_rule_check_object (ctx, node, keys, &obj) && member (ctx, obj, "max_attempts", FALSE, check_max_attempts, &rules->max_attempts) && member (ctx, obj, "product_cooldown", FALSE, check_cooldown, &rules->product_cooldown) && member (ctx, obj, "second_appeal", FALSE, check_second_appeal, rules) && member (ctx, obj, "duplicate_case", FALSE, check_duplicate_case, &rules->duplicate_case);
}

/* Letter, review time, submission */

static gboolean
check_letter (DeskRuleCheck *ctx,
              JsonNode      *node,
              gpointer       out)
{
  static const char *const keys[] = {
    "languages", "char_limit", "notes", "source", "verify", NULL
  };
  DeskCaseRules *rules = out;
  JsonObject    *obj;

  rules->letter_rule = _desk_rule_figure_new ();
  return _desk_rule_check_object (ctx, node, keys, &obj) && member (ctx, obj, "languages", TRUE, _desk_rule_check_languages, &rules->letter_languages) && member (ctx, obj, "char_limit", FALSE, check_char_limit, &rules->char_limit) && member (ctx, obj, "notes", FALSE, _desk_rule_check_text_array, &rules->letter_notes) && _desk_rule_check_citation (ctx, obj, rules->letter_rule);
}

static gboolean
check_review_time (DeskRuleCheck *ctx,
                   JsonNode      *node,
                   gpointer       out)
{
  static const char *const keys[] = {
    "days_min", "days_max", "working_days", "text", "source", "verify", NULL
  };
  DeskCaseRules *rules = out;
  g_autoptr (DeskRuleFigure) figure = _desk_rule_figure_new ();
  JsonObject *obj;
  double      max = 0;

  if (!_desk_rule_check_object (ctx, node, keys, &obj) || !member (ctx, obj, "days_min", TRUE, _desk_rule_check_positive_number, &figure->value) || !member (ctx, obj, "days_max", FALSE, _desk_rule_check_positive_number, &max) || !member (ctx, obj, "working_days", TRUE, _desk_rule_check_bool, &rules->review_working_days) || !member (ctx, obj, "text", TRUE, _desk_rule_check_text, &rules->review_text) || !_desk_rule_check_citation (ctx, obj, figure))
    return FALSE;
  if (max > 0 && max < figure->value)
    {
      gsize mark = _desk_rule_push_key (ctx, "days_max");

      _desk_rule_fail (ctx, _ ("a number not below days_min"), json_object_get_member (obj, "days_max"));
      _desk_rule_pop (ctx, mark);
      return FALSE;
    }
  figure->max = max > 0 ? max : figure->value;
  rules->review_time = g_steal_pointer (&figure);
  return TRUE;
}

static gboolean
check_submit (DeskRuleCheck *ctx,
              JsonNode      *node,
              gpointer       out)
{
  static const char *const keys[] = { "steps", "paste", "source", "verify", NULL };
  DeskCaseRules           *rules = out;
  JsonObject              *obj;

  rules->submit_rule = _desk_rule_figure_new ();
  return _desk_rule_check_object (ctx, node, keys, &obj) && member (ctx, obj, "steps", TRUE, _desk_rule_check_text_array, &rules->submit_steps) && member (ctx, obj, "paste", FALSE, _desk_rule_check_text_array, &rules->submit_paste) && _desk_rule_check_citation (ctx, obj, rules->submit_rule);
}

/* Terminology and sources: objects keyed by id */

static gboolean
check_key_is_id (DeskRuleCheck *ctx,
                 const char    *key)
{
  g_autofree char *found = NULL;

  if (g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*$", key, 0, 0))
    return TRUE;
  found = g_strdup_printf ("“%s”", key);
  return _desk_rule_fail_found (ctx, _ ("a non-empty kebab-case id such as “brand-authorization”"), found);
}

static gboolean
check_term (DeskRuleCheck *ctx,
            JsonNode      *node,
            gpointer       out)
{
  static const char *const keys[] = { "term", "source", NULL };
  g_autoptr (DeskRuleTerm) term = _desk_rule_term_new ();
  JsonObject *obj;

  if (!_desk_rule_check_object (ctx, node, keys, &obj) || !member (ctx, obj, "term", TRUE, _desk_rule_check_text, &term->term) || !member (ctx, obj, "source", TRUE, _desk_rule_check_source, &term->source))
    return FALSE;
  *(DeskRuleTerm **)out = g_steal_pointer (&term);
  return TRUE;
}

static gboolean
check_terminology (DeskRuleCheck *ctx,
                   JsonNode      *node,
                   gpointer       out)
{
  GHashTable *terms = out;
  JsonObject *obj;
  g_autoptr (GList) keys = NULL;

  if (!_desk_rule_check_object (ctx, node, NULL, &obj))
    return FALSE;
  keys = json_object_get_members (obj);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      DeskRuleTerm *term = NULL;
      gsize         mark = _desk_rule_push_key (ctx, l->data);
      gboolean      ok = check_key_is_id (ctx, l->data) && check_term (ctx, json_object_get_member (obj, l->data), &term);

      _desk_rule_pop (ctx, mark);
      if (!ok)
        return FALSE;
      g_hash_table_replace (terms, g_strdup (l->data), term);
    }
  return TRUE;
}

static gboolean
check_source_entry (DeskRuleCheck *ctx,
                    JsonNode      *node,
                    gpointer       out)
{
  static const char *const keys[] = { "title", "published", NULL };
  g_autoptr (DeskRuleText) title = g_new0 (DeskRuleText, 1);
  JsonObject *obj;
  const char *published = NULL;

  if (!_desk_rule_check_object (ctx, node, keys, &obj) || !member (ctx, obj, "title", TRUE, _desk_rule_check_text, title) || !member (ctx, obj, "published", FALSE, _desk_rule_check_date, &published))
    return FALSE;
  *(DeskRuleText **)out = g_steal_pointer (&title);
  return TRUE;
}

static gboolean
check_sources (DeskRuleCheck *ctx,
               JsonNode      *node,
               gpointer       out)
{
  GHashTable *sources = out;
  JsonObject *obj;
  g_autoptr (GList) keys = NULL;

  if (!_desk_rule_check_object (ctx, node, NULL, &obj))
    return FALSE;
  if (json_object_get_size (obj) == 0)
    return _desk_rule_fail_found (ctx, _ ("at least one source"), _ ("an empty object"));
  keys = json_object_get_members (obj);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      DeskRuleText *title = NULL;

      if (!member (ctx, obj, l->data, TRUE, check_source_entry, &title))
        return FALSE;
      g_hash_table_replace (sources, g_strdup (l->data), title);
    }
  return TRUE;
}

/* Case types */

static gboolean
check_case_rules (DeskRuleCheck *ctx,
                  JsonNode      *node,
                  gpointer       out)
{
  static const char *const keys[] = {
    "deadline", "evidence", "appeal_limits", "letter", "review_time", "submit",
    "terminology", "closure",
    "chain", /* schema 2 */
    "activity_metrics",
    NULL
  };
  DeskCaseRules *rules = out;
  JsonObject    *obj;

  /* Evidence before appeal limits: second_appeal.requires refers to it. */
  if (!(_desk_rule_check_object (ctx, node, keys, &obj) && member (ctx, obj, "deadline", FALSE, check_deadline, &rules->deadline) && member (ctx, obj, "evidence", TRUE, check_evidence, rules->evidence) && member (ctx, obj, "appeal_limits", FALSE, check_appeal_limits, rules) && member (ctx, obj, "letter", TRUE, check_letter, rules) && member (ctx, obj, "review_time", FALSE, check_review_time, rules) && member (ctx, obj, "submit", TRUE, check_submit, rules) && member (ctx, obj, "terminology", FALSE, check_terminology, rules->terms) && member (ctx, obj, "closure", FALSE, _desk_rule_check_closure, rules)))
    return FALSE;
  /* schema 2 */
  return member (ctx, obj, "chain", FALSE, _desk_rule_check_chain, rules) && member (ctx, obj, "activity_metrics", FALSE, _desk_rule_check_activity_metrics, &rules->activity_metrics);
}

static gboolean
check_case_type_key (DeskRuleCheck *ctx,
                     const char    *key,
                     DeskCaseType  *out)
{
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  g_autoptr (GString) ids = g_string_new (NULL);

  *out = desk_case_type_from_id (key);
  if (*out != DESK_CASE_TYPE_UNKNOWN)
    return TRUE;
  for (int t = DESK_CASE_TYPE_UNKNOWN + 1; t < DESK_N_CASE_TYPES; t++)
    g_string_append_printf (ids, "%s%s", ids->len ? ", " : "", desk_case_type_to_id (t));
  /* Translators: %s is a list of ids such as listing-takedown, ip-complaint */
  expected = g_strdup_printf (_ ("a case type id (%s)"), ids->str);
  /* Translators: %s is the id found in the file */
  found = g_strdup_printf (_ ("unknown id “%s”"), key);
  return _desk_rule_fail_found (ctx, expected, found);
}

static gboolean
check_case_types (DeskRuleCheck *ctx,
                  JsonNode      *node,
                  gpointer       out)
{
  DeskRulePackData *data = out;
  JsonObject       *obj;
  g_autoptr (GList) keys = NULL;

  if (!_desk_rule_check_object (ctx, node, NULL, &obj))
    return FALSE;
  if (json_object_get_size (obj) == 0)
    return _desk_rule_fail_found (ctx, _ ("at least one case type"), _ ("an empty object"));
  keys = json_object_get_members (obj);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      g_autoptr (DeskCaseRules) rules = NULL;
      DeskCaseType type = DESK_CASE_TYPE_UNKNOWN;
      gsize        mark = _desk_rule_push_key (ctx, l->data);
      gboolean     ok = check_case_type_key (ctx, l->data, &type);

      _desk_rule_pop (ctx, mark);
      if (!ok)
        return FALSE;
      rules = _desk_case_rules_new (type);
      if (!member (ctx, obj, l->data, TRUE, check_case_rules, rules))
        return FALSE;
      g_clear_pointer (&data->case_rules[type], _desk_case_rules_free);
      data->case_rules[type] = g_steal_pointer (&rules);
    }
  return TRUE;
}

/* Top level */

typedef struct
{
  DeskPlatform *platform;
  DeskRuleText *label; /* $.platform_label, both NULL when absent */
  GHashTable   *names; /* $.platform_label: language code → name, empty when absent */
} PlatformOut;

/* $.platform_label: the name in the app (en and zh, required) and, under
 * a language code such as "ru", the name letters in that language use. */
static gboolean
check_platform_label (DeskRuleCheck *ctx,
                      JsonNode      *node,
                      gpointer       out)
{
  PlatformOut *po = out;
  JsonObject  *obj;
  const char  *en = NULL, *zh = NULL;
  g_autoptr (GList) members = NULL;

  if (!_desk_rule_check_object (ctx, node, NULL, &obj) || !member (ctx, obj, "en", TRUE, _desk_rule_check_string, &en) || !member (ctx, obj, "zh", TRUE, _desk_rule_check_string, &zh))
    return FALSE;
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = NULL;

      if (!g_regex_match_simple ("^[a-z]{2,3}$", l->data, 0, 0))
        {
          /* Translators: %s is a JSON member name that is not allowed */
          g_autofree char *found = g_strdup_printf (_ ("unknown member “%s”"), (const char *)l->data);
          gsize            mark = _desk_rule_push_key (ctx, l->data);

          _desk_rule_fail_found (ctx, _ ("the members en and zh, and names in other languages under a language code such as “ru”"), found);
          _desk_rule_pop (ctx, mark);
          return FALSE;
        }
      if (!member (ctx, obj, l->data, TRUE, _desk_rule_check_string, &name))
        return FALSE;
      g_hash_table_insert (po->names, g_strdup (l->data), g_strdup (name));
    }
  _desk_rule_text_clear (po->label);
  po->label->en = g_strdup (en);
  po->label->zh = g_strdup (zh);
  return TRUE;
}

/* A known platform id, or a new one the pack names (with "platform_label"):
 * platforms are data, a user pack can add one. */
static gboolean
check_platform (DeskRuleCheck *ctx,
                JsonNode      *node,
                gpointer       out)
{
  PlatformOut     *po = out;
  g_autofree char *ids = NULL;
  g_autofree char *expected = NULL;
  const char      *id = NULL;
  const char      *checked = NULL;

  if (!_desk_rule_check_string (ctx, node, &id))
    return FALSE;
  *po->platform = desk_platform_from_id (id);
  if (*po->platform == DESK_PLATFORM_UNKNOWN && po->label->en != NULL)
    {
      if (!_desk_rule_check_id (ctx, node, &checked))
        return FALSE;
      *po->platform = desk_platform_register (id, po->label->en, po->label->zh);
      if (*po->platform != DESK_PLATFORM_UNKNOWN)
        desk_platform_add_names (*po->platform, po->names);
    }
  if (*po->platform != DESK_PLATFORM_UNKNOWN)
    return TRUE;
  ids = desk_platform_join_ids (", ");
  /* Translators: %s is a list of ids such as aliexpress, shopee */
  expected = g_strdup_printf (_ ("a platform id (%s)"), ids);
  return _desk_rule_fail (ctx, expected, node);
}

static gboolean
check_schema_version (DeskRuleCheck *ctx,
                      JsonObject    *root,
                      int           *out)
{
  guint version = 0;

  if (!member (ctx, root, "schema_version", TRUE, _desk_rule_check_positive_int, &version))
    return FALSE;
  if (version > DESK_RULE_PACK_SCHEMA_VERSION)
    {
      g_set_error (ctx->error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_SCHEMA_TOO_NEW,
                   /* Translators: "temu.json: at “schema_version”: this pack uses schema
                    * version 3, but this Appeal Desk reads version 1 at most. …" */
                   _ ("%s: at “schema_version”: this pack uses schema version %u, but this "
                      "Appeal Desk reads version %d at most. Update Appeal Desk or use a pack "
                      "written for schema version %d."),
                   ctx->file, version, DESK_RULE_PACK_SCHEMA_VERSION, DESK_RULE_PACK_SCHEMA_VERSION);
      return FALSE;
    }
  *out = (int)version;
  return TRUE;
}

static gboolean
check_root (DeskRuleCheck    *ctx,
            JsonObject       *root,
            DeskRulePackData *data)
{
  static const char *const keys[] = {
    "schema_version", "platform", "platform_label", "pack_version", "effective_date", "sources",
    "terminology", "case_types", "notice", NULL
  };
  const char *version = NULL;
  const char *date = NULL;
  PlatformOut platform = { &data->platform, &data->platform_label, data->platform_names };

  /* schema_version first: a newer pack may legitimately have other members;
   * the label before the platform, which it may introduce. */
  if (!check_schema_version (ctx, root, &data->schema_version) || !_desk_rule_check_keys (ctx, root, keys) || !member (ctx, root, "platform_label", FALSE, check_platform_label, &platform) || !member (ctx, root, "platform", TRUE, check_platform, &platform) || !member (ctx, root, "pack_version", TRUE, _desk_rule_check_version, &version) || !member (ctx, root, "effective_date", TRUE, _desk_rule_check_date, &date) || !member (ctx, root, "sources", TRUE, check_sources, data->sources) || !member (ctx, root, "terminology", FALSE, check_terminology, data->terms) || !member (ctx, root, "case_types", TRUE, check_case_types, data))
    return FALSE;
  /* Schema version 2: the notice decoder's cues for this platform. */
  if (json_object_has_member (root, "notice") && data->schema_version < 2)
    {
      gsize mark = _desk_rule_push_key (ctx, "notice");

      _desk_rule_fail_found (ctx, _ ("no “notice” member in a schema version 1 pack"),
                             _ ("“notice”; set schema_version to 2"));
      _desk_rule_pop (ctx, mark);
      return FALSE;
    }
  if (!member (ctx, root, "notice", FALSE, _desk_rule_check_notice, &data->notice))
    return FALSE;
  data->pack_version = g_strdup (version);
  data->effective_date = g_strdup (date);
  return TRUE;
}

DeskRulePackData *
_desk_rule_pack_parse (JsonNode   *root,
                       const char *file_name,
                       GError    **error)
{
  g_autoptr (DeskRulePackData) data = _desk_rule_pack_data_new ();
  g_autoptr (GString) path = g_string_new (NULL);
  DeskRuleCheck ctx = { file_name, path, error, data->sources };
  JsonObject   *obj;

  if (!_desk_rule_check_object (&ctx, root, NULL, &obj) || !check_root (&ctx, obj, data))
    return NULL;
  return g_steal_pointer (&data);
}
