/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a value read from a notice is.  The ids ("case-id", "product",
 * "counterparty-seller" …) are stable: they are stored with the case, used
 * in notice-vocabulary.json and in --json output. */
typedef enum
{
  DESK_NOTICE_ROLE_OTHER,
  DESK_NOTICE_ROLE_ISSUE_ID, /* the platform's complaint / notice / reference number */
  DESK_NOTICE_ROLE_CASE_ID,  /* the platform's case / ticket / appeal number */
  DESK_NOTICE_ROLE_VIOLATION_CODE,
  DESK_NOTICE_ROLE_VIOLATION, /* the line that states the violation */
  DESK_NOTICE_ROLE_PRODUCT,   /* the seller's own product, listing or SKU */
  DESK_NOTICE_ROLE_SHOP_ID,   /* the seller's own shop */
  DESK_NOTICE_ROLE_ORDER,
  DESK_NOTICE_ROLE_CAMPAIGN_ID,
  DESK_NOTICE_ROLE_RIGHTS_OWNER,         /* counterparty: who complained */
  DESK_NOTICE_ROLE_COUNTERPARTY_SELLER,  /* counterparty: a reseller's seller or shop ID */
  DESK_NOTICE_ROLE_COUNTERPARTY_LISTING, /* counterparty: a reseller's listing (URL or ID) */
  DESK_NOTICE_ROLE_DEADLINE,
  DESK_NOTICE_ROLE_DATE,
  DESK_NOTICE_ROLE_BRAND,
  DESK_NOTICE_ROLE_PRODUCT_NAME, /* the title of the seller's product, as text */
} DeskNoticeRole;

#define DESK_N_NOTICE_ROLES (DESK_NOTICE_ROLE_PRODUCT_NAME + 1)

const char    *desk_notice_role_to_id (DeskNoticeRole role);
DeskNoticeRole desk_notice_role_from_id (const char *id); /* OTHER when unknown */
/* Translated, e.g. "Reseller's seller ID". */
const char *desk_notice_role_get_label (DeskNoticeRole role);
/* TRUE for the roles that belong to the other party (never the seller's own). */
gboolean desk_notice_role_is_counterparty (DeskNoticeRole role);

/* One value read from the notice, with the text it came from. */
typedef struct
{
  DeskNoticeRole role;
  char          *value;
  char          *label;  /* the label as the notice wrote it ("Case reference"), may be "" */
  char          *source; /* the whole line, trimmed */
  guint          line;   /* 1-based line in the notice, 0 if unknown */
} DeskNoticeField;

#define DESK_TYPE_NOTICE_FIELD (desk_notice_field_get_type ())
GType            desk_notice_field_get_type (void) G_GNUC_CONST;
DeskNoticeField *desk_notice_field_new (DeskNoticeRole role,
                                        const char    *value,
                                        const char    *label,
                                        const char    *source,
                                        guint          line);
DeskNoticeField *desk_notice_field_copy (const DeskNoticeField *field);
void             desk_notice_field_free (DeskNoticeField *field);

/* What a stated figure is. */
typedef enum
{
  DESK_NOTICE_FIGURE_NONE,      /* no such figure */
  DESK_NOTICE_FIGURE_ACTUAL,    /* the seller's own figure: 26.4 % */
  DESK_NOTICE_FIGURE_THRESHOLD, /* the platform's limit: 20 % */
  DESK_NOTICE_FIGURE_STATED,    /* what the listing claims: 65 W */
  DESK_NOTICE_FIGURE_MEASURED,  /* what a test found: 48 W */
} DeskNoticeFigureKind;

const char          *desk_notice_figure_kind_to_id (DeskNoticeFigureKind kind);
DeskNoticeFigureKind desk_notice_figure_kind_from_id (const char *id);
/* Translated, e.g. "threshold". */
const char *desk_notice_figure_kind_get_label (DeskNoticeFigureKind kind);

/* A figure the notice states, with what it is compared with:
 * "发货超时率 24.6% (阈值 20%)" → subject 发货超时率, 24.6 actual, 20 threshold, unit %. */
typedef struct
{
  char                *subject;
  double               value;
  DeskNoticeFigureKind value_kind;
  double               reference; /* NAN when reference_kind is NONE */
  DeskNoticeFigureKind reference_kind;
  char                *unit;
  char                *source; /* the whole line, trimmed */
  guint                line;
} DeskNoticeFact;

#define DESK_TYPE_NOTICE_FACT (desk_notice_fact_get_type ())
GType           desk_notice_fact_get_type (void) G_GNUC_CONST;
DeskNoticeFact *desk_notice_fact_new (void);
DeskNoticeFact *desk_notice_fact_copy (const DeskNoticeFact *fact);
void            desk_notice_fact_free (DeskNoticeFact *fact);
/* "24.6 % (threshold 20 %)", translated. */
char *desk_notice_fact_describe (const DeskNoticeFact *fact);

/* JSON for the CLI and the store: {"role", "value", "label", "source", "line"}
 * and {"subject", "value", "value_kind", "reference", "reference_kind", "unit",
 * "source", "line"}. @builder is a JsonBuilder inside an array. */
void desk_notice_field_to_json (const DeskNoticeField *field,
                                gpointer               builder);
void desk_notice_fact_to_json (const DeskNoticeFact *fact,
                               gpointer              builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskNoticeField, desk_notice_field_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskNoticeFact, desk_notice_fact_free)

G_END_DECLS
