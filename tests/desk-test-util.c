/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Compiled helpers shared by the tests (tests/meson.build links them into
 * every test): fixture documents drawn with cairo, fixture cases and
 * evidence, written once. */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "desk-checklist.h"
#include "desk-evidence-store.h"
#include "desk-store-private.h"
#include "desk-test-util.h"

static void
show_text (cairo_t           *cr,
           const DeskTestPdf *spec,
           const char        *text)
{
  g_autoptr (PangoLayout) layout = NULL;
  PangoFontDescription *font;

  if (spec->pango_font == NULL)
    {
      cairo_move_to (cr, 72, 100);
      cairo_show_text (cr, text);
      return;
    }
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (spec->pango_font);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 72, 72);
  pango_cairo_show_layout (cr, layout);
}

char *
desk_test_make_pdf (const char        *dir,
                    const char        *name,
                    const DeskTestPdf *spec)
{
  static const DeskTestPdf defaults = { 0 };
  char                    *path = g_build_filename (dir, name, NULL);
  cairo_surface_t         *surface;
  cairo_surface_t         *scan = NULL;
  cairo_t                 *cr;
  guint                    n_pages;

  spec = spec ? spec : &defaults;
  n_pages = MAX (spec->n_pages, 1);
  surface = cairo_pdf_surface_create (path, 595, 842);
  if (spec->title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, spec->title);
  if (spec->author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, spec->author);
  if (spec->create_date)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, spec->create_date);
  if (spec->mod_date)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, spec->mod_date);
  if (spec->scan_width > 0)
    {
      /* A noisy grey raster, like a scanner's output, deterministic. */
      g_autoptr (GRand) rand = g_rand_new_with_seed (7);
      guint8 *data;
      int     stride;

      scan = cairo_image_surface_create (CAIRO_FORMAT_RGB24, spec->scan_width, spec->scan_height);
      cairo_surface_flush (scan);
      data = cairo_image_surface_get_data (scan);
      stride = cairo_image_surface_get_stride (scan);
      for (guint y = 0; y < spec->scan_height; y++)
        for (guint x = 0; x < spec->scan_width * 4; x++)
          data[y * stride + x] = 180 + g_rand_int_range (rand, 0, 60);
      cairo_surface_mark_dirty (scan);
    }
  cr = cairo_create (surface);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, spec->font_size > 0 ? spec->font_size : 24);
  for (guint i = 0; i < n_pages; i++)
    {
      double w = spec->sizes ? spec->sizes[i].width : 595;
      double h = spec->sizes ? spec->sizes[i].height : 842;

      cairo_pdf_surface_set_size (surface, w, h);
      if (scan)
        {
          cairo_save (cr);
          cairo_scale (cr, w / spec->scan_width, h / spec->scan_height);
          cairo_set_source_surface (cr, scan, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
        }
      if (spec->box)
        {
          if (spec->box_w > 0)
            cairo_rectangle (cr, spec->box_x, spec->box_y, spec->box_w, spec->box_h);
          else
            cairo_rectangle (cr, 72, 72, 300, 20);
          cairo_fill (cr);
        }
      if (spec->text && (spec->text_on_page == NULL || spec->text_on_page[i]))
        {
          g_autofree char *text = NULL;

          if (spec->page_texts && spec->page_texts[i])
            text = g_strdup (spec->page_texts[i]);
          else
            text = g_strdup_printf (spec->text, i + 1);
          show_text (cr, spec, text);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  if (scan)
    cairo_surface_destroy (scan);
  return path;
}

static char *
draw_png (const char *dir,
          const char *name,
          int         width,
          int         height,
          double      red,
          double      green,
          double      blue,
          gboolean    box)
{
  char            *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t         *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, red, green, blue);
  cairo_paint (cr);
  if (box)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, width / 4.0, height / 4.0, width / 2.0, height / 2.0);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

char *
desk_test_make_png (const char *dir,
                    const char *name,
                    int         width,
                    int         height)
{
  return draw_png (dir, name, width, height, 0.2, 0.4, 0.8, TRUE);
}

char *
desk_test_make_png_solid (const char *dir,
                          const char *name,
                          int         width,
                          int         height,
                          double      red,
                          double      green,
                          double      blue)
{
  return draw_png (dir, name, width, height, red, green, blue, FALSE);
}

char *
desk_test_write_file (const char *dir,
                      const char *name,
                      const void *data,
                      gssize      len)
{
  g_autoptr (GError) error = NULL;
  char    *path = g_build_filename (dir, name, NULL);
  gboolean ok;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  ok = g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return path;
}

guint
desk_test_count_entries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  return n;
}

DeskCase *
desk_test_case_new (const DeskTestCase *spec)
{
  DeskCase *kase = desk_case_new (spec->platform, spec->type, spec->title ? spec->title : "Case");

  if (spec->product_ids)
    desk_case_set_product_ids (kase, spec->product_ids);
  if (spec->platform_case_id)
    desk_case_set_platform_case_id (kase, spec->platform_case_id);
  if (spec->notice_text)
    desk_case_set_notice_text (kase, spec->notice_text);
  if (spec->received_at)
    desk_case_set_received_at (kase, spec->received_at);
  if (spec->deadline_at)
    desk_case_set_deadline_at (kase, spec->deadline_at);
  desk_case_set_status (kase, spec->status);
  return kase;
}

DeskCase *
desk_test_insert_case (DeskStore          *store,
                       const DeskTestCase *spec)
{
  g_autoptr (GError) error = NULL;
  DeskCase *kase = desk_test_case_new (spec);
  gboolean  ok = desk_store_insert_case (store, kase, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return kase;
}

guint
desk_test_create_checklist (DeskStore        *store,
                            DeskRuleRegistry *rules,
                            DeskCase         *kase)
{
  g_autoptr (GError) error = NULL;
  guint    n = 0;
  gboolean ok = desk_checklist_create_for_case (store, rules, kase, &n, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return n;
}

gint64
desk_test_add_evidence (DeskStore  *store,
                        const char *path,
                        gint64      case_id,
                        const char *source_note)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskEvidence) evidence = desk_evidence_add (store, file, case_id, source_note, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return desk_evidence_get_id (evidence);
}

gint64
desk_test_insert_evidence_row (DeskStore  *store,
                               const char *name,
                               const char *mime_type,
                               const char *added_at)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, name, -1);
  sqlite3         *db = _desk_store_get_db (store);
  sqlite3_stmt    *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO evidence (sha256, original_name, size, mime_type, added_at)"
                                       " VALUES (?1, ?2, 10, ?3, ?4)",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mime_type ? mime_type : "application/pdf", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, added_at ? added_at : "2026-01-01T00:00:00Z", -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (db);
}

gboolean
desk_test_blob_exists (DeskStore  *store,
                       const char *sha256)
{
  return desk_blob_store_contains (_desk_store_get_blobs (store), sha256);
}

void
desk_test_count_signal (guint *n)
{
  (*n)++;
}
