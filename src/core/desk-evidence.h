/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "desk-rule-pack.h"
#include "desk-types.h"

G_BEGIN_DECLS

/* Size policy (see desk-evidence-store.h): files above
 * DESK_EVIDENCE_WARN_SIZE are accepted with a warning, files above
 * DESK_EVIDENCE_MAX_SIZE are refused before anything is copied. The maximum
 * is the PDF reader's limit, so one rule holds for every kind of file. */
#define DESK_EVIDENCE_WARN_SIZE (G_GINT64_CONSTANT (200) << 20)
#define DESK_EVIDENCE_MAX_SIZE  (G_GINT64_CONSTANT (1) << 30)

typedef enum
{
  DESK_EVIDENCE_KIND_OTHER,
  DESK_EVIDENCE_KIND_PDF,
  DESK_EVIDENCE_KIND_IMAGE,
  DESK_EVIDENCE_KIND_TEXT,
  DESK_EVIDENCE_KIND_EMAIL,
} DeskEvidenceKind;

#define DESK_TYPE_EVIDENCE (desk_evidence_get_type ())

G_DECLARE_FINAL_TYPE (DeskEvidence, desk_evidence, DESK, EVIDENCE, GObject)

/* One stored evidence file. Objects come from the store
 * (desk-evidence-store.h); the same content (SHA-256) is one item, however
 * many cases use it. Read-only except for the library flag and usage count,
 * which the store keeps up to date.
 *
 * Metadata is the inspector's JSON, desk_file_info_to_json() (see
 * desk-file-inspect.h for its members: "kind", "name_mismatch", "problem",
 * and the "pdf", "image" or "text" section); the typed accessors below read it. */
gint64      desk_evidence_get_id (DeskEvidence *self);
const char *desk_evidence_get_sha256 (DeskEvidence *self);
/* The name the file had when it was added, verbatim (it may hold newlines or
 * quotes); use desk_evidence_dup_display_name() in one-line contexts. */
const char *desk_evidence_get_original_name (DeskEvidence *self);
char       *desk_evidence_dup_display_name (DeskEvidence *self);
gint64      desk_evidence_get_size (DeskEvidence *self);
const char *desk_evidence_get_mime_type (DeskEvidence *self);
GDateTime  *desk_evidence_get_added_at (DeskEvidence *self);
const char *desk_evidence_get_source_note (DeskEvidence *self);
const char *desk_evidence_get_metadata (DeskEvidence *self);
gboolean    desk_evidence_get_in_library (DeskEvidence *self);
/* Number of cases that use the item. */
guint desk_evidence_get_usage_count (DeskEvidence *self);

DeskEvidenceKind desk_evidence_get_kind (DeskEvidence *self);
/* Themed icon name for the kind ("x-office-document-symbolic"…). */
const char *desk_evidence_get_icon_name (DeskEvidence *self);
/* 0 when not a PDF or unknown. */
guint    desk_evidence_get_page_count (DeskEvidence *self);
gboolean desk_evidence_get_scan_only (DeskEvidence *self);
/* The text check was stopped (the file needed too much time or memory). */
gboolean desk_evidence_get_text_layer_unknown (DeskEvidence *self);
/* Read despite damage (no end marker, pages shown blank). */
gboolean desk_evidence_get_pdf_repaired (DeskEvidence *self);
gboolean desk_evidence_get_encrypted (DeskEvidence *self);
/* NULL when absent. */
const char *desk_evidence_get_pdf_title (DeskEvidence *self);
const char *desk_evidence_get_pdf_author (DeskEvidence *self);
const char *desk_evidence_get_pdf_producer (DeskEvidence *self);
GDateTime  *desk_evidence_get_pdf_created (DeskEvidence *self);
GDateTime  *desk_evidence_get_pdf_modified (DeskEvidence *self);
/* FALSE when not an image or unknown. */
gboolean desk_evidence_get_image_size (DeskEvidence *self,
                                       int          *width,
                                       int          *height);
/* The extension promises another type than the content (a PNG named .pdf). */
gboolean desk_evidence_get_name_mismatch (DeskEvidence *self);
/* ISO 8601 text as stored, NULL when the image carries no date. */
const char *desk_evidence_get_exif_date (DeskEvidence *self);

/* Translated one-line summary: "PDF · 3 pages · 1.2 MB", "PNG image ·
 * 1080 × 2340 · 400 kB". */
char *desk_evidence_describe (DeskEvidence *self);

/* Translated warnings that tell the seller what to check or do: scan-only
 * PDF (Shopee rejects a scan as the only proof), encrypted PDF, image without
 * a capture date, very large or empty file, a kind platforms do not take.
 * When @rules is given (the case's platform and type), a pitfall the rule
 * pack writes for the same problem replaces the built-in wording.
 * Returns a NULL-terminated array, empty when all is well. */
char **desk_evidence_get_warnings (DeskEvidence        *self,
                                   const DeskCaseRules *rules);

/* Case-folded match on the name, the source note and the SHA-256 prefix;
 * @folded_query comes from desk_text_fold(); "" matches everything. */
gboolean desk_evidence_matches (DeskEvidence *self,
                                const char   *folded_query);

/* Serialisation for the CLI (--json): all fields, metadata as an object. */
void desk_evidence_to_json (DeskEvidence *self,
                            gpointer      json_builder);

G_END_DECLS
