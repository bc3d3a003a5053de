/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "desk-notice.h"
#include "desk-rule-pack.h"
#include "desk-test-util.h"
#include "desk-util.h"

#define P(x) DESK_PLATFORM_##x
#define C(x) DESK_CASE_TYPE_##x

/* Every notice is "received" at this moment (Sunday 15:05 Beijing time). */
#define RECEIVED "2026-11-22T07:05:00Z"

typedef struct
{
  const char  *file;
  DeskPlatform platform; /* UNKNOWN: not asserted when !confident */
  DeskCaseType case_type;
  gboolean     confident;
  const char  *issue_id;
  const char  *case_id;
  const char  *code;
  const char  *products; /* comma-separated, exact and in order */
  const char  *deadline; /* UTC ISO 8601, NULL for none */
  gboolean     relative;
  const char  *evidence; /* comma-separated ids that must be present */
} NoticeCase;

static const NoticeCase notice_cases[] = {
  { "aliexpress-ip-complaint-en.txt", P (ALIEXPRESS), C (IP_COMPLAINT), TRUE,
    "AE-IPR-20261122-0453", NULL, NULL, "1005006123456789,1005006123456790",
    "2026-11-25T07:05:00Z", FALSE, "trademark-certificate,brand-authorization,purchase-invoice,counter-notice" },
  { "aliexpress-ip-complaint-zh.txt", P (ALIEXPRESS), C (IP_COMPLAINT), TRUE,
    "AE-TRO-2026-118207", NULL, NULL, "1005005987654321,1005005987654322",
    "2026-11-25T15:59:59Z", FALSE, "trademark-certificate,brand-authorization,purchase-invoice,counter-notice" },
  { "aliexpress-listing-takedown-en.txt", P (ALIEXPRESS), C (LISTING_TAKEDOWN), TRUE,
    "AE-LST-7781203", NULL, NULL, "1005007001234567", "2026-11-29T07:05:00Z", TRUE, "" },
  /* "3 working days" from a Sunday: Mon, Tue, Wed. */
  { "aliexpress-listing-takedown-zh.txt", P (ALIEXPRESS), C (LISTING_TAKEDOWN), TRUE,
    "AE-CAT-20261120-3391", NULL, NULL, "1005006555512345", "2026-11-25T07:05:00Z", TRUE, "" },
  { "aliexpress-qualification-missing-en.txt", P (ALIEXPRESS), C (QUALIFICATION_MISSING), TRUE,
    "AE-QUAL-556102", NULL, NULL, "1005004433221100,1005004433221101",
    "2026-12-06T15:59:00Z", FALSE, "ce-certificate,test-report" },
  { "aliexpress-quality-inspection-en.txt", P (ALIEXPRESS), C (QUALITY_INSPECTION), TRUE,
    "AE-QI-2026-22817", NULL, NULL, "1005003322110099", "2026-12-02T07:05:00Z", TRUE,
    "third-party-test-report,test-report,root-cause-analysis" },
  { "aliexpress-quality-inspection-zh.txt", P (ALIEXPRESS), C (QUALITY_INSPECTION), TRUE,
    "QC-20261118-0072", NULL, NULL, "1005006789012345", "2026-12-07T07:05:00Z", TRUE,
    "third-party-test-report,test-report,root-cause-analysis" },
  /* The first "within 72 hours" defines late shipment, the second is the deadline. */
  { "aliexpress-activity-exit-en.txt", P (ALIEXPRESS), C (ACTIVITY_EXIT), TRUE,
    "AE-ACT-20261121-0913", NULL, NULL, "1005006001112223,1005006001112224",
    "2026-11-25T07:05:00Z", TRUE, "post-mortem" },
  { "aliexpress-activity-exit-zh.txt", P (ALIEXPRESS), C (ACTIVITY_EXIT), TRUE,
    "AE-ACT-7730021", NULL, NULL, "1005005550001111,1005005550002222",
    "2026-11-25T07:05:00Z", TRUE, "post-mortem" },
  /* 5 business days from a Sunday: the next Friday. */
  { "aliexpress-account-health-en.txt", P (ALIEXPRESS), C (ACCOUNT_HEALTH), TRUE,
    "AE-ACC-20261122-001", NULL, NULL, "", "2026-11-27T07:05:00Z", TRUE, "root-cause-analysis" },
  { "shopee-ip-complaint-en.txt", P (SHOPEE), C (IP_COMPLAINT), TRUE,
    "SG-IPC-20261122-00871", NULL, "IP-01", "23456789012", "2026-11-25T07:05:00Z", FALSE,
    "trademark-certificate,brand-authorization,purchase-invoice,product-photos" },
  { "shopee-ip-complaint-zh.txt", P (SHOPEE), C (IP_COMPLAINT), TRUE,
    "MY-IPC-20261120-01547", NULL, "IP-03", "18765432109", "2026-11-25T07:05:00Z", TRUE,
    "brand-authorization,purchase-invoice" },
  { "shopee-qualification-missing-en.txt", P (SHOPEE), C (QUALIFICATION_MISSING), TRUE,
    NULL, "2611220045", NULL, "21098765432,21098765433", "2026-11-29T15:59:59Z", FALSE,
    "sirim-certificate" },
  { "shopee-store-complaint-en.txt", P (SHOPEE), C (STORE_COMPLAINT), TRUE,
    "PH-LSC-20261121-22093", NULL, "LI-03", "19988776655", "2026-11-25T07:05:00Z", TRUE,
    "logistics-documents" },
  { "shopee-store-complaint-zh.txt", P (SHOPEE), C (STORE_COMPLAINT), TRUE,
    "TW-LIC-20261119-00412", NULL, NULL, "22233344455", "2026-11-25T07:05:00Z", TRUE, "test-report" },
  { "shopee-account-health-en.txt", P (SHOPEE), C (ACCOUNT_HEALTH), TRUE,
    "ACH-SHP-20261122-7751", NULL, NULL, "", NULL, FALSE, "" },
  { "joom-ip-complaint-en.txt", P (JOOM), C (IP_COMPLAINT), TRUE,
    "JM-IP-882910", NULL, NULL, "5f3c2a1b9e8d7c6b5a4f3e2d", "2026-11-25T07:05:00Z", TRUE,
    "trademark-certificate,brand-authorization" },
  { "joom-reseller-en.txt", P (JOOM), C (RESELLER), TRUE,
    /* The reported listings are the resellers', never the seller's products. */
    NULL, "JR-2026-1120-44871", NULL, "60a7b8c9d0e1f2a3b4c5d6e7",
    "2026-12-06T07:05:00Z", TRUE,
    "brand-authorization,first-listing-screenshot,packaging-photos-six-sides,serial-number-photos" },
  { "joom-reseller-ru.txt", P (JOOM), C (RESELLER), TRUE,
    NULL, "JR-2026-1118-39002", NULL, "62c3d4e5f6a7b8c9d0e1f203", "2026-11-25T07:05:00Z", TRUE,
    "brand-authorization,first-listing-screenshot,packaging-photos-six-sides" },
  { "joom-account-health-en.txt", P (JOOM), C (ACCOUNT_HEALTH), TRUE,
    NULL, "73391045", NULL, "", "2026-11-29T07:05:00Z", TRUE, "root-cause-analysis" },
  { "amazon-ip-complaint-en.txt", P (AMAZON), C (IP_COMPLAINT), TRUE,
    "1234567890", NULL, NULL, "B0CX7K9L2M,B0CX7K9L3N", "2026-11-25T07:05:00Z", TRUE,
    "brand-authorization,purchase-invoice" },
  /* 11:59 PM PST is 07:59 UTC the next day. */
  { "amazon-account-health-en.txt", P (AMAZON), C (ACCOUNT_HEALTH), TRUE,
    NULL, "15823749201", NULL, "", "2026-11-26T07:59:00Z", FALSE, "root-cause-analysis" },
  { "amazon-account-health-zh.txt", P (AMAZON), C (ACCOUNT_HEALTH), TRUE,
    NULL, "19274650381", NULL, "", "2026-11-29T15:59:00Z", FALSE, "business-license" },
  { "tiktok-shop-ip-complaint-en.txt", P (TIKTOK_SHOP), C (IP_COMPLAINT), TRUE,
    "TTS-IPR-66120937", NULL, NULL, "1729384756102938475", "2026-11-27T07:05:00Z", TRUE,
    "brand-authorization" },
  { "tiktok-shop-account-health-en.txt", P (TIKTOK_SHOP), C (ACCOUNT_HEALTH), TRUE,
    NULL, NULL, NULL, "", "2026-11-29T07:05:00Z", TRUE, "" },
  { "tiktok-shop-account-health-zh.txt", P (TIKTOK_SHOP), C (ACCOUNT_HEALTH), TRUE,
    "TT-VR-20261121-58821", NULL, NULL, "", "2026-11-28T10:00:00Z", FALSE, "root-cause-analysis" },
  { "lazada-ip-complaint-en.txt", P (LAZADA), C (IP_COMPLAINT), TRUE,
    "LZD-IPR-2026-0098871", NULL, NULL, "2345678901,LZ-EARBUD-X1-BLK", "2026-11-27T07:05:00Z", TRUE,
    "trademark-certificate,brand-authorization,counter-notice" },
  { "lazada-qualification-missing-en.txt", P (LAZADA), C (QUALIFICATION_MISSING), TRUE,
    "LZ-ID-CMP-20261121-3310", NULL, NULL, "3456789012,3456789013", "2026-12-06T07:05:00Z", TRUE,
    "bpom-registration" },
  { "lazada-qualification-missing-zh.txt", P (LAZADA), C (QUALIFICATION_MISSING), TRUE,
    "LZ-MY-QUAL-20261120-0051", NULL, NULL, "4567890123,4567890124", "2026-12-01T15:59:59Z", FALSE,
    "sirim-certificate" },
  { "lazada-account-health-en.txt", P (LAZADA), C (ACCOUNT_HEALTH), TRUE, NULL, "LZD-SP-20261122-4410", NULL, "", "2026-11-25T07:05:00Z", TRUE, "" },
  { "temu-ip-complaint-en.txt", P (TEMU), C (IP_COMPLAINT), TRUE,
    "TM-AUTH-20261122-1187", NULL, NULL, "601099512345678,7788990011", "2026-11-25T07:05:00Z", TRUE,
    "brand-authorization,purchase-invoice,product-photos" },
  { "temu-account-health-en.txt", P (TEMU), C (ACCOUNT_HEALTH), TRUE,
    NULL, "TMU-TK-5591820", NULL, "", "2026-11-24T07:05:00Z", TRUE, "root-cause-analysis" },
  { "temu-account-health-zh.txt", P (TEMU), C (ACCOUNT_HEALTH), TRUE,
    NULL, "TEMU-2026112255013", NULL, "", "2026-11-24T07:05:00Z", TRUE, "root-cause-analysis" },
  /* Development notices for the structure and label vocabulary (issue 9):
   * menu paths and signatures, labels the first decoder did not know, Russian,
   * a campaign exit naming no platform, the seller's own notes of a reseller. */
  { "amazon-counterfeit-menu-path-en.txt", P (AMAZON), C (IP_COMPLAINT), TRUE,
    "16398827441", NULL, NULL, "B0DKQ4R7TX", NULL, FALSE, "purchase-invoice" },
  { "tiktok-shop-medical-claims-en.txt", P (TIKTOK_SHOP), C (LISTING_TAKEDOWN), TRUE,
    NULL, NULL, NULL, "1731220098877665544", "2026-11-29T07:05:00Z", TRUE, "" },
  { "joom-trademark-complaint-ru.txt", P (JOOM), C (IP_COMPLAINT), TRUE,
    "4471902", NULL, NULL, "6512ab34cd56ef7890a1b2c3", "2026-11-27T07:05:00Z", TRUE, "brand-authorization" },
  { "aliexpress-flash-deals-exit-zh.txt", P (ALIEXPRESS), C (ACTIVITY_EXIT), TRUE,
    NULL, NULL, NULL, "1005007412345678", "2026-11-27T07:05:00Z", TRUE, "root-cause-analysis,post-mortem" },
  { "aliexpress-spot-check-zh.txt", P (ALIEXPRESS), C (QUALITY_INSPECTION), TRUE,
    "QI-2026-11-0381", NULL, NULL, "1005006998877665", "2026-11-29T07:05:00Z", TRUE, "third-party-test-report,test-report,root-cause-analysis" },
  { "lazada-case-reference-en.txt", P (LAZADA), C (QUALIFICATION_MISSING), TRUE,
    "LZ-CS-88301277", NULL, NULL, "LZ-KETTLE-17L-WHT,3987001122", "2026-11-29T07:05:00Z", TRUE, "sirim-certificate" },
  { "temu-ticket-no-en.txt", P (TEMU), C (IP_COMPLAINT), TRUE,
    NULL, "TMU-58220931", NULL, "601099533221100,7744556633", "2026-11-25T07:05:00Z", TRUE, "brand-authorization,purchase-invoice" },
  { "aliexpress-reseller-notes-zh.txt", P (ALIEXPRESS), C (RESELLER), TRUE,
    NULL, NULL, NULL, "1005006321098765", NULL, FALSE, "brand-authorization,first-listing-screenshot,packaging-photos-six-sides" },
  { "shopee-seller-centre-page-en.txt", P (SHOPEE), C (IP_COMPLAINT), TRUE,
    NULL, NULL, "IP-02", "24599887712", "2026-11-24T15:59:00Z", FALSE, "" },
  { "shopee-store-complaint-email-zh.txt", P (SHOPEE), C (STORE_COMPLAINT), TRUE,
    NULL, NULL, "LI-01", "22109876543", "2026-11-24T07:05:00Z", TRUE, "product-photos" },
  { "amazon-account-suspended-en.txt", P (AMAZON), C (ACCOUNT_HEALTH), TRUE,
    NULL, "17750334928", NULL, "", NULL, FALSE, "root-cause-analysis" },
  { "tiktok-shop-campaign-exit-zh.txt", P (TIKTOK_SHOP), C (ACTIVITY_EXIT), TRUE,
    NULL, NULL, NULL, "1729988776655443322,1729988776655443323", NULL, FALSE, "root-cause-analysis" },
  { "aliexpress-trademark-ru.txt", P (ALIEXPRESS), C (IP_COMPLAINT), TRUE,
    "AER-IP-55120", NULL, NULL, "1005005123409876", "2026-11-25T07:05:00Z", TRUE, "" },
  { "tiktok-shop-ip-complaint-zh.txt", P (TIKTOK_SHOP), C (IP_COMPLAINT), TRUE,
    "IPR-7788120034", NULL, NULL, "1729300011223344556", "2026-11-25T07:05:00Z", TRUE, "brand-authorization,counter-notice" },
  { "temu-account-health-table-en.txt", P (TEMU), C (ACCOUNT_HEALTH), TRUE,
    "TW-2026-11-7710", NULL, NULL, "", "2026-11-27T07:05:00Z", TRUE, "" },
  { "shopee-qualification-zh.txt", P (SHOPEE), C (QUALIFICATION_MISSING), TRUE,
    NULL, NULL, NULL, "27766554433", "2026-12-01T15:59:59Z", FALSE, "sirim-certificate" },
  { "lazada-ip-complaint-zh.txt", P (LAZADA), C (IP_COMPLAINT), TRUE,
    "LZD-IP-20261121-7781", NULL, NULL, "3344556677,AP-FILTER-02", "2026-11-27T07:05:00Z", TRUE, "brand-authorization,purchase-invoice" },
  /* Amazon's rule pack has no reseller case type: the guess is shown, not trusted. */
  { "amazon-hijacker-notes-en.txt", P (AMAZON), C (RESELLER), FALSE,
    NULL, NULL, NULL, "B0C9HJK2LM", NULL, FALSE, "trademark-certificate" },
  { "joom-account-health-ru.txt", P (JOOM), C (ACCOUNT_HEALTH), TRUE,
    NULL, NULL, NULL, "", NULL, FALSE, "" },
  { "aliexpress-qualification-zh.txt", P (ALIEXPRESS), C (QUALIFICATION_MISSING), TRUE,
    "AE-QUAL-20261121-0088", NULL, NULL, "1005006677889900", "2026-12-05T15:59:00Z", FALSE, "ce-certificate" },
  { "amazon-listing-takedown-en.txt", P (AMAZON), C (LISTING_TAKEDOWN), TRUE,
    NULL, NULL, NULL, "B0B7XYZ123,SMB-MAT-RED-01", NULL, FALSE, "" },
  { "shopee-account-health-zh.txt", P (SHOPEE), C (ACCOUNT_HEALTH), TRUE,
    NULL, NULL, NULL, "", NULL, FALSE, "" },
  /* Traditional Chinese (Shopee Taiwan) reads like simplified; values stay as written. */
  { "shopee-ip-complaint-tw.txt", P (SHOPEE), C (IP_COMPLAINT), TRUE,
    "TW-IPR-20261118-03321", NULL, "IP-01", "25566778899", "2026-11-25T07:05:00Z", TRUE,
    "brand-authorization,purchase-invoice" },
  { "amazon-copyright-forwarded-en.txt", P (AMAZON), C (IP_COMPLAINT), TRUE,
    "9987766554", NULL, NULL, "B0D1234XYZ,B0D1234XZA", NULL, FALSE, "" },
  { "tiktok-shop-penalty-zh.txt", P (TIKTOK_SHOP), C (ACCOUNT_HEALTH), TRUE,
    "TTS-PEN-20261120-77812", NULL, NULL, "", "2026-11-25T07:05:00Z", TRUE, "" },
  { "lazada-qc-rejected-page-en.txt", P (LAZADA), C (QUALIFICATION_MISSING), TRUE,
    NULL, NULL, NULL, "WB-750-SS-BLK,2876543210", NULL, FALSE, "sirim-certificate" },
  { "shopee-copycat-notes-en.txt", P (SHOPEE), C (RESELLER), TRUE,
    NULL, NULL, NULL, "24681357911", NULL, FALSE, "" },
  /* «LUMIX»: a Russian closing quote is not a menu arrow. */
  { "joom-counterfeit-ru.txt", P (JOOM), C (IP_COMPLAINT), TRUE,
    NULL, "JM-CF-2026-11-0045", NULL, "6701abcdef0123456789abcd", "2026-11-29T07:05:00Z", TRUE, "" },
  { "mixed-script.txt", P (SHOPEE), C (IP_COMPLAINT), TRUE,
    "VN-IPC-20261121-00233", NULL, "IP-01", "20987654321", "2026-11-24T10:00:00Z", FALSE,
    "trademark-certificate,brand-authorization" },
  { "invalid-utf8.txt", P (SHOPEE), C (IP_COMPLAINT), TRUE,
    "SG-IPC-20261122-00871", NULL, "IP-01", "23456789012", "2026-11-25T07:05:00Z", FALSE,
    "trademark-certificate" },
  /* Two platforms named equally: must not be confident about either. */
  { "ambiguous-shopee-lazada.txt", P (UNKNOWN), C (IP_COMPLAINT), FALSE,
    NULL, NULL, NULL, "1234567890", NULL, FALSE, "" },
  { "unrelated-email.txt", P (UNKNOWN), C (UNKNOWN), FALSE, NULL, NULL, NULL, "", NULL, FALSE, "" },
  { "garbage.bin", P (UNKNOWN), C (UNKNOWN), FALSE, NULL, NULL, NULL, "", NULL, FALSE, "" },
  { "empty.txt", P (UNKNOWN), C (UNKNOWN), FALSE, NULL, NULL, NULL, "", NULL, FALSE, "" },
  { "whitespace.txt", P (UNKNOWN), C (UNKNOWN), FALSE, NULL, NULL, NULL, "", NULL, FALSE, "" },
};

static GDateTime *
received_at (void)
{
  return g_date_time_new_from_iso8601 (RECEIVED, NULL);
}

static char *
load_notice (const char *file,
             gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "notices", file, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

static DeskNotice *
decode_file (const char *file)
{
  g_autoptr (GDateTime) received = received_at ();
  g_autofree char *text = load_notice (file, NULL);

  return desk_notice_decode (text, received);
}

static char *
deadline_string (DeskNotice *notice)
{
  GDateTime *deadline = desk_notice_get_deadline (notice);

  return deadline ? desk_time_to_iso8601 (deadline) : NULL;
}

static void
assert_strv_equal (const char *const *strv,
                   const char        *expected)
{
  g_autofree char *joined = g_strjoinv (",", (char **)strv);

  g_assert_cmpstr (joined, ==, expected);
}

static void
assert_strv_contains_all (const char *const *strv,
                          const char        *expected)
{
  g_auto (GStrv) wanted = g_strsplit (expected, ",", -1);

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      if (*wanted[i] != '\0' && !g_strv_contains (strv, wanted[i]))
        g_error ("evidence id “%s” missing", wanted[i]);
    }
}

static void
assert_guesses (DeskNotice       *notice,
                const NoticeCase *c)
{
  g_autofree char *reason = NULL;
  gboolean         confident = desk_notice_is_confident (notice, &reason);

  g_assert_cmpint (confident, ==, c->confident);
  if (confident)
    {
      g_assert_null (reason);
      g_assert_cmpint (desk_notice_get_platform (notice), ==, c->platform);
      g_assert_cmpfloat (desk_notice_get_platform_confidence (notice), >=, DESK_NOTICE_PLATFORM_THRESHOLD);
      g_assert_cmpfloat (desk_notice_get_case_type_confidence (notice), >=, DESK_NOTICE_CASE_TYPE_THRESHOLD);
    }
  else
    {
      g_assert_nonnull (reason);
      g_assert_cmpstr (reason, !=, "");
    }
  if (c->case_type != DESK_CASE_TYPE_UNKNOWN || c->confident)
    g_assert_cmpint (desk_notice_get_case_type (notice), ==, c->case_type);
}

static void
assert_fields (DeskNotice       *notice,
               const NoticeCase *c)
{
  g_autofree char *deadline = deadline_string (notice);

  g_assert_cmpstr (desk_notice_get_issue_id (notice), ==, c->issue_id);
  g_assert_cmpstr (desk_notice_get_case_id (notice), ==, c->case_id);
  g_assert_cmpstr (desk_notice_get_violation_code (notice), ==, c->code);
  assert_strv_equal (desk_notice_get_product_ids (notice), c->products);
  g_assert_cmpstr (deadline, ==, c->deadline);
  g_assert_cmpint (desk_notice_get_deadline_is_relative (notice), ==, c->relative);
  assert_strv_contains_all (desk_notice_get_evidence_ids (notice), c->evidence);
  g_assert_cmpuint (g_strv_length ((char **)desk_notice_get_evidence_hints (notice)), ==,
                    g_strv_length ((char **)desk_notice_get_evidence_ids (notice)));
}

static void
test_decode_file (gconstpointer data)
{
  const NoticeCase *c = data;
  g_autoptr (DeskNotice) notice = decode_file (c->file);
  g_autofree char *description = desk_notice_describe_confidence (notice);

  assert_guesses (notice, c);
  assert_fields (notice, c);
  g_assert_false (desk_notice_get_truncated (notice));
  g_assert_nonnull (description);
  g_assert_cmpstr (description, !=, "");
}

/* Pasted from a Windows mail client: the same fields. */
static void
test_crlf (void)
{
  g_autoptr (GDateTime) received = received_at ();

  for (guint i = 0; i < G_N_ELEMENTS (notice_cases); i++)
    {
      const NoticeCase *c = &notice_cases[i];
      g_autofree char  *text = load_notice (c->file, NULL);
      g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
      g_autofree char *crlf = g_strjoinv ("\r\n", lines);
      g_autoptr (DeskNotice) notice = desk_notice_decode (crlf, received);

      g_test_message ("CRLF %s", c->file);
      assert_guesses (notice, c);
      assert_fields (notice, c);
    }
}

static void
test_null (void)
{
  g_autoptr (DeskNotice) notice = desk_notice_decode (NULL, NULL);
  g_autofree char *reason = NULL;

  g_assert_null (desk_notice_get_text (notice));
  g_assert_nonnull (desk_notice_get_received_at (notice));
  g_assert_cmpint (desk_notice_get_platform (notice), ==, DESK_PLATFORM_UNKNOWN);
  g_assert_cmpfloat (desk_notice_get_platform_confidence (notice), ==, 0);
  g_assert_cmpint (desk_notice_get_case_type (notice), ==, DESK_CASE_TYPE_UNKNOWN);
  g_assert_cmpfloat (desk_notice_get_case_type_confidence (notice), ==, 0);
  g_assert_nonnull (desk_notice_get_product_ids (notice));
  g_assert_null (desk_notice_get_product_ids (notice)[0]);
  g_assert_null (desk_notice_get_deadline (notice));
  g_assert_false (desk_notice_is_confident (notice, &reason));
  g_assert_nonnull (strstr (reason, "empty"));
}

static void
test_garbage_is_repaired (void)
{
  g_autoptr (DeskNotice) garbage = decode_file ("garbage.bin");
  g_autoptr (DeskNotice) broken = decode_file ("invalid-utf8.txt");
  g_autoptr (DeskNotice) clean = decode_file ("shopee-ip-complaint-en.txt");
  g_autofree char *description = desk_notice_describe_confidence (broken);

  g_assert_true (desk_notice_get_repaired (garbage));
  g_assert_true (g_utf8_validate (desk_notice_get_text (garbage), -1, NULL));
  g_assert_cmpfloat (desk_notice_get_platform_confidence (garbage), <, DESK_NOTICE_PLATFORM_THRESHOLD);
  g_assert_true (desk_notice_get_repaired (broken));
  g_assert_false (desk_notice_get_repaired (clean));
  g_assert_nonnull (strstr (description, "not valid text"));
}

static void
test_ambiguous_says_so (void)
{
  g_autoptr (DeskNotice) notice = decode_file ("ambiguous-shopee-lazada.txt");
  g_autofree char *reason = NULL;
  g_autofree char *description = desk_notice_describe_confidence (notice);
  DeskPlatform     best = desk_notice_get_platform (notice);
  DeskPlatform     other = desk_notice_get_runner_up_platform (notice);

  g_assert_cmpfloat (desk_notice_get_platform_confidence (notice), <, 0.2);
  g_assert_true ((best == DESK_PLATFORM_SHOPEE && other == DESK_PLATFORM_LAZADA)
                 || (best == DESK_PLATFORM_LAZADA && other == DESK_PLATFORM_SHOPEE));
  g_assert_false (desk_notice_is_confident (notice, &reason));
  g_assert_nonnull (strstr (reason, "Shopee"));
  g_assert_nonnull (strstr (reason, "Lazada"));
  g_assert_nonnull (strstr (reason, "choose the platform yourself"));
  g_assert_nonnull (strstr (description, reason));
}

static void
test_unknown_says_so (void)
{
  g_autoptr (DeskNotice) notice = decode_file ("unrelated-email.txt");
  g_autofree char *reason = NULL;

  g_assert_false (desk_notice_is_confident (notice, &reason));
  g_assert_cmpstr (reason, ==, "The platform could not be recognised; choose it yourself.");
}

/* A brand named in passing lowers the confidence but does not win. */
static void
test_passing_mention (void)
{
  g_autoptr (GDateTime) received = received_at ();
  g_autofree char *text = load_notice ("joom-reseller-en.txt", NULL);
  g_autofree char *more = g_strconcat (text, "\nWe also sell on Amazon.\n", NULL);
  g_autoptr (DeskNotice) plain = desk_notice_decode (text, received);
  g_autoptr (DeskNotice) notice = desk_notice_decode (more, received);

  g_assert_cmpint (desk_notice_get_platform (notice), ==, DESK_PLATFORM_JOOM);
  g_assert_cmpint (desk_notice_get_runner_up_platform (notice), ==, DESK_PLATFORM_AMAZON);
  g_assert_cmpfloat (desk_notice_get_platform_confidence (notice), <,
                     desk_notice_get_platform_confidence (plain));
}

static char *
pad_to (const char *start,
        const char *filler,
        gsize       size)
{
  GString *text = g_string_sized_new (size + 4096);

  g_string_append (text, start);
  while (text->len < size)
    g_string_append (text, filler);
  return g_string_free (text, FALSE);
}

#define FILLER "Lorem ipsum dolor sit amet, consectetur adipiscing elit 1234 5678. 商品描述 详情页。\n"

static void
assert_same_as_file (DeskNotice *notice,
                     const char *file)
{
  g_autoptr (DeskNotice) small = decode_file (file);
  g_autofree char *a = deadline_string (notice);
  g_autofree char *b = deadline_string (small);

  g_assert_cmpint (desk_notice_get_platform (notice), ==, desk_notice_get_platform (small));
  g_assert_cmpint (desk_notice_get_case_type (notice), ==, desk_notice_get_case_type (small));
  g_assert_true (desk_notice_is_confident (notice, NULL));
  g_assert_cmpstr (desk_notice_get_issue_id (notice), ==, desk_notice_get_issue_id (small));
  g_assert_cmpstr (desk_notice_get_violation_code (notice), ==, desk_notice_get_violation_code (small));
  g_assert_cmpstr (a, ==, b);
  g_assert_true (g_strv_equal ((const char *const *)desk_notice_get_product_ids (notice),
                               (const char *const *)desk_notice_get_product_ids (small)));
}

/* 1 MB of filler after a notice: the notice is read, the rest is not, and
 * the seller is told.  The time is printed, not asserted. */
static void
test_huge_1mb (void)
{
  g_autoptr (GDateTime) received = received_at ();
  g_autofree char *start = load_notice ("shopee-ip-complaint-en.txt", NULL);
  g_autofree char *text = pad_to (start, FILLER, 1024 * 1024);
  g_autoptr (DeskNotice) notice = NULL;
  g_autofree char *description = NULL;
  gint64           begin = g_get_monotonic_time ();

  notice = desk_notice_decode (text, received);
  g_test_message ("decoding 1 MB took %.1f ms", (g_get_monotonic_time () - begin) / 1000.0);
  assert_same_as_file (notice, "shopee-ip-complaint-en.txt");
  g_assert_true (desk_notice_get_truncated (notice));
  g_assert_cmpuint (strlen (desk_notice_get_text (notice)), ==, strlen (text));
  description = desk_notice_describe_confidence (notice);
  g_assert_nonnull (strstr (description, "Only the first"));
}

/* 10 MB of the same notice repeated: repetition must not inflate anything. */
static void
test_huge_10mb_repeated (void)
{
  g_autoptr (GDateTime) received = received_at ();
  g_autofree char *start = load_notice ("aliexpress-ip-complaint-zh.txt", NULL);
  g_autofree char *text = pad_to ("", start, 10 * 1024 * 1024);
  g_autoptr (DeskNotice) notice = NULL;
  gint64 begin = g_get_monotonic_time ();

  notice = desk_notice_decode (text, received);
  g_test_message ("decoding 10 MB took %.1f ms", (g_get_monotonic_time () - begin) / 1000.0);
  assert_same_as_file (notice, "aliexpress-ip-complaint-zh.txt");
  g_assert_true (desk_notice_get_truncated (notice));
}

/* A notice beyond the scan limit is not seen, and the result says so. */
static void
test_notice_beyond_limit (void)
{
  g_autoptr (GDateTime) received = received_at ();
  g_autofree char *filler = pad_to ("", FILLER, DESK_NOTICE_SCAN_LIMIT + 10);
  g_autofree char *notice_text = load_notice ("temu-ip-complaint-en.txt", NULL);
  g_autofree char *text = g_strconcat (filler, notice_text, NULL);
  g_autoptr (DeskNotice) notice = desk_notice_decode (text, received);

  g_assert_true (desk_notice_get_truncated (notice));
  g_assert_false (desk_notice_is_confident (notice, NULL));
  g_assert_cmpint (desk_notice_get_platform (notice), ==, DESK_PLATFORM_UNKNOWN);
}

/* Cutting at the limit must not split a character. */
static void
test_limit_splits_no_character (void)
{
  g_autofree char *text = pad_to ("", "速卖通", DESK_NOTICE_SCAN_LIMIT + 30);
  g_autoptr (DeskNotice) notice = desk_notice_decode (text, NULL);

  g_assert_true (desk_notice_get_truncated (notice));
  g_assert_false (desk_notice_get_repaired (notice));
  g_assert_cmpint (desk_notice_get_platform (notice), ==, DESK_PLATFORM_ALIEXPRESS);
}

typedef struct
{
  const char *text;
  const char *products;
} ProductCase;

/* Dates, times, phone numbers, order numbers and case ids are not products. */
static const ProductCase product_cases[] = {
  { "Case ID: 20261122001\nProduct ID: 20261122001, 1005001234567890\nContact: 13122891139\n"
    "Date: 2026-11-22 15:05",
    "1005001234567890" },
  { "Product ID: 1005001234567890 Order ID: 8123456789012345 Received: 2026-11-22", "1005001234567890" },
  { "Order No. 250001234567\nphone 13122891139, fax 0755-86001234\nReceived 20261122", "" },
  { "商品ID：1005001234567890，1005001234567891；1005001234567890\n投诉时间：2026-11-22 15:05",
    "1005001234567890,1005001234567891" },
  { "Affected ASINs:\n- b0abc12345\n- B0XYZ67890 (Wireless earbuds)\n\nThank you, Amazon", "B0ABC12345,B0XYZ67890" },
  { "https://www.aliexpress.com/item/1005006111222333.html and "
    "https://shopee.sg/Some-item-i.123456.22223333444 and https://www.temu.com/x-g-601099500011122.html",
    "1005006111222333,22223333444,601099500011122" },
  { "SKU: ABC-123-BLK, Item ID: 778899001122", "ABC-123-BLK,778899001122" },
  { "Product ID: 12345 (too short) at 10:30:45", "" },
  /* Order of appearance, whichever pass finds an id. */
  { "See https://www.aliexpress.com/item/1005000000000001.html\nProduct ID: 1005000000000002, 1005000000000001",
    "1005000000000001,1005000000000002" },
};

static void
test_product_ids (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (product_cases); i++)
    {
      g_autoptr (DeskNotice) notice = desk_notice_decode (product_cases[i].text, NULL);

      g_test_message ("product case %u", i);
      assert_strv_equal (desk_notice_get_product_ids (notice), product_cases[i].products);
    }
}

typedef struct
{
  const char *text;
  const char *deadline;
  gboolean    relative;
  gboolean    zone_assumed;
} DeadlineCase;

static const DeadlineCase deadline_cases[] = {
  { "Appeal Deadline: 2026-11-25 23:59 (GMT+8)", "2026-11-25T15:59:00Z", FALSE, FALSE },
  { "Appeal Deadline:\n2026-11-25 23:59 GMT+08:00", "2026-11-25T15:59:00Z", FALSE, FALSE },
  { "请于2026年11月25日前提交申诉。", "2026-11-25T15:59:59Z", FALSE, TRUE },
  { "截止时间：2026/11/25 10:00（北京时间）", "2026-11-25T02:00:00Z", FALSE, FALSE },
  { "Please respond by Nov 25, 2026 11:59 PM PST.", "2026-11-26T07:59:00Z", FALSE, FALSE },
  { "Deadline: 25 November 2026 18:00 UTC", "2026-11-25T18:00:00Z", FALSE, FALSE },
  { "Response due 2026-11-25T12:00Z", "2026-11-25T12:00:00Z", FALSE, FALSE },
  { "Received: 2026-11-20 10:00 (GMT+8). Notice date 2026-11-21.", NULL, FALSE, FALSE },
  { "Received on 2026-11-20, please respond by 2026-11-23 12:00 (GMT+7).", "2026-11-23T05:00:00Z", FALSE, FALSE },
  { "Orders without tracking within 72 hours of order creation count as late.", NULL, FALSE, FALSE },
  { "订单创建后72小时内未上传物流单号视为发货超时。", NULL, FALSE, FALSE },
  { "请在72小时内提交反通知。", "2026-11-25T07:05:00Z", TRUE, FALSE },
  { "Please submit your appeal within three days.", "2026-11-25T07:05:00Z", TRUE, FALSE },
  { "Please reply within 2 working days.", "2026-11-24T07:05:00Z", TRUE, FALSE },
  { "请在5个工作日内补充材料。", "2026-11-27T07:05:00Z", TRUE, FALSE },
  /* A stated date wins over boilerplate windows. */
  { "Respond within 72 hours. Appeal Deadline: 2026-11-24 12:00 (GMT+8)", "2026-11-24T04:00:00Z", FALSE, FALSE },
  { "Deadline: 2026-02-30 12:00", NULL, FALSE, FALSE },
};

static void
test_deadlines (void)
{
  g_autoptr (GDateTime) received = received_at ();

  for (guint i = 0; i < G_N_ELEMENTS (deadline_cases); i++)
    {
      const DeadlineCase *c = &deadline_cases[i];
      g_autoptr (DeskNotice) notice = desk_notice_decode (c->text, received);
      g_autofree char *deadline = deadline_string (notice);

      g_test_message ("deadline case %u: %s", i, c->text);
      g_assert_cmpstr (deadline, ==, c->deadline);
      g_assert_cmpint (desk_notice_get_deadline_is_relative (notice), ==, c->relative);
      g_assert_cmpint (desk_notice_get_deadline_zone_assumed (notice), ==, c->zone_assumed);
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *)user_data)++;
}

static void
test_seller_edits (void)
{
  g_autoptr (DeskNotice) notice = decode_file ("ambiguous-shopee-lazada.txt");
  g_autoptr (GDateTime) deadline = g_date_time_new_from_iso8601 ("2026-11-30T12:00:00+08:00", NULL);
  const char      *ids[] = { "111111", "222222", "111111", "", NULL };
  g_autofree char *stored = NULL;
  guint            notified = 0;

  g_signal_connect (notice, "notify::platform", G_CALLBACK (count_notify), &notified);
  desk_notice_set_platform (notice, DESK_PLATFORM_LAZADA);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (desk_notice_get_platform (notice), ==, DESK_PLATFORM_LAZADA);
  g_assert_cmpfloat (desk_notice_get_platform_confidence (notice), ==, 1);
  g_assert_cmpint (desk_notice_get_runner_up_platform (notice), ==, DESK_PLATFORM_UNKNOWN);
  g_assert_true (desk_notice_is_confident (notice, NULL));

  desk_notice_set_product_ids (notice, ids);
  assert_strv_equal (desk_notice_get_product_ids (notice), "111111,222222");
  desk_notice_set_issue_id (notice, "  LZ-1234  ");
  g_assert_cmpstr (desk_notice_get_issue_id (notice), ==, "LZ-1234");
  desk_notice_set_issue_id (notice, "   ");
  g_assert_null (desk_notice_get_issue_id (notice));

  desk_notice_set_deadline (notice, deadline);
  stored = deadline_string (notice);
  g_assert_cmpstr (stored, ==, "2026-11-30T04:00:00Z");
  g_assert_false (desk_notice_get_deadline_is_relative (notice));
}

static void
test_properties (void)
{
  g_autoptr (DeskNotice) notice = decode_file ("shopee-store-complaint-en.txt");
  g_autofree char *code = NULL;
  g_auto (GStrv) products = NULL;
  DeskPlatform platform;
  double       confidence;

  g_object_get (notice, "platform", &platform, "platform-confidence", &confidence,
                "violation-code", &code, "product-ids", &products, NULL);
  g_assert_cmpint (platform, ==, DESK_PLATFORM_SHOPEE);
  g_assert_cmpfloat (confidence, ==, desk_notice_get_platform_confidence (notice));
  g_assert_cmpstr (code, ==, "LI-03");
  g_assert_cmpstr (products[0], ==, "19988776655");

  g_object_set (notice, "case-type", DESK_CASE_TYPE_ACCOUNT_HEALTH, "violation-code", NULL, NULL);
  g_assert_cmpint (desk_notice_get_case_type (notice), ==, DESK_CASE_TYPE_ACCOUNT_HEALTH);
  g_assert_cmpfloat (desk_notice_get_case_type_confidence (notice), ==, 1);
  g_assert_null (desk_notice_get_violation_code (notice));
}

static void
test_evidence_hints (void)
{
  g_autoptr (DeskNotice) notice = decode_file ("joom-reseller-en.txt");
  const char *const *ids = desk_notice_get_evidence_ids (notice);
  const char *const *hints = desk_notice_get_evidence_hints (notice);

  for (guint i = 0; ids[i] != NULL; i++)
    g_assert_cmpstr (hints[i], ==, desk_notice_evidence_get_hint (ids[i]));
  g_assert_nonnull (strstr (desk_notice_evidence_get_hint ("packaging-photos-six-sides"), "six sides"));
  g_assert_null (desk_notice_evidence_get_hint ("no-such-evidence"));
  g_assert_null (desk_notice_evidence_get_hint (NULL));
}

static void
test_reliable_description (void)
{
  g_autoptr (DeskNotice) notice = decode_file ("shopee-ip-complaint-en.txt");
  g_autofree char *description = desk_notice_describe_confidence (notice);

  g_assert_true (desk_notice_is_confident (notice, NULL));
  g_assert_cmpstr (description, ==,
                   "The notice was recognised; still compare the fields with the original before you rely on them.");
}

static void
on_decoded (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static DeskNotice *
decode_async_and_wait (const char   *text,
                       GCancellable *cancellable,
                       GError      **error)
{
  g_autoptr (GDateTime) received = received_at ();
  g_autoptr (GAsyncResult) result = NULL;

  desk_notice_decode_async (NULL, text, received, cancellable, on_decoded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return desk_notice_decode_finish (result, error);
}

/* A NUL byte cut a 937-byte notice to 100 bytes without a word: the real
 * length is checked, and the error says where the NUL is. */
static void
test_text_from_data_nul (void)
{
  static const char data[] = "Shopee notice\nIssue ID: 123\0 hidden rest of the notice";
  g_autoptr (GError) error = NULL;
  g_autofree char *text = desk_notice_text_from_data (data, sizeof data - 1, &error);

  g_assert_null (text);
  g_assert_error (error, DESK_NOTICE_ERROR, DESK_NOTICE_ERROR_NUL);
  g_assert_nonnull (strstr (error->message, "line 2, character 14"));
  g_clear_error (&error);
  text = desk_notice_text_from_data ("\0first", 6, &error);
  g_assert_null (text);
  g_assert_error (error, DESK_NOTICE_ERROR, DESK_NOTICE_ERROR_NUL);
}

static void
test_text_from_data_encodings (void)
{
  static const char utf16[] = "\xff\xfeS\0h\0o\0p\0e\0e\0";
  static const char plain[] = "您好，Shopee 通知 IP-01";
  g_autoptr (GError) error = NULL;
  g_autofree char *from16 = desk_notice_text_from_data (utf16, sizeof utf16 - 1, &error);
  g_autofree char *same = NULL;
  g_autofree char *bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (from16, ==, "Shopee");
  same = desk_notice_text_from_data (plain, strlen (plain), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (same, ==, plain);
  bad = desk_notice_text_from_data ("caf\xe9", 4, &error);
  g_assert_null (bad);
  g_assert_error (error, DESK_NOTICE_ERROR, DESK_NOTICE_ERROR_NOT_UTF8);
}

typedef struct
{
  const char *file;
  const char *present; /* "role=value|role=value": fields that must be read */
  const char *absent;  /* "role=value|…": fields that must not be read */
  const char *facts;   /* "subject:value/reference|…" with value and reference kinds */
} RoleCase;

static const RoleCase role_cases[] = {
  { "aliexpress-reseller-notes-zh.txt",
    "product=1005006321098765|counterparty-seller=2210984471|counterparty-seller=Home Deal Store"
    "|counterparty-listing=https://www.aliexpress.com/item/1005007777666555.html",
    "product=1005007777666555|product=2210984471", "" },
  { "joom-reseller-en.txt", "product=60a7b8c9d0e1f2a3b4c5d6e7|counterparty-listing=61b2c3d4e5f6a7b8c9d0e1f2"
                            "|counterparty-listing=61b2c3d4e5f6a7b8c9d0e1f3|case-id=JR-2026-1120-44871",
    "product=61b2c3d4e5f6a7b8c9d0e1f2", "" },
  { "aliexpress-flash-deals-exit-zh.txt", "campaign-id=FD-20261118-5520|violation=近7天物流异常率为26.4%，超过平台阈值20%",
    "", "近7天物流异常率:26.4 actual/20 threshold %" },
  { "aliexpress-spot-check-zh.txt", "issue-id=QI-2026-11-0381|product=1005006998877665", "",
    "额定功率不符:48 measured/65 stated W" },
  { "amazon-counterfeit-menu-path-en.txt", "violation=Counterfeit Notice|rights-owner=SoundPeak Audio LLC|issue-id=16398827441",
    "", "" },
  { "amazon-account-suspended-en.txt", "case-id=17750334928", "", "Order Defect Rate:2.8 actual/1 threshold %" },
  { "lazada-case-reference-en.txt", "issue-id=LZ-CS-88301277|shop-id=200155881", "product=200155881", "" },
  { "temu-ticket-no-en.txt", "case-id=TMU-58220931", "", "" },
  { "shopee-copycat-notes-en.txt",
    "product=24681357911|counterparty-seller=987654321|counterparty-listing=https://shopee.com.my/Carrier-i.987654321.13579246810",
    "product=13579246810", "" },
  { "amazon-copyright-forwarded-en.txt", "rights-owner=PixelWorks GmbH|issue-id=9987766554", "", "" },
  { "shopee-ip-complaint-tw.txt", "rights-owner=昇揚國際有限公司|product=25566778899", "", "" },
  { "shopee-store-complaint-email-zh.txt", "order=2611180099234AB|violation-code=LI-01", "product=2611180099234AB", "" },
  { "tiktok-shop-campaign-exit-zh.txt", "campaign-id=TTS-CMP-991204", "", "近30天取消率:6.1 actual/3 threshold %" },
  { "amazon-hijacker-notes-en.txt",
    "product=B0C9HJK2LM|counterparty-seller=A2Q4XK7PL9MNB3|counterparty-seller=https://www.amazon.com/sp?seller=A2Q4XK7PL9MNB3"
    "|order=114-3344556-7788990",
    "product=A2Q4XK7PL9MNB3", "" },
  { "temu-account-health-table-en.txt", "issue-id=TW-2026-11-7710|shop-id=634410098", "",
    "Late shipment rate:8.2 actual/5 threshold %|Cancellation rate:3.1 actual/2.5 threshold %" },
  { "tiktok-shop-ip-complaint-zh.txt", "rights-owner=深圳声扬科技有限公司|violation=商标侵权|product=1729300011223344556", "", "" },
  { "joom-account-health-ru.txt", "shop-id=5f1e2d3c4b5a69788796a5b4", "product=5f1e2d3c4b5a69788796a5b4",
    "Доля возвратов в вашем магазине:12.5 actual/8 threshold %" },
};

static gboolean
has_field (DeskNotice *notice,
           const char *wanted)
{
  GPtrArray *fields = desk_notice_get_fields (notice);
  g_auto (GStrv) parts = g_strsplit (wanted, "=", 2);

  for (guint i = 0; i < fields->len; i++)
    {
      DeskNoticeField *field = g_ptr_array_index (fields, i);

      if (g_str_equal (desk_notice_role_to_id (field->role), parts[0]) && g_str_equal (field->value, parts[1]))
        {
          g_assert_cmpstr (field->source, !=, "");
          g_assert_cmpuint (field->line, >, 0);
          return TRUE;
        }
    }
  return FALSE;
}

static char *
describe_facts (DeskNotice *notice)
{
  GPtrArray *facts = desk_notice_get_facts (notice);
  GString   *out = g_string_new (NULL);

  for (guint i = 0; i < facts->len; i++)
    {
      DeskNoticeFact *f = g_ptr_array_index (facts, i);
      char            value[G_ASCII_DTOSTR_BUF_SIZE], reference[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (value, sizeof value, "%g", f->value);
      g_ascii_formatd (reference, sizeof reference, "%g", f->reference);
      g_string_append_printf (out, "%s%s:%s %s/%s %s %s", out->len ? "|" : "", f->subject, value,
                              desk_notice_figure_kind_to_id (f->value_kind), reference,
                              desk_notice_figure_kind_to_id (f->reference_kind), f->unit);
    }
  return g_string_free (out, FALSE);
}

/* Values keep the role their label gives; the other party's never become products. */
static void
test_roles (gconstpointer data)
{
  const RoleCase *c = data;
  g_autoptr (DeskNotice) notice = decode_file (c->file);
  g_auto (GStrv) present = g_strsplit (c->present, "|", -1);
  g_auto (GStrv) absent = g_strsplit (c->absent, "|", -1);
  g_autofree char *facts = describe_facts (notice);

  for (guint i = 0; present[i]; i++)
    if (*present[i] && !has_field (notice, present[i]))
      g_error ("%s: field %s not read", c->file, present[i]);
  for (guint i = 0; absent[i]; i++)
    if (*absent[i] && has_field (notice, absent[i]))
      g_error ("%s: field %s read but must not be", c->file, absent[i]);
  if (*c->facts)
    g_assert_cmpstr (facts, ==, c->facts);
  for (guint i = 0; desk_notice_get_product_ids (notice)[i]; i++)
    {
      g_autofree char *as_listing = g_strdup_printf ("counterparty-listing=%s", desk_notice_get_product_ids (notice)[i]);
      g_autofree char *as_seller = g_strdup_printf ("counterparty-seller=%s", desk_notice_get_product_ids (notice)[i]);

      g_assert_false (has_field (notice, as_listing));
      g_assert_false (has_field (notice, as_seller));
    }
}

/* The line that states the violation outweighs a menu path naming another kind. */
static void
test_structure_beats_keywords (void)
{
  const char *text = "Amazon Seller Central\n"
                     "Complaint type: Counterfeit Notice\n"
                     "ASIN: B0DKQ4R7TX\n"
                     "Respond through Account Health > Account Health Rating > Account Health.\n";
  const char *no_statement = "Amazon Seller Central\n"
                             "We received a counterfeit notice.\n"
                             "Account health rating at risk; account health under review; account suspended.\n";
  g_autoptr (DeskNotice) notice = desk_notice_decode (text, NULL);
  g_autoptr (DeskNotice) other = desk_notice_decode (no_statement, NULL);

  g_assert_cmpint (desk_notice_get_case_type (notice), ==, DESK_CASE_TYPE_IP_COMPLAINT);
  g_assert_cmpfloat (desk_notice_get_case_type_confidence (notice), >=, DESK_NOTICE_CASE_TYPE_THRESHOLD);
  /* The same words outside a menu path and without a statement line win. */
  g_assert_cmpint (desk_notice_get_case_type (other), ==, DESK_CASE_TYPE_ACCOUNT_HEALTH);
}

/* Refusal wording names both kinds without guessing an article. */
static void
test_two_kinds_wording (void)
{
  g_autoptr (DeskNotice) notice = desk_notice_decode ("Shopee\nYour listing was reported: trademark. Buyer complaints: misleading.\n", NULL);
  g_autofree char *reason = NULL;

  if (!desk_notice_is_confident (notice, &reason) && desk_notice_get_runner_up_case_type (notice) != DESK_CASE_TYPE_UNKNOWN)
    g_assert_true (g_str_has_prefix (reason, "The notice fits two kinds of case: "));
  else
    g_error ("expected an ambiguous case type, got %s", reason ? reason : "a confident guess");
}

/* A user pack (newer than the built-in one) brings its own notice cues: a
 * phrasing is added with JSON, not C. The decoder uses the packs it is
 * given (the session's), wherever they were read from; without any, the
 * built-in ones, whatever is in the default data folder. */
static void
test_user_pack_cues (void)
{
  const char      *notice = "Zebra Merchant Hub\nTrademark complaint\nComplaint ID: ZMH-12345\n";
  g_autofree char *dir = g_dir_make_tmp ("appeal-desk-cues-XXXXXX", NULL);
  g_autofree char *rules_dir = g_build_filename (dir, "rules", NULL);
  g_autofree char *path = g_build_filename (rules_dir, "joom.json", NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonBuilder) term = json_builder_new ();
  g_autoptr (DeskRuleRegistry) rules = NULL;
  g_autoptr (DeskRuleRegistry) builtin = desk_rule_registry_new (NULL);
  g_autoptr (DeskNotice) decoded = NULL;
  g_autoptr (DeskNotice) again = NULL;
  g_autoptr (DeskNotice) without = NULL;
  g_autoptr (DeskNotice) with_builtin = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (DeskNotice) async = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *root, *cues;

  desk_rule_pack_ensure_resources ();
  bytes = g_resources_lookup_data ("/io/github/appealdesk/AppealDesk/rules/joom.json", 0, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "pack_version", "1.1");
  cues = json_object_get_object_member (root, "notice");
  json_builder_begin_object (term);
  json_builder_set_member_name (term, "cue");
  json_builder_add_string_value (term, "zebra merchant hub");
  json_builder_set_member_name (term, "weight");
  json_builder_add_double_value (term, 5);
  json_builder_end_object (term);
  json_array_add_element (json_object_get_array_member (cues, "terms"), json_builder_get_root (term));
  json_generator_set_root (gen, json_parser_get_root (parser));
  g_assert_cmpint (g_mkdir_with_parents (rules_dir, 0700), ==, 0);
  g_assert_true (json_generator_to_file (gen, path, &error));
  rules = desk_rule_registry_new (rules_dir);
  g_assert_cmpuint (desk_rule_registry_get_problems (rules)->len, ==, 0);

  decoded = desk_notice_decode_with_rules (rules, notice, NULL);
  g_assert_cmpint (desk_notice_get_platform (decoded), ==, DESK_PLATFORM_JOOM);
  g_assert_cmpfloat (desk_notice_get_platform_confidence (decoded), >=, DESK_NOTICE_PLATFORM_THRESHOLD);
  /* Read again (the cues are built once per set of packs). */
  again = desk_notice_decode_with_rules (rules, notice, NULL);
  g_assert_cmpint (desk_notice_get_platform (again), ==, DESK_PLATFORM_JOOM);
  desk_notice_decode_async (rules, notice, NULL, NULL, on_decoded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  async = desk_notice_decode_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_notice_get_platform (async), ==, DESK_PLATFORM_JOOM);

  /* Without the user pack the phrase means nothing, even with the pack in
   * the default data folder: only the packs handed over count. */
  g_setenv ("APPEAL_DESK_DATA_DIR", dir, TRUE);
  without = desk_notice_decode (notice, NULL);
  g_assert_cmpint (desk_notice_get_platform (without), ==, DESK_PLATFORM_UNKNOWN);
  with_builtin = desk_notice_decode_with_rules (builtin, notice, NULL);
  g_assert_cmpint (desk_notice_get_platform (with_builtin), ==, DESK_PLATFORM_UNKNOWN);
  g_setenv ("APPEAL_DESK_DATA_DIR", "/nonexistent/appeal-desk-test-data", TRUE);
  desk_test_remove_tree (dir);
}

static void
test_async (void)
{
  g_autofree char *text = load_notice ("temu-account-health-zh.txt", NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskNotice) notice = decode_async_and_wait (text, NULL, &error);
  g_autoptr (DeskNotice) cancelled = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (desk_notice_get_platform (notice), ==, DESK_PLATFORM_TEMU);
  g_assert_cmpstr (desk_notice_get_case_id (notice), ==, "TEMU-2026112255013");

  g_cancellable_cancel (cancellable);
  cancelled = decode_async_and_wait (text, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  /* No user rule packs from the real data directory. */
  g_setenv ("APPEAL_DESK_DATA_DIR", "/nonexistent/appeal-desk-test-data", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (notice_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/notice/decode/", notice_cases[i].file, NULL);

      g_test_add_data_func (path, &notice_cases[i], test_decode_file);
    }
  for (guint i = 0; i < G_N_ELEMENTS (role_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/notice/roles/%s", role_cases[i].file);

      g_test_add_data_func (path, &role_cases[i], test_roles);
    }
  g_test_add_func ("/notice/structure-beats-keywords", test_structure_beats_keywords);
  g_test_add_func ("/notice/two-kinds-wording", test_two_kinds_wording);
  g_test_add_func ("/notice/user-pack-cues", test_user_pack_cues);
  g_test_add_func ("/notice/crlf", test_crlf);
  g_test_add_func ("/notice/async", test_async);
  g_test_add_func ("/notice/null", test_null);
  g_test_add_func ("/notice/garbage-is-repaired", test_garbage_is_repaired);
  g_test_add_func ("/notice/ambiguous-says-so", test_ambiguous_says_so);
  g_test_add_func ("/notice/unknown-says-so", test_unknown_says_so);
  g_test_add_func ("/notice/passing-mention", test_passing_mention);
  g_test_add_func ("/notice/huge-1mb", test_huge_1mb);
  g_test_add_func ("/notice/huge-10mb-repeated", test_huge_10mb_repeated);
  g_test_add_func ("/notice/beyond-limit", test_notice_beyond_limit);
  g_test_add_func ("/notice/limit-splits-no-character", test_limit_splits_no_character);
  g_test_add_func ("/notice/product-ids", test_product_ids);
  g_test_add_func ("/notice/deadlines", test_deadlines);
  g_test_add_func ("/notice/seller-edits", test_seller_edits);
  g_test_add_func ("/notice/properties", test_properties);
  g_test_add_func ("/notice/evidence-hints", test_evidence_hints);
  g_test_add_func ("/notice/reliable-description", test_reliable_description);
  g_test_add_func ("/notice/text-from-data/nul", test_text_from_data_nul);
  g_test_add_func ("/notice/text-from-data/encodings", test_text_from_data_encodings);

  return g_test_run ();
}
