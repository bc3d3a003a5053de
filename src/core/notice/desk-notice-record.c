/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <math.h>

#include "desk-notice-record.h"
#include "desk-store-private.h"

static gboolean
clear (DeskStore  *store,
       gint64      case_id,
       const char *sql,
       GError    **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  return _desk_store_step_done (store, stmt, error);
}

static gboolean
save_field (DeskStore             *store,
            gint64                 case_id,
            guint                  position,
            const DeskNoticeField *field,
            GError               **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store,
                                            "INSERT INTO notice_fields (case_id, position, role, value, label, source, line)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, desk_notice_role_to_id (field->role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, field->value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, field->label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, field->source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, field->line);
  return _desk_store_step_done (store, stmt, error);
}

static gboolean
save_fact (DeskStore            *store,
           gint64                case_id,
           guint                 position,
           const DeskNoticeFact *fact,
           GError              **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store,
                                            "INSERT INTO notice_facts (case_id, position, subject, value, value_kind,"
                                            " reference, reference_kind, unit, source, line)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, fact->subject, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 4, fact->value);
  sqlite3_bind_text (stmt, 5, desk_notice_figure_kind_to_id (fact->value_kind), -1, SQLITE_STATIC);
  if (fact->reference_kind == DESK_NOTICE_FIGURE_NONE || isnan (fact->reference))
    sqlite3_bind_null (stmt, 6);
  else
    sqlite3_bind_double (stmt, 6, fact->reference);
  sqlite3_bind_text (stmt, 7, desk_notice_figure_kind_to_id (fact->reference_kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, fact->unit, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, fact->source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 10, fact->line);
  return _desk_store_step_done (store, stmt, error);
}

gboolean
desk_store_save_notice_reading (DeskStore *store,
                                gint64     case_id,
                                GPtrArray *fields,
                                GPtrArray *facts,
                                GError   **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (case_id > 0, FALSE);

  g_autoptr (DeskStoreTxn) txn = _desk_store_txn_begin (store, error);

  if (txn == NULL)
    return FALSE;
  if (!clear (store, case_id, "DELETE FROM notice_fields WHERE case_id = ?1", error)
      || !clear (store, case_id, "DELETE FROM notice_facts WHERE case_id = ?1", error))
    return FALSE;
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    if (!save_field (store, case_id, i, g_ptr_array_index (fields, i), error))
      return FALSE;
  for (guint i = 0; facts != NULL && i < facts->len; i++)
    if (!save_fact (store, case_id, i, g_ptr_array_index (facts, i), error))
      return FALSE;
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  char *text = _desk_store_column_dup (stmt, column);

  return text ? text : g_strdup ("");
}

static gboolean
load_fields (DeskStore *store,
             gint64     case_id,
             GPtrArray *out,
             GError   **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store,
                                            "SELECT role, value, label, source, line FROM notice_fields"
                                            " WHERE case_id = ?1 ORDER BY position",
                                            error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *value = column_text (stmt, 1);
      g_autofree char *label = column_text (stmt, 2);
      g_autofree char *source = column_text (stmt, 3);

      g_ptr_array_add (out, desk_notice_field_new (desk_notice_role_from_id ((const char *)sqlite3_column_text (stmt, 0)),
                                                   value, label, source, sqlite3_column_int (stmt, 4)));
    }
  if (rc != SQLITE_DONE)
    _desk_store_set_error (_desk_store_get_db (store), rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
load_facts (DeskStore *store,
            gint64     case_id,
            GPtrArray *out,
            GError   **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store,
                                            "SELECT subject, value, value_kind, reference, reference_kind, unit, source, line"
                                            " FROM notice_facts WHERE case_id = ?1 ORDER BY position",
                                            error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskNoticeFact *fact = desk_notice_fact_new ();

      g_free (fact->subject);
      fact->subject = column_text (stmt, 0);
      fact->value = sqlite3_column_double (stmt, 1);
      fact->value_kind = desk_notice_figure_kind_from_id ((const char *)sqlite3_column_text (stmt, 2));
      fact->reference = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 3);
      fact->reference_kind = desk_notice_figure_kind_from_id ((const char *)sqlite3_column_text (stmt, 4));
      g_free (fact->unit);
      fact->unit = column_text (stmt, 5);
      g_free (fact->source);
      fact->source = column_text (stmt, 6);
      fact->line = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (out, fact);
    }
  if (rc != SQLITE_DONE)
    _desk_store_set_error (_desk_store_get_db (store), rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

gboolean
desk_store_load_notice_reading (DeskStore  *store,
                                gint64      case_id,
                                GPtrArray **fields,
                                GPtrArray **facts,
                                GError    **error)
{
  g_autoptr (GPtrArray) f = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_notice_field_free);
  g_autoptr (GPtrArray) x = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_notice_fact_free);

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if ((fields && !load_fields (store, case_id, f, error)) || (facts && !load_facts (store, case_id, x, error)))
    return FALSE;
  if (fields)
    *fields = g_steal_pointer (&f);
  if (facts)
    *facts = g_steal_pointer (&x);
  return TRUE;
}
