/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "desk-evidence-store.h"
#include "desk-gui-test-util.h"
#include "desk-test-site.h"
#include "desk-watch-section.h"
#include "net/desk-watch.h"

static void
test_section (void)
{
  Site            *site = site_new ();
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSession) session = desk_session_new (dir, &error);
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, "Copied earbuds");
  g_autoptr (DeskCase) other = desk_case_new (DESK_PLATFORM_AMAZON, DESK_CASE_TYPE_ACCOUNT_HEALTH, "Late dispatch");
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) evidence = NULL;
  g_autofree char   *live = at (site, "/live?1");
  g_autofree char   *gone = at (site, "/410");
  DeskCaptureOptions options = direct ();
  GtkWidget         *window = gtk_window_new ();
  DeskWatchSection  *section = desk_watch_section_new ();
  GtkWidget         *keep;

  g_assert_no_error (error);
  g_assert_true (desk_store_insert_case (desk_session_get_store (session), kase, &error));
  g_assert_true (desk_store_insert_case (desk_session_get_store (session), other, &error));
  desk_watch_section_set_proxy (section, options.proxy);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (section));
  gtk_window_present (GTK_WINDOW (window));

  /* Shown for reseller cases; a case without watched listings of another kind hides it. */
  desk_watch_section_set_case (section, session, desk_case_get_id (other));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (section)));
  desk_watch_section_set_case (section, session, desk_case_get_id (kase));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section)));

  g_assert_true (desk_watch_add (desk_session_get_store (session), desk_case_get_id (kase), live, NULL, &error));
  g_assert_true (desk_watch_add (desk_session_get_store (session), desk_case_get_id (kase), gone, NULL, &error));
  desk_watch_section_set_case (section, session, desk_case_get_id (kase));
  g_assert_true (desk_watch_section_check (section));
  g_assert_true (desk_watch_section_get_busy (section));
  g_assert_false (desk_watch_section_check (section)); /* one check at a time */
  desk_gui_test_wait_idle (section, (DeskGuiTestBusyFunc)desk_watch_section_get_busy, 20);

  items = desk_watch_list (desk_session_get_store (session), desk_case_get_id (kase), &error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (((DeskWatchItem *)items->pdata[0])->status, ==, DESK_WATCH_LIVE);
  g_assert_cmpint (((DeskWatchItem *)items->pdata[1])->status, ==, DESK_WATCH_GONE);

  /* The gone listing offers its proof; keeping it adds the evidence. */
  keep = desk_gui_test_find_button (GTK_WIDGET (section), "_Keep as Evidence");
  g_assert_nonnull (keep);
  g_signal_emit_by_name (keep, "clicked");
  desk_gui_test_iterate (20);
  evidence = desk_evidence_list_for_case (desk_session_get_store (session), desk_case_get_id (kase), &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_null (desk_gui_test_find_button (GTK_WIDGET (section), "_Keep as Evidence"));

  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (20);
  g_clear_object (&session);
  desk_test_remove_tree (dir);
  site_free (site);
}

int
main (int   argc,
      char *argv[])
{
  desk_gui_test_init (&argc, &argv);
  g_test_add_func ("/watch-section/check-and-keep", test_section);
  return g_test_run ();
}
