/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-metrics"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "desk-metrics-chart.h"

#define MARGIN_LEFT   48.0
#define MARGIN_RIGHT  14.0
#define MARGIN_TOP    30.0
#define MARGIN_BOTTOM 26.0

typedef struct
{
  double x, y, w, h; /* plot area */
  double y_max;      /* rate at the top */
  gint32 first_day;
  guint  n_days;
} Frame;

static double
day_x (const Frame *f,
       gint32       day)
{
  return f->x + f->w * ((day - f->first_day) + 0.5) / MAX (f->n_days, 1);
}

static double
rate_y (const Frame *f,
        double       rate)
{
  return f->y + f->h * (1.0 - MIN (rate, f->y_max) / f->y_max);
}

static void
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      align, /* 0 left, 0.5 centre, 1 right */
           gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (bold ? "Sans Bold 9" : "Sans 8");
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* A top for the axis that gives round ticks: 4 steps of 1, 2, 2.5, 5, 10 … %. */
static double
nice_top (double top)
{
  static const double steps[] = { 0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * 4 >= top - 1e-9)
      return steps[i] * 4;
  return 1.0;
}

static Frame
make_frame (double             width,
            double             height,
            DeskMetricsResult *result,
            DeskMetric         metric)
{
  Frame  f = { MARGIN_LEFT, MARGIN_TOP, width - MARGIN_LEFT - MARGIN_RIGHT, height - MARGIN_TOP - MARGIN_BOTTOM, 0, 0, 0 };
  double top = desk_metrics_result_get_threshold (result, metric) * 1.5;

  f.n_days = desk_metrics_result_get_n_days (result);
  f.first_day = f.n_days ? desk_metrics_result_get_day (result, 0)->day : 0;
  for (guint i = 0; i < f.n_days; i++)
    {
      const DeskMetricsDay *day = desk_metrics_result_get_day (result, i);

      if (!isnan (day->rolling[metric]))
        top = MAX (top, day->rolling[metric] * 1.15);
    }
  f.y_max = nice_top (MIN (MAX (top, 0.01), 1.0));
  return f;
}

static void
draw_axes (cairo_t     *cr,
           const Frame *f)
{
  cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
  cairo_set_line_width (cr, 1);
  for (int i = 0; i <= 4; i++)
    {
      double           rate = f->y_max * i / 4;
      double           y = rate_y (f, rate);
      g_autofree char *label = g_strdup_printf (fabs (rate * 100 - round (rate * 100)) < 1e-6 ? "%.0f %%" : "%.1f %%", rate * 100);

      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      cairo_move_to (cr, f->x, round (y) + 0.5);
      cairo_line_to (cr, f->x + f->w, round (y) + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      draw_text (cr, label, f->x - 6, y, 1.0, FALSE);
    }
}

static void
draw_reentry (cairo_t           *cr,
              const Frame       *f,
              DeskMetricsResult *result,
              guint              reentry_days,
              gint32             fixed_since)
{
  gint32 from = fixed_since ? fixed_since : desk_metrics_result_get_exit_day (result) + 1;
  double x0 = day_x (f, from) - f->w / MAX (f->n_days, 1) / 2;
  double x1 = MIN (x0 + f->w * reentry_days / MAX (f->n_days, 1), f->x + f->w);

  if (x0 >= f->x + f->w)
    return;
  cairo_set_source_rgba (cr, 0.18, 0.62, 0.30, 0.14);
  cairo_rectangle (cr, x0, f->y, x1 - x0, f->h);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.12, 0.45, 0.22);
  /* Near the right edge the label ends at the edge instead of starting at the window. */
  if (x0 > f->x + f->w * 0.7)
    draw_text (cr, _ ("Re-entry check"), f->x + f->w - 2, f->y + 8, 1.0, FALSE);
  else
    draw_text (cr, _ ("Re-entry check"), x0 + 3, f->y + 8, 0.0, FALSE);
}

static void
draw_rates (cairo_t           *cr,
            const Frame       *f,
            DeskMetricsResult *result,
            DeskMetric         metric)
{
  double   bar = MAX (f->w / MAX (f->n_days, 1) * 0.6, 1.0);
  gboolean started = FALSE;

  cairo_set_source_rgb (cr, 0.74, 0.82, 0.93);
  for (guint i = 0; i < f->n_days; i++)
    {
      const DeskMetricsDay *day = desk_metrics_result_get_day (result, i);

      if (isnan (day->rate[metric]))
        continue;
      cairo_rectangle (cr, day_x (f, day->day) - bar / 2, rate_y (f, day->rate[metric]), bar, f->y + f->h - rate_y (f, day->rate[metric]));
    }
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.11, 0.36, 0.75);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < f->n_days; i++)
    {
      const DeskMetricsDay *day = desk_metrics_result_get_day (result, i);

      if (isnan (day->rolling[metric]))
        continue;
      if (started)
        cairo_line_to (cr, day_x (f, day->day), rate_y (f, day->rolling[metric]));
      else
        cairo_move_to (cr, day_x (f, day->day), rate_y (f, day->rolling[metric]));
      started = TRUE;
    }
  cairo_stroke (cr);
}

static void
draw_threshold (cairo_t           *cr,
                const Frame       *f,
                DeskMetricsResult *result,
                DeskMetric         metric)
{
  static const double dash[] = { 6, 4 };
  double              threshold = desk_metrics_result_get_threshold (result, metric);
  double              y = rate_y (f, threshold);
  g_autofree char    *label = g_strdup_printf (_ ("Threshold %.1f %%"), threshold * 100);

  cairo_set_source_rgb (cr, 0.80, 0.14, 0.11);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, f->x, y);
  cairo_line_to (cr, f->x + f->w, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_text (cr, label, f->x + f->w, y - 8, 1.0, FALSE);
}

static void
draw_exit (cairo_t           *cr,
           const Frame       *f,
           DeskMetricsResult *result,
           DeskMetric         metric)
{
  double x;

  if (!desk_metrics_result_get_exit_fired (result))
    return;
  x = day_x (f, desk_metrics_result_get_exit_day (result));
  cairo_set_source_rgb (cr, 0.80, 0.14, 0.11);
  cairo_set_line_width (cr, desk_metrics_result_get_exit_metric (result, metric) ? 2 : 1);
  cairo_move_to (cr, x, f->y);
  cairo_line_to (cr, x, f->y + f->h);
  cairo_stroke (cr);
  draw_text (cr, _ ("Exit"), x, f->y + f->h + 18, 0.5, TRUE);
}

static void
draw_dates (cairo_t     *cr,
            const Frame *f)
{
  gint32 days[] = { f->first_day, f->first_day + (gint32)f->n_days - 1 };

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  for (guint i = 0; i < G_N_ELEMENTS (days) && f->n_days; i++)
    {
      g_autofree char *date = desk_metrics_format_day (days[i]);

      draw_text (cr, date + 5, day_x (f, days[i]), f->y + f->h + 8, i == 0 ? 0.0 : 1.0, FALSE);
    }
}

void
desk_metrics_chart_draw (cairo_t           *cr,
                         double             width,
                         double             height,
                         DeskMetricsResult *result,
                         DeskMetric         metric,
                         guint              reentry_days,
                         gint32             fixed_since)
{
  Frame            f = make_frame (width, height, result, metric);
  g_autofree char *title = g_strdup_printf (_ ("%s, day by day (bars) and over 30 days (line)"), desk_metric_get_label (metric));

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  draw_text (cr, title, MARGIN_LEFT, 12, 0.0, TRUE);
  if (f.w > 10 && f.h > 10)
    {
      draw_axes (cr, &f);
      if (desk_metrics_result_get_exit_fired (result) && desk_metrics_result_get_exit_metric (result, metric))
        draw_reentry (cr, &f, result, reentry_days, fixed_since);
      draw_rates (cr, &f, result, metric);
      draw_threshold (cr, &f, result, metric);
      draw_exit (cr, &f, result, metric);
      draw_dates (cr, &f);
    }
  cairo_restore (cr);
}
