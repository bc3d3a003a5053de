/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-attempts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-attempts.h"
#include "desk-case-section.h"
#include "desk-attempts-view.h"
#include "desk-gui-util.h"
#include "desk-checklist.h"
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
  GtkCheckButton   *report;
} RecordDialog;

static void
record_dialog_free (RecordDialog *rd)
{
  g_clear_weak_pointer (&rd->self);
  g_free (rd);
}

static DeskRulePack *
get_pack (DeskAttemptsView *self)
{
  return desk_session_get_pack (self->session, desk_case_get_platform (self->kase));
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
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  GtkWidget       *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  gtk_widget_set_sensitive (self->record_button, self->kase != NULL);
  if (self->kase == NULL)
    return;
  if (get_pack (self))
    {
      label = desk_rule_pack_get_label (get_pack (self));
      /* Translators: %s is e.g. "AliExpress rules v1.0 (effective 2026-03-12)" */
      description = g_strdup_printf (_ ("Each new appeal is checked against %s before it is recorded."), label);
    }
  adw_preferences_group_set_description (self->group, description);
  if (!(records = desk_attempts_list (self->store, desk_case_get_id (self->kase), &error)))
    desk_gui_report_error (GTK_WIDGET (self), _ ("The appeal attempts could not be shown."), error);
  for (guint i = 0; records && i < records->len; i++)
    gtk_list_box_append (self->list, attempt_row (records->pdata[i]));
  if (records && records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No appeal attempts recorded yet"));
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

static const char *
verdict_heading (DeskGuardLevel level)
{
  switch (level)
    {
      case DESK_GUARD_LEVEL_STOP:
        return _ ("The Platform Punishes This Appeal");
      case DESK_GUARD_LEVEL_WARN:
        return _ ("This Appeal Is Risky");
      case DESK_GUARD_LEVEL_INFO:
        return _ ("Record Appeal Attempt?");
      case DESK_GUARD_LEVEL_OK:
      default:
        return _ ("Record Appeal Attempt?");
    }
}

static void
show_verdict (RecordDialog     *rd,
              DeskGuardVerdict *verdict)
{
  DeskGuardLevel level = verdict ? desk_guard_verdict_get_level (verdict) : DESK_GUARD_LEVEL_OK;
  const char    *message = verdict ? desk_guard_verdict_get_message (verdict) : "";
  gboolean       stop = level == DESK_GUARD_LEVEL_STOP;

  adw_message_dialog_set_heading (rd->dialog, verdict_heading (level));
  adw_message_dialog_set_body (rd->dialog, *message ? message
                                                    : _ ("The attempt guard found nothing against this appeal."));
  adw_message_dialog_set_response_label (rd->dialog, "record", stop ? _ ("Record _Anyway") : _ ("_Record"));
  adw_message_dialog_set_response_appearance (rd->dialog, "record",
                                              stop                             ? ADW_RESPONSE_DESTRUCTIVE
                                              : level == DESK_GUARD_LEVEL_WARN ? ADW_RESPONSE_DEFAULT
                                                                               : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (rd->dialog, stop ? "cancel" : "record");
}

static void
update_verdict (RecordDialog *rd)
{
  DeskAttemptsView *self = rd->self;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (DeskGuardVerdict) verdict = NULL;
  g_autoptr (GError) error = NULL;
  DeskRulePack *pack;

  if (self == NULL || self->kase == NULL)
    return;
  pack = get_pack (self);
  if (pack == NULL)
    {
      show_verdict (rd, NULL);
      adw_message_dialog_set_body (rd->dialog, _ ("No rule pack for this platform: the attempt guard cannot check this appeal."));
      return;
    }
  verdict = desk_attempts_check (self->store, pack, self->kase, dialog_product (rd),
                                 gtk_check_button_get_active (rd->report), now, &error);
  if (verdict == NULL)
    desk_gui_report_error (GTK_WIDGET (self), _ ("The appeal could not be checked against the rules."), error);
  show_verdict (rd, verdict);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             RecordDialog     *rd)
{
  DeskAttemptsView *self = rd->self;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "record") != 0 || self == NULL || self->kase == NULL)
    return;
  if (desk_attempts_record (self->store, self->kase, dialog_product (rd),
                            gtk_check_button_get_active (rd->report), NULL, NULL, &error)
      == 0)
    {
      desk_gui_report_error (GTK_WIDGET (self), _ ("The appeal attempt was not recorded."), error);
      return;
    }
  fill (self);
}

static GtkWidget *
build_extra (RecordDialog *rd)
{
  const char *const *products = desk_case_get_product_ids (rd->self->kase);
  GtkWidget         *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  if (products && products[0])
    {
      GtkWidget *label = gtk_label_new_with_mnemonic (_ ("_Product"));

      rd->product = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (products));
      gtk_widget_set_name (GTK_WIDGET (rd->product), "attempt-product");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (rd->product));
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (rd->product));
      g_signal_connect_swapped (rd->product, "notify::selected", G_CALLBACK (update_verdict), rd);
    }
  rd->report = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_ ("A third-party _test report (e.g. SGS) is attached")));
  gtk_widget_set_name (GTK_WIDGET (rd->report), "attempt-test-report");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rd->report));
  g_signal_connect_swapped (rd->report, "toggled", G_CALLBACK (update_verdict), rd);
  return box;
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
  update_verdict (rd);
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
case_section_set_case (DeskCaseSection *section,
                       DeskSession     *session,
                       gint64           case_id)
{
  desk_attempts_view_set_case (DESK_ATTEMPTS_VIEW (section), session, case_id);
}

static void
case_section_iface_init (DeskCaseSectionInterface *iface)
{
  iface->set_case = case_section_set_case;
}
