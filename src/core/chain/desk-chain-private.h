/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chain/desk-chain-store.h"
#include "desk-checklist.h"

G_BEGIN_DECLS

/* The checklist's "brand-authorization" item shows the chain's state: when
 * the case has a chain, provided only without a blocking gap, otherwise
 * needs attention with the first gap as its note; a file attached without
 * any chain entered needs attention too (nothing was checked). Other items
 * and cases without chain or files are left as stored. */
void _desk_chain_apply_to_checklist_item (DeskStore         *store,
                                          DeskRuleRegistry  *rules,
                                          DeskChecklistItem *item);

/* The checks with @rules, the session's registry. */
GPtrArray *_desk_chain_check_with_rules (DeskStore           *store,
                                         DeskRuleRegistry    *rules,
                                         DeskCase            *kase,
                                         const DeskChain     *chain,
                                         const DeskCaseChain *info,
                                         GDateTime           *now,
                                         GError             **error);
GPtrArray *_desk_chain_check_stored (DeskStore        *store,
                                     DeskRuleRegistry *rules,
                                     gint64            case_id,
                                     GDateTime        *now,
                                     GError          **error);

/* The snapshot part (desk-case-snapshot-parts.c). */
gpointer _desk_chain_snapshot_load (DeskSession *session,
                                    gint64       case_id,
                                    GError     **error);
void     _desk_chain_snapshot_free (gpointer part);

G_END_DECLS
