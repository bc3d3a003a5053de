/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-attempts.h"
#include "desk-submission.h"
#include "desk-checklist.h"
#include "desk-cli.h"
#include "desk-util.h"

/* Shared helpers */

static DeskCase *
load_case (DeskCliContext *ctx,
           const char     *id_text,
           int            *status,
           GError        **error)
{
  gint64    id = desk_cli_parse_id (id_text, error);
  DeskCase *kase;

  *status = DESK_CLI_EXIT_USAGE;
  if (id == 0)
    return NULL;
  *status = DESK_CLI_EXIT_FAILED;
  if (!(kase = desk_store_get_case (ctx->store, id, error)))
    return NULL;
  *status = 0;
  return kase;
}

static DeskRulePack *
pack_for (DeskCliContext *ctx,
          DeskCase       *kase)
{
  return desk_session_get_pack (ctx->session, desk_case_get_platform (kase));
}

static int
usage (GError    **error,
       const char *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return DESK_CLI_EXIT_USAGE;
}

void
desk_cli_report_rule_problems (DeskCliContext *ctx)
{
  static gboolean reported = FALSE;
  GPtrArray      *problems;

  if (reported)
    return;
  reported = TRUE;
  problems = desk_rule_registry_get_problems (desk_session_get_rules (ctx->session));
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("appeal-desk-cli: %s\n", ((GError *)problems->pdata[i])->message);
}

void
desk_cli_checklist_print_created (DeskCliContext *ctx,
                                  DeskCase       *kase)
{
  g_autoptr (GPtrArray) items = desk_checklist_list (ctx->session, desk_case_get_id (kase), NULL);
  DeskRulePack    *pack = pack_for (ctx, kase);
  g_autofree char *label = NULL;
  guint            n = items ? items->len : 0;

  if (n == 0 || pack == NULL)
    return;
  label = desk_rule_pack_get_label (pack);
  /* Translators: "Evidence checklist: 5 items from AliExpress rules v1.0 (effective 2026-03-12)." */
  printf (g_dngettext (GETTEXT_PACKAGE, "Evidence checklist: %u item from %s.\n",
                       "Evidence checklist: %u items from %s.\n", n),
          n, label);
}

/* Demo cases look worked on: the first item provided, every other case one
 * more, one item flagged; the Joom case was appealed 3 h ago, so the guard
 * has something to say about a second appeal. */
static gboolean
demo_states (DeskCliContext *ctx,
             GPtrArray      *items,
             guint           index,
             GError        **error)
{
  for (guint i = 0; i < items->len && i < 3; i++)
    {
      DeskChecklistItem *item = items->pdata[i];
      DeskChecklistState state = DESK_CHECKLIST_PROVIDED;
      const char        *note = NULL;

      if (i == 1 && index % 2 == 1)
        continue;
      if (i == 2)
        {
          if (index % 3 != 1)
            continue;
          state = DESK_CHECKLIST_NEEDS_ATTENTION;
          note = _ ("The scan is blurry: the product ID cannot be read. Scan it again.");
        }
      if (!desk_checklist_set_state (ctx->store, item->id, state, note, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
desk_cli_checklist_demo (DeskCliContext *ctx,
                         DeskCase       *kase,
                         guint           index,
                         GError        **error)
{
  g_autoptr (GPtrArray) items = NULL;
  const char *const *products = desk_case_get_product_ids (kase);

  if (!desk_checklist_create_for_case (ctx->store, desk_session_get_rules (ctx->session), kase, NULL, error)
      || !(items = desk_checklist_list (ctx->session, desk_case_get_id (kase), error))
      || !demo_states (ctx, items, index, error))
    return FALSE;
  if (desk_case_get_platform (kase) == DESK_PLATFORM_JOOM && products && products[0])
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr (GDateTime) at = g_date_time_add_hours (now, -3);

      return desk_attempts_record (ctx->store, kase, products[0], FALSE, at, NULL, error) > 0;
    }
  return TRUE;
}

/* checklist: printing */

static void
print_pack_header (DeskRulePack *pack,
                   DeskCase     *kase)
{
  g_autofree char *label = desk_rule_pack_get_label (pack);
  const char      *used = desk_case_get_rule_pack_version (kase);

  printf ("%s\n", label);
  if (used && *used && desk_rule_pack_compare_versions (used, desk_rule_pack_get_pack_version (pack)) != 0)
    /* Translators: the checklist was made from version %s of the rules; other rules are in force now */
    printf (_ ("This checklist was made with rules v%s; the labels below come from the rules in force now.\n"), used);
  printf ("\n");
}

static void
print_requirement (DeskRulePack            *pack,
                   DeskEvidenceRequirement *req)
{
  g_autofree char *sources = desk_rule_pack_describe_sources (pack, desk_evidence_requirement_get_source (req));
  g_autofree char *formats = g_strjoinv (", ", (char **)desk_evidence_requirement_get_formats (req));

  printf ("    %s %s\n", _ ("Why:"), desk_evidence_requirement_get_why (req, DESK_RULE_LANGUAGE_CURRENT));
  for (guint i = 0; i < desk_evidence_requirement_get_n_pitfalls (req); i++)
    printf ("    %s %s\n", _ ("Pitfall:"), desk_evidence_requirement_get_pitfall (req, i, DESK_RULE_LANGUAGE_CURRENT));
  if (*formats)
    printf ("    %s %s\n", _ ("Accepted formats:"), formats);
  printf ("    %s %s\n", _ ("Source:"), sources);
}

static void
print_item (DeskChecklistItem *item,
            DeskRulePack      *pack,
            DeskCaseType       type)
{
  DeskEvidenceRequirement *req = desk_checklist_item_get_requirement (item, pack, type);
  g_autofree char         *label = g_strdup_printf ("[%s]", desk_checklist_state_get_label (item->state));
  g_autofree char         *state = desk_cli_pad (label, 18);

  printf ("%s %s%s\n", state,
          req ? desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_CURRENT) : item->item_id,
          item->required ? "" : _ (" (optional)"));
  /* Translators: the id to pass to “checklist ID --set ITEM STATE” */
  printf ("    %s %s\n", _ ("Item:"), item->item_id);
  if (req)
    print_requirement (pack, req);
  if (item->note && *item->note)
    printf ("    %s %s\n", _ ("Note:"), item->note);
  if (item->n_evidence > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "    %u file attached\n", "    %u files attached\n",
                         item->n_evidence),
            item->n_evidence);
}

static void
add_strv (JsonBuilder       *b,
          const char        *name,
          const char *const *strv)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; strv && strv[i]; i++)
    json_builder_add_string_value (b, strv[i]);
  json_builder_end_array (b);
}

static void
item_requirement_to_json (JsonBuilder             *b,
                          DeskEvidenceRequirement *req)
{
  g_autoptr (GStrvBuilder) pitfalls = g_strv_builder_new ();
  g_auto (GStrv) strv = NULL;

  for (guint i = 0; i < desk_evidence_requirement_get_n_pitfalls (req); i++)
    g_strv_builder_add (pitfalls, desk_evidence_requirement_get_pitfall (req, i, DESK_RULE_LANGUAGE_CURRENT));
  strv = g_strv_builder_end (pitfalls);
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_CURRENT));
  json_builder_set_member_name (b, "why");
  json_builder_add_string_value (b, desk_evidence_requirement_get_why (req, DESK_RULE_LANGUAGE_CURRENT));
  add_strv (b, "pitfalls", (const char *const *)strv);
  add_strv (b, "formats", desk_evidence_requirement_get_formats (req));
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, desk_evidence_requirement_get_source (req));
}

static void
item_to_json (JsonBuilder       *b,
              DeskChecklistItem *item,
              DeskRulePack      *pack,
              DeskCaseType       type)
{
  DeskEvidenceRequirement *req = desk_checklist_item_get_requirement (item, pack, type);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, item->id);
  json_builder_set_member_name (b, "item_id");
  json_builder_add_string_value (b, item->item_id);
  json_builder_set_member_name (b, "required");
  json_builder_add_boolean_value (b, item->required);
  json_builder_set_member_name (b, "state");
  json_builder_add_string_value (b, desk_checklist_state_to_id (item->state));
  json_builder_set_member_name (b, "note");
  json_builder_add_string_value (b, item->note);
  json_builder_set_member_name (b, "n_evidence");
  json_builder_add_int_value (b, item->n_evidence);
  if (req)
    item_requirement_to_json (b, req);
  json_builder_end_object (b);
}

static void
pack_to_json (JsonBuilder  *b,
              DeskRulePack *pack)
{
  g_autofree char *label = pack ? desk_rule_pack_get_label (pack) : NULL;

  json_builder_set_member_name (b, "rule_pack");
  if (pack == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "platform");
  json_builder_add_string_value (b, desk_platform_to_id (desk_rule_pack_get_platform (pack)));
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, desk_rule_pack_get_pack_version (pack));
  json_builder_set_member_name (b, "effective_date");
  json_builder_add_string_value (b, desk_rule_pack_get_effective_date (pack));
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, label);
  json_builder_end_object (b);
}

static void
print_checklist_json (DeskCase     *kase,
                      DeskRulePack *pack,
                      GPtrArray    *items)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "case_id");
  json_builder_add_int_value (b, desk_case_get_id (kase));
  json_builder_set_member_name (b, "rule_pack_version");
  json_builder_add_string_value (b, desk_case_get_rule_pack_version (kase));
  pack_to_json (b, pack);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    item_to_json (b, items->pdata[i], pack, desk_case_get_case_type (kase));
  json_builder_end_array (b);
  json_builder_end_object (b);
  desk_cli_print_json (b);
}

static void
print_checklist (DeskCase     *kase,
                 DeskRulePack *pack,
                 GPtrArray    *items)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, desk_case_get_id (kase));

  /* Translators: "Evidence checklist of case 3: LED desk lamp" */
  printf (_ ("Evidence checklist of case %s: %s\n"), id, desk_case_get_title (kase));
  if (items->len == 0 || pack == NULL)
    {
      printf ("%s\n", _ ("This case has no checklist: Appeal Desk knows no evidence list for this platform and kind of case."));
      return;
    }
  print_pack_header (pack, kase);
  for (guint i = 0; i < items->len; i++)
    print_item (items->pdata[i], pack, desk_case_get_case_type (kase));
}

/* checklist: --set */

static DeskChecklistItem *
find_item (DeskCliContext *ctx,
           DeskCase       *kase,
           const char     *text,
           GError        **error)
{
  g_autoptr (DeskChecklistItem) item = NULL;
  guint64 row = 0;

  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &row, NULL))
    {
      item = desk_checklist_get_item (ctx->session, (gint64)row, error);
      if (item && item->case_id != desk_case_get_id (kase))
        {
          g_clear_pointer (&item, desk_checklist_item_free);
          g_set_error (error, DESK_CHECKLIST_ERROR, DESK_CHECKLIST_ERROR_NOT_FOUND,
                       _ ("This checklist item does not exist. Run “appeal-desk-cli checklist” with the case number to see its items."));
        }
      return g_steal_pointer (&item);
    }
  return desk_checklist_find_item (ctx->session, desk_case_get_id (kase), text, error);
}

static int
set_item_state (DeskCliContext *ctx,
                DeskCase       *kase,
                const char     *item_text,
                const char     *state_text,
                const char     *note,
                GError        **error)
{
  g_autoptr (DeskChecklistItem) item = NULL;
  DeskChecklistState state;

  if (state_text == NULL || !desk_checklist_state_from_id (state_text, &state))
    return usage (error, _ ("Give the new state after the item: missing, provided or needs-attention."));
  if (!(item = find_item (ctx, kase, item_text, error)))
    return DESK_CLI_EXIT_FAILED;
  if (!desk_checklist_set_state (ctx->store, item->id, state, note, error))
    return DESK_CLI_EXIT_FAILED;
  if (!ctx->json)
    /* Translators: "brand-authorization: Provided" */
    printf (_ ("%s: %s\n"), item->item_id, desk_checklist_state_get_label (state));
  return 0;
}

int
desk_cli_checklist (DeskCliContext *ctx,
                    GError        **error)
{
  g_autofree char *set = NULL;
  g_autofree char *note = NULL;
  gboolean         json = FALSE;

  desk_cli_report_rule_problems (ctx);
  GOptionEntry entries[] = {
    { "set", 's', 0, G_OPTION_ARG_STRING, &set, N_ ("Set the state of an item (then give the state: missing, provided, needs-attention)"), N_ ("ITEM") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_ ("With --set: a note for the item"), N_ ("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (GPtrArray) items = NULL;
  int status;

  if (!desk_cli_parse (ctx, _ ("ID [STATE]"), _ ("Show the evidence checklist of a case, or change an item."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  ctx->json |= json;
  if (ctx->argc < 2 || ctx->argc > (set ? 3 : 2))
    return usage (error, _ ("Give one case number (and with --set, the item and its new state)."));
  if (!(kase = load_case (ctx, ctx->argv[1], &status, error)))
    return status;
  if (set)
    return set_item_state (ctx, kase, set, ctx->argc > 2 ? ctx->argv[2] : NULL, note, error);
  if (!(items = desk_checklist_list (ctx->session, desk_case_get_id (kase), error)))
    return DESK_CLI_EXIT_FAILED;
  if (ctx->json)
    print_checklist_json (kase, pack_for (ctx, kase), items);
  else
    print_checklist (kase, pack_for (ctx, kase), items);
  return 0;
}

/* attempt / attempts */

static const char *
guard_level_label (DeskGuardLevel level)
{
  switch (level)
    {
      case DESK_GUARD_LEVEL_STOP:
        /* Translators: attempt guard verdict: the platform punishes this step */
        return _ ("Stop");
      case DESK_GUARD_LEVEL_WARN:
        /* Translators: attempt guard verdict */
        return _ ("Warning");
      case DESK_GUARD_LEVEL_INFO:
        /* Translators: attempt guard verdict */
        return _ ("Note");
      case DESK_GUARD_LEVEL_OK:
      default:
        /* Translators: attempt guard verdict */
        return _ ("OK");
    }
}

static const char *
guard_level_id (DeskGuardLevel level)
{
  static const char *ids[] = { "ok", "info", "warn", "stop" };

  return ids[CLAMP (level, DESK_GUARD_LEVEL_OK, DESK_GUARD_LEVEL_STOP)];
}

static void
print_list (const char        *heading,
            const char *const *labels)
{
  if (labels[0] == NULL)
    return;
  printf ("%s\n", heading);
  for (guint i = 0; labels[i]; i++)
    printf ("  • %s\n", labels[i]);
}

static void
print_check (DeskSubmissionCheck *check)
{
  DeskGuardVerdict *verdict = desk_submission_check_get_verdict (check);
  guint             n = verdict ? desk_guard_verdict_get_n_findings (verdict) : 0;

  for (guint i = 0; i < n; i++)
    printf ("%s: %s\n", guard_level_label (desk_guard_verdict_get_finding_level (verdict, i)),
            desk_guard_verdict_get_finding_message (verdict, i));
  print_list (_ ("Required evidence still missing:"), desk_submission_check_get_missing (check));
  print_list (_ ("Evidence that needs attention:"), desk_submission_check_get_needs_attention (check));
  if (n == 0 && desk_submission_check_get_missing (check)[0] == NULL
      && desk_submission_check_get_needs_attention (check)[0] == NULL)
    printf ("%s\n", _ ("Nothing speaks against this appeal: the platform’s appeal limits allow it and no required evidence is missing."));
}

static void
strv_to_json (JsonBuilder       *b,
              const char        *name,
              const char *const *labels)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; labels[i]; i++)
    json_builder_add_string_value (b, labels[i]);
  json_builder_end_array (b);
}

static void
verdict_to_json (JsonBuilder      *b,
                 DeskGuardVerdict *verdict)
{
  json_builder_set_member_name (b, "verdict");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "level");
  json_builder_add_string_value (b, guard_level_id (desk_guard_verdict_get_level (verdict)));
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < desk_guard_verdict_get_n_findings (verdict); i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "level");
      json_builder_add_string_value (b, guard_level_id (desk_guard_verdict_get_finding_level (verdict, i)));
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, desk_guard_verdict_get_finding_rule (verdict, i));
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, desk_guard_verdict_get_finding_message (verdict, i));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
print_attempt_json (DeskSubmissionCheck *check,
                    gint64               recorded_id)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  DeskGuardVerdict *verdict = desk_submission_check_get_verdict (check);

  json_builder_begin_object (b);
  if (verdict)
    verdict_to_json (b, verdict);
  strv_to_json (b, "missing_required", desk_submission_check_get_missing (check));
  strv_to_json (b, "needs_attention", desk_submission_check_get_needs_attention (check));
  json_builder_set_member_name (b, "recorded");
  json_builder_add_boolean_value (b, recorded_id > 0);
  json_builder_set_member_name (b, "attempt_id");
  json_builder_add_int_value (b, recorded_id);
  json_builder_end_object (b);
  desk_cli_print_json (b);
}

/* The product to appeal for: --product, or the case's only product. */
static gboolean
choose_product (DeskCase *kase,
                char    **product,
                GError  **error)
{
  const char *const *ids = desk_case_get_product_ids (kase);
  guint              n = ids ? g_strv_length ((char **)ids) : 0;
  g_autofree char   *list = n ? g_strjoinv (", ", (char **)ids) : NULL;
  g_autofree char   *msg = NULL;

  if (*product == NULL && n == 1)
    *product = g_strdup (ids[0]);
  if (n == 0 || (*product && g_strv_contains (ids, *product)))
    return TRUE;
  /* Translators: %s is the list of the case's product IDs */
  msg = g_strdup_printf (_ ("Choose the product with --product: one of %s."), list);
  usage (error, msg);
  return FALSE;
}

typedef struct
{
  char    *product;
  char    *note;
  char    *ticket;
  gboolean test_report;
  gboolean dry_run;
  gboolean force;
  gboolean json;
} AttemptOptions;

static int
record_attempt (DeskCliContext      *ctx,
                DeskCase            *kase,
                AttemptOptions      *o,
                DeskSubmissionCheck *check,
                GError             **error)
{
  gboolean       stop = desk_submission_check_get_level (check) == DESK_GUARD_LEVEL_STOP;
  DeskSubmission submission = { o->product, o->test_report, o->ticket, o->note, NULL };
  gint64         id = 0;

  if (!o->dry_run && (!stop || o->force))
    {
      id = desk_submission_record (ctx->session, kase, &submission, error);
      if (id == 0)
        return DESK_CLI_EXIT_FAILED;
    }
  if (ctx->json)
    print_attempt_json (check, id);
  else if (id > 0)
    printf ("%s\n", _ ("Appeal attempt recorded. The case is now “Submitted”: it waits for the platform’s reply."));
  else if (stop && !o->dry_run)
    g_printerr ("%s\n", _ ("Not recorded: the platform punishes this step. Run again with --force to record it anyway."));
  return stop && id == 0 ? DESK_CLI_EXIT_FAILED : 0;
}

static int
check_and_record (DeskCliContext *ctx,
                  DeskCase       *kase,
                  AttemptOptions *o,
                  GError        **error)
{
  g_autoptr (DeskSubmissionCheck) check = NULL;
  DeskSubmission submission = { NULL, o->test_report, o->ticket, o->note, NULL };

  ctx->json |= o->json;
  if (!choose_product (kase, &o->product, error))
    return DESK_CLI_EXIT_USAGE;
  submission.product_id = o->product;
  if (pack_for (ctx, kase) == NULL)
    g_printerr ("%s\n", _ ("Appeal Desk has no rules for this platform, so it cannot check this appeal against the platform’s limits."));
  if (!(check = desk_submission_check (ctx->session, kase, &submission, error)))
    return DESK_CLI_EXIT_FAILED;
  if (!ctx->json)
    print_check (check);
  return record_attempt (ctx, kase, o, check, error);
}

int
desk_cli_attempt (DeskCliContext *ctx,
                  GError        **error)
{
  AttemptOptions o = { 0 };
  GOptionEntry   entries[] = {
      { "product", 'p', 0, G_OPTION_ARG_STRING, &o.product, N_ ("The product ID the appeal is for"), N_ ("ID") },
      { "test-report", 0, 0, G_OPTION_ARG_NONE, &o.test_report, N_ ("A third-party test report (e.g. SGS) is attached"), NULL },
      { "note", 'n', 0, G_OPTION_ARG_STRING, &o.note, N_ ("A note for the attempt"), N_ ("TEXT") },
      { "ticket", 't', 0, G_OPTION_ARG_STRING, &o.ticket, N_ ("The number the platform gave the appeal (ticket or appeal ID)"), N_ ("NUMBER") },
      { "dry-run", 0, 0, G_OPTION_ARG_NONE, &o.dry_run, N_ ("Only check the appeal against the platform’s limits; record nothing (exit 1 if the platform punishes it)"), NULL },
      { "force", 'f', 0, G_OPTION_ARG_NONE, &o.force, N_ ("Record even a step the platform punishes"), NULL },
      { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, N_ ("Print JSON"), NULL },
      { NULL }
  };
  g_autoptr (DeskCase) kase = NULL;
  int status;

  if (!desk_cli_parse (ctx, _ ("ID"), _ ("Record that you submitted an appeal, after checking it against the platform’s appeal limits and the checklist. The case becomes “Submitted”."), entries, error))
    status = DESK_CLI_EXIT_USAGE;
  else if (ctx->argc != 2)
    status = usage (error, _ ("Give one case number."));
  else if ((kase = load_case (ctx, ctx->argv[1], &status, error)))
    {
      desk_cli_report_rule_problems (ctx); /* the guard's limits come from the pack */
      status = check_and_record (ctx, kase, &o, error);
    }
  g_free (o.product);
  g_free (o.note);
  g_free (o.ticket);
  return status;
}

static void
print_attempts_json (GPtrArray *records)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < records->len; i++)
    {
      DeskAttemptRecord *r = records->pdata[i];
      g_autofree char   *at = desk_time_to_iso8601 (r->attempted_at);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, r->id);
      json_builder_set_member_name (b, "product_id");
      json_builder_add_string_value (b, r->product_id);
      json_builder_set_member_name (b, "attempted_at");
      json_builder_add_string_value (b, at);
      json_builder_set_member_name (b, "platform_case_id");
      json_builder_add_string_value (b, r->platform_case_id);
      json_builder_set_member_name (b, "has_test_report");
      json_builder_add_boolean_value (b, r->has_test_report);
      json_builder_set_member_name (b, "note");
      json_builder_add_string_value (b, r->note);
      json_builder_set_member_name (b, "ticket");
      json_builder_add_string_value (b, r->ticket);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  desk_cli_print_json (b);
}

static void
print_attempts (GPtrArray *records)
{
  if (records->len == 0)
    printf ("%s\n", _ ("No appeal attempts recorded."));
  for (guint i = 0; i < records->len; i++)
    {
      DeskAttemptRecord *r = records->pdata[i];
      g_autofree char   *at = desk_time_format_local (r->attempted_at);

      g_autofree char *ticket = *r->ticket
                                    /* Translators: in the attempt list; %s is the platform's ticket number */
                                    ? g_strdup_printf (_ ("  ticket %s"), r->ticket)
                                    : g_strdup ("");

      printf ("%-4" G_GINT64_FORMAT " %s  %s%s%s%s%s\n", r->id, at,
              *r->product_id ? r->product_id : "—",
              r->has_test_report ? _ ("  (test report)") : "",
              ticket, *r->note ? "  " : "", r->note);
    }
}

int
desk_cli_attempts (DeskCliContext *ctx,
                   GError        **error)
{
  gboolean     json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (GPtrArray) records = NULL;
  int status;

  if (!desk_cli_parse (ctx, _ ("ID"), _ ("List the appeal attempts of a case."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  if (ctx->argc != 2)
    return usage (error, _ ("Give one case number."));
  if (!(kase = load_case (ctx, ctx->argv[1], &status, error)))
    return status;
  if (!(records = desk_attempts_list (ctx->store, desk_case_get_id (kase), error)))
    return DESK_CLI_EXIT_FAILED;
  if (json || ctx->json)
    print_attempts_json (records);
  else
    print_attempts (records);
  return 0;
}
