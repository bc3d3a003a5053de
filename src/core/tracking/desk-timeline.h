/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-case.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* The case's communication log after (and before) submission: what the
 * seller did, what the platform said, and when. Entries are rows of the
 * timeline table (see desk_store_list_timeline()); this module adds, edits,
 * deletes (undoably) and changes the status with a log entry. */

typedef enum
{
  DESK_TIMELINE_OTHER,     /* a kind written by a newer version */
  DESK_TIMELINE_CREATED,   /* "created": the case was opened */
  DESK_TIMELINE_STATUS,    /* "status": details from / to */
  DESK_TIMELINE_SUBMITTED, /* "submitted": details platform_case_id; receipt attached */
  DESK_TIMELINE_REPLY,     /* "reply": verbatim text; details from desk-reply.h */
  DESK_TIMELINE_NOTE,      /* "note": the seller's own note */
  DESK_TIMELINE_CALL,      /* "call": call or chat log; details channel, contact */
  DESK_TIMELINE_PACKAGE,   /* "package": details file, sha256 */
  DESK_TIMELINE_ATTEMPT,   /* "attempt": an appeal attempt counted by the platform */
} DeskTimelineKind;

#define DESK_TIMELINE_N_KINDS (DESK_TIMELINE_ATTEMPT + 1)

const char      *desk_timeline_kind_to_id (DeskTimelineKind kind);
DeskTimelineKind desk_timeline_kind_from_id (const char *id);
/* Translated: "Platform reply", "Call or chat", … */
const char *desk_timeline_kind_get_label (DeskTimelineKind kind);
/* Kinds a seller adds by hand (not status or created, which follow changes). */
gboolean desk_timeline_kind_is_manual (DeskTimelineKind kind);

DeskTimelineKind desk_timeline_entry_get_kind (const DeskTimelineEntry *entry);
/* A copy of a non-empty string member of the entry's details, or NULL. */
char *desk_timeline_entry_dup_detail (const DeskTimelineEntry *entry,
                                      const char              *key);
/* Number of attached evidence items. */
guint desk_timeline_entry_get_n_evidence (const DeskTimelineEntry *entry);

/* Adds an entry at @at (NULL = now) with @details, a JSON object text or
 * NULL, and the evidence @evidence_ids (0-terminated or NULL; each must
 * exist, and is linked to the case too). One transaction. Returns the new
 * entry id, or 0 with @error set. */
gint64             desk_timeline_add (DeskStore       *store,
                                      gint64           case_id,
                                      DeskTimelineKind kind,
                                      GDateTime       *at,
                                      const char      *text,
                                      const char      *details,
                                      const gint64    *evidence_ids,
                                      GError         **error);
DeskTimelineEntry *desk_timeline_get (DeskStore *store,
                                      gint64     entry_id,
                                      GError   **error);
/* Changes time, text and details (NULL keeps each) of a manual entry and
 * stamps edited_at. Status and creation entries cannot be edited: change
 * the status instead. */
gboolean desk_timeline_edit (DeskStore  *store,
                             gint64      entry_id,
                             GDateTime  *at,
                             const char *text,
                             const char *details,
                             GError    **error);
/* Hides a manual entry (undo with desk_timeline_restore()). */
gboolean desk_timeline_delete (DeskStore *store,
                               gint64     entry_id,
                               GError   **error);
gboolean desk_timeline_restore (DeskStore *store,
                                gint64     entry_id,
                                GError   **error);

/* Sets the case's status and logs the change (details "from", "to", and
 * "reopened": true when leaving closed, which also clears the outcome) in
 * one transaction. @note (may be NULL) is the entry's text. No entry when
 * the status does not change. */
gboolean desk_timeline_set_status (DeskStore     *store,
                                   DeskCase      *kase,
                                   DeskCaseStatus status,
                                   const char    *note,
                                   GError       **error);

/* The same, logged at @at (NULL = now): a reply changes the status when it
 * was received, a closing when it was closed. */
gboolean desk_timeline_set_status_at (DeskStore     *store,
                                      DeskCase      *kase,
                                      DeskCaseStatus status,
                                      GDateTime     *at,
                                      const char    *note,
                                      GError       **error);

/* Logs a complaint package made for the case: @file_name and its SHA-256. */
gint64 desk_timeline_add_package (DeskStore  *store,
                                  gint64      case_id,
                                  const char *file_name,
                                  const char *sha256,
                                  GError    **error);

/* A one-line translated summary of an entry for lists ("Status: Draft →
 * Submitted"), in the UI language. */
char *desk_timeline_entry_describe (const DeskTimelineEntry *entry);

G_END_DECLS
