/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DESK_CAPTURE_ERROR (desk_capture_error_quark ())

typedef enum
{
  DESK_CAPTURE_ERROR_BAD_URL,
  DESK_CAPTURE_ERROR_TOO_MANY_REDIRECTS,
  DESK_CAPTURE_ERROR_REDIRECT_LOOP,
  DESK_CAPTURE_ERROR_TOO_LARGE,
  DESK_CAPTURE_ERROR_TIMEOUT,
  DESK_CAPTURE_ERROR_TLS, /* the site's certificate is not trusted: never bypassed */
  DESK_CAPTURE_ERROR_NETWORK,
} DeskCaptureError;

GQuark desk_capture_error_quark (void);

#define DESK_CAPTURE_DEFAULT_USER_AGENT "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"

typedef struct
{
  const char     *user_agent;    /* NULL: DESK_CAPTURE_DEFAULT_USER_AGENT */
  guint           io_timeout;    /* seconds for connecting and each read; 0 = 20 */
  guint           total_timeout; /* seconds for the whole fetch; 0 = 60 */
  gsize           max_bytes;     /* body limit; 0 = 20 MiB */
  guint           max_redirects; /* 0 = 10 */
  GProxyResolver *proxy;         /* NULL: the system's proxy settings */
} DeskCaptureOptions;

typedef struct
{
  char *url;
  guint status;
  char *location; /* where it sent us, NULL for the last hop */
} DeskCaptureHop;

/* One page as fetched: every redirect hop, the final answer's headers and
 * body, and the time, all with their SHA-256. */
typedef struct
{
  char      *requested_url;
  char      *final_url;
  guint      status;
  char      *reason;
  GPtrArray *hops; /* DeskCaptureHop* */
  char      *request_headers;
  char      *response_headers; /* every hop's, in order */
  char      *content_type;
  GBytes    *body;
  GDateTime *fetched_at; /* UTC */
  char      *body_sha256;
  char      *headers_sha256;
  /* What the page itself states, when a simple reading of its metadata finds
   * it (docs/web-capture.md); NULL otherwise, never a guess. */
  char *title;
  char *price;
  char *seller;
} DeskCapture;

void desk_capture_free (DeskCapture *capture);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCapture, desk_capture_free)

void         desk_capture_fetch_async (const char               *url,
                                       const DeskCaptureOptions *options,
                                       GCancellable             *cancellable,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data);
DeskCapture *desk_capture_fetch_finish (GAsyncResult *result,
                                        GError      **error);
/* Runs the fetch on a private main context (command line, worker threads). */
DeskCapture *desk_capture_fetch (const char               *url,
                                 const DeskCaptureOptions *options,
                                 GCancellable             *cancellable,
                                 GError                  **error);

/* The page facts of @html (exposed for tests). */
void desk_capture_read_facts (DeskCapture *capture);

/* {"requested_url", "final_url", "status", "fetched_at", "body_sha256",
 *  "headers_sha256", "hops": [...], "title", "price", "seller"} */
char *desk_capture_to_json (DeskCapture *capture);

G_END_DECLS
