/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "desk-types.h"

G_BEGIN_DECLS

/* The brand authorization chain (授权链): brand owner (trademark registrant)
 * → distributors → the seller's legal entity, one authorization document per
 * link. A chain belongs to a brand and is reused by every case about that
 * brand; a case points at its chain (DeskCaseChain). Plain structures with
 * public fields: the editor edits them in memory, desk_chain_check() reads
 * them, desk_chain_save() stores them in one transaction.
 *
 * Dates are "YYYY-MM-DD" strings (NULL = open-ended); countries are ISO 3166
 * alpha-2 codes ("CN", "MY", "RU"), plus "EU" and "WW" (worldwide); platforms
 * are platform ids ("joom"). The JSON form (desk_chain_from_json) is the
 * file format of `appeal-desk-cli chain ID --set FILE.json`, documented in
 * src/core/chain/README.md. */

#define DESK_CHAIN_ERROR (desk_chain_error_quark ())

typedef enum
{
  DESK_CHAIN_ERROR_INVALID,     /* a JSON file or value of the wrong shape */
  DESK_CHAIN_ERROR_NOT_FOUND,   /* no such chain */
  DESK_CHAIN_ERROR_NO_EVIDENCE, /* a document or certificate is not an evidence item's number */
} DeskChainError;

typedef enum
{
  DESK_CHAIN_SCOPE_ALL_PRODUCTS,    /* every product of the brand */
  DESK_CHAIN_SCOPE_LISTED_PRODUCTS, /* only the models, SKUs or batches listed */
} DeskChainScope;

/* A company as it appears in documents: several names (Chinese licence,
 * English letter) are declared as aliases, so they compare equal. */
typedef struct
{
  char *name;
  GStrv aliases; /* never NULL */
  char *registration_number;
  char *country;
} DeskChainParty;

typedef struct
{
  char  *number;
  char  *office;      /* "CNIPA", "EUIPO", "USPTO", … */
  GStrv  territories; /* countries the registration covers */
  GStrv  classes;     /* Nice classes: "9", "11" */
  char  *owner;       /* registrant as printed on the certificate */
  char  *valid_until;
  gint64 certificate; /* evidence id, 0 = none */
} DeskTrademark;

typedef struct
{
  char          *grantor; /* as written in the document */
  char          *grantee;
  GArray        *documents; /* gint64 evidence ids, never NULL */
  char          *valid_from;
  char          *valid_until;
  GStrv          territories;
  gboolean       all_online_platforms;
  GStrv          platforms; /* named platforms (ids) */
  DeskChainScope scope;
  GStrv          products; /* models, SKUs, batches when scope is LISTED */
  gboolean       sublicensing;
  gboolean       signature_confirmed;
  gboolean       stamp_confirmed;
  char          *language; /* ISO 639-1 of the document */
} DeskChainLink;

typedef struct
{
  gint64     id; /* 0 until saved */
  char      *brand;
  char      *owner;      /* the brand owner: trademark registrant, top of the chain */
  GPtrArray *parties;    /* DeskChainParty*: declared names and aliases */
  GPtrArray *trademarks; /* DeskTrademark* */
  GPtrArray *links;      /* DeskChainLink*, brand owner first, seller last */
} DeskChain;

/* What a case says about its chain. */
typedef struct
{
  gint64 case_id;
  gint64 chain_id;
  GStrv  products;      /* disputed models/SKUs; empty = the case's product ids */
  char  *listing_date;  /* when the disputed listing went up */
  char  *site;          /* country of the platform site; NULL = the rules' first site */
  char  *product_class; /* Nice class of the disputed product, NULL = unknown */
} DeskCaseChain;

/* The seller: legal entities (one name per language) and store ids. */
typedef struct
{
  char *name_zh;
  char *name_en;
  GStrv aliases;
  char *registration_number;
  char *country;
} DeskSellerEntity;

typedef struct
{
  GPtrArray  *entities; /* DeskSellerEntity* */
  GHashTable *stores;   /* platform id → GStrv of store ids */
} DeskSellerProfile;

GQuark desk_chain_error_quark (void);

#define DESK_TYPE_CHAIN          (desk_chain_get_type ())
#define DESK_TYPE_CASE_CHAIN     (desk_case_chain_get_type ())
#define DESK_TYPE_SELLER_PROFILE (desk_seller_profile_get_type ())

GType desk_chain_get_type (void) G_GNUC_CONST;
GType desk_case_chain_get_type (void) G_GNUC_CONST;
GType desk_seller_profile_get_type (void) G_GNUC_CONST;

DeskChain      *desk_chain_new (const char *brand);
DeskChain      *desk_chain_copy (const DeskChain *chain);
void            desk_chain_free (DeskChain *chain);
DeskChainParty *desk_chain_party_new (const char *name);
void            desk_chain_party_free (DeskChainParty *party);
DeskTrademark  *desk_trademark_new (void);
void            desk_trademark_free (DeskTrademark *trademark);
/* A link that grants everything except sub-licensing, nothing confirmed. */
DeskChainLink *desk_chain_link_new (const char *grantor,
                                    const char *grantee);
DeskChainLink *desk_chain_link_copy (const DeskChainLink *link);
void           desk_chain_link_free (DeskChainLink *link);
/* Index of the first link whose documents include @evidence_id, or -1 (for
 * exhibit descriptions: "brand owner → distributor, valid until …"). */
int desk_chain_find_link_for_document (const DeskChain *chain,
                                       gint64           evidence_id);
/* Language-neutral facts of the link that uses @evidence_id, for exhibit
 * lists: "SoundPeak Audio Co., Ltd. → Huasheng Trading Co., Ltd.,
 * 2026-01-01 – 2027-12-31" (names as the letter writes them, ISO dates, "…"
 * for an open end); NULL when no link uses it. */
char *desk_chain_describe_document (const DeskChain *chain,
                                    gint64           evidence_id);
/* The party whose name or alias equals @name (desk_chain_names_compare). */
const DeskChainParty *desk_chain_find_party (const DeskChain *chain,
                                             const char      *name);

DeskCaseChain *desk_case_chain_new (gint64 case_id,
                                    gint64 chain_id);
DeskCaseChain *desk_case_chain_copy (const DeskCaseChain *info);
void           desk_case_chain_free (DeskCaseChain *info);

DeskSellerProfile *desk_seller_profile_new (void);
DeskSellerProfile *desk_seller_profile_copy (const DeskSellerProfile *profile);
void               desk_seller_profile_free (DeskSellerProfile *profile);
DeskSellerEntity  *desk_seller_entity_new (const char *name_zh,
                                           const char *name_en);
void               desk_seller_entity_free (DeskSellerEntity *entity);
/* Store ids on @platform, NULL when none. */
const char *const *desk_seller_profile_get_stores (const DeskSellerProfile *profile,
                                                   DeskPlatform             platform);
void               desk_seller_profile_set_stores (DeskSellerProfile *profile,
                                                   DeskPlatform       platform,
                                                   const char *const *store_ids);

/* JSON. Reading fails with DESK_CHAIN_ERROR_INVALID and a translated message
 * naming the member ("at links[1].valid_until: expected a date such as
 * 2026-12-31"). Writing emits every member, so a written file reads back. */
DeskChain         *desk_chain_from_json (JsonNode *node,
                                         GError  **error);
void               desk_chain_to_json (const DeskChain *chain,
                                       JsonBuilder     *builder);
DeskSellerProfile *desk_seller_profile_from_json (JsonNode *node,
                                                  GError  **error);
void               desk_seller_profile_to_json (const DeskSellerProfile *profile,
                                                JsonBuilder             *builder);
/* The case part of a chain file: "products", "listing_date", "site",
 * "product_class" (all optional). */
gboolean desk_case_chain_update_from_json (DeskCaseChain *info,
                                           JsonNode      *node,
                                           GError       **error);
void     desk_case_chain_to_json (const DeskCaseChain *info,
                                  JsonBuilder         *builder);
/* Parses a whole file's text (UTF-8 JSON); errors as desk_chain_from_json. */
JsonNode *desk_chain_parse_text (const char *text,
                                 gssize      length,
                                 GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskChain, desk_chain_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskChainLink, desk_chain_link_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskChainParty, desk_chain_party_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskTrademark, desk_trademark_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCaseChain, desk_case_chain_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskSellerProfile, desk_seller_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskSellerEntity, desk_seller_entity_free)

G_END_DECLS
