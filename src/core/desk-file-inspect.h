/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "desk-image-info.h"

G_BEGIN_DECLS

#define DESK_INSPECT_ERROR (desk_inspect_error_quark ())

typedef enum
{
  DESK_INSPECT_ERROR_IO, /* the file cannot be read at all */
} DeskInspectError;

/* Stable ids (JSON "kind"): "other", "pdf", "image", "text", "email". */
typedef enum
{
  DESK_FILE_KIND_OTHER,
  DESK_FILE_KIND_PDF,
  DESK_FILE_KIND_IMAGE,
  DESK_FILE_KIND_TEXT,
  DESK_FILE_KIND_EMAIL,
} DeskFileKind;

typedef struct
{
  double width; /* PDF points */
  double height;
} DeskPageSize;

typedef struct
{
  guint      n_pages;
  char      *title; /* NULL when absent */
  char      *author;
  char      *producer;
  char      *creator;
  GDateTime *created;
  GDateTime *modified;
  gboolean   scan_only;          /* see desk_pdf_document_get_scan_only () */
  gboolean   text_layer_unknown; /* desk_pdf_document_get_text_layer_stopped () */
  gboolean   repaired;           /* desk_pdf_document_get_repaired () */
  GArray    *page_sizes;         /* DeskPageSize, one per page */
} DeskPdfSummary;

typedef struct
{
  guint64  n_lines;
  gboolean valid_utf8;
  /* .eml only (NULL otherwise): headers decoded from RFC 2047 to UTF-8 */
  char      *subject;
  char      *from;
  char      *date_text; /* the Date header as written */
  GDateTime *date;
} DeskTextSummary;

/* What a file is, by content (g_content_type_guess on its first bytes and
 * its name). Reference counted; read the fields, do not change them. */
typedef struct
{
  DeskFileKind kind;
  char        *name;         /* the name hint, or the file's base name */
  char        *content_type; /* by content and name, e.g. "application/pdf" */
  char        *mime_type;
  guint64      size;
  /* The name's extension promises another type than the content (a PNG
   * named .pdf, a .jpg that is a WebP). */
  gboolean name_mismatch;
  /* Why the kind-specific part is missing (an encrypted or damaged PDF, an
   * unreadable image): DESK_PDF_ERROR or DESK_IMAGE_ERROR; else NULL. */
  GError          *problem;
  DeskPdfSummary  *pdf;   /* set for a PDF that opened */
  DeskImageInfo   *image; /* set for a readable image */
  DeskTextSummary *text;  /* set for text and email */
} DeskFileInfo;

#define DESK_TYPE_FILE_INFO (desk_file_info_get_type ())

GType  desk_file_info_get_type (void) G_GNUC_CONST;
GQuark desk_inspect_error_quark (void);

DeskFileInfo *desk_file_info_ref (DeskFileInfo *info);
void          desk_file_info_unref (DeskFileInfo *info);
const char   *desk_file_kind_to_id (DeskFileKind kind);

/* Blocking; from a thread. @name_hint is the name the user knows (blob store
 * files have none); NULL uses the file's base name. Only a file that cannot
 * be read fails; a damaged or locked PDF gives kind PDF with ->problem set. */
DeskFileInfo *desk_file_inspect (GFile        *file,
                                 const char   *name_hint,
                                 GCancellable *cancellable,
                                 GError      **error);
void          desk_file_inspect_async (GFile              *file,
                                       const char         *name_hint,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
DeskFileInfo *desk_file_inspect_finish (GAsyncResult *result,
                                        GError      **error);

/* {"kind": "pdf", "name": …, "content_type": …, "mime_type": …, "size": …,
 *  "name_mismatch": false, "problem": null | {"code": "encrypted", "message": …},
 *  "pdf": {"n_pages", "title", "author", "producer", "creator", "created",
 *          "modified", "scan_only", "page_sizes": [[w, h], …]},
 *  "image": {"width", "height", "format", "orientation", "taken", "taken_text"},
 *  "text": {"n_lines", "valid_utf8", "subject", "from", "date", "date_text"}}
 * Absent parts are left out; times are UTC ISO 8601. */
JsonNode *desk_file_info_to_json (DeskFileInfo *info);
char     *desk_file_info_to_json_string (DeskFileInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskFileInfo, desk_file_info_unref)

G_END_DECLS
