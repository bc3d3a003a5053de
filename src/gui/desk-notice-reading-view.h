/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-notice.h"

G_BEGIN_DECLS

#define DESK_TYPE_NOTICE_READING_VIEW (desk_notice_reading_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskNoticeReadingView, desk_notice_reading_view, DESK, NOTICE_READING_VIEW, AdwPreferencesGroup)

/* The same reading `appeal-desk-cli decode` prints: one row per field (its
 * role, its value, and the notice line it came from), then the stated
 * figures.  Used by the intake wizard. */
GtkWidget *desk_notice_reading_view_new (void);
/* Shows the fields and figures of @notice (NULL: nothing read yet). */
void desk_notice_reading_view_set_notice (DeskNoticeReadingView *self,
                                          DeskNotice            *notice);
/* Shows stored fields and figures (DeskNoticeField*, DeskNoticeFact*). */
void desk_notice_reading_view_set_reading (DeskNoticeReadingView *self,
                                           GPtrArray             *fields,
                                           GPtrArray             *facts);
/* Rows shown, not counting the "nothing read yet" row (for tests). */
guint desk_notice_reading_view_get_n_rows (DeskNoticeReadingView *self);

G_END_DECLS
