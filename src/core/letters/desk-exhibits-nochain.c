/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-letters"

#include "config.h"

#include "desk-exhibits-private.h"
#include "desk-letter-private.h"

/* Until the authorization chain is stored (issue #11), no case has one:
 * replaced by desk-exhibits-chain.c when it lands. */
GPtrArray *
_desk_exhibits_chain_documents (DeskStore  *store,
                                gint64      case_id,
                                const char *language,
                                GError    **error)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)_desk_exhibit_source_free);
}

void
_desk_letter_add_chain (JsonObject *context,
                        DeskStore  *store,
                        gint64      case_id,
                        GPtrArray  *exhibits,
                        const char *language)
{
  json_object_set_array_member (context, "chain", json_array_new ());
}
