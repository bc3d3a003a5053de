/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-evidence-store.h"
#include "desk-evidence-viewer-private.h"
#include "desk-image-info.h"
#include "desk-pdf-document.h"

/* The page the viewer shows ("loading", "pdf", "image", "text", "password",
 * "error") and the header bar that goes with it. Every way of opening a
 * file ends here; this file opens none, so the openers need not call back
 * into desk-evidence-viewer.c. */

const char *
_desk_evidence_viewer_get_state (DeskEvidenceViewer *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

void
_desk_evidence_viewer_set_state (DeskEvidenceViewer *self,
                                 const char         *state)
{
  gboolean pdf = g_str_equal (state, "pdf");
  gboolean image = g_str_equal (state, "image");

  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), pdf);
  gtk_widget_set_visible (self->page_box, pdf);
  gtk_widget_set_visible (GTK_WIDGET (self->zoom_button), pdf || image);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.continuous", pdf);
  gtk_stack_set_visible_child_name (self->stack, state);
  _desk_evidence_viewer_update_zoom_label (self);
}

void
_desk_evidence_viewer_update_zoom_label (DeskEvidenceViewer *self)
{
  g_autofree char *label = NULL;
  double           zoom;

  if (g_str_equal (_desk_evidence_viewer_get_state (self), "image"))
    zoom = desk_image_canvas_get_zoom (self->image_canvas);
  else
    zoom = desk_pdf_view_get_zoom (self->pdf_view);
  /* Translators: tooltip of the zoom menu button, e.g. "Zoom: 125%" */
  label = g_strdup_printf (_ ("Zoom: %d%%"), (int)(zoom * 100 + 0.5));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->zoom_button), label);
}

/* Error page */

static const char *
pdf_error_title (int code)
{
  switch (code)
    {
      case DESK_PDF_ERROR_INVALID:
        return _ ("This PDF Is Damaged");
      case DESK_PDF_ERROR_EMPTY:
        return _ ("This File Is Empty");
      case DESK_PDF_ERROR_NOT_PDF:
        return _ ("This File Is Not a PDF");
      case DESK_PDF_ERROR_TOO_LARGE:
        return _ ("This File Is Too Large to Preview");
      default:
        return _ ("This File Cannot Be Read");
    }
}

static const char *
error_title (const GError *error)
{
  if (error->domain == DESK_PDF_ERROR)
    return pdf_error_title (error->code);
  if (error->domain == DESK_IMAGE_ERROR && error->code == DESK_IMAGE_ERROR_EMPTY)
    return _ ("This File Is Empty");
  if (error->domain == DESK_IMAGE_ERROR || error->domain == GDK_TEXTURE_ERROR)
    return _ ("This Image Cannot Be Shown");
  if (g_error_matches (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_NOT_FOUND))
    return _ ("This Evidence Item Is Gone");
  return _ ("This File Cannot Be Shown");
}

static const char *
error_description (const GError *error)
{
  /* GdkTexture's own messages do not say what to do. */
  if (error->domain == GDK_TEXTURE_ERROR)
    return _ ("The image is damaged or in a format this system cannot read. Save it again as PNG or JPEG and add "
              "the new copy.");
  return error->message;
}

void
_desk_evidence_viewer_show_error (DeskEvidenceViewer *self,
                                  const GError       *error)
{
  adw_status_page_set_title (self->error_page, error_title (error));
  adw_status_page_set_description (self->error_page, error_description (error));
  _desk_evidence_viewer_set_state (self, "error");
}
