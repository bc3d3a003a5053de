/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "desk-test-util.h"
#include "desk-pdf-document-private.h"
#include "desk-render-queue.h"

static char *tmp_dir;
static char *pdf_path;

/* Six A4 pages with a black bar and "Page N". */
static void
make_pdf (void)
{
  DeskTestPdf spec = { .n_pages = 6, .text = "Page %u", .box = TRUE, .box_x = 100, .box_y = 100, .box_w = 300, .box_h = 40, .font_size = 30 };

  pdf_path = desk_test_make_pdf (tmp_dir, "six.pdf", &spec);
}

static DeskPdfDocument *
open_doc (void)
{
  g_autoptr (GFile) file = g_file_new_for_path (pdf_path);
  g_autoptr (GError) error = NULL;
  DeskPdfDocument *doc = desk_pdf_document_open (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* Blocks the document's worker until released, to queue jobs behind it. */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean started;
  gboolean released;
  gint64   deadline; /* monotonic; 0 = wait for blocker_release () */
} Blocker;

static void
blocker_run (PopplerDocument *poppler,
             gpointer         data)
{
  Blocker *b = data;

  g_mutex_lock (&b->lock);
  b->started = TRUE;
  g_cond_broadcast (&b->cond);
  while (!b->released)
    if (b->deadline == 0)
      g_cond_wait (&b->cond, &b->lock);
    else if (!g_cond_wait_until (&b->cond, &b->lock, b->deadline))
      break;
  g_mutex_unlock (&b->lock);
}

static void
blocker_start_full (Blocker         *b,
                    DeskPdfDocument *doc,
                    gint64           deadline)
{
  memset (b, 0, sizeof *b);
  b->deadline = deadline;
  g_mutex_init (&b->lock);
  g_cond_init (&b->cond);
  _desk_pdf_document_push_work (doc, -1, blocker_run, b, NULL);
  g_mutex_lock (&b->lock);
  while (!b->started)
    g_cond_wait (&b->cond, &b->lock);
  g_mutex_unlock (&b->lock);
}

static void
blocker_start (Blocker         *b,
               DeskPdfDocument *doc)
{
  blocker_start_full (b, doc, 0);
}

static void
blocker_release (Blocker *b)
{
  g_mutex_lock (&b->lock);
  b->released = TRUE;
  g_cond_broadcast (&b->cond);
  g_mutex_unlock (&b->lock);
}

static void
blocker_clear (Blocker *b)
{
  g_mutex_clear (&b->lock);
  g_cond_clear (&b->cond);
}

typedef struct
{
  guint            page;
  cairo_surface_t *surface;
  GError          *error;
  gboolean         done;
  GArray          *order; /* shared: pages in callback order */
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->surface, cairo_surface_destroy);
  g_clear_error (&r->error);
  r->done = FALSE;
}

static void
render_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *r = user_data;

  r->surface = desk_render_queue_render_finish (DESK_RENDER_QUEUE (source), result, &r->error);
  r->done = TRUE;
  if (r->order)
    g_array_append_val (r->order, r->page);
}

static void
submit (DeskRenderQueue   *queue,
        DeskPdfDocument   *doc,
        Result            *r,
        guint              page,
        double             scale,
        DeskRenderPriority priority,
        GCancellable      *cancellable)
{
  r->page = page;
  desk_render_queue_render_async (queue, doc, page, scale, priority, cancellable, render_cb, r);
}

static void
wait_done (Result *r)
{
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  guint8 *data = cairo_image_surface_get_data (surface);

  return *(guint32 *)(data + y * cairo_image_surface_get_stride (surface) + 4 * x);
}

static void
test_render_surface (void)
{
  g_autoptr (DeskPdfDocument) doc = open_doc ();
  g_autoptr (DeskRenderQueue) queue = desk_render_queue_new (0);
  Result r = { 0 };

  submit (queue, doc, &r, 0, 0.5, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  /* Never delivered before render_async returns. */
  g_assert_false (r.done);
  wait_done (&r);
  g_assert_no_error (r.error);
  g_assert_cmpint (cairo_image_surface_get_format (r.surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (r.surface), ==, 298);
  g_assert_cmpint (cairo_image_surface_get_height (r.surface), ==, 421);
  /* White paper, black bar at (100..400, 100..140) points. */
  g_assert_cmphex (pixel_at (r.surface, 10, 10), ==, 0xffffffff);
  g_assert_cmphex (pixel_at (r.surface, 100, 60), ==, 0xff000000);
  result_clear (&r);

  submit (queue, doc, &r, 6, 1.0, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  wait_done (&r);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  result_clear (&r);

  submit (queue, doc, &r, 0, 100.0, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  wait_done (&r);
  g_assert_error (r.error, DESK_PDF_ERROR, DESK_PDF_ERROR_TOO_LARGE);
  result_clear (&r);
}

static void
test_priority_order (void)
{
  g_autoptr (DeskPdfDocument) doc = open_doc ();
  g_autoptr (DeskRenderQueue) queue = desk_render_queue_new (0);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  static const DeskRenderPriority priorities[] = {
    DESK_RENDER_PRIORITY_THUMBNAIL,
    DESK_RENDER_PRIORITY_NEIGHBOUR,
    DESK_RENDER_PRIORITY_VISIBLE,
    DESK_RENDER_PRIORITY_THUMBNAIL,
    DESK_RENDER_PRIORITY_VISIBLE,
    DESK_RENDER_PRIORITY_NEIGHBOUR,
  };
  static const guint expected[] = { 2, 4, 1, 5, 0, 3 };
  Result             results[6] = { { 0 } };
  Blocker            blocker;

  blocker_start (&blocker, doc);
  for (guint i = 0; i < 6; i++)
    {
      results[i].order = order;
      submit (queue, doc, &results[i], i, 0.25, priorities[i], NULL);
    }
  blocker_release (&blocker);
  for (guint i = 0; i < 6; i++)
    wait_done (&results[i]);

  g_assert_cmpuint (order->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_no_error (results[i].error);
      g_assert_cmpuint (g_array_index (order, guint, i), ==, expected[i]);
      result_clear (&results[i]);
    }
  blocker_clear (&blocker);
}

static void
test_cancel_job (void)
{
  g_autoptr (DeskPdfDocument) doc = open_doc ();
  g_autoptr (DeskRenderQueue) queue = desk_render_queue_new (0);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Result  a = { 0 }, b = { 0 };
  Blocker blocker;

  blocker_start (&blocker, doc);
  submit (queue, doc, &a, 0, 0.25, DESK_RENDER_PRIORITY_VISIBLE, cancellable);
  submit (queue, doc, &b, 1, 0.25, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  g_cancellable_cancel (cancellable);
  /* Reported at once, while the worker is still busy. */
  wait_done (&a);
  g_assert_false (b.done);
  g_assert_null (a.surface);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  blocker_release (&blocker);
  wait_done (&b);
  g_assert_no_error (b.error);
  g_assert_nonnull (b.surface);
  g_assert_cmpuint (desk_render_queue_get_n_rendered (queue), ==, 1);

  /* Already cancelled before submitting. */
  result_clear (&a);
  submit (queue, doc, &a, 2, 0.25, DESK_RENDER_PRIORITY_VISIBLE, cancellable);
  wait_done (&a);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* A cache hit with a cancelled cancellable is still cancelled. */
  result_clear (&a);
  submit (queue, doc, &a, 1, 0.25, DESK_RENDER_PRIORITY_VISIBLE, cancellable);
  wait_done (&a);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (desk_render_queue_get_n_rendered (queue), ==, 1);

  result_clear (&a);
  result_clear (&b);
  blocker_clear (&blocker);
}

static void
test_cancel_document (void)
{
  g_autoptr (DeskPdfDocument) doc = open_doc ();
  g_autoptr (DeskPdfDocument) other = open_doc ();
  g_autoptr (DeskRenderQueue) queue = desk_render_queue_new (0);
  Result  results[4] = { { 0 } };
  Result  kept = { 0 };
  Blocker blocker;

  blocker_start (&blocker, doc);
  for (guint i = 0; i < 4; i++)
    submit (queue, doc, &results[i], i, 0.25, DESK_RENDER_PRIORITY_THUMBNAIL, NULL);
  submit (queue, other, &kept, 0, 0.25, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  desk_render_queue_cancel_document (queue, doc);
  for (guint i = 0; i < 4; i++)
    {
      wait_done (&results[i]);
      g_assert_error (results[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      result_clear (&results[i]);
    }
  wait_done (&kept);
  g_assert_no_error (kept.error);
  blocker_release (&blocker);

  /* The document still works after its jobs were dropped. */
  submit (queue, doc, &results[0], 5, 0.25, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  wait_done (&results[0]);
  g_assert_no_error (results[0].error);
  g_assert_cmpuint (desk_render_queue_get_n_rendered (queue), ==, 2);

  result_clear (&results[0]);
  result_clear (&kept);
  blocker_clear (&blocker);
}

static void
test_cache_hit (void)
{
  g_autoptr (DeskPdfDocument) doc = open_doc ();
  g_autoptr (DeskRenderQueue) queue = desk_render_queue_new (0);
  Result first = { 0 }, again = { 0 }, zoomed = { 0 };

  submit (queue, doc, &first, 3, 0.5, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  wait_done (&first);
  g_assert_no_error (first.error);
  g_assert_cmpuint (desk_render_queue_get_n_rendered (queue), ==, 1);

  submit (queue, doc, &again, 3, 0.5, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  g_assert_false (again.done);
  wait_done (&again);
  g_assert_true (again.surface == first.surface);
  g_assert_cmpuint (desk_render_queue_get_n_rendered (queue), ==, 1);

  submit (queue, doc, &zoomed, 3, 1.0, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  wait_done (&zoomed);
  g_assert_true (zoomed.surface != first.surface);
  g_assert_cmpint (cairo_image_surface_get_width (zoomed.surface), ==, 595);
  g_assert_cmpuint (desk_render_queue_get_n_rendered (queue), ==, 2);
  g_assert_cmpuint (desk_render_queue_get_cache_n_surfaces (queue), ==, 2);

  desk_render_queue_forget_document (queue, doc);
  g_assert_cmpuint (desk_render_queue_get_cache_n_surfaces (queue), ==, 0);
  g_assert_cmpuint (desk_render_queue_get_cache_bytes (queue), ==, 0);

  result_clear (&first);
  result_clear (&again);
  result_clear (&zoomed);
}

static void
test_cache_bound (void)
{
  g_autoptr (DeskPdfDocument) doc = open_doc ();
  /* One page at scale 0.5 is 1192 × 421 = 501,832 bytes: room for two. */
  const guint64 bound = 1200 * 1000;
  g_autoptr (DeskRenderQueue) queue = desk_render_queue_new (bound);
  Result r = { 0 };

  for (guint i = 0; i < 6; i++)
    {
      submit (queue, doc, &r, i, 0.5, DESK_RENDER_PRIORITY_VISIBLE, NULL);
      wait_done (&r);
      g_assert_no_error (r.error);
      result_clear (&r);
      g_assert_cmpuint (desk_render_queue_get_cache_bytes (queue), <=, bound);
      g_assert_cmpuint (desk_render_queue_get_cache_n_surfaces (queue), ==, MIN (i + 1, 2));
    }
  g_assert_cmpuint (desk_render_queue_get_n_rendered (queue), ==, 6);

  /* The most recent page is still there, the oldest was evicted. */
  submit (queue, doc, &r, 5, 0.5, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  wait_done (&r);
  result_clear (&r);
  g_assert_cmpuint (desk_render_queue_get_n_rendered (queue), ==, 6);
  submit (queue, doc, &r, 0, 0.5, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  wait_done (&r);
  result_clear (&r);
  g_assert_cmpuint (desk_render_queue_get_n_rendered (queue), ==, 7);

  /* Shrinking the bound evicts at once. */
  desk_render_queue_set_cache_max_bytes (queue, 600 * 1000);
  g_assert_cmpuint (desk_render_queue_get_cache_n_surfaces (queue), ==, 1);
  g_assert_cmpuint (desk_render_queue_get_cache_bytes (queue), <=, 600 * 1000);
}

/* Results arrive on the thread-default context of the submitter. */
static void
test_main_context (void)
{
  g_autoptr (DeskPdfDocument) doc = open_doc ();
  g_autoptr (DeskRenderQueue) queue = desk_render_queue_new (0);
  g_autoptr (GMainContext) context = g_main_context_new ();
  Result r = { 0 };
  gint64 deadline;

  g_main_context_push_thread_default (context);
  submit (queue, doc, &r, 0, 0.25, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  g_main_context_pop_thread_default (context);

  /* Give the worker ample time; the default context must not deliver. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (r.done);
  while (!r.done)
    g_main_context_iteration (context, TRUE);
  g_assert_no_error (r.error);
  result_clear (&r);
}

/* Jobs queued on a document that goes away still call back. */
static void
test_document_closed (void)
{
  DeskPdfDocument *doc = open_doc ();
  g_autoptr (DeskRenderQueue) queue = desk_render_queue_new (0);
  Result  results[6] = { { 0 } };
  Blocker blocker;

  /* Dropping the document waits for the item in progress: let it end alone. */
  blocker_start_full (&blocker, doc, g_get_monotonic_time () + G_USEC_PER_SEC / 10);
  for (guint i = 0; i < 6; i++)
    submit (queue, doc, &results[i], i, 0.25, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  g_object_unref (doc);
  g_assert_true (blocker.started);
  for (guint i = 0; i < 6; i++)
    {
      wait_done (&results[i]);
      g_assert_error (results[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      result_clear (&results[i]);
    }
  blocker_clear (&blocker);

  /* Submitting to a disposed (but still referenced) document. */
  doc = open_doc ();
  g_object_run_dispose (G_OBJECT (doc));
  submit (queue, doc, &results[0], 0, 0.25, DESK_RENDER_PRIORITY_VISIBLE, NULL);
  wait_done (&results[0]);
  g_assert_error (results[0].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  result_clear (&results[0]);
  g_object_unref (doc);
  g_assert_cmpuint (desk_render_queue_get_n_rendered (queue), ==, 0);
}

static void
test_two_workers (void)
{
  g_autoptr (DeskPdfDocument) doc = open_doc ();
  g_autoptr (DeskRenderQueue) queue = desk_render_queue_new (0);
  Result results[6] = { { 0 } };

  desk_pdf_document_set_max_workers (doc, 2);
  for (guint i = 0; i < 6; i++)
    submit (queue, doc, &results[i], i, 0.3, DESK_RENDER_PRIORITY_THUMBNAIL, NULL);
  for (guint i = 0; i < 6; i++)
    {
      wait_done (&results[i]);
      g_assert_no_error (results[i].error);
      g_assert_cmphex (pixel_at (results[i].surface, 60, 36), ==, 0xff000000);
      result_clear (&results[i]);
    }
  g_assert_cmpuint (desk_render_queue_get_n_rendered (queue), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("desk-render-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_setenv ("APPEAL_DESK_DATA_DIR", tmp_dir, TRUE);
  make_pdf ();

  g_test_add_func ("/render-queue/surface", test_render_surface);
  g_test_add_func ("/render-queue/priority-order", test_priority_order);
  g_test_add_func ("/render-queue/cancel-job", test_cancel_job);
  g_test_add_func ("/render-queue/cancel-document", test_cancel_document);
  g_test_add_func ("/render-queue/cache-hit", test_cache_hit);
  g_test_add_func ("/render-queue/cache-bound", test_cache_bound);
  g_test_add_func ("/render-queue/main-context", test_main_context);
  g_test_add_func ("/render-queue/document-closed", test_document_closed);
  g_test_add_func ("/render-queue/two-workers", test_two_workers);
  ret = g_test_run ();

  g_unlink (pdf_path);
  g_rmdir (tmp_dir);
  g_free (pdf_path);
  g_free (tmp_dir);
  return ret;
}
