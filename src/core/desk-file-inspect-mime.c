/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-inspect"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "desk-file-inspect-private.h"
#include "desk-image-info-private.h"

/* Dates ------------------------------------------------------------------- */

static GTimeZone *
rfc2822_zone (const char *zone)
{
  static const struct
  {
    const char *name;
    const char *offset;
  } names[] = {
    { "EST", "-05:00" },
    { "EDT", "-04:00" },
    { "CST", "-06:00" },
    { "CDT", "-05:00" },
    { "MST", "-07:00" },
    { "MDT", "-06:00" },
    { "PST", "-08:00" },
    { "PDT", "-07:00" },
  };
  char offset[7];

  if ((zone[0] == '+' || zone[0] == '-') && strlen (zone) >= 5 && g_ascii_isdigit (zone[1]) && g_ascii_isdigit (zone[2]) && g_ascii_isdigit (zone[3]) && g_ascii_isdigit (zone[4]))
    {
      g_snprintf (offset, sizeof offset, "%c%c%c:%c%c", zone[0], zone[1], zone[2], zone[3], zone[4]);
      return g_time_zone_new_identifier (offset);
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strncasecmp (zone, names[i].name, 3) == 0)
      return g_time_zone_new_identifier (names[i].offset);
  /* GMT, UT, Z and anything unknown ("-0000" in spirit) */
  return g_time_zone_new_utc ();
}

static int
month_from_name (const char *name)
{
  static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";

  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (name, months + 3 * i, 3) == 0)
      return i + 1;
  return 0;
}

GDateTime *
_desk_date_parse_rfc2822 (const char *text)
{
  g_autoptr (GTimeZone) tz = NULL;
  const char *p, *comma;
  char        month_name[4] = "", zone[16] = "";
  int         day, year, hour, minute, second = 0, consumed = 0, month;

  if (text == NULL)
    return NULL;
  comma = strchr (text, ',');
  p = comma ? comma + 1 : text;
  if (sscanf (p, " %2d %3s %4d %2d:%2d%n", &day, month_name, &year, &hour, &minute, &consumed) != 5)
    return NULL;
  p += consumed;
  if (*p == ':' && sscanf (p, ":%2d%n", &second, &consumed) == 1)
    p += consumed;
  sscanf (p, " %15s", zone);
  month = month_from_name (month_name);
  if (month == 0)
    return NULL;
  if (year < 100)
    year += year < 50 ? 2000 : 1900;
  tz = rfc2822_zone (zone);
  return g_date_time_new (tz, year, month, day, hour, minute, second);
}

GDateTime *
_desk_date_parse_loose (const char *text)
{
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  GDateTime *time;

  if (text == NULL || *text == '\0')
    return NULL;
  time = g_date_time_new_from_iso8601 (text, local);
  if (time == NULL)
    time = _desk_date_parse_rfc2822 (text);
  if (time == NULL)
    time = _desk_exif_date_parse (text, NULL);
  return time;
}

/* Headers ----------------------------------------------------------------- */

static gsize
line_length (const char  *line,
             const char  *end,
             const char **next)
{
  const char *eol = memchr (line, '\n', end - line);
  gsize       len = (eol ? eol : end) - line;

  *next = eol ? eol + 1 : end;
  if (len > 0 && line[len - 1] == '\r')
    len--;
  return len;
}

char *
_desk_mime_find_header (const char *data,
                        gsize       len,
                        const char *name)
{
  const char *p = data, *end = data + len, *next;
  gsize       name_len = strlen (name);
  GString    *value = NULL;

  while (p < end)
    {
      gsize n = line_length (p, end, &next);

      if (n == 0)
        break; /* the blank line ending the headers */
      if (value != NULL && (p[0] == ' ' || p[0] == '\t'))
        g_string_append_len (value, p, n); /* folded continuation */
      else if (value != NULL)
        break;
      else if (n > name_len && p[name_len] == ':' && g_ascii_strncasecmp (p, name, name_len) == 0)
        value = g_string_new_len (p + name_len + 1, n - name_len - 1);
      p = next;
    }
  return value ? g_strstrip (g_string_free (value, FALSE)) : NULL;
}

static char *
to_utf8 (const char *raw)
{
  char *out;

  if (g_utf8_validate (raw, -1, NULL))
    return g_strdup (raw);
  out = g_convert (raw, -1, "UTF-8", "GB18030", NULL, NULL, NULL);
  if (out == NULL)
    out = g_convert (raw, -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
  return out;
}

static GBytes *
decode_q (const char *text,
          gsize       len)
{
  GByteArray *out = g_byte_array_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      guint8 c = text[i];
      int    hi, lo;

      if (c == '_')
        c = ' ';
      else if (c == '=' && i + 2 < len && (hi = g_ascii_xdigit_value (text[i + 1])) >= 0 && (lo = g_ascii_xdigit_value (text[i + 2])) >= 0)
        {
          c = hi << 4 | lo;
          i += 2;
        }
      g_byte_array_append (out, &c, 1);
    }
  return g_byte_array_free_to_bytes (out);
}

/* "=?charset?B?text?=" at @start; sets *after past it. NULL if malformed. */
static char *
decode_encoded_word (const char  *start,
                     const char **after)
{
  const char      *charset = start + 2, *q1, *text, *stop;
  g_autofree char *name = NULL;
  g_autofree char *copy = NULL;
  g_autoptr (GBytes) bytes = NULL;
  char  encoding;
  gsize n;

  q1 = strchr (charset, '?');
  if (q1 == NULL || q1 == charset || q1[1] == '\0' || q1[2] != '?')
    return NULL;
  encoding = g_ascii_toupper (q1[1]);
  text = q1 + 3;
  stop = strstr (text, "?=");
  if (stop == NULL || (encoding != 'B' && encoding != 'Q'))
    return NULL;
  /* "UTF-8*zh" carries a language (RFC 2231); GB2312 text is often GBK. */
  name = g_strndup (charset, strcspn (charset, "*?"));
  if (g_ascii_strcasecmp (name, "gb2312") == 0 || g_ascii_strcasecmp (name, "gbk") == 0)
    {
      g_free (name);
      name = g_strdup ("GB18030");
    }
  copy = g_strndup (text, stop - text);
  if (encoding == 'B')
    {
      guchar *raw = g_base64_decode (copy, &n);
      bytes = g_bytes_new_take (raw, n);
    }
  else
    bytes = decode_q (copy, strlen (copy));
  *after = stop + 2;
  return g_convert (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                    "UTF-8", name, NULL, NULL, NULL);
}

static gboolean
is_blank (const char *start,
          const char *end)
{
  for (const char *p = start; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

char *
_desk_mime_decode_header (const char *raw)
{
  g_autofree char *text = raw ? to_utf8 (raw) : NULL;
  GString         *out = g_string_new (NULL);
  gboolean         after_word = FALSE;
  const char      *p = text;

  while (p != NULL && *p)
    {
      const char      *start = strstr (p, "=?"), *after = NULL;
      g_autofree char *word = start ? decode_encoded_word (start, &after) : NULL;

      if (start == NULL)
        {
          g_string_append (out, p);
          break;
        }
      if (word == NULL)
        {
          g_string_append_len (out, p, start + 2 - p);
          p = start + 2;
          after_word = FALSE;
          continue;
        }
      /* Blanks between two encoded words are not part of the text. */
      if (!after_word || !is_blank (p, start))
        g_string_append_len (out, p, start - p);
      g_string_append (out, word);
      p = after;
      after_word = TRUE;
    }
  return g_string_free (out, FALSE);
}
