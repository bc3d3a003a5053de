/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-package"

#include "config.h"

#include <string.h>

#include "desk-checklist.h"
#include "desk-json.h"
#include "desk-package-private.h"
#include "desk-util.h"

/* The manifest is documented member by member in docs/package-format.md;
 * change both together, and bump DESK_PACKAGE_SCHEMA_VERSION when a reader
 * of the old version would misread the new one. */

static void
add_rule_pack (JsonBuilder     *b,
               DeskPackagePlan *self)
{
  g_autofree char *label = NULL;

  json_builder_set_member_name (b, "rule_pack");
  if (self->pack == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  label = desk_rule_pack_get_label (self->pack);
  json_builder_begin_object (b);
  desk_json_add_text (b, "platform", desk_platform_to_id (desk_rule_pack_get_platform (self->pack)));
  desk_json_add_text (b, "version", desk_rule_pack_get_pack_version (self->pack));
  desk_json_add_text (b, "effective_date", desk_rule_pack_get_effective_date (self->pack));
  desk_json_add_text (b, "origin", desk_rule_pack_get_origin (self->pack) == DESK_RULE_PACK_ORIGIN_USER ? "user" : "built-in");
  desk_json_add_text (b, "label", label);
  json_builder_end_object (b);
}

static void
add_checklist (JsonBuilder     *b,
               DeskPackagePlan *self)
{
  DeskCaseType case_type = desk_case_get_case_type (self->kase);

  json_builder_set_member_name (b, "checklist");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->checklist->len; i++)
    {
      DeskChecklistItem       *item = g_ptr_array_index (self->checklist, i);
      DeskEvidenceRequirement *req = self->pack ? desk_checklist_item_get_requirement (item, self->pack, case_type) : NULL;

      json_builder_begin_object (b);
      desk_json_add_text (b, "id", item->item_id);
      if (req)
        {
          desk_json_add_text (b, "label_en", desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_EN));
          desk_json_add_text (b, "label_zh", desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_ZH));
        }
      desk_json_add_bool (b, "required", item->required);
      desk_json_add_text (b, "state", desk_checklist_state_to_id (item->state));
      desk_json_add_string (b, "note", item->note);
      json_builder_set_member_name (b, "exhibits");
      json_builder_begin_array (b);
      for (guint j = 0; j < self->exhibits->len; j++)
        {
          DeskPackageExhibit *exhibit = g_ptr_array_index (self->exhibits, j);

          if (g_strcmp0 (exhibit->item_id, item->item_id) == 0)
            json_builder_add_int_value (b, exhibit->number);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_chain (JsonBuilder     *b,
           DeskPackagePlan *self)
{
  json_builder_set_member_name (b, "chain");
  json_builder_begin_object (b);
  desk_json_add_bool (b, "included", self->chain_included);
  if (self->chain_included)
    {
      json_builder_set_member_name (b, "links");
      if (self->chain)
        json_builder_add_value (b, json_node_copy (self->chain));
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "gaps");
      json_builder_begin_array (b);
      for (guint i = 0; i < self->gaps->len; i++)
        {
          DeskPackageGap *gap = g_ptr_array_index (self->gaps, i);

          json_builder_begin_object (b);
          desk_json_add_text (b, "code", gap->code);
          desk_json_add_bool (b, "blocking", gap->blocking);
          desk_json_add_text (b, "text_en", gap->text_en);
          desk_json_add_text (b, "text_zh", gap->text_zh);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static void
add_letters (JsonBuilder     *b,
             DeskPackagePlan *self)
{
  guint limit = self->pack ? desk_rule_pack_get_char_limit (self->pack, desk_case_get_case_type (self->kase)) : 0;

  json_builder_set_member_name (b, "letters");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->letters->len; i++)
    {
      DeskPackageLetter *letter = g_ptr_array_index (self->letters, i);

      json_builder_begin_object (b);
      desk_json_add_text (b, "language", letter->language);
      desk_json_add_text (b, "path", letter->zip_name);
      desk_json_add_int (b, "characters", letter->characters);
      desk_json_add_int (b, "char_limit", limit);
      desk_json_add_bool (b, "over_limit", limit > 0 && letter->characters > limit);
      desk_json_add_text (b, "purpose", letter->record_only ? "record" : "submit");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_file (JsonBuilder           *b,
          const DeskPackageFile *file)
{
  json_builder_begin_object (b);
  desk_json_add_text (b, "path", file->zip_name);
  desk_json_add_text (b, "sha256", file->sha256);
  desk_json_add_int (b, "size", file->size);
  desk_json_add_text (b, "mime_type", file->mime_type);
  desk_json_add_text (b, "role", file->role);
  desk_json_add_text (b, "compression", file->store ? "store" : "deflate");
  if (file->exhibit)
    {
      DeskEvidence *evidence = file->exhibit->evidence;

      desk_json_add_int (b, "exhibit", file->exhibit->number);
      desk_json_add_string (b, "checklist_item", file->exhibit->item_id);
      desk_json_add_text (b, "original_name", desk_evidence_get_original_name (evidence));
      desk_json_add_text (b, "source_note", desk_evidence_get_source_note (evidence));
      desk_json_add_time (b, "added_at", desk_evidence_get_added_at (evidence));
      json_builder_set_member_name (b, "warnings");
      json_builder_begin_array (b);
      for (guint i = 0; file->exhibit->warnings && file->exhibit->warnings[i]; i++)
        json_builder_add_string_value (b, file->exhibit->warnings[i]);
      json_builder_end_array (b);
    }
  if (file->letter)
    desk_json_add_text (b, "language", file->letter->language);
  json_builder_end_object (b);
}

char *
_desk_package_manifest_text (DeskPackagePlan *self,
                             GPtrArray       *files,
                             gboolean         gaps_confirmed)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  GDateTime *deadline = desk_case_get_deadline_at (self->kase);

  json_builder_begin_object (b);
  desk_json_add_text (b, "format", "appeal-desk-package");
  desk_json_add_int (b, "schema_version", DESK_PACKAGE_SCHEMA_VERSION);
  json_builder_set_member_name (b, "app");
  json_builder_begin_object (b);
  desk_json_add_text (b, "id", APP_ID);
  desk_json_add_text (b, "version", PACKAGE_VERSION);
  json_builder_end_object (b);
  desk_json_add_time (b, "created_at", self->now);
  /* Language of the app that made the package: rule pack label, warnings. */
  desk_json_add_text (b, "language", self->zh ? "zh" : "en");
  desk_json_add_bool (b, "made_with_blocking_gaps", gaps_confirmed && desk_package_plan_count_blocking_gaps (self) > 0);
  desk_json_add_int (b, "blocking_gaps", desk_package_plan_count_blocking_gaps (self));
  json_builder_set_member_name (b, "omitted");
  json_builder_begin_array (b);
  for (guint i = 0; g_ptr_array_index (self->omissions, i); i++)
    json_builder_add_string_value (b, g_ptr_array_index (self->omissions, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "case");
  desk_case_to_json (self->kase, b);
  if (deadline)
    desk_json_add_int (b, "deadline_seconds_left", g_date_time_difference (deadline, self->now) / G_TIME_SPAN_SECOND);
  add_rule_pack (b, self);
  add_checklist (b, self);
  add_chain (b, self);
  add_letters (b, self);
  json_builder_set_member_name (b, "files");
  json_builder_begin_array (b);
  for (guint i = 0; i < files->len; i++)
    add_file (b, g_ptr_array_index (files, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

char *
_desk_package_sums_text (GPtrArray  *files,
                         const char *manifest_sha256)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < files->len; i++)
    {
      DeskPackageFile *file = g_ptr_array_index (files, i);

      g_string_append_printf (out, "%s  %s\n", file->sha256, file->zip_name);
    }
  g_string_append_printf (out, "%s  manifest.json\n", manifest_sha256);
  return g_string_free (out, FALSE);
}
