/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "chain/desk-chain-store.h"
#include "desk-case-snapshot.h"
#include "desk-checklist.h"
#include "desk-evidence-store.h"
#include "desk-store-private.h"
#include "desk-test-util.h"
#include "desk-util.h"

/* The gap checker, table-driven: a valid chain per platform has no gap; each
 * row breaks the valid chain in one way and expects that gap. Then the JSON
 * format, the rule pack member and the store. */

/* Documents the checker may see: 1 a scanned PDF, 2 a photo, 3 a text PDF. */
static gboolean
fake_document (gint64             id,
               DeskChainDocument *doc,
               gpointer           user_data)
{
  doc->exists = id >= 1 && id <= 3;
  doc->scan_only = id == 1;
  doc->is_image = id == 2;
  return doc->exists;
}

static const DeskPlatform all_platforms[] = {
  DESK_PLATFORM_ALIEXPRESS,
  DESK_PLATFORM_SHOPEE,
  DESK_PLATFORM_JOOM,
  DESK_PLATFORM_AMAZON,
  DESK_PLATFORM_TIKTOK_SHOP,
  DESK_PLATFORM_LAZADA,
  DESK_PLATFORM_TEMU,
};

static GStrv
strv (const char *first, ...)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  va_list     args;
  const char *s;

  va_start (args, first);
  for (s = first; s; s = va_arg (args, const char *))
    g_strv_builder_add (b, s);
  va_end (args);
  return g_strv_builder_end (b);
}

static void
set_strv (GStrv *field, GStrv value)
{
  g_strfreev (*field);
  *field = value;
}

static void
set_str (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* SoundPeak (owner) → Huasheng Trading (distributor, sub-licenses) → the
 * seller, whose licence is Chinese and whose letter is English. */
static DeskChainLink *
valid_link (const char *grantor, const char *grantee, gboolean sublicensing)
{
  DeskChainLink *link = desk_chain_link_new (grantor, grantee);
  gint64         docs[] = { 1, 2 };

  g_array_append_vals (link->documents, docs, 2);
  link->valid_from = g_strdup ("2026-01-01");
  link->valid_until = g_strdup ("2027-12-31");
  set_strv (&link->territories, strv ("CN", "RU", "KZ", "MY", "US", "EU", NULL));
  set_strv (&link->platforms, strv ("aliexpress", "shopee", "joom", "amazon", "tiktok-shop", "lazada", "temu", NULL));
  link->scope = DESK_CHAIN_SCOPE_LISTED_PRODUCTS;
  set_strv (&link->products, strv ("TWS-X3", "TWS-X3 Pro", NULL));
  link->sublicensing = sublicensing;
  link->signature_confirmed = TRUE;
  link->stamp_confirmed = TRUE;
  link->language = g_strdup ("en");
  return link;
}

static DeskChain *
valid_chain (void)
{
  DeskChain      *chain = desk_chain_new ("SoundPeak");
  DeskChainParty *distributor = desk_chain_party_new ("Shenzhen Huasheng Trading Co., Ltd.");
  DeskTrademark  *tm = desk_trademark_new ();

  set_str (&chain->owner, "SoundPeak Audio Co., Ltd.");
  set_strv (&distributor->aliases, strv ("深圳华声贸易有限公司", NULL));
  g_ptr_array_add (chain->parties, distributor);
  set_str (&tm->number, "40112233");
  tm->office = g_strdup ("CNIPA");
  set_strv (&tm->territories, strv ("CN", "RU", "KZ", "MY", "US", "EU", NULL));
  set_strv (&tm->classes, strv ("9", NULL));
  set_str (&tm->owner, "SOUNDPEAK AUDIO COMPANY LIMITED");
  tm->valid_until = g_strdup ("2033-04-20");
  tm->certificate = 3;
  g_ptr_array_add (chain->trademarks, tm);
  g_ptr_array_add (chain->links, valid_link ("SoundPeak Audio Co., Ltd.", "Shenzhen Huasheng Trading Co., Ltd.", TRUE));
  g_ptr_array_add (chain->links, valid_link ("深圳华声贸易有限公司", "Shenzhen Shengfeng E-commerce Co., Ltd.", FALSE));
  return chain;
}

static DeskSellerProfile *
valid_profile (void)
{
  DeskSellerProfile *profile = desk_seller_profile_new ();
  DeskSellerEntity  *entity = desk_seller_entity_new ("深圳市声峰电子商务有限公司", "Shenzhen Shengfeng E-commerce Co., Ltd.");
  const char        *joom[] = { "JM-5521", NULL };

  entity->registration_number = g_strdup ("91440300MA5XXXXXX1");
  entity->country = g_strdup ("CN");
  g_ptr_array_add (profile->entities, entity);
  desk_seller_profile_set_stores (profile, DESK_PLATFORM_JOOM, joom);
  return profile;
}

static DeskCaseChain *
valid_info (void)
{
  DeskCaseChain *info = desk_case_chain_new (1, 1);

  set_strv (&info->products, strv ("TWS-X3", NULL));
  info->listing_date = g_strdup ("2026-03-01");
  info->product_class = g_strdup ("9");
  return info;
}

/* Everything one check needs; rows mutate it. */
typedef struct
{
  DeskChain         *chain;
  DeskSellerProfile *profile;
  DeskCaseChain     *info;
  DeskRulePack      *pack;
  DeskPlatform       platform;
  DeskCaseType       case_type;
} Scene;

static void
scene_init (Scene *s, DeskPlatform platform, DeskCaseType type)
{
  g_autoptr (GError) error = NULL;

  s->chain = valid_chain ();
  s->profile = valid_profile ();
  s->info = valid_info ();
  s->pack = desk_rule_pack_load_builtin (platform, &error);
  g_assert_no_error (error);
  s->platform = platform;
  s->case_type = type;
}

static void
scene_clear (Scene *s)
{
  desk_chain_free (s->chain);
  desk_seller_profile_free (s->profile);
  desk_case_chain_free (s->info);
  g_object_unref (s->pack);
}

static GPtrArray *
scene_check (Scene *s)
{
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 6, 1, 4, 0, 0);
  g_autoptr (GDateTime) deadline = g_date_time_new_utc (2026, 6, 4, 4, 0, 0);
  DeskChainCheck check = { 0 };

  check.chain = s->chain;
  check.profile = s->profile;
  check.platform = s->platform;
  check.case_type = s->case_type;
  check.pack = s->pack;
  check.info = s->info;
  check.now = now;
  check.deadline = deadline;
  check.document_func = fake_document;
  return desk_chain_check (&check);
}

static DeskChainLink *
link_at (Scene *s, guint i)
{
  return s->chain->links->pdata[i];
}

static DeskTrademark *
tm0 (Scene *s)
{
  return s->chain->trademarks->pdata[0];
}

static gboolean
has_kind (GPtrArray *gaps, DeskChainGapKind kind)
{
  for (guint i = 0; gaps && i < gaps->len; i++)
    if (((DeskChainGap *)gaps->pdata[i])->kind == kind)
      return TRUE;
  return FALSE;
}

static void
dump_gaps (GPtrArray *gaps)
{
  for (guint i = 0; i < gaps->len; i++)
    {
      g_autofree char *line = desk_chain_gap_describe (gaps->pdata[i]);

      g_test_message ("gap %s: %s", desk_chain_gap_kind_to_id (((DeskChainGap *)gaps->pdata[i])->kind), line);
    }
}

static void
test_valid (gconstpointer data)
{
  DeskPlatform platform = GPOINTER_TO_INT (data);
  Scene        s;
  g_autoptr (GPtrArray) gaps = NULL;

  scene_init (&s, platform, platform == DESK_PLATFORM_JOOM ? DESK_CASE_TYPE_RESELLER : DESK_CASE_TYPE_IP_COMPLAINT);
  gaps = scene_check (&s);
  dump_gaps (gaps);
  g_assert_cmpuint (gaps->len, ==, 0);
  g_assert_true (desk_chain_gaps_ok (gaps));
  scene_clear (&s);
}

/* Mutators: each breaks the valid chain in one way. */

static void
m_no_links (Scene *s)
{
  g_ptr_array_set_size (s->chain->links, 0);
}

static void
m_root (Scene *s)
{
  set_str (&link_at (s, 0)->grantor, "Sunrise Brand Holdings Ltd");
}

static void
m_broken (Scene *s)
{
  set_str (&link_at (s, 1)->grantor, "Guangzhou Baiyun Electronics Co., Ltd.");
}

static void
m_last (Scene *s)
{
  set_str (&link_at (s, 1)->grantee, "Yiwu Jinhua Import Export Co., Ltd.");
}

static void
m_no_profile (Scene *s)
{
  g_ptr_array_set_size (s->profile->entities, 0);
}

static void
m_near_typo (Scene *s)
{
  set_str (&link_at (s, 1)->grantor, "Shenzhen Huasheng Tradeing Co., Ltd.");
}

static void
m_near_form (Scene *s)
{
  set_str (&link_at (s, 1)->grantee, "Shenzhen Shengfeng E-commerce Inc.");
}

static void
m_no_document (Scene *s)
{
  g_array_set_size (link_at (s, 0)->documents, 0);
}

static void
m_missing_document (Scene *s)
{
  gint64 gone = 99;

  g_array_set_size (link_at (s, 1)->documents, 0);
  g_array_append_val (link_at (s, 1)->documents, gone);
}

static void
m_expired (Scene *s)
{
  set_str (&link_at (s, 0)->valid_until, "2026-05-01");
}

static void
m_not_yet (Scene *s)
{
  set_str (&link_at (s, 1)->valid_from, "2026-07-01");
}

static void
m_at_listing (Scene *s)
{
  set_str (&link_at (s, 1)->valid_from, "2026-04-01");
}

static void
m_before_deadline (Scene *s)
{
  set_str (&link_at (s, 0)->valid_until, "2026-06-03");
}

static void
m_soon (Scene *s)
{
  set_str (&link_at (s, 1)->valid_until, "2026-06-20");
}

static void
m_territory (Scene *s)
{
  set_strv (&link_at (s, 1)->territories, strv ("CN", NULL));
}

static void
m_no_territory (Scene *s)
{
  set_strv (&link_at (s, 0)->territories, strv (NULL, NULL));
}

static void
m_other_platforms (Scene *s)
{
  set_strv (&link_at (s, 1)->platforms, strv ("amazon", "temu", NULL));
}

static void
m_all_online (Scene *s)
{
  set_strv (&link_at (s, 0)->platforms, strv (NULL, NULL));
  link_at (s, 0)->all_online_platforms = TRUE;
}

static void
m_no_platform (Scene *s)
{
  set_strv (&link_at (s, 0)->platforms, strv (NULL, NULL));
}

static void
m_listed_other (Scene *s)
{
  set_strv (&link_at (s, 1)->products, strv ("TWS-X5", NULL));
}

static void
m_no_disputed (Scene *s)
{
  set_strv (&s->info->products, strv (NULL, NULL));
  link_at (s, 0)->scope = DESK_CHAIN_SCOPE_ALL_PRODUCTS;
}

static void
m_scope_all (Scene *s)
{
  link_at (s, 0)->scope = DESK_CHAIN_SCOPE_ALL_PRODUCTS;
}

static void
m_no_sublicense (Scene *s)
{
  link_at (s, 0)->sublicensing = FALSE;
}

static void
m_no_trademark (Scene *s)
{
  g_ptr_array_set_size (s->chain->trademarks, 0);
}

static void
m_trademark_elsewhere (Scene *s)
{
  set_strv (&tm0 (s)->territories, strv ("CN", NULL));
}

static void
m_trademark_expired (Scene *s)
{
  set_str (&tm0 (s)->valid_until, "2025-12-31");
}

static void
m_trademark_owner (Scene *s)
{
  set_str (&tm0 (s)->owner, "Sunrise Brand Holdings GmbH");
}

static void
m_trademark_class (Scene *s)
{
  set_strv (&tm0 (s)->classes, strv ("25", NULL));
}

static void
m_no_certificate (Scene *s)
{
  tm0 (s)->certificate = 0;
}

static void
m_scan_only (Scene *s)
{
  gint64 scan = 1;

  g_array_set_size (link_at (s, 0)->documents, 0);
  g_array_append_val (link_at (s, 0)->documents, scan);
}

static void
m_unstamped (Scene *s)
{
  link_at (s, 1)->stamp_confirmed = FALSE;
}

typedef struct
{
  const char  *name;
  DeskPlatform platform;
  DeskCaseType case_type;
  void (*mutate) (Scene *s);
  DeskChainGapKind  kind;
  DeskChainSeverity severity;
  int               link;      /* 0-based, -1 none */
  int               trademark; /* 0-based, -1 none */
  DeskChainField    field;
} GapRow;

#define JOOM   DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER
#define SHOPEE DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT
#define AMAZON DESK_PLATFORM_AMAZON, DESK_CASE_TYPE_IP_COMPLAINT
#define B      DESK_CHAIN_SEVERITY_BLOCKING
#define R      DESK_CHAIN_SEVERITY_RISKY
#define A      DESK_CHAIN_SEVERITY_ADVICE

static const GapRow rows[] = {
  { "no-chain", JOOM, m_no_links, DESK_CHAIN_GAP_NO_CHAIN, B, -1, -1, DESK_CHAIN_FIELD_NONE },
  { "root-not-owner", SHOPEE, m_root, DESK_CHAIN_GAP_ROOT_NOT_OWNER, B, 0, -1, DESK_CHAIN_FIELD_GRANTOR },
  { "broken-continuity", JOOM, m_broken, DESK_CHAIN_GAP_BROKEN_CONTINUITY, B, 1, -1, DESK_CHAIN_FIELD_GRANTOR },
  { "last-not-seller", SHOPEE, m_last, DESK_CHAIN_GAP_LAST_NOT_SELLER, B, 1, -1, DESK_CHAIN_FIELD_GRANTEE },
  { "last-not-seller-no-profile", AMAZON, m_no_profile, DESK_CHAIN_GAP_LAST_NOT_SELLER, B, 1, -1, DESK_CHAIN_FIELD_SELLER_PROFILE },
  { "names-differ-slightly-typo", JOOM, m_near_typo, DESK_CHAIN_GAP_NAMES_DIFFER_SLIGHTLY, R, 1, -1, DESK_CHAIN_FIELD_GRANTOR },
  { "names-differ-slightly-form", SHOPEE, m_near_form, DESK_CHAIN_GAP_NAMES_DIFFER_SLIGHTLY, R, 1, -1, DESK_CHAIN_FIELD_GRANTEE },
  { "no-document", JOOM, m_no_document, DESK_CHAIN_GAP_NO_DOCUMENT, B, 0, -1, DESK_CHAIN_FIELD_DOCUMENTS },
  { "no-document-deleted", SHOPEE, m_missing_document, DESK_CHAIN_GAP_NO_DOCUMENT, B, 1, -1, DESK_CHAIN_FIELD_DOCUMENTS },
  { "expired", AMAZON, m_expired, DESK_CHAIN_GAP_EXPIRED, B, 0, -1, DESK_CHAIN_FIELD_VALID_UNTIL },
  { "not-yet-valid", JOOM, m_not_yet, DESK_CHAIN_GAP_NOT_YET_VALID, B, 1, -1, DESK_CHAIN_FIELD_VALID_FROM },
  { "invalid-at-listing", SHOPEE, m_at_listing, DESK_CHAIN_GAP_INVALID_AT_LISTING, B, 1, -1, DESK_CHAIN_FIELD_VALID_FROM },
  { "expires-before-deadline", JOOM, m_before_deadline, DESK_CHAIN_GAP_EXPIRES_BEFORE_DEADLINE, R, 0, -1, DESK_CHAIN_FIELD_VALID_UNTIL },
  { "expires-soon", SHOPEE, m_soon, DESK_CHAIN_GAP_EXPIRES_SOON, A, 1, -1, DESK_CHAIN_FIELD_VALID_UNTIL },
  { "territory-joom", JOOM, m_territory, DESK_CHAIN_GAP_TERRITORY, B, 1, -1, DESK_CHAIN_FIELD_TERRITORIES },
  { "territory-shopee", SHOPEE, m_territory, DESK_CHAIN_GAP_TERRITORY, B, 1, -1, DESK_CHAIN_FIELD_TERRITORIES },
  { "territory-unstated", JOOM, m_no_territory, DESK_CHAIN_GAP_TERRITORY, R, 0, -1, DESK_CHAIN_FIELD_TERRITORIES },
  { "platform-not-covered", SHOPEE, m_other_platforms, DESK_CHAIN_GAP_PLATFORM_NOT_COVERED, B, 1, -1, DESK_CHAIN_FIELD_PLATFORMS },
  { "platform-not-named-joom", JOOM, m_all_online, DESK_CHAIN_GAP_PLATFORM_NOT_NAMED, B, 0, -1, DESK_CHAIN_FIELD_PLATFORMS },
  { "platform-not-named-none", AMAZON, m_no_platform, DESK_CHAIN_GAP_PLATFORM_NOT_NAMED, R, 0, -1, DESK_CHAIN_FIELD_PLATFORMS },
  { "product-scope-listed", JOOM, m_listed_other, DESK_CHAIN_GAP_PRODUCT_SCOPE, B, 1, -1, DESK_CHAIN_FIELD_PRODUCTS },
  { "product-scope-not-entered", JOOM, m_no_disputed, DESK_CHAIN_GAP_PRODUCT_SCOPE, A, 1, -1, DESK_CHAIN_FIELD_CASE_PRODUCTS },
  { "product-scope-shopee-all", SHOPEE, m_scope_all, DESK_CHAIN_GAP_PRODUCT_SCOPE, B, 0, -1, DESK_CHAIN_FIELD_PRODUCTS },
  { "no-sublicensing", JOOM, m_no_sublicense, DESK_CHAIN_GAP_NO_SUBLICENSING, B, 0, -1, DESK_CHAIN_FIELD_SUBLICENSING },
  { "trademark-missing-shopee", SHOPEE, m_no_trademark, DESK_CHAIN_GAP_TRADEMARK_MISSING, B, -1, -1, DESK_CHAIN_FIELD_TRADEMARK_NUMBER },
  { "trademark-missing-joom", JOOM, m_no_trademark, DESK_CHAIN_GAP_TRADEMARK_MISSING, R, -1, -1, DESK_CHAIN_FIELD_TRADEMARK_NUMBER },
  { "trademark-missing-site", SHOPEE, m_trademark_elsewhere, DESK_CHAIN_GAP_TRADEMARK_MISSING, B, -1, 0, DESK_CHAIN_FIELD_TRADEMARK_NUMBER },
  { "trademark-expired", AMAZON, m_trademark_expired, DESK_CHAIN_GAP_TRADEMARK_EXPIRED, B, -1, 0, DESK_CHAIN_FIELD_TRADEMARK_VALID_UNTIL },
  { "trademark-owner-mismatch", SHOPEE, m_trademark_owner, DESK_CHAIN_GAP_TRADEMARK_OWNER_MISMATCH, B, -1, 0, DESK_CHAIN_FIELD_TRADEMARK_OWNER },
  { "trademark-class", JOOM, m_trademark_class, DESK_CHAIN_GAP_TRADEMARK_CLASS, B, -1, 0, DESK_CHAIN_FIELD_TRADEMARK_CLASSES },
  { "trademark-no-certificate-shopee", SHOPEE, m_no_certificate, DESK_CHAIN_GAP_TRADEMARK_NO_CERTIFICATE, B, -1, 0, DESK_CHAIN_FIELD_TRADEMARK_CERTIFICATE },
  { "trademark-no-certificate-joom", JOOM, m_no_certificate, DESK_CHAIN_GAP_TRADEMARK_NO_CERTIFICATE, R, -1, 0, DESK_CHAIN_FIELD_TRADEMARK_CERTIFICATE },
  { "scan-only", SHOPEE, m_scan_only, DESK_CHAIN_GAP_SCAN_ONLY, B, 0, -1, DESK_CHAIN_FIELD_DOCUMENTS },
  { "unsigned-shopee", SHOPEE, m_unstamped, DESK_CHAIN_GAP_UNSIGNED, B, 1, -1, DESK_CHAIN_FIELD_SIGNATURE },
  { "unsigned-joom", JOOM, m_unstamped, DESK_CHAIN_GAP_UNSIGNED, R, 1, -1, DESK_CHAIN_FIELD_SIGNATURE },
};

static void
test_gap (gconstpointer data)
{
  const GapRow *row = data;
  Scene         s;
  g_autoptr (GPtrArray) gaps = NULL;
  const DeskChainGap *gap;

  scene_init (&s, row->platform, row->case_type);
  row->mutate (&s);
  gaps = scene_check (&s);
  dump_gaps (gaps);
  /* Exactly the one gap the mutation causes: nothing else fires with it. */
  g_assert_cmpuint (gaps->len, ==, 1);
  gap = gaps->pdata[0];
  g_assert_cmpstr (desk_chain_gap_kind_to_id (gap->kind), ==, desk_chain_gap_kind_to_id (row->kind));
  g_assert_cmpint (gap->severity, ==, row->severity);
  g_assert_cmpint (gap->link, ==, row->link);
  g_assert_cmpint (gap->trademark, ==, row->trademark);
  g_assert_cmpint (gap->field, ==, row->field);
  g_assert_cmpuint (strlen (gap->message), >, 20);
  g_assert_cmpuint (strlen (gap->fix), >, 20);
  g_assert_cmpint (desk_chain_gaps_ok (gaps), ==, row->severity != DESK_CHAIN_SEVERITY_BLOCKING);
  scene_clear (&s);
}

/* Every kind has at least one row. */
static void
test_every_kind_tested (void)
{
  for (int kind = 0; kind < DESK_CHAIN_N_GAP_KINDS; kind++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        found = found || rows[i].kind == (DeskChainGapKind)kind;
      if (!found)
        g_test_message ("untested gap kind %s", desk_chain_gap_kind_to_id (kind));
      g_assert_true (found);
      g_assert_cmpint (desk_chain_gap_kind_from_id (desk_chain_gap_kind_to_id (kind)), ==, kind);
    }
}

/* Pack-driven checks stay silent where the pack does not ask for them. */
static void
test_rules_only_where_asked (void)
{
  Scene s;
  g_autoptr (GPtrArray) gaps = NULL;

  /* Shopee's pack does not demand the platform's name: "all online" is fine. */
  scene_init (&s, SHOPEE);
  m_all_online (&s);
  m_scope_all (&s); /* … but it does demand the model. */
  gaps = scene_check (&s);
  g_assert_cmpuint (gaps->len, ==, 1);
  g_assert_cmpint (((DeskChainGap *)gaps->pdata[0])->kind, ==, DESK_CHAIN_GAP_PRODUCT_SCOPE);
  g_assert_nonnull (((DeskChainGap *)gaps->pdata[0])->citation);
  g_assert_nonnull (strstr (((DeskChainGap *)gaps->pdata[0])->citation, "seed 001"));
  scene_clear (&s);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* Joom's pack does not refuse scans, nor ask for models. */
  scene_init (&s, JOOM);
  m_scan_only (&s);
  m_scope_all (&s);
  gaps = scene_check (&s);
  dump_gaps (gaps);
  g_assert_cmpuint (gaps->len, ==, 0);
  scene_clear (&s);
}

/* Blocking first, then risky, then advice. */
static void
test_order_and_json (void)
{
  Scene s;
  g_autoptr (GPtrArray) gaps = NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  scene_init (&s, JOOM);
  m_soon (&s);
  m_near_typo (&s);
  m_no_sublicense (&s);
  gaps = scene_check (&s);
  g_assert_cmpuint (gaps->len, ==, 3);
  g_assert_cmpint (((DeskChainGap *)gaps->pdata[0])->severity, ==, DESK_CHAIN_SEVERITY_BLOCKING);
  g_assert_cmpint (((DeskChainGap *)gaps->pdata[1])->severity, ==, DESK_CHAIN_SEVERITY_RISKY);
  g_assert_cmpint (((DeskChainGap *)gaps->pdata[2])->severity, ==, DESK_CHAIN_SEVERITY_ADVICE);
  desk_chain_gap_to_json (gaps->pdata[0], b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  g_assert_nonnull (strstr (text, "\"kind\":\"no-sublicensing\""));
  g_assert_nonnull (strstr (text, "\"severity\":\"blocking\""));
  g_assert_nonnull (strstr (text, "\"link\":1"));
  g_assert_nonnull (strstr (text, "\"field\":\"sublicensing\""));
  scene_clear (&s);
}

/* JSON file format */

static void
test_json_roundtrip (void)
{
  g_autoptr (DeskChain) chain = valid_chain ();
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (DeskChain) back = NULL;
  g_autoptr (GError) error = NULL;
  const DeskChainLink *link;
  const DeskTrademark *tm;

  desk_chain_to_json (chain, b);
  root = json_builder_get_root (b);
  back = desk_chain_from_json (root, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->brand, ==, "SoundPeak");
  g_assert_cmpstr (back->owner, ==, "SoundPeak Audio Co., Ltd.");
  g_assert_cmpuint (back->links->len, ==, 2);
  g_assert_cmpuint (back->parties->len, ==, 1);
  g_assert_cmpstr (((DeskChainParty *)back->parties->pdata[0])->aliases[0], ==, "深圳华声贸易有限公司");
  link = back->links->pdata[0];
  g_assert_cmpstr (link->grantee, ==, "Shenzhen Huasheng Trading Co., Ltd.");
  g_assert_cmpuint (link->documents->len, ==, 2);
  g_assert_cmpint (g_array_index (link->documents, gint64, 1), ==, 2);
  g_assert_cmpstr (link->valid_until, ==, "2027-12-31");
  g_assert_cmpstr (link->territories[2], ==, "KZ");
  g_assert_cmpstr (link->platforms[2], ==, "joom");
  g_assert_cmpint (link->scope, ==, DESK_CHAIN_SCOPE_LISTED_PRODUCTS);
  g_assert_cmpstr (link->products[1], ==, "TWS-X3 Pro");
  g_assert_true (link->sublicensing);
  g_assert_true (link->stamp_confirmed);
  g_assert_cmpint (desk_chain_find_link_for_document (back, 2), ==, 0);
  g_assert_cmpint (desk_chain_find_link_for_document (back, 42), ==, -1);
  {
    g_autofree char *detail = desk_chain_describe_document (back, 1);

    g_assert_cmpstr (detail, ==, "SoundPeak Audio Co., Ltd. → Shenzhen Huasheng Trading Co., Ltd., 2026-01-01 – 2027-12-31");
    g_assert_null (desk_chain_describe_document (back, 42));
  }
  tm = back->trademarks->pdata[0];
  g_assert_cmpstr (tm->number, ==, "40112233");
  g_assert_cmpstr (tm->classes[0], ==, "9");
  g_assert_cmpint (tm->certificate, ==, 3);
}

typedef struct
{
  const char *json;
  const char *message; /* expected substring: names the member */
  int         code;    /* 0: DESK_CHAIN_ERROR_INVALID */
} BadFile;

static const BadFile bad_files[] = {
  { "[1, 2]", "expected an object" },
  { "{\"owner\": \"X\"}", "at brand: expected a value" },
  { "{\"brand\": \"  \"}", "at brand: expected the brand name" },
  { "{\"brand\": \"X\", \"links\": [{\"grantor\": \"A\", \"grantee\": \"B\", \"valid_unitl\": \"2026-01-01\"}]}",
    "at links[0].valid_unitl: expected one of the known members" },
  { "{\"brand\": \"X\", \"links\": [{\"grantor\": \"A\", \"grantee\": \"B\"}, {\"grantor\": \"B\", \"grantee\": \"C\", \"valid_until\": \"2026-02-30\"}]}",
    "at links[1].valid_until: expected a date such as 2026-12-31" },
  { "{\"brand\": \"X\", \"links\": [{\"grantor\": \"A\"}]}", "at links[0].grantee: expected a value" },
  { "{\"brand\": \"X\", \"links\": [{\"grantor\": \"A\", \"grantee\": \"B\", \"platforms\": [\"ebay\"]}]}",
    "at links[0].platforms[0]: expected a platform id" },
  { "{\"brand\": \"X\", \"links\": [{\"grantor\": \"A\", \"grantee\": \"B\", \"documents\": [\"letter.pdf\"]}]}",
    "at links[0].documents[0]: expected the number of an evidence item", DESK_CHAIN_ERROR_NO_EVIDENCE },
  { "{\"brand\": \"X\", \"links\": [{\"grantor\": \"A\", \"grantee\": \"B\", \"territories\": [\"Russia\"]}]}",
    "at links[0].territories[0]: expected a two-letter country code" },
  { "{\"brand\": \"X\", \"links\": [{\"grantor\": \"A\", \"grantee\": \"B\", \"scope\": \"some\"}]}",
    "at links[0].scope: expected “all”" },
  { "{\"brand\": \"X\", \"links\": [{\"grantor\": \"A\", \"grantee\": \"B\", \"sublicensing\": \"yes\"}]}",
    "at links[0].sublicensing: expected true or false" },
  { "{\"brand\": \"X\", \"trademarks\": [{\"number\": \"1\"}]}", "at trademarks[0].owner: expected a value" },
  { "{\"brand\": \"X\", \"trademarks\": [{\"number\": \"1\", \"owner\": \"A\", \"certificate\": -3}]}",
    "at trademarks[0].certificate: expected the number of an evidence item", DESK_CHAIN_ERROR_NO_EVIDENCE },
};

static void
test_json_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) node = desk_chain_parse_text (bad_files[i].json, -1, &error);
      g_autoptr (DeskChain) chain = NULL;

      g_assert_no_error (error);
      chain = desk_chain_from_json (node, &error);
      g_assert_null (chain);
      g_assert_error (error, DESK_CHAIN_ERROR, bad_files[i].code);
      if (strstr (error->message, bad_files[i].message) == NULL)
        g_test_message ("file %u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, bad_files[i].message));
      g_assert_null (strstr (error->message, "appeal-desk-cli"));
    }
}

static void
test_parse_text_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = desk_chain_parse_text ("{\"brand\": ", -1, &error);

  g_assert_null (node);
  g_assert_error (error, DESK_CHAIN_ERROR, DESK_CHAIN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not valid JSON"));
  g_clear_error (&error);
  node = desk_chain_parse_text ("{\"brand\": \"\xff\"}", -1, &error);
  g_assert_null (node);
  g_assert_nonnull (strstr (error->message, "not UTF-8"));
}

/* Rule pack member */

static void
test_pack_rules (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskRulePack) joom = desk_rule_pack_load_builtin (DESK_PLATFORM_JOOM, &error);
  g_autoptr (DeskRulePack) shopee = desk_rule_pack_load_builtin (DESK_PLATFORM_SHOPEE, &error);
  g_autoptr (DeskRulePack) temu = desk_rule_pack_load_builtin (DESK_PLATFORM_TEMU, &error);
  const DeskChainRules *rules;
  const DeskRuleFigure *named;

  g_assert_no_error (error);
  rules = desk_case_rules_get_chain (desk_rule_pack_get_case_rules (joom, DESK_CASE_TYPE_RESELLER));
  g_assert_nonnull (rules);
  g_assert_cmpstr (desk_chain_rules_get_sites (rules)[0], ==, "RU");
  named = desk_chain_rules_get (rules, DESK_CHAIN_RULE_PLATFORM_NAMED);
  g_assert_nonnull (named);
  g_assert_cmpstr (desk_rule_figure_get_source (named), ==, "seed 004");
  g_assert_cmpint (desk_rule_figure_get_severity (named), ==, DESK_RULE_SEVERITY_STOP);
  g_assert_nonnull (desk_rule_figure_get_verify (named, DESK_RULE_LANGUAGE_ZH));
  g_assert_null (desk_chain_rules_get (rules, DESK_CHAIN_RULE_NO_SCAN_ONLY));

  rules = desk_case_rules_get_chain (desk_rule_pack_get_case_rules (shopee, DESK_CASE_TYPE_IP_COMPLAINT));
  g_assert_nonnull (desk_chain_rules_get (rules, DESK_CHAIN_RULE_NO_SCAN_ONLY));
  g_assert_nonnull (desk_chain_rules_get (rules, DESK_CHAIN_RULE_SPECIFIC_PRODUCTS));
  g_assert_cmpstr (desk_chain_rules_get_sites (rules)[0], ==, "MY");
  g_assert_null (desk_chain_rules_get (rules, DESK_CHAIN_RULE_PLATFORM_NAMED));

  g_assert_null (desk_case_rules_get_chain (desk_rule_pack_get_case_rules (temu, DESK_CASE_TYPE_IP_COMPLAINT)));
}

static char *
minimal_with (const char *chain)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rules", "minimal.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GString) s = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  s = g_string_new (text);
  g_assert_cmpuint (g_string_replace (s, "\"ip-complaint\": {", chain, 1), ==, 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const struct
{
  const char *chain;
  const char *message; /* NULL: valid */
} pack_chains[] = {
  { "\"ip-complaint\": { \"chain\": { \"no_scan_only\": { \"source\": \"seed 001\", \"verify\": { \"en\": \"Check.\", \"zh\": \"核实。\" } } },", NULL },
  { "\"ip-complaint\": { \"chain\": { \"no_scan_only\": { \"source\": \"seed 001\", \"verify\": { \"en\": \"Check.\", \"zh\": \"核实。\" }, \"severity\": \"block\" } },",
    "at “case_types › ip-complaint › chain › no_scan_only › severity”" },
  { "\"ip-complaint\": { \"chain\": { \"sites\": { \"countries\": [\"my\"], \"source\": \"seed 001\", \"verify\": { \"en\": \"Check.\", \"zh\": \"核实。\" } } },",
    "at “case_types › ip-complaint › chain › sites › countries › item 1”: expected a two-letter country code" },
  { "\"ip-complaint\": { \"chain\": { \"platform_name\": {} },", "at “case_types › ip-complaint › chain › platform_name”" },
  { "\"ip-complaint\": { \"chain\": { \"platform_named\": { \"source\": \"seed 001\" } },", "chain › platform_named › verify" },
};

static void
test_pack_chain_member (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (pack_chains); i++)
    {
      g_autofree char *json = minimal_with (pack_chains[i].chain);
      g_autoptr (GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr (GError) error = NULL;
      g_autoptr (DeskRulePack) pack = desk_rule_pack_new_from_bytes (bytes, "shopee.json", DESK_RULE_PACK_ORIGIN_USER, &error);

      if (pack_chains[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (desk_chain_rules_get (desk_case_rules_get_chain (desk_rule_pack_get_case_rules (pack, DESK_CASE_TYPE_IP_COMPLAINT)),
                                                  DESK_CHAIN_RULE_NO_SCAN_ONLY));
          continue;
        }
      g_assert_null (pack);
      g_assert_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_INVALID);
      if (strstr (error->message, pack_chains[i].message) == NULL)
        g_test_message ("pack %u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, pack_chains[i].message));
    }
}

/* Store */

typedef DeskStoreFixture Fixture;

static gint64
add_evidence (Fixture *f, const char *name, const char *content)
{
  g_autofree char *path = desk_test_write_file (f->dir, name, content, -1);

  return desk_test_add_evidence (f->store, path, 0, NULL);
}

static DeskCase *
insert_case (Fixture *f, DeskPlatform platform, DeskCaseType type)
{
  const char *products[] = { "TWS-X3", NULL };

  return desk_test_insert_case (f->store, &(DeskTestCase){ .platform = platform, .type = type, .product_ids = products });
}

static DeskChain *
stored_chain (Fixture *f)
{
  DeskChain *chain = valid_chain ();
  gint64     letter = add_evidence (f, "letter.txt", "Authorization letter");
  gint64     cert = add_evidence (f, "certificate.txt", "Trademark certificate");

  for (guint i = 0; i < chain->links->len; i++)
    {
      DeskChainLink *link = chain->links->pdata[i];

      g_array_set_size (link->documents, 0);
      g_array_append_val (link->documents, letter);
    }
  ((DeskTrademark *)chain->trademarks->pdata[0])->certificate = cert;
  return chain;
}

static void
test_store_chain (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskChain) chain = stored_chain (f);
  g_autoptr (DeskChain) again = NULL;
  g_autoptr (DeskChain) found = NULL;
  g_autoptr (DeskChain) other = desk_chain_new ("ｓｏｕｎｄｐｅａｋ");
  g_autoptr (GPtrArray) all = NULL;
  gint64 bad = 4242;

  g_assert_true (desk_chain_save (f->store, chain, &error));
  g_assert_no_error (error);
  g_assert_cmpint (chain->id, >, 0);

  again = desk_chain_get (f->store, chain->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->links->len, ==, 2);
  g_assert_cmpint (again->id, ==, chain->id);

  /* One chain per brand, whatever the case or width of the letters. */
  found = desk_chain_find_by_brand (f->store, " SOUNDPEAK ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, chain->id);
  g_assert_false (desk_chain_save (f->store, other, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID);
  g_assert_cmpint (other->id, ==, 0);
  g_clear_error (&error);

  /* A document that is not evidence: refused, nothing changed. */
  g_array_append_val (((DeskChainLink *)again->links->pdata[1])->documents, bad);
  set_str (&again->owner, "Changed");
  g_assert_false (desk_chain_save (f->store, again, &error));
  g_assert_error (error, DESK_CHAIN_ERROR, DESK_CHAIN_ERROR_NO_EVIDENCE);
  g_assert_nonnull (strstr (error->message, "links[1].documents[1]"));
  /* The app's words: the GUI shows it too; the CLI adds its own hint. */
  g_assert_null (strstr (error->message, "appeal-desk-cli"));
  g_clear_error (&error);
  g_clear_pointer (&found, desk_chain_free);
  found = desk_chain_get (f->store, chain->id, &error);
  g_assert_cmpstr (found->owner, ==, "SoundPeak Audio Co., Ltd.");

  all = desk_chain_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);

  g_assert_null (desk_chain_find_by_brand (f->store, "Other", &error));
  g_assert_no_error (error);
  g_assert_null (desk_chain_get (f->store, 999, &error));
  g_assert_error (error, DESK_CHAIN_ERROR, DESK_CHAIN_ERROR_NOT_FOUND);
}

static void
test_store_documents_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskChain) chain = stored_chain (f);
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (DeskEvidence) letter = NULL;
  gint64 id = g_array_index (((DeskChainLink *)chain->links->pdata[0])->documents, gint64, 0);

  g_assert_true (desk_evidence_attach (f->store, desk_case_get_id (kase), id, &error));
  g_assert_true (desk_chain_save (f->store, chain, &error));
  g_assert_true (desk_store_delete_case (f->store, desk_case_get_id (kase), &error));
  g_assert_no_error (error);
  /* The brand's letter outlives the case: other cases of the brand use it. */
  letter = desk_evidence_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (desk_evidence_get_in_library (letter));
}

static void
test_store_case_chain (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskChain) chain = stored_chain (f);
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (DeskCase) second = insert_case (f, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (DeskCaseChain) info = valid_info ();
  g_autoptr (DeskCaseChain) back = NULL;
  g_autoptr (DeskCaseChain) info2 = NULL;
  g_autoptr (DeskSellerProfile) profile = valid_profile ();
  g_autoptr (GPtrArray) gaps = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 6, 1, 4, 0, 0);

  /* No chain yet: the case's gap list says so. */
  g_assert_null (desk_case_chain_get (f->store, desk_case_get_id (kase), &error));
  g_assert_no_error (error);
  gaps = desk_chain_check_case (f->session, desk_case_get_id (kase), now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((DeskChainGap *)gaps->pdata[0])->kind, ==, DESK_CHAIN_GAP_NO_CHAIN);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  info->case_id = desk_case_get_id (kase);
  g_assert_true (desk_chain_set_for_case (f->store, chain, info, &error));
  g_assert_no_error (error);
  back = desk_case_chain_get (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpint (back->chain_id, ==, chain->id);
  g_assert_cmpstr (back->listing_date, ==, "2026-03-01");
  g_assert_cmpstr (back->products[0], ==, "TWS-X3");

  /* Setting a chain of the same brand on another case reuses it. */
  info2 = desk_case_chain_new (desk_case_get_id (second), 0);
  g_clear_pointer (&chain, desk_chain_free);
  chain = stored_chain (f);
  g_assert_true (desk_chain_set_for_case (f->store, chain, info2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info2->chain_id, ==, back->chain_id);
  all = desk_chain_list (f->store, &error);
  g_assert_cmpuint (all->len, ==, 1);

  /* Without a profile the last link reaches nobody; with it, no gap. */
  gaps = desk_chain_check_case (f->session, desk_case_get_id (kase), now, &error);
  g_assert_no_error (error);
  dump_gaps (gaps);
  g_assert_cmpint (((DeskChainGap *)gaps->pdata[0])->kind, ==, DESK_CHAIN_GAP_LAST_NOT_SELLER);
  g_clear_pointer (&gaps, g_ptr_array_unref);
  g_assert_true (desk_seller_profile_save (f->store, profile, &error));
  gaps = desk_chain_check_case (f->session, desk_case_get_id (kase), now, &error);
  g_assert_no_error (error);
  dump_gaps (gaps);
  g_assert_true (desk_chain_gaps_ok (gaps));
}

static void
test_store_set_for_case_atomic (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskChain) chain = stored_chain (f);
  g_autoptr (DeskCaseChain) info = desk_case_chain_new (777, 0);
  g_autoptr (GPtrArray) all = NULL;

  /* No such case: the chain is not saved either. */
  g_assert_false (desk_chain_set_for_case (f->store, chain, info, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (chain->id, ==, 0);
  all = desk_chain_list (f->store, NULL);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_store_profile (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskSellerProfile) empty = desk_seller_profile_load (f->store, &error);
  g_autoptr (DeskSellerProfile) profile = valid_profile ();
  g_autoptr (DeskSellerProfile) back = NULL;
  const DeskSellerEntity *entity;

  g_assert_no_error (error);
  g_assert_cmpuint (empty->entities->len, ==, 0);
  /* A company without any name (just added in Preferences) is not written. */
  g_ptr_array_add (profile->entities, desk_seller_entity_new ("", ""));
  g_assert_true (desk_seller_profile_save (f->store, profile, &error));
  back = desk_seller_profile_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->entities->len, ==, 1);
  entity = back->entities->pdata[0];
  g_assert_cmpstr (entity->name_zh, ==, "深圳市声峰电子商务有限公司");
  g_assert_cmpstr (entity->name_en, ==, "Shenzhen Shengfeng E-commerce Co., Ltd.");
  g_assert_cmpstr (entity->country, ==, "CN");
  g_assert_cmpstr (desk_seller_profile_get_stores (back, DESK_PLATFORM_JOOM)[0], ==, "JM-5521");
  g_assert_null (desk_seller_profile_get_stores (back, DESK_PLATFORM_SHOPEE));
}

/* The whole-case read carries the chain, its case part and its gaps. */
static void
test_store_snapshot (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskChain) chain = stored_chain (f);
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (DeskCase) bare = insert_case (f, DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT);
  g_autoptr (DeskCaseChain) info = valid_info ();
  g_autoptr (DeskCaseSnapshot) snap = NULL;
  g_autoptr (DeskCaseSnapshot) none = NULL;
  const DeskChainSnapshot *part;

  info->case_id = desk_case_get_id (kase);
  ((DeskChainLink *)chain->links->pdata[0])->scope = DESK_CHAIN_SCOPE_ALL_PRODUCTS;
  g_assert_true (desk_chain_set_for_case (f->store, chain, info, &error));
  snap = desk_case_snapshot_load (f->session, desk_case_get_id (kase), &error);
  g_assert_no_error (error);
  part = desk_case_snapshot_get_part (snap, DESK_CHAIN_PART);
  g_assert_nonnull (part);
  g_assert_cmpstr (part->chain->brand, ==, "SoundPeak");
  g_assert_cmpstr (part->info->listing_date, ==, "2026-03-01");
  /* Shopee's pack asks for the model (and no profile is saved): both found. */
  g_assert_true (has_kind (part->gaps, DESK_CHAIN_GAP_PRODUCT_SCOPE));
  g_assert_true (has_kind (part->gaps, DESK_CHAIN_GAP_LAST_NOT_SELLER));
  none = desk_case_snapshot_load (f->session, desk_case_get_id (bare), &error);
  g_assert_no_error (error);
  g_assert_null (desk_case_snapshot_get_part (none, DESK_CHAIN_PART));
}

/* The checklist's brand-authorization item follows the chain. */
static void
test_store_checklist (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskChain) chain = stored_chain (f);
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (DeskCaseChain) info = valid_info ();
  g_autoptr (DeskSellerProfile) profile = valid_profile ();
  g_autoptr (DeskChecklistItem) item = NULL;
  guint counts[3];

  g_assert_true (desk_checklist_create_for_case (f->store, desk_session_get_rules (f->session), kase, NULL, &error));
  g_assert_no_error (error);
  /* No chain, nothing attached: missing as stored. */
  item = desk_checklist_find_item (f->session, desk_case_get_id (kase), "brand-authorization", &error);
  g_assert_no_error (error);
  g_assert_cmpint (item->state, ==, DESK_CHECKLIST_MISSING);
  /* Marked provided by hand, but no chain entered: nothing was checked. */
  g_assert_true (desk_checklist_set_state (f->store, item->id, DESK_CHECKLIST_PROVIDED, NULL, &error));
  g_clear_pointer (&item, desk_checklist_item_free);
  item = desk_checklist_find_item (f->session, desk_case_get_id (kase), "brand-authorization", &error);
  g_assert_cmpint (item->state, ==, DESK_CHECKLIST_NEEDS_ATTENTION);
  g_assert_nonnull (strstr (item->note, "No authorization chain"));

  /* A chain with a blocking gap (no seller profile): needs attention, first gap as the note. */
  info->case_id = desk_case_get_id (kase);
  g_assert_true (desk_chain_set_for_case (f->store, chain, info, &error));
  g_clear_pointer (&item, desk_checklist_item_free);
  item = desk_checklist_find_item (f->session, desk_case_get_id (kase), "brand-authorization", &error);
  g_assert_cmpint (item->state, ==, DESK_CHECKLIST_NEEDS_ATTENTION);
  g_assert_nonnull (strstr (item->note, "seller profile"));
  g_assert_true (desk_checklist_count (f->session, desk_case_get_id (kase), counts, &error));
  g_assert_cmpuint (counts[DESK_CHECKLIST_NEEDS_ATTENTION], ==, 1);

  /* The profile closes the chain: provided, in lists and counts alike. */
  g_assert_true (desk_seller_profile_save (f->store, profile, &error));
  g_clear_pointer (&item, desk_checklist_item_free);
  item = desk_checklist_find_item (f->session, desk_case_get_id (kase), "brand-authorization", &error);
  g_assert_cmpint (item->state, ==, DESK_CHECKLIST_PROVIDED);
  g_assert_true (desk_checklist_count (f->session, desk_case_get_id (kase), counts, &error));
  g_assert_cmpuint (counts[DESK_CHECKLIST_NEEDS_ATTENTION], ==, 0);
}

/* The built-in Joom pack, newer, with its sites moved to Brazil, in a folder
 * of its own (not <data dir>/rules): only a session given it knows it. */
static DeskRuleRegistry *
brazil_rules (char **dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GString) text = NULL;
  g_autofree char  *path = NULL;
  DeskRuleRegistry *rules;

  desk_rule_pack_ensure_resources ();
  bytes = g_resources_lookup_data (RESOURCE_PREFIX "/rules/joom.json", 0, &error);
  g_assert_no_error (error);
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (text, "\"pack_version\": \"1.0\"", "\"pack_version\": \"9.0\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"countries\": [\"RU\", \"KZ\"]", "\"countries\": [\"BR\"]", 0), >, 0);
  *dir = g_dir_make_tmp ("appeal-desk-rules-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "joom.json", NULL);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  rules = desk_rule_registry_new (*dir);
  g_assert_cmpuint (desk_rule_registry_get_problems (rules)->len, ==, 0);
  g_assert_cmpstr (desk_rule_pack_get_pack_version (desk_rule_registry_get_pack (rules, DESK_PLATFORM_JOOM)), ==, "9.0");
  return rules;
}

/* The checklist item and the snapshot check the chain with the rule packs of
 * the session they are read through, and hang nothing on the store. */
static void
test_store_session_rules (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (DeskRuleRegistry) rules = brazil_rules (&dir);
  g_autoptr (DeskSession) brazil = desk_session_new_for_store (f->store, rules);
  g_autoptr (DeskChain) chain = stored_chain (f);
  g_autoptr (DeskCase) kase = insert_case (f, DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER);
  g_autoptr (DeskCaseChain) info = valid_info ();
  g_autoptr (DeskSellerProfile) profile = valid_profile ();
  g_autoptr (DeskChecklistItem) item = NULL;
  g_autoptr (DeskChecklistItem) user = NULL;
  g_autoptr (DeskCaseSnapshot) snap = NULL;
  g_autoptr (DeskCaseSnapshot) user_snap = NULL;
  gint64 id = desk_case_get_id (kase);

  g_assert_true (desk_checklist_create_for_case (f->store, desk_session_get_rules (f->session), kase, NULL, &error));
  info->case_id = id;
  g_assert_true (desk_chain_set_for_case (f->store, chain, info, &error));
  g_assert_true (desk_seller_profile_save (f->store, profile, &error));
  g_assert_no_error (error);

  /* The built-in packs (RU, KZ): the chain is complete. */
  item = desk_checklist_find_item (f->session, id, "brand-authorization", &error);
  g_assert_no_error (error);
  g_assert_cmpint (item->state, ==, DESK_CHECKLIST_PROVIDED);
  snap = desk_case_snapshot_load (f->session, id, &error);
  g_assert_no_error (error);
  g_assert_false (has_kind (((const DeskChainSnapshot *)desk_case_snapshot_get_part (snap, DESK_CHAIN_PART))->gaps, DESK_CHAIN_GAP_TERRITORY));

  /* The same store read through the session with the user's pack (BR). */
  user = desk_checklist_find_item (brazil, id, "brand-authorization", &error);
  g_assert_no_error (error);
  g_assert_cmpint (user->state, ==, DESK_CHECKLIST_NEEDS_ATTENTION);
  g_assert_nonnull (strstr (user->note, "BR"));
  user_snap = desk_case_snapshot_load (brazil, id, &error);
  g_assert_no_error (error);
  g_assert_true (has_kind (((const DeskChainSnapshot *)desk_case_snapshot_get_part (user_snap, DESK_CHAIN_PART))->gaps, DESK_CHAIN_GAP_TERRITORY));

  g_assert_null (g_object_get_data (G_OBJECT (f->store), "desk-chain-rules"));
  g_clear_object (&brazil);
  desk_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (all_platforms); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chain/valid/%s", desk_platform_to_id (all_platforms[i]));

      g_test_add_data_func (path, GINT_TO_POINTER (all_platforms[i]), test_valid);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chain/gap/%s", rows[i].name);

      g_test_add_data_func (path, &rows[i], test_gap);
    }
  g_test_add_func ("/chain/every-kind-tested", test_every_kind_tested);
  g_test_add_func ("/chain/rules-only-where-asked", test_rules_only_where_asked);
  g_test_add_func ("/chain/order-and-json", test_order_and_json);
  g_test_add_func ("/chain/json/roundtrip", test_json_roundtrip);
  g_test_add_func ("/chain/json/errors", test_json_errors);
  g_test_add_func ("/chain/json/parse-errors", test_parse_text_errors);
  g_test_add_func ("/chain/pack/builtin", test_pack_rules);
  g_test_add_func ("/chain/pack/member", test_pack_chain_member);
  g_test_add ("/chain/store/chain", Fixture, NULL, desk_store_fixture_setup, test_store_chain, desk_store_fixture_teardown);
  g_test_add ("/chain/store/documents-kept", Fixture, NULL, desk_store_fixture_setup, test_store_documents_kept, desk_store_fixture_teardown);
  g_test_add ("/chain/store/case-chain", Fixture, NULL, desk_store_fixture_setup, test_store_case_chain, desk_store_fixture_teardown);
  g_test_add ("/chain/store/set-for-case-atomic", Fixture, NULL, desk_store_fixture_setup, test_store_set_for_case_atomic, desk_store_fixture_teardown);
  g_test_add ("/chain/store/snapshot", Fixture, NULL, desk_store_fixture_setup, test_store_snapshot, desk_store_fixture_teardown);
  g_test_add ("/chain/store/checklist", Fixture, NULL, desk_store_fixture_setup, test_store_checklist, desk_store_fixture_teardown);
  g_test_add ("/chain/store/session-rules", Fixture, NULL, desk_store_fixture_setup, test_store_session_rules, desk_store_fixture_teardown);
  g_test_add ("/chain/store/profile", Fixture, NULL, desk_store_fixture_setup, test_store_profile, desk_store_fixture_teardown);
  return g_test_run ();
}
