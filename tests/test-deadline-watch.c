/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-deadline-watch.h"
#include "desk-test-util.h"

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

static GDateTime *
at_minutes (GDateTime *t0, int minutes)
{
  return g_date_time_add_minutes (t0, minutes);
}

/* A draft case whose deadline is t0 + @hours. */
static gint64
insert_case (Fixture *f, const char *title, double hours, DeskCaseStatus status)
{
  g_autoptr (GDateTime) deadline = g_date_time_add_seconds (f->t0, hours * 3600);
  g_autoptr (DeskCase) kase = desk_test_insert_case (f->store, &(DeskTestCase){ .platform = DESK_PLATFORM_SHOPEE, .type = DESK_CASE_TYPE_IP_COMPLAINT, .title = title, .deadline_at = deadline, .status = status });

  return desk_case_get_id (kase);
}

static void
test_threshold_for (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 3, 10, 8, 0, 0);
  struct
  {
    int minutes;
    int expected;
  } cases[] = {
    { 24 * 60 + 1, 0 },
    { 24 * 60, 24 },
    { 6 * 60 + 1, 24 },
    { 6 * 60, 6 },
    { 61, 6 },
    { 60, 1 },
    { 1, 1 },
    { 0, 0 },
    { -30, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) deadline = at_minutes (now, cases[i].minutes);

      g_assert_cmpint (desk_deadline_watch_threshold_for (deadline, now), ==, cases[i].expected);
    }
  g_assert_cmpint (desk_deadline_watch_threshold_for (NULL, now), ==, 0);
}

static int
due_for (Fixture *f, gint64 id, GDateTime *now)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) due = desk_deadline_watch_due (f->store, now, &error);
  int found = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < due->len; i++)
    if (g_array_index (due, DeskDeadlineAlert, i).case_id == id)
      {
        g_assert_cmpint (found, ==, 0); /* one alert per case */
        found = g_array_index (due, DeskDeadlineAlert, i).threshold_hours;
      }
  return found;
}

static void
mark (Fixture *f, gint64 id, int hours)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (desk_deadline_watch_mark_notified (f->store, id, hours, &error));
  g_assert_no_error (error);
}

/* Walk one case from 30 h left to 10 min left, notifying what is due. */
static void
test_fires_once_each (Fixture *f, gconstpointer data)
{
  gint64 id = insert_case (f, "Earbuds", 30, DESK_CASE_STATUS_DRAFT);
  int    steps[] = { 0, 6 * 60, 6 * 60 + 30, 24 * 60, 25 * 60, 29 * 60, 29 * 60 + 50 };
  int    expected[] = { 0, 24, 0, 6, 0, 1, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr (GDateTime) now = at_minutes (f->t0, steps[i]);
      int due = due_for (f, id, now);

      g_assert_cmpint (due, ==, expected[i]);
      if (due)
        mark (f, id, due);
      g_assert_cmpint (due_for (f, id, now), ==, 0);
    }
}

/* Starting the app with 5 h left sends the 6 h alert, never the 24 h one. */
static void
test_skips_larger_thresholds (Fixture *f, gconstpointer data)
{
  gint64 id = insert_case (f, "Lamp", 5, DESK_CASE_STATUS_DRAFT);
  g_autoptr (GDateTime) later = at_minutes (f->t0, 60);

  g_assert_cmpint (due_for (f, id, f->t0), ==, 6);
  mark (f, id, 6);
  g_assert_cmpint (due_for (f, id, later), ==, 0);
}

static void
test_only_open_drafts (Fixture *f, gconstpointer data)
{
  gint64 submitted = insert_case (f, "Submitted", 2, DESK_CASE_STATUS_SUBMITTED);
  gint64 resolved = insert_case (f, "Resolved", 2, DESK_CASE_STATUS_RESOLVED);
  gint64 draft = insert_case (f, "Draft", 2, DESK_CASE_STATUS_DRAFT);

  g_assert_cmpint (due_for (f, submitted, f->t0), ==, 0);
  g_assert_cmpint (due_for (f, resolved, f->t0), ==, 0);
  g_assert_cmpint (due_for (f, draft, f->t0), ==, 6);
}

static void
test_deadline_moved (Fixture *f, gconstpointer data)
{
  gint64 id = insert_case (f, "Mat", 3, DESK_CASE_STATUS_DRAFT);
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (GDateTime) extended = g_date_time_add_hours (f->t0, 48);
  g_autoptr (GDateTime) later = g_date_time_add_hours (f->t0, 25);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (due_for (f, id, f->t0), ==, 6);
  mark (f, id, 6);
  kase = desk_store_get_case (f->store, id, &error);
  desk_case_set_deadline_at (kase, extended);
  g_assert_true (desk_store_update_case (f->store, kase, &error));
  /* Still marked until the stale marks are forgotten. */
  g_assert_cmpint (due_for (f, id, later), ==, 0);
  g_assert_true (desk_deadline_watch_forget_stale (f->store, f->t0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (due_for (f, id, later), ==, 24);
}

static void
test_overdue (Fixture *f, gconstpointer data)
{
  gint64 late = insert_case (f, "Late", -2, DESK_CASE_STATUS_DRAFT);
  gint64 later = insert_case (f, "Very late", -30, DESK_CASE_STATUS_DRAFT);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;

  insert_case (f, "Fine", 2, DESK_CASE_STATUS_DRAFT);
  insert_case (f, "Closed", -10, DESK_CASE_STATUS_CLOSED);
  insert_case (f, "Submitted late", -10, DESK_CASE_STATUS_SUBMITTED);
  ids = desk_deadline_watch_overdue (f->store, f->t0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, later); /* most overdue first */
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, late);
  g_assert_cmpint (due_for (f, late, f->t0), ==, 0);
}

static void
test_text (Fixture *f, gconstpointer data)
{
  gint64 id = insert_case (f, "Earbuds", 5.5, DESK_CASE_STATUS_DRAFT);
  g_autoptr (DeskCase) kase = desk_store_get_case (f->store, id, NULL);
  g_autofree char *title = desk_deadline_watch_format_title (kase, 6);
  g_autofree char *body = desk_deadline_watch_format_body (kase, f->t0);

  g_assert_cmpstr (title, ==, "Less than 6 hours left: Earbuds");
  g_assert_true (g_str_has_prefix (body, "Shopee · "));
  g_assert_nonnull (strstr (body, "5 h 30 min"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add_func ("/deadline-watch/threshold-for", test_threshold_for);
#define ADD(path, fn) g_test_add ("/deadline-watch/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("fires-once-each", test_fires_once_each);
  ADD ("skips-larger-thresholds", test_skips_larger_thresholds);
  ADD ("only-open-drafts", test_only_open_drafts);
  ADD ("deadline-moved", test_deadline_moved);
  ADD ("overdue", test_overdue);
  ADD ("text", test_text);
#undef ADD
  return g_test_run ();
}
