/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-metrics"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "desk-csv.h"
#include "desk-order-export.h"

G_DEFINE_QUARK (desk - metrics - error - quark, desk_metrics_error)

#define MAX_PROBLEMS 1000

/* Offsets of a zone by quarter hour (zone changes fall on quarter hours),
 * direct-mapped: a year of orders finds almost every lookup here. */
#define ZONE_CACHE_SIZE 4096
typedef struct
{
  gint64 key[ZONE_CACHE_SIZE]; /* quarter hour + 1; 0 = empty */
  int    offset[ZONE_CACHE_SIZE];
} DeskZoneCache;

static int
zone_offset (GTimeZone     *zone,
             DeskZoneCache *cache,
             GTimeType      type,
             gint64        *time)
{
  gint64 quarter = (*time >= 0 ? *time / 900 : (*time - 899) / 900) + 1;
  guint  slot = (guint)(quarter & (ZONE_CACHE_SIZE - 1));
  gint64 adjusted = *time;
  int    interval;

  if (cache && cache->key[slot] == quarter)
    return cache->offset[slot];
  interval = type == G_TIME_TYPE_UNIVERSAL ? g_time_zone_find_interval (zone, type, adjusted) : g_time_zone_adjust_time (zone, type, &adjusted);
  if (adjusted != *time) /* a local time skipped by a change: not cached */
    {
      *time = adjusted;
      return g_time_zone_get_offset (zone, interval);
    }
  if (cache == NULL)
    return g_time_zone_get_offset (zone, interval);
  cache->key[slot] = quarter;
  cache->offset[slot] = g_time_zone_get_offset (zone, interval);
  return cache->offset[slot];
}

static DeskZoneCache *local_cache_for (GTimeZone *zone);

struct _DeskOrderExport
{
  GArray       *orders; /* DeskOrder */
  GStringChunk *strings;
  GPtrArray    *problems;
  GTimeZone    *zone;
  const char   *encoding;
  char          separator;
  guint         n_rows;
  guint         n_skipped;
  gint64        as_of;
  gboolean      has_field[DESK_N_ORDER_FIELDS];
  /* Statuses and carriers repeat: what each interned string means, once. */
  GHashTable   *cancelled_cache; /* interned status → GINT_TO_POINTER (1 + is cancelled) */
  GHashTable   *official_cache;  /* interned carrier → GINT_TO_POINTER (1 + is official) */
  DeskZoneCache utc_cache;
};

static void
problem_free (DeskOrderProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

void
desk_order_export_free (DeskOrderExport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->orders, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->cancelled_cache, g_hash_table_unref);
  g_clear_pointer (&self->official_cache, g_hash_table_unref);
  g_free (self);
}

/* Times */

static gint64
days_from_civil (int      y,
                 unsigned m,
                 unsigned d)
{
  /* Howard Hinnant's algorithm: proleptic Gregorian date → days since 1970-01-01. */
  y -= m <= 2;
  {
    const gint64   era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return era * 146097 + (gint64)doe - 719468;
  }
}

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             int         *out)
{
  guint n = 0;
  int   value = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[0]))
    value = value * 10 + (*(*p)++ - '0'), n++;
  *out = value;
  return n >= min_digits;
}

static gboolean
read_zone (const char *p,
           gboolean   *has_zone,
           int        *offset)
{
  int hours = 0, minutes = 0, sign;

  while (*p == ' ')
    p++;
  *has_zone = FALSE;
  *offset = 0;
  if (*p == '\0')
    return TRUE;
  if (*p == 'Z' || g_str_has_prefix (p, "UTC") || g_str_has_prefix (p, "GMT"))
    {
      p += *p == 'Z' ? 1 : 3;
      *has_zone = TRUE;
      if (*p == '\0')
        return TRUE;
    }
  if (*p != '+' && *p != '-')
    return FALSE;
  sign = *p++ == '-' ? -1 : 1;
  if (!read_number (&p, 1, 2, &hours))
    return FALSE;
  if (*p == ':')
    p++;
  read_number (&p, 0, 2, &minutes);
  *has_zone = TRUE;
  *offset = sign * (hours * 3600 + minutes * 60);
  return *p == '\0' && hours <= 14 && minutes < 60;
}

gboolean
desk_order_parse_time (const char *text,
                       GTimeZone  *zone,
                       gint64     *utc)
{
  const char *p = text;
  int         y, mo, d, h = 0, mi = 0, s = 0, offset = 0;
  gboolean    has_zone = FALSE;
  gint64      local;

  while (*p == ' ')
    p++;
  if (!read_number (&p, 1, 4, &y))
    return FALSE;
  if (*p == '.' && p - text <= 2 + (text[0] == ' ')) /* 01.11.2026 */
    {
      d = y;
      p++;
      if (!read_number (&p, 1, 2, &mo) || *p++ != '.' || !read_number (&p, 4, 4, &y))
        return FALSE;
    }
  else
    {
      char sep = *p;

      if (y < 1000 || (sep != '-' && sep != '/' && sep != '.'))
        return FALSE;
      p++;
      if (!read_number (&p, 1, 2, &mo) || *p++ != sep || !read_number (&p, 1, 2, &d))
        return FALSE;
    }
  if (*p == 'T' || *p == ' ')
    {
      while (*p == 'T' || *p == ' ')
        p++;
      if (g_ascii_isdigit (*p))
        {
          if (!read_number (&p, 1, 2, &h) || *p++ != ':' || !read_number (&p, 2, 2, &mi))
            return FALSE;
          if (*p == ':' && !(p++, read_number (&p, 2, 2, &s)))
            return FALSE;
          if (*p == '.' || *p == ',')
            for (p++; g_ascii_isdigit (*p); p++)
              ;
        }
    }
  if (!read_zone (p, &has_zone, &offset))
    return FALSE;
  if (mo < 1 || mo > 12 || d < 1 || d > g_date_get_days_in_month (mo, y) || h > 23 || mi > 59 || s > 60)
    return FALSE;
  local = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
  if (!has_zone)
    offset = zone_offset (zone, local_cache_for (zone), G_TIME_TYPE_STANDARD, &local);
  *utc = local - offset;
  return TRUE;
}

/* Naive times are parsed without an export at hand (desk_order_parse_time()):
 * one cache per thread, for the zone last used. */
static DeskZoneCache *
local_cache_for (GTimeZone *zone)
{
  static GPrivate cache_key = G_PRIVATE_INIT (g_free);
  static GPrivate zone_key = G_PRIVATE_INIT ((GDestroyNotify)g_time_zone_unref);
  DeskZoneCache  *cache = g_private_get (&cache_key);

  if (cache == NULL)
    g_private_set (&cache_key, (cache = g_new0 (DeskZoneCache, 1)));
  if (g_private_get (&zone_key) != zone)
    {
      memset (cache, 0, sizeof *cache);
      g_private_replace (&zone_key, g_time_zone_ref (zone));
    }
  return cache;
}

gint32
desk_order_export_local_day (DeskOrderExport *self,
                             gint64           utc)
{
  gint64 local = utc + zone_offset (self->zone, &self->utc_cache, G_TIME_TYPE_UNIVERSAL, &utc);

  return (gint32)(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

/* Tracking numbers */

gboolean
desk_tracking_number_is_plausible (const char *number)
{
  static const char *const placeholders[] = { "test", "none", "na", "null", "无", "暂无", "tbd", "0", NULL };
  g_autofree char         *key = NULL;
  gsize                    len = 0, digits = 0;
  gboolean                 same = TRUE, rising = TRUE, falling = TRUE;
  char                     prev = 0;

  if (number == NULL)
    return FALSE;
  while (*number == ' ')
    number++;
  key = g_ascii_strdown (number, -1);
  g_strstrip (key);
  for (guint i = 0; placeholders[i]; i++)
    if (g_str_equal (key, placeholders[i]) || g_str_has_prefix (key, "test"))
      return FALSE;
  for (const char *p = key; *p; p++)
    {
      char c = *p;

      if (!g_ascii_isalnum (c) && c != '-')
        return FALSE;
      if (c == '-')
        continue;
      if (g_ascii_isdigit (c))
        {
          if (digits > 0)
            {
              rising = rising && c == prev + 1;
              falling = falling && c == prev - 1;
            }
          prev = c;
          digits++;
        }
      if (len > 0 && c != key[0])
        same = FALSE;
      len++;
    }
  if (len < 8 || len > 40 || digits < 4 || same)
    return FALSE;
  /* 12345678 or 87654321 and nothing else. */
  return !(digits == len && (rising || falling));
}

/* Headers */

static gboolean
is_truthy (const char *value)
{
  static const char *const yes[] = { "1", "y", "yes", "true", "是", "参加", "参与", "活动", "да", "✓", "√", NULL };
  g_autofree char         *key = g_utf8_casefold (value, -1);

  g_strstrip (key);
  return g_strv_contains (yes, key);
}

static void
map_columns (char                   **fields,
             guint                    n_fields,
             const DeskActivityRules *rules,
             GHashTable              *user_columns,
             int                      columns[DESK_N_ORDER_FIELDS])
{
  for (guint f = 0; f < DESK_N_ORDER_FIELDS; f++)
    columns[f] = -1;
  for (guint i = 0; i < n_fields; i++)
    {
      DeskOrderField field = DESK_N_ORDER_FIELDS;

      if (user_columns)
        {
          g_autofree char *key = desk_activity_normalize_key (fields[i]);

          field = desk_order_field_from_id (g_hash_table_lookup (user_columns, key));
        }
      if (field == DESK_N_ORDER_FIELDS)
        field = desk_activity_rules_match_header (rules, fields[i]);
      if (field < DESK_N_ORDER_FIELDS && columns[field] < 0)
        columns[field] = i;
    }
}

static gboolean
check_size (GBytes  *data,
            GError **error)
{
  if (g_bytes_get_size (data) > DESK_ORDER_EXPORT_MAX_BYTES)
    {
      g_set_error (error, DESK_METRICS_ERROR, DESK_METRICS_ERROR_TOO_LARGE,
                   _ ("The order export is larger than %d MB. Export a shorter period (the metrics need the last 60 days at most)."),
                   DESK_ORDER_EXPORT_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

static DeskCsvReader *
open_reader (GBytes  *data,
             GError **error)
{
  g_autoptr (GError) local_error = NULL;
  DeskCsvReader *reader;

  if (!check_size (data, error))
    return NULL;
  reader = desk_csv_reader_new (data, &local_error);
  if (reader == NULL)
    g_set_error (error, DESK_METRICS_ERROR, DESK_METRICS_ERROR_UNREADABLE,
                 _ ("This order export cannot be read: %s"), local_error->message);
  return reader;
}

GStrv
desk_order_export_read_headers (GBytes  *data,
                                GError **error)
{
  g_autoptr (DeskCsvReader) reader = open_reader (data, error);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  char   **fields;
  guint    n_fields, line;
  gboolean unterminated;

  if (reader == NULL)
    return NULL;
  if (desk_csv_reader_next (reader, &fields, &n_fields, &line, &unterminated))
    for (guint i = 0; i < n_fields; i++)
      g_strv_builder_add (builder, g_strstrip (fields[i]));
  return g_strv_builder_end (builder);
}

static void
add_problem (DeskOrderExport *self,
             guint            line,
             char            *message)
{
  self->n_skipped++;
  if (self->problems->len < MAX_PROBLEMS)
    {
      DeskOrderProblem *problem = g_new0 (DeskOrderProblem, 1);

      problem->line = line;
      problem->message = message;
      g_ptr_array_add (self->problems, problem);
    }
  else
    g_free (message);
}

static gboolean
missing_columns_error (int      columns[DESK_N_ORDER_FIELDS],
                       char   **fields,
                       guint    n_fields,
                       GError **error)
{
  g_autoptr (GString) found = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (found, "%s“%s”", i ? ", " : "", fields[i]);
  for (DeskOrderField f = DESK_ORDER_FIELD_ORDER_ID; f <= DESK_ORDER_FIELD_CREATED_AT; f++)
    if (columns[f] < 0)
      {
        g_set_error (error, DESK_METRICS_ERROR, DESK_METRICS_ERROR_MISSING_COLUMN,
                     /* Translators: first %s is a column such as "Order time", second the file's column names */
                     _ ("No column of the export was recognised as “%s”. The columns are: %s. Say which one it is, and it will be remembered."),
                     desk_order_field_get_label (f), found->str);
        return FALSE;
      }
  return TRUE;
}

/* One time field: absent is fine, garbage is a bad row. */
static gboolean
read_time_field (DeskOrderExport *self,
                 char           **fields,
                 int              column,
                 DeskOrderField   field,
                 guint            line,
                 gint64          *out)
{
  const char *text;

  *out = 0;
  if (column < 0)
    return TRUE;
  text = fields[column];
  while (*text == ' ')
    text++;
  if (*text == '\0' || g_str_equal (text, "-") || g_str_equal (text, "--"))
    return TRUE;
  if (!desk_order_parse_time (text, self->zone, out))
    {
      /* Translators: %u is a line number, first %s a column name, second the value */
      add_problem (self, line, g_strdup_printf (_ ("Line %u: “%s” is not a date and time: “%s”."), line, desk_order_field_get_label (field), text));
      return FALSE;
    }
  self->as_of = MAX (self->as_of, *out);
  return TRUE;
}

static const char *
field_text (char **fields,
            int    column)
{
  return column >= 0 ? g_strstrip (fields[column]) : "";
}

static gboolean
read_rating (DeskOrderExport *self,
             const char      *text,
             guint            line,
             gint8           *rating)
{
  char  *end = NULL;
  double value;

  *rating = 0;
  if (*text == '\0')
    return TRUE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || value < 1 || value > 5)
    {
      add_problem (self, line, g_strdup_printf (_ ("Line %u: the review rating “%s” is not a number from 1 to 5."), line, text));
      return FALSE;
    }
  *rating = (gint8)(value + 0.5);
  return TRUE;
}

typedef gboolean (*Classify) (const DeskActivityRules *rules,
                              const char              *text);

static gboolean
classify (GHashTable              *cache,
          const char              *interned,
          const DeskActivityRules *rules,
          Classify                 func)
{
  int known = GPOINTER_TO_INT (g_hash_table_lookup (cache, interned));

  if (known == 0)
    {
      known = 1 + func (rules, interned);
      g_hash_table_insert (cache, (gpointer)interned, GINT_TO_POINTER (known));
    }
  return known == 2;
}

static gboolean
read_row (DeskOrderExport         *self,
          const DeskActivityRules *rules,
          char                   **fields,
          guint                    n_fields,
          guint                    line,
          const int                columns[DESK_N_ORDER_FIELDS],
          guint                    n_header,
          DeskOrder               *order)
{
  const char *id, *status, *tracking, *review;

  if (n_fields < n_header)
    {
      /* Translators: %u are a line number and two counts */
      add_problem (self, line, g_strdup_printf (_ ("Line %u has %u columns, the header has %u."), line, n_fields, n_header));
      return FALSE;
    }
  id = field_text (fields, columns[DESK_ORDER_FIELD_ORDER_ID]);
  if (*id == '\0')
    {
      add_problem (self, line, g_strdup_printf (_ ("Line %u has no order number."), line));
      return FALSE;
    }
  if (*field_text (fields, columns[DESK_ORDER_FIELD_CREATED_AT]) == '\0')
    {
      add_problem (self, line, g_strdup_printf (_ ("Line %u has no order time."), line));
      return FALSE;
    }
  if (!read_time_field (self, fields, columns[DESK_ORDER_FIELD_CREATED_AT], DESK_ORDER_FIELD_CREATED_AT, line, &order->created) || !read_time_field (self, fields, columns[DESK_ORDER_FIELD_SHIPPED_AT], DESK_ORDER_FIELD_SHIPPED_AT, line, &order->shipped) || !read_time_field (self, fields, columns[DESK_ORDER_FIELD_FIRST_EVENT_AT], DESK_ORDER_FIELD_FIRST_EVENT_AT, line, &order->first_event) || !read_time_field (self, fields, columns[DESK_ORDER_FIELD_LAST_EVENT_AT], DESK_ORDER_FIELD_LAST_EVENT_AT, line, &order->last_event) || !read_time_field (self, fields, columns[DESK_ORDER_FIELD_DELIVERED_AT], DESK_ORDER_FIELD_DELIVERED_AT, line, &order->delivered) || !read_rating (self, field_text (fields, columns[DESK_ORDER_FIELD_RATING]), line, &order->rating))
    return FALSE;

  order->line = line;
  order->order_id = g_string_chunk_insert (self->strings, id);
  order->sku = g_string_chunk_insert_const (self->strings, field_text (fields, columns[DESK_ORDER_FIELD_SKU]));
  order->carrier = g_string_chunk_insert_const (self->strings, field_text (fields, columns[DESK_ORDER_FIELD_CARRIER]));
  order->day = desk_order_export_local_day (self, order->created);
  status = g_string_chunk_insert_const (self->strings, field_text (fields, columns[DESK_ORDER_FIELD_STATUS]));
  order->cancelled = classify (self->cancelled_cache, status, rules, desk_activity_rules_is_cancelled_status);
  tracking = field_text (fields, columns[DESK_ORDER_FIELD_TRACKING_NUMBER]);
  order->has_tracking = *tracking != '\0';
  order->tracking_plausible = desk_tracking_number_is_plausible (tracking);
  order->official = classify (self->official_cache, order->carrier, rules, desk_activity_rules_is_official_carrier);
  order->campaign = columns[DESK_ORDER_FIELD_CAMPAIGN] >= 0 && is_truthy (fields[columns[DESK_ORDER_FIELD_CAMPAIGN]]);
  review = field_text (fields, columns[DESK_ORDER_FIELD_REVIEW]);
  order->has_review = order->rating > 0 || *review != '\0';
  order->negative_text = desk_activity_rules_is_negative_text (rules, review);
  return TRUE;
}

/* The same tracking number on three or more orders is not a real parcel's. */
static void
mark_shared_tracking_numbers (DeskOrderExport *self,
                              GPtrArray       *numbers)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < numbers->len; i++)
    {
      const char *number = g_ptr_array_index (numbers, i);

      if (number)
        g_hash_table_insert (counts, (gpointer)number, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, number)) + 1));
    }
  for (guint i = 0; i < numbers->len; i++)
    {
      const char *number = g_ptr_array_index (numbers, i);

      if (number && GPOINTER_TO_UINT (g_hash_table_lookup (counts, number)) >= 3)
        g_array_index (self->orders, DeskOrder, i).tracking_plausible = FALSE;
    }
}

DeskOrderExport *
desk_order_export_read (GBytes                  *data,
                        const DeskActivityRules *rules,
                        GHashTable              *user_columns,
                        GTimeZone               *zone,
                        GCancellable            *cancellable,
                        GError                 **error)
{
  g_autoptr (DeskOrderExport) self = g_new0 (DeskOrderExport, 1);
  g_autoptr (DeskCsvReader) reader = open_reader (data, error);
  g_autoptr (GPtrArray) numbers = g_ptr_array_new ();
  int      columns[DESK_N_ORDER_FIELDS];
  char   **fields;
  guint    n_fields, line, n_header;
  gboolean unterminated;

  if (reader == NULL)
    return NULL;
  self->orders = g_array_sized_new (FALSE, TRUE, sizeof (DeskOrder), g_bytes_get_size (data) / 120 + 16);
  self->strings = g_string_chunk_new (64 * 1024);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);
  self->zone = g_time_zone_ref (zone);
  self->cancelled_cache = g_hash_table_new (NULL, NULL);
  self->official_cache = g_hash_table_new (NULL, NULL);
  self->encoding = desk_csv_reader_get_encoding (reader);
  self->separator = desk_csv_reader_get_separator (reader);

  desk_csv_reader_next (reader, &fields, &n_fields, &line, &unterminated);
  for (guint i = 0; i < n_fields; i++)
    g_strstrip (fields[i]);
  map_columns (fields, n_fields, rules, user_columns, columns);
  if (!missing_columns_error (columns, fields, n_fields, error))
    return NULL;
  n_header = n_fields;
  for (guint f = 0; f < DESK_N_ORDER_FIELDS; f++)
    self->has_field[f] = columns[f] >= 0;

  while (desk_csv_reader_next (reader, &fields, &n_fields, &line, &unterminated))
    {
      DeskOrder order = { 0 };

      if (n_fields == 1 && *fields[0] == '\0')
        continue; /* blank line */
      self->n_rows++;
      if ((self->n_rows & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (unterminated)
        {
          add_problem (self, line, g_strdup_printf (_ ("Line %u: a quoted field is not closed before the end of the file."), line));
          continue;
        }
      if (!read_row (self, rules, fields, n_fields, line, columns, n_header, &order))
        continue;
      g_array_append_val (self->orders, order);
      g_ptr_array_add (numbers, order.has_tracking ? g_string_chunk_insert_const (self->strings, field_text (fields, columns[DESK_ORDER_FIELD_TRACKING_NUMBER])) : NULL);
    }
  if (self->orders->len == 0)
    {
      g_set_error_literal (error, DESK_METRICS_ERROR, DESK_METRICS_ERROR_NO_ROWS,
                           _ ("The order export has no usable orders."));
      return NULL;
    }
  mark_shared_tracking_numbers (self, numbers);
  return g_steal_pointer (&self);
}

guint
desk_order_export_get_n_orders (DeskOrderExport *self)
{
  return self->orders->len;
}

const DeskOrder *
desk_order_export_get_order (DeskOrderExport *self,
                             guint            index)
{
  g_return_val_if_fail (index < self->orders->len, NULL);
  return &g_array_index (self->orders, DeskOrder, index);
}

guint
desk_order_export_get_n_rows (DeskOrderExport *self)
{
  return self->n_rows;
}

guint
desk_order_export_get_n_skipped (DeskOrderExport *self)
{
  return self->n_skipped;
}

GPtrArray *
desk_order_export_get_problems (DeskOrderExport *self)
{
  return self->problems;
}

gboolean
desk_order_export_has_field (DeskOrderExport *self,
                             DeskOrderField   field)
{
  g_return_val_if_fail (field < DESK_N_ORDER_FIELDS, FALSE);
  return self->has_field[field];
}

gint64
desk_order_export_get_as_of (DeskOrderExport *self)
{
  return self->as_of;
}

GTimeZone *
desk_order_export_get_zone (DeskOrderExport *self)
{
  return self->zone;
}

const char *
desk_order_export_get_encoding (DeskOrderExport *self)
{
  return self->encoding;
}

char
desk_order_export_get_separator (DeskOrderExport *self)
{
  return self->separator;
}
