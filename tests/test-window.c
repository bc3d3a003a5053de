/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "desk-activity-section.h"
#include "desk-attempts-view.h"
#include "desk-case-page.h"
#include "desk-case-section.h"
#include "desk-chain-section.h"
#include "desk-checklist-view.h"
#include "desk-evidence-section.h"
#include "desk-gui-test-util.h"
#include "desk-letter-section.h"
#include "desk-package-section.h"
#include "desk-screenshot.h"
#include "desk-store-private.h"
#include "desk-tracking-view.h"
#include "desk-watch-section.h"
#include "desk-window.h"

static void
seed (DeskStore *store, const char *title, const char *product, int hours)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) deadline = g_date_time_add_hours (now, hours);
  const char *products[] = { product, NULL };

  g_object_unref (desk_test_insert_case (store, &(DeskTestCase){ .platform = DESK_PLATFORM_SHOPEE, .type = DESK_CASE_TYPE_IP_COMPLAINT, .title = title, .product_ids = products, .notice_text = "Complaint ID: X", .deadline_at = deadline }));
}

static GtkListView *
list_view (DeskWindow *window)
{
  return GTK_LIST_VIEW (desk_gui_test_find_named (GTK_WIDGET (window), "case-list"));
}

static guint
visible_cases (DeskWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view (window))));
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (GTK_WINDOW (w)) == parent)
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
test_empty_state (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskWindow *window = desk_application_new_window (app);
  GtkWidget  *stack;

  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (50);
  g_assert_cmpuint (visible_cases (window), ==, 0);
  stack = gtk_widget_get_ancestor (desk_gui_test_find (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE), GTK_TYPE_STACK);
  g_assert_nonnull (stack);
  g_assert_null (desk_window_get_case (window));
  /* The deadline notifier is the application's own, not data hung on it. */
  g_assert_null (g_object_get_data (G_OBJECT (app), "desk-deadline-notifier"));
  gtk_window_destroy (GTK_WINDOW (window));
  desk_test_remove_tree (dir);
}

/* search-changed is delayed: wait for the list (up to 10 s on a loaded
 * machine) instead of a fixed time. */
static void
wait_visible (DeskWindow *window,
              guint       n)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  desk_gui_test_iterate (300);
  while (visible_cases (window) != n && g_get_monotonic_time () < end)
    desk_gui_test_iterate (20);
}

static void
test_search_select_delete_undo (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskStore       *store = desk_application_get_store (app);
  g_autofree char *png = g_build_filename (dir, "window.png", NULL);
  g_autoptr (GError) error = NULL;
  DeskWindow       *window;
  GtkSearchEntry   *entry;
  AdwMessageDialog *dialog;
  gint64            id;

  seed (store, "Bluetooth earbuds", "22851349076", 50);
  seed (store, "LED desk lamp 台灯", "1005006612345678", 10);
  seed (store, "Baking mat", "5f9a1c2e", 100);
  window = desk_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (100);
  g_assert_cmpuint (visible_cases (window), ==, 3);

  entry = GTK_SEARCH_ENTRY (desk_gui_test_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (entry), "台灯");
  wait_visible (window, 1); /* search-changed is delayed */
  g_assert_cmpuint (visible_cases (window), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "1005006");
  wait_visible (window, 1);
  g_assert_cmpuint (visible_cases (window), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait_visible (window, 3);
  g_assert_cmpuint (visible_cases (window), ==, 3);

  desk_window_show_case (window, 1);
  g_assert_nonnull (desk_window_get_case (window));
  id = desk_case_get_id (desk_window_get_case (window));
  g_assert_cmpint (id, ==, 1);
  desk_gui_test_iterate (100);
  g_assert_true (desk_gui_test_screenshot (GTK_WIDGET (window), png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  /* Delete asks first: Cancel keeps the case, Delete trashes it (undo toast). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-case", NULL));
  desk_gui_test_iterate (50);
  dialog = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  desk_gui_test_iterate (50);
  g_assert_cmpuint (visible_cases (window), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-case", NULL));
  desk_gui_test_iterate (50);
  dialog = find_message_dialog (GTK_WINDOW (window));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  desk_gui_test_iterate (50);
  g_assert_cmpuint (visible_cases (window), ==, 2);
  g_assert_cmpint (desk_store_count_cases (store), ==, 2);
  /* Closing the window makes the pending deletion final. */
  gtk_window_close (GTK_WINDOW (window));
  desk_gui_test_iterate (50);
  {
    g_autoptr (DeskCase) gone = desk_store_get_case (store, id, &error);
    g_assert_null (gone);
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  }
  desk_test_remove_tree (dir);
}

static gboolean
find_status_with (GtkWidget *root, const char *description)
{
  if (ADW_IS_STATUS_PAGE (root)
      && g_strcmp0 (adw_status_page_get_description (ADW_STATUS_PAGE (root)), description) == 0)
    return gtk_widget_get_child_visible (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (find_status_with (c, description))
      return TRUE;
  return FALSE;
}

static void
test_store_error_shown (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autofree char *db = g_build_filename (dir, "cases.db", NULL);
  g_autoptr (DeskApplication) app = NULL;
  DeskWindow *window;

  g_assert_true (g_file_set_contents (db, "garbage, not sqlite", -1, NULL));
  app = desk_gui_test_app (dir);
  g_assert_null (desk_application_get_store (app));
  g_assert_nonnull (desk_application_get_store_error (app));
  window = desk_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (50);
  g_assert_null (desk_window_get_session (window));
  g_assert_false (gtk_widget_is_sensitive (desk_gui_test_find (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY)));
  g_assert_true (find_status_with (GTK_WIDGET (window), desk_application_get_store_error (app)->message));
  gtk_window_destroy (GTK_WINDOW (window));
  desk_test_remove_tree (dir);
}

static gint64
seed_kind (DeskStore *store, DeskPlatform platform, DeskCaseType type)
{
  g_autoptr (DeskCase) kase = desk_test_insert_case (store, &(DeskTestCase){ .platform = platform, .type = type, .title = "Phone case 手机壳" });

  return desk_case_get_id (kase);
}

/* Every section is declared in the page's template, in the order of the
 * case's flow, and each gets the case the page shows: the watch list
 * shows itself for a reseller case, the campaign section for a campaign
 * exit, the evidence section holds the case's id. */
static void
test_case_page_sections (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskStore  *store = desk_application_get_store (app);
  gint64      ip = seed_kind (store, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  gint64      reseller = seed_kind (store, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  gint64      exit = seed_kind (store, DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_ACTIVITY_EXIT);
  GType       order[] = { DESK_TYPE_CHECKLIST_VIEW, DESK_TYPE_ATTEMPTS_VIEW, DESK_TYPE_EVIDENCE_SECTION,
                          DESK_TYPE_CHAIN_SECTION, DESK_TYPE_TRACKING_VIEW, DESK_TYPE_ACTIVITY_SECTION,
                          DESK_TYPE_WATCH_SECTION, DESK_TYPE_LETTER_SECTION, DESK_TYPE_PACKAGE_SECTION };
  gint64      shown[] = { ip, reseller, exit };
  DeskWindow *window = desk_application_new_window (app);
  GtkWidget  *page, *box, *child;
  guint       n = 0;

  gtk_window_present (GTK_WINDOW (window));
  desk_window_show_case (window, ip);
  desk_gui_test_iterate (100);
  page = desk_gui_test_find (GTK_WIDGET (window), DESK_TYPE_CASE_PAGE);
  g_assert_nonnull (page);
  box = gtk_widget_get_parent (desk_gui_test_find (page, DESK_TYPE_CHECKLIST_VIEW));
  for (child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child), n++)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (order));
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (child), ==, g_type_name (order[n]));
      g_assert_true (DESK_IS_CASE_SECTION (child));
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (order));

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      desk_window_show_case (window, shown[i]);
      desk_gui_test_iterate (50);
      g_assert_cmpint (desk_case_get_id (desk_case_page_get_case (DESK_CASE_PAGE (page))), ==, shown[i]);
      g_assert_cmpint (desk_evidence_section_get_case_id (DESK_EVIDENCE_SECTION (desk_gui_test_find (box, DESK_TYPE_EVIDENCE_SECTION))), ==, shown[i]);
      g_assert_cmpint (gtk_widget_get_visible (desk_gui_test_find (box, DESK_TYPE_WATCH_SECTION)), ==, shown[i] == reseller);
      g_assert_cmpint (gtk_widget_get_visible (desk_gui_test_find (box, DESK_TYPE_ACTIVITY_SECTION)), ==, shown[i] == exit);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  desk_test_remove_tree (dir);
}

static guint
count_toplevels (gboolean visible)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours to free */
  guint       n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) w = g_list_model_get_item (toplevels, i);

      n += gtk_widget_get_visible (w) == visible;
    }
  return n;
}

/* The app keeps no hidden window: GTK 4.8 hands a screen reader that asks
 * for a window past the shown ones the last window, and a hidden one
 * crashed the app (tests/test-a11y-root.py). The shortcuts window is made
 * when asked for and gone when closed. */
static void
test_no_hidden_windows (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskWindow *window = desk_application_new_window (app);
  GtkWindow  *shortcuts = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (50);
  g_assert_cmpuint (count_toplevels (FALSE), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  desk_gui_test_iterate (50);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (w))
        shortcuts = GTK_WINDOW (w);
    }
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_window_close (shortcuts);
  desk_gui_test_iterate (50);
  g_assert_cmpuint (count_toplevels (FALSE), ==, 0);
  g_assert_cmpuint (count_toplevels (TRUE), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  desk_test_remove_tree (dir);
}

/* Toasts are logged by desk_gui_toast(): count those that say @needle. */
typedef struct
{
  const char *needle;
  guint       seen;
} ToastCount;

static void
count_toast (const char    *domain,
             GLogLevelFlags level,
             const char    *message,
             gpointer       data)
{
  ToastCount *count = data;

  if (strstr (message, count->needle))
    count->seen++;
}

/* A data folder with one case, and SQL run on it before the app opens it. */
static char *
prepared_dir (const char *sql)
{
  char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskStore) store = desk_store_open (dir, &error);

  g_assert_no_error (error);
  seed (store, "Earbuds", "TWS-X3", 48);
  g_assert_cmpint (sqlite3_exec (_desk_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return dir;
}

/* The trash could not be emptied at start-up, before there was a window:
 * the first window says so. */
static void
test_purge_failure_shown (void)
{
  g_autofree char *dir = prepared_dir ("UPDATE cases SET trashed_at = '2026-01-01T00:00:00Z';"
                                       " CREATE TRIGGER keep_cases BEFORE DELETE ON cases"
                                       " BEGIN SELECT RAISE (ABORT, 'injected failure'); END;");
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskWindow *window = desk_application_new_window (app);

  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (100);
  g_assert_true (desk_gui_test_has_label_containing (GTK_WIDGET (window), "could not be removed for good"));
  gtk_window_destroy (GTK_WINDOW (window));
  desk_test_remove_tree (dir);
}

/* Follow-ups that cannot be read: one toast, not one per change. */
static void
test_follow_ups_failure_shown (void)
{
  g_autofree char *dir = prepared_dir ("DROP TABLE follow_ups;");
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  ToastCount  count = { "follow-up actions could not be read", 0 };
  guint       handler = g_log_set_handler ("desk-gui", G_LOG_LEVEL_MESSAGE, count_toast, &count);
  DeskWindow *window = desk_application_new_window (app);

  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (100);
  g_assert_true (desk_gui_test_has_label_containing (GTK_WIDGET (window), "follow-up actions could not be read"));
  seed (desk_application_get_store (app), "Lamp", "LMP-1", 72);
  desk_gui_test_iterate (100);
  g_assert_cmpuint (count.seen, ==, 1);
  g_log_remove_handler ("desk-gui", handler);
  gtk_window_destroy (GTK_WINDOW (window));
  desk_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  desk_gui_test_init (&argc, &argv);
  g_test_add_func ("/window/empty", test_empty_state);
  g_test_add_func ("/window/search-delete", test_search_select_delete_undo);
  g_test_add_func ("/window/store-error", test_store_error_shown);
  g_test_add_func ("/window/purge-failure", test_purge_failure_shown);
  g_test_add_func ("/window/follow-ups-failure", test_follow_ups_failure_shown);
  g_test_add_func ("/window/case-page-sections", test_case_page_sections);
  g_test_add_func ("/window/no-hidden-windows", test_no_hidden_windows);
  return g_test_run ();
}
