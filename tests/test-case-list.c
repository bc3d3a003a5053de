/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "desk-case-list.h"
#include "desk-util.h"
#include "desk-test-util.h"

static DeskCase *
insert (DeskStore *store, const char *title, int deadline_hours)
{
  g_autoptr(GError) error = NULL;
  DeskCase *kase = desk_case_new (DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, title);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) deadline = g_date_time_add_hours (now, deadline_hours);

  desk_case_set_deadline_at (kase, deadline);
  g_assert_true (desk_store_insert_case (store, kase, &error));
  g_assert_no_error (error);
  return kase;
}

static const char *
title_at (GListModel *model, guint i)
{
  g_autoptr(DeskCase) kase = g_list_model_get_item (model, i);

  return desk_case_get_title (kase);
}

static void
test_follows_store (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (dir, &error);
  g_autoptr(DeskCaseList) list = desk_case_list_new (store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(DeskCase) late = NULL;
  g_autoptr(DeskCase) early = NULL;
  g_autoptr(DeskCase) overdue = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n_overdue, n_soon;

  g_assert_true (desk_case_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (g_list_model_get_item_type (model) == DESK_TYPE_CASE);
  late = insert (store, "late", 70);
  early = insert (store, "early", 10);
  overdue = insert (store, "overdue", -3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (title_at (model, 0), ==, "overdue");
  g_assert_cmpstr (title_at (model, 1), ==, "early");
  g_assert_cmpstr (title_at (model, 2), ==, "late");
  desk_case_list_count_urgent (list, now, &n_overdue, &n_soon);
  g_assert_cmpuint (n_overdue, ==, 1);
  g_assert_cmpuint (n_soon, ==, 1);

  /* A resolved case moves below the open ones. */
  desk_case_set_status (overdue, DESK_CASE_STATUS_RESOLVED);
  g_assert_true (desk_store_update_case (store, overdue, &error));
  g_assert_cmpstr (title_at (model, 2), ==, "overdue");
  g_assert_true (desk_store_delete_case (store, desk_case_get_id (early), &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (desk_case_list_find (list, desk_case_get_id (early)), ==, -1);

  /* The in-memory order equals the store's after a reload. */
  g_assert_true (desk_case_list_reload (list, &error));
  g_assert_cmpstr (title_at (model, 0), ==, "late");
  g_assert_cmpstr (title_at (model, 1), ==, "overdue");
  g_clear_object (&list);
  g_assert_finalize_object (g_steal_pointer (&store));
  desk_test_remove_tree (dir);
}

static void
test_matches (void)
{
  g_autoptr(DeskCase) kase = desk_case_new (DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, "蓝牙耳机 TWS-X3");
  const char *products[] = { "22851349076", NULL };
  g_autofree char *q1 = desk_text_fold ("tws-x3");
  g_autofree char *q2 = desk_text_fold ("蓝牙");
  g_autofree char *q3 = desk_text_fold ("SPC-2026");
  g_autofree char *q4 = desk_text_fold ("shopee");

  desk_case_set_product_ids (kase, products);
  g_assert_true (desk_case_matches (kase, q1));
  g_assert_true (desk_case_matches (kase, q2));
  g_assert_false (desk_case_matches (kase, q3));
  desk_case_set_platform_case_id (kase, "SPC-2026-118842");
  g_assert_true (desk_case_matches (kase, q3));
  g_assert_true (desk_case_matches (kase, q4));
  g_assert_true (desk_case_matches (kase, "2285134"));
  g_assert_true (desk_case_matches (kase, ""));
  g_assert_false (desk_case_matches (kase, "amazon"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/case-list/follows-store", test_follows_store);
  g_test_add_func ("/case-list/matches", test_matches);
  return g_test_run ();
}
