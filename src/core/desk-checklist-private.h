/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-checklist.h"

G_BEGIN_DECLS

/* The items as stored, without the chain's state on the brand-authorization
 * item: for finding an item's id, case and stored state inside core. What
 * the seller sees comes from desk_checklist_list() and its siblings. */
GPtrArray         *_desk_checklist_list_stored (DeskStore *store,
                                                gint64     case_id,
                                                GError   **error);
DeskChecklistItem *_desk_checklist_get_stored_item (DeskStore *store,
                                                    gint64     checklist_item_id,
                                                    GError   **error);
DeskChecklistItem *_desk_checklist_find_stored_item (DeskStore  *store,
                                                     gint64      case_id,
                                                     const char *item_id,
                                                     GError    **error);

/* The bare evidence links of a checklist item, without the format check and
 * the timeline entry: what desk_evidence_attach_to_checklist() and
 * desk_evidence_detach_from_checklist() build on. Attaching to a "missing"
 * item makes it "provided" and links the file to the item's case;
 * detaching the last file of a "provided" item makes it "missing" again;
 * "needs attention" is left to the seller. Attaching twice is a no-op. */
gboolean _desk_checklist_attach_evidence (DeskStore *store,
                                          gint64     checklist_item_id,
                                          gint64     evidence_id,
                                          GError   **error);
gboolean _desk_checklist_detach_evidence (DeskStore *store,
                                          gint64     checklist_item_id,
                                          gint64     evidence_id,
                                          GError   **error);

G_END_DECLS
