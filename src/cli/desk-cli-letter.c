/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "desk-session.h"
#include "desk-cli.h"
#include "desk-platform.h"
#include "desk-util.h"
#include "letters/desk-letter-lint.h"
#include "letters/desk-letter.h"

static int
usage (GError    **error,
       const char *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return DESK_CLI_EXIT_USAGE;
}

static gboolean
valid_language (const char *language)
{
  return g_strcmp0 (language, "en") == 0 || g_strcmp0 (language, "ru") == 0 || g_strcmp0 (language, "zh") == 0;
}

/* Findings and count, as text or JSON; returns the exit status. */
static int
print_report (DeskLintReport *report,
              gboolean        json)
{
  if (json)
    {
      g_autofree char *text = desk_lint_report_to_json (report);
      printf ("%s\n", text);
    }
  else
    {
      if (report->limit)
        /* Translators: a letter's length against the platform's limit */
        printf (_ ("%u of %u characters"), report->chars, report->limit);
      else
        /* Translators: a letter's length when the platform sets no limit */
        printf (_ ("%u characters (no limit known for this platform and case type)"), report->chars);
      if (desk_lint_report_get_length (report) == DESK_LINT_LENGTH_OVER)
        /* Translators: after the character count */
        printf (" — %s", _ ("over the limit: shorten the letter"));
      else if (desk_lint_report_get_length (report) == DESK_LINT_LENGTH_NEAR)
        printf (" — %s", _ ("close to the limit"));
      printf ("\n");
      for (guint i = 0; i < report->findings->len; i++)
        {
          DeskLintFinding *finding = report->findings->pdata[i];

          printf ("%s %s: “%s” → ", finding->blocking ? _ ("[must fix]") : _ ("[check]"),
                  desk_lint_kind_get_label (finding->kind), finding->text);
          if (*finding->replacement)
            printf ("“%s”\n", finding->replacement);
          else
            printf ("%s\n", _ ("(delete)"));
          printf ("    %s\n", finding->why);
        }
      if (report->findings->len == 0)
        printf ("%s\n", _ ("No wording problems found."));
    }
  return desk_lint_report_is_blocking (report) ? DESK_CLI_EXIT_FAILED : 0;
}

static gboolean
apply_settings (DeskCliContext *ctx,
                gint64          id,
                const char     *language,
                const char     *seller,
                const char     *store,
                const char     *signer,
                char          **actions,
                gboolean        reset,
                const char     *text_file,
                GError        **error)
{
  if (seller || store || signer)
    {
      g_autoptr (DeskLetterDetails) details = desk_letter_get_details (ctx->session, id, language, error);

      if (details == NULL)
        return FALSE;
      if (seller)
        {
          g_free (details->seller);
          details->seller = g_strdup (seller);
        }
      if (store)
        {
          g_free (details->store_name);
          details->store_name = g_strdup (store);
        }
      if (signer)
        {
          g_free (details->signer);
          details->signer = g_strdup (signer);
        }
      if (!desk_letter_set_details (ctx->session, id, language, details, error))
        return FALSE;
    }
  if (actions && !desk_letter_set_actions (ctx->session, id, language, (const char *const *)actions, error))
    return FALSE;
  if (reset && !desk_letter_reset (ctx->session, id, language, error))
    return FALSE;
  if (text_file)
    {
      g_autofree char *text = desk_cli_read_text (text_file, error);

      if (text == NULL || !desk_letter_save_edit (ctx->session, id, language, text, error))
        return FALSE;
    }
  return TRUE;
}

static char *
default_language (DeskCliContext *ctx,
                  gint64          id,
                  GError        **error)
{
  g_autoptr (DeskCase) kase = desk_store_get_case (ctx->store, id, error);
  g_auto (GStrv) languages = NULL;

  if (kase == NULL)
    return NULL;
  languages = desk_letter_list_languages (desk_case_get_platform (kase), desk_case_get_case_type (kase));
  return g_strdup (languages[0] ? languages[0] : "en");
}

int
desk_cli_letter (DeskCliContext *ctx,
                 GError        **error)
{
  g_autofree char *language = NULL;
  g_autofree char *output = NULL;
  g_autofree char *seller = NULL;
  g_autofree char *store = NULL;
  g_autofree char *signer = NULL;
  g_autofree char *text_file = NULL;
  g_auto (GStrv) actions = NULL;
  gboolean check = FALSE, reset = FALSE, json = FALSE;
  g_autoptr (DeskLetter) letter = NULL;
  g_autoptr (DeskCase) kase = NULL;
  gint64       id;
  GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language, N_ ("Letter language: en, ru or zh (default: the platform’s first)"), "LANG" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write the letter to FILE instead of printing it"), "FILE" },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, N_ ("Print the wording findings and the character count; exit 1 if the letter must be fixed"), NULL },
    { "seller", 0, 0, G_OPTION_ARG_STRING, &seller, N_ ("Set your company’s legal name for letters in this language (English is used where one is empty)"), "NAME" },
    { "store", 0, 0, G_OPTION_ARG_STRING, &store, N_ ("Set the store name for the letters"), "NAME" },
    { "signer", 0, 0, G_OPTION_ARG_STRING, &signer, N_ ("Set who signs the letters"), "NAME" },
    { "action", 0, 0, G_OPTION_ARG_STRING_ARRAY, &actions, N_ ("A corrective action you took, in the letter’s language (repeat; replaces the list)"), "TEXT" },
    { "set-text", 0, 0, G_OPTION_ARG_FILENAME, &text_file, N_ ("Keep the text of FILE as your edited letter"), "FILE" },
    { "reset", 0, 0, G_OPTION_ARG_NONE, &reset, N_ ("Drop your edits: back to the filled template"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON: the letter with its length, or with --check {\"chars\", \"limit\", \"findings\"}"), NULL },
    { NULL }
  };

  if (!desk_cli_parse (ctx, _ ("CASE"), _ ("Print a case’s appeal letter, filled from the case, in one language."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2)
    return usage (error, _ ("Give one case number: appeal-desk-cli letter CASE [--lang en|ru|zh]."));
  if (!(id = desk_cli_parse_id (ctx->argv[1], error)))
    return DESK_CLI_EXIT_USAGE;
  if (language && !valid_language (language))
    return usage (error, _ ("The letter language must be en, ru or zh."));
  if (language == NULL && !(language = default_language (ctx, id, error)))
    return DESK_CLI_EXIT_FAILED;
  if (!apply_settings (ctx, id, language, seller, store, signer, actions, reset, text_file, error)
      || !(letter = desk_letter_get (ctx->session, id, language, error))
      || !(kase = desk_store_get_case (ctx->store, id, error)))
    return DESK_CLI_EXIT_FAILED;
  if (output && !g_file_set_contents (output, letter->text, -1, error))
    return DESK_CLI_EXIT_FAILED;
  if (check)
    {
      DeskRulePack *pack = desk_session_get_pack (ctx->session, desk_case_get_platform (kase));
      g_autoptr (DeskLintReport) report = desk_letter_lint (letter->text, pack, desk_case_get_case_type (kase), language);

      return print_report (report, json || ctx->json);
    }
  if (json || ctx->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, letter->language);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, letter->text);
      json_builder_set_member_name (builder, "chars");
      json_builder_add_int_value (builder, desk_letter_count_chars (letter->text));
      json_builder_set_member_name (builder, "limit");
      if (letter->limit)
        json_builder_add_int_value (builder, letter->limit);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "edited");
      json_builder_add_boolean_value (builder, letter->edited);
      json_builder_end_object (builder);
      desk_cli_print_json (builder);
    }
  else if (output == NULL)
    fputs (letter->text, stdout);
  return 0;
}

int
desk_cli_lint (DeskCliContext *ctx,
               GError        **error)
{
  g_autofree char *platform_id = NULL;
  g_autofree char *type_id = NULL;
  g_autofree char *language = NULL;
  g_autofree char *text = NULL;
  g_autoptr (DeskLintReport) report = NULL;
  gboolean     json = FALSE;
  DeskPlatform platform;
  DeskCaseType type = DESK_CASE_TYPE_UNKNOWN;
  GOptionEntry entries[] = {
    { "platform", 'p', 0, G_OPTION_ARG_STRING, &platform_id, N_ ("Platform id, e.g. shopee"), "PLATFORM" },
    { "type", 't', 0, G_OPTION_ARG_STRING, &type_id, N_ ("Case type, for its character limit (e.g. ip-complaint)"), "TYPE" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language, N_ ("Language of the text: en, ru or zh (default en)"), "LANG" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print {\"chars\", \"limit\", \"findings\"} as JSON"), NULL },
    { NULL }
  };

  if (!desk_cli_parse (ctx, _ ("FILE"), _ ("Check any letter text (FILE, or - for standard input) for wording that hurts an appeal and for the platform’s length limit."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2)
    return usage (error, _ ("Give one file: appeal-desk-cli lint --platform P FILE (- reads standard input)."));
  platform = desk_platform_from_id (platform_id);
  if (platform == DESK_PLATFORM_UNKNOWN)
    {
      /* Platforms are data: the built-in ones and those the user's packs add. */
      g_autofree char *ids = desk_platform_join_ids (", ");
      /* Translators: %s is a list of platform ids such as "aliexpress, shopee" */
      g_autofree char *message = g_strdup_printf (_ ("Unknown platform. Use one of: %s."), ids);

      return usage (error, message);
    }
  if (type_id && (type = desk_case_type_from_id (type_id)) == DESK_CASE_TYPE_UNKNOWN)
    return usage (error, _ ("Unknown case type. Use one of: listing-takedown, qualification-missing, quality-inspection, ip-complaint, store-complaint, activity-exit, reseller, account-health."));
  if (language && !valid_language (language))
    return usage (error, _ ("The letter language must be en, ru or zh."));
  if (!(text = desk_cli_read_text (ctx->argv[1], error)))
    return DESK_CLI_EXIT_FAILED;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("%s is not UTF-8 text. Save it as UTF-8 and try again."), ctx->argv[1]);
      return DESK_CLI_EXIT_FAILED;
    }
  report = desk_letter_lint (text, desk_session_get_pack (ctx->session, platform), type, language ? language : "en");
  return print_report (report, json || ctx->json);
}
