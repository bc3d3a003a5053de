/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-evidence.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* Evidence tables of a DeskStore (evidence, case_evidence, and the links of
 * checklist items): adding files, the library, links to cases.
 *
 * Adding a file: it is checked (exists, regular file, readable, not empty,
 * at most DESK_EVIDENCE_MAX_SIZE = 1 GiB), copied into the blob store while
 * its SHA-256 is computed, inspected (PDF page count, scan-only flag,
 * encryption, document info; image size and EXIF date), then recorded. The
 * same content added again is the same item (dedupe on SHA-256): the first
 * name and note are kept. Encrypted PDFs are accepted (metadata
 * "encrypted": true); damaged PDFs and images are refused. Nothing is written
 * outside the data directory: the original name is only stored as text.
 *
 * Removing an item from a case deletes its file only when no other case uses
 * it and it is not kept in the library. Items added without a case are kept
 * in the library. */

#define DESK_EVIDENCE_ERROR (desk_evidence_error_quark ())

/* Every code has a translated message naming the file and what to do. */
typedef enum
{
  DESK_EVIDENCE_ERROR_MISSING,    /* no such file */
  DESK_EVIDENCE_ERROR_DIRECTORY,  /* a folder */
  DESK_EVIDENCE_ERROR_SPECIAL,    /* a device, pipe or socket */
  DESK_EVIDENCE_ERROR_UNREADABLE, /* no permission, or a read error */
  DESK_EVIDENCE_ERROR_EMPTY,      /* zero bytes */
  DESK_EVIDENCE_ERROR_TOO_LARGE,  /* above DESK_EVIDENCE_MAX_SIZE */
  DESK_EVIDENCE_ERROR_DAMAGED,    /* a PDF or image that cannot be opened */
  DESK_EVIDENCE_ERROR_NOT_FOUND,  /* no such evidence item, or not in that case */
  DESK_EVIDENCE_ERROR_AMBIGUOUS,  /* a SHA-256 prefix that matches several items */
} DeskEvidenceError;

GQuark desk_evidence_error_quark (void);

/* Blocking (the command line, threads that own @store). @case_id 0 adds to
 * the library only. @progress (may be NULL) is called while copying.
 * *@was_new (may be NULL) tells whether the content was new to the store. */
DeskEvidence *desk_evidence_add (DeskStore            *store,
                                 GFile                *file,
                                 gint64                case_id,
                                 const char           *source_note,
                                 GCancellable         *cancellable,
                                 GFileProgressCallback progress,
                                 gpointer              progress_data,
                                 gboolean             *was_new,
                                 GError              **error);
/* Copies and inspects in a worker thread; the database is written on the
 * calling thread's main context when the worker is done. @progress is called
 * on that main context too. Cancelling leaves nothing behind. */
void          desk_evidence_add_async (DeskStore            *store,
                                       GFile                *file,
                                       gint64                case_id,
                                       const char           *source_note,
                                       GCancellable         *cancellable,
                                       GFileProgressCallback progress,
                                       gpointer              progress_data,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
DeskEvidence *desk_evidence_add_finish (DeskStore    *store,
                                        GAsyncResult *result,
                                        gboolean     *was_new,
                                        GError      **error);

DeskEvidence *desk_evidence_get (DeskStore *store,
                                 gint64     evidence_id,
                                 GError   **error);
/* @text is an item number or a SHA-256 prefix of at least 6 hex digits. */
DeskEvidence *desk_evidence_lookup (DeskStore  *store,
                                    const char *text,
                                    GError    **error);
/* All items, newest first; @query (NULL or "" for all) is matched with
 * desk_evidence_matches(). */
GPtrArray *desk_evidence_list_all (DeskStore  *store,
                                   const char *query,
                                   GError    **error);
/* Items of one case, in the order they were attached. */
GPtrArray *desk_evidence_list_for_case (DeskStore *store,
                                        gint64     case_id,
                                        GError   **error);
/* DeskCase objects (without notice text) that use the item, by title. */
GPtrArray *desk_evidence_list_cases (DeskStore *store,
                                     gint64     evidence_id,
                                     GError   **error);
/* Absolute path of the stored copy (for viewers and packages). */
char *desk_evidence_get_path (DeskStore    *store,
                              DeskEvidence *evidence);

/* Links an existing item to a case; linking twice is a no-op. */
gboolean desk_evidence_attach (DeskStore *store,
                               gint64     case_id,
                               gint64     evidence_id,
                               GError   **error);
/* Removes the item from the case (and from the case's checklist items); the
 * item and its file go too when nothing else keeps them. */
gboolean desk_evidence_detach (DeskStore *store,
                               gint64     case_id,
                               gint64     evidence_id,
                               GError   **error);
/* The checklist links, one call per seller action. Attaching also links the
 * file to the checklist item's case, makes a "missing" item "provided" and
 * checks the file against the formats the item asks for: a file of the
 * wrong kind marks the item "needs attention" with the reason as its note;
 * otherwise the case's timeline records the attachment. Detaching the last
 * file of a "provided" item makes it "missing" again; "needs attention" is
 * left to the seller. A file attached twice is linked once. */
gboolean desk_evidence_attach_to_checklist (DeskStore *store,
                                            gint64     checklist_item_id,
                                            gint64     evidence_id,
                                            GError   **error);
gboolean desk_evidence_detach_from_checklist (DeskStore *store,
                                              gint64     checklist_item_id,
                                              gint64     evidence_id,
                                              GError   **error);
/* "Keep in library". Clearing it on an item no case uses deletes the item
 * and its file. */
gboolean desk_evidence_set_in_library (DeskStore *store,
                                       gint64     evidence_id,
                                       gboolean   in_library,
                                       GError   **error);

/* Every committed evidence change made through this API emits the store's
 * "changed::evidence" (case id, 0 when only the library changed); a
 * DeskSession turns it into "evidence-changed". */

G_END_DECLS
