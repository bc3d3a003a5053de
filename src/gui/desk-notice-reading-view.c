/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice-reading-view"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-notice-reading-view.h"
#include "desk-resources.h"

struct _DeskNoticeReadingView
{
  AdwPreferencesGroup parent_instance;

  GtkWidget *empty_row;
  GPtrArray *rows; /* GtkWidget*, borrowed from the group */
};

G_DEFINE_FINAL_TYPE (DeskNoticeReadingView, desk_notice_reading_view, ADW_TYPE_PREFERENCES_GROUP)

static void
desk_notice_reading_view_dispose (GObject *object)
{
  DeskNoticeReadingView *self = DESK_NOTICE_READING_VIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (desk_notice_reading_view_parent_class)->dispose (object);
}

static void
desk_notice_reading_view_class_init (DeskNoticeReadingViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_notice_reading_view_dispose;
  /* Referencing the resource keeps its object (and constructor) in the static library. */
  g_assert_nonnull (desk_get_resource ());
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-notice-reading-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeReadingView, empty_row);
}

static void
desk_notice_reading_view_init (DeskNoticeReadingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
desk_notice_reading_view_new (void)
{
  return g_object_new (DESK_TYPE_NOTICE_READING_VIEW, NULL);
}

static void
clear_rows (DeskNoticeReadingView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
}

/* The value, then the notice line it came from, smaller and dimmed. */
static void
add_row (DeskNoticeReadingView *self,
         const char            *title,
         const char            *value,
         const char            *source,
         guint                  line,
         gboolean               other_party)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_value = g_markup_escape_text (value, -1);
  g_autofree char *escaped_source = g_markup_escape_text (source ? source : "", -1);
  g_autofree char *from = NULL;
  g_autofree char *subtitle = NULL;

  if (source && *source && line > 0)
    /* Translators: under a value read from the notice: "Line 4: Case ID: 123" */
    from = g_strdup_printf (_ ("Line %u: %s"), line, escaped_source);
  else if (source && *source)
    from = g_strdup (escaped_source);
  subtitle = from ? g_strdup_printf ("%s\n<span size=\"small\" alpha=\"70%%\">%s</span>", escaped_value, from)
                  : g_strdup (escaped_value);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (other_party)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("system-users-symbolic");

      /* Translators: tooltip and accessible text of a value that belongs to the other party */
      gtk_widget_set_tooltip_text (icon, _ ("The other party’s, not yours"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("The other party’s, not yours"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

void
desk_notice_reading_view_set_reading (DeskNoticeReadingView *self,
                                      GPtrArray             *fields,
                                      GPtrArray             *facts)
{
  g_return_if_fail (DESK_IS_NOTICE_READING_VIEW (self));

  clear_rows (self);
  for (guint i = 0; fields && i < fields->len; i++)
    {
      DeskNoticeField *field = fields->pdata[i];

      add_row (self, desk_notice_role_get_label (field->role), field->value, field->source, field->line,
               desk_notice_role_is_counterparty (field->role));
    }
  for (guint i = 0; facts && i < facts->len; i++)
    {
      DeskNoticeFact  *fact = facts->pdata[i];
      g_autofree char *said = desk_notice_fact_describe (fact);

      add_row (self, *fact->subject ? fact->subject : _ ("Figure"), said, fact->source, fact->line, FALSE);
    }
  gtk_widget_set_visible (self->empty_row, self->rows->len == 0);
}

void
desk_notice_reading_view_set_notice (DeskNoticeReadingView *self,
                                     DeskNotice            *notice)
{
  g_return_if_fail (DESK_IS_NOTICE_READING_VIEW (self));
  g_return_if_fail (notice == NULL || DESK_IS_NOTICE (notice));

  desk_notice_reading_view_set_reading (self, notice ? desk_notice_get_fields (notice) : NULL,
                                        notice ? desk_notice_get_facts (notice) : NULL);
}

guint
desk_notice_reading_view_get_n_rows (DeskNoticeReadingView *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE_READING_VIEW (self), 0);
  return self->rows->len;
}
