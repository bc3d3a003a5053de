/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-types.h"

G_BEGIN_DECLS

#define DESK_TYPE_BLOB_STORE (desk_blob_store_get_type ())

G_DECLARE_FINAL_TYPE (DeskBlobStore, desk_blob_store, DESK, BLOB_STORE, GObject)

/* Content-addressed files under @dir: <dir>/ab/cdef… named by SHA-256 (hex).
 * Writes go to a temporary file in <dir>/tmp, are fsynced and renamed, so a
 * blob is either complete or absent. Errors use DESK_STORE_ERROR. */
DeskBlobStore *desk_blob_store_new (const char *dir);
const char    *desk_blob_store_get_dir (DeskBlobStore *self);

/* Copies @file in, hashing as it reads. Returns the hex SHA-256; *size_out
 * gets the byte count. A blob already present is not written twice. */
char *desk_blob_store_import (DeskBlobStore        *self,
                              GFile                *file,
                              goffset              *size_out,
                              GFileProgressCallback progress,
                              gpointer              progress_data,
                              GCancellable         *cancellable,
                              GError              **error);
char *desk_blob_store_import_bytes (DeskBlobStore *self,
                                    GBytes        *bytes,
                                    GError       **error);
void  desk_blob_store_import_async (DeskBlobStore      *self,
                                    GFile              *file,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
char *desk_blob_store_import_finish (DeskBlobStore *self,
                                     GAsyncResult  *result,
                                     goffset       *size_out,
                                     GError       **error);

gboolean desk_blob_store_contains (DeskBlobStore *self,
                                   const char    *sha256);
/* Path of the stored file (it may not exist). */
char    *desk_blob_store_get_path (DeskBlobStore *self,
                                   const char    *sha256);
GFile   *desk_blob_store_get_file (DeskBlobStore *self,
                                   const char    *sha256);
gboolean desk_blob_store_remove (DeskBlobStore *self,
                                 const char    *sha256,
                                 GError       **error);
gboolean desk_blob_store_is_valid_hash (const char *sha256);

/* Two-step import, so a file can be inspected before it is stored: stage
 * copies and hashes @file into a locked temporary file; publish renames it
 * into place. The writer keeps its lock until freed, so free it only once
 * the rows that refer to the blob are committed (or given up): until then
 * no sweep removes it. Freeing an unpublished writer removes its file. */
typedef struct _DeskBlobWriter DeskBlobWriter;

DeskBlobWriter *desk_blob_store_stage (DeskBlobStore        *self,
                                       GFile                *file,
                                       GFileProgressCallback progress,
                                       gpointer              progress_data,
                                       GCancellable         *cancellable,
                                       GError              **error);
const char     *desk_blob_writer_get_sha256 (DeskBlobWriter *writer);
/* The staged file, for inspection; NULL once published. */
const char *desk_blob_writer_get_temp_path (DeskBlobWriter *writer);
goffset     desk_blob_writer_get_size (DeskBlobWriter *writer);
gboolean    desk_blob_writer_publish (DeskBlobWriter *writer,
                                      GError        **error);
void        desk_blob_writer_free (DeskBlobWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskBlobWriter, desk_blob_writer_free)

/* Removes temporary files whose writer died (nobody holds their lock).
 * Returns how many. */
guint desk_blob_store_clean_temps (DeskBlobStore *self);

typedef gboolean (*DeskBlobUsedFunc) (const char *sha256,
                                      gpointer    data);
/* Removes each blob of @shas (NULL: every stored blob, and empty folders)
 * that @is_used says nothing refers to and that no live writer holds.
 * @wait: wait for a sweep or a publish in progress, else skip the sweep.
 * Returns how many blobs were removed. */
guint desk_blob_store_sweep (DeskBlobStore   *self,
                             GPtrArray       *shas,
                             DeskBlobUsedFunc is_used,
                             gpointer         data,
                             gboolean         wait);
int   _desk_blob_store_lock_dir (DeskBlobStore *self,
                                 int            operation);

G_END_DECLS
