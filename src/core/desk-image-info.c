/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-image"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "desk-file-inspect-private.h"
#include "desk-image-info-private.h"

/* EXIF must sit in the first 64 KiB segment after SOI; PNG text chunks are
 * usually before the image data. This is plenty for both. */
#define HEAD_SIZE (256 * 1024)

#define TIFF_ASCII 2
#define TIFF_SHORT 3
#define TIFF_LONG  4

#define TAG_ORIENTATION          0x0112
#define TAG_DATE_TIME            0x0132
#define TAG_EXIF_IFD             0x8769
#define TAG_DATE_TIME_ORIGINAL   0x9003
#define TAG_OFFSET_TIME          0x9010
#define TAG_OFFSET_TIME_ORIGINAL 0x9011

G_DEFINE_QUARK (desk_image_error_quark, desk_image_error)

G_DEFINE_BOXED_TYPE (DeskImageInfo, desk_image_info, desk_image_info_copy, desk_image_info_free)

/* Bounds-checked readers --------------------------------------------------- */

/* TRUE when [offset, offset + size) lies inside a buffer of @len bytes.
 * 64-bit arithmetic: offsets come from the file and may be anything. */
static inline gboolean
in_bounds (gsize   len,
           guint64 offset,
           guint64 size)
{
  return offset <= len && size <= len - offset;
}

static inline guint32
read_be32 (const guint8 *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

typedef struct
{
  const guint8 *data;
  gsize         len;
  gboolean      big_endian;
} Tiff;

static gboolean
tiff_u16 (const Tiff *t,
          guint64     offset,
          guint      *out)
{
  const guint8 *p;

  if (!in_bounds (t->len, offset, 2))
    return FALSE;
  p = t->data + offset;
  *out = t->big_endian ? (guint)p[0] << 8 | p[1] : (guint)p[1] << 8 | p[0];
  return TRUE;
}

static gboolean
tiff_u32 (const Tiff *t,
          guint64     offset,
          guint32    *out)
{
  const guint8 *p;

  if (!in_bounds (t->len, offset, 4))
    return FALSE;
  p = t->data + offset;
  if (t->big_endian)
    *out = read_be32 (p);
  else
    *out = (guint32)p[3] << 24 | (guint32)p[2] << 16 | (guint32)p[1] << 8 | p[0];
  return TRUE;
}

/* Copies an ASCII entry's value, stopping at NUL or any non-printable byte. */
static void
tiff_read_ascii (const Tiff *t,
                 guint64     entry,
                 char       *out,
                 gsize       out_size)
{
  guint   type;
  guint32 count, value_offset;
  guint64 start = entry + 8;
  gsize   n = 0;

  if (!tiff_u16 (t, entry + 2, &type) || type != TIFF_ASCII || !tiff_u32 (t, entry + 4, &count) || count == 0)
    return;
  /* Values of up to four bytes are stored in the entry itself. */
  if (count > 4)
    {
      if (!tiff_u32 (t, entry + 8, &value_offset))
        return;
      start = value_offset;
    }
  if (!in_bounds (t->len, start, count))
    return;
  while (n < count && n < out_size - 1 && g_ascii_isprint (t->data[start + n]))
    {
      out[n] = t->data[start + n];
      n++;
    }
  out[n] = '\0';
}

static void tiff_parse_ifd (const Tiff   *t,
                            guint64       offset,
                            DeskExifData *exif,
                            gboolean      is_exif_ifd);

static void
tiff_parse_entry (const Tiff   *t,
                  guint64       entry,
                  guint         tag,
                  DeskExifData *exif,
                  gboolean      is_exif_ifd)
{
  guint   type, value;
  guint32 pointer;

  if (!is_exif_ifd && tag == TAG_ORIENTATION)
    {
      if (tiff_u16 (t, entry + 2, &type) && type == TIFF_SHORT && tiff_u16 (t, entry + 8, &value) && value >= 1 && value <= 8)
        exif->orientation = value;
    }
  else if (!is_exif_ifd && tag == TAG_DATE_TIME)
    tiff_read_ascii (t, entry, exif->date_time, sizeof exif->date_time);
  /* Followed from IFD0 only: no recursion, so no pointer loops. */
  else if (!is_exif_ifd && tag == TAG_EXIF_IFD)
    {
      if (tiff_u16 (t, entry + 2, &type) && (type == TIFF_LONG || type == 13) && tiff_u32 (t, entry + 8, &pointer))
        tiff_parse_ifd (t, pointer, exif, TRUE);
    }
  else if (is_exif_ifd && tag == TAG_DATE_TIME_ORIGINAL)
    tiff_read_ascii (t, entry, exif->date_time_original, sizeof exif->date_time_original);
  else if (is_exif_ifd && tag == TAG_OFFSET_TIME_ORIGINAL)
    tiff_read_ascii (t, entry, exif->offset_time_original, sizeof exif->offset_time_original);
  else if (is_exif_ifd && tag == TAG_OFFSET_TIME)
    tiff_read_ascii (t, entry, exif->offset_time, sizeof exif->offset_time);
}

static void
tiff_parse_ifd (const Tiff   *t,
                guint64       offset,
                DeskExifData *exif,
                gboolean      is_exif_ifd)
{
  guint n_entries, tag;

  if (!tiff_u16 (t, offset, &n_entries))
    return;
  for (guint i = 0; i < n_entries; i++)
    {
      guint64 entry = offset + 2 + (guint64)12 * i;

      if (!in_bounds (t->len, entry, 12) || !tiff_u16 (t, entry, &tag))
        return;
      tiff_parse_entry (t, entry, tag, exif, is_exif_ifd);
    }
}

gboolean
_desk_exif_parse_tiff (const guint8 *data,
                       gsize         len,
                       DeskExifData *exif)
{
  Tiff    t = { data, len, FALSE };
  guint   magic;
  guint32 ifd0;

  memset (exif, 0, sizeof *exif);
  if (data == NULL || len < 8)
    return FALSE;
  if (data[0] == 'M' && data[1] == 'M')
    t.big_endian = TRUE;
  else if (data[0] != 'I' || data[1] != 'I')
    return FALSE;
  if (!tiff_u16 (&t, 2, &magic) || magic != 42 || !tiff_u32 (&t, 4, &ifd0))
    return FALSE;
  tiff_parse_ifd (&t, ifd0, exif, FALSE);
  return TRUE;
}

gboolean
_desk_exif_parse_jpeg (const guint8 *data,
                       gsize         len,
                       DeskExifData *exif)
{
  gsize pos = 2;

  memset (exif, 0, sizeof *exif);
  if (data == NULL || len < 4 || data[0] != 0xFF || data[1] != 0xD8)
    return FALSE;
  while (in_bounds (len, pos, 4))
    {
      guint marker = data[pos + 1];
      guint seg_len = (guint)data[pos + 2] << 8 | data[pos + 3];

      if (data[pos] != 0xFF)
        return FALSE;
      if (marker == 0xFF) /* fill byte */
        {
          pos++;
          continue;
        }
      if (marker == 0xD9 || marker == 0xDA) /* EOI, SOS: metadata is over */
        return FALSE;
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
        {
          pos += 2;
          continue;
        }
      if (seg_len < 2)
        return FALSE;
      if (marker == 0xE1 && seg_len >= 8 && in_bounds (len, pos + 4, seg_len - 2) && memcmp (data + pos + 4, "Exif\0\0", 6) == 0)
        return _desk_exif_parse_tiff (data + pos + 10, seg_len - 8, exif);
      pos += 2 + seg_len;
    }
  return FALSE;
}

/* PNG and WebP ------------------------------------------------------------- */

/* tEXt is "keyword\0text" in Latin-1. */
static char *
png_text_value (const guint8 *body,
                gsize         len,
                const char   *keyword)
{
  const guint8 *nul = memchr (body, 0, len);
  gsize         key_len, text_len;

  if (nul == NULL)
    return NULL;
  key_len = nul - body;
  if (key_len != strlen (keyword) || memcmp (body, keyword, key_len) != 0)
    return NULL;
  text_len = MIN (len - key_len - 1, 128);
  return g_convert ((const char *)nul + 1, text_len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
}

gboolean
_desk_png_parse (const guint8 *data,
                 gsize         len,
                 DeskExifData *exif,
                 char        **creation_time)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  guint64             pos = 8;
  gboolean            found_exif = FALSE;

  memset (exif, 0, sizeof *exif);
  *creation_time = NULL;
  if (data == NULL || len < 8 || memcmp (data, signature, 8) != 0)
    return FALSE;
  while (in_bounds (len, pos, 8))
    {
      guint32       chunk_len = read_be32 (data + pos);
      const guint8 *type = data + pos + 4;
      const guint8 *body = data + pos + 8;

      if (!in_bounds (len, pos + 8, chunk_len) || memcmp (type, "IEND", 4) == 0)
        break;
      if (memcmp (type, "eXIf", 4) == 0 && !found_exif)
        found_exif = _desk_exif_parse_tiff (body, chunk_len, exif);
      else if (memcmp (type, "tEXt", 4) == 0 && *creation_time == NULL)
        *creation_time = png_text_value (body, chunk_len, "Creation Time");
      pos += 12 + (guint64)chunk_len;
    }
  return found_exif || *creation_time != NULL;
}

/* For when gdk-pixbuf has no WebP loader: the size from the first chunk. */
gboolean
_desk_webp_get_size (const guint8 *data,
                     gsize         len,
                     int          *width,
                     int          *height)
{
  const guint8 *p = data + 20; /* first chunk's payload */

  if (data == NULL || len < 30 || memcmp (data, "RIFF", 4) != 0 || memcmp (data + 8, "WEBP", 4) != 0)
    return FALSE;
  if (memcmp (data + 12, "VP8X", 4) == 0)
    {
      *width = 1 + (p[4] | p[5] << 8 | p[6] << 16);
      *height = 1 + (p[7] | p[8] << 8 | p[9] << 16);
    }
  else if (memcmp (data + 12, "VP8 ", 4) == 0 && p[3] == 0x9d && p[4] == 0x01 && p[5] == 0x2a)
    {
      *width = (p[6] | p[7] << 8) & 0x3fff;
      *height = (p[8] | p[9] << 8) & 0x3fff;
    }
  else if (memcmp (data + 12, "VP8L", 4) == 0 && p[0] == 0x2f)
    {
      guint32 bits = p[1] | p[2] << 8 | p[3] << 16 | (guint32)p[4] << 24;

      *width = 1 + (bits & 0x3fff);
      *height = 1 + ((bits >> 14) & 0x3fff);
    }
  else
    return FALSE;
  return TRUE;
}

/* Dates -------------------------------------------------------------------- */

static gboolean
is_utc_offset (const char *offset)
{
  return offset != NULL && strlen (offset) == 6 && (offset[0] == '+' || offset[0] == '-') && g_ascii_isdigit (offset[1]) && g_ascii_isdigit (offset[2]) && offset[3] == ':' && g_ascii_isdigit (offset[4]) && g_ascii_isdigit (offset[5]);
}

GDateTime *
_desk_exif_date_parse (const char *date,
                       const char *offset)
{
  g_autoptr (GTimeZone) tz = NULL;
  int year, month, day, hour, minute, second;

  if (date == NULL || strlen (date) < 19 || date[4] != ':' || date[7] != ':' || sscanf (date, "%4d:%2d:%2d %2d:%2d:%2d", &year, &month, &day, &hour, &minute, &second) != 6 || year <= 0)
    return NULL;
  if (is_utc_offset (offset))
    tz = g_time_zone_new_identifier (offset);
  if (tz == NULL)
    tz = g_time_zone_new_local ();
  return g_date_time_new (tz, year, month, day, hour, minute, second);
}

/* Loading ------------------------------------------------------------------ */

static GBytes *
read_head (GFile        *file,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree guint8 *buffer = g_malloc (HEAD_SIZE);
  gsize              n = 0;

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), buffer, HEAD_SIZE, &n, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_basename (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        /* Translators: %s are the file name, then the system's reason */
        g_set_error (error, DESK_IMAGE_ERROR, DESK_IMAGE_ERROR_IO,
                     _ ("Could not read “%s”: %s. Check that the file still exists and that you may read it."),
                     name, local_error->message);
      return NULL;
    }
  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (n, 1)), n);
}

static gboolean
read_dimensions (GFile         *file,
                 const guint8  *data,
                 gsize          len,
                 DeskImageInfo *info,
                 GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  GdkPixbufFormat *format = path ? gdk_pixbuf_get_file_info (path, &info->width, &info->height) : NULL;

  if (format != NULL)
    {
      g_auto (GStrv) mime_types = gdk_pixbuf_format_get_mime_types (format);

      info->format = gdk_pixbuf_format_get_name (format);
      info->mime_type = g_strdup (mime_types && mime_types[0] ? mime_types[0] : "application/octet-stream");
      return TRUE;
    }
  if (_desk_webp_get_size (data, len, &info->width, &info->height))
    {
      info->format = g_strdup ("webp");
      info->mime_type = g_strdup ("image/webp");
      return TRUE;
    }
  g_set_error_literal (error, DESK_IMAGE_ERROR, DESK_IMAGE_ERROR_UNSUPPORTED,
                       _ ("This file is not an image Appeal Desk can read. Save it as JPEG or PNG and add it again."));
  return FALSE;
}

static void
read_dates (const guint8  *data,
            gsize          len,
            DeskImageInfo *info)
{
  g_autofree char *creation_time = NULL;
  DeskExifData     exif;
  const char      *date, *offset;

  if (!_desk_exif_parse_jpeg (data, len, &exif) && !_desk_png_parse (data, len, &exif, &creation_time))
    return;

  info->orientation = exif.orientation;
  date = exif.date_time_original[0] ? exif.date_time_original : exif.date_time;
  offset = exif.date_time_original[0] ? exif.offset_time_original : exif.offset_time;
  if (*date)
    {
      info->taken = _desk_exif_date_parse (date, offset);
      info->taken_text = g_strdup (date);
    }
  else if (creation_time != NULL)
    {
      info->taken = _desk_date_parse_loose (creation_time);
      info->taken_text = g_steal_pointer (&creation_time);
    }
}

DeskImageInfo *
desk_image_info_load (GFile        *file,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_autoptr (DeskImageInfo) info = NULL;
  g_autoptr (GBytes) head = NULL;
  const guint8 *data;
  gsize         len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  head = read_head (file, cancellable, error);
  if (head == NULL)
    return NULL;
  data = g_bytes_get_data (head, &len);
  if (len == 0)
    {
      g_set_error_literal (error, DESK_IMAGE_ERROR, DESK_IMAGE_ERROR_EMPTY,
                           _ ("This file is empty (0 bytes). Add it again once it has finished downloading, or ask the sender for a new copy."));
      return NULL;
    }
  info = g_new0 (DeskImageInfo, 1);
  if (!read_dimensions (file, data, len, info, error))
    return NULL;
  read_dates (data, len, info);
  return g_steal_pointer (&info);
}

DeskImageInfo *
desk_image_info_copy (const DeskImageInfo *info)
{
  DeskImageInfo *copy = g_memdup2 (info, sizeof *info);

  copy->format = g_strdup (info->format);
  copy->mime_type = g_strdup (info->mime_type);
  copy->taken = info->taken ? g_date_time_ref (info->taken) : NULL;
  copy->taken_text = g_strdup (info->taken_text);
  return copy;
}

void
desk_image_info_free (DeskImageInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->format);
  g_free (info->mime_type);
  g_clear_pointer (&info->taken, g_date_time_unref);
  g_free (info->taken_text);
  g_free (info);
}
