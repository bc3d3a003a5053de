/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-rule-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-rule-pack-check-private.h"

/* The optional "closure" member of a case type: root causes to choose from
 * when closing a case, and risk-control advice for the closure report. */

static void
root_cause_free (DeskRuleRootCause *cause)
{
  g_free (cause->id);
  _desk_rule_text_clear (&cause->label);
  g_free (cause);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskRuleRootCause, root_cause_free)

static gboolean
check_root_cause (DeskRuleCheck *ctx,
                  JsonNode      *node,
                  GPtrArray     *causes)
{
  static const char *const keys[] = { "id", "label", NULL };
  g_autoptr (DeskRuleRootCause) cause = g_new0 (DeskRuleRootCause, 1);
  JsonObject *obj;
  const char *id = NULL;

  if (!_desk_rule_check_object (ctx, node, keys, &obj)
      || !_desk_rule_check_member (ctx, obj, "id", TRUE, _desk_rule_check_id, &id)
      || !_desk_rule_check_member (ctx, obj, "label", TRUE, _desk_rule_check_text, &cause->label))
    return FALSE;
  for (guint i = 0; i < causes->len; i++)
    if (g_str_equal (((DeskRuleRootCause *)causes->pdata[i])->id, id))
      {
        gsize mark = _desk_rule_push_key (ctx, "id");

        _desk_rule_fail (ctx, _ ("an id not used by another root cause of this case type"),
                         json_object_get_member (obj, "id"));
        _desk_rule_pop (ctx, mark);
        return FALSE;
      }
  cause->id = g_strdup (id);
  g_ptr_array_add (causes, g_steal_pointer (&cause));
  return TRUE;
}

static gboolean
check_root_causes (DeskRuleCheck *ctx,
                   JsonNode      *node,
                   gpointer       out)
{
  g_autoptr (GPtrArray) causes = g_ptr_array_new_with_free_func ((GDestroyNotify)root_cause_free);
  JsonArray *array;

  if (!_desk_rule_check_array (ctx, node, TRUE, &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize    mark = _desk_rule_push_index (ctx, i);
      gboolean ok = check_root_cause (ctx, json_array_get_element (array, i), causes);

      _desk_rule_pop (ctx, mark);
      if (!ok)
        return FALSE;
    }
  *(GPtrArray **)out = g_steal_pointer (&causes);
  return TRUE;
}

gboolean
_desk_rule_check_closure (DeskRuleCheck *ctx,
                          JsonNode      *node,
                          gpointer       out)
{
  static const char *const keys[] = { "root_causes", "advice", "source", "verify", NULL };
  DeskCaseRules           *rules = out;
  JsonObject              *obj;

  rules->closure_rule = _desk_rule_figure_new ();
  return _desk_rule_check_object (ctx, node, keys, &obj)
         && _desk_rule_check_member (ctx, obj, "root_causes", TRUE, check_root_causes, &rules->root_causes)
         && _desk_rule_check_member (ctx, obj, "advice", TRUE, _desk_rule_check_text_array, &rules->advice)
         && _desk_rule_check_citation (ctx, obj, rules->closure_rule);
}

const DeskRuleFigure *
desk_case_rules_get_closure_rule (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return rules->closure_rule;
}

guint
desk_case_rules_get_n_root_causes (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rules->root_causes ? rules->root_causes->len : 0;
}

const char *
desk_case_rules_get_root_cause_id (const DeskCaseRules *rules,
                                   guint                index)
{
  g_return_val_if_fail (index < desk_case_rules_get_n_root_causes (rules), NULL);
  return ((DeskRuleRootCause *)rules->root_causes->pdata[index])->id;
}

const char *
desk_case_rules_get_root_cause_label (const DeskCaseRules *rules,
                                      guint                index,
                                      DeskRuleLanguage     language)
{
  g_return_val_if_fail (index < desk_case_rules_get_n_root_causes (rules), NULL);
  return _desk_rule_text_get (&((DeskRuleRootCause *)rules->root_causes->pdata[index])->label, language);
}

const char *
desk_case_rules_find_root_cause (const DeskCaseRules *rules,
                                 const char          *id,
                                 DeskRuleLanguage     language)
{
  for (guint i = 0; id && i < desk_case_rules_get_n_root_causes (rules); i++)
    if (g_str_equal (desk_case_rules_get_root_cause_id (rules, i), id))
      return desk_case_rules_get_root_cause_label (rules, i, language);
  return NULL;
}

guint
desk_case_rules_get_n_advice (const DeskCaseRules *rules)
{
  g_return_val_if_fail (rules != NULL, 0);
  return rules->advice ? rules->advice->len : 0;
}

const char *
desk_case_rules_get_advice (const DeskCaseRules *rules,
                            guint                index,
                            DeskRuleLanguage     language)
{
  g_return_val_if_fail (index < desk_case_rules_get_n_advice (rules), NULL);
  return _desk_rule_text_get (rules->advice->pdata[index], language);
}
