/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "desk-metrics.h"

G_BEGIN_DECLS

/* One metric over time against its threshold: the day's own rate as bars, the
 * 30-day figure as a line, the threshold dashed, the exit day marked and the
 * re-entry window shaded. The same drawing serves the case page and the
 * closure report. @fixed_since: local day of the fix, 0 for the day after the exit. */
void desk_metrics_chart_draw (cairo_t           *cr,
                              double             width,
                              double             height,
                              DeskMetricsResult *result,
                              DeskMetric         metric,
                              guint              reentry_days,
                              gint32             fixed_since);

G_END_DECLS
