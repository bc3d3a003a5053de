/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "desk-enums.h"
#include "desk-util.h"
#include "desk-notice-private.h"
#include "notice/desk-notice-facts.h"
#include "notice/desk-notice-fields.h"
#include "desk-platform.h"

/* A violation code the seeds define (IP-01, LI-03) is near-certain evidence
 * of the case type. */
#define CODE_WEIGHT 5.0
/* Cues for a case type the platform's rule pack does not list count this much. */
#define OTHER_PLATFORM_TYPE_FACTOR 0.4

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
  GPtrArray *fields; /* DeskNoticeField* */
  GPtrArray *facts;  /* DeskNoticeFact* */

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
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->facts, g_ptr_array_unref);

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
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_notice_field_free);
  self->facts = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_notice_fact_free);
}

DeskNotice *
desk_notice_new (void)
{
  return g_object_new (DESK_TYPE_NOTICE, NULL);
}

/* The compatibility mappings notices need, so that full-width "：（）１" read
 * as ":()1".  Full NFKC (g_utf8_normalize) costs ~10 ms per 256 KiB. */
/* Traditional characters frequent in notices (Shopee Taiwan, 蝦皮) read as
 * their simplified forms, so one vocabulary serves both.  Both are three
 * bytes in UTF-8: offsets and lines stay the same.  Sorted by the first. */
static const gunichar traditional[][2] = {
  { 0x4E26, 0x5E76 },
  { 0x4F86, 0x6765 },
  { 0x500B, 0x4E2A },
  { 0x50B3, 0x4F20 },
  { 0x50F9, 0x4EF7 },
  { 0x512A, 0x4F18 },
  { 0x5167, 0x5185 },
  { 0x5291, 0x5242 },
  { 0x52D5, 0x52A8 },
  { 0x52D9, 0x52A1 },
  { 0x5340, 0x533A },
  { 0x53C3, 0x53C2 },
  { 0x54E1, 0x5458 },
  { 0x554F, 0x95EE },
  { 0x555F, 0x542F },
  { 0x55AE, 0x5355 },
  { 0x5716, 0x56FE },
  { 0x57F7, 0x6267 },
  { 0x5831, 0x62A5 },
  { 0x5BE6, 0x5B9E },
  { 0x5BE9, 0x5BA1 },
  { 0x5BEB, 0x5199 },
  { 0x5BF6, 0x5B9D },
  { 0x5C08, 0x4E13 },
  { 0x5C0D, 0x5BF9 },
  { 0x5C6C, 0x5C5E },
  { 0x5E33, 0x8D26 },
  { 0x5E63, 0x5E01 },
  { 0x5EE0, 0x5382 },
  { 0x5EE3, 0x5E7F },
  { 0x5F35, 0x5F20 },
  { 0x5F8C, 0x540E },
  { 0x5F9E, 0x4ECE },
  { 0x5FA9, 0x590D },
  { 0x61C9, 0x5E94 },
  { 0x6236, 0x6237 },
  { 0x63DB, 0x6362 },
  { 0x64D4, 0x62C5 },
  { 0x64DA, 0x636E },
  { 0x6578, 0x6570 },
  { 0x65BC, 0x4E8E },
  { 0x6642, 0x65F6 },
  { 0x66F8, 0x4E66 },
  { 0x6703, 0x4F1A },
  { 0x6771, 0x4E1C },
  { 0x689D, 0x6761 },
  { 0x696D, 0x4E1A },
  { 0x6975, 0x6781 },
  { 0x69CB, 0x6784 },
  { 0x6A19, 0x6807 },
  { 0x6A23, 0x6837 },
  { 0x6A5F, 0x673A },
  { 0x6A94, 0x6863 },
  { 0x6AA2, 0x68C0 },
  { 0x6B0A, 0x6743 },
  { 0x6B77, 0x5386 },
  { 0x6CC1, 0x51B5 },
  { 0x6DE8, 0x51C0 },
  { 0x6E2C, 0x6D4B },
  { 0x6FDF, 0x6D4E },
  { 0x6FFE, 0x6EE4 },
  { 0x7063, 0x6E7E },
  { 0x70BA, 0x4E3A },
  { 0x71B1, 0x70ED },
  { 0x71DF, 0x8425 },
  { 0x7372, 0x83B7 },
  { 0x73FE, 0x73B0 },
  { 0x7522, 0x4EA7 },
  { 0x7570, 0x5F02 },
  { 0x7642, 0x7597 },
  { 0x767C, 0x53D1 },
  { 0x76DC, 0x76D7 },
  { 0x76E3, 0x76D1 },
  { 0x78BA, 0x786E },
  { 0x7A05, 0x7A0E },
  { 0x7A31, 0x79F0 },
  { 0x7A4D, 0x79EF },
  { 0x7BC4, 0x8303 },
  { 0x7C3D, 0x7B7E },
  { 0x7D00, 0x7EAA },
  { 0x7D04, 0x7EA6 },
  { 0x7D19, 0x7EB8 },
  { 0x7D1A, 0x7EA7 },
  { 0x7D50, 0x7ED3 },
  { 0x7D55, 0x7EDD },
  { 0x7D61, 0x7EDC },
  { 0x7D71, 0x7EDF },
  { 0x7D93, 0x7ECF },
  { 0x7DB2, 0x7F51 },
  { 0x7DCA, 0x7D27 },
  { 0x7DDA, 0x7EBF },
  { 0x7DE8, 0x7F16 },
  { 0x7E3D, 0x603B },
  { 0x7E54, 0x7EC7 },
  { 0x7E6B, 0x7CFB },
  { 0x7F70, 0x7F5A },
  { 0x806F, 0x8054 },
  { 0x8072, 0x58F0 },
  { 0x81FA, 0x53F0 },
  { 0x8207, 0x4E0E },
  { 0x8216, 0x94FA },
  { 0x85E5, 0x836F },
  { 0x8655, 0x5904 },
  { 0x865F, 0x53F7 },
  { 0x8766, 0x867E },
  { 0x885B, 0x536B },
  { 0x88DD, 0x88C5 },
  { 0x8907, 0x590D },
  { 0x898F, 0x89C4 },
  { 0x89BD, 0x89C8 },
  { 0x8A02, 0x8BA2 },
  { 0x8A08, 0x8BA1 },
  { 0x8A0A, 0x8BAF },
  { 0x8A18, 0x8BB0 },
  { 0x8A34, 0x8BC9 },
  { 0x8A55, 0x8BC4 },
  { 0x8A5E, 0x8BCD },
  { 0x8A71, 0x8BDD },
  { 0x8A8D, 0x8BA4 },
  { 0x8AA4, 0x8BEF },
  { 0x8AAA, 0x8BF4 },
  { 0x8ABF, 0x8C03 },
  { 0x8ACB, 0x8BF7 },
  { 0x8AD6, 0x8BBA },
  { 0x8B49, 0x8BC1 },
  { 0x8B80, 0x8BFB },
  { 0x8B8A, 0x53D8 },
  { 0x8B93, 0x8BA9 },
  { 0x8CA0, 0x8D1F },
  { 0x8CA8, 0x8D27 },
  { 0x8CAC, 0x8D23 },
  { 0x8CB7, 0x4E70 },
  { 0x8CBB, 0x8D39 },
  { 0x8CBC, 0x8D34 },
  { 0x8CC7, 0x8D44 },
  { 0x8CE3, 0x5356 },
  { 0x8CEA, 0x8D28 },
  { 0x8CEC, 0x8D26 },
  { 0x8F38, 0x8F93 },
  { 0x8F49, 0x8F6C },
  { 0x8FA6, 0x529E },
  { 0x9023, 0x8FDE },
  { 0x9031, 0x5468 },
  { 0x904B, 0x8FD0 },
  { 0x9054, 0x8FBE },
  { 0x9055, 0x8FDD },
  { 0x9072, 0x8FDF },
  { 0x91AB, 0x533B },
  { 0x92B7, 0x9500 },
  { 0x92EA, 0x94FA },
  { 0x9304, 0x5F55 },
  { 0x9322, 0x94B1 },
  { 0x932F, 0x9519 },
  { 0x93C8, 0x94FE },
  { 0x9418, 0x949F },
  { 0x9580, 0x95E8 },
  { 0x9589, 0x95ED },
  { 0x958B, 0x5F00 },
  { 0x9593, 0x95F4 },
  { 0x95B1, 0x9605 },
  { 0x95DC, 0x5173 },
  { 0x9673, 0x9648 },
  { 0x969B, 0x9645 },
  { 0x96AA, 0x9669 },
  { 0x96BB, 0x53EA },
  { 0x96D9, 0x53CC },
  { 0x9801, 0x9875 },
  { 0x9805, 0x9879 },
  { 0x9812, 0x9881 },
  { 0x984C, 0x9898 },
  { 0x984D, 0x989D },
  { 0x985E, 0x7C7B },
  { 0x986F, 0x663E },
  { 0x98A8, 0x98CE },
  { 0x9928, 0x9986 },
  { 0x9A57, 0x9A8C },
  { 0x9AD4, 0x4F53 },
  { 0x9B06, 0x677E },
  { 0x9EDE, 0x70B9 },
};

static int
compare_traditional (const void *key,
                     const void *item)
{
  gunichar c = *(const gunichar *)key, t = ((const gunichar *)item)[0];

  return c < t ? -1 : c > t;
}

static void
append_folded (GString *out,
               gunichar c)
{
  const gunichar *simplified;

  if (c >= 0xFF01 && c <= 0xFF5E)
    g_string_append_c (out, (char)(c - 0xFEE0));
  else if (c == 0x3000 || c == 0x00A0)
    g_string_append_c (out, ' ');
  else if (c == 0x2116)
    g_string_append (out, "No");
  else if (c >= 0x4E00 && c <= 0x9FFF
           && (simplified = bsearch (&c, traditional, G_N_ELEMENTS (traditional), sizeof traditional[0],
                                     compare_traditional)))
    g_string_append_unichar (out, simplified[1]);
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
guess_platform (DeskNotice     *self,
                DeskNoticeText *text)
{
  guint              n = text->vocabulary->n_platforms;
  g_autofree double *scores = g_new0 (double, n);
  int                best, runner_up;

  _desk_notice_text_score (text, text->vocabulary->platform_cues, FALSE, scores);
  self->platform_confidence = _desk_notice_confidence (scores, n, &best, &runner_up);
  self->platform = best;
  self->runner_up_platform = runner_up;
}

/* Words count by where they stand: a line that states the violation
 * outweighs a menu path or a signature (desk-notice-text.c). */
static void
guess_case_type (DeskNotice     *self,
                 DeskNoticeText *text)
{
  double       scores[DESK_N_CASE_TYPES] = { 0 };
  DeskCaseType from_code = _desk_notice_case_type_for_code (self->violation_code);
  int          best, runner_up;

  _desk_notice_text_score (text, text->vocabulary->case_type_cues, TRUE, scores);
  if (from_code != DESK_CASE_TYPE_UNKNOWN)
    scores[from_code] += CODE_WEIGHT;
  /* A kind of case the platform does not have is unlikely, not impossible. */
  if (self->platform_confidence >= DESK_NOTICE_PLATFORM_THRESHOLD)
    {
      guint known = _desk_notice_vocabulary_get_case_types (text->vocabulary, self->platform);

      for (int t = DESK_CASE_TYPE_UNKNOWN + 1; known != 0 && t < DESK_N_CASE_TYPES; t++)
        if ((known & (1u << t)) == 0)
          scores[t] *= OTHER_PLATFORM_TYPE_FACTOR;
    }
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
take_reading (DeskNotice        *self,
              DeskNoticeReading *reading)
{
  g_free (self->issue_id);
  self->issue_id = g_steal_pointer (&reading->issue_id);
  g_free (self->case_id);
  self->case_id = g_steal_pointer (&reading->case_id);
  g_free (self->violation_code);
  self->violation_code = g_steal_pointer (&reading->violation_code);
  g_strfreev (self->product_ids);
  self->product_ids = g_steal_pointer (&reading->product_ids);
  g_ptr_array_unref (self->fields);
  self->fields = g_ptr_array_ref (reading->fields);
}

/* A text value ("退出原因：…，超过…") as pasted, when it is the rest of its line. */
static void
show_original_value (DeskNoticeField *field,
                     const char      *source)
{
  const char      *colon = strstr (source, "：");
  const char      *ascii = strchr (source, ':');
  g_autofree char *rest = NULL;
  g_autofree char *folded = NULL;
  gboolean         truncated;

  if (ascii && (!colon || ascii < colon))
    colon = ascii, ascii = colon + 1;
  else if (colon)
    ascii = colon + strlen ("：");
  if (colon == NULL)
    return;
  rest = g_strstrip (g_strdup (ascii));
  folded = prepare_window (rest, &truncated);
  if (g_str_has_prefix (folded, field->value) && g_utf8_strlen (folded, -1) - g_utf8_strlen (field->value, -1) <= 1)
    {
      /* Folding can change the length ("ß" → "ss"): never past @rest's end
       * (found by fuzz/fuzz-notice). */
      char *original = g_utf8_substring (rest, 0, MIN (g_utf8_strlen (field->value, -1), g_utf8_strlen (rest, -1)));

      g_free (field->value);
      field->value = original;
    }
}

/* Sources were cut from the folded window ("：" read as ":"); show the
 * seller the line as pasted.  Folding keeps line breaks, so line n of the
 * window is line n of the text. */
static void
show_original_lines (DeskNotice *self)
{
  g_autoptr (GPtrArray) starts = g_ptr_array_new ();
  const char *p = self->text;
  guint       wanted = 0;

  for (guint i = 0; i < self->fields->len; i++)
    wanted = MAX (wanted, ((DeskNoticeField *)g_ptr_array_index (self->fields, i))->line);
  for (guint i = 0; i < self->facts->len; i++)
    wanted = MAX (wanted, ((DeskNoticeFact *)g_ptr_array_index (self->facts, i))->line);
  while (p != NULL && starts->len < wanted)
    {
      const char *nl = strchr (p, '\n');

      g_ptr_array_add (starts, (gpointer)p);
      p = nl ? nl + 1 : NULL;
    }
  for (guint i = 0; i < self->fields->len + self->facts->len; i++)
    {
      gboolean    is_field = i < self->fields->len;
      gpointer    item = is_field ? g_ptr_array_index (self->fields, i) : g_ptr_array_index (self->facts, i - self->fields->len);
      guint       line = is_field ? ((DeskNoticeField *)item)->line : ((DeskNoticeFact *)item)->line;
      char      **source = is_field ? &((DeskNoticeField *)item)->source : &((DeskNoticeFact *)item)->source;
      const char *start, *end;

      if (line == 0 || line > starts->len)
        continue;
      start = g_ptr_array_index (starts, line - 1);
      end = strchr (start, '\n');
      g_free (*source);
      *source = g_strstrip (g_strndup (start, end ? end - start : (gssize)strlen (start)));
      if (is_field)
        show_original_value (item, *source);
    }
}

/* Fields first (a violation code tells the case type), then the guesses;
 * markers that depend on the case type ("reported listings" in a reseller
 * report are the other party's) are read again with the guess. */
static void
read_notice (DeskNotice           *self,
             const char           *window,
             DeskNoticeVocabulary *vocabulary)
{
  g_autoptr (DeskNoticeText) text = _desk_notice_text_new (window, vocabulary);
  g_autoptr (DeskNoticeReading) reading = _desk_notice_read_fields (text, DESK_CASE_TYPE_UNKNOWN);
  gboolean relative, zone_assumed;

  take_reading (self, reading);
  guess_platform (self, text);
  guess_case_type (self, text);
  if (self->case_type != DESK_CASE_TYPE_UNKNOWN
      && _desk_notice_vocabulary_has_conditional_party (text->vocabulary, self->case_type))
    {
      g_autoptr (DeskNoticeReading) again = _desk_notice_read_fields (text, self->case_type);

      take_reading (self, again);
    }
  g_ptr_array_unref (self->facts);
  self->facts = _desk_notice_read_facts (text);
  show_original_lines (self);
  self->deadline = _desk_notice_find_deadline (window, self->received_at, &relative, &zone_assumed);
  self->deadline_is_relative = relative;
  self->deadline_zone_assumed = zone_assumed;
  read_evidence (self, window);
}

static DeskNotice *
decode (DeskNoticeVocabulary *vocabulary,
        const char           *text,
        GDateTime            *received_at)
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

  read_notice (self, window, vocabulary);
  return g_steal_pointer (&self);
}

DeskNotice *
desk_notice_decode (const char *text,
                    GDateTime  *received_at)
{
  return decode (_desk_notice_vocabulary_get_default (), text, received_at);
}

DeskNotice *
desk_notice_decode_with_rules (DeskRuleRegistry *rules,
                               const char       *text,
                               GDateTime        *received_at)
{
  g_return_val_if_fail (rules == NULL || DESK_IS_RULE_REGISTRY (rules), NULL);
  return decode (_desk_notice_vocabulary_get (rules), text, received_at);
}

typedef struct
{
  DeskNoticeVocabulary *vocabulary; /* kept for the program's life */
  char                 *text;
  GDateTime            *received_at;
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
    g_task_return_pointer (task, decode (data->vocabulary, data->text, data->received_at), g_object_unref);
}

void
desk_notice_decode_async (DeskRuleRegistry   *rules,
                          const char         *text,
                          GDateTime          *received_at,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  DecodeData *data = g_new0 (DecodeData, 1);

  g_task_set_source_tag (task, desk_notice_decode_async);
  /* Read the packs here: the registry is the main thread's. */
  data->vocabulary = _desk_notice_vocabulary_get (rules);
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

GPtrArray *
desk_notice_get_fields (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return self->fields;
}

GPtrArray *
desk_notice_get_facts (DeskNotice *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  return self->facts;
}

GStrv
desk_notice_get_values (DeskNotice    *self,
                        DeskNoticeRole role)
{
  g_autoptr (GStrvBuilder) values = g_strv_builder_new ();

  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);
  for (guint i = 0; i < self->fields->len; i++)
    {
      DeskNoticeField *field = g_ptr_array_index (self->fields, i);

      if (field->role == role)
        g_strv_builder_add (values, field->value);
    }
  return g_strv_builder_end (values);
}
