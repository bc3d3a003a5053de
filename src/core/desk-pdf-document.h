/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DESK_PDF_ERROR (desk_pdf_error_quark ())

/* Every code comes with a translated message that tells the user what to do. */
typedef enum
{
  DESK_PDF_ERROR_ENCRYPTED,    /* a password is needed and none was given */
  DESK_PDF_ERROR_BAD_PASSWORD, /* a password was given and it is wrong */
  DESK_PDF_ERROR_INVALID,      /* damaged, truncated or garbage */
  DESK_PDF_ERROR_EMPTY,        /* zero bytes */
  DESK_PDF_ERROR_NOT_PDF,      /* no "%PDF-" in the first 1024 bytes */
  DESK_PDF_ERROR_TOO_LARGE,    /* above DESK_PDF_MAX_FILE_SIZE */
  DESK_PDF_ERROR_IO,           /* cannot read the file */
  DESK_PDF_ERROR_TOO_COSTLY,   /* the bounded helper was stopped (time or memory) */
} DeskPdfError;

/* Files above this are refused with DESK_PDF_ERROR_TOO_LARGE: no platform
 * accepts an evidence file anywhere near this size. */
#define DESK_PDF_MAX_FILE_SIZE (G_GINT64_CONSTANT (1) << 30)

/* The text layer check of the "scan only" flag looks at a sample of pages:
 * the first DESK_PDF_TEXT_SAMPLE_HEAD pages, plus up to
 * DESK_PDF_TEXT_SAMPLE_SPREAD pages evenly spaced over the rest. It runs in
 * the opening thread and stops at the first page with text. */
#define DESK_PDF_TEXT_SAMPLE_HEAD   4
#define DESK_PDF_TEXT_SAMPLE_SPREAD 4

typedef enum
{
  DESK_PDF_TEXT_LAYER_UNKNOWN, /* page not in the sample */
  DESK_PDF_TEXT_LAYER_NONE,
  DESK_PDF_TEXT_LAYER_PRESENT,
} DeskPdfTextLayer;

#define DESK_TYPE_PDF_DOCUMENT (desk_pdf_document_get_type ())

G_DECLARE_FINAL_TYPE (DeskPdfDocument, desk_pdf_document, DESK, PDF_DOCUMENT, GObject)

GQuark desk_pdf_error_quark (void);

/* Opens @file in a worker thread; the main loop never blocks. @password may
 * be NULL; it is kept in memory only (to open extra worker instances) and
 * wiped when the document is finalized. Metadata, page sizes and the text
 * layer sample are read before the callback runs, so every getter below is
 * cheap and may be called from any thread.
 *
 * Work queued on the document (page text, renders) is answered with
 * G_IO_ERROR_CANCELLED once the document is disposed; disposing waits for
 * the poppler call in progress, if any (at most one page render). */
void             desk_pdf_document_open_async (GFile              *file,
                                               const char         *password,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
DeskPdfDocument *desk_pdf_document_open_finish (GAsyncResult *result,
                                                GError      **error);
/* Blocking variant, for threads and the command line. */
DeskPdfDocument *desk_pdf_document_open (GFile        *file,
                                         const char   *password,
                                         GCancellable *cancellable,
                                         GError      **error);

GFile *desk_pdf_document_get_file (DeskPdfDocument *self);
/* Unique for the process lifetime; the render cache keys on it. */
guint64  desk_pdf_document_get_id (DeskPdfDocument *self);
guint    desk_pdf_document_get_n_pages (DeskPdfDocument *self);
goffset  desk_pdf_document_get_file_size (DeskPdfDocument *self);
gboolean desk_pdf_document_get_encrypted (DeskPdfDocument *self);
/* Metadata; NULL when absent or empty. */
const char *desk_pdf_document_get_title (DeskPdfDocument *self);
const char *desk_pdf_document_get_author (DeskPdfDocument *self);
const char *desk_pdf_document_get_producer (DeskPdfDocument *self);
const char *desk_pdf_document_get_creator (DeskPdfDocument *self);
GDateTime  *desk_pdf_document_get_creation_date (DeskPdfDocument *self);
GDateTime  *desk_pdf_document_get_mod_date (DeskPdfDocument *self);
/* Page size in PDF points (1/72 inch), as displayed (after /Rotate). */
gboolean         desk_pdf_document_get_page_size (DeskPdfDocument *self,
                                                  guint            page,
                                                  double          *width,
                                                  double          *height);
DeskPdfTextLayer desk_pdf_document_get_text_layer (DeskPdfDocument *self,
                                                   guint            page);
/* TRUE when no sampled page has a text layer: the PDF is a scan (or
 * photos), which Shopee does not accept as the only proof. */
gboolean desk_pdf_document_get_scan_only (DeskPdfDocument *self);

/* TRUE when the text layer sample was stopped (the file needed more time
 * or memory than allowed: damaged or hostile): the text layer is then
 * unknown, and the file is not called a scan. */
gboolean desk_pdf_document_get_text_layer_stopped (DeskPdfDocument *self);
/* TRUE when the file was read despite damage (no end marker, pages that
 * cannot be read and are shown blank): worth a warning, not a refusal. */
gboolean desk_pdf_document_get_repaired (DeskPdfDocument *self);

/* Text of one page (UTF-8), read in the bounded helper process. */
void  desk_pdf_document_get_page_text_async (DeskPdfDocument    *self,
                                             guint               page,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
char *desk_pdf_document_get_page_text_finish (DeskPdfDocument *self,
                                              GAsyncResult    *result,
                                              GError         **error);

/* Number of worker threads, each with its own poppler instance of the file
 * (opened lazily by the worker itself). Default 1; 2 pays off for a batch of
 * thumbnails on a multi-core machine. */
void  desk_pdf_document_set_max_workers (DeskPdfDocument *self,
                                         guint            n_workers);
guint desk_pdf_document_get_max_workers (DeskPdfDocument *self);

G_END_DECLS
