/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-package"

#include "config.h"

#include <string.h>

#include "desk-package-names.h"

struct _DeskPackageNamer
{
  GHashTable *taken; /* folded name → TRUE */
};

/* Characters Windows refuses in names, besides controls and separators. */
static gboolean
is_refused (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|' || c == 0x2028 || c == 0x2029 || c == 0xfeff || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* CON, PRN, AUX, NUL, COM1…9, LPT1…9, with or without extension. */
static gboolean
is_windows_device (const char *name)
{
  static const char *const devices[] = { "con", "prn", "aux", "nul" };
  gsize                    stem = strcspn (name, ".");

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    if (stem == 3 && g_ascii_strncasecmp (name, devices[i], 3) == 0)
      return TRUE;
  return stem == 4 && (g_ascii_strncasecmp (name, "com", 3) == 0 || g_ascii_strncasecmp (name, "lpt", 3) == 0) && g_ascii_isdigit (name[3]);
}

/* Everything after the last slash or backslash: a name that arrives as a
 * path ("C:\\Users\\x\\a.pdf", "../../x") keeps only its last part. */
static const char *
last_component (const char *text)
{
  const char *base = text;

  for (const char *p = text; *p; p++)
    if (*p == '/' || *p == '\\')
      base = p + 1;
  return base;
}

/* Length in bytes of a short extension (".pdf", ".jpeg"), 0 when none. */
static gsize
extension_length (const char *name)
{
  const char *dot = strrchr (name, '.');
  gsize       len;

  if (dot == NULL || dot == name)
    return 0;
  len = strlen (dot);
  if (len < 2 || len > 10)
    return 0;
  for (const char *p = dot + 1; *p; p++)
    if (!g_ascii_isalnum (*p))
      return 0;
  return len;
}

char *
desk_package_truncate_name (const char *name,
                            gsize       max_bytes)
{
  gsize       len = strlen (name);
  gsize       ext = extension_length (name);
  const char *end;
  GString    *out;

  if (len <= max_bytes)
    return g_strdup (name);
  if (ext * 2 > max_bytes)
    ext = 0;
  /* The last whole character that fits before the extension. */
  end = name;
  for (const char *p = name; *p && (gsize)(g_utf8_next_char (p) - name) <= max_bytes - ext;
       p = g_utf8_next_char (p))
    end = g_utf8_next_char (p);
  out = g_string_new_len (name, end - name);
  g_string_append (out, name + len - ext);
  return g_string_free (out, FALSE);
}

char *
desk_package_sanitize_name (const char *original,
                            gsize       max_bytes)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfc = NULL;
  GString         *out = g_string_new (NULL);
  const char      *base;

  valid = g_utf8_make_valid (original ? original : "", -1);
  nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  base = last_component (nfc ? nfc : valid);
  /* A drive letter left without a separator ("C:x.pdf"). */
  if (g_ascii_isalpha (base[0]) && base[1] == ':')
    base += 2;
  for (const char *p = base; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_refused (c))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  /* Leading dots would hide the file or read as ".."; Windows drops
   * trailing dots and spaces. */
  while (out->len > 0 && (out->str[0] == '.' || out->str[0] == ' '))
    g_string_erase (out, 0, 1);
  while (out->len > 0 && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_assign (out, "file");
  if (is_windows_device (out->str))
    g_string_prepend_c (out, '_');
  {
    g_autofree char *cut = desk_package_truncate_name (out->str, MAX (max_bytes, 16));

    g_string_free (out, TRUE);
    return g_steal_pointer (&cut);
  }
}

DeskPackageNamer *
desk_package_namer_new (void)
{
  DeskPackageNamer *namer = g_new0 (DeskPackageNamer, 1);

  namer->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return namer;
}

void
desk_package_namer_free (DeskPackageNamer *namer)
{
  if (namer == NULL)
    return;
  g_hash_table_unref (namer->taken);
  g_free (namer);
}

static char *
fold (const char *name)
{
  g_autofree char *nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);

  return g_utf8_casefold (nfkc ? nfkc : name, -1);
}

/* "name (2).pdf" within the byte limit. */
static char *
numbered (const char *name,
          guint       n)
{
  g_autofree char *suffix = g_strdup_printf (" (%u)", n);
  gsize            ext = extension_length (name);
  gsize            stem_len = strlen (name) - ext;
  g_autofree char *stem = g_strndup (name, stem_len);
  g_autofree char *cut = desk_package_truncate_name (stem, DESK_PACKAGE_NAME_MAX_BYTES - ext - strlen (suffix));

  return g_strconcat (cut, suffix, name + stem_len, NULL);
}

char *
desk_package_namer_take (DeskPackageNamer *namer,
                         const char       *prefix,
                         const char       *original)
{
  gsize            prefix_len = prefix ? strlen (prefix) : 0;
  g_autofree char *safe = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (namer != NULL, NULL);
  g_return_val_if_fail (prefix_len + 16 <= DESK_PACKAGE_NAME_MAX_BYTES, NULL);
  safe = desk_package_sanitize_name (original, DESK_PACKAGE_NAME_MAX_BYTES - prefix_len);
  name = g_strconcat (prefix ? prefix : "", safe, NULL);
  for (guint n = 2;; n++)
    {
      g_autofree char *folded = fold (name);

      if (!g_hash_table_contains (namer->taken, folded))
        {
          g_hash_table_add (namer->taken, g_steal_pointer (&folded));
          return g_steal_pointer (&name);
        }
      g_free (name);
      {
        g_autofree char *base = g_strconcat (prefix ? prefix : "", safe, NULL);

        name = numbered (base, n);
      }
    }
}
