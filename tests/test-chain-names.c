/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "chain/desk-chain-names.h"

/* The name rules of desk-chain-names.h, one row each. */

typedef struct
{
  const char   *a;
  const char   *b;
  DeskNameMatch expected;
} NamePair;

static const NamePair pairs[] = {
  /* Same: case, spaces, punctuation, full-width, legal form spelling. */
  { "SoundPeak Audio Co., Ltd.", "soundpeak audio co ltd", DESK_NAME_SAME },
  { "SoundPeak Audio Co., Ltd.", "SOUNDPEAK AUDIO COMPANY LIMITED", DESK_NAME_SAME },
  { "SoundPeak Audio Co., Ltd.", "Sound Peak Audio Co. Limited", DESK_NAME_SAME },
  { "SoundPeak Audio Co., Ltd.", "ＳｏｕｎｄＰｅａｋ　Ａｕｄｉｏ　Ｃｏ．，Ｌｔｄ．", DESK_NAME_SAME },
  { "SoundPeak Audio Ltd", "SoundPeak Audio Co., Ltd.", DESK_NAME_SAME },
  { "深圳市声峰科技有限公司", "深圳市声峰科技有限责任公司", DESK_NAME_SAME },
  { "深圳市声峰科技有限公司", "深圳市声峰科技 有限公司", DESK_NAME_SAME },
  { "（深圳）声峰科技有限公司", "(深圳)声峰科技有限公司", DESK_NAME_SAME },
  { "Acme Corp.", "ACME Corporation", DESK_NAME_SAME },
  { "Acme, Inc.", "Acme Incorporated", DESK_NAME_SAME },
  { "Acme Trading Pte. Ltd.", "Acme Trading Private Limited", DESK_NAME_SAME },
  { "ООО «Ромашка»", "ооо ромашка", DESK_NAME_SAME },
  /* Near: another or a missing legal form, a typo, a word more. */
  { "SoundPeak Audio Co., Ltd.", "SoundPeak Audio Inc.", DESK_NAME_NEAR },
  { "SoundPeak Audio Co., Ltd.", "SoundPeak Audio", DESK_NAME_NEAR },
  { "SoundPeak Audio Co., Ltd.", "SoundPeek Audio Co., Ltd.", DESK_NAME_NEAR },
  { "Shenzhen SoundPeak Audio Co., Ltd.", "SoundPeak Audio Co., Ltd.", DESK_NAME_NEAR },
  { "深圳市声峰科技有限公司", "声峰科技有限公司", DESK_NAME_NEAR },
  { "深圳市声峰科技有限公司", "深圳市声峰科技股份有限公司", DESK_NAME_NEAR },
  /* Different: another company, another language without a declared alias. */
  { "SoundPeak Audio Co., Ltd.", "Huasheng Trading Co., Ltd.", DESK_NAME_DIFFERENT },
  { "深圳市声峰科技有限公司", "Shenzhen Shengfeng Technology Co., Ltd.", DESK_NAME_DIFFERENT },
  { "ABC Ltd", "ABD Ltd", DESK_NAME_DIFFERENT },
  { "", "", DESK_NAME_DIFFERENT },
  { "Co., Ltd.", "Company Limited", DESK_NAME_DIFFERENT },
};

static void
test_pair (gconstpointer data)
{
  const NamePair *p = data;

  g_assert_cmpint (desk_chain_names_compare (p->a, p->b), ==, p->expected);
  g_assert_cmpint (desk_chain_names_compare (p->b, p->a), ==, p->expected);
}

static void
test_normalize (void)
{
  g_autofree char *form = NULL;
  g_autofree char *base = desk_chain_name_normalize ("Ｓｏｕｎｄ Peak, Audio Co., Ltd.", &form);
  g_autofree char *form2 = NULL;
  g_autofree char *base2 = desk_chain_name_normalize ("深圳市声峰科技股份有限公司", &form2);

  g_assert_cmpstr (base, ==, "soundpeakaudio");
  g_assert_cmpstr (form, ==, "limited");
  g_assert_cmpstr (base2, ==, "深圳市声峰科技");
  g_assert_cmpstr (form2, ==, "corporation");
}

static void
test_match_any (void)
{
  const char *names[] = { "Huasheng Trading Co., Ltd.", "华声贸易有限公司", NULL };

  g_assert_cmpint (desk_chain_name_match_any ("华声贸易有限公司", names), ==, DESK_NAME_SAME);
  g_assert_cmpint (desk_chain_name_match_any ("Huasheng Tradng Co., Ltd.", names), ==, DESK_NAME_NEAR);
  g_assert_cmpint (desk_chain_name_match_any ("SoundPeak", names), ==, DESK_NAME_DIFFERENT);
  g_assert_cmpint (desk_chain_name_match_any ("SoundPeak", NULL), ==, DESK_NAME_DIFFERENT);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chain-names/pair/%u", i);

      g_test_add_data_func (path, &pairs[i], test_pair);
    }
  g_test_add_func ("/chain-names/normalize", test_normalize);
  g_test_add_func ("/chain-names/match-any", test_match_any);
  return g_test_run ();
}
