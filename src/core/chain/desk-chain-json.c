/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-chain"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "desk-chain.h"
#include "desk-json.h"
#include "desk-platform.h"
#include "desk-util.h"

/* The chain file format (src/core/chain/README.md). Unknown members are
 * errors, so a typo ("valid_unitl") is reported instead of silently
 * ignored; every error names the member's path. */

typedef struct
{
  GString *path;
  GError **error;
} Reader;

static gboolean
fail_with (Reader        *r,
           DeskChainError code,
           const char    *expected)
{
  if (r->path->len == 0)
    /* Translators: %s says what was expected, e.g. "an object" */
    g_set_error (r->error, DESK_CHAIN_ERROR, code, _ ("The chain file is not valid: expected %s."), expected);
  else
    /* Translators: "at links[1].valid_until: expected a date such as 2026-12-31" */
    g_set_error (r->error, DESK_CHAIN_ERROR, code, _ ("The chain file is not valid at %s: expected %s."), r->path->str, expected);
  return FALSE;
}

static gboolean
fail (Reader     *r,
      const char *expected)
{
  return fail_with (r, DESK_CHAIN_ERROR_INVALID, expected);
}

/* The ids a pack names too: a user rule pack can add a platform. */
static gboolean
fail_platform (Reader *r)
{
  g_autofree char *ids = desk_platform_join_ids (", ");
  /* Translators: %s is a list of ids such as aliexpress, shopee */
  g_autofree char *expected = g_strdup_printf (_ ("a platform id (%s)"), ids);

  return fail (r, expected);
}

static gsize
push (Reader     *r,
      const char *key)
{
  gsize mark = r->path->len;

  g_string_append_printf (r->path, "%s%s", mark ? "." : "", key);
  return mark;
}

static gsize
push_index (Reader *r,
            guint   index)
{
  gsize mark = r->path->len;

  g_string_append_printf (r->path, "[%u]", index);
  return mark;
}

static void
pop (Reader *r,
     gsize   mark)
{
  g_string_truncate (r->path, mark);
}

static gboolean
check_keys (Reader            *r,
            JsonObject        *obj,
            const char *const *allowed)
{
  g_autoptr (GList) members = json_object_get_members (obj);

  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        gsize            mark = push (r, l->data);
        g_autofree char *list = g_strjoinv (", ", (char **)allowed);
        g_autofree char *expected = NULL;

        /* Translators: %s is a list of member names */
        expected = g_strdup_printf (_ ("one of the known members (%s); check the spelling"), list);
        fail (r, expected);
        pop (r, mark);
        return FALSE;
      }
  return TRUE;
}

static JsonObject *
get_object (Reader   *r,
            JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (r, _ ("an object { … }"));
      return NULL;
    }
  return json_node_get_object (node);
}

typedef gboolean (*ReadFunc) (Reader *r, JsonNode *node, gpointer out);

/* Runs @read on a present member; absent optional members are left alone. */
static gboolean
member (Reader     *r,
        JsonObject *obj,
        const char *key,
        gboolean    required,
        ReadFunc    read,
        gpointer    out)
{
  JsonNode *node = json_object_get_member (obj, key);
  gsize     mark = push (r, key);
  gboolean  ok;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    ok = !required || fail (r, _ ("a value (this member is required)"));
  else
    ok = read (r, node, out);
  pop (r, mark);
  return ok;
}

static gboolean
read_string (Reader   *r,
             JsonNode *node,
             gpointer  out)
{
  char **str = out;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (r, _ ("a text in quotes"));
  g_free (*str);
  *str = g_strstrip (g_strdup (json_node_get_string (node)));
  return TRUE;
}

static gboolean
read_optional_string (Reader   *r,
                      JsonNode *node,
                      gpointer  out)
{
  char **str = out;

  if (!read_string (r, node, out))
    return FALSE;
  if (**str == '\0')
    g_clear_pointer (str, g_free);
  return TRUE;
}

static gboolean
read_bool (Reader   *r,
           JsonNode *node,
           gpointer  out)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (r, _ ("true or false"));
  *(gboolean *)out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_date (Reader   *r,
           JsonNode *node,
           gpointer  out)
{
  char **str = out;
  int    y, m, d;

  if (!read_optional_string (r, node, out))
    return FALSE;
  if (*str == NULL)
    return TRUE;
  if (strlen (*str) != 10 || sscanf (*str, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return fail (r, _ ("a date such as 2026-12-31"));
  return TRUE;
}

static gboolean
read_country (Reader   *r,
              JsonNode *node,
              gpointer  out)
{
  char **str = out;

  if (!read_optional_string (r, node, out))
    return FALSE;
  if (*str == NULL)
    return TRUE;
  if (!g_regex_match_simple ("^[A-Za-z]{2}$", *str, 0, 0))
    return fail (r, _ ("a two-letter country code such as CN, MY or RU (EU for the European Union, WW for worldwide)"));
  g_autofree char *up = g_ascii_strup (*str, -1);
  g_free (*str);
  *str = g_steal_pointer (&up);
  return TRUE;
}

static gboolean
read_strv_with (Reader   *r,
                JsonNode *node,
                GStrv    *out,
                ReadFunc  read_element)
{
  JsonArray *array;
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, _ ("a list [ … ]"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *value = NULL;
      gsize            mark = push_index (r, i);
      gboolean         ok = read_element (r, json_array_get_element (array, i), &value);

      pop (r, mark);
      if (!ok)
        return FALSE;
      if (value && *value)
        g_strv_builder_add (b, value);
    }
  g_strfreev (*out);
  *out = g_strv_builder_end (b);
  return TRUE;
}

static gboolean
read_strv (Reader   *r,
           JsonNode *node,
           gpointer  out)
{
  return read_strv_with (r, node, out, read_string);
}

static gboolean
read_countries (Reader   *r,
                JsonNode *node,
                gpointer  out)
{
  return read_strv_with (r, node, out, read_country);
}

static gboolean
read_platform (Reader   *r,
               JsonNode *node,
               gpointer  out)
{
  char **str = out;

  if (!read_string (r, node, out))
    return FALSE;
  if (desk_platform_from_id (*str) == DESK_PLATFORM_UNKNOWN)
    return fail_platform (r);
  return TRUE;
}

static gboolean
read_platforms (Reader   *r,
                JsonNode *node,
                gpointer  out)
{
  return read_strv_with (r, node, out, read_platform);
}

static gboolean
read_evidence_id (Reader   *r,
                  JsonNode *node,
                  gpointer  out)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) <= 0)
    return fail_with (r, DESK_CHAIN_ERROR_NO_EVIDENCE, _ ("the number of an evidence item (0 or absent for none)"));
  *(gint64 *)out = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_certificate (Reader   *r,
                  JsonNode *node,
                  gpointer  out)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
      && json_node_get_int (node) == 0)
    return TRUE;
  return read_evidence_id (r, node, out);
}

static gboolean
read_documents (Reader   *r,
                JsonNode *node,
                gpointer  out)
{
  GArray    *docs = out;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, _ ("a list of evidence numbers, e.g. [12, 15]"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64   id = 0;
      gsize    mark = push_index (r, i);
      gboolean ok = read_evidence_id (r, json_array_get_element (array, i), &id);

      pop (r, mark);
      if (!ok)
        return FALSE;
      g_array_append_val (docs, id);
    }
  return TRUE;
}

static gboolean
read_scope (Reader   *r,
            JsonNode *node,
            gpointer  out)
{
  g_autofree char *text = NULL;

  if (!read_string (r, node, &text))
    return FALSE;
  if (g_str_equal (text, "all"))
    *(DeskChainScope *)out = DESK_CHAIN_SCOPE_ALL_PRODUCTS;
  else if (g_str_equal (text, "listed"))
    *(DeskChainScope *)out = DESK_CHAIN_SCOPE_LISTED_PRODUCTS;
  else
    return fail (r, _ ("“all” (every product of the brand) or “listed” (only the products listed)"));
  return TRUE;
}

/* Arrays of objects */

static gboolean
read_array (Reader    *r,
            JsonNode  *node,
            GPtrArray *out,
            ReadFunc   read_element)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, _ ("a list [ … ]"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gpointer item = NULL;
      gsize    mark = push_index (r, i);
      gboolean ok = read_element (r, json_array_get_element (array, i), &item);

      pop (r, mark);
      if (!ok)
        return FALSE;
      g_ptr_array_add (out, item);
    }
  return TRUE;
}

static gboolean
read_party (Reader   *r,
            JsonNode *node,
            gpointer  out)
{
  static const char *const keys[] = { "name", "aliases", "registration_number", "country", NULL };
  g_autoptr (DeskChainParty) party = desk_chain_party_new ("");
  JsonObject *obj = get_object (r, node);

  if (!obj || !check_keys (r, obj, keys)
      || !member (r, obj, "name", TRUE, read_string, &party->name)
      || !member (r, obj, "aliases", FALSE, read_strv, &party->aliases)
      || !member (r, obj, "registration_number", FALSE, read_optional_string, &party->registration_number)
      || !member (r, obj, "country", FALSE, read_country, &party->country))
    return FALSE;
  *(DeskChainParty **)out = g_steal_pointer (&party);
  return TRUE;
}

static gboolean
read_parties (Reader   *r,
              JsonNode *node,
              gpointer  out)
{
  return read_array (r, node, out, read_party);
}

static gboolean
read_trademark (Reader   *r,
                JsonNode *node,
                gpointer  out)
{
  static const char *const keys[] = {
    "number", "office", "territories", "classes", "owner", "valid_until", "certificate", NULL
  };
  g_autoptr (DeskTrademark) tm = desk_trademark_new ();
  JsonObject *obj = get_object (r, node);

  if (!obj || !check_keys (r, obj, keys)
      || !member (r, obj, "number", TRUE, read_string, &tm->number)
      || !member (r, obj, "office", FALSE, read_optional_string, &tm->office)
      || !member (r, obj, "territories", FALSE, read_countries, &tm->territories)
      || !member (r, obj, "classes", FALSE, read_strv, &tm->classes)
      || !member (r, obj, "owner", TRUE, read_string, &tm->owner)
      || !member (r, obj, "valid_until", FALSE, read_date, &tm->valid_until)
      || !member (r, obj, "certificate", FALSE, read_certificate, &tm->certificate))
    return FALSE;
  *(DeskTrademark **)out = g_steal_pointer (&tm);
  return TRUE;
}

static gboolean
read_trademarks (Reader   *r,
                 JsonNode *node,
                 gpointer  out)
{
  return read_array (r, node, out, read_trademark);
}

static gboolean
read_link (Reader   *r,
           JsonNode *node,
           gpointer  out)
{
  static const char *const keys[] = {
    "grantor", "grantee", "documents", "valid_from", "valid_until", "territories",
    "all_online_platforms", "platforms", "scope", "products", "sublicensing",
    "signature_confirmed", "stamp_confirmed", "language", NULL
  };
  g_autoptr (DeskChainLink) link = desk_chain_link_new ("", "");
  JsonObject *obj = get_object (r, node);

  if (!obj || !check_keys (r, obj, keys)
      || !member (r, obj, "grantor", TRUE, read_string, &link->grantor)
      || !member (r, obj, "grantee", TRUE, read_string, &link->grantee)
      || !member (r, obj, "documents", FALSE, read_documents, link->documents)
      || !member (r, obj, "valid_from", FALSE, read_date, &link->valid_from)
      || !member (r, obj, "valid_until", FALSE, read_date, &link->valid_until)
      || !member (r, obj, "territories", FALSE, read_countries, &link->territories)
      || !member (r, obj, "all_online_platforms", FALSE, read_bool, &link->all_online_platforms)
      || !member (r, obj, "platforms", FALSE, read_platforms, &link->platforms)
      || !member (r, obj, "scope", FALSE, read_scope, &link->scope)
      || !member (r, obj, "products", FALSE, read_strv, &link->products)
      || !member (r, obj, "sublicensing", FALSE, read_bool, &link->sublicensing)
      || !member (r, obj, "signature_confirmed", FALSE, read_bool, &link->signature_confirmed)
      || !member (r, obj, "stamp_confirmed", FALSE, read_bool, &link->stamp_confirmed)
      || !member (r, obj, "language", FALSE, read_optional_string, &link->language))
    return FALSE;
  *(DeskChainLink **)out = g_steal_pointer (&link);
  return TRUE;
}

static gboolean
read_links (Reader   *r,
            JsonNode *node,
            gpointer  out)
{
  return read_array (r, node, out, read_link);
}

static gboolean
read_case_part (Reader   *r,
                JsonNode *node,
                gpointer  out)
{
  static const char *const keys[] = { "products", "listing_date", "site", "product_class", NULL };
  DeskCaseChain           *info = out;
  JsonObject              *obj = get_object (r, node);

  return obj && check_keys (r, obj, keys)
         && member (r, obj, "products", FALSE, read_strv, &info->products)
         && member (r, obj, "listing_date", FALSE, read_date, &info->listing_date)
         && member (r, obj, "site", FALSE, read_country, &info->site)
         && member (r, obj, "product_class", FALSE, read_optional_string, &info->product_class);
}

DeskChain *
desk_chain_from_json (JsonNode *node,
                      GError  **error)
{
  /* "id", "case_id" and "gaps" are what `chain --json` prints besides the chain;
   * they are ignored, so its output reads back: a chain is found by its brand. */
  static const char *const keys[] = { "id", "case_id", "brand", "owner", "parties", "trademarks", "links", "case", "gaps", NULL };
  g_autoptr (GString) path = g_string_new (NULL);
  Reader r = { path, error };
  g_autoptr (DeskChain) chain = desk_chain_new ("");
  JsonObject *obj = get_object (&r, node);

  if (!obj || !check_keys (&r, obj, keys)
      || !member (&r, obj, "brand", TRUE, read_string, &chain->brand)
      || !member (&r, obj, "owner", FALSE, read_string, &chain->owner)
      || !member (&r, obj, "parties", FALSE, read_parties, chain->parties)
      || !member (&r, obj, "trademarks", FALSE, read_trademarks, chain->trademarks)
      || !member (&r, obj, "links", FALSE, read_links, chain->links))
    return NULL;
  if (*chain->brand == '\0')
    {
      gsize mark = push (&r, "brand");

      fail (&r, _ ("the brand name"));
      pop (&r, mark);
      return NULL;
    }
  return g_steal_pointer (&chain);
}

gboolean
desk_case_chain_update_from_json (DeskCaseChain *info,
                                  JsonNode      *node,
                                  GError       **error)
{
  g_autoptr (GString) path = g_string_new (NULL);
  Reader r = { path, error };

  return read_case_part (&r, node, info);
}

static gboolean
read_stores (Reader   *r,
             JsonNode *node,
             gpointer  out)
{
  DeskSellerProfile *profile = out;
  JsonObject        *obj = get_object (r, node);
  g_autoptr (GList) members = NULL;

  if (!obj)
    return FALSE;
  members = json_object_get_members (obj);
  for (GList *l = members; l; l = l->next)
    {
      g_auto (GStrv) ids = NULL;
      gsize    mark = push (r, l->data);
      gboolean ok = desk_platform_from_id (l->data) != DESK_PLATFORM_UNKNOWN
                    || fail_platform (r);

      ok = ok && read_strv (r, json_object_get_member (obj, l->data), &ids);
      pop (r, mark);
      if (!ok)
        return FALSE;
      desk_seller_profile_set_stores (profile, desk_platform_from_id (l->data), (const char *const *)ids);
    }
  return TRUE;
}

static gboolean
read_entity (Reader   *r,
             JsonNode *node,
             gpointer  out)
{
  static const char *const keys[] = { "name_zh", "name_en", "aliases", "registration_number", "country", NULL };
  g_autoptr (DeskSellerEntity) entity = desk_seller_entity_new ("", "");
  JsonObject *obj = get_object (r, node);

  if (!obj || !check_keys (r, obj, keys)
      || !member (r, obj, "name_zh", FALSE, read_string, &entity->name_zh)
      || !member (r, obj, "name_en", FALSE, read_string, &entity->name_en)
      || !member (r, obj, "aliases", FALSE, read_strv, &entity->aliases)
      || !member (r, obj, "registration_number", FALSE, read_optional_string, &entity->registration_number)
      || !member (r, obj, "country", FALSE, read_country, &entity->country))
    return FALSE;
  if (*entity->name_zh == '\0' && *entity->name_en == '\0')
    return fail (r, _ ("a company name: name_zh, name_en or both"));
  *(DeskSellerEntity **)out = g_steal_pointer (&entity);
  return TRUE;
}

static gboolean
read_entities (Reader   *r,
               JsonNode *node,
               gpointer  out)
{
  return read_array (r, node, out, read_entity);
}

DeskSellerProfile *
desk_seller_profile_from_json (JsonNode *node,
                               GError  **error)
{
  static const char *const keys[] = { "entities", "stores", NULL };
  g_autoptr (GString) path = g_string_new (NULL);
  Reader r = { path, error };
  g_autoptr (DeskSellerProfile) profile = desk_seller_profile_new ();
  JsonObject *obj = get_object (&r, node);

  if (!obj || !check_keys (&r, obj, keys)
      || !member (&r, obj, "entities", FALSE, read_entities, profile->entities)
      || !member (&r, obj, "stores", FALSE, read_stores, profile))
    return NULL;
  return g_steal_pointer (&profile);
}

JsonNode *
desk_chain_parse_text (const char *text,
                       gssize      length,
                       GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local = NULL;

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error_literal (error, DESK_CHAIN_ERROR, DESK_CHAIN_ERROR_INVALID,
                           _ ("The chain file is not UTF-8 text. Save it as UTF-8 JSON and try again."));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, length, &local))
    {
      /* Translators: %s is the JSON parser's message (line and column) */
      g_set_error (error, DESK_CHAIN_ERROR, DESK_CHAIN_ERROR_INVALID,
                   _ ("The chain file is not valid JSON: %s"), local->message);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

/* Writing */

static void
add_strv (JsonBuilder *b,
          const char  *name,
          GStrv        strv)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; strv && strv[i]; i++)
    json_builder_add_string_value (b, strv[i]);
  json_builder_end_array (b);
}

static void
party_to_json (const DeskChainParty *party,
               JsonBuilder          *b)
{
  json_builder_begin_object (b);
  desk_json_add_text (b, "name", party->name);
  add_strv (b, "aliases", party->aliases);
  desk_json_add_string (b, "registration_number", party->registration_number);
  desk_json_add_string (b, "country", party->country);
  json_builder_end_object (b);
}

static void
trademark_to_json (const DeskTrademark *tm,
                   JsonBuilder         *b)
{
  json_builder_begin_object (b);
  desk_json_add_text (b, "number", tm->number);
  desk_json_add_string (b, "office", tm->office);
  add_strv (b, "territories", tm->territories);
  add_strv (b, "classes", tm->classes);
  desk_json_add_text (b, "owner", tm->owner);
  desk_json_add_string (b, "valid_until", tm->valid_until);
  if (tm->certificate > 0)
    desk_json_add_int (b, "certificate", tm->certificate);
  json_builder_end_object (b);
}

static void
link_to_json (const DeskChainLink *link,
              JsonBuilder         *b)
{
  json_builder_begin_object (b);
  desk_json_add_text (b, "grantor", link->grantor);
  desk_json_add_text (b, "grantee", link->grantee);
  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (guint i = 0; i < link->documents->len; i++)
    json_builder_add_int_value (b, g_array_index (link->documents, gint64, i));
  json_builder_end_array (b);
  desk_json_add_string (b, "valid_from", link->valid_from);
  desk_json_add_string (b, "valid_until", link->valid_until);
  add_strv (b, "territories", link->territories);
  desk_json_add_bool (b, "all_online_platforms", link->all_online_platforms);
  add_strv (b, "platforms", link->platforms);
  desk_json_add_text (b, "scope", link->scope == DESK_CHAIN_SCOPE_LISTED_PRODUCTS ? "listed" : "all");
  add_strv (b, "products", link->products);
  desk_json_add_bool (b, "sublicensing", link->sublicensing);
  desk_json_add_bool (b, "signature_confirmed", link->signature_confirmed);
  desk_json_add_bool (b, "stamp_confirmed", link->stamp_confirmed);
  desk_json_add_string (b, "language", link->language);
  json_builder_end_object (b);
}

void
desk_chain_to_json (const DeskChain *chain,
                    JsonBuilder     *b)
{
  json_builder_begin_object (b);
  if (chain->id > 0)
    desk_json_add_int (b, "id", chain->id);
  desk_json_add_text (b, "brand", chain->brand);
  desk_json_add_text (b, "owner", chain->owner);
  json_builder_set_member_name (b, "parties");
  json_builder_begin_array (b);
  for (guint i = 0; i < chain->parties->len; i++)
    party_to_json (chain->parties->pdata[i], b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "trademarks");
  json_builder_begin_array (b);
  for (guint i = 0; i < chain->trademarks->len; i++)
    trademark_to_json (chain->trademarks->pdata[i], b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "links");
  json_builder_begin_array (b);
  for (guint i = 0; i < chain->links->len; i++)
    link_to_json (chain->links->pdata[i], b);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

void
desk_case_chain_to_json (const DeskCaseChain *info,
                         JsonBuilder         *b)
{
  json_builder_begin_object (b);
  add_strv (b, "products", info->products);
  desk_json_add_string (b, "listing_date", info->listing_date);
  desk_json_add_string (b, "site", info->site);
  desk_json_add_string (b, "product_class", info->product_class);
  json_builder_end_object (b);
}

void
desk_seller_profile_to_json (const DeskSellerProfile *profile,
                             JsonBuilder             *b)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "entities");
  json_builder_begin_array (b);
  for (guint i = 0; i < profile->entities->len; i++)
    {
      const DeskSellerEntity *e = profile->entities->pdata[i];

      /* A company being added without a name yet is not a company. */
      if (*e->name_zh == '\0' && *e->name_en == '\0')
        continue;
      json_builder_begin_object (b);
      desk_json_add_text (b, "name_zh", e->name_zh);
      desk_json_add_text (b, "name_en", e->name_en);
      add_strv (b, "aliases", e->aliases);
      desk_json_add_string (b, "registration_number", e->registration_number);
      desk_json_add_string (b, "country", e->country);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "stores");
  json_builder_begin_object (b);
  for (guint p = DESK_PLATFORM_UNKNOWN + 1; p < desk_platform_get_count (); p++)
    {
      const char *const *ids = desk_seller_profile_get_stores (profile, p);

      if (ids)
        add_strv (b, desk_platform_to_id (p), (GStrv)ids);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}
