/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-section"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-checklist.h"
#include "desk-evidence-actions.h"
#include "desk-evidence-library.h"
#include "desk-evidence-list.h"
#include "desk-evidence-row.h"
#include "desk-case-section.h"
#include "desk-evidence-section.h"
#include "desk-evidence-store.h"
#include "desk-evidence-viewer.h"

struct _DeskEvidenceSection
{
  AdwBin parent_instance;

  DeskSession        *session;
  DeskStore          *store; /* the session's */
  gint64              case_id;
  DeskEvidenceList   *list;
  GtkFilterListModel *visible;
  GtkCustomFilter    *filter;
  gint64              pending_remove; /* hidden, removed when the toast goes */

  GQueue        queue; /* GFile to add */
  GCancellable *cancellable;
  guint         n_total;
  guint         n_done;
  guint         n_added;
  guint         n_failed;

  GtkRevealer    *progress_revealer;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkListBox     *list_box;
};

static void case_section_iface_init (DeskCaseSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskEvidenceSection, desk_evidence_section, ADW_TYPE_BIN, G_IMPLEMENT_INTERFACE (DESK_TYPE_CASE_SECTION, case_section_iface_init))

static void start_next (DeskEvidenceSection *self);

static void
add_toast (DeskEvidenceSection *self,
           AdwToast            *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
toast_text (DeskEvidenceSection *self,
            const char          *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  add_toast (self, toast);
}

static const DeskCaseRules *
case_rules (DeskEvidenceSection *self)
{
  g_autoptr (DeskCase) kase = desk_store_get_case (self->store, self->case_id, NULL);
  DeskRulePack *pack;

  if (kase == NULL)
    return NULL;
  pack = desk_session_get_pack (self->session, desk_case_get_platform (kase));
  return pack ? desk_rule_pack_get_case_rules (pack, desk_case_get_case_type (kase)) : NULL;
}

static char *
checklist_label (DeskSession       *session,
                 DeskChecklistItem *item)
{
  g_autoptr (DeskCase) kase = desk_store_get_case (desk_session_get_store (session), item->case_id, NULL);
  DeskRulePack            *pack = kase ? desk_session_get_pack (session, desk_case_get_platform (kase)) : NULL;
  DeskEvidenceRequirement *req = pack ? desk_checklist_item_get_requirement (item, pack, desk_case_get_case_type (kase)) : NULL;

  return g_strdup (req ? desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_CURRENT) : item->item_id);
}

static gboolean
item_has_evidence (DeskStore *store,
                   gint64     item_id,
                   gint64     evidence_id)
{
  g_autoptr (GArray) ids = desk_checklist_list_evidence (store, item_id, NULL);

  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == evidence_id)
      return TRUE;
  return FALSE;
}

static GMenuModel *
checklist_menu (DeskEvidenceSection *self,
                gint64               evidence_id)
{
  g_autoptr (GPtrArray) items = desk_checklist_list (self->session, self->case_id, NULL);
  GMenu *menu = g_menu_new ();

  for (guint i = 0; items && i < items->len; i++)
    {
      DeskChecklistItem *item = items->pdata[i];
      g_autofree char   *label = checklist_label (self->session, item);
      gboolean           linked = item_has_evidence (self->store, item->id, evidence_id);
      g_autofree char   *text = linked ? g_strdup_printf (_ ("✓ %s"), label) : g_strdup (label);
      g_autoptr (GMenuItem) entry = g_menu_item_new (text, NULL);

      g_menu_item_set_action_and_target_value (entry, linked ? "evidence.detach-checklist" : "evidence.attach-checklist",
                                               g_variant_new ("(xx)", evidence_id, item->id));
      g_menu_append_item (menu, entry);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (menu)) == 0)
    g_clear_object (&menu);
  return (GMenuModel *)menu;
}

static GMenuModel *
row_menu (DeskEvidenceSection *self,
          gint64               evidence_id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) top = g_menu_new ();
  g_autoptr (GMenu) bottom = g_menu_new ();
  g_autoptr (GMenuModel) checklist = checklist_menu (self, evidence_id);
  g_autoptr (GMenu) file = desk_evidence_actions_menu_section ("evidence.", evidence_id);
  g_autoptr (GMenuItem) remove = g_menu_item_new (_ ("_Remove from Case"), NULL);

  g_menu_item_set_action_and_target_value (remove, "evidence.remove", g_variant_new_int64 (evidence_id));
  if (checklist)
    g_menu_append_submenu (top, _ ("_Attach to Checklist Item"), checklist);
  g_menu_append_item (bottom, remove);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (file));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (top));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (bottom));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  DeskEvidenceSection *self = user_data;
  DeskEvidence        *evidence = item;
  g_auto (GStrv) warnings = desk_evidence_get_warnings (evidence, case_rules (self));
  g_autoptr (GMenuModel) menu = row_menu (self, desk_evidence_get_id (evidence));
  g_autofree char *name = desk_evidence_dup_display_name (evidence);
  g_autofree char *a11y = g_strdup_printf (_ ("Actions for “%s”"), name);
  GtkWidget       *content = desk_evidence_row_content_new (evidence, warnings, NULL);
  GtkWidget       *button = gtk_menu_button_new ();
  GtkWidget       *row = gtk_list_box_row_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _ ("More Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_box_append (GTK_BOX (content), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  /* A click (or Enter) previews; dragging hands the file to other programs. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, "evidence-row");
  g_object_set_data (G_OBJECT (row), "evidence-id", GSIZE_TO_POINTER ((gsize)desk_evidence_get_id (evidence)));
  gtk_widget_set_tooltip_text (row, _ ("Click to preview; drag to a folder or an upload page to use the file"));
  desk_evidence_add_drag_source (row, self->store, desk_evidence_get_id (evidence));
  return row;
}

static gboolean
filter_pending (gpointer item,
                gpointer user_data)
{
  DeskEvidenceSection *self = user_data;

  return desk_evidence_get_id (item) != self->pending_remove;
}

static GtkWidget *
placeholder (void)
{
  GtkWidget *label = gtk_label_new (_ ("No evidence yet. Drop files here, or use the + button to add files."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Removal with undo */

static void
finish_remove (DeskEvidenceSection *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = self->pending_remove;

  if (id == 0 || self->store == NULL)
    return;
  self->pending_remove = 0;
  if (!desk_evidence_detach (self->store, self->case_id, id, &error))
    toast_text (self, error->message);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
on_undo_remove (DeskEvidenceSection *self)
{
  self->pending_remove = 0;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
on_remove_toast_dismissed (AdwToast            *toast,
                           DeskEvidenceSection *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "evidence-id"));

  if (id == self->pending_remove)
    finish_remove (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DeskEvidenceSection *self = DESK_EVIDENCE_SECTION (widget);
  g_autoptr (DeskEvidence) evidence = desk_evidence_get (self->store, g_variant_get_int64 (param), NULL);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast        *toast;

  if (evidence == NULL)
    return;
  finish_remove (self);
  name = desk_evidence_dup_display_name (evidence);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_ ("“%s” removed from the case"), name);
  self->pending_remove = desk_evidence_get_id (evidence);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_object_set_data (G_OBJECT (toast), "evidence-id", GSIZE_TO_POINTER (self->pending_remove));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_remove_toast_dismissed), self, 0);
  add_toast (self, toast);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  DeskEvidenceSection *self = DESK_EVIDENCE_SECTION (widget);
  GtkRoot             *root = gtk_widget_get_root (widget);

  desk_evidence_viewer_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session,
                             g_variant_get_int64 (param));
}

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DeskEvidenceSection *self = DESK_EVIDENCE_SECTION (widget);

  if (g_str_equal (action_name, "evidence.save-copy"))
    desk_evidence_save_copy_dialog (widget, self->store, g_variant_get_int64 (param));
  else
    desk_evidence_open_with (widget, self->store, g_variant_get_int64 (param));
}

static void
on_row_activated (GtkListBox          *box,
                  GtkListBoxRow       *row,
                  DeskEvidenceSection *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "evidence-id"));

  if (id)
    gtk_widget_activate_action (GTK_WIDGET (self), "evidence.preview", "x", id);
}

static void
checklist_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DeskEvidenceSection *self = DESK_EVIDENCE_SECTION (widget);
  g_autoptr (GError) error = NULL;
  gint64   evidence_id, item_id;
  gboolean ok;

  g_variant_get (param, "(xx)", &evidence_id, &item_id);
  if (g_str_equal (action_name, "evidence.attach-checklist"))
    ok = desk_evidence_attach_to_checklist (self->store, item_id, evidence_id, &error);
  else
    ok = desk_evidence_detach_from_checklist (self->store, item_id, evidence_id, &error);
  if (!ok)
    toast_text (self, error->message);
}

static void
add_from_library_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  DeskEvidenceSection *self = DESK_EVIDENCE_SECTION (widget);
  GtkRoot             *root = gtk_widget_get_root (widget);

  if (self->session && self->case_id)
    desk_evidence_library_pick (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session, self->case_id);
}

/* Adding files */

static void
set_busy (DeskEvidenceSection *self,
          gboolean             busy)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.add-files", !busy);
}

static void
on_progress (goffset  done,
             goffset  total,
             gpointer user_data)
{
  DeskEvidenceSection *self = user_data;
  double               file_part = total > 0 ? (double)done / total : 0;

  if (self->n_total == 0)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, (self->n_done + file_part) / self->n_total);
}

static void
report_batch (DeskEvidenceSection *self)
{
  g_autofree char *text = NULL;

  if (self->n_added == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file added", "%u files added", self->n_added),
                          self->n_added);
  toast_text (self, text);
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (DeskEvidenceSection) self = user_data;
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;

  evidence = desk_evidence_add_finish (DESK_STORE (source), result, NULL, &error);
  self->n_done++;
  if (evidence)
    {
      /* Said at once, not only under the row: a web page saved as .pdf. */
      g_autofree char *mismatch = desk_evidence_describe_mismatch (evidence);

      self->n_added++;
      if (mismatch)
        toast_text (self, mismatch);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->n_failed++;
      toast_text (self, error->message);
    }
  start_next (self);
}

static void
start_next (DeskEvidenceSection *self)
{
  g_autoptr (GFile) file = g_queue_pop_head (&self->queue);
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;

  if (file == NULL || self->store == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      report_batch (self);
      g_queue_clear_full (&self->queue, g_object_unref);
      g_clear_object (&self->cancellable);
      self->n_total = self->n_done = self->n_added = self->n_failed = 0;
      set_busy (self, FALSE);
      return;
    }
  base = g_file_get_basename (file);
  /* Translators: “Adding 2 of 5: name.pdf” */
  text = g_strdup_printf (_ ("Adding %u of %u: %s"), self->n_done + 1, self->n_total, base);
  gtk_label_set_text (self->progress_label, text);
  desk_evidence_add_async (self->store, file, self->case_id, NULL, self->cancellable,
                           on_progress, self, on_added, g_object_ref (self));
}

void
desk_evidence_section_add_files (DeskEvidenceSection *self,
                                 GListModel          *files)
{
  guint    n;
  gboolean idle;

  g_return_if_fail (DESK_IS_EVIDENCE_SECTION (self));
  if (self->store == NULL || self->case_id == 0)
    return;
  idle = self->cancellable == NULL;
  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    g_queue_push_tail (&self->queue, g_list_model_get_item (files, i));
  self->n_total += n;
  if (!idle || n == 0)
    return;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_busy (self, TRUE);
  start_next (self);
}

gboolean
desk_evidence_section_is_busy (DeskEvidenceSection *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE_SECTION (self), FALSE);
  return self->cancellable != NULL;
}

static void
on_cancel_clicked (DeskEvidenceSection *self)
{
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

static gboolean
on_drop (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         DeskEvidenceSection *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr (GListStore) files = g_list_store_new (G_TYPE_FILE);
  GSList *items;

  if (list == NULL || self->case_id == 0)
    return FALSE;
  items = gdk_file_list_get_files (list);
  for (GSList *l = items; l; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (items);
  desk_evidence_section_add_files (self, G_LIST_MODEL (files));
  return TRUE;
}

static void
on_files_chosen (GListModel *files,
                 gpointer    user_data)
{
  desk_evidence_section_add_files (user_data, files);
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  desk_evidence_choose_files (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, on_files_chosen, G_OBJECT (widget));
}

static void
desk_evidence_section_dispose (GObject *object)
{
  DeskEvidenceSection *self = (DeskEvidenceSection *)object;

  finish_remove (self);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->queue, g_object_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_EVIDENCE_SECTION);
  g_clear_object (&self->visible);
  g_clear_object (&self->filter);
  g_clear_object (&self->list);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (desk_evidence_section_parent_class)->dispose (object);
}

static void
desk_evidence_section_class_init (DeskEvidenceSectionClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_evidence_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-evidence-section.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceSection, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceSection, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceSection, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceSection, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_install_action (widget_class, "evidence.add-files", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "evidence.add-from-library", NULL, add_from_library_action);
  gtk_widget_class_install_action (widget_class, "evidence.preview", "x", preview_action);
  gtk_widget_class_install_action (widget_class, "evidence.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "evidence.save-copy", "x", file_action);
  gtk_widget_class_install_action (widget_class, "evidence.open-with", "x", file_action);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_install_action (widget_class, "evidence.attach-checklist", "(xx)", checklist_action);
  gtk_widget_class_install_action (widget_class, "evidence.detach-checklist", "(xx)", checklist_action);
}

static void
desk_evidence_section_init (DeskEvidenceSection *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_queue_init (&self->queue);
  gtk_list_box_set_placeholder (self->list_box, placeholder ());
  self->filter = gtk_custom_filter_new (filter_pending, self, NULL);
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

DeskEvidenceSection *
desk_evidence_section_new (void)
{
  return g_object_new (DESK_TYPE_EVIDENCE_SECTION, NULL);
}

void
desk_evidence_section_set_case (DeskEvidenceSection *self,
                                DeskSession         *session,
                                gint64               case_id)
{
  DeskStore *store = session ? desk_session_get_store (session) : NULL;

  g_return_if_fail (DESK_IS_EVIDENCE_SECTION (self));
  if (self->session == session && self->case_id == case_id)
    return;
  finish_remove (self);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->session, session);
  g_set_object (&self->store, store);
  self->case_id = case_id;
  g_clear_object (&self->list);
  g_clear_object (&self->visible);
  if (store && case_id)
    {
      self->list = desk_evidence_list_new (store, case_id);
      self->visible = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->list)),
                                                 GTK_FILTER (g_object_ref (self->filter)));
    }
  gtk_list_box_bind_model (self->list_box, self->visible ? G_LIST_MODEL (self->visible) : NULL,
                           create_row, self, NULL);
}

gint64
desk_evidence_section_get_case_id (DeskEvidenceSection *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE_SECTION (self), 0);
  return self->case_id;
}

static void
case_section_iface_init (DeskCaseSectionInterface *iface)
{
  iface->set_case = (DeskCaseSectionSetCase)desk_evidence_section_set_case;
}
