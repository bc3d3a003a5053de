/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-rule-registry.h"
#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_INTAKE_WIZARD (desk_intake_wizard_get_type ())

G_DECLARE_FINAL_TYPE (DeskIntakeWizard, desk_intake_wizard, DESK, INTAKE_WIZARD, AdwWindow)

/* The guided "New case" window: platform → case type → notice → products →
 * deadline → summary. Modal over @parent; creates the case in @session
 * (desk_intake_create_case()) with the session's rule packs. Emits
 * "case-created" (gint64 id) just before it closes: whoever opened it shows
 * the case. */
DeskIntakeWizard *desk_intake_wizard_new (GtkWindow   *parent,
                                          DeskSession *session);

G_END_DECLS
