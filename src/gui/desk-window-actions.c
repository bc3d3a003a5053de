/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-evidence-library.h"
#include "desk-gui-util.h"
#include "desk-intake-wizard.h"
#include "desk-window-private.h"

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  DeskWindow *self = DESK_WINDOW (widget);

  DeskIntakeWizard *wizard;

  if (self->session == NULL)
    return;
  wizard = desk_intake_wizard_new (GTK_WINDOW (self), self->session);
  g_signal_connect_object (wizard, "case-created", G_CALLBACK (desk_window_show_case), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DeskWindow *self = DESK_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Deletion is final only when the undo toast goes away (or the window
 * closes); until then the case sits in the store's trash. */
void
_desk_window_finish_delete (DeskWindow *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = self->pending_delete;

  if (id == 0 || self->store == NULL)
    return;
  self->pending_delete = 0;
  if (!desk_store_delete_case (self->store, id, &error))
    {
      /* Nothing is lost: the case comes back out of the trash. */
      desk_store_restore_case (self->store, id, NULL);
      desk_gui_report_error (GTK_WIDGET (self), _ ("The case could not be deleted and is back in the list."), error);
    }
}

static void
on_undo_delete (DeskWindow *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = self->pending_delete;

  self->pending_delete = 0;
  if (!desk_store_restore_case (self->store, id, &error))
    {
      desk_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  desk_window_show_case (self, id);
}

static void
on_toast_dismissed (AdwToast   *toast,
                    DeskWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "case-id"));

  if (id == self->pending_delete)
    _desk_window_finish_delete (self);
}

/* Trashes case @id and offers Undo; final when the toast goes. */
static void
trash_with_undo (DeskWindow *self,
                 gint64      id,
                 const char *case_title)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast        *toast;

  _desk_window_finish_delete (self);
  /* Translators: %s is the case title */
  title = g_strdup_printf (_ ("“%s” deleted"), case_title);
  if (!desk_store_trash_case (self->store, id, &error))
    {
      desk_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  self->pending_delete = id;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "case-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  desk_window_add_toast (self, toast);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DeskWindow       *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "case-id"));

  if (g_strcmp0 (response, "delete") == 0)
    trash_with_undo (self, id, g_object_get_data (G_OBJECT (dialog), "case-title"));
}

static void
delete_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DeskWindow *self = DESK_WINDOW (widget);
  DeskCase   *kase = desk_window_get_case (self);
  GtkWidget  *dialog;

  if (kase == NULL)
    return;
  /* Translators: %s is the case title */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _ ("Delete “%s”?"), desk_case_get_title (kase));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _ ("The case, its checklist, appeal attempts and timeline are removed, and so are evidence files no other case or the library keeps. You can undo right after."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "delete", _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "case-id", GSIZE_TO_POINTER (desk_case_get_id (kase)));
  g_object_set_data_full (G_OBJECT (dialog), "case-title", g_strdup (desk_case_get_title (kase)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "win.show-case" (int64): the overdue toast's "Show". */
static void
show_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  desk_window_show_case (DESK_WINDOW (widget), g_variant_get_int64 (param));
}

static void
evidence_library_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  DeskWindow *self = DESK_WINDOW (widget);

  if (self->session)
    desk_evidence_library_pick (GTK_WINDOW (self), self->session, 0);
}

/* For widgets inside the window that report something done ("win.toast"
 * with the text): they need not know the window. */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  AdwToast *toast = adw_toast_new (g_variant_get_string (param, NULL));

  adw_toast_set_timeout (toast, 5);
  desk_window_add_toast (DESK_WINDOW (widget), toast);
}

/* Built when asked for and destroyed when closed, not kept hidden as
 * GtkApplication does with gtk/help-overlay.ui: GTK 4.8 answers a screen
 * reader asking for a window past the visible ones with the last window of
 * the app, and a hidden one has no accessible path, which crashed the app
 * (a screen reader that counted a dialog just closed does that). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/desk-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_set_hide_on_close (shortcuts, FALSE);
  gtk_window_present (shortcuts);
}

void
_desk_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.delete-case", NULL, delete_case_action);
  gtk_widget_class_install_action (widget_class, "win.evidence-library", NULL, evidence_library_action);
  gtk_widget_class_install_action (widget_class, "win.show-case", "x", show_case_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
}
