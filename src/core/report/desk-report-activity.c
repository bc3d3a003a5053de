/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "desk-evidence-store.h"
#include "desk-report-private.h"
#include "metrics/desk-activity-case-private.h"
#include "metrics/desk-metrics-chart.h"

/* Campaign-exit cases (issue 15): the figures are computed again from the
 * export kept as evidence, with the options the seller saved, so the report
 * shows exactly what the case page shows. */

static DeskActivityAnalysis *
recompute (DeskSession              *session,
           DeskPlatform              platform,
           const DeskActivityRecord *record)
{
  DeskStore               *store = desk_session_get_store (session);
  const DeskActivityRules *rules = desk_activity_rules_for_pack (desk_session_get_pack (session, platform), NULL);
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GHashTable) columns = NULL;
  g_autoptr (GTimeZone) zone = NULL;
  g_autofree char *path = NULL;
  g_autofree char *zone_id = NULL;
  g_auto (GStrv) skus = NULL;
  DeskMetricsOptions options;

  if (rules == NULL || record->export_evidence_id == 0 || !(evidence = desk_evidence_get (store, record->export_evidence_id, NULL)))
    return NULL;
  path = desk_evidence_get_path (store, evidence);
  file = g_file_new_for_path (path);
  if (!(bytes = desk_activity_read_file (file, NULL, NULL)) || !(columns = desk_activity_load_columns (store, NULL)))
    return NULL;
  if (!desk_metrics_options_from_json (record->options_json ? record->options_json : "{}", &options, &skus, &zone_id, NULL))
    memset (&options, 0, sizeof options);
  zone = zone_id && *zone_id ? g_time_zone_new_identifier (zone_id) : NULL;
  if (zone == NULL)
    zone = g_time_zone_new_local ();
  return desk_activity_compute (bytes, rules, columns, zone, &options, record->post_mortem, NULL, NULL, NULL);
}

static cairo_surface_t *
draw_chart (DeskActivityAnalysis *analysis,
            DeskMetric            metric)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &(cairo_rectangle_t){ 0, 0, 480, 200 });
  cairo_t         *cr = cairo_create (surface);

  desk_metrics_chart_draw (cr, 480, 200, desk_activity_analysis_get_result (analysis), metric,
                           desk_activity_rules_get_reentry_days (desk_activity_analysis_get_rules (analysis)),
                           desk_activity_analysis_get_options (analysis)->fixed_since);
  cairo_destroy (cr);
  return surface;
}

static void
describe (GString              *text,
          DeskActivityAnalysis *analysis,
          DeskCatalog          *catalog,
          DeskMetric           *shown)
{
  DeskMetricsResult *result = desk_activity_analysis_get_result (analysis);
  DeskOrderExport *export = desk_activity_analysis_get_export (analysis);
  g_autofree char *day = desk_metrics_format_day (desk_metrics_result_get_exit_day (result));

  /* Translators: closure report: rows of the order export read and left out */
  g_string_append_printf (text, _desk_catalog_get (catalog, N_ ("Order export: %u rows read, %u left out.")),
                          desk_order_export_get_n_rows (export), desk_order_export_get_n_skipped (export));
  g_string_append_c (text, '\n');
  if (!desk_metrics_result_get_exit_fired (result))
    g_string_append (text, _desk_catalog_get (catalog, N_ ("No metric was over its threshold 2 days in a row.")));
  for (guint m = 0; m < DESK_N_METRICS; m++)
    if (desk_metrics_result_get_exit_metric (result, m))
      {
        double rolling = NAN;

        for (guint i = 0; i < desk_metrics_result_get_n_days (result); i++)
          if (desk_metrics_result_get_day (result, i)->day == desk_metrics_result_get_exit_day (result))
            rolling = desk_metrics_result_get_day (result, i)->rolling[m];
        /* Translators: closure report: date, metric, its 30-day value and threshold */
        g_string_append_printf (text, _desk_catalog_get (catalog, N_ ("Exit rule met on %s: %s %.1f %% over 30 days, threshold %.1f %%.")),
                                day, _desk_catalog_get (catalog, desk_metric_get_label_msgid (m)), rolling * 100,
                                desk_metrics_result_get_threshold (result, m) * 100);
        g_string_append_c (text, '\n');
        *shown = m;
      }
}

static void
add_post_mortem (GString        *text,
                 DeskPostMortem *pm,
                 DeskCatalog    *catalog)
{
  g_string_append_printf (text, "\n%s\n", _desk_catalog_get (catalog, N_ ("Post-Mortem")));
  for (guint i = 0; i < DESK_N_POST_MORTEM_FIELDS; i++)
    {
      const char *value = desk_post_mortem_get (pm, i);

      g_string_append_printf (text, "%u. %s: %s\n", i + 1, _desk_catalog_get (catalog, desk_post_mortem_field_get_label_msgid (i)),
                              *value ? value : "—");
    }
}

void
_desk_report_read_activity (DeskReportData   *data,
                            DeskSession      *session,
                            DeskCaseSnapshot *snapshot,
                            DeskCatalog      *catalog)
{
  const DeskActivityRecord *record = desk_case_snapshot_get_part (snapshot, "activity");
  g_autoptr (DeskActivityAnalysis) analysis = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  DeskMetric         shown = DESK_METRIC_LATE_SHIPMENT;
  DeskReportSection *section;

  if (record == NULL || !(analysis = recompute (session, data->platform, record)))
    return;
  describe (text, analysis, catalog, &shown);
  add_post_mortem (text, desk_activity_analysis_get_post_mortem (analysis), catalog);
  section = desk_report_section_new (_desk_catalog_get (catalog, N_ ("Campaign Fulfilment")), g_strchomp (text->str));
  section->chart = draw_chart (analysis, shown);
  section->chart_width = 480;
  section->chart_height = 200;
  g_ptr_array_add (data->extra, section);
}
