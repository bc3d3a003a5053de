/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-evidence-actions.h"
#include "desk-evidence-export.h"
#include "desk-evidence-store.h"

static void
report (GtkWidget  *widget,
        const char *text)
{
  if (widget && !gtk_widget_activate_action (widget, "win.toast", "s", text))
    g_warning ("%s", text);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Save a copy */

typedef struct
{
  GtkWidget    *parent; /* weak */
  DeskStore    *store;
  DeskEvidence *evidence;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_weak_pointer (&job->parent);
  g_clear_object (&job->store);
  g_clear_object (&job->evidence);
  g_free (job);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveJob *job = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = desk_evidence_export_name (job->evidence);
  g_autofree char *text = NULL;

  if (desk_evidence_save_copy_finish (DESK_STORE (source), result, &error))
    /* Translators: toast; %s is a file name */
    text = g_strdup_printf (_ ("Saved a copy of “%s”"), name);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    text = g_strdup (error->message);
  if (text)
    report (job->parent, text);
  save_job_free (job);
}

static void
save_to (SaveJob *job,
         GFile   *dest)
{
  if (dest == NULL)
    {
      save_job_free (job);
      return;
    }
  desk_evidence_save_copy_async (job->store, job->evidence, dest, NULL, on_saved, job);
}

#if GTK_CHECK_VERSION(4, 10, 0)
static void
on_save_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (GFile) dest = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  save_to (user_data, dest);
}

static void
ask_destination (SaveJob    *job,
                 const char *name)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _ ("Save a Copy"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, window_of (job->parent), NULL, on_save_dialog_done, job);
}
#else
static void
on_save_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          SaveJob         *job)
{
  g_autoptr (GFile) dest = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    dest = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  save_to (job, dest);
}

static void
ask_destination (SaveJob    *job,
                 const char *name)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_ ("Save a Copy"), window_of (job->parent), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _ ("_Save"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chooser_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
#endif

void
desk_evidence_save_copy_dialog (GtkWidget *parent,
                                DeskStore *store,
                                gint64     evidence_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  DeskEvidence    *evidence = desk_evidence_get (store, evidence_id, &error);
  SaveJob         *job;

  if (evidence == NULL)
    {
      report (parent, error->message);
      return;
    }
  job = g_new0 (SaveJob, 1);
  g_set_weak_pointer (&job->parent, parent);
  job->store = g_object_ref (store);
  job->evidence = evidence;
  name = desk_evidence_export_name (evidence);
  /* For tests and scripts: save without asking. */
  if (g_getenv ("APPEAL_DESK_SAVE_COPY_DIR"))
    {
      g_autofree char *path = g_build_filename (g_getenv ("APPEAL_DESK_SAVE_COPY_DIR"), name, NULL);
      g_autoptr (GFile) dest = g_file_new_for_path (path);

      save_to (job, dest);
      return;
    }
  ask_destination (job, name);
}

/* Open with */

#if GTK_CHECK_VERSION(4, 10, 0)
static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (GtkWidget) parent = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error)
      && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    report (parent, error->message);
}
#endif

void
desk_evidence_open_with (GtkWidget *parent,
                         DeskStore *store,
                         gint64     evidence_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskEvidence) evidence = desk_evidence_get (store, evidence_id, &error);
  g_autoptr (GFile) file = NULL;

  if (evidence == NULL || !(file = desk_evidence_get_shareable_file (store, evidence, &error)))
    {
      report (parent, error->message);
      return;
    }
  if (g_getenv ("APPEAL_DESK_OPEN_WITH_LOG"))
    {
      /* For tests: what would be opened, instead of starting a program. */
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *line = g_strconcat (path, "\n", NULL);
      g_autoptr (GFile) log = g_file_new_for_path (g_getenv ("APPEAL_DESK_OPEN_WITH_LOG"));
      g_autoptr (GFileOutputStream) out = g_file_append_to (log, G_FILE_CREATE_NONE, NULL, NULL);

      if (out)
        g_output_stream_write_all (G_OUTPUT_STREAM (out), line, strlen (line), NULL, NULL, NULL);
      return;
    }
#if GTK_CHECK_VERSION(4, 10, 0)
  {
    g_autoptr (GtkFileLauncher) launcher = gtk_file_launcher_new (file);

#if GTK_CHECK_VERSION(4, 12, 0)
    gtk_file_launcher_set_always_ask (launcher, TRUE);
#endif
    gtk_file_launcher_launch (launcher, window_of (parent), NULL, on_launched, g_object_ref (parent));
  }
#else
  {
    g_autofree char *uri = g_file_get_uri (file);

    if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
      {
        g_autofree char *name = desk_evidence_export_name (evidence);
        g_autofree char *text = g_strdup_printf (_ ("No program could open “%s”: %s"), name, error->message);

        report (parent, text);
      }
  }
#endif
}

/* Drag out */

typedef struct
{
  DeskStore *store;
  gint64     evidence_id;
} DragData;

static void
drag_data_free (gpointer data)
{
  DragData *d = data;

  g_clear_object (&d->store);
  g_free (d);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 DragData      *d)
{
  g_autoptr (DeskEvidence) evidence = desk_evidence_get (d->store, d->evidence_id, NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (evidence == NULL)
    return NULL;
  if (!(file = desk_evidence_get_shareable_file (d->store, evidence, &error)))
    {
      report (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)), error->message);
      return NULL;
    }
  return gdk_content_provider_new_typed (G_TYPE_FILE, file);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               DragData      *d)
{
  g_autoptr (DeskEvidence) evidence = desk_evidence_get (d->store, d->evidence_id, NULL);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source))));
  g_autoptr (GtkIconPaintable) icon = NULL;

  if (evidence == NULL)
    return;
  icon = gtk_icon_theme_lookup_icon (theme, desk_evidence_get_icon_name (evidence), NULL, 32, 1,
                                     GTK_TEXT_DIR_NONE, 0);
  gtk_drag_source_set_icon (source, GDK_PAINTABLE (icon), 16, 16);
}

void
desk_evidence_add_drag_source (GtkWidget *widget,
                               DeskStore *store,
                               gint64     evidence_id)
{
  GtkDragSource *source = gtk_drag_source_new ();
  DragData      *d = g_new0 (DragData, 1);

  d->store = g_object_ref (store);
  d->evidence_id = evidence_id;
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect_data (source, "prepare", G_CALLBACK (on_drag_prepare), d, (GClosureNotify)(void (*) (void))drag_data_free, 0);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), d);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (source));
}

GMenu *
desk_evidence_actions_menu_section (const char *prefix,
                                    gint64      evidence_id)
{
  static const struct
  {
    const char *label;
    const char *action;
  } entries[] = {
    { N_ ("_Preview"), "preview" },
    { N_ ("_Save a Copy…"), "save-copy" },
    { N_ ("_Open With…"), "open-with" },
  };
  GMenu *section = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *action = g_strconcat (prefix, entries[i].action, NULL);
      g_autoptr (GMenuItem) item = g_menu_item_new (_ (entries[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (evidence_id));
      g_menu_append_item (section, item);
    }
  return section;
}
