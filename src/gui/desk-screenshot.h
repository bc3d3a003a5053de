/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Renders @widget as it is on screen into a PNG at @path. */
gboolean desk_screenshot_save (GtkWidget  *widget,
                               const char *path,
                               GError    **error);

/* For scripts and benchmarks: when APPEAL_DESK_SCREENSHOT is set, saves the
 * window there once it has drawn (waiting APPEAL_DESK_SCREENSHOT_DELAY ms, default
 * 300) and quits, sized by APPEAL_DESK_SCREENSHOT_SIZE=WxH if set, showing case
 * APPEAL_DESK_SCREENSHOT_CASE if set; when APPEAL_DESK_FIRST_FRAME is set, prints the monotonic
 * time of the first frame to stdout and quits. */
void desk_screenshot_hook_window (GtkWindow *window);

G_END_DECLS
