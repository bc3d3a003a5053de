/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-viewer"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-evidence-viewer.h"

/* Placeholder until the PDF/image viewer lands: it replaces this file. */
void
desk_evidence_viewer_open (GtkWindow *parent,
                           DeskStore *store,
                           gint64     evidence_id)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Preview is not available yet"),
                                   _("The evidence viewer is still being built. The file is safely stored."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
