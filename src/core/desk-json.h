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

/* What desk_json_check_bounds() found before a parser sees the bytes:
 * json-glib 1.6 parses recursively (deep nesting overflows the stack) and
 * keeps strings as C strings (a \u0000 escape silently cuts them). */
typedef enum
{
  DESK_JSON_OK,
  DESK_JSON_TOO_LARGE, /* more than max_size bytes */
  DESK_JSON_TOO_DEEP,  /* arrays and objects nested more than max_depth */
  DESK_JSON_NUL,       /* a NUL byte, or \u0000 inside a string */
} DeskJsonBounds;

/* Scans @data (@len bytes) without parsing it; sets *@line (1-based) to
 * where the problem is. Cheap: one pass, no allocation. */
DeskJsonBounds desk_json_check_bounds (const char *data,
                                       gsize       len,
                                       gsize       max_size,
                                       guint       max_depth,
                                       guint      *line);

G_END_DECLS
