/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-intake-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-intake-wizard-private.h"
#include "desk-util.h"

/* Notice page */

static void
set_decoding (DeskIntakeWizard *self,
              gboolean          decoding)
{
  self->decoding = decoding;
  gtk_widget_set_visible (self->decode_spinner, decoding);
  gtk_spinner_set_spinning (GTK_SPINNER (self->decode_spinner), decoding);
}

/* A decoded value replaces what is in the entry only if the seller has not
 * typed something else there. */
static void
fill_entry (DeskIntakeWizard *self,
            AdwEntryRow      *row,
            char            **filled,
            const char       *value)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (row));

  if (*current != '\0' && g_strcmp0 (current, *filled) != 0)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  self->updating = FALSE;
  g_free (*filled);
  *filled = g_strdup (value);
}

static gboolean
products_contain (DeskIntakeWizard *self,
                  const char       *id)
{
  for (guint i = 0; i < self->products->len; i++)
    if (g_strcmp0 (self->products->pdata[i], id) == 0)
      return TRUE;
  return FALSE;
}

static void refresh_products (DeskIntakeWizard *self);

static void
merge_products (DeskIntakeWizard  *self,
                const char *const *ids)
{
  for (guint i = 0; ids && ids[i]; i++)
    if (!products_contain (self, ids[i]))
      g_ptr_array_add (self->products, g_strdup (ids[i]));
  refresh_products (self);
}

static void
show_confidence (DeskIntakeWizard *self)
{
  g_autofree char *text = NULL;

  if (self->notice == NULL)
    {
      gtk_label_set_text (self->confidence_label,
                          _ ("No notice read yet. Paste it above, or fill in the fields yourself."));
      return;
    }
  text = desk_notice_describe_confidence (self->notice);
  gtk_label_set_text (self->confidence_label, text);
}

/* The reading is shown on the notice page only: other pages keep a small
 * widget tree (screen readers walk all of it). */
static void
show_reading (DeskIntakeWizard *self)
{
  gboolean on_page = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "notice") == 0;

  desk_notice_reading_view_set_notice (self->reading_view, on_page ? self->notice : NULL);
}

static void
apply_notice (DeskIntakeWizard *self)
{
  const char *case_id = NULL, *code = NULL;
  g_auto (GStrv) campaigns = NULL;

  if (self->notice)
    {
      campaigns = desk_notice_get_values (self->notice, DESK_NOTICE_ROLE_CAMPAIGN_ID);
      case_id = desk_notice_get_case_id (self->notice);
      if (case_id == NULL)
        case_id = desk_notice_get_issue_id (self->notice);
      /* A campaign exit whose only reference is the campaign (as desk-intake.c). */
      if (case_id == NULL && desk_notice_get_case_type (self->notice) == DESK_CASE_TYPE_ACTIVITY_EXIT)
        case_id = campaigns[0];
      code = desk_notice_get_violation_code (self->notice);
      merge_products (self, desk_notice_get_product_ids (self->notice));
    }
  fill_entry (self, self->case_id_row, &self->filled_case_id, case_id);
  fill_entry (self, self->code_row, &self->filled_code, code);
  show_confidence (self);
  show_reading (self);
  _desk_intake_wizard_update_suggestion (self);
  if (self->deadline_basis != DESK_INTAKE_SOURCE_SELLER)
    _desk_intake_wizard_update_deadline (self);
  _desk_intake_wizard_update_buttons (self);
}

static void
on_decoded (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (DeskIntakeWizard) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskNotice) notice = desk_notice_decode_finish (result, &error);

  if (notice == NULL)
    return; /* cancelled: a newer decode (or the window closing) took over */
  g_clear_object (&self->decode_cancellable);
  set_decoding (self, FALSE);
  g_set_object (&self->notice, notice);
  apply_notice (self);
}

static void
start_decode (DeskIntakeWizard *self)
{
  g_autofree char *text = _desk_intake_wizard_get_notice_text (self);

  g_clear_handle_id (&self->decode_source, g_source_remove);
  g_cancellable_cancel (self->decode_cancellable);
  g_clear_object (&self->decode_cancellable);
  if (*g_strstrip (text) == '\0')
    {
      set_decoding (self, FALSE);
      g_clear_object (&self->notice);
      apply_notice (self);
      return;
    }
  self->decode_cancellable = g_cancellable_new ();
  set_decoding (self, TRUE);
  desk_notice_decode_async (self->registry, text, self->received_at, self->decode_cancellable,
                            on_decoded, g_object_ref (self));
}

static gboolean
decode_timeout (gpointer user_data)
{
  DeskIntakeWizard *self = user_data;

  self->decode_source = 0;
  start_decode (self);
  return G_SOURCE_REMOVE;
}

static void
on_notice_changed (DeskIntakeWizard *self)
{
  g_clear_handle_id (&self->decode_source, g_source_remove);
  self->decode_source = g_timeout_add (DESK_WIZARD_DECODE_DELAY_MS, decode_timeout, self);
  /* Pending counts as decoding: the fields are about to change. */
  set_decoding (self, TRUE);
}

static void
on_entry_changed (DeskIntakeWizard *self)
{
  _desk_intake_wizard_update_buttons (self);
}

/* The suggestion: a confident guess that differs from what the seller
 * chose, offered as a button rather than applied behind their back. */
static gboolean
suggested_choice (DeskIntakeWizard *self,
                  DeskPlatform     *platform,
                  DeskCaseType     *case_type)
{
  g_autoptr (DeskIntakeProposal) proposal = NULL;

  *platform = self->platform;
  *case_type = self->case_type;
  /* Before the seller chose anything, the notice simply decides (next page). */
  if (self->notice == NULL || !(self->platform_by_seller || self->type_by_seller))
    return FALSE;
  proposal = desk_intake_propose (self->registry, self->notice, self->platform, self->case_type,
                                  self->received_at);
  if (proposal->suggested_platform == DESK_PLATFORM_UNKNOWN)
    return FALSE;
  *platform = proposal->suggested_platform;
  *case_type = proposal->suggested_case_type;
  return TRUE;
}

void
_desk_intake_wizard_update_suggestion (DeskIntakeWizard *self)
{
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  DeskPlatform     platform;
  DeskCaseType     case_type;

  if (!suggested_choice (self, &platform, &case_type))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->suggestion_row), FALSE);
      return;
    }
  /* Translators: button; %s are a platform and a case type, e.g. "Use Shopee · IP complaint" */
  label = g_strdup_printf (_ ("_Use %s · %s"), desk_platform_get_label (platform),
                           desk_case_type_get_label (case_type));
  /* Translators: %s are a platform and a case type */
  title = g_strdup_printf (_ ("The notice looks like %s · %s, not what you chose"),
                           desk_platform_get_label (platform), desk_case_type_get_label (case_type));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->suggestion_row), title);
  gtk_button_set_label (self->suggestion_button, label);
  /* Translators: the same without the mnemonic (GTK 4.8 would read the underline out) */
  name = g_strdup_printf (_ ("Use %s · %s"), desk_platform_get_label (platform),
                          desk_case_type_get_label (case_type));
  _desk_intake_wizard_set_name (GTK_WIDGET (self->suggestion_button), name, title);
  g_object_set_data (G_OBJECT (self->suggestion_button), "desk-platform", GINT_TO_POINTER (platform));
  g_object_set_data (G_OBJECT (self->suggestion_button), "desk-case-type", GINT_TO_POINTER (case_type));
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_row), TRUE);
}

static void
on_suggestion_clicked (DeskIntakeWizard *self)
{
  GObject     *button = G_OBJECT (self->suggestion_button);
  DeskPlatform platform = GPOINTER_TO_INT (g_object_get_data (button, "desk-platform"));
  DeskCaseType case_type = GPOINTER_TO_INT (g_object_get_data (button, "desk-case-type"));

  _desk_intake_wizard_choose_platform (self, platform);
  self->case_type = case_type;
  _desk_intake_wizard_fill_types (self);
  _desk_intake_wizard_update_suggestion (self);
  _desk_intake_wizard_update_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->case_id_row));
}

/* Products page */

static void
on_remove_product (GtkButton        *button,
                   DeskIntakeWizard *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "desk-product");

  for (guint i = 0; i < self->products->len; i++)
    if (g_strcmp0 (self->products->pdata[i], id) == 0)
      {
        g_ptr_array_remove_index (self->products, i);
        break;
      }
  refresh_products (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_product_row));
}

static GtkWidget *
product_row_new (DeskIntakeWizard *self,
                 const char       *id)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autofree char *label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: accessible name of the button that removes product %s */
  label = g_strdup_printf (_ ("Remove product %s"), id);
  gtk_widget_set_tooltip_text (button, label);
  _desk_intake_wizard_set_name (button, label, NULL);
  _desk_intake_wizard_set_name (row, id, NULL);
  g_object_set_data_full (G_OBJECT (button), "desk-product", g_strdup (id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_product), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
refresh_products (DeskIntakeWizard *self)
{
  for (guint i = 0; i < self->product_rows->len; i++)
    adw_preferences_group_remove (self->products_group, self->product_rows->pdata[i]);
  g_ptr_array_set_size (self->product_rows, 0);
  for (guint i = 0; i < self->products->len; i++)
    {
      GtkWidget *row = product_row_new (self, self->products->pdata[i]);

      adw_preferences_group_add (self->products_group, row);
      g_ptr_array_add (self->product_rows, row);
    }
  gtk_widget_set_visible (self->no_products_row, self->products->len == 0);
}

/* Several IDs may be pasted at once, separated by commas or spaces. */
static guint
add_products_from_text (DeskIntakeWizard *self,
                        const char       *text,
                        guint            *n_duplicates)
{
  g_auto (GStrv) parts = g_strsplit_set (text, ",;，； \t\n", -1);
  guint added = 0;

  *n_duplicates = 0;
  for (guint i = 0; parts[i]; i++)
    {
      if (*parts[i] == '\0')
        continue;
      if (products_contain (self, parts[i]))
        {
          (*n_duplicates)++;
          continue;
        }
      g_ptr_array_add (self->products, g_strdup (parts[i]));
      added++;
    }
  return added;
}

static void
on_add_product (DeskIntakeWizard *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_product_row));
  guint       n_duplicates;

  if (add_products_from_text (self, text, &n_duplicates) == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->add_product_row), "error");
      _desk_intake_wizard_toast (self, n_duplicates ? _ ("This product ID is already in the list")
                                                    : _ ("Type a product ID first"));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_product_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->add_product_row), "");
  refresh_products (self);
}

/* Enter in an empty "add" entry moves on, as in the other entries. */
static void
on_add_product_activated (DeskIntakeWizard *self)
{
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->add_product_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);
  else
    on_add_product (self);
}

static void
on_add_product_text_changed (DeskIntakeWizard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_product_row), "error");
}

void
_desk_intake_wizard_notice_init (DeskIntakeWizard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notice_view);

  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_notice_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (show_reading), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->read_button, "clicked", G_CALLBACK (start_decode), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->suggestion_button, "clicked", G_CALLBACK (on_suggestion_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_id_row, "changed", G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->code_row, "changed", G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_product_button, "clicked", G_CALLBACK (on_add_product), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_product_row, "entry-activated", G_CALLBACK (on_add_product_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_product_row, "changed", G_CALLBACK (on_add_product_text_changed),
                           self, G_CONNECT_SWAPPED);
  show_confidence (self);
  refresh_products (self);
}

void
_desk_intake_wizard_notice_dispose (DeskIntakeWizard *self)
{
  g_clear_handle_id (&self->decode_source, g_source_remove);
  g_cancellable_cancel (self->decode_cancellable);
  g_clear_object (&self->decode_cancellable);
  g_clear_object (&self->notice);
}

/* Test hooks: what pasting and typing do. */

void
_desk_intake_wizard_paste_notice (DeskIntakeWizard *self,
                                  const char       *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notice_view), text, -1);
}

void
_desk_intake_wizard_add_product (DeskIntakeWizard *self,
                                 const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->add_product_row), text);
  on_add_product (self);
}

gboolean
_desk_intake_wizard_is_decoding (DeskIntakeWizard *self)
{
  return self->decoding;
}

DeskNotice *
_desk_intake_wizard_get_notice (DeskIntakeWizard *self)
{
  return self->notice;
}
