/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-report"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "desk-attempts.h"
#include "desk-platform.h"
#include "desk-reply.h"
#include "desk-report-private.h"
#include "desk-timeline.h"
#include "desk-util.h"

/* What the closure report says, section by section, in the report's
 * language: every string is a msgid looked up in that language's catalogue
 * (T / TC), so po/zh_CN.po translates the report like the rest of the app. */

#define T(s)      _desk_catalog_get (catalog, s)
#define TC(c, s)  _desk_catalog_pget (catalog, c, s)
#define REPLY_CUT 240 /* characters of a reply quoted in the timeline table */

typedef struct
{
  DeskReportLayout *layout;
  DeskReportData   *data;
  DeskCatalog      *catalog;
} Ctx;

/* The same msgids as desk-util.c and the tracking modules. */
static const char *const case_type_msgids[] = {
  N_ ("Unknown case type"),
  N_ ("Listing takedown"),
  N_ ("Missing qualification"),
  N_ ("Quality inspection"),
  N_ ("IP complaint"),
  N_ ("Store complaint"),
  N_ ("Campaign exit"),
  N_ ("Listing copied by resellers"),
  N_ ("Account health"),
};
static const char *const status_msgids[] = {
  N_ ("Draft"),
  N_ ("Submitted"),
  N_ ("Under review"),
  N_ ("Resolved"),
  N_ ("Rejected"),
  N_ ("Closed"),
};
static const char *const kind_msgids[DESK_TIMELINE_N_KINDS] = {
  NC_ ("timeline", "Other"),
  NC_ ("timeline", "Case opened"),
  NC_ ("timeline", "Status"),
  NC_ ("timeline", "Submission"),
  NC_ ("timeline", "Platform reply"),
  NC_ ("timeline", "Note"),
  NC_ ("timeline", "Call or chat"),
  NC_ ("timeline", "Package made"),
  NC_ ("timeline", "Appeal attempt"),
  NC_ ("timeline", "Evidence"),
  NC_ ("timeline", "Checklist"),
  NC_ ("timeline", "Details corrected"),
};
static const char *const outcome_msgids[] = {
  NC_ ("outcome", "Not closed"),
  NC_ ("outcome", "Restored"),
  NC_ ("outcome", "Partly restored"),
  NC_ ("outcome", "Rejected"),
  NC_ ("outcome", "Withdrawn"),
};
static const char *const verdict_msgids[] = {
  NC_ ("reply", "No verdict recognised"),
  NC_ ("reply", "Accepted"),
  NC_ ("reply", "Partly accepted"),
  NC_ ("reply", "Rejected"),
  NC_ ("reply", "More information requested"),
};

static const char *
pick (const char *const *table,
      guint              n,
      guint              index)
{
  return table[index < n ? index : 0];
}

/* The rule pack's name for the platform in the report's language
 * ("platform_label"), whatever language the app runs in. */
static const char *
platform_label (Ctx         *ctx,
                DeskPlatform platform)
{
  DeskCatalog *catalog = ctx->catalog;
  const char  *name = desk_platform_get_name (platform, desk_report_language_to_id (ctx->data->language));

  return name ? name : T (N_ ("Unknown platform"));
}

static char *
format_time (Ctx       *ctx,
             GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("—");
  local = g_date_time_to_timezone (time, ctx->data->zone);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Due dates are usually whole days. */
static char *
format_day (Ctx       *ctx,
            GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("—");
  local = g_date_time_to_timezone (time, ctx->data->zone);
  if (g_date_time_get_hour (local) == 0 && g_date_time_get_minute (local) == 0)
    return g_date_time_format (local, "%Y-%m-%d");
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
heading (Ctx        *ctx,
         const char *text)
{
  _desk_report_layout_heading (ctx->layout, DESK_REPORT_STYLE_HEADING, text);
}

static void
paragraph (Ctx        *ctx,
           const char *text)
{
  _desk_report_layout_paragraph (ctx->layout, DESK_REPORT_STYLE_BODY, text, 0);
  _desk_report_layout_space (ctx->layout, 3);
}

static void
fact (Ctx        *ctx,
      const char *label,
      const char *value)
{
  const char *cells[] = { label, value && *value ? value : "—", NULL };

  _desk_report_layout_table_row (ctx->layout, cells);
}

static void
fact_time (Ctx        *ctx,
           const char *label,
           GDateTime  *time)
{
  g_autofree char *text = format_time (ctx, time);

  fact (ctx, label, text);
}

/* Times of the first submission and the last reply, from the timeline. */
static GDateTime *
find_time (DeskReportData  *data,
           DeskTimelineKind kind,
           gboolean         last)
{
  GDateTime *found = NULL;

  for (guint i = 0; i < data->timeline->len; i++)
    {
      DeskTimelineEntry *e = data->timeline->pdata[i];

      if (desk_timeline_entry_get_kind (e) == kind && (last || found == NULL))
        found = e->at;
    }
  return found;
}

static DeskTimelineEntry *
last_reply (DeskReportData *data)
{
  DeskTimelineEntry *found = NULL;

  for (guint i = 0; i < data->timeline->len; i++)
    if (desk_timeline_entry_get_kind (data->timeline->pdata[i]) == DESK_TIMELINE_REPLY)
      found = data->timeline->pdata[i];
  return found;
}

static guint
count_kind (DeskReportData  *data,
            DeskTimelineKind kind)
{
  guint n = 0;

  for (guint i = 0; i < data->timeline->len; i++)
    n += desk_timeline_entry_get_kind (data->timeline->pdata[i]) == kind;
  return n;
}

static char *
pack_name (Ctx *ctx)
{
  DeskCatalog *catalog = ctx->catalog;

  if (ctx->data->pack_version == NULL)
    return g_strdup (T (N_ ("no rules for this platform")));
  /* Translators: closure report: "Shopee rules 1.0, effective 2026-03-12" */
  return g_strdup_printf (T (N_ ("%s rules %s, effective %s")), platform_label (ctx, ctx->data->platform),
                          ctx->data->pack_version, ctx->data->pack_date);
}

char *
_desk_report_make_title (DeskReportData *data,
                         DeskCatalog    *catalog)
{
  /* Translators: closure report title and PDF title; %s is the case title */
  return g_strdup_printf (T (N_ ("Closure report: %s")), data->title);
}

static void
title_block (Ctx *ctx)
{
  DeskCatalog                 *catalog = ctx->catalog;
  DeskReportData              *d = ctx->data;
  static const double          widths[] = { 0.28, 0.72 };
  static const DeskReportStyle styles[] = { DESK_REPORT_STYLE_TABLE_HEADER, DESK_REPORT_STYLE_TABLE };
  g_autofree char             *number = g_strdup_printf ("#%" G_GINT64_FORMAT, d->case_id);
  g_autofree char             *products = g_strjoinv (", ", d->product_ids);
  g_autofree char             *packs = pack_name (ctx);
  g_autofree char             *app = g_strdup_printf ("%s %s", T (N_ ("Appeal Desk")), PACKAGE_VERSION);
  g_autofree char             *made = format_time (ctx, d->made_at);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (d->made_at, d->zone);
  g_autofree char *offset = g_date_time_format (local, "%:z");
  g_autofree char *made_full = g_strdup_printf ("%s (UTC%s)", made, offset);
  const char      *outcome = d->closure ? TC ("outcome", pick (outcome_msgids, G_N_ELEMENTS (outcome_msgids), d->closure->outcome)) : NULL;

  _desk_report_layout_paragraph (ctx->layout, DESK_REPORT_STYLE_TITLE, T (N_ ("Closure report")), 0);
  _desk_report_layout_space (ctx->layout, 4);
  _desk_report_layout_paragraph (ctx->layout, DESK_REPORT_STYLE_SUBHEADING, d->title, 0);
  _desk_report_layout_space (ctx->layout, 10);
  _desk_report_layout_table_begin (ctx->layout, widths, styles, 2, NULL);
  fact (ctx, T (N_ ("Case")), number);
  fact (ctx, T (N_ ("Platform")), platform_label (ctx, d->platform));
  fact (ctx, T (N_ ("Case type")), T (pick (case_type_msgids, G_N_ELEMENTS (case_type_msgids), d->case_type)));
  fact (ctx, T (N_ ("Status")), T (pick (status_msgids, G_N_ELEMENTS (status_msgids), d->status)));
  fact (ctx, T (N_ ("Outcome")), outcome);
  fact (ctx, T (N_ ("Platform case ID")), d->platform_case_id);
  fact (ctx, T (N_ ("Violation code")), d->violation_code);
  fact (ctx, T (N_ ("Products")), products);
  fact_time (ctx, T (N_ ("Notice received")), d->received_at);
  fact_time (ctx, T (N_ ("Deadline")), d->deadline_at);
  fact_time (ctx, T (N_ ("First submission")), find_time (d, DESK_TIMELINE_SUBMITTED, FALSE));
  fact_time (ctx, T (N_ ("Last platform reply")), find_time (d, DESK_TIMELINE_REPLY, TRUE));
  fact_time (ctx, T (N_ ("Closed")), d->closure ? d->closure->closed_at : NULL);
  fact (ctx, T (N_ ("Rules used")), packs);
  fact (ctx, T (N_ ("Made with")), app);
  fact (ctx, T (N_ ("Made at")), made_full);
  _desk_report_layout_table_end (ctx->layout);
}

static void
summary (Ctx *ctx)
{
  DeskCatalog       *catalog = ctx->catalog;
  DeskReportData    *d = ctx->data;
  DeskTimelineEntry *reply = last_reply (d);
  g_autofree char   *verdict_id = reply ? desk_timeline_entry_dup_detail (reply, "verdict") : NULL;
  g_autofree char   *counts = NULL;
  g_autofree char   *evidence = NULL;
  guint              open = 0;

  heading (ctx, T (N_ ("Summary")));
  /* Translators: closure report summary; %u are counts, the last %s a verdict such as "Rejected" */
  counts = g_strdup_printf (T (N_ ("Appeals submitted: %u. Platform replies: %u; the last one: %s.")),
                            MAX (d->attempts->len, count_kind (d, DESK_TIMELINE_SUBMITTED)), count_kind (d, DESK_TIMELINE_REPLY),
                            reply ? TC ("reply", pick (verdict_msgids, G_N_ELEMENTS (verdict_msgids), desk_reply_verdict_from_id (verdict_id)))
                                  : T (N_ ("none")));
  paragraph (ctx, counts);
  if (d->closure)
    {
      g_autofree char *closed = NULL;
      double           days = d->received_at && d->closure->closed_at
                                  ? g_date_time_difference (d->closure->closed_at, d->received_at) / (double)G_TIME_SPAN_DAY
                                  : -1;

      /* Translators: closure report summary; %s is an outcome such as "Restored" */
      closed = g_strdup_printf (T (N_ ("Outcome: %s.")), TC ("outcome", pick (outcome_msgids, G_N_ELEMENTS (outcome_msgids), d->closure->outcome)));
      paragraph (ctx, closed);
      if (days >= 0)
        {
          /* Translators: closure report summary; %.1f is a number of days */
          g_autofree char *span = g_strdup_printf (T (N_ ("From the notice to closing: %.1f days.")), days);
          paragraph (ctx, span);
        }
    }
  else
    paragraph (ctx, T (N_ ("The case is not closed yet; this report shows its state so far.")));
  for (guint i = 0; i < d->follow_ups->len; i++)
    open += ((DeskFollowUp *)d->follow_ups->pdata[i])->done_at == NULL;
  /* Translators: closure report summary; both %u are counts */
  evidence = g_strdup_printf (T (N_ ("Evidence items: %u. Open follow-up actions: %u.")), d->evidence->len, open);
  paragraph (ctx, evidence);
}

static const char *
evidence_name (DeskReportData *data,
               gint64          id)
{
  for (guint i = 0; i < data->evidence->len; i++)
    if (((DeskReportEvidence *)data->evidence->pdata[i])->id == id)
      return ((DeskReportEvidence *)data->evidence->pdata[i])->name;
  return NULL;
}

static void
append_status (Ctx               *ctx,
               GString           *out,
               DeskTimelineEntry *e)
{
  DeskCatalog     *catalog = ctx->catalog;
  g_autofree char *from = desk_timeline_entry_dup_detail (e, "from");
  g_autofree char *to = desk_timeline_entry_dup_detail (e, "to");

  if (from && to)
    g_string_append_printf (out, "%s → %s", T (pick (status_msgids, G_N_ELEMENTS (status_msgids), desk_case_status_from_id (from))),
                            T (pick (status_msgids, G_N_ELEMENTS (status_msgids), desk_case_status_from_id (to))));
  if (e->text && *e->text)
    g_string_append_printf (out, "%s%s", out->len ? "\n" : "", e->text);
}

static char *
entry_details (Ctx               *ctx,
               DeskTimelineEntry *e)
{
  DeskCatalog     *catalog = ctx->catalog;
  GString         *out = g_string_new (NULL);
  DeskTimelineKind kind = desk_timeline_entry_get_kind (e);

  if (kind == DESK_TIMELINE_STATUS)
    append_status (ctx, out, e);
  else if (kind == DESK_TIMELINE_REPLY)
    {
      g_autofree char *verdict = desk_timeline_entry_dup_detail (e, "verdict");
      glong            n = g_utf8_strlen (e->text, -1);
      g_autofree char *cut = g_utf8_substring (e->text, 0, MIN (n, REPLY_CUT));

      g_string_append_printf (out, "%s\n%s%s", TC ("reply", pick (verdict_msgids, G_N_ELEMENTS (verdict_msgids), desk_reply_verdict_from_id (verdict))),
                              cut, n > REPLY_CUT ? T (N_ ("… (full text under “Platform replies”)")) : "");
    }
  else if (kind == DESK_TIMELINE_PACKAGE)
    {
      g_autofree char *sha = desk_timeline_entry_dup_detail (e, "sha256");

      g_string_append (out, e->text);
      if (sha)
        g_string_append_printf (out, "\nSHA-256 %s", sha);
    }
  else
    g_string_append (out, e->text ? e->text : "");
  for (guint i = 0; e->evidence_ids && e->evidence_ids[i]; i++)
    {
      const char *name = evidence_name (ctx->data, e->evidence_ids[i]);

      g_string_append_printf (out, "%s%s %s", i == 0 ? "\n" : "; ", i == 0 ? T (N_ ("Attached:")) : "",
                              name ? name : "?");
    }
  if (e->edited_at)
    {
      g_autofree char *edited = format_time (ctx, e->edited_at);

      g_string_append_c (out, '\n');
      /* Translators: closure report timeline; %s is a date and time */
      g_string_append_printf (out, T (N_ ("(edited %s)")), edited);
    }
  return g_string_free (out, FALSE);
}

static void
timeline (Ctx *ctx)
{
  DeskCatalog                 *catalog = ctx->catalog;
  static const double          widths[] = { 0.19, 0.17, 0.64 };
  static const DeskReportStyle styles[] = { DESK_REPORT_STYLE_TABLE, DESK_REPORT_STYLE_TABLE, DESK_REPORT_STYLE_TABLE };
  const char                  *header[] = { T (N_ ("Time")), T (N_ ("Event")), T (N_ ("Details")), NULL };

  heading (ctx, T (N_ ("Timeline")));
  _desk_report_layout_table_begin (ctx->layout, widths, styles, 3, header);
  for (guint i = 0; i < ctx->data->timeline->len; i++)
    {
      DeskTimelineEntry *e = ctx->data->timeline->pdata[i];
      g_autofree char   *when = format_time (ctx, e->at);
      g_autofree char   *details = entry_details (ctx, e);
      const char        *cells[] = { when, TC ("timeline", kind_msgids[desk_timeline_entry_get_kind (e)]), details, NULL };

      _desk_report_layout_table_row (ctx->layout, cells);
    }
  _desk_report_layout_table_end (ctx->layout);
}

static void
reply_facts (Ctx               *ctx,
             DeskTimelineEntry *e)
{
  DeskCatalog     *catalog = ctx->catalog;
  g_autofree char *deadline = desk_timeline_entry_dup_detail (e, "new_deadline");
  g_autofree char *window = desk_timeline_entry_dup_detail (e, "second_appeal_until");
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (json_parser_load_from_data (parser, e->details, -1, NULL) && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *obj = json_node_get_object (json_parser_get_root (parser));
      JsonArray  *reasons = json_object_has_member (obj, "reasons") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, "reasons"))
                                ? json_object_get_array_member (obj, "reasons")
                                : NULL;

      for (guint i = 0; reasons && i < json_array_get_length (reasons); i++)
        {
          /* Translators: closure report: one reason the platform gave */
          g_autofree char *line = g_strdup_printf (T (N_ ("Reason: %s")), json_array_get_string_element (reasons, i));
          _desk_report_layout_paragraph (ctx->layout, DESK_REPORT_STYLE_BODY, line, 0);
        }
    }
  if (deadline)
    {
      g_autoptr (GDateTime) t = desk_time_from_iso8601 (deadline);
      g_autofree char *when = format_time (ctx, t);
      /* Translators: closure report; %s is a date and time */
      g_autofree char *line = g_strdup_printf (T (N_ ("New deadline: %s")), when);
      _desk_report_layout_paragraph (ctx->layout, DESK_REPORT_STYLE_BODY, line, 0);
    }
  if (window)
    {
      g_autoptr (GDateTime) t = desk_time_from_iso8601 (window);
      g_autofree char *when = format_time (ctx, t);
      /* Translators: closure report; %s is a date and time */
      g_autofree char *line = g_strdup_printf (T (N_ ("A further appeal is accepted until %s (counted from this rejection).")), when);
      _desk_report_layout_paragraph (ctx->layout, DESK_REPORT_STYLE_BODY, line, 0);
    }
  _desk_report_layout_space (ctx->layout, 4);
}

static void
replies (Ctx *ctx)
{
  DeskCatalog *catalog = ctx->catalog;
  guint        n = 0;

  for (guint i = 0; i < ctx->data->timeline->len; i++)
    {
      DeskTimelineEntry *e = ctx->data->timeline->pdata[i];
      g_autofree char   *when = NULL;
      g_autofree char   *verdict = NULL;
      g_autofree char   *title = NULL;

      if (desk_timeline_entry_get_kind (e) != DESK_TIMELINE_REPLY)
        continue;
      if (n++ == 0)
        heading (ctx, T (N_ ("Platform replies")));
      when = format_time (ctx, e->at);
      verdict = desk_timeline_entry_dup_detail (e, "verdict");
      /* Translators: closure report: "Reply received 2026-03-12 09:00 — Rejected" */
      title = g_strdup_printf (T (N_ ("Reply received %s — %s")), when,
                               TC ("reply", pick (verdict_msgids, G_N_ELEMENTS (verdict_msgids), desk_reply_verdict_from_id (verdict))));
      _desk_report_layout_heading (ctx->layout, DESK_REPORT_STYLE_SUBHEADING, title);
      reply_facts (ctx, e);
      _desk_report_layout_paragraph (ctx->layout, DESK_REPORT_STYLE_QUOTE, e->text, 0);
    }
}

static void
evidence (Ctx *ctx)
{
  DeskCatalog                 *catalog = ctx->catalog;
  static const double          widths[] = { 0.10, 0.34, 0.38, 0.18 };
  static const DeskReportStyle styles[] = { DESK_REPORT_STYLE_TABLE, DESK_REPORT_STYLE_TABLE, DESK_REPORT_STYLE_MONO, DESK_REPORT_STYLE_TABLE };
  const char                  *header[] = { T (N_ ("Exhibit")), T (N_ ("File")), T (N_ ("Fingerprint (SHA-256)")), T (N_ ("Added")), NULL };

  heading (ctx, T (N_ ("Evidence index")));
  if (ctx->data->evidence->len == 0)
    {
      paragraph (ctx, T (N_ ("No evidence was added to this case.")));
      return;
    }
  paragraph (ctx, T (N_ ("The fingerprint identifies each file exactly: a copy with the same fingerprint is the same file, unchanged.")));
  _desk_report_layout_table_begin (ctx->layout, widths, styles, 4, header);
  for (guint i = 0; i < ctx->data->evidence->len; i++)
    {
      DeskReportEvidence *e = ctx->data->evidence->pdata[i];
      g_autofree char    *size = g_format_size (e->size);
      g_autofree char    *file = g_strdup_printf ("%s\n%s%s%s · %s", e->name, e->item_label ? e->item_label : "",
                                               e->item_label ? "\n" : "", size, e->mime_type ? e->mime_type : "");
      g_autofree char    *added = format_time (ctx, e->added_at);
      const char         *cells[] = { e->reference, file, e->sha256 ? e->sha256 : "—", added, NULL };

      _desk_report_layout_table_row (ctx->layout, cells);
    }
  _desk_report_layout_table_end (ctx->layout);
}

static void
items (Ctx       *ctx,
       GPtrArray *list,
       gboolean   verbatim)
{
  for (guint i = 0; i < list->len; i++)
    {
      DeskReportItem *item = list->pdata[i];

      if (item->title && *item->title)
        _desk_report_layout_heading (ctx->layout, DESK_REPORT_STYLE_SUBHEADING, item->title);
      _desk_report_layout_paragraph (ctx->layout, verbatim ? DESK_REPORT_STYLE_QUOTE : DESK_REPORT_STYLE_BODY, item->text, 0);
      _desk_report_layout_space (ctx->layout, 4);
    }
}

static void
chain_and_letters (Ctx *ctx)
{
  DeskCatalog *catalog = ctx->catalog;

  if (ctx->data->chain_links->len > 0 || ctx->data->chain_gaps->len > 0)
    {
      heading (ctx, T (N_ ("Authorization chain")));
      items (ctx, ctx->data->chain_links, FALSE);
      _desk_report_layout_heading (ctx->layout, DESK_REPORT_STYLE_SUBHEADING, T (N_ ("Remaining gaps")));
      if (ctx->data->chain_gaps->len == 0)
        paragraph (ctx, T (N_ ("No gaps remain in the chain.")));
      items (ctx, ctx->data->chain_gaps, FALSE);
    }
  if (ctx->data->letters->len > 0)
    {
      heading (ctx, T (N_ ("Letters as sent")));
      items (ctx, ctx->data->letters, TRUE);
    }
  if (ctx->data->packages->len > 0)
    {
      heading (ctx, T (N_ ("Complaint packages")));
      items (ctx, ctx->data->packages, FALSE);
    }
}

static void
follow_ups (Ctx *ctx)
{
  DeskCatalog                 *catalog = ctx->catalog;
  static const double          widths[] = { 0.6, 0.2, 0.2 };
  static const DeskReportStyle styles[] = { DESK_REPORT_STYLE_TABLE, DESK_REPORT_STYLE_TABLE, DESK_REPORT_STYLE_TABLE };
  const char                  *header[] = { T (N_ ("Follow-up action")), T (N_ ("Due")), T (N_ ("Done")), NULL };

  if (ctx->data->follow_ups->len == 0)
    return;
  _desk_report_layout_heading (ctx->layout, DESK_REPORT_STYLE_SUBHEADING, T (N_ ("Follow-up actions")));
  _desk_report_layout_table_begin (ctx->layout, widths, styles, 3, header);
  for (guint i = 0; i < ctx->data->follow_ups->len; i++)
    {
      DeskFollowUp    *f = ctx->data->follow_ups->pdata[i];
      g_autofree char *due = format_day (ctx, f->due_at);
      g_autofree char *done = f->done_at ? format_time (ctx, f->done_at) : g_strdup (T (N_ ("open")));
      const char      *cells[] = { f->text, due, done, NULL };

      _desk_report_layout_table_row (ctx->layout, cells);
    }
  _desk_report_layout_table_end (ctx->layout);
}

static void
lessons (Ctx *ctx)
{
  DeskCatalog    *catalog = ctx->catalog;
  DeskReportData *d = ctx->data;

  heading (ctx, T (N_ ("Root cause and risk control")));
  if (d->closure)
    {
      const char *label = d->root_cause_label ? d->root_cause_label : d->closure->root_cause;
      /* Translators: closure report; %s is a root cause such as "Certificate expired" */
      g_autofree char *cause = g_strdup_printf (T (N_ ("Root cause: %s")), label && *label ? label : "—");

      paragraph (ctx, cause);
      if (d->closure->root_cause_note && *d->closure->root_cause_note)
        {
          _desk_report_layout_paragraph (ctx->layout, DESK_REPORT_STYLE_SUBHEADING, T (N_ ("In the seller’s words")), 0);
          _desk_report_layout_paragraph (ctx->layout, DESK_REPORT_STYLE_QUOTE, d->closure->root_cause_note, 0);
          _desk_report_layout_space (ctx->layout, 4);
        }
    }
  else
    paragraph (ctx, T (N_ ("The root cause is recorded when the case is closed.")));
  follow_ups (ctx);
  if (d->advice && d->advice->len > 0)
    {
      _desk_report_layout_heading (ctx->layout, DESK_REPORT_STYLE_SUBHEADING, T (N_ ("Risk-control advice for this case type")));
      for (guint i = 0; i < d->advice->len; i++)
        {
          g_autofree char *line = g_strdup_printf ("• %s", (char *)d->advice->pdata[i]);
          _desk_report_layout_paragraph (ctx->layout, DESK_REPORT_STYLE_BODY, line, 6);
        }
      if (d->advice_source)
        {
          /* Translators: closure report; first %s is a source article's title, second what to check */
          g_autofree char *cite = g_strdup_printf (T (N_ ("Source: %s. %s")), d->advice_source, d->advice_verify ? d->advice_verify : "");
          _desk_report_layout_space (ctx->layout, 3);
          _desk_report_layout_paragraph (ctx->layout, DESK_REPORT_STYLE_SMALL, cite, 0);
        }
    }
}

static void
extra (Ctx *ctx)
{
  for (guint i = 0; i < ctx->data->extra->len; i++)
    {
      DeskReportSection *s = ctx->data->extra->pdata[i];

      heading (ctx, s->title);
      if (s->text && *s->text)
        paragraph (ctx, s->text);
      if (s->chart)
        _desk_report_layout_image (ctx->layout, s->chart, s->chart_width, s->chart_height);
    }
}

static void
notice (Ctx *ctx)
{
  DeskCatalog *catalog = ctx->catalog;

  if (ctx->data->notice_text == NULL || *ctx->data->notice_text == '\0')
    return;
  heading (ctx, T (N_ ("Original notice")));
  _desk_report_layout_paragraph (ctx->layout, DESK_REPORT_STYLE_QUOTE, ctx->data->notice_text, 0);
}

void
_desk_report_compose (DeskReportLayout *layout,
                      DeskReportData   *data,
                      DeskCatalog      *catalog)
{
  Ctx ctx = { layout, data, catalog };

  title_block (&ctx);
  summary (&ctx);
  timeline (&ctx);
  replies (&ctx);
  evidence (&ctx);
  chain_and_letters (&ctx);
  lessons (&ctx);
  extra (&ctx);
  notice (&ctx);
}
