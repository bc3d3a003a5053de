/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-intake-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-intake-wizard-private.h"
#include "desk-intake.h"
#include "desk-platform.h"
#include "desk-util.h"

/* A boxed-list row with a radio button. The row and the button carry the
 * same accessible name and description, so a screen reader announces
 * "Shopee, radio button, Rules v1.0 …" whichever of the two has focus. */
static AdwActionRow *
radio_row_new (const char      *title,
               const char      *subtitle,
               GtkCheckButton  *group,
               GtkCheckButton **check_out)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget    *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 0);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  adw_action_row_add_prefix (row, check);
  adw_action_row_set_activatable_widget (row, check);
  _desk_intake_wizard_set_name (check, title, subtitle);
  _desk_intake_wizard_set_name (GTK_WIDGET (row), title, subtitle);
  *check_out = GTK_CHECK_BUTTON (check);
  return row;
}

static GtkCheckButton *
row_check (GtkWidget *row)
{
  GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

  return GTK_IS_CHECK_BUTTON (check) ? GTK_CHECK_BUTTON (check) : NULL;
}

/* Enter on a choice selects it and goes on; Space only selects. */
static gboolean
on_choice_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       DeskIntakeWizard      *self)
{
  GtkWidget      *focus, *row;
  GtkCheckButton *check;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;
  focus = gtk_root_get_focus (GTK_ROOT (self));
  row = focus ? gtk_widget_get_ancestor (focus, ADW_TYPE_ACTION_ROW) : NULL;
  if (row == NULL || (check = row_check (row)) == NULL)
    return FALSE;
  gtk_check_button_set_active (check, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);
  return TRUE;
}

static void
add_enter_controller (DeskIntakeWizard *self,
                      GtkWidget        *widget)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_choice_key_pressed), self, 0);
  gtk_widget_add_controller (widget, controller);
}

static void
on_platform_toggled (GtkCheckButton   *check,
                     DeskIntakeWizard *self)
{
  DeskRulePack *pack;

  if (!gtk_check_button_get_active (check))
    return;
  self->platform = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "desk-platform"));
  self->platform_by_seller |= !self->choosing;
  pack = _desk_intake_wizard_get_pack (self);
  if (pack && !desk_rule_pack_lists_case_type (pack, self->case_type))
    self->case_type = DESK_CASE_TYPE_UNKNOWN;
  _desk_intake_wizard_update_buttons (self);
}

/* Only a rules file of the seller's own is worth a line under the name;
 * the built-in version would repeat under every platform. */
static char *
pack_subtitle (DeskRulePack *pack)
{
  if (desk_rule_pack_get_origin (pack) == DESK_RULE_PACK_ORIGIN_USER)
    /* Translators: under a platform name: the seller installed their own rules file */
    return g_strdup_printf (_ ("Using your own rules file (version %s)"), desk_rule_pack_get_pack_version (pack));
  return NULL;
}

static void
describe_problems (DeskIntakeWizard *self)
{
  GPtrArray *problems = desk_rule_registry_get_problems (self->registry);
  g_autoptr (GString) text = NULL;

  if (problems == NULL || problems->len == 0)
    return;
  text = g_string_new (adw_preferences_group_get_description (self->platform_group));
  g_string_append_c (text, '\n');
  g_string_append (text, _ ("Some rule files were not used:"));
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "\n• %s", ((GError *)problems->pdata[i])->message);
  adw_preferences_group_set_description (self->platform_group, text->str);
}

static GtkCheckButton *
platform_check (DeskIntakeWizard *self,
                DeskPlatform      platform)
{
  if (platform < 0 || (guint)platform >= self->platform_checks->len)
    return NULL;
  return self->platform_checks->pdata[platform];
}

static void
fill_platforms (DeskIntakeWizard *self)
{
  GtkCheckButton *leader = NULL;
  guint           n = 0;

  /* Platforms are data: every platform with rules, built-in or added by a
   * rule pack of the seller's. */
  g_ptr_array_set_size (self->platform_checks, desk_platform_get_count ());
  for (DeskPlatform p = DESK_PLATFORM_UNKNOWN + 1; (guint)p < self->platform_checks->len; p++)
    {
      DeskRulePack    *pack = desk_rule_registry_get_pack (self->registry, p);
      g_autofree char *subtitle = NULL;
      GtkCheckButton  *check;
      AdwActionRow    *row;

      if (pack == NULL)
        continue;
      subtitle = pack_subtitle (pack);
      row = radio_row_new (desk_platform_get_label (p), subtitle, leader, &check);
      leader = leader ? leader : check;
      g_object_set_data (G_OBJECT (check), "desk-platform", GINT_TO_POINTER (p));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_platform_toggled), self, 0);
      self->platform_checks->pdata[p] = check;
      adw_preferences_group_add (self->platform_group, GTK_WIDGET (row));
      n++;
    }
  if (n == 0)
    adw_preferences_group_set_description (self->platform_group,
                                           _ ("No platform rules could be loaded. Reinstall Appeal Desk, or remove broken files from your rules folder."));
  describe_problems (self);
}

void
_desk_intake_wizard_choice_init (DeskIntakeWizard *self)
{
  fill_platforms (self);
  self->platform_help = g_strdup (adw_preferences_group_get_description (self->platform_group));
  self->type_help = g_strdup (adw_preferences_group_get_description (self->type_group));
  add_enter_controller (self, GTK_WIDGET (self->platform_group));
  add_enter_controller (self, GTK_WIDGET (self->type_group));
}

static void
on_type_toggled (GtkCheckButton   *check,
                 DeskIntakeWizard *self)
{
  if (!gtk_check_button_get_active (check))
    return;
  self->case_type = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "desk-case-type"));
  self->type_by_seller |= !self->choosing;
  _desk_intake_wizard_update_buttons (self);
}

static void
clear_types (DeskIntakeWizard *self)
{
  for (guint i = 0; i < self->type_rows->len; i++)
    adw_preferences_group_remove (self->type_group, self->type_rows->pdata[i]);
  g_ptr_array_set_size (self->type_rows, 0);
}

/* Rebuilt on entering the page: the list depends on the platform chosen. */
void
_desk_intake_wizard_fill_types (DeskIntakeWizard *self)
{
  DeskRulePack       *pack = _desk_intake_wizard_get_pack (self);
  GtkCheckButton     *leader = NULL;
  const DeskCaseType *types;
  guint               n_types = 0;

  clear_types (self);
  if (pack == NULL)
    return;
  types = desk_rule_pack_get_case_types (pack, &n_types);
  if (n_types == 1)
    self->case_type = types[0];
  for (guint i = 0; i < n_types; i++)
    {
      GtkCheckButton *check;
      AdwActionRow   *row = radio_row_new (desk_case_type_get_label (types[i]),
                                           desk_case_type_get_blurb (types[i]), leader, &check);

      leader = leader ? leader : check;
      g_object_set_data (G_OBJECT (check), "desk-case-type", GINT_TO_POINTER (types[i]));
      self->choosing = TRUE;
      gtk_check_button_set_active (check, types[i] == self->case_type);
      self->choosing = FALSE;
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_type_toggled), self, 0);
      adw_preferences_group_add (self->type_group, GTK_WIDGET (row));
      g_ptr_array_add (self->type_rows, row);
    }
}

static GtkCheckButton *
find_type_check (DeskIntakeWizard *self,
                 DeskCaseType      case_type)
{
  for (guint i = 0; i < self->type_rows->len; i++)
    {
      GtkCheckButton *check = row_check (self->type_rows->pdata[i]);

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "desk-case-type")) == (int)case_type)
        return check;
    }
  return NULL;
}

static GtkCheckButton *
first_or_active (GtkCheckButton *active,
                 GtkCheckButton *first)
{
  return active ? active : first;
}

void
_desk_intake_wizard_focus_choice (DeskIntakeWizard *self,
                                  DeskWizardPage    page)
{
  GtkCheckButton *check = NULL;

  if (page == DESK_WIZARD_PAGE_PLATFORM)
    {
      GtkCheckButton *first = NULL;

      for (DeskPlatform p = (DeskPlatform)self->platform_checks->len - 1; p > DESK_PLATFORM_UNKNOWN; p--)
        first = platform_check (self, p) ? platform_check (self, p) : first;
      check = first_or_active (platform_check (self, self->platform), first);
    }
  else if (self->type_rows->len > 0)
    check = first_or_active (find_type_check (self, self->case_type), row_check (self->type_rows->pdata[0]));
  if (check)
    gtk_widget_grab_focus (GTK_WIDGET (check));
}

/* What a click on the radio button does. */
gboolean
_desk_intake_wizard_choose_platform (DeskIntakeWizard *self,
                                     DeskPlatform      platform)
{
  if (platform_check (self, platform) == NULL)
    return FALSE;
  gtk_widget_activate (GTK_WIDGET (platform_check (self, platform)));
  return self->platform == platform;
}

gboolean
_desk_intake_wizard_choose_case_type (DeskIntakeWizard *self,
                                      DeskCaseType      case_type)
{
  GtkCheckButton *check = find_type_check (self, case_type);

  if (check == NULL)
    return FALSE;
  gtk_widget_activate (GTK_WIDGET (check));
  return self->case_type == case_type;
}

/* Platform and case type from the notice */

static void
set_help (AdwPreferencesGroup *group,
          const char          *reason,
          const char          *help)
{
  g_autofree char *text = reason ? g_strconcat (reason, "\n\n", help, NULL) : g_strdup (help);

  adw_preferences_group_set_description (group, text);
}

static char *
platform_reason (DeskIntakeWizard *self,
                 gboolean          chosen)
{
  DeskNotice *notice = self->notice;

  if (notice == NULL)
    return NULL;
  if (chosen)
    /* Translators: %s is a platform; shown above the platform choice */
    return g_strdup_printf (_ ("Chosen from the notice: it reads like a %s notice. Change it if that is wrong."),
                            desk_platform_get_label (self->platform));
  if (desk_notice_get_runner_up_platform (notice) != DESK_PLATFORM_UNKNOWN
      && desk_notice_get_platform (notice) != DESK_PLATFORM_UNKNOWN)
    /* Translators: %s are two platforms */
    return g_strdup_printf (_ ("The notice could be from %s or %s: choose the one that sent it."),
                            desk_platform_get_label (desk_notice_get_platform (notice)),
                            desk_platform_get_label (desk_notice_get_runner_up_platform (notice)));
  return g_strdup (_ ("The notice does not say clearly which platform sent it: choose it."));
}

static char *
type_reason (DeskIntakeWizard *self,
             gboolean          chosen)
{
  const char *code = self->notice ? desk_notice_get_violation_code (self->notice) : NULL;

  if (self->notice == NULL)
    return NULL;
  if (!chosen)
    return g_strdup (_ ("The notice does not say clearly what happened: choose the kind of case."));
  if (code)
    /* Translators: %s are a case type and a violation code ("IP-01") */
    return g_strdup_printf (_ ("Chosen from the notice: it reads like “%s” (violation code %s). Change it if that is wrong."),
                            desk_case_type_get_label (self->case_type), code);
  /* Translators: %s is a case type */
  return g_strdup_printf (_ ("Chosen from the notice: it reads like “%s”. Change it if that is wrong."),
                          desk_case_type_get_label (self->case_type));
}

/* What the notice says, judged by the core's intake rules (the same
 * thresholds as the CLI); the seller's own choices are never overridden. */
void
_desk_intake_wizard_choose_from_notice (DeskIntakeWizard *self)
{
  g_autoptr (DeskIntakeProposal) proposal = NULL;
  gboolean         platform_chosen = FALSE, type_chosen = FALSE;
  g_autofree char *platform_text = NULL;
  g_autofree char *type_text = NULL;

  if (self->notice)
    proposal = desk_intake_propose (self->registry, self->notice, DESK_PLATFORM_UNKNOWN, DESK_CASE_TYPE_UNKNOWN, NULL);
  if (proposal && !self->platform_by_seller && proposal->platform_confident
      && platform_check (self, proposal->platform) != NULL)
    {
      self->choosing = TRUE;
      gtk_check_button_set_active (platform_check (self, proposal->platform), TRUE);
      self->choosing = FALSE;
      platform_chosen = TRUE;
    }
  if (proposal && !self->type_by_seller && proposal->case_type_confident && _desk_intake_wizard_get_pack (self)
      && desk_rule_pack_lists_case_type (_desk_intake_wizard_get_pack (self), proposal->case_type))
    {
      self->case_type = proposal->case_type;
      type_chosen = TRUE;
    }
  platform_text = self->platform_by_seller ? NULL : platform_reason (self, platform_chosen);
  type_text = self->type_by_seller ? NULL : type_reason (self, type_chosen);
  set_help (self->platform_group, platform_text, self->platform_help);
  set_help (self->type_group, type_text, self->type_help);
}

void
_desk_intake_wizard_choice_dispose (DeskIntakeWizard *self)
{
  g_clear_pointer (&self->platform_help, g_free);
  g_clear_pointer (&self->type_help, g_free);
}
