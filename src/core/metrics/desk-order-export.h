/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "desk-activity-rules.h"

G_BEGIN_DECLS

#define DESK_METRICS_ERROR (desk_metrics_error_quark ())

typedef enum
{
  DESK_METRICS_ERROR_UNREADABLE,     /* not text, not CSV */
  DESK_METRICS_ERROR_MISSING_COLUMN, /* no order number or order time column */
  DESK_METRICS_ERROR_NO_ROWS,        /* nothing usable */
  DESK_METRICS_ERROR_TOO_LARGE,
  DESK_METRICS_ERROR_NOT_AVAILABLE, /* the case's platform has no campaign metrics */
} DeskMetricsError;

GQuark desk_metrics_error_quark (void);

/* The largest export read (a year of a busy store is far below this). */
#define DESK_ORDER_EXPORT_MAX_BYTES (512 * 1024 * 1024)

/* One order as the metrics see it. Times are UTC seconds, 0 when absent. */
typedef struct
{
  const char *order_id;
  const char *sku;     /* interned, "" if absent */
  const char *carrier; /* interned, "" if absent */
  gint64      created;
  gint64      shipped;
  gint64      first_event;
  gint64      last_event;
  gint64      delivered;
  gint32      day;    /* local calendar day: days since 1970-01-01 in the seller's zone */
  gint8       rating; /* 1…5, 0 when the order has no review */
  guint       line;   /* line in the file, for the seller */
  guint       cancelled : 1;
  guint       has_tracking : 1;
  guint       tracking_plausible : 1;
  guint       official : 1;
  guint       campaign : 1; /* valid when the export has a campaign column */
  guint       negative_text : 1;
  guint       has_review : 1;
} DeskOrder;

typedef struct
{
  guint line;
  char *message; /* translated */
} DeskOrderProblem;

typedef struct _DeskOrderExport DeskOrderExport;

/* Reads an order export: headers mapped through the rule pack's aliases and
 * @user_columns (normalised header → field id, the seller's own mapping, may be
 * NULL); naive times are in @zone. Rows that cannot be used are listed with their
 * line numbers and skipped, never silently dropped. */
DeskOrderExport *desk_order_export_read (GBytes                  *data,
                                         const DeskActivityRules *rules,
                                         GHashTable              *user_columns,
                                         GTimeZone               *zone,
                                         GCancellable            *cancellable,
                                         GError                 **error);
void             desk_order_export_free (DeskOrderExport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskOrderExport, desk_order_export_free)

/* The header line's columns that no alias or mapping names, for asking the seller. */
GStrv desk_order_export_read_headers (GBytes  *data,
                                      GError **error);

guint            desk_order_export_get_n_orders (DeskOrderExport *self);
const DeskOrder *desk_order_export_get_order (DeskOrderExport *self,
                                              guint            index);
/* Data rows in the file, and those skipped (with a problem each). */
guint      desk_order_export_get_n_rows (DeskOrderExport *self);
guint      desk_order_export_get_n_skipped (DeskOrderExport *self);
GPtrArray *desk_order_export_get_problems (DeskOrderExport *self); /* DeskOrderProblem*, first 1000 */
gboolean   desk_order_export_has_field (DeskOrderExport *self,
                                        DeskOrderField   field);
/* The export's own "now": the latest time in it, so a file read later gives the same figures. */
gint64      desk_order_export_get_as_of (DeskOrderExport *self);
GTimeZone  *desk_order_export_get_zone (DeskOrderExport *self);
const char *desk_order_export_get_encoding (DeskOrderExport *self);
char        desk_order_export_get_separator (DeskOrderExport *self);
/* Local calendar day number of a UTC time in the export's zone. */
gint32 desk_order_export_local_day (DeskOrderExport *self,
                                    gint64           utc);

/* Whether a tracking number can be real (tests in docs/activity-metrics.md):
 * 8–40 letters, digits or dashes with at least 4 digits; not one repeated
 * character, not a run such as 12345678; not a placeholder (TEST, NONE, N/A, 无).
 * Numbers shared by three or more orders are also treated as fake (the export
 * checks that across rows). */
gboolean desk_tracking_number_is_plausible (const char *number);

/* Parses the times exports hold: "2026-11-01 08:12[:05]", "2026/11/1 8:12",
 * ISO 8601 with T and Z or an offset, "01.11.2026 08:12"; naive times in @zone.
 * Returns FALSE when @text is not a time. */
gboolean desk_order_parse_time (const char *text,
                                GTimeZone  *zone,
                                gint64     *utc);

G_END_DECLS
