/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-chain-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-chain-editor-private.h"

/* Each edit marks the chain unsaved, shows in the window title and has the
 * chain checked again soon; the gaps are listed beside the form. The cards
 * and the editor report their edits here, and this file calls neither, so
 * the editor's files stand in one direction: editor, cards, gaps. */

#define RECHECK_DELAY_MS 150

void
_desk_chain_editor_update_title (DeskChainEditor *self)
{
  g_autofree char *subtitle = NULL;

  if (*self->chain->brand)
    /* Translators: window subtitle: "SoundPeak · case: Bluetooth earbuds TWS-X3" */
    subtitle = g_strdup_printf (_ ("%s · case: %s"), self->chain->brand, desk_case_get_title (self->kase));
  else
    subtitle = g_strdup (desk_case_get_title (self->kase));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static const char *
severity_icon (DeskChainSeverity severity)
{
  return severity == DESK_CHAIN_SEVERITY_BLOCKING ? "dialog-error-symbolic"
         : severity == DESK_CHAIN_SEVERITY_RISKY  ? "dialog-warning-symbolic"
                                                  : "dialog-information-symbolic";
}

static GtkWidget *
gap_row (const DeskChainGap *gap)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *icon = gtk_image_new_from_icon_name (severity_icon (gap->severity));
  g_autofree char *title = desk_chain_gap_describe (gap);
  g_autofree char *subtitle = gap->citation ? g_strdup_printf ("%s\n%s", gap->fix, gap->citation) : g_strdup (gap->fix);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
#if ADW_CHECK_VERSION(1, 3, 0)
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
#endif
  gtk_widget_add_css_class (icon, gap->severity == DESK_CHAIN_SEVERITY_BLOCKING ? "error"
                                  : gap->severity == DESK_CHAIN_SEVERITY_RISKY  ? "warning"
                                                                                : "accent");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  desk_chain_severity_get_label (gap->severity), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
show_gaps (DeskChainEditor *self)
{
  GtkWidget *child;
  guint      n_blocking = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gap_list))))
    gtk_list_box_remove (self->gap_list, child);
  for (guint i = 0; i < self->gaps->len; i++)
    {
      const DeskChainGap *gap = self->gaps->pdata[i];

      n_blocking += gap->severity == DESK_CHAIN_SEVERITY_BLOCKING;
      gtk_list_box_append (self->gap_list, gap_row (gap));
    }
  if (self->gaps->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No gaps: the chain covers this case"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_list_box_append (self->gap_list, row);
    }
  {
    /* Translators: group title, "Gaps · 2 blocking" */
    g_autofree char *title = n_blocking ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Gaps · %u blocking", "Gaps · %u blocking", n_blocking), n_blocking)
                                        : g_strdup (_ ("Gaps"));

    adw_preferences_group_set_title (self->gaps_group, title);
  }
}

void
_desk_chain_editor_recheck (DeskChainEditor *self)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *gaps = desk_chain_check_case_with (self->session, self->kase, self->chain, self->info, NULL, &error);

  if (gaps == NULL)
    {
      _desk_chain_editor_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->gaps, g_ptr_array_unref);
  self->gaps = gaps;
  show_gaps (self);
}

static gboolean
recheck_cb (gpointer data)
{
  DeskChainEditor *self = data;

  self->recheck_id = 0;
  _desk_chain_editor_recheck (self);
  return G_SOURCE_REMOVE;
}

void
_desk_chain_editor_changed (DeskChainEditor *self)
{
  self->dirty = TRUE;
  _desk_chain_editor_update_title (self);
  g_clear_handle_id (&self->recheck_id, g_source_remove);
  self->recheck_id = g_timeout_add (RECHECK_DELAY_MS, recheck_cb, self);
}
