/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-case-page.h"
#include "desk-case-edit-dialog.h"
#include "desk-activity-section.h"
#include "desk-gui-util.h"
#include "desk-attempts-view.h"
#include "desk-watch-section.h"
#include "desk-case-row.h"
#include "desk-case-section.h"
#include "desk-evidence-section.h"
#include "desk-checklist-view.h"
#include "desk-letter-section.h"
#include "desk-package-section.h"
#include "desk-timeline.h"
#include "desk-tracking-view.h"
#include "desk-chain-section.h"
#include "desk-util.h"

struct _DeskCasePage
{
  AdwBin parent_instance;

  DeskSession *session;
  DeskStore   *store; /* the session's */
  DeskCase    *kase;
  gboolean     loading;

  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkLabel          *countdown_label;
  AdwComboRow       *status_row;
  AdwActionRow      *case_id_row;
  AdwActionRow      *code_row;
  AdwActionRow      *products_row;
  AdwActionRow      *received_row;
  AdwActionRow      *deadline_row;
  GtkLabel          *notice_label;
  GtkBox            *sections;
  DeskChecklistView *checklist_view;
};

G_DEFINE_FINAL_TYPE (DeskCasePage, desk_case_page, ADW_TYPE_BIN)

static const char *
or_dash (const char *text)
{
  return text && *text ? text : "—";
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, or_dash (text));
}

static void
fill (DeskCasePage *self)
{
  DeskCase        *kase = self->kase;
  g_autofree char *subtitle = NULL;
  g_autofree char *products = g_strjoinv (", ", (char **)desk_case_get_product_ids (kase));
  g_autofree char *received = desk_time_format_local (desk_case_get_received_at (kase));
  g_autofree char *deadline = desk_time_format_local (desk_case_get_deadline_at (kase));

  self->loading = TRUE;
  subtitle = g_strdup_printf (_ ("%s · %s"),
                              desk_platform_get_label (desk_case_get_platform (kase)),
                              desk_case_type_get_label (desk_case_get_case_type (kase)));
  gtk_label_set_text (self->title_label, desk_case_get_title (kase));
  gtk_label_set_text (self->subtitle_label, subtitle);
  desk_countdown_label_update (self->countdown_label, kase);
  adw_combo_row_set_selected (self->status_row, desk_case_get_status (kase));
  set_subtitle (self->case_id_row, desk_case_get_platform_case_id (kase));
  set_subtitle (self->code_row, desk_case_get_violation_code (kase));
  set_subtitle (self->products_row, products);
  set_subtitle (self->received_row, received);
  set_subtitle (self->deadline_row, deadline);
  gtk_label_set_text (self->notice_label, *desk_case_get_notice_text (kase)
                                              ? desk_case_get_notice_text (kase)
                                              : _ ("No notice text was saved."));
  self->loading = FALSE;
}

static void
on_status_selected (DeskCasePage *self)
{
  g_autoptr (GError) error = NULL;
  DeskCaseStatus status = adw_combo_row_get_selected (self->status_row);

  if (self->loading || self->kase == NULL || status == desk_case_get_status (self->kase))
    return;
  /* One call: the status and its timeline entry in one transaction. */
  if (!desk_timeline_set_status (self->store, self->kase, status, NULL, &error))
    {
      self->loading = TRUE;
      adw_combo_row_set_selected (self->status_row, desk_case_get_status (self->kase));
      self->loading = FALSE;
      desk_gui_report_error (GTK_WIDGET (self), _ ("The status was not changed."), error);
      return;
    }
}

static void
on_copy_notice (DeskCasePage *self)
{
  if (self->kase == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                          desk_case_get_notice_text (self->kase));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DeskCasePage *self = DESK_CASE_PAGE (widget);

  if (self->kase)
    desk_case_edit_dialog_present (widget, self->store, desk_case_get_id (self->kase));
}

static void
setup_status_model (DeskCasePage *self)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  for (DeskCaseStatus s = DESK_CASE_STATUS_DRAFT; s <= DESK_CASE_STATUS_CLOSED; s++)
    gtk_string_list_append (list, desk_case_status_get_label (s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (list));
}

static void
desk_case_page_dispose (GObject *object)
{
  DeskCasePage *self = (DeskCasePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CASE_PAGE);
  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (desk_case_page_parent_class)->dispose (object);
}

static void
desk_case_page_class_init (DeskCasePageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_case_page_dispose;

  /* The sections the template declares. */
  g_type_ensure (DESK_TYPE_CHECKLIST_VIEW);
  g_type_ensure (DESK_TYPE_ATTEMPTS_VIEW);
  g_type_ensure (DESK_TYPE_EVIDENCE_SECTION);
  g_type_ensure (DESK_TYPE_CHAIN_SECTION);
  g_type_ensure (DESK_TYPE_TRACKING_VIEW);
  g_type_ensure (DESK_TYPE_ACTIVITY_SECTION);
  g_type_ensure (DESK_TYPE_WATCH_SECTION);
  g_type_ensure (DESK_TYPE_LETTER_SECTION);
  g_type_ensure (DESK_TYPE_PACKAGE_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCasePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCasePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCasePage, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCasePage, status_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCasePage, case_id_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCasePage, code_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCasePage, products_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCasePage, received_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCasePage, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCasePage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCasePage, sections);
  gtk_widget_class_bind_template_child (widget_class, DeskCasePage, checklist_view);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_notice);
  gtk_widget_class_install_action (widget_class, "case.edit", NULL, edit_action);
}

static void
desk_case_page_init (DeskCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_status_model (self);
}

/* Attaching evidence can tick checklist items ("provided"): show it. */
static void
on_evidence_changed (DeskCasePage *self,
                     gint64        case_id)
{
  if (self->kase && (case_id == 0 || case_id == desk_case_get_id (self->kase)))
    {
      desk_checklist_view_reload (self->checklist_view);
    }
}

/* A submission recorded, a status set from the CLI or another window: show
 * it at once (status, countdown, timeline). */
static void
on_case_changed (DeskCasePage *self,
                 gint64        case_id)
{
  g_autoptr (DeskCase) fresh = NULL;

  if (self->kase == NULL || case_id != desk_case_get_id (self->kase) || self->loading)
    return;
  if (!(fresh = desk_store_get_case (self->store, case_id, NULL)))
    return;
  g_set_object (&self->kase, fresh);
  fill (self);
}

void
desk_case_page_set_session (DeskCasePage *self,
                            DeskSession  *session)
{
  g_return_if_fail (DESK_IS_CASE_PAGE (self));
  g_return_if_fail (session == NULL || DESK_IS_SESSION (session));
  if (self->session)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (!g_set_object (&self->session, session))
    return;
  g_clear_object (&self->store);
  if (session == NULL)
    return;
  self->store = g_object_ref (desk_session_get_store (session));
  g_signal_connect_object (session, "evidence-changed", G_CALLBACK (on_evidence_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "cases-changed", G_CALLBACK (on_case_changed), self, G_CONNECT_SWAPPED);
}

/* The sections declared in the template get the case. */
static void
set_sections_case (DeskCasePage *self,
                   gint64        case_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections)); child;
       child = gtk_widget_get_next_sibling (child))
    if (DESK_IS_CASE_SECTION (child))
      desk_case_section_set_case (DESK_CASE_SECTION (child), self->session, case_id);
}

void
desk_case_page_set_case (DeskCasePage *self,
                         gint64        case_id)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (DESK_IS_CASE_PAGE (self));
  if (self->kase && desk_case_get_id (self->kase) == case_id)
    return;
  g_clear_object (&self->kase);
  if (case_id == 0 || self->store == NULL)
    return;
  self->kase = desk_store_get_case (self->store, case_id, &error);
  if (self->kase == NULL)
    {
      desk_gui_report_error (GTK_WIDGET (self), _ ("The case could not be opened."), error);
      return;
    }
  fill (self);
  /* Another case starts at its top, not where the last one was left. */
  /* (Not a template child: AdwBin unparents its own child.) */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)))), 0);
  set_sections_case (self, case_id);
}

DeskCase *
desk_case_page_get_case (DeskCasePage *self)
{
  g_return_val_if_fail (DESK_IS_CASE_PAGE (self), NULL);
  return self->kase;
}
