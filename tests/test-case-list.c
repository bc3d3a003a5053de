/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "desk-case-list.h"
#include "desk-util.h"
#include "desk-test-util.h"

static DeskCase *
insert (DeskStore *store, const char *title, int deadline_hours)
{
  g_autoptr (GError) error = NULL;
  DeskCase *kase = desk_case_new (DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, title);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) deadline = g_date_time_add_hours (now, deadline_hours);

  desk_case_set_deadline_at (kase, deadline);
  g_assert_true (desk_store_insert_case (store, kase, &error));
  g_assert_no_error (error);
  return kase;
}

static const char *
title_at (GListModel *model, guint i)
{
  g_autoptr (DeskCase) kase = g_list_model_get_item (model, i);

  return desk_case_get_title (kase);
}

static void
test_follows_store (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskStore) store = desk_store_open (dir, &error);
  g_autoptr (DeskCaseList) list = desk_case_list_new (store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr (DeskCase) late = NULL;
  g_autoptr (DeskCase) early = NULL;
  g_autoptr (DeskCase) overdue = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
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

static guint
shown_with (DeskCaseList *list, const char *query)
{
  desk_case_list_set_query (list, query);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
on_items_changed (GListModel *model, guint pos, guint removed, guint added, int *balance)
{
  *balance += (int)added - (int)removed;
}

static void
test_query (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskStore) store = desk_store_open (dir, &error);
  g_autoptr (DeskCaseList) list = desk_case_list_new (store);
  g_autoptr (DeskCase) a = desk_case_new (DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, "蓝牙耳机 TWS-X3");
  g_autoptr (DeskCase) b = desk_case_new (DESK_PLATFORM_AMAZON, DESK_CASE_TYPE_ACCOUNT_HEALTH, "Counterfeit notice");
  g_autoptr (DeskCase) c = NULL;
  const char *products[] = { "22851349076", "B0CK9QXZ12", NULL };
  int         balance = 0;

  desk_case_set_product_ids (a, products);
  desk_case_set_platform_case_id (a, "SPC-2026-118842");
  desk_case_set_violation_code (b, "LI-03");
  g_assert_true (desk_store_insert_case (store, a, &error));
  g_assert_true (desk_store_insert_case (store, b, &error));
  g_assert_true (desk_case_list_reload (list, &error));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &balance);

  g_assert_cmpuint (shown_with (list, "tws-x3"), ==, 1);
  g_assert_cmpuint (shown_with (list, "TWS-X"), ==, 1);
  g_assert_cmpuint (shown_with (list, "蓝牙"), ==, 1);
  g_assert_cmpuint (shown_with (list, "spc-2026"), ==, 1);
  g_assert_cmpuint (shown_with (list, "b0ck9"), ==, 1); /* second product id */
  g_assert_cmpuint (shown_with (list, "li-03"), ==, 1);
  g_assert_cmpuint (shown_with (list, "amazon"), ==, 1);         /* platform id */
  g_assert_cmpuint (shown_with (list, "account health"), ==, 1); /* case type label */
  g_assert_cmpuint (shown_with (list, "o"), ==, 2);
  g_assert_cmpuint (shown_with (list, "oun"), ==, 1); /* narrowing from "o" */
  g_assert_cmpuint (shown_with (list, "nothing like this"), ==, 0);
  g_assert_cmpstr (desk_case_list_get_query (list), ==, "nothing like this");
  g_assert_cmpuint (desk_case_list_get_total (list), ==, 2);

  /* A case added while filtering shows only if it matches, at its place. */
  desk_case_list_set_query (list, "lamp");
  c = desk_case_new (DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_QUALIFICATION_MISSING, "LED desk lamp");
  g_assert_true (desk_store_insert_case (store, c, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (desk_case_list_find (list, desk_case_get_id (c)), ==, 0);
  g_assert_cmpint (desk_case_list_find (list, desk_case_get_id (a)), ==, -1);
  desk_case_set_title (c, "LED desk light");
  g_assert_true (desk_store_update_case (store, c, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (shown_with (list, ""), ==, 3);
  g_assert_null (desk_case_list_get_query (list));
  /* items-changed kept the model's size in step the whole time. */
  g_assert_cmpint (balance, ==, 3 - 2);
  g_clear_object (&list);
  g_assert_finalize_object (g_steal_pointer (&store));
  desk_test_remove_tree (dir);
}

/* The list keeps its order itself as cases change (compare_rows); it must
 * be the order the store's query gives (DESK_STORE_CASE_ORDER), which a
 * fresh list reads: statuses, missing deadlines and ties included. */
static void
test_kept_order_is_query_order (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskStore) store = desk_store_open (dir, &error);
  g_autoptr (DeskCaseList) kept = desk_case_list_new (store);
  g_autoptr (DeskCaseList) fresh = NULL;
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  g_assert_true (desk_case_list_reload (kept, &error));
  for (guint i = 0; i < 40; i++)
    {
      DeskCase *kase = desk_case_new (DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, "case");
      g_autoptr (GDateTime) deadline = g_date_time_add_hours (now, g_test_rand_int_range (-48, 96));

      /* Every fifth case without a deadline; some share one. */
      desk_case_set_deadline_at (kase, i % 5 == 0 ? NULL : i % 7 == 0 ? now
                                                                      : deadline);
      g_assert_true (desk_store_insert_case (store, kase, &error));
      g_ptr_array_add (cases, kase);
    }
  for (guint round = 0; round < 120; round++)
    {
      DeskCase *kase = cases->pdata[g_test_rand_int_range (0, cases->len)];
      g_autoptr (GDateTime) deadline = g_date_time_add_hours (now, g_test_rand_int_range (-48, 96));

      if (round % 2)
        desk_case_set_status (kase, g_test_rand_int_range (DESK_CASE_STATUS_DRAFT, DESK_CASE_STATUS_CLOSED + 1));
      else
        desk_case_set_deadline_at (kase, round % 6 == 0 ? NULL : deadline);
      g_assert_true (desk_store_update_case (store, kase, &error));
    }
  fresh = desk_case_list_new (store);
  g_assert_true (desk_case_list_reload (fresh, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kept)), ==, cases->len);
  for (guint i = 0; i < cases->len; i++)
    {
      g_autoptr (DeskCase) a = g_list_model_get_item (G_LIST_MODEL (kept), i);
      g_autoptr (DeskCase) b = g_list_model_get_item (G_LIST_MODEL (fresh), i);

      g_assert_cmpint (desk_case_get_id (a), ==, desk_case_get_id (b));
    }
  g_clear_object (&kept);
  g_clear_object (&fresh);
  g_clear_pointer (&cases, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&store));
  desk_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/case-list/follows-store", test_follows_store);
  g_test_add_func ("/case-list/query", test_query);
  g_test_add_func ("/case-list/kept-order-is-query-order", test_kept_order_is_query_order);
  return g_test_run ();
}
