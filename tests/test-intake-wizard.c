/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "desk-checklist.h"
#include "desk-gui-test-util.h"
#include "desk-intake-wizard-private.h"
#include "desk-notice-reading-view.h"
#include "desk-screenshot.h"
#include "desk-util.h"
#include "desk-window.h"

/* Switching the language inside the process: glibc re-reads LANGUAGE when
 * this counter changes (documented in the gettext manual). */
extern int _nl_msg_cat_cntr;

#define RECEIVED_TEXT "2026-11-22 15:05"

typedef struct
{
  char             *dir;
  DeskApplication  *app;
  DeskWindow       *window;
  DeskStore        *store;
  DeskRuleRegistry *registry;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  f->dir = desk_test_make_data_dir ();
  f->app = desk_gui_test_app (f->dir);
  f->store = desk_application_get_store (f->app);
  f->registry = desk_session_get_rules (desk_application_get_session (f->app));
  f->window = desk_application_new_window (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  desk_gui_test_iterate (50);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  desk_gui_test_iterate (20);
  g_clear_object (&f->app);
  desk_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
}

/* Wizard helpers: everything goes through the actions and widgets the
 * buttons and keys use. */

static DeskIntakeWizard *
open_wizard (Fixture *f)
{
  DeskIntakeWizard *wizard = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL);
  desk_gui_test_iterate (30);
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (DESK_IS_INTAKE_WIZARD (l->data))
      wizard = l->data;
  g_assert_nonnull (wizard);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (wizard)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wizard)) == GTK_WINDOW (f->window));
  return wizard;
}

static gpointer
child (DeskIntakeWizard *wizard,
       const char       *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (wizard), DESK_TYPE_INTAKE_WIZARD, name);
}

/* What a click does (gtk_widget_activate() on a button waits 250 ms). */
static void
click (DeskIntakeWizard *wizard,
       const char       *name)
{
  g_signal_emit_by_name (child (wizard, name), "clicked");
}

static gboolean
action_enabled (DeskIntakeWizard *wizard,
                const char       *name)
{
  /* A button bound to the action is insensitive when the action is off. */
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (wizard), DESK_TYPE_INTAKE_WIZARD, name));

  return gtk_widget_is_sensitive (button) && gtk_widget_get_visible (button);
}

static void
next (DeskIntakeWizard *wizard)
{
  DeskWizardPage page = _desk_intake_wizard_get_page (wizard);

  g_assert_true (action_enabled (wizard, "next_button"));
  click (wizard, "next_button");
  desk_gui_test_iterate (10);
  g_assert_cmpint (_desk_intake_wizard_get_page (wizard), ==, page + 1);
}

static void
back (DeskIntakeWizard *wizard)
{
  DeskWizardPage page = _desk_intake_wizard_get_page (wizard);

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL);
  desk_gui_test_iterate (10);
  g_assert_cmpint (_desk_intake_wizard_get_page (wizard), ==, page - 1);
}

static void
wait_decoded (DeskIntakeWizard *wizard)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (_desk_intake_wizard_is_decoding (wizard) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (_desk_intake_wizard_is_decoding (wizard));
}

static void
read_notice (DeskIntakeWizard *wizard,
             const char       *text)
{
  _desk_intake_wizard_paste_notice (wizard, text);
  click (wizard, "read_button");
  wait_decoded (wizard);
}

static void
set_entry (DeskIntakeWizard *wizard,
           const char       *name,
           const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (wizard, name)), text);
  desk_gui_test_iterate (5);
}

static void
shoot (DeskIntakeWizard *wizard,
       const char       *tag)
{
  const char      *dir = g_getenv ("DESK_WIZARD_SHOTS");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (dir == NULL)
    return;
  desk_gui_test_iterate (250);
  name = g_strdup_printf ("%s-%s-%d.png", tag, g_getenv ("LANGUAGE"),
                          gtk_widget_get_width (GTK_WIDGET (wizard)));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (desk_gui_test_screenshot (GTK_WIDGET (wizard), path, &error));
  g_assert_no_error (error);
}

/* Notices in the shapes the platforms send (see DOMAIN.md). */

static const char *
platform_name (DeskPlatform platform)
{
  static const char *names[] = { "", "AliExpress", "Shopee", "Joom", "Amazon", "TikTok Shop", "Lazada", "Temu" };

  return names[platform];
}

static const char *
type_sentence (DeskCaseType type)
{
  switch (type)
    {
      case DESK_CASE_TYPE_LISTING_TAKEDOWN:
        return "Your listing has been removed because the title contains a prohibited medical claim.";
      case DESK_CASE_TYPE_QUALIFICATION_MISSING:
        return "Your product has been delisted: the CE certificate is missing or lacks the issuing body's seal.";
      case DESK_CASE_TYPE_QUALITY_INSPECTION:
        return "A sampled unit of your product failed quality inspection (test report attached).";
      case DESK_CASE_TYPE_IP_COMPLAINT:
        return "Your listing has been reported for Intellectual Property infringement (trademark) by the rights owner.";
      case DESK_CASE_TYPE_STORE_COMPLAINT:
        return "A buyer complaint about false advertising in your listing information has been received.";
      case DESK_CASE_TYPE_ACTIVITY_EXIT:
        return "Your store has been removed from Flash Deals because the late shipment rate exceeded 20%.";
      case DESK_CASE_TYPE_RESELLER:
        return "We received your report of unauthorized use of listing content by other sellers.";
      case DESK_CASE_TYPE_ACCOUNT_HEALTH:
        return "Your account is under review because of a performance warning on your account health.";
      case DESK_CASE_TYPE_UNKNOWN:
      default:
        g_assert_not_reached ();
    }
}

static char *
make_notice (DeskPlatform platform,
             DeskCaseType type,
             guint        n,
             gboolean     state_deadline)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s Seller Center - Policy Violation Notification\n\nDear Seller,\n\n%s\n\n",
                          platform_name (platform), type_sentence (type));
  g_string_append_printf (text, "Case ID: WZ-%s-%04u\n", desk_platform_to_id (platform), n);
  g_string_append_printf (text, "Product ID: %" G_GUINT64_FORMAT "\n", (guint64)1005006000000000 + n);
  g_string_append (text, "Received Time: 2026-11-22 15:05 (GMT+8)\n");
  if (state_deadline)
    g_string_append (text, "Appeal Deadline: 2026-11-25 18:30 (GMT+8)\n");
  g_string_append (text, "\nIf you do not appeal in time, the complaint will be upheld by default.\n");
  return g_string_free (text, FALSE);
}

/* What the wizard must end up with, worked out independently of it. */
static GDateTime *
expected_deadline (DeskRulePack *pack,
                   DeskCaseType  type,
                   DeskNotice   *notice,
                   GDateTime    *received)
{
  GDateTime *stated = notice ? desk_notice_get_deadline (notice) : NULL;

  if (stated && desk_notice_get_deadline_is_relative (notice))
    return g_date_time_add (received, g_date_time_difference (stated, desk_notice_get_received_at (notice)));
  if (stated)
    return g_date_time_ref (stated);
  return desk_rule_pack_compute_deadline (pack, type, received);
}

static void
assert_same_time (GDateTime *a,
                  GDateTime *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }
  g_assert_cmpint (g_date_time_to_unix (a), ==, g_date_time_to_unix (b));
}

static void
assert_checklist (Fixture      *f,
                  DeskRulePack *pack,
                  DeskCase     *kase)
{
  g_autoptr (GPtrArray) wanted = desk_rule_pack_get_evidence_items (pack, desk_case_get_case_type (kase));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = desk_checklist_list (desk_application_get_session (f->app), desk_case_get_id (kase), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (wanted->len, >, 0);
  g_assert_cmpuint (items->len, ==, wanted->len);
  for (guint i = 0; i < items->len; i++)
    {
      DeskChecklistItem *item = items->pdata[i];

      g_assert_cmpstr (item->item_id, ==, desk_evidence_requirement_get_id (wanted->pdata[i]));
      g_assert_cmpint (item->required, ==, desk_evidence_requirement_get_required (wanted->pdata[i]));
    }
}

static guint n_from_notice;
static guint n_preselected;

static void
on_case_created (DeskIntakeWizard *wizard,
                 gint64            id,
                 gint64           *out)
{
  *out = id;
}

static void
assert_products (const char *const *got,
                 DeskNotice        *notice,
                 const char        *extra)
{
  const char *const *decoded = desk_notice_get_product_ids (notice);
  guint              n = g_strv_length ((char **)decoded);

  g_assert_cmpuint (g_strv_length ((char **)got), ==, n + 1);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (got[i], ==, decoded[i]);
  g_assert_cmpstr (got[n], ==, extra);
}

/* One platform × case type, from "New case" to the case in the store. */
static void
walk (Fixture     *f,
      DeskPlatform platform,
      DeskCaseType type,
      guint        n)
{
  DeskRulePack    *pack = desk_rule_registry_get_pack (f->registry, platform);
  gboolean         state_deadline = n % 2 == 1;
  g_autofree char *text = make_notice (platform, type, n, state_deadline);
  g_autofree char *extra = g_strdup_printf ("EXTRA-%u", n);
  g_autofree char *tag = g_strdup_printf ("%s-%s", desk_platform_to_id (platform), desk_case_type_to_id (type));
  g_autoptr (GDateTime) received_local = g_date_time_new_local (2026, 11, 22, 15, 5, 0);
  g_autoptr (GDateTime) received = g_date_time_to_utc (received_local);
  g_autoptr (DeskNotice) notice = desk_notice_decode (text, received);
  g_autoptr (GDateTime) deadline = expected_deadline (pack, type, notice, received);
  const char       *case_id = desk_notice_get_case_id (notice) ? desk_notice_get_case_id (notice)
                                                               : desk_notice_get_issue_id (notice);
  DeskIntakeWizard *wizard = open_wizard (f);
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_test_message ("walking %s (%s)", tag, g_getenv ("LANGUAGE"));
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *)&wizard);
  g_signal_connect (wizard, "case-created", G_CALLBACK (on_case_created), &id);
  /* The notice first (it may be skipped), then platform and type. */
  g_assert_cmpint (_desk_intake_wizard_get_page (wizard), ==, DESK_WIZARD_PAGE_NOTICE);
  g_assert_true (action_enabled (wizard, "next_button"));
  read_notice (wizard, text);
  g_assert_nonnull (_desk_intake_wizard_get_notice (wizard));
  g_assert_cmpstr (gtk_editable_get_text (child (wizard, "case_id_row")), ==, case_id ? case_id : "");
  if (n < 2)
    shoot (wizard, "1-notice");
  next (wizard);

  /* A confident notice has chosen the platform already, and says so. */
  if (desk_notice_get_platform_confidence (notice) >= DESK_NOTICE_PLATFORM_THRESHOLD
      && desk_notice_get_platform (notice) == platform)
    {
      g_autofree char *reason = g_strdup_printf (_ ("Chosen from the notice: it reads like a %s notice. Change it if that is wrong."),
                                                 desk_platform_get_label (platform));

      g_assert_cmpint (wizard->platform, ==, platform);
      g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (wizard, "platform_group"))),
                                       reason));
      n_preselected++;
    }
  g_assert_true (_desk_intake_wizard_choose_platform (wizard, platform));
  if (n < 2)
    shoot (wizard, "2-platform");
  next (wizard);
  g_assert_true (_desk_intake_wizard_choose_case_type (wizard, type));
  if (n < 2)
    shoot (wizard, "3-type");
  next (wizard);

  _desk_intake_wizard_add_product (wizard, extra);
  _desk_intake_wizard_add_product (wizard, extra); /* a duplicate is refused */
  _desk_intake_wizard_add_product (wizard, "  ");  /* and so is nothing */
  assert_products (_desk_intake_wizard_get_products (wizard), notice, extra);
  if (n < 2)
    shoot (wizard, "4-products");
  next (wizard);

  set_entry (wizard, "received_row", RECEIVED_TEXT);
  assert_same_time (_desk_intake_wizard_get_received (wizard), received);
  assert_same_time (_desk_intake_wizard_get_deadline (wizard), deadline);
  g_assert_cmpint (_desk_intake_wizard_get_deadline_basis (wizard), ==,
                   desk_notice_get_deadline (notice) ? DESK_INTAKE_SOURCE_NOTICE
                   : deadline                        ? DESK_INTAKE_SOURCE_RULE
                                                     : DESK_INTAKE_SOURCE_NONE);
  n_from_notice += desk_notice_get_deadline (notice) != NULL;
  if (n < 2)
    shoot (wizard, "5-deadline");
  next (wizard);

  g_assert_cmpstr (gtk_editable_get_text (child (wizard, "title_row")), !=, "");
  if (n < 2)
    shoot (wizard, "6-summary");
  g_assert_true (action_enabled (wizard, "create_button"));
  click (wizard, "create_button");
  desk_gui_test_iterate (20);
  g_assert_null (wizard); /* closed, without asking */
  g_assert_cmpint (id, >, 0);

  kase = desk_store_get_case (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_case_get_platform (kase), ==, platform);
  g_assert_cmpint (desk_case_get_case_type (kase), ==, type);
  g_assert_cmpstr (desk_case_get_notice_text (kase), ==, text);
  g_assert_cmpstr (desk_case_get_platform_case_id (kase), ==, case_id);
  g_assert_cmpstr (desk_case_get_rule_pack_version (kase), ==, desk_rule_pack_get_pack_version (pack));
  assert_same_time (desk_case_get_received_at (kase), received);
  assert_same_time (desk_case_get_deadline_at (kase), deadline);
  assert_products (desk_case_get_product_ids (kase), notice, extra);
  assert_checklist (f, pack, kase);
  /* The window shows the new case. */
  g_assert_nonnull (desk_window_get_case (f->window));
  g_assert_cmpint (desk_case_get_id (desk_window_get_case (f->window)), ==, id);
}

static void
walk_all (Fixture    *f,
          const char *language)
{
  guint n = 0;

  set_language (language);
  n_from_notice = 0;
  n_preselected = 0;
  for (DeskPlatform p = DESK_PLATFORM_UNKNOWN + 1; p < DESK_N_BUILTIN_PLATFORMS; p++)
    {
      DeskRulePack       *pack = desk_rule_registry_get_pack (f->registry, p);
      const DeskCaseType *types;
      guint               n_types;

      g_assert_nonnull (pack);
      types = desk_rule_pack_get_case_types (pack, &n_types);
      for (guint i = 0; i < n_types; i++)
        walk (f, p, types[i], n++);
    }
  g_assert_cmpint (desk_store_count_cases (f->store), ==, n);
  g_test_message ("%u platform × case type combinations, %u with the notice's deadline", n, n_from_notice);
  /* Both ways of setting the deadline were exercised. */
  g_assert_cmpuint (n_from_notice, >, 0);
  g_assert_cmpuint (n_from_notice, <, n);
  /* Most generated notices name their platform clearly enough. */
  g_test_message ("%u of %u with the platform chosen from the notice", n_preselected, n);
  g_assert_cmpuint (n_preselected, >, n / 2);
  set_language ("");
}

static void
test_all_combinations_en (Fixture *f, gconstpointer data)
{
  walk_all (f, "en");
  g_assert_cmpstr (_ ("Discard this case?"), ==, "Discard this case?");
}

static void
test_all_combinations_zh (Fixture *f, gconstpointer data)
{
  set_language ("zh_CN");
  /* Rule packs answer in Chinese (their bilingual texts), and so does gettext
   * for whatever po/zh_CN.po translates already (test-i18n checks that). */
  g_assert_cmpint (desk_rule_language_get_current (), ==, DESK_RULE_LANGUAGE_ZH);
  g_test_message ("gettext: “Appeal Desk” → “%s”", _ ("Appeal Desk"));
  walk_all (f, "zh_CN");
}

static void
test_narrow (Fixture *f, gconstpointer data)
{
  const char *languages[] = { "en", "zh_CN" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      DeskIntakeWizard *wizard;

      set_language (languages[i]);
      wizard = desk_intake_wizard_new (GTK_WINDOW (f->window), desk_window_get_session (f->window));
      gtk_window_set_default_size (GTK_WINDOW (wizard), 360, 640);
      gtk_window_present (GTK_WINDOW (wizard));
      desk_gui_test_iterate (100);
      read_notice (wizard, "Shopee Seller Centre\nIssue ID: SG-IPC-20261122-00871\nViolation Code: IP-01\nItem ID: 23456789012\n");
      shoot (wizard, "narrow-1-notice");
      next (wizard);
      g_assert_true (_desk_intake_wizard_choose_platform (wizard, DESK_PLATFORM_SHOPEE));
      shoot (wizard, "narrow-2-platform");
      next (wizard);
      g_assert_true (_desk_intake_wizard_choose_case_type (wizard, DESK_CASE_TYPE_IP_COMPLAINT));
      shoot (wizard, "narrow-3-type");
      next (wizard);
      shoot (wizard, "narrow-4-products");
      next (wizard);
      shoot (wizard, "narrow-5-deadline");
      next (wizard);
      shoot (wizard, "narrow-6-summary");
      /* Nothing wider than the window. */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 360);
      g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *)&wizard);
      click (wizard, "create_button");
      desk_gui_test_iterate (20);
      g_assert_null (wizard);
    }
  set_language ("");
}

static void
test_back_keeps_data (Fixture *f, gconstpointer data)
{
  DeskIntakeWizard *wizard = open_wizard (f);
  g_autofree char  *notice = make_notice (DESK_PLATFORM_AMAZON, DESK_CASE_TYPE_ACCOUNT_HEALTH, 7, FALSE);
  g_autofree char  *text = NULL;

  read_notice (wizard, notice);
  set_entry (wizard, "case_id_row", "TYPED-BY-HAND");
  next (wizard);
  g_assert_true (_desk_intake_wizard_choose_platform (wizard, DESK_PLATFORM_AMAZON));
  next (wizard);
  g_assert_true (_desk_intake_wizard_choose_case_type (wizard, DESK_CASE_TYPE_ACCOUNT_HEALTH));
  next (wizard);
  _desk_intake_wizard_add_product (wizard, "B0ABCDEF12");
  next (wizard);
  set_entry (wizard, "deadline_row", "2030-01-02 03:04");
  g_assert_cmpint (_desk_intake_wizard_get_deadline_basis (wizard), ==, DESK_INTAKE_SOURCE_SELLER);

  for (int i = 0; i < 4; i++)
    back (wizard);
  g_assert_false (action_enabled (wizard, "back_button"));
  text = _desk_intake_wizard_get_notice_text (wizard);
  g_assert_cmpstr (text, ==, notice);
  g_assert_cmpstr (gtk_editable_get_text (child (wizard, "case_id_row")), ==, "TYPED-BY-HAND");
  next (wizard);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (wizard->platform_checks, DESK_PLATFORM_AMAZON)));
  next (wizard);
  g_assert_cmpint (wizard->case_type, ==, DESK_CASE_TYPE_ACCOUNT_HEALTH);
  next (wizard);
  g_assert_true (g_strv_contains (_desk_intake_wizard_get_products (wizard), "B0ABCDEF12"));
  next (wizard);
  g_assert_cmpstr (gtk_editable_get_text (child (wizard, "deadline_row")), ==, "2030-01-02 03:04");
  g_assert_cmpint (_desk_intake_wizard_get_deadline_basis (wizard), ==, DESK_INTAKE_SOURCE_SELLER);
  /* An unreadable date blocks the way on. */
  set_entry (wizard, "deadline_row", "next Tuesday");
  g_assert_false (action_enabled (wizard, "next_button"));
  set_entry (wizard, "deadline_row", "2030-01-02 03:04");
  next (wizard);
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (child (wizard, "title_row")),
                                   _desk_intake_wizard_get_products (wizard)[0]));
  /* Going back to the start, the seller decides to leave: asked first. */
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *)&wizard);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.cancel", NULL);
  desk_gui_test_iterate (20);
  g_assert_nonnull (wizard);
  adw_message_dialog_response (_desk_intake_wizard_get_discard_dialog (wizard), "discard");
  desk_gui_test_iterate (20);
  g_assert_null (wizard);
  g_assert_cmpint (desk_store_count_cases (f->store), ==, 0);
}

/* As the seller clicks it. */
static void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = desk_gui_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  desk_gui_test_iterate (20);
}

static void
test_cancel_asks (Fixture *f, gconstpointer data)
{
  DeskIntakeWizard *wizard = open_wizard (f);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *)&wizard);
  _desk_intake_wizard_paste_notice (wizard, "Issue ID: X-1");
  gtk_window_close (GTK_WINDOW (wizard)); /* the window manager's close button */
  desk_gui_test_iterate (20);
  g_assert_nonnull (wizard);
  dialog = _desk_intake_wizard_get_discard_dialog (wizard);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _ ("Discard this case?"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  shoot (wizard, "7-discard");
  respond (dialog, _ ("_Keep Editing"));
  g_assert_nonnull (wizard);
  dialog = _desk_intake_wizard_get_discard_dialog (wizard);
  g_assert_true (dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (wizard)));

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.cancel", NULL);
  desk_gui_test_iterate (20);
  respond (_desk_intake_wizard_get_discard_dialog (wizard), _ ("_Discard"));
  g_assert_null (wizard);

  /* Nothing entered: closes at once. */
  wizard = open_wizard (f);
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *)&wizard);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.cancel", NULL);
  desk_gui_test_iterate (20);
  g_assert_null (wizard);
}

static void
test_empty_notice (Fixture *f, gconstpointer data)
{
  DeskIntakeWizard *wizard = open_wizard (f);
  DeskRulePack     *pack = desk_rule_registry_get_pack (f->registry, DESK_PLATFORM_LAZADA);
  g_autofree char  *expected_title = NULL;
  g_autoptr (GDateTime) deadline = NULL;
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_signal_connect (wizard, "case-created", G_CALLBACK (on_case_created), &id);
  next (wizard); /* no notice: skipped */
  /* Nothing chosen for the seller without a notice. */
  g_assert_false (action_enabled (wizard, "next_button"));
  g_assert_true (_desk_intake_wizard_choose_platform (wizard, DESK_PLATFORM_LAZADA));
  next (wizard);
  g_assert_true (_desk_intake_wizard_choose_case_type (wizard, DESK_CASE_TYPE_QUALIFICATION_MISSING));
  next (wizard);
  g_assert_true (gtk_widget_get_visible (child (wizard, "no_products_row")));
  next (wizard);
  deadline = desk_rule_pack_compute_deadline (pack, DESK_CASE_TYPE_QUALIFICATION_MISSING,
                                              _desk_intake_wizard_get_received (wizard));
  assert_same_time (_desk_intake_wizard_get_deadline (wizard), deadline);
  next (wizard);
  expected_title = g_strdup_printf ("Lazada — %s", desk_case_type_get_label (DESK_CASE_TYPE_QUALIFICATION_MISSING));
  g_assert_cmpstr (gtk_editable_get_text (child (wizard, "title_row")), ==, expected_title);
  /* A title is required. */
  set_entry (wizard, "title_row", "");
  g_assert_false (action_enabled (wizard, "create_button"));
  set_entry (wizard, "title_row", "CE certificate for the kettle");
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.create", NULL);
  desk_gui_test_iterate (20);
  kase = desk_store_get_case (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_case_get_title (kase), ==, "CE certificate for the kettle");
  g_assert_cmpstr (desk_case_get_notice_text (kase) ? desk_case_get_notice_text (kase) : "", ==, "");
  g_assert_cmpstr (desk_case_get_product_ids (kase)[0], ==, NULL);
  assert_same_time (desk_case_get_deadline_at (kase), deadline);
  assert_checklist (f, pack, kase);
}

static void
test_suggestion (Fixture *f, gconstpointer data)
{
  const char *text = "Shopee Seller Centre - Policy Violation Notification\n\n"
                     "Your listing has been reported for Intellectual Property infringement (trademark) "
                     "by the rights owner and has been delisted.\n\n"
                     "Issue ID: SG-IPC-20261122-00871\nViolation Code: IP-01 (Trademark Infringement)\n"
                     "Item ID: 23456789012\nAppeal Deadline: 2026-11-25 15:05 (GMT+8)\n";
  g_autoptr (DeskNotice) expected = desk_notice_decode (text, NULL);
  DeskIntakeWizard *wizard = open_wizard (f);
  GtkWidget        *row = child (wizard, "suggestion_row");

  /* The notice is unmistakable, so the wizard may offer to switch. */
  g_assert_cmpint (desk_notice_get_platform (expected), ==, DESK_PLATFORM_SHOPEE);
  g_assert_cmpfloat (desk_notice_get_platform_confidence (expected), >=, DESK_NOTICE_PLATFORM_THRESHOLD);
  /* Read first: platform and type are then chosen from it. */
  read_notice (wizard, text);
  g_assert_false (gtk_widget_get_visible (row));
  next (wizard);
  g_assert_cmpint (wizard->platform, ==, DESK_PLATFORM_SHOPEE);
  /* The seller overrides; back on the notice page, the notice's own
   * reading is offered, not applied behind their back. */
  g_assert_true (_desk_intake_wizard_choose_platform (wizard, DESK_PLATFORM_AMAZON));
  next (wizard);
  g_assert_true (_desk_intake_wizard_choose_case_type (wizard, DESK_CASE_TYPE_ACCOUNT_HEALTH));
  back (wizard);
  back (wizard);
  /* Offered, not applied behind the seller's back. */
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpint (wizard->platform, ==, DESK_PLATFORM_AMAZON);
  g_assert_true (g_str_has_prefix (gtk_button_get_label (child (wizard, "suggestion_button")), "_Use Shopee"));
  shoot (wizard, "8-suggestion");
  click (wizard, "suggestion_button");
  desk_gui_test_iterate (10);
  g_assert_cmpint (wizard->platform, ==, DESK_PLATFORM_SHOPEE);
  g_assert_cmpint (wizard->case_type, ==, desk_notice_get_case_type (expected));
  g_assert_false (gtk_widget_get_visible (row));
  g_assert_cmpstr (gtk_editable_get_text (child (wizard, "code_row")), ==, "IP-01");
  next (wizard);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (wizard->platform_checks, DESK_PLATFORM_SHOPEE)));
  wizard->discard_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (wizard));
}

/* A 1 MB paste: the main loop keeps running while it is read. */
static void
test_big_paste (Fixture *f, gconstpointer data)
{
  g_autofree char *unit = make_notice (DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_IP_COMPLAINT, 3, TRUE);
  g_autoptr (GString) text = g_string_new (unit);
  DeskIntakeWizard *wizard = open_wizard (f);
  gint64            worst = 0, paste_start, start, last;

  while (text->len < 1024 * 1024)
    g_string_append (text, "Please review the listing and the attached evidence list carefully before you appeal.\n");
  paste_start = g_get_monotonic_time ();
  _desk_intake_wizard_paste_notice (wizard, text->str);
  /* No button: the paste is read by itself after a short pause. */
  start = last = g_get_monotonic_time ();
  g_assert_true (_desk_intake_wizard_is_decoding (wizard));
  while (_desk_intake_wizard_is_decoding (wizard) && last - start < 10 * G_USEC_PER_SEC)
    {
      gint64 cpu = desk_test_thread_cpu_usec ();

      g_main_context_iteration (NULL, FALSE);
      worst = MAX (worst, desk_test_thread_cpu_usec () - cpu);
      last = g_get_monotonic_time ();
    }
  g_test_message ("1 MB paste into the text view: %" G_GINT64_FORMAT " ms", (start - paste_start) / 1000);
  g_test_message ("1 MB decode: %" G_GINT64_FORMAT " ms in all (with the pause), longest main-loop stall %" G_GINT64_FORMAT " ms",
                  (last - start) / 1000, worst / 1000);
  g_assert_false (_desk_intake_wizard_is_decoding (wizard));
  /* The stall is reported above, not asserted: a loaded machine makes any bound flaky. */
  g_assert_cmpstr (gtk_editable_get_text (child (wizard, "case_id_row")), ==, "WZ-aliexpress-0003");
  wizard->discard_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (wizard));
}

/* The notice page shows what was read, each value over the line it came
 * from (issue 9), for held-out notices of three styles: the seller's own
 * notes (zh), a campaign exit with its figures (zh), a forwarded e-mail (en). */
static void
test_reading_view (Fixture *f, gconstpointer data)
{
  static const char *const files[] = { "h11.txt", "h05.txt", "h26.txt" };
  /* At 590 px only when screenshots are asked for (each wizard takes
   * seconds); the 360 px one below always runs. */
  guint n = g_getenv ("DESK_WIZARD_SHOTS") ? G_N_ELEMENTS (files) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "notices", "heldout", files[i], NULL);
      g_autofree char *text = NULL;
      g_autofree char *tag = NULL;
      g_autoptr (DeskNotice) expected = NULL;
      DeskIntakeWizard      *wizard;
      DeskNoticeReadingView *view;
      GtkWidget             *scrolled;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      expected = desk_notice_decode (text, NULL);
      wizard = open_wizard (f);
      view = child (wizard, "reading_view");
      /* The notice comes first. */
      g_assert_cmpuint (desk_notice_reading_view_get_n_rows (view), ==, 0);
      read_notice (wizard, text);
      g_assert_cmpuint (desk_notice_reading_view_get_n_rows (view), ==,
                        desk_notice_get_fields (expected)->len + desk_notice_get_facts (expected)->len);
      g_assert_cmpuint (desk_notice_reading_view_get_n_rows (view), >, 2);
      /* Scrolled so that the reading is in view, for the screenshot. */
      scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
      desk_gui_test_iterate (100);
      if (scrolled)
        {
          GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

          gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
        }
      tag = g_strdup_printf ("9-reading-%.3s", files[i]);
      shoot (wizard, tag);
      wizard->discard_confirmed = TRUE;
      gtk_window_destroy (GTK_WINDOW (wizard));
      desk_gui_test_iterate (20);
    }
  /* 360 px wide: long links and source lines wrap, nothing is wider. */
  {
    g_autofree char  *path = g_test_build_filename (G_TEST_DIST, "data", "notices", "heldout", "h11.txt", NULL);
    g_autofree char  *text = NULL;
    DeskIntakeWizard *wizard = DESK_INTAKE_WIZARD (desk_intake_wizard_new (GTK_WINDOW (f->window), desk_window_get_session (f->window)));
    GtkWidget        *scrolled;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    gtk_window_set_default_size (GTK_WINDOW (wizard), 360, 640);
    gtk_window_present (GTK_WINDOW (wizard));
    desk_gui_test_iterate (100);
    /* The notice comes first. */
    read_notice (wizard, text);
    desk_gui_test_iterate (100);
    {
      g_autoptr (DeskNotice) expected = desk_notice_decode (text, NULL);

      g_assert_cmpuint (desk_notice_reading_view_get_n_rows (child (wizard, "reading_view")), ==,
                        desk_notice_get_fields (expected)->len + desk_notice_get_facts (expected)->len);
    }
    scrolled = gtk_widget_get_ancestor (GTK_WIDGET (child (wizard, "reading_view")), GTK_TYPE_SCROLLED_WINDOW);
    if (scrolled)
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

        gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
      }
    shoot (wizard, "9-reading-narrow-h11");
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 360);
    /* Other pages do not carry the reading (a smaller tree for screen readers). */
    next (wizard);
    g_assert_cmpuint (desk_notice_reading_view_get_n_rows (child (wizard, "reading_view")), ==, 0);
    back (wizard);
    g_assert_cmpuint (desk_notice_reading_view_get_n_rows (child (wizard, "reading_view")), >, 2);
    wizard->discard_confirmed = TRUE;
    gtk_window_destroy (GTK_WINDOW (wizard));
    desk_gui_test_iterate (20);
  }
}

int
main (int argc, char *argv[])
{
  desk_gui_test_init (&argc, &argv);
  /* LANGUAGE is ignored in the plain C locale. */
  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "C") == 0)
    setlocale (LC_ALL, "C.UTF-8");
#define ADD(path, func) g_test_add ("/intake-wizard/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("all-combinations/en", test_all_combinations_en);
  ADD ("all-combinations/zh_CN", test_all_combinations_zh);
  ADD ("narrow", test_narrow);
  ADD ("back-keeps-data", test_back_keeps_data);
  ADD ("cancel-asks", test_cancel_asks);
  ADD ("empty-notice", test_empty_notice);
  ADD ("suggestion", test_suggestion);
  ADD ("big-paste", test_big_paste);
  ADD ("reading-view", test_reading_view);
#undef ADD
  return g_test_run ();
}
