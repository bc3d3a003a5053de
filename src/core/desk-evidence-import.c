/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence"

#include "config.h"

#include "desk-json.h"

#include <glib/gi18n.h>

#include "desk-evidence-store-private.h"
#include "desk-file-inspect.h"
#include "desk-pdf-document.h"
#include "desk-util.h"

#define QUERY_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_ACCESS_CAN_READ

void
_desk_imported_free (DeskImported *imported)
{
  if (imported == NULL)
    return;
  g_free (imported->sha256);
  g_free (imported->name);
  g_free (imported->mime_type);
  g_free (imported->metadata_json);
  g_clear_pointer (&imported->writer, desk_blob_writer_free);
  g_free (imported);
}

/* The name as the user knows it: UTF-8 even when the file system's bytes are
 * not, never a path. */
static char *
file_display_name (GFile     *file,
                   GFileInfo *info)
{
  g_autofree char *base = g_file_get_basename (file);
  const char      *display = info ? g_file_info_get_display_name (info) : NULL;

  if (display && *display)
    return g_strdup (display);
  return base ? g_filename_display_name (base) : g_strdup ("");
}

static gboolean
set_query_error (GError     *cause,
                 const char *name,
                 GError    **error)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    /* Translators: %s is a file name */
    g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_MISSING,
                 _ ("“%s” does not exist. Check the name and the folder, then add it again."), name);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_UNREADABLE,
                 _ ("“%s” cannot be read: permission denied. Copy it somewhere you can open it, then add the copy."), name);
  else
    /* Translators: %s is a file name, then the system's reason */
    g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_UNREADABLE,
                 _ ("“%s” cannot be read: %s"), name, cause->message);
  return FALSE;
}

static gboolean
check_type (GFileInfo  *info,
            const char *name,
            GError    **error)
{
  GFileType type = g_file_info_get_file_type (info);

  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_DIRECTORY,
                   _ ("“%s” is a folder. Add the files inside it instead."), name);
      return FALSE;
    }
  if (type == G_FILE_TYPE_SYMBOLIC_LINK) /* only when its target is missing */
    {
      g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_MISSING,
                   _ ("“%s” is a link to a file that no longer exists. Add the file itself."), name);
      return FALSE;
    }
  if (type != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_SPECIAL,
                   _ ("“%s” is not a regular file (a device, pipe or socket). Save the document as a file, then add it."), name);
      return FALSE;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ)
      && !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_UNREADABLE,
                   _ ("“%s” cannot be read: permission denied. Copy it somewhere you can open it, then add the copy."), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_size (goffset     size,
            const char *name,
            GError    **error)
{
  if (size == 0)
    {
      g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_EMPTY,
                   _ ("“%s” is empty (0 bytes). Save or download the document again, then add it."), name);
      return FALSE;
    }
  if (size > DESK_EVIDENCE_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (DESK_EVIDENCE_MAX_SIZE);
      g_autofree char *actual = g_format_size (size);

      /* Translators: %s are a file name, its size and the limit */
      g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_TOO_LARGE,
                   _ ("“%s” is too large (%s; the limit is %s). No platform takes files this size: compress or split it."),
                   name, actual, limit);
      return FALSE;
    }
  return TRUE;
}

/* Everything that can be said about @file without reading it. */
static gboolean
check_file (GFile        *file,
            char        **name_out,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileInfo) info = g_file_query_info (file, QUERY_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                                  cancellable, &local_error);
  g_autofree char *name = file_display_name (file, info);

  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return set_query_error (local_error, name, error);
    }
  if (!check_type (info, name, error) || !check_size (g_file_info_get_size (info), name, error))
    return FALSE;
  *name_out = g_steal_pointer (&name);
  return TRUE;
}

static gboolean
copy_in (DeskBlobStore        *blobs,
         GFile                *file,
         DeskImported         *out,
         GCancellable         *cancellable,
         GFileProgressCallback progress,
         gpointer              progress_data,
         GError              **error)
{
  g_autoptr (GError) local_error = NULL;

  out->writer = desk_blob_store_stage (blobs, file, progress, progress_data, cancellable, &local_error);
  if (out->writer != NULL)
    {
      out->size = desk_blob_writer_get_size (out->writer);
      out->sha256 = g_strdup (desk_blob_writer_get_sha256 (out->writer));
      return check_size (out->size, out->name, error); /* it may have changed meanwhile */
    }
  if (local_error->domain == G_IO_ERROR && local_error->code != G_IO_ERROR_CANCELLED)
    return set_query_error (local_error, out->name, error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Locked PDFs are kept (the seller may have the password); a PDF or image
 * that cannot be opened at all is refused. */
static gboolean
check_problem (DeskFileInfo *info,
               const char   *name,
               GError      **error)
{
  if (info->problem == NULL || g_error_matches (info->problem, DESK_PDF_ERROR, DESK_PDF_ERROR_ENCRYPTED))
    return TRUE;
  if (info->kind == DESK_FILE_KIND_PDF)
    /* Translators: %s is a file name */
    g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_DAMAGED,
                 _ ("“%s” is a damaged PDF and cannot be opened. Export or download it again from the original, then add the new copy."), name);
  else if (info->kind == DESK_FILE_KIND_IMAGE)
    g_set_error (error, DESK_EVIDENCE_ERROR, DESK_EVIDENCE_ERROR_DAMAGED,
                 _ ("“%s” is an image Appeal Desk cannot open (damaged, or a format this system cannot read). Save it again as PNG or JPEG, then add it."), name);
  else
    return TRUE;
  return FALSE;
}

static gboolean
inspect_copy (DeskBlobStore *blobs,
              DeskImported  *out,
              GCancellable  *cancellable,
              GError       **error)
{
  /* The staged copy, before it is stored: a refused file never becomes a
   * blob, and a crash during the inspection leaves only a dead temp file. */
  g_autoptr (GFile) staged = g_file_new_for_path (desk_blob_writer_get_temp_path (out->writer));
  g_autoptr (DeskFileInfo) info = desk_file_inspect (staged, out->name, cancellable, error);

  if (info == NULL || !check_problem (info, out->name, error))
    return FALSE;
  out->mime_type = g_strdup (info->mime_type ? info->mime_type : "application/octet-stream");
  out->metadata_json = desk_file_info_to_json_string (info);
  return TRUE;
}

DeskImported *
_desk_evidence_import (DeskBlobStore        *blobs,
                       GFile                *file,
                       GCancellable         *cancellable,
                       GFileProgressCallback progress,
                       gpointer              progress_data,
                       GError              **error)
{
  g_autoptr (DeskImported) out = g_new0 (DeskImported, 1);

  if (!check_file (file, &out->name, cancellable, error)
      || !copy_in (blobs, file, out, cancellable, progress, progress_data, error)
      || !inspect_copy (blobs, out, cancellable, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error)
      || !desk_blob_writer_publish (out->writer, error))
    return NULL;
  return g_steal_pointer (&out);
}
