/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-application.h"

G_BEGIN_DECLS

#define DESK_TYPE_WINDOW (desk_window_get_type ())

G_DECLARE_FINAL_TYPE (DeskWindow, desk_window, DESK, WINDOW, AdwApplicationWindow)

DeskWindow *desk_window_new (DeskApplication *app);
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
