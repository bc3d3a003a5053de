/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-case.h"
#include "desk-notice.h"
#include "desk-rule-registry.h"
#include "desk-session.h"

G_BEGIN_DECLS

/* Intake: a pasted notice → the fields of a new case, and the one call that
 * saves it. The wizard and `appeal-desk-cli new` both use these, so the
 * thresholds (DESK_NOTICE_*_THRESHOLD), the deadline precedence and the title
 * rule live here only. */

/* Where a proposed value comes from. */
typedef enum
{
  DESK_INTAKE_SOURCE_NONE,   /* nothing known */
  DESK_INTAKE_SOURCE_SELLER, /* chosen or typed by the seller: always wins */
  DESK_INTAKE_SOURCE_NOTICE, /* read from the notice */
  DESK_INTAKE_SOURCE_RULE,   /* from the rule pack (deadline: received + hours) */
} DeskIntakeSource;

/* Who creates the case (for its first timeline note). */
typedef enum
{
  DESK_INTAKE_ORIGIN_WIZARD,
  DESK_INTAKE_ORIGIN_COMMAND_LINE,
} DeskIntakeOrigin;

typedef struct
{
  /* Platform and case type: the seller's choice, else the notice's guess.
   * A guess below DESK_NOTICE_*_THRESHOLD is proposed but not confident:
   * the UI must ask. */
  DeskPlatform     platform;
  DeskIntakeSource platform_source;
  double           platform_confidence; /* 1 when the seller chose */
  gboolean         platform_confident;
  DeskCaseType     case_type;
  DeskIntakeSource case_type_source;
  double           case_type_confidence;
  gboolean         case_type_confident;

  /* A confident guess from the notice that differs from what the seller
   * chose and that the rules know: offer it, never apply it silently.
   * DESK_PLATFORM_UNKNOWN when there is nothing to suggest. */
  DeskPlatform suggested_platform;
  DeskCaseType suggested_case_type;

  /* Roles the decoder gave the IDs: the platform's case ID (else the issue
   * ID), the violation code, the affected products. NULL when not stated. */
  char  *platform_case_id;
  char  *violation_code;
  char **product_ids; /* never NULL */

  /* Deadline: the notice's own (a relative one follows @received_at), else
   * the rule pack's, else none. A seller's deadline is never replaced. */
  GDateTime       *received_at;
  GDateTime       *deadline_at; /* NULL: none known */
  DeskIntakeSource deadline_source;
  gboolean         deadline_zone_assumed; /* no time zone in the notice: Beijing time */

  char *title; /* desk_intake_suggest_title() of the above */
} DeskIntakeProposal;

#define DESK_TYPE_INTAKE_PROPOSAL (desk_intake_proposal_get_type ())
GType               desk_intake_proposal_get_type (void) G_GNUC_CONST;
DeskIntakeProposal *desk_intake_proposal_copy (const DeskIntakeProposal *proposal);
void                desk_intake_proposal_free (DeskIntakeProposal *proposal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskIntakeProposal, desk_intake_proposal_free)

/* Pure (no database). @notice may be NULL (nothing pasted). @platform and
 * @case_type are the seller's choices (UNKNOWN: none yet); @received_at NULL
 * means now. @rules give the rule deadline and which suggestions are valid. */
DeskIntakeProposal *desk_intake_propose (DeskRuleRegistry *rules,
                                         DeskNotice       *notice,
                                         DeskPlatform      platform,
                                         DeskCaseType      case_type,
                                         GDateTime        *received_at);

/* TRUE when platform and case type are known and confident. Otherwise
 * @reason (optional) gets the translated sentences that say what the reader
 * could not tell. */
gboolean desk_intake_proposal_is_confident (const DeskIntakeProposal *proposal,
                                            DeskNotice               *notice,
                                            char                    **reason);

/* The deadline precedence, the one place it lives: @manual (typed by the
 * seller) > the notice's > the rule's (received + hours) > none. Returns a
 * new reference or NULL; *@source says which. */
GDateTime *desk_intake_resolve_deadline (DeskNotice       *notice,
                                         DeskRulePack     *pack,
                                         DeskCaseType      case_type,
                                         GDateTime        *received_at,
                                         GDateTime        *manual,
                                         DeskIntakeSource *source);

/* "<first product, else case ID, else first words of the notice, else the
 * platform> — <case type>". Every argument but the case type may be NULL. */
char *desk_intake_suggest_title (const char *const *product_ids,
                                 const char        *platform_case_id,
                                 const char        *notice_text,
                                 DeskPlatform       platform,
                                 DeskCaseType       case_type);

/* Fills the fields of @kase that are still empty from @proposal (platform,
 * case type, IDs, products, deadline, title). What the seller set wins. */
void desk_intake_proposal_apply (const DeskIntakeProposal *proposal,
                                 DeskCase                 *kase);

/* Saves a new case in ONE transaction: the case with its notice text, the
 * evidence checklist from the pack in force (when the rules list the case
 * type; *@n_checklist_items may be NULL) and a timeline note saying how it
 * was created and where the deadline came from. On failure nothing is
 * written and @kase keeps id 0. */
gboolean desk_intake_create_case (DeskSession     *session,
                                  DeskCase        *kase,
                                  DeskIntakeOrigin origin,
                                  DeskIntakeSource deadline_source,
                                  guint           *n_checklist_items,
                                  GError         **error);

G_END_DECLS
