/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-metrics"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-activity-case.h"
#include "desk-checklist-private.h"
#include "desk-evidence-store.h"
#include "desk-json.h"
#include "desk-activity-case-private.h"
#include "desk-store-private.h"

struct _DeskActivityAnalysis
{
  DeskActivityRules *rules;
  DeskOrderExport *export;
  DeskMetricsResult *result;
  DeskPostMortem    *post_mortem;
  DeskMetricsOptions options;
  GStrv              campaign_skus; /* owns options.campaign_skus */
};

void
desk_activity_analysis_free (DeskActivityAnalysis *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rules, desk_activity_rules_unref);
  g_clear_pointer (&self->export, desk_order_export_free);
  g_clear_pointer (&self->result, desk_metrics_result_free);
  g_clear_pointer (&self->post_mortem, desk_post_mortem_free);
  g_strfreev (self->campaign_skus);
  g_free (self);
}

DeskOrderExport *
desk_activity_analysis_get_export (DeskActivityAnalysis *self)
{
  return self->export;
}

DeskMetricsResult *
desk_activity_analysis_get_result (DeskActivityAnalysis *self)
{
  return self->result;
}

DeskPostMortem *
desk_activity_analysis_get_post_mortem (DeskActivityAnalysis *self)
{
  return self->post_mortem;
}

const DeskActivityRules *
desk_activity_analysis_get_rules (DeskActivityAnalysis *self)
{
  return self->rules;
}

const DeskMetricsOptions *
desk_activity_analysis_get_options (DeskActivityAnalysis *self)
{
  return &self->options;
}

const DeskActivityRules *
desk_activity_rules_for_pack (DeskRulePack *pack,
                              GError      **error)
{
  const DeskCaseRules *rules = pack ? desk_rule_pack_get_case_rules (pack, DESK_CASE_TYPE_ACTIVITY_EXIT) : NULL;
  DeskActivityRules   *activity = rules ? desk_case_rules_get_activity_metrics (rules) : NULL;

  if (activity == NULL)
    g_set_error_literal (error, DESK_METRICS_ERROR, DESK_METRICS_ERROR_NOT_AVAILABLE,
                         _ ("Campaign fulfilment figures are only known for AliExpress campaigns."));
  return activity;
}

static void
copy_options (DeskActivityAnalysis     *self,
              const DeskMetricsOptions *options)
{
  self->options = *options;
  self->campaign_skus = g_strdupv ((char **)options->campaign_skus);
  self->options.campaign_skus = (const char *const *)self->campaign_skus;
}

DeskActivityAnalysis *
desk_activity_compute (GBytes                   *data,
                       const DeskActivityRules  *rules,
                       GHashTable               *columns,
                       GTimeZone                *zone,
                       const DeskMetricsOptions *options,
                       DeskPostMortem           *post_mortem,
                       const char               *campaign,
                       GCancellable             *cancellable,
                       GError                  **error)
{
  g_autoptr (DeskActivityAnalysis) self = g_new0 (DeskActivityAnalysis, 1);

  self->rules = desk_activity_rules_ref ((DeskActivityRules *)rules);
  copy_options (self, options);
  self->export = desk_order_export_read (data, rules, columns, zone, cancellable, error);
  if (self->export == NULL)
    return NULL;
  self->result = desk_metrics_compute (self->export, rules, &self->options);
  self->post_mortem = desk_post_mortem_new ();
  if (post_mortem)
    desk_post_mortem_copy_into (post_mortem, self->post_mortem);
  desk_post_mortem_prefill (self->post_mortem, self->result, self->export, campaign);
  return g_steal_pointer (&self);
}

GBytes *
desk_activity_read_file (GFile        *file,
                         GCancellable *cancellable,
                         GError      **error)
{
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, error);

  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > DESK_ORDER_EXPORT_MAX_BYTES)
    {
      g_set_error (error, DESK_METRICS_ERROR, DESK_METRICS_ERROR_TOO_LARGE,
                   _ ("The order export is larger than %d MB. Export a shorter period (the metrics need the last 60 days at most)."),
                   DESK_ORDER_EXPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  return g_file_load_bytes (file, cancellable, NULL, error);
}

typedef struct
{
  GFile             *file;
  DeskActivityRules *rules;
  GHashTable        *columns;
  GTimeZone         *zone;
  DeskMetricsOptions options;
  GStrv              campaign_skus;
  DeskPostMortem    *post_mortem;
  char              *campaign;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->rules, desk_activity_rules_unref);
  g_clear_pointer (&data->columns, g_hash_table_unref);
  g_clear_pointer (&data->zone, g_time_zone_unref);
  g_strfreev (data->campaign_skus);
  g_clear_pointer (&data->post_mortem, desk_post_mortem_free);
  g_free (data->campaign);
  g_free (data);
}

static void
compute_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  GError      *error = NULL;
  g_autoptr (GBytes) bytes = desk_activity_read_file (data->file, cancellable, &error);
  DeskActivityAnalysis *analysis = NULL;

  if (bytes)
    analysis = desk_activity_compute (bytes, data->rules, data->columns, data->zone, &data->options,
                                      data->post_mortem, data->campaign, cancellable, &error);
  if (analysis)
    g_task_return_pointer (task, analysis, (GDestroyNotify)desk_activity_analysis_free);
  else
    g_task_return_error (task, error);
}

void
desk_activity_compute_async (GFile                    *file,
                             const DeskActivityRules  *rules,
                             GHashTable               *columns,
                             GTimeZone                *zone,
                             const DeskMetricsOptions *options,
                             DeskPostMortem           *post_mortem,
                             const char               *campaign,
                             GCancellable             *cancellable,
                             GAsyncReadyCallback       callback,
                             gpointer                  user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ComputeData *data = g_new0 (ComputeData, 1);

  g_task_set_source_tag (task, desk_activity_compute_async);
  data->file = g_object_ref (file);
  data->rules = desk_activity_rules_ref ((DeskActivityRules *)rules);
  data->columns = columns ? g_hash_table_ref (columns) : NULL;
  data->zone = g_time_zone_ref (zone);
  data->options = *options;
  data->campaign_skus = g_strdupv ((char **)options->campaign_skus);
  data->options.campaign_skus = (const char *const *)data->campaign_skus;
  data->post_mortem = desk_post_mortem_new ();
  if (post_mortem)
    desk_post_mortem_copy_into (post_mortem, data->post_mortem);
  data->campaign = g_strdup (campaign);
  g_task_set_task_data (task, data, (GDestroyNotify)compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

DeskActivityAnalysis *
desk_activity_compute_finish (GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Storage */

static char *
builder_to_string (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

char *
desk_metrics_options_to_json (const DeskMetricsOptions *options,
                              GTimeZone                *zone)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  desk_json_add_text (builder, "zone", zone ? g_time_zone_get_identifier (zone) : "");
  desk_json_add_bool (builder, "relaxed_category", options->relaxed_category);
  json_builder_set_member_name (builder, "campaign_skus");
  json_builder_begin_array (builder);
  for (guint i = 0; options->campaign_skus && options->campaign_skus[i]; i++)
    json_builder_add_string_value (builder, options->campaign_skus[i]);
  json_builder_end_array (builder);
  if (options->fixed_since)
    {
      g_autofree char *day = desk_metrics_format_day (options->fixed_since);

      desk_json_add_text (builder, "fixed_since", day);
    }
  json_builder_set_member_name (builder, "dsr");
  json_builder_begin_array (builder);
  for (guint i = 0; i < 3; i++)
    json_builder_add_double_value (builder, options->dsr[i]);
  json_builder_end_array (builder);
  desk_json_add_bool (builder, "post_mortem_approved", options->post_mortem_approved);
  json_builder_end_object (builder);
  return builder_to_string (builder);
}

gboolean
desk_metrics_options_from_json (const char         *json,
                                DeskMetricsOptions *options,
                                GStrv              *campaign_skus,
                                char              **zone,
                                GError            **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GStrvBuilder) skus = g_strv_builder_new ();
  JsonObject *obj;
  JsonArray  *array;

  memset (options, 0, sizeof *options);
  if (!json_parser_load_from_data (parser, json, -1, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return TRUE;
  obj = json_node_get_object (json_parser_get_root (parser));
  *zone = g_strdup (json_object_get_string_member_with_default (obj, "zone", ""));
  options->relaxed_category = json_object_get_boolean_member_with_default (obj, "relaxed_category", FALSE);
  options->post_mortem_approved = json_object_get_boolean_member_with_default (obj, "post_mortem_approved", FALSE);
  options->fixed_since = desk_metrics_parse_day (json_object_get_string_member_with_default (obj, "fixed_since", NULL));
  array = json_object_has_member (obj, "dsr") ? json_object_get_array_member (obj, "dsr") : NULL;
  for (guint i = 0; array && i < 3 && i < json_array_get_length (array); i++)
    options->dsr[i] = json_array_get_double_element (array, i);
  array = json_object_has_member (obj, "campaign_skus") ? json_object_get_array_member (obj, "campaign_skus") : NULL;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    g_strv_builder_add (skus, json_array_get_string_element (array, i));
  *campaign_skus = g_strv_builder_end (skus);
  options->campaign_skus = **campaign_skus ? (const char *const *)*campaign_skus : NULL;
  return TRUE;
}

static char *
post_mortem_json (DeskPostMortem *post_mortem)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  desk_post_mortem_to_json (post_mortem, builder);
  return builder_to_string (builder);
}

static gboolean
save_columns (DeskStore  *store,
              GHashTable *columns,
              GError    **error)
{
  GHashTableIter iter;
  gpointer       header, field;

  if (columns == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, columns);
  while (g_hash_table_iter_next (&iter, &header, &field))
    {
      sqlite3_stmt *stmt = _desk_store_prepare (store, "INSERT OR REPLACE INTO order_columns (header, field) VALUES (?, ?)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, header, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, field, -1, SQLITE_TRANSIENT);
      if (!_desk_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
link_export (DeskStore *store,
             gint64     case_id,
             gint64     evidence_id,
             GError   **error)
{
  g_autoptr (DeskChecklistItem) item = NULL;
  g_autoptr (GError) local_error = NULL;

  if (evidence_id == 0)
    return TRUE;
  item = _desk_checklist_find_stored_item (store, case_id, "order-export", &local_error);
  if (item == NULL)
    return desk_evidence_attach (store, case_id, evidence_id, error);
  return desk_evidence_attach_to_checklist (store, item->id, evidence_id, error);
}

static char *
timeline_text (DeskActivityAnalysis *self)
{
  DeskMetricsResult *result = self->result;
  guint              rows = desk_metrics_result_get_n_rows (result);
  g_autofree char   *day = NULL;

  if (!desk_metrics_result_get_exit_fired (result))
    /* Translators: %u is a number of rows of the order export */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Order export read (%u row): no metric was over its threshold for 2 days in a row.", "Order export read (%u rows): no metric was over its threshold for 2 days in a row.", rows), rows);
  day = desk_metrics_format_day (desk_metrics_result_get_exit_day (result));
  /* Translators: %u rows, %s a date */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Order export read (%u row): the exit rule was met on %s.", "Order export read (%u rows): the exit rule was met on %s.", rows), rows, day);
}

gboolean
desk_activity_save (DeskStore            *store,
                    gint64                case_id,
                    DeskActivityAnalysis *analysis,
                    GHashTable           *columns,
                    gint64                export_evidence_id,
                    GError              **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *result = NULL;
  g_autofree char *options = desk_metrics_options_to_json (&analysis->options, desk_order_export_get_zone (analysis->export));
  g_autofree char *pm = post_mortem_json (analysis->post_mortem);
  g_autofree char *now = _desk_store_now_iso8601 ();
  g_autofree char *line = timeline_text (analysis);
  g_autoptr (DeskStoreTxn) txn = NULL;
  sqlite3_stmt *stmt;

  json_builder_begin_object (builder);
  desk_metrics_result_to_json (analysis->result, analysis->export, builder);
  json_builder_end_object (builder);
  result = builder_to_string (builder);

  if (!(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  stmt = _desk_store_prepare (store,
                              "INSERT OR REPLACE INTO activity_metrics (case_id, export_evidence_id, options_json, result_json, post_mortem_json, computed_at)"
                              " VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt)
    {
      sqlite3_bind_int64 (stmt, 1, case_id);
      if (export_evidence_id)
        sqlite3_bind_int64 (stmt, 2, export_evidence_id);
      else
        sqlite3_bind_null (stmt, 2);
      sqlite3_bind_text (stmt, 3, options, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, result, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, pm, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
    }
  if (stmt == NULL || !_desk_store_step_done (store, stmt, error) || !save_columns (store, columns, error) || !link_export (store, case_id, export_evidence_id, error) || !desk_store_add_timeline_entry (store, case_id, "metrics", line, error))
    return FALSE;
  _desk_store_notify (store, "activity", case_id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

void
desk_activity_record_clear (DeskActivityRecord *record)
{
  g_clear_pointer (&record->options_json, g_free);
  g_clear_pointer (&record->result_json, g_free);
  g_clear_pointer (&record->post_mortem, desk_post_mortem_free);
  g_clear_pointer (&record->computed_at, g_date_time_unref);
}

gboolean
desk_activity_load (DeskStore          *store,
                    gint64              case_id,
                    DeskActivityRecord *record,
                    GError            **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store,
                                            "SELECT export_evidence_id, options_json, result_json, post_mortem_json, computed_at"
                                            " FROM activity_metrics WHERE case_id = ?",
                                            error);
  int           rc;

  memset (record, 0, sizeof *record);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *pm = NULL;

      record->export_evidence_id = sqlite3_column_int64 (stmt, 0);
      record->options_json = _desk_store_column_dup (stmt, 1);
      record->result_json = _desk_store_column_dup (stmt, 2);
      pm = _desk_store_column_dup (stmt, 3);
      record->computed_at = _desk_store_column_time (stmt, 4);
      record->post_mortem = desk_post_mortem_from_json (pm, NULL);
      if (record->post_mortem == NULL)
        record->post_mortem = desk_post_mortem_new ();
    }
  else if (rc != SQLITE_DONE)
    _desk_store_set_error (_desk_store_get_db (store), rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

gboolean
desk_activity_set_post_mortem_field (DeskStore          *store,
                                     gint64              case_id,
                                     DeskPostMortemField field,
                                     const char         *value,
                                     GError            **error)
{
  DeskActivityRecord record;
  g_autofree char   *pm = NULL;
  g_autoptr (DeskStoreTxn) txn = _desk_store_txn_begin (store, error);
  sqlite3_stmt *stmt;

  if (txn == NULL)
    return FALSE;
  if (!desk_activity_load (store, case_id, &record, error))
    {
      if (error && *error == NULL)
        g_set_error_literal (error, DESK_METRICS_ERROR, DESK_METRICS_ERROR_NO_ROWS,
                             _ ("Read the order export first: the post-mortem starts from its figures."));
      return FALSE;
    }
  desk_post_mortem_set (record.post_mortem, field, value);
  pm = post_mortem_json (record.post_mortem);
  desk_activity_record_clear (&record);
  stmt = _desk_store_prepare (store, "UPDATE activity_metrics SET post_mortem_json = ? WHERE case_id = ?", error);
  if (stmt)
    {
      sqlite3_bind_text (stmt, 1, pm, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, case_id);
    }
  if (stmt == NULL || !_desk_store_step_done (store, stmt, error))
    return FALSE;
  _desk_store_notify (store, "activity", case_id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

GHashTable *
desk_activity_load_columns (DeskStore *store,
                            GError   **error)
{
  g_autoptr (GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = _desk_store_prepare (store, "SELECT header, field FROM order_columns", error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (columns, _desk_store_column_dup (stmt, 0), _desk_store_column_dup (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&columns);
}

gpointer
_desk_activity_snapshot_load (DeskSession *session,
                              gint64       case_id,
                              GError     **error)
{
  DeskStore          *store = desk_session_get_store (session);
  DeskActivityRecord *record = g_new0 (DeskActivityRecord, 1);

  if (!desk_activity_load (store, case_id, record, error))
    {
      _desk_activity_record_free (record);
      return NULL;
    }
  return record;
}

void
_desk_activity_record_free (gpointer record)
{
  desk_activity_record_clear (record);
  g_free (record);
}
