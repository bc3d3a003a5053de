/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-platform"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "desk-platform.h"
#include "desk-rule-pack.h"
#include "desk-util.h"

typedef struct
{
  char       *id;
  char       *label_en; /* NULL until the built-in pack was read */
  char       *label_zh;
  GHashTable *names; /* language code → name, from "platform_label"; never freed */
} Platform;

G_LOCK_DEFINE_STATIC (platforms);
static GPtrArray  *platforms; /* Platform*, index = DeskPlatform */
static GHashTable *by_id;     /* id → GINT_TO_POINTER (value) */
static gboolean    builtin_labels_read;

static Platform *
platform_new (const char *id)
{
  Platform *p = g_new0 (Platform, 1);

  p->id = g_strdup (id);
  p->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return p;
}

/* Called with the lock held. The built-in ids are the enum nicks. */
static void
ensure_table (void)
{
  GEnumClass *klass;

  if (platforms != NULL)
    return;
  platforms = g_ptr_array_new ();
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  klass = g_type_class_ref (DESK_TYPE_PLATFORM);
  for (int value = DESK_PLATFORM_UNKNOWN; value < DESK_N_BUILTIN_PLATFORMS; value++)
    {
      GEnumValue *ev = g_enum_get_value (klass, value);
      Platform   *p = platform_new (ev->value_nick);

      g_ptr_array_add (platforms, p);
      if (value != DESK_PLATFORM_UNKNOWN)
        g_hash_table_insert (by_id, p->id, GINT_TO_POINTER (value));
    }
  g_type_class_unref (klass);
}

/* Every name of "platform_label" (language code → name), or NULL. */
static GHashTable *
label_names (JsonObject *root)
{
  JsonObject *label;
  GHashTable *names;
  g_autoptr (GList) members = NULL;

  if (!json_object_has_member (root, "platform_label")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "platform_label")))
    return NULL;
  label = json_object_get_object_member (root, "platform_label");
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  members = json_object_get_members (label);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (label, l->data);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING && *json_node_get_string (node))
        g_hash_table_insert (names, g_strdup (l->data), g_strdup (json_node_get_string (node)));
    }
  return names;
}

/* Called with the lock held: adds the languages @p has no name in yet. */
static void
add_names (Platform   *p,
           GHashTable *names)
{
  GHashTableIter iter;
  gpointer       lang, name;

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &lang, &name))
    if (!g_hash_table_contains (p->names, lang))
      g_hash_table_insert (p->names, g_strdup (lang), g_strdup (name));
}

/* Called with the lock held. */
static void
set_labels (Platform   *p,
            const char *label_en,
            const char *label_zh)
{
  if (p->label_en != NULL)
    return;
  p->label_en = g_strdup (label_en);
  p->label_zh = g_strdup (label_zh);
  if (!g_hash_table_contains (p->names, "en"))
    g_hash_table_insert (p->names, g_strdup ("en"), g_strdup (label_en));
  if (!g_hash_table_contains (p->names, "zh"))
    g_hash_table_insert (p->names, g_strdup ("zh"), g_strdup (label_zh));
}

/* The names of the built-in platforms, from "platform_label" of the packs
 * compiled in. Read without the lock (parsing takes a moment), stored with
 * it. Only that member is read: this runs while packs are being parsed. */
static void
ensure_builtin_labels (void)
{
  G_LOCK (platforms);
  if (builtin_labels_read)
    {
      G_UNLOCK (platforms);
      return;
    }
  G_UNLOCK (platforms);

  desk_rule_pack_ensure_resources ();
  for (int value = DESK_PLATFORM_UNKNOWN + 1; value < DESK_N_BUILTIN_PLATFORMS; value++)
    {
      g_autofree char *path = g_strdup_printf ("%s/rules/%s.json", RESOURCE_PREFIX, desk_platform_to_id (value));
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GHashTable) names = NULL;
      JsonNode *root;

      if (bytes && json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL)
          && (root = json_parser_get_root (parser)) && JSON_NODE_HOLDS_OBJECT (root))
        names = label_names (json_node_get_object (root));
      if (names == NULL || !g_hash_table_contains (names, "en") || !g_hash_table_contains (names, "zh"))
        continue;
      G_LOCK (platforms);
      {
        Platform *p = platforms->pdata[value];

        set_labels (p, g_hash_table_lookup (names, "en"), g_hash_table_lookup (names, "zh"));
        add_names (p, names);
      }
      G_UNLOCK (platforms);
    }
  G_LOCK (platforms);
  builtin_labels_read = TRUE;
  G_UNLOCK (platforms);
}

static gboolean
valid_id (const char *id)
{
  g_autoptr (GRegex) re = NULL;

  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  re = g_regex_new ("^[a-z0-9]+(-[a-z0-9]+)*$", 0, 0, NULL);
  return g_regex_match (re, id, 0, NULL);
}

DeskPlatform
desk_platform_register (const char *id,
                        const char *label_en,
                        const char *label_zh)
{
  gpointer     value;
  DeskPlatform result;

  if (!valid_id (id) || label_en == NULL || *label_en == '\0' || label_zh == NULL || *label_zh == '\0')
    return DESK_PLATFORM_UNKNOWN;
  G_LOCK (platforms);
  ensure_table ();
  if (g_hash_table_lookup_extended (by_id, id, NULL, &value))
    {
      set_labels (platforms->pdata[GPOINTER_TO_INT (value)], label_en, label_zh);
      result = GPOINTER_TO_INT (value);
    }
  else
    {
      Platform *p = platform_new (id);

      set_labels (p, label_en, label_zh);
      result = platforms->len;
      g_ptr_array_add (platforms, p);
      g_hash_table_insert (by_id, p->id, GINT_TO_POINTER (result));
    }
  G_UNLOCK (platforms);
  return result;
}

void
desk_platform_add_names (DeskPlatform platform,
                         GHashTable  *names)
{
  g_return_if_fail (names != NULL);

  G_LOCK (platforms);
  ensure_table ();
  if (platform > DESK_PLATFORM_UNKNOWN && (guint)platform < platforms->len)
    add_names (platforms->pdata[platform], names);
  G_UNLOCK (platforms);
}

guint
desk_platform_get_count (void)
{
  guint n;

  G_LOCK (platforms);
  ensure_table ();
  n = platforms->len;
  G_UNLOCK (platforms);
  return n;
}

char *
desk_platform_join_ids (const char *separator)
{
  GString *ids = g_string_new (NULL);

  G_LOCK (platforms);
  ensure_table ();
  for (guint p = DESK_PLATFORM_UNKNOWN + 1; p < platforms->len; p++)
    g_string_append_printf (ids, "%s%s", ids->len ? separator : "", ((Platform *)platforms->pdata[p])->id);
  G_UNLOCK (platforms);
  return g_string_free (ids, FALSE);
}

gboolean
desk_platform_is_builtin (DeskPlatform platform)
{
  return platform > DESK_PLATFORM_UNKNOWN && platform < DESK_N_BUILTIN_PLATFORMS;
}

const char *
desk_platform_to_id (DeskPlatform platform)
{
  const char *id = NULL;

  G_LOCK (platforms);
  ensure_table ();
  if ((guint)platform < platforms->len)
    id = ((Platform *)platforms->pdata[platform])->id;
  G_UNLOCK (platforms);
  return id;
}

/* Called for every row when 100 000 cases load: one hash lookup. */
DeskPlatform
desk_platform_from_id (const char *id)
{
  gpointer value = NULL;

  if (id == NULL)
    return DESK_PLATFORM_UNKNOWN;
  G_LOCK (platforms);
  ensure_table ();
  value = g_hash_table_lookup (by_id, id);
  G_UNLOCK (platforms);
  return GPOINTER_TO_INT (value);
}

const char *
desk_platform_get_label (DeskPlatform platform)
{
  const char *label = NULL;

  ensure_builtin_labels ();
  G_LOCK (platforms);
  if (platform > DESK_PLATFORM_UNKNOWN && (guint)platform < platforms->len)
    {
      Platform *p = platforms->pdata[platform];

      label = desk_rule_language_get_current () == DESK_RULE_LANGUAGE_ZH ? p->label_zh : p->label_en;
      if (label == NULL)
        label = p->id;
    }
  G_UNLOCK (platforms);
  return label ? label : _ ("Unknown platform");
}

/* "zh_CN.UTF-8", "zh-CN" → "zh". */
static char *
language_code (const char *language)
{
  gsize n = language ? strcspn (language, "_-.@") : 0;

  return n > 0 ? g_ascii_strdown (language, n) : g_strdup ("en");
}

const char *
desk_platform_get_name (DeskPlatform platform,
                        const char  *language)
{
  g_autofree char *code = language_code (language);
  const char      *name = NULL;

  ensure_builtin_labels ();
  G_LOCK (platforms);
  ensure_table ();
  if (platform > DESK_PLATFORM_UNKNOWN && (guint)platform < platforms->len)
    {
      Platform *p = platforms->pdata[platform];

      /* The names are never freed: the pointer stays valid. */
      name = g_hash_table_lookup (p->names, code);
      if (name == NULL)
        name = g_hash_table_lookup (p->names, "en");
      if (name == NULL)
        name = p->id;
    }
  G_UNLOCK (platforms);
  return name;
}
