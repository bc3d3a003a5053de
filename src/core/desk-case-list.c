/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-case-list"

#include "config.h"

#include <string.h>

#include "desk-case-list.h"
#include "desk-case-private.h"
#include "desk-platform.h"
#include "desk-store-private.h"
#include "desk-util.h"

/* One case. Slots are never reused or moved: a changed case gets a new slot
 * (its text goes to the end of the buffer), so slot order is buffer order. */
typedef struct
{
  gint64    id;
  gint64    deadline;
  gint64    updated;
  gsize     key_off;
  gsize     key_len;
  guint8    platform;
  guint8    case_type;
  guint8    status;
  gboolean  dead;
  DeskCase *object; /* made on first get_item() */
} Row;

struct _DeskCaseList
{
  GObject    parent_instance;
  DeskStore *store;
  GArray    *rows;          /* Row, by slot */
  GString   *keys;          /* folded search text of every slot, '\0'-separated */
  GArray    *order;         /* guint slots of live rows, sorted */
  GArray    *shown;         /* guint slots matching the query, sorted */
  char      *query;         /* folded, NULL when not filtering */
  GPtrArray *platform_keys; /* char*, index = DeskPlatform (platforms are data) */
  char      *type_keys[DESK_N_CASE_TYPES];
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskCaseList, desk_case_list, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

#define ROW(self, slot) (&g_array_index ((self)->rows, Row, (slot)))

static GArray *
visible (DeskCaseList *self)
{
  return self->query ? self->shown : self->order;
}

static GType
get_item_type (GListModel *model)
{
  return DESK_TYPE_CASE;
}

static guint
get_n_items (GListModel *model)
{
  return visible (DESK_CASE_LIST (model))->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DeskCaseList *self = DESK_CASE_LIST (model);
  g_autoptr (GError) error = NULL;
  GArray *items = visible (self);
  Row    *row;

  if (position >= items->len)
    return NULL;
  row = ROW (self, g_array_index (items, guint, position));
  if (row->object == NULL)
    row->object = _desk_store_get_case_summary (self->store, row->id, &error);
  if (row->object == NULL)
    {
      /* Another process deleted it; an empty case keeps the model consistent. */
      g_message ("Case %" G_GINT64_FORMAT " vanished: %s", row->id, error->message);
      row->object = desk_case_new (row->platform, row->case_type, "");
    }
  return g_object_ref (row->object);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Latin letters fold; other scripts stay as they are (CJK has no case), which
 * keeps loading 100 000 titles cheap. The query is folded the same way. */
static void
append_folded (GString    *out,
               const char *text)
{
  gsize start = out->len;

  g_string_append (out, text ? text : "");
  for (char *p = out->str + start; *p; p++)
    if (*p >= 'A' && *p <= 'Z')
      *p += 'a' - 'A';
    else if (*p == '\n') /* between product ids */
      *p = '\x1f';
}

static void
append_key (DeskCaseList *self,
            Row          *row,
            const char   *title,
            const char   *case_id,
            const char   *code,
            const char   *products)
{
  row->key_off = self->keys->len;
  append_folded (self->keys, title);
  g_string_append_c (self->keys, '\x1f');
  append_folded (self->keys, case_id);
  g_string_append_c (self->keys, '\x1f');
  append_folded (self->keys, code);
  g_string_append_c (self->keys, '\x1f');
  append_folded (self->keys, products);
  row->key_len = self->keys->len - row->key_off;
  g_string_append_c (self->keys, '\0');
}

static gboolean
is_open (const Row *row)
{
  return row->status <= DESK_CASE_STATUS_PENDING;
}

/* Same order as desk_store_list_cases(). */
static int
compare_rows (const Row *a,
              const Row *b)
{
  if (is_open (a) != is_open (b))
    return is_open (a) ? -1 : 1;
  if ((a->deadline == DESK_CASE_NO_TIME) != (b->deadline == DESK_CASE_NO_TIME))
    return a->deadline == DESK_CASE_NO_TIME ? 1 : -1;
  if (a->deadline != b->deadline)
    return a->deadline < b->deadline ? -1 : 1;
  if (a->updated != b->updated)
    return a->updated > b->updated ? -1 : 1;
  return b->id < a->id ? -1 : 1;
}

/* The text and platform/type labels are matched separately: labels are the
 * same for thousands of rows, so they are checked once per query. */
static char *
label_key (const char *id,
           const char *label)
{
  GString *key = g_string_new (id);

  g_string_append_c (key, '\x1f');
  append_folded (key, label);
  return g_string_free (key, FALSE);
}

/* Folded "id\x1flabel" of every platform and case type, made once: the
 * translations behind the labels cost a few ms the first time. */
static void
ensure_label_keys (DeskCaseList *self)
{
  guint n = desk_platform_get_count ();

  if (self->platform_keys->len < n)
    {
      if (self->platform_keys->len == 0)
        g_ptr_array_add (self->platform_keys, g_strdup (""));
      for (guint p = self->platform_keys->len; p < n; p++)
        g_ptr_array_add (self->platform_keys, label_key (desk_platform_to_id (p), desk_platform_get_label (p)));
    }
  if (self->type_keys[1] != NULL)
    return;
  for (int t = 1; t < DESK_N_CASE_TYPES; t++)
    self->type_keys[t] = label_key (desk_case_type_to_id (t), desk_case_type_get_label (t));
}

/* Which platforms (a new array, one per platform) and case types match the
 * query by their id or label. */
static gboolean *
match_labels (DeskCaseList *self,
              gboolean      types[DESK_N_CASE_TYPES])
{
  gboolean *platforms;

  ensure_label_keys (self);
  platforms = g_new0 (gboolean, self->platform_keys->len);
  types[0] = FALSE;
  for (guint p = 1; p < self->platform_keys->len; p++)
    platforms[p] = strstr (self->platform_keys->pdata[p], self->query) != NULL;
  for (int t = 1; t < DESK_N_CASE_TYPES; t++)
    types[t] = strstr (self->type_keys[t], self->query) != NULL;
  return platforms;
}

/* One pass of memmem over the whole buffer; each hit marks its slot and
 * the search resumes at the next slot's text. */
static guint8 *
scan_all (DeskCaseList *self,
          const char   *query)
{
  gsize       qlen = strlen (query);
  guint8     *hits = g_malloc0 (self->rows->len + 1);
  const char *buf = self->keys->str;
  const char *end = buf + self->keys->len;
  const char *p = buf;
  guint       slot = 0;

  while (p < end && slot < self->rows->len)
    {
      const char *hit = memmem (p, end - p, query, qlen);
      Row        *row;

      if (hit == NULL)
        break;
      while (slot + 1 < self->rows->len && ROW (self, slot + 1)->key_off <= (gsize)(hit - buf))
        slot++;
      row = ROW (self, slot);
      if ((gsize)(hit - buf) + qlen <= row->key_off + row->key_len)
        hits[slot] = TRUE;
      p = buf + row->key_off + row->key_len + 1;
      slot++;
    }
  return hits;
}

static gboolean
row_matches_text (DeskCaseList *self,
                  Row          *row,
                  const char   *query)
{
  return memmem (self->keys->str + row->key_off, row->key_len, query, strlen (query)) != NULL;
}

/* @narrowing: the query extends the previous one, so only shown rows can match. */
static void
refilter (DeskCaseList *self,
          gboolean      narrowing)
{
  gboolean types[DESK_N_CASE_TYPES];
  GArray  *from = narrowing ? self->shown : self->order;
  g_autoptr (GArray) shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), from->len);
  g_autofree guint8   *hits = NULL;
  g_autofree gboolean *platforms = match_labels (self, types);

  /* Testing shown rows one by one jumps around memory; when many are shown,
   * one sequential pass over all the text is faster. */
  if (!narrowing || from->len > self->rows->len / 8)
    hits = scan_all (self, self->query);
  for (guint i = 0; i < from->len; i++)
    {
      guint    slot = g_array_index (from, guint, i);
      Row     *row = ROW (self, slot);
      gboolean match = hits ? hits[slot] : row_matches_text (self, row, self->query);

      if (match || platforms[row->platform] || types[row->case_type])
        g_array_append_val (shown, slot);
    }
  g_clear_pointer (&self->shown, g_array_unref);
  self->shown = g_steal_pointer (&shown);
}

void
desk_case_list_set_query (DeskCaseList *self,
                          const char   *query)
{
  g_autoptr (GString) folded = g_string_new (NULL);
  g_autofree char *old = NULL;
  guint            before;
  gboolean         narrowing;

  g_return_if_fail (DESK_IS_CASE_LIST (self));
  append_folded (folded, query);
  g_strstrip (folded->str);
  if (g_strcmp0 (folded->str[0] ? folded->str : NULL, self->query) == 0)
    return;
  before = visible (self)->len;
  old = g_steal_pointer (&self->query);
  narrowing = old != NULL && g_str_has_prefix (folded->str, old);
  if (folded->str[0] != '\0')
    {
      self->query = g_strdup (folded->str);
      refilter (self, narrowing);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, visible (self)->len);
}

const char *
desk_case_list_get_query (DeskCaseList *self)
{
  g_return_val_if_fail (DESK_IS_CASE_LIST (self), NULL);
  return self->query;
}

guint
desk_case_list_get_total (DeskCaseList *self)
{
  g_return_val_if_fail (DESK_IS_CASE_LIST (self), 0);
  return self->order->len;
}

static guint
add_row_from_case (DeskCaseList *self,
                   DeskCase     *kase)
{
  g_autofree char *products = g_strjoinv ("\x1f", (char **)desk_case_get_product_ids (kase));
  Row              row = {
                 .id = desk_case_get_id (kase),
                 .deadline = _desk_case_get_deadline_unix (kase),
                 .updated = _desk_case_get_updated_unix (kase),
                 .platform = desk_case_get_platform (kase),
                 .case_type = desk_case_get_case_type (kase),
                 .status = desk_case_get_status (kase),
                 .object = g_object_ref (kase),
  };

  append_key (self, &row, desk_case_get_title (kase), desk_case_get_platform_case_id (kase),
              desk_case_get_violation_code (kase), products);
  g_array_append_val (self->rows, row);
  return self->rows->len - 1;
}

static guint
sorted_position (DeskCaseList *self,
                 GArray       *items,
                 Row          *row)
{
  guint lo = 0, hi = items->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (compare_rows (ROW (self, g_array_index (items, guint, mid)), row) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
index_of_id (DeskCaseList *self,
             GArray       *items,
             gint64        id)
{
  for (guint i = 0; i < items->len; i++)
    if (ROW (self, g_array_index (items, guint, i))->id == id)
      return i;
  return -1;
}

static void
insert_case (DeskCaseList *self,
             DeskCase     *kase)
{
  guint slot = add_row_from_case (self, kase);
  Row  *row = ROW (self, slot);
  guint pos = sorted_position (self, self->order, row);

  g_array_insert_val (self->order, pos, slot);
  if (self->query)
    {
      gboolean             types[DESK_N_CASE_TYPES];
      g_autofree gboolean *platforms = match_labels (self, types);

      if (!row_matches_text (self, row, self->query) && !platforms[row->platform] && !types[row->case_type])
        return;
      pos = sorted_position (self, self->shown, row);
      g_array_insert_val (self->shown, pos, slot);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
}

static void
remove_id (DeskCaseList *self,
           gint64        id)
{
  int  in_order = index_of_id (self, self->order, id);
  int  in_shown = self->query ? index_of_id (self, self->shown, id) : in_order;
  Row *row;

  if (in_order < 0)
    return;
  row = ROW (self, g_array_index (self->order, guint, in_order));
  row->dead = TRUE;
  g_clear_object (&row->object);
  g_array_remove_index (self->order, in_order);
  if (self->query && in_shown >= 0)
    g_array_remove_index (self->shown, in_shown);
  if (in_shown >= 0)
    g_list_model_items_changed (G_LIST_MODEL (self), in_shown, 1, 0);
}

static void
on_case_added (DeskCaseList *self,
               DeskCase     *kase)
{
  if (index_of_id (self, self->order, desk_case_get_id (kase)) < 0)
    insert_case (self, kase);
}

static void
on_case_changed (DeskCaseList *self,
                 DeskCase     *kase)
{
  remove_id (self, desk_case_get_id (kase));
  insert_case (self, kase);
}

static void
on_case_removed (DeskCaseList *self,
                 gint64        id)
{
  remove_id (self, id);
}

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->object);
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

  g_clear_pointer (&self->rows, g_array_unref);
  g_string_free (self->keys, TRUE);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->platform_keys, g_ptr_array_unref);
  for (int i = 0; i < DESK_N_CASE_TYPES; i++)
    g_free (self->type_keys[i]);
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
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (self->rows, clear_row);
  self->keys = g_string_new (NULL);
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->platform_keys = g_ptr_array_new_with_free_func (g_free);
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

static void
add_row_from_stmt (DeskCaseList *self,
                   sqlite3_stmt *stmt)
{
  Row row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .platform = desk_platform_from_id ((const char *)sqlite3_column_text (stmt, 1)),
    .case_type = desk_case_type_from_id ((const char *)sqlite3_column_text (stmt, 2)),
    .status = desk_case_status_from_id ((const char *)sqlite3_column_text (stmt, 3)),
    .deadline = _desk_store_column_unix (stmt, 8),
    .updated = _desk_store_column_unix (stmt, 9),
  };
  guint slot = self->rows->len;

  append_key (self, &row, (const char *)sqlite3_column_text (stmt, 4),
              (const char *)sqlite3_column_text (stmt, 5), (const char *)sqlite3_column_text (stmt, 6),
              (const char *)sqlite3_column_text (stmt, 7));
  g_array_append_val (self->rows, row);
  g_array_append_val (self->order, slot);
}

gboolean
desk_case_list_reload (DeskCaseList *self,
                       GError      **error)
{
  guint         before;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (DESK_IS_CASE_LIST (self), FALSE);
  /* The ORDER BY is the cases_order index: rows come out sorted, no sort step. */
  stmt = _desk_store_prepare (self->store,
                              "SELECT id, platform, case_type, status, title, platform_case_id,"
                              " violation_code, product_ids, deadline_at, updated_at"
                              " FROM cases WHERE trashed_at IS NULL" DESK_STORE_CASE_ORDER,
                              error);
  if (stmt == NULL)
    return FALSE;
  before = visible (self)->len;
  g_array_set_size (self->rows, 0);
  g_array_set_size (self->order, 0);
  g_array_set_size (self->shown, 0);
  g_string_truncate (self->keys, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_row_from_stmt (self, stmt);
  sqlite3_reset (stmt);
  ensure_label_keys (self);
  if (self->query)
    refilter (self, FALSE);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, visible (self)->len);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (self->store), rc, error);
      return FALSE;
    }
  return TRUE;
}

int
desk_case_list_find (DeskCaseList *self,
                     gint64        id)
{
  g_return_val_if_fail (DESK_IS_CASE_LIST (self), -1);
  return index_of_id (self, visible (self), id);
}

static DeskDeadlineState
row_state (const Row *row,
           gint64     now)
{
  return desk_deadline_state_compute (row->status, row->deadline, now);
}

void
desk_case_list_count_urgent (DeskCaseList *self,
                             GDateTime    *now,
                             guint        *n_overdue,
                             guint        *n_soon)
{
  gint64 t = g_date_time_to_unix (now);
  guint  overdue = 0, soon = 0;

  g_return_if_fail (DESK_IS_CASE_LIST (self));
  for (guint i = 0; i < self->order->len; i++)
    {
      DeskDeadlineState state = row_state (ROW (self, g_array_index (self->order, guint, i)), t);

      overdue += state == DESK_DEADLINE_OVERDUE;
      soon += state == DESK_DEADLINE_SOON;
    }
  if (n_overdue)
    *n_overdue = overdue;
  if (n_soon)
    *n_soon = soon;
}

gint64
desk_case_list_first_overdue (DeskCaseList *self,
                              GDateTime    *now)
{
  gint64 t = g_date_time_to_unix (now);

  g_return_val_if_fail (DESK_IS_CASE_LIST (self), 0);
  for (guint i = 0; i < self->order->len; i++)
    {
      Row *row = ROW (self, g_array_index (self->order, guint, i));

      if (row_state (row, t) == DESK_DEADLINE_OVERDUE)
        return row->id;
    }
  return 0;
}
