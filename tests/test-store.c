/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "desk-store-private.h"
#include "desk-util.h"
#include "desk-test-util.h"

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

static DeskCase *
make_case (const char *title)
{
  g_autoptr (GDateTime) received = g_date_time_new_utc (2026, 11, 20, 8, 0, 0);
  g_autoptr (GDateTime) deadline = g_date_time_add_hours (received, 72);

  return desk_test_case_new (&(DeskTestCase){ .platform = DESK_PLATFORM_SHOPEE, .type = DESK_CASE_TYPE_IP_COMPLAINT, .title = title, .received_at = received, .deadline_at = deadline });
}

static char *
db_path (Fixture *f)
{
  return g_build_filename (f->dir, "cases.db", NULL);
}

static void
test_fresh_schema (Fixture *f, gconstpointer data)
{
  guint                n;
  const DeskMigration *steps = _desk_store_get_migrations (&n);

  g_assert_cmpint (desk_store_get_schema_version (f->store), ==, steps[n - 1].version);
  g_assert_cmpint (DESK_STORE_SCHEMA_VERSION, ==, steps[n - 1].version);
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 0);
}

static void
test_unicode_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = make_case ("蓝牙耳机 TWS-X3 — “商标”投诉 🎧");
  g_autoptr (DeskCase) back = NULL;
  const char *products[] = { "22851349076", "商品-Ω-01", NULL };
  const char *notice = "您好，\n我们收到了知识产权投诉。\nЖалоба на товар. عربى\n\tIP-01 ✓";

  desk_case_set_notice_text (kase, notice);
  desk_case_set_product_ids (kase, products);
  desk_case_set_violation_code (kase, "IP-01");
  desk_case_set_platform_case_id (kase, "SPC-2026-118842");
  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_case_get_id (kase), >, 0);

  back = desk_store_get_case (f->store, desk_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_case_get_title (back), ==, desk_case_get_title (kase));
  g_assert_cmpstr (desk_case_get_notice_text (back), ==, notice);
  g_assert_true (g_strv_equal (desk_case_get_product_ids (back), products));
  g_assert_cmpstr (desk_case_get_violation_code (back), ==, "IP-01");
  g_assert_true (g_date_time_equal (desk_case_get_deadline_at (back), desk_case_get_deadline_at (kase)));
  g_assert_cmpint (desk_case_get_platform (back), ==, DESK_PLATFORM_SHOPEE);
  g_assert_nonnull (desk_case_get_created_at (back));
}

static void
test_update_keeps_notice (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = make_case ("Lamp");
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (DeskCase) back = NULL;
  DeskCase *summary;

  desk_case_set_notice_text (kase, "the original notice");
  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  list = desk_store_list_cases (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  summary = list->pdata[0];
  g_assert_false (desk_case_has_notice_text (summary));
  desk_case_set_status (summary, DESK_CASE_STATUS_SUBMITTED);
  g_assert_true (desk_store_update_case (f->store, summary, &error));
  g_assert_no_error (error);
  back = desk_store_get_case (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpstr (desk_case_get_notice_text (back), ==, "the original notice");
  g_assert_cmpint (desk_case_get_status (back), ==, DESK_CASE_STATUS_SUBMITTED);
}

static void
test_invalid_case (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) untitled = desk_case_new (DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, "   ");
  g_autoptr (DeskCase) no_platform = desk_case_new (DESK_PLATFORM_UNKNOWN, DESK_CASE_TYPE_RESELLER, "x");

  g_assert_false (desk_store_insert_case (f->store, untitled, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (desk_store_insert_case (f->store, no_platform, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 0);
  g_assert_cmpint (desk_case_get_id (untitled), ==, 0);
}

static void
test_many_cases (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GDateTime) base = g_date_time_new_utc (2026, 12, 1, 0, 0, 0);
  const guint n = 3000;

  g_autoptr (DeskStoreTxn) txn = _desk_store_txn_begin (f->store, &error);

  g_assert_nonnull (txn);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Case %u 案件", i);
      g_autoptr (DeskCase) kase = make_case (title);
      /* Deadlines in reverse insertion order, to check the sort. */
      g_autoptr (GDateTime) deadline = g_date_time_add_hours (base, n - i);

      desk_case_set_deadline_at (kase, deadline);
      g_assert_true (desk_store_insert_case (f->store, kase, &error));
    }
  g_assert_true (_desk_store_txn_commit (g_steal_pointer (&txn), &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_store_count_cases (f->store), ==, n);
  list = desk_store_list_cases (f->store, &error);
  g_assert_cmpuint (list->len, ==, n);
  g_assert_cmpstr (desk_case_get_title (list->pdata[0]), ==, "Case 2999 案件");
  for (guint i = 1; i < list->len; i++)
    g_assert_cmpint (g_date_time_compare (desk_case_get_deadline_at (list->pdata[i - 1]),
                                          desk_case_get_deadline_at (list->pdata[i])),
                     <=, 0);
}

static void
test_nested_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = make_case ("will vanish");
  guint added = 0;

  g_signal_connect_swapped (f->store, "case-added", G_CALLBACK (desk_test_count_signal), &added);
  {
    g_autoptr (DeskStoreTxn) txn = _desk_store_txn_begin (f->store, &error);

    g_assert_nonnull (txn);
    g_assert_true (desk_store_insert_case (f->store, kase, &error));
    /* Inside the transaction nothing is announced yet. */
    g_assert_cmpuint (added, ==, 0);
    /* Leaving the scope without committing rolls back. */
  }
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 0);
  g_assert_cmpuint (added, ==, 0);
}

/* A nested rollback makes the outermost commit fail and undo everything,
 * and the queued signals are dropped; a commit announces them once. */
static void
test_nested_commit_signals (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) first = make_case ("first");
  g_autoptr (DeskCase) second = make_case ("second");
  g_autoptr (DeskCase) third = make_case ("third");
  g_autoptr (DeskStoreTxn) outer = _desk_store_txn_begin (f->store, &error);
  DeskStoreTxn *inner;
  guint         added = 0;

  g_signal_connect_swapped (f->store, "case-added", G_CALLBACK (desk_test_count_signal), &added);
  g_assert_true (desk_store_insert_case (f->store, first, &error));
  inner = _desk_store_txn_begin (f->store, &error);
  g_assert_true (desk_store_insert_case (f->store, second, &error));
  _desk_store_txn_rollback (inner);
  g_assert_false (_desk_store_txn_commit (g_steal_pointer (&outer), &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FAILED);
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 0);
  g_assert_cmpuint (added, ==, 0);
  g_clear_error (&error);

  outer = _desk_store_txn_begin (f->store, &error);
  g_assert_true (desk_store_insert_case (f->store, third, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_true (_desk_store_txn_commit (g_steal_pointer (&outer), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 1);
}

/* Inserts the case, then fails when @user_data says so. */
static gboolean
insert_then (DeskStore *store,
             gpointer   user_data,
             GError   **error)
{
  g_autoptr (DeskCase) kase = make_case ("in a transaction");

  if (!desk_store_insert_case (store, kase, error))
    return FALSE;
  if (GPOINTER_TO_INT (user_data))
    return TRUE;
  g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID, "step two failed");
  return FALSE;
}

/* desk_store_run_in_transaction(): all or nothing, signals after the commit. */
static void
test_run_in_transaction (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint added = 0;

  g_signal_connect_swapped (f->store, "case-added", G_CALLBACK (desk_test_count_signal), &added);
  g_assert_false (desk_store_run_in_transaction (f->store, insert_then, GINT_TO_POINTER (FALSE), &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 0);
  g_assert_cmpuint (added, ==, 0);
  g_clear_error (&error);
  g_assert_true (desk_store_run_in_transaction (f->store, insert_then, GINT_TO_POINTER (TRUE), &error));
  g_assert_no_error (error);
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 1);
  g_assert_cmpuint (added, ==, 1);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize            len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *)contents, len);
}

static void
test_newer_refused (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DeskStore       *store;
  sqlite3         *db;

  /* A database "from the future": journal_mode DELETE, user_version 99. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_checksum (path);

  store = desk_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "99"));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (g_build_filename (dir, "cases.db-wal", NULL), G_FILE_TEST_EXISTS));
  desk_test_remove_tree (dir);
}

static void
test_corrupt_refused (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char       garbage[] = "This is my shopping list, not a database.\n";

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  before = file_checksum (path);
  g_assert_null (desk_store_open (dir, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  desk_test_remove_tree (dir);
}

static void
test_damaged_sqlite (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "cases.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  gsize            len;
  DeskStore       *store;

  store = desk_store_open (dir, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  /* Keep the SQLite magic but wreck every page after the header. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize i = 100; i < len; i++)
    contents[i] = (char)(i * 7);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  before = file_checksum (path);
  store = desk_store_open (dir, &error);
  if (store != NULL)
    {
      g_autoptr (GPtrArray) list = desk_store_list_cases (store, &error);
      g_assert_null (list);
      g_object_unref (store);
    }
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT);
  desk_test_remove_tree (dir);
}

static const DeskMigration test_steps[] = {
  { 1, "CREATE TABLE a (x);" },
  { 2, "ALTER TABLE a ADD COLUMN y DEFAULT 'two';" },
  { 3, "CREATE TABLE c (z); INSERT INTO nonexistent VALUES (1);" },
};

static int
user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt;
  int           v;

  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  sqlite3_step (stmt);
  v = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static void
test_migrations_in_order (void)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (_desk_store_migrate (db, test_steps, 1, &error));
  g_assert_cmpint (user_version (db), ==, 1);
  g_assert_true (_desk_store_migrate (db, test_steps, 2, &error));
  g_assert_cmpint (user_version (db), ==, 2);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO a (x) VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
  /* Step 3 fails half-way: its table must not exist, version stays 2. */
  g_assert_false (_desk_store_migrate (db, test_steps, 3, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (user_version (db), ==, 2);
  g_assert_cmpint (sqlite3_exec (db, "SELECT * FROM c", NULL, NULL, NULL), !=, SQLITE_OK);
  g_clear_error (&error);
  /* Running again from 2 to 2 changes nothing. */
  g_assert_true (_desk_store_migrate (db, test_steps, 2, &error));
  sqlite3_close (db);
}

/* A step that only fails at COMMIT (a deferred foreign key) is undone too,
 * and leaves no transaction open on the connection. */
static void
test_migration_commit_fails (void)
{
  static const DeskMigration steps[] = {
    { 1, "CREATE TABLE parent (id INTEGER PRIMARY KEY);" },
    { 2, "CREATE TABLE child (parent REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);"
         " INSERT INTO child VALUES (42);" },
  };
  g_autoptr (GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (_desk_store_migrate (db, steps, 2, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (sqlite3_get_autocommit (db), !=, 0);
  g_assert_cmpint (user_version (db), ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "SELECT * FROM child", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
add_evidence (Fixture *f, const char *content, gboolean in_library)
{
  g_autoptr (GBytes) bytes = g_bytes_new (content, strlen (content));
  g_autoptr (GError) error = NULL;
  g_autofree char *sha = desk_blob_store_import_bytes (_desk_store_get_blobs (f->store), bytes, &error);
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO evidence (sha256, original_name, size, mime_type, added_at, in_library)"
                         " VALUES ('%s', 'x', %zu, 'text/plain', '2026-11-22T00:00:00Z', %d)",
                         sha, strlen (content), in_library);
  g_assert_cmpint (sqlite3_exec (_desk_store_get_db (f->store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return sqlite3_last_insert_rowid (_desk_store_get_db (f->store));
}

static void
link_evidence (Fixture *f, DeskCase *kase, gint64 evidence)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO case_evidence VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2026-11-22T00:00:00Z')",
                                          desk_case_get_id (kase), evidence);

  g_assert_cmpint (sqlite3_exec (_desk_store_get_db (f->store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static gboolean
blob_exists_for_content (Fixture *f, const char *content)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);

  return desk_test_blob_exists (f->store, sha);
}

static void
test_delete_refcounts_blobs (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) a = make_case ("A");
  g_autoptr (DeskCase) b = make_case ("B");
  gint64 shared, only_a, library;

  g_assert_true (desk_store_insert_case (f->store, a, &error));
  g_assert_true (desk_store_insert_case (f->store, b, &error));
  shared = add_evidence (f, "trademark certificate", FALSE);
  only_a = add_evidence (f, "invoice for A", FALSE);
  library = add_evidence (f, "brand authorization kept in library", TRUE);
  link_evidence (f, a, shared);
  link_evidence (f, b, shared);
  link_evidence (f, a, only_a);
  link_evidence (f, a, library);

  g_assert_true (desk_store_delete_case (f->store, desk_case_get_id (a), &error));
  g_assert_no_error (error);
  g_assert_true (blob_exists_for_content (f, "trademark certificate"));
  g_assert_false (blob_exists_for_content (f, "invoice for A"));
  g_assert_true (blob_exists_for_content (f, "brand authorization kept in library"));

  g_assert_true (desk_store_delete_case (f->store, desk_case_get_id (b), &error));
  g_assert_false (blob_exists_for_content (f, "trademark certificate"));
  g_assert_true (blob_exists_for_content (f, "brand authorization kept in library"));
  g_assert_false (desk_store_delete_case (f->store, desk_case_get_id (b), &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

static void
on_removed (DeskStore *store, gint64 id, gint64 *out)
{
  *out = id;
}

static void
test_trash_restore (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = make_case ("undo me");
  gint64 removed = 0;

  g_signal_connect (f->store, "case-removed", G_CALLBACK (on_removed), &removed);
  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  g_assert_true (desk_store_trash_case (f->store, desk_case_get_id (kase), &error));
  g_assert_cmpint (removed, ==, desk_case_get_id (kase));
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 0);
  g_assert_true (desk_store_restore_case (f->store, desk_case_get_id (kase), &error));
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 1);
  g_assert_true (desk_store_trash_case (f->store, desk_case_get_id (kase), &error));
  g_assert_true (desk_store_purge_trash (f->store, &error));
  g_assert_false (desk_store_restore_case (f->store, desk_case_get_id (kase), &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

static void
test_timeline (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = make_case ("timeline");
  g_autoptr (GPtrArray) entries = NULL;

  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  g_assert_true (desk_store_add_timeline_entry (f->store, desk_case_get_id (kase), "note", "已致电平台客服 ticket #123", &error));
  entries = desk_store_list_timeline (f->store, desk_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((DeskTimelineEntry *)entries->pdata[0])->kind, ==, "created");
  g_assert_cmpstr (((DeskTimelineEntry *)entries->pdata[1])->text, ==, "已致电平台客服 ticket #123");
}

static void
test_reopen_persists (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = make_case ("persist");
  g_autofree char *path = db_path (f);

  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  g_clear_object (&f->store);
  f->store = desk_store_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_drafts_due (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) horizon = g_date_time_add_hours (now, 24);
  g_autoptr (GPtrArray) due = NULL;
  struct
  {
    const char    *title;
    int            hours;
    DeskCaseStatus status;
  } rows[] = {
    { "due in 2 h", 2, DESK_CASE_STATUS_DRAFT },
    { "overdue", -5, DESK_CASE_STATUS_DRAFT },
    { "due in 48 h", 48, DESK_CASE_STATUS_DRAFT },
    { "submitted, due in 1 h", 1, DESK_CASE_STATUS_SUBMITTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr (DeskCase) kase = make_case (rows[i].title);
      g_autoptr (GDateTime) deadline = g_date_time_add_hours (now, rows[i].hours);

      desk_case_set_deadline_at (kase, deadline);
      desk_case_set_status (kase, rows[i].status);
      g_assert_true (desk_store_insert_case (f->store, kase, &error));
    }
  {
    g_autoptr (DeskCase) none = make_case ("no deadline");

    desk_case_set_deadline_at (none, NULL);
    g_assert_true (desk_store_insert_case (f->store, none, &error));
  }
  due = desk_store_list_drafts_due (f->store, horizon, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (desk_case_get_title (due->pdata[0]), ==, "overdue");
  g_assert_cmpstr (desk_case_get_title (due->pdata[1]), ==, "due in 2 h");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/store/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("fresh-schema", test_fresh_schema);
  ADD ("unicode", test_unicode_round_trip);
  ADD ("update-keeps-notice", test_update_keeps_notice);
  ADD ("invalid", test_invalid_case);
  ADD ("many", test_many_cases);
  ADD ("nested-rollback", test_nested_rollback);
  ADD ("nested-commit-signals", test_nested_commit_signals);
  ADD ("run-in-transaction", test_run_in_transaction);
  ADD ("delete-refcounts", test_delete_refcounts_blobs);
  ADD ("trash", test_trash_restore);
  ADD ("timeline", test_timeline);
  ADD ("reopen", test_reopen_persists);
  ADD ("drafts-due", test_drafts_due);
#undef ADD
  g_test_add_func ("/store/newer-refused", test_newer_refused);
  g_test_add_func ("/store/corrupt-refused", test_corrupt_refused);
  g_test_add_func ("/store/damaged-sqlite", test_damaged_sqlite);
  g_test_add_func ("/store/migrations", test_migrations_in_order);
  g_test_add_func ("/store/migrations/commit-fails", test_migration_commit_fails);
  return g_test_run ();
}
