/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-metrics"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-activity-rules-private.h"

struct _DeskActivityRules
{
  gatomicrefcount ref_count;
  double          thresholds[DESK_N_METRICS];
  double          relaxed_factor;
  guint           window_days;
  guint           consecutive_days;
  guint           late_hours;
  guint           no_update_hours;
  guint           stalled_days;
  double          official_weight;
  double          reentry_rate;
  guint           reentry_days;
  double          dsr_min;
  guint           negative_max_rating;
  GHashTable     *headers;           /* normalised alias → DeskOrderField + 1 */
  GHashTable     *cancelled;         /* normalised status → itself */
  GPtrArray      *official_carriers; /* normalised names, matched as parts */
  GPtrArray      *negative_phrases;  /* case-folded */
  DeskRuleFigure *citation;
};

static const char *const metric_ids[DESK_N_METRICS + 1] = {
  "cancellation_rate", "late_shipment_rate", "logistics_anomaly_rate", "negative_review_rate", NULL
};

static const char *const field_ids[DESK_N_ORDER_FIELDS + 1] = {
  "order_id", "created_at", "status", "tracking_number", "shipped_at", "carrier",
  "first_event_at", "last_event_at", "delivered_at", "sku", "campaign", "rating", "review", NULL
};

const char *
desk_metric_to_id (DeskMetric metric)
{
  g_return_val_if_fail (metric < DESK_N_METRICS, NULL);
  return metric_ids[metric];
}

const char *
desk_metric_get_label_msgid (DeskMetric metric)
{
  switch (metric)
    {
      case DESK_METRIC_CANCELLATION: return N_ ("Order cancellation rate");
      case DESK_METRIC_LATE_SHIPMENT: return N_ ("Late shipment rate");
      case DESK_METRIC_LOGISTICS_ANOMALY: return N_ ("Logistics anomaly rate");
      case DESK_METRIC_NEGATIVE_REVIEW: return N_ ("Negative review rate (campaign products)");
      case DESK_N_METRICS:
      default: g_return_val_if_reached (NULL);
    }
}

const char *
desk_metric_get_label (DeskMetric metric)
{
  return _ (desk_metric_get_label_msgid (metric));
}

const char *
desk_order_field_to_id (DeskOrderField field)
{
  g_return_val_if_fail (field < DESK_N_ORDER_FIELDS, NULL);
  return field_ids[field];
}

DeskOrderField
desk_order_field_from_id (const char *id)
{
  for (guint i = 0; id && i < DESK_N_ORDER_FIELDS; i++)
    if (g_str_equal (id, field_ids[i]))
      return i;
  return DESK_N_ORDER_FIELDS;
}

const char *
desk_order_field_get_label (DeskOrderField field)
{
  switch (field)
    {
      case DESK_ORDER_FIELD_ORDER_ID: return _ ("Order number");
      case DESK_ORDER_FIELD_CREATED_AT: return _ ("Order time");
      case DESK_ORDER_FIELD_STATUS: return _ ("Order status");
      case DESK_ORDER_FIELD_TRACKING_NUMBER: return _ ("Tracking number");
      case DESK_ORDER_FIELD_SHIPPED_AT: return _ ("Time the tracking number was entered");
      case DESK_ORDER_FIELD_CARRIER: return _ ("Shipping carrier");
      case DESK_ORDER_FIELD_FIRST_EVENT_AT: return _ ("First tracking update");
      case DESK_ORDER_FIELD_LAST_EVENT_AT: return _ ("Latest tracking update");
      case DESK_ORDER_FIELD_DELIVERED_AT: return _ ("Delivery time");
      case DESK_ORDER_FIELD_SKU: return _ ("Product SKU");
      case DESK_ORDER_FIELD_CAMPAIGN: return _ ("Campaign order");
      case DESK_ORDER_FIELD_RATING: return _ ("Review rating");
      case DESK_ORDER_FIELD_REVIEW: return _ ("Review text");
      case DESK_N_ORDER_FIELDS:
      default: g_return_val_if_reached (NULL);
    }
}

char *
desk_activity_normalize_key (const char *text)
{
  g_autofree char *folded = NULL;
  GString         *out;

  if (text == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (text, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Full-width ASCII (Ａ, １, ：) reads as its half-width twin. */
      if (c >= 0xFF01 && c <= 0xFF5E)
        c = c - 0xFF01 + 0x21;
      if (c == 0xFEFF || g_unichar_isspace (c) || g_unichar_ispunct (c))
        continue;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

DeskActivityRules *
desk_activity_rules_ref (DeskActivityRules *rules)
{
  g_atomic_ref_count_inc (&rules->ref_count);
  return rules;
}

void
desk_activity_rules_unref (DeskActivityRules *rules)
{
  if (rules == NULL || !g_atomic_ref_count_dec (&rules->ref_count))
    return;
  g_clear_pointer (&rules->headers, g_hash_table_unref);
  g_clear_pointer (&rules->cancelled, g_hash_table_unref);
  g_clear_pointer (&rules->official_carriers, g_ptr_array_unref);
  g_clear_pointer (&rules->negative_phrases, g_ptr_array_unref);
  g_clear_pointer (&rules->citation, _desk_rule_figure_free);
  g_free (rules);
}

double
desk_activity_rules_get_threshold (const DeskActivityRules *rules,
                                   DeskMetric               metric,
                                   gboolean                 relaxed)
{
  g_return_val_if_fail (metric < DESK_N_METRICS, 0);
  return rules->thresholds[metric] * (relaxed ? rules->relaxed_factor : 1.0);
}

guint
desk_activity_rules_get_window_days (const DeskActivityRules *rules)
{
  return rules->window_days;
}

guint
desk_activity_rules_get_consecutive_days (const DeskActivityRules *rules)
{
  return rules->consecutive_days;
}

guint
desk_activity_rules_get_late_hours (const DeskActivityRules *rules)
{
  return rules->late_hours;
}

guint
desk_activity_rules_get_no_update_hours (const DeskActivityRules *rules)
{
  return rules->no_update_hours;
}

guint
desk_activity_rules_get_stalled_days (const DeskActivityRules *rules)
{
  return rules->stalled_days;
}

double
desk_activity_rules_get_official_weight (const DeskActivityRules *rules)
{
  return rules->official_weight;
}

double
desk_activity_rules_get_reentry_rate (const DeskActivityRules *rules)
{
  return rules->reentry_rate;
}

guint
desk_activity_rules_get_reentry_days (const DeskActivityRules *rules)
{
  return rules->reentry_days;
}

double
desk_activity_rules_get_dsr_min (const DeskActivityRules *rules)
{
  return rules->dsr_min;
}

guint
desk_activity_rules_get_negative_max_rating (const DeskActivityRules *rules)
{
  return rules->negative_max_rating;
}

const char *
desk_activity_rules_get_source (const DeskActivityRules *rules)
{
  return rules->citation->source;
}

const DeskRuleFigure *
_desk_activity_rules_get_citation (const DeskActivityRules *rules)
{
  return rules->citation;
}

DeskOrderField
desk_activity_rules_match_header (const DeskActivityRules *rules,
                                  const char              *header)
{
  g_autofree char *key = desk_activity_normalize_key (header);
  gpointer         found = g_hash_table_lookup (rules->headers, key);

  return found ? GPOINTER_TO_UINT (found) - 1 : DESK_N_ORDER_FIELDS;
}

gboolean
desk_activity_rules_is_cancelled_status (const DeskActivityRules *rules,
                                         const char              *status)
{
  g_autofree char *key = NULL;

  if (status == NULL || *status == '\0')
    return FALSE;
  key = desk_activity_normalize_key (status);
  return g_hash_table_contains (rules->cancelled, key);
}

static gboolean
contains_any (GPtrArray  *needles,
              const char *haystack)
{
  for (guint i = 0; i < needles->len; i++)
    if (strstr (haystack, g_ptr_array_index (needles, i)))
      return TRUE;
  return FALSE;
}

gboolean
desk_activity_rules_is_official_carrier (const DeskActivityRules *rules,
                                         const char              *carrier)
{
  g_autofree char *key = NULL;

  if (carrier == NULL || *carrier == '\0')
    return FALSE;
  key = desk_activity_normalize_key (carrier);
  return contains_any (rules->official_carriers, key);
}

gboolean
desk_activity_rules_is_negative_text (const DeskActivityRules *rules,
                                      const char              *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return contains_any (rules->negative_phrases, folded);
}

/* Parsing the pack member, in the rule pack's own strict style. */

static gboolean
check_fraction (DeskRuleCheck *ctx,
                JsonNode      *node,
                gpointer       out)
{
  if (!_desk_rule_check_positive_number (ctx, node, out))
    return FALSE;
  if (*(double *)out > 1.0)
    return _desk_rule_fail (ctx, _ ("a fraction between 0 and 1 (0.15 for 15 %)"), node);
  return TRUE;
}

/* @out: GPtrArray ** of normalised (or case-folded, @fold_only) strings. */
static gboolean
check_strings (DeskRuleCheck *ctx,
               JsonNode      *node,
               gboolean       fold_only,
               GPtrArray    **out)
{
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (!_desk_rule_check_array (ctx, node, TRUE, &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *text = NULL;
      gsize       mark = _desk_rule_push_index (ctx, i);
      gboolean    ok = _desk_rule_check_string (ctx, json_array_get_element (array, i), &text);

      _desk_rule_pop (ctx, mark);
      if (!ok)
        return FALSE;
      g_ptr_array_add (strings, fold_only ? g_utf8_casefold (text, -1) : desk_activity_normalize_key (text));
    }
  *out = g_steal_pointer (&strings);
  return TRUE;
}

static gboolean
check_normalized_strings (DeskRuleCheck *ctx,
                          JsonNode      *node,
                          gpointer       out)
{
  return check_strings (ctx, node, FALSE, out);
}

static gboolean
check_folded_strings (DeskRuleCheck *ctx,
                      JsonNode      *node,
                      gpointer       out)
{
  return check_strings (ctx, node, TRUE, out);
}

static gboolean
check_thresholds (DeskRuleCheck *ctx,
                  JsonNode      *node,
                  gpointer       out)
{
  DeskActivityRules *rules = out;
  JsonObject        *obj;

  if (!_desk_rule_check_object (ctx, node, (const char *const *)metric_ids, &obj))
    return FALSE;
  for (guint i = 0; i < DESK_N_METRICS; i++)
    if (!_desk_rule_check_member (ctx, obj, metric_ids[i], TRUE, check_fraction, &rules->thresholds[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_columns (DeskRuleCheck *ctx,
               JsonNode      *node,
               gpointer       out)
{
  DeskActivityRules *rules = out;
  JsonObject        *obj;

  if (!_desk_rule_check_object (ctx, node, (const char *const *)field_ids, &obj))
    return FALSE;
  for (guint i = 0; i < DESK_N_ORDER_FIELDS; i++)
    {
      g_autoptr (GPtrArray) aliases = NULL;

      /* Order id and time are what every row needs; the rest may be absent. */
      if (!_desk_rule_check_member (ctx, obj, field_ids[i], i <= DESK_ORDER_FIELD_CREATED_AT, check_normalized_strings, &aliases))
        return FALSE;
      for (guint j = 0; aliases && j < aliases->len; j++)
        g_hash_table_insert (rules->headers, g_strdup (g_ptr_array_index (aliases, j)), GUINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

static gboolean
check_reentry (DeskRuleCheck *ctx,
               JsonNode      *node,
               gpointer       out)
{
  static const char *const keys[] = { "max_rate", "days", "dsr_min", NULL };
  DeskActivityRules       *rules = out;
  JsonObject              *obj;

  return _desk_rule_check_object (ctx, node, keys, &obj) && _desk_rule_check_member (ctx, obj, "max_rate", TRUE, check_fraction, &rules->reentry_rate) && _desk_rule_check_member (ctx, obj, "days", TRUE, _desk_rule_check_positive_int, &rules->reentry_days) && _desk_rule_check_member (ctx, obj, "dsr_min", TRUE, _desk_rule_check_positive_number, &rules->dsr_min);
}

static gboolean
check_negative_review (DeskRuleCheck *ctx,
                       JsonNode      *node,
                       gpointer       out)
{
  static const char *const keys[] = { "max_rating", "phrases", NULL };
  DeskActivityRules       *rules = out;
  JsonObject              *obj;

  return _desk_rule_check_object (ctx, node, keys, &obj) && _desk_rule_check_member (ctx, obj, "max_rating", TRUE, _desk_rule_check_positive_int, &rules->negative_max_rating) && _desk_rule_check_member (ctx, obj, "phrases", TRUE, check_folded_strings, &rules->negative_phrases);
}

gboolean
_desk_rule_check_activity_metrics (DeskRuleCheck *ctx,
                                   JsonNode      *node,
                                   gpointer       out)
{
  static const char *const keys[] = {
    "thresholds", "window_days", "consecutive_days", "late_shipment_hours",
    "no_update_hours", "stalled_days", "relaxed_factor", "official_logistics_weight",
    "official_carriers", "reentry", "negative_review", "cancelled_statuses",
    "columns", "source", "verify", "note", NULL
  };
  g_autoptr (DeskActivityRules) rules = g_new0 (DeskActivityRules, 1);
  g_autoptr (GPtrArray) cancelled = NULL;
  JsonObject *obj;

  g_atomic_ref_count_init (&rules->ref_count);
  rules->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rules->cancelled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rules->citation = _desk_rule_figure_new ();
  if (!_desk_rule_check_object (ctx, node, keys, &obj))
    return FALSE;
  if (!_desk_rule_check_member (ctx, obj, "thresholds", TRUE, check_thresholds, rules) || !_desk_rule_check_member (ctx, obj, "window_days", TRUE, _desk_rule_check_positive_int, &rules->window_days) || !_desk_rule_check_member (ctx, obj, "consecutive_days", TRUE, _desk_rule_check_positive_int, &rules->consecutive_days) || !_desk_rule_check_member (ctx, obj, "late_shipment_hours", TRUE, _desk_rule_check_positive_int, &rules->late_hours) || !_desk_rule_check_member (ctx, obj, "no_update_hours", TRUE, _desk_rule_check_positive_int, &rules->no_update_hours) || !_desk_rule_check_member (ctx, obj, "stalled_days", TRUE, _desk_rule_check_positive_int, &rules->stalled_days) || !_desk_rule_check_member (ctx, obj, "relaxed_factor", TRUE, _desk_rule_check_positive_number, &rules->relaxed_factor) || !_desk_rule_check_member (ctx, obj, "official_logistics_weight", TRUE, check_fraction, &rules->official_weight) || !_desk_rule_check_member (ctx, obj, "official_carriers", TRUE, check_normalized_strings, &rules->official_carriers) || !_desk_rule_check_member (ctx, obj, "reentry", TRUE, check_reentry, rules) || !_desk_rule_check_member (ctx, obj, "negative_review", TRUE, check_negative_review, rules) || !_desk_rule_check_member (ctx, obj, "cancelled_statuses", TRUE, check_normalized_strings, &cancelled) || !_desk_rule_check_member (ctx, obj, "columns", TRUE, check_columns, rules) || !_desk_rule_check_citation (ctx, obj, rules->citation))
    return FALSE;
  for (guint i = 0; i < cancelled->len; i++)
    g_hash_table_add (rules->cancelled, g_strdup (g_ptr_array_index (cancelled, i)));
  *(DeskActivityRules **)out = g_steal_pointer (&rules);
  return TRUE;
}
