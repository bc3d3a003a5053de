/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "desk-case-snapshot.h"
#include "chain/desk-chain-store.h"
#include "desk-checklist.h"
#include "notice/desk-notice-record.h"
#include "desk-evidence-store.h"
#include "desk-test-util.h"
#include "desk-util.h"
#include "letters/desk-exhibits.h"
#include "letters/desk-letter-data.h"
#include "letters/desk-letter-lint.h"
#include "letters/desk-letter.h"

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

/* Template language */

static char *
no_partials (const char *name, char **file_name, gpointer data, GError **error)
{
  if (g_str_equal (name, "greeting"))
    {
      *file_name = g_strdup ("partials/greeting.tmpl");
      return g_strdup ("% section greeting\nDear {{platform}} team,\n% end\n");
    }
  if (g_str_equal (name, "loop"))
    {
      *file_name = g_strdup ("partials/loop.tmpl");
      return g_strdup ("% include loop\n");
    }
  if (g_str_equal (name, "broken"))
    {
      *file_name = g_strdup ("partials/broken.tmpl");
      return g_strdup ("line one\n{{nonsense}}\n");
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no partial %s", name);
  return NULL;
}

static void
test_template_errors (void)
{
  static const struct
  {
    const char *text;
    int         code;
    const char *message_start;
  } cases[] = {
    { "Hello\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:1: " },
    { "% section a\nHello {{case_id}\n% end\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:2: " },
    { "% section a\nHello }} there\n% end\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:2: " },
    { "% section a\n\n{{case_idd}}\n% end\n", DESK_LETTER_TEMPLATE_ERROR_FIELD, "t.tmpl:3: " },
    { "% section a\n{{products}}\n% end\n", DESK_LETTER_TEMPLATE_ERROR_FIELD, "t.tmpl:2: " },
    { "% section a\n{{case_id|upper}}\n% end\n", DESK_LETTER_TEMPLATE_ERROR_FIELD, "t.tmpl:2: " },
    { "% section a\n{{case_id|join}}\n% end\n", DESK_LETTER_TEMPLATE_ERROR_FIELD, "t.tmpl:2: " },
    { "% section a\n% for e in exhibits\n{{e.colour}}\n% end\n% end\n", DESK_LETTER_TEMPLATE_ERROR_FIELD, "t.tmpl:3: " },
    { "% section a\n{{e.ref}}\n% end\n", DESK_LETTER_TEMPLATE_ERROR_FIELD, "t.tmpl:2: " },
    { "% section a\n% for e in case_id\n% end\n% end\n", DESK_LETTER_TEMPLATE_ERROR_FIELD, "t.tmpl:2: " },
    { "% section a\n% for exhibits in exhibits\n% end\n% end\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:2: " },
    { "% section a\n% if case_id\nx\n% end\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:1: " },
    { "% section a\n% if case_id\nx\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:2: " },
    { "% section a\n% if case_id\n% else\n% else\n% end\n% end\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:4: " },
    { "% section a\n% if case_id == reseller\n% end\n% end\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:2: " },
    { "% section a\n% if case_id and products\n% end\n% end\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:2: " },
    { "% section a\n% section b\n% end\n% end\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:2: " },
    { "% section a\n% frobnicate\n% end\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:2: " },
    { "% end\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:1: " },
    { "% section A B\n% end\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:1: " },
    { "% section a\n{{term}}\n% end\n", DESK_LETTER_TEMPLATE_ERROR_FIELD, "t.tmpl:2: " },
    { "% section a\n{{term.Case ID}}\n% end\n", DESK_LETTER_TEMPLATE_ERROR_FIELD, "t.tmpl:2: " },
    { "% section a\n% include missing\n% end\n", DESK_LETTER_TEMPLATE_ERROR_INCLUDE, "t.tmpl:2: " },
    { "% section a\n% include loop\n% end\n", DESK_LETTER_TEMPLATE_ERROR_INCLUDE, "partials/loop.tmpl:1: " },
    { "% section a\n% include broken\n% end\n", DESK_LETTER_TEMPLATE_ERROR_FIELD, "partials/broken.tmpl:2: " },
    { "\n\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:1: " },
    { "% section a\n\xff\xfe\n% end\n", DESK_LETTER_TEMPLATE_ERROR_SYNTAX, "t.tmpl:1: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DeskLetterTemplate) t = desk_letter_template_parse ("t.tmpl", cases[i].text, "en", no_partials, NULL, &error);

      g_test_message ("case %u", i);
      g_assert_null (t);
      g_assert_error (error, DESK_LETTER_TEMPLATE_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message_start));
    }
}

static JsonObject *
sample_context (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser,
                              "{\"platform\": \"Joom\", \"case_id\": \"C-1\", \"products\": [\"A1\", \"B2\"],"
                              " \"exhibits\": [{\"ref\": \"Exhibit 1\", \"title\": \"Invoice\", \"number\": 1},"
                              "                {\"ref\": \"Exhibit 2\", \"title\": \"Photo\", \"number\": 2}],"
                              " \"actions\": [], \"case_type\": \"reseller\", \"term\": {\"case-id\": \"Case ID\"}}",
                              -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_template_render (void)
{
  static const char *text = "%# A comment line\n"
                            "% include greeting\n"
                            "% section refs\n"
                            "{{term.case-id}}: {{case_id}}\n"
                            "Products: {{products|join}}\n"
                            "% end\n"
                            "% section empty\n"
                            "% if actions\n"
                            "never\n"
                            "% end\n"
                            "% end\n"
                            "% section list\n"
                            "% for e in exhibits\n"
                            "- {{e.ref}} {{e.title}}\\\n"
                            "% if e.number == \"2\"\n"
                            " (last)\\\n"
                            "% end\n"
                            ".\n"
                            "% end\n"
                            "% if case_type != \"reseller\"\n"
                            "not a reseller\n"
                            "% elif not seller\n"
                            "no seller\n"
                            "% else\n"
                            "seller\n"
                            "% end\n"
                            "%% literal percent\n"
                            "% end\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskLetterTemplate) t = NULL;
  g_autoptr (JsonObject) context = sample_context ();
  g_autofree char *out = NULL;

  t = desk_letter_template_parse ("t.tmpl", text, "en", no_partials, NULL, &error);
  g_assert_no_error (error);
  out = desk_letter_template_render (t, context);
  g_assert_cmpstr (out, ==,
                   "Dear Joom team,\n"
                   "\n"
                   "Case ID: C-1\n"
                   "Products: A1, B2\n"
                   "\n"
                   "- Exhibit 1 Invoice.\n"
                   "- Exhibit 2 Photo (last).\n"
                   "no seller\n"
                   "% literal percent\n");
}

static void
test_join_zh (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskLetterTemplate) t = desk_letter_template_parse ("t.zh.tmpl", "% section a\n商品：{{products|join}}\n% end\n", "zh", NULL, NULL, &error);
  g_autoptr (JsonObject) context = sample_context ();
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  out = desk_letter_template_render (t, context);
  g_assert_cmpstr (out, ==, "商品：A1、B2\n");
}

/* Built-in templates */

static gboolean
parse_template_path (const char *path, DeskPlatform *platform, DeskCaseType *type, char **language)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  g_auto (GStrv) name = NULL;

  if (g_strv_length (parts) != 3)
    return FALSE;
  name = g_strsplit (parts[2], ".", -1);
  if (g_strv_length (name) != 3 || !g_str_equal (name[2], "tmpl"))
    return FALSE;
  *platform = desk_platform_from_id (parts[1]);
  *type = desk_case_type_from_id (name[0]);
  *language = g_strdup (name[1]);
  return *platform != DESK_PLATFORM_UNKNOWN && *type != DESK_CASE_TYPE_UNKNOWN;
}

/* Every case type of every pack has en and zh, and each language the pack lists
 * (except Malay, not written yet); nothing else is there. */
static void
test_every_case_type_has_templates (void)
{
  g_auto (GStrv) all = desk_letter_list_templates ();
  guint expected = 0;

  for (DeskPlatform p = DESK_PLATFORM_ALIEXPRESS; p <= DESK_PLATFORM_TEMU; p++)
    {
      g_autoptr (DeskRulePack) pack = desk_rule_pack_load_builtin (p, NULL);
      guint               n = 0;
      const DeskCaseType *types = desk_rule_pack_get_case_types (pack, &n);

      for (guint i = 0; i < n; i++)
        {
          const char *const *listed = desk_case_rules_get_letter_languages (desk_rule_pack_get_case_rules (pack, types[i]));
          g_auto (GStrv) languages = desk_letter_list_languages (p, types[i]);
          gboolean wants_ru = g_strv_contains (listed, "ru");

          g_test_message ("%s %s", desk_platform_to_id (p), desk_case_type_to_id (types[i]));
          g_assert_true (g_strv_contains ((const char *const *)languages, "en"));
          g_assert_true (g_strv_contains ((const char *const *)languages, "zh"));
          g_assert_cmpint (g_strv_contains ((const char *const *)languages, "ru"), ==, wants_ru);
          /* The pack's order first: Joom letters are Russian first. */
          g_assert_cmpstr (languages[0], ==, wants_ru ? "ru" : "en");
          expected += wants_ru ? 3 : 2;
        }
    }
  g_assert_cmpuint (g_strv_length (all), ==, expected);
}

/* The gresource lists every file of data/letters/templates. */
static void
test_resource_complete (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("DESK_SOURCE_ROOT"), "data", "letters", "templates", NULL);
  g_auto (GStrv) all = desk_letter_list_templates ();
  g_autoptr (GDir) platforms = g_dir_open (dir, 0, NULL);
  const char *platform;
  guint       n = 0;

  g_assert_nonnull (platforms);
  while ((platform = g_dir_read_name (platforms)))
    {
      g_autofree char *sub = g_build_filename (dir, platform, NULL);
      g_autoptr (GDir) files = g_dir_open (sub, 0, NULL);
      const char *file;

      while (files && (file = g_dir_read_name (files)))
        {
          g_autofree char *path = g_strdup_printf ("templates/%s/%s", platform, file);

          g_test_message ("%s", path);
          g_assert_true (g_strv_contains ((const char *const *)all, path));
          n++;
        }
    }
  g_assert_cmpuint (n, ==, g_strv_length (all));
}

static char *
read_notice (DeskPlatform platform, DeskCaseType type)
{
  g_autofree char *name = g_strdup_printf ("%s-%s-en.txt", desk_platform_to_id (platform), desk_case_type_to_id (type));
  g_autofree char *path = g_build_filename (g_getenv ("DESK_SOURCE_ROOT"), "tests", "data", "notices", name, NULL);
  char            *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    text = g_strdup ("Policy notice\nReason: The listing does not meet the platform policy.\n");
  return text;
}

static const char *full_actions[][4] = {
  { "en", "Replaced the product images with our own photographs.", "Asked the factory to print the model number on every label.", NULL },
  { "ru", "Заменили фотографии товара собственными снимками.", "Поручили фабрике наносить номер модели на каждую этикетку.", NULL },
  { "zh", "已将商品图片更换为我方自行拍摄的照片。", "已要求工厂在每个标签上印制型号。", NULL },
};

/* A case with everything a letter can use: IDs, two products, dates, the
 * notice, a file for each required checklist item, details and actions. */
static gint64
make_full_case (DeskSession *session, DeskPlatform platform, DeskCaseType type)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = desk_case_new (platform, type, "Full case");
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *notice = read_notice (platform, type);
  g_autoptr (GDateTime) received = g_date_time_new_utc (2026, 11, 22, 7, 5, 0);
  g_autoptr (GDateTime) deadline = g_date_time_add_hours (received, 72);
  const char       *products[] = { "1729384756102938475", "62c3d4e5f6a7b8c9d0e1f203", NULL };
  DeskLetterDetails details = { "Shenzhen Example Trading Co., Ltd.", "Example Official Store", "Li Wei" };

  desk_case_set_platform_case_id (kase, "TEST-CASE-0042");
  desk_case_set_violation_code (kase, "IP-01");
  desk_case_set_product_ids (kase, products);
  desk_case_set_received_at (kase, received);
  desk_case_set_deadline_at (kase, deadline);
  desk_case_set_notice_text (kase, notice);
  g_assert_true (desk_store_insert_case (store, kase, &error));
  g_assert_true (desk_checklist_create_for_case (store, desk_session_get_rules (session), kase, NULL, &error));
  g_assert_no_error (error);
  items = desk_checklist_list (session, desk_case_get_id (kase), &error);
  for (guint i = 0; i < items->len; i++)
    {
      DeskChecklistItem *item = items->pdata[i];
      g_autofree char   *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".pdf", item->item_id, desk_case_get_id (kase));

      if (item->required)
        g_assert_true (desk_evidence_attach_to_checklist (store, item->id, desk_test_insert_evidence_row (store, name, NULL, NULL), &error));
      g_assert_no_error (error);
    }
  g_assert_true (desk_letter_set_details (session, desk_case_get_id (kase), "en", &details, &error));
  for (guint i = 0; i < G_N_ELEMENTS (full_actions); i++)
    g_assert_true (desk_letter_set_actions (session, desk_case_get_id (kase), full_actions[i][0], &full_actions[i][1], &error));
  g_assert_no_error (error);
  return desk_case_get_id (kase);
}

static gint64
make_minimal_case (DeskSession *session, DeskPlatform platform, DeskCaseType type)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = desk_case_new (platform, type, "Minimal");

  g_assert_true (desk_store_insert_case (store, kase, &error));
  g_assert_no_error (error);
  return desk_case_get_id (kase);
}

/* Signs of a field left empty in running text. */
static void
assert_well_formed (const char *text)
{
  static const char *bad[] = { "{{", "}}", "\n%", "()", "（）", " ,", " .", ": \n", "  ", "\n\n\n", ",,", "..", NULL };

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (strlen (text), >, 40);
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_false (g_str_has_suffix (text, "\n\n"));
  for (guint i = 0; bad[i]; i++)
    if (strstr (text, bad[i]))
      g_error ("letter contains “%s”:\n%s", bad[i], text);
}

static void
assert_clean_wording (DeskSession *session, gint64 case_id, const DeskLetter *letter)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (DeskCase) kase = desk_store_get_case (store, case_id, NULL);
  DeskRulePack *pack = desk_session_get_pack (session, desk_case_get_platform (kase));
  g_autoptr (DeskLintReport) report = desk_letter_lint (letter->text, pack, desk_case_get_case_type (kase), letter->language);

  g_autoptr (JsonObject) context = desk_letter_build_context (session, case_id, letter->language, NULL);
  JsonArray *reasons = json_object_get_array_member (context, "reasons");
  gboolean   quoted_only = TRUE;

  /* The template's own words are clean; the notice's quoted reasons may hold
   * what the platform objected to ("relieves pain 100%"). */
  for (guint i = 0; i < report->findings->len; i++)
    {
      DeskLintFinding *finding = report->findings->pdata[i];
      gboolean         quoted = FALSE;

      for (guint r = 0; r < json_array_get_length (reasons); r++)
        quoted |= strstr (json_object_get_string_member (json_array_get_object_element (reasons, r), "text"), finding->text) != NULL;
      if (!quoted)
        g_error ("template wording: “%s” (%s) in\n%s", finding->text, desk_lint_kind_to_id (finding->kind), letter->text);
      quoted_only &= quoted;
    }
  if (desk_lint_report_is_blocking (report) && !(quoted_only && report->findings->len > 0))
    g_error ("over the limit (%u > %u):\n%s", report->chars, report->limit, letter->text);
  g_assert_cmpuint (report->chars, ==, desk_letter_count_chars (letter->text));
}

static void
test_render_every_template (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) all = desk_letter_list_templates ();

  g_assert_cmpuint (g_strv_length (all), >, 40);
  for (guint i = 0; all[i]; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *language = NULL;
      g_autoptr (DeskLetter) full = NULL;
      g_autoptr (DeskLetter) minimal = NULL;
      g_autofree char *exhibit_1 = NULL;
      DeskPlatform     platform = DESK_PLATFORM_UNKNOWN;
      DeskCaseType     type = DESK_CASE_TYPE_UNKNOWN;
      gint64           full_id, minimal_id;

      g_assert_true (parse_template_path (all[i], &platform, &type, &language));
      g_test_message ("%s", all[i]);
      full_id = make_full_case (f->session, platform, type);
      minimal_id = make_minimal_case (f->session, platform, type);
      full = desk_letter_get (f->session, full_id, language, &error);
      g_assert_no_error (error);
      minimal = desk_letter_get (f->session, minimal_id, language, &error);
      g_assert_no_error (error);
      assert_well_formed (full->text);
      assert_well_formed (minimal->text);
      assert_clean_wording (f->session, full_id, full);
      assert_clean_wording (f->session, minimal_id, minimal);
      g_assert_false (full->edited);
      g_assert_cmpstr (full->language, ==, language);
      /* The full case's facts are in the letter, the minimal one has none. */
      g_assert_nonnull (strstr (full->text, "TEST-CASE-0042"));
      g_assert_nonnull (strstr (full->text, "1729384756102938475"));
      g_assert_null (strstr (minimal->text, "TEST-CASE-0042"));
      /* "Exhibit", "Приложение", "附件": which number depends on what the notice asks for. */
      exhibit_1 = desk_exhibit_format_reference (1, language);
      exhibit_1[strlen (exhibit_1) - 1] = '\0';
      if (strstr (full->text, exhibit_1) == NULL)
        g_error ("no %s in\n%s", exhibit_1, full->text);
      g_assert_null (strstr (minimal->text, exhibit_1));
      g_assert_nonnull (strstr (full->text, full_actions[g_str_equal (language, "en") ? 0 : g_str_equal (language, "ru") ? 1
                                                                                                                         : 2][1]));
      if (platform != DESK_PLATFORM_TIKTOK_SHOP)
        g_assert_nonnull (strstr (full->text, "Example Official Store"));
      if (full->limit > 0)
        g_assert_cmpuint (desk_letter_count_chars (full->text), <=, full->limit);
      /* Every platform term a template uses exists in the pack. */
      g_assert_null (strstr (full->text, "  "));
    }
}

/* Russian letters read as Russian and the Joom ones name the sales right. */
static void
test_joom_reseller (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = make_full_case (f->session, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (DeskLetter) ru = desk_letter_get (f->session, id, "ru", &error);
  g_autoptr (DeskLetter) en = desk_letter_get (f->session, id, "en", &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ru->text, "Уважаемая служба поддержки Joom!\n"));
  g_assert_nonnull (strstr (ru->text, "Joom platform sales right"));
  g_assert_nonnull (strstr (ru->text, "неправомерного использования материалов карточки"));
  g_assert_nonnull (strstr (ru->text, "Приложение 4 — Авторизационное письмо правообладателя"));
  g_assert_nonnull (strstr (ru->text, "С уважением,\nLi Wei\n"));
  g_assert_nonnull (strstr (en->text, "unauthorized use of listing content"));
  g_assert_nonnull (strstr (en->text, "Case ID: TEST-CASE-0042"));
  g_assert_cmpuint (ru->limit, ==, 0);
}

static void
test_edits (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = make_full_case (f->session, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (DeskLetter) before = desk_letter_get (f->session, id, "en", &error);
  g_autoptr (DeskLetter) edited = NULL;
  g_autoptr (DeskLetter) zh = NULL;
  g_autoptr (DeskLetter) after = NULL;
  g_autoptr (DeskLetter) same = NULL;

  g_assert_no_error (error);
  g_assert_true (desk_letter_save_edit (f->session, id, "en", "My own words.\n", &error));
  g_assert_no_error (error);
  edited = desk_letter_get (f->session, id, "en", &error);
  g_assert_true (edited->edited);
  g_assert_cmpstr (edited->text, ==, "My own words.\n");
  g_assert_cmpstr (edited->template_text, ==, before->template_text);
  /* Per language. */
  zh = desk_letter_get (f->session, id, "zh", &error);
  g_assert_false (zh->edited);
  g_assert_true (desk_letter_reset (f->session, id, "en", &error));
  after = desk_letter_get (f->session, id, "en", &error);
  g_assert_false (after->edited);
  g_assert_cmpstr (after->text, ==, before->text);
  /* Saving the template text is no edit. */
  g_assert_true (desk_letter_save_edit (f->session, id, "en", before->template_text, &error));
  {
    g_autoptr (DeskCaseSnapshot) snap = NULL;
    g_autoptr (DeskLetter) kept = NULL;

    g_assert_true (desk_letter_save_edit (f->session, id, "zh", "我方留档。\n", &error));
    snap = desk_case_snapshot_load (f->session, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (g_hash_table_lookup ((GHashTable *)desk_case_snapshot_get_part (snap, "letters"), "zh"), ==, "我方留档。\n");
    g_assert_null (g_hash_table_lookup ((GHashTable *)desk_case_snapshot_get_part (snap, "letters"), "en"));
  }
  same = desk_letter_get (f->session, id, "en", &error);
  g_assert_false (same->edited);
  g_assert_false (desk_letter_save_edit (f->session, id, "de", "x", &error));
  g_assert_error (error, DESK_LETTER_ERROR, DESK_LETTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (desk_letter_save_edit (f->session, id, "en", "\xff\xfe", &error));
  g_assert_error (error, DESK_LETTER_ERROR, DESK_LETTER_ERROR_INVALID);
}

static void
test_actions_and_details (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64      id = make_minimal_case (f->session, DESK_PLATFORM_AMAZON, DESK_CASE_TYPE_ACCOUNT_HEALTH);
  const char *actions[] = { "  First step\n", "", "Second step", NULL };
  g_auto (GStrv) got = NULL;
  g_auto (GStrv) ru = NULL;
  g_autoptr (DeskLetterDetails) details = NULL;
  g_autoptr (DeskLetter) letter = NULL;
  DeskLetterDetails set = { "Co\nLtd", "Store", "" };

  g_assert_true (desk_letter_set_actions (f->session, id, "en", actions, &error));
  g_assert_no_error (error);
  got = desk_letter_get_actions (f->session, id, "en", &error);
  g_assert_cmpuint (g_strv_length (got), ==, 2);
  g_assert_cmpstr (got[0], ==, "First step");
  g_assert_cmpstr (got[1], ==, "Second step");
  ru = desk_letter_get_actions (f->session, id, "ru", &error);
  g_assert_cmpuint (g_strv_length (ru), ==, 0);
  g_assert_true (desk_letter_set_details (f->session, id, "en", &set, &error));
  details = desk_letter_get_details (f->session, id, "en", &error);
  g_assert_cmpstr (details->seller, ==, "Co Ltd");
  g_assert_cmpstr (details->signer, ==, "");
  letter = desk_letter_get (f->session, id, "en", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (letter->text, "- First step\n- Second step\n"));
  /* Details per language; empty fields fall back to English. */
  {
    DeskLetterDetails ru_set = { "", "", "Ли Вэй" };
    g_autoptr (DeskLetter) ru_letter = NULL;

    g_assert_true (desk_letter_set_details (f->session, id, "ru", &ru_set, &error));
    g_assert_no_error (error);
    ru_letter = desk_letter_get (f->session, id, "zh", &error);
    g_assert_null (strstr (ru_letter->text, "Ли Вэй"));
    g_assert_nonnull (strstr (ru_letter->text, "Co Ltd"));
  }
  {
    gint64            joom = make_minimal_case (f->session, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
    DeskLetterDetails en_set = { "LongTeng Co., Ltd.", "LongTeng Store", "Li Wei" };
    DeskLetterDetails ru_set = { "", "", "Ли Вэй" };
    g_autoptr (DeskLetter) ru_letter = NULL;

    g_assert_true (desk_letter_set_details (f->session, joom, "en", &en_set, &error));
    g_assert_true (desk_letter_set_details (f->session, joom, "ru", &ru_set, &error));
    ru_letter = desk_letter_get (f->session, joom, "ru", &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (ru_letter->text, "С уважением,\nЛи Вэй\nLongTeng Co., Ltd.\nМагазин: LongTeng Store\n"));
  }
  g_assert_false (desk_letter_set_actions (f->session, id + 99, "en", actions, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

static void
test_no_template (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = make_minimal_case (f->session, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (DeskLetter) letter = desk_letter_get (f->session, id, "ru", &error);

  g_assert_null (letter);
  g_assert_error (error, DESK_LETTER_ERROR, DESK_LETTER_ERROR_NO_TEMPLATE);
}

/* The notice's labelled lines become the reasons. */
static void
test_reasons (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = make_full_case (f->session, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (JsonObject) context = desk_letter_build_context (f->session, id, "en", &error);
  JsonArray *reasons;
  JsonArray *answered;

  g_assert_no_error (error);
  reasons = json_object_get_array_member (context, "reasons");
  g_assert_cmpuint (json_array_get_length (reasons), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reasons, 0), "text"), ==, "IP-01 (Trademark Infringement)");
  answered = json_object_get_array_member (context, "answered");
  g_assert_cmpuint (json_array_get_length (answered), >, 0);
}

/* What the notice reader kept with the case comes first. */
static void
test_reasons_from_reading (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = make_full_case (f->session, DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_ACTIVITY_EXIT);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_notice_field_free);
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_notice_fact_free);
  DeskNoticeFact *fact = desk_notice_fact_new ();
  g_autoptr (JsonObject) context = NULL;
  JsonArray *reasons;

  g_ptr_array_add (fields, desk_notice_field_new (DESK_NOTICE_ROLE_VIOLATION, "Late shipment rate above the campaign threshold", "Reason", "Reason: Late shipment rate above the campaign threshold", 4));
  g_ptr_array_add (fields, desk_notice_field_new (DESK_NOTICE_ROLE_PRODUCT, "1005", "Product ID", "Product ID: 1005", 5));
  fact->subject = g_strdup ("Late shipment rate");
  fact->value = 24.6;
  fact->source = g_strdup ("Late shipment rate: 24.6% (threshold 20%)");
  g_ptr_array_add (facts, fact);
  g_assert_true (desk_store_save_notice_reading (f->store, id, fields, facts, &error));
  g_assert_no_error (error);
  context = desk_letter_build_context (f->session, id, "en", &error);
  g_assert_no_error (error);
  reasons = json_object_get_array_member (context, "reasons");
  g_assert_cmpuint (json_array_get_length (reasons), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reasons, 0), "text"), ==, "Late shipment rate above the campaign threshold");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reasons, 1), "text"), ==, "Late shipment rate: 24.6% (threshold 20%)");
}

/* The authorization chain: its documents are exhibits under their checklist
 * items in chain order, described by who authorised whom, and the letter
 * lists the chain. */
static void
test_chain (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64     id = make_minimal_case (f->session, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  DeskStore *store = f->store;
  gint64     screenshot = desk_test_insert_evidence_row (store, "joom-listing.png", NULL, NULL);
  gint64     to_distributor = desk_test_insert_evidence_row (store, "auth-owner-distributor.pdf", NULL, NULL);
  gint64     to_us = desk_test_insert_evidence_row (store, "auth-distributor-us.pdf", NULL, NULL);
  gint64     certificate = desk_test_insert_evidence_row (store, "tm-certificate.pdf", NULL, NULL);
  g_autoptr (DeskChain) chain = desk_chain_new ("LongTeng");
  g_autoptr (DeskCaseChain) info = desk_case_chain_new (id, 0);
  DeskChainLink *first = desk_chain_link_new ("Ningbo Brand Owner Co., Ltd.", "Hangzhou Distributor Co., Ltd.");
  DeskChainLink *second = desk_chain_link_new ("Hangzhou Distributor Co., Ltd.", "Shenzhen LongTeng Trading Co., Ltd.");
  DeskTrademark *trademark = desk_trademark_new ();
  const char    *joom[] = { "joom", NULL };
  const char    *ru[] = { "RU", "KZ", NULL };
  g_autoptr (GPtrArray) exhibits = NULL;
  g_autoptr (DeskLetter) en = NULL;
  g_autoptr (DeskLetter) ru_letter = NULL;
  g_autoptr (DeskChecklistItem) item = NULL;
  g_autoptr (DeskCase) kase = desk_store_get_case (store, id, &error);

  g_assert_true (desk_checklist_create_for_case (store, desk_session_get_rules (f->session), kase, NULL, &error));
  item = desk_checklist_find_item (f->session, id, "reseller-listing-screenshots", &error);
  g_assert_true (desk_evidence_attach_to_checklist (store, item->id, screenshot, &error));
  /* The seller also attached the second letter to the case: it moves into chain order. */
  g_assert_true (desk_evidence_attach (store, id, to_us, &error));
  g_assert_no_error (error);
  chain->owner = g_strdup ("Ningbo Brand Owner Co., Ltd.");
  g_array_append_val (first->documents, to_distributor);
  first->valid_until = g_strdup ("2027-06-30");
  g_array_append_val (second->documents, to_us);
  second->valid_until = g_strdup ("2026-12-31");
  second->platforms = g_strdupv ((char **)joom);
  second->territories = g_strdupv ((char **)ru);
  g_ptr_array_add (chain->links, first);
  g_ptr_array_add (chain->links, second);
  trademark->number = g_strdup ("60123456");
  trademark->owner = g_strdup ("Ningbo Brand Owner Co., Ltd.");
  trademark->valid_until = g_strdup ("2031-05-20");
  trademark->certificate = certificate;
  g_ptr_array_add (chain->trademarks, trademark);
  g_assert_true (desk_chain_set_for_case (store, chain, info, &error));
  g_assert_no_error (error);

  exhibits = desk_exhibits_list (f->session, id, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exhibits->len, ==, 4);
  g_assert_cmpint (((DeskExhibit *)exhibits->pdata[0])->evidence_id, ==, screenshot);
  g_assert_cmpstr (((DeskExhibit *)exhibits->pdata[1])->description, ==, "Exhibit 2 — Brand authorization, Ningbo Brand Owner Co., Ltd. → Hangzhou Distributor Co., Ltd., valid to 2027-06-30");
  g_assert_cmpstr (((DeskExhibit *)exhibits->pdata[2])->description, ==, "Exhibit 3 — Brand authorization, Hangzhou Distributor Co., Ltd. → Shenzhen LongTeng Trading Co., Ltd., valid to 2026-12-31");
  g_assert_cmpstr (((DeskExhibit *)exhibits->pdata[3])->description, ==, "Exhibit 4 — Trademark registration certificate, Ningbo Brand Owner Co., Ltd., No. 60123456, valid to 2031-05-20");
  g_assert_cmpint (((DeskExhibit *)exhibits->pdata[1])->checklist_item_id, >, 0);

  en = desk_letter_get (f->session, id, "en", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (en->text, "Authorization chain, from the trademark owner to our company:\n"
                                      "- Ningbo Brand Owner Co., Ltd. → Hangzhou Distributor Co., Ltd., valid to 2027-06-30 (Exhibit 2).\n"
                                      "- Hangzhou Distributor Co., Ltd. → Shenzhen LongTeng Trading Co., Ltd., sales on Joom in RU, KZ, valid to 2026-12-31 (Exhibit 3).\n"));
  g_assert_nonnull (strstr (en->text, "- Brand authorization: Exhibits 2 and 3.\n"));
  ru_letter = desk_letter_get (f->session, id, "ru", &error);
  g_assert_nonnull (strstr (ru_letter->text, "- Hangzhou Distributor Co., Ltd. → Shenzhen LongTeng Trading Co., Ltd., продажи на платформе Joom на территории RU, KZ, срок действия до 2026-12-31 (Приложение 3).\n"));
  g_assert_nonnull (strstr (ru_letter->text, "Приложение 4 — Свидетельство о регистрации товарного знака, Ningbo Brand Owner Co., Ltd., № 60123456, срок действия до 2031-05-20"));
}

/* Wording check */

typedef struct
{
  const char  *language;
  const char  *text;
  const char  *words;
  DeskLintKind kind;
  const char  *replacement;
  gboolean     blocking;
} Planted;

static const Planted planted[] = {
  { "en", "That copycat stole our photos.", "copycat", DESK_LINT_ACCUSATION, "the other seller", TRUE },
  { "en", "That copycat stole our photos.", "stole", DESK_LINT_ACCUSATION, "used without authorization", TRUE },
  { "en", "Fake sellers copied the page.", "Fake sellers", DESK_LINT_ACCUSATION, "The other seller", TRUE },
  { "en", "We sincerely apologize for the listing.", "We sincerely apologize", DESK_LINT_ADMISSION, "Thank you for reviewing this case", FALSE },
  { "en", "We admit the listing was wrong.", "We admit", DESK_LINT_ADMISSION, "We have reviewed the matter", TRUE },
  { "en", "We guarantee 100% quality.", "We guarantee", DESK_LINT_PROMISE, "We take steps to ensure", TRUE },
  { "en", "Delivery is guaranteed.", "guaranteed", DESK_LINT_PROMISE, "take steps to ensure", TRUE },
  { "en", "We guarantee 100% quality.", "100%", DESK_LINT_PROMISE, "", TRUE },
  { "en", "Otherwise our lawyers will act.", "our lawyers", DESK_LINT_THREAT, "", TRUE },
  { "en", "Please please help, this is so unfair!!!", "so unfair", DESK_LINT_PLEADING, "", FALSE },
  { "en", "The cream cures acne.", "cures", DESK_LINT_CLAIM, "", TRUE },
  { "en", "Rated No.1 in Europe.", "No.1", DESK_LINT_CLAIM, "", TRUE },
  { "ru", "Этот вор украл наши фотографии.", "вор", DESK_LINT_ACCUSATION, "другой продавец", TRUE },
  { "ru", "Этот вор украл наши фотографии.", "украл", DESK_LINT_ACCUSATION, "использовали без разрешения", TRUE },
  { "ru", "Это обычное воровство.", "воровство", DESK_LINT_ACCUSATION, "неправомерное использование материалов карточки", TRUE },
  { "ru", "Приносим извинения за ошибку.", "Приносим извинения", DESK_LINT_ADMISSION, "Благодарим за рассмотрение обращения", FALSE },
  { "ru", "Мы гарантируем качество.", "гарантируем", DESK_LINT_PROMISE, "принимаем меры, чтобы обеспечить", TRUE },
  { "ru", "Иначе мы подадим в суд.", "подадим в суд", DESK_LINT_THREAT, "", TRUE },
  { "ru", "Умоляем, войдите в положение.", "Умоляем", DESK_LINT_PLEADING, "", FALSE },
  { "ru", "Крем лечит акне.", "лечит", DESK_LINT_CLAIM, "", TRUE },
  { "zh", "对方盗用了我们的图片。", "盗用", DESK_LINT_ACCUSATION, "未经授权使用", TRUE },
  { "zh", "他们抄袭我们的详情页。", "抄袭", DESK_LINT_ACCUSATION, "未经授权使用商品内容", TRUE },
  { "zh", "我们承认违规，深表歉意。", "我们承认", DESK_LINT_ADMISSION, "经核查", TRUE },
  { "zh", "我们保证不会再犯。", "我们保证", DESK_LINT_PROMISE, "我们将采取措施确保", TRUE },
  { "zh", "否则我们将起诉。", "起诉", DESK_LINT_THREAT, "", TRUE },
  { "zh", "求求你们恢复链接！！！", "求求", DESK_LINT_PLEADING, "", FALSE },
  { "zh", "本品可治疗失眠，全网第一。", "治疗", DESK_LINT_CLAIM, "", TRUE },
  { "zh", "本品可治疗失眠，全网第一。", "全网第一", DESK_LINT_CLAIM, "", TRUE },
};

static DeskLintFinding *
find (DeskLintReport *report, const char *words)
{
  for (guint i = 0; i < report->findings->len; i++)
    if (g_str_equal (((DeskLintFinding *)report->findings->pdata[i])->text, words))
      return report->findings->pdata[i];
  return NULL;
}

static void
test_lint_planted (void)
{
  g_autoptr (DeskRulePack) pack = desk_rule_pack_load_builtin (DESK_PLATFORM_JOOM, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    {
      g_autoptr (DeskLintReport) report = desk_letter_lint (planted[i].text, pack, DESK_CASE_TYPE_RESELLER, planted[i].language);
      DeskLintFinding *finding = find (report, planted[i].words);
      g_autofree char *fixed = NULL;

      g_test_message ("%s: %s", planted[i].language, planted[i].text);
      g_assert_nonnull (finding);
      g_assert_cmpint (finding->kind, ==, planted[i].kind);
      g_assert_cmpstr (finding->replacement, ==, planted[i].replacement);
      g_assert_cmpint (finding->blocking, ==, planted[i].blocking);
      g_assert_cmpuint (strlen (finding->why), >, 10);
      fixed = desk_letter_lint_apply (planted[i].text, finding);
      g_assert_null (strstr (fixed, planted[i].words));
      if (*planted[i].replacement)
        g_assert_nonnull (strstr (fixed, planted[i].replacement));
      if (planted[i].blocking)
        g_assert_true (desk_lint_report_is_blocking (report));
    }
}

/* Words that merely contain a listed phrase are not flagged. */
static void
test_lint_no_false_alarms (void)
{
  static const char *clean[][2] = {
    { "en", "To the best of our knowledge the stolen-goods database has no entry; best regards." },
    { "en", "Our storefront sells genuine goods. The heading and the health certificate are attached." },
    { "ru", "Ворота склада закрыты. Поиск показал, что улучшили упаковку." },
    { "zh", "保证金已缴纳。第一次上架时间见附件。律师法律意见书见附件5。" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (clean); i++)
    {
      g_autoptr (DeskLintReport) report = desk_letter_lint (clean[i][1], NULL, DESK_CASE_TYPE_UNKNOWN, clean[i][0]);

      for (guint j = 0; j < report->findings->len; j++)
        g_test_message ("unexpected: %s", ((DeskLintFinding *)report->findings->pdata[j])->text);
      /* "stolen-goods" is a compound: only "stolen" would be flagged; keep the count exact. */
      g_assert_cmpuint (report->findings->len, ==, i == 0 ? 1 : 0);
    }
}

static void
test_lint_language (void)
{
  g_autoptr (DeskLintReport) en = desk_letter_lint ("We fixed the title. 注意：改标题 before Friday.", NULL, DESK_CASE_TYPE_UNKNOWN, "en");
  g_autoptr (DeskLintReport) zh = desk_letter_lint ("注意：改标题。", NULL, DESK_CASE_TYPE_UNKNOWN, "zh");
  DeskLintFinding *finding;
  g_autofree char *fixed = NULL;

  g_assert_cmpuint (en->findings->len, ==, 1);
  finding = en->findings->pdata[0];
  g_assert_cmpstr (finding->text, ==, "注意：改标题");
  g_assert_cmpint (finding->kind, ==, DESK_LINT_LANGUAGE);
  g_assert_false (finding->blocking);
  fixed = desk_letter_lint_apply ("We fixed the title. 注意：改标题 before Friday.", finding);
  g_assert_cmpstr (fixed, ==, "We fixed the title. before Friday.");
  g_assert_cmpuint (zh->findings->len, ==, 0);
}

static void
test_lint_wrong_term (void)
{
  g_autoptr (DeskRulePack) shopee = desk_rule_pack_load_builtin (DESK_PLATFORM_SHOPEE, NULL);
  g_autoptr (DeskRulePack) joom = desk_rule_pack_load_builtin (DESK_PLATFORM_JOOM, NULL);
  g_autoptr (DeskLintReport) on_shopee = desk_letter_lint ("Case ID: 123, see Seller Central.", shopee, DESK_CASE_TYPE_IP_COMPLAINT, "en");
  g_autoptr (DeskLintReport) on_joom = desk_letter_lint ("Case ID: 123", joom, DESK_CASE_TYPE_RESELLER, "ru");
  DeskLintFinding *finding = find (on_shopee, "Case ID");

  g_assert_nonnull (finding);
  g_assert_cmpint (finding->kind, ==, DESK_LINT_WRONG_TERM);
  g_assert_cmpstr (finding->replacement, ==, "Issue ID");
  g_assert_nonnull (strstr (finding->why, "Issue ID"));
  g_assert_nonnull (find (on_shopee, "Seller Central"));
  g_assert_cmpuint (on_joom->findings->len, ==, 0);
}

static void
test_lint_limit (void)
{
  g_autoptr (DeskRulePack) tiktok = desk_rule_pack_load_builtin (DESK_PLATFORM_TIKTOK_SHOP, NULL);
  g_autoptr (DeskRulePack) amazon = desk_rule_pack_load_builtin (DESK_PLATFORM_AMAZON, NULL);
  g_autofree char *long_text = g_strnfill (501, 'a');
  g_autofree char *near_text = g_strnfill (460, 'a');
  g_autofree char *cjk = NULL;
  g_autoptr (DeskLintReport) over = desk_letter_lint (long_text, tiktok, DESK_CASE_TYPE_UNKNOWN, "en");
  g_autoptr (DeskLintReport) near = desk_letter_lint (near_text, tiktok, DESK_CASE_TYPE_IP_COMPLAINT, "en");
  g_autoptr (DeskLintReport) az = desk_letter_lint ("ok", amazon, DESK_CASE_TYPE_ACCOUNT_HEALTH, "en");
  g_autoptr (DeskLintReport) zh = NULL;
  GString *s = g_string_new (NULL);

  g_assert_cmpuint (over->limit, ==, 500);
  g_assert_cmpuint (over->chars, ==, 501);
  g_assert_cmpint (desk_lint_report_get_length (over), ==, DESK_LINT_LENGTH_OVER);
  g_assert_true (desk_lint_report_is_blocking (over));
  g_assert_cmpint (desk_lint_report_get_length (near), ==, DESK_LINT_LENGTH_NEAR);
  g_assert_false (desk_lint_report_is_blocking (near));
  g_assert_cmpuint (az->limit, ==, 2000);
  /* Characters, not bytes. */
  for (guint i = 0; i < 500; i++)
    g_string_append (s, "字");
  cjk = g_string_free (s, FALSE);
  zh = desk_letter_lint (cjk, tiktok, DESK_CASE_TYPE_IP_COMPLAINT, "zh");
  g_assert_cmpuint (zh->chars, ==, 500);
  g_assert_false (desk_lint_report_is_blocking (zh));
}

static void
test_lint_json (void)
{
  g_autoptr (DeskRulePack) pack = desk_rule_pack_load_builtin (DESK_PLATFORM_TIKTOK_SHOP, NULL);
  g_autoptr (DeskLintReport) report = desk_letter_lint ("They stole it.", pack, DESK_CASE_TYPE_IP_COMPLAINT, "en");
  g_autofree char *json = desk_lint_report_to_json (report);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *finding;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "chars"), ==, 14);
  g_assert_cmpint (json_object_get_int_member (root, "limit"), ==, 500);
  finding = json_array_get_object_element (json_object_get_array_member (root, "findings"), 0);
  g_assert_cmpstr (json_object_get_string_member (finding, "text"), ==, "stole");
  g_assert_cmpstr (json_object_get_string_member (finding, "kind"), ==, "accusation");
  g_assert_cmpstr (json_object_get_string_member (finding, "replacement"), ==, "used without authorization");
  g_assert_cmpint (json_object_get_int_member (finding, "start"), ==, 5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/letters/template/errors", test_template_errors);
  g_test_add_func ("/letters/template/render", test_template_render);
  g_test_add_func ("/letters/template/join-zh", test_join_zh);
  g_test_add_func ("/letters/templates/every-case-type", test_every_case_type_has_templates);
  g_test_add_func ("/letters/templates/resource-complete", test_resource_complete);
  g_test_add_func ("/letters/lint/planted", test_lint_planted);
  g_test_add_func ("/letters/lint/no-false-alarms", test_lint_no_false_alarms);
  g_test_add_func ("/letters/lint/wrong-term", test_lint_wrong_term);
  g_test_add_func ("/letters/lint/language", test_lint_language);
  g_test_add_func ("/letters/lint/limit", test_lint_limit);
  g_test_add_func ("/letters/lint/json", test_lint_json);
#define ADD(path, fn) g_test_add ("/letters/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("render-every-template", test_render_every_template);
  ADD ("joom-reseller", test_joom_reseller);
  ADD ("edits", test_edits);
  ADD ("actions-and-details", test_actions_and_details);
  ADD ("no-template", test_no_template);
  ADD ("reasons", test_reasons);
  ADD ("reasons-from-reading", test_reasons_from_reading);
  ADD ("chain", test_chain);
  return g_test_run ();
}
