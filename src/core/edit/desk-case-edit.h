/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-case.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* Correcting a case's facts after it was made (title, platform case ID,
 * violation code, products, received time, deadline): the wizard may have
 * read the notice wrong, or the platform sent a correction. */

typedef struct
{
  const char        *title;            /* NULL: unchanged; never empty */
  const char        *platform_case_id; /* NULL: unchanged; "" clears */
  const char        *violation_code;
  const char *const *product_ids;
  GDateTime         *received_at; /* NULL: unchanged */
  GDateTime         *deadline_at;
  gboolean           clear_deadline; /* no deadline any more */
} DeskCaseFacts;

/* Applies @facts to case @case_id and logs what changed in the timeline
 * ("Case details corrected: title, deadline"), one transaction. Returns the
 * updated case (DeskStore::case-changed is emitted), or NULL with @error
 * (DESK_STORE_ERROR_INVALID for an empty title or a deadline before the
 * notice). Nothing changed: the case, no timeline entry. */
DeskCase *desk_case_edit_facts (DeskStore           *store,
                                gint64               case_id,
                                const DeskCaseFacts *facts,
                                GError             **error);

G_END_DECLS
