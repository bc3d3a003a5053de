/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-rule-pack-private.h"

G_BEGIN_DECLS

/* Validator state. Every check function validates @node at the current
 * path (NULL node = member missing), stores its result in @out and returns
 * TRUE, or sets the first error (file, JSONPath, expected, found) and
 * returns FALSE. */
typedef struct
{
  const char *file;
  GString    *path; /* "$.case_types.ip-complaint.deadline" */
  GError    **error;
  GHashTable *sources; /* source ids known so far (borrowed) */
} DeskRuleCheck;

typedef gboolean (*DeskRuleCheckFunc) (DeskRuleCheck *ctx,
                                       JsonNode      *node,
                                       gpointer       out);

gsize _desk_rule_push_key (DeskRuleCheck *ctx,
                           const char    *key);
gsize _desk_rule_push_index (DeskRuleCheck *ctx,
                             guint          index);
void  _desk_rule_pop (DeskRuleCheck *ctx,
                      gsize          mark);

/* Both return FALSE so callers can `return _desk_rule_fail (…)`. */
gboolean _desk_rule_fail (DeskRuleCheck *ctx,
                          const char    *expected,
                          JsonNode      *node);
gboolean _desk_rule_fail_found (DeskRuleCheck *ctx,
                                const char    *expected,
                                const char    *found);

/* Runs @check on obj[key] with the path extended; a missing optional
 * member succeeds and leaves @out untouched. */
gboolean _desk_rule_check_member (DeskRuleCheck    *ctx,
                                  JsonObject       *obj,
                                  const char       *key,
                                  gboolean          required,
                                  DeskRuleCheckFunc check,
                                  gpointer          out);
gboolean _desk_rule_check_keys (DeskRuleCheck     *ctx,
                                JsonObject        *obj,
                                const char *const *allowed);
/* @allowed may be NULL to accept any member. */
gboolean _desk_rule_check_object (DeskRuleCheck     *ctx,
                                  JsonNode          *node,
                                  const char *const *allowed,
                                  JsonObject       **out);
gboolean _desk_rule_check_array (DeskRuleCheck *ctx,
                                 JsonNode      *node,
                                 gboolean       non_empty,
                                 JsonArray    **out);
gboolean _desk_rule_check_pattern (DeskRuleCheck *ctx,
                                   JsonNode      *node,
                                   const char    *pattern,
                                   const char    *expected,
                                   const char   **out);

/* DeskRuleCheckFunc implementations; the type of @out is in the comment. */
gboolean _desk_rule_check_string (DeskRuleCheck *ctx, JsonNode *node, gpointer out);          /* const char ** */
gboolean _desk_rule_check_bool (DeskRuleCheck *ctx, JsonNode *node, gpointer out);            /* gboolean * */
gboolean _desk_rule_check_positive_int (DeskRuleCheck *ctx, JsonNode *node, gpointer out);    /* guint * */
gboolean _desk_rule_check_positive_number (DeskRuleCheck *ctx, JsonNode *node, gpointer out); /* double * */
gboolean _desk_rule_check_id (DeskRuleCheck *ctx, JsonNode *node, gpointer out);              /* const char ** */
gboolean _desk_rule_check_date (DeskRuleCheck *ctx, JsonNode *node, gpointer out);            /* const char ** */
gboolean _desk_rule_check_version (DeskRuleCheck *ctx, JsonNode *node, gpointer out);         /* const char ** */
gboolean _desk_rule_check_text (DeskRuleCheck *ctx, JsonNode *node, gpointer out);            /* DeskRuleText * */
gboolean _desk_rule_check_text_array (DeskRuleCheck *ctx, JsonNode *node, gpointer out);      /* GPtrArray ** */
gboolean _desk_rule_check_formats (DeskRuleCheck *ctx, JsonNode *node, gpointer out);         /* GStrv * */
gboolean _desk_rule_check_languages (DeskRuleCheck *ctx, JsonNode *node, gpointer out);       /* GStrv * */
gboolean _desk_rule_check_source (DeskRuleCheck *ctx, JsonNode *node, gpointer out);          /* char ** */
gboolean _desk_rule_check_severity (DeskRuleCheck *ctx, JsonNode *node, gpointer out);        /* DeskRuleSeverity * */

/* The "chain" member of a case type; @out is the DeskCaseRules (chain/desk-chain-rules.c). */
gboolean _desk_rule_check_chain (DeskRuleCheck *ctx, JsonNode *node, gpointer out);

/* "source" and "verify" (required), "note" and "severity" (optional) of @obj. */
gboolean _desk_rule_check_citation (DeskRuleCheck  *ctx,
                                    JsonObject     *obj,
                                    DeskRuleFigure *figure);
/* { <value_key>: positive integer, citation members } restricted to @keys. */
gboolean _desk_rule_check_int_figure (DeskRuleCheck     *ctx,
                                      JsonNode          *node,
                                      const char        *value_key,
                                      const char *const *keys,
                                      DeskRuleSeverity   severity,
                                      DeskRuleFigure   **out);
/* "closure" of a case type (desk-rule-pack-closure.c); @out is DeskCaseRules *. */
gboolean _desk_rule_check_closure (DeskRuleCheck *ctx, JsonNode *node, gpointer out);

/* $.notice (schema version 2, src/core/notice/desk-notice-vocabulary.c):
 * @out is a JsonNode ** that receives a copy of the valid member. */
gboolean _desk_rule_check_notice (DeskRuleCheck *ctx, JsonNode *node, gpointer out);

G_END_DECLS
