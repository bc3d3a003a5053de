/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "desk-pdf-document.h"
#include "desk-test-util.h"

#define CHINESE_TEXT "商标授权书：深圳市示例贸易有限公司"

static char *tmp_dir;

typedef DeskTestPageSize PageSize;

static const PageSize three_sizes[] = {
  { 595.0, 842.0 }, /* A4 */
  { 612.0, 792.0 }, /* Letter */
  { 842.0, 595.0 }, /* A4 landscape */
};

/* Pages carry "Page N" only where @text_on_page says so (NULL: everywhere). */
static char *
make_text_pdf (const char     *name,
               guint           n_pages,
               const PageSize *sizes,
               const gboolean *text_on_page)
{
  DeskTestPdf spec = {
    .n_pages = n_pages, .text = "Page %u", .text_on_page = text_on_page, .sizes = sizes, .title = "Trademark certificate", .author = "Shenzhen Example Trading", .create_date = "2024-05-01T10:00:00Z", .mod_date = "2024-05-02T11:30:00Z"
  };

  return desk_test_make_pdf (tmp_dir, name, &spec);
}

static char *
make_chinese_pdf (void)
{
  DeskTestPdf spec = { .text = CHINESE_TEXT, .pango_font = "Noto Sans CJK SC 18" };

  return desk_test_make_pdf (tmp_dir, "chinese.pdf", &spec);
}

/* Pages made of one noisy grey image, like a scanner's output. */
static char *
make_scan_pdf (void)
{
  DeskTestPdf spec = { .n_pages = 2, .scan_width = 200, .scan_height = 280 };

  return desk_test_make_pdf (tmp_dir, "scan.pdf", &spec);
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static DeskPdfDocument *
open_path (const char *path,
           const char *password,
           GError    **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) result = NULL;

  desk_pdf_document_open_async (file, password, NULL, got_result, &result);
  return desk_pdf_document_open_finish (wait_for (&result), error);
}

static void
assert_open_fails (const char *path,
                   const char *password,
                   int         code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfDocument) doc = open_path (path, password, &error);

  g_assert_null (doc);
  g_assert_error (error, DESK_PDF_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 20);
}

static char *
page_text (DeskPdfDocument *doc,
           guint            page)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  char *text;

  desk_pdf_document_get_page_text_async (doc, page, NULL, got_result, &result);
  text = desk_pdf_document_get_page_text_finish (doc, wait_for (&result), &error);
  g_assert_no_error (error);
  return text;
}

static void
test_valid (void)
{
  g_autofree char *path = make_text_pdf ("valid.pdf", 3, three_sizes, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfDocument) doc = open_path (path, NULL, &error);
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *text = NULL;
  double           w, h;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (desk_pdf_document_get_n_pages (doc), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (desk_pdf_document_get_page_size (doc, i, &w, &h));
      g_assert_cmpfloat_with_epsilon (w, three_sizes[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (h, three_sizes[i].height, 0.01);
    }
  g_assert_false (desk_pdf_document_get_page_size (doc, 3, &w, &h));
  g_assert_cmpstr (desk_pdf_document_get_title (doc), ==, "Trademark certificate");
  g_assert_cmpstr (desk_pdf_document_get_author (doc), ==, "Shenzhen Example Trading");
  g_assert_nonnull (strstr (desk_pdf_document_get_producer (doc), "cairo"));
  created = g_date_time_format_iso8601 (desk_pdf_document_get_creation_date (doc));
  modified = g_date_time_format_iso8601 (desk_pdf_document_get_mod_date (doc));
  g_assert_cmpstr (created, ==, "2024-05-01T10:00:00Z");
  g_assert_cmpstr (modified, ==, "2024-05-02T11:30:00Z");
  g_assert_false (desk_pdf_document_get_scan_only (doc));
  g_assert_cmpint (desk_pdf_document_get_text_layer (doc, 0), ==, DESK_PDF_TEXT_LAYER_PRESENT);
  /* The sample stops at the first page with text. */
  g_assert_cmpint (desk_pdf_document_get_text_layer (doc, 1), ==, DESK_PDF_TEXT_LAYER_UNKNOWN);
  g_assert_cmpint (desk_pdf_document_get_file_size (doc), >, 500);
  text = page_text (doc, 2);
  g_assert_nonnull (strstr (text, "Page 3"));
}

static void
test_chinese (void)
{
  g_autofree char *path = make_chinese_pdf ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfDocument) doc = open_path (path, NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (desk_pdf_document_get_text_layer (doc, 0), ==, DESK_PDF_TEXT_LAYER_PRESENT);
  g_assert_false (desk_pdf_document_get_scan_only (doc));
  text = page_text (doc, 0);
  g_assert_nonnull (strstr (text, CHINESE_TEXT));
}

static void
test_encrypted (void)
{
  g_autofree char *plain = make_text_pdf ("plain.pdf", 2, NULL, NULL);
  g_autofree char *locked = g_build_filename (tmp_dir, "locked.pdf", NULL);
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfDocument) doc = NULL;
  const char *argv[] = { "qpdf", "--encrypt", "user", "owner", "256", "--", plain, locked, NULL };
  int         status = -1;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  assert_open_fails (locked, NULL, DESK_PDF_ERROR_ENCRYPTED);
  assert_open_fails (locked, "", DESK_PDF_ERROR_ENCRYPTED);
  assert_open_fails (locked, "wrong", DESK_PDF_ERROR_BAD_PASSWORD);
  doc = open_path (locked, "user", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (desk_pdf_document_get_n_pages (doc), ==, 2);
  g_assert_cmpstr (desk_pdf_document_get_title (doc), ==, "Trademark certificate");
}

static void
test_truncated (void)
{
  g_autofree char *valid = make_text_pdf ("whole.pdf", 5, NULL, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *half = NULL;
  gsize            len;

  g_assert_true (g_file_get_contents (valid, &contents, &len, NULL));
  half = desk_test_write_file (tmp_dir, "half.pdf", contents, len / 2);
  assert_open_fails (half, NULL, DESK_PDF_ERROR_INVALID);
}

static void
test_garbage (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autofree char *junk = NULL;
  g_autofree char *fake = NULL;

  for (guint i = 0; i < 4096; i++)
    {
      guint8 b = g_rand_int_range (rand, 0, 256);
      g_byte_array_append (bytes, &b, 1);
    }
  /* No magic at all: not a PDF. */
  bytes->data[0] = 'X';
  junk = desk_test_write_file (tmp_dir, "junk.pdf", bytes->data, bytes->len);
  assert_open_fails (junk, NULL, DESK_PDF_ERROR_NOT_PDF);

  /* Right header and trailer marker, garbage between: damaged. */
  g_byte_array_prepend (bytes, (const guint8 *)"%PDF-1.7\n", 9);
  g_byte_array_append (bytes, (const guint8 *)"\n%%EOF\n", 7);
  fake = desk_test_write_file (tmp_dir, "fake.pdf", bytes->data, bytes->len);
  assert_open_fails (fake, NULL, DESK_PDF_ERROR_INVALID);
}

static void
test_empty (void)
{
  g_autofree char *path = desk_test_write_file (tmp_dir, "empty.pdf", "", 0);

  assert_open_fails (path, NULL, DESK_PDF_ERROR_EMPTY);
}

static void
test_png_renamed (void)
{
  g_autofree char *path = desk_test_make_png_solid (tmp_dir, "photo.PDF", 32, 32, 0, 0, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfDocument) doc = open_path (path, NULL, &error);

  g_assert_error (error, DESK_PDF_ERROR, DESK_PDF_ERROR_NOT_PDF);
  g_assert_nonnull (strstr (error->message, ".pdf"));
}

static void
test_missing (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "does-not-exist.pdf", NULL);

  assert_open_fails (path, NULL, DESK_PDF_ERROR_IO);
}

static void
test_scan_only (void)
{
  g_autofree char *path = make_scan_pdf ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfDocument) doc = open_path (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (desk_pdf_document_get_n_pages (doc), ==, 2);
  g_assert_true (desk_pdf_document_get_scan_only (doc));
  g_assert_cmpint (desk_pdf_document_get_text_layer (doc, 0), ==, DESK_PDF_TEXT_LAYER_NONE);
  g_assert_cmpint (desk_pdf_document_get_text_layer (doc, 1), ==, DESK_PDF_TEXT_LAYER_NONE);
}

/* Scanned pages followed by one typed page: the sample includes the last
 * page, so the document is not "scan only". */
static void
test_text_on_last_page (void)
{
  gboolean         text_on_page[20] = { 0 };
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfDocument) doc = NULL;

  text_on_page[19] = TRUE;
  path = make_text_pdf ("last-typed.pdf", 20, NULL, text_on_page);
  doc = open_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (desk_pdf_document_get_scan_only (doc));
  g_assert_cmpint (desk_pdf_document_get_text_layer (doc, 0), ==, DESK_PDF_TEXT_LAYER_NONE);
  g_assert_cmpint (desk_pdf_document_get_text_layer (doc, 10), ==, DESK_PDF_TEXT_LAYER_UNKNOWN);
  g_assert_cmpint (desk_pdf_document_get_text_layer (doc, 19), ==, DESK_PDF_TEXT_LAYER_PRESENT);
}

static gboolean
count_tick (gpointer user_data)
{
  (*(guint *)user_data)++;
  return G_SOURCE_CONTINUE;
}

static void
test_thousand_pages (void)
{
  g_autofree char *path = make_text_pdf ("thousand.pdf", 1000, NULL, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfDocument) doc = NULL;
  g_autofree char *text = NULL;
  guint            ticks = 0;
  guint            idle_id = g_idle_add (count_tick, &ticks);

  desk_pdf_document_open_async (file, NULL, NULL, got_result, &result);
  doc = desk_pdf_document_open_finish (wait_for (&result), &error);
  g_source_remove (idle_id);
  g_assert_no_error (error);
  /* The main loop kept turning while the worker opened the file. */
  g_assert_cmpuint (ticks, >, 0);
  g_assert_cmpuint (desk_pdf_document_get_n_pages (doc), ==, 1000);
  g_assert_true (desk_pdf_document_get_page_size (doc, 999, NULL, NULL));
  text = page_text (doc, 999);
  g_assert_nonnull (strstr (text, "Page 1000"));
}

static void
test_cancelled (void)
{
  g_autofree char *path = make_text_pdf ("cancel.pdf", 2, NULL, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfDocument) doc = NULL;

  g_cancellable_cancel (cancellable);
  desk_pdf_document_open_async (file, NULL, cancellable, got_result, &result);
  doc = desk_pdf_document_open_finish (wait_for (&result), &error);
  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Two workers, each with its own poppler instance, serve interleaved pages. */
static void
test_two_workers (void)
{
  g_autofree char *path = make_text_pdf ("workers.pdf", 12, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfDocument) doc = open_path (path, NULL, &error);
  GAsyncResult *results[12] = { NULL };

  g_assert_no_error (error);
  desk_pdf_document_set_max_workers (doc, 2);
  g_assert_cmpuint (desk_pdf_document_get_max_workers (doc), ==, 2);
  for (guint i = 0; i < 12; i++)
    desk_pdf_document_get_page_text_async (doc, i, NULL, got_result, &results[i]);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Page %u", i + 1);
      g_autofree char *text = NULL;

      text = desk_pdf_document_get_page_text_finish (doc, wait_for (&results[i]), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (g_strstrip (text), ==, expected);
      g_clear_object (&results[i]);
    }
}

/* Queued work still reports back after the document is dropped. */
static void
test_dispose_with_pending_work (void)
{
  g_autofree char *path = make_text_pdf ("dispose.pdf", 30, NULL, NULL);
  g_autoptr (GError) error = NULL;
  DeskPdfDocument *doc = open_path (path, NULL, &error);
  GAsyncResult    *results[30] = { NULL };
  guint            n_ok = 0, n_cancelled = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < 30; i++)
    desk_pdf_document_get_page_text_async (doc, i, NULL, got_result, &results[i]);
  g_object_run_dispose (G_OBJECT (doc));
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autofree char *text = NULL;

      text = desk_pdf_document_get_page_text_finish (doc, wait_for (&results[i]), &local_error);
      if (text != NULL)
        n_ok++;
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        n_cancelled++;
      g_clear_object (&results[i]);
    }
  g_assert_cmpuint (n_ok + n_cancelled, ==, 30);
  g_object_unref (doc);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = desk_test_make_data_dir ();
  g_setenv ("APPEAL_DESK_DATA_DIR", tmp_dir, TRUE);

  g_test_add_func ("/pdf/valid", test_valid);
  g_test_add_func ("/pdf/chinese", test_chinese);
  g_test_add_func ("/pdf/encrypted", test_encrypted);
  g_test_add_func ("/pdf/truncated", test_truncated);
  g_test_add_func ("/pdf/garbage", test_garbage);
  g_test_add_func ("/pdf/empty", test_empty);
  g_test_add_func ("/pdf/png-renamed", test_png_renamed);
  g_test_add_func ("/pdf/missing", test_missing);
  g_test_add_func ("/pdf/scan-only", test_scan_only);
  g_test_add_func ("/pdf/text-on-last-page", test_text_on_last_page);
  g_test_add_func ("/pdf/thousand-pages", test_thousand_pages);
  g_test_add_func ("/pdf/cancelled", test_cancelled);
  g_test_add_func ("/pdf/two-workers", test_two_workers);
  g_test_add_func ("/pdf/dispose-with-pending-work", test_dispose_with_pending_work);
  ret = g_test_run ();
  desk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
