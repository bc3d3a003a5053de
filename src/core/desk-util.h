/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "desk-types.h"
#include "desk-enums.h"

G_BEGIN_DECLS

/* Stable ids: "aliexpress", "tiktok-shop" (platforms are data: see
 * desk-platform.h, implemented there), "ip-complaint" (GEnum nicks). */
const char  *desk_platform_to_id (DeskPlatform platform);
DeskPlatform desk_platform_from_id (const char *id);
/* For display, in the UI language, from the rule pack's "platform_label":
 * "AliExpress" / "速卖通". */
const char *desk_platform_get_label (DeskPlatform platform);

const char  *desk_case_type_to_id (DeskCaseType type);
DeskCaseType desk_case_type_from_id (const char *id);
const char  *desk_case_type_get_label (DeskCaseType type);
/* One translated line that explains the case type, with an example. */
const char *desk_case_type_get_blurb (DeskCaseType type);

const char    *desk_case_status_to_id (DeskCaseStatus status);
DeskCaseStatus desk_case_status_from_id (const char *id);
const char    *desk_case_status_get_label (DeskCaseStatus status);

/* Times: stored as UTC ISO 8601 "2026-11-22T07:05:00Z"; NULL stays NULL. */
char      *desk_time_to_iso8601 (GDateTime *time);
GDateTime *desk_time_from_iso8601 (const char *text);
/* Translated, local time, e.g. "2026-11-24 15:00". */
char *desk_time_format_local (GDateTime *time);
/* Where the message catalogs are: $APPEAL_DESK_LOCALEDIR, else LOCALEDIR when
 * the app is installed there, else the build tree's (an uninstalled binary
 * would otherwise print its own words in English next to Chinese rules). */
const char *desk_locale_dir (void);
/* "YYYY-MM-DD HH:MM" (or with "T") in local time, as desk_time_format_local()
 * writes it, to UTC; NULL when invalid. */
GDateTime *desk_time_parse_local (const char *text);
/* Local time for a sentence: "2 Dec 20:02" (zh: "12月2日 20:02"); "—" for NULL. */
char *desk_time_format_short (GDateTime *time);

/* The state of a deadline not yet met relative to @now, by the one rule,
 * desk_deadline_state_compute() (DESK_DEADLINE_SOON_HOURS for SOON). */
DeskDeadlineState desk_deadline_get_state (GDateTime *deadline,
                                           GDateTime *now);
/* Translated countdown: "2 days 5 h left", "3 h 10 min left", "Overdue by 2 h". */
char *desk_deadline_format_countdown (GDateTime *deadline,
                                      GDateTime *now);

/* Case-folded, NFKC-normalised copy for search matching. */
char *desk_text_fold (const char *text);

G_END_DECLS
