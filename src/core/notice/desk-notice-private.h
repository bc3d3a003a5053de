/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-notice.h"

G_BEGIN_DECLS

/* All helpers take the scan window: valid UTF-8 with full-width forms
 * folded, so "：（）" are plain ":()". */

/* desk-notice-patterns.c */
GStrv       _desk_notice_find_evidence (const char *window);
const char *_desk_notice_evidence_hint (const char *evidence_id);
/* Confidence of the best of @n scores, lowered when the runner-up is close. */
double _desk_notice_confidence (const double *scores,
                                guint         n,
                                int          *best,
                                int          *runner_up);

/* Codes the seeds define (Shopee: IP-01 trademark, LI-03 logistics). */
DeskCaseType _desk_notice_case_type_for_code (const char *code);

/* desk-notice-deadline.c */
GDateTime *_desk_notice_find_deadline (const char *window,
                                       GDateTime  *received_at,
                                       gboolean   *is_relative,
                                       gboolean   *zone_assumed);

/* Shared by the helpers: compiles @patterns once (caseless, UTF-8, optimised);
 * a bad built-in pattern is a programming error. */
GRegex *_desk_notice_regex_new (const char *pattern);

G_END_DECLS
