/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "desk-evidence-store.h"
#include "desk-test-site.h"
#include "desk-test-util.h"
#include "net/desk-watch.h"

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

/* The server answers on this thread's main context, so the fetch runs there too. */
static DeskCapture *
fetch_url (const char         *url,
           DeskCaptureOptions *options,
           GError            **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  desk_capture_fetch_async (url, options, NULL, on_fetched, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return desk_capture_fetch_finish (result, error);
}

static DeskCapture *
fetch (Site               *site,
       const char         *path,
       DeskCaptureOptions *options,
       GError            **error)
{
  g_autofree char *url = at (site, path);

  return fetch_url (url, options, error);
}

static void
test_capture (void)
{
  Site              *site = site_new ();
  DeskCaptureOptions options = direct ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCapture) live = NULL;
  g_autoptr (DeskCapture) redirected = NULL;
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, live_page, -1);

  options.user_agent = "AppealDeskTest/1.0";
  live = fetch (site, "/live", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (live->status, ==, 200);
  g_assert_cmpstr (live->body_sha256, ==, expected);
  g_assert_cmpstr (live->title, ==, "Wireless Earbuds Pro");
  g_assert_cmpstr (live->price, ==, "12.99 USD");
  g_assert_cmpstr (live->seller, ==, "Shop 5f9e8d7c");
  g_assert_nonnull (strstr (live->request_headers, "User-Agent: AppealDeskTest/1.0"));
  g_assert_nonnull (strstr (live->response_headers, "HTTP/1.1 200"));
  g_assert_cmpuint (strlen (live->headers_sha256), ==, 64);
  g_assert_nonnull (live->fetched_at);

  /* Every hop of a redirect chain is on record. */
  redirected = fetch (site, "/r1", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (redirected->hops->len, ==, 3);
  g_assert_cmpuint (((DeskCaptureHop *)redirected->hops->pdata[0])->status, ==, 302);
  g_assert_cmpuint (((DeskCaptureHop *)redirected->hops->pdata[1])->status, ==, 301);
  g_assert_true (g_str_has_suffix (redirected->final_url, "/live/final"));
  g_assert_true (g_str_has_suffix (((DeskCaptureHop *)redirected->hops->pdata[0])->location, "/r2"));
  site_free (site);
}

static void
test_capture_refuses (void)
{
  Site              *site = site_new ();
  DeskCaptureOptions options = direct ();
  g_autoptr (GError) error = NULL;
  DeskCapture *capture;

  capture = fetch (site, "/loop1", &options, &error);
  g_assert_null (capture);
  g_assert_error (error, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_REDIRECT_LOOP);
  g_clear_error (&error);

  options.max_bytes = 1024 * 1024;
  capture = fetch (site, "/huge", &options, &error);
  g_assert_null (capture);
  g_assert_error (error, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  options.total_timeout = 1;
  capture = fetch (site, "/slow", &options, &error);
  g_assert_null (capture);
  g_assert_error (error, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_TIMEOUT);
  g_clear_error (&error);

  capture = fetch_url ("ftp://example.com/x", &options, &error);
  g_assert_null (capture);
  g_assert_error (error, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_BAD_URL);
  g_clear_error (&error);

  /* Nothing listens on port 1. */
  capture = fetch_url ("http://127.0.0.1:1/listing", &options, &error);
  g_assert_null (capture);
  g_assert_error (error, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_NETWORK);
  site_free (site);
}

typedef struct
{
  GPtrArray *results;
  GError    *error;
  guint      progress;
} CheckData;

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  CheckData *cd = data;

  cd->results = desk_watch_check_finish (DESK_STORE (source), result, &cd->error);
  if (cd->results == NULL && cd->error == NULL)
    g_assert_not_reached ();
}

static void
on_progress (guint    done,
             guint    total,
             gpointer data)
{
  ((CheckData *)data)->progress = done;
}

static GPtrArray *
check (DeskStore *store,
       gint64     case_id)
{
  CheckData        cd = { 0 };
  DeskWatchOptions options = { 0 };

  options.capture = direct ();
  options.capture.total_timeout = 2;
  options.capture.max_bytes = 1024 * 1024;
  options.host_delay_set = TRUE;
  options.host_delay_ms = 5; /* one host serves every URL here */
  options.log_unchanged = TRUE;
  desk_watch_check_async (store, case_id, &options, NULL, on_progress, &cd, on_checked, &cd);
  while (cd.results == NULL && cd.error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (cd.error);
  g_assert_cmpuint (cd.progress, ==, cd.results->len);
  return cd.results;
}

static DeskWatchStatus
status_of (GPtrArray  *results,
           const char *url)
{
  for (guint i = 0; i < results->len; i++)
    {
      DeskWatchResult *r = results->pdata[i];

      if (g_str_equal (r->url, url))
        return r->status;
    }
  g_assert_not_reached ();
}

static void
test_watch_list (DeskStoreFixture *f,
                 gconstpointer     data)
{
  Site *site = site_new ();
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, "Copied earbuds");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GPtrArray) second = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) timeline = NULL;
  /* 20 listings: path → status at the second check. */
  const struct
  {
    const char     *path;
    DeskWatchStatus status;
  } urls[] = {
    { "/live?1", DESK_WATCH_LIVE },
    { "/live?2", DESK_WATCH_LIVE },
    { "/live?3", DESK_WATCH_LIVE },
    { "/live?4", DESK_WATCH_LIVE },
    { "/live?5", DESK_WATCH_LIVE },
    { "/live?6", DESK_WATCH_LIVE },
    { "/r1", DESK_WATCH_LIVE },
    { "/image", DESK_WATCH_LIVE },
    { "/404", DESK_WATCH_GONE },
    { "/410", DESK_WATCH_GONE },
    { "/gone-page", DESK_WATCH_GONE },
    { "/nothing-here", DESK_WATCH_GONE },
    { "/changing", DESK_WATCH_CHANGED },
    { "/500", DESK_WATCH_UNREACHABLE },
    { "/loop1", DESK_WATCH_UNREACHABLE },
    { "/slow", DESK_WATCH_UNREACHABLE },
    { "/huge", DESK_WATCH_UNREACHABLE },
    { "http://127.0.0.1:1/a", DESK_WATCH_UNREACHABLE },
    { "/live?7", DESK_WATCH_LIVE },
    { "/live?8", DESK_WATCH_LIVE },
  };

  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *url = urls[i].path[0] == '/' ? at (site, urls[i].path) : g_strdup (urls[i].path);

      g_assert_true (desk_watch_add (f->store, desk_case_get_id (kase), url, i == 0 ? "5f9e8d7c" : NULL, &error));
      g_assert_no_error (error);
    }
  /* Adding again changes nothing; a bad address is refused. */
  {
    g_autofree char *again = at (site, "/live?1");

    g_assert_true (desk_watch_add (f->store, desk_case_get_id (kase), again, NULL, &error));
    g_assert_false (desk_watch_add (f->store, desk_case_get_id (kase), "not a url", NULL, &error));
    g_assert_error (error, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_BAD_URL);
    g_clear_error (&error);
  }
  items = desk_watch_list (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpuint (items->len, ==, 20);

  first = check (f->store, desk_case_get_id (kase));
  g_assert_cmpuint (first->len, ==, 20);
  second = check (f->store, desk_case_get_id (kase));
  g_assert_cmpuint (second->len, ==, 20);
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *url = urls[i].path[0] == '/' ? at (site, urls[i].path) : g_strdup (urls[i].path);

      g_test_message ("%s", url);
      /* The first check of a changing page has nothing to compare with. */
      g_assert_cmpint (status_of (first, url), ==, (urls[i].status == DESK_WATCH_CHANGED ? DESK_WATCH_LIVE : urls[i].status));
      g_assert_cmpint (status_of (second, url), ==, urls[i].status);
    }
  /* Stored on the items, and in the timeline. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = desk_watch_list (f->store, desk_case_get_id (kase), &error);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpint (((DeskWatchItem *)items->pdata[i])->status, !=, DESK_WATCH_UNCHECKED);
  timeline = desk_store_list_timeline (f->store, desk_case_get_id (kase), &error);
  g_assert_cmpuint (timeline->len, >=, 40);
  site_free (site);
}

static void
test_capture_store (DeskStoreFixture *f,
                    gconstpointer     data)
{
  Site              *site = site_new ();
  DeskCaptureOptions options = direct ();
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, "Copied earbuds");
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCapture) capture = NULL;
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autofree char *record = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize            len;

  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  capture = fetch (site, "/r1", &options, &error);
  g_assert_no_error (error);
  evidence = desk_capture_store (f->store, desk_case_get_id (kase), capture, &error);
  g_assert_no_error (error);
  /* The stored file is the page, byte for byte, verified by its hash. */
  g_assert_cmpstr (desk_evidence_get_sha256 (evidence), ==, capture->body_sha256);
  path = desk_evidence_get_path (f->store, evidence);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, live_page, strlen (live_page));
  g_assert_true (g_str_has_prefix (desk_evidence_get_source_note (evidence), "Captured from the web: "));
  g_assert_true (g_str_has_prefix (desk_evidence_get_original_name (evidence), "127.0.0.1-"));
  record = desk_capture_lookup (f->store, desk_evidence_get_id (evidence), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (record, capture->headers_sha256));
  g_assert_nonnull (strstr (record, "\"status\" : 302"));
  g_assert_nonnull (strstr (record, "Wireless Earbuds Pro"));
  site_free (site);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/capture/fetch", test_capture);
  g_test_add_func ("/capture/refuses", test_capture_refuses);
  g_test_add ("/watch/list", DeskStoreFixture, NULL, desk_store_fixture_setup, test_watch_list, desk_store_fixture_teardown);
  g_test_add ("/capture/store", DeskStoreFixture, NULL, desk_store_fixture_setup, test_capture_store, desk_store_fixture_teardown);
  return g_test_run ();
}
