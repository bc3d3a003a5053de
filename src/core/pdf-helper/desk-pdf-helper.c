/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-pdf-helper"

#include "config.h"

#include <cairo.h>
#include <poppler.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

/* appeal-desk-pdf-helper: every poppler call that decodes an untrusted PDF's
 * streams (page text, rendering) runs in this small process, which bounds
 * itself before it opens anything: address space (RLIMIT_AS), CPU time and
 * wall-clock time (a timer, MSEC milliseconds). A hostile file (a JBIG2 or Flate bomb) then ends
 * in a killed helper, never in a stalled or swollen application. The parent
 * is src/core/desk-pdf-sandbox.c; it also kills the helper on cancel.
 *
 *   appeal-desk-pdf-helper MIB MSEC text-layer FILE PAGE…
 *       one line per page as soon as it is known: "PAGE present|none",
 *       up to the first page with text
 *   appeal-desk-pdf-helper MIB MSEC text FILE PAGE
 *       the page's text (UTF-8)
 *   appeal-desk-pdf-helper MIB MSEC render FILE PAGE SCALE WIDTH HEIGHT
 *       WIDTH × HEIGHT native-endian ARGB32 pixels, white page, stride 4 × WIDTH
 *   appeal-desk-pdf-helper MIB MSEC serve FILE
 *       stays for many requests, one line each on standard input after the
 *       password line ("render PAGE SCALE WIDTH HEIGHT", "text PAGE"); each
 *       answer is "ok LENGTH\n" and LENGTH bytes, or "err\n". MSEC bounds
 *       every request (the parent also kills on its own deadline or cancel).
 *
 * A password, if any, is the first line of standard input. Exit status 0 on
 * success, 2 on bad usage, 3 when the file cannot be opened. */

/* poppler-glib 22 has no autoptr support. */
typedef PopplerDocument HelperDocument;
typedef PopplerPage     HelperPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelperDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelperPage, g_object_unref)

static void
limit (int resource, rlim_t value)
{
  struct rlimit rl = { value, value };

  setrlimit (resource, &rl);
}

static void
bound_self (guint64 mib, guint64 msec, gboolean serving)
{
  struct itimerval deadline = { { 0, 0 }, { msec / 1000, (msec % 1000) * 1000 } };

  limit (RLIMIT_CORE, 0);
  limit (RLIMIT_AS, (rlim_t)mib * 1024 * 1024);
  /* CPU time adds up over a serving helper's life: its requests are bounded
   * by the timer (and by the parent) instead. */
  if (!serving)
    limit (RLIMIT_CPU, msec / 1000 + 2);
  /* SIGALRM's default action ends the process, wherever poppler is. */
  signal (SIGALRM, SIG_DFL);
  setitimer (ITIMER_REAL, &deadline, NULL);
}

static char *
read_password (void)
{
  char buf[1024];

  if (isatty (0) || fgets (buf, sizeof buf, stdin) == NULL)
    return NULL;
  buf[strcspn (buf, "\n")] = '\0';
  return buf[0] ? g_strdup (buf) : NULL;
}

static PopplerDocument *
open_document (const char *path)
{
  g_autofree char *password = read_password ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  PopplerDocument *doc = poppler_document_new_from_gfile (file, password, NULL, NULL);

  if (password)
    memset (password, 0, strlen (password));
  return doc;
}

static gboolean
parse_page (PopplerDocument *doc, const char *text, int *page)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;
  *page = (int)value;
  return *page < poppler_document_get_n_pages (doc);
}

static gboolean
has_glyphs (const char *text)
{
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static int
text_layer (PopplerDocument *doc, int argc, char **argv)
{
  for (int i = 0; i < argc; i++)
    {
      g_autoptr (HelperPage) page = NULL;
      g_autofree char *text = NULL;
      int              index;

      if (!parse_page (doc, argv[i], &index))
        return 2;
      page = poppler_document_get_page (doc, index);
      text = page ? poppler_page_get_text (page) : NULL;
      printf ("%d %s\n", index, has_glyphs (text) ? "present" : "none");
      fflush (stdout);
      if (has_glyphs (text))
        break; /* one page with text is enough: not a scan */
    }
  return 0;
}

static int
page_text (PopplerDocument *doc, int argc, char **argv)
{
  g_autoptr (HelperPage) page = NULL;
  g_autofree char *text = NULL;
  int              index;

  if (argc != 1 || !parse_page (doc, argv[0], &index))
    return 2;
  page = poppler_document_get_page (doc, index);
  text = page ? poppler_page_get_text (page) : NULL;
  fputs (text ? text : "", stdout);
  return 0;
}

static int
render (PopplerDocument *doc, int argc, char **argv)
{
  g_autoptr (HelperPage) page = NULL;
  cairo_surface_t *surface;
  cairo_t         *cr;
  guint64          width, height;
  double           scale;
  int              index, stride;
  const guint8    *data;

  if (argc != 4 || !parse_page (doc, argv[0], &index)
      || !g_ascii_string_to_unsigned (argv[2], 10, 1, 32767, &width, NULL)
      || !g_ascii_string_to_unsigned (argv[3], 10, 1, 32767, &height, NULL))
    return 2;
  scale = g_ascii_strtod (argv[1], NULL);
  if (!(scale > 0 && scale < 1000))
    return 2;
  page = poppler_document_get_page (doc, index);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)width, (int)height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return 4;
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  if (page)
    poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (guint64 y = 0; y < height; y++)
    if (fwrite (data + y * stride, 4, width, stdout) != width)
      return 5;
  cairo_surface_destroy (surface);
  return fflush (stdout) == 0 ? 0 : 5;
}

/* Runs one request with its output captured, then frames it. */
static void
serve_one (PopplerDocument *doc, char *line, guint64 msec)
{
  struct itimerval deadline = { { 0, 0 }, { msec / 1000, (msec % 1000) * 1000 } };
  struct itimerval off = { { 0, 0 }, { 0, 0 } };
  g_auto (GStrv) argv = NULL;
  char  *buf = NULL;
  size_t len = 0;
  FILE  *saved = stdout;
  int    status;

  line[strcspn (line, "\n")] = '\0';
  argv = g_strsplit (line, " ", -1);
  if (!(stdout = open_memstream (&buf, &len)))
    {
      stdout = saved;
      fputs ("err\n", stdout);
      return;
    }
  setitimer (ITIMER_REAL, &deadline, NULL);
  if (g_strcmp0 (argv[0], "render") == 0)
    status = render (doc, g_strv_length (argv) - 1, argv + 1);
  else if (g_strcmp0 (argv[0], "text") == 0)
    status = page_text (doc, g_strv_length (argv) - 1, argv + 1);
  else
    status = 2;
  setitimer (ITIMER_REAL, &off, NULL);
  fclose (stdout);
  stdout = saved;
  if (status == 0)
    {
      printf ("ok %zu\n", len);
      fwrite (buf, 1, len, stdout);
    }
  else
    fputs ("err\n", stdout);
  free (buf);
  fflush (stdout);
}

static int
serve (PopplerDocument *doc, guint64 msec)
{
  char line[256];

  while (fgets (line, sizeof line, stdin) != NULL)
    serve_one (doc, line, msec);
  return 0;
}

int
main (int argc, char **argv)
{
  g_autoptr (HelperDocument) doc = NULL;
  guint64 mib, msec;

  if (argc < 5 || !g_ascii_string_to_unsigned (argv[1], 10, 16, 1 << 20, &mib, NULL)
      || !g_ascii_string_to_unsigned (argv[2], 10, 1, 3600 * 1000, &msec, NULL))
    {
      fprintf (stderr, "usage: %s MIB MSEC text-layer|text|render FILE ARGS…\n", argv[0]);
      return 2;
    }
  bound_self (mib, msec, strcmp (argv[3], "serve") == 0);
  if (!(doc = open_document (argv[4])))
    return 3;
  if (strcmp (argv[3], "serve") == 0)
    {
      struct itimerval off = { { 0, 0 }, { 0, 0 } };

      setitimer (ITIMER_REAL, &off, NULL); /* per request from here on */
      return serve (doc, msec);
    }
  if (strcmp (argv[3], "text-layer") == 0)
    return text_layer (doc, argc - 5, argv + 5);
  if (strcmp (argv[3], "text") == 0)
    return page_text (doc, argc - 5, argv + 5);
  if (strcmp (argv[3], "render") == 0)
    return render (doc, argc - 5, argv + 5);
  return 2;
}
