/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_TRACKING_VIEW (desk_tracking_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskTrackingView, desk_tracking_view, DESK, TRACKING_VIEW, AdwBin)

/* Case-page sections after submission: the timeline (log a note, call,
 * submission or the platform's reply; edit; delete with undo), the outcome
 * (close with outcome, root cause and follow-ups; re-open) and the closure
 * report (language, progress, opened in the preview). */
DeskTrackingView *desk_tracking_view_new (void);
/* @case_id 0 clears the view. */
void desk_tracking_view_set_case (DeskTrackingView *self,
                                  DeskSession      *session,
                                  gint64            case_id);
/* The dialogs the buttons open (for tests and screenshots); borrowed. */
GtkWidget *desk_tracking_view_open_log_dialog (DeskTrackingView *self,
                                               const char       *kind);
GtkWidget *desk_tracking_view_open_reply_dialog (DeskTrackingView *self);
GtkWidget *desk_tracking_view_open_close_dialog (DeskTrackingView *self);
/* Writes the closure report in the chosen language into the data
 * directory's reports folder and opens it in the preview; while one is
 * being written, cancels it instead. */
void desk_tracking_view_make_report (DeskTrackingView *self);

G_END_DECLS
