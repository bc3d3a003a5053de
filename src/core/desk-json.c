/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-json"

#include "config.h"

#include <string.h>

#include "desk-json.h"
#include "desk-util.h"

void
desk_json_add_string (JsonBuilder *builder,
                      const char  *name,
                      const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

void
desk_json_add_text (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value ? value : "");
}

void
desk_json_add_int (JsonBuilder *builder,
                   const char  *name,
                   gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
desk_json_add_bool (JsonBuilder *builder,
                    const char  *name,
                    gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

void
desk_json_add_time (JsonBuilder *builder,
                    const char  *name,
                    GDateTime   *time)
{
  g_autofree char *iso = desk_time_to_iso8601 (time);

  desk_json_add_string (builder, name, iso);
}

DeskJsonBounds
desk_json_check_bounds (const char *data,
                        gsize       len,
                        gsize       max_size,
                        guint       max_depth,
                        guint      *line)
{
  gboolean in_string = FALSE;
  guint    depth = 0;

  *line = 1;
  if (len > max_size)
    return DESK_JSON_TOO_LARGE;
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '\0')
        return DESK_JSON_NUL;
      if (c == '\n')
        (*line)++;
      else if (in_string && c == '\\')
        {
          if (i + 5 < len && data[i + 1] == 'u' && memcmp (data + i + 2, "0000", 4) == 0)
            return DESK_JSON_NUL;
          i++; /* the escaped character cannot end the string */
          if (i < len && data[i] == '\n')
            (*line)++;
        }
      else if (c == '"')
        in_string = !in_string;
      else if (!in_string && (c == '[' || c == '{') && ++depth > max_depth)
        return DESK_JSON_TOO_DEEP;
      else if (!in_string && (c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return DESK_JSON_OK;
}
