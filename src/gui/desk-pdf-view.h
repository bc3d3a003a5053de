/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "desk-pdf-document.h"
#include "desk-render-queue.h"

G_BEGIN_DECLS

typedef enum
{
  DESK_PDF_FIT_NONE,  /* the zoom property is used as it is */
  DESK_PDF_FIT_WIDTH, /* the widest page fills the viewport's width */
  DESK_PDF_FIT_PAGE,  /* the current page fits the viewport */
} DeskPdfFit;

#define DESK_PDF_VIEW_MIN_ZOOM 0.1
#define DESK_PDF_VIEW_MAX_ZOOM 4.0

#define DESK_TYPE_PDF_VIEW (desk_pdf_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskPdfView, desk_pdf_view, DESK, PDF_VIEW, GtkWidget)

/* The page canvas of the evidence viewer: a GtkScrollable (put it straight
 * into a GtkScrolledWindow) that lays out the pages of a DeskPdfDocument
 * vertically (or shows one page at a time), asks @queue to render only the
 * pages in the viewport (VISIBLE) and two on either side (NEIGHBOUR), draws
 * a blank page with its number until the picture arrives, and renders at
 * zoom × device scale so text stays sharp on HiDPI screens. Zoom 1.0 shows a
 * point as 96/72 logical pixels. No widget per page: 1000 pages cost 1000
 * offsets. */
GtkWidget *desk_pdf_view_new (void);
/* Drops the previous document: its queued renders are cancelled. */
void             desk_pdf_view_set_document (DeskPdfView     *self,
                                             DeskPdfDocument *document,
                                             DeskRenderQueue *queue);
DeskPdfDocument *desk_pdf_view_get_document (DeskPdfView *self);
guint            desk_pdf_view_get_n_pages (DeskPdfView *self);

/* 0-based; the page at the top third of the viewport when continuous. */
guint  desk_pdf_view_get_page (DeskPdfView *self);
void   desk_pdf_view_set_page (DeskPdfView *self,
                               guint        page);
double desk_pdf_view_get_zoom (DeskPdfView *self);
/* Sets the fit mode to DESK_PDF_FIT_NONE. */
void       desk_pdf_view_set_zoom (DeskPdfView *self,
                                   double       zoom);
DeskPdfFit desk_pdf_view_get_fit (DeskPdfView *self);
void       desk_pdf_view_set_fit (DeskPdfView *self,
                                  DeskPdfFit   fit);
gboolean   desk_pdf_view_get_continuous (DeskPdfView *self);
void       desk_pdf_view_set_continuous (DeskPdfView *self,
                                         gboolean     continuous);

/* Pixels per PDF point the view renders at (zoom × 96/72 × scale factor). */
double desk_pdf_view_get_render_scale (DeskPdfView *self);
/* Pages whose picture (at any scale) the view holds, and renders in flight. */
guint    desk_pdf_view_get_n_textures (DeskPdfView *self);
guint    desk_pdf_view_get_n_pending (DeskPdfView *self);
gboolean desk_pdf_view_has_texture (DeskPdfView *self,
                                    guint        page);

/* The next zoom step above (@zoom_in) or below @zoom, clamped. */
double desk_zoom_step (double   zoom,
                       gboolean zoom_in);
/* Wraps a CAIRO_FORMAT_ARGB32 image surface without copying; the texture
 * keeps a reference to it. */
GdkTexture *desk_texture_new_for_surface (cairo_surface_t *surface);

G_END_DECLS
