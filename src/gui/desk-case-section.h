/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "desk-session.h"

G_BEGIN_DECLS

/* A section of the case page (checklist, attempts, evidence, chain,
 * tracking, campaign, watch list, letters, package). Sections are declared in
 * ui/desk-case-page.ui; the page gives each child of its "sections" box that
 * implements this interface the case it shows. */
#define DESK_TYPE_CASE_SECTION (desk_case_section_get_type ())

G_DECLARE_INTERFACE (DeskCaseSection, desk_case_section, DESK, CASE_SECTION, GtkWidget)

/* Each section's own public setter has this shape, with its own type first
 * (desk_chain_section_set_case…), and is what it puts in the interface. */
typedef void (*DeskCaseSectionSetCase) (gpointer     section,
                                        DeskSession *session,
                                        gint64       case_id);

struct _DeskCaseSectionInterface
{
  GTypeInterface parent_iface;

  /* @case_id 0 clears the section. */
  DeskCaseSectionSetCase set_case;
};

void desk_case_section_set_case (DeskCaseSection *self,
                                 DeskSession     *session,
                                 gint64           case_id);

G_END_DECLS
