/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-deadline-watch"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-deadline-watch.h"
#include "desk-store-private.h"
#include "desk-util.h"

const int desk_deadline_watch_thresholds[DESK_DEADLINE_WATCH_N_THRESHOLDS] = { DESK_DEADLINE_SOON_HOURS, 6, 1 };

int
desk_deadline_watch_threshold_for (GDateTime *deadline,
                                   GDateTime *now)
{
  GTimeSpan left;
  int       found = 0;

  if (deadline == NULL || now == NULL)
    return 0;
  left = g_date_time_difference (deadline, now);
  if (left <= 0)
    return 0;
  for (guint i = 0; i < DESK_DEADLINE_WATCH_N_THRESHOLDS; i++)
    if (left <= desk_deadline_watch_thresholds[i] * G_TIME_SPAN_HOUR)
      found = desk_deadline_watch_thresholds[i];
  return found;
}

/* Only a draft's deadline is still the seller's to meet. */
static gboolean
is_watched (DeskCase  *kase,
            GDateTime *now)
{
  DeskDeadlineState state = desk_case_get_deadline_state (kase, now);

  return state == DESK_DEADLINE_NORMAL || state == DESK_DEADLINE_SOON;
}

GArray *
desk_deadline_watch_compute (GPtrArray  *cases,
                             GHashTable *sent,
                             GDateTime  *now)
{
  GArray *alerts = g_array_new (FALSE, FALSE, sizeof (DeskDeadlineAlert));

  g_return_val_if_fail (now != NULL, alerts);
  for (guint i = 0; cases && i < cases->len; i++)
    {
      DeskCase         *kase = cases->pdata[i];
      gint64            id = desk_case_get_id (kase);
      DeskDeadlineAlert alert = { id, 0 };
      gpointer          notified = NULL;

      if (!is_watched (kase, now))
        continue;
      alert.threshold_hours = desk_deadline_watch_threshold_for (desk_case_get_deadline_at (kase), now);
      if (alert.threshold_hours == 0)
        continue;
      if (sent && g_hash_table_lookup_extended (sent, &id, NULL, &notified)
          && GPOINTER_TO_INT (notified) <= alert.threshold_hours)
        continue;
      g_array_append_val (alerts, alert);
    }
  return alerts;
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  DeskCase *ca = *(DeskCase **)a;
  DeskCase *cb = *(DeskCase **)b;

  return g_date_time_compare (desk_case_get_deadline_at (ca), desk_case_get_deadline_at (cb));
}

GArray *
desk_deadline_watch_compute_overdue (GPtrArray *cases,
                                     GDateTime *now)
{
  g_autoptr (GPtrArray) overdue = g_ptr_array_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (now != NULL, ids);
  for (guint i = 0; cases && i < cases->len; i++)
    if (desk_case_get_deadline_state (cases->pdata[i], now) == DESK_DEADLINE_OVERDUE)
      g_ptr_array_add (overdue, cases->pdata[i]);
  g_ptr_array_sort (overdue, compare_deadlines);
  for (guint i = 0; i < overdue->len; i++)
    {
      gint64 id = desk_case_get_id (overdue->pdata[i]);

      g_array_append_val (ids, id);
    }
  return ids;
}

/* Store */

static GHashTable *
load_sent (DeskStore *store,
           GError   **error)
{
  g_autoptr (GHashTable) sent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = _desk_store_prepare (store,
                                            "SELECT case_id, min (threshold_hours) FROM notifications_sent GROUP BY case_id", error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (sent, id, GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&sent);
}

GArray *
desk_deadline_watch_due (DeskStore *store,
                         GDateTime *now,
                         GError   **error)
{
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GHashTable) sent = NULL;
  g_autoptr (GDateTime) horizon = NULL;
  int largest = 0;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  for (guint i = 0; i < DESK_DEADLINE_WATCH_N_THRESHOLDS; i++)
    largest = MAX (largest, desk_deadline_watch_thresholds[i]);
  /* Only drafts due within the largest threshold can need an alert. */
  horizon = g_date_time_add_hours (now, largest);
  if (!(cases = desk_store_list_drafts_due (store, horizon, error)) || !(sent = load_sent (store, error)))
    return NULL;
  return desk_deadline_watch_compute (cases, sent, now);
}

GArray *
desk_deadline_watch_overdue (DeskStore *store,
                             GDateTime *now,
                             GError   **error)
{
  g_autoptr (GPtrArray) cases = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  if (!(cases = desk_store_list_drafts_due (store, now, error)))
    return NULL;
  return desk_deadline_watch_compute_overdue (cases, now);
}

static gboolean
insert_marks (DeskStore *store,
              gint64     case_id,
              int        threshold_hours,
              GError   **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store,
                                            "INSERT OR IGNORE INTO notifications_sent (case_id, threshold_hours) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < DESK_DEADLINE_WATCH_N_THRESHOLDS; i++)
    {
      if (desk_deadline_watch_thresholds[i] < threshold_hours)
        continue;
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_int (stmt, 2, desk_deadline_watch_thresholds[i]);
      if (!_desk_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
desk_deadline_watch_mark_notified (DeskStore *store,
                                   gint64     case_id,
                                   int        threshold_hours,
                                   GError   **error)
{
  g_autoptr (DeskStoreTxn) txn = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (threshold_hours > 0, FALSE);

  if (!(txn = _desk_store_txn_begin (store, error)) || !insert_marks (store, case_id, threshold_hours, error))
    return FALSE;
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

gboolean
desk_deadline_watch_forget_stale (DeskStore *store,
                                  GDateTime *now,
                                  GError   **error)
{
  g_autofree char *now_text = desk_time_to_iso8601 (now);
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  /* julianday() reads our "…Z" times; the difference is in days. */
  stmt = _desk_store_prepare (store,
                              "DELETE FROM notifications_sent WHERE threshold_hours * 3600.0 <"
                              " (SELECT (julianday (c.deadline_at) - julianday (?1)) * 86400.0 FROM cases c"
                              "  WHERE c.id = notifications_sent.case_id)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now_text, -1, SQLITE_TRANSIENT);
  return _desk_store_step_done (store, stmt, error);
}

/* Text */

char *
desk_deadline_watch_format_title (DeskCase *kase,
                                  int       threshold_hours)
{
  g_return_val_if_fail (DESK_IS_CASE (kase), NULL);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: notification title; %d is 24, 6 or 1, %s the case title */
                                       "Less than %d hour left: %s",
                                       "Less than %d hours left: %s",
                                       threshold_hours),
                          threshold_hours, desk_case_get_title (kase));
}

char *
desk_deadline_watch_format_body (DeskCase  *kase,
                                 GDateTime *now)
{
  g_autofree char *countdown = NULL;

  g_return_val_if_fail (DESK_IS_CASE (kase), NULL);
  countdown = desk_deadline_format_countdown (desk_case_get_deadline_at (kase), now);
  /* Translators: notification body: "Shopee · IP complaint — 5 h 40 min left" */
  return g_strdup_printf (_ ("%s · %s — %s"),
                          desk_platform_get_label (desk_case_get_platform (kase)),
                          desk_case_type_get_label (desk_case_get_case_type (kase)),
                          countdown);
}
