/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chain/desk-chain.h"
#include "chain/desk-chain-rules.h"

G_BEGIN_DECLS

/* The gap checker: what is wrong with a case's authorization chain, how bad
 * it is and how to fix it. Pure: everything it reads is in the context, so
 * the editor can run it as the seller types.
 * What a platform demands beyond the universal checks comes from the rule
 * pack (desk-chain-rules.h), never from C conditions. */

typedef enum
{
  DESK_CHAIN_SEVERITY_ADVICE,
  DESK_CHAIN_SEVERITY_RISKY,    /* the platform may refuse it */
  DESK_CHAIN_SEVERITY_BLOCKING, /* the appeal fails as it stands */
} DeskChainSeverity;

/* Stable ids (desk_chain_gap_kind_to_id) are used in JSON and tests. */
typedef enum
{
  DESK_CHAIN_GAP_NO_CHAIN,                 /* "no-chain": no links at all */
  DESK_CHAIN_GAP_ROOT_NOT_OWNER,           /* "root-not-owner": first grantor ≠ trademark owner */
  DESK_CHAIN_GAP_BROKEN_CONTINUITY,        /* "broken-continuity": grantee ≠ next grantor */
  DESK_CHAIN_GAP_LAST_NOT_SELLER,          /* "last-not-seller": last grantee ≠ seller entity */
  DESK_CHAIN_GAP_NAMES_DIFFER_SLIGHTLY,    /* "names-differ-slightly": near-miss, never a match */
  DESK_CHAIN_GAP_NO_DOCUMENT,              /* "no-document" */
  DESK_CHAIN_GAP_EXPIRED,                  /* "expired": today */
  DESK_CHAIN_GAP_NOT_YET_VALID,            /* "not-yet-valid": today */
  DESK_CHAIN_GAP_INVALID_AT_LISTING,       /* "invalid-at-listing" */
  DESK_CHAIN_GAP_EXPIRES_BEFORE_DEADLINE,  /* "expires-before-deadline" */
  DESK_CHAIN_GAP_EXPIRES_SOON,             /* "expires-soon": within 30 days */
  DESK_CHAIN_GAP_TERRITORY,                /* "territory": site's country not covered */
  DESK_CHAIN_GAP_PLATFORM_NOT_COVERED,     /* "platform-not-covered": other platforms only */
  DESK_CHAIN_GAP_PLATFORM_NOT_NAMED,       /* "platform-not-named": rule pack demands the name */
  DESK_CHAIN_GAP_PRODUCT_SCOPE,            /* "product-scope" */
  DESK_CHAIN_GAP_NO_SUBLICENSING,          /* "no-sublicensing": intermediary may not pass it on */
  DESK_CHAIN_GAP_TRADEMARK_MISSING,        /* "trademark-missing" */
  DESK_CHAIN_GAP_TRADEMARK_EXPIRED,        /* "trademark-expired" */
  DESK_CHAIN_GAP_TRADEMARK_OWNER_MISMATCH, /* "trademark-owner-mismatch" */
  DESK_CHAIN_GAP_TRADEMARK_CLASS,          /* "trademark-class" */
  DESK_CHAIN_GAP_TRADEMARK_NO_CERTIFICATE, /* "trademark-no-certificate" */
  DESK_CHAIN_GAP_SCAN_ONLY,                /* "scan-only": platform refuses scans alone */
  DESK_CHAIN_GAP_UNSIGNED,                 /* "unsigned": signature or stamp unconfirmed */
  DESK_CHAIN_N_GAP_KINDS,
} DeskChainGapKind;

/* The field of the chain that fixes a gap: where the editor jumps. */
typedef enum
{
  DESK_CHAIN_FIELD_NONE,
  DESK_CHAIN_FIELD_OWNER, /* the chain's brand owner */
  DESK_CHAIN_FIELD_GRANTOR,
  DESK_CHAIN_FIELD_GRANTEE,
  DESK_CHAIN_FIELD_DOCUMENTS,
  DESK_CHAIN_FIELD_VALID_FROM,
  DESK_CHAIN_FIELD_VALID_UNTIL,
  DESK_CHAIN_FIELD_TERRITORIES,
  DESK_CHAIN_FIELD_PLATFORMS,
  DESK_CHAIN_FIELD_PRODUCTS,
  DESK_CHAIN_FIELD_SUBLICENSING,
  DESK_CHAIN_FIELD_SIGNATURE,
  DESK_CHAIN_FIELD_TRADEMARK_NUMBER,
  DESK_CHAIN_FIELD_TRADEMARK_OWNER,
  DESK_CHAIN_FIELD_TRADEMARK_VALID_UNTIL,
  DESK_CHAIN_FIELD_TRADEMARK_CLASSES,
  DESK_CHAIN_FIELD_TRADEMARK_CERTIFICATE,
  DESK_CHAIN_FIELD_SELLER_PROFILE,
  DESK_CHAIN_FIELD_CASE_PRODUCTS, /* the case's disputed models */
} DeskChainField;

typedef struct
{
  DeskChainGapKind  kind;
  DeskChainSeverity severity;
  int               link;      /* index in chain->links, -1 = none */
  int               trademark; /* index in chain->trademarks, -1 = none */
  DeskChainField    field;
  char             *message;  /* translated: what is wrong, in plain words */
  char             *fix;      /* translated: what to do */
  char             *citation; /* rule pack label, source and verify note, or NULL */
} DeskChainGap;

/* What a document is, as far as the checker cares. */
typedef struct
{
  gboolean exists;
  gboolean scan_only; /* a PDF whose pages are images without text */
  gboolean is_image;  /* a photo */
} DeskChainDocument;

/* Fills @doc for evidence @id; return FALSE when unknown (exists FALSE). */
typedef gboolean (*DeskChainDocumentFunc) (gint64             id,
                                           DeskChainDocument *doc,
                                           gpointer           user_data);

typedef struct
{
  const DeskChain         *chain;
  const DeskSellerProfile *profile;
  DeskPlatform             platform;
  DeskCaseType             case_type;
  DeskRulePack            *pack;          /* NULL: universal checks only */
  const DeskCaseChain     *info;          /* disputed products, listing date, site; may be NULL */
  const char *const       *case_products; /* the case's product ids, used when info has none */
  GDateTime               *now;
  GDateTime               *deadline;      /* may be NULL */
  DeskChainDocumentFunc    document_func; /* NULL: every document exists */
  gpointer                 document_data;
} DeskChainCheck;

#define DESK_CHAIN_EXPIRY_WARNING_DAYS 30

#define DESK_TYPE_CHAIN_GAP (desk_chain_gap_get_type ())
GType         desk_chain_gap_get_type (void) G_GNUC_CONST;
DeskChainGap *desk_chain_gap_copy (const DeskChainGap *gap);
void          desk_chain_gap_free (DeskChainGap *gap);

/* DeskChainGap*, blocking first, then risky, then advice; within a severity
 * in chain order (links top to bottom, then trademarks). */
GPtrArray *desk_chain_check (const DeskChainCheck *check);
/* TRUE when no gap is blocking. */
gboolean desk_chain_gaps_ok (GPtrArray *gaps);

const char      *desk_chain_gap_kind_to_id (DeskChainGapKind kind);
DeskChainGapKind desk_chain_gap_kind_from_id (const char *id);           /* N_GAP_KINDS if unknown */
const char      *desk_chain_severity_to_id (DeskChainSeverity severity); /* "blocking", "risky", "advice" */
/* Translated: "Blocking", "Risky", "Advice". */
const char *desk_chain_severity_get_label (DeskChainSeverity severity);
/* Translated one-liner for lists: "Link 2: …" + message. */
char *desk_chain_gap_describe (const DeskChainGap *gap);
/* {"kind","severity","link","trademark","field","message","fix","citation"};
 * link/trademark are 1-based, 0 = none. */
void desk_chain_gap_to_json (const DeskChainGap *gap,
                             JsonBuilder        *builder);

/* The site (country) a case is checked against: info->site, else the first
 * site of the rules, else NULL. */
const char *desk_chain_check_get_site (const DeskChainCheck *check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskChainGap, desk_chain_gap_free)

G_END_DECLS
