/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "desk-case-private.h"
#include "desk-store-private.h"
#include "desk-util.h"

struct _DeskStore
{
  GObject parent_instance;

  char          *data_dir;
  sqlite3       *db;
  GHashTable    *statements; /* SQL text → sqlite3_stmt */
  DeskBlobStore *blobs;
  guint          txn_depth;
  gboolean       txn_failed;
  GArray        *after_commit; /* AfterCommit, run after the outermost commit */
  gboolean       read_only;
};

typedef struct
{
  DeskStoreCommitFunc func;
  gpointer            data;
  GDestroyNotify      destroy;
} AfterCommit;

G_DEFINE_FINAL_TYPE (DeskStore, desk_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (desk_store_error_quark, desk_store_error)

enum
{
  CASE_ADDED,
  CASE_CHANGED,
  CASE_REMOVED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Connections opened read-only because the disk was full: their "read-only"
 * errors are told as what they are. */
static GHashTable *full_dbs;
G_LOCK_DEFINE_STATIC (full_dbs);

static void
mark_disk_full (sqlite3 *db)
{
  G_LOCK (full_dbs);
  if (full_dbs == NULL)
    full_dbs = g_hash_table_new (NULL, NULL);
  g_hash_table_add (full_dbs, db);
  G_UNLOCK (full_dbs);
}

static void
forget_disk_full (sqlite3 *db)
{
  G_LOCK (full_dbs);
  if (full_dbs)
    g_hash_table_remove (full_dbs, db);
  G_UNLOCK (full_dbs);
}

static gboolean
is_disk_full (sqlite3 *db)
{
  gboolean full;

  G_LOCK (full_dbs);
  full = db && full_dbs && g_hash_table_contains (full_dbs, db);
  G_UNLOCK (full_dbs);
  return full;
}

static void
desk_store_finalize (GObject *object)
{
  DeskStore *self = (DeskStore *)object;

  g_clear_pointer (&self->after_commit, g_array_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db)
    {
      forget_disk_full (self->db);
      sqlite3_close_v2 (self->db);
    }
  self->db = NULL;
  g_clear_object (&self->blobs);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (desk_store_parent_class)->finalize (object);
}

static void
desk_store_class_init (DeskStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_store_finalize;

  /* Emitted after the transaction that changed the case committed. */
  signals[CASE_ADDED] = g_signal_new ("case-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_CASE);
  signals[CASE_CHANGED] = g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_CASE);
  signals[CASE_REMOVED] = g_signal_new ("case-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* "changed::<part>" (part, case id; 0 = not one case's): any committed
   * change, "case", "evidence", "checklist", "timeline", "attempts", … */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
after_commit_clear (gpointer data)
{
  AfterCommit *ac = data;

  if (ac->destroy)
    ac->destroy (ac->data);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
desk_store_init (DeskStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->after_commit = g_array_new (FALSE, FALSE, sizeof (AfterCommit));
  g_array_set_clear_func (self->after_commit, after_commit_clear);
}

void
_desk_store_set_error (sqlite3 *db,
                       int      rc,
                       GError **error)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int         sys_errno = db ? sqlite3_system_errno (db) : 0;

  /* In WAL mode a full disk mostly shows as an I/O error on the -wal or
   * -shm file; the system's errno tells what it was. */
  if ((rc & 0xff) == SQLITE_IOERR && (sys_errno == ENOSPC || sys_errno == EDQUOT))
    rc = SQLITE_FULL;
  switch (rc & 0xff)
    {
      case SQLITE_FULL:
        g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FULL,
                     _ ("The disk is full. Free some space and try again; your cases are unchanged."));
        break;
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_CORRUPT,
                     _ ("The case database is damaged or is not an Appeal Desk database. It was left untouched; restore it from a backup or move it away to start afresh."));
        break;
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_LOCKED,
                     _ ("The case database is in use by another program. Close other Appeal Desk windows and try again."));
        break;
      case SQLITE_READONLY:
        if (is_disk_full (db))
          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FULL,
                       _ ("The disk is full: your cases can be viewed but not changed. Free some space, then open Appeal Desk again; nothing was lost."));
        else
          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_READ_ONLY,
                       _ ("Your data folder is read-only: cases can be viewed but not changed. Make the folder writable to change them."));
        break;
      case SQLITE_CANTOPEN:
      case SQLITE_IOERR:
      case SQLITE_PERM:
        /* Translators: %s is the system's reason */
        g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                     _ ("Could not read or write the case database: %s"), detail);
        break;
      default:
        /* Translators: %s is a technical reason from the database engine */
        g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FAILED,
                     _ ("The case database reported an error: %s"), detail);
    }
}

char *
desk_store_default_data_dir (void)
{
  const char *env = g_getenv ("APPEAL_DESK_DATA_DIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "appeal-desk", NULL);
}

/* A non-empty file that does not start with the SQLite magic is refused before
 * SQLite sees it, so nothing can ever be written into it. */
static gboolean
check_header (const char *path,
              GError    **error)
{
  static const char magic[16] = "SQLite format 3";
  char              head[16] = { 0 };
  FILE             *fp = g_fopen (path, "rb");
  size_t            n;

  if (fp == NULL)
    return TRUE; /* absent: will be created */
  n = fread (head, 1, sizeof head, fp);
  fclose (fp);
  if (n == 0 || (n == sizeof head && memcmp (head, magic, sizeof magic) == 0))
    return TRUE;
  _desk_store_set_error (NULL, SQLITE_NOTADB, error);
  return FALSE;
}

gboolean
_desk_store_db_exec (sqlite3    *db,
                     const char *sql,
                     GError    **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _desk_store_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_sql (DeskStore  *self,
          const char *sql,
          GError    **error)
{
  return _desk_store_db_exec (self->db, sql, error);
}

/* Checks the version before anything that could write (journal_mode=WAL
 * rewrites the header), so a newer database stays byte-for-byte intact. */
static gboolean
check_not_newer (DeskStore *self,
                 GError   **error)
{
  guint                n;
  const DeskMigration *steps = _desk_store_get_migrations (&n);
  sqlite3_stmt        *stmt = _desk_store_prepare (self, "PRAGMA user_version", error);
  int                  rc, version;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _desk_store_set_error (self->db, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (version > steps[n - 1].version)
    return _desk_store_migrate (self->db, steps, n, error); /* sets NEWER */
  return TRUE;
}

static gboolean
blob_is_used (const char *sha256,
              gpointer    data)
{
  DeskStore    *self = data;
  sqlite3_stmt *stmt = _desk_store_prepare (self, "SELECT 1 FROM evidence WHERE sha256 = ?1", NULL);
  int           rc;

  if (stmt == NULL)
    return TRUE; /* when in doubt, keep */
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc != SQLITE_DONE;
}

guint
_desk_store_sweep_blobs (DeskStore *self,
                         GPtrArray *shas,
                         gboolean   wait)
{
  if (self->read_only || self->blobs == NULL)
    return 0;
  return desk_blob_store_sweep (self->blobs, shas, blob_is_used, self, wait);
}

/* What a crash left behind: temporary files of dead writers, blobs renamed
 * into place whose rows never committed, blobs of a delete that committed. */
static void
clean_after_crash (DeskStore *self)
{
  guint temps = desk_blob_store_clean_temps (self->blobs);
  guint blobs = _desk_store_sweep_blobs (self, NULL, FALSE);

  if (temps || blobs)
    g_debug ("Removed %u unfinished and %u unused evidence files", temps, blobs);
}

static gboolean
setup_writable (DeskStore *self,
                GError   **error)
{
  guint                n;
  const DeskMigration *steps = _desk_store_get_migrations (&n);

  return check_not_newer (self, error)
         && exec_sql (self, "PRAGMA journal_mode = WAL", error)
         && exec_sql (self, "PRAGMA foreign_keys = ON", error)
         && exec_sql (self, "PRAGMA synchronous = NORMAL", error)
         && exec_sql (self, "PRAGMA mmap_size = 268435456", error)
         && exec_sql (self, "PRAGMA cache_size = -32768", error)
         && _desk_store_migrate (self->db, steps, n, error);
}

/* Read-only: nothing may be written, not even the -shm index; a database
 * closed cleanly has no -wal, and is then read as immutable. */
static char *
read_only_uri (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GStatBuf         st;
  gboolean         has_wal = g_stat (wal, &st) == 0 && st.st_size > 0;

  return g_strconcat (uri, has_wal ? "?mode=ro" : "?immutable=1", NULL);
}

static gboolean
setup_read_only (DeskStore *self,
                 GError   **error)
{
  guint                n;
  const DeskMigration *steps = _desk_store_get_migrations (&n);
  int                  version;

  if (!check_not_newer (self, error))
    return FALSE;
  version = desk_store_get_schema_version (self);
  if (version != steps[n - 1].version)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_READ_ONLY,
                   _ ("Your data folder is read-only and your cases were saved by an older version of Appeal Desk. Make the folder writable once so they can be brought up to date."));
      return FALSE;
    }
  return exec_sql (self, "PRAGMA query_only = ON", error);
}

/* A failed first open on a full disk can leave a -shm of a few bytes: a
 * real one is at least 32 KiB, and only an empty -wal goes with it. */
static void
remove_stray_shm (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf         st;

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    return;
  if (g_stat (shm, &st) == 0 && st.st_size < 32768)
    g_unlink (shm);
  if (g_stat (wal, &st) == 0 && st.st_size == 0)
    g_unlink (wal);
}

static gboolean
open_db (DeskStore *self,
         GError   **error)
{
  g_autofree char *path = g_build_filename (self->data_dir, "cases.db", NULL);
  g_autofree char *blob_dir = g_build_filename (self->data_dir, "blobs", NULL);
  g_autofree char *uri = NULL;
  int              rc;

  if (!check_header (path, error))
    return FALSE;
  self->read_only = self->read_only || g_access (self->data_dir, W_OK) != 0;
  if (self->read_only && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_READ_ONLY,
                   _ ("Your data folder is read-only and holds no cases yet. Make it writable to start."));
      return FALSE;
    }
  uri = self->read_only ? read_only_uri (path) : g_filename_to_uri (path, NULL, NULL);
  rc = sqlite3_open_v2 (uri, &self->db,
                        (self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
                        NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (self->db, 2000);
      sqlite3_extended_result_codes (self->db, 1);
    }
  else
    _desk_store_set_error (self->db, rc, error);
  if (rc != SQLITE_OK || !(self->read_only ? setup_read_only (self, error) : setup_writable (self, error)))
    {
      g_hash_table_remove_all (self->statements);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
      if (!self->read_only)
        remove_stray_shm (path);
      return FALSE;
    }
  self->blobs = desk_blob_store_new (blob_dir);
  if (!self->read_only)
    clean_after_crash (self);
  return TRUE;
}

DeskStore *
desk_store_open (const char *data_dir,
                 GError    **error)
{
  g_autoptr (DeskStore) self = g_object_new (DESK_TYPE_STORE, NULL);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *path = NULL;
  gboolean         had_cases;
  GStatBuf         st;

  self->data_dir = data_dir ? g_strdup (data_dir) : desk_store_default_data_dir ();
  if (!g_file_test (self->data_dir, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      int saved = errno;

      /* Translators: %s is a folder, then the system's reason */
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _ ("Could not create the data folder “%s”: %s"),
                   self->data_dir, g_strerror (saved));
      return NULL;
    }
  path = g_build_filename (self->data_dir, "cases.db", NULL);
  had_cases = g_stat (path, &st) == 0 && st.st_size > 0;
  if (!open_db (self, &local_error))
    {
      /* Nothing left behind by a first open that failed (an empty file). */
      if (!had_cases && g_stat (path, &st) == 0 && st.st_size == 0)
        g_unlink (path);
      /* A full disk: the cases can still be read (SQLite cannot even make
       * its -shm index now), and every change says the disk is full. */
      if (!g_error_matches (local_error, DESK_STORE_ERROR, DESK_STORE_ERROR_FULL) || !had_cases)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_clear_error (&local_error);
      self->read_only = TRUE;
      if (!open_db (self, error))
        return NULL;
      mark_disk_full (self->db);
    }
  return g_steal_pointer (&self);
}

gboolean
desk_store_is_read_only (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), TRUE);
  return self->read_only;
}

const char *
desk_store_get_data_dir (DeskStore *self)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return self->data_dir;
}

int
desk_store_get_schema_version (DeskStore *self)
{
  sqlite3_stmt *stmt;
  int           version = -1;

  g_return_val_if_fail (DESK_IS_STORE (self), -1);
  stmt = _desk_store_prepare (self, "PRAGMA user_version", NULL);
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return version;
}

sqlite3 *
_desk_store_get_db (DeskStore *self)
{
  return self->db;
}

DeskBlobStore *
_desk_store_get_blobs (DeskStore *self)
{
  return self->blobs;
}

sqlite3_stmt *
_desk_store_prepare (DeskStore  *self,
                     const char *sql,
                     GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int           rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _desk_store_set_error (self->db, rc, error);
      return NULL;
    }
  /* Key by the caller's string: all callers pass string literals. */
  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

/* Transactions */

gboolean
_desk_store_db_begin (sqlite3 *db,
                      gboolean write,
                      GError **error)
{
  return _desk_store_db_exec (db, write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED", error);
}

gboolean
_desk_store_db_commit (sqlite3 *db,
                       GError **error)
{
  if (_desk_store_db_exec (db, "COMMIT", error))
    return TRUE;
  _desk_store_db_rollback (db);
  return FALSE;
}

void
_desk_store_db_rollback (sqlite3 *db)
{
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
txn_begin (DeskStore *self,
           gboolean   write,
           GError   **error)
{
  if (self->txn_depth++ > 0)
    return TRUE;
  self->txn_failed = FALSE;
  if (!_desk_store_db_begin (self->db, write, error))
    {
      self->txn_depth = 0;
      return FALSE;
    }
  return TRUE;
}

static void
run_after_commit (DeskStore *self)
{
  g_autoptr (GArray) queued = self->after_commit;

  self->after_commit = g_array_new (FALSE, FALSE, sizeof (AfterCommit));
  g_array_set_clear_func (self->after_commit, after_commit_clear);
  for (guint i = 0; i < queued->len; i++)
    {
      AfterCommit *ac = &g_array_index (queued, AfterCommit, i);

      ac->func (self, ac->data);
    }
}

static gboolean
txn_commit (DeskStore *self,
            GError   **error)
{
  g_return_val_if_fail (self->txn_depth > 0, FALSE);
  if (--self->txn_depth > 0)
    return TRUE;
  if (self->txn_failed)
    {
      _desk_store_db_rollback (self->db);
      g_array_set_size (self->after_commit, 0);
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FAILED,
                   _ ("The change could not be saved and was undone."));
      return FALSE;
    }
  if (!_desk_store_db_commit (self->db, error))
    {
      g_array_set_size (self->after_commit, 0);
      return FALSE;
    }
  run_after_commit (self);
  return TRUE;
}

static void
txn_rollback (DeskStore *self)
{
  g_return_if_fail (self->txn_depth > 0);
  if (--self->txn_depth > 0)
    {
      self->txn_failed = TRUE;
      return;
    }
  _desk_store_db_rollback (self->db);
  g_array_set_size (self->after_commit, 0);
}

/* A DeskStoreTxn is the store itself, typed so that g_autoptr() rolls back
 * whatever was not committed. */
DeskStoreTxn *
_desk_store_txn_begin (DeskStore *self,
                       GError   **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return txn_begin (self, TRUE, error) ? (DeskStoreTxn *)self : NULL;
}

DeskStoreTxn *
_desk_store_txn_begin_read (DeskStore *self,
                            GError   **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return txn_begin (self, FALSE, error) ? (DeskStoreTxn *)self : NULL;
}

gboolean
_desk_store_txn_commit (DeskStoreTxn *txn,
                        GError      **error)
{
  g_return_val_if_fail (DESK_IS_STORE (txn), FALSE);
  return txn_commit ((DeskStore *)txn, error);
}

void
_desk_store_txn_rollback (DeskStoreTxn *txn)
{
  g_return_if_fail (DESK_IS_STORE (txn));
  txn_rollback ((DeskStore *)txn);
}

gboolean
desk_store_run_in_transaction (DeskStore               *self,
                               DeskStoreTransactionFunc func,
                               gpointer                 user_data,
                               GError                 **error)
{
  g_autoptr (DeskStoreTxn) txn = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  if (!(txn = _desk_store_txn_begin (self, error)) || !func (self, user_data, error))
    return FALSE;
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

void
_desk_store_after_commit (DeskStore          *self,
                          DeskStoreCommitFunc func,
                          gpointer            data,
                          GDestroyNotify      destroy)
{
  AfterCommit ac = { func, data, destroy };

  if (self->txn_depth == 0)
    {
      func (self, data);
      if (destroy)
        destroy (data);
      return;
    }
  g_array_append_val (self->after_commit, ac);
}

/* "changed" handlers for @part: those connected with the detail and those
 * connected without one (g_signal_has_handler_pending() matches the detail
 * exactly). */
static gboolean
has_changed_handler (DeskStore  *self,
                     const char *part)
{
  return g_signal_has_handler_pending (self, signals[CHANGED], g_quark_from_static_string (part), FALSE)
         || g_signal_has_handler_pending (self, signals[CHANGED], 0, FALSE);
}

typedef struct
{
  const char *part; /* static */
  gint64      case_id;
} Notify;

static void
emit_changed (DeskStore *self,
              gpointer   data)
{
  Notify *n = data;

  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (n->part), n->part, n->case_id);
}

void
_desk_store_notify (DeskStore  *self,
                    const char *part,
                    gint64      case_id)
{
  Notify *n;

  /* Nobody listening (the command line, bulk imports): nothing to queue. */
  if (!has_changed_handler (self, part))
    return;
  part = g_intern_static_string (part);
  /* Once per part and case per transaction. */
  for (guint i = 0; i < self->after_commit->len; i++)
    {
      AfterCommit *ac = &g_array_index (self->after_commit, AfterCommit, i);
      Notify      *queued = ac->data;

      if (ac->func == emit_changed && queued->part == part && queued->case_id == case_id)
        return;
    }
  n = g_new (Notify, 1);
  n->part = part;
  n->case_id = case_id;
  _desk_store_after_commit (self, emit_changed, n, g_free);
}

int
_desk_store_column (sqlite3_stmt *stmt,
                    const char   *name)
{
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    if (g_strcmp0 (sqlite3_column_name (stmt, i), name) == 0)
      return i;
  g_critical ("No column “%s” in “%s”", name, sqlite3_sql (stmt));
  return -1;
}

char *
_desk_store_column_dup (sqlite3_stmt *stmt,
                        int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? g_strdup (text) : NULL;
}

static gint64
days_from_civil (gint64 y, unsigned m, unsigned d)
{
  gint64   era;
  unsigned yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (unsigned)(y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64)doe - 719468;
}

static int
digits (const char *p, int n)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      v = v * 10 + (p[i] - '0');
    }
  return v;
}

/* Fast path for our own "YYYY-MM-DDTHH:MM:SSZ": loading 100 000 cases reads
 * 400 000 times, and the general ISO 8601 parser is far slower. */
gint64
_desk_store_column_unix (sqlite3_stmt *stmt,
                         int           column)
{
  const char *t = (const char *)sqlite3_column_text (stmt, column);
  g_autoptr (GDateTime) slow = NULL;
  int y, mo, d, h, mi, s;

  if (t == NULL || *t == '\0')
    return G_MININT64;
  if (sqlite3_column_bytes (stmt, column) == 20 && t[4] == '-' && t[7] == '-' && t[10] == 'T'
      && t[13] == ':' && t[16] == ':' && t[19] == 'Z'
      && (y = digits (t, 4)) >= 0 && (mo = digits (t + 5, 2)) >= 1 && mo <= 12
      && (d = digits (t + 8, 2)) >= 1 && d <= 31 && (h = digits (t + 11, 2)) >= 0
      && (mi = digits (t + 14, 2)) >= 0 && (s = digits (t + 17, 2)) >= 0)
    return days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
  slow = desk_time_from_iso8601 (t);
  return slow ? g_date_time_to_unix (slow) : G_MININT64;
}

GDateTime *
_desk_store_column_time (sqlite3_stmt *stmt,
                         int           column)
{
  gint64 unix_time = _desk_store_column_unix (stmt, column);

  return unix_time == G_MININT64 ? NULL : g_date_time_new_from_unix_utc (unix_time);
}

void
_desk_store_bind_time (sqlite3_stmt *stmt,
                       int           column,
                       GDateTime    *time)
{
  char *iso = desk_time_to_iso8601 (time);

  if (iso)
    sqlite3_bind_text (stmt, column, iso, -1, g_free);
  else
    sqlite3_bind_null (stmt, column);
}

char *
_desk_store_now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return desk_time_to_iso8601 (now);
}

gboolean
_desk_store_step_done (DeskStore    *self,
                       sqlite3_stmt *stmt,
                       GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  guint     signal;
  DeskCase *kase;
  gint64    id;
} CaseSignal;

static void
case_signal_free (gpointer data)
{
  CaseSignal *cs = data;

  g_clear_object (&cs->kase);
  g_free (cs);
}

static void
emit_case_signal (DeskStore *self,
                  gpointer   data)
{
  CaseSignal *cs = data;

  if (cs->kase)
    g_signal_emit (self, signals[cs->signal], 0, cs->kase);
  else
    g_signal_emit (self, signals[cs->signal], 0, cs->id);
  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string ("case"), "case", cs->id);
}

static void
queue_case_signal (DeskStore *self,
                   guint      signal,
                   DeskCase  *kase,
                   gint64     id)
{
  CaseSignal *cs;

  /* Nobody listening (the command line, bulk imports): nothing to queue. */
  if (!g_signal_has_handler_pending (self, signals[signal], 0, FALSE) && !has_changed_handler (self, "case"))
    return;
  cs = g_new0 (CaseSignal, 1);
  cs->signal = signal;
  cs->kase = kase ? g_object_ref (kase) : NULL;
  cs->id = kase ? desk_case_get_id (kase) : id;
  _desk_store_after_commit (self, emit_case_signal, cs, case_signal_free);
}

void
_desk_store_emit_case_added (DeskStore *self,
                             DeskCase  *kase)
{
  queue_case_signal (self, CASE_ADDED, kase, 0);
}

void
_desk_store_emit_case_changed (DeskStore *self,
                               DeskCase  *kase)
{
  queue_case_signal (self, CASE_CHANGED, kase, 0);
}

void
_desk_store_emit_case_removed (DeskStore *self,
                               gint64     id)
{
  queue_case_signal (self, CASE_REMOVED, NULL, id);
}
