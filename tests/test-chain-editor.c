/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-chain-editor-private.h"
#include "desk-chain-section.h"
#include "desk-gui-test-util.h"
#include "desk-screenshot.h"
#include "desk-seller-profile-page.h"
#include "desk-store-private.h"

/* The chain editor on the demo cases: case 1 is the Shopee earbuds case
 * (blocking gaps), case 3 the Joom baking-mat case (clean chain).
 * DESK_CHAIN_SCREENSHOT_DIR=… also saves what the editor looks like
 * (tools/take-chain-screenshots.sh). */

#define SHOPEE_CASE 1
#define JOOM_CASE   3

typedef struct
{
  char        *dir;
  DeskStore   *store; /* the session's */
  DeskSession *session;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *cli = g_build_filename (g_getenv ("DESK_BUILD_ROOT"), "src", "cli", "appeal-desk-cli", NULL);
  const char      *argv[] = { cli, "--data-dir", NULL, "demo", NULL };
  g_autoptr (GError) error = NULL;
  int status = -1;

  f->dir = desk_test_make_data_dir ();
  argv[2] = f->dir;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  f->session = desk_session_new (f->dir, &error);
  g_assert_no_error (error);
  f->store = desk_session_get_store (f->session);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  f->store = NULL;
  g_assert_finalize_object (f->session);
  desk_test_remove_tree (f->dir);
  g_free (f->dir);
}

static DeskChainEditor *
open_editor (Fixture *f, gint64 case_id)
{
  DeskChainEditor *editor = desk_chain_editor_new (NULL, f->session, case_id);

  gtk_window_present (GTK_WINDOW (editor));
  desk_gui_test_iterate (200);
  return editor;
}

static void
close_editor (DeskChainEditor *editor)
{
  g_object_ref (editor);
  gtk_window_destroy (GTK_WINDOW (editor));
  desk_gui_test_iterate (50);
  g_assert_finalize_object (editor);
}

static void
maybe_screenshot (DeskChainEditor *editor, const char *name)
{
  const char      *dir = g_getenv ("DESK_CHAIN_SCREENSHOT_DIR");
  const char      *size = g_getenv ("DESK_CHAIN_SCREENSHOT_SIZE");
  const char      *lang = g_getenv ("LANGUAGE");
  int              width = 1100, height = 900;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (dir == NULL)
    return;
  if (size)
    sscanf (size, "%dx%d", &width, &height);
  /* The application loads its style sheet; this test has no application. */
  {
    g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css), GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  gtk_window_set_default_size (GTK_WINDOW (editor), width, height);
  desk_gui_test_iterate (600);
  file = g_strdup_printf ("chain-%s-%s-%dx%d.png", name, lang && *lang ? lang : "en", width, height);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (desk_screenshot_save (GTK_WIDGET (editor), path, &error));
  g_assert_no_error (error);
  g_test_message ("wrote %s", path);
}

static gboolean
has_kind (GPtrArray *gaps, DeskChainGapKind kind)
{
  for (guint i = 0; gaps && i < gaps->len; i++)
    if (((DeskChainGap *)gaps->pdata[i])->kind == kind)
      return TRUE;
  return FALSE;
}

static GtkWidget *
field (DeskChainEditor *editor, int link, int trademark, DeskChainField which)
{
  g_autofree char *key = _desk_chain_editor_field_key (link, trademark, which);

  return g_hash_table_lookup (editor->field_widgets, key);
}

static gboolean
focus_within (DeskChainEditor *editor, GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (editor));

  return focus && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The editor shows what the core finds; the gap jumps to its field. */
static void
test_shopee_gaps (Fixture *f, gconstpointer data)
{
  DeskChainEditor *editor = open_editor (f, SHOPEE_CASE);
  g_autoptr (GPtrArray) stored = desk_chain_check_case (f->session, SHOPEE_CASE, NULL, NULL);
  GPtrArray *gaps = desk_chain_editor_get_gaps (editor);

  maybe_screenshot (editor, "shopee");
  g_assert_cmpuint (gaps->len, ==, stored->len);
  g_assert_cmpuint (gaps->len, >=, 3);
  g_assert_true (has_kind (gaps, DESK_CHAIN_GAP_SCAN_ONLY));
  g_assert_true (has_kind (gaps, DESK_CHAIN_GAP_PRODUCT_SCOPE));
  g_assert_true (has_kind (gaps, DESK_CHAIN_GAP_EXPIRED));
  g_assert_cmpuint (editor->chain->links->len, ==, 2);
  for (guint i = 0; i < gaps->len; i++)
    {
      const DeskChainGap *gap = gaps->pdata[i];
      GtkWidget          *target = field (editor, gap->link, gap->trademark, gap->field);

      g_test_message ("gap %u: %s", i, gap->message);
      g_assert_nonnull (target);
      desk_chain_editor_activate_gap (editor, i);
      desk_gui_test_iterate (30);
      g_assert_true (focus_within (editor, target));
    }
  g_assert_false (desk_chain_editor_get_dirty (editor));
  close_editor (editor);
}

/* Typing re-checks: break the chain, see the gap, save it, fix it. */
static void
test_live_and_save (Fixture *f, gconstpointer data)
{
  DeskChainEditor *editor = open_editor (f, JOOM_CASE);
  GtkWidget       *grantor;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stored = NULL;

  maybe_screenshot (editor, "joom");
  g_assert_cmpuint (desk_chain_editor_get_gaps (editor)->len, ==, 0);
  grantor = field (editor, 1, -1, DESK_CHAIN_FIELD_GRANTOR);
  g_assert_true (ADW_IS_ENTRY_ROW (grantor));
  gtk_editable_set_text (GTK_EDITABLE (grantor), "Yiwu Somebody Else Trading Co., Ltd.");
  desk_gui_test_iterate (400);
  g_assert_true (desk_chain_editor_get_dirty (editor));
  g_assert_true (has_kind (desk_chain_editor_get_gaps (editor), DESK_CHAIN_GAP_BROKEN_CONTINUITY));
  /* The seller also clears the platform the letter names. */
  gtk_editable_set_text (GTK_EDITABLE (field (editor, 1, -1, DESK_CHAIN_FIELD_PLATFORMS)), "");
  desk_gui_test_iterate (400);
  g_assert_true (has_kind (desk_chain_editor_get_gaps (editor), DESK_CHAIN_GAP_PLATFORM_NOT_NAMED));
  maybe_screenshot (editor, "joom-edited");
  gtk_editable_set_text (GTK_EDITABLE (field (editor, 1, -1, DESK_CHAIN_FIELD_PLATFORMS)), "Joom");
  /* A bad date is shown as an error and not taken. */
  gtk_editable_set_text (GTK_EDITABLE (field (editor, 0, -1, DESK_CHAIN_FIELD_VALID_UNTIL)), "2026-02-30");
  desk_gui_test_iterate (50);
  g_assert_true (gtk_widget_has_css_class (field (editor, 0, -1, DESK_CHAIN_FIELD_VALID_UNTIL), "error"));
  g_assert_false (desk_chain_editor_save (editor, &error));
  g_assert_nonnull (strstr (error->message, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field (editor, 0, -1, DESK_CHAIN_FIELD_VALID_UNTIL)))));
  g_clear_error (&error);
  gtk_editable_set_text (GTK_EDITABLE (field (editor, 0, -1, DESK_CHAIN_FIELD_VALID_UNTIL)), "2031-12-31");
  desk_gui_test_iterate (50);
  g_assert_false (gtk_widget_has_css_class (field (editor, 0, -1, DESK_CHAIN_FIELD_VALID_UNTIL), "error"));
  g_assert_cmpstr (((DeskChainLink *)editor->chain->links->pdata[0])->valid_until, ==, "2031-12-31");

  g_assert_true (desk_chain_editor_save (editor, &error));
  g_assert_no_error (error);
  stored = desk_chain_check_case (f->session, JOOM_CASE, NULL, &error);
  g_assert_true (has_kind (stored, DESK_CHAIN_GAP_BROKEN_CONTINUITY));

  gtk_editable_set_text (GTK_EDITABLE (grantor), "ningbo meilin trading co ltd");
  desk_gui_test_iterate (400);
  g_assert_cmpuint (desk_chain_editor_get_gaps (editor)->len, ==, 0);
  close_editor (editor);
}

/* Add, insert, move and remove links with the actions the buttons use. */
static void
test_structure (Fixture *f, gconstpointer data)
{
  DeskChainEditor *editor = open_editor (f, JOOM_CASE);
  DeskChainLink   *first = editor->chain->links->pdata[0];

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "chain.insert-link", "i", 1));
  g_assert_cmpuint (editor->chain->links->len, ==, 3);
  g_assert_cmpstr (((DeskChainLink *)editor->chain->links->pdata[1])->grantor, ==, first->grantee);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "chain.move-link", "(ii)", 0, 1));
  g_assert_true (editor->chain->links->pdata[1] == first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "chain.move-link", "(ii)", 1, -1));
  g_assert_true (editor->chain->links->pdata[0] == first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "chain.remove-link", "i", 1));
  g_assert_cmpuint (editor->chain->links->len, ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "chain.add-link", NULL));
  g_assert_cmpuint (editor->chain->links->len, ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "chain.add-trademark", NULL));
  g_assert_cmpuint (editor->chain->trademarks->len, ==, 2);
  desk_gui_test_iterate (300);
  g_assert_nonnull (field (editor, 2, -1, DESK_CHAIN_FIELD_GRANTEE));
  g_assert_nonnull (field (editor, -1, 1, DESK_CHAIN_FIELD_TRADEMARK_OWNER));
  g_assert_true (desk_chain_editor_get_dirty (editor));
  close_editor (editor);
}

/* Every button in the editor has a name a screen reader can say. */
static void
check_names (GtkWidget *widget, guint *n_checked)
{
  if (GTK_IS_WINDOW_CONTROLS (widget))
    return; /* GTK’s own close button */
  if (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if ((label == NULL || *label == '\0') && tooltip == NULL)
        g_test_message ("unnamed button in %s", G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      g_assert_true ((label && *label) || tooltip);
      (*n_checked)++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    check_names (c, n_checked);
}

static void
test_accessible_names (Fixture *f, gconstpointer data)
{
  DeskChainEditor *editor = open_editor (f, SHOPEE_CASE);
  guint            n = 0;

  check_names (GTK_WIDGET (editor), &n);
  g_assert_cmpuint (n, >, 10);
  close_editor (editor);
}

/* The case-page section lists the chain's gaps and opens the editor. */
static void
test_section (Fixture *f, gconstpointer data)
{
  GtkWidget        *window = gtk_window_new ();
  DeskChainSection *section = desk_chain_section_new ();
  GtkWidget        *editor;
  GtkWidget        *list;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (section));
  desk_chain_section_set_case (section, f->session, SHOPEE_CASE);
  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (100);
  list = desk_gui_test_find_named (GTK_WIDGET (section), "chain-gap-list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  editor = desk_chain_section_edit (section);
  g_assert_true (DESK_IS_CHAIN_EDITOR (editor));
  close_editor (DESK_CHAIN_EDITOR (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (50);
}

/* A case without a chain: typing a brand that has one never overwrites it;
 * Enter brings the brand's chain in, and saving points the case at it. */
static void
test_reuse_brand (Fixture *f, gconstpointer data)
{
  DeskChainEditor *editor = open_editor (f, 2);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCaseChain) info = NULL;
  g_autoptr (DeskChain) homebake = desk_chain_find_by_brand (f->store, "HomeBake", NULL);

  g_assert_cmpuint (editor->chain->links->len, ==, 0);
  g_assert_true (has_kind (desk_chain_editor_get_gaps (editor), DESK_CHAIN_GAP_NO_CHAIN));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "chain.add-link", NULL));
  gtk_editable_set_text (GTK_EDITABLE (editor->brand_row), "homebake");
  g_assert_false (desk_chain_editor_save (editor, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "chain.remove-link", "i", 0));
  g_signal_emit_by_name (editor->brand_row, "apply");
  g_assert_cmpint (editor->chain->id, ==, homebake->id);
  g_assert_cmpuint (editor->chain->links->len, ==, 2);
  g_assert_true (desk_chain_editor_save (editor, &error));
  g_assert_no_error (error);
  info = desk_case_chain_get (f->store, 2, &error);
  g_assert_cmpint (info->chain_id, ==, homebake->id);
  close_editor (editor);
}

/* Preferences → Seller profile: added companies are saved. */
static void
test_profile_page (Fixture *f, gconstpointer data)
{
  GtkWidget             *window = adw_preferences_window_new ();
  DeskSellerProfilePage *page = desk_seller_profile_page_new (f->session);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSellerProfile) saved = NULL;
  GtkWidget *row;

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (100);
  if (g_getenv ("DESK_CHAIN_SCREENSHOT_DIR"))
    {
      g_autofree char *path = g_strdup_printf ("%s/seller-profile-%s.png", g_getenv ("DESK_CHAIN_SCREENSHOT_DIR"),
                                               g_getenv ("LANGUAGE") && *g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "en");
      GtkWidget       *expander = desk_gui_test_find (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
      desk_gui_test_iterate (600);
      g_assert_true (desk_screenshot_save (window, path, NULL));
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "profile.add-company", NULL));
  desk_gui_test_iterate (50);
  row = desk_gui_test_find (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "义乌市星河贸易有限公司");
  g_assert_true (desk_seller_profile_page_save (page, &error));
  g_assert_no_error (error);
  /* The new company has no name yet: it is not saved, and the profile stays readable. */
  saved = desk_seller_profile_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->entities->len, ==, 1);
  g_assert_cmpstr (((DeskSellerEntity *)saved->entities->pdata[0])->name_zh, ==, "义乌市星河贸易有限公司");
  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (50);
}

static GtkWindow *
find_preferences (void)
{
  GtkWindow *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_PREFERENCES_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  return found;
}

/* A profile that cannot be read: the page says so when it shows. */
static void
test_profile_unreadable (Fixture *f, gconstpointer data)
{
  GtkWidget *window = adw_preferences_window_new ();

  g_assert_cmpint (sqlite3_exec (_desk_store_get_db (f->store),
                                 "INSERT OR REPLACE INTO seller_profile (id, json) VALUES (1, '{\"entities\": 3')",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (desk_seller_profile_page_new (f->session)));
  gtk_window_present (GTK_WINDOW (window));
  desk_gui_test_iterate (100);
  g_assert_true (desk_gui_test_has_label_containing (window, "could not be read"));
  gtk_window_destroy (GTK_WINDOW (window));
  desk_gui_test_iterate (50);
}

/* Closing Preferences saves what the timer had not yet; when that fails the
 * window underneath says so. */
static void
test_profile_saved_on_close (Fixture *f, gconstpointer data)
{
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSellerProfile) saved = NULL;
  GtkWindow *prefs;
  GtkWidget *row;

  gtk_window_set_child (GTK_WINDOW (parent), overlay);
  gtk_window_present (GTK_WINDOW (parent));
  for (int attempt = 0; attempt < 2; attempt++)
    {
      desk_seller_profile_present (GTK_WINDOW (parent), f->session);
      desk_gui_test_iterate (100);
      prefs = find_preferences ();
      g_assert_nonnull (prefs);
      g_assert_true (gtk_widget_activate_action (desk_gui_test_find (GTK_WIDGET (prefs), DESK_TYPE_SELLER_PROFILE_PAGE),
                                                 "profile.add-company", NULL));
      desk_gui_test_iterate (50);
      row = desk_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW);
      gtk_editable_set_text (GTK_EDITABLE (row), attempt == 0 ? "义乌市星河贸易有限公司" : "宁波美林贸易有限公司");
      gtk_window_close (prefs); /* well before the save timer */
      desk_gui_test_iterate (50);
      if (attempt == 0)
        {
          saved = desk_seller_profile_load (f->store, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (saved->entities->len, ==, 1);
          g_assert_false (desk_gui_test_has_label_containing (parent, "not saved"));
          g_assert_cmpint (sqlite3_exec (_desk_store_get_db (f->store),
                                         "CREATE TRIGGER keep_profile BEFORE UPDATE ON seller_profile"
                                         " BEGIN SELECT RAISE (ABORT, 'injected failure'); END;",
                                         NULL, NULL, NULL),
                           ==, SQLITE_OK);
        }
    }
  g_assert_true (desk_gui_test_has_label_containing (parent, "Your seller profile was not saved."));
  gtk_window_destroy (GTK_WINDOW (parent));
  desk_gui_test_iterate (50);
}

/* Preferences also hold how often resellers' listings are checked, bound to the setting. */
static void
test_preferences_watch_interval (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *window = NULL;
  GtkWidget *spin;

  desk_seller_profile_present (NULL, f->session);
  desk_gui_test_iterate (50);
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_PREFERENCES_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  spin = desk_gui_test_find (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, g_settings_get_uint (settings, "watch-interval-minutes"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 15);
  g_assert_cmpuint (g_settings_get_uint (settings, "watch-interval-minutes"), ==, 15);
  gtk_window_destroy (window);
  desk_gui_test_iterate (20);
}

int
main (int argc, char *argv[])
{
  desk_gui_test_init (&argc, &argv);
  g_test_add ("/chain-editor/shopee-gaps", Fixture, NULL, fixture_setup, test_shopee_gaps, fixture_teardown);
  g_test_add ("/chain-editor/live-and-save", Fixture, NULL, fixture_setup, test_live_and_save, fixture_teardown);
  g_test_add ("/chain-editor/structure", Fixture, NULL, fixture_setup, test_structure, fixture_teardown);
  g_test_add ("/chain-editor/accessible-names", Fixture, NULL, fixture_setup, test_accessible_names, fixture_teardown);
  g_test_add ("/chain-editor/reuse-brand", Fixture, NULL, fixture_setup, test_reuse_brand, fixture_teardown);
  g_test_add ("/chain-editor/profile-page", Fixture, NULL, fixture_setup, test_profile_page, fixture_teardown);
  g_test_add ("/chain-editor/profile-unreadable", Fixture, NULL, fixture_setup, test_profile_unreadable, fixture_teardown);
  g_test_add ("/chain-editor/profile-saved-on-close", Fixture, NULL, fixture_setup, test_profile_saved_on_close, fixture_teardown);
  g_test_add ("/chain-editor/section", Fixture, NULL, fixture_setup, test_section, fixture_teardown);
  g_test_add ("/chain-editor/preferences-watch-interval", Fixture, NULL, fixture_setup, test_preferences_watch_interval, fixture_teardown);
  return g_test_run ();
}
