/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-submission"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-attempts-private.h"
#include "desk-checklist.h"
#include "desk-store-private.h"
#include "desk-submission.h"

struct _DeskSubmissionCheck
{
  gatomicrefcount   ref_count;
  DeskGuardVerdict *verdict; /* NULL without a pack */
  GPtrArray        *missing; /* NULL-terminated labels */
  GPtrArray        *attention;
  gboolean          asks_test_report;
};

G_DEFINE_BOXED_TYPE (DeskSubmissionCheck, desk_submission_check, desk_submission_check_ref, desk_submission_check_unref)

DeskSubmissionCheck *
desk_submission_check_ref (DeskSubmissionCheck *check)
{
  g_return_val_if_fail (check != NULL, NULL);
  g_atomic_ref_count_inc (&check->ref_count);
  return check;
}

void
desk_submission_check_unref (DeskSubmissionCheck *check)
{
  g_return_if_fail (check != NULL);
  if (!g_atomic_ref_count_dec (&check->ref_count))
    return;
  g_clear_pointer (&check->verdict, desk_guard_verdict_unref);
  g_ptr_array_unref (check->missing);
  g_ptr_array_unref (check->attention);
  g_free (check);
}

static DeskSubmissionCheck *
check_new (void)
{
  DeskSubmissionCheck *check = g_new0 (DeskSubmissionCheck, 1);

  g_atomic_ref_count_init (&check->ref_count);
  check->missing = g_ptr_array_new_with_free_func (g_free);
  check->attention = g_ptr_array_new_with_free_func (g_free);
  return check;
}

static const char *
item_label (const DeskChecklistItem *item,
            DeskRulePack            *pack,
            DeskCaseType             case_type)
{
  DeskEvidenceRequirement *req = desk_checklist_item_get_requirement (item, pack, case_type);

  return req ? desk_evidence_requirement_get_label (req, DESK_RULE_LANGUAGE_CURRENT) : item->item_id;
}

static gboolean
collect_gaps (DeskSubmissionCheck *check,
              DeskSession         *session,
              DeskCase            *kase,
              DeskRulePack        *pack,
              GError             **error)
{
  g_autoptr (GPtrArray) items = desk_checklist_list (session, desk_case_get_id (kase), error);

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      DeskChecklistItem *item = items->pdata[i];
      const char        *label = item_label (item, pack, desk_case_get_case_type (kase));

      if (item->state == DESK_CHECKLIST_MISSING && item->required)
        g_ptr_array_add (check->missing, g_strdup (label));
      else if (item->state == DESK_CHECKLIST_NEEDS_ATTENTION)
        g_ptr_array_add (check->attention, g_strdup (label));
    }
  return TRUE;
}

DeskSubmissionCheck *
desk_submission_check (DeskSession          *session,
                       DeskCase             *kase,
                       const DeskSubmission *submission,
                       GError              **error)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (DeskSubmissionCheck) check = check_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  DeskRulePack        *pack;
  const DeskCaseRules *rules = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_CASE (kase), NULL);
  g_return_val_if_fail (submission != NULL, NULL);

  pack = desk_session_get_pack (session, desk_case_get_platform (kase));
  if (pack)
    rules = desk_rule_pack_get_case_rules (pack, desk_case_get_case_type (kase));
  if (rules)
    {
      check->verdict = desk_attempts_check (store, pack, kase, submission->product_id, submission->has_test_report,
                                            submission->at ? submission->at : now, error);
      if (check->verdict == NULL)
        return NULL;
      check->asks_test_report = desk_case_rules_get_second_appeal (rules) != NULL
                                && desk_case_rules_get_second_appeal_requires (rules) != NULL;
    }
  if (!collect_gaps (check, session, kase, pack, error))
    return NULL;
  g_ptr_array_add (check->missing, NULL);
  g_ptr_array_add (check->attention, NULL);
  return g_steal_pointer (&check);
}

DeskGuardVerdict *
desk_submission_check_get_verdict (DeskSubmissionCheck *check)
{
  g_return_val_if_fail (check != NULL, NULL);
  return check->verdict;
}

const char *const *
desk_submission_check_get_missing (DeskSubmissionCheck *check)
{
  g_return_val_if_fail (check != NULL, NULL);
  return (const char *const *)check->missing->pdata;
}

const char *const *
desk_submission_check_get_needs_attention (DeskSubmissionCheck *check)
{
  g_return_val_if_fail (check != NULL, NULL);
  return (const char *const *)check->attention->pdata;
}

gboolean
desk_submission_check_asks_test_report (DeskSubmissionCheck *check)
{
  g_return_val_if_fail (check != NULL, FALSE);
  return check->asks_test_report;
}

DeskGuardLevel
desk_submission_check_get_level (DeskSubmissionCheck *check)
{
  g_return_val_if_fail (check != NULL, DESK_GUARD_LEVEL_OK);
  return check->verdict ? desk_guard_verdict_get_level (check->verdict) : DESK_GUARD_LEVEL_OK;
}

static void
append_list (GString           *text,
             const char        *heading,
             const char *const *labels)
{
  if (labels[0] == NULL)
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, heading);
  for (guint i = 0; labels[i]; i++)
    g_string_append_printf (text, "\n  • %s", labels[i]);
}

char *
desk_submission_check_describe (DeskSubmissionCheck *check)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (check != NULL, NULL);
  if (check->verdict)
    for (guint i = 0; i < desk_guard_verdict_get_n_findings (check->verdict); i++)
      g_string_append_printf (text, "%s%s. %s", text->len ? "\n" : "",
                              desk_guard_verdict_get_finding_title (check->verdict, i),
                              desk_guard_verdict_get_finding_reason (check->verdict, i));
  append_list (text, _ ("Required evidence still missing:"), desk_submission_check_get_missing (check));
  append_list (text, _ ("Evidence that needs attention:"), desk_submission_check_get_needs_attention (check));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Recording */

static char *
timeline_text (const DeskSubmission *submission)
{
  g_autofree char *text = _desk_attempts_timeline_text (submission->product_id, submission->has_test_report);
  GString         *full = g_string_new (text);

  if (submission->ticket && *submission->ticket)
    /* Translators: appended to "Appeal submitted"; %s is the platform's ticket number */
    g_string_append_printf (full, _ (", ticket %s"), submission->ticket);
  if (submission->note && *submission->note)
    g_string_append_printf (full, "\n%s", submission->note);
  return g_string_free (full, FALSE);
}

gint64
desk_submission_record (DeskSession          *session,
                        DeskCase             *kase,
                        const DeskSubmission *submission,
                        GError              **error)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = NULL;
  g_autoptr (DeskStoreTxn) txn = NULL;
  DeskCaseStatus old_status;
  gint64         id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (DESK_IS_CASE (kase) && desk_case_get_id (kase) > 0, 0);
  g_return_val_if_fail (submission != NULL, 0);

  text = timeline_text (submission);
  old_status = desk_case_get_status (kase);
  if (!(txn = _desk_store_txn_begin (store, error)))
    return 0;
  id = _desk_attempts_insert (store, kase, submission->product_id, submission->has_test_report,
                              submission->at ? submission->at : now, submission->note, submission->ticket, error);
  if (id == 0 || !desk_store_add_timeline_entry (store, desk_case_get_id (kase), "submitted", text, error))
    return 0;
  desk_case_set_status (kase, DESK_CASE_STATUS_SUBMITTED);
  if (!desk_store_update_case (store, kase, error))
    {
      desk_case_set_status (kase, old_status);
      return 0;
    }
  _desk_store_notify (store, "attempts", desk_case_get_id (kase));
  if (!_desk_store_txn_commit (g_steal_pointer (&txn), error))
    {
      desk_case_set_status (kase, old_status);
      return 0;
    }
  return id;
}
