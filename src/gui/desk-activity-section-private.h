/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-activity-section.h"
#include "metrics/desk-activity-case.h"

G_BEGIN_DECLS

/* What the rows (desk-activity-section-rows.c) ask of the section that
 * builds them: a new reading with other options, and the list shown again
 * after a failure. desk-activity-section.c fills this in; the rows reach it
 * through the table, not by name, so they never call up into that file. */
typedef struct
{
  /* Reads the saved export again with @options, and saves. */
  void (*recompute_with) (DeskActivitySection      *self,
                          const DeskMetricsOptions *options);
  void (*refresh) (DeskActivitySection *self);
} DeskActivitySectionHooks;

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

  const DeskActivitySectionHooks *hooks;

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

/* The failure shown at the top of the list from the next refresh on. */
static inline void
_desk_activity_section_set_error (DeskActivitySection *self,
                                  const char          *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
}

/* desk-activity-section-rows.c: what only the seller knows (store ratings,
 * category, approval) and the post-mortem's 12 fields. */
void _desk_activity_section_add_store_rows (DeskActivitySection *self);
void _desk_activity_section_add_post_mortem_row (DeskActivitySection *self);

G_END_DECLS
