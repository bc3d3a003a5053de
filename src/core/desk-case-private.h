/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-case.h"

G_BEGIN_DECLS

/* Used by DeskStore only: fill without emitting notifications. */
void  _desk_case_set_id          (DeskCase   *self,
                                  gint64      id);
void  _desk_case_set_times       (DeskCase   *self,
                                  GDateTime  *created_at,
                                  GDateTime  *updated_at);
void  _desk_case_take_fields     (DeskCase   *self,
                                  DeskPlatform platform,
                                  DeskCaseType case_type,
                                  DeskCaseStatus status,
                                  char       *title,
                                  char       *platform_case_id,
                                  char       *violation_code,
                                  char      **product_ids,
                                  char       *rule_pack_version);
void  _desk_case_take_notice     (DeskCase   *self,
                                  char       *notice_text);
void  _desk_case_take_dates      (DeskCase   *self,
                                  GDateTime  *received_at,
                                  GDateTime  *deadline_at);

G_END_DECLS
