/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-gui-util.h"

static GtkWidget *
find_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_overlay (child);

      if (found)
        return found;
    }
  return NULL;
}

void
desk_gui_toast (GtkWidget  *widget,
                const char *text)
{
  GtkWidget       *overlay;
  GtkRoot         *root;
  AdwToast        *toast;
  g_autofree char *markup = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_message ("%s", text);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  /* A window holds its overlay rather than sitting in one. */
  if (overlay == NULL && (root = gtk_widget_get_root (widget)))
    overlay = find_overlay (GTK_WIDGET (root));
  if (overlay == NULL)
    return;
  /* A toast's title is markup: an error message may hold "<data>" or "&". */
  markup = g_markup_escape_text (text, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
desk_gui_report_error (GtkWidget    *widget,
                       const char   *what,
                       const GError *error)
{
  g_autofree char *text = NULL;

  g_return_if_fail (what != NULL);
  /* Translators: a failure shown to the user: "<what failed> <why>" */
  text = error ? g_strdup_printf (_ ("%s %s"), what, error->message) : g_strdup (what);
  desk_gui_toast (widget, text);
}

GtkWidget *
desk_gui_text_row (const char *title,
                   const char *subtitle,
                   const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (icon_name)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  return row;
}

GtkWidget *
desk_gui_progress_row (const char   *title,
                       GCancellable *cancellable)
{
  GtkWidget *row = desk_gui_text_row (title, NULL, NULL);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));

  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  g_signal_connect_data (cancel, "clicked", G_CALLBACK (g_cancellable_cancel), g_object_ref (cancellable),
                         (GClosureNotify)(void (*) (void))g_object_unref, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), cancel);
  return row;
}
