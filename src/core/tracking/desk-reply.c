/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-reply"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "desk-notice.h"
#include "desk-reply.h"
#include "desk-store-private.h"
#include "desk-timeline.h"
#include "desk-util.h"

/* Only the start of a reply decides the verdict: platforms state it first,
 * and a 20 000-character reply quoting the appeal must not flip it. */
#define VERDICT_SCAN_CHARS 4000

static const char *const verdict_ids[] = { "unknown", "accepted", "partly", "rejected", "more-info" };

G_DEFINE_BOXED_TYPE (DeskReply, desk_reply, desk_reply_copy, desk_reply_free)

const char *
desk_reply_verdict_to_id (DeskReplyVerdict verdict)
{
  g_return_val_if_fail (verdict <= DESK_REPLY_MORE_INFO, "unknown");
  return verdict_ids[verdict];
}

DeskReplyVerdict
desk_reply_verdict_from_id (const char *id)
{
  for (guint i = 0; id && i < G_N_ELEMENTS (verdict_ids); i++)
    if (g_str_equal (id, verdict_ids[i]))
      return i;
  return DESK_REPLY_UNKNOWN;
}

const char *
desk_reply_verdict_get_label (DeskReplyVerdict verdict)
{
  switch (verdict)
    {
      case DESK_REPLY_ACCEPTED:
        return C_ ("reply", "Accepted");
      case DESK_REPLY_PARTLY:
        return C_ ("reply", "Partly accepted");
      case DESK_REPLY_REJECTED:
        return C_ ("reply", "Rejected");
      case DESK_REPLY_MORE_INFO:
        return C_ ("reply", "More information requested");
      case DESK_REPLY_UNKNOWN:
      default:
        return C_ ("reply", "No verdict recognised");
    }
}

DeskReply *
desk_reply_copy (const DeskReply *reply)
{
  DeskReply *copy = g_new0 (DeskReply, 1);

  copy->text = g_strdup (reply->text);
  copy->received_at = reply->received_at ? g_date_time_ref (reply->received_at) : NULL;
  copy->verdict = reply->verdict;
  copy->reasons = g_strdupv (reply->reasons);
  copy->new_deadline = reply->new_deadline ? g_date_time_ref (reply->new_deadline) : NULL;
  copy->second_appeal_until = reply->second_appeal_until ? g_date_time_ref (reply->second_appeal_until) : NULL;
  copy->second_appeal_from_pack = reply->second_appeal_from_pack;
  return copy;
}

void
desk_reply_free (DeskReply *reply)
{
  if (reply == NULL)
    return;
  g_free (reply->text);
  g_clear_pointer (&reply->received_at, g_date_time_unref);
  g_strfreev (reply->reasons);
  g_clear_pointer (&reply->new_deadline, g_date_time_unref);
  g_clear_pointer (&reply->second_appeal_until, g_date_time_unref);
  g_free (reply);
}

static gboolean
matches (const char *pattern,
         const char *text)
{
  return g_regex_match_simple (pattern, text, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0);
}

/* Partly before rejected before accepted: "not approved" contains
 * "approved", "unsuccessful" contains "successful". */
static DeskReplyVerdict
decode_verdict (const char *head)
{
  if (matches ("partial(ly)? (approved|restored|reinstated|accepted)|部分(恢复|通过)|частично", head))
    return DESK_REPLY_PARTLY;
  if (matches ("reject|declined|denied|not (been )?approved|unsuccessful|unable to (approve|accept)|"
               "驳回|未通过|不通过|未能通过|拒绝|не одобр|отклон",
               head))
    return DESK_REPLY_REJECTED;
  if (matches ("additional (information|documents|evidence)|provide (more|further)|补充(材料|资料|证据)|дополнительн", head))
    return DESK_REPLY_MORE_INFO;
  if (matches ("approved|reinstated|restored|accepted|successful|已恢复|已通过|申诉成功|审核通过|одобрен|восстановлен", head))
    return DESK_REPLY_ACCEPTED;
  return DESK_REPLY_UNKNOWN;
}

static GStrv
decode_reasons (const char *text)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GRegex) header = g_regex_new ("^\\s*(?:rejection reasons?|reasons?(?: for rejection)?|驳回原因|拒绝原因|原因|причин[аы](?: отклонения)?)\\s*[:：]\\s*(.*)$",
                                           G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr (GRegex) bullet = g_regex_new ("^\\s*(?:[-•*·]|\\d+[.)、．])\\s*(.+)$", G_REGEX_OPTIMIZE, 0, NULL);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean in_reasons = FALSE;

  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr (GMatchInfo) info = NULL;
      g_autofree char *found = NULL;

      g_strchomp (lines[i]);
      if (g_regex_match (header, lines[i], 0, &info))
        {
          found = g_strstrip (g_match_info_fetch (info, 1));
          in_reasons = TRUE;
        }
      else if (in_reasons && g_regex_match (bullet, lines[i], 0, &info))
        found = g_strstrip (g_match_info_fetch (info, 1));
      else if (in_reasons && *lines[i] != '\0')
        in_reasons = FALSE;
      if (found && *found)
        g_strv_builder_add (builder, found);
    }
  return g_strv_builder_end (builder);
}

/* "within 15 days", "15日内", "в течение 15 дней" next to an appeal word. */
static guint
decode_window_days (const char *text)
{
  g_autoptr (GRegex) regex = g_regex_new ("(?:appeal|申诉|апелляц|обжал)[^\\n]{0,80}?(?:within|in)\\s+(\\d{1,3})\\s*(?:calendar\\s+)?days?"
                                          "|(?:appeal|申诉|апелляц|обжал)[^\\n]{0,40}?(\\d{1,3})\\s*(?:个)?(?:自然)?[日天]内"
                                          "|(\\d{1,3})\\s*(?:个)?(?:自然)?[日天]内[^\\n]{0,40}?申诉"
                                          "|в течение\\s+(\\d{1,3})\\s+дн",
                                          G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr (GMatchInfo) info = NULL;

  if (!g_regex_match (regex, text, 0, &info))
    return 0;
  for (int group = 1; group <= 4; group++)
    {
      g_autofree char *digits = g_match_info_fetch (info, group);

      if (digits && *digits)
        return (guint)g_ascii_strtoull (digits, NULL, 10);
    }
  return 0;
}

static void
decode_window (DeskReply    *reply,
               const char   *head,
               DeskRulePack *pack,
               DeskCaseType  case_type)
{
  const DeskCaseRules  *rules = pack ? desk_rule_pack_get_case_rules (pack, case_type) : NULL;
  const DeskRuleFigure *figure = rules ? desk_case_rules_get_second_appeal (rules) : NULL;
  guint                 days = decode_window_days (head);

  if (days == 0 && figure != NULL)
    {
      days = (guint)desk_rule_figure_get_value (figure);
      reply->second_appeal_from_pack = TRUE;
    }
  if (days > 0)
    reply->second_appeal_until = g_date_time_add_days (reply->received_at, (int)days);
}

DeskReply *
desk_reply_decode (const char   *text,
                   GDateTime    *received_at,
                   DeskRulePack *pack,
                   DeskCaseType  case_type)
{
  g_autoptr (DeskReply) reply = g_new0 (DeskReply, 1);
  g_autoptr (DeskNotice) notice = NULL;
  g_autofree char *head = NULL;

  reply->text = g_utf8_make_valid (text ? text : "", -1);
  reply->received_at = received_at ? g_date_time_to_utc (received_at) : g_date_time_new_now_utc ();
  head = g_utf8_substring (reply->text, 0, MIN (g_utf8_strlen (reply->text, -1), VERDICT_SCAN_CHARS));
  reply->verdict = decode_verdict (head);
  reply->reasons = decode_reasons (head);
  /* The notice decoder already reads every deadline form the platforms use. */
  notice = desk_notice_decode (head, reply->received_at);
  if (desk_notice_get_deadline (notice))
    reply->new_deadline = g_date_time_ref (desk_notice_get_deadline (notice));
  if (reply->verdict == DESK_REPLY_REJECTED)
    decode_window (reply, head, pack, case_type);
  return g_steal_pointer (&reply);
}

char *
desk_reply_to_details (const DeskReply *reply)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *deadline = desk_time_to_iso8601 (reply->new_deadline);
  g_autofree char *window = desk_time_to_iso8601 (reply->second_appeal_until);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, desk_reply_verdict_to_id (reply->verdict));
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; reply->reasons && reply->reasons[i]; i++)
    json_builder_add_string_value (builder, reply->reasons[i]);
  json_builder_end_array (builder);
  if (deadline)
    {
      json_builder_set_member_name (builder, "new_deadline");
      json_builder_add_string_value (builder, deadline);
    }
  if (window)
    {
      json_builder_set_member_name (builder, "second_appeal_until");
      json_builder_add_string_value (builder, window);
      json_builder_set_member_name (builder, "second_appeal_from_rules");
      json_builder_add_boolean_value (builder, reply->second_appeal_from_pack);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static DeskCaseStatus
status_for (DeskReplyVerdict verdict,
            DeskCaseStatus   current)
{
  switch (verdict)
    {
      case DESK_REPLY_ACCEPTED:
      case DESK_REPLY_PARTLY:
        return DESK_CASE_STATUS_RESOLVED;
      case DESK_REPLY_REJECTED:
        return DESK_CASE_STATUS_REJECTED;
      case DESK_REPLY_MORE_INFO:
        return DESK_CASE_STATUS_PENDING;
      case DESK_REPLY_UNKNOWN:
      default:
        return current;
    }
}

gint64
desk_reply_record (DeskStore       *store,
                   DeskCase        *kase,
                   const DeskReply *reply,
                   const gint64    *evidence_ids,
                   GError         **error)
{
  g_autofree char *details = NULL;
  g_autofree char *stripped = NULL;
  GDateTime       *deadline;
  g_autoptr (GDateTime) old_deadline = NULL;
  g_autoptr (DeskStoreTxn) txn = NULL;
  DeskCaseStatus status;
  gint64         id;

  g_return_val_if_fail (DESK_IS_STORE (store), 0);
  g_return_val_if_fail (DESK_IS_CASE (kase) && desk_case_get_id (kase) > 0, 0);
  g_return_val_if_fail (reply != NULL, 0);

  stripped = g_strstrip (g_strdup (reply->text ? reply->text : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _ ("The reply is empty. Paste the platform’s reply exactly as you received it."));
      return 0;
    }
  details = desk_reply_to_details (reply);
  deadline = reply->new_deadline ? reply->new_deadline : reply->second_appeal_until;
  old_deadline = desk_case_get_deadline_at (kase) ? g_date_time_ref (desk_case_get_deadline_at (kase)) : NULL;
  status = status_for (reply->verdict, desk_case_get_status (kase));

  if (!(txn = _desk_store_txn_begin (store, error)))
    return 0;
  id = desk_timeline_add (store, desk_case_get_id (kase), DESK_TIMELINE_REPLY, reply->received_at,
                          reply->text, details, evidence_ids, error);
  if (id == 0)
    goto fail;
  if (deadline)
    desk_case_set_deadline_at (kase, deadline);
  if (status != desk_case_get_status (kase))
    {
      if (!desk_timeline_set_status_at (store, kase, status, reply->received_at, NULL, error))
        goto fail;
    }
  else if (deadline && !desk_store_update_case (store, kase, error))
    goto fail;
  if (_desk_store_txn_commit (g_steal_pointer (&txn), error))
    return id;

fail:
  g_clear_pointer (&txn, _desk_store_txn_rollback);
  desk_case_set_deadline_at (kase, old_deadline);
  return 0;
}

GDateTime *
desk_reply_get_first_rejection (DeskStore *store,
                                gint64     case_id,
                                GError   **error)
{
  sqlite3_stmt *stmt;
  GDateTime    *first = NULL;
  int           rc;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  stmt = _desk_store_prepare (store,
                              "SELECT min (at) FROM timeline WHERE case_id = ?1 AND kind = 'reply'"
                              " AND deleted_at IS NULL AND json_extract (details, '$.verdict') = 'rejected'",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    first = _desk_store_column_time (stmt, 0);
  else
    _desk_store_set_error (_desk_store_get_db (store), rc, error);
  sqlite3_reset (stmt);
  return first;
}
