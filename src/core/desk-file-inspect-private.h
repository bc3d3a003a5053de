/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-file-inspect.h"

G_BEGIN_DECLS

/* RFC 5322 "Tue, 1 Jul 2025 10:00:00 +0800" (day name and seconds optional). */
GDateTime *_desk_date_parse_rfc2822 (const char *text);
/* ISO 8601, RFC 5322 or EXIF "YYYY:MM:DD HH:MM:SS"; local time when the text
 * has no zone. NULL when none fits. */
GDateTime *_desk_date_parse_loose (const char *text);
/* Decodes RFC 2047 encoded words (=?GBK?B?…?=) to UTF-8; bytes outside them
 * that are not UTF-8 are read as GB18030, else Latin-1. */
char *_desk_mime_decode_header (const char *raw);
/* The unfolded, undecoded value of header @name in the header block at the
 * start of @data (up to the first empty line), or NULL. */
char *_desk_mime_find_header (const char *data,
                              gsize       len,
                              const char *name);

G_END_DECLS
