/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "desk-session.h"
#include "desk-letter-template.h"

G_BEGIN_DECLS

/* Appeal letters of a case: one per language, filled from a template in
 * data/letters/templates/<platform>/<case-type>.<language>.tmpl with the
 * case (IDs, products, dates, the notice's reasons, exhibits, authorization
 * chain, the seller's corrective actions), then optionally edited by the
 * seller. Edits are kept per case and language until reset.
 *
 * Languages are "en", "ru", "zh": English for every platform, Russian where
 * the rule pack lists it (Joom), Chinese for the seller's own record (and
 * platforms that take Chinese). */

#define DESK_LETTER_ERROR (desk_letter_error_quark ())

typedef enum
{
  DESK_LETTER_ERROR_NO_TEMPLATE, /* no template for this platform × case type × language */
  DESK_LETTER_ERROR_INVALID,     /* bad input from the caller (language, empty text) */
} DeskLetterError;

typedef struct
{
  char    *language;      /* "en", "ru", "zh" */
  char    *text;          /* what will be pasted: the seller's edit, else template_text */
  char    *template_text; /* the template filled from the case */
  gboolean edited;
  guint    limit; /* characters, 0 = no limit */
} DeskLetter;

typedef struct
{
  char *seller;     /* the seller's legal entity */
  char *store_name; /* the store's name on the platform */
  char *signer;     /* who signs */
} DeskLetterDetails;

GQuark desk_letter_error_quark (void);

/* Letter languages with a template for @platform × @case_type, in the order
 * the rule pack lists them, then "zh". NULL-terminated, never NULL. */
GStrv desk_letter_list_languages (DeskPlatform platform,
                                  DeskCaseType case_type);
/* Resource paths of every built-in template (for tests and tools). */
GStrv desk_letter_list_templates (void);
/* Parses a built-in template (path from desk_letter_list_templates(), or
 * "templates/<platform>/<case-type>.<language>.tmpl"). */
DeskLetterTemplate *desk_letter_load_template (const char *path,
                                               GError    **error);
DeskLetterTemplate *desk_letter_load_template_for (DeskPlatform platform,
                                                   DeskCaseType case_type,
                                                   const char  *language,
                                                   GError     **error);

/* The context a template is filled with (members in TEMPLATES.md). */
JsonObject *desk_letter_build_context (DeskSession *session,
                                       gint64       case_id,
                                       const char  *language,
                                       GError     **error);

/* The letter of @case_id in @language (template filled now, and the edit). */
DeskLetter *desk_letter_get (DeskSession *session,
                             gint64       case_id,
                             const char  *language,
                             GError     **error);
/* Keeps @text as the seller's version of the letter. Saving text equal to
 * the filled template removes the edit. */
gboolean desk_letter_save_edit (DeskSession *session,
                                gint64       case_id,
                                const char  *language,
                                const char  *text,
                                GError     **error);
/* Drops the edit: the letter is the filled template again. */
gboolean desk_letter_reset (DeskSession *session,
                            gint64       case_id,
                            const char  *language,
                            GError     **error);

/* Who writes and signs, per letter language (a Russian letter may spell the
 * company in Cyrillic). Letters use the English details for any field left
 * empty in their language. Get returns what is stored for @language ("" for
 * unset fields). */
DeskLetterDetails *desk_letter_get_details (DeskSession *session,
                                            gint64       case_id,
                                            const char  *language,
                                            GError     **error);
gboolean           desk_letter_set_details (DeskSession             *session,
                                            gint64                   case_id,
                                            const char              *language,
                                            const DeskLetterDetails *details,
                                            GError                 **error);

/* Corrective actions the seller took, one sentence each, per letter
 * language; set replaces the list (blank lines are dropped). */
GStrv    desk_letter_get_actions (DeskSession *session,
                                  gint64       case_id,
                                  const char  *language,
                                  GError     **error);
gboolean desk_letter_set_actions (DeskSession       *session,
                                  gint64             case_id,
                                  const char        *language,
                                  const char *const *actions,
                                  GError           **error);

/* Characters as the platform counts them (Unicode code points). */
guint desk_letter_count_chars (const char *text);

void desk_letter_free (DeskLetter *letter);
void desk_letter_details_free (DeskLetterDetails *details);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskLetter, desk_letter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskLetterDetails, desk_letter_details_free)

G_END_DECLS
