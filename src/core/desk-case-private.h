/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-case.h"

G_BEGIN_DECLS

/* Used by DeskStore only: fill without emitting notifications. */
void _desk_case_set_id (DeskCase *self,
                        gint64    id);
#define DESK_CASE_NO_TIME G_MININT64

/* UTC seconds, DESK_CASE_NO_TIME for none. */
void   _desk_case_set_times_unix (DeskCase *self,
                                  gint64    received,
                                  gint64    deadline,
                                  gint64    created,
                                  gint64    updated);
gint64 _desk_case_get_received_unix (DeskCase *self);
gint64 _desk_case_get_deadline_unix (DeskCase *self);
gint64 _desk_case_get_created_unix (DeskCase *self);
gint64 _desk_case_get_updated_unix (DeskCase *self);
void   _desk_case_take_fields (DeskCase      *self,
                               DeskPlatform   platform,
                               DeskCaseType   case_type,
                               DeskCaseStatus status,
                               char          *title,
                               char          *platform_case_id,
                               char          *violation_code,
                               char         **product_ids,
                               char          *rule_pack_version);
void   _desk_case_take_notice (DeskCase *self,
                               char     *notice_text);

G_END_DECLS
