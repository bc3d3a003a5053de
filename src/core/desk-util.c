/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-util"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "desk-case.h"
#include "desk-util.h"

static const char *
enum_nick (GType type, int value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);
  const char *nick = ev ? ev->value_nick : NULL;

  g_type_class_unref (klass);
  return nick;
}

/* Called for every row when 100 000 cases load: no class ref/unref per call. */
static int
enum_from_nick (GType type, const char *nick, int fallback)
{
  static GEnumClass *classes[3];
  GEnumClass        *klass = NULL;

  if (nick == NULL)
    return fallback;
  for (guint i = 0; i < G_N_ELEMENTS (classes) && klass == NULL; i++)
    {
      if (g_once_init_enter (&classes[i]))
        g_once_init_leave (&classes[i], g_type_class_ref (i == 0   ? DESK_TYPE_PLATFORM
                                                          : i == 1 ? DESK_TYPE_CASE_TYPE
                                                                   : DESK_TYPE_CASE_STATUS));
      if (G_TYPE_FROM_CLASS (classes[i]) == type)
        klass = classes[i];
    }
  for (guint i = 0; i < klass->n_values; i++)
    if (strcmp (klass->values[i].value_nick, nick) == 0)
      return klass->values[i].value;
  return fallback;
}

const char *
desk_case_type_to_id (DeskCaseType type)
{
  return enum_nick (DESK_TYPE_CASE_TYPE, type);
}

DeskCaseType
desk_case_type_from_id (const char *id)
{
  return enum_from_nick (DESK_TYPE_CASE_TYPE, id, DESK_CASE_TYPE_UNKNOWN);
}

const char *
desk_case_type_get_label (DeskCaseType type)
{
  switch (type)
    {
      case DESK_CASE_TYPE_LISTING_TAKEDOWN: return _ ("Listing takedown");
      case DESK_CASE_TYPE_QUALIFICATION_MISSING: return _ ("Missing qualification");
      case DESK_CASE_TYPE_QUALITY_INSPECTION: return _ ("Quality inspection");
      case DESK_CASE_TYPE_IP_COMPLAINT: return _ ("IP complaint");
      case DESK_CASE_TYPE_STORE_COMPLAINT: return _ ("Store complaint");
      case DESK_CASE_TYPE_ACTIVITY_EXIT: return _ ("Campaign exit");
      /* Translators: 跟卖, other sellers copying your listing */
      case DESK_CASE_TYPE_RESELLER: return _ ("Listing copied by resellers");
      case DESK_CASE_TYPE_ACCOUNT_HEALTH: return _ ("Account health");
      case DESK_CASE_TYPE_UNKNOWN:
      default:
        return _ ("Unknown case type");
    }
}

const char *
desk_case_type_get_blurb (DeskCaseType type)
{
  switch (type)
    {
      case DESK_CASE_TYPE_LISTING_TAKEDOWN:
        return _ ("A listing was removed, e.g. for banned words, medical claims, comparison images or a wrong category.");
      case DESK_CASE_TYPE_QUALIFICATION_MISSING:
        return _ ("A certificate such as CE, FCC, UKCA, SIRIM or BPOM is missing, expired or lacks the issuer’s seal.");
      case DESK_CASE_TYPE_QUALITY_INSPECTION:
        return _ ("A sampled product failed inspection; you need to read the test report, fix the cause and re-test.");
      case DESK_CASE_TYPE_IP_COMPLAINT:
        return _ ("A trademark, copyright or patent complaint, TRO or DMCA notice; answer with a counter-notice and your authorization chain.");
      case DESK_CASE_TYPE_STORE_COMPLAINT:
        return _ ("A complaint about listing information (false advertising, prohibited item) or fulfilment (late shipment, wrong item).");
      case DESK_CASE_TYPE_ACTIVITY_EXIT:
        return _ ("Removed from a campaign such as Flash Deals or Coupons because of fulfilment metrics.");
      case DESK_CASE_TYPE_RESELLER:
        return _ ("Other sellers copy your title, images, details or SKU; you file the complaint.");
      case DESK_CASE_TYPE_ACCOUNT_HEALTH:
        return _ ("Your account is under review or has a performance warning, possibly on several platforms.");
      case DESK_CASE_TYPE_UNKNOWN:
      default:
        return "";
    }
}

const char *
desk_case_status_to_id (DeskCaseStatus status)
{
  return enum_nick (DESK_TYPE_CASE_STATUS, status);
}

DeskCaseStatus
desk_case_status_from_id (const char *id)
{
  return enum_from_nick (DESK_TYPE_CASE_STATUS, id, DESK_CASE_STATUS_DRAFT);
}

const char *
desk_case_status_get_label (DeskCaseStatus status)
{
  switch (status)
    {
      case DESK_CASE_STATUS_SUBMITTED: return _ ("Submitted");
      /* Translators: case status: the platform is reviewing the appeal */
      case DESK_CASE_STATUS_PENDING: return _ ("Under review");
      case DESK_CASE_STATUS_RESOLVED: return _ ("Resolved");
      case DESK_CASE_STATUS_REJECTED: return _ ("Rejected");
      case DESK_CASE_STATUS_CLOSED: return _ ("Closed");
      case DESK_CASE_STATUS_DRAFT:
      default:
        /* Translators: case status: not yet submitted */
        return _ ("Draft");
    }
}

char *
desk_time_to_iso8601 (GDateTime *time)
{
  g_autoptr (GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

GDateTime *
desk_time_from_iso8601 (const char *text)
{
  g_autoptr (GTimeZone) utc = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (text, utc);
}

char *
desk_time_format_local (GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("—");
  local = g_date_time_to_local (time);
  /* Translators: date and time format, see g_date_time_format() */
  return g_date_time_format (local, _ ("%Y-%m-%d %H:%M"));
}

const char *
desk_locale_dir (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (g_getenv ("APPEAL_DESK_LOCALEDIR"))
    return g_getenv ("APPEAL_DESK_LOCALEDIR");
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

GDateTime *
desk_time_parse_local (const char *text)
{
  g_autoptr (GDateTime) local = NULL;
  int  y, mo, d, h, mi;
  char sep, end;

  if (text == NULL || sscanf (text, " %d-%d-%d%c%d:%d %c", &y, &mo, &d, &sep, &h, &mi, &end) != 6)
    return NULL;
  if ((sep != ' ' && sep != 'T') || h < 0 || h > 23 || mi < 0 || mi > 59 || y < 2000 || y > 9999)
    return NULL;
  if (!(local = g_date_time_new_local (y, mo, d, h, mi, 0)))
    return NULL;
  return g_date_time_to_utc (local);
}

char *
desk_time_format_short (GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("—");
  local = g_date_time_to_local (time);
  /* Translators: day, month and time in a sentence ("Wait until 2 Dec 20:02"),
   * see g_date_time_format(); zh_CN: "%-m月%-d日 %H:%M" */
  return g_date_time_format (local, C_ ("short date", "%-d %b %H:%M"));
}

/* A deadline before there is a case (the wizard's) is judged as a draft's,
 * by the one rule. */
DeskDeadlineState
desk_deadline_get_state (GDateTime *deadline,
                         GDateTime *now)
{
  return desk_deadline_state_compute (DESK_CASE_STATUS_DRAFT,
                                      deadline ? g_date_time_to_unix (deadline) : G_MININT64,
                                      g_date_time_to_unix (now));
}

static char *
format_span (GTimeSpan span)
{
  gint64 minutes = span / G_TIME_SPAN_MINUTE;
  gint64 days = minutes / (24 * 60);
  gint64 hours = (minutes / 60) % 24;
  gint64 mins = minutes % 60;

  if (days > 0)
    /* Translators: a duration, e.g. "2 d 5 h" */
    return g_strdup_printf (_ ("%d d %d h"), (int)days, (int)hours);
  if (hours > 0)
    /* Translators: a duration, e.g. "3 h 10 min" */
    return g_strdup_printf (_ ("%d h %d min"), (int)hours, (int)mins);
  /* Translators: a duration, e.g. "25 min" */
  return g_strdup_printf (_ ("%d min"), (int)mins);
}

char *
desk_deadline_format_countdown (GDateTime *deadline,
                                GDateTime *now)
{
  g_autofree char *span = NULL;
  GTimeSpan        left;

  if (deadline == NULL)
    return g_strdup (_ ("No deadline"));
  left = g_date_time_difference (deadline, now);
  if (left <= 0)
    {
      span = format_span (-left);
      /* Translators: %s is a duration such as "2 h 5 min" */
      return g_strdup_printf (_ ("Overdue by %s"), span);
    }
  span = format_span (left);
  /* Translators: %s is a duration such as "2 d 5 h" */
  return g_strdup_printf (_ ("%s left"), span);
}

char *
desk_text_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *normal = NULL;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  normal = g_utf8_normalize (valid, -1, G_NORMALIZE_ALL_COMPOSE);
  return g_utf8_casefold (normal ? normal : valid, -1);
}
