/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast in the nearest AdwToastOverlay above @widget (the window's); the
 * widget does not need to know which window it is in. Logged too. */
void desk_gui_toast (GtkWidget  *widget,
                     const char *text);
/* A failure the user must know about, in their language: "@what @reason"
 * (@what a translated sentence such as "The status was not changed.", the
 * reason the core's translated message). */
void desk_gui_report_error (GtkWidget    *widget,
                            const char   *what,
                            const GError *error);

G_END_DECLS
