/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Closure report of a case with 200 timeline entries and 50 evidence items:
 * time to read the case, lay out, draw and write the PDF (goal < 0.5 s),
 * with its page count and size, against an anchor that writes the same text
 * with cairo + pango as one flowing paragraph (no tables, no sections).
 * Usage: bench-report [RUNS]   (prints milliseconds; median of RUNS, default 5) */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>

#include "desk-closure.h"
#include "desk-evidence-store.h"
#include "desk-evidence.h"
#include "desk-reply.h"
#include "desk-report.h"
#include "desk-timeline.h"

static const char *texts[] = {
  "Called Shopee support, ticket SP-2026-0042; they will re-check the listing within 2 working days.",
  "客服回复：需要补充品牌授权书原件照片，并注明型号 X200。",
  "Поддержка Joom: жалоба принята, срок рассмотрения до 14 дней.",
  "Uploaded the stamped authorization letter and the invoice with the order number.",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static gint64
populate (DeskStore *store, GString *all_text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, "蓝牙耳机 X200 商标投诉");
  g_autoptr (GDateTime) t0 = g_date_time_new_utc (2026, 3, 10, 8, 0, 0);
  g_autoptr (GPtrArray) follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_follow_up_free);
  g_autofree char *dir = g_dir_make_tmp ("bench-report-files-XXXXXX", NULL);

  desk_case_set_notice_text (kase, "您的商品因涉嫌侵犯商标权被投诉，请在72小时内提交授权证明。");
  desk_case_set_received_at (kase, t0);
  if (!desk_store_insert_case (store, kase, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("evidence-%02u 授权书.pdf", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *content = g_strdup_printf ("evidence file %u", i);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (DeskEvidence) evidence = NULL;

      g_file_set_contents (path, content, -1, NULL);
      if (!(evidence = desk_evidence_add (store, file, desk_case_get_id (kase), NULL, NULL, NULL, NULL, NULL, &error)))
        g_error ("%s", error->message);
      g_string_append_printf (all_text, "%s %s\n", name, desk_evidence_get_sha256 (evidence));
      g_unlink (path);
    }
  g_rmdir (dir);
  for (guint i = 0; i < 199; i++)
    {
      g_autoptr (GDateTime) at = g_date_time_add_hours (t0, i);
      const char *text = texts[i % G_N_ELEMENTS (texts)];

      if (i % 40 == 39)
        {
          g_autoptr (DeskReply) reply = desk_reply_decode ("Your appeal has been rejected.\nReason: the letter does not name model X200.", at, NULL, DESK_CASE_TYPE_IP_COMPLAINT);

          if (!desk_reply_record (store, kase, reply, NULL, &error))
            g_error ("%s", error->message);
          g_string_append_printf (all_text, "%s\n", reply->text);
          continue;
        }
      if (!desk_timeline_add (store, desk_case_get_id (kase), i % 3 ? DESK_TIMELINE_NOTE : DESK_TIMELINE_CALL, at, text, NULL, NULL, &error))
        g_error ("%s", error->message);
      g_string_append_printf (all_text, "%s\n", text);
    }
  g_ptr_array_add (follow_ups, desk_follow_up_new ("Check the other 40 SKUs", t0));
  if (!desk_closure_close (store, kase, DESK_OUTCOME_RESTORED, "authorization-scope", "授权书没有写明型号", follow_ups, NULL, &error))
    g_error ("%s", error->message);
  return desk_case_get_id (kase);
}

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  *(gsize *)closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The anchor: the same text, one wrapped paragraph flowed over A4 pages. */
static double
anchor (const char *text, guint *pages, gsize *size)
{
  gint64                start = g_get_monotonic_time ();
  cairo_surface_t      *surface = cairo_pdf_surface_create_for_stream (discard, size, 595.276, 841.89);
  cairo_t              *cr = cairo_create (surface);
  PangoLayout          *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Noto Sans, DejaVu Sans, Noto Sans CJK SC 9.5");
  PangoLayoutIter      *iter;
  double                y = 68;

  *size = 0;
  *pages = 1;
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, 483 * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (y + logical.height / PANGO_SCALE > 773)
        {
          cairo_show_page (cr);
          (*pages)++;
          y = 68;
        }
      cairo_move_to (cr, 56, y + (pango_layout_iter_get_baseline (iter) - logical.y) / (double)PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
      y += logical.height / (double)PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  pango_font_description_free (desc);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return ms_since (start);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-report-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (out);
  g_autoptr (GString) all_text = g_string_new (NULL);
  g_autoptr (DeskSession) session = NULL;
  DeskStore *store;
  guint      runs = argc > 1 ? (guint)atoi (argv[1]) : 5;
  double    *report_ms, *anchor_ms;
  double     first;
  guint      pages = 0, anchor_pages = 0;
  gsize      size = 0, anchor_size = 0;
  gint64     id, start;

  runs = MAX (runs, 1);
  /* The Chinese edition reads the .mo: point APPEAL_DESK_LOCALEDIR at build/po. */
  if (g_getenv ("APPEAL_DESK_LOCALEDIR"))
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("APPEAL_DESK_LOCALEDIR"));
  report_ms = g_new (double, runs);
  anchor_ms = g_new (double, runs);
  if (!(session = desk_session_new (dir, &error)))
    g_error ("%s", error->message);
  store = desk_session_get_store (session);
  id = populate (store, all_text);

  for (guint r = 0; r <= runs; r++)
    {
      g_autoptr (DeskReportResult) result = NULL;

      start = g_get_monotonic_time ();
      if (!(result = desk_report_write (session, id, DESK_REPORT_LANGUAGE_EN, file, NULL, NULL, NULL, &error)))
        g_error ("%s", error->message);
      if (r == 0)
        first = ms_since (start); /* fonts loaded for the first time in this process */
      else
        report_ms[r - 1] = ms_since (start);
      pages = result->n_pages;
      size = result->size;
      if (r > 0)
        anchor_ms[r - 1] = anchor (all_text->str, &anchor_pages, &anchor_size);
    }
  {
    g_autoptr (DeskReportResult) zh = NULL;

    start = g_get_monotonic_time ();
    if (!(zh = desk_report_write (session, id, DESK_REPORT_LANGUAGE_ZH_CN, file, NULL, NULL, NULL, &error)))
      g_printerr ("zh_CN edition: %s\n", error->message);
    else
      printf ("zh_CN edition: %8.1f ms  %3u pages  %7zu bytes (one run)\n", ms_since (start), zh->n_pages, zh->size);
  }
  qsort (report_ms, runs, sizeof (double), compare);
  qsort (anchor_ms, runs, sizeof (double), compare);
  printf ("closure report, 200 timeline entries + 50 evidence items (en, median of %u)\n", runs);
  printf ("  report:        %8.1f ms  %3u pages  %7zu bytes  (first in process: %.1f ms)\n", report_ms[runs / 2], pages, size, first);
  printf ("  anchor:        %8.1f ms  %3u pages  %7zu bytes  (same text, one paragraph, cairo + pango)\n", anchor_ms[runs / 2], anchor_pages, anchor_size);
  printf ("  ratio:         %8.2f x anchor;  goal < 500 ms: %s\n", report_ms[runs / 2] / anchor_ms[runs / 2],
          report_ms[runs / 2] < 500 ? "met" : "NOT met");
  g_unlink (out);
  g_free (report_ms);
  g_free (anchor_ms);
  return 0;
}
