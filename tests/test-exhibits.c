/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "desk-checklist-private.h"
#include "desk-evidence-store.h"
#include "desk-store-private.h"
#include "desk-test-util.h"
#include "letters/desk-exhibits.h"

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

static gint64
insert_case (DeskStore *store, DeskPlatform platform, DeskCaseType type)
{
  g_autoptr (DeskRuleRegistry) rules = desk_rule_registry_new (NULL); /* built-in packs */
  g_autoptr (DeskCase) kase = desk_test_insert_case (store, &(DeskTestCase){ .platform = platform, .type = type });

  desk_test_create_checklist (store, rules, kase);
  return desk_case_get_id (kase);
}

static gint64
item_row (DeskStore *store, gint64 case_id, const char *item_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskChecklistItem) item = _desk_checklist_find_stored_item (store, case_id, item_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item->id;
}

static void
attach_case (DeskStore *store, gint64 case_id, gint64 evidence_id)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (desk_evidence_attach (store, case_id, evidence_id, &error));
  g_assert_no_error (error);
}

static void
attach_item (DeskStore *store, gint64 case_id, const char *item_id, gint64 evidence_id)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (desk_evidence_attach_to_checklist (store, item_row (store, case_id, item_id), evidence_id, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list (DeskSession *session, gint64 case_id, const char *language)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *exhibits = desk_exhibits_list (session, case_id, language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (exhibits);
  return exhibits;
}

#define EXHIBIT(a, i) ((DeskExhibit *)(a)->pdata[i])

/* Evidence of a Joom reseller case, added in an order unlike the checklist. */
typedef struct
{
  gint64 kase, invoice, authorization, listing, authorization_2, first_listing, notes;
} Joom;

static Joom
make_joom_case (DeskStore *store)
{
  Joom j;

  j.kase = insert_case (store, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  j.invoice = desk_test_insert_evidence_row (store, "scan of\ninvoice.pdf", NULL, NULL);
  j.authorization = desk_test_insert_evidence_row (store, "auth-brand-to-distributor.pdf", NULL, NULL);
  j.listing = desk_test_insert_evidence_row (store, "joom-listing.png", NULL, NULL);
  j.authorization_2 = desk_test_insert_evidence_row (store, "auth-distributor-to-us.pdf", NULL, NULL);
  j.first_listing = desk_test_insert_evidence_row (store, "created-date.png", NULL, NULL);
  j.notes = desk_test_insert_evidence_row (store, "notes", NULL, NULL);
  attach_case (store, j.kase, j.invoice);
  attach_item (store, j.kase, "brand-authorization", j.authorization);
  attach_item (store, j.kase, "reseller-listing-screenshots", j.listing);
  attach_item (store, j.kase, "brand-authorization", j.authorization_2);
  /* Linked to two items: counts under the first one in checklist order. */
  attach_item (store, j.kase, "packaging-photos-six-sides", j.first_listing);
  attach_item (store, j.kase, "first-listing-screenshot", j.first_listing);
  attach_case (store, j.kase, j.notes);
  return j;
}

static void
test_order (Fixture *f, gconstpointer data)
{
  Joom j = make_joom_case (f->store);
  g_autoptr (GPtrArray) exhibits = list (f->session, j.kase, "en");
  gint64 expected[] = { j.listing, j.first_listing, j.authorization, j.authorization_2, j.invoice, j.notes };

  g_assert_cmpuint (exhibits->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < exhibits->len; i++)
    {
      g_assert_cmpuint (EXHIBIT (exhibits, i)->number, ==, i + 1);
      g_assert_cmpint (EXHIBIT (exhibits, i)->evidence_id, ==, expected[i]);
    }
  g_assert_cmpstr (EXHIBIT (exhibits, 0)->item_id, ==, "reseller-listing-screenshots");
  g_assert_cmpint (EXHIBIT (exhibits, 0)->checklist_item_id, ==, item_row (f->store, j.kase, "reseller-listing-screenshots"));
  g_assert_cmpstr (EXHIBIT (exhibits, 1)->item_id, ==, "first-listing-screenshot");
  g_assert_cmpstr (EXHIBIT (exhibits, 2)->item_id, ==, "brand-authorization");
  g_assert_cmpstr (EXHIBIT (exhibits, 3)->item_id, ==, "brand-authorization");
  g_assert_cmpstr (EXHIBIT (exhibits, 2)->original_name, ==, "auth-brand-to-distributor.pdf");
  g_assert_null (EXHIBIT (exhibits, 4)->item_id);
  g_assert_null (EXHIBIT (exhibits, 4)->item_label);
  g_assert_cmpint (EXHIBIT (exhibits, 4)->checklist_item_id, ==, 0);
  g_assert_cmpstr (EXHIBIT (exhibits, 4)->original_name, ==, "scan of\ninvoice.pdf");
}

static void
test_descriptions (Fixture *f, gconstpointer data)
{
  Joom j = make_joom_case (f->store);
  g_autoptr (GPtrArray) en = list (f->session, j.kase, "en");
  g_autoptr (GPtrArray) ru = list (f->session, j.kase, "ru");
  g_autoptr (GPtrArray) zh = list (f->session, j.kase, "zh_CN");

  g_assert_cmpstr (EXHIBIT (en, 2)->item_label, ==, "Brand authorization");
  /* Two files under one item: told apart by their names. */
  g_assert_cmpstr (EXHIBIT (en, 2)->description, ==, "Exhibit 3 — Brand authorization, auth-brand-to-distributor");
  g_assert_cmpstr (EXHIBIT (ru, 3)->description, ==, "Приложение 4 — Авторизационное письмо правообладателя, auth-distributor-to-us");
  g_assert_cmpstr (EXHIBIT (zh, 2)->description, ==, "附件3：品牌授权书，auth-brand-to-distributor");
  g_assert_cmpstr (EXHIBIT (en, 0)->description, ==, "Exhibit 1 — Screenshots of the listings in question on Joom");
  g_assert_cmpstr (EXHIBIT (zh, 1)->description, ==, "附件2：首次上架时间截图");
  /* No item: the file name on one line, without its extension. */
  g_assert_cmpstr (EXHIBIT (en, 4)->description, ==, "Exhibit 5 — scan of invoice");
  g_assert_cmpstr (EXHIBIT (en, 5)->description, ==, "Exhibit 6 — notes");

  desk_exhibit_set_detail (EXHIBIT (en, 2), "brand owner → distributor, valid to 2027-06-30", "en");
  g_assert_cmpstr (EXHIBIT (en, 2)->description, ==, "Exhibit 3 — Brand authorization, brand owner → distributor, valid to 2027-06-30");
  desk_exhibit_set_detail (EXHIBIT (zh, 2), "品牌方 → 总代，有效期至 2027-06-30", "zh");
  g_assert_cmpstr (EXHIBIT (zh, 2)->description, ==, "附件3：品牌授权书，品牌方 → 总代，有效期至 2027-06-30");
  {
    g_autoptr (DeskExhibit) copy = desk_exhibit_copy (EXHIBIT (en, 2));

    g_assert_cmpstr (copy->description, ==, EXHIBIT (en, 2)->description);
    g_assert_cmpstr (copy->detail, ==, "brand owner → distributor, valid to 2027-06-30");
  }
}

static void
test_references (void)
{
  g_autofree char *en = desk_exhibit_format_reference (12, "en");
  g_autofree char *ru = desk_exhibit_format_reference (12, "ru");
  g_autofree char *zh = desk_exhibit_format_reference (12, "zh");
  g_autofree char *other = desk_exhibit_format_reference (1, "de");

  g_assert_cmpstr (en, ==, "Exhibit 12");
  g_assert_cmpstr (ru, ==, "Приложение 12");
  g_assert_cmpstr (zh, ==, "附件12");
  g_assert_cmpstr (other, ==, "Exhibit 1");
}

static void
test_several_references (void)
{
  const guint      two[] = { 4, 5 }, three[] = { 1, 2, 7 };
  g_autofree char *en2 = desk_exhibit_format_references (two, 2, "en");
  g_autofree char *en3 = desk_exhibit_format_references (three, 3, "en");
  g_autofree char *ru2 = desk_exhibit_format_references (two, 2, "ru");
  g_autofree char *zh3 = desk_exhibit_format_references (three, 3, "zh");
  g_autofree char *one = desk_exhibit_format_references (three, 1, "ru");
  g_autofree char *none = desk_exhibit_format_references (three, 0, "en");

  g_assert_cmpstr (en2, ==, "Exhibits 4 and 5");
  g_assert_cmpstr (en3, ==, "Exhibits 1, 2 and 7");
  g_assert_cmpstr (ru2, ==, "Приложения 4 и 5");
  g_assert_cmpstr (zh3, ==, "附件1、2、7");
  g_assert_cmpstr (one, ==, "Приложение 1");
  g_assert_cmpstr (none, ==, "");
}

/* Unlinking renumbers: the item moves behind the linked ones. */
static void
test_renumber_on_unlink (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Joom j = make_joom_case (f->store);
  g_autoptr (GPtrArray) exhibits = NULL;

  g_assert_true (desk_evidence_detach_from_checklist (f->store, item_row (f->store, j.kase, "reseller-listing-screenshots"), j.listing, &error));
  g_assert_no_error (error);
  exhibits = list (f->session, j.kase, "en");
  g_assert_cmpuint (exhibits->len, ==, 6);
  g_assert_cmpint (EXHIBIT (exhibits, 0)->evidence_id, ==, j.first_listing);
  /* Unlinked ones by the time they were added to the case. */
  g_assert_cmpint (EXHIBIT (exhibits, 3)->evidence_id, ==, j.invoice);
  g_assert_cmpint (EXHIBIT (exhibits, 4)->evidence_id, ==, j.listing);
  g_assert_cmpint (EXHIBIT (exhibits, 5)->evidence_id, ==, j.notes);
  g_assert_cmpstr (EXHIBIT (exhibits, 4)->description, ==, "Exhibit 5 — joom-listing");
}

/* Other cases' evidence and links never leak in. */
static void
test_other_case (Fixture *f, gconstpointer data)
{
  Joom   j = make_joom_case (f->store);
  gint64 other = insert_case (f->store, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (GPtrArray) mine = NULL;
  g_autoptr (GPtrArray) theirs = NULL;

  attach_item (f->store, other, "reseller-listing-screenshots", j.authorization);
  mine = list (f->session, j.kase, "en");
  theirs = list (f->session, other, "en");
  g_assert_cmpuint (mine->len, ==, 6);
  g_assert_cmpint (EXHIBIT (mine, 2)->evidence_id, ==, j.authorization);
  g_assert_cmpstr (EXHIBIT (mine, 2)->item_id, ==, "brand-authorization");
  g_assert_cmpuint (theirs->len, ==, 1);
  g_assert_cmpstr (EXHIBIT (theirs, 0)->item_id, ==, "reseller-listing-screenshots");
}

static void
test_empty_and_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 kase = insert_case (f->store, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (GPtrArray) none = list (f->session, kase, "en");
  g_autoptr (GPtrArray) missing = desk_exhibits_list (f->session, kase + 100, "en", &error);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_null (missing);
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
}

/* A checklist item the letter data does not know: the pack's label, else the id. */
static void
test_title_fallback (Fixture *f, gconstpointer data)
{
  gint64           kase = insert_case (f->store, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  gint64           ev = desk_test_insert_evidence_row (f->store, "x.pdf", NULL, NULL);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO checklist_items (case_id, item_id, position) VALUES (%" G_GINT64_FORMAT ", 'custom-proof', -1)", kase);
  g_autoptr (GPtrArray) exhibits = NULL;

  g_assert_cmpint (sqlite3_exec (_desk_store_get_db (f->store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  attach_item (f->store, kase, "custom-proof", ev);
  exhibits = list (f->session, kase, "en");
  g_assert_cmpuint (exhibits->len, ==, 1);
  g_assert_cmpstr (EXHIBIT (exhibits, 0)->description, ==, "Exhibit 1 — custom-proof");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/exhibits/references", test_references);
  g_test_add_func ("/exhibits/several-references", test_several_references);
#define ADD(path, fn) g_test_add ("/exhibits/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("order", test_order);
  ADD ("descriptions", test_descriptions);
  ADD ("renumber-on-unlink", test_renumber_on_unlink);
  ADD ("other-case", test_other_case);
  ADD ("empty-and-missing", test_empty_and_missing);
  ADD ("title-fallback", test_title_fallback);
  return g_test_run ();
}
