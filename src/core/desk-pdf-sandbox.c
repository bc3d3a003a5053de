/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-pdf"

#include "config.h"

#include <string.h>

#include "desk-pdf-helper-path.h"
#include "desk-pdf-sandbox.h"

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
  g_subprocess_communicate (proc, input, NULL, &output, NULL, &local_error);
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
