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
};

G_DEFINE_FINAL_TYPE (DeskStore, desk_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (desk_store_error_quark, desk_store_error)
G_DEFINE_BOXED_TYPE (DeskTimelineEntry, desk_timeline_entry, desk_timeline_entry_copy, desk_timeline_entry_free)

enum
{
  CASE_ADDED,
  CASE_CHANGED,
  CASE_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
desk_store_finalize (GObject *object)
{
  DeskStore *self = (DeskStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db)
    sqlite3_close_v2 (self->db);
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
}

void
_desk_store_set_error (sqlite3 *db,
                       int      rc,
                       GError **error)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

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
      case SQLITE_CANTOPEN:
      case SQLITE_IOERR:
      case SQLITE_READONLY:
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

static gboolean
exec_sql (DeskStore  *self,
          const char *sql,
          GError    **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _desk_store_set_error (self->db, rc, error);
      return FALSE;
    }
  return TRUE;
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
open_db (DeskStore *self,
         GError   **error)
{
  g_autofree char     *path = g_build_filename (self->data_dir, "cases.db", NULL);
  g_autofree char     *blob_dir = g_build_filename (self->data_dir, "blobs", NULL);
  guint                n;
  const DeskMigration *steps = _desk_store_get_migrations (&n);
  int                  rc;

  if (!check_header (path, error))
    return FALSE;
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _desk_store_set_error (self->db, rc, error);
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, 2000);
  sqlite3_extended_result_codes (self->db, 1);
  if (!check_not_newer (self, error)
      || !exec_sql (self, "PRAGMA journal_mode = WAL", error)
      || !exec_sql (self, "PRAGMA foreign_keys = ON", error)
      || !exec_sql (self, "PRAGMA synchronous = NORMAL", error)
      || !exec_sql (self, "PRAGMA mmap_size = 268435456", error)
      || !exec_sql (self, "PRAGMA cache_size = -32768", error)
      || !_desk_store_migrate (self->db, steps, n, error))
    return FALSE;
  self->blobs = desk_blob_store_new (blob_dir);
  return TRUE;
}

DeskStore *
desk_store_open (const char *data_dir,
                 GError    **error)
{
  g_autoptr (DeskStore) self = g_object_new (DESK_TYPE_STORE, NULL);

  self->data_dir = data_dir ? g_strdup (data_dir) : desk_store_default_data_dir ();
  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      int saved = errno;

      /* Translators: %s is a folder, then the system's reason */
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                   _ ("Could not create the data folder “%s”: %s"),
                   self->data_dir, g_strerror (saved));
      return NULL;
    }
  if (!open_db (self, error))
    return NULL;
  return g_steal_pointer (&self);
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

gboolean
_desk_store_begin (DeskStore *self,
                   GError   **error)
{
  if (self->txn_depth++ > 0)
    return TRUE;
  self->txn_failed = FALSE;
  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    {
      self->txn_depth = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
_desk_store_commit (DeskStore *self,
                    GError   **error)
{
  g_return_val_if_fail (self->txn_depth > 0, FALSE);
  if (--self->txn_depth > 0)
    return TRUE;
  if (self->txn_failed)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FAILED,
                   _ ("The change could not be saved and was undone."));
      return FALSE;
    }
  if (!exec_sql (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

void
_desk_store_rollback (DeskStore *self)
{
  g_return_if_fail (self->txn_depth > 0);
  if (--self->txn_depth > 0)
    {
      self->txn_failed = TRUE;
      return;
    }
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
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

static void
set_not_found (GError **error,
               gint64   id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* Translators: %s is a case number */
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
               _ ("Case %s does not exist. Run “appeal-desk-cli list” to see the case numbers."), number);
}

static char *
join_products (DeskCase *kase)
{
  return g_strjoinv ("\n", (char **)desk_case_get_product_ids (kase));
}

static void
bind_case (sqlite3_stmt *stmt,
           DeskCase     *kase)
{
  sqlite3_bind_text (stmt, 1, desk_platform_to_id (desk_case_get_platform (kase)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, desk_case_type_to_id (desk_case_get_case_type (kase)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, desk_case_status_to_id (desk_case_get_status (kase)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, desk_case_get_title (kase), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, desk_case_get_platform_case_id (kase), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, desk_case_get_violation_code (kase), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, join_products (kase), -1, g_free);
  sqlite3_bind_text (stmt, 9, desk_case_get_rule_pack_version (kase) ? desk_case_get_rule_pack_version (kase) : "", -1, SQLITE_TRANSIENT);
  _desk_store_bind_time (stmt, 10, desk_case_get_received_at (kase));
  _desk_store_bind_time (stmt, 11, desk_case_get_deadline_at (kase));
}

static gboolean
validate_case (DeskCase *kase,
               GError  **error)
{
  g_autofree char *title = g_strdup (desk_case_get_title (kase));

  if (desk_case_get_platform (kase) == DESK_PLATFORM_UNKNOWN
      || desk_case_get_case_type (kase) == DESK_CASE_TYPE_UNKNOWN)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _ ("Choose the platform and the case type before saving the case."));
      return FALSE;
    }
  if (*g_strstrip (title) == '\0')
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _ ("Give the case a title, for example the product name."));
      return FALSE;
    }
  return TRUE;
}

/* Records the times the database now holds; NULL keeps the current one. */
static void
set_saved_times (DeskCase   *kase,
                 const char *created,
                 const char *updated)
{
  g_autoptr (GDateTime) c = desk_time_from_iso8601 (created);
  g_autoptr (GDateTime) u = desk_time_from_iso8601 (updated);

  _desk_case_set_times_unix (kase, _desk_case_get_received_unix (kase), _desk_case_get_deadline_unix (kase),
                             c ? g_date_time_to_unix (c) : _desk_case_get_created_unix (kase),
                             u ? g_date_time_to_unix (u) : _desk_case_get_updated_unix (kase));
}

static gboolean
save_notice (DeskStore *self,
             DeskCase  *kase,
             GError   **error)
{
  const char   *text = desk_case_get_notice_text (kase);
  sqlite3_stmt *stmt = _desk_store_prepare (self, "INSERT OR REPLACE INTO notices (case_id, text) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, desk_case_get_id (kase));
  sqlite3_bind_text (stmt, 2, text ? text : "", -1, SQLITE_TRANSIENT);
  return _desk_store_step_done (self, stmt, error);
}

gboolean
desk_store_insert_case (DeskStore *self,
                        DeskCase  *kase,
                        GError   **error)
{
  g_autofree char *now = _desk_store_now_iso8601 ();
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_CASE (kase), FALSE);
  g_return_val_if_fail (desk_case_get_id (kase) == 0, FALSE);

  if (!validate_case (kase, error) || !_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self,
                              "INSERT INTO cases (platform, case_type, status, title, platform_case_id,"
                              " violation_code, product_ids, rule_pack_version, received_at, deadline_at,"
                              " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_case (stmt, kase);
  sqlite3_bind_text (stmt, 12, now, -1, SQLITE_STATIC);
  if (!_desk_store_step_done (self, stmt, error))
    goto fail;
  _desk_case_set_id (kase, sqlite3_last_insert_rowid (self->db));
  if (!save_notice (self, kase, error))
    goto fail;
  if (!desk_store_add_timeline_entry (self, desk_case_get_id (kase), "created", "", error))
    goto fail;
  if (!_desk_store_commit (self, error))
    goto fail_committed;
  set_saved_times (kase, _desk_case_get_created_unix (kase) == DESK_CASE_NO_TIME ? now : NULL, now);
  if (!desk_case_has_notice_text (kase))
    _desk_case_take_notice (kase, g_strdup (""));
  g_signal_emit (self, signals[CASE_ADDED], 0, kase);
  return TRUE;

fail:
  _desk_store_rollback (self);
fail_committed:
  _desk_case_set_id (kase, 0);
  return FALSE;
}

gboolean
desk_store_update_case (DeskStore *self,
                        DeskCase  *kase,
                        GError   **error)
{
  g_autofree char *now = _desk_store_now_iso8601 ();
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_CASE (kase), FALSE);

  if (!validate_case (kase, error) || !_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self,
                              "UPDATE cases SET platform = ?1, case_type = ?2, status = ?3, title = ?4,"
                              " platform_case_id = ?6,"
                              " violation_code = ?7, product_ids = ?8, rule_pack_version = ?9, received_at = ?10,"
                              " deadline_at = ?11, updated_at = ?12 WHERE id = ?13",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_case (stmt, kase);
  sqlite3_bind_text (stmt, 12, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 13, desk_case_get_id (kase));
  if (!_desk_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      set_not_found (error, desk_case_get_id (kase));
      goto fail;
    }
  /* A case loaded without its notice keeps the stored notice. */
  if (desk_case_has_notice_text (kase) && !save_notice (self, kase, error))
    goto fail;
  if (!_desk_store_commit (self, error))
    return FALSE;
  set_saved_times (kase, NULL, now);
  g_signal_emit (self, signals[CASE_CHANGED], 0, kase);
  return TRUE;

fail:
  _desk_store_rollback (self);
  return FALSE;
}

#define CASE_COLUMNS                                                                       \
  "id, platform, case_type, status, title, platform_case_id, violation_code, product_ids," \
  " rule_pack_version, received_at, deadline_at, created_at, updated_at"

static char **
split_products (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (text, "\n", -1);
}

static DeskCase *
case_from_row (sqlite3_stmt *stmt)
{
  DeskCase *kase = g_object_new (DESK_TYPE_CASE, NULL);

  _desk_case_set_id (kase, sqlite3_column_int64 (stmt, 0));
  _desk_case_take_fields (kase,
                          desk_platform_from_id ((const char *)sqlite3_column_text (stmt, 1)),
                          desk_case_type_from_id ((const char *)sqlite3_column_text (stmt, 2)),
                          desk_case_status_from_id ((const char *)sqlite3_column_text (stmt, 3)),
                          _desk_store_column_dup (stmt, 4),
                          _desk_store_column_dup (stmt, 5),
                          _desk_store_column_dup (stmt, 6),
                          split_products ((const char *)sqlite3_column_text (stmt, 7)),
                          _desk_store_column_dup (stmt, 8));
  _desk_case_set_times_unix (kase,
                             _desk_store_column_unix (stmt, 9), _desk_store_column_unix (stmt, 10),
                             _desk_store_column_unix (stmt, 11), _desk_store_column_unix (stmt, 12));
  return kase;
}

static DeskCase *
get_case (DeskStore *self,
          gint64     id,
          gboolean   with_notice,
          GError   **error)
{
  sqlite3_stmt *stmt;
  DeskCase     *kase;
  int           rc;

  stmt = with_notice
             ? _desk_store_prepare (self, "SELECT " CASE_COLUMNS ", coalesce (notices.text, '') FROM cases"
                                          " LEFT JOIN notices ON notices.case_id = cases.id"
                                          " WHERE id = ?1 AND trashed_at IS NULL",
                                    error)
             : _desk_store_prepare (self, "SELECT " CASE_COLUMNS " FROM cases"
                                          " WHERE id = ?1 AND trashed_at IS NULL",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_not_found (error, id);
      else
        _desk_store_set_error (self->db, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  kase = case_from_row (stmt);
  if (with_notice)
    _desk_case_take_notice (kase, _desk_store_column_dup (stmt, 13));
  sqlite3_reset (stmt);
  return kase;
}

DeskCase *
desk_store_get_case (DeskStore *self,
                     gint64     id,
                     GError   **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  return get_case (self, id, TRUE, error);
}

DeskCase *
_desk_store_get_case_summary (DeskStore *self,
                              gint64     id,
                              GError   **error)
{
  return get_case (self, id, FALSE, error);
}

GPtrArray *
desk_store_list_cases (DeskStore *self,
                       GError   **error)
{
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  /* Open cases by deadline first, then the finished ones, newest first. */
  stmt = _desk_store_prepare (self,
                              "SELECT " CASE_COLUMNS " FROM cases WHERE trashed_at IS NULL"
                              " ORDER BY status NOT IN ('draft', 'submitted', 'pending'),"
                              " deadline_at IS NULL, deadline_at, updated_at DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cases, case_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&cases);
}

gint64
desk_store_count_cases (DeskStore *self)
{
  sqlite3_stmt *stmt;
  gint64        count = 0;

  g_return_val_if_fail (DESK_IS_STORE (self), 0);
  stmt = _desk_store_prepare (self, "SELECT count(*) FROM cases WHERE trashed_at IS NULL", NULL);
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return count;
}

static gboolean
set_trashed (DeskStore *self,
             gint64     id,
             gboolean   trashed,
             GError   **error)
{
  g_autofree char *now = trashed ? _desk_store_now_iso8601 () : NULL;
  sqlite3_stmt    *stmt;

  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self, "UPDATE cases SET trashed_at = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_desk_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      set_not_found (error, id);
      goto fail;
    }
  return _desk_store_commit (self, error);

fail:
  _desk_store_rollback (self);
  return FALSE;
}

gboolean
desk_store_trash_case (DeskStore *self,
                       gint64     id,
                       GError   **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  if (!set_trashed (self, id, TRUE, error))
    return FALSE;
  g_signal_emit (self, signals[CASE_REMOVED], 0, id);
  return TRUE;
}

gboolean
desk_store_restore_case (DeskStore *self,
                         gint64     id,
                         GError   **error)
{
  g_autoptr (DeskCase) kase = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  if (!set_trashed (self, id, FALSE, error))
    return FALSE;
  if (!(kase = desk_store_get_case (self, id, error)))
    return FALSE;
  g_signal_emit (self, signals[CASE_ADDED], 0, kase);
  return TRUE;
}

/* Blobs of evidence that only @id uses and that the library does not keep. */
static GPtrArray *
collect_orphans (DeskStore *self,
                 gint64     id,
                 GError   **error)
{
  g_autoptr (GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _desk_store_prepare (self,
                              "SELECT e.sha256 FROM evidence e JOIN case_evidence ce ON ce.evidence_id = e.id"
                              " WHERE ce.case_id = ?1 AND e.in_library = 0"
                              " AND NOT EXISTS (SELECT 1 FROM case_evidence o WHERE o.evidence_id = e.id AND o.case_id != ?1)",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (shas, _desk_store_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&shas);
}

static gboolean
delete_rows (DeskStore *self,
             gint64     id,
             GPtrArray *orphans,
             GError   **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < orphans->len; i++)
    {
      stmt = _desk_store_prepare (self, "DELETE FROM evidence WHERE sha256 = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, orphans->pdata[i], -1, SQLITE_STATIC);
      if (!_desk_store_step_done (self, stmt, error))
        return FALSE;
    }
  stmt = _desk_store_prepare (self, "DELETE FROM cases WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_desk_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      set_not_found (error, id);
      return FALSE;
    }
  return TRUE;
}

gboolean
desk_store_delete_case (DeskStore *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr (GPtrArray) orphans = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  if (!_desk_store_begin (self, error))
    return FALSE;
  if (!(orphans = collect_orphans (self, id, error)) || !delete_rows (self, id, orphans, error))
    {
      _desk_store_rollback (self);
      return FALSE;
    }
  if (!_desk_store_commit (self, error))
    return FALSE;
  /* After the commit: a crash here leaves an unused blob, never a missing one. */
  for (guint i = 0; i < orphans->len; i++)
    {
      g_autoptr (GError) local_error = NULL;

      if (!desk_blob_store_remove (self->blobs, orphans->pdata[i], &local_error))
        g_message ("Could not remove unused evidence file: %s", local_error->message);
    }
  g_signal_emit (self, signals[CASE_REMOVED], 0, id);
  return TRUE;
}

gboolean
desk_store_purge_trash (DeskStore *self,
                        GError   **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  stmt = _desk_store_prepare (self, "SELECT id FROM cases WHERE trashed_at IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    if (!desk_store_delete_case (self, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

gboolean
desk_store_add_timeline_entry (DeskStore  *self,
                               gint64      case_id,
                               const char *kind,
                               const char *text,
                               GError    **error)
{
  g_autofree char *now = _desk_store_now_iso8601 ();
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  if (!_desk_store_begin (self, error))
    return FALSE;
  stmt = _desk_store_prepare (self,
                              "INSERT INTO timeline (case_id, at, kind, text) VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, text ? text : "", -1, SQLITE_TRANSIENT);
  if (!_desk_store_step_done (self, stmt, error))
    goto fail;
  return _desk_store_commit (self, error);

fail:
  _desk_store_rollback (self);
  return FALSE;
}

GPtrArray *
desk_store_list_timeline (DeskStore *self,
                          gint64     case_id,
                          GError   **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_timeline_entry_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  stmt = _desk_store_prepare (self,
                              "SELECT id, at, kind, text FROM timeline WHERE case_id = ?1 ORDER BY at, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskTimelineEntry *entry = g_new0 (DeskTimelineEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->case_id = case_id;
      entry->at = _desk_store_column_time (stmt, 1);
      entry->kind = _desk_store_column_dup (stmt, 2);
      entry->text = _desk_store_column_dup (stmt, 3);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

DeskTimelineEntry *
desk_timeline_entry_copy (const DeskTimelineEntry *entry)
{
  DeskTimelineEntry *copy = g_new0 (DeskTimelineEntry, 1);

  copy->id = entry->id;
  copy->case_id = entry->case_id;
  copy->at = entry->at ? g_date_time_ref (entry->at) : NULL;
  copy->kind = g_strdup (entry->kind);
  copy->text = g_strdup (entry->text);
  return copy;
}

void
desk_timeline_entry_free (DeskTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->at, g_date_time_unref);
  g_free (entry->kind);
  g_free (entry->text);
  g_free (entry);
}
