/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-attempts.h"
#include "desk-checklist.h"
#include "desk-test-util.h"

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

static DeskCase *
insert_case (Fixture *f, DeskPlatform platform, DeskCaseType type)
{
  const char *products[] = { "P1", "P2", NULL };

  return desk_test_insert_case (f->store, &(DeskTestCase){ .platform = platform, .type = type, .product_ids = products, .platform_case_id = "CASE-1" });
}

static DeskRulePack *
pack (Fixture *f, DeskPlatform platform)
{
  return desk_rule_registry_get_pack (desk_session_get_rules (f->session), platform);
}

static void
record (Fixture *f, DeskCase *kase, const char *product, gboolean report, GDateTime *at)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (desk_attempts_record (f->store, kase, product, report, at, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static DeskGuardVerdict *
check (Fixture *f, DeskCase *kase, const char *product, gboolean report, GDateTime *now)
{
  g_autoptr (GError) error = NULL;
  DeskGuardVerdict *verdict = desk_attempts_check (f->store, pack (f, desk_case_get_platform (kase)),
                                                   kase, product, report, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (verdict);
  return verdict;
}

static GDateTime *
at_hours (Fixture *f, double hours)
{
  return g_date_time_add_seconds (f->t0, hours * 3600);
}

static void
test_record_and_list (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (GDateTime) later = at_hours (f, 5);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) timeline = NULL;
  g_autoptr (GError) error = NULL;
  DeskAttemptRecord *r;

  record (f, kase, "P2", TRUE, later);
  g_assert_cmpint (desk_attempts_record (f->store, kase, NULL, FALSE, f->t0, "first", &error), >, 0);
  list = desk_attempts_list (f->store, desk_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  r = list->pdata[0]; /* oldest first */
  g_assert_cmpstr (r->product_id, ==, "");
  g_assert_cmpstr (r->note, ==, "first");
  g_assert_cmpstr (r->platform_case_id, ==, "CASE-1");
  g_assert_true (g_date_time_equal (r->attempted_at, f->t0));
  r = list->pdata[1];
  g_assert_cmpstr (r->product_id, ==, "P2");
  g_assert_true (r->has_test_report);
  timeline = desk_store_list_timeline (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpuint (timeline->len, ==, 3); /* created + two appeals */
  g_assert_cmpstr (((DeskTimelineEntry *)timeline->pdata[1])->kind, ==, "submitted");

  g_assert_true (desk_attempts_delete (f->store, r->id, &error));
  g_assert_false (desk_attempts_delete (f->store, r->id, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

/* AliExpress: more than 3 appeals on one issue are flagged as malicious. */
static void
test_aliexpress_max (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_LISTING_TAKEDOWN);
  g_autoptr (GDateTime) now = at_hours (f, 500);
  g_autoptr (DeskGuardVerdict) v1 = NULL;
  g_autoptr (DeskGuardVerdict) v3 = NULL;
  g_autoptr (DeskGuardVerdict) v4 = NULL;

  v1 = check (f, kase, "P1", FALSE, now);
  g_assert_cmpint (desk_guard_verdict_get_level (v1), ==, DESK_GUARD_LEVEL_OK);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (GDateTime) at = at_hours (f, i * 24);

      record (f, kase, i ? "P2" : "P1", FALSE, at);
    }
  /* Appeal 3 of 3: allowed, with a note. */
  v3 = check (f, kase, "P1", FALSE, now);
  g_assert_cmpint (desk_guard_verdict_get_level (v3), ==, DESK_GUARD_LEVEL_INFO);
  g_assert_cmpint (desk_guard_verdict_find (v3, DESK_GUARD_RULE_MAX_ATTEMPTS), >=, 0);
  record (f, kase, "P1", FALSE, now);
  /* Appeal 4: punished, and the message cites the pack. */
  v4 = check (f, kase, "P2", FALSE, now);
  g_assert_cmpint (desk_guard_verdict_get_level (v4), ==, DESK_GUARD_LEVEL_STOP);
  g_assert_cmpstr (desk_guard_verdict_get_finding_rule (v4, 0), ==, DESK_GUARD_RULE_MAX_ATTEMPTS);
  g_assert_nonnull (strstr (desk_guard_verdict_get_message (v4), "Source: “AliExpress product takedown handling service"));
  g_assert_null (strstr (desk_guard_verdict_get_message (v4), "seed"));
}

/* Joom: one appeal per product every 72 h. */
static void
test_joom_cooldown (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (GDateTime) just_before = at_hours (f, 72 - 1.0 / 60);
  g_autoptr (GDateTime) exactly = at_hours (f, 72);
  g_autoptr (DeskGuardVerdict) same = NULL;
  g_autoptr (DeskGuardVerdict) other = NULL;
  g_autoptr (DeskGuardVerdict) after = NULL;

  record (f, kase, "P1", FALSE, f->t0);
  same = check (f, kase, "P1", FALSE, just_before);
  g_assert_cmpint (desk_guard_verdict_get_level (same), ==, DESK_GUARD_LEVEL_STOP);
  g_assert_cmpint (desk_guard_verdict_find (same, DESK_GUARD_RULE_PRODUCT_COOLDOWN), >=, 0);
  g_assert_nonnull (strstr (desk_guard_verdict_get_message (same), "Joom reseller complaint consultant"));
  /* Another product of the same case is fine. */
  other = check (f, kase, "P2", FALSE, just_before);
  g_assert_cmpint (desk_guard_verdict_find (other, DESK_GUARD_RULE_PRODUCT_COOLDOWN), ==, -1);
  /* At 72 h the product may be appealed again. */
  after = check (f, kase, "P1", FALSE, exactly);
  g_assert_cmpint (desk_guard_verdict_find (after, DESK_GUARD_RULE_PRODUCT_COOLDOWN), ==, -1);
}

/* Shopee: a second appeal only within 15 days, and with a test report. */
static void
test_shopee_second_appeal (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (GDateTime) day15 = at_hours (f, 15 * 24);
  g_autoptr (GDateTime) day15_plus = at_hours (f, 15 * 24 + 1.0 / 60);
  g_autoptr (DeskGuardVerdict) first = NULL;
  g_autoptr (DeskGuardVerdict) no_report = NULL;
  g_autoptr (DeskGuardVerdict) with_report = NULL;
  g_autoptr (DeskGuardVerdict) late = NULL;

  first = check (f, kase, "P1", FALSE, f->t0);
  g_assert_cmpint (desk_guard_verdict_get_level (first), ==, DESK_GUARD_LEVEL_OK);
  record (f, kase, "P1", FALSE, f->t0);

  no_report = check (f, kase, "P1", FALSE, day15);
  g_assert_cmpint (desk_guard_verdict_get_level (no_report), ==, DESK_GUARD_LEVEL_STOP);
  g_assert_cmpint (desk_guard_verdict_find (no_report, DESK_GUARD_RULE_SECOND_APPEAL_REQUIREMENT), >=, 0);
  g_assert_cmpint (desk_guard_verdict_find (no_report, DESK_GUARD_RULE_SECOND_APPEAL_WINDOW), ==, -1);

  with_report = check (f, kase, "P1", TRUE, day15);
  g_assert_cmpint (desk_guard_verdict_get_level (with_report), <, DESK_GUARD_LEVEL_WARN);

  late = check (f, kase, "P1", TRUE, day15_plus);
  g_assert_cmpint (desk_guard_verdict_get_level (late), ==, DESK_GUARD_LEVEL_STOP);
  g_assert_cmpint (desk_guard_verdict_find (late, DESK_GUARD_RULE_SECOND_APPEAL_WINDOW), >=, 0);
  g_assert_nonnull (strstr (desk_guard_verdict_get_message (late), "Shopee store complaints"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("TZ", "UTC", TRUE);

#define ADD(path, fn) g_test_add ("/attempts/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("record-and-list", test_record_and_list);
  ADD ("aliexpress-max-attempts", test_aliexpress_max);
  ADD ("joom-product-cooldown", test_joom_cooldown);
  ADD ("shopee-second-appeal", test_shopee_second_appeal);
#undef ADD
  return g_test_run ();
}
