/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "chain/desk-chain-check.h"
#include "chain/desk-chain.h"
#include "desk-session.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* Chains, case → chain pointers and the seller profile in cases.db. Every
 * call is one transaction. Documents a chain uses are kept in the evidence
 * library (a brand's letters are reused by every case about the brand), so
 * deleting a case never deletes them.
 *
 * Changes are announced through the session: "changed::chain" (case_id of a
 * case whose chain pointer changed, or 0 when a chain itself changed, which
 * may concern several cases) and "changed::seller-profile" (0). */

#define DESK_CHAIN_PART          "chain"
#define DESK_SELLER_PROFILE_PART "seller-profile"

/* Inserts (id 0) or updates @chain; sets chain->id. One chain per brand
 * (case, spaces and full-width forms ignored): saving a new chain for a
 * brand that has one fails with DESK_STORE_ERROR_INVALID. Every document
 * and certificate must be an evidence item (error names the member). */
gboolean   desk_chain_save (DeskStore *store,
                            DeskChain *chain,
                            GError   **error);
DeskChain *desk_chain_get (DeskStore *store,
                           gint64     chain_id,
                           GError   **error);
/* NULL without error when no chain has that brand. */
DeskChain *desk_chain_find_by_brand (DeskStore  *store,
                                     const char *brand,
                                     GError    **error);
/* DeskChain*, by brand. */
GPtrArray *desk_chain_list (DeskStore *store,
                            GError   **error);
/* Cases pointing at the chain lose their pointer, not their other data. */
gboolean desk_chain_delete (DeskStore *store,
                            gint64     chain_id,
                            GError   **error);

/* NULL without error when the case has no chain information yet. */
DeskCaseChain *desk_case_chain_get (DeskStore *store,
                                    gint64     case_id,
                                    GError   **error);
gboolean       desk_case_chain_set (DeskStore           *store,
                                    const DeskCaseChain *info,
                                    GError             **error);
/* Saves @chain (replacing the chain of the same brand when chain->id is 0,
 * so a brand keeps one chain) and points the case at it with @info's
 * products and dates: one transaction, nothing changed on failure. */
gboolean desk_chain_set_for_case (DeskStore     *store,
                                  DeskChain     *chain,
                                  DeskCaseChain *info,
                                  GError       **error);

/* Never NULL on success: an empty profile when none was saved. */
DeskSellerProfile *desk_seller_profile_load (DeskStore *store,
                                             GError   **error);
gboolean           desk_seller_profile_save (DeskStore               *store,
                                             const DeskSellerProfile *profile,
                                             GError                 **error);

/* The gaps of a case's stored chain (a "no-chain" gap when it has none), with
 * the session's rule pack for the case, the deadline, the seller profile and
 * what the evidence store knows of each document. @now NULL = now. */
GPtrArray *desk_chain_check_case (DeskSession *session,
                                  gint64       case_id,
                                  GDateTime   *now,
                                  GError     **error);
/* Same for a chain being edited (not saved yet). @chain and @info may be
 * NULL. */
GPtrArray *desk_chain_check_case_with (DeskSession         *session,
                                       DeskCase            *kase,
                                       const DeskChain     *chain,
                                       const DeskCaseChain *info,
                                       GDateTime           *now,
                                       GError             **error);

/* The "chain" part of a case snapshot (desk_case_snapshot_get_part (snap,
 * "chain")): NULL when the case has no chain information. Gaps are checked
 * with the session's rule packs when the snapshot was read. */
typedef struct
{
  DeskChain     *chain; /* NULL when the case points at no chain */
  DeskCaseChain *info;
  GPtrArray     *gaps; /* DeskChainGap* */
} DeskChainSnapshot;

G_END_DECLS
