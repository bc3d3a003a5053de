/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "desk-rule-pack.h"
#include "desk-test-util.h"
#include "metrics/desk-csv.h"
#include "metrics/desk-metrics-chart.h"
#include "metrics/desk-post-mortem.h"

/* The shipped AliExpress pack's campaign rules: the figures under test are the pack's. */
static DeskActivityRules *
load_rules (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskRulePack) pack = desk_rule_pack_load_builtin (DESK_PLATFORM_ALIEXPRESS, &error);
  const DeskCaseRules *rules;

  g_assert_no_error (error);
  rules = desk_rule_pack_get_case_rules (pack, DESK_CASE_TYPE_ACTIVITY_EXIT);
  g_assert_nonnull (rules);
  g_assert_nonnull (desk_case_rules_get_activity_metrics (rules));
  return desk_activity_rules_ref (desk_case_rules_get_activity_metrics (rules));
}

static GTimeZone *
shanghai (void)
{
  return g_time_zone_new_identifier ("Asia/Shanghai");
}

/* Runs tests/gen-orders.py with @args into a temporary file; returns its bytes. */
static GBytes *
generate (const char *args)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "orders.csv", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "gen-orders.py", NULL);
  g_autofree char *cmd = g_strdup_printf ("python3 '%s' %s '%s'", script, args, path);
  g_autofree char *contents = NULL;
  gsize            size = 0;
  int              status = 0;

  g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  desk_test_remove_tree (dir);
  return g_bytes_new_take (g_steal_pointer (&contents), size);
}

static DeskOrderExport *
read_export (GBytes            *bytes,
             DeskActivityRules *rules)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) zone = shanghai ();
  DeskOrderExport *export = desk_order_export_read (bytes, rules, NULL, zone, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (export);
  return export;
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* CSV reader */

static void
collect (const char *text,
         GPtrArray  *records)
{
  g_autoptr (GBytes) bytes = text_bytes (text);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCsvReader) reader = desk_csv_reader_new (bytes, &error);
  char   **fields;
  guint    n, line;
  gboolean unterminated;

  g_assert_no_error (error);
  while (desk_csv_reader_next (reader, &fields, &n, &line, &unterminated))
    {
      g_autoptr (GString) joined = g_string_new (NULL);

      g_string_append_printf (joined, "%u%s:", line, unterminated ? "!" : "");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (joined, "%s[%s]", i ? "," : "", fields[i]);
      g_ptr_array_add (records, g_string_free (g_steal_pointer (&joined), FALSE));
    }
}

static void
test_csv_fields (void)
{
  g_autoptr (GPtrArray) r = g_ptr_array_new_with_free_func (g_free);

  collect ("a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\n1,,3\n\"open", r);
  g_assert_cmpuint (r->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (r, 0), ==, "1:[a],[b],[c]");
  g_assert_cmpstr (g_ptr_array_index (r, 1), ==, "2:[x, y],[he said \"hi\"],[two\nlines]");
  /* The record after a quoted line break starts on the file's next line. */
  g_assert_cmpstr (g_ptr_array_index (r, 2), ==, "4:[1],[],[3]");
  g_assert_cmpstr (g_ptr_array_index (r, 3), ==, "5!:[open]");
}

static void
test_csv_separators_and_encodings (void)
{
  g_autoptr (GPtrArray) r = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *gb = g_convert ("订单号\t下单时间\n1\t2026-11-01\n", -1, "GB18030", "UTF-8", NULL, NULL, &error);
  g_autoptr (GBytes) gb_bytes = text_bytes (gb);
  g_autoptr (DeskCsvReader) reader = NULL;
  char   **fields;
  guint    n, line;
  gboolean unterminated;

  g_assert_no_error (error);
  collect ("\xEF\xBB\xBF"
           "a;b;\"c;d\"\n1;2;3\n",
           r);
  g_assert_cmpstr (g_ptr_array_index (r, 0), ==, "1:[a],[b],[c;d]");
  g_assert_cmpstr (g_ptr_array_index (r, 1), ==, "2:[1],[2],[3]");

  reader = desk_csv_reader_new (gb_bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_csv_reader_get_encoding (reader), ==, "GB18030");
  g_assert_cmpint (desk_csv_reader_get_separator (reader), ==, '\t');
  g_assert_true (desk_csv_reader_next (reader, &fields, &n, &line, &unterminated));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (fields[0], ==, "订单号");
  g_assert_cmpstr (fields[1], ==, "下单时间");
}

static void
test_csv_refuses (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) empty = text_bytes ("\n\n");
  g_autoptr (GBytes) binary = g_bytes_new ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe", 18);

  g_assert_null (desk_csv_reader_new (empty, &error));
  g_assert_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (desk_csv_reader_new (binary, &error));
  g_assert_error (error, DESK_CSV_ERROR, DESK_CSV_ERROR_ENCODING);
}

/* Fields */

static void
test_times (void)
{
  g_autoptr (GTimeZone) zone = shanghai ();
  gint64 t = 0;

  /* 2026-11-01 08:00 in Shanghai is 00:00 UTC. */
  g_assert_true (desk_order_parse_time ("2026-11-01 08:00:00", zone, &t));
  g_assert_cmpint (t, ==, 1793491200);
  g_assert_true (desk_order_parse_time ("2026/11/1 8:00", zone, &t));
  g_assert_cmpint (t, ==, 1793491200);
  g_assert_true (desk_order_parse_time ("2026-11-01T00:00:00Z", zone, &t));
  g_assert_cmpint (t, ==, 1793491200);
  g_assert_true (desk_order_parse_time ("2026-11-01T03:00:00+03:00", zone, &t));
  g_assert_cmpint (t, ==, 1793491200);
  g_assert_true (desk_order_parse_time ("01.11.2026 08:00", zone, &t));
  g_assert_cmpint (t, ==, 1793491200);
  g_assert_false (desk_order_parse_time ("31/31/2026", zone, &t));
  g_assert_false (desk_order_parse_time ("2026-02-30 10:00", zone, &t));
  g_assert_false (desk_order_parse_time ("yesterday", zone, &t));
  g_assert_false (desk_order_parse_time ("2026-11-01 25:00", zone, &t));
}

static void
test_tracking_numbers (void)
{
  const struct
  {
    const char *number;
    gboolean    plausible;
  } cases[] = {
    { "LP00123456789CN", TRUE },
    { "YT2231842000018331", TRUE },
    { "4PX3000012345678CN", TRUE },
    { "", FALSE },             /* none */
    { "12345678", FALSE },     /* a run */
    { "98765432", FALSE },     /* a run down */
    { "00000000", FALSE },     /* one repeated character */
    { "TEST0001", FALSE },     /* placeholder */
    { "N/A", FALSE },          /* placeholder */
    { "LP12", FALSE },         /* too short */
    { "ABCDEFGHIJ", FALSE },   /* no digits */
    { "LP 0012 3456", FALSE }, /* spaces inside */
    { "无", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].number);
      g_assert_cmpint (desk_tracking_number_is_plausible (cases[i].number), ==, cases[i].plausible);
    }
}

/* The generated bad week */

static DeskMetricsOptions
complete_options (void)
{
  DeskMetricsOptions options = { 0 };

  options.dsr[0] = 4.8, options.dsr[1] = 4.9, options.dsr[2] = 4.7;
  options.post_mortem_approved = TRUE;
  return options;
}

static void
assert_bad_week (DeskMetricsResult *result)
{
  g_autofree char *exit = desk_metrics_format_day (desk_metrics_result_get_exit_day (result));

  /* Bad days start on 2026-10-20 (day 30); the 30-day rate is 7/30 = 23.3 % on
   * the 7th bad day and the 8th: the exit fires on 2026-10-27. */
  g_assert_true (desk_metrics_result_get_exit_fired (result));
  g_assert_cmpstr (exit, ==, "2026-10-27");
  g_assert_true (desk_metrics_result_get_exit_metric (result, DESK_METRIC_LATE_SHIPMENT));
  g_assert_false (desk_metrics_result_get_exit_metric (result, DESK_METRIC_CANCELLATION));
  g_assert_false (desk_metrics_result_get_exit_metric (result, DESK_METRIC_LOGISTICS_ANOMALY));
  g_assert_false (desk_metrics_result_get_exit_metric (result, DESK_METRIC_NEGATIVE_REVIEW));
  for (guint i = 0; i < desk_metrics_result_get_n_days (result); i++)
    {
      const DeskMetricsDay *day = desk_metrics_result_get_day (result, i);
      g_autofree char      *date = desk_metrics_format_day (day->day);

      if (g_str_equal (date, "2026-10-25"))
        {
          g_assert_false (day->over[DESK_METRIC_LATE_SHIPMENT]); /* 6/30 = 20 %: not above */
          g_assert_cmpfloat_with_epsilon (day->rolling[DESK_METRIC_LATE_SHIPMENT], 0.2, 1e-9);
        }
      if (g_str_equal (date, "2026-10-26"))
        g_assert_cmpfloat_with_epsilon (day->rolling[DESK_METRIC_LATE_SHIPMENT], 7.0 / 30, 1e-9);
      if (g_str_equal (date, "2026-10-20"))
        {
          g_assert_cmpuint (day->orders, ==, 100);
          g_assert_cmpfloat_with_epsilon (day->rate[DESK_METRIC_CANCELLATION], 0.02, 1e-9);
          g_assert_cmpfloat_with_epsilon (day->rate[DESK_METRIC_LATE_SHIPMENT], 1.0, 1e-9);
        }
    }
}

static void
test_bad_week (void)
{
  g_autoptr (DeskActivityRules) rules = load_rules ();
  g_autoptr (GBytes) bytes = generate ("--seed 3");
  g_autoptr (DeskOrderExport) export = read_export (bytes, rules);
  DeskMetricsOptions options = complete_options ();
  g_autoptr (DeskMetricsResult) result = desk_metrics_compute (export, rules, &options);

  g_assert_cmpuint (desk_order_export_get_n_rows (export), ==, 4500);
  g_assert_cmpuint (desk_order_export_get_n_skipped (export), ==, 0);
  assert_bad_week (result);
  /* Seven good days after the bad week: re-entry holds with the ratings entered. */
  g_assert_true (desk_metrics_result_get_reentry_ok (result));
}

static void
test_bad_week_chinese_gb18030 (void)
{
  g_autoptr (DeskActivityRules) rules = load_rules ();
  g_autoptr (GBytes) bytes = generate ("--seed 5 --lang zh --encoding gb18030 --sep tab --bad-rows");
  g_autoptr (DeskOrderExport) export = read_export (bytes, rules);
  DeskMetricsOptions options = complete_options ();
  g_autoptr (DeskMetricsResult) result = desk_metrics_compute (export, rules, &options);
  g_autofree char *utf8 = g_convert (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "UTF-8", "GB18030", NULL, NULL, NULL);
  g_auto (GStrv) lines = g_strsplit (utf8, "\n", -1);
  GPtrArray  *problems = desk_order_export_get_problems (export);
  const char *starts[] = { "\t", "8999\t", "8998\t", "8997\t" };

  g_assert_cmpstr (desk_order_export_get_encoding (export), ==, "GB18030");
  assert_bad_week (result);
  /* The four planted bad rows, each reported on its own file line. */
  g_assert_cmpuint (desk_order_export_get_n_skipped (export), ==, 4);
  g_assert_cmpuint (problems->len, ==, 4);
  for (guint i = 0; i < problems->len; i++)
    {
      DeskOrderProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("line %u: %s", problem->line, problem->message);
      g_assert_true (g_str_has_prefix (lines[problem->line - 1], starts[i]));
      g_assert_nonnull (strstr (problem->message, "Line"));
    }
  g_assert_cmpuint (desk_metrics_result_get_n_skipped (result), ==, 4);
}

static void
test_reentry_missing (void)
{
  g_autoptr (DeskActivityRules) rules = load_rules ();
  /* Only two good days after the bad week, and nothing entered by the seller. */
  g_autoptr (GBytes) bytes = generate ("--seed 7 --days 40 --encoding utf-8-sig --sep ';'");
  g_autoptr (DeskOrderExport) export = read_export (bytes, rules);
  DeskMetricsOptions options = { 0 };
  g_autoptr (DeskMetricsResult) result = desk_metrics_compute (export, rules, &options);
  GPtrArray *gaps = desk_metrics_result_get_reentry_gaps (result);
  g_autoptr (GString) ids = g_string_new (NULL);

  g_assert_cmpint (desk_order_export_get_separator (export), ==, ';');
  assert_bad_week (result);
  g_assert_false (desk_metrics_result_get_reentry_ok (result));
  for (guint i = 0; i < gaps->len; i++)
    g_string_append_printf (ids, "%s ", ((DeskReentryGap *)g_ptr_array_index (gaps, i))->id);
  g_assert_cmpstr (ids->str, ==, "fix-late_shipment_rate dsr-as-described dsr-communication dsr-shipping post-mortem ");
}

static void
test_no_exit (void)
{
  g_autoptr (DeskActivityRules) rules = load_rules ();
  /* Six bad days: 6/30 = 20 % is not above 20 %. */
  g_autoptr (GBytes) bytes = generate ("--seed 9 --bad-days 6");
  g_autoptr (DeskOrderExport) export = read_export (bytes, rules);
  DeskMetricsOptions options = complete_options ();
  g_autoptr (DeskMetricsResult) result = desk_metrics_compute (export, rules, &options);

  g_assert_false (desk_metrics_result_get_exit_fired (result));
  /* The looser threshold of home & garden, auto parts and 3C accessories. */
  options.relaxed_category = TRUE;
  {
    g_autoptr (DeskMetricsResult) relaxed = desk_metrics_compute (export, rules, &options);

    g_assert_cmpfloat_with_epsilon (desk_metrics_result_get_threshold (relaxed, DESK_METRIC_LATE_SHIPMENT), 0.22, 1e-9);
    g_assert_cmpfloat_with_epsilon (desk_metrics_result_get_threshold (relaxed, DESK_METRIC_CANCELLATION), 0.165, 1e-9);
  }
}

/* Logistics: 10 shipped parcels, none delivered, all stalled; 5 with official
 * logistics weigh 0.7 each: (5 × 0.7 + 5) / 10. */
static void
test_official_logistics_weight (void)
{
  g_autoptr (DeskActivityRules) rules = load_rules ();
  g_autoptr (GString) csv = g_string_new ("Order ID,Order Time,Tracking Number,Shipping Time,Carrier,Last Tracking Update,Delivered Time\n");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (DeskOrderExport) export = NULL;
  g_autoptr (DeskMetricsResult) result = NULL;
  DeskMetricsOptions options = { 0 };

  for (int i = 0; i < 10; i++)
    g_string_append_printf (csv, "%d,2026-11-01 10:00,LP%09dCN,2026-11-01 12:00,%s,2026-11-02 09:00,\n",
                            i, 100000000 + i * 37, i < 5 ? "AliExpress Standard Shipping" : "YunExpress");
  g_string_append (csv, "99,2026-11-20 10:00,LP900000001CN,2026-11-20 11:00,YunExpress,2026-11-20 20:00,2026-11-20 21:00\n");
  bytes = text_bytes (csv->str);
  export = read_export (bytes, rules);
  result = desk_metrics_compute (export, rules, &options);
  g_assert_cmpfloat_with_epsilon (desk_metrics_result_get_day (result, 0)->rate[DESK_METRIC_LOGISTICS_ANOMALY], 0.85, 1e-9);
  g_assert_true (desk_order_export_has_field (export, DESK_ORDER_FIELD_CARRIER));
  g_assert_false (desk_order_export_has_field (export, DESK_ORDER_FIELD_RATING));
}

static void
test_unknown_columns (void)
{
  g_autoptr (DeskActivityRules) rules = load_rules ();
  g_autoptr (GBytes) bytes = text_bytes ("单号,付款日期,Tracking Number\n1,2026-11-01 10:00,LP100000001CN\n");
  g_autoptr (GTimeZone) zone = shanghai ();
  g_autoptr (GHashTable) mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskOrderExport) export = desk_order_export_read (bytes, rules, NULL, zone, NULL, &error);
  g_auto (GStrv) headers = NULL;

  g_assert_error (error, DESK_METRICS_ERROR, DESK_METRICS_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "“单号”"));
  g_assert_null (export);
  g_clear_error (&error);

  headers = desk_order_export_read_headers (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (headers), ==, 3);
  /* The seller says which column is which; the mapping is by normalised header. */
  g_hash_table_insert (mapping, desk_activity_normalize_key ("单号"), g_strdup ("order_id"));
  g_hash_table_insert (mapping, desk_activity_normalize_key (" 付款日期 "), g_strdup ("created_at"));
  export = desk_order_export_read (bytes, rules, mapping, zone, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (desk_order_export_get_n_orders (export), ==, 1);
  g_assert_cmpstr (desk_order_export_get_order (export, 0)->order_id, ==, "1");
}

static void
test_post_mortem (void)
{
  g_autoptr (DeskActivityRules) rules = load_rules ();
  g_autoptr (GBytes) bytes = generate ("--seed 3");
  g_autoptr (DeskOrderExport) export = read_export (bytes, rules);
  DeskMetricsOptions options = complete_options ();
  g_autoptr (DeskMetricsResult) result = desk_metrics_compute (export, rules, &options);
  g_autoptr (DeskPostMortem) pm = desk_post_mortem_new ();
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (DeskPostMortem) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;

  desk_post_mortem_set (pm, DESK_POST_MORTEM_ROOT_CAUSE, "ERP did not sync the label API");
  desk_post_mortem_set (pm, DESK_POST_MORTEM_EXIT_DATE, "as the seller wrote it");
  desk_post_mortem_prefill (pm, result, export, "FD-20261101-A");
  g_assert_cmpstr (desk_post_mortem_get (pm, DESK_POST_MORTEM_CAMPAIGN), ==, "FD-20261101-A");
  /* What the seller wrote is kept. */
  g_assert_cmpstr (desk_post_mortem_get (pm, DESK_POST_MORTEM_EXIT_DATE), ==, "as the seller wrote it");
  g_assert_cmpstr (desk_post_mortem_get (pm, DESK_POST_MORTEM_ROOT_CAUSE), ==, "ERP did not sync the label API");
  g_assert_nonnull (strstr (desk_post_mortem_get (pm, DESK_POST_MORTEM_TRIGGER), "Late shipment rate 26.7 %"));
  g_assert_true (g_str_has_prefix (desk_post_mortem_get (pm, DESK_POST_MORTEM_DAYS_OVER), "2026-10-26, 2026-10-27"));
  /* 8 bad days × 98 shipped orders are late. */
  g_assert_true (g_str_has_prefix (desk_post_mortem_get (pm, DESK_POST_MORTEM_ORDERS), "784 orders"));
  g_assert_cmpstr (desk_post_mortem_get (pm, DESK_POST_MORTEM_FIX_EVIDENCE), !=, "");
  g_assert_cmpuint (desk_post_mortem_count_missing (pm), ==, 3);

  desk_post_mortem_to_json (pm, builder);
  json_generator_set_root (gen, json_builder_get_root (builder));
  json = json_generator_to_data (gen, NULL);
  back = desk_post_mortem_from_json (json, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < DESK_N_POST_MORTEM_FIELDS; i++)
    g_assert_cmpstr (desk_post_mortem_get (back, i), ==, desk_post_mortem_get (pm, i));
}

static void
test_json (void)
{
  g_autoptr (DeskActivityRules) rules = load_rules ();
  g_autoptr (GBytes) bytes = generate ("--seed 3");
  g_autoptr (DeskOrderExport) export = read_export (bytes, rules);
  DeskMetricsOptions options = { 0 };
  g_autoptr (DeskMetricsResult) result = desk_metrics_compute (export, rules, &options);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  JsonObject *obj, *day, *exit;
  JsonArray  *days;

  json_builder_begin_object (builder);
  desk_metrics_result_to_json (result, export, builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  obj = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (obj, "rows"), ==, 4500);
  g_assert_cmpint (json_object_get_int_member (obj, "rows_skipped"), ==, 0);
  days = json_object_get_array_member (obj, "days");
  g_assert_cmpuint (json_array_get_length (days), ==, 45); /* to the last order's day */
  day = json_array_get_object_element (days, 30);
  g_assert_cmpstr (json_object_get_string_member (day, "date"), ==, "2026-10-20");
  g_assert_cmpint (json_object_get_int_member (day, "orders"), ==, 100);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (day, "late_shipment_rate"), 1.0, 1e-9);
  g_assert_true (json_object_has_member (day, "cancellation_rate"));
  g_assert_true (json_object_has_member (day, "logistics_anomaly_rate"));
  g_assert_true (json_object_has_member (day, "negative_review_rate"));
  exit = json_object_get_object_member (obj, "exit");
  g_assert_true (json_object_get_boolean_member (exit, "fired"));
  g_assert_cmpstr (json_object_get_string_member (exit, "date"), ==, "2026-10-27");
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (obj, "reentry"), "ok"));
}

static guint
count_green (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int           stride = cairo_image_surface_get_stride (surface);
  guint         green = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        const guint8 *p = data + y * stride + x * 4; /* BGRA */

        green += p[1] > p[2] + 8 && p[1] > p[0] + 8; /* greenish: the re-entry window */
      }
  return green;
}

static void
test_chart (void)
{
  g_autoptr (DeskActivityRules) rules = load_rules ();
  g_autoptr (GBytes) bytes = generate ("--seed 3");
  g_autoptr (DeskOrderExport) export = read_export (bytes, rules);
  DeskMetricsOptions options = { 0 };
  g_autoptr (DeskMetricsResult) result = desk_metrics_compute (export, rules, &options);
  cairo_surface_t *late = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 240);
  cairo_surface_t *reviews = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 240);
  cairo_t         *cr = cairo_create (late);

  desk_metrics_chart_draw (cr, 640, 240, result, DESK_METRIC_LATE_SHIPMENT, 5, 0);
  cairo_destroy (cr);
  cr = cairo_create (reviews);
  desk_metrics_chart_draw (cr, 640, 240, result, DESK_METRIC_NEGATIVE_REVIEW, 5, 0);
  cairo_destroy (cr);
  cairo_surface_flush (late);
  cairo_surface_flush (reviews);
  if (g_getenv ("DESK_CHART_PNG"))
    cairo_surface_write_to_png (late, g_getenv ("DESK_CHART_PNG"));
  /* The re-entry window is shaded on the chart of the metric that fired only. */
  g_assert_cmpuint (count_green (late), >, 3000);
  g_assert_cmpuint (count_green (reviews), ==, 0);
  cairo_surface_destroy (late);
  cairo_surface_destroy (reviews);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/metrics/csv/fields", test_csv_fields);
  g_test_add_func ("/metrics/csv/separators-encodings", test_csv_separators_and_encodings);
  g_test_add_func ("/metrics/csv/refuses", test_csv_refuses);
  g_test_add_func ("/metrics/times", test_times);
  g_test_add_func ("/metrics/tracking-numbers", test_tracking_numbers);
  g_test_add_func ("/metrics/bad-week", test_bad_week);
  g_test_add_func ("/metrics/bad-week-gb18030", test_bad_week_chinese_gb18030);
  g_test_add_func ("/metrics/reentry-missing", test_reentry_missing);
  g_test_add_func ("/metrics/no-exit", test_no_exit);
  g_test_add_func ("/metrics/official-logistics", test_official_logistics_weight);
  g_test_add_func ("/metrics/unknown-columns", test_unknown_columns);
  g_test_add_func ("/metrics/post-mortem", test_post_mortem);
  g_test_add_func ("/metrics/json", test_json);
  g_test_add_func ("/metrics/chart", test_chart);
  return g_test_run ();
}
