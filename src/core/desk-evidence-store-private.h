/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-evidence-private.h"
#include "desk-evidence-store.h"
#include "desk-store-private.h"

G_BEGIN_DECLS

/* What the worker found out about a file before it is recorded. */
typedef struct
{
  char  *sha256;
  char  *name;
  char  *mime_type;
  char  *metadata_json;
  gint64 size;
  /* Holds the stored blob locked (no sweep removes it) until freed: free
   * only after the rows are committed or given up. */
  DeskBlobWriter *writer;
} DeskImported;

void _desk_imported_free (DeskImported *imported);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskImported, _desk_imported_free)

/* Checks, copies and inspects @file, then stores the copy; runs in any
 * thread (no database). A refused file leaves nothing behind. */
DeskImported *_desk_evidence_import (DeskBlobStore        *blobs,
                                     GFile                *file,
                                     GCancellable         *cancellable,
                                     GFileProgressCallback progress,
                                     gpointer              progress_data,
                                     GError              **error);
/* Main thread: writes the rows for @imported and returns the item. */
DeskEvidence *_desk_evidence_record (DeskStore    *store,
                                     DeskImported *imported,
                                     gint64        case_id,
                                     const char   *source_note,
                                     gboolean     *was_new,
                                     GError      **error);
/* Removes the blob when no evidence row refers to it. */
void          _desk_evidence_drop_unused_blob (DeskStore  *store,
                                               const char *sha256);
DeskEvidence *_desk_evidence_from_row (sqlite3_stmt *stmt);

#define DESK_EVIDENCE_COLUMNS                                                        \
  "e.id, e.sha256, e.original_name, e.size, e.mime_type, e.added_at, e.source_note," \
  " e.metadata_json, e.in_library,"                                                  \
  " (SELECT count(*) FROM case_evidence u JOIN cases c ON c.id = u.case_id"          \
  "  WHERE u.evidence_id = e.id AND c.trashed_at IS NULL) AS n_cases"

G_END_DECLS
