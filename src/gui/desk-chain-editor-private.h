/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "chain/desk-chain-store.h"
#include "desk-chain-editor.h"
#include "desk-chain-preview.h"

G_BEGIN_DECLS

struct _DeskChainEditor
{
  AdwWindow parent_instance;

  DeskSession       *session;
  DeskStore         *store; /* the session's */
  DeskCase          *kase;
  DeskChain         *chain;
  DeskCaseChain     *info;
  DeskSellerProfile *profile;
  GPtrArray         *gaps;
  GHashTable        *field_widgets; /* "L<i>:<field>", "T<i>:<field>", "owner" → widget */
  GtkWidget         *add_link_button;
  gboolean           dirty;
  gboolean           building;
  guint              recheck_id;

  AdwToastOverlay     *toasts;
  AdwWindowTitle      *window_title;
  AdwFlap             *flap;
  GtkToggleButton     *preview_toggle;
  GtkBox              *preview_box;
  DeskChainPreview    *preview;
  AdwPreferencesGroup *gaps_group;
  GtkListBox          *gap_list;
  AdwEntryRow         *brand_row;
  GtkBox              *cards;
  GtkListBox          *trademark_list;
  AdwEntryRow         *products_row;
  AdwEntryRow         *listing_row;
  AdwEntryRow         *site_row;
  AdwEntryRow         *class_row;
};

static inline void
_desk_chain_editor_toast (DeskChainEditor *self,
                          const char      *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

/* desk-chain-editor-cards.c: the form; it reports each edit to the gaps. */
void  _desk_chain_editor_build_cards (DeskChainEditor *self);
void  _desk_chain_editor_build_trademarks (DeskChainEditor *self);
void  _desk_chain_editor_bind_case (DeskChainEditor *self);
char *_desk_chain_editor_field_key (int link,
                                    int trademark,
                                    int field);

/* desk-chain-editor-gaps.c, below the form and the editor. A field
 * changed: marks unsaved and re-checks soon. */
void _desk_chain_editor_changed (DeskChainEditor *self);
void _desk_chain_editor_recheck (DeskChainEditor *self);
/* The brand and the case under the window title. */
void _desk_chain_editor_update_title (DeskChainEditor *self);

G_END_DECLS
