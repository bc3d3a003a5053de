/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_DEADLINE_NOTIFIER (desk_deadline_notifier_get_type ())

G_DECLARE_FINAL_TYPE (DeskDeadlineNotifier, desk_deadline_notifier, DESK, DEADLINE_NOTIFIER, GObject)

/* While the application runs, checks every 60 s (and once at start) which
 * cases cross 24 h / 6 h / 1 h left and sends one GNotification each,
 * unless the GSettings key notify-deadlines is off. The notifications open
 * the case with "app.show-case" (int64 case id; DeskApplication has it).
 * DeskApplication holds one from startup to shutdown. */
DeskDeadlineNotifier *desk_deadline_notifier_new (GApplication *app,
                                                  DeskSession  *session);
/* Runs one check at @now (NULL: the current time); returns how many
 * notifications were sent. For tests; the timer calls it. */
guint desk_deadline_notifier_check (DeskDeadlineNotifier *self,
                                    GDateTime            *now);

/* At start-up: a toast ("3 cases are overdue", "Show") when cases are
 * overdue, or NULL; "Show" activates "win.show-case" with the most overdue
 * case. */
AdwToast *desk_deadline_notifier_overdue_toast (DeskSession *session);

G_END_DECLS
