/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Campaign metrics: read an order export and compute every figure and
 * verdict, against the floor of Python's csv module merely reading the same
 * file (whole process, python3 -c "csv.reader"). Prints medians of 5 runs,
 * the ratio (ours / Python; below 1.0 is faster) and peak memory.
 *
 *   python3 tests/gen-orders.py --random --days 60 --per-day 3334 /tmp/orders.csv
 *   build/bench/bench-metrics /tmp/orders.csv
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "desk-rule-pack.h"
#include "metrics/desk-activity-case.h"

#define RUNS 5

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), compare);
  return values[RUNS / 2];
}

static double
run_ours (GBytes                  *bytes,
          const DeskActivityRules *rules,
          GTimeZone               *zone,
          guint                   *rows)
{
  DeskMetricsOptions options = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr (DeskActivityAnalysis) analysis = desk_activity_compute (bytes, rules, NULL, zone, &options, NULL, "", NULL, &error);

  if (analysis == NULL)
    g_error ("%s", error->message);
  *rows = desk_order_export_get_n_rows (desk_activity_analysis_get_export (analysis));
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
run_python (const char *path)
{
  const char *argv[] = { "python3", "-c", "import csv,sys\nn=0\nfor row in csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig')): n+=1\n", path, NULL };
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int    status = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
    g_error ("%s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskRulePack) pack = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Asia/Shanghai");
  const DeskActivityRules *rules;
  double                   ours[RUNS], python[RUNS];
  guint                    rows = 0;
  struct rusage            self, children;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-metrics ORDERS.csv (see the comment at the top)\n");
      return 2;
    }
  pack = desk_rule_pack_load_builtin (DESK_PLATFORM_ALIEXPRESS, &error);
  if (pack == NULL || !(rules = desk_activity_rules_for_pack (pack, &error)))
    g_error ("%s", error->message);
  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[1]);
      g_autoptr (GBytes) data = desk_activity_read_file (file, NULL, &error);

      if (data == NULL)
        g_error ("%s", error->message);
      ours[i] = (g_get_monotonic_time () - start) / 1e6 + run_ours (data, rules, zone, &rows);
      python[i] = run_python (argv[1]);
    }
  getrusage (RUSAGE_SELF, &self);
  getrusage (RUSAGE_CHILDREN, &children);
  printf ("rows                      %u\n", rows);
  printf ("read + metrics (median)   %.3f s\n", median (ours));
  printf ("python csv read (median)  %.3f s  (whole process)\n", median (python));
  printf ("ratio ours / python       %.2f\n", median (ours) / median (python));
  printf ("peak memory ours          %ld MiB (this process, file held in memory)\n", self.ru_maxrss / 1024);
  printf ("peak memory python        %ld MiB\n", children.ru_maxrss / 1024);
  return 0;
}
