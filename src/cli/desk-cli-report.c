/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-cli.h"
#include "desk-report.h"

int
desk_cli_report (DeskCliContext *ctx,
                 GError        **error)
{
  g_autofree char *lang = NULL;
  g_autofree char *output = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (DeskReportResult) result = NULL;
  DeskReportLanguage language = DESK_REPORT_LANGUAGE_EN;
  gint64             id;
  GOptionEntry       entries[] = {
          { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_ ("Language of the report: zh_CN or en (default: en)"), N_ ("LANG") },
          { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Where to save the PDF"), N_ ("FILE") },
          { NULL },
  };

  if (!desk_cli_parse (ctx, _ ("ID"), _ ("Write the closure report of a case as a PDF."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2 || output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _ ("Give one case number and the file to write, e.g. “report 3 --lang zh_CN -o report.pdf”."));
      return DESK_CLI_EXIT_USAGE;
    }
  if (!(id = desk_cli_parse_id (ctx->argv[1], error)))
    return DESK_CLI_EXIT_USAGE;
  if (lang && !desk_report_language_from_id (lang, &language))
    {
      /* Translators: %s is what the user typed */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("“%s” is not a report language. Use zh_CN or en."), lang);
      return DESK_CLI_EXIT_USAGE;
    }
  file = g_file_new_for_commandline_arg (output);
  if (!(result = desk_report_write (ctx->session, id, language, file, NULL, NULL, NULL, error)))
    return DESK_CLI_EXIT_FAILED;
  if (ctx->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, output);
      json_builder_set_member_name (builder, "pages");
      json_builder_add_int_value (builder, result->n_pages);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, result->size);
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, desk_report_language_to_id (language));
      json_builder_end_object (builder);
      desk_cli_print_json (builder);
    }
  else
    {
      g_autofree char *size = g_format_size (result->size);
      g_autofree char *pages = g_strdup_printf ("%u", result->n_pages);

      /* Translators: first %s is a file name, then a page count and a size */
      printf (_ ("Wrote %s: %s pages, %s\n"), output, pages, size);
    }
  return 0;
}
