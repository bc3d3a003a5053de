/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence-library"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-evidence-actions.h"
#include "desk-evidence-library.h"
#include "desk-evidence-list.h"
#include "desk-evidence-row.h"
#include "desk-evidence-store.h"
#include "desk-evidence-viewer.h"
#include "desk-util.h"

struct _DeskEvidenceLibrary
{
  AdwWindow parent_instance;

  DeskSession        *session;
  DeskStore          *store;     /* the session's */
  gint64              pick_case; /* 0: library mode */
  DeskEvidenceList   *list;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  char               *folded_query;
  GQueue              queue; /* GFile to add */
  GCancellable       *cancellable;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *add_button;
  GtkSpinner      *spinner;
  GtkSearchEntry  *search_entry;
  GtkStack        *stack;
  GtkListView     *list_view;
  AdwStatusPage   *empty_page;
};

G_DEFINE_FINAL_TYPE (DeskEvidenceLibrary, desk_evidence_library, ADW_TYPE_WINDOW)

static void
toast (DeskEvidenceLibrary *self,
       const char          *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DeskEvidenceLibrary *self = user_data;

  return desk_evidence_matches (item, self->folded_query);
}

static void
update_state (DeskEvidenceLibrary *self)
{
  guint            shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint            total = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", total), total);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, shown ? "list" : "empty");
  if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _ ("No Evidence Yet"));
      adw_status_page_set_description (self->empty_page, _ ("Files you add to cases appear here. Add certificates and authorizations you reuse with the + button."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _ ("No Matching Evidence"));
      adw_status_page_set_description (self->empty_page, _ ("Try another file name or note."));
    }
}

static void
on_search_changed (DeskEvidenceLibrary *self)
{
  g_free (self->folded_query);
  self->folded_query = desk_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static char *
usage_text (DeskEvidenceLibrary *self,
            DeskEvidence        *evidence)
{
  g_autoptr (GPtrArray) cases = desk_evidence_list_cases (self->store, desk_evidence_get_id (evidence), NULL);
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (cases == NULL || cases->len == 0)
    return g_strdup (_ ("Not used by any case"));
  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (titles, (gpointer)desk_case_get_title (cases->pdata[i]));
  g_ptr_array_add (titles, NULL);
  /* Translators: separator between case titles */
  joined = g_strjoinv (_ (", "), (char **)titles->pdata);
  /* Translators: %s is a list of case titles */
  return g_strdup_printf (_ ("Used by: %s"), joined);
}

static gboolean
in_pick_case (DeskEvidenceLibrary *self,
              DeskEvidence        *evidence)
{
  g_autoptr (GPtrArray) cases = desk_evidence_list_cases (self->store, desk_evidence_get_id (evidence), NULL);

  for (guint i = 0; cases && i < cases->len; i++)
    if (desk_case_get_id (cases->pdata[i]) == self->pick_case)
      return TRUE;
  return FALSE;
}

static gboolean
on_keep_set (GtkSwitch           *sw,
             gboolean             state,
             DeskEvidenceLibrary *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (sw), "evidence-id"));

  if (!desk_evidence_set_in_library (self->store, id, state, &error))
    {
      toast (self, error->message);
      return TRUE; /* keep the old state */
    }
  return FALSE;
}

/* The switch alone says nothing to someone who has not hovered it. */
static GtkWidget *
labelled_switch (GtkWidget *sw)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  /* Translators: caption under the "keep in library" switch; keep it short */
  GtkWidget *label = gtk_label_new (C_ ("library switch", "Keep"));

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_halign (sw, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), sw);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
keep_switch (DeskEvidenceLibrary *self,
             DeskEvidence        *evidence)
{
  GtkWidget *sw = gtk_switch_new ();
  gboolean   unused = desk_evidence_get_usage_count (evidence) == 0;

  gtk_switch_set_active (GTK_SWITCH (sw), desk_evidence_get_in_library (evidence));
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  /* Switching off an item no case uses would delete it: that is what
   * "Delete…" in the menu is for, with a confirmation. */
  gtk_widget_set_sensitive (sw, !(unused && desk_evidence_get_in_library (evidence)));
  gtk_widget_set_tooltip_text (sw, unused ? _ ("Kept in the library: no case uses it. Use Delete in the menu to remove it.")
                                          : _ ("Keep in the library even when no case uses it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Keep in library"), -1);
  g_object_set_data (G_OBJECT (sw), "evidence-id", GSIZE_TO_POINTER (desk_evidence_get_id (evidence)));
  g_signal_connect (sw, "state-set", G_CALLBACK (on_keep_set), self);
  return labelled_switch (sw);
}

static GtkWidget *
menu_button (DeskEvidence *evidence)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) file = desk_evidence_actions_menu_section ("win.evidence-", desk_evidence_get_id (evidence));
  g_autofree char *name = desk_evidence_dup_display_name (evidence);
  /* Translators: accessible name of a file's menu button; %s is a file name */
  g_autofree char *a11y = g_strdup_printf (_ ("Actions for “%s”"), name);
  GtkWidget       *button = gtk_menu_button_new ();
  gint64           id = desk_evidence_get_id (evidence);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (file));
  if (desk_evidence_get_usage_count (evidence) == 0)
    {
      g_autoptr (GMenuItem) del = g_menu_item_new (_ ("_Delete…"), NULL);

      g_menu_item_set_action_and_target_value (del, "win.delete-evidence", g_variant_new_int64 (id));
      g_menu_append_item (menu, del);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _ ("More Actions"));
  return button;
}

static GtkWidget *
pick_button (DeskEvidenceLibrary *self,
             DeskEvidence        *evidence)
{
  gboolean   added = in_pick_case (self, evidence);
  GtkWidget *button = gtk_button_new_with_mnemonic (added ? _ ("Added") : _ ("_Add"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, !added);
  if (!added)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.pick-evidence");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (desk_evidence_get_id (evidence)));
  return button;
}

static void
fill_row (DeskEvidenceLibrary *self,
          GtkListItem         *list_item)
{
  DeskEvidence *evidence = gtk_list_item_get_item (list_item);
  g_auto (GStrv) warnings = desk_evidence_get_warnings (evidence, NULL);
  g_autofree char *usage = usage_text (self, evidence);
  GtkWidget       *content = desk_evidence_row_content_new (evidence, warnings, usage);

  desk_evidence_add_drag_source (content, self->store, desk_evidence_get_id (evidence));
  if (self->pick_case)
    gtk_box_append (GTK_BOX (content), pick_button (self, evidence));
  else
    {
      gtk_box_append (GTK_BOX (content), keep_switch (self, evidence));
      gtk_box_append (GTK_BOX (content), menu_button (evidence));
    }
  gtk_list_item_set_child (list_item, content);
}

static void
on_item_notify (DeskEvidence *evidence,
                GParamSpec   *pspec,
                GtkListItem  *list_item)
{
  DeskEvidenceLibrary *self = g_object_get_data (G_OBJECT (list_item), "library");

  if (self && gtk_list_item_get_item (list_item) == (gpointer)evidence)
    fill_row (self, list_item);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          DeskEvidenceLibrary      *self)
{
  g_object_set_data (G_OBJECT (list_item), "library", self);
  /* A click previews (the list's "activate"). */
  gtk_list_item_set_activatable (list_item, TRUE);
  fill_row (self, list_item);
  g_signal_connect_object (gtk_list_item_get_item (list_item), "notify",
                           G_CALLBACK (on_item_notify), list_item, 0);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            DeskEvidenceLibrary      *self)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), on_item_notify, list_item);
  gtk_list_item_set_child (list_item, NULL);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  DeskEvidenceLibrary *self = DESK_EVIDENCE_LIBRARY (widget);

  desk_evidence_viewer_open (GTK_WINDOW (self), self->session, g_variant_get_int64 (param));
}

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DeskEvidenceLibrary *self = DESK_EVIDENCE_LIBRARY (widget);

  if (g_str_equal (action_name, "win.evidence-save-copy"))
    desk_evidence_save_copy_dialog (widget, self->store, g_variant_get_int64 (param));
  else
    desk_evidence_open_with (widget, self->store, g_variant_get_int64 (param));
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  toast (DESK_EVIDENCE_LIBRARY (widget), g_variant_get_string (param, NULL));
}

static void
on_activate (DeskEvidenceLibrary *self,
             guint                position)
{
  g_autoptr (DeskEvidence) evidence = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (evidence)
    desk_evidence_viewer_open (GTK_WINDOW (self), self->session, desk_evidence_get_id (evidence));
}

static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DeskEvidenceLibrary *self = DESK_EVIDENCE_LIBRARY (widget);
  g_autoptr (GError) error = NULL;

  if (!desk_evidence_attach (self->store, self->pick_case, g_variant_get_int64 (param), &error))
    toast (self, error->message);
}

static void
on_delete_response (AdwMessageDialog    *dialog,
                    const char          *response,
                    DeskEvidenceLibrary *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "evidence-id"));

  if (g_strcmp0 (response, "delete") == 0
      && !desk_evidence_set_in_library (self->store, id, FALSE, &error))
    toast (self, error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DeskEvidenceLibrary *self = DESK_EVIDENCE_LIBRARY (widget);
  g_autoptr (DeskEvidence) evidence = desk_evidence_get (self->store, g_variant_get_int64 (param), NULL);
  g_autofree char *name = NULL;
  GtkWidget       *dialog;

  if (evidence == NULL)
    return;
  name = desk_evidence_dup_display_name (evidence);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Delete Evidence File?"), NULL);
  /* Translators: %s is a file name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _ ("“%s” is not used by any case. Its stored copy will be deleted; the original file on your computer is not touched."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "delete", _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "evidence-id", GSIZE_TO_POINTER (desk_evidence_get_id (evidence)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void add_next (DeskEvidenceLibrary *self);

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (DeskEvidenceLibrary) self = user_data;
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autoptr (GError) error = NULL;

  evidence = desk_evidence_add_finish (DESK_STORE (source), result, NULL, &error);
  if (evidence == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
  add_next (self);
}

static void
add_next (DeskEvidenceLibrary *self)
{
  g_autoptr (GFile) file = g_queue_pop_head (&self->queue);
  gboolean busy = file != NULL && !g_cancellable_is_cancelled (self->cancellable);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  if (!busy)
    {
      g_queue_clear_full (&self->queue, g_object_unref);
      g_clear_object (&self->cancellable);
      return;
    }
  desk_evidence_add_async (self->store, file, 0, NULL, self->cancellable, NULL, NULL,
                           on_added, g_object_ref (self));
}

static void
on_files_chosen (GListModel *files,
                 gpointer    user_data)
{
  DeskEvidenceLibrary *self = user_data;
  gboolean             idle = self->cancellable == NULL;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_queue_push_tail (&self->queue, g_list_model_get_item (files, i));
  if (!idle)
    return;
  self->cancellable = g_cancellable_new ();
  add_next (self);
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  desk_evidence_choose_files (GTK_WINDOW (widget), on_files_chosen, G_OBJECT (widget));
}

static void
desk_evidence_library_dispose (GObject *object)
{
  DeskEvidenceLibrary *self = (DeskEvidenceLibrary *)object;

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->queue, g_object_unref);
  if (self->list)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_EVIDENCE_LIBRARY);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->list);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_pointer (&self->folded_query, g_free);
  G_OBJECT_CLASS (desk_evidence_library_parent_class)->dispose (object);
}

static void
desk_evidence_library_class_init (DeskEvidenceLibraryClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_evidence_library_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-evidence-library.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceLibrary, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceLibrary, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceLibrary, add_button);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceLibrary, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceLibrary, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceLibrary, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceLibrary, list_view);
  gtk_widget_class_bind_template_child (widget_class, DeskEvidenceLibrary, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "win.preview-evidence", "x", preview_action);
  gtk_widget_class_install_action (widget_class, "win.evidence-preview", "x", preview_action);
  gtk_widget_class_install_action (widget_class, "win.evidence-save-copy", "x", file_action);
  gtk_widget_class_install_action (widget_class, "win.evidence-open-with", "x", file_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_install_action (widget_class, "win.delete-evidence", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "win.pick-evidence", "x", pick_action);
  gtk_widget_class_install_action (widget_class, "win.add-files", NULL, add_files_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
desk_evidence_library_init (DeskEvidenceLibrary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_queue_init (&self->queue);
  self->folded_query = g_strdup ("");
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

static void
setup_model (DeskEvidenceLibrary *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection     *selection;

  self->list = desk_evidence_list_new (self->store, 0);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->list)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_object_unref (factory);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_state), self);
  update_state (self);
}

DeskEvidenceLibrary *
desk_evidence_library_new (GtkWindow   *parent,
                           DeskSession *session,
                           gint64       pick_for_case)
{
  DeskEvidenceLibrary *self;

  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  self = g_object_new (DESK_TYPE_EVIDENCE_LIBRARY, "transient-for", parent, NULL);
  if (parent && gtk_window_get_application (parent))
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->session = g_object_ref (session);
  self->store = g_object_ref (desk_session_get_store (session));
  self->pick_case = pick_for_case;
  if (pick_for_case)
    {
      gtk_window_set_modal (GTK_WINDOW (self), TRUE);
      gtk_window_set_title (GTK_WINDOW (self), _ ("Add from Library"));
      adw_window_title_set_title (self->window_title, _ ("Add from Library"));
      gtk_widget_set_visible (self->add_button, FALSE);
    }
  setup_model (self);
  return self;
}

void
desk_evidence_library_pick (GtkWindow   *parent,
                            DeskSession *session,
                            gint64       case_id)
{
  gtk_window_present (GTK_WINDOW (desk_evidence_library_new (parent, session, case_id)));
}

GListModel *
desk_evidence_library_get_model (DeskEvidenceLibrary *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

void
desk_evidence_library_set_search (DeskEvidenceLibrary *self,
                                  const char          *text)
{
  g_return_if_fail (DESK_IS_EVIDENCE_LIBRARY (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed (self);
}
