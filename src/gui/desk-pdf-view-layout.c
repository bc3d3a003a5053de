/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-pdf-view"

#include "config.h"

#include <math.h>

#include "desk-pdf-view-private.h"

#define PAGE_GAP 12.0

static const double zoom_steps[] = {
  0.1,
  0.25,
  0.33,
  0.5,
  0.67,
  0.75,
  0.9,
  1.0,
  1.1,
  1.25,
  1.5,
  1.75,
  2.0,
  2.5,
  3.0,
  4.0,
};

double
desk_zoom_step (double   zoom,
                gboolean zoom_in)
{
  if (zoom_in)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > zoom + 0.005)
          return zoom_steps[i];
      return DESK_PDF_VIEW_MAX_ZOOM;
    }
  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom - 0.005)
      return zoom_steps[i - 1];
  return DESK_PDF_VIEW_MIN_ZOOM;
}

/* Geometry */

double
_desk_pdf_view_page_height_px (DeskPdfView *self,
                               guint        page)
{
  return self->heights[page] * _desk_pdf_view_px_per_pt (self);
}

double
_desk_pdf_view_page_width_px (DeskPdfView *self,
                              guint        page)
{
  return self->widths[page] * _desk_pdf_view_px_per_pt (self);
}

/* Top of @page in content coordinates. */
double
_desk_pdf_view_page_top (DeskPdfView *self,
                         guint        page)
{
  if (self->continuous)
    return self->offsets[page];
  return MAX (MARGIN, (self->viewport_height - _desk_pdf_view_page_height_px (self, page)) / 2);
}

double
_desk_pdf_view_page_left (DeskPdfView *self,
                          guint        page)
{
  double area = MAX (self->viewport_width, self->content_width);

  return MAX (MARGIN, (area - _desk_pdf_view_page_width_px (self, page)) / 2);
}

void
_desk_pdf_view_relayout (DeskPdfView *self)
{
  double k = _desk_pdf_view_px_per_pt (self);
  double y = MARGIN;

  self->content_width = self->content_height = 0;
  if (self->n_pages == 0)
    return;
  if (!self->continuous)
    {
      self->content_width = self->widths[self->page] * k + 2 * MARGIN;
      self->content_height = self->heights[self->page] * k + 2 * MARGIN;
      return;
    }
  for (guint i = 0; i < self->n_pages; i++)
    {
      self->offsets[i] = y;
      y += self->heights[i] * k + PAGE_GAP;
    }
  self->content_width = self->max_width * k + 2 * MARGIN;
  self->content_height = y - PAGE_GAP + MARGIN;
}

/* The last page whose top is at or above @y (continuous layout). */
guint
_desk_pdf_view_page_at_y (DeskPdfView *self,
                          double       y)
{
  guint lo = 0, hi = self->n_pages;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->offsets[mid] <= y)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

void
_desk_pdf_view_visible_range (DeskPdfView *self,
                              guint       *first,
                              guint       *last)
{
  double top = _desk_pdf_view_vvalue (self);
  double bottom = top + self->viewport_height;
  guint  p;

  if (!self->continuous)
    {
      *first = *last = self->page;
      return;
    }
  p = _desk_pdf_view_page_at_y (self, top);
  if (self->offsets[p] + _desk_pdf_view_page_height_px (self, p) < top && p + 1 < self->n_pages)
    p++;
  *first = p;
  while (p + 1 < self->n_pages && self->offsets[p + 1] < bottom)
    p++;
  *last = p;
}

double
_desk_pdf_view_fit_zoom (DeskPdfView *self)
{
  guint  p = self->page;
  double width = self->fit == DESK_PDF_FIT_WIDTH && self->continuous ? self->max_width : self->widths[p];
  double zw = (self->viewport_width - 2 * MARGIN) / (width * PT_TO_PX);
  double zh = (self->viewport_height - 2 * MARGIN) / (self->heights[p] * PT_TO_PX);
  double z = self->fit == DESK_PDF_FIT_PAGE ? MIN (zw, zh) : zw;

  return CLAMP (z, DESK_PDF_VIEW_MIN_ZOOM, DESK_PDF_VIEW_MAX_ZOOM);
}

/* Remembers which point of which page is at the top of the viewport, so a
 * zoom change keeps it there. */
void
_desk_pdf_view_save_anchor (DeskPdfView *self)
{
  double top = _desk_pdf_view_vvalue (self);
  guint  p = self->continuous ? _desk_pdf_view_page_at_y (self, top) : self->page;

  if (self->has_anchor || self->n_pages == 0)
    return;
  self->anchor_page = p;
  self->anchor_frac = (top - _desk_pdf_view_page_top (self, p)) / _desk_pdf_view_page_height_px (self, p);
  self->anchor_px = 0;
  self->has_anchor = TRUE;
}

double
_desk_pdf_view_anchor_value (DeskPdfView *self)
{
  guint p = self->anchor_page;

  if (!self->continuous)
    return self->anchor_frac * _desk_pdf_view_page_height_px (self, p) + self->anchor_px;
  return self->offsets[p] + self->anchor_frac * _desk_pdf_view_page_height_px (self, p) + self->anchor_px;
}

void
_desk_pdf_view_read_page_sizes (DeskPdfView *self)
{
  self->widths = g_new (double, self->n_pages);
  self->heights = g_new (double, self->n_pages);
  self->offsets = g_new0 (double, self->n_pages);
  for (guint i = 0; i < self->n_pages; i++)
    {
      if (!desk_pdf_document_get_page_size (self->document, i, &self->widths[i], &self->heights[i])
          || self->widths[i] < 1 || self->heights[i] < 1)
        self->widths[i] = 595, self->heights[i] = 842;
      self->max_width = MAX (self->max_width, self->widths[i]);
    }
}
