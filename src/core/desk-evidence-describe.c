/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-evidence"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-evidence.h"
#include "desk-util.h"

static const char *
kind_label (DeskEvidence *self)
{
  const char *mime = desk_evidence_get_mime_type (self);

  switch (desk_evidence_get_kind (self))
    {
      case DESK_EVIDENCE_KIND_PDF: return _ ("PDF");
      case DESK_EVIDENCE_KIND_TEXT: return _ ("Text");
      case DESK_EVIDENCE_KIND_EMAIL: return _ ("Email");
      case DESK_EVIDENCE_KIND_IMAGE:
        if (g_str_equal (mime, "image/png"))
          return _ ("PNG image");
        if (g_str_equal (mime, "image/jpeg"))
          return _ ("JPEG image");
        if (g_str_equal (mime, "image/webp"))
          return _ ("WebP image");
        return _ ("Image");
      case DESK_EVIDENCE_KIND_OTHER:
      default:
        return _ ("File");
    }
}

char *
desk_evidence_describe (DeskEvidence *self)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint pages = desk_evidence_get_page_count (self);
  int   w, h;

  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  g_ptr_array_add (parts, g_strdup (kind_label (self)));
  if (pages > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", pages), pages));
  if (desk_evidence_get_image_size (self, &w, &h))
    /* Translators: image size in pixels, width × height */
    g_ptr_array_add (parts, g_strdup_printf (_ ("%d × %d"), w, h));
  g_ptr_array_add (parts, g_format_size (desk_evidence_get_size (self)));
  g_ptr_array_add (parts, NULL);
  /* Translators: separator between parts of a file summary */
  return g_strjoinv (_ (" · "), (char **)parts->pdata);
}

static void
add_pdf_warnings (DeskEvidence        *self,
                  const DeskCaseRules *rules,
                  GPtrArray           *out)
{
  const char *pitfall;

  if (desk_evidence_get_pdf_repaired (self))
    g_ptr_array_add (out, g_strdup (_ ("This PDF is damaged (cut short, or with unreadable pages) but could be read. Check every page in the preview; if something is missing, ask the sender for a new copy.")));
  if (desk_evidence_get_text_layer_unknown (self))
    g_ptr_array_add (out, g_strdup (_ ("Appeal Desk stopped reading this PDF: it needed far more time or memory than a document should. Whether it has text is unknown. It may be damaged or made to harm: ask the sender for a new copy before you submit it.")));
  if (desk_evidence_get_encrypted (self))
    g_ptr_array_add (out, g_strdup (_ ("This PDF is protected by a password. Keep the password at hand, and remove the protection before you submit it: reviewers cannot open locked files.")));
  else if (desk_evidence_get_page_count (self) > 0 && desk_evidence_get_scan_only (self))
    {
      /* What the platform says about scans comes from its rule pack. */
      pitfall = desk_case_rules_find_pitfall (rules, DESK_PITFALL_PDF_SCAN_NOT_ACCEPTED, DESK_RULE_LANGUAGE_CURRENT);
      /* Translators: %s is a rule from the platform's rule pack */
      g_ptr_array_add (out, pitfall ? g_strdup_printf (_ ("This PDF is a scan without text. %s"), pitfall)
                                    : g_strdup (_ ("This PDF is a scan without text. Reviewers cannot search or copy it; if the platform asks for originals, add a photo of the stamped original too.")));
    }
}

static void
add_image_warnings (DeskEvidence        *self,
                    const DeskCaseRules *rules,
                    GPtrArray           *out)
{
  const char *pitfall;

  if (desk_evidence_get_exif_date (self) != NULL)
    return;
  pitfall = desk_case_rules_find_pitfall (rules, DESK_PITFALL_SCREENSHOT_NEEDS_TIMESTAMP, DESK_RULE_LANGUAGE_CURRENT);
  /* Translators: %s is a rule from the platform's rule pack */
  g_ptr_array_add (out, pitfall ? g_strdup_printf (_ ("This image carries no capture date, so Appeal Desk cannot prove when it was taken. %s"), pitfall)
                                : g_strdup (_ ("This image carries no capture date, so Appeal Desk cannot prove when it was taken. Make sure the screenshot itself shows the date and time.")));
}

char **
desk_evidence_get_warnings (DeskEvidence        *self,
                            const DeskCaseRules *rules)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  gint64 size;

  g_return_val_if_fail (DESK_IS_EVIDENCE (self), NULL);
  size = desk_evidence_get_size (self);
  if (size == 0)
    g_ptr_array_add (out, g_strdup (_ ("This file is empty. Add the real document instead.")));
  else if (size > DESK_EVIDENCE_WARN_SIZE)
    g_ptr_array_add (out, g_strdup (_ ("This file is very large. Platform upload forms usually take a few megabytes: compress it or split it before you submit.")));
  if (desk_evidence_get_name_mismatch (self))
    /* Translators: %s is a file type such as "image/png" */
    g_ptr_array_add (out, g_strdup_printf (_ ("The file name’s extension does not match its content (%s). Rename it with the right extension before you submit, or the platform may refuse it."),
                                           desk_evidence_get_mime_type (self)));
  switch (desk_evidence_get_kind (self))
    {
      case DESK_EVIDENCE_KIND_PDF:
        add_pdf_warnings (self, rules, out);
        break;
      case DESK_EVIDENCE_KIND_IMAGE:
        add_image_warnings (self, rules, out);
        break;
      case DESK_EVIDENCE_KIND_OTHER:
        g_ptr_array_add (out, g_strdup (_ ("Appeal Desk cannot read this kind of file. Platforms usually accept PDF, JPEG and PNG: convert it before you submit.")));
        break;
      case DESK_EVIDENCE_KIND_TEXT:
      case DESK_EVIDENCE_KIND_EMAIL:
      default:
        break;
    }
  g_ptr_array_add (out, NULL);
  return (char **)g_ptr_array_steal (out, NULL);
}
