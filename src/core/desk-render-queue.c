/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "desk-pdf-document-private.h"
#include "desk-pdf-worker-private.h"
#include "desk-pdf-sandbox.h"
#include "desk-render-queue.h"

/* cairo's own limit for image surfaces */
#define MAX_SIDE 32767

typedef struct
{
  guint64 doc_id;
  guint   page;
  double  scale;
} CacheKey;

typedef struct
{
  CacheKey         key;
  cairo_surface_t *surface;
  guint64          bytes;
  GList            link; /* in DeskRenderQueue.lru, data = self */
} CacheEntry;

struct _DeskRenderQueue
{
  GObject parent_instance;

  /* Workers insert into the cache and claim jobs, so all below is locked. */
  GMutex      lock;
  GHashTable *cache; /* CacheKey → CacheEntry */
  GQueue      lru;   /* most recently used first */
  guint64     cache_bytes;
  guint64     cache_max_bytes;
  GHashTable *pending; /* RenderJob set: not returned yet */
  guint       n_rendered;
};

/* Owned by the document's work item, freed in its worker thread. Whoever
 * claims the job (worker, cancel handler, cancel_document) takes the task
 * and hands it to the main context with the result. */
typedef struct
{
  DeskRenderQueue *queue; /* owned */
  GTask           *task;  /* owned until claimed */
  CacheKey         key;
  GCancellable    *cancellable;
  gulong           cancelled_id;
  gboolean         done; /* under queue->lock */
  GCancellable    *stop; /* kills the helper process rendering the page */
  char            *path;
  char            *password;
} RenderJob;

enum
{
  PROP_0,
  PROP_CACHE_MAX_BYTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskRenderQueue, desk_render_queue, G_TYPE_OBJECT)

/* Cache (call with the lock held) ---------------------------------------- */

static guint
cache_key_hash (gconstpointer data)
{
  const CacheKey *key = data;
  guint64         scale_bits;

  memcpy (&scale_bits, &key->scale, sizeof scale_bits);
  return g_int64_hash (&key->doc_id) ^ (key->page * 2654435761u) ^ g_int64_hash (&scale_bits);
}

static gboolean
cache_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const CacheKey *ka = a, *kb = b;

  return ka->doc_id == kb->doc_id && ka->page == kb->page && ka->scale == kb->scale;
}

static void
cache_entry_free (CacheEntry *entry)
{
  cairo_surface_destroy (entry->surface);
  g_free (entry);
}

static void
cache_remove_locked (DeskRenderQueue *self,
                     CacheEntry      *entry)
{
  g_queue_unlink (&self->lru, &entry->link);
  self->cache_bytes -= entry->bytes;
  g_hash_table_remove (self->cache, &entry->key);
}

static void
cache_trim_locked (DeskRenderQueue *self)
{
  while (self->cache_bytes > self->cache_max_bytes && self->lru.tail != NULL)
    cache_remove_locked (self, self->lru.tail->data);
}

/* Returns a new reference or NULL; a hit becomes the most recently used. */
static cairo_surface_t *
cache_lookup (DeskRenderQueue *self,
              const CacheKey  *key)
{
  cairo_surface_t *surface = NULL;
  CacheEntry      *entry;

  g_mutex_lock (&self->lock);
  entry = g_hash_table_lookup (self->cache, key);
  if (entry != NULL)
    {
      g_queue_unlink (&self->lru, &entry->link);
      g_queue_push_head_link (&self->lru, &entry->link);
      surface = cairo_surface_reference (entry->surface);
    }
  g_mutex_unlock (&self->lock);
  return surface;
}

static void
cache_insert (DeskRenderQueue *self,
              const CacheKey  *key,
              cairo_surface_t *surface)
{
  guint64     bytes = (guint64)cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface);
  CacheEntry *entry;

  g_mutex_lock (&self->lock);
  if (bytes <= self->cache_max_bytes && !g_hash_table_contains (self->cache, key))
    {
      entry = g_new0 (CacheEntry, 1);
      entry->key = *key;
      entry->surface = cairo_surface_reference (surface);
      entry->bytes = bytes;
      entry->link.data = entry;
      g_hash_table_insert (self->cache, &entry->key, entry);
      g_queue_push_head_link (&self->lru, &entry->link);
      self->cache_bytes += bytes;
      cache_trim_locked (self);
    }
  g_mutex_unlock (&self->lock);
}

/* Jobs -------------------------------------------------------------------- */

/* Exactly one caller wins the job's task; the others get NULL. */
static GTask *
job_claim (RenderJob *job)
{
  DeskRenderQueue *self = job->queue;
  GTask           *task = NULL;

  g_mutex_lock (&self->lock);
  if (!job->done)
    {
      job->done = TRUE;
      task = g_steal_pointer (&job->task);
      g_hash_table_remove (self->pending, job);
    }
  g_mutex_unlock (&self->lock);
  return task;
}

/* Always through the main context, so the callback never runs inside the
 * caller of cancel (which may hold its own locks) nor in a foreign thread. */
static void
task_return_cancelled (GTask *task)
{
  GError *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                       _ ("The preview was cancelled."));

  _desk_task_return_in_context (task, NULL, NULL, error);
}

static void
job_cancelled_cb (GCancellable *cancellable,
                  RenderJob    *job)
{
  /* The job is alive: job_free disconnects (waiting for us) first. */
  GTask *task = job_claim (job);

  g_cancellable_cancel (job->stop);
  if (task != NULL)
    task_return_cancelled (task);
}

static void
job_free (RenderJob *job)
{
  if (job->cancelled_id != 0)
    g_cancellable_disconnect (job->cancellable, job->cancelled_id);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->stop);
  g_free (job->path);
  _desk_pdf_password_free (job->password);
  g_clear_object (&job->task);
  /* This may drop the last reference: the queue finalizes in any thread. */
  g_clear_object (&job->queue);
  g_free (job);
}

static gboolean
job_is_done (RenderJob *job)
{
  gboolean done;

  g_mutex_lock (&job->queue->lock);
  done = job->done;
  g_mutex_unlock (&job->queue->lock);
  return done;
}

/* Rendering (document worker thread) ------------------------------------- */

static gboolean
compute_pixel_size (PopplerPage *page,
                    double       scale,
                    int         *width,
                    int         *height,
                    GError     **error)
{
  double w, h;

  poppler_page_get_size (page, &w, &h);
  w = ceil (w * scale - 1e-6);
  h = ceil (h * scale - 1e-6);
  if (w > MAX_SIDE || h > MAX_SIDE || w * h > (double)DESK_RENDER_MAX_PIXELS)
    {
      g_set_error_literal (error, DESK_PDF_ERROR, DESK_PDF_ERROR_TOO_LARGE,
                           _ ("This page is too large to show at this zoom. Zoom out and try again."));
      return FALSE;
    }
  *width = MAX (1, (int)w);
  *height = MAX (1, (int)h);
  return TRUE;
}

static void
set_page_error (GError **error)
{
  /* Translators: %s says what is wrong, e.g. "the file ends too early" */
  g_set_error (error, DESK_PDF_ERROR, DESK_PDF_ERROR_INVALID,
               _ ("The PDF is damaged or incomplete: %s. Ask the sender for a new copy."),
               /* Translators: completes "The PDF is damaged or incomplete: %s." */
               _ ("a page cannot be read"));
}

/* Pixels from the bounded helper: a page whose drawing needs more time or
 * memory than a document should is stopped, not waited for. */
/* Small renders (thumbnails, pages at usual zooms) go to the helper kept
 * with the poppler instance; a huge one gets a helper of its own, with room
 * for its pixels. */
#define HELPER_KEPT_MAX_BYTES (64 * 1024 * 1024)

static cairo_surface_t *
render_in_helper (PopplerDocument *poppler,
                  RenderJob       *job,
                  int              width,
                  int              height,
                  GError         **error)
{
  gsize            bytes = (gsize)width * height * 4;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  char             scale[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *request = g_strdup_printf ("render %u %s %d %d", job->key.page,
                                              g_ascii_dtostr (scale, sizeof scale, job->key.scale), width, height);
  g_autoptr (DeskPdfHelper) own = NULL;
  g_autoptr (GError) local_error = NULL;
  DeskPdfHelper *helper;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface; /* the caller reports the memory shortage */
  if (bytes <= HELPER_KEPT_MAX_BYTES)
    helper = _desk_pdf_helper_for (poppler, job->path, job->password);
  else
    helper = own = _desk_pdf_helper_new (job->path, job->password, DESK_PDF_SANDBOX_MEMORY_MIB + (bytes >> 20));
  /* ARGB32 rows are 4 × width bytes in cairo too: no copy, no stride. */
  if (_desk_pdf_helper_request_into (helper, request, DESK_PDF_SANDBOX_RENDER_MSEC, cairo_image_surface_get_data (surface),
                                     bytes, job->stop, &local_error))
    {
      cairo_surface_mark_dirty (surface);
      return surface;
    }
  cairo_surface_destroy (surface);
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error_literal (error, DESK_PDF_ERROR, DESK_PDF_ERROR_TOO_COSTLY,
                         _ ("This page could not be shown: drawing it needs more time or memory than a document should. The file may be damaged or made to harm; ask the sender for a new copy."));
  return NULL;
}

static cairo_surface_t *
render_page (PopplerDocument *poppler,
             RenderJob       *job,
             GError         **error)
{
  g_autoptr (DeskPopplerPage) page = poppler_document_get_page (poppler, job->key.page);
  int width, height;

  if (page == NULL)
    {
      set_page_error (error);
      return NULL;
    }
  if (!compute_pixel_size (page, job->key.scale, &width, &height, error))
    return NULL;
  if (job->path == NULL)
    {
      set_page_error (error);
      return NULL;
    }
  return render_in_helper (poppler, job, width, height, error);
}

static cairo_surface_t *
render_or_lookup (DeskRenderQueue *self,
                  PopplerDocument *poppler,
                  RenderJob       *job,
                  GError         **error)
{
  const CacheKey  *key = &job->key;
  cairo_surface_t *surface = cache_lookup (self, key);

  /* An earlier job of the same page may have rendered it meanwhile. */
  if (surface != NULL)
    return surface;
  surface = render_page (poppler, job, error);
  if (surface == NULL)
    return NULL;
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, DESK_PDF_ERROR, DESK_PDF_ERROR_TOO_LARGE,
                           _ ("There is not enough memory to show this page. Close other documents or zoom out."));
      cairo_surface_destroy (surface);
      return NULL;
    }
  g_atomic_int_inc (&self->n_rendered);
  cache_insert (self, key, surface);
  return surface;
}

static void
render_job_run (PopplerDocument *poppler,
                gpointer         data)
{
  RenderJob       *job = data;
  GError          *error = NULL;
  cairo_surface_t *surface;
  GTask           *task;

  if (job_is_done (job))
    return;
  if (poppler == NULL || g_cancellable_is_cancelled (job->cancellable))
    {
      if ((task = job_claim (job)) != NULL)
        task_return_cancelled (task);
      return;
    }

  surface = render_or_lookup (job->queue, poppler, job, &error);
  task = job_claim (job);
  if (task != NULL)
    _desk_task_return_in_context (task, surface, (GDestroyNotify)cairo_surface_destroy, error);
  else
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      g_clear_error (&error);
    }
}

/* GObject ----------------------------------------------------------------- */

static void
desk_render_queue_finalize (GObject *object)
{
  DeskRenderQueue *self = (DeskRenderQueue *)object;

  /* Jobs hold a reference, so none is pending here. */
  g_clear_pointer (&self->pending, g_hash_table_unref);
  /* The links are embedded in the entries, which the table frees. */
  g_queue_init (&self->lru);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (desk_render_queue_parent_class)->finalize (object);
}

static void
desk_render_queue_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DeskRenderQueue *self = DESK_RENDER_QUEUE (object);

  switch (prop_id)
    {
      case PROP_CACHE_MAX_BYTES:
        g_value_set_uint64 (value, desk_render_queue_get_cache_max_bytes (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_render_queue_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DeskRenderQueue *self = DESK_RENDER_QUEUE (object);

  switch (prop_id)
    {
      case PROP_CACHE_MAX_BYTES:
        desk_render_queue_set_cache_max_bytes (self, g_value_get_uint64 (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_render_queue_class_init (DeskRenderQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_render_queue_finalize;
  object_class->get_property = desk_render_queue_get_property;
  object_class->set_property = desk_render_queue_set_property;

  properties[PROP_CACHE_MAX_BYTES] = g_param_spec_uint64 ("cache-max-bytes", NULL, NULL,
                                                          0, G_MAXUINT64, DESK_RENDER_CACHE_DEFAULT_BYTES,
                                                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_render_queue_init (DeskRenderQueue *self)
{
  g_mutex_init (&self->lock);
  self->cache = g_hash_table_new_full (cache_key_hash, cache_key_equal,
                                       NULL, (GDestroyNotify)cache_entry_free);
  self->pending = g_hash_table_new (NULL, NULL);
  self->cache_max_bytes = DESK_RENDER_CACHE_DEFAULT_BYTES;
}

DeskRenderQueue *
desk_render_queue_new (guint64 cache_max_bytes)
{
  DeskRenderQueue *self = g_object_new (DESK_TYPE_RENDER_QUEUE, NULL);

  if (cache_max_bytes != 0)
    desk_render_queue_set_cache_max_bytes (self, cache_max_bytes);
  return self;
}

/* Public API -------------------------------------------------------------- */

void
desk_render_queue_set_cache_max_bytes (DeskRenderQueue *self,
                                       guint64          max_bytes)
{
  gboolean changed;

  g_return_if_fail (DESK_IS_RENDER_QUEUE (self));

  g_mutex_lock (&self->lock);
  changed = self->cache_max_bytes != max_bytes;
  self->cache_max_bytes = max_bytes;
  cache_trim_locked (self);
  g_mutex_unlock (&self->lock);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE_MAX_BYTES]);
}

guint64
desk_render_queue_get_cache_max_bytes (DeskRenderQueue *self)
{
  guint64 max_bytes;

  g_return_val_if_fail (DESK_IS_RENDER_QUEUE (self), 0);
  g_mutex_lock (&self->lock);
  max_bytes = self->cache_max_bytes;
  g_mutex_unlock (&self->lock);
  return max_bytes;
}

guint64
desk_render_queue_get_cache_bytes (DeskRenderQueue *self)
{
  guint64 bytes;

  g_return_val_if_fail (DESK_IS_RENDER_QUEUE (self), 0);
  g_mutex_lock (&self->lock);
  bytes = self->cache_bytes;
  g_mutex_unlock (&self->lock);
  return bytes;
}

guint
desk_render_queue_get_cache_n_surfaces (DeskRenderQueue *self)
{
  guint n;

  g_return_val_if_fail (DESK_IS_RENDER_QUEUE (self), 0);
  g_mutex_lock (&self->lock);
  n = self->lru.length;
  g_mutex_unlock (&self->lock);
  return n;
}

guint
desk_render_queue_get_n_rendered (DeskRenderQueue *self)
{
  g_return_val_if_fail (DESK_IS_RENDER_QUEUE (self), 0);
  return (guint)g_atomic_int_get (&self->n_rendered);
}

static void
submit_job (DeskRenderQueue *self,
            DeskPdfDocument *document,
            GTask           *task,
            const CacheKey  *key,
            int              priority,
            GCancellable    *cancellable)
{
  RenderJob *job = g_new0 (RenderJob, 1);

  job->queue = g_object_ref (self);
  job->task = g_object_ref (task);
  job->key = *key;
  g_set_object (&job->cancellable, cancellable);
  job->stop = g_cancellable_new ();
  job->path = g_file_get_path (desk_pdf_document_get_file (document));
  job->password = g_strdup (_desk_pdf_document_get_password (document));

  g_mutex_lock (&self->lock);
  g_hash_table_add (self->pending, job);
  g_mutex_unlock (&self->lock);

  /* Connect before pushing: the worker reads cancelled_id when done. */
  if (cancellable != NULL)
    job->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (job_cancelled_cb), job, NULL);
  if (!_desk_pdf_document_push_work (document, priority, render_job_run, job, (GDestroyNotify)job_free))
    {
      /* Disposed document: answer like a job dropped from its queue. */
      render_job_run (NULL, job);
      job_free (job);
    }
}

void
desk_render_queue_render_async (DeskRenderQueue    *self,
                                DeskPdfDocument    *document,
                                guint               page,
                                double              scale,
                                DeskRenderPriority  priority,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  cairo_surface_t *surface;
  CacheKey         key = { 0, page, scale };

  g_return_if_fail (DESK_IS_RENDER_QUEUE (self));
  g_return_if_fail (DESK_IS_PDF_DOCUMENT (document));
  g_return_if_fail (scale > 0 && isfinite (scale));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_render_queue_render_async);
  if (page >= desk_pdf_document_get_n_pages (document))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Page %u out of range", page);
      return;
    }

  key.doc_id = desk_pdf_document_get_id (document);
  surface = cache_lookup (self, &key);
  if (surface != NULL)
    g_task_return_pointer (task, surface, (GDestroyNotify)cairo_surface_destroy);
  else
    submit_job (self, document, task, &key, priority, cancellable);
}

cairo_surface_t *
desk_render_queue_render_finish (DeskRenderQueue *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_render_queue_render_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
desk_render_queue_cancel_document (DeskRenderQueue *self,
                                   DeskPdfDocument *document)
{
  g_autoptr (GPtrArray) tasks = g_ptr_array_new ();
  guint64        doc_id;
  GHashTableIter iter;
  RenderJob     *job;

  g_return_if_fail (DESK_IS_RENDER_QUEUE (self));
  g_return_if_fail (DESK_IS_PDF_DOCUMENT (document));

  doc_id = desk_pdf_document_get_id (document);
  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, (gpointer *)&job, NULL))
    if (job->key.doc_id == doc_id)
      {
        /* Claimed here; the worker will skip it. */
        job->done = TRUE;
        g_cancellable_cancel (job->stop);
        g_ptr_array_add (tasks, g_steal_pointer (&job->task));
        g_hash_table_iter_remove (&iter);
      }
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < tasks->len; i++)
    task_return_cancelled (g_ptr_array_index (tasks, i));
}

void
desk_render_queue_forget_document (DeskRenderQueue *self,
                                   DeskPdfDocument *document)
{
  guint64 doc_id;
  GList  *link, *next;

  g_return_if_fail (DESK_IS_RENDER_QUEUE (self));
  g_return_if_fail (DESK_IS_PDF_DOCUMENT (document));

  desk_render_queue_cancel_document (self, document);
  doc_id = desk_pdf_document_get_id (document);
  g_mutex_lock (&self->lock);
  for (link = self->lru.head; link != NULL; link = next)
    {
      CacheEntry *entry = link->data;

      next = link->next;
      if (entry->key.doc_id == doc_id)
        cache_remove_locked (self, entry);
    }
  g_mutex_unlock (&self->lock);
}
