/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_SELLER_PROFILE_PAGE (desk_seller_profile_page_get_type ())

G_DECLARE_FINAL_TYPE (DeskSellerProfilePage, desk_seller_profile_page, DESK, SELLER_PROFILE_PAGE, AdwPreferencesPage)

/* Preferences → Seller profile: the seller's companies (the name on the
 * Chinese business licence and the English name letters use, other names,
 * registration number, country) and store IDs per platform. The chain gap
 * checker compares the last link of every chain with these names. Changes
 * are saved shortly after typing stops and when the page goes away. */
DeskSellerProfilePage *desk_seller_profile_page_new (DeskSession *session);
/* Saves pending changes now; FALSE with @error when the database refused. */
gboolean desk_seller_profile_page_save (DeskSellerProfilePage *self,
                                        GError               **error);

/* Opens the preferences window on the seller profile page over @parent. */
void desk_seller_profile_present (GtkWindow   *parent,
                                  DeskSession *session);

G_END_DECLS
