/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-chain"

#include "config.h"

#include <string.h>

#include "desk-chain-names.h"

/* The rules are in desk-chain-names.h; tests/test-chain-names.c lists the
 * cases they must keep. */

typedef struct
{
  const char *words; /* space-separated, already folded */
  const char *form;
} LegalForm;

/* Longest first within each class so "co ltd" wins over "ltd". */
static const LegalForm word_forms[] = {
  { "private limited", "private-limited" },
  { "pte ltd", "private-limited" },
  { "pte limited", "private-limited" },
  { "pvt ltd", "private-limited" },
  { "sdn bhd", "private-limited" },
  { "company limited", "limited" },
  { "company ltd", "limited" },
  { "co limited", "limited" },
  { "co ltd", "limited" },
  { "limited", "limited" },
  { "ltd", "limited" },
  { "co inc", "corporation" },
  { "incorporated", "corporation" },
  { "corporation", "corporation" },
  { "corp", "corporation" },
  { "inc", "corporation" },
  { "llc", "llc" },
  { "l l c", "llc" },
  { "gmbh", "gmbh" },
  { "company", "company" },
  { "co", "company" },
};

/* Chinese legal forms are written without a space before them. */
static const LegalForm cjk_forms[] = {
  { "股份有限公司", "corporation" },
  { "有限责任公司", "limited" },
  { "有限公司", "limited" },
  { "公司", "company" },
};

static char *
fold (const char *name)
{
  g_autofree char *nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = NULL;
  GString         *out;

  if (nfkc == NULL) /* not UTF-8: nothing to compare */
    return g_strdup ("");
  folded = g_utf8_casefold (nfkc, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ispunct (c) || g_unichar_isspace (c)
          || g_unichar_type (c) == G_UNICODE_MATH_SYMBOL
          || g_unichar_type (c) == G_UNICODE_OTHER_SYMBOL
          || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL
          || g_unichar_type (c) == G_UNICODE_MODIFIER_SYMBOL)
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static gboolean
strip_word_form (GString     *text,
                 const char **form)
{
  for (guint i = 0; i < G_N_ELEMENTS (word_forms); i++)
    {
      gsize n = strlen (word_forms[i].words);

      if (text->len > n && g_str_has_suffix (text->str, word_forms[i].words)
          && text->str[text->len - n - 1] == ' ')
        {
          g_string_truncate (text, text->len - n - 1);
          *form = word_forms[i].form;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
strip_cjk_form (GString     *text,
                const char **form)
{
  for (guint i = 0; i < G_N_ELEMENTS (cjk_forms); i++)
    {
      gsize n = strlen (cjk_forms[i].words);

      if (text->len > n && g_str_has_suffix (text->str, cjk_forms[i].words))
        {
          g_string_truncate (text, text->len - n);
          while (text->len > 0 && text->str[text->len - 1] == ' ')
            g_string_truncate (text, text->len - 1);
          *form = cjk_forms[i].form;
          return TRUE;
        }
    }
  return FALSE;
}

/* Russian "ООО «Ромашка»" puts the form first. */
static gboolean
strip_leading_form (GString     *text,
                    const char **form)
{
  static const char *const ooo = "ооо "; /* casefolded Cyrillic */

  if (g_str_has_prefix (text->str, ooo) && text->len > strlen (ooo))
    {
      g_string_erase (text, 0, strlen (ooo));
      *form = "ooo";
      return TRUE;
    }
  return FALSE;
}

char *
desk_chain_name_normalize (const char *name,
                           char      **legal_form)
{
  g_autofree char *folded = fold (name ? name : "");
  GString         *text = g_string_new (folded);
  GString         *base = g_string_new (NULL);
  const char      *form = "";

  if (!strip_leading_form (text, &form) && !strip_word_form (text, &form))
    strip_cjk_form (text, &form);
  for (const char *p = text->str; *p; p++)
    if (*p != ' ')
      g_string_append_c (base, *p);
  g_string_free (text, TRUE);
  if (legal_form)
    *legal_form = g_strdup (form);
  return g_string_free (base, FALSE);
}

/* Edit distance on characters, not bytes. */
static guint
distance (const char *a,
          const char *b)
{
  glong                na, nb;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &na);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &nb);
  g_autofree guint    *row = g_new (guint, nb + 1);

  for (glong j = 0; j <= nb; j++)
    row[j] = j;
  for (glong i = 1; i <= na; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (glong j = 1; j <= nb; j++)
        {
          guint up = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          row[j] = MIN (best, diag + (ua[i - 1] != ub[j - 1]));
          diag = up;
        }
    }
  return row[nb];
}

static gboolean
bases_near (const char *a,
            const char *b)
{
  glong la = g_utf8_strlen (a, -1), lb = g_utf8_strlen (b, -1);
  glong shorter = MIN (la, lb);

  if (shorter == 0)
    return FALSE;
  if (shorter >= 6 && (guint)distance (a, b) <= MAX (1, MAX (la, lb) / 8))
    return TRUE;
  /* A word more at either end: "Shenzhen SoundPeak" / "SoundPeak". */
  return shorter >= 3 && (g_str_has_prefix (la > lb ? a : b, la > lb ? b : a) || g_str_has_suffix (la > lb ? a : b, la > lb ? b : a));
}

DeskNameMatch
desk_chain_names_compare (const char *a,
                          const char *b)
{
  g_autofree char *form_a = NULL;
  g_autofree char *form_b = NULL;
  g_autofree char *base_a = desk_chain_name_normalize (a, &form_a);
  g_autofree char *base_b = desk_chain_name_normalize (b, &form_b);

  if (*base_a == '\0' || *base_b == '\0')
    return DESK_NAME_DIFFERENT;
  if (g_str_equal (base_a, base_b))
    return g_str_equal (form_a, form_b) ? DESK_NAME_SAME : DESK_NAME_NEAR;
  return bases_near (base_a, base_b) ? DESK_NAME_NEAR : DESK_NAME_DIFFERENT;
}

DeskNameMatch
desk_chain_name_match_any (const char        *name,
                           const char *const *names)
{
  DeskNameMatch best = DESK_NAME_DIFFERENT;

  for (guint i = 0; names && names[i]; i++)
    best = MAX (best, desk_chain_names_compare (name, names[i]));
  return best;
}
