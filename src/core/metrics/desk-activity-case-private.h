/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-activity-case.h"
#include "desk-session.h"

G_BEGIN_DECLS

/* The "activity" part of a case snapshot: a DeskActivityRecord *, or NULL
 * when the case has no reading of an order export. */
gpointer _desk_activity_snapshot_load (DeskSession *session,
                                       gint64       case_id,
                                       GError     **error);
void     _desk_activity_record_free (gpointer record);

G_END_DECLS
