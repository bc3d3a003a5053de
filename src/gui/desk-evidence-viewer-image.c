/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-viewer"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "desk-evidence-viewer-private.h"
#include "desk-util.h"

/* Loading, in a worker thread */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (task_data);
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (path, NULL);
  g_autoptr (GdkPixbuf) upright = NULL;
  GError     *error = NULL;
  GdkTexture *texture;

  /* Phone photos are stored sideways with an EXIF orientation. */
  if (pixbuf != NULL && (upright = gdk_pixbuf_apply_embedded_orientation (pixbuf)) != NULL)
    texture = gdk_texture_new_for_pixbuf (upright);
  else
    texture = gdk_texture_new_from_file (task_data, &error);
  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static char *
describe_image (DeskEvidenceViewer *self)
{
  g_autoptr (GDateTime) taken = NULL;
  g_autofree char *when = NULL;
  g_autofree char *size = NULL;
  const char      *exif = desk_evidence_get_exif_date (self->evidence);
  GdkTexture      *texture = desk_image_canvas_get_texture (self->image_canvas);

  /* Translators: image size in pixels, e.g. "1080 × 2340 pixels" */
  size = g_strdup_printf (_ ("%d × %d pixels"), gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  if (exif != NULL)
    taken = g_date_time_new_from_iso8601 (exif, NULL);
  if (taken == NULL)
    /* Translators: %s is the image size */
    return g_strdup_printf (_ ("%s · No capture date in the file"), size);
  when = desk_time_format_local (taken);
  /* Translators: first %s is the image size, second the date the photo or screenshot was taken */
  return g_strdup_printf (_ ("%s · Taken %s"), size, when);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char    *info = NULL;
  DeskEvidenceViewer *self;

  /* Cancelled when the window went away: @user_data may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DESK_EVIDENCE_VIEWER (user_data);
  if (texture == NULL)
    {
      _desk_evidence_viewer_show_error (self, error);
      return;
    }
  desk_image_canvas_set_texture (self->image_canvas, texture);
  info = describe_image (self);
  gtk_label_set_text (self->image_info, info);
  _desk_evidence_viewer_set_state (self, "image");
}

void
_desk_evidence_viewer_open_image (DeskEvidenceViewer *self)
{
  g_autoptr (GTask) task = g_task_new (NULL, self->cancellable, load_done, self);

  g_task_set_source_tag (task, _desk_evidence_viewer_open_image);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  _desk_evidence_viewer_set_state (self, "loading");
  g_task_run_in_thread (task, load_thread);
}
