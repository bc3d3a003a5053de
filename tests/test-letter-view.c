/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-checklist-private.h"
#include "desk-evidence-store.h"
#include "desk-gui-test-util.h"
#include "desk-case-section.h"
#include "desk-letter-section.h"
#include "desk-letter-view.h"
#include "desk-screenshot.h"
#include "desk-session.h"
#include "letters/desk-letter.h"

static void
attach (DeskStore *store, gint64 case_id, const char *item_id, const char *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskChecklistItem) item = _desk_checklist_find_stored_item (store, case_id, item_id, &error);

  g_assert_no_error (error);
  g_assert_true (desk_evidence_attach_to_checklist (store, item->id, desk_test_insert_evidence_row (store, file, "image/png", "2026-11-18T10:00:00Z"), &error));
  g_assert_no_error (error);
}

/* The Joom reseller case of the report: notice, IDs, evidence, details. */
static gint64
seed (DeskSession *session, DeskPlatform platform, DeskCaseType type)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (GDateTime) received = g_date_time_new_utc (2026, 11, 18, 9, 30, 0);
  const char       *products[] = { "62c3d4e5f6a7b8c9d0e1f203", NULL };
  const char       *actions[] = { "We recorded the Created Date of our listing and time-stamped screenshots of the listings concerned.", NULL };
  DeskLetterDetails details = { "Shenzhen LongTeng Trading Co., Ltd.", "LongTeng Home Official", "Li Wei, Sales Manager" };
  g_autoptr (GError) error = NULL;
  const DeskTestCase spec = {
    .platform = platform,
    .type = type,
    .title = "Silicone kitchen mat — copied listing",
    .product_ids = products,
    .platform_case_id = "JR-2026-1118-39002",
    .notice_text = "Joom Support\nТема: Несанкционированное использование контента вашего товара\n",
    .received_at = received,
  };
  g_autoptr (DeskCase) kase = desk_test_insert_case (store, &spec);

  desk_test_create_checklist (store, desk_session_get_rules (session), kase);
  if (type == DESK_CASE_TYPE_RESELLER)
    {
      attach (store, desk_case_get_id (kase), "reseller-listing-screenshots", "joom-listings.png");
      attach (store, desk_case_get_id (kase), "first-listing-screenshot", "created-date.png");
      attach (store, desk_case_get_id (kase), "brand-authorization", "brand-authorization.png");
    }
  g_assert_true (desk_letter_set_details (session, desk_case_get_id (kase), "en", &details, &error));
  g_assert_true (desk_letter_set_actions (session, desk_case_get_id (kase), "en", actions, &error));
  g_assert_no_error (error);
  return desk_case_get_id (kase);
}

static GtkTextView *
letter_text_view (DeskLetterView *view)
{
  /* The first text view is the letter; the second, the corrective actions. */
  return GTK_TEXT_VIEW (desk_gui_test_find (GTK_WIDGET (view), GTK_TYPE_TEXT_VIEW));
}

/* Long letters: compare without printing both in full. */
static void
assert_text (DeskLetterView *view, const char *expected)
{
  g_autofree char *text = desk_letter_view_dup_text (view);

  g_assert_true (g_str_equal (text, expected));
}

static GtkWidget *
window_with (GtkWidget *child)
{
  GtkWidget *window = adw_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 900);
  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (50);
  return window;
}

static void
test_languages_and_edits (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSession) session = desk_session_new (dir, &error);
  gint64           id = seed (session, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  DeskLetterView  *view = desk_letter_view_new ();
  GtkWidget       *window = window_with (GTK_WIDGET (view));
  GtkTextBuffer   *buffer;
  g_autofree char *ru = NULL;
  g_autofree char *en = NULL;
  g_autofree char *fixed = NULL;
  g_autoptr (DeskLetter) stored = NULL;
  g_autoptr (DeskLetter) after_reset = NULL;
  GtkTextIter end;

  desk_letter_view_set_case (view, session, id);
  g_assert_cmpstr (desk_letter_view_get_language (view), ==, "ru");
  /* New evidence shows up in the open letter at once. */
  attach (desk_session_get_store (session), id, "packaging-photos-six-sides", "six-sides.png");
  desk_gui_test_iterate (50);
  g_assert_cmpuint (desk_gui_test_count (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON), ==, 3);
  ru = desk_letter_view_dup_text (view);
  g_assert_true (g_str_has_prefix (ru, "Уважаемая служба поддержки Joom!"));
  g_assert_nonnull (strstr (ru, "Приложение 4 — Фотографии упаковки с шести сторон"));
  g_assert_cmpuint (desk_letter_view_get_n_findings (view), ==, 0);
  g_assert_true (desk_letter_view_set_language (view, "en"));
  g_assert_false (desk_letter_view_set_language (view, "de"));
  en = desk_letter_view_dup_text (view);
  g_assert_nonnull (strstr (en, "Exhibit 4 — Packaging photos, six sides"));
  g_assert_true (g_str_has_prefix (en, "Dear Joom Support Team,"));
  g_assert_nonnull (strstr (en, "Exhibit 3 — Brand authorization"));

  /* Typing a bad phrase: a finding with a one-click replacement. */
  buffer = gtk_text_view_get_buffer (letter_text_view (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "That copycat stole our photos.\n", -1);
  g_assert_cmpuint (desk_letter_view_get_n_findings (view), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (view), "letter.replace", "u", 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "letter.replace", "u", 0);
  fixed = desk_letter_view_dup_text (view);
  g_assert_nonnull (strstr (fixed, "That the other seller used without authorization our photos."));
  g_assert_cmpuint (desk_letter_view_get_n_findings (view), ==, 0);
  desk_letter_view_flush (view);
  stored = desk_letter_get (session, id, "en", &error);
  g_assert_true (stored->edited);
  g_assert_cmpstr (stored->text, ==, fixed);

  /* Russian was not touched; reset brings English back. */
  g_assert_true (desk_letter_view_set_language (view, "ru"));
  assert_text (view, ru);
  g_assert_true (desk_letter_view_set_language (view, "en"));
  assert_text (view, fixed);
  gtk_widget_activate_action (GTK_WIDGET (view), "letter.reset", NULL);
  after_reset = desk_letter_get (session, id, "en", &error);
  g_assert_false (after_reset->edited);
  assert_text (view, en);

  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (20);
  g_assert_finalize_object (g_steal_pointer (&session));
  desk_test_remove_tree (dir);
}

static GtkWidget *
find_label_with_class (GtkWidget *root, const char *css_class)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_with_class (c, css_class);
      if (found)
        return found;
    }
  return NULL;
}

/* TikTok Shop: 500 characters; over the limit shows as an error. */
static void
test_limit (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSession) session = desk_session_new (dir, &error);
  gint64           id = seed (session, DESK_PLATFORM_TIKTOK_SHOP, DESK_CASE_TYPE_LISTING_TAKEDOWN);
  DeskLetterView  *view = desk_letter_view_new ();
  GtkWidget       *window = window_with (GTK_WIDGET (view));
  GtkWidget       *count;
  GtkTextBuffer   *buffer;
  g_autofree char *filler = g_strnfill (600, 'x');

  desk_letter_view_set_case (view, session, id);
  count = find_label_with_class (GTK_WIDGET (view), "letter-count");
  g_assert_nonnull (count);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (count)), "/ 500"));
  g_assert_false (gtk_widget_has_css_class (count, "error"));
  buffer = gtk_text_view_get_buffer (letter_text_view (view));
  gtk_text_buffer_set_text (buffer, filler, -1);
  g_assert_true (gtk_widget_has_css_class (count, "error"));
  gtk_text_buffer_set_text (buffer, filler + 140, -1);
  g_assert_true (gtk_widget_has_css_class (count, "warning"));
  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (20);
  g_assert_finalize_object (g_steal_pointer (&session));
  desk_test_remove_tree (dir);
}

static void
test_section (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSession) session = desk_session_new (dir, &error);
  gint64     id = seed (session, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *window = window_with (box);
  GtkWidget *section, *row;
  GtkWindow *letter;

  section = GTK_WIDGET (desk_letter_section_new ());
  gtk_box_append (GTK_BOX (box), section);
  desk_case_section_set_case (DESK_CASE_SECTION (section), session, id);
  row = desk_gui_test_find (section, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "no wording problems"));
  letter = desk_letter_section_open (DESK_LETTER_SECTION (section));
  g_assert_true (desk_letter_section_open (DESK_LETTER_SECTION (section)) == letter);
  g_assert_nonnull (desk_gui_test_find (GTK_WIDGET (letter), DESK_TYPE_LETTER_VIEW));
  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (20);
  g_assert_finalize_object (g_steal_pointer (&session));
  desk_test_remove_tree (dir);
}

/* Only with DESK_SCREENSHOT_DIR: the letter page of the Joom case, in the
 * UI language of the environment, with a planted finding. */
static void
test_screenshots (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSession) session = NULL;
  const char      *ui = g_getenv ("LANGUAGE");
  gboolean         zh = ui && g_str_has_prefix (ui, "zh");
  DeskLetterView  *view;
  GtkWidget       *window;
  GtkTextIter      end;
  g_autofree char *wide = NULL;
  g_autofree char *narrow = NULL;
  gint64           id;

  if (g_getenv ("DESK_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("DESK_SCREENSHOT_DIR not set");
      desk_test_remove_tree (dir);
      return;
    }
  session = desk_session_new (dir, &error);
  id = seed (session, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  view = desk_letter_view_new ();
  window = window_with (GTK_WIDGET (view));
  desk_letter_view_set_case (view, session, id);
  g_assert_true (desk_letter_view_set_language (view, zh ? "ru" : "en"));
  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (letter_text_view (view)), &end);
  gtk_text_buffer_insert (gtk_text_view_get_buffer (letter_text_view (view)), &end,
                          zh ? "P.S. Этот вор украл наши фотографии.\n" : "P.S. That copycat stole our photos.\n", -1);
  desk_letter_view_flush (view);
  desk_gui_test_iterate (300);
  wide = g_build_filename (g_getenv ("DESK_SCREENSHOT_DIR"), zh ? "letter-zh_CN.png" : "letter.png", NULL);
  g_assert_true (desk_screenshot_save (window, wide, &error));
  {
    /* The wording check below the letter, with its Replace buttons. */
    g_autofree char   *findings = g_build_filename (g_getenv ("DESK_SCREENSHOT_DIR"), zh ? "letter-findings-zh_CN.png" : "letter-findings.png", NULL);
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (desk_gui_test_find (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment     *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 380);
    desk_gui_test_iterate (300);
    g_assert_true (desk_screenshot_save (window, findings, &error));
    gtk_adjustment_set_value (adjustment, 0);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  desk_gui_test_iterate (300);
  narrow = g_build_filename (g_getenv ("DESK_SCREENSHOT_DIR"), zh ? "letter-narrow-zh_CN.png" : "letter-narrow.png", NULL);
  g_assert_true (desk_screenshot_save (window, narrow, &error));
  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (20);
  g_assert_finalize_object (g_steal_pointer (&session));
  desk_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  desk_gui_test_init (&argc, &argv);
  g_test_add_func ("/letter-view/languages-and-edits", test_languages_and_edits);
  g_test_add_func ("/letter-view/limit", test_limit);
  g_test_add_func ("/letter-view/section", test_section);
  g_test_add_func ("/letter-view/screenshots", test_screenshots);
  return g_test_run ();
}
