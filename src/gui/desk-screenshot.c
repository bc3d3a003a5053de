/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-screenshot"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "desk-package-section.h"
#include "desk-screenshot.h"

gboolean
desk_screenshot_save (GtkWidget  *widget,
                      const char *path,
                      GError    **error)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int          width = gtk_widget_get_width (widget);
  int          height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The window has not been drawn yet."));
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not save the screenshot to “%s”."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
take_and_quit (gpointer data)
{
  GtkWindow *window = data;
  g_autoptr (GError) error = NULL;

  if (!desk_screenshot_save (GTK_WIDGET (window), g_getenv ("APPEAL_DESK_SCREENSHOT"), &error))
    g_printerr ("%s\n", error->message);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
  return G_SOURCE_REMOVE;
}

static void
on_first_frame (GdkFrameClock *clock,
                GtkWindow     *window)
{
  const char *delay = g_getenv ("APPEAL_DESK_SCREENSHOT_DELAY");

  g_signal_handlers_disconnect_by_func (clock, on_first_frame, window);
  if (g_getenv ("APPEAL_DESK_FIRST_FRAME"))
    {
      printf ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      fflush (stdout);
      g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
      return;
    }
  g_timeout_add (delay ? atoi (delay) : 300, take_and_quit, window);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* APPEAL_DESK_SCREENSHOT_PACKAGE=FILE: make the shown case's package into
 * FILE, to show progress and the toast. */
static gboolean
make_package (gpointer data)
{
  GtkWidget *section = find_widget (data, DESK_TYPE_PACKAGE_SECTION);
  g_autoptr (GFile) file = g_file_new_for_path (g_getenv ("APPEAL_DESK_SCREENSHOT_PACKAGE"));

  if (section)
    desk_package_section_make_to (DESK_PACKAGE_SECTION (section), file);
  return G_SOURCE_REMOVE;
}

static void
on_map (GtkWidget *widget)
{
  const char   *case_id = g_getenv ("APPEAL_DESK_SCREENSHOT_CASE");
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (widget)));

  if (case_id && g_action_group_has_action (G_ACTION_GROUP (app), "show-case"))
    g_action_group_activate_action (G_ACTION_GROUP (app), "show-case",
                                    g_variant_new_int64 (g_ascii_strtoll (case_id, NULL, 10)));
  if (g_getenv ("APPEAL_DESK_SCREENSHOT_PACKAGE"))
    g_timeout_add (100, make_package, widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_frame), widget, 0);
}

void
desk_screenshot_hook_window (GtkWindow *window)
{
  const char *size = g_getenv ("APPEAL_DESK_SCREENSHOT_SIZE");
  int         width, height;

  if (g_getenv ("APPEAL_DESK_SCREENSHOT") == NULL && g_getenv ("APPEAL_DESK_FIRST_FRAME") == NULL)
    return;
  if (size && sscanf (size, "%dx%d", &width, &height) == 2)
    gtk_window_set_default_size (window, width, height);
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
}
