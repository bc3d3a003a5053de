/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "desk-order-export.h"

G_BEGIN_DECLS

/* What the seller tells about their store; the export cannot know it. */
typedef struct
{
  gboolean           relaxed_category; /* home & garden, auto parts, 3C accessories */
  const char *const *campaign_skus;    /* NULL: the export's campaign column, else every SKU */
  gint32             fixed_since;      /* local day the cause was fixed; 0 = the day after the exit */
  double             dsr[3];           /* as described, communication, shipping; 0 = not entered */
  gboolean           post_mortem_approved;
} DeskMetricsOptions;

typedef struct
{
  gint32   day;                     /* local day number */
  guint    orders;                  /* orders created that day */
  double   count[DESK_N_METRICS];   /* orders that count against the metric (weighted) */
  double   base[DESK_N_METRICS];    /* orders the metric is measured on */
  double   rate[DESK_N_METRICS];    /* that day alone; NAN without a base */
  double   rolling[DESK_N_METRICS]; /* the window ending that day; NAN without a base */
  gboolean over[DESK_N_METRICS];    /* rolling above the threshold */
} DeskMetricsDay;

/* Why a store cannot sign up again yet: an id code can match and a translated sentence. */
typedef struct
{
  char *id; /* "fix-late_shipment_rate", "dsr-shipping", "post-mortem", … */
  char *message;
} DeskReentryGap;

typedef struct _DeskMetricsResult DeskMetricsResult;

DeskMetricsResult *desk_metrics_compute (DeskOrderExport *export,
                                         const DeskActivityRules  *rules,
                                         const DeskMetricsOptions *options);
void               desk_metrics_result_free (DeskMetricsResult *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskMetricsResult, desk_metrics_result_free)

guint                 desk_metrics_result_get_n_days (DeskMetricsResult *self);
const DeskMetricsDay *desk_metrics_result_get_day (DeskMetricsResult *self,
                                                   guint              index);
double                desk_metrics_result_get_threshold (DeskMetricsResult *self,
                                                         DeskMetric         metric);
/* The exit rule: a metric over its threshold on the required consecutive days. */
gboolean desk_metrics_result_get_exit_fired (DeskMetricsResult *self);
gint32   desk_metrics_result_get_exit_day (DeskMetricsResult *self);
gboolean desk_metrics_result_get_exit_metric (DeskMetricsResult *self,
                                              DeskMetric         metric);
/* Re-entry: TRUE when nothing is missing. */
gboolean   desk_metrics_result_get_reentry_ok (DeskMetricsResult *self);
GPtrArray *desk_metrics_result_get_reentry_gaps (DeskMetricsResult *self); /* DeskReentryGap* */
/* Per order: which metrics it counted against (bit per DeskMetric), for the post-mortem. */
guint desk_metrics_result_get_order_flags (DeskMetricsResult *self,
                                           guint              order_index);
guint desk_metrics_result_get_n_rows (DeskMetricsResult *self);
guint desk_metrics_result_get_n_skipped (DeskMetricsResult *self);

/* "2026-11-03" for a local day number. */
char *desk_metrics_format_day (gint32 day);
/* Local day number of "2026-11-03"; 0 if not a date. */
gint32 desk_metrics_parse_day (const char *text);

/* {"rows", "rows_skipped", "problems", "thresholds", "days": [...], "exit": {...},
 *  "reentry": {...}}: rates as fractions, dates in the seller's zone. */
void desk_metrics_result_to_json (DeskMetricsResult *self,
                                  DeskOrderExport *export,
                                  JsonBuilder *builder);

G_END_DECLS
