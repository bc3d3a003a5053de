/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-activity-section.h"
#include "metrics/desk-activity-case.h"

G_BEGIN_DECLS

struct _DeskActivitySection
{
  AdwBin parent_instance;

  DeskSession             *session;
  DeskCase                *kase;
  const DeskActivityRules *rules; /* the case's pack's, borrowed */
  DeskActivityAnalysis    *analysis;
  DeskActivityRecord       record;
  GCancellable            *cancellable;
  GFile                   *pending_file; /* a new export being read */
  char                    *error;        /* the last failure, in the seller's words */
  DeskMetric               chart_metric;
  gboolean                 busy;

  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkWidget           *read_button;
};

static inline DeskStore *
_desk_activity_section_get_store (DeskActivitySection *self)
{
  return desk_session_get_store (self->session);
}

static inline gint64
_desk_activity_section_case_id (DeskActivitySection *self)
{
  return self->kase ? desk_case_get_id (self->kase) : 0;
}

/* desk-activity-section.c */
void _desk_activity_section_set_error (DeskActivitySection *self,
                                       const char          *message);
void _desk_activity_section_refresh (DeskActivitySection *self);
/* Reads the saved export again with other options, and saves. */
void _desk_activity_section_recompute_with (DeskActivitySection      *self,
                                            const DeskMetricsOptions *options);

/* desk-activity-section-rows.c: what only the seller knows (store ratings,
 * category, approval) and the post-mortem's 12 fields. */
void _desk_activity_section_add_store_rows (DeskActivitySection *self);
void _desk_activity_section_add_post_mortem_row (DeskActivitySection *self);

G_END_DECLS
