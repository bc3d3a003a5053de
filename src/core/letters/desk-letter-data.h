/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Built-in letter data (data/letters/, compiled into libdesk-core under
 * RESOURCE_PREFIX "/letters/"): templates, exhibit titles, wording lists. */

/* Registers the resource once; the functions below call it. */
void desk_letter_data_ensure_resources (void);

/* Contents of RESOURCE_PREFIX "/letters/" @name, or NULL with @error set. */
GBytes *desk_letter_data_lookup (const char *name,
                                 GError    **error);

/* "en", "ru" or "zh" for @language; anything else (NULL, "", "de") is "en",
 * and "zh_CN", "zh-Hans" are "zh". Static strings. */
const char *desk_letter_language_normalize (const char *language);

/* The short exhibit title of an evidence requirement id in a letter
 * ("brand-authorization", "ru" → "Авторизационное письмо правообладателя"),
 * or NULL when the letter data has none. Borrowed, lives forever. */
const char *desk_letter_data_get_exhibit_title (const char *item_id,
                                                const char *language);

G_END_DECLS
