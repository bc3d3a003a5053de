/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "desk-session.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* The notice's stated reasons, one per element ("IP-01 (Trademark
 * Infringement)"), read from labelled lines of the notice. Never NULL. */
GStrv _desk_letter_notice_reasons (const char *notice_text);

/* Adds "chain" (who authorised whom, brand owner first, with the exhibits
 * that document each link) to @context. */
void _desk_letter_add_chain (JsonObject *context,
                             DeskStore  *store,
                             gint64      case_id,
                             GPtrArray  *exhibits,
                             const char *language);

/* *@text is the stored edit, or NULL when there is none. */
gboolean _desk_letter_load_edit (DeskStore  *store,
                                 gint64      case_id,
                                 const char *language,
                                 char      **text,
                                 GError    **error);

/* Snapshot part "letters": GHashTable language → the seller's edited text,
 * only for edited languages (desk-case-snapshot-parts.c). */
gpointer _desk_letter_snapshot_load (DeskSession *session,
                                     gint64       case_id,
                                     GError     **error);

G_END_DECLS
