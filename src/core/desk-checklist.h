/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-case.h"
#include "desk-rule-pack.h"
#include "desk-rule-registry.h"
#include "desk-session.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* The evidence checklist of a case: one stored row (checklist_items) per
 * evidence requirement of the case's rule pack, with a state the seller sets
 * and evidence files attached to it (checklist_evidence). Labels, "why" and
 * pitfalls are not copied: they are read from the pack by the item id. */

#define DESK_CHECKLIST_ERROR (desk_checklist_error_quark ())

/* The item every pack has for the platform's notice; creating a checklist
 * for a case whose notice text is saved marks it provided. */
#define DESK_CHECKLIST_NOTICE_ITEM "platform-notice"

typedef enum
{
  DESK_CHECKLIST_ERROR_NO_RULES,  /* no rule pack lists this platform × case type */
  DESK_CHECKLIST_ERROR_NOT_FOUND, /* no such checklist item (or evidence) */
} DeskChecklistError;

typedef struct
{
  gint64             id; /* checklist_items.id */
  gint64             case_id;
  char              *item_id; /* evidence requirement id in the pack */
  gboolean           required;
  int                position;
  DeskChecklistState state;
  char              *note;
  guint              n_evidence; /* files attached */
} DeskChecklistItem;

#define DESK_TYPE_CHECKLIST_ITEM (desk_checklist_item_get_type ())

GQuark desk_checklist_error_quark (void);

GType              desk_checklist_item_get_type (void) G_GNUC_CONST;
DeskChecklistItem *desk_checklist_item_copy (const DeskChecklistItem *item);
void               desk_checklist_item_free (DeskChecklistItem *item);

/* State ids are the GEnum nicks: "missing", "provided", "needs-attention". */
const char *desk_checklist_state_to_id (DeskChecklistState state);
/* Returns FALSE for an unknown id. */
gboolean desk_checklist_state_from_id (const char         *id,
                                       DeskChecklistState *state);
/* Translated: "Missing", "Provided", "Needs attention". */
const char *desk_checklist_state_get_label (DeskChecklistState state);

/* Creates the checklist of @kase (already inserted) from @pack and records
 * the pack version on the case (saved). Items that exist already are kept
 * with their state, so calling it again only adds what the pack added.
 * Fails with DESK_CHECKLIST_ERROR_NO_RULES when @pack does not list the
 * case type. */
gboolean desk_checklist_create_from_pack (DeskStore    *store,
                                          DeskRulePack *pack,
                                          DeskCase     *kase,
                                          GError      **error);
/* Same with the pack in force in @registry (desk_session_get_rules()).
 * When no pack lists the platform × case type, creates nothing and returns
 * TRUE with *n_created = 0 (@n_created may be NULL). */
gboolean desk_checklist_create_for_case (DeskStore        *store,
                                         DeskRuleRegistry *registry,
                                         DeskCase         *kase,
                                         guint            *n_created,
                                         GError          **error);

/* Items of a case (DeskChecklistItem), in pack order (required first). The
 * brand-authorization item shows the state of the case's authorization
 * chain, checked with the session's rule packs (see
 * desk_chain_check_case()); the others are as stored. */
GPtrArray         *desk_checklist_list (DeskSession *session,
                                        gint64       case_id,
                                        GError     **error);
DeskChecklistItem *desk_checklist_get_item (DeskSession *session,
                                            gint64       checklist_item_id,
                                            GError     **error);
/* By the pack's item id ("brand-authorization") within one case. */
DeskChecklistItem *desk_checklist_find_item (DeskSession *session,
                                             gint64       case_id,
                                             const char  *item_id,
                                             GError     **error);
/* The item's label in the current language, from the built-in rules of the
 * case's platform (the item id when they do not have it). */
char *desk_checklist_item_dup_label (DeskStore               *store,
                                     const DeskChecklistItem *item);
/* Sets the state and, unless @note is NULL, the note, and logs it in the
 * case's timeline. No store signal is
 * emitted: the checklist is not part of DeskCase. */
gboolean desk_checklist_set_state (DeskStore         *store,
                                   gint64             checklist_item_id,
                                   DeskChecklistState state,
                                   const char        *note,
                                   GError           **error);
/* Counts per state over a case's items: counts[DESK_CHECKLIST_MISSING] … */
gboolean desk_checklist_count (DeskSession *session,
                               gint64       case_id,
                               guint        counts[3],
                               GError     **error);

/* Evidence ids (gint64) attached to an item, oldest link first; attach and
 * detach with desk_evidence_attach_to_checklist() and
 * desk_evidence_detach_from_checklist(). */
GArray *desk_checklist_list_evidence (DeskStore *store,
                                      gint64     checklist_item_id,
                                      GError   **error);

/* The requirement an item stands for in @pack, or NULL when the pack no
 * longer has it. Borrowed from the pack. */
DeskEvidenceRequirement *desk_checklist_item_get_requirement (const DeskChecklistItem *item,
                                                              DeskRulePack            *pack,
                                                              DeskCaseType             case_type);

/* Internal: the built-in pack of @platform, loaded once, or NULL. */
DeskRulePack *_desk_checklist_builtin_pack (DeskPlatform platform);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskChecklistItem, desk_checklist_item_free)

G_END_DECLS
