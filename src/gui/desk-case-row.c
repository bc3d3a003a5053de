/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-case-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-case-row.h"
#include "desk-util.h"

struct _DeskCaseRow
{
  GtkWidget parent_instance;

  DeskCase *kase;
  gulong    notify_id;
  guint     tick_id;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *status_label;
  GtkLabel *countdown_label;
  GtkLabel *follow_up_label;
};

G_DEFINE_FINAL_TYPE (DeskCaseRow, desk_case_row, GTK_TYPE_WIDGET)

void
desk_countdown_label_update (GtkLabel *label,
                             DeskCase *kase)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  DeskDeadlineState state = desk_case_get_deadline_state (kase, now);
  g_autofree char  *text = NULL;

  if (state == DESK_DEADLINE_DONE || state == DESK_DEADLINE_NONE)
    text = g_strdup ("");
  else
    text = desk_deadline_format_countdown (desk_case_get_deadline_at (kase), now);
  gtk_label_set_text (label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  if (state == DESK_DEADLINE_SOON)
    gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
  else if (state == DESK_DEADLINE_OVERDUE)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
}

static void
update (DeskCaseRow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;
  DeskCase        *kase = self->kase;

  if (kase == NULL)
    return;
  /* Translators: "Platform · case type", e.g. "Shopee · IP complaint" */
  subtitle = g_strdup_printf (_ ("%s · %s"),
                              desk_platform_get_label (desk_case_get_platform (kase)),
                              desk_case_type_get_label (desk_case_get_case_type (kase)));
  gtk_label_set_text (self->title_label, desk_case_get_title (kase));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->status_label, desk_case_status_get_label (desk_case_get_status (kase)));
  desk_countdown_label_update (self->countdown_label, kase);
  a11y = g_strjoin (", ", desk_case_get_title (kase), subtitle,
                    gtk_label_get_text (self->status_label),
                    gtk_label_get_text (self->countdown_label), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static gboolean
on_tick (gpointer data)
{
  DeskCaseRow *self = data;

  if (self->kase)
    desk_countdown_label_update (self->countdown_label, self->kase);
  return G_SOURCE_CONTINUE;
}

/* Only rows on screen exist (GtkListView recycles), so one timer each is cheap. */
static void
desk_case_row_map (GtkWidget *widget)
{
  DeskCaseRow *self = DESK_CASE_ROW (widget);

  GTK_WIDGET_CLASS (desk_case_row_parent_class)->map (widget);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (30, on_tick, self);
}

static void
desk_case_row_unmap (GtkWidget *widget)
{
  DeskCaseRow *self = DESK_CASE_ROW (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  GTK_WIDGET_CLASS (desk_case_row_parent_class)->unmap (widget);
}

static void
desk_case_row_dispose (GObject *object)
{
  DeskCaseRow *self = (DeskCaseRow *)object;
  GtkWidget   *child;

  desk_case_row_set_case (self, NULL);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CASE_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (desk_case_row_parent_class)->dispose (object);
}

static void
desk_case_row_class_init (DeskCaseRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_case_row_dispose;
  widget_class->map = desk_case_row_map;
  widget_class->unmap = desk_case_row_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-case-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, DeskCaseRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCaseRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCaseRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCaseRow, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCaseRow, follow_up_label);
}

static void
desk_case_row_init (DeskCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DeskCaseRow *
desk_case_row_new (void)
{
  return g_object_new (DESK_TYPE_CASE_ROW, NULL);
}

void
desk_case_row_set_case (DeskCaseRow *self,
                        DeskCase    *kase)
{
  g_return_if_fail (DESK_IS_CASE_ROW (self));

  if (self->kase == kase)
    return;
  if (self->kase)
    g_clear_signal_handler (&self->notify_id, self->kase);
  g_set_object (&self->kase, kase);
  if (kase)
    {
      self->notify_id = g_signal_connect_swapped (kase, "notify", G_CALLBACK (update), self);
      update (self);
    }
}

void
desk_case_row_set_follow_up (DeskCaseRow        *self,
                             const DeskFollowUp *follow_up)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;

  g_return_if_fail (DESK_IS_CASE_ROW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_label), follow_up != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->follow_up_label), "error");
  if (follow_up == NULL)
    return;
  if (follow_up->due_at)
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (follow_up->due_at);

      /* The date first: a long action is cut at the end of the row. */
      due = g_date_time_format (local, "%Y-%m-%d");
      /* Translators: case list: a follow-up action's due date, then the action */
      text = g_strdup_printf (_ ("Follow-up due %s: %s"), due, follow_up->text);
      if (g_date_time_compare (follow_up->due_at, now) < 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->follow_up_label), "error");
    }
  else
    /* Translators: case list: a follow-up action without a due date */
    text = g_strdup_printf (_ ("Follow-up: %s"), follow_up->text);
  gtk_label_set_text (self->follow_up_label, text);
}

gint64
desk_case_row_get_case_id (DeskCaseRow *self)
{
  g_return_val_if_fail (DESK_IS_CASE_ROW (self), 0);
  return self->kase ? desk_case_get_id (self->kase) : 0;
}
