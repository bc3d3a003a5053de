/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-package"

#include "config.h"

#include "desk-package-store.h"
#include "desk-store-private.h"
#include "desk-util.h"

G_DEFINE_BOXED_TYPE (DeskPackageRecord, desk_package_record, desk_package_record_copy, desk_package_record_free)

DeskPackageRecord *
desk_package_record_copy (const DeskPackageRecord *record)
{
  DeskPackageRecord *copy = g_memdup2 (record, sizeof *record);

  copy->created_at = record->created_at ? g_date_time_ref (record->created_at) : NULL;
  copy->path = g_strdup (record->path);
  copy->sha256 = g_strdup (record->sha256);
  copy->omitted = g_strdupv (record->omitted);
  return copy;
}

void
desk_package_record_free (DeskPackageRecord *record)
{
  if (record == NULL)
    return;
  g_clear_pointer (&record->created_at, g_date_time_unref);
  g_free (record->path);
  g_free (record->sha256);
  g_strfreev (record->omitted);
  g_free (record);
}

gboolean
_desk_package_record_insert (DeskStore               *store,
                             const DeskPackageRecord *record,
                             GError                 **error)
{
  sqlite3_stmt    *stmt;
  g_autofree char *omitted = record->omitted ? g_strjoinv (",", record->omitted) : g_strdup ("");

  stmt = _desk_store_prepare (store,
                              "INSERT INTO packages (case_id, created_at, path, sha256, size, n_files, blocking_gaps, omitted)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->case_id);
  _desk_store_bind_time (stmt, 2, record->created_at);
  sqlite3_bind_text (stmt, 3, record->path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, record->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, record->size);
  sqlite3_bind_int64 (stmt, 6, record->n_files);
  sqlite3_bind_int64 (stmt, 7, record->blocking_gaps);
  sqlite3_bind_text (stmt, 8, omitted, -1, SQLITE_TRANSIENT);
  return _desk_store_step_done (store, stmt, error);
}

GPtrArray *
desk_package_list_records (DeskStore *store,
                           gint64     case_id,
                           GError   **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_package_record_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  stmt = _desk_store_prepare (store,
                              "SELECT id, case_id, created_at, path, sha256, size, n_files, blocking_gaps, omitted"
                              " FROM packages WHERE case_id = ?1 ORDER BY created_at, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskPackageRecord *record = g_new0 (DeskPackageRecord, 1);
      g_autofree char   *omitted = _desk_store_column_dup (stmt, 8);

      record->id = sqlite3_column_int64 (stmt, 0);
      record->case_id = sqlite3_column_int64 (stmt, 1);
      record->created_at = _desk_store_column_time (stmt, 2);
      record->path = _desk_store_column_dup (stmt, 3);
      record->sha256 = _desk_store_column_dup (stmt, 4);
      record->size = sqlite3_column_int64 (stmt, 5);
      record->n_files = sqlite3_column_int (stmt, 6);
      record->blocking_gaps = sqlite3_column_int (stmt, 7);
      record->omitted = omitted && *omitted ? g_strsplit (omitted, ",", -1) : g_new0 (char *, 1);
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

gpointer
_desk_package_snapshot_load (DeskSession *session,
                             gint64       case_id,
                             GError     **error)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (GPtrArray) records = desk_package_list_records (store, case_id, error);

  return records && records->len > 0 ? g_steal_pointer (&records) : NULL;
}

void
_desk_package_snapshot_free (gpointer part)
{
  g_ptr_array_unref (part);
}
