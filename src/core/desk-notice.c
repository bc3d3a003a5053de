/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-enums.h"
#include "desk-notice-private.h"
#include "desk-platform.h"

/* A violation code the seeds define (IP-01, LI-03) is near-certain evidence
 * of the case type. */
#define CODE_WEIGHT 5.0

struct _DeskNotice
{
  GObject parent_instance;

  char      *text;
  GDateTime *received_at;

  DeskPlatform platform;
  DeskPlatform runner_up_platform;
  double       platform_confidence;
  DeskCaseType case_type;
  DeskCaseType runner_up_case_type;
  double       case_type_confidence;

  char      *issue_id;
  char      *case_id;
  char      *violation_code;
  GStrv      product_ids;
  GDateTime *deadline;
  GStrv      evidence_ids;
  GStrv      evidence_hints;

  guint deadline_is_relative : 1;
  guint deadline_zone_assumed : 1;
  guint truncated : 1;
  guint repaired : 1;
};

G_DEFINE_FINAL_TYPE (DeskNotice, desk_notice, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_RECEIVED_AT,
  PROP_PLATFORM,
  PROP_PLATFORM_CONFIDENCE,
  PROP_CASE_TYPE,
  PROP_CASE_TYPE_CONFIDENCE,
  PROP_ISSUE_ID,
  PROP_CASE_ID,
  PROP_VIOLATION_CODE,
  PROP_PRODUCT_IDS,
  PROP_DEADLINE,
  PROP_DEADLINE_IS_RELATIVE,
  PROP_EVIDENCE_IDS,
  PROP_TRUNCATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
desk_notice_finalize (GObject *object)
{
  DeskNotice *self = DESK_NOTICE (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_clear_pointer (&self->issue_id, g_free);
  g_clear_pointer (&self->case_id, g_free);
  g_clear_pointer (&self->violation_code, g_free);
  g_clear_pointer (&self->product_ids, g_strfreev);
  g_clear_pointer (&self->deadline, g_date_time_unref);
  g_clear_pointer (&self->evidence_ids, g_strfreev);
  g_clear_pointer (&self->evidence_hints, g_strfreev);

  G_OBJECT_CLASS (desk_notice_parent_class)->finalize (object);
}

static void
desk_notice_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DeskNotice *self = DESK_NOTICE (object);

  switch (prop_id)
    {
      case PROP_TEXT:
        g_value_set_string (value, self->text);
        break;
      case PROP_RECEIVED_AT:
        g_value_set_boxed (value, self->received_at);
        break;
      case PROP_PLATFORM:
        g_value_set_int (value, self->platform);
        break;
      case PROP_PLATFORM_CONFIDENCE:
        g_value_set_double (value, self->platform_confidence);
        break;
      case PROP_CASE_TYPE:
        g_value_set_enum (value, self->case_type);
        break;
      case PROP_CASE_TYPE_CONFIDENCE:
        g_value_set_double (value, self->case_type_confidence);
        break;
      case PROP_ISSUE_ID:
        g_value_set_string (value, self->issue_id);
        break;
      case PROP_CASE_ID:
        g_value_set_string (value, self->case_id);
        break;
      case PROP_VIOLATION_CODE:
        g_value_set_string (value, self->violation_code);
        break;
      case PROP_PRODUCT_IDS:
        g_value_set_boxed (value, self->product_ids);
        break;
      case PROP_DEADLINE:
        g_value_set_boxed (value, self->deadline);
        break;
      case PROP_DEADLINE_IS_RELATIVE:
        g_value_set_boolean (value, self->deadline_is_relative);
        break;
      case PROP_EVIDENCE_IDS:
        g_value_set_boxed (value, self->evidence_ids);
        break;
      case PROP_TRUNCATED:
        g_value_set_boolean (value, self->truncated);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_notice_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DeskNotice *self = DESK_NOTICE (object);

  switch (prop_id)
    {
      case PROP_PLATFORM:
        desk_notice_set_platform (self, g_value_get_int (value));
        break;
      case PROP_CASE_TYPE:
        desk_notice_set_case_type (self, g_value_get_enum (value));
        break;
      case PROP_ISSUE_ID:
        desk_notice_set_issue_id (self, g_value_get_string (value));
        break;
      case PROP_CASE_ID:
        desk_notice_set_case_id (self, g_value_get_string (value));
        break;
      case PROP_VIOLATION_CODE:
        desk_notice_set_violation_code (self, g_value_get_string (value));
        break;
      case PROP_PRODUCT_IDS:
        desk_notice_set_product_ids (self, g_value_get_boxed (value));
        break;
      case PROP_DEADLINE:
        desk_notice_set_deadline (self, g_value_get_boxed (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
confidence_pspec (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, 0, 1, 0,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
desk_notice_class_init (DeskNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags   rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = desk_notice_finalize;
  object_class->get_property = desk_notice_get_property;
  object_class->set_property = desk_notice_set_property;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, ro);
  properties[PROP_RECEIVED_AT] = g_param_spec_boxed ("received-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  /* An int, not an enum: platforms are data (desk-platform.h). */
  properties[PROP_PLATFORM] = g_param_spec_int ("platform", NULL, NULL, DESK_PLATFORM_UNKNOWN, G_MAXINT,
                                                DESK_PLATFORM_UNKNOWN, rw);
  properties[PROP_PLATFORM_CONFIDENCE] = confidence_pspec ("platform-confidence");
  properties[PROP_CASE_TYPE] = g_param_spec_enum ("case-type", NULL, NULL, DESK_TYPE_CASE_TYPE,
                                                  DESK_CASE_TYPE_UNKNOWN, rw);
  properties[PROP_CASE_TYPE_CONFIDENCE] = confidence_pspec ("case-type-confidence");
  properties[PROP_ISSUE_ID] = g_param_spec_string ("issue-id", NULL, NULL, NULL, rw);
  properties[PROP_CASE_ID] = g_param_spec_string ("case-id", NULL, NULL, NULL, rw);
  properties[PROP_VIOLATION_CODE] = g_param_spec_string ("violation-code", NULL, NULL, NULL, rw);
  properties[PROP_PRODUCT_IDS] = g_param_spec_boxed ("product-ids", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_DEADLINE] = g_param_spec_boxed ("deadline", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_DEADLINE_IS_RELATIVE] = g_param_spec_boolean ("deadline-is-relative", NULL, NULL,
                                                                FALSE, ro);
  properties[PROP_EVIDENCE_IDS] = g_param_spec_boxed ("evidence-ids", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_TRUNCATED] = g_param_spec_boolean ("truncated", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_notice_init (DeskNotice *self)
{
  self->received_at = g_date_time_new_now_utc ();
  self->product_ids = g_new0 (char *, 1);
  self->evidence_ids = g_new0 (char *, 1);
  self->evidence_hints = g_new0 (char *, 1);
}

DeskNotice *
desk_notice_new (void)
{
  return g_object_new (DESK_TYPE_NOTICE, NULL);
}

/* The compatibility mappings notices need, so that full-width "：（）１" read
 * as ":()1".  Full NFKC (g_utf8_normalize) costs ~10 ms per 256 KiB. */
static void
append_folded (GString *out,
               gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    g_string_append_c (out, (char)(c - 0xFEE0));
  else if (c == 0x3000 || c == 0x00A0)
    g_string_append_c (out, ' ');
  else if (c == 0x2116)
    g_string_append (out, "No");
  else
    g_string_append_unichar (out, c);
}

/* The start of the text, cut on a character boundary, with compatibility
 * characters folded.  @text is valid UTF-8. */
static char *
prepare_window (const char *text,
                gboolean   *truncated)
{
  gsize    len = strlen (text);
  GString *out;

  *truncated = len > DESK_NOTICE_SCAN_LIMIT;
  if (*truncated)
    {
      len = DESK_NOTICE_SCAN_LIMIT;
      while (len > 0 && (text[len] & 0xC0) == 0x80)
        len--;
    }
  out = g_string_sized_new (len + 1);
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      if ((guchar)*p < 0x80)
        g_string_append_c (out, *p);
      else
        append_folded (out, g_utf8_get_char (p));
    }
  return g_string_free (out, FALSE);
}

static void
guess_platform (DeskNotice *self,
                const char *window)
{
  double scores[DESK_N_PLATFORMS];
  int    best, runner_up;

  _desk_notice_score_platforms (window, scores);
  self->platform_confidence = _desk_notice_confidence (scores, DESK_N_PLATFORMS, &best, &runner_up);
  self->platform = best;
  self->runner_up_platform = runner_up;
}

static void
guess_case_type (DeskNotice *self,
                 const char *window)
{
  double       scores[DESK_N_CASE_TYPES];
  DeskCaseType from_code = _desk_notice_case_type_for_code (self->violation_code);
  int          best, runner_up;

  _desk_notice_score_case_types (window, scores);
  if (from_code != DESK_CASE_TYPE_UNKNOWN)
    scores[from_code] += CODE_WEIGHT;
  self->case_type_confidence = _desk_notice_confidence (scores, DESK_N_CASE_TYPES, &best, &runner_up);
  self->case_type = best;
  self->runner_up_case_type = runner_up;
}

static void
read_evidence (DeskNotice *self,
               const char *window)
{
  g_autoptr (GStrvBuilder) hints = g_strv_builder_new ();

  g_strfreev (self->evidence_ids);
  self->evidence_ids = _desk_notice_find_evidence (window);
  for (guint i = 0; self->evidence_ids[i] != NULL; i++)
    g_strv_builder_add (hints, _desk_notice_evidence_hint (self->evidence_ids[i]));
  g_strfreev (self->evidence_hints);
  self->evidence_hints = g_strv_builder_end (hints);
}

static void
read_fields (DeskNotice *self,
             const char *window)
{
  gboolean relative, zone_assumed;

  self->issue_id = _desk_notice_find_issue_id (window);
  self->case_id = _desk_notice_find_case_id (window);
  self->violation_code = _desk_notice_find_violation_code (window);
  g_strfreev (self->product_ids);
  self->product_ids = _desk_notice_find_product_ids (window, self->issue_id, self->case_id);
  self->deadline = _desk_notice_find_deadline (window, self->received_at, &relative, &zone_assumed);
  self->deadline_is_relative = relative;
  self->deadline_zone_assumed = zone_assumed;
  read_evidence (self, window);
}

DeskNotice *
desk_notice_decode (const char *text,
                    GDateTime  *received_at)
{
  g_autoptr (DeskNotice) self = desk_notice_new ();
  g_autofree char *window = NULL;
  gboolean         truncated;

  if (received_at != NULL)
    {
      g_date_time_unref (self->received_at);
      self->received_at = g_date_time_to_utc (received_at);
    }
  if (text == NULL)
    return g_steal_pointer (&self);

  self->repaired = !g_utf8_validate (text, -1, NULL);
  self->text = g_utf8_make_valid (text, -1);
  window = prepare_window (self->text, &truncated);
  self->truncated = truncated;

  read_fields (self, window);
  guess_platform (self, window);
  guess_case_type (self, window);
  return g_steal_pointer (&self);
}

typedef struct
{
  char      *text;
  GDateTime *received_at;
} DecodeData;

static void
decode_data_free (DecodeData *data)
{
  g_clear_pointer (&data->text, g_free);
  g_clear_pointer (&data->received_at, g_date_time_unref);
  g_free (data);
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DecodeData *data = task_data;

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, desk_notice_decode (data->text, data->received_at), g_object_unref);
}

void
desk_notice_decode_async (const char         *text,
                          GDateTime          *received_at,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  DecodeData *data = g_new0 (DecodeData, 1);

  g_task_set_source_tag (task, desk_notice_decode_async);
  data->text = g_strdup (text);
  data->received_at = received_at ? g_date_time_ref (received_at) : g_date_time_new_now_utc ();
  g_task_set_task_data (task, data, (GDestroyNotify)decode_data_free);
  g_task_run_in_thread (task, decode_thread);
}

DeskNotice *
desk_notice_decode_finish (GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_notice_decode_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
desk_notice_get_text (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return self->text;
}

GDateTime *
desk_notice_get_received_at (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return self->received_at;
}

gboolean
desk_notice_get_truncated (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), FALSE);
  return self->truncated;
}

gboolean
desk_notice_get_repaired (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), FALSE);
  return self->repaired;
}

DeskPlatform
desk_notice_get_platform (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), DESK_PLATFORM_UNKNOWN);
  return self->platform;
}

double
desk_notice_get_platform_confidence (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), 0);
  return self->platform_confidence;
}

DeskPlatform
desk_notice_get_runner_up_platform (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), DESK_PLATFORM_UNKNOWN);
  return self->runner_up_platform;
}

/* A value the seller picks is certain; UNKNOWN clears the guess. */
void
desk_notice_set_platform (DeskNotice  *self,
                          DeskPlatform platform)
{
  g_return_if_fail (DESK_IS_NOTICE (self));
  g_return_if_fail (platform >= DESK_PLATFORM_UNKNOWN && (guint)platform < desk_platform_get_count ());

  self->platform = platform;
  self->runner_up_platform = DESK_PLATFORM_UNKNOWN;
  self->platform_confidence = platform == DESK_PLATFORM_UNKNOWN ? 0 : 1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLATFORM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLATFORM_CONFIDENCE]);
}

DeskCaseType
desk_notice_get_case_type (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), DESK_CASE_TYPE_UNKNOWN);
  return self->case_type;
}

double
desk_notice_get_case_type_confidence (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), 0);
  return self->case_type_confidence;
}

DeskCaseType
desk_notice_get_runner_up_case_type (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), DESK_CASE_TYPE_UNKNOWN);
  return self->runner_up_case_type;
}

void
desk_notice_set_case_type (DeskNotice  *self,
                           DeskCaseType case_type)
{
  g_return_if_fail (DESK_IS_NOTICE (self));
  g_return_if_fail (case_type >= DESK_CASE_TYPE_UNKNOWN && case_type < DESK_N_CASE_TYPES);

  self->case_type = case_type;
  self->runner_up_case_type = DESK_CASE_TYPE_UNKNOWN;
  self->case_type_confidence = case_type == DESK_CASE_TYPE_UNKNOWN ? 0 : 1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_TYPE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_TYPE_CONFIDENCE]);
}

/* Blank input from an entry means "none". */
static void
set_string (DeskNotice *self,
            char      **field,
            const char *value,
            int         prop)
{
  g_autofree char *stripped = value ? g_strstrip (g_strdup (value)) : NULL;

  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (*field, stripped) == 0)
    return;
  g_free (*field);
  *field = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
desk_notice_get_issue_id (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return self->issue_id;
}

void
desk_notice_set_issue_id (DeskNotice *self,
                          const char *issue_id)
{
  g_return_if_fail (DESK_IS_NOTICE (self));
  set_string (self, &self->issue_id, issue_id, PROP_ISSUE_ID);
}

const char *
desk_notice_get_case_id (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return self->case_id;
}

void
desk_notice_set_case_id (DeskNotice *self,
                         const char *case_id)
{
  g_return_if_fail (DESK_IS_NOTICE (self));
  set_string (self, &self->case_id, case_id, PROP_CASE_ID);
}

const char *
desk_notice_get_violation_code (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return self->violation_code;
}

void
desk_notice_set_violation_code (DeskNotice *self,
                                const char *code)
{
  g_return_if_fail (DESK_IS_NOTICE (self));
  set_string (self, &self->violation_code, code, PROP_VIOLATION_CODE);
}

const char *const *
desk_notice_get_product_ids (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return (const char *const *)self->product_ids;
}

void
desk_notice_set_product_ids (DeskNotice        *self,
                             const char *const *product_ids)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (DESK_IS_NOTICE (self));

  for (guint i = 0; product_ids != NULL && product_ids[i] != NULL; i++)
    {
      if (*product_ids[i] != '\0' && g_hash_table_add (seen, (gpointer)product_ids[i]))
        g_strv_builder_add (builder, product_ids[i]);
    }
  g_strfreev (self->product_ids);
  self->product_ids = g_strv_builder_end (builder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_IDS]);
}

GDateTime *
desk_notice_get_deadline (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return self->deadline;
}

gboolean
desk_notice_get_deadline_is_relative (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), FALSE);
  return self->deadline_is_relative;
}

gboolean
desk_notice_get_deadline_zone_assumed (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), FALSE);
  return self->deadline_zone_assumed;
}

/* A deadline the seller enters is absolute and exact. */
void
desk_notice_set_deadline (DeskNotice *self,
                          GDateTime  *deadline)
{
  g_return_if_fail (DESK_IS_NOTICE (self));

  g_clear_pointer (&self->deadline, g_date_time_unref);
  self->deadline = deadline ? g_date_time_to_utc (deadline) : NULL;
  self->deadline_zone_assumed = FALSE;
  if (self->deadline_is_relative)
    {
      self->deadline_is_relative = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE_IS_RELATIVE]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}

const char *const *
desk_notice_get_evidence_ids (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return (const char *const *)self->evidence_ids;
}

const char *const *
desk_notice_get_evidence_hints (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return (const char *const *)self->evidence_hints;
}

const char *
desk_notice_evidence_get_hint (const char *evidence_id)
{
  return _desk_notice_evidence_hint (evidence_id);
}

G_DEFINE_QUARK (desk_notice_error_quark, desk_notice_error)

static void
set_nul_error (const char *data,
               gsize       offset,
               GError    **error)
{
  guint line = 1, column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++, column = 1;
      else if (((guchar)data[i] & 0xc0) != 0x80)
        column++;
    }
  /* Translators: line and character counted from 1 */
  g_set_error (error, DESK_NOTICE_ERROR, DESK_NOTICE_ERROR_NUL,
               _ ("The notice holds an invisible zero character (NUL) at line %u, character %u, which would cut it short there. A notice is plain text: copy the text itself into a plain text (UTF-8) file and try again."),
               line, column);
}

char *
desk_notice_text_from_data (const char *data,
                            gsize       len,
                            GError    **error)
{
  const char *nul;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  if (len >= 2 && (((guchar)data[0] == 0xff && (guchar)data[1] == 0xfe) || ((guchar)data[0] == 0xfe && (guchar)data[1] == 0xff)))
    {
      g_autofree char *utf8 = g_convert (data, len, "UTF-8", "UTF-16", NULL, NULL, NULL);

      if (utf8 == NULL)
        {
          g_set_error_literal (error, DESK_NOTICE_ERROR, DESK_NOTICE_ERROR_NOT_UTF8,
                               _ ("The notice file looks like UTF-16 text but cannot be read. Save it as UTF-8 and try again."));
          return NULL;
        }
      /* Without the byte-order mark, now U+FEFF. */
      return g_strdup (g_str_has_prefix (utf8, "\xef\xbb\xbf") ? utf8 + 3 : utf8);
    }
  if ((nul = memchr (data, '\0', len)) != NULL)
    {
      set_nul_error (data, nul - data, error);
      return NULL;
    }
  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error_literal (error, DESK_NOTICE_ERROR, DESK_NOTICE_ERROR_NOT_UTF8,
                           _ ("The notice file is not UTF-8 text. Save it as UTF-8 and try again."));
      return NULL;
    }
  return g_strndup (data, len);
}
