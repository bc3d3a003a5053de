/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-json"

#include "config.h"

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
