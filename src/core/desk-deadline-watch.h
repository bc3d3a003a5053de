/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-case.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* Which open cases should raise a "deadline soon" alert, and which are
 * overdue. Alerts fire when a case has at most 24 h, 6 h or 1 h left; each
 * threshold fires once per case (recorded in notifications_sent). Only cases
 * whose deadline is still the seller's to meet count (drafts: see
 * desk_case_get_deadline_state()). No GTK here: the GUI sends the
 * notifications. */

/* Thresholds in hours, largest first. */
#define DESK_DEADLINE_WATCH_N_THRESHOLDS 3
extern const int desk_deadline_watch_thresholds[DESK_DEADLINE_WATCH_N_THRESHOLDS];

typedef struct
{
  gint64 case_id;
  int    threshold_hours; /* 24, 6 or 1 */
} DeskDeadlineAlert;

/* Pure: the smallest threshold (1, 6 or 24) that @deadline is within at
 * @now, or 0 when more than 24 h are left or it has passed. */
int desk_deadline_watch_threshold_for (GDateTime *deadline,
                                       GDateTime *now);

/* Pure: the alerts due for @cases (DeskCase*) at @now, given the thresholds
 * already notified (@sent: gint64* case id → GINT_TO_POINTER (the smallest
 * threshold notified), g_int64_hash; may be NULL). One alert per case at
 * most: the smallest threshold crossed and not yet notified. */
GArray *desk_deadline_watch_compute (GPtrArray  *cases,
                                     GHashTable *sent,
                                     GDateTime  *now);
/* Pure: ids (gint64) of @cases overdue at @now, most overdue first. */
GArray *desk_deadline_watch_compute_overdue (GPtrArray *cases,
                                             GDateTime *now);

/* The same over the store. Arrays of DeskDeadlineAlert / gint64. */
GArray *desk_deadline_watch_due (DeskStore *store,
                                 GDateTime *now,
                                 GError   **error);
GArray *desk_deadline_watch_overdue (DeskStore *store,
                                     GDateTime *now,
                                     GError   **error);

/* Records that @threshold_hours (and the larger thresholds, which are moot
 * now) were notified for @case_id. */
gboolean desk_deadline_watch_mark_notified (DeskStore *store,
                                            gint64     case_id,
                                            int        threshold_hours,
                                            GError   **error);
/* Forgets notifications that no longer hold because a deadline moved later
 * (more time left than the threshold), so they can fire again. */
gboolean desk_deadline_watch_forget_stale (DeskStore *store,
                                           GDateTime *now,
                                           GError   **error);

/* Translated alert text for a case: title "Less than 6 hours left: <case title>",
 * body "<Platform> · <case type> — 5 h 40 min left". */
char *desk_deadline_watch_format_title (DeskCase *kase,
                                        int       threshold_hours);
char *desk_deadline_watch_format_body (DeskCase  *kase,
                                       GDateTime *now);

G_END_DECLS
