/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "desk-case-page.h"
#include "desk-gui-test-util.h"
#include "desk-package-section.h"
#include "desk-window.h"

static void
on_made (DeskPackageSection *section,
         gboolean           *made)
{
  *made = TRUE;
}

/* The case page offers "Make Package…"; making one shows progress, writes
 * the file, records it and lists it in the page's timeline. */
static void
test_make_package (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autofree char *out = desk_test_make_data_dir ();
  g_autofree char *zip = g_build_filename (out, "p.zip", NULL);
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskStore *store = desk_application_get_store (app);
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, "Earbuds TWS-X3");
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (zip);
  g_autoptr (GPtrArray) timeline = NULL;
  GtkWidget  *section, *button, *progress;
  DeskWindow *window;
  gboolean    made = FALSE;
  gint64      until;

  g_assert_true (desk_store_insert_case (store, kase, &error));
  g_assert_no_error (error);
  window = desk_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-case", g_variant_new_int64 (desk_case_get_id (kase)));
  desk_gui_test_iterate (200);

  section = desk_gui_test_find (GTK_WIDGET (window), DESK_TYPE_PACKAGE_SECTION);
  g_assert_nonnull (section);
  button = desk_gui_test_find (section, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "package.make");
  g_assert_true (gtk_widget_is_sensitive (button));
  progress = desk_gui_test_find (section, GTK_TYPE_PROGRESS_BAR);
  g_assert_false (gtk_widget_is_visible (progress));

  g_signal_connect (section, "package-made", G_CALLBACK (on_made), &made);
  desk_package_section_make_to (DESK_PACKAGE_SECTION (section), file);
  g_assert_true (gtk_widget_is_visible (progress));
  g_assert_false (gtk_widget_is_sensitive (button));
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!made && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (made);
  g_assert_true (g_file_test (zip, G_FILE_TEST_IS_REGULAR));
  g_assert_false (gtk_widget_is_visible (progress));
  g_assert_true (gtk_widget_is_sensitive (button));
  timeline = desk_store_list_timeline (store, desk_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((DeskTimelineEntry *)g_ptr_array_index (timeline, timeline->len - 1))->kind, ==, "package");

  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (100);
  desk_test_remove_tree (dir);
  desk_test_remove_tree (out);
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);
  g_test_add_func ("/package-section/make-package", test_make_package);
  return g_test_run ();
}
