/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

/* "Correct Case Details": the facts read from the notice (title, case ID,
 * violation code, products, received time, deadline) in editable fields;
 * Save calls desk_case_edit_facts(). Problems go to "win.toast" of
 * @parent's window. Returns the presented dialog (borrowed). */
GtkWidget *desk_case_edit_dialog_present (GtkWidget *parent,
                                          DeskStore *store,
                                          gint64     case_id);

G_END_DECLS
