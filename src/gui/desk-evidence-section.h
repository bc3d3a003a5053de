/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_EVIDENCE_SECTION (desk_evidence_section_get_type ())

G_DECLARE_FINAL_TYPE (DeskEvidenceSection, desk_evidence_section, DESK, EVIDENCE_SECTION, AdwBin)

/* The "Evidence" section of a case page: the case's files with their
 * warnings, adding by file chooser, drag and drop or from the library,
 * preview, checklist links and removal with undo. */
DeskEvidenceSection *desk_evidence_section_new (void);
void                 desk_evidence_section_set_case (DeskEvidenceSection *self,
                                                     DeskSession         *session,
                                                     gint64               case_id);
gint64               desk_evidence_section_get_case_id (DeskEvidenceSection *self);
/* Adds @files (GFile) to the case one after the other, with progress. */
void desk_evidence_section_add_files (DeskEvidenceSection *self,
                                      GListModel          *files);
/* TRUE while files are being copied. */
gboolean desk_evidence_section_is_busy (DeskEvidenceSection *self);

G_END_DECLS
