/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-blob-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "desk-blob-store.h"
#include "desk-store.h"

#define CHUNK_SIZE (1024 * 1024)

struct _DeskBlobStore
{
  GObject parent_instance;
  char   *dir;
};

G_DEFINE_FINAL_TYPE (DeskBlobStore, desk_blob_store, G_TYPE_OBJECT)

static void
desk_blob_store_finalize (GObject *object)
{
  DeskBlobStore *self = (DeskBlobStore *)object;

  g_clear_pointer (&self->dir, g_free);
  G_OBJECT_CLASS (desk_blob_store_parent_class)->finalize (object);
}

static void
desk_blob_store_class_init (DeskBlobStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_blob_store_finalize;
}

static void
desk_blob_store_init (DeskBlobStore *self)
{
}

DeskBlobStore *
desk_blob_store_new (const char *dir)
{
  DeskBlobStore *self;

  g_return_val_if_fail (dir != NULL, NULL);
  self = g_object_new (DESK_TYPE_BLOB_STORE, NULL);
  self->dir = g_strdup (dir);
  return self;
}

const char *
desk_blob_store_get_dir (DeskBlobStore *self)
{
  g_return_val_if_fail (DESK_IS_BLOB_STORE (self), NULL);
  return self->dir;
}

gboolean
desk_blob_store_is_valid_hash (const char *sha256)
{
  if (sha256 == NULL || strlen (sha256) != 64)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (sha256[i]) || g_ascii_isupper (sha256[i]))
      return FALSE;
  return TRUE;
}

char *
desk_blob_store_get_path (DeskBlobStore *self,
                          const char    *sha256)
{
  char prefix[3] = { 0 };

  g_return_val_if_fail (DESK_IS_BLOB_STORE (self), NULL);
  g_return_val_if_fail (desk_blob_store_is_valid_hash (sha256), NULL);
  memcpy (prefix, sha256, 2);
  return g_build_filename (self->dir, prefix, sha256 + 2, NULL);
}

GFile *
desk_blob_store_get_file (DeskBlobStore *self,
                          const char    *sha256)
{
  g_autofree char *path = desk_blob_store_get_path (self, sha256);

  return path ? g_file_new_for_path (path) : NULL;
}

gboolean
desk_blob_store_contains (DeskBlobStore *self,
                          const char    *sha256)
{
  g_autofree char *path = desk_blob_store_get_path (self, sha256);

  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static void
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *what)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_FULL,
                 _ ("The disk is full. Free some space and add the file again; nothing was lost."));
  else
    /* Translators: %s is a file or folder name, then the system's reason */
    g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_IO,
                 _ ("Could not write “%s”: %s"), what, g_strerror (saved_errno));
}

/* Writes all of @buf or fails with errno set. */
static gboolean
write_all (int           fd,
           const guint8 *buf,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, buf, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      buf += n;
      len -= n;
    }
  return TRUE;
}

/* A temporary file and its writer's lock. The writer holds an exclusive
 * flock() on it from creation until it is freed, also after the rename into
 * place (the lock follows the inode): a temporary file nobody holds locked
 * belongs to a writer that died, and a stored blob that is locked is one a
 * live import is about to record. No age guess is needed. */
struct _DeskBlobWriter
{
  DeskBlobStore *store;
  int            fd;
  char          *tmp_path;
  GChecksum     *checksum;
  char          *sha;
  goffset        size;
  gboolean       published;
};
typedef DeskBlobWriter Writer;

static gboolean
writer_open (DeskBlobStore *self,
             Writer        *w,
             GError       **error)
{
  g_autofree char *tmp_dir = g_build_filename (self->dir, "tmp", NULL);

  if (g_mkdir_with_parents (tmp_dir, 0700) != 0)
    {
      set_errno_error (error, errno, tmp_dir);
      return FALSE;
    }
  w->tmp_path = g_build_filename (tmp_dir, "import-XXXXXX", NULL);
  w->fd = g_mkstemp_full (w->tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (w->fd < 0)
    {
      set_errno_error (error, errno, w->tmp_path);
      g_clear_pointer (&w->tmp_path, g_free);
      return FALSE;
    }
  /* Nobody else knows the name yet: this cannot block. */
  flock (w->fd, LOCK_EX);
  w->store = g_object_ref (self);
  w->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  return TRUE;
}

static gboolean
writer_append (Writer       *w,
               const guint8 *buf,
               gsize         len,
               GError      **error)
{
  g_checksum_update (w->checksum, buf, len);
  w->size += len;
  if (!write_all (w->fd, buf, len))
    {
      set_errno_error (error, errno, w->tmp_path);
      return FALSE;
    }
  return TRUE;
}

/* Unlinks an unpublished temporary file before closing (and unlocking) it,
 * so a sweep never sees it unlocked. */
static void
writer_abort (Writer *w)
{
  if (w->tmp_path && !w->published)
    g_unlink (w->tmp_path);
  if (w->fd >= 0)
    close (w->fd);
  g_clear_pointer (&w->tmp_path, g_free);
  g_clear_pointer (&w->checksum, g_checksum_free);
  g_clear_pointer (&w->sha, g_free);
  g_clear_object (&w->store);
  w->fd = -1;
}

void
desk_blob_writer_free (DeskBlobWriter *w)
{
  if (w == NULL)
    return;
  writer_abort (w);
  g_free (w);
}

const char *
desk_blob_writer_get_sha256 (DeskBlobWriter *w)
{
  return w->sha;
}

const char *
desk_blob_writer_get_temp_path (DeskBlobWriter *w)
{
  return w->published ? NULL : w->tmp_path;
}

goffset
desk_blob_writer_get_size (DeskBlobWriter *w)
{
  return w->size;
}

static void
fsync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Makes the data durable and names it; the file stays in tmp. */
static gboolean
writer_seal (Writer  *w,
             GError **error)
{
  if (fsync (w->fd) != 0)
    {
      set_errno_error (error, errno, w->tmp_path);
      return FALSE;
    }
  w->sha = g_strdup (g_checksum_get_string (w->checksum));
  return TRUE;
}

/* Held shared by every rename into place, exclusively by a sweep, so a sweep
 * never unlinks a path a writer just renamed a new file to. */
int
_desk_blob_store_lock_dir (DeskBlobStore *self,
                           int            operation)
{
  int fd;

  /* flock() works on a directory too: no lock file to leave around. */
  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    return -1;
  fd = open (self->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  while (flock (fd, operation) != 0)
    if (errno != EINTR)
      {
        close (fd);
        return -1;
      }
  return fd;
}

gboolean
desk_blob_writer_publish (DeskBlobWriter *w,
                          GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *parent = NULL;
  int              dir_lock;
  gboolean         ok;

  g_return_val_if_fail (w->sha != NULL, FALSE);
  if (w->published)
    return TRUE;
  path = desk_blob_store_get_path (w->store, w->sha);
  parent = g_path_get_dirname (path);
  /* Renamed even over an existing copy (same bytes): the path then names
   * the inode this writer holds locked until its rows are committed. */
  dir_lock = _desk_blob_store_lock_dir (w->store, LOCK_SH);
  ok = g_mkdir_with_parents (parent, 0700) == 0 && g_rename (w->tmp_path, path) == 0;
  if (!ok)
    set_errno_error (error, errno, path);
  if (dir_lock >= 0)
    close (dir_lock);
  if (!ok)
    return FALSE;
  w->published = TRUE;
  fsync_dir (parent);
  return TRUE;
}

/* fsync, then rename into place; the lock is released on return. */
static char *
writer_commit (DeskBlobStore *self,
               Writer        *w,
               GError       **error)
{
  char *sha;

  if (!writer_seal (w, error) || !desk_blob_writer_publish (w, error))
    {
      writer_abort (w);
      return NULL;
    }
  sha = g_steal_pointer (&w->sha);
  writer_abort (w);
  return sha;
}

/* Hashing runs in a pool thread while this thread reads and writes: SHA-256
 * and the copy then overlap (measured in bench/bench-pdf: about 1.0× the time
 * of sha256sum for a 1 GiB file, against 1.3–1.6× in one thread). The one
 * hashing thread takes the chunks in order; N_CHUNKS buffers circulate. */
#define N_CHUNKS 4

typedef struct
{
  guint8 *data;
  gsize   len;
} Chunk;

typedef struct
{
  GChecksum   *checksum;
  GAsyncQueue *free_chunks;
} Hasher;

static void
hash_chunk (gpointer data,
            gpointer user_data)
{
  Chunk  *chunk = data;
  Hasher *hasher = user_data;

  g_checksum_update (hasher->checksum, chunk->data, chunk->len);
  g_async_queue_push (hasher->free_chunks, chunk);
}

/* Reads @in to its end into the temporary file, hashing in parallel. */
static gboolean
copy_hashing (Writer               *w,
              GInputStream         *in,
              goffset               total,
              GFileProgressCallback progress,
              gpointer              progress_data,
              GCancellable         *cancellable,
              GError              **error)
{
  Hasher       hasher = { w->checksum, g_async_queue_new () };
  GThreadPool *pool = g_thread_pool_new (hash_chunk, &hasher, 1, FALSE, NULL);
  gboolean     ok = TRUE;
  Chunk       *chunk;

  for (guint i = 0; i < N_CHUNKS; i++)
    {
      chunk = g_new0 (Chunk, 1);
      chunk->data = g_malloc (CHUNK_SIZE);
      g_async_queue_push (hasher.free_chunks, chunk);
    }
  for (;;)
    {
      gssize n;

      chunk = g_async_queue_pop (hasher.free_chunks);
      n = g_input_stream_read (in, chunk->data, CHUNK_SIZE, cancellable, error);
      if (n <= 0 || !write_all (w->fd, chunk->data, n))
        {
          if (n > 0)
            set_errno_error (error, errno, w->tmp_path);
          ok = n == 0;
          g_async_queue_push (hasher.free_chunks, chunk);
          break;
        }
      chunk->len = n;
      w->size += n;
      g_thread_pool_push (pool, chunk, NULL);
      if (progress)
        progress (w->size, total, progress_data);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  while ((chunk = g_async_queue_try_pop (hasher.free_chunks)))
    {
      g_free (chunk->data);
      g_free (chunk);
    }
  g_async_queue_unref (hasher.free_chunks);
  return ok;
}

DeskBlobWriter *
desk_blob_store_stage (DeskBlobStore        *self,
                       GFile                *file,
                       GFileProgressCallback progress,
                       gpointer              progress_data,
                       GCancellable         *cancellable,
                       GError              **error)
{
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (DeskBlobWriter) w = g_new0 (DeskBlobWriter, 1);
  goffset total = -1;

  g_return_val_if_fail (DESK_IS_BLOB_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  w->fd = -1;
  if (!(in = g_file_read (file, cancellable, error)))
    return NULL;
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info)
    total = g_file_info_get_size (info);
  if (!writer_open (self, w, error))
    return NULL;
  if (!copy_hashing (w, G_INPUT_STREAM (in), total, progress, progress_data, cancellable, error)
      || !writer_seal (w, error))
    return NULL;
  return g_steal_pointer (&w);
}

char *
desk_blob_store_import (DeskBlobStore        *self,
                        GFile                *file,
                        goffset              *size_out,
                        GFileProgressCallback progress,
                        gpointer              progress_data,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr (DeskBlobWriter) w = desk_blob_store_stage (self, file, progress, progress_data,
                                                        cancellable, error);

  if (w == NULL || !desk_blob_writer_publish (w, error))
    return NULL;
  if (size_out)
    *size_out = w->size;
  return g_steal_pointer (&w->sha);
}

char *
desk_blob_store_import_bytes (DeskBlobStore *self,
                              GBytes        *bytes,
                              GError       **error)
{
  Writer        w = { .fd = -1 };
  gsize         len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  g_return_val_if_fail (DESK_IS_BLOB_STORE (self), NULL);
  if (!writer_open (self, &w, error))
    return NULL;
  if (!writer_append (&w, data, len, error))
    {
      writer_abort (&w);
      return NULL;
    }
  return writer_commit (self, &w, error);
}

typedef struct
{
  char   *sha;
  goffset size;
} ImportResult;

static void
import_result_free (ImportResult *r)
{
  g_free (r->sha);
  g_free (r);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError       *error = NULL;
  ImportResult *r = g_new0 (ImportResult, 1);

  r->sha = desk_blob_store_import (source_object, task_data, &r->size, NULL, NULL, cancellable, &error);
  if (r->sha == NULL)
    {
      import_result_free (r);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, r, (GDestroyNotify)import_result_free);
}

void
desk_blob_store_import_async (DeskBlobStore      *self,
                              GFile              *file,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, desk_blob_store_import_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

char *
desk_blob_store_import_finish (DeskBlobStore *self,
                               GAsyncResult  *result,
                               goffset       *size_out,
                               GError       **error)
{
  ImportResult *r;
  char         *sha;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (!(r = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;
  if (size_out)
    *size_out = r->size;
  sha = g_steal_pointer (&r->sha);
  import_result_free (r);
  return sha;
}

gboolean
desk_blob_store_remove (DeskBlobStore *self,
                        const char    *sha256,
                        GError       **error)
{
  g_autofree char *path = NULL;

  if (!desk_blob_store_is_valid_hash (sha256))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _ ("“%s” is not a valid file fingerprint."), sha256);
      return FALSE;
    }
  path = desk_blob_store_get_path (self, sha256);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  return TRUE;
}

/* Sweeping ------------------------------------------------------------------ */

/* Takes @path's lock without waiting: TRUE (and the descriptor) when no
 * writer holds it. */
static int
try_lock_path (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

  if (fd < 0)
    return -1;
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

guint
desk_blob_store_clean_temps (DeskBlobStore *self)
{
  g_autofree char *tmp_dir = g_build_filename (self->dir, "tmp", NULL);
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;
  guint       removed = 0;

  g_return_val_if_fail (DESK_IS_BLOB_STORE (self), 0);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      int              fd;

      if (!g_str_has_prefix (name, "import-"))
        continue;
      path = g_build_filename (tmp_dir, name, NULL);
      if ((fd = try_lock_path (path)) < 0)
        continue; /* a live writer */
      if (g_unlink (path) == 0)
        removed++;
      close (fd);
    }
  return removed;
}

static guint
sweep_one (DeskBlobStore   *self,
           const char      *sha,
           DeskBlobUsedFunc is_used,
           gpointer         data)
{
  g_autofree char *path = desk_blob_store_get_path (self, sha);
  g_autofree char *parent = NULL;
  guint            removed = 0;
  int              fd;

  if (path == NULL || is_used (sha, data))
    return 0;
  if ((fd = try_lock_path (path)) < 0)
    return 0; /* absent, or a live import is about to record it */
  /* Asked again under the lock: the writer commits its rows before it
   * lets go, so a blob recorded meanwhile is seen as used now. */
  if (!is_used (sha, data) && g_unlink (path) == 0)
    removed = 1;
  close (fd);
  parent = g_path_get_dirname (path);
  g_rmdir (parent); /* only when now empty */
  return removed;
}

static void
list_all (DeskBlobStore *self,
          GPtrArray     *out)
{
  g_autoptr (GDir) top = g_dir_open (self->dir, 0, NULL);
  const char *prefix;

  while (top && (prefix = g_dir_read_name (top)))
    {
      g_autofree char *sub_path = NULL;
      g_autoptr (GDir) sub = NULL;
      const char *rest;

      if (strlen (prefix) != 2 || !g_ascii_isxdigit (prefix[0]) || !g_ascii_isxdigit (prefix[1]))
        continue;
      sub_path = g_build_filename (self->dir, prefix, NULL);
      sub = g_dir_open (sub_path, 0, NULL);
      while (sub && (rest = g_dir_read_name (sub)))
        {
          g_autofree char *sha = g_strconcat (prefix, rest, NULL);

          if (desk_blob_store_is_valid_hash (sha))
            g_ptr_array_add (out, g_steal_pointer (&sha));
        }
      if (sub && g_rmdir (sub_path) == 0) /* an empty folder */
        continue;
    }
}

guint
desk_blob_store_sweep (DeskBlobStore   *self,
                       GPtrArray       *shas,
                       DeskBlobUsedFunc is_used,
                       gpointer         data,
                       gboolean         wait)
{
  g_autoptr (GPtrArray) all = NULL;
  guint removed = 0;
  int   dir_lock;

  g_return_val_if_fail (DESK_IS_BLOB_STORE (self), 0);
  g_return_val_if_fail (is_used != NULL, 0);
  if (!g_file_test (self->dir, G_FILE_TEST_IS_DIR))
    return 0;
  dir_lock = _desk_blob_store_lock_dir (self, wait ? LOCK_EX : LOCK_EX | LOCK_NB);
  if (dir_lock < 0)
    return 0; /* another sweep runs, or the folder is read-only */
  if (shas == NULL)
    {
      all = g_ptr_array_new_with_free_func (g_free);
      list_all (self, all);
      shas = all;
    }
  for (guint i = 0; i < shas->len; i++)
    removed += sweep_one (self, shas->pdata[i], is_used, data);
  close (dir_lock);
  return removed;
}
