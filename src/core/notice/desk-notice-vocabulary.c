/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-notice-vocabulary.h"
#include "desk-platform.h"
#include "desk-rule-pack-check-private.h"
#include "desk-rule-pack.h"
#include "desk-rule-registry.h"
#include "desk-util.h"

#define member _desk_rule_check_member

/* Platform names weigh 4 and seller-centre domains 5 (a lone name gives a
 * confidence of about 0.6, DESK_NOTICE_PLATFORM_THRESHOLD). */
#define NAME_WEIGHT   4.0
#define DOMAIN_WEIGHT 5.0

/* Word boundaries for Latin and Cyrillic words ("товар" is not inside
 * "товарный"); they do nothing next to CJK, which has no spaces. */
#define WORD_CHAR      "[a-z0-9а-яё]"
#define BOUNDARY_START "(?:(?<!" WORD_CHAR ")|(?!" WORD_CHAR "))"
#define BOUNDARY_END   "(?:(?!" WORD_CHAR ")|(?<!" WORD_CHAR "))"

static const char *const languages[] = { "en", "zh", "ru", NULL };

GRegex *
_desk_notice_cue_compile (const char *cue,
                          GError    **error)
{
  g_autofree char *pattern = g_strdup_printf (BOUNDARY_START "(?:%s)" BOUNDARY_END, cue);

  return g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE | G_REGEX_MULTILINE, 0, error);
}

/* A cue string: non-empty and a valid pattern. */
static gboolean
check_cue_string (DeskRuleCheck *ctx,
                  JsonNode      *node,
                  gpointer       out)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GRegex) regex = NULL;
  const char *cue = NULL;

  if (!_desk_rule_check_string (ctx, node, &cue))
    return FALSE;
  if (!(regex = _desk_notice_cue_compile (cue, &local_error)))
    {
      /* Translators: %s is the pattern library's message */
      g_autofree char *found = g_strdup_printf (_ ("“%s” (%s)"), cue, local_error->message);

      return _desk_rule_fail_found (ctx, _ ("a valid search pattern"), found);
    }
  if (out != NULL)
    *(GRegex **)out = g_steal_pointer (&regex);
  return TRUE;
}

typedef gboolean (*ItemFunc) (DeskRuleCheck *ctx, JsonNode *node, gpointer out);

static gboolean
check_array_of (DeskRuleCheck *ctx,
                JsonNode      *node,
                ItemFunc       item,
                gpointer       out)
{
  JsonArray *array;

  if (!_desk_rule_check_array (ctx, node, TRUE, &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize    mark = _desk_rule_push_index (ctx, i);
      gboolean ok = item (ctx, json_array_get_element (array, i), out);

      _desk_rule_pop (ctx, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Appends to a GArray of DeskNoticeCue; the target is set by the caller. */
typedef struct
{
  GArray *cues;
  int     target;
  double  weight; /* for plain strings */
} CueSink;

static gboolean
add_string_cue (DeskRuleCheck *ctx,
                JsonNode      *node,
                gpointer       out)
{
  CueSink      *sink = out;
  DeskNoticeCue cue = { NULL, sink ? sink->weight : 0, sink ? sink->target : 0 };

  if (!check_cue_string (ctx, node, sink ? &cue.regex : NULL))
    return FALSE;
  if (sink)
    g_array_append_val (sink->cues, cue);
  return TRUE;
}

static gboolean
add_weighted_cue (DeskRuleCheck *ctx,
                  JsonNode      *node,
                  gpointer       out)
{
  static const char *const keys[] = { "cue", "weight", NULL };
  CueSink                 *sink = out;
  DeskNoticeCue            cue = { NULL, 0, sink ? sink->target : 0 };
  JsonObject              *obj;

  if (!_desk_rule_check_object (ctx, node, keys, &obj)
      || !member (ctx, obj, "weight", TRUE, _desk_rule_check_positive_number, &cue.weight)
      || !member (ctx, obj, "cue", TRUE, check_cue_string, sink ? &cue.regex : NULL))
    return FALSE;
  if (sink)
    g_array_append_val (sink->cues, cue);
  return TRUE;
}

static gboolean
check_weighted_array (DeskRuleCheck *ctx,
                      JsonNode      *node,
                      gpointer       out)
{
  return check_array_of (ctx, node, add_weighted_cue, out);
}

/* $.notice.case_types of a pack, or $.case_types.<id> of the vocabulary (by language). */
typedef struct
{
  GArray  *cues;
  gboolean by_language;
} CaseTypeSink;

static gboolean
check_case_type_cues (DeskRuleCheck *ctx,
                      JsonNode      *node,
                      gpointer       out)
{
  CaseTypeSink *sink = out;
  JsonObject   *obj;
  g_autoptr (GList) ids = NULL;

  if (!_desk_rule_check_object (ctx, node, NULL, &obj))
    return FALSE;
  ids = json_object_get_members (obj);
  for (const GList *l = ids; l != NULL; l = l->next)
    {
      DeskCaseType type = desk_case_type_from_id (l->data);
      CueSink      cues = { sink ? sink->cues : NULL, type, 0 };
      gsize        mark = _desk_rule_push_key (ctx, l->data);
      gboolean     ok;

      if (type == DESK_CASE_TYPE_UNKNOWN)
        {
          _desk_rule_pop (ctx, mark);
          _desk_rule_push_key (ctx, l->data);
          ok = _desk_rule_fail_found (ctx, _ ("a case type id"), l->data);
          return ok;
        }
      if (sink && sink->by_language)
        {
          JsonObject *langs;

          ok = _desk_rule_check_object (ctx, json_object_get_member (obj, l->data), languages, &langs);
          for (guint i = 0; ok && languages[i]; i++)
            ok = member (ctx, langs, languages[i], FALSE, check_weighted_array, sink ? &cues : NULL);
        }
      else
        ok = check_weighted_array (ctx, json_object_get_member (obj, l->data), sink ? &cues : NULL);
      _desk_rule_pop (ctx, mark);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_string_cues (DeskRuleCheck *ctx,
                   JsonNode      *node,
                   gpointer       out)
{
  return check_array_of (ctx, node, add_string_cue, out);
}

/* The $.notice member of a platform pack (schema version 2).  With the
 * arrays NULL it only validates. */
static gboolean
check_pack_notice (DeskRuleCheck *ctx,
                   JsonNode      *node,
                   GArray        *platform_cues,
                   GArray        *case_type_cues,
                   int            platform)
{
  static const char *const keys[] = { "names", "domains", "terms", "case_types", NULL };
  CueSink                  names = { platform_cues, platform, NAME_WEIGHT };
  CueSink                  domains = { platform_cues, platform, DOMAIN_WEIGHT };
  CueSink                  terms = { platform_cues, platform, 0 };
  CaseTypeSink             types = { case_type_cues, FALSE };
  gboolean                 sinks = platform_cues != NULL;
  JsonObject              *obj;

  return _desk_rule_check_object (ctx, node, keys, &obj)
         && member (ctx, obj, "names", TRUE, check_string_cues, sinks ? &names : NULL)
         && member (ctx, obj, "domains", FALSE, check_string_cues, sinks ? &domains : NULL)
         && member (ctx, obj, "terms", FALSE, check_weighted_array, sinks ? &terms : NULL)
         && member (ctx, obj, "case_types", FALSE, check_case_type_cues, sinks ? &types : NULL);
}

/* Called by the pack parser for $.notice (desk-rule-pack-parse.c): @out is a
 * JsonNode ** that receives a copy of the valid member. */
gboolean
_desk_rule_check_notice (DeskRuleCheck *ctx,
                         JsonNode      *node,
                         gpointer       out)
{
  if (!check_pack_notice (ctx, node, NULL, NULL, 0))
    return FALSE;
  *(JsonNode **)out = json_node_copy (node);
  return TRUE;
}

/* The vocabulary file */

static gboolean
add_label (DeskRuleCheck *ctx,
           JsonNode      *node,
           gpointer       out)
{
  static const char *const keys[] = { "label", "role", NULL };
  DeskNoticeLabelCue       label = { NULL, DESK_NOTICE_ROLE_OTHER };
  const char              *role = NULL;
  JsonObject              *obj;

  if (!_desk_rule_check_object (ctx, node, keys, &obj)
      || !member (ctx, obj, "label", TRUE, check_cue_string, &label.regex)
      || !member (ctx, obj, "role", TRUE, _desk_rule_check_id, &role))
    {
      g_clear_pointer (&label.regex, g_regex_unref);
      return FALSE;
    }
  label.role = desk_notice_role_from_id (role);
  if (label.role == DESK_NOTICE_ROLE_OTHER)
    {
      gsize mark = _desk_rule_push_key (ctx, "role");

      g_regex_unref (label.regex);
      _desk_rule_fail_found (ctx, _ ("a field role (issue-id, case-id, product, …)"), role);
      _desk_rule_pop (ctx, mark);
      return FALSE;
    }
  g_array_append_val ((GArray *)out, label);
  return TRUE;
}

static gboolean
check_labels (DeskRuleCheck *ctx,
              JsonNode      *node,
              gpointer       out)
{
  return check_array_of (ctx, node, add_label, out);
}

static gboolean
add_party (DeskRuleCheck *ctx,
           JsonNode      *node,
           gpointer       out)
{
  static const char *const keys[] = { "cue", "when", NULL };
  DeskNoticePartyCue       party = { NULL, 0 };
  JsonObject              *obj;
  JsonArray               *when = NULL;

  if (!_desk_rule_check_object (ctx, node, keys, &obj)
      || !member (ctx, obj, "cue", TRUE, check_cue_string, &party.regex))
    return FALSE;
  if (json_object_has_member (obj, "when"))
    {
      gsize mark = _desk_rule_push_key (ctx, "when");

      if (!_desk_rule_check_array (ctx, json_object_get_member (obj, "when"), TRUE, &when))
        {
          g_regex_unref (party.regex);
          return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (when); i++)
        {
          const char  *id = json_array_get_string_element (when, i);
          DeskCaseType type = desk_case_type_from_id (id);

          if (type == DESK_CASE_TYPE_UNKNOWN)
            {
              _desk_rule_push_index (ctx, i);
              g_regex_unref (party.regex);
              return _desk_rule_fail (ctx, _ ("a case type id"), json_array_get_element (when, i));
            }
          party.when |= 1u << type;
        }
      _desk_rule_pop (ctx, mark);
    }
  g_array_append_val ((GArray *)out, party);
  return TRUE;
}

static gboolean
check_parties (DeskRuleCheck *ctx,
               JsonNode      *node,
               gpointer       out)
{
  return check_array_of (ctx, node, add_party, out);
}

/* A list of phrases per language, joined into one alternation. */
static gboolean
add_phrase (DeskRuleCheck *ctx,
            JsonNode      *node,
            gpointer       out)
{
  const char *phrase = NULL;

  if (!check_cue_string (ctx, node, NULL) || !_desk_rule_check_string (ctx, node, &phrase))
    return FALSE;
  g_ptr_array_add ((GPtrArray *)out, g_strdup (phrase));
  return TRUE;
}

static gboolean
check_phrases (DeskRuleCheck *ctx,
               JsonNode      *node,
               gpointer       out)
{
  return check_array_of (ctx, node, add_phrase, out);
}

/* Compiles {"en": [...], "zh": [...], "ru": [...]} into one regex, wrapped
 * in @prefix and @suffix. */
static gboolean
check_phrase_set (DeskRuleCheck *ctx,
                  JsonNode      *node,
                  const char    *prefix,
                  const char    *suffix,
                  GRegex       **out)
{
  g_autoptr (GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *pattern = NULL;
  JsonObject      *obj;

  if (!_desk_rule_check_object (ctx, node, languages, &obj))
    return FALSE;
  for (guint i = 0; languages[i]; i++)
    if (!member (ctx, obj, languages[i], FALSE, check_phrases, phrases))
      return FALSE;
  if (phrases->len == 0)
    return _desk_rule_fail (ctx, _ ("at least one phrase"), node);
  g_ptr_array_add (phrases, NULL);
  joined = g_strjoinv (")|(?:", (char **)phrases->pdata);
  pattern = g_strdup_printf ("%s(?:(?:%s))%s", prefix, joined, suffix);
  *out = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE | G_REGEX_MULTILINE, 0, NULL);
  if (*out == NULL)
    return _desk_rule_fail (ctx, _ ("phrases that can be combined"), node);
  return TRUE;
}

typedef struct
{
  const char *prefix;
  const char *suffix;
  GRegex    **out;
} PhraseSet;

static gboolean
check_phrase_member (DeskRuleCheck *ctx,
                     JsonNode      *node,
                     gpointer       out)
{
  PhraseSet *set = out;

  return check_phrase_set (ctx, node, set->prefix, set->suffix, set->out);
}

static gboolean
check_figures (DeskRuleCheck *ctx,
               JsonNode      *node,
               gpointer       out)
{
  static const char *const keys[] = { "threshold", "stated", "measured", NULL };
  DeskNoticeVocabulary    *self = out;
  PhraseSet                threshold = { BOUNDARY_START, BOUNDARY_END, &self->threshold };
  PhraseSet                stated = { BOUNDARY_START, BOUNDARY_END, &self->stated };
  PhraseSet                measured = { BOUNDARY_START, BOUNDARY_END, &self->measured };
  JsonObject              *obj;

  return _desk_rule_check_object (ctx, node, keys, &obj)
         && member (ctx, obj, "threshold", TRUE, check_phrase_member, &threshold)
         && member (ctx, obj, "stated", TRUE, check_phrase_member, &stated)
         && member (ctx, obj, "measured", TRUE, check_phrase_member, &measured);
}

static gboolean
check_by_language (DeskRuleCheck *ctx,
                   JsonNode      *node,
                   ItemFunc       check,
                   gpointer       out)
{
  JsonObject *obj;

  if (!_desk_rule_check_object (ctx, node, languages, &obj))
    return FALSE;
  for (guint i = 0; languages[i]; i++)
    if (!member (ctx, obj, languages[i], FALSE, check, out))
      return FALSE;
  return TRUE;
}

static gboolean
check_label_languages (DeskRuleCheck *ctx,
                       JsonNode      *node,
                       gpointer       out)
{
  return check_by_language (ctx, node, check_labels, out);
}

static gboolean
check_own_cues (DeskRuleCheck *ctx,
                JsonNode      *node,
                gpointer       out)
{
  PhraseSet set = { BOUNDARY_START, BOUNDARY_END, out };

  return check_phrase_member (ctx, node, &set);
}

static gboolean
check_party_languages (DeskRuleCheck *ctx,
                       JsonNode      *node,
                       gpointer       out)
{
  return check_by_language (ctx, node, check_parties, out);
}

static gboolean
check_vocabulary (DeskRuleCheck        *ctx,
                  JsonNode             *root,
                  DeskNoticeVocabulary *self)
{
  static const char *const keys[] = {
    "schema_version", "vocabulary_version", "effective_date", "case_types", "labels",
    "counterparty", "own", "statement_labels", "menu_paths", "closings", "figures", NULL
  };
  CaseTypeSink types = { self->case_type_cues, TRUE };
  /* A statement label is the whole label of a "label: value" line. */
  PhraseSet   statement = { "^", "$", &self->statement_label };
  PhraseSet   menu = { BOUNDARY_START, BOUNDARY_END, &self->menu_path };
  PhraseSet   closing = { "^\\s*", "\\s*$", &self->closing };
  JsonObject *obj;
  guint       version = 0;
  const char *text = NULL;

  return _desk_rule_check_object (ctx, root, keys, &obj)
         && member (ctx, obj, "schema_version", TRUE, _desk_rule_check_positive_int, &version)
         && member (ctx, obj, "vocabulary_version", TRUE, _desk_rule_check_version, &text)
         && member (ctx, obj, "effective_date", TRUE, _desk_rule_check_date, &text)
         && member (ctx, obj, "case_types", TRUE, check_case_type_cues, &types)
         && member (ctx, obj, "labels", TRUE, check_label_languages, self->labels)
         && member (ctx, obj, "counterparty", TRUE, check_party_languages, self->counterparty)
         && member (ctx, obj, "own", TRUE, check_own_cues, &self->own)
         && member (ctx, obj, "statement_labels", TRUE, check_phrase_member, &statement)
         && member (ctx, obj, "menu_paths", TRUE, check_phrase_member, &menu)
         && member (ctx, obj, "closings", TRUE, check_phrase_member, &closing)
         && member (ctx, obj, "figures", TRUE, check_figures, self);
}

static void
clear_cue (gpointer data)
{
  g_clear_pointer (&((DeskNoticeCue *)data)->regex, g_regex_unref);
}

static void
clear_label (gpointer data)
{
  g_clear_pointer (&((DeskNoticeLabelCue *)data)->regex, g_regex_unref);
}

static void
clear_party (gpointer data)
{
  g_clear_pointer (&((DeskNoticePartyCue *)data)->regex, g_regex_unref);
}

static DeskNoticeVocabulary *
vocabulary_alloc (void)
{
  DeskNoticeVocabulary *self = g_new0 (DeskNoticeVocabulary, 1);

  self->platform_cues = g_array_new (FALSE, TRUE, sizeof (DeskNoticeCue));
  g_array_set_clear_func (self->platform_cues, clear_cue);
  self->case_type_cues = g_array_new (FALSE, TRUE, sizeof (DeskNoticeCue));
  g_array_set_clear_func (self->case_type_cues, clear_cue);
  self->labels = g_array_new (FALSE, TRUE, sizeof (DeskNoticeLabelCue));
  g_array_set_clear_func (self->labels, clear_label);
  self->counterparty = g_array_new (FALSE, TRUE, sizeof (DeskNoticePartyCue));
  g_array_set_clear_func (self->counterparty, clear_party);
  self->platform_case_types = g_array_new (FALSE, TRUE, sizeof (guint));
  self->n_platforms = desk_platform_get_count ();
  return self;
}

void
_desk_notice_vocabulary_free (DeskNoticeVocabulary *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->platform_cues);
  g_array_unref (self->case_type_cues);
  g_array_unref (self->labels);
  g_array_unref (self->counterparty);
  g_array_unref (self->platform_case_types);
  g_clear_pointer (&self->statement_label, g_regex_unref);
  g_clear_pointer (&self->own, g_regex_unref);
  g_clear_pointer (&self->menu_path, g_regex_unref);
  g_clear_pointer (&self->closing, g_regex_unref);
  g_clear_pointer (&self->threshold, g_regex_unref);
  g_clear_pointer (&self->stated, g_regex_unref);
  g_clear_pointer (&self->measured, g_regex_unref);
  g_free (self);
}

DeskNoticeVocabulary *
_desk_notice_vocabulary_new (JsonNode   *vocabulary,
                             const char *file_name,
                             GPtrArray  *pack_notices,
                             GError    **error)
{
  g_autoptr (DeskNoticeVocabulary) self = vocabulary_alloc ();
  g_autoptr (GString) path = g_string_new ("$");
  DeskRuleCheck ctx = { file_name, path, error, NULL };

  if (!check_vocabulary (&ctx, vocabulary, self))
    return NULL;
  for (guint p = DESK_PLATFORM_UNKNOWN + 1; pack_notices != NULL && p < pack_notices->len; p++)
    {
      g_autofree char *name = g_strdup_printf ("%s.json", desk_platform_to_id (p));
      DeskRuleCheck    pack_ctx = { name, path, error, NULL };

      if (pack_notices->pdata[p] == NULL)
        continue;
      g_string_assign (path, "$.notice");
      if (!check_pack_notice (&pack_ctx, pack_notices->pdata[p], self->platform_cues, self->case_type_cues, p))
        return NULL;
    }
  if (pack_notices != NULL)
    self->n_platforms = MAX (self->n_platforms, pack_notices->len);
  return g_steal_pointer (&self);
}

guint
_desk_notice_vocabulary_get_case_types (DeskNoticeVocabulary *self,
                                        DeskPlatform          platform)
{
  if (platform <= DESK_PLATFORM_UNKNOWN || (guint)platform >= self->platform_case_types->len)
    return 0;
  return g_array_index (self->platform_case_types, guint, platform);
}

static JsonNode *
load_builtin_vocabulary (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  gsize       size;
  const char *data;

  desk_rule_pack_ensure_resources ();
  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/rules/notice-vocabulary.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("Built-in notice vocabulary missing: %s", error->message);
  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, size, &error))
    g_error ("Built-in notice vocabulary damaged: %s", error->message);
  return json_parser_steal_root (parser);
}

/* $.notice of every platform's pack in @registry (NULL for a platform with
 * none), indexed by DeskPlatform; built-in packs only with @registry NULL. */
static GPtrArray *
collect_notices (DeskRuleRegistry *registry,
                 GPtrArray        *keep)
{
  GPtrArray *notices = g_ptr_array_new ();
  guint      n = desk_platform_get_count ();

  g_ptr_array_set_size (notices, n);
  for (guint p = DESK_PLATFORM_UNKNOWN + 1; p < n; p++)
    {
      DeskRulePack *pack = NULL;

      if (registry != NULL)
        pack = desk_rule_registry_get_pack (registry, p);
      else if (desk_platform_is_builtin (p) && (pack = desk_rule_pack_load_builtin (p, NULL)) != NULL)
        g_ptr_array_add (keep, pack);
      if (pack == NULL && desk_platform_is_builtin (p))
        g_error ("Built-in rule pack for %s damaged", desk_platform_to_id (p));
      notices->pdata[p] = pack ? _desk_rule_pack_get_notice (pack) : NULL;
    }
  return notices;
}

/* The packs in force in @registry: a user pack with a higher version brings
 * its own cues ($.notice) with it, and a user pack for a new platform makes
 * that platform recognisable. */
static DeskNoticeVocabulary *
load_for (DeskRuleRegistry *registry)
{
  g_autoptr (JsonNode) vocabulary = load_builtin_vocabulary ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notices = collect_notices (registry, NULL);
  DeskNoticeVocabulary *self;

  self = _desk_notice_vocabulary_new (vocabulary, "notice-vocabulary.json", notices, &error);
  /* Cues are checked when a pack loads, so this is not expected; if it
   * happens, the built-in packs' cues are used. */
  if (self == NULL)
    {
      g_autoptr (GPtrArray) builtin = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (GPtrArray) builtin_notices = NULL;

      g_warning ("Notice cues: %s; using the built-in packs' cues", error->message);
      g_clear_error (&error);
      builtin_notices = collect_notices (NULL, builtin);
      self = _desk_notice_vocabulary_new (vocabulary, "notice-vocabulary.json", builtin_notices, &error);
    }
  if (self == NULL)
    g_error ("Built-in notice cues damaged: %s", error->message);
  g_array_set_size (self->platform_case_types, self->n_platforms);
  for (guint p = DESK_PLATFORM_UNKNOWN + 1; p < self->n_platforms; p++)
    {
      DeskRulePack       *pack = desk_rule_registry_get_pack (registry, p);
      guint               n = 0;
      const DeskCaseType *types = pack ? desk_rule_pack_get_case_types (pack, &n) : NULL;

      for (guint i = 0; i < n; i++)
        g_array_index (self->platform_case_types, guint, p) |= 1u << types[i];
    }
  return self;
}

DeskNoticeVocabulary *
_desk_notice_vocabulary_get_default (void)
{
  static DeskNoticeVocabulary *vocabulary;

  if (g_once_init_enter (&vocabulary))
    {
      g_autoptr (DeskRuleRegistry) builtin = desk_rule_registry_new (NULL);

      g_once_init_leave (&vocabulary, load_for (builtin));
    }
  return vocabulary;
}

/* What the cues are built from: each pack's $.notice and case types. */
static char *
cues_key (DeskRuleRegistry *registry)
{
  GString *key = g_string_new (NULL);

  for (guint p = DESK_PLATFORM_UNKNOWN + 1; p < desk_platform_get_count (); p++)
    {
      DeskRulePack       *pack = desk_rule_registry_get_pack (registry, p);
      JsonNode           *notice = pack ? _desk_rule_pack_get_notice (pack) : NULL;
      g_autofree char    *text = notice ? json_to_string (notice, FALSE) : NULL;
      guint               n = 0;
      const DeskCaseType *types = pack ? desk_rule_pack_get_case_types (pack, &n) : NULL;

      g_string_append_printf (key, "%d:%s:", p, text ? text : "");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (key, "%d,", types[i]);
      g_string_append_c (key, '\n');
    }
  return g_string_free (key, FALSE);
}

/* Built once per set of cues and kept, like the default: a session's packs
 * change only when the seller reloads them, so there are a handful at most.
 * Sessions with the same packs share one. */
DeskNoticeVocabulary *
_desk_notice_vocabulary_get (DeskRuleRegistry *registry)
{
  static GMutex         lock;
  static GHashTable    *built; /* cues_key → DeskNoticeVocabulary, never freed */
  g_autofree char      *key = NULL;
  DeskNoticeVocabulary *vocabulary;

  if (registry == NULL)
    return _desk_notice_vocabulary_get_default ();
  key = cues_key (registry);
  g_mutex_lock (&lock);
  if (built == NULL)
    built = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!(vocabulary = g_hash_table_lookup (built, key)))
    {
      vocabulary = load_for (registry);
      g_hash_table_insert (built, g_steal_pointer (&key), vocabulary);
    }
  g_mutex_unlock (&lock);
  return vocabulary;
}
