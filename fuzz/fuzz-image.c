/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "desk-image-info-private.h"

/* The image parsers Appeal Desk wrote itself (EXIF in JPEG and TIFF, PNG
 * chunks, WebP size): they read offsets the file claims. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  DeskExifData     exif = { 0 };
  g_autofree char *creation = NULL;
  int              w = 0, h = 0;

  GDateTime       *date;

  if (_desk_exif_parse_jpeg (data, size, &exif) || _desk_exif_parse_tiff (data, size, &exif))
    {
      date = _desk_exif_date_parse (exif.date_time_original, exif.offset_time_original);
      if (date)
        g_date_time_unref (date);
    }
  _desk_png_parse (data, size, &exif, &creation);
  _desk_webp_get_size (data, size, &w, &h);
  return 0;
}
