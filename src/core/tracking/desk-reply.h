/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-case.h"
#include "desk-rule-pack.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* A platform's reply to an appeal, kept verbatim and decoded like a notice:
 * the verdict, the reasons given, a new deadline, and for a rejection the
 * window in which a further appeal is accepted (which the attempt guard
 * then counts from the rejection, not from the first appeal). */

typedef enum
{
  DESK_REPLY_UNKNOWN,   /* "unknown": no verdict recognised */
  DESK_REPLY_ACCEPTED,  /* "accepted": restored / approved */
  DESK_REPLY_PARTLY,    /* "partly": partly restored */
  DESK_REPLY_REJECTED,  /* "rejected" */
  DESK_REPLY_MORE_INFO, /* "more-info": the platform asks for more */
} DeskReplyVerdict;

const char      *desk_reply_verdict_to_id (DeskReplyVerdict verdict);
DeskReplyVerdict desk_reply_verdict_from_id (const char *id);
/* Translated: "Rejected", … */
const char *desk_reply_verdict_get_label (DeskReplyVerdict verdict);

typedef struct
{
  char            *text; /* verbatim, valid UTF-8 */
  GDateTime       *received_at;
  DeskReplyVerdict verdict;
  GStrv            reasons;      /* never NULL; as stated in the reply */
  GDateTime       *new_deadline; /* stated in the reply, or NULL */
  /* Rejections only: end of the further-appeal window, or NULL; stated in
   * the reply, else received_at + the pack's second-appeal days. */
  GDateTime *second_appeal_until;
  gboolean   second_appeal_from_pack;
} DeskReply;

#define DESK_TYPE_REPLY (desk_reply_get_type ())
GType      desk_reply_get_type (void) G_GNUC_CONST;
DeskReply *desk_reply_copy (const DeskReply *reply);
void       desk_reply_free (DeskReply *reply);

/* Never NULL. @received_at NULL = now; @pack may be NULL (no window from the
 * rules then). */
DeskReply *desk_reply_decode (const char   *text,
                              GDateTime    *received_at,
                              DeskRulePack *pack,
                              DeskCaseType  case_type);
/* The reply as stored in a timeline entry ("details"). */
char *desk_reply_to_details (const DeskReply *reply);

/* Logs @reply on @kase with its attachments (0-terminated evidence ids or
 * NULL) and applies it in one transaction: status (rejected / resolved /
 * under review), new deadline (or the further-appeal window's end).
 * Returns the timeline entry id, 0 on error. */
gint64 desk_reply_record (DeskStore       *store,
                          DeskCase        *kase,
                          const DeskReply *reply,
                          const gint64    *evidence_ids,
                          GError         **error);

/* When the platform first rejected an appeal of the case (from the recorded
 * replies), or NULL (error set only when the store fails). */
GDateTime *desk_reply_get_first_rejection (DeskStore *store,
                                           gint64     case_id,
                                           GError   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReply, desk_reply_free)

G_END_DECLS
