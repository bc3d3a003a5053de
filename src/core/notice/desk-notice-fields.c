/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <string.h>

#include "desk-notice-fields.h"

/* Labelled fields: any label of the vocabulary followed by ":" (or, for
 * ids, by the id itself), anywhere in the text; the value keeps the role
 * its label gives, and a counterparty marker before the label ("跟卖卖家
 * Seller ID：", "reported listings:") makes it the other party's. */

/* Guards against pasted pages that say "商品" on every line. */
#define MAX_HITS        4000
#define MAX_PRODUCT_IDS 500
#define MAX_LIST_LINES  200
#define TEXT_VALUE_MAX  300
/* A text field's label starts its line, after at most this much (bullets, a marker). */
#define TEXT_LABEL_INDENT 24

typedef struct
{
  gsize          start, end; /* the label */
  gsize          value;      /* where the value starts */
  gsize          stop;       /* where the value ends */
  DeskNoticeRole role;
  gboolean       sep;
} Hit;

typedef struct
{
  DeskNoticeText    *text;
  DeskCaseType       case_type;
  DeskNoticeReading *reading;
  GArray            *spans;    /* of Span: where non-product values stand */
  GHashTable        *excluded; /* ids that are not the seller's products */
  GHashTable        *products; /* id → TRUE */
  GArray            *found;    /* of Found: products with their offsets */
  GHashTable        *seen;     /* "role\x1fvalue" of other fields */
} Reader;

typedef struct
{
  gsize start, end;
} Span;

typedef struct
{
  gsize            pos;
  DeskNoticeField *field;
} Found;

static GRegex *
once_regex (GRegex    **slot,
            const char *pattern)
{
  if (g_once_init_enter (slot))
    g_once_init_leave (slot, g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return *slot;
}

static gboolean
is_list_role (DeskNoticeRole role)
{
  return role == DESK_NOTICE_ROLE_PRODUCT || role == DESK_NOTICE_ROLE_COUNTERPARTY_LISTING
         || role == DESK_NOTICE_ROLE_ORDER;
}

static gboolean
is_id_role (DeskNoticeRole role)
{
  return role == DESK_NOTICE_ROLE_ISSUE_ID || role == DESK_NOTICE_ROLE_CASE_ID
         || role == DESK_NOTICE_ROLE_SHOP_ID || role == DESK_NOTICE_ROLE_CAMPAIGN_ID
         || role == DESK_NOTICE_ROLE_COUNTERPARTY_SELLER || role == DESK_NOTICE_ROLE_VIOLATION_CODE;
}

/* Tokens */

static gboolean
all_digits (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_asin (const char *s,
         gsize       len)
{
  if (len != 10 || g_ascii_toupper (s[0]) != 'B' || s[1] != '0')
    return FALSE;
  for (gsize i = 2; i < len; i++)
    if (!g_ascii_isalnum (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_joom_id (const char *s,
            gsize       len)
{
  if (len != 24)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_sku (const char *s,
        gsize       len)
{
  gboolean letter = FALSE, digit = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      letter |= g_ascii_isalpha (s[i]);
      digit |= g_ascii_isdigit (s[i]);
    }
  return len >= 4 && len <= 40 && letter && digit;
}

/* Product ids are 6–20 digits (AliExpress 16, Shopee 10–11, TikTok 19 …),
 * ASINs, Joom's 24 hex digits, or SKUs after a label that names them. */
static gboolean
token_is_product_id (const char *s,
                     gsize       len,
                     gboolean    sku_label)
{
  if (len >= 6 && len <= 20 && all_digits (s, len))
    return TRUE;
  if (is_asin (s, len) || is_joom_id (s, len))
    return TRUE;
  return sku_label && is_sku (s, len);
}

static gboolean
token_is_order_id (const char *s,
                   gsize       len)
{
  guint digits = 0;

  for (gsize i = 0; i < len; i++)
    digits += g_ascii_isdigit (s[i]);
  return len >= 6 && len <= 40 && digits * 2 >= len;
}

/* An id after a label: letters, digits, "-" and "_", with a digit. */
static char *
read_id (const char *p,
         const char *end)
{
  static GRegex *id_regex;
  GRegex        *regex = once_regex (&id_regex,
                                     "\\A(?:no\\.?\\s*|#\\s*)?((?=[a-z_-]*[0-9])[a-z0-9][a-z0-9_-]{3,63})(?![a-z0-9_-])");
  g_autoptr (GMatchInfo) match = NULL;

  if (!g_regex_match_full (regex, p, end - p, 0, 0, &match, NULL))
    return NULL;
  return g_match_info_fetch (match, 1);
}

static char *
read_code (const char *p,
           const char *end)
{
  static GRegex *code_regex;
  GRegex        *regex = once_regex (&code_regex, "\\A([a-z]{2,4})-?(\\d{2,3})(?![a-z0-9-])");
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *letters = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *code = NULL;

  if (!g_regex_match_full (regex, p, end - p, 0, 0, &match, NULL))
    return NULL;
  letters = g_match_info_fetch (match, 1);
  digits = g_match_info_fetch (match, 2);
  code = g_strdup_printf ("%s-%s", letters, digits);
  return g_ascii_strup (code, -1);
}

/* Fields */

static void
add_field (Reader        *r,
           DeskNoticeRole role,
           const char    *value,
           const Hit     *hit,
           gsize          pos)
{
  g_autofree char *label = hit ? g_strndup (r->text->window + hit->start, hit->end - hit->start) : NULL;
  g_autofree char *upper = NULL;
  g_autofree char *source = NULL;
  guint            line = 0;
  Found            found;

  if (role == DESK_NOTICE_ROLE_PRODUCT)
    {
      if (is_asin (value, strlen (value)))
        value = upper = g_ascii_strup (value, -1);
      guint known = GPOINTER_TO_UINT (g_hash_table_lookup (r->products, value));

      /* An id found twice keeps its first position in the text. */
      if (known != 0)
        {
          Found *first = &g_array_index (r->found, Found, known - 1);

          first->pos = MIN (first->pos, pos);
          return;
        }
      if (g_hash_table_contains (r->excluded, value) || g_hash_table_size (r->products) >= MAX_PRODUCT_IDS)
        return;
      g_hash_table_insert (r->products, g_strdup (value), GUINT_TO_POINTER (r->found->len + 1));
    }
  else
    {
      g_autofree char *key = g_strdup_printf ("%d\x1f%s", role, value);

      if (!g_hash_table_add (r->seen, g_steal_pointer (&key)))
        return;
      if (role == DESK_NOTICE_ROLE_COUNTERPARTY_LISTING || role == DESK_NOTICE_ROLE_ORDER)
        g_hash_table_add (r->excluded, g_strdup (value));
    }
  source = _desk_notice_text_line_text (r->text, pos, &line);
  found.pos = pos;
  found.field = desk_notice_field_new (role, value, label ? g_strstrip (label) : NULL, source, line);
  g_array_append_val (r->found, found);
}

static void
add_list_tokens (Reader        *r,
                 const Hit     *hit,
                 gsize          from,
                 gsize          to,
                 DeskNoticeRole role,
                 gboolean       sku_label)
{
  static GRegex *token_regex, *url_regex;
  GRegex        *tokens = once_regex (&token_regex,
                                      "(?<![a-z0-9_.-])(?<!\\d[:/])[a-z0-9][a-z0-9_-]*(?<=[a-z0-9])(?![a-z0-9_]|[-/:.]\\d)");
  GRegex        *urls = once_regex (&url_regex, "https?://[^\\s,;()<>\"]+|(?:www\\.)?[a-z0-9-]+\\.[a-z.]{2,10}/[^\\s,;()<>\"]+");
  const char    *w = r->text->window;
  g_autoptr (GMatchInfo) match = NULL;
  Span  url_spans[16];
  guint n_urls = 0;

  g_regex_match_full (urls, w, to, from, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int s, e;

      g_match_info_fetch_pos (match, 0, &s, &e);
      if (n_urls < G_N_ELEMENTS (url_spans))
        url_spans[n_urls++] = (Span){ s, e };
      if (role == DESK_NOTICE_ROLE_COUNTERPARTY_LISTING)
        {
          g_autofree char *url = g_strndup (w + s, e - s);

          add_field (r, role, url, hit, s);
        }
    }
  g_clear_pointer (&match, g_match_info_free);
  g_regex_match_full (tokens, w, to, from, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *id = NULL;
      gboolean         in_url = FALSE;
      int              s, e;

      g_match_info_fetch_pos (match, 0, &s, &e);
      for (guint i = 0; i < n_urls; i++)
        in_url |= (gsize)s >= url_spans[i].start && (gsize)s < url_spans[i].end;
      if (in_url)
        continue;
      if (role == DESK_NOTICE_ROLE_ORDER ? !token_is_order_id (w + s, e - s)
                                         : !token_is_product_id (w + s, e - s, sku_label))
        continue;
      id = g_strndup (w + s, e - s);
      add_field (r, role, id, hit, s);
    }
}

/* A list item under a heading: "- 1005006123456789 (Wireless earbuds)" or a link. */
static gboolean
line_starts_with_item (const char *line,
                       gsize       len,
                       gboolean    sku_label)
{
  gsize i = strspn (line, " \t-*•·>");
  gsize n;

  if (i < len && g_ascii_isdigit (line[i]) && i + 2 < len
      && (line[i + 1] == '.' || line[i + 1] == ')') && line[i + 2] == ' ')
    i += 3;
  if (g_str_has_prefix (line + i, "http://") || g_str_has_prefix (line + i, "https://"))
    return TRUE;
  n = strspn (line + i, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
  return i + n <= len && n > 0 && token_is_product_id (line + i, n, sku_label);
}

static gsize
line_end (const char *text,
          gsize       from)
{
  const char *nl = strchr (text + from, '\n');

  return nl ? (gsize)(nl - text) : strlen (text);
}

static void
add_span (Reader *r,
          gsize   start,
          gsize   end)
{
  Span span = { start, end };

  g_array_append_val (r->spans, span);
}

static void
read_list (Reader        *r,
           const Hit     *hit,
           DeskNoticeRole role)
{
  const char      *w = r->text->window;
  g_autofree char *label = g_ascii_strdown (w + hit->start, hit->end - hit->start);
  gboolean         sku = strstr (label, "sku") != NULL || strstr (label, "артикул") != NULL;
  gsize            end = hit->stop;

  add_list_tokens (r, hit, hit->value, hit->stop, role, sku);
  if (role != DESK_NOTICE_ROLE_PRODUCT)
    add_span (r, hit->value, hit->stop);
  if (hit->stop != line_end (w, hit->value))
    return;
  /* Following list lines, up to a blank line or anything else. */
  for (int lines = 0; lines < MAX_LIST_LINES && w[end] == '\n'; lines++)
    {
      gsize next = end + 1;
      gsize next_end = line_end (w, next);

      if (!line_starts_with_item (w + next, next_end - next, sku))
        break;
      add_list_tokens (r, hit, next, next_end, role, sku);
      if (role != DESK_NOTICE_ROLE_PRODUCT)
        add_span (r, next, next_end);
      end = next_end;
    }
}

static gboolean
label_starts_line (Reader    *r,
                   const Hit *hit)
{
  const char *w = r->text->window;
  gsize       start = hit->start;

  while (start > 0 && w[start - 1] != '\n')
    start--;
  return hit->start - start <= TEXT_LABEL_INDENT && memchr (w + start, ':', hit->start - start) == NULL;
}

static void
read_text (Reader        *r,
           const Hit     *hit,
           DeskNoticeRole role)
{
  g_autofree char *value = NULL;
  char            *end;

  if (!hit->sep || !label_starts_line (r, hit))
    return;
  value = g_strndup (r->text->window + hit->value, MIN (hit->stop - hit->value, TEXT_VALUE_MAX * 3));
  if (!g_utf8_validate (value, -1, (const char **)&end))
    *end = '\0';
  g_strstrip (value);
  for (gsize n = strlen (value); n > 0 && strchr (".;,-– ", value[n - 1]); n--)
    value[n - 1] = '\0';
  for (gsize n = strlen (value); n >= 3 && g_str_has_suffix (value, "。"); n -= 3)
    value[n - 3] = '\0';
  if (*value == '\0')
    return;
  add_field (r, role, value, hit, hit->value);
  add_span (r, hit->value, hit->stop);
}

static gboolean
blank (const char *p,
       const char *end)
{
  for (; p < end; p++)
    if (!g_ascii_isspace (*p) && *p != '|')
      return FALSE;
  return TRUE;
}

static void
read_hit (Reader        *r,
          const Hit     *hit,
          DeskNoticeRole role)
{
  const char      *w = r->text->window;
  g_autofree char *value = NULL;

  if (is_list_role (role))
    {
      /* Without ":" the list must start right after the label ("ASIN B0…"). */
      if (hit->sep || (hit->value > hit->end && g_ascii_isalnum (w[hit->value])))
        read_list (r, hit, role);
      return;
    }
  if (!is_id_role (role))
    {
      read_text (r, hit, role);
      return;
    }
  value = role == DESK_NOTICE_ROLE_VIOLATION_CODE ? read_code (w + hit->value, w + hit->stop)
                                                  : read_id (w + hit->value, w + hit->stop);
  /* A page copied from a table: the value on the line under its label. */
  if (value == NULL && w[hit->stop] == '\n' && blank (w + hit->value, w + hit->stop))
    {
      gsize next = hit->stop + 1 + strspn (w + hit->stop + 1, " \t");
      gsize next_end = line_end (w, next);

      value = role == DESK_NOTICE_ROLE_VIOLATION_CODE ? read_code (w + next, w + next_end)
                                                      : read_id (w + next, w + next_end);
      if (value != NULL)
        {
          Hit under = *hit;

          under.value = next, under.stop = next_end;
          if (role != DESK_NOTICE_ROLE_VIOLATION_CODE)
            g_hash_table_add (r->excluded, g_strdup (value));
          add_field (r, role, value, &under, next);
          add_span (r, next, next + strlen (value));
          return;
        }
    }
  if (value == NULL && role == DESK_NOTICE_ROLE_COUNTERPARTY_SELLER)
    {
      read_text (r, hit, role);
      return;
    }
  if (value == NULL)
    return;
  if (role != DESK_NOTICE_ROLE_VIOLATION_CODE)
    g_hash_table_add (r->excluded, g_strdup (value));
  add_field (r, role, value, hit, hit->value);
  add_span (r, hit->value, hit->value + strlen (value));
}

/* Labels */

static int
compare_longest (gconstpointer a,
                 gconstpointer b)
{
  const Hit *x = a, *y = b;
  gsize      lx = x->end - x->start, ly = y->end - y->start;

  if (lx != ly)
    return lx > ly ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  const Hit *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* "joom.com/ru/products/…" is a link, not a "products" label. */
static void
mark_urls (DeskNoticeText *text,
           guint8         *taken)
{
  static GRegex *url_regex;
  GRegex        *urls = once_regex (&url_regex, "(?:https?://|www\\.)[^\\s<>\"]+|[a-z0-9-]+(?:\\.[a-z0-9-]+)+/[^\\s<>\"]+");
  g_autoptr (GMatchInfo) match = NULL;

  g_regex_match (urls, text->window, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int s, e;

      g_match_info_fetch_pos (match, 0, &s, &e);
      memset (taken + s, 1, e - s);
    }
}

static GArray *
find_hits (DeskNoticeText *text)
{
  DeskNoticeVocabulary *v = text->vocabulary;
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (Hit));
  GArray            *kept = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_autofree guint8 *taken = g_new0 (guint8, text->length + 1);

  for (guint i = 0; i < v->labels->len && all->len < MAX_HITS; i++)
    {
      const DeskNoticeLabelCue *cue = &g_array_index (v->labels, DeskNoticeLabelCue, i);
      g_autoptr (GMatchInfo) match = NULL;

      g_regex_match (cue->regex, text->window, 0, &match);
      for (; g_match_info_matches (match) && all->len < MAX_HITS; g_match_info_next (match, NULL))
        {
          Hit hit = { 0 };
          int s, e;

          g_match_info_fetch_pos (match, 0, &s, &e);
          if (e <= s)
            continue;
          hit.start = s, hit.end = e, hit.role = cue->role;
          g_array_append_val (all, hit);
        }
    }
  mark_urls (text, taken);
  g_array_sort (all, compare_longest);
  for (guint i = 0; i < all->len; i++)
    {
      Hit     *hit = &g_array_index (all, Hit, i);
      gboolean free = TRUE;

      for (gsize p = hit->start; p < hit->end && free; p++)
        free = !taken[p];
      if (!free)
        continue;
      memset (taken + hit->start, 1, hit->end - hit->start);
      g_array_append_val (kept, *hit);
    }
  g_array_sort (kept, compare_start);
  return kept;
}

/* After the label: "(s)", "(ID)", then ":", "#" or "No." */
static void
find_separator (DeskNoticeText *text,
                Hit            *hit)
{
  const char *w = text->window;
  const char *p = w + hit->end;
  const char *close;

  p += strspn (p, " \t");
  if (*p == '(' && (close = strchr (p, ')')) && close - p <= 24 && !memchr (p, '\n', close - p))
    p = close + 1;
  p += strspn (p, " \t");
  if (*p == ':' || *p == '#' || *p == '=' || *p == '|')
    hit->sep = TRUE, p++;
  else if ((*p == '-' && p[1] == ' ') || (g_str_has_prefix (p, "–") && p[3] == ' '))
    hit->sep = TRUE, p += *p == '-' ? 1 : 3;
  else if (g_ascii_strncasecmp (p, "no", 2) == 0 && (p[2] == '.' || p[2] == ' '))
    hit->sep = TRUE, p += 2 + (p[2] == '.');
  else
    {
      /* "Ссылка на товар продавца:", "Product ID of the reseller:": a few
       * words that qualify the label, then the ":" */
      const char *colon = p;

      while (*colon && *colon != '\n' && *colon != ':' && colon - p < 48 && !g_ascii_isdigit (*colon)
             && !strchr (".,;()", *colon))
        colon++;
      if (*colon == ':' && colon > p)
        hit->sep = TRUE, p = colon + 1;
    }
  p += strspn (p, " \t");
  hit->value = p - w;
}

static gboolean
party_applies (const DeskNoticePartyCue *cue,
               DeskCaseType              case_type)
{
  return cue->when == 0 || (cue->when & (1u << case_type)) != 0;
}

/* A counterparty marker in the label or the words just before it. */
static gboolean
is_counterparty (Reader    *r,
                 const Hit *hit,
                 gsize      clause)
{
  DeskNoticeVocabulary *v = r->text->vocabulary;
  /* The label and the words around it up to its ":" ("Ссылка на товар продавца:"). */
  g_autofree char *words = g_strndup (r->text->window + clause, MAX (hit->value, hit->end) - clause);

  if (g_regex_match (v->own, words, 0, NULL))
    return FALSE;
  for (guint i = 0; i < v->counterparty->len; i++)
    {
      const DeskNoticePartyCue *cue = &g_array_index (v->counterparty, DeskNoticePartyCue, i);

      if (party_applies (cue, r->case_type) && g_regex_match (cue->regex, words, 0, NULL))
        return TRUE;
    }
  return FALSE;
}

static gsize
clause_before (const char *w,
               gsize       from,
               gsize       floor)
{
  gsize p = from;

  while (p > floor && w[p - 1] != '\n' && !strchr (";(", w[p - 1])
         && !(p >= 3 && (guchar)w[p - 3] == 0xE3 && (guchar)w[p - 2] == 0x80 && (guchar)w[p - 1] == 0x82))
    p--;
  return p;
}

static DeskNoticeRole
role_for (Reader    *r,
          const Hit *hit,
          gsize      clause)
{
  if (!is_counterparty (r, hit, clause))
    return hit->role;
  switch (hit->role)
    {
      case DESK_NOTICE_ROLE_PRODUCT:
        return DESK_NOTICE_ROLE_COUNTERPARTY_LISTING;
      case DESK_NOTICE_ROLE_SHOP_ID:
        return DESK_NOTICE_ROLE_COUNTERPARTY_SELLER;
      default:
        return hit->role;
    }
}

/* Ids that need no label: links to product pages, ASINs, AliExpress ids. */
#define BARE_PRODUCT_IDS                               \
  "aliexpress\\.[a-z.]+/item/(\\d{6,20})"              \
  "|shopee\\.[a-z.]+/[^\\s]*?-i\\.\\d+\\.(\\d{6,20})"  \
  "|lazada\\.[a-z.]+/[^\\s]*?-i(\\d{6,20})"            \
  "|tiktok(?:shop)?\\.com/[^\\s]*?product/(\\d{6,20})" \
  "|temu\\.com/[^\\s]*?-g-(\\d{6,20})"                 \
  "|joom\\.com/[^\\s]*?products?/([0-9a-f]{24})"       \
  "|amazon\\.[a-z.]+/(?:[^\\s]*/)?dp/(b0[0-9a-z]{8})"  \
  "|(?<![a-z0-9])(b0[0-9a-z]{8}|1005\\d{12})(?![a-z0-9])"

static gboolean
in_span (Reader *r,
         gsize   pos)
{
  for (guint i = 0; i < r->spans->len; i++)
    {
      const Span *span = &g_array_index (r->spans, Span, i);

      if (pos >= span->start && pos < span->end)
        return TRUE;
    }
  return FALSE;
}

static void
read_bare (Reader *r)
{
  static GRegex *bare_regex;
  GRegex        *regex = once_regex (&bare_regex, BARE_PRODUCT_IDS);
  g_autoptr (GMatchInfo) match = NULL;

  g_regex_match (regex, r->text->window, 0, &match);
  for (int n = 0; g_match_info_matches (match) && n < MAX_PRODUCT_IDS * 4; n++, g_match_info_next (match, NULL))
    {
      for (int group = 1; group < g_match_info_get_match_count (match); group++)
        {
          g_autofree char *id = g_match_info_fetch (match, group);
          int              start, whole;

          if (id == NULL || *id == '\0')
            continue;
          g_match_info_fetch_pos (match, group, &start, NULL);
          g_match_info_fetch_pos (match, 0, &whole, NULL);
          if (!in_span (r, start) && !in_span (r, whole))
            add_field (r, DESK_NOTICE_ROLE_PRODUCT, id, NULL, start);
          break;
        }
    }
}

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *x = a, *y = b;

  return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static const char *
first_value (GPtrArray     *fields,
             DeskNoticeRole role)
{
  for (guint i = 0; i < fields->len; i++)
    {
      DeskNoticeField *field = g_ptr_array_index (fields, i);

      if (field->role == role)
        return field->value;
    }
  return NULL;
}

static char *
bare_code (const char *window)
{
  static GRegex *code_regex;
  GRegex        *regex = once_regex (&code_regex, "(?<![a-z0-9-])((?:ip|li)-\\d{2})(?![a-z0-9-])");
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *code = NULL;

  if (!g_regex_match (regex, window, 0, &match))
    return NULL;
  code = g_match_info_fetch (match, 1);
  return g_ascii_strup (code, -1);
}

DeskNoticeReading *
_desk_notice_read_fields (DeskNoticeText *text,
                          DeskCaseType    case_type)
{
  DeskNoticeReading *reading = g_new0 (DeskNoticeReading, 1);
  g_autoptr (GArray) hits = find_hits (text);
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr (GHashTable) excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) products = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader      r = { text, case_type, reading, spans, excluded, products, found, seen };
  const char *w = text->window;

  reading->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_notice_field_free);
  for (guint i = 0; i < hits->len; i++)
    find_separator (text, &g_array_index (hits, Hit, i));
  /* A value ends at the line's end or at the next label with a separator. */
  for (guint i = 0; i < hits->len; i++)
    {
      Hit  *hit = &g_array_index (hits, Hit, i);
      gsize end = line_end (w, hit->end);

      for (guint j = i + 1; j < hits->len; j++)
        {
          const Hit *next = &g_array_index (hits, Hit, j);

          if (next->start >= end)
            break;
          if (next->sep && next->start >= hit->value)
            {
              end = next->start;
              break;
            }
        }
      hit->stop = MAX (end, hit->value);
    }
  /* Ids and the other party first, so that their values are never products. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < hits->len; i++)
      {
        const Hit     *hit = &g_array_index (hits, Hit, i);
        gsize          floor = i > 0 ? g_array_index (hits, Hit, i - 1).end : 0;
        DeskNoticeRole role = role_for (&r, hit, clause_before (w, hit->start, MIN (floor, hit->start)));

        if ((role == DESK_NOTICE_ROLE_PRODUCT) == (pass == 1))
          read_hit (&r, hit, role);
      }
  read_bare (&r);
  g_array_sort (found, compare_found);
  for (guint i = 0; i < found->len; i++)
    {
      DeskNoticeField *field = g_array_index (found, Found, i).field;

      g_ptr_array_add (reading->fields, field);
      if (field->role == DESK_NOTICE_ROLE_PRODUCT)
        g_strv_builder_add (ids, field->value);
    }
  reading->product_ids = g_strv_builder_end (ids);
  reading->issue_id = g_strdup (first_value (reading->fields, DESK_NOTICE_ROLE_ISSUE_ID));
  reading->case_id = g_strdup (first_value (reading->fields, DESK_NOTICE_ROLE_CASE_ID));
  reading->violation_code = g_strdup (first_value (reading->fields, DESK_NOTICE_ROLE_VIOLATION_CODE));
  if (reading->violation_code == NULL)
    reading->violation_code = bare_code (w);
  return reading;
}

void
_desk_notice_reading_free (DeskNoticeReading *reading)
{
  if (reading == NULL)
    return;
  g_ptr_array_unref (reading->fields);
  g_free (reading->issue_id);
  g_free (reading->case_id);
  g_free (reading->violation_code);
  g_strfreev (reading->product_ids);
  g_free (reading);
}

gboolean
_desk_notice_vocabulary_has_conditional_party (DeskNoticeVocabulary *vocabulary,
                                               DeskCaseType          case_type)
{
  for (guint i = 0; i < vocabulary->counterparty->len; i++)
    {
      const DeskNoticePartyCue *cue = &g_array_index (vocabulary->counterparty, DeskNoticePartyCue, i);

      if (cue->when & (1u << case_type))
        return TRUE;
    }
  return FALSE;
}
