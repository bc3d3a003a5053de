/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-letters"

#include "config.h"

#include <string.h>

#include "desk-case.h"
#include "desk-checklist.h"
#include "desk-exhibits-private.h"
#include "desk-exhibits.h"
#include "desk-letter-data.h"
#include "desk-store-private.h"

G_DEFINE_BOXED_TYPE (DeskExhibit, desk_exhibit, desk_exhibit_copy, desk_exhibit_free)

/* Checklist position of exhibits linked to no item: after all the others. */
#define UNLINKED G_MAXINT

void
_desk_exhibit_source_free (DeskExhibitSource *source)
{
  if (source == NULL)
    return;
  g_free (source->detail);
  g_free (source);
}

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

char *
desk_exhibit_dup_title (const DeskExhibit *exhibit)
{
  g_return_val_if_fail (exhibit != NULL, NULL);
  return exhibit->item_label ? g_strdup (exhibit->item_label) : name_title (exhibit->original_name);
}

static void
describe (DeskExhibit *exhibit,
          const char  *language)
{
  g_autofree char *ref = desk_exhibit_format_reference (exhibit->number, language);
  g_autofree char *title = desk_exhibit_dup_title (exhibit);
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

/* Two exhibits under one checklist item ("Brand authorization" twice) are
 * told apart by their file names until something better (the chain link) is
 * set as their detail. */
static void
tell_apart (GPtrArray *exhibits)
{
  for (guint i = 0; i < exhibits->len; i++)
    {
      DeskExhibit *exhibit = exhibits->pdata[i];

      for (guint j = 0; exhibit->item_id && exhibit->detail == NULL && j < exhibits->len; j++)
        if (j != i && g_strcmp0 (exhibit->item_id, ((DeskExhibit *)exhibits->pdata[j])->item_id) == 0)
          {
            exhibit->detail = name_title (exhibit->original_name);
            break;
          }
    }
}

static void
append_number (GString    *out,
               guint       number,
               guint       index,
               guint       count,
               const char *lang)
{
  gboolean zh = g_str_equal (lang, "zh");

  if (index > 0)
    g_string_append (out, zh ? "、" : index + 1 < count      ? ", "
                                  : g_str_equal (lang, "ru") ? " и "
                                                             : " and ");
  g_string_append_printf (out, "%u", number);
}

char *
desk_exhibit_format_references (const guint *numbers,
                                guint        count,
                                const char  *language)
{
  const char *lang = desk_letter_language_normalize (language);
  GString    *out;

  if (count == 0)
    return g_strdup ("");
  if (count == 1)
    return desk_exhibit_format_reference (numbers[0], lang);
  /* Letter text in the letter's language: "Exhibits 4 and 5", "Приложения 4 и 5", "附件4、5". */
  out = g_string_new (g_str_equal (lang, "ru") ? "Приложения " : g_str_equal (lang, "zh") ? "附件"
                                                                                          : "Exhibits ");
  for (guint i = 0; i < count; i++)
    append_number (out, numbers[i], i, count, lang);
  return g_string_free (out, FALSE);
}

/* One row per evidence item of the case, with its first checklist link
 * (lowest position, then the earliest link), in exhibit order. */
#define EXHIBIT_SQL                                                                                     \
  "WITH links AS ("                                                                                     \
  "  SELECT cle.evidence_id, ci.id AS item_row, ci.item_id, ci.position, cle.rowid AS link_seq,"        \
  "   row_number () OVER (PARTITION BY cle.evidence_id ORDER BY ci.position, ci.id, cle.rowid) AS rank" \
  "  FROM checklist_evidence cle JOIN checklist_items ci ON ci.id = cle.checklist_item_id"              \
  "  WHERE ci.case_id = ?1)"                                                                            \
  " SELECT ce.evidence_id, l.item_row, l.item_id, e.original_name, l.position"                          \
  " FROM case_evidence ce JOIN evidence e ON e.id = ce.evidence_id"                                     \
  " LEFT JOIN links l ON l.evidence_id = ce.evidence_id AND l.rank = 1"                                 \
  " WHERE ce.case_id = ?1"                                                                              \
  " ORDER BY l.item_row IS NULL, l.position, l.item_row, l.link_seq, ce.added_at, ce.rowid"

/* The checklist row and position of @item_id in the case; position
 * UNLINKED - 1 when the case has no such item (after every linked exhibit). */
static gboolean
find_item (DeskStore  *store,
           gint64      case_id,
           const char *item_id,
           gint64     *row,
           int        *position,
           GError    **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "SELECT id, position FROM checklist_items WHERE case_id = ?1 AND item_id = ?2", error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, item_id, -1, SQLITE_STATIC);
  *row = 0;
  *position = UNLINKED - 1;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *row = sqlite3_column_int64 (stmt, 0);
      *position = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return FALSE;
    }
  return TRUE;
}

static char *
evidence_name (DeskStore *store,
               gint64     evidence_id)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, "SELECT original_name FROM evidence WHERE id = ?1", NULL);
  char         *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = _desk_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return name ? name : g_strdup ("");
}

/* The chain's documents go under their checklist item in chain order (brand
 * owner first), ahead of other files of that item, whether or not the seller
 * attached them to the case. */
static gboolean
place_chain_documents (DeskStore *store,
                       gint64     case_id,
                       GPtrArray *exhibits,
                       GArray    *positions,
                       GPtrArray *sources,
                       GError   **error)
{
  const char *group = NULL;
  gint64      row = 0;
  int         position = 0;
  guint       at = 0;

  for (guint s = 0; s < sources->len; s++)
    {
      DeskExhibitSource *source = sources->pdata[s];
      DeskExhibit       *exhibit;

      if (g_strcmp0 (group, source->item_id) != 0)
        {
          group = source->item_id;
          if (!find_item (store, case_id, group, &row, &position, error))
            return FALSE;
          for (at = 0; at < positions->len && g_array_index (positions, int, at) < position; at++)
            ;
        }
      for (guint i = 0; i < exhibits->len; i++)
        if (((DeskExhibit *)exhibits->pdata[i])->evidence_id == source->evidence_id)
          {
            if (i < at)
              at--;
            g_ptr_array_remove_index (exhibits, i);
            g_array_remove_index (positions, i);
            break;
          }
      exhibit = g_new0 (DeskExhibit, 1);
      exhibit->evidence_id = source->evidence_id;
      exhibit->checklist_item_id = row;
      exhibit->item_id = g_strdup (source->item_id);
      exhibit->original_name = evidence_name (store, source->evidence_id);
      exhibit->detail = g_strdup (source->detail);
      g_ptr_array_insert (exhibits, at, exhibit);
      g_array_insert_val (positions, at, position);
      at++;
    }
  return TRUE;
}

static gboolean
load_rows (DeskStore *store,
           gint64     case_id,
           GPtrArray *exhibits,
           GArray    *positions,
           GError   **error)
{
  sqlite3_stmt *stmt = _desk_store_prepare (store, EXHIBIT_SQL, error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeskExhibit *exhibit = g_new0 (DeskExhibit, 1);
      int          position = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? UNLINKED : sqlite3_column_int (stmt, 4);

      exhibit->evidence_id = sqlite3_column_int64 (stmt, 0);
      exhibit->checklist_item_id = sqlite3_column_int64 (stmt, 1);
      exhibit->item_id = _desk_store_column_dup (stmt, 2);
      exhibit->original_name = _desk_store_column_dup (stmt, 3);
      g_ptr_array_add (exhibits, exhibit);
      g_array_append_val (positions, position);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _desk_store_set_error (_desk_store_get_db (store), rc, error);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
desk_exhibits_list (DeskSession *session,
                    gint64       case_id,
                    const char  *language,
                    GError     **error)
{
  DeskStore *store;
  g_autoptr (GPtrArray) exhibits = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_exhibit_free);
  g_autoptr (GArray) positions = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (DeskCase) kase = NULL;
  DeskRulePack *pack;

  g_return_val_if_fail (DESK_IS_SESSION (session), NULL);
  store = desk_session_get_store (session);
  if (!(kase = _desk_store_get_case_summary (store, case_id, error))
      || !load_rows (store, case_id, exhibits, positions, error)
      || !(sources = _desk_exhibits_chain_documents (store, case_id, language, error))
      || !place_chain_documents (store, case_id, exhibits, positions, sources, error))
    return NULL;
  pack = desk_session_get_pack (session, desk_case_get_platform (kase));
  tell_apart (exhibits);
  for (guint i = 0; i < exhibits->len; i++)
    {
      DeskExhibit *exhibit = exhibits->pdata[i];

      exhibit->number = i + 1;
      if (exhibit->item_id)
        exhibit->item_label = item_title (pack, desk_case_get_case_type (kase), exhibit->item_id, language);
      describe (exhibit, language);
    }
  return g_steal_pointer (&exhibits);
}
