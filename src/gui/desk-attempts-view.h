/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_ATTEMPTS_VIEW (desk_attempts_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskAttemptsView, desk_attempts_view, DESK, ATTEMPTS_VIEW, AdwBin)

/* Case-page section: the appeals a seller submitted, and "Record
 * Submission…", which asks for the product, the platform's ticket number
 * and (only where the rules ask for one) the test report, says what the
 * platform's appeal limits mean for this appeal (a short title with what to
 * do and when, one sentence why, the source behind an expander) and which
 * required evidence is missing, and records only when confirmed
 * (desk_submission_record(): the case becomes Submitted); a step the
 * platform punishes needs the destructive "Record Anyway". */
DeskAttemptsView *desk_attempts_view_new (void);
/* @case_id 0 clears the view. */
void desk_attempts_view_set_case (DeskAttemptsView *self,
                                  DeskSession      *session,
                                  gint64            case_id);
/* Opens the record dialog (the button does this); returns it, borrowed. */
GtkWidget *desk_attempts_view_open_record_dialog (DeskAttemptsView *self);

G_END_DECLS
