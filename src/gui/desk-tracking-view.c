/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-tracking-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-closure.h"
#include "desk-evidence-store.h"
#include "desk-evidence-viewer.h"
#include "desk-evidence.h"
#include "desk-reply.h"
#include "desk-report.h"
#include "desk-session.h"
#include "desk-timeline.h"
#include "desk-tracking-view.h"
#include "desk-case-section.h"
#include "desk-util.h"

struct _DeskTrackingView
{
  AdwBin parent_instance;

  DeskSession  *session;
  DeskStore    *store; /* the session's */
  DeskCase     *kase;
  GCancellable *report_cancellable;
  GFile        *report_file; /* being written */

  GtkListBox     *timeline_list;
  GtkListBox     *outcome_list;
  AdwActionRow   *closure_row;
  GtkButton      *close_button;
  AdwComboRow    *language_row;
  GtkProgressBar *report_progress;
  GtkButton      *report_button;
  GPtrArray      *follow_up_rows;
};

static void case_section_iface_init (DeskCaseSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskTrackingView, desk_tracking_view, ADW_TYPE_BIN, G_IMPLEMENT_INTERFACE (DESK_TYPE_CASE_SECTION, case_section_iface_init))

/* What a dialog needs after it answers. */
typedef struct
{
  DeskTrackingView *self; /* weak */
  DeskTimelineKind  kind;
  gint64            entry_id; /* editing, or 0 */
  GtkTextView      *text;
  GtkDropDown      *outcome;
  GtkDropDown      *cause;
  GtkEntry         *note;
  GtkEntry         *follow_up;
  GtkEntry         *due;
  GStrv             cause_ids;
  GPtrArray        *attach; /* GtkCheckButton*, data "desk-evidence-id" */
} Dialog;

static void
dialog_free (Dialog *d)
{
  g_clear_weak_pointer (&d->self);
  g_strfreev (d->cause_ids);
  g_clear_pointer (&d->attach, g_ptr_array_unref);
  g_free (d);
}

static void
add_toast (DeskTrackingView *self,
           AdwToast         *t)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (g_object_ref_sink (t));
}

static void
toast (DeskTrackingView *self,
       const char       *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 5);
  add_toast (self, t);
}

typedef struct
{
  DeskTrackingView *self; /* weak */
  gint64            entry_id;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_clear_weak_pointer (&undo->self);
  g_free (undo);
}

static void
on_undo_clicked (AdwToast *t,
                 Undo     *undo)
{
  g_autoptr (GError) error = NULL;

  if (undo->self && !desk_timeline_restore (undo->self->store, undo->entry_id, &error))
    toast (undo->self, error->message);
}

static void
toast_undo (DeskTrackingView *self,
            const char       *text,
            gint64            entry_id)
{
  AdwToast *t = adw_toast_new (text);
  Undo     *undo = g_new0 (Undo, 1);

  g_set_weak_pointer (&undo->self, self);
  undo->entry_id = entry_id;
  adw_toast_set_timeout (t, 8);
  adw_toast_set_button_label (t, _ ("_Undo"));
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (on_undo_clicked), undo, undo_free, 0);
  add_toast (self, t);
}

static void
refresh_case (DeskTrackingView *self)
{
  g_autoptr (DeskCase) fresh = NULL;

  if (self->kase && (fresh = desk_store_get_case (self->store, desk_case_get_id (self->kase), NULL)))
    g_set_object (&self->kase, fresh);
}

static GtkWidget *
entry_row (DeskTrackingView  *self,
           DeskTimelineEntry *e)
{
  DeskTimelineKind kind = desk_timeline_entry_get_kind (e);
  g_autofree char *when = desk_time_format_local (e->at);
  g_autofree char *line = kind == DESK_TIMELINE_STATUS || !*e->text ? desk_timeline_entry_describe (e) : g_strdup (e->text);
  g_autofree char *title = g_strdup_printf ("%s · %s", when, desk_timeline_kind_get_label (kind));
  /* A reply can be 20 000 characters: the row shows its start. */
  g_autofree char *subtitle = g_utf8_substring (line, 0, MIN (g_utf8_strlen (line, -1), 400));
  GtkWidget       *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (desk_timeline_kind_is_manual (kind))
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (edit, _ ("Edit this entry"));
      gtk_widget_set_tooltip_text (remove, _ ("Delete this entry"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Edit entry"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Delete entry"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "tracking.edit");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit), g_variant_new_int64 (e->id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "tracking.delete");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_int64 (e->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  return row;
}

static void
fill_timeline (DeskTrackingView *self)
{
  g_autoptr (GPtrArray) entries = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))))
    gtk_list_box_remove (self->timeline_list, child);
  if (self->kase == NULL)
    return;
  entries = desk_store_list_timeline (self->store, desk_case_get_id (self->kase), NULL);
  /* Newest first: what the seller looks for after a reply. */
  for (guint i = entries ? entries->len : 0; i-- > 0;)
    gtk_list_box_append (self->timeline_list, entry_row (self, entries->pdata[i]));
}

static const DeskCaseRules *
case_rules (DeskTrackingView *self)
{
  DeskRulePack *pack = desk_session_get_pack (self->session, desk_case_get_platform (self->kase));

  return pack ? desk_rule_pack_get_case_rules (pack, desk_case_get_case_type (self->kase)) : NULL;
}

static void
fill_outcome (DeskTrackingView *self)
{
  g_autoptr (DeskClosure) closure = NULL;
  g_autoptr (GPtrArray) follow_ups = NULL;
  gint64 id = desk_case_get_id (self->kase);

  for (guint i = 0; i < self->follow_up_rows->len; i++)
    gtk_list_box_remove (self->outcome_list, self->follow_up_rows->pdata[i]);
  g_ptr_array_set_size (self->follow_up_rows, 0);
  closure = desk_closure_get (self->store, id, NULL);
  if (closure)
    {
      const DeskCaseRules *rules = case_rules (self);
      const char          *cause = rules ? desk_case_rules_find_root_cause (rules, closure->root_cause, DESK_RULE_LANGUAGE_CURRENT) : NULL;
      g_autofree char     *title = g_strdup_printf (_ ("Closed: %s"), desk_outcome_get_label (closure->outcome));
      g_autofree char     *subtitle = g_strdup_printf ("%s%s%s", cause ? cause : "", cause && *closure->root_cause_note ? " — " : "",
                                                       closure->root_cause_note);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->closure_row), title);
      adw_action_row_set_subtitle (self->closure_row, subtitle);
      gtk_button_set_label (self->close_button, _ ("_Re-open…"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->closure_row), _ ("Not closed yet"));
      adw_action_row_set_subtitle (self->closure_row, _ ("When the platform has decided, close the case with its outcome and what caused it."));
      gtk_button_set_label (self->close_button, _ ("_Close Case…"));
    }
  follow_ups = desk_follow_ups_list (self->store, id, NULL);
  for (guint i = 0; follow_ups && i < follow_ups->len; i++)
    {
      DeskFollowUp *f = follow_ups->pdata[i];
      GtkWidget    *row = adw_action_row_new ();
      GtkWidget    *check = gtk_check_button_new ();
      g_autoptr (GDateTime) local = f->due_at ? g_date_time_to_local (f->due_at) : NULL;
      /* Due dates are usually whole days. */
      g_autofree char *due = local == NULL ? NULL
                             : g_date_time_get_hour (local) || g_date_time_get_minute (local)
                                 ? desk_time_format_local (f->due_at)
                                 : g_date_time_format (local, "%Y-%m-%d");
      g_autofree char *subtitle = due ? g_strdup_printf (_ ("Follow-up, due %s"), due) : g_strdup (_ ("Follow-up"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), f->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), f->done_at != NULL);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Done"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "tracking.toggle-follow-up");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (check), g_variant_new_int64 (f->id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->outcome_list, row);
      g_ptr_array_add (self->follow_up_rows, row);
    }
}

static void
fill (DeskTrackingView *self)
{
  fill_timeline (self);
  if (self->kase)
    fill_outcome (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->kase != NULL);
}

/* Any change to this case's timeline, status or closure, from here or
 * elsewhere (the attempts section logs submissions too). */
static void
on_session_changed (DeskTrackingView *self,
                    const char       *part,
                    gint64            case_id)
{
  if (self->kase && (case_id == 0 || case_id == desk_case_get_id (self->kase)))
    {
      refresh_case (self);
      fill (self);
    }
}

/* Dialogs */

static GtkWidget *
labelled (GtkWidget  *box,
          const char *mnemonic,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return widget;
}

static GtkTextView *
text_area (GtkWidget  *box,
           const char *mnemonic,
           const char *text)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 140);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);
  return GTK_TEXT_VIEW (view);
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static AdwMessageDialog *
new_dialog (DeskTrackingView *self,
            Dialog          **out,
            const char       *heading,
            const char       *body,
            const char       *response,
            const char       *response_label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  Dialog    *d = g_new0 (Dialog, 1);

  g_set_weak_pointer (&d->self, self);
  g_object_set_data_full (G_OBJECT (dialog), "desk-tracking-dialog", d, (GDestroyNotify)dialog_free);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), response, response_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  *out = d;
  return ADW_MESSAGE_DIALOG (dialog);
}

/* The case's evidence to tick as attachments (a receipt screenshot, a file
 * the platform sent): add files in the Evidence section first. */
static void
add_attach_choices (DeskTrackingView *self,
                    Dialog           *d,
                    GtkWidget        *box)
{
  g_autoptr (GPtrArray) items = desk_evidence_list_for_case (self->store, desk_case_get_id (self->kase), NULL);
  GtkWidget *expander, *list;

  if (items == NULL || items->len == 0)
    return;
  expander = gtk_expander_new_with_mnemonic (_ ("_Attach evidence of this case"));
  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  d->attach = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *name = desk_evidence_dup_display_name (items->pdata[i]);
      GtkWidget       *check = gtk_check_button_new_with_label (name);

      g_object_set_data (G_OBJECT (check), "desk-evidence-id", GSIZE_TO_POINTER ((gsize)desk_evidence_get_id (items->pdata[i])));
      gtk_box_append (GTK_BOX (list), check);
      g_ptr_array_add (d->attach, check);
    }
  gtk_widget_set_name (expander, "tracking-attach");
  gtk_expander_set_child (GTK_EXPANDER (expander), list);
  gtk_box_append (GTK_BOX (box), expander);
}

/* 0-terminated ids of the ticked evidence. */
static gint64 *
attached_ids (Dialog *d)
{
  gint64 *ids = g_new0 (gint64, (d->attach ? d->attach->len : 0) + 1);
  guint   n = 0;

  for (guint i = 0; d->attach && i < d->attach->len; i++)
    if (gtk_check_button_get_active (d->attach->pdata[i]))
      ids[n++] = GPOINTER_TO_SIZE (g_object_get_data (d->attach->pdata[i], "desk-evidence-id"));
  return ids;
}

static void
on_log_response (AdwMessageDialog *dialog,
                 const char       *response,
                 Dialog           *d)
{
  g_autoptr (GError) error = NULL;
  g_autofree char   *text = NULL;
  g_autofree gint64 *ids = NULL;
  gboolean           ok;

  if (g_strcmp0 (response, "save") != 0 || d->self == NULL || d->self->kase == NULL)
    return;
  text = text_of (d->text);
  ids = attached_ids (d);
  if (d->entry_id)
    ok = desk_timeline_edit (d->self->store, d->entry_id, NULL, text, NULL, &error);
  else
    ok = desk_timeline_add (d->self->store, desk_case_get_id (d->self->kase), d->kind, NULL, text, NULL, ids, &error) > 0;
  if (!ok)
    toast (d->self, error->message);
}

static GtkWidget *
open_text_dialog (DeskTrackingView *self,
                  DeskTimelineKind  kind,
                  gint64            entry_id,
                  const char       *text)
{
  Dialog           *d;
  GtkWidget        *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char  *heading = g_strdup_printf (entry_id ? _ ("Edit: %s") : _ ("Log: %s"), desk_timeline_kind_get_label (kind));
  AdwMessageDialog *dialog = new_dialog (self, &d, heading, NULL, "save", entry_id ? _ ("_Save") : _ ("_Log"));

  d->kind = kind;
  d->entry_id = entry_id;
  d->text = text_area (box, kind == DESK_TIMELINE_CALL ? _ ("_Who, what was said, ticket number") : _ ("_Text"), text);
  gtk_widget_set_name (GTK_WIDGET (d->text), "tracking-text");
  if (entry_id == 0)
    add_attach_choices (self, d, box);
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect (dialog, "response", G_CALLBACK (on_log_response), d);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

GtkWidget *
desk_tracking_view_open_log_dialog (DeskTrackingView *self,
                                    const char       *kind)
{
  g_return_val_if_fail (DESK_IS_TRACKING_VIEW (self) && self->kase, NULL);
  return open_text_dialog (self, desk_timeline_kind_from_id (kind), 0, NULL);
}

static void
on_reply_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Dialog           *d)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr (DeskReply) reply = NULL;
  g_autoptr (DeskCase) kase = NULL;
  g_autofree char   *message = NULL;
  g_autofree gint64 *ids = NULL;
  DeskRulePack      *pack;

  if (g_strcmp0 (response, "save") != 0 || d->self == NULL || d->self->kase == NULL)
    return;
  refresh_case (d->self);
  text = text_of (d->text);
  pack = desk_session_get_pack (d->self->session, desk_case_get_platform (d->self->kase));
  reply = desk_reply_decode (text, NULL, pack, desk_case_get_case_type (d->self->kase));
  /* Our own reference: the store's change signal replaces self->kase meanwhile. */
  kase = g_object_ref (d->self->kase);
  ids = attached_ids (d);
  if (!desk_reply_record (d->self->store, kase, reply, ids, &error))
    {
      toast (d->self, error->message);
      return;
    }
  if (reply->second_appeal_until)
    {
      g_autofree char *until = desk_time_format_local (reply->second_appeal_until);
      /* Translators: toast after logging a reply; %s is "Rejected", then a date */
      message = g_strdup_printf (_ ("Reply logged: %s. A further appeal is possible until %s."),
                                 desk_reply_verdict_get_label (reply->verdict), until);
    }
  else
    /* Translators: toast after logging a reply; %s is e.g. "Accepted" */
    message = g_strdup_printf (_ ("Reply logged: %s."), desk_reply_verdict_get_label (reply->verdict));
  toast (d->self, message);
}

GtkWidget *
desk_tracking_view_open_reply_dialog (DeskTrackingView *self)
{
  Dialog           *d;
  GtkWidget        *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  AdwMessageDialog *dialog;

  g_return_val_if_fail (DESK_IS_TRACKING_VIEW (self) && self->kase, NULL);
  dialog = new_dialog (self, &d, _ ("Log the Platform’s Reply"),
                       _ ("Paste the reply exactly as you received it. Appeal Desk reads the verdict, the reasons and any new deadline from it."),
                       "save", _ ("_Log Reply"));
  d->kind = DESK_TIMELINE_REPLY;
  d->text = text_area (box, _ ("_Reply"), NULL);
  gtk_widget_set_name (GTK_WIDGET (d->text), "tracking-reply");
  add_attach_choices (self, d, box);
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect (dialog, "response", G_CALLBACK (on_reply_response), d);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static GDateTime *
parse_day (const char *text)
{
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *iso = g_strconcat (text, "T00:00:00", NULL);

  return *text ? g_date_time_new_from_iso8601 (iso, local) : NULL;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Dialog           *d)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_follow_up_free);
  g_autoptr (GDateTime) due = NULL;
  g_autoptr (DeskCase) kase = NULL;
  const char *action = gtk_editable_get_text (GTK_EDITABLE (d->follow_up));
  const char *due_text = gtk_editable_get_text (GTK_EDITABLE (d->due));
  guint       cause = gtk_drop_down_get_selected (d->cause);

  if (g_strcmp0 (response, "save") != 0 || d->self == NULL || d->self->kase == NULL)
    return;
  refresh_case (d->self);
  if (*due_text && !(due = parse_day (due_text)))
    {
      toast (d->self, _ ("Write the due date like 2026-04-30."));
      return;
    }
  if (*action)
    g_ptr_array_add (follow_ups, desk_follow_up_new (action, due));
  kase = g_object_ref (d->self->kase);
  if (!desk_closure_close (d->self->store, kase, gtk_drop_down_get_selected (d->outcome) + 1,
                           d->cause_ids && cause < g_strv_length (d->cause_ids) ? d->cause_ids[cause] : NULL,
                           gtk_editable_get_text (GTK_EDITABLE (d->note)), follow_ups, NULL, &error))
    toast (d->self, error->message);
}

static GtkDropDown *
cause_dropdown (DeskTrackingView *self,
                Dialog           *d)
{
  const DeskCaseRules *rules = case_rules (self);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; rules && i < desk_case_rules_get_n_root_causes (rules); i++)
    {
      gtk_string_list_append (labels, desk_case_rules_get_root_cause_label (rules, i, DESK_RULE_LANGUAGE_CURRENT));
      g_strv_builder_add (ids, desk_case_rules_get_root_cause_id (rules, i));
    }
  gtk_string_list_append (labels, _ ("Something else (describe it below)"));
  d->cause_ids = g_strv_builder_end (ids);
  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
}

GtkWidget *
desk_tracking_view_open_close_dialog (DeskTrackingView *self)
{
  const char *const outcomes[] = { desk_outcome_get_label (DESK_OUTCOME_RESTORED), desk_outcome_get_label (DESK_OUTCOME_PARTLY_RESTORED),
                                   desk_outcome_get_label (DESK_OUTCOME_REJECTED), desk_outcome_get_label (DESK_OUTCOME_WITHDRAWN), NULL };
  Dialog           *d;
  GtkWidget        *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  AdwMessageDialog *dialog;

  g_return_val_if_fail (DESK_IS_TRACKING_VIEW (self) && self->kase, NULL);
  dialog = new_dialog (self, &d, _ ("Close the Case"),
                       _ ("The outcome and its cause go into the closure report, so the next case goes better."),
                       "save", _ ("_Close Case"));
  d->outcome = GTK_DROP_DOWN (labelled (box, _ ("_Outcome"), gtk_drop_down_new_from_strings (outcomes)));
  d->cause = GTK_DROP_DOWN (labelled (box, _ ("_Root cause"), GTK_WIDGET (cause_dropdown (self, d))));
  d->note = GTK_ENTRY (labelled (box, _ ("In your own _words"), gtk_entry_new ()));
  d->follow_up = GTK_ENTRY (labelled (box, _ ("_Follow-up action (optional)"), gtk_entry_new ()));
  d->due = GTK_ENTRY (labelled (box, _ ("_Due date (optional)"), gtk_entry_new ()));
  gtk_entry_set_placeholder_text (d->due, "2026-04-30");
  gtk_widget_set_name (GTK_WIDGET (d->outcome), "close-outcome");
  gtk_widget_set_name (GTK_WIDGET (d->follow_up), "close-follow-up");
  gtk_widget_set_name (GTK_WIDGET (d->due), "close-due");
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), d);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
on_reopen_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Dialog           *d)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = NULL;

  if (g_strcmp0 (response, "save") != 0 || d->self == NULL || d->self->kase == NULL)
    return;
  refresh_case (d->self);
  kase = g_object_ref (d->self->kase);
  if (!desk_closure_reopen (d->self->store, kase, DESK_CASE_STATUS_PENDING, NULL, &error))
    toast (d->self, error->message);
}

static void
open_reopen_dialog (DeskTrackingView *self)
{
  Dialog           *d;
  AdwMessageDialog *dialog = new_dialog (self, &d, _ ("Re-open the Case?"),
                                         _ ("The case goes back to “Under review”. Its outcome is cleared; follow-up actions stay."),
                                         "save", _ ("_Re-open"));

  g_signal_connect (dialog, "response", G_CALLBACK (on_reopen_response), d);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
log_action (GtkWidget  *widget,
            const char *action,
            GVariant   *param)
{
  desk_tracking_view_open_log_dialog (DESK_TRACKING_VIEW (widget), g_variant_get_string (param, NULL));
}

static void
reply_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  desk_tracking_view_open_reply_dialog (DESK_TRACKING_VIEW (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  DeskTrackingView *self = DESK_TRACKING_VIEW (widget);
  g_autoptr (DeskTimelineEntry) e = desk_timeline_get (self->store, g_variant_get_int64 (param), NULL);

  if (e)
    open_text_dialog (self, desk_timeline_entry_get_kind (e), e->id, e->text);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Dialog           *d)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || d->self == NULL)
    return;
  if (!desk_timeline_delete (d->self->store, d->entry_id, &error))
    toast (d->self, error->message);
  else
    toast_undo (d->self, _ ("Entry deleted"), d->entry_id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  DeskTrackingView *self = DESK_TRACKING_VIEW (widget);
  Dialog           *d;
  AdwMessageDialog *dialog = new_dialog (self, &d, _ ("Delete This Entry?"),
                                         _ ("It disappears from the timeline and the closure report. You can undo it for a few seconds."),
                                         "save", _ ("_Delete"));

  d->entry_id = g_variant_get_int64 (param);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response), d);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  DeskTrackingView *self = DESK_TRACKING_VIEW (widget);
  g_autoptr (DeskClosure) closure = self->kase ? desk_closure_get (self->store, desk_case_get_id (self->kase), NULL) : NULL;

  if (self->kase == NULL)
    return;
  if (closure)
    open_reopen_dialog (self);
  else
    desk_tracking_view_open_close_dialog (self);
}

static void
toggle_follow_up_action (GtkWidget  *widget,
                         const char *action,
                         GVariant   *param)
{
  DeskTrackingView *self = DESK_TRACKING_VIEW (widget);
  g_autoptr (GPtrArray) list = desk_follow_ups_list (self->store, desk_case_get_id (self->kase), NULL);
  g_autoptr (GError) error = NULL;
  gint64 id = g_variant_get_int64 (param);

  for (guint i = 0; list && i < list->len; i++)
    {
      DeskFollowUp *f = list->pdata[i];

      if (f->id == id && !desk_follow_up_set_done (self->store, id, f->done_at == NULL, &error))
        toast (self, error->message);
    }
  fill_outcome (self);
}

/* The report */

static void
on_report_progress (double   fraction,
                    gpointer user_data)
{
  DeskTrackingView *self = user_data;

  gtk_progress_bar_set_fraction (self->report_progress, fraction);
}

static void
on_report_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (DeskTrackingView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskReportResult) written = desk_report_write_finish (result, &error);
  g_autoptr (GFile) file = g_steal_pointer (&self->report_file);
  DeskEvidenceViewer *viewer;
  g_autofree char    *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->report_progress), FALSE);
  gtk_button_set_label (self->report_button, _ ("_Make Report"));
  gtk_widget_add_css_class (GTK_WIDGET (self->report_button), "suggested-action");
  g_clear_object (&self->report_cancellable);
  if (written == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  if (file == NULL) /* the view was disposed meanwhile */
    return;
  subtitle = g_file_get_parse_name (file);
  viewer = desk_evidence_viewer_new_for_pdf (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), file, written->title, subtitle);
  gtk_window_present (GTK_WINDOW (viewer));
}

void
desk_tracking_view_make_report (DeskTrackingView *self)
{
  g_autoptr (GError) error = NULL;
  DeskReportLanguage language = adw_combo_row_get_selected (self->language_row) == 0 ? DESK_REPORT_LANGUAGE_ZH_CN : DESK_REPORT_LANGUAGE_EN;
  g_autofree char   *dir = g_build_filename (desk_session_get_data_dir (self->session), "reports", NULL);
  g_autofree char   *name = NULL;
  g_autofree char   *path = NULL;
  g_autoptr (GFile) file = NULL;

  g_return_if_fail (DESK_IS_TRACKING_VIEW (self));
  /* While a report is being written the button cancels it. */
  if (self->report_cancellable)
    {
      g_cancellable_cancel (self->report_cancellable);
      return;
    }
  if (self->kase == NULL)
    return;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      toast (self, _ ("The reports folder could not be created. Check the free disk space."));
      return;
    }
  name = g_strdup_printf ("case-%" G_GINT64_FORMAT "-%s.pdf", desk_case_get_id (self->kase), desk_report_language_to_id (language));
  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (path);
  g_set_object (&self->report_file, file);
  self->report_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->report_progress, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->report_progress), TRUE);
  gtk_button_set_label (self->report_button, _ ("_Cancel"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->report_button), "suggested-action");
  desk_report_write_async (self->session, desk_case_get_id (self->kase), language, file, self->report_cancellable,
                           on_report_progress, self, on_report_written, g_object_ref (self));
}

static void
report_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  desk_tracking_view_make_report (DESK_TRACKING_VIEW (widget));
}

static void
desk_tracking_view_dispose (GObject *object)
{
  DeskTrackingView *self = (DeskTrackingView *)object;

  if (self->report_cancellable)
    g_cancellable_cancel (self->report_cancellable);
  g_clear_object (&self->report_cancellable);
  g_clear_object (&self->report_file);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_TRACKING_VIEW);
  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_pointer (&self->follow_up_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (desk_tracking_view_parent_class)->dispose (object);
}

static void
desk_tracking_view_class_init (DeskTrackingViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_tracking_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-tracking-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskTrackingView, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, DeskTrackingView, outcome_list);
  gtk_widget_class_bind_template_child (widget_class, DeskTrackingView, closure_row);
  gtk_widget_class_bind_template_child (widget_class, DeskTrackingView, close_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTrackingView, language_row);
  gtk_widget_class_bind_template_child (widget_class, DeskTrackingView, report_progress);
  gtk_widget_class_bind_template_child (widget_class, DeskTrackingView, report_button);
  gtk_widget_class_install_action (widget_class, "tracking.log", "s", log_action);
  gtk_widget_class_install_action (widget_class, "tracking.reply", NULL, reply_action);
  gtk_widget_class_install_action (widget_class, "tracking.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "tracking.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "tracking.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "tracking.toggle-follow-up", "x", toggle_follow_up_action);
  gtk_widget_class_install_action (widget_class, "tracking.report", NULL, report_action);
}

static void
desk_tracking_view_init (DeskTrackingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->follow_up_rows = g_ptr_array_new ();
  /* The report's language follows the seller's, and can be changed per report. */
  adw_combo_row_set_selected (self->language_row, desk_rule_language_get_current () == DESK_RULE_LANGUAGE_ZH ? 0 : 1);
}

DeskTrackingView *
desk_tracking_view_new (void)
{
  return g_object_new (DESK_TYPE_TRACKING_VIEW, NULL);
}

void
desk_tracking_view_set_case (DeskTrackingView *self,
                             DeskSession      *session,
                             gint64            case_id)
{
  g_return_if_fail (DESK_IS_TRACKING_VIEW (self));
  if (self->session != session)
    {
      if (self->session)
        g_signal_handlers_disconnect_by_data (self->session, self);
      g_set_object (&self->session, session);
      g_clear_object (&self->store);
      if (session)
        {
          self->store = g_object_ref (desk_session_get_store (session));
          g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
        }
    }
  g_clear_object (&self->kase);
  if (self->store && case_id > 0)
    self->kase = desk_store_get_case (self->store, case_id, NULL);
  fill (self);
}

static void
case_section_iface_init (DeskCaseSectionInterface *iface)
{
  iface->set_case = (DeskCaseSectionSetCase)desk_tracking_view_set_case;
}
