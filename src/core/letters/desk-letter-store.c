/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-letters"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-letter-data.h"
#include "desk-letter-private.h"
#include "desk-letter.h"
#include "desk-session.h"
#include "desk-store-private.h"

/* What the seller adds to letters, in cases.db (migration 2): details,
 * corrective actions per language, edits per language. */

void
desk_letter_details_free (DeskLetterDetails *details)
{
  if (details == NULL)
    return;
  g_free (details->seller);
  g_free (details->store_name);
  g_free (details->signer);
  g_free (details);
}

static gboolean
check_language (const char *language,
                GError    **error)
{
  if (language && (g_str_equal (language, "en") || g_str_equal (language, "ru") || g_str_equal (language, "zh")))
    return TRUE;
  g_set_error (error, DESK_LETTER_ERROR, DESK_LETTER_ERROR_INVALID,
               _ ("“%s” is not a letter language; use en, ru or zh."), language ? language : "");
  return FALSE;
}

static gboolean
check_case (DeskStore *store,
            gint64     case_id,
            GError   **error)
{
  g_autoptr (DeskCase) kase = _desk_store_get_case_summary (store, case_id, error);

  return kase != NULL;
}

DeskLetterDetails *
desk_letter_get_details (DeskSession *session,
                         gint64       case_id,
                         const char  *language,
                         GError     **error)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (DeskLetterDetails) details = g_new0 (DeskLetterDetails, 1);
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  if (!check_language (language, error))
    return NULL;
  stmt = _desk_store_prepare (store, "SELECT seller, store_name, signer FROM letter_details WHERE case_id = ?1 AND language = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      details->seller = _desk_store_column_dup (stmt, 0);
      details->store_name = _desk_store_column_dup (stmt, 1);
      details->signer = _desk_store_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  if (details->seller == NULL)
    details->seller = g_strdup ("");
  if (details->store_name == NULL)
    details->store_name = g_strdup ("");
  if (details->signer == NULL)
    details->signer = g_strdup ("");
  return g_steal_pointer (&details);
}

static char *
one_line (const char *text)
{
  char *line = g_strdup (text ? text : "");

  g_strdelimit (line, "\r\n\t", ' ');
  return g_strstrip (line);
}

gboolean
desk_letter_set_details (DeskSession             *session,
                         gint64                   case_id,
                         const char              *language,
                         const DeskLetterDetails *details,
                         GError                 **error)
{
  DeskStore       *store = desk_session_get_store (session);
  g_autofree char *seller = one_line (details->seller);
  g_autofree char *store_name = one_line (details->store_name);
  g_autofree char *signer = one_line (details->signer);
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (DESK_IS_SESSION (session), FALSE);
  if (!check_language (language, error) || !check_case (store, case_id, error))
    return FALSE;
  stmt = _desk_store_prepare (store,
                              "INSERT INTO letter_details (case_id, seller, store_name, signer, language) VALUES (?1, ?2, ?3, ?4, ?5)"
                              " ON CONFLICT (case_id, language) DO UPDATE SET seller = ?2, store_name = ?3, signer = ?4",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 5, language, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, seller, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, store_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, signer, -1, SQLITE_TRANSIENT);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  _desk_store_notify (store, "letters", case_id);
  return TRUE;
}

GStrv
desk_letter_get_actions (DeskSession *session,
                         gint64       case_id,
                         const char  *language,
                         GError     **error)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  if (!check_language (language, error))
    return NULL;
  stmt = _desk_store_prepare (store, "SELECT text FROM letter_actions WHERE case_id = ?1 AND language = ?2 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static gboolean
replace_actions (DeskStore         *store,
                 gint64             case_id,
                 const char        *language,
                 const char *const *actions,
                 GError           **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "DELETE FROM letter_actions WHERE case_id = ?1 AND language = ?2", error);
  int           position = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  for (guint i = 0; actions && actions[i]; i++)
    {
      g_autofree char *text = one_line (actions[i]);

      if (!*text)
        continue;
      stmt = _desk_store_prepare (store, "INSERT INTO letter_actions (case_id, language, position, text) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, case_id);
      sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, position++);
      sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
      if (!_desk_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
desk_letter_set_actions (DeskSession       *session,
                         gint64             case_id,
                         const char        *language,
                         const char *const *actions,
                         GError           **error)
{
  DeskStore *store = desk_session_get_store (session);
  g_return_val_if_fail (DESK_IS_SESSION (session), FALSE);
  g_autoptr (DeskStoreTxn) txn = NULL;

  if (!check_language (language, error) || !check_case (store, case_id, error)
      || !(txn = _desk_store_txn_begin (store, error))
      || !replace_actions (store, case_id, language, actions, error))
    return FALSE;
  _desk_store_notify (store, "letters", case_id);
  return _desk_store_txn_commit (g_steal_pointer (&txn), error);
}

gboolean
_desk_letter_load_edit (DeskStore  *store,
                        gint64      case_id,
                        const char *language,
                        char      **text,
                        GError    **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "SELECT text FROM letter_edits WHERE case_id = ?1 AND language = ?2", error);
  int           rc;

  *text = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *text = _desk_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
desk_letter_reset (DeskSession *session,
                   gint64       case_id,
                   const char  *language,
                   GError     **error)
{
  DeskStore    *store = desk_session_get_store (session);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DESK_IS_SESSION (session), FALSE);
  if (!check_language (language, error))
    return FALSE;
  stmt = _desk_store_prepare (store, "DELETE FROM letter_edits WHERE case_id = ?1 AND language = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  _desk_store_notify (store, "letters", case_id);
  return TRUE;
}

gboolean
desk_letter_save_edit (DeskSession *session,
                       gint64       case_id,
                       const char  *language,
                       const char  *text,
                       GError     **error)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (DeskLetter) letter = NULL;
  g_autofree char *now = _desk_store_now_iso8601 ();
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (DESK_IS_SESSION (session), FALSE);
  if (!check_language (language, error))
    return FALSE;
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, DESK_LETTER_ERROR, DESK_LETTER_ERROR_INVALID, _ ("The letter text is not valid UTF-8; nothing was saved."));
      return FALSE;
    }
  if (!(letter = desk_letter_get (session, case_id, language, error)))
    return FALSE;
  if (g_str_equal (text, letter->template_text))
    return desk_letter_reset (session, case_id, language, error);
  stmt = _desk_store_prepare (store,
                              "INSERT INTO letter_edits (case_id, language, text, updated_at) VALUES (?1, ?2, ?3, ?4)"
                              " ON CONFLICT (case_id, language) DO UPDATE SET text = ?3, updated_at = ?4",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!_desk_store_step_done (store, stmt, error))
    return FALSE;
  _desk_store_notify (store, "letters", case_id);
  return TRUE;
}

/* The notice's own labelled lines: what the platform says is wrong. Until the
 * notice decoder keeps structured reasons, read them here. */
static const char *const reason_labels[] = {
  "Violation Code", "Violation Type", "Violation Reason", "Violation", "Reason", "Policy", "Issue",
  "违规原因", "违规类型", "违规代码", "处罚原因", "原因", "Тема", "Причина", "Нарушение", NULL
};

GStrv
_desk_letter_notice_reasons (const char *notice_text)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) lines = g_strsplit (notice_text ? notice_text : "", "\n", 200);
  guint n = 0;

  for (guint i = 0; lines[i] && n < 5; i++)
    {
      char *line = g_strstrip (lines[i]);

      for (guint l = 0; reason_labels[l]; l++)
        {
          gsize       len = strlen (reason_labels[l]);
          const char *rest = line + len;

          if (g_ascii_strncasecmp (line, reason_labels[l], len) != 0)
            continue;
          if (g_str_has_prefix (rest, ":") || g_str_has_prefix (rest, "："))
            {
              g_autofree char *value = one_line (rest + (rest[0] == ':' ? 1 : strlen ("：")));

              if (*value && g_utf8_strlen (value, -1) <= 200)
                {
                  g_strv_builder_add (builder, value);
                  n++;
                }
            }
          break;
        }
    }
  return g_strv_builder_end (builder);
}

gpointer
_desk_letter_snapshot_load (DeskSession *session,
                            gint64       case_id,
                            GError     **error)
{
  DeskStore *store = desk_session_get_store (session);
  g_autoptr (GHashTable) edits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = _desk_store_prepare (store, "SELECT language, text FROM letter_edits WHERE case_id = ?1", error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (edits, _desk_store_column_dup (stmt, 0), _desk_store_column_dup (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&edits);
}
