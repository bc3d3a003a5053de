/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-store.h"

G_BEGIN_DECLS

/* A document that is an exhibit because the case's authorization chain uses
 * it, whether or not the seller attached it to the case. */
typedef struct
{
  const char *item_id; /* "brand-authorization" or "trademark-certificate" (static) */
  gint64      evidence_id;
  char       *detail; /* "brand owner → distributor, valid to 2027-06-30", in the language asked for */
} DeskExhibitSource;

void _desk_exhibit_source_free (DeskExhibitSource *source);

/* The chain's documents for @case_id in chain order (brand owner first):
 * link documents, then trademark certificates. Empty when the case has no
 * chain. desk-exhibits-chain.c. */
GPtrArray *_desk_exhibits_chain_documents (DeskStore  *store,
                                           gint64      case_id,
                                           const char *language,
                                           GError    **error);

G_END_DECLS
