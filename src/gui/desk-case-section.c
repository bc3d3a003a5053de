/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "desk-case-section.h"

G_DEFINE_INTERFACE (DeskCaseSection, desk_case_section, GTK_TYPE_WIDGET)

static void
desk_case_section_default_init (DeskCaseSectionInterface *iface)
{
}

void
desk_case_section_set_case (DeskCaseSection *self,
                            DeskSession     *session,
                            gint64           case_id)
{
  g_return_if_fail (DESK_IS_CASE_SECTION (self));
  DESK_CASE_SECTION_GET_IFACE (self)->set_case (self, session, case_id);
}
