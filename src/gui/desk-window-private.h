/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-case-list.h"
#include "desk-case-page.h"
#include "desk-window.h"

G_BEGIN_DECLS

struct _DeskWindow
{
  AdwApplicationWindow parent_instance;

  DeskSession        *session;
  DeskStore          *store; /* the session's */
  DeskCaseList       *cases;
  GtkSingleSelection *selection;
  GSettings          *settings;
  GHashTable         *follow_ups;     /* case id → its next open DeskFollowUp */
  gboolean            follow_ups_bad; /* not read: said once until they are */
  gint64              pending_delete; /* trashed, waiting for the toast */
  /* The case on the content page. The list's selection is not it: with
   * single-click-activate, GtkListView selects the row under the pointer
   * (hover), and a popover or another window closing over the list hands
   * the pointer to whatever row lies beneath. Only activation (click,
   * Enter) and desk_window_show_case() change it. */
  gint64 shown_id;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  GtkSearchEntry  *search_entry;
  GtkStack        *sidebar_stack;
  GtkListView     *list_view;
  GtkStack        *content_stack;
  AdwWindowTitle  *content_title;
  AdwWindowTitle  *sidebar_title;
  AdwStatusPage   *error_page;
  GtkWidget       *delete_button;
  DeskCasePage    *case_page;
};

/* desk-window-actions.c: the win.* actions, installed by the class. */
void _desk_window_class_init_actions (GtkWidgetClass *widget_class);
void _desk_window_finish_delete (DeskWindow *self);

/* desk-window-content.c, below desk-window.c and the actions: the content
 * page for shown_id, and which actions apply. */
void _desk_window_sync_selection (DeskWindow *self);
void _desk_window_update_content (DeskWindow *self);
void _desk_window_update_actions (DeskWindow *self);

G_END_DECLS
