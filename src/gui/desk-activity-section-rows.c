/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-activity-section"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-activity-section-private.h"
#include "desk-gui-util.h"

/* Store ratings and switches: changing one reads the saved export again. */

static DeskMetricsOptions
current_options (DeskActivitySection *self)
{
  return *desk_activity_analysis_get_options (self->analysis);
}

static void
on_dsr_applied (AdwEntryRow         *entry,
                DeskActivitySection *self)
{
  DeskMetricsOptions options = current_options (self);
  guint              index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "index"));
  const char        *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  char              *end = NULL;
  double             value = g_ascii_strtod (text, &end);

  if (*text == '\0')
    value = 0;
  else if (end == text || *end || value < 1 || value > 5)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  options.dsr[index] = value;
  self->hooks->recompute_with (self, &options);
}

static void
add_dsr_rows (DeskActivitySection *self,
              GtkWidget           *expander)
{
  const char        *titles[3] = { _ ("“Item as described” rating (30 days)"), _ ("“Communication” rating (30 days)"), _ ("“Shipping speed” rating (30 days)") };
  DeskMetricsOptions options = current_options (self);

  for (guint i = 0; i < 3; i++)
    {
      GtkWidget       *entry = adw_entry_row_new ();
      g_autofree char *value = options.dsr[i] > 0 ? g_strdup_printf ("%.2g", options.dsr[i]) : g_strdup ("");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), titles[i]);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (entry), value);
      g_object_set_data (G_OBJECT (entry), "index", GUINT_TO_POINTER (i));
      g_signal_connect (entry, "apply", G_CALLBACK (on_dsr_applied), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), entry);
    }
}

static void
on_switch_toggled (GtkSwitch           *sw,
                   GParamSpec          *pspec,
                   DeskActivitySection *self)
{
  DeskMetricsOptions options = current_options (self);

  if (g_object_get_data (G_OBJECT (sw), "relaxed"))
    options.relaxed_category = gtk_switch_get_active (sw);
  else
    options.post_mortem_approved = gtk_switch_get_active (sw);
  self->hooks->recompute_with (self, &options);
}

static void
add_switch_row (DeskActivitySection *self,
                GtkWidget           *expander,
                const char          *title,
                const char          *subtitle,
                gboolean             active,
                gboolean             relaxed)
{
  GtkWidget *row = desk_gui_text_row (title, subtitle, NULL);
  GtkWidget *sw = gtk_switch_new ();

  gtk_switch_set_active (GTK_SWITCH (sw), active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (relaxed)
    g_object_set_data (G_OBJECT (sw), "relaxed", GINT_TO_POINTER (1));
  g_signal_connect (sw, "notify::active", G_CALLBACK (on_switch_toggled), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

void
_desk_activity_section_add_store_rows (DeskActivitySection *self)
{
  DeskMetricsOptions options = current_options (self);
  GtkWidget         *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _ ("About the store"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _ ("Ratings and facts the order export does not hold"));
  add_dsr_rows (self, expander);
  add_switch_row (self, expander, _ ("Home & garden, auto parts or 3C accessories"),
                  /* xgettext:no-c-format */
                  _ ("These categories have thresholds 10 % looser"), options.relaxed_category, TRUE);
  add_switch_row (self, expander, _ ("Post-mortem approved by the platform"), NULL, options.post_mortem_approved, FALSE);
  gtk_list_box_append (self->list, expander);
}

/* Post-mortem */

static void
on_field_applied (AdwEntryRow         *entry,
                  DeskActivitySection *self)
{
  DeskPostMortemField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "field"));
  g_autoptr (GError) error = NULL;

  if (!desk_activity_set_post_mortem_field (_desk_activity_section_get_store (self), _desk_activity_section_case_id (self), field, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    {
      _desk_activity_section_set_error (self, error->message);
      self->hooks->refresh (self);
      return;
    }
  desk_post_mortem_set (desk_activity_analysis_get_post_mortem (self->analysis), field, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

void
_desk_activity_section_add_post_mortem_row (DeskActivitySection *self)
{
  DeskPostMortem  *pm = desk_activity_analysis_get_post_mortem (self->analysis);
  GtkWidget       *expander = adw_expander_row_new ();
  guint            missing = desk_post_mortem_count_missing (pm);
  g_autofree char *subtitle = missing == 0 ? g_strdup (_ ("Every field is filled"))
                                           /* Translators: %u fields of 12 */
                                           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of 12 fields still to write", "%u of 12 fields still to write", missing), missing);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _ ("Post-Mortem"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  for (guint i = 0; i < DESK_N_POST_MORTEM_FIELDS; i++)
    {
      GtkWidget *entry = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), desk_post_mortem_field_get_label (i));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (entry), desk_post_mortem_get (pm, i));
      g_object_set_data (G_OBJECT (entry), "field", GUINT_TO_POINTER (i));
      g_signal_connect (entry, "apply", G_CALLBACK (on_field_applied), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), entry);
    }
  gtk_list_box_append (self->list, expander);
}
