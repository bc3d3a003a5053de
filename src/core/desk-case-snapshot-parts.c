/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "chain/desk-chain-private.h"
#include "desk-case-snapshot-private.h"
#include "letters/desk-letter-private.h"
#include "package/desk-package-store.h"
#include "desk-closure-private.h"
#include "metrics/desk-activity-case-private.h"

/* Parts later modules add to a case snapshot: one line each, e.g.
 *   { "chain", _desk_chain_snapshot_load, (GDestroyNotify)g_ptr_array_unref },
 * (include the module's private header above). Keep the list ending in NULL. */
const DeskCaseSnapshotPart _desk_case_snapshot_parts[] = {
  { "letters", _desk_letter_snapshot_load, (GDestroyNotify)g_hash_table_unref },
  { DESK_PACKAGE_SNAPSHOT_PART, _desk_package_snapshot_load, _desk_package_snapshot_free },
  { "closure", _desk_closure_snapshot_load, _desk_closure_part_free },
  { DESK_CHAIN_PART, _desk_chain_snapshot_load, _desk_chain_snapshot_free },
  { "activity", _desk_activity_snapshot_load, _desk_activity_record_free },
  { NULL, NULL, NULL },
};
