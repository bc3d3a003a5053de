/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-letters"

#include "config.h"

#include <string.h>

#include "desk-case.h"
#include "desk-checklist.h"
#include "desk-exhibits.h"
#include "desk-letter-data.h"
#include "desk-store-private.h"

G_DEFINE_BOXED_TYPE (DeskExhibit, desk_exhibit, desk_exhibit_copy, desk_exhibit_free)

DeskExhibit *
desk_exhibit_copy (const DeskExhibit *exhibit)
{
  DeskExhibit *copy;

  g_return_val_if_fail (exhibit != NULL, NULL);
  copy = g_memdup2 (exhibit, sizeof *exhibit);
  copy->item_id = g_strdup (exhibit->item_id);
  copy->item_label = g_strdup (exhibit->item_label);
  copy->original_name = g_strdup (exhibit->original_name);
  copy->detail = g_strdup (exhibit->detail);
  copy->description = g_strdup (exhibit->description);
  return copy;
}

void
desk_exhibit_free (DeskExhibit *exhibit)
{
  if (exhibit == NULL)
    return;
  g_free (exhibit->item_id);
  g_free (exhibit->item_label);
  g_free (exhibit->original_name);
  g_free (exhibit->detail);
  g_free (exhibit->description);
  g_free (exhibit);
}

char *
desk_exhibit_format_reference (guint       number,
                               const char *language)
{
  const char *lang = desk_letter_language_normalize (language);

  /* Letter text in the letter's language, not the UI's: no gettext here. */
  if (g_str_equal (lang, "ru"))
    return g_strdup_printf ("Приложение %u", number);
  if (g_str_equal (lang, "zh"))
    return g_strdup_printf ("附件%u", number);
  return g_strdup_printf ("Exhibit %u", number);
}

/* A file name on one line, without its extension: letters cite documents,
 * not files. */
static char *
name_title (const char *original_name)
{
  char *title = g_strdup (original_name ? original_name : "");
  char *dot = strrchr (title, '.');

  if (dot && dot != title && strlen (dot) <= 5)
    *dot = '\0';
  g_strdelimit (title, "\r\n\t", ' ');
  return g_strstrip (title);
}

static void
describe (DeskExhibit *exhibit,
          const char  *language)
{
  g_autofree char *ref = desk_exhibit_format_reference (exhibit->number, language);
  g_autofree char *title = exhibit->item_label ? g_strdup (exhibit->item_label) : name_title (exhibit->original_name);
  const char      *sep = g_str_equal (desk_letter_language_normalize (language), "zh") ? "：" : " — ";
  const char      *comma = g_str_equal (desk_letter_language_normalize (language), "zh") ? "，" : ", ";

  g_free (exhibit->description);
  if (exhibit->detail && *exhibit->detail)
    exhibit->description = g_strconcat (ref, sep, title, comma, exhibit->detail, NULL);
  else
    exhibit->description = g_strconcat (ref, sep, title, NULL);
}

void
desk_exhibit_set_detail (DeskExhibit *exhibit,
                         const char  *detail,
                         const char  *language)
{
  g_return_if_fail (exhibit != NULL);
  g_free (exhibit->detail);
  exhibit->detail = g_strdup (detail);
  describe (exhibit, language);
}

/* The requirement's title: letter data first, then the rule pack. */
static char *
item_title (DeskRulePack *pack,
            DeskCaseType  case_type,
            const char   *item_id,
            const char   *language)
{
  const char              *title = desk_letter_data_get_exhibit_title (item_id, language);
  const DeskCaseRules     *rules;
  DeskEvidenceRequirement *req;

  if (title)
    return g_strdup (title);
  rules = pack ? desk_rule_pack_get_case_rules (pack, case_type) : NULL;
  req = rules ? desk_case_rules_find_evidence (rules, item_id) : NULL;
  if (req)
    return g_strdup (desk_evidence_requirement_get_label (req, g_str_equal (desk_letter_language_normalize (language), "zh")
                                                                   ? DESK_RULE_LANGUAGE_ZH
                                                                   : DESK_RULE_LANGUAGE_EN));
  return g_strdup (item_id);
}

/* One row per evidence item of the case, with its first checklist link
 * (lowest position, then the earliest link), in exhibit order. */
#define EXHIBIT_SQL                                                                                     \
  "WITH links AS ("                                                                                     \
  "  SELECT cle.evidence_id, ci.id AS item_row, ci.item_id, ci.position, cle.rowid AS link_seq,"        \
  "   row_number () OVER (PARTITION BY cle.evidence_id ORDER BY ci.position, ci.id, cle.rowid) AS rank" \
  "  FROM checklist_evidence cle JOIN checklist_items ci ON ci.id = cle.checklist_item_id"              \
  "  WHERE ci.case_id = ?1)"                                                                            \
  " SELECT ce.evidence_id, l.item_row, l.item_id, e.original_name"                                      \
  " FROM case_evidence ce JOIN evidence e ON e.id = ce.evidence_id"                                     \
  " LEFT JOIN links l ON l.evidence_id = ce.evidence_id AND l.rank = 1"                                 \
  " WHERE ce.case_id = ?1"                                                                              \
  " ORDER BY l.item_row IS NULL, l.position, l.item_row, l.link_seq, ce.added_at, ce.rowid"

GPtrArray *
desk_exhibits_list (DeskSession *session,
                    gint64       case_id,
                    const char  *language,
                    GError     **error)
{
  DeskStore *store;
  g_autoptr (GPtrArray) exhibits = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_exhibit_free);
  g_autoptr (DeskCase) kase = NULL;
  DeskRulePack *pack;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  store = desk_session_get_store (session);
  if (!(kase = _desk_store_get_case_summary (store, case_id, error)))
    return NULL;
  pack = desk_session_get_pack (session, desk_case_get_platform (kase));
  if (!(stmt = _desk_store_prepare (store, EXHIBIT_SQL, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskExhibit *exhibit = g_new0 (DeskExhibit, 1);

      exhibit->number = exhibits->len + 1;
      exhibit->evidence_id = sqlite3_column_int64 (stmt, 0);
      exhibit->checklist_item_id = sqlite3_column_int64 (stmt, 1);
      exhibit->item_id = _desk_store_column_dup (stmt, 2);
      exhibit->original_name = _desk_store_column_dup (stmt, 3);
      if (exhibit->item_id)
        exhibit->item_label = item_title (pack, desk_case_get_case_type (kase), exhibit->item_id, language);
      describe (exhibit, language);
      g_ptr_array_add (exhibits, exhibit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&exhibits);
}
