/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "desk-file-inspect-private.h"
#include "desk-image-info-private.h"
#include "desk-test-util.h"
#include "desk-pdf-document.h"

static char *tmp_dir;

/* EXIF by hand ------------------------------------------------------------ */

typedef struct
{
  GByteArray *bytes;
  gboolean    big_endian;
} Tiff;

static void
put16 (Tiff *t, guint v)
{
  guint8 b[2] = { v & 0xff, v >> 8 };

  if (t->big_endian)
    b[0] = v >> 8, b[1] = v & 0xff;
  g_byte_array_append (t->bytes, b, 2);
}

static void
put32 (Tiff *t, guint32 v)
{
  if (t->big_endian)
    put16 (t, v >> 16), put16 (t, v & 0xffff);
  else
    put16 (t, v & 0xffff), put16 (t, v >> 16);
}

static void
put_entry (Tiff *t, guint tag, guint type, guint32 count, guint32 value)
{
  put16 (t, tag);
  put16 (t, type);
  put32 (t, count);
  if (type == 3 && count == 1)
    put16 (t, value), put16 (t, 0); /* a SHORT sits in the first two bytes */
  else
    put32 (t, value);
}

/* TIFF header, IFD0 (Orientation 6, ExifIFD pointer) and the Exif IFD
 * (DateTimeOriginal, OffsetTimeOriginal), offsets relative to the header. */
static GByteArray *
make_tiff_exif (gboolean big_endian)
{
  Tiff          t = { g_byte_array_new (), big_endian };
  const guint32 ifd0 = 8, exif_ifd = ifd0 + 2 + 2 * 12 + 4;
  const guint32 date_at = exif_ifd + 2 + 2 * 12 + 4, offset_at = date_at + 20;

  g_byte_array_append (t.bytes, (const guint8 *)(big_endian ? "MM" : "II"), 2);
  put16 (&t, 42);
  put32 (&t, ifd0);
  put16 (&t, 2);
  put_entry (&t, 0x0112, 3, 1, 6);
  put_entry (&t, 0x8769, 4, 1, exif_ifd);
  put32 (&t, 0);
  put16 (&t, 2);
  put_entry (&t, 0x9003, 2, 20, date_at);
  put_entry (&t, 0x9011, 2, 7, offset_at);
  put32 (&t, 0);
  g_assert_cmpuint (t.bytes->len, ==, date_at);
  g_byte_array_append (t.bytes, (const guint8 *)"2024:05:01 14:30:05", 20);
  g_byte_array_append (t.bytes, (const guint8 *)"+08:00", 7);
  return t.bytes;
}

/* SOI, then APP1 "Exif\0\0" + @tiff, then the rest of a real JPEG. */
static GByteArray *
make_exif_jpeg (GByteArray *tiff)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr (GError) error = NULL;
  g_autofree char *jpeg = NULL;
  GByteArray      *out = g_byte_array_new ();
  guint8           app1[4] = { 0xff, 0xe1, (tiff->len + 8) >> 8, (tiff->len + 8) & 0xff };
  gsize            jpeg_len;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &jpeg_len, "jpeg", &error, NULL);
  g_assert_no_error (error);
  g_byte_array_append (out, (const guint8 *)jpeg, 2);
  g_byte_array_append (out, app1, 4);
  g_byte_array_append (out, (const guint8 *)"Exif\0\0", 6);
  g_byte_array_append (out, tiff->data, tiff->len);
  g_byte_array_append (out, (const guint8 *)jpeg + 2, jpeg_len - 2);
  return out;
}

static char *
utc_text (GDateTime *time)
{
  g_autoptr (GDateTime) utc = NULL;

  g_assert_nonnull (time);
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
test_exif_jpeg (void)
{
  g_autoptr (GByteArray) tiff = make_tiff_exif (FALSE);
  g_autoptr (GByteArray) jpeg = make_exif_jpeg (tiff);
  g_autofree char *path = desk_test_write_file (tmp_dir, "photo.jpg", jpeg->data, jpeg->len);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskImageInfo) info = desk_image_info_load (file, NULL, &error);
  g_autofree char *taken = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (info->width, ==, 64);
  g_assert_cmpint (info->height, ==, 48);
  g_assert_cmpstr (info->format, ==, "jpeg");
  g_assert_cmpstr (info->mime_type, ==, "image/jpeg");
  g_assert_cmpuint (info->orientation, ==, 6);
  g_assert_cmpstr (info->taken_text, ==, "2024:05:01 14:30:05");
  taken = utc_text (info->taken);
  g_assert_cmpstr (taken, ==, "2024-05-01T06:30:05Z");
}

static void
test_exif_big_endian (void)
{
  g_autoptr (GByteArray) tiff = make_tiff_exif (TRUE);
  DeskExifData exif;

  g_assert_true (_desk_exif_parse_tiff (tiff->data, tiff->len, &exif));
  g_assert_cmpstr (exif.date_time_original, ==, "2024:05:01 14:30:05");
  g_assert_cmpstr (exif.offset_time_original, ==, "+08:00");
  g_assert_cmpuint (exif.orientation, ==, 6);
}

/* Parses an exact-size heap copy, so valgrind or ASan see any over-read. */
static gboolean
parse_copy (const guint8 *data,
            gsize         len,
            DeskExifData *exif)
{
  g_autofree guint8 *copy = g_memdup2 (data, len);
  gboolean           found = _desk_exif_parse_jpeg (copy, len, exif);

  /* Whatever was found is NUL-terminated, printable ASCII. */
  g_assert_cmpuint (strlen (exif->date_time_original), <, sizeof exif->date_time_original);
  g_assert_cmpuint (strlen (exif->date_time), <, sizeof exif->date_time);
  g_assert_cmpuint (exif->orientation, <=, 8);
  return found;
}

static void
set32le (guint8 *p, guint32 v)
{
  p[0] = v, p[1] = v >> 8, p[2] = v >> 16, p[3] = v >> 24;
}

static void
test_exif_malformed (void)
{
  g_autoptr (GByteArray) tiff = make_tiff_exif (FALSE);
  g_autoptr (GByteArray) jpeg = make_exif_jpeg (tiff);
  const gsize tiff_at = 12; /* SOI + APP1 marker/length + "Exif\0\0" */
  const gsize head_len = tiff_at + tiff->len;
  g_autoptr (GRand) rand = g_rand_new_with_seed (2024);
  g_autofree guint8 *bad = NULL;
  DeskExifData       exif;

  /* Every truncation of the header: never a read past the end. */
  for (gsize len = 0; len <= head_len + 16; len++)
    parse_copy (jpeg->data, len, &exif);
  /* Cut inside the APP1 segment: the segment is incomplete, nothing found. */
  g_assert_false (parse_copy (jpeg->data, head_len - 10, &exif));

  bad = g_memdup2 (jpeg->data, head_len);
  /* IFD0 offset far outside */
  set32le (bad + tiff_at + 4, 0xfffffff0);
  g_assert_true (parse_copy (bad, head_len, &exif));
  g_assert_cmpstr (exif.date_time_original, ==, "");
  set32le (bad + tiff_at + 4, 8);
  /* Exif IFD pointer outside, then pointing back at IFD0 (a loop) */
  set32le (bad + tiff_at + 8 + 2 + 12 + 8, 0x7fffffff);
  g_assert_true (parse_copy (bad, head_len, &exif));
  g_assert_cmpstr (exif.date_time_original, ==, "");
  set32le (bad + tiff_at + 8 + 2 + 12 + 8, 8);
  g_assert_true (parse_copy (bad, head_len, &exif));
  g_assert_cmpuint (exif.orientation, ==, 6);
  set32le (bad + tiff_at + 8 + 2 + 12 + 8, 38);
  /* Date value offset outside, then a huge count */
  set32le (bad + tiff_at + 38 + 2 + 8, 0xffffff00);
  g_assert_true (parse_copy (bad, head_len, &exif));
  g_assert_cmpstr (exif.date_time_original, ==, "");
  set32le (bad + tiff_at + 38 + 2 + 8, 68);
  set32le (bad + tiff_at + 38 + 2 + 4, 0xffffffff);
  g_assert_true (parse_copy (bad, head_len, &exif));
  g_assert_cmpstr (exif.date_time_original, ==, "");
  /* 65535 entries claimed in IFD0 */
  memcpy (bad, jpeg->data, head_len);
  bad[tiff_at + 8] = bad[tiff_at + 9] = 0xff;
  parse_copy (bad, head_len, &exif);
  /* APP1 length larger than the file, and smaller than its header */
  memcpy (bad, jpeg->data, head_len);
  bad[4] = bad[5] = 0xff;
  g_assert_false (parse_copy (bad, head_len, &exif));
  bad[4] = 0, bad[5] = 1;
  g_assert_false (parse_copy (bad, head_len, &exif));

  /* Random damage anywhere in the header. */
  for (guint i = 0; i < 5000; i++)
    {
      memcpy (bad, jpeg->data, head_len);
      for (guint j = 0, n = g_rand_int_range (rand, 1, 8); j < n; j++)
        bad[g_rand_int_range (rand, 0, head_len)] = g_rand_int_range (rand, 0, 256);
      parse_copy (bad, g_rand_int_range (rand, head_len / 2, head_len + 1), &exif);
    }
}

static void
test_exif_dates (void)
{
  g_autoptr (GDateTime) zoned = _desk_exif_date_parse ("2023:12:31 23:59:59", "-05:00");
  g_autofree char *text = utc_text (zoned);
  g_autoptr (GDateTime) local = _desk_exif_date_parse ("2023:12:31 23:59:59", NULL);

  g_assert_cmpstr (text, ==, "2024-01-01T04:59:59Z");
  g_assert_nonnull (local);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 23);
  g_assert_null (_desk_exif_date_parse ("0000:00:00 00:00:00", NULL));
  g_assert_null (_desk_exif_date_parse ("2023:13:01 00:00:00", NULL));
  g_assert_null (_desk_exif_date_parse ("2023-12-31", NULL));
  g_assert_null (_desk_exif_date_parse ("", NULL));
}

static void
test_png_creation_time (void)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 30, 20);
  g_autofree char *path = g_build_filename (tmp_dir, "screenshot.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskImageInfo) info = NULL;
  g_autofree char *taken = NULL;

  gdk_pixbuf_fill (pixbuf, 0);
  gdk_pixbuf_save (pixbuf, path, "png", &error, "tEXt::Creation Time", "2024-05-01T10:00:00Z", NULL);
  g_assert_no_error (error);
  info = desk_image_info_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->width, ==, 30);
  g_assert_cmpint (info->height, ==, 20);
  g_assert_cmpstr (info->format, ==, "png");
  g_assert_cmpstr (info->taken_text, ==, "2024-05-01T10:00:00Z");
  taken = utc_text (info->taken);
  g_assert_cmpstr (taken, ==, "2024-05-01T10:00:00Z");
}

static void
test_webp_size (void)
{
  guint8           webp[30] = "RIFF\x16\0\0\0WEBPVP8X\x0a\0\0\0";
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskImageInfo) info = NULL;
  int width = 0, height = 0;

  /* canvas 640 × 480, stored minus one in 24 bits */
  webp[24] = 639 & 0xff, webp[25] = 639 >> 8;
  webp[27] = 479 & 0xff, webp[28] = 479 >> 8;
  g_assert_true (_desk_webp_get_size (webp, sizeof webp, &width, &height));
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);
  g_assert_false (_desk_webp_get_size (webp, 29, &width, &height));

  path = desk_test_write_file (tmp_dir, "phone.webp", webp, sizeof webp);
  file = g_file_new_for_path (path);
  info = desk_image_info_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->width, ==, 640);
  g_assert_cmpstr (info->format, ==, "webp");
}

static void
test_image_errors (void)
{
  g_autofree char *junk = desk_test_write_file (tmp_dir, "junk.jpg", "not an image at all", 19);
  g_autofree char *empty = desk_test_write_file (tmp_dir, "empty.jpg", "", 0);
  g_autoptr (GFile) junk_file = g_file_new_for_path (junk);
  g_autoptr (GFile) empty_file = g_file_new_for_path (empty);
  g_autoptr (GError) error = NULL;

  g_assert_null (desk_image_info_load (junk_file, NULL, &error));
  g_assert_error (error, DESK_IMAGE_ERROR, DESK_IMAGE_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_null (desk_image_info_load (empty_file, NULL, &error));
  g_assert_error (error, DESK_IMAGE_ERROR, DESK_IMAGE_ERROR_EMPTY);
}

/* Inspection -------------------------------------------------------------- */

static DeskFileInfo *
inspect (const char *path,
         const char *name_hint)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  DeskFileInfo *info = desk_file_inspect (file, name_hint, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

static JsonObject *
to_json (DeskFileInfo *info,
         JsonNode    **keep)
{
  g_autofree char *text = desk_file_info_to_json_string (info);
  g_autoptr (GError) error = NULL;

  *keep = json_from_string (text, &error);
  g_assert_no_error (error);
  return json_node_get_object (*keep);
}

/* "Invoice" on an A4 page, then an empty landscape page. */
static char *
make_pdf (const char *name)
{
  static const DeskTestPageSize sizes[] = { { 595, 842 }, { 842, 595 } };
  static const gboolean         text_on[] = { TRUE, FALSE };
  DeskTestPdf                   spec = { .n_pages = 2, .text = "Invoice", .text_on_page = text_on, .sizes = sizes, .font_size = 10, .title = "Invoice 2024-0042" };

  return desk_test_make_pdf (tmp_dir, name, &spec);
}

static void
test_inspect_pdf (void)
{
  g_autofree char *path = make_pdf ("invoice.pdf");
  g_autoptr (DeskFileInfo) info = inspect (path, NULL);
  g_autoptr (JsonNode) node = NULL;
  JsonObject *root, *pdf;
  JsonArray  *sizes;

  g_assert_cmpint (info->kind, ==, DESK_FILE_KIND_PDF);
  g_assert_cmpstr (info->mime_type, ==, "application/pdf");
  g_assert_cmpstr (info->name, ==, "invoice.pdf");
  g_assert_false (info->name_mismatch);
  g_assert_null (info->problem);
  g_assert_cmpuint (info->pdf->n_pages, ==, 2);
  g_assert_cmpstr (info->pdf->title, ==, "Invoice 2024-0042");
  g_assert_false (info->pdf->scan_only);

  root = to_json (info, &node);
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "pdf");
  g_assert_cmpint (json_object_get_int_member (root, "size"), ==, (gint64)info->size);
  g_assert_true (json_object_get_null_member (root, "problem"));
  pdf = json_object_get_object_member (root, "pdf");
  g_assert_cmpint (json_object_get_int_member (pdf, "n_pages"), ==, 2);
  g_assert_false (json_object_get_boolean_member (pdf, "scan_only"));
  sizes = json_object_get_array_member (pdf, "page_sizes");
  g_assert_cmpuint (json_array_get_length (sizes), ==, 2);
  g_assert_cmpfloat (json_array_get_double_element (json_array_get_array_element (sizes, 1), 0), ==, 842.0);
  g_assert_false (json_object_has_member (root, "image"));
}

/* A blob store file has no extension: the hint names it. */
static void
test_inspect_name_hint (void)
{
  g_autofree char *path = make_pdf ("3f9a0c");
  g_autoptr (DeskFileInfo) info = inspect (path, "证书.pdf");

  g_assert_cmpint (info->kind, ==, DESK_FILE_KIND_PDF);
  g_assert_cmpstr (info->name, ==, "证书.pdf");
  g_assert_cmpuint (info->pdf->n_pages, ==, 2);
}

static void
test_inspect_png_named_pdf (void)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 12, 10);
  g_autofree char *path = g_build_filename (tmp_dir, "authorization.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskFileInfo) info = NULL;

  gdk_pixbuf_fill (pixbuf, 0);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
  info = inspect (path, NULL);
  g_assert_cmpint (info->kind, ==, DESK_FILE_KIND_IMAGE);
  g_assert_cmpstr (info->mime_type, ==, "image/png");
  g_assert_true (info->name_mismatch);
  g_assert_cmpint (info->image->width, ==, 12);
}

static void
test_inspect_encrypted_pdf (void)
{
  g_autofree char *plain = make_pdf ("open.pdf");
  g_autofree char *locked = g_build_filename (tmp_dir, "locked.pdf", NULL);
  const char      *argv[] = { "qpdf", "--encrypt", "u", "o", "256", "--", plain, locked, NULL };
  g_autoptr (DeskFileInfo) info = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  JsonObject      *problem;
  int              status = -1;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  info = inspect (locked, NULL);
  g_assert_cmpint (info->kind, ==, DESK_FILE_KIND_PDF);
  g_assert_null (info->pdf);
  g_assert_error (info->problem, DESK_PDF_ERROR, DESK_PDF_ERROR_ENCRYPTED);
  problem = json_object_get_object_member (to_json (info, &node), "problem");
  g_assert_cmpstr (json_object_get_string_member (problem, "code"), ==, "encrypted");
  g_assert_cmpstr (json_object_get_string_member (problem, "message"), ==, info->problem->message);
}

static void
test_inspect_empty_pdf (void)
{
  g_autofree char *path = desk_test_write_file (tmp_dir, "nothing.pdf", "", 0);
  g_autoptr (DeskFileInfo) info = inspect (path, NULL);

  g_assert_cmpuint (info->size, ==, 0);
  g_assert_cmpint (info->kind, ==, DESK_FILE_KIND_PDF);
  g_assert_error (info->problem, DESK_PDF_ERROR, DESK_PDF_ERROR_EMPTY);
}

static void
test_inspect_text (void)
{
  g_autofree char *short_path = desk_test_write_file (tmp_dir, "notes.txt", "one\ntwo\nthree", 13);
  g_autoptr (DeskFileInfo) info = inspect (short_path, NULL);
  g_autoptr (GString) big = g_string_new (NULL);
  g_autofree char *big_path = NULL;
  g_autofree char *gbk_path = NULL;

  g_assert_cmpint (info->kind, ==, DESK_FILE_KIND_TEXT);
  g_assert_cmpuint (info->text->n_lines, ==, 3);
  g_assert_true (info->text->valid_utf8);
  g_assert_null (info->text->subject);
  g_clear_pointer (&info, desk_file_info_unref);

  /* 3-byte characters straddle every 64 KiB chunk boundary. */
  for (guint i = 0; i < 50000; i++)
    g_string_append (big, i % 10 == 9 ? "商标\n" : "商标");
  big_path = desk_test_write_file (tmp_dir, "big.txt", big->str, big->len);
  info = inspect (big_path, NULL);
  g_assert_cmpint (info->kind, ==, DESK_FILE_KIND_TEXT);
  g_assert_cmpuint (info->text->n_lines, ==, 5000);
  g_assert_true (info->text->valid_utf8);
  g_clear_pointer (&info, desk_file_info_unref);

  /* "商标" in GBK is not UTF-8 */
  gbk_path = desk_test_write_file (tmp_dir, "gbk.txt", "shop \xc9\xcc\xb1\xea\n", 10);
  info = inspect (gbk_path, NULL);
  g_assert_cmpuint (info->text->n_lines, ==, 1);
  g_assert_false (info->text->valid_utf8);
}

static const char eml[] = "Return-Path: <noreply@example.com>\r\n"
                          "From: =?GB2312?B?yczGt7K/?= <seller@example.com>\r\n"
                          "Subject: =?UTF-8?B?5L2g55qE5ZWG5ZOB5bey6KKr5LiL5p62?=\r\n"
                          " =?UTF-8?Q?_(Case_123)?=\r\n"
                          "Date: Tue, 1 Jul 2025 10:00:00 +0800\r\n"
                          "Content-Type: text/plain; charset=utf-8\r\n"
                          "\r\n"
                          "Subject: not a header\r\n"
                          "Body.\r\n";

static void
test_inspect_eml (void)
{
  g_autofree char *path = desk_test_write_file (tmp_dir, "notice.eml", eml, sizeof eml - 1);
  g_autoptr (DeskFileInfo) info = inspect (path, NULL);
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *date = NULL;
  JsonObject      *text;

  g_assert_cmpint (info->kind, ==, DESK_FILE_KIND_EMAIL);
  g_assert_cmpuint (info->text->n_lines, ==, 9);
  g_assert_cmpstr (info->text->subject, ==, "你的商品已被下架 (Case 123)");
  g_assert_cmpstr (info->text->from, ==, "商品部 <seller@example.com>");
  g_assert_cmpstr (info->text->date_text, ==, "Tue, 1 Jul 2025 10:00:00 +0800");
  date = utc_text (info->text->date);
  g_assert_cmpstr (date, ==, "2025-07-01T02:00:00Z");
  text = json_object_get_object_member (to_json (info, &node), "text");
  g_assert_cmpstr (json_object_get_string_member (text, "date"), ==, "2025-07-01T02:00:00Z");
}

static void
test_inspect_missing (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "gone.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;

  g_assert_null (desk_file_inspect (file, NULL, NULL, &error));
  g_assert_error (error, DESK_INSPECT_ERROR, DESK_INSPECT_ERROR_IO);
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_inspect_async (void)
{
  g_autofree char *path = make_pdf ("async.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskFileInfo) info = NULL;

  desk_file_inspect_async (file, NULL, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  info = desk_file_inspect_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->pdf->n_pages, ==, 2);
}

/* MIME helpers ------------------------------------------------------------ */

static void
test_rfc2822_dates (void)
{
  static const struct
  {
    const char *text;
    const char *utc;
  } cases[] = {
    { "Tue, 1 Jul 2025 10:00:00 +0800", "2025-07-01T02:00:00Z" },
    { "1 Jul 2025 10:00 -0500", "2025-07-01T15:00:00Z" },
    { "Mon, 30 Dec 24 23:15:07 GMT", "2024-12-30T23:15:07Z" },
    { "Wed, 05 Mar 2025 08:00:00 PST", "2025-03-05T16:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) time = _desk_date_parse_rfc2822 (cases[i].text);
      g_autofree char *utc = utc_text (time);

      g_assert_cmpstr (utc, ==, cases[i].utc);
    }
  g_assert_null (_desk_date_parse_rfc2822 ("yesterday"));
  g_assert_null (_desk_date_parse_rfc2822 ("32 Foo 2025 10:00"));
  g_assert_null (_desk_date_parse_rfc2822 (NULL));
}

static void
test_mime_decode (void)
{
  static const struct
  {
    const char *raw;
    const char *text;
  } cases[] = {
    { "plain", "plain" },
    { "=?utf-8?q?caf=C3=A9?= au lait", "café au lait" },
    { "=?UTF-8?B?5ZWG5qCH?= =?UTF-8?B?5o6I5p2D?=", "商标授权" },
    { "Re: =?GBK?B?yczGtw==?=", "Re: 商品" },
    { "=?x-unknown?B?AAAA?= kept", "=?x-unknown?B?AAAA?= kept" },
    { "=?broken", "=?broken" },
    { "\xc9\xcc\xc6\xb7", "商品" }, /* raw GBK bytes */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _desk_mime_decode_header (cases[i].raw);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = desk_test_make_data_dir ();
  g_setenv ("APPEAL_DESK_DATA_DIR", tmp_dir, TRUE);

  g_test_add_func ("/image/exif-jpeg", test_exif_jpeg);
  g_test_add_func ("/image/exif-big-endian", test_exif_big_endian);
  g_test_add_func ("/image/exif-malformed", test_exif_malformed);
  g_test_add_func ("/image/exif-dates", test_exif_dates);
  g_test_add_func ("/image/png-creation-time", test_png_creation_time);
  g_test_add_func ("/image/webp-size", test_webp_size);
  g_test_add_func ("/image/errors", test_image_errors);
  g_test_add_func ("/inspect/pdf", test_inspect_pdf);
  g_test_add_func ("/inspect/name-hint", test_inspect_name_hint);
  g_test_add_func ("/inspect/png-named-pdf", test_inspect_png_named_pdf);
  g_test_add_func ("/inspect/encrypted-pdf", test_inspect_encrypted_pdf);
  g_test_add_func ("/inspect/empty-pdf", test_inspect_empty_pdf);
  g_test_add_func ("/inspect/text", test_inspect_text);
  g_test_add_func ("/inspect/eml", test_inspect_eml);
  g_test_add_func ("/inspect/missing", test_inspect_missing);
  g_test_add_func ("/inspect/async", test_inspect_async);
  g_test_add_func ("/mime/rfc2822-dates", test_rfc2822_dates);
  g_test_add_func ("/mime/decode", test_mime_decode);
  ret = g_test_run ();
  desk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
