/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-case-private.h"
#include "desk-evidence-export.h"
#include "desk-store-private.h"
#include "desk-util.h"

/* Cases, their trash and their timeline, on top of the connection and
 * transactions of desk-store.c. */

G_DEFINE_BOXED_TYPE (DeskTimelineEntry, desk_timeline_entry, desk_timeline_entry_copy, desk_timeline_entry_free)

static void
set_not_found (GError **error,
               gint64   id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* Translators: %s is a case number */
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
               _ ("Case %s does not exist."), number);
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
  g_autoptr (DeskStoreTxn) txn = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_CASE (kase), FALSE);
  g_return_val_if_fail (desk_case_get_id (kase) == 0, FALSE);

  if (!validate_case (kase, error) || !(txn = _desk_store_txn_begin (self, error)))
    return FALSE;
  stmt = _desk_store_prepare (self,
                              "INSERT INTO cases (id, platform, case_type, status, title, platform_case_id,"
                              " violation_code, product_ids, rule_pack_version, received_at, deadline_at,"
                              " created_at, updated_at) VALUES ("
                              " 1 + max ((SELECT coalesce (max (id), 0) FROM cases),"
                              "          (SELECT coalesce (max (value), 0) FROM id_high_water WHERE name = 'cases')),"
                              " ?1, ?2, ?3, ?4, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                              error);
  if (stmt == NULL)
    goto fail;
  bind_case (stmt, kase);
  sqlite3_bind_text (stmt, 12, now, -1, SQLITE_STATIC);
  if (!_desk_store_step_done (self, stmt, error))
    goto fail;
  _desk_case_set_id (kase, sqlite3_last_insert_rowid (_desk_store_get_db (self)));
  if (!save_notice (self, kase, error))
    goto fail;
  if (!desk_store_add_timeline_entry (self, desk_case_get_id (kase), "created", "", error))
    goto fail;
  if (!_desk_store_txn_commit (g_steal_pointer (&txn), error))
    goto fail;
  set_saved_times (kase, _desk_case_get_created_unix (kase) == DESK_CASE_NO_TIME ? now : NULL, now);
  if (!desk_case_has_notice_text (kase))
    _desk_case_take_notice (kase, g_strdup (""));
  _desk_store_emit_case_added (self, kase);
  return TRUE;

fail:
  _desk_case_set_id (kase, 0);
  return FALSE;
}

gboolean
desk_store_update_case (DeskStore *self,
                        DeskCase  *kase,
                        GError   **error)
{
  g_autofree char *now = _desk_store_now_iso8601 ();
  g_autoptr (DeskStoreTxn) txn = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_CASE (kase), FALSE);

  if (!validate_case (kase, error) || !(txn = _desk_store_txn_begin (self, error)))
    return FALSE;
  stmt = _desk_store_prepare (self,
                              "UPDATE cases SET platform = ?1, case_type = ?2, status = ?3, title = ?4,"
                              " platform_case_id = ?6,"
                              " violation_code = ?7, product_ids = ?8, rule_pack_version = ?9, received_at = ?10,"
                              " deadline_at = ?11, updated_at = ?12 WHERE id = ?13",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_case (stmt, kase);
  sqlite3_bind_text (stmt, 12, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 13, desk_case_get_id (kase));
  if (!_desk_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_desk_store_get_db (self)) == 0)
    {
      set_not_found (error, desk_case_get_id (kase));
      return FALSE;
    }
  /* A case loaded without its notice keeps the stored notice. */
  if (desk_case_has_notice_text (kase) && !save_notice (self, kase, error))
    return FALSE;
  if (!_desk_store_txn_commit (g_steal_pointer (&txn), error))
    return FALSE;
  set_saved_times (kase, NULL, now);
  _desk_store_emit_case_changed (self, kase);
  return TRUE;
}

gboolean
desk_store_set_case_status (DeskStore     *self,
                            DeskCase      *kase,
                            DeskCaseStatus status,
                            GError       **error)
{
  g_autoptr (DeskStoreTxn) txn = NULL;
  DeskCaseStatus old;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (DESK_IS_CASE (kase), FALSE);

  old = desk_case_get_status (kase);
  if (old == status)
    return TRUE;
  if (!(txn = _desk_store_txn_begin (self, error)))
    return FALSE;
  desk_case_set_status (kase, status);
  if (!desk_store_update_case (self, kase, error)
      || !desk_store_add_timeline_entry (self, desk_case_get_id (kase), "status", desk_case_status_get_label (status), error)
      || !_desk_store_txn_commit (g_steal_pointer (&txn), error))
    {
      desk_case_set_status (kase, old);
      return FALSE;
    }
  return TRUE;
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
        _desk_store_set_error (_desk_store_get_db (self), rc, error);
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

static GPtrArray *
collect_cases (DeskStore    *self,
               sqlite3_stmt *stmt,
               GError      **error)
{
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cases, case_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (self), rc, error);
      return NULL;
    }
  return g_steal_pointer (&cases);
}

GPtrArray *
desk_store_list_cases (DeskStore *self,
                       GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  /* Open cases by deadline first, then the finished ones, newest first. */
  stmt = _desk_store_prepare (self,
                              "SELECT " CASE_COLUMNS " FROM cases WHERE trashed_at IS NULL" DESK_STORE_CASE_ORDER,
                              error);
  return stmt ? collect_cases (self, stmt, error) : NULL;
}

GPtrArray *
desk_store_list_drafts_due (DeskStore *self,
                            GDateTime *before,
                            GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), NULL);
  g_return_val_if_fail (before != NULL, NULL);
  /* Uses the cases_drafts_due index: a handful of rows, not the whole table. */
  stmt = _desk_store_prepare (self,
                              "SELECT " CASE_COLUMNS " FROM cases WHERE status = 'draft'"
                              " AND trashed_at IS NULL AND deadline_at IS NOT NULL AND deadline_at <= ?1"
                              " ORDER BY deadline_at",
                              error);
  if (stmt == NULL)
    return NULL;
  _desk_store_bind_time (stmt, 1, before);
  return collect_cases (self, stmt, error);
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
  g_autoptr (DeskStoreTxn) txn = _desk_store_txn_begin (self, error);
  sqlite3_stmt *stmt;

  if (txn == NULL)
    return FALSE;
  stmt = _desk_store_prepare (self, "UPDATE cases SET trashed_at = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!_desk_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_desk_store_get_db (self)) == 0)
    {
      set_not_found (error, id);
      return FALSE;
    }
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

gboolean
desk_store_trash_case (DeskStore *self,
                       gint64     id,
                       GError   **error)
{
  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  if (!set_trashed (self, id, TRUE, error))
    return FALSE;
  _desk_store_emit_case_removed (self, id);
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
  _desk_store_emit_case_added (self, kase);
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
      _desk_store_set_error (_desk_store_get_db (self), rc, error);
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
  if (sqlite3_changes (_desk_store_get_db (self)) == 0)
    {
      set_not_found (error, id);
      return FALSE;
    }
  return TRUE;
}

static void
remove_orphans (DeskStore *self,
                gpointer   data)
{
  GPtrArray *orphans = data;

  /* Only blobs no row refers to and no live import holds; a crash before
   * this leaves them for the sweep at the next open. */
  _desk_store_sweep_blobs (self, orphans, TRUE);
  for (guint i = 0; i < orphans->len; i++)
    desk_evidence_forget_shareable (self, orphans->pdata[i]);
}

gboolean
desk_store_delete_case (DeskStore *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr (DeskStoreTxn) txn = NULL;
  GPtrArray *orphans = NULL;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  if (!(txn = _desk_store_txn_begin (self, error)))
    return FALSE;
  if (!(orphans = collect_orphans (self, id, error)) || !delete_rows (self, id, orphans, error))
    {
      g_clear_pointer (&orphans, g_ptr_array_unref);
      return FALSE;
    }
  /* After the (outermost) commit: a crash leaves an unused blob, never a
   * missing one, and the next open sweeps it. */
  _desk_store_after_commit (self, remove_orphans, orphans, (GDestroyNotify)g_ptr_array_unref);
  _desk_store_emit_case_removed (self, id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
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
  g_autoptr (DeskStoreTxn) txn = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  if (!(txn = _desk_store_txn_begin (self, error)))
    return FALSE;
  stmt = _desk_store_prepare (self,
                              "INSERT INTO timeline (case_id, at, kind, text) VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, text ? text : "", -1, SQLITE_TRANSIENT);
  if (!_desk_store_step_done (self, stmt, error))
    return FALSE;
  _desk_store_notify (self, "timeline", case_id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
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
                              "SELECT " DESK_TIMELINE_COLUMNS " FROM timeline"
                              " WHERE case_id = ?1 AND deleted_at IS NULL ORDER BY at, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, _desk_store_timeline_entry_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (self), rc, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static gint64 *
parse_ids (const char *list)
{
  g_auto (GStrv) parts = NULL;
  gint64 *ids;
  guint   n;

  if (list == NULL || *list == '\0')
    return NULL;
  parts = g_strsplit (list, ",", -1);
  n = g_strv_length (parts);
  ids = g_new0 (gint64, n + 1);
  for (guint i = 0; i < n; i++)
    ids[i] = g_ascii_strtoll (parts[i], NULL, 10);
  return ids;
}

DeskTimelineEntry *
_desk_store_timeline_entry_from_row (sqlite3_stmt *stmt)
{
  DeskTimelineEntry *entry = g_new0 (DeskTimelineEntry, 1);
  g_autofree char   *ids = NULL;

  entry->id = sqlite3_column_int64 (stmt, _desk_store_column (stmt, "id"));
  entry->case_id = sqlite3_column_int64 (stmt, _desk_store_column (stmt, "case_id"));
  entry->at = _desk_store_column_time (stmt, _desk_store_column (stmt, "at"));
  entry->kind = _desk_store_column_dup (stmt, _desk_store_column (stmt, "kind"));
  entry->text = _desk_store_column_dup (stmt, _desk_store_column (stmt, "text"));
  entry->details = _desk_store_column_dup (stmt, _desk_store_column (stmt, "details"));
  entry->edited_at = _desk_store_column_time (stmt, _desk_store_column (stmt, "edited_at"));
  ids = _desk_store_column_dup (stmt, _desk_store_column (stmt, "evidence_ids"));
  entry->evidence_ids = parse_ids (ids);
  return entry;
}

static gint64 *
copy_ids (const gint64 *ids)
{
  guint n = 0;

  if (ids == NULL)
    return NULL;
  while (ids[n])
    n++;
  return g_memdup2 (ids, (n + 1) * sizeof *ids);
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
  copy->details = g_strdup (entry->details);
  copy->edited_at = entry->edited_at ? g_date_time_ref (entry->edited_at) : NULL;
  copy->evidence_ids = copy_ids (entry->evidence_ids);
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
  g_free (entry->details);
  g_clear_pointer (&entry->edited_at, g_date_time_unref);
  g_free (entry->evidence_ids);
  g_free (entry);
}
