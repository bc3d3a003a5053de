/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-bench-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "desk-pdf-document.h"
#include "desk-render-queue.h"

/* Usage: bench-pdf [FILE.pdf] [--reps N] [--hash-mib N] [--skip-hash] [--skip-pdf]
 * Without FILE, a 200-page PDF (text in Latin and Chinese, some vector
 * shapes) is generated. Compares against poppler's pdftoppm, which must be
 * in PATH, and sha256sum. Wall clock, median of --reps runs. */

static int      reps = 7;
static int      hash_mib = 1024;
static gboolean skip_hash = FALSE;
static gboolean skip_pdf = FALSE;
static char    *tmp_dir;

/* Helpers ------------------------------------------------------------------ */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

static double
spawn_ms (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  double start = now_ms ();
  int    status = -1;

  if (!g_spawn_sync (tmp_dir, (char **)argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], error->message);
  return now_ms () - start;
}

static void
empty_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
}

static char *
out_dir (const char *name)
{
  char *dir = g_build_filename (tmp_dir, name, NULL);

  g_mkdir_with_parents (dir, 0700);
  empty_dir (dir);
  return dir;
}

static long
vm_hwm_kib (void)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

/* A document to measure ---------------------------------------------------- */

static void
draw_page (cairo_t     *cr,
           PangoLayout *layout,
           guint        page)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint line = 0; line < 38; line++)
    g_string_append_printf (text, "%u.%u Brand authorization for listing 1005006%04u — "
                                  "授权书第%u页 品牌授权 商标注册证 invoice HS 8516.79\n",
                            page + 1, line + 1, page, page + 1);
  pango_layout_set_text (layout, text->str, -1);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, 50, 60);
  pango_cairo_show_layout (cr, layout);
  for (guint i = 0; i < 6; i++)
    {
      cairo_set_source_rgba (cr, 0.2 * i, 0.3, 0.8 - 0.1 * i, 0.5);
      cairo_arc (cr, 420 + 20 * i, 760, 30, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static char *
generate_pdf (guint n_pages)
{
  char                 *path = g_build_filename (tmp_dir, "bench.pdf", NULL);
  cairo_surface_t      *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t              *cr = cairo_create (surface);
  PangoLayout          *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK SC 9");

  pango_layout_set_font_description (layout, font);
  for (guint page = 0; page < n_pages; page++)
    {
      draw_page (cr, layout, page);
      cairo_show_page (cr);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return path;
}

/* Waiting on the main loop ------------------------------------------------- */

typedef struct
{
  DeskPdfDocument *doc;
  guint            n_done;
  guint            n_failed;
} Wait;

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr (GError) error = NULL;

  wait->doc = desk_pdf_document_open_finish (result, &error);
  if (wait->doc == NULL)
    g_error ("Cannot open: %s", error->message);
}

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;

  surface = desk_render_queue_render_finish (DESK_RENDER_QUEUE (source), result, &error);
  if (surface == NULL)
    wait->n_failed++;
  g_clear_pointer (&surface, cairo_surface_destroy);
  wait->n_done++;
}

static DeskPdfDocument *
open_doc (GFile *file)
{
  Wait wait = { 0 };

  desk_pdf_document_open_async (file, NULL, NULL, opened_cb, &wait);
  while (wait.doc == NULL)
    g_main_context_iteration (NULL, TRUE);
  return wait.doc;
}

/* Renders @n pages from @first at @width pixels wide (0: at @dpi). */
static guint
render_pages (DeskRenderQueue   *queue,
              DeskPdfDocument   *doc,
              guint              n,
              double             width,
              double             dpi,
              DeskRenderPriority priority)
{
  Wait wait = { 0 };

  for (guint i = 0; i < n; i++)
    {
      double w = 0, scale = dpi / 72.0;

      if (width > 0 && desk_pdf_document_get_page_size (doc, i, &w, NULL))
        scale = width / w;
      desk_render_queue_render_async (queue, doc, i, scale, priority, NULL, rendered_cb, &wait);
    }
  while (wait.n_done < n)
    g_main_context_iteration (NULL, TRUE);
  return wait.n_failed;
}

/* (a) open + first page ---------------------------------------------------- */

static double
desk_first_page_ms (GFile *file)
{
  g_autoptr (DeskRenderQueue) queue = desk_render_queue_new (0);
  g_autoptr (DeskPdfDocument) doc = NULL;
  double start = now_ms (), elapsed;

  doc = open_doc (file);
  if (render_pages (queue, doc, 1, 0, 150, DESK_RENDER_PRIORITY_VISIBLE) != 0)
    g_error ("Rendering the first page failed");
  elapsed = now_ms () - start;
  return elapsed;
}

static void
bench_first_page (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GArray) desk = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) png = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ppm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = out_dir ("first");
  g_autofree char *prefix = g_build_filename (dir, "p", NULL);
  const char      *argv_png[] = { "pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", path, prefix, NULL };
  const char      *argv_ppm[] = { "pdftoppm", "-r", "150", "-f", "1", "-l", "1", path, prefix, NULL };
  double           d, p, q;

  for (int i = 0; i < reps; i++)
    {
      d = desk_first_page_ms (file);
      p = spawn_ms (argv_png);
      q = spawn_ms (argv_ppm);
      g_array_append_val (desk, d);
      g_array_append_val (png, p);
      g_array_append_val (ppm, q);
    }
  d = median (desk), p = median (png), q = median (ppm);
  printf ("first-page: desk %.1f ms, pdftoppm %.1f ms, ratio %.2f (goal <= 1.2)\n", d, p, d / p);
  printf ("first-page: (pdftoppm writing PPM instead of PNG: %.1f ms, ratio %.2f)\n", q, d / q);
}

/* (b) thumbnails ----------------------------------------------------------- */

static double
desk_thumbnails_ms (GFile *file,
                    guint  workers)
{
  g_autoptr (DeskRenderQueue) queue = desk_render_queue_new (0);
  g_autoptr (DeskPdfDocument) doc = NULL;
  double start = now_ms ();

  doc = open_doc (file);
  desk_pdf_document_set_max_workers (doc, workers);
  if (render_pages (queue, doc, desk_pdf_document_get_n_pages (doc), 150, 0,
                    DESK_RENDER_PRIORITY_THUMBNAIL)
      != 0)
    g_error ("Rendering thumbnails failed");
  return now_ms () - start;
}

static void
bench_thumbnails (const char *path,
                  guint       n_pages)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GArray) one = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) two = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ref = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = out_dir ("thumbs");
  g_autofree char *prefix = g_build_filename (dir, "t", NULL);
  const char      *argv[] = { "pdftoppm", "-scale-to-x", "150", "-scale-to-y", "-1", "-png", path, prefix, NULL };
  int              n = MAX (3, reps / 2);
  double           a, b, c;

  for (int i = 0; i < n; i++)
    {
      a = desk_thumbnails_ms (file, 1);
      b = desk_thumbnails_ms (file, 2);
      c = spawn_ms (argv);
      empty_dir (dir);
      g_array_append_val (one, a);
      g_array_append_val (two, b);
      g_array_append_val (ref, c);
    }
  a = median (one), b = median (two), c = median (ref);
  printf ("thumbnails (%u pages, 150 px wide): desk 2 workers %.1f ms, pdftoppm %.1f ms, ratio %.2f (goal <= 1.0)\n",
          n_pages, b, c, b / c);
  printf ("thumbnails: (desk 1 worker %.1f ms, ratio %.2f)\n", a, a / c);
}

/* (c) peak RSS ------------------------------------------------------------- */

static void
bench_rss (const char *path,
           guint       n_pages)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (DeskRenderQueue) queue = desk_render_queue_new (0);
  g_autoptr (DeskPdfDocument) doc = open_doc (file);
  long   before = vm_hwm_kib ();
  double start = now_ms ();

  desk_pdf_document_set_max_workers (doc, 2);
  render_pages (queue, doc, n_pages, 0, 150, DESK_RENDER_PRIORITY_VISIBLE);
  printf ("peak-rss: VmHWM %.1f MiB after rendering all %u pages at 150 dpi (%.0f ms; "
          "VmHWM before %.1f MiB); cache %.1f MiB in %u surfaces, bound %.0f MiB\n",
          vm_hwm_kib () / 1024.0, n_pages, now_ms () - start, before / 1024.0,
          desk_render_queue_get_cache_bytes (queue) / 1048576.0,
          desk_render_queue_get_cache_n_surfaces (queue),
          desk_render_queue_get_cache_max_bytes (queue) / 1048576.0);
}

/* (d) import hashing ------------------------------------------------------- */

/* The blob store's import: read the source, SHA-256 it, copy it to a
 * temporary file. Variants differ in chunk size and in whether a second
 * thread takes part of the work. No fsync (measured once, separately). */

typedef void (*HashInit) (void *ctx);
typedef void (*HashUpdate) (void *ctx, size_t len, const guint8 *data);
typedef void (*HashDigest) (void *ctx, size_t len, guint8 *digest);

typedef struct
{
  HashInit   init;
  HashUpdate update;
  HashDigest digest;
  guint8     ctx[512];
} Nettle;

static gboolean
nettle_load (Nettle *n)
{
  void *lib = dlopen ("libnettle.so.8", RTLD_NOW | RTLD_LOCAL);

  if (lib == NULL)
    return FALSE;
  n->init = (HashInit)dlsym (lib, "nettle_sha256_init");
  n->update = (HashUpdate)dlsym (lib, "nettle_sha256_update");
  n->digest = (HashDigest)dlsym (lib, "nettle_sha256_digest");
  return n->init && n->update && n->digest;
}

typedef struct
{
  GChecksum *checksum; /* or NULL: nettle */
  Nettle    *nettle;
} Hasher;

static void
hasher_update (Hasher       *h,
               const guint8 *data,
               gsize         len)
{
  if (h->checksum)
    g_checksum_update (h->checksum, data, len);
  else
    h->nettle->update (h->nettle->ctx, len, data);
}

static char *
hasher_finish (Hasher *h)
{
  guint8   digest[32];
  GString *hex;

  if (h->checksum)
    {
      char *text = g_strdup (g_checksum_get_string (h->checksum));

      g_checksum_free (h->checksum);
      return text;
    }
  h->nettle->digest (h->nettle->ctx, sizeof digest, digest);
  hex = g_string_new (NULL);
  for (guint i = 0; i < sizeof digest; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
}

static void
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        g_error ("write: %s", g_strerror (errno));
      data += n;
      len -= n;
    }
}

static gssize
read_full (int     fd,
           guint8 *data,
           gsize   len)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = read (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        g_error ("read: %s", g_strerror (errno));
      if (n == 0)
        break;
      done += n;
    }
  return done;
}

static char *
make_big_file (void)
{
  char               *path = g_build_filename (tmp_dir, "big.bin", NULL);
  int                 fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_autofree guint64 *block = g_new (guint64, 1 << 17); /* 1 MiB */
  guint64             x = 88172645463325252ull;

  for (int mib = 0; mib < hash_mib; mib++)
    {
      for (guint i = 0; i < 1 << 17; i++)
        {
          x ^= x << 13, x ^= x >> 7, x ^= x << 17;
          block[i] = x;
        }
      write_all (fd, (const guint8 *)block, 1 << 20);
    }
  /* Not flushing now would slow down whichever variant runs first. */
  fsync (fd);
  close (fd);
  return path;
}

static void
open_pair (const char *src,
           int        *in,
           int        *out,
           char      **dst)
{
  *dst = g_build_filename (tmp_dir, "copy-XXXXXX", NULL);
  *in = open (src, O_RDONLY | O_CLOEXEC);
  *out = g_mkstemp_full (*dst, O_WRONLY | O_CLOEXEC, 0600);
  if (*in < 0 || *out < 0)
    g_error ("open: %s", g_strerror (errno));
}

static char *
hash_only (const char *src)
{
  g_autofree guint8 *buf = g_malloc (1 << 20);
  Hasher             h = { g_checksum_new (G_CHECKSUM_SHA256), NULL };
  int                in = open (src, O_RDONLY | O_CLOEXEC);
  gssize             n;

  while ((n = read_full (in, buf, 1 << 20)) > 0)
    hasher_update (&h, buf, n);
  close (in);
  return hasher_finish (&h);
}

static char *
import_serial (const char *src,
               gsize       chunk,
               Nettle     *nettle,
               gboolean    do_fsync)
{
  g_autofree guint8 *buf = g_malloc (chunk);
  g_autofree char   *dst = NULL;
  Hasher             h = { nettle ? NULL : g_checksum_new (G_CHECKSUM_SHA256), nettle };
  int                in, out;
  gssize             n;

  if (nettle)
    nettle->init (nettle->ctx);
  open_pair (src, &in, &out, &dst);
  while ((n = read_full (in, buf, chunk)) > 0)
    {
      hasher_update (&h, buf, n);
      write_all (out, buf, n);
    }
  if (do_fsync)
    fsync (out);
  close (in);
  close (out);
  g_unlink (dst);
  return hasher_finish (&h);
}

/* Two threads: buffers circulate between a free and a full queue. The
 * pool thread either hashes (this thread reads and writes) or writes (this
 * thread reads and hashes). */
typedef struct
{
  guint8 *data;
  gsize   len;
} Buffer;

typedef struct
{
  GAsyncQueue *free;
  GAsyncQueue *full;
  gboolean     worker_hashes;
  Hasher      *hasher;
  int          out;
} Pipeline;

static void
pipeline_worker (gpointer data,
                 gpointer user_data)
{
  Pipeline *p = data;
  Buffer   *b;

  while ((b = g_async_queue_pop (p->full))->len > 0)
    {
      if (p->worker_hashes)
        hasher_update (p->hasher, b->data, b->len);
      else
        write_all (p->out, b->data, b->len);
      g_async_queue_push (p->free, b);
    }
  g_async_queue_push (p->free, b);
}

static char *
import_pipeline (const char *src,
                 gsize       chunk,
                 gboolean    worker_hashes)
{
  Hasher           h = { g_checksum_new (G_CHECKSUM_SHA256), NULL };
  Pipeline         p = { g_async_queue_new (), g_async_queue_new (), worker_hashes, &h, -1 };
  Buffer           buffers[4];
  g_autofree char *dst = NULL;
  GThreadPool     *pool;
  int              in;

  open_pair (src, &in, &p.out, &dst);
  for (guint i = 0; i < G_N_ELEMENTS (buffers); i++)
    {
      buffers[i].data = g_malloc (chunk);
      g_async_queue_push (p.free, &buffers[i]);
    }
  pool = g_thread_pool_new (pipeline_worker, NULL, 1, FALSE, NULL);
  g_thread_pool_push (pool, &p, NULL);
  for (;;)
    {
      Buffer *b = g_async_queue_pop (p.free);

      b->len = read_full (in, b->data, chunk);
      if (b->len > 0 && worker_hashes)
        write_all (p.out, b->data, b->len);
      else if (b->len > 0)
        hasher_update (&h, b->data, b->len);
      g_async_queue_push (p.full, b);
      if (b->len == 0)
        break;
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (buffers); i++)
    g_free (buffers[i].data);
  g_async_queue_unref (p.free);
  g_async_queue_unref (p.full);
  close (in);
  close (p.out);
  g_unlink (dst);
  return hasher_finish (&h);
}

typedef enum
{
  IMPORT_SERIAL_1M,
  IMPORT_SERIAL_4M,
  IMPORT_HASH_THREAD_1M,
  IMPORT_WRITE_THREAD_1M,
  IMPORT_HASH_THREAD_4M,
  IMPORT_NETTLE_1M,
  IMPORT_HASH_ONLY,
  N_IMPORTS
} ImportKind;

static const char *import_names[N_IMPORTS] = {
  "1 thread, 1 MiB chunks",
  "1 thread, 4 MiB chunks",
  "2 threads (hash || read+write), 1 MiB",
  "2 threads (write || read+hash), 1 MiB",
  "2 threads (hash || read+write), 4 MiB",
  "nettle SHA-256 (dlopen), 1 thread, 1 MiB",
  "GChecksum hash only, no copy (the floor)",
};

static char *
run_import (ImportKind  kind,
            const char *src,
            Nettle     *nettle)
{
  switch (kind)
    {
      case IMPORT_SERIAL_1M: return import_serial (src, 1 << 20, NULL, FALSE);
      case IMPORT_SERIAL_4M: return import_serial (src, 4 << 20, NULL, FALSE);
      case IMPORT_HASH_THREAD_1M: return import_pipeline (src, 1 << 20, TRUE);
      case IMPORT_WRITE_THREAD_1M: return import_pipeline (src, 1 << 20, FALSE);
      case IMPORT_HASH_THREAD_4M: return import_pipeline (src, 4 << 20, TRUE);
      case IMPORT_NETTLE_1M: return import_serial (src, 1 << 20, nettle, FALSE);
      case IMPORT_HASH_ONLY: return hash_only (src);
      case N_IMPORTS:
      default: g_assert_not_reached ();
    }
}

static char *
sha256sum_of (const char *path,
              double     *ms)
{
  const char      *argv[] = { "sha256sum", path, NULL };
  g_autofree char *out = NULL;
  double           start = now_ms ();
  int              status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL))
    g_error ("sha256sum failed");
  *ms = now_ms () - start;
  return g_strndup (out, 64);
}

static void
bench_hash (void)
{
  g_autofree char *src = make_big_file ();
  g_autofree char *expected = NULL;
  g_autoptr (GArray) ref = g_array_new (FALSE, FALSE, sizeof (double));
  GArray  *times[N_IMPORTS];
  gboolean have_nettle;
  Nettle   nettle;
  double   ms, r, start;
  int      n = MIN (reps, 3);

  have_nettle = nettle_load (&nettle);
  g_free (sha256sum_of (src, &ms)); /* warm the page cache */
  for (int k = 0; k < N_IMPORTS; k++)
    times[k] = g_array_new (FALSE, FALSE, sizeof (double));
  for (int i = 0; i < n; i++)
    {
      g_free (expected);
      expected = sha256sum_of (src, &ms);
      g_array_append_val (ref, ms);
      /* Rotate the order so no variant always follows the same one. */
      for (int j = 0; j < N_IMPORTS; j++)
        {
          int              k = (i + j) % N_IMPORTS;
          g_autofree char *hex = NULL;

          if (k == IMPORT_NETTLE_1M && !have_nettle)
            continue;
          start = now_ms ();
          hex = run_import (k, src, &nettle);
          ms = now_ms () - start;
          if (g_strcmp0 (hex, expected) != 0)
            g_error ("%s: wrong digest %s", import_names[k], hex);
          g_array_append_val (times[k], ms);
        }
    }
  r = median (ref);
  printf ("import-hash (%d MiB, SHA-256 + copy to a temp file, no fsync): sha256sum (hash only) %.0f ms\n",
          hash_mib, r);
  for (int k = 0; k < N_IMPORTS; k++)
    {
      if (times[k]->len > 0)
        printf ("import-hash: desk %s %.0f ms, ratio %.2f%s\n", import_names[k],
                median (times[k]), median (times[k]) / r, k == IMPORT_SERIAL_1M ? " (goal <= 1.3)" : "");
      g_array_unref (times[k]);
    }
  start = now_ms ();
  g_free (import_serial (src, 1 << 20, NULL, TRUE));
  printf ("import-hash: (the same with fsync of the copy: %.0f ms)\n", now_ms () - start);
  g_unlink (src);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *generated = NULL;
  g_autoptr (DeskPdfDocument) doc = NULL;
  g_autoptr (GFile) file = NULL;
  const char *path = NULL;
  guint       n_pages = 0;

  /* atoi outside MAX (): the macro evaluates its arguments twice. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--reps") && i + 1 < argc)
      reps = atoi (argv[++i]);
    else if (g_str_equal (argv[i], "--hash-mib") && i + 1 < argc)
      hash_mib = atoi (argv[++i]);
    else if (g_str_equal (argv[i], "--skip-hash"))
      skip_hash = TRUE;
    else if (g_str_equal (argv[i], "--skip-pdf"))
      skip_pdf = TRUE;
    else
      path = argv[i];

  reps = MAX (1, reps);
  hash_mib = MAX (1, hash_mib);
  tmp_dir = g_dir_make_tmp ("desk-bench-pdf-XXXXXX", NULL);
  if (path == NULL && !skip_pdf)
    path = generated = generate_pdf (200);
  if (!skip_pdf)
    {
      file = g_file_new_for_path (path);
      doc = open_doc (file);
      n_pages = desk_pdf_document_get_n_pages (doc);
      g_clear_object (&doc);
      printf ("file: %s, %u pages, %d repetitions, %u cores\n", path, n_pages, reps, g_get_num_processors ());
      bench_first_page (path);
      bench_thumbnails (path, n_pages);
      bench_rss (path, n_pages);
    }
  if (!skip_hash)
    bench_hash ();

  empty_dir (tmp_dir);
  g_rmdir (tmp_dir);
  return 0;
}
