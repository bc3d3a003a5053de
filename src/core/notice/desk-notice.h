/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-rule-registry.h"
#include "desk-types.h"
#include "notice/desk-notice-field.h"

G_BEGIN_DECLS

/* Only the first DESK_NOTICE_SCAN_LIMIT bytes of a pasted notice are read for
 * the guesses; the whole text is still kept (see desk_notice_get_truncated()). */
#define DESK_NOTICE_SCAN_LIMIT (256 * 1024)

/* A guess at or above these is "confident"; below, the UI must ask the seller. */
#define DESK_NOTICE_PLATFORM_THRESHOLD  0.6
#define DESK_NOTICE_CASE_TYPE_THRESHOLD 0.5

#define DESK_NOTICE_ERROR (desk_notice_error_quark ())

typedef enum
{
  DESK_NOTICE_ERROR_NUL,      /* a NUL byte would cut the text short */
  DESK_NOTICE_ERROR_NOT_UTF8, /* not UTF-8 (nor UTF-16 with a byte-order mark) */
} DeskNoticeError;

GQuark desk_notice_error_quark (void);

/* The notice text in @len bytes read from a file, standard input or a paste:
 * UTF-8 as is; UTF-16 with a byte-order mark converted. The real length
 * counts: a NUL byte (which would silently cut the text) is refused with a
 * message that says where it is. Returns NULL with @error set then. */
char *desk_notice_text_from_data (const char *data,
                                  gsize       len,
                                  GError    **error);

#define DESK_TYPE_NOTICE (desk_notice_get_type ())

G_DECLARE_FINAL_TYPE (DeskNotice, desk_notice, DESK, NOTICE, GObject)

/* Decodes a platform notice pasted by the seller (English, Chinese or both)
 * with the cues of the rule packs in force in @rules (the session's: a
 * user's pack brings its own names and phrasings). @rules NULL, and
 * desk_notice_decode(), use the built-in packs only.
 * @text may be NULL, empty, huge or invalid UTF-8; the result is never NULL.
 * @received_at resolves relative deadlines ("within 72 hours"); NULL means now. */
DeskNotice *desk_notice_decode_with_rules (DeskRuleRegistry *rules,
                                           const char       *text,
                                           GDateTime        *received_at);
DeskNotice *desk_notice_decode (const char *text,
                                GDateTime  *received_at);
/* The same off the main thread (a 10 MB paste takes tens of ms).  The only
 * error is G_IO_ERROR_CANCELLED. */
void        desk_notice_decode_async (DeskRuleRegistry   *rules,
                                      const char         *text,
                                      GDateTime          *received_at,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
DeskNotice *desk_notice_decode_finish (GAsyncResult *result,
                                       GError      **error);
/* An empty notice for manual entry. */
DeskNotice *desk_notice_new (void);

/* The notice as pasted, made valid UTF-8 (never truncated); NULL if none. */
const char *desk_notice_get_text (DeskNotice *self);
GDateTime  *desk_notice_get_received_at (DeskNotice *self);
/* TRUE if the text was longer than DESK_NOTICE_SCAN_LIMIT and only its start
 * was read; TRUE from desk_notice_get_repaired() if it was not valid UTF-8. */
gboolean desk_notice_get_truncated (DeskNotice *self);
gboolean desk_notice_get_repaired (DeskNotice *self);

/* Guesses, each with a confidence in 0..1.  Setting a value marks it as
 * confirmed by the seller (confidence 1). */
DeskPlatform desk_notice_get_platform (DeskNotice *self);
double       desk_notice_get_platform_confidence (DeskNotice *self);
/* The second-best platform when the notice also looks like another one. */
DeskPlatform desk_notice_get_runner_up_platform (DeskNotice *self);
void         desk_notice_set_platform (DeskNotice  *self,
                                       DeskPlatform platform);
DeskCaseType desk_notice_get_case_type (DeskNotice *self);
double       desk_notice_get_case_type_confidence (DeskNotice *self);
DeskCaseType desk_notice_get_runner_up_case_type (DeskNotice *self);
void         desk_notice_set_case_type (DeskNotice  *self,
                                        DeskCaseType case_type);

/* Fields read from the notice; NULL when the notice does not state them. */
const char *desk_notice_get_issue_id (DeskNotice *self);
void        desk_notice_set_issue_id (DeskNotice *self,
                                      const char *issue_id);
const char *desk_notice_get_case_id (DeskNotice *self);
void        desk_notice_set_case_id (DeskNotice *self,
                                     const char *case_id);
/* e.g. "IP-01" (Shopee trademark), "LI-03" (Shopee logistics). */
const char *desk_notice_get_violation_code (DeskNotice *self);
void        desk_notice_set_violation_code (DeskNotice *self,
                                            const char *code);
/* Deduplicated, in order of appearance; never NULL (may be empty). */
const char *const *desk_notice_get_product_ids (DeskNotice *self);
void               desk_notice_set_product_ids (DeskNotice        *self,
                                                const char *const *product_ids);

/* The stated deadline in UTC, or NULL.  Relative deadlines ("72小时内") are
 * resolved against the received time; a deadline without a time zone is
 * read as Beijing time (GMT+8) and flagged with get_deadline_zone_assumed(). */
GDateTime *desk_notice_get_deadline (DeskNotice *self);
gboolean   desk_notice_get_deadline_is_relative (DeskNotice *self);
gboolean   desk_notice_get_deadline_zone_assumed (DeskNotice *self);
void       desk_notice_set_deadline (DeskNotice *self,
                                     GDateTime  *deadline);

/* Evidence the notice asks for, as stable ids ("trademark-certificate",
 * "brand-authorization", …) and as translated one-line hints, same order. */
const char *const *desk_notice_get_evidence_ids (DeskNotice *self);
const char *const *desk_notice_get_evidence_hints (DeskNotice *self);
/* Translated hint for one evidence id, or NULL for an unknown id. */
const char *desk_notice_evidence_get_hint (const char *evidence_id);

/* TRUE when both platform and case type are confident guesses (or set by the
 * seller).  Otherwise @reason (optional) gets a translated sentence that says
 * what to check, e.g. "The platform could not be recognised; choose it yourself." */
gboolean desk_notice_is_confident (DeskNotice *self,
                                   char      **reason);
/* Translated, one sentence per line: every weak or assumed part of the guess,
 * or a single line saying the guess looks reliable. */
char *desk_notice_describe_confidence (DeskNotice *self);

/* Every value read from the notice with its role and the line it came from
 * (DeskNoticeField*, in the order of the text; borrowed).  The products in
 * it are exactly desk_notice_get_product_ids(); the other party's ids
 * (counterparty roles) are never among them. */
GPtrArray *desk_notice_get_fields (DeskNotice *self);
/* Figures the notice states (DeskNoticeFact*, borrowed). */
GPtrArray *desk_notice_get_facts (DeskNotice *self);
/* The values of one role, in order; never NULL. */
GStrv desk_notice_get_values (DeskNotice    *self,
                              DeskNoticeRole role);

/* The whole reading as one JSON object (@json_builder is a JsonBuilder);
 * member names in notice/desk-notice-json.c. */
void desk_notice_to_json (DeskNotice *self,
                          gpointer    json_builder);

G_END_DECLS
