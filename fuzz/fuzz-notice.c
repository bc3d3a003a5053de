/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "desk-notice.h"

/* The notice decoder and the notice text check: any bytes a seller can
 * paste or a file can hold. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static GDateTime *received = NULL;
  g_autofree char  *text = NULL;
  g_autofree char  *raw = g_strndup ((const char *)data, size);
  DeskNotice       *notice;

  if (received == NULL)
    received = g_date_time_new_utc (2026, 11, 20, 8, 0, 0);
  text = desk_notice_text_from_data ((const char *)data, size, NULL);
  /* Refused text is still decodable as a paste (cut at the NUL). */
  notice = desk_notice_decode (text ? text : raw, received);
  (void)desk_notice_get_platform (notice);
  (void)desk_notice_get_deadline (notice);
  g_object_unref (notice);
  return 0;
}
