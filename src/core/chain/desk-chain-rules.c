/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-rule-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-chain-rules.h"
#include "desk-rule-pack-check-private.h"

/* The "chain" member of a case type (schema version 2): kept apart from
 * desk-rule-pack-parse.c so the chain's rules stay in one place. */

struct _DeskChainRules
{
  DeskRuleFigure *rules[DESK_CHAIN_N_RULES];
  GStrv           sites;
};

static const char *const rule_keys[] = {
  "platform_named",
  "specific_products",
  "no_scan_only",
  "signed_and_stamped",
  "sites",
};
G_STATIC_ASSERT (G_N_ELEMENTS (rule_keys) == DESK_CHAIN_N_RULES);

void
_desk_chain_rules_free (DeskChainRules *rules)
{
  if (rules == NULL)
    return;
  for (guint i = 0; i < DESK_CHAIN_N_RULES; i++)
    g_clear_pointer (&rules->rules[i], _desk_rule_figure_free);
  g_strfreev (rules->sites);
  g_free (rules);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskChainRules, _desk_chain_rules_free)

const DeskChainRules *
desk_case_rules_get_chain (const DeskCaseRules *rules)
{
  return rules->chain;
}

const DeskRuleFigure *
desk_chain_rules_get (const DeskChainRules *rules,
                      DeskChainRule         rule)
{
  g_return_val_if_fail (rule < DESK_CHAIN_N_RULES, NULL);
  return rules->rules[rule];
}

const char *const *
desk_chain_rules_get_sites (const DeskChainRules *rules)
{
  return (const char *const *)rules->sites;
}

static gboolean
check_requirement (DeskRuleCheck *ctx,
                   JsonNode      *node,
                   gpointer       out)
{
  static const char *const keys[] = { "source", "verify", "note", "severity", NULL };
  g_autoptr (DeskRuleFigure) figure = _desk_rule_figure_new ();
  JsonObject *obj;

  figure->severity = DESK_RULE_SEVERITY_STOP;
  if (!_desk_rule_check_object (ctx, node, keys, &obj) || !_desk_rule_check_citation (ctx, obj, figure))
    return FALSE;
  *(DeskRuleFigure **)out = g_steal_pointer (&figure);
  return TRUE;
}

static gboolean
check_country (DeskRuleCheck *ctx,
               JsonNode      *node,
               gpointer       out)
{
  return _desk_rule_check_pattern (ctx, node, "^[A-Z]{2}$", _ ("a two-letter country code in capitals such as “MY”"), out);
}

static gboolean
check_countries (DeskRuleCheck *ctx,
                 JsonNode      *node,
                 gpointer       out)
{
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  JsonArray *array;

  if (!_desk_rule_check_array (ctx, node, TRUE, &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *code = NULL;
      gsize       mark = _desk_rule_push_index (ctx, i);
      gboolean    ok = check_country (ctx, json_array_get_element (array, i), &code);

      _desk_rule_pop (ctx, mark);
      if (!ok)
        return FALSE;
      g_strv_builder_add (b, code);
    }
  *(GStrv *)out = g_strv_builder_end (b);
  return TRUE;
}

static gboolean
check_sites (DeskRuleCheck *ctx,
             JsonNode      *node,
             gpointer       out)
{
  static const char *const keys[] = { "countries", "source", "verify", "note", NULL };
  DeskChainRules          *rules = out;
  g_autoptr (DeskRuleFigure) figure = _desk_rule_figure_new ();
  JsonObject *obj;

  if (!_desk_rule_check_object (ctx, node, keys, &obj)
      || !_desk_rule_check_member (ctx, obj, "countries", TRUE, check_countries, &rules->sites)
      || !_desk_rule_check_citation (ctx, obj, figure))
    return FALSE;
  rules->rules[DESK_CHAIN_RULE_SITES] = g_steal_pointer (&figure);
  return TRUE;
}

gboolean
_desk_rule_check_chain (DeskRuleCheck *ctx,
                        JsonNode      *node,
                        gpointer       out)
{
  static const char *const keys[] = {
    "platform_named", "specific_products", "no_scan_only", "signed_and_stamped", "sites", NULL
  };
  DeskCaseRules *case_rules = out;
  g_autoptr (DeskChainRules) rules = g_new0 (DeskChainRules, 1);
  JsonObject *obj;

  if (!_desk_rule_check_object (ctx, node, keys, &obj))
    return FALSE;
  for (guint i = 0; i < DESK_CHAIN_RULE_SITES; i++)
    if (!_desk_rule_check_member (ctx, obj, rule_keys[i], FALSE, check_requirement, &rules->rules[i]))
      return FALSE;
  if (!_desk_rule_check_member (ctx, obj, "sites", FALSE, check_sites, rules))
    return FALSE;
  if (rules->sites == NULL)
    rules->sites = g_new0 (char *, 1);
  _desk_chain_rules_free (case_rules->chain);
  case_rules->chain = g_steal_pointer (&rules);
  return TRUE;
}
