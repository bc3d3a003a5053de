/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-intake-wizard"

#include "config.h"

#include "desk-intake-wizard-private.h"

/* What every page of the wizard reads and asks for: the rule pack of the
 * chosen platform, the notice text, the products, whether each page is
 * complete and so which buttons apply. It sits below the pages and the
 * wizard, and calls neither. */

DeskRulePack *
_desk_intake_wizard_get_pack (DeskIntakeWizard *self)
{
  if (self->platform == DESK_PLATFORM_UNKNOWN)
    return NULL;
  return desk_rule_registry_get_pack (self->registry, self->platform);
}

char *
_desk_intake_wizard_get_notice_text (DeskIntakeWizard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notice_view);
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
_desk_intake_wizard_toast (DeskIntakeWizard *self,
                           const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* GTK 4.8 reads out the LABEL property *and* the labelled-by widgets, and a
 * button's LABEL is its raw mnemonic: "_Next Next". One clean name instead. */
void
_desk_intake_wizard_set_name (GtkWidget  *widget,
                              const char *name,
                              const char *description)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (description)
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
}

char *
_desk_intake_wizard_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

gboolean
_desk_intake_wizard_page_is_valid (DeskIntakeWizard *self,
                                   DeskWizardPage    page)
{
  g_autofree char *title = NULL;

  switch (page)
    {
      case DESK_WIZARD_PAGE_PLATFORM:
        return _desk_intake_wizard_get_pack (self) != NULL;
      case DESK_WIZARD_PAGE_CASE_TYPE:
        return self->case_type != DESK_CASE_TYPE_UNKNOWN;
      case DESK_WIZARD_PAGE_NOTICE:
      case DESK_WIZARD_PAGE_PRODUCTS:
        return TRUE;
      case DESK_WIZARD_PAGE_DEADLINE:
        return self->received_valid && self->deadline_valid;
      case DESK_WIZARD_PAGE_SUMMARY:
        title = _desk_intake_wizard_entry_text (self->title_row);
        return *title != '\0';
      default:
        g_return_val_if_reached (FALSE);
    }
}

gboolean
_desk_intake_wizard_all_pages_valid (DeskIntakeWizard *self)
{
  for (guint i = 0; i < DESK_WIZARD_N_PAGES; i++)
    if (!_desk_intake_wizard_page_is_valid (self, i))
      return FALSE;
  return TRUE;
}

void
_desk_intake_wizard_update_buttons (DeskIntakeWizard *self)
{
  gboolean   last = self->page == DESK_WIZARD_PAGE_SUMMARY;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "wizard.back", self->page > 0);
  gtk_widget_action_set_enabled (widget, "wizard.next",
                                 !last && _desk_intake_wizard_page_is_valid (self, self->page));
  gtk_widget_action_set_enabled (widget, "wizard.create", last && _desk_intake_wizard_all_pages_valid (self));
  gtk_widget_set_visible (self->next_button, !last);
  gtk_widget_set_visible (self->create_button, last);
  gtk_window_set_default_widget (GTK_WINDOW (self), last ? self->create_button : self->next_button);
}

const char *const *
_desk_intake_wizard_get_products (DeskIntakeWizard *self)
{
  static const char *none[] = { NULL };

  if (self->products->pdata == NULL)
    return none;
  return (const char *const *)self->products->pdata;
}
