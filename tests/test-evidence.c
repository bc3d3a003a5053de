/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk-checklist.h"
#include "desk-evidence-list.h"
#include "desk-evidence-private.h"
#include "desk-evidence-store.h"
#include "desk-store-private.h"
#include "desk-test-util.h"

typedef struct
{
  char      *dir; /* data dir */
  char      *src; /* where test input files are made (outside the data dir) */
  DeskStore *store;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = desk_test_make_data_dir ();
  f->src = desk_test_make_data_dir ();
  f->store = desk_store_open (f->dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_assert_finalize_object (f->store);
  desk_test_remove_tree (f->dir);
  desk_test_remove_tree (f->src);
  g_free (f->dir);
  g_free (f->src);
}

static gint64
new_case (Fixture    *f,
          const char *title)
{
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, title);
  g_autoptr (GError) error = NULL;

  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  g_assert_no_error (error);
  return desk_case_get_id (kase);
}

static char *
src_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->src, name, NULL);
}

/* A two-page PDF with a text layer and document info. */
static char *
make_text_pdf (Fixture    *f,
               const char *name,
               const char *text)
{
  const char *const texts[] = { text, "Page two" };
  DeskTestPdf       spec = {
          .n_pages = 2, .text = "Page %u", .page_texts = texts, .title = "Brand authorization", .author = "Shenzhen Example Co.", .create_date = "2024-03-01T08:00:00Z"
  };

  return desk_test_make_pdf (f->src, name, &spec);
}

/* One page holding only a raster image, like a scanner's output. */
static char *
make_scan_pdf (Fixture    *f,
               const char *name)
{
  DeskTestPdf spec = { .scan_width = 60, .scan_height = 80 };

  return desk_test_make_pdf (f->src, name, &spec);
}

static char *
make_png (Fixture    *f,
          const char *name,
          int         width,
          int         height)
{
  return desk_test_make_png (f->src, name, width, height);
}

/* A JPEG (gdk-pixbuf) with an APP1 EXIF block holding DateTimeOriginal. */
static char *
make_jpeg_with_exif (Fixture    *f,
                     const char *name,
                     const char *date)
{
  static const guint8 tiff_head[] = {
    'I', 'I', 0x2a, 0, 8, 0, 0, 0,
    1, 0, 0x69, 0x87, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0,  /* IFD0 → Exif IFD at 26 */
    1, 0, 0x03, 0x90, 2, 0, 20, 0, 0, 0, 44, 0, 0, 0, 0, 0, 0, 0, /* DateTimeOriginal at 44 */
  };
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr (GError) error = NULL;
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autofree char *jpeg = NULL;
  guint8           app1_head[] = { 0xff, 0xe1, 0, 2 + 6 + sizeof tiff_head + 20, 'E', 'x', 'i', 'f', 0, 0 };
  gsize            len;

  g_assert_cmpuint (strlen (date), ==, 19);
  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &len, "jpeg", &error, NULL));
  g_assert_no_error (error);
  g_byte_array_append (out, (guint8 *)jpeg, 2); /* SOI */
  g_byte_array_append (out, app1_head, sizeof app1_head);
  g_byte_array_append (out, tiff_head, sizeof tiff_head);
  g_byte_array_append (out, (const guint8 *)date, 20); /* with the NUL */
  g_byte_array_append (out, (guint8 *)jpeg + 2, len - 2);
  return desk_test_write_file (f->src, name, out->data, out->len);
}

static char *
sha256_of (const char *path)
{
  g_autofree char *data = NULL;
  gsize            len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guint8 *)data, len);
}

static DeskEvidence *
add_ok (Fixture    *f,
        const char *path,
        gint64      case_id,
        const char *note)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  DeskEvidence *evidence = desk_evidence_add (f->store, file, case_id, note, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (evidence);
  return evidence;
}

static void
add_fails (Fixture    *f,
           const char *path,
           int         code)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskEvidence) evidence = desk_evidence_add (f->store, file, 0, NULL, NULL, NULL, NULL, NULL, &error);

  g_assert_null (evidence);
  g_assert_error (error, DESK_EVIDENCE_ERROR, code);
  /* One line that names the file. */
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* Regular files anywhere under blobs/ (including blobs/tmp). */
static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint       n = 0;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        n += count_files (path);
      else
        n++;
    }
  return n;
}

static guint
count_blobs (Fixture *f)
{
  g_autofree char *dir = g_build_filename (f->dir, "blobs", NULL);

  return count_files (dir);
}

static gboolean
has_warning (char      **warnings,
             const char *needle)
{
  for (guint i = 0; warnings[i]; i++)
    if (strstr (warnings[i], needle))
      return TRUE;
  return FALSE;
}

static void
test_pdf_metadata (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *path = make_text_pdf (f, "authorization.pdf", "Brand authorization for Shopee");
  g_autofree char *sha = sha256_of (path);
  g_autofree char *blob_sha = NULL;
  g_autofree char *blob_path = NULL;
  g_autofree char *summary = NULL;
  g_autoptr (GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr (DeskEvidence) ev = NULL;
  g_auto (GStrv) warnings = NULL;
  struct stat st;
  gint64      case_id = new_case (f, "Earbuds");

  ev = add_ok (f, path, case_id, "from the brand owner's email");
  g_assert_cmpstr (desk_evidence_get_sha256 (ev), ==, sha);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (desk_evidence_get_size (ev), ==, st.st_size);
  g_assert_cmpstr (desk_evidence_get_original_name (ev), ==, "authorization.pdf");
  g_assert_cmpstr (desk_evidence_get_mime_type (ev), ==, "application/pdf");
  g_assert_cmpstr (desk_evidence_get_source_note (ev), ==, "from the brand owner's email");
  g_assert_cmpint (desk_evidence_get_kind (ev), ==, DESK_EVIDENCE_KIND_PDF);
  g_assert_cmpuint (desk_evidence_get_page_count (ev), ==, 2);
  g_assert_false (desk_evidence_get_scan_only (ev));
  g_assert_false (desk_evidence_get_encrypted (ev));
  g_assert_cmpstr (desk_evidence_get_pdf_title (ev), ==, "Brand authorization");
  g_assert_cmpstr (desk_evidence_get_pdf_author (ev), ==, "Shenzhen Example Co.");
  g_assert_nonnull (desk_evidence_get_pdf_producer (ev));
  g_assert_nonnull (desk_evidence_get_pdf_created (ev));
  g_assert_cmpint (g_date_time_get_year (desk_evidence_get_pdf_created (ev)), ==, 2024);
  g_assert_cmpint (g_date_time_difference (desk_evidence_get_added_at (ev), before), >=, -G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_get_utc_offset (desk_evidence_get_added_at (ev)), ==, 0);
  g_assert_cmpuint (desk_evidence_get_usage_count (ev), ==, 1);
  g_assert_false (desk_evidence_get_in_library (ev));

  /* The stored copy is byte-identical. */
  blob_path = desk_evidence_get_path (f->store, ev);
  g_assert_true (g_str_has_prefix (blob_path, f->dir));
  blob_sha = sha256_of (blob_path);
  g_assert_cmpstr (blob_sha, ==, sha);

  summary = desk_evidence_describe (ev);
  g_assert_nonnull (strstr (summary, "2 pages"));
  warnings = desk_evidence_get_warnings (ev, NULL);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
}

static void
test_scan_and_encrypted (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *scan = make_scan_pdf (f, "scan.pdf");
  g_autofree char *plain = make_text_pdf (f, "plain.pdf", "Invoice 2024-001");
  g_autofree char *locked = src_path (f, "locked.pdf");
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr (DeskEvidence) ev = add_ok (f, scan, 0, NULL);
  g_autoptr (DeskRulePack) pack = NULL;
  g_auto (GStrv) warnings = desk_evidence_get_warnings (ev, NULL);
  g_auto (GStrv) pack_warnings = NULL;
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_assert_true (desk_evidence_get_scan_only (ev));
  g_assert_cmpuint (desk_evidence_get_page_count (ev), ==, 1);
  /* No platform named without its rules: the platform's word comes from its pack. */
  g_assert_true (has_warning (warnings, "scan without text"));
  g_assert_false (has_warning (warnings, "Shopee"));

  /* The Shopee pack's own pitfall about PDF scans is used when given, found
   * by its id. */
  pack = desk_rule_pack_load_builtin (DESK_PLATFORM_SHOPEE, &error);
  g_assert_no_error (error);
  pack_warnings = desk_evidence_get_warnings (ev, desk_rule_pack_get_case_rules (pack, DESK_CASE_TYPE_IP_COMPLAINT));
  g_assert_cmpuint (g_strv_length (pack_warnings), ==, 1);
  g_assert_true (has_warning (pack_warnings, "A PDF scan alone is not accepted"));
  /* AliExpress has a pitfall that mentions scanned PDFs (a CE certificate
   * without its seal) but not this one: it is not shown for any scan. */
  {
    g_autoptr (DeskRulePack) ae = desk_rule_pack_load_builtin (DESK_PLATFORM_ALIEXPRESS, &error);
    g_auto (GStrv) ae_warnings = desk_evidence_get_warnings (ev, desk_rule_pack_get_case_rules (ae, DESK_CASE_TYPE_QUALIFICATION_MISSING));

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (ae_warnings), ==, 1);
    g_assert_false (has_warning (ae_warnings, "CE certificate"));
    g_assert_true (has_warning (ae_warnings, "scan without text"));
  }

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  {
    const char *argv[] = { qpdf, "--encrypt", "user-pw", "owner-pw", "256", "--", plain, locked, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }
  {
    g_autoptr (DeskEvidence) enc = add_ok (f, locked, 0, NULL);
    g_auto (GStrv) enc_warnings = desk_evidence_get_warnings (enc, NULL);
    g_autofree char *sha = sha256_of (locked);

    g_assert_cmpstr (desk_evidence_get_sha256 (enc), ==, sha);
    g_assert_true (desk_evidence_get_encrypted (enc));
    g_assert_cmpint (desk_evidence_get_kind (enc), ==, DESK_EVIDENCE_KIND_PDF);
    g_assert_true (has_warning (enc_warnings, "password"));
  }
}

static void
test_images (Fixture      *f,
             gconstpointer data)
{
  g_autofree char *png = make_png (f, "screenshot.png", 40, 30);
  g_autofree char *jpg = make_jpeg_with_exif (f, "photo.jpg", "2024:05:06 07:08:09");
  g_autoptr (DeskEvidence) a = add_ok (f, png, 0, NULL);
  g_autoptr (DeskEvidence) b = add_ok (f, jpg, 0, NULL);
  g_auto (GStrv) wa = desk_evidence_get_warnings (a, NULL);
  g_auto (GStrv) wb = desk_evidence_get_warnings (b, NULL);
  g_autofree char *summary = desk_evidence_describe (a);
  int              w = 0, h = 0;

  g_assert_cmpstr (desk_evidence_get_mime_type (a), ==, "image/png");
  g_assert_true (desk_evidence_get_image_size (a, &w, &h));
  g_assert_cmpint (w, ==, 40);
  g_assert_cmpint (h, ==, 30);
  g_assert_null (desk_evidence_get_exif_date (a));
  g_assert_true (has_warning (wa, "no capture date"));
  g_assert_nonnull (strstr (summary, "40 × 30"));

  g_assert_cmpstr (desk_evidence_get_mime_type (b), ==, "image/jpeg");
  g_assert_true (desk_evidence_get_image_size (b, &w, &h));
  g_assert_cmpint (w, ==, 64);
  g_assert_cmpint (h, ==, 48);
  g_assert_cmpstr (desk_evidence_get_exif_date (b), ==, "2024-05-06T07:08:09Z"); /* TZ=UTC */
  g_assert_false (has_warning (wb, "no capture date"));
}

static void
test_text_and_email (Fixture      *f,
                     gconstpointer data)
{
  static const char eml[] = "From: Shopee <noreply@shopee.com>\r\nSubject: Complaint IP-01\r\n"
                            "Date: Tue, 05 Mar 2024 10:00:00 +0800\r\n\r\nYour listing was reported.\r\n";
  g_autofree char  *txt = desk_test_write_file (f->src, "notes.txt", "Invoice numbers\n", 16);
  g_autofree char  *mail = desk_test_write_file (f->src, "complaint.eml", eml, sizeof eml - 1);
  g_autoptr (DeskEvidence) a = add_ok (f, txt, 0, NULL);
  g_autoptr (DeskEvidence) b = add_ok (f, mail, 0, NULL);
  g_auto (GStrv) wb = desk_evidence_get_warnings (b, NULL);

  g_assert_cmpint (desk_evidence_get_kind (a), ==, DESK_EVIDENCE_KIND_TEXT);
  g_assert_cmpstr (desk_evidence_get_mime_type (a), ==, "text/plain");
  g_assert_cmpint (desk_evidence_get_kind (b), ==, DESK_EVIDENCE_KIND_EMAIL);
  g_assert_nonnull (strstr (desk_evidence_get_metadata (b), "Complaint IP-01"));
  g_assert_cmpuint (g_strv_length (wb), ==, 0);
}

static void
test_dedupe (Fixture      *f,
             gconstpointer data)
{
  g_autofree char *one = make_text_pdf (f, "trademark.pdf", "Trademark certificate");
  g_autofree char *two = src_path (f, "trademark copy.pdf");
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GPtrArray) all = NULL;
  gint64   c1 = new_case (f, "Earbuds"), c2 = new_case (f, "Lamp");
  gboolean was_new = TRUE;
  gsize    len;

  g_assert_true (g_file_get_contents (one, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (two, contents, len, NULL));
  {
    g_autoptr (DeskEvidence) a = add_ok (f, one, c1, "first");
    g_autoptr (GFile) file = g_file_new_for_path (two);
    g_autoptr (GError) error = NULL;
    g_autoptr (DeskEvidence) b = desk_evidence_add (f->store, file, c2, "second", NULL, NULL, NULL, &was_new, &error);

    g_assert_no_error (error);
    g_assert_false (was_new);
    g_assert_cmpint (desk_evidence_get_id (a), ==, desk_evidence_get_id (b));
    g_assert_cmpstr (desk_evidence_get_original_name (b), ==, "trademark.pdf"); /* first name kept */
    g_assert_cmpstr (desk_evidence_get_source_note (b), ==, "first");
    g_assert_cmpuint (desk_evidence_get_usage_count (b), ==, 2);
    cases = desk_evidence_list_cases (f->store, desk_evidence_get_id (b), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cases->len, ==, 2);
    g_assert_cmpstr (desk_case_get_title (cases->pdata[0]), ==, "Earbuds");
    g_assert_cmpstr (desk_case_get_title (cases->pdata[1]), ==, "Lamp");
  }
  /* Adding the same file to the same case again changes nothing. */
  g_clear_pointer (&cases, g_ptr_array_unref);
  {
    g_autoptr (DeskEvidence) c = add_ok (f, one, c1, NULL);
    g_autoptr (GPtrArray) items = desk_evidence_list_for_case (f->store, c1, NULL);

    g_assert_cmpuint (items->len, ==, 1);
    g_assert_cmpuint (desk_evidence_get_usage_count (c), ==, 2);
  }
  all = desk_evidence_list_all (f->store, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpuint (count_blobs (f), ==, 1);
}

static void
test_delete_case_refcounts (Fixture      *f,
                            gconstpointer data)
{
  g_autofree char *shared = make_text_pdf (f, "shared.pdf", "Used by two cases");
  g_autofree char *only = make_png (f, "only.png", 10, 10);
  g_autofree char *kept = make_png (f, "kept.png", 12, 12);
  g_autoptr (GError) error = NULL;
  gint64 c1 = new_case (f, "One"), c2 = new_case (f, "Two");
  g_autoptr (DeskEvidence) a = add_ok (f, shared, c1, NULL);
  g_autoptr (DeskEvidence) a2 = add_ok (f, shared, c2, NULL);
  g_autoptr (DeskEvidence) b = add_ok (f, only, c1, NULL);
  g_autoptr (DeskEvidence) c = add_ok (f, kept, c1, NULL);
  g_autoptr (DeskEvidence) gone = NULL;
  g_autoptr (DeskEvidence) after = NULL;

  g_assert_true (desk_evidence_set_in_library (f->store, desk_evidence_get_id (c), TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_blobs (f), ==, 3);

  g_assert_true (desk_store_delete_case (f->store, c1, &error));
  g_assert_no_error (error);
  g_assert_true (desk_test_blob_exists (f->store, desk_evidence_get_sha256 (a)));
  g_assert_false (desk_test_blob_exists (f->store, desk_evidence_get_sha256 (b)));
  g_assert_true (desk_test_blob_exists (f->store, desk_evidence_get_sha256 (c)));
  gone = desk_evidence_get (f->store, desk_evidence_get_id (b), &error);
  g_assert_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);
  after = desk_evidence_get (f->store, desk_evidence_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (desk_evidence_get_usage_count (after), ==, 1);

  g_assert_true (desk_store_delete_case (f->store, c2, &error));
  g_assert_no_error (error);
  g_assert_false (desk_test_blob_exists (f->store, desk_evidence_get_sha256 (a)));
  g_assert_true (desk_test_blob_exists (f->store, desk_evidence_get_sha256 (c))); /* kept in the library */
  g_assert_cmpuint (count_blobs (f), ==, 1);
}

static void
test_detach_and_library (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *p1 = make_png (f, "a.png", 10, 20);
  g_autofree char *p2 = make_png (f, "b.png", 20, 10);
  g_autoptr (GError) error = NULL;
  gint64 c1 = new_case (f, "One");
  g_autoptr (DeskEvidence) a = add_ok (f, p1, c1, NULL);
  g_autoptr (DeskEvidence) lib = add_ok (f, p2, 0, "brand pack 2024");
  g_autoptr (DeskEvidence) again = NULL;

  g_assert_true (desk_evidence_get_in_library (lib));
  g_assert_cmpuint (desk_evidence_get_usage_count (lib), ==, 0);

  /* Not in that case: a clear error, nothing changes. */
  g_assert_false (desk_evidence_detach (f->store, c1, desk_evidence_get_id (lib), &error));
  g_assert_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (desk_evidence_attach (f->store, c1, desk_evidence_get_id (lib), &error));
  g_assert_no_error (error);
  g_assert_true (desk_evidence_detach (f->store, c1, desk_evidence_get_id (a), &error));
  g_assert_no_error (error);
  g_assert_false (desk_test_blob_exists (f->store, desk_evidence_get_sha256 (a)));
  g_assert_true (desk_evidence_detach (f->store, c1, desk_evidence_get_id (lib), &error));
  g_assert_no_error (error);
  g_assert_true (desk_test_blob_exists (f->store, desk_evidence_get_sha256 (lib)));

  /* No longer kept and unused: gone, file and all. */
  g_assert_true (desk_evidence_set_in_library (f->store, desk_evidence_get_id (lib), FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (desk_test_blob_exists (f->store, desk_evidence_get_sha256 (lib)));
  again = desk_evidence_get (f->store, desk_evidence_get_id (lib), &error);
  g_assert_null (again);
  g_assert_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_blobs (f), ==, 0);
}

static void
test_bad_inputs (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *missing = src_path (f, "missing.pdf");
  g_autofree char *dangling = src_path (f, "dangling.pdf");
  g_autofree char *fifo = src_path (f, "pipe");
  g_autofree char *empty = desk_test_write_file (f->src, "empty.pdf", "", 0);
  g_autofree char *broken = desk_test_write_file (f->src, "broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog", 34);
  g_autofree char *bad_png = desk_test_write_file (f->src, "bad.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDRgarbage", 24);
  g_autofree char *huge = src_path (f, "huge.pdf");
  g_autofree char *unreadable = desk_test_write_file (f->src, "secret.pdf", "%PDF-1.4\n", 9);
  g_autoptr (GPtrArray) all = NULL;
  int fd;

  add_fails (f, missing, DESK_EVIDENCE_ERROR_MISSING);
  g_assert_cmpint (symlink ("/nonexistent/target", dangling), ==, 0);
  add_fails (f, dangling, DESK_EVIDENCE_ERROR_MISSING);
  add_fails (f, f->src, DESK_EVIDENCE_ERROR_DIRECTORY);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  add_fails (f, fifo, DESK_EVIDENCE_ERROR_SPECIAL);
  add_fails (f, empty, DESK_EVIDENCE_ERROR_EMPTY);
  add_fails (f, broken, DESK_EVIDENCE_ERROR_DAMAGED);
  add_fails (f, bad_png, DESK_EVIDENCE_ERROR_DAMAGED);

  /* Sparse: refused from its size alone, nothing copied. */
  fd = open (huge, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, DESK_EVIDENCE_MAX_SIZE + 1), ==, 0);
  close (fd);
  add_fails (f, huge, DESK_EVIDENCE_ERROR_TOO_LARGE);

  g_assert_cmpint (chmod (unreadable, 0), ==, 0);
  if (geteuid () != 0)
    add_fails (f, unreadable, DESK_EVIDENCE_ERROR_UNREADABLE);
  else
    g_test_message ("running as root: permissions cannot make a file unreadable");

  all = desk_evidence_list_all (f->store, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 0);
  g_assert_cmpuint (count_blobs (f), ==, 0); /* no leftovers, not even in blobs/tmp */
}

static void
test_odd_names (Fixture      *f,
                gconstpointer data)
{
  const char *names[] = {
    "商标注册证 2024.pdf",
    "  spaces  .txt",
    "it's \"quoted\".txt",
    "new\nline.txt",
    "-leading-dash.txt",
    "--help",
    "..txt",
    "a;rm -rf ~.txt",
  };
  g_autofree char *blob_root = g_build_filename (f->dir, "blobs", NULL);
  g_autoptr (GPtrArray) all = NULL;
  guint before, after;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *content = g_strdup_printf ("content %u of %s", i, names[i]);
      g_autofree char *path = desk_test_write_file (f->src, names[i], content, strlen (content));
      g_autoptr (DeskEvidence) ev = add_ok (f, path, 0, NULL);
      g_autofree char *display = desk_evidence_dup_display_name (ev);
      g_autofree char *blob = desk_evidence_get_path (f->store, ev);

      g_assert_cmpstr (desk_evidence_get_original_name (ev), ==, names[i]);
      g_assert_null (strchr (display, '\n'));
      g_assert_true (g_str_has_prefix (blob, blob_root));
    }
  /* Nothing was written next to the originals. */
  before = G_N_ELEMENTS (names);
  after = count_files (f->src);
  g_assert_cmpuint (after, ==, before);
  all = desk_evidence_list_all (f->store, "商标", NULL);
  g_assert_cmpuint (all->len, ==, 1);
}

static void
test_search_and_lookup (Fixture      *f,
                        gconstpointer data)
{
  g_autofree char *p1 = make_png (f, "Brand Authorization.png", 5, 5);
  g_autofree char *p2 = make_png (f, "invoice.png", 6, 6);
  g_autoptr (DeskEvidence) a = add_ok (f, p1, 0, "from 深圳 factory");
  g_autoptr (DeskEvidence) b = add_ok (f, p2, 0, NULL);
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (DeskEvidence) found = NULL;
  g_autoptr (GError) error = NULL;
  char prefix[9] = { 0 };

  hits = desk_evidence_list_all (f->store, "AUTHORIZATION", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = desk_evidence_list_all (f->store, "深圳", NULL);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (desk_evidence_get_id (hits->pdata[0]), ==, desk_evidence_get_id (a));
  g_clear_pointer (&hits, g_ptr_array_unref);
  memcpy (prefix, desk_evidence_get_sha256 (b), 8);
  hits = desk_evidence_list_all (f->store, prefix, NULL);
  g_assert_cmpuint (hits->len, ==, 1);

  found = desk_evidence_lookup (f->store, prefix, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_evidence_get_id (found), ==, desk_evidence_get_id (b));
  g_clear_object (&found);
  found = desk_evidence_lookup (f->store, "12345", &error);
  g_assert_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  found = desk_evidence_lookup (f->store, "zz", &error);
  g_assert_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_NOT_FOUND);
}

typedef struct
{
  DeskEvidence *evidence;
  GError       *error;
  gboolean      done;
  gboolean      was_new;
  guint         n_progress;
  goffset       last_done;
  goffset       last_total;
} AsyncState;

static void
on_progress (goffset  done,
             goffset  total,
             gpointer user_data)
{
  AsyncState *s = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  s->n_progress++;
  s->last_done = done;
  s->last_total = total;
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *s = user_data;

  s->evidence = desk_evidence_add_finish (DESK_STORE (source), result, &s->was_new, &s->error);
  s->done = TRUE;
}

static void
test_async (Fixture      *f,
            gconstpointer data)
{
  g_autofree guint8 *big = g_malloc (3 << 20);
  g_autofree char   *path = NULL;
  g_autofree char   *sha = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  AsyncState s = { 0 }, c = { 0 };
  gint64     case_id = new_case (f, "Async");

  for (gsize i = 0; i < (3 << 20); i++)
    big[i] = (guint8)(i * 2654435761u >> 24);
  path = desk_test_write_file (f->src, "big.bin", big, 3 << 20);
  sha = sha256_of (path);
  file = g_file_new_for_path (path);
  desk_evidence_add_async (f->store, file, case_id, "async", NULL, on_progress, &s, on_added, &s);
  while (!s.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (s.error);
  g_assert_true (s.was_new);
  g_assert_cmpstr (desk_evidence_get_sha256 (s.evidence), ==, sha);
  g_assert_cmpint (desk_evidence_get_kind (s.evidence), ==, DESK_EVIDENCE_KIND_OTHER);
  g_assert_cmpuint (s.n_progress, >=, 1);
  g_assert_cmpint (s.last_done, ==, 3 << 20);
  g_assert_cmpint (s.last_total, ==, 3 << 20);
  g_assert_true (desk_evidence_detach (f->store, case_id, desk_evidence_get_id (s.evidence), NULL));
  g_clear_object (&s.evidence);

  /* Cancelled: an error, no row, no file left. */
  g_assert_cmpuint (count_blobs (f), ==, 0);
  g_cancellable_cancel (cancelled);
  desk_evidence_add_async (f->store, file, case_id, NULL, cancelled, NULL, NULL, on_added, &c);
  while (!c.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (c.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&c.error);
  g_assert_null (c.evidence);
  g_assert_cmpuint (count_blobs (f), ==, 0);
}

static gint64
insert_checklist_item (Fixture    *f,
                       gint64      case_id,
                       const char *item_id)
{
  sqlite3         *db = _desk_store_get_db (f->store);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO checklist_items (case_id, item_id) VALUES (%" G_GINT64_FORMAT ", '%s')",
                                          case_id, item_id);

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return sqlite3_last_insert_rowid (db);
}

static gboolean
array_has (GArray *ids,
           gint64  id)
{
  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_checklist_links (Fixture      *f,
                      gconstpointer data)
{
  g_autofree char *p = make_png (f, "auth.png", 8, 8);
  g_autoptr (GError) error = NULL;
  gint64 case_id = new_case (f, "Checklist");
  gint64 item = insert_checklist_item (f, case_id, "brand-authorization");
  g_autoptr (DeskEvidence) ev = add_ok (f, p, 0, NULL);
  g_autoptr (GArray) linked = NULL;
  g_autoptr (GArray) after = NULL;
  g_autoptr (GPtrArray) items = NULL;
  gint64 id = desk_evidence_get_id (ev);

  /* Attaching to a checklist item also adds the file to the case. */
  g_assert_true (desk_evidence_attach_to_checklist (f->store, item, id, &error));
  g_assert_no_error (error);
  linked = desk_checklist_list_evidence (f->store, item, &error);
  g_assert_no_error (error);
  g_assert_true (array_has (linked, id));
  items = desk_evidence_list_for_case (f->store, case_id, NULL);
  g_assert_cmpuint (items->len, ==, 1);

  g_assert_true (desk_evidence_detach_from_checklist (f->store, item, id, &error));
  g_assert_no_error (error);
  g_assert_true (desk_evidence_attach_to_checklist (f->store, item, id, &error));
  g_assert_no_error (error);

  /* Removing the file from the case removes its checklist links. */
  g_assert_true (desk_evidence_detach (f->store, case_id, id, &error));
  g_assert_no_error (error);
  after = desk_checklist_list_evidence (f->store, item, &error);
  g_assert_no_error (error);
  g_assert_false (array_has (after, id));
  g_assert_true (desk_test_blob_exists (f->store, desk_evidence_get_sha256 (ev))); /* library item */
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_list_model (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *p1 = make_png (f, "one.png", 3, 3);
  g_autofree char *p2 = make_png (f, "two.png", 4, 4);
  g_autoptr (GError) error = NULL;
  gint64 c1 = new_case (f, "One"), c2 = new_case (f, "Two");
  g_autoptr (DeskEvidenceList) for_case = desk_evidence_list_new (f->store, c1);
  g_autoptr (DeskEvidenceList) library = desk_evidence_list_new (f->store, 0);
  g_autoptr (DeskEvidence) shared = NULL;
  g_autoptr (DeskEvidence) in_lib = NULL;
  guint changes = 0;

  g_signal_connect (for_case, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (for_case)), ==, 0);
  shared = add_ok (f, p1, c1, NULL);
  g_object_unref (add_ok (f, p1, c2, NULL));
  g_object_unref (add_ok (f, p2, c2, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (for_case)), ==, 1);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);
  g_assert_cmpint (desk_evidence_list_find (library, desk_evidence_get_id (shared)), >=, 0);
  in_lib = g_list_model_get_item (G_LIST_MODEL (library), desk_evidence_list_find (library, desk_evidence_get_id (shared)));
  g_assert_cmpuint (desk_evidence_get_usage_count (in_lib), ==, 2);

  /* Deleting a case updates the usage count in place. */
  g_assert_true (desk_store_delete_case (f->store, c2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (desk_evidence_get_usage_count (in_lib), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1); /* two.png went */
}

static void
test_warnings (void)
{
  g_autoptr (DeskEvidence) large = _desk_evidence_new_take (1, g_strnfill (64, 'a'), g_strdup ("big.pdf"),
                                                            DESK_EVIDENCE_WARN_SIZE + 1, g_strdup ("application/pdf"),
                                                            g_date_time_new_now_utc (), NULL,
                                                            g_strdup ("{\"kind\": \"pdf\", \"pages\": 3}"), FALSE, 0);
  g_autoptr (DeskEvidence) other = _desk_evidence_new_take (2, g_strnfill (64, 'b'), g_strdup ("x.docx"), 10,
                                                            g_strdup ("application/zip"), g_date_time_new_now_utc (),
                                                            NULL, g_strdup ("{\"kind\": \"other\", \"name_mismatch\": true}"),
                                                            FALSE, 0);
  g_autoptr (DeskEvidence) junk = _desk_evidence_new_take (3, g_strnfill (64, 'c'), g_strdup ("j"), 1, NULL,
                                                           NULL, NULL, g_strdup ("not json"), FALSE, 0);
  g_auto (GStrv) w1 = desk_evidence_get_warnings (large, NULL);
  g_auto (GStrv) w2 = desk_evidence_get_warnings (other, NULL);

  g_assert_cmpuint (g_strv_length (w1), ==, 1);
  g_assert_true (has_warning (w1, "very large"));
  g_assert_cmpuint (g_strv_length (w2), ==, 2);
  g_assert_true (has_warning (w2, "cannot read"));
  g_assert_true (has_warning (w2, "extension"));
  g_assert_cmpint (desk_evidence_get_kind (junk), ==, DESK_EVIDENCE_KIND_OTHER);
  g_assert_cmpuint (desk_evidence_get_page_count (junk), ==, 0);
  g_assert_true (desk_evidence_matches (other, ""));
  g_assert_true (desk_evidence_matches (other, "bbbb"));
  g_assert_false (desk_evidence_matches (other, "cccc"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/evidence/pdf-metadata", test_pdf_metadata);
  ADD ("/evidence/scan-and-encrypted", test_scan_and_encrypted);
  ADD ("/evidence/images", test_images);
  ADD ("/evidence/text-and-email", test_text_and_email);
  ADD ("/evidence/dedupe", test_dedupe);
  ADD ("/evidence/delete-case-refcounts", test_delete_case_refcounts);
  ADD ("/evidence/detach-and-library", test_detach_and_library);
  ADD ("/evidence/bad-inputs", test_bad_inputs);
  ADD ("/evidence/odd-names", test_odd_names);
  ADD ("/evidence/search-and-lookup", test_search_and_lookup);
  ADD ("/evidence/async", test_async);
  ADD ("/evidence/checklist-links", test_checklist_links);
  ADD ("/evidence/list-model", test_list_model);
#undef ADD
  g_test_add_func ("/evidence/warnings", test_warnings);
  return g_test_run ();
}
