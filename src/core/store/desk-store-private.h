/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "desk-store.h"
#include "desk-blob-store.h"

G_BEGIN_DECLS

/* For core modules that keep their own tables in cases.db (evidence,
 * checklist, attempts…). Never for the GUI. */
sqlite3       *_desk_store_get_db (DeskStore *self);
DeskBlobStore *_desk_store_get_blobs (DeskStore *self);

/* Removes the blobs of @shas (NULL: all) that no evidence row refers to and
 * no live import holds; see desk_blob_store_sweep(). */
guint _desk_store_sweep_blobs (DeskStore *self,
                               GPtrArray *shas,
                               gboolean   wait);

/* Signals, for desk-store-cases.c: emitted after the outermost commit. */
void _desk_store_emit_case_added (DeskStore *self,
                                  DeskCase  *kase);
void _desk_store_emit_case_changed (DeskStore *self,
                                    DeskCase  *kase);
void _desk_store_emit_case_removed (DeskStore *self,
                                    gint64     id);

/* A case without its notice text, as in lists. */
DeskCase *_desk_store_get_case_summary (DeskStore *self,
                                        gint64     id,
                                        GError   **error);

/* The one transaction helper. Transactions nest: only the outermost
 * BEGIN/COMMIT reaches SQLite, and a nested rollback makes the outermost
 * commit fail (and undo everything). Use it as
 *
 *   g_autoptr (DeskStoreTxn) txn = _desk_store_txn_begin (store, error);
 *   if (txn == NULL) return FALSE;
 *   … every failure just returns: the autoptr rolls back …
 *   return _desk_store_txn_commit (g_steal_pointer (&txn), error);
 *
 * Signals and other after-commit work (_desk_store_after_commit(),
 * _desk_store_notify()) run after the outermost commit, and are dropped on
 * rollback. */
typedef struct _DeskStoreTxn DeskStoreTxn;

DeskStoreTxn *_desk_store_txn_begin (DeskStore *self,
                                     GError   **error);
/* A read-only snapshot of the database (BEGIN DEFERRED). */
DeskStoreTxn *_desk_store_txn_begin_read (DeskStore *self,
                                          GError   **error);
/* Consumes @txn. */
gboolean _desk_store_txn_commit (DeskStoreTxn *txn,
                                 GError      **error);
/* Consumes @txn. */
void _desk_store_txn_rollback (DeskStoreTxn *txn);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskStoreTxn, _desk_store_txn_rollback)

/* What the helper sends SQLite, on a bare connection: the migrations use it
 * directly, before there is a DeskStore to nest in. Not nested. A failed
 * COMMIT rolls back, so no transaction is left open. */
gboolean _desk_store_db_exec (sqlite3    *db,
                              const char *sql,
                              GError    **error);
gboolean _desk_store_db_begin (sqlite3 *db,
                               gboolean write,
                               GError **error);
gboolean _desk_store_db_commit (sqlite3 *db,
                                GError **error);
void     _desk_store_db_rollback (sqlite3 *db);

typedef void (*DeskStoreCommitFunc) (DeskStore *store,
                                     gpointer   data);
/* Runs @func after the outermost commit (now when no transaction is open);
 * a rollback drops it. @destroy frees @data either way. */
void _desk_store_after_commit (DeskStore          *self,
                               DeskStoreCommitFunc func,
                               gpointer            data,
                               GDestroyNotify      destroy);
/* Emits "changed::<part>" (@part a static string such as "evidence") for
 * @case_id after the commit. DeskSession turns these into typed signals. */
void _desk_store_notify (DeskStore  *self,
                         const char *part,
                         gint64      case_id);

/* The order of the case list, the one place it is written: open cases by
 * deadline first, then the finished ones, newest first. It is the
 * cases_order index, so rows come out sorted with no sort step. */
#define DESK_STORE_CASE_ORDER                                  \
  " ORDER BY status NOT IN ('draft', 'submitted', 'pending')," \
  " deadline_at IS NULL, deadline_at, updated_at DESC, id DESC"

/* Prepared statement cache keyed by the SQL text; reset before return. */
sqlite3_stmt *_desk_store_prepare (DeskStore  *self,
                                   const char *sql,
                                   GError    **error);

/* Steps a statement that returns no rows, resets it; FALSE with @error set
 * (translated) when SQLite failed. */
gboolean _desk_store_step_done (DeskStore    *self,
                                sqlite3_stmt *stmt,
                                GError      **error);

/* Turns the connection's last error into a translated GError. */
void _desk_store_set_error (sqlite3 *db,
                            int      rc,
                            GError **error);

/* Migrations: migrations[i] takes the schema from version i to i + 1. */
typedef struct
{
  int         version;
  const char *sql;
} DeskMigration;

const DeskMigration *_desk_store_get_migrations (guint *n_migrations);
gboolean             _desk_store_migrate (sqlite3             *db,
                                          const DeskMigration *migrations,
                                          guint                n_migrations,
                                          GError             **error);

/* The index of the result column named @name (its name or its AS alias):
 * read rows by name, not by position. Criticises and returns -1 (which the
 * sqlite3_column_*() functions read as NULL/0) when there is no such column. */
int _desk_store_column (sqlite3_stmt *stmt,
                        const char   *name);

/* Helpers for column reading: NULL for SQL NULL. */
char      *_desk_store_column_dup (sqlite3_stmt *stmt,
                                   int           column);
GDateTime *_desk_store_column_time (sqlite3_stmt *stmt,
                                    int           column);
/* UTC seconds, G_MININT64 for NULL. */
gint64 _desk_store_column_unix (sqlite3_stmt *stmt,
                                int           column);
void   _desk_store_bind_time (sqlite3_stmt *stmt,
                              int           column,
                              GDateTime    *time);
char  *_desk_store_now_iso8601 (void);

/* Timeline rows (desk-store-cases.c, tracking/desk-timeline.c): select
 * DESK_TIMELINE_COLUMNS and build entries from them. */
#define DESK_TIMELINE_COLUMNS                        \
  "id, case_id, at, kind, text, details, edited_at," \
  " (SELECT group_concat (evidence_id) FROM timeline_evidence WHERE entry_id = timeline.id) AS evidence_ids"
DeskTimelineEntry *_desk_store_timeline_entry_from_row (sqlite3_stmt *stmt);

G_END_DECLS
