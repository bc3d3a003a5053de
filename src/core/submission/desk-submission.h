/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-attempt-guard.h"
#include "desk-case.h"
#include "desk-session.h"

G_BEGIN_DECLS

/* Recording that the seller submitted an appeal: the check before (what the
 * platform's appeal limits say, which required evidence is still missing)
 * and the record itself (attempt row, status "submitted", timeline entry),
 * one transaction. The GUI's "Record Submission" dialog and
 * `appeal-desk-cli attempt` both use it. */

/* What the seller is about to record. */
typedef struct
{
  const char *product_id;      /* NULL or "" = the whole case */
  gboolean    has_test_report; /* a third-party test report was attached */
  const char *ticket;          /* the platform's number for the appeal, or NULL */
  const char *note;            /* free text, or NULL */
  GDateTime  *at;              /* NULL = now */
} DeskSubmission;

typedef struct _DeskSubmissionCheck DeskSubmissionCheck;

#define DESK_TYPE_SUBMISSION_CHECK (desk_submission_check_get_type ())

GType                desk_submission_check_get_type (void) G_GNUC_CONST;
DeskSubmissionCheck *desk_submission_check_ref (DeskSubmissionCheck *check);
void                 desk_submission_check_unref (DeskSubmissionCheck *check);

/* Checks @submission (its @at, or now) on @kase against the case's recorded
 * attempts and the rule pack in force for its platform, and lists the
 * required checklist items still missing. NULL with @error set only when
 * the store fails. The rules are the session's (user packs included). */
DeskSubmissionCheck *desk_submission_check (DeskSession          *session,
                                            DeskCase             *kase,
                                            const DeskSubmission *submission,
                                            GError              **error);
/* NULL when no rule pack covers the platform × case type. */
DeskGuardVerdict *desk_submission_check_get_verdict (DeskSubmissionCheck *check);
/* Labels (current language) of required items that are "missing", in
 * checklist order; NULL-terminated, never NULL. */
const char *const *desk_submission_check_get_missing (DeskSubmissionCheck *check);
/* Labels of items marked "needs attention". */
const char *const *desk_submission_check_get_needs_attention (DeskSubmissionCheck *check);
/* The case type has a rule for a further appeal that asks for a test report
 * (so asking the seller about one makes sense). */
gboolean desk_submission_check_asks_test_report (DeskSubmissionCheck *check);
/* The most severe guard level (OK without a pack). */
DeskGuardLevel desk_submission_check_get_level (DeskSubmissionCheck *check);
/* Everything, translated, one finding or gap per line; "" when nothing. */
char *desk_submission_check_describe (DeskSubmissionCheck *check);

/* Records @submission: an appeal attempt (with the ticket), the case status
 * "submitted" (the deadline countdown stops: the case now waits for the
 * platform), and a timeline entry, in one transaction. Updates @kase and
 * emits DeskStore::case-changed. Does not run the check: call
 * desk_submission_check() first. Returns the attempt id, 0 on error. */
gint64 desk_submission_record (DeskSession          *session,
                               DeskCase             *kase,
                               const DeskSubmission *submission,
                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskSubmissionCheck, desk_submission_check_unref)

G_END_DECLS
