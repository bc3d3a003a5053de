/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <gio/gunixinputstream.h>
#include <string.h>

#include "chain/desk-chain.h"
#include "desk-checklist.h"
#include "desk-cli.h"
#include "desk-evidence-store.h"
#include "desk-util.h"
#include "package/desk-package.h"

typedef struct
{
  const char    *name;
  DeskCliCommand run;
  const char    *summary;
} Command;

/* One line per subcommand; summaries are translated when printed. */
static const Command commands[] = {
  { "list", desk_cli_list, N_ ("List cases, most urgent first") },
  { "show", desk_cli_show, N_ ("Show one case with its notice and timeline") },
  { "new", desk_cli_new, N_ ("Create a case from options or a JSON file") },
  { "delete", desk_cli_delete, N_ ("Delete a case") },
  { "demo", desk_cli_demo, N_ ("Add realistic demo cases") },
  { "checklist", desk_cli_checklist, N_ ("Show a case’s evidence checklist or set an item’s state") },
  { "attempt", desk_cli_attempt, N_ ("Record a submitted appeal, after checking it against the platform’s limits") },
  { "attempts", desk_cli_attempts, N_ ("List a case’s appeal attempts") },
  { "evidence", desk_cli_evidence, N_ ("Add, list or remove evidence files") },
  { "decode", desk_cli_decode, N_ ("Show what is read from a notice, without creating a case") },
  { "letter", desk_cli_letter, N_ ("Print or check a case’s appeal letter (en, ru, zh)") },
  { "lint", desk_cli_lint, N_ ("Check any letter text for risky wording and the platform’s length limit") },
  { "package", desk_cli_package, N_ ("Make a case’s complaint package (.zip)") },
  { "verify", desk_cli_verify, N_ ("Check a complaint package against its list of files") },
  { "timeline", desk_cli_timeline, N_ ("List, add, edit, delete or restore a case’s timeline entries") },
  { "reply", desk_cli_reply, N_ ("Record the platform’s reply to an appeal, read from a file") },
  { "close", desk_cli_close, N_ ("Close a case with its outcome, root cause and follow-up actions") },
  { "reopen", desk_cli_reopen, N_ ("Re-open a closed case") },
  { "report", desk_cli_report, N_ ("Write a case’s closure report (PDF)") },
  { "chain", desk_cli_chain, N_ ("Show a case’s brand authorization chain and its gaps, or set it") },
  { "profile", desk_cli_profile, N_ ("Show or set your seller profile (company names, store IDs)") },
  { "metrics", desk_cli_metrics, N_ ("Read a campaign case’s order export: exit day and re-entry") },
  { "post-mortem", desk_cli_post_mortem, N_ ("Show or write a campaign case’s post-mortem") },
  { "watch", desk_cli_watch, N_ ("Keep an eye on resellers’ listings of a case") },
  { "capture", desk_cli_capture, N_ ("Save a web page as evidence, with its time and fingerprints") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _ ("Usage: appeal-desk-cli [--json] [--data-dir DIR] COMMAND [ARGS…]"));
  fprintf (out, "%s\n", _ ("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _ (commands[i].summary));
  fprintf (out, "\n%s\n", _ ("Run “appeal-desk-cli COMMAND --help” for the options of a command."));
}

gboolean
desk_cli_parse (DeskCliContext *ctx,
                const char     *parameter_string,
                const char     *summary,
                GOptionEntry   *entries,
                GError        **error)
{
  g_autoptr (GOptionContext) context = g_option_context_new (parameter_string);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, &ctx->argc, &ctx->argv, error);
}

/* printf's %-Ns counts bytes; a terminal shows CJK characters two cells wide. */
char *
desk_cli_pad (const char *text,
              int         width)
{
  GString *out = g_string_new (text);
  int      cells = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      cells += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2
                                                                    : 1;
    }
  for (; cells < width; cells++)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

gint64
desk_cli_parse_id (const char *text,
                   GError    **error)
{
  guint64 id = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      /* Translators: %s is what the user typed instead of a case number */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("“%s” is not a case number. Use the number shown by “appeal-desk-cli list”."),
                   text ? text : "");
      return 0;
    }
  return id;
}

void
desk_cli_print_json (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

char *
desk_cli_read_file (const char *path,
                    gsize      *len_out,
                    GError    **error)
{
  char *contents = NULL;
  gsize len = 0;

  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr (GInputStream) in = g_unix_input_stream_new (0, FALSE);
      g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();

      gssize n = g_output_stream_splice (out, in, 0, NULL, error);

      if (n < 0)
        return NULL;
      g_output_stream_write (out, "", 1, NULL, NULL);
      g_output_stream_close (out, NULL, NULL);
      if (len_out)
        *len_out = n;
      return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
    }
  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  if (len_out)
    *len_out = len;
  return contents;
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* Global options come before the command; the rest is the command's. */
static int
split_global (int argc, char **argv, gboolean *json, char **data_dir)
{
  int i = 1;

  for (; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        *json = TRUE;
      else if (g_str_equal (argv[i], "--data-dir") && i + 1 < argc)
        *data_dir = argv[++i];
      else if (g_str_has_prefix (argv[i], "--data-dir="))
        *data_dir = argv[i] + strlen ("--data-dir=");
      else
        return -1;
    }
  return i;
}

/* The core's messages say what is wrong; the command line adds how to
 * look it up here. */
static const char *
cli_hint (const GError *error)
{
  if (g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND))
    return _ ("Run “appeal-desk-cli list” to see the case numbers.");
  if (g_error_matches (error, DESK_CHECKLIST_ERROR, DESK_CHECKLIST_ERROR_NOT_FOUND))
    return _ ("Run “appeal-desk-cli checklist” with the case number to see its items.");
  if (g_error_matches (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_NOT_FOUND)
      || g_error_matches (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_AMBIGUOUS))
    return _ ("List the items with “appeal-desk-cli evidence list”.");
  if (g_error_matches (error, DESK_CHAIN_ERROR, DESK_CHAIN_ERROR_NO_EVIDENCE))
    return _ ("Add the file with “appeal-desk-cli evidence add” and use the number it prints; “appeal-desk-cli evidence list” shows the numbers.");
  if (g_error_matches (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_BLOCKING_GAPS))
    return _ ("To make the package anyway, add --allow-gaps.");
  return NULL;
}

/* "--json" is accepted after the command too ("list --json"), as people type it. */
static void
take_json_option (DeskCliContext *ctx)
{
  int kept = 1;

  for (int i = 1; i < ctx->argc; i++)
    {
      if (g_str_equal (ctx->argv[i], "--"))
        {
          for (; i < ctx->argc; i++)
            ctx->argv[kept++] = ctx->argv[i];
          break;
        }
      if (g_str_equal (ctx->argv[i], "--json"))
        ctx->json = TRUE;
      else
        ctx->argv[kept++] = ctx->argv[i];
    }
  ctx->argc = kept;
}

static int
run (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  DeskCliContext ctx = { 0 };
  const Command *command;
  char          *data_dir = NULL;
  int            first, status;

  first = split_global (argc, argv, &ctx.json, &data_dir);
  if (first < 0 || first >= argc)
    {
      print_usage (first < 0 ? stderr : stdout);
      return first < 0 || argc > 1 ? DESK_CLI_EXIT_USAGE : 0;
    }
  if (g_str_equal (argv[first], "help"))
    {
      print_usage (stdout);
      return 0;
    }
  if (!(command = find_command (argv[first])))
    {
      /* Translators: %s is the unknown command */
      g_printerr (_ ("appeal-desk-cli: unknown command “%s”.\n"), argv[first]);
      print_usage (stderr);
      return DESK_CLI_EXIT_USAGE;
    }
  ctx.argc = argc - first;
  ctx.argv = argv + first;
  take_json_option (&ctx);
  /* decode, which opens no store, finds the user's rule packs there too. */
  if (data_dir != NULL)
    g_setenv ("APPEAL_DESK_DATA_DIR", data_dir, TRUE);
  /* decode reads a file and saves nothing: it needs no database. */
  if (command->run != desk_cli_decode && !(ctx.session = desk_session_new (data_dir, &error)))
    {
      g_printerr ("appeal-desk-cli: %s\n", error->message);
      return DESK_CLI_EXIT_FAILED;
    }
  ctx.store = ctx.session ? desk_session_get_store (ctx.session) : NULL;
  status = command->run (&ctx, &error);
  if (status != 0 && error)
    {
      const char *hint = cli_hint (error);

      g_printerr ("appeal-desk-cli: %s%s%s\n", error->message, hint ? " " : "", hint ? hint : "");
    }
  ctx.store = NULL;
  g_clear_object (&ctx.session);
  return status;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, desk_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return run (argc, argv);
}

char *
desk_cli_read_text (const char *path,
                    GError    **error)
{
  gsize            len = 0;
  g_autofree char *data = desk_cli_read_file (path, &len, error);

  if (data == NULL)
    return NULL;
  if (memchr (data, '\0', len))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name */
                   _ ("%s holds an invisible zero character (NUL) and is not plain text. Save it as UTF-8 text and try again."), path);
      return NULL;
    }
  return g_steal_pointer (&data);
}
