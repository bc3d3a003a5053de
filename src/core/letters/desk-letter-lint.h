/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "desk-rule-pack.h"

G_BEGIN_DECLS

/* Wording check of a letter: phrases that hurt an appeal, from word lists in
 * data/letters/wording/<language>.json and the platforms' own terms
 * (wording/terms.json), plus the character count against the rule pack's
 * limit. Nothing is rewritten: each finding carries a replacement the seller
 * may apply (desk_letter_lint_apply()). */

typedef enum
{
  DESK_LINT_ACCUSATION, /* "stole", 盗用, воровство → the policy's neutral term */
  DESK_LINT_ADMISSION,  /* admits a fault the seller did not mean to admit */
  DESK_LINT_PROMISE,    /* "guarantee", "100 %" */
  DESK_LINT_THREAT,     /* lawyers, courts, leaving the platform */
  DESK_LINT_PLEADING,   /* emotional pleading */
  DESK_LINT_WRONG_TERM, /* another platform's term ("Case ID" on Shopee) */
  DESK_LINT_CLAIM,      /* medical or absolute claims ("cures", "No. 1") */
  DESK_LINT_LANGUAGE,   /* Chinese text left in an English or Russian letter */
} DeskLintKind;

typedef struct
{
  char        *text; /* the words as found in the letter */
  DeskLintKind kind;
  char        *why;         /* translated (UI language) */
  char        *replacement; /* in the letter's language; "" means delete */
  gboolean     blocking;    /* must be fixed before sending */
  guint        start;       /* character offsets of the words in the text */
  guint        end;
} DeskLintFinding;

typedef struct
{
  guint      chars;
  guint      limit;    /* 0 = no limit */
  GPtrArray *findings; /* DeskLintFinding, by position */
} DeskLintReport;

typedef enum
{
  DESK_LINT_LENGTH_OK,
  DESK_LINT_LENGTH_NEAR, /* within 10 % of the limit */
  DESK_LINT_LENGTH_OVER,
} DeskLintLength;

/* @pack is the rule pack in force for the platform (its limit and terms);
 * NULL checks wording only. @case_type may be DESK_CASE_TYPE_UNKNOWN: then
 * the limit is the one all the pack's case types share, else none.
 * @language: "en", "ru", "zh". */
DeskLintReport *desk_letter_lint (const char   *text,
                                  DeskRulePack *pack,
                                  DeskCaseType  case_type,
                                  const char   *language);
/* Over the limit, or a blocking finding. */
gboolean       desk_lint_report_is_blocking (const DeskLintReport *report);
DeskLintLength desk_lint_report_get_length (const DeskLintReport *report);
void           desk_lint_report_free (DeskLintReport *report);

/* "accusation", "admission", "promise", "threat", "pleading", "wrong-term", "claim", "language". */
const char *desk_lint_kind_to_id (DeskLintKind kind);
/* Translated: "Accusation", "Admission of fault", … */
const char *desk_lint_kind_get_label (DeskLintKind kind);

/* @text with the finding's words replaced (offsets must still match). */
char *desk_letter_lint_apply (const char            *text,
                              const DeskLintFinding *finding);

/* JSON for the command line: {"chars", "limit", "findings": [{"text", "kind",
 * "why", "replacement", "blocking", "start", "end"}]}. */
char *desk_lint_report_to_json (const DeskLintReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskLintReport, desk_lint_report_free)

G_END_DECLS
