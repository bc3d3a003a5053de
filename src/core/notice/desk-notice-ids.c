/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include "desk-notice-private.h"

/* Codes the seeds define (Shopee: IP-01 trademark, LI-03 logistics). */
DeskCaseType
_desk_notice_case_type_for_code (const char *code)
{
  if (code == NULL)
    return DESK_CASE_TYPE_UNKNOWN;
  if (g_str_has_prefix (code, "IP-"))
    return DESK_CASE_TYPE_IP_COMPLAINT;
  if (g_str_has_prefix (code, "LI-"))
    return DESK_CASE_TYPE_STORE_COMPLAINT;
  return DESK_CASE_TYPE_UNKNOWN;
}
