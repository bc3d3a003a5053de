/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

/* What a seller does with an evidence file outside the app, shared by the
 * case section and the library. Feedback (done, or what went wrong) goes
 * to the "win.toast" action of @parent's window, with the text. */

/* "Save a Copy…": a save dialog (portal-friendly GtkFileDialog on GTK 4.10+,
 * the native chooser on 4.8) proposing the original name, then
 * desk_evidence_save_copy_async(). */
void desk_evidence_save_copy_dialog (GtkWidget *parent,
                                     DeskStore *store,
                                     gint64     evidence_id);
/* "Open With…": the read-only copy with the original name
 * (desk_evidence_get_shareable_file()) handed to GtkFileLauncher on 4.10+
 * (asking which program on 4.12+), to the default program on 4.8. */
void desk_evidence_open_with (GtkWidget *parent,
                              DeskStore *store,
                              gint64     evidence_id);
/* Lets @widget be dragged out (to a file manager, a browser upload field)
 * as the file with its original name. */
void desk_evidence_add_drag_source (GtkWidget *widget,
                                    DeskStore *store,
                                    gint64     evidence_id);
/* The menu section with Preview, Save a Copy… and Open With… for actions
 * "<prefix>preview", "<prefix>save-copy", "<prefix>open-with" (int64). */
GMenu *desk_evidence_actions_menu_section (const char *prefix,
                                           gint64      evidence_id);

G_END_DECLS
