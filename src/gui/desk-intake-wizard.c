/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-intake-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-checklist.h"
#include "desk-intake-wizard-private.h"
#include "desk-util.h"

G_DEFINE_FINAL_TYPE (DeskIntakeWizard, desk_intake_wizard, ADW_TYPE_WINDOW)

enum
{
  CASE_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *page_names[DESK_WIZARD_N_PAGES] = {
  "notice",
  "platform",
  "type",
  "products",
  "deadline",
  "summary",
};

static void
name_buttons (DeskIntakeWizard *self)
{
  _desk_intake_wizard_set_name (self->cancel_button, _ ("Cancel"), _ ("Closes the window; asks first if you entered something"));
  _desk_intake_wizard_set_name (self->back_button, _ ("Back"), NULL);
  _desk_intake_wizard_set_name (self->next_button, _ ("Next"), NULL);
  _desk_intake_wizard_set_name (self->create_button, _ ("Create"), NULL);
  _desk_intake_wizard_set_name (self->read_button, _ ("Read notice"), NULL);
}

static void
focus_first_control (DeskIntakeWizard *self)
{
  switch (self->page)
    {
      case DESK_WIZARD_PAGE_PLATFORM:
      case DESK_WIZARD_PAGE_CASE_TYPE:
        _desk_intake_wizard_focus_choice (self, self->page);
        break;
      case DESK_WIZARD_PAGE_NOTICE:
        gtk_widget_grab_focus (GTK_WIDGET (self->notice_view));
        break;
      case DESK_WIZARD_PAGE_PRODUCTS:
        gtk_widget_grab_focus (GTK_WIDGET (self->add_product_row));
        break;
      case DESK_WIZARD_PAGE_DEADLINE:
        gtk_widget_grab_focus (GTK_WIDGET (self->received_row));
        break;
      case DESK_WIZARD_PAGE_SUMMARY:
        gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
        break;
      default:
        g_assert_not_reached ();
    }
}

static void
enter_page (DeskIntakeWizard *self)
{
  if (self->page == DESK_WIZARD_PAGE_PLATFORM)
    _desk_intake_wizard_choose_from_notice (self);
  else if (self->page == DESK_WIZARD_PAGE_CASE_TYPE)
    _desk_intake_wizard_fill_types (self);
  else if (self->page == DESK_WIZARD_PAGE_NOTICE)
    _desk_intake_wizard_update_suggestion (self);
  else if (self->page == DESK_WIZARD_PAGE_DEADLINE)
    _desk_intake_wizard_update_deadline (self);
  else if (self->page == DESK_WIZARD_PAGE_SUMMARY)
    _desk_intake_wizard_fill_summary (self);
}

static void
go_to_page (DeskIntakeWizard *self,
            DeskWizardPage    page)
{
  g_autofree char *step = NULL;

  self->page = page;
  enter_page (self);
  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  /* Translators: shown under the window title, e.g. "Step 2 of 6" */
  step = g_strdup_printf (_ ("Step %u of %u"), page + 1, DESK_WIZARD_N_PAGES);
  gtk_label_set_text (self->step_label, step);
  _desk_intake_wizard_update_buttons (self);
  focus_first_control (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DeskIntakeWizard *self = DESK_INTAKE_WIZARD (widget);

  if (self->page < DESK_WIZARD_PAGE_SUMMARY && _desk_intake_wizard_page_is_valid (self, self->page))
    go_to_page (self, self->page + 1);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DeskIntakeWizard *self = DESK_INTAKE_WIZARD (widget);

  if (self->page > 0)
    go_to_page (self, self->page - 1);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Ctrl+Enter: next step, or create on the last one (Enter alone goes into
 * the notice text). */
static void
advance_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  DeskIntakeWizard *self = DESK_INTAKE_WIZARD (widget);

  gtk_widget_activate_action (widget,
                              self->page == DESK_WIZARD_PAGE_SUMMARY ? "wizard.create" : "wizard.next",
                              NULL);
}

static DeskCase *
build_case (DeskIntakeWizard *self)
{
  g_autofree char *title = _desk_intake_wizard_entry_text (self->title_row);
  g_autofree char *case_id = _desk_intake_wizard_entry_text (self->case_id_row);
  g_autofree char *code = _desk_intake_wizard_entry_text (self->code_row);
  g_autofree char *notice = _desk_intake_wizard_get_notice_text (self);
  DeskCase        *kase = desk_case_new (self->platform, self->case_type, title);

  desk_case_set_platform_case_id (kase, *case_id ? case_id : NULL);
  desk_case_set_violation_code (kase, *code ? code : NULL);
  desk_case_set_notice_text (kase, *notice ? notice : NULL);
  desk_case_set_product_ids (kase, _desk_intake_wizard_get_products (self));
  desk_case_set_received_at (kase, self->received_at);
  desk_case_set_deadline_at (kase, self->deadline_at);
  return kase; /* desk_intake_create_case() stamps the rule pack version */
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DeskIntakeWizard *self = DESK_INTAKE_WIZARD (widget);
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (!_desk_intake_wizard_all_pages_valid (self))
    return;
  kase = build_case (self);
  /* The case, its checklist and the note go in together: if anything fails,
   * nothing is saved, and pressing Create once more leaves no duplicate. */
  if (!desk_intake_create_case (self->session, kase, DESK_INTAKE_ORIGIN_WIZARD,
                                self->deadline_basis, NULL, &error))
    {
      _desk_intake_wizard_toast (self, error->message);
      return;
    }
  id = desk_case_get_id (kase);
  g_signal_emit (self, signals[CASE_CREATED], 0, id);
  self->discard_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
has_data (DeskIntakeWizard *self)
{
  g_autofree char *notice = _desk_intake_wizard_get_notice_text (self);

  return self->platform != DESK_PLATFORM_UNKNOWN
         || self->case_type != DESK_CASE_TYPE_UNKNOWN
         || *notice != '\0'
         || self->products->len > 0
         || *gtk_editable_get_text (GTK_EDITABLE (self->case_id_row)) != '\0'
         || *gtk_editable_get_text (GTK_EDITABLE (self->code_row)) != '\0';
}

static gboolean
destroy_in_idle (gpointer user_data)
{
  gtk_window_destroy (user_data);
  return G_SOURCE_REMOVE;
}

/* The dialog closes itself after the response; the wizard goes once it has. */
static void
on_discard_response (DeskIntakeWizard *self,
                     const char       *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discard_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_in_idle, g_object_ref (self), g_object_unref);
}

static void
ask_discard (DeskIntakeWizard *self)
{
  GtkWidget *dialog;

  if (self->discard_dialog)
    {
      gtk_window_present (GTK_WINDOW (self->discard_dialog));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Discard this case?"),
                                   _ ("What you entered in this window will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _ ("_Keep Editing"),
                                    "discard", _ ("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self,
                           G_CONNECT_SWAPPED);
  self->discard_dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->discard_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
desk_intake_wizard_close_request (GtkWindow *window)
{
  DeskIntakeWizard *self = DESK_INTAKE_WIZARD (window);

  if (self->discard_confirmed || !has_data (self))
    return GTK_WINDOW_CLASS (desk_intake_wizard_parent_class)->close_request (window);
  ask_discard (self);
  return TRUE;
}

static void
desk_intake_wizard_dispose (GObject *object)
{
  DeskIntakeWizard *self = (DeskIntakeWizard *)object;

  _desk_intake_wizard_notice_dispose (self);
  _desk_intake_wizard_deadline_dispose (self);
  _desk_intake_wizard_choice_dispose (self);
  if (self->discard_dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->discard_dialog), (gpointer *)&self->discard_dialog);
      gtk_window_destroy (GTK_WINDOW (self->discard_dialog));
      self->discard_dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_INTAKE_WIZARD);
  g_clear_object (&self->session);
  g_clear_object (&self->registry);
  G_OBJECT_CLASS (desk_intake_wizard_parent_class)->dispose (object);
}

static void
desk_intake_wizard_finalize (GObject *object)
{
  DeskIntakeWizard *self = (DeskIntakeWizard *)object;

  g_clear_pointer (&self->type_rows, g_ptr_array_unref);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->platform_checks, g_ptr_array_unref);
  g_clear_pointer (&self->product_rows, g_ptr_array_unref);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->checklist_rows, g_ptr_array_unref);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_clear_pointer (&self->deadline_at, g_date_time_unref);
  g_clear_pointer (&self->filled_case_id, g_free);
  g_clear_pointer (&self->filled_code, g_free);
  G_OBJECT_CLASS (desk_intake_wizard_parent_class)->finalize (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-intake-wizard.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, DeskIntakeWizard, name)
  BIND (window_title);
  BIND (step_label);
  BIND (cancel_button);
  BIND (back_button);
  BIND (next_button);
  BIND (create_button);
  BIND (toast_overlay);
  BIND (stack);
  BIND (platform_group);
  BIND (type_group);
  BIND (notice_view);
  BIND (decode_spinner);
  BIND (read_button);
  BIND (suggestion_row);
  BIND (suggestion_button);
  BIND (case_id_row);
  BIND (code_row);
  BIND (reading_view);
  BIND (confidence_label);
  BIND (add_product_row);
  BIND (add_product_button);
  BIND (products_group);
  BIND (no_products_row);
  BIND (received_row);
  BIND (deadline_row);
  BIND (basis_row);
  BIND (reset_deadline_button);
  BIND (countdown_label);
  BIND (title_row);
  BIND (summary_group);
  BIND (checklist_group);
#undef BIND
}

static void
desk_intake_wizard_class_init (DeskIntakeWizardClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_intake_wizard_dispose;
  object_class->finalize = desk_intake_wizard_finalize;
  window_class->close_request = desk_intake_wizard_close_request;

  signals[CASE_CREATED] = g_signal_new ("case-created", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (DESK_TYPE_NOTICE_READING_VIEW);
  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "wizard.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "wizard.advance", NULL, advance_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "wizard.advance", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "wizard.advance", NULL);
}

static void
on_title_changed (DeskIntakeWizard *self)
{
  if (!self->updating)
    self->title_edited = TRUE;
  _desk_intake_wizard_update_buttons (self);
}

static void
desk_intake_wizard_init (DeskIntakeWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_buttons (self);
  self->products = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->platform_checks = g_ptr_array_new ();
  self->product_rows = g_ptr_array_new ();
  self->type_rows = g_ptr_array_new ();
  self->summary_rows = g_ptr_array_new ();
  self->checklist_rows = g_ptr_array_new ();
  self->received_at = g_date_time_new_now_utc ();
  self->received_valid = TRUE;
  self->deadline_valid = TRUE;
  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (on_title_changed), self,
                           G_CONNECT_SWAPPED);
}

DeskIntakeWizard *
desk_intake_wizard_new (GtkWindow   *parent,
                        DeskSession *session)
{
  DeskIntakeWizard *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);

  self = g_object_new (DESK_TYPE_INTAKE_WIZARD, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->registry = g_object_ref (desk_session_get_rules (session));
  _desk_intake_wizard_choice_init (self);
  _desk_intake_wizard_notice_init (self);
  _desk_intake_wizard_deadline_init (self);
  go_to_page (self, DESK_WIZARD_PAGE_NOTICE);
  return self;
}

/* Test hooks */

DeskWizardPage
_desk_intake_wizard_get_page (DeskIntakeWizard *self)
{
  return self->page;
}

GDateTime *
_desk_intake_wizard_get_received (DeskIntakeWizard *self)
{
  return self->received_at;
}

GDateTime *
_desk_intake_wizard_get_deadline (DeskIntakeWizard *self)
{
  return self->deadline_at;
}

DeskIntakeSource
_desk_intake_wizard_get_deadline_basis (DeskIntakeWizard *self)
{
  return self->deadline_basis;
}

AdwMessageDialog *
_desk_intake_wizard_get_discard_dialog (DeskIntakeWizard *self)
{
  return self->discard_dialog;
}
