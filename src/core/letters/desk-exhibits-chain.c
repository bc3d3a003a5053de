/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-letters"

#include "config.h"

#include "chain/desk-chain-store.h"
#include "desk-exhibits-private.h"
#include "desk-exhibits.h"
#include "desk-letter-private.h"
#include "desk-letter-data.h"
#include "desk-platform.h"
#include "desk-util.h"

/* Letter text in the letter's language, not the UI's: no gettext here. */
static char *
link_detail (const DeskChainLink *link,
             const char          *lang)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s → %s", link->grantor ? link->grantor : "", link->grantee ? link->grantee : "");
  if (link->valid_until && *link->valid_until)
    {
      if (g_str_equal (lang, "ru"))
        g_string_append_printf (out, ", срок действия до %s", link->valid_until);
      else if (g_str_equal (lang, "zh"))
        g_string_append_printf (out, "，有效期至 %s", link->valid_until);
      else
        g_string_append_printf (out, ", valid to %s", link->valid_until);
    }
  return g_string_free (out, FALSE);
}

static char *
trademark_detail (const DeskTrademark *trademark,
                  const char          *lang)
{
  GString    *out = g_string_new (NULL);
  gboolean    zh = g_str_equal (lang, "zh");
  const char *sep = zh ? "，" : ", ";

  if (trademark->owner && *trademark->owner)
    g_string_append (out, trademark->owner);
  if (trademark->number && *trademark->number)
    g_string_append_printf (out, "%s%s%s", out->len ? sep : "", zh ? "注册号 " : g_str_equal (lang, "ru") ? "№ "
                                                                                                          : "No. ",
                            trademark->number);
  if (trademark->valid_until && *trademark->valid_until)
    g_string_append_printf (out, "%s%s%s", out->len ? sep : "",
                            zh ? "有效期至 " : g_str_equal (lang, "ru") ? "срок действия до "
                                                                        : "valid to ",
                            trademark->valid_until);
  return g_string_free (out, FALSE);
}

static void
add_source (GPtrArray  *sources,
            const char *item_id,
            gint64      evidence_id,
            char       *detail)
{
  DeskExhibitSource *source;

  for (guint i = 0; i < sources->len; i++)
    if (((DeskExhibitSource *)sources->pdata[i])->evidence_id == evidence_id)
      {
        g_free (detail);
        return;
      }
  source = g_new0 (DeskExhibitSource, 1);
  source->item_id = item_id;
  source->evidence_id = evidence_id;
  source->detail = detail;
  g_ptr_array_add (sources, source);
}

GPtrArray *
_desk_exhibits_chain_documents (DeskStore  *store,
                                gint64      case_id,
                                const char *language,
                                GError    **error)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)_desk_exhibit_source_free);
  g_autoptr (DeskCaseChain) info = NULL;
  g_autoptr (DeskChain) chain = NULL;
  g_autoptr (GError) local = NULL;
  const char *lang = desk_letter_language_normalize (language);

  info = desk_case_chain_get (store, case_id, &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (info == NULL || info->chain_id <= 0)
    return g_steal_pointer (&sources);
  if (!(chain = desk_chain_get (store, info->chain_id, error)))
    return NULL;
  for (guint l = 0; l < chain->links->len; l++)
    {
      const DeskChainLink *link = chain->links->pdata[l];

      for (guint d = 0; d < link->documents->len; d++)
        add_source (sources, "brand-authorization", g_array_index (link->documents, gint64, d), link_detail (link, lang));
    }
  for (guint t = 0; t < chain->trademarks->len; t++)
    {
      const DeskTrademark *trademark = chain->trademarks->pdata[t];

      if (trademark->certificate > 0)
        add_source (sources, "trademark-certificate", trademark->certificate, trademark_detail (trademark, lang));
    }
  return g_steal_pointer (&sources);
}

/* Letters */

/* The platform's name in the letter's language (the pack's
 * "platform_label"); the id of a platform no pack names. */
static const char *
platform_title (const char *id,
                const char *lang)
{
  const char *name = desk_platform_get_name (desk_platform_from_id (id), lang);

  return name ? name : id;
}

/* "sales on Joom in RU, KZ" / "продажи на платформе Joom на территории RU, KZ" / "Joom平台销售，地域 RU、KZ" */
static char *
link_scope (const DeskChainLink *link,
            const char          *lang)
{
  gboolean zh = g_str_equal (lang, "zh"), ru = g_str_equal (lang, "ru");
  g_autoptr (GString) platforms = g_string_new (NULL);
  g_autofree char *territories = link->territories && link->territories[0] ? g_strjoinv (zh ? "、" : ", ", link->territories) : NULL;
  GString         *out = g_string_new (NULL);

  for (guint i = 0; link->platforms && link->platforms[i]; i++)
    g_string_append_printf (platforms, "%s%s", i ? (zh ? "、" : ", ") : "", platform_title (link->platforms[i], lang));
  if (link->all_online_platforms)
    g_string_append (out, zh ? "所有线上平台销售" : ru ? "продажи на всех онлайн-платформах"
                                                       : "sales on all online platforms");
  else if (platforms->len)
    g_string_append_printf (out, zh ? "%s平台销售" : ru ? "продажи на платформе %s"
                                                        : "sales on %s",
                            platforms->str);
  if (territories && g_str_equal (territories, "WW"))
    g_string_append_printf (out, "%s%s", out->len ? (zh ? "，" : " ") : "", zh ? "全球" : ru ? "по всему миру"
                                                                                             : "worldwide");
  else if (territories)
    g_string_append_printf (out, zh ? "%s地域 %s" : ru ? "%sна территории %s"
                                                       : "%sin %s",
                            out->len ? (zh ? "，" : " ") : "", territories);
  return g_string_free (out, FALSE);
}

void
_desk_letter_add_chain (JsonObject *context,
                        DeskStore  *store,
                        gint64      case_id,
                        GPtrArray  *exhibits,
                        const char *language)
{
  g_autoptr (DeskCaseChain) info = desk_case_chain_get (store, case_id, NULL);
  g_autoptr (DeskChain) chain = info && info->chain_id > 0 ? desk_chain_get (store, info->chain_id, NULL) : NULL;
  const char *lang = desk_letter_language_normalize (language);
  JsonArray  *array = json_array_new ();

  for (guint l = 0; chain && l < chain->links->len; l++)
    {
      const DeskChainLink *link = chain->links->pdata[l];
      JsonObject          *object = json_object_new ();
      g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree char *scope = link_scope (link, lang);
      g_autofree char *refs = NULL;

      for (guint d = 0; d < link->documents->len; d++)
        for (guint e = 0; e < exhibits->len; e++)
          if (((DeskExhibit *)exhibits->pdata[e])->evidence_id == g_array_index (link->documents, gint64, d))
            g_array_append_val (numbers, ((DeskExhibit *)exhibits->pdata[e])->number);
      refs = desk_exhibit_format_references ((guint *)numbers->data, numbers->len, lang);
      json_object_set_string_member (object, "grantor", link->grantor ? link->grantor : "");
      json_object_set_string_member (object, "grantee", link->grantee ? link->grantee : "");
      json_object_set_string_member (object, "scope", scope);
      json_object_set_string_member (object, "valid_to", link->valid_until ? link->valid_until : "");
      json_object_set_string_member (object, "ref", refs);
      json_array_add_object_element (array, object);
    }
  json_object_set_array_member (context, "chain", array);
}
