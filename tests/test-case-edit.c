/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "desk-case-edit.h"
#include "desk-test-util.h"
#include "desk-util.h"

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

static gint64
insert_case (Fixture *f)
{
  g_autoptr (GDateTime) deadline = g_date_time_add_hours (f->t0, 72);
  g_autoptr (DeskCase) kase = desk_test_insert_case (f->store, &(DeskTestCase){ .platform = DESK_PLATFORM_SHOPEE, .type = DESK_CASE_TYPE_IP_COMPLAINT, .title = "Earbuds", .received_at = f->t0, .deadline_at = deadline });

  return desk_case_get_id (kase);
}

static guint
count_timeline (Fixture *f, gint64 id)
{
  g_autoptr (GPtrArray) entries = desk_store_list_timeline (f->store, id, NULL);

  return entries->len;
}

static void
test_edit_logs_changes (Fixture *f, gconstpointer data)
{
  gint64      id = insert_case (f);
  const char *products[] = { "A-1", "A-2", NULL };
  g_autoptr (GDateTime) later = g_date_time_add_hours (f->t0, 48);
  DeskCaseFacts facts = { "Earbuds TWS-X3", "SPC-9", NULL, products, NULL, later, FALSE };
  g_autoptr (DeskCase) edited = NULL;
  g_autoptr (DeskCase) stored = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  DeskTimelineEntry *last;
  guint              before = count_timeline (f, id);

  edited = desk_case_edit_facts (f->store, id, &facts, &error);
  g_assert_no_error (error);
  stored = desk_store_get_case (f->store, id, &error);
  g_assert_cmpstr (desk_case_get_title (stored), ==, "Earbuds TWS-X3");
  g_assert_cmpstr (desk_case_get_platform_case_id (stored), ==, "SPC-9");
  g_assert_cmpstr (desk_case_get_product_ids (stored)[1], ==, "A-2");
  g_assert_true (g_date_time_equal (desk_case_get_deadline_at (stored), later));
  entries = desk_store_list_timeline (f->store, id, NULL);
  g_assert_cmpuint (entries->len, ==, before + 1);
  last = entries->pdata[entries->len - 1];
  g_assert_cmpstr (last->kind, ==, "edited");
  g_assert_cmpstr (last->text, ==, "Case details corrected: title, case ID, products, deadline");

  /* The same facts again change nothing and log nothing. */
  g_clear_object (&edited);
  edited = desk_case_edit_facts (f->store, id, &facts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_timeline (f, id), ==, before + 1);
}

static void
test_edit_refuses_bad_facts (Fixture *f, gconstpointer data)
{
  gint64 id = insert_case (f);
  g_autoptr (GDateTime) early = g_date_time_add_hours (f->t0, -5);
  DeskCaseFacts blank = { "  ", NULL, NULL, NULL, NULL, NULL, FALSE };
  DeskCaseFacts backwards = { NULL, NULL, NULL, NULL, NULL, early, FALSE };
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) stored = NULL;

  g_assert_null (desk_case_edit_facts (f->store, id, &blank, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (desk_case_edit_facts (f->store, id, &backwards, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  stored = desk_store_get_case (f->store, id, NULL);
  g_assert_cmpstr (desk_case_get_title (stored), ==, "Earbuds");
}

static void
test_parse_local (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) t = desk_time_parse_local ("2026-03-10 16:05");
  g_autofree char *back = desk_time_format_local (t);

  g_assert_cmpstr (back, ==, "2026-03-10 16:05");
  g_assert_null (desk_time_parse_local ("2026-13-10 16:05"));
  g_assert_null (desk_time_parse_local ("10/03/2026"));
  g_assert_null (desk_time_parse_local ("2026-03-10 16:05 extra"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/case-edit/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("logs-changes", test_edit_logs_changes);
  ADD ("refuses-bad-facts", test_edit_refuses_bad_facts);
  ADD ("parse-local", test_parse_local);
  return g_test_run ();
}
