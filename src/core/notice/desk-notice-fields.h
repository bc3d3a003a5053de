/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-notice-text.h"
#include "desk-types.h"

G_BEGIN_DECLS

/* Everything read from "label: value" text and from ids that need no label. */
typedef struct
{
  GPtrArray *fields; /* DeskNoticeField*, in the order of the text */
  char      *issue_id;
  char      *case_id;
  char      *violation_code;
  GStrv      product_ids; /* the seller's own, never a counterparty's */
} DeskNoticeReading;

/* @case_type decides markers that depend on the kind of case ("reported
 * listings" belong to the other party in a reseller report). */
DeskNoticeReading *_desk_notice_read_fields (DeskNoticeText *text,
                                             DeskCaseType    case_type);
void               _desk_notice_reading_free (DeskNoticeReading *reading);

/* TRUE if a counterparty marker of the vocabulary depends on @case_type. */
gboolean _desk_notice_vocabulary_has_conditional_party (DeskNoticeVocabulary *vocabulary,
                                                        DeskCaseType          case_type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskNoticeReading, _desk_notice_reading_free)

G_END_DECLS
