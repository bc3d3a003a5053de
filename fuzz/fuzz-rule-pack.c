/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "desk-json.h"
#include "desk-rule-pack.h"

/* A user rule pack: the bounds check, json-glib and the validator. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (DeskRulePack) pack = desk_rule_pack_new_from_bytes (bytes, "shopee.json", DESK_RULE_PACK_ORIGIN_USER, NULL);

  if (pack != NULL)
    {
      g_autofree char *label = desk_rule_pack_get_label (pack);

      for (int t = 0; t < DESK_N_CASE_TYPES; t++)
        if (desk_rule_pack_lists_case_type (pack, t))
          g_ptr_array_unref (desk_rule_pack_get_evidence_items (pack, t));
    }
  return 0;
}
