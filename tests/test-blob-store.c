/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "desk-blob-store.h"
#include "desk-store.h"
#include "desk-test-util.h"

static void
test_import_dedupe (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autofree char *src = g_build_filename (dir, "商标证书 (copy) #1.txt", NULL);
  g_autoptr (DeskBlobStore) blobs = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (src);
  g_autoptr (GError) error = NULL;
  g_autofree char *sha1 = NULL;
  g_autofree char *sha2 = NULL;
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "certificate", -1);
  g_autofree char *path = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr (GDir) tmp_dir = NULL;
  goffset size = 0;

  g_assert_true (g_file_set_contents (src, "certificate", -1, NULL));
  blobs = desk_blob_store_new (g_build_filename (dir, "blobs", NULL));
  sha1 = desk_blob_store_import (blobs, file, &size, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sha1, ==, expected);
  g_assert_cmpint (size, ==, 11);
  sha2 = desk_blob_store_import (blobs, file, NULL, NULL, NULL, NULL, &error);
  g_assert_cmpstr (sha2, ==, sha1);
  path = desk_blob_store_get_path (blobs, sha1);
  g_assert_true (g_str_has_suffix (path, sha1 + 2));
  g_assert_true (desk_blob_store_contains (blobs, sha1));
  /* No temporary files are left behind. */
  tmp = g_build_filename (desk_blob_store_get_dir (blobs), "tmp", NULL);
  tmp_dir = g_dir_open (tmp, 0, NULL);
  g_assert_null (g_dir_read_name (tmp_dir));
  g_assert_true (desk_blob_store_remove (blobs, sha1, &error));
  g_assert_false (desk_blob_store_contains (blobs, sha1));
  desk_test_remove_tree (dir);
}

static void
test_missing_source (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (DeskBlobStore) blobs = desk_blob_store_new (dir);
  g_autoptr (GFile) file = g_file_new_for_path ("/nonexistent/file.pdf");
  g_autoptr (GError) error = NULL;
  g_autofree char *sha = desk_blob_store_import (blobs, file, NULL, NULL, NULL, NULL, &error);

  g_assert_null (sha);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  desk_test_remove_tree (dir);
}

static void
test_invalid_hash (void)
{
  g_autoptr (DeskBlobStore) blobs = desk_blob_store_new ("/tmp/unused");
  g_autoptr (GError) error = NULL;

  g_assert_false (desk_blob_store_is_valid_hash ("../../etc/passwd"));
  g_assert_false (desk_blob_store_is_valid_hash (NULL));
  g_assert_false (desk_blob_store_is_valid_hash ("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789"));
  g_assert_true (desk_blob_store_is_valid_hash ("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"));
  g_assert_false (desk_blob_store_remove (blobs, "../x", &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
}

static void
on_imported (GObject *source, GAsyncResult *result, gpointer data)
{
  char **out = data;
  g_autoptr (GError) error = NULL;
  goffset size;

  *out = desk_blob_store_import_finish (DESK_BLOB_STORE (source), result, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpint (size, ==, 3 * 1024 * 1024 + 17);
}

static void
test_async_large (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autofree char *src = g_build_filename (dir, "big.bin", NULL);
  gsize            len = 3 * 1024 * 1024 + 17;
  g_autofree char *data = g_malloc (len);
  g_autofree char *expected = NULL;
  g_autofree char *sha = NULL;
  g_autoptr (DeskBlobStore) blobs = desk_blob_store_new (dir);
  g_autoptr (GFile) file = g_file_new_for_path (src);

  for (gsize i = 0; i < len; i++)
    data[i] = (char)(i * 31 + (i >> 11));
  g_assert_true (g_file_set_contents (src, data, len, NULL));
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *)data, len);
  desk_blob_store_import_async (blobs, file, NULL, on_imported, &sha);
  while (sha == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (sha, ==, expected);
  desk_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/blob-store/import-dedupe", test_import_dedupe);
  g_test_add_func ("/blob-store/missing-source", test_missing_source);
  g_test_add_func ("/blob-store/invalid-hash", test_invalid_hash);
  g_test_add_func ("/blob-store/async-large", test_async_large);
  return g_test_run ();
}
