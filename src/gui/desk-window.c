/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-case-row.h"
#include "desk-deadline-notifier.h"
#include "desk-gui-util.h"
#include "desk-resources.h"
#include "desk-settings.h"
#include "desk-window-private.h"

G_DEFINE_FINAL_TYPE (DeskWindow, desk_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_sidebar (DeskWindow *self)
{
  guint            total = desk_case_list_get_total (self->cases);
  guint            shown = g_list_model_get_n_items (G_LIST_MODEL (self->cases));
  g_autofree char *subtitle = NULL;

  gtk_stack_set_visible_child_name (self->sidebar_stack, shown > 0 || total == 0 ? "list" : "no-results");
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", total), total);
  adw_window_title_set_subtitle (self->sidebar_title, subtitle);
}

static void
on_items_changed (DeskWindow *self)
{
  update_sidebar (self);
  _desk_window_sync_selection (self);
  _desk_window_update_content (self);
}

static void
on_list_leave (DeskWindow *self)
{
  _desk_window_sync_selection (self);
}

static void
on_search_changed (DeskWindow *self)
{
  if (self->cases)
    desk_case_list_set_query (self->cases, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (DeskWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_list_activate (DeskWindow *self,
                  guint       position)
{
  g_autoptr (DeskCase) kase = g_list_model_get_item (G_LIST_MODEL (self->cases), position);

  if (kase == NULL)
    return;
  self->shown_id = desk_case_get_id (kase);
  _desk_window_sync_selection (self);
  _desk_window_update_content (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (DeskWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_list_item_set_child (item, GTK_WIDGET (desk_case_row_new ()));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          DeskWindow               *self)
{
  DeskCase *kase = gtk_list_item_get_item (item);
  gint64    id = desk_case_get_id (kase);

  desk_case_row_set_case (DESK_CASE_ROW (gtk_list_item_get_child (item)), kase);
  desk_case_row_set_follow_up (DESK_CASE_ROW (gtk_list_item_get_child (item)),
                               self->follow_ups ? g_hash_table_lookup (self->follow_ups, &id) : NULL);
}

/* Follow-up actions show in the case list: reread them when a case is
 * closed or one is done, and update the rows on screen. */
static void
update_follow_up_rows (DeskWindow *self,
                       GtkWidget  *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (DESK_IS_CASE_ROW (child))
        {
          gint64 id = desk_case_row_get_case_id (DESK_CASE_ROW (child));

          desk_case_row_set_follow_up (DESK_CASE_ROW (child), g_hash_table_lookup (self->follow_ups, &id));
        }
      else
        update_follow_up_rows (self, child);
    }
}

static void
reload_follow_ups (DeskWindow *self)
{
  g_autoptr (GError) error = NULL;
  GHashTable *next = desk_follow_ups_next_by_case (self->store, &error);

  if (next == NULL)
    {
      /* Every change reloads them: one toast until they can be read again. */
      if (!self->follow_ups_bad)
        desk_gui_report_error (GTK_WIDGET (self), _ ("The follow-up actions could not be read, so the case list may not show them."), error);
      self->follow_ups_bad = TRUE;
      return;
    }
  self->follow_ups_bad = FALSE;
  g_clear_pointer (&self->follow_ups, g_hash_table_unref);
  self->follow_ups = next;
  update_follow_up_rows (self, GTK_WIDGET (self->list_view));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  desk_case_row_set_case (DESK_CASE_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
setup_list (DeskWindow *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GError) error = NULL;
  GtkEventController *motion;

  self->cases = desk_case_list_new (self->store);
  if (!desk_case_list_reload (self->cases, &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->cases)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->cases, "items-changed", G_CALLBACK (on_items_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (_desk_window_update_content), self, G_CONNECT_SWAPPED);
  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_list_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), motion);
  update_sidebar (self);
  _desk_window_update_content (self);
}

static void
show_store_error (DeskWindow   *self,
                  const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
restore_size (DeskWindow *self)
{
  self->settings = desk_settings_dup ();
  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1000, 700);
      return;
    }
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
desk_window_close_request (GtkWindow *window)
{
  DeskWindow *self = DESK_WINDOW (window);
  int         width, height;

  _desk_window_finish_delete (self);
  if (self->settings == NULL)
    return GTK_WINDOW_CLASS (desk_window_parent_class)->close_request (window);
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  return GTK_WINDOW_CLASS (desk_window_parent_class)->close_request (window);
}

static void
desk_window_dispose (GObject *object)
{
  DeskWindow *self = (DeskWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->cases);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_pointer (&self->follow_ups, g_hash_table_unref);
  G_OBJECT_CLASS (desk_window_parent_class)->dispose (object);
}

static void
desk_window_class_init (DeskWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_window_dispose;
  window_class->close_request = desk_window_close_request;

  /* Referencing the resource keeps its object (and constructor) in the static library. */
  g_assert_nonnull (desk_get_resource ());
  g_type_ensure (DESK_TYPE_CASE_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, case_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  _desk_window_class_init_actions (widget_class);
}

static void
desk_window_init (DeskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
}

/* At start-up: a toast ("3 cases are overdue", "Show") when cases are overdue. */
static void
flag_overdue (DeskWindow *self)
{
  AdwToast *toast = desk_deadline_notifier_overdue_toast (self->session);

  if (toast)
    desk_window_add_toast (self, toast);
}

DeskWindow *
desk_window_new (GtkApplication *app,
                 DeskSession    *session,
                 const GError   *session_error)
{
  DeskWindow *self = g_object_new (DESK_TYPE_WINDOW, "application", app, NULL);

  restore_size (self);
  if (session == NULL)
    {
      show_store_error (self, session_error);
      _desk_window_update_actions (self);
      return self;
    }
  self->session = g_object_ref (session);
  self->store = g_object_ref (desk_session_get_store (session));
  desk_case_page_set_session (self->case_page, session);
  reload_follow_ups (self);
  g_signal_connect_object (session, "changed::closure", G_CALLBACK (reload_follow_ups), self, G_CONNECT_SWAPPED);
  setup_list (self);
  flag_overdue (self);
  return self;
}

DeskSession *
desk_window_get_session (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->session;
}
