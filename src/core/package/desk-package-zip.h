/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The package file on disk: written unnamed (O_TMPFILE) in the target's
 * folder, or under a hidden temporary name where the file system cannot do
 * that, then fsynced and renamed over the target. Until commit the target
 * is untouched; cancel, a full disk or a killed process leave no package
 * behind (with O_TMPFILE, nothing at all). Errors are DESK_PACKAGE_ERROR. */
typedef struct _DeskAtomicFile DeskAtomicFile;

DeskAtomicFile *desk_atomic_file_new (const char *target_path,
                                      GError    **error);
int             desk_atomic_file_get_fd (DeskAtomicFile *file);
/* Flushes the data to disk (fsync): the slow half of committing, for a worker
 * thread. */
gboolean desk_atomic_file_sync (DeskAtomicFile *file,
                                GError        **error);
/* Gives the file its target name (replacing what was there) and syncs the
 * folder. After this the file is no longer removed by free(). */
gboolean desk_atomic_file_commit (DeskAtomicFile *file,
                                  GError        **error);
/* Removes the target again after a commit (the timeline could not record
 * it): one action, all or nothing. */
void desk_atomic_file_unlink_target (DeskAtomicFile *file);
/* Drops everything not committed. */
void desk_atomic_file_free (DeskAtomicFile *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskAtomicFile, desk_atomic_file_free)

/* A zip archive on a file descriptor via libarchive: UTF-8 names (flagged
 * in the headers), zip64 where sizes need it, each entry stored or
 * deflated, SHA-256 of each entry's content computed while it is written. */
typedef struct _DeskZipWriter DeskZipWriter;

/* Progress over all entries, in bytes of input. */
typedef void (*DeskZipProgress) (guint64  done,
                                 gpointer user_data);

DeskZipWriter *desk_zip_writer_new (int        fd,
                                    GDateTime *mtime,
                                    GError   **error);
/* Copies @path (must be @size bytes) into entry @name. @sha256_out (65
 * bytes) gets the hex digest of what was written. */
gboolean desk_zip_writer_add_file (DeskZipWriter  *self,
                                   const char     *name,
                                   const char     *path,
                                   gint64          size,
                                   gboolean        store,
                                   char           *sha256_out,
                                   GCancellable   *cancellable,
                                   DeskZipProgress progress,
                                   gpointer        progress_data,
                                   GError        **error);
gboolean desk_zip_writer_add_bytes (DeskZipWriter *self,
                                    const char    *name,
                                    GBytes        *bytes,
                                    gboolean       store,
                                    char          *sha256_out,
                                    GError       **error);
/* Writes the central directory; gives the SHA-256 and size of the whole
 * zip as written. */
gboolean desk_zip_writer_close (DeskZipWriter *self,
                                char          *sha256_out,
                                guint64       *size_out,
                                GError       **error);
void     desk_zip_writer_free (DeskZipWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskZipWriter, desk_zip_writer_free)

/* Whether a file of @mime_type is worth deflating; @path is sampled for
 * types that vary (PDF, unknown). */
gboolean desk_zip_should_store (const char *mime_type,
                                const char *path);

/* SHA-256 of a memory block as 64 hex digits. */
char *desk_sha256_hex (const void *data,
                       gsize       len);

/* Tests only: after @limit bytes every write fails with ENOSPC, as on a
 * full disk. G_MAXUINT64 turns it off. Process-wide. */
void _desk_zip_set_write_limit (guint64 limit);

G_END_DECLS
