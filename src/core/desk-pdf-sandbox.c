/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-pdf"

#include "config.h"

#include <errno.h>
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

static void
kill_on_cancel (GCancellable *cancellable,
                gpointer      user_data)
{
  g_subprocess_force_exit (user_data);
}

GBytes *
_desk_pdf_sandbox_run (const char *const *args,
                       const char        *password,
                       guint64            mib,
                       guint              msec,
                       gboolean          *complete,
                       GCancellable      *cancellable,
                       GError           **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GBytes) input = NULL;
  g_autoptr (GBytes) output = NULL;
  g_auto (GStrv) argv = NULL;
  g_autofree char *mib_text = g_strdup_printf ("%" G_GUINT64_FORMAT, mib);
  g_autofree char *msec_text = g_strdup_printf ("%u", msec);
  g_autoptr (GError) local_error = NULL;
  gulong handler = 0;

  *complete = FALSE;
  g_strv_builder_add (builder, _desk_pdf_sandbox_get_helper ());
  g_strv_builder_add (builder, mib_text);
  g_strv_builder_add (builder, msec_text);
  g_strv_builder_addv (builder, (const char **)args);
  argv = g_strv_builder_end (builder);
  proc = g_subprocess_newv ((const char *const *)argv,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            error);
  if (proc == NULL)
    return NULL;
  if (cancellable)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (kill_on_cancel), g_object_ref (proc), g_object_unref);
  if (password)
    {
      /* A newline ends the password line. */
      g_autofree char *line = g_strconcat (password, "\n", NULL);

      input = g_bytes_new (line, strlen (line));
      memset (line, 0, strlen (line));
    }
  else
    input = g_bytes_new_static ("\n", 1);
  /* Not passed the cancellable: the handler above kills the helper, and
   * communicate then returns with what was read. */
  {
    PipeGuard guard;

    pipe_guard_begin (&guard);
    g_subprocess_communicate (proc, input, NULL, &output, NULL, &local_error);
    pipe_guard_end (&guard);
  }
  g_cancellable_disconnect (cancellable, handler);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_subprocess_force_exit (proc);
      return NULL;
    }
  if (local_error != NULL && output == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  *complete = g_subprocess_get_if_exited (proc) && g_subprocess_get_exit_status (proc) == 0;
  if (!*complete)
    g_debug ("PDF helper stopped (%s %d) on %s", g_subprocess_get_if_signaled (proc) ? "signal" : "exit",
             g_subprocess_get_if_signaled (proc) ? g_subprocess_get_term_sig (proc) : g_subprocess_get_exit_status (proc),
             args[1]);
  return output ? g_steal_pointer (&output) : g_bytes_new (NULL, 0);
}

/* Persistent helper ------------------------------------------------------- */

struct _DeskPdfHelper
{
  char        *path;
  char        *password;
  GSubprocess *proc;
  int          in_fd;  /* its standard output */
  int          out_fd; /* its standard input */
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

static void
helper_free (DeskPdfHelper *self)
{
  helper_stop (self);
  g_free (self->path);
  if (self->password)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (self);
}

DeskPdfHelper *
_desk_pdf_helper_for (gpointer    poppler,
                      const char *path,
                      const char *password)
{
  DeskPdfHelper *self = g_object_get_data (poppler, "desk-pdf-helper");

  if (self == NULL)
    {
      self = g_new0 (DeskPdfHelper, 1);
      self->path = g_strdup (path);
      self->password = g_strdup (password);
      self->in_fd = self->out_fd = -1;
      g_object_set_data_full (poppler, "desk-pdf-helper", self, (GDestroyNotify)helper_free);
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

static gboolean
helper_start (DeskPdfHelper *self,
              guint          msec,
              GError       **error)
{
  g_autofree char *mib = g_strdup_printf ("%d", DESK_PDF_SANDBOX_MEMORY_MIB);
  g_autofree char *ms = g_strdup_printf ("%u", msec);
  g_autofree char *line = g_strconcat (self->password ? self->password : "", "\n", NULL);
  const char      *argv[] = { _desk_pdf_sandbox_get_helper (), mib, ms, "serve", self->path, NULL };
  gboolean         ok;

  self->proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                  error);
  if (self->proc == NULL)
    return FALSE;
  self->in_fd = g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (g_subprocess_get_stdout_pipe (self->proc)));
  self->out_fd = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (g_subprocess_get_stdin_pipe (self->proc)));
  ok = write_all_fd (self->out_fd, line, strlen (line));
  memset (line, 0, strlen (line));
  if (!ok)
    helper_stop (self);
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

/* "ok LENGTH\n" + LENGTH bytes, or "err\n". */
static GBytes *
read_answer (DeskPdfHelper *self,
             gint64         deadline,
             GCancellable  *cancellable,
             ReadResult    *result)
{
  g_autoptr (GByteArray) data = g_byte_array_new ();
  char     header[64];
  gsize    header_len = 0;
  guint64  want = 0;
  gboolean have_header = FALSE;

  for (;;)
    {
      guint8 buf[65536];
      gsize  got = 0;
      gsize  room = have_header ? MIN (sizeof buf, want - data->len) : 1;

      if (have_header && data->len == want)
        break;
      if ((*result = read_some (self->in_fd, buf, room, &got, deadline, cancellable)) != READ_OK)
        return NULL;
      if (have_header)
        {
          g_byte_array_append (data, buf, got);
          continue;
        }
      header[header_len++] = buf[0];
      if (buf[0] != '\n' && header_len < sizeof header - 1)
        continue;
      header[header_len] = '\0';
      if (!g_str_has_prefix (header, "ok ") || !g_ascii_string_to_unsigned (g_strstrip (header + 3), 10, 0, G_MAXUINT32, &want, NULL))
        {
          *result = READ_FAILED;
          return NULL;
        }
      have_header = TRUE;
    }
  *result = READ_OK;
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
  g_autofree char *line = g_strconcat (request, "\n", NULL);
  /* Starting the helper and opening the file count too. */
  gint64     deadline = g_get_monotonic_time () + (gint64)msec * 1000 + G_USEC_PER_SEC;
  ReadResult result = READ_FAILED;
  GBytes    *answer = NULL;

  *complete = FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (self->proc == NULL && !helper_start (self, msec, error))
    return NULL;
  if (write_all_fd (self->out_fd, line, strlen (line)))
    answer = read_answer (self, deadline, cancellable, &result);
  if (answer == NULL)
    helper_stop (self); /* stopped, failed, or cancelled: the next request starts afresh */
  if (result == READ_CANCELLED)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  *complete = answer != NULL;
  return answer;
}
