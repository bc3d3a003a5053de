/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-notice.h"

G_BEGIN_DECLS

/* A pattern in one of the scoring tables: every match adds @weight to the
 * score of @target (a DeskPlatform or DeskCaseType), at most three times. */
typedef struct
{
  int         target;
  double      weight;
  const char *pattern;
} DeskNoticePattern;

/* All helpers take the scan window: valid UTF-8 with full-width forms
 * folded, so "：（）" are plain ":()". */

/* desk-notice-patterns.c */
void        _desk_notice_score_platforms (const char *window,
                                          double      scores[DESK_N_PLATFORMS]);
void        _desk_notice_score_case_types (const char *window,
                                           double      scores[DESK_N_CASE_TYPES]);
GStrv       _desk_notice_find_evidence (const char *window);
const char *_desk_notice_evidence_hint (const char *evidence_id);
/* Confidence of the best of @n scores, lowered when the runner-up is close. */
double _desk_notice_confidence (const double *scores,
                                guint         n,
                                int          *best,
                                int          *runner_up);

/* desk-notice-ids.c */
char        *_desk_notice_find_issue_id (const char *window);
char        *_desk_notice_find_case_id (const char *window);
char        *_desk_notice_find_violation_code (const char *window);
DeskCaseType _desk_notice_case_type_for_code (const char *code);
GStrv        _desk_notice_find_product_ids (const char *window,
                                            const char *issue_id,
                                            const char *case_id);

/* desk-notice-deadline.c */
GDateTime *_desk_notice_find_deadline (const char *window,
                                       GDateTime  *received_at,
                                       gboolean   *is_relative,
                                       gboolean   *zone_assumed);

/* Shared by the helpers: compiles @patterns once (caseless, UTF-8, optimised);
 * a bad built-in pattern is a programming error. */
GRegex *_desk_notice_regex_new (const char *pattern);

G_END_DECLS
