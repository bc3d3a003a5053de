/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "desk-case.h"
#include "desk-closure.h"

G_BEGIN_DECLS

#define DESK_TYPE_CASE_ROW (desk_case_row_get_type ())

G_DECLARE_FINAL_TYPE (DeskCaseRow, desk_case_row, DESK, CASE_ROW, GtkWidget)

DeskCaseRow *desk_case_row_new (void);
void         desk_case_row_set_case (DeskCaseRow *self,
                                     DeskCase    *kase);

/* The case's next open follow-up action (NULL hides it), shown under the
 * title with its due date; overdue ones are marked. */
void   desk_case_row_set_follow_up (DeskCaseRow        *self,
                                    const DeskFollowUp *follow_up);
gint64 desk_case_row_get_case_id (DeskCaseRow *self);

/* Applies the countdown text and its warning/error style to @label. */
void desk_countdown_label_update (GtkLabel *label,
                                  DeskCase *kase);

G_END_DECLS
