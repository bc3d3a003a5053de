/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The app's GSettings, or NULL when the schema is not installed (running
 * from a build tree). */
GSettings *desk_settings_dup (void);

G_END_DECLS
