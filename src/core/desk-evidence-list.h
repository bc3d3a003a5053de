/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-evidence.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_EVIDENCE_LIST (desk_evidence_list_get_type ())

G_DECLARE_FINAL_TYPE (DeskEvidenceList, desk_evidence_list, DESK, EVIDENCE_LIST, GObject)

/* A GListModel of DeskEvidence: the items of one case (in the order they
 * were attached) or, with @case_id 0, the whole library (newest first). It
 * follows changes made through desk-evidence-store.h and case deletions;
 * when only flags or usage counts change the objects are updated in place. */
DeskEvidenceList *desk_evidence_list_new (DeskStore *store,
                                          gint64     case_id);
gint64            desk_evidence_list_get_case_id (DeskEvidenceList *self);
gboolean          desk_evidence_list_reload (DeskEvidenceList *self,
                                             GError          **error);
/* Position of the item with @evidence_id, or -1. */
int desk_evidence_list_find (DeskEvidenceList *self,
                             gint64            evidence_id);

G_END_DECLS
