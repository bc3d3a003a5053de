/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_CHAIN_SECTION (desk_chain_section_get_type ())

G_DECLARE_FINAL_TYPE (DeskChainSection, desk_chain_section, DESK, CHAIN_SECTION, AdwBin)

/* Case-page section: the brand and links of the case's authorization chain
 * and its most serious gaps; "Edit Chain…" opens the chain editor. Follows
 * chain, profile and evidence changes. */
DeskChainSection *desk_chain_section_new (void);
void              desk_chain_section_set_case (DeskChainSection *self,
                                               DeskSession      *session,
                                               gint64            case_id);
/* Opens the editor (as the button does); returns it, for tests. */
GtkWidget *desk_chain_section_edit (DeskChainSection *self);

G_END_DECLS
