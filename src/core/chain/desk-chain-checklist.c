/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-chain"

#include "config.h"

#include "desk-chain-private.h"
#include "desk-chain-store.h"

#define BRAND_AUTHORIZATION "brand-authorization"

void
_desk_chain_apply_to_checklist_item (DeskStore         *store,
                                     DeskChecklistItem *item)
{
  g_autoptr (DeskCaseChain) info = NULL;
  g_autoptr (GPtrArray) gaps = NULL;
  g_autoptr (GError) error = NULL;
  gboolean has_chain;

  if (g_strcmp0 (item->item_id, BRAND_AUTHORIZATION) != 0)
    return;
  info = desk_case_chain_get (store, item->case_id, &error);
  has_chain = info != NULL && info->chain_id > 0;
  if (error || (!has_chain && item->state != DESK_CHECKLIST_PROVIDED))
    return;
  if (!(gaps = desk_chain_check_case (store, item->case_id, NULL, &error)))
    {
      g_warning ("Cannot check the chain of case %" G_GINT64_FORMAT ": %s", item->case_id, error->message);
      return;
    }
  if (desk_chain_gaps_ok (gaps))
    {
      item->state = DESK_CHECKLIST_PROVIDED;
      return;
    }
  item->state = DESK_CHECKLIST_NEEDS_ATTENTION;
  g_free (item->note);
  item->note = desk_chain_gap_describe (gaps->pdata[0]);
}
