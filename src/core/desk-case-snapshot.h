/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-attempts.h"
#include "desk-case.h"
#include "desk-checklist.h"
#include "desk-evidence.h"
#include "desk-notice.h"
#include "desk-session.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* A whole case, read in one go (one read transaction, so every part is from
 * the same moment): the case with its notice text, the decoded notice, the
 * checklist with the evidence attached to each item, the case's evidence,
 * the appeal attempts and the timeline — what a package, a report or a
 * summary consumes. Immutable and reference counted: share it freely between
 * threads; never change what the getters return (the DeskCase is a private
 * copy, the arrays are borrowed).
 *
 * Later modules (chain, letters, …) add their part without touching this
 * file's API: one line in desk-case-snapshot-parts.c naming a loader; the
 * part is then read in the same transaction and returned by
 * desk_case_snapshot_get_part(). */

typedef struct _DeskCaseSnapshot DeskCaseSnapshot;

#define DESK_TYPE_CASE_SNAPSHOT (desk_case_snapshot_get_type ())
GType             desk_case_snapshot_get_type (void) G_GNUC_CONST;
DeskCaseSnapshot *desk_case_snapshot_ref (DeskCaseSnapshot *self);
void              desk_case_snapshot_unref (DeskCaseSnapshot *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCaseSnapshot, desk_case_snapshot_unref)

/* From the session's store, with its rule packs (the checklist's chain
 * state, the chain part's gaps). NULL with DESK_STORE_ERROR_NOT_FOUND when
 * there is no such case (trashed cases are found: the caller decides what
 * to do with them). */
DeskCaseSnapshot *desk_case_snapshot_load (DeskSession *session,
                                           gint64       case_id,
                                           GError     **error);

gint64 desk_case_snapshot_get_case_id (DeskCaseSnapshot *self);
/* With its notice text. Do not modify. */
DeskCase *desk_case_snapshot_get_case (DeskCaseSnapshot *self);
/* The notice text decoded (received time = the case's); NULL when the case
 * has no notice text. */
DeskNotice *desk_case_snapshot_get_notice (DeskCaseSnapshot *self);
/* DeskChecklistItem, in pack order. */
GPtrArray *desk_case_snapshot_get_checklist (DeskCaseSnapshot *self);
/* Evidence ids (gint64) attached to one checklist item (by its row id),
 * oldest link first; NULL when the item is not in this case. */
GArray *desk_case_snapshot_get_item_evidence (DeskCaseSnapshot *self,
                                              gint64            checklist_item_id);
/* DeskEvidence of the case, in the order attached. */
GPtrArray    *desk_case_snapshot_get_evidence (DeskCaseSnapshot *self);
DeskEvidence *desk_case_snapshot_find_evidence (DeskCaseSnapshot *self,
                                                gint64            evidence_id);
/* DeskAttemptRecord, oldest first. */
GPtrArray *desk_case_snapshot_get_attempts (DeskCaseSnapshot *self);
/* DeskTimelineEntry, oldest first. */
GPtrArray *desk_case_snapshot_get_timeline (DeskCaseSnapshot *self);
/* A part added by a later module ("chain", "letters", …), NULL when that
 * module is not built in or has nothing for the case. Borrowed. */
gconstpointer desk_case_snapshot_get_part (DeskCaseSnapshot *self,
                                           const char       *name);

G_END_DECLS
