/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "desk-pdf-document-private.h"
#include "desk-pdf-sandbox.h"
#include "desk-pdf-worker-private.h"

#define SNIFF_SIZE 1024

struct _DeskPdfDocument
{
  GObject parent_instance;

  guint64        id;
  GFile         *file;
  DeskPdfWorker *worker;

  goffset  file_size;
  guint    n_pages;
  double  *page_sizes; /* width, height pairs */
  guint8  *text_layer; /* DeskPdfTextLayer per page */
  gboolean scan_only;
  gboolean text_layer_stopped; /* the helper was stopped: too slow or too big */
  gboolean repaired;           /* read despite damage (no %%EOF, unreadable pages) */
  char    *password;

  char      *title;
  char      *author;
  char      *producer;
  char      *creator;
  GDateTime *creation_date;
  GDateTime *mod_date;
};

enum
{
  PROP_0,
  PROP_FILE,
  PROP_N_PAGES,
  PROP_MAX_WORKERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskPdfDocument, desk_pdf_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (desk_pdf_error_quark, desk_pdf_error)

static void
desk_pdf_document_dispose (GObject *object)
{
  DeskPdfDocument *self = (DeskPdfDocument *)object;

  /* Queued work still runs (with a NULL document), so its callers hear back;
   * this waits for the page being rendered, if any. */
  g_clear_pointer (&self->worker, _desk_pdf_worker_close);
  G_OBJECT_CLASS (desk_pdf_document_parent_class)->dispose (object);
}

static void
desk_pdf_document_finalize (GObject *object)
{
  DeskPdfDocument *self = (DeskPdfDocument *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->password, _desk_pdf_password_free);
  g_clear_pointer (&self->page_sizes, g_free);
  g_clear_pointer (&self->text_layer, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->producer, g_free);
  g_clear_pointer (&self->creator, g_free);
  g_clear_pointer (&self->creation_date, g_date_time_unref);
  g_clear_pointer (&self->mod_date, g_date_time_unref);
  G_OBJECT_CLASS (desk_pdf_document_parent_class)->finalize (object);
}

static void
desk_pdf_document_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DeskPdfDocument *self = DESK_PDF_DOCUMENT (object);

  switch (prop_id)
    {
      case PROP_FILE:
        g_value_set_object (value, self->file);
        break;
      case PROP_N_PAGES:
        g_value_set_uint (value, self->n_pages);
        break;
      case PROP_MAX_WORKERS:
        g_value_set_uint (value, desk_pdf_document_get_max_workers (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_pdf_document_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DeskPdfDocument *self = DESK_PDF_DOCUMENT (object);

  switch (prop_id)
    {
      case PROP_MAX_WORKERS:
        desk_pdf_document_set_max_workers (self, g_value_get_uint (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_pdf_document_class_init (DeskPdfDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_pdf_document_dispose;
  object_class->finalize = desk_pdf_document_finalize;
  object_class->get_property = desk_pdf_document_get_property;
  object_class->set_property = desk_pdf_document_set_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] = g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_WORKERS] = g_param_spec_uint ("max-workers", NULL, NULL, 1, DESK_PDF_WORKER_MAX, 1,
                                                    G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_pdf_document_init (DeskPdfDocument *self)
{
  static guint64 next_id = 1;
  G_LOCK_DEFINE_STATIC (next_id);

  G_LOCK (next_id);
  self->id = next_id++;
  G_UNLOCK (next_id);
}

/* Errors ------------------------------------------------------------------ */

static void
set_invalid_error (GError    **error,
                   const char *reason)
{
  /* Translators: %s says what is wrong, e.g. "the file ends too early" */
  g_set_error (error, DESK_PDF_ERROR, DESK_PDF_ERROR_INVALID,
               _ ("The PDF is damaged or incomplete: %s. Ask the sender for a new copy."),
               reason);
}

static gboolean
set_io_error (GError **error,
              GFile   *file,
              GError  *cause)
{
  g_autofree char *name = g_file_get_basename (file);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else
    /* Translators: %s are the file name, then the system's reason */
    g_set_error (error, DESK_PDF_ERROR, DESK_PDF_ERROR_IO,
                 _ ("Could not read “%s”: %s. Check that the file still exists and that you may read it."),
                 name, cause->message);
  return FALSE;
}

static gboolean
set_not_pdf_error (GError **error,
                   GFile   *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (folded, ".pdf"))
    g_set_error_literal (error, DESK_PDF_ERROR, DESK_PDF_ERROR_NOT_PDF,
                         _ ("This file is not a PDF, although its name ends in .pdf. Ask the sender for the real PDF."));
  else
    g_set_error_literal (error, DESK_PDF_ERROR, DESK_PDF_ERROR_NOT_PDF,
                         _ ("This file is not a PDF. Add it as the kind of file it really is."));
  return FALSE;
}

static void
convert_poppler_error (GError     *poppler_error,
                       GFile      *file,
                       const char *password,
                       GError    **error)
{
  if (poppler_error->domain != POPPLER_ERROR)
    set_io_error (error, file, poppler_error);
  else if (poppler_error->code == POPPLER_ERROR_ENCRYPTED && (password == NULL || *password == 0))
    g_set_error_literal (error, DESK_PDF_ERROR, DESK_PDF_ERROR_ENCRYPTED,
                         _ ("This PDF is protected by a password. Enter the password to preview it."));
  else if (poppler_error->code == POPPLER_ERROR_ENCRYPTED)
    g_set_error_literal (error, DESK_PDF_ERROR, DESK_PDF_ERROR_BAD_PASSWORD,
                         _ ("The password is not correct for this PDF. Check it (capitals count) and try again."));
  else if (poppler_error->code == POPPLER_ERROR_OPEN_FILE)
    set_io_error (error, file, poppler_error);
  else
    /* Translators: completes "The PDF is damaged or incomplete: %s." */
    set_invalid_error (error, _ ("its structure cannot be read"));
}

/* Checks the cheap things before poppler parses anything: size, the "%PDF-"
 * magic in the first 1024 bytes and "%%EOF" in the last 1024 bytes (the PDF
 * reference tolerates that much around both markers). */
static gboolean
read_head_and_tail (GFileInputStream *in,
                    goffset           size,
                    guint8           *head,
                    gsize            *head_len,
                    guint8           *tail,
                    gsize            *tail_len,
                    GCancellable     *cancellable,
                    GError          **error)
{
  goffset tail_start = MAX (0, size - SNIFF_SIZE);

  if (!g_input_stream_read_all (G_INPUT_STREAM (in), head, MIN (size, SNIFF_SIZE),
                                head_len, cancellable, error))
    return FALSE;
  if (!g_seekable_seek (G_SEEKABLE (in), tail_start, G_SEEK_SET, cancellable, error))
    return FALSE;
  return g_input_stream_read_all (G_INPUT_STREAM (in), tail, size - tail_start,
                                  tail_len, cancellable, error);
}

static gboolean
check_file (GFile        *file,
            goffset      *size_out,
            gboolean     *repaired,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GFileInfo) info = NULL;
  guint8  head[SNIFF_SIZE], tail[SNIFF_SIZE];
  gsize   head_len = 0, tail_len = 0;
  goffset size;

  in = g_file_read (file, cancellable, &local_error);
  if (in != NULL)
    info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                           cancellable, &local_error);
  if (info == NULL)
    return set_io_error (error, file, local_error);

  *size_out = size = g_file_info_get_size (info);
  if (size == 0)
    {
      g_set_error_literal (error, DESK_PDF_ERROR, DESK_PDF_ERROR_EMPTY,
                           _ ("This file is empty (0 bytes). Add it again once it has finished downloading, or ask the sender for a new copy."));
      return FALSE;
    }
  if (size > DESK_PDF_MAX_FILE_SIZE)
    {
      g_set_error_literal (error, DESK_PDF_ERROR, DESK_PDF_ERROR_TOO_LARGE,
                           _ ("This PDF is larger than 1 GB, too large to preview. Compress it or split it into smaller files."));
      return FALSE;
    }
  if (!read_head_and_tail (in, size, head, &head_len, tail, &tail_len, cancellable, &local_error))
    return set_io_error (error, file, local_error);
  if (memmem (head, head_len, "%PDF-", 5) == NULL)
    return set_not_pdf_error (error, file);
  /* No "%%EOF" near the end: cut short, or junk appended. Poppler reads
   * many such files (pdftoppm renders them): let it try, and say so. */
  *repaired = memmem (tail, tail_len, "%%EOF", 5) == NULL;
  return TRUE;
}

/* Reading the document (opening thread) ---------------------------------- */

static char *
dup_metadata (char *value)
{
  g_autofree char *owned = value;

  if (owned == NULL)
    return NULL;
  g_strstrip (owned);
  return *owned ? g_steal_pointer (&owned) : NULL;
}

static void
read_metadata (DeskPdfDocument *self,
               PopplerDocument *poppler)
{
  self->title = dup_metadata (poppler_document_get_title (poppler));
  self->author = dup_metadata (poppler_document_get_author (poppler));
  self->producer = dup_metadata (poppler_document_get_producer (poppler));
  self->creator = dup_metadata (poppler_document_get_creator (poppler));
  self->creation_date = poppler_document_get_creation_date_time (poppler);
  self->mod_date = poppler_document_get_modification_date_time (poppler);
}

/* What the bounded helper found before this process opens the file. */
typedef struct
{
  DeskPdfHelper *helper;     /* NULL: not a local file, nothing probed */
  gint64         deadline;   /* of the whole probe */
  guint          n_pages;    /* 0: poppler cannot open it (opening here says why) */
  double        *sizes;      /* width, height pairs */
  GBytes        *text_layer; /* "PAGE present|none" lines */
  gboolean       complete;   /* the text layer sample was not stopped */
} Probe;

static void
probe_clear (Probe *probe)
{
  g_clear_pointer (&probe->helper, _desk_pdf_helper_free);
  g_clear_pointer (&probe->sizes, g_free);
  g_clear_pointer (&probe->text_layer, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Probe, probe_clear)

/* A page's size as the helper read it; without a probe (not a local
 * file), read here. FALSE when poppler cannot read the page. */
static gboolean
get_page_size (PopplerDocument *poppler,
               const Probe     *probe,
               guint            i,
               double          *width,
               double          *height)
{
  g_autoptr (DeskPopplerPage) page = NULL;

  if (probe->sizes)
    {
      *width = i < probe->n_pages ? probe->sizes[2 * i] : 0;
      *height = i < probe->n_pages ? probe->sizes[2 * i + 1] : 0;
      return *width > 0 && *height > 0 && *width < 1e6 && *height < 1e6;
    }
  if ((page = poppler_document_get_page (poppler, i)))
    poppler_page_get_size (page, width, height);
  return page != NULL;
}

static void
read_page_sizes (DeskPdfDocument *self,
                 PopplerDocument *poppler,
                 const Probe     *probe)
{
  self->page_sizes = g_new0 (double, 2 * (gsize)self->n_pages);
  for (guint i = 0; i < self->n_pages; i++)
    if (!get_page_size (poppler, probe, i, &self->page_sizes[2 * i], &self->page_sizes[2 * i + 1]))
      {
        /* Shown blank, the size of the page before (A4 for the first). */
        self->repaired = TRUE;
        self->page_sizes[2 * i] = i ? self->page_sizes[2 * i - 2] : 595.0;
        self->page_sizes[2 * i + 1] = i ? self->page_sizes[2 * i - 1] : 842.0;
      }
}

/* Fills @out with the sorted, distinct sampled page indices; returns the count. */
static guint
text_sample_pages (guint  n_pages,
                   guint *out)
{
  guint head = MIN (n_pages, DESK_PDF_TEXT_SAMPLE_HEAD);
  guint n = 0;

  for (guint i = 0; i < head; i++)
    out[n++] = i;
  for (guint k = 1; n_pages > head && k <= DESK_PDF_TEXT_SAMPLE_SPREAD; k++)
    {
      guint index = head + (guint)(((guint64)(n_pages - 1 - head) * k) / DESK_PDF_TEXT_SAMPLE_SPREAD);

      if (out[n - 1] < index)
        out[n++] = index;
    }
  return n;
}

/* Reads the helper's "PAGE present|none" lines; pages it did not reach
 * stay unknown. */
static void
parse_text_layer (DeskPdfDocument *self,
                  GBytes          *output)
{
  gsize            len;
  const char      *data = g_bytes_get_data (output, &len);
  g_autofree char *text = g_strndup (data ? data : "", len);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      guint64 page;
      char   *space = strchr (lines[i], ' ');

      if (space == NULL)
        continue;
      *space = '\0';
      if (!g_ascii_string_to_unsigned (lines[i], 10, 0, self->n_pages - 1, &page, NULL))
        continue;
      if (g_str_equal (space + 1, "present"))
        self->text_layer[page] = DESK_PDF_TEXT_LAYER_PRESENT;
      else if (g_str_equal (space + 1, "none"))
        self->text_layer[page] = DESK_PDF_TEXT_LAYER_NONE;
    }
}

/* The text layer from the probe's lines; a probe that was stopped leaves
 * pages unknown, and the file is then not called a scan. */
static void
apply_probe (DeskPdfDocument *self,
             const Probe     *probe)
{
  guint sample[DESK_PDF_TEXT_SAMPLE_HEAD + DESK_PDF_TEXT_SAMPLE_SPREAD];
  guint n = text_sample_pages (self->n_pages, sample);

  self->text_layer = g_new0 (guint8, self->n_pages);
  if (probe->text_layer)
    parse_text_layer (self, probe->text_layer);
  self->text_layer_stopped = !probe->complete;
  self->scan_only = probe->complete;
  for (guint i = 0; i < n; i++)
    if (self->text_layer[sample[i]] != DESK_PDF_TEXT_LAYER_NONE)
      self->scan_only = FALSE;
  /* The sample stops at the first page with text. */
  for (guint i = 0; i < n; i++)
    if (self->text_layer[sample[i]] == DESK_PDF_TEXT_LAYER_PRESENT)
      {
        self->scan_only = FALSE;
        self->text_layer_stopped = FALSE;
      }
}

/* The helper's "pages N" and N "WIDTH HEIGHT" lines. */
static void
parse_pages (Probe  *probe,
             GBytes *answer)
{
  gsize            len = 0;
  const char      *data = g_bytes_get_data (answer, &len);
  g_autofree char *text = g_strndup (data ? data : "", len);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint64 n = 0;

  if (!g_str_has_prefix (text, "pages ") || !g_ascii_string_to_unsigned (lines[0] + 6, 10, 1, G_MAXINT, &n, NULL))
    return;
  probe->n_pages = n;
  probe->sizes = g_new0 (double, 2 * n);
  for (guint i = 0; i < n && lines[i + 1]; i++)
    {
      char *end = NULL;

      probe->sizes[2 * i] = g_ascii_strtod (lines[i + 1], &end);
      probe->sizes[2 * i + 1] = g_ascii_strtod (end, NULL);
    }
}

/* Everything poppler does on an untrusted file happens first in the
 * bounded helper: opening, every page's size, the document's information
 * (the reads this process does next), then the text layer sample (page
 * text decodes content streams, which a hostile file makes enormous). A
 * file the helper could not even open within the bounds is refused; one
 * whose text sample was stopped is opened, with its text layer unknown. */
static gboolean
probe_pages (Probe        *probe,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) pages = NULL;
  gboolean complete = FALSE;

  probe->deadline = g_get_monotonic_time () + DESK_PDF_SANDBOX_TEXT_LAYER_MSEC * 1000;
  if (probe->helper == NULL)
    return TRUE; /* not a local file: no sample, text layer unknown */
  pages = _desk_pdf_helper_request (probe->helper, "pages", DESK_PDF_SANDBOX_TEXT_LAYER_MSEC, &complete, cancellable, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!complete)
    {
      g_set_error_literal (error, DESK_PDF_ERROR, DESK_PDF_ERROR_TOO_COSTLY,
                           _ ("Appeal Desk stopped opening this PDF: it needed far more time or memory than a document should. It may be damaged or made to harm; ask the sender for a new copy."));
      return FALSE;
    }
  /* No pages: poppler said quickly that it cannot open the file; opening
   * it here gives the reason (password, damage) just as quickly. */
  parse_pages (probe, pages);
  return TRUE;
}

/* Sent before this process opens the file and read after, so both happen
 * at once; within what is left of the probe's bound. The helper stops at
 * the first page with text. */
static void
probe_text_layer_send (Probe *probe)
{
  guint  sample[DESK_PDF_TEXT_SAMPLE_HEAD + DESK_PDF_TEXT_SAMPLE_SPREAD];
  guint  n = text_sample_pages (probe->n_pages, sample);
  gint64 msec = (probe->deadline - g_get_monotonic_time ()) / 1000;
  g_autoptr (GString) request = g_string_new ("text-layer");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (request, " %u", sample[i]);
  /* A helper that could not be asked shows as a stopped sample. */
  if (probe->n_pages > 0)
    _desk_pdf_helper_send (probe->helper, request->str, (guint)CLAMP (msec, 1, DESK_PDF_SANDBOX_TEXT_LAYER_MSEC), NULL);
}

static gboolean
probe_text_layer_receive (Probe        *probe,
                          GCancellable *cancellable,
                          GError      **error)
{
  g_autoptr (GError) local_error = NULL;

  if (probe->n_pages == 0)
    return TRUE;
  probe->text_layer = _desk_pdf_helper_receive (probe->helper, &probe->complete, cancellable, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_document (DeskPdfDocument *self,
               PopplerDocument *poppler,
               const Probe     *probe,
               GCancellable    *cancellable,
               GError         **error)
{
  int n_pages = poppler_document_get_n_pages (poppler);

  if (n_pages <= 0)
    {
      /* Translators: completes "The PDF is damaged or incomplete: %s." */
      set_invalid_error (error, _ ("it has no pages"));
      return FALSE;
    }
  self->n_pages = n_pages;
  read_metadata (self, poppler);
  read_page_sizes (self, poppler, probe);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Opening ----------------------------------------------------------------- */

DeskPdfDocument *
desk_pdf_document_open (GFile        *file,
                        const char   *password,
                        GCancellable *cancellable,
                        GError      **error)
{
  g_autoptr (DeskPdfDocument) self = NULL;
  g_autoptr (DeskPopplerDocument) poppler = NULL;
  g_autoptr (GError) poppler_error = NULL;
  g_auto (Probe) probe = { 0 };
  g_autofree char *path = NULL;
  goffset          size = 0;
  gboolean         repaired = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((path = g_file_get_path (file)))
    probe.helper = _desk_pdf_helper_new (path, password, DESK_PDF_SANDBOX_MEMORY_MIB);
  if (!check_file (file, &size, &repaired, cancellable, error) || !probe_pages (&probe, cancellable, error))
    return NULL;
  probe_text_layer_send (&probe);
  poppler = poppler_document_new_from_gfile (file, password, cancellable, &poppler_error);
  if (poppler == NULL)
    {
      convert_poppler_error (poppler_error, file, password, error);
      return NULL;
    }

  self = g_object_new (DESK_TYPE_PDF_DOCUMENT, NULL);
  self->file = g_object_ref (file);
  self->file_size = size;
  self->repaired = repaired;
  self->password = g_strdup (password);
  if (!read_document (self, poppler, &probe, cancellable, error) || !probe_text_layer_receive (&probe, cancellable, error))
    return NULL;
  apply_probe (self, &probe);
  /* The helper that probed the file has it open: it renders first. */
  if (probe.helper)
    _desk_pdf_helper_keep (poppler, g_steal_pointer (&probe.helper));
  self->worker = _desk_pdf_worker_new (file, password, g_steal_pointer (&poppler));
  return g_steal_pointer (&self);
}

typedef struct
{
  GFile *file;
  char  *password;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->file);
  _desk_pdf_password_free (data->password);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData        *data = task_data;
  GError          *error = NULL;
  DeskPdfDocument *self = desk_pdf_document_open (data->file, data->password, cancellable, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
desk_pdf_document_open_async (GFile              *file,
                              const char         *password,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_pdf_document_open_async);
  data = g_new0 (OpenData, 1);
  data->file = g_object_ref (file);
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify)open_data_free);
  g_task_run_in_thread (task, open_thread);
}

DeskPdfDocument *
desk_pdf_document_open_finish (GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_pdf_document_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Getters ----------------------------------------------------------------- */

GFile *
desk_pdf_document_get_file (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), NULL);
  return self->file;
}

guint64
desk_pdf_document_get_id (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), 0);
  return self->id;
}

guint
desk_pdf_document_get_n_pages (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), 0);
  return self->n_pages;
}

goffset
desk_pdf_document_get_file_size (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), 0);
  return self->file_size;
}

const char *
desk_pdf_document_get_title (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), NULL);
  return self->title;
}

const char *
desk_pdf_document_get_author (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), NULL);
  return self->author;
}

const char *
desk_pdf_document_get_producer (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), NULL);
  return self->producer;
}

const char *
desk_pdf_document_get_creator (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), NULL);
  return self->creator;
}

GDateTime *
desk_pdf_document_get_creation_date (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), NULL);
  return self->creation_date;
}

GDateTime *
desk_pdf_document_get_mod_date (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), NULL);
  return self->mod_date;
}

gboolean
desk_pdf_document_get_page_size (DeskPdfDocument *self,
                                 guint            page,
                                 double          *width,
                                 double          *height)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), FALSE);

  if (page >= self->n_pages)
    return FALSE;
  if (width)
    *width = self->page_sizes[2 * page];
  if (height)
    *height = self->page_sizes[2 * page + 1];
  return TRUE;
}

DeskPdfTextLayer
desk_pdf_document_get_text_layer (DeskPdfDocument *self,
                                  guint            page)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), DESK_PDF_TEXT_LAYER_UNKNOWN);

  if (page >= self->n_pages)
    return DESK_PDF_TEXT_LAYER_UNKNOWN;
  return self->text_layer[page];
}

gboolean
desk_pdf_document_get_scan_only (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), FALSE);
  return self->scan_only;
}

gboolean
desk_pdf_document_get_text_layer_stopped (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), FALSE);
  return self->text_layer_stopped;
}

gboolean
desk_pdf_document_get_repaired (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), FALSE);
  return self->repaired;
}

const char *
_desk_pdf_document_get_password (DeskPdfDocument *self)
{
  return self->password;
}

void
desk_pdf_document_set_max_workers (DeskPdfDocument *self,
                                   guint            n_workers)
{
  g_return_if_fail (DESK_IS_PDF_DOCUMENT (self));
  g_return_if_fail (n_workers >= 1 && n_workers <= DESK_PDF_WORKER_MAX);

  if (self->worker == NULL || _desk_pdf_worker_get_max_threads (self->worker) == n_workers)
    return;
  _desk_pdf_worker_set_max_threads (self->worker, n_workers);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_WORKERS]);
}

guint
desk_pdf_document_get_max_workers (DeskPdfDocument *self)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), 0);
  return self->worker ? _desk_pdf_worker_get_max_threads (self->worker) : 0;
}

/* Work in the document's worker ------------------------------------------ */

gboolean
_desk_pdf_document_push_work (DeskPdfDocument *self,
                              int              priority,
                              DeskPdfWorkFunc  func,
                              gpointer         data,
                              GDestroyNotify   destroy)
{
  g_return_val_if_fail (DESK_IS_PDF_DOCUMENT (self), FALSE);

  if (self->worker == NULL)
    return FALSE;
  _desk_pdf_worker_push (self->worker, priority, func, data, destroy);
  return TRUE;
}

typedef struct
{
  GTask *task;
  guint  page;
  char  *path;
  char  *password;
} TextWork;

static void
text_work_free (TextWork *work)
{
  g_clear_object (&work->task);
  g_free (work->path);
  _desk_pdf_password_free (work->password);
  g_free (work);
}

/* In the bounded helper, like the text layer sample. */
static char *
read_page_text (PopplerDocument *poppler,
                TextWork        *work,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autofree char *request = g_strdup_printf ("text %u", work->page);
  g_autoptr (GBytes) output = NULL;
  gboolean    complete = FALSE;
  gsize       len = 0;
  const char *data;

  if (work->path == NULL)
    return g_strdup ("");
  output = _desk_pdf_helper_request (_desk_pdf_helper_for (poppler, work->path, work->password), request,
                                     DESK_PDF_SANDBOX_PAGE_TEXT_MSEC, &complete, cancellable, error);
  if (output == NULL && error && *error)
    return NULL;
  if (!complete)
    {
      g_set_error_literal (error, DESK_PDF_ERROR, DESK_PDF_ERROR_TOO_COSTLY,
                           _ ("The text of this page could not be read: the file needs more time or memory than a document should. It may be damaged or made to harm; ask the sender for a new copy."));
      return NULL;
    }
  data = g_bytes_get_data (output, &len);
  return g_utf8_make_valid (data ? data : "", data ? (gssize)len : 0);
}

static void
text_work_run (PopplerDocument *poppler,
               gpointer         data)
{
  TextWork *work = data;
  GTask    *task = g_steal_pointer (&work->task);
  GError   *error = NULL;
  char     *text = NULL;

  if (poppler == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _ ("The document was closed."));
  else if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    text = read_page_text (poppler, work, g_task_get_cancellable (task), &error);
  _desk_task_return_in_context (task, text, g_free, error);
}

void
desk_pdf_document_get_page_text_async (DeskPdfDocument    *self,
                                       guint               page,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  TextWork *work;

  g_return_if_fail (DESK_IS_PDF_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_pdf_document_get_page_text_async);
  if (page >= self->n_pages)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Page %u out of range", page);
      return;
    }
  if (self->worker == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "%s", _ ("The document was closed."));
      return;
    }
  work = g_new0 (TextWork, 1);
  work->task = g_steal_pointer (&task);
  work->page = page;
  work->path = g_file_get_path (self->file);
  work->password = g_strdup (self->password);
  _desk_pdf_worker_push (self->worker, 0, text_work_run, work, (GDestroyNotify)text_work_free);
}

char *
desk_pdf_document_get_page_text_finish (DeskPdfDocument *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
