/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* File names inside a package. Evidence keeps its original name (Chinese
 * included) behind its exhibit prefix, made safe for every unzip: no path
 * separators, no "..", no control characters, no drive letters or characters
 * Windows refuses, valid UTF-8 in NFC, at most DESK_PACKAGE_NAME_MAX_BYTES
 * bytes per path component (file systems allow 255; we leave room for the
 * " (2)" of a duplicate and for unzip's own suffixes). */
#define DESK_PACKAGE_NAME_MAX_BYTES 180

/* A safe single path component made from @original (any bytes; NULL or
 * empty gives "file"). The extension is kept when the name must be cut. */
char *desk_package_sanitize_name (const char *original,
                                  gsize       max_bytes);

/* Cuts @name to at most @max_bytes on a character boundary, keeping a short
 * extension (".pdf"). Returns a new string. */
char *desk_package_truncate_name (const char *name,
                                  gsize       max_bytes);

/* Hands out unique names within one folder of a package: names that differ
 * only in case (or Unicode normalisation) count as the same, because Windows
 * and macOS unzip would overwrite one with the other. */
typedef struct _DeskPackageNamer DeskPackageNamer;

DeskPackageNamer *desk_package_namer_new (void);
void              desk_package_namer_free (DeskPackageNamer *namer);
/* @prefix (ASCII, e.g. "03_brand-authorization_") + the sanitised @original,
 * at most DESK_PACKAGE_NAME_MAX_BYTES; a taken name gets " (2)", " (3)"…
 * before its extension. */
char *desk_package_namer_take (DeskPackageNamer *namer,
                               const char       *prefix,
                               const char       *original);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPackageNamer, desk_package_namer_free)

G_END_DECLS
