/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "desk-evidence-store.h"
#include "desk-store-private.h"
#include "desk-timeline.h"
#include "desk-util.h"

static const char *const kind_ids[DESK_TIMELINE_N_KINDS] = {
  [DESK_TIMELINE_OTHER] = "other",
  [DESK_TIMELINE_CREATED] = "created",
  [DESK_TIMELINE_STATUS] = "status",
  [DESK_TIMELINE_SUBMITTED] = "submitted",
  [DESK_TIMELINE_REPLY] = "reply",
  [DESK_TIMELINE_NOTE] = "note",
  [DESK_TIMELINE_CALL] = "call",
  [DESK_TIMELINE_PACKAGE] = "package",
  [DESK_TIMELINE_ATTEMPT] = "attempt",
};

const char *
desk_timeline_kind_to_id (DeskTimelineKind kind)
{
  g_return_val_if_fail (kind < DESK_TIMELINE_N_KINDS, "other");
  return kind_ids[kind];
}

DeskTimelineKind
desk_timeline_kind_from_id (const char *id)
{
  for (guint i = 1; id && i < DESK_TIMELINE_N_KINDS; i++)
    if (g_str_equal (id, kind_ids[i]))
      return i;
  return DESK_TIMELINE_OTHER;
}

const char *
desk_timeline_kind_get_label (DeskTimelineKind kind)
{
  switch (kind)
    {
      case DESK_TIMELINE_CREATED:
        return C_ ("timeline", "Case opened");
      case DESK_TIMELINE_STATUS:
        return C_ ("timeline", "Status");
      case DESK_TIMELINE_SUBMITTED:
        return C_ ("timeline", "Submission");
      case DESK_TIMELINE_REPLY:
        return C_ ("timeline", "Platform reply");
      case DESK_TIMELINE_NOTE:
        return C_ ("timeline", "Note");
      case DESK_TIMELINE_CALL:
        return C_ ("timeline", "Call or chat");
      case DESK_TIMELINE_PACKAGE:
        return C_ ("timeline", "Package made");
      case DESK_TIMELINE_ATTEMPT:
        return C_ ("timeline", "Appeal attempt");
      case DESK_TIMELINE_OTHER:
      default:
        return C_ ("timeline", "Other");
    }
}

gboolean
desk_timeline_kind_is_manual (DeskTimelineKind kind)
{
  return kind != DESK_TIMELINE_CREATED && kind != DESK_TIMELINE_STATUS && kind != DESK_TIMELINE_OTHER;
}

DeskTimelineKind
desk_timeline_entry_get_kind (const DeskTimelineEntry *entry)
{
  return desk_timeline_kind_from_id (entry->kind);
}

char *
desk_timeline_entry_dup_detail (const DeskTimelineEntry *entry,
                                const char              *key)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonNode   *root;
  JsonObject *obj;
  const char *value;

  /* Details are small: parsing on demand keeps the entry a plain struct. */
  if (entry->details == NULL || entry->details[0] != '{' || entry->details[1] == '}')
    return NULL;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, entry->details, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  obj = json_node_get_object (root);
  if (!json_object_has_member (obj, key) || !JSON_NODE_HOLDS_VALUE (json_object_get_member (obj, key))
      || json_node_get_value_type (json_object_get_member (obj, key)) != G_TYPE_STRING)
    return NULL;
  value = json_object_get_string_member (obj, key);
  return value && *value ? g_strdup (value) : NULL;
}

guint
desk_timeline_entry_get_n_evidence (const DeskTimelineEntry *entry)
{
  guint n = 0;

  while (entry->evidence_ids && entry->evidence_ids[n])
    n++;
  return n;
}

static gboolean
validate_details (const char *details,
                  GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (details == NULL)
    return TRUE;
  if (json_parser_load_from_data (parser, details, -1, NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return TRUE;
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
               _ ("The entry’s details are not a JSON object; nothing was saved."));
  return FALSE;
}

static gboolean
link_evidence (DeskStore    *store,
               gint64        case_id,
               gint64        entry_id,
               const gint64 *evidence_ids,
               GError      **error)
{
  for (guint i = 0; evidence_ids && evidence_ids[i]; i++)
    {
      sqlite3_stmt *stmt;

      if (!desk_evidence_attach (store, case_id, evidence_ids[i], error))
        return FALSE;
      stmt = _desk_store_prepare (store, "INSERT OR IGNORE INTO timeline_evidence (entry_id, evidence_id) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry_id);
      sqlite3_bind_int64 (stmt, 2, evidence_ids[i]);
      if (!_desk_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Inside the caller's transaction. */
static gint64
insert_entry (DeskStore       *store,
              gint64           case_id,
              DeskTimelineKind kind,
              GDateTime       *at,
              const char      *text,
              const char      *details,
              GError         **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  sqlite3_stmt *stmt = _desk_store_prepare (store,
                                            "INSERT INTO timeline (case_id, at, kind, text, details) VALUES (?1, ?2, ?3, ?4, ?5)",
                                            error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  _desk_store_bind_time (stmt, 2, at ? at : now);
  sqlite3_bind_text (stmt, 3, desk_timeline_kind_to_id (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, text ? text : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, details ? details : "{}", -1, SQLITE_TRANSIENT);
  if (!_desk_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_desk_store_get_db (store));
}

static void
notify_case (DeskStore *store,
             gint64     case_id)
{
  /* After the commit: DeskSession turns it into "changed::timeline". */
  _desk_store_notify (store, "timeline", case_id);
}

gint64
desk_timeline_add (DeskStore       *store,
                   gint64           case_id,
                   DeskTimelineKind kind,
                   GDateTime       *at,
                   const char      *text,
                   const char      *details,
                   const gint64    *evidence_ids,
                   GError         **error)
{
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (DeskStoreTxn) txn = NULL;
  gint64 id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  if (!validate_details (details, error) || !(kase = _desk_store_get_case_summary (store, case_id, error)))
    return 0;
  if (!(txn = _desk_store_txn_begin (store, error)))
    return 0;
  id = insert_entry (store, case_id, kind, at, text, details, error);
  if (id == 0 || !link_evidence (store, case_id, id, evidence_ids, error))
    return 0;
  notify_case (store, case_id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error) ? id : 0;
}

static DeskTimelineEntry *
get_entry (DeskStore *store,
           gint64     entry_id,
           gboolean   deleted,
           GError   **error)
{
  DeskTimelineEntry *entry = NULL;
  sqlite3_stmt      *stmt;
  int                rc;

  stmt = _desk_store_prepare (store,
                              deleted ? "SELECT " DESK_TIMELINE_COLUMNS " FROM timeline WHERE id = ?1 AND deleted_at IS NOT NULL"
                                      : "SELECT " DESK_TIMELINE_COLUMNS " FROM timeline WHERE id = ?1 AND deleted_at IS NULL",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = _desk_store_timeline_entry_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                 _ ("This timeline entry does not exist any more."));
  else
    _desk_store_set_error (_desk_store_get_db (store), rc, error);
  sqlite3_reset (stmt);
  return entry;
}

DeskTimelineEntry *
desk_timeline_get (DeskStore *store,
                   gint64     entry_id,
                   GError   **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  return get_entry (store, entry_id, FALSE, error);
}

static gboolean
check_manual (const DeskTimelineEntry *entry,
              GError                 **error)
{
  if (desk_timeline_kind_is_manual (desk_timeline_entry_get_kind (entry)))
    return TRUE;
  g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
               _ ("This entry was written when the case changed; change the case’s status instead of the entry."));
  return FALSE;
}

gboolean
desk_timeline_edit (DeskStore  *store,
                    gint64      entry_id,
                    GDateTime  *at,
                    const char *text,
                    const char *details,
                    GError    **error)
{
  g_autoptr (DeskTimelineEntry) entry = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  if (!(entry = desk_timeline_get (store, entry_id, error)) || !check_manual (entry, error)
      || !validate_details (details, error))
    return FALSE;
  stmt = _desk_store_prepare (store,
                              "UPDATE timeline SET at = ?2, text = ?3, details = ?4, edited_at = ?5 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  _desk_store_bind_time (stmt, 2, at ? at : entry->at);
  sqlite3_bind_text (stmt, 3, text ? text : entry->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, details ? details : entry->details, -1, SQLITE_TRANSIENT);
  _desk_store_bind_time (stmt, 5, now);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  notify_case (store, entry->case_id);
  return TRUE;
}

static gboolean
set_deleted (DeskStore *store,
             gint64     entry_id,
             gboolean   deleted,
             GError   **error)
{
  g_autoptr (DeskTimelineEntry) entry = get_entry (store, entry_id, !deleted, error);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  sqlite3_stmt *stmt;

  if (entry == NULL || !check_manual (entry, error))
    return FALSE;
  stmt = _desk_store_prepare (store, "UPDATE timeline SET deleted_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  _desk_store_bind_time (stmt, 2, deleted ? now : NULL);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  notify_case (store, entry->case_id);
  return TRUE;
}

gboolean
desk_timeline_delete (DeskStore *store,
                      gint64     entry_id,
                      GError   **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  return set_deleted (store, entry_id, TRUE, error);
}

gboolean
desk_timeline_restore (DeskStore *store,
                       gint64     entry_id,
                       GError   **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  return set_deleted (store, entry_id, FALSE, error);
}

static char *
status_details (DeskCaseStatus from,
                DeskCaseStatus to)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, desk_case_status_to_id (from));
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, desk_case_status_to_id (to));
  if (from == DESK_CASE_STATUS_CLOSED)
    {
      json_builder_set_member_name (builder, "reopened");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Leaving "closed" re-opens the case: its outcome no longer holds. */
static gboolean
drop_closure (DeskStore *store,
              gint64     case_id,
              GError   **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "DELETE FROM closures WHERE case_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  _desk_store_notify (store, "closure", case_id);
  return _desk_store_step_done (store, stmt, error);
}

gboolean
desk_timeline_set_status (DeskStore     *store,
                          DeskCase      *kase,
                          DeskCaseStatus status,
                          const char    *note,
                          GError       **error)
{
  return desk_timeline_set_status_at (store, kase, status, NULL, note, error);
}

gboolean
desk_timeline_set_status_at (DeskStore     *store,
                             DeskCase      *kase,
                             DeskCaseStatus status,
                             GDateTime     *at,
                             const char    *note,
                             GError       **error)
{
  DeskCaseStatus   from;
  g_autofree char *details = NULL;
  g_autoptr (DeskStoreTxn) txn = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (DESK_IS_CASE (kase), FALSE);
  from = desk_case_get_status (kase);
  if (from == status)
    return TRUE;
  details = status_details (from, status);
  if (!(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  desk_case_set_status (kase, status);
  if (!desk_store_update_case (store, kase, error)
      || (from == DESK_CASE_STATUS_CLOSED && !drop_closure (store, desk_case_get_id (kase), error))
      || insert_entry (store, desk_case_get_id (kase), DESK_TIMELINE_STATUS, at, note, details, error) == 0)
    {
      desk_case_set_status (kase, from);
      return FALSE;
    }
  notify_case (store, desk_case_get_id (kase));
  if (!_desk_store_txn_commit (g_steal_pointer (&txn), error))
    {
      desk_case_set_status (kase, from);
      return FALSE;
    }
  return TRUE;
}

gint64
desk_timeline_add_package (DeskStore  *store,
                           gint64      case_id,
                           const char *file_name,
                           const char *sha256,
                           GError    **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *details = NULL;
  g_autofree char *base = g_path_get_basename (file_name);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, base);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  details = json_to_string (root, FALSE);
  return desk_timeline_add (store, case_id, DESK_TIMELINE_PACKAGE, NULL, base, details, NULL, error);
}

char *
desk_timeline_entry_describe (const DeskTimelineEntry *entry)
{
  DeskTimelineKind kind = desk_timeline_entry_get_kind (entry);
  g_autofree char *from = desk_timeline_entry_dup_detail (entry, "from");
  g_autofree char *to = desk_timeline_entry_dup_detail (entry, "to");

  if (kind == DESK_TIMELINE_STATUS && from && to)
    /* Translators: timeline line, e.g. "Status: Draft → Submitted" */
    return g_strdup_printf (_ ("Status: %s → %s"), desk_case_status_get_label (desk_case_status_from_id (from)),
                            desk_case_status_get_label (desk_case_status_from_id (to)));
  if (entry->text && *entry->text)
    /* Translators: timeline line: kind, then the entry's text */
    return g_strdup_printf (_ ("%s: %s"), desk_timeline_kind_get_label (kind), entry->text);
  return g_strdup (desk_timeline_kind_get_label (kind));
}
