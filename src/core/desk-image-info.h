/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DESK_IMAGE_ERROR (desk_image_error_quark ())

typedef enum
{
  DESK_IMAGE_ERROR_UNSUPPORTED, /* not an image, or no loader for its format */
  DESK_IMAGE_ERROR_EMPTY,       /* zero bytes */
  DESK_IMAGE_ERROR_IO,          /* cannot read the file */
} DeskImageError;

/* What a photo or screenshot says about itself. Dimensions are as stored;
 * a viewer swaps them for EXIF orientations 5–8. */
typedef struct
{
  int   width;
  int   height;
  char *format; /* "jpeg", "png", "webp", … (gdk-pixbuf names) */
  char *mime_type;
  guint orientation; /* EXIF 1–8, 0 when absent */
  /* When the picture was taken: EXIF DateTimeOriginal, else EXIF DateTime,
   * else PNG tEXt "Creation Time". An EXIF date has no time zone unless an
   * OffsetTime tag comes with it; without one the local zone is assumed.
   * NULL when none is found or it cannot be parsed. */
  GDateTime *taken;
  char      *taken_text; /* the date as written in the file, or NULL */
} DeskImageInfo;

#define DESK_TYPE_IMAGE_INFO (desk_image_info_get_type ())

GType  desk_image_info_get_type (void) G_GNUC_CONST;
GQuark desk_image_error_quark (void);

/* Blocking (it reads the first 256 KiB): call it from a thread, e.g.
 * through desk_file_inspect_async (). Dimensions come from gdk-pixbuf; for
 * WebP without the webp-pixbuf-loader, from the file's own header. */
DeskImageInfo *desk_image_info_load (GFile        *file,
                                     GCancellable *cancellable,
                                     GError      **error);
DeskImageInfo *desk_image_info_copy (const DeskImageInfo *info);
void           desk_image_info_free (DeskImageInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskImageInfo, desk_image_info_free)

G_END_DECLS
