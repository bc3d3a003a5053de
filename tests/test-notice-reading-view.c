/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "desk-gui-test-util.h"
#include "desk-notice-reading-view.h"

/* The wizard's view of what the notice reader read: one row per field and
 * figure, each with the line it came from; the other party's marked. */

static const char notice_text[] = "我的笔记：AliExpress 店铺被跟卖\n"
                                  "我的商品：1005006321098765\n"
                                  "跟卖卖家 Seller ID：2210984471\n"
                                  "退出原因：近7天物流异常率为26.4%，超过平台阈值20%\n";

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_string_append_printf (out, "%s|%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static void
test_rows_and_sources (void)
{
  g_autoptr (DeskNotice) notice = desk_notice_decode (notice_text, NULL);
  GtkWidget *view = g_object_ref_sink (desk_notice_reading_view_new ());
  g_autoptr (GString) text = g_string_new (NULL);
  guint n_fields = desk_notice_get_fields (notice)->len;
  guint n_facts = desk_notice_get_facts (notice)->len;

  g_assert_cmpuint (desk_notice_reading_view_get_n_rows (DESK_NOTICE_READING_VIEW (view)), ==, 0);
  desk_notice_reading_view_set_notice (DESK_NOTICE_READING_VIEW (view), notice);
  g_assert_cmpuint (n_facts, ==, 1);
  g_assert_cmpuint (desk_notice_reading_view_get_n_rows (DESK_NOTICE_READING_VIEW (view)), ==, n_fields + n_facts);
  collect_text (view, text);
  /* The value, then the source line under it. */
  g_assert_nonnull (strstr (text->str, "2210984471\nLine 3: 跟卖卖家 Seller ID：2210984471"));
  g_assert_nonnull (strstr (text->str, "Reseller’s seller ID (the other party)|"));
  g_assert_nonnull (strstr (text->str, "Your product|1005006321098765"));
  g_assert_nonnull (strstr (text->str, "26.4 % (yours) against 20 % (threshold)"));
  /* Reading again replaces the rows; NULL clears them. */
  desk_notice_reading_view_set_notice (DESK_NOTICE_READING_VIEW (view), notice);
  g_assert_cmpuint (desk_notice_reading_view_get_n_rows (DESK_NOTICE_READING_VIEW (view)), ==, n_fields + n_facts);
  desk_notice_reading_view_set_notice (DESK_NOTICE_READING_VIEW (view), NULL);
  g_assert_cmpuint (desk_notice_reading_view_get_n_rows (DESK_NOTICE_READING_VIEW (view)), ==, 0);
  g_object_unref (view);
}

/* Text from the notice is shown as text, never as markup. */
static void
test_markup_escaped (void)
{
  g_autoptr (DeskNotice) notice = desk_notice_decode ("Shopee\nReason: <b>bold</b> & \"quoted\"\nProduct ID: 21098765432\n", NULL);
  GtkWidget *view = g_object_ref_sink (desk_notice_reading_view_new ());
  g_autoptr (GString) text = g_string_new (NULL);

  desk_notice_reading_view_set_notice (DESK_NOTICE_READING_VIEW (view), notice);
  collect_text (view, text);
  /* The row shows the characters themselves ("<b>" stays visible). */
  g_assert_nonnull (strstr (text->str, "<b>bold</b> & \"quoted\""));
  g_object_unref (view);
}

int
main (int argc, char *argv[])
{
  desk_gui_test_init (&argc, &argv);
  g_test_add_func ("/notice-reading-view/rows-and-sources", test_rows_and_sources);
  g_test_add_func ("/notice-reading-view/markup-escaped", test_markup_escaped);
  return g_test_run ();
}
