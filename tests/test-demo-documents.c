/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "desk-checklist.h"
#include "desk-demo-documents.h"
#include "desk-evidence-store.h"
#include "desk-test-util.h"

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

static DeskCase *
insert_case (Fixture *f, DeskPlatform platform, DeskCaseType type, const char *notice)
{
  const char *products[] = { "22851349076", NULL };
  DeskCase   *kase = desk_test_insert_case (f->store, &(DeskTestCase){ .platform = platform, .type = type, .title = "Bluetooth earbuds TWS-X3", .product_ids = products, .notice_text = notice });

  desk_test_create_checklist (f->store, desk_session_get_rules (f->session), kase);
  return kase;
}

static DeskChecklistState
state_of (Fixture *f, DeskCase *kase, const char *item_id)
{
  g_autoptr (DeskChecklistItem) item = desk_checklist_find_item (f->session, desk_case_get_id (kase), item_id, NULL);

  g_assert_nonnull (item);
  return item->state;
}

/* Each kind is a real document: the evidence inspector reads it. */
static void
test_documents_are_real (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, NULL);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  int n;

  n = desk_demo_add_documents (f->store, kase, &error);
  g_assert_no_error (error);
  /* Shopee IP: authorization, invoice, test report. */
  g_assert_cmpint (n, ==, 3);
  items = desk_evidence_list_for_case (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpuint (items->len, ==, 3);
  for (guint i = 0; i < items->len; i++)
    {
      g_assert_cmpstr (desk_evidence_get_mime_type (items->pdata[i]), ==, "application/pdf");
      g_assert_cmpuint (desk_evidence_get_page_count (items->pdata[i]), ==, 1);
      g_assert_false (desk_evidence_get_scan_only (items->pdata[i]));
    }
  /* (The authorization chain check may ask for attention: it is not missing.) */
  g_assert_cmpint (state_of (f, kase, "brand-authorization"), !=, DESK_CHECKLIST_MISSING);
  g_assert_cmpint (state_of (f, kase, "purchase-invoice"), ==, DESK_CHECKLIST_PROVIDED);
  g_assert_cmpint (state_of (f, kase, "trademark-certificate"), ==, DESK_CHECKLIST_MISSING);
}

static void
test_screenshot (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, NULL);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (desk_demo_add_documents (f->store, kase, &error), >=, 2);
  items = desk_evidence_list_for_case (f->store, desk_case_get_id (kase), &error);
  for (guint i = 0; i < items->len; i++)
    {
      int w = 0, h = 0;

      if (g_strcmp0 (desk_evidence_get_mime_type (items->pdata[i]), "image/png") != 0)
        continue;
      found = TRUE;
      g_assert_true (desk_evidence_get_image_size (items->pdata[i], &w, &h));
      g_assert_cmpint (w, ==, 1280);
      g_assert_cmpint (h, ==, 800);
    }
  g_assert_true (found);
  g_assert_cmpint (state_of (f, kase, "reseller-listing-screenshots"), ==, DESK_CHECKLIST_PROVIDED);
}

/* The notice saved with a case is its "platform notice" evidence. */
static void
test_notice_item_provided (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) with = insert_case (f, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, "Complaint ID: SPC-1");
  g_autoptr (DeskCase) without = insert_case (f, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, NULL);

  g_assert_cmpint (state_of (f, with, DESK_CHECKLIST_NOTICE_ITEM), ==, DESK_CHECKLIST_PROVIDED);
  g_assert_cmpint (state_of (f, without, DESK_CHECKLIST_NOTICE_ITEM), ==, DESK_CHECKLIST_MISSING);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add ("/demo-documents/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("documents-are-real", test_documents_are_real);
  ADD ("screenshot", test_screenshot);
  ADD ("notice-item-provided", test_notice_item_provided);
  return g_test_run ();
}
