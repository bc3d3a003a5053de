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

/* Runs the helper with @args (command, file, …), bounded to @mib MiB and
 * @msec milliseconds; @password (may be NULL) goes through a pipe, never argv.
 * Returns what it wrote to standard output — also when it was stopped or
 * failed, then with *@complete FALSE (partial output may still be useful).
 * Returns NULL only when it could not run, or on cancel (G_IO_ERROR_CANCELLED:
 * the helper is killed at once). */
GBytes *_desk_pdf_sandbox_run (const char *const *args,
                               const char        *password,
                               guint64            mib,
                               guint              msec,
                               gboolean          *complete,
                               GCancellable      *cancellable,
                               GError           **error);

/* A helper that stays (appeal-desk-pdf-helper serve) for the renders and
 * page texts of one poppler instance of a document: one process start per
 * document and worker, not per page. Used by one thread at a time (the
 * worker that holds the instance). A request that overruns @msec, fails or
 * is cancelled kills the helper; the next request starts a new one. */
typedef struct _DeskPdfHelper DeskPdfHelper;

/* The helper kept with @poppler (made on first use, killed when @poppler is
 * finalized). */
DeskPdfHelper *_desk_pdf_helper_for (gpointer    poppler,
                                     const char *path,
                                     const char *password);
/* Sends @request (one line, no newline) and returns the answer's bytes, or
 * NULL with *@complete FALSE when the helper failed or was stopped, or NULL
 * with G_IO_ERROR_CANCELLED. */
GBytes *_desk_pdf_helper_request (DeskPdfHelper *helper,
                                  const char    *request,
                                  guint          msec,
                                  gboolean      *complete,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
