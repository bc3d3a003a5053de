/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_CASE_LIST (desk_case_list_get_type ())

G_DECLARE_FINAL_TYPE (DeskCaseList, desk_case_list, DESK, CASE_LIST, GObject)

/* A GListModel of DeskCase kept in step with the store's signals, in the
 * store's order (open cases by deadline first). */
DeskCaseList *desk_case_list_new     (DeskStore     *store);
gboolean      desk_case_list_reload  (DeskCaseList  *self,
                                      GError       **error);
/* Position of the case with @id, or -1. */
int           desk_case_list_find    (DeskCaseList  *self,
                                      gint64         id);
/* Counts of open cases that are overdue / due within 24 h at @now. */
void          desk_case_list_count_urgent (DeskCaseList *self,
                                           GDateTime    *now,
                                           guint        *n_overdue,
                                           guint        *n_soon);

G_END_DECLS
