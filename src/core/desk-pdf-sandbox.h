/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Bounds for poppler work on untrusted PDFs, done in the helper process
 * (src/core/pdf-helper): memory (address space) and wall-clock time. */
#define DESK_PDF_SANDBOX_MEMORY_MIB 512
/* The import's text layer sample: an import must take at most ~2 s. */
#define DESK_PDF_SANDBOX_TEXT_LAYER_MSEC 1500
#define DESK_PDF_SANDBOX_PAGE_TEXT_MSEC  10000
#define DESK_PDF_SANDBOX_RENDER_MSEC     20000

/* Path of appeal-desk-pdf-helper: $APPEAL_DESK_PDF_HELPER, else the
 * installed one, else the one in the build tree. */
const char *_desk_pdf_sandbox_get_helper (void);

/* The process id of the helper started ahead of need (given no file yet),
 * 0 without one: tests count the helpers at work. */
int _desk_pdf_sandbox_get_spare_pid (void);

/* A helper that stays (appeal-desk-pdf-helper serve) for the probe at
 * opening, then the renders and page texts of one poppler instance of a
 * document: one process start per document and worker, not per page. Used
 * by one thread at a time (the opener, then the worker that holds the
 * instance). A request that overruns @msec, fails or
 * is cancelled kills the helper; the next request starts a new one. */
typedef struct _DeskPdfHelper DeskPdfHelper;

/* A helper for the file at @path, bounded to @mib MiB, started by its
 * first request. */
DeskPdfHelper *_desk_pdf_helper_new (const char *path,
                                     const char *password,
                                     guint64     mib);
/* Kills the helper, if it runs. */
void _desk_pdf_helper_free (DeskPdfHelper *helper);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPdfHelper, _desk_pdf_helper_free)
/* Hands @helper to @poppler: the one _desk_pdf_helper_for() returns. */
void _desk_pdf_helper_keep (gpointer       poppler,
                            DeskPdfHelper *helper);
/* The helper kept with @poppler (made on first use, killed when @poppler is
 * finalized). */
DeskPdfHelper *_desk_pdf_helper_for (gpointer    poppler,
                                     const char *path,
                                     const char *password);
/* Sends @request (a helper command and its arguments, one line, no
 * newline) bounded to @msec, for _desk_pdf_helper_receive() to read the
 * answer: work can be done meanwhile. FALSE when the helper could not
 * start. */
gboolean _desk_pdf_helper_send (DeskPdfHelper *helper,
                                const char    *request,
                                guint          msec,
                                GError       **error);
/* The answer's bytes, or NULL with *@complete FALSE when the helper failed
 * or was stopped, or NULL with G_IO_ERROR_CANCELLED. */
GBytes *_desk_pdf_helper_receive (DeskPdfHelper *helper,
                                  gboolean      *complete,
                                  GCancellable  *cancellable,
                                  GError       **error);
/* Both at once. */
GBytes *_desk_pdf_helper_request (DeskPdfHelper *helper,
                                  const char    *request,
                                  guint          msec,
                                  gboolean      *complete,
                                  GCancellable  *cancellable,
                                  GError       **error);
/* The same, for an answer that must be @len bytes long (a page's pixels):
 * read straight into @dest. FALSE when the helper failed, was stopped or
 * answered otherwise, with @error set only on cancel or when it could not
 * start. */
gboolean _desk_pdf_helper_request_into (DeskPdfHelper *helper,
                                        const char    *request,
                                        guint          msec,
                                        guint8        *dest,
                                        gsize          len,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_END_DECLS
