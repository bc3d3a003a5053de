/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-store"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-store-private.h"

/* Schema history. Never edit a released step: add the next one.
 * Times are UTC ISO 8601 text; ids are INTEGER PRIMARY KEY. */
static const DeskMigration migrations[] = {
  { 1,
    "CREATE TABLE cases ("
    "  id INTEGER PRIMARY KEY,"
    "  platform TEXT NOT NULL,"
    "  case_type TEXT NOT NULL,"
    "  status TEXT NOT NULL DEFAULT 'draft',"
    "  title TEXT NOT NULL,"
    "  platform_case_id TEXT NOT NULL DEFAULT '',"
    "  violation_code TEXT NOT NULL DEFAULT '',"
    "  product_ids TEXT NOT NULL DEFAULT ''," /* newline separated */
    "  rule_pack_version TEXT NOT NULL DEFAULT '',"
    "  received_at TEXT,"
    "  deadline_at TEXT,"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  trashed_at TEXT"
    ");"
    /* Exactly the ORDER BY of desk_store_list_cases(), so the list loads in index order. */
    "CREATE INDEX cases_order ON cases (status NOT IN ('draft', 'submitted', 'pending'),"
    "  deadline_at IS NULL, deadline_at, updated_at DESC, id DESC) WHERE trashed_at IS NULL;"
    /* Deadline alerts look only at unfinished drafts near their deadline. */
    "CREATE INDEX cases_drafts_due ON cases (deadline_at)"
    "  WHERE status = 'draft' AND trashed_at IS NULL AND deadline_at IS NOT NULL;"
    /* The notice is kept verbatim and can be long: apart from the case row, so
     * scanning cases for the list never reads it. */
    "CREATE TABLE notices ("
    "  case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,"
    "  text TEXT NOT NULL"
    ");"
    "CREATE TABLE evidence ("
    "  id INTEGER PRIMARY KEY,"
    "  sha256 TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),"
    "  original_name TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  mime_type TEXT NOT NULL,"
    "  added_at TEXT NOT NULL,"
    "  source_note TEXT NOT NULL DEFAULT '',"
    "  metadata_json TEXT NOT NULL DEFAULT '{}',"
    "  in_library INTEGER NOT NULL DEFAULT 0" /* kept even when no case uses it */
    ");"
    "CREATE TABLE case_evidence ("
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
    "  added_at TEXT NOT NULL,"
    "  PRIMARY KEY (case_id, evidence_id)"
    ");"
    "CREATE INDEX case_evidence_by_evidence ON case_evidence (evidence_id);"
    "CREATE TABLE checklist_items ("
    "  id INTEGER PRIMARY KEY,"
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  item_id TEXT NOT NULL," /* evidence requirement id from the rule pack */
    "  required INTEGER NOT NULL DEFAULT 1,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  state TEXT NOT NULL DEFAULT 'missing',"
    "  note TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (case_id, item_id)"
    ");"
    "CREATE TABLE checklist_evidence ("
    "  checklist_item_id INTEGER NOT NULL REFERENCES checklist_items (id) ON DELETE CASCADE,"
    "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
    "  PRIMARY KEY (checklist_item_id, evidence_id)"
    ");"
    "CREATE TABLE appeal_attempts ("
    "  id INTEGER PRIMARY KEY,"
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  product_id TEXT NOT NULL DEFAULT '',"
    "  attempted_at TEXT NOT NULL,"
    "  platform_case_id TEXT NOT NULL DEFAULT '',"
    "  has_test_report INTEGER NOT NULL DEFAULT 0,"
    "  note TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX appeal_attempts_by_case ON appeal_attempts (case_id);"
    "CREATE TABLE timeline ("
    "  id INTEGER PRIMARY KEY,"
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  at TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  text TEXT NOT NULL DEFAULT ''"
    ");"
    "CREATE INDEX timeline_by_case ON timeline (case_id, at);"
    "CREATE TABLE notifications_sent (" /* so a 24 h/6 h/1 h alert fires once */
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  threshold_hours INTEGER NOT NULL,"
    "  PRIMARY KEY (case_id, threshold_hours)"
    ");" },
  /* A case number printed in a package or a letter must never name another
   * case later: the highest number ever used is remembered when a case is
   * deleted, and new cases are numbered above it (see insert_case). */
  { 2,
    "CREATE TABLE id_high_water ("
    "  name TEXT PRIMARY KEY,"
    "  value INTEGER NOT NULL"
    ");"
    "INSERT INTO id_high_water (name, value) SELECT 'cases', coalesce (max (id), 0) FROM cases;"
    "CREATE TRIGGER cases_remember_id AFTER DELETE ON cases BEGIN"
    "  UPDATE id_high_water SET value = max (value, OLD.id) WHERE name = 'cases';"
    " END;" },
  /* What the notice reader read, kept with the case (issue 9): each value
   * with its role and the line it came from, and the figures the notice
   * states.  Written by desk_store_save_notice_reading(). */
  { 3,
    "CREATE TABLE notice_fields ("
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  role TEXT NOT NULL,"
    "  value TEXT NOT NULL,"
    "  label TEXT NOT NULL DEFAULT '',"
    "  source TEXT NOT NULL DEFAULT '',"
    "  line INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (case_id, position)"
    ");"
    "CREATE TABLE notice_facts ("
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  subject TEXT NOT NULL DEFAULT '',"
    "  value REAL NOT NULL,"
    "  value_kind TEXT NOT NULL,"
    "  reference REAL," /* NULL when the notice states no reference */
    "  reference_kind TEXT NOT NULL DEFAULT 'none',"
    "  unit TEXT NOT NULL DEFAULT '',"
    "  source TEXT NOT NULL DEFAULT '',"
    "  line INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (case_id, position)"
    ");" },
  { 4,
    /* Letters: what the seller adds to the template (who signs, corrective
     * actions, per letter language) and their edits of the filled text. */
    "CREATE TABLE letter_details ("
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  language TEXT NOT NULL,"          /* en, ru, zh: names may be written per language */
    "  seller TEXT NOT NULL DEFAULT ''," /* the seller's legal entity */
    "  store_name TEXT NOT NULL DEFAULT '',"
    "  signer TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (case_id, language)"
    ");"
    "CREATE TABLE letter_actions ("
    "  id INTEGER PRIMARY KEY,"
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  language TEXT NOT NULL," /* en, ru, zh */
    "  position INTEGER NOT NULL,"
    "  text TEXT NOT NULL"
    ");"
    "CREATE INDEX letter_actions_by_case ON letter_actions (case_id, language, position);"
    "CREATE TABLE letter_edits ("
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  language TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  PRIMARY KEY (case_id, language)"
    ");" },
  /* Complaint packages made (src/core/package): what a report or a later
   * check needs without reading the .zip again. */
  { 5,
    "CREATE TABLE packages ("
    "  id INTEGER PRIMARY KEY,"
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  created_at TEXT NOT NULL,"
    "  path TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  n_files INTEGER NOT NULL,"
    "  blocking_gaps INTEGER NOT NULL DEFAULT 0,"
    "  omitted TEXT NOT NULL DEFAULT ''" /* comma-separated: "letters,chain" */
    ");"
    "CREATE INDEX packages_by_case ON packages (case_id, created_at);" },
  /* Tracking after submission (issue 14): timeline entries get a time of
   * their own, kind-specific details, edits, undoable deletion and attached
   * evidence; closing a case stores outcome, root cause and follow-ups. */
  { 6,
    "ALTER TABLE timeline ADD COLUMN details TEXT NOT NULL DEFAULT '{}';" /* JSON object */
    "ALTER TABLE timeline ADD COLUMN edited_at TEXT;"
    "ALTER TABLE timeline ADD COLUMN deleted_at TEXT;" /* hidden until purged: undo */
    "CREATE TABLE timeline_evidence ("
    "  entry_id INTEGER NOT NULL REFERENCES timeline (id) ON DELETE CASCADE,"
    "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
    "  PRIMARY KEY (entry_id, evidence_id)"
    ");"
    "CREATE TABLE closures ("
    "  case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,"
    "  outcome TEXT NOT NULL,"
    "  root_cause TEXT NOT NULL DEFAULT ''," /* id from the rule pack, or '' */
    "  root_cause_note TEXT NOT NULL DEFAULT '',"
    "  closed_at TEXT NOT NULL"
    ");"
    "CREATE TABLE follow_ups ("
    "  id INTEGER PRIMARY KEY,"
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  text TEXT NOT NULL,"
    "  due_at TEXT,"
    "  done_at TEXT"
    ");"
    "CREATE INDEX follow_ups_open ON follow_ups (case_id, due_at) WHERE done_at IS NULL;" },
  /* Authorization chains (src/core/chain): one per brand, reused by cases;
   * stored as the chain file's JSON, with the evidence they use listed. */
  { 7,
    "CREATE TABLE seller_profile ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  json TEXT NOT NULL"
    ");"
    "CREATE TABLE chains ("
    "  id INTEGER PRIMARY KEY,"
    "  brand TEXT NOT NULL,"
    "  brand_key TEXT NOT NULL UNIQUE," /* folded brand: one chain per brand */
    "  json TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL"
    ");"
    "CREATE TABLE chain_documents ("
    "  chain_id INTEGER NOT NULL REFERENCES chains (id) ON DELETE CASCADE,"
    "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
    "  PRIMARY KEY (chain_id, evidence_id)"
    ");"
    "CREATE INDEX chain_documents_by_evidence ON chain_documents (evidence_id);"
    "CREATE TABLE case_chains ("
    "  case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,"
    "  chain_id INTEGER REFERENCES chains (id) ON DELETE SET NULL,"
    "  json TEXT NOT NULL DEFAULT '{}'" /* disputed products, listing date, site, class */
    ");"
    "CREATE INDEX case_chains_by_chain ON case_chains (chain_id);" },
  /* Campaign exits: the order export's figures, the seller's answers and the
   * post-mortem per case; the seller's own names for export columns. */
  { 8,
    "CREATE TABLE activity_metrics ("
    "  case_id INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,"
    "  export_evidence_id INTEGER REFERENCES evidence (id) ON DELETE SET NULL,"
    "  options_json TEXT NOT NULL DEFAULT '{}',"
    "  result_json TEXT NOT NULL DEFAULT '{}',"
    "  post_mortem_json TEXT NOT NULL DEFAULT '{}',"
    "  computed_at TEXT NOT NULL"
    ");"
    "CREATE TABLE order_columns ("
    "  header TEXT PRIMARY KEY," /* normalised, as desk_activity_normalize_key() */
    "  field TEXT NOT NULL"
    ");" },
  /* The number the platform gives a submitted appeal (ticket, appeal ID). */
  { 9,
    "ALTER TABLE appeal_attempts ADD COLUMN ticket TEXT NOT NULL DEFAULT '';" },
  /* Reseller watch list and web captures (issue 16). */
  { 10,
    "CREATE TABLE watch_items ("
    "  id INTEGER PRIMARY KEY,"
    "  case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
    "  url TEXT NOT NULL,"
    "  seller_id TEXT NOT NULL DEFAULT '',"
    "  added_at TEXT NOT NULL,"
    "  checked_at TEXT,"
    "  status TEXT NOT NULL DEFAULT 'unchecked',"
    "  http_status INTEGER NOT NULL DEFAULT 0,"
    "  sha256 TEXT,"
    "  detail TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (case_id, url)"
    ");"
    "CREATE TABLE captures (" /* what a web capture kept beside the page file */
    "  evidence_id INTEGER PRIMARY KEY REFERENCES evidence (id) ON DELETE CASCADE,"
    "  capture_json TEXT NOT NULL,"
    "  request_headers TEXT NOT NULL DEFAULT '',"
    "  response_headers TEXT NOT NULL DEFAULT ''"
    ");" },
};

const DeskMigration *
_desk_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

static int
read_user_version (sqlite3 *db,
                   GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc, version = -1;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    _desk_store_set_error (db, rc, error);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
apply_step (sqlite3             *db,
            const DeskMigration *step,
            GError             **error)
{
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", step->version);

  if (!_desk_store_db_begin (db, TRUE, error))
    return FALSE;
  if (!_desk_store_db_exec (db, step->sql, error) || !_desk_store_db_exec (db, bump, error))
    {
      _desk_store_db_rollback (db);
      return FALSE;
    }
  return _desk_store_db_commit (db, error);
}

gboolean
_desk_store_migrate (sqlite3             *db,
                     const DeskMigration *steps,
                     guint                n_steps,
                     GError             **error)
{
  int latest = n_steps ? steps[n_steps - 1].version : 0;
  int current = read_user_version (db, error);

  if (current < 0)
    return FALSE;
  if (current > latest)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NEWER,
                   _ ("Your cases were saved by a newer version of Appeal Desk (data version %d; this version understands up to %d). Update Appeal Desk to open them; nothing was changed."),
                   current, latest);
      return FALSE;
    }
  for (guint i = 0; i < n_steps; i++)
    {
      g_return_val_if_fail (steps[i].version == (int)i + 1, FALSE);
      if (steps[i].version <= current)
        continue;
      g_debug ("Migrating cases.db to version %d", steps[i].version);
      if (!apply_step (db, &steps[i], error))
        return FALSE;
    }
  return TRUE;
}
