/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-notice-text.h"

#define STATEMENT_FACTOR 3.0
#define TITLE_FACTOR     2.0
#define SIGNATURE_FACTOR 0.3
#define PATH_FACTOR      0.2
/* A title is short; a longer first line is just text. */
#define TITLE_MAX 120
#define LABEL_MAX 48

static GRegex *
once_regex (GRegex    **slot,
            const char *pattern)
{
  if (g_once_init_enter (slot))
    g_once_init_leave (slot, g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return *slot;
}

/* Where a clause starts or ends inside a line: a sentence mark, or a dot
 * followed by a space (not the dots of a domain). */
static gboolean
is_clause_mark (const char *p,
                const char *end)
{
  gunichar c = g_utf8_get_char (p);

  if (c == '.')
    return p + 1 >= end || p[1] == ' ';
  return c == ';' || c == '!' || c == '?' || c == ',' || c == 0x3002 /* 。 */
         || c == 0x3001 /* 、 */ || c == '(' || c == ')';
}

static void
add_span (DeskNoticeLine *line,
          gsize           start,
          gsize           end)
{
  for (guint i = 0; i < 2; i++)
    if (line->path_start[i] == line->path_end[i])
      {
        line->path_start[i] = start;
        line->path_end[i] = end;
        return;
      }
}

static gsize
clause_start (const char *window,
              gsize       line_start,
              gsize       from)
{
  const char *p = window + from;

  while (p > window + line_start)
    {
      const char *prev = g_utf8_prev_char (p);

      if (is_clause_mark (prev, window + from))
        break;
      p = prev;
    }
  return p - window;
}

static gsize
clause_end (const char *window,
            gsize       from,
            gsize       line_end)
{
  const char *p = window + from;

  while (p < window + line_end && !is_clause_mark (p, window + line_end))
    p = g_utf8_next_char (p);
  return p - window;
}

/* "Account Health > Product Policy Compliance", "respond through …". */
static void
find_paths (DeskNoticeText *text,
            DeskNoticeLine *line)
{
  static GRegex *arrow_regex;
  GRegex        *arrows = once_regex (&arrow_regex, "\\S\\s*(?:>|›|→|->)\\s*\\S");
  g_autoptr (GMatchInfo) match = NULL;
  int first = -1, last = -1;

  g_regex_match_full (arrows, text->window, line->end, line->start, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int s, e;

      g_match_info_fetch_pos (match, 0, &s, &e);
      if (first < 0)
        first = s;
      last = e;
    }
  if (first >= 0)
    add_span (line, clause_start (text->window, line->start, first),
              clause_end (text->window, last, line->end));
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match_full (text->vocabulary->menu_path, text->window, line->end, line->start, 0, &match, NULL))
    {
      int s;

      g_match_info_fetch_pos (match, 0, &s, NULL);
      add_span (line, s, clause_end (text->window, s, line->end));
    }
}

/* "Complaint type: Counterfeit Notice": the label before the first colon,
 * if it is short and not a time ("10:00") or a link ("https:"). */
static void
find_label (DeskNoticeText *text,
            DeskNoticeLine *line)
{
  const char      *start = text->window + line->start;
  const char      *colon = memchr (start, ':', line->end - line->start);
  g_autofree char *label = NULL;

  if (colon == NULL || colon - start > LABEL_MAX * 3 || colon == start)
    return;
  if (g_ascii_isdigit (colon[-1]) || (colon + 2 < text->window + line->end && colon[1] == '/' && colon[2] == '/'))
    return;
  label = g_strndup (start, colon - start);
  g_strstrip (label);
  if (*label == '\0' || g_utf8_strlen (label, -1) > LABEL_MAX)
    return;
  line->label_end = colon - text->window;
  {
    const char *l = label + strspn (label, "-*>• \t");

    line->statement = g_regex_match (text->vocabulary->statement_label, l, 0, NULL);
  }
}

DeskNoticeText *
_desk_notice_text_new (const char           *window,
                       DeskNoticeVocabulary *vocabulary)
{
  DeskNoticeText *text = g_new0 (DeskNoticeText, 1);
  static GRegex  *forward_regex;
  GRegex         *forward = once_regex (&forward_regex,
                                        "^\\s*(?:-+\\s*)?(?:forwarded message|original message|from:|发件人|-+ ?пересылаемое)");
  gboolean        signature = FALSE, titled = FALSE;
  gsize           pos = 0;

  text->window = window;
  text->length = strlen (window);
  text->vocabulary = vocabulary;
  text->lines = g_array_new (FALSE, TRUE, sizeof (DeskNoticeLine));
  while (pos <= text->length && text->lines->len < DESK_NOTICE_MAX_LINES)
    {
      const char      *nl = memchr (window + pos, '\n', text->length - pos);
      DeskNoticeLine   line = { 0 };
      g_autofree char *content = NULL;

      line.start = pos;
      line.end = nl ? (gsize)(nl - window) : text->length;
      line.factor = 1;
      content = g_strndup (window + line.start, line.end - line.start);
      g_strstrip (content);
      if (signature && g_regex_match (forward, content, 0, NULL))
        signature = FALSE;
      find_label (text, &line);
      find_paths (text, &line);
      if (signature)
        line.signature = TRUE, line.factor = SIGNATURE_FACTOR;
      else if (line.statement)
        line.factor = STATEMENT_FACTOR;
      else if (!titled && *content != '\0' && g_utf8_strlen (content, -1) <= TITLE_MAX)
        line.factor = TITLE_FACTOR;
      if (*content != '\0')
        titled = TRUE;
      if (!signature && *content != '\0' && g_regex_match (vocabulary->closing, content, 0, NULL))
        signature = TRUE;
      g_array_append_val (text->lines, line);
      if (nl == NULL)
        break;
      pos = line.end + 1;
    }
  return text;
}

void
_desk_notice_text_free (DeskNoticeText *text)
{
  if (text == NULL)
    return;
  g_array_unref (text->lines);
  g_free (text);
}

const DeskNoticeLine *
_desk_notice_text_line_at (DeskNoticeText *text,
                           gsize           offset,
                           guint          *index)
{
  guint lo = 0, hi = text->lines->len;

  while (lo < hi)
    {
      guint                 mid = (lo + hi) / 2;
      const DeskNoticeLine *line = &g_array_index (text->lines, DeskNoticeLine, mid);

      if (offset < line->start)
        hi = mid;
      else if (offset > line->end)
        lo = mid + 1;
      else
        {
          if (index)
            *index = mid;
          return line;
        }
    }
  return NULL;
}

double
_desk_notice_text_weight_at (DeskNoticeText *text,
                             gsize           offset)
{
  const DeskNoticeLine *line = _desk_notice_text_line_at (text, offset, NULL);

  if (line == NULL)
    return 1;
  for (guint i = 0; i < 2; i++)
    if (offset >= line->path_start[i] && offset < line->path_end[i])
      return line->factor * PATH_FACTOR;
  return line->factor;
}

char *
_desk_notice_text_line_text (DeskNoticeText *text,
                             gsize           offset,
                             guint          *line_number)
{
  const char *start = text->window + offset;
  const char *end = strchr (start, '\n');
  guint       index = 0;
  char       *line;

  while (start > text->window && start[-1] != '\n')
    start--;
  if (_desk_notice_text_line_at (text, offset, &index) && line_number)
    *line_number = index + 1;
  else if (line_number)
    *line_number = 0;
  line = g_strndup (start, end ? end - start : (gssize)strlen (start));
  return g_strstrip (line);
}

static int
compare_desc (gconstpointer a,
              gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? 1 : x > y ? -1
                           : 0;
}

/* Later matches count less, so a phrase repeated a thousand times in pasted
 * filler cannot outweigh a brand name and a domain. */
void
_desk_notice_text_score (DeskNoticeText *text,
                         GArray         *cues,
                         gboolean        structured,
                         double         *scores)
{
  for (guint i = 0; i < cues->len; i++)
    {
      const DeskNoticeCue *cue = &g_array_index (cues, DeskNoticeCue, i);
      g_autoptr (GMatchInfo) match = NULL;
      double factors[64];
      guint  n = 0;
      double score = 0, halving = 1;

      g_regex_match (cue->regex, text->window, 0, &match);
      for (; g_match_info_matches (match) && n < G_N_ELEMENTS (factors); g_match_info_next (match, NULL))
        {
          int start;

          g_match_info_fetch_pos (match, 0, &start, NULL);
          factors[n++] = structured ? _desk_notice_text_weight_at (text, start) : 1;
          if (!structured && n >= 3)
            break;
        }
      qsort (factors, n, sizeof (double), compare_desc);
      for (guint k = 0; k < n && k < 3; k++, halving /= 2)
        score += cue->weight * factors[k] * halving;
      scores[cue->target] += score;
    }
}
