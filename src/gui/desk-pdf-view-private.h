/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-pdf-view.h"

G_BEGIN_DECLS

#define PT_TO_PX (96.0 / 72.0)
#define MARGIN   12.0

struct _DeskPdfView
{
  GtkWidget parent_instance;

  DeskPdfDocument *document;
  DeskRenderQueue *queue;
  guint            n_pages;
  double          *widths; /* points */
  double          *heights;
  double           max_width;
  double          *offsets; /* page tops in logical pixels */
  double           content_width;
  double           content_height;
  int              viewport_width;
  int              viewport_height;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
  guint          continuous : 1;
  guint          setting_value : 1;
  guint          has_anchor : 1;

  DeskPdfFit fit;
  double     zoom;
  guint      page;
  guint      anchor_page;
  double     anchor_frac; /* of the anchor page's height, at the top */
  double     anchor_px;
  guint      notify_zoom_id;

  GHashTable *jobs;     /* page → Job, owned by its callback */
  GHashTable *textures; /* page → PageTexture */
  GHashTable *failed;   /* pages the renderer refused */
  gsize       texture_bytes;
};

static inline double
_desk_pdf_view_px_per_pt (DeskPdfView *self)
{
  return self->zoom * PT_TO_PX;
}

static inline double
_desk_pdf_view_vvalue (DeskPdfView *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static inline double
_desk_pdf_view_hvalue (DeskPdfView *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

/* Layout (desk-pdf-view-layout.c): logical pixels in content coordinates. */
double _desk_pdf_view_page_height_px (DeskPdfView *self,
                                      guint        page);
double _desk_pdf_view_page_width_px (DeskPdfView *self,
                                     guint        page);
double _desk_pdf_view_page_top (DeskPdfView *self,
                                guint        page);
double _desk_pdf_view_page_left (DeskPdfView *self,
                                 guint        page);
void   _desk_pdf_view_relayout (DeskPdfView *self);
guint  _desk_pdf_view_page_at_y (DeskPdfView *self,
                                 double       y);
void   _desk_pdf_view_visible_range (DeskPdfView *self,
                                     guint       *first,
                                     guint       *last);
double _desk_pdf_view_fit_zoom (DeskPdfView *self);
void   _desk_pdf_view_save_anchor (DeskPdfView *self);
double _desk_pdf_view_anchor_value (DeskPdfView *self);
void   _desk_pdf_view_read_page_sizes (DeskPdfView *self);

/* Rendering (desk-pdf-view-render.c): jobs on the DeskRenderQueue and the
 * pictures they bring back. */
void        _desk_pdf_view_render_init (DeskPdfView *self);
void        _desk_pdf_view_render_clear (DeskPdfView *self);
void        _desk_pdf_view_render_dispose (DeskPdfView *self);
void        _desk_pdf_view_update_jobs (DeskPdfView *self);
double      _desk_pdf_view_render_scale (DeskPdfView *self,
                                         guint        page);
GdkTexture *_desk_pdf_view_get_texture (DeskPdfView *self,
                                        guint        page);
gboolean    _desk_pdf_view_page_failed (DeskPdfView *self,
                                        guint        page);

G_END_DECLS
