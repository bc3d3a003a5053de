/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-session.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* The packages made for a case, as recorded when each was written (table
 * "packages", in the same transaction as the timeline entry). Also the
 * "packages" part of a case snapshot: desk_case_snapshot_get_part (snap,
 * DESK_PACKAGE_SNAPSHOT_PART) is a GPtrArray of DeskPackageRecord, oldest
 * first, or NULL when none was made. */

#define DESK_PACKAGE_SNAPSHOT_PART "packages"

typedef struct
{
  gint64     id;
  gint64     case_id;
  GDateTime *created_at;
  char      *path; /* where it was written; the file may have moved since */
  char      *sha256;
  gint64     size;
  guint      n_files;
  guint      blocking_gaps; /* > 0: made despite blocking chain gaps */
  char     **omitted;       /* "letters", "chain": parts it did not contain */
} DeskPackageRecord;

#define DESK_TYPE_PACKAGE_RECORD (desk_package_record_get_type ())
GType              desk_package_record_get_type (void) G_GNUC_CONST;
DeskPackageRecord *desk_package_record_copy (const DeskPackageRecord *record);
void               desk_package_record_free (DeskPackageRecord *record);

/* DeskPackageRecord of @case_id, oldest first (empty when none). */
GPtrArray *desk_package_list_records (DeskStore *store,
                                      gint64     case_id,
                                      GError   **error);

/* Snapshot part (desk-case-snapshot-parts.c). */
gpointer _desk_package_snapshot_load (DeskSession *session,
                                      gint64       case_id,
                                      GError     **error);
void     _desk_package_snapshot_free (gpointer part);
/* Inside the caller's transaction. */
gboolean _desk_package_record_insert (DeskStore               *store,
                                      const DeskPackageRecord *record,
                                      GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPackageRecord, desk_package_record_free)

G_END_DECLS
