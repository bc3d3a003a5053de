/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_EVIDENCE_LIBRARY (desk_evidence_library_get_type ())

G_DECLARE_FINAL_TYPE (DeskEvidenceLibrary, desk_evidence_library, DESK, EVIDENCE_LIBRARY, AdwWindow)

/* A window listing all evidence with search-as-you-type, the cases using
 * each item, the "keep in library" switch and adding files. With a case id
 * it is a picker: each row gets an "Add" button that attaches the item to
 * that case. */
DeskEvidenceLibrary *desk_evidence_library_new (GtkWindow   *parent,
                                                DeskSession *session,
                                                gint64       pick_for_case);
/* Shows the library (or the picker for @case_id) over @parent. */
void desk_evidence_library_pick (GtkWindow   *parent,
                                 DeskSession *session,
                                 gint64       case_id);
/* The model shown (after the search filter): for tests. */
GListModel *desk_evidence_library_get_model (DeskEvidenceLibrary *self);
void        desk_evidence_library_set_search (DeskEvidenceLibrary *self,
                                              const char          *text);

G_END_DECLS
