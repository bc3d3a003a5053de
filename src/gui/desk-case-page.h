/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_CASE_PAGE (desk_case_page_get_type ())

G_DECLARE_FINAL_TYPE (DeskCasePage, desk_case_page, DESK, CASE_PAGE, AdwBin)

void desk_case_page_set_session (DeskCasePage *self,
                                 DeskSession  *session);
/* Loads the complete case (notice text, timeline); 0 clears the page. */
void      desk_case_page_set_case (DeskCasePage *self,
                                   gint64        case_id);
DeskCase *desk_case_page_get_case (DeskCasePage *self);

G_END_DECLS
