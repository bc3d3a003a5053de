/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-chain"

#include "config.h"

#include "desk-chain-private.h"

#define BRAND_AUTHORIZATION "brand-authorization"

void
_desk_chain_apply_to_checklist_item (DeskStore         *store,
                                     DeskRuleRegistry  *rules,
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
  if (!(gaps = _desk_chain_check_stored (store, rules, item->case_id, NULL, &error)))
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

/* Snapshot part */

gpointer
_desk_chain_snapshot_load (DeskSession *session,
                           gint64       case_id,
                           GError     **error)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (GError) local = NULL;
  g_autoptr (DeskCaseChain) info = desk_case_chain_get (store, case_id, &local);
  DeskChainSnapshot *part;

  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (info == NULL)
    return NULL;
  part = g_new0 (DeskChainSnapshot, 1);
  part->info = g_steal_pointer (&info);
  if ((part->info->chain_id > 0 && !(part->chain = desk_chain_get (store, part->info->chain_id, error)))
      || !(part->gaps = _desk_chain_check_stored (store, desk_session_get_rules (session), case_id, NULL, error)))
    {
      _desk_chain_snapshot_free (part);
      return NULL;
    }
  return part;
}

void
_desk_chain_snapshot_free (gpointer data)
{
  DeskChainSnapshot *part = data;

  if (part == NULL)
    return;
  g_clear_pointer (&part->chain, desk_chain_free);
  g_clear_pointer (&part->info, desk_case_chain_free);
  g_clear_pointer (&part->gaps, g_ptr_array_unref);
  g_free (part);
}
