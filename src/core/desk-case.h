/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "desk-types.h"

G_BEGIN_DECLS

#define DESK_TYPE_CASE (desk_case_get_type ())

G_DECLARE_FINAL_TYPE (DeskCase, desk_case, DESK, CASE, GObject)

/* A case as the seller sees it. Objects from desk_store_list_cases() and the
 * DeskCaseList carry every field except the (possibly long) notice text;
 * desk_store_get_case() returns a complete one (has-notice-text TRUE). */
DeskCase          *desk_case_new (DeskPlatform platform,
                                  DeskCaseType case_type,
                                  const char  *title);
gint64             desk_case_get_id (DeskCase *self);
DeskPlatform       desk_case_get_platform (DeskCase *self);
void               desk_case_set_platform (DeskCase    *self,
                                           DeskPlatform platform);
DeskCaseType       desk_case_get_case_type (DeskCase *self);
void               desk_case_set_case_type (DeskCase    *self,
                                            DeskCaseType case_type);
const char        *desk_case_get_title (DeskCase *self);
void               desk_case_set_title (DeskCase   *self,
                                        const char *title);
const char        *desk_case_get_notice_text (DeskCase *self);
void               desk_case_set_notice_text (DeskCase   *self,
                                              const char *notice_text);
gboolean           desk_case_has_notice_text (DeskCase *self);
const char        *desk_case_get_platform_case_id (DeskCase *self);
void               desk_case_set_platform_case_id (DeskCase   *self,
                                                   const char *platform_case_id);
const char        *desk_case_get_violation_code (DeskCase *self);
void               desk_case_set_violation_code (DeskCase   *self,
                                                 const char *violation_code);
const char *const *desk_case_get_product_ids (DeskCase *self);
void               desk_case_set_product_ids (DeskCase          *self,
                                              const char *const *product_ids);
GDateTime         *desk_case_get_received_at (DeskCase *self);
void               desk_case_set_received_at (DeskCase  *self,
                                              GDateTime *received_at);
GDateTime         *desk_case_get_deadline_at (DeskCase *self);
void               desk_case_set_deadline_at (DeskCase  *self,
                                              GDateTime *deadline_at);
DeskCaseStatus     desk_case_get_status (DeskCase *self);
void               desk_case_set_status (DeskCase      *self,
                                         DeskCaseStatus status);
const char        *desk_case_get_rule_pack_version (DeskCase *self);
void               desk_case_set_rule_pack_version (DeskCase   *self,
                                                    const char *version);
GDateTime         *desk_case_get_created_at (DeskCase *self);
GDateTime         *desk_case_get_updated_at (DeskCase *self);

/* "Due soon": less than this many hours left. The one place it is said. */
#define DESK_DEADLINE_SOON_HOURS 24

/* The deadline rule, the one implementation: a case that is no longer a
 * draft is DONE (once submitted, the platform reviews); no deadline is NONE;
 * passed is OVERDUE; under DESK_DEADLINE_SOON_HOURS left is SOON. Times in
 * UTC seconds; @deadline_unix G_MININT64 for none. */
DeskDeadlineState desk_deadline_state_compute (DeskCaseStatus status,
                                               gint64         deadline_unix,
                                               gint64         now_unix);

/* Deadline state now; resolved/rejected/closed cases are DESK_DEADLINE_DONE. */
DeskDeadlineState desk_case_get_deadline_state (DeskCase  *self,
                                                GDateTime *now);

/* Serialisation for the CLI (--json) and scripts. */
void desk_case_to_json (DeskCase *self,
                        gpointer  json_builder);

G_END_DECLS
