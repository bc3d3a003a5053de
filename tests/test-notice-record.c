/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "desk-case.h"
#include "desk-notice.h"
#include "desk-test-util.h"
#include "notice/desk-notice-record.h"

/* What the notice reader read is kept with the case: roles, sources and
 * stated figures survive a reopen of the store; deleting the case removes them. */

static const char notice_text[] = "【速卖通】营销活动通知\n"
                                  "活动ID：FD-20261118-5520\n"
                                  "退出原因：近7天物流异常率为26.4%，超过平台阈值20%\n"
                                  "跟卖卖家 Seller ID：2210984471\n"
                                  "涉及商品：1005007412345678\n";

static gint64
insert_case (DeskStore *store)
{
  g_autoptr (DeskCase) kase = desk_test_insert_case (store, &(DeskTestCase){ .platform = DESK_PLATFORM_ALIEXPRESS, .type = DESK_CASE_TYPE_ACTIVITY_EXIT, .title = "x", .notice_text = notice_text });

  return desk_case_get_id (kase);
}

static void
test_round_trip (DeskStoreFixture *f,
                 gconstpointer     data)
{
  g_autoptr (DeskNotice) notice = desk_notice_decode (notice_text, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) fields = NULL;
  g_autoptr (GPtrArray) facts = NULL;
  g_autoptr (DeskStore) reopened = NULL;
  gint64          id = insert_case (f->store);
  DeskNoticeFact *fact;
  gboolean        seen_counterparty = FALSE;

  g_assert_true (desk_store_save_notice_reading (f->store, id, desk_notice_get_fields (notice),
                                                 desk_notice_get_facts (notice), &error));
  g_assert_no_error (error);
  /* Saving again replaces, never duplicates. */
  g_assert_true (desk_store_save_notice_reading (f->store, id, desk_notice_get_fields (notice),
                                                 desk_notice_get_facts (notice), &error));
  reopened = desk_store_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_true (desk_store_load_notice_reading (reopened, id, &fields, &facts, &error));
  g_assert_cmpuint (fields->len, ==, desk_notice_get_fields (notice)->len);
  for (guint i = 0; i < fields->len; i++)
    {
      DeskNoticeField *a = g_ptr_array_index (fields, i);
      DeskNoticeField *b = g_ptr_array_index (desk_notice_get_fields (notice), i);

      g_assert_cmpint (a->role, ==, b->role);
      g_assert_cmpstr (a->value, ==, b->value);
      g_assert_cmpstr (a->source, ==, b->source);
      g_assert_cmpuint (a->line, ==, b->line);
      if (a->role == DESK_NOTICE_ROLE_COUNTERPARTY_SELLER)
        {
          g_assert_cmpstr (a->value, ==, "2210984471");
          seen_counterparty = TRUE;
        }
    }
  g_assert_true (seen_counterparty);
  g_assert_cmpuint (facts->len, ==, 1);
  fact = g_ptr_array_index (facts, 0);
  g_assert_cmpfloat_with_epsilon (fact->value, 26.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (fact->reference, 20, 1e-9);
  g_assert_cmpint (fact->reference_kind, ==, DESK_NOTICE_FIGURE_THRESHOLD);
  g_assert_cmpstr (fact->unit, ==, "%");
  g_assert_cmpstr (fact->source, ==, "退出原因：近7天物流异常率为26.4%，超过平台阈值20%");
  g_clear_object (&reopened);
}

static void
test_delete_cascades (DeskStoreFixture *f,
                      gconstpointer     data)
{
  g_autoptr (DeskNotice) notice = desk_notice_decode (notice_text, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) fields = NULL;
  g_autoptr (GPtrArray) facts = NULL;
  gint64 id = insert_case (f->store);

  g_assert_true (desk_store_save_notice_reading (f->store, id, desk_notice_get_fields (notice),
                                                 desk_notice_get_facts (notice), &error));
  g_assert_true (desk_store_delete_case (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_true (desk_store_load_notice_reading (f->store, id, &fields, &facts, &error));
  g_assert_cmpuint (fields->len, ==, 0);
  g_assert_cmpuint (facts->len, ==, 0);
}

/* A fact without a reference keeps "no reference", not 0. */
static void
test_no_reference (DeskStoreFixture *f,
                   gconstpointer     data)
{
  g_autoptr (GPtrArray) in = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_notice_fact_free);
  g_autoptr (GPtrArray) out = NULL;
  g_autoptr (GError) error = NULL;
  DeskNoticeFact *fact = desk_notice_fact_new ();
  gint64          id = insert_case (f->store);

  fact->value = 1.8, fact->value_kind = DESK_NOTICE_FIGURE_ACTUAL;
  g_ptr_array_add (in, fact);
  g_assert_true (desk_store_save_notice_reading (f->store, id, NULL, in, &error));
  g_assert_true (desk_store_load_notice_reading (f->store, id, NULL, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (((DeskNoticeFact *)out->pdata[0])->reference_kind, ==, DESK_NOTICE_FIGURE_NONE);
  g_assert_true (isnan (((DeskNoticeFact *)out->pdata[0])->reference));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("APPEAL_DESK_DATA_DIR", "/nonexistent/appeal-desk-test-data", TRUE);
  g_test_add ("/notice-record/round-trip", DeskStoreFixture, NULL, desk_store_fixture_setup, test_round_trip,
              desk_store_fixture_teardown);
  g_test_add ("/notice-record/delete-cascades", DeskStoreFixture, NULL, desk_store_fixture_setup,
              test_delete_cascades, desk_store_fixture_teardown);
  g_test_add ("/notice-record/no-reference", DeskStoreFixture, NULL, desk_store_fixture_setup, test_no_reference,
              desk_store_fixture_teardown);
  return g_test_run ();
}
