/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-attempts"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-attempts.h"
#include "desk-reply.h"
#include "desk-timeline.h"
#include "desk-store-private.h"
#include "desk-util.h"

G_DEFINE_BOXED_TYPE (DeskAttemptRecord, desk_attempt_record, desk_attempt_record_copy, desk_attempt_record_free)

DeskAttemptRecord *
desk_attempt_record_copy (const DeskAttemptRecord *record)
{
  DeskAttemptRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);
  copy = g_memdup2 (record, sizeof *record);
  copy->product_id = g_strdup (record->product_id);
  copy->attempted_at = record->attempted_at ? g_date_time_ref (record->attempted_at) : NULL;
  copy->platform_case_id = g_strdup (record->platform_case_id);
  copy->note = g_strdup (record->note);
  return copy;
}

void
desk_attempt_record_free (DeskAttemptRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->product_id);
  g_clear_pointer (&record->attempted_at, g_date_time_unref);
  g_free (record->platform_case_id);
  g_free (record->note);
  g_free (record);
}

static char *
timeline_text (const char *product_id,
               gboolean    has_test_report)
{
  if (product_id && *product_id)
    return has_test_report
               /* Translators: timeline entry; %s is a product ID */
               ? g_strdup_printf (_ ("Appeal submitted for product %s, with a third-party test report"), product_id)
               /* Translators: timeline entry; %s is a product ID */
               : g_strdup_printf (_ ("Appeal submitted for product %s"), product_id);
  return g_strdup (has_test_report ? _ ("Appeal submitted, with a third-party test report")
                                   : _ ("Appeal submitted"));
}

static gint64
insert_attempt (DeskStore  *store,
                DeskCase   *kase,
                const char *product_id,
                gboolean    has_test_report,
                GDateTime  *at,
                const char *note,
                GError    **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store,
                                            "INSERT INTO appeal_attempts (case_id, product_id, attempted_at, platform_case_id,"
                                            " has_test_report, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                            error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, desk_case_get_id (kase));
  sqlite3_bind_text (stmt, 2, product_id ? product_id : "", -1, SQLITE_TRANSIENT);
  _desk_store_bind_time (stmt, 3, at);
  sqlite3_bind_text (stmt, 4, desk_case_get_platform_case_id (kase), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, has_test_report != FALSE);
  sqlite3_bind_text (stmt, 6, note ? note : "", -1, SQLITE_TRANSIENT);
  if (!_desk_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_desk_store_get_db (store));
}

gint64
desk_attempts_record (DeskStore  *store,
                      DeskCase   *kase,
                      const char *product_id,
                      gboolean    has_test_report,
                      GDateTime  *at,
                      const char *note,
                      GError    **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = timeline_text (product_id, has_test_report);
  g_autoptr (DeskStoreTxn) txn = NULL;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (DESK_IS_CASE (kase) && desk_case_get_id (kase) > 0, 0);

  if (!(txn = _desk_store_txn_begin (store, error)))
    return 0;
  id = insert_attempt (store, kase, product_id, has_test_report, at ? at : now, note, error);
  /* Logged when the appeal was made, which may be earlier than now. */
  if (id == 0 || desk_timeline_add (store, desk_case_get_id (kase), DESK_TIMELINE_SUBMITTED, at ? at : now, text, NULL, NULL, error) == 0)
    return 0;
  _desk_store_notify (store, "attempts", desk_case_get_id (kase));
  return _desk_store_txn_commit (g_steal_pointer (&txn), error) ? id : 0;
}

static DeskAttemptRecord *
record_from_row (sqlite3_stmt *stmt)
{
  DeskAttemptRecord *record = g_new0 (DeskAttemptRecord, 1);

  record->id = sqlite3_column_int64 (stmt, _desk_store_column (stmt, "id"));
  record->case_id = sqlite3_column_int64 (stmt, _desk_store_column (stmt, "case_id"));
  record->product_id = _desk_store_column_dup (stmt, _desk_store_column (stmt, "product_id"));
  record->attempted_at = _desk_store_column_time (stmt, _desk_store_column (stmt, "attempted_at"));
  record->platform_case_id = _desk_store_column_dup (stmt, _desk_store_column (stmt, "platform_case_id"));
  record->has_test_report = sqlite3_column_int (stmt, _desk_store_column (stmt, "has_test_report")) != 0;
  record->note = _desk_store_column_dup (stmt, _desk_store_column (stmt, "note"));
  return record;
}

GPtrArray *
desk_attempts_list (DeskStore *store,
                    gint64     case_id,
                    GError   **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_attempt_record_free);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  stmt = _desk_store_prepare (store,
                              "SELECT id, case_id, product_id, attempted_at, platform_case_id, has_test_report, note"
                              " FROM appeal_attempts WHERE case_id = ?1 ORDER BY attempted_at, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

gboolean
desk_attempts_delete (DeskStore *store,
                      gint64     attempt_id,
                      GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  stmt = _desk_store_prepare (store, "DELETE FROM appeal_attempts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (_desk_store_get_db (store)) > 0)
    return TRUE;
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
               _ ("This appeal attempt does not exist any more."));
  return FALSE;
}

static const char *
empty_to_null (const char *text)
{
  return text && *text ? text : NULL;
}

DeskGuardVerdict *
desk_attempts_check (DeskStore    *store,
                     DeskRulePack *pack,
                     DeskCase     *kase,
                     const char   *product_id,
                     gboolean      has_test_report,
                     GDateTime    *now,
                     GError      **error)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) attempts = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_appeal_attempt_free);
  g_autoptr (DeskAppealAttempt) planned = NULL;
  g_autoptr (GDateTime) first_rejection = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_RULE_PACK (pack), NULL);
  g_return_val_if_fail (DESK_IS_CASE (kase), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!(records = desk_attempts_list (store, desk_case_get_id (kase), error)))
    return NULL;
  /* "" and NULL both mean "not for one product": the guard compares with strcmp. */
  for (guint i = 0; i < records->len; i++)
    {
      DeskAttemptRecord *r = records->pdata[i];

      g_ptr_array_add (attempts, desk_appeal_attempt_new (empty_to_null (r->product_id), r->attempted_at,
                                                          empty_to_null (r->platform_case_id),
                                                          r->has_test_report));
    }
  planned = desk_appeal_attempt_new (empty_to_null (product_id), now,
                                     empty_to_null (desk_case_get_platform_case_id (kase)),
                                     has_test_report);
  /* The further-appeal window runs from the platform's rejection (issue 14). */
  first_rejection = desk_reply_get_first_rejection (store, desk_case_get_id (kase), &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return desk_attempt_guard_check (pack, desk_case_get_case_type (kase), attempts, planned, first_rejection);
}
