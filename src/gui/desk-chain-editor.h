/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_CHAIN_EDITOR (desk_chain_editor_get_type ())

G_DECLARE_FINAL_TYPE (DeskChainEditor, desk_chain_editor, DESK, CHAIN_EDITOR, AdwWindow)

/* The brand authorization chain of a case, drawn as it is: the brand owner at
 * the top, a card per authorization letter, the companies between them, the
 * seller at the bottom. Links can be added, inserted, removed and moved; each
 * link's letter is picked from the evidence library and shown beside the form.
 * The gap list is re-checked as the seller types, and each gap jumps to the
 * field that fixes it. Saving (Ctrl+S, or closing the window) stores the
 * chain for every case of the brand in one transaction. */
DeskChainEditor *desk_chain_editor_new (GtkWindow   *parent,
                                        DeskSession *session,
                                        gint64       case_id);

/* For tests: the gaps shown now (DeskChainGap*, borrowed), and whether there
 * are unsaved changes. */
GPtrArray *desk_chain_editor_get_gaps (DeskChainEditor *self);
gboolean   desk_chain_editor_get_dirty (DeskChainEditor *self);
/* Moves the focus to the field that fixes gap @index, as activating its row does. */
void     desk_chain_editor_activate_gap (DeskChainEditor *self,
                                         guint            index);
gboolean desk_chain_editor_save (DeskChainEditor *self,
                                 GError         **error);

G_END_DECLS
