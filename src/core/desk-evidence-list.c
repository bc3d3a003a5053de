/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-list"

#include "config.h"

#include "desk-evidence-list.h"
#include "desk-evidence-private.h"
#include "desk-evidence-store.h"

struct _DeskEvidenceList
{
  GObject    parent_instance;
  DeskStore *store;
  gint64     case_id;
  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskEvidenceList, desk_evidence_list, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return DESK_TYPE_EVIDENCE;
}

static guint
get_n_items (GListModel *model)
{
  return DESK_EVIDENCE_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DeskEvidenceList *self = DESK_EVIDENCE_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
desk_evidence_list_dispose (GObject *object)
{
  DeskEvidenceList *self = (DeskEvidenceList *)object;

  if (self->store)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_evidence_list_parent_class)->dispose (object);
}

static void
desk_evidence_list_finalize (GObject *object)
{
  DeskEvidenceList *self = (DeskEvidenceList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (desk_evidence_list_parent_class)->finalize (object);
}

static void
desk_evidence_list_class_init (DeskEvidenceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_evidence_list_dispose;
  object_class->finalize = desk_evidence_list_finalize;
}

static void
desk_evidence_list_init (DeskEvidenceList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
reload_quietly (DeskEvidenceList *self)
{
  g_autoptr (GError) error = NULL;

  if (!desk_evidence_list_reload (self, &error))
    g_message ("Could not reload the evidence list: %s", error->message);
}

static void
on_evidence_changed (DeskEvidenceList *self,
                     const char       *part,
                     gint64            case_id)
{
  reload_quietly (self);
}

DeskEvidenceList *
desk_evidence_list_new (DeskStore *store,
                        gint64     case_id)
{
  DeskEvidenceList *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  self = g_object_new (DESK_TYPE_EVIDENCE_LIST, NULL);
  self->store = g_object_ref (store);
  self->case_id = case_id;
  g_signal_connect_swapped (store, "changed::evidence", G_CALLBACK (on_evidence_changed), self);
  /* Usage counts change when a case is deleted or restored. */
  g_signal_connect_swapped (store, "case-removed", G_CALLBACK (reload_quietly), self);
  g_signal_connect_swapped (store, "case-added", G_CALLBACK (reload_quietly), self);
  reload_quietly (self);
  return self;
}

gint64
desk_evidence_list_get_case_id (DeskEvidenceList *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE_LIST (self), 0);
  return self->case_id;
}

static gboolean
same_ids (GPtrArray *a,
          GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (desk_evidence_get_id (a->pdata[i]) != desk_evidence_get_id (b->pdata[i]))
      return FALSE;
  return TRUE;
}

/* Objects the list already holds are kept (and updated), so widgets and
 * callers holding them see the new flags and counts. */
static void
reuse_objects (DeskEvidenceList *self,
               GPtrArray        *fresh)
{
  g_autoptr (GHashTable) old = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      DeskEvidence *ev = self->items->pdata[i];
      gint64       *key = g_new (gint64, 1);

      *key = desk_evidence_get_id (ev);
      g_hash_table_insert (old, key, ev);
    }
  for (guint i = 0; i < fresh->len; i++)
    {
      gint64        id = desk_evidence_get_id (fresh->pdata[i]);
      DeskEvidence *kept = g_hash_table_lookup (old, &id);

      if (kept == NULL)
        continue;
      _desk_evidence_update_from (kept, fresh->pdata[i]);
      g_object_unref (fresh->pdata[i]);
      fresh->pdata[i] = g_object_ref (kept);
    }
}

gboolean
desk_evidence_list_reload (DeskEvidenceList *self,
                           GError          **error)
{
  g_autoptr (GPtrArray) fresh = NULL;
  gboolean same;
  guint    old_len;

  g_return_val_if_fail (DESK_IS_EVIDENCE_LIST (self), FALSE);
  fresh = self->case_id ? desk_evidence_list_for_case (self->store, self->case_id, error)
                        : desk_evidence_list_all (self->store, NULL, error);
  if (fresh == NULL)
    return FALSE;
  same = same_ids (self->items, fresh);
  reuse_objects (self, fresh);
  if (same)
    return TRUE;
  old_len = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&fresh);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
  return TRUE;
}

int
desk_evidence_list_find (DeskEvidenceList *self,
                         gint64            evidence_id)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE_LIST (self), -1);
  for (guint i = 0; i < self->items->len; i++)
    if (desk_evidence_get_id (self->items->pdata[i]) == evidence_id)
      return i;
  return -1;
}
