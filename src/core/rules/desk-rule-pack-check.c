/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-rule-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-rule-pack-check-private.h"

/* Generic checks for the rule pack validator; the schema's structure is in
 * desk-rule-pack-parse.c. */

static const char *const text_keys[] = { "en", "zh", NULL };

/* Paths */

gsize
_desk_rule_push_key (DeskRuleCheck *ctx,
                     const char    *key)
{
  gsize mark = ctx->path->len;

  /* Where in the file, in words a seller can follow: "case_types ›
   * ip-complaint › evidence › item 1 › label", not a JSONPath. */
  if (mark > 0)
    g_string_append (ctx->path, " › ");
  g_string_append (ctx->path, key);
  return mark;
}

gsize
_desk_rule_push_index (DeskRuleCheck *ctx,
                       guint          index)
{
  gsize mark = ctx->path->len;

  if (mark > 0)
    g_string_append (ctx->path, " › ");
  /* Translators: a position in a list of a rule pack file, counted from 1 */
  g_string_append_printf (ctx->path, _ ("item %u"), index + 1);
  return mark;
}

void
_desk_rule_pop (DeskRuleCheck *ctx,
                gsize          mark)
{
  g_string_truncate (ctx->path, mark);
}

/* Errors */

/* At most @max characters of @text, with "…" when cut. */
static char *
truncate_text (const char *text,
               glong       max)
{
  const char *cut;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  cut = g_utf8_offset_to_pointer (text, max);
  return g_strdup_printf ("%.*s…", (int)(cut - text), text);
}

static char *
describe_node (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return g_strdup (_ ("nothing (the member is missing)"));
  switch (json_node_get_node_type (node))
    {
      case JSON_NODE_OBJECT:
        return g_strdup (_ ("object"));
      case JSON_NODE_ARRAY:
        return g_strdup (_ ("array"));
      case JSON_NODE_NULL:
        return g_strdup ("null");
      case JSON_NODE_VALUE:
      default:
        break;
    }
  switch (json_node_get_value_type (node))
    {
      case G_TYPE_STRING:
        text = truncate_text (json_node_get_string (node), 40);
        /* Translators: describes a JSON value that was found, e.g. string “72” */
        return g_strdup_printf (_ ("string “%s”"), text);
      case G_TYPE_BOOLEAN:
        /* Translators: %s is true or false */
        return g_strdup_printf (_ ("boolean %s"), json_node_get_boolean (node) ? "true" : "false");
      case G_TYPE_INT64:
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        /* Translators: describes a JSON number that was found, e.g. number -5 */
        return g_strdup_printf (_ ("number %s"), text);
      default:
        text = g_strdup_printf ("%g", json_node_get_double (node));
        return g_strdup_printf (_ ("number %s"), text);
    }
}

gboolean
_desk_rule_fail_found (DeskRuleCheck *ctx,
                       const char    *expected,
                       const char    *found)
{
  if (ctx->error != NULL && *ctx->error != NULL)
    return FALSE;
  g_set_error (ctx->error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_INVALID,
               /* Translators: "shopee.json: at “case_types › ip-complaint › deadline › hours”:
                * expected a positive integer, found string “72”". The first %s is a file,
                * the second where in it; the other two are phrases translated separately. */
               _ ("%s: at “%s”: expected %s, found %s. Correct the pack file or remove it."),
               ctx->file, ctx->path->len ? ctx->path->str : _ ("the top level"), expected, found);
  return FALSE;
}

gboolean
_desk_rule_fail (DeskRuleCheck *ctx,
                 const char    *expected,
                 JsonNode      *node)
{
  g_autofree char *found = describe_node (node);

  return _desk_rule_fail_found (ctx, expected, found);
}

/* Members */

gboolean
_desk_rule_check_member (DeskRuleCheck    *ctx,
                         JsonObject       *obj,
                         const char       *key,
                         gboolean          required,
                         DeskRuleCheckFunc check,
                         gpointer          out)
{
  JsonNode *node = json_object_get_member (obj, key);
  gsize     mark;
  gboolean  ok;

  if (node == NULL && !required)
    return TRUE;
  mark = _desk_rule_push_key (ctx, key);
  ok = check (ctx, node, out);
  _desk_rule_pop (ctx, mark);
  return ok;
}

gboolean
_desk_rule_check_keys (DeskRuleCheck     *ctx,
                       JsonObject        *obj,
                       const char *const *allowed)
{
  g_autoptr (GList) members = json_object_get_members (obj);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *list = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *found = NULL;
      gsize            mark;

      if (g_strv_contains (allowed, l->data))
        continue;
      list = g_strjoinv (", ", (char **)allowed);
      /* Translators: %s is a list of JSON member names */
      expected = g_strdup_printf (_ ("only the members %s"), list);
      /* Translators: %s is a JSON member name that is not allowed */
      found = g_strdup_printf (_ ("unknown member “%s”"), (const char *)l->data);
      mark = _desk_rule_push_key (ctx, l->data);
      _desk_rule_fail_found (ctx, expected, found);
      _desk_rule_pop (ctx, mark);
      return FALSE;
    }
  return TRUE;
}

gboolean
_desk_rule_check_object (DeskRuleCheck     *ctx,
                         JsonNode          *node,
                         const char *const *allowed,
                         JsonObject       **out)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return _desk_rule_fail (ctx, _ ("an object"), node);
  *out = json_node_get_object (node);
  return allowed == NULL || _desk_rule_check_keys (ctx, *out, allowed);
}

gboolean
_desk_rule_check_array (DeskRuleCheck *ctx,
                        JsonNode      *node,
                        gboolean       non_empty,
                        JsonArray    **out)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return _desk_rule_fail (ctx, non_empty ? _ ("a non-empty array") : _ ("an array"), node);
  *out = json_node_get_array (node);
  if (non_empty && json_array_get_length (*out) == 0)
    return _desk_rule_fail_found (ctx, _ ("a non-empty array"), _ ("an empty array"));
  return TRUE;
}

/* Scalars */

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
_desk_rule_check_string (DeskRuleCheck *ctx,
                         JsonNode      *node,
                         gpointer       out)
{
  if (!is_string (node) || *json_node_get_string (node) == '\0')
    return _desk_rule_fail (ctx, _ ("a non-empty string"), node);
  *(const char **)out = json_node_get_string (node);
  return TRUE;
}

gboolean
_desk_rule_check_bool (DeskRuleCheck *ctx,
                       JsonNode      *node,
                       gpointer       out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _desk_rule_fail (ctx, _ ("true or false"), node);
  *(gboolean *)out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
_desk_rule_check_positive_int (DeskRuleCheck *ctx,
                               JsonNode      *node,
                               gpointer       out)
{
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return _desk_rule_fail (ctx, _ ("a positive integer"), node);
  value = json_node_get_int (node);
  if (value <= 0 || value > G_MAXINT32)
    return _desk_rule_fail (ctx, _ ("a positive integer"), node);
  *(guint *)out = (guint)value;
  return TRUE;
}

gboolean
_desk_rule_check_positive_number (DeskRuleCheck *ctx,
                                  JsonNode      *node,
                                  gpointer       out)
{
  GType  type = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  double value;

  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return _desk_rule_fail (ctx, _ ("a positive number"), node);
  value = json_node_get_double (node);
  if (!(value > 0) || value > 10000)
    return _desk_rule_fail (ctx, _ ("a positive number"), node);
  *(double *)out = value;
  return TRUE;
}

static gboolean
matches (const char *pattern,
         const char *text)
{
  return g_regex_match_simple (pattern, text, G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT);
}

gboolean
_desk_rule_check_pattern (DeskRuleCheck *ctx,
                          JsonNode      *node,
                          const char    *pattern,
                          const char    *expected,
                          const char   **out)
{
  if (!is_string (node) || !matches (pattern, json_node_get_string (node)))
    return _desk_rule_fail (ctx, expected, node);
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
_desk_rule_check_id (DeskRuleCheck *ctx,
                     JsonNode      *node,
                     gpointer       out)
{
  return _desk_rule_check_pattern (ctx, node, "^[a-z0-9]+(-[a-z0-9]+)*$",
                                   _ ("a non-empty kebab-case id such as “brand-authorization”"), out);
}

gboolean
_desk_rule_check_date (DeskRuleCheck *ctx,
                       JsonNode      *node,
                       gpointer       out)
{
  const char *expected = _ ("a date as YYYY-MM-DD");
  const char *text;
  guint       y, m, d;

  if (!_desk_rule_check_pattern (ctx, node, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", expected, &text))
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return _desk_rule_fail (ctx, expected, node);
  *(const char **)out = text;
  return TRUE;
}

gboolean
_desk_rule_check_version (DeskRuleCheck *ctx,
                          JsonNode      *node,
                          gpointer       out)
{
  return _desk_rule_check_pattern (ctx, node, "^[0-9]{1,6}(\\.[0-9]{1,6}){0,3}$",
                                   _ ("a version such as “1.0” (numbers separated by dots)"), out);
}

gboolean
_desk_rule_check_text (DeskRuleCheck *ctx,
                       JsonNode      *node,
                       gpointer       out)
{
  DeskRuleText *text = out;
  JsonObject   *obj;
  const char   *en = NULL, *zh = NULL;

  if (!_desk_rule_check_object (ctx, node, text_keys, &obj) || !_desk_rule_check_member (ctx, obj, "en", TRUE, _desk_rule_check_string, &en) || !_desk_rule_check_member (ctx, obj, "zh", TRUE, _desk_rule_check_string, &zh))
    return FALSE;
  _desk_rule_text_clear (text);
  text->en = g_strdup (en);
  text->zh = g_strdup (zh);
  return TRUE;
}

/* Arrays of texts and strings */

gboolean
_desk_rule_check_text_array (DeskRuleCheck *ctx,
                             JsonNode      *node,
                             gpointer       out)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify)_desk_rule_text_free);
  JsonArray *array;

  if (!_desk_rule_check_array (ctx, node, TRUE, &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr (DeskRuleText) text = g_new0 (DeskRuleText, 1);
      gsize    mark = _desk_rule_push_index (ctx, i);
      gboolean ok = _desk_rule_check_text (ctx, json_array_get_element (array, i), text);

      _desk_rule_pop (ctx, mark);
      if (!ok)
        return FALSE;
      g_ptr_array_add (texts, g_steal_pointer (&text));
    }
  *(GPtrArray **)out = g_steal_pointer (&texts);
  return TRUE;
}

static gboolean
check_code_array (DeskRuleCheck *ctx,
                  JsonNode      *node,
                  const char    *pattern,
                  const char    *expected,
                  GStrv         *out)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!_desk_rule_check_array (ctx, node, TRUE, &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *code = NULL;
      gsize       mark = _desk_rule_push_index (ctx, i);
      gboolean    ok = _desk_rule_check_pattern (ctx, json_array_get_element (array, i), pattern, expected, &code);

      _desk_rule_pop (ctx, mark);
      if (!ok)
        return FALSE;
      g_strv_builder_add (builder, code);
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
_desk_rule_check_formats (DeskRuleCheck *ctx,
                          JsonNode      *node,
                          gpointer       out)
{
  return check_code_array (ctx, node, "^[a-z0-9]{1,8}$",
                           _ ("a lower-case file extension such as “pdf”"), out);
}

gboolean
_desk_rule_check_languages (DeskRuleCheck *ctx,
                            JsonNode      *node,
                            gpointer       out)
{
  return check_code_array (ctx, node, "^[a-z]{2,3}$",
                           _ ("a language code such as “en” or “ru”"), out);
}

/* Sources and citations */

static gboolean
check_source_id (DeskRuleCheck *ctx,
                 JsonNode      *node,
                 GString       *joined)
{
  const char *id;

  if (!_desk_rule_check_string (ctx, node, &id))
    return FALSE;
  if (!g_hash_table_contains (ctx->sources, id))
    return _desk_rule_fail (ctx, _ ("a source id listed in “sources”"), node);
  if (joined->len > 0)
    g_string_append (joined, ", ");
  g_string_append (joined, id);
  return TRUE;
}

/* "source": "seed 000" or ["seed 001", "seed 002"]; stored comma-joined. */
gboolean
_desk_rule_check_source (DeskRuleCheck *ctx,
                         JsonNode      *node,
                         gpointer       out)
{
  g_autoptr (GString) joined = g_string_new (NULL);
  JsonArray *array;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      if (!_desk_rule_check_array (ctx, node, TRUE, &array))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize    mark = _desk_rule_push_index (ctx, i);
          gboolean ok = check_source_id (ctx, json_array_get_element (array, i), joined);

          _desk_rule_pop (ctx, mark);
          if (!ok)
            return FALSE;
        }
    }
  else if (!check_source_id (ctx, node, joined))
    return FALSE;
  *(char **)out = g_string_free (g_steal_pointer (&joined), FALSE);
  return TRUE;
}

gboolean
_desk_rule_check_severity (DeskRuleCheck *ctx,
                           JsonNode      *node,
                           gpointer       out)
{
  const char *text = NULL;

  if (!_desk_rule_check_pattern (ctx, node, "^(warn|stop)$", _ ("“warn” or “stop”"), &text))
    return FALSE;
  *(DeskRuleSeverity *)out = g_str_equal (text, "stop") ? DESK_RULE_SEVERITY_STOP
                                                        : DESK_RULE_SEVERITY_WARN;
  return TRUE;
}

/* source + verify (required), note + severity (optional). */
gboolean
_desk_rule_check_citation (DeskRuleCheck  *ctx,
                           JsonObject     *obj,
                           DeskRuleFigure *figure)
{
  return _desk_rule_check_member (ctx, obj, "source", TRUE, _desk_rule_check_source, &figure->source) && _desk_rule_check_member (ctx, obj, "verify", TRUE, _desk_rule_check_text, &figure->verify) && _desk_rule_check_member (ctx, obj, "note", FALSE, _desk_rule_check_text, &figure->note) && _desk_rule_check_member (ctx, obj, "severity", FALSE, _desk_rule_check_severity, &figure->severity);
}

/* A figure object: { <value_key>: positive integer, source, verify, note…}. */
gboolean
_desk_rule_check_int_figure (DeskRuleCheck     *ctx,
                             JsonNode          *node,
                             const char        *value_key,
                             const char *const *keys,
                             DeskRuleSeverity   severity,
                             DeskRuleFigure   **out)
{
  g_autoptr (DeskRuleFigure) figure = _desk_rule_figure_new ();
  JsonObject *obj;
  guint       value = 0;

  figure->severity = severity;
  if (!_desk_rule_check_object (ctx, node, keys, &obj) || !_desk_rule_check_member (ctx, obj, value_key, TRUE, _desk_rule_check_positive_int, &value) || !_desk_rule_check_citation (ctx, obj, figure))
    return FALSE;
  figure->value = figure->max = value;
  *out = g_steal_pointer (&figure);
  return TRUE;
}
