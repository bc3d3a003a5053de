/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DeskSession (signals after commit), desk-intake (notice → fields, one
 * transaction) and the whole-case snapshot. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "desk-attempts.h"
#include "desk-case-snapshot.h"
#include "desk-checklist.h"
#include "desk-evidence-store.h"
#include "desk-intake.h"
#include "desk-test-util.h"
#include "desk-util.h"

typedef DeskStoreFixture Fixture;

static char *
read_notice (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "notices", name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

typedef struct
{
  GArray    *cases;
  GArray    *evidence;
  GArray    *checklist;
  GPtrArray *parts;
} Seen;

static void
seen_init (Seen *seen)
{
  seen->cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  seen->evidence = g_array_new (FALSE, FALSE, sizeof (gint64));
  seen->checklist = g_array_new (FALSE, FALSE, sizeof (gint64));
  seen->parts = g_ptr_array_new_with_free_func (g_free);
}

static void
seen_clear (Seen *seen)
{
  g_array_unref (seen->cases);
  g_array_unref (seen->evidence);
  g_array_unref (seen->checklist);
  g_ptr_array_unref (seen->parts);
}

static void
on_cases (DeskSession *session, gint64 id, Seen *seen)
{
  g_array_append_val (seen->cases, id);
}

static void
on_evidence (DeskSession *session, gint64 id, Seen *seen)
{
  g_array_append_val (seen->evidence, id);
}

static void
on_checklist (DeskSession *session, gint64 id, Seen *seen)
{
  g_array_append_val (seen->checklist, id);
}

static void
on_changed (DeskSession *session, const char *part, gint64 id, Seen *seen)
{
  g_ptr_array_add (seen->parts, g_strdup (part));
}

static void
connect_seen (Fixture *f, Seen *seen)
{
  seen_init (seen);
  g_signal_connect (f->session, "cases-changed", G_CALLBACK (on_cases), seen);
  g_signal_connect (f->session, "evidence-changed", G_CALLBACK (on_evidence), seen);
  g_signal_connect (f->session, "checklist-changed", G_CALLBACK (on_checklist), seen);
  g_signal_connect (f->session, "changed", G_CALLBACK (on_changed), seen);
}

static gboolean
saw_part (Seen *seen, const char *part)
{
  for (guint i = 0; i < seen->parts->len; i++)
    if (g_str_equal (seen->parts->pdata[i], part))
      return TRUE;
  return FALSE;
}

/* Session */

static void
test_session_owns (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (DeskSession) session = desk_session_new (dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_cmpstr (desk_session_get_data_dir (session), ==, dir);
  g_assert_cmpstr (desk_store_get_data_dir (desk_session_get_store (session)), ==, dir);
  g_assert_nonnull (desk_session_get_pack (session, DESK_PLATFORM_ALIEXPRESS));
  g_assert_true (desk_session_get_pack (session, DESK_PLATFORM_ALIEXPRESS)
                 == desk_rule_registry_get_pack (desk_session_get_rules (session), DESK_PLATFORM_ALIEXPRESS));
  /* The user's packs live in <data dir>/rules. */
  {
    g_autofree char *rules = g_build_filename (dir, "rules", NULL);

    g_assert_cmpstr (desk_rule_registry_get_user_dir (desk_session_get_rules (session)), ==, rules);
  }
  g_clear_object (&session);
  desk_test_remove_tree (dir);
}

static void
test_session_bad_dir (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autofree char *db = g_build_filename (dir, "cases.db", NULL);
  DeskSession     *session;

  g_assert_true (g_file_set_contents (db, "not a database at all", -1, NULL));
  session = desk_session_new (dir, &error);
  g_assert_null (session);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
  desk_test_remove_tree (dir);
}

/* Every change reaches the session's typed signal with the case id, once,
 * and only after the commit. */
static void
test_session_signals (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_IP_COMPLAINT, "Lamp");
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *path = g_build_filename (f->dir, "invoice.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (DeskEvidence) evidence = NULL;
  guint              n_cases;
  DeskChecklistItem *item;
  gint64             id;
  Seen               seen;

  connect_seen (f, &seen);
  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  id = desk_case_get_id (kase);
  g_assert_cmpuint (seen.cases->len, ==, 1);
  g_assert_cmpint (g_array_index (seen.cases, gint64, 0), ==, id);
  g_assert_true (saw_part (&seen, "case"));
  g_assert_true (saw_part (&seen, "timeline"));

  g_assert_true (desk_checklist_create_for_case (f->store, desk_session_get_rules (f->session), kase, NULL, &error));
  g_assert_cmpuint (seen.checklist->len, ==, 1);
  g_assert_cmpint (g_array_index (seen.checklist, gint64, 0), ==, id);

  g_assert_true (g_file_set_contents (path, "Invoice 2026-0042", -1, NULL));
  evidence = desk_evidence_add (f->store, file, id, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen.evidence->len, ==, 1);
  g_assert_cmpint (g_array_index (seen.evidence, gint64, 0), ==, id);

  /* Attaching to an item changes both the checklist and the evidence. */
  items = desk_checklist_list (f->session, id, &error);
  item = items->pdata[0];
  g_assert_true (desk_evidence_attach_to_checklist (f->store, item->id, desk_evidence_get_id (evidence), &error));
  g_assert_cmpuint (seen.checklist->len, ==, 2);
  g_assert_cmpuint (seen.evidence->len, ==, 2);

  /* A failed change announces nothing. */
  g_assert_false (desk_checklist_set_state (f->store, 999999, DESK_CHECKLIST_PROVIDED, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (seen.checklist->len, ==, 2);

  n_cases = seen.cases->len;
  g_assert_true (desk_store_trash_case (f->store, id, &error));
  g_assert_cmpuint (seen.cases->len, ==, n_cases + 1);
  g_assert_cmpint (g_array_index (seen.cases, gint64, n_cases), ==, id);
  g_signal_handlers_disconnect_by_data (f->session, &seen);
  seen_clear (&seen);
}

/* Intake: proposal */

static void
test_propose_confident (Fixture *f, gconstpointer data)
{
  g_autofree char *text = read_notice ("aliexpress-ip-complaint-en.txt");
  g_autoptr (GDateTime) received = g_date_time_new_utc (2026, 11, 22, 7, 5, 0);
  g_autoptr (DeskNotice) notice = desk_notice_decode (text, received);
  g_autoptr (DeskIntakeProposal) p = desk_intake_propose (desk_session_get_rules (f->session), notice,
                                                          DESK_PLATFORM_UNKNOWN, DESK_CASE_TYPE_UNKNOWN, received);
  g_autoptr (GDateTime) stated = g_date_time_new_utc (2026, 11, 25, 7, 5, 0);

  g_assert_cmpint (p->platform, ==, DESK_PLATFORM_ALIEXPRESS);
  g_assert_cmpint (p->platform_source, ==, DESK_INTAKE_SOURCE_NOTICE);
  g_assert_true (p->platform_confident);
  g_assert_cmpfloat (p->platform_confidence, >=, DESK_NOTICE_PLATFORM_THRESHOLD);
  g_assert_cmpint (p->case_type, ==, DESK_CASE_TYPE_IP_COMPLAINT);
  g_assert_true (p->case_type_confident);
  g_assert_true (desk_intake_proposal_is_confident (p, notice, NULL));
  g_assert_cmpstr (p->platform_case_id, ==, "AE-IPR-20261122-0453");
  g_assert_cmpstr (p->product_ids[0], ==, "1005006123456789");
  g_assert_cmpstr (p->product_ids[1], ==, "1005006123456790");
  /* The notice states a deadline: it wins over the rule pack's hours. */
  g_assert_cmpint (p->deadline_source, ==, DESK_INTAKE_SOURCE_NOTICE);
  g_assert_true (g_date_time_equal (p->deadline_at, stated));
  g_assert_true (g_str_has_prefix (p->title, "1005006123456789 — "));
  /* The seller chose nothing yet: the confident guess is offered. */
  g_assert_cmpint (p->suggested_platform, ==, DESK_PLATFORM_ALIEXPRESS);
  g_assert_cmpint (p->suggested_case_type, ==, DESK_CASE_TYPE_IP_COMPLAINT);
}

/* The seller's choice wins; a confident guess that differs is suggested. */
static void
test_propose_seller_wins (Fixture *f, gconstpointer data)
{
  g_autofree char *text = read_notice ("aliexpress-ip-complaint-en.txt");
  g_autoptr (DeskNotice) notice = desk_notice_decode (text, NULL);
  g_autoptr (DeskIntakeProposal) p = desk_intake_propose (desk_session_get_rules (f->session), notice,
                                                          DESK_PLATFORM_JOOM, DESK_CASE_TYPE_IP_COMPLAINT, NULL);

  g_assert_cmpint (p->platform, ==, DESK_PLATFORM_JOOM);
  g_assert_cmpint (p->platform_source, ==, DESK_INTAKE_SOURCE_SELLER);
  g_assert_cmpfloat (p->platform_confidence, ==, 1.0);
  g_assert_cmpint (p->suggested_platform, ==, DESK_PLATFORM_ALIEXPRESS);
  g_assert_cmpint (p->suggested_case_type, ==, DESK_CASE_TYPE_IP_COMPLAINT);
}

static void
test_propose_weak (Fixture *f, gconstpointer data)
{
  g_autofree char *text = read_notice ("ambiguous-shopee-lazada.txt");
  g_autoptr (DeskNotice) notice = desk_notice_decode (text, NULL);
  g_autoptr (DeskIntakeProposal) p = desk_intake_propose (desk_session_get_rules (f->session), notice,
                                                          DESK_PLATFORM_UNKNOWN, DESK_CASE_TYPE_UNKNOWN, NULL);
  g_autofree char *reason = NULL;

  g_assert_false (p->platform_confident);
  g_assert_false (desk_intake_proposal_is_confident (p, notice, &reason));
  g_assert_nonnull (reason);
  g_assert_cmpstr (reason, !=, "");
  /* A weak guess is never suggested as a replacement. */
  g_assert_cmpint (p->suggested_platform, ==, DESK_PLATFORM_UNKNOWN);
}

/* Deadline precedence: seller > notice > rule > none. */
static void
test_deadline_precedence (Fixture *f, gconstpointer data)
{
  g_autofree char *text = read_notice ("aliexpress-ip-complaint-en.txt");
  g_autoptr (GDateTime) received = g_date_time_new_utc (2026, 11, 22, 10, 0, 0);
  g_autoptr (GDateTime) stated = g_date_time_new_utc (2026, 11, 25, 7, 5, 0);
  g_autoptr (DeskNotice) notice = desk_notice_decode (text, received);
  g_autoptr (DeskNotice) silent = desk_notice_decode ("Dear seller, your listing was removed.", received);
  DeskRulePack *pack = desk_session_get_pack (f->session, DESK_PLATFORM_ALIEXPRESS);
  g_autoptr (GDateTime) manual = g_date_time_new_utc (2026, 11, 23, 0, 0, 0);
  g_autoptr (GDateTime) rule = desk_rule_pack_compute_deadline (pack, DESK_CASE_TYPE_IP_COMPLAINT, received);
  g_autoptr (GDateTime) d1 = NULL;
  g_autoptr (GDateTime) d2 = NULL;
  g_autoptr (GDateTime) d3 = NULL;
  g_autoptr (GDateTime) d4 = NULL;
  DeskIntakeSource source;

  g_assert_nonnull (rule);
  d1 = desk_intake_resolve_deadline (notice, pack, DESK_CASE_TYPE_IP_COMPLAINT, received, manual, &source);
  g_assert_cmpint (source, ==, DESK_INTAKE_SOURCE_SELLER);
  g_assert_true (g_date_time_equal (d1, manual));
  d2 = desk_intake_resolve_deadline (notice, pack, DESK_CASE_TYPE_IP_COMPLAINT, received, NULL, &source);
  g_assert_cmpint (source, ==, DESK_INTAKE_SOURCE_NOTICE);
  g_assert_true (g_date_time_equal (d2, stated));
  g_assert_false (g_date_time_equal (d2, rule));
  d3 = desk_intake_resolve_deadline (silent, pack, DESK_CASE_TYPE_IP_COMPLAINT, received, NULL, &source);
  g_assert_cmpint (source, ==, DESK_INTAKE_SOURCE_RULE);
  g_assert_true (g_date_time_equal (d3, rule));
  d4 = desk_intake_resolve_deadline (silent, NULL, DESK_CASE_TYPE_IP_COMPLAINT, received, NULL, &source);
  g_assert_cmpint (source, ==, DESK_INTAKE_SOURCE_NONE);
  g_assert_null (d4);
}

static void
test_title_rule (void)
{
  const char      *products[] = { "1005006612345678", NULL };
  const char      *none[] = { NULL };
  g_autofree char *t1 = desk_intake_suggest_title (products, "CASE-1", "Notice", DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autofree char *t2 = desk_intake_suggest_title (none, "CASE-1", "Notice", DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autofree char *t3 = desk_intake_suggest_title (none, NULL, "\n\n  First line of the notice  \nsecond", DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autofree char *t4 = desk_intake_suggest_title (NULL, NULL, NULL, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autofree char *long_line = g_strnfill (100, 'x');
  g_autofree char *t5 = desk_intake_suggest_title (NULL, NULL, long_line, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);

  g_assert_true (g_str_has_prefix (t1, "1005006612345678 — "));
  g_assert_true (g_str_has_prefix (t2, "CASE-1 — "));
  g_assert_true (g_str_has_prefix (t3, "First line of the notice — "));
  g_assert_true (g_str_has_prefix (t4, "Shopee — "));
  g_assert_true (g_str_has_suffix (t4, desk_case_type_get_label (DESK_CASE_TYPE_IP_COMPLAINT)));
  g_assert_true (g_str_has_prefix (t5, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… — "));
}

/* Intake: one transaction */

static void
test_create_case (Fixture *f, gconstpointer data)
{
  g_autofree char *text = read_notice ("aliexpress-ip-complaint-en.txt");
  g_autoptr (DeskNotice) notice = desk_notice_decode (text, NULL);
  g_autoptr (DeskIntakeProposal) p = desk_intake_propose (desk_session_get_rules (f->session), notice,
                                                          DESK_PLATFORM_UNKNOWN, DESK_CASE_TYPE_UNKNOWN, NULL);
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_UNKNOWN, DESK_CASE_TYPE_UNKNOWN, "");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) timeline = NULL;
  g_autoptr (DeskCase) stored = NULL;
  guint n = 0;
  Seen  seen;

  connect_seen (f, &seen);
  desk_case_set_notice_text (kase, text);
  desk_intake_proposal_apply (p, kase);
  g_assert_cmpint (desk_case_get_platform (kase), ==, DESK_PLATFORM_ALIEXPRESS);
  g_assert_cmpstr (desk_case_get_title (kase), ==, p->title);
  g_assert_true (desk_intake_create_case (f->session, kase, DESK_INTAKE_ORIGIN_COMMAND_LINE, p->deadline_source, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_case_get_id (kase), >, 0);
  g_assert_cmpuint (n, >, 2);

  items = desk_checklist_list (f->session, desk_case_get_id (kase), &error);
  g_assert_cmpuint (items->len, ==, n);
  timeline = desk_store_list_timeline (f->store, desk_case_get_id (kase), &error);
  /* Created; the saved notice provides the notice item; how it was made. */
  g_assert_cmpuint (timeline->len, ==, 3);
  g_assert_cmpstr (((DeskTimelineEntry *)timeline->pdata[0])->kind, ==, "created");
  g_assert_cmpstr (((DeskTimelineEntry *)timeline->pdata[1])->kind, ==, "checklist");
  g_assert_cmpstr (((DeskTimelineEntry *)timeline->pdata[2])->kind, ==, "note");
  g_assert_true (g_str_has_prefix (((DeskTimelineEntry *)timeline->pdata[2])->text, "Created from the command line."));
  stored = desk_store_get_case (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpstr (desk_case_get_notice_text (stored), ==, text);
  g_assert_cmpstr (desk_case_get_rule_pack_version (stored), ==,
                   desk_rule_pack_get_pack_version (desk_session_get_pack (f->session, DESK_PLATFORM_ALIEXPRESS)));
  /* Announced once, after everything was written. */
  g_assert_cmpuint (seen.cases->len, >=, 1);
  g_assert_cmpuint (seen.checklist->len, ==, 1);
  g_signal_handlers_disconnect_by_data (f->session, &seen);
  seen_clear (&seen);
}

/* If any part fails, nothing is written: no half case, no signal. */
static void
test_create_case_atomic (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_IP_COMPLAINT, "Will fail");
  g_autoptr (GError) error = NULL;
  sqlite3 *db;
  Seen     seen;

  /* Make the timeline write fail after the case and checklist went in. */
  db = NULL;
  {
    g_autofree char *path = g_build_filename (f->dir, "cases.db", NULL);

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER no_notes BEFORE INSERT ON timeline WHEN NEW.kind = 'note'"
                                       " BEGIN SELECT RAISE (ABORT, 'no notes'); END;",
                                   NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
  }
  connect_seen (f, &seen);
  g_assert_false (desk_intake_create_case (f->session, kase, DESK_INTAKE_ORIGIN_WIZARD, DESK_INTAKE_SOURCE_NONE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (desk_case_get_id (kase), ==, 0);
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 0);
  g_assert_cmpuint (seen.cases->len, ==, 0);
  g_assert_cmpuint (seen.checklist->len, ==, 0);
  g_signal_handlers_disconnect_by_data (f->session, &seen);
  seen_clear (&seen);
}

/* Changing the status is one write: if the timeline cannot take it, the
 * case keeps its status in the database and in memory. */
static void
test_status_atomic (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, "Status");
  g_autoptr (DeskCase) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "cases.db", NULL);
  sqlite3         *db = NULL;

  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  g_assert_true (desk_store_set_case_status (f->store, kase, DESK_CASE_STATUS_SUBMITTED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER no_status BEFORE INSERT ON timeline WHEN NEW.kind = 'status'"
                                     " BEGIN SELECT RAISE (ABORT, 'no status'); END;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (desk_store_set_case_status (f->store, kase, DESK_CASE_STATUS_RESOLVED, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (desk_case_get_status (kase), ==, DESK_CASE_STATUS_SUBMITTED);
  stored = desk_store_get_case (f->store, desk_case_get_id (kase), NULL);
  g_assert_cmpint (desk_case_get_status (stored), ==, DESK_CASE_STATUS_SUBMITTED);
}

/* Snapshot */

static void
test_snapshot (Fixture *f, gconstpointer data)
{
  g_autofree char *text = read_notice ("aliexpress-ip-complaint-en.txt");
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_IP_COMPLAINT, "Lamp");
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "invoice.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autoptr (DeskCaseSnapshot) snap = NULL;
  g_autoptr (GPtrArray) items = NULL;
  DeskChecklistItem *first;
  GArray            *ids;
  gint64             id;

  desk_case_set_notice_text (kase, text);
  g_assert_true (desk_intake_create_case (f->session, kase, DESK_INTAKE_ORIGIN_WIZARD, DESK_INTAKE_SOURCE_RULE, NULL, &error));
  id = desk_case_get_id (kase);
  g_assert_true (g_file_set_contents (path, "Invoice 2026-0042", -1, NULL));
  evidence = desk_evidence_add (f->store, file, id, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  items = desk_checklist_list (f->session, id, &error);
  first = items->pdata[0];
  g_assert_true (desk_evidence_attach_to_checklist (f->store, first->id, desk_evidence_get_id (evidence), &error));
  g_assert_cmpint (desk_attempts_record (f->store, kase, "1005006123456789", FALSE, NULL, "first try", &error), >, 0);

  snap = desk_case_snapshot_load (f->session, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_case_snapshot_get_case_id (snap), ==, id);
  g_assert_cmpstr (desk_case_get_title (desk_case_snapshot_get_case (snap)), ==, "Lamp");
  g_assert_cmpstr (desk_case_get_notice_text (desk_case_snapshot_get_case (snap)), ==, text);
  g_assert_cmpint (desk_notice_get_platform (desk_case_snapshot_get_notice (snap)), ==, DESK_PLATFORM_ALIEXPRESS);
  g_assert_cmpuint (desk_case_snapshot_get_checklist (snap)->len, ==, items->len);
  ids = desk_case_snapshot_get_item_evidence (snap, first->id);
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, desk_evidence_get_id (evidence));
  g_assert_null (desk_case_snapshot_get_item_evidence (snap, -5));
  g_assert_cmpuint (desk_case_snapshot_get_evidence (snap)->len, ==, 1);
  g_assert_nonnull (desk_case_snapshot_find_evidence (snap, desk_evidence_get_id (evidence)));
  g_assert_null (desk_case_snapshot_find_evidence (snap, 424242));
  g_assert_cmpuint (desk_case_snapshot_get_attempts (snap)->len, ==, 1);
  /* created, the notice item provided, the intake note, the file added, the
   * file attached to the item (or the item flagged), the attempt */
  g_assert_cmpuint (desk_case_snapshot_get_timeline (snap)->len, ==, 6);
  g_assert_null (desk_case_snapshot_get_part (snap, "no-such-part"));

  /* Immutable: later changes do not reach a snapshot already taken. */
  g_assert_true (desk_evidence_detach (f->store, id, desk_evidence_get_id (evidence), &error));
  g_assert_cmpuint (desk_case_snapshot_get_evidence (snap)->len, ==, 1);
  {
    g_autoptr (DeskCaseSnapshot) later = desk_case_snapshot_load (f->session, id, &error);

    g_assert_cmpuint (desk_case_snapshot_get_evidence (later)->len, ==, 0);
    g_assert_cmpuint (desk_case_snapshot_get_item_evidence (later, first->id)->len, ==, 0);
  }
}

static void
test_snapshot_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  DeskCaseSnapshot *snap = desk_case_snapshot_load (f->session, 4242, &error);

  g_assert_null (snap);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

/* The deadline rule, written once. */
static void
test_deadline_state (void)
{
  const gint64 now = 1790000000;
  const gint64 h = 3600;

  g_assert_cmpint (desk_deadline_state_compute (DESK_CASE_STATUS_DRAFT, G_MININT64, now), ==, DESK_DEADLINE_NONE);
  g_assert_cmpint (desk_deadline_state_compute (DESK_CASE_STATUS_DRAFT, now, now), ==, DESK_DEADLINE_OVERDUE);
  g_assert_cmpint (desk_deadline_state_compute (DESK_CASE_STATUS_DRAFT, now + 1, now), ==, DESK_DEADLINE_SOON);
  g_assert_cmpint (desk_deadline_state_compute (DESK_CASE_STATUS_DRAFT, now + DESK_DEADLINE_SOON_HOURS * h - 1, now), ==, DESK_DEADLINE_SOON);
  g_assert_cmpint (desk_deadline_state_compute (DESK_CASE_STATUS_DRAFT, now + DESK_DEADLINE_SOON_HOURS * h, now), ==, DESK_DEADLINE_NORMAL);
  g_assert_cmpint (desk_deadline_state_compute (DESK_CASE_STATUS_SUBMITTED, now - h, now), ==, DESK_DEADLINE_DONE);
  g_assert_cmpint (desk_deadline_state_compute (DESK_CASE_STATUS_CLOSED, now + h, now), ==, DESK_DEADLINE_DONE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/intake/" path, Fixture, NULL, desk_store_fixture_setup, fn, desk_store_fixture_teardown)
  ADD ("session/owns", test_session_owns);
  g_test_add_func ("/intake/session/bad-dir", test_session_bad_dir);
  ADD ("session/signals", test_session_signals);
  ADD ("propose/confident", test_propose_confident);
  ADD ("propose/seller-wins", test_propose_seller_wins);
  ADD ("propose/weak", test_propose_weak);
  ADD ("deadline-precedence", test_deadline_precedence);
  g_test_add_func ("/intake/title-rule", test_title_rule);
  ADD ("create", test_create_case);
  ADD ("create-atomic", test_create_case_atomic);
  ADD ("status-atomic", test_status_atomic);
  ADD ("snapshot", test_snapshot);
  ADD ("snapshot-missing", test_snapshot_missing);
  g_test_add_func ("/intake/deadline-state", test_deadline_state);
  return g_test_run ();
}
