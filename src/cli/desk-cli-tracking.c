/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "desk-attempts.h"
#include "desk-cli.h"
#include "desk-closure.h"
#include "desk-evidence-store.h"
#include "desk-evidence.h"
#include "desk-json.h"
#include "desk-reply.h"
#include "desk-session.h"
#include "desk-timeline.h"
#include "desk-util.h"

/* timeline, reply, close, reopen: the same core calls as the case page. */

static gboolean
usage (GError    **error,
       const char *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
  return FALSE;
}

/* "2026-03-12T09:00:00Z", "2026-03-12 09:00" (local) or "2026-03-12" (local midnight). */
static GDateTime *
parse_time (const char *text,
            GError    **error)
{
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *iso = NULL;
  GDateTime       *time;

  if (text == NULL)
    return NULL;
  if (strlen (text) == 10)
    iso = g_strconcat (text, "T00:00:00", NULL);
  else
    iso = g_strdelimit (g_strdup (text), " ", 'T');
  if (strlen (iso) == 16)
    {
      char *longer = g_strconcat (iso, ":00", NULL);

      g_free (iso);
      iso = longer;
    }
  if ((time = g_date_time_new_from_iso8601 (iso, local)) != NULL)
    return time;
  /* Translators: %s is what the user typed */
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _ ("“%s” is not a date and time. Write it like 2026-03-12 09:30."), text);
  return NULL;
}

static DeskCase *
load_case (DeskCliContext *ctx,
           const char     *arg,
           GError        **error)
{
  gint64 id = desk_cli_parse_id (arg, error);

  return id ? desk_store_get_case (ctx->store, id, error) : NULL;
}

/* Adds each file as evidence of the case; 0-terminated ids. */
static gint64 *
add_attachments (DeskCliContext *ctx,
                 DeskCase       *kase,
                 char          **paths,
                 GError        **error)
{
  guint   n = paths ? g_strv_length (paths) : 0;
  gint64 *ids = g_new0 (gint64, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr (DeskEvidence) evidence = desk_evidence_add (ctx->store, file, desk_case_get_id (kase), NULL,
                                                             NULL, NULL, NULL, NULL, error);

      if (evidence == NULL)
        {
          g_free (ids);
          return NULL;
        }
      ids[i] = desk_evidence_get_id (evidence);
    }
  return ids;
}

static void
entry_to_json (JsonBuilder       *builder,
               DeskTimelineEntry *e)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  json_builder_begin_object (builder);
  desk_json_add_int (builder, "id", e->id);
  desk_json_add_time (builder, "at", e->at);
  desk_json_add_text (builder, "kind", e->kind);
  desk_json_add_text (builder, "text", e->text);
  desk_json_add_time (builder, "edited_at", e->edited_at);
  if (json_parser_load_from_data (parser, e->details ? e->details : "{}", -1, NULL))
    {
      json_builder_set_member_name (builder, "details");
      json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
    }
  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; e->evidence_ids && e->evidence_ids[i]; i++)
    json_builder_add_int_value (builder, e->evidence_ids[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static int
timeline_list (DeskCliContext *ctx,
               DeskCase       *kase,
               GError        **error)
{
  g_autoptr (GPtrArray) entries = desk_store_list_timeline (ctx->store, desk_case_get_id (kase), error);
  g_autoptr (JsonBuilder) builder = ctx->json ? json_builder_new () : NULL;

  if (entries == NULL)
    return DESK_CLI_EXIT_FAILED;
  if (builder)
    json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      DeskTimelineEntry *e = entries->pdata[i];
      g_autofree char   *when = desk_time_format_local (e->at);
      g_autofree char   *line = desk_timeline_entry_describe (e);
      g_autofree char   *first = g_strndup (line, strcspn (line, "\n"));
      guint              n = desk_timeline_entry_get_n_evidence (e);

      if (builder)
        {
          entry_to_json (builder, e);
          continue;
        }
      printf ("%5" G_GINT64_FORMAT "  %s  %s%s", e->id, when, first, strchr (line, '\n') ? " …" : "");
      if (n > 0)
        /* Translators: after a timeline line: how many files are attached */
        printf (g_dngettext (GETTEXT_PACKAGE, " [%u attachment]", " [%u attachments]", n), n);
      printf ("\n");
    }
  if (builder)
    {
      json_builder_end_array (builder);
      desk_cli_print_json (builder);
    }
  return 0;
}

static int
timeline_add (DeskCliContext *ctx,
              DeskCase       *kase,
              const char     *kind_id,
              const char     *text,
              GDateTime      *at,
              char          **attach,
              GError        **error)
{
  DeskTimelineKind   kind = desk_timeline_kind_from_id (kind_id);
  g_autofree gint64 *ids = NULL;
  g_autofree char   *number = NULL;
  gint64             id;

  if (!desk_timeline_kind_is_manual (kind) || kind == DESK_TIMELINE_REPLY)
    return usage (error, _ ("Choose what to log: note, call, submitted, package or attempt (replies: use “reply”).")) ? 0 : DESK_CLI_EXIT_USAGE;
  if (!(ids = add_attachments (ctx, kase, attach, error)))
    return DESK_CLI_EXIT_FAILED;
  if (!(id = desk_timeline_add (ctx->store, desk_case_get_id (kase), kind, at, text, NULL, ids, error)))
    return DESK_CLI_EXIT_FAILED;
  number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* Translators: %s is the number of the new timeline entry */
  printf (_ ("Logged entry %s\n"), number);
  return 0;
}

int
desk_cli_timeline (DeskCliContext *ctx,
                   GError        **error)
{
  g_autofree char *at_text = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) attach = NULL;
  g_autoptr (GDateTime) at = NULL;
  g_autoptr (DeskCase) kase = NULL;
  const char  *action;
  gint64       entry = 0;
  GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_ ("When it happened (default: now), e.g. 2026-03-12 09:30"), N_ ("TIME") },
    { "attach", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &attach, N_ ("Attach a file as evidence (repeatable)"), N_ ("FILE") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_ ("New text (edit)"), N_ ("TEXT") },
    { NULL },
  };

  if (!desk_cli_parse (ctx, _ ("ID [add KIND TEXT | edit ENTRY | delete ENTRY | restore ENTRY]"),
                       _ ("Show a case’s timeline, or log a note, call or chat, submission, package or appeal attempt."),
                       entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc < 2)
    return usage (error, _ ("Give the case number.")) ? 0 : DESK_CLI_EXIT_USAGE;
  if ((at_text && !(at = parse_time (at_text, error))) || !(kase = load_case (ctx, ctx->argv[1], error)))
    return at_text && !at ? DESK_CLI_EXIT_USAGE : DESK_CLI_EXIT_FAILED;
  if (ctx->argc == 2)
    return timeline_list (ctx, kase, error);
  action = ctx->argv[2];
  if (g_str_equal (action, "add"))
    {
      if (ctx->argc != 5)
        return usage (error, _ ("Write it as: timeline ID add KIND “TEXT”.")) ? 0 : DESK_CLI_EXIT_USAGE;
      return timeline_add (ctx, kase, ctx->argv[3], ctx->argv[4], at, attach, error);
    }
  if (ctx->argc != 4 || !(entry = desk_cli_parse_id (ctx->argv[3], error)))
    return usage (error, _ ("Give the entry number shown by “timeline ID”.")) ? 0 : DESK_CLI_EXIT_USAGE;
  if (g_str_equal (action, "edit"))
    return desk_timeline_edit (ctx->store, entry, at, text, NULL, error) ? 0 : DESK_CLI_EXIT_FAILED;
  if (g_str_equal (action, "delete"))
    {
      if (!desk_timeline_delete (ctx->store, entry, error))
        return DESK_CLI_EXIT_FAILED;
      printf ("%s\n", _ ("Entry deleted. Undo with “timeline ID restore ENTRY”."));
      return 0;
    }
  if (g_str_equal (action, "restore"))
    return desk_timeline_restore (ctx->store, entry, error) ? 0 : DESK_CLI_EXIT_FAILED;
  return usage (error, _ ("Unknown action: use add, edit, delete or restore.")) ? 0 : DESK_CLI_EXIT_USAGE;
}

static void
print_reply (DeskReply *reply)
{
  printf ("%s %s\n", _ ("Verdict:"), desk_reply_verdict_get_label (reply->verdict));
  for (guint i = 0; reply->reasons[i]; i++)
    printf ("%s %s\n", _ ("Reason:"), reply->reasons[i]);
  if (reply->new_deadline)
    {
      g_autofree char *when = desk_time_format_local (reply->new_deadline);
      printf ("%s %s\n", _ ("New deadline:"), when);
    }
  if (reply->second_appeal_until)
    {
      g_autofree char *when = desk_time_format_local (reply->second_appeal_until);
      printf ("%s %s%s\n", _ ("Further appeal until:"), when,
              reply->second_appeal_from_pack ? _ (" (from the platform’s usual rules; check the reply)") : "");
    }
}

int
desk_cli_reply (DeskCliContext *ctx,
                GError        **error)
{
  g_autofree char   *received_text = NULL;
  g_autofree char   *text = NULL;
  g_autofree gint64 *ids = NULL;
  g_auto (GStrv) attach = NULL;
  g_autoptr (GDateTime) received = NULL;
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (DeskReply) reply = NULL;
  DeskRulePack *pack;
  GOptionEntry  entries[] = {
     { "received", 0, 0, G_OPTION_ARG_STRING, &received_text, N_ ("When the reply arrived (default: now)"), N_ ("TIME") },
     { "attach", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &attach, N_ ("Attach a file the platform sent (repeatable)"), N_ ("FILE") },
     { NULL },
  };

  if (!desk_cli_parse (ctx, _ ("ID FILE"), _ ("Record the platform’s reply (FILE, or - for standard input) exactly as received."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 3)
    return usage (error, _ ("Give the case number and the file holding the reply.")) ? 0 : DESK_CLI_EXIT_USAGE;
  if (received_text && !(received = parse_time (received_text, error)))
    return DESK_CLI_EXIT_USAGE;
  if (!(kase = load_case (ctx, ctx->argv[1], error)) || !(text = desk_cli_read_text (ctx->argv[2], error)))
    return DESK_CLI_EXIT_FAILED;
  pack = desk_session_get_pack (ctx->session, desk_case_get_platform (kase));
  reply = desk_reply_decode (text, received, pack, desk_case_get_case_type (kase));
  if (!(ids = add_attachments (ctx, kase, attach, error)) || !desk_reply_record (ctx->store, kase, reply, ids, error))
    return DESK_CLI_EXIT_FAILED;
  print_reply (reply);
  /* Translators: %s is the case's new status */
  printf (_ ("Case status: %s\n"), desk_case_status_get_label (desk_case_get_status (kase)));
  return 0;
}

static void
print_causes (DeskCliContext *ctx,
              DeskCase       *kase)
{
  DeskRulePack        *pack = desk_session_get_pack (ctx->session, desk_case_get_platform (kase));
  const DeskCaseRules *rules = pack ? desk_rule_pack_get_case_rules (pack, desk_case_get_case_type (kase)) : NULL;

  for (guint i = 0; rules && i < desk_case_rules_get_n_root_causes (rules); i++)
    printf ("  %-24s %s\n", desk_case_rules_get_root_cause_id (rules, i),
            desk_case_rules_get_root_cause_label (rules, i, DESK_RULE_LANGUAGE_CURRENT));
}

/* "Renew the CE certificate@2026-04-30" or without a date. */
static DeskFollowUp *
parse_follow_up (const char *arg,
                 GError    **error)
{
  const char      *at = strrchr (arg, '@');
  g_autofree char *text = at ? g_strndup (arg, at - arg) : g_strdup (arg);
  g_autoptr (GDateTime) due = NULL;

  if (at && !(due = parse_time (at + 1, error)))
    return NULL;
  return desk_follow_up_new (text, due);
}

int
desk_cli_close (DeskCliContext *ctx,
                GError        **error)
{
  g_autofree char *outcome = NULL;
  g_autofree char *cause = NULL;
  g_autofree char *note = NULL;
  g_auto (GStrv) follow = NULL;
  gboolean list = FALSE;
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (GPtrArray) follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_follow_up_free);
  GOptionEntry entries[] = {
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome, N_ ("restored, partly-restored, rejected or withdrawn"), N_ ("OUTCOME") },
    { "root-cause", 0, 0, G_OPTION_ARG_STRING, &cause, N_ ("Root cause id (see --list-causes)"), N_ ("ID") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_ ("The root cause in your own words"), N_ ("TEXT") },
    { "follow-up", 0, 0, G_OPTION_ARG_STRING_ARRAY, &follow, N_ ("A follow-up action, optionally with a due date: “TEXT@2026-04-30” (repeatable)"), N_ ("ACTION") },
    { "list-causes", 0, 0, G_OPTION_ARG_NONE, &list, N_ ("List the root causes for this case’s type"), NULL },
    { NULL },
  };

  if (!desk_cli_parse (ctx, _ ("ID"), _ ("Close a case: outcome, root cause and follow-up actions."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2)
    return usage (error, _ ("Give the case number.")) ? 0 : DESK_CLI_EXIT_USAGE;
  if (!(kase = load_case (ctx, ctx->argv[1], error)))
    return DESK_CLI_EXIT_FAILED;
  if (list)
    {
      print_causes (ctx, kase);
      return 0;
    }
  if (desk_outcome_from_id (outcome) == DESK_OUTCOME_NONE)
    return usage (error, _ ("Give the outcome: --outcome restored, partly-restored, rejected or withdrawn.")) ? 0 : DESK_CLI_EXIT_USAGE;
  for (guint i = 0; follow && follow[i]; i++)
    {
      DeskFollowUp *f = parse_follow_up (follow[i], error);

      if (f == NULL)
        return DESK_CLI_EXIT_USAGE;
      g_ptr_array_add (follow_ups, f);
    }
  if (!desk_closure_close (ctx->store, kase, desk_outcome_from_id (outcome), cause, note, follow_ups, NULL, error))
    return DESK_CLI_EXIT_FAILED;
  /* Translators: %s is an outcome such as "Restored" */
  printf (_ ("Case closed: %s\n"), desk_outcome_get_label (desk_outcome_from_id (outcome)));
  return 0;
}

int
desk_cli_reopen (DeskCliContext *ctx,
                 GError        **error)
{
  g_autofree char *status = NULL;
  g_autofree char *reason = NULL;
  g_autoptr (DeskCase) kase = NULL;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("New status: pending (default), draft or submitted"), N_ ("STATUS") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_ ("Why the case is re-opened"), N_ ("TEXT") },
    { NULL },
  };

  if (!desk_cli_parse (ctx, _ ("ID"), _ ("Re-open a closed case."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2)
    return usage (error, _ ("Give the case number.")) ? 0 : DESK_CLI_EXIT_USAGE;
  if (!(kase = load_case (ctx, ctx->argv[1], error)))
    return DESK_CLI_EXIT_FAILED;
  if (!desk_closure_reopen (ctx->store, kase, status ? desk_case_status_from_id (status) : DESK_CASE_STATUS_PENDING, reason, error))
    return DESK_CLI_EXIT_FAILED;
  printf (_ ("Case status: %s\n"), desk_case_status_get_label (desk_case_get_status (kase)));
  return 0;
}

/* The demo: what happened after submission in some demo cases
 * (data/demo/demo-tracking.json), through the same core calls. */

static const char *
localized (JsonObject *obj,
           const char *member)
{
  const char *const *langs = g_get_language_names ();
  g_autofree char   *zh = g_strconcat (member, "_zh", NULL);

  if (langs[0] && g_str_has_prefix (langs[0], "zh") && json_object_has_member (obj, zh))
    return json_object_get_string_member (obj, zh);
  return json_object_get_string_member (obj, member);
}

static gboolean
demo_event (DeskCliContext *ctx,
            DeskCase       *kase,
            JsonObject     *event,
            GDateTime      *now,
            GError        **error)
{
  g_autoptr (GDateTime) at = g_date_time_add_hours (now, -json_object_get_int_member (event, "hours_ago"));
  DeskTimelineKind kind = desk_timeline_kind_from_id (json_object_get_string_member (event, "kind"));

  if (kind == DESK_TIMELINE_ATTEMPT)
    return desk_attempts_record (ctx->store, kase, json_object_get_string_member (event, "product"), FALSE, at, NULL, error) > 0;
  if (kind == DESK_TIMELINE_REPLY)
    {
      DeskRulePack *pack = desk_session_get_pack (ctx->session, desk_case_get_platform (kase));
      g_autoptr (DeskReply) reply = desk_reply_decode (json_object_get_string_member (event, "text"), at, pack,
                                                       desk_case_get_case_type (kase));

      return desk_reply_record (ctx->store, kase, reply, NULL, error) > 0;
    }
  return desk_timeline_add (ctx->store, desk_case_get_id (kase), kind, at, localized (event, "text"), NULL, NULL, error) > 0;
}

static gboolean
demo_close (DeskCliContext *ctx,
            DeskCase       *kase,
            JsonObject     *close,
            GDateTime      *now,
            GError        **error)
{
  g_autoptr (GDateTime) at = g_date_time_add_hours (now, -json_object_get_int_member (close, "hours_ago"));
  g_autoptr (GPtrArray) follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_follow_up_free);
  JsonArray *list = json_object_get_array_member (close, "follow_ups");

  for (guint i = 0; list && i < json_array_get_length (list); i++)
    {
      JsonObject *f = json_array_get_object_element (list, i);
      g_autoptr (GDateTime) due = g_date_time_add_days (now, (int)json_object_get_int_member (f, "due_days"));

      g_ptr_array_add (follow_ups, desk_follow_up_new (localized (f, "text"), due));
    }
  return desk_closure_close (ctx->store, kase, desk_outcome_from_id (json_object_get_string_member (close, "outcome")),
                             json_object_get_string_member (close, "root_cause"), localized (close, "note"),
                             follow_ups, at, error);
}

gboolean
desk_cli_tracking_demo (DeskCliContext *ctx,
                        DeskCase       *kase,
                        guint           index,
                        GDateTime      *now,
                        GError        **error)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data ("/io/github/appealdesk/AppealDesk/demo/demo-tracking.json", 0, error);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *key = g_strdup_printf ("%u", index);
  JsonObject      *cases, *one;
  JsonArray       *events;

  if (bytes == NULL
      || !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;
  cases = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "cases");
  if (!json_object_has_member (cases, key))
    return TRUE;
  one = json_object_get_object_member (cases, key);
  events = json_object_get_array_member (one, "events");
  for (guint i = 0; events && i < json_array_get_length (events); i++)
    if (!demo_event (ctx, kase, json_array_get_object_element (events, i), now, error))
      return FALSE;
  return !json_object_has_member (one, "close")
         || demo_close (ctx, kase, json_object_get_object_member (one, "close"), now, error);
}
