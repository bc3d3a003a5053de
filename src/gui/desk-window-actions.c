/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-evidence-library.h"
#include "desk-intake-wizard.h"
#include "desk-window-private.h"

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  DeskWindow *self = DESK_WINDOW (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (desk_intake_wizard_new (self, NULL)));
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
    g_warning ("Could not delete case %" G_GINT64_FORMAT ": %s", id, error->message);
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

static void
delete_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DeskWindow *self = DESK_WINDOW (widget);
  DeskCase   *kase = desk_window_get_case (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast        *toast;
  gint64           id;

  if (kase == NULL)
    return;
  _desk_window_finish_delete (self);
  id = desk_case_get_id (kase);
  /* Translators: %s is the case title */
  title = g_strdup_printf (_ ("“%s” deleted"), desk_case_get_title (kase));
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

void
_desk_window_update_actions (DeskWindow *self)
{
  gboolean has_store = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-case",
                                 desk_window_get_case (self) != NULL);
  gtk_widget_set_visible (self->delete_button, desk_window_get_case (self) != NULL);
}

void
_desk_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.delete-case", NULL, delete_case_action);
  gtk_widget_class_install_action (widget_class, "win.evidence-library", NULL, desk_evidence_library_action);
}
