/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-viewer"

#include "config.h"

#include <math.h>

#include "desk-evidence-viewer-private.h"

struct _DeskImageCanvas
{
  GtkWidget parent_instance;

  GdkTexture *texture;
  DeskPdfFit  fit;
  double      zoom;
  guint       notify_id;
};

enum
{
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskImageCanvas, desk_image_canvas, GTK_TYPE_WIDGET)

static double
fit_zoom (DeskImageCanvas *self,
          int              width,
          int              height)
{
  double zw = (double)width / gdk_texture_get_width (self->texture);
  double zh = (double)height / gdk_texture_get_height (self->texture);

  /* "Fit" never enlarges a small screenshot past its real size. */
  if (self->fit == DESK_PDF_FIT_PAGE)
    return CLAMP (MIN (MIN (zw, zh), 1.0), DESK_PDF_VIEW_MIN_ZOOM / 10, DESK_PDF_VIEW_MAX_ZOOM);
  return CLAMP (zw, DESK_PDF_VIEW_MIN_ZOOM / 10, DESK_PDF_VIEW_MAX_ZOOM);
}

static void
desk_image_canvas_measure (GtkWidget     *widget,
                           GtkOrientation orientation,
                           int            for_size,
                           int           *minimum,
                           int           *natural,
                           int           *minimum_baseline,
                           int           *natural_baseline)
{
  DeskImageCanvas *self = DESK_IMAGE_CANVAS (widget);
  gboolean         horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;
  int              size;

  *minimum = *natural = 0;
  if (self->texture == NULL || self->fit == DESK_PDF_FIT_PAGE || (horizontal && self->fit == DESK_PDF_FIT_WIDTH))
    return;
  size = horizontal ? gdk_texture_get_width (self->texture) : gdk_texture_get_height (self->texture);
  *minimum = *natural = (int)ceil (size * self->zoom);
}

static gboolean
notify_zoom_idle (gpointer data)
{
  DeskImageCanvas *self = data;

  self->notify_id = 0;
  /* Fit width: the height to scroll follows the zoom. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  return G_SOURCE_REMOVE;
}

static void
desk_image_canvas_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  DeskImageCanvas *self = DESK_IMAGE_CANVAS (widget);
  double           zoom;

  if (self->texture == NULL || self->fit == DESK_PDF_FIT_NONE)
    return;
  zoom = fit_zoom (self, width, height);
  if (fabs (zoom - self->zoom) < 1e-4)
    return;
  self->zoom = zoom;
  if (self->notify_id == 0)
    self->notify_id = g_idle_add (notify_zoom_idle, self);
}

static void
desk_image_canvas_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  DeskImageCanvas *self = DESK_IMAGE_CANVAS (widget);
  double           w, h;

  if (self->texture == NULL)
    return;
  w = round (gdk_texture_get_width (self->texture) * self->zoom);
  h = round (gdk_texture_get_height (self->texture) * self->zoom);
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (floor (MAX (0, (gtk_widget_get_width (widget) - w) / 2)),
                                                    floor (MAX (0, (gtk_widget_get_height (widget) - h) / 2)), w, h));
}

static void
desk_image_canvas_dispose (GObject *object)
{
  DeskImageCanvas *self = DESK_IMAGE_CANVAS (object);

  g_clear_handle_id (&self->notify_id, g_source_remove);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (desk_image_canvas_parent_class)->dispose (object);
}

static void
desk_image_canvas_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
      case PROP_ZOOM:
        g_value_set_double (value, DESK_IMAGE_CANVAS (object)->zoom);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_image_canvas_class_init (DeskImageCanvasClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_image_canvas_dispose;
  object_class->get_property = desk_image_canvas_get_property;
  widget_class->measure = desk_image_canvas_measure;
  widget_class->size_allocate = desk_image_canvas_size_allocate;
  widget_class->snapshot = desk_image_canvas_snapshot;

  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, 0, G_MAXDOUBLE, 1.0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "deskimagecanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
desk_image_canvas_init (DeskImageCanvas *self)
{
  self->zoom = 1.0;
  self->fit = DESK_PDF_FIT_PAGE;
}

void
desk_image_canvas_set_texture (DeskImageCanvas *self,
                               GdkTexture      *texture)
{
  g_return_if_fail (DESK_IS_IMAGE_CANVAS (self));

  g_set_object (&self->texture, texture);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GdkTexture *
desk_image_canvas_get_texture (DeskImageCanvas *self)
{
  g_return_val_if_fail (DESK_IS_IMAGE_CANVAS (self), NULL);
  return self->texture;
}

double
desk_image_canvas_get_zoom (DeskImageCanvas *self)
{
  g_return_val_if_fail (DESK_IS_IMAGE_CANVAS (self), 1.0);
  return self->zoom;
}

void
desk_image_canvas_set_zoom (DeskImageCanvas *self,
                            double           zoom)
{
  g_return_if_fail (DESK_IS_IMAGE_CANVAS (self));

  self->fit = DESK_PDF_FIT_NONE;
  self->zoom = CLAMP (zoom, DESK_PDF_VIEW_MIN_ZOOM, DESK_PDF_VIEW_MAX_ZOOM);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

DeskPdfFit
desk_image_canvas_get_fit (DeskImageCanvas *self)
{
  g_return_val_if_fail (DESK_IS_IMAGE_CANVAS (self), DESK_PDF_FIT_NONE);
  return self->fit;
}

void
desk_image_canvas_set_fit (DeskImageCanvas *self,
                           DeskPdfFit       fit)
{
  g_return_if_fail (DESK_IS_IMAGE_CANVAS (self));

  self->fit = fit;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
