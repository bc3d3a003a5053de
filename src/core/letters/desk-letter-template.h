/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The letter template language (data/letters/TEMPLATES.md): text lines, "%"
 * directive lines (section, if/elif/else, for, include, end, "%#" comments)
 * and {{field}} / {{field|join}} inside text. Templates are checked when
 * parsed: every field name, loop and block is validated, so a bad template is
 * refused with its file, line and reason instead of producing a bad letter. */

#define DESK_LETTER_TEMPLATE_ERROR (desk_letter_template_error_quark ())

typedef enum
{
  DESK_LETTER_TEMPLATE_ERROR_SYNTAX,    /* unknown directive, unclosed block, bad {{…}} */
  DESK_LETTER_TEMPLATE_ERROR_FIELD,     /* a field or filter the letter context does not have */
  DESK_LETTER_TEMPLATE_ERROR_INCLUDE,   /* a partial that does not exist or includes itself */
  DESK_LETTER_TEMPLATE_ERROR_NOT_FOUND, /* no template for this platform × case type × language */
} DeskLetterTemplateError;

typedef struct _DeskLetterTemplate DeskLetterTemplate;

/* Reads a partial named in "% include NAME": returns its text, or NULL with
 * @error set. */
typedef char *(*DeskLetterIncludeFunc) (const char *name,
                                        char      **file_name,
                                        gpointer    user_data,
                                        GError    **error);

GQuark desk_letter_template_error_quark (void);

/* @file_name is used in messages ("joom/reseller.ru.tmpl:12: …"). @language
 * ("en", "ru", "zh") chooses the separator of the join filter. @include may be
 * NULL: then "% include" is an error. */
DeskLetterTemplate *desk_letter_template_parse (const char           *file_name,
                                                const char           *text,
                                                const char           *language,
                                                DeskLetterIncludeFunc include,
                                                gpointer              include_data,
                                                GError              **error);
void                desk_letter_template_free (DeskLetterTemplate *self);
const char         *desk_letter_template_get_file_name (DeskLetterTemplate *self);

/* Renders with @context, an object with the members listed in TEMPLATES.md.
 * Missing members are empty. Sections whose text is blank are left out;
 * sections are separated by one blank line; the result ends with one
 * newline. */
char *desk_letter_template_render (DeskLetterTemplate *self,
                                   JsonObject         *context);

/* The fields a template may use, for the documentation test: top-level
 * names, and "list.member" for members of list items. NULL-terminated. */
const char *const *desk_letter_template_list_fields (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskLetterTemplate, desk_letter_template_free)

G_END_DECLS
