/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "desk-case-snapshot.h"
#include "desk-session.h"

G_BEGIN_DECLS

/* The closure report: a PDF to keep, to show a manager and to learn from —
 * title block, summary, timeline, the platform's replies verbatim, evidence
 * index with fingerprints, authorization chain and gaps, letters as sent,
 * root cause and risk-control advice — in Chinese or English, chosen per
 * report, with every font embedded. */

#define DESK_REPORT_ERROR (desk_report_error_quark ())

typedef enum
{
  DESK_REPORT_ERROR_WRITE,    /* the file could not be written (disk full, no permission) */
  DESK_REPORT_ERROR_RENDER,   /* cairo failed while drawing */
  DESK_REPORT_ERROR_LANGUAGE, /* the report language's translation is not installed */
} DeskReportError;

typedef enum
{
  DESK_REPORT_LANGUAGE_EN,
  DESK_REPORT_LANGUAGE_ZH_CN,
} DeskReportLanguage;

GQuark desk_report_error_quark (void);
/* "en", "zh_CN" (also accepts "zh", "zh-CN", "zh_CN.UTF-8"); FALSE for others. */
gboolean    desk_report_language_from_id (const char         *id,
                                          DeskReportLanguage *language);
const char *desk_report_language_to_id (DeskReportLanguage language);
/* BCP 47 tag for the PDF: "en", "zh-CN". */
const char *desk_report_language_to_tag (DeskReportLanguage language);

/* What was written. */
typedef struct
{
  guint n_pages;
  gsize size;
  char *title;
} DeskReportResult;

void desk_report_result_free (DeskReportResult *result);

/* Later capabilities add material to the report through these (each item a
 * titled text in the report's language). A provider is called on the
 * caller's thread while the case is read; it appends to the arrays it is
 * given (DeskReportItem*), or leaves them alone. */
typedef struct
{
  char *title;
  char *text;
} DeskReportItem;

DeskReportItem *desk_report_item_new (const char *title,
                                      const char *text);
void            desk_report_item_free (DeskReportItem *item);

/* A section of its own, e.g. the activity-exit metrics and post-mortem
 * (issue 15): title, text, and optionally a chart drawn at the text width. */
typedef struct
{
  char            *title;
  char            *text;
  cairo_surface_t *chart; /* may be NULL; any surface cairo can paint */
  double           chart_width;
  double           chart_height; /* in points */
} DeskReportSection;

DeskReportSection *desk_report_section_new (const char *title,
                                            const char *text);
void               desk_report_section_free (DeskReportSection *section);

typedef struct
{
  DeskSession       *session;
  DeskCaseSnapshot  *snapshot; /* the whole case, parts included */
  gint64             case_id;
  DeskReportLanguage language;
  /* Out: seller_entity is the PDF's author (the seller's legal entity). */
  char     **seller_entity;
  GPtrArray *chain_links; /* "Authorization chain": one item per link */
  GPtrArray *chain_gaps;  /* "Remaining gaps" */
  GPtrArray *letters;     /* "Letters as sent": title = language and date, text verbatim */
  GPtrArray *sections;    /* DeskReportSection*: own sections at the end */
} DeskReportInput;

typedef void (*DeskReportProvider) (DeskReportInput *input,
                                    gpointer         user_data);

/* Registers @provider for every report from now on (process-wide; call from
 * the main thread at start-up). */
void desk_report_add_provider (DeskReportProvider provider,
                               gpointer           user_data);

typedef void (*DeskReportProgress) (double   fraction,
                                    gpointer user_data);

/* Blocking: reads case @case_id and writes the report to @file (replaced
 * atomically; nothing is left behind on failure or cancel). */
DeskReportResult *desk_report_write (DeskSession       *session,
                                     gint64             case_id,
                                     DeskReportLanguage language,
                                     GFile             *file,
                                     GCancellable      *cancellable,
                                     DeskReportProgress progress,
                                     gpointer           progress_data,
                                     GError           **error);
/* The case is read on the calling thread; layout and drawing run in a
 * worker; @progress is called on the calling thread's main context. */
void              desk_report_write_async (DeskSession        *session,
                                           gint64              case_id,
                                           DeskReportLanguage  language,
                                           GFile              *file,
                                           GCancellable       *cancellable,
                                           DeskReportProgress  progress,
                                           gpointer            progress_data,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
DeskReportResult *desk_report_write_finish (GAsyncResult *result,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReportResult, desk_report_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReportItem, desk_report_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReportSection, desk_report_section_free)

G_END_DECLS
