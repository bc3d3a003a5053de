/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_CHECKLIST_VIEW (desk_checklist_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskChecklistView, desk_checklist_view, DESK, CHECKLIST_VIEW, AdwBin)

/* Case-page section: the case's evidence checklist with the rule pack it
 * comes from; each item expands to why, pitfalls, formats, source, and lets
 * the seller set its state and a note. */
DeskChecklistView *desk_checklist_view_new (void);
/* @case_id 0 clears the view. */
void desk_checklist_view_set_case (DeskChecklistView *self,
                                   DeskSession       *session,
                                   gint64             case_id);
/* Re-reads the items (e.g. after evidence was attached elsewhere). */
void desk_checklist_view_reload (DeskChecklistView *self);

G_END_DECLS
