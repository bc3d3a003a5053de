/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-activity-rules.h"
#include "desk-rule-pack-check-private.h"

G_BEGIN_DECLS

/* DeskRuleCheckFunc for a case type's "activity_metrics": @out is a
 * DeskActivityRules ** (data/rules/SCHEMA.md). */
gboolean              _desk_rule_check_activity_metrics (DeskRuleCheck *ctx,
                                                         JsonNode      *node,
                                                         gpointer       out);
const DeskRuleFigure *_desk_activity_rules_get_citation (const DeskActivityRules *rules);

G_END_DECLS
