/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-letters"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "desk-letter-data.h"
#include "desk-letters-resources.h"

void
desk_letter_data_ensure_resources (void)
{
  static gsize registered = 0;

  /* Explicit, because a static library drops unreferenced constructors. */
  if (g_once_init_enter (&registered))
    {
      desk_letters_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

GBytes *
desk_letter_data_lookup (const char *name,
                         GError    **error)
{
  g_autofree char *path = g_strdup_printf ("%s/letters/%s", RESOURCE_PREFIX, name);

  desk_letter_data_ensure_resources ();
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

const char *
desk_letter_language_normalize (const char *language)
{
  if (language && g_str_has_prefix (language, "ru"))
    return "ru";
  if (language && g_str_has_prefix (language, "zh"))
    return "zh";
  return "en";
}

/* id → JsonObject {en, ru, zh}; read once, kept for the process. */
static JsonObject *
exhibit_titles (void)
{
  static JsonObject *titles = NULL;
  static gsize       loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr (GBytes) bytes = desk_letter_data_lookup ("exhibit-labels.json", NULL);
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonObject *object = NULL;
      gsize       size = 0;
      const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

      if (data && json_parser_load_from_data (parser, data, size, NULL)
          && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        object = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
      else
        {
          g_warning ("Built-in exhibit titles are missing or damaged");
          object = json_object_new ();
        }
      titles = object;
      g_once_init_leave (&loaded, 1);
    }
  return titles;
}

const char *
desk_letter_data_get_exhibit_title (const char *item_id,
                                    const char *language)
{
  JsonObject *titles = exhibit_titles ();
  JsonObject *entry;
  const char *lang = desk_letter_language_normalize (language);

  if (item_id == NULL || !json_object_has_member (titles, item_id))
    return NULL;
  entry = json_object_get_object_member (titles, item_id);
  if (entry == NULL || !json_object_has_member (entry, lang))
    return NULL;
  return json_object_get_string_member (entry, lang);
}
