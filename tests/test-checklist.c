/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "desk-checklist.h"
#include "desk-checklist-private.h"
#include "desk-store-private.h"
#include "desk-test-util.h"

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

static DeskCase *
insert_case (DeskStore *store, DeskPlatform platform, DeskCaseType type)
{
  return desk_test_insert_case (store, &(DeskTestCase){ .platform = platform, .type = type });
}

static void
check_case_checklist (Fixture *f, DeskRulePack *pack, DeskCaseType type)
{
  g_autoptr (DeskCase) kase = insert_case (f->store, desk_rule_pack_get_platform (pack), type);
  g_autoptr (DeskCase) reloaded = NULL;
  g_autoptr (GPtrArray) reqs = desk_rule_pack_get_evidence_items (pack, type);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 99;

  g_assert_true (desk_checklist_create_for_case (f->store, desk_session_get_rules (f->session), kase, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, reqs->len);
  g_assert_cmpuint (n, >, 0);
  items = desk_checklist_list (f->session, desk_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, reqs->len);
  for (guint i = 0; i < items->len; i++)
    {
      DeskChecklistItem *item = items->pdata[i];

      g_assert_cmpstr (item->item_id, ==, desk_evidence_requirement_get_id (reqs->pdata[i]));
      g_assert_cmpint (item->required, ==, desk_evidence_requirement_get_required (reqs->pdata[i]));
      g_assert_cmpint (item->state, ==, DESK_CHECKLIST_MISSING);
      g_assert_true (desk_checklist_item_get_requirement (item, pack, type) != NULL);
    }
  reloaded = desk_store_get_case (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpstr (desk_case_get_rule_pack_version (reloaded), ==, desk_rule_pack_get_pack_version (pack));
}

static void
test_every_pack (Fixture *f, gconstpointer data)
{
  DeskRuleRegistry *rules = desk_session_get_rules (f->session);
  guint             checked = 0;

  for (DeskPlatform p = DESK_PLATFORM_ALIEXPRESS; p <= DESK_PLATFORM_TEMU; p++)
    {
      DeskRulePack       *pack = desk_rule_registry_get_pack (rules, p);
      guint               n_types = 0;
      const DeskCaseType *types;

      g_assert_nonnull (pack);
      types = desk_rule_pack_get_case_types (pack, &n_types);
      g_assert_cmpuint (n_types, >, 0);
      for (guint i = 0; i < n_types; i++, checked++)
        check_case_checklist (f, pack, types[i]);
    }
  g_assert_cmpuint (checked, >=, 7);
}

static void
test_no_pack_for_type (Fixture *f, gconstpointer data)
{
  /* Joom's pack has no activity-exit cases (an AliExpress thing). */
  g_autoptr (DeskCase) kase = insert_case (f->store, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_ACTIVITY_EXIT);
  DeskRulePack *pack = desk_rule_registry_get_pack (desk_session_get_rules (f->session), DESK_PLATFORM_JOOM);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 99;

  g_assert_false (desk_rule_pack_lists_case_type (pack, DESK_CASE_TYPE_ACTIVITY_EXIT));
  g_assert_true (desk_checklist_create_for_case (f->store, desk_session_get_rules (f->session), kase, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  items = desk_checklist_list (f->session, desk_case_get_id (kase), &error);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_false (desk_checklist_create_from_pack (f->store, pack, kase, &error));
  g_assert_error (error, DESK_CHECKLIST_ERROR, DESK_CHECKLIST_ERROR_NO_RULES);
}

static gint64
first_item (DeskStore *store, DeskCase *kase, guint index)
{
  g_autoptr (GPtrArray) items = _desk_checklist_list_stored (store, desk_case_get_id (kase), NULL);

  g_assert_cmpuint (items->len, >, index);
  return ((DeskChecklistItem *)items->pdata[index])->id;
}

static void
test_state_persists (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f->store, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (DeskChecklistItem) item = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskStore) again = NULL;
  guint  counts[3];
  gint64 id;

  g_assert_true (desk_checklist_create_for_case (f->store, desk_session_get_rules (f->session), kase, NULL, &error));
  id = first_item (f->store, kase, 1);
  g_assert_true (desk_checklist_set_state (f->store, id, DESK_CHECKLIST_NEEDS_ATTENTION, "No seal", &error));
  g_assert_no_error (error);
  /* NULL note keeps the note. */
  g_assert_true (desk_checklist_set_state (f->store, first_item (f->store, kase, 0), DESK_CHECKLIST_PROVIDED, NULL, &error));

  /* Another connection sees it: it is on disk. */
  again = desk_store_open (f->dir, &error);
  g_assert_no_error (error);
  item = _desk_checklist_get_stored_item (again, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (item->state, ==, DESK_CHECKLIST_NEEDS_ATTENTION);
  g_assert_cmpstr (item->note, ==, "No seal");
  g_assert_true (desk_checklist_set_state (again, id, DESK_CHECKLIST_PROVIDED, NULL, &error));
  g_clear_pointer (&item, desk_checklist_item_free);
  item = desk_checklist_find_item (f->session, desk_case_get_id (kase), "no-such-item", &error);
  g_assert_null (item);
  g_assert_error (error, DESK_CHECKLIST_ERROR, DESK_CHECKLIST_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (desk_checklist_count (f->session, desk_case_get_id (kase), counts, &error));
  g_assert_cmpuint (counts[DESK_CHECKLIST_PROVIDED], ==, 2);
  g_assert_cmpuint (counts[DESK_CHECKLIST_NEEDS_ATTENTION], ==, 0);
  g_assert_false (desk_checklist_set_state (f->store, 999999, DESK_CHECKLIST_PROVIDED, NULL, &error));
  g_assert_error (error, DESK_CHECKLIST_ERROR, DESK_CHECKLIST_ERROR_NOT_FOUND);
}

static void
test_recreate_keeps_state (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f->store, DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (DeskChecklistItem) item = NULL;
  g_autoptr (GError) error = NULL;
  guint  n = 99;
  gint64 id;

  g_assert_true (desk_checklist_create_for_case (f->store, desk_session_get_rules (f->session), kase, NULL, &error));
  id = first_item (f->store, kase, 0);
  g_assert_true (desk_checklist_set_state (f->store, id, DESK_CHECKLIST_PROVIDED, "ok", &error));
  g_assert_true (desk_checklist_create_for_case (f->store, desk_session_get_rules (f->session), kase, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  item = desk_checklist_get_item (f->session, id, &error);
  g_assert_cmpint (item->state, ==, DESK_CHECKLIST_PROVIDED);
}

static void
test_state_ids (void)
{
  DeskChecklistState state = DESK_CHECKLIST_MISSING;

  g_assert_cmpstr (desk_checklist_state_to_id (DESK_CHECKLIST_NEEDS_ATTENTION), ==, "needs-attention");
  g_assert_true (desk_checklist_state_from_id ("provided", &state));
  g_assert_cmpint (state, ==, DESK_CHECKLIST_PROVIDED);
  g_assert_false (desk_checklist_state_from_id ("done", &state));
  g_assert_cmpstr (desk_checklist_state_get_label (DESK_CHECKLIST_MISSING), ==, "Missing");
}

static void
test_attach_detach (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f->store, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (DeskChecklistItem) item = NULL;
  gint64 a = desk_test_insert_evidence_row (f->store, "authorization.pdf", NULL, NULL);
  gint64 b = desk_test_insert_evidence_row (f->store, "invoice.pdf", NULL, NULL);
  gint64 id, flagged;

  g_assert_true (desk_checklist_create_for_case (f->store, desk_session_get_rules (f->session), kase, NULL, &error));
  id = first_item (f->store, kase, 0);
  g_assert_true (_desk_checklist_attach_evidence (f->store, id, a, &error));
  g_assert_true (_desk_checklist_attach_evidence (f->store, id, b, &error));
  g_assert_true (_desk_checklist_attach_evidence (f->store, id, a, &error)); /* twice: no-op */
  g_assert_no_error (error);
  ids = desk_checklist_list_evidence (f->store, id, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, a);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, b);
  item = desk_checklist_get_item (f->session, id, &error);
  g_assert_cmpint (item->state, ==, DESK_CHECKLIST_PROVIDED);
  g_assert_cmpuint (item->n_evidence, ==, 2);
  g_clear_pointer (&item, desk_checklist_item_free);

  g_assert_true (_desk_checklist_detach_evidence (f->store, id, a, &error));
  item = desk_checklist_get_item (f->session, id, &error);
  g_assert_cmpint (item->state, ==, DESK_CHECKLIST_PROVIDED);
  g_clear_pointer (&item, desk_checklist_item_free);
  g_assert_true (_desk_checklist_detach_evidence (f->store, id, b, &error));
  item = desk_checklist_get_item (f->session, id, &error);
  g_assert_cmpint (item->state, ==, DESK_CHECKLIST_MISSING);
  g_assert_cmpuint (item->n_evidence, ==, 0);
  g_clear_pointer (&item, desk_checklist_item_free);

  /* "Needs attention" stays when files come and go. */
  flagged = first_item (f->store, kase, 1);
  g_assert_true (desk_checklist_set_state (f->store, flagged, DESK_CHECKLIST_NEEDS_ATTENTION, NULL, &error));
  g_assert_true (_desk_checklist_attach_evidence (f->store, flagged, b, &error));
  g_assert_true (_desk_checklist_detach_evidence (f->store, flagged, b, &error));
  item = desk_checklist_get_item (f->session, flagged, &error);
  g_assert_cmpint (item->state, ==, DESK_CHECKLIST_NEEDS_ATTENTION);

  /* Unknown evidence or item. */
  g_assert_false (_desk_checklist_attach_evidence (f->store, id, 424242, &error));
  g_assert_error (error, DESK_CHECKLIST_ERROR, DESK_CHECKLIST_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (_desk_checklist_attach_evidence (f->store, 424242, a, &error));
  g_assert_error (error, DESK_CHECKLIST_ERROR, DESK_CHECKLIST_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting the case removes its items and links. */
  g_assert_true (_desk_checklist_attach_evidence (f->store, id, a, &error));
  g_assert_true (desk_store_delete_case (f->store, desk_case_get_id (kase), &error));
  g_assert_no_error (error);
  g_clear_pointer (&ids, g_array_unref);
  ids = desk_checklist_list_evidence (f->store, id, &error);
  g_assert_cmpuint (ids->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add_func ("/checklist/state-ids", test_state_ids);
#define ADD(path, fn) g_test_add ("/checklist/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("every-pack", test_every_pack);
  ADD ("no-pack-for-type", test_no_pack_for_type);
  ADD ("state-persists", test_state_persists);
  ADD ("recreate-keeps-state", test_recreate_keeps_state);
  ADD ("attach-detach", test_attach_detach);
#undef ADD
  return g_test_run ();
}
