/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-post-mortem.h"
#include "desk-rule-pack.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* A campaign-exit case's analysis: the order export read, its figures and
 * verdicts, and the post-mortem. Computing touches no database (a worker
 * thread may do it); saving is one transaction. */
typedef struct _DeskActivityAnalysis DeskActivityAnalysis;

void desk_activity_analysis_free (DeskActivityAnalysis *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskActivityAnalysis, desk_activity_analysis_free)

DeskOrderExport          *desk_activity_analysis_get_export (DeskActivityAnalysis *self);
DeskMetricsResult        *desk_activity_analysis_get_result (DeskActivityAnalysis *self);
DeskPostMortem           *desk_activity_analysis_get_post_mortem (DeskActivityAnalysis *self);
const DeskActivityRules  *desk_activity_analysis_get_rules (DeskActivityAnalysis *self);
const DeskMetricsOptions *desk_activity_analysis_get_options (DeskActivityAnalysis *self);

/* The campaign rules of @pack (AliExpress today); NULL with
 * DESK_METRICS_ERROR_NOT_AVAILABLE when the platform has none. */
const DeskActivityRules *desk_activity_rules_for_pack (DeskRulePack *pack,
                                                       GError      **error);

/* Reads @data and computes. @columns: the seller's remembered column names
 * (desk_activity_load_columns()); @post_mortem: what the seller already wrote
 * (kept; may be NULL); @campaign: the campaign ID for the post-mortem. */
DeskActivityAnalysis *desk_activity_compute (GBytes                   *data,
                                             const DeskActivityRules  *rules,
                                             GHashTable               *columns,
                                             GTimeZone                *zone,
                                             const DeskMetricsOptions *options,
                                             DeskPostMortem           *post_mortem,
                                             const char               *campaign,
                                             GCancellable             *cancellable,
                                             GError                  **error);

/* Reads @file (size-checked) and computes in a worker thread. */
void                  desk_activity_compute_async (GFile                    *file,
                                                   const DeskActivityRules  *rules,
                                                   GHashTable               *columns,
                                                   GTimeZone                *zone,
                                                   const DeskMetricsOptions *options,
                                                   DeskPostMortem           *post_mortem,
                                                   const char               *campaign,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
DeskActivityAnalysis *desk_activity_compute_finish (GAsyncResult *result,
                                                    GError      **error);
GBytes               *desk_activity_read_file (GFile        *file,
                                               GCancellable *cancellable,
                                               GError      **error);

/* Saves the analysis of @case_id in one transaction: figures, options,
 * post-mortem, the export's evidence item (0 = none) linked to the case's
 * "order-export" checklist item when it has one, the seller's column names,
 * and a timeline line. */
gboolean desk_activity_save (DeskStore            *store,
                             gint64                case_id,
                             DeskActivityAnalysis *analysis,
                             GHashTable           *columns,
                             gint64                export_evidence_id,
                             GError              **error);

/* What was saved: FALSE without error when the case has no analysis. */
typedef struct
{
  gint64          export_evidence_id;
  char           *options_json;
  char           *result_json;
  DeskPostMortem *post_mortem;
  GDateTime      *computed_at;
} DeskActivityRecord;

void desk_activity_record_clear (DeskActivityRecord *record);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DeskActivityRecord, desk_activity_record_clear)
gboolean desk_activity_load (DeskStore          *store,
                             gint64              case_id,
                             DeskActivityRecord *record,
                             GError            **error);
/* One post-mortem field, written at once (one transaction). */
gboolean desk_activity_set_post_mortem_field (DeskStore          *store,
                                              gint64              case_id,
                                              DeskPostMortemField field,
                                              const char         *value,
                                              GError            **error);

/* The seller's own names for export columns: normalised header → field id. */
GHashTable *desk_activity_load_columns (DeskStore *store,
                                        GError   **error);

/* Options as stored: {"zone", "relaxed_category", "campaign_skus", "fixed_since",
 * "dsr", "post_mortem_approved"}. */
char    *desk_metrics_options_to_json (const DeskMetricsOptions *options,
                                       GTimeZone                *zone);
gboolean desk_metrics_options_from_json (const char         *json,
                                         DeskMetricsOptions *options,
                                         GStrv              *campaign_skus,
                                         char              **zone,
                                         GError            **error);

G_END_DECLS
