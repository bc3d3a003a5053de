/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-evidence-viewer.h"
#include "desk-evidence.h"
#include "desk-pdf-view.h"

G_BEGIN_DECLS

/* A zoomable picture: fit (DESK_PDF_FIT_*) or a fixed zoom, 1.0 showing one
 * image pixel per logical pixel. desk-evidence-viewer-canvas.c. */
#define DESK_TYPE_IMAGE_CANVAS (desk_image_canvas_get_type ())
G_DECLARE_FINAL_TYPE (DeskImageCanvas, desk_image_canvas, DESK, IMAGE_CANVAS, GtkWidget)

void        desk_image_canvas_set_texture (DeskImageCanvas *self,
                                           GdkTexture      *texture);
GdkTexture *desk_image_canvas_get_texture (DeskImageCanvas *self);
/* The zoom in effect (computed when fitting). */
double     desk_image_canvas_get_zoom (DeskImageCanvas *self);
void       desk_image_canvas_set_zoom (DeskImageCanvas *self,
                                       double           zoom);
DeskPdfFit desk_image_canvas_get_fit (DeskImageCanvas *self);
void       desk_image_canvas_set_fit (DeskImageCanvas *self,
                                      DeskPdfFit       fit);

/* One thumbnail of the sidebar (desk-evidence-viewer-thumbnails.c). */
#define DESK_TYPE_PDF_THUMBNAIL (desk_pdf_thumbnail_get_type ())
G_DECLARE_FINAL_TYPE (DeskPdfThumbnail, desk_pdf_thumbnail, DESK, PDF_THUMBNAIL, GtkWidget)

#define DESK_THUMBNAIL_WIDTH 112

/* Renders @page at THUMBNAIL priority; @document NULL cancels and clears. */
void     desk_pdf_thumbnail_set_page (DeskPdfThumbnail *self,
                                      DeskPdfDocument  *document,
                                      DeskRenderQueue  *queue,
                                      guint             page);
gboolean desk_pdf_thumbnail_has_texture (DeskPdfThumbnail *self);

struct _DeskEvidenceViewer
{
  AdwWindow parent_instance;

  AdwWindowTitle   *window_title;
  GtkToggleButton  *sidebar_button;
  GtkWidget        *page_box;
  GtkEntry         *page_entry;
  GtkLabel         *n_pages_label;
  GtkMenuButton    *zoom_button;
  GtkLabel         *notice_label;
  GtkStack         *stack;
  AdwStatusPage    *error_page;
  AdwStatusPage    *password_page;
  GtkPasswordEntry *password_entry;
  GtkLabel         *password_error;
  GtkButton        *unlock_button;
  AdwFlap          *flap;
  GtkListView      *thumbnails;
  DeskPdfView      *pdf_view;
  DeskImageCanvas  *image_canvas;
  GtkLabel         *image_info;
  GtkTextView      *text_view;
  GtkLabel         *text_info;

  DeskEvidence       *evidence;
  GFile              *file;
  GCancellable       *cancellable;
  DeskPdfDocument    *document;
  DeskRenderQueue    *queue;
  GtkSingleSelection *selection;
  gboolean            syncing_selection;
};

/* desk-evidence-viewer-state.c, below the openers. States of the window's
 * stack: "loading", "pdf", "image", "text", "password", "error". */
const char *_desk_evidence_viewer_get_state (DeskEvidenceViewer *self);
void        _desk_evidence_viewer_set_state (DeskEvidenceViewer *self,
                                             const char         *state);
void        _desk_evidence_viewer_show_error (DeskEvidenceViewer *self,
                                              const GError       *error);
/* The zoom button's tooltip, for the image or the PDF shown. */
void _desk_evidence_viewer_update_zoom_label (DeskEvidenceViewer *self);

/* desk-evidence-viewer-pdf.c */
void _desk_evidence_viewer_open_pdf (DeskEvidenceViewer *self,
                                     const char         *password);
void _desk_evidence_viewer_setup_thumbnails (DeskEvidenceViewer *self);
void _desk_evidence_viewer_update_page (DeskEvidenceViewer *self);

/* desk-evidence-viewer-image.c, desk-evidence-viewer-text.c */
void _desk_evidence_viewer_open_image (DeskEvidenceViewer *self);
void _desk_evidence_viewer_open_text (DeskEvidenceViewer *self);

/* desk-evidence-viewer-thumbnails.c */
GtkListItemFactory *_desk_pdf_thumbnail_factory_new (DeskEvidenceViewer *self);

/* For tests: the widgets behind the stack's pages. */
DeskPdfView     *_desk_evidence_viewer_get_pdf_view (DeskEvidenceViewer *self);
DeskImageCanvas *_desk_evidence_viewer_get_image_canvas (DeskEvidenceViewer *self);

G_END_DECLS
