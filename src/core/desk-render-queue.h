/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "desk-pdf-document.h"

G_BEGIN_DECLS

/* Lower runs first. Jobs queued on one document run in this order (and in
 * submission order within a priority) once its worker is free; a running
 * page render is never interrupted. */
typedef enum
{
  DESK_RENDER_PRIORITY_VISIBLE,
  DESK_RENDER_PRIORITY_NEIGHBOUR,
  DESK_RENDER_PRIORITY_THUMBNAIL,
} DeskRenderPriority;

#define DESK_RENDER_CACHE_DEFAULT_BYTES ((guint64)256 * 1024 * 1024)

/* A page is never rendered larger than this many pixels (about 256 MiB). */
#define DESK_RENDER_MAX_PIXELS ((guint64)8192 * 8192)

#define DESK_TYPE_RENDER_QUEUE (desk_render_queue_get_type ())

G_DECLARE_FINAL_TYPE (DeskRenderQueue, desk_render_queue, DESK, RENDER_QUEUE, GObject)

/* Renders PDF pages to cairo image surfaces (CAIRO_FORMAT_ARGB32, white page,
 * premultiplied, ceil (size × scale) pixels; GDK_MEMORY_DEFAULT for a
 * GdkMemoryTexture), in the worker threads of each
 * DeskPdfDocument, and keeps the results in an LRU cache bounded in bytes and
 * keyed by (document id, page, scale). Call from one thread; results arrive
 * on the thread-default main context of the caller of render_async, never
 * before render_async returns. GTK-free: the viewer wraps the surface data
 * into a GdkMemoryTexture. @cache_max_bytes 0 means the default. */
DeskRenderQueue *desk_render_queue_new (guint64 cache_max_bytes);

void    desk_render_queue_set_cache_max_bytes (DeskRenderQueue *self,
                                               guint64          max_bytes);
guint64 desk_render_queue_get_cache_max_bytes (DeskRenderQueue *self);
guint64 desk_render_queue_get_cache_bytes (DeskRenderQueue *self);
guint   desk_render_queue_get_cache_n_surfaces (DeskRenderQueue *self);
/* Pages actually rendered (not served from the cache) since creation. */
guint desk_render_queue_get_n_rendered (DeskRenderQueue *self);

/* @scale is pixels per PDF point: zoom × device scale × dpi / 72. The
 * callback gets G_IO_ERROR_CANCELLED when @cancellable is cancelled or the
 * document's jobs are dropped, whether or not the page was already drawn. */
void desk_render_queue_render_async (DeskRenderQueue    *self,
                                     DeskPdfDocument    *document,
                                     guint               page,
                                     double              scale,
                                     DeskRenderPriority  priority,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data);
/* Returns a new reference; the surface is shared with the cache: do not draw
 * on it. */
cairo_surface_t *desk_render_queue_render_finish (DeskRenderQueue *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);

/* Cancels every queued job of @document (when the viewer switches
 * documents); their callbacks get G_IO_ERROR_CANCELLED. */
void desk_render_queue_cancel_document (DeskRenderQueue *self,
                                        DeskPdfDocument *document);
/* Cancels the jobs and drops the cached surfaces of @document. */
void desk_render_queue_forget_document (DeskRenderQueue *self,
                                        DeskPdfDocument *document);

G_END_DECLS
