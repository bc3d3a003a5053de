/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-case-snapshot.h"
#include "desk-case.h"
#include "desk-evidence.h"
#include "desk-package.h"
#include "desk-rule-pack.h"

G_BEGIN_DECLS

typedef struct
{
  guint         number;
  DeskEvidence *evidence;
  char         *item_id;  /* checklist requirement, NULL when none */
  char         *label_en; /* its label, NULL when none */
  char         *label_zh;
  char         *source_path; /* the stored copy */
  char         *zip_name;    /* "evidence/03_brand-authorization_x.pdf" */
  gboolean      store;       /* not deflated */
  char        **warnings;    /* desk_evidence_get_warnings(), in the app's language */
} DeskPackageExhibit;

typedef struct
{
  char    *language;
  char    *text;
  guint    characters; /* Unicode code points, as platforms count */
  char    *zip_name;
  gboolean record_only; /* not for the platform: the seller's own record (zh) */
} DeskPackageLetter;

/* A file written into the zip, with what the manifest says about it. */
typedef struct
{
  char                     *zip_name;
  const char               *role; /* "instructions", "letter", "evidence", "notice" */
  const char               *mime_type;
  gint64                    size;
  gboolean                  store;
  char                      sha256[65];
  const DeskPackageExhibit *exhibit;
  const DeskPackageLetter  *letter;
} DeskPackageFile;

struct _DeskPackagePlan
{
  GObject           parent_instance;
  DeskSession      *session;
  DeskStore        *store; /* the session's */
  DeskCaseSnapshot *snapshot;
  DeskCase         *kase;      /* the snapshot's: never modified */
  DeskRulePack     *pack;      /* NULL when no pack lists the platform */
  GPtrArray        *checklist; /* DeskChecklistItem, the snapshot's */
  GPtrArray        *exhibits;  /* DeskPackageExhibit */
  GPtrArray        *letters;   /* DeskPackageLetter */
  gboolean          chain_included;
  JsonNode         *chain;
  GPtrArray        *gaps; /* DeskPackageGap */
  GDateTime        *now;
  gboolean          zh;          /* the app runs in Chinese: the language of the warnings */
  GPtrArray        *omissions;   /* char*, NULL-terminated */
  char             *post_mortem; /* a campaign exit's 12 fields as text, or NULL */
};

void desk_package_file_free (DeskPackageFile *file);

/* The case type's rules, or NULL. */
const DeskCaseRules *_desk_package_plan_get_rules (DeskPackagePlan *self);

/* SUBMIT.txt, bilingual (desk-package-submit.c). */
char *_desk_package_submit_text (DeskPackagePlan *self,
                                 gboolean         gaps_confirmed);
/* manifest.json (desk-package-manifest-write.c): @files in zip order. */
char *_desk_package_manifest_text (DeskPackagePlan *self,
                                   GPtrArray       *files,
                                   gboolean         gaps_confirmed);
/* SHA256SUMS text for @files plus manifest.json. */
char *_desk_package_sums_text (GPtrArray  *files,
                               const char *manifest_sha256);

G_END_DECLS
