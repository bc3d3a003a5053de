/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-rule-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "desk-enums.h"
#include "desk-json.h"
#include "desk-rule-pack-private.h"
#include "desk-rules-resources.h"
#include "desk-util.h"

struct _DeskRulePack
{
  GObject            parent_instance;
  DeskRulePackData  *data;
  DeskRulePackOrigin origin;
  char              *file_name;
  DeskCaseType       case_types[DESK_N_CASE_TYPES];
  guint              n_case_types;
};

G_DEFINE_FINAL_TYPE (DeskRulePack, desk_rule_pack, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PLATFORM,
  PROP_PACK_VERSION,
  PROP_EFFECTIVE_DATE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (desk_rule_pack_error_quark, desk_rule_pack_error)

static void
desk_rule_pack_finalize (GObject *object)
{
  DeskRulePack *self = (DeskRulePack *)object;

  g_clear_pointer (&self->data, _desk_rule_pack_data_free);
  g_clear_pointer (&self->file_name, g_free);
  G_OBJECT_CLASS (desk_rule_pack_parent_class)->finalize (object);
}

static void
desk_rule_pack_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DeskRulePack *self = DESK_RULE_PACK (object);

  switch (prop_id)
    {
      case PROP_PLATFORM:
        g_value_set_int (value, desk_rule_pack_get_platform (self));
        break;
      case PROP_PACK_VERSION:
        g_value_set_string (value, desk_rule_pack_get_pack_version (self));
        break;
      case PROP_EFFECTIVE_DATE:
        g_value_set_string (value, desk_rule_pack_get_effective_date (self));
        break;
      case PROP_LABEL:
        g_value_take_string (value, desk_rule_pack_get_label (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_rule_pack_class_init (DeskRulePackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_rule_pack_finalize;
  object_class->get_property = desk_rule_pack_get_property;

  properties[PROP_PLATFORM] = g_param_spec_int ("platform", NULL, NULL, DESK_PLATFORM_UNKNOWN, G_MAXINT, DESK_PLATFORM_UNKNOWN,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PACK_VERSION] = g_param_spec_string ("pack-version", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EFFECTIVE_DATE] = g_param_spec_string ("effective-date", NULL, NULL, NULL,
                                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_rule_pack_init (DeskRulePack *self)
{
}

/* Loading */

void
desk_rule_pack_ensure_resources (void)
{
  static gsize registered = 0;

  /* Explicit, because a static library drops unreferenced constructors. */
  if (g_once_init_enter (&registered))
    {
      desk_rules_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static DeskRulePack *
desk_rule_pack_new (DeskRulePackData  *data,
                    const char        *file_name,
                    DeskRulePackOrigin origin)
{
  DeskRulePack *self = g_object_new (DESK_TYPE_RULE_PACK, NULL);

  self->data = data;
  self->file_name = g_strdup (file_name);
  self->origin = origin;
  for (int t = 0; t < DESK_N_CASE_TYPES; t++)
    if (data->case_rules[t] != NULL)
      self->case_types[self->n_case_types++] = t;
  return self;
}

static gboolean
set_too_large (gsize       size,
               const char *file_name,
               GError    **error)
{
  g_autofree char *actual = g_format_size (size);
  g_autofree char *limit = g_format_size (DESK_RULE_PACK_MAX_SIZE);

  g_set_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_NOT_JSON,
               /* Translators: "shopee.json: the file is too large for a rule pack (5.2 MB; the limit is 1.0 MB)." */
               _ ("%s: the file is too large for a rule pack (%s; the limit is %s). Remove it, or replace it with the pack you meant."),
               file_name, actual, limit);
  return FALSE;
}

/* Before json-glib sees the bytes: it recurses once per level (100 000
 * levels overflow the stack) and cuts strings at a \u0000. */
static gboolean
check_bounds (const char *text,
              gsize       size,
              const char *file_name,
              GError    **error)
{
  guint line = 0;

  switch (desk_json_check_bounds (text, size, DESK_RULE_PACK_MAX_SIZE, DESK_RULE_PACK_MAX_DEPTH, &line))
    {
      case DESK_JSON_OK:
        return TRUE;
      case DESK_JSON_TOO_LARGE:
        return set_too_large (size, file_name, error);
      case DESK_JSON_TOO_DEEP:
        g_set_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_NOT_JSON,
                     /* Translators: "shopee.json: line 3: lists and groups are nested more than 32 levels deep …" */
                     _ ("%s: line %u: lists and groups are nested more than %u levels deep, which no rule pack needs. Remove the file, or replace it with the pack you meant."),
                     file_name, line, DESK_RULE_PACK_MAX_DEPTH);
        return FALSE;
      case DESK_JSON_NUL:
      default:
        g_set_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_NOT_JSON,
                     /* Translators: \u0000 is literal: what the user sees in the file */
                     _ ("%s: line %u holds an invisible “NUL” character (written \\u0000 or a zero byte), which would cut the text short. Delete it and save the file again."),
                     file_name, line);
        return FALSE;
    }
}

static JsonNode *
parse_json (GBytes     *bytes,
            const char *file_name,
            GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;
  gsize       size;
  const char *text = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      g_set_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_NOT_JSON,
                   _ ("%s: the file is empty. Write a rule pack or remove the file."),
                   file_name);
      return NULL;
    }
  if (!check_bounds (text, size, file_name, error))
    return NULL;
  if (!g_utf8_validate_len (text, size, NULL))
    {
      g_set_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_NOT_JSON,
                   _ ("%s: not UTF-8 text. Save the pack as UTF-8 JSON or remove it."),
                   file_name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, size, &local_error))
    {
      g_set_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_NOT_JSON,
                   /* Translators: the second %s is the JSON parser's message with line and column */
                   _ ("%s: not valid JSON: %s. Fix the syntax or remove the file."),
                   file_name, local_error->message);
      return NULL;
    }
  /* Only blanks: the parser succeeds without a root. */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_NOT_JSON,
                   _ ("%s: the file is empty. Write a rule pack or remove the file."),
                   file_name);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

DeskRulePack *
desk_rule_pack_new_from_bytes (GBytes            *bytes,
                               const char        *file_name,
                               DeskRulePackOrigin origin,
                               GError           **error)
{
  g_autoptr (JsonNode) root = NULL;
  DeskRulePackData *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(root = parse_json (bytes, file_name, error)))
    return NULL;
  if (!(data = _desk_rule_pack_parse (root, file_name, error)))
    return NULL;
  return desk_rule_pack_new (data, file_name, origin);
}

DeskRulePack *
desk_rule_pack_new_from_file (GFile        *file,
                              GCancellable *cancellable,
                              GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  {
    g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, NULL);

    /* Not even read into memory when it is far too large. */
    if (info && g_file_info_get_size (info) > DESK_RULE_PACK_MAX_SIZE)
      {
        set_too_large (g_file_info_get_size (info), name, error);
        return NULL;
      }
  }
  if (!g_file_load_contents (file, cancellable, &contents, &size, NULL, &local_error))
    {
      g_set_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_IO,
                   _ ("%s: cannot read the rule pack: %s. Check the file’s permissions."),
                   name, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
  return desk_rule_pack_new_from_bytes (bytes, name, DESK_RULE_PACK_ORIGIN_USER, error);
}

DeskRulePack *
desk_rule_pack_load_builtin (DeskPlatform platform,
                             GError     **error)
{
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (DeskRulePack) pack = NULL;
  const char *id = desk_platform_to_id (platform);

  /* Platforms are data: one a user pack added has no built-in rules. */
  if (platform <= DESK_PLATFORM_UNKNOWN || platform >= DESK_N_BUILTIN_PLATFORMS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a platform name */
                   _ ("Appeal Desk has no built-in rules for %s."), desk_platform_get_label (platform));
      return NULL;
    }

  desk_rule_pack_ensure_resources ();
  file_name = g_strdup_printf ("%s.json", id);
  path = g_strdup_printf ("%s/rules/%s", RESOURCE_PREFIX, file_name);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  pack = desk_rule_pack_new_from_bytes (bytes, file_name, DESK_RULE_PACK_ORIGIN_BUILTIN, error);
  if (pack != NULL && pack->data->platform != platform)
    {
      g_set_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_WRONG_PLATFORM,
                   _ ("%s: at “platform”: expected %s, found %s. The built-in rules are damaged; reinstall Appeal Desk."),
                   file_name, id, desk_platform_to_id (pack->data->platform));
      return NULL;
    }
  return g_steal_pointer (&pack);
}

/* Pack-level accessors */

DeskPlatform
desk_rule_pack_get_platform (DeskRulePack *self)
{
  g_return_val_if_fail (DESK_IS_RULE_PACK (self), DESK_PLATFORM_UNKNOWN);
  return self->data->platform;
}

int
desk_rule_pack_get_schema_version (DeskRulePack *self)
{
  g_return_val_if_fail (DESK_IS_RULE_PACK (self), 0);
  return self->data->schema_version;
}

const char *
desk_rule_pack_get_pack_version (DeskRulePack *self)
{
  g_return_val_if_fail (DESK_IS_RULE_PACK (self), NULL);
  return self->data->pack_version;
}

const char *
desk_rule_pack_get_effective_date (DeskRulePack *self)
{
  g_return_val_if_fail (DESK_IS_RULE_PACK (self), NULL);
  return self->data->effective_date;
}

DeskRulePackOrigin
desk_rule_pack_get_origin (DeskRulePack *self)
{
  g_return_val_if_fail (DESK_IS_RULE_PACK (self), DESK_RULE_PACK_ORIGIN_BUILTIN);
  return self->origin;
}

const char *
desk_rule_pack_get_file_name (DeskRulePack *self)
{
  g_return_val_if_fail (DESK_IS_RULE_PACK (self), NULL);
  return self->file_name;
}

char *
desk_rule_pack_get_label (DeskRulePack *self)
{
  const char *platform;

  g_return_val_if_fail (DESK_IS_RULE_PACK (self), NULL);
  platform = desk_platform_get_label (self->data->platform);
  if (self->origin == DESK_RULE_PACK_ORIGIN_USER)
    /* Translators: "AliExpress rules v1.1 (your pack, effective 2026-04-01)":
     * a rule pack the user installed in the data directory */
    return g_strdup_printf (_ ("%s rules v%s (your pack, effective %s)"),
                            platform, self->data->pack_version, self->data->effective_date);
  /* Translators: "AliExpress rules v1.0 (effective 2026-03-12)" */
  return g_strdup_printf (_ ("%s rules v%s (effective %s)"),
                          platform, self->data->pack_version, self->data->effective_date);
}

const char *
desk_rule_pack_get_source_title (DeskRulePack    *self,
                                 const char      *source_id,
                                 DeskRuleLanguage language)
{
  g_return_val_if_fail (DESK_IS_RULE_PACK (self), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);
  return _desk_rule_text_get (g_hash_table_lookup (self->data->sources, source_id), language);
}

/* Sellers know a source by its title ("Joom reseller complaint consultant
 * (Dashu Kuajing article)"), never by its id ("seed 004"). */
char *
desk_rule_pack_describe_sources (DeskRulePack *self,
                                 const char   *sources)
{
  g_auto (GStrv) ids = g_strsplit (sources, ", ", -1);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *title = desk_rule_pack_get_source_title (self, ids[i], DESK_RULE_LANGUAGE_CURRENT);

      if (text->len > 0)
        /* Translators: separates two source titles */
        g_string_append (text, _ ("; "));
      /* Translators: a source title in quotes */
      g_string_append_printf (text, _ ("“%s”"), title ? title : ids[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
desk_rule_pack_format_citation (DeskRulePack         *self,
                                const DeskRuleFigure *figure)
{
  g_autofree char *sources = NULL;

  g_return_val_if_fail (DESK_IS_RULE_PACK (self), NULL);
  g_return_val_if_fail (figure != NULL, NULL);
  sources = desk_rule_pack_describe_sources (self, figure->source);
  if (self->origin == DESK_RULE_PACK_ORIGIN_USER)
    {
      g_autofree char *label = desk_rule_pack_get_label (self);

      /* Translators: "Source: “title”, in AliExpress rules v1.1 (your pack, …). Verify …" */
      return g_strdup_printf (_ ("Source: %s, in %s. %s"), sources, label,
                              desk_rule_figure_get_verify (figure, DESK_RULE_LANGUAGE_CURRENT));
    }
  /* Translators: "Source: “AliExpress product … article”. Verify against …".
   * The last %s is the pack's verify note. */
  return g_strdup_printf (_ ("Source: %s. %s"), sources,
                          desk_rule_figure_get_verify (figure, DESK_RULE_LANGUAGE_CURRENT));
}

/* Case types */

gboolean
desk_rule_pack_lists_case_type (DeskRulePack *self,
                                DeskCaseType  case_type)
{
  return desk_rule_pack_get_case_rules (self, case_type) != NULL;
}

const DeskCaseType *
desk_rule_pack_get_case_types (DeskRulePack *self,
                               guint        *n_case_types)
{
  g_return_val_if_fail (DESK_IS_RULE_PACK (self), NULL);
  g_return_val_if_fail (n_case_types != NULL, NULL);
  *n_case_types = self->n_case_types;
  return self->case_types;
}

const DeskCaseRules *
desk_rule_pack_get_case_rules (DeskRulePack *self,
                               DeskCaseType  case_type)
{
  g_return_val_if_fail (DESK_IS_RULE_PACK (self), NULL);
  if (case_type <= DESK_CASE_TYPE_UNKNOWN || case_type >= DESK_N_CASE_TYPES)
    return NULL;
  return self->data->case_rules[case_type];
}

GPtrArray *
desk_rule_pack_get_evidence_items (DeskRulePack *self,
                                   DeskCaseType  case_type)
{
  const DeskCaseRules *rules = desk_rule_pack_get_case_rules (self, case_type);
  GPtrArray           *items = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_evidence_requirement_unref);

  if (rules == NULL)
    return items;
  /* Two passes keep pack order within each group (a stable partition). */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < rules->evidence->len; i++)
      {
        DeskEvidenceRequirement *req = g_ptr_array_index (rules->evidence, i);

        if (req->required == (pass == 0))
          g_ptr_array_add (items, desk_evidence_requirement_ref (req));
      }
  return items;
}

GDateTime *
desk_rule_pack_compute_deadline (DeskRulePack *self,
                                 DeskCaseType  case_type,
                                 GDateTime    *received)
{
  const DeskCaseRules *rules = desk_rule_pack_get_case_rules (self, case_type);

  g_return_val_if_fail (received != NULL, NULL);
  if (rules == NULL || rules->deadline == NULL)
    return NULL;
  return g_date_time_add_hours (received, (int)rules->deadline->value);
}

guint
desk_rule_pack_get_char_limit (DeskRulePack *self,
                               DeskCaseType  case_type)
{
  const DeskCaseRules *rules = desk_rule_pack_get_case_rules (self, case_type);

  if (rules == NULL || rules->char_limit == NULL)
    return 0;
  return (guint)rules->char_limit->value;
}

/* Terminology */

static DeskRuleTerm *
lookup_term (DeskRulePack *self,
             DeskCaseType  case_type,
             const char   *term_id)
{
  const DeskCaseRules *rules;
  DeskRuleTerm        *term = NULL;

  g_return_val_if_fail (DESK_IS_RULE_PACK (self), NULL);
  g_return_val_if_fail (term_id != NULL, NULL);
  rules = desk_rule_pack_get_case_rules (self, case_type);
  if (rules != NULL)
    term = g_hash_table_lookup (rules->terms, term_id);
  if (term == NULL)
    term = g_hash_table_lookup (self->data->terms, term_id);
  return term;
}

const char *
desk_rule_pack_get_term (DeskRulePack    *self,
                         DeskCaseType     case_type,
                         const char      *term_id,
                         DeskRuleLanguage language)
{
  DeskRuleTerm *term = lookup_term (self, case_type, term_id);

  return term ? _desk_rule_text_get (&term->term, language) : NULL;
}

const char *
desk_rule_pack_get_term_source (DeskRulePack *self,
                                DeskCaseType  case_type,
                                const char   *term_id)
{
  DeskRuleTerm *term = lookup_term (self, case_type, term_id);

  return term ? term->source : NULL;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static void
add_keys (GHashTable *set,
          GHashTable *table)
{
  GHashTableIter iter;
  gpointer       key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (set, key);
}

char **
desk_rule_pack_list_terms (DeskRulePack *self,
                           DeskCaseType  case_type)
{
  const DeskCaseRules *rules;
  g_autoptr (GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *keys = NULL;
  guint                n_keys = 0;

  g_return_val_if_fail (DESK_IS_RULE_PACK (self), NULL);
  rules = desk_rule_pack_get_case_rules (self, case_type);
  add_keys (set, self->data->terms);
  if (rules != NULL)
    add_keys (set, rules->terms);
  keys = g_hash_table_get_keys_as_array (set, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_strings);
  return g_strdupv ((char **)keys);
}

/* Versions */

int
desk_rule_pack_compare_versions (const char *a,
                                 const char *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);
  while (*a != '\0' || *b != '\0')
    {
      guint64 x = g_ascii_strtoull (a, (char **)&a, 10);
      guint64 y = g_ascii_strtoull (b, (char **)&b, 10);

      if (x != y)
        return x < y ? -1 : 1;
      /* Skip the dot (or anything unexpected, so the loop always ends). */
      if (*a != '\0')
        a++;
      if (*b != '\0')
        b++;
    }
  return 0;
}

JsonNode *
_desk_rule_pack_get_notice (DeskRulePack *pack)
{
  g_return_val_if_fail (DESK_IS_RULE_PACK (pack), NULL);
  return pack->data->notice;
}
