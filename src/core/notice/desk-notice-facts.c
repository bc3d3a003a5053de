/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <math.h>
#include <string.h>

#include "desk-notice-facts.h"

/* Figures the notice states, kept with what they are compared with:
 * "发货超时率为24.6%（阈值20%）", "rated 65 W, measured 48 W". The words
 * that say what a figure is (threshold, stated, measured) come from the
 * vocabulary; a figure without one is the seller's own (actual). */

#define MAX_FACTS   50
#define MAX_FIGURES 12
#define SUBJECT_MAX 40

typedef struct
{
  double               value;
  char                 unit[16]; /* lower case, for comparison */
  char                 written[16];
  DeskNoticeFigureKind kind;
  gsize                start, end;
} Figure;

static GRegex *
figure_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(?<![\\d.,])(\\d{1,7}(?:[.,]\\d{1,3})?)\\s?"
                                            "(%|mah|kwh|wh|kw|w|v|mm|cm|kg|g|db|hz|lm|вт|мач|мм|кг|в)"
                                            "(?![a-zа-яё])",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

static double
parse_number (const char *text)
{
  g_autofree char *dot = g_strdup (text);

  g_strdelimit (dot, ",", '.');
  return g_ascii_strtod (dot, NULL);
}

/* The cue that ends closest to @to in [from, to), or at the start of [from, to). */
static DeskNoticeFigureKind
kind_in (DeskNoticeVocabulary *v,
         const char           *text,
         gboolean              at_start)
{
  GRegex              *regexes[] = { v->threshold, v->stated, v->measured };
  DeskNoticeFigureKind kinds[] = { DESK_NOTICE_FIGURE_THRESHOLD, DESK_NOTICE_FIGURE_STATED,
                                   DESK_NOTICE_FIGURE_MEASURED };
  DeskNoticeFigureKind best = DESK_NOTICE_FIGURE_NONE;
  int                  best_pos = -1;
  gsize                skip = strspn (text, " \t");

  for (guint i = 0; i < G_N_ELEMENTS (regexes); i++)
    {
      g_autoptr (GMatchInfo) match = NULL;

      g_regex_match (regexes[i], text + skip, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          int s, e;

          g_match_info_fetch_pos (match, 0, &s, &e);
          /* "8.2% below 5%": a word right before a number is that number's. */
          if (at_start && s == 0)
            {
              const char *rest = text + skip + e;

              rest += strspn (rest, " \t");
              if (g_ascii_isdigit (*rest))
                continue;
            }
          if (at_start ? s == 0 : e > best_pos)
            {
              best = kinds[i];
              best_pos = e;
              if (at_start)
                return best;
            }
        }
    }
  return best;
}

static char *
slice (const char *w,
       gsize       from,
       gsize       to)
{
  char *text = g_strndup (w + from, to > from ? to - from : 0);
  char *bad;

  if (!g_utf8_validate (text, -1, (const char **)&bad))
    *bad = '\0';
  return text;
}

/* Words right after a figure, up to a bracket or a comma. */
static char *
after (const char *w,
       gsize       from,
       gsize       to)
{
  char *text = slice (w, from, MIN (to, from + 24));
  gsize cut = strcspn (text, "(),;");

  text[cut] = '\0';
  return text;
}

static DeskNoticeFigureKind
classify (DeskNoticeVocabulary *v,
          const char           *w,
          gsize                 line_start,
          const Figure         *prev,
          Figure               *figure,
          gsize                 next_start)
{
  g_autofree char     *following = after (w, figure->end, next_start + 1); /* a byte of the next figure: is a word its prefix? */
  g_autofree char     *preceding = NULL;
  DeskNoticeFigureKind kind;
  gsize                from = prev ? prev->end : line_start;

  if ((kind = kind_in (v, following, TRUE)) != DESK_NOTICE_FIGURE_NONE)
    return kind;
  if (figure->start - from > 48)
    from = figure->start - 48;
  while (from < figure->start && (w[from] & 0xC0) == 0x80)
    from++;
  /* Only words of the figure's own clause: "(Cancellation Rate 4.8%" is not
   * under the "below the standard" said before the bracket. */
  for (gsize p = figure->start; p > from; p--)
    if (strchr ("(,;", w[p - 1]) || (p >= 3 && (guchar)w[p - 3] == 0xE3 && (guchar)w[p - 2] == 0x80 && (guchar)w[p - 1] == 0x82))
      {
        from = p;
        break;
      }
  preceding = slice (w, from, figure->start);
  kind = kind_in (v, preceding, FALSE);
  return kind == DESK_NOTICE_FIGURE_NONE ? DESK_NOTICE_FIGURE_ACTUAL : kind;
}

/* @text without @regex's matches; @text itself when the regex gives up (a
 * backtracking limit on hostile input returns NULL: found by
 * fuzz/fuzz-notice). Takes @text. */
static char *
replace_or_keep (GRegex *regex,
                 char   *text)
{
  char *next = g_regex_replace_literal (regex, text, -1, 0, "", 0, NULL);

  if (next == NULL)
    return text;
  g_free (text);
  return next;
}

/* Removes what says what kind of figure follows ("标称", "threshold of"), and
 * connectors ("为", "is"), from the end of @clause. */
static char *
strip_clause (DeskNoticeVocabulary *v,
              const char           *clause)
{
  static GRegex   *tail_regex, *lead_regex;
  GRegex          *cues[] = { v->threshold, v->stated, v->measured };
  g_autofree char *text = g_strdup (clause);

  if (g_once_init_enter (&tail_regex))
    g_once_init_leave (&tail_regex, g_regex_new ("(?:\\s+(?:is|was|are|of|at|reached|now|by|exceeds?|than)"
                                                 "|为|是|达到|达|已达|超过|составляет|—|-|=|\\s)+$",
                                                 G_REGEX_CASELESS, 0, NULL));
  if (g_once_init_enter (&lead_regex))
    g_once_init_leave (&lead_regex, g_regex_new ("^(?:(?:because|since|as|your|the|our|its|their|with|that|a|an|and|but|if|due to)\\s+|因为?|由于|您的?|贵店|店铺)+",
                                                 G_REGEX_CASELESS, 0, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cues); i++)
    text = replace_or_keep (cues[i], g_steal_pointer (&text));
  for (int round = 0; round < 2; round++)
    {
      g_autofree char *next = replace_or_keep (tail_regex, g_steal_pointer (&text));
      g_auto (GStrv) words = g_strsplit (g_strstrip (next), " ", -1);

      /* The last five words at most: "… because your Order Defect Rate". */
      text = g_strjoinv (" ", words + (g_strv_length (words) > 5 ? g_strv_length (words) - 5 : 0));
      text = replace_or_keep (lead_regex, g_steal_pointer (&text));
    }
  return g_strstrip (g_steal_pointer (&text));
}

/* What a figure measures: the nearest words before it that are not just
 * "threshold" or "stated", e.g. "发货超时率", "Order Defect Rate". */
static char *
subject_before (DeskNoticeVocabulary *v,
                const char           *w,
                gsize                 line_start,
                gsize                 at)
{
  g_autofree char *text = slice (w, line_start, at);
  g_autoptr (GPtrArray) clauses = g_ptr_array_new ();
  char *start = text;

  for (char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '!' || c == '?' || c == 0x3002
          || c == 0x3001 || (c == '.' && (p[1] == ' ' || p[1] == '\0')))
        {
          g_ptr_array_add (clauses, start);
          *p = '\0';
          start = p + 1;
        }
    }
  g_ptr_array_add (clauses, start);
  for (guint i = clauses->len; i > 0; i--)
    {
      g_autofree char *subject = strip_clause (v, g_ptr_array_index (clauses, i - 1));
      glong            n = g_utf8_strlen (subject, -1);

      if (n == 0)
        continue;
      if (n > SUBJECT_MAX)
        return g_strdup (g_utf8_offset_to_pointer (subject, n - SUBJECT_MAX));
      return g_steal_pointer (&subject);
    }
  return g_strdup ("");
}

static void
read_line (DeskNoticeText       *text,
           const DeskNoticeLine *line,
           guint                 number,
           GPtrArray            *facts)
{
  const char *w = text->window;
  g_autoptr (GMatchInfo) match = NULL;
  Figure   figures[MAX_FIGURES];
  guint    n = 0;
  gboolean used[MAX_FIGURES] = { FALSE };

  g_regex_match_full (figure_regex (), w, line->end, line->start, 0, &match, NULL);
  for (; g_match_info_matches (match) && n < MAX_FIGURES; g_match_info_next (match, NULL))
    {
      g_autofree char *number_text = g_match_info_fetch (match, 1);
      g_autofree char *unit = g_match_info_fetch (match, 2);
      g_autofree char *lower = g_utf8_strdown (unit, -1);
      int              s, e;

      g_match_info_fetch_pos (match, 0, &s, &e);
      figures[n].value = parse_number (number_text);
      g_strlcpy (figures[n].unit, lower, sizeof figures[n].unit);
      g_strlcpy (figures[n].written, unit, sizeof figures[n].written);
      figures[n].start = s, figures[n].end = e;
      n++;
    }
  for (guint i = 0; i < n; i++)
    figures[i].kind = classify (text->vocabulary, w, line->start, i ? &figures[i - 1] : NULL, &figures[i],
                                i + 1 < n ? figures[i + 1].start : line->end);
  for (guint i = 0; i < n && facts->len < MAX_FACTS; i++)
    {
      g_autoptr (DeskNoticeFact) fact = NULL;
      DeskNoticeFigureKind kind = figures[i].kind;
      int                  ref = -1;

      if (used[i] || (kind != DESK_NOTICE_FIGURE_ACTUAL && kind != DESK_NOTICE_FIGURE_MEASURED))
        continue;
      for (guint j = 0; j < n && ref < 0; j++)
        if (j != i && !used[j] && g_str_equal (figures[j].unit, figures[i].unit)
            && (figures[j].kind == DESK_NOTICE_FIGURE_THRESHOLD || figures[j].kind == DESK_NOTICE_FIGURE_STATED))
          ref = j;
      /* A lone figure is a fact only as the whole value of a label ("ODR: 1.8%"),
       * not inside a sentence ("情况：…价格低 30%…"). */
      if (ref < 0
          && (line->label_end == 0 || figures[i].start < line->label_end || n > 1 || !g_str_equal (figures[i].unit, "%")
              || figures[i].start - (line->label_end + 1) != strspn (w + line->label_end + 1, " \t")))
        continue;
      fact = desk_notice_fact_new ();
      fact->value = figures[i].value;
      fact->value_kind = kind;
      g_free (fact->unit);
      fact->unit = g_strdup (figures[i].written);
      used[i] = TRUE;
      if (ref >= 0)
        {
          used[ref] = TRUE;
          fact->reference = figures[ref].value;
          fact->reference_kind = figures[ref].kind;
          if (fact->reference_kind == DESK_NOTICE_FIGURE_STATED && kind == DESK_NOTICE_FIGURE_ACTUAL)
            fact->value_kind = DESK_NOTICE_FIGURE_MEASURED;
        }
      g_clear_pointer (&fact->subject, g_free);
      /* "Metric: Cancellation rate 6.8%": the words before the figure, else the label. */
      if (line->label_end && figures[i].start > line->label_end)
        fact->subject = subject_before (text->vocabulary, w, line->label_end + 1,
                                        MIN (figures[i].start, ref >= 0 ? figures[ref].start : G_MAXSIZE));
      if (fact->subject && *fact->subject == '\0' && !line->statement)
        {
          g_free (fact->subject);
          fact->subject = slice (w, line->start, line->label_end);
          g_strstrip (fact->subject);
          memmove (fact->subject, fact->subject + strspn (fact->subject, "-*• "),
                   strlen (fact->subject + strspn (fact->subject, "-*• ")) + 1);
        }
      else if (fact->subject == NULL || *fact->subject == '\0')
        {
          g_free (fact->subject);
          fact->subject = subject_before (text->vocabulary, w, line->start, MIN (figures[i].start, ref >= 0 ? figures[ref].start : G_MAXSIZE));
        }
      g_free (fact->source);
      fact->source = slice (w, line->start, line->end);
      g_strstrip (fact->source);
      fact->line = number;
      g_ptr_array_add (facts, g_steal_pointer (&fact));
    }
}

GPtrArray *
_desk_notice_read_facts (DeskNoticeText *text)
{
  GPtrArray *facts = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_notice_fact_free);

  for (guint i = 0; i < text->lines->len && facts->len < MAX_FACTS; i++)
    read_line (text, &g_array_index (text->lines, DeskNoticeLine, i), i + 1, facts);
  return facts;
}
