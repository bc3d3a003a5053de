/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "desk-rule-registry.h"
#include "desk-test-util.h"
#include "desk-util.h"

/* Built-in packs versus user packs in <data dir>/rules. */

typedef struct
{
  char *data_dir;
  char *rules_dir;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  f->data_dir = desk_test_make_data_dir ();
  f->rules_dir = g_build_filename (f->data_dir, "rules", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->rules_dir, 0700), ==, 0);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  desk_test_remove_tree (f->data_dir);
  g_free (f->data_dir);
  g_free (f->rules_dir);
}

static char *
builtin_text (DeskPlatform platform)
{
  g_autofree char *path = g_strdup_printf ("%s/rules/%s.json", RESOURCE_PREFIX, desk_platform_to_id (platform));
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  desk_rule_pack_ensure_resources ();
  bytes = g_resources_lookup_data (path, 0, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The built-in pack text with @from replaced by @to, written as @name. */
static void
write_user_pack (Fixture     *f,
                 const char  *name,
                 DeskPlatform platform,
                 const char  *from,
                 const char  *to)
{
  g_autofree char *text = builtin_text (platform);
  g_autoptr (GString) edited = g_string_new (text);
  g_autofree char *path = g_build_filename (f->rules_dir, name, NULL);
  g_autoptr (GError) error = NULL;

  if (from != NULL)
    g_assert_cmpuint (g_string_replace (edited, from, to, 1), ==, 1);
  g_file_set_contents (path, edited->str, -1, &error);
  g_assert_no_error (error);
}

static void
assert_one_problem (DeskRuleRegistry *registry,
                    int               code,
                    const char       *fragment,
                    const char       *fragment2)
{
  GPtrArray *problems = desk_rule_registry_get_problems (registry);
  GError    *problem;

  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_error (problem, DESK_RULE_PACK_ERROR, code);
  if (strstr (problem->message, fragment) == NULL || (fragment2 != NULL && strstr (problem->message, fragment2) == NULL))
    g_error ("unexpected problem: %s", problem->message);
}

static void
test_builtin_only (void)
{
  g_autoptr (DeskRuleRegistry) registry = desk_rule_registry_new (NULL);
  g_autoptr (GArray) reseller = desk_rule_registry_list_platforms (registry, DESK_CASE_TYPE_RESELLER);
  g_autoptr (GArray) ip = desk_rule_registry_list_platforms (registry, DESK_CASE_TYPE_IP_COMPLAINT);

  g_assert_cmpuint (desk_rule_registry_get_problems (registry)->len, ==, 0);
  for (int p = DESK_PLATFORM_UNKNOWN + 1; p < DESK_N_BUILTIN_PLATFORMS; p++)
    {
      DeskRulePack *pack = desk_rule_registry_get_pack (registry, p);

      g_assert_nonnull (pack);
      g_assert_cmpint (desk_rule_pack_get_platform (pack), ==, p);
      g_assert_cmpint (desk_rule_pack_get_origin (pack), ==, DESK_RULE_PACK_ORIGIN_BUILTIN);
    }
  g_assert_null (desk_rule_registry_get_pack (registry, DESK_PLATFORM_UNKNOWN));
  g_assert_cmpuint (reseller->len, ==, 1);
  g_assert_cmpint (g_array_index (reseller, DeskPlatform, 0), ==, DESK_PLATFORM_JOOM);
  g_assert_cmpuint (ip->len, ==, DESK_N_BUILTIN_PLATFORMS - 1);
}

static void
test_empty_user_dir (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (DeskRuleRegistry) registry = desk_rule_registry_new (f->rules_dir);
  g_autofree char *missing = g_build_filename (f->data_dir, "absent", NULL);
  g_autoptr (DeskRuleRegistry) registry2 = desk_rule_registry_new (missing);

  g_assert_cmpstr (desk_rule_registry_get_user_dir (registry), ==, f->rules_dir);
  g_assert_cmpuint (desk_rule_registry_get_problems (registry)->len, ==, 0);
  g_assert_cmpuint (desk_rule_registry_get_problems (registry2)->len, ==, 0);
}

static void
test_user_pack_newer_wins (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr (DeskRuleRegistry) registry = NULL;
  DeskRulePack         *pack;
  const DeskRuleFigure *max;
  g_autofree char      *label = NULL;
  g_autofree char      *expected_file = g_build_filename (f->rules_dir, "aliexpress.json", NULL);

  write_user_pack (f, "aliexpress.json", DESK_PLATFORM_ALIEXPRESS,
                   "\"pack_version\": \"1.0\"", "\"pack_version\": \"1.10\"");
  registry = desk_rule_registry_new (f->rules_dir);
  g_assert_cmpuint (desk_rule_registry_get_problems (registry)->len, ==, 0);

  pack = desk_rule_registry_get_pack (registry, DESK_PLATFORM_ALIEXPRESS);
  g_assert_cmpint (desk_rule_pack_get_origin (pack), ==, DESK_RULE_PACK_ORIGIN_USER);
  g_assert_cmpstr (desk_rule_pack_get_pack_version (pack), ==, "1.10");
  g_assert_cmpstr (desk_rule_pack_get_file_name (pack), ==, expected_file);
  label = desk_rule_pack_get_label (pack);
  g_assert_cmpstr (label, ==, "AliExpress rules v1.10 (your pack, effective 2026-03-12)");
  max = desk_case_rules_get_max_attempts (desk_rule_pack_get_case_rules (pack, DESK_CASE_TYPE_IP_COMPLAINT));
  g_assert_cmpfloat (desk_rule_figure_get_value (max), ==, 3);
  /* Other platforms keep their built-in packs. */
  g_assert_cmpint (desk_rule_pack_get_origin (desk_rule_registry_get_pack (registry, DESK_PLATFORM_SHOPEE)),
                   ==, DESK_RULE_PACK_ORIGIN_BUILTIN);
}

static void
test_user_pack_changes_figure (Fixture      *f,
                               gconstpointer data)
{
  g_autoptr (DeskRuleRegistry) registry = NULL;
  DeskRulePack *pack;

  write_user_pack (f, "amazon.json", DESK_PLATFORM_AMAZON, "\"pack_version\": \"1.0\"", "\"pack_version\": \"2\"");
  {
    /* The edited pack: 2000 → 3000 characters in every case type. */
    g_autofree char *path = g_build_filename (f->rules_dir, "amazon.json", NULL);
    g_autofree char *text = NULL;
    g_autoptr (GString) edited = NULL;

    g_file_get_contents (path, &text, NULL, NULL);
    edited = g_string_new (text);
    g_assert_cmpuint (g_string_replace (edited, "\"chars\": 2000", "\"chars\": 3000", 0), >=, 3);
    g_file_set_contents (path, edited->str, -1, NULL);
  }
  registry = desk_rule_registry_new (f->rules_dir);
  pack = desk_rule_registry_get_pack (registry, DESK_PLATFORM_AMAZON);
  g_assert_cmpuint (desk_rule_pack_get_char_limit (pack, DESK_CASE_TYPE_ACCOUNT_HEALTH), ==, 3000);
}

static void
test_user_pack_not_newer (Fixture      *f,
                          gconstpointer data)
{
  const char *versions[] = { "0.9", "1.0", "1" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *to = g_strdup_printf ("\"pack_version\": \"%s\"", versions[i]);
      g_autoptr (DeskRuleRegistry) registry = NULL;
      DeskRulePack *pack;

      write_user_pack (f, "joom.json", DESK_PLATFORM_JOOM, "\"pack_version\": \"1.0\"", to);
      registry = desk_rule_registry_new (f->rules_dir);
      pack = desk_rule_registry_get_pack (registry, DESK_PLATFORM_JOOM);
      g_assert_cmpint (desk_rule_pack_get_origin (pack), ==, DESK_RULE_PACK_ORIGIN_BUILTIN);
      g_assert_cmpstr (desk_rule_pack_get_pack_version (pack), ==, "1.0");
      assert_one_problem (registry, DESK_RULE_PACK_ERROR_NOT_NEWER, "joom.json: version", "is not newer than the built-in version 1.0");
    }
}

static void
test_user_pack_broken (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr (DeskRuleRegistry) registry = NULL;
  DeskRulePack *pack;

  write_user_pack (f, "shopee.json", DESK_PLATFORM_SHOPEE, "\"pack_version\": \"1.0\"", "\"pack_version\": \"9.0\"");
  {
    g_autofree char *path = g_build_filename (f->rules_dir, "shopee.json", NULL);
    g_autofree char *text = NULL;
    g_autoptr (GString) edited = NULL;

    g_file_get_contents (path, &text, NULL, NULL);
    edited = g_string_new (text);
    g_assert_cmpuint (g_string_replace (edited, "\"window_days\": 15", "\"window_days\": \"15\"", 1), ==, 1);
    g_file_set_contents (path, edited->str, -1, NULL);
  }
  registry = desk_rule_registry_new (f->rules_dir);
  pack = desk_rule_registry_get_pack (registry, DESK_PLATFORM_SHOPEE);
  g_assert_nonnull (pack);
  g_assert_cmpint (desk_rule_pack_get_origin (pack), ==, DESK_RULE_PACK_ORIGIN_BUILTIN);
  assert_one_problem (registry, DESK_RULE_PACK_ERROR_INVALID,
                      "shopee.json: at “case_types › ip-complaint › appeal_limits › second_appeal › window_days”: expected a positive integer, found string “15”",
                      "Using the built-in Shopee rules v1.0 (effective 2026-03-12) instead.");
}

static void
test_user_pack_not_json (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->rules_dir, "temu.json", NULL);
  g_autoptr (DeskRuleRegistry) registry = NULL;

  g_file_set_contents (path, "{ not json", -1, NULL);
  registry = desk_rule_registry_new (f->rules_dir);
  g_assert_cmpint (desk_rule_pack_get_origin (desk_rule_registry_get_pack (registry, DESK_PLATFORM_TEMU)),
                   ==, DESK_RULE_PACK_ORIGIN_BUILTIN);
  assert_one_problem (registry, DESK_RULE_PACK_ERROR_NOT_JSON, path, "not valid JSON");
}

static void
test_user_pack_wrong_platform (Fixture      *f,
                               gconstpointer data)
{
  g_autoptr (DeskRuleRegistry) registry = NULL;

  /* A Shopee pack saved as joom.json. */
  write_user_pack (f, "joom.json", DESK_PLATFORM_SHOPEE, "\"pack_version\": \"1.0\"", "\"pack_version\": \"5.0\"");
  registry = desk_rule_registry_new (f->rules_dir);
  g_assert_cmpint (desk_rule_pack_get_platform (desk_rule_registry_get_pack (registry, DESK_PLATFORM_JOOM)),
                   ==, DESK_PLATFORM_JOOM);
  g_assert_cmpint (desk_rule_pack_get_origin (desk_rule_registry_get_pack (registry, DESK_PLATFORM_SHOPEE)),
                   ==, DESK_RULE_PACK_ORIGIN_BUILTIN);
  assert_one_problem (registry, DESK_RULE_PACK_ERROR_WRONG_PLATFORM,
                      "the file name says joom, the pack says shopee", "Rename the file to shopee.json");
}

static void
test_stray_file (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (DeskRuleRegistry) registry = NULL;

  write_user_pack (f, "AliExpress.json", DESK_PLATFORM_ALIEXPRESS, "\"pack_version\": \"1.0\"", "\"pack_version\": \"5.0\"");
  write_user_pack (f, "notes.txt", DESK_PLATFORM_ALIEXPRESS, NULL, NULL);
  registry = desk_rule_registry_new (f->rules_dir);
  g_assert_cmpint (desk_rule_pack_get_origin (desk_rule_registry_get_pack (registry, DESK_PLATFORM_ALIEXPRESS)),
                   ==, DESK_RULE_PACK_ORIGIN_BUILTIN);
  assert_one_problem (registry, DESK_RULE_PACK_ERROR_WRONG_PLATFORM, "AliExpress.json: not read", "aliexpress.json");
}

static void
on_changed (DeskRuleRegistry *registry,
            guint            *count)
{
  (*count)++;
}

static void
test_reload (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (DeskRuleRegistry) registry = desk_rule_registry_new (f->rules_dir);
  g_autoptr (DeskRulePack) before = g_object_ref (desk_rule_registry_get_pack (registry, DESK_PLATFORM_LAZADA));
  guint changed = 0;

  g_signal_connect (registry, "changed", G_CALLBACK (on_changed), &changed);
  write_user_pack (f, "lazada.json", DESK_PLATFORM_LAZADA, "\"pack_version\": \"1.0\"", "\"pack_version\": \"1.1\"");
  desk_rule_registry_reload (registry);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (desk_rule_pack_get_pack_version (desk_rule_registry_get_pack (registry, DESK_PLATFORM_LAZADA)), ==, "1.1");
  /* A pack handed out earlier stays usable. */
  g_assert_cmpstr (desk_rule_pack_get_pack_version (before), ==, "1.0");
}

static void
test_default_user_dir (Fixture      *f,
                       gconstpointer data)
{
  g_autofree char *saved = g_strdup (g_getenv ("APPEAL_DESK_DATA_DIR"));
  g_autofree char *dir = NULL;

  g_setenv ("APPEAL_DESK_DATA_DIR", f->data_dir, TRUE);
  dir = desk_rule_registry_get_default_user_dir ();
  g_assert_cmpstr (dir, ==, f->rules_dir);
  if (saved != NULL)
    g_setenv ("APPEAL_DESK_DATA_DIR", saved, TRUE);
  else
    g_unsetenv ("APPEAL_DESK_DATA_DIR");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rule-registry/builtin-only", test_builtin_only);
#define ADD(path, func) g_test_add ("/rule-registry/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("empty-user-dir", test_empty_user_dir);
  ADD ("user-pack/newer-wins", test_user_pack_newer_wins);
  ADD ("user-pack/changes-figure", test_user_pack_changes_figure);
  ADD ("user-pack/not-newer", test_user_pack_not_newer);
  ADD ("user-pack/broken", test_user_pack_broken);
  ADD ("user-pack/not-json", test_user_pack_not_json);
  ADD ("user-pack/wrong-platform", test_user_pack_wrong_platform);
  ADD ("user-pack/stray-file", test_stray_file);
  ADD ("reload", test_reload);
  ADD ("default-user-dir", test_default_user_dir);
#undef ADD
  return g_test_run ();
}
