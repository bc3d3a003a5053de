/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Members for JsonBuilder objects, shared by every to-JSON in the core. */
void desk_json_add_string (JsonBuilder *builder,
                           const char  *name,
                           const char  *value); /* NULL or "" → left out */
void desk_json_add_text (JsonBuilder *builder,
                         const char  *name,
                         const char  *value); /* NULL → "" */
void desk_json_add_int (JsonBuilder *builder,
                        const char  *name,
                        gint64       value);
void desk_json_add_bool (JsonBuilder *builder,
                         const char  *name,
                         gboolean     value);
/* UTC ISO 8601; NULL → left out. */
void desk_json_add_time (JsonBuilder *builder,
                         const char  *name,
                         GDateTime   *time);

G_END_DECLS
