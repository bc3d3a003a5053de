/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-attempt-guard.h"
#include "desk-case.h"
#include "desk-rule-pack.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* Appeal attempts of a case, one row each in appeal_attempts, and the bridge
 * from them to the attempt guard (desk-attempt-guard.h). */

typedef struct
{
  gint64     id;
  gint64     case_id;
  char      *product_id; /* "" when the appeal was not for one product */
  GDateTime *attempted_at;
  char      *platform_case_id; /* the case's platform id when recorded */
  gboolean   has_test_report;  /* a third-party test report was attached */
  char      *note;
} DeskAttemptRecord;

#define DESK_TYPE_ATTEMPT_RECORD (desk_attempt_record_get_type ())

GType              desk_attempt_record_get_type (void) G_GNUC_CONST;
DeskAttemptRecord *desk_attempt_record_copy (const DeskAttemptRecord *record);
void               desk_attempt_record_free (DeskAttemptRecord *record);

/* Records an appeal for @product_id (NULL or "" = the whole case) at @at
 * (NULL = now) with the case's current platform case id, and logs it in the
 * case's timeline. Returns the new row id, 0 on error. Does not run the
 * guard: call desk_attempts_check() first. */
gint64 desk_attempts_record (DeskStore  *store,
                             DeskCase   *kase,
                             const char *product_id,
                             gboolean    has_test_report,
                             GDateTime  *at,
                             const char *note,
                             GError    **error);
/* Attempts (DeskAttemptRecord) of a case, oldest first. */
GPtrArray *desk_attempts_list (DeskStore *store,
                               gint64     case_id,
                               GError   **error);
gboolean   desk_attempts_delete (DeskStore *store,
                                 gint64     attempt_id,
                                 GError   **error);

/* Runs the attempt guard for a planned appeal at @now for @product_id on
 * @kase, against all attempts recorded for the case, under @pack's limits
 * for the case type. The second-appeal window starts at the platform's
 * first recorded rejection (desk_reply_get_first_rejection()), or at the
 * first attempt when no rejection was recorded. NULL with @error set only
 * when the store fails. */
DeskGuardVerdict *desk_attempts_check (DeskStore    *store,
                                       DeskRulePack *pack,
                                       DeskCase     *kase,
                                       const char   *product_id,
                                       gboolean      has_test_report,
                                       GDateTime    *now,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskAttemptRecord, desk_attempt_record_free)

G_END_DECLS
