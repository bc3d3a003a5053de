/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DESK_CSV_ERROR (desk_csv_error_quark ())

typedef enum
{
  DESK_CSV_ERROR_EMPTY,
  DESK_CSV_ERROR_ENCODING,
} DeskCsvError;

GQuark desk_csv_error_quark (void);

/* A real CSV reader (RFC 4180 plus what seller centres export): UTF-8 with or
 * without BOM, or GB18030; comma, semicolon or tab, found from the header line;
 * quoted fields may hold separators, doubled quotes and line breaks. */
typedef struct _DeskCsvReader DeskCsvReader;

DeskCsvReader *desk_csv_reader_new (GBytes  *data,
                                    GError **error);
void           desk_csv_reader_free (DeskCsvReader *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCsvReader, desk_csv_reader_free)

char desk_csv_reader_get_separator (DeskCsvReader *self);
/* "UTF-8" or "GB18030": what the file was written in. */
const char *desk_csv_reader_get_encoding (DeskCsvReader *self);
/* The share of the text read so far, 0…1, for progress. */
double desk_csv_reader_get_fraction (DeskCsvReader *self);

/* The next record: @n_fields strings, valid until the next call. @line is the
 * file line the record starts on (1-based). @unterminated is set when the file
 * ends inside a quoted field. Returns FALSE at the end of the file. */
gboolean desk_csv_reader_next (DeskCsvReader *self,
                               char        ***fields,
                               guint         *n_fields,
                               guint         *line,
                               gboolean      *unterminated);

G_END_DECLS
