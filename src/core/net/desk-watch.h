/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-evidence.h"
#include "desk-store.h"
#include "net/desk-capture.h"

G_BEGIN_DECLS

/* A reseller's listing the seller keeps an eye on (seed 004), per case. */
typedef enum
{
  DESK_WATCH_UNCHECKED,
  DESK_WATCH_LIVE,
  DESK_WATCH_GONE,        /* 404, 410 or the platform's "not available" page */
  DESK_WATCH_CHANGED,     /* answered, but the page differs from the last check */
  DESK_WATCH_UNREACHABLE, /* no answer, a server error, a certificate problem */
} DeskWatchStatus;

const char     *desk_watch_status_to_id (DeskWatchStatus status); /* "live", "gone", … */
DeskWatchStatus desk_watch_status_from_id (const char *id);
const char     *desk_watch_status_get_label (DeskWatchStatus status); /* translated */

typedef struct
{
  gint64          id;
  gint64          case_id;
  char           *url;
  char           *seller_id;
  GDateTime      *added_at;
  GDateTime      *checked_at; /* NULL: never */
  DeskWatchStatus status;
  guint           http_status;
  char           *sha256; /* of the page at the last check that got one */
  char           *detail; /* translated: why it is unreachable, what "gone" was */
} DeskWatchItem;

void desk_watch_item_free (DeskWatchItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskWatchItem, desk_watch_item_free)

/* Adding an address twice is a no-op; a bad address is refused. */
gboolean   desk_watch_add (DeskStore  *store,
                           gint64      case_id,
                           const char *url,
                           const char *seller_id,
                           GError    **error);
gboolean   desk_watch_remove (DeskStore  *store,
                              gint64      case_id,
                              const char *url,
                              GError    **error);
GPtrArray *desk_watch_list (DeskStore *store,
                            gint64     case_id, /* 0: every case's */
                            GError   **error);

/* What one check found; @capture is kept for gone pages, the proof the seller
 * may keep as evidence. */
typedef struct
{
  gint64          item_id;
  gint64          case_id;
  char           *url;
  DeskWatchStatus status;
  DeskWatchStatus previous;
  guint           http_status;
  char           *sha256;
  char           *detail;
  GDateTime      *checked_at;
  DeskCapture    *capture;
} DeskWatchResult;

void desk_watch_result_free (DeskWatchResult *result);

/* The status a fetch gives, against the item's last check. */
DeskWatchStatus desk_watch_classify (const DeskWatchItem *item,
                                     DeskCapture         *capture,
                                     const GError        *error);

typedef struct
{
  DeskCaptureOptions capture;
  guint              concurrency;   /* 0 = 3 */
  guint              host_delay_ms; /* between two requests to one host; 1000 by default */
  gboolean           host_delay_set;
  gboolean           log_unchanged; /* also log checks that found nothing new */
} DeskWatchOptions;

typedef void (*DeskWatchProgress) (guint    done,
                                   guint    total,
                                   gpointer user_data);

/* Checks every watched listing of @case_id (0: all cases): a few at once, a
 * polite delay per host, each result written to the item and the case
 * timeline as it comes. Cancelling stops what has not finished. The result
 * is a GPtrArray of DeskWatchResult*, in the watch list's order (however the
 * checks finished). */
void       desk_watch_check_async (DeskStore              *store,
                                   gint64                  case_id,
                                   const DeskWatchOptions *options,
                                   GCancellable           *cancellable,
                                   DeskWatchProgress       progress,
                                   gpointer                progress_data,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data);
GPtrArray *desk_watch_check_finish (DeskStore    *store,
                                    GAsyncResult *result,
                                    GError      **error);

/* Keeps a capture as evidence of @case_id: the page body as the file, with
 * its final address, status, time, hops, headers and their SHA-256 beside it;
 * the evidence note says it was captured from the web. */
DeskEvidence *desk_capture_store (DeskStore   *store,
                                  gint64       case_id,
                                  DeskCapture *capture,
                                  GError     **error);
/* The capture record of an evidence item as JSON (desk_capture_to_json()
 * plus the headers), or NULL when it was not captured from the web. */
char *desk_capture_lookup (DeskStore *store,
                           gint64     evidence_id,
                           GError   **error);

G_END_DECLS
