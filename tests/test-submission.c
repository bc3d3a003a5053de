/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "desk-attempts.h"
#include "desk-checklist.h"
#include "desk-session.h"
#include "desk-submission.h"
#include "desk-test-util.h"

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

static DeskCase *
insert_case (Fixture *f, DeskPlatform platform, DeskCaseType type)
{
  const char *products[] = { "P1", NULL };
  DeskCase   *kase = desk_test_insert_case (f->store, &(DeskTestCase){ .platform = platform, .type = type, .product_ids = products, .deadline_at = f->t0 });

  g_assert_cmpuint (desk_test_create_checklist (f->store, desk_session_get_rules (f->session), kase), >, 0);
  return kase;
}

static guint
count_required (Fixture *f, DeskCase *kase)
{
  g_autoptr (GPtrArray) items = desk_checklist_list (f->session, desk_case_get_id (kase), NULL);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += ((DeskChecklistItem *)items->pdata[i])->required;
  return n;
}

/* The check names every required item that is missing, and forgets the
 * ones the seller provided. */
static void
test_check_names_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (DeskSubmissionCheck) before = NULL;
  g_autoptr (DeskSubmissionCheck) after = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *text = NULL;
  DeskSubmission     sub = { "P1", FALSE, NULL, NULL, NULL };
  DeskChecklistItem *first;
  guint              required = count_required (f, kase);

  g_assert_cmpuint (required, >=, 2);
  before = desk_submission_check (f->session, kase, &sub, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **)desk_submission_check_get_missing (before)), ==, required);
  g_assert_cmpint (desk_submission_check_get_level (before), ==, DESK_GUARD_LEVEL_OK);
  text = desk_submission_check_describe (before);
  g_assert_nonnull (strstr (text, "Required evidence still missing:"));
  g_assert_nonnull (strstr (text, desk_submission_check_get_missing (before)[0]));

  items = desk_checklist_list (f->session, desk_case_get_id (kase), &error);
  first = items->pdata[0];
  g_assert_true (first->required);
  g_assert_true (desk_checklist_set_state (f->store, first->id, DESK_CHECKLIST_NEEDS_ATTENTION, NULL, &error));
  after = desk_submission_check (f->session, kase, &sub, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **)desk_submission_check_get_missing (after)), ==, required - 1);
  g_assert_cmpuint (g_strv_length ((char **)desk_submission_check_get_needs_attention (after)), ==, 1);
  /* Shopee asks for a test report for a further appeal; Joom does not. */
  g_assert_true (desk_submission_check_asks_test_report (after));
}

static void
test_joom_does_not_ask_test_report (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (DeskSubmissionCheck) check = NULL;
  g_autoptr (GError) error = NULL;
  DeskSubmission sub = { "P1", FALSE, NULL, NULL, NULL };

  check = desk_submission_check (f->session, kase, &sub, &error);
  g_assert_no_error (error);
  g_assert_false (desk_submission_check_asks_test_report (check));
}

/* Recording moves the case on: status, countdown, attempt with ticket,
 * timeline; and the next check sees the attempt (Joom: one appeal per
 * product every 72 h) with a short, dated title. */
static void
test_record_moves_case_on (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (DeskCase) stored = NULL;
  g_autoptr (GPtrArray) attempts = NULL;
  g_autoptr (GPtrArray) timeline = NULL;
  g_autoptr (DeskSubmissionCheck) again = NULL;
  g_autoptr (GDateTime) later = g_date_time_add_hours (f->t0, 20);
  g_autoptr (GError) error = NULL;
  DeskSubmission     sub = { "P1", FALSE, "JM-TICKET-7", "filed via Report a Violation", f->t0 };
  DeskSubmission     next = { "P1", FALSE, NULL, NULL, later };
  DeskTimelineEntry *last;
  DeskGuardVerdict  *verdict;
  gint64             id;

  g_assert_cmpint (desk_case_get_deadline_state (kase, later), ==, DESK_DEADLINE_OVERDUE);
  id = desk_submission_record (f->session, kase, &sub, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (desk_case_get_status (kase), ==, DESK_CASE_STATUS_SUBMITTED);
  g_assert_cmpint (desk_case_get_deadline_state (kase, later), ==, DESK_DEADLINE_DONE);
  stored = desk_store_get_case (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpint (desk_case_get_status (stored), ==, DESK_CASE_STATUS_SUBMITTED);

  attempts = desk_attempts_list (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpuint (attempts->len, ==, 1);
  g_assert_cmpstr (((DeskAttemptRecord *)attempts->pdata[0])->ticket, ==, "JM-TICKET-7");
  g_assert_cmpstr (((DeskAttemptRecord *)attempts->pdata[0])->note, ==, "filed via Report a Violation");

  timeline = desk_store_list_timeline (f->store, desk_case_get_id (kase), &error);
  last = timeline->pdata[timeline->len - 1];
  g_assert_cmpstr (last->kind, ==, "submitted");
  g_assert_nonnull (strstr (last->text, "JM-TICKET-7"));

  again = desk_submission_check (f->session, kase, &next, &error);
  g_assert_no_error (error);
  verdict = desk_submission_check_get_verdict (again);
  g_assert_cmpint (desk_guard_verdict_get_level (verdict), ==, DESK_GUARD_LEVEL_STOP);
  g_assert_true (g_str_has_prefix (desk_guard_verdict_get_finding_title (verdict, 0), "Wait until "));
  g_assert_nonnull (strstr (desk_guard_verdict_get_finding_reason (verdict, 0), "72 hours"));
  /* The source is named by its title, never by an internal id. */
  g_assert_null (strstr (desk_guard_verdict_get_finding_source (verdict, 0), "seed"));
  g_assert_nonnull (strstr (desk_guard_verdict_get_finding_source (verdict, 0), "Joom"));
}

/* A failure leaves everything as it was (one transaction). */
static void
test_record_unknown_case_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (DeskCase) ghost = desk_case_new (DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, "Ghost");
  g_autoptr (GPtrArray) attempts = NULL;
  g_autoptr (GError) error = NULL;
  DeskSubmission sub = { NULL, FALSE, "T", NULL, NULL };

  g_assert_true (desk_store_insert_case (f->store, ghost, &error));
  g_assert_true (desk_store_delete_case (f->store, desk_case_get_id (ghost), &error));
  g_assert_cmpint (desk_submission_record (f->session, ghost, &sub, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_cmpint (desk_case_get_status (ghost), ==, DESK_CASE_STATUS_DRAFT);
  attempts = desk_attempts_list (f->store, desk_case_get_id (ghost), NULL);
  g_assert_cmpuint (attempts->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/submission/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("check-names-missing", test_check_names_missing);
  ADD ("joom-no-test-report", test_joom_does_not_ask_test_report);
  ADD ("record-moves-case-on", test_record_moves_case_on);
  ADD ("record-unknown-case", test_record_unknown_case_changes_nothing);
  return g_test_run ();
}
