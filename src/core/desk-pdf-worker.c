/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-pdf"

#include "config.h"

#include <string.h>

#include "desk-pdf-worker-private.h"

/* Shared by the worker and every queued item, so items may outlive it. */
typedef struct
{
  GFile     *file;
  char      *password;
  GMutex     lock;
  GCond      cond;
  GPtrArray *idle; /* PopplerDocument, not checked out */
  guint      n_instances;
  guint      max_instances;
  gboolean   closed;
} Instances;

struct _DeskPdfWorker
{
  GThreadPool *pool;
  Instances   *instances;
  guint        max_threads;
  guint        next_seq; /* atomic */
};

typedef struct
{
  int             priority;
  guint           seq;
  DeskPdfWorkFunc func;
  gpointer        data;
  GDestroyNotify  destroy;
  Instances      *instances;
} WorkItem;

void
_desk_pdf_password_free (char *password)
{
  if (password == NULL)
    return;
  explicit_bzero (password, strlen (password));
  g_free (password);
}

static void
instances_clear (Instances *self)
{
  g_clear_object (&self->file);
  g_clear_pointer (&self->password, _desk_pdf_password_free);
  g_clear_pointer (&self->idle, g_ptr_array_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
}

static void
instances_unref (Instances *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify)instances_clear);
}

static PopplerDocument *
instances_open_extra (Instances *self)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_gfile (self->file, self->password, NULL, &error);

  if (doc == NULL)
    g_debug ("Could not open another instance of the document: %s", error->message);
  return doc;
}

/* Returns an instance for the calling thread alone, or NULL once closed. */
static PopplerDocument *
instances_checkout (Instances *self)
{
  PopplerDocument *doc = NULL;

  g_mutex_lock (&self->lock);
  while (!self->closed)
    {
      if (self->idle->len > 0)
        {
          doc = g_ptr_array_steal_index_fast (self->idle, self->idle->len - 1);
          break;
        }
      if (self->n_instances < self->max_instances)
        {
          self->n_instances++;
          g_mutex_unlock (&self->lock);
          doc = instances_open_extra (self);
          g_mutex_lock (&self->lock);
          if (doc != NULL)
            break;
          /* Do not retry a failing open; share the instances we have. */
          self->n_instances--;
          self->max_instances = MAX (1, self->n_instances);
          continue;
        }
      g_cond_wait (&self->cond, &self->lock);
    }
  g_mutex_unlock (&self->lock);
  return doc;
}

static void
instances_checkin (Instances       *self,
                   PopplerDocument *doc)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->idle, doc);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

static void
work_item_free (WorkItem *item)
{
  if (item->destroy)
    item->destroy (item->data);
  instances_unref (item->instances);
  g_free (item);
}

/* The Instances whose work the calling thread is running, if any. */
static GPrivate current_instances;

static void
worker_run (gpointer data,
            gpointer user_data)
{
  WorkItem        *item = data;
  PopplerDocument *doc = instances_checkout (item->instances);

  g_private_set (&current_instances, item->instances);
  item->func (doc, item->data);
  if (doc != NULL)
    instances_checkin (item->instances, doc);
  g_private_set (&current_instances, NULL);
  work_item_free (item);
}

static int
work_item_compare (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const WorkItem *wa = a, *wb = b;

  if (wa->priority != wb->priority)
    return wa->priority < wb->priority ? -1 : 1;
  /* Wrapping-safe FIFO order within one priority. */
  return (int)(wa->seq - wb->seq);
}

DeskPdfWorker *
_desk_pdf_worker_new (GFile           *file,
                      const char      *password,
                      PopplerDocument *first)
{
  DeskPdfWorker *self = g_new0 (DeskPdfWorker, 1);
  Instances     *instances = g_atomic_rc_box_new0 (Instances);

  instances->file = g_object_ref (file);
  instances->password = g_strdup (password);
  g_mutex_init (&instances->lock);
  g_cond_init (&instances->cond);
  instances->idle = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (instances->idle, first);
  instances->n_instances = instances->max_instances = 1;

  self->instances = instances;
  self->max_threads = 1;
  self->pool = g_thread_pool_new (worker_run, NULL, 1, FALSE, NULL);
  g_thread_pool_set_sort_function (self->pool, work_item_compare, NULL);
  return self;
}

void
_desk_pdf_worker_close (DeskPdfWorker *self)
{
  Instances *instances = self->instances;

  g_mutex_lock (&instances->lock);
  instances->closed = TRUE;
  g_cond_broadcast (&instances->cond);
  g_mutex_unlock (&instances->lock);

  /* Queued items now run without a document, so waiting only lasts as long
   * as the poppler call in progress. Waiting matters: a worker still inside
   * poppler when the process exits crashes in poppler's global teardown.
   * From one of the pool's own threads we must not (and need not) wait. */
  g_thread_pool_free (self->pool, FALSE, g_private_get (&current_instances) != instances);
  instances_unref (instances);
  g_free (self);
}

void
_desk_pdf_worker_push (DeskPdfWorker  *self,
                       int             priority,
                       DeskPdfWorkFunc func,
                       gpointer        data,
                       GDestroyNotify  destroy)
{
  WorkItem *item = g_new0 (WorkItem, 1);

  item->priority = priority;
  item->seq = (guint)g_atomic_int_add (&self->next_seq, 1);
  item->func = func;
  item->data = data;
  item->destroy = destroy;
  item->instances = g_atomic_rc_box_acquire (self->instances);
  g_thread_pool_push (self->pool, item, NULL);
}

void
_desk_pdf_worker_set_max_threads (DeskPdfWorker *self,
                                  guint          n_threads)
{
  g_mutex_lock (&self->instances->lock);
  self->instances->max_instances = n_threads;
  g_cond_broadcast (&self->instances->cond);
  g_mutex_unlock (&self->instances->lock);

  self->max_threads = n_threads;
  g_thread_pool_set_max_threads (self->pool, n_threads, NULL);
}

guint
_desk_pdf_worker_get_max_threads (DeskPdfWorker *self)
{
  return self->max_threads;
}

typedef struct
{
  GTask         *task;
  gpointer       result;
  GDestroyNotify result_destroy;
  GError        *error;
} Delivery;

static gboolean
deliver_cb (gpointer data)
{
  Delivery *d = data;

  if (d->error != NULL)
    g_task_return_error (d->task, g_steal_pointer (&d->error));
  else
    g_task_return_pointer (d->task, g_steal_pointer (&d->result), d->result_destroy);
  return G_SOURCE_REMOVE;
}

static void
delivery_free (Delivery *d)
{
  if (d->result != NULL && d->result_destroy != NULL)
    d->result_destroy (d->result);
  g_clear_error (&d->error);
  g_clear_object (&d->task);
  g_free (d);
}

void
_desk_task_return_in_context (GTask         *task,
                              gpointer       result,
                              GDestroyNotify result_destroy,
                              GError        *error)
{
  Delivery *d = g_new0 (Delivery, 1);
  GSource  *source = g_idle_source_new ();

  d->task = task;
  d->result = result;
  d->result_destroy = result_destroy;
  d->error = error;
  g_source_set_priority (source, g_task_get_priority (task));
  g_source_set_static_name (source, "[desk] task result");
  g_source_set_callback (source, deliver_cb, d, (GDestroyNotify)delivery_free);
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}
