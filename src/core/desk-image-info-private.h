/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-image-info.h"

G_BEGIN_DECLS

/* The EXIF fields we use, as NUL-terminated ASCII ("" when absent). */
typedef struct
{
  char  date_time_original[20]; /* "YYYY:MM:DD HH:MM:SS" */
  char  date_time[20];
  char  offset_time_original[8]; /* "+08:00" */
  char  offset_time[8];
  guint orientation; /* 1–8, 0 when absent */
} DeskExifData;

/* These parsers never read outside [data, data + len), whatever offsets the
 * file claims; they return FALSE when no EXIF block is found. */
gboolean _desk_exif_parse_jpeg (const guint8 *data,
                                gsize         len,
                                DeskExifData *exif);
/* A bare TIFF block ("II*\0…" or "MM\0*…"), as in APP1 after "Exif\0\0" or
 * in a PNG eXIf chunk. */
gboolean _desk_exif_parse_tiff (const guint8 *data,
                                gsize         len,
                                DeskExifData *exif);
/* Reads eXIf into @exif and the tEXt "Creation Time" into @creation_time. */
gboolean _desk_png_parse (const guint8 *data,
                          gsize         len,
                          DeskExifData *exif,
                          char        **creation_time);
gboolean _desk_webp_get_size (const guint8 *data,
                              gsize         len,
                              int          *width,
                              int          *height);
/* "YYYY:MM:DD HH:MM:SS" with an optional "+HH:MM" offset; NULL when invalid
 * or all zeros (the EXIF way of saying "unknown"). */
GDateTime *_desk_exif_date_parse (const char *date,
                                  const char *offset);

G_END_DECLS
