/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-evidence-viewer-private.h"

struct _DeskPdfThumbnail
{
  GtkWidget parent_instance;

  GdkTexture   *texture;
  GCancellable *cancellable; /* of the request in flight, if any */
  double        ratio;       /* page height / width */
};

G_DEFINE_FINAL_TYPE (DeskPdfThumbnail, desk_pdf_thumbnail, GTK_TYPE_WIDGET)

typedef struct
{
  DeskPdfThumbnail *thumbnail; /* a reference, until the answer */
  GCancellable     *cancellable;
} Request;

static void
desk_pdf_thumbnail_measure (GtkWidget     *widget,
                            GtkOrientation orientation,
                            int            for_size,
                            int           *minimum,
                            int           *natural,
                            int           *minimum_baseline,
                            int           *natural_baseline)
{
  DeskPdfThumbnail *self = DESK_PDF_THUMBNAIL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = DESK_THUMBNAIL_WIDTH;
  else
    *minimum = *natural = (int)(DESK_THUMBNAIL_WIDTH * self->ratio + 0.5);
}

static void
desk_pdf_thumbnail_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  DeskPdfThumbnail *self = DESK_PDF_THUMBNAIL (widget);
  int               width = gtk_widget_get_width (widget);
  int               height = gtk_widget_get_height (widget);
  GdkRGBA           border = { 0, 0, 0, 0.3 };
  GdkRGBA           white = { 1, 1, 1, 1 };
  graphene_rect_t   rect = GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2);

  gtk_snapshot_append_color (snapshot, &border, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_color (snapshot, &white, &rect);
  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &rect);
}

static void
cancel_request (DeskPdfThumbnail *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
desk_pdf_thumbnail_dispose (GObject *object)
{
  DeskPdfThumbnail *self = DESK_PDF_THUMBNAIL (object);

  cancel_request (self);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (desk_pdf_thumbnail_parent_class)->dispose (object);
}

static void
desk_pdf_thumbnail_class_init (DeskPdfThumbnailClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_pdf_thumbnail_dispose;
  widget_class->measure = desk_pdf_thumbnail_measure;
  widget_class->snapshot = desk_pdf_thumbnail_snapshot;
  gtk_widget_class_set_css_name (widget_class, "deskpdfthumbnail");
}

static void
desk_pdf_thumbnail_init (DeskPdfThumbnail *self)
{
  self->ratio = 842.0 / 595.0;
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

static void
request_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Request          *request = user_data;
  DeskPdfThumbnail *self = request->thumbnail;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface = desk_render_queue_render_finish (DESK_RENDER_QUEUE (source), result, &error);

  /* Only the latest request of a row still bound counts. */
  if (surface != NULL && self->cancellable == request->cancellable)
    {
      g_clear_object (&self->cancellable);
      g_set_object (&self->texture, NULL);
      self->texture = desk_texture_new_for_surface (surface);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Thumbnail not rendered: %s", error->message);
  g_clear_pointer (&surface, cairo_surface_destroy);
  g_object_unref (request->thumbnail);
  g_object_unref (request->cancellable);
  g_free (request);
}

void
desk_pdf_thumbnail_set_page (DeskPdfThumbnail *self,
                             DeskPdfDocument  *document,
                             DeskRenderQueue  *queue,
                             guint             page)
{
  double   width = 595, height = 842;
  Request *request;

  cancel_request (self);
  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (document == NULL || queue == NULL)
    return;
  if (!desk_pdf_document_get_page_size (document, page, &width, &height) || width < 1 || height < 1)
    width = 595, height = 842;
  self->ratio = CLAMP (height / width, 0.25, 3.0);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  request = g_new0 (Request, 1);
  request->thumbnail = g_object_ref (self);
  request->cancellable = g_object_ref (self->cancellable);
  desk_render_queue_render_async (queue, document, page,
                                  DESK_THUMBNAIL_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self)) / width,
                                  DESK_RENDER_PRIORITY_THUMBNAIL, self->cancellable, request_done, request);
}

gboolean
desk_pdf_thumbnail_has_texture (DeskPdfThumbnail *self)
{
  return self->texture != NULL;
}

/* Rows: a thumbnail over its page number. */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), g_object_new (DESK_TYPE_PDF_THUMBNAIL, NULL));
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          DeskEvidenceViewer       *self)
{
  GtkWidget       *box = gtk_list_item_get_child (item);
  GtkWidget       *thumbnail = gtk_widget_get_first_child (box);
  guint            page = gtk_list_item_get_position (item);
  g_autofree char *label = g_strdup_printf ("%u", page + 1);
  /* Translators: accessible name of a page thumbnail */
  g_autofree char *name = g_strdup_printf (_ ("Page %u"), page + 1);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  desk_pdf_thumbnail_set_page (DESK_PDF_THUMBNAIL (thumbnail), self->document, self->queue, page);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  desk_pdf_thumbnail_set_page (DESK_PDF_THUMBNAIL (gtk_widget_get_first_child (box)), NULL, NULL, 0);
}

GtkListItemFactory *
_desk_pdf_thumbnail_factory_new (DeskEvidenceViewer *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  return factory;
}
