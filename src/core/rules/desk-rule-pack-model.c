/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-rule-pack"

#include "config.h"

#include <string.h>

#include "desk-rule-pack-private.h"
#include "metrics/desk-activity-rules.h"

/* The plain structures inside a rule pack and their accessors. */

DeskRuleLanguage
desk_rule_language_get_current (void)
{
  const char *const *names = g_get_language_names ();

  if (names[0] != NULL && g_str_has_prefix (names[0], "zh"))
    return DESK_RULE_LANGUAGE_ZH;
  return DESK_RULE_LANGUAGE_EN;
}

/* DeskRuleText */

const char *
_desk_rule_text_get (const DeskRuleText *text,
                     DeskRuleLanguage    language)
{
  if (text == NULL || text->en == NULL)
    return NULL;
  if (language == DESK_RULE_LANGUAGE_CURRENT)
    language = desk_rule_language_get_current ();
  return language == DESK_RULE_LANGUAGE_ZH ? text->zh : text->en;
}

void
_desk_rule_text_clear (DeskRuleText *text)
{
  g_clear_pointer (&text->en, g_free);
  g_clear_pointer (&text->zh, g_free);
}

DeskRuleText *
_desk_rule_text_copy (const DeskRuleText *text)
{
  DeskRuleText *copy = g_new0 (DeskRuleText, 1);

  copy->en = g_strdup (text->en);
  copy->zh = g_strdup (text->zh);
  return copy;
}

void
_desk_rule_text_free (DeskRuleText *text)
{
  if (text == NULL)
    return;
  _desk_rule_text_clear (text);
  g_free (text);
}

static const char *
text_at (GPtrArray       *texts,
         guint            index,
         DeskRuleLanguage language)
{
  if (texts == NULL || index >= texts->len)
    return NULL;
  return _desk_rule_text_get (g_ptr_array_index (texts, index), language);
}

/* DeskRuleFigure */

DeskRuleFigure *
_desk_rule_figure_new (void)
{
  return g_new0 (DeskRuleFigure, 1);
}

void
_desk_rule_figure_free (DeskRuleFigure *figure)
{
  if (figure == NULL)
    return;
  g_free (figure->source);
  _desk_rule_text_clear (&figure->verify);
  _desk_rule_text_clear (&figure->note);
  g_free (figure);
}

double
desk_rule_figure_get_value (const DeskRuleFigure *figure)
{
  g_return_val_if_fail (figure != NULL, 0);
  return figure->value;
}

double
desk_rule_figure_get_max (const DeskRuleFigure *figure)
{
  g_return_val_if_fail (figure != NULL, 0);
  return figure->max;
}

const char *
desk_rule_figure_get_source (const DeskRuleFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);
  return figure->source;
}

const char *
desk_rule_figure_get_verify (const DeskRuleFigure *figure,
                             DeskRuleLanguage      language)
{
  g_return_val_if_fail (figure != NULL, NULL);
  return _desk_rule_text_get (&figure->verify, language);
}

const char *
desk_rule_figure_get_note (const DeskRuleFigure *figure,
                           DeskRuleLanguage      language)
{
  g_return_val_if_fail (figure != NULL, NULL);
  return _desk_rule_text_get (&figure->note, language);
}

DeskRuleSeverity
desk_rule_figure_get_severity (const DeskRuleFigure *figure)
{
  g_return_val_if_fail (figure != NULL, DESK_RULE_SEVERITY_WARN);
  return figure->severity;
}

/* DeskRuleTerm */

DeskRuleTerm *
_desk_rule_term_new (void)
{
  return g_new0 (DeskRuleTerm, 1);
}

void
_desk_rule_term_free (DeskRuleTerm *term)
{
  if (term == NULL)
    return;
  _desk_rule_text_clear (&term->term);
  g_free (term->source);
  g_free (term);
}

/* DeskEvidenceRequirement */

G_DEFINE_BOXED_TYPE (DeskEvidenceRequirement, desk_evidence_requirement, desk_evidence_requirement_ref, desk_evidence_requirement_unref)

DeskEvidenceRequirement *
_desk_evidence_requirement_new (void)
{
  DeskEvidenceRequirement *req = g_new0 (DeskEvidenceRequirement, 1);

  g_atomic_ref_count_init (&req->ref_count);
  return req;
}

DeskEvidenceRequirement *
desk_evidence_requirement_ref (DeskEvidenceRequirement *req)
{
  g_return_val_if_fail (req != NULL, NULL);
  g_atomic_ref_count_inc (&req->ref_count);
  return req;
}

void
desk_evidence_requirement_unref (DeskEvidenceRequirement *req)
{
  g_return_if_fail (req != NULL);
  if (!g_atomic_ref_count_dec (&req->ref_count))
    return;
  g_free (req->id);
  _desk_rule_text_clear (&req->label);
  _desk_rule_text_clear (&req->why);
  g_clear_pointer (&req->formats, g_strfreev);
  g_clear_pointer (&req->pitfalls, g_ptr_array_unref);
  g_clear_pointer (&req->pitfall_ids, g_ptr_array_unref);
  g_free (req->source);
  g_free (req);
}

const char *
desk_evidence_requirement_get_id (const DeskEvidenceRequirement *req)
{
  g_return_val_if_fail (req != NULL, NULL);
  return req->id;
}

gboolean
desk_evidence_requirement_get_required (const DeskEvidenceRequirement *req)
{
  g_return_val_if_fail (req != NULL, FALSE);
  return req->required;
}

const char *
desk_evidence_requirement_get_label (const DeskEvidenceRequirement *req,
                                     DeskRuleLanguage               language)
{
  g_return_val_if_fail (req != NULL, NULL);
  return _desk_rule_text_get (&req->label, language);
}

const char *
desk_evidence_requirement_get_why (const DeskEvidenceRequirement *req,
                                   DeskRuleLanguage               language)
{
  g_return_val_if_fail (req != NULL, NULL);
  return _desk_rule_text_get (&req->why, language);
}

const char *const *
desk_evidence_requirement_get_formats (const DeskEvidenceRequirement *req)
{
  g_return_val_if_fail (req != NULL, NULL);
  return (const char *const *)req->formats;
}

gboolean
desk_evidence_requirement_accepts_format (const DeskEvidenceRequirement *req,
                                          const char                    *file_name)
{
  const char      *dot;
  g_autofree char *ext = NULL;

  g_return_val_if_fail (req != NULL, FALSE);
  g_return_val_if_fail (file_name != NULL, FALSE);
  dot = strrchr (file_name, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  ext = g_ascii_strdown (dot + 1, -1);
  /* One name for one format, as in the packs. */
  if (g_str_equal (ext, "jpeg"))
    return g_strv_contains ((const char *const *)req->formats, "jpg");
  return g_strv_contains ((const char *const *)req->formats, ext);
}

guint
desk_evidence_requirement_get_n_pitfalls (const DeskEvidenceRequirement *req)
{
  g_return_val_if_fail (req != NULL, 0);
  return req->pitfalls ? req->pitfalls->len : 0;
}

const char *
desk_evidence_requirement_get_pitfall (const DeskEvidenceRequirement *req,
                                       guint                          index,
                                       DeskRuleLanguage               language)
{
  g_return_val_if_fail (req != NULL, NULL);
  return text_at (req->pitfalls, index, language);
}

const char *
desk_evidence_requirement_get_pitfall_id (const DeskEvidenceRequirement *req,
                                          guint                          index)
{
  g_return_val_if_fail (req != NULL, NULL);
  if (req->pitfall_ids == NULL || index >= req->pitfall_ids->len)
    return NULL;
  return req->pitfall_ids->pdata[index];
}

const char *
desk_case_rules_find_pitfall (const DeskCaseRules *rules,
                              const char          *pitfall_id,
                              DeskRuleLanguage     language)
{
  g_return_val_if_fail (pitfall_id != NULL, NULL);
  if (rules == NULL)
    return NULL;
  for (guint i = 0; i < rules->evidence->len; i++)
    {
      const DeskEvidenceRequirement *req = rules->evidence->pdata[i];

      for (guint j = 0; j < desk_evidence_requirement_get_n_pitfalls (req); j++)
        if (g_strcmp0 (desk_evidence_requirement_get_pitfall_id (req, j), pitfall_id) == 0)
          return desk_evidence_requirement_get_pitfall (req, j, language);
    }
  return NULL;
}

const char *
desk_evidence_requirement_get_source (const DeskEvidenceRequirement *req)
{
  g_return_val_if_fail (req != NULL, NULL);
  return req->source;
}

/* DeskCaseRules */

DeskCaseRules *
_desk_case_rules_new (DeskCaseType case_type)
{
  DeskCaseRules *rules = g_new0 (DeskCaseRules, 1);

  rules->case_type = case_type;
  rules->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_evidence_requirement_unref);
  rules->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)_desk_rule_term_free);
  return rules;
}

void
_desk_case_rules_free (DeskCaseRules *rules)
{
  if (rules == NULL)
    return;
  g_clear_pointer (&rules->deadline, _desk_rule_figure_free);
  g_clear_pointer (&rules->evidence, g_ptr_array_unref);
  g_clear_pointer (&rules->max_attempts, _desk_rule_figure_free);
  g_clear_pointer (&rules->product_cooldown, _desk_rule_figure_free);
  g_clear_pointer (&rules->second_appeal, _desk_rule_figure_free);
  g_clear_pointer (&rules->second_requires, g_free);
  _desk_rule_text_clear (&rules->second_requirement);
  g_clear_pointer (&rules->duplicate_case, _desk_rule_figure_free);
  g_clear_pointer (&rules->letter_languages, g_strfreev);
  g_clear_pointer (&rules->char_limit, _desk_rule_figure_free);
  g_clear_pointer (&rules->letter_rule, _desk_rule_figure_free);
  g_clear_pointer (&rules->letter_notes, g_ptr_array_unref);
  g_clear_pointer (&rules->review_time, _desk_rule_figure_free);
  _desk_rule_text_clear (&rules->review_text);
  g_clear_pointer (&rules->submit_rule, _desk_rule_figure_free);
  g_clear_pointer (&rules->submit_steps, g_ptr_array_unref);
  g_clear_pointer (&rules->submit_paste, g_ptr_array_unref);
  g_clear_pointer (&rules->terms, g_hash_table_unref);
  g_clear_pointer (&rules->closure_rule, _desk_rule_figure_free);
  g_clear_pointer (&rules->root_causes, g_ptr_array_unref);
  g_clear_pointer (&rules->advice, g_ptr_array_unref);
  g_clear_pointer (&rules->chain, _desk_chain_rules_free);
  g_clear_pointer (&rules->activity_metrics, desk_activity_rules_unref);
  g_free (rules);
}

DeskCaseType
desk_case_rules_get_case_type (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, DESK_CASE_TYPE_UNKNOWN);
  return rules->case_type;
}

const DeskRuleFigure *
desk_case_rules_get_deadline (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->deadline;
}

guint
desk_case_rules_get_n_evidence (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rules->evidence->len;
}

DeskEvidenceRequirement *
desk_case_rules_get_evidence (const DeskCaseRules *rules,
                              guint                index)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (index < rules->evidence->len, NULL);
  return g_ptr_array_index (rules->evidence, index);
}

DeskEvidenceRequirement *
desk_case_rules_find_evidence (const DeskCaseRules *rules,
                               const char          *id)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  for (guint i = 0; i < rules->evidence->len; i++)
    {
      DeskEvidenceRequirement *req = g_ptr_array_index (rules->evidence, i);

      if (g_str_equal (req->id, id))
        return req;
    }
  return NULL;
}

const DeskRuleFigure *
desk_case_rules_get_max_attempts (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->max_attempts;
}

const DeskRuleFigure *
desk_case_rules_get_product_cooldown (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->product_cooldown;
}

const DeskRuleFigure *
desk_case_rules_get_second_appeal (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->second_appeal;
}

const char *
desk_case_rules_get_second_appeal_requires (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->second_requires;
}

const char *
desk_case_rules_get_second_appeal_requirement (const DeskCaseRules *rules,
                                               DeskRuleLanguage     language)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return _desk_rule_text_get (&rules->second_requirement, language);
}

const DeskRuleFigure *
desk_case_rules_get_duplicate_case (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->duplicate_case;
}

const char *const *
desk_case_rules_get_letter_languages (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return (const char *const *)rules->letter_languages;
}

const DeskRuleFigure *
desk_case_rules_get_char_limit (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->char_limit;
}

const DeskRuleFigure *
desk_case_rules_get_letter_rule (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->letter_rule;
}

guint
desk_case_rules_get_n_letter_notes (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rules->letter_notes ? rules->letter_notes->len : 0;
}

const char *
desk_case_rules_get_letter_note (const DeskCaseRules *rules,
                                 guint                index,
                                 DeskRuleLanguage     language)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return text_at (rules->letter_notes, index, language);
}

const DeskRuleFigure *
desk_case_rules_get_review_time (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->review_time;
}

const char *
desk_case_rules_get_review_time_text (const DeskCaseRules *rules,
                                      DeskRuleLanguage     language)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return _desk_rule_text_get (&rules->review_text, language);
}

gboolean
desk_case_rules_get_review_in_working_days (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, FALSE);
  return rules->review_working_days;
}

const DeskRuleFigure *
desk_case_rules_get_submit_rule (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->submit_rule;
}

guint
desk_case_rules_get_n_submit_steps (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rules->submit_steps ? rules->submit_steps->len : 0;
}

const char *
desk_case_rules_get_submit_step (const DeskCaseRules *rules,
                                 guint                index,
                                 DeskRuleLanguage     language)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return text_at (rules->submit_steps, index, language);
}

guint
desk_case_rules_get_n_paste_steps (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rules->submit_paste ? rules->submit_paste->len : 0;
}

const char *
desk_case_rules_get_paste_step (const DeskCaseRules *rules,
                                guint                index,
                                DeskRuleLanguage     language)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return text_at (rules->submit_paste, index, language);
}

/* DeskRulePackData */

DeskRulePackData *
_desk_rule_pack_data_new (void)
{
  DeskRulePackData *data = g_new0 (DeskRulePackData, 1);

  data->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)_desk_rule_text_free);
  data->platform_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  data->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)_desk_rule_term_free);
  return data;
}

void
_desk_rule_pack_data_free (DeskRulePackData *data)
{
  if (data == NULL)
    return;
  g_free (data->pack_version);
  g_free (data->effective_date);
  _desk_rule_text_clear (&data->platform_label);
  g_clear_pointer (&data->platform_names, g_hash_table_unref);
  g_clear_pointer (&data->sources, g_hash_table_unref);
  g_clear_pointer (&data->terms, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (data->case_rules); i++)
    g_clear_pointer (&data->case_rules[i], _desk_case_rules_free);
  g_clear_pointer (&data->notice, json_node_unref);
  g_free (data);
}

DeskActivityRules *
desk_case_rules_get_activity_metrics (const DeskCaseRules *rules)
{
  return rules->activity_metrics;
}
