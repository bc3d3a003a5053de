/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "desk-session.h"

G_BEGIN_DECLS

/* The complaint package: one .zip per case that the seller uploads or hands
 * over, checkable with ordinary tools (docs/package-format.md):
 *
 *   SUBMIT.txt         where and how to submit, in Chinese and English
 *   letters/letter-<lang>.txt   the letters, UTF-8, paste-ready
 *   evidence/NN_<checklist item>_<original name>   in exhibit order
 *   manifest.json      case, files (SHA-256, size, type, origin), checklist,
 *                      authorization chain and gaps, letters, rules used
 *   SHA256SUMS         for `sha256sum -c`
 *
 * Making a package is one action: the case is read into a DeskPackagePlan
 * (quick, on the caller's thread), the zip is written and synced in a worker
 * thread, then the file takes its name and the case timeline records it with
 * its SHA-256 in one transaction. The target is never left half written. */

#define DESK_PACKAGE_ERROR (desk_package_error_quark ())

/* Every code has a translated message that says what to do. */
typedef enum
{
  DESK_PACKAGE_ERROR_IO,            /* cannot write the target folder */
  DESK_PACKAGE_ERROR_FULL,          /* the disk is full */
  DESK_PACKAGE_ERROR_BLOCKING_GAPS, /* the authorization chain has blocking gaps, not confirmed */
  DESK_PACKAGE_ERROR_EVIDENCE,      /* a stored evidence file is missing or changed */
  DESK_PACKAGE_ERROR_NOT_PACKAGE,   /* verify: not a zip, or no manifest.json / SHA256SUMS */
  DESK_PACKAGE_ERROR_MANIFEST,      /* verify: manifest.json or SHA256SUMS unreadable */
} DeskPackageError;

typedef enum
{
  DESK_PACKAGE_FLAGS_NONE = 0,
  /* The seller confirmed making the package despite blocking gaps. */
  DESK_PACKAGE_ALLOW_GAPS = 1 << 0,
} DeskPackageFlags;

/* Manifest schema version (docs/package-format.md). */
#define DESK_PACKAGE_SCHEMA_VERSION 1

/* One gap of the authorization chain, as the chain checker reports it. */
typedef struct
{
  char    *code;    /* stable id: "continuity", "platform-scope"… */
  char    *text_en; /* what is wrong and how to fix it */
  char    *text_zh;
  gboolean blocking;
} DeskPackageGap;

DeskPackageGap *desk_package_gap_new (const char *code,
                                      const char *text_en,
                                      const char *text_zh,
                                      gboolean    blocking);
void            desk_package_gap_free (DeskPackageGap *gap);

/* What was written. */
typedef struct
{
  char    *path;
  char    *sha256;
  gint64   size;
  guint    n_files; /* entries in the zip */
  guint    n_blocking_gaps;
  gboolean complete; /* letters and chain included */
} DeskPackageResult;

#define DESK_TYPE_PACKAGE_RESULT (desk_package_result_get_type ())
GType              desk_package_result_get_type (void) G_GNUC_CONST;
DeskPackageResult *desk_package_result_copy (const DeskPackageResult *result);
void               desk_package_result_free (DeskPackageResult *result);

/* @fraction 0…1, called on the thread that started the write. */
typedef void (*DeskPackageProgress) (double   fraction,
                                     gpointer user_data);

#define DESK_TYPE_PACKAGE_PLAN (desk_package_plan_get_type ())
G_DECLARE_FINAL_TYPE (DeskPackagePlan, desk_package_plan, DESK, PACKAGE_PLAN, GObject)

GQuark desk_package_error_quark (void);

/* Reads everything the package needs in one read transaction: the case
 * snapshot (case, notice, checklist, evidence), the exhibit numbering, the
 * rule pack, and the letters and authorization chain when those are
 * available. */
DeskPackagePlan *desk_package_plan_new (DeskSession *session,
                                        gint64       case_id,
                                        GError     **error);
/* Inputs from the letters and chain modules (also for tests). A letter per
 * language ("en", "ru", "zh"…), replacing one of the same language. */
void desk_package_plan_add_letter (DeskPackagePlan *self,
                                   const char      *language,
                                   const char      *text);
/* @chain: the chain as JSON (links), NULL when none was built; @gaps:
 * DeskPackageGap, taken over (may be NULL for none). Marks the chain as
 * included. */
void desk_package_plan_set_chain (DeskPackagePlan *self,
                                  JsonNode        *chain,
                                  GPtrArray       *gaps);
/* The time the package is made (default: now); for tests. */
void  desk_package_plan_set_now (DeskPackagePlan *self,
                                 GDateTime       *now);
guint desk_package_plan_count_blocking_gaps (DeskPackagePlan *self);
/* Translated one paragraph listing the blocking gaps, for a confirmation
 * dialog or the command line; NULL when there are none. */
char *desk_package_plan_describe_blocking_gaps (DeskPackagePlan *self);
/* What the package will leave out because it is not available yet
 * ("letters", "chain"): NULL-terminated, borrowed. Empty when complete. */
const char *const *desk_package_plan_get_omissions (DeskPackagePlan *self);
/* Bytes of evidence and letters to write. */
guint64 desk_package_plan_get_input_size (DeskPackagePlan *self);
/* A file name for the package: "appeal-joom-<case id>-<date>.zip". */
char *desk_package_plan_suggest_file_name (DeskPackagePlan *self);

/* Blocking (command line, tests). With blocking gaps and no
 * DESK_PACKAGE_ALLOW_GAPS, fails with DESK_PACKAGE_ERROR_BLOCKING_GAPS before
 * anything is written. */
DeskPackageResult *desk_package_write (DeskPackagePlan    *plan,
                                       const char         *target_path,
                                       DeskPackageFlags    flags,
                                       GCancellable       *cancellable,
                                       DeskPackageProgress progress,
                                       gpointer            progress_data,
                                       GError            **error);
/* The zip is written in a worker thread; the rename and the timeline entry
 * happen on the calling thread's main context. Cancelling leaves nothing. */
void               desk_package_write_async (DeskPackagePlan    *plan,
                                             const char         *target_path,
                                             DeskPackageFlags    flags,
                                             GCancellable       *cancellable,
                                             DeskPackageProgress progress,
                                             gpointer            progress_data,
                                             GDestroyNotify      progress_notify,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
DeskPackageResult *desk_package_write_finish (DeskPackagePlan *plan,
                                              GAsyncResult    *result,
                                              GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPackageGap, desk_package_gap_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPackageResult, desk_package_result_free)

G_END_DECLS
