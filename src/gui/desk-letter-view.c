/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-letter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-checklist.h"
#include "desk-letter-view.h"
#include "desk-resources.h"
#include "desk-util.h"
#include "letters/desk-letter-lint.h"
#include "letters/desk-letter.h"

#define SAVE_DELAY_MS 400

struct _DeskLetterView
{
  AdwBin parent_instance;

  DeskSession    *session;
  gint64          case_id;
  DeskCase       *kase;
  char           *language;
  DeskLetter     *letter;
  DeskLintReport *report;
  guint           save_source;
  gboolean        loading;

  AdwToastOverlay *toasts;
  AdwWindowTitle  *window_title;
  GtkBox          *language_box;
  GtkLabel        *count_label;
  GtkLabel        *state_label;
  GtkTextView     *text_view;
  GtkListBox      *findings_list;
  AdwEntryRow     *seller_row;
  AdwEntryRow     *store_row;
  AdwEntryRow     *signer_row;
  GtkTextView     *actions_view;
};

G_DEFINE_FINAL_TYPE (DeskLetterView, desk_letter_view, ADW_TYPE_BIN)

static const char *
language_label (const char *language)
{
  if (g_str_equal (language, "ru"))
    return C_ ("letter language", "Russian");
  if (g_str_equal (language, "zh"))
    /* Translators: letter language switch: the Chinese version is the seller's own record */
    return C_ ("letter language", "Chinese (record)");
  return C_ ("letter language", "English");
}

static void
toast (DeskLetterView *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

char *
desk_letter_view_dup_text (DeskLetterView *self)
{
  g_return_val_if_fail (DESK_IS_LETTER_VIEW (self), NULL);
  return buffer_text (self->text_view);
}

/* Count and findings */

static void
update_count (DeskLetterView *self)
{
  g_autofree char *text = NULL;
  DeskLintLength   length = desk_lint_report_get_length (self->report);

  if (self->report->limit)
    /* Translators: live character count of the letter against the platform's limit */
    text = g_strdup_printf (_ ("%u / %u characters"), self->report->chars, self->report->limit);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u character · no known limit", "%u characters · no known limit", self->report->chars),
                            self->report->chars);
  if (length == DESK_LINT_LENGTH_OVER)
    {
      g_autofree char *over = g_strdup_printf (_ ("%s — over the limit by %u"), text, self->report->chars - self->report->limit);
      gtk_label_set_text (self->count_label, over);
    }
  else
    gtk_label_set_text (self->count_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
  if (length != DESK_LINT_LENGTH_OK)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), length == DESK_LINT_LENGTH_OVER ? "error" : "warning");
}

static GtkWidget *
finding_row (DeskLintFinding *finding,
             guint            index)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *button;
  g_autofree char *title = NULL;
  g_autofree char *a11y = NULL;

  if (*finding->replacement)
    title = g_strdup_printf (_ ("%s: “%s” → “%s”"), desk_lint_kind_get_label (finding->kind), finding->text, finding->replacement);
  else
    title = g_strdup_printf (_ ("%s: “%s” → delete"), desk_lint_kind_get_label (finding->kind), finding->text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), finding->why);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (finding->blocking ? "dialog-error-symbolic" : "dialog-warning-symbolic"));
  button = gtk_button_new_with_label (*finding->replacement ? _ ("Replace") : _ ("Delete"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "letter.replace");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  a11y = g_strdup_printf (_ ("Replace “%s” with “%s”"), finding->text, finding->replacement);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
fill_findings (DeskLetterView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))))
    gtk_list_box_remove (self->findings_list, child);
  for (guint i = 0; i < self->report->findings->len; i++)
    gtk_list_box_append (self->findings_list, finding_row (self->report->findings->pdata[i], i));
  if (self->report->findings->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No wording problems found"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_list_box_append (self->findings_list, row);
    }
}

static void
relint (DeskLetterView *self)
{
  g_autofree char *text = buffer_text (self->text_view);
  DeskRulePack    *pack = desk_session_get_pack (self->session, desk_case_get_platform (self->kase));

  g_clear_pointer (&self->report, desk_lint_report_free);
  self->report = desk_letter_lint (text, pack, desk_case_get_case_type (self->kase), self->language);
  update_count (self);
  fill_findings (self);
}

/* Saving */

static void
set_state (DeskLetterView *self,
           gboolean        edited)
{
  gtk_label_set_text (self->state_label, edited ? _ ("Edited by you") : _ ("Filled from the case"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.reset", edited);
}

void
desk_letter_view_flush (DeskLetterView *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (DESK_IS_LETTER_VIEW (self));
  if (self->save_source == 0)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  text = buffer_text (self->text_view);
  if (!desk_letter_save_edit (self->session, self->case_id, self->language, text, &error))
    {
      toast (self, error->message);
      return;
    }
  set_state (self, g_strcmp0 (text, self->letter->template_text) != 0);
}

static gboolean
save_later (gpointer data)
{
  DeskLetterView *self = data;

  desk_letter_view_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (DeskLetterView *self)
{
  if (self->loading || self->kase == NULL)
    return;
  relint (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_later, self);
}

/* Loading */

static void
load_details (DeskLetterView *self)
{
  g_autoptr (DeskLetterDetails) details = desk_letter_get_details (self->session, self->case_id, self->language, NULL);
  g_auto (GStrv) actions = desk_letter_get_actions (self->session, self->case_id, self->language, NULL);
  g_autofree char *joined = actions ? g_strjoinv ("\n", actions) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (self->seller_row), details ? details->seller : "");
  gtk_editable_set_text (GTK_EDITABLE (self->store_row), details ? details->store_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->signer_row), details ? details->signer : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->actions_view), joined, -1);
}

static gboolean
load_letter (DeskLetterView *self)
{
  g_autoptr (GError) error = NULL;
  DeskLetter *letter = desk_letter_get (self->session, self->case_id, self->language, &error);

  if (letter == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->letter, desk_letter_free);
  self->letter = letter;
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), letter->text, -1);
  self->loading = FALSE;
  set_state (self, letter->edited);
  relint (self);
  return TRUE;
}

static void
on_language_toggled (GtkToggleButton *button,
                     DeskLetterView  *self)
{
  if (gtk_toggle_button_get_active (button))
    desk_letter_view_set_language (self, g_object_get_data (G_OBJECT (button), "desk-language"));
}

static void
fill_languages (DeskLetterView *self)
{
  g_auto (GStrv) languages = desk_letter_list_languages (desk_case_get_platform (self->kase), desk_case_get_case_type (self->kase));
  GtkToggleButton *group = NULL;
  GtkWidget       *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->language_box))))
    gtk_box_remove (self->language_box, child);
  for (guint i = 0; languages[i]; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (language_label (languages[i]));

      g_object_set_data_full (G_OBJECT (button), "desk-language", g_strdup (languages[i]), g_free);
      if (group)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), g_strcmp0 (languages[i], self->language) == 0);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_language_toggled), self, 0);
      gtk_box_append (self->language_box, button);
    }
}

gboolean
desk_letter_view_set_language (DeskLetterView *self,
                               const char     *language)
{
  g_auto (GStrv) languages = NULL;

  g_return_val_if_fail (DESK_IS_LETTER_VIEW (self), FALSE);
  if (self->kase == NULL)
    return FALSE;
  languages = desk_letter_list_languages (desk_case_get_platform (self->kase), desk_case_get_case_type (self->kase));
  if (!g_strv_contains ((const char *const *)languages, language))
    return FALSE;
  if (g_strcmp0 (self->language, language) == 0 && self->letter)
    return TRUE;
  desk_letter_view_flush (self);
  g_free (self->language);
  self->language = g_strdup (language);
  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (self->language_box)); b; b = gtk_widget_get_next_sibling (b))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (b), "desk-language"), language) == 0 && !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (b)))
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (b), TRUE);
  load_details (self);
  return load_letter (self);
}

const char *
desk_letter_view_get_language (DeskLetterView *self)
{
  g_return_val_if_fail (DESK_IS_LETTER_VIEW (self), NULL);
  return self->language;
}

guint
desk_letter_view_get_n_findings (DeskLetterView *self)
{
  g_return_val_if_fail (DESK_IS_LETTER_VIEW (self), 0);
  return self->report ? self->report->findings->len : 0;
}

/* New evidence or chain links change the filled letter: show it, unless the
 * seller is working on an edit of their own. Our own saves ("letters") are
 * not followed, so typing never jumps. */
static void
on_session_changed (DeskSession    *session,
                    const char     *part,
                    gint64          case_id,
                    DeskLetterView *self)
{
  if (case_id != self->case_id || self->kase == NULL || g_str_equal (part, "letters"))
    return;
  if (self->letter && !self->letter->edited && self->save_source == 0)
    load_letter (self);
}

void
desk_letter_view_set_case (DeskLetterView *self,
                           DeskSession    *session,
                           gint64          case_id)
{
  g_auto (GStrv) languages = NULL;

  g_return_if_fail (DESK_IS_LETTER_VIEW (self));
  if (self->session)
    {
      desk_letter_view_flush (self);
      g_signal_handlers_disconnect_by_func (self->session, on_session_changed, self);
    }
  g_set_object (&self->session, session);
  if (session)
    g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, 0);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->letter, desk_letter_free);
  g_clear_pointer (&self->language, g_free);
  self->case_id = case_id;
  if (case_id == 0 || session == NULL || !(self->kase = desk_store_get_case (desk_session_get_store (session), case_id, NULL)))
    return;
  adw_window_title_set_subtitle (self->window_title, desk_case_get_title (self->kase));
  languages = desk_letter_list_languages (desk_case_get_platform (self->kase), desk_case_get_case_type (self->kase));
  self->language = g_strdup (languages[0] ? languages[0] : "en");
  fill_languages (self);
  load_details (self);
  load_letter (self);
}

/* Actions */

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskLetterView  *self = DESK_LETTER_VIEW (widget);
  g_autofree char *text = buffer_text (self->text_view);
  g_autofree char *message = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Letter copied (%u character)", "Letter copied (%u characters)", desk_letter_count_chars (text)),
                             desk_letter_count_chars (text));
  toast (self, message);
}

static void
reset_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DeskLetterView *self = DESK_LETTER_VIEW (widget);
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!desk_letter_reset (self->session, self->case_id, self->language, &error))
    {
      toast (self, error->message);
      return;
    }
  load_letter (self);
  toast (self, _ ("Back to the letter filled from the case"));
}

static void
replace_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskLetterView  *self = DESK_LETTER_VIEW (widget);
  guint            index = g_variant_get_uint32 (parameter);
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (self->text_view);
  DeskLintFinding *finding;
  g_autofree char *replacement = NULL;
  GtkTextIter      start, end;

  if (self->report == NULL || index >= self->report->findings->len)
    return;
  finding = self->report->findings->pdata[index];
  replacement = g_strdup (finding->replacement);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, finding->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, finding->end);
  /* Deleting a word: take one neighbouring space too. */
  if (!*replacement && gtk_text_iter_get_char (&end) == ' ')
    gtk_text_iter_forward_char (&end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (buffer);
  desk_letter_view_flush (self);
}

static void
reload_after_details (DeskLetterView *self)
{
  desk_letter_view_flush (self);
  if (self->letter && !self->letter->edited)
    load_letter (self);
  else
    toast (self, _ ("Saved. Your edited letter is kept: reset it to use the new details."));
}

static void
on_details_apply (DeskLetterView *self)
{
  g_autoptr (GError) error = NULL;
  DeskLetterDetails details = {
    (char *)gtk_editable_get_text (GTK_EDITABLE (self->seller_row)),
    (char *)gtk_editable_get_text (GTK_EDITABLE (self->store_row)),
    (char *)gtk_editable_get_text (GTK_EDITABLE (self->signer_row)),
  };

  if (!desk_letter_set_details (self->session, self->case_id, self->language, &details, &error))
    {
      toast (self, error->message);
      return;
    }
  reload_after_details (self);
}

static void
save_actions_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskLetterView  *self = DESK_LETTER_VIEW (widget);
  g_autofree char *text = buffer_text (self->actions_view);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GError) error = NULL;

  if (!desk_letter_set_actions (self->session, self->case_id, self->language, (const char *const *)lines, &error))
    {
      toast (self, error->message);
      return;
    }
  reload_after_details (self);
}

static void
desk_letter_view_dispose (GObject *object)
{
  DeskLetterView *self = DESK_LETTER_VIEW (object);

  if (self->session && self->save_source)
    desk_letter_view_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_LETTER_VIEW);
  g_clear_object (&self->kase);
  g_clear_object (&self->session);
  g_clear_pointer (&self->letter, desk_letter_free);
  g_clear_pointer (&self->report, desk_lint_report_free);
  g_clear_pointer (&self->language, g_free);
  G_OBJECT_CLASS (desk_letter_view_parent_class)->dispose (object);
}

static void
desk_letter_view_class_init (DeskLetterViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_letter_view_dispose;
  /* Referencing the resource keeps its object (and constructor) in the static library. */
  g_assert_nonnull (desk_get_resource ());
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-letter-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskLetterView, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskLetterView, language_box);
  gtk_widget_class_bind_template_child (widget_class, DeskLetterView, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskLetterView, state_label);
  gtk_widget_class_bind_template_child (widget_class, DeskLetterView, text_view);
  gtk_widget_class_bind_template_child (widget_class, DeskLetterView, findings_list);
  gtk_widget_class_bind_template_child (widget_class, DeskLetterView, seller_row);
  gtk_widget_class_bind_template_child (widget_class, DeskLetterView, store_row);
  gtk_widget_class_bind_template_child (widget_class, DeskLetterView, signer_row);
  gtk_widget_class_bind_template_child (widget_class, DeskLetterView, actions_view);
  gtk_widget_class_bind_template_callback (widget_class, on_details_apply);
  gtk_widget_class_install_action (widget_class, "letter.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "letter.reset", NULL, reset_activated);
  gtk_widget_class_install_action (widget_class, "letter.replace", "u", replace_activated);
  gtk_widget_class_install_action (widget_class, "letter.save-actions", NULL, save_actions_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "letter.copy", NULL);
}

static void
desk_letter_view_init (DeskLetterView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's top child, not bound: AdwBin unparents it itself. */
  self->toasts = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.reset", FALSE);
}

DeskLetterView *
desk_letter_view_new (void)
{
  return g_object_new (DESK_TYPE_LETTER_VIEW, NULL);
}
