/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <string.h>

#include "desk-notice-private.h"

#define W(x) "(?<![a-z0-9])(?:" x ")(?![a-z0-9])"

/* An id after a label: letters, digits, "-" and "_", at least one digit. */
#define ID_VALUE "\\s*(?:\\([^)\\n]{0,20}\\))?\\s*[:#]?\\s*(?:no\\.\\s*|no\\s+)?" \
                 "((?=[a-z_-]*[0-9])[a-z0-9][a-z0-9_-]{3,63})(?![a-z0-9_-])"

#define ISSUE_LABELS                                                                              \
  W ("issue (?:id|no\\.?|number)|complaint (?:id|no\\.?|number)|notice (?:id|no\\.?|number)"      \
     "|violation (?:id|no\\.?|number)|report (?:id|no\\.?|number)|reference (?:id|no\\.?|number)" \
     "|ref\\.? no\\.?|warning id")                                                                \
  "|投诉\\s*(?:id|编号|单号)|违规\\s*(?:id|编号)|通知\\s*(?:id|编号)|问题\\s*(?:id|编号)|记录编号"

#define CASE_LABELS                                                                                       \
  W ("case (?:id|no\\.?|number|#)|case|ticket (?:id|no\\.?|number|#)|ticket|appeal (?:id|no\\.?|number)") \
  "|案件\\s*(?:id|编号|号)|工单\\s*(?:id|编号|号)|申诉\\s*(?:id|编号|单号)"               \
  "|номер (?:обращения|жалобы|заявки)|обращение"

#define CODE_LABELS                                          \
  W ("violation (?:code|type)|policy code|reason code|code") \
  "|违规(?:类型)?(?:代码|编码)|类型代码"

#define CODE_VALUE "\\s*[:#]?\\s*([a-z]{2,4}-?\\d{2,3})(?![a-z0-9-])"

/* Where product ids follow.  Anything that names a sku may hold letters. */
#define PRODUCT_LABELS                                                                                                         \
  W ("(?:product|item|listing|goods|offer|spu|sku)s? ?(?:ids?|no\\.?|numbers?|#)|skus?|asins?"                                 \
     "|affected (?:products|items|listings|asins|skus)|products? concerned|reported (?:products|items|listings)")              \
  "|(?:涉及|违规|被投诉|相关)?(?:的)?(?:商品|产品|货品)\\s*(?:id|编号|编码|链接)?|sku\\s*(?:id|编码)?" \
  "|(?:id|номер) товара|товары"

/* A field on the same line that is not a product id ends the list. */
#define PRODUCT_STOP                                                                                   \
  W ("case|issue|complaint|ticket|order|deadline|received|date|appeal|brand|reason|store|shop|seller") \
  "|投诉|案件|订单|截止|工单|店铺|原因|品牌|时间"

/* Guards against pasted pages that say "商品" on every line. */
#define MAX_LABELS      200
#define MAX_PRODUCT_IDS 500

static GRegex *
once_regex (GRegex    **slot,
            const char *pattern)
{
  if (g_once_init_enter (slot))
    g_once_init_leave (slot, _desk_notice_regex_new (pattern));
  return *slot;
}

static char *
first_capture (GRegex     *regex,
               const char *window)
{
  g_autoptr (GMatchInfo) match = NULL;

  if (!g_regex_match (regex, window, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

char *
_desk_notice_find_issue_id (const char *window)
{
  static GRegex *regex;

  return first_capture (once_regex (&regex, "(?:" ISSUE_LABELS ")" ID_VALUE), window);
}

char *
_desk_notice_find_case_id (const char *window)
{
  static GRegex *regex;

  return first_capture (once_regex (&regex, "(?:" CASE_LABELS ")" ID_VALUE), window);
}

char *
_desk_notice_find_violation_code (const char *window)
{
  static GRegex   *labelled, *bare;
  g_autofree char *code = NULL;

  code = first_capture (once_regex (&labelled, "(?:" CODE_LABELS ")" CODE_VALUE), window);
  if (code == NULL)
    code = first_capture (once_regex (&bare, "(?<![a-z0-9-])((?:ip|li)-\\d{2})(?![a-z0-9-])"),
                          window);
  if (code == NULL)
    return NULL;
  /* Only Shopee-style "IP-01" codes carry a dash; insert it if it was left out. */
  if (strchr (code, '-') == NULL)
    {
      gsize            letters = strspn (code, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
      g_autofree char *dashed = g_strdup_printf ("%.*s-%s", (int)letters, code, code + letters);

      g_free (g_steal_pointer (&code));
      code = g_steal_pointer (&dashed);
    }
  return g_ascii_strup (code, -1);
}

/* Codes the seeds define (Shopee: IP-01 trademark, LI-03 logistics). */
DeskCaseType
_desk_notice_case_type_for_code (const char *code)
{
  if (code == NULL)
    return DESK_CASE_TYPE_UNKNOWN;
  if (g_str_has_prefix (code, "IP-"))
    return DESK_CASE_TYPE_IP_COMPLAINT;
  if (g_str_has_prefix (code, "LI-"))
    return DESK_CASE_TYPE_STORE_COMPLAINT;
  return DESK_CASE_TYPE_UNKNOWN;
}

static gboolean is_asin (const char *s,
                         gsize       len);

typedef struct
{
  gsize pos;
  char *id;
} Found;

typedef struct
{
  const char *window;
  GArray     *found; /* of Found, in the order the passes find them */
  GHashTable *seen;  /* id → index + 1 in found */
  const char *issue_id;
  const char *case_id;
} Collector;

/* ASINs are upper case whatever the notice wrote.  An id found twice keeps
 * its first position in the text. */
static void
collect (Collector  *c,
         const char *id,
         gsize       pos)
{
  g_autofree char *upper = NULL;
  guint            index;
  Found            found;

  if (is_asin (id, strlen (id)))
    id = upper = g_ascii_strup (id, -1);
  if (g_strcmp0 (id, c->issue_id) == 0 || g_strcmp0 (id, c->case_id) == 0)
    return;
  if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (c->seen, id))) != 0)
    {
      Found *known = &g_array_index (c->found, Found, index - 1);

      known->pos = MIN (known->pos, pos);
      return;
    }
  if (c->found->len >= MAX_PRODUCT_IDS)
    return;
  found.pos = pos;
  found.id = g_strdup (id);
  g_array_append_val (c->found, found);
  g_hash_table_insert (c->seen, found.id, GUINT_TO_POINTER (c->found->len));
}

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

static void
collect_tokens (Collector  *c,
                const char *segment,
                gsize       len,
                gboolean    sku_label)
{
  static GRegex *token_regex;
  g_autoptr (GMatchInfo) match = NULL;
  GRegex *regex = once_regex (&token_regex,
                              "(?<![a-z0-9_.-])(?<!\\d[:/])[a-z0-9][a-z0-9_-]*(?<=[a-z0-9])(?![a-z0-9_]|[-/:.]\\d)");

  g_regex_match_full (regex, segment, len, 0, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      if (token_is_product_id (segment + start, end - start, sku_label))
        {
          g_autofree char *id = g_strndup (segment + start, end - start);

          collect (c, id, segment - c->window + start);
        }
    }
}

static gsize
line_end (const char *text,
          gsize       from)
{
  const char *nl = strchr (text + from, '\n');

  return nl ? (gsize)(nl - text) : strlen (text);
}

/* The rest of the label's line up to the next unrelated field. */
static gsize
segment_end (const char *window,
             gsize       from)
{
  static GRegex *stop_regex;
  g_autoptr (GMatchInfo) match = NULL;
  gsize   end = line_end (window, from);
  GRegex *regex = once_regex (&stop_regex, PRODUCT_STOP);
  int     start;

  if (g_regex_match_full (regex, window, end, from, 0, &match, NULL))
    {
      g_match_info_fetch_pos (match, 0, &start, NULL);
      return start;
    }
  return end;
}

/* A list item under a heading: "- 1005006123456789 (Wireless earbuds)". */
static gboolean
line_starts_with_id (const char *line,
                     gsize       len,
                     gboolean    sku_label)
{
  gsize i = strspn (line, " \t-*•·>");
  gsize n;

  if (i < len && g_ascii_isdigit (line[i]) && i + 2 < len
      && (line[i + 1] == '.' || line[i + 1] == ')') && line[i + 2] == ' ')
    i += 3;
  n = strspn (line + i, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
  return i + n <= len && n > 0 && token_is_product_id (line + i, n, sku_label);
}

static void
collect_after_label (Collector  *c,
                     const char *window,
                     gsize       from,
                     gboolean    sku_label)
{
  gsize end = segment_end (window, from);

  collect_tokens (c, window + from, end - from, sku_label);
  /* Following list lines, up to a blank line or anything else. */
  for (int lines = 0; lines < 200 && window[end] == '\n'; lines++)
    {
      gsize next = end + 1;
      gsize next_end = line_end (window, next);

      if (!line_starts_with_id (window + next, next_end - next, sku_label))
        break;
      end = segment_end (window, next);
      collect_tokens (c, window + next, end - next, sku_label);
      end = next_end;
    }
}

static void
collect_labelled (Collector  *c,
                  const char *window)
{
  static GRegex *label_regex;
  g_autoptr (GMatchInfo) match = NULL;
  GRegex *regex = once_regex (&label_regex, "(" PRODUCT_LABELS ")\\s*(?:\\(s\\))?");

  g_regex_match (regex, window, 0, &match);
  for (int n = 0; n < MAX_LABELS && g_match_info_matches (match); n++, g_match_info_next (match, NULL))
    {
      g_autofree char *label = g_match_info_fetch (match, 1);
      g_autofree char *folded = g_ascii_strdown (label, -1);
      int              end;

      g_match_info_fetch_pos (match, 0, NULL, &end);
      collect_after_label (c, window, end, strstr (folded, "sku") != NULL);
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

static void
collect_bare (Collector  *c,
              const char *window)
{
  static GRegex *bare_regex;
  g_autoptr (GMatchInfo) match = NULL;
  GRegex *regex = once_regex (&bare_regex, BARE_PRODUCT_IDS);

  g_regex_match (regex, window, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      for (int group = 1; group < g_match_info_get_match_count (match); group++)
        {
          g_autofree char *id = g_match_info_fetch (match, group);
          int              start;

          if (id != NULL && *id != '\0')
            {
              g_match_info_fetch_pos (match, group, &start, NULL);
              collect (c, id, start);
              break;
            }
        }
    }
}

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *fa = a, *fb = b;

  return fa->pos < fb->pos ? -1 : fa->pos > fb->pos;
}

GStrv
_desk_notice_find_product_ids (const char *window,
                               const char *issue_id,
                               const char *case_id)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
  Collector c = { window, found, seen, issue_id, case_id };

  collect_labelled (&c, window);
  collect_bare (&c, window);
  g_array_sort (found, compare_found);
  for (guint i = 0; i < found->len; i++)
    g_strv_builder_add (ids, g_array_index (found, Found, i).id);
  for (guint i = 0; i < found->len; i++)
    g_free (g_array_index (found, Found, i).id);
  return g_strv_builder_end (ids);
}
