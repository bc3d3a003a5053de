/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-checklist-private.h"
#include "desk-evidence-store-private.h"
#include "desk-util.h"

static void
set_not_found (GError **error,
               gint64   evidence_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, evidence_id);

  /* Translators: %s is an evidence item number */
  g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_NOT_FOUND,
               _ ("Evidence item %s does not exist."), id);
}

static GPtrArray *
collect (DeskStore    *store,
         sqlite3_stmt *stmt,
         GError      **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, _desk_evidence_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

DeskEvidence *
desk_evidence_get (DeskStore *store,
                   gint64     evidence_id,
                   GError   **error)
{
  g_autoptr (GPtrArray) items = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  stmt = _desk_store_prepare (store, "SELECT " DESK_EVIDENCE_COLUMNS " FROM evidence e WHERE e.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (!(items = collect (store, stmt, error)))
    return NULL;
  if (items->len == 0)
    {
      set_not_found (error, evidence_id);
      return NULL;
    }
  return g_object_ref (items->pdata[0]);
}

static gboolean
is_hex_prefix (const char *text)
{
  gsize len = strlen (text);

  if (len < 6 || len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

static DeskEvidence *
lookup_sha_prefix (DeskStore  *store,
                   const char *text,
                   GError    **error)
{
  g_autofree char *prefix = g_ascii_strdown (text, -1);
  g_autoptr (GPtrArray) items = desk_evidence_list_all (store, prefix, error);
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; items && i < items->len; i++)
    if (g_str_has_prefix (desk_evidence_get_sha256 (items->pdata[i]), prefix))
      g_ptr_array_add (hits, g_object_ref (items->pdata[i]));
  if (items == NULL)
    return NULL;
  if (hits->len == 1)
    return g_object_ref (hits->pdata[0]);
  if (hits->len == 0)
    g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_NOT_FOUND,
                 _ ("No evidence item has a SHA-256 starting with “%s”."), text);
  else
    g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_AMBIGUOUS,
                 _ ("Several evidence items have a SHA-256 starting with “%s”: give more digits."), text);
  return NULL;
}

DeskEvidence *
desk_evidence_lookup (DeskStore  *store,
                      const char *text,
                      GError    **error)
{
  guint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  if (text && g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return desk_evidence_get (store, id, error);
  if (text && is_hex_prefix (text))
    return lookup_sha_prefix (store, text, error);
  g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_NOT_FOUND,
               _ ("“%s” is not an evidence item number or the start of a file fingerprint."),
               text ? text : "");
  return NULL;
}

GPtrArray *
desk_evidence_list_all (DeskStore  *store,
                        const char *query,
                        GError    **error)
{
  g_autofree char *folded = desk_text_fold (query);
  g_autoptr (GPtrArray) items = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  stmt = _desk_store_prepare (store, "SELECT " DESK_EVIDENCE_COLUMNS " FROM evidence e ORDER BY e.added_at DESC, e.id DESC", error);
  if (stmt == NULL || !(items = collect (store, stmt, error)))
    return NULL;
  for (guint i = items->len; *folded && i > 0; i--)
    if (!desk_evidence_matches (items->pdata[i - 1], folded))
      g_ptr_array_remove_index (items, i - 1);
  return g_steal_pointer (&items);
}

GPtrArray *
desk_evidence_list_for_case (DeskStore *store,
                             gint64     case_id,
                             GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  stmt = _desk_store_prepare (store,
                              "SELECT " DESK_EVIDENCE_COLUMNS " FROM evidence e JOIN case_evidence ce ON ce.evidence_id = e.id"
                              " WHERE ce.case_id = ?1 ORDER BY ce.added_at, ce.rowid",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  return collect (store, stmt, error);
}

GPtrArray *
desk_evidence_list_cases (DeskStore *store,
                          gint64     evidence_id,
                          GError   **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  stmt = _desk_store_prepare (store,
                              "SELECT c.id FROM cases c JOIN case_evidence ce ON ce.case_id = c.id"
                              " WHERE ce.evidence_id = ?1 AND c.trashed_at IS NULL ORDER BY c.title, c.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      DeskCase *kase = desk_store_get_case (store, g_array_index (ids, gint64, i), error);

      if (kase == NULL)
        return NULL;
      g_ptr_array_add (cases, kase);
    }
  return g_steal_pointer (&cases);
}

char *
desk_evidence_get_path (DeskStore    *store,
                        DeskEvidence *evidence)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_EVIDENCE (evidence), NULL);
  return desk_blob_store_get_path (_desk_store_get_blobs (store), desk_evidence_get_sha256 (evidence));
}

static gboolean
run_ids (DeskStore    *store,
         sqlite3_stmt *stmt,
         gint64        a,
         gint64        b,
         GError      **error)
{
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return _desk_store_step_done (store, stmt, error);
}

static void
drop_blob_cb (DeskStore *store,
              gpointer   sha256)
{
  _desk_evidence_drop_unused_blob (store, sha256);
}

/* After the (outermost) commit: a crash leaves an unused file, never a
 * missing one. Takes @sha256 (may be NULL). */
static void
drop_blob_after_commit (DeskStore *store,
                        char      *sha256)
{
  if (sha256 != NULL)
    _desk_store_after_commit (store, drop_blob_cb, sha256, g_free);
}

/* A timeline entry "evidence" with @format (untranslated, one or two %s:
 * the file name, then @other). */
static gboolean
log_evidence (DeskStore    *store,
              gint64        case_id,
              DeskEvidence *evidence,
              const char   *format,
              const char   *other,
              GError      **error)
{
  g_autofree char *name = desk_evidence_dup_display_name (evidence);
  g_autofree char *text = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  text = g_strdup_printf (_ (format), name, other);
#pragma GCC diagnostic pop
  return desk_store_add_timeline_entry (store, case_id, "evidence", text, error);
}

gboolean
desk_evidence_attach (DeskStore *store,
                      gint64     case_id,
                      gint64     evidence_id,
                      GError   **error)
{
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autofree char *now = _desk_store_now_iso8601 ();
  g_autoptr (DeskStoreTxn) txn = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  if (!(kase = desk_store_get_case (store, case_id, error))
      || !(evidence = desk_evidence_get (store, evidence_id, error))
      || !(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  stmt = _desk_store_prepare (store,
                              "INSERT OR IGNORE INTO case_evidence (case_id, evidence_id, added_at) VALUES (?1, ?2, ?3)", error);
  if (stmt)
    sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!run_ids (store, stmt, case_id, evidence_id, error)
      || (sqlite3_changes (_desk_store_get_db (store)) > 0 && !log_evidence (store, case_id, evidence,
                                                                             /* Translators: timeline entry; %s is a file name */
                                                                             N_ ("“%s” added"), NULL, error)))
    return FALSE;
  _desk_store_notify (store, "evidence", case_id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

/* Deletes the row of @evidence_id when no case uses it and the library does
 * not keep it; *@sha_out names the file to remove after the commit. */
static gboolean
delete_if_unused (DeskStore *store,
                  gint64     evidence_id,
                  char     **sha_out,
                  GError   **error)
{
  g_autoptr (DeskEvidence) evidence = desk_evidence_get (store, evidence_id, error);
  sqlite3_stmt *stmt;

  if (evidence == NULL)
    return FALSE;
  stmt = _desk_store_prepare (store,
                              "DELETE FROM evidence WHERE id = ?1 AND in_library = 0"
                              " AND NOT EXISTS (SELECT 1 FROM case_evidence WHERE evidence_id = ?1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (_desk_store_get_db (store)) > 0)
    *sha_out = g_strdup (desk_evidence_get_sha256 (evidence));
  return TRUE;
}

static gboolean
detach_checklist_links (DeskStore *store,
                        gint64     case_id,
                        gint64     evidence_id,
                        GError   **error)
{
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = _desk_store_prepare (store,
                              "SELECT ci.id FROM checklist_items ci JOIN checklist_evidence ce ON ce.checklist_item_id = ci.id"
                              " WHERE ci.case_id = ?1 AND ce.evidence_id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, evidence_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (items, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < items->len; i++)
    if (!_desk_checklist_detach_evidence (store, g_array_index (items, gint64, i), evidence_id, error))
      return FALSE;
  return TRUE;
}

static gboolean
detach_rows (DeskStore *store,
             gint64     case_id,
             gint64     evidence_id,
             char     **orphan,
             GError   **error)
{
  sqlite3_stmt *stmt;

  if (!detach_checklist_links (store, case_id, evidence_id, error))
    return FALSE;
  stmt = _desk_store_prepare (store, "DELETE FROM case_evidence WHERE case_id = ?1 AND evidence_id = ?2", error);
  if (!run_ids (store, stmt, case_id, evidence_id, error))
    return FALSE;
  if (sqlite3_changes (_desk_store_get_db (store)) == 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, evidence_id);
      g_autofree char *kase = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);

      /* Translators: the first %s is an evidence item number, the second a case number */
      g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_NOT_FOUND,
                   _ ("Evidence item %s is not part of case %s."), id, kase);
      return FALSE;
    }
  return delete_if_unused (store, evidence_id, orphan, error);
}

gboolean
desk_evidence_detach (DeskStore *store,
                      gint64     case_id,
                      gint64     evidence_id,
                      GError   **error)
{
  g_autoptr (DeskStoreTxn) txn = NULL;
  g_autoptr (DeskEvidence) evidence = NULL;
  char *orphan = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  if (!(evidence = desk_evidence_get (store, evidence_id, error)) || !(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  if (!detach_rows (store, case_id, evidence_id, &orphan, error)
      /* Translators: timeline entry; %s is a file name */
      || !log_evidence (store, case_id, evidence, N_ ("“%s” removed"), NULL, error))
    {
      g_free (orphan);
      return FALSE;
    }
  drop_blob_after_commit (store, orphan);
  _desk_store_notify (store, "evidence", case_id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

/* A file in a format the item does not take (a PDF for a jpg/png-only
 * screenshot, a web page saved as .pdf) marks the item "needs attention"
 * with the reason; otherwise the link is logged. */
static gboolean
check_and_log_attach (DeskStore         *store,
                      DeskChecklistItem *item,
                      gint64             evidence_id,
                      GError           **error)
{
  g_autoptr (DeskEvidence) evidence = desk_evidence_get (store, evidence_id, error);
  g_autoptr (DeskCase) kase = NULL;
  g_autofree char         *label = NULL;
  g_autofree char         *problem = NULL;
  DeskRulePack            *pack = NULL;
  DeskEvidenceRequirement *req = NULL;

  if (evidence == NULL)
    return FALSE;
  if ((kase = desk_store_get_case (store, item->case_id, NULL)))
    pack = _desk_checklist_builtin_pack (desk_case_get_platform (kase));
  if (pack)
    req = desk_checklist_item_get_requirement (item, pack, desk_case_get_case_type (kase));
  problem = desk_evidence_check_format (evidence, req ? desk_evidence_requirement_get_formats (req) : NULL);
  if (problem)
    return desk_checklist_set_state (store, item->id, DESK_CHECKLIST_NEEDS_ATTENTION, problem, error);
  label = desk_checklist_item_dup_label (store, item);
  /* Translators: timeline entry: a file name and a checklist item */
  return log_evidence (store, item->case_id, evidence, N_ ("“%s” attached to “%s”"), label, error);
}

gboolean
desk_evidence_attach_to_checklist (DeskStore *store,
                                   gint64     checklist_item_id,
                                   gint64     evidence_id,
                                   GError   **error)
{
  g_autoptr (DeskChecklistItem) item = NULL;
  g_autoptr (DeskStoreTxn) txn = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  if (!(item = _desk_checklist_get_stored_item (store, checklist_item_id, error))
      || !(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  if (!_desk_checklist_attach_evidence (store, checklist_item_id, evidence_id, error)
      || !check_and_log_attach (store, item, evidence_id, error))
    return FALSE;
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

gboolean
desk_evidence_detach_from_checklist (DeskStore *store,
                                     gint64     checklist_item_id,
                                     gint64     evidence_id,
                                     GError   **error)
{
  return _desk_checklist_detach_evidence (store, checklist_item_id, evidence_id, error);
}

gboolean
desk_evidence_set_in_library (DeskStore *store,
                              gint64     evidence_id,
                              gboolean   in_library,
                              GError   **error)
{
  g_autoptr (DeskStoreTxn) txn = NULL;
  char         *orphan = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  if (!(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  stmt = _desk_store_prepare (store, "UPDATE evidence SET in_library = ?2 WHERE id = ?1", error);
  if (!run_ids (store, stmt, evidence_id, !!in_library, error))
    return FALSE;
  if (sqlite3_changes (_desk_store_get_db (store)) == 0)
    {
      set_not_found (error, evidence_id);
      return FALSE;
    }
  if (!in_library && !delete_if_unused (store, evidence_id, &orphan, error))
    {
      g_free (orphan);
      return FALSE;
    }
  drop_blob_after_commit (store, orphan);
  _desk_store_notify (store, "evidence", 0);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}
