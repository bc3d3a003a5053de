/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "desk-notice-text.h"

G_BEGIN_DECLS

/* DeskNoticeFact*, in the order of the text. */
GPtrArray *_desk_notice_read_facts (DeskNoticeText *text);

G_END_DECLS
