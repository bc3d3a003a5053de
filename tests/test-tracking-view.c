/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "desk-case-row.h"
#include "desk-closure.h"
#include "desk-evidence-store.h"
#include "desk-evidence.h"
#include "desk-evidence-viewer.h"
#include "desk-gui-test-util.h"
#include "desk-timeline.h"
#include "desk-tracking-view.h"
#include "desk-window.h"

/* The case page's tracking sections, driven through their own dialogs. */

typedef struct
{
  char            *dir;
  DeskApplication *app;
  DeskStore       *store;
  DeskWindow      *window;
  GtkWidget       *view;
  gint64           id;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, "蓝牙耳机 X200");

  f->dir = desk_test_make_data_dir ();
  f->app = desk_gui_test_app (f->dir);
  f->store = desk_application_get_store (f->app);
  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  f->id = desk_case_get_id (kase);
  f->window = desk_application_new_window (f->app);
  gtk_window_present (GTK_WINDOW (f->window));
  desk_window_show_case (f->window, f->id);
  desk_gui_test_iterate (100);
  f->view = desk_gui_test_find (GTK_WIDGET (f->window), DESK_TYPE_TRACKING_VIEW);
  g_assert_nonnull (f->view);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  desk_gui_test_iterate (20);
  g_clear_object (&f->app);
  desk_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
answer (GtkWidget  *dialog,
        const char *response)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  desk_gui_test_iterate (50);
  if (dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
type_text (GtkWidget  *dialog,
           const char *name,
           const char *text)
{
  GtkWidget *view = desk_gui_test_find_named (dialog, name);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static guint
count_kind (Fixture *f, const char *kind)
{
  g_autoptr (GPtrArray) entries = desk_store_list_timeline (f->store, f->id, NULL);
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    n += g_strcmp0 (((DeskTimelineEntry *)entries->pdata[i])->kind, kind) == 0;
  return n;
}

static gint64
find_kind (Fixture *f, const char *kind)
{
  g_autoptr (GPtrArray) entries = desk_store_list_timeline (f->store, f->id, NULL);

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (((DeskTimelineEntry *)entries->pdata[i])->kind, kind) == 0)
      return ((DeskTimelineEntry *)entries->pdata[i])->id;
  return 0;
}

static void
test_log_and_delete (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "chat.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autoptr (DeskTimelineEntry) entry = NULL;
  GtkWidget *dialog, *list, *attach;
  gint64     id;

  g_assert_true (g_file_set_contents (path, "chat screenshot", -1, &error));
  evidence = desk_evidence_add (f->store, file, f->id, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  dialog = desk_tracking_view_open_log_dialog (DESK_TRACKING_VIEW (f->view), "call");
  type_text (dialog, "tracking-text", "Called support, ticket 4411");
  /* The case's evidence can be attached to the entry. */
  attach = desk_gui_test_find_named (dialog, "tracking-attach");
  g_assert_nonnull (attach);
  gtk_expander_set_expanded (GTK_EXPANDER (attach), TRUE);
  attach = desk_gui_test_find (attach, GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (attach);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (attach), TRUE);
  answer (dialog, "save");
  g_assert_cmpuint (count_kind (f, "call"), ==, 1);
  entry = desk_timeline_get (f->store, find_kind (f, "call"), &error);
  g_assert_cmpuint (desk_timeline_entry_get_n_evidence (entry), ==, 1);
  g_assert_cmpint (entry->evidence_ids[0], ==, desk_evidence_get_id (evidence));
  /* The row shows at once, with edit and delete. */
  list = desk_gui_test_find_named (f->view, "tracking-timeline");
  g_assert_nonnull (list);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_first_child (list))), "ticket 4411"));

  id = find_kind (f, "call");
  g_assert_true (gtk_widget_activate_action (f->view, "tracking.delete", "x", id));
  desk_gui_test_iterate (50);
  /* Deleting asks first: cancel keeps the entry. */
  g_assert_cmpuint (count_kind (f, "call"), ==, 1);
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  answer (dialog, "save");
  g_assert_cmpuint (count_kind (f, "call"), ==, 0);
}

static void
test_reply_close_report (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (DeskClosure) closure = NULL;
  g_autofree char *report = NULL;
  GtkWidget       *dialog = desk_tracking_view_open_reply_dialog (DESK_TRACKING_VIEW (f->view));
  GtkWidget       *viewer = NULL;

  type_text (dialog, "tracking-reply", "Your appeal has been rejected.\nReason: the invoice has no order number.");
  answer (dialog, "save");
  kase = desk_store_get_case (f->store, f->id, NULL);
  g_assert_cmpint (desk_case_get_status (kase), ==, DESK_CASE_STATUS_REJECTED);
  g_assert_cmpuint (count_kind (f, "reply"), ==, 1);

  dialog = desk_tracking_view_open_close_dialog (DESK_TRACKING_VIEW (f->view));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (desk_gui_test_find_named (dialog, "close-outcome")), 2);
  gtk_editable_set_text (GTK_EDITABLE (desk_gui_test_find_named (dialog, "close-follow-up")), "Check the other SKUs");
  gtk_editable_set_text (GTK_EDITABLE (desk_gui_test_find_named (dialog, "close-due")), "2031-04-30");
  answer (dialog, "save");
  /* The follow-up shows in the case list, with its due date. */
  g_assert_true (desk_gui_test_has_visible_label_containing (desk_gui_test_find (GTK_WIDGET (f->window), DESK_TYPE_CASE_ROW), "2031-04-30: Check the other SKUs"));
  closure = desk_closure_get (f->store, f->id, NULL);
  g_assert_nonnull (closure);
  g_assert_cmpint (closure->outcome, ==, DESK_OUTCOME_REJECTED);
  /* The first root cause of the pack was preselected. */
  g_assert_cmpstr (closure->root_cause, ==, "authorization-gap");

  desk_tracking_view_make_report (DESK_TRACKING_VIEW (f->view));
  /* The file being written is the view's own, not data hung on it. */
  g_assert_null (g_object_get_data (G_OBJECT (f->view), "desk-report-file"));
  for (int i = 0; i < 200 && viewer == NULL; i++)
    {
      desk_gui_test_iterate (50);
      for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
        if (DESK_IS_EVIDENCE_VIEWER (l->data))
          viewer = l->data;
    }
  g_assert_nonnull (viewer);
  report = g_strdup_printf ("%s/reports/case-%" G_GINT64_FORMAT "-en.pdf", f->dir, f->id);
  g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (viewer)), "Closure report"));
  gtk_window_destroy (GTK_WINDOW (viewer));
}

int
main (int argc, char *argv[])
{
  desk_gui_test_init (&argc, &argv);
  g_test_add ("/tracking-view/log-and-delete", Fixture, NULL, setup, test_log_and_delete, teardown);
  g_test_add ("/tracking-view/reply-close-report", Fixture, NULL, setup, test_reply_close_report, teardown);
  return g_test_run ();
}
