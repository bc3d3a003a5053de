/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "desk-activity-section.h"
#include "desk-checklist.h"
#include "desk-evidence-store.h"
#include "desk-gui-test-util.h"
#include "metrics/desk-activity-case.h"

static gint64
seed (DeskSession *session,
      DeskPlatform platform,
      DeskCaseType type)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (DeskCase) kase = desk_test_insert_case (store, &(DeskTestCase){ .platform = platform, .type = type, .title = "Flash Deals" });

  desk_test_create_checklist (store, desk_session_get_rules (session), kase);
  return desk_case_get_id (kase);
}

static char *
generate (const char *dir,
          const char *args)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "gen-orders.py", NULL);
  char            *path = g_build_filename (dir, "orders.csv", NULL);
  g_autofree char *cmd = g_strdup_printf ("python3 '%s' %s '%s'", script, args, path);
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return path;
}

static void
test_reads_export (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSession) session = desk_session_new (dir, &error);
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GPtrArray) evidence = NULL;
  g_autoptr (GPtrArray) timeline = NULL;
  g_auto (DeskActivityRecord) record = { 0 };
  GtkWidget           *window = gtk_window_new ();
  DeskActivitySection *section = desk_activity_section_new ();
  gint64               shopee, id;

  g_assert_no_error (error);
  shopee = seed (session, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  id = seed (session, DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_ACTIVITY_EXIT);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (section));
  gtk_window_present (GTK_WINDOW (window));

  /* Only campaign-exit cases of a platform with campaign rules show it. */
  desk_activity_section_set_case (section, session, shopee);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (section)));
  desk_activity_section_set_case (section, session, id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));
  g_assert_true (desk_gui_test_has_row_containing (GTK_WIDGET (section), "No order export read yet"));

  path = generate (dir, "--seed 3");
  file = g_file_new_for_path (path);
  desk_activity_section_read_file (section, file);
  g_assert_true (desk_activity_section_get_busy (section));
  desk_gui_test_wait_idle (section, (DeskGuiTestBusyFunc)desk_activity_section_get_busy, 20);

  g_assert_true (desk_gui_test_has_row_containing (GTK_WIDGET (section), "Exit rule met on 2026-10-27"));
  g_assert_true (desk_gui_test_has_row_containing (GTK_WIDGET (section), "Re-entry: not yet"));
  g_assert_true (desk_activity_load (desk_session_get_store (session), id, &record, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (record.result_json, "\"2026-10-27\""));
  evidence = desk_evidence_list_for_case (desk_session_get_store (session), id, &error);
  g_assert_cmpuint (evidence->len, ==, 1);

  /* Showing the case again reads the saved export but writes nothing. */
  timeline = desk_store_list_timeline (desk_session_get_store (session), id, &error);
  desk_activity_section_set_case (section, session, 0);
  desk_activity_section_set_case (section, session, id);
  desk_gui_test_wait_idle (section, (DeskGuiTestBusyFunc)desk_activity_section_get_busy, 20);
  g_assert_true (desk_gui_test_has_row_containing (GTK_WIDGET (section), "Exit rule met on 2026-10-27"));
  {
    g_autoptr (GPtrArray) again = desk_store_list_timeline (desk_session_get_store (session), id, &error);

    g_assert_cmpuint (again->len, ==, timeline->len);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (20);
  g_clear_object (&session);
  desk_test_remove_tree (dir);
}

static void
test_refuses_garbage (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSession) session = desk_session_new (dir, &error);
  g_autofree char *path = g_build_filename (dir, "photo.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) evidence = NULL;
  GtkWidget           *window = gtk_window_new ();
  DeskActivitySection *section = desk_activity_section_new ();
  gint64               id;

  id = seed (session, DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_ACTIVITY_EXIT);
  g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff", 17, NULL));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (section));
  gtk_window_present (GTK_WINDOW (window));
  desk_activity_section_set_case (section, session, id);
  desk_activity_section_read_file (section, file);
  desk_gui_test_wait_idle (section, (DeskGuiTestBusyFunc)desk_activity_section_get_busy, 20);
  g_assert_true (desk_gui_test_has_row_containing (GTK_WIDGET (section), "could not be used"));
  g_assert_true (desk_gui_test_has_row_containing (GTK_WIDGET (section), "cannot be read"));
  /* Nothing was kept. */
  evidence = desk_evidence_list_for_case (desk_session_get_store (session), id, &error);
  g_assert_cmpuint (evidence->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (20);
  g_clear_object (&session);
  desk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);
  g_test_add_func ("/activity-section/reads-export", test_reads_export);
  g_test_add_func ("/activity-section/refuses-garbage", test_refuses_garbage);
  return g_test_run ();
}
