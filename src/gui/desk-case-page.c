/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-case-page.h"
#include "desk-activity-section.h"
#include "desk-attempts-view.h"
#include "desk-case-row.h"
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
  DeskAttemptsView  *attempts_view;

  DeskPackageSection  *package_section;
  DeskTrackingView    *tracking_view;
  DeskChainSection    *chain_section;
  DeskActivitySection *activity_section;
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
      g_warning ("Could not change the status: %s", error->message);
      self->loading = TRUE;
      adw_combo_row_set_selected (self->status_row, desk_case_get_status (self->kase));
      self->loading = FALSE;
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
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_notice);
}

static void
desk_case_page_init (DeskCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_status_model (self);
  gtk_box_append (self->sections, GTK_WIDGET (self->checklist_view = desk_checklist_view_new ()));
  gtk_box_append (self->sections, GTK_WIDGET (self->attempts_view = desk_attempts_view_new ()));
  gtk_box_append (self->sections, GTK_WIDGET (self->chain_section = desk_chain_section_new ()));
  gtk_box_append (self->sections, GTK_WIDGET (self->package_section = desk_package_section_new ()));
  gtk_box_append (self->sections, GTK_WIDGET (self->tracking_view = desk_tracking_view_new ()));
  gtk_box_append (self->sections, GTK_WIDGET (self->activity_section = desk_activity_section_new ()));
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
      g_warning ("Could not load case %" G_GINT64_FORMAT ": %s", case_id, error->message);
      return;
    }
  fill (self);
  desk_evidence_section_attach (self->sections, self->session, case_id);
  desk_checklist_view_set_case (self->checklist_view, self->session, case_id);
  desk_attempts_view_set_case (self->attempts_view, self->session, case_id);
  desk_letter_section_attach (self->sections, self->session, case_id);
  desk_package_section_set_case (self->package_section, self->session, case_id);
  /* The package is the last step: keep it below the evidence section,
   * which is added on the first case. */
  if (gtk_widget_get_last_child (GTK_WIDGET (self->sections)) != GTK_WIDGET (self->package_section))
    gtk_box_reorder_child_after (self->sections, GTK_WIDGET (self->package_section),
                                 gtk_widget_get_last_child (GTK_WIDGET (self->sections)));
  desk_tracking_view_set_case (self->tracking_view, self->session, case_id);
  desk_chain_section_set_case (self->chain_section, self->session, case_id);
  desk_activity_section_set_case (self->activity_section, self->session, case_id);
}

DeskCase *
desk_case_page_get_case (DeskCasePage *self)
{
  g_return_val_if_fail (DESK_IS_CASE_PAGE (self), NULL);
  return self->kase;
}

GtkBox *
desk_case_page_get_sections (DeskCasePage *self)
{
  g_return_val_if_fail (DESK_IS_CASE_PAGE (self), NULL);
  return self->sections;
}
