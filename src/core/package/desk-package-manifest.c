/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-package"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "desk-blob-store.h"
#include "desk-package.h"
#include "desk-package-manifest.h"

static void
manifest_file_free (DeskManifestFile *file)
{
  g_free (file->path);
  g_free (file->sha256);
  g_free (file);
}

void
desk_package_manifest_free (DeskPackageManifest *manifest)
{
  if (manifest == NULL)
    return;
  g_free (manifest->created_at);
  g_free (manifest->case_title);
  g_clear_pointer (&manifest->files, g_ptr_array_unref);
  g_free (manifest);
}

static gboolean
fail (GError    **error,
      const char *what)
{
  g_set_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_MANIFEST,
               /* Translators: %s says what is wrong, e.g. "a file without a name" */
               _ ("The package’s list of files (manifest.json) is damaged: %s. Ask the sender for a new package."),
               what);
  return FALSE;
}

static const char *
get_string (JsonObject *obj,
            const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
is_lower_hex64 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

static DeskManifestFile *
parse_file (JsonNode *node,
            GError  **error)
{
  g_autoptr (GError) local = NULL;
  JsonObject       *obj;
  JsonNode         *size;
  DeskManifestFile *file;
  const char       *path, *sha;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, _ ("a file entry is not an object")), NULL;
  obj = json_node_get_object (node);
  path = get_string (obj, "path");
  sha = get_string (obj, "sha256");
  size = json_object_get_member (obj, "size");
  if (path == NULL || *path == '\0' || !g_utf8_validate (path, -1, NULL))
    return fail (error, _ ("a file without a name")), NULL;
  if (!is_lower_hex64 (sha))
    return fail (error, _ ("a file without a valid checksum")), NULL;
  if (size == NULL || !JSON_NODE_HOLDS_VALUE (size) || json_node_get_value_type (size) != G_TYPE_INT64 || json_node_get_int (size) < 0)
    return fail (error, _ ("a file without a valid size")), NULL;
  file = g_new0 (DeskManifestFile, 1);
  file->path = g_strdup (path);
  file->sha256 = g_strdup (sha);
  file->size = json_node_get_int (size);
  return file;
}

DeskPackageManifest *
desk_package_manifest_parse (const char *data,
                             gsize       length,
                             GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (DeskPackageManifest) manifest = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonNode   *files, *version, *gaps, *case_node;

  if (length > DESK_PACKAGE_MANIFEST_MAX_SIZE)
    return fail (error, _ ("it is too large")), NULL;
  if (data == NULL || !g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) || !json_parser_load_from_data (parser, data, length, NULL))
    return fail (error, _ ("it is not valid JSON")), NULL;
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return fail (error, _ ("it is not a JSON object")), NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  version = json_object_get_member (root, "schema_version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    return fail (error, _ ("it has no schema version")), NULL;
  manifest = g_new0 (DeskPackageManifest, 1);
  manifest->schema_version = CLAMP (json_node_get_int (version), G_MININT, G_MAXINT);
  if (manifest->schema_version < 1 || manifest->schema_version > DESK_PACKAGE_SCHEMA_VERSION)
    {
      g_set_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_MANIFEST,
                   /* Translators: %d is a version number */
                   _ ("This package was made by a newer Appeal Desk (list version %d). Update Appeal Desk to check it."),
                   manifest->schema_version);
      return NULL;
    }
  manifest->created_at = g_strdup (get_string (root, "created_at"));
  case_node = json_object_get_member (root, "case");
  if (case_node && JSON_NODE_HOLDS_OBJECT (case_node))
    manifest->case_title = g_strdup (get_string (json_object_get_object_member (root, "case"), "title"));
  gaps = json_object_get_member (root, "made_with_blocking_gaps");
  manifest->made_with_blocking_gaps = gaps && JSON_NODE_HOLDS_VALUE (gaps) && json_node_get_value_type (gaps) == G_TYPE_BOOLEAN && json_node_get_boolean (gaps);
  files = json_object_get_member (root, "files");
  if (files == NULL || !JSON_NODE_HOLDS_ARRAY (files))
    return fail (error, _ ("it has no list of files")), NULL;
  manifest->files = g_ptr_array_new_with_free_func ((GDestroyNotify)manifest_file_free);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (files)); i++)
    {
      DeskManifestFile *file = parse_file (json_array_get_element (json_node_get_array (files), i), error);

      if (file == NULL)
        return NULL;
      g_ptr_array_add (manifest->files, file);
      if (!g_hash_table_add (seen, file->path))
        return fail (error, _ ("a file is listed twice")), NULL;
    }
  return g_steal_pointer (&manifest);
}

static gboolean
sums_fail (GError **error,
           guint    line)
{
  g_set_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_MANIFEST,
               /* Translators: %u is a line number */
               _ ("The package’s checksum list (SHA256SUMS) is damaged at line %u. Ask the sender for a new package."),
               line);
  return FALSE;
}

GHashTable *
desk_package_sums_parse (const char *data,
                         gsize       length,
                         GError    **error)
{
  g_autoptr (GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *p = data, *end = data + length;
  guint       line = 0;

  if (length > DESK_PACKAGE_MANIFEST_MAX_SIZE || (length > 0 && data == NULL))
    return sums_fail (error, 0), NULL;
  while (p < end)
    {
      const char      *nl = memchr (p, '\n', end - p);
      const char      *stop = nl ? nl : end;
      g_autofree char *hex = NULL;
      g_autofree char *path = NULL;

      line++;
      if (stop == p)
        {
          p = stop + 1;
          continue;
        }
      /* "<64 hex><space><space or *><path>" */
      if (stop - p < 67 || p[64] != ' ' || (p[65] != ' ' && p[65] != '*'))
        return sums_fail (error, line), NULL;
      hex = g_ascii_strdown (p, 64);
      path = g_strndup (p + 66, stop - (p + 66));
      if (!is_lower_hex64 (hex) || strlen (path) != (gsize)(stop - (p + 66)) || !g_utf8_validate (path, -1, NULL) || g_hash_table_contains (sums, path))
        return sums_fail (error, line), NULL;
      g_hash_table_insert (sums, g_steal_pointer (&path), g_steal_pointer (&hex));
      p = stop + (nl ? 1 : 0);
    }
  return g_steal_pointer (&sums);
}
