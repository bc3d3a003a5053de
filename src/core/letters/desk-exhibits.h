/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-session.h"

G_BEGIN_DECLS

/* Exhibit numbering of a case: THE one definition, used by letters
 * ("Exhibit 3"), the complaint package (file names) and the closure report.
 *
 * Order: the case's evidence that is linked to a checklist item, by that
 * item's checklist position (an item linked to several checklist items
 * counts under the first one), within one item by the time it was linked;
 * then the case's evidence linked to no checklist item, by the time it was
 * added to the case. Numbers start at 1 and have no gaps. Each evidence item
 * is one exhibit, however many checklist items it is linked to. */

typedef struct
{
  guint  number;            /* 1, 2, 3… */
  gint64 evidence_id;       /* evidence.id */
  gint64 checklist_item_id; /* checklist_items.id; 0 when linked to no item */
  char  *item_id;           /* the requirement id ("brand-authorization"); NULL when none */
  char  *item_label;        /* short title of that requirement in the language asked for; NULL when none */
  char  *original_name;     /* the file's name when added, verbatim */
  char  *detail;            /* extra facts after the title (authorization chain link, validity); NULL when none */
  char  *description;       /* one line: "Exhibit 3 — Brand authorization, brand owner → distributor, valid to 2027-06-30" */
} DeskExhibit;

#define DESK_TYPE_EXHIBIT (desk_exhibit_get_type ())

GType        desk_exhibit_get_type (void) G_GNUC_CONST;
DeskExhibit *desk_exhibit_copy (const DeskExhibit *exhibit);
void         desk_exhibit_free (DeskExhibit *exhibit);

/* The exhibits of @case_id (DeskExhibit, by number). @language is "en",
 * "ru" or "zh" (others mean "en"): it chooses the word for "Exhibit"
 * ("Приложение", "附件") and the titles. Titles come from the letter data
 * (data/letters/exhibit-labels.json), else from the case's rule pack, else
 * the requirement id; exhibits linked to no item are described by their file
 * name. Exhibits under the same checklist item get their file name as detail
 * so they can be told apart ("Exhibit 4 — Brand authorization,
 * auth-owner-to-distributor"). An empty array when the case has no
 * evidence. */
GPtrArray *desk_exhibits_list (DeskSession *session,
                               gint64       case_id,
                               const char  *language,
                               GError     **error);

/* "Exhibit 3", "Приложение 3", "附件3". */
char *desk_exhibit_format_reference (guint       number,
                                     const char *language);

/* Several exhibits cited together: "Exhibits 4 and 5", "Exhibits 1, 2 and
 * 3", "Приложения 4 и 5", "附件4、5"; one is desk_exhibit_format_reference(). */
char *desk_exhibit_format_references (const guint *numbers,
                                      guint        count,
                                      const char  *language);

/* The title alone: the requirement's title, else the file name on one line
 * without its extension. */
char *desk_exhibit_dup_title (const DeskExhibit *exhibit);

/* Sets the detail ("brand owner → distributor, valid to 2027-06-30") and
 * rebuilds the description in @language. */
void desk_exhibit_set_detail (DeskExhibit *exhibit,
                              const char  *detail,
                              const char  *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskExhibit, desk_exhibit_free)

G_END_DECLS
