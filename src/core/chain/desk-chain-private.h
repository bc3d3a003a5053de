/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-checklist.h"

G_BEGIN_DECLS

/* The checklist's "brand-authorization" item shows the chain's state: when
 * the case has a chain, provided only without a blocking gap, otherwise
 * needs attention with the first gap as its note; a file attached without
 * any chain entered needs attention too (nothing was checked). Other items
 * and cases without chain or files are left as stored. */
void _desk_chain_apply_to_checklist_item (DeskStore         *store,
                                          DeskChecklistItem *item);

G_END_DECLS
