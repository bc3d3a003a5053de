/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-closure.h"
#include "desk-session.h"

G_BEGIN_DECLS

/* The "closure" part of a case snapshot (desk-case-snapshot-parts.c). */
gpointer _desk_closure_snapshot_load (DeskSession *session,
                                      gint64       case_id,
                                      GError     **error);
void     _desk_closure_part_free (gpointer part);

G_END_DECLS
