/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <json-glib/json-glib.h>

#include "desk-notice.h"
#include "desk-util.h"

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_strv (JsonBuilder       *b,
          const char        *name,
          const char *const *values)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; values && values[i]; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

/* What the decoder read, for `appeal-desk-cli decode --json` and scripts:
 * the guesses with their confidence, the fields with roles and source
 * lines, the stated figures, the deadline and the evidence asked for. */
void
desk_notice_to_json (DeskNotice *self,
                     gpointer    json_builder)
{
  JsonBuilder     *b = json_builder;
  g_autofree char *reason = NULL;
  g_autofree char *deadline = NULL;
  gboolean         confident = desk_notice_is_confident (self, &reason);
  GPtrArray       *fields = desk_notice_get_fields (self);
  GPtrArray       *facts = desk_notice_get_facts (self);

  if (desk_notice_get_deadline (self))
    deadline = desk_time_to_iso8601 (desk_notice_get_deadline (self));
  json_builder_begin_object (b);
  add_string (b, "platform", desk_notice_get_platform (self) ? desk_platform_to_id (desk_notice_get_platform (self)) : NULL);
  json_builder_set_member_name (b, "platform_confidence");
  json_builder_add_double_value (b, desk_notice_get_platform_confidence (self));
  add_string (b, "case_type", desk_notice_get_case_type (self) ? desk_case_type_to_id (desk_notice_get_case_type (self)) : NULL);
  json_builder_set_member_name (b, "case_type_confidence");
  json_builder_add_double_value (b, desk_notice_get_case_type_confidence (self));
  add_string (b, "runner_up_case_type",
              desk_notice_get_runner_up_case_type (self) ? desk_case_type_to_id (desk_notice_get_runner_up_case_type (self)) : NULL);
  json_builder_set_member_name (b, "confident");
  json_builder_add_boolean_value (b, confident);
  add_string (b, "reason", reason);
  add_string (b, "issue_id", desk_notice_get_issue_id (self));
  add_string (b, "case_id", desk_notice_get_case_id (self));
  add_string (b, "violation_code", desk_notice_get_violation_code (self));
  add_strv (b, "product_ids", desk_notice_get_product_ids (self));
  add_string (b, "deadline", deadline);
  json_builder_set_member_name (b, "deadline_is_relative");
  json_builder_add_boolean_value (b, desk_notice_get_deadline_is_relative (self));
  json_builder_set_member_name (b, "fields");
  json_builder_begin_array (b);
  for (guint i = 0; i < fields->len; i++)
    desk_notice_field_to_json (g_ptr_array_index (fields, i), b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "facts");
  json_builder_begin_array (b);
  for (guint i = 0; i < facts->len; i++)
    desk_notice_fact_to_json (g_ptr_array_index (facts, i), b);
  json_builder_end_array (b);
  add_strv (b, "evidence_ids", desk_notice_get_evidence_ids (self));
  json_builder_end_object (b);
}
