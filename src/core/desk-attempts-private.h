/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-attempts.h"

G_BEGIN_DECLS

/* Inside a transaction the caller holds: one appeal_attempts row. */
gint64 _desk_attempts_insert (DeskStore  *store,
                              DeskCase   *kase,
                              const char *product_id,
                              gboolean    has_test_report,
                              GDateTime  *at,
                              const char *note,
                              const char *ticket,
                              GError    **error);
/* "Appeal submitted for product 1234", translated. */
char *_desk_attempts_timeline_text (const char *product_id,
                                    gboolean    has_test_report);

G_END_DECLS
