/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-chain-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-chain-preview.h"
#include "desk-evidence-store.h"
#include "desk-evidence-viewer.h"
#include "desk-pdf-view.h"

struct _DeskChainPreview
{
  AdwBin parent_instance;

  DeskSession     *session;
  DeskStore       *store; /* the session's */
  gint64           evidence_id;
  GCancellable    *cancellable;
  DeskRenderQueue *queue;

  GtkLabel      *name_label;
  GtkButton     *open_button;
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkWidget     *pdf_view;
  GtkPicture    *picture;
};

G_DEFINE_FINAL_TYPE (DeskChainPreview, desk_chain_preview, ADW_TYPE_BIN)

static void
on_open (DeskChainPreview *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->evidence_id > 0)
    desk_evidence_viewer_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session, self->evidence_id);
}

static void
show_message (DeskChainPreview *self,
              const char       *title,
              const char       *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
open_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfDocument) document = desk_pdf_document_open_finish (result, &error);
  DeskChainPreview *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DESK_CHAIN_PREVIEW (user_data);
  if (document == NULL)
    {
      show_message (self, _ ("Cannot Show This PDF"), error->message);
      return;
    }
  desk_pdf_view_set_document (DESK_PDF_VIEW (self->pdf_view), document, self->queue);
  desk_pdf_view_set_fit (DESK_PDF_VIEW (self->pdf_view), DESK_PDF_FIT_WIDTH);
  gtk_stack_set_visible_child_name (self->stack, "pdf");
}

void
desk_chain_preview_show (DeskChainPreview *self,
                         gint64            evidence_id)
{
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GFile) file = NULL;

  g_return_if_fail (DESK_IS_CHAIN_PREVIEW (self));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->evidence_id = evidence_id;
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), evidence_id > 0);
  if (evidence_id <= 0 || !(evidence = desk_evidence_get (self->store, evidence_id, NULL)))
    {
      gtk_label_set_text (self->name_label, _ ("No document"));
      show_message (self, _ ("No Document Chosen"), _ ("Choose a link’s letter or a trademark certificate to see it here."));
      return;
    }
  name = desk_evidence_dup_display_name (evidence);
  gtk_label_set_text (self->name_label, name);
  path = desk_evidence_get_path (self->store, evidence);
  file = g_file_new_for_path (path);
  switch (desk_evidence_get_kind (evidence))
    {
      case DESK_EVIDENCE_KIND_PDF:
        self->cancellable = g_cancellable_new ();
        gtk_stack_set_visible_child_name (self->stack, "loading");
        desk_pdf_document_open_async (file, NULL, self->cancellable, open_done, self);
        break;
      case DESK_EVIDENCE_KIND_IMAGE:
        gtk_picture_set_file (self->picture, file);
        gtk_stack_set_visible_child_name (self->stack, "image");
        break;
      default:
        show_message (self, name, _ ("This kind of file has no preview here. Open it in the viewer."));
        break;
    }
}

gint64
desk_chain_preview_get_evidence (DeskChainPreview *self)
{
  g_return_val_if_fail (DESK_IS_CHAIN_PREVIEW (self), 0);
  return self->evidence_id;
}

static void
desk_chain_preview_dispose (GObject *object)
{
  DeskChainPreview *self = (DeskChainPreview *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->pdf_view)
    desk_pdf_view_set_document (DESK_PDF_VIEW (self->pdf_view), NULL, NULL);
  g_clear_object (&self->queue);
  self->store = NULL;
  g_clear_object (&self->session);
  G_OBJECT_CLASS (desk_chain_preview_parent_class)->dispose (object);
}

static void
desk_chain_preview_class_init (DeskChainPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = desk_chain_preview_dispose;
}

static GtkWidget *
build_header (DeskChainPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (self->name_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "heading");
  self->open_button = GTK_BUTTON (gtk_button_new_from_icon_name ("view-fullscreen-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_button), _ ("Open in Viewer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Open the document in the viewer"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->open_button), "flat");
  g_signal_connect_swapped (self->open_button, "clicked", G_CALLBACK (on_open), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->open_button));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static void
desk_chain_preview_init (DeskChainPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "x-office-document-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, spinner, "loading");
  self->pdf_view = desk_pdf_view_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pdf_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Document pages"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->pdf_view);
  gtk_stack_add_named (self->stack, scroller, "pdf");
  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Document photo"), -1);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->picture), "image");
  gtk_box_append (GTK_BOX (box), build_header (self));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), box);
  self->queue = desk_render_queue_new (64 << 20);
}

DeskChainPreview *
desk_chain_preview_new (DeskSession *session)
{
  DeskChainPreview *self = g_object_new (DESK_TYPE_CHAIN_PREVIEW, NULL);

  self->session = g_object_ref (session);
  self->store = desk_session_get_store (session);
  desk_chain_preview_show (self, 0);
  return self;
}
