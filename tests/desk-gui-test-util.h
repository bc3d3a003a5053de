/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "desk-application.h"
#include "desk-screenshot.h"
#include "desk-test-util.h"

/* gtk_test_init() forces the C locale; tests that check translations need the
 * environment's, so initialise by hand and read the build's own .mo files. */
static inline void
desk_gui_test_init (int *argc, char ***argv)
{
  g_autofree char *localedir = g_build_filename (g_getenv ("DESK_BUILD_ROOT"), "po", NULL);

  g_test_init (argc, argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_true (gtk_init_check ());
  adw_init ();
}

static inline void
desk_gui_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Saves a screenshot of @widget once it has been drawn: on a loaded machine
 * the first frame can come late, so this waits up to 20 s for it. */
static inline gboolean
desk_gui_test_screenshot (GtkWidget  *widget,
                          const char *path,
                          GError    **error)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autoptr (GError) local_error = NULL;

      if (desk_screenshot_save (widget, path, &local_error))
        return TRUE;
      desk_gui_test_iterate (20);
    }
  return desk_screenshot_save (widget, path, error);
}

/* An application with its store in @data_dir, registered without D-Bus. */
static inline DeskApplication *
desk_gui_test_app (const char *data_dir)
{
  g_autoptr (GError) error = NULL;
  DeskApplication *app;

  g_setenv ("APPEAL_DESK_DATA_DIR", data_dir, TRUE);
  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_application_get_is_registered (G_APPLICATION (app)));
  return app;
}

static inline GtkWidget *
desk_gui_test_find (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = desk_gui_test_find (c, type);
      if (found)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
desk_gui_test_find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = desk_gui_test_find_named (c, name);
      if (found)
        return found;
    }
  return NULL;
}

/* Compiled GUI helpers (tests/desk-gui-test-util.c). */

/* The first button under @root whose label is exactly @label (mnemonic
 * underscores included), or NULL. */
GtkWidget *desk_gui_test_find_button (GtkWidget  *root,
                                      const char *label);
/* How many widgets of @type there are in @root's tree, @root included. */
guint desk_gui_test_count (GtkWidget *root,
                           GType      type);
/* Whether a GtkLabel under @root, shown or hidden, has @needle in its text. */
gboolean desk_gui_test_has_label_containing (GtkWidget  *root,
                                             const char *needle);
/* The same, counting only labels that are themselves visible. */
gboolean desk_gui_test_has_visible_label_containing (GtkWidget  *root,
                                                     const char *needle);
/* Whether a preferences row under @root has @needle in its title, or an
 * action row in its subtitle. */
gboolean desk_gui_test_has_row_containing (GtkWidget  *root,
                                           const char *needle);

/* Runs the main loop until @is_busy (@widget) is FALSE (at most 30 s,
 * asserted), with @settle_ms of iterations before, so that work queued from
 * an idle has started, and after, so that its results are drawn. */
typedef gboolean (*DeskGuiTestBusyFunc) (gpointer widget);
void desk_gui_test_wait_idle (gpointer            widget,
                              DeskGuiTestBusyFunc is_busy,
                              guint               settle_ms);
