/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-case.h"

G_BEGIN_DECLS

#define DESK_STORE_ERROR (desk_store_error_quark ())

typedef enum
{
  DESK_STORE_ERROR_IO,        /* cannot create or read the data directory */
  DESK_STORE_ERROR_NEWER,     /* database written by a newer Appeal Desk */
  DESK_STORE_ERROR_CORRUPT,   /* not an SQLite database, or damaged */
  DESK_STORE_ERROR_LOCKED,    /* another program holds the database */
  DESK_STORE_ERROR_FULL,      /* disk full */
  DESK_STORE_ERROR_NOT_FOUND, /* no such case / item */
  DESK_STORE_ERROR_INVALID,   /* bad input from the caller */
  DESK_STORE_ERROR_FAILED,    /* any other SQLite error */
  DESK_STORE_ERROR_READ_ONLY, /* the data folder cannot be written: view only */
} DeskStoreError;

#define DESK_STORE_SCHEMA_VERSION 10

#define DESK_TYPE_STORE (desk_store_get_type ())

G_DECLARE_FINAL_TYPE (DeskStore, desk_store, DESK, STORE, GObject)

GQuark desk_store_error_quark (void);

/* $APPEAL_DESK_DATA_DIR, else g_get_user_data_dir()/appeal-desk. */
char *desk_store_default_data_dir (void);

/* Opens (creating if needed) <data_dir>/cases.db; NULL data_dir = default.
 * A newer or corrupt database is refused and left byte-for-byte untouched. */
DeskStore  *desk_store_open (const char *data_dir,
                             GError    **error);
const char *desk_store_get_data_dir (DeskStore *self);
/* TRUE when the data folder cannot be written (a read-only medium or
 * permissions): cases can be listed and read; every change fails with
 * DESK_STORE_ERROR_READ_ONLY. */
gboolean desk_store_is_read_only (DeskStore *self);
int      desk_store_get_schema_version (DeskStore *self);

/* Runs @func inside one write transaction: what it writes through the store
 * is kept only when it returns TRUE and the commit succeeds; otherwise
 * nothing is, and no "changed" signal is emitted. The store's own calls
 * nest inside it. For one user action made of several store calls outside
 * core (the command line's demo cases); core calls make their own. */
typedef gboolean (*DeskStoreTransactionFunc) (DeskStore *store,
                                              gpointer   user_data,
                                              GError   **error);
gboolean desk_store_run_in_transaction (DeskStore               *self,
                                        DeskStoreTransactionFunc func,
                                        gpointer                 user_data,
                                        GError                 **error);

/* Cases. Inserting sets the id and the created/updated times on @kase. */
gboolean  desk_store_insert_case (DeskStore *self,
                                  DeskCase  *kase,
                                  GError   **error);
gboolean  desk_store_update_case (DeskStore *self,
                                  DeskCase  *kase,
                                  GError   **error);
DeskCase *desk_store_get_case (DeskStore *self,
                               gint64     id,
                               GError   **error);
/* All cases not in the trash, without notice text, most urgent first. */
GPtrArray *desk_store_list_cases (DeskStore *self,
                                  GError   **error);
/* Unfinished drafts whose deadline is at or before @before, soonest first,
 * without notice text: what deadline alerts need, without loading every case. */
GPtrArray *desk_store_list_drafts_due (DeskStore *self,
                                       GDateTime *before,
                                       GError   **error);
gint64     desk_store_count_cases (DeskStore *self);

/* Sets the status of @kase and logs it in the timeline, in one
 * transaction; on failure @kase keeps its old status. */
gboolean desk_store_set_case_status (DeskStore     *self,
                                     DeskCase      *kase,
                                     DeskCaseStatus status,
                                     GError       **error);

/* Deleting removes the case, its links and timeline, and drops blob references;
 * blobs no other case or the library keeps are removed from disk. */
gboolean desk_store_delete_case (DeskStore *self,
                                 gint64     id,
                                 GError   **error);
/* Trash for undo: a trashed case is hidden from lists; purge makes it final. */
gboolean desk_store_trash_case (DeskStore *self,
                                gint64     id,
                                GError   **error);
gboolean desk_store_restore_case (DeskStore *self,
                                  gint64     id,
                                  GError   **error);
gboolean desk_store_purge_trash (DeskStore *self,
                                 GError   **error);

/* Timeline ("communication log"): kind is a short id such as "created",
 * "status", "note", "submitted", "reply". */
gboolean desk_store_add_timeline_entry (DeskStore  *self,
                                        gint64      case_id,
                                        const char *kind,
                                        const char *text,
                                        GError    **error);
/* DeskTimelineEntry, oldest first. */
GPtrArray *desk_store_list_timeline (DeskStore *self,
                                     gint64     case_id,
                                     GError   **error);

typedef struct
{
  gint64     id;
  gint64     case_id;
  GDateTime *at;
  char      *kind;
  char      *text;
  /* Since schema 2 (tracking/desk-timeline.h): kind-specific details as a
   * JSON object text ("{}" when none), the last edit time (NULL if never)
   * and the attached evidence ids (0-terminated, NULL when none). */
  char      *details;
  GDateTime *edited_at;
  gint64    *evidence_ids;
} DeskTimelineEntry;

#define DESK_TYPE_TIMELINE_ENTRY (desk_timeline_entry_get_type ())
GType              desk_timeline_entry_get_type (void) G_GNUC_CONST;
DeskTimelineEntry *desk_timeline_entry_copy (const DeskTimelineEntry *entry);
void               desk_timeline_entry_free (DeskTimelineEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskTimelineEntry, desk_timeline_entry_free)

G_END_DECLS
