/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_WINDOW (desk_window_get_type ())

G_DECLARE_FINAL_TYPE (DeskWindow, desk_window, DESK, WINDOW, AdwApplicationWindow)

/* The main window on @session; with @session NULL it shows @session_error
 * (why the case database could not be opened). */
DeskWindow *desk_window_new (GtkApplication *app,
                             DeskSession    *session,
                             const GError   *session_error);
/* The application's session; NULL when the case database could not be opened. */
DeskSession *desk_window_get_session (DeskWindow *self);
/* Shows the case (selecting it in the list when visible). */
void desk_window_show_case (DeskWindow *self,
                            gint64      id);
void desk_window_add_toast (DeskWindow *self,
                            AdwToast   *toast);
/* The case currently shown, or NULL. */
DeskCase *desk_window_get_case (DeskWindow *self);

G_END_DECLS
