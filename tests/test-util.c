/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "desk-case.h"
#include "desk-util.h"

static void
test_ids_round_trip (void)
{
  for (DeskPlatform p = DESK_PLATFORM_ALIEXPRESS; p < DESK_N_BUILTIN_PLATFORMS; p++)
    g_assert_cmpint (desk_platform_from_id (desk_platform_to_id (p)), ==, p);
  for (DeskCaseType t = DESK_CASE_TYPE_LISTING_TAKEDOWN; t < DESK_N_CASE_TYPES; t++)
    g_assert_cmpint (desk_case_type_from_id (desk_case_type_to_id (t)), ==, t);
  g_assert_cmpstr (desk_platform_to_id (DESK_PLATFORM_TIKTOK_SHOP), ==, "tiktok-shop");
  g_assert_cmpstr (desk_case_type_to_id (DESK_CASE_TYPE_IP_COMPLAINT), ==, "ip-complaint");
  g_assert_cmpint (desk_platform_from_id ("ebay"), ==, DESK_PLATFORM_UNKNOWN);
  g_assert_cmpint (desk_platform_from_id (NULL), ==, DESK_PLATFORM_UNKNOWN);
  g_assert_cmpint (desk_case_status_from_id ("resolved"), ==, DESK_CASE_STATUS_RESOLVED);
}

static void
test_time_round_trip (void)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("+08:00");
  g_autoptr (GDateTime) local = g_date_time_new (tz, 2026, 11, 24, 18, 30, 0);
  g_autofree char *iso = desk_time_to_iso8601 (local);
  g_autoptr (GDateTime) back = desk_time_from_iso8601 (iso);

  g_assert_cmpstr (iso, ==, "2026-11-24T10:30:00Z");
  g_assert_true (g_date_time_equal (back, local));
  g_assert_null (desk_time_from_iso8601 ("not a date"));
  g_assert_null (desk_time_from_iso8601 (""));
  g_assert_null (desk_time_to_iso8601 (NULL));
}

static void
test_deadline_state (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 22, 12, 0, 0);
  g_autoptr (GDateTime) far = g_date_time_add_hours (now, 50);
  g_autoptr (GDateTime) soon = g_date_time_add_hours (now, 23);
  g_autoptr (GDateTime) past = g_date_time_add_minutes (now, -90);
  g_autofree char *far_text = desk_deadline_format_countdown (far, now);
  g_autofree char *soon_text = desk_deadline_format_countdown (soon, now);
  g_autofree char *past_text = desk_deadline_format_countdown (past, now);

  g_assert_cmpint (desk_deadline_get_state (NULL, now), ==, DESK_DEADLINE_NONE);
  g_assert_cmpint (desk_deadline_get_state (far, now), ==, DESK_DEADLINE_NORMAL);
  g_assert_cmpint (desk_deadline_get_state (soon, now), ==, DESK_DEADLINE_SOON);
  g_assert_cmpint (desk_deadline_get_state (past, now), ==, DESK_DEADLINE_OVERDUE);
  g_assert_cmpint (desk_deadline_get_state (now, now), ==, DESK_DEADLINE_OVERDUE);
  g_assert_cmpstr (far_text, ==, "2 d 2 h left");
  g_assert_cmpstr (soon_text, ==, "23 h 0 min left");
  g_assert_cmpstr (past_text, ==, "Overdue by 1 h 30 min");
}

/* The wizard (a deadline, no case yet) and a case agree on either side of
 * DESK_DEADLINE_SOON_HOURS. */
static void
test_deadline_one_rule (void)
{
  static const struct
  {
    int               minutes;
    DeskDeadlineState state;
  } rows[] = {
    { 23 * 60, DESK_DEADLINE_SOON },
    { DESK_DEADLINE_SOON_HOURS * 60 - 1, DESK_DEADLINE_SOON },
    { DESK_DEADLINE_SOON_HOURS * 60, DESK_DEADLINE_NORMAL },
    { 25 * 60, DESK_DEADLINE_NORMAL },
    { -1, DESK_DEADLINE_OVERDUE },
  };
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 11, 22, 12, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (GDateTime) deadline = g_date_time_add_minutes (now, rows[i].minutes);
      g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, "Baking mat");

      desk_case_set_deadline_at (kase, deadline);
      g_assert_cmpint (desk_deadline_get_state (deadline, now), ==, rows[i].state);
      g_assert_cmpint (desk_case_get_deadline_state (kase, now), ==, rows[i].state);
      g_assert_cmpint (desk_deadline_state_compute (DESK_CASE_STATUS_DRAFT, g_date_time_to_unix (deadline), g_date_time_to_unix (now)),
                       ==, rows[i].state);
    }
}

static void
test_fold (void)
{
  g_autofree char *a = desk_text_fold ("ＡＢＣ Trademark 商标");
  g_autofree char *b = desk_text_fold ("\xff\xfe broken");

  g_assert_cmpstr (a, ==, "abc trademark 商标");
  g_assert_true (g_utf8_validate (b, -1, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/util/ids", test_ids_round_trip);
  g_test_add_func ("/util/time", test_time_round_trip);
  g_test_add_func ("/util/deadline", test_deadline_state);
  g_test_add_func ("/util/deadline/one-rule", test_deadline_one_rule);
  g_test_add_func ("/util/fold", test_fold);
  return g_test_run ();
}
