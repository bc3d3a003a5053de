/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-cli.h"
#include "desk-intake.h"
#include "desk-util.h"

/* What `new` reads from the notice and the rules, for fields the options left
 * empty (desk-intake.h: the same rules as the wizard). The options always
 * win: the seller knows better than the decoder. A weak guess is never used
 * silently: the seller must name what it could not tell. */
gboolean
desk_cli_new_decode_notice (DeskCliContext   *ctx,
                            DeskCase         *kase,
                            DeskIntakeSource *deadline_source,
                            GError          **error)
{
  g_autoptr (DeskNotice) notice = NULL;
  g_autoptr (DeskIntakeProposal) proposal = NULL;
  const char *text = desk_case_get_notice_text (kase);
  gboolean    had_deadline = desk_case_get_deadline_at (kase) != NULL;

  if (text && *text)
    notice = desk_notice_decode_with_rules (desk_session_get_rules (ctx->session), text, desk_case_get_received_at (kase));
  proposal = desk_intake_propose (desk_session_get_rules (ctx->session), notice,
                                  desk_case_get_platform (kase), desk_case_get_case_type (kase),
                                  desk_case_get_received_at (kase));
  if (notice && !desk_intake_proposal_is_confident (proposal, notice, NULL))
    {
      g_autofree char *reason = NULL;

      desk_intake_proposal_is_confident (proposal, notice, &reason);
      /* Translators: %s explains what the notice reader could not tell */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("%s\nGive the platform and case type with --platform and --type."), reason);
      return FALSE;
    }
  desk_intake_proposal_apply (proposal, kase);
  if (!had_deadline && desk_case_get_deadline_at (kase))
    *deadline_source = proposal->deadline_source;
  if (notice && !ctx->json)
    {
      g_autofree char *said = desk_notice_describe_confidence (notice);

      /* Translators: %s is the platform · case type the notice was read as */
      printf (_ ("Notice read as %s · %s.\n"), desk_platform_get_label (desk_case_get_platform (kase)),
              desk_case_type_get_label (desk_case_get_case_type (kase)));
      if (said && *said)
        printf ("%s\n", said);
    }
  return TRUE;
}
