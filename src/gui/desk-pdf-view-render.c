/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-pdf-view"

#include "config.h"

#include <math.h>

#include "desk-pdf-view-private.h"

#define N_NEIGHBOURS 2
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

/* Jobs */

double
_desk_pdf_view_render_scale (DeskPdfView *self,
                             guint        page)
{
  double scale = _desk_pdf_view_px_per_pt (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
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
  double       scale = _desk_pdf_view_render_scale (self, page);
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

      if (page < lo || page > hi || job->scale != _desk_pdf_view_render_scale (self, page))
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

void
_desk_pdf_view_update_jobs (DeskPdfView *self)
{
  guint first, last, lo, hi;

  if (self->n_pages == 0 || self->queue == NULL || self->viewport_height <= 0)
    return;
  _desk_pdf_view_visible_range (self, &first, &last);
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

/* Bookkeeping the widget calls */

void
_desk_pdf_view_render_init (DeskPdfView *self)
{
  self->jobs = g_hash_table_new (NULL, NULL);
  self->textures = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)page_texture_free);
  self->failed = g_hash_table_new (NULL, NULL);
}

/* Cancels the renders of the current document and forgets its pictures. */
void
_desk_pdf_view_render_clear (DeskPdfView *self)
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
}

void
_desk_pdf_view_render_dispose (DeskPdfView *self)
{
  drop_jobs (self);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  g_clear_pointer (&self->failed, g_hash_table_unref);
}

GdkTexture *
_desk_pdf_view_get_texture (DeskPdfView *self,
                            guint        page)
{
  PageTexture *pt = g_hash_table_lookup (self->textures, GUINT_TO_POINTER (page));

  return pt != NULL ? pt->texture : NULL;
}

gboolean
_desk_pdf_view_page_failed (DeskPdfView *self,
                            guint        page)
{
  return g_hash_table_contains (self->failed, GUINT_TO_POINTER (page));
}

/* Public API */

double
desk_pdf_view_get_render_scale (DeskPdfView *self)
{
  g_return_val_if_fail (DESK_IS_PDF_VIEW (self), 0);
  return self->n_pages > 0 ? _desk_pdf_view_render_scale (self, self->page) : 0;
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
