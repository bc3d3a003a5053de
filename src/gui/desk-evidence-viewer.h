/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "desk-store.h"

G_BEGIN_DECLS

/* Opens evidence item @evidence_id in the viewer, over @parent. */
void desk_evidence_viewer_open (GtkWindow *parent,
                                DeskStore *store,
                                gint64     evidence_id);

G_END_DECLS
