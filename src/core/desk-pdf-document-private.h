/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "desk-pdf-document.h"

G_BEGIN_DECLS

/* poppler-glib 22.x has no autoptr support; aliases avoid clashing with a
 * newer poppler that may add it. */
typedef PopplerDocument DeskPopplerDocument;
typedef PopplerPage     DeskPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPopplerPage, g_object_unref)

/* Runs in a worker thread of the document, with exclusive use of @poppler:
 * poppler-glib objects are not thread-safe, so every call on a document's
 * PopplerDocument and PopplerPage happens inside such a function. @poppler
 * is NULL when the document was finalized before the item ran; the function
 * must still finish its work item (e.g. return a cancelled error). */
typedef void (*DeskPdfWorkFunc) (PopplerDocument *poppler,
                                 gpointer         data);

/* Queues @func; lower @priority runs first, equal priorities in push order.
 * @destroy frees @data in the worker thread once @func returned. Returns
 * FALSE (and queues nothing) once the document is disposed. */
gboolean _desk_pdf_document_push_work (DeskPdfDocument *self,
                                       int              priority,
                                       DeskPdfWorkFunc  func,
                                       gpointer         data,
                                       GDestroyNotify   destroy);

/* The password the document was opened with (NULL if none), for the helper. */
const char *_desk_pdf_document_get_password (DeskPdfDocument *self);

G_END_DECLS
