/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "desk-rule-pack.h"

G_BEGIN_DECLS

/* The appeal-attempt guard: before the seller submits another appeal, say
 * whether the platform punishes or refuses that step (AliExpress: more than 3
 * appeals on one issue are flagged as malicious; Joom: one appeal per product
 * every 72 h; Shopee: a second appeal only within 15 days of the rejection and
 * only with a third-party test report), and why, citing the rule pack. It is
 * a pure function of the recorded attempts and the pack's appeal limits;
 * storing attempts is the caller's job. */

/* One appeal the seller submitted (or plans to submit). */
typedef struct
{
  char      *product_id; /* platform product / listing id, or NULL */
  GDateTime *attempted_at;
  char      *platform_case_id;       /* the platform's case / ticket id, or NULL */
  gboolean   has_third_party_report; /* e.g. an SGS report was attached */
} DeskAppealAttempt;

#define DESK_TYPE_APPEAL_ATTEMPT (desk_appeal_attempt_get_type ())
#define DESK_TYPE_GUARD_VERDICT  (desk_guard_verdict_get_type ())

GType              desk_appeal_attempt_get_type (void) G_GNUC_CONST;
DeskAppealAttempt *desk_appeal_attempt_new (const char *product_id,
                                            GDateTime  *attempted_at,
                                            const char *platform_case_id,
                                            gboolean    has_third_party_report);
DeskAppealAttempt *desk_appeal_attempt_copy (const DeskAppealAttempt *attempt);
void               desk_appeal_attempt_free (DeskAppealAttempt *attempt);

typedef enum
{
  DESK_GUARD_LEVEL_OK,
  DESK_GUARD_LEVEL_INFO, /* allowed, but worth knowing (the last appeal accepted) */
  DESK_GUARD_LEVEL_WARN, /* risky: the platform may reject or throttle it */
  DESK_GUARD_LEVEL_STOP, /* the platform punishes or refuses this step */
} DeskGuardLevel;

/* Finding rule ids, named after the pack's appeal_limits members. */
#define DESK_GUARD_RULE_MAX_ATTEMPTS              "max-attempts"
#define DESK_GUARD_RULE_PRODUCT_COOLDOWN          "product-cooldown"
#define DESK_GUARD_RULE_SECOND_APPEAL_WINDOW      "second-appeal-window"
#define DESK_GUARD_RULE_SECOND_APPEAL_REQUIREMENT "second-appeal-requirement"
#define DESK_GUARD_RULE_DUPLICATE_CASE            "duplicate-case"

typedef struct _DeskGuardVerdict DeskGuardVerdict;

/* Checks @planned (its attempted_at is "now", its product the product to
 * appeal for) against the earlier @attempts of the same case (array of
 * DeskAppealAttempt*, any order, may be NULL) under the appeal limits of
 * @case_type in @pack. @first_rejection starts the second-appeal window; when
 * NULL the earliest recorded attempt is used, which errs on the early side.
 * Attempts without a product id count as the same product as a planned
 * attempt without one. */
DeskGuardVerdict *desk_attempt_guard_check (DeskRulePack            *pack,
                                            DeskCaseType             case_type,
                                            GPtrArray               *attempts,
                                            const DeskAppealAttempt *planned,
                                            GDateTime               *first_rejection);

GType             desk_guard_verdict_get_type (void) G_GNUC_CONST;
DeskGuardVerdict *desk_guard_verdict_ref (DeskGuardVerdict *verdict);
void              desk_guard_verdict_unref (DeskGuardVerdict *verdict);
/* The most severe level of all findings; OK when there are none. */
DeskGuardLevel desk_guard_verdict_get_level (DeskGuardVerdict *verdict);
/* All finding messages, most severe first, one per line; "" when OK. */
const char *desk_guard_verdict_get_message (DeskGuardVerdict *verdict);
/* Findings, most severe first. Each message is translated and says what the
 * rule is, why the step breaks it, what to do, and cites the pack label,
 * the source and the verify note. */
guint          desk_guard_verdict_get_n_findings (DeskGuardVerdict *verdict);
DeskGuardLevel desk_guard_verdict_get_finding_level (DeskGuardVerdict *verdict,
                                                     guint             index);
const char    *desk_guard_verdict_get_finding_rule (DeskGuardVerdict *verdict,
                                                    guint             index);
const char    *desk_guard_verdict_get_finding_message (DeskGuardVerdict *verdict,
                                                       guint             index);
/* The short form for a dialog: what to do ("Wait until 2 Dec 20:02 to
 * appeal this product again"), one sentence why, and where the rule comes
 * from (the pack's note, source titles and verify note). */
const char *desk_guard_verdict_get_finding_title (DeskGuardVerdict *verdict,
                                                  guint             index);
const char *desk_guard_verdict_get_finding_reason (DeskGuardVerdict *verdict,
                                                   guint             index);
const char *desk_guard_verdict_get_finding_source (DeskGuardVerdict *verdict,
                                                   guint             index);
/* The finding for @rule_id, as its index, or -1. */
int desk_guard_verdict_find (DeskGuardVerdict *verdict,
                             const char       *rule_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskAppealAttempt, desk_appeal_attempt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskGuardVerdict, desk_guard_verdict_unref)

G_END_DECLS
