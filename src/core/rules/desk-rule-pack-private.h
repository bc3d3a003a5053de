/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "desk-rule-pack.h"

G_BEGIN_DECLS

/* The "chain" member of a case type (chain/desk-chain-rules.h). */
typedef struct _DeskChainRules DeskChainRules;

/* Bilingual text; both members are non-empty once validated, or both NULL
 * for an absent optional text. */
typedef struct
{
  char *en;
  char *zh;
} DeskRuleText;

struct _DeskRuleFigure
{
  double           value;
  double           max;
  char            *source;
  DeskRuleText     verify;
  DeskRuleText     note;
  DeskRuleSeverity severity;
};

struct _DeskEvidenceRequirement
{
  gatomicrefcount ref_count;
  char           *id;
  gboolean        required;
  DeskRuleText    label;
  DeskRuleText    why;
  GStrv           formats;
  GPtrArray      *pitfalls;    /* DeskRuleText* */
  GPtrArray      *pitfall_ids; /* char* or NULL, same order */
  char           *source;
};

typedef struct
{
  DeskRuleText term;
  char        *source;
} DeskRuleTerm;

struct _DeskCaseRules
{
  DeskCaseType    case_type;
  DeskRuleFigure *deadline;
  GPtrArray      *evidence; /* DeskEvidenceRequirement*, pack order */
  DeskRuleFigure *max_attempts;
  DeskRuleFigure *product_cooldown;
  DeskRuleFigure *second_appeal;
  char           *second_requires;
  DeskRuleText    second_requirement;
  DeskRuleFigure *duplicate_case;
  GStrv           letter_languages;
  DeskRuleFigure *char_limit;
  DeskRuleFigure *letter_rule;
  GPtrArray      *letter_notes; /* DeskRuleText* */
  DeskRuleFigure *review_time;
  DeskRuleText    review_text;
  gboolean        review_working_days;
  DeskRuleFigure *submit_rule;
  GPtrArray      *submit_steps; /* DeskRuleText* */
  GPtrArray      *submit_paste; /* DeskRuleText*, NULL when none */
  GHashTable     *terms;        /* id → DeskRuleTerm* */
  /* Closing a case (desk-rule-pack-closure.c); all NULL when absent. */
  DeskRuleFigure            *closure_rule;
  GPtrArray                 *root_causes; /* DeskRuleRootCause* */
  GPtrArray                 *advice;      /* DeskRuleText* */
  DeskChainRules            *chain;       /* schema 2 "chain" member or NULL (chain/desk-chain-rules.c) */
  struct _DeskActivityRules *activity_metrics;
};

typedef struct
{
  char        *id;
  DeskRuleText label;
} DeskRuleRootCause;

/* What the parser builds; DeskRulePack wraps it. */
typedef struct
{
  int            schema_version;
  DeskPlatform   platform;
  DeskRuleText   platform_label; /* optional */
  GHashTable    *platform_names; /* $.platform_label: language code → name, empty when absent */
  char          *pack_version;
  char          *effective_date;
  GHashTable    *sources; /* id → DeskRuleText* (title) */
  GHashTable    *terms;   /* id → DeskRuleTerm* */
  DeskCaseRules *case_rules[DESK_N_CASE_TYPES];
  JsonNode      *notice; /* schema 2: the notice decoder's cues, or NULL */
} DeskRulePackData;

const char   *_desk_rule_text_get (const DeskRuleText *text,
                                   DeskRuleLanguage    language);
void          _desk_rule_text_clear (DeskRuleText *text);
DeskRuleText *_desk_rule_text_copy (const DeskRuleText *text);
void          _desk_rule_text_free (DeskRuleText *text);

DeskRuleFigure          *_desk_rule_figure_new (void);
void                     _desk_rule_figure_free (DeskRuleFigure *figure);
DeskRuleTerm            *_desk_rule_term_new (void);
void                     _desk_rule_term_free (DeskRuleTerm *term);
DeskEvidenceRequirement *_desk_evidence_requirement_new (void);
DeskCaseRules           *_desk_case_rules_new (DeskCaseType case_type);
void                     _desk_case_rules_free (DeskCaseRules *rules);
DeskRulePackData        *_desk_rule_pack_data_new (void);
void                     _desk_chain_rules_free (DeskChainRules *rules);
void                     _desk_rule_pack_data_free (DeskRulePackData *data);

/* Validates @root and builds the pack data, or fails with a
 * DESK_RULE_PACK_ERROR naming @file_name and the JSONPath. */
DeskRulePackData *_desk_rule_pack_parse (JsonNode   *root,
                                         const char *file_name,
                                         GError    **error);

/* The validated $.notice member (borrowed), or NULL. */
JsonNode *_desk_rule_pack_get_notice (DeskRulePack *pack);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskRuleFigure, _desk_rule_figure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskRuleTerm, _desk_rule_term_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCaseRules, _desk_case_rules_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskRulePackData, _desk_rule_pack_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskRuleText, _desk_rule_text_free)

G_END_DECLS
