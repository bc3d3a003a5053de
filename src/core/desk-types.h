/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _DeskStore     DeskStore;
typedef struct _DeskCase      DeskCase;
typedef struct _DeskCaseList  DeskCaseList;
typedef struct _DeskBlobStore DeskBlobStore;

/* The enum nicks ("aliexpress", "tiktok-shop", …) are the stable ids stored in
 * the database, used in rule packs, on the command line and in JSON. */
typedef enum
{
  DESK_PLATFORM_UNKNOWN,
  DESK_PLATFORM_ALIEXPRESS,
  DESK_PLATFORM_SHOPEE,
  DESK_PLATFORM_JOOM,
  DESK_PLATFORM_AMAZON,
  DESK_PLATFORM_TIKTOK_SHOP,
  DESK_PLATFORM_LAZADA,
  DESK_PLATFORM_TEMU,
} DeskPlatform;

/* The platforms the app ships rules for. A user rule pack adds platforms
 * with higher values (rules/desk-platform.h): loop to
 * desk_platform_get_count(), not to this. */
#define DESK_N_BUILTIN_PLATFORMS (DESK_PLATFORM_TEMU + 1)

typedef enum
{
  DESK_CASE_TYPE_UNKNOWN,
  DESK_CASE_TYPE_LISTING_TAKEDOWN,
  DESK_CASE_TYPE_QUALIFICATION_MISSING,
  DESK_CASE_TYPE_QUALITY_INSPECTION,
  DESK_CASE_TYPE_IP_COMPLAINT,
  DESK_CASE_TYPE_STORE_COMPLAINT,
  DESK_CASE_TYPE_ACTIVITY_EXIT,
  DESK_CASE_TYPE_RESELLER,
  DESK_CASE_TYPE_ACCOUNT_HEALTH,
} DeskCaseType;

#define DESK_N_CASE_TYPES (DESK_CASE_TYPE_ACCOUNT_HEALTH + 1)

typedef enum
{
  DESK_CASE_STATUS_DRAFT,
  DESK_CASE_STATUS_SUBMITTED,
  DESK_CASE_STATUS_PENDING,
  DESK_CASE_STATUS_RESOLVED,
  DESK_CASE_STATUS_REJECTED,
  DESK_CASE_STATUS_CLOSED,
} DeskCaseStatus;

typedef enum
{
  DESK_DEADLINE_NONE,
  DESK_DEADLINE_NORMAL,
  DESK_DEADLINE_SOON,
  DESK_DEADLINE_OVERDUE,
  DESK_DEADLINE_DONE,
} DeskDeadlineState;

typedef enum
{
  DESK_CHECKLIST_MISSING,
  DESK_CHECKLIST_PROVIDED,
  DESK_CHECKLIST_NEEDS_ATTENTION,
} DeskChecklistState;

G_END_DECLS
