/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-rule-registry.h"
#include "desk-window.h"

G_BEGIN_DECLS

#define DESK_TYPE_INTAKE_WIZARD (desk_intake_wizard_get_type ())

G_DECLARE_FINAL_TYPE (DeskIntakeWizard, desk_intake_wizard, DESK, INTAKE_WIZARD, AdwWindow)

/* The guided "New case" window: platform → case type → notice → products →
 * deadline → summary. Modal over @parent; creates the case in @parent's store
 * and shows it there. @registry may be NULL: the store's registry
 * (desk_checklist_get_rules()) is used. Emits "case-created" (gint64 id) just
 * before it closes. */
DeskIntakeWizard *desk_intake_wizard_new (DeskWindow       *parent,
                                          DeskRuleRegistry *registry);

G_END_DECLS
