/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-metrics"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "desk-json.h"
#include "desk-metrics.h"

struct _DeskMetricsResult
{
  GArray    *days;  /* DeskMetricsDay, consecutive local days */
  GArray    *flags; /* guint per order */
  GPtrArray *gaps;  /* DeskReentryGap* */
  double     thresholds[DESK_N_METRICS];
  gboolean   exit_fired;
  gint32     exit_day;
  gboolean   exit_metric[DESK_N_METRICS];
  guint      n_rows;
  guint      n_skipped;
};

static void
gap_free (DeskReentryGap *gap)
{
  g_free (gap->id);
  g_free (gap->message);
  g_free (gap);
}

void
desk_metrics_result_free (DeskMetricsResult *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->flags, g_array_unref);
  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  g_free (self);
}

char *
desk_metrics_format_day (gint32 day)
{
  g_autoptr (GDate) date = g_date_new_dmy (1, 1, 1970);

  g_date_add_days (date, day);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

gint32
desk_metrics_parse_day (const char *text)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  gint64 seconds;

  if (text == NULL || !desk_order_parse_time (text, utc, &seconds))
    return 0;
  return (gint32)(seconds / 86400);
}

static gboolean
in_campaign (const DeskOrder *order,
             DeskOrderExport *export,
             const DeskMetricsOptions *options)
{
  if (options->campaign_skus)
    return g_strv_contains (options->campaign_skus, order->sku);
  if (desk_order_export_has_field (export, DESK_ORDER_FIELD_CAMPAIGN))
    return order->campaign;
  return TRUE; /* no way to tell: every product was in the campaign */
}

/* Adds one order to its day; returns the metrics it counted against. */
static guint
count_order (DeskMetricsDay  *day,
             const DeskOrder *order,
             DeskOrderExport *export,
             const DeskActivityRules  *rules,
             const DeskMetricsOptions *options)
{
  const gint64 as_of = desk_order_export_get_as_of (export);
  const gint64 late_after = (gint64)desk_activity_rules_get_late_hours (rules) * 3600;
  const gint64 no_update = (gint64)desk_activity_rules_get_no_update_hours (rules) * 3600;
  const gint64 stalled = (gint64)desk_activity_rules_get_stalled_days (rules) * 86400;
  guint        flags = 0;

  day->orders++;
  day->base[DESK_METRIC_CANCELLATION] += 1;
  if (order->cancelled)
    {
      day->count[DESK_METRIC_CANCELLATION] += 1;
      return 1u << DESK_METRIC_CANCELLATION; /* a cancelled order is not shipped late */
    }

  /* Late: no real tracking number within the limit. Orders still inside the
   * limit without one are not decided yet and are left out. */
  if (order->tracking_plausible && (!order->shipped || order->shipped - order->created <= late_after))
    day->base[DESK_METRIC_LATE_SHIPMENT] += 1;
  else if (!order->tracking_plausible && as_of - order->created <= late_after)
    ; /* no real number yet, but still in time: not decided */
  else
    {
      day->base[DESK_METRIC_LATE_SHIPMENT] += 1;
      day->count[DESK_METRIC_LATE_SHIPMENT] += 1;
      flags |= 1u << DESK_METRIC_LATE_SHIPMENT;
    }

  /* Logistics anomaly, when the export has tracking events: shipped, not
   * delivered, and no carrier update within the limit after shipping, or the
   * latest update older than the stall limit. Official logistics weigh less. */
  if (desk_order_export_has_field (export, DESK_ORDER_FIELD_LAST_EVENT_AT) && order->tracking_plausible && order->shipped)
    {
      gint64   first = order->first_event ? order->first_event : order->last_event;
      gboolean anomaly = FALSE;

      day->base[DESK_METRIC_LOGISTICS_ANOMALY] += 1;
      if (!order->delivered)
        anomaly = (first == 0 && as_of - order->shipped >= no_update) || (first && first - order->shipped >= no_update) || (order->last_event && as_of - order->last_event >= stalled);
      if (anomaly)
        {
          day->count[DESK_METRIC_LOGISTICS_ANOMALY] += order->official ? desk_activity_rules_get_official_weight (rules) : 1.0;
          flags |= 1u << DESK_METRIC_LOGISTICS_ANOMALY;
        }
    }

  /* Negative reviews of campaign products, among their reviewed orders. */
  if (order->has_review && in_campaign (order, export, options))
    {
      day->base[DESK_METRIC_NEGATIVE_REVIEW] += 1;
      if ((order->rating > 0 && order->rating <= (int)desk_activity_rules_get_negative_max_rating (rules)) || order->negative_text)
        {
          day->count[DESK_METRIC_NEGATIVE_REVIEW] += 1;
          flags |= 1u << DESK_METRIC_NEGATIVE_REVIEW;
        }
    }
  return flags;
}

static void
roll (DeskMetricsResult       *self,
      const DeskActivityRules *rules)
{
  const guint window = desk_activity_rules_get_window_days (rules);
  double      count[DESK_N_METRICS] = { 0 }, base[DESK_N_METRICS] = { 0 };

  for (guint i = 0; i < self->days->len; i++)
    {
      DeskMetricsDay *day = &g_array_index (self->days, DeskMetricsDay, i);

      for (guint m = 0; m < DESK_N_METRICS; m++)
        {
          count[m] += day->count[m];
          base[m] += day->base[m];
          if (i >= window)
            {
              DeskMetricsDay *old = &g_array_index (self->days, DeskMetricsDay, i - window);

              count[m] -= old->count[m];
              base[m] -= old->base[m];
            }
          day->rate[m] = day->base[m] > 0 ? day->count[m] / day->base[m] : NAN;
          day->rolling[m] = base[m] > 0.5 ? count[m] / base[m] : NAN;
          /* Only a day whose whole window is in the export can be judged: the
           * first days of an export see too few orders to mean anything. */
          day->over[m] = i + 1 >= window && !isnan (day->rolling[m]) && day->rolling[m] > self->thresholds[m] + 1e-12;
        }
    }
}

static void
find_exit (DeskMetricsResult       *self,
           const DeskActivityRules *rules)
{
  const guint need = desk_activity_rules_get_consecutive_days (rules);
  guint       run[DESK_N_METRICS] = { 0 };

  for (guint i = 0; i < self->days->len && !self->exit_fired; i++)
    {
      const DeskMetricsDay *day = &g_array_index (self->days, DeskMetricsDay, i);

      for (guint m = 0; m < DESK_N_METRICS; m++)
        {
          run[m] = day->over[m] ? run[m] + 1 : 0;
          if (run[m] >= need)
            {
              self->exit_fired = TRUE;
              self->exit_day = day->day;
              self->exit_metric[m] = TRUE;
            }
        }
    }
}

static void
add_gap (DeskMetricsResult *self,
         char              *id,
         char              *message)
{
  DeskReentryGap *gap = g_new0 (DeskReentryGap, 1);

  gap->id = id;
  gap->message = message;
  g_ptr_array_add (self->gaps, gap);
}

/* The longest run of days, from @from on, with the metric measured and at or
 * below the re-entry rate. Days without orders to measure neither count nor
 * break the run. */
static guint
longest_good_run (DeskMetricsResult *self,
                  DeskMetric         metric,
                  gint32             from,
                  double             max_rate)
{
  guint run = 0, best = 0;

  for (guint i = 0; i < self->days->len; i++)
    {
      const DeskMetricsDay *day = &g_array_index (self->days, DeskMetricsDay, i);

      if (day->day < from || isnan (day->rate[metric]))
        continue;
      run = day->rate[metric] <= max_rate + 1e-12 ? run + 1 : 0;
      best = MAX (best, run);
    }
  return best;
}

static void
check_reentry (DeskMetricsResult        *self,
               const DeskActivityRules  *rules,
               const DeskMetricsOptions *options)
{
  static const char *const dsr_ids[3] = { "dsr-as-described", "dsr-communication", "dsr-shipping" };
  const char              *dsr_labels[3] = { _ ("“Item as described”"), _ ("“Communication”"), _ ("“Shipping speed”") };
  const double             max_rate = desk_activity_rules_get_reentry_rate (rules);
  const guint              need = desk_activity_rules_get_reentry_days (rules);
  const double             dsr_min = desk_activity_rules_get_dsr_min (rules);
  gint32                   from = options->fixed_since ? options->fixed_since : self->exit_day + 1;

  for (guint m = 0; self->exit_fired && m < DESK_N_METRICS; m++)
    {
      guint run;

      if (!self->exit_metric[m])
        continue;
      run = longest_good_run (self, m, from, max_rate);
      if (run < need)
        add_gap (self, g_strconcat ("fix-", desk_metric_to_id (m), NULL),
                 /* Translators: %s is a metric; %.0f %% a rate; %u day counts */
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s must stay at or below %.0f %% for %u days in a row after the fix; the export shows %u such day.", "%s must stay at or below %.0f %% for %u days in a row after the fix; the export shows %u such days.", run),
                                  desk_metric_get_label (m), max_rate * 100, need, run));
    }
  for (guint i = 0; i < 3; i++)
    {
      if (options->dsr[i] <= 0)
        add_gap (self, g_strdup (dsr_ids[i]),
                 /* Translators: %s is a store rating such as “Shipping speed” */
                 g_strdup_printf (_ ("Enter the store’s 30-day %s rating (it must be at least %.1f)."), dsr_labels[i], dsr_min));
      else if (options->dsr[i] < dsr_min - 1e-9)
        add_gap (self, g_strdup (dsr_ids[i]),
                 g_strdup_printf (_ ("The 30-day %s rating is %.2f; it must be at least %.1f."), dsr_labels[i], options->dsr[i], dsr_min));
    }
  if (!options->post_mortem_approved)
    add_gap (self, g_strdup ("post-mortem"),
             g_strdup (_ ("The post-mortem must be submitted and approved by the platform.")));
}

DeskMetricsResult *
desk_metrics_compute (DeskOrderExport *export,
                      const DeskActivityRules  *rules,
                      const DeskMetricsOptions *options)
{
  DeskMetricsResult *self = g_new0 (DeskMetricsResult, 1);
  const guint        n = desk_order_export_get_n_orders (export);
  gint32             first = G_MAXINT32, last = G_MININT32;

  self->days = g_array_new (FALSE, TRUE, sizeof (DeskMetricsDay));
  self->flags = g_array_sized_new (FALSE, TRUE, sizeof (guint), n);
  g_array_set_size (self->flags, n);
  self->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify)gap_free);
  self->n_rows = desk_order_export_get_n_rows (export);
  self->n_skipped = desk_order_export_get_n_skipped (export);
  for (guint m = 0; m < DESK_N_METRICS; m++)
    self->thresholds[m] = desk_activity_rules_get_threshold (rules, m, options->relaxed_category);

  for (guint i = 0; i < n; i++)
    {
      const DeskOrder *order = desk_order_export_get_order (export, i);

      first = MIN (first, order->day);
      last = MAX (last, order->day);
    }
  g_array_set_size (self->days, n ? last - first + 1 : 0);
  for (guint i = 0; i < self->days->len; i++)
    g_array_index (self->days, DeskMetricsDay, i).day = first + i;
  for (guint i = 0; i < n; i++)
    {
      const DeskOrder *order = desk_order_export_get_order (export, i);

      g_array_index (self->flags, guint, i) = count_order (&g_array_index (self->days, DeskMetricsDay, order->day - first), order, export, rules, options);
    }
  roll (self, rules);
  find_exit (self, rules);
  check_reentry (self, rules, options);
  return self;
}

guint
desk_metrics_result_get_n_days (DeskMetricsResult *self)
{
  return self->days->len;
}

const DeskMetricsDay *
desk_metrics_result_get_day (DeskMetricsResult *self,
                             guint              index)
{
  g_return_val_if_fail (index < self->days->len, NULL);
  return &g_array_index (self->days, DeskMetricsDay, index);
}

double
desk_metrics_result_get_threshold (DeskMetricsResult *self,
                                   DeskMetric         metric)
{
  g_return_val_if_fail (metric < DESK_N_METRICS, 0);
  return self->thresholds[metric];
}

gboolean
desk_metrics_result_get_exit_fired (DeskMetricsResult *self)
{
  return self->exit_fired;
}

gint32
desk_metrics_result_get_exit_day (DeskMetricsResult *self)
{
  return self->exit_day;
}

gboolean
desk_metrics_result_get_exit_metric (DeskMetricsResult *self,
                                     DeskMetric         metric)
{
  g_return_val_if_fail (metric < DESK_N_METRICS, FALSE);
  return self->exit_metric[metric];
}

gboolean
desk_metrics_result_get_reentry_ok (DeskMetricsResult *self)
{
  return self->gaps->len == 0;
}

GPtrArray *
desk_metrics_result_get_reentry_gaps (DeskMetricsResult *self)
{
  return self->gaps;
}

guint
desk_metrics_result_get_order_flags (DeskMetricsResult *self,
                                     guint              order_index)
{
  g_return_val_if_fail (order_index < self->flags->len, 0);
  return g_array_index (self->flags, guint, order_index);
}

guint
desk_metrics_result_get_n_rows (DeskMetricsResult *self)
{
  return self->n_rows;
}

guint
desk_metrics_result_get_n_skipped (DeskMetricsResult *self)
{
  return self->n_skipped;
}

static void
add_rate (JsonBuilder *builder,
          const char  *name,
          double       rate)
{
  json_builder_set_member_name (builder, name);
  if (isnan (rate))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, round (rate * 1e6) / 1e6);
}

static void
add_day (JsonBuilder *builder,
         const char  *name,
         gint32       day)
{
  g_autofree char *text = desk_metrics_format_day (day);

  desk_json_add_text (builder, name, text);
}

static void
days_to_json (DeskMetricsResult *self,
              JsonBuilder       *builder)
{
  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->days->len; i++)
    {
      const DeskMetricsDay *day = &g_array_index (self->days, DeskMetricsDay, i);

      json_builder_begin_object (builder);
      add_day (builder, "date", day->day);
      desk_json_add_int (builder, "orders", day->orders);
      for (guint m = 0; m < DESK_N_METRICS; m++)
        add_rate (builder, desk_metric_to_id (m), day->rate[m]);
      json_builder_set_member_name (builder, "rolling");
      json_builder_begin_object (builder);
      for (guint m = 0; m < DESK_N_METRICS; m++)
        add_rate (builder, desk_metric_to_id (m), day->rolling[m]);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "over");
      json_builder_begin_array (builder);
      for (guint m = 0; m < DESK_N_METRICS; m++)
        if (day->over[m])
          json_builder_add_string_value (builder, desk_metric_to_id (m));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
desk_metrics_result_to_json (DeskMetricsResult *self,
                             DeskOrderExport *export,
                             JsonBuilder *builder)
{
  GPtrArray *problems = desk_order_export_get_problems (export);

  desk_json_add_int (builder, "rows", self->n_rows);
  desk_json_add_int (builder, "rows_skipped", self->n_skipped);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      DeskOrderProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      desk_json_add_int (builder, "line", problem->line);
      desk_json_add_text (builder, "message", problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "thresholds");
  json_builder_begin_object (builder);
  for (guint m = 0; m < DESK_N_METRICS; m++)
    add_rate (builder, desk_metric_to_id (m), self->thresholds[m]);
  json_builder_end_object (builder);
  days_to_json (self, builder);

  json_builder_set_member_name (builder, "exit");
  json_builder_begin_object (builder);
  desk_json_add_bool (builder, "fired", self->exit_fired);
  json_builder_set_member_name (builder, "date");
  if (self->exit_fired)
    {
      g_autofree char *date = desk_metrics_format_day (self->exit_day);

      json_builder_add_string_value (builder, date);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "metrics");
  json_builder_begin_array (builder);
  for (guint m = 0; m < DESK_N_METRICS; m++)
    if (self->exit_metric[m])
      json_builder_add_string_value (builder, desk_metric_to_id (m));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "reentry");
  json_builder_begin_object (builder);
  desk_json_add_bool (builder, "ok", self->gaps->len == 0);
  json_builder_set_member_name (builder, "missing");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->gaps->len; i++)
    {
      DeskReentryGap *gap = g_ptr_array_index (self->gaps, i);

      json_builder_begin_object (builder);
      desk_json_add_text (builder, "id", gap->id);
      desk_json_add_text (builder, "message", gap->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}
