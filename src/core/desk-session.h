/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-rule-registry.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* What a running Appeal Desk shares: the case database, the rule packs in
 * force (built-in plus the user's in <data dir>/rules), the data directory,
 * and typed change signals. One per application (or CLI run, or test);
 * handed to every widget and command that needs it, never looked up.
 *
 * Signals (all after the change committed; @case_id 0 = not one case's):
 *   "cases-changed"     (gint64 case_id)  a case was added, changed, removed
 *   "evidence-changed"  (gint64 case_id)  evidence of a case (0: the library)
 *   "checklist-changed" (gint64 case_id)  a checklist item or its files
 *   "changed"           (const char *part, gint64 case_id), detailed by the
 *                       part ("changed::timeline", "changed::attempts", and
 *                       whatever later modules notify): every change. */

#define DESK_TYPE_SESSION (desk_session_get_type ())

G_DECLARE_FINAL_TYPE (DeskSession, desk_session, DESK, SESSION, GObject)

/* Opens the store in @data_dir (NULL: desk_store_default_data_dir()) and
 * loads the rule packs. On failure returns NULL with the store's error. */
DeskSession *desk_session_new (const char *data_dir,
                               GError    **error);
/* For an already open store; @rules NULL loads <data dir>/rules. */
DeskSession *desk_session_new_for_store (DeskStore        *store,
                                         DeskRuleRegistry *rules);

DeskStore        *desk_session_get_store (DeskSession *self);
DeskRuleRegistry *desk_session_get_rules (DeskSession *self);
const char       *desk_session_get_data_dir (DeskSession *self);
/* The pack in force for @platform, or NULL. Borrowed (see
 * desk_rule_registry_get_pack()). */
DeskRulePack *desk_session_get_pack (DeskSession *self,
                                     DeskPlatform platform);

G_END_DECLS
