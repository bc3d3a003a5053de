/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>
#include <string.h>

#include "net/desk-capture.h"

/* A local web server with every kind of page a watch list meets. Never the internet. */
typedef struct
{
  SoupServer *server;
  char       *base;
  guint       changing;
} Site;

static const char live_page[] = "<!DOCTYPE html><html><head><title>Wireless Earbuds &amp; Case</title>"
                                "<meta property=\"og:title\" content=\"Wireless Earbuds Pro\">"
                                "<meta property=\"product:price:amount\" content=\"12.99\">"
                                "<meta property=\"product:price:currency\" content=\"USD\">"
                                "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"offers\":{\"price\":\"12.99\",\"seller\":{\"@type\":\"Organization\",\"name\":\"Shop 5f9e8d7c\"}}}</script>"
                                "</head><body>Earbuds</body></html>";

static inline void on_slow_gone (gpointer data, GObject *where);

static inline gboolean
unpause (gpointer msg)
{
  g_object_weak_unref (msg, on_slow_gone, g_object_get_data (msg, "unpause"));
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

/* A client that gave up frees the message first: then there is nothing to unpause. */
static inline void
on_slow_gone (gpointer data,
              GObject *where)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static inline void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           data)
{
  Site *site = data;

  if (g_str_has_prefix (path, "/live"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC, live_page, strlen (live_page));
    }
  else if (g_str_equal (path, "/404"))
    soup_server_message_set_status (msg, 404, NULL);
  else if (g_str_equal (path, "/410"))
    soup_server_message_set_status (msg, 410, NULL);
  else if (g_str_equal (path, "/500"))
    soup_server_message_set_status (msg, 500, NULL);
  else if (g_str_equal (path, "/r1") || g_str_equal (path, "/r2"))
    soup_server_message_set_redirect (msg, g_str_equal (path, "/r1") ? 302 : 301, g_str_equal (path, "/r1") ? "/r2" : "/live/final");
  else if (g_str_equal (path, "/loop1") || g_str_equal (path, "/loop2"))
    soup_server_message_set_redirect (msg, 302, g_str_equal (path, "/loop1") ? "/loop2" : "/loop1");
  else if (g_str_equal (path, "/slow"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "late", 4);
      soup_server_message_pause (msg);
      {
        guint id = g_timeout_add_seconds (4, unpause, msg);

        g_object_set_data (G_OBJECT (msg), "unpause", GUINT_TO_POINTER (id));
        g_object_weak_ref (G_OBJECT (msg), on_slow_gone, GUINT_TO_POINTER (id));
      }
    }
  else if (g_str_equal (path, "/huge"))
    {
      gsize size = 3 * 1024 * 1024;
      char *body = g_malloc (size);

      memset (body, 'x', size);
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_TAKE, body, size);
    }
  else if (g_str_equal (path, "/image"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, "\x89PNG\r\n\x1a\n", 8);
    }
  else if (g_str_equal (path, "/changing"))
    {
      char *body = g_strdup_printf ("<html><body>price %u</body></html>", site->changing++);

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_TAKE, body, strlen (body));
    }
  else if (g_str_equal (path, "/gone-page"))
    {
      static const char gone[] = "<html><body><h1>Sorry!</h1><p>This item is no longer available.</p></body></html>";

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, gone, strlen (gone));
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static inline Site *
site_new (void)
{
  g_autoptr (GError) error = NULL;
  Site   *site = g_new0 (Site, 1);
  GSList *uris;

  site->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (site->server, NULL, handle, site, NULL);
  g_assert_true (soup_server_listen_local (site->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (site->server);
  site->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return site;
}

static inline void
site_free (Site *site)
{
  soup_server_disconnect (site->server);
  g_object_unref (site->server);
  g_free (site->base);
  g_free (site);
}

static inline char *
at (Site       *site,
    const char *path)
{
  return g_strconcat (site->base, path, NULL);
}

static inline DeskCaptureOptions
direct (void)
{
  static GProxyResolver *resolver;
  DeskCaptureOptions     options = { 0 };

  /* An environment proxy must not stand between the test and its own server. */
  if (resolver == NULL)
    resolver = g_simple_proxy_resolver_new (NULL, NULL);
  options.proxy = resolver;
  return options;
}
