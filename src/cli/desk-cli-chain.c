/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "chain/desk-chain-store.h"
#include "desk-cli.h"
#include "desk-json.h"
#include "desk-platform.h"
#include "desk-util.h"

/* appeal-desk-cli chain ID [--json] [--set FILE.json] and profile. The file
 * format is in src/core/chain/README.md. */

static int
usage (GError    **error,
       const char *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return DESK_CLI_EXIT_USAGE;
}

static char *
join (GStrv strv)
{
  return strv && strv[0] ? g_strjoinv (", ", strv) : g_strdup ("—");
}

static char *
join_documents (GArray *docs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < docs->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? ", " : "", g_array_index (docs, gint64, i));
  if (out->len == 0)
    g_string_append (out, "—");
  return g_string_free (out, FALSE);
}

static void
print_link (guint                i,
            const DeskChainLink *link)
{
  g_autofree char *territories = join (link->territories);
  g_autofree char *platforms = link->all_online_platforms ? g_strdup (_ ("all online platforms")) : join (link->platforms);
  g_autofree char *products = link->scope == DESK_CHAIN_SCOPE_ALL_PRODUCTS ? g_strdup (_ ("all products")) : join (link->products);
  g_autofree char *documents = join_documents (link->documents);

  /* Translators: "Link 1: SoundPeak Audio Co., Ltd. → Huasheng Trading Co., Ltd." */
  printf (_ ("Link %u: %s → %s\n"), i + 1, link->grantor, link->grantee);
  /* Translators: validity of an authorization, "2026-01-01 – 2027-12-31"; — = open */
  printf ("    %s %s – %s\n", _ ("Valid:"), link->valid_from ? link->valid_from : "—", link->valid_until ? link->valid_until : "—");
  printf ("    %s %s\n", _ ("Territories:"), territories);
  printf ("    %s %s\n", _ ("Platforms:"), platforms);
  printf ("    %s %s\n", _ ("Products:"), products);
  printf ("    %s %s\n", _ ("Documents (evidence numbers):"), documents);
  printf ("    %s %s · %s %s · %s %s\n",
          _ ("May sub-license:"), link->sublicensing ? _ ("yes") : _ ("no"),
          _ ("Signed:"), link->signature_confirmed ? _ ("yes") : _ ("not confirmed"),
          _ ("Stamped:"), link->stamp_confirmed ? _ ("yes") : _ ("not confirmed"));
}

static void
print_trademark (guint                i,
                 const DeskTrademark *tm)
{
  g_autofree char *classes = join (tm->classes);
  g_autofree char *territories = join (tm->territories);

  /* Translators: "Trademark 1: 40112233 (CNIPA), owner SoundPeak Audio Co., Ltd." */
  printf (_ ("Trademark %u: %s (%s), owner %s\n"), i + 1, tm->number, tm->office ? tm->office : "—", tm->owner);
  printf ("    %s %s · %s %s · %s %s\n", _ ("Classes:"), classes, _ ("Territories:"), territories,
          _ ("Valid until:"), tm->valid_until ? tm->valid_until : "—");
}

static void
print_gaps (GPtrArray *gaps)
{
  guint n_blocking = 0;

  for (guint i = 0; i < gaps->len; i++)
    n_blocking += ((DeskChainGap *)gaps->pdata[i])->severity == DESK_CHAIN_SEVERITY_BLOCKING;
  printf ("\n");
  if (gaps->len == 0)
    {
      printf ("%s\n", _ ("No gaps found: the chain is complete for this case."));
      return;
    }
  /* Translators: "Gaps: 5 (2 blocking)" */
  printf (g_dngettext (GETTEXT_PACKAGE, "Gaps: %u (%u blocking)\n", "Gaps: %u (%u blocking)\n", gaps->len), gaps->len, n_blocking);
  for (guint i = 0; i < gaps->len; i++)
    {
      const DeskChainGap *gap = gaps->pdata[i];
      g_autofree char    *line = desk_chain_gap_describe (gap);

      printf ("  %s\n", line);
      printf ("      %s %s\n", _ ("Fix:"), gap->fix);
      if (gap->citation)
        printf ("      %s\n", gap->citation);
    }
}

static void
print_chain (DeskCase            *kase,
             const DeskChain     *chain,
             const DeskCaseChain *info,
             GPtrArray           *gaps)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, desk_case_get_id (kase));

  /* Translators: "Authorization chain of case 3: Bluetooth earbuds" */
  printf (_ ("Authorization chain of case %s: %s\n"), id, desk_case_get_title (kase));
  if (chain == NULL)
    printf ("%s\n", _ ("No chain yet. Set one with “appeal-desk-cli chain ID --set FILE.json”."));
  else
    {
      /* Translators: "Brand: SoundPeak · owner: SoundPeak Audio Co., Ltd." */
      printf (_ ("Brand: %s · owner: %s\n"), chain->brand, *chain->owner ? chain->owner : "—");
      for (guint i = 0; i < chain->links->len; i++)
        print_link (i, chain->links->pdata[i]);
      for (guint i = 0; i < chain->trademarks->len; i++)
        print_trademark (i, chain->trademarks->pdata[i]);
    }
  if (info && (info->listing_date || info->site || (info->products && info->products[0])))
    {
      g_autofree char *products = join (info->products && info->products[0] ? info->products : (GStrv)desk_case_get_product_ids (kase));

      printf ("%s %s · %s %s · %s %s\n", _ ("Disputed products:"), products,
              _ ("Listed on:"), info->listing_date ? info->listing_date : "—",
              _ ("Site:"), info->site ? info->site : "—");
    }
  print_gaps (gaps);
}

static void
print_chain_json (DeskCase            *kase,
                  const DeskChain     *chain,
                  const DeskCaseChain *info,
                  GPtrArray           *gaps)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonBuilder) cb = json_builder_new ();
  g_autoptr (JsonNode) chain_node = NULL;
  JsonObject *obj = NULL;
  g_autoptr (GList) members = NULL;

  json_builder_begin_object (b);
  desk_json_add_int (b, "case_id", desk_case_get_id (kase));
  if (chain)
    {
      desk_chain_to_json (chain, cb);
      chain_node = json_builder_get_root (cb);
      obj = json_node_get_object (chain_node);
      members = json_object_get_members (obj);
      for (GList *l = members; l; l = l->next)
        {
          json_builder_set_member_name (b, l->data);
          json_builder_add_value (b, json_node_copy (json_object_get_member (obj, l->data)));
        }
    }
  else
    {
      json_builder_set_member_name (b, "links");
      json_builder_begin_array (b);
      json_builder_end_array (b);
    }
  if (info)
    {
      json_builder_set_member_name (b, "case");
      desk_case_chain_to_json (info, b);
    }
  json_builder_set_member_name (b, "gaps");
  json_builder_begin_array (b);
  for (guint i = 0; i < gaps->len; i++)
    desk_chain_gap_to_json (gaps->pdata[i], b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  desk_cli_print_json (b);
}

/* --set: the whole file is checked before anything is written. */
static int
set_chain (DeskCliContext *ctx,
           DeskCase       *kase,
           const char     *path,
           GError        **error)
{
  gsize            len = 0;
  g_autofree char *text = desk_cli_read_file (path, &len, error);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (DeskChain) chain = NULL;
  g_autoptr (DeskCaseChain) info = NULL;
  g_autoptr (GError) local = NULL;
  JsonNode *case_part;

  if (text == NULL || !(root = desk_chain_parse_text (text, len, error)) || !(chain = desk_chain_from_json (root, error)))
    return DESK_CLI_EXIT_FAILED;
  info = desk_case_chain_get (ctx->store, desk_case_get_id (kase), &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return DESK_CLI_EXIT_FAILED;
    }
  if (info == NULL)
    info = desk_case_chain_new (desk_case_get_id (kase), 0);
  case_part = json_object_get_member (json_node_get_object (root), "case");
  if (case_part && !desk_case_chain_update_from_json (info, case_part, error))
    {
      g_prefix_error (error, "case: ");
      return DESK_CLI_EXIT_FAILED;
    }
  if (!desk_chain_set_for_case (ctx->store, chain, info, error))
    return DESK_CLI_EXIT_FAILED;
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, desk_case_get_id (kase));

    /* Translators: "Case 3 now uses the authorization chain of SoundPeak (2 links)." */
    printf (g_dngettext (GETTEXT_PACKAGE, "Case %s now uses the authorization chain of %s (%u link).\n",
                         "Case %s now uses the authorization chain of %s (%u links).\n", chain->links->len),
            id, chain->brand, chain->links->len);
  }
  return 0;
}

int
desk_cli_chain (DeskCliContext *ctx,
                GError        **error)
{
  g_autofree char *set = NULL;
  gboolean         json = FALSE;
  GOptionEntry     entries[] = {
        { "set", 's', 0, G_OPTION_ARG_FILENAME, &set, N_ ("Set the case’s chain from a JSON file (- for standard input)"), N_ ("FILE") },
        { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
        { NULL }
  };
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (DeskCaseChain) info = NULL;
  g_autoptr (DeskChain) chain = NULL;
  g_autoptr (GPtrArray) gaps = NULL;
  gint64 id;

  if (!desk_cli_parse (ctx, _ ("ID"), _ ("Show a case’s brand authorization chain and its gaps, or set it from a file."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  ctx->json |= json;
  if (ctx->argc != 2)
    return usage (error, _ ("Give one case number."));
  if ((id = desk_cli_parse_id (ctx->argv[1], error)) == 0)
    return DESK_CLI_EXIT_USAGE;
  if (!(kase = desk_store_get_case (ctx->store, id, error)))
    return DESK_CLI_EXIT_FAILED;
  if (set)
    return set_chain (ctx, kase, set, error);
  info = desk_case_chain_get (ctx->store, id, error);
  if (info && info->chain_id > 0 && !(chain = desk_chain_get (ctx->store, info->chain_id, error)))
    return DESK_CLI_EXIT_FAILED;
  if (!(gaps = desk_chain_check_case_with (ctx->session, kase, chain, info, NULL, error)))
    return DESK_CLI_EXIT_FAILED;
  if (ctx->json)
    print_chain_json (kase, chain, info, gaps);
  else
    print_chain (kase, chain, info, gaps);
  return 0;
}

/* profile */

static void
print_profile (const DeskSellerProfile *profile)
{
  if (profile->entities->len == 0)
    printf ("%s\n", _ ("No company in your seller profile yet. Set it with “appeal-desk-cli profile --set FILE.json”."));
  for (guint i = 0; i < profile->entities->len; i++)
    {
      const DeskSellerEntity *e = profile->entities->pdata[i];
      g_autofree char        *aliases = join (e->aliases);

      /* Translators: "Company 1: 深圳市… / Shenzhen … Co., Ltd." */
      printf (_ ("Company %u: %s / %s\n"), i + 1, *e->name_zh ? e->name_zh : "—", *e->name_en ? e->name_en : "—");
      printf ("    %s %s · %s %s · %s %s\n", _ ("Other names:"), aliases,
              _ ("Registration number:"), e->registration_number ? e->registration_number : "—",
              _ ("Country:"), e->country ? e->country : "—");
    }
  for (guint p = DESK_PLATFORM_UNKNOWN + 1; p < desk_platform_get_count (); p++)
    {
      const char *const *ids = desk_seller_profile_get_stores (profile, p);
      g_autofree char   *list = ids ? g_strjoinv (", ", (char **)ids) : NULL;

      if (list)
        /* Translators: "Stores on Joom: JM-5521" */
        printf (_ ("Stores on %s: %s\n"), desk_platform_get_label (p), list);
    }
}

int
desk_cli_profile (DeskCliContext *ctx,
                  GError        **error)
{
  g_autofree char *set = NULL;
  gboolean         json = FALSE;
  GOptionEntry     entries[] = {
        { "set", 's', 0, G_OPTION_ARG_FILENAME, &set, N_ ("Replace the profile with a JSON file (- for standard input)"), N_ ("FILE") },
        { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
        { NULL }
  };
  g_autoptr (DeskSellerProfile) profile = NULL;

  if (!desk_cli_parse (ctx, "", _ ("Show or set your seller profile: your companies’ names in every language and your store IDs."), entries, error))
    return DESK_CLI_EXIT_USAGE;
  ctx->json |= json;
  if (ctx->argc != 1)
    return usage (error, _ ("profile takes no arguments besides its options."));
  if (set)
    {
      gsize            len = 0;
      g_autofree char *text = desk_cli_read_file (set, &len, error);
      g_autoptr (JsonNode) root = text ? desk_chain_parse_text (text, len, error) : NULL;

      if (!root || !(profile = desk_seller_profile_from_json (root, error))
          || !desk_seller_profile_save (ctx->store, profile, error))
        return DESK_CLI_EXIT_FAILED;
      printf (g_dngettext (GETTEXT_PACKAGE, "Seller profile saved: %u company.\n", "Seller profile saved: %u companies.\n",
                           profile->entities->len),
              profile->entities->len);
      return 0;
    }
  if (!(profile = desk_seller_profile_load (ctx->store, error)))
    return DESK_CLI_EXIT_FAILED;
  if (ctx->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      desk_seller_profile_to_json (profile, b);
      desk_cli_print_json (b);
    }
  else
    print_profile (profile);
  return 0;
}
