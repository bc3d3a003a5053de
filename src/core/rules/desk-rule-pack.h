/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-types.h"

G_BEGIN_DECLS

/* A pack larger or deeper than this is refused before it is parsed. */
#define DESK_RULE_PACK_MAX_SIZE  (1024 * 1024)
#define DESK_RULE_PACK_MAX_DEPTH 32

/* A rule pack: what one platform demands for each case type (deadline,
 * evidence, appeal limits, letter languages and limits, review time, where to
 * submit, terminology). Packs are JSON files described in data/rules/SCHEMA.md.
 * Every figure carries its source ("seed 000") and a "verify with the
 * platform" note; show desk_rule_pack_get_label() wherever a rule is used.
 *
 * All strings and objects returned by accessors are owned by the pack and
 * live as long as it does, unless the function says otherwise. */

#define DESK_RULE_PACK_SCHEMA_VERSION 2

#define DESK_RULE_PACK_ERROR (desk_rule_pack_error_quark ())

typedef enum
{
  DESK_RULE_PACK_ERROR_NOT_JSON,       /* syntax error, or not UTF-8 */
  DESK_RULE_PACK_ERROR_INVALID,        /* valid JSON, wrong shape or value */
  DESK_RULE_PACK_ERROR_SCHEMA_TOO_NEW, /* written for a newer Appeal Desk */
  DESK_RULE_PACK_ERROR_IO,             /* cannot read the file */
  DESK_RULE_PACK_ERROR_WRONG_PLATFORM, /* file name and "platform" disagree */
  DESK_RULE_PACK_ERROR_NOT_NEWER,      /* user pack ignored: built-in is as new */
} DeskRulePackError;

/* Which language of a bilingual text to return. CURRENT is "zh" when the
 * first entry of g_get_language_names() starts with "zh", else "en". */
typedef enum
{
  DESK_RULE_LANGUAGE_CURRENT,
  DESK_RULE_LANGUAGE_EN,
  DESK_RULE_LANGUAGE_ZH,
} DeskRuleLanguage;

typedef enum
{
  DESK_RULE_PACK_ORIGIN_BUILTIN,
  DESK_RULE_PACK_ORIGIN_USER,
} DeskRulePackOrigin;

/* How the attempt guard treats a broken appeal limit. */
typedef enum
{
  DESK_RULE_SEVERITY_WARN, /* risky: the platform may reject or throttle */
  DESK_RULE_SEVERITY_STOP, /* the platform punishes or refuses this step */
} DeskRuleSeverity;

/* A figure (72 hours, 3 attempts, 2000 characters…) with where it comes from.
 * Also used for rules without a number (letter, submission steps): value 0. */
typedef struct _DeskRuleFigure DeskRuleFigure;
/* One evidence item of a case type; refcounted, may outlive its pack. */
typedef struct _DeskEvidenceRequirement DeskEvidenceRequirement;
/* Everything a pack says about one case type. */
typedef struct _DeskCaseRules DeskCaseRules;

#define DESK_TYPE_RULE_PACK            (desk_rule_pack_get_type ())
#define DESK_TYPE_EVIDENCE_REQUIREMENT (desk_evidence_requirement_get_type ())

G_DECLARE_FINAL_TYPE (DeskRulePack, desk_rule_pack, DESK, RULE_PACK, GObject)

GQuark           desk_rule_pack_error_quark (void);
DeskRuleLanguage desk_rule_language_get_current (void);

/* Loading. Errors (DESK_RULE_PACK_ERROR) name the file, the JSONPath of the
 * offending member and what was expected, e.g.
 * "shopee.json: at “case_types › ip-complaint › deadline › hours”: expected a
 * positive integer, found string". @file_name is used in messages only. */
DeskRulePack *desk_rule_pack_new_from_bytes (GBytes            *bytes,
                                             const char        *file_name,
                                             DeskRulePackOrigin origin,
                                             GError           **error);
/* Origin USER; messages use the full path. Reads a few kB: fine on the main
 * thread. */
DeskRulePack *desk_rule_pack_new_from_file (GFile        *file,
                                            GCancellable *cancellable,
                                            GError      **error);
/* The built-in pack compiled into libdesk-core at
 * RESOURCE_PREFIX "/rules/<platform>.json". */
DeskRulePack *desk_rule_pack_load_builtin (DeskPlatform platform,
                                           GError     **error);
/* Makes the built-in packs available in the global GResource namespace.
 * Idempotent; the loaders above call it. */
void desk_rule_pack_ensure_resources (void);

DeskPlatform desk_rule_pack_get_platform (DeskRulePack *self);
int          desk_rule_pack_get_schema_version (DeskRulePack *self);
/* Dotted numbers: "1.0", "1.2.3". */
const char *desk_rule_pack_get_pack_version (DeskRulePack *self);
/* ISO date "YYYY-MM-DD". */
const char        *desk_rule_pack_get_effective_date (DeskRulePack *self);
DeskRulePackOrigin desk_rule_pack_get_origin (DeskRulePack *self);
/* "aliexpress.json" for built-ins, the full path for user packs. */
const char *desk_rule_pack_get_file_name (DeskRulePack *self);
/* Translated: "AliExpress rules v1.0 (effective 2026-03-12)"; user packs say
 * so. Show it wherever a rule from this pack is used. */
char *desk_rule_pack_get_label (DeskRulePack *self);
/* Title of a source id used in "source" members ("seed 000"), or NULL. */
const char *desk_rule_pack_get_source_title (DeskRulePack    *self,
                                             const char      *source_id,
                                             DeskRuleLanguage language);
/* Source ids ("seed 001, seed 002", as a figure or requirement gives them)
 * as the seller reads them: quoted titles, "“…”; “…”". */
char *desk_rule_pack_describe_sources (DeskRulePack *self,
                                       const char   *sources);
/* Translated one-liner for a figure: pack label, source and verify note. */
char *desk_rule_pack_format_citation (DeskRulePack         *self,
                                      const DeskRuleFigure *figure);

/* Case types, in enum order. */
gboolean             desk_rule_pack_lists_case_type (DeskRulePack *self,
                                                     DeskCaseType  case_type);
const DeskCaseType  *desk_rule_pack_get_case_types (DeskRulePack *self,
                                                    guint        *n_case_types);
const DeskCaseRules *desk_rule_pack_get_case_rules (DeskRulePack *self,
                                                    DeskCaseType  case_type);

/* Evidence items of @case_type, required ones first, otherwise in pack order.
 * Returns a new array holding references; empty when the type is not listed. */
GPtrArray *desk_rule_pack_get_evidence_items (DeskRulePack *self,
                                              DeskCaseType  case_type);
/* @received + the deadline hours of @case_type, or NULL when the pack names
 * no deadline for it (or does not list it). */
GDateTime *desk_rule_pack_compute_deadline (DeskRulePack *self,
                                            DeskCaseType  case_type,
                                            GDateTime    *received);
/* Maximum letter length in characters (Unicode code points); 0 = no limit. */
guint desk_rule_pack_get_char_limit (DeskRulePack *self,
                                     DeskCaseType  case_type);

/* Terminology: a generic term id ("counterfeit-complaint") mapped to what
 * this platform calls it ("Counterfeit Notice"). Case-type entries override
 * pack-wide ones. list_terms returns a sorted, NULL-terminated array. */
const char *desk_rule_pack_get_term (DeskRulePack    *self,
                                     DeskCaseType     case_type,
                                     const char      *term_id,
                                     DeskRuleLanguage language);
const char *desk_rule_pack_get_term_source (DeskRulePack *self,
                                            DeskCaseType  case_type,
                                            const char   *term_id);
char      **desk_rule_pack_list_terms (DeskRulePack *self,
                                       DeskCaseType  case_type);

/* <0, 0, >0 like strcmp, comparing dotted versions numerically ("1.10" >
 * "1.9"); missing components count as 0 ("1" == "1.0"). */
int desk_rule_pack_compare_versions (const char *a,
                                     const char *b);

/* DeskRuleFigure */
double desk_rule_figure_get_value (const DeskRuleFigure *figure);
/* Upper end of a range (review time "3–14 days"); equals the value otherwise. */
double desk_rule_figure_get_max (const DeskRuleFigure *figure);
/* Source ids, comma-separated when several: "seed 001, seed 002". */
const char *desk_rule_figure_get_source (const DeskRuleFigure *figure);
const char *desk_rule_figure_get_verify (const DeskRuleFigure *figure,
                                         DeskRuleLanguage      language);
/* Extra explanation (e.g. what happens when the rule is broken), or NULL. */
const char      *desk_rule_figure_get_note (const DeskRuleFigure *figure,
                                            DeskRuleLanguage      language);
DeskRuleSeverity desk_rule_figure_get_severity (const DeskRuleFigure *figure);

/* DeskCaseRules */
DeskCaseType desk_case_rules_get_case_type (const DeskCaseRules *rules);
/* Hours from the notice; NULL when none. */
const DeskRuleFigure *desk_case_rules_get_deadline (const DeskCaseRules *rules);
guint                 desk_case_rules_get_n_evidence (const DeskCaseRules *rules);
/* In pack order (not sorted); borrowed. */
DeskEvidenceRequirement *desk_case_rules_get_evidence (const DeskCaseRules *rules,
                                                       guint                index);
DeskEvidenceRequirement *desk_case_rules_find_evidence (const DeskCaseRules *rules,
                                                        const char          *id);
/* Appeal limits, each NULL when the pack sets none. */
/* Value: the most appeals accepted on one issue (case). */
const DeskRuleFigure *desk_case_rules_get_max_attempts (const DeskCaseRules *rules);
/* Value: hours between two appeals for the same product. */
const DeskRuleFigure *desk_case_rules_get_product_cooldown (const DeskCaseRules *rules);
/* Value: days after the first rejection within which a further appeal is
 * accepted; see also the requirement below. */
const DeskRuleFigure *desk_case_rules_get_second_appeal (const DeskCaseRules *rules);
/* Evidence id a further appeal must include ("third-party-test-report"), or
 * NULL; and its description. */
const char *desk_case_rules_get_second_appeal_requires (const DeskCaseRules *rules);
const char *desk_case_rules_get_second_appeal_requirement (const DeskCaseRules *rules,
                                                           DeskRuleLanguage     language);
/* Opening a second platform case for one matter is throttled. */
const DeskRuleFigure *desk_case_rules_get_duplicate_case (const DeskCaseRules *rules);

/* Letters: ISO 639-1 codes in order of use ("ru", "en" for Joom). */
const char *const *desk_case_rules_get_letter_languages (const DeskCaseRules *rules);
/* Value: characters; NULL when no limit. */
const DeskRuleFigure *desk_case_rules_get_char_limit (const DeskCaseRules *rules);
/* Source and verify note of the letter rules (value 0). */
const DeskRuleFigure *desk_case_rules_get_letter_rule (const DeskCaseRules *rules);
guint                 desk_case_rules_get_n_letter_notes (const DeskCaseRules *rules);
const char           *desk_case_rules_get_letter_note (const DeskCaseRules *rules,
                                                       guint                index,
                                                       DeskRuleLanguage     language);

/* Review time: value = days (minimum), max = upper end; NULL when unknown. */
const DeskRuleFigure *desk_case_rules_get_review_time (const DeskCaseRules *rules);
const char           *desk_case_rules_get_review_time_text (const DeskCaseRules *rules,
                                                            DeskRuleLanguage     language);
gboolean              desk_case_rules_get_review_in_working_days (const DeskCaseRules *rules);

/* Where to submit, step by step. */
const DeskRuleFigure *desk_case_rules_get_submit_rule (const DeskCaseRules *rules);
guint                 desk_case_rules_get_n_submit_steps (const DeskCaseRules *rules);
const char           *desk_case_rules_get_submit_step (const DeskCaseRules *rules,
                                                       guint                index,
                                                       DeskRuleLanguage     language);
/* What to paste into which field of the platform's form (same source and
 * verify note as the steps); 0 when the pack does not say. */
guint       desk_case_rules_get_n_paste_steps (const DeskCaseRules *rules);
const char *desk_case_rules_get_paste_step (const DeskCaseRules *rules,
                                            guint                index,
                                            DeskRuleLanguage     language);

/* DeskEvidenceRequirement */
GType                    desk_evidence_requirement_get_type (void) G_GNUC_CONST;
DeskEvidenceRequirement *desk_evidence_requirement_ref (DeskEvidenceRequirement *req);
void                     desk_evidence_requirement_unref (DeskEvidenceRequirement *req);
/* Stable kebab-case id stored by the checklist: "brand-authorization". */
const char *desk_evidence_requirement_get_id (const DeskEvidenceRequirement *req);
gboolean    desk_evidence_requirement_get_required (const DeskEvidenceRequirement *req);
const char *desk_evidence_requirement_get_label (const DeskEvidenceRequirement *req,
                                                 DeskRuleLanguage               language);
const char *desk_evidence_requirement_get_why (const DeskEvidenceRequirement *req,
                                               DeskRuleLanguage               language);
/* Lower-case file extensions: "jpg", "png", "pdf". */
const char *const *desk_evidence_requirement_get_formats (const DeskEvidenceRequirement *req);
gboolean           desk_evidence_requirement_accepts_format (const DeskEvidenceRequirement *req,
                                                             const char                    *file_name);
guint              desk_evidence_requirement_get_n_pitfalls (const DeskEvidenceRequirement *req);
const char        *desk_evidence_requirement_get_pitfall (const DeskEvidenceRequirement *req,
                                                          guint                          index,
                                                          DeskRuleLanguage               language);
/* The pitfall's id ("pdf-scan-not-accepted"), NULL when it has none. */
const char *desk_evidence_requirement_get_pitfall_id (const DeskEvidenceRequirement *req,
                                                      guint                          index);
const char *desk_evidence_requirement_get_source (const DeskEvidenceRequirement *req);

/* Pitfall ids code matches (data/rules/SCHEMA.md): a PDF that is only a scan
 * is not accepted as proof; screenshots must show a date and time. */
#define DESK_PITFALL_PDF_SCAN_NOT_ACCEPTED      "pdf-scan-not-accepted"
#define DESK_PITFALL_SCREENSHOT_NEEDS_TIMESTAMP "screenshot-needs-timestamp"

/* The first pitfall with @pitfall_id among the evidence of @rules (NULL
 * allowed), in @language; NULL when the pack has none. */
const char *desk_case_rules_find_pitfall (const DeskCaseRules *rules,
                                          const char          *pitfall_id,
                                          DeskRuleLanguage     language);

/* Closing a case ("closure" member, optional): the root causes a seller can
 * pick for this case type, and risk-control advice for the closure report,
 * with one citation (source, verify) for both. */
const DeskRuleFigure *desk_case_rules_get_closure_rule (const DeskCaseRules *rules);
guint                 desk_case_rules_get_n_root_causes (const DeskCaseRules *rules);
const char           *desk_case_rules_get_root_cause_id (const DeskCaseRules *rules,
                                                         guint                index);
const char           *desk_case_rules_get_root_cause_label (const DeskCaseRules *rules,
                                                            guint                index,
                                                            DeskRuleLanguage     language);
/* The label of @id, or NULL when the pack does not list it. */
const char *desk_case_rules_find_root_cause (const DeskCaseRules *rules,
                                             const char          *id,
                                             DeskRuleLanguage     language);
guint       desk_case_rules_get_n_advice (const DeskCaseRules *rules);
const char *desk_case_rules_get_advice (const DeskCaseRules *rules,
                                        guint                index,
                                        DeskRuleLanguage     language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskEvidenceRequirement, desk_evidence_requirement_unref)

/* Campaign fulfilment thresholds and export vocabulary (activity-exit only); NULL if absent. */
struct _DeskActivityRules *desk_case_rules_get_activity_metrics (const DeskCaseRules *rules);

G_END_DECLS
