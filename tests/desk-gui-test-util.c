/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Compiled helpers shared by the GUI tests (tests/meson.build links them
 * into each): looking for widgets and waiting for background work. */
#include "config.h"

#include <string.h>

#include "desk-gui-test-util.h"

GtkWidget *
desk_gui_test_find_button (GtkWidget  *root,
                           const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = desk_gui_test_find_button (c, label);

      if (found)
        return found;
    }
  return NULL;
}

guint
desk_gui_test_count (GtkWidget *root,
                     GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    n += desk_gui_test_count (c, type);
  return n;
}

static gboolean
has_label_containing (GtkWidget  *root,
                      const char *needle,
                      gboolean    visible_only)
{
  if (GTK_IS_LABEL (root) && (!visible_only || gtk_widget_get_visible (root))
      && strstr (gtk_label_get_text (GTK_LABEL (root)), needle))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (has_label_containing (c, needle, visible_only))
      return TRUE;
  return FALSE;
}

gboolean
desk_gui_test_has_label_containing (GtkWidget  *root,
                                    const char *needle)
{
  return has_label_containing (root, needle, FALSE);
}

gboolean
desk_gui_test_has_visible_label_containing (GtkWidget  *root,
                                            const char *needle)
{
  return has_label_containing (root, needle, TRUE);
}

gboolean
desk_gui_test_has_row_containing (GtkWidget  *root,
                                  const char *needle)
{
  const char *subtitle = ADW_IS_ACTION_ROW (root) ? adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) : NULL;

  if (ADW_IS_PREFERENCES_ROW (root) && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), needle))
    return TRUE;
  if (subtitle && strstr (subtitle, needle))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (desk_gui_test_has_row_containing (c, needle))
      return TRUE;
  return FALSE;
}

void
desk_gui_test_wait_idle (gpointer            widget,
                         DeskGuiTestBusyFunc is_busy,
                         guint               settle_ms)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  desk_gui_test_iterate (settle_ms);
  while (is_busy (widget) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (is_busy (widget));
  desk_gui_test_iterate (settle_ms);
}
