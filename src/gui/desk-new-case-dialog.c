/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-new-case-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-new-case-dialog.h"
#include "desk-util.h"

struct _DeskNewCaseDialog
{
  AdwWindow        parent_instance;

  DeskWindow      *window;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *platform_row;
  AdwComboRow     *type_row;
  AdwEntryRow     *title_row;
  AdwEntryRow     *case_id_row;
  AdwEntryRow     *code_row;
  AdwEntryRow     *products_row;
  GtkSpinButton   *hours_spin;
  GtkTextView     *notice_view;
};

G_DEFINE_FINAL_TYPE (DeskNewCaseDialog, desk_new_case_dialog, ADW_TYPE_WINDOW)

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char **
parse_products (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",;，；\n ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]))
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static DeskCase *
build_case (DeskNewCaseDialog *self)
{
  g_autofree char *title = entry_text (self->title_row);
  g_autofree char *case_id = entry_text (self->case_id_row);
  g_autofree char *code = entry_text (self->code_row);
  g_autofree char *products_text = entry_text (self->products_row);
  g_auto(GStrv) products = parse_products (products_text);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) deadline = g_date_time_add_hours (now, gtk_spin_button_get_value_as_int (self->hours_spin));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notice_view);
  GtkTextIter start, end;
  g_autofree char *notice = NULL;
  DeskCase *kase;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notice = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  kase = desk_case_new (adw_combo_row_get_selected (self->platform_row) + 1,
                        adw_combo_row_get_selected (self->type_row) + 1, title);
  desk_case_set_platform_case_id (kase, case_id);
  desk_case_set_violation_code (kase, code);
  desk_case_set_product_ids (kase, (const char * const *)products);
  desk_case_set_notice_text (kase, notice);
  desk_case_set_received_at (kase, now);
  desk_case_set_deadline_at (kase, deadline);
  return kase;
}

static void
on_create (DeskNewCaseDialog *self)
{
  g_autoptr(DeskCase) kase = build_case (self);
  g_autoptr(GError) error = NULL;

  if (!desk_store_insert_case (desk_window_get_store (self->window), kase, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  desk_window_show_case (self->window, desk_case_get_id (kase));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_models (DeskNewCaseDialog *self)
{
  g_autoptr(GtkStringList) platforms = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  for (DeskPlatform p = DESK_PLATFORM_ALIEXPRESS; p < DESK_N_PLATFORMS; p++)
    gtk_string_list_append (platforms, desk_platform_get_label (p));
  for (DeskCaseType t = DESK_CASE_TYPE_LISTING_TAKEDOWN; t < DESK_N_CASE_TYPES; t++)
    gtk_string_list_append (types, desk_case_type_get_label (t));
  adw_combo_row_set_model (self->platform_row, G_LIST_MODEL (platforms));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
}

static void
desk_new_case_dialog_class_init (DeskNewCaseDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-new-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskNewCaseDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskNewCaseDialog, platform_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewCaseDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewCaseDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewCaseDialog, case_id_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewCaseDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewCaseDialog, products_row);
  gtk_widget_class_bind_template_child (widget_class, DeskNewCaseDialog, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskNewCaseDialog, notice_view);
  gtk_widget_class_bind_template_callback (widget_class, on_create);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_new_case_dialog_init (DeskNewCaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_models (self);
}

DeskNewCaseDialog *
desk_new_case_dialog_new (DeskWindow *parent)
{
  DeskNewCaseDialog *self = g_object_new (DESK_TYPE_NEW_CASE_DIALOG,
                                          "transient-for", parent,
                                          NULL);

  self->window = parent;
  return self;
}
