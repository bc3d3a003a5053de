/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-rule-pack.h"

G_BEGIN_DECLS

/* What a platform demands of an authorization chain for one case type: the
 * optional "chain" member of a case type in a rule pack (schema version 2,
 * data/rules/SCHEMA.md). Each requirement is a figure with its source,
 * verify note and severity ("stop" = blocking, "warn" = risky); NULL when
 * the pack does not make that demand. */

typedef struct _DeskChainRules DeskChainRules;

typedef enum
{
  DESK_CHAIN_RULE_PLATFORM_NAMED,    /* the letter names this platform; "all online platforms" is not enough */
  DESK_CHAIN_RULE_SPECIFIC_PRODUCTS, /* the letter lists the disputed model/batch */
  DESK_CHAIN_RULE_NO_SCAN_ONLY,      /* a PDF scan alone is refused: photo of the stamped original */
  DESK_CHAIN_RULE_SIGNED_AND_STAMPED,
  DESK_CHAIN_RULE_SITES, /* value 0; countries in desk_chain_rules_get_sites() */
  DESK_CHAIN_N_RULES,
} DeskChainRule;

/* NULL when the pack says nothing about chains for this case type. */
const DeskChainRules *desk_case_rules_get_chain (const DeskCaseRules *rules);
const DeskRuleFigure *desk_chain_rules_get (const DeskChainRules *rules,
                                            DeskChainRule         rule);
/* Countries of the platform's sites ("MY", "SG", …), first = default;
 * NULL-terminated, empty when unknown. */
const char *const *desk_chain_rules_get_sites (const DeskChainRules *rules);

G_END_DECLS
