/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-notice-vocabulary.h"

G_BEGIN_DECLS

/* The scan window cut into lines, each with how much its words count:
 * a line that states the violation ("Complaint type: …", "退出原因：…")
 * counts three times, the title twice, a signature or a menu path
 * ("respond through Account Health > …") a fifth or less. */
typedef struct
{
  gsize    start;     /* offset of the line in the window */
  gsize    end;       /* offset of its '\n' or of the window's end */
  gsize    label_end; /* "label: value" lines: offset of the ':'; else 0 */
  double   factor;
  gsize    path_start[2], path_end[2]; /* menu-path spans, empty when equal */
  gboolean statement;
  gboolean signature;
} DeskNoticeLine;

typedef struct
{
  const char           *window;
  gsize                 length;
  GArray               *lines; /* DeskNoticeLine, the first DESK_NOTICE_MAX_LINES */
  DeskNoticeVocabulary *vocabulary;
} DeskNoticeText;

#define DESK_NOTICE_MAX_LINES 5000

DeskNoticeText *_desk_notice_text_new (const char           *window,
                                       DeskNoticeVocabulary *vocabulary);
void            _desk_notice_text_free (DeskNoticeText *text);

/* The line holding @offset, or NULL past the analysed lines. */
const DeskNoticeLine *_desk_notice_text_line_at (DeskNoticeText *text,
                                                 gsize           offset,
                                                 guint          *index);
/* How much a cue matched at @offset counts (1 for plain text). */
double _desk_notice_text_weight_at (DeskNoticeText *text,
                                    gsize           offset);
/* The line holding @offset, trimmed, newly allocated. */
char *_desk_notice_text_line_text (DeskNoticeText *text,
                                   gsize           offset,
                                   guint          *line_number);

/* Adds every cue's weighted matches to scores[cue.target]; with
 * @structured, matches count by where they stand (see above).  A cue counts
 * at most three times, each time half as much. */
void _desk_notice_text_score (DeskNoticeText *text,
                              GArray         *cues,
                              gboolean        structured,
                              double         *scores);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskNoticeText, _desk_notice_text_free)

G_END_DECLS
