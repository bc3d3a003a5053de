/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-attempts.h"
#include "desk-session.h"
#include "desk-closure.h"
#include "desk-evidence-store.h"
#include "desk-evidence.h"
#include "desk-reply.h"
#include "desk-test-util.h"
#include "desk-timeline.h"
#include "desk-util.h"

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

static DeskCase *
insert_case (Fixture *f, DeskPlatform platform, DeskCaseType type)
{
  const char *products[] = { "P1", NULL };

  return desk_test_insert_case (f->store, &(DeskTestCase){ .platform = platform, .type = type, .product_ids = products, .platform_case_id = "CASE-1" });
}

static DeskRulePack *
pack (Fixture *f, DeskPlatform platform)
{
  return desk_session_get_pack (f->session, platform);
}

static GPtrArray *
timeline (Fixture *f, DeskCase *kase)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *entries = desk_store_list_timeline (f->store, desk_case_get_id (kase), &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static DeskTimelineEntry *
last_entry (GPtrArray *entries)
{
  g_assert_cmpuint (entries->len, >, 0);
  return entries->pdata[entries->len - 1];
}

static DeskTimelineEntry *
find_entry (GPtrArray *entries, gint64 id)
{
  for (guint i = 0; i < entries->len; i++)
    if (((DeskTimelineEntry *)entries->pdata[i])->id == id)
      return entries->pdata[i];
  g_assert_not_reached ();
}

static gint64
add_evidence (Fixture *f, DeskCase *kase, const char *name, const char *content)
{
  g_autofree char *path = desk_test_write_file (f->dir, name, content, -1);

  return desk_test_add_evidence (f->store, path, desk_case_get_id (kase), NULL);
}

static void
test_add_edit_delete_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (GDateTime) at = g_date_time_add_hours (f->t0, 5);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) deleted = NULL;
  g_autoptr (GPtrArray) restored = NULL;
  g_autoptr (DeskTimelineEntry) edited = NULL;
  g_autofree char *channel = NULL;
  gint64           ids[2] = { add_evidence (f, kase, "chat.png", "not really a png"), 0 };
  /* After the file: adding it is logged too. */
  g_autoptr (GPtrArray) before = timeline (f, kase);
  gint64 id;

  id = desk_timeline_add (f->store, desk_case_get_id (kase), DESK_TIMELINE_CALL, at,
                          "Called Joom support, ticket 4411", "{\"channel\":\"phone\"}", ids, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  after = timeline (f, kase);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  /* Entries are in time order: a call logged afterwards sorts before the case's creation now. */
  g_assert_cmpint (((DeskTimelineEntry *)after->pdata[0])->id, ==, id);
  g_assert_cmpstr (find_entry (after, id)->kind, ==, "call");
  g_assert_cmpint (g_date_time_to_unix (find_entry (after, id)->at), ==, g_date_time_to_unix (at));
  g_assert_cmpuint (desk_timeline_entry_get_n_evidence (find_entry (after, id)), ==, 1);
  g_assert_cmpint (find_entry (after, id)->evidence_ids[0], ==, ids[0]);
  channel = desk_timeline_entry_dup_detail (find_entry (after, id), "channel");
  g_assert_cmpstr (channel, ==, "phone");

  g_assert_true (desk_timeline_edit (f->store, id, NULL, "Called Joom support, ticket 4412", NULL, &error));
  g_assert_no_error (error);
  edited = desk_timeline_get (f->store, id, &error);
  g_assert_cmpstr (edited->text, ==, "Called Joom support, ticket 4412");
  g_assert_nonnull (edited->edited_at);
  g_assert_cmpint (g_date_time_to_unix (edited->at), ==, g_date_time_to_unix (at));

  g_assert_true (desk_timeline_delete (f->store, id, &error));
  deleted = timeline (f, kase);
  g_assert_cmpuint (deleted->len, ==, before->len);
  g_assert_null (desk_timeline_get (f->store, id, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (desk_timeline_restore (f->store, id, &error));
  g_assert_no_error (error);
  restored = timeline (f, kase);
  g_assert_cmpuint (restored->len, ==, before->len + 1);
  g_assert_cmpstr (find_entry (restored, id)->text, ==, "Called Joom support, ticket 4412");
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (GPtrArray) entries = timeline (f, kase);
  gint64 created = ((DeskTimelineEntry *)entries->pdata[0])->id;
  gint64 missing[] = { 9999, 0 };

  g_assert_cmpint (desk_timeline_add (f->store, desk_case_get_id (kase), DESK_TIMELINE_NOTE, NULL, "x", "[1]", NULL, &error), ==, 0);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (desk_timeline_add (f->store, 4242, DESK_TIMELINE_NOTE, NULL, "x", NULL, NULL, &error), ==, 0);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A missing attachment rolls the whole entry back. */
  g_assert_cmpint (desk_timeline_add (f->store, desk_case_get_id (kase), DESK_TIMELINE_NOTE, NULL, "x", NULL, missing, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autoptr (GPtrArray) again = timeline (f, kase);
    g_assert_cmpuint (again->len, ==, entries->len);
  }
  /* The log of changes is not edited by hand. */
  g_assert_false (desk_timeline_delete (f->store, created, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
}

static void
test_status_and_package (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (DeskCase) stored = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char   *from = NULL;
  g_autofree char   *sha = NULL;
  g_autofree char   *line = NULL;
  DeskTimelineEntry *status;

  g_assert_true (desk_timeline_set_status (f->store, kase, DESK_CASE_STATUS_SUBMITTED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_timeline_add_package (f->store, desk_case_get_id (kase), "/tmp/x/case-1.zip",
                                              "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12", &error),
                   >, 0);
  stored = desk_store_get_case (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpint (desk_case_get_status (stored), ==, DESK_CASE_STATUS_SUBMITTED);
  entries = timeline (f, kase);
  g_assert_cmpuint (entries->len, ==, 3);
  status = entries->pdata[1];
  g_assert_cmpstr (status->kind, ==, "status");
  from = desk_timeline_entry_dup_detail (status, "from");
  g_assert_cmpstr (from, ==, "draft");
  line = desk_timeline_entry_describe (status);
  g_assert_cmpstr (line, ==, "Status: Draft → Submitted");
  sha = desk_timeline_entry_dup_detail (last_entry (entries), "sha256");
  g_assert_cmpuint (strlen (sha), ==, 64);
  g_assert_cmpstr (last_entry (entries)->text, ==, "case-1.zip");
}

static void
test_reply_decode (void)
{
  g_autoptr (GDateTime) received = g_date_time_new_utc (2026, 3, 12, 9, 0, 0);
  g_autoptr (DeskRulePack) shopee = desk_rule_pack_load_builtin (DESK_PLATFORM_SHOPEE, NULL);
  g_autoptr (DeskReply) rejected = NULL;
  g_autoptr (DeskReply) zh = NULL;
  g_autoptr (DeskReply) ru = NULL;
  g_autoptr (DeskReply) ok = NULL;
  g_autoptr (GDateTime) day15 = g_date_time_add_days (received, 15);

  rejected = desk_reply_decode ("Your appeal has been rejected.\nReasons:\n- The authorization letter does not name the model.\n"
                                "- The invoice has no order number.\n\nRegards, Shopee",
                                received, shopee, DESK_CASE_TYPE_IP_COMPLAINT);
  g_assert_cmpint (rejected->verdict, ==, DESK_REPLY_REJECTED);
  g_assert_cmpuint (g_strv_length (rejected->reasons), ==, 2);
  g_assert_cmpstr (rejected->reasons[1], ==, "The invoice has no order number.");
  g_assert_nonnull (rejected->second_appeal_until);
  g_assert_true (rejected->second_appeal_from_pack);
  g_assert_cmpint (g_date_time_to_unix (rejected->second_appeal_until), ==, g_date_time_to_unix (day15));

  zh = desk_reply_decode ("您的申诉未通过。\n驳回原因：授权书未覆盖该型号\n可在7日内再次申诉。", received, shopee, DESK_CASE_TYPE_IP_COMPLAINT);
  g_assert_cmpint (zh->verdict, ==, DESK_REPLY_REJECTED);
  g_assert_cmpstr (zh->reasons[0], ==, "授权书未覆盖该型号");
  g_assert_false (zh->second_appeal_from_pack);
  g_assert_cmpint (g_date_time_difference (zh->second_appeal_until, received), ==, 7 * G_TIME_SPAN_DAY);

  ru = desk_reply_decode ("Ваша жалоба отклонена.\nПричина: нет доказательств даты публикации.", received, NULL, DESK_CASE_TYPE_RESELLER);
  g_assert_cmpint (ru->verdict, ==, DESK_REPLY_REJECTED);
  g_assert_cmpstr (ru->reasons[0], ==, "нет доказательств даты публикации.");
  g_assert_null (ru->second_appeal_until);

  ok = desk_reply_decode ("Good news: your listing has been reinstated.", received, shopee, DESK_CASE_TYPE_IP_COMPLAINT);
  g_assert_cmpint (ok->verdict, ==, DESK_REPLY_ACCEPTED);
  g_assert_null (ok->second_appeal_until);
}

/* The Shopee fix: the further-appeal window runs from the rejection. */
static void
test_reply_record_and_guard (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (GDateTime) rejected_at = g_date_time_add_days (f->t0, 10);
  g_autoptr (GDateTime) day20 = g_date_time_add_days (f->t0, 20);
  g_autoptr (GDateTime) day26 = g_date_time_add_days (f->t0, 26);
  g_autoptr (DeskReply) reply = NULL;
  g_autoptr (DeskCase) stored = NULL;
  g_autoptr (GDateTime) first = NULL;
  g_autoptr (DeskGuardVerdict) within = NULL;
  g_autoptr (DeskGuardVerdict) after = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  gint64 attachment[] = { add_evidence (f, kase, "reply.png", "screenshot"), 0 };
  gint64 id;

  g_assert_cmpint (desk_attempts_record (f->store, kase, "P1", FALSE, f->t0, NULL, &error), >, 0);
  reply = desk_reply_decode ("Appeal rejected.\nReason: the test report is missing.", rejected_at,
                             pack (f, DESK_PLATFORM_SHOPEE), DESK_CASE_TYPE_IP_COMPLAINT);
  id = desk_reply_record (f->store, kase, reply, attachment, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  stored = desk_store_get_case (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpint (desk_case_get_status (stored), ==, DESK_CASE_STATUS_REJECTED);
  g_assert_cmpint (g_date_time_difference (desk_case_get_deadline_at (stored), rejected_at), ==, 15 * G_TIME_SPAN_DAY);
  first = desk_reply_get_first_rejection (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpint (g_date_time_to_unix (first), ==, g_date_time_to_unix (rejected_at));
  entries = timeline (f, kase);
  g_assert_cmpstr (find_entry (entries, id)->kind, ==, "reply");
  g_assert_cmpuint (desk_timeline_entry_get_n_evidence (find_entry (entries, id)), ==, 1);

  /* Day 20 is 20 days after the first appeal but 10 after the rejection. */
  within = desk_attempts_check (f->store, pack (f, DESK_PLATFORM_SHOPEE), stored, "P1", TRUE, day20, &error);
  g_assert_cmpint (desk_guard_verdict_find (within, DESK_GUARD_RULE_SECOND_APPEAL_WINDOW), ==, -1);
  after = desk_attempts_check (f->store, pack (f, DESK_PLATFORM_SHOPEE), stored, "P1", TRUE, day26, &error);
  g_assert_cmpint (desk_guard_verdict_find (after, DESK_GUARD_RULE_SECOND_APPEAL_WINDOW), >=, 0);

  /* An empty reply is refused and changes nothing. */
  {
    g_autoptr (DeskReply) empty = desk_reply_decode ("  \n", rejected_at, NULL, DESK_CASE_TYPE_IP_COMPLAINT);
    g_autoptr (GPtrArray) again = NULL;

    g_assert_cmpint (desk_reply_record (f->store, stored, empty, NULL, &error), ==, 0);
    g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
    again = timeline (f, kase);
    g_assert_cmpuint (again->len, ==, entries->len);
  }
}

static void
test_close_and_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_QUALIFICATION_MISSING);
  g_autoptr (DeskCase) other = insert_case (f, DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_QUALIFICATION_MISSING);
  g_autoptr (GPtrArray) follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_follow_up_free);
  g_autoptr (GDateTime) due1 = g_date_time_add_days (f->t0, 30);
  g_autoptr (GDateTime) due2 = g_date_time_add_days (f->t0, 7);
  g_autoptr (DeskClosure) closure = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GHashTable) next = NULL;
  g_autoptr (DeskCase) stored = NULL;
  const DeskCaseRules *rules = desk_rule_pack_get_case_rules (pack (f, DESK_PLATFORM_ALIEXPRESS), DESK_CASE_TYPE_QUALIFICATION_MISSING);
  DeskFollowUp        *first;

  /* The pack lists root causes and advice for the case type. */
  g_assert_cmpuint (desk_case_rules_get_n_root_causes (rules), >=, 3);
  g_assert_cmpuint (desk_case_rules_get_n_advice (rules), >=, 3);
  g_assert_cmpstr (desk_case_rules_find_root_cause (rules, "unstamped-scan", DESK_RULE_LANGUAGE_ZH), ==, "证书扫描件无发证机构盖章");
  g_assert_nonnull (desk_rule_figure_get_source (desk_case_rules_get_closure_rule (rules)));

  g_assert_false (desk_closure_close (f->store, kase, DESK_OUTCOME_NONE, "unstamped-scan", NULL, NULL, NULL, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (desk_closure_close (f->store, kase, DESK_OUTCOME_RESTORED, "", "   ", NULL, NULL, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_ptr_array_add (follow_ups, desk_follow_up_new ("Renew the CE certificate", due1));
  g_ptr_array_add (follow_ups, desk_follow_up_new ("Check the other 40 SKUs", due2));
  g_assert_true (desk_closure_close (f->store, kase, DESK_OUTCOME_RESTORED, "unstamped-scan",
                                     "The factory sent an unstamped scan", follow_ups, f->t0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_case_get_status (kase), ==, DESK_CASE_STATUS_CLOSED);
  closure = desk_closure_get (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpint (closure->outcome, ==, DESK_OUTCOME_RESTORED);
  g_assert_cmpstr (closure->root_cause, ==, "unstamped-scan");
  g_assert_null (desk_closure_get (f->store, desk_case_get_id (other), &error));
  g_assert_no_error (error);

  listed = desk_follow_ups_list (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (((DeskFollowUp *)listed->pdata[0])->text, ==, "Check the other 40 SKUs");
  next = desk_follow_ups_next_by_case (f->store, &error);
  g_assert_cmpuint (g_hash_table_size (next), ==, 1);
  first = g_hash_table_lookup (next, &(gint64){ desk_case_get_id (kase) });
  g_assert_cmpstr (first->text, ==, "Check the other 40 SKUs");
  g_assert_true (desk_follow_up_set_done (f->store, first->id, TRUE, &error));
  g_clear_pointer (&next, g_hash_table_unref);
  next = desk_follow_ups_next_by_case (f->store, &error);
  first = g_hash_table_lookup (next, &(gint64){ desk_case_get_id (kase) });
  g_assert_cmpstr (first->text, ==, "Renew the CE certificate");

  /* Changing the status away from closed (the case page's status row) re-opens too. */
  g_assert_true (desk_timeline_set_status (f->store, other, DESK_CASE_STATUS_CLOSED, NULL, &error));
  g_assert_true (desk_closure_close (f->store, other, DESK_OUTCOME_WITHDRAWN, NULL, "Seller withdrew", NULL, NULL, &error));
  g_assert_true (desk_timeline_set_status (f->store, other, DESK_CASE_STATUS_PENDING, NULL, &error));
  g_assert_null (desk_closure_get (f->store, desk_case_get_id (other), &error));
  g_assert_no_error (error);

  g_assert_true (desk_closure_reopen (f->store, kase, DESK_CASE_STATUS_PENDING, "Platform took it down again", &error));
  g_assert_no_error (error);
  stored = desk_store_get_case (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpint (desk_case_get_status (stored), ==, DESK_CASE_STATUS_PENDING);
  g_assert_null (desk_closure_get (f->store, desk_case_get_id (kase), &error));
  {
    g_autoptr (GPtrArray) entries = timeline (f, kase);
    g_autofree char   *reopened = NULL;
    DeskTimelineEntry *e = last_entry (entries);

    g_assert_cmpstr (e->text, ==, "Platform took it down again");
    g_assert_nonnull (strstr (e->details, "\"reopened\":true"));
    reopened = desk_timeline_entry_dup_detail (e, "from");
    g_assert_cmpstr (reopened, ==, "closed");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
#define ADD(path, fn) g_test_add ("/tracking/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("add-edit-delete-undo", test_add_edit_delete_undo);
  ADD ("bad-input", test_bad_input);
  ADD ("status-and-package", test_status_and_package);
  g_test_add_func ("/tracking/reply-decode", test_reply_decode);
  ADD ("reply-record-and-guard", test_reply_record_and_guard);
  ADD ("close-and-reopen", test_close_and_reopen);
  return g_test_run ();
}
