/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-evidence.h"

G_BEGIN_DECLS

/* For the store only: builds an item from a row. Takes ownership of the
 * strings and of @added_at. */
DeskEvidence *_desk_evidence_new_take (gint64     id,
                                       char      *sha256,
                                       char      *original_name,
                                       gint64     size,
                                       char      *mime_type,
                                       GDateTime *added_at,
                                       char      *source_note,
                                       char      *metadata_json,
                                       gboolean   in_library,
                                       guint      usage_count);
void          _desk_evidence_set_in_library (DeskEvidence *self,
                                             gboolean      in_library);
void          _desk_evidence_set_usage_count (DeskEvidence *self,
                                              guint         usage_count);
/* Copies the mutable fields of @from (same id) into @self, notifying. */
void _desk_evidence_update_from (DeskEvidence *self,
                                 DeskEvidence *from);

G_END_DECLS
