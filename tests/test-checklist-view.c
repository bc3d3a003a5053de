/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-attempts.h"
#include "desk-attempts-view.h"
#include "desk-case-edit-dialog.h"
#include "desk-case-page.h"
#include "desk-checklist.h"
#include "desk-checklist-view.h"
#include "desk-gui-test-util.h"
#include "desk-screenshot.h"
#include "desk-window.h"

static gint64
seed (DeskSession *session)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) deadline = g_date_time_add_hours (now, 30);
  const char *products[] = { "1005006612345678", NULL };
  g_autoptr (DeskCase) kase = desk_test_insert_case (store, &(DeskTestCase){ .platform = DESK_PLATFORM_ALIEXPRESS, .type = DESK_CASE_TYPE_IP_COMPLAINT, .title = "LED lamp", .product_ids = products, .deadline_at = deadline });

  g_assert_cmpuint (desk_test_create_checklist (store, desk_session_get_rules (session), kase), >, 2);
  return desk_case_get_id (kase);
}

static void
test_section_shows_items (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (DeskChecklistItem) changed = NULL;
  g_autoptr (GError) error = NULL;
  DeskChecklistItem *first;
  GtkWidget         *view, *row, *combo, *group;
  DeskWindow        *window;
  gint64             id = seed (desk_application_get_session (app));

  items = desk_checklist_list (desk_application_get_session (app), id, &error);
  first = items->pdata[0];
  window = desk_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (100);
  desk_window_show_case (window, id);
  desk_gui_test_iterate (100);

  view = desk_gui_test_find (GTK_WIDGET (window), DESK_TYPE_CHECKLIST_VIEW);
  g_assert_nonnull (view);
  g_assert_cmpuint (desk_gui_test_count (view, ADW_TYPE_EXPANDER_ROW), ==, items->len);
  group = desk_gui_test_find (view, ADW_TYPE_PREFERENCES_GROUP);
  /* Plain words, not the rules' version. */
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                                   "What the platform asks for."));
  g_assert_null (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), "rules v"));
  g_assert_nonnull (desk_gui_test_find (GTK_WIDGET (window), DESK_TYPE_ATTEMPTS_VIEW));

  /* Setting the state in the row's combo writes it to the store. */
  row = desk_gui_test_find_named (view, first->item_id);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Missing");
  combo = desk_gui_test_find_named (row, "checklist-state");
  g_assert_nonnull (combo);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), DESK_CHECKLIST_NEEDS_ATTENTION);
  desk_gui_test_iterate (20);
  changed = desk_checklist_get_item (desk_application_get_session (app), first->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed->state, ==, DESK_CHECKLIST_NEEDS_ATTENTION);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Needs attention");
  g_assert_true (gtk_widget_has_css_class (desk_gui_test_find_named (row, "checklist-state-icon"), "warning"));

  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (20);
  desk_test_remove_tree (dir);
}

static void
close_dialog (GtkWidget *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  desk_gui_test_iterate (50);
  if (dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
test_record_dialog_guard (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskStore *store = desk_application_get_store (app);
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (GPtrArray) attempts = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget  *view, *dialog, *page;
  DeskWindow *window;
  gint64      id = seed (desk_application_get_session (app));

  kase = desk_store_get_case (store, id, &error);
  for (int i = 0; i < 3; i++)
    g_assert_cmpint (desk_attempts_record (store, kase, "1005006612345678", FALSE, NULL, NULL, &error), >, 0);
  window = desk_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  desk_window_show_case (window, id);
  desk_gui_test_iterate (100);
  view = desk_gui_test_find (GTK_WIDGET (window), DESK_TYPE_ATTEMPTS_VIEW);
  dialog = desk_attempts_view_open_record_dialog (DESK_ATTEMPTS_VIEW (view));
  desk_gui_test_iterate (50);
  /* A 4th AliExpress appeal: what to do as the title, one sentence why, the
   * source (by its title) behind an expander, and the missing evidence. */
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Do not appeal this issue again");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "at most 3"));
  gtk_expander_set_expanded (GTK_EXPANDER (desk_gui_test_find_named (dialog, "attempt-source-expander")), TRUE);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (desk_gui_test_find_named (dialog, "attempt-source"))),
                            "AliExpress product takedown handling service"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (desk_gui_test_find_named (dialog, "attempt-gaps"))),
                            "Required evidence still missing:"));
  /* AliExpress sets no test-report rule: no such question. */
  g_assert_false (gtk_widget_get_visible (desk_gui_test_find_named (dialog, "attempt-test-report")));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  close_dialog (dialog);
  attempts = desk_attempts_list (store, id, &error);
  g_assert_cmpuint (attempts->len, ==, 3);

  dialog = desk_attempts_view_open_record_dialog (DESK_ATTEMPTS_VIEW (view));
  gtk_editable_set_text (GTK_EDITABLE (desk_gui_test_find_named (dialog, "attempt-ticket")), "AE-T-55");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  close_dialog (dialog);
  g_clear_pointer (&attempts, g_ptr_array_unref);
  attempts = desk_attempts_list (store, id, &error);
  g_assert_cmpuint (attempts->len, ==, 4);
  g_assert_cmpstr (((DeskAttemptRecord *)attempts->pdata[3])->ticket, ==, "AE-T-55");
  /* The case moved on, and the page shows it without reselecting. */
  g_clear_object (&kase);
  kase = desk_store_get_case (store, id, &error);
  g_assert_cmpint (desk_case_get_status (kase), ==, DESK_CASE_STATUS_SUBMITTED);
  page = desk_gui_test_find (GTK_WIDGET (window), DESK_TYPE_CASE_PAGE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (desk_gui_test_find_named (page, "status-row"))),
                    ==, DESK_CASE_STATUS_SUBMITTED);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (desk_gui_test_find_named (page, "countdown-label"))), ==,
                   "Waiting for the platform’s reply");

  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (20);
  desk_test_remove_tree (dir);
}

/* A second Joom appeal within 72 h: the dialog says what to do and when,
 * in one short title, and asks nothing about test reports (Joom's rules
 * have no such requirement). */
static void
test_repeat_appeal_block (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskStore *store = desk_application_get_store (app);
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, "Baking mat");
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) before = g_date_time_add_hours (now, -20);
  const char *products[] = { "5f9a1c2e7b3d4a0012ab34cd", NULL };
  g_auto (GStrv) parts = NULL;
  const char *heading, *body;
  GtkWidget  *view, *dialog;
  DeskWindow *window;

  desk_case_set_product_ids (kase, products);
  g_assert_true (desk_store_insert_case (store, kase, NULL));
  g_assert_true (desk_checklist_create_for_case (store, desk_session_get_rules (desk_application_get_session (app)), kase, NULL, NULL));
  g_assert_cmpint (desk_attempts_record (store, kase, products[0], FALSE, before, NULL, NULL), >, 0);
  window = desk_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  desk_window_show_case (window, desk_case_get_id (kase));
  desk_gui_test_iterate (100);
  view = desk_gui_test_find (GTK_WIDGET (window), DESK_TYPE_ATTEMPTS_VIEW);
  dialog = desk_attempts_view_open_record_dialog (DESK_ATTEMPTS_VIEW (view));
  desk_gui_test_iterate (300);
  heading = adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  /* (Also run in Chinese for screenshots: compare with the translation.) */
  parts = g_strsplit (_ ("Wait until %s to appeal this product again"), "%s", 2);
  g_assert_true (g_str_has_prefix (heading, parts[0]));
  g_assert_true (g_str_has_suffix (heading, parts[1]));
  /* One sentence of why, without the source (that is behind the expander). */
  g_assert_nonnull (strstr (body, "72"));
  g_assert_null (strstr (body, "Dashu"));
  g_assert_false (gtk_widget_get_visible (desk_gui_test_find_named (dialog, "attempt-test-report")));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  if (g_getenv ("DESK_SCREENSHOT_DIR"))
    {
      g_autofree char *shot = g_build_filename (g_getenv ("DESK_SCREENSHOT_DIR"), "record-dialog-joom.png", NULL);
      g_autoptr (GError) error = NULL;

      desk_gui_test_iterate (500);
      g_assert_true (desk_screenshot_save (dialog, shot, &error));
      g_assert_no_error (error);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (20);
  desk_test_remove_tree (dir);
}

/* "Edit…" corrects the facts read from the notice; the page shows them. */
static void
test_edit_case_details (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskStore *store = desk_application_get_store (app);
  g_autoptr (DeskCase) kase = NULL;
  GtkWidget  *page, *dialog = NULL;
  DeskWindow *window;
  gint64      id = seed (desk_application_get_session (app));

  window = desk_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  desk_window_show_case (window, id);
  desk_gui_test_iterate (100);
  page = desk_gui_test_find (GTK_WIDGET (window), DESK_TYPE_CASE_PAGE);
  g_assert_true (gtk_widget_get_sensitive (desk_gui_test_find_named (page, "edit-case-button")));
  dialog = desk_case_edit_dialog_present (page, store, id);
  desk_gui_test_iterate (100);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (desk_gui_test_find_named (dialog, "edit-title")), "LED lamp — CE certificate (corrected)");
  gtk_editable_set_text (GTK_EDITABLE (desk_gui_test_find_named (dialog, "edit-products")), "111, 222");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  close_dialog (dialog);
  kase = desk_store_get_case (store, id, NULL);
  g_assert_cmpstr (desk_case_get_title (kase), ==, "LED lamp — CE certificate (corrected)");
  g_assert_cmpstr (desk_case_get_product_ids (kase)[1], ==, "222");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (desk_gui_test_find_named (page, "case-title-label"))), ==,
                   "LED lamp — CE certificate (corrected)");
  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (20);
  desk_test_remove_tree (dir);
}

/* Only with DESK_SCREENSHOT_DIR set: the case page with both sections, a
 * flagged item expanded, wide and at 360 px, for a human to look at. */
static void
save_shot (DeskWindow *window, int width, const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("DESK_SCREENSHOT_DIR"), name, NULL);
  g_autoptr (GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), width, 1400);
  desk_gui_test_iterate (400);
  g_assert_true (desk_gui_test_screenshot (GTK_WIDGET (window), path, &error));
  g_assert_no_error (error);
}

static void
test_screenshots (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (DeskApplication) app = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (DeskCase) kase = NULL;
  DeskStore       *store;
  DeskWindow      *window;
  GtkWidget       *view, *row, *dialog;
  g_autofree char *shot = NULL;
  gint64           id;

  if (g_getenv ("DESK_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("DESK_SCREENSHOT_DIR not set");
      return;
    }
  dir = desk_test_make_data_dir ();
  app = desk_gui_test_app (dir);
  store = desk_application_get_store (app);
  id = seed (desk_application_get_session (app));
  items = desk_checklist_list (desk_application_get_session (app), id, NULL);
  kase = desk_store_get_case (store, id, NULL);
  desk_checklist_set_state (store, ((DeskChecklistItem *)items->pdata[0])->id, DESK_CHECKLIST_PROVIDED, NULL, NULL);
  desk_checklist_set_state (store, ((DeskChecklistItem *)items->pdata[1])->id, DESK_CHECKLIST_NEEDS_ATTENTION,
                            "No seal on the scan", NULL);
  for (int i = 0; i < 3; i++)
    desk_attempts_record (store, kase, "1005006612345678", i == 2, NULL, NULL, NULL);
  window = desk_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  desk_window_show_case (window, id);
  desk_gui_test_iterate (100);
  view = desk_gui_test_find (GTK_WIDGET (window), DESK_TYPE_CHECKLIST_VIEW);
  row = desk_gui_test_find_named (view, ((DeskChecklistItem *)items->pdata[1])->item_id);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  /* Scroll the sections into view: the header and case fields come first. */
  gtk_widget_grab_focus (row);
  save_shot (window, 1100, "case-page-wide.png");
  save_shot (window, 360, "case-page-360.png");
  gtk_widget_grab_focus (desk_gui_test_find (GTK_WIDGET (window), DESK_TYPE_ATTEMPTS_VIEW));
  save_shot (window, 1100, "case-page-attempts.png");
  dialog = desk_attempts_view_open_record_dialog (DESK_ATTEMPTS_VIEW (desk_gui_test_find (GTK_WIDGET (window), DESK_TYPE_ATTEMPTS_VIEW)));
  desk_gui_test_iterate (400);
  shot = g_build_filename (g_getenv ("DESK_SCREENSHOT_DIR"), "record-dialog.png", NULL);
  g_assert_true (desk_gui_test_screenshot (dialog, shot, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (20);
  desk_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  desk_gui_test_init (&argc, &argv);

  g_test_add_func ("/checklist-view/section-shows-items", test_section_shows_items);
  g_test_add_func ("/checklist-view/record-dialog-guard", test_record_dialog_guard);
  g_test_add_func ("/checklist-view/edit-case-details", test_edit_case_details);
  g_test_add_func ("/checklist-view/repeat-appeal-block", test_repeat_appeal_block);
  g_test_add_func ("/checklist-view/screenshots", test_screenshots);
  return g_test_run ();
}
