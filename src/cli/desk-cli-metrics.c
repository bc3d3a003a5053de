/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "desk-checklist.h"
#include "desk-cli.h"
#include "desk-evidence-store.h"
#include "desk-session.h"
#include "desk-util.h"
#include "metrics/desk-activity-case.h"

static int
usage (GError    **error,
       const char *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return DESK_CLI_EXIT_USAGE;
}

static const DeskActivityRules *
rules_for_case (DeskCliContext *ctx,
                DeskCase       *kase,
                GError        **error)
{
  DeskRulePack *pack = desk_session_get_pack (ctx->session, desk_case_get_platform (kase));

  return desk_activity_rules_for_pack (pack, error);
}

/* "4.8,4.7,4.9" → the three store ratings. */
static gboolean
parse_dsr (const char *text,
           double      dsr[3],
           GError    **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; i < 3; i++)
    {
      char *end = NULL;

      if (parts[i] == NULL)
        break;
      dsr[i] = g_ascii_strtod (g_strstrip (parts[i]), &end);
      if (end == parts[i] || *end || dsr[i] < 1 || dsr[i] > 5)
        break;
      if (i == 2 && parts[3] == NULL)
        return TRUE;
    }
  usage (error, _ ("--dsr takes three ratings from 1 to 5: “as described”, “communication”, “shipping”, e.g. 4.8,4.7,4.9."));
  return FALSE;
}

/* "Header=field" pairs the seller gives for columns the app does not know. */
static gboolean
parse_mapping (char      **pairs,
               GHashTable *columns,
               GError    **error)
{
  for (guint i = 0; pairs && pairs[i]; i++)
    {
      const char      *eq = strrchr (pairs[i], '=');
      g_autofree char *header = eq ? g_strndup (pairs[i], eq - pairs[i]) : NULL;

      if (eq == NULL || *header == '\0' || desk_order_field_from_id (eq + 1) == DESK_N_ORDER_FIELDS)
        {
          g_autoptr (GString) fields = g_string_new (NULL);

          for (guint f = 0; f < DESK_N_ORDER_FIELDS; f++)
            g_string_append_printf (fields, "%s%s", f ? ", " : "", desk_order_field_to_id (f));
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is what was given, then the list of column names */
                       _ ("--map “%s”: write the export’s column name, “=”, and one of: %s."), pairs[i], fields->str);
          return FALSE;
        }
      g_hash_table_insert (columns, desk_activity_normalize_key (header), g_strdup (eq + 1));
    }
  return TRUE;
}

static char *
percent (double rate)
{
  return isnan (rate) ? g_strdup ("—") : g_strdup_printf ("%.1f %%", rate * 100);
}

static void
print_days_over (DeskMetricsResult *result)
{
  gboolean any = FALSE;

  for (guint i = 0; i < desk_metrics_result_get_n_days (result); i++)
    {
      const DeskMetricsDay *day = desk_metrics_result_get_day (result, i);
      g_autofree char      *date = desk_metrics_format_day (day->day);

      for (guint m = 0; m < DESK_N_METRICS; m++)
        if (day->over[m])
          {
            g_autofree char *value = percent (day->rolling[m]);
            g_autofree char *label = desk_cli_pad (desk_metric_get_label (m), 30);

            if (!any)
              printf ("%s\n", _ ("Days over a threshold (30-day figure):"));
            any = TRUE;
            printf ("  %s  %s %s\n", date, label, value);
          }
    }
  if (!any)
    printf ("%s\n", _ ("No day had a metric over its threshold."));
}

static void
print_verdicts (DeskMetricsResult *result)
{
  GPtrArray *gaps = desk_metrics_result_get_reentry_gaps (result);

  if (desk_metrics_result_get_exit_fired (result))
    {
      g_autofree char *date = desk_metrics_format_day (desk_metrics_result_get_exit_day (result));
      g_autoptr (GString) metrics = g_string_new (NULL);

      for (guint m = 0; m < DESK_N_METRICS; m++)
        if (desk_metrics_result_get_exit_metric (result, m))
          g_string_append_printf (metrics, "%s%s", metrics->len ? _ (", ") : "", desk_metric_get_label (m));
      /* Translators: %s a date, then metric names */
      printf (_ ("Exit rule met on %s: %s over its threshold 2 days in a row.\n"), date, metrics->str);
    }
  else
    printf ("%s\n", _ ("Exit rule not met: no metric was over its threshold 2 days in a row."));
  if (gaps->len == 0)
    printf ("%s\n", _ ("Re-entry: every condition holds."));
  else
    {
      printf ("%s\n", _ ("Re-entry: not yet. Still needed:"));
      for (guint i = 0; i < gaps->len; i++)
        printf ("  • %s\n", ((DeskReentryGap *)g_ptr_array_index (gaps, i))->message);
    }
}

static void
print_analysis (DeskActivityAnalysis *analysis)
{
  DeskOrderExport *export = desk_activity_analysis_get_export (analysis);
  DeskMetricsResult *result = desk_activity_analysis_get_result (analysis);
  GPtrArray         *problems = desk_order_export_get_problems (export);
  guint              skipped = desk_order_export_get_n_skipped (export);
  g_autoptr (GString) thresholds = g_string_new (NULL);

  /* Translators: rows read from the order export and rows left out */
  printf (g_dngettext (GETTEXT_PACKAGE, "Orders: %u row read, %u left out.\n", "Orders: %u rows read, %u left out.\n", desk_order_export_get_n_rows (export)),
          desk_order_export_get_n_rows (export), skipped);
  for (guint m = 0; m < DESK_N_METRICS; m++)
    {
      g_autofree char *value = percent (desk_metrics_result_get_threshold (result, m));

      g_string_append_printf (thresholds, "%s%s %s", m ? " · " : "", desk_metric_get_label (m), value);
    }
  printf ("%s %s\n", _ ("Thresholds:"), thresholds->str);
  print_days_over (result);
  print_verdicts (result);
  for (guint i = 0; i < problems->len; i++)
    printf ("  %s\n", ((DeskOrderProblem *)g_ptr_array_index (problems, i))->message);
  if (skipped > problems->len)
    printf (_ ("  … and %u more rows left out.\n"), skipped - problems->len);
}

static void
print_post_mortem (DeskCliContext *ctx,
                   DeskPostMortem *pm)
{
  if (ctx->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      desk_post_mortem_to_json (pm, builder);
      desk_cli_print_json (builder);
      return;
    }
  for (guint i = 0; i < DESK_N_POST_MORTEM_FIELDS; i++)
    {
      const char *value = desk_post_mortem_get (pm, i);

      printf ("%2u. %s (%s)\n    %s\n", i + 1, desk_post_mortem_field_get_label (i), desk_post_mortem_field_to_id (i),
              *value ? value : _ ("(to be written by you)"));
    }
}

static void
print_json (DeskActivityAnalysis *analysis)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  desk_metrics_result_to_json (desk_activity_analysis_get_result (analysis), desk_activity_analysis_get_export (analysis), builder);
  json_builder_set_member_name (builder, "post_mortem");
  desk_post_mortem_to_json (desk_activity_analysis_get_post_mortem (analysis), builder);
  json_builder_end_object (builder);
  desk_cli_print_json (builder);
}

typedef struct
{
  char    *orders;
  char    *zone;
  char    *fixed_since;
  char    *dsr;
  char    *skus;
  char   **map;
  gboolean relaxed;
  gboolean approved;
} MetricsArgs;

static void
metrics_args_clear (MetricsArgs *args)
{
  g_free (args->orders);
  g_free (args->zone);
  g_free (args->fixed_since);
  g_free (args->dsr);
  g_free (args->skus);
  g_strfreev (args->map);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MetricsArgs, metrics_args_clear)

/* Options from the command line over the ones saved with the case. */
static gboolean
build_options (MetricsArgs        *args,
               const char         *saved_json,
               DeskMetricsOptions *options,
               GStrv              *skus,
               GTimeZone         **zone,
               GError            **error)
{
  g_autofree char *saved_zone = NULL;

  if (saved_json == NULL || !desk_metrics_options_from_json (saved_json, options, skus, &saved_zone, NULL))
    memset (options, 0, sizeof *options);
  if (args->relaxed)
    options->relaxed_category = TRUE;
  if (args->approved)
    options->post_mortem_approved = TRUE;
  if (args->dsr && !parse_dsr (args->dsr, options->dsr, error))
    return FALSE;
  if (args->fixed_since && !(options->fixed_since = desk_metrics_parse_day (args->fixed_since)))
    return usage (error, _ ("--fixed-since takes a date such as 2026-11-05.")), FALSE;
  if (args->skus)
    {
      g_strfreev (*skus);
      *skus = g_strsplit (args->skus, ",", -1);
      for (guint i = 0; (*skus)[i]; i++)
        g_strstrip ((*skus)[i]);
      options->campaign_skus = (const char *const *)*skus;
    }
  *zone = args->zone ? g_time_zone_new_identifier (args->zone) : (saved_zone && *saved_zone ? g_time_zone_new_identifier (saved_zone) : g_time_zone_new_local ());
  if (*zone == NULL)
    return usage (error, _ ("--zone takes a time zone such as Asia/Shanghai.")), FALSE;
  return TRUE;
}

static DeskActivityAnalysis *
recompute_saved (DeskCliContext          *ctx,
                 DeskCase                *kase,
                 const DeskActivityRules *rules,
                 MetricsArgs             *args,
                 DeskActivityRecord      *record,
                 GError                 **error)
{
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GHashTable) columns = desk_activity_load_columns (ctx->store, error);
  g_autoptr (GTimeZone) zone = NULL;
  g_auto (GStrv) skus = NULL;
  g_autofree char   *path = NULL;
  DeskMetricsOptions options;

  if (columns == NULL || !build_options (args, record->options_json, &options, &skus, &zone, error))
    return NULL;
  if (record->export_evidence_id == 0 || !(evidence = desk_evidence_get (ctx->store, record->export_evidence_id, error)))
    {
      if (error && *error == NULL)
        g_set_error_literal (error, DESK_METRICS_ERROR, DESK_METRICS_ERROR_NO_ROWS,
                             _ ("The order export of this case was removed from its evidence. Read it again with --orders."));
      return NULL;
    }
  path = desk_evidence_get_path (ctx->store, evidence);
  file = g_file_new_for_path (path);
  if (!(bytes = desk_activity_read_file (file, NULL, error)))
    return NULL;
  return desk_activity_compute (bytes, rules, columns, zone, &options, record->post_mortem,
                                desk_case_get_platform_case_id (kase), NULL, error);
}

static DeskActivityAnalysis *
read_new_export (DeskCliContext          *ctx,
                 DeskCase                *kase,
                 const DeskActivityRules *rules,
                 MetricsArgs             *args,
                 DeskActivityRecord      *record,
                 GHashTable              *columns,
                 gint64                  *evidence_id,
                 GError                 **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (args->orders);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GTimeZone) zone = NULL;
  g_autoptr (DeskActivityAnalysis) analysis = NULL;
  g_autoptr (DeskEvidence) evidence = NULL;
  g_auto (GStrv) skus = NULL;
  DeskMetricsOptions options;

  if (!build_options (args, record->options_json, &options, &skus, &zone, error) || !(bytes = desk_activity_read_file (file, NULL, error)))
    return NULL;
  analysis = desk_activity_compute (bytes, rules, columns, zone, &options, record->post_mortem,
                                    desk_case_get_platform_case_id (kase), NULL, error);
  if (analysis == NULL)
    return NULL;
  /* Only a file that reads as an export is kept as the case's evidence. */
  evidence = desk_evidence_add (ctx->store, file, desk_case_get_id (kase), _ ("Order export from the seller centre"), NULL, NULL, NULL, NULL, error);
  if (evidence == NULL)
    return NULL;
  *evidence_id = desk_evidence_get_id (evidence);
  return g_steal_pointer (&analysis);
}

int
desk_cli_metrics (DeskCliContext *ctx,
                  GError        **error)
{
  g_auto (MetricsArgs) args = { 0 };
  GOptionEntry entries[] = {
    { "orders", 'o', 0, G_OPTION_ARG_FILENAME, &args.orders, N_ ("The order export (CSV) from the seller centre"), N_ ("FILE") },
    { "zone", 0, 0, G_OPTION_ARG_STRING, &args.zone, N_ ("The store’s time zone for calendar days (default: this computer’s)"), N_ ("ZONE") },
    { "relaxed-category", 0, 0, G_OPTION_ARG_NONE, &args.relaxed, N_ ("The store sells home & garden, auto parts or 3C accessories (looser thresholds)"), NULL },
    { "campaign-skus", 0, 0, G_OPTION_ARG_STRING, &args.skus, N_ ("SKUs that were in the campaign, comma-separated"), N_ ("SKUS") },
    { "fixed-since", 0, 0, G_OPTION_ARG_STRING, &args.fixed_since, N_ ("The day the cause was fixed"), N_ ("DATE") },
    { "dsr", 0, 0, G_OPTION_ARG_STRING, &args.dsr, N_ ("30-day store ratings: as described, communication, shipping"), N_ ("A,B,C") },
    { "post-mortem-approved", 0, 0, G_OPTION_ARG_NONE, &args.approved, N_ ("The platform approved the post-mortem"), NULL },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.map, N_ ("Name an export column the app does not know, e.g. \"付款日期=created_at\""), N_ ("COLUMN=FIELD") },
    { NULL }
  };
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (DeskActivityAnalysis) analysis = NULL;
  g_autoptr (GHashTable) columns = NULL;
  g_auto (DeskActivityRecord) record = { 0 };
  const DeskActivityRules *rules;
  gint64                   id, evidence_id = 0;

  if (!desk_cli_parse (ctx, _ ("ID"), _ ("Read a campaign case’s order export: fulfilment figures per day, the exit day, what re-entry still needs, and the post-mortem."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2)
    return usage (error, _ ("Give one case ID."));
  if (!(id = desk_cli_parse_id (ctx->argv[1], error)))
    return DESK_CLI_EXIT_USAGE;
  {
    /* Options are checked before anything is read or written. */
    DeskMetricsOptions check;
    g_auto (GStrv) skus = NULL;
    g_autoptr (GTimeZone) zone = NULL;

    if (!build_options (&args, NULL, &check, &skus, &zone, error))
      return DESK_CLI_EXIT_USAGE;
  }
  if (!(kase = desk_store_get_case (ctx->store, id, error)) || !(rules = rules_for_case (ctx, kase, error)))
    return DESK_CLI_EXIT_FAILED;
  if (!(columns = desk_activity_load_columns (ctx->store, error)) || !parse_mapping (args.map, columns, error))
    return args.map && error && *error && (*error)->domain == G_OPTION_ERROR ? DESK_CLI_EXIT_USAGE : DESK_CLI_EXIT_FAILED;
  if (!desk_activity_load (ctx->store, id, &record, error) && error && *error)
    return DESK_CLI_EXIT_FAILED;
  if (args.orders == NULL && record.result_json == NULL)
    return usage (error, _ ("This case has no order export yet: give one with --orders FILE."));

  analysis = args.orders ? read_new_export (ctx, kase, rules, &args, &record, columns, &evidence_id, error)
                         : recompute_saved (ctx, kase, rules, &args, &record, error);
  if (analysis == NULL)
    return DESK_CLI_EXIT_FAILED;
  if (!desk_activity_save (ctx->store, id, analysis, columns, evidence_id ? evidence_id : record.export_evidence_id, error))
    return DESK_CLI_EXIT_FAILED;
  if (ctx->json)
    print_json (analysis);
  else
    print_analysis (analysis);
  return 0;
}

int
desk_cli_post_mortem (DeskCliContext *ctx,
                      GError        **error)
{
  g_auto (GStrv) sets = NULL;
  GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets, N_ ("Write one field, e.g. root-cause=\"ERP did not sync the labels\""), N_ ("FIELD=TEXT") },
    { NULL }
  };
  g_auto (DeskActivityRecord) record = { 0 };
  gint64 id;

  if (!desk_cli_parse (ctx, _ ("ID"), _ ("Show or write a campaign case’s post-mortem (12 fields)."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2)
    return usage (error, _ ("Give one case ID."));
  if (!(id = desk_cli_parse_id (ctx->argv[1], error)))
    return DESK_CLI_EXIT_USAGE;
  for (guint i = 0; sets && sets[i]; i++)
    {
      const char         *eq = strchr (sets[i], '=');
      g_autofree char    *name = eq ? g_strndup (sets[i], eq - sets[i]) : g_strdup (sets[i]);
      DeskPostMortemField field = desk_post_mortem_field_from_id (g_strstrip (name));

      if (eq == NULL || field == DESK_N_POST_MORTEM_FIELDS)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is what the user typed */
                       _ ("--set “%s”: write a field name (see “appeal-desk-cli post-mortem ID”), “=”, and the text."), sets[i]);
          return DESK_CLI_EXIT_USAGE;
        }
      if (!desk_activity_set_post_mortem_field (ctx->store, id, field, eq + 1, error))
        return DESK_CLI_EXIT_FAILED;
    }
  if (!desk_activity_load (ctx->store, id, &record, error))
    {
      if (error && *error == NULL)
        g_set_error_literal (error, DESK_METRICS_ERROR, DESK_METRICS_ERROR_NO_ROWS,
                             _ ("Read the order export first (appeal-desk-cli metrics ID --orders FILE): the post-mortem starts from its figures."));
      return DESK_CLI_EXIT_FAILED;
    }
  print_post_mortem (ctx, record.post_mortem);
  return 0;
}
