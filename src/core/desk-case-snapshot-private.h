/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-case-snapshot.h"

G_BEGIN_DECLS

/* A module's part of a case snapshot. @load runs inside the snapshot's read
 * transaction; it returns the part (NULL with @error unset = nothing for this
 * case) which the snapshot owns and frees with @free. */
typedef gpointer (*DeskCaseSnapshotLoadFunc) (DeskSession *session,
                                              gint64       case_id,
                                              GError     **error);
typedef struct
{
  const char              *name;
  DeskCaseSnapshotLoadFunc load;
  GDestroyNotify           free;
} DeskCaseSnapshotPart;

/* desk-case-snapshot-parts.c: the list, ended by { NULL }. */
extern const DeskCaseSnapshotPart _desk_case_snapshot_parts[];

G_END_DECLS
