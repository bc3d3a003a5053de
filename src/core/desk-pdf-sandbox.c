/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-pdf"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "desk-pdf-helper-path.h"
#include "desk-pdf-sandbox.h"

/* A helper that died must not take the application with it: SIGPIPE is
 * held back in this thread while writing to it, and dropped if raised. */
typedef struct
{
  sigset_t old;
} PipeGuard;

static void
pipe_guard_begin (PipeGuard *guard)
{
  sigset_t pipe_set;

  sigemptyset (&pipe_set);
  sigaddset (&pipe_set, SIGPIPE);
  pthread_sigmask (SIG_BLOCK, &pipe_set, &guard->old);
}

static void
pipe_guard_end (PipeGuard *guard)
{
  sigset_t        pipe_set;
  struct timespec zero = { 0, 0 };

  sigemptyset (&pipe_set);
  sigaddset (&pipe_set, SIGPIPE);
  while (sigtimedwait (&pipe_set, NULL, &zero) > 0)
    ;
  pthread_sigmask (SIG_SETMASK, &guard->old, NULL);
}

/* INHERIT_FDS lets GLib start the helper with posix_spawn (no copy of this
 * process's page tables, which a fork from a worker makes the whole GUI wait
 * for); every descriptor this code and SQLite open is close-on-exec, and
 * the helper closes any other it finds (another thread's spawn pipes). */
#define SPAWN_FLAGS \
  (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE | G_SUBPROCESS_FLAGS_INHERIT_FDS)

const char *
_desk_pdf_sandbox_get_helper (void)
{
  static gsize path = 0;

  if (g_once_init_enter (&path))
    {
      const char *env = g_getenv ("APPEAL_DESK_PDF_HELPER");
      char       *found;

      if (env && *env)
        found = g_strdup (env);
      else if (g_file_test (DESK_PDF_HELPER_INSTALLED, G_FILE_TEST_IS_EXECUTABLE))
        found = g_strdup (DESK_PDF_HELPER_INSTALLED);
      else
        found = g_strdup (DESK_PDF_HELPER_BUILT);
      g_once_init_leave (&path, (gsize)found);
    }
  return (const char *)path;
}

/* Persistent helper ------------------------------------------------------- */

struct _DeskPdfHelper
{
  char        *path;
  char        *password;
  guint64      mib;
  GSubprocess *proc;
  int          in_fd;    /* its standard output */
  int          out_fd;   /* its standard input */
  gint64       deadline; /* of the request sent, 0 if it could not be */
  gboolean     refill;   /* a spare is to be made after the next page */
};

static void
helper_stop (DeskPdfHelper *self)
{
  if (self->proc == NULL)
    return;
  g_subprocess_force_exit (self->proc);
  g_subprocess_wait (self->proc, NULL, NULL);
  g_clear_object (&self->proc);
  self->in_fd = self->out_fd = -1;
}

DeskPdfHelper *
_desk_pdf_helper_new (const char *path,
                      const char *password,
                      guint64     mib)
{
  DeskPdfHelper *self = g_new0 (DeskPdfHelper, 1);

  self->path = g_strdup (path);
  self->password = g_strdup (password);
  self->mib = mib;
  self->in_fd = self->out_fd = -1;
  return self;
}

void
_desk_pdf_helper_free (DeskPdfHelper *self)
{
  helper_stop (self);
  g_free (self->path);
  if (self->password)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (self);
}

void
_desk_pdf_helper_keep (gpointer       poppler,
                       DeskPdfHelper *helper)
{
  g_object_set_data_full (poppler, "desk-pdf-helper", helper, (GDestroyNotify)_desk_pdf_helper_free);
}

DeskPdfHelper *
_desk_pdf_helper_for (gpointer    poppler,
                      const char *path,
                      const char *password)
{
  DeskPdfHelper *self = g_object_get_data (poppler, "desk-pdf-helper");

  if (self == NULL)
    {
      self = _desk_pdf_helper_new (path, password, DESK_PDF_SANDBOX_MEMORY_MIB);
      _desk_pdf_helper_keep (poppler, self);
    }
  return self;
}

static gboolean
write_all_fd (int         fd,
              const char *data,
              gsize       len)
{
  PipeGuard guard;
  gboolean  ok = TRUE;

  pipe_guard_begin (&guard);
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          ok = FALSE;
          break;
        }
      data += n;
      len -= n;
    }
  pipe_guard_end (&guard);
  return ok;
}

typedef enum
{
  READ_OK,
  READ_FAILED,
  READ_CANCELLED,
} ReadResult;

/* Reads up to @len bytes into @buf before @deadline (monotonic µs), waking
 * for @cancellable. Returns bytes read via *@got. */
static ReadResult
read_some (int           fd,
           guint8       *buf,
           gsize         len,
           gsize        *got,
           gint64        deadline,
           GCancellable *cancellable)
{
  GPollFD    cancel_fd = { -1, 0, 0 };
  gboolean   has_cancel = cancellable && g_cancellable_make_pollfd (cancellable, &cancel_fd);
  ReadResult result = READ_FAILED;

  for (;;)
    {
      struct pollfd fds[2] = { { fd, POLLIN, 0 }, { cancel_fd.fd, POLLIN, 0 } };
      gint64        left = (deadline - g_get_monotonic_time ()) / 1000;
      gssize        n;
      int           rc;

      if (g_cancellable_is_cancelled (cancellable))
        {
          result = READ_CANCELLED;
          break;
        }
      if (left <= 0)
        break;
      rc = poll (fds, has_cancel ? 2 : 1, (int)MIN (left, G_MAXINT));
      if (rc < 0 && errno == EINTR)
        continue;
      if (rc < 0)
        break;
      if (rc == 0 || !(fds[0].revents & (POLLIN | POLLHUP)))
        continue;
      n = read (fd, buf, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n > 0)
        {
          *got = n;
          result = READ_OK;
        }
      break;
    }
  if (has_cancel)
    g_cancellable_release_fd (cancellable);
  return result;
}

/* One line, NUL-terminated, of at most @size - 1 bytes. */
static ReadResult
read_line (DeskPdfHelper *self,
           char          *line,
           gsize          size,
           gint64         deadline,
           GCancellable  *cancellable)
{
  gsize      len = 0;
  ReadResult result;

  do
    {
      gsize got = 0;

      if ((result = read_some (self->in_fd, (guint8 *)line + len, 1, &got, deadline, cancellable)) != READ_OK)
        return result;
    }
  while (line[len++] != '\n' && len < size - 1);
  line[len] = '\0';
  return READ_OK;
}

/* "ok LENGTH\n", or "err\n". */
static ReadResult
read_header (DeskPdfHelper *self,
             gint64         deadline,
             GCancellable  *cancellable,
             guint64       *length)
{
  char       header[64];
  ReadResult result = read_line (self, header, sizeof header, deadline, cancellable);

  if (result != READ_OK)
    return result;
  if (!g_str_has_prefix (header, "ok ") || !g_ascii_string_to_unsigned (g_strstrip (header + 3), 10, 0, G_MAXUINT32, length, NULL))
    return READ_FAILED;
  return READ_OK;
}

/* The answer is read straight into place, in big pieces. */
static ReadResult
read_body (DeskPdfHelper *self,
           guint8        *dest,
           gsize          len,
           gint64         deadline,
           GCancellable  *cancellable)
{
  ReadResult result = READ_OK;

  for (gsize filled = 0, got = 0; filled < len && result == READ_OK; filled += got)
    result = read_some (self->in_fd, dest + filled, len - filled, &got, deadline, cancellable);
  return result;
}

/* One helper started ahead of need and given no file yet: the next
 * document's probe then waits for no process start (libraries loaded and
 * relocated, about 10 ms: most of what opening costs). Made once a page
 * was drawn, out of that page's way, so only processes that show pages
 * keep one; it ends with this process, its standard input closed. */
G_LOCK_DEFINE_STATIC (spare);
static GSubprocess *spare;

static GSubprocess *
spawn_helper (guint64  mib,
              GError **error)
{
  g_autofree char *mib_text = g_strdup_printf ("%" G_GUINT64_FORMAT, mib);
  /* The largest bound a request may ask for. */
  g_autofree char *ms = g_strdup_printf ("%d", MAX (DESK_PDF_SANDBOX_RENDER_MSEC, DESK_PDF_SANDBOX_PAGE_TEXT_MSEC));
  const char      *argv[] = { _desk_pdf_sandbox_get_helper (), mib_text, ms, "serve", NULL };

  return g_subprocess_newv (argv, SPAWN_FLAGS, error);
}

static GSubprocess *
take_spare (guint64 mib)
{
  GSubprocess *proc;

  if (mib != DESK_PDF_SANDBOX_MEMORY_MIB)
    return NULL;
  G_LOCK (spare);
  proc = g_steal_pointer (&spare);
  G_UNLOCK (spare);
  return proc;
}

static void
refill_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  G_LOCK (spare);
  if (spare == NULL)
    spare = spawn_helper (DESK_PDF_SANDBOX_MEMORY_MIB, NULL);
  G_UNLOCK (spare);
}

/* In a thread of its own: starting a process takes milliseconds, which the
 * page just drawn must not wait for. */
static void
refill_spare (void)
{
  g_autoptr (GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, refill_spare);
  g_task_run_in_thread (task, refill_thread);
}

int
_desk_pdf_sandbox_get_spare_pid (void)
{
  int pid = 0;

  G_LOCK (spare);
  if (spare)
    pid = atoi (g_subprocess_get_identifier (spare));
  G_UNLOCK (spare);
  return pid;
}

/* Gives @proc the file. FALSE when it died before it said "ready" (a
 * spare may have, before it did anything). */
static gboolean
helper_attach (DeskPdfHelper *self,
               GSubprocess   *proc)
{
  g_autofree char *path = g_strescape (self->path, NULL);
  g_autofree char *lines = g_strconcat (path, "\n", self->password ? self->password : "", "\n", NULL);
  char             ready[8];
  gboolean         ok;

  self->proc = proc;
  self->in_fd = g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (g_subprocess_get_stdout_pipe (proc)));
#ifdef F_SETPIPE_SZ
  /* Fewer wake-ups for a page of pixels (best effort). */
  fcntl (self->in_fd, F_SETPIPE_SZ, 1024 * 1024);
#endif
  self->out_fd = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (g_subprocess_get_stdin_pipe (proc)));
  ok = write_all_fd (self->out_fd, lines, strlen (lines));
  memset (lines, 0, strlen (lines));
  ok = ok && read_line (self, ready, sizeof ready, self->deadline, NULL) == READ_OK && g_str_equal (ready, "ready\n");
  if (!ok)
    helper_stop (self);
  return ok;
}

static gboolean
helper_start (DeskPdfHelper *self,
              GError       **error)
{
  GSubprocess *proc = take_spare (self->mib);

  /* This helper's first page makes the next spare. */
  self->refill = self->mib == DESK_PDF_SANDBOX_MEMORY_MIB;
  if (proc && helper_attach (self, proc))
    return TRUE;
  if (!(proc = spawn_helper (self->mib, error)))
    return FALSE;
  return helper_attach (self, proc);
}

gboolean
_desk_pdf_helper_send (DeskPdfHelper *self,
                       const char    *request,
                       guint          msec,
                       GError       **error)
{
  /* The helper bounds itself to @msec too, opening the file included. */
  g_autofree char *line = g_strdup_printf ("%u %s\n", msec, request);

  /* Starting the helper counts too. */
  self->deadline = g_get_monotonic_time () + (gint64)msec * 1000 + G_USEC_PER_SEC;
  if (self->proc == NULL && !helper_start (self, error))
    return FALSE;
  if (!write_all_fd (self->out_fd, line, strlen (line)))
    self->deadline = 0; /* the answer fails */
  return TRUE;
}

/* A helper that failed, was stopped or cancelled is killed: the next
 * request starts afresh. */
static gboolean
request_done (DeskPdfHelper *self,
              ReadResult     result,
              GCancellable  *cancellable,
              GError       **error)
{
  if (result != READ_OK)
    helper_stop (self);
  if (result == READ_CANCELLED)
    g_cancellable_set_error_if_cancelled (cancellable, error);
  return result == READ_OK;
}

GBytes *
_desk_pdf_helper_receive (DeskPdfHelper *self,
                          gboolean      *complete,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr (GByteArray) data = g_byte_array_new ();
  ReadResult result = READ_FAILED;
  guint64    length = 0;

  if (self->proc && self->deadline && (result = read_header (self, self->deadline, cancellable, &length)) == READ_OK)
    {
      g_byte_array_set_size (data, length);
      result = read_body (self, data->data, length, self->deadline, cancellable);
    }
  if (!(*complete = request_done (self, result, cancellable, error)))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

GBytes *
_desk_pdf_helper_request (DeskPdfHelper *self,
                          const char    *request,
                          guint          msec,
                          gboolean      *complete,
                          GCancellable  *cancellable,
                          GError       **error)
{
  *complete = FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !_desk_pdf_helper_send (self, request, msec, error))
    return NULL;
  return _desk_pdf_helper_receive (self, complete, cancellable, error);
}

gboolean
_desk_pdf_helper_request_into (DeskPdfHelper *self,
                               const char    *request,
                               guint          msec,
                               guint8        *dest,
                               gsize          len,
                               GCancellable  *cancellable,
                               GError       **error)
{
  ReadResult result = READ_FAILED;
  guint64    length = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !_desk_pdf_helper_send (self, request, msec, error))
    return FALSE;
  if (self->deadline && (result = read_header (self, self->deadline, cancellable, &length)) == READ_OK)
    result = length == len ? read_body (self, dest, len, self->deadline, cancellable) : READ_FAILED;
  if (!request_done (self, result, cancellable, error))
    return FALSE;
  if (self->refill)
    refill_spare ();
  self->refill = FALSE;
  return TRUE;
}
