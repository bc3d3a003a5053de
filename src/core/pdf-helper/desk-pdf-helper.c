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
 *   appeal-desk-pdf-helper MIB MSEC pages FILE
 *       what opening costs, before the application opens the file itself:
 *       "pages N", then a "WIDTH HEIGHT" line per page
 *   appeal-desk-pdf-helper MIB MSEC text-layer FILE PAGE…
 *       one line per page as soon as it is known: "PAGE present|none",
 *       up to the first page with text
 *   appeal-desk-pdf-helper MIB MSEC text FILE PAGE
 *       the page's text (UTF-8)
 *   appeal-desk-pdf-helper MIB MSEC render FILE PAGE SCALE WIDTH HEIGHT
 *       WIDTH × HEIGHT native-endian ARGB32 pixels, white page, stride 4 × WIDTH
 *   appeal-desk-pdf-helper MIB MSEC serve
 *       stays for many requests. Standard input: FILE (escaped as
 *       g_strescape() does) and the password line, answered "ready"; then
 *       one line per request, "BOUND COMMAND ARGS…" with a command above
 *       ("BOUND pages", "BOUND render PAGE SCALE WIDTH HEIGHT", …). The
 *       first request opens the file. Each answer is "ok LENGTH\n" and
 *       LENGTH bytes, or "err\n"; "pages" answers nothing when poppler
 *       cannot open the file. BOUND milliseconds (at most MSEC) bound the
 *       request, opening included; the parent also kills on its own
 *       deadline or cancel.
 *
 * For the other commands a password, if any, is the first line of standard
 * input. Exit status 0 on success, 2 on bad usage, 3 when the file cannot
 * be opened. */

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

/* SIGALRM's default action ends the process, wherever poppler is; 0 disarms. */
static void
arm (guint64 msec)
{
  struct itimerval deadline = { { 0, 0 }, { msec / 1000, (msec % 1000) * 1000 } };

  setitimer (ITIMER_REAL, &deadline, NULL);
}

static void
bound_self (guint64 mib, guint64 msec, gboolean serving)
{
  limit (RLIMIT_CORE, 0);
  limit (RLIMIT_AS, (rlim_t)mib * 1024 * 1024);
  signal (SIGALRM, SIG_DFL);
  /* CPU time adds up over a serving helper's life: its requests are bounded
   * one by one, by the timer (and by the parent). */
  if (serving)
    return;
  limit (RLIMIT_CPU, msec / 1000 + 2);
  arm (msec);
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
open_document (const char *path, const char *password)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return poppler_document_new_from_gfile (file, password, NULL, NULL);
}

static void
wipe (char *password)
{
  if (password)
    memset (password, 0, strlen (password));
  g_free (password);
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

/* The document information the application reads once this answered. */
static void
read_info (PopplerDocument *doc)
{
  GDateTime *created = poppler_document_get_creation_date_time (doc);
  GDateTime *modified = poppler_document_get_modification_date_time (doc);

  g_free (poppler_document_get_title (doc));
  g_free (poppler_document_get_author (doc));
  g_free (poppler_document_get_producer (doc));
  g_free (poppler_document_get_creator (doc));
  g_clear_pointer (&created, g_date_time_unref);
  g_clear_pointer (&modified, g_date_time_unref);
}

/* "pages N", then each page's "WIDTH HEIGHT" in points ("0 0": poppler
 * cannot read it): the application reads no page itself to lay them out. */
static int
pages (PopplerDocument *doc, int argc, char **argv)
{
  int n = poppler_document_get_n_pages (doc);

  if (argc != 0)
    return 2;
  read_info (doc);
  printf ("pages %d\n", n);
  for (int i = 0; i < n; i++)
    {
      g_autoptr (HelperPage) page = poppler_document_get_page (doc, i);
      char   w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];
      double width = 0, height = 0;

      if (page)
        poppler_page_get_size (page, &width, &height);
      printf ("%s %s\n", g_ascii_dtostr (w, sizeof w, width), g_ascii_dtostr (h, sizeof h, height));
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

/* Draws the page; the caller writes the pixels. */
static int
render_surface (PopplerDocument *doc, int argc, char **argv, cairo_surface_t **out)
{
  g_autoptr (HelperPage) page = NULL;
  cairo_surface_t *surface;
  cairo_t         *cr;
  guint64          width, height;
  double           scale;
  int              index;

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
    {
      cairo_surface_destroy (surface);
      return 4;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  if (page)
    poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  *out = surface;
  return 0;
}

static int
write_pixels (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int           width = cairo_image_surface_get_width (surface);
  int           height = cairo_image_surface_get_height (surface);
  int           stride = cairo_image_surface_get_stride (surface);

  /* ARGB32 rows are contiguous (stride 4 × width): one write, a pipe's
   * worth at a time, not two system calls a row. */
  if (stride != 4 * width || fwrite (data, (gsize)stride, height, stdout) != (size_t)height)
    return 5;
  return fflush (stdout) == 0 ? 0 : 5;
}

static int
render (PopplerDocument *doc, int argc, char **argv)
{
  cairo_surface_t *surface = NULL;
  int              status = render_surface (doc, argc, argv, &surface);

  if (status == 0)
    {
      status = write_pixels (surface);
      cairo_surface_destroy (surface);
    }
  return status;
}

/* @doc is NULL when poppler could not open the file. */
static int
run (PopplerDocument *doc, const char *command, int argc, char **argv)
{
  if (doc == NULL)
    /* The application's own open then says why (password, damage). */
    return strcmp (command, "pages") == 0 ? 0 : 3;
  if (strcmp (command, "pages") == 0)
    return pages (doc, argc, argv);
  if (strcmp (command, "text-layer") == 0)
    return text_layer (doc, argc, argv);
  if (strcmp (command, "text") == 0)
    return page_text (doc, argc, argv);
  if (strcmp (command, "render") == 0)
    return render (doc, argc, argv);
  return 2;
}

/* Pixels go straight out, after their length: no copy in between. */
static void
serve_render (PopplerDocument *doc, int argc, char **argv)
{
  cairo_surface_t *surface = NULL;

  if (doc == NULL || render_surface (doc, argc, argv, &surface) != 0)
    {
      fputs ("err\n", stdout);
      return;
    }
  printf ("ok %zu\n", (size_t)cairo_image_surface_get_width (surface) * cairo_image_surface_get_height (surface) * 4);
  if (write_pixels (surface) != 0)
    exit (5); /* the parent sees a short answer */
  cairo_surface_destroy (surface);
}

/* Runs the request with its output captured, then frames it. */
static void
serve_captured (PopplerDocument *doc, const char *command, int argc, char **argv)
{
  FILE  *saved = stdout;
  char  *buf = NULL;
  size_t len = 0;
  int    status;

  if (!(stdout = open_memstream (&buf, &len)))
    {
      stdout = saved;
      fputs ("err\n", stdout);
      return;
    }
  status = run (doc, command, argc, argv);
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
}

typedef struct
{
  const char      *path;
  char            *password;
  PopplerDocument *doc;
  gboolean         opened;
  guint64          max_msec;
} Served;

static void
serve_one (Served *served, char *line)
{
  g_auto (GStrv) argv = NULL;
  guint64 msec;
  int     argc;

  line[strcspn (line, "\n")] = '\0';
  argv = g_strsplit (line, " ", -1);
  argc = g_strv_length (argv);
  if (argc < 2 || !g_ascii_string_to_unsigned (argv[0], 10, 1, served->max_msec, &msec, NULL))
    {
      fputs ("err\n", stdout);
      fflush (stdout);
      return;
    }
  arm (msec);
  if (!served->opened)
    served->doc = open_document (served->path, served->password);
  served->opened = TRUE;
  if (strcmp (argv[1], "render") == 0)
    serve_render (served->doc, argc - 2, argv + 2);
  else
    serve_captured (served->doc, argv[1], argc - 2, argv + 2);
  arm (0);
  fflush (stdout);
}

/* The file comes on standard input, so that a helper can be started
 * before anyone knows which file it will serve. */
static char *
read_path (void)
{
  g_autofree char *line = NULL;
  size_t           size = 0;

  if (getline (&line, &size, stdin) <= 0)
    return NULL;
  line[strcspn (line, "\n")] = '\0';
  return g_strcompress (line);
}

static int
serve (guint64 msec)
{
  g_autofree char *path = read_path ();
  Served           served = { path, read_password (), NULL, FALSE, msec };
  char             line[256];

  if (path)
    puts ("ready");
  fflush (stdout);
  while (path && fgets (line, sizeof line, stdin) != NULL)
    serve_one (&served, line);
  g_clear_object (&served.doc);
  wipe (served.password);
  return path ? 0 : 2;
}

int
main (int argc, char **argv)
{
  g_autoptr (HelperDocument) doc = NULL;
  guint64 mib, msec;
  char   *password;

  if (argc < 4 || !g_ascii_string_to_unsigned (argv[1], 10, 16, 1 << 20, &mib, NULL)
      || !g_ascii_string_to_unsigned (argv[2], 10, 1, 3600 * 1000, &msec, NULL)
      || (strcmp (argv[3], "serve") != 0 && argc < 5))
    {
      fprintf (stderr, "usage: %s MIB MSEC pages|text-layer|text|render FILE ARGS…, or MIB MSEC serve\n", argv[0]);
      return 2;
    }
  /* The parent starts us without closing descriptors (posix_spawn): one
   * its other threads had open for a moment without close-on-exec (GLib's
   * own spawn pipes) would be held here for our whole life, and a spawn
   * waiting for that pipe to close would wait as long. */
  close_range (3, ~0U, 0);
  bound_self (mib, msec, strcmp (argv[3], "serve") == 0);
  if (strcmp (argv[3], "serve") == 0)
    return serve (msec);
  password = read_password ();
  doc = open_document (argv[4], password);
  wipe (password);
  if (doc == NULL)
    return 3;
  return run (doc, argv[3], argc - 5, argv + 5);
}
