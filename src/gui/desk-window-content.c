/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-window"

#include "config.h"

#include "desk-util.h"
#include "desk-window-private.h"

/* What the window shows: the case on the content page, the list's selection
 * kept on it, and the actions that apply to it; and toasts over it all.
 * desk-window.c and desk-window-actions.c both call here, and this file
 * calls neither, so the window's files stand in one direction. */

static DeskCase *
shown_case (DeskWindow *self)
{
  int pos = self->shown_id ? desk_case_list_find (self->cases, self->shown_id) : -1;

  return pos >= 0 ? g_list_model_get_item (G_LIST_MODEL (self->cases), pos) : NULL;
}

/* Selection back on the shown case (after a hover, a reorder, a search). */
void
_desk_window_sync_selection (DeskWindow *self)
{
  int pos = self->shown_id ? desk_case_list_find (self->cases, self->shown_id) : -1;

  gtk_single_selection_set_selected (self->selection, pos >= 0 ? (guint)pos : GTK_INVALID_LIST_POSITION);
}

void
_desk_window_update_content (DeskWindow *self)
{
  g_autoptr (DeskCase) kase = NULL;
  guint total;

  /* The leaflet notifies "folded" while the window is torn down. */
  if (self->cases == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  kase = shown_case (self);
  total = desk_case_list_get_total (self->cases);

  desk_case_page_set_case (self->case_page, kase ? desk_case_get_id (kase) : 0);
  if (kase)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "case");
      adw_window_title_set_title (self->content_title, desk_case_get_title (kase));
      adw_window_title_set_subtitle (self->content_title,
                                     desk_platform_get_label (desk_case_get_platform (kase)));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->content_stack, total ? "no-selection" : "empty");
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, NULL);
      /* Narrow, "choose a case from the list" would show without the list. */
      if (total && adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
    }
  _desk_window_update_actions (self);
}

void
_desk_window_update_actions (DeskWindow *self)
{
  gboolean has_store = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-case",
                                 desk_window_get_case (self) != NULL);
  gtk_widget_set_visible (self->delete_button, desk_window_get_case (self) != NULL);
}

DeskCase *
desk_window_get_case (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  DeskCase *kase;

  if (self->cases == NULL)
    return NULL;
  /* Borrowed: the list keeps its own reference. */
  if ((kase = shown_case (self)))
    g_object_unref (kase);
  return kase;
}

void
desk_window_show_case (DeskWindow *self,
                       gint64      id)
{
  int pos;

  g_return_if_fail (DESK_IS_WINDOW (self));
  if (self->cases == NULL)
    return;
  /* A case hidden by the search is shown by clearing the search. */
  if ((pos = desk_case_list_find (self->cases, id)) < 0 && desk_case_list_get_query (self->cases))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      desk_case_list_set_query (self->cases, NULL);
      pos = desk_case_list_find (self->cases, id);
    }
  if (pos < 0)
    return;
  self->shown_id = id;
  _desk_window_sync_selection (self);
  _desk_window_update_content (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
desk_window_add_toast (DeskWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (DESK_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
