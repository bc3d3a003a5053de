/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-attempts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-attempts.h"
#include "desk-case-section.h"
#include "desk-attempts-view.h"
#include "desk-gui-util.h"
#include "desk-checklist.h"
#include "desk-submission.h"
#include "desk-util.h"

struct _DeskAttemptsView
{
  AdwBin parent_instance;

  DeskSession *session;
  DeskStore   *store; /* the session's */
  DeskCase    *kase;

  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkWidget           *record_button;
};

static void case_section_iface_init (DeskCaseSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskAttemptsView, desk_attempts_view, ADW_TYPE_BIN, G_IMPLEMENT_INTERFACE (DESK_TYPE_CASE_SECTION, case_section_iface_init))

/* The record dialog's state; freed with the dialog. */
typedef struct
{
  DeskAttemptsView *self; /* weak: the case page may go first */
  AdwMessageDialog *dialog;
  GtkDropDown      *product; /* NULL when the case lists no product */
  GtkCheckButton   *report;  /* shown only when the rules ask for a report */
  GtkEntry         *ticket;
  GtkLabel         *more; /* findings after the first */
  GtkLabel         *gaps; /* missing required evidence */
  GtkExpander      *source_expander;
  GtkLabel         *source;
} RecordDialog;

static void
record_dialog_free (RecordDialog *rd)
{
  g_clear_weak_pointer (&rd->self);
  g_free (rd);
}

/* List */

static GtkWidget *
attempt_row (DeskAttemptRecord *r)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *when = desk_time_format_local (r->attempted_at);
  g_autofree char *subtitle = r->has_test_report
                                  /* Translators: "2026-03-10 16:00 · with a third-party test report" */
                                  ? g_strdup_printf (_ ("%s · with a third-party test report"), when)
                                  : g_strdup (when);
  g_autofree char *full = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 *r->product_id ? r->product_id : _ ("Whole case"));
  if (*r->ticket)
    {
      /* Translators: "2026-03-10 16:00 · ticket 778899" */
      g_autofree char *with_ticket = g_strdup_printf (_ ("%s · ticket %s"), subtitle, r->ticket);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_ticket);
    }
  full = *r->note ? g_strconcat (subtitle, "\n", r->note, NULL) : NULL;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), full ? full : subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("mail-send-symbolic"));
  return row;
}

static void
fill (DeskAttemptsView *self)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  gtk_widget_set_sensitive (self->record_button, self->kase != NULL);
  if (self->kase == NULL)
    return;
  if (!(records = desk_attempts_list (self->store, desk_case_get_id (self->kase), &error)))
    desk_gui_report_error (GTK_WIDGET (self), _ ("The appeal attempts could not be shown."), error);
  for (guint i = 0; records && i < records->len; i++)
    gtk_list_box_append (self->list, attempt_row (records->pdata[i]));
  if (records && records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No submission recorded yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ ("After you submit the appeal on the platform, record it here: the countdown stops and the case waits for the reply."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list, row);
    }
}

/* Record dialog */

static const char *
dialog_product (RecordDialog *rd)
{
  GtkStringObject *item;

  if (rd->product == NULL)
    return NULL;
  item = gtk_drop_down_get_selected_item (rd->product);
  return item ? gtk_string_object_get_string (item) : NULL;
}

static gboolean
dialog_test_report (RecordDialog *rd)
{
  return gtk_widget_get_visible (GTK_WIDGET (rd->report)) && gtk_check_button_get_active (rd->report);
}

/* "• a\n• b" */
static char *
bullet_list (const char *const *labels)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; labels[i]; i++)
    g_string_append_printf (text, "%s• %s", i ? "\n" : "", labels[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_gaps (RecordDialog        *rd,
           DeskSubmissionCheck *check)
{
  const char *const *missing = desk_submission_check_get_missing (check);
  const char *const *attention = desk_submission_check_get_needs_attention (check);
  g_autofree char   *missing_text = bullet_list (missing);
  g_autofree char   *attention_text = bullet_list (attention);
  g_autoptr (GString) text = g_string_new (NULL);

  if (missing[0])
    g_string_append_printf (text, "%s\n%s", _ ("Required evidence still missing:"), missing_text);
  if (attention[0])
    g_string_append_printf (text, "%s%s\n%s", text->len ? "\n\n" : "", _ ("Evidence that needs attention:"), attention_text);
  gtk_label_set_text (rd->gaps, text->str);
  gtk_widget_set_visible (GTK_WIDGET (rd->gaps), text->len > 0);
}

/* Findings after the first, and where the rules come from. */
static void
show_details (RecordDialog     *rd,
              DeskGuardVerdict *verdict)
{
  guint n = verdict ? desk_guard_verdict_get_n_findings (verdict) : 0;
  g_autoptr (GString) more = g_string_new (NULL);
  g_autoptr (GString) sources = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_printf (more, "%s• %s. %s", more->len ? "\n" : "",
                                desk_guard_verdict_get_finding_title (verdict, i),
                                desk_guard_verdict_get_finding_reason (verdict, i));
      g_string_append_printf (sources, "%s%s", sources->len ? "\n\n" : "",
                              desk_guard_verdict_get_finding_source (verdict, i));
    }
  gtk_label_set_text (rd->more, more->str);
  gtk_widget_set_visible (GTK_WIDGET (rd->more), more->len > 0);
  gtk_label_set_text (rd->source, sources->str);
  gtk_widget_set_visible (GTK_WIDGET (rd->source_expander), sources->len > 0);
}

static void
show_check (RecordDialog        *rd,
            DeskSubmissionCheck *check)
{
  DeskGuardVerdict *verdict = desk_submission_check_get_verdict (check);
  DeskGuardLevel    level = desk_submission_check_get_level (check);
  gboolean          findings = verdict && desk_guard_verdict_get_n_findings (verdict) > 0;
  gboolean          stop = level == DESK_GUARD_LEVEL_STOP;
  gboolean          gaps = desk_submission_check_get_missing (check)[0] != NULL;

  adw_message_dialog_set_heading (rd->dialog, findings ? desk_guard_verdict_get_finding_title (verdict, 0)
                                                       : _ ("Record Submission?"));
  if (findings)
    adw_message_dialog_set_body (rd->dialog, desk_guard_verdict_get_finding_reason (verdict, 0));
  else if (gaps)
    adw_message_dialog_set_body (rd->dialog, _ ("The platform’s appeal limits allow this appeal, but required evidence is missing: the platform may reject it."));
  else
    adw_message_dialog_set_body (rd->dialog, _ ("Nothing speaks against this appeal. Record it once you have submitted it: the case then waits for the platform’s reply."));
  show_details (rd, verdict);
  show_gaps (rd, check);
  gtk_widget_set_visible (GTK_WIDGET (rd->report), desk_submission_check_asks_test_report (check));
  adw_message_dialog_set_response_label (rd->dialog, "record", stop ? _ ("Record _Anyway") : _ ("_Record"));
  adw_message_dialog_set_response_appearance (rd->dialog, "record",
                                              stop                                     ? ADW_RESPONSE_DESTRUCTIVE
                                              : level == DESK_GUARD_LEVEL_WARN || gaps ? ADW_RESPONSE_DEFAULT
                                                                                       : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (rd->dialog, stop ? "cancel" : "record");
}

static void
update_check (RecordDialog *rd)
{
  DeskAttemptsView *self = rd->self;
  g_autoptr (DeskSubmissionCheck) check = NULL;
  g_autoptr (GError) error = NULL;
  DeskSubmission submission = { NULL };

  if (self == NULL || self->kase == NULL)
    return;
  submission.product_id = dialog_product (rd);
  submission.has_test_report = dialog_test_report (rd);
  if (!(check = desk_submission_check (self->session, self->kase, &submission, &error)))
    {
      adw_message_dialog_set_body (rd->dialog, error->message);
      return;
    }
  show_check (rd, check);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             RecordDialog     *rd)
{
  DeskAttemptsView *self = rd->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *done = NULL;
  DeskSubmission   submission = { NULL };

  if (g_strcmp0 (response, "record") != 0 || self == NULL || self->kase == NULL)
    return;
  submission.product_id = dialog_product (rd);
  submission.has_test_report = dialog_test_report (rd);
  submission.ticket = gtk_editable_get_text (GTK_EDITABLE (rd->ticket));
  if (desk_submission_record (self->session, self->kase, &submission, &error) == 0)
    {
      desk_gui_report_error (GTK_WIDGET (self), _ ("The appeal attempt was not recorded."), error);
      return;
    }
  fill (self);
  /* Translators: toast; %s is a platform, "Shopee" */
  done = g_strdup_printf (_ ("Submission recorded: the case now waits for %s’s reply"),
                          desk_platform_get_label (desk_case_get_platform (self->kase)));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", done);
}

static GtkWidget *
wrapping_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_labelled (GtkBox     *box,
              const char *mnemonic,
              GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (box, label);
  gtk_box_append (box, widget);
}

static GtkWidget *
build_extra (RecordDialog *rd)
{
  const char *const *products = desk_case_get_product_ids (rd->self->kase);
  GtkBox            *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));

  rd->more = GTK_LABEL (wrapping_label (NULL));
  gtk_box_append (box, GTK_WIDGET (rd->more));
  rd->gaps = GTK_LABEL (wrapping_label ("warning"));
  gtk_widget_set_margin_top (GTK_WIDGET (rd->gaps), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (rd->gaps), 6);
  gtk_widget_set_name (GTK_WIDGET (rd->gaps), "attempt-gaps");
  gtk_box_append (box, GTK_WIDGET (rd->gaps));
  rd->source = GTK_LABEL (wrapping_label ("dim-label"));
  gtk_widget_set_name (GTK_WIDGET (rd->source), "attempt-source");
  /* Translators: expander in the record dialog; reveals the article the rule comes from */
  rd->source_expander = GTK_EXPANDER (gtk_expander_new_with_mnemonic (_ ("_Where this rule comes from")));
  gtk_widget_set_name (GTK_WIDGET (rd->source_expander), "attempt-source-expander");
  gtk_expander_set_child (rd->source_expander, GTK_WIDGET (rd->source));
  gtk_box_append (box, GTK_WIDGET (rd->source_expander));
  if (products && products[0])
    {
      rd->product = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (products));
      gtk_widget_set_name (GTK_WIDGET (rd->product), "attempt-product");
      gtk_widget_set_margin_top (GTK_WIDGET (rd->product), 0);
      add_labelled (box, _ ("_Product"), GTK_WIDGET (rd->product));
      g_signal_connect_swapped (rd->product, "notify::selected", G_CALLBACK (update_check), rd);
    }
  rd->ticket = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (rd->ticket), "attempt-ticket");
  /* Translators: placeholder of the ticket number field */
  gtk_entry_set_placeholder_text (rd->ticket, _ ("Optional"));
  gtk_entry_set_activates_default (rd->ticket, TRUE);
  add_labelled (box, _ ("_Ticket or appeal number from the platform"), GTK_WIDGET (rd->ticket));
  rd->report = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_ ("A third-party _test report (e.g. SGS) is attached")));
  gtk_widget_set_name (GTK_WIDGET (rd->report), "attempt-test-report");
  gtk_box_append (box, GTK_WIDGET (rd->report));
  g_signal_connect_swapped (rd->report, "toggled", G_CALLBACK (update_check), rd);
  return GTK_WIDGET (box);
}

static void
refresh_case (DeskAttemptsView *self)
{
  g_autoptr (DeskCase) fresh = desk_store_get_case (self->store, desk_case_get_id (self->kase), NULL);

  if (fresh)
    g_set_object (&self->kase, fresh);
}

GtkWidget *
desk_attempts_view_open_record_dialog (DeskAttemptsView *self)
{
  RecordDialog *rd;
  GtkWidget    *dialog;

  g_return_val_if_fail (DESK_IS_ATTEMPTS_VIEW (self), NULL);
  g_return_val_if_fail (self->kase != NULL, NULL);

  /* The product ids may have been edited since the section was filled. */
  refresh_case (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, NULL);
  rd = g_new0 (RecordDialog, 1);
  g_set_weak_pointer (&rd->self, self);
  rd->dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_set_data_full (G_OBJECT (dialog), "desk-record-dialog", rd, (GDestroyNotify)record_dialog_free);
  adw_message_dialog_add_responses (rd->dialog, "cancel", _ ("_Cancel"), "record", _ ("_Record"), NULL);
  adw_message_dialog_set_close_response (rd->dialog, "cancel");
  adw_message_dialog_set_extra_child (rd->dialog, build_extra (rd));
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), rd);
  update_check (rd);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_record_clicked (DeskAttemptsView *self)
{
  if (self->kase)
    desk_attempts_view_open_record_dialog (self);
}

static void
desk_attempts_view_dispose (GObject *object)
{
  DeskAttemptsView *self = (DeskAttemptsView *)object;

  /* No gtk_widget_dispose_template(): the group is AdwBin's child, which
   * AdwBin unparents itself; doing it twice is a critical. */
  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (desk_attempts_view_parent_class)->dispose (object);
}

static void
desk_attempts_view_class_init (DeskAttemptsViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_attempts_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-attempts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskAttemptsView, group);
  gtk_widget_class_bind_template_child (widget_class, DeskAttemptsView, list);
  gtk_widget_class_bind_template_child (widget_class, DeskAttemptsView, record_button);
  gtk_widget_class_bind_template_callback (widget_class, on_record_clicked);
}

static void
desk_attempts_view_init (DeskAttemptsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DeskAttemptsView *
desk_attempts_view_new (void)
{
  return g_object_new (DESK_TYPE_ATTEMPTS_VIEW, NULL);
}

void
desk_attempts_view_set_case (DeskAttemptsView *self,
                             DeskSession      *session,
                             gint64            case_id)
{
  DeskStore *store = session ? desk_session_get_store (session) : NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (DESK_IS_ATTEMPTS_VIEW (self));
  g_set_object (&self->session, session);
  g_set_object (&self->store, store);
  g_clear_object (&self->kase);
  if (store && case_id > 0 && !(self->kase = desk_store_get_case (store, case_id, &error)))
    desk_gui_report_error (GTK_WIDGET (self), _ ("The case could not be opened."), error);
  fill (self);
}

static void
case_section_iface_init (DeskCaseSectionInterface *iface)
{
  iface->set_case = (DeskCaseSectionSetCase)desk_attempts_view_set_case;
}
