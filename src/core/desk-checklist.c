/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-checklist"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-checklist-private.h"
#include "chain/desk-chain-private.h"
#include "desk-evidence-store.h"
#include "desk-store-private.h"
#include "desk-util.h"

#define ITEM_COLUMNS                                                                                          \
  "SELECT id, case_id, item_id, required, position, state, note,"                                             \
  " (SELECT count(*) FROM checklist_evidence e WHERE e.checklist_item_id = checklist_items.id) AS n_evidence" \
  " FROM checklist_items "

G_DEFINE_QUARK (desk_checklist_error_quark, desk_checklist_error)

G_DEFINE_BOXED_TYPE (DeskChecklistItem, desk_checklist_item, desk_checklist_item_copy, desk_checklist_item_free)

DeskChecklistItem *
desk_checklist_item_copy (const DeskChecklistItem *item)
{
  DeskChecklistItem *copy;

  g_return_val_if_fail (item != NULL, NULL);
  copy = g_memdup2 (item, sizeof *item);
  copy->item_id = g_strdup (item->item_id);
  copy->note = g_strdup (item->note);
  return copy;
}

void
desk_checklist_item_free (DeskChecklistItem *item)
{
  if (item == NULL)
    return;
  g_free (item->item_id);
  g_free (item->note);
  g_free (item);
}

/* States */

const char *
desk_checklist_state_to_id (DeskChecklistState state)
{
  GEnumClass *klass = g_type_class_ref (DESK_TYPE_CHECKLIST_STATE);
  GEnumValue *value = g_enum_get_value (klass, state);

  g_type_class_unref (klass);
  return value ? value->value_nick : "missing";
}

gboolean
desk_checklist_state_from_id (const char         *id,
                              DeskChecklistState *state)
{
  GEnumClass *klass = g_type_class_ref (DESK_TYPE_CHECKLIST_STATE);
  GEnumValue *value = id ? g_enum_get_value_by_nick (klass, id) : NULL;

  g_type_class_unref (klass);
  if (value && state)
    *state = value->value;
  return value != NULL;
}

const char *
desk_checklist_state_get_label (DeskChecklistState state)
{
  switch (state)
    {
      case DESK_CHECKLIST_PROVIDED:
        /* Translators: state of an evidence checklist item */
        return _ ("Provided");
      case DESK_CHECKLIST_NEEDS_ATTENTION:
        /* Translators: state of an evidence checklist item, e.g. the scan lacks a seal */
        return _ ("Needs attention");
      case DESK_CHECKLIST_MISSING:
      default:
        /* Translators: state of an evidence checklist item */
        return _ ("Missing");
    }
}

/* Reading */

static DeskChecklistItem *
item_from_row (sqlite3_stmt *stmt)
{
  DeskChecklistItem *item = g_new0 (DeskChecklistItem, 1);
  DeskChecklistState state = DESK_CHECKLIST_MISSING;

  item->id = sqlite3_column_int64 (stmt, _desk_store_column (stmt, "id"));
  item->case_id = sqlite3_column_int64 (stmt, _desk_store_column (stmt, "case_id"));
  item->item_id = _desk_store_column_dup (stmt, _desk_store_column (stmt, "item_id"));
  item->required = sqlite3_column_int (stmt, _desk_store_column (stmt, "required")) != 0;
  item->position = sqlite3_column_int (stmt, _desk_store_column (stmt, "position"));
  desk_checklist_state_from_id ((const char *)sqlite3_column_text (stmt, _desk_store_column (stmt, "state")), &state);
  item->state = state;
  item->note = _desk_store_column_dup (stmt, _desk_store_column (stmt, "note"));
  item->n_evidence = (guint)sqlite3_column_int (stmt, _desk_store_column (stmt, "n_evidence"));
  return item;
}

/* Steps @stmt to the end, collecting items; resets it. With @rules (the
 * session's), the brand-authorization item shows its chain's state; without,
 * items are as stored. */
static GPtrArray *
collect_items (DeskStore        *store,
               DeskRuleRegistry *rules,
               sqlite3_stmt     *stmt,
               GError          **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_checklist_item_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  for (guint i = 0; rules != NULL && i < items->len; i++)
    _desk_chain_apply_to_checklist_item (store, rules, items->pdata[i]);
  return g_steal_pointer (&items);
}

static DeskChecklistItem *
single_item (DeskStore        *store,
             DeskRuleRegistry *rules,
             sqlite3_stmt     *stmt,
             GError          **error)
{
  g_autoptr (GPtrArray) items = collect_items (store, rules, stmt, error);

  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, DESK_CHECKLIST_ERROR, DESK_CHECKLIST_ERROR_NOT_FOUND,
                   _ ("This checklist item does not exist."));
      return NULL;
    }
  return g_ptr_array_steal_index (items, 0);
}

static GPtrArray *
list_items (DeskStore        *store,
            DeskRuleRegistry *rules,
            gint64            case_id,
            GError          **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, ITEM_COLUMNS "WHERE case_id = ?1 ORDER BY position, id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  return collect_items (store, rules, stmt, error);
}

static DeskChecklistItem *
get_item (DeskStore        *store,
          DeskRuleRegistry *rules,
          gint64            checklist_item_id,
          GError          **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, ITEM_COLUMNS "WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, checklist_item_id);
  return single_item (store, rules, stmt, error);
}

static DeskChecklistItem *
find_item (DeskStore        *store,
           DeskRuleRegistry *rules,
           gint64            case_id,
           const char       *item_id,
           GError          **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, ITEM_COLUMNS "WHERE case_id = ?1 AND item_id = ?2", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, item_id, -1, SQLITE_TRANSIENT);
  return single_item (store, rules, stmt, error);
}

GPtrArray *
desk_checklist_list (DeskSession *session,
                     gint64       case_id,
                     GError     **error)
{
  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  return list_items (desk_session_get_store (session), desk_session_get_rules (session), case_id, error);
}

DeskChecklistItem *
desk_checklist_get_item (DeskSession *session,
                         gint64       checklist_item_id,
                         GError     **error)
{
  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  return get_item (desk_session_get_store (session), desk_session_get_rules (session), checklist_item_id, error);
}

DeskChecklistItem *
desk_checklist_find_item (DeskSession *session,
                          gint64       case_id,
                          const char  *item_id,
                          GError     **error)
{
  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);
  return find_item (desk_session_get_store (session), desk_session_get_rules (session), case_id, item_id, error);
}

GPtrArray *
_desk_checklist_list_stored (DeskStore *store,
                             gint64     case_id,
                             GError   **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  return list_items (store, NULL, case_id, error);
}

DeskChecklistItem *
_desk_checklist_get_stored_item (DeskStore *store,
                                 gint64     checklist_item_id,
                                 GError   **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  return get_item (store, NULL, checklist_item_id, error);
}

DeskChecklistItem *
_desk_checklist_find_stored_item (DeskStore  *store,
                                  gint64      case_id,
                                  const char *item_id,
                                  GError    **error)
{
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);
  return find_item (store, NULL, case_id, item_id, error);
}

gboolean
desk_checklist_count (DeskSession *session,
                      gint64       case_id,
                      guint        counts[3],
                      GError     **error)
{
  g_autoptr (GPtrArray) items = desk_checklist_list (session, case_id, error);

  if (items == NULL)
    return FALSE;
  counts[0] = counts[1] = counts[2] = 0;
  for (guint i = 0; i < items->len; i++)
    counts[((DeskChecklistItem *)items->pdata[i])->state]++;
  return TRUE;
}

DeskEvidenceRequirement *
desk_checklist_item_get_requirement (const DeskChecklistItem *item,
                                     DeskRulePack            *pack,
                                     DeskCaseType             case_type)
{
  const DeskCaseRules *rules;

  g_return_val_if_fail (item != NULL, NULL);
  if (pack == NULL || !(rules = desk_rule_pack_get_case_rules (pack, case_type)))
    return NULL;
  return desk_case_rules_find_evidence (rules, item->item_id);
}

/* Creating */

static gboolean
insert_items (DeskStore *store,
              gint64     case_id,
              GPtrArray *requirements,
              GError   **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store,
                                            "INSERT INTO checklist_items (case_id, item_id, required, position) VALUES (?1, ?2, ?3, ?4)"
                                            " ON CONFLICT (case_id, item_id) DO UPDATE SET required = ?3, position = ?4",
                                            error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < requirements->len; i++)
    {
      DeskEvidenceRequirement *req = requirements->pdata[i];

      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_text (stmt, 2, desk_evidence_requirement_get_id (req), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, desk_evidence_requirement_get_required (req));
      sqlite3_bind_int (stmt, 4, (int)i);
      if (!_desk_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The notice pasted when the case was made is kept with the case: its
 * checklist item is not missing. Only a "missing" item changes. */
static gboolean
mark_notice_kept (DeskStore *store,
                  DeskCase  *kase,
                  GError   **error)
{
  g_autoptr (DeskChecklistItem) item = NULL;

  if (!desk_case_has_notice_text (kase) || *desk_case_get_notice_text (kase) == '\0')
    return TRUE;
  item = find_item (store, NULL, desk_case_get_id (kase), DESK_CHECKLIST_NOTICE_ITEM, NULL);
  if (item == NULL || item->state != DESK_CHECKLIST_MISSING)
    return TRUE;
  return desk_checklist_set_state (store, item->id, DESK_CHECKLIST_PROVIDED,
                                   _ ("The notice text is kept with the case (see Platform Notice)."), error);
}

gboolean
desk_checklist_create_from_pack (DeskStore    *store,
                                 DeskRulePack *pack,
                                 DeskCase     *kase,
                                 GError      **error)
{
  DeskCaseType type = desk_case_get_case_type (kase);
  g_autoptr (DeskStoreTxn) txn = NULL;
  g_autoptr (GPtrArray) requirements = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (DESK_IS_RULE_PACK (pack), FALSE);
  g_return_val_if_fail (DESK_IS_CASE (kase) && desk_case_get_id (kase) > 0, FALSE);

  if (!desk_rule_pack_lists_case_type (pack, type))
    {
      label = desk_rule_pack_get_label (pack);
      g_set_error (error, DESK_CHECKLIST_ERROR, DESK_CHECKLIST_ERROR_NO_RULES,
                   /* Translators: "The AliExpress rules v1.0 (effective …) have no evidence list for Reseller (跟卖) cases. …" */
                   _ ("%s have no evidence list for “%s” cases. Check the case type, or add the evidence yourself."),
                   label, desk_case_type_get_label (type));
      return FALSE;
    }
  requirements = desk_rule_pack_get_evidence_items (pack, type);
  if (!(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  desk_case_set_rule_pack_version (kase, desk_rule_pack_get_pack_version (pack));
  if (!insert_items (store, desk_case_get_id (kase), requirements, error)
      || !mark_notice_kept (store, kase, error)
      || !desk_store_update_case (store, kase, error))
    return FALSE;
  _desk_store_notify (store, "checklist", desk_case_get_id (kase));
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

gboolean
desk_checklist_create_for_case (DeskStore        *store,
                                DeskRuleRegistry *registry,
                                DeskCase         *kase,
                                guint            *n_created,
                                GError          **error)
{
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  DeskRulePack *pack;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (DESK_IS_RULE_REGISTRY (registry), FALSE);
  g_return_val_if_fail (DESK_IS_CASE (kase), FALSE);

  if (n_created)
    *n_created = 0;
  pack = desk_rule_registry_get_pack (registry, desk_case_get_platform (kase));
  if (pack == NULL || !desk_rule_pack_lists_case_type (pack, desk_case_get_case_type (kase)))
    return TRUE;
  if (!(before = list_items (store, NULL, desk_case_get_id (kase), error))
      || !desk_checklist_create_from_pack (store, pack, kase, error)
      || !(after = list_items (store, NULL, desk_case_get_id (kase), error)))
    return FALSE;
  if (n_created)
    *n_created = after->len - before->len;
  return TRUE;
}

/* Changing */

static gboolean
check_changed (DeskStore *store,
               GError   **error)
{
  if (sqlite3_changes (_desk_store_get_db (store)) > 0)
    return TRUE;
  g_set_error (error, DESK_CHECKLIST_ERROR, DESK_CHECKLIST_ERROR_NOT_FOUND,
               _ ("This checklist item does not exist."));
  return FALSE;
}

/* Queues "checklist-changed" for the item's case, and "evidence-changed"
 * when files were attached or detached (evidence rows show their items). */
static gboolean
notify_item (DeskStore *store,
             gint64     checklist_item_id,
             gboolean   links,
             GError   **error)
{
  g_autoptr (DeskChecklistItem) item = get_item (store, NULL, checklist_item_id, error);

  if (item == NULL)
    return FALSE;
  _desk_store_notify (store, "checklist", item->case_id);
  if (links)
    _desk_store_notify (store, "evidence", item->case_id);
  return TRUE;
}

/* The built-in pack of @platform, loaded once: the store knows no rule
 * registry (the session does), and a timeline line only needs the label. */
DeskRulePack *
_desk_checklist_builtin_pack (DeskPlatform platform)
{
  static GHashTable *packs;
  G_LOCK_DEFINE_STATIC (packs);
  DeskRulePack *pack;

  G_LOCK (packs);
  if (packs == NULL)
    packs = g_hash_table_new (NULL, NULL);
  if (!(pack = g_hash_table_lookup (packs, GINT_TO_POINTER (platform)))
      && (pack = desk_rule_pack_load_builtin (platform, NULL)))
    g_hash_table_insert (packs, GINT_TO_POINTER (platform), pack);
  G_UNLOCK (packs);
  return pack;
}

char *
desk_checklist_item_dup_label (DeskStore               *store,
                               const DeskChecklistItem *item)
{
  g_autoptr (DeskCase) kase = NULL;
  DeskRulePack            *pack = NULL;
  DeskEvidenceRequirement *req = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (item != NULL, NULL);
  if ((kase = _desk_store_get_case_summary (store, item->case_id, NULL)))
    pack = _desk_checklist_builtin_pack (desk_case_get_platform (kase));
  if (pack)
    req = desk_checklist_item_get_requirement (item, pack, desk_case_get_case_type (kase));
  return g_strdup (req ? desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_CURRENT) : item->item_id);
}

/* "“Brand authorization”: Needs attention — the scan is blurry" */
static gboolean
log_state (DeskStore         *store,
           gint64             checklist_item_id,
           DeskChecklistState state,
           const char        *note,
           GError           **error)
{
  g_autoptr (DeskChecklistItem) item = get_item (store, NULL, checklist_item_id, error);
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (item == NULL)
    return FALSE;
  label = desk_checklist_item_dup_label (store, item);
  text = note && *note
             /* Translators: timeline entry: checklist item, its new state and the seller's note */
             ? g_strdup_printf (_ ("“%s”: %s — %s"), label, desk_checklist_state_get_label (state), note)
             /* Translators: timeline entry: checklist item and its new state */
             : g_strdup_printf (_ ("“%s”: %s"), label, desk_checklist_state_get_label (state));
  return desk_store_add_timeline_entry (store, item->case_id, "checklist", text, error);
}

gboolean
desk_checklist_set_state (DeskStore         *store,
                          gint64             checklist_item_id,
                          DeskChecklistState state,
                          const char        *note,
                          GError           **error)
{
  g_autoptr (DeskChecklistItem) before = NULL;
  g_autoptr (DeskStoreTxn) txn = NULL;
  gboolean      same;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  g_return_val_if_fail (state <= DESK_CHECKLIST_NEEDS_ATTENTION, FALSE);

  /* Setting what is already there is not news for the timeline. */
  before = get_item (store, NULL, checklist_item_id, NULL);
  same = before && before->state == state && (note == NULL || g_strcmp0 (note, before->note) == 0);
  stmt = _desk_store_prepare (store,
                              "UPDATE checklist_items SET state = ?2, note = coalesce (?3, note) WHERE id = ?1", error);
  if (stmt == NULL || !(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, checklist_item_id);
  sqlite3_bind_text (stmt, 2, desk_checklist_state_to_id (state), -1, SQLITE_STATIC);
  if (note)
    sqlite3_bind_text (stmt, 3, note, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  if (!_desk_store_step_done (store, stmt, error) || !check_changed (store, error)
      || !notify_item (store, checklist_item_id, FALSE, error)
      || (!same && !log_state (store, checklist_item_id, state, note, error)))
    return FALSE;
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

/* Evidence links */

static gboolean
run_link_sql (DeskStore  *store,
              const char *sql,
              gint64      checklist_item_id,
              gint64      evidence_id,
              GError    **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, checklist_item_id);
  sqlite3_bind_int64 (stmt, 2, evidence_id);
  return _desk_store_step_done (store, stmt, error);
}

static gboolean
evidence_exists (DeskStore *store,
                 gint64     evidence_id,
                 GError   **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "SELECT 1 FROM evidence WHERE id = ?1", error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    _desk_store_set_error (_desk_store_get_db (store), rc, error);
  else
    g_set_error (error, DESK_CHECKLIST_ERROR, DESK_CHECKLIST_ERROR_NOT_FOUND,
                 _ ("This evidence file is not in the library any more. Add it again, then attach it."));
  return FALSE;
}

static gboolean
store_state (DeskStore         *store,
             gint64             checklist_item_id,
             DeskChecklistState state,
             GError           **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "UPDATE checklist_items SET state = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, checklist_item_id);
  sqlite3_bind_text (stmt, 2, desk_checklist_state_to_id (state), -1, SQLITE_STATIC);
  return _desk_store_step_done (store, stmt, error);
}

static gboolean
link_evidence (DeskStore *store,
               gint64     checklist_item_id,
               gint64     evidence_id,
               GError   **error)
{
  g_autoptr (DeskChecklistItem) item = get_item (store, NULL, checklist_item_id, error);

  if (item == NULL || !evidence_exists (store, evidence_id, error))
    return FALSE;
  if (!run_link_sql (store,
                     "INSERT OR IGNORE INTO checklist_evidence (checklist_item_id, evidence_id) VALUES (?1, ?2)",
                     checklist_item_id, evidence_id, error))
    return FALSE;
  if (item->state != DESK_CHECKLIST_MISSING)
    return TRUE;
  return store_state (store, checklist_item_id, DESK_CHECKLIST_PROVIDED, error);
}

gboolean
_desk_checklist_attach_evidence (DeskStore *store,
                                 gint64     checklist_item_id,
                                 gint64     evidence_id,
                                 GError   **error)
{
  g_autoptr (DeskStoreTxn) txn = NULL;
  g_autoptr (DeskChecklistItem) item = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (!(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  /* The file becomes part of the item's case too. */
  if (!link_evidence (store, checklist_item_id, evidence_id, error)
      || !(item = get_item (store, NULL, checklist_item_id, error))
      || !desk_evidence_attach (store, item->case_id, evidence_id, error))
    return FALSE;
  if (!notify_item (store, checklist_item_id, TRUE, error))
    return FALSE;
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

static gboolean
unlink_evidence (DeskStore *store,
                 gint64     checklist_item_id,
                 gint64     evidence_id,
                 GError   **error)
{
  g_autoptr (DeskChecklistItem) item = NULL;

  if (!run_link_sql (store, "DELETE FROM checklist_evidence WHERE checklist_item_id = ?1 AND evidence_id = ?2",
                     checklist_item_id, evidence_id, error))
    return FALSE;
  if (!(item = get_item (store, NULL, checklist_item_id, error)))
    return FALSE;
  if (item->n_evidence > 0 || item->state != DESK_CHECKLIST_PROVIDED)
    return TRUE;
  return store_state (store, checklist_item_id, DESK_CHECKLIST_MISSING, error);
}

gboolean
_desk_checklist_detach_evidence (DeskStore *store,
                                 gint64     checklist_item_id,
                                 gint64     evidence_id,
                                 GError   **error)
{
  g_autoptr (DeskStoreTxn) txn = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);

  if (!(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  if (!unlink_evidence (store, checklist_item_id, evidence_id, error)
      || !notify_item (store, checklist_item_id, TRUE, error))
    return FALSE;
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

GArray *
desk_checklist_list_evidence (DeskStore *store,
                              gint64     checklist_item_id,
                              GError   **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  stmt = _desk_store_prepare (store,
                              "SELECT evidence_id FROM checklist_evidence WHERE checklist_item_id = ?1 ORDER BY rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, checklist_item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}
