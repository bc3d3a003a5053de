/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-pdf-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "desk-pdf-view-private.h"

#define SCROLL_STEP 48.0

enum
{
  PROP_0,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_FIT,
  PROP_CONTINUOUS,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskPdfView, desk_pdf_view, GTK_TYPE_WIDGET, G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Scrolling */

static void
set_adjustment_values (DeskPdfView   *self,
                       GtkAdjustment *adj,
                       double         value,
                       double         size,
                       double         content)
{
  if (adj == NULL)
    return;
  self->setting_value = TRUE;
  gtk_adjustment_configure (adj, value, 0, MAX (size, content), size * 0.1, size * 0.9, size);
  self->setting_value = FALSE;
}

static void
update_current_page (DeskPdfView *self)
{
  guint page;

  if (!self->continuous || self->n_pages == 0)
    return;
  page = _desk_pdf_view_page_at_y (self, _desk_pdf_view_vvalue (self) + self->viewport_height / 3.0);
  if (page == self->page)
    return;
  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
adjustment_value_changed (GtkAdjustment *adj,
                          DeskPdfView   *self)
{
  if (!self->setting_value)
    update_current_page (self);
  _desk_pdf_view_update_jobs (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (DeskPdfView    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adj)
{
  if (adj == NULL)
    adj = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adj)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed, self);
  g_set_object (slot, g_object_ref_sink (adj));
  g_object_unref (adj);
  g_signal_connect (adj, "value-changed", G_CALLBACK (adjustment_value_changed), self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* GtkWidget */

static gboolean
notify_zoom_idle (gpointer data)
{
  DeskPdfView *self = data;

  self->notify_zoom_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  return G_SOURCE_REMOVE;
}

static void
desk_pdf_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  DeskPdfView *self = DESK_PDF_VIEW (widget);
  double       value;

  self->viewport_width = width;
  self->viewport_height = height;
  if (self->n_pages > 0 && self->fit != DESK_PDF_FIT_NONE && fabs (_desk_pdf_view_fit_zoom (self) - self->zoom) > 1e-4)
    {
      _desk_pdf_view_save_anchor (self);
      self->zoom = _desk_pdf_view_fit_zoom (self);
      _desk_pdf_view_relayout (self);
      /* Listeners may resize widgets: not while allocating. */
      if (self->notify_zoom_id == 0)
        self->notify_zoom_id = g_idle_add (notify_zoom_idle, self);
    }
  value = self->has_anchor ? _desk_pdf_view_anchor_value (self) : _desk_pdf_view_vvalue (self);
  self->has_anchor = FALSE;
  /* A fitted page never needs a scrollbar for a rounding error. */
  if (self->fit != DESK_PDF_FIT_NONE)
    self->content_width = MIN (self->content_width, width);
  set_adjustment_values (self, self->hadjustment, _desk_pdf_view_hvalue (self), width, self->content_width);
  set_adjustment_values (self, self->vadjustment, value, height, self->content_height);
  _desk_pdf_view_update_jobs (self);
}

static void
desk_pdf_view_measure (GtkWidget     *widget,
                       GtkOrientation orientation,
                       int            for_size,
                       int           *minimum,
                       int           *natural,
                       int           *minimum_baseline,
                       int           *natural_baseline)
{
  DeskPdfView *self = DESK_PDF_VIEW (widget);

  /* GtkScrolledWindow decides from this whether it shows scrollbars
   * before it allocates us (its own minimum size does not depend on it); a
   * wrong guess makes it resize again while allocating. A fitted
   * dimension adapts to any size. */
  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->fit == DESK_PDF_FIT_NONE)
    *minimum = *natural = (int)ceil (self->content_width);
  else if (orientation == GTK_ORIENTATION_VERTICAL && (self->fit != DESK_PDF_FIT_PAGE || self->continuous))
    *minimum = *natural = (int)ceil (self->content_height);
}

static void
draw_placeholder (DeskPdfView           *self,
                  GtkSnapshot           *snapshot,
                  guint                  page,
                  const graphene_rect_t *rect)
{
  g_autoptr (PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  GdkRGBA          grey = { 0.55, 0.55, 0.55, 1 };
  int              w, h;

  if (_desk_pdf_view_page_failed (self, page))
    /* Translators: drawn on a page that failed to render; %u is its number */
    text = g_strdup_printf (_ ("Page %u cannot be shown"), page + 1);
  else
    text = g_strdup_printf ("%u", page + 1);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect->origin.x + (rect->size.width - w) / 2,
                                                          rect->origin.y + (rect->size.height - h) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &grey);
  gtk_snapshot_restore (snapshot);
}

static void
draw_page (DeskPdfView *self,
           GtkSnapshot *snapshot,
           guint        page)
{
  GdkTexture     *texture = _desk_pdf_view_get_texture (self, page);
  GdkRGBA         border = { 0, 0, 0, 0.25 };
  GdkRGBA         white = { 1, 1, 1, 1 };
  graphene_rect_t rect;

  graphene_rect_init (&rect, floor (_desk_pdf_view_page_left (self, page) - _desk_pdf_view_hvalue (self)), floor (_desk_pdf_view_page_top (self, page) - _desk_pdf_view_vvalue (self)),
                      round (_desk_pdf_view_page_width_px (self, page)), round (_desk_pdf_view_page_height_px (self, page)));
  gtk_snapshot_append_color (snapshot, &border, &GRAPHENE_RECT_INIT (rect.origin.x - 1, rect.origin.y - 1, rect.size.width + 2, rect.size.height + 2));
  gtk_snapshot_append_color (snapshot, &white, &rect);
  if (texture != NULL)
    gtk_snapshot_append_texture (snapshot, texture, &rect);
  else
    draw_placeholder (self, snapshot, page, &rect);
}

static void
desk_pdf_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  DeskPdfView *self = DESK_PDF_VIEW (widget);
  GdkRGBA      shade = { 0, 0, 0, 0.06 };
  guint        first, last;

  gtk_snapshot_append_color (snapshot, &shade,
                             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget)));
  if (self->n_pages == 0)
    return;
  _desk_pdf_view_visible_range (self, &first, &last);
  for (guint p = first; p <= last; p++)
    draw_page (self, snapshot, p);
}

static void
desk_pdf_view_dispose (GObject *object)
{
  DeskPdfView *self = DESK_PDF_VIEW (object);

  desk_pdf_view_set_document (self, NULL, NULL);
  _desk_pdf_view_render_dispose (self);
  g_clear_handle_id (&self->notify_zoom_id, g_source_remove);
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (desk_pdf_view_parent_class)->dispose (object);
}

static void
desk_pdf_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DeskPdfView *self = DESK_PDF_VIEW (object);

  switch (prop_id)
    {
      case PROP_PAGE:
        g_value_set_uint (value, self->page);
        break;
      case PROP_ZOOM:
        g_value_set_double (value, self->zoom);
        break;
      case PROP_FIT:
        g_value_set_int (value, self->fit);
        break;
      case PROP_CONTINUOUS:
        g_value_set_boolean (value, self->continuous);
        break;
      case PROP_HADJUSTMENT:
        g_value_set_object (value, self->hadjustment);
        break;
      case PROP_VADJUSTMENT:
        g_value_set_object (value, self->vadjustment);
        break;
      case PROP_HSCROLL_POLICY:
        g_value_set_enum (value, self->hscroll_policy);
        break;
      case PROP_VSCROLL_POLICY:
        g_value_set_enum (value, self->vscroll_policy);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_pdf_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DeskPdfView *self = DESK_PDF_VIEW (object);

  switch (prop_id)
    {
      case PROP_PAGE:
        desk_pdf_view_set_page (self, g_value_get_uint (value));
        break;
      case PROP_ZOOM:
        desk_pdf_view_set_zoom (self, g_value_get_double (value));
        break;
      case PROP_FIT:
        desk_pdf_view_set_fit (self, g_value_get_int (value));
        break;
      case PROP_CONTINUOUS:
        desk_pdf_view_set_continuous (self, g_value_get_boolean (value));
        break;
      case PROP_HADJUSTMENT:
        set_adjustment (self, &self->hadjustment, g_value_get_object (value));
        break;
      case PROP_VADJUSTMENT:
        set_adjustment (self, &self->vadjustment, g_value_get_object (value));
        break;
      case PROP_HSCROLL_POLICY:
        self->hscroll_policy = g_value_get_enum (value);
        break;
      case PROP_VSCROLL_POLICY:
        self->vscroll_policy = g_value_get_enum (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Keyboard and pointer */

static void
scroll_by (DeskPdfView   *self,
           GtkAdjustment *adj,
           double         delta)
{
  if (adj != NULL)
    gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + delta);
}

static void
scroll_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DeskPdfView *self = DESK_PDF_VIEW (widget);
  int          dx, dy;

  g_variant_get (param, "(ii)", &dx, &dy);
  scroll_by (self, self->hadjustment, dx * SCROLL_STEP);
  scroll_by (self, self->vadjustment, dy * SCROLL_STEP);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           DeskPdfView              *self)
{
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((mods & GDK_CONTROL_MASK) == 0 || dy == 0 || self->n_pages == 0)
    return FALSE;
  desk_pdf_view_set_zoom (self, desk_zoom_step (self->zoom, dy < 0));
  return TRUE;
}

static void
add_scroll_binding (GtkWidgetClass *widget_class,
                    guint           keyval,
                    int             dx,
                    int             dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "view.scroll", "(ii)", dx, dy);
}

static void
desk_pdf_view_class_init (DeskPdfViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_pdf_view_dispose;
  object_class->get_property = desk_pdf_view_get_property;
  object_class->set_property = desk_pdf_view_set_property;
  widget_class->measure = desk_pdf_view_measure;
  widget_class->size_allocate = desk_pdf_view_size_allocate;
  widget_class->snapshot = desk_pdf_view_snapshot;

  properties[PROP_PAGE] = g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, DESK_PDF_VIEW_MIN_ZOOM, DESK_PDF_VIEW_MAX_ZOOM, 1.0,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FIT] = g_param_spec_int ("fit", NULL, NULL, DESK_PDF_FIT_NONE, DESK_PDF_FIT_PAGE, DESK_PDF_FIT_WIDTH,
                                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTINUOUS] = g_param_spec_boolean ("continuous", NULL, NULL, TRUE,
                                                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "view.scroll", "(ii)", scroll_action);
  add_scroll_binding (widget_class, GDK_KEY_Up, 0, -1);
  add_scroll_binding (widget_class, GDK_KEY_Down, 0, 1);
  add_scroll_binding (widget_class, GDK_KEY_Left, -1, 0);
  add_scroll_binding (widget_class, GDK_KEY_Right, 1, 0);
  gtk_widget_class_set_css_name (widget_class, "deskpdfview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
desk_pdf_view_init (DeskPdfView *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  self->zoom = 1.0;
  self->fit = DESK_PDF_FIT_WIDTH;
  self->continuous = TRUE;
  _desk_pdf_view_render_init (self);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

/* Public API */

GtkWidget *
desk_pdf_view_new (void)
{
  return g_object_new (DESK_TYPE_PDF_VIEW, NULL);
}

static void
clear_document (DeskPdfView *self)
{
  _desk_pdf_view_render_clear (self);
  g_clear_object (&self->document);
  g_clear_object (&self->queue);
  g_clear_pointer (&self->widths, g_free);
  g_clear_pointer (&self->heights, g_free);
  g_clear_pointer (&self->offsets, g_free);
  self->n_pages = 0;
  self->page = 0;
  self->max_width = 0;
}

void
desk_pdf_view_set_document (DeskPdfView     *self,
                            DeskPdfDocument *document,
                            DeskRenderQueue *queue)
{
  g_return_if_fail (DESK_IS_PDF_VIEW (self));
  g_return_if_fail (document == NULL || DESK_IS_RENDER_QUEUE (queue));

  if (document == self->document)
    return;
  clear_document (self);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->queue = g_object_ref (queue);
      self->n_pages = desk_pdf_document_get_n_pages (document);
      _desk_pdf_view_read_page_sizes (self);
    }
  _desk_pdf_view_relayout (self);
  self->has_anchor = FALSE;
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

DeskPdfDocument *
desk_pdf_view_get_document (DeskPdfView *self)
{
  g_return_val_if_fail (DESK_IS_PDF_VIEW (self), NULL);
  return self->document;
}

guint
desk_pdf_view_get_n_pages (DeskPdfView *self)
{
  g_return_val_if_fail (DESK_IS_PDF_VIEW (self), 0);
  return self->n_pages;
}

guint
desk_pdf_view_get_page (DeskPdfView *self)
{
  g_return_val_if_fail (DESK_IS_PDF_VIEW (self), 0);
  return self->page;
}

void
desk_pdf_view_set_page (DeskPdfView *self,
                        guint        page)
{
  g_return_if_fail (DESK_IS_PDF_VIEW (self));

  if (self->n_pages == 0)
    return;
  page = MIN (page, self->n_pages - 1);
  self->anchor_page = page;
  self->anchor_frac = 0;
  self->anchor_px = self->continuous ? -MARGIN : 0;
  self->has_anchor = TRUE;
  if (page != self->page)
    {
      self->page = page;
      _desk_pdf_view_relayout (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
desk_pdf_view_get_zoom (DeskPdfView *self)
{
  g_return_val_if_fail (DESK_IS_PDF_VIEW (self), 1.0);
  return self->zoom;
}

void
desk_pdf_view_set_zoom (DeskPdfView *self,
                        double       zoom)
{
  g_return_if_fail (DESK_IS_PDF_VIEW (self));

  zoom = CLAMP (zoom, DESK_PDF_VIEW_MIN_ZOOM, DESK_PDF_VIEW_MAX_ZOOM);
  desk_pdf_view_set_fit (self, DESK_PDF_FIT_NONE);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;
  _desk_pdf_view_save_anchor (self);
  self->zoom = zoom;
  _desk_pdf_view_relayout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

DeskPdfFit
desk_pdf_view_get_fit (DeskPdfView *self)
{
  g_return_val_if_fail (DESK_IS_PDF_VIEW (self), DESK_PDF_FIT_NONE);
  return self->fit;
}

void
desk_pdf_view_set_fit (DeskPdfView *self,
                       DeskPdfFit   fit)
{
  g_return_if_fail (DESK_IS_PDF_VIEW (self));

  if (fit == self->fit)
    return;
  self->fit = fit;
  /* The fitted zoom depends only on the viewport we have: take it now, so
   * the zoom is right at once and not only after the next frame (which a
   * loaded machine may draw much later). */
  if (fit != DESK_PDF_FIT_NONE && self->n_pages > 0 && self->viewport_width > 0 && self->viewport_height > 0
      && fabs (_desk_pdf_view_fit_zoom (self) - self->zoom) > 1e-4)
    {
      _desk_pdf_view_save_anchor (self);
      self->zoom = _desk_pdf_view_fit_zoom (self);
      _desk_pdf_view_relayout (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT]);
}

gboolean
desk_pdf_view_get_continuous (DeskPdfView *self)
{
  g_return_val_if_fail (DESK_IS_PDF_VIEW (self), TRUE);
  return self->continuous;
}

void
desk_pdf_view_set_continuous (DeskPdfView *self,
                              gboolean     continuous)
{
  g_return_if_fail (DESK_IS_PDF_VIEW (self));

  continuous = !!continuous;
  if (continuous == self->continuous)
    return;
  self->continuous = continuous;
  _desk_pdf_view_relayout (self);
  desk_pdf_view_set_page (self, self->page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTINUOUS]);
}
