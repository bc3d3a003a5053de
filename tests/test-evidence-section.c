/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "desk-evidence-library.h"
#include "desk-evidence-section.h"
#include "desk-evidence-store.h"
#include "desk-evidence-viewer.h"
#include "desk-gui-test-util.h"
#include "desk-screenshot.h"
#include "desk-window.h"

/* Set DESK_EVIDENCE_SHOTS=/some/dir to keep screenshots for a look. */
static void
shoot (GtkWidget  *widget,
       const char *name)
{
  const char      *dir = g_getenv ("DESK_EVIDENCE_SHOTS");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_true (desk_gui_test_screenshot (widget, path, &error));
  g_assert_no_error (error);
}

/* One A4 page saying "Brand authorization", or with only a drawn box. */
static char *
make_pdf (const char *dir,
          const char *name,
          gboolean    with_text)
{
  DeskTestPdf spec = { .text = with_text ? "Brand authorization" : NULL, .box = !with_text };

  return desk_test_make_pdf (dir, name, &spec);
}

static gint64
seed_case (DeskStore  *store,
           const char *title)
{
  g_autoptr (DeskCase) kase = desk_test_insert_case (store, &(DeskTestCase){ .platform = DESK_PLATFORM_SHOPEE, .type = DESK_CASE_TYPE_IP_COMPLAINT, .title = title });

  return desk_case_get_id (kase);
}

static GtkWindow *
find_viewer (DeskApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (DESK_IS_EVIDENCE_VIEWER (l->data))
      return l->data;
  return NULL;
}

static gboolean
files_equal (const char *a,
             const char *b)
{
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;
  gsize            la = 0, lb = 0;

  return g_file_get_contents (a, &ca, &la, NULL) && g_file_get_contents (b, &cb, &lb, NULL) && la == lb
         && memcmp (ca, cb, la) == 0;
}

static guint
count_rows (GtkWidget *root)
{
  guint n = 0;

  if (g_strcmp0 (gtk_widget_get_name (root), "evidence-row") == 0 && gtk_widget_get_visible (root))
    return 1;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    n += count_rows (c);
  return n;
}

static void
test_section_in_case_page (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autofree char *src = desk_test_make_data_dir ();
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskStore *store = desk_application_get_store (app);
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autofree char     *png = desk_test_make_png (src, "listing screenshot 商品截图.png", 1080, 2340);
  g_autofree char     *scan = make_pdf (src, "authorization scan.pdf", FALSE);
  g_autofree char     *pdf = make_pdf (src, "trademark certificate.pdf", TRUE);
  g_autofree char     *empty = g_build_filename (src, "empty.pdf", NULL);
  gint64               id = seed_case (store, "Bluetooth earbuds TWS-X3");
  DeskEvidenceSection *section;
  DeskWindow          *window;
  GtkWidget           *toast_overlay;
  g_autoptr (GPtrArray) items = NULL;
  const char *paths[] = { png, scan, pdf, empty };

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  window = desk_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 900);
  gtk_window_present (GTK_WINDOW (window));
  desk_window_show_case (window, id);
  desk_gui_test_iterate (100);
  section = DESK_EVIDENCE_SECTION (desk_gui_test_find (GTK_WIDGET (window), DESK_TYPE_EVIDENCE_SECTION));
  g_assert_nonnull (section);
  g_assert_cmpint (desk_evidence_section_get_case_id (section), ==, id);
  g_assert_cmpuint (count_rows (GTK_WIDGET (section)), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GFile) file = g_file_new_for_path (paths[i]);
      g_list_store_append (files, file);
    }
  desk_evidence_section_add_files (section, G_LIST_MODEL (files));
  g_assert_true (desk_evidence_section_is_busy (section));
  desk_gui_test_wait_idle (section, (DeskGuiTestBusyFunc)desk_evidence_section_is_busy, 50);
  items = desk_evidence_list_for_case (store, id, NULL);
  g_assert_cmpuint (items->len, ==, 3); /* the empty file is refused */
  g_assert_cmpuint (count_rows (GTK_WIDGET (section)), ==, 3);
  g_assert_true (desk_gui_test_has_label_containing (GTK_WIDGET (section), "1080 × 2340"));
  g_assert_true (desk_gui_test_has_label_containing (GTK_WIDGET (section), "scan without text"));
  g_assert_true (desk_gui_test_has_label_containing (GTK_WIDGET (section), "no capture date"));
  desk_gui_test_iterate (600); /* let the progress revealer close */
  toast_overlay = desk_gui_test_find (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  g_assert_nonnull (toast_overlay);
  shoot (GTK_WIDGET (section), "evidence-section-wide.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  desk_gui_test_iterate (300);
  shoot (GTK_WIDGET (section), "evidence-section-360.png");

  /* Evidence leaves the app: a copy under its original name, the file
   * handed to another program, a click opens the preview. */
  {
    g_autofree char *out = desk_test_make_data_dir ();
    g_autofree char *log = g_build_filename (out, "opened.log", NULL);
    g_autofree char *copy = g_build_filename (out, "trademark certificate.pdf", NULL);
    g_autofree char *opened = NULL;
    DeskEvidence    *cert = NULL;
    GtkWidget       *row;

    for (guint i = 0; i < items->len; i++)
      if (g_str_equal (desk_evidence_get_original_name (items->pdata[i]), "trademark certificate.pdf"))
        cert = items->pdata[i];
    g_assert_nonnull (cert);
    g_setenv ("APPEAL_DESK_SAVE_COPY_DIR", out, TRUE);
    g_setenv ("APPEAL_DESK_OPEN_WITH_LOG", log, TRUE);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "evidence.save-copy", "x", desk_evidence_get_id (cert)));
    for (int i = 0; i < 200 && !g_file_test (copy, G_FILE_TEST_EXISTS); i++)
      desk_gui_test_iterate (10);
    desk_gui_test_iterate (50);
    g_assert_true (files_equal (copy, pdf));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "evidence.open-with", "x", desk_evidence_get_id (cert)));
    g_assert_true (g_file_get_contents (log, &opened, NULL, NULL));
    g_assert_true (g_str_has_suffix (g_strchomp (opened), "/trademark certificate.pdf"));
    g_unsetenv ("APPEAL_DESK_SAVE_COPY_DIR");
    g_unsetenv ("APPEAL_DESK_OPEN_WITH_LOG");
    row = desk_gui_test_find_named (GTK_WIDGET (section), "evidence-row");
    g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
    g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
    desk_gui_test_iterate (300);
    g_assert_nonnull (find_viewer (app));
    gtk_window_destroy (find_viewer (app));
    desk_gui_test_iterate (50);
    desk_test_remove_tree (out);
  }

  /* Remove with undo: hidden at once, back on undo, gone for good after. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "evidence.remove", "x",
                                             desk_evidence_get_id (items->pdata[0])));
  desk_gui_test_iterate (50);
  g_assert_cmpuint (count_rows (GTK_WIDGET (section)), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "evidence.remove", "x",
                                             desk_evidence_get_id (items->pdata[1])));
  desk_gui_test_iterate (50);
  /* The second removal made the first final. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = desk_evidence_list_for_case (store, id, NULL);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpuint (count_rows (GTK_WIDGET (section)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (50);
  /* Closing the window finished the pending removal too. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = desk_evidence_list_for_case (store, id, NULL);
  g_assert_cmpuint (items->len, ==, 1);
  desk_test_remove_tree (dir);
  desk_test_remove_tree (src);
}

static void
test_library_window (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autofree char *src = desk_test_make_data_dir ();
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskStore       *store = desk_application_get_store (app);
  g_autofree char *a = desk_test_make_png (src, "brand authorization 品牌授权.png", 800, 600);
  g_autofree char *b = make_pdf (src, "trademark certificate.pdf", TRUE);
  g_autofree char *c = desk_test_make_png (src, "invoice 2024-001.png", 600, 800);
  gint64           c1 = seed_case (store, "Bluetooth earbuds TWS-X3"), c2 = seed_case (store, "LED desk lamp");
  g_autoptr (GFile) fa = g_file_new_for_path (a);
  g_autoptr (GFile) fb = g_file_new_for_path (b);
  g_autoptr (GFile) fc = g_file_new_for_path (c);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskEvidence) ea = desk_evidence_add (store, fa, c1, NULL, NULL, NULL, NULL, NULL, &error);
  g_autoptr (DeskEvidence) ea2 = desk_evidence_add (store, fa, c2, NULL, NULL, NULL, NULL, NULL, &error);
  g_autoptr (DeskEvidence) eb = desk_evidence_add (store, fb, 0, "brand owner", NULL, NULL, NULL, NULL, &error);
  g_autoptr (DeskEvidence) ec = desk_evidence_add (store, fc, c2, NULL, NULL, NULL, NULL, NULL, &error);
  DeskWindow          *window;
  DeskEvidenceLibrary *library = NULL;
  GListModel          *model;

  g_assert_no_error (error);
  window = desk_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (50);
  /* Opened from the primary menu's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.evidence-library", NULL));
  desk_gui_test_iterate (200);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (DESK_IS_EVIDENCE_LIBRARY (l->data))
      library = l->data;
  g_assert_nonnull (library);
  gtk_window_set_default_size (GTK_WINDOW (library), 760, 600);
  desk_gui_test_iterate (300);
  model = desk_evidence_library_get_model (library);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (desk_gui_test_has_label_containing (GTK_WIDGET (library), "Used by: Bluetooth earbuds TWS-X3, LED desk lamp"));
  g_assert_true (desk_gui_test_has_label_containing (GTK_WIDGET (library), "Not used by any case"));
  shoot (GTK_WIDGET (library), "evidence-library-wide.png");

  desk_evidence_library_set_search (library, "品牌");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  desk_evidence_library_set_search (library, "BRAND OWNER");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  desk_evidence_library_set_search (library, "no such thing");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  desk_evidence_library_set_search (library, "");
  gtk_window_set_default_size (GTK_WINDOW (library), 360, 640);
  desk_gui_test_iterate (300);
  shoot (GTK_WIDGET (library), "evidence-library-360.png");

  /* The list follows the store: deleting a case updates "Used by". */
  g_assert_true (desk_store_delete_case (store, c2, &error));
  g_assert_no_error (error);
  desk_gui_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2); /* the invoice went with its case */
  g_assert_false (desk_gui_test_has_label_containing (GTK_WIDGET (library), "LED desk lamp"));

  gtk_window_destroy (GTK_WINDOW (library));
  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (50);
  desk_test_remove_tree (dir);
  desk_test_remove_tree (src);
}

static void
test_picker (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autofree char *src = desk_test_make_data_dir ();
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskStore       *store = desk_application_get_store (app);
  g_autofree char *a = desk_test_make_png (src, "kept.png", 20, 20);
  g_autoptr (GFile) fa = g_file_new_for_path (a);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskEvidence) ea = desk_evidence_add (store, fa, 0, NULL, NULL, NULL, NULL, NULL, &error);
  gint64               id = seed_case (store, "Lamp");
  DeskEvidenceLibrary *picker = desk_evidence_library_new (NULL, desk_application_get_session (app), id);
  g_autoptr (GPtrArray) items = NULL;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (picker));
  desk_gui_test_iterate (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "win.pick-evidence", "x",
                                             desk_evidence_get_id (ea)));
  items = desk_evidence_list_for_case (store, id, NULL);
  g_assert_cmpuint (items->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (picker));
  desk_gui_test_iterate (50);
  desk_test_remove_tree (dir);
  desk_test_remove_tree (src);
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);
  g_test_add_func ("/evidence-section/case-page", test_section_in_case_page);
  g_test_add_func ("/evidence-section/library", test_library_window);
  g_test_add_func ("/evidence-section/picker", test_picker);
  return g_test_run ();
}
