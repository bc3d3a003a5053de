/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-evidence.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* Getting evidence out of the app: the seller uploads these files to the
 * seller centre. Stored files are named by their content; these give them
 * back their original names. */

/* The original name made safe as a file name: no folders, no leading dot,
 * not empty ("evidence-12" when nothing is left). */
char *desk_evidence_export_name (DeskEvidence *evidence);

/* Copies the stored file to @dest (overwritten: the caller asked the user),
 * in a worker thread. Errors name the file and say what to do (full disk,
 * no permission). */
void     desk_evidence_save_copy_async (DeskStore          *store,
                                        DeskEvidence       *evidence,
                                        GFile              *dest,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
gboolean desk_evidence_save_copy_finish (DeskStore    *store,
                                         GAsyncResult *result,
                                         GError      **error);
/* Blocking, for the command line. */
gboolean desk_evidence_save_copy (DeskStore    *store,
                                  DeskEvidence *evidence,
                                  GFile        *dest,
                                  GCancellable *cancellable,
                                  GError      **error);

/* A read-only file with the original name for another program to open or
 * for dragging out: <data dir>/open/<sha256>/<name>, a hard link to the
 * stored file (instant, no extra space), a copy where links are not
 * possible. Editing it in place is refused (read-only), so the stored
 * evidence never changes. Reused when it exists. */
GFile *desk_evidence_get_shareable_file (DeskStore    *store,
                                         DeskEvidence *evidence,
                                         GError      **error);

/* Removes the shareable file of @sha256 when no evidence has that content
 * any more (its stored file went: a deleted case leaves no copy behind). */
void desk_evidence_forget_shareable (DeskStore  *store,
                                     const char *sha256);

G_END_DECLS
