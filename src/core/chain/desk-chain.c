/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-chain"

#include "config.h"

#include "desk-chain-names.h"
#include "desk-chain.h"
#include "desk-util.h"

/* The plain structures of a chain: constructors, copies, lookups. JSON is in
 * desk-chain-json.c. */

G_DEFINE_QUARK (desk - chain - error - quark, desk_chain_error)
G_DEFINE_BOXED_TYPE (DeskChain, desk_chain, desk_chain_copy, desk_chain_free)
G_DEFINE_BOXED_TYPE (DeskCaseChain, desk_case_chain, desk_case_chain_copy, desk_case_chain_free)
G_DEFINE_BOXED_TYPE (DeskSellerProfile, desk_seller_profile, desk_seller_profile_copy, desk_seller_profile_free)

static GStrv
empty_strv (void)
{
  return g_new0 (char *, 1);
}

static GStrv
strv_copy (GStrv strv)
{
  return strv ? g_strdupv (strv) : empty_strv ();
}

/* Parties */

DeskChainParty *
desk_chain_party_new (const char *name)
{
  DeskChainParty *party = g_new0 (DeskChainParty, 1);

  party->name = g_strdup (name ? name : "");
  party->aliases = empty_strv ();
  return party;
}

static DeskChainParty *
party_copy (const DeskChainParty *party)
{
  DeskChainParty *copy = desk_chain_party_new (party->name);

  g_strfreev (copy->aliases);
  copy->aliases = strv_copy (party->aliases);
  copy->registration_number = g_strdup (party->registration_number);
  copy->country = g_strdup (party->country);
  return copy;
}

void
desk_chain_party_free (DeskChainParty *party)
{
  if (party == NULL)
    return;
  g_free (party->name);
  g_strfreev (party->aliases);
  g_free (party->registration_number);
  g_free (party->country);
  g_free (party);
}

/* Trademarks */

DeskTrademark *
desk_trademark_new (void)
{
  DeskTrademark *tm = g_new0 (DeskTrademark, 1);

  tm->number = g_strdup ("");
  tm->owner = g_strdup ("");
  tm->territories = empty_strv ();
  tm->classes = empty_strv ();
  return tm;
}

static DeskTrademark *
trademark_copy (const DeskTrademark *tm)
{
  DeskTrademark *copy = g_new0 (DeskTrademark, 1);

  copy->number = g_strdup (tm->number);
  copy->office = g_strdup (tm->office);
  copy->territories = strv_copy (tm->territories);
  copy->classes = strv_copy (tm->classes);
  copy->owner = g_strdup (tm->owner);
  copy->valid_until = g_strdup (tm->valid_until);
  copy->certificate = tm->certificate;
  return copy;
}

void
desk_trademark_free (DeskTrademark *tm)
{
  if (tm == NULL)
    return;
  g_free (tm->number);
  g_free (tm->office);
  g_strfreev (tm->territories);
  g_strfreev (tm->classes);
  g_free (tm->owner);
  g_free (tm->valid_until);
  g_free (tm);
}

/* Links */

DeskChainLink *
desk_chain_link_new (const char *grantor,
                     const char *grantee)
{
  DeskChainLink *link = g_new0 (DeskChainLink, 1);

  link->grantor = g_strdup (grantor ? grantor : "");
  link->grantee = g_strdup (grantee ? grantee : "");
  link->documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  link->territories = empty_strv ();
  link->platforms = empty_strv ();
  link->products = empty_strv ();
  link->scope = DESK_CHAIN_SCOPE_ALL_PRODUCTS;
  return link;
}

DeskChainLink *
desk_chain_link_copy (const DeskChainLink *link)
{
  DeskChainLink *copy = desk_chain_link_new (link->grantor, link->grantee);

  g_array_append_vals (copy->documents, link->documents->data, link->documents->len);
  copy->valid_from = g_strdup (link->valid_from);
  copy->valid_until = g_strdup (link->valid_until);
  g_strfreev (copy->territories);
  copy->territories = strv_copy (link->territories);
  copy->all_online_platforms = link->all_online_platforms;
  g_strfreev (copy->platforms);
  copy->platforms = strv_copy (link->platforms);
  copy->scope = link->scope;
  g_strfreev (copy->products);
  copy->products = strv_copy (link->products);
  copy->sublicensing = link->sublicensing;
  copy->signature_confirmed = link->signature_confirmed;
  copy->stamp_confirmed = link->stamp_confirmed;
  copy->language = g_strdup (link->language);
  return copy;
}

void
desk_chain_link_free (DeskChainLink *link)
{
  if (link == NULL)
    return;
  g_free (link->grantor);
  g_free (link->grantee);
  g_array_unref (link->documents);
  g_free (link->valid_from);
  g_free (link->valid_until);
  g_strfreev (link->territories);
  g_strfreev (link->platforms);
  g_strfreev (link->products);
  g_free (link->language);
  g_free (link);
}

/* Chains */

DeskChain *
desk_chain_new (const char *brand)
{
  DeskChain *chain = g_new0 (DeskChain, 1);

  chain->brand = g_strdup (brand ? brand : "");
  chain->owner = g_strdup ("");
  chain->parties = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_chain_party_free);
  chain->trademarks = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_trademark_free);
  chain->links = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_chain_link_free);
  return chain;
}

DeskChain *
desk_chain_copy (const DeskChain *chain)
{
  DeskChain *copy = desk_chain_new (chain->brand);

  copy->id = chain->id;
  g_free (copy->owner);
  copy->owner = g_strdup (chain->owner);
  for (guint i = 0; i < chain->parties->len; i++)
    g_ptr_array_add (copy->parties, party_copy (chain->parties->pdata[i]));
  for (guint i = 0; i < chain->trademarks->len; i++)
    g_ptr_array_add (copy->trademarks, trademark_copy (chain->trademarks->pdata[i]));
  for (guint i = 0; i < chain->links->len; i++)
    g_ptr_array_add (copy->links, desk_chain_link_copy (chain->links->pdata[i]));
  return copy;
}

void
desk_chain_free (DeskChain *chain)
{
  if (chain == NULL)
    return;
  g_free (chain->brand);
  g_free (chain->owner);
  g_ptr_array_unref (chain->parties);
  g_ptr_array_unref (chain->trademarks);
  g_ptr_array_unref (chain->links);
  g_free (chain);
}

int
desk_chain_find_link_for_document (const DeskChain *chain,
                                   gint64           evidence_id)
{
  for (guint i = 0; i < chain->links->len; i++)
    {
      const DeskChainLink *link = chain->links->pdata[i];

      for (guint d = 0; d < link->documents->len; d++)
        if (g_array_index (link->documents, gint64, d) == evidence_id)
          return (int)i;
    }
  return -1;
}

char *
desk_chain_describe_document (const DeskChain *chain,
                              gint64           evidence_id)
{
  int                  i = desk_chain_find_link_for_document (chain, evidence_id);
  const DeskChainLink *link;

  if (i < 0)
    return NULL;
  link = chain->links->pdata[i];
  if (link->valid_from == NULL && link->valid_until == NULL)
    return g_strdup_printf ("%s → %s", link->grantor, link->grantee);
  return g_strdup_printf ("%s → %s, %s – %s", link->grantor, link->grantee,
                          link->valid_from ? link->valid_from : "…", link->valid_until ? link->valid_until : "…");
}

const DeskChainParty *
desk_chain_find_party (const DeskChain *chain,
                       const char      *name)
{
  for (guint i = 0; i < chain->parties->len; i++)
    {
      const DeskChainParty *party = chain->parties->pdata[i];

      if (desk_chain_names_compare (name, party->name) == DESK_NAME_SAME
          || desk_chain_name_match_any (name, (const char *const *)party->aliases) == DESK_NAME_SAME)
        return party;
    }
  return NULL;
}

/* Case chains */

DeskCaseChain *
desk_case_chain_new (gint64 case_id,
                     gint64 chain_id)
{
  DeskCaseChain *info = g_new0 (DeskCaseChain, 1);

  info->case_id = case_id;
  info->chain_id = chain_id;
  info->products = empty_strv ();
  return info;
}

DeskCaseChain *
desk_case_chain_copy (const DeskCaseChain *info)
{
  DeskCaseChain *copy = desk_case_chain_new (info->case_id, info->chain_id);

  g_strfreev (copy->products);
  copy->products = strv_copy (info->products);
  copy->listing_date = g_strdup (info->listing_date);
  copy->site = g_strdup (info->site);
  copy->product_class = g_strdup (info->product_class);
  return copy;
}

void
desk_case_chain_free (DeskCaseChain *info)
{
  if (info == NULL)
    return;
  g_strfreev (info->products);
  g_free (info->listing_date);
  g_free (info->site);
  g_free (info->product_class);
  g_free (info);
}

/* Seller profile */

DeskSellerEntity *
desk_seller_entity_new (const char *name_zh,
                        const char *name_en)
{
  DeskSellerEntity *entity = g_new0 (DeskSellerEntity, 1);

  entity->name_zh = g_strdup (name_zh ? name_zh : "");
  entity->name_en = g_strdup (name_en ? name_en : "");
  entity->aliases = empty_strv ();
  return entity;
}

static DeskSellerEntity *
entity_copy (const DeskSellerEntity *entity)
{
  DeskSellerEntity *copy = desk_seller_entity_new (entity->name_zh, entity->name_en);

  g_strfreev (copy->aliases);
  copy->aliases = strv_copy (entity->aliases);
  copy->registration_number = g_strdup (entity->registration_number);
  copy->country = g_strdup (entity->country);
  return copy;
}

void
desk_seller_entity_free (DeskSellerEntity *entity)
{
  if (entity == NULL)
    return;
  g_free (entity->name_zh);
  g_free (entity->name_en);
  g_strfreev (entity->aliases);
  g_free (entity->registration_number);
  g_free (entity->country);
  g_free (entity);
}

DeskSellerProfile *
desk_seller_profile_new (void)
{
  DeskSellerProfile *profile = g_new0 (DeskSellerProfile, 1);

  profile->entities = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_seller_entity_free);
  profile->stores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
  return profile;
}

DeskSellerProfile *
desk_seller_profile_copy (const DeskSellerProfile *profile)
{
  DeskSellerProfile *copy = desk_seller_profile_new ();
  GHashTableIter     iter;
  gpointer           key, value;

  for (guint i = 0; i < profile->entities->len; i++)
    g_ptr_array_add (copy->entities, entity_copy (profile->entities->pdata[i]));
  g_hash_table_iter_init (&iter, profile->stores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->stores, g_strdup (key), g_strdupv (value));
  return copy;
}

void
desk_seller_profile_free (DeskSellerProfile *profile)
{
  if (profile == NULL)
    return;
  g_ptr_array_unref (profile->entities);
  g_hash_table_unref (profile->stores);
  g_free (profile);
}

const char *const *
desk_seller_profile_get_stores (const DeskSellerProfile *profile,
                                DeskPlatform             platform)
{
  return g_hash_table_lookup (profile->stores, desk_platform_to_id (platform));
}

void
desk_seller_profile_set_stores (DeskSellerProfile *profile,
                                DeskPlatform       platform,
                                const char *const *store_ids)
{
  if (store_ids == NULL || store_ids[0] == NULL)
    g_hash_table_remove (profile->stores, desk_platform_to_id (platform));
  else
    g_hash_table_insert (profile->stores, g_strdup (desk_platform_to_id (platform)),
                         g_strdupv ((char **)store_ids));
}
