/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "desk-rule-pack.h"
#include "desk-util.h"

/* The built-in packs (every figure the issue names, every case type
 * somewhere, sources and verify notes everywhere) and the validator (one
 * malformed shape per case, each with its file, JSONPath and expectation). */

static const DeskPlatform all_platforms[] = {
  DESK_PLATFORM_ALIEXPRESS,
  DESK_PLATFORM_SHOPEE,
  DESK_PLATFORM_JOOM,
  DESK_PLATFORM_AMAZON,
  DESK_PLATFORM_TIKTOK_SHOP,
  DESK_PLATFORM_LAZADA,
  DESK_PLATFORM_TEMU,
};

static DeskRulePack *
builtin (DeskPlatform platform)
{
  g_autoptr (GError) error = NULL;
  DeskRulePack *pack = desk_rule_pack_load_builtin (platform, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  return pack;
}

static const DeskCaseRules *
rules_of (DeskRulePack *pack,
          DeskCaseType  type)
{
  const DeskCaseRules *rules = desk_rule_pack_get_case_rules (pack, type);

  g_assert_nonnull (rules);
  return rules;
}

static char *
minimal_json (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rules", "minimal.json", NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static DeskRulePack *
load_text (const char *text,
           GError    **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));

  return desk_rule_pack_new_from_bytes (bytes, "shopee.json", DESK_RULE_PACK_ORIGIN_USER, error);
}

/* Built-in packs */

/* Every source id cited has a title in the pack. */
static void
assert_sources (DeskRulePack *pack,
                const char   *source)
{
  g_auto (GStrv) ids = NULL;

  g_assert_nonnull (source);
  ids = g_strsplit (source, ", ", -1);
  g_assert_nonnull (ids[0]);
  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_nonnull (desk_rule_pack_get_source_title (pack, ids[i], DESK_RULE_LANGUAGE_ZH));
}

static void
assert_figure (DeskRulePack         *pack,
               const DeskRuleFigure *figure)
{
  if (figure == NULL)
    return;
  assert_sources (pack, desk_rule_figure_get_source (figure));
  g_assert_cmpstr (desk_rule_figure_get_verify (figure, DESK_RULE_LANGUAGE_EN), !=, NULL);
  g_assert_cmpstr (desk_rule_figure_get_verify (figure, DESK_RULE_LANGUAGE_ZH), !=, NULL);
  g_assert_cmpstr (desk_rule_figure_get_verify (figure, DESK_RULE_LANGUAGE_EN), !=,
                   desk_rule_figure_get_verify (figure, DESK_RULE_LANGUAGE_ZH));
}

static void
assert_case_rules (DeskRulePack        *pack,
                   const DeskCaseRules *rules)
{
  assert_figure (pack, desk_case_rules_get_deadline (rules));
  assert_figure (pack, desk_case_rules_get_max_attempts (rules));
  assert_figure (pack, desk_case_rules_get_product_cooldown (rules));
  assert_figure (pack, desk_case_rules_get_second_appeal (rules));
  assert_figure (pack, desk_case_rules_get_duplicate_case (rules));
  assert_figure (pack, desk_case_rules_get_char_limit (rules));
  assert_figure (pack, desk_case_rules_get_review_time (rules));
  assert_figure (pack, desk_case_rules_get_letter_rule (rules));
  assert_figure (pack, desk_case_rules_get_submit_rule (rules));
  g_assert_nonnull (desk_case_rules_get_letter_rule (rules));
  g_assert_nonnull (desk_case_rules_get_submit_rule (rules));
  g_assert_cmpuint (desk_case_rules_get_n_submit_steps (rules), >=, 2);
  g_assert_cmpuint (desk_case_rules_get_n_evidence (rules), >=, 2);
  g_assert_nonnull (desk_case_rules_get_letter_languages (rules)[0]);
  for (guint i = 0; i < desk_case_rules_get_n_evidence (rules); i++)
    {
      DeskEvidenceRequirement *req = desk_case_rules_get_evidence (rules, i);

      g_assert_nonnull (desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_EN));
      g_assert_nonnull (desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_ZH));
      g_assert_nonnull (desk_evidence_requirement_get_why (req, DESK_RULE_LANGUAGE_ZH));
      g_assert_nonnull (desk_evidence_requirement_get_formats (req)[0]);
      assert_sources (pack, desk_evidence_requirement_get_source (req));
    }
}

static void
test_builtin_all_load (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_platforms); i++)
    {
      g_autoptr (DeskRulePack) pack = builtin (all_platforms[i]);
      g_autofree char    *label = desk_rule_pack_get_label (pack);
      g_autofree char    *expected = NULL;
      const DeskCaseType *types;
      guint               n = 0;

      g_assert_cmpint (desk_rule_pack_get_platform (pack), ==, all_platforms[i]);
      g_assert_cmpint (desk_rule_pack_get_schema_version (pack), ==, DESK_RULE_PACK_SCHEMA_VERSION);
      g_assert_cmpstr (desk_rule_pack_get_pack_version (pack), ==, "1.0");
      g_assert_cmpstr (desk_rule_pack_get_effective_date (pack), ==, "2026-03-12");
      g_assert_cmpint (desk_rule_pack_get_origin (pack), ==, DESK_RULE_PACK_ORIGIN_BUILTIN);
      expected = g_strdup_printf ("%s rules v1.0 (effective 2026-03-12)",
                                  desk_platform_get_label (all_platforms[i]));
      g_assert_cmpstr (label, ==, expected);

      /* Every platform answers IP complaints and account-health warnings. */
      g_assert_true (desk_rule_pack_lists_case_type (pack, DESK_CASE_TYPE_IP_COMPLAINT));
      g_assert_true (desk_rule_pack_lists_case_type (pack, DESK_CASE_TYPE_ACCOUNT_HEALTH));
      g_assert_false (desk_rule_pack_lists_case_type (pack, DESK_CASE_TYPE_UNKNOWN));

      types = desk_rule_pack_get_case_types (pack, &n);
      g_assert_cmpuint (n, >=, 2);
      for (guint t = 0; t < n; t++)
        {
          if (t > 0)
            g_assert_cmpint (types[t - 1], <, types[t]);
          assert_case_rules (pack, rules_of (pack, types[t]));
        }
    }
}

static void
test_builtin_case_type_coverage (void)
{
  for (int type = DESK_CASE_TYPE_UNKNOWN + 1; type < DESK_N_CASE_TYPES; type++)
    {
      guint listed = 0;

      for (guint i = 0; i < G_N_ELEMENTS (all_platforms); i++)
        {
          g_autoptr (DeskRulePack) pack = builtin (all_platforms[i]);

          listed += desk_rule_pack_lists_case_type (pack, type);
        }
      g_assert_cmpuint (listed, >=, 1);
    }
  {
    g_autoptr (DeskRulePack) ali = builtin (DESK_PLATFORM_ALIEXPRESS);
    g_autoptr (DeskRulePack) shopee = builtin (DESK_PLATFORM_SHOPEE);
    g_autoptr (DeskRulePack) joom = builtin (DESK_PLATFORM_JOOM);

    g_assert_true (desk_rule_pack_lists_case_type (ali, DESK_CASE_TYPE_ACTIVITY_EXIT));
    g_assert_true (desk_rule_pack_lists_case_type (ali, DESK_CASE_TYPE_QUALITY_INSPECTION));
    g_assert_true (desk_rule_pack_lists_case_type (shopee, DESK_CASE_TYPE_STORE_COMPLAINT));
    g_assert_true (desk_rule_pack_lists_case_type (joom, DESK_CASE_TYPE_RESELLER));
    g_assert_false (desk_rule_pack_lists_case_type (joom, DESK_CASE_TYPE_ACTIVITY_EXIT));
  }
}

static void
test_aliexpress_rules (void)
{
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_ALIEXPRESS);
  const DeskCaseType appealable[] = {
    DESK_CASE_TYPE_LISTING_TAKEDOWN,
    DESK_CASE_TYPE_QUALIFICATION_MISSING,
    DESK_CASE_TYPE_QUALITY_INSPECTION,
    DESK_CASE_TYPE_IP_COMPLAINT,
  };
  const DeskCaseRules     *ip = rules_of (pack, DESK_CASE_TYPE_IP_COMPLAINT);
  const DeskCaseRules     *qual = rules_of (pack, DESK_CASE_TYPE_QUALIFICATION_MISSING);
  DeskEvidenceRequirement *cert;

  for (guint i = 0; i < G_N_ELEMENTS (appealable); i++)
    {
      const DeskRuleFigure *max = desk_case_rules_get_max_attempts (rules_of (pack, appealable[i]));

      g_assert_nonnull (max);
      g_assert_cmpfloat (desk_rule_figure_get_value (max), ==, 3);
      g_assert_cmpint (desk_rule_figure_get_severity (max), ==, DESK_RULE_SEVERITY_STOP);
      g_assert_cmpstr (desk_rule_figure_get_source (max), ==, "seed 000");
      g_assert_nonnull (strstr (desk_rule_figure_get_note (max, DESK_RULE_LANGUAGE_ZH), "恶意申诉"));
    }
  g_assert_cmpfloat (desk_rule_figure_get_value (desk_case_rules_get_deadline (ip)), ==, 72);
  g_assert_cmpstr (desk_rule_figure_get_source (desk_case_rules_get_deadline (ip)), ==, "seed 000");
  g_assert_cmpfloat (desk_rule_figure_get_value (desk_case_rules_get_deadline (rules_of (pack, DESK_CASE_TYPE_ACTIVITY_EXIT))), ==, 72);
  g_assert_cmpstr (desk_rule_figure_get_source (desk_case_rules_get_deadline (rules_of (pack, DESK_CASE_TYPE_ACTIVITY_EXIT))), ==, "seed 003");
  g_assert_null (desk_case_rules_get_product_cooldown (ip));
  g_assert_null (desk_case_rules_get_second_appeal (ip));

  g_assert_nonnull (desk_case_rules_find_evidence (ip, "trademark-certificate"));
  g_assert_nonnull (desk_case_rules_find_evidence (ip, "brand-authorization"));
  cert = desk_case_rules_find_evidence (qual, "conformity-certificate");
  g_assert_nonnull (cert);
  g_assert_true (desk_evidence_requirement_get_required (cert));
  g_assert_nonnull (strstr (desk_evidence_requirement_get_pitfall (cert, 0, DESK_RULE_LANGUAGE_EN), "seal"));
  g_assert_nonnull (strstr (desk_evidence_requirement_get_pitfall (cert, 0, DESK_RULE_LANGUAGE_ZH), "骑缝章"));

  /* ip.alibaba.com is where counter-notices go. */
  {
    gboolean found = FALSE;

    for (guint i = 0; i < desk_case_rules_get_n_submit_steps (ip); i++)
      found |= strstr (desk_case_rules_get_submit_step (ip, i, DESK_RULE_LANGUAGE_EN), "ip.alibaba.com") != NULL;
    g_assert_true (found);
  }
}

static void
test_shopee_rules (void)
{
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_SHOPEE);
  const DeskCaseType complaints[] = {
    DESK_CASE_TYPE_IP_COMPLAINT,
    DESK_CASE_TYPE_STORE_COMPLAINT,
    DESK_CASE_TYPE_QUALIFICATION_MISSING,
  };

  for (guint i = 0; i < G_N_ELEMENTS (complaints); i++)
    {
      const DeskCaseRules  *rules = rules_of (pack, complaints[i]);
      const DeskRuleFigure *second = desk_case_rules_get_second_appeal (rules);
      const DeskRuleFigure *review = desk_case_rules_get_review_time (rules);

      g_assert_cmpfloat (desk_rule_figure_get_value (desk_case_rules_get_deadline (rules)), ==, 72);
      g_assert_nonnull (second);
      g_assert_cmpfloat (desk_rule_figure_get_value (second), ==, 15);
      g_assert_cmpstr (desk_case_rules_get_second_appeal_requires (rules), ==, "third-party-test-report");
      g_assert_nonnull (strstr (desk_case_rules_get_second_appeal_requirement (rules, DESK_RULE_LANGUAGE_EN), "SGS"));
      g_assert_nonnull (desk_case_rules_find_evidence (rules, "third-party-test-report"));
      g_assert_cmpfloat (desk_rule_figure_get_value (review), ==, 1.8);
      g_assert_true (desk_case_rules_get_review_in_working_days (rules));
      g_assert_nonnull (desk_case_rules_find_evidence (rules, "appeal-form"));
    }
  {
    const DeskCaseRules     *ip = rules_of (pack, DESK_CASE_TYPE_IP_COMPLAINT);
    DeskEvidenceRequirement *auth = desk_case_rules_find_evidence (ip, "brand-authorization");
    DeskEvidenceRequirement *invoice = desk_case_rules_find_evidence (ip, "purchase-invoice");
    gboolean                 pdf = FALSE, hs = FALSE;

    for (guint i = 0; i < desk_evidence_requirement_get_n_pitfalls (auth); i++)
      pdf |= strstr (desk_evidence_requirement_get_pitfall (auth, i, DESK_RULE_LANGUAGE_EN), "PDF scan") != NULL;
    for (guint i = 0; i < desk_evidence_requirement_get_n_pitfalls (invoice); i++)
      hs |= strstr (desk_evidence_requirement_get_pitfall (invoice, i, DESK_RULE_LANGUAGE_EN), "HS code") != NULL;
    g_assert_true (pdf);
    g_assert_true (hs);
  }
  /* Shopee Malaysia account issues: Malay + English. */
  g_assert_true (g_strv_contains (desk_case_rules_get_letter_languages (rules_of (pack, DESK_CASE_TYPE_ACCOUNT_HEALTH)), "ms"));
  g_assert_cmpstr (desk_rule_pack_get_term (pack, DESK_CASE_TYPE_IP_COMPLAINT, "violation-code-trademark", DESK_RULE_LANGUAGE_EN), ==, "IP-01");
}

static void
test_joom_rules (void)
{
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_JOOM);
  const DeskCaseRules     *reseller = rules_of (pack, DESK_CASE_TYPE_RESELLER);
  const DeskRuleFigure    *cooldown = desk_case_rules_get_product_cooldown (reseller);
  const DeskRuleFigure    *review = desk_case_rules_get_review_time (reseller);
  const char *const       *languages = desk_case_rules_get_letter_languages (reseller);
  DeskEvidenceRequirement *auth = desk_case_rules_find_evidence (reseller, "brand-authorization");
  const char *const        ids[] = {
           "first-listing-screenshot",
           "packaging-photos-six-sides",
           "brand-authorization",
           "serial-number-closeups",
           "purchase-contract",
           "logistics-bill",
           "factory-authorization",
  };

  g_assert_nonnull (cooldown);
  g_assert_cmpfloat (desk_rule_figure_get_value (cooldown), ==, 72);
  g_assert_cmpstr (desk_rule_figure_get_source (cooldown), ==, "seed 004");
  g_assert_nonnull (desk_case_rules_get_duplicate_case (reseller));
  g_assert_cmpint (desk_rule_figure_get_severity (desk_case_rules_get_duplicate_case (reseller)), ==, DESK_RULE_SEVERITY_WARN);
  g_assert_null (desk_case_rules_get_deadline (reseller));
  g_assert_cmpfloat (desk_rule_figure_get_value (review), ==, 3);
  g_assert_cmpfloat (desk_rule_figure_get_max (review), ==, 14);
  g_assert_cmpstr (languages[0], ==, "ru");
  g_assert_cmpstr (languages[1], ==, "en");
  g_assert_null (languages[2]);
  g_assert_nonnull (strstr (desk_evidence_requirement_get_pitfall (auth, 0, DESK_RULE_LANGUAGE_EN), "Joom platform sales right"));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (desk_case_rules_find_evidence (reseller, ids[i]));
  g_assert_cmpstr (desk_rule_pack_get_term (pack, DESK_CASE_TYPE_RESELLER, "listing-content-misuse", DESK_RULE_LANGUAGE_EN),
                   ==, "unauthorized use of listing content");
}

static void
test_char_limits_and_review_times (void)
{
  g_autoptr (DeskRulePack) amazon = builtin (DESK_PLATFORM_AMAZON);
  g_autoptr (DeskRulePack) tiktok = builtin (DESK_PLATFORM_TIKTOK_SHOP);
  g_autoptr (DeskRulePack) lazada = builtin (DESK_PLATFORM_LAZADA);
  g_autoptr (DeskRulePack) ali = builtin (DESK_PLATFORM_ALIEXPRESS);
  const DeskCaseRules *health = rules_of (amazon, DESK_CASE_TYPE_ACCOUNT_HEALTH);
  guint                n = 0;
  const DeskCaseType  *types = desk_rule_pack_get_case_types (amazon, &n);

  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (desk_rule_pack_get_char_limit (amazon, types[i]), ==, 2000);
  types = desk_rule_pack_get_case_types (tiktok, &n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (desk_rule_pack_get_char_limit (tiktok, types[i]), ==, 500);
  g_assert_cmpuint (desk_rule_pack_get_char_limit (ali, DESK_CASE_TYPE_IP_COMPLAINT), ==, 0);
  g_assert_cmpuint (desk_rule_pack_get_char_limit (ali, DESK_CASE_TYPE_RESELLER), ==, 0);
  g_assert_cmpstr (desk_rule_figure_get_source (desk_case_rules_get_char_limit (health)), ==, "seed 002");

  g_assert_cmpfloat (desk_rule_figure_get_value (desk_case_rules_get_deadline (health)), ==, 72);
  g_assert_cmpstr (desk_rule_figure_get_source (desk_case_rules_get_deadline (health)), ==, "seed 002");
  g_assert_cmpfloat (desk_rule_figure_get_value (desk_case_rules_get_review_time (rules_of (lazada, DESK_CASE_TYPE_IP_COMPLAINT))), ==, 3.2);
  g_assert_cmpfloat (desk_rule_figure_get_value (desk_case_rules_get_review_time (rules_of (tiktok, DESK_CASE_TYPE_ACCOUNT_HEALTH))), ==, 4.5);
}

static void
test_general_defaults_are_marked (void)
{
  g_autoptr (DeskRulePack) temu = builtin (DESK_PLATFORM_TEMU);
  const DeskRuleFigure *deadline = desk_case_rules_get_deadline (rules_of (temu, DESK_CASE_TYPE_IP_COMPLAINT));

  /* No seed gives Temu a deadline: the default says so. */
  g_assert_cmpstr (desk_rule_figure_get_source (deadline), ==, "general practice (no seed)");
  g_assert_nonnull (strstr (desk_rule_figure_get_verify (deadline, DESK_RULE_LANGUAGE_EN), "placeholder"));
}

static void
test_terminology (void)
{
  g_autoptr (DeskRulePack) amazon = builtin (DESK_PLATFORM_AMAZON);
  g_autoptr (DeskRulePack) temu = builtin (DESK_PLATFORM_TEMU);
  g_autoptr (DeskRulePack) ali = builtin (DESK_PLATFORM_ALIEXPRESS);
  g_auto (GStrv) ip_terms = desk_rule_pack_list_terms (ali, DESK_CASE_TYPE_IP_COMPLAINT);
  g_auto (GStrv) takedown_terms = desk_rule_pack_list_terms (ali, DESK_CASE_TYPE_LISTING_TAKEDOWN);

  g_assert_cmpstr (desk_rule_pack_get_term (amazon, DESK_CASE_TYPE_IP_COMPLAINT, "counterfeit-complaint", DESK_RULE_LANGUAGE_EN), ==, "Counterfeit Notice");
  g_assert_cmpstr (desk_rule_pack_get_term (temu, DESK_CASE_TYPE_IP_COMPLAINT, "counterfeit-complaint", DESK_RULE_LANGUAGE_EN), ==, "Authenticity Issue");
  g_assert_cmpstr (desk_rule_pack_get_term_source (temu, DESK_CASE_TYPE_IP_COMPLAINT, "counterfeit-complaint"), ==, "seed 002");
  g_assert_null (desk_rule_pack_get_term (temu, DESK_CASE_TYPE_IP_COMPLAINT, "no-such-term", DESK_RULE_LANGUAGE_EN));
  /* Case-type terms add to the pack-wide ones, sorted. */
  g_assert_true (g_strv_contains ((const char *const *)ip_terms, "counter-notice"));
  g_assert_true (g_strv_contains ((const char *const *)ip_terms, "appeal-deadline"));
  g_assert_false (g_strv_contains ((const char *const *)takedown_terms, "counter-notice"));
  for (guint i = 1; ip_terms[i] != NULL; i++)
    g_assert_cmpint (strcmp (ip_terms[i - 1], ip_terms[i]), <, 0);
  g_assert_null (desk_rule_pack_get_term (ali, DESK_CASE_TYPE_LISTING_TAKEDOWN, "counter-notice", DESK_RULE_LANGUAGE_EN));
}

/* API behaviour on the minimal fixture */

static guint
pack_index (const DeskCaseRules     *rules,
            DeskEvidenceRequirement *req)
{
  for (guint j = 0; j < desk_case_rules_get_n_evidence (rules); j++)
    if (desk_case_rules_get_evidence (rules, j) == req)
      return j;
  g_assert_not_reached ();
}

static void
test_evidence_order (void)
{
  g_autoptr (DeskRulePack) pack = builtin (DESK_PLATFORM_ALIEXPRESS);
  const DeskCaseRules *rules = rules_of (pack, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (GPtrArray) items = desk_rule_pack_get_evidence_items (pack, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (GPtrArray) none = desk_rule_pack_get_evidence_items (pack, DESK_CASE_TYPE_RESELLER);
  DeskEvidenceRequirement *first;
  guint                    n_required = 0;

  g_assert_cmpuint (items->len, ==, desk_case_rules_get_n_evidence (rules));
  g_assert_cmpuint (none->len, ==, 0);
  for (guint i = 0; i < items->len; i++)
    {
      DeskEvidenceRequirement *req = g_ptr_array_index (items, i);
      gboolean                 required = desk_evidence_requirement_get_required (req);

      if (required)
        {
          /* Required items come first. */
          g_assert_cmpuint (i, ==, n_required);
          n_required++;
        }
      /* Pack order is kept within each group. */
      if (i > 0 && required == desk_evidence_requirement_get_required (g_ptr_array_index (items, i - 1)))
        g_assert_cmpuint (pack_index (rules, g_ptr_array_index (items, i - 1)), <, pack_index (rules, req));
    }
  g_assert_cmpuint (n_required, >=, 2);
  g_assert_cmpuint (n_required, <, items->len);
  g_assert_cmpstr (desk_evidence_requirement_get_id (g_ptr_array_index (items, 0)), ==, "platform-notice");

  /* References outlive the pack. */
  first = desk_evidence_requirement_ref (g_ptr_array_index (items, 0));
  g_clear_object (&pack);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_cmpstr (desk_evidence_requirement_get_id (first), ==, "platform-notice");
  desk_evidence_requirement_unref (first);
}

static void
test_compute_deadline (void)
{
  g_autoptr (DeskRulePack) shopee = builtin (DESK_PLATFORM_SHOPEE);
  g_autoptr (DeskRulePack) joom = builtin (DESK_PLATFORM_JOOM);
  g_autoptr (GDateTime) received = g_date_time_new_utc (2026, 3, 12, 9, 30, 0);
  g_autoptr (GDateTime) deadline = desk_rule_pack_compute_deadline (shopee, DESK_CASE_TYPE_STORE_COMPLAINT, received);
  g_autoptr (GDateTime) none = desk_rule_pack_compute_deadline (joom, DESK_CASE_TYPE_RESELLER, received);
  g_autoptr (GDateTime) unlisted = desk_rule_pack_compute_deadline (shopee, DESK_CASE_TYPE_ACTIVITY_EXIT, received);
  g_autofree char *text = desk_time_to_iso8601 (deadline);

  g_assert_cmpstr (text, ==, "2026-03-15T09:30:00Z");
  g_assert_null (none);
  g_assert_null (unlisted);
}

static void
test_languages (void)
{
  g_autofree char *json = minimal_json ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskRulePack) pack = load_text (json, &error);
  const DeskCaseRules     *rules;
  DeskEvidenceRequirement *req;
  g_autofree char         *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_assert_no_error (error);
  rules = rules_of (pack, DESK_CASE_TYPE_IP_COMPLAINT);
  req = desk_case_rules_get_evidence (rules, 0);
  g_assert_cmpstr (desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_EN), ==, "Trademark certificate");
  g_assert_cmpstr (desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_ZH), ==, "商标注册证");

  g_setenv ("LANGUAGE", "zh_CN:en", TRUE);
  g_assert_cmpint (desk_rule_language_get_current (), ==, DESK_RULE_LANGUAGE_ZH);
  g_assert_cmpstr (desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_CURRENT), ==, "商标注册证");
  g_assert_cmpstr (desk_case_rules_get_submit_step (rules, 0, DESK_RULE_LANGUAGE_CURRENT), ==, "打开卖家中心。");
  g_setenv ("LANGUAGE", "de_DE", TRUE);
  g_assert_cmpint (desk_rule_language_get_current (), ==, DESK_RULE_LANGUAGE_EN);
  g_assert_cmpstr (desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_CURRENT), ==, "Trademark certificate");
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_minimal_accessors (void)
{
  g_autofree char *json = minimal_json ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskRulePack) pack = load_text (json, &error);
  const DeskCaseRules     *rules;
  DeskEvidenceRequirement *req;
  g_autofree char         *label = NULL;
  g_autofree char         *citation = NULL;

  g_assert_no_error (error);
  rules = rules_of (pack, DESK_CASE_TYPE_IP_COMPLAINT);
  label = desk_rule_pack_get_label (pack);
  g_assert_cmpstr (label, ==, "Shopee rules v1.0 (your pack, effective 2026-03-12)");
  g_assert_cmpstr (desk_rule_pack_get_file_name (pack), ==, "shopee.json");

  req = desk_case_rules_find_evidence (rules, "trademark-certificate");
  g_assert_true (desk_evidence_requirement_accepts_format (req, "/tmp/scan.PDF"));
  g_assert_true (desk_evidence_requirement_accepts_format (req, "photo.jpeg"));
  g_assert_false (desk_evidence_requirement_accepts_format (req, "photo.png"));
  g_assert_false (desk_evidence_requirement_accepts_format (req, "no-extension"));
  g_assert_cmpuint (desk_evidence_requirement_get_n_pitfalls (req), ==, 1);
  g_assert_null (desk_evidence_requirement_get_pitfall (req, 1, DESK_RULE_LANGUAGE_EN));
  g_assert_null (desk_case_rules_find_evidence (rules, "nope"));

  g_assert_cmpint (desk_rule_figure_get_severity (desk_case_rules_get_max_attempts (rules)), ==, DESK_RULE_SEVERITY_WARN);
  g_assert_cmpint (desk_rule_figure_get_severity (desk_case_rules_get_second_appeal (rules)), ==, DESK_RULE_SEVERITY_STOP);
  g_assert_null (desk_rule_figure_get_note (desk_case_rules_get_deadline (rules), DESK_RULE_LANGUAGE_EN));
  g_assert_cmpfloat (desk_rule_figure_get_max (desk_case_rules_get_review_time (rules)), ==, 1.8);
  g_assert_cmpstr (desk_case_rules_get_review_time_text (rules, DESK_RULE_LANGUAGE_EN), ==, "about 1.8 working days");
  g_assert_cmpuint (desk_case_rules_get_n_letter_notes (rules), ==, 0);

  citation = desk_rule_pack_format_citation (pack, desk_case_rules_get_deadline (rules));
  g_assert_cmpstr (citation, ==, "Source: “Test article”, in Shopee rules v1.0 (your pack, effective 2026-03-12). Verify the deadline.");
}

static void
test_compare_versions (void)
{
  g_assert_cmpint (desk_rule_pack_compare_versions ("1.10", "1.9"), >, 0);
  g_assert_cmpint (desk_rule_pack_compare_versions ("1.9", "1.10"), <, 0);
  g_assert_cmpint (desk_rule_pack_compare_versions ("1", "1.0"), ==, 0);
  g_assert_cmpint (desk_rule_pack_compare_versions ("1.0.1", "1.0"), >, 0);
  g_assert_cmpint (desk_rule_pack_compare_versions ("2.0", "10.0"), <, 0);
  g_assert_cmpint (desk_rule_pack_compare_versions ("1.x", "1"), ==, 0);
}

/* Malformed packs: each replaces one piece of the minimal fixture. */

typedef struct
{
  const char *name;
  const char *from; /* NULL: the whole file becomes @to */
  const char *to;
  int         code;
  const char *message;  /* expected substring */
  const char *message2; /* another one, or NULL */
} Malformed;

static const Malformed malformed[] = {
  { "not-json", NULL, "{ \"schema_version\": 1,", DESK_RULE_PACK_ERROR_NOT_JSON,
    "shopee.json: not valid JSON", NULL },
  { "empty-file", NULL, "", DESK_RULE_PACK_ERROR_NOT_JSON, "shopee.json: the file is empty", NULL },
  { "blank-file", NULL, "  \n\t\n", DESK_RULE_PACK_ERROR_NOT_JSON, "shopee.json: the file is empty", NULL },
  { "long-value", "\"platform\": \"shopee\"", "\"platform\": \"shopee-malaysia-singapore-thailand-vietnam-philippines\"",
    DESK_RULE_PACK_ERROR_INVALID, "found string “shopee-malaysia-singapore-thailand-vietn…”", NULL },
  { "not-utf8", NULL, "{\"a\": \"\xff\"}", DESK_RULE_PACK_ERROR_NOT_JSON, "shopee.json: not UTF-8", NULL },
  { "root-array", NULL, "[1, 2]", DESK_RULE_PACK_ERROR_INVALID,
    "shopee.json: at “the top level”: expected an object, found array", NULL },
  { "missing-schema-version", "\"schema_version\": 1,", "", DESK_RULE_PACK_ERROR_INVALID,
    "shopee.json: at “schema_version”: expected a positive integer, found nothing", NULL },
  { "newer-schema-version", "\"schema_version\": 1", "\"schema_version\": 3, \"future\": true",
    DESK_RULE_PACK_ERROR_SCHEMA_TOO_NEW, "shopee.json: at “schema_version”:", "schema version 3" },
  /* Schema 2: the notice decoder's cues ($.notice). */
  { "notice-in-v1", "\"case_types\": {", "\"notice\": {\"names\": [\"shopee\"]}, \"case_types\": {",
    DESK_RULE_PACK_ERROR_INVALID, "at “notice”: expected no “notice” member in a schema version 1 pack", "set schema_version to 2" },
  { "notice-bad-cue", "\"schema_version\": 1,", "\"schema_version\": 2, \"notice\": {\"names\": [\"shopee(\"]},",
    DESK_RULE_PACK_ERROR_INVALID, "at “notice › names › item 1”: expected a valid search pattern, found “shopee(”", NULL },
  { "notice-no-names", "\"schema_version\": 1,", "\"schema_version\": 2, \"notice\": {\"domains\": [\"x\\\\.com\"]},",
    DESK_RULE_PACK_ERROR_INVALID, "at “notice › names”: expected a non-empty array, found nothing", NULL },
  { "notice-bad-weight", "\"schema_version\": 1,", "\"schema_version\": 2, \"notice\": {\"names\": [\"x\"], \"terms\": [{\"cue\": \"y\", \"weight\": 0}]},",
    DESK_RULE_PACK_ERROR_INVALID, "at “notice › terms › item 1 › weight”: expected a positive number", NULL },
  { "notice-bad-case-type", "\"schema_version\": 1,", "\"schema_version\": 2, \"notice\": {\"names\": [\"x\"], \"case_types\": {\"refund\": []}},",
    DESK_RULE_PACK_ERROR_INVALID, "at “notice › case_types › refund”: expected a case type id", NULL },
  { "string-schema-version", "\"schema_version\": 1", "\"schema_version\": \"1\"", DESK_RULE_PACK_ERROR_INVALID,
    "at “schema_version”: expected a positive integer, found string “1”", NULL },
  { "unknown-platform", "\"platform\": \"shopee\"", "\"platform\": \"ebay\"", DESK_RULE_PACK_ERROR_INVALID,
    "at “platform”: expected a platform id (aliexpress, shopee, joom, amazon, tiktok-shop, lazada, temu), found string “ebay”", NULL },
  /* "platform_label": en and zh, then names under language codes. */
  { "label-bad-language", "\"platform\": \"shopee\"",
    "\"platform\": \"shopee\", \"platform_label\": {\"en\": \"Shopee\", \"zh\": \"Shopee\", \"Malay\": \"Shopee\"}",
    DESK_RULE_PACK_ERROR_INVALID, "platform_label", "found unknown member “Malay”" },
  { "label-empty-name", "\"platform\": \"shopee\"",
    "\"platform\": \"shopee\", \"platform_label\": {\"en\": \"Shopee\", \"zh\": \"Shopee\", \"ms\": \"\"}",
    DESK_RULE_PACK_ERROR_INVALID, "ms”: expected a non-empty string, found string “”", NULL },
  { "label-missing-zh", "\"platform\": \"shopee\"",
    "\"platform\": \"shopee\", \"platform_label\": {\"en\": \"Shopee\", \"ms\": \"Shopee\"}",
    DESK_RULE_PACK_ERROR_INVALID, "zh”: expected a non-empty string, found nothing", NULL },
  { "unknown-case-type", "\"ip-complaint\": {", "\"returns\": {", DESK_RULE_PACK_ERROR_INVALID,
    "at “case_types › returns”: expected a case type id (listing-takedown,", "found unknown id “returns”" },
  { "hours-string", "\"hours\": 72", "\"hours\": \"72\"", DESK_RULE_PACK_ERROR_INVALID,
    "shopee.json: at “case_types › ip-complaint › deadline › hours”: expected a positive integer, found string “72”", NULL },
  { "hours-negative", "\"hours\": 72", "\"hours\": -5", DESK_RULE_PACK_ERROR_INVALID,
    "at “case_types › ip-complaint › deadline › hours”: expected a positive integer, found number -5", NULL },
  { "hours-fraction", "\"hours\": 72", "\"hours\": 72.5", DESK_RULE_PACK_ERROR_INVALID,
    "at “case_types › ip-complaint › deadline › hours”: expected a positive integer, found number 72.5", NULL },
  { "hours-zero", "\"hours\": 72", "\"hours\": 0", DESK_RULE_PACK_ERROR_INVALID,
    "deadline › hours”: expected a positive integer, found number 0", NULL },
  { "missing-en-label", "\"label\": { \"en\": \"Trademark certificate\", \"zh\": \"商标注册证\" }",
    "\"label\": { \"zh\": \"商标注册证\" }", DESK_RULE_PACK_ERROR_INVALID,
    "at “case_types › ip-complaint › evidence › item 1 › label › en”: expected a non-empty string, found nothing", NULL },
  { "missing-zh-label", "\"label\": { \"en\": \"Trademark certificate\", \"zh\": \"商标注册证\" }",
    "\"label\": { \"en\": \"Trademark certificate\" }", DESK_RULE_PACK_ERROR_INVALID,
    "at “case_types › ip-complaint › evidence › item 1 › label › zh”: expected a non-empty string, found nothing", NULL },
  { "label-string", "\"label\": { \"en\": \"Trademark certificate\", \"zh\": \"商标注册证\" }",
    "\"label\": \"Trademark certificate\"", DESK_RULE_PACK_ERROR_INVALID,
    "evidence › item 1 › label”: expected an object, found string “Trademark certificate”", NULL },
  { "empty-evidence-id", "\"id\": \"trademark-certificate\"", "\"id\": \"\"", DESK_RULE_PACK_ERROR_INVALID,
    "at “case_types › ip-complaint › evidence › item 1 › id”: expected a non-empty kebab-case id", "found string “”" },
  { "bad-evidence-id", "\"id\": \"trademark-certificate\"", "\"id\": \"Trademark Certificate\"", DESK_RULE_PACK_ERROR_INVALID,
    "evidence › item 1 › id”: expected a non-empty kebab-case id", "found string “Trademark Certificate”" },
  { "duplicate-evidence-id", "\"id\": \"third-party-test-report\"", "\"id\": \"trademark-certificate\"",
    DESK_RULE_PACK_ERROR_INVALID,
    "at “case_types › ip-complaint › evidence › item 2 › id”: expected an id not used by another evidence item of this case type",
    "“trademark-certificate”, already used at item 1" },
  { "bad-effective-date", "\"effective_date\": \"2026-03-12\"", "\"effective_date\": \"2026-02-30\"",
    DESK_RULE_PACK_ERROR_INVALID, "at “effective_date”: expected a date as YYYY-MM-DD, found string “2026-02-30”", NULL },
  { "effective-date-format", "\"effective_date\": \"2026-03-12\"", "\"effective_date\": \"12.03.2026\"",
    DESK_RULE_PACK_ERROR_INVALID, "at “effective_date”: expected a date as YYYY-MM-DD, found string “12.03.2026”", NULL },
  { "bad-pack-version", "\"pack_version\": \"1.0\"", "\"pack_version\": \"v1\"", DESK_RULE_PACK_ERROR_INVALID,
    "at “pack_version”: expected a version such as “1.0”", NULL },
  { "unknown-member", "\"required\": true", "\"requird\": true", DESK_RULE_PACK_ERROR_INVALID,
    "at “case_types › ip-complaint › evidence › item 1 › requird”: expected only the members id, required,", "found unknown member “requird”" },
  { "required-not-bool", "\"required\": true", "\"required\": \"yes\"", DESK_RULE_PACK_ERROR_INVALID,
    "evidence › item 1 › required”: expected true or false, found string “yes”", NULL },
  { "unlisted-source", "\"hours\": 72, \"source\": \"seed 001\"", "\"hours\": 72, \"source\": \"seed 009\"",
    DESK_RULE_PACK_ERROR_INVALID, "deadline › source”: expected a source id listed in “sources”, found string “seed 009”", NULL },
  { "missing-verify", "\"hours\": 72, \"source\": \"seed 001\", \"verify\": { \"en\": \"Verify the deadline.\", \"zh\": \"请核实截止时间。\" }",
    "\"hours\": 72, \"source\": \"seed 001\"", DESK_RULE_PACK_ERROR_INVALID,
    "deadline › verify”: expected an object, found nothing", NULL },
  { "requires-unknown-evidence", "\"requires\": \"third-party-test-report\"", "\"requires\": \"sgs-report\"",
    DESK_RULE_PACK_ERROR_INVALID,
    "appeal_limits › second_appeal › requires”: expected the id of an evidence item of this case type, found string “sgs-report”", NULL },
  { "bad-severity", "\"severity\": \"warn\"", "\"severity\": \"block\"", DESK_RULE_PACK_ERROR_INVALID,
    "appeal_limits › max_attempts › severity”: expected “warn” or “stop”", NULL },
  { "empty-formats", "\"formats\": [\"pdf\", \"jpg\"]", "\"formats\": []", DESK_RULE_PACK_ERROR_INVALID,
    "evidence › item 1 › formats”: expected a non-empty array, found an empty array", NULL },
  { "bad-format", "\"formats\": [\"pdf\", \"jpg\"]", "\"formats\": [\"pdf\", \".JPG\"]", DESK_RULE_PACK_ERROR_INVALID,
    "evidence › item 1 › formats › item 2”: expected a lower-case file extension", NULL },
  { "bad-language", "\"languages\": [\"en\"]", "\"languages\": [\"English\"]", DESK_RULE_PACK_ERROR_INVALID,
    "letter › languages › item 1”: expected a language code", NULL },
  { "review-max-below-min", "\"days_min\": 1.8,", "\"days_min\": 1.8, \"days_max\": 1,", DESK_RULE_PACK_ERROR_INVALID,
    "review_time › days_max”: expected a number not below days_min, found number 1", NULL },
  { "typo-member", "\"evidence\": [", "\"evidence_\": [", DESK_RULE_PACK_ERROR_INVALID,
    "at “case_types › ip-complaint › evidence_”: expected only the members", NULL },
  { "missing-evidence", "\"ip-complaint\": {", "\"ip-complaint\": {}, \"x\": {", DESK_RULE_PACK_ERROR_INVALID,
    "at “case_types › ip-complaint › evidence”: expected a non-empty array, found nothing", NULL },
  { "bad-term-id", "\"appeal-form\": {", "\"Appeal Form\": {", DESK_RULE_PACK_ERROR_INVALID,
    "at “terminology › Appeal Form”: expected a non-empty kebab-case id", NULL },
  /* json-glib keeps strings as C strings: the label would end at “Trade”. */
  { "nul-in-label", "\"en\": \"Trademark certificate\"", "\"en\": \"Trade\\u0000mark certificate\"",
    DESK_RULE_PACK_ERROR_NOT_JSON, "shopee.json: line ", "holds an invisible “NUL” character" },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autofree char *json = minimal_json ();
  g_autoptr (GString) text = g_string_new (json);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskRulePack) pack = NULL;

  if (m->from == NULL)
    g_string_assign (text, m->to);
  else
    g_assert_cmpuint (g_string_replace (text, m->from, m->to, 1), ==, 1);
  pack = load_text (text->str, &error);
  g_assert_null (pack);
  g_assert_error (error, DESK_RULE_PACK_ERROR, m->code);
  if (strstr (error->message, m->message) == NULL || (m->message2 != NULL && strstr (error->message, m->message2) == NULL))
    g_error ("%s: unexpected message: %s", m->name, error->message);
  /* Sellers are told where in the file in words, never with a JSONPath. */
  g_assert_null (strstr (error->message, "$."));
  g_assert_null (strstr (error->message, "at $"));
}

/* json-glib 1.6 parses recursively: 100 000 levels overflowed the stack
 * (every "new" and "checklist" crashed). Refused before parsing now. */
static void
test_deep_nesting (void)
{
  g_autoptr (GString) text = g_string_new ("{\"schema_version\": 1, \"x\": ");
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskRulePack) pack = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, i % 2 ? '{' : '[');
  pack = load_text (text->str, &error);
  g_assert_null (pack);
  g_assert_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "nested more than"));
}

static void
test_too_large (void)
{
  g_autofree char *json = minimal_json ();
  g_autoptr (GString) text = g_string_new (json);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskRulePack) pack = NULL;

  while (text->len <= DESK_RULE_PACK_MAX_SIZE)
    g_string_append (text, "                                                                \n");
  pack = load_text (text->str, &error);
  g_assert_null (pack);
  g_assert_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "too large"));
}

static void
test_minimal_is_valid (void)
{
  g_autofree char *json = minimal_json ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskRulePack) pack = load_text (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);
}

/* Schema 1 packs are still read; a schema 2 pack may carry notice cues. */
static void
test_v1_and_v2_notice (void)
{
  g_autofree char *json = minimal_json ();
  g_autoptr (GString) text = g_string_new (json);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskRulePack) v1 = load_text (json, &error);
  g_autoptr (DeskRulePack) v2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (desk_rule_pack_get_schema_version (v1), ==, 1);
  g_string_replace (text, "\"schema_version\": 1,",
                    "\"schema_version\": 2, \"notice\": {\"names\": [\"shopee\", \"虾皮\"],"
                    " \"domains\": [\"seller\\\\.shopee\\\\.sg\"], \"terms\": [{\"cue\": \"penalty points?\", \"weight\": 1}],"
                    " \"case_types\": {\"ip-complaint\": [{\"cue\": \"ip-0\\\\d\", \"weight\": 2}]}},",
                    1);
  v2 = load_text (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_rule_pack_get_schema_version (v2), ==, 2);
}

static void
test_from_file_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) missing = g_file_new_for_path ("/nonexistent/appeal-desk/shopee.json");
  g_autoptr (DeskRulePack) pack = desk_rule_pack_new_from_file (missing, NULL, &error);

  g_assert_null (pack);
  g_assert_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/appeal-desk/shopee.json"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rule-pack/builtin/all-load", test_builtin_all_load);
  g_test_add_func ("/rule-pack/builtin/case-type-coverage", test_builtin_case_type_coverage);
  g_test_add_func ("/rule-pack/builtin/aliexpress", test_aliexpress_rules);
  g_test_add_func ("/rule-pack/builtin/shopee", test_shopee_rules);
  g_test_add_func ("/rule-pack/builtin/joom", test_joom_rules);
  g_test_add_func ("/rule-pack/builtin/char-limits-review-times", test_char_limits_and_review_times);
  g_test_add_func ("/rule-pack/builtin/general-defaults", test_general_defaults_are_marked);
  g_test_add_func ("/rule-pack/builtin/terminology", test_terminology);
  g_test_add_func ("/rule-pack/evidence-order", test_evidence_order);
  g_test_add_func ("/rule-pack/compute-deadline", test_compute_deadline);
  g_test_add_func ("/rule-pack/languages", test_languages);
  g_test_add_func ("/rule-pack/minimal-accessors", test_minimal_accessors);
  g_test_add_func ("/rule-pack/compare-versions", test_compare_versions);
  g_test_add_func ("/rule-pack/malformed/minimal-is-valid", test_minimal_is_valid);
  g_test_add_func ("/rule-pack/malformed/missing-file", test_from_file_errors);
  g_test_add_func ("/rule-pack/malformed/deep-nesting", test_deep_nesting);
  g_test_add_func ("/rule-pack/malformed/too-large", test_too_large);
  g_test_add_func ("/rule-pack/schema-2-notice", test_v1_and_v2_notice);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rule-pack/malformed/%s", malformed[i].name);

      g_test_add_data_func (path, &malformed[i], test_malformed);
    }
  return g_test_run ();
}
