/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-case.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* Evidence documents for the demo cases, drawn with cairo when the demo is
 * made (no binary files in the source tree): a brand authorization letter,
 * a purchase invoice, a third-party test report (PDFs) and a seller-centre
 * screenshot (PNG), filled in with the case's products and platform. They
 * are fictitious and say so on the page. */

typedef enum
{
  DESK_DEMO_DOCUMENT_AUTHORIZATION,
  DESK_DEMO_DOCUMENT_INVOICE,
  DESK_DEMO_DOCUMENT_TEST_REPORT,
  DESK_DEMO_DOCUMENT_SCREENSHOT,
} DeskDemoDocument;

/* Draws @kind for @kase into @path (PDF, or PNG for the screenshot). */
gboolean desk_demo_document_write (DeskDemoDocument kind,
                                   DeskCase        *kase,
                                   const char      *path,
                                   GError         **error);

/* For each kind the case's checklist asks for (by item id: brand
 * authorization, invoice, test report or certificate, screenshots), draws
 * the document, adds it to the case and attaches it to the first matching
 * checklist item. Returns the number of files added, -1 on error. */
int desk_demo_add_documents (DeskStore *store,
                             DeskCase  *kase,
                             GError   **error);

G_END_DECLS
