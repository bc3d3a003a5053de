/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence"

#include "config.h"

#include "desk-json.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "desk-evidence-private.h"
#include "desk-util.h"

struct _DeskEvidence
{
  GObject parent_instance;

  gint64      id;
  char       *sha256;
  char       *original_name;
  gint64      size;
  char       *mime_type;
  GDateTime  *added_at;
  char       *source_note;
  char       *metadata;
  JsonObject *meta; /* parsed @metadata, never NULL */
  GDateTime  *pdf_created;
  GDateTime  *pdf_modified;
  gboolean    in_library;
  guint       usage_count;
};

G_DEFINE_FINAL_TYPE (DeskEvidence, desk_evidence, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_SHA256,
  PROP_ORIGINAL_NAME,
  PROP_SIZE,
  PROP_MIME_TYPE,
  PROP_ADDED_AT,
  PROP_SOURCE_NOTE,
  PROP_METADATA,
  PROP_IN_LIBRARY,
  PROP_USAGE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_evidence_finalize (GObject *object)
{
  DeskEvidence *self = (DeskEvidence *)object;

  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->original_name, g_free);
  g_clear_pointer (&self->mime_type, g_free);
  g_clear_pointer (&self->added_at, g_date_time_unref);
  g_clear_pointer (&self->source_note, g_free);
  g_clear_pointer (&self->metadata, g_free);
  g_clear_pointer (&self->meta, json_object_unref);
  g_clear_pointer (&self->pdf_created, g_date_time_unref);
  g_clear_pointer (&self->pdf_modified, g_date_time_unref);
  G_OBJECT_CLASS (desk_evidence_parent_class)->finalize (object);
}

static void
desk_evidence_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DeskEvidence *self = DESK_EVIDENCE (object);

  switch (prop_id)
    {
      case PROP_ID: g_value_set_int64 (value, self->id); break;
      case PROP_SHA256: g_value_set_string (value, self->sha256); break;
      case PROP_ORIGINAL_NAME: g_value_set_string (value, self->original_name); break;
      case PROP_SIZE: g_value_set_int64 (value, self->size); break;
      case PROP_MIME_TYPE: g_value_set_string (value, self->mime_type); break;
      case PROP_ADDED_AT: g_value_set_boxed (value, self->added_at); break;
      case PROP_SOURCE_NOTE: g_value_set_string (value, self->source_note); break;
      case PROP_METADATA: g_value_set_string (value, self->metadata); break;
      case PROP_IN_LIBRARY: g_value_set_boolean (value, self->in_library); break;
      case PROP_USAGE_COUNT: g_value_set_uint (value, self->usage_count); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
ro_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
desk_evidence_class_init (DeskEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = desk_evidence_finalize;
  object_class->get_property = desk_evidence_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SHA256] = ro_string ("sha256");
  properties[PROP_ORIGINAL_NAME] = ro_string ("original-name");
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MIME_TYPE] = ro_string ("mime-type");
  properties[PROP_ADDED_AT] = g_param_spec_boxed ("added-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_SOURCE_NOTE] = ro_string ("source-note");
  properties[PROP_METADATA] = ro_string ("metadata");
  properties[PROP_IN_LIBRARY] = g_param_spec_boolean ("in-library", NULL, NULL, FALSE, flags);
  properties[PROP_USAGE_COUNT] = g_param_spec_uint ("usage-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_evidence_init (DeskEvidence *self)
{
}

static JsonObject *
parse_metadata (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (json && json_parser_load_from_data (parser, json, -1, NULL)
      && (root = json_parser_get_root (parser)) && JSON_NODE_HOLDS_OBJECT (root))
    return json_object_ref (json_node_get_object (root));
  return json_object_new ();
}

/* The metadata is the inspector's JSON (desk_file_info_to_json()): members
 * live at the top or in a section ("pdf", "image", "text", "problem"). */
static JsonNode *
meta_member (DeskEvidence *self,
             const char   *section,
             const char   *member)
{
  JsonObject *object = self->meta;

  if (section)
    {
      JsonNode *node = json_object_get_member (self->meta, section);

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      object = json_node_get_object (node);
    }
  return json_object_get_member (object, member);
}

static const char *
meta_string (DeskEvidence *self,
             const char   *section,
             const char   *member)
{
  JsonNode   *node = meta_member (self, section, member);
  const char *text;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (node);
  return text && *text ? text : NULL;
}

static gint64
meta_int (DeskEvidence *self,
          const char   *section,
          const char   *member)
{
  JsonNode *node = meta_member (self, section, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static gboolean
meta_bool (DeskEvidence *self,
           const char   *section,
           const char   *member)
{
  JsonNode *node = meta_member (self, section, member);

  return node && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

DeskEvidence *
_desk_evidence_new_take (gint64     id,
                         char      *sha256,
                         char      *original_name,
                         gint64     size,
                         char      *mime_type,
                         GDateTime *added_at,
                         char      *source_note,
                         char      *metadata_json,
                         gboolean   in_library,
                         guint      usage_count)
{
  DeskEvidence *self = g_object_new (DESK_TYPE_EVIDENCE, NULL);

  self->id = id;
  self->sha256 = sha256;
  self->original_name = original_name ? original_name : g_strdup ("");
  self->size = size;
  self->mime_type = mime_type ? mime_type : g_strdup ("application/octet-stream");
  self->added_at = added_at;
  self->source_note = source_note ? source_note : g_strdup ("");
  self->metadata = metadata_json ? metadata_json : g_strdup ("{}");
  self->meta = parse_metadata (self->metadata);
  self->pdf_created = desk_time_from_iso8601 (meta_string (self, "pdf", "created"));
  self->pdf_modified = desk_time_from_iso8601 (meta_string (self, "pdf", "modified"));
  self->in_library = !!in_library;
  self->usage_count = usage_count;
  return self;
}

void
_desk_evidence_set_in_library (DeskEvidence *self,
                               gboolean      in_library)
{
  g_return_if_fail (DESK_IS_EVIDENCE (self));
  if (self->in_library == !!in_library)
    return;
  self->in_library = !!in_library;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_LIBRARY]);
}

void
_desk_evidence_set_usage_count (DeskEvidence *self,
                                guint         usage_count)
{
  g_return_if_fail (DESK_IS_EVIDENCE (self));
  if (self->usage_count == usage_count)
    return;
  self->usage_count = usage_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USAGE_COUNT]);
}

void
_desk_evidence_update_from (DeskEvidence *self,
                            DeskEvidence *from)
{
  g_return_if_fail (DESK_IS_EVIDENCE (self) && DESK_IS_EVIDENCE (from));
  _desk_evidence_set_in_library (self, from->in_library);
  _desk_evidence_set_usage_count (self, from->usage_count);
}

gint64
desk_evidence_get_id (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), 0);
  return self->id;
}

const char *
desk_evidence_get_sha256 (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  return self->sha256;
}

const char *
desk_evidence_get_original_name (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  return self->original_name;
}

/* Control characters (a newline in a file name) would break a row or a
 * terminal line: show them as U+FFFD. */
char *
desk_evidence_dup_display_name (DeskEvidence *self)
{
  g_autofree char *valid = NULL;
  GString         *out;

  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  valid = g_utf8_make_valid (self->original_name, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gint64
desk_evidence_get_size (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), 0);
  return self->size;
}

const char *
desk_evidence_get_mime_type (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  return self->mime_type;
}

GDateTime *
desk_evidence_get_added_at (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  return self->added_at;
}

const char *
desk_evidence_get_source_note (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  return self->source_note;
}

const char *
desk_evidence_get_metadata (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  return self->metadata;
}

gboolean
desk_evidence_get_in_library (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), FALSE);
  return self->in_library;
}

guint
desk_evidence_get_usage_count (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), 0);
  return self->usage_count;
}

DeskEvidenceKind
desk_evidence_get_kind (DeskEvidence *self)
{
  static const char *kinds[] = { "other", "pdf", "image", "text", "email" };
  const char        *kind;

  g_return_val_if_fail (DESK_IS_EVIDENCE (self), DESK_EVIDENCE_KIND_OTHER);
  kind = meta_string (self, NULL, "kind");
  for (guint i = 0; kind && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i]))
      return i;
  return DESK_EVIDENCE_KIND_OTHER;
}

const char *
desk_evidence_get_icon_name (DeskEvidence *self)
{
  switch (desk_evidence_get_kind (self))
    {
      case DESK_EVIDENCE_KIND_PDF: return "x-office-document-symbolic";
      case DESK_EVIDENCE_KIND_IMAGE: return "image-x-generic-symbolic";
      case DESK_EVIDENCE_KIND_TEXT: return "text-x-generic-symbolic";
      case DESK_EVIDENCE_KIND_EMAIL: return "mail-unread-symbolic";
      case DESK_EVIDENCE_KIND_OTHER:
      default: return "paper-symbolic";
    }
}

guint
desk_evidence_get_page_count (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), 0);
  return CLAMP (meta_int (self, "pdf", "n_pages"), 0, G_MAXUINT);
}

gboolean
desk_evidence_get_scan_only (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), FALSE);
  return meta_bool (self, "pdf", "scan_only");
}

gboolean
desk_evidence_get_text_layer_unknown (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), FALSE);
  return meta_bool (self, "pdf", "text_layer_unknown");
}

gboolean
desk_evidence_get_pdf_repaired (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), FALSE);
  return meta_bool (self, "pdf", "repaired");
}

gboolean
desk_evidence_get_encrypted (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), FALSE);
  return g_strcmp0 (meta_string (self, "problem", "code"), "encrypted") == 0;
}

const char *
desk_evidence_get_pdf_title (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  return meta_string (self, "pdf", "title");
}

const char *
desk_evidence_get_pdf_author (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  return meta_string (self, "pdf", "author");
}

const char *
desk_evidence_get_pdf_producer (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  return meta_string (self, "pdf", "producer");
}

GDateTime *
desk_evidence_get_pdf_created (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  return self->pdf_created;
}

GDateTime *
desk_evidence_get_pdf_modified (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  return self->pdf_modified;
}

gboolean
desk_evidence_get_image_size (DeskEvidence *self,
                              int          *width,
                              int          *height)
{
  gint64 w, h;

  g_return_val_if_fail (DESK_IS_EVIDENCE (self), FALSE);
  w = meta_int (self, "image", "width");
  h = meta_int (self, "image", "height");
  if (width)
    *width = w;
  if (height)
    *height = h;
  return w > 0 && h > 0;
}

gboolean
desk_evidence_get_name_mismatch (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), FALSE);
  return meta_bool (self, NULL, "name_mismatch");
}

const char *
desk_evidence_get_exif_date (DeskEvidence *self)
{
  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  return meta_string (self, "image", "taken");
}

gboolean
desk_evidence_matches (DeskEvidence *self,
                       const char   *folded_query)
{
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (DESK_IS_EVIDENCE (self), FALSE);
  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;
  if (g_str_has_prefix (self->sha256, folded_query))
    return TRUE;
  name = desk_text_fold (self->original_name);
  if (strstr (name, folded_query))
    return TRUE;
  note = desk_text_fold (self->source_note);
  return strstr (note, folded_query) != NULL;
}

void
desk_evidence_to_json (DeskEvidence *self,
                       gpointer      json_builder)
{
  JsonBuilder     *builder = json_builder;
  g_autofree char *added = NULL;
  g_autoptr (JsonNode) meta = NULL;

  g_return_if_fail (DESK_IS_EVIDENCE (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));
  added = desk_time_to_iso8601 (self->added_at);
  meta = json_node_init_object (json_node_alloc (), self->meta);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  desk_json_add_text (builder, "sha256", self->sha256);
  desk_json_add_text (builder, "original_name", self->original_name);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, self->size);
  desk_json_add_text (builder, "mime_type", self->mime_type);
  desk_json_add_text (builder, "added_at", added);
  desk_json_add_text (builder, "source_note", self->source_note);
  json_builder_set_member_name (builder, "in_library");
  json_builder_add_boolean_value (builder, self->in_library);
  json_builder_set_member_name (builder, "usage_count");
  json_builder_add_int_value (builder, self->usage_count);
  json_builder_set_member_name (builder, "metadata");
  json_builder_add_value (builder, g_steal_pointer (&meta));
  json_builder_end_object (builder);
}
