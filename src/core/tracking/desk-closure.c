/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-closure"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "desk-closure-private.h"
#include "desk-store-private.h"
#include "desk-timeline.h"

static const char *const outcome_ids[] = { "none", "restored", "partly-restored", "rejected", "withdrawn" };

G_DEFINE_BOXED_TYPE (DeskFollowUp, desk_follow_up, desk_follow_up_copy, desk_follow_up_free)
G_DEFINE_BOXED_TYPE (DeskClosure, desk_closure, desk_closure_copy, desk_closure_free)

const char *
desk_outcome_to_id (DeskOutcome outcome)
{
  g_return_val_if_fail (outcome <= DESK_OUTCOME_WITHDRAWN, "none");
  return outcome_ids[outcome];
}

DeskOutcome
desk_outcome_from_id (const char *id)
{
  for (guint i = 0; id && i < G_N_ELEMENTS (outcome_ids); i++)
    if (g_str_equal (id, outcome_ids[i]))
      return i;
  return DESK_OUTCOME_NONE;
}

const char *
desk_outcome_get_label (DeskOutcome outcome)
{
  switch (outcome)
    {
      case DESK_OUTCOME_RESTORED:
        return C_ ("outcome", "Restored");
      case DESK_OUTCOME_PARTLY_RESTORED:
        return C_ ("outcome", "Partly restored");
      case DESK_OUTCOME_REJECTED:
        return C_ ("outcome", "Rejected");
      case DESK_OUTCOME_WITHDRAWN:
        return C_ ("outcome", "Withdrawn");
      case DESK_OUTCOME_NONE:
      default:
        return C_ ("outcome", "Not closed");
    }
}

DeskFollowUp *
desk_follow_up_new (const char *text,
                    GDateTime  *due_at)
{
  DeskFollowUp *follow_up = g_new0 (DeskFollowUp, 1);

  follow_up->text = g_strdup (text);
  follow_up->due_at = due_at ? g_date_time_ref (due_at) : NULL;
  return follow_up;
}

DeskFollowUp *
desk_follow_up_copy (const DeskFollowUp *follow_up)
{
  DeskFollowUp *copy = desk_follow_up_new (follow_up->text, follow_up->due_at);

  copy->id = follow_up->id;
  copy->case_id = follow_up->case_id;
  copy->done_at = follow_up->done_at ? g_date_time_ref (follow_up->done_at) : NULL;
  return copy;
}

void
desk_follow_up_free (DeskFollowUp *follow_up)
{
  if (follow_up == NULL)
    return;
  g_free (follow_up->text);
  g_clear_pointer (&follow_up->due_at, g_date_time_unref);
  g_clear_pointer (&follow_up->done_at, g_date_time_unref);
  g_free (follow_up);
}

DeskClosure *
desk_closure_copy (const DeskClosure *closure)
{
  DeskClosure *copy = g_memdup2 (closure, sizeof *closure);

  copy->root_cause = g_strdup (closure->root_cause);
  copy->root_cause_note = g_strdup (closure->root_cause_note);
  copy->closed_at = closure->closed_at ? g_date_time_ref (closure->closed_at) : NULL;
  return copy;
}

void
desk_closure_free (DeskClosure *closure)
{
  if (closure == NULL)
    return;
  g_free (closure->root_cause);
  g_free (closure->root_cause_note);
  g_clear_pointer (&closure->closed_at, g_date_time_unref);
  g_free (closure);
}

static gboolean
validate (DeskOutcome outcome,
          const char *root_cause,
          const char *note,
          GPtrArray  *follow_ups,
          GError    **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (note ? note : ""));

  if (outcome == DESK_OUTCOME_NONE)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _ ("Choose the outcome: restored, partly restored, rejected or withdrawn."));
      return FALSE;
    }
  if ((root_cause == NULL || *root_cause == '\0') && *stripped == '\0')
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _ ("Say what caused the case: choose a root cause or describe it in your own words."));
      return FALSE;
    }
  for (guint i = 0; follow_ups && i < follow_ups->len; i++)
    {
      DeskFollowUp    *f = follow_ups->pdata[i];
      g_autofree char *text = g_strstrip (g_strdup (f->text ? f->text : ""));

      if (*text == '\0')
        {
          g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                       _ ("A follow-up action has no text. Describe what to do, or remove it."));
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
insert_follow_up (DeskStore  *store,
                  gint64      case_id,
                  const char *text,
                  GDateTime  *due_at,
                  GError    **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "INSERT INTO follow_ups (case_id, text, due_at) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  _desk_store_bind_time (stmt, 3, due_at);
  if (!_desk_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_desk_store_get_db (store));
}

static gboolean
write_closure (DeskStore  *store,
               gint64      case_id,
               DeskOutcome outcome,
               const char *root_cause,
               const char *note,
               GDateTime  *at,
               GError    **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store,
                                            "INSERT OR REPLACE INTO closures (case_id, outcome, root_cause, root_cause_note, closed_at)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, desk_outcome_to_id (outcome), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, root_cause ? root_cause : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, note ? note : "", -1, SQLITE_TRANSIENT);
  _desk_store_bind_time (stmt, 5, at);
  return _desk_store_step_done (store, stmt, error);
}

gboolean
desk_closure_close (DeskStore  *store,
                    DeskCase   *kase,
                    DeskOutcome outcome,
                    const char *root_cause,
                    const char *root_cause_note,
                    GPtrArray  *follow_ups,
                    GDateTime  *at,
                    GError    **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (DeskStoreTxn) txn = NULL;
  gint64 case_id;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (DESK_IS_CASE (kase) && desk_case_get_id (kase) > 0, FALSE);
  if (!validate (outcome, root_cause, root_cause_note, follow_ups, error) || !(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  case_id = desk_case_get_id (kase);
  if (!write_closure (store, case_id, outcome, root_cause, root_cause_note, at ? at : now, error))
    return FALSE;
  for (guint i = 0; follow_ups && i < follow_ups->len; i++)
    {
      DeskFollowUp *f = follow_ups->pdata[i];

      if ((f->id = insert_follow_up (store, case_id, g_strstrip (f->text), f->due_at, error)) == 0)
        return FALSE;
      f->case_id = case_id;
    }
  if (desk_case_get_status (kase) != DESK_CASE_STATUS_CLOSED
      && !desk_timeline_set_status_at (store, kase, DESK_CASE_STATUS_CLOSED, at ? at : now, NULL, error))
    return FALSE;
  _desk_store_notify (store, "closure", case_id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

gboolean
desk_closure_reopen (DeskStore     *store,
                     DeskCase      *kase,
                     DeskCaseStatus status,
                     const char    *reason,
                     GError       **error)
{
  g_autoptr (DeskStoreTxn) txn = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (DESK_IS_CASE (kase), FALSE);
  if (desk_case_get_status (kase) != DESK_CASE_STATUS_CLOSED || status == DESK_CASE_STATUS_CLOSED)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _ ("Only a closed case can be re-opened, and it must get another status than closed."));
      return FALSE;
    }
  if (!(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  stmt = _desk_store_prepare (store, "DELETE FROM closures WHERE case_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, desk_case_get_id (kase));
  if (!_desk_store_step_done (store, stmt, error) || !desk_timeline_set_status (store, kase, status, reason, error))
    return FALSE;
  _desk_store_notify (store, "closure", desk_case_get_id (kase));
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

DeskClosure *
desk_closure_get (DeskStore *store,
                  gint64     case_id,
                  GError   **error)
{
  DeskClosure  *closure = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  stmt = _desk_store_prepare (store, "SELECT outcome, root_cause, root_cause_note, closed_at FROM closures WHERE case_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *outcome = _desk_store_column_dup (stmt, 0);

      closure = g_new0 (DeskClosure, 1);
      closure->case_id = case_id;
      closure->outcome = desk_outcome_from_id (outcome);
      closure->root_cause = _desk_store_column_dup (stmt, 1);
      closure->root_cause_note = _desk_store_column_dup (stmt, 2);
      closure->closed_at = _desk_store_column_time (stmt, 3);
    }
  else if (rc != SQLITE_DONE)
    _desk_store_set_error (_desk_store_get_db (store), rc, error);
  sqlite3_reset (stmt);
  return closure;
}

static DeskFollowUp *
follow_up_from_row (sqlite3_stmt *stmt)
{
  DeskFollowUp *f = g_new0 (DeskFollowUp, 1);

  f->id = sqlite3_column_int64 (stmt, 0);
  f->case_id = sqlite3_column_int64 (stmt, 1);
  f->text = _desk_store_column_dup (stmt, 2);
  f->due_at = _desk_store_column_time (stmt, 3);
  f->done_at = _desk_store_column_time (stmt, 4);
  return f;
}

static GPtrArray *
collect (DeskStore    *store,
         sqlite3_stmt *stmt,
         GError      **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_follow_up_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, follow_up_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
desk_follow_ups_list (DeskStore *store,
                      gint64     case_id,
                      GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  stmt = _desk_store_prepare (store,
                              "SELECT id, case_id, text, due_at, done_at FROM follow_ups WHERE case_id = ?1"
                              " ORDER BY done_at IS NOT NULL, due_at IS NULL, due_at, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  return collect (store, stmt, error);
}

gint64
desk_follow_up_add (DeskStore  *store,
                    gint64      case_id,
                    const char *text,
                    GDateTime  *due_at,
                    GError    **error)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_follow_up_free);
  g_autoptr (DeskCase) kase = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_ptr_array_add (one, desk_follow_up_new (text, due_at));
  if (!validate (DESK_OUTCOME_RESTORED, "-", NULL, one, error) || !(kase = _desk_store_get_case_summary (store, case_id, error)))
    return 0;
  return insert_follow_up (store, case_id, g_strstrip (((DeskFollowUp *)one->pdata[0])->text), due_at, error);
}

gboolean
desk_follow_up_set_done (DeskStore *store,
                         gint64     follow_up_id,
                         gboolean   done,
                         GError   **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  stmt = _desk_store_prepare (store, "UPDATE follow_ups SET done_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, follow_up_id);
  _desk_store_bind_time (stmt, 2, done ? now : NULL);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (_desk_store_get_db (store)) > 0)
    {
      _desk_store_notify (store, "closure", 0);
      return TRUE;
    }
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND, _ ("This follow-up action does not exist any more."));
  return FALSE;
}

GHashTable *
desk_follow_ups_next_by_case (DeskStore *store,
                              GError   **error)
{
  g_autoptr (GHashTable) next = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify)desk_follow_up_free);
  g_autoptr (GPtrArray) all = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  stmt = _desk_store_prepare (store,
                              "SELECT id, case_id, text, due_at, done_at FROM follow_ups WHERE done_at IS NULL"
                              " ORDER BY case_id, due_at IS NULL, due_at, id",
                              error);
  if (stmt == NULL || !(all = collect (store, stmt, error)))
    return NULL;
  /* Keys point into the values: each value owns its case_id. */
  for (guint i = 0; i < all->len; i++)
    {
      DeskFollowUp *f = all->pdata[i];

      if (!g_hash_table_contains (next, &f->case_id))
        {
          all->pdata[i] = NULL;
          g_hash_table_insert (next, &f->case_id, f);
        }
    }
  return g_steal_pointer (&next);
}

gpointer
_desk_closure_snapshot_load (DeskSession *session,
                             gint64       case_id,
                             GError     **error)
{
  DeskStore       *store = desk_session_get_store (session);
  DeskClosurePart *part = g_new0 (DeskClosurePart, 1);
  GError          *local_error = NULL;

  part->closure = desk_closure_get (store, case_id, &local_error);
  if (local_error == NULL)
    part->follow_ups = desk_follow_ups_list (store, case_id, &local_error);
  if (local_error)
    {
      g_propagate_error (error, local_error);
      _desk_closure_part_free (part);
      return NULL;
    }
  return part;
}

void
_desk_closure_part_free (gpointer data)
{
  DeskClosurePart *part = data;

  if (part == NULL)
    return;
  g_clear_pointer (&part->closure, desk_closure_free);
  g_clear_pointer (&part->follow_ups, g_ptr_array_unref);
  g_free (part);
}
