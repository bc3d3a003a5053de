/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Checking a package: every file in the zip is hashed again and compared
 * with manifest.json and SHA256SUMS. Nothing is unpacked to disk. */

typedef enum
{
  DESK_PACKAGE_PROBLEM_MISSING,   /* listed, not in the zip */
  DESK_PACKAGE_PROBLEM_EXTRA,     /* in the zip, not listed */
  DESK_PACKAGE_PROBLEM_CHANGED,   /* content differs from the lists */
  DESK_PACKAGE_PROBLEM_DUPLICATE, /* the zip holds the name twice */
  DESK_PACKAGE_PROBLEM_LISTS,     /* manifest.json and SHA256SUMS disagree on it */
} DeskPackageProblemKind;

typedef struct
{
  DeskPackageProblemKind kind;
  char                  *path;
} DeskPackageProblem;

typedef struct
{
  GPtrArray *problems;  /* DeskPackageProblem, sorted by path */
  guint      n_checked; /* files whose content matched */
  guint      n_listed;
  char      *case_title; /* from the manifest, may be NULL */
  char      *created_at;
  gboolean   made_with_blocking_gaps;
} DeskPackageReport;

/* NULL with DESK_PACKAGE_ERROR_NOT_PACKAGE / _MANIFEST when @path is not a
 * package at all; otherwise a report, empty problems when all is well. */
DeskPackageReport *desk_package_verify (const char   *path,
                                        GCancellable *cancellable,
                                        GError      **error);
void               desk_package_report_free (DeskPackageReport *report);
/* Translated line for one problem: "Changed: evidence/03_….pdf". */
char *desk_package_problem_describe (const DeskPackageProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskPackageReport, desk_package_report_free)

G_END_DECLS
