/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "desk-metrics.h"

G_BEGIN_DECLS

/* The campaign post-mortem's 12 attribution fields (seed 003 names twelve; the
 * platform's template is the authority, so the labels say what to write, not
 * the template's exact wording). */
typedef enum
{
  DESK_POST_MORTEM_CAMPAIGN,
  DESK_POST_MORTEM_EXIT_DATE,
  DESK_POST_MORTEM_TRIGGER,
  DESK_POST_MORTEM_DAYS_OVER,
  DESK_POST_MORTEM_ORDERS,
  DESK_POST_MORTEM_SKUS,
  DESK_POST_MORTEM_CARRIERS,
  DESK_POST_MORTEM_ROOT_CAUSE,
  DESK_POST_MORTEM_RESPONSIBLE,
  DESK_POST_MORTEM_ACTIONS,
  DESK_POST_MORTEM_FIX_EVIDENCE,
  DESK_POST_MORTEM_PREVENTION,
  DESK_N_POST_MORTEM_FIELDS
} DeskPostMortemField;

const char         *desk_post_mortem_field_to_id (DeskPostMortemField field);
DeskPostMortemField desk_post_mortem_field_from_id (const char *id);
const char         *desk_post_mortem_field_get_label (DeskPostMortemField field); /* translated */
const char         *desk_post_mortem_field_get_label_msgid (DeskPostMortemField field);
/* TRUE for the fields the export can fill; the others only the seller knows. */
gboolean desk_post_mortem_field_is_computed (DeskPostMortemField field);

typedef struct _DeskPostMortem DeskPostMortem;

DeskPostMortem *desk_post_mortem_new (void);
void            desk_post_mortem_free (DeskPostMortem *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPostMortem, desk_post_mortem_free)

const char *desk_post_mortem_get (DeskPostMortem     *self,
                                  DeskPostMortemField field);
void        desk_post_mortem_set (DeskPostMortem     *self,
                                  DeskPostMortemField field,
                                  const char         *value);
/* Whether the seller wrote the field (desk_post_mortem_set()). */
gboolean desk_post_mortem_get_edited (DeskPostMortem     *self,
                                      DeskPostMortemField field);
void     desk_post_mortem_copy_into (DeskPostMortem *self,
                                     DeskPostMortem *dest);
/* Fills the computed fields from the metrics (which day, which metric, which
 * orders, SKUs and carriers), again on every reading; fields the seller
 * has written are kept. */
void desk_post_mortem_prefill (DeskPostMortem    *self,
                               DeskMetricsResult *result,
                               DeskOrderExport *export,
                               const char *campaign);
/* Fields still empty: what the seller must write before submitting. */
guint desk_post_mortem_count_missing (DeskPostMortem *self);

void            desk_post_mortem_to_json (DeskPostMortem *self,
                                          JsonBuilder    *builder);
DeskPostMortem *desk_post_mortem_from_json (const char *json,
                                            GError    **error);

G_END_DECLS
