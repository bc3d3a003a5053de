/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-package-section"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-package-section.h"
#include "desk-case-section.h"
#include "desk-package.h"

struct _DeskPackageSection
{
  AdwBin           parent_instance;
  DeskSession     *session;
  gint64           case_id;
  DeskPackagePlan *plan; /* while making one */
  GCancellable    *cancellable;

  AdwPreferencesGroup *group;
  GtkWidget           *make_row;
  GtkWidget           *progress_box;
  GtkProgressBar      *progress_bar;
};

static void case_section_iface_init (DeskCaseSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskPackageSection, desk_package_section, ADW_TYPE_BIN, G_IMPLEMENT_INTERFACE (DESK_TYPE_CASE_SECTION, case_section_iface_init))

enum
{
  PACKAGE_MADE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_toast (DeskPackageSection *self,
           AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
set_busy (DeskPackageSection *self,
          gboolean            busy)
{
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "package.make", !busy && self->case_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "package.cancel", busy);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  if (!busy)
    {
      g_clear_object (&self->plan);
      g_clear_object (&self->cancellable);
    }
}

static void
on_progress (double   fraction,
             gpointer data)
{
  DeskPackageSection *self = data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_open_folder (AdwToast *toast,
                gpointer  data)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "desk-package-file");
  g_autoptr (GFile) parent = file ? g_file_get_parent (file) : NULL;
  g_autofree char *uri = parent ? g_file_get_uri (parent) : NULL;

  /* The file manager's own "show this file" needs GTK 4.10; a folder URI
   * works everywhere, through the OpenURI portal inside Flatpak. */
  if (uri)
    g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr (DeskPackageSection) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPackageResult) package = desk_package_write_finish (DESK_PACKAGE_PLAN (source), result, &error);
  AdwToast *toast;

  set_busy (self, FALSE);
  if (package == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, adw_toast_new (error->message));
      return;
    }
  {
    g_autofree char *base = g_path_get_basename (package->path);

    /* Translators: toast after saving; %s is the file name */
    toast = adw_toast_new_format (_ ("Package “%s” saved"), base);
  }
  adw_toast_set_button_label (toast, _ ("_Open Folder"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "desk-package-file", g_file_new_for_path (package->path), g_object_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_open_folder), NULL);
  add_toast (self, toast);
  g_signal_emit (self, signals[PACKAGE_MADE], 0);
}

static void
write_to (DeskPackageSection *self,
          GFile              *file,
          DeskPackageFlags    flags)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      add_toast (self, adw_toast_new (_ ("Choose a folder on this computer for the package.")));
      set_busy (self, FALSE);
      return;
    }
  self->cancellable = g_cancellable_new ();
  desk_package_write_async (self->plan, path, flags, self->cancellable, on_progress, self, NULL, on_written,
                            g_object_ref (self));
}

/* Save dialog */

#if GTK_CHECK_VERSION(4, 10, 0)
typedef struct
{
  DeskPackageSection *self;
  DeskPackageFlags    flags;
} SaveData;

static void
on_save_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  SaveData *save = data;
  g_autoptr (DeskPackageSection) self = save->self;
  g_autoptr (GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file)
    write_to (self, file, save->flags);
  else
    set_busy (self, FALSE);
  g_free (save);
}

static void
choose_file (DeskPackageSection *self,
             DeskPackageFlags    flags)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autofree char *name = desk_package_plan_suggest_file_name (self->plan);
  SaveData        *save = g_new0 (SaveData, 1);

  save->self = g_object_ref (self);
  save->flags = flags;
  gtk_file_dialog_set_title (dialog, _ ("Save Complaint Package"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, on_save_chosen, save);
}
#else
static void
on_chooser_response (GtkNativeDialog    *chooser,
                     int                 response,
                     DeskPackageSection *self)
{
  DeskPackageFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "desk-flags"));
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file)
    write_to (self, file, flags);
  else
    set_busy (self, FALSE);
  g_object_unref (self);
}

static void
choose_file (DeskPackageSection *self,
             DeskPackageFlags    flags)
{
  g_autofree char      *name = desk_package_plan_suggest_file_name (self->plan);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_ ("Save Complaint Package"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "desk-flags", GUINT_TO_POINTER (flags));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
#endif

/* Blocking gaps: the seller confirms, or nothing is made. */

static void
on_gaps_response (AdwMessageDialog   *dialog,
                  const char         *response,
                  DeskPackageSection *self)
{
  if (g_str_equal (response, "make"))
    choose_file (self, DESK_PACKAGE_ALLOW_GAPS);
  else
    set_busy (self, FALSE);
}

static void
confirm_gaps (DeskPackageSection *self)
{
  g_autofree char *gaps = desk_package_plan_describe_blocking_gaps (self->plan);
  GtkWidget       *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _ ("Make the Package Anyway?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", gaps,
                                  _ ("An appeal with these gaps is likely to fail. The package will say so on its first page."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "make", _ ("_Make Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "make", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_gaps_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
start (DeskPackageSection *self)
{
  g_autoptr (GError) error = NULL;

  if (self->session == NULL || self->case_id == 0 || self->plan)
    return FALSE;
  if (!(self->plan = desk_package_plan_new (self->session, self->case_id, &error)))
    {
      add_toast (self, adw_toast_new (error->message));
      return FALSE;
    }
  set_busy (self, TRUE);
  gtk_widget_set_visible (self->progress_box, FALSE);
  return TRUE;
}

static void
make_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskPackageSection *self = DESK_PACKAGE_SECTION (widget);

  if (!start (self))
    return;
  if (desk_package_plan_count_blocking_gaps (self->plan) > 0)
    confirm_gaps (self);
  else
    choose_file (self, DESK_PACKAGE_FLAGS_NONE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskPackageSection *self = DESK_PACKAGE_SECTION (widget);

  g_cancellable_cancel (self->cancellable);
}

void
desk_package_section_make_to (DeskPackageSection *self,
                              GFile              *file)
{
  g_return_if_fail (DESK_IS_PACKAGE_SECTION (self));
  if (start (self))
    {
      gtk_widget_set_visible (self->progress_box, TRUE);
      write_to (self, file, DESK_PACKAGE_ALLOW_GAPS);
    }
}

static void
desk_package_section_dispose (GObject *object)
{
  DeskPackageSection *self = DESK_PACKAGE_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (desk_package_section_parent_class)->dispose (object);
}

static void
desk_package_section_class_init (DeskPackageSectionClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_package_section_dispose;
  signals[PACKAGE_MADE] = g_signal_new ("package-made", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-package-section.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskPackageSection, group);
  gtk_widget_class_bind_template_child (widget_class, DeskPackageSection, make_row);
  gtk_widget_class_bind_template_child (widget_class, DeskPackageSection, progress_box);
  gtk_widget_class_bind_template_child (widget_class, DeskPackageSection, progress_bar);
  gtk_widget_class_install_action (widget_class, "package.make", NULL, make_action);
  gtk_widget_class_install_action (widget_class, "package.cancel", NULL, cancel_action);
}

static void
desk_package_section_init (DeskPackageSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_busy (self, FALSE);
}

DeskPackageSection *
desk_package_section_new (void)
{
  return g_object_new (DESK_TYPE_PACKAGE_SECTION, NULL);
}

void
desk_package_section_set_case (DeskPackageSection *self,
                               DeskSession        *session,
                               gint64              case_id)
{
  g_return_if_fail (DESK_IS_PACKAGE_SECTION (self));
  if (self->case_id != case_id && self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->session, session);
  self->case_id = case_id;
  if (self->plan == NULL)
    set_busy (self, FALSE);
}

static void
case_section_iface_init (DeskCaseSectionInterface *iface)
{
  iface->set_case = (DeskCaseSectionSetCase)desk_package_section_set_case;
}
