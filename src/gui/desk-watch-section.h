/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_WATCH_SECTION (desk_watch_section_get_type ())

G_DECLARE_FINAL_TYPE (DeskWatchSection, desk_watch_section, DESK, WATCH_SECTION, AdwBin)

/* Case-page section: the resellers' listings of a case (shown for reseller
 * cases, and for any case that watches some), "Check Now" with progress and
 * cancel, a periodic check while the case is shown, and "Keep as Evidence"
 * for a listing that is gone. */
DeskWatchSection *desk_watch_section_new (void);
void              desk_watch_section_set_case (DeskWatchSection *self,
                                               DeskSession      *session,
                                               gint64            case_id);
/* Starts a check as the button does; FALSE when one is running. */
gboolean desk_watch_section_check (DeskWatchSection *self);
gboolean desk_watch_section_get_busy (DeskWatchSection *self);
/* For tests: where the listings are fetched through (NULL: the system's proxy). */
void desk_watch_section_set_proxy (DeskWatchSection *self,
                                   GProxyResolver   *proxy);

G_END_DECLS
