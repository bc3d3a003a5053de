/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Platforms are data: the built-in ones get their names from the packs, and
 * a rule pack in the seller's data folder adds a platform, with no code. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "chain/desk-chain-store.h"
#include "desk-case-snapshot.h"
#include "desk-intake.h"
#include "desk-notice.h"
#include "desk-platform.h"
#include "desk-report.h"
#include "desk-test-util.h"
#include "desk-util.h"
#include "letters/desk-letter-lint.h"
#include "letters/desk-letter.h"
#include "package/desk-package-private.h"

#define KASPI_LIMIT 1500

static JsonNode *
parse (const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

/* Kaspi's own notice cues instead of Joom's, and a letter limit of its own. */
static void
set_kaspi_rules (JsonObject *root)
{
  JsonObject *letter = json_object_get_object_member (
      json_object_get_object_member (json_object_get_object_member (root, "case_types"), "reseller"), "letter");

  json_object_set_member (root, "notice",
                          parse ("{\"names\": [\"kaspi\", \"каспи\"], \"domains\": [\"kaspi\\\\.kz\"],"
                                 " \"terms\": [{\"cue\": \"kaspi магазин\", \"weight\": 2}]}"));
  json_object_set_member (letter, "char_limit",
                          parse ("{\"chars\": 1500, \"source\": \"general practice (no seed)\","
                                 " \"verify\": {\"en\": \"Check the form.\", \"zh\": \"请核对表单。\"}}"));
}

/* A copy of the built-in Joom pack, made into a pack for "kaspi". */
static void
write_kaspi_pack (const char *data_dir,
                  gboolean    with_label)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "..", "data", "rules", "joom.json", NULL);
  g_autofree char *rules = g_build_filename (data_dir, "rules", NULL);
  g_autofree char *dest = g_build_filename (rules, "kaspi.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;

  g_assert_true (json_parser_load_from_file (parser, src, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "platform", "kaspi");
  json_object_remove_member (root, "platform_label");
  if (with_label)
    {
      JsonObject *label = json_object_new ();

      json_object_set_string_member (label, "en", "Kaspi");
      json_object_set_string_member (label, "zh", "Kaspi 商城");
      /* The name its Russian letters use. */
      json_object_set_string_member (label, "ru", "Каспи");
      json_object_set_object_member (root, "platform_label", label);
    }
  set_kaspi_rules (root);
  g_assert_cmpint (g_mkdir_with_parents (rules, 0700), ==, 0);
  json_generator_set_root (gen, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (gen, dest, &error));
  g_assert_no_error (error);
}

static void
test_builtin_labels (void)
{
  g_assert_cmpstr (desk_platform_to_id (DESK_PLATFORM_TIKTOK_SHOP), ==, "tiktok-shop");
  g_assert_cmpint (desk_platform_from_id ("tiktok-shop"), ==, DESK_PLATFORM_TIKTOK_SHOP);
  g_assert_cmpint (desk_platform_from_id ("no-such-platform"), ==, DESK_PLATFORM_UNKNOWN);
  g_assert_cmpint (desk_platform_from_id (NULL), ==, DESK_PLATFORM_UNKNOWN);
  /* From "platform_label" of the built-in packs. */
  g_assert_cmpstr (desk_platform_get_label (DESK_PLATFORM_ALIEXPRESS), ==, "AliExpress");
  g_assert_cmpstr (desk_platform_get_label (DESK_PLATFORM_TIKTOK_SHOP), ==, "TikTok Shop");
  /* Names in a document's language, whatever the app's: English where the
   * pack names none (Russian letters to Joom write "Joom"). */
  g_assert_cmpstr (desk_platform_get_name (DESK_PLATFORM_ALIEXPRESS, "zh"), ==, "速卖通");
  g_assert_cmpstr (desk_platform_get_name (DESK_PLATFORM_AMAZON, "zh_CN"), ==, "亚马逊");
  g_assert_cmpstr (desk_platform_get_name (DESK_PLATFORM_AMAZON, "en"), ==, "Amazon");
  g_assert_cmpstr (desk_platform_get_name (DESK_PLATFORM_JOOM, "ru"), ==, "Joom");
  g_assert_cmpstr (desk_platform_get_name (DESK_PLATFORM_JOOM, NULL), ==, "Joom");
  g_assert_null (desk_platform_get_name (DESK_PLATFORM_UNKNOWN, "en"));
  g_assert_true (desk_platform_is_builtin (DESK_PLATFORM_TEMU));
  g_assert_cmpuint (desk_platform_get_count (), >=, DESK_N_BUILTIN_PLATFORMS);
  /* Registering again keeps the value and the first names. */
  g_assert_cmpint (desk_platform_register ("shopee", "Other", "其他"), ==, DESK_PLATFORM_SHOPEE);
  g_assert_cmpstr (desk_platform_get_label (DESK_PLATFORM_SHOPEE), ==, "Shopee");
  g_assert_cmpint (desk_platform_register ("Not An Id", "X", "X"), ==, DESK_PLATFORM_UNKNOWN);
  g_assert_cmpint (desk_platform_register ("no-names", "", "x"), ==, DESK_PLATFORM_UNKNOWN);
}

/* Without "platform_label" a pack for an unknown id is reported, not used. */
static void
test_user_pack_without_label (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSession) session = NULL;
  GPtrArray *problems;

  write_kaspi_pack (dir, FALSE);
  session = desk_session_new (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_platform_from_id ("kaspi"), ==, DESK_PLATFORM_UNKNOWN);
  problems = desk_rule_registry_get_problems (desk_session_get_rules (session));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_error ((GError *)problems->pdata[0], DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_INVALID);
  g_assert_nonnull (strstr (((GError *)problems->pdata[0])->message, "kaspi"));
  g_clear_object (&session);
  desk_test_remove_tree (dir);
}

/* The acceptance test: a user rule pack alone adds a platform that
 * the rules, the checklist, intake, the store and the labels all know. */
static void
test_user_pack_adds_platform (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSession) session = NULL;
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (DeskCaseSnapshot) snap = NULL;
  g_autoptr (GArray) reseller = NULL;
  DeskPlatform  kaspi;
  DeskRulePack *pack;
  guint         n_items = 0;
  gboolean      listed = FALSE;

  write_kaspi_pack (dir, TRUE);
  session = desk_session_new (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (desk_rule_registry_get_problems (desk_session_get_rules (session))->len, ==, 0);

  kaspi = desk_platform_from_id ("kaspi");
  g_assert_cmpint (kaspi, >=, DESK_N_BUILTIN_PLATFORMS);
  g_assert_false (desk_platform_is_builtin (kaspi));
  g_assert_cmpstr (desk_platform_to_id (kaspi), ==, "kaspi");
  g_assert_cmpstr (desk_platform_get_label (kaspi), ==, "Kaspi");
  g_assert_cmpstr (desk_platform_get_name (kaspi, "ru"), ==, "Каспи");
  g_assert_cmpstr (desk_platform_get_name (kaspi, "zh"), ==, "Kaspi 商城");
  g_assert_cmpstr (desk_platform_get_name (kaspi, "ms"), ==, "Kaspi");
  pack = desk_session_get_pack (session, kaspi);
  g_assert_nonnull (pack);
  g_assert_cmpint (desk_rule_pack_get_platform (pack), ==, kaspi);
  /* It has no built-in pack, and asking for one is an error, not a bug. */
  {
    g_autoptr (GError) local_error = NULL;
    g_autoptr (DeskRulePack) none = desk_rule_pack_load_builtin (kaspi, &local_error);

    g_assert_null (none);
    g_assert_error (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
  reseller = desk_rule_registry_list_platforms (desk_session_get_rules (session), DESK_CASE_TYPE_RESELLER);
  for (guint i = 0; i < reseller->len; i++)
    listed |= g_array_index (reseller, DeskPlatform, i) == kaspi;
  g_assert_true (listed);

  /* A case on the new platform goes through intake and comes back. */
  kase = desk_case_new (kaspi, DESK_CASE_TYPE_RESELLER, "Kaspi reseller");
  g_assert_true (desk_intake_create_case (session, kase, DESK_INTAKE_ORIGIN_COMMAND_LINE, DESK_INTAKE_SOURCE_NONE, &n_items, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items, >, 0);
  snap = desk_case_snapshot_load (session, desk_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_case_get_platform (desk_case_snapshot_get_case (snap)), ==, kaspi);
  g_assert_cmpuint (desk_case_snapshot_get_checklist (snap)->len, ==, n_items);

  /* A second session (another run) finds the same platform again. */
  {
    g_autoptr (DeskSession) again = desk_session_new (dir, &error);
    g_autoptr (DeskCase) stored = NULL;

    g_assert_no_error (error);
    stored = desk_store_get_case (desk_session_get_store (again), desk_case_get_id (kase), &error);
    g_assert_cmpstr (desk_platform_to_id (desk_case_get_platform (stored)), ==, "kaspi");
    g_assert_nonnull (desk_session_get_pack (again, kaspi));
  }
  g_clear_object (&session);
  desk_test_remove_tree (dir);
}

/* A session whose data folder holds the kaspi pack, and a Kaspi reseller case. */
static DeskSession *
kaspi_session (const char *dir,
               gint64     *case_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSession) session = NULL;
  g_autoptr (DeskCase) kase = NULL;
  const char *products[] = { "KS-100200", NULL };
  guint       n_items = 0;

  write_kaspi_pack (dir, TRUE);
  session = desk_session_new (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (desk_rule_registry_get_problems (desk_session_get_rules (session))->len, ==, 0);
  kase = desk_case_new (desk_platform_from_id ("kaspi"), DESK_CASE_TYPE_RESELLER, "Kaspi reseller");
  desk_case_set_product_ids (kase, products);
  g_assert_true (desk_intake_create_case (session, kase, DESK_INTAKE_ORIGIN_COMMAND_LINE, DESK_INTAKE_SOURCE_NONE, &n_items, &error));
  g_assert_no_error (error);
  *case_id = desk_case_get_id (kase);
  return g_steal_pointer (&session);
}

static char *
load_notice (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "notices", name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* The notice reader's cues come from the session's packs: a user pack alone
 * makes its platform recognisable. */
static void
test_user_platform_notice (void)
{
  static const char notice[] = "Kaspi.kz — служба поддержки продавцов\n"
                               "Обращение № KS-2026-0042\n"
                               "Тема: копирование карточки товара\n"
                               "Здравствуйте! Карточку вашего товара в Kaspi Магазин скопировали другие продавцы:\n"
                               "https://kaspi.kz/shop/p/100200\n";
  g_autofree char  *dir = desk_test_make_data_dir ();
  g_autofree char  *joom_text = load_notice ("joom-reseller-ru.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSession) session = NULL;
  g_autoptr (DeskNotice) decoded = NULL;
  g_autoptr (DeskNotice) joom = NULL;

  write_kaspi_pack (dir, TRUE);
  session = desk_session_new (dir, &error);
  g_assert_no_error (error);
  decoded = desk_notice_decode_with_rules (desk_session_get_rules (session), notice, NULL);
  g_assert_cmpint (desk_platform_from_id ("kaspi"), >=, DESK_N_BUILTIN_PLATFORMS);
  g_assert_cmpint (desk_notice_get_platform (decoded), ==, desk_platform_from_id ("kaspi"));
  g_assert_cmpfloat (desk_notice_get_platform_confidence (decoded), >=, DESK_NOTICE_PLATFORM_THRESHOLD);
  /* The built-in platforms are still told apart from it. */
  joom = desk_notice_decode_with_rules (desk_session_get_rules (session), joom_text, NULL);
  g_assert_cmpint (desk_notice_get_platform (joom), ==, DESK_PLATFORM_JOOM);
  g_assert_cmpfloat (desk_notice_get_platform_confidence (joom), >=, DESK_NOTICE_PLATFORM_THRESHOLD);
  g_clear_object (&session);
  desk_test_remove_tree (dir);
}

static guint
count_kind (DeskLintReport *report,
            DeskLintKind    kind)
{
  guint n = 0;

  for (guint i = 0; i < report->findings->len; i++)
    n += ((DeskLintFinding *)report->findings->pdata[i])->kind == kind;
  return n;
}

/* The wording check for a platform a user pack added: its pack's limit, no
 * other platform's terms; and the built-in platforms' checks after it. */
static void
test_user_platform_lint (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  gint64           id;
  g_autoptr (DeskSession) session = kaspi_session (dir, &id);
  DeskRulePack    *kaspi = desk_session_get_pack (session, desk_platform_from_id ("kaspi"));
  DeskRulePack    *amazon = desk_session_get_pack (session, DESK_PLATFORM_AMAZON);
  g_autofree char *long_text = g_strnfill (KASPI_LIMIT + 1, 'a');

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (DeskLintReport) short_report = desk_letter_lint ("Please review Issue ID 42.", kaspi, DESK_CASE_TYPE_RESELLER, "en");
      g_autoptr (DeskLintReport) long_report = desk_letter_lint (long_text, kaspi, DESK_CASE_TYPE_RESELLER, "en");
      g_autoptr (DeskLintReport) builtin = desk_letter_lint ("Please review Issue ID 42.", amazon, DESK_CASE_TYPE_IP_COMPLAINT, "en");
      DeskLintFinding *finding;

      g_assert_cmpuint (short_report->limit, ==, KASPI_LIMIT);
      g_assert_cmpuint (count_kind (short_report, DESK_LINT_WRONG_TERM), ==, 0);
      g_assert_false (desk_lint_report_is_blocking (short_report));
      g_assert_cmpint (desk_lint_report_get_length (long_report), ==, DESK_LINT_LENGTH_OVER);
      g_assert_true (desk_lint_report_is_blocking (long_report));
      /* Amazon calls it “Case ID”. */
      g_assert_cmpuint (builtin->limit, ==, 2000);
      g_assert_cmpuint (count_kind (builtin, DESK_LINT_WRONG_TERM), ==, 1);
      finding = builtin->findings->pdata[0];
      g_assert_cmpstr (finding->text, ==, "Issue ID");
      g_assert_cmpstr (finding->replacement, ==, "Case ID");
      g_assert_nonnull (strstr (finding->why, "Amazon"));
    }
  g_clear_object (&session);
  desk_test_remove_tree (dir);
}

static const char *
context_text (JsonObject *context,
              const char *member)
{
  return json_object_get_string_member (context, member);
}

/* Letters, SUBMIT.txt and the closure report name a user platform from its
 * pack, in their own language. */
static void
test_user_platform_documents (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  gint64 id;
  g_autoptr (DeskSession) session = kaspi_session (dir, &id);
  g_autoptr (DeskChain) chain = desk_chain_new ("SoundPeak");
  g_autoptr (DeskCaseChain) info = desk_case_chain_new (id, 0);
  DeskChainLink *link = desk_chain_link_new ("SoundPeak Audio Co., Ltd.", "Almaty Trade LLP");
  const char    *platforms[] = { "kaspi", "joom", NULL };
  const char    *territories[] = { "KZ", NULL };
  g_autoptr (DeskPackagePlan) plan = NULL;
  g_autofree char *submit = NULL;

  link->platforms = g_strdupv ((char **)platforms);
  link->territories = g_strdupv ((char **)territories);
  g_ptr_array_add (chain->links, link);
  g_assert_true (desk_chain_set_for_case (desk_session_get_store (session), chain, info, &error));
  g_assert_no_error (error);

  /* Letters: the name in the letter's language, English where the pack has none. */
  {
    g_autoptr (JsonObject) ru = desk_letter_build_context (session, id, "ru", &error);
    g_autoptr (JsonObject) zh = desk_letter_build_context (session, id, "zh", &error);
    g_autoptr (JsonObject) en = desk_letter_build_context (session, id, "en", &error);
    JsonObject *link_ru;

    g_assert_no_error (error);
    g_assert_cmpstr (context_text (ru, "platform"), ==, "Каспи");
    g_assert_cmpstr (context_text (zh, "platform"), ==, "Kaspi 商城");
    g_assert_cmpstr (context_text (en, "platform"), ==, "Kaspi");
    g_assert_cmpstr (context_text (en, "platform_id"), ==, "kaspi");
    link_ru = json_array_get_object_element (json_object_get_array_member (ru, "chain"), 0);
    g_assert_cmpstr (json_object_get_string_member (link_ru, "scope"), ==, "продажи на платформе Каспи, Joom на территории KZ");
    g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (en, "chain"), 0), "scope"),
                              "sales on Kaspi, Joom"));
  }

  /* SUBMIT.txt is bilingual whatever the app's language. */
  plan = desk_package_plan_new (session, id, &error);
  g_assert_no_error (error);
  submit = _desk_package_submit_text (plan, FALSE);
  g_assert_nonnull (strstr (submit, "Platform: Kaspi · Case type: "));
  g_assert_nonnull (strstr (submit, "平台：Kaspi 商城 · 案件类型："));
  g_assert_nonnull (strstr (submit, "From the Kaspi rules v1.0"));
  g_assert_null (strstr (submit, "Unknown platform"));
  g_assert_null (strstr (submit, "未知平台"));

  /* The closure report (English: the Chinese one needs the installed catalogue). */
  {
    g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (pdf);
    g_autoptr (DeskReportResult) result = desk_report_write (session, id, DESK_REPORT_LANGUAGE_EN, file, NULL, NULL, NULL, &error);
    const char      *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    g_autofree char *text = NULL;
    g_autofree char *squeezed = NULL;
    g_autoptr (GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
    int status = -1;

    g_assert_no_error (error);
    g_assert_nonnull (result);
    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
    squeezed = g_regex_replace (space, text, -1, 0, "", 0, NULL);
    g_assert_nonnull (strstr (squeezed, "PlatformKaspi"));
    g_assert_nonnull (strstr (squeezed, "Kaspirules1.0"));
    g_assert_null (strstr (squeezed, "Unknownplatform"));
  }
  g_clear_object (&session);
  desk_test_remove_tree (dir);
}

/* The seller's stores on a user platform are kept when the profile is
 * written, and a wrong id's message lists the user platforms too. */
static void
test_user_platform_profile (void)
{
  g_autofree char *dir = desk_test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  gint64 id;
  g_autoptr (DeskSession) session = kaspi_session (dir, &id);
  g_autoptr (JsonNode) node = parse ("{\"stores\": {\"joom\": [\"JM-1\"], \"kaspi\": [\"KS-1\", \"KS-2\"]}}");
  g_autoptr (JsonNode) bad = parse ("{\"stores\": {\"ebay\": [\"E-1\"]}}");
  g_autoptr (DeskSellerProfile) profile = desk_seller_profile_from_json (node, &error);
  g_autoptr (DeskSellerProfile) loaded = NULL;
  g_autoptr (DeskSellerProfile) refused = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) written = NULL;
  g_autoptr (DeskSellerProfile) again = NULL;
  DeskPlatform kaspi = desk_platform_from_id ("kaspi");

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **)desk_seller_profile_get_stores (profile, kaspi)), ==, 2);
  desk_seller_profile_to_json (profile, builder);
  written = json_builder_get_root (builder);
  again = desk_seller_profile_from_json (written, &error);
  g_assert_no_error (error);
  g_assert_nonnull (desk_seller_profile_get_stores (again, kaspi));
  g_assert_cmpstr (desk_seller_profile_get_stores (again, kaspi)[1], ==, "KS-2");
  g_assert_cmpstr (desk_seller_profile_get_stores (again, DESK_PLATFORM_JOOM)[0], ==, "JM-1");
  /* Saved and loaded through the store, as the profile page and the command line do. */
  g_assert_true (desk_seller_profile_save (desk_session_get_store (session), profile, &error));
  g_assert_no_error (error);
  loaded = desk_seller_profile_load (desk_session_get_store (session), &error);
  g_assert_no_error (error);
  g_assert_nonnull (desk_seller_profile_get_stores (loaded, kaspi));
  g_assert_cmpstr (desk_seller_profile_get_stores (loaded, kaspi)[0], ==, "KS-1");

  refused = desk_seller_profile_from_json (bad, &error);
  g_assert_null (refused);
  g_assert_error (error, DESK_CHAIN_ERROR, DESK_CHAIN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "temu"));
  g_assert_nonnull (strstr (error->message, "kaspi"));
  g_clear_object (&session);
  desk_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/platform/builtin-labels", test_builtin_labels);
  g_test_add_func ("/platform/user-pack-without-label", test_user_pack_without_label);
  g_test_add_func ("/platform/user-pack-adds-platform", test_user_pack_adds_platform);
  g_test_add_func ("/platform/user-platform-notice", test_user_platform_notice);
  g_test_add_func ("/platform/user-platform-lint", test_user_platform_lint);
  g_test_add_func ("/platform/user-platform-documents", test_user_platform_documents);
  g_test_add_func ("/platform/user-platform-profile", test_user_platform_profile);
  return g_test_run ();
}
