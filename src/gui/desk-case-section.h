/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "desk-session.h"

G_BEGIN_DECLS

/* A section of the case page (checklist, attempts, evidence, and later
 * chain, letters…). Sections are declared in ui/desk-case-page.ui; the page
 * gives each child of its "sections" box that implements this interface
 * the case it shows. */
#define DESK_TYPE_CASE_SECTION (desk_case_section_get_type ())

G_DECLARE_INTERFACE (DeskCaseSection, desk_case_section, DESK, CASE_SECTION, GtkWidget)

struct _DeskCaseSectionInterface
{
  GTypeInterface parent_iface;

  /* @case_id 0 clears the section. */
  void (*set_case) (DeskCaseSection *self,
                    DeskSession     *session,
                    gint64           case_id);
};

void desk_case_section_set_case (DeskCaseSection *self,
                                 DeskSession     *session,
                                 gint64           case_id);

G_END_DECLS
