/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-case-list"

#include "config.h"

#include "desk-case-list.h"

struct _DeskCaseList
{
  GObject     parent_instance;
  DeskStore  *store;
  GPtrArray  *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskCaseList, desk_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return DESK_TYPE_CASE;
}

static guint
get_n_items (GListModel *model)
{
  return DESK_CASE_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DeskCaseList *self = DESK_CASE_LIST (model);

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

static gboolean
is_open (DeskCase *kase)
{
  return desk_case_get_status (kase) <= DESK_CASE_STATUS_PENDING;
}

/* Same order as desk_store_list_cases(). */
static int
compare_cases (DeskCase *a,
               DeskCase *b)
{
  GDateTime *da = desk_case_get_deadline_at (a);
  GDateTime *db = desk_case_get_deadline_at (b);
  int c;

  if (is_open (a) != is_open (b))
    return is_open (a) ? -1 : 1;
  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;
  if (da && (c = g_date_time_compare (da, db)) != 0)
    return c;
  if ((c = g_date_time_compare (desk_case_get_updated_at (b), desk_case_get_updated_at (a))) != 0)
    return c;
  return desk_case_get_id (b) < desk_case_get_id (a) ? -1 : 1;
}

static guint
sorted_position (DeskCaseList *self,
                 DeskCase     *kase)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (compare_cases (self->items->pdata[mid], kase) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
insert_sorted (DeskCaseList *self,
               DeskCase     *kase)
{
  guint pos = sorted_position (self, kase);

  g_ptr_array_insert (self->items, pos, g_object_ref (kase));
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
}

static void
remove_id (DeskCaseList *self,
           gint64        id)
{
  int pos = desk_case_list_find (self, id);

  if (pos < 0)
    return;
  g_ptr_array_remove_index (self->items, pos);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
}

static void
on_case_added (DeskCaseList *self,
               DeskCase     *kase)
{
  if (desk_case_list_find (self, desk_case_get_id (kase)) < 0)
    insert_sorted (self, kase);
}

static void
on_case_changed (DeskCaseList *self,
                 DeskCase     *kase)
{
  remove_id (self, desk_case_get_id (kase));
  insert_sorted (self, kase);
}

static void
on_case_removed (DeskCaseList *self,
                 gint64        id)
{
  remove_id (self, id);
}

static void
desk_case_list_dispose (GObject *object)
{
  DeskCaseList *self = (DeskCaseList *)object;

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_case_list_parent_class)->dispose (object);
}

static void
desk_case_list_finalize (GObject *object)
{
  DeskCaseList *self = (DeskCaseList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (desk_case_list_parent_class)->finalize (object);
}

static void
desk_case_list_class_init (DeskCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_case_list_dispose;
  object_class->finalize = desk_case_list_finalize;
}

static void
desk_case_list_init (DeskCaseList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

DeskCaseList *
desk_case_list_new (DeskStore *store)
{
  DeskCaseList *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  self = g_object_new (DESK_TYPE_CASE_LIST, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "case-added", G_CALLBACK (on_case_added), self);
  g_signal_connect_swapped (store, "case-changed", G_CALLBACK (on_case_changed), self);
  g_signal_connect_swapped (store, "case-removed", G_CALLBACK (on_case_removed), self);
  return self;
}

gboolean
desk_case_list_reload (DeskCaseList *self,
                       GError      **error)
{
  GPtrArray *cases;
  guint removed;

  g_return_val_if_fail (DESK_IS_CASE_LIST (self), FALSE);
  if (!(cases = desk_store_list_cases (self->store, error)))
    return FALSE;
  removed = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = cases;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, cases->len);
  return TRUE;
}

int
desk_case_list_find (DeskCaseList *self,
                     gint64        id)
{
  g_return_val_if_fail (DESK_IS_CASE_LIST (self), -1);
  for (guint i = 0; i < self->items->len; i++)
    if (desk_case_get_id (self->items->pdata[i]) == id)
      return i;
  return -1;
}

void
desk_case_list_count_urgent (DeskCaseList *self,
                             GDateTime    *now,
                             guint        *n_overdue,
                             guint        *n_soon)
{
  guint overdue = 0, soon = 0;

  g_return_if_fail (DESK_IS_CASE_LIST (self));
  for (guint i = 0; i < self->items->len; i++)
    {
      DeskDeadlineState state = desk_case_get_deadline_state (self->items->pdata[i], now);

      overdue += state == DESK_DEADLINE_OVERDUE;
      soon += state == DESK_DEADLINE_SOON;
    }
  if (n_overdue)
    *n_overdue = overdue;
  if (n_soon)
    *n_soon = soon;
}
