/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-watch"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <string.h>

#include "desk-evidence-store.h"
#include "desk-rule-pack.h"
#include "desk-store-private.h"
#include "desk-util.h"
#include "net/desk-watch.h"

static const char *const status_ids[] = { "unchecked", "live", "gone", "changed", "unreachable" };

const char *
desk_watch_status_to_id (DeskWatchStatus status)
{
  g_return_val_if_fail (status <= DESK_WATCH_UNREACHABLE, NULL);
  return status_ids[status];
}

DeskWatchStatus
desk_watch_status_from_id (const char *id)
{
  for (guint i = 0; id && i < G_N_ELEMENTS (status_ids); i++)
    if (g_str_equal (id, status_ids[i]))
      return i;
  return DESK_WATCH_UNCHECKED;
}

const char *
desk_watch_status_get_label (DeskWatchStatus status)
{
  switch (status)
    {
      case DESK_WATCH_UNCHECKED: return _ ("Not checked yet");
      case DESK_WATCH_LIVE: return _ ("Still online");
      case DESK_WATCH_GONE: return _ ("Gone");
      case DESK_WATCH_CHANGED: return _ ("Online, page changed");
      case DESK_WATCH_UNREACHABLE: return _ ("Could not be checked");
      default: g_return_val_if_reached (NULL);
    }
}

void
desk_watch_item_free (DeskWatchItem *item)
{
  if (item == NULL)
    return;
  g_free (item->url);
  g_free (item->seller_id);
  g_clear_pointer (&item->added_at, g_date_time_unref);
  g_clear_pointer (&item->checked_at, g_date_time_unref);
  g_free (item->sha256);
  g_free (item->detail);
  g_free (item);
}

void
desk_watch_result_free (DeskWatchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->url);
  g_free (result->sha256);
  g_free (result->detail);
  g_clear_pointer (&result->checked_at, g_date_time_unref);
  g_clear_pointer (&result->capture, desk_capture_free);
  g_free (result);
}

/* The list */

static gboolean
check_address (const char *url,
               GError    **error)
{
  g_autoptr (GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  if (uri && (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0) && g_uri_get_host (uri) && *g_uri_get_host (uri))
    return TRUE;
  g_set_error (error, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_BAD_URL,
               /* Translators: %s is what the seller typed */
               _ ("“%s” is not a web address. Copy the listing’s address from the browser (it starts with https://)."), url ? url : "");
  return FALSE;
}

gboolean
desk_watch_add (DeskStore  *store,
                gint64      case_id,
                const char *url,
                const char *seller_id,
                GError    **error)
{
  g_autoptr (DeskStoreTxn) txn = NULL;
  g_autofree char *now = _desk_store_now_iso8601 ();
  g_autofree char *line = NULL;
  sqlite3_stmt    *stmt;

  if (!check_address (url, error) || !(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  stmt = _desk_store_prepare (store, "INSERT OR IGNORE INTO watch_items (case_id, url, seller_id, added_at) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, seller_id ? seller_id : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (_desk_store_get_db (store)) == 0)
    return _desk_store_txn_commit (g_steal_pointer (&txn), error); /* already watched */
  /* Translators: %s is a web address */
  line = g_strdup_printf (_ ("Watching a reseller’s listing: %s"), url);
  if (!desk_store_add_timeline_entry (store, case_id, "watch", line, error))
    return FALSE;
  _desk_store_notify (store, "watch", case_id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

gboolean
desk_watch_remove (DeskStore  *store,
                   gint64      case_id,
                   const char *url,
                   GError    **error)
{
  g_autoptr (DeskStoreTxn) txn = _desk_store_txn_begin (store, error);
  sqlite3_stmt *stmt;

  if (txn == NULL || !(stmt = _desk_store_prepare (store, "DELETE FROM watch_items WHERE case_id = ? AND url = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, url, -1, SQLITE_TRANSIENT);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  _desk_store_notify (store, "watch", case_id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

GPtrArray *
desk_watch_list (DeskStore *store,
                 gint64     case_id,
                 GError   **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_watch_item_free);
  sqlite3_stmt *stmt = _desk_store_prepare (store,
                                            "SELECT w.id, w.case_id, url, seller_id, added_at, checked_at, w.status, http_status, sha256, detail"
                                            " FROM watch_items w JOIN cases c ON c.id = w.case_id"
                                            " WHERE (?1 = 0 OR w.case_id = ?1) AND c.trashed_at IS NULL ORDER BY w.case_id, w.id",
                                            error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskWatchItem   *item = g_new0 (DeskWatchItem, 1);
      g_autofree char *status = _desk_store_column_dup (stmt, _desk_store_column (stmt, "status"));

      item->id = sqlite3_column_int64 (stmt, _desk_store_column (stmt, "id"));
      item->case_id = sqlite3_column_int64 (stmt, _desk_store_column (stmt, "case_id"));
      item->url = _desk_store_column_dup (stmt, _desk_store_column (stmt, "url"));
      item->seller_id = _desk_store_column_dup (stmt, _desk_store_column (stmt, "seller_id"));
      item->added_at = _desk_store_column_time (stmt, _desk_store_column (stmt, "added_at"));
      item->checked_at = _desk_store_column_time (stmt, _desk_store_column (stmt, "checked_at"));
      item->status = desk_watch_status_from_id (status);
      item->http_status = sqlite3_column_int (stmt, _desk_store_column (stmt, "http_status"));
      item->sha256 = _desk_store_column_dup (stmt, _desk_store_column (stmt, "sha256"));
      item->detail = _desk_store_column_dup (stmt, _desk_store_column (stmt, "detail"));
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* Classifying a check */

/* The platforms' "this product is not available" pages, by their words
 * (data/rules/listing-gone.json). */
static GPtrArray *
gone_phrases (void)
{
  static GPtrArray *phrases;

  if (g_once_init_enter (&phrases))
    {
      GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (JsonParser) parser = json_parser_new ();

      desk_rule_pack_ensure_resources ();
      bytes = g_resources_lookup_data (RESOURCE_PREFIX "/watch/listing-gone.json", 0, NULL);
      if (bytes && json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
        {
          JsonArray *array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "phrases");

          for (guint i = 0; array && i < json_array_get_length (array); i++)
            g_ptr_array_add (list, g_utf8_casefold (json_array_get_string_element (array, i), -1));
        }
      g_once_init_leave (&phrases, list);
    }
  return phrases;
}

static gboolean
says_gone (DeskCapture *capture)
{
  g_autofree char *text = NULL;
  GPtrArray       *phrases = gone_phrases ();
  gsize            len;

  if (capture->body == NULL || g_bytes_get_size (capture->body) == 0)
    return FALSE;
  len = MIN (g_bytes_get_size (capture->body), 512 * 1024);
  text = g_utf8_make_valid (g_bytes_get_data (capture->body, NULL), len);
  {
    g_autofree char *folded = g_utf8_casefold (text, -1);

    for (guint i = 0; i < phrases->len; i++)
      if (strstr (folded, g_ptr_array_index (phrases, i)))
        return TRUE;
  }
  return FALSE;
}

DeskWatchStatus
desk_watch_classify (const DeskWatchItem *item,
                     DeskCapture         *capture,
                     const GError        *error)
{
  if (capture == NULL)
    return DESK_WATCH_UNREACHABLE;
  if (capture->status == 404 || capture->status == 410)
    return DESK_WATCH_GONE;
  if (capture->status >= 400)
    return DESK_WATCH_UNREACHABLE;
  if (says_gone (capture))
    return DESK_WATCH_GONE;
  if (item->sha256 && *item->sha256 && g_strcmp0 (item->sha256, capture->body_sha256) != 0)
    return DESK_WATCH_CHANGED;
  return DESK_WATCH_LIVE;
}

static char *
describe (DeskWatchResult *r,
          const GError    *error)
{
  if (error)
    return g_strdup (error->message);
  if (r->status == DESK_WATCH_GONE && (r->http_status == 404 || r->http_status == 410))
    /* Translators: %u is an HTTP status such as 404 */
    return g_strdup_printf (_ ("The platform answers that the page does not exist (%u)."), r->http_status);
  if (r->status == DESK_WATCH_GONE)
    return g_strdup (_ ("The platform shows its “not available” page."));
  if (r->status == DESK_WATCH_UNREACHABLE)
    return g_strdup_printf (_ ("The site answered with an error (%u)."), r->http_status);
  return g_strdup ("");
}

static gboolean
record (DeskStore       *store,
        DeskWatchResult *r,
        gboolean         log_unchanged,
        GError         **error)
{
  g_autoptr (DeskStoreTxn) txn = _desk_store_txn_begin (store, error);
  g_autofree char *when = NULL;
  sqlite3_stmt    *stmt;

  if (txn == NULL || !(stmt = _desk_store_prepare (store, "UPDATE watch_items SET checked_at = ?, status = ?, http_status = ?, sha256 = COALESCE (?, sha256), detail = ? WHERE id = ?", error)))
    return FALSE;
  _desk_store_bind_time (stmt, 1, r->checked_at);
  sqlite3_bind_text (stmt, 2, desk_watch_status_to_id (r->status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, r->http_status);
  if (r->sha256)
    sqlite3_bind_text (stmt, 4, r->sha256, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, r->detail, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, r->item_id);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  if (log_unchanged || r->status != r->previous)
    {
      g_autofree char *line = NULL;

      /* Translators: a web address, then what was found, e.g. "Gone", then why */
      line = g_strdup_printf (_ ("Reseller’s listing checked: %s — %s. %s"), r->url, desk_watch_status_get_label (r->status), r->detail);
      if (!desk_store_add_timeline_entry (store, r->case_id, "watch", g_strstrip (line), error))
        return FALSE;
    }
  _desk_store_notify (store, "watch", r->case_id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

/* The checker: a queue, a few fetches at once, a delay per host. */

typedef struct
{
  DeskStore        *store;
  GPtrArray        *queue;     /* DeskWatchItem*, pending */
  GPtrArray        *results;   /* DeskWatchResult* */
  GHashTable       *host_next; /* host → monotonic µs when it may be asked again */
  DeskWatchOptions  options;
  char             *user_agent;
  GProxyResolver   *proxy;
  DeskWatchProgress progress;
  gpointer          progress_data;
  guint             running;
  guint             total;
  guint             wakeup;
  GError           *error; /* the first store failure */
} Checker;

static void
checker_free (Checker *c)
{
  if (c->wakeup)
    g_source_remove (c->wakeup);
  g_clear_object (&c->store);
  g_clear_pointer (&c->queue, g_ptr_array_unref);
  g_clear_pointer (&c->results, g_ptr_array_unref);
  g_clear_pointer (&c->host_next, g_hash_table_unref);
  g_free (c->user_agent);
  g_clear_object (&c->proxy);
  g_clear_error (&c->error);
  g_free (c);
}

static void pump (GTask *task);

typedef struct
{
  GTask         *task;
  DeskWatchItem *item;
} Job;

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Job     *job = data;
  GTask   *task = job->task;
  Checker *c = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCapture) capture = desk_capture_fetch_finish (result, &error);
  DeskWatchResult *r = g_new0 (DeskWatchResult, 1);

  c->running--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_free (r);
      desk_watch_item_free (job->item);
      g_free (job);
      pump (task);
      g_object_unref (task);
      return;
    }
  r->item_id = job->item->id;
  r->case_id = job->item->case_id;
  r->url = g_strdup (job->item->url);
  r->previous = job->item->status;
  r->status = desk_watch_classify (job->item, capture, error);
  r->http_status = capture ? capture->status : 0;
  r->sha256 = capture && r->status != DESK_WATCH_GONE ? g_strdup (capture->body_sha256) : NULL;
  r->checked_at = g_date_time_new_now_utc ();
  r->detail = describe (r, error);
  if (r->status == DESK_WATCH_GONE)
    r->capture = g_steal_pointer (&capture);
  if (!record (c->store, r, c->options.log_unchanged, c->error ? NULL : &c->error))
    g_debug ("Could not record a check of %s", r->url);
  g_ptr_array_add (c->results, r);
  if (c->progress)
    c->progress (c->results->len, c->total, c->progress_data);
  desk_watch_item_free (job->item);
  g_free (job);
  pump (task);
  g_object_unref (task);
}

static char *
host_of (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : "");
}

static gboolean
on_wakeup (gpointer data)
{
  GTask   *task = data;
  Checker *c = g_task_get_task_data (task);

  c->wakeup = 0;
  pump (task);
  return G_SOURCE_REMOVE;
}

/* Checks finish in any order (a few run at once); they are reported in the
 * watch list's order (case, then when the listing was added). */
static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const DeskWatchResult *x = *(DeskWatchResult *const *)a;
  const DeskWatchResult *y = *(DeskWatchResult *const *)b;

  if (x->case_id != y->case_id)
    return x->case_id < y->case_id ? -1 : 1;
  return x->item_id < y->item_id ? -1 : x->item_id > y->item_id;
}

static void
pump (GTask *task)
{
  Checker *c = g_task_get_task_data (task);
  guint    limit = c->options.concurrency ? c->options.concurrency : 3;
  guint    delay = c->options.host_delay_set ? c->options.host_delay_ms : 1000;
  gint64   now = g_get_monotonic_time ();
  gint64   soonest = G_MAXINT64;

  if (g_task_return_error_if_cancelled (task) || g_task_had_error (task))
    return;
  for (guint i = 0; i < c->queue->len && c->running < limit;)
    {
      DeskWatchItem   *item = g_ptr_array_index (c->queue, i);
      g_autofree char *host = host_of (item->url);
      gint64           next = GPOINTER_TO_SIZE (g_hash_table_lookup (c->host_next, host));
      Job             *job;

      if (next > now)
        {
          soonest = MIN (soonest, next);
          i++;
          continue;
        }
      g_hash_table_replace (c->host_next, g_steal_pointer (&host), GSIZE_TO_POINTER (now + (gint64)delay * 1000));
      job = g_new0 (Job, 1);
      job->task = g_object_ref (task);
      job->item = g_ptr_array_steal_index (c->queue, i);
      c->running++;
      desk_capture_fetch_async (job->item->url, &c->options.capture, g_task_get_cancellable (task), on_fetched, job);
    }
  if (c->queue->len == 0 && c->running == 0)
    {
      if (c->error)
        g_task_return_error (task, g_steal_pointer (&c->error));
      else
        {
          g_ptr_array_sort (c->results, compare_results);
          g_task_return_pointer (task, g_ptr_array_ref (c->results), (GDestroyNotify)g_ptr_array_unref);
        }
      return;
    }
  if (c->queue->len && c->running < limit && soonest != G_MAXINT64 && c->wakeup == 0)
    c->wakeup = g_timeout_add_full (G_PRIORITY_DEFAULT, MAX ((soonest - now) / 1000, 1), on_wakeup, g_object_ref (task), g_object_unref);
}

void
desk_watch_check_async (DeskStore              *store,
                        gint64                  case_id,
                        const DeskWatchOptions *options,
                        GCancellable           *cancellable,
                        DeskWatchProgress       progress,
                        gpointer                progress_data,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  static const DeskWatchOptions defaults = { 0 };
  g_autoptr (GTask) task = g_task_new (store, cancellable, callback, user_data);
  Checker *c = g_new0 (Checker, 1);
  GError  *error = NULL;

  g_task_set_source_tag (task, desk_watch_check_async);
  g_task_set_task_data (task, c, (GDestroyNotify)checker_free);
  c->store = g_object_ref (store);
  c->options = options ? *options : defaults;
  c->user_agent = g_strdup (c->options.capture.user_agent);
  c->options.capture.user_agent = c->user_agent;
  c->proxy = c->options.capture.proxy ? g_object_ref (c->options.capture.proxy) : NULL;
  c->options.capture.proxy = c->proxy;
  c->progress = progress;
  c->progress_data = progress_data;
  c->results = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_watch_result_free);
  c->host_next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->queue = desk_watch_list (store, case_id, &error);
  if (c->queue == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  c->total = c->queue->len;
  pump (task);
}

GPtrArray *
desk_watch_check_finish (DeskStore    *store,
                         GAsyncResult *result,
                         GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Keeping a capture */

static char *
capture_file_name (DeskCapture *capture)
{
  g_autofree char *host = host_of (capture->final_url ? capture->final_url : capture->requested_url);
  g_autofree char *when = g_date_time_format (capture->fetched_at, "%Y%m%d-%H%M%SZ");
  const char      *ext = "bin";

  /* A bare answer is kept as its headers (desk_capture_store()). */
  if (g_bytes_get_size (capture->body) == 0)
    ext = "txt";
  else if (capture->content_type && strstr (capture->content_type, "html"))
    ext = "html";
  else if (capture->content_type && strstr (capture->content_type, "json"))
    ext = "json";
  else if (capture->content_type && g_str_has_prefix (capture->content_type, "image/"))
    ext = capture->content_type + 6;

  g_strdelimit (host, ":/\\", '-');
  return g_strdup_printf ("%s-%s.%s", *host ? host : "page", when, ext);
}

DeskEvidence *
desk_capture_store (DeskStore   *store,
                    gint64       case_id,
                    DeskCapture *capture,
                    GError     **error)
{
  g_autofree char *tmpdir = g_build_filename (desk_store_get_data_dir (store), "tmp", "capture-XXXXXX", NULL);
  g_autofree char *name = capture_file_name (capture);
  g_autofree char *path = NULL;
  g_autofree char *when = desk_time_to_iso8601 (capture->fetched_at);
  g_autofree char *note = NULL;
  g_autofree char *json = desk_capture_to_json (capture);
  g_autoptr (GFile) file = NULL;
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autofree char *parent = g_path_get_dirname (tmpdir);
  g_autoptr (DeskStoreTxn) txn = NULL;
  sqlite3_stmt *stmt;
  gboolean      ok;

  g_mkdir_with_parents (parent, 0700);
  if (g_mkdtemp (tmpdir) == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _ ("The page could not be saved: %s"), g_strerror (saved));
      return NULL;
    }
  path = g_build_filename (tmpdir, name, NULL);
  /* A page with no body (a bare 404 or 410) is proven by the answer itself: keep its headers. */
  if (g_bytes_get_size (capture->body) > 0)
    ok = g_file_set_contents (path, g_bytes_get_data (capture->body, NULL), g_bytes_get_size (capture->body), error);
  else
    ok = g_file_set_contents (path, capture->response_headers, -1, error);
  /* Translators: a web address and a UTC time */
  note = g_strdup_printf (_ ("Captured from the web: %s at %s (UTC)"), capture->final_url, when);
  file = g_file_new_for_path (path);
  if (ok)
    evidence = desk_evidence_add (store, file, case_id, note, NULL, NULL, NULL, NULL, error);
  g_unlink (path);
  g_rmdir (tmpdir);
  if (evidence == NULL)
    return NULL;
  if (!(txn = _desk_store_txn_begin (store, error)) || !(stmt = _desk_store_prepare (store, "INSERT OR REPLACE INTO captures (evidence_id, capture_json, request_headers, response_headers) VALUES (?, ?, ?, ?)", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, desk_evidence_get_id (evidence));
  sqlite3_bind_text (stmt, 2, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, capture->request_headers ? capture->request_headers : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, capture->response_headers ? capture->response_headers : "", -1, SQLITE_TRANSIENT);
  if (!_desk_store_step_done (store, stmt, error) || !_desk_store_txn_commit (g_steal_pointer (&txn), error))
    return NULL;
  return g_steal_pointer (&evidence);
}

char *
desk_capture_lookup (DeskStore *store,
                     gint64     evidence_id,
                     GError   **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "SELECT capture_json, request_headers, response_headers FROM captures WHERE evidence_id = ?", error);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autofree char *json = NULL, *request = NULL, *response = NULL;
  JsonObject      *obj;
  int              rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      json = _desk_store_column_dup (stmt, _desk_store_column (stmt, "capture_json"));
      request = _desk_store_column_dup (stmt, _desk_store_column (stmt, "request_headers"));
      response = _desk_store_column_dup (stmt, _desk_store_column (stmt, "response_headers"));
    }
  else if (rc != SQLITE_DONE)
    _desk_store_set_error (_desk_store_get_db (store), rc, error);
  sqlite3_reset (stmt);
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  obj = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (obj, "request_headers", request ? request : "");
  json_object_set_string_member (obj, "response_headers", response ? response : "");
  json_generator_set_root (gen, json_parser_get_root (parser));
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}
