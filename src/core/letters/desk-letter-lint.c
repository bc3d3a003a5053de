/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-letters"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "desk-json.h"
#include "desk-letter-data.h"
#include "desk-letter-lint.h"
#include "desk-util.h"

/* One phrase of a word list, compiled. */
typedef struct
{
  DeskLintKind kind;
  GRegex      *regex;
  char        *replacement;
  gboolean     blocking;
} Rule;

static const struct
{
  const char *id;
  const char *label;
  gboolean    blocking;
} kinds[] = {
  [DESK_LINT_ACCUSATION] = { "accusation", N_ ("Accusation"), TRUE },
  [DESK_LINT_ADMISSION] = { "admission", N_ ("Admission of fault"), FALSE },
  [DESK_LINT_PROMISE] = { "promise", N_ ("Promise you cannot prove"), TRUE },
  [DESK_LINT_THREAT] = { "threat", N_ ("Threat"), TRUE },
  [DESK_LINT_PLEADING] = { "pleading", N_ ("Emotional pleading"), FALSE },
  [DESK_LINT_WRONG_TERM] = { "wrong-term", N_ ("Another platform’s term"), TRUE },
  [DESK_LINT_CLAIM] = { "claim", N_ ("Medical or absolute claim"), TRUE },
  [DESK_LINT_LANGUAGE] = { "language", N_ ("Not in the letter’s language"), FALSE },
};

const char *
desk_lint_kind_to_id (DeskLintKind kind)
{
  return kind < G_N_ELEMENTS (kinds) ? kinds[kind].id : "accusation";
}

const char *
desk_lint_kind_get_label (DeskLintKind kind)
{
  return kind < G_N_ELEMENTS (kinds) ? _ (kinds[kind].label) : "";
}

static gboolean
kind_from_id (const char   *id,
              DeskLintKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].id, id) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static char *
why (DeskLintKind kind,
     const char  *platform,
     const char  *replacement)
{
  switch (kind)
    {
      case DESK_LINT_ACCUSATION:
        return g_strdup (_ ("Reads as an accusation. Reviewers decide on the policy, not on blame: name what happened in the platform’s neutral terms."));
      case DESK_LINT_ADMISSION:
        return g_strdup (_ ("Can read as admitting a violation. State the facts and what you changed instead."));
      case DESK_LINT_PROMISE:
        return g_strdup (_ ("A promise or guarantee you cannot prove; reviewers discount it. Describe the checks you actually do."));
      case DESK_LINT_THREAT:
        return g_strdup (_ ("Sounds like a threat. It does not help the review and can get the appeal closed."));
      case DESK_LINT_PLEADING:
        return g_strdup (_ ("Emotional pleading does not change a policy decision; keep to facts and evidence."));
      case DESK_LINT_WRONG_TERM:
        /* Translators: the first %s is a platform, the second its own term, e.g. “Issue ID” */
        return g_strdup_printf (_ ("This is another platform’s term; %s calls it “%s”."), platform, replacement);
      case DESK_LINT_CLAIM:
      default:
        return g_strdup (_ ("A medical or absolute claim. Platforms take down listings and reject appeals that contain them."));
    }
}

static void
rule_free (Rule *rule)
{
  g_regex_unref (rule->regex);
  g_free (rule->replacement);
  g_free (rule);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) && !g_unichar_iswide (c);
}

/* "steal*" → (?<!\w)steal\w*; spaces match any run of white space; CJK
 * phrases match anywhere. */
static GRegex *
compile_pattern (const char *pattern)
{
  g_autofree char *escaped = NULL;
  GString         *re = g_string_new (NULL);
  gboolean         star = g_str_has_suffix (pattern, "*");
  g_autofree char *body = g_strndup (pattern, strlen (pattern) - (star ? 1 : 0));
  g_auto (GStrv) words = g_strsplit (body, " ", -1);
  gunichar first = g_utf8_get_char (body);
  gunichar last = g_utf8_get_char (g_utf8_find_prev_char (body, body + strlen (body)) ? g_utf8_find_prev_char (body, body + strlen (body)) : body);

  if (is_word_char (first))
    g_string_append (re, "(?<!\\w)");
  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *word = g_regex_escape_string (words[i], -1);

      if (i > 0)
        g_string_append (re, "\\s+");
      g_string_append (re, word);
    }
  if (star)
    g_string_append (re, "\\w*");
  else if (is_word_char (last))
    g_string_append (re, "(?!\\w)");
  {
    g_autofree char *source = g_string_free (re, FALSE);
    return g_regex_new (source, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  }
}

static void
add_rules (GPtrArray  *rules,
           JsonArray  *list,
           const char *file)
{
  for (guint i = 0; list && i < json_array_get_length (list); i++)
    {
      JsonObject  *entry = json_array_get_object_element (list, i);
      JsonArray   *match = entry ? json_object_get_array_member (entry, "match") : NULL;
      DeskLintKind kind;

      if (entry == NULL || match == NULL || !kind_from_id (json_object_get_string_member_with_default (entry, "kind", ""), &kind))
        {
          g_warning ("%s: entry %u is not a valid wording rule", file, i);
          continue;
        }
      for (guint m = 0; m < json_array_get_length (match); m++)
        {
          Rule       *rule;
          const char *pattern = json_array_get_string_element (match, m);
          GRegex     *regex = pattern && *pattern ? compile_pattern (pattern) : NULL;

          if (regex == NULL)
            {
              g_warning ("%s: entry %u: bad phrase", file, i);
              continue;
            }
          rule = g_new0 (Rule, 1);
          rule->kind = kind;
          rule->regex = regex;
          rule->replacement = g_strdup (json_object_get_string_member_with_default (entry, "replacement", ""));
          rule->blocking = json_object_get_boolean_member_with_default (entry, "blocking", kinds[kind].blocking);
          g_ptr_array_add (rules, rule);
        }
    }
}

static JsonNode *
load_json (const char *name)
{
  g_autoptr (GBytes) bytes = desk_letter_data_lookup (name, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (bytes == NULL || !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    {
      g_warning ("Built-in letter data %s is missing or damaged", name);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

/* Word lists per language, compiled once. */
static GPtrArray *
language_rules (const char *language)
{
  static GHashTable *cache = NULL;
  static GMutex      lock;
  GPtrArray         *rules;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  rules = g_hash_table_lookup (cache, language);
  if (rules == NULL)
    {
      g_autofree char *name = g_strdup_printf ("wording/%s.json", language);
      g_autoptr (JsonNode) root = load_json (name);

      rules = g_ptr_array_new_with_free_func ((GDestroyNotify)rule_free);
      if (root && JSON_NODE_HOLDS_OBJECT (root))
        add_rules (rules, json_object_get_array_member (json_node_get_object (root), "rules"), name);
      g_hash_table_insert (cache, g_strdup (language), rules);
    }
  g_mutex_unlock (&lock);
  return rules;
}

/* Other platforms' terms to flag on @platform, compiled once. Keyed by
 * value: a user rule pack can add platforms (none of them in terms.json). */
static GPtrArray *
term_rules (DeskPlatform platform)
{
  static GHashTable *cache = NULL;
  static GMutex      lock;
  GPtrArray         *rules;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
  rules = g_hash_table_lookup (cache, GINT_TO_POINTER (platform));
  if (rules == NULL)
    {
      g_autoptr (JsonNode) root = load_json ("wording/terms.json");
      JsonObject *object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
      const char *id = desk_platform_to_id (platform);

      rules = g_ptr_array_new_with_free_func ((GDestroyNotify)rule_free);
      if (object && id && json_object_has_member (object, id))
        add_rules (rules, json_object_get_array_member (object, id), "wording/terms.json");
      g_hash_table_insert (cache, GINT_TO_POINTER (platform), rules);
    }
  g_mutex_unlock (&lock);
  return rules;
}

static void
finding_free (DeskLintFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->text);
  g_free (finding->why);
  g_free (finding->replacement);
  g_free (finding);
}

void
desk_lint_report_free (DeskLintReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->findings);
  g_free (report);
}

/* "Stole" → "Unauthorized use…": keep the sentence's capital letter. */
static char *
match_case (const char *found,
            const char *replacement)
{
  gunichar f = g_utf8_get_char (found);
  gunichar r = g_utf8_get_char (replacement);

  if (*replacement && g_unichar_isupper (f) && g_unichar_islower (r))
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_toupper (r), buf);
      return g_strconcat (buf, g_utf8_next_char (replacement), NULL);
    }
  return g_strdup (replacement);
}

static void
scan (GPtrArray  *findings,
      GPtrArray  *rules,
      const char *text,
      const char *platform_name)
{
  for (guint i = 0; i < rules->len; i++)
    {
      Rule *rule = rules->pdata[i];
      g_autoptr (GMatchInfo) info = NULL;

      g_regex_match (rule->regex, text, 0, &info);
      while (g_match_info_matches (info))
        {
          DeskLintFinding *finding = g_new0 (DeskLintFinding, 1);
          int              start, end;

          g_match_info_fetch_pos (info, 0, &start, &end);
          finding->text = g_strndup (text + start, end - start);
          finding->kind = rule->kind;
          finding->replacement = match_case (finding->text, rule->replacement);
          finding->why = why (rule->kind, platform_name, rule->replacement);
          finding->blocking = rule->blocking;
          finding->start = g_utf8_pointer_to_offset (text, text + start);
          finding->end = g_utf8_pointer_to_offset (text, text + end);
          g_ptr_array_add (findings, finding);
          g_match_info_next (info, NULL);
        }
    }
}

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA
         || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
}

/* Runs of Chinese text (with the full-width punctuation inside them) in an
 * English or Russian letter. */
static void
scan_language (GPtrArray  *findings,
               const char *text)
{
  const char *p = text;

  while (*p)
    {
      const char *start = p, *end;

      if (!is_cjk (g_utf8_get_char (p)) || g_unichar_ispunct (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      for (end = p; *end && (is_cjk (g_utf8_get_char (end)) || g_unichar_isdigit (g_utf8_get_char (end))); end = g_utf8_next_char (end))
        ;
      {
        DeskLintFinding *finding = g_new0 (DeskLintFinding, 1);

        finding->text = g_strndup (start, end - start);
        finding->kind = DESK_LINT_LANGUAGE;
        finding->replacement = g_strdup ("");
        finding->why = why (DESK_LINT_LANGUAGE, NULL, NULL);
        finding->blocking = kinds[DESK_LINT_LANGUAGE].blocking;
        finding->start = g_utf8_pointer_to_offset (text, start);
        finding->end = g_utf8_pointer_to_offset (text, end);
        g_ptr_array_add (findings, finding);
      }
      p = end;
    }
}

static int
by_position (gconstpointer a,
             gconstpointer b)
{
  const DeskLintFinding *x = *(DeskLintFinding **)a;
  const DeskLintFinding *y = *(DeskLintFinding **)b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (int)(y->end - y->start) - (int)(x->end - x->start); /* longer first */
}

static guint
shared_limit (DeskRulePack *pack)
{
  guint               n = 0, limit = 0;
  const DeskCaseType *types = desk_rule_pack_get_case_types (pack, &n);

  for (guint i = 0; i < n; i++)
    {
      guint l = desk_rule_pack_get_char_limit (pack, types[i]);

      if (i > 0 && l != limit)
        return 0;
      limit = l;
    }
  return limit;
}

DeskLintReport *
desk_letter_lint (const char   *text,
                  DeskRulePack *pack,
                  DeskCaseType  case_type,
                  const char   *language)
{
  DeskLintReport *report = g_new0 (DeskLintReport, 1);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)finding_free);
  const char *platform = pack ? desk_platform_get_label (desk_rule_pack_get_platform (pack)) : "";
  guint       covered = 0;

  text = text ? text : "";
  report->findings = g_ptr_array_new_with_free_func ((GDestroyNotify)finding_free);
  report->chars = g_utf8_strlen (text, -1);
  if (pack)
    report->limit = case_type != DESK_CASE_TYPE_UNKNOWN ? desk_rule_pack_get_char_limit (pack, case_type) : shared_limit (pack);
  if (!g_utf8_validate (text, -1, NULL))
    return report;
  scan (all, language_rules (desk_letter_language_normalize (language)), text, platform);
  if (pack)
    scan (all, term_rules (desk_rule_pack_get_platform (pack)), text, platform);
  if (!g_str_equal (desk_letter_language_normalize (language), "zh"))
    scan_language (all, text);
  g_ptr_array_sort (all, by_position);
  /* Overlapping phrases ("stolen" inside "stolen images"): keep the first, longest. */
  for (guint i = 0; i < all->len; i++)
    {
      DeskLintFinding *finding = all->pdata[i];

      if (finding->start < covered)
        continue;
      covered = finding->end;
      g_ptr_array_add (report->findings, g_ptr_array_steal_index (all, i));
      g_ptr_array_insert (all, i, NULL);
    }
  return report;
}

gboolean
desk_lint_report_is_blocking (const DeskLintReport *report)
{
  if (desk_lint_report_get_length (report) == DESK_LINT_LENGTH_OVER)
    return TRUE;
  for (guint i = 0; i < report->findings->len; i++)
    if (((DeskLintFinding *)report->findings->pdata[i])->blocking)
      return TRUE;
  return FALSE;
}

DeskLintLength
desk_lint_report_get_length (const DeskLintReport *report)
{
  if (report->limit == 0)
    return DESK_LINT_LENGTH_OK;
  if (report->chars > report->limit)
    return DESK_LINT_LENGTH_OVER;
  if (report->chars * 10 >= report->limit * 9)
    return DESK_LINT_LENGTH_NEAR;
  return DESK_LINT_LENGTH_OK;
}

char *
desk_letter_lint_apply (const char            *text,
                        const DeskLintFinding *finding)
{
  const char *start, *end;
  glong       len = g_utf8_strlen (text, -1);

  g_return_val_if_fail (text != NULL && finding != NULL, NULL);
  g_return_val_if_fail (finding->start <= finding->end && finding->end <= len, g_strdup (text));
  start = g_utf8_offset_to_pointer (text, finding->start);
  end = g_utf8_offset_to_pointer (text, finding->end);
  /* Deleting a word: also drop one space so no double space is left. */
  if (!*finding->replacement && *end == ' ' && (start == text || start[-1] == ' '))
    end++;
  {
    g_autofree char *head = g_strndup (text, start - text);
    return g_strconcat (head, finding->replacement, end, NULL);
  }
}

char *
desk_lint_report_to_json (const DeskLintReport *report)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "chars");
  json_builder_add_int_value (builder, report->chars);
  json_builder_set_member_name (builder, "limit");
  if (report->limit)
    json_builder_add_int_value (builder, report->limit);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->findings->len; i++)
    {
      DeskLintFinding *finding = report->findings->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, finding->text);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, desk_lint_kind_to_id (finding->kind));
      json_builder_set_member_name (builder, "why");
      json_builder_add_string_value (builder, finding->why);
      json_builder_set_member_name (builder, "replacement");
      json_builder_add_string_value (builder, finding->replacement);
      json_builder_set_member_name (builder, "blocking");
      json_builder_add_boolean_value (builder, finding->blocking);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, finding->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, finding->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}
