/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-cli.h"
#include "notice/desk-notice-record.h"
#include "desk-timeline.h"
#include "desk-util.h"

static void
print_case_line (DeskCase  *kase,
                 GDateTime *now)
{
  g_autofree char  *countdown = NULL;
  g_autofree char  *platform = desk_cli_pad (desk_platform_get_label (desk_case_get_platform (kase)), 12);
  g_autofree char  *type = desk_cli_pad (desk_case_type_get_label (desk_case_get_case_type (kase)), 14);
  g_autofree char  *status = desk_cli_pad (desk_case_status_get_label (desk_case_get_status (kase)), 12);
  DeskDeadlineState state = desk_case_get_deadline_state (kase, now);

  if (state == DESK_DEADLINE_DONE || state == DESK_DEADLINE_NONE)
    countdown = g_strdup ("");
  else
    countdown = desk_deadline_format_countdown (desk_case_get_deadline_at (kase), now);
  printf ("%6" G_GINT64_FORMAT "  %s  %s  %s  %s  %s\n", desk_case_get_id (kase), platform, type, status,
          desk_case_get_title (kase), countdown);
}

int
desk_cli_list (DeskCliContext *ctx,
               GError        **error)
{
  g_autoptr (GPtrArray) cases = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  if (!desk_cli_parse (ctx, "", _ ("List cases, most urgent first."), NULL, error))
    return DESK_CLI_EXIT_USAGE;
  if (!(cases = desk_store_list_cases (ctx->store, error)))
    return DESK_CLI_EXIT_FAILED;
  if (ctx->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < cases->len; i++)
        desk_case_to_json (cases->pdata[i], builder);
      json_builder_end_array (builder);
      desk_cli_print_json (builder);
      return 0;
    }
  if (cases->len == 0)
    printf ("%s\n", _ ("No cases yet. Create one with “appeal-desk-cli new” or try “appeal-desk-cli demo”."));
  for (guint i = 0; i < cases->len; i++)
    print_case_line (cases->pdata[i], now);
  return 0;
}

static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *padded = desk_cli_pad (label, 22);

  printf ("%s %s\n", padded, value && *value ? value : "—");
}

/* What was read from the notice when the case was created, with roles. */
static void
print_reading (DeskStore *store,
               DeskCase  *kase)
{
  g_autoptr (GPtrArray) fields = NULL;
  g_autoptr (GPtrArray) facts = NULL;

  if (!desk_store_load_notice_reading (store, desk_case_get_id (kase), &fields, &facts, NULL)
      || (fields->len == 0 && facts->len == 0))
    return;
  printf ("\n%s\n", _ ("Read from the notice:"));
  desk_cli_print_notice_fields (fields, facts);
}

static void
add_reading_json (DeskStore   *store,
                  DeskCase    *kase,
                  JsonBuilder *builder)
{
  g_autoptr (GPtrArray) fields = NULL;
  g_autoptr (GPtrArray) facts = NULL;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autoptr (JsonNode) reading = NULL;
  JsonObject *obj = json_node_get_object (root);

  if (!desk_store_load_notice_reading (store, desk_case_get_id (kase), &fields, &facts, NULL))
    return;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "fields");
  json_builder_begin_array (b);
  for (guint i = 0; i < fields->len; i++)
    desk_notice_field_to_json (fields->pdata[i], b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "facts");
  json_builder_begin_array (b);
  for (guint i = 0; i < facts->len; i++)
    desk_notice_fact_to_json (facts->pdata[i], b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  reading = json_builder_get_root (b);
  json_object_set_member (obj, "notice_reading", g_steal_pointer (&reading));
}

static void
print_case (DeskStore *store,
            DeskCase  *kase)
{
  g_autofree char *products = g_strjoinv (", ", (char **)desk_case_get_product_ids (kase));
  g_autofree char *received = desk_time_format_local (desk_case_get_received_at (kase));
  g_autofree char *deadline = desk_time_format_local (desk_case_get_deadline_at (kase));
  g_autoptr (GPtrArray) timeline = desk_store_list_timeline (store, desk_case_get_id (kase), NULL);

  printf ("#%" G_GINT64_FORMAT "  %s\n", desk_case_get_id (kase), desk_case_get_title (kase));
  print_field (_ ("Platform:"), desk_platform_get_label (desk_case_get_platform (kase)));
  print_field (_ ("Case type:"), desk_case_type_get_label (desk_case_get_case_type (kase)));
  print_field (_ ("Status:"), desk_case_status_get_label (desk_case_get_status (kase)));
  print_field (_ ("Issue or case ID:"), desk_case_get_platform_case_id (kase));
  print_field (_ ("Violation code:"), desk_case_get_violation_code (kase));
  print_field (_ ("Products:"), products);
  print_field (_ ("Received:"), received);
  print_field (_ ("Deadline:"), deadline);
  printf ("\n%s\n%s\n", _ ("Notice:"), desk_case_get_notice_text (kase));
  print_reading (store, kase);
  printf ("\n%s\n", _ ("Timeline:"));
  for (guint i = 0; timeline && i < timeline->len; i++)
    {
      DeskTimelineEntry *entry = timeline->pdata[i];
      g_autofree char   *when = desk_time_format_local (entry->at);
      g_autofree char   *line = desk_timeline_entry_describe (entry);

      printf ("  %s  %s\n", when, line);
    }
}

int
desk_cli_show (DeskCliContext *ctx,
               GError        **error)
{
  g_autoptr (DeskCase) kase = NULL;
  gint64 id;

  if (!desk_cli_parse (ctx, _ ("ID"), _ ("Show one case with its notice and timeline."), NULL, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2 || !(id = desk_cli_parse_id (ctx->argv[1], error)))
    {
      if (error && !*error)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _ ("Give exactly one case number."));
      return DESK_CLI_EXIT_USAGE;
    }
  if (!(kase = desk_store_get_case (ctx->store, id, error)))
    return DESK_CLI_EXIT_FAILED;
  if (ctx->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonGenerator) gen = json_generator_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autofree char *out = NULL;

      desk_case_to_json (kase, builder);
      add_reading_json (ctx->store, kase, builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      out = json_generator_to_data (gen, NULL);
      printf ("%s\n", out);
    }
  else
    print_case (ctx->store, kase);
  return 0;
}

int
desk_cli_delete (DeskCliContext *ctx,
                 GError        **error)
{
  gint64 id;

  if (!desk_cli_parse (ctx, _ ("ID"), _ ("Delete a case, its links and its timeline. Evidence files other cases use are kept."), NULL, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2 || !(id = desk_cli_parse_id (ctx->argv[1], error)))
    {
      if (error && !*error)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _ ("Give exactly one case number."));
      return DESK_CLI_EXIT_USAGE;
    }
  if (!desk_store_delete_case (ctx->store, id, error))
    return DESK_CLI_EXIT_FAILED;
  if (!ctx->json)
    /* Translators: %s is the case number */
    printf (_ ("Deleted case %s.\n"), ctx->argv[1]);
  return 0;
}
