/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "desk-cli.h"
#include "desk-package-verify.h"
#include "desk-package.h"

static void
progress_cb (double   fraction,
             gpointer data)
{
  g_printerr ("\r");
  /* Translators: progress on the terminal, %d is a percentage */
  g_printerr (_ ("Making the package… %d%%"), (int)(fraction * 100));
}

/* --letter LANG:FILE, a letter written elsewhere. */
static gboolean
add_letters (DeskPackagePlan *plan,
             char           **specs,
             GError         **error)
{
  for (guint i = 0; specs && specs[i]; i++)
    {
      const char      *colon = strchr (specs[i], ':');
      g_autofree char *lang = NULL;
      g_autofree char *text = NULL;

      if (colon == NULL || colon == specs[i] || colon[1] == '\0')
        {
          /* Translators: %s is what the user typed */
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("“%s”: write --letter LANGUAGE:FILE, e.g. --letter en:letter.txt"), specs[i]);
          return FALSE;
        }
      lang = g_strndup (specs[i], colon - specs[i]);
      if (!(text = desk_cli_read_text (colon + 1, error)))
        return FALSE;
      desk_package_plan_add_letter (plan, lang, text);
    }
  return TRUE;
}

static void
print_result (DeskCliContext    *ctx,
              DeskPackagePlan   *plan,
              DeskPackageResult *result)
{
  const char *const *omitted = desk_package_plan_get_omissions (plan);
  g_autofree char   *size = g_format_size (result->size);

  if (ctx->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "path");
      json_builder_add_string_value (b, result->path);
      json_builder_set_member_name (b, "sha256");
      json_builder_add_string_value (b, result->sha256);
      json_builder_set_member_name (b, "size");
      json_builder_add_int_value (b, result->size);
      json_builder_set_member_name (b, "files");
      json_builder_add_int_value (b, result->n_files);
      json_builder_set_member_name (b, "blocking_gaps");
      json_builder_add_int_value (b, result->n_blocking_gaps);
      json_builder_set_member_name (b, "omitted");
      json_builder_begin_array (b);
      for (guint i = 0; omitted[i]; i++)
        json_builder_add_string_value (b, omitted[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
      desk_cli_print_json (b);
      return;
    }
  /* Translators: %s: path, %u: number of files, %s: size */
  printf (_ ("Package written: %s (%u files, %s)\n"), result->path, result->n_files, size);
  /* Translators: %s is 64 hex digits that identify the file's exact content */
  printf (_ ("Fingerprint (SHA-256): %s\n"), result->sha256);
  for (guint i = 0; omitted[i]; i++)
    if (g_str_equal (omitted[i], "letters"))
      printf ("%s\n", _ ("Not included: appeal letters (none written yet). SUBMIT.txt says so."));
    else if (g_str_equal (omitted[i], "chain"))
      printf ("%s\n", _ ("Not included: the authorization chain check. SUBMIT.txt says so."));
  if (result->n_blocking_gaps > 0)
    printf ("%s\n", _ ("Made despite gaps in the authorization chain, as you confirmed: SUBMIT.txt starts with a warning."));
}

int
desk_cli_package (DeskCliContext *ctx,
                  GError        **error)
{
  g_autofree char *output = NULL;
  g_auto (GStrv) letters = NULL;
  gboolean     allow_gaps = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Where to write the .zip"), N_ ("FILE") },
    { "allow-gaps", 0, 0, G_OPTION_ARG_NONE, &allow_gaps, N_ ("Make the package even though the authorization chain has gaps that will make the appeal fail"), NULL },
    { "letter", 0, 0, G_OPTION_ARG_STRING_ARRAY, &letters, N_ ("Include a letter written elsewhere (repeatable)"), N_ ("LANGUAGE:FILE") },
    { NULL }
  };
  g_autoptr (DeskPackagePlan) plan = NULL;
  g_autoptr (DeskPackageResult) result = NULL;
  gint64 id;

  if (!desk_cli_parse (ctx, _ ("ID -o FILE"), _ ("Make the complaint package (.zip) of a case: letters, evidence in exhibit order, submission steps and a checkable list of files."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2 || output == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _ ("Usage: appeal-desk-cli package ID -o FILE [--allow-gaps] [--letter LANGUAGE:FILE]"));
      return DESK_CLI_EXIT_USAGE;
    }
  if ((id = desk_cli_parse_id (ctx->argv[1], error)) == 0)
    return DESK_CLI_EXIT_USAGE;
  if (!(plan = desk_package_plan_new (ctx->session, id, error)) || !add_letters (plan, letters, error))
    return DESK_CLI_EXIT_FAILED;
  result = desk_package_write (plan, output, allow_gaps ? DESK_PACKAGE_ALLOW_GAPS : DESK_PACKAGE_FLAGS_NONE, NULL,
                               isatty (2) ? progress_cb : NULL, NULL, error);
  if (isatty (2))
    g_printerr ("\n");
  if (result == NULL)
    return DESK_CLI_EXIT_FAILED;
  print_result (ctx, plan, result);
  return 0;
}

int
desk_cli_verify (DeskCliContext *ctx,
                 GError        **error)
{
  g_autoptr (DeskPackageReport) report = NULL;

  if (!desk_cli_parse (ctx, _ ("FILE"), _ ("Check a complaint package: every file against its list. Names each missing, added or changed file."), NULL, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _ ("Usage: appeal-desk-cli verify FILE"));
      return DESK_CLI_EXIT_USAGE;
    }
  if (!(report = desk_package_verify (ctx->argv[1], NULL, error)))
    return DESK_CLI_EXIT_FAILED;
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *line = desk_package_problem_describe (g_ptr_array_index (report->problems, i));

      printf ("%s\n", line);
    }
  if (report->made_with_blocking_gaps)
    printf ("%s\n", _ ("Note: this package was made despite gaps in the authorization chain."));
  if (report->problems->len > 0)
    {
      /* Translators: %u is a number of problems */
      printf (g_dngettext (GETTEXT_PACKAGE, "The package does not match its list: %u problem.\n",
                           "The package does not match its list: %u problems.\n", report->problems->len),
              report->problems->len);
      return DESK_CLI_EXIT_FAILED;
    }
  /* Translators: %u is a number of files */
  printf (g_dngettext (GETTEXT_PACKAGE, "OK: %u file matches its list.\n", "OK: all %u files match their list.\n",
                       report->n_checked),
          report->n_checked);
  return 0;
}
