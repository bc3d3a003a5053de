/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-notice-private.h"

#define W(x) "(?<![a-z0-9])(?:" x ")(?![a-z0-9])"

#define MONTHS "(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?"
#define CLOCK  "(?<h>\\d{1,2})[:.](?<mi>\\d{2})(?::(?<s>\\d{2}))?\\s*(?<ap>[ap]\\.?m\\.?)?"
#define ZONE                                                                                \
  "(?:\\s*\\(?\\s*(?<tz>(?:gmt|utc)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|gmt|utc|z"             \
  "|beijing time|北京时间|china standard time|pst|pdt|est|edt|cet|cest|msk|moscow time" \
  "|sgt|myt|wib|ict|pht)(?![a-z])\\s*\\)?)?"

/* Absolute dates as notices write them; the zone is optional everywhere. */
static const char *const date_patterns[] = {
  "(?<![\\d.])(?<y>20\\d{2})[-/.](?<mo>\\d{1,2})[-/.](?<d>\\d{1,2})(?!\\d)"
  "(?:(?:t|\\s+|,\\s*)" CLOCK ")?" ZONE,
  "(?<y>20\\d{2})\\s*年\\s*(?<mo>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*[日号]"
  "(?:\\s*(?<h>\\d{1,2})\\s*[:时点]\\s*(?:(?<mi>\\d{2})\\s*分?)?)?" ZONE,
  W (MONTHS "\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>20\\d{2})") "(?:,?\\s*(?:at\\s+)?" CLOCK ")?" ZONE,
  W ("(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+" MONTHS ",?\\s+(?<y>20\\d{2})") "(?:,?\\s*(?:at\\s+)?" CLOCK ")?" ZONE,
  /* Day first with dashes or dots (Shopee, Russian): 24-11-2026, 24.11.2026. */
  "(?<![\\d.-])(?<d>\\d{1,2})[-.](?<mo>\\d{1,2})[-.](?<y>20\\d{2})(?!\\d)"
  "(?:(?:\\s+|,\\s*)" CLOCK ")?" ZONE,
};

#define RELATIVE_PATTERN                                                                                       \
  W ("(?:within|in|no later than|the next)\\s+(?<n>\\d{1,3}|one|two|three|five|seven|ten|fifteen|thirty)"      \
     "\\s*(?:\\(\\d{1,3}\\)\\s*)?(?<kind>business |working |calendar |natural )?(?<unit>hours?|hrs?|h|days?)") \
  "|(?<n2>\\d{1,3})\\s*个?\\s*(?<unit2>小时|工作日|自然日|天|日)\\s*(?:之内|以内|内)"          \
  "|в течение\\s+(?<n3>\\d{1,3})\\s*(?<kind3>рабоч[а-я]*\\s+)?(?<unit3>час[а-я]*|дн[а-я]*|сут[а-я]*)"

/* Words around a date that say it is the deadline, or that it is not. */
#define DEADLINE_LABEL                             \
  W ("deadline|due|no later than|expires?|expiry") \
  "|截止|截至"
#define DEADLINE_JUST_BEFORE                   \
  W ("by|before|until|prior to|no later than") \
  "\\s*$|(?:请于|请在|须于|需于|于)\\s*$"
#define NOT_DEADLINE_BEFORE                                                        \
  W ("received|sent|notice date|created|listed|issued|registered|effective|dated") \
  "|通知时间|收到|发送|上架|创建|生效|发布"
#define DEADLINE_AFTER "^\\s*(?:前|之前|以前|截止|为止)"
#define ACTION_WORDS                                                                                           \
  W ("appeal|respond|response|reply|submit|counter[- ]?notice|provide|upload|resolve|fix|improve|take action") \
  "|申诉|提交|回复|响应|处理|补充|上传|整改|补传|提供|предостав|ответ|пода[тй]|загруз|направ|отправ"
#define NOT_A_WINDOW_AFTER \
  "^\\s*(?:of|after|from)\\s+(?:the\\s+)?(?:order|shipment|purchase|creation|delivery|payment)"
#define NOT_A_WINDOW_BEFORE "(?:订单|创建|下单|发货|付款)\\S{0,4}后\\s*$"

static GRegex *
once_regex (GRegex    **slot,
            const char *pattern)
{
  if (g_once_init_enter (slot))
    g_once_init_leave (slot, _desk_notice_regex_new (pattern));
  return *slot;
}

static gboolean
matches (GRegex    **slot,
         const char *pattern,
         const char *text)
{
  return g_regex_match (once_regex (slot, pattern), text, 0, NULL);
}

static gboolean
is_blank (const char *s,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (s[i]) && s[i] != ':')
      return FALSE;
  return TRUE;
}

/* The clause before @pos: back to the line start (the line above too when
 * the date stands alone under its label) or to a ",;|。", at most 160 bytes. */
static char *
context_before (const char *window,
                gsize       pos)
{
  gsize start = pos;

  while (start > 0 && pos - start < 160)
    {
      char c = window[start - 1];

      if (c == '\n' && !is_blank (window + start, pos - start))
        break;
      if ((c == ',' || c == ';' || c == '|' || c == '\t') && !is_blank (window + start, pos - start))
        break;
      if (start >= 3 && memcmp (window + start - 3, "。", 3) == 0)
        break;
      start--;
    }
  while (start < pos && (window[start] & 0xC0) == 0x80)
    start++;
  return g_strndup (window + start, pos - start);
}

static char *
context_after (const char *window,
               gsize       pos,
               gsize       max)
{
  gsize end = pos;

  while (window[end] != '\0' && window[end] != '\n' && end - pos < max)
    end++;
  while (end > pos && window[end] != '\0' && (window[end] & 0xC0) == 0x80)
    end--;
  return g_strndup (window + pos, end - pos);
}

static GTimeZone *
parse_zone (const char *tz)
{
  static const struct
  {
    const char *name;
    int         hours;
  } names[] = {
    { "beijing time", 8 },
    { "北京时间", 8 },
    { "china standard time", 8 },
    { "pst", -8 },
    { "pdt", -7 },
    { "est", -5 },
    { "edt", -4 },
    { "cet", 1 },
    { "cest", 2 },
    { "msk", 3 },
    { "moscow time", 3 },
    { "sgt", 8 },
    { "myt", 8 },
    { "wib", 7 },
    { "ict", 7 },
    { "pht", 8 },
    { "gmt", 0 },
    { "utc", 0 },
    { "z", 0 },
  };
  g_autofree char *lower = g_utf8_strdown (tz, -1);
  const char      *sign = strpbrk (lower, "+-");

  if (sign != NULL)
    {
      int         hours = atoi (sign + 1);
      const char *colon = strchr (sign, ':');
      int         minutes = colon ? atoi (colon + 1) : (strlen (sign + 1) == 4 ? hours % 100 : 0);

      if (strlen (sign + 1) == 4 && colon == NULL)
        hours /= 100;
      return g_time_zone_new_offset ((*sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (lower, names[i].name))
      return g_time_zone_new_offset (names[i].hours * 3600);
  return NULL;
}

static int
named_int (GMatchInfo *match,
           const char *name,
           int         fallback)
{
  g_autofree char *value = g_match_info_fetch_named (match, name);

  return value && *value ? atoi (value) : fallback;
}

static int
month_from_name (const char *name)
{
  static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
  g_autofree char  *lower = g_ascii_strdown (name, 3);
  const char       *found = strstr (months, lower);

  return found ? (int)(found - months) / 3 + 1 : 0;
}

/* Builds the date a match describes; a date without a clock is the end of
 * that day, a date without a zone is Beijing time (flagged). */
static GDateTime *
date_from_match (GMatchInfo *match,
                 gboolean   *zone_assumed)
{
  g_autofree char *mon = g_match_info_fetch_named (match, "mon");
  g_autofree char *tz = g_match_info_fetch_named (match, "tz");
  g_autofree char *ap = g_match_info_fetch_named (match, "ap");
  g_autoptr (GTimeZone) zone = tz && *tz ? parse_zone (tz) : NULL;
  g_autoptr (GDateTime) local = NULL;
  int month = mon && *mon ? month_from_name (mon) : named_int (match, "mo", 0);
  int hour = named_int (match, "h", -1);
  int minute = named_int (match, "mi", 0);
  int second = named_int (match, "s", 0);

  if (hour < 0)
    hour = 23, minute = 59, second = 59;
  if (ap && (ap[0] == 'p' || ap[0] == 'P') && hour < 12)
    hour += 12;
  if (ap && (ap[0] == 'a' || ap[0] == 'A') && hour == 12)
    hour = 0;
  *zone_assumed = zone == NULL;
  if (zone == NULL)
    zone = g_time_zone_new_offset (8 * 3600);
  local = g_date_time_new (zone, named_int (match, "y", 0), month, named_int (match, "d", 0),
                           hour, minute, second);
  return local ? g_date_time_to_utc (local) : NULL;
}

static int
score_absolute (const char *window,
                int         start,
                int         end)
{
  static GRegex   *label, *adjacent, *no, *after;
  g_autofree char *before = context_before (window, start);
  g_autofree char *following = context_after (window, end, 24);
  int              score = 0;

  if (matches (&label, DEADLINE_LABEL, before))
    score += 3;
  if (matches (&adjacent, DEADLINE_JUST_BEFORE, before))
    score += 3;
  if (matches (&after, DEADLINE_AFTER, following))
    score += 3;
  if (matches (&no, NOT_DEADLINE_BEFORE, before))
    score -= 4;
  return score;
}

static GDateTime *
find_absolute (const char *window,
               gboolean   *zone_assumed)
{
  static GRegex *regexes[G_N_ELEMENTS (date_patterns)];
  GDateTime     *best = NULL;
  int            best_score = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (date_patterns); i++)
    {
      g_autoptr (GMatchInfo) match = NULL;

      g_regex_match (once_regex (&regexes[i], date_patterns[i]), window, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          int        start, end, score;
          gboolean   assumed;
          GDateTime *date;

          g_match_info_fetch_pos (match, 0, &start, &end);
          score = score_absolute (window, start, end);
          if (score <= best_score || (date = date_from_match (match, &assumed)) == NULL)
            continue;
          g_clear_pointer (&best, g_date_time_unref);
          best = date, best_score = score, *zone_assumed = assumed;
        }
    }
  return best;
}

static int
number_from_word (const char *word)
{
  static const struct
  {
    const char *word;
    int         n;
  } words[] = {
    { "one", 1 },
    { "two", 2 },
    { "three", 3 },
    { "five", 5 },
    { "seven", 7 },
    { "ten", 10 },
    { "fifteen", 15 },
    { "thirty", 30 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (word, words[i].word) == 0)
      return words[i].n;
  return atoi (word);
}

static GDateTime *
add_working_days (GDateTime *from,
                  int        days)
{
  g_autoptr (GTimeZone) beijing = g_time_zone_new_offset (8 * 3600);
  g_autoptr (GDateTime) day = g_date_time_to_timezone (from, beijing);

  while (days > 0)
    {
      GDateTime *next = g_date_time_add_days (day, 1);

      g_date_time_unref (day);
      day = next;
      if (g_date_time_get_day_of_week (day) < 6)
        days--;
    }
  return g_date_time_to_utc (day);
}

static GDateTime *
resolve_relative (GMatchInfo *match,
                  GDateTime  *received_at)
{
  g_autofree char *n = g_match_info_fetch_named (match, "n");
  g_autofree char *n2 = g_match_info_fetch_named (match, "n2");
  g_autofree char *unit = g_match_info_fetch_named (match, "unit");
  g_autofree char *unit2 = g_match_info_fetch_named (match, "unit2");
  g_autofree char *kind = g_match_info_fetch_named (match, "kind");
  g_autofree char *n3 = g_match_info_fetch_named (match, "n3");
  g_autofree char *unit3 = g_match_info_fetch_named (match, "unit3");
  g_autofree char *kind3 = g_match_info_fetch_named (match, "kind3");
  int              count = number_from_word (n && *n ? n : n2 && *n2 ? n2
                                                                     : n3);
  const char      *u = unit && *unit ? unit : unit2 && *unit2 ? unit2
                                                              : unit3;

  if (count <= 0 || count > 365 || u == NULL)
    return NULL;
  if (g_str_equal (u, "工作日") || (kind && (g_str_has_prefix (kind, "business") || g_str_has_prefix (kind, "working")))
      || (kind3 && *kind3))
    return add_working_days (received_at, count);
  if (u[0] == 'h' || u[0] == 'H' || g_str_equal (u, "小时") || g_str_has_prefix (u, "час"))
    return g_date_time_add_hours (received_at, count);
  return g_date_time_add_days (received_at, count);
}

static int
score_relative (const char *window,
                int         start,
                int         end)
{
  static GRegex   *action, *not_after, *not_before;
  g_autofree char *before = context_before (window, start);
  g_autofree char *after = context_after (window, end, 96);
  static GRegex   *asked;
  int              score = 0;

  if (matches (&action, ACTION_WORDS, before) || matches (&action, ACTION_WORDS, after))
    score += 2;
  /* "请于 3 个自然日内…": the window is what the seller is asked to keep. */
  else if (matches (&asked, "(?:请于|请在|须于|需于|务必于|务必在)\\s*$", before))
    score += 2;
  if (matches (&not_after, NOT_A_WINDOW_AFTER, after)
      || matches (&not_before, NOT_A_WINDOW_BEFORE, before))
    score -= 4;
  return score;
}

static GDateTime *
find_relative (const char *window,
               GDateTime  *received_at)
{
  static GRegex *regex;
  g_autoptr (GMatchInfo) match = NULL;

  g_regex_match (once_regex (&regex, RELATIVE_PATTERN), window, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (score_relative (window, start, end) > 0)
        return resolve_relative (match, received_at);
    }
  return NULL;
}

/* A stated date beats a relative window: "within 72 hours" is often
 * repeated as boilerplate while the date is the one the platform enforces. */
GDateTime *
_desk_notice_find_deadline (const char *window,
                            GDateTime  *received_at,
                            gboolean   *is_relative,
                            gboolean   *zone_assumed)
{
  GDateTime *deadline;

  *is_relative = *zone_assumed = FALSE;
  deadline = find_absolute (window, zone_assumed);
  if (deadline != NULL)
    return deadline;
  deadline = find_relative (window, received_at);
  *is_relative = deadline != NULL;
  return deadline;
}
