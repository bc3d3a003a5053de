/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Company names as documents print them. Two names are the SAME when, after
 * normalising, their base names are equal and their legal forms are equal:
 *
 *  1. NFKC: full-width letters, digits and punctuation become ASCII
 *     (“ＡＢＣ（深圳）” = “ABC(深圳)”); then case-folded.
 *  2. Punctuation and symbols become spaces; runs of spaces collapse.
 *  3. Trailing legal forms are split off into a form class:
 *     “Co., Ltd.” = “Co Ltd” = “Company Limited” = “Co. Limited” = “Limited” =
 *     “Ltd” = “有限公司” = “有限责任公司” (limited company); “股份有限公司” =
 *     “Corp.” = “Corporation” = “Inc.” (stock corporation); “LLC”; “GmbH”;
 *     “Pte. Ltd.” and “Sdn. Bhd.” (private limited, SG/MY); “ООО”.
 *  4. The base name is compared without spaces (“Sound Peak” = “SoundPeak”).
 *
 * Declared aliases (another language, a former name) are the only other way
 * two names are the same: there is no translation or transliteration.
 *
 * A NEAR miss is never a match: the same base with another or a missing legal
 * form (“SoundPeak Ltd” / “SoundPeak Inc”), or a base that differs by a typo
 * (names of 6+ characters: at most one edit per 8 characters, at least 1) or
 * by a word added at the
 * start or end (“Shenzhen SoundPeak” / “SoundPeak”). Callers report it as
 * “risky: names differ slightly”, never silently accept it. */

typedef enum
{
  DESK_NAME_DIFFERENT,
  DESK_NAME_NEAR,
  DESK_NAME_SAME,
} DeskNameMatch;

/* Base name without spaces and the legal form class ("" when none). */
char         *desk_chain_name_normalize (const char *name,
                                         char      **legal_form);
DeskNameMatch desk_chain_names_compare (const char *a,
                                        const char *b);
/* Best match of @name against @names (NULL-terminated, may be NULL). */
DeskNameMatch desk_chain_name_match_any (const char        *name,
                                         const char *const *names);

G_END_DECLS
