/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The four fulfilment metrics a campaign watches (DOMAIN.md, seed 003). */
typedef enum
{
  DESK_METRIC_CANCELLATION,
  DESK_METRIC_LATE_SHIPMENT,
  DESK_METRIC_LOGISTICS_ANOMALY,
  DESK_METRIC_NEGATIVE_REVIEW,
  DESK_N_METRICS
} DeskMetric;

/* "cancellation_rate", "late_shipment_rate", … (JSON member names). */
const char *desk_metric_to_id (DeskMetric metric);
/* Translated: "Cancellation rate". */
const char *desk_metric_get_label (DeskMetric metric);
/* The same, untranslated, for documents in another language than the UI's. */
const char *desk_metric_get_label_msgid (DeskMetric metric);

/* Columns of a seller-centre order export the metrics read. */
typedef enum
{
  DESK_ORDER_FIELD_ORDER_ID,
  DESK_ORDER_FIELD_CREATED_AT,
  DESK_ORDER_FIELD_STATUS,
  DESK_ORDER_FIELD_TRACKING_NUMBER,
  DESK_ORDER_FIELD_SHIPPED_AT,
  DESK_ORDER_FIELD_CARRIER,
  DESK_ORDER_FIELD_FIRST_EVENT_AT,
  DESK_ORDER_FIELD_LAST_EVENT_AT,
  DESK_ORDER_FIELD_DELIVERED_AT,
  DESK_ORDER_FIELD_SKU,
  DESK_ORDER_FIELD_CAMPAIGN,
  DESK_ORDER_FIELD_RATING,
  DESK_ORDER_FIELD_REVIEW,
  DESK_N_ORDER_FIELDS
} DeskOrderField;

const char    *desk_order_field_to_id (DeskOrderField field);
DeskOrderField desk_order_field_from_id (const char *id); /* DESK_N_ORDER_FIELDS if unknown */
/* Translated: "Order creation time". */
const char *desk_order_field_get_label (DeskOrderField field);

/* A rule pack's "activity_metrics" member: thresholds, windows, the
 * category relaxation and official-logistics weight, re-entry conditions, and
 * the vocabularies that read an export (header aliases, cancelled statuses,
 * official carriers, "not as described" words). Immutable, shared. */
typedef struct _DeskActivityRules DeskActivityRules;

DeskActivityRules *desk_activity_rules_ref (DeskActivityRules *rules);
void               desk_activity_rules_unref (DeskActivityRules *rules);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskActivityRules, desk_activity_rules_unref)

/* The threshold as a fraction; @relaxed: the store's category gets the looser one. */
double desk_activity_rules_get_threshold (const DeskActivityRules *rules,
                                          DeskMetric               metric,
                                          gboolean                 relaxed);
guint  desk_activity_rules_get_window_days (const DeskActivityRules *rules);
guint  desk_activity_rules_get_consecutive_days (const DeskActivityRules *rules);
guint  desk_activity_rules_get_late_hours (const DeskActivityRules *rules);
guint  desk_activity_rules_get_no_update_hours (const DeskActivityRules *rules);
guint  desk_activity_rules_get_stalled_days (const DeskActivityRules *rules);
double desk_activity_rules_get_official_weight (const DeskActivityRules *rules);
double desk_activity_rules_get_reentry_rate (const DeskActivityRules *rules);
guint  desk_activity_rules_get_reentry_days (const DeskActivityRules *rules);
double desk_activity_rules_get_dsr_min (const DeskActivityRules *rules);
guint  desk_activity_rules_get_negative_max_rating (const DeskActivityRules *rules);
/* Which order field a header names (aliases compared without case, spaces or
 * punctuation); DESK_N_ORDER_FIELDS if none. */
DeskOrderField desk_activity_rules_match_header (const DeskActivityRules *rules,
                                                 const char              *header);
gboolean       desk_activity_rules_is_cancelled_status (const DeskActivityRules *rules,
                                                        const char              *status);
gboolean       desk_activity_rules_is_official_carrier (const DeskActivityRules *rules,
                                                        const char              *carrier);
/* Whether review text holds a "not as described"-type phrase. */
gboolean    desk_activity_rules_is_negative_text (const DeskActivityRules *rules,
                                                  const char              *text);
const char *desk_activity_rules_get_source (const DeskActivityRules *rules);

/* Normalises a header or status for comparison: case-folded, without spaces,
 * punctuation or a BOM. */
char *desk_activity_normalize_key (const char *text);

G_END_DECLS
