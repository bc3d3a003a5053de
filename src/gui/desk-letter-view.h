/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_LETTER_VIEW (desk_letter_view_get_type ())

G_DECLARE_FINAL_TYPE (DeskLetterView, desk_letter_view, DESK, LETTER_VIEW, AdwBin)

/* The letter page of a case: a language switch (the case's letter
 * languages), the letter as it will be pasted, editable (edits are saved per
 * case and language; "Reset to Template" drops them), a live character count
 * against the rule pack's limit (near: warning, over: error), the wording
 * findings each with a one-click replacement, the letter details and the
 * corrective actions, and a copy button. */
DeskLetterView *desk_letter_view_new (void);
/* @case_id 0 clears the view. Loads the first letter language. */
void desk_letter_view_set_case (DeskLetterView *self,
                                DeskSession    *session,
                                gint64          case_id);
/* "en", "ru", "zh"; FALSE when the case has no letter in @language. */
gboolean    desk_letter_view_set_language (DeskLetterView *self,
                                           const char     *language);
const char *desk_letter_view_get_language (DeskLetterView *self);
/* The text as it will be pasted. */
char *desk_letter_view_dup_text (DeskLetterView *self);
/* Writes a pending edit now (it is otherwise saved shortly after typing). */
void desk_letter_view_flush (DeskLetterView *self);
/* Number of wording findings shown. */
guint desk_letter_view_get_n_findings (DeskLetterView *self);

G_END_DECLS
