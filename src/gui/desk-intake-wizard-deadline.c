/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-intake-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-intake-wizard-private.h"
#include "desk-util.h"

#define COUNTDOWN_INTERVAL_S 30

/* Entries use a fixed, language-neutral format so that what is typed and
 * what is shown always parse the same way. */
static char *
format_entry_time (GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* "YYYY-MM-DD HH:MM" (or "YYYY-MM-DDTHH:MM") in local time; NULL if invalid. */
static GDateTime *
parse_entry_time (const char *text)
{
  g_autoptr (GDateTime) local = NULL;
  int  y, mo, d, h, mi;
  char sep, end;

  if (sscanf (text, " %d-%d-%d%c%d:%d %c", &y, &mo, &d, &sep, &h, &mi, &end) != 6)
    return NULL;
  if ((sep != ' ' && sep != 'T') || h > 23 || mi > 59 || y < 2000 || y > 9999)
    return NULL;
  if (!(local = g_date_time_new_local (y, mo, d, h, mi, 0)))
    return NULL;
  return g_date_time_to_utc (local);
}

static void
set_entry (DeskIntakeWizard *self,
           AdwEntryRow      *row,
           GDateTime        *time)
{
  g_autofree char *text = format_entry_time (time);
  gboolean         was_updating = self->updating;

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  self->updating = was_updating;
}

static char *
rule_basis_text (DeskIntakeWizard *self)
{
  DeskRulePack         *pack = _desk_intake_wizard_get_pack (self);
  const DeskCaseRules  *rules = pack ? desk_rule_pack_get_case_rules (pack, self->case_type) : NULL;
  const DeskRuleFigure *figure = rules ? desk_case_rules_get_deadline (rules) : NULL;
  g_autofree char      *citation = NULL;
  int                   hours;

  if (figure == NULL)
    return g_strdup ("");
  hours = (int)desk_rule_figure_get_value (figure);
  citation = desk_rule_pack_format_citation (pack, figure);
  /* Translators: "72 hours after the notice — <pack, source and verify note>" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour after the notice — %s",
                                       "%d hours after the notice — %s", hours),
                          hours, citation);
}

static char *
basis_text (DeskIntakeWizard *self)
{
  GString *text;

  switch (self->deadline_basis)
    {
      case DESK_INTAKE_SOURCE_RULE:
        return rule_basis_text (self);
      case DESK_INTAKE_SOURCE_NOTICE:
        text = g_string_new (_ ("The deadline stated in the notice."));
        if (desk_notice_get_deadline_is_relative (self->notice))
          g_string_append_printf (text, " %s", _ ("The notice gives it as a time span from when you received the notice, so it moves if you change the received time."));
        if (desk_notice_get_deadline_zone_assumed (self->notice))
          g_string_append_printf (text, " %s", _ ("The notice names no time zone; Beijing time (GMT+8) was assumed. Check it."));
        return g_string_free (text, FALSE);
      case DESK_INTAKE_SOURCE_SELLER:
        return g_strdup (_ ("Entered by you."));
      case DESK_INTAKE_SOURCE_NONE:
      default:
        return g_strdup (_ ("Neither the notice nor the rules give a deadline. Enter it if you know it."));
    }
}

static void
update_countdown (DeskIntakeWizard *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char  *text = NULL;
  DeskDeadlineState state = desk_deadline_get_state (self->deadline_at, now);
  GtkWidget        *label = GTK_WIDGET (self->countdown_label);

  text = self->deadline_at ? desk_deadline_format_countdown (self->deadline_at, now)
                           : g_strdup (_ ("No deadline"));
  gtk_label_set_text (self->countdown_label, text);
  if (state == DESK_DEADLINE_SOON)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
  if (state == DESK_DEADLINE_OVERDUE)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
show_deadline (DeskIntakeWizard *self)
{
  g_autofree char *basis = basis_text (self);

  if (!self->typing_received)
    set_entry (self, self->received_row, self->received_at);
  if (self->deadline_basis != DESK_INTAKE_SOURCE_SELLER)
    set_entry (self, self->deadline_row, self->deadline_at);
  adw_action_row_set_subtitle (self->basis_row, basis);
  _desk_intake_wizard_set_name (GTK_WIDGET (self->basis_row), _ ("Based on"), basis);
  gtk_widget_set_visible (self->reset_deadline_button, self->deadline_basis == DESK_INTAKE_SOURCE_SELLER);
  update_countdown (self);
}

/* The notice's own deadline wins over the rule; a hand-typed one over both. */
void
_desk_intake_wizard_update_deadline (DeskIntakeWizard *self)
{
  DeskRulePack    *pack = _desk_intake_wizard_get_pack (self);
  DeskIntakeSource source;

  if (self->deadline_basis != DESK_INTAKE_SOURCE_SELLER)
    {
      g_clear_pointer (&self->deadline_at, g_date_time_unref);
      self->deadline_at = desk_intake_resolve_deadline (self->notice, pack, self->case_type,
                                                        self->received_at, NULL, &source);
      self->deadline_basis = source;
      self->deadline_valid = TRUE;
    }
  show_deadline (self);
}

static void
on_received_changed (DeskIntakeWizard *self)
{
  g_autoptr (GDateTime) parsed = NULL;

  if (self->updating)
    return;
  parsed = parse_entry_time (gtk_editable_get_text (GTK_EDITABLE (self->received_row)));
  self->received_valid = parsed != NULL;
  if (parsed)
    {
      g_clear_pointer (&self->received_at, g_date_time_unref);
      self->received_at = g_steal_pointer (&parsed);
      gtk_widget_remove_css_class (GTK_WIDGET (self->received_row), "error");
      self->typing_received = TRUE; /* keep what the seller types as it is */
      _desk_intake_wizard_update_deadline (self);
      self->typing_received = FALSE;
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->received_row), "error");
  _desk_intake_wizard_update_buttons (self);
}

static void
on_deadline_changed (DeskIntakeWizard *self)
{
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->deadline_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr (GDateTime) parsed = NULL;

  if (self->updating)
    return;
  parsed = parse_entry_time (stripped);
  self->deadline_valid = parsed != NULL || *stripped == '\0';
  if (self->deadline_valid)
    {
      g_clear_pointer (&self->deadline_at, g_date_time_unref);
      self->deadline_at = g_steal_pointer (&parsed);
      self->deadline_basis = DESK_INTAKE_SOURCE_SELLER;
      gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_row), "error");
      show_deadline (self);
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->deadline_row), "error");
  _desk_intake_wizard_update_buttons (self);
}

static void
on_reset_deadline (DeskIntakeWizard *self)
{
  self->deadline_basis = DESK_INTAKE_SOURCE_NONE;
  _desk_intake_wizard_update_deadline (self);
  _desk_intake_wizard_update_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->deadline_row));
}

static gboolean
countdown_tick (gpointer user_data)
{
  update_countdown (user_data);
  return G_SOURCE_CONTINUE;
}

void
_desk_intake_wizard_deadline_init (DeskIntakeWizard *self)
{
  g_signal_connect_object (self->received_row, "changed", G_CALLBACK (on_received_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deadline_row, "changed", G_CALLBACK (on_deadline_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reset_deadline_button, "clicked", G_CALLBACK (on_reset_deadline), self,
                           G_CONNECT_SWAPPED);
  self->countdown_source = g_timeout_add_seconds (COUNTDOWN_INTERVAL_S, countdown_tick, self);
  _desk_intake_wizard_update_deadline (self);
}

void
_desk_intake_wizard_deadline_dispose (DeskIntakeWizard *self)
{
  g_clear_handle_id (&self->countdown_source, g_source_remove);
}

/* Summary page */

static const char *
or_dash (const char *text)
{
  return text && *text ? text : "—";
}

static void
add_summary_row (DeskIntakeWizard *self,
                 const char       *title,
                 const char       *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), or_dash (value));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  _desk_intake_wizard_set_name (row, title, or_dash (value));
  adw_preferences_group_add (self->summary_group, row);
  g_ptr_array_add (self->summary_rows, row);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static char *
deadline_summary (DeskIntakeWizard *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = NULL;
  g_autofree char *left = NULL;
  g_autofree char *basis = basis_text (self);

  if (self->deadline_at == NULL)
    return g_strdup (basis);
  when = desk_time_format_local (self->deadline_at);
  left = desk_deadline_format_countdown (self->deadline_at, now);
  /* Translators: "<date> (<countdown>)\n<where the deadline comes from>" */
  return g_strdup_printf (_ ("%s (%s)\n%s"), when, left, basis);
}

static void
fill_case_rows (DeskIntakeWizard *self)
{
  g_autofree char *products = g_strjoinv (", ", (char **)_desk_intake_wizard_get_products (self));
  g_autofree char *received = desk_time_format_local (self->received_at);
  g_autofree char *deadline = deadline_summary (self);
  clear_rows (self->summary_group, self->summary_rows);
  add_summary_row (self, _ ("Platform"), desk_platform_get_label (self->platform));
  add_summary_row (self, _ ("Case type"), desk_case_type_get_label (self->case_type));
  add_summary_row (self, _ ("Issue or case ID"), gtk_editable_get_text (GTK_EDITABLE (self->case_id_row)));
  add_summary_row (self, _ ("Violation code"), gtk_editable_get_text (GTK_EDITABLE (self->code_row)));
  add_summary_row (self, _ ("Products"), products);
  add_summary_row (self, _ ("Notice received"), received);
  add_summary_row (self, _ ("Respond by"), deadline);
}

static GtkWidget *
checklist_row_new (DeskEvidenceRequirement *req)
{
  GtkWidget  *row = adw_action_row_new ();
  gboolean    required = desk_evidence_requirement_get_required (req);
  const char *label = desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_CURRENT);
  const char *why = desk_evidence_requirement_get_why (req, DESK_RULE_LANGUAGE_CURRENT);
  const char *tag = required ? _ ("Required") : _ ("Optional");
  GtkWidget  *badge = gtk_label_new (tag);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why ? why : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");
  if (!required)
    gtk_widget_add_css_class (badge, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  _desk_intake_wizard_set_name (row, label, tag);
  return row;
}

static void
fill_checklist (DeskIntakeWizard *self)
{
  DeskRulePack *pack = _desk_intake_wizard_get_pack (self);
  g_autoptr (GPtrArray) items = desk_rule_pack_get_evidence_items (pack, self->case_type);

  clear_rows (self->checklist_group, self->checklist_rows);
  adw_preferences_group_set_description (self->checklist_group,
                                         _ ("The case starts with this checklist of what the platform asks for. Required items first."));
  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *row = checklist_row_new (items->pdata[i]);

      adw_preferences_group_add (self->checklist_group, row);
      g_ptr_array_add (self->checklist_rows, row);
    }
}

char *
_desk_intake_wizard_suggest_title (DeskIntakeWizard *self)
{
  g_autofree char *notice = _desk_intake_wizard_get_notice_text (self);

  return desk_intake_suggest_title (_desk_intake_wizard_get_products (self),
                                    gtk_editable_get_text (GTK_EDITABLE (self->case_id_row)),
                                    notice, self->platform, self->case_type);
}

void
_desk_intake_wizard_fill_summary (DeskIntakeWizard *self)
{
  if (!self->title_edited || *gtk_editable_get_text (GTK_EDITABLE (self->title_row)) == '\0')
    {
      g_autofree char *title = _desk_intake_wizard_suggest_title (self);

      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
      self->updating = FALSE;
      self->title_edited = FALSE;
    }
  fill_case_rows (self);
  fill_checklist (self);
}
