/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "desk-closure.h"
#include "desk-report.h"
#include "desk-store.h"

G_BEGIN_DECLS

/* Catalogue of one language read from the installed .mo (desk-report-catalog.c). */
typedef struct _DeskCatalog DeskCatalog;

DeskCatalog *_desk_catalog_load (const char *language);
void         _desk_catalog_free (DeskCatalog *self);
gboolean     _desk_catalog_is_translated (DeskCatalog *self);
const char  *_desk_catalog_get (DeskCatalog *self,
                                const char  *msgid);
const char  *_desk_catalog_pget (DeskCatalog *self,
                                 const char  *context,
                                 const char  *msgid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCatalog, _desk_catalog_free)

/* One evidence item as the report lists it. */
typedef struct
{
  gint64     id;
  char      *reference;  /* "Exhibit 3" / "附件3": the case's one exhibit numbering */
  char      *item_label; /* the checklist item it proves, or NULL */
  char      *name;
  char      *sha256;
  gint64     size;
  char      *mime_type;
  GDateTime *added_at;
} DeskReportEvidence;

/* Everything the report shows, read on the caller's thread (the store is
 * not shared with the worker) and rendered in a worker thread. Texts from
 * the rule pack are already in the report's language. */
typedef struct
{
  DeskReportLanguage language;
  gint64             case_id;
  char              *title;
  DeskPlatform       platform;
  DeskCaseType       case_type;
  DeskCaseStatus     status;
  char              *platform_case_id;
  char              *violation_code;
  GStrv              product_ids;
  char              *notice_text;
  GDateTime         *received_at;
  GDateTime         *deadline_at;
  GDateTime         *created_at;
  GDateTime         *made_at;
  GTimeZone         *zone; /* times are shown in the seller's local time */

  GPtrArray   *timeline;   /* DeskTimelineEntry* */
  GPtrArray   *evidence;   /* DeskReportEvidence* */
  GPtrArray   *attempts;   /* DeskAttemptRecord* */
  DeskClosure *closure;    /* NULL when not closed */
  GPtrArray   *follow_ups; /* DeskFollowUp* */

  /* From the rule pack, in the report's language; NULL when none. */
  char      *pack_version; /* "1.0" */
  char      *pack_date;    /* "2026-03-12" */
  char      *root_cause_label;
  GPtrArray *advice; /* char* */
  char      *advice_source;
  char      *advice_verify;

  /* Filled by later capabilities; NULL when not available (see desk-report.h). */
  char      *seller_entity;
  GPtrArray *chain_links; /* DeskReportItem* */
  GPtrArray *chain_gaps;  /* DeskReportItem* */
  GPtrArray *letters;     /* DeskReportItem* */
  GPtrArray *extra;       /* DeskReportSection* */
  GPtrArray *packages;    /* DeskReportItem*: complaint packages made */
} DeskReportData;

DeskReportData *_desk_report_data_load (DeskSession       *session,
                                        gint64             case_id,
                                        DeskReportLanguage language,
                                        GError           **error);
void            _desk_report_data_free (DeskReportData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReportData, _desk_report_data_free)

/* The flowing page layout (desk-report-layout.c): content is measured into a
 * display list while it is placed, so "page N of M" can be drawn at the end;
 * paragraphs and table cells split line by line across pages. */
typedef struct _DeskReportLayout DeskReportLayout;

typedef enum
{
  DESK_REPORT_STYLE_BODY,
  DESK_REPORT_STYLE_SMALL,
  DESK_REPORT_STYLE_TABLE,
  DESK_REPORT_STYLE_TABLE_HEADER,
  DESK_REPORT_STYLE_MONO,
  DESK_REPORT_STYLE_HEADING,
  DESK_REPORT_STYLE_SUBHEADING,
  DESK_REPORT_STYLE_TITLE,
  DESK_REPORT_STYLE_QUOTE, /* verbatim text: a bar in the margin */
} DeskReportStyle;

DeskReportLayout *_desk_report_layout_new (const char *language);
void              _desk_report_layout_free (DeskReportLayout *self);
/* Text flows across pages; @indent in points from the left margin. */
void _desk_report_layout_paragraph (DeskReportLayout *self,
                                    DeskReportStyle   style,
                                    const char       *text,
                                    double            indent);
void _desk_report_layout_space (DeskReportLayout *self,
                                double            points);
/* A heading is kept with the next few lines (never last on a page). */
void _desk_report_layout_heading (DeskReportLayout *self,
                                  DeskReportStyle   style,
                                  const char       *text);
/* Tables: columns as fractions of the text width; the header row repeats on
 * each page the table reaches. Cells are NULL-terminated per row. */
void _desk_report_layout_table_begin (DeskReportLayout      *self,
                                      const double          *fractions,
                                      const DeskReportStyle *styles,
                                      guint                  n_columns,
                                      const char *const     *header);
void _desk_report_layout_table_row (DeskReportLayout  *self,
                                    const char *const *cells);
void _desk_report_layout_table_end (DeskReportLayout *self);
/* A cairo surface (a chart) of @width × @height scaled to the text width. */
void  _desk_report_layout_image (DeskReportLayout *self,
                                 cairo_surface_t  *surface,
                                 double            width,
                                 double            height);
guint _desk_report_layout_get_n_pages (DeskReportLayout *self);
/* Draws every page on @cr (a PDF surface of the layout's page size) with
 * @footer_left on each page and "N / M" on the right; @progress in 0..1. */
gboolean _desk_report_layout_render (DeskReportLayout *self,
                                     cairo_t          *cr,
                                     const char       *header,
                                     const char       *footer_left,
                                     const char       *page_format,
                                     GCancellable     *cancellable,
                                     void (*progress) (double fraction, gpointer data),
                                     gpointer progress_data);
void     _desk_report_layout_get_page_size (DeskReportLayout *self,
                                            double           *width,
                                            double           *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReportLayout, _desk_report_layout_free)

/* Composes the sections (desk-report-sections.c). */
void _desk_report_compose (DeskReportLayout *layout,
                           DeskReportData   *data,
                           DeskCatalog      *catalog);
/* Title for the PDF metadata and the page header. */
char *_desk_report_make_title (DeskReportData *data,
                               DeskCatalog    *catalog);

/* desk-report-activity.c: a campaign-exit case's figures, chart and post-mortem. */
void _desk_report_read_activity (DeskReportData   *data,
                                 DeskSession      *session,
                                 DeskCaseSnapshot *snapshot,
                                 DeskCatalog      *catalog);

G_END_DECLS
