/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-case"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "desk-case-private.h"
#include "desk-enums.h"
#include "desk-json.h"
#include "desk-util.h"

struct _DeskCase
{
  GObject parent_instance;

  gint64         id;
  DeskPlatform   platform;
  DeskCaseType   case_type;
  DeskCaseStatus status;
  char          *title;
  char          *notice_text;
  char          *platform_case_id;
  char          *violation_code;
  char         **product_ids;
  char          *rule_pack_version;
  /* Times as UTC seconds (DESK_CASE_NO_TIME when unset); the GDateTime is
   * made on first use: a list of 100 000 cases never needs most of them. */
  gint64     received_s;
  gint64     deadline_s;
  gint64     created_s;
  gint64     updated_s;
  GDateTime *received_at;
  GDateTime *deadline_at;
  GDateTime *created_at;
  GDateTime *updated_at;
};

G_DEFINE_FINAL_TYPE (DeskCase, desk_case, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_PLATFORM,
  PROP_CASE_TYPE,
  PROP_TITLE,
  PROP_NOTICE_TEXT,
  PROP_PLATFORM_CASE_ID,
  PROP_VIOLATION_CODE,
  PROP_PRODUCT_IDS,
  PROP_RECEIVED_AT,
  PROP_DEADLINE_AT,
  PROP_STATUS,
  PROP_RULE_PACK_VERSION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_case_finalize (GObject *object)
{
  DeskCase *self = (DeskCase *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->notice_text, g_free);
  g_clear_pointer (&self->platform_case_id, g_free);
  g_clear_pointer (&self->violation_code, g_free);
  g_clear_pointer (&self->product_ids, g_strfreev);
  g_clear_pointer (&self->rule_pack_version, g_free);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_clear_pointer (&self->deadline_at, g_date_time_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  G_OBJECT_CLASS (desk_case_parent_class)->finalize (object);
}

static void
desk_case_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DeskCase *self = DESK_CASE (object);

  switch (prop_id)
    {
      case PROP_ID: g_value_set_int64 (value, self->id); break;
      case PROP_PLATFORM: g_value_set_int (value, self->platform); break;
      case PROP_CASE_TYPE: g_value_set_enum (value, self->case_type); break;
      case PROP_TITLE: g_value_set_string (value, self->title); break;
      case PROP_NOTICE_TEXT: g_value_set_string (value, self->notice_text); break;
      case PROP_PLATFORM_CASE_ID: g_value_set_string (value, self->platform_case_id); break;
      case PROP_VIOLATION_CODE: g_value_set_string (value, self->violation_code); break;
      case PROP_PRODUCT_IDS: g_value_set_boxed (value, self->product_ids); break;
      case PROP_RECEIVED_AT: g_value_set_boxed (value, desk_case_get_received_at (self)); break;
      case PROP_DEADLINE_AT: g_value_set_boxed (value, desk_case_get_deadline_at (self)); break;
      case PROP_STATUS: g_value_set_enum (value, self->status); break;
      case PROP_RULE_PACK_VERSION: g_value_set_string (value, self->rule_pack_version); break;
      case PROP_CREATED_AT: g_value_set_boxed (value, desk_case_get_created_at (self)); break;
      case PROP_UPDATED_AT: g_value_set_boxed (value, desk_case_get_updated_at (self)); break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_case_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DeskCase *self = DESK_CASE (object);

  switch (prop_id)
    {
      case PROP_PLATFORM: desk_case_set_platform (self, g_value_get_int (value)); break;
      case PROP_CASE_TYPE: desk_case_set_case_type (self, g_value_get_enum (value)); break;
      case PROP_TITLE: desk_case_set_title (self, g_value_get_string (value)); break;
      case PROP_NOTICE_TEXT: desk_case_set_notice_text (self, g_value_get_string (value)); break;
      case PROP_PLATFORM_CASE_ID: desk_case_set_platform_case_id (self, g_value_get_string (value)); break;
      case PROP_VIOLATION_CODE: desk_case_set_violation_code (self, g_value_get_string (value)); break;
      case PROP_PRODUCT_IDS: desk_case_set_product_ids (self, g_value_get_boxed (value)); break;
      case PROP_RECEIVED_AT: desk_case_set_received_at (self, g_value_get_boxed (value)); break;
      case PROP_DEADLINE_AT: desk_case_set_deadline_at (self, g_value_get_boxed (value)); break;
      case PROP_STATUS: desk_case_set_status (self, g_value_get_enum (value)); break;
      case PROP_RULE_PACK_VERSION: desk_case_set_rule_pack_version (self, g_value_get_string (value)); break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
time_pspec (const char *name, GParamFlags rw)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE_TIME,
                             rw | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
desk_case_class_init (DeskCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = desk_case_finalize;
  object_class->get_property = desk_case_get_property;
  object_class->set_property = desk_case_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* An int, not an enum: platforms are data (desk-platform.h). */
  properties[PROP_PLATFORM] = g_param_spec_int ("platform", NULL, NULL, DESK_PLATFORM_UNKNOWN, G_MAXINT, DESK_PLATFORM_UNKNOWN, rw);
  properties[PROP_CASE_TYPE] = g_param_spec_enum ("case-type", NULL, NULL, DESK_TYPE_CASE_TYPE, DESK_CASE_TYPE_UNKNOWN, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, DESK_TYPE_CASE_STATUS, DESK_CASE_STATUS_DRAFT, rw);
  properties[PROP_TITLE] = string_pspec ("title");
  properties[PROP_NOTICE_TEXT] = string_pspec ("notice-text");
  properties[PROP_PLATFORM_CASE_ID] = string_pspec ("platform-case-id");
  properties[PROP_VIOLATION_CODE] = string_pspec ("violation-code");
  properties[PROP_RULE_PACK_VERSION] = string_pspec ("rule-pack-version");
  properties[PROP_PRODUCT_IDS] = g_param_spec_boxed ("product-ids", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_RECEIVED_AT] = time_pspec ("received-at", G_PARAM_READWRITE);
  properties[PROP_DEADLINE_AT] = time_pspec ("deadline-at", G_PARAM_READWRITE);
  properties[PROP_CREATED_AT] = time_pspec ("created-at", G_PARAM_READABLE);
  properties[PROP_UPDATED_AT] = time_pspec ("updated-at", G_PARAM_READABLE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_case_init (DeskCase *self)
{
  self->title = g_strdup ("");
  self->platform_case_id = g_strdup ("");
  self->violation_code = g_strdup ("");
  self->product_ids = g_new0 (char *, 1);
  self->received_s = self->deadline_s = DESK_CASE_NO_TIME;
  self->created_s = self->updated_s = DESK_CASE_NO_TIME;
}

DeskCase *
desk_case_new (DeskPlatform platform,
               DeskCaseType case_type,
               const char  *title)
{
  return g_object_new (DESK_TYPE_CASE,
                       "platform", platform,
                       "case-type", case_type,
                       "title", title,
                       NULL);
}

/* Returns TRUE when the string changed, after replacing it. */
static gboolean
replace_string (char      **slot,
                const char *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static gint64
to_unix (GDateTime *value)
{
  return value ? g_date_time_to_unix (value) : DESK_CASE_NO_TIME;
}

/* Second precision, like the database. */
static gboolean
replace_time (gint64     *seconds,
              GDateTime **cache,
              GDateTime  *value)
{
  if (*seconds == to_unix (value))
    return FALSE;
  *seconds = to_unix (value);
  g_clear_pointer (cache, g_date_time_unref);
  return TRUE;
}

static GDateTime *
cached_time (gint64      seconds,
             GDateTime **cache)
{
  if (*cache == NULL && seconds != DESK_CASE_NO_TIME)
    *cache = g_date_time_new_from_unix_utc (seconds);
  return *cache;
}

static void
changed (DeskCase *self,
         int       prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

gint64
desk_case_get_id (DeskCase *self)
{
  g_return_val_if_fail (DESK_IS_CASE (self), 0);
  return self->id;
}

DeskPlatform
desk_case_get_platform (DeskCase *self)
{
  g_return_val_if_fail (DESK_IS_CASE (self), DESK_PLATFORM_UNKNOWN);
  return self->platform;
}

void
desk_case_set_platform (DeskCase    *self,
                        DeskPlatform platform)
{
  g_return_if_fail (DESK_IS_CASE (self));
  if (self->platform == platform)
    return;
  self->platform = platform;
  changed (self, PROP_PLATFORM);
}

DeskCaseType
desk_case_get_case_type (DeskCase *self)
{
  g_return_val_if_fail (DESK_IS_CASE (self), DESK_CASE_TYPE_UNKNOWN);
  return self->case_type;
}

void
desk_case_set_case_type (DeskCase    *self,
                         DeskCaseType case_type)
{
  g_return_if_fail (DESK_IS_CASE (self));
  if (self->case_type == case_type)
    return;
  self->case_type = case_type;
  changed (self, PROP_CASE_TYPE);
}

DeskCaseStatus
desk_case_get_status (DeskCase *self)
{
  g_return_val_if_fail (DESK_IS_CASE (self), DESK_CASE_STATUS_DRAFT);
  return self->status;
}

void
desk_case_set_status (DeskCase      *self,
                      DeskCaseStatus status)
{
  g_return_if_fail (DESK_IS_CASE (self));
  if (self->status == status)
    return;
  self->status = status;
  changed (self, PROP_STATUS);
}

#define STRING_ACCESSORS(field, PROP)                           \
  const char *                                                  \
      desk_case_get_##field (DeskCase *self)                    \
  {                                                             \
    g_return_val_if_fail (DESK_IS_CASE (self), NULL);           \
    return self->field;                                         \
  }                                                             \
  void                                                          \
      desk_case_set_##field (DeskCase *self, const char *value) \
  {                                                             \
    g_return_if_fail (DESK_IS_CASE (self));                     \
    if (replace_string (&self->field, value))                   \
      changed (self, PROP);                                     \
  }

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (platform_case_id, PROP_PLATFORM_CASE_ID)
STRING_ACCESSORS (violation_code, PROP_VIOLATION_CODE)
STRING_ACCESSORS (rule_pack_version, PROP_RULE_PACK_VERSION)
STRING_ACCESSORS (notice_text, PROP_NOTICE_TEXT)

#define TIME_GETTER(name, field)                             \
  GDateTime *                                                \
      desk_case_get_##name##_at (DeskCase *self)             \
  {                                                          \
    g_return_val_if_fail (DESK_IS_CASE (self), NULL);        \
    return cached_time (self->field##_s, &self->field##_at); \
  }                                                          \
  gint64                                                     \
      _desk_case_get_##name##_unix (DeskCase *self)          \
  {                                                          \
    return self->field##_s;                                  \
  }

#define TIME_SETTER(name, PROP)                                    \
  void                                                             \
      desk_case_set_##name##_at (DeskCase *self, GDateTime *value) \
  {                                                                \
    g_return_if_fail (DESK_IS_CASE (self));                        \
    if (replace_time (&self->name##_s, &self->name##_at, value))   \
      changed (self, PROP);                                        \
  }

TIME_GETTER (received, received)
TIME_GETTER (deadline, deadline)
TIME_GETTER (created, created)
TIME_GETTER (updated, updated)
TIME_SETTER (received, PROP_RECEIVED_AT)
TIME_SETTER (deadline, PROP_DEADLINE_AT)

gboolean
desk_case_has_notice_text (DeskCase *self)
{
  g_return_val_if_fail (DESK_IS_CASE (self), FALSE);
  return self->notice_text != NULL;
}

const char *const *
desk_case_get_product_ids (DeskCase *self)
{
  g_return_val_if_fail (DESK_IS_CASE (self), NULL);
  return (const char *const *)self->product_ids;
}

void
desk_case_set_product_ids (DeskCase          *self,
                           const char *const *product_ids)
{
  static const char *none[] = { NULL };

  g_return_if_fail (DESK_IS_CASE (self));
  if (product_ids == NULL)
    product_ids = none;
  if (g_strv_equal ((const char *const *)self->product_ids, product_ids))
    return;
  g_strfreev (self->product_ids);
  self->product_ids = g_strdupv ((char **)product_ids);
  changed (self, PROP_PRODUCT_IDS);
}

DeskDeadlineState
desk_case_get_deadline_state (DeskCase  *self,
                              GDateTime *now)
{
  g_return_val_if_fail (DESK_IS_CASE (self), DESK_DEADLINE_NONE);
  return desk_deadline_state_compute (self->status, self->deadline_s, g_date_time_to_unix (now));
}

DeskDeadlineState
desk_deadline_state_compute (DeskCaseStatus status,
                             gint64         deadline_unix,
                             gint64         now_unix)
{
  /* Once submitted, the seller's own deadline is met; the platform reviews. */
  if (status != DESK_CASE_STATUS_DRAFT)
    return DESK_DEADLINE_DONE;
  if (deadline_unix == DESK_CASE_NO_TIME)
    return DESK_DEADLINE_NONE;
  if (deadline_unix <= now_unix)
    return DESK_DEADLINE_OVERDUE;
  if (deadline_unix - now_unix < DESK_DEADLINE_SOON_HOURS * 3600)
    return DESK_DEADLINE_SOON;
  return DESK_DEADLINE_NORMAL;
}

void
desk_case_to_json (DeskCase *self,
                   gpointer  json_builder)
{
  JsonBuilder *builder = json_builder;

  g_return_if_fail (DESK_IS_CASE (self));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  desk_json_add_text (builder, "platform", desk_platform_to_id (self->platform));
  desk_json_add_text (builder, "case_type", desk_case_type_to_id (self->case_type));
  desk_json_add_text (builder, "status", desk_case_status_to_id (self->status));
  desk_json_add_text (builder, "title", self->title);
  desk_json_add_text (builder, "platform_case_id", self->platform_case_id);
  desk_json_add_text (builder, "violation_code", self->violation_code);
  json_builder_set_member_name (builder, "product_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; self->product_ids[i]; i++)
    json_builder_add_string_value (builder, self->product_ids[i]);
  json_builder_end_array (builder);
  if (self->notice_text)
    desk_json_add_text (builder, "notice_text", self->notice_text);
  desk_json_add_text (builder, "rule_pack_version", self->rule_pack_version);
  desk_json_add_time (builder, "received_at", desk_case_get_received_at (self));
  desk_json_add_time (builder, "deadline_at", desk_case_get_deadline_at (self));
  desk_json_add_time (builder, "created_at", desk_case_get_created_at (self));
  desk_json_add_time (builder, "updated_at", desk_case_get_updated_at (self));
  json_builder_end_object (builder);
}

void
_desk_case_set_id (DeskCase *self,
                   gint64    id)
{
  self->id = id;
}

void
_desk_case_set_times_unix (DeskCase *self,
                           gint64    received,
                           gint64    deadline,
                           gint64    created,
                           gint64    updated)
{
  self->received_s = received;
  self->deadline_s = deadline;
  self->created_s = created;
  self->updated_s = updated;
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_clear_pointer (&self->deadline_at, g_date_time_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
}

void
_desk_case_take_fields (DeskCase      *self,
                        DeskPlatform   platform,
                        DeskCaseType   case_type,
                        DeskCaseStatus status,
                        char          *title,
                        char          *platform_case_id,
                        char          *violation_code,
                        char         **product_ids,
                        char          *rule_pack_version)
{
  self->platform = platform;
  self->case_type = case_type;
  self->status = status;
  g_free (self->title);
  self->title = title;
  g_free (self->platform_case_id);
  self->platform_case_id = platform_case_id;
  g_free (self->violation_code);
  self->violation_code = violation_code;
  g_strfreev (self->product_ids);
  self->product_ids = product_ids;
  g_free (self->rule_pack_version);
  self->rule_pack_version = rule_pack_version;
}

void
_desk_case_take_notice (DeskCase *self,
                        char     *notice_text)
{
  g_free (self->notice_text);
  self->notice_text = notice_text;
}
