/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "desk-attempt-guard.h"

/* The guard against the built-in packs (AliExpress 3 appeals per issue, Joom
 * one appeal per product per 72 h, Shopee second appeal within 15 days with a
 * test report) at their boundaries, and against a custom pack to show the
 * limits come from data. */

static DeskRulePack *
builtin (DeskPlatform platform)
{
  g_autoptr (GError) error = NULL;
  DeskRulePack *pack = desk_rule_pack_load_builtin (platform, &error);

  g_assert_no_error (error);
  return pack;
}

static GDateTime *
t0 (void)
{
  return g_date_time_new_utc (2026, 3, 12, 8, 0, 0);
}

/* t0 + @seconds */
static GDateTime *
at (gint64 seconds)
{
  g_autoptr (GDateTime) start = t0 ();

  return g_date_time_add_seconds (start, (double)seconds);
}

#define HOUR ((gint64)3600)
#define DAY  (24 * HOUR)

static GPtrArray *
attempts_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)desk_appeal_attempt_free);
}

static void
add_attempt (GPtrArray  *attempts,
             const char *product,
             gint64      seconds,
             const char *case_id,
             gboolean    report)
{
  g_autoptr (GDateTime) when = at (seconds);

  g_ptr_array_add (attempts, desk_appeal_attempt_new (product, when, case_id, report));
}

static DeskGuardVerdict *
check (DeskRulePack *pack,
       DeskCaseType  type,
       GPtrArray    *attempts,
       const char   *product,
       gint64        seconds,
       gboolean      report,
       GDateTime    *rejection)
{
  g_autoptr (GDateTime) when = at (seconds);
  g_autoptr (DeskAppealAttempt) planned = desk_appeal_attempt_new (product, when, NULL, report);

  return desk_attempt_guard_check (pack, type, attempts, planned, rejection);
}

static void
assert_contains (const char *text,
                 const char *fragment)
{
  if (text == NULL || strstr (text, fragment) == NULL)
    g_error ("“%s” not found in: %s", fragment, text);
}

static void
assert_ok (DeskGuardVerdict *verdict)
{
  g_assert_cmpint (desk_guard_verdict_get_level (verdict), ==, DESK_GUARD_LEVEL_OK);
  g_assert_cmpuint (desk_guard_verdict_get_n_findings (verdict), ==, 0);
  g_assert_cmpstr (desk_guard_verdict_get_message (verdict), ==, "");
}

/* AliExpress: more than 3 appeals on one issue are flagged as malicious. */

static void
test_aliexpress_attempts (void)
{
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_ALIEXPRESS);
  g_autoptr (GPtrArray) attempts = attempts_new ();

  for (guint prior = 0; prior <= 4; prior++)
    {
      g_autoptr (DeskGuardVerdict) verdict = check (pack, DESK_CASE_TYPE_IP_COMPLAINT, attempts, "1005001", (prior + 1) * DAY, FALSE, NULL);
      const char *message;

      if (prior < 2)
        assert_ok (verdict);
      else if (prior == 2)
        {
          /* The 3rd appeal is allowed, but it is the last one. */
          g_assert_cmpint (desk_guard_verdict_get_level (verdict), ==, DESK_GUARD_LEVEL_INFO);
          g_assert_cmpstr (desk_guard_verdict_get_finding_rule (verdict, 0), ==, DESK_GUARD_RULE_MAX_ATTEMPTS);
          assert_contains (desk_guard_verdict_get_message (verdict), "This is appeal 3 of the 3 that AliExpress accepts");
        }
      else
        {
          /* The 4th (and any later) one is flagged. */
          g_assert_cmpint (desk_guard_verdict_get_level (verdict), ==, DESK_GUARD_LEVEL_STOP);
          g_assert_cmpuint (desk_guard_verdict_get_n_findings (verdict), ==, 1);
          message = desk_guard_verdict_get_finding_message (verdict, 0);
          assert_contains (message, prior == 3 ? "This would be appeal 4 on this issue" : "This would be appeal 5");
          assert_contains (message, "AliExpress accepts at most 3 appeals on one issue");
          assert_contains (message, "malicious appeal");
          assert_contains (message, "Source: “AliExpress product takedown handling service (Dashu Kuajing article)”.");
          assert_contains (message, "Verify with AliExpress");
          g_assert_cmpint (desk_guard_verdict_find (verdict, DESK_GUARD_RULE_MAX_ATTEMPTS), ==, 0);
          g_assert_cmpint (desk_guard_verdict_find (verdict, DESK_GUARD_RULE_PRODUCT_COOLDOWN), ==, -1);
        }
      add_attempt (attempts, "1005001", prior * DAY, NULL, FALSE);
    }
}

static void
test_aliexpress_activity_exit_unlimited (void)
{
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_ALIEXPRESS);
  g_autoptr (GPtrArray) attempts = attempts_new ();
  g_autoptr (DeskGuardVerdict) verdict = NULL;

  for (guint i = 0; i < 5; i++)
    add_attempt (attempts, NULL, i * HOUR, NULL, FALSE);
  /* The pack sets no appeal limit for campaign exits. */
  verdict = check (pack, DESK_CASE_TYPE_ACTIVITY_EXIT, attempts, NULL, DAY, FALSE, NULL);
  assert_ok (verdict);
}

/* Joom: one appeal per product ID per 72 h. */

static void
test_joom_cooldown (void)
{
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_JOOM);
  g_autoptr (GPtrArray) attempts = attempts_new ();
  g_autoptr (DeskGuardVerdict) first = check (pack, DESK_CASE_TYPE_RESELLER, attempts, "J-42", 0, FALSE, NULL);
  g_autoptr (DeskGuardVerdict) early = NULL;
  g_autoptr (DeskGuardVerdict) just_before = NULL;
  g_autoptr (DeskGuardVerdict) exactly = NULL;
  g_autoptr (DeskGuardVerdict) later = NULL;
  g_autoptr (DeskGuardVerdict) other = NULL;
  const char *message;

  assert_ok (first);
  add_attempt (attempts, "J-42", 0, NULL, FALSE);

  early = check (pack, DESK_CASE_TYPE_RESELLER, attempts, "J-42", 20 * HOUR, FALSE, NULL);
  g_assert_cmpint (desk_guard_verdict_get_level (early), ==, DESK_GUARD_LEVEL_STOP);
  g_assert_cmpstr (desk_guard_verdict_get_finding_rule (early, 0), ==, DESK_GUARD_RULE_PRODUCT_COOLDOWN);
  message = desk_guard_verdict_get_finding_message (early, 0);
  assert_contains (message, "Product J-42 was appealed 20 h 0 min ago");
  assert_contains (message, "Joom accepts one appeal per product every 72 hours");
  assert_contains (message, "Wait until");
  assert_contains (message, "Source: “Joom reseller complaint consultant (Dashu Kuajing article)”.");

  just_before = check (pack, DESK_CASE_TYPE_RESELLER, attempts, "J-42", 72 * HOUR - 1, FALSE, NULL);
  g_assert_cmpint (desk_guard_verdict_get_level (just_before), ==, DESK_GUARD_LEVEL_STOP);
  exactly = check (pack, DESK_CASE_TYPE_RESELLER, attempts, "J-42", 72 * HOUR, FALSE, NULL);
  assert_ok (exactly);
  later = check (pack, DESK_CASE_TYPE_RESELLER, attempts, "J-42", 100 * HOUR, FALSE, NULL);
  assert_ok (later);
  /* Another product of the same case is not throttled. */
  other = check (pack, DESK_CASE_TYPE_RESELLER, attempts, "J-43", HOUR, FALSE, NULL);
  assert_ok (other);
}

static void
test_joom_cooldown_uses_latest (void)
{
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_JOOM);
  g_autoptr (GPtrArray) attempts = attempts_new ();
  g_autoptr (DeskGuardVerdict) verdict = NULL;

  /* Unordered input: the latest appeal (day 5) counts, not the first. */
  add_attempt (attempts, "J-42", 5 * DAY, NULL, FALSE);
  add_attempt (attempts, "J-42", 0, NULL, FALSE);
  verdict = check (pack, DESK_CASE_TYPE_IP_COMPLAINT, attempts, "J-42", 6 * DAY, FALSE, NULL);
  g_assert_cmpint (desk_guard_verdict_get_level (verdict), ==, DESK_GUARD_LEVEL_STOP);
  assert_contains (desk_guard_verdict_get_message (verdict), "appealed 24 h 0 min ago");
}

static void
test_joom_duplicate_case (void)
{
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_JOOM);
  g_autoptr (GPtrArray) attempts = attempts_new ();
  g_autoptr (DeskGuardVerdict) new_case = NULL;
  g_autoptr (DeskGuardVerdict) same_case = NULL;
  g_autoptr (DeskGuardVerdict) both = NULL;
  g_autoptr (GDateTime) when = at (4 * DAY);
  g_autoptr (DeskAppealAttempt) follow_up = desk_appeal_attempt_new ("J-42", when, "JC-778899", FALSE);

  add_attempt (attempts, "J-42", 0, "JC-778899", FALSE);
  new_case = check (pack, DESK_CASE_TYPE_RESELLER, attempts, "J-42", 4 * DAY, FALSE, NULL);
  g_assert_cmpint (desk_guard_verdict_get_level (new_case), ==, DESK_GUARD_LEVEL_WARN);
  g_assert_cmpstr (desk_guard_verdict_get_finding_rule (new_case, 0), ==, DESK_GUARD_RULE_DUPLICATE_CASE);
  assert_contains (desk_guard_verdict_get_message (new_case), "This matter already has case ID JC-778899 on Joom");
  assert_contains (desk_guard_verdict_get_message (new_case), "archived automatically");

  /* Following up in the existing case is fine. */
  same_case = desk_attempt_guard_check (pack, DESK_CASE_TYPE_RESELLER, attempts, follow_up, NULL);
  assert_ok (same_case);

  /* Both rules at once: STOP first, then WARN. */
  both = check (pack, DESK_CASE_TYPE_RESELLER, attempts, "J-42", HOUR, FALSE, NULL);
  g_assert_cmpint (desk_guard_verdict_get_level (both), ==, DESK_GUARD_LEVEL_STOP);
  g_assert_cmpuint (desk_guard_verdict_get_n_findings (both), ==, 2);
  g_assert_cmpint (desk_guard_verdict_get_finding_level (both, 0), ==, DESK_GUARD_LEVEL_STOP);
  g_assert_cmpstr (desk_guard_verdict_get_finding_rule (both, 0), ==, DESK_GUARD_RULE_PRODUCT_COOLDOWN);
  g_assert_cmpint (desk_guard_verdict_get_finding_level (both, 1), ==, DESK_GUARD_LEVEL_WARN);
  g_assert_cmpstr (desk_guard_verdict_get_finding_rule (both, 1), ==, DESK_GUARD_RULE_DUPLICATE_CASE);
  g_assert_nonnull (strchr (desk_guard_verdict_get_message (both), '\n'));
}

/* Shopee: a second appeal within 15 days of the rejection, with a report. */

static void
test_shopee_second_appeal (void)
{
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_SHOPEE);
  g_autoptr (GPtrArray) attempts = attempts_new ();
  g_autoptr (GDateTime) rejection = at (DAY);
  g_autoptr (DeskGuardVerdict) first = check (pack, DESK_CASE_TYPE_IP_COMPLAINT, attempts, "S-1", 0, FALSE, NULL);
  g_autoptr (DeskGuardVerdict) day15 = NULL;
  g_autoptr (DeskGuardVerdict) day15_plus = NULL;
  g_autoptr (DeskGuardVerdict) day16 = NULL;
  g_autoptr (DeskGuardVerdict) no_report = NULL;
  const char *message;

  /* The first appeal needs no report. */
  assert_ok (first);
  add_attempt (attempts, "S-1", 0, NULL, FALSE);

  day15 = check (pack, DESK_CASE_TYPE_IP_COMPLAINT, attempts, "S-1", DAY + 15 * DAY, TRUE, rejection);
  assert_ok (day15);
  day15_plus = check (pack, DESK_CASE_TYPE_IP_COMPLAINT, attempts, "S-1", DAY + 15 * DAY + 60, TRUE, rejection);
  g_assert_cmpint (desk_guard_verdict_get_level (day15_plus), ==, DESK_GUARD_LEVEL_STOP);
  g_assert_cmpstr (desk_guard_verdict_get_finding_rule (day15_plus, 0), ==, DESK_GUARD_RULE_SECOND_APPEAL_WINDOW);
  day16 = check (pack, DESK_CASE_TYPE_IP_COMPLAINT, attempts, "S-1", DAY + 16 * DAY, TRUE, rejection);
  g_assert_cmpint (desk_guard_verdict_get_level (day16), ==, DESK_GUARD_LEVEL_STOP);
  message = desk_guard_verdict_get_message (day16);
  assert_contains (message, "The window for a further appeal closed on");
  assert_contains (message, "Shopee accepts one only within 15 days of the first rejection");
  assert_contains (message, "Source: “Shopee store complaints");
  g_assert_cmpint (desk_guard_verdict_find (day16, DESK_GUARD_RULE_SECOND_APPEAL_REQUIREMENT), ==, -1);

  no_report = check (pack, DESK_CASE_TYPE_IP_COMPLAINT, attempts, "S-1", 3 * DAY, FALSE, rejection);
  g_assert_cmpint (desk_guard_verdict_get_level (no_report), ==, DESK_GUARD_LEVEL_STOP);
  g_assert_cmpuint (desk_guard_verdict_get_n_findings (no_report), ==, 1);
  g_assert_cmpstr (desk_guard_verdict_get_finding_rule (no_report, 0), ==, DESK_GUARD_RULE_SECOND_APPEAL_REQUIREMENT);
  message = desk_guard_verdict_get_message (no_report);
  assert_contains (message, "A further appeal on Shopee needs: a third-party test report (e.g. a composition or safety certification issued by SGS)");
  assert_contains (message, "Attach “Third-party test report (e.g. SGS)”");
  assert_contains (message, "Source: “Shopee store complaints");
}

static void
test_shopee_window_without_rejection_time (void)
{
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_SHOPEE);
  g_autoptr (GPtrArray) attempts = attempts_new ();
  g_autoptr (DeskGuardVerdict) inside = NULL;
  g_autoptr (DeskGuardVerdict) outside = NULL;

  /* Without a rejection time the window starts at the earliest attempt. */
  add_attempt (attempts, "S-1", 2 * DAY, NULL, FALSE);
  add_attempt (attempts, "S-1", 0, NULL, FALSE);
  inside = check (pack, DESK_CASE_TYPE_STORE_COMPLAINT, attempts, "S-1", 15 * DAY, TRUE, NULL);
  assert_ok (inside);
  outside = check (pack, DESK_CASE_TYPE_STORE_COMPLAINT, attempts, "S-1", 16 * DAY, TRUE, NULL);
  g_assert_cmpint (desk_guard_verdict_get_finding_level (outside, 0), ==, DESK_GUARD_LEVEL_STOP);
  g_assert_cmpstr (desk_guard_verdict_get_finding_rule (outside, 0), ==, DESK_GUARD_RULE_SECOND_APPEAL_WINDOW);
}

/* The guard reads the pack, not the platform. */

static DeskRulePack *
custom_pack (const char *from,
             const char *to)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rules", "minimal.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GString) edited = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  DeskRulePack *pack;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  edited = g_string_new (text);
  if (from != NULL)
    g_assert_cmpuint (g_string_replace (edited, from, to, 1), ==, 1);
  bytes = g_bytes_new (edited->str, edited->len);
  pack = desk_rule_pack_new_from_bytes (bytes, "test.json", DESK_RULE_PACK_ORIGIN_USER, &error);
  g_assert_no_error (error);
  return pack;
}

static void
test_data_driven (void)
{
  /* The fixture is a "Shopee" pack with at most 2 attempts, severity warn. */
  g_autoptr (DeskRulePack) pack = custom_pack (NULL, NULL);
  g_autoptr (DeskRulePack) stop = custom_pack ("\"severity\": \"warn\"", "\"severity\": \"stop\"");
  g_autoptr (GPtrArray) attempts = attempts_new ();
  g_autoptr (DeskGuardVerdict) second = NULL;
  g_autoptr (DeskGuardVerdict) third = NULL;
  g_autoptr (DeskGuardVerdict) third_stop = NULL;
  g_autoptr (DeskGuardVerdict) unlisted = NULL;

  add_attempt (attempts, "P", 0, NULL, TRUE);
  second = check (pack, DESK_CASE_TYPE_IP_COMPLAINT, attempts, "P", DAY, TRUE, NULL);
  g_assert_cmpint (desk_guard_verdict_get_level (second), ==, DESK_GUARD_LEVEL_INFO);
  add_attempt (attempts, "P", DAY, NULL, TRUE);
  third = check (pack, DESK_CASE_TYPE_IP_COMPLAINT, attempts, "P", 2 * DAY, TRUE, NULL);
  g_assert_cmpint (desk_guard_verdict_get_level (third), ==, DESK_GUARD_LEVEL_WARN);
  assert_contains (desk_guard_verdict_get_message (third), "at most 2 appeals");
  assert_contains (desk_guard_verdict_get_message (third), "Verify the limit.");
  third_stop = check (stop, DESK_CASE_TYPE_IP_COMPLAINT, attempts, "P", 2 * DAY, TRUE, NULL);
  g_assert_cmpint (desk_guard_verdict_get_level (third_stop), ==, DESK_GUARD_LEVEL_STOP);
  /* A case type the pack does not list has no limits. */
  unlisted = check (pack, DESK_CASE_TYPE_RESELLER, attempts, "P", 2 * DAY, FALSE, NULL);
  assert_ok (unlisted);
}

static void
test_chinese_note (void)
{
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_ALIEXPRESS);
  g_autoptr (GPtrArray) attempts = attempts_new ();
  g_autoptr (DeskGuardVerdict) verdict = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  for (guint i = 0; i < 3; i++)
    add_attempt (attempts, NULL, i * DAY, NULL, FALSE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  verdict = check (pack, DESK_CASE_TYPE_LISTING_TAKEDOWN, attempts, NULL, 4 * DAY, FALSE, NULL);
  /* The pack's own text follows the UI language. */
  assert_contains (desk_guard_verdict_get_message (verdict), "恶意申诉");
  assert_contains (desk_guard_verdict_get_message (verdict), "请与速卖通核实");
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_attempt_boxed (void)
{
  g_autoptr (GDateTime) when = t0 ();
  g_autoptr (DeskAppealAttempt) attempt = desk_appeal_attempt_new ("P1", when, "C1", TRUE);
  g_autoptr (DeskAppealAttempt) copy = g_boxed_copy (DESK_TYPE_APPEAL_ATTEMPT, attempt);
  g_autoptr (DeskGuardVerdict) verdict = NULL;
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_TEMU);

  g_assert_true (copy != attempt);
  g_assert_cmpstr (copy->product_id, ==, "P1");
  g_assert_cmpstr (copy->platform_case_id, ==, "C1");
  g_assert_true (copy->has_third_party_report);
  g_assert_true (g_date_time_equal (copy->attempted_at, when));

  verdict = desk_attempt_guard_check (pack, DESK_CASE_TYPE_IP_COMPLAINT, NULL, attempt, NULL);
  assert_ok (verdict);
  g_boxed_free (DESK_TYPE_GUARD_VERDICT, g_boxed_copy (DESK_TYPE_GUARD_VERDICT, verdict));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attempt-guard/aliexpress/attempts", test_aliexpress_attempts);
  g_test_add_func ("/attempt-guard/aliexpress/activity-exit-unlimited", test_aliexpress_activity_exit_unlimited);
  g_test_add_func ("/attempt-guard/joom/cooldown", test_joom_cooldown);
  g_test_add_func ("/attempt-guard/joom/cooldown-latest", test_joom_cooldown_uses_latest);
  g_test_add_func ("/attempt-guard/joom/duplicate-case", test_joom_duplicate_case);
  g_test_add_func ("/attempt-guard/shopee/second-appeal", test_shopee_second_appeal);
  g_test_add_func ("/attempt-guard/shopee/no-rejection-time", test_shopee_window_without_rejection_time);
  g_test_add_func ("/attempt-guard/data-driven", test_data_driven);
  g_test_add_func ("/attempt-guard/chinese-note", test_chinese_note);
  g_test_add_func ("/attempt-guard/boxed", test_attempt_boxed);
  return g_test_run ();
}
