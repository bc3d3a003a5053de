/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-report-private.h"

/* The report is written in a language chosen per report, not the UI's, from
 * a worker thread: switching the process locale is neither possible nor
 * thread-safe, so the report reads the installed .mo catalogue itself. The
 * strings are ordinary msgids marked for xgettext, translated in po/ as usual. */

struct _DeskCatalog
{
  GHashTable *messages; /* msgid (with "context\004") → msgstr */
  GBytes     *bytes;
};

static guint32
read_u32 (const guint8 *data,
          gboolean      swap,
          gsize         offset)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Parses a GNU .mo file; FALSE when it is not one (nothing is trusted). */
static gboolean
parse_mo (DeskCatalog *self)
{
  gsize         size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  gboolean      swap;
  guint32       n, originals, translations;

  if (size < 28)
    return FALSE;
  if (read_u32 (data, FALSE, 0) == 0x950412de)
    swap = FALSE;
  else if (read_u32 (data, TRUE, 0) == 0x950412de)
    swap = TRUE;
  else
    return FALSE;
  n = read_u32 (data, swap, 8);
  originals = read_u32 (data, swap, 12);
  translations = read_u32 (data, swap, 16);
  if ((guint64)originals + (guint64)n * 8 > size || (guint64)translations + (guint64)n * 8 > size)
    return FALSE;
  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data, swap, originals + i * 8);
      guint32 ooff = read_u32 (data, swap, originals + i * 8 + 4);
      guint32 tlen = read_u32 (data, swap, translations + i * 8);
      guint32 toff = read_u32 (data, swap, translations + i * 8 + 4);

      if ((guint64)ooff + olen >= size || (guint64)toff + tlen >= size || olen == 0 || tlen == 0)
        continue;
      /* Keys and values are NUL-terminated; plural forms follow the first NUL. */
      g_hash_table_insert (self->messages, (char *)data + ooff, (char *)data + toff);
    }
  return TRUE;
}

DeskCatalog *
_desk_catalog_load (const char *language)
{
  DeskCatalog     *self = g_new0 (DeskCatalog, 1);
  const char      *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize            length;

  self->messages = g_hash_table_new (g_str_hash, g_str_equal);
  if (language == NULL || g_str_has_prefix (language, "en"))
    return self;
  path = g_build_filename (dir ? dir : LOCALEDIR, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      g_autofree char *base = g_strndup (language, strcspn (language, "_.@"));

      g_clear_pointer (&path, g_free);
      path = g_build_filename (dir ? dir : LOCALEDIR, base, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      if (!g_file_get_contents (path, &contents, &length, NULL))
        return self;
    }
  self->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!parse_mo (self))
    g_hash_table_remove_all (self->messages);
  return self;
}

gboolean
_desk_catalog_is_translated (DeskCatalog *self)
{
  return g_hash_table_size (self->messages) > 0;
}

void
_desk_catalog_free (DeskCatalog *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->messages);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}

const char *
_desk_catalog_get (DeskCatalog *self,
                   const char  *msgid)
{
  const char *msgstr = g_hash_table_lookup (self->messages, msgid);

  return msgstr && *msgstr ? msgstr : msgid;
}

const char *
_desk_catalog_pget (DeskCatalog *self,
                    const char  *context,
                    const char  *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char      *msgstr = g_hash_table_lookup (self->messages, key);

  return msgstr && *msgstr ? msgstr : msgid;
}
