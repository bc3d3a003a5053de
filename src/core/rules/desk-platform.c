/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-platform"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "desk-platform.h"
#include "desk-rule-pack.h"
#include "desk-util.h"

typedef struct
{
  char *id;
  char *label_en; /* NULL until the built-in pack was read */
  char *label_zh;
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
  for (int value = DESK_PLATFORM_UNKNOWN; value < DESK_N_PLATFORMS; value++)
    {
      GEnumValue *ev = g_enum_get_value (klass, value);
      Platform   *p = platform_new (ev->value_nick);

      g_ptr_array_add (platforms, p);
      if (value != DESK_PLATFORM_UNKNOWN)
        g_hash_table_insert (by_id, p->id, GINT_TO_POINTER (value));
    }
  g_type_class_unref (klass);
}

static char *
text_member (JsonObject *root,
             const char *lang)
{
  JsonObject *label;

  if (!json_object_has_member (root, "platform_label")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "platform_label")))
    return NULL;
  label = json_object_get_object_member (root, "platform_label");
  if (!json_object_has_member (label, lang) || !JSON_NODE_HOLDS_VALUE (json_object_get_member (label, lang)))
    return NULL;
  return g_strdup (json_object_get_string_member (label, lang));
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
  for (int value = DESK_PLATFORM_UNKNOWN + 1; value < DESK_N_PLATFORMS; value++)
    {
      g_autofree char *path = g_strdup_printf ("%s/rules/%s.json", RESOURCE_PREFIX, desk_platform_to_id (value));
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonNode *root;
      char     *en = NULL, *zh = NULL;

      if (bytes && json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL)
          && (root = json_parser_get_root (parser)) && JSON_NODE_HOLDS_OBJECT (root))
        {
          en = text_member (json_node_get_object (root), "en");
          zh = text_member (json_node_get_object (root), "zh");
        }
      G_LOCK (platforms);
      {
        Platform *p = platforms->pdata[value];

        if (p->label_en == NULL && en && zh)
          {
            p->label_en = g_steal_pointer (&en);
            p->label_zh = g_steal_pointer (&zh);
          }
      }
      G_UNLOCK (platforms);
      g_free (en);
      g_free (zh);
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
      Platform *p = platforms->pdata[GPOINTER_TO_INT (value)];

      if (p->label_en == NULL)
        {
          p->label_en = g_strdup (label_en);
          p->label_zh = g_strdup (label_zh);
        }
      result = GPOINTER_TO_INT (value);
    }
  else
    {
      Platform *p = platform_new (id);

      p->label_en = g_strdup (label_en);
      p->label_zh = g_strdup (label_zh);
      result = platforms->len;
      g_ptr_array_add (platforms, p);
      g_hash_table_insert (by_id, p->id, GINT_TO_POINTER (result));
    }
  G_UNLOCK (platforms);
  return result;
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

gboolean
desk_platform_is_builtin (DeskPlatform platform)
{
  return platform > DESK_PLATFORM_UNKNOWN && platform < DESK_N_PLATFORMS;
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
