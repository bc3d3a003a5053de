/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-case-snapshot"

#include "config.h"

#include "desk-case-snapshot-private.h"
#include "desk-evidence-store.h"
#include "desk-store-private.h"

struct _DeskCaseSnapshot
{
  gatomicrefcount ref_count;

  DeskCase   *kase;
  DeskNotice *notice;
  GPtrArray  *checklist;     /* DeskChecklistItem */
  GHashTable *item_evidence; /* gint64* item row id → GArray of gint64 */
  GPtrArray  *evidence;      /* DeskEvidence */
  GPtrArray  *attempts;      /* DeskAttemptRecord */
  GPtrArray  *timeline;      /* DeskTimelineEntry */
  GHashTable *parts;         /* name → part */
};

G_DEFINE_BOXED_TYPE (DeskCaseSnapshot, desk_case_snapshot, desk_case_snapshot_ref, desk_case_snapshot_unref)

static void
free_part (gpointer key,
           gpointer value,
           gpointer user_data)
{
  for (const DeskCaseSnapshotPart *part = _desk_case_snapshot_parts; part->name; part++)
    if (g_str_equal (part->name, key) && part->free)
      part->free (value);
}

static void
destroy_parts (GHashTable *parts)
{
  g_hash_table_foreach (parts, free_part, NULL);
  g_hash_table_destroy (parts);
}

DeskCaseSnapshot *
desk_case_snapshot_ref (DeskCaseSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
desk_case_snapshot_unref (DeskCaseSnapshot *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->kase);
  g_clear_object (&self->notice);
  g_clear_pointer (&self->checklist, g_ptr_array_unref);
  g_clear_pointer (&self->item_evidence, g_hash_table_unref);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->attempts, g_ptr_array_unref);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_clear_pointer (&self->parts, destroy_parts);
  g_free (self);
}

static gboolean
load_item_evidence (DeskCaseSnapshot *self,
                    DeskStore        *store,
                    GError          **error)
{
  for (guint i = 0; i < self->checklist->len; i++)
    {
      DeskChecklistItem *item = self->checklist->pdata[i];
      GArray            *ids = desk_checklist_list_evidence (store, item->id, error);

      if (ids == NULL)
        return FALSE;
      g_hash_table_insert (self->item_evidence, g_memdup2 (&item->id, sizeof item->id), ids);
    }
  return TRUE;
}

static gboolean
load_parts (DeskCaseSnapshot *self,
            DeskSession      *session,
            GError          **error)
{
  for (const DeskCaseSnapshotPart *part = _desk_case_snapshot_parts; part->name; part++)
    {
      GError  *local_error = NULL;
      gpointer data = part->load (session, desk_case_get_id (self->kase), &local_error);

      if (local_error)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (data)
        g_hash_table_insert (self->parts, (gpointer)part->name,
                             g_steal_pointer (&data));
    }
  return TRUE;
}

static gboolean
load (DeskCaseSnapshot *self,
      DeskSession      *session,
      gint64            case_id,
      GError          **error)
{
  DeskStore  *store = desk_session_get_store (session);
  const char *text;

  if (!(self->kase = desk_store_get_case (store, case_id, error))
      || !(self->checklist = desk_checklist_list (session, case_id, error))
      || !load_item_evidence (self, store, error)
      || !(self->evidence = desk_evidence_list_for_case (store, case_id, error))
      || !(self->attempts = desk_attempts_list (store, case_id, error))
      || !(self->timeline = desk_store_list_timeline (store, case_id, error))
      || !load_parts (self, session, error))
    return FALSE;
  text = desk_case_get_notice_text (self->kase);
  if (text && *text)
    self->notice = desk_notice_decode_with_rules (desk_session_get_rules (session), text, desk_case_get_received_at (self->kase));
  return TRUE;
}

DeskCaseSnapshot *
desk_case_snapshot_load (DeskSession *session,
                         gint64       case_id,
                         GError     **error)
{
  g_autoptr (DeskCaseSnapshot) self = NULL;
  g_autoptr (DeskStoreTxn) txn = NULL;
  DeskStore *store;

  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  store = desk_session_get_store (session);

  self = g_new0 (DeskCaseSnapshot, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->item_evidence = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_array_unref);
  self->parts = g_hash_table_new (g_str_hash, g_str_equal);
  if (!(txn = _desk_store_txn_begin_read (store, error)))
    return NULL;
  if (!load (self, session, case_id, error))
    {
      /* Parts loaded so far are freed with their own free functions. */
      return NULL;
    }
  if (!_desk_store_txn_commit (g_steal_pointer (&txn), error))
    {
      return NULL;
    }
  return g_steal_pointer (&self);
}

gint64
desk_case_snapshot_get_case_id (DeskCaseSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return desk_case_get_id (self->kase);
}

DeskCase *
desk_case_snapshot_get_case (DeskCaseSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->kase;
}

DeskNotice *
desk_case_snapshot_get_notice (DeskCaseSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->notice;
}

GPtrArray *
desk_case_snapshot_get_checklist (DeskCaseSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->checklist;
}

GArray *
desk_case_snapshot_get_item_evidence (DeskCaseSnapshot *self,
                                      gint64            checklist_item_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->item_evidence, &checklist_item_id);
}

GPtrArray *
desk_case_snapshot_get_evidence (DeskCaseSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->evidence;
}

DeskEvidence *
desk_case_snapshot_find_evidence (DeskCaseSnapshot *self,
                                  gint64            evidence_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->evidence->len; i++)
    if (desk_evidence_get_id (self->evidence->pdata[i]) == evidence_id)
      return self->evidence->pdata[i];
  return NULL;
}

GPtrArray *
desk_case_snapshot_get_attempts (DeskCaseSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->attempts;
}

GPtrArray *
desk_case_snapshot_get_timeline (DeskCaseSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->timeline;
}

gconstpointer
desk_case_snapshot_get_part (DeskCaseSnapshot *self,
                             const char       *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->parts, name);
}
