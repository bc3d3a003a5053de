/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-evidence-row.h"

static GtkWidget *
line (const char *text,
      const char *css_class,
      gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
warning_line (const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = line (text, "caption", TRUE);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (box, "warning");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

GtkWidget *
desk_evidence_row_content_new (DeskEvidence *evidence,
                               char *const  *warnings,
                               const char   *extra)
{
  g_autofree char *name = desk_evidence_dup_display_name (evidence);
  g_autofree char *summary = desk_evidence_describe (evidence);
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget       *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget       *icon = gtk_image_new_from_icon_name (desk_evidence_get_icon_name (evidence));
  GtkWidget       *title = line (name, NULL, FALSE);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (title, name);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), line (summary, "dim-label", TRUE));
  if (extra && *extra)
    gtk_box_append (GTK_BOX (text), line (extra, "caption", TRUE));
  for (guint i = 0; warnings && warnings[i]; i++)
    gtk_box_append (GTK_BOX (text), warning_line (warnings[i]));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "evidence-row");
  return box;
}

/* File chooser: GtkFileDialog where it exists (portal-friendly), the native
 * chooser on GTK 4.8. */

static void
add_filters_to (GListStore *filters)
{
  g_autoptr (GtkFileFilter) evidence = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  static const char *types[] = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/webp",
    "text/plain",
    "message/rfc822",
  };

  gtk_file_filter_set_name (evidence, _ ("Evidence Files"));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    gtk_file_filter_add_mime_type (evidence, types[i]);
  gtk_file_filter_add_suffix (evidence, "eml");
  gtk_file_filter_set_name (all, _ ("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, evidence);
  g_list_store_append (filters, all);
}

typedef struct
{
  DeskEvidenceFilesChosen callback;
  GObject                *owner;
} Chooser;

static void
chooser_done (Chooser    *c,
              GListModel *files)
{
  if (files && g_list_model_get_n_items (files) > 0)
    c->callback (files, c->owner);
  g_object_unref (c->owner);
  g_free (c);
}

#if GTK_CHECK_VERSION(4, 10, 0)
static void
on_dialog_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, NULL);

  chooser_done (user_data, files);
}

void
desk_evidence_choose_files (GtkWindow              *parent,
                            DeskEvidenceFilesChosen callback,
                            GObject                *owner)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  Chooser *c = g_new0 (Chooser, 1);

  *c = (Chooser){ callback, g_object_ref (owner) };
  add_filters_to (filters);
  gtk_file_dialog_set_title (dialog, _ ("Add Evidence Files"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open_multiple (dialog, parent, NULL, on_dialog_done, c);
}
#else
static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     Chooser         *c)
{
  g_autoptr (GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  chooser_done (c, files);
}

void
desk_evidence_choose_files (GtkWindow              *parent,
                            DeskEvidenceFilesChosen callback,
                            GObject                *owner)
{
  Chooser              *c = g_new0 (Chooser, 1);
  GtkFileChooserNative *chooser;
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  chooser = gtk_file_chooser_native_new (_ ("Add Evidence Files"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _ ("_Add"), _ ("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_filters_to (filters);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
    {
      g_autoptr (GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  *c = (Chooser){ callback, g_object_ref (owner) };
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), c);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
#endif
