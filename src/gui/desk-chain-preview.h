/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "desk-session.h"

G_BEGIN_DECLS

#define DESK_TYPE_CHAIN_PREVIEW (desk_chain_preview_get_type ())

G_DECLARE_FINAL_TYPE (DeskChainPreview, desk_chain_preview, DESK, CHAIN_PREVIEW, AdwBin)

/* The document pane beside the chain editor: the first page(s) of a PDF
 * (fit to width), an image, or the file's name for other kinds, with a
 * button that opens the full evidence viewer. Opening runs off the main
 * thread and is cancelled when another document is shown. */
DeskChainPreview *desk_chain_preview_new (DeskSession *session);
/* 0 shows "no document". */
void   desk_chain_preview_show (DeskChainPreview *self,
                                gint64            evidence_id);
gint64 desk_chain_preview_get_evidence (DeskChainPreview *self);

G_END_DECLS
