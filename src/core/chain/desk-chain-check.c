/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-chain"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-chain-check.h"
#include "desk-chain-names.h"
#include "desk-json.h"
#include "desk-util.h"

/* Universal checks (DOMAIN.md, "The authorization chain") plus what the rule
 * pack's "chain" member demands. Every gap says what is wrong in plain words
 * and what to do; none of them can be fixed after the deadline, so the
 * checker errs on the side of reporting. */

G_DEFINE_BOXED_TYPE (DeskChainGap, desk_chain_gap, desk_chain_gap_copy, desk_chain_gap_free)

static const char *const kind_ids[] = {
  "no-chain",
  "root-not-owner",
  "broken-continuity",
  "last-not-seller",
  "names-differ-slightly",
  "no-document",
  "expired",
  "not-yet-valid",
  "invalid-at-listing",
  "expires-before-deadline",
  "expires-soon",
  "territory",
  "platform-not-covered",
  "platform-not-named",
  "product-scope",
  "no-sublicensing",
  "trademark-missing",
  "trademark-expired",
  "trademark-owner-mismatch",
  "trademark-class",
  "trademark-no-certificate",
  "scan-only",
  "unsigned",
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_ids) == DESK_CHAIN_N_GAP_KINDS);

static const char *const field_ids[] = {
  "",
  "owner",
  "grantor",
  "grantee",
  "documents",
  "valid_from",
  "valid_until",
  "territories",
  "platforms",
  "products",
  "sublicensing",
  "signature",
  "trademark.number",
  "trademark.owner",
  "trademark.valid_until",
  "trademark.classes",
  "trademark.certificate",
  "seller_profile",
};

/* EU member states, for letters and trademarks that say "EU". */
static const char *const eu_countries[] = {
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", NULL
};

const char *
desk_chain_gap_kind_to_id (DeskChainGapKind kind)
{
  g_return_val_if_fail (kind < DESK_CHAIN_N_GAP_KINDS, NULL);
  return kind_ids[kind];
}

DeskChainGapKind
desk_chain_gap_kind_from_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_ids); i++)
    if (g_strcmp0 (kind_ids[i], id) == 0)
      return i;
  return DESK_CHAIN_N_GAP_KINDS;
}

const char *
desk_chain_severity_to_id (DeskChainSeverity severity)
{
  return severity == DESK_CHAIN_SEVERITY_BLOCKING ? "blocking"
         : severity == DESK_CHAIN_SEVERITY_RISKY  ? "risky"
                                                  : "advice";
}

const char *
desk_chain_severity_get_label (DeskChainSeverity severity)
{
  return severity == DESK_CHAIN_SEVERITY_BLOCKING ? C_ ("chain gap", "Blocking")
         : severity == DESK_CHAIN_SEVERITY_RISKY  ? C_ ("chain gap", "Risky")
                                                  : C_ ("chain gap", "Advice");
}

DeskChainGap *
desk_chain_gap_copy (const DeskChainGap *gap)
{
  DeskChainGap *copy = g_memdup2 (gap, sizeof *gap);

  copy->message = g_strdup (gap->message);
  copy->fix = g_strdup (gap->fix);
  copy->citation = g_strdup (gap->citation);
  return copy;
}

void
desk_chain_gap_free (DeskChainGap *gap)
{
  if (gap == NULL)
    return;
  g_free (gap->message);
  g_free (gap->fix);
  g_free (gap->citation);
  g_free (gap);
}

gboolean
desk_chain_gaps_ok (GPtrArray *gaps)
{
  for (guint i = 0; gaps && i < gaps->len; i++)
    if (((DeskChainGap *)gaps->pdata[i])->severity == DESK_CHAIN_SEVERITY_BLOCKING)
      return FALSE;
  return TRUE;
}

char *
desk_chain_gap_describe (const DeskChainGap *gap)
{
  const char *severity = desk_chain_severity_get_label (gap->severity);

  if (gap->link >= 0)
    /* Translators: "Link 2 · Blocking: <message>" */
    return g_strdup_printf (_ ("Link %d · %s: %s"), gap->link + 1, severity, gap->message);
  if (gap->trademark >= 0)
    /* Translators: "Trademark 1 · Risky: <message>" */
    return g_strdup_printf (_ ("Trademark %d · %s: %s"), gap->trademark + 1, severity, gap->message);
  /* Translators: "Blocking: <message>" */
  return g_strdup_printf (_ ("%s: %s"), severity, gap->message);
}

void
desk_chain_gap_to_json (const DeskChainGap *gap,
                        JsonBuilder        *b)
{
  json_builder_begin_object (b);
  desk_json_add_text (b, "kind", desk_chain_gap_kind_to_id (gap->kind));
  desk_json_add_text (b, "severity", desk_chain_severity_to_id (gap->severity));
  desk_json_add_int (b, "link", gap->link + 1);
  desk_json_add_int (b, "trademark", gap->trademark + 1);
  desk_json_add_string (b, "field", field_ids[gap->field]);
  desk_json_add_text (b, "message", gap->message);
  desk_json_add_text (b, "fix", gap->fix);
  desk_json_add_string (b, "citation", gap->citation);
  json_builder_end_object (b);
}

/* The run */

typedef struct
{
  const DeskChainCheck *check;
  const DeskChain      *chain;
  const DeskChainRules *rules;
  GPtrArray            *gaps;
  char                 *today;
  char                 *deadline; /* NULL when none */
  char                 *soon;     /* today + 30 days */
  const char           *site;
} Run;

static DeskChainGap *
add_gap (Run              *run,
         DeskChainGapKind  kind,
         DeskChainSeverity severity,
         int               link,
         int               trademark,
         DeskChainField    field,
         char             *message,
         char             *fix)
{
  DeskChainGap *gap = g_new0 (DeskChainGap, 1);

  gap->kind = kind;
  gap->severity = severity;
  gap->link = link;
  gap->trademark = trademark;
  gap->field = field;
  gap->message = message;
  gap->fix = fix;
  g_ptr_array_add (run->gaps, gap);
  return gap;
}

static const DeskRuleFigure *
rule (Run          *run,
      DeskChainRule which)
{
  return run->rules ? desk_chain_rules_get (run->rules, which) : NULL;
}

static DeskChainSeverity
rule_severity (const DeskRuleFigure *figure)
{
  return desk_rule_figure_get_severity (figure) == DESK_RULE_SEVERITY_STOP ? DESK_CHAIN_SEVERITY_BLOCKING
                                                                           : DESK_CHAIN_SEVERITY_RISKY;
}

static void
cite (Run                  *run,
      DeskChainGap         *gap,
      const DeskRuleFigure *figure)
{
  if (figure && run->check->pack)
    gap->citation = desk_rule_pack_format_citation (run->check->pack, figure);
}

static char *
date_of (GDateTime *time,
         int        plus_days)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);
  g_autoptr (GDateTime) later = g_date_time_add_days (local, plus_days);

  return g_date_time_format (later, "%Y-%m-%d");
}

/* Names */

static void
party_names (Run        *run,
             const char *name,
             GPtrArray  *out)
{
  const DeskChainParty *party = desk_chain_find_party (run->chain, name);

  g_ptr_array_add (out, (gpointer)name);
  if (party == NULL)
    return;
  g_ptr_array_add (out, party->name);
  for (guint i = 0; party->aliases[i]; i++)
    g_ptr_array_add (out, party->aliases[i]);
}

/* SAME when equal after normalising or declared aliases of one party. */
static DeskNameMatch
match_names (Run        *run,
             const char *a,
             const char *b)
{
  g_autoptr (GPtrArray) names_a = g_ptr_array_new ();
  g_autoptr (GPtrArray) names_b = g_ptr_array_new ();
  DeskNameMatch best = DESK_NAME_DIFFERENT;

  party_names (run, a, names_a);
  party_names (run, b, names_b);
  for (guint i = 0; i < names_a->len; i++)
    for (guint j = 0; j < names_b->len; j++)
      best = MAX (best, desk_chain_names_compare (names_a->pdata[i], names_b->pdata[j]));
  return best;
}

/* Best match of @name with the entity's names; *@closest is that name. */
static DeskNameMatch
match_entity (Run                    *run,
              const char             *name,
              const DeskSellerEntity *entity,
              const char            **closest)
{
  DeskNameMatch best = DESK_NAME_DIFFERENT;
  const char   *own[] = { entity->name_zh, entity->name_en, NULL };

  *closest = *entity->name_zh ? entity->name_zh : entity->name_en;
  for (guint i = 0; own[i]; i++)
    {
      DeskNameMatch m = *own[i] ? match_names (run, name, own[i]) : DESK_NAME_DIFFERENT;

      if (m > best)
        *closest = own[i];
      best = MAX (best, m);
    }
  for (guint i = 0; entity->aliases[i]; i++)
    {
      DeskNameMatch m = match_names (run, name, entity->aliases[i]);

      if (m > best)
        *closest = entity->aliases[i];
      best = MAX (best, m);
    }
  return best;
}

static char *
entity_label (const DeskSellerEntity *entity)
{
  return g_strdup (*entity->name_zh ? entity->name_zh : entity->name_en);
}

/* Continuity */

static void
near_miss (Run           *run,
           int            link,
           int            trademark,
           DeskChainField field,
           const char    *a,
           const char    *b)
{
  add_gap (run, DESK_CHAIN_GAP_NAMES_DIFFER_SLIGHTLY, DESK_CHAIN_SEVERITY_RISKY, link, trademark, field,
           /* Translators: names of two companies that should be the same one */
           g_strdup_printf (_ ("The names differ slightly: “%s” and “%s”. Reviewers compare names letter by letter."), a, b),
           g_strdup (_ ("Check both documents. If it is the same company, add the other spelling as an alias of the party; if not, get a corrected document.")));
}

static void
check_root (Run *run)
{
  const DeskChainLink *first = run->chain->links->pdata[0];
  const char          *owner = run->chain->owner;
  DeskNameMatch        m;

  if ((owner == NULL || *owner == '\0') && run->chain->trademarks->len > 0)
    owner = ((DeskTrademark *)run->chain->trademarks->pdata[0])->owner;
  if (owner == NULL || *owner == '\0')
    return;
  m = match_names (run, first->grantor, owner);
  if (m == DESK_NAME_NEAR)
    near_miss (run, 0, -1, DESK_CHAIN_FIELD_GRANTOR, first->grantor, owner);
  else if (m == DESK_NAME_DIFFERENT)
    add_gap (run, DESK_CHAIN_GAP_ROOT_NOT_OWNER, DESK_CHAIN_SEVERITY_BLOCKING, 0, -1, DESK_CHAIN_FIELD_GRANTOR,
             /* Translators: first %s grants the first link, second %s owns the trademark */
             g_strdup_printf (_ ("The first authorization is granted by “%s”, but the trademark owner is “%s”. The chain must start at the registrant."), first->grantor, owner),
             g_strdup (_ ("Add a link from the trademark owner at the top, or correct the grantor’s name as the letter prints it.")));
}

static void
check_continuity (Run *run)
{
  for (guint i = 1; i < run->chain->links->len; i++)
    {
      const DeskChainLink *prev = run->chain->links->pdata[i - 1];
      const DeskChainLink *link = run->chain->links->pdata[i];
      DeskNameMatch        m = match_names (run, prev->grantee, link->grantor);

      if (m == DESK_NAME_NEAR)
        near_miss (run, i, -1, DESK_CHAIN_FIELD_GRANTOR, prev->grantee, link->grantor);
      else if (m == DESK_NAME_DIFFERENT)
        add_gap (run, DESK_CHAIN_GAP_BROKEN_CONTINUITY, DESK_CHAIN_SEVERITY_BLOCKING, i, -1, DESK_CHAIN_FIELD_GRANTOR,
                 /* Translators: "Link 2 is granted by “A”, but link 1 grants the rights to “B”." */
                 g_strdup_printf (_ ("Link %u is granted by “%s”, but link %u grants the rights to “%s”. The chain is broken here."), i + 1, link->grantor, i, prev->grantee),
                 g_strdup (_ ("Get the missing authorization between these two companies signed, or insert it as a link if you have it.")));
    }
}

static void
check_seller (Run *run)
{
  int                  last_index = run->chain->links->len - 1;
  const DeskChainLink *last = run->chain->links->pdata[last_index];
  const GPtrArray     *entities = run->check->profile ? run->check->profile->entities : NULL;
  DeskNameMatch        best = DESK_NAME_DIFFERENT;
  const char          *near = NULL;

  if (entities == NULL || entities->len == 0)
    {
      add_gap (run, DESK_CHAIN_GAP_LAST_NOT_SELLER, DESK_CHAIN_SEVERITY_BLOCKING, last_index, -1, DESK_CHAIN_FIELD_SELLER_PROFILE,
               g_strdup (_ ("Your company is not in your seller profile, so nobody can tell whether the last link reaches you.")),
               g_strdup (_ ("Enter your company’s names (as on the business licence and in English) in Preferences → Seller profile.")));
      return;
    }
  for (guint i = 0; i < entities->len; i++)
    {
      const char   *closest = NULL;
      DeskNameMatch m = match_entity (run, last->grantee, entities->pdata[i], &closest);

      if (m > best)
        near = closest;
      best = MAX (best, m);
    }
  if (best == DESK_NAME_NEAR)
    near_miss (run, last_index, -1, DESK_CHAIN_FIELD_GRANTEE, last->grantee, near);
  else if (best == DESK_NAME_DIFFERENT)
    {
      g_autofree char *mine = entity_label (entities->pdata[0]);

      add_gap (run, DESK_CHAIN_GAP_LAST_NOT_SELLER, DESK_CHAIN_SEVERITY_BLOCKING, last_index, -1, DESK_CHAIN_FIELD_GRANTEE,
               /* Translators: first %s is the grantee of the last link, second %s the seller's company */
               g_strdup_printf (_ ("The last authorization is granted to “%s”, which is not one of your companies (e.g. “%s”). The platform checks it against the company that registered the store."), last->grantee, mine),
               g_strdup (_ ("Get an authorization made out to your registered company, or add this name to your seller profile if it is yours (e.g. its English name).")));
    }
}

/* One link */

static void
check_documents (Run                 *run,
                 guint                i,
                 const DeskChainLink *link)
{
  const DeskRuleFigure *no_scan = rule (run, DESK_CHAIN_RULE_NO_SCAN_ONLY);
  guint                 n_exist = 0, n_scans = 0, n_photos = 0;

  for (guint d = 0; d < link->documents->len; d++)
    {
      DeskChainDocument doc = { TRUE, FALSE, FALSE };

      if (run->check->document_func)
        run->check->document_func (g_array_index (link->documents, gint64, d), &doc, run->check->document_data);
      n_exist += doc.exists;
      n_scans += doc.exists && doc.scan_only;
      n_photos += doc.exists && doc.is_image;
    }
  if (n_exist == 0)
    add_gap (run, DESK_CHAIN_GAP_NO_DOCUMENT, DESK_CHAIN_SEVERITY_BLOCKING, i, -1, DESK_CHAIN_FIELD_DOCUMENTS,
             g_strdup (_ ("No signed document is attached to this link: without it the link does not exist for the platform.")),
             g_strdup (_ ("Pick the signed and stamped authorization letter from your evidence library.")));
  else if (no_scan && n_scans == n_exist && n_photos == 0)
    cite (run,
          add_gap (run, DESK_CHAIN_GAP_SCAN_ONLY, rule_severity (no_scan), i, -1, DESK_CHAIN_FIELD_DOCUMENTS,
                   /* Translators: %s is a platform name */
                   g_strdup_printf (_ ("Only a PDF scan is attached to this link; %s does not accept a scan as the only proof."), desk_platform_get_label (run->check->platform)),
                   g_strdup (_ ("Add a clear photo of the stamped original letter next to the scan."))),
          no_scan);
  if (!link->signature_confirmed || !link->stamp_confirmed)
    {
      const DeskRuleFigure *signed_rule = rule (run, DESK_CHAIN_RULE_SIGNED_AND_STAMPED);

      cite (run,
            add_gap (run, DESK_CHAIN_GAP_UNSIGNED, signed_rule ? rule_severity (signed_rule) : DESK_CHAIN_SEVERITY_RISKY, i, -1, DESK_CHAIN_FIELD_SIGNATURE,
                     !link->signature_confirmed && !link->stamp_confirmed
                         ? g_strdup (_ ("You have not confirmed that this letter is signed and stamped."))
                     : !link->signature_confirmed ? g_strdup (_ ("You have not confirmed that this letter is signed."))
                                                  : g_strdup (_ ("You have not confirmed that this letter carries the grantor’s stamp.")),
                     g_strdup (_ ("Look at the letter: when it is signed and stamped, tick both boxes; if not, ask the grantor for a signed and stamped copy."))),
            signed_rule);
    }
}

static void
check_validity (Run                 *run,
                guint                i,
                const DeskChainLink *link)
{
  const char *from = link->valid_from, *until = link->valid_until;
  const char *listing = run->check->info ? run->check->info->listing_date : NULL;

  if (from && strcmp (run->today, from) < 0)
    add_gap (run, DESK_CHAIN_GAP_NOT_YET_VALID, DESK_CHAIN_SEVERITY_BLOCKING, i, -1, DESK_CHAIN_FIELD_VALID_FROM,
             /* Translators: %s is a date */
             g_strdup_printf (_ ("This authorization only starts on %s: today it is not valid yet."), from),
             g_strdup (_ ("Ask the grantor for a letter valid from a date before today and before your listing went up.")));
  else if (until && strcmp (until, run->today) < 0)
    add_gap (run, DESK_CHAIN_GAP_EXPIRED, DESK_CHAIN_SEVERITY_BLOCKING, i, -1, DESK_CHAIN_FIELD_VALID_UNTIL,
             /* Translators: %s is a date */
             g_strdup_printf (_ ("This authorization expired on %s."), until),
             g_strdup (_ ("Get the authorization renewed and attach the new letter.")));
  else if (listing && ((from && strcmp (listing, from) < 0) || (until && strcmp (until, listing) < 0)))
    add_gap (run, DESK_CHAIN_GAP_INVALID_AT_LISTING, DESK_CHAIN_SEVERITY_BLOCKING, i, -1,
             from && strcmp (listing, from) < 0 ? DESK_CHAIN_FIELD_VALID_FROM : DESK_CHAIN_FIELD_VALID_UNTIL,
             /* Translators: %s is the date the disputed listing went up */
             g_strdup_printf (_ ("This authorization did not cover %s, the day the disputed listing went up."), listing),
             g_strdup (_ ("Get a letter whose validity includes the listing date (many grantors date it back), or check the listing date.")));
  else if (until && run->deadline && strcmp (until, run->deadline) < 0)
    add_gap (run, DESK_CHAIN_GAP_EXPIRES_BEFORE_DEADLINE, DESK_CHAIN_SEVERITY_RISKY, i, -1, DESK_CHAIN_FIELD_VALID_UNTIL,
             /* Translators: first %s is a date, second the appeal deadline */
             g_strdup_printf (_ ("This authorization ends on %s, before the appeal deadline (%s): the platform may review it after it expired."), until, run->deadline),
             g_strdup (_ ("Ask for the renewal now and attach it before you submit.")));
  else if (until && strcmp (until, run->soon) <= 0)
    add_gap (run, DESK_CHAIN_GAP_EXPIRES_SOON, DESK_CHAIN_SEVERITY_ADVICE, i, -1, DESK_CHAIN_FIELD_VALID_UNTIL,
             /* Translators: %s is a date */
             g_strdup_printf (_ ("This authorization ends on %s, within 30 days."), until),
             g_strdup (_ ("Ask the grantor for the renewal now, so later cases are covered.")));
}

static gboolean
country_covers (const char *code,
                const char *site)
{
  return g_str_equal (code, "WW") || g_str_equal (code, site)
         || (g_str_equal (code, "EU") && g_strv_contains (eu_countries, site));
}

static gboolean
covers_site (GStrv       territories,
             const char *site)
{
  for (guint t = 0; territories[t]; t++)
    if (country_covers (territories[t], site))
      return TRUE;
  return FALSE;
}

static void
check_territory (Run                 *run,
                 guint                i,
                 const DeskChainLink *link)
{
  if (run->site == NULL)
    return;
  if (link->territories[0] == NULL)
    add_gap (run, DESK_CHAIN_GAP_TERRITORY, DESK_CHAIN_SEVERITY_RISKY, i, -1, DESK_CHAIN_FIELD_TERRITORIES,
             /* Translators: %s is a country code such as MY */
             g_strdup_printf (_ ("No territory is entered for this link, so it is not clear that it covers the site’s country (%s)."), run->site),
             g_strdup (_ ("Enter the countries the letter names (or WW when it says worldwide).")));
  else if (!covers_site (link->territories, run->site))
    {
      g_autofree char *named = g_strjoinv (", ", link->territories);

      add_gap (run, DESK_CHAIN_GAP_TERRITORY, DESK_CHAIN_SEVERITY_BLOCKING, i, -1, DESK_CHAIN_FIELD_TERRITORIES,
               /* Translators: first %s lists country codes, second is the site's country */
               g_strdup_printf (_ ("This authorization covers %s, not %s, where the platform site sells."), named, run->site),
               g_strdup (_ ("Ask the grantor to extend the territory to the site’s country.")));
    }
}

static void
check_platform (Run                 *run,
                guint                i,
                const DeskChainLink *link)
{
  const DeskRuleFigure *named_rule = rule (run, DESK_CHAIN_RULE_PLATFORM_NAMED);
  const char           *id = desk_platform_to_id (run->check->platform);
  const char           *label = desk_platform_get_label (run->check->platform);

  if (g_strv_contains ((const char *const *)link->platforms, id))
    return;
  if (link->platforms[0] != NULL && !link->all_online_platforms)
    {
      add_gap (run, DESK_CHAIN_GAP_PLATFORM_NOT_COVERED, DESK_CHAIN_SEVERITY_BLOCKING, i, -1, DESK_CHAIN_FIELD_PLATFORMS,
               /* Translators: %s is a platform name */
               g_strdup_printf (_ ("This authorization names other platforms but not %s."), label),
               g_strdup_printf (_ ("Ask the grantor to add %s to the platforms the letter names."), label));
      return;
    }
  if (named_rule)
    {
      /* The platform's own wording when the pack has it ("Joom platform sales right"). */
      const char *term = desk_rule_pack_get_term (run->check->pack, run->check->case_type, "platform-sales-right", DESK_RULE_LANGUAGE_EN);

      cite (run,
            add_gap (run, DESK_CHAIN_GAP_PLATFORM_NOT_NAMED, rule_severity (named_rule), i, -1, DESK_CHAIN_FIELD_PLATFORMS,
                     /* Translators: %s is a platform name */
                     g_strdup_printf (_ ("%s wants the letter to name its platform; “all online platforms” or no platform is not enough."), label),
                     term
                         /* Translators: %s is the platform's own term, e.g. "Joom platform sales right" */
                         ? g_strdup_printf (_ ("Ask the grantor to grant “%s” in so many words."), term)
                         /* Translators: %s is a platform name */
                         : g_strdup_printf (_ ("Ask the grantor to name %s in the letter."), label)),
            named_rule);
    }
  else if (!link->all_online_platforms)
    add_gap (run, DESK_CHAIN_GAP_PLATFORM_NOT_NAMED, DESK_CHAIN_SEVERITY_RISKY, i, -1, DESK_CHAIN_FIELD_PLATFORMS,
             /* Translators: %s is a platform name */
             g_strdup_printf (_ ("This authorization names no platform, so it may not cover selling on %s."), label),
             g_strdup (_ ("Tick the platforms the letter names, or “all online platforms” if it says so.")));
}

static char *
product_key (const char *text)
{
  return desk_chain_name_normalize (text, NULL);
}

static gboolean
scope_lists (const DeskChainLink *link,
             const char          *product)
{
  g_autofree char *key = product_key (product);

  for (guint p = 0; link->products[p]; p++)
    {
      g_autofree char *listed = product_key (link->products[p]);

      if (g_str_equal (key, listed))
        return TRUE;
    }
  return FALSE;
}

static const char *const *
disputed_products (Run *run)
{
  const DeskCaseChain *info = run->check->info;

  return info && info->products && info->products[0] ? (const char *const *)info->products : NULL;
}

static void
check_scope (Run                 *run,
             guint                i,
             const DeskChainLink *link)
{
  const char *const    *products = disputed_products (run);
  const DeskRuleFigure *specific = rule (run, DESK_CHAIN_RULE_SPECIFIC_PRODUCTS);
  g_autoptr (GString) missing = g_string_new (NULL);

  if (link->scope == DESK_CHAIN_SCOPE_ALL_PRODUCTS)
    {
      if (specific)
        cite (run,
              add_gap (run, DESK_CHAIN_GAP_PRODUCT_SCOPE, rule_severity (specific), i, -1, DESK_CHAIN_FIELD_PRODUCTS,
                       /* Translators: %s is a platform name */
                       g_strdup_printf (_ ("This authorization names no product model or batch; %s wants the disputed products named."), desk_platform_get_label (run->check->platform)),
                       g_strdup (_ ("Ask the brand owner for a Specific Product Authorization Addendum that lists the disputed models."))),
              specific);
      return;
    }
  if (products == NULL)
    {
      /* Platform product IDs are not models: ask rather than guess. */
      add_gap (run, DESK_CHAIN_GAP_PRODUCT_SCOPE, DESK_CHAIN_SEVERITY_ADVICE, i, -1, DESK_CHAIN_FIELD_CASE_PRODUCTS,
               g_strdup (_ ("This authorization lists certain products only, and the disputed models are not entered for this case, so they were not compared.")),
               g_strdup (_ ("Enter the disputed models, SKUs or batches under “This case”.")));
      return;
    }
  for (guint p = 0; products[p]; p++)
    if (!scope_lists (link, products[p]))
      g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", products[p]);
  if (missing->len)
    add_gap (run, DESK_CHAIN_GAP_PRODUCT_SCOPE, DESK_CHAIN_SEVERITY_BLOCKING, i, -1, DESK_CHAIN_FIELD_PRODUCTS,
             /* Translators: %s lists product models or SKUs */
             g_strdup_printf (_ ("This authorization lists certain products only, and not %s."), missing->str),
             g_strdup (_ ("Get an addendum that adds these models, or check that the names match the letter.")));
}

static void
check_link (Run  *run,
            guint i)
{
  const DeskChainLink *link = run->chain->links->pdata[i];

  check_documents (run, i, link);
  check_validity (run, i, link);
  check_territory (run, i, link);
  check_platform (run, i, link);
  check_scope (run, i, link);
  if (i + 1 < run->chain->links->len && !link->sublicensing)
    add_gap (run, DESK_CHAIN_GAP_NO_SUBLICENSING, DESK_CHAIN_SEVERITY_BLOCKING, i, -1, DESK_CHAIN_FIELD_SUBLICENSING,
             /* Translators: %s is a company (an intermediary in the chain) */
             g_strdup_printf (_ ("“%s” passes the rights on, but this letter does not allow it to sub-license."), link->grantee),
             g_strdup (_ ("Get a letter that expressly allows sub-licensing (or a direct authorization from the grantor above).")));
}

/* Trademarks */

static gboolean
certificate_required (Run *run)
{
  const DeskCaseRules     *rules;
  DeskEvidenceRequirement *req;

  if (run->check->pack == NULL)
    return FALSE;
  rules = desk_rule_pack_get_case_rules (run->check->pack, run->check->case_type);
  req = rules ? desk_case_rules_find_evidence (rules, "trademark-certificate") : NULL;
  return req && desk_evidence_requirement_get_required (req);
}

static gboolean
document_exists (Run   *run,
                 gint64 id)
{
  DeskChainDocument doc = { TRUE, FALSE, FALSE };

  if (id <= 0)
    return FALSE;
  if (run->check->document_func)
    run->check->document_func (id, &doc, run->check->document_data);
  return doc.exists;
}

static void
check_one_trademark (Run                 *run,
                     guint                t,
                     const DeskTrademark *tm,
                     DeskChainSeverity    missing)
{
  const char   *owner = run->chain->owner;
  const char   *klass = run->check->info ? run->check->info->product_class : NULL;
  DeskNameMatch m;

  if (tm->valid_until && strcmp (tm->valid_until, run->today) < 0)
    add_gap (run, DESK_CHAIN_GAP_TRADEMARK_EXPIRED, DESK_CHAIN_SEVERITY_BLOCKING, -1, t, DESK_CHAIN_FIELD_TRADEMARK_VALID_UNTIL,
             /* Translators: first %s is a trademark number, second a date */
             g_strdup_printf (_ ("Trademark %s expired on %s."), tm->number, tm->valid_until),
             g_strdup (_ ("Attach the renewal certificate, or ask the brand owner whether the mark was renewed.")));
  if (owner && *owner && (m = match_names (run, tm->owner, owner)) != DESK_NAME_SAME)
    {
      if (m == DESK_NAME_NEAR)
        near_miss (run, -1, t, DESK_CHAIN_FIELD_TRADEMARK_OWNER, tm->owner, owner);
      else
        add_gap (run, DESK_CHAIN_GAP_TRADEMARK_OWNER_MISMATCH, DESK_CHAIN_SEVERITY_BLOCKING, -1, t, DESK_CHAIN_FIELD_TRADEMARK_OWNER,
                 /* Translators: first %s is a trademark number, then two company names */
                 g_strdup_printf (_ ("Trademark %s is registered to “%s”, not to the brand owner at the top of your chain (“%s”)."), tm->number, tm->owner, owner),
                 g_strdup (_ ("Check the certificate: if the mark was transferred, the chain must start at the new owner; add the transfer record.")));
    }
  if (klass && *klass && !g_strv_contains ((const char *const *)tm->classes, klass))
    add_gap (run, DESK_CHAIN_GAP_TRADEMARK_CLASS, DESK_CHAIN_SEVERITY_BLOCKING, -1, t, DESK_CHAIN_FIELD_TRADEMARK_CLASSES,
             /* Translators: first %s is a trademark number, second a Nice class number */
             g_strdup_printf (_ ("Trademark %s does not cover class %s, the class of the disputed product."), tm->number, klass),
             g_strdup (_ ("Find the brand’s registration in the product’s class, or check the class on the certificate.")));
  if (!document_exists (run, tm->certificate))
    add_gap (run, DESK_CHAIN_GAP_TRADEMARK_NO_CERTIFICATE, missing, -1, t, DESK_CHAIN_FIELD_TRADEMARK_CERTIFICATE,
             /* Translators: %s is a trademark number */
             g_strdup_printf (_ ("The registration certificate of trademark %s is not attached."), tm->number),
             g_strdup (_ ("Pick the certificate from your evidence library, with the registry’s lookup page if you have it.")));
}

static void
check_trademarks (Run *run)
{
  DeskChainSeverity missing = certificate_required (run) ? DESK_CHAIN_SEVERITY_BLOCKING : DESK_CHAIN_SEVERITY_RISKY;
  gboolean          any_covers = FALSE;

  if (run->chain->trademarks->len == 0)
    {
      add_gap (run, DESK_CHAIN_GAP_TRADEMARK_MISSING, missing, -1, -1, DESK_CHAIN_FIELD_TRADEMARK_NUMBER,
               g_strdup (_ ("No trademark registration is entered, so nothing shows that the top of the chain owns the brand.")),
               g_strdup (_ ("Add the brand’s trademark: number, office, classes, owner and the certificate.")));
      return;
    }
  for (guint t = 0; t < run->chain->trademarks->len; t++)
    {
      const DeskTrademark *tm = run->chain->trademarks->pdata[t];

      any_covers = any_covers || run->site == NULL || tm->territories[0] == NULL || covers_site (tm->territories, run->site);
      check_one_trademark (run, t, tm, missing);
    }
  if (!any_covers)
    add_gap (run, DESK_CHAIN_GAP_TRADEMARK_MISSING, missing, -1, 0, DESK_CHAIN_FIELD_TRADEMARK_NUMBER,
             /* Translators: %s is a country code */
             g_strdup_printf (_ ("None of the trademarks entered is registered for %s, the site’s country."), run->site),
             g_strdup (_ ("Add the brand’s registration that covers the site’s country (or an international one that designates it).")));
}

const char *
desk_chain_check_get_site (const DeskChainCheck *check)
{
  const DeskCaseRules  *rules = check->pack ? desk_rule_pack_get_case_rules (check->pack, check->case_type) : NULL;
  const DeskChainRules *chain_rules = rules ? desk_case_rules_get_chain (rules) : NULL;
  const char *const    *sites = chain_rules ? desk_chain_rules_get_sites (chain_rules) : NULL;

  if (check->info && check->info->site && *check->info->site)
    return check->info->site;
  return sites && sites[0] ? sites[0] : NULL;
}

static int
by_severity (gconstpointer a,
             gconstpointer b)
{
  const DeskChainGap *ga = *(DeskChainGap **)a;
  const DeskChainGap *gb = *(DeskChainGap **)b;

  return (int)gb->severity - (int)ga->severity;
}

GPtrArray *
desk_chain_check (const DeskChainCheck *check)
{
  const DeskCaseRules *rules = check->pack ? desk_rule_pack_get_case_rules (check->pack, check->case_type) : NULL;
  g_autoptr (GDateTime) now = check->now ? g_date_time_ref (check->now) : g_date_time_new_now_utc ();
  Run run = { check, check->chain, rules ? desk_case_rules_get_chain (rules) : NULL };

  run.gaps = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_chain_gap_free);
  run.today = date_of (now, 0);
  run.soon = date_of (now, DESK_CHAIN_EXPIRY_WARNING_DAYS);
  run.deadline = check->deadline ? date_of (check->deadline, 0) : NULL;
  run.site = desk_chain_check_get_site (check);
  if (check->chain == NULL || check->chain->links->len == 0)
    add_gap (&run, DESK_CHAIN_GAP_NO_CHAIN, DESK_CHAIN_SEVERITY_BLOCKING, -1, -1, DESK_CHAIN_FIELD_NONE,
             g_strdup (_ ("No authorization chain is entered for this case.")),
             g_strdup (_ ("Add the links from the brand owner down to your company, one signed letter each.")));
  else
    {
      check_root (&run);
      check_continuity (&run);
      check_seller (&run);
      for (guint i = 0; i < check->chain->links->len; i++)
        check_link (&run, i);
    }
  if (check->chain)
    check_trademarks (&run);
  g_ptr_array_sort (run.gaps, by_severity);
  g_free (run.today);
  g_free (run.soon);
  g_free (run.deadline);
  return run.gaps;
}
