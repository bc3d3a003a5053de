/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-case.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* Closing a case: the outcome, the root cause (an id from the rule pack's
 * list for the case type, and/or the seller's own words) and follow-up
 * actions with due dates, which the case list shows until they are done. */

typedef enum
{
  DESK_OUTCOME_NONE,            /* "none": not closed */
  DESK_OUTCOME_RESTORED,        /* "restored" */
  DESK_OUTCOME_PARTLY_RESTORED, /* "partly-restored" */
  DESK_OUTCOME_REJECTED,        /* "rejected" */
  DESK_OUTCOME_WITHDRAWN,       /* "withdrawn" */
} DeskOutcome;

const char *desk_outcome_to_id (DeskOutcome outcome);
DeskOutcome desk_outcome_from_id (const char *id);
/* Translated: "Restored", "Partly restored", … */
const char *desk_outcome_get_label (DeskOutcome outcome);

typedef struct
{
  gint64     id;
  gint64     case_id;
  char      *text;
  GDateTime *due_at;  /* or NULL */
  GDateTime *done_at; /* NULL while open */
} DeskFollowUp;

#define DESK_TYPE_FOLLOW_UP (desk_follow_up_get_type ())
GType         desk_follow_up_get_type (void) G_GNUC_CONST;
DeskFollowUp *desk_follow_up_new (const char *text,
                                  GDateTime  *due_at);
DeskFollowUp *desk_follow_up_copy (const DeskFollowUp *follow_up);
void          desk_follow_up_free (DeskFollowUp *follow_up);

typedef struct
{
  gint64      case_id;
  DeskOutcome outcome;
  char       *root_cause;      /* rule pack id, or "" */
  char       *root_cause_note; /* the seller's words, or "" */
  GDateTime  *closed_at;
} DeskClosure;

#define DESK_TYPE_CLOSURE (desk_closure_get_type ())
GType        desk_closure_get_type (void) G_GNUC_CONST;
DeskClosure *desk_closure_copy (const DeskClosure *closure);
void         desk_closure_free (DeskClosure *closure);

/* Closes @kase at @at (NULL = now) in one transaction: stores the closure,
 * adds @follow_ups (DeskFollowUp*, may be NULL; their ids are set), sets the
 * status to closed and logs it. The outcome is required; a root cause id or
 * a note is required too (the report's lesson). */
gboolean desk_closure_close (DeskStore  *store,
                             DeskCase   *kase,
                             DeskOutcome outcome,
                             const char *root_cause,
                             const char *root_cause_note,
                             GPtrArray  *follow_ups,
                             GDateTime  *at,
                             GError    **error);
/* Re-opens a closed case: status @status (e.g. pending, or draft for a
 * further appeal), closure removed, open follow-ups kept, logged with @reason. */
gboolean desk_closure_reopen (DeskStore     *store,
                              DeskCase      *kase,
                              DeskCaseStatus status,
                              const char    *reason,
                              GError       **error);
/* The closure of a case, or NULL (without error when it is not closed). */
DeskClosure *desk_closure_get (DeskStore *store,
                               gint64     case_id,
                               GError   **error);

/* Follow-ups of a case, open ones first by due date. */
GPtrArray *desk_follow_ups_list (DeskStore *store,
                                 gint64     case_id,
                                 GError   **error);
gint64     desk_follow_up_add (DeskStore  *store,
                               gint64      case_id,
                               const char *text,
                               GDateTime  *due_at,
                               GError    **error);
gboolean   desk_follow_up_set_done (DeskStore *store,
                                    gint64     follow_up_id,
                                    gboolean   done,
                                    GError   **error);
/* For the case list: case id (gint64*) → the open follow-up due first
 * (DeskFollowUp*), for every case that has one. */
GHashTable *desk_follow_ups_next_by_case (DeskStore *store,
                                          GError   **error);

/* The "closure" part of a whole-case snapshot:
 * desk_case_snapshot_get_part (snapshot, "closure"). */
typedef struct
{
  DeskClosure *closure;    /* NULL while the case is open */
  GPtrArray   *follow_ups; /* DeskFollowUp*, as desk_follow_ups_list() */
} DeskClosurePart;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskFollowUp, desk_follow_up_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskClosure, desk_closure_free)

G_END_DECLS
