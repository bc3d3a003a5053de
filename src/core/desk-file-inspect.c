/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-inspect"

#include "config.h"

#include "desk-json.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-file-inspect-private.h"
#include "desk-pdf-document.h"
#include "desk-util.h"

#define SNIFF_SIZE   4096
#define HEADERS_SIZE (64 * 1024)
#define CHUNK_SIZE   (64 * 1024)

G_DEFINE_QUARK (desk_inspect_error_quark, desk_inspect_error)

G_DEFINE_BOXED_TYPE (DeskFileInfo, desk_file_info, desk_file_info_ref, desk_file_info_unref)

static void
pdf_summary_free (DeskPdfSummary *pdf)
{
  g_free (pdf->title);
  g_free (pdf->author);
  g_free (pdf->producer);
  g_free (pdf->creator);
  g_clear_pointer (&pdf->created, g_date_time_unref);
  g_clear_pointer (&pdf->modified, g_date_time_unref);
  g_clear_pointer (&pdf->page_sizes, g_array_unref);
  g_free (pdf);
}

static void
text_summary_free (DeskTextSummary *text)
{
  g_free (text->subject);
  g_free (text->from);
  g_free (text->date_text);
  g_clear_pointer (&text->date, g_date_time_unref);
  g_free (text);
}

static void
file_info_clear (DeskFileInfo *info)
{
  g_free (info->name);
  g_free (info->content_type);
  g_free (info->mime_type);
  g_clear_error (&info->problem);
  g_clear_pointer (&info->pdf, pdf_summary_free);
  g_clear_pointer (&info->image, desk_image_info_free);
  g_clear_pointer (&info->text, text_summary_free);
}

DeskFileInfo *
desk_file_info_ref (DeskFileInfo *info)
{
  return g_atomic_rc_box_acquire (info);
}

void
desk_file_info_unref (DeskFileInfo *info)
{
  g_atomic_rc_box_release_full (info, (GDestroyNotify)file_info_clear);
}

const char *
desk_file_kind_to_id (DeskFileKind kind)
{
  static const char *ids[] = { "other", "pdf", "image", "text", "email" };

  g_return_val_if_fail (kind < G_N_ELEMENTS (ids), "other");
  return ids[kind];
}

/* Sniffing ---------------------------------------------------------------- */

static gboolean
set_io_error (GError    **error,
              GError     *cause,
              const char *name)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else
    /* Translators: %s are the file name, then the system's reason */
    g_set_error (error, DESK_INSPECT_ERROR, DESK_INSPECT_ERROR_IO,
                 _ ("Could not read “%s”: %s. Check that the file still exists and that you may read it."),
                 name, cause->message);
  return FALSE;
}

static gboolean
read_sniff (GFile        *file,
            DeskFileInfo *info,
            guint8       *head,
            gsize        *head_len,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GFileInfo) file_info = NULL;

  in = g_file_read (file, cancellable, &local_error);
  if (in != NULL)
    file_info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                cancellable, &local_error);
  if (file_info == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), head, SNIFF_SIZE, head_len, cancellable, &local_error))
    return set_io_error (error, local_error, info->name);
  info->size = g_file_info_get_size (file_info);
  return TRUE;
}

static gboolean
has_suffix_ci (const char *name,
               const char *suffix)
{
  g_autofree char *folded = g_ascii_strdown (name, -1);

  return g_str_has_suffix (folded, suffix);
}

/* The name promises one type, the bytes say another, and neither is a kind
 * of the other (text/csv is a text/plain: fine). Returns the type by
 * content then, else NULL. */
static char *
content_contradicting_name (const char   *name,
                            const guint8 *head,
                            gsize         head_len)
{
  g_autofree char *by_name = NULL;
  g_autofree char *by_data = NULL;
  gboolean         name_uncertain = TRUE, data_uncertain = TRUE;

  if (head_len == 0)
    return NULL;
  by_name = g_content_type_guess (name, NULL, 0, &name_uncertain);
  by_data = g_content_type_guess (NULL, head, head_len, &data_uncertain);
  if (name_uncertain || data_uncertain || g_content_type_is_a (by_data, by_name) || g_content_type_is_a (by_name, by_data))
    return NULL;
  return g_steal_pointer (&by_data);
}

static DeskFileKind
kind_for (const char *content_type,
          const char *mime_type,
          const char *name)
{
  if (g_content_type_is_a (content_type, "application/pdf"))
    return DESK_FILE_KIND_PDF;
  if (mime_type != NULL && g_str_has_prefix (mime_type, "image/"))
    return DESK_FILE_KIND_IMAGE;
  if (g_content_type_is_a (content_type, "message/rfc822") || has_suffix_ci (name, ".eml"))
    return DESK_FILE_KIND_EMAIL;
  if (g_content_type_is_a (content_type, "text/plain"))
    return DESK_FILE_KIND_TEXT;
  return DESK_FILE_KIND_OTHER;
}

static void
classify (DeskFileInfo *info,
          const guint8 *head,
          gsize         head_len)
{
  /* GIO trusts the name over the bytes; for evidence the bytes matter: a PNG
   * named .pdf is a picture. An empty file says nothing: trust the name. */
  info->content_type = content_contradicting_name (info->name, head, head_len);
  info->name_mismatch = info->content_type != NULL;
  if (info->content_type == NULL)
    info->content_type = g_content_type_guess (info->name, head_len ? head : NULL, head_len, NULL);
  info->mime_type = g_content_type_get_mime_type (info->content_type);
  if (info->mime_type == NULL)
    info->mime_type = g_strdup ("application/octet-stream");
  info->kind = kind_for (info->content_type, info->mime_type, info->name);
}

/* Kinds ------------------------------------------------------------------- */

/* A kind-specific failure is kept as info->problem; only cancelling stops. */
static gboolean
keep_problem (DeskFileInfo *info,
              GError       *problem,
              GError      **error)
{
  if (g_error_matches (problem, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, problem);
      return FALSE;
    }
  info->problem = problem;
  return TRUE;
}

static gboolean
inspect_pdf (DeskFileInfo *info,
             GFile        *file,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr (DeskPdfDocument) doc = NULL;
  GError         *problem = NULL;
  DeskPdfSummary *pdf;
  guint           n;

  doc = desk_pdf_document_open (file, NULL, cancellable, &problem);
  if (doc == NULL)
    return keep_problem (info, problem, error);

  info->pdf = pdf = g_new0 (DeskPdfSummary, 1);
  pdf->n_pages = n = desk_pdf_document_get_n_pages (doc);
  pdf->title = g_strdup (desk_pdf_document_get_title (doc));
  pdf->author = g_strdup (desk_pdf_document_get_author (doc));
  pdf->producer = g_strdup (desk_pdf_document_get_producer (doc));
  pdf->creator = g_strdup (desk_pdf_document_get_creator (doc));
  if (desk_pdf_document_get_creation_date (doc))
    pdf->created = g_date_time_ref (desk_pdf_document_get_creation_date (doc));
  if (desk_pdf_document_get_mod_date (doc))
    pdf->modified = g_date_time_ref (desk_pdf_document_get_mod_date (doc));
  pdf->scan_only = desk_pdf_document_get_scan_only (doc);
  pdf->text_layer_unknown = desk_pdf_document_get_text_layer_stopped (doc);
  pdf->repaired = desk_pdf_document_get_repaired (doc);
  pdf->page_sizes = g_array_sized_new (FALSE, FALSE, sizeof (DeskPageSize), n);
  g_array_set_size (pdf->page_sizes, n);
  for (guint i = 0; i < n; i++)
    {
      DeskPageSize *size = &g_array_index (pdf->page_sizes, DeskPageSize, i);

      desk_pdf_document_get_page_size (doc, i, &size->width, &size->height);
    }
  return TRUE;
}

static gboolean
inspect_image (DeskFileInfo *info,
               GFile        *file,
               GCancellable *cancellable,
               GError      **error)
{
  GError *problem = NULL;

  info->image = desk_image_info_load (file, cancellable, &problem);
  return info->image != NULL || keep_problem (info, problem, error);
}

/* Validates @buf; returns how many trailing bytes (moved to the start of
 * @buf) are the beginning of a character that continues in the next chunk. */
static gsize
utf8_check (guint8   *buf,
            gsize     len,
            gboolean  at_end,
            gboolean *valid)
{
  const char *end;
  gsize       rest;

  if (g_utf8_validate_len ((const char *)buf, len, &end))
    return 0;
  rest = (const char *)buf + len - end;
  if (!at_end && rest < 4 && g_utf8_get_char_validated (end, rest) == (gunichar)-2)
    {
      memmove (buf, end, rest);
      return rest;
    }
  *valid = FALSE;
  return 0;
}

/* Counts lines and checks UTF-8 in one pass; keeps the first bytes for the
 * e-mail headers. A sequence cut by a chunk end is carried to the next. */
static gboolean
scan_text (GFile           *file,
           DeskTextSummary *text,
           GByteArray      *head,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr (GFileInputStream) in = g_file_read (file, cancellable, error);
  g_autofree guint8 *buf = g_malloc (CHUNK_SIZE + 4);
  gsize              carry = 0;
  guint8             last = '\n';
  gssize             n;

  text->valid_utf8 = TRUE;
  if (in == NULL)
    return FALSE;
  do
    {
      n = g_input_stream_read (G_INPUT_STREAM (in), buf + carry, CHUNK_SIZE, cancellable, error);
      if (n < 0)
        return FALSE;
      for (const guint8 *p = buf + carry; (p = memchr (p, '\n', buf + carry + n - p)) != NULL; p++)
        text->n_lines++;
      if (n > 0)
        last = buf[carry + n - 1];
      if (head->len < HEADERS_SIZE)
        g_byte_array_append (head, buf + carry, MIN ((gsize)n, HEADERS_SIZE - head->len));
      carry = text->valid_utf8 ? utf8_check (buf, carry + n, n == 0, &text->valid_utf8) : 0;
    }
  while (n > 0);
  /* A last line without a newline still counts. */
  if (last != '\n')
    text->n_lines++;
  return TRUE;
}

static char *
decoded_header (GByteArray *head,
                const char *name)
{
  g_autofree char *raw = _desk_mime_find_header ((const char *)head->data, head->len, name);

  return raw ? _desk_mime_decode_header (raw) : NULL;
}

static gboolean
inspect_text (DeskFileInfo *info,
              GFile        *file,
              GCancellable *cancellable,
              GError      **error)
{
  g_autoptr (GByteArray) head = g_byte_array_new ();
  g_autoptr (GError) local_error = NULL;
  DeskTextSummary *text = g_new0 (DeskTextSummary, 1);

  info->text = text;
  if (!scan_text (file, text, head, cancellable, &local_error))
    return set_io_error (error, local_error, info->name);
  if (info->kind != DESK_FILE_KIND_EMAIL)
    return TRUE;

  text->subject = decoded_header (head, "Subject");
  text->from = decoded_header (head, "From");
  text->date_text = decoded_header (head, "Date");
  text->date = _desk_date_parse_rfc2822 (text->date_text);
  return TRUE;
}

/* Inspecting -------------------------------------------------------------- */

static char *
display_name (GFile      *file,
              const char *name_hint)
{
  g_autofree char *base = NULL;

  if (name_hint != NULL && *name_hint)
    return g_strdup (name_hint);
  base = g_file_get_basename (file);
  return base ? g_filename_display_name (base) : g_strdup ("");
}

DeskFileInfo *
desk_file_inspect (GFile        *file,
                   const char   *name_hint,
                   GCancellable *cancellable,
                   GError      **error)
{
  g_autoptr (DeskFileInfo) info = NULL;
  guint8   head[SNIFF_SIZE];
  gsize    head_len = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_atomic_rc_box_new0 (DeskFileInfo);
  info->name = display_name (file, name_hint);
  if (!read_sniff (file, info, head, &head_len, cancellable, error))
    return NULL;
  classify (info, head, head_len);

  switch (info->kind)
    {
      case DESK_FILE_KIND_PDF:
        ok = inspect_pdf (info, file, cancellable, error);
        break;
      case DESK_FILE_KIND_IMAGE:
        ok = inspect_image (info, file, cancellable, error);
        break;
      case DESK_FILE_KIND_TEXT:
      case DESK_FILE_KIND_EMAIL:
        ok = inspect_text (info, file, cancellable, error);
        break;
      case DESK_FILE_KIND_OTHER:
      default:
        break;
    }
  return ok ? g_steal_pointer (&info) : NULL;
}

typedef struct
{
  GFile *file;
  char  *name_hint;
} InspectData;

static void
inspect_data_free (InspectData *data)
{
  g_clear_object (&data->file);
  g_free (data->name_hint);
  g_free (data);
}

static void
inspect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  InspectData  *data = task_data;
  GError       *error = NULL;
  DeskFileInfo *info = desk_file_inspect (data->file, data->name_hint, cancellable, &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify)desk_file_info_unref);
}

void
desk_file_inspect_async (GFile              *file,
                         const char         *name_hint,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  InspectData *data;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_file_inspect_async);
  data = g_new0 (InspectData, 1);
  data->file = g_object_ref (file);
  data->name_hint = g_strdup (name_hint);
  g_task_set_task_data (task, data, (GDestroyNotify)inspect_data_free);
  g_task_run_in_thread (task, inspect_thread);
}

DeskFileInfo *
desk_file_inspect_finish (GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_file_inspect_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* JSON -------------------------------------------------------------------- */

static const char *
problem_code (const GError *problem)
{
  static const char *pdf_codes[] = {
    "encrypted",
    "bad-password",
    "invalid",
    "empty",
    "not-pdf",
    "too-large",
    "io",
    "too-costly",
  };
  static const char *image_codes[] = { "unsupported", "empty", "io" };

  if (problem->domain == DESK_PDF_ERROR && (guint)problem->code < G_N_ELEMENTS (pdf_codes))
    return pdf_codes[problem->code];
  if (problem->domain == DESK_IMAGE_ERROR && (guint)problem->code < G_N_ELEMENTS (image_codes))
    return image_codes[problem->code];
  return "failed";
}

static void
build_problem (JsonBuilder  *builder,
               const GError *problem)
{
  json_builder_set_member_name (builder, "problem");
  if (problem == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  desk_json_add_string (builder, "code", problem_code (problem));
  desk_json_add_string (builder, "message", problem->message);
  json_builder_end_object (builder);
}

static void
build_pdf (JsonBuilder    *builder,
           DeskPdfSummary *pdf)
{
  json_builder_set_member_name (builder, "pdf");
  json_builder_begin_object (builder);
  desk_json_add_int (builder, "n_pages", pdf->n_pages);
  desk_json_add_string (builder, "title", pdf->title);
  desk_json_add_string (builder, "author", pdf->author);
  desk_json_add_string (builder, "producer", pdf->producer);
  desk_json_add_string (builder, "creator", pdf->creator);
  desk_json_add_time (builder, "created", pdf->created);
  desk_json_add_time (builder, "modified", pdf->modified);
  desk_json_add_bool (builder, "scan_only", pdf->scan_only);
  if (pdf->text_layer_unknown)
    desk_json_add_bool (builder, "text_layer_unknown", TRUE);
  if (pdf->repaired)
    desk_json_add_bool (builder, "repaired", TRUE);
  json_builder_set_member_name (builder, "page_sizes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pdf->page_sizes->len; i++)
    {
      DeskPageSize *size = &g_array_index (pdf->page_sizes, DeskPageSize, i);

      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, size->width);
      json_builder_add_double_value (builder, size->height);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
build_image (JsonBuilder   *builder,
             DeskImageInfo *image)
{
  json_builder_set_member_name (builder, "image");
  json_builder_begin_object (builder);
  desk_json_add_int (builder, "width", image->width);
  desk_json_add_int (builder, "height", image->height);
  desk_json_add_string (builder, "format", image->format);
  if (image->orientation != 0)
    desk_json_add_int (builder, "orientation", image->orientation);
  desk_json_add_time (builder, "taken", image->taken);
  desk_json_add_string (builder, "taken_text", image->taken_text);
  json_builder_end_object (builder);
}

static void
build_text (JsonBuilder     *builder,
            DeskTextSummary *text)
{
  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  desk_json_add_int (builder, "n_lines", (gint64)text->n_lines);
  desk_json_add_bool (builder, "valid_utf8", text->valid_utf8);
  desk_json_add_string (builder, "subject", text->subject);
  desk_json_add_string (builder, "from", text->from);
  desk_json_add_time (builder, "date", text->date);
  desk_json_add_string (builder, "date_text", text->date_text);
  json_builder_end_object (builder);
}

JsonNode *
desk_file_info_to_json (DeskFileInfo *info)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (info != NULL, NULL);

  json_builder_begin_object (builder);
  desk_json_add_string (builder, "kind", desk_file_kind_to_id (info->kind));
  desk_json_add_string (builder, "name", info->name);
  desk_json_add_string (builder, "content_type", info->content_type);
  desk_json_add_string (builder, "mime_type", info->mime_type);
  desk_json_add_int (builder, "size", (gint64)info->size);
  desk_json_add_bool (builder, "name_mismatch", info->name_mismatch);
  build_problem (builder, info->problem);
  if (info->pdf)
    build_pdf (builder, info->pdf);
  if (info->image)
    build_image (builder, info->image);
  if (info->text)
    build_text (builder, info->text);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
desk_file_info_to_json_string (DeskFileInfo *info)
{
  g_autoptr (JsonNode) node = desk_file_info_to_json (info);

  return json_to_string (node, FALSE);
}
