/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-demo"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "desk-checklist-private.h"
#include "desk-demo-documents.h"
#include "desk-evidence-store.h"
#include "desk-util.h"

#define A4_W 595.0
#define A4_H 842.0

/* Drawing helpers */

static double
text_at (cairo_t    *cr,
         double      x,
         double      y,
         double      width,
         const char *font,
         const char *markup)
{
  g_autoptr (PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int                   h;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &h);
  return y + h;
}

static double
text_printf (cairo_t    *cr,
             double      x,
             double      y,
             double      width,
             const char *font,
             const char *format,
             ...) G_GNUC_PRINTF (6, 7);

static double
text_printf (cairo_t    *cr,
             double      x,
             double      y,
             double      width,
             const char *font,
             const char *format,
             ...)
{
  va_list          args;
  g_autofree char *markup = NULL;

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  return text_at (cr, x, y, width, font, markup);
}

static void
rule (cairo_t *cr,
      double   y)
{
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.78);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, 50, y);
  cairo_line_to (cr, A4_W - 50, y);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
}

/* A round red company seal, as Chinese documents carry. */
static void
seal (cairo_t    *cr,
      double      cx,
      double      cy,
      const char *name)
{
  cairo_save (cr);
  cairo_new_path (cr); /* text drawing leaves a current point */
  cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.85);
  cairo_set_line_width (cr, 3);
  cairo_arc (cr, cx, cy, 46, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_move_to (cr, cx, cy - 14);
  for (int i = 0; i < 5; i++)
    {
      double a = -G_PI / 2 + i * 4 * G_PI / 5;

      cairo_line_to (cr, cx + 13 * cos (a), cy + 13 * sin (a));
    }
  cairo_close_path (cr);
  cairo_fill (cr);
  text_printf (cr, cx - 40, cy + 8, 80, "Noto Sans CJK SC Bold 8", "<span foreground='#c81a1a'>%s</span>", name);
  cairo_restore (cr);
}

static void
demo_footer (cairo_t *cr)
{
  text_at (cr, 50, A4_H - 50, A4_W - 100, "Sans 7",
           "<span foreground='#888'>Appeal Desk demo document — fictitious companies and numbers, for trying the app only. "
           "演示文件：公司与编号均为虚构，仅供试用。</span>");
}

static const char *
first_product (DeskCase *kase)
{
  const char *const *ids = desk_case_get_product_ids (kase);

  return ids && ids[0] ? ids[0] : "DEMO-0001";
}

static const char *
platform_name (DeskCase *kase)
{
  return desk_platform_get_label (desk_case_get_platform (kase));
}

/* Documents */

static void
draw_authorization (cairo_t  *cr,
                    DeskCase *kase)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  int    year = g_date_time_get_year (now);
  double y;

  y = text_at (cr, 50, 50, 495, "Sans Bold 11", "NORDLICHT AUDIO GmbH · Brand owner of “NORDLICHT” (EUIPO reg. no. 018765432)");
  rule (cr, y + 8);
  y = text_at (cr, 50, y + 30, 495, "Sans Bold 20", "Brand Authorization Letter");
  y = text_at (cr, 50, y + 2, 495, "Noto Sans CJK SC 14", "品牌授权书");
  y = text_printf (cr, 50, y + 24, 495, "Sans 11",
                   "NORDLICHT AUDIO GmbH (Grantor) hereby authorizes Shenzhen Qianfan Trading Co., Ltd. "
                   "(深圳千帆贸易有限公司, Grantee) to sell genuine NORDLICHT products on the %s platform, "
                   "including the listing with product ID %s.",
                   platform_name (kase), first_product (kase));
  y = text_printf (cr, 50, y + 14, 495, "Sans 11",
                   "Platform scope: %s platform sales right. Territory: worldwide online stores. "
                   "Product scope: all models of the NORDLICHT earbuds and accessories series, batches 2025–%d.",
                   platform_name (kase), year);
  y = text_printf (cr, 50, y + 14, 495, "Sans 11", "Valid from 1 January %d to 31 December %d. Sub-licensing is not permitted.",
                   year, year + 1);
  y = text_at (cr, 50, y + 14, 495, "Noto Sans CJK SC 10",
               "授权方特此授权被授权方在上述平台销售正品，授权期限、地域与商品范围如上所述。");
  text_at (cr, 50, y + 60, 240, "Sans 10", "For the Grantor:\n\nKlaus Becker, Managing Director\nHamburg, 2 January");
  text_at (cr, 320, y + 60, 240, "Noto Sans CJK SC 10", "被授权方：\n\n深圳千帆贸易有限公司\n（盖章）");
  seal (cr, 460, y + 150, "深圳千帆贸易");
  demo_footer (cr);
}

static void
draw_invoice (cairo_t  *cr,
              DeskCase *kase)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  static const struct
  {
    const char *item;
    const char *hs;
    int         qty;
    double      price;
  } lines[] = {
    { "TWS-X3 earbuds, black 耳机 黑色", "8518.30", 500, 11.80 },
    { "TWS-X3 earbuds, white 耳机 白色", "8518.30", 300, 11.80 },
    { "Charging case 充电盒", "8504.40", 100, 2.35 },
  };
  double y, total = 0;

  y = text_at (cr, 50, 50, 495, "Noto Sans CJK SC Bold 18", "COMMERCIAL INVOICE 商业发票");
  y = text_printf (cr, 50, y + 10, 495, "Sans 10",
                   "Invoice no.: INV-%s-0457    Date: %s    Order no.: PO-88213-%s",
                   date, date, first_product (kase));
  text_at (cr, 310, y + 10, 240, "Noto Sans CJK SC 9",
           "Buyer 买方: Shenzhen Qianfan Trading Co., Ltd. 深圳千帆贸易有限公司\nTax ID 税号: 91440300MA5DEMO02Y");
  y = text_at (cr, 50, y + 10, 240, "Noto Sans CJK SC 9",
               "Seller 卖方: Dongguan Hengsheng Electronics Co., Ltd. 东莞恒晟电子有限公司\nTax ID 税号: 91441900MA5DEMO01X");
  rule (cr, y + 14);
  y += 20;
  text_at (cr, 50, y, 270, "Noto Sans CJK SC Bold 9", "Item 品名");
  text_at (cr, 330, y, 60, "Sans Bold 9", "HS code");
  text_at (cr, 395, y, 50, "Noto Sans CJK SC Bold 9", "Qty");
  text_at (cr, 440, y, 50, "Sans Bold 9", "Unit $");
  y = text_at (cr, 495, y, 60, "Sans Bold 9", "Amount $");
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      double amount = lines[i].qty * lines[i].price;

      total += amount;
      text_printf (cr, 50, y + 6, 270, "Noto Sans CJK SC 9", "%s", lines[i].item);
      text_printf (cr, 330, y + 6, 60, "Sans 9", "%s", lines[i].hs);
      text_printf (cr, 395, y + 6, 50, "Sans 9", "%d", lines[i].qty);
      text_printf (cr, 440, y + 6, 50, "Sans 9", "%.2f", lines[i].price);
      y = text_printf (cr, 495, y + 6, 60, "Sans 9", "%.2f", amount);
    }
  rule (cr, y + 8);
  y = text_printf (cr, 330, y + 14, 220, "Noto Sans CJK SC Bold 11", "Total 合计: USD %.2f", total);
  text_at (cr, 50, y + 30, 495, "Noto Sans CJK SC 9",
           "Payment: T/T, received in full. Goods delivered by SF Express waybill SF1402 2217 8806.\n付款方式：电汇，已全额收款。");
  seal (cr, 470, y + 120, "东莞恒晟电子");
  demo_footer (cr);
}

static void
draw_test_report (cairo_t  *cr,
                  DeskCase *kase)
{
  static const char *rows[][3] = {
    { "EN 55032:2015 Radiated emissions", "Class B", "PASS" },
    { "EN 55035:2017 Immunity", "Criterion A", "PASS" },
    { "EN 62368-1:2020 Electrical safety", "—", "PASS" },
    { "EN 300 328 V2.2.2 Bluetooth radio", "—", "PASS" },
    { "RoHS 2011/65/EU (Pb, Cd, Hg, Cr VI)", "< limits", "PASS" },
  };
  double y;

  y = text_at (cr, 50, 50, 495, "Sans Bold 12", "HANSEATIC TESTING SERVICES (DEMO) · Accredited laboratory no. D-PL-00000-00-00");
  rule (cr, y + 8);
  y = text_at (cr, 50, y + 24, 495, "Sans Bold 20", "Test Report");
  y = text_printf (cr, 50, y + 4, 495, "Sans 11", "Report no. HTS-2026-%s · Product ID %s · Sold on %s",
                   "0415", first_product (kase), platform_name (kase));
  y = text_at (cr, 50, y + 4, 495, "Noto Sans CJK SC 11", "第三方检测报告（CE 符合性）");
  y = text_at (cr, 50, y + 16, 495, "Sans 10",
               "Applicant: Shenzhen Qianfan Trading Co., Ltd.  Sample: 3 units received 2026-01-12, tested 2026-01-13 to 2026-01-20.");
  rule (cr, y + 10);
  y += 16;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      text_printf (cr, 50, y, 320, "Sans 10", "%s", rows[i][0]);
      text_printf (cr, 380, y, 80, "Sans 10", "%s", rows[i][1]);
      y = text_printf (cr, 480, y, 70, "Sans Bold 10", "<span foreground='#1a7f37'>%s</span>", rows[i][2]) + 6;
    }
  rule (cr, y + 4);
  y = text_at (cr, 50, y + 16, 495, "Sans 11", "Conclusion: the sample complies with the standards listed above.");
  seal (cr, 470, y + 90, "HTS 检测专用章");
  demo_footer (cr);
}

static void
draw_screenshot (cairo_t  *cr,
                 DeskCase *kase,
                 int       width,
                 int       height)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");

  cairo_set_source_rgb (cr, 0.96, 0.96, 0.97);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.93, 0.3, 0.18);
  cairo_rectangle (cr, 0, 0, width, 56);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  text_printf (cr, 24, 16, 600, "Sans Bold 16", "<span foreground='white'>%s Seller Center · Product details</span>",
               platform_name (kase));
  text_printf (cr, width - 330, 20, 320, "Sans 11", "<span foreground='white'>Captured %s (UTC+8)</span>", stamp);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 24, 80, width - 48, height - 104);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.85, 0.87, 0.9);
  cairo_rectangle (cr, 48, 104, 320, 320);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  text_at (cr, 150, 250, 200, "Sans 12", "<span foreground='#666'>product photo</span>");
  text_printf (cr, 400, 104, width - 460, "Sans Bold 18", "%s", desk_case_get_title (kase));
  text_printf (cr, 400, 150, width - 460, "Sans 13", "Product ID: %s", first_product (kase));
  text_at (cr, 400, 180, width - 460, "Sans 13", "Price: US $18.99    Stock: 1,240");
  text_at (cr, 400, 210, width - 460, "Sans 13", "Created Date: 2025-09-14 10:22:05");
  text_printf (cr, 400, 240, width - 460, "Sans 13", "Store: Qianfan Audio Official Store · %s", platform_name (kase));
  text_at (cr, 48, height - 60, width - 96, "Sans 9",
           "<span foreground='#888'>Appeal Desk demo screenshot — fictitious store and numbers.</span>");
}

static gboolean
finish_surface (cairo_surface_t *surface,
                const char      *path,
                gboolean         png,
                GError         **error)
{
  cairo_status_t status;

  if (png)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The demo document “%s” could not be written: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
desk_demo_document_write (DeskDemoDocument kind,
                          DeskCase        *kase,
                          const char      *path,
                          GError         **error)
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  gboolean         png = kind == DESK_DEMO_DOCUMENT_SCREENSHOT;

  g_return_val_if_fail (DESK_IS_CASE (kase), FALSE);
  surface = png ? cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 800)
                : cairo_pdf_surface_create (path, A4_W, A4_H);
  cr = cairo_create (surface);
  if (!png)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
    }
  switch (kind)
    {
      case DESK_DEMO_DOCUMENT_AUTHORIZATION:
        draw_authorization (cr, kase);
        break;
      case DESK_DEMO_DOCUMENT_INVOICE:
        draw_invoice (cr, kase);
        break;
      case DESK_DEMO_DOCUMENT_TEST_REPORT:
        draw_test_report (cr, kase);
        break;
      case DESK_DEMO_DOCUMENT_SCREENSHOT:
      default:
        draw_screenshot (cr, kase, 1280, 800);
        break;
    }
  if (!png)
    cairo_show_page (cr);
  cairo_destroy (cr);
  return finish_surface (surface, path, png, error);
}

/* Which checklist items a document answers, and its file name. */
static const struct
{
  DeskDemoDocument kind;
  const char      *file;
  const char      *items[8];
} documents[] = {
  { DESK_DEMO_DOCUMENT_AUTHORIZATION, "brand-authorization-letter.pdf", { "brand-authorization", "factory-authorization", NULL } },
  { DESK_DEMO_DOCUMENT_INVOICE, "purchase-invoice-INV-0457.pdf", { "purchase-invoice", NULL } },
  { DESK_DEMO_DOCUMENT_TEST_REPORT, "test-report-HTS-2026-0415.pdf", { "conformity-certificate", "third-party-test-report", "test-report", "inspection-report", "retest-report", NULL } },
  { DESK_DEMO_DOCUMENT_SCREENSHOT, "seller-center-screenshot.png", { "listing-screenshot", "reseller-listing-screenshots", "first-listing-screenshot", "performance-screenshot", "dsr-screenshot", "sales-data-screenshot", "category-path-screenshot", NULL } },
};

static DeskChecklistItem *
matching_item (GPtrArray         *items,
               const char *const *ids)
{
  for (guint i = 0; ids[i]; i++)
    for (guint j = 0; j < items->len; j++)
      if (g_str_equal (((DeskChecklistItem *)items->pdata[j])->item_id, ids[i]))
        return items->pdata[j];
  return NULL;
}

static gboolean
add_one (DeskStore         *store,
         DeskCase          *kase,
         DeskChecklistItem *item,
         guint              index,
         const char        *dir,
         GError           **error)
{
  g_autofree char *path = g_build_filename (dir, documents[index].file, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (DeskEvidence) evidence = NULL;

  if (!desk_demo_document_write (documents[index].kind, kase, path, error))
    return FALSE;
  evidence = desk_evidence_add (store, file, desk_case_get_id (kase), _ ("Demo document"), NULL, NULL, NULL, NULL, error);
  g_unlink (path);
  return evidence && desk_evidence_attach_to_checklist (store, item->id, desk_evidence_get_id (evidence), error);
}

int
desk_demo_add_documents (DeskStore *store,
                         DeskCase  *kase,
                         GError   **error)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *dir = NULL;
  int              n = 0;

  g_return_val_if_fail (DESK_IS_STORE (store), -1);
  g_return_val_if_fail (DESK_IS_CASE (kase), -1);
  if (!(items = _desk_checklist_list_stored (store, desk_case_get_id (kase), error)))
    return -1;
  if (!(dir = g_dir_make_tmp ("appeal-desk-demo-XXXXXX", error)))
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      DeskChecklistItem *item = matching_item (items, documents[i].items);

      if (item == NULL)
        continue;
      if (!add_one (store, kase, item, i, dir, error))
        {
          g_rmdir (dir);
          return -1;
        }
      n++;
    }
  g_rmdir (dir);
  return n;
}
