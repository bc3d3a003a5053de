/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-package"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <nettle/sha2.h>
#include <string.h>

#include "desk-package.h"
#include "desk-package-manifest.h"
#include "desk-package-verify.h"

#define CHUNK_SIZE (1024 * 1024)

static void
problem_free (DeskPackageProblem *problem)
{
  g_free (problem->path);
  g_free (problem);
}

void
desk_package_report_free (DeskPackageReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report->case_title);
  g_free (report->created_at);
  g_free (report);
}

char *
desk_package_problem_describe (const DeskPackageProblem *problem)
{
  switch (problem->kind)
    {
      /* Translators: %s is a file name inside the package */
      case DESK_PACKAGE_PROBLEM_MISSING: return g_strdup_printf (_ ("Missing: %s"), problem->path);
      /* Translators: %s is a file name inside the package */
      case DESK_PACKAGE_PROBLEM_EXTRA: return g_strdup_printf (_ ("Not listed (added): %s"), problem->path);
      /* Translators: %s is a file name inside the package */
      case DESK_PACKAGE_PROBLEM_CHANGED: return g_strdup_printf (_ ("Changed: %s"), problem->path);
      /* Translators: %s is a file name inside the package */
      case DESK_PACKAGE_PROBLEM_DUPLICATE: return g_strdup_printf (_ ("In the package twice: %s"), problem->path);
      /* Translators: %s is a file name inside the package */
      case DESK_PACKAGE_PROBLEM_LISTS:
      default:
        return g_strdup_printf (_ ("The two file lists disagree about: %s"), problem->path);
    }
}

static void
add_problem (DeskPackageReport     *report,
             DeskPackageProblemKind kind,
             const char            *path)
{
  DeskPackageProblem *problem = g_new0 (DeskPackageProblem, 1);

  problem->kind = kind;
  problem->path = g_strdup (path);
  g_ptr_array_add (report->problems, problem);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const DeskPackageProblem *pa = *(DeskPackageProblem **)a;
  const DeskPackageProblem *pb = *(DeskPackageProblem **)b;
  int                       c = strcmp (pa->path, pb->path);

  return c != 0 ? c : (int)pa->kind - (int)pb->kind;
}

static gboolean
not_package (GError    **error,
             const char *path,
             const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_NOT_PACKAGE,
               /* Translators: first %s is a file, second why it is not a package */
               _ ("“%s” is not an Appeal Desk package: %s."), display, reason);
  return FALSE;
}

/* Hash of every entry (path → hex), and the bytes of the two lists. */
typedef struct
{
  GHashTable *hashes;
  GHashTable *duplicates;
  GByteArray *manifest;
  GByteArray *sums;
} ZipContents;

static void
zip_contents_clear (ZipContents *contents)
{
  g_clear_pointer (&contents->hashes, g_hash_table_unref);
  g_clear_pointer (&contents->duplicates, g_hash_table_unref);
  g_clear_pointer (&contents->manifest, g_byte_array_unref);
  g_clear_pointer (&contents->sums, g_byte_array_unref);
}

static gboolean
read_entry (struct archive *a,
            const char     *name,
            guint8         *buffer,
            ZipContents    *contents,
            GCancellable   *cancellable,
            GError        **error)
{
  struct sha256_ctx ctx;
  guint8            digest[SHA256_DIGEST_SIZE];
  GByteArray       *keep = NULL;
  GString          *hex = g_string_sized_new (64);
  la_ssize_t        n;

  if (g_str_equal (name, "manifest.json"))
    keep = contents->manifest = g_byte_array_new ();
  else if (g_str_equal (name, "SHA256SUMS"))
    keep = contents->sums = g_byte_array_new ();
  sha256_init (&ctx);
  while ((n = archive_read_data (a, buffer, CHUNK_SIZE)) > 0)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      sha256_update (&ctx, n, buffer);
      if (keep && keep->len + n <= DESK_PACKAGE_MANIFEST_MAX_SIZE + 1)
        g_byte_array_append (keep, buffer, n);
    }
  if (n < 0)
    {
      /* A damaged entry (bad CRC, cut short) counts as changed. */
      g_string_assign (hex, "damaged");
    }
  else
    {
      sha256_digest (&ctx, sizeof digest, digest);
      for (guint i = 0; i < sizeof digest; i++)
        g_string_append_printf (hex, "%02x", digest[i]);
    }
  g_hash_table_replace (contents->hashes, g_strdup (name), g_string_free (hex, FALSE));
  return TRUE;

fail:
  g_string_free (hex, TRUE);
  return FALSE;
}

static gboolean
read_zip (const char   *path,
          ZipContents  *contents,
          GCancellable *cancellable,
          GError      **error)
{
  struct archive       *a = archive_read_new ();
  struct archive_entry *entry;
  g_autofree guint8    *buffer = g_malloc (CHUNK_SIZE);
  gboolean              ok = TRUE;
  int                   rc;

  contents->hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  contents->duplicates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  archive_read_support_format_zip_seekable (a);
  if (archive_read_open_filename (a, path, CHUNK_SIZE) != ARCHIVE_OK)
    {
      g_debug ("%s: %s", path, archive_error_string (a));
      ok = not_package (error, path, _ ("not a zip file"));
      goto out;
    }
  while ((rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN)
    {
      const char      *utf8 = archive_entry_pathname_utf8 (entry);
      g_autofree char *name = g_utf8_make_valid (utf8 ? utf8 : archive_entry_pathname (entry), -1);

      if (archive_entry_filetype (entry) == AE_IFDIR)
        continue;
      if (g_hash_table_contains (contents->hashes, name))
        g_hash_table_add (contents->duplicates, g_strdup (name));
      if (!read_entry (a, name, buffer, contents, cancellable, error))
        {
          ok = FALSE;
          goto out;
        }
    }
  if (rc != ARCHIVE_EOF)
    {
      g_debug ("%s: %s", path, archive_error_string (a));
      ok = not_package (error, path, g_hash_table_size (contents->hashes) == 0 ? _ ("not a zip file") : _ ("the zip file is damaged"));
    }
out:
  archive_read_free (a);
  return ok;
}

static void
compare (DeskPackageReport   *report,
         ZipContents         *contents,
         DeskPackageManifest *manifest,
         GHashTable          *sums)
{
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  const char    *manifest_sum = g_hash_table_lookup (sums, "manifest.json");
  GHashTableIter iter;
  gpointer       key, value;

  g_hash_table_add (listed, (gpointer) "manifest.json");
  g_hash_table_add (listed, (gpointer) "SHA256SUMS");
  if (g_strcmp0 (manifest_sum, g_hash_table_lookup (contents->hashes, "manifest.json")) != 0)
    add_problem (report, DESK_PACKAGE_PROBLEM_CHANGED, "manifest.json");
  for (guint i = 0; i < manifest->files->len; i++)
    {
      DeskManifestFile *file = g_ptr_array_index (manifest->files, i);
      const char       *actual = g_hash_table_lookup (contents->hashes, file->path);
      const char       *summed = g_hash_table_lookup (sums, file->path);

      g_hash_table_add (listed, file->path);
      report->n_listed++;
      if (g_strcmp0 (summed, file->sha256) != 0)
        add_problem (report, DESK_PACKAGE_PROBLEM_LISTS, file->path);
      if (actual == NULL)
        add_problem (report, DESK_PACKAGE_PROBLEM_MISSING, file->path);
      else if (g_strcmp0 (actual, file->sha256) != 0)
        add_problem (report, DESK_PACKAGE_PROBLEM_CHANGED, file->path);
      else
        report->n_checked++;
    }
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (listed, key))
      add_problem (report, DESK_PACKAGE_PROBLEM_LISTS, key);
  g_hash_table_iter_init (&iter, contents->hashes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (listed, key))
      add_problem (report, DESK_PACKAGE_PROBLEM_EXTRA, key);
  g_hash_table_iter_init (&iter, contents->duplicates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_problem (report, DESK_PACKAGE_PROBLEM_DUPLICATE, key);
  g_ptr_array_sort (report->problems, compare_problems);
}

DeskPackageReport *
desk_package_verify (const char   *path,
                     GCancellable *cancellable,
                     GError      **error)
{
  ZipContents contents = { 0 };
  g_autoptr (DeskPackageManifest) manifest = NULL;
  g_autoptr (GHashTable) sums = NULL;
  DeskPackageReport *report = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  if (!read_zip (path, &contents, cancellable, error))
    goto out;
  if (contents.manifest == NULL || contents.sums == NULL)
    {
      not_package (error, path, contents.manifest == NULL ? _ ("it has no manifest.json") : _ ("it has no SHA256SUMS"));
      goto out;
    }
  if (!(manifest = desk_package_manifest_parse ((const char *)contents.manifest->data, contents.manifest->len, error)) || !(sums = desk_package_sums_parse ((const char *)contents.sums->data, contents.sums->len, error)))
    goto out;
  report = g_new0 (DeskPackageReport, 1);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);
  report->case_title = g_strdup (manifest->case_title);
  report->created_at = g_strdup (manifest->created_at);
  report->made_with_blocking_gaps = manifest->made_with_blocking_gaps;
  compare (report, &contents, manifest, sums);
out:
  zip_contents_clear (&contents);
  return report;
}
