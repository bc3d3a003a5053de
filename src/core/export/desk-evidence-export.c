/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "desk-evidence-export.h"
#include "desk-evidence-store.h"
#include "desk-store-private.h"

char *
desk_evidence_export_name (DeskEvidence *evidence)
{
  g_autofree char *name = NULL;
  char            *p;

  g_return_val_if_fail (DESK_IS_EVIDENCE (evidence), NULL);
  name = g_path_get_basename (desk_evidence_get_original_name (evidence));
  for (p = name; *p; p++)
    if (*p == '/' || *p == '\\' || (guchar)*p < 0x20)
      *p = '_';
  /* A hidden file would vanish in the file manager; "." and ".." are folders. */
  p = name;
  while (*p == '.')
    p++;
  if (*p == '\0')
    return g_strdup_printf ("evidence-%" G_GINT64_FORMAT, desk_evidence_get_id (evidence));
  return g_strdup (p);
}

static gboolean
translate_error (GError  *cause,
                 GFile   *dest,
                 GError **error)
{
  g_autofree char *name = g_file_get_parse_name (dest);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _ ("“%s” could not be saved: the disk is full. Free some space or choose another place."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
           || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _ ("“%s” could not be saved: you may not write there. Choose another folder."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("“%s” could not be saved: %s"), name, cause->message);
  return FALSE;
}

gboolean
desk_evidence_save_copy (DeskStore    *store,
                         DeskEvidence *evidence,
                         GFile        *dest,
                         GCancellable *cancellable,
                         GError      **error)
{
  g_autofree char *path = NULL;
  g_autoptr (GFile) source = NULL;
  g_autoptr (GError) cause = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (DESK_IS_EVIDENCE (evidence), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  path = desk_evidence_get_path (store, evidence);
  source = g_file_new_for_path (path);
  /* Not G_FILE_COPY_ALL_METADATA: the stored file is read-only, the copy is
   * the seller's to edit. */
  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &cause))
    return translate_error (cause, dest, error);
  return TRUE;
}

typedef struct
{
  DeskStore    *store;
  DeskEvidence *evidence;
  GFile        *dest;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->store);
  g_object_unref (data->evidence);
  g_object_unref (data->dest);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError   *error = NULL;

  if (desk_evidence_save_copy (data->store, data->evidence, data->dest, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
desk_evidence_save_copy_async (DeskStore          *store,
                               DeskEvidence       *evidence,
                               GFile              *dest,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (store, cancellable, callback, user_data);
  SaveData *data = g_new0 (SaveData, 1);

  g_return_if_fail (DESK_IS_STORE (store));
  g_task_set_source_tag (task, desk_evidence_save_copy_async);
  data->store = g_object_ref (store);
  data->evidence = g_object_ref (evidence);
  data->dest = g_object_ref (dest);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
desk_evidence_save_copy_finish (DeskStore    *store,
                                GAsyncResult *result,
                                GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_evidence_save_copy_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

GFile *
desk_evidence_get_shareable_file (DeskStore    *store,
                                  DeskEvidence *evidence,
                                  GError      **error)
{
  g_autofree char *stored = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) dest = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_EVIDENCE (evidence), NULL);
  stored = desk_evidence_get_path (store, evidence);
  name = desk_evidence_export_name (evidence);
  dir = g_build_filename (desk_store_get_data_dir (store), "open", desk_evidence_get_sha256 (evidence), NULL);
  path = g_build_filename (dir, name, NULL);
  dest = g_file_new_for_path (path);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&dest);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _ ("“%s” cannot be opened: the folder for opened files cannot be made (%s)."), name, g_strerror (saved));
      return NULL;
    }
  if (link (stored, path) != 0)
    {
      g_autoptr (GFile) source = g_file_new_for_path (stored);
      g_autoptr (GError) cause = NULL;

      if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &cause))
        {
          translate_error (cause, dest, error);
          return NULL;
        }
    }
  g_chmod (path, 0444);
  return g_steal_pointer (&dest);
}

void
desk_evidence_forget_shareable (DeskStore  *store,
                                const char *sha256)
{
  g_autofree char *dir = NULL;
  g_autoptr (GDir) listing = NULL;
  const char   *name;
  sqlite3_stmt *stmt;
  gboolean      used;

  g_return_if_fail (DESK_IS_STORE (store));
  if (sha256 == NULL || strlen (sha256) != 64 || strchr (sha256, '/'))
    return;
  /* Only when no evidence row has this content any more. */
  if (!(stmt = _desk_store_prepare (store, "SELECT 1 FROM evidence WHERE sha256 = ?1", NULL)))
    return;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  used = sqlite3_step (stmt) != SQLITE_DONE;
  sqlite3_reset (stmt);
  if (used)
    return;
  dir = g_build_filename (desk_store_get_data_dir (store), "open", sha256, NULL);
  if (!(listing = g_dir_open (dir, 0, NULL)))
    return;
  while ((name = g_dir_read_name (listing)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}
