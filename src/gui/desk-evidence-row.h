/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-evidence.h"

G_BEGIN_DECLS

/* Shared by the case section and the library: icon by kind, name, summary
 * ("PDF · 3 pages · 1.2 MB"), then one line per warning in warning style.
 * @extra (may be NULL) is a line under the summary ("Used by …"). The
 * returned box has the end slot free for buttons: append them. */
GtkWidget *desk_evidence_row_content_new (DeskEvidence *evidence,
                                          char *const  *warnings,
                                          const char   *extra);

/* Multiple-file chooser for evidence (PDF, images, text, .eml; or any file):
 * GtkFileDialog on GTK >= 4.10 (portal-friendly), the native chooser on 4.8.
 * @callback runs with the chosen files unless the user cancels; @owner is
 * kept alive until then and passed as user data. */
typedef void (*DeskEvidenceFilesChosen) (GListModel *files,
                                         gpointer    owner);
void desk_evidence_choose_files (GtkWindow              *parent,
                                 DeskEvidenceFilesChosen callback,
                                 GObject                *owner);

G_END_DECLS
