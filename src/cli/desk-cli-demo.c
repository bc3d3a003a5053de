/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-cli.h"
#include "desk-demo-documents.h"
#include "desk-util.h"

static gboolean
prefers_chinese (void)
{
  const char *const *langs = g_get_language_names ();

  return langs[0] && g_str_has_prefix (langs[0], "zh");
}

static DeskCase *
case_from_json (JsonObject *obj,
                GDateTime  *now)
{
  JsonArray *products = json_object_get_array_member (obj, "product_ids");
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  g_auto (GStrv) ids = NULL;
  g_autoptr (GDateTime) received = g_date_time_add_hours (now, -json_object_get_int_member (obj, "received_hours_ago"));
  g_autoptr (GDateTime) deadline = g_date_time_add_hours (received, json_object_get_int_member (obj, "deadline_hours"));
  DeskCase *kase;

  kase = desk_case_new (desk_platform_from_id (json_object_get_string_member (obj, "platform")),
                        desk_case_type_from_id (json_object_get_string_member (obj, "case_type")),
                        json_object_get_string_member (obj, prefers_chinese () ? "title_zh" : "title"));
  for (guint i = 0; i < json_array_get_length (products); i++)
    g_strv_builder_add (b, json_array_get_string_element (products, i));
  ids = g_strv_builder_end (b);
  desk_case_set_product_ids (kase, (const char *const *)ids);
  desk_case_set_platform_case_id (kase, json_object_get_string_member (obj, "platform_case_id"));
  desk_case_set_violation_code (kase, json_object_get_string_member (obj, "violation_code"));
  desk_case_set_notice_text (kase, json_object_get_string_member (obj, "notice_text"));
  desk_case_set_status (kase, desk_case_status_from_id (json_object_get_string_member (obj, "status")));
  desk_case_set_received_at (kase, received);
  desk_case_set_deadline_at (kase, deadline);
  return kase;
}

static JsonArray *
load_demo (JsonParser *parser,
           GError    **error)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data ("/io/github/appealdesk/AppealDesk/demo/demo-cases.json",
                                                      0, error);

  if (bytes == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "cases");
}

typedef struct
{
  DeskCliContext *ctx;
  DeskCase       *kase;
  guint           index;
  GDateTime      *now;
} DemoCase;

/* One demo case with its checklist, tracking, chain and documents. */
static gboolean
add_demo_case (DeskStore *store,
               gpointer   user_data,
               GError   **error)
{
  DemoCase *d = user_data;

  return desk_store_insert_case (store, d->kase, error)
         && desk_cli_checklist_demo (d->ctx, d->kase, d->index, error)
         && desk_cli_tracking_demo (d->ctx, d->kase, d->index, d->now, error)
         && desk_cli_demo_chain (d->ctx, d->kase, error)
         && desk_demo_add_documents (store, d->kase, error) >= 0;
}

int
desk_cli_demo (DeskCliContext *ctx,
               GError        **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gboolean     force = FALSE;
  GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_ ("Add the demo cases even when there are cases already"), NULL },
    { NULL }
  };
  JsonArray *cases;
  guint      n;

  if (!desk_cli_parse (ctx, "", _ ("Add realistic demo cases, one for most case types."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (!force && desk_store_count_cases (ctx->store) > 0)
    {
      printf ("%s\n", _ ("There are cases already; no demo cases were added (use --force to add them anyway)."));
      return 0;
    }
  if (!(cases = load_demo (parser, error)))
    return DESK_CLI_EXIT_FAILED;
  n = json_array_get_length (cases);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DeskCase) kase = case_from_json (json_array_get_object_element (cases, i), now);
      DemoCase demo = { ctx, kase, i, now };

      /* A failure leaves the cases added so far, never half a case. */
      if (!desk_store_run_in_transaction (ctx->store, add_demo_case, &demo, error))
        return DESK_CLI_EXIT_FAILED;
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "Added %u demo case.\n", "Added %u demo cases.\n", n), n);
  return 0;
}
