/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-gui-util.h"

void
desk_gui_toast (GtkWidget  *widget,
                const char *text)
{
  GtkWidget *overlay;
  AdwToast  *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_message ("%s", text);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  toast = adw_toast_new (text);
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
