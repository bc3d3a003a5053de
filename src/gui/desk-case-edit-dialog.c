/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-case-edit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-case-edit-dialog.h"
#include "desk-case-edit.h"
#include "desk-util.h"

typedef struct
{
  GtkWidget   *parent; /* weak */
  DeskStore   *store;
  gint64       case_id;
  GtkEditable *title, *case_id_entry, *code, *products, *received, *deadline;
} EditDialog;

static void
edit_dialog_free (EditDialog *ed)
{
  g_clear_weak_pointer (&ed->parent);
  g_clear_object (&ed->store);
  g_free (ed);
}

static void
report (EditDialog *ed,
        const char *text)
{
  if (ed->parent)
    gtk_widget_activate_action (ed->parent, "win.toast", "s", text);
}

static char **
split_products (const char *text)
{
  g_auto (GStrv) parts = g_regex_split_simple ("[,，;；\\s]+", text, 0, 0);
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      g_strv_builder_add (b, parts[i]);
  return g_strv_builder_end (b);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             EditDialog       *ed)
{
  g_autoptr (GDateTime) received = NULL;
  g_autoptr (GDateTime) deadline = NULL;
  g_autoptr (DeskCase) saved = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) products = NULL;
  g_autofree char *deadline_text = NULL;
  DeskCaseFacts    facts = { NULL };

  if (g_strcmp0 (response, "save") != 0)
    return;
  received = desk_time_parse_local (gtk_editable_get_text (ed->received));
  deadline_text = g_strstrip (g_strdup (gtk_editable_get_text (ed->deadline)));
  deadline = desk_time_parse_local (deadline_text);
  if ((received == NULL && *gtk_editable_get_text (ed->received)) || (deadline == NULL && *deadline_text))
    {
      report (ed, _ ("Write times as year-month-day hours:minutes, for example 2026-03-10 16:05. Nothing was changed."));
      return;
    }
  products = split_products (gtk_editable_get_text (ed->products));
  facts.title = gtk_editable_get_text (ed->title);
  facts.platform_case_id = gtk_editable_get_text (ed->case_id_entry);
  facts.violation_code = gtk_editable_get_text (ed->code);
  facts.product_ids = (const char *const *)products;
  facts.received_at = received;
  facts.deadline_at = deadline;
  facts.clear_deadline = *deadline_text == '\0';
  if (!(saved = desk_case_edit_facts (ed->store, ed->case_id, &facts, &error)))
    report (ed, error->message);
}

static GtkEditable *
add_field (GtkBox     *box,
           const char *mnemonic,
           const char *name,
           const char *text)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_set_name (entry, name);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (box, label);
  gtk_box_append (box, entry);
  return GTK_EDITABLE (entry);
}

GtkWidget *
desk_case_edit_dialog_present (GtkWidget *parent,
                               DeskStore *store,
                               gint64     case_id)
{
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *products = NULL;
  g_autofree char *received = NULL;
  g_autofree char *deadline = NULL;
  GtkRoot         *root = gtk_widget_get_root (parent);
  GtkBox          *box;
  GtkWidget       *dialog;
  EditDialog      *ed;

  if (!(kase = desk_store_get_case (store, case_id, &error)))
    {
      gtk_widget_activate_action (parent, "win.toast", "s", error->message);
      return NULL;
    }
  ed = g_new0 (EditDialog, 1);
  g_set_weak_pointer (&ed->parent, parent);
  ed->store = g_object_ref (store);
  ed->case_id = case_id;
  products = g_strjoinv (", ", (char **)desk_case_get_product_ids (kase));
  received = desk_case_get_received_at (kase) ? desk_time_format_local (desk_case_get_received_at (kase)) : g_strdup ("");
  deadline = desk_case_get_deadline_at (kase) ? desk_time_format_local (desk_case_get_deadline_at (kase)) : g_strdup ("");
  box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  ed->title = add_field (box, _ ("_Title"), "edit-title", desk_case_get_title (kase));
  ed->case_id_entry = add_field (box, _ ("Issue or _case ID"), "edit-case-id", desk_case_get_platform_case_id (kase));
  ed->code = add_field (box, _ ("_Violation code"), "edit-code", desk_case_get_violation_code (kase));
  ed->products = add_field (box, _ ("Affected _products (separated by commas)"), "edit-products", products);
  ed->received = add_field (box, _ ("Notice _received (YYYY-MM-DD HH:MM)"), "edit-received", received);
  ed->deadline = add_field (box, _ ("_Deadline (YYYY-MM-DD HH:MM, empty for none)"), "edit-deadline", deadline);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Correct Case Details"),
                                   _ ("Fix what was read wrong from the notice, or what the platform corrected. The change is noted in the timeline."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (box));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "save", _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "desk-edit-dialog", ed, (GDestroyNotify)edit_dialog_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), ed);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
