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
 * this table. */

/* Registers @id (kebab-case) with its display names, or returns the value
 * it already has (the first names stay). DESK_PLATFORM_UNKNOWN for an
 * invalid id or missing names. */
DeskPlatform desk_platform_register (const char *id,
                                     const char *label_en,
                                     const char *label_zh);
/* One more than the largest platform value: loop from
 * DESK_PLATFORM_UNKNOWN + 1 to this. */
guint desk_platform_get_count (void);
/* TRUE for a built-in platform (one the app ships rules for). */
gboolean desk_platform_is_builtin (DeskPlatform platform);

G_END_DECLS
