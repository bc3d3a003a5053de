/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "desk-cli.h"
#include "desk-evidence-store.h"
#include "desk-json.h"
#include "desk-util.h"
#include "net/desk-watch.h"

static int
usage (GError    **error,
       const char *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return DESK_CLI_EXIT_USAGE;
}

static gint64
existing_case (DeskCliContext *ctx,
               const char     *text,
               int            *status,
               GError        **error)
{
  gint64 id = desk_cli_parse_id (text, error);
  g_autoptr (DeskCase) kase = NULL;

  *status = DESK_CLI_EXIT_USAGE;
  if (id == 0)
    return 0;
  *status = DESK_CLI_EXIT_FAILED;
  if (!(kase = desk_store_get_case (ctx->store, id, error)))
    return 0;
  *status = 0;
  return id;
}

static void
add_item_json (JsonBuilder   *builder,
               DeskWatchItem *item)
{
  json_builder_begin_object (builder);
  desk_json_add_text (builder, "url", item->url);
  desk_json_add_string (builder, "seller_id", item->seller_id);
  desk_json_add_text (builder, "status", desk_watch_status_to_id (item->status));
  desk_json_add_int (builder, "http_status", item->http_status);
  desk_json_add_time (builder, "checked_at", item->checked_at);
  desk_json_add_string (builder, "sha256", item->sha256);
  desk_json_add_string (builder, "detail", item->detail);
  json_builder_end_object (builder);
}

static int
watch_list (DeskCliContext *ctx,
            gint64          id,
            GError        **error)
{
  g_autoptr (GPtrArray) items = desk_watch_list (ctx->store, id, error);

  if (items == NULL)
    return DESK_CLI_EXIT_FAILED;
  if (ctx->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        add_item_json (builder, items->pdata[i]);
      json_builder_end_array (builder);
      desk_cli_print_json (builder);
      return 0;
    }
  if (items->len == 0)
    printf ("%s\n", _ ("No reseller listings are watched for this case. Add one with “appeal-desk-cli watch add ID URL”."));
  for (guint i = 0; i < items->len; i++)
    {
      DeskWatchItem   *item = items->pdata[i];
      g_autofree char *status = desk_cli_pad (desk_watch_status_get_label (item->status), 22);
      g_autofree char *when = item->checked_at ? desk_time_format_local (item->checked_at) : g_strdup ("");

      printf ("%s %s %s%s%s\n", status, item->url, when, *item->seller_id ? "  " : "", item->seller_id);
    }
  return 0;
}

typedef struct
{
  GPtrArray *results;
  GError    *error;
  gboolean   quiet;
} CheckData;

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  CheckData *cd = data;

  cd->results = desk_watch_check_finish (DESK_STORE (source), result, &cd->error);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer data)
{
  if (((CheckData *)data)->quiet)
    return;
  fputc ('\r', stderr);
  /* Translators: progress, e.g. "Checked 3 of 20" */
  fprintf (stderr, _ ("Checked %u of %u"), done, total);
  if (done == total)
    fputc ('\n', stderr);
}

static DeskCaptureOptions
capture_options (void)
{
  DeskCaptureOptions options = { 0 };

  options.user_agent = g_getenv ("APPEAL_DESK_USER_AGENT");
  return options;
}

static int
watch_check (DeskCliContext *ctx,
             gint64          id,
             int             delay_ms,
             GError        **error)
{
  CheckData        cd = { 0 };
  DeskWatchOptions options = { 0 };
  g_autoptr (GPtrArray) results = NULL;

  options.capture = capture_options ();
  if (delay_ms >= 0)
    options.host_delay_ms = delay_ms, options.host_delay_set = TRUE;
  options.log_unchanged = TRUE;
  cd.quiet = ctx->json || !isatty (2);
  desk_watch_check_async (ctx->store, id, &options, NULL, on_progress, &cd, on_checked, &cd);
  while (cd.results == NULL && cd.error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (cd.error)
    {
      g_propagate_error (error, cd.error);
      return DESK_CLI_EXIT_FAILED;
    }
  results = cd.results;
  if (ctx->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < results->len; i++)
        {
          DeskWatchResult *r = results->pdata[i];

          json_builder_begin_object (builder);
          desk_json_add_text (builder, "url", r->url);
          desk_json_add_text (builder, "status", desk_watch_status_to_id (r->status));
          json_builder_set_member_name (builder, "http_status");
          if (r->http_status)
            json_builder_add_int_value (builder, r->http_status);
          else
            json_builder_add_null_value (builder);
          desk_json_add_time (builder, "checked_at", r->checked_at);
          json_builder_set_member_name (builder, "sha256");
          if (r->sha256)
            json_builder_add_string_value (builder, r->sha256);
          else if (r->capture)
            json_builder_add_string_value (builder, r->capture->body_sha256);
          else
            json_builder_add_null_value (builder);
          desk_json_add_string (builder, "detail", r->detail);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      desk_cli_print_json (builder);
      return 0;
    }
  for (guint i = 0; i < results->len; i++)
    {
      DeskWatchResult *r = results->pdata[i];
      g_autofree char *status = desk_cli_pad (desk_watch_status_get_label (r->status), 22);

      printf ("%s %s %s\n", status, r->url, r->detail);
      if (r->status == DESK_WATCH_GONE && r->previous != DESK_WATCH_GONE)
        /* Translators: the command that keeps the proof */
        printf ("    %s appeal-desk-cli capture %" G_GINT64_FORMAT " %s\n", _ ("Gone: keep the proof that the complaint worked with"), r->case_id, r->url);
    }
  return 0;
}

int
desk_cli_watch (DeskCliContext *ctx,
                GError        **error)
{
  g_autofree char *seller = NULL;
  int              delay = -1;
  GOptionEntry     entries[] = {
        { "seller", 0, 0, G_OPTION_ARG_STRING, &seller, N_ ("The reseller’s seller ID, with “add”"), N_ ("ID") },
        { "delay", 0, 0, G_OPTION_ARG_INT, &delay, N_ ("Milliseconds to wait between two requests to one site, with “check” (default 1000)"), N_ ("MS") },
        { NULL }
  };
  const char *verb;
  gint64      id;
  int         status;

  if (!desk_cli_parse (ctx, _ ("add|list|check|remove ID [URL…]"), _ ("Keep an eye on resellers’ listings: add them, check whether they are still online, remove them."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc < 3)
    return usage (error, _ ("Say what to do and for which case, e.g. “watch list 3”."));
  verb = ctx->argv[1];
  if (!(id = existing_case (ctx, ctx->argv[2], &status, error)))
    return status;
  if (g_str_equal (verb, "list"))
    return watch_list (ctx, id, error);
  if (g_str_equal (verb, "check"))
    return watch_check (ctx, id, delay, error);
  if (g_str_equal (verb, "add") || g_str_equal (verb, "remove"))
    {
      if (ctx->argc < 4)
        return usage (error, _ ("Give at least one listing address."));
      for (int i = 3; i < ctx->argc; i++)
        if (!(g_str_equal (verb, "add") ? desk_watch_add (ctx->store, id, ctx->argv[i], seller, error)
                                        : desk_watch_remove (ctx->store, id, ctx->argv[i], error)))
          return g_error_matches (*error, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_BAD_URL) ? DESK_CLI_EXIT_USAGE : DESK_CLI_EXIT_FAILED;
      return watch_list (ctx, id, error);
    }
  return usage (error, _ ("Use “add”, “list”, “check” or “remove”."));
}

int
desk_cli_capture (DeskCliContext *ctx,
                  GError        **error)
{
  g_autoptr (DeskCapture) capture = NULL;
  g_autoptr (DeskEvidence) evidence = NULL;
  DeskCaptureOptions options = capture_options ();
  g_autofree char   *agent = NULL;
  GOptionEntry       entries[] = {
          { "user-agent", 0, 0, G_OPTION_ARG_STRING, &agent, N_ ("The browser name sent to the site"), N_ ("TEXT") },
          { NULL }
  };
  gint64 id;
  int    status;

  if (!desk_cli_parse (ctx, _ ("ID URL"), _ ("Save a web page as the case’s evidence, with its address, time (UTC), headers and fingerprints."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 3)
    return usage (error, _ ("Give a case ID and one address."));
  if (!(id = existing_case (ctx, ctx->argv[1], &status, error)))
    return status;
  if (agent)
    options.user_agent = agent;
  capture = desk_capture_fetch (ctx->argv[2], &options, NULL, error);
  if (capture == NULL)
    return g_error_matches (*error, DESK_CAPTURE_ERROR, DESK_CAPTURE_ERROR_BAD_URL) ? DESK_CLI_EXIT_USAGE : DESK_CLI_EXIT_FAILED;
  if (!(evidence = desk_capture_store (ctx->store, id, capture, error)))
    return DESK_CLI_EXIT_FAILED;
  if (ctx->json)
    {
      g_autofree char *record = desk_capture_lookup (ctx->store, desk_evidence_get_id (evidence), error);

      printf ("%s\n", record ? record : "{}");
      return 0;
    }
  /* Translators: an evidence number, the HTTP status and the final address */
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, desk_evidence_get_id (evidence));

    printf (_ ("Saved as evidence %s: %u %s\n"), number, capture->status, capture->final_url);
  }
  printf ("  %s %s\n", _ ("Fingerprint (SHA-256) of the page:"), capture->body_sha256);
  for (guint i = 0; i + 1 < capture->hops->len; i++)
    {
      DeskCaptureHop *hop = capture->hops->pdata[i];

      printf ("  %u %s → %s\n", hop->status, hop->url, hop->location);
    }
  if (capture->title)
    printf ("  %s %s\n", _ ("Page title:"), capture->title);
  if (capture->price)
    printf ("  %s %s\n", _ ("Price stated by the page:"), capture->price);
  if (capture->seller)
    printf ("  %s %s\n", _ ("Seller stated by the page:"), capture->seller);
  return 0;
}
