/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-notice.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* What the notice reader read for a case: the fields with their roles and
 * source lines, and the stated figures.  Replaces what was kept before, in
 * one transaction (nested inside the caller's if there is one). */
gboolean desk_store_save_notice_reading (DeskStore *store,
                                         gint64     case_id,
                                         GPtrArray *fields,
                                         GPtrArray *facts,
                                         GError   **error);
/* @fields and @facts (out, optional) get new arrays of DeskNoticeField* and
 * DeskNoticeFact*, empty for a case created without a notice. */
gboolean desk_store_load_notice_reading (DeskStore  *store,
                                         gint64      case_id,
                                         GPtrArray **fields,
                                         GPtrArray **facts,
                                         GError    **error);

G_END_DECLS
