/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-metrics"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "desk-json.h"
#include "desk-post-mortem.h"

#define MAX_LISTED_ORDERS 20
#define MAX_LISTED_NAMES  5

struct _DeskPostMortem
{
  char    *values[DESK_N_POST_MORTEM_FIELDS];
  gboolean edited[DESK_N_POST_MORTEM_FIELDS]; /* written by the seller: never refilled */
};

static const char *const field_ids[DESK_N_POST_MORTEM_FIELDS] = {
  "campaign", "exit-date", "trigger", "days-over", "orders", "skus", "carriers",
  "root-cause", "responsible", "actions", "fix-evidence", "prevention"
};

const char *
desk_post_mortem_field_to_id (DeskPostMortemField field)
{
  g_return_val_if_fail (field < DESK_N_POST_MORTEM_FIELDS, NULL);
  return field_ids[field];
}

DeskPostMortemField
desk_post_mortem_field_from_id (const char *id)
{
  for (guint i = 0; id && i < DESK_N_POST_MORTEM_FIELDS; i++)
    if (g_str_equal (id, field_ids[i]))
      return i;
  return DESK_N_POST_MORTEM_FIELDS;
}

const char *
desk_post_mortem_field_get_label_msgid (DeskPostMortemField field)
{
  switch (field)
    {
      case DESK_POST_MORTEM_CAMPAIGN: return N_ ("Campaign");
      case DESK_POST_MORTEM_EXIT_DATE: return N_ ("Date of the exit");
      case DESK_POST_MORTEM_TRIGGER: return N_ ("Metric that caused it, against its threshold");
      case DESK_POST_MORTEM_DAYS_OVER: return N_ ("Days over the threshold");
      case DESK_POST_MORTEM_ORDERS: return N_ ("Orders that caused it");
      case DESK_POST_MORTEM_SKUS: return N_ ("Products (SKUs) most involved");
      case DESK_POST_MORTEM_CARRIERS: return N_ ("Carriers involved");
      case DESK_POST_MORTEM_ROOT_CAUSE: return N_ ("Root cause");
      case DESK_POST_MORTEM_RESPONSIBLE: return N_ ("Where it went wrong (warehouse, ERP, carrier, supplier, service)");
      case DESK_POST_MORTEM_ACTIONS: return N_ ("Corrective actions taken, with dates");
      case DESK_POST_MORTEM_FIX_EVIDENCE: return N_ ("Figures since the fix");
      case DESK_POST_MORTEM_PREVENTION: return N_ ("How it is prevented from now on");
      case DESK_N_POST_MORTEM_FIELDS:
      default: g_return_val_if_reached (NULL);
    }
}

const char *
desk_post_mortem_field_get_label (DeskPostMortemField field)
{
  return _ (desk_post_mortem_field_get_label_msgid (field));
}

gboolean
desk_post_mortem_field_is_computed (DeskPostMortemField field)
{
  return field != DESK_POST_MORTEM_CAMPAIGN && field != DESK_POST_MORTEM_ROOT_CAUSE && field != DESK_POST_MORTEM_RESPONSIBLE && field != DESK_POST_MORTEM_ACTIONS && field != DESK_POST_MORTEM_PREVENTION;
}

DeskPostMortem *
desk_post_mortem_new (void)
{
  return g_new0 (DeskPostMortem, 1);
}

void
desk_post_mortem_free (DeskPostMortem *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < DESK_N_POST_MORTEM_FIELDS; i++)
    g_free (self->values[i]);
  g_free (self);
}

const char *
desk_post_mortem_get (DeskPostMortem     *self,
                      DeskPostMortemField field)
{
  g_return_val_if_fail (field < DESK_N_POST_MORTEM_FIELDS, NULL);
  return self->values[field] ? self->values[field] : "";
}

void
desk_post_mortem_set (DeskPostMortem     *self,
                      DeskPostMortemField field,
                      const char         *value)
{
  g_return_if_fail (field < DESK_N_POST_MORTEM_FIELDS);
  g_free (self->values[field]);
  self->values[field] = value && *value ? g_strstrip (g_strdup (value)) : NULL;
  self->edited[field] = self->values[field] != NULL;
}

gboolean
desk_post_mortem_get_edited (DeskPostMortem     *self,
                             DeskPostMortemField field)
{
  g_return_val_if_fail (field < DESK_N_POST_MORTEM_FIELDS, FALSE);
  return self->edited[field];
}

void
desk_post_mortem_copy_into (DeskPostMortem *self,
                            DeskPostMortem *dest)
{
  for (guint i = 0; i < DESK_N_POST_MORTEM_FIELDS; i++)
    {
      g_free (dest->values[i]);
      dest->values[i] = g_strdup (self->values[i]);
      dest->edited[i] = self->edited[i];
    }
}

guint
desk_post_mortem_count_missing (DeskPostMortem *self)
{
  guint missing = 0;

  for (guint i = 0; i < DESK_N_POST_MORTEM_FIELDS; i++)
    missing += self->values[i] == NULL;
  return missing;
}

/* The figures are refilled on every reading; what the seller wrote stays. */
static void
fill (DeskPostMortem     *self,
      DeskPostMortemField field,
      char               *value)
{
  if (self->edited[field])
    {
      g_free (value);
      return;
    }
  g_free (self->values[field]);
  self->values[field] = value && *value ? value : (g_free (value), NULL);
}

static char *
describe_trigger (DeskMetricsResult *result)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const DeskMetricsDay *day = NULL;

  for (guint i = 0; i < desk_metrics_result_get_n_days (result); i++)
    if (desk_metrics_result_get_day (result, i)->day == desk_metrics_result_get_exit_day (result))
      day = desk_metrics_result_get_day (result, i);
  for (guint m = 0; day && m < DESK_N_METRICS; m++)
    if (desk_metrics_result_get_exit_metric (result, m))
      {
        if (text->len)
          g_string_append (text, "; ");
        /* Translators: a metric, its 30-day value and its threshold, e.g. "Late shipment rate 26.4 % (threshold 20.0 %)" */
        g_string_append_printf (text, _ ("%s %.1f %% (threshold %.1f %%)"), desk_metric_get_label (m),
                                day->rolling[m] * 100, desk_metrics_result_get_threshold (result, m) * 100);
      }
  return g_strdup (text->str);
}

static char *
describe_days_over (DeskMetricsResult *result)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < desk_metrics_result_get_n_days (result); i++)
    {
      const DeskMetricsDay *day = desk_metrics_result_get_day (result, i);
      gboolean              any = FALSE;

      for (guint m = 0; m < DESK_N_METRICS; m++)
        any = any || (day->over[m] && desk_metrics_result_get_exit_metric (result, m));
      if (any)
        {
          g_autofree char *date = desk_metrics_format_day (day->day);

          g_string_append_printf (text, "%s%s", text->len ? ", " : "", date);
        }
    }
  return g_strdup (text->str);
}

static guint
exit_mask (DeskMetricsResult *result)
{
  guint mask = 0;

  for (guint m = 0; m < DESK_N_METRICS; m++)
    if (desk_metrics_result_get_exit_metric (result, m))
      mask |= 1u << m;
  return mask;
}

static gint
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      counts)
{
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char **)a));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char **)b));

  return ca == cb ? g_strcmp0 (*(const char **)a, *(const char **)b) : (ca > cb ? -1 : 1);
}

/* "SKU-A (41), SKU-B (12)": the most frequent names among the offending orders. */
static char *
top_names (GHashTable *counts)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer       key;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);

  g_ptr_array_sort_with_data (names, compare_counts, counts);
  for (guint i = 0; i < names->len && i < MAX_LISTED_NAMES; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      g_string_append_printf (text, "%s%s (%u)", i ? ", " : "", name, GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)));
    }
  return g_strdup (text->str);
}

static void
count_name (GHashTable *counts,
            const char *name)
{
  if (name && *name)
    g_hash_table_insert (counts, (gpointer)name, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
}

static void
describe_orders (DeskPostMortem    *self,
                 DeskMetricsResult *result,
                 DeskOrderExport *export)
{
  const guint  window = 30;
  const gint32 exit_day = desk_metrics_result_get_exit_day (result);
  const guint  mask = exit_mask (result);
  g_autoptr (GHashTable) skus = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) carriers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) orders = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < desk_order_export_get_n_orders (export); i++)
    {
      const DeskOrder *order = desk_order_export_get_order (export, i);

      if (!(desk_metrics_result_get_order_flags (result, i) & mask) || order->day > exit_day || order->day <= exit_day - (gint32)window)
        continue;
      if (n < MAX_LISTED_ORDERS)
        g_string_append_printf (orders, "%s%s", n ? ", " : "", order->order_id);
      n++;
      count_name (skus, order->sku);
      count_name (carriers, order->carrier);
    }
  if (n > MAX_LISTED_ORDERS)
    /* Translators: %u is how many more order numbers there are */
    g_string_append_printf (orders, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", n - MAX_LISTED_ORDERS), n - MAX_LISTED_ORDERS);
  if (n > 0)
    /* Translators: %u orders in the 30 days before the exit, then their numbers */
    fill (self, DESK_POST_MORTEM_ORDERS, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order in the 30 days before the exit: %s", "%u orders in the 30 days before the exit: %s", n), n, orders->str));
  fill (self, DESK_POST_MORTEM_SKUS, top_names (skus));
  fill (self, DESK_POST_MORTEM_CARRIERS, top_names (carriers));
}

static char *
describe_fix (DeskMetricsResult *result)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const guint mask = exit_mask (result);

  for (guint i = 0; i < desk_metrics_result_get_n_days (result); i++)
    {
      const DeskMetricsDay *day = desk_metrics_result_get_day (result, i);
      g_autofree char      *date = NULL;

      if (day->day <= desk_metrics_result_get_exit_day (result))
        continue;
      date = desk_metrics_format_day (day->day);
      for (guint m = 0; m < DESK_N_METRICS; m++)
        if ((mask & (1u << m)) && !isnan (day->rate[m]))
          g_string_append_printf (text, "%s%s %s %.1f %%", text->len ? "; " : "", date, desk_metric_get_label (m), day->rate[m] * 100);
    }
  return g_strdup (text->str);
}

void
desk_post_mortem_prefill (DeskPostMortem    *self,
                          DeskMetricsResult *result,
                          DeskOrderExport *export,
                          const char *campaign)
{
  for (guint i = 0; i < DESK_N_POST_MORTEM_FIELDS; i++)
    if (desk_post_mortem_field_is_computed (i))
      fill (self, i, NULL);
  if (campaign && *campaign)
    fill (self, DESK_POST_MORTEM_CAMPAIGN, g_strdup (campaign));
  if (!desk_metrics_result_get_exit_fired (result))
    return;
  fill (self, DESK_POST_MORTEM_EXIT_DATE, desk_metrics_format_day (desk_metrics_result_get_exit_day (result)));
  fill (self, DESK_POST_MORTEM_TRIGGER, describe_trigger (result));
  fill (self, DESK_POST_MORTEM_DAYS_OVER, describe_days_over (result));
  describe_orders (self, result, export);
  fill (self, DESK_POST_MORTEM_FIX_EVIDENCE, describe_fix (result));
}

void
desk_post_mortem_to_json (DeskPostMortem *self,
                          JsonBuilder    *builder)
{
  json_builder_begin_object (builder);
  for (guint i = 0; i < DESK_N_POST_MORTEM_FIELDS; i++)
    desk_json_add_text (builder, field_ids[i], self->values[i]);
  json_builder_set_member_name (builder, "edited");
  json_builder_begin_array (builder);
  for (guint i = 0; i < DESK_N_POST_MORTEM_FIELDS; i++)
    if (self->edited[i])
      json_builder_add_string_value (builder, field_ids[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

DeskPostMortem *
desk_post_mortem_from_json (const char *json,
                            GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (DeskPostMortem) self = desk_post_mortem_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_steal_pointer (&self);
  for (guint i = 0; i < DESK_N_POST_MORTEM_FIELDS; i++)
    {
      desk_post_mortem_set (self, i, json_object_get_string_member_with_default (json_node_get_object (root), field_ids[i], NULL));
      self->edited[i] = FALSE;
    }
  if (json_object_has_member (json_node_get_object (root), "edited"))
    {
      JsonArray *edited = json_object_get_array_member (json_node_get_object (root), "edited");

      for (guint i = 0; edited && i < json_array_get_length (edited); i++)
        {
          DeskPostMortemField field = desk_post_mortem_field_from_id (json_array_get_string_element (edited, i));

          if (field < DESK_N_POST_MORTEM_FIELDS)
            self->edited[field] = TRUE;
        }
    }
  return g_steal_pointer (&self);
}
