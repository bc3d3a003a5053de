/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-capture"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "desk-capture.h"
#include "desk-json.h"

G_DEFINE_QUARK (desk - capture - error - quark, desk_capture_error)

#define READ_CHUNK (64 * 1024)

static void
hop_free (DeskCaptureHop *hop)
{
  g_free (hop->url);
  g_free (hop->location);
  g_free (hop);
}

void
desk_capture_free (DeskCapture *capture)
{
  if (capture == NULL)
    return;
  g_free (capture->requested_url);
  g_free (capture->final_url);
  g_free (capture->reason);
  g_clear_pointer (&capture->hops, g_ptr_array_unref);
  g_free (capture->request_headers);
  g_free (capture->response_headers);
  g_free (capture->content_type);
  g_clear_pointer (&capture->body, g_bytes_unref);
  g_clear_pointer (&capture->fetched_at, g_date_time_unref);
  g_free (capture->body_sha256);
  g_free (capture->headers_sha256);
  g_free (capture->title);
  g_free (capture->price);
  g_free (capture->seller);
  g_free (capture);
}

typedef struct
{
  DeskCapture  *capture;
  SoupSession  *session;
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *body;
  GHashTable   *visited;
  GString      *headers;
  GCancellable *cancellable; /* ours: the caller's and the total timeout */
  gulong        caller_handler;
  GCancellable *caller;
  GSource      *timeout;
  gboolean      timed_out;
  gsize         max_bytes;
  guint         max_redirects;
} Fetch;

static void
fetch_free (Fetch *f)
{
  if (f->timeout)
    {
      g_source_destroy (f->timeout);
      g_source_unref (f->timeout);
    }
  if (f->caller_handler)
    g_cancellable_disconnect (f->caller, f->caller_handler);
  g_clear_object (&f->caller);
  g_clear_pointer (&f->capture, desk_capture_free);
  g_clear_object (&f->session);
  g_clear_object (&f->message);
  g_clear_object (&f->stream);
  g_clear_pointer (&f->body, g_byte_array_unref);
  g_clear_pointer (&f->visited, g_hash_table_unref);
  if (f->headers)
    g_string_free (f->headers, TRUE);
  g_clear_object (&f->cancellable);
  g_free (f);
}

static char *
sha256_hex (gconstpointer data,
            gsize         len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}

static void
append_header (const char *name,
               const char *value,
               gpointer    data)
{
  g_string_append_printf (data, "%s: %s\r\n", name, value);
}

static char *
headers_text (SoupMessageHeaders *headers,
              const char         *first_line)
{
  GString *text = g_string_new (first_line);

  g_string_append (text, "\r\n");
  soup_message_headers_foreach (headers, append_header, text);
  return g_string_free (text, FALSE);
}

/* An error of the network stack in the seller's words. */
static void
return_error (GTask  *task,
              GError *error)
{
  Fetch *f = g_task_get_task_data (task);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && f->timed_out)
    g_task_return_new_error (task, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_TIMEOUT,
                             _ ("The page did not answer in time. Try again later, or check the address."));
  else if (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_CANCELLED)
    g_task_return_error (task, g_error_copy (error));
  else if (error->domain == G_TLS_ERROR)
    g_task_return_new_error (task, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_TLS,
                             /* Translators: %s is the technical reason */
                             _ ("The site’s security certificate is not trusted, so the page was not saved (%s). Check the address; Appeal Desk never ignores certificate problems."),
                             error->message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_task_return_new_error (task, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_TIMEOUT,
                             _ ("The page did not answer in time. Try again later, or check the address."));
  else
    g_task_return_new_error (task, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_NETWORK,
                             /* Translators: %s is the technical reason */
                             _ ("The page could not be reached: %s"), error->message);
  g_error_free (error);
}

static void send_hop (GTask *task, const char *url);

static void
finish (GTask *task)
{
  Fetch       *f = g_task_get_task_data (task);
  DeskCapture *c = f->capture;

  c->body = g_byte_array_free_to_bytes (g_steal_pointer (&f->body));
  c->response_headers = g_string_free (g_steal_pointer (&f->headers), FALSE);
  c->body_sha256 = sha256_hex (g_bytes_get_data (c->body, NULL), g_bytes_get_size (c->body));
  c->headers_sha256 = sha256_hex (c->response_headers, strlen (c->response_headers));
  desk_capture_read_facts (c);
  g_task_return_pointer (task, g_steal_pointer (&f->capture), (GDestroyNotify)desk_capture_free);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Fetch  *f = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  if (chunk == NULL)
    {
      return_error (task, error);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      finish (task);
      return;
    }
  g_byte_array_append (f->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (f->body->len > f->max_bytes)
    {
      g_task_return_new_error (task, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_TOO_LARGE,
                               /* Translators: %u is a size in MB */
                               _ ("The page is larger than %u MB, so it was not saved."), (guint)(f->max_bytes / (1024 * 1024)));
      return;
    }
  g_input_stream_read_bytes_async (G_INPUT_STREAM (source), READ_CHUNK, G_PRIORITY_DEFAULT, f->cancellable, on_read, g_steal_pointer (&task));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Fetch           *f = g_task_get_task_data (task);
  DeskCapture     *c = f->capture;
  GError          *error = NULL;
  DeskCaptureHop  *hop = g_new0 (DeskCaptureHop, 1);
  g_autofree char *first = NULL;
  g_autofree char *text = NULL;
  const char      *location;
  guint            status;

  f->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (f->stream == NULL)
    {
      g_free (hop);
      return_error (task, error);
      return;
    }
  status = soup_message_get_status (f->message);
  hop->url = g_uri_to_string (soup_message_get_uri (f->message));
  hop->status = status;
  g_ptr_array_add (c->hops, hop);
  first = g_strdup_printf ("HTTP/1.1 %u %s", status, soup_message_get_reason_phrase (f->message));
  text = headers_text (soup_message_get_response_headers (f->message), first);
  if (f->headers->len)
    g_string_append (f->headers, "\r\n");
  g_string_append (f->headers, text);

  location = soup_message_headers_get_one (soup_message_get_response_headers (f->message), "Location");
  if (SOUP_STATUS_IS_REDIRECTION (status) && location)
    {
      g_autoptr (GUri) next = g_uri_parse_relative (soup_message_get_uri (f->message), location, G_URI_FLAGS_NONE, NULL);

      g_input_stream_close (f->stream, NULL, NULL);
      g_clear_object (&f->stream);
      if (next == NULL)
        {
          g_task_return_new_error (task, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_BAD_URL,
                                   _ ("The site sent the page to an address that cannot be read."));
          return;
        }
      hop->location = g_uri_to_string (next);
      if (c->hops->len > f->max_redirects)
        {
          g_task_return_new_error (task, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_TOO_MANY_REDIRECTS,
                                   /* Translators: %u is a number of redirects */
                                   _ ("The site sent the page on more than %u times, so it was not saved."), f->max_redirects);
          return;
        }
      if (g_hash_table_contains (f->visited, hop->location))
        {
          g_task_return_new_error (task, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_REDIRECT_LOOP,
                                   _ ("The site sends the page around in a circle, so it was not saved."));
          return;
        }
      send_hop (g_steal_pointer (&task), hop->location);
      return;
    }

  c->final_url = g_strdup (hop->url);
  c->status = status;
  c->reason = g_strdup (soup_message_get_reason_phrase (f->message));
  c->content_type = g_strdup (soup_message_headers_get_content_type (soup_message_get_response_headers (f->message), NULL));
  c->fetched_at = g_date_time_new_now_utc ();
  first = (g_free (first), g_strdup_printf ("GET %s HTTP/1.1", g_uri_get_path (soup_message_get_uri (f->message))));
  c->request_headers = headers_text (soup_message_get_request_headers (f->message), first);
  g_input_stream_read_bytes_async (f->stream, READ_CHUNK, G_PRIORITY_DEFAULT, f->cancellable, on_read, g_steal_pointer (&task));
}

static void
send_hop (GTask      *task,
          const char *url)
{
  Fetch *f = g_task_get_task_data (task);

  g_hash_table_add (f->visited, g_strdup (url));
  g_clear_object (&f->message);
  f->message = soup_message_new (SOUP_METHOD_GET, url);
  if (f->message == NULL)
    {
      g_task_return_new_error (task, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_BAD_URL,
                               _ ("This is not a web address Appeal Desk can open."));
      g_object_unref (task);
      return;
    }
  /* Redirects by hand, so each hop is on record. */
  soup_message_add_flags (f->message, SOUP_MESSAGE_NO_REDIRECT);
  soup_session_send_async (f->session, f->message, G_PRIORITY_DEFAULT, f->cancellable, on_sent, task);
}

static gboolean
on_total_timeout (gpointer data)
{
  Fetch *f = data;

  f->timed_out = TRUE;
  g_cancellable_cancel (f->cancellable);
  g_clear_pointer (&f->timeout, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled (GCancellable *caller,
                     gpointer      data)
{
  g_cancellable_cancel (data);
}

static gboolean
check_url (const char *url,
           GError    **error)
{
  g_autoptr (GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_BAD_URL,
                   /* Translators: %s is what the seller typed */
                   _ ("“%s” is not a web address. Copy the listing’s address from the browser (it starts with https://)."), url ? url : "");
      return FALSE;
    }
  return TRUE;
}

void
desk_capture_fetch_async (const char               *url,
                          const DeskCaptureOptions *options,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  static const DeskCaptureOptions defaults = { 0 };
  GTask                          *task = g_task_new (NULL, cancellable, callback, user_data);
  Fetch                          *f = g_new0 (Fetch, 1);
  GError                         *error = NULL;

  options = options ? options : &defaults;
  g_task_set_source_tag (task, desk_capture_fetch_async);
  g_task_set_task_data (task, f, (GDestroyNotify)fetch_free);
  if (!check_url (url, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  f->capture = g_new0 (DeskCapture, 1);
  f->capture->requested_url = g_strdup (url);
  f->capture->hops = g_ptr_array_new_with_free_func ((GDestroyNotify)hop_free);
  f->body = g_byte_array_new ();
  f->headers = g_string_new (NULL);
  f->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->max_bytes = options->max_bytes ? options->max_bytes : 20 * 1024 * 1024;
  f->max_redirects = options->max_redirects ? options->max_redirects : 10;
  f->session = soup_session_new_with_options ("user-agent", options->user_agent ? options->user_agent : DESK_CAPTURE_DEFAULT_USER_AGENT,
                                              "timeout", options->io_timeout ? options->io_timeout : 20,
                                              NULL);
  if (options->proxy)
    soup_session_set_proxy_resolver (f->session, options->proxy);
  f->cancellable = g_cancellable_new ();
  if (cancellable)
    {
      f->caller = g_object_ref (cancellable);
      f->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled), g_object_ref (f->cancellable), g_object_unref);
    }
  f->timeout = g_timeout_source_new_seconds (options->total_timeout ? options->total_timeout : 60);
  g_source_set_callback (f->timeout, on_total_timeout, f, NULL);
  g_source_attach (f->timeout, g_main_context_get_thread_default ());
  send_hop (task, url);
}

DeskCapture *
desk_capture_fetch_finish (GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_sync_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

DeskCapture *
desk_capture_fetch (const char               *url,
                    const DeskCaptureOptions *options,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  GAsyncResult *result = NULL;
  DeskCapture  *capture;

  g_main_context_push_thread_default (context);
  desk_capture_fetch_async (url, options, cancellable, on_sync_done, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  capture = desk_capture_fetch_finish (result, error);
  /* The session goes with the task, on the context it was made for. */
  g_object_unref (result);
  while (g_main_context_pending (context))
    g_main_context_iteration (context, FALSE);
  g_main_context_pop_thread_default (context);
  return capture;
}

/* Page facts: only what the page's own metadata states. */

static char *
unescape_html (const char *text)
{
  static const struct
  {
    const char *entity;
    const char *text;
  } entities[] = { { "&amp;", "&" }, { "&quot;", "\"" }, { "&#39;", "'" }, { "&#x27;", "'" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&nbsp;", " " } };
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p;)
    {
      gboolean done = FALSE;

      for (guint i = 0; *p == '&' && i < G_N_ELEMENTS (entities) && !done; i++)
        if (g_str_has_prefix (p, entities[i].entity))
          {
            g_string_append (out, entities[i].text);
            p += strlen (entities[i].entity);
            done = TRUE;
          }
      if (!done)
        g_string_append_c (out, *p++);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static char *
first_match (const char *html,
             const char *pattern)
{
  g_autoptr (GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_DOTALL | G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *raw = NULL;

  if (regex == NULL || !g_regex_match (regex, html, 0, &match))
    return NULL;
  raw = g_match_info_fetch (match, 1);
  if (raw == NULL || *g_strstrip (raw) == '\0')
    return NULL;
  return unescape_html (raw);
}

void
desk_capture_read_facts (DeskCapture *capture)
{
  g_autofree char *html = NULL;
  g_autofree char *currency = NULL;
  gsize            len;

  if (capture->body == NULL || g_bytes_get_size (capture->body) == 0 || (capture->content_type && !strstr (capture->content_type, "html")))
    return;
  len = MIN (g_bytes_get_size (capture->body), 2 * 1024 * 1024);
  html = g_utf8_make_valid (g_bytes_get_data (capture->body, NULL), len);
  capture->title = first_match (html, "<meta[^>]+property=[\"']og:title[\"'][^>]+content=[\"']([^\"']*)[\"']");
  if (capture->title == NULL)
    capture->title = first_match (html, "<title[^>]*>([^<]*)</title>");
  capture->price = first_match (html, "<meta[^>]+property=[\"'](?:product|og):price:amount[\"'][^>]+content=[\"']([^\"']*)[\"']");
  if (capture->price == NULL)
    capture->price = first_match (html, "itemprop=[\"']price[\"'][^>]+content=[\"']([^\"']*)[\"']");
  if (capture->price == NULL)
    capture->price = first_match (html, "\"offers\"\\s*:\\s*\\{[^}]*\"price\"\\s*:\\s*\"?([0-9][0-9.,]*)");
  currency = first_match (html, "<meta[^>]+property=[\"'](?:product|og):price:currency[\"'][^>]+content=[\"']([^\"']*)[\"']");
  if (currency == NULL)
    currency = first_match (html, "\"priceCurrency\"\\s*:\\s*\"([A-Z]{3})\"");
  if (capture->price && currency)
    {
      char *both = g_strdup_printf ("%s %s", capture->price, currency);

      g_free (capture->price);
      capture->price = both;
    }
  capture->seller = first_match (html, "\"seller\"\\s*:\\s*\\{[^}]*\"name\"\\s*:\\s*\"([^\"]*)\"");
  if (capture->seller == NULL)
    capture->seller = first_match (html, "<meta[^>]+(?:name|property)=[\"'](?:seller|product:seller)[\"'][^>]+content=[\"']([^\"']*)[\"']");
}

char *
desk_capture_to_json (DeskCapture *capture)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  desk_json_add_text (builder, "requested_url", capture->requested_url);
  desk_json_add_text (builder, "final_url", capture->final_url);
  desk_json_add_int (builder, "status", capture->status);
  desk_json_add_time (builder, "fetched_at", capture->fetched_at);
  desk_json_add_text (builder, "content_type", capture->content_type);
  desk_json_add_text (builder, "body_sha256", capture->body_sha256);
  desk_json_add_text (builder, "headers_sha256", capture->headers_sha256);
  json_builder_set_member_name (builder, "hops");
  json_builder_begin_array (builder);
  for (guint i = 0; i < capture->hops->len; i++)
    {
      DeskCaptureHop *hop = g_ptr_array_index (capture->hops, i);

      json_builder_begin_object (builder);
      desk_json_add_text (builder, "url", hop->url);
      desk_json_add_int (builder, "status", hop->status);
      desk_json_add_string (builder, "location", hop->location);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  desk_json_add_string (builder, "title", capture->title);
  desk_json_add_string (builder, "price", capture->price);
  desk_json_add_string (builder, "seller", capture->seller);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}
