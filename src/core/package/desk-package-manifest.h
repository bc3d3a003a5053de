/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Readers for the two lists in a package: manifest.json and SHA256SUMS.
 * They take untrusted bytes (any length, any content) and never crash: fit
 * for a fuzzing harness (LLVMFuzzerTestOneInput can call them directly).
 * Errors are DESK_PACKAGE_ERROR_MANIFEST with a translated message. */

typedef struct
{
  char  *path;
  char  *sha256; /* 64 lower-case hex digits */
  gint64 size;
} DeskManifestFile;

typedef struct
{
  int        schema_version;
  char      *created_at;
  char      *case_title;
  gboolean   made_with_blocking_gaps;
  GPtrArray *files; /* DeskManifestFile, as listed */
} DeskPackageManifest;

/* Manifests larger than this are refused (a real one is a few kB per file). */
#define DESK_PACKAGE_MANIFEST_MAX_SIZE (16 << 20)

DeskPackageManifest *desk_package_manifest_parse (const char *data,
                                                  gsize       length,
                                                  GError    **error);
void                 desk_package_manifest_free (DeskPackageManifest *manifest);

/* SHA256SUMS as `sha256sum` writes it ("<hex>  <path>" or "<hex> *<path>"
 * per line). Returns path → lower-case hex; a path listed twice is an
 * error. */
GHashTable *desk_package_sums_parse (const char *data,
                                     gsize       length,
                                     GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPackageManifest, desk_package_manifest_free)

G_END_DECLS
