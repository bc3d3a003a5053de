/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-watch-section"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-gui-util.h"
#include "desk-resources.h"
#include "desk-util.h"
#include "desk-watch-section.h"
#include "desk-case-section.h"
#include "net/desk-watch.h"

struct _DeskWatchSection
{
  AdwBin parent_instance;

  DeskSession    *session;
  DeskCase       *kase;
  GCancellable   *cancellable;
  GProxyResolver *proxy;
  GSettings      *settings;
  GPtrArray      *gone; /* DeskWatchResult* of this session's checks that found a page gone */
  char           *error;
  guint           done, total;
  guint           timer;
  gboolean        busy;

  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkWidget           *check_button;
};

static void case_section_iface_init (DeskCaseSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskWatchSection, desk_watch_section, ADW_TYPE_BIN, G_IMPLEMENT_INTERFACE (DESK_TYPE_CASE_SECTION, case_section_iface_init))

static void refresh (DeskWatchSection *self);

static DeskStore *
get_store (DeskWatchSection *self)
{
  return desk_session_get_store (self->session);
}

static gint64
case_id (DeskWatchSection *self)
{
  return self->kase ? desk_case_get_id (self->kase) : 0;
}

static void
set_error (DeskWatchSection *self,
           const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
}

static const char *
status_icon (DeskWatchStatus status)
{
  switch (status)
    {
      case DESK_WATCH_LIVE: return "emblem-ok-symbolic";
      case DESK_WATCH_GONE: return "user-trash-symbolic";
      case DESK_WATCH_CHANGED: return "document-edit-symbolic";
      case DESK_WATCH_UNREACHABLE: return "network-error-symbolic";
      case DESK_WATCH_UNCHECKED:
      default: return "content-loading-symbolic";
    }
}

/* Keeping a gone page */

static void
on_keep_clicked (GtkButton        *button,
                 DeskWatchSection *self)
{
  DeskWatchResult *r = g_object_get_data (G_OBJECT (button), "result");
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskEvidence) evidence = desk_capture_store (get_store (self), case_id (self), r->capture, &error);

  if (evidence == NULL)
    set_error (self, error->message);
  else
    g_ptr_array_remove (self->gone, r);
  refresh (self);
}

static void
on_remove_clicked (GtkButton        *button,
                   DeskWatchSection *self)
{
  const char *url = g_object_get_data (G_OBJECT (button), "url");
  g_autoptr (GError) error = NULL;

  if (!desk_watch_remove (get_store (self), case_id (self), url, &error))
    set_error (self, error->message);
  refresh (self);
}

static DeskWatchResult *
gone_result (DeskWatchSection *self,
             const char       *url)
{
  for (guint i = 0; i < self->gone->len; i++)
    if (g_str_equal (((DeskWatchResult *)self->gone->pdata[i])->url, url))
      return self->gone->pdata[i];
  return NULL;
}

static GtkWidget *
item_row (DeskWatchSection *self,
          DeskWatchItem    *item)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autofree char *when = item->checked_at ? desk_time_format_local (item->checked_at) : NULL;
  g_autofree char *subtitle = when ? g_strdup_printf ("%s · %s%s%s", desk_watch_status_get_label (item->status), when, *item->detail ? "\n" : "", item->detail)
                                   : g_strdup (desk_watch_status_get_label (item->status));
  DeskWatchResult *gone = gone_result (self, item->url);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->url);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (status_icon (item->status)));
  if (gone && gone->capture)
    {
      GtkWidget *keep = gtk_button_new_with_mnemonic (_ ("_Keep as Evidence"));

      gtk_widget_set_valign (keep, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (keep, _ ("Save the platform’s answer that the listing is gone, with its time and fingerprint"));
      g_object_set_data (G_OBJECT (keep), "result", gone);
      g_signal_connect (keep, "clicked", G_CALLBACK (on_keep_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), keep);
    }
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Stop watching this listing"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Stop watching this listing"), -1);
  g_object_set_data_full (G_OBJECT (remove), "url", g_strdup (item->url), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
on_add_applied (AdwEntryRow      *entry,
                DeskWatchSection *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (!desk_watch_add (get_store (self), case_id (self), url, NULL, &error))
    set_error (self, error->message);
  else
    set_error (self, NULL);
  refresh (self);
}

static void
add_progress_row (DeskWatchSection *self)
{
  /* Translators: progress of a check, e.g. "Checked 3 of 20 listings…" */
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checked %u of %u listing…", "Checked %u of %u listings…", self->total), self->done, self->total);

  gtk_list_box_append (self->list, desk_gui_progress_row (title, self->cancellable));
}

static void
refresh (DeskWatchSection *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  GtkWidget *child, *entry;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  if (self->kase == NULL)
    return;
  items = desk_watch_list (get_store (self), case_id (self), &error);
  if (items == NULL)
    set_error (self, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self), desk_case_get_case_type (self->kase) == DESK_CASE_TYPE_RESELLER || (items && items->len > 0));
  gtk_widget_set_sensitive (self->check_button, !self->busy && items && items->len > 0);
  if (self->error)
    {
      GtkWidget *row = desk_gui_text_row (self->error, NULL, "dialog-error-symbolic");

      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->list, row);
    }
  if (self->busy)
    add_progress_row (self);
  for (guint i = 0; items && i < items->len; i++)
    gtk_list_box_append (self->list, item_row (self, items->pdata[i]));
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _ ("Add a listing address (https://…)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_signal_connect (entry, "apply", G_CALLBACK (on_add_applied), self);
  gtk_list_box_append (self->list, entry);
}

/* Checking */

static void
on_progress (guint    done,
             guint    total,
             gpointer data)
{
  DeskWatchSection *self = data;

  self->done = done;
  self->total = total;
  refresh (self);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr (DeskWatchSection) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = desk_watch_check_finish (DESK_STORE (source), result, &error);

  self->busy = FALSE;
  if (results == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_error (self, error->message);
  for (guint i = 0; results && i < results->len; i++)
    {
      DeskWatchResult *r = results->pdata[i];

      if (r->status == DESK_WATCH_GONE && r->capture && r->case_id == case_id (self))
        g_ptr_array_add (self->gone, g_steal_pointer (&results->pdata[i]));
    }
  if (results)
    g_ptr_array_set_free_func (results, (GDestroyNotify)desk_watch_result_free);
  refresh (self);
}

gboolean
desk_watch_section_check (DeskWatchSection *self)
{
  DeskWatchOptions options = { 0 };
  g_autofree char *agent = NULL;

  g_return_val_if_fail (DESK_IS_WATCH_SECTION (self), FALSE);
  if (self->busy || self->kase == NULL)
    return FALSE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  self->done = 0;
  set_error (self, NULL);
  agent = self->settings ? g_settings_get_string (self->settings, "capture-user-agent") : NULL;
  options.capture.user_agent = agent && *agent ? agent : NULL;
  options.capture.proxy = self->proxy;
  options.log_unchanged = TRUE;
  g_ptr_array_set_size (self->gone, 0);
  desk_watch_check_async (get_store (self), case_id (self), &options, self->cancellable, on_progress, self, on_checked, g_object_ref (self));
  refresh (self);
  return TRUE;
}

static void
on_check_clicked (DeskWatchSection *self)
{
  desk_watch_section_check (self);
}

gboolean
desk_watch_section_get_busy (DeskWatchSection *self)
{
  return self->busy;
}

void
desk_watch_section_set_proxy (DeskWatchSection *self,
                              GProxyResolver   *proxy)
{
  g_set_object (&self->proxy, proxy);
}

/* While the case is shown, its listings are checked every few minutes
 * (Settings: watch-interval-minutes; 0 turns it off). */
static gboolean
on_timer (gpointer data)
{
  DeskWatchSection *self = data;

  desk_watch_section_check (self);
  return G_SOURCE_CONTINUE;
}

static void
restart_timer (DeskWatchSection *self)
{
  guint minutes = self->settings ? g_settings_get_uint (self->settings, "watch-interval-minutes") : 0;

  g_clear_handle_id (&self->timer, g_source_remove);
  if (minutes > 0 && self->kase)
    self->timer = g_timeout_add_seconds (minutes * 60, on_timer, self);
}

void
desk_watch_section_set_case (DeskWatchSection *self,
                             DeskSession      *session,
                             gint64            id)
{
  g_return_if_fail (DESK_IS_WATCH_SECTION (self));
  g_cancellable_cancel (self->cancellable);
  self->busy = FALSE;
  g_set_object (&self->session, session);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->error, g_free);
  g_ptr_array_set_size (self->gone, 0);
  if (session && id)
    self->kase = desk_store_get_case (get_store (self), id, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  restart_timer (self);
  refresh (self);
}

static void
desk_watch_section_dispose (GObject *object)
{
  DeskWatchSection *self = DESK_WATCH_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_object (&self->session);
  g_clear_object (&self->kase);
  g_clear_object (&self->proxy);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->gone, g_ptr_array_unref);
  G_OBJECT_CLASS (desk_watch_section_parent_class)->dispose (object);
}

static void
desk_watch_section_finalize (GObject *object)
{
  g_free (DESK_WATCH_SECTION (object)->error);
  G_OBJECT_CLASS (desk_watch_section_parent_class)->finalize (object);
}

static void
desk_watch_section_class_init (DeskWatchSectionClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_watch_section_dispose;
  object_class->finalize = desk_watch_section_finalize;
  /* Pulls the resources into any binary that links this widget alone. */
  g_assert_nonnull (desk_get_resource ());
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-watch-section.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskWatchSection, group);
  gtk_widget_class_bind_template_child (widget_class, DeskWatchSection, list);
  gtk_widget_class_bind_template_child (widget_class, DeskWatchSection, check_button);
  gtk_widget_class_bind_template_callback (widget_class, on_check_clicked);
}

static void
desk_watch_section_init (DeskWatchSection *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->gone = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_watch_result_free);
  /* Without the installed schema (tests, a build tree) the defaults apply. */
  if (schema && g_settings_schema_has_key (schema, "watch-interval-minutes"))
    {
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed::watch-interval-minutes", G_CALLBACK (restart_timer), self, G_CONNECT_SWAPPED);
    }
}

DeskWatchSection *
desk_watch_section_new (void)
{
  return g_object_new (DESK_TYPE_WATCH_SECTION, NULL);
}

static void
case_section_iface_init (DeskCaseSectionInterface *iface)
{
  iface->set_case = (DeskCaseSectionSetCase)desk_watch_section_set_case;
}
