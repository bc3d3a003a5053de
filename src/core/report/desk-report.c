/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <string.h>

#include "desk-report-private.h"
#include "desk-util.h"

G_DEFINE_QUARK (desk - report - error - quark, desk_report_error)

gboolean
desk_report_language_from_id (const char         *id,
                              DeskReportLanguage *language)
{
  if (id == NULL)
    return FALSE;
  if (g_str_equal (id, "en") || g_str_has_prefix (id, "en_") || g_str_has_prefix (id, "en-") || g_str_equal (id, "C"))
    *language = DESK_REPORT_LANGUAGE_EN;
  else if (g_str_equal (id, "zh") || g_str_has_prefix (id, "zh_CN") || g_str_has_prefix (id, "zh-CN")
           || g_str_has_prefix (id, "zh-Hans"))
    *language = DESK_REPORT_LANGUAGE_ZH_CN;
  else
    return FALSE;
  return TRUE;
}

const char *
desk_report_language_to_id (DeskReportLanguage language)
{
  return language == DESK_REPORT_LANGUAGE_ZH_CN ? "zh_CN" : "en";
}

const char *
desk_report_language_to_tag (DeskReportLanguage language)
{
  return language == DESK_REPORT_LANGUAGE_ZH_CN ? "zh-CN" : "en";
}

void
desk_report_result_free (DeskReportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->title);
  g_free (result);
}

/* Rendering (worker thread) */

typedef struct
{
  DeskReportData    *data;
  GFile             *file;
  DeskReportProgress progress;
  gpointer           progress_data;
  GMainContext      *context; /* where progress is reported; NULL = directly */
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->data, _desk_report_data_free);
  g_clear_object (&job->file);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

typedef struct
{
  DeskReportProgress progress;
  gpointer           progress_data;
  double             fraction;
} ProgressCall;

static gboolean
progress_idle (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->progress (call->fraction, call->progress_data);
  return G_SOURCE_REMOVE;
}

static void
report_progress (double   fraction,
                 gpointer user_data)
{
  Job          *job = user_data;
  ProgressCall *call;

  if (job->progress == NULL)
    return;
  if (job->context == NULL)
    {
      job->progress (fraction, job->progress_data);
      return;
    }
  call = g_new (ProgressCall, 1);
  *call = (ProgressCall){ job->progress, job->progress_data, fraction };
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_idle, call, g_free);
}

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
iso_date (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static void
set_metadata (cairo_surface_t *surface,
              DeskReportData  *data,
              DeskCatalog     *catalog,
              const char      *title)
{
  g_autofree char *created = iso_date (data->made_at);
  g_autofree char *creator = g_strdup_printf ("%s %s", _desk_catalog_get (catalog, N_ ("Appeal Desk")), PACKAGE_VERSION);
  g_autofree char *keywords = g_strdup_printf ("%s, %s, %s", desk_platform_to_id (data->platform),
                                               desk_case_type_to_id (data->case_type),
                                               desk_report_language_to_tag (data->language));

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (data->seller_entity && *data->seller_entity)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, data->seller_entity);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, _desk_catalog_get (catalog, N_ ("Closure report")));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* cairo has no API for the document language (/Lang in the catalogue, which
 * screen readers and text extraction use), so the finished PDF gets an
 * incremental update that rewrites the catalogue with /Lang added. Anything
 * unexpected leaves the file as cairo wrote it. */
static const char *
find_last (const char *data,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length >= n ? length - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* Bounded search: the PDF holds binary streams, so no str* on it. */
static const char *
find (const char *from,
      const char *end,
      const char *needle)
{
  return from && from < end ? memmem (from, end - from, needle, strlen (needle)) : NULL;
}

static void
add_language (GByteArray *pdf,
              const char *tag)
{
  const char      *data = (const char *)pdf->data, *stop = data + pdf->len;
  const char      *trailer = find_last (data, pdf->len, "trailer");
  const char      *startxref = find_last (data, pdf->len, "startxref");
  const char      *root, *open, *close, *obj, *end;
  g_autofree char *obj_head = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *old_trailer = NULL;
  g_autoptr (GString) update = NULL;
  guint64 prev, root_id, offset, xref;

  if (trailer == NULL || startxref == NULL || startxref < trailer || (root = find (trailer, stop, "/Root ")) == NULL
      || (open = find (trailer, stop, "<<")) == NULL || (close = find (trailer, stop, ">>")) == NULL || close < open)
    return;
  root_id = g_ascii_strtoull (root + 6, NULL, 10);
  prev = g_ascii_strtoull (startxref + 9, NULL, 10);
  obj_head = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj", root_id);
  if (root_id == 0 || prev == 0 || (obj = find (data, stop, obj_head)) == NULL || (end = find (obj, stop, "endobj")) == NULL)
    return;
  catalog = g_strstrip (g_strndup (obj + strlen (obj_head), end - obj - strlen (obj_head)));
  if (!g_str_has_prefix (catalog, "<<") || !g_str_has_suffix (catalog, ">>") || strstr (catalog, "/Lang"))
    return;
  catalog[strlen (catalog) - 2] = '\0';
  old_trailer = g_strndup (open, close - open);

  offset = pdf->len;
  update = g_string_new (NULL);
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n%s/Lang (%s)\n>>\nendobj\n", root_id, catalog, tag);
  xref = offset + update->len;
  g_string_append_printf (update, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GUINT64_FORMAT " 00000 n \n", root_id, offset);
  g_string_append_printf (update, "trailer\n%s/Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                          old_trailer, prev, xref);
  g_byte_array_append (pdf, (const guint8 *)update->str, update->len);
}

static gboolean
render (Job          *job,
        GByteArray   *pdf,
        guint        *n_pages,
        char        **title_out,
        GCancellable *cancellable,
        GError      **error)
{
  g_autoptr (DeskCatalog) catalog = _desk_catalog_load (desk_report_language_to_id (job->data->language));
  /* Shaped as Simplified Chinese in both editions: the Chinese in an English
   * report (titles, notices, replies) is Simplified Chinese, and with "en"
   * the CJK font's Latin glyphs come from other font dictionaries, whose
   * subroutines make the embedded subset about eight times larger. */
  g_autoptr (DeskReportLayout) layout = _desk_report_layout_new ("zh-cn");
  g_autofree char *title = _desk_report_make_title (job->data, catalog);
  g_autofree char *made = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, job->data->case_id);
  const char      *page_format;
  cairo_surface_t *surface;
  cairo_t         *cr;
  double           width, height;
  gboolean         ok;
  cairo_status_t   status;

  _desk_report_compose (layout, job->data, catalog);
  report_progress (0.3, job);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  {
    g_autoptr (GDateTime) local = g_date_time_to_timezone (job->data->made_at, job->data->zone);
    made = g_date_time_format (local, "%Y-%m-%d %H:%M");
  }
  /* Translators: closure report footer: "Made 2026-03-20 10:00 with Appeal Desk 0.1.0 · #12 Case title" */
  footer = g_strdup_printf (_desk_catalog_get (catalog, N_ ("Made %s with Appeal Desk %s · #%s %s")), made, PACKAGE_VERSION,
                            number, job->data->title);
  /* Translators: closure report page numbers: "Page 3 of 12"; keep both %u */
  page_format = _desk_catalog_get (catalog, N_ ("Page %u of %u"));
  if (g_strstr_len (page_format, -1, "%u") == NULL || strstr (page_format, "%s") || strstr (page_format, "%n"))
    page_format = "%u / %u";

  _desk_report_layout_get_page_size (layout, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_bytes, pdf, width, height);
  set_metadata (surface, job->data, catalog, title);
  cr = cairo_create (surface);
  ok = _desk_report_layout_render (layout, cr, title, footer, page_format, cancellable, report_progress, job);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!ok || status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DESK_REPORT_ERROR, DESK_REPORT_ERROR_RENDER,
                   _ ("The report could not be drawn (%s). Nothing was written."), cairo_status_to_string (status));
      return FALSE;
    }
  add_language (pdf, desk_report_language_to_tag (job->data->language));
  *n_pages = _desk_report_layout_get_n_pages (layout);
  *title_out = g_steal_pointer (&title);
  return TRUE;
}

static DeskReportResult *
run_job (Job          *job,
         GCancellable *cancellable,
         GError      **error)
{
  g_autoptr (GByteArray) pdf = g_byte_array_new ();
  g_autoptr (DeskReportResult) result = g_new0 (DeskReportResult, 1);
  g_autoptr (GError) local_error = NULL;

  if (!render (job, pdf, &result->n_pages, &result->title, cancellable, error))
    return NULL;
  /* Written beside the target and renamed: a failure never leaves half a report. */
  if (!g_file_replace_contents (job->file, (const char *)pdf->data, pdf->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        {
          g_autofree char *name = g_file_get_parse_name (job->file);
          /* Translators: %s is a file path, then the system's reason */
          g_set_error (error, DESK_REPORT_ERROR, DESK_REPORT_ERROR_WRITE,
                       _ ("The report could not be saved as “%s”: %s. Choose another folder, or free some disk space."),
                       name, local_error->message);
        }
      return NULL;
    }
  result->size = pdf->len;
  report_progress (1.0, job);
  return g_steal_pointer (&result);
}

static Job *
prepare (DeskSession       *session,
         gint64             case_id,
         DeskReportLanguage language,
         GFile             *file,
         DeskReportProgress progress,
         gpointer           progress_data,
         GError           **error)
{
  g_autoptr (DeskCatalog) catalog = _desk_catalog_load (desk_report_language_to_id (language));
  Job *job;

  if (language != DESK_REPORT_LANGUAGE_EN && !_desk_catalog_is_translated (catalog))
    {
      g_set_error (error, DESK_REPORT_ERROR, DESK_REPORT_ERROR_LANGUAGE,
                   _ ("The Chinese translation of Appeal Desk is not installed, so the report cannot be written in Chinese. Choose English, or install the translation."));
      return NULL;
    }
  job = g_new0 (Job, 1);
  if (!(job->data = _desk_report_data_load (session, case_id, language, error)))
    {
      job_free (job);
      return NULL;
    }
  job->file = g_object_ref (file);
  job->progress = progress;
  job->progress_data = progress_data;
  return job;
}

DeskReportResult *
desk_report_write (DeskSession       *session,
                   gint64             case_id,
                   DeskReportLanguage language,
                   GFile             *file,
                   GCancellable      *cancellable,
                   DeskReportProgress progress,
                   gpointer           progress_data,
                   GError           **error)
{
  Job              *job;
  DeskReportResult *result;

  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  if (!(job = prepare (session, case_id, language, file, progress, progress_data, error)))
    return NULL;
  result = run_job (job, cancellable, error);
  job_free (job);
  return result;
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError           *error = NULL;
  DeskReportResult *result = run_job (task_data, cancellable, &error);

  if (result)
    g_task_return_pointer (task, result, (GDestroyNotify)desk_report_result_free);
  else
    g_task_return_error (task, error);
}

void
desk_report_write_async (DeskSession        *session,
                         gint64              case_id,
                         DeskReportLanguage  language,
                         GFile              *file,
                         GCancellable       *cancellable,
                         DeskReportProgress  progress,
                         gpointer            progress_data,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  /* No source object: the worker never touches the session, so the task
   * need not keep it alive. */
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;
  Job    *job;

  g_return_if_fail (DESK_IS_SESSION (session));
  g_return_if_fail (G_IS_FILE (file));
  g_task_set_source_tag (task, desk_report_write_async);
  /* The case is read here: the store belongs to this thread. */
  if (!(job = prepare (session, case_id, language, file, progress, progress_data, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  job->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, write_thread);
}

DeskReportResult *
desk_report_write_finish (GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_report_write_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
