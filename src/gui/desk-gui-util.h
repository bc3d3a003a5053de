/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast in the nearest AdwToastOverlay above @widget (the window's; for
 * a window, the one it holds); the widget does not need to know which
 * window it is in. Logged too. */
void desk_gui_toast (GtkWidget  *widget,
                     const char *text);
/* A failure the user must know about, in their language: "@what @reason"
 * (@what a translated sentence such as "The status was not changed.", the
 * reason the core's translated message). */
void desk_gui_report_error (GtkWidget    *widget,
                            const char   *what,
                            const GError *error);

/* A plain row of a boxed list: title, optional subtitle and icon, text wrapped. */
GtkWidget *desk_gui_text_row (const char *title,
                              const char *subtitle,
                              const char *icon_name);
/* A row for long work: a spinner, @title and a Cancel button that cancels
 * @cancellable (the row keeps a reference). */
GtkWidget *desk_gui_progress_row (const char   *title,
                                  GCancellable *cancellable);

G_END_DECLS
