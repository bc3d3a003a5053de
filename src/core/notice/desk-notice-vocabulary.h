/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "desk-notice-field.h"
#include "desk-rule-registry.h"
#include "desk-types.h"

G_BEGIN_DECLS

/* What the notice decoder knows about words, all of it data
 * (data/rules/SCHEMA.md, "Notice cues"):
 * - platform cues from each platform's rule pack ($.notice: names, domains,
 *   terms, platform-specific case-type phrasings);
 * - case-type cues, field labels, counterparty markers, statement labels,
 *   menu-path and sign-off markers and figure words per language, from
 *   notice-vocabulary.json. */

/* A cue: every match adds @weight to @target (a DeskPlatform or DeskCaseType). */
typedef struct
{
  GRegex *regex;
  double  weight;
  int     target;
} DeskNoticeCue;

typedef struct
{
  GRegex        *regex;
  DeskNoticeRole role;
} DeskNoticeLabelCue;

typedef struct
{
  GRegex *regex;
  guint   when; /* bit mask of DeskCaseType; 0 = always */
} DeskNoticePartyCue;

typedef struct _DeskNoticeVocabulary DeskNoticeVocabulary;

struct _DeskNoticeVocabulary
{
  GArray *platform_cues;   /* DeskNoticeCue */
  GArray *case_type_cues;  /* DeskNoticeCue */
  GArray *labels;          /* DeskNoticeLabelCue */
  GArray *counterparty;    /* DeskNoticePartyCue */
  GRegex *own;             /* "your", "我的": the seller's own, whatever else is said */
  GRegex *statement_label; /* anchored: the whole label is one of them */
  GRegex *menu_path;
  GRegex *closing; /* anchored: the whole line */
  GRegex *threshold;
  GRegex *stated;
  GRegex *measured;
  /* Platform values are below this (user packs add platforms): size score
   * tables by it. */
  guint n_platforms;
  /* guint per platform: bit mask of the case types its pack lists (0: unknown). */
  GArray *platform_case_types;
};

/* The built-in cues (packs in the GResource and notice-vocabulary.json),
 * loaded once; never NULL (a damaged built-in file is a programming error). */
DeskNoticeVocabulary *_desk_notice_vocabulary_get_default (void);
/* The cues of the packs in force in @registry (the session's; NULL: the
 * built-in ones). Never NULL; kept for the life of the program, so the
 * result may be used from any thread after @registry changes. */
DeskNoticeVocabulary *_desk_notice_vocabulary_get (DeskRuleRegistry *registry);

/* Builds cues from a vocabulary file and the packs' $.notice members
 * (@pack_notices: JsonNode* indexed by DeskPlatform, entries may be NULL;
 * @pack_notices itself may be NULL).  Sets @error with the file name and
 * JSONPath on the first problem. */
DeskNoticeVocabulary *_desk_notice_vocabulary_new (JsonNode   *vocabulary,
                                                   const char *file_name,
                                                   GPtrArray  *pack_notices,
                                                   GError    **error);
/* Bit mask of the case types @platform's pack lists; 0 when unknown. */
guint _desk_notice_vocabulary_get_case_types (DeskNoticeVocabulary *self,
                                              DeskPlatform          platform);
void  _desk_notice_vocabulary_free (DeskNoticeVocabulary *self);

/* Compiles one cue the way the decoder uses it: caseless, multi-line, with
 * Latin word boundaries added where the cue starts or ends with a letter or
 * digit (so "ce" does not match inside "price", but 速卖通 matches anywhere). */
GRegex *_desk_notice_cue_compile (const char *cue,
                                  GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskNoticeVocabulary, _desk_notice_vocabulary_free)

G_END_DECLS
