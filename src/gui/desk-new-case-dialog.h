/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-window.h"

G_BEGIN_DECLS

#define DESK_TYPE_NEW_CASE_DIALOG (desk_new_case_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DeskNewCaseDialog, desk_new_case_dialog, DESK, NEW_CASE_DIALOG, AdwWindow)

DeskNewCaseDialog *desk_new_case_dialog_new (DeskWindow *parent);

G_END_DECLS
