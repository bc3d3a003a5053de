/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_EVIDENCE_VIEWER (desk_evidence_viewer_get_type ())

G_DECLARE_FINAL_TYPE (DeskEvidenceViewer, desk_evidence_viewer, DESK, EVIDENCE_VIEWER, AdwWindow)

/* A window that previews one evidence item: PDFs (pages, thumbnails, zoom),
 * images (zoom, size, capture date), text and .eml files (read-only text).
 * Locked PDFs ask for the password, which stays in memory only; damaged or
 * mislabelled files show what is wrong. Everything slow runs off the main
 * thread; closing the window cancels it. */
DeskEvidenceViewer *desk_evidence_viewer_new (GtkWindow   *parent,
                                              DeskSession *session,
                                              gint64       evidence_id);

/* A PDF that is not evidence (the closure report), same preview. */
DeskEvidenceViewer *desk_evidence_viewer_new_for_pdf (GtkWindow  *parent,
                                                      GFile      *file,
                                                      const char *title,
                                                      const char *subtitle);

/* Opens evidence item @evidence_id in a new viewer window over @parent. */
void desk_evidence_viewer_open (GtkWindow   *parent,
                                DeskSession *session,
                                gint64       evidence_id);

G_END_DECLS
