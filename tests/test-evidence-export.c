/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "desk-evidence-export.h"
#include "desk-evidence-store.h"
#include "desk-test-util.h"

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

static DeskEvidence *
add_text (Fixture *f, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  DeskEvidence *evidence;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  evidence = desk_evidence_add (f->store, file, 0, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return evidence;
}

static void
test_save_copy (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskEvidence) evidence = add_text (f, "invoice 2026.txt", "Invoice INV-1\n");
  g_autofree char *dest_path = g_build_filename (f->dir, "out.txt", NULL);
  g_autoptr (GFile) dest = g_file_new_for_path (dest_path);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (desk_evidence_save_copy (f->store, evidence, dest, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (dest_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Invoice INV-1\n");
  /* Saving again over it is allowed (the file dialog asked). */
  g_assert_true (desk_evidence_save_copy (f->store, evidence, dest, NULL, &error));
  g_assert_no_error (error);
}

static void
test_shareable_file (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskEvidence) evidence = add_text (f, "authorization.txt", "Brand authorization\n");
  g_autoptr (GFile) first = NULL;
  g_autoptr (GFile) second = NULL;
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stored = desk_evidence_get_path (f->store, evidence);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf st;

  first = desk_evidence_get_shareable_file (f->store, evidence, &error);
  g_assert_no_error (error);
  base = g_file_get_basename (first);
  g_assert_cmpstr (base, ==, "authorization.txt");
  path = g_file_get_path (first);
  g_assert_true (g_str_has_prefix (path, f->dir));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Brand authorization\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0222, ==, 0);
  second = desk_evidence_get_shareable_file (f->store, evidence, &error);
  g_assert_true (g_file_equal (first, second));
  /* The stored file keeps its content. */
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (stored, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Brand authorization\n");

  /* When the stored file goes, so does the shared copy. */
  g_assert_true (desk_evidence_set_in_library (f->store, desk_evidence_get_id (evidence), FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_export_name (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskEvidence) hidden = add_text (f, ".hidden.pdf", "x");
  g_autoptr (DeskEvidence) dots = add_text (f, "...", "y");
  g_autofree char *a = desk_evidence_export_name (hidden);
  g_autofree char *b = desk_evidence_export_name (dots);
  g_autofree char *expected = g_strdup_printf ("evidence-%" G_GINT64_FORMAT, desk_evidence_get_id (dots));

  g_assert_cmpstr (a, ==, "hidden.pdf");
  g_assert_cmpstr (b, ==, expected);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/evidence-export/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("save-copy", test_save_copy);
  ADD ("shareable-file", test_shareable_file);
  ADD ("export-name", test_export_name);
  return g_test_run ();
}
