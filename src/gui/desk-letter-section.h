/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_LETTER_SECTION (desk_letter_section_get_type ())

G_DECLARE_FINAL_TYPE (DeskLetterSection, desk_letter_section, DESK, LETTER_SECTION, AdwBin)

/* Case-page section: the case's letter languages, the first letter's length
 * and wording state, and "Open Letter", which shows the letter page
 * (DeskLetterView) in its own window, one per case page. */
DeskLetterSection *desk_letter_section_new (void);
void               desk_letter_section_set_case (DeskLetterSection *self,
                                                 DeskSession       *session,
                                                 gint64             case_id);
/* Opens (or presents) the letter window; returns it, borrowed. */
GtkWindow *desk_letter_section_open (DeskLetterSection *self);

G_END_DECLS
