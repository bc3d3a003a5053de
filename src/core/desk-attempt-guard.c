/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-attempt-guard"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-attempt-guard.h"
#include "desk-util.h"

/* Each check reads one appeal_limits member of the pack; nothing here knows
 * which platform it is looking at. */

typedef struct
{
  DeskGuardLevel level;
  const char    *rule; /* static */
  char          *message;
  char          *title;  /* what to do, short: "Wait until 2 Dec 20:02 …" */
  char          *reason; /* one sentence why */
  char          *source; /* where the rule comes from */
} Finding;

struct _DeskGuardVerdict
{
  gatomicrefcount ref_count;
  DeskGuardLevel  level;
  GArray         *findings; /* Finding */
  char           *message;
};

/* What every check needs. */
typedef struct
{
  DeskRulePack            *pack;
  const DeskCaseRules     *rules;
  GPtrArray               *attempts;
  const DeskAppealAttempt *planned;
  GDateTime               *first_rejection;
  const char              *platform; /* display name */
  DeskGuardVerdict        *verdict;
} Guard;

/* DeskAppealAttempt */

G_DEFINE_BOXED_TYPE (DeskAppealAttempt, desk_appeal_attempt, desk_appeal_attempt_copy, desk_appeal_attempt_free)

DeskAppealAttempt *
desk_appeal_attempt_new (const char *product_id,
                         GDateTime  *attempted_at,
                         const char *platform_case_id,
                         gboolean    has_third_party_report)
{
  DeskAppealAttempt *attempt = g_new0 (DeskAppealAttempt, 1);

  g_return_val_if_fail (attempted_at != NULL, attempt);
  attempt->product_id = g_strdup (product_id);
  attempt->attempted_at = g_date_time_ref (attempted_at);
  attempt->platform_case_id = g_strdup (platform_case_id);
  attempt->has_third_party_report = has_third_party_report;
  return attempt;
}

DeskAppealAttempt *
desk_appeal_attempt_copy (const DeskAppealAttempt *attempt)
{
  g_return_val_if_fail (attempt != NULL, NULL);
  return desk_appeal_attempt_new (attempt->product_id, attempt->attempted_at,
                                  attempt->platform_case_id, attempt->has_third_party_report);
}

void
desk_appeal_attempt_free (DeskAppealAttempt *attempt)
{
  if (attempt == NULL)
    return;
  g_free (attempt->product_id);
  g_clear_pointer (&attempt->attempted_at, g_date_time_unref);
  g_free (attempt->platform_case_id);
  g_free (attempt);
}

/* DeskGuardVerdict */

G_DEFINE_BOXED_TYPE (DeskGuardVerdict, desk_guard_verdict, desk_guard_verdict_ref, desk_guard_verdict_unref)

static void
finding_clear (gpointer data)
{
  Finding *finding = data;

  g_free (finding->message);
  g_free (finding->title);
  g_free (finding->reason);
  g_free (finding->source);
}

static DeskGuardVerdict *
verdict_new (void)
{
  DeskGuardVerdict *verdict = g_new0 (DeskGuardVerdict, 1);

  g_atomic_ref_count_init (&verdict->ref_count);
  verdict->findings = g_array_new (FALSE, TRUE, sizeof (Finding));
  g_array_set_clear_func (verdict->findings, finding_clear);
  return verdict;
}

DeskGuardVerdict *
desk_guard_verdict_ref (DeskGuardVerdict *verdict)
{
  g_return_val_if_fail (verdict != NULL, NULL);
  g_atomic_ref_count_inc (&verdict->ref_count);
  return verdict;
}

void
desk_guard_verdict_unref (DeskGuardVerdict *verdict)
{
  g_return_if_fail (verdict != NULL);
  if (!g_atomic_ref_count_dec (&verdict->ref_count))
    return;
  g_array_unref (verdict->findings);
  g_free (verdict->message);
  g_free (verdict);
}

DeskGuardLevel
desk_guard_verdict_get_level (DeskGuardVerdict *verdict)
{
  g_return_val_if_fail (verdict != NULL, DESK_GUARD_LEVEL_OK);
  return verdict->level;
}

const char *
desk_guard_verdict_get_message (DeskGuardVerdict *verdict)
{
  g_return_val_if_fail (verdict != NULL, NULL);
  return verdict->message;
}

guint
desk_guard_verdict_get_n_findings (DeskGuardVerdict *verdict)
{
  g_return_val_if_fail (verdict != NULL, 0);
  return verdict->findings->len;
}

static Finding *
finding_at (DeskGuardVerdict *verdict,
            guint             index)
{
  g_return_val_if_fail (verdict != NULL, NULL);
  g_return_val_if_fail (index < verdict->findings->len, NULL);
  return &g_array_index (verdict->findings, Finding, index);
}

DeskGuardLevel
desk_guard_verdict_get_finding_level (DeskGuardVerdict *verdict,
                                      guint             index)
{
  Finding *finding = finding_at (verdict, index);

  return finding ? finding->level : DESK_GUARD_LEVEL_OK;
}

const char *
desk_guard_verdict_get_finding_rule (DeskGuardVerdict *verdict,
                                     guint             index)
{
  Finding *finding = finding_at (verdict, index);

  return finding ? finding->rule : NULL;
}

const char *
desk_guard_verdict_get_finding_message (DeskGuardVerdict *verdict,
                                        guint             index)
{
  Finding *finding = finding_at (verdict, index);

  return finding ? finding->message : NULL;
}

const char *
desk_guard_verdict_get_finding_title (DeskGuardVerdict *verdict,
                                      guint             index)
{
  Finding *finding = finding_at (verdict, index);

  return finding ? finding->title : NULL;
}

const char *
desk_guard_verdict_get_finding_reason (DeskGuardVerdict *verdict,
                                       guint             index)
{
  Finding *finding = finding_at (verdict, index);

  return finding ? finding->reason : NULL;
}

const char *
desk_guard_verdict_get_finding_source (DeskGuardVerdict *verdict,
                                       guint             index)
{
  Finding *finding = finding_at (verdict, index);

  return finding ? finding->source : NULL;
}

int
desk_guard_verdict_find (DeskGuardVerdict *verdict,
                         const char       *rule_id)
{
  g_return_val_if_fail (verdict != NULL, -1);
  g_return_val_if_fail (rule_id != NULL, -1);
  for (guint i = 0; i < verdict->findings->len; i++)
    if (g_str_equal (g_array_index (verdict->findings, Finding, i).rule, rule_id))
      return (int)i;
  return -1;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  return (int)((const Finding *)b)->level - (int)((const Finding *)a)->level;
}

static void
verdict_finish (DeskGuardVerdict *verdict)
{
  g_autoptr (GString) message = g_string_new (NULL);

  /* Stable (g_qsort_with_data): equal levels keep the order of the checks. */
  g_array_sort (verdict->findings, compare_findings);
  for (guint i = 0; i < verdict->findings->len; i++)
    {
      Finding *finding = &g_array_index (verdict->findings, Finding, i);

      verdict->level = MAX (verdict->level, finding->level);
      if (message->len > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, finding->message);
    }
  verdict->message = g_string_free (g_steal_pointer (&message), FALSE);
}

/* Adding findings */

static DeskGuardLevel
level_for (const DeskRuleFigure *figure)
{
  return desk_rule_figure_get_severity (figure) == DESK_RULE_SEVERITY_STOP
             ? DESK_GUARD_LEVEL_STOP
             : DESK_GUARD_LEVEL_WARN;
}

/* The full message is @text + the pack's note for the rule + the citation;
 * @title and @reason are the short form the GUI shows, the note and the
 * citation go behind a link. Takes @title, @reason and @text. */
static void
add_finding (Guard                *guard,
             DeskGuardLevel        level,
             const char           *rule,
             const DeskRuleFigure *figure,
             char                 *title,
             char                 *reason,
             char                 *text)
{
  g_autofree char *owned = text;
  g_autofree char *citation = desk_rule_pack_format_citation (guard->pack, figure);
  const char      *note = desk_rule_figure_get_note (figure, DESK_RULE_LANGUAGE_CURRENT);
  Finding          finding = { level, rule, NULL, title, reason, NULL };

  finding.message = g_strjoin (" ", owned, note ? note : citation, note ? citation : NULL, NULL);
  finding.source = note ? g_strjoin (" ", note, citation, NULL) : g_steal_pointer (&citation);
  g_array_append_val (guard->verdict->findings, finding);
}

/* Helpers over the attempts */

static GDateTime *
now (Guard *guard)
{
  return guard->planned->attempted_at;
}

static DeskAppealAttempt *
attempt_at (Guard *guard,
            guint  index)
{
  return g_ptr_array_index (guard->attempts, index);
}

static guint
n_attempts (Guard *guard)
{
  return guard->attempts ? guard->attempts->len : 0;
}

static GDateTime *
earliest_attempt (Guard *guard)
{
  GDateTime *earliest = NULL;

  for (guint i = 0; i < n_attempts (guard); i++)
    {
      GDateTime *at = attempt_at (guard, i)->attempted_at;

      if (earliest == NULL || g_date_time_compare (at, earliest) < 0)
        earliest = at;
    }
  return earliest;
}

/* "5 h 20 min" */
static char *
format_duration (GTimeSpan span)
{
  guint minutes = (guint)MIN (MAX (span, 0) / G_TIME_SPAN_MINUTE, G_MAXUINT);

  /* Translators: a duration, e.g. "20 h 5 min" */
  return g_strdup_printf (_ ("%u h %u min"), minutes / 60, minutes % 60);
}

/* Checks */

static void
check_max_attempts (Guard *guard)
{
  const DeskRuleFigure *figure = desk_case_rules_get_max_attempts (guard->rules);
  guint                 max, number;

  if (figure == NULL)
    return;
  max = (guint)desk_rule_figure_get_value (figure);
  number = n_attempts (guard) + 1;
  if (number > max)
    add_finding (guard, level_for (figure), DESK_GUARD_RULE_MAX_ATTEMPTS, figure,
                 g_strdup (_ ("Do not appeal this issue again")),
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: "AliExpress accepts at most 3 appeals on one issue and this would be appeal 4: ask …" */
                                               "%s accepts at most %u appeal on one issue and this would be appeal %u: ask the platform’s support why it was rejected instead.",
                                               "%s accepts at most %u appeals on one issue and this would be appeal %u: ask the platform’s support why it was rejected instead.",
                                               max),
                                  guard->platform, max, number),
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: "This would be appeal 4 on this issue, but AliExpress accepts at most 3 appeals on one issue." */
                                               "This would be appeal %u on this issue, but %s accepts at most %u appeal on one issue. Do not submit it: ask the platform’s support for the exact rejection reason and strengthen the evidence instead.",
                                               "This would be appeal %u on this issue, but %s accepts at most %u appeals on one issue. Do not submit it: ask the platform’s support for the exact rejection reason and strengthen the evidence instead.",
                                               max),
                                  number, guard->platform, max));
  else if (number == max)
    add_finding (guard, DESK_GUARD_LEVEL_INFO, DESK_GUARD_RULE_MAX_ATTEMPTS, figure,
                 g_strdup (_ ("This is your last appeal on this issue: make it complete")),
                 /* Translators: "AliExpress accepts 3 appeals on one issue." */
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s accepts %u appeal on one issue.",
                                               "%s accepts %u appeals on one issue.", max),
                                  guard->platform, max),
                 /* Translators: "This is appeal 3 of the 3 that AliExpress accepts on one issue: …" */
                 g_strdup_printf (_ ("This is appeal %u of the %u that %s accepts on one issue: make it complete before you submit it."),
                                  number, max, guard->platform));
}

static gboolean
same_product (const DeskAppealAttempt *a,
              const DeskAppealAttempt *b)
{
  return g_strcmp0 (a->product_id, b->product_id) == 0;
}

static void
check_product_cooldown (Guard *guard)
{
  const DeskRuleFigure *figure = desk_case_rules_get_product_cooldown (guard->rules);
  GDateTime            *last = NULL;
  g_autoptr (GDateTime) until = NULL;
  g_autofree char *ago = NULL;
  g_autofree char *until_text = NULL;
  g_autofree char *until_short = NULL;
  guint            hours;

  if (figure == NULL)
    return;
  hours = (guint)desk_rule_figure_get_value (figure);
  for (guint i = 0; i < n_attempts (guard); i++)
    {
      DeskAppealAttempt *attempt = attempt_at (guard, i);

      if (same_product (attempt, guard->planned) && g_date_time_compare (attempt->attempted_at, now (guard)) <= 0 && (last == NULL || g_date_time_compare (attempt->attempted_at, last) > 0))
        last = attempt->attempted_at;
    }
  if (last == NULL)
    return;
  until = g_date_time_add_hours (last, (int)hours);
  if (g_date_time_compare (now (guard), until) >= 0)
    return;
  ago = format_duration (g_date_time_difference (now (guard), last));
  until_text = desk_time_format_local (until);
  until_short = desk_time_format_short (until);
  add_finding (guard, level_for (figure), DESK_GUARD_RULE_PRODUCT_COOLDOWN, figure,
               /* Translators: %s is a short date and time, "2 Dec 20:02" */
               g_strdup_printf (_ ("Wait until %s to appeal this product again"), until_short),
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: "Joom accepts one appeal per product every 72 hours; this product was appealed 20 h 0 min ago." */
                                             "%s accepts one appeal per product every %u hour; this product was appealed %s ago.",
                                             "%s accepts one appeal per product every %u hours; this product was appealed %s ago.",
                                             hours),
                                guard->platform, hours, ago),
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: "Product 1234 was appealed 20 h 0 min ago; Joom accepts one appeal per product every 72 hours. Wait until 2026-03-15 10:00." */
                                             "Product %s was appealed %s ago; %s accepts one appeal per product every %u hour. Wait until %s.",
                                             "Product %s was appealed %s ago; %s accepts one appeal per product every %u hours. Wait until %s.",
                                             hours),
                                guard->planned->product_id ? guard->planned->product_id : "—",
                                ago, guard->platform, hours, until_text));
}

static void
check_second_window (Guard                *guard,
                     const DeskRuleFigure *figure)
{
  GDateTime *start = guard->first_rejection ? guard->first_rejection : earliest_attempt (guard);
  guint      days = (guint)desk_rule_figure_get_value (figure);
  g_autoptr (GDateTime) closes = g_date_time_add_days (start, (int)days);
  g_autofree char *closes_text = NULL;

  if (g_date_time_compare (now (guard), closes) <= 0)
    return;
  closes_text = desk_time_format_local (closes);
  add_finding (guard, level_for (figure), DESK_GUARD_RULE_SECOND_APPEAL_WINDOW, figure,
               g_strdup (_ ("Do not appeal again: contact the platform’s support instead")),
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: "Shopee accepts a further appeal only within 15 days of the first rejection; that time ended on 2026-03-18 10:00." */
                                             "%s accepts a further appeal only within %u day of the first rejection; that time ended on %s.",
                                             "%s accepts a further appeal only within %u days of the first rejection; that time ended on %s.",
                                             days),
                                guard->platform, days, closes_text),
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: "The window for a further appeal closed on 2026-03-18 10:00: Shopee accepts one only within 15 days of the first rejection." */
                                             "The window for a further appeal closed on %s: %s accepts one only within %u day of the first rejection. Another appeal will not be accepted; contact the platform’s support instead.",
                                             "The window for a further appeal closed on %s: %s accepts one only within %u days of the first rejection. Another appeal will not be accepted; contact the platform’s support instead.",
                                             days),
                                closes_text, guard->platform, days));
}

static void
check_second_requirement (Guard                *guard,
                          const DeskRuleFigure *figure)
{
  const char              *requires = desk_case_rules_get_second_appeal_requires (guard->rules);
  DeskEvidenceRequirement *req;

  if (requires == NULL || guard->planned->has_third_party_report)
    return;
  req = desk_case_rules_find_evidence (guard->rules, requires);
  add_finding (guard, level_for (figure), DESK_GUARD_RULE_SECOND_APPEAL_REQUIREMENT, figure,
               /* Translators: %s is an evidence item, "Third-party test report" */
               g_strdup_printf (_ ("Attach “%s” before you appeal again"),
                                desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_CURRENT)),
               g_strdup (desk_case_rules_get_second_appeal_requirement (guard->rules, DESK_RULE_LANGUAGE_CURRENT)),
               /* Translators: "A further appeal on Shopee needs: <requirement text> Attach “Third-party test report” before you submit." */
               g_strdup_printf (_ ("A further appeal on %s needs: %s Attach “%s” before you submit it."),
                                guard->platform,
                                desk_case_rules_get_second_appeal_requirement (guard->rules, DESK_RULE_LANGUAGE_CURRENT),
                                desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_CURRENT)));
}

static void
check_second_appeal (Guard *guard)
{
  const DeskRuleFigure *figure = desk_case_rules_get_second_appeal (guard->rules);

  if (figure == NULL || n_attempts (guard) == 0)
    return;
  check_second_window (guard, figure);
  check_second_requirement (guard, figure);
}

static void
check_duplicate_case (Guard *guard)
{
  const DeskRuleFigure *figure = desk_case_rules_get_duplicate_case (guard->rules);
  const char           *existing = NULL;

  if (figure == NULL)
    return;
  for (guint i = 0; i < n_attempts (guard); i++)
    {
      const char *id = attempt_at (guard, i)->platform_case_id;

      if (id != NULL && *id != '\0')
        existing = id;
    }
  if (existing == NULL || g_strcmp0 (guard->planned->platform_case_id, existing) == 0)
    return;
  add_finding (guard, level_for (figure), DESK_GUARD_RULE_DUPLICATE_CASE, figure,
               /* Translators: %s is the platform's case ID */
               g_strdup_printf (_ ("Add to case %s instead of opening a new one"), existing),
               /* Translators: %s is a platform, "Joom" */
               g_strdup_printf (_ ("%s throttles several case IDs for one matter."), guard->platform),
               /* Translators: "This matter already has case ID 778899 on Joom. Add to that case …" */
               g_strdup_printf (_ ("This matter already has case ID %s on %s. Add to that case instead of opening another one: several case IDs for one matter are throttled."),
                                existing, guard->platform));
}

DeskGuardVerdict *
desk_attempt_guard_check (DeskRulePack            *pack,
                          DeskCaseType             case_type,
                          GPtrArray               *attempts,
                          const DeskAppealAttempt *planned,
                          GDateTime               *first_rejection)
{
  Guard guard = { pack, NULL, attempts, planned, first_rejection, NULL, verdict_new () };

  g_return_val_if_fail (DESK_IS_RULE_PACK (pack), guard.verdict);
  g_return_val_if_fail (planned != NULL && planned->attempted_at != NULL, guard.verdict);

  guard.rules = desk_rule_pack_get_case_rules (pack, case_type);
  guard.platform = desk_platform_get_label (desk_rule_pack_get_platform (pack));
  if (guard.rules != NULL)
    {
      check_max_attempts (&guard);
      check_product_cooldown (&guard);
      check_second_appeal (&guard);
      check_duplicate_case (&guard);
    }
  verdict_finish (guard.verdict);
  return guard.verdict;
}
