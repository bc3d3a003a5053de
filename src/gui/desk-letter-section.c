/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-letter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-checklist.h"
#include "desk-letter-section.h"
#include "desk-case-section.h"
#include "desk-letter-view.h"
#include "letters/desk-letter-lint.h"
#include "letters/desk-letter.h"

struct _DeskLetterSection
{
  AdwBin parent_instance;

  DeskSession  *session;
  gint64        case_id;
  GtkWindow    *window; /* weak */
  AdwActionRow *row;
};

static void case_section_iface_init (DeskCaseSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskLetterSection, desk_letter_section, ADW_TYPE_BIN, G_IMPLEMENT_INTERFACE (DESK_TYPE_CASE_SECTION, case_section_iface_init))

static const char *
language_name (const char *language)
{
  if (g_str_equal (language, "ru"))
    return C_ ("letter language", "Russian");
  if (g_str_equal (language, "zh"))
    return C_ ("letter language", "Chinese (record)");
  return C_ ("letter language", "English");
}

/* "Russian, English, Chinese (record) · 1980 characters · 2 wording problems" */
static char *
summary (DeskLetterSection *self)
{
  g_autoptr (DeskCase) kase = desk_store_get_case (desk_session_get_store (self->session), self->case_id, NULL);
  g_auto (GStrv) languages = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (DeskLetter) letter = NULL;
  g_autoptr (DeskLintReport) report = NULL;

  if (kase == NULL)
    return g_strdup ("");
  languages = desk_letter_list_languages (desk_case_get_platform (kase), desk_case_get_case_type (kase));
  if (languages[0] == NULL)
    return g_strdup (_ ("No letter template for this platform and case type yet."));
  for (guint i = 0; languages[i]; i++)
    g_string_append_printf (out, "%s%s", i ? _ (", ") : "", language_name (languages[i]));
  if (!(letter = desk_letter_get (self->session, self->case_id, languages[0], NULL)))
    return g_string_free (g_steal_pointer (&out), FALSE);
  report = desk_letter_lint (letter->text,
                             desk_session_get_pack (self->session, desk_case_get_platform (kase)),
                             desk_case_get_case_type (kase), languages[0]);
  g_string_append (out, " · ");
  if (report->limit)
    g_string_append_printf (out, _ ("%u / %u characters"), report->chars, report->limit);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u character", "%u characters", report->chars), report->chars);
  g_string_append (out, " · ");
  if (report->findings->len)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u wording problem", "%u wording problems", report->findings->len), report->findings->len);
  else
    g_string_append (out, _ ("no wording problems"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
refresh (DeskLetterSection *self)
{
  g_autofree char *text = self->session && self->case_id ? summary (self) : g_strdup ("");

  adw_action_row_set_subtitle (self->row, text);
}

static void
on_window_destroy (DeskLetterSection *self)
{
  self->window = NULL;
  refresh (self);
}

GtkWindow *
desk_letter_section_open (DeskLetterSection *self)
{
  DeskLetterView *view;
  GtkRoot        *root;

  g_return_val_if_fail (DESK_IS_LETTER_SECTION (self), NULL);
  if (self->window == NULL)
    {
      root = gtk_widget_get_root (GTK_WIDGET (self));
      self->window = GTK_WINDOW (adw_window_new ());
      gtk_window_set_title (self->window, _ ("Appeal Letter"));
      gtk_window_set_default_size (self->window, 720, 820);
      if (GTK_IS_WINDOW (root))
        {
          gtk_window_set_transient_for (self->window, GTK_WINDOW (root));
          gtk_window_set_destroy_with_parent (self->window, TRUE);
        }
      view = desk_letter_view_new ();
      adw_window_set_content (ADW_WINDOW (self->window), GTK_WIDGET (view));
      desk_letter_view_set_case (view, self->session, self->case_id);
      g_signal_connect_object (self->window, "destroy", G_CALLBACK (on_window_destroy), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (self->window);
  return self->window;
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  desk_letter_section_open (DESK_LETTER_SECTION (widget));
}

/* Letters, evidence and checklist changes all change the filled letter. */
static void
on_session_changed (DeskSession       *session,
                    const char        *part,
                    gint64             case_id,
                    DeskLetterSection *self)
{
  if (case_id == self->case_id && (g_str_equal (part, "letters") || g_str_equal (part, "evidence") || g_str_equal (part, "checklist")))
    refresh (self);
}

void
desk_letter_section_set_case (DeskLetterSection *self,
                              DeskSession       *session,
                              gint64             case_id)
{
  g_return_if_fail (DESK_IS_LETTER_SECTION (self));
  if (self->window && case_id != self->case_id)
    gtk_window_destroy (self->window);
  if (self->session != session)
    {
      if (self->session)
        g_signal_handlers_disconnect_by_func (self->session, on_session_changed, self);
      g_set_object (&self->session, session);
      if (session)
        g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, 0);
    }
  self->case_id = case_id;
  refresh (self);
}

static void
desk_letter_section_dispose (GObject *object)
{
  DeskLetterSection *self = DESK_LETTER_SECTION (object);

  if (self->window)
    gtk_window_destroy (self->window);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (desk_letter_section_parent_class)->dispose (object);
}

static void
desk_letter_section_class_init (DeskLetterSectionClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_letter_section_dispose;
  gtk_widget_class_install_action (widget_class, "letter-section.open", NULL, open_activated);
}

static void
desk_letter_section_init (DeskLetterSection *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Open Letter"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Appeal Letter"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _ ("Filled from this case in the platform’s languages, with a wording check and the platform’s length limit."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Appeal letter"), -1);
  self->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), _ ("Letter to the platform"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->row), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "letter-section.open");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Open the appeal letter"), -1);
  adw_action_row_add_suffix (self->row, button);
  adw_action_row_set_activatable_widget (self->row, button);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  adw_bin_set_child (ADW_BIN (self), group);
}

DeskLetterSection *
desk_letter_section_new (void)
{
  return g_object_new (DESK_TYPE_LETTER_SECTION, NULL);
}

static void
case_section_iface_init (DeskCaseSectionInterface *iface)
{
  iface->set_case = (DeskCaseSectionSetCase)desk_letter_section_set_case;
}
