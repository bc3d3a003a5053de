/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "desk-cli.h"
#include "desk-notice.h"
#include "desk-util.h"

/* `appeal-desk-cli decode FILE`: what the notice reader makes of a notice,
 * with each field's role and the line it came from.  Creates nothing. */

static void
print_source (const char *source,
              guint       line)
{
  if (source == NULL || *source == '\0')
    return;
  if (line > 0)
    /* Translators: the line of the notice a field was read from: "line 4: Case ID: 123" */
    printf (_ ("      line %u: %s\n"), line, source);
  else
    printf ("      %s\n", source);
}

void
desk_cli_print_notice_fields (GPtrArray *fields,
                              GPtrArray *facts)
{
  if (fields->len == 0)
    printf ("  %s\n", _ ("No labelled fields were found."));
  for (guint i = 0; i < fields->len; i++)
    {
      DeskNoticeField *field = g_ptr_array_index (fields, i);

      /* Translators: a field read from the notice: "Your product: 1005006123456789" */
      printf (_ ("  %s: %s\n"), desk_notice_role_get_label (field->role), field->value);
      print_source (field->source, field->line);
    }
  if (facts->len > 0)
    printf ("%s\n", _ ("Figures stated in the notice:"));
  for (guint i = 0; i < facts->len; i++)
    {
      DeskNoticeFact  *fact = g_ptr_array_index (facts, i);
      g_autofree char *said = desk_notice_fact_describe (fact);

      printf (_ ("  %s: %s\n"), *fact->subject ? fact->subject : _ ("Figure"), said);
      print_source (fact->source, fact->line);
    }
}

static void
print_guess (const char *what,
             const char *label,
             double      confidence)
{
  /* Translators: "Platform: AliExpress (sure: 85 %)" */
  printf (_ ("%s: %s (sure: %d %%)\n"), what, label, (int)lround (confidence * 100));
}

static void
print_notice (DeskNotice *notice)
{
  g_autofree char   *said = desk_notice_describe_confidence (notice);
  GDateTime         *deadline = desk_notice_get_deadline (notice);
  const char *const *evidence = desk_notice_get_evidence_hints (notice);

  print_guess (_ ("Platform"), desk_platform_get_label (desk_notice_get_platform (notice)),
               desk_notice_get_platform_confidence (notice));
  print_guess (_ ("Case type"), desk_case_type_get_label (desk_notice_get_case_type (notice)),
               desk_notice_get_case_type_confidence (notice));
  if (deadline)
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (deadline);
      g_autofree char *shown = g_date_time_format (local, "%Y-%m-%d %H:%M %Z");

      printf (_ ("Deadline: %s\n"), shown);
    }
  printf ("%s\n", _ ("Fields read (role: value, and the line it came from):"));
  desk_cli_print_notice_fields (desk_notice_get_fields (notice), desk_notice_get_facts (notice));
  if (evidence[0])
    printf ("%s\n", _ ("Evidence the notice asks for:"));
  for (guint i = 0; evidence[i]; i++)
    printf ("  • %s\n", evidence[i]);
  printf ("%s\n", said);
  printf ("%s\n", _ ("Nothing was saved. Create the case with “appeal-desk-cli new --notice FILE”."));
}

int
desk_cli_decode (DeskCliContext *ctx,
                 GError        **error)
{
  g_autoptr (DeskNotice) notice = NULL;
  g_autofree char *text = NULL;
  g_autofree char *received_text = NULL;
  g_autoptr (GDateTime) received = NULL;
  GOptionEntry entries[] = {
    { "received", 0, 0, G_OPTION_ARG_STRING, &received_text, N_ ("When the notice arrived (ISO 8601; default now)"), N_ ("TIME") },
    { NULL }
  };

  if (!desk_cli_parse (ctx, _ ("FILE"), _ ("Show what is read from a notice, without creating a case. FILE “-” reads standard input."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _ ("Give exactly one notice file."));
      return DESK_CLI_EXIT_USAGE;
    }
  if (received_text && !(received = desk_time_from_iso8601 (received_text)))
    {
      /* Translators: %s is what the user typed */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("“%s” is not a date. Use ISO 8601, e.g. 2026-11-24T18:00:00+08:00."), received_text);
      return DESK_CLI_EXIT_USAGE;
    }
  {
    /* The real length: a NUL would cut the notice short without a word. */
    g_autofree char *data = NULL;
    gsize            len = 0;

    if (!(data = desk_cli_read_file (ctx->argv[1], &len, error)) || !(text = desk_notice_text_from_data (data, len, error)))
      return DESK_CLI_EXIT_FAILED;
  }
  {
    /* decode opens no database, so it has no session: the user's packs are
     * read from the data folder the way a session would. */
    g_autofree char *rules_dir = desk_rule_registry_get_default_user_dir ();
    g_autoptr (DeskRuleRegistry) rules = desk_rule_registry_new (rules_dir);

    notice = desk_notice_decode_with_rules (rules, text, received);
  }
  if (ctx->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      desk_notice_to_json (notice, builder);
      desk_cli_print_json (builder);
    }
  else
    print_notice (notice);
  return 0;
}
