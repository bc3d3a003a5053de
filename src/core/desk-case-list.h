/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_CASE_LIST (desk_case_list_get_type ())

G_DECLARE_FINAL_TYPE (DeskCaseList, desk_case_list, DESK, CASE_LIST, GObject)

/* A GListModel of DeskCase kept in step with the store's signals, in the
 * store's order (open cases by deadline first), filtered by a search query.
 *
 * Built for 100 000 cases: it keeps one compact row per case plus the
 * searchable text in one buffer, and makes the DeskCase objects (without
 * notice text) only when an item is asked for, which a GtkListView does for
 * the rows on screen. */
DeskCaseList *desk_case_list_new (DeskStore *store);
gboolean      desk_case_list_reload (DeskCaseList *self,
                                     GError      **error);
/* Shows only cases whose title, platform case ID, violation code, product IDs,
 * platform or case type contain @query (case-insensitive for Latin letters).
 * NULL or "" shows all. */
void        desk_case_list_set_query (DeskCaseList *self,
                                      const char   *query);
const char *desk_case_list_get_query (DeskCaseList *self);
/* Number of cases, ignoring the query. */
guint desk_case_list_get_total (DeskCaseList *self);
/* Position of the case with @id among the shown items, or -1. */
int desk_case_list_find (DeskCaseList *self,
                         gint64        id);
/* Counts of open cases (all, not just shown) overdue / due within 24 h. */
void desk_case_list_count_urgent (DeskCaseList *self,
                                  GDateTime    *now,
                                  guint        *n_overdue,
                                  guint        *n_soon);
/* The id of the most urgent overdue open case, or 0. */
gint64 desk_case_list_first_overdue (DeskCaseList *self,
                                     GDateTime    *now);

G_END_DECLS
