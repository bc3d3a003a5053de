/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-evidence-viewer-private.h"

/* One queue for every viewer window, so its surface cache is bounded once
 * for the process; it goes away with the last window. */
static DeskRenderQueue *
get_shared_queue (void)
{
  static DeskRenderQueue *shared;

  if (shared != NULL)
    return g_object_ref (shared);
  shared = desk_render_queue_new (0);
  g_object_add_weak_pointer (G_OBJECT (shared), (gpointer *)&shared);
  return shared;
}

void
_desk_evidence_viewer_update_page (DeskEvidenceViewer *self)
{
  guint            page = desk_pdf_view_get_page (self->pdf_view);
  guint            n_pages = desk_pdf_view_get_n_pages (self->pdf_view);
  g_autofree char *number = NULL;
  g_autofree char *of = NULL;

  if (n_pages == 0)
    return;
  number = g_strdup_printf ("%u", page + 1);
  /* Translators: after the page number entry in the header bar: "3 / 12" */
  of = g_strdup_printf (_ ("/ %u"), n_pages);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);
  gtk_label_set_text (self->n_pages_label, of);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.prev-page", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.first-page", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-page", page + 1 < n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.last-page", page + 1 < n_pages);
  if (self->selection == NULL || gtk_single_selection_get_selected (self->selection) == page)
    return;
  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, page);
  self->syncing_selection = FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self->thumbnails), "list.scroll-to-item", "u", page);
}

static void
on_selected_changed (DeskEvidenceViewer *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (self->syncing_selection || position == GTK_INVALID_LIST_POSITION)
    return;
  desk_pdf_view_set_page (self->pdf_view, position);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Page numbers as the sidebar's model: a string per page is cheap, and
 * only the rows on screen get a widget. */
static void
set_thumbnail_model (DeskEvidenceViewer *self,
                     guint               n_pages)
{
  g_auto (GStrv) numbers = g_new0 (char *, n_pages + 1);
  GtkStringList *pages;

  for (guint i = 0; i < n_pages; i++)
    numbers[i] = g_strdup_printf ("%u", i + 1);
  pages = gtk_string_list_new ((const char *const *)numbers);
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (pages));
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selected_changed), self);
  gtk_list_view_set_model (self->thumbnails, GTK_SELECTION_MODEL (self->selection));
}

void
_desk_evidence_viewer_setup_thumbnails (DeskEvidenceViewer *self)
{
  g_autoptr (GtkListItemFactory) factory = _desk_pdf_thumbnail_factory_new (self);

  gtk_list_view_set_factory (self->thumbnails, factory);
}

static void
show_document (DeskEvidenceViewer *self,
               DeskPdfDocument    *document)
{
  guint n_pages = desk_pdf_document_get_n_pages (document);

  g_set_object (&self->document, document);
  if (self->queue == NULL)
    self->queue = get_shared_queue ();
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  desk_pdf_view_set_document (self->pdf_view, document, self->queue);
  set_thumbnail_model (self, n_pages);
  adw_flap_set_reveal_flap (self->flap, n_pages > 1 && !adw_flap_get_folded (self->flap));
  _desk_evidence_viewer_set_state (self, "pdf");
  _desk_evidence_viewer_update_page (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->pdf_view));
}

static void
show_password_page (DeskEvidenceViewer *self,
                    const GError       *error)
{
  gboolean wrong = g_error_matches (error, DESK_PDF_ERROR, DESK_PDF_ERROR_BAD_PASSWORD);

  if (!wrong)
    adw_status_page_set_description (self->password_page, error->message);
  gtk_label_set_text (self->password_error, wrong ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->password_error), wrong);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  _desk_evidence_viewer_set_state (self, "password");
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

static void
open_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfDocument) document = desk_pdf_document_open_finish (result, &error);
  DeskEvidenceViewer *self;

  /* Cancelled when the window went away: @user_data may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DESK_EVIDENCE_VIEWER (user_data);
  if (document != NULL)
    show_document (self, document);
  else if (error->domain == DESK_PDF_ERROR
           && (error->code == DESK_PDF_ERROR_ENCRYPTED || error->code == DESK_PDF_ERROR_BAD_PASSWORD))
    show_password_page (self, error);
  else
    _desk_evidence_viewer_show_error (self, error);
}

void
_desk_evidence_viewer_open_pdf (DeskEvidenceViewer *self,
                                const char         *password)
{
  if (password == NULL)
    _desk_evidence_viewer_set_state (self, "loading");
  desk_pdf_document_open_async (self->file, password, self->cancellable, open_done, self);
}
