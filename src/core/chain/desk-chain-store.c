/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-chain"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-chain-store.h"
#include "desk-chain-private.h"
#include "desk-evidence-store.h"
#include "desk-store-private.h"
#include "desk-util.h"

/* Chains are stored as their JSON (the chain file format) plus a
 * chain_documents row per evidence item, so the evidence tables know which
 * files a chain uses. */

/* Helpers */

static char *
to_text (gpointer data,
         void (*write) (gconstpointer data, JsonBuilder *builder))
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  write (data, b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* "SoundPeak", " soundpeak " and "ＳｏｕｎｄＰｅａｋ" are one brand. */
static char *
brand_key (const char *brand)
{
  g_autofree char *folded = desk_text_fold (brand);
  GString         *key = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (key, g_utf8_get_char (p));
  return g_string_free (key, FALSE);
}

static void
set_not_found (GError **error,
               gint64   id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* Translators: %s is a number */
  g_set_error (error, DESK_CHAIN_ERROR, DESK_CHAIN_ERROR_NOT_FOUND,
               _ ("Authorization chain %s does not exist."), number);
}

static gboolean
evidence_exists (DeskStore *store,
                 gint64     id)
{
  g_autoptr (DeskEvidence) evidence = desk_evidence_get (store, id, NULL);

  return evidence != NULL;
}

/* Every document must be an evidence item: a typo in a chain file must not
 * become a link "with a document" that does not exist. */
static gboolean
check_documents (DeskStore       *store,
                 const DeskChain *chain,
                 GError         **error)
{
  for (guint i = 0; i < chain->links->len; i++)
    {
      const DeskChainLink *link = chain->links->pdata[i];

      for (guint d = 0; d < link->documents->len; d++)
        if (!evidence_exists (store, g_array_index (link->documents, gint64, d)))
          {
            g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (link->documents, gint64, d));

            /* Translators: "at links[1].documents[0]: there is no evidence item 42. …" */
            g_set_error (error, DESK_CHAIN_ERROR, DESK_CHAIN_ERROR_NO_EVIDENCE,
                         _ ("The chain is not valid at links[%u].documents[%u]: there is no evidence item %s. Add the file to your evidence first, then choose it for this link."),
                         i, d, number);
            return FALSE;
          }
    }
  for (guint t = 0; t < chain->trademarks->len; t++)
    {
      const DeskTrademark *tm = chain->trademarks->pdata[t];

      if (tm->certificate > 0 && !evidence_exists (store, tm->certificate))
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, tm->certificate);

          g_set_error (error, DESK_CHAIN_ERROR, DESK_CHAIN_ERROR_NO_EVIDENCE,
                       _ ("The chain is not valid at trademarks[%u].certificate: there is no evidence item %s. Add the certificate to your evidence first, then choose it for this trademark."),
                       t, number);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
exec_id (DeskStore  *store,
         const char *sql,
         gint64      a,
         gint64      b,
         GError    **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, b);
  return _desk_store_step_done (store, stmt, error);
}

static gboolean
keep_documents (DeskStore       *store,
                const DeskChain *chain,
                GError         **error)
{
  if (!exec_id (store, "DELETE FROM chain_documents WHERE chain_id = ?1", chain->id, 0, error))
    return FALSE;
  for (guint i = 0; i < chain->links->len; i++)
    {
      const DeskChainLink *link = chain->links->pdata[i];

      for (guint d = 0; d < link->documents->len; d++)
        if (!exec_id (store, "INSERT OR IGNORE INTO chain_documents (chain_id, evidence_id) VALUES (?1, ?2)",
                      chain->id, g_array_index (link->documents, gint64, d), error))
          return FALSE;
    }
  for (guint t = 0; t < chain->trademarks->len; t++)
    {
      const DeskTrademark *tm = chain->trademarks->pdata[t];

      if (tm->certificate > 0
          && !exec_id (store, "INSERT OR IGNORE INTO chain_documents (chain_id, evidence_id) VALUES (?1, ?2)",
                       chain->id, tm->certificate, error))
        return FALSE;
    }
  return exec_id (store, "UPDATE evidence SET in_library = 1 WHERE id IN"
                         " (SELECT evidence_id FROM chain_documents WHERE chain_id = ?1)",
                  chain->id, 0, error);
}

static gint64
find_brand_id (DeskStore  *store,
               const char *brand,
               GError    **error)
{
  sqlite3_stmt    *stmt = _desk_store_prepare (store, "SELECT id FROM chains WHERE brand_key = ?1", error);
  g_autofree char *key = brand_key (brand);
  gint64           id = 0;
  int              rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

static gboolean
write_chain (DeskStore *store,
             DeskChain *chain,
             GError   **error)
{
  g_autofree char *json = to_text (chain, (gpointer)desk_chain_to_json);
  g_autofree char *key = brand_key (chain->brand);
  g_autofree char *now = _desk_store_now_iso8601 ();
  gint64           existing = find_brand_id (store, chain->brand, error);
  sqlite3_stmt    *stmt;

  if (existing < 0)
    return FALSE;
  if (existing > 0 && existing != chain->id)
    {
      /* Translators: %s is a brand */
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _ ("There is already an authorization chain for the brand “%s”. Edit that one: a brand has one chain, used by all its cases."),
                   chain->brand);
      return FALSE;
    }
  if (chain->id > 0)
    stmt = _desk_store_prepare (store, "UPDATE chains SET brand = ?1, brand_key = ?2, json = ?3, updated_at = ?4 WHERE id = ?5", error);
  else
    stmt = _desk_store_prepare (store, "INSERT INTO chains (brand, brand_key, json, updated_at) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, chain->brand, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (chain->id > 0)
    sqlite3_bind_int64 (stmt, 5, chain->id);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  if (chain->id == 0)
    chain->id = sqlite3_last_insert_rowid (_desk_store_get_db (store));
  else if (sqlite3_changes (_desk_store_get_db (store)) == 0)
    {
      set_not_found (error, chain->id);
      return FALSE;
    }
  return keep_documents (store, chain, error);
}

static gboolean
validate_chain (DeskStore       *store,
                const DeskChain *chain,
                GError         **error)
{
  g_autofree char *key = brand_key (chain->brand);

  if (*key == '\0')
    {
      g_set_error_literal (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                           _ ("Enter the brand the chain is for."));
      return FALSE;
    }
  return check_documents (store, chain, error);
}

gboolean
desk_chain_save (DeskStore *store,
                 DeskChain *chain,
                 GError   **error)
{
  gint64 old_id = chain->id;
  g_autoptr (DeskStoreTxn) txn = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), FALSE);
  if (!validate_chain (store, chain, error) || !(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  if (!write_chain (store, chain, error))
    {
      chain->id = old_id;
      return FALSE;
    }
  _desk_store_notify (store, DESK_CHAIN_PART, 0);
  if (!_desk_store_txn_commit (g_steal_pointer (&txn), error))
    {
      chain->id = old_id;
      return FALSE;
    }
  return TRUE;
}

static DeskChain *
chain_from_row (sqlite3_stmt *stmt,
                GError      **error)
{
  g_autoptr (JsonNode) node = desk_chain_parse_text ((const char *)sqlite3_column_text (stmt, 1), -1, error);
  DeskChain *chain = node ? desk_chain_from_json (node, error) : NULL;

  if (chain)
    chain->id = sqlite3_column_int64 (stmt, 0);
  return chain;
}

DeskChain *
desk_chain_get (DeskStore *store,
                gint64     chain_id,
                GError   **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "SELECT id, json FROM chains WHERE id = ?1", error);
  DeskChain    *chain = NULL;
  int           rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, chain_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    chain = chain_from_row (stmt, error);
  else if (rc == SQLITE_DONE)
    set_not_found (error, chain_id);
  else
    _desk_store_set_error (_desk_store_get_db (store), rc, error);
  sqlite3_reset (stmt);
  return chain;
}

DeskChain *
desk_chain_find_by_brand (DeskStore  *store,
                          const char *brand,
                          GError    **error)
{
  gint64 id = find_brand_id (store, brand, error);

  return id > 0 ? desk_chain_get (store, id, error) : NULL;
}

GPtrArray *
desk_chain_list (DeskStore *store,
                 GError   **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "SELECT id, json FROM chains ORDER BY brand_key", error);
  g_autoptr (GPtrArray) chains = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_chain_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskChain *chain = chain_from_row (stmt, error);

      if (chain == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (chains, chain);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&chains);
}

gboolean
desk_chain_delete (DeskStore *store,
                   gint64     chain_id,
                   GError   **error)
{
  g_autoptr (DeskStoreTxn) txn = _desk_store_txn_begin (store, error);

  if (txn == NULL || !exec_id (store, "DELETE FROM chains WHERE id = ?1", chain_id, 0, error))
    return FALSE;
  _desk_store_notify (store, DESK_CHAIN_PART, 0);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

/* Case → chain */

DeskCaseChain *
desk_case_chain_get (DeskStore *store,
                     gint64     case_id,
                     GError   **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "SELECT chain_id, json FROM case_chains WHERE case_id = ?1", error);
  g_autoptr (DeskCaseChain) info = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr (JsonNode) node = desk_chain_parse_text ((const char *)sqlite3_column_text (stmt, 1), -1, error);

      info = desk_case_chain_new (case_id, sqlite3_column_int64 (stmt, 0));
      if (node == NULL || !desk_case_chain_update_from_json (info, node, error))
        g_clear_pointer (&info, desk_case_chain_free);
    }
  else if (rc != SQLITE_DONE)
    _desk_store_set_error (_desk_store_get_db (store), rc, error);
  sqlite3_reset (stmt);
  return g_steal_pointer (&info);
}

static gboolean
write_case_chain (DeskStore           *store,
                  const DeskCaseChain *info,
                  GError             **error)
{
  g_autofree char *json = to_text ((gpointer)info, (gpointer)desk_case_chain_to_json);
  sqlite3_stmt    *stmt = _desk_store_prepare (store,
                                               "INSERT INTO case_chains (case_id, chain_id, json) VALUES (?1, ?2, ?3)"
                                                  " ON CONFLICT (case_id) DO UPDATE SET chain_id = ?2, json = ?3",
                                               error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, info->case_id);
  if (info->chain_id > 0)
    sqlite3_bind_int64 (stmt, 2, info->chain_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
  return _desk_store_step_done (store, stmt, error);
}

static gboolean
check_case (DeskStore *store,
            gint64     case_id,
            GError   **error)
{
  g_autoptr (DeskCase) kase = _desk_store_get_case_summary (store, case_id, error);

  return kase != NULL;
}

gboolean
desk_case_chain_set (DeskStore           *store,
                     const DeskCaseChain *info,
                     GError             **error)
{
  g_autoptr (DeskStoreTxn) txn = NULL;

  if (!check_case (store, info->case_id, error) || !(txn = _desk_store_txn_begin (store, error))
      || !write_case_chain (store, info, error))
    return FALSE;
  _desk_store_notify (store, DESK_CHAIN_PART, info->case_id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

gboolean
desk_chain_set_for_case (DeskStore     *store,
                         DeskChain     *chain,
                         DeskCaseChain *info,
                         GError       **error)
{
  gint64 old_id = chain->id;
  gint64 existing;
  g_autoptr (DeskStoreTxn) txn = NULL;

  if (!check_case (store, info->case_id, error) || !validate_chain (store, chain, error)
      || !(txn = _desk_store_txn_begin (store, error)))
    return FALSE;
  existing = chain->id == 0 ? find_brand_id (store, chain->brand, error) : chain->id;
  if (existing >= 0)
    chain->id = existing;
  if (existing < 0 || !write_chain (store, chain, error)
      || (info->chain_id = chain->id, !write_case_chain (store, info, error)))
    {
      chain->id = old_id;
      return FALSE;
    }
  _desk_store_notify (store, DESK_CHAIN_PART, 0);
  _desk_store_notify (store, DESK_CHAIN_PART, info->case_id);
  if (!_desk_store_txn_commit (g_steal_pointer (&txn), error))
    {
      chain->id = old_id;
      return FALSE;
    }
  return TRUE;
}

/* Seller profile */

DeskSellerProfile *
desk_seller_profile_load (DeskStore *store,
                          GError   **error)
{
  sqlite3_stmt      *stmt = _desk_store_prepare (store, "SELECT json FROM seller_profile WHERE id = 1", error);
  DeskSellerProfile *profile = NULL;
  int                rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr (JsonNode) node = desk_chain_parse_text ((const char *)sqlite3_column_text (stmt, 0), -1, error);

      profile = node ? desk_seller_profile_from_json (node, error) : NULL;
    }
  else if (rc == SQLITE_DONE)
    profile = desk_seller_profile_new ();
  else
    _desk_store_set_error (_desk_store_get_db (store), rc, error);
  sqlite3_reset (stmt);
  return profile;
}

gboolean
desk_seller_profile_save (DeskStore               *store,
                          const DeskSellerProfile *profile,
                          GError                 **error)
{
  g_autofree char *json = to_text ((gpointer)profile, (gpointer)desk_seller_profile_to_json);
  g_autoptr (DeskStoreTxn) txn = _desk_store_txn_begin (store, error);
  sqlite3_stmt *stmt;

  if (txn == NULL)
    return FALSE;
  stmt = _desk_store_prepare (store, "INSERT INTO seller_profile (id, json) VALUES (1, ?1)"
                                     " ON CONFLICT (id) DO UPDATE SET json = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  _desk_store_notify (store, DESK_SELLER_PROFILE_PART, 0);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

/* Checking a case */

static gboolean
describe_document (gint64             id,
                   DeskChainDocument *doc,
                   gpointer           user_data)
{
  g_autoptr (DeskEvidence) evidence = desk_evidence_get (user_data, id, NULL);

  doc->exists = evidence != NULL;
  doc->scan_only = evidence && desk_evidence_get_scan_only (evidence);
  doc->is_image = evidence && desk_evidence_get_kind (evidence) == DESK_EVIDENCE_KIND_IMAGE;
  return doc->exists;
}

GPtrArray *
_desk_chain_check_with_rules (DeskStore           *store,
                              DeskRuleRegistry    *rules,
                              DeskCase            *kase,
                              const DeskChain     *chain,
                              const DeskCaseChain *info,
                              GDateTime           *now,
                              GError             **error)
{
  g_autoptr (DeskSellerProfile) profile = desk_seller_profile_load (store, error);
  DeskChainCheck check = { 0 };

  if (profile == NULL)
    return NULL;
  check.chain = chain;
  check.profile = profile;
  check.platform = desk_case_get_platform (kase);
  check.case_type = desk_case_get_case_type (kase);
  check.pack = desk_rule_registry_get_pack (rules, check.platform);
  check.info = info;
  check.now = now;
  check.deadline = desk_case_get_deadline_at (kase);
  check.document_func = describe_document;
  check.document_data = store;
  return desk_chain_check (&check);
}

GPtrArray *
_desk_chain_check_stored (DeskStore        *store,
                          DeskRuleRegistry *rules,
                          gint64            case_id,
                          GDateTime        *now,
                          GError          **error)
{
  g_autoptr (DeskCase) kase = _desk_store_get_case_summary (store, case_id, error);
  g_autoptr (DeskCaseChain) info = NULL;
  g_autoptr (DeskChain) chain = NULL;
  g_autoptr (GError) local = NULL;

  if (kase == NULL)
    return NULL;
  info = desk_case_chain_get (store, case_id, &local);
  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (info && info->chain_id > 0 && !(chain = desk_chain_get (store, info->chain_id, error)))
    return NULL;
  return _desk_chain_check_with_rules (store, rules, kase, chain, info, now, error);
}

GPtrArray *
desk_chain_check_case_with (DeskSession         *session,
                            DeskCase            *kase,
                            const DeskChain     *chain,
                            const DeskCaseChain *info,
                            GDateTime           *now,
                            GError             **error)
{
  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  return _desk_chain_check_with_rules (desk_session_get_store (session), desk_session_get_rules (session),
                                       kase, chain, info, now, error);
}

GPtrArray *
desk_chain_check_case (DeskSession *session,
                       gint64       case_id,
                       GDateTime   *now,
                       GError     **error)
{
  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  return _desk_chain_check_stored (desk_session_get_store (session), desk_session_get_rules (session),
                                   case_id, now, error);
}
