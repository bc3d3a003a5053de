/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "desk-checklist.h"
#include "desk-evidence-store.h"
#include "desk-intake.h"
#include "desk-store-private.h"
#include "desk-test-util.h"

/* What a crash or a full disk can leave behind, and what one user action
 * writes (issue 8, items 2, 3 and 7). */

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

#define SHA_A "aa00000000000000000000000000000000000000000000000000000000000001"
#define SHA_B "bb00000000000000000000000000000000000000000000000000000000000002"

static void
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  f->store = desk_store_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  f->session = desk_session_new_for_store (f->store, NULL);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Another open file description, as a live writer in another process has:
 * flock() locks conflict between descriptions even in one process. */
static int
hold_lock (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);
  return fd;
}

static char *
blob_path (Fixture    *f,
           const char *sha)
{
  g_autofree char *prefix = g_strndup (sha, 2);

  return g_build_filename (f->dir, "blobs", prefix, sha + 2, NULL);
}

static void
test_dead_temp_files_removed (Fixture *f, gconstpointer data)
{
  g_autofree char *tmp = g_build_filename (f->dir, "blobs", "tmp", NULL);
  g_autofree char *dead = write_file (tmp, "import-DEAD01", "half a file");
  g_autofree char *live = write_file (tmp, "import-LIVE01", "being written");
  int              fd = hold_lock (live);

  reopen (f);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  /* Its writer still holds the lock: however old, it stays. */
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  close (fd);
  reopen (f);
  g_assert_false (g_file_test (live, G_FILE_TEST_EXISTS));
}

static void
test_unused_blobs_swept (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *in_dir = g_build_filename (f->dir, "in", NULL);
  g_autofree char *doc = write_file (in_dir, "note.txt", "Invoice 2026-118842\n");
  g_autoptr (GFile) file = g_file_new_for_path (doc);
  g_autoptr (DeskEvidence) kept = desk_evidence_add (f->store, file, 0, NULL, NULL, NULL, NULL, NULL, &error);
  g_autofree char *kept_path = NULL;
  g_autofree char *orphan = blob_path (f, SHA_A);
  g_autofree char *orphan_dir = g_path_get_dirname (orphan);
  g_autofree char *held = blob_path (f, SHA_B);
  g_autofree char *held_dir = g_path_get_dirname (held);
  int              fd;

  g_assert_no_error (error);
  kept_path = blob_path (f, desk_evidence_get_sha256 (kept));
  g_free (write_file (orphan_dir, SHA_A + 2, "renamed, row never committed"));
  g_free (write_file (held_dir, SHA_B + 2, "a live import is about to record it"));
  fd = hold_lock (held);

  reopen (f);
  g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (orphan_dir, G_FILE_TEST_EXISTS)); /* empty folder gone */
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_path, G_FILE_TEST_IS_REGULAR));
  close (fd);
  reopen (f);
  g_assert_false (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_path, G_FILE_TEST_IS_REGULAR));
}

/* Inspection runs on the staged copy: a refused file never reaches the
 * store, so not even an empty blobs/xx folder is left. */
static void
test_refused_import_leaves_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *in_dir = g_build_filename (f->dir, "in", NULL);
  g_autofree char *doc = write_file (in_dir, "broken.pdf", "%PDF-1.7\nnot really a PDF at all\n");
  g_autoptr (GFile) file = g_file_new_for_path (doc);
  g_autofree char *blobs = g_build_filename (f->dir, "blobs", NULL);
  g_autofree char *tmp = g_build_filename (blobs, "tmp", NULL);
  g_autoptr (DeskEvidence) evidence = desk_evidence_add (f->store, file, 0, NULL, NULL, NULL, NULL, NULL, &error);

  g_assert_null (evidence);
  g_assert_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_DAMAGED);
  g_assert_cmpuint (desk_test_count_entries (tmp), ==, 0);
  g_assert_true (g_file_test (tmp, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (desk_test_count_entries (blobs), ==, 1); /* only tmp */
}

static DeskCase *
make_case (void)
{
  return desk_test_case_new (&(DeskTestCase){ .platform = DESK_PLATFORM_SHOPEE, .type = DESK_CASE_TYPE_IP_COMPLAINT, .title = "Bluetooth earbuds TWS-X3", .notice_text = "Trademark complaint IP-01" });
}

/* The one call that saves a new case (desk-intake). */
static gboolean
create_case (Fixture  *f,
             DeskCase *kase,
             guint    *n_created,
             GError  **error)
{
  return desk_intake_create_case (f->session, kase, DESK_INTAKE_ORIGIN_COMMAND_LINE, DESK_INTAKE_SOURCE_NONE,
                                  n_created, error);
}

/* A failure after the case row (here in the checklist) takes the case back:
 * nothing is committed and nobody was told a case was added. */
static void
test_case_and_checklist_one_transaction (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = make_case ();
  g_autoptr (DeskCase) again = make_case ();
  guint n_added = 0;
  guint n_created = 0;

  g_signal_connect_swapped (f->store, "case-added", G_CALLBACK (desk_test_count_signal), &n_added);
  g_assert_cmpint (sqlite3_exec (_desk_store_get_db (f->store),
                                 "CREATE TRIGGER fail_checklist BEFORE INSERT ON checklist_items"
                                 " BEGIN SELECT RAISE (ABORT, 'no room'); END",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_false (create_case (f, kase, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (desk_case_get_id (kase), ==, 0);
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 0);
  g_assert_cmpuint (n_added, ==, 0);

  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (_desk_store_get_db (f->store), "DROP TRIGGER fail_checklist", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (create_case (f, again, &n_created, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_created, >, 0);
  {
    guint counts[3] = { 0 };

    g_assert_true (desk_checklist_count (f->session, desk_case_get_id (again), counts, &error));
    g_assert_cmpuint (counts[0] + counts[1] + counts[2], ==, n_created);
  }
  g_assert_cmpuint (n_added, ==, 1);
}

/* SQLite's own "full" (the page limit stands in for the disk): the message
 * says so, and it is true that nothing changed. */
static void
test_full_database_commits_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = make_case ();
  GString *notice = g_string_new (NULL);

  while (notice->len < 512 * 1024)
    g_string_append (notice, "Ваш товар был заблокирован. 您的商品已被下架。 ");
  desk_case_set_notice_text (kase, notice->str);
  g_string_free (notice, TRUE);
  g_assert_cmpint (sqlite3_exec (_desk_store_get_db (f->store), "PRAGMA max_page_count = 40", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (create_case (f, kase, NULL, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FULL);
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 0);
}

static gint64
insert (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = make_case ();

  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  g_assert_no_error (error);
  return desk_case_get_id (kase);
}

static void
test_case_ids_never_reused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 first = insert (f);
  gint64 last = insert (f);

  g_assert_cmpint (last, ==, first + 1);
  g_assert_true (desk_store_delete_case (f->store, last, &error));
  g_assert_no_error (error);
  g_assert_cmpint (insert (f), ==, last + 1);

  /* Also through the trash, and after reopening. */
  last = insert (f);
  g_assert_true (desk_store_trash_case (f->store, last, &error));
  g_assert_true (desk_store_purge_trash (f->store, &error));
  g_assert_no_error (error);
  reopen (f);
  g_assert_cmpint (insert (f), ==, last + 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/reliability/dead-temp-files-removed", test_dead_temp_files_removed);
  ADD ("/reliability/unused-blobs-swept", test_unused_blobs_swept);
  ADD ("/reliability/refused-import-leaves-nothing", test_refused_import_leaves_nothing);
  ADD ("/reliability/case-and-checklist-one-transaction", test_case_and_checklist_one_transaction);
  ADD ("/reliability/full-database-commits-nothing", test_full_database_commits_nothing);
  ADD ("/reliability/case-ids-never-reused", test_case_ids_never_reused);
#undef ADD
  return g_test_run ();
}
