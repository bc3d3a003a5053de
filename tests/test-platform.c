/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Platforms are data: the built-in ones get their names from the packs, and
 * a rule pack in the seller's data folder adds a platform, with no code. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "desk-case-snapshot.h"
#include "desk-intake.h"
#include "desk-platform.h"
#include "desk-test-util.h"
#include "desk-util.h"

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
      json_object_set_object_member (root, "platform_label", label);
    }
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
  g_assert_true (desk_platform_is_builtin (DESK_PLATFORM_TEMU));
  g_assert_cmpuint (desk_platform_get_count (), >=, DESK_N_PLATFORMS);
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
  g_assert_cmpint (kaspi, >=, DESK_N_PLATFORMS);
  g_assert_false (desk_platform_is_builtin (kaspi));
  g_assert_cmpstr (desk_platform_to_id (kaspi), ==, "kaspi");
  g_assert_cmpstr (desk_platform_get_label (kaspi), ==, "Kaspi");
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

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/platform/builtin-labels", test_builtin_labels);
  g_test_add_func ("/platform/user-pack-without-label", test_user_pack_without_label);
  g_test_add_func ("/platform/user-pack-adds-platform", test_user_pack_adds_platform);
  return g_test_run ();
}
