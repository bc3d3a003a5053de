/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-notice.h"
#include "desk-util.h"

/* What the seller is told about a decoded notice: every weak or assumed part,
 * in plain words, so that a guess is never silently wrong. */

static gboolean
is_empty (DeskNotice *self)
{
  const char *p = desk_notice_get_text (self);

  while (p != NULL && *p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p == NULL || *p == '\0';
}

static char *
describe_platform (DeskNotice *self)
{
  const char *best = desk_platform_get_label (desk_notice_get_platform (self));

  if (desk_notice_get_platform_confidence (self) >= DESK_NOTICE_PLATFORM_THRESHOLD)
    return NULL;
  if (desk_notice_get_platform (self) == DESK_PLATFORM_UNKNOWN)
    return g_strdup (_ ("The platform could not be recognised; choose it yourself."));
  if (desk_notice_get_runner_up_platform (self) != DESK_PLATFORM_UNKNOWN)
    /* Translators: both are platform names, e.g. "Shopee" and "Lazada" */
    return g_strdup_printf (_ ("The notice could be from %s or from %s; choose the platform yourself."),
                            best, desk_platform_get_label (desk_notice_get_runner_up_platform (self)));
  /* Translators: %s is a platform name */
  return g_strdup_printf (_ ("The platform is probably %s, but the notice says little about it; check it."),
                          best);
}

static char *
describe_case_type (DeskNotice *self)
{
  const char *best = desk_case_type_get_label (desk_notice_get_case_type (self));

  if (desk_notice_get_case_type_confidence (self) >= DESK_NOTICE_CASE_TYPE_THRESHOLD)
    return NULL;
  if (desk_notice_get_case_type (self) == DESK_CASE_TYPE_UNKNOWN)
    return g_strdup (_ ("The kind of case could not be recognised; choose it yourself."));
  if (desk_notice_get_runner_up_case_type (self) != DESK_CASE_TYPE_UNKNOWN)
    /* Translators: both are case types, e.g. "IP complaint" and "Listing takedown" */
    return g_strdup_printf (_ ("The notice fits two kinds of case: “%s” and “%s”; choose the case type yourself."),
                            best, desk_case_type_get_label (desk_notice_get_runner_up_case_type (self)));
  /* Translators: %s is a case type, e.g. "IP complaint" */
  return g_strdup_printf (_ ("The case type is probably “%s”, but the notice says little about it; check it."),
                          best);
}

gboolean
desk_notice_is_confident (DeskNotice *self,
                          char      **reason)
{
  g_autofree char *why = NULL;

  g_return_val_if_fail (DESK_IS_NOTICE (self), FALSE);

  if (is_empty (self))
    why = g_strdup (_ ("The notice is empty; paste the platform's message or fill in the fields yourself."));
  else if ((why = describe_platform (self)) == NULL)
    why = describe_case_type (self);
  if (reason != NULL)
    *reason = g_strdup (why);
  return why == NULL;
}

/* Counterparty IDs and listings (not names): what a seller might have
 * expected among the products. */
static guint
count_other_party (DeskNotice *self)
{
  GPtrArray *fields = desk_notice_get_fields (self);
  guint      n = 0;

  for (guint i = 0; i < fields->len; i++)
    {
      DeskNoticeField *field = g_ptr_array_index (fields, i);

      n += field->role == DESK_NOTICE_ROLE_COUNTERPARTY_LISTING
           || (field->role == DESK_NOTICE_ROLE_COUNTERPARTY_SELLER && strpbrk (field->value, "0123456789"));
    }
  return n;
}

/* A campaign exit's campaign ID serves as its case ID (desk-intake.c). */
static gboolean
has_campaign_id (DeskNotice *self)
{
  g_auto (GStrv) campaigns = desk_notice_get_values (self, DESK_NOTICE_ROLE_CAMPAIGN_ID);

  return desk_notice_get_case_type (self) == DESK_CASE_TYPE_ACTIVITY_EXIT && campaigns[0] != NULL;
}

static void
describe_fields (DeskNotice *self,
                 GPtrArray  *lines)
{
  if (desk_notice_get_truncated (self))
    {
      g_autofree char *size = g_format_size (DESK_NOTICE_SCAN_LIMIT);

      /* Translators: %s is a size, e.g. "262.1 kB" */
      g_ptr_array_add (lines, g_strdup_printf (_ ("Only the first %s of the notice were read; check the fields against the full text."),
                                               size));
    }
  if (desk_notice_get_repaired (self))
    g_ptr_array_add (lines, g_strdup (_ ("Some characters in the notice were not valid text and were replaced; if fields look wrong, copy the notice again from the platform.")));
  if (count_other_party (self) > 0)
    g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u ID in the notice belongs to the other party (a reseller or the rights owner) and was not taken as your product.",
                                                          "%u IDs in the notice belong to the other party (resellers or the rights owner) and were not taken as your products.",
                                                          count_other_party (self)),
                                             count_other_party (self)));
  if (desk_notice_get_issue_id (self) == NULL && desk_notice_get_case_id (self) == NULL && !has_campaign_id (self))
    g_ptr_array_add (lines, g_strdup (_ ("No Issue ID or Case ID was found; copy it from the platform's page.")));
  if (desk_notice_get_deadline (self) == NULL)
    g_ptr_array_add (lines, g_strdup (_ ("No deadline was found; enter it yourself (many platforms allow only 72 hours).")));
  else if (desk_notice_get_deadline_is_relative (self))
    g_ptr_array_add (lines, g_strdup (_ ("The deadline was counted from the time the notice was received; check that time.")));
  else if (desk_notice_get_deadline_zone_assumed (self))
    g_ptr_array_add (lines, g_strdup (_ ("The deadline gives no time zone, so Beijing time (GMT+8) was assumed; check it.")));
}

char *
desk_notice_describe_confidence (DeskNotice *self)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  char *line;

  g_return_val_if_fail (DESK_IS_NOTICE (self), NULL);

  if (is_empty (self))
    return g_strdup (_ ("The notice is empty; paste the platform's message or fill in the fields yourself."));
  if ((line = describe_platform (self)) != NULL)
    g_ptr_array_add (lines, line);
  if ((line = describe_case_type (self)) != NULL)
    g_ptr_array_add (lines, line);
  describe_fields (self, lines);
  if (lines->len == 0)
    return g_strdup (_ ("The notice was recognised; still compare the fields with the original before you rely on them."));
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **)lines->pdata);
}
