/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-checklist-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-checklist.h"
#include "desk-case-section.h"
#include "desk-checklist-view.h"
#include "desk-gui-util.h"
#include "desk-util.h"

struct _DeskChecklistView
{
  AdwBin parent_instance;

  DeskSession *session;
  DeskStore   *store; /* the session's */
  DeskCase    *kase;
  GPtrArray   *rows; /* AdwExpanderRow, as added to the group */

  AdwPreferencesGroup *group;
  GtkLabel            *summary_label;
};

static void case_section_iface_init (DeskCaseSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskChecklistView, desk_checklist_view, ADW_TYPE_BIN, G_IMPLEMENT_INTERFACE (DESK_TYPE_CASE_SECTION, case_section_iface_init))

/* What one expander row shows of its item. */
typedef struct
{
  DeskChecklistView *self;
  gint64             item_id;
  GtkImage          *icon;
  AdwComboRow       *state_row;
  AdwEntryRow       *note_row;
  gboolean           updating;
} ItemRow;

static const char *
state_icon (DeskChecklistState state)
{
  switch (state)
    {
      case DESK_CHECKLIST_PROVIDED:
        return "emblem-ok-symbolic";
      case DESK_CHECKLIST_NEEDS_ATTENTION:
        return "dialog-warning-symbolic";
      case DESK_CHECKLIST_MISSING:
      default:
        return "radio-symbolic";
    }
}

static void
show_state (AdwExpanderRow    *row,
            ItemRow           *ir,
            DeskChecklistState state)
{
  static const char *classes[] = { "dim-label", "success", "warning" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (ir->icon), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (ir->icon), classes[state]);
  gtk_image_set_from_icon_name (ir->icon, state_icon (state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (ir->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  desk_checklist_state_get_label (state), -1);
  adw_expander_row_set_subtitle (row, desk_checklist_state_get_label (state));
  ir->updating = TRUE;
  adw_combo_row_set_selected (ir->state_row, state);
  ir->updating = FALSE;
}

static void
update_summary (DeskChecklistView *self)
{
  guint            counts[3] = { 0 };
  guint            total;
  g_autofree char *text = NULL;

  if (self->kase == NULL
      || !desk_checklist_count (self->session, desk_case_get_id (self->kase), counts, NULL))
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }
  total = counts[0] + counts[1] + counts[2];
  /* Translators: checklist progress, "2 of 5 provided" */
  text = total ? g_strdup_printf (_ ("%u of %u provided"), counts[DESK_CHECKLIST_PROVIDED], total) : NULL;
  gtk_label_set_text (self->summary_label, text ? text : "");
}

static void
on_state_selected (AdwComboRow *combo,
                   GParamSpec  *pspec,
                   ItemRow     *ir)
{
  g_autoptr (GError) error = NULL;
  DeskChecklistState state = adw_combo_row_get_selected (combo);
  AdwExpanderRow    *row = ADW_EXPANDER_ROW (gtk_widget_get_ancestor (GTK_WIDGET (combo), ADW_TYPE_EXPANDER_ROW));

  if (ir->updating || state > DESK_CHECKLIST_NEEDS_ATTENTION)
    return;
  if (!desk_checklist_set_state (ir->self->store, ir->item_id, state, NULL, &error))
    {
      g_autoptr (DeskChecklistItem) stored = desk_checklist_get_item (ir->self->session, ir->item_id, NULL);

      desk_gui_report_error (GTK_WIDGET (ir->self), _ ("The checklist item was not changed."), error);
      /* Show what is saved, not what was asked for. */
      if (stored)
        show_state (row, ir, stored->state);
      return;
    }
  show_state (row, ir, state);
  update_summary (ir->self);
}

static void
on_note_apply (AdwEntryRow *entry,
               ItemRow     *ir)
{
  g_autoptr (GError) error = NULL;

  if (!desk_checklist_set_state (ir->self->store, ir->item_id,
                                 adw_combo_row_get_selected (ir->state_row),
                                 gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    desk_gui_report_error (GTK_WIDGET (ir->self), _ ("The note was not saved."), error);
}

/* Detail rows */

static void
add_text_row (AdwExpanderRow *row,
              const char     *title,
              const char     *text,
              const char     *icon_name)
{
  GtkWidget *child = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (child), text);
  if (icon_name)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (child), icon);
    }
  gtk_widget_add_css_class (child, "property");
  adw_expander_row_add_row (row, child);
}

static void
add_requirement_rows (AdwExpanderRow          *row,
                      DeskRulePack            *pack,
                      DeskEvidenceRequirement *req)
{
  DeskRuleLanguage lang = DESK_RULE_LANGUAGE_CURRENT;
  g_autofree char *formats = g_strjoinv (", ", (char **)desk_evidence_requirement_get_formats (req));
  g_autofree char *source_text = desk_rule_pack_describe_sources (pack, desk_evidence_requirement_get_source (req));

  add_text_row (row, _ ("Why it is needed"), desk_evidence_requirement_get_why (req, lang), NULL);
  for (guint i = 0; i < desk_evidence_requirement_get_n_pitfalls (req); i++)
    /* Translators: a common mistake that gets this evidence rejected */
    add_text_row (row, _ ("Pitfall"), desk_evidence_requirement_get_pitfall (req, i, lang), "dialog-warning-symbolic");
  if (*formats)
    add_text_row (row, _ ("Accepted formats"), formats, NULL);
  /* Translators: where the requirement comes from (an article's title) */
  add_text_row (row, _ ("Where this comes from"), source_text, NULL);
}

static void
add_edit_rows (AdwExpanderRow    *row,
               ItemRow           *ir,
               DeskChecklistItem *item)
{
  g_autoptr (GtkStringList) states = gtk_string_list_new (NULL);

  for (DeskChecklistState s = DESK_CHECKLIST_MISSING; s <= DESK_CHECKLIST_NEEDS_ATTENTION; s++)
    gtk_string_list_append (states, desk_checklist_state_get_label (s));
  ir->state_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (ir->state_row), "checklist-state");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ir->state_row), _ ("State"));
  adw_combo_row_set_model (ir->state_row, G_LIST_MODEL (states));
  adw_expander_row_add_row (row, GTK_WIDGET (ir->state_row));
  g_signal_connect (ir->state_row, "notify::selected", G_CALLBACK (on_state_selected), ir);

  ir->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (ir->note_row), _ ("Note"));
  adw_entry_row_set_show_apply_button (ir->note_row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (ir->note_row), item->note);
  adw_expander_row_add_row (row, GTK_WIDGET (ir->note_row));
  g_signal_connect (ir->note_row, "apply", G_CALLBACK (on_note_apply), ir);
}

static GtkWidget *
create_item_row (DeskChecklistView *self,
                 DeskRulePack      *pack,
                 DeskChecklistItem *item)
{
  DeskEvidenceRequirement *req = desk_checklist_item_get_requirement (item, pack, desk_case_get_case_type (self->kase));
  AdwExpanderRow          *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  ItemRow                 *ir = g_new0 (ItemRow, 1);
  const char              *label = req ? desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_CURRENT) : item->item_id;
  g_autofree char         *title = item->required ? g_strdup (label)
                                          /* Translators: an evidence item that is not required */
                                                  : g_strdup_printf (_ ("%s (optional)"), label);

  ir->self = self;
  ir->item_id = item->id;
  g_object_set_data_full (G_OBJECT (row), "desk-item-row", ir, g_free);
  gtk_widget_set_name (GTK_WIDGET (row), item->item_id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  ir->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_name (GTK_WIDGET (ir->icon), "checklist-state-icon");
  adw_expander_row_add_prefix (row, GTK_WIDGET (ir->icon));
  if (req)
    add_requirement_rows (row, pack, req);
  add_edit_rows (row, ir, item);
  show_state (row, ir, item->state);
  return GTK_WIDGET (row);
}

/* Filling */

static void
clear_rows (DeskChecklistView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (DeskChecklistView *self,
         GtkWidget         *row)
{
  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (self->group, row);
}

/* The rules' version means nothing to a seller; that they changed does. */
static char *
pack_description (DeskChecklistView *self,
                  DeskRulePack      *pack)
{
  const char *used = desk_case_get_rule_pack_version (self->kase);

  if (used && *used && desk_rule_pack_compare_versions (used, desk_rule_pack_get_pack_version (pack)) != 0)
    return g_strdup (_ ("The platform’s requirements were updated after this checklist was made: check the items again."));
  return g_strdup (_ ("What the platform asks for. Open an item to see why, what gets it rejected and where this comes from."));
}

static void
fill (DeskChecklistView *self)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;
  DeskRulePack    *pack;

  clear_rows (self);
  if (self->kase == NULL)
    return;
  pack = desk_session_get_pack (self->session, desk_case_get_platform (self->kase));
  items = desk_checklist_list (self->session, desk_case_get_id (self->kase), &error);
  if (items == NULL)
    desk_gui_report_error (GTK_WIDGET (self), _ ("The checklist could not be shown."), error);
  if (items == NULL || items->len == 0 || pack == NULL)
    {
      adw_preferences_group_set_description (self->group,
                                             _ ("Appeal Desk knows no evidence list for this platform and kind of case, so there is no checklist. Add the evidence the notice asks for."));
      update_summary (self);
      return;
    }
  description = pack_description (self, pack);
  adw_preferences_group_set_description (self->group, description);
  for (guint i = 0; i < items->len; i++)
    add_row (self, create_item_row (self, pack, items->pdata[i]));
  update_summary (self);
}

static void
desk_checklist_view_dispose (GObject *object)
{
  DeskChecklistView *self = (DeskChecklistView *)object;

  /* No gtk_widget_dispose_template(): the group is AdwBin's child, which
   * AdwBin unparents itself; doing it twice is a critical. */
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (desk_checklist_view_parent_class)->dispose (object);
}

static void
desk_checklist_view_class_init (DeskChecklistViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_checklist_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-checklist-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistView, group);
  gtk_widget_class_bind_template_child (widget_class, DeskChecklistView, summary_label);
}

static void
desk_checklist_view_init (DeskChecklistView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

DeskChecklistView *
desk_checklist_view_new (void)
{
  return g_object_new (DESK_TYPE_CHECKLIST_VIEW, NULL);
}

void
desk_checklist_view_set_case (DeskChecklistView *self,
                              DeskSession       *session,
                              gint64             case_id)
{
  DeskStore *store = session ? desk_session_get_store (session) : NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (DESK_IS_CHECKLIST_VIEW (self));
  g_set_object (&self->session, session);
  g_set_object (&self->store, store);
  g_clear_object (&self->kase);
  if (store && case_id > 0 && !(self->kase = desk_store_get_case (store, case_id, &error)))
    desk_gui_report_error (GTK_WIDGET (self), _ ("The case could not be opened."), error);
  fill (self);
}

void
desk_checklist_view_reload (DeskChecklistView *self)
{
  g_return_if_fail (DESK_IS_CHECKLIST_VIEW (self));
  fill (self);
}

static void
case_section_iface_init (DeskCaseSectionInterface *iface)
{
  iface->set_case = (DeskCaseSectionSetCase)desk_checklist_view_set_case;
}
