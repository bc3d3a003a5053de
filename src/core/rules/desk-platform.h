/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "desk-types.h"

G_BEGIN_DECLS

/* Platforms are data: each rule pack names its platform ("platform") and
 * may carry its display name in both languages ("platform_label", see
 * data/rules/SCHEMA.md). The built-in platforms keep their DeskPlatform
 * values (DESK_PLATFORM_ALIEXPRESS … DESK_PLATFORM_TEMU, their labels come
 * from the built-in packs); a user pack for a new platform id registers it
 * with the next free value when the rules are loaded. Ids and values stay
 * for the life of the process; thread-safe. desk_platform_to_id(),
 * desk_platform_from_id() and desk_platform_get_label() (desk-util.h) read
 * this table.
 *
 * DeskPlatform values past DESK_N_BUILTIN_PLATFORMS are the user's: size
 * tables by desk_platform_get_count(), never by the enum. */

/* Registers @id (kebab-case) with its display names, or returns the value
 * it already has (the first names stay). DESK_PLATFORM_UNKNOWN for an
 * invalid id or missing names. */
DeskPlatform desk_platform_register (const char *id,
                                     const char *label_en,
                                     const char *label_zh);
/* Names in further languages ("platform_label" entries besides en and zh,
 * @names: language code → name) for a registered platform; names it already
 * has stay. */
void desk_platform_add_names (DeskPlatform platform,
                              GHashTable  *names);
/* The platform's name as a letter or document in @language writes it
 * (whatever language the app runs in): "en", "ru", "zh" or a locale such as
 * "zh_CN". The pack's "platform_label" entry for that language, else its
 * English one, else the id; NULL for DESK_PLATFORM_UNKNOWN. For the name in
 * the app's own language use desk_platform_get_label(). Valid for the life
 * of the process. */
const char *desk_platform_get_name (DeskPlatform platform,
                                    const char  *language);
/* One more than the largest platform value: loop from
 * DESK_PLATFORM_UNKNOWN + 1 to this. */
guint desk_platform_get_count (void);
/* Every platform id, built-in ones first: "aliexpress, shopee, …, kaspi"
 * (for messages that say which ids are accepted). */
char *desk_platform_join_ids (const char *separator);
/* TRUE for a built-in platform (one the app ships rules for). */
gboolean desk_platform_is_builtin (DeskPlatform platform);

G_END_DECLS
