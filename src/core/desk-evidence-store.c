/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-evidence-store-private.h"

G_DEFINE_QUARK (desk_evidence_error_quark, desk_evidence_error)

DeskEvidence *
_desk_evidence_from_row (sqlite3_stmt *stmt)
{
#define COL(name) _desk_store_column (stmt, name)
  return _desk_evidence_new_take (sqlite3_column_int64 (stmt, COL ("id")),
                                  _desk_store_column_dup (stmt, COL ("sha256")),
                                  _desk_store_column_dup (stmt, COL ("original_name")),
                                  sqlite3_column_int64 (stmt, COL ("size")),
                                  _desk_store_column_dup (stmt, COL ("mime_type")),
                                  _desk_store_column_time (stmt, COL ("added_at")),
                                  _desk_store_column_dup (stmt, COL ("source_note")),
                                  _desk_store_column_dup (stmt, COL ("metadata_json")),
                                  sqlite3_column_int (stmt, COL ("in_library")),
                                  sqlite3_column_int (stmt, COL ("n_cases")));
#undef COL
}

void
_desk_evidence_drop_unused_blob (DeskStore  *store,
                                 const char *sha256)
{
  g_autoptr (GPtrArray) shas = NULL;

  if (sha256 == NULL)
    return;
  shas = g_ptr_array_new ();
  g_ptr_array_add (shas, (gpointer)sha256);
  _desk_store_sweep_blobs (store, shas, TRUE);
}

/* The id of the row with @sha256, 0 when none, -1 on error. */
static gint64
find_sha (DeskStore  *store,
          const char *sha256,
          GError    **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "SELECT id FROM evidence WHERE sha256 = ?1", error);
  gint64        id = 0;
  int           rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

static gint64
insert_row (DeskStore    *store,
            DeskImported *imported,
            const char   *source_note,
            gboolean      in_library,
            GError      **error)
{
  g_autofree char *now = _desk_store_now_iso8601 ();
  sqlite3_stmt    *stmt;

  stmt = _desk_store_prepare (store,
                              "INSERT INTO evidence (sha256, original_name, size, mime_type, added_at, source_note,"
                              " metadata_json, in_library) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, imported->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, imported->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, imported->size);
  sqlite3_bind_text (stmt, 4, imported->mime_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, source_note ? source_note : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, imported->metadata_json, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, in_library);
  if (!_desk_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_desk_store_get_db (store));
}

static gboolean
keep_in_library (DeskStore *store,
                 gint64     id,
                 GError   **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "UPDATE evidence SET in_library = 1 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _desk_store_step_done (store, stmt, error);
}

static gint64
record_rows (DeskStore    *store,
             DeskImported *imported,
             gint64        case_id,
             const char   *source_note,
             gboolean     *was_new,
             GError      **error)
{
  gint64 id = find_sha (store, imported->sha256, error);

  if (id < 0)
    return 0;
  *was_new = id == 0;
  if (id == 0 && !(id = insert_row (store, imported, source_note, case_id == 0, error)))
    return 0;
  if (case_id == 0 && !*was_new && !keep_in_library (store, id, error))
    return 0;
  if (case_id != 0 && !desk_evidence_attach (store, case_id, id, error))
    return 0;
  return id;
}

static void
keep_until_committed (DeskStore *store,
                      gpointer   writer)
{
  /* Nothing to do: freeing the writer (after this) releases its lock. */
}

/* Lets go of the blob, then removes it unless an older row uses it. */
static DeskEvidence *
give_up (DeskStore    *store,
         DeskImported *imported)
{
  g_clear_pointer (&imported->writer, desk_blob_writer_free);
  _desk_evidence_drop_unused_blob (store, imported->sha256);
  return NULL;
}

DeskEvidence *
_desk_evidence_record (DeskStore    *store,
                       DeskImported *imported,
                       gint64        case_id,
                       const char   *source_note,
                       gboolean     *was_new,
                       GError      **error)
{
  g_autoptr (DeskStoreTxn) txn = NULL;
  gboolean is_new = FALSE;
  gint64   id;

  if (!(txn = _desk_store_txn_begin (store, error)))
    return give_up (store, imported);
  if (!(id = record_rows (store, imported, case_id, source_note, &is_new, error)))
    {
      _desk_store_txn_rollback (g_steal_pointer (&txn));
      return give_up (store, imported);
    }
  _desk_store_notify (store, "evidence", case_id);
  /* The blob stays locked (no sweep takes it) until the outermost commit
   * has made the row visible; a rollback lets go of it too. */
  _desk_store_after_commit (store, keep_until_committed, g_steal_pointer (&imported->writer),
                            (GDestroyNotify)desk_blob_writer_free);
  if (!_desk_store_txn_commit (g_steal_pointer (&txn), error))
    return give_up (store, imported);
  if (was_new)
    *was_new = is_new;
  return desk_evidence_get (store, id, error);
}

static gboolean
check_case (DeskStore *store,
            gint64     case_id,
            GError   **error)
{
  g_autoptr (DeskCase) kase = NULL;

  if (case_id == 0)
    return TRUE;
  kase = desk_store_get_case (store, case_id, error);
  return kase != NULL;
}

DeskEvidence *
desk_evidence_add (DeskStore            *store,
                   GFile                *file,
                   gint64                case_id,
                   const char           *source_note,
                   GCancellable         *cancellable,
                   GFileProgressCallback progress,
                   gpointer              progress_data,
                   gboolean             *was_new,
                   GError              **error)
{
  g_autoptr (DeskImported) imported = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  if (!check_case (store, case_id, error))
    return NULL;
  imported = _desk_evidence_import (_desk_store_get_blobs (store), file, cancellable,
                                    progress, progress_data, error);
  if (imported == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return give_up (store, imported);
  return _desk_evidence_record (store, imported, case_id, source_note, was_new, error);
}

/* Async: the worker copies and inspects; the rows are written back on the
 * caller's main context, where the (single-threaded) store lives. */

typedef struct
{
  DeskStore            *store;
  GFile                *file;
  gint64                case_id;
  char                 *source_note;
  GFileProgressCallback progress;
  gpointer              progress_data;
  GMainContext         *context;
  gint64                last_progress;
  gboolean              was_new;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->file);
  g_clear_pointer (&data->source_note, g_free);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

typedef struct
{
  GFileProgressCallback callback;
  gpointer              data;
  goffset               done;
  goffset               total;
} ProgressStep;

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressStep *step = user_data;

  step->callback (step->done, step->total, step->data);
  return G_SOURCE_REMOVE;
}

/* In the worker: at most ten updates a second reach the main context. */
static void
forward_progress (goffset  done,
                  goffset  total,
                  gpointer user_data)
{
  AddData      *data = user_data;
  gint64        now = g_get_monotonic_time ();
  ProgressStep *step;

  if (now - data->last_progress < G_USEC_PER_SEC / 10 && done != total)
    return;
  data->last_progress = now;
  step = g_new (ProgressStep, 1);
  *step = (ProgressStep){ data->progress, data->progress_data, done, total };
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, deliver_progress, step, g_free);
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AddData      *data = task_data;
  GError       *error = NULL;
  DeskImported *imported;

  imported = _desk_evidence_import (_desk_store_get_blobs (data->store), data->file, cancellable,
                                    data->progress ? forward_progress : NULL, data, &error);
  if (imported == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, imported, (GDestroyNotify)_desk_imported_free);
}

static void
add_thread_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  g_autoptr (DeskImported) imported = NULL;
  GError       *error = NULL;
  DeskEvidence *evidence;

  imported = g_task_propagate_pointer (G_TASK (result), &error);
  if (imported == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      give_up (data->store, imported);
      return;
    }
  evidence = _desk_evidence_record (data->store, imported, data->case_id, data->source_note,
                                    &data->was_new, &error);
  if (evidence == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, evidence, g_object_unref);
}

void
desk_evidence_add_async (DeskStore            *store,
                         GFile                *file,
                         gint64                case_id,
                         const char           *source_note,
                         GCancellable         *cancellable,
                         GFileProgressCallback progress,
                         gpointer              progress_data,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) worker = NULL;
  GError  *error = NULL;
  AddData *data;

  g_return_if_fail (DESK_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_evidence_add_async);
  if (!check_case (store, case_id, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data = g_new0 (AddData, 1);
  *data = (AddData){ g_object_ref (store), g_object_ref (file), case_id, g_strdup (source_note),
                     progress, progress_data, g_main_context_ref_thread_default () };
  g_task_set_task_data (task, data, (GDestroyNotify)add_data_free);
  /* The worker task shares the data; the outer task owns it. */
  worker = g_task_new (NULL, cancellable, add_thread_done, g_object_ref (task));
  g_task_set_source_tag (worker, desk_evidence_add_async);
  g_task_set_task_data (worker, data, NULL);
  g_task_set_return_on_cancel (worker, FALSE);
  g_task_run_in_thread (worker, add_thread);
}

DeskEvidence *
desk_evidence_add_finish (DeskStore    *store,
                          GAsyncResult *result,
                          gboolean     *was_new,
                          GError      **error)
{
  AddData *data;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  data = g_task_get_task_data (G_TASK (result));
  if (was_new)
    *was_new = data ? data->was_new : FALSE;
  return g_task_propagate_pointer (G_TASK (result), error);
}
