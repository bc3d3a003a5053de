/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_ATTEMPTS_VIEW (desk_attempts_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskAttemptsView, desk_attempts_view, DESK, ATTEMPTS_VIEW, AdwBin)

/* Case-page section: the appeal attempts of a case and "Record…", which asks
 * for the product and test report, shows the attempt guard's verdict (reason
 * and cited rule) and records only when confirmed; a step the platform
 * punishes needs the destructive "Record Anyway". */
DeskAttemptsView *desk_attempts_view_new (void);
/* @case_id 0 clears the view. */
void desk_attempts_view_set_case (DeskAttemptsView *self,
                                  DeskSession      *session,
                                  gint64            case_id);
/* Opens the record dialog (the button does this); returns it, borrowed. */
GtkWidget *desk_attempts_view_open_record_dialog (DeskAttemptsView *self);

G_END_DECLS
