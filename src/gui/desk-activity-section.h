/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_ACTIVITY_SECTION (desk_activity_section_get_type ())

G_DECLARE_FINAL_TYPE (DeskActivitySection, desk_activity_section, DESK, ACTIVITY_SECTION, AdwBin)

/* Case-page section of a campaign-exit case: reads the order export (in a
 * worker thread, cancellable), shows the exit day, the chart of each metric
 * against its threshold, what re-entry still needs, the store ratings the
 * seller enters, and the 12-field post-mortem. Hidden for other cases. */
DeskActivitySection *desk_activity_section_new (void);
/* @case_id 0 clears the section. */
void desk_activity_section_set_case (DeskActivitySection *self,
                                     DeskSession         *session,
                                     gint64               case_id);
/* Reads @file as if chosen in the file dialog (tests, drag and drop). */
void desk_activity_section_read_file (DeskActivitySection *self,
                                      GFile               *file);
/* TRUE while an export is read. */
gboolean desk_activity_section_get_busy (DeskActivitySection *self);

G_END_DECLS
