/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"
#include "desk-window.h"

G_BEGIN_DECLS

#define DESK_TYPE_APPLICATION (desk_application_get_type ())

G_DECLARE_FINAL_TYPE (DeskApplication, desk_application, DESK, APPLICATION, AdwApplication)

DeskApplication *desk_application_new (void);
/* The running app's session, handed to every window and widget; NULL when
 * the case database could not be opened (the window then shows why). */
DeskSession *desk_application_get_session (DeskApplication *self);
/* desk_session_get_store() of the session, or NULL. */
DeskStore    *desk_application_get_store (DeskApplication *self);
const GError *desk_application_get_store_error (DeskApplication *self);
void          desk_application_show_about (DeskApplication *self);
/* A new main window on the application's session (or showing why there is
 * none). */
DeskWindow *desk_application_new_window (DeskApplication *self);

G_END_DECLS
