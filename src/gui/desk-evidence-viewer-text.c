/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-evidence-viewer-private.h"

/* More than anyone reads in a preview; the package keeps the whole file. */
#define TEXT_MAX_BYTES (2 * 1024 * 1024)

typedef struct
{
  char    *text;
  gboolean truncated;
  gboolean valid;
} TextResult;

static void
text_result_free (TextResult *r)
{
  g_free (r->text);
  g_free (r);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr (GFileInputStream) in = g_file_read (task_data, cancellable, &error);
  g_autofree char *buffer = g_malloc (TEXT_MAX_BYTES + 1);
  gsize            n = 0;
  TextResult      *r;
  const char      *end;

  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), buffer, TEXT_MAX_BYTES + 1, &n, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  r = g_new0 (TextResult, 1);
  r->truncated = n > TEXT_MAX_BYTES;
  n = MIN (n, TEXT_MAX_BYTES);
  /* A character cut at the limit is not the file's fault. */
  r->valid = g_utf8_validate_len (buffer, n, &end) || (r->truncated && end - buffer > (gssize)n - 4);
  r->text = g_utf8_make_valid (buffer, n);
  g_task_return_pointer (task, r, (GDestroyNotify)text_result_free);
}

static void
show_notes (DeskEvidenceViewer *self,
            TextResult         *r)
{
  GString *notes = g_string_new (NULL);

  if (r->truncated)
    g_string_append (notes, _ ("Only the first 2 MB are shown. The whole file is stored and goes into the package."));
  if (!r->valid)
    {
      if (notes->len > 0)
        g_string_append_c (notes, ' ');
      g_string_append (notes, _ ("Some bytes are not UTF-8 text and are shown as “�”. If the text looks garbled, "
                                 "save the file again as UTF-8."));
    }
  gtk_label_set_text (self->text_info, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->text_info), notes->len > 0);
  g_string_free (notes, TRUE);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  TextResult         *r = g_task_propagate_pointer (G_TASK (result), &error);
  DeskEvidenceViewer *self;

  /* Cancelled when the window went away: @user_data may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DESK_EVIDENCE_VIEWER (user_data);
  if (r == NULL)
    {
      _desk_evidence_viewer_show_error (self, error);
      return;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), r->text, -1);
  show_notes (self, r);
  text_result_free (r);
  _desk_evidence_viewer_set_state (self, "text");
}

void
_desk_evidence_viewer_open_text (DeskEvidenceViewer *self)
{
  g_autoptr (GTask) task = g_task_new (NULL, self->cancellable, read_done, self);

  g_task_set_source_tag (task, _desk_evidence_viewer_open_text);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  _desk_evidence_viewer_set_state (self, "loading");
  g_task_run_in_thread (task, read_thread);
}
