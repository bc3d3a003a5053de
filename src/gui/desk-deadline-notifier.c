/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-deadline-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-deadline-notifier.h"
#include "desk-deadline-watch.h"
#include "desk-settings.h"

#define CHECK_INTERVAL_SECONDS 60

struct _DeskDeadlineNotifier
{
  GObject parent_instance;

  GApplication *app; /* weak */
  DeskStore    *store;
  GSettings    *settings;
  guint         timeout_id;
  guint         idle_id;
};

G_DEFINE_FINAL_TYPE (DeskDeadlineNotifier, desk_deadline_notifier, G_TYPE_OBJECT)

static void
send_alert (DeskDeadlineNotifier    *self,
            const DeskDeadlineAlert *alert,
            GDateTime               *now)
{
  g_autoptr (DeskCase) kase = desk_store_get_case (self->store, alert->case_id, NULL);
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *tag = g_strdup_printf ("deadline-%" G_GINT64_FORMAT, alert->case_id);

  if (kase == NULL)
    return;
  title = desk_deadline_watch_format_title (kase, alert->threshold_hours);
  body = desk_deadline_watch_format_body (kase, now);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, alert->threshold_hours == 1
                                                 ? G_NOTIFICATION_PRIORITY_URGENT
                                                 : G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-case", "x", alert->case_id);
  /* Translators: button in a deadline notification */
  g_notification_add_button_with_target (notification, _ ("Open Case"), "app.show-case", "x", alert->case_id);
  g_application_send_notification (self->app, tag, notification);
}

guint
desk_deadline_notifier_check (DeskDeadlineNotifier *self,
                              GDateTime            *now)
{
  g_autoptr (GDateTime) current = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autoptr (GArray) due = NULL;
  g_autoptr (GError) error = NULL;
  guint sent = 0;

  g_return_val_if_fail (DESK_IS_DEADLINE_NOTIFIER (self), 0);
  if (self->app == NULL || (self->settings && !g_settings_get_boolean (self->settings, "notify-deadlines")))
    return 0;
  /* Without a session bus (tests, some sandboxes) nothing can be shown:
   * keep the alerts for a later check rather than marking them sent. */
  if (g_application_get_dbus_connection (self->app) == NULL)
    return 0;
  if (!desk_deadline_watch_forget_stale (self->store, current, &error)
      || !(due = desk_deadline_watch_due (self->store, current, &error)))
    {
      g_message ("Could not check the deadlines: %s", error->message); /* retried in a minute */
      return 0;
    }
  for (guint i = 0; i < due->len; i++, sent++)
    {
      const DeskDeadlineAlert *alert = &g_array_index (due, DeskDeadlineAlert, i);

      send_alert (self, alert, current);
      if (!desk_deadline_watch_mark_notified (self->store, alert->case_id, alert->threshold_hours, &error))
        {
          g_message ("Could not record the notification: %s", error->message); /* may repeat once */
          g_clear_error (&error);
        }
    }
  return sent;
}

static gboolean
on_timeout (gpointer user_data)
{
  desk_deadline_notifier_check (user_data, NULL);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_first_check (gpointer user_data)
{
  DeskDeadlineNotifier *self = user_data;

  self->idle_id = 0;
  desk_deadline_notifier_check (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
stop (DeskDeadlineNotifier *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
}

static void
desk_deadline_notifier_dispose (GObject *object)
{
  DeskDeadlineNotifier *self = (DeskDeadlineNotifier *)object;

  stop (self);
  g_clear_weak_pointer (&self->app);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (desk_deadline_notifier_parent_class)->dispose (object);
}

static void
desk_deadline_notifier_class_init (DeskDeadlineNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = desk_deadline_notifier_dispose;
}

static void
desk_deadline_notifier_init (DeskDeadlineNotifier *self)
{
  self->settings = desk_settings_dup ();
}

DeskDeadlineNotifier *
desk_deadline_notifier_new (GApplication *app,
                            DeskSession  *session)
{
  DeskDeadlineNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);

  self = g_object_new (DESK_TYPE_DEADLINE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->app, app);
  self->store = g_object_ref (desk_session_get_store (session));
  self->timeout_id = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, on_timeout, self);
  self->idle_id = g_idle_add (on_first_check, self);
  return self;
}

/* Overdue toast */

AdwToast *
desk_deadline_notifier_overdue_toast (DeskSession *session)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  AdwToast *toast;
  guint     n;

  g_return_val_if_fail (session == NULL || DESK_IS_SESSION (session), NULL);
  if (session == NULL || !(ids = desk_deadline_watch_overdue (desk_session_get_store (session), now, &error)))
    {
      /* A toast about deadlines that cannot be read would only alarm: the
       * case list shows the same database's problem. */
      if (error)
        g_message ("Could not look for overdue cases: %s", error->message);
      return NULL;
    }
  if ((n = ids->len) == 0)
    return NULL;
  toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE, "%u case is overdue", "%u cases are overdue", n), n);
  /* Translators: toast button that opens the most overdue case */
  adw_toast_set_button_label (toast, _ ("_Show"));
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_action_name (toast, "win.show-case");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (g_array_index (ids, gint64, 0)));
  return toast;
}
