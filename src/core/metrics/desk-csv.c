/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-csv.h"

G_DEFINE_QUARK (desk - csv - error - quark, desk_csv_error)

struct _DeskCsvReader
{
  char       *owned; /* converted text, when the file was not UTF-8 */
  GBytes     *bytes;
  const char *text;
  const char *pos;
  const char *end;
  const char *encoding;
  char        separator;
  guint       line;
  GString    *buffer;  /* the current record's fields, NUL-separated */
  GArray     *offsets; /* start of each field in buffer */
  GPtrArray  *fields;
};

static char
guess_separator (const char *text,
                 const char *end)
{
  guint    counts[3] = { 0, 0, 0 };
  gboolean quoted = FALSE;

  for (const char *p = text; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ',')
        counts[0]++;
      else if (!quoted && *p == ';')
        counts[1]++;
      else if (!quoted && *p == '\t')
        counts[2]++;
    }
  if (counts[2] > counts[0] && counts[2] >= counts[1])
    return '\t';
  if (counts[1] > counts[0])
    return ';';
  return ',';
}

DeskCsvReader *
desk_csv_reader_new (GBytes  *data,
                     GError **error)
{
  g_autoptr (DeskCsvReader) self = g_new0 (DeskCsvReader, 1);
  gsize       size = 0;
  const char *text = g_bytes_get_data (data, &size);

  self->bytes = g_bytes_ref (data);
  self->buffer = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();
  self->line = 1;
  self->encoding = "UTF-8";

  if (size >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    text += 3, size -= 3;
  if (!g_utf8_validate_len (text, size, NULL))
    {
      gsize written = 0;

      /* Chinese seller centres and Excel on a Chinese Windows write GB18030. */
      self->owned = g_convert (text, size, "UTF-8", "GB18030", NULL, &written, NULL);
      if (self->owned == NULL || !g_utf8_validate_len (self->owned, written, NULL))
        {
          g_set_error_literal (error, DESK_CSV_ERROR, DESK_CSV_ERROR_ENCODING,
                               _ ("The file is neither UTF-8 nor GB18030 text. Export the orders again as CSV from the seller centre."));
          return NULL;
        }
      text = self->owned, size = written;
      self->encoding = "GB18030";
    }
  while (size > 0 && (text[0] == '\n' || text[0] == '\r'))
    text++, size--, self->line++;
  if (size == 0)
    {
      g_set_error_literal (error, DESK_CSV_ERROR, DESK_CSV_ERROR_EMPTY,
                           _ ("The file is empty."));
      return NULL;
    }
  self->text = self->pos = text;
  self->end = text + size;
  self->separator = guess_separator (text, self->end);
  return g_steal_pointer (&self);
}

void
desk_csv_reader_free (DeskCsvReader *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  if (self->buffer)
    g_string_free (self->buffer, TRUE);
  g_free (self->owned);
  g_free (self);
}

char
desk_csv_reader_get_separator (DeskCsvReader *self)
{
  return self->separator;
}

const char *
desk_csv_reader_get_encoding (DeskCsvReader *self)
{
  return self->encoding;
}

double
desk_csv_reader_get_fraction (DeskCsvReader *self)
{
  if (self->end == self->text)
    return 1.0;
  return (double)(self->pos - self->text) / (double)(self->end - self->text);
}

static void
end_field (DeskCsvReader *self)
{
  gsize start;

  g_string_append_c (self->buffer, '\0');
  start = self->buffer->len;
  g_array_append_val (self->offsets, start);
}

/* Reads a quoted field's body (after the opening quote); FALSE if the text ends first. */
static gboolean
read_quoted (DeskCsvReader *self)
{
  const char *p = self->pos;

  for (;;)
    {
      const char *q = memchr (p, '"', self->end - p);

      if (q == NULL)
        {
          for (const char *n = p; (n = memchr (n, '\n', self->end - n)); n++)
            self->line++;
          g_string_append_len (self->buffer, p, self->end - p);
          self->pos = self->end;
          return FALSE;
        }
      for (const char *n = p; (n = memchr (n, '\n', q - n)); n++)
        self->line++;
      g_string_append_len (self->buffer, p, q - p);
      if (q + 1 < self->end && q[1] == '"')
        {
          g_string_append_c (self->buffer, '"');
          p = q + 2;
          continue;
        }
      self->pos = q + 1;
      return TRUE;
    }
}

gboolean
desk_csv_reader_next (DeskCsvReader *self,
                      char        ***fields,
                      guint         *n_fields,
                      guint         *line,
                      gboolean      *unterminated)
{
  const char sep = self->separator;
  gsize      zero = 0;
  gboolean   field_start = TRUE;

  *unterminated = FALSE;
  if (self->pos >= self->end)
    return FALSE;
  g_string_truncate (self->buffer, 0);
  g_array_set_size (self->offsets, 0);
  g_array_append_val (self->offsets, zero);
  *line = self->line;

  while (self->pos < self->end)
    {
      const char *p = self->pos;
      char        c = *p;

      if (c == '"' && field_start)
        {
          field_start = FALSE;
          self->pos++;
          if (!read_quoted (self))
            *unterminated = TRUE;
          continue;
        }
      if (c == sep)
        {
          end_field (self);
          field_start = TRUE;
          self->pos++;
          continue;
        }
      if (c == '\n' || c == '\r')
        {
          self->pos++;
          if (c == '\r' && self->pos < self->end && *self->pos == '\n')
            self->pos++;
          self->line++;
          break;
        }
      /* Plain run up to the next separator, quote or line end. */
      field_start = FALSE;
      while (p < self->end && *p != sep && *p != '\n' && *p != '\r' && *p != '"')
        p++;
      if (p == self->pos) /* a quote inside an unquoted field: kept as it is */
        p++;
      g_string_append_len (self->buffer, self->pos, p - self->pos);
      self->pos = p;
    }
  g_string_append_c (self->buffer, '\0');

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < self->offsets->len; i++)
    g_ptr_array_add (self->fields, self->buffer->str + g_array_index (self->offsets, gsize, i));
  *fields = (char **)self->fields->pdata;
  *n_fields = self->fields->len;
  return TRUE;
}
