/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>

#include "desk-evidence-store.h"
#include "desk-evidence-viewer-private.h"
#include "desk-gui-test-util.h"
#include "desk-pdf-document.h"
#include "desk-screenshot.h"

static char        *data_dir;
static char        *files_dir;
static DeskStore   *store; /* the session's */
static DeskSession *session;

#define WAIT_UNTIL(expr)                                         \
  G_STMT_START                                                   \
  {                                                              \
    gint64 _end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; \
    while (!(expr) && g_get_monotonic_time () < _end)            \
      g_main_context_iteration (NULL, FALSE);                    \
    g_assert_true (expr);                                        \
  }                                                              \
  G_STMT_END

/* Test data */

static char *
file_path (const char *name)
{
  return g_build_filename (files_dir, name, NULL);
}

/* @n_pages pages, A4 except every third one in US Letter landscape; each
 * page says its number and @tag (so that files differ). */
static char *
make_pdf (const char *name,
          guint       n_pages,
          const char *tag)
{
  g_autofree DeskTestPageSize *sizes = g_new (DeskTestPageSize, n_pages);
  g_autofree char             *format = g_strdup_printf ("%s page %%u", tag);
  DeskTestPdf                  spec = { .n_pages = n_pages, .text = format, .sizes = sizes, .box = TRUE, .font_size = 28 };

  for (guint i = 0; i < n_pages; i++)
    sizes[i] = i % 3 == 2 ? (DeskTestPageSize){ 792, 612 } : (DeskTestPageSize){ 595, 842 };
  return desk_test_make_pdf (files_dir, name, &spec);
}

static char *
make_png (const char *name,
          int         width,
          int         height)
{
  return desk_test_make_png (files_dir, name, width, height);
}

/* The stored copy changed on disk after it was added (a bad disk, a
 * restored backup): the viewer must still say what is wrong. */
static void
damage_blob (gint64      id,
             const char *contents,
             gssize      length)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskEvidence) evidence = desk_evidence_get (store, id, &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = desk_evidence_get_path (store, evidence);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}

/* Viewer helpers */

static DeskEvidenceViewer *
open_viewer (gint64 id,
             int    width,
             int    height)
{
  DeskEvidenceViewer *viewer = desk_evidence_viewer_new (NULL, session, id);

  gtk_window_set_default_size (GTK_WINDOW (viewer), width, height);
  gtk_window_present (GTK_WINDOW (viewer));
  return viewer;
}

static gboolean
in_state (DeskEvidenceViewer *viewer,
          const char         *state)
{
  return g_strcmp0 (_desk_evidence_viewer_get_state (viewer), state) == 0;
}

static void
close_viewer (DeskEvidenceViewer *viewer)
{
  g_object_ref (viewer);
  gtk_window_destroy (GTK_WINDOW (viewer));
  desk_gui_test_iterate (50);
  g_assert_finalize_object (viewer);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("DESK_VIEWER_SCREENSHOTS");
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  desk_gui_test_iterate (300);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (desk_gui_test_screenshot (widget, path, &error));
  g_assert_no_error (error);
}

static void
activate (DeskEvidenceViewer *viewer,
          const char         *action,
          GVariant           *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (viewer), action, param));
  desk_gui_test_iterate (30);
}

static gboolean
some_thumbnail_drawn (GtkWidget *root)
{
  if (DESK_IS_PDF_THUMBNAIL (root) && desk_pdf_thumbnail_has_texture (DESK_PDF_THUMBNAIL (root)))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (some_thumbnail_drawn (c))
      return TRUE;
  return FALSE;
}

/* Tests */

static void
test_pdf (void)
{
  g_autofree char    *path = make_pdf ("twelve.pdf", 12, "Twelve");
  DeskEvidenceViewer *viewer = open_viewer (desk_test_add_evidence (store, path, 0, NULL), 1000, 760);
  DeskPdfView        *view = _desk_evidence_viewer_get_pdf_view (viewer);
  int                 sf;
  double              fit;

  WAIT_UNTIL (in_state (viewer, "pdf"));
  g_assert_cmpstr (gtk_label_get_text (viewer->n_pages_label), ==, "/ 12");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (viewer->page_entry)), ==, "1");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (viewer)), ==, "twelve.pdf");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (viewer->thumbnails))), ==, 12);
  g_assert_true (adw_flap_get_reveal_flap (viewer->flap));
  WAIT_UNTIL (desk_pdf_view_has_texture (view, 0));
  WAIT_UNTIL (some_thumbnail_drawn (GTK_WIDGET (viewer)));

  /* Fit width by default: the A4 page fills the viewport less margins. */
  sf = gtk_widget_get_scale_factor (GTK_WIDGET (view));
  fit = desk_pdf_view_get_zoom (view);
  g_assert_cmpint (desk_pdf_view_get_fit (view), ==, DESK_PDF_FIT_WIDTH);
  g_assert_cmpfloat_with_epsilon (fit, (gtk_widget_get_width (GTK_WIDGET (view)) - 24) / (792 * 96.0 / 72), 0.01);
  screenshot (GTK_WIDGET (viewer), "viewer-pdf.png");

  activate (viewer, "win.next-page", NULL);
  g_assert_cmpuint (desk_pdf_view_get_page (view), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (viewer->page_entry)), ==, "2");
  g_assert_cmpuint (gtk_single_selection_get_selected (viewer->selection), ==, 1);
  activate (viewer, "win.last-page", NULL);
  g_assert_cmpuint (desk_pdf_view_get_page (view), ==, 11);
  activate (viewer, "win.next-page", NULL);
  g_assert_cmpuint (desk_pdf_view_get_page (view), ==, 11);
  WAIT_UNTIL (desk_pdf_view_has_texture (view, 11));
  gtk_editable_set_text (GTK_EDITABLE (viewer->page_entry), "5");
  g_signal_emit_by_name (viewer->page_entry, "activate");
  g_assert_cmpuint (desk_pdf_view_get_page (view), ==, 4);
  gtk_editable_set_text (GTK_EDITABLE (viewer->page_entry), "99");
  g_signal_emit_by_name (viewer->page_entry, "activate");
  g_assert_cmpuint (desk_pdf_view_get_page (view), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (viewer->page_entry)), ==, "5");
  /* Picking a thumbnail goes there. */
  gtk_single_selection_set_selected (viewer->selection, 7);
  g_assert_cmpuint (desk_pdf_view_get_page (view), ==, 7);

  /* Zoom: fixed levels render at zoom × 96/72 × device scale. */
  activate (viewer, "win.zoom-to", g_variant_new_double (2.0));
  g_assert_cmpint (desk_pdf_view_get_fit (view), ==, DESK_PDF_FIT_NONE);
  g_assert_cmpfloat_with_epsilon (desk_pdf_view_get_render_scale (view), 2.0 * 96 / 72 * sf, 0.001);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (viewer->zoom_button)), ==, "Zoom: 200%");
  activate (viewer, "win.zoom-in", NULL);
  g_assert_cmpfloat (desk_pdf_view_get_zoom (view), >, 2.0);
  g_assert_cmpuint (desk_pdf_view_get_page (view), ==, 7);
  activate (viewer, "win.zoom-fit-width", NULL);
  g_assert_cmpfloat_with_epsilon (desk_pdf_view_get_zoom (view), fit, 0.001);
  activate (viewer, "win.zoom-fit-page", NULL);
  g_assert_cmpfloat (desk_pdf_view_get_zoom (view), <, fit);

  /* Single page: one page at a time, still rendered. */
  activate (viewer, "win.continuous", NULL);
  g_assert_false (desk_pdf_view_get_continuous (view));
  activate (viewer, "win.prev-page", NULL);
  g_assert_cmpuint (desk_pdf_view_get_page (view), ==, 6);
  WAIT_UNTIL (desk_pdf_view_has_texture (view, 6));
  activate (viewer, "win.continuous", NULL);
  g_assert_true (desk_pdf_view_get_continuous (view));
  g_assert_cmpuint (desk_pdf_view_get_page (view), ==, 6);

  /* Scrolling to the end changes the current page. */
  activate (viewer, "win.zoom-fit-width", NULL);
  activate (viewer, "win.first-page", NULL);
  g_assert_cmpuint (desk_pdf_view_get_page (view), ==, 0);
  {
    GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    g_assert_cmpuint (desk_pdf_view_get_page (view), >=, 10);
  }

  activate (viewer, "win.toggle-sidebar", NULL);
  g_assert_false (adw_flap_get_reveal_flap (viewer->flap));
  desk_gui_test_iterate (500);
  activate (viewer, "win.toggle-sidebar", NULL);
  g_assert_true (adw_flap_get_reveal_flap (viewer->flap));
  desk_gui_test_iterate (500);
  close_viewer (viewer);
}

static void
test_narrow (void)
{
  /* GNOME's window buttons, not X11's default three. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);

  g_autofree char    *path = make_pdf ("narrow.pdf", 3, "Narrow");
  DeskEvidenceViewer *viewer = open_viewer (desk_test_add_evidence (store, path, 0, NULL), 360, 640);
  DeskPdfView        *view = _desk_evidence_viewer_get_pdf_view (viewer);

  WAIT_UNTIL (in_state (viewer, "pdf"));
  WAIT_UNTIL (desk_pdf_view_has_texture (view, 0));
  desk_gui_test_iterate (100);
  /* The sidebar folds away; the page still fills the width. */
  g_assert_true (adw_flap_get_folded (viewer->flap));
  g_assert_false (adw_flap_get_reveal_flap (viewer->flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (viewer)), <=, 400);
  g_assert_cmpfloat (desk_pdf_view_get_zoom (view), <, 0.5);
  screenshot (GTK_WIDGET (viewer), "viewer-narrow.png");
  close_viewer (viewer);
}

static void
test_encrypted (void)
{
  g_autofree char    *plain = make_pdf ("plain.pdf", 2, "Locked");
  g_autofree char    *locked = file_path ("locked.pdf");
  g_autofree char    *cmd = g_strdup_printf ("qpdf --encrypt user owner 256 -- '%s' '%s'", plain, locked);
  DeskEvidenceViewer *viewer;

  if (!g_find_program_in_path ("qpdf"))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  g_assert_cmpint (system (cmd), ==, 0);
  viewer = open_viewer (desk_test_add_evidence (store, locked, 0, NULL), 800, 600);
  WAIT_UNTIL (in_state (viewer, "password"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (viewer->password_error)));
  g_assert_nonnull (adw_status_page_get_description (viewer->password_page));

  gtk_editable_set_text (GTK_EDITABLE (viewer->password_entry), "wrong");
  g_signal_emit_by_name (viewer->unlock_button, "clicked");
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (viewer->password_error)));
  g_assert_true (in_state (viewer, "password"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (viewer->password_entry)), ==, "");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (viewer->unlock_button)));
  screenshot (GTK_WIDGET (viewer), "viewer-password.png");

  gtk_editable_set_text (GTK_EDITABLE (viewer->password_entry), "user");
  g_signal_emit_by_name (viewer->password_entry, "activate");
  WAIT_UNTIL (in_state (viewer, "pdf"));
  g_assert_cmpstr (gtk_label_get_text (viewer->n_pages_label), ==, "/ 2");
  /* The password is not left in the entry. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (viewer->password_entry)), ==, "");
  WAIT_UNTIL (desk_pdf_view_has_texture (_desk_evidence_viewer_get_pdf_view (viewer), 0));
  close_viewer (viewer);
}

static void
expect_error (gint64      id,
              const char *title,
              const char *shot)
{
  DeskEvidenceViewer *viewer = open_viewer (id, 800, 600);

  WAIT_UNTIL (in_state (viewer, "error"));
  g_assert_cmpstr (adw_status_page_get_title (viewer->error_page), ==, title);
  g_assert_nonnull (adw_status_page_get_description (viewer->error_page));
  g_assert_cmpuint (strlen (adw_status_page_get_description (viewer->error_page)), >, 20);
  if (shot != NULL)
    screenshot (GTK_WIDGET (viewer), shot);
  close_viewer (viewer);
}

static void
test_broken (void)
{
  g_autofree char *a = make_pdf ("truncated.pdf", 4, "Truncated");
  g_autofree char *b = make_pdf ("empty.pdf", 1, "Empty");
  g_autofree char *c = make_pdf ("swapped.pdf", 1, "Swapped");
  g_autofree char *png = make_png ("photo.png", 64, 64);
  g_autofree char *contents = NULL;
  g_autofree char *png_bytes = NULL;
  gsize            length, png_length;
  gint64           truncated = desk_test_add_evidence (store, a, 0, NULL);
  gint64           empty = desk_test_add_evidence (store, b, 0, NULL);
  gint64           swapped = desk_test_add_evidence (store, c, 0, NULL);

  g_assert_true (g_file_get_contents (a, &contents, &length, NULL));
  g_assert_true (g_file_get_contents (png, &png_bytes, &png_length, NULL));
  damage_blob (truncated, contents, length / 2);
  damage_blob (empty, "", 0);
  damage_blob (swapped, png_bytes, png_length);

  expect_error (truncated, "This PDF Is Damaged", "viewer-error.png");
  expect_error (empty, "This File Is Empty", NULL);
  expect_error (swapped, "This File Is Not a PDF", NULL);
}

static void
test_misnamed (void)
{
  g_autofree char *png = make_png ("scan.png", 80, 60);
  g_autofree char *misnamed = file_path ("certificate.pdf");
  g_autoptr (GFile) source = g_file_new_for_path (png);
  g_autoptr (GFile) target = g_file_new_for_path (misnamed);
  g_autoptr (GError) error = NULL;
  DeskEvidenceViewer *viewer;

  g_assert_true (g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  viewer = open_viewer (desk_test_add_evidence (store, misnamed, 0, NULL), 800, 600);
  WAIT_UNTIL (in_state (viewer, "image"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (viewer->notice_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (viewer->notice_label), "PNG"));
  close_viewer (viewer);
}

static void
test_image (void)
{
  g_autofree char    *path = make_png ("screenshot.png", 2400, 1600);
  DeskEvidenceViewer *viewer = open_viewer (desk_test_add_evidence (store, path, 0, NULL), 900, 700);
  DeskImageCanvas    *canvas = _desk_evidence_viewer_get_image_canvas (viewer);

  WAIT_UNTIL (in_state (viewer, "image"));
  g_assert_nonnull (strstr (gtk_label_get_text (viewer->image_info), "2400 × 1600"));
  g_assert_false (gtk_widget_get_visible (viewer->page_box));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (viewer->zoom_button)));
  /* Fit: the big screenshot is shown smaller. */
  WAIT_UNTIL (desk_image_canvas_get_zoom (canvas) < 0.5);
  screenshot (GTK_WIDGET (viewer), "viewer-image.png");
  activate (viewer, "win.zoom-to", g_variant_new_double (1.0));
  g_assert_cmpfloat (desk_image_canvas_get_zoom (canvas), ==, 1.0);
  desk_gui_test_iterate (50);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >=, 2400);
  activate (viewer, "win.zoom-in", NULL);
  g_assert_cmpfloat (desk_image_canvas_get_zoom (canvas), >, 1.0);
  activate (viewer, "win.zoom-out", NULL);
  activate (viewer, "win.zoom-out", NULL);
  g_assert_cmpfloat (desk_image_canvas_get_zoom (canvas), <, 1.0);
  activate (viewer, "win.zoom-fit-page", NULL);
  WAIT_UNTIL (desk_image_canvas_get_zoom (canvas) < 0.5);
  close_viewer (viewer);
}

static void
test_text (void)
{
  g_autofree char    *path = file_path ("notice.txt");
  const char          text[] = "Notice 违规通知\nLine two \xff bad byte\n";
  g_autofree char    *shown = NULL;
  DeskEvidenceViewer *viewer;
  GtkTextIter         start, end;
  GtkTextBuffer      *buffer;

  g_assert_true (g_file_set_contents (path, text, sizeof text - 1, NULL));
  viewer = open_viewer (desk_test_add_evidence (store, path, 0, NULL), 800, 600);
  WAIT_UNTIL (in_state (viewer, "text"));
  buffer = gtk_text_view_get_buffer (viewer->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (shown, "Notice 违规通知\nLine two "));
  g_assert_nonnull (strstr (shown, "\xef\xbf\xbd"));
  g_assert_false (gtk_text_view_get_editable (viewer->text_view));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (viewer->text_info)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (viewer->zoom_button)));
  close_viewer (viewer);
}

static gint64 thousand_id;

static gint64
thousand_pages (void)
{
  g_autofree char *path = NULL;

  if (thousand_id == 0)
    {
      path = make_pdf ("thousand.pdf", 1000, "Long");
      thousand_id = desk_test_add_evidence (store, path, 0, NULL);
    }
  return thousand_id;
}

static void
test_thousand_pages (void)
{
  gint64              id = thousand_pages ();
  DeskEvidenceViewer *viewer = open_viewer (id, 1000, 760);
  DeskPdfView        *view = _desk_evidence_viewer_get_pdf_view (viewer);
  gint64              end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gint64              longest = 0;

  /* The main loop keeps turning while the document opens and draws. */
  while (!(in_state (viewer, "pdf") && desk_pdf_view_has_texture (view, 0)) && g_get_monotonic_time () < end)
    {
      gint64 start = desk_test_thread_cpu_usec ();

      g_main_context_iteration (NULL, FALSE);
      longest = MAX (longest, desk_test_thread_cpu_usec () - start);
    }
  g_test_message ("longest main loop iteration while opening 1000 pages: %" G_GINT64_FORMAT " µs", longest);
  g_assert_true (desk_pdf_view_has_texture (view, 0));
  /* How long the loop stalls is measured by bench/bench-pdf, not asserted
   * here: a loaded machine makes any bound flaky. */
  g_assert_cmpstr (gtk_label_get_text (viewer->n_pages_label), ==, "/ 1000");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (viewer->thumbnails))), ==, 1000);
  /* No widget per page (GtkListView 4.8 keeps about 200 rows around). */
  g_assert_cmpuint (desk_gui_test_count (GTK_WIDGET (viewer), DESK_TYPE_PDF_THUMBNAIL), <, 300);
  /* Only what is on screen and its neighbours is asked for. */
  g_assert_cmpuint (desk_pdf_view_get_n_textures (view) + desk_pdf_view_get_n_pending (view), <, 12);

  activate (viewer, "win.last-page", NULL);
  g_assert_cmpuint (desk_pdf_view_get_page (view), ==, 999);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (viewer->page_entry)), ==, "1000");
  WAIT_UNTIL (desk_pdf_view_has_texture (view, 999));
  close_viewer (viewer);
}

static void
test_close_while_rendering (void)
{
  gint64              id = thousand_pages ();
  DeskEvidenceViewer *viewer = open_viewer (id, 1000, 760);
  DeskPdfView        *view = _desk_evidence_viewer_get_pdf_view (viewer);

  WAIT_UNTIL (in_state (viewer, "pdf"));
  activate (viewer, "win.zoom-to", g_variant_new_double (4.0));
  activate (viewer, "win.next-page", NULL);
  g_assert_cmpuint (desk_pdf_view_get_n_pending (view), >, 0);
  close_viewer (viewer);
  desk_gui_test_iterate (300);

  /* And while the document is still opening. */
  viewer = open_viewer (id, 800, 600);
  g_assert_true (in_state (viewer, "loading"));
  close_viewer (viewer);
  desk_gui_test_iterate (300);
}

static void
test_missing_item (void)
{
  DeskEvidenceViewer *viewer = open_viewer (999999, 600, 400);

  g_assert_true (in_state (viewer, "error"));
  g_assert_cmpstr (adw_status_page_get_title (viewer->error_page), ==, "This Evidence Item Is Gone");
  close_viewer (viewer);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  desk_gui_test_init (&argc, &argv);
  data_dir = desk_test_make_data_dir ();
  files_dir = g_build_filename (data_dir, "files", NULL);
  g_assert_cmpint (g_mkdir (files_dir, 0700), ==, 0);
  session = desk_session_new (data_dir, &error);
  g_assert_no_error (error);
  store = desk_session_get_store (session);

  g_test_add_func ("/evidence-viewer/pdf", test_pdf);
  g_test_add_func ("/evidence-viewer/narrow", test_narrow);
  g_test_add_func ("/evidence-viewer/encrypted", test_encrypted);
  g_test_add_func ("/evidence-viewer/broken", test_broken);
  g_test_add_func ("/evidence-viewer/misnamed", test_misnamed);
  g_test_add_func ("/evidence-viewer/image", test_image);
  g_test_add_func ("/evidence-viewer/text", test_text);
  g_test_add_func ("/evidence-viewer/thousand-pages", test_thousand_pages);
  g_test_add_func ("/evidence-viewer/close-while-rendering", test_close_while_rendering);
  g_test_add_func ("/evidence-viewer/missing-item", test_missing_item);
  ret = g_test_run ();

  store = NULL;
  g_clear_object (&session);
  desk_test_remove_tree (data_dir);
  g_free (files_dir);
  g_free (data_dir);
  return ret;
}
