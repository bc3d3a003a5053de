/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-cli.h"
#include "desk-evidence-store.h"
#include "desk-util.h"

/* Messages may quote file names holding newlines: keep each on one line. */
static char *
one_line (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append (out, *p == '\t' ? "\\t" : (*p == '\n' ? "\\n" : "\\r"));
      else if ((guchar)*p < 0x20 || *p == 0x7f)
        g_string_append_printf (out, "\\x%02x", (guchar)*p);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
print_line (const char *label,
            const char *value)
{
  g_autofree char *safe = NULL;
  g_autofree char *padded = NULL;

  if (value == NULL || *value == '\0')
    return;
  safe = one_line (value);
  padded = desk_cli_pad (label, 10);
  printf ("    %s %s\n", padded, safe);
}

static void
print_time (const char *label,
            GDateTime  *time)
{
  g_autofree char *text = NULL;

  if (time == NULL)
    return;
  text = desk_time_format_local (time);
  print_line (label, text);
}

static void
print_metadata (DeskEvidence *evidence)
{
  g_auto (GStrv) warnings = desk_evidence_get_warnings (evidence, NULL);
  g_autofree char *summary = desk_evidence_describe (evidence);

  print_line (_ ("SHA-256:"), desk_evidence_get_sha256 (evidence));
  print_line (_ ("Type:"), desk_evidence_get_mime_type (evidence));
  print_line (_ ("Summary:"), summary);
  print_line (_ ("Title:"), desk_evidence_get_pdf_title (evidence));
  print_line (_ ("Author:"), desk_evidence_get_pdf_author (evidence));
  print_line (_ ("Producer:"), desk_evidence_get_pdf_producer (evidence));
  print_time (_ ("Created:"), desk_evidence_get_pdf_created (evidence));
  print_time (_ ("Modified:"), desk_evidence_get_pdf_modified (evidence));
  print_line (_ ("Taken:"), desk_evidence_get_exif_date (evidence));
  if (desk_evidence_get_encrypted (evidence))
    print_line (_ ("Encrypted:"), _ ("yes (needs a password to open)"));
  if (desk_evidence_get_page_count (evidence) > 0)
    print_line (_ ("Text:"), desk_evidence_get_text_layer_unknown (evidence) ? _ ("unknown (reading was stopped)")
                             : desk_evidence_get_scan_only (evidence)        ? _ ("none (scanned pages)")
                                                                             : _ ("yes"));
  print_line (_ ("Note:"), desk_evidence_get_source_note (evidence));
  for (guint i = 0; warnings[i]; i++)
    print_line (_ ("Warning:"), warnings[i]);
}

static void
print_added (DeskEvidence *evidence,
             gboolean      was_new)
{
  g_autofree char *name = desk_evidence_dup_display_name (evidence);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, desk_evidence_get_id (evidence));

  /* Translators: %s is an item number, then a file name */
  printf (was_new ? _ ("Stored #%s “%s”\n") : _ ("Already stored #%s “%s” (same content, stored once)\n"),
          id, name);
  print_metadata (evidence);
}

static void
json_error (JsonBuilder *builder,
            const char  *arg,
            GError      *error)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, arg);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error->message);
  json_builder_end_object (builder);
}

/* Adds one file; reports on stdout, or a one-line reason on stderr. */
static gboolean
add_one (DeskCliContext *ctx,
         JsonBuilder    *builder,
         const char     *arg,
         gint64          case_id,
         const char     *note)
{
  g_autoptr (GFile) file = g_file_new_for_path (arg);
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskEvidence) evidence = NULL;
  gboolean was_new = FALSE;

  evidence = desk_evidence_add (ctx->store, file, case_id, note, NULL, NULL, NULL, &was_new, &error);
  if (evidence == NULL)
    {
      g_autofree char *line = one_line (error->message);

      g_printerr ("appeal-desk-cli: %s\n", line);
      if (builder)
        json_error (builder, arg, error);
      return FALSE;
    }
  if (builder)
    desk_evidence_to_json (evidence, builder);
  else
    print_added (evidence, was_new);
  return TRUE;
}

static gboolean
usage (GError    **error,
       const char *message)
{
  if (error && !*error)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
  return FALSE;
}

static int
evidence_add (DeskCliContext *ctx,
              GError        **error)
{
  gboolean         library = FALSE;
  g_autofree char *note = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_NONE, &library, N_ ("Add to the library only, without a case"), NULL },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_ ("Where the files come from"), N_ ("TEXT") },
    { NULL }
  };
  gint64 case_id = 0;
  int    first = 1, failed = 0;

  if (!desk_cli_parse (ctx, _ ("[ID] FILE…"), _ ("Copy files into the evidence store (once per content) and add them to case ID, or to the library with --library. Use “--” before file names that start with “-”."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (!library && (ctx->argc < 2 || !(case_id = desk_cli_parse_id (ctx->argv[first++], error))))
    return usage (error, _ ("Give a case number, or --library.")), DESK_CLI_EXIT_USAGE;
  if (first < ctx->argc && g_str_equal (ctx->argv[first], "--"))
    first++;
  if (first >= ctx->argc)
    return usage (error, _ ("Give at least one file.")), DESK_CLI_EXIT_USAGE;
  if (ctx->json)
    json_builder_begin_array ((builder = json_builder_new ()));
  for (int i = first; i < ctx->argc; i++)
    failed += !add_one (ctx, builder, ctx->argv[i], case_id, note);
  if (builder)
    {
      json_builder_end_array (builder);
      desk_cli_print_json (builder);
    }
  return failed ? DESK_CLI_EXIT_FAILED : 0;
}

static void
print_item_line (DeskEvidence *evidence)
{
  g_autofree char *name = desk_evidence_dup_display_name (evidence);
  g_autofree char *summary = desk_evidence_describe (evidence);
  char             sha[13] = { 0 };

  g_strlcpy (sha, desk_evidence_get_sha256 (evidence), sizeof sha);
  printf ("%6" G_GINT64_FORMAT "  %s  %-32s  %s", desk_evidence_get_id (evidence), sha, summary, name);
  if (desk_evidence_get_in_library (evidence))
    printf ("  [%s]", _ ("library"));
  printf ("\n");
}

static void
print_list (DeskStore *store,
            GPtrArray *items,
            gboolean   with_cases)
{
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr (GPtrArray) cases = NULL;

      print_item_line (items->pdata[i]);
      if (!with_cases)
        continue;
      cases = desk_evidence_list_cases (store, desk_evidence_get_id (items->pdata[i]), NULL);
      for (guint j = 0; cases && j < cases->len; j++)
        {
          g_autofree char *title = one_line (desk_case_get_title (cases->pdata[j]));

          /* Translators: a case that uses an evidence item: number and title */
          printf (_ ("        used by case %d: %s\n"), (int)desk_case_get_id (cases->pdata[j]), title);
        }
    }
}

static int
evidence_list (DeskCliContext *ctx,
               GError        **error)
{
  gboolean         json = ctx->json;
  g_autofree char *query = NULL;
  g_autoptr (GPtrArray) items = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { "search", 's', 0, G_OPTION_ARG_STRING, &query, N_ ("Only items whose name, note or SHA-256 matches"), N_ ("TEXT") },
    { NULL }
  };
  g_autoptr (DeskCase) kase = NULL;
  gint64 case_id = 0;

  if (!desk_cli_parse (ctx, _ ("[ID]"), _ ("List the evidence of case ID, or the whole library."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc > 2 || (ctx->argc == 2 && !(case_id = desk_cli_parse_id (ctx->argv[1], error))))
    return usage (error, _ ("Give at most one case number.")), DESK_CLI_EXIT_USAGE;
  if (case_id && !(kase = desk_store_get_case (ctx->store, case_id, error)))
    return DESK_CLI_EXIT_FAILED;
  items = case_id ? desk_evidence_list_for_case (ctx->store, case_id, error)
                  : desk_evidence_list_all (ctx->store, query, error);
  if (items == NULL)
    return DESK_CLI_EXIT_FAILED;
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        desk_evidence_to_json (items->pdata[i], builder);
      json_builder_end_array (builder);
      desk_cli_print_json (builder);
    }
  else if (items->len == 0)
    printf ("%s\n", _ ("No evidence yet. Add files with “appeal-desk-cli evidence add ID FILE…”."));
  else
    print_list (ctx->store, items, case_id == 0);
  return 0;
}

static int
evidence_remove (DeskCliContext *ctx,
                 GError        **error)
{
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autoptr (DeskEvidence) after = NULL;
  gint64 case_id;

  if (!desk_cli_parse (ctx, _ ("ID ITEM"), _ ("Remove evidence ITEM (number or SHA-256 prefix) from case ID. Its file is deleted when no other case uses it and it is not kept in the library."), NULL, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 3 || !(case_id = desk_cli_parse_id (ctx->argv[1], error)))
    return usage (error, _ ("Give a case number and an evidence item.")), DESK_CLI_EXIT_USAGE;
  if (!(evidence = desk_evidence_lookup (ctx->store, ctx->argv[2], error))
      || !desk_evidence_detach (ctx->store, case_id, desk_evidence_get_id (evidence), error))
    return DESK_CLI_EXIT_FAILED;
  if (ctx->json)
    return 0;
  after = desk_evidence_get (ctx->store, desk_evidence_get_id (evidence), NULL);
  /* Translators: %d are an evidence item number and a case number */
  printf (_ ("Removed item %d from case %d.\n"), (int)desk_evidence_get_id (evidence), (int)case_id);
  if (after == NULL)
    printf ("%s\n", _ ("Its file was deleted: no other case used it."));
  return 0;
}

int
desk_cli_evidence (DeskCliContext *ctx,
                   GError        **error)
{
  DeskCliContext sub = *ctx;
  const char    *verb = ctx->argc > 1 ? ctx->argv[1] : NULL;
  int            status;

  sub.argc = ctx->argc - 1;
  sub.argv = ctx->argv + 1;
  if (g_strcmp0 (verb, "add") == 0)
    status = evidence_add (&sub, error);
  else if (g_strcmp0 (verb, "list") == 0)
    status = evidence_list (&sub, error);
  else if (g_strcmp0 (verb, "remove") == 0)
    status = evidence_remove (&sub, error);
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s",
                   _ ("Usage: appeal-desk-cli evidence add ID FILE… | add --library FILE… | list [ID] [--json] | remove ID ITEM"));
      return DESK_CLI_EXIT_USAGE;
    }
  return status;
}
