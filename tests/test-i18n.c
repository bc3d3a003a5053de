/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "desk-gui-test-util.h"
#include "desk-util.h"
#include "desk-window.h"

/* Run with LANGUAGE=zh_CN (see tests/meson.build): the build's own .mo. */
static void
test_core_strings_chinese (void)
{
  g_assert_cmpstr (_ ("Appeal Desk"), ==, "申诉工作台");
  g_assert_cmpstr (desk_case_type_get_label (DESK_CASE_TYPE_RESELLER), ==, "跟卖");
  g_assert_cmpstr (desk_case_status_get_label (DESK_CASE_STATUS_DRAFT), ==, "草稿");
}

static void
test_window_chinese (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (DeskApplication) app = desk_gui_test_app (dir);
  DeskWindow *window = desk_application_new_window (app);
  GtkWidget  *status;

  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (50);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "申诉工作台");
  status = desk_gui_test_find (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (g_utf8_strchr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), -1, 0x6848) /* 案 */
                 || g_utf8_strchr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), -1, 0x65e0) /* 无 */);
  gtk_window_destroy (GTK_WINDOW (window));
  desk_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  desk_gui_test_init (&argc, &argv);
  g_test_add_func ("/i18n/core-strings", test_core_strings_chinese);
  g_test_add_func ("/i18n/window", test_window_chinese);
  return g_test_run ();
}
