/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "desk-rule-pack.h"
#include "metrics/desk-activity-case.h"

/* The order export reader and the campaign metrics: any bytes a seller can
 * choose as "the order export". */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static DeskRulePack *pack = NULL;
  static GTimeZone    *zone = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  DeskMetricsOptions    options = { 0 };
  DeskActivityAnalysis *analysis;

  if (pack == NULL)
    {
      pack = desk_rule_pack_load_builtin (DESK_PLATFORM_ALIEXPRESS, NULL);
      zone = g_time_zone_new_identifier ("Asia/Shanghai");
    }
  analysis = desk_activity_compute (bytes, desk_activity_rules_for_pack (pack, NULL), NULL, zone, &options, NULL, "FD-1", NULL, NULL);
  g_clear_pointer (&analysis, desk_activity_analysis_free);
  return 0;
}
