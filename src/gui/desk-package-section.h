/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_PACKAGE_SECTION (desk_package_section_get_type ())

G_DECLARE_FINAL_TYPE (DeskPackageSection, desk_package_section, DESK, PACKAGE_SECTION, AdwBin)

/* "Make Package…" on the case page: asks where to save (file dialog, the
 * portal inside Flatpak), confirms blocking authorization-chain gaps, shows
 * progress with Cancel, and ends with a toast that opens the folder. Emits
 * "package-made" after the case timeline recorded the package. */
DeskPackageSection *desk_package_section_new (void);
void                desk_package_section_set_case (DeskPackageSection *self,
                                                   DeskSession        *session,
                                                   gint64              case_id);
/* Saves without a dialog (tests, screenshots). */
void desk_package_section_make_to (DeskPackageSection *self,
                                   GFile              *file);

G_END_DECLS
