/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-application"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-seller-profile-page.h"
#include "desk-deadline-notifier.h"
#include "desk-gui-util.h"
#include "desk-screenshot.h"
#include "desk-window.h"

struct _DeskApplication
{
  AdwApplication        parent_instance;
  DeskSession          *session;
  GError               *store_error;
  DeskDeadlineNotifier *notifier;    /* startup to shutdown */
  GError               *purge_error; /* for the first window to show */
};

G_DEFINE_FINAL_TYPE (DeskApplication, desk_application, ADW_TYPE_APPLICATION)

static void
desk_application_dispose (GObject *object)
{
  DeskApplication *self = (DeskApplication *)object;

  g_clear_object (&self->notifier);
  g_clear_object (&self->session);
  g_clear_error (&self->store_error);
  g_clear_error (&self->purge_error);
  G_OBJECT_CLASS (desk_application_parent_class)->dispose (object);
}

static void
desk_application_startup (GApplication *app)
{
  static gpointer name_set;

  DeskApplication *self = DESK_APPLICATION (app);

  G_APPLICATION_CLASS (desk_application_parent_class)->startup (app);
  if (g_once_init_enter (&name_set))
    {
      g_set_application_name (_ ("Appeal Desk"));
      g_once_init_leave (&name_set, GINT_TO_POINTER (1));
    }
  gtk_window_set_default_icon_name (APP_ID);

  self->session = desk_session_new (NULL, &self->store_error);
  if (self->session)
    self->notifier = desk_deadline_notifier_new (app, self->session);
  /* Cases deleted in an earlier run are past their undo window. There is
   * no window yet: the first one says when this failed. (A read-only
   * folder keeps them; the window says it is read-only.) */
  if (self->session && !desk_store_is_read_only (desk_session_get_store (self->session)))
    desk_store_purge_trash (desk_session_get_store (self->session), &self->purge_error);
}

static void
desk_application_shutdown (GApplication *app)
{
  g_clear_object (&DESK_APPLICATION (app)->notifier);
  G_APPLICATION_CLASS (desk_application_parent_class)->shutdown (app);
}

static void
desk_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (desk_application_new_window (DESK_APPLICATION (app)));
      desk_screenshot_hook_window (window);
    }
  gtk_window_present (window);
}

static void
desk_application_class_init (DeskApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = desk_application_dispose;
  app_class->startup = desk_application_startup;
  app_class->shutdown = desk_application_shutdown;
  app_class->activate = desk_application_activate;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList          *windows = gtk_application_get_windows (app);

  /* Close windows first so they save their size and finish pending deletes. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (app));
}

/* "app.show-case" (int64): what deadline notifications open. */
static void
show_case_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow      *window = gtk_application_get_active_window (app);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      window = gtk_application_get_active_window (app);
    }
  if (!DESK_IS_WINDOW (window))
    return;
  desk_window_show_case (DESK_WINDOW (window), g_variant_get_int64 (param));
  gtk_window_present (window);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  desk_application_show_about (user_data);
}

/* Preferences → Seller profile (the companies the chain checker compares with). */
static void
seller_profile_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  DeskSession *session = desk_application_get_session (user_data);

  if (session)
    desk_seller_profile_present (gtk_application_get_active_window (user_data), session);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "seller-profile", seller_profile_activated },
  { "show-case", show_case_activated, "x" },
};

static void
desk_application_init (DeskApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *profile_accels[] = { "<Control>comma", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-case", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.seller-profile", profile_accels);
}

DeskWindow *
desk_application_new_window (DeskApplication *self)
{
  g_autoptr (GError) purge_error = NULL;
  DeskWindow *window;

  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);
  window = desk_window_new (GTK_APPLICATION (self), self->session, self->store_error);
  if ((purge_error = g_steal_pointer (&self->purge_error)))
    desk_gui_report_error (GTK_WIDGET (window), _ ("Cases you deleted earlier could not be removed for good; they stay hidden and Appeal Desk tries again the next time it starts."), purge_error);
  return window;
}

DeskApplication *
desk_application_new (void)
{
  return g_object_new (DESK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

DeskSession *
desk_application_get_session (DeskApplication *self)
{
  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);
  return self->session;
}

DeskStore *
desk_application_get_store (DeskApplication *self)
{
  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);
  return self->session ? desk_session_get_store (self->session) : NULL;
}

const GError *
desk_application_get_store_error (DeskApplication *self)
{
  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);
  return self->store_error;
}

void
desk_application_show_about (DeskApplication *self)
{
  static const char *developers[] = { "Appeal Desk contributors", NULL };
  GtkWindow         *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", _ ("Appeal Desk"),
                         "application-icon", APP_ID,
                         "developer-name", _ ("Appeal Desk contributors"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/appealdesk/appeal-desk",
                         "issue-url", "https://github.com/appealdesk/appeal-desk/issues",
                         "comments", _ ("Answer platform takedowns, IP complaints and campaign exits with the right evidence, in the right words, before the deadline. Everything stays on this computer."),
                         "copyright", "© 2026 Appeal Desk contributors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _ ("translator-credits"),
                         NULL);
}
