/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-pdf-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "desk-pdf-view.h"

#define PT_TO_PX     (96.0 / 72.0)
#define PAGE_GAP     12.0
#define MARGIN       12.0
#define N_NEIGHBOURS 2
#define SCROLL_STEP  48.0
/* Pictures the view keeps beyond what is on screen, by bytes; the render
 * queue's LRU cache bounds the surfaces it holds itself. */
#define TEXTURE_BUDGET ((gsize)160 * 1024 * 1024)

typedef struct
{
  GWeakRef           view;
  guint              page;
  double             scale;
  DeskRenderPriority priority;
  GCancellable      *cancellable;
} Job;

typedef struct
{
  GdkTexture *texture;
  double      scale;
  gsize       bytes;
} PageTexture;

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

GdkTexture *
desk_texture_new_for_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize)stride * height,
                                      (GDestroyNotify)cairo_surface_destroy, cairo_surface_reference (surface));
  /* GDK_MEMORY_DEFAULT is cairo's ARGB32: premultiplied BGRA on little
   * endian, ARGB on big endian. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
page_texture_free (PageTexture *pt)
{
  g_clear_object (&pt->texture);
  g_free (pt);
}

static void
job_free (Job *job)
{
  g_weak_ref_clear (&job->view);
  g_clear_object (&job->cancellable);
  g_free (job);
}

/* Layout */

static double
px_per_pt (DeskPdfView *self)
{
  return self->zoom * PT_TO_PX;
}

static double
page_height_px (DeskPdfView *self,
                guint        page)
{
  return self->heights[page] * px_per_pt (self);
}

static double
page_width_px (DeskPdfView *self,
               guint        page)
{
  return self->widths[page] * px_per_pt (self);
}

/* Top of @page in content coordinates. */
static double
page_top (DeskPdfView *self,
          guint        page)
{
  if (self->continuous)
    return self->offsets[page];
  return MAX (MARGIN, (self->viewport_height - page_height_px (self, page)) / 2);
}

static double
page_left (DeskPdfView *self,
           guint        page)
{
  double area = MAX (self->viewport_width, self->content_width);

  return MAX (MARGIN, (area - page_width_px (self, page)) / 2);
}

static void
relayout (DeskPdfView *self)
{
  double k = px_per_pt (self);
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
static guint
page_at_y (DeskPdfView *self,
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

static double
vvalue (DeskPdfView *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static double
hvalue (DeskPdfView *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static void
visible_range (DeskPdfView *self,
               guint       *first,
               guint       *last)
{
  double top = vvalue (self);
  double bottom = top + self->viewport_height;
  guint  p;

  if (!self->continuous)
    {
      *first = *last = self->page;
      return;
    }
  p = page_at_y (self, top);
  if (self->offsets[p] + page_height_px (self, p) < top && p + 1 < self->n_pages)
    p++;
  *first = p;
  while (p + 1 < self->n_pages && self->offsets[p + 1] < bottom)
    p++;
  *last = p;
}

static double
fit_zoom (DeskPdfView *self)
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
static void
save_anchor (DeskPdfView *self)
{
  double top = vvalue (self);
  guint  p = self->continuous ? page_at_y (self, top) : self->page;

  if (self->has_anchor || self->n_pages == 0)
    return;
  self->anchor_page = p;
  self->anchor_frac = (top - page_top (self, p)) / page_height_px (self, p);
  self->anchor_px = 0;
  self->has_anchor = TRUE;
}

static double
anchor_value (DeskPdfView *self)
{
  guint p = self->anchor_page;

  if (!self->continuous)
    return self->anchor_frac * page_height_px (self, p) + self->anchor_px;
  return self->offsets[p] + self->anchor_frac * page_height_px (self, p) + self->anchor_px;
}

/* Jobs and textures */

static double
render_scale (DeskPdfView *self,
              guint        page)
{
  double scale = px_per_pt (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double max_scale = sqrt ((double)DESK_RENDER_MAX_PIXELS / (self->widths[page] * self->heights[page]));

  /* Rounded so that equal layouts ask for the same cache key. */
  return floor (MIN (scale, max_scale * 0.99) * 10000) / 10000;
}

static void render_done (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data);

static void
request_page (DeskPdfView       *self,
              guint              page,
              DeskRenderPriority priority)
{
  gpointer     key = GUINT_TO_POINTER (page);
  double       scale = render_scale (self, page);
  PageTexture *pt = g_hash_table_lookup (self->textures, key);
  Job         *job = g_hash_table_lookup (self->jobs, key);

  if ((pt != NULL && pt->scale == scale) || g_hash_table_contains (self->failed, key))
    return;
  if (job != NULL && job->scale == scale && job->priority <= priority)
    return;
  /* Resubmitted rather than left waiting behind lower priorities. */
  if (job != NULL)
    g_cancellable_cancel (job->cancellable);
  job = g_new0 (Job, 1);
  g_weak_ref_init (&job->view, self);
  job->page = page;
  job->scale = scale;
  job->priority = priority;
  job->cancellable = g_cancellable_new ();
  g_hash_table_replace (self->jobs, key, job);
  desk_render_queue_render_async (self->queue, self->document, page, scale, priority, job->cancellable,
                                  render_done, job);
}

static void
cancel_jobs_outside (DeskPdfView *self,
                     guint        lo,
                     guint        hi)
{
  GHashTableIter iter;
  gpointer       key;
  Job           *job;

  g_hash_table_iter_init (&iter, self->jobs);
  while (g_hash_table_iter_next (&iter, &key, (gpointer *)&job))
    {
      guint page = GPOINTER_TO_UINT (key);

      if (page < lo || page > hi || job->scale != render_scale (self, page))
        {
          g_hash_table_iter_remove (&iter);
          g_cancellable_cancel (job->cancellable);
        }
    }
}

static guint
page_distance (DeskPdfView *self,
               guint        page)
{
  return page > self->page ? page - self->page : self->page - page;
}

/* Drops the pictures farthest from the current page until the budget
 * holds, never one of the pages in [@lo, @hi]. */
static void
evict_textures (DeskPdfView *self,
                guint        lo,
                guint        hi)
{
  while (self->texture_bytes > TEXTURE_BUDGET)
    {
      GHashTableIter iter;
      gpointer       key, far = NULL;

      g_hash_table_iter_init (&iter, self->textures);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint page = GPOINTER_TO_UINT (key);

          if ((page < lo || page > hi)
              && (far == NULL || page_distance (self, page) > page_distance (self, GPOINTER_TO_UINT (far) - 1)))
            far = GUINT_TO_POINTER (page + 1);
        }
      if (far == NULL)
        return;
      key = GUINT_TO_POINTER (GPOINTER_TO_UINT (far) - 1);
      self->texture_bytes -= ((PageTexture *)g_hash_table_lookup (self->textures, key))->bytes;
      g_hash_table_remove (self->textures, key);
    }
}

static void
update_jobs (DeskPdfView *self)
{
  guint first, last, lo, hi;

  if (self->n_pages == 0 || self->queue == NULL || self->viewport_height <= 0)
    return;
  visible_range (self, &first, &last);
  lo = first >= N_NEIGHBOURS ? first - N_NEIGHBOURS : 0;
  hi = MIN (last + N_NEIGHBOURS, self->n_pages - 1);
  cancel_jobs_outside (self, lo, hi);
  for (guint p = first; p <= last; p++)
    request_page (self, p, DESK_RENDER_PRIORITY_VISIBLE);
  for (guint p = lo; p <= hi; p++)
    if (p < first || p > last)
      request_page (self, p, DESK_RENDER_PRIORITY_NEIGHBOUR);
  evict_textures (self, first, last);
}

static void
store_texture (DeskPdfView     *self,
               Job             *job,
               cairo_surface_t *surface)
{
  PageTexture *pt = g_new0 (PageTexture, 1);
  PageTexture *old = g_hash_table_lookup (self->textures, GUINT_TO_POINTER (job->page));

  if (old != NULL)
    self->texture_bytes -= old->bytes;
  pt->texture = desk_texture_new_for_surface (surface);
  pt->scale = job->scale;
  pt->bytes = (gsize)cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface);
  self->texture_bytes += pt->bytes;
  g_hash_table_replace (self->textures, GUINT_TO_POINTER (job->page), pt);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPdfView) self = g_weak_ref_get (&job->view);
  cairo_surface_t *surface = desk_render_queue_render_finish (DESK_RENDER_QUEUE (source), result, &error);
  gpointer         key = GUINT_TO_POINTER (job->page);

  /* A view being disposed has no table; a replaced job is not in it. */
  if (self != NULL && self->jobs != NULL && g_hash_table_lookup (self->jobs, key) == job)
    {
      g_hash_table_steal (self->jobs, key);
      if (surface != NULL)
        store_texture (self, job, surface);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Page %u not rendered: %s", job->page + 1, error->message);
          g_hash_table_add (self->failed, key);
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
    }
  g_clear_pointer (&surface, cairo_surface_destroy);
  job_free (job);
}

static void
drop_jobs (DeskPdfView *self)
{
  g_autoptr (GHashTable) jobs = g_steal_pointer (&self->jobs);
  GHashTableIter iter;
  Job           *job;

  if (jobs == NULL)
    return;
  g_hash_table_iter_init (&iter, jobs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&job))
    g_cancellable_cancel (job->cancellable);
}

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
  page = page_at_y (self, vvalue (self) + self->viewport_height / 3.0);
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
  update_jobs (self);
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
  if (self->n_pages > 0 && self->fit != DESK_PDF_FIT_NONE && fabs (fit_zoom (self) - self->zoom) > 1e-4)
    {
      save_anchor (self);
      self->zoom = fit_zoom (self);
      relayout (self);
      /* Listeners may resize widgets: not while allocating. */
      if (self->notify_zoom_id == 0)
        self->notify_zoom_id = g_idle_add (notify_zoom_idle, self);
    }
  value = self->has_anchor ? anchor_value (self) : vvalue (self);
  self->has_anchor = FALSE;
  /* A fitted page never needs a scrollbar for a rounding error. */
  if (self->fit != DESK_PDF_FIT_NONE)
    self->content_width = MIN (self->content_width, width);
  set_adjustment_values (self, self->hadjustment, hvalue (self), width, self->content_width);
  set_adjustment_values (self, self->vadjustment, value, height, self->content_height);
  update_jobs (self);
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

  if (g_hash_table_contains (self->failed, GUINT_TO_POINTER (page)))
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
  PageTexture    *pt = g_hash_table_lookup (self->textures, GUINT_TO_POINTER (page));
  GdkRGBA         border = { 0, 0, 0, 0.25 };
  GdkRGBA         white = { 1, 1, 1, 1 };
  graphene_rect_t rect;

  graphene_rect_init (&rect, floor (page_left (self, page) - hvalue (self)), floor (page_top (self, page) - vvalue (self)),
                      round (page_width_px (self, page)), round (page_height_px (self, page)));
  gtk_snapshot_append_color (snapshot, &border, &GRAPHENE_RECT_INIT (rect.origin.x - 1, rect.origin.y - 1, rect.size.width + 2, rect.size.height + 2));
  gtk_snapshot_append_color (snapshot, &white, &rect);
  if (pt != NULL)
    gtk_snapshot_append_texture (snapshot, pt->texture, &rect);
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
  visible_range (self, &first, &last);
  for (guint p = first; p <= last; p++)
    draw_page (self, snapshot, p);
}

static void
desk_pdf_view_dispose (GObject *object)
{
  DeskPdfView *self = DESK_PDF_VIEW (object);

  desk_pdf_view_set_document (self, NULL, NULL);
  drop_jobs (self);
  g_clear_handle_id (&self->notify_zoom_id, g_source_remove);
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  g_clear_pointer (&self->failed, g_hash_table_unref);

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
  self->jobs = g_hash_table_new (NULL, NULL);
  self->textures = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)page_texture_free);
  self->failed = g_hash_table_new (NULL, NULL);
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
  if (self->document != NULL && self->queue != NULL)
    desk_render_queue_cancel_document (self->queue, self->document);
  if (self->jobs != NULL)
    {
      drop_jobs (self);
      self->jobs = g_hash_table_new (NULL, NULL);
    }
  if (self->textures != NULL)
    g_hash_table_remove_all (self->textures);
  if (self->failed != NULL)
    g_hash_table_remove_all (self->failed);
  self->texture_bytes = 0;
  g_clear_object (&self->document);
  g_clear_object (&self->queue);
  g_clear_pointer (&self->widths, g_free);
  g_clear_pointer (&self->heights, g_free);
  g_clear_pointer (&self->offsets, g_free);
  self->n_pages = 0;
  self->page = 0;
  self->max_width = 0;
}

static void
read_page_sizes (DeskPdfView *self)
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
      read_page_sizes (self);
    }
  relayout (self);
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
      relayout (self);
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
  save_anchor (self);
  self->zoom = zoom;
  relayout (self);
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
  relayout (self);
  desk_pdf_view_set_page (self, self->page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTINUOUS]);
}

double
desk_pdf_view_get_render_scale (DeskPdfView *self)
{
  g_return_val_if_fail (DESK_IS_PDF_VIEW (self), 0);
  return self->n_pages > 0 ? render_scale (self, self->page) : 0;
}

guint
desk_pdf_view_get_n_textures (DeskPdfView *self)
{
  g_return_val_if_fail (DESK_IS_PDF_VIEW (self), 0);
  return self->textures ? g_hash_table_size (self->textures) : 0;
}

guint
desk_pdf_view_get_n_pending (DeskPdfView *self)
{
  g_return_val_if_fail (DESK_IS_PDF_VIEW (self), 0);
  return self->jobs ? g_hash_table_size (self->jobs) : 0;
}

gboolean
desk_pdf_view_has_texture (DeskPdfView *self,
                           guint        page)
{
  g_return_val_if_fail (DESK_IS_PDF_VIEW (self), FALSE);
  return self->textures && g_hash_table_contains (self->textures, GUINT_TO_POINTER (page));
}
