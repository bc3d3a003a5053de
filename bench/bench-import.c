/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Evidence import (SHA-256 + copy into the blob store, fsync and rename: the
 * real desk_blob_store_import) against `sha256sum` on the same file.
 * Usage: bench-import [MIB] (default 1024). Goal: ≤ 1.3×. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "desk-blob-store.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static void
make_file (const char *path, int mib)
{
  FILE               *fp = fopen (path, "wb");
  g_autofree guint32 *buf = g_new (guint32, 256 * 1024);
  guint32             x = 2463534242u;

  for (int m = 0; m < mib; m++)
    {
      for (guint i = 0; i < 256 * 1024; i++)
        {
          x ^= x << 13, x ^= x >> 17, x ^= x << 5;
          buf[i] = x;
        }
      fwrite (buf, 4, 256 * 1024, fp);
    }
  fclose (fp);
}

int
main (int argc, char *argv[])
{
  int              mib = argc > 1 ? atoi (argv[1]) : 1024;
  g_autofree char *dir = g_dir_make_tmp ("desk-import-XXXXXX", NULL);
  g_autofree char *src = g_build_filename (dir, "evidence.bin", NULL);
  g_autofree char *blobs_dir = g_build_filename (dir, "blobs", NULL);
  g_autoptr (DeskBlobStore) blobs = desk_blob_store_new (blobs_dir);
  g_autoptr (GFile) file = g_file_new_for_path (src);
  double desk[3], anchor[3];

  printf ("writing a %d MiB test file ...\n", mib);
  make_file (src, mib);
  for (int rep = 0; rep < 3; rep++)
    {
      g_autoptr (GError) error = NULL;
      const char      *cmd[] = { "sha256sum", src, NULL };
      g_autofree char *sha = NULL;
      double           start = now_ms ();

      if (!g_spawn_sync (NULL, (char **)cmd, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      anchor[rep] = now_ms () - start;
      start = now_ms ();
      sha = desk_blob_store_import (blobs, file, NULL, NULL, NULL, NULL, &error);
      desk[rep] = now_ms () - start;
      if (sha == NULL)
        g_error ("%s", error->message);
      desk_blob_store_remove (blobs, sha, NULL);
    }
  qsort (desk, 3, sizeof (double), compare_double);
  qsort (anchor, 3, sizeof (double), compare_double);
  printf ("import %d MiB (hash + copy + fsync + rename): desk %.0f ms, sha256sum %.0f ms, ratio %.2f (goal ≤ 1.3, medians of 3)\n",
          mib, desk[1], anchor[1], desk[1] / anchor[1]);
  g_unlink (src);
  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (rm) != 0)
      return 1;
  }
  return 0;
}
