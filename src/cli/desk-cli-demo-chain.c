/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "chain/desk-chain-store.h"
#include "desk-checklist.h"
#include "desk-cli.h"
#include "desk-evidence-store.h"

/* Demo authorization chains: the Shopee earbuds case has blocking gaps (a
 * scanned letter only, no model named, an expired second link); the Joom
 * baking-mat case has a clean two-link chain. The letters are generated PDFs
 * so the editor's preview has something to show. */

#define SELLER_ZH "深圳市声峰电子商务有限公司"
#define SELLER_EN "Shenzhen Shengfeng E-commerce Co., Ltd."

static void
draw_letter (cairo_t    *cr,
             const char *text)
{
  PangoLayout          *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Serif CJK SC, Serif 11");

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, 60, 60);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, 475 * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, text, -1);
  pango_cairo_show_layout (cr, layout);
  /* The grantor's round stamp. */
  cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.8);
  cairo_set_line_width (cr, 3);
  cairo_new_path (cr);
  cairo_arc (cr, 440, 700, 48, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_move_to (cr, 428, 712);
  cairo_set_font_size (cr, 36);
  cairo_show_text (cr, "★");
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* A4 letter; @scanned renders it to pixels first, like a scanner would. */
static gboolean
write_letter (const char *path,
              const char *text,
              gboolean    scanned,
              GError    **error)
{
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t         *cr = cairo_create (pdf);
  cairo_status_t   status;

  if (scanned)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
      cairo_t         *icr = cairo_create (image);

      draw_letter (icr, text);
      cairo_destroy (icr);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_surface_destroy (image);
    }
  else
    draw_letter (cr, text);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  status = cairo_surface_status (pdf);
  cairo_surface_destroy (pdf);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gint64
add_letter (DeskCliContext *ctx,
            DeskCase       *kase,
            const char     *dir,
            const char     *name,
            const char     *text,
            gboolean        scanned,
            GError        **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autoptr (DeskChecklistItem) item = NULL;

  if (!write_letter (path, text, scanned, error)
      || !(evidence = desk_evidence_add (ctx->store, file, desk_case_get_id (kase), _ ("Demo document"), NULL, NULL, NULL, NULL, error)))
    return 0;
  g_unlink (path);
  item = desk_checklist_find_item (ctx->session, desk_case_get_id (kase),
                                   g_str_has_prefix (name, "trademark") ? "trademark-certificate" : "brand-authorization", NULL);
  if (item && !desk_evidence_attach_to_checklist (ctx->store, item->id, desk_evidence_get_id (evidence), error))
    return 0;
  return desk_evidence_get_id (evidence);
}

static char *
days_from_now (int days)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static DeskChainLink *
link_new (const char *grantor,
          const char *grantee,
          gint64      document,
          int         from_days,
          int         until_days)
{
  DeskChainLink *link = desk_chain_link_new (grantor, grantee);

  g_array_append_val (link->documents, document);
  link->valid_from = days_from_now (from_days);
  link->valid_until = days_from_now (until_days);
  link->signature_confirmed = link->stamp_confirmed = TRUE;
  link->language = g_strdup ("en");
  return link;
}

static void
set_strv (GStrv      *field,
          const char *first,
          const char *second)
{
  const char *values[] = { first, second, NULL };

  g_strfreev (*field);
  *field = g_strdupv ((char **)values);
}

static DeskTrademark *
trademark_new (const char *number,
               const char *office,
               const char *territory,
               const char *klass,
               const char *owner,
               gint64      certificate)
{
  DeskTrademark *tm = desk_trademark_new ();

  g_free (tm->number);
  tm->number = g_strdup (number);
  tm->office = g_strdup (office);
  set_strv (&tm->territories, "CN", territory);
  set_strv (&tm->classes, klass, NULL);
  g_free (tm->owner);
  tm->owner = g_strdup (owner);
  tm->valid_until = days_from_now (3000);
  tm->certificate = certificate;
  return tm;
}

/* Shopee: three blocking gaps the seller can see and fix. */
static DeskChain *
earbuds_chain (DeskCliContext *ctx,
               DeskCase       *kase,
               const char     *dir,
               GError        **error)
{
  g_autoptr (DeskChain) chain = desk_chain_new ("SoundPeak");
  DeskChainParty *distributor = desk_chain_party_new ("Shenzhen Huasheng Trading Co., Ltd.");
  DeskChainLink  *first, *second;
  gint64          cert, letter1, letter2;

  if (!(cert = add_letter (ctx, kase, dir, "trademark-soundpeak.pdf",
                           "<b>Trademark Registration Certificate</b>\n\nNo. 40112233 · Class 9\nMark: SOUNDPEAK\nRegistrant: SoundPeak Audio Co., Ltd.\nTerritory: China, Malaysia (Madrid designation)", FALSE, error))
      || !(letter1 = add_letter (ctx, kase, dir, "authorization-soundpeak-huasheng.pdf",
                                 "<b>Letter of Authorization</b>\n\nSoundPeak Audio Co., Ltd. authorizes Shenzhen Huasheng Trading Co., Ltd. to sell SoundPeak products on all online platforms worldwide and to appoint resellers.\n\nSigned and stamped.", TRUE, error))
      || !(letter2 = add_letter (ctx, kase, dir, "authorization-huasheng-shengfeng.pdf",
                                 "<b>授权书 / Letter of Authorization</b>\n\n深圳华声贸易有限公司授权深圳市声峰电子商务有限公司在 Shopee 平台销售 SoundPeak TWS-X3 耳机。\n\nShenzhen Huasheng Trading Co., Ltd. authorizes Shenzhen Shengfeng E-commerce Co., Ltd. to sell SoundPeak TWS-X3 on Shopee.", FALSE, error)))
    return NULL;
  g_free (chain->owner);
  chain->owner = g_strdup ("SoundPeak Audio Co., Ltd.");
  set_strv (&distributor->aliases, "深圳华声贸易有限公司", NULL);
  g_ptr_array_add (chain->parties, distributor);
  g_ptr_array_add (chain->trademarks, trademark_new ("40112233", "CNIPA", "MY", "9", "SoundPeak Audio Co., Ltd.", cert));
  first = link_new ("SoundPeak Audio Co., Ltd.", "Shenzhen Huasheng Trading Co., Ltd.", letter1, -500, 400);
  set_strv (&first->territories, "WW", NULL);
  first->all_online_platforms = TRUE;
  first->sublicensing = TRUE;
  second = link_new ("深圳华声贸易有限公司", SELLER_EN, letter2, -380, -10);
  set_strv (&second->territories, "MY", "SG");
  set_strv (&second->platforms, "shopee", NULL);
  second->scope = DESK_CHAIN_SCOPE_LISTED_PRODUCTS;
  set_strv (&second->products, "TWS-X3", NULL);
  second->language = g_strdup ("zh");
  g_ptr_array_add (chain->links, first);
  g_ptr_array_add (chain->links, second);
  return g_steal_pointer (&chain);
}

/* Joom: complete, names Joom, covers RU/KZ and the listing date. */
static DeskChain *
baking_mat_chain (DeskCliContext *ctx,
                  DeskCase       *kase,
                  const char     *dir,
                  GError        **error)
{
  g_autoptr (DeskChain) chain = desk_chain_new ("HomeBake");
  DeskChainLink *first, *second;
  gint64         cert, letter1, letter2;

  if (!(cert = add_letter (ctx, kase, dir, "trademark-homebake.pdf",
                           "<b>Certificate of Trademark Registration</b>\n\nNo. 812455 · Class 21\nMark: HOMEBAKE\nOwner: HomeBake Kitchenware Co., Ltd.\nTerritory: Russian Federation (Rospatent)", FALSE, error))
      || !(letter1 = add_letter (ctx, kase, dir, "authorization-homebake-meilin.pdf",
                                 "<b>Letter of Authorization</b>\n\nHomeBake Kitchenware Co., Ltd. appoints Ningbo Meilin Trading Co., Ltd. as general distributor for Russia and Kazakhstan, including the Joom platform sales right, with the right to sub-license.\n\nSigned and stamped.", FALSE, error))
      || !(letter2 = add_letter (ctx, kase, dir, "authorization-meilin-shengfeng.pdf",
                                 "<b>Letter of Authorization</b>\n\nNingbo Meilin Trading Co., Ltd. grants Shenzhen Shengfeng E-commerce Co., Ltd. the Joom platform sales right for HomeBake silicone baking mats in Russia and Kazakhstan.\n\nSigned and stamped.", FALSE, error)))
    return NULL;
  g_free (chain->owner);
  chain->owner = g_strdup ("HomeBake Kitchenware Co., Ltd.");
  g_ptr_array_add (chain->trademarks, trademark_new ("812455", "Rospatent", "RU", "21", "HomeBake Kitchenware Co., Ltd.", cert));
  set_strv (&((DeskTrademark *)chain->trademarks->pdata[0])->territories, "RU", "KZ");
  first = link_new ("HomeBake Kitchenware Co., Ltd.", "Ningbo Meilin Trading Co., Ltd.", letter1, -600, 700);
  set_strv (&first->territories, "RU", "KZ");
  set_strv (&first->platforms, "joom", NULL);
  first->sublicensing = TRUE;
  second = link_new ("Ningbo Meilin Trading Co., Ltd.", SELLER_EN, letter2, -450, 500);
  set_strv (&second->territories, "RU", "KZ");
  set_strv (&second->platforms, "joom", NULL);
  g_ptr_array_add (chain->links, first);
  g_ptr_array_add (chain->links, second);
  return g_steal_pointer (&chain);
}

static gboolean
ensure_profile (DeskCliContext *ctx,
                GError        **error)
{
  g_autoptr (DeskSellerProfile) profile = desk_seller_profile_load (ctx->store, error);
  const char *joom[] = { "JM-5521", NULL };
  const char *shopee[] = { "shengfeng.my", NULL };

  if (profile == NULL)
    return FALSE;
  if (profile->entities->len > 0)
    return TRUE;
  g_ptr_array_add (profile->entities, desk_seller_entity_new (SELLER_ZH, SELLER_EN));
  desk_seller_profile_set_stores (profile, DESK_PLATFORM_JOOM, joom);
  desk_seller_profile_set_stores (profile, DESK_PLATFORM_SHOPEE, shopee);
  return desk_seller_profile_save (ctx->store, profile, error);
}

gboolean
desk_cli_demo_chain (DeskCliContext *ctx,
                     DeskCase       *kase,
                     GError        **error)
{
  g_autoptr (DeskChain) chain = NULL;
  g_autoptr (DeskCaseChain) info = NULL;
  g_autofree char *dir = NULL;
  gboolean         joom = desk_case_get_platform (kase) == DESK_PLATFORM_JOOM && desk_case_get_case_type (kase) == DESK_CASE_TYPE_RESELLER;
  gboolean         shopee = desk_case_get_platform (kase) == DESK_PLATFORM_SHOPEE && desk_case_get_case_type (kase) == DESK_CASE_TYPE_IP_COMPLAINT;

  if (!joom && !shopee)
    return TRUE;
  if (!ensure_profile (ctx, error) || !(dir = g_dir_make_tmp ("appeal-desk-demo-XXXXXX", error)))
    return FALSE;
  chain = joom ? baking_mat_chain (ctx, kase, dir, error) : earbuds_chain (ctx, kase, dir, error);
  g_rmdir (dir);
  if (chain == NULL)
    return FALSE;
  info = desk_case_chain_new (desk_case_get_id (kase), 0);
  g_strfreev (info->products);
  info->products = g_strdupv ((char **)(const char *[]){ joom ? "Silicone baking mat 40×30" : "TWS-X3", NULL });
  info->listing_date = days_from_now (joom ? -76 : -200);
  info->product_class = g_strdup (joom ? "21" : "9");
  if (!joom)
    info->site = g_strdup ("MY");
  if (joom)
    {
      set_strv (&((DeskChainLink *)chain->links->pdata[1])->products, info->products[0], NULL);
      ((DeskChainLink *)chain->links->pdata[1])->scope = DESK_CHAIN_SCOPE_LISTED_PRODUCTS;
    }
  return desk_chain_set_for_case (ctx->store, chain, info, error);
}
