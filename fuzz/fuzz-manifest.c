/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "package/desk-package-manifest.h"

/* The manifest reader of `verify`: a package anyone may have edited. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  DeskPackageManifest *manifest = desk_package_manifest_parse ((const char *)data, size, NULL);

  g_clear_pointer (&manifest, desk_package_manifest_free);
  return 0;
}
