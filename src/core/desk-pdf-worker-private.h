/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "desk-pdf-document-private.h"

G_BEGIN_DECLS

#define DESK_PDF_WORKER_MAX 8

/* The threads that own a document's poppler instances. A GThreadPool with a
 * priority sort function runs the work items; each running item checks out
 * one PopplerDocument instance for itself, so an instance is only ever used
 * by one thread at a time. Instance #1 comes from the opener; further ones
 * (when max threads > 1) are opened lazily by the worker that needs them. */
typedef struct _DeskPdfWorker DeskPdfWorker;

DeskPdfWorker *_desk_pdf_worker_new (GFile           *file,
                                     const char      *password,
                                     PopplerDocument *first);
/* Frees @self: queued items still run, with a NULL document, and this waits
 * for them and for the item in progress (unless called from that item). */
void  _desk_pdf_worker_close (DeskPdfWorker *self);
void  _desk_pdf_worker_push (DeskPdfWorker  *self,
                             int             priority,
                             DeskPdfWorkFunc func,
                             gpointer        data,
                             GDestroyNotify  destroy);
void  _desk_pdf_worker_set_max_threads (DeskPdfWorker *self,
                                        guint          n_threads);
guint _desk_pdf_worker_get_max_threads (DeskPdfWorker *self);

/* Returns @task's result from an idle source in the task's main context, so
 * the last reference to the task (and to its source object) is dropped
 * there, never in a worker thread. Takes @task, @result and @error. */
void _desk_task_return_in_context (GTask         *task,
                                   gpointer       result,
                                   GDestroyNotify result_destroy,
                                   GError        *error);

/* Wipes the bytes before freeing. */
void _desk_pdf_password_free (char *password);

G_END_DECLS
