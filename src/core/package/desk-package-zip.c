/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-package"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "desk-package.h"
#include "desk-package-zip.h"

#define CHUNK_SIZE     (1024 * 1024)
#define WRITEBACK_STEP (8 * CHUNK_SIZE)
/* Deflate only when it saves at least this share of a sample. */
#define SAMPLE_SIZE      (256 * 1024)
#define MIN_SAVING_RATIO 0.10

static guint64 write_limit = G_MAXUINT64;

void
_desk_zip_set_write_limit (guint64 limit)
{
  write_limit = limit;
}

static void
set_errno_error (GError    **error,
                 int         saved_errno,
                 const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_FULL,
                 /* Translators: %s is a folder or file path */
                 _ ("The disk is full, so the package could not be written to “%s”. Free some space or choose another folder; nothing was left behind."),
                 display);
  else
    g_set_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_IO,
                 /* Translators: first %s is a path, second the system's reason */
                 _ ("Could not write the package to “%s”: %s. Choose another folder."),
                 display, g_strerror (saved_errno));
}

/* DeskAtomicFile */

struct _DeskAtomicFile
{
  char    *target;
  char    *dir;
  char    *tmp_path; /* NULL while the file is unnamed (O_TMPFILE) */
  int      fd;
  gboolean committed;
};

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

DeskAtomicFile *
desk_atomic_file_new (const char *target_path,
                      GError    **error)
{
  g_autoptr (DeskAtomicFile) file = g_new0 (DeskAtomicFile, 1);
  g_autofree char *base = g_path_get_basename (target_path);

  file->fd = -1;
  file->target = g_strdup (target_path);
  file->dir = g_path_get_dirname (target_path);
  file->fd = open (file->dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (file->fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
    {
      set_errno_error (error, errno, file->dir);
      return NULL;
    }
  if (file->fd < 0)
    {
      /* Hidden, and never the target name: a crash leaves at most this. */
      file->tmp_path = g_strdup_printf ("%s/.%s.XXXXXX.part", file->dir, base);
      file->fd = g_mkstemp_full (file->tmp_path, O_WRONLY | O_CLOEXEC, 0644);
      if (file->fd < 0)
        {
          set_errno_error (error, errno, file->dir);
          g_clear_pointer (&file->tmp_path, g_free);
          return NULL;
        }
    }
  return g_steal_pointer (&file);
}

int
desk_atomic_file_get_fd (DeskAtomicFile *file)
{
  return file->fd;
}

gboolean
desk_atomic_file_sync (DeskAtomicFile *file,
                       GError        **error)
{
  if (fsync (file->fd) != 0)
    {
      set_errno_error (error, errno, file->target);
      return FALSE;
    }
  return TRUE;
}

/* An unnamed file gets a hidden temporary name first: linkat() cannot
 * replace an existing target, rename() can. */
static gboolean
name_tmpfile (DeskAtomicFile *file,
              GError        **error)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", file->fd);
  g_autofree char *base = g_path_get_basename (file->target);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *tmp = g_strdup_printf ("%s/.%s.%08x.part", file->dir, base, g_random_int ());

      if (linkat (AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
        {
          file->tmp_path = g_steal_pointer (&tmp);
          return TRUE;
        }
      if (errno != EEXIST)
        break;
    }
  set_errno_error (error, errno, file->target);
  return FALSE;
}

gboolean
desk_atomic_file_commit (DeskAtomicFile *file,
                         GError        **error)
{
  g_return_val_if_fail (!file->committed, FALSE);
  if (file->tmp_path == NULL && !name_tmpfile (file, error))
    return FALSE;
  if (g_rename (file->tmp_path, file->target) != 0)
    {
      set_errno_error (error, errno, file->target);
      return FALSE;
    }
  g_clear_pointer (&file->tmp_path, g_free);
  file->committed = TRUE;
  fsync_dir (file->dir);
  return TRUE;
}

void
desk_atomic_file_unlink_target (DeskAtomicFile *file)
{
  if (file->committed && g_unlink (file->target) == 0)
    fsync_dir (file->dir);
  file->committed = FALSE;
}

void
desk_atomic_file_free (DeskAtomicFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    close (file->fd);
  if (file->tmp_path)
    g_unlink (file->tmp_path);
  g_free (file->tmp_path);
  g_free (file->target);
  g_free (file->dir);
  g_free (file);
}

/* DeskZipWriter */

/* The SHA-256 of the whole zip is computed on a second thread while the
 * first reads, hashes and compresses the evidence: the two hashes together
 * cost as much CPU as everything else, and there are usually two cores. Output
 * blocks are copied into a few recycled buffers (bounded memory). A plain
 * GThread, not a GTask: it is a pipeline stage joined before the writer's
 * own (blocking, already off the main thread) call returns. */
#define HASH_BUFFERS    6
#define HASH_BUFFER_LEN CHUNK_SIZE

typedef struct
{
  gsize  len;
  guint8 data[];
} HashBlock;

typedef struct
{
  GThread          *thread;
  GAsyncQueue      *free_blocks;
  GAsyncQueue      *full_blocks;
  struct sha256_ctx ctx;
  HashBlock        *end; /* sentinel: len G_MAXSIZE */
} Hasher;

static gpointer
hasher_run (gpointer data)
{
  Hasher *h = data;

  for (;;)
    {
      HashBlock *block = g_async_queue_pop (h->full_blocks);

      if (block == h->end)
        return NULL;
      sha256_update (&h->ctx, block->len, block->data);
      g_async_queue_push (h->free_blocks, block);
    }
}

static void
hasher_start (Hasher *h)
{
  sha256_init (&h->ctx);
  h->free_blocks = g_async_queue_new_full (g_free);
  h->full_blocks = g_async_queue_new ();
  h->end = g_malloc0 (sizeof (HashBlock));
  for (guint i = 0; i < HASH_BUFFERS; i++)
    g_async_queue_push (h->free_blocks, g_malloc (sizeof (HashBlock) + HASH_BUFFER_LEN));
  h->thread = g_thread_new ("desk-package-hash", hasher_run, h);
}

static void
hasher_feed (Hasher     *h,
             const void *data,
             gsize       len)
{
  const guint8 *p = data;

  while (len > 0)
    {
      HashBlock *block = g_async_queue_pop (h->free_blocks);

      block->len = MIN (len, HASH_BUFFER_LEN);
      memcpy (block->data, p, block->len);
      g_async_queue_push (h->full_blocks, block);
      p += block->len;
      len -= block->len;
    }
}

/* Waits for the thread; the context then holds the whole digest. */
static void
hasher_stop (Hasher *h)
{
  if (h->thread == NULL)
    return;
  g_async_queue_push (h->full_blocks, h->end);
  g_thread_join (h->thread);
  h->thread = NULL;
  g_clear_pointer (&h->free_blocks, g_async_queue_unref);
  g_clear_pointer (&h->full_blocks, g_async_queue_unref);
  g_clear_pointer (&h->end, g_free);
}

struct _DeskZipWriter
{
  struct archive *archive;
  int             fd;
  time_t          mtime;
  guint64         written;
  int             write_errno;
  guint64         done; /* input bytes, for progress */
  guint8         *buffer;
  Hasher          archive_hash; /* of every byte of the zip */
  guint64         flushed;      /* writeback started up to here */
};

static la_ssize_t
write_cb (struct archive *a,
          void           *data,
          const void     *buffer,
          size_t          length)
{
  DeskZipWriter *self = data;
  const char    *p = buffer;
  size_t         left = length;

  while (left > 0)
    {
      size_t  chunk = MIN (left, write_limit - MIN (write_limit, self->written));
      ssize_t n = -1;

      errno = ENOSPC;
      if (chunk > 0)
        n = write (self->fd, p, chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          self->write_errno = errno;
          archive_set_error (a, errno, "%s", g_strerror (errno));
          return -1;
        }
      hasher_feed (&self->archive_hash, p, n);
      p += n;
      left -= n;
      self->written += n;
      /* Start writing back what is done, so the final fsync waits for the
       * last few megabytes, not the whole package. */
      if (self->written - self->flushed >= WRITEBACK_STEP)
        {
          sync_file_range (self->fd, self->flushed, self->written - self->flushed, SYNC_FILE_RANGE_WRITE);
          self->flushed = self->written;
        }
    }
  return length;
}

static gboolean
archive_failed (DeskZipWriter *self,
                const char    *what,
                GError       **error)
{
  if (self->write_errno != 0)
    {
      set_errno_error (error, self->write_errno, what);
      return FALSE;
    }
  g_set_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_IO,
               /* Translators: %s is the reason given by the zip library */
               _ ("Could not write the package: %s."),
               archive_error_string (self->archive) ? archive_error_string (self->archive) : "?");
  return FALSE;
}

DeskZipWriter *
desk_zip_writer_new (int        fd,
                     GDateTime *mtime,
                     GError   **error)
{
  g_autoptr (DeskZipWriter) self = g_new0 (DeskZipWriter, 1);

  self->fd = fd;
  self->mtime = mtime ? g_date_time_to_unix (mtime) : time (NULL);
  self->buffer = g_malloc (CHUNK_SIZE);
  hasher_start (&self->archive_hash);
  self->archive = archive_write_new ();
  /* libarchive would pad the last block like a tape; a zip wants none.
   * Blocks of 1 MiB instead of 10 kB: fewer system calls. */
  if (archive_write_set_format_zip (self->archive) != ARCHIVE_OK || archive_write_set_options (self->archive, "zip:hdrcharset=UTF-8") != ARCHIVE_OK || archive_write_set_bytes_per_block (self->archive, CHUNK_SIZE) != ARCHIVE_OK || archive_write_set_bytes_in_last_block (self->archive, 1) != ARCHIVE_OK || archive_write_open2 (self->archive, self, NULL, write_cb, NULL, NULL) != ARCHIVE_OK)
    {
      archive_failed (self, "", error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static gboolean
begin_entry (DeskZipWriter *self,
             const char    *name,
             gint64         size,
             gboolean       store,
             GError       **error)
{
  struct archive_entry *entry = archive_entry_new ();
  int                   rc;

  if (store)
    archive_write_zip_set_compression_store (self->archive);
  else
    archive_write_zip_set_compression_deflate (self->archive);
  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  archive_entry_set_mtime (entry, self->mtime, 0);
  rc = archive_write_header (self->archive, entry);
  archive_entry_free (entry);
  if (rc != ARCHIVE_OK)
    return archive_failed (self, name, error);
  return TRUE;
}

static void
digest_hex (struct sha256_ctx *ctx,
            char              *out)
{
  guint8 digest[SHA256_DIGEST_SIZE];

  sha256_digest (ctx, sizeof digest, digest);
  for (guint i = 0; i < sizeof digest; i++)
    g_snprintf (out + 2 * i, 3, "%02x", digest[i]);
}

char *
desk_sha256_hex (const void *data,
                 gsize       len)
{
  struct sha256_ctx ctx;
  char             *out = g_malloc (65);

  sha256_init (&ctx);
  sha256_update (&ctx, len, data);
  digest_hex (&ctx, out);
  return out;
}

static gboolean
write_data (DeskZipWriter *self,
            const char    *name,
            const void    *data,
            gsize          len,
            GError       **error)
{
  if (len > 0 && archive_write_data (self->archive, data, len) != (la_ssize_t)len)
    return archive_failed (self, name, error);
  return TRUE;
}

gboolean
desk_zip_writer_add_file (DeskZipWriter  *self,
                          const char     *name,
                          const char     *path,
                          gint64          size,
                          gboolean        store,
                          char           *sha256_out,
                          GCancellable   *cancellable,
                          DeskZipProgress progress,
                          gpointer        progress_data,
                          GError        **error)
{
  struct sha256_ctx ctx;
  gint64            left = size;
  int               fd;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      g_set_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_EVIDENCE,
                   /* Translators: %s is an evidence file's name in the package */
                   _ ("The stored copy of “%s” is missing. Add the file to the case again, then make the package."),
                   name);
      return FALSE;
    }
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  if (!begin_entry (self, name, size, store, error))
    goto fail;
  sha256_init (&ctx);
  while (left > 0)
    {
      ssize_t n = read (fd, self->buffer, MIN (left, CHUNK_SIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (n <= 0)
        {
          g_set_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_EVIDENCE,
                       _ ("The stored copy of “%s” is shorter than when it was added. Add the file to the case again, then make the package."),
                       name);
          goto fail;
        }
      sha256_update (&ctx, n, self->buffer);
      if (!write_data (self, name, self->buffer, n, error))
        goto fail;
      left -= n;
      self->done += n;
      if (progress)
        progress (self->done, progress_data);
    }
  close (fd);
  digest_hex (&ctx, sha256_out);
  return TRUE;

fail:
  close (fd);
  return FALSE;
}

gboolean
desk_zip_writer_add_bytes (DeskZipWriter *self,
                           const char    *name,
                           GBytes        *bytes,
                           gboolean       store,
                           char          *sha256_out,
                           GError       **error)
{
  gsize            len;
  const void      *data = g_bytes_get_data (bytes, &len);
  g_autofree char *hex = desk_sha256_hex (data, len);

  if (!begin_entry (self, name, len, store, error) || !write_data (self, name, data, len, error))
    return FALSE;
  memcpy (sha256_out, hex, 65);
  self->done += len;
  return TRUE;
}

gboolean
desk_zip_writer_close (DeskZipWriter *self,
                       char          *sha256_out,
                       guint64       *size_out,
                       GError       **error)
{
  if (archive_write_close (self->archive) != ARCHIVE_OK)
    return archive_failed (self, "", error);
  hasher_stop (&self->archive_hash);
  digest_hex (&self->archive_hash.ctx, sha256_out);
  *size_out = self->written;
  return TRUE;
}

void
desk_zip_writer_free (DeskZipWriter *self)
{
  if (self == NULL)
    return;
  if (self->archive)
    archive_write_free (self->archive);
  hasher_stop (&self->archive_hash);
  g_free (self->buffer);
  g_free (self);
}

/* Compression */

static gboolean
sample_compresses (const char *path)
{
  g_autofree guint8 *in = g_malloc (SAMPLE_SIZE);
  g_autofree guint8 *out = NULL;
  uLongf             out_len;
  ssize_t            n;
  int                fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    return TRUE;
  n = pread (fd, in, SAMPLE_SIZE, 0);
  close (fd);
  if (n <= 0)
    return FALSE;
  out_len = compressBound (n);
  out = g_malloc (out_len);
  if (compress2 (out, &out_len, in, n, 1) != Z_OK)
    return TRUE;
  return out_len < (1.0 - MIN_SAVING_RATIO) * n;
}

gboolean
desk_zip_should_store (const char *mime_type,
                       const char *path)
{
  static const char *const compressed[] = {
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/heic",
    "image/avif",
    "application/zip",
    "application/gzip",
    "application/x-7z-compressed",
    "application/x-rar-compressed",
    "video/",
    "audio/",
    "application/vnd.openxmlformats-officedocument.",
    "application/vnd.oasis.opendocument.",
  };
  static const char *const textual[] = { "text/", "message/", "application/json", "application/xml" };

  for (guint i = 0; mime_type && i < G_N_ELEMENTS (compressed); i++)
    if (g_str_has_prefix (mime_type, compressed[i]))
      return TRUE;
  for (guint i = 0; mime_type && i < G_N_ELEMENTS (textual); i++)
    if (g_str_has_prefix (mime_type, textual[i]))
      return FALSE;
  /* PDFs (mostly compressed streams, sometimes not), TIFF, BMP, unknown. */
  return path == NULL || !sample_compresses (path);
}
