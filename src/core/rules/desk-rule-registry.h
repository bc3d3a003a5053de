/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-rule-pack.h"

G_BEGIN_DECLS

#define DESK_TYPE_RULE_REGISTRY (desk_rule_registry_get_type ())

G_DECLARE_FINAL_TYPE (DeskRuleRegistry, desk_rule_registry, DESK, RULE_REGISTRY, GObject)

/* The rule pack in force for each platform: the built-in one, unless
 * <user_rules_dir>/<platform>.json is a valid pack for that platform with a
 * higher pack_version. A user pack that is broken, for another platform or
 * not newer is not used; the reason is kept in the problems list (GError,
 * DESK_RULE_PACK_ERROR) so the UI can show it. Loads synchronously (a few
 * small files). */

/* $APPEAL_DESK_DATA_DIR/rules, else g_get_user_data_dir()/appeal-desk/rules. */
char *desk_rule_registry_get_default_user_dir (void);

/* @user_rules_dir may be NULL: built-in packs only. */
DeskRuleRegistry *desk_rule_registry_new (const char *user_rules_dir);
const char       *desk_rule_registry_get_user_dir (DeskRuleRegistry *self);
/* Re-reads the user packs (e.g. after the user copied one in); emits
 * "changed". */
void desk_rule_registry_reload (DeskRuleRegistry *self);

/* The pack in force, or NULL if even the built-in one failed. Borrowed and
 * replaced by desk_rule_registry_reload(): take a reference to keep it. */
DeskRulePack *desk_rule_registry_get_pack (DeskRuleRegistry *self,
                                           DeskPlatform      platform);
/* Platforms whose pack lists @case_type, in enum order. */
GArray *desk_rule_registry_list_platforms (DeskRuleRegistry *self,
                                           DeskCaseType      case_type);
/* Borrowed array of GError*; empty when all is well. */
GPtrArray *desk_rule_registry_get_problems (DeskRuleRegistry *self);

G_END_DECLS
