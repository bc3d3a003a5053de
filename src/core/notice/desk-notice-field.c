/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-notice"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "desk-notice-field.h"

static const struct
{
  const char *id;
  const char *label;
} roles[DESK_N_NOTICE_ROLES] = {
  [DESK_NOTICE_ROLE_OTHER] = { "other", N_ ("Other field") },
  [DESK_NOTICE_ROLE_ISSUE_ID] = { "issue-id", N_ ("Platform’s complaint or notice number") },
  [DESK_NOTICE_ROLE_CASE_ID] = { "case-id", N_ ("Platform’s case or ticket number") },
  [DESK_NOTICE_ROLE_VIOLATION_CODE] = { "violation-code", N_ ("Violation code in the notice") },
  [DESK_NOTICE_ROLE_VIOLATION] = { "violation", N_ ("What the notice says is wrong") },
  [DESK_NOTICE_ROLE_PRODUCT] = { "product", N_ ("Your product") },
  [DESK_NOTICE_ROLE_SHOP_ID] = { "shop-id", N_ ("Your shop ID") },
  [DESK_NOTICE_ROLE_ORDER] = { "order", N_ ("Order") },
  [DESK_NOTICE_ROLE_CAMPAIGN_ID] = { "campaign-id", N_ ("Campaign ID") },
  [DESK_NOTICE_ROLE_RIGHTS_OWNER] = { "rights-owner", N_ ("Rights owner (the other party)") },
  [DESK_NOTICE_ROLE_COUNTERPARTY_SELLER] = { "counterparty-seller", N_ ("Reseller’s seller ID (the other party)") },
  [DESK_NOTICE_ROLE_COUNTERPARTY_LISTING] = { "counterparty-listing", N_ ("Reseller’s listing (the other party)") },
  [DESK_NOTICE_ROLE_DEADLINE] = { "deadline", N_ ("Deadline as written") },
  [DESK_NOTICE_ROLE_DATE] = { "date", N_ ("Date") },
  [DESK_NOTICE_ROLE_BRAND] = { "brand", N_ ("Brand") },
  [DESK_NOTICE_ROLE_PRODUCT_NAME] = { "product-name", N_ ("Product name") },
};

const char *
desk_notice_role_to_id (DeskNoticeRole role)
{
  g_return_val_if_fail (role < DESK_N_NOTICE_ROLES, "other");
  return roles[role].id;
}

DeskNoticeRole
desk_notice_role_from_id (const char *id)
{
  for (guint i = 0; id != NULL && i < DESK_N_NOTICE_ROLES; i++)
    if (g_str_equal (roles[i].id, id))
      return i;
  return DESK_NOTICE_ROLE_OTHER;
}

const char *
desk_notice_role_get_label (DeskNoticeRole role)
{
  g_return_val_if_fail (role < DESK_N_NOTICE_ROLES, NULL);
  return _ (roles[role].label);
}

gboolean
desk_notice_role_is_counterparty (DeskNoticeRole role)
{
  return role == DESK_NOTICE_ROLE_RIGHTS_OWNER || role == DESK_NOTICE_ROLE_COUNTERPARTY_SELLER
         || role == DESK_NOTICE_ROLE_COUNTERPARTY_LISTING;
}

G_DEFINE_BOXED_TYPE (DeskNoticeField, desk_notice_field, desk_notice_field_copy, desk_notice_field_free)

DeskNoticeField *
desk_notice_field_new (DeskNoticeRole role,
                       const char    *value,
                       const char    *label,
                       const char    *source,
                       guint          line)
{
  DeskNoticeField *field = g_new0 (DeskNoticeField, 1);

  field->role = role;
  field->value = g_strdup (value ? value : "");
  field->label = g_strdup (label ? label : "");
  field->source = g_strdup (source ? source : "");
  field->line = line;
  return field;
}

DeskNoticeField *
desk_notice_field_copy (const DeskNoticeField *field)
{
  return desk_notice_field_new (field->role, field->value, field->label, field->source, field->line);
}

void
desk_notice_field_free (DeskNoticeField *field)
{
  if (field == NULL)
    return;
  g_free (field->value);
  g_free (field->label);
  g_free (field->source);
  g_free (field);
}

static const struct
{
  const char *id;
  const char *label;
} kinds[] = {
  [DESK_NOTICE_FIGURE_NONE] = { "none", "" },
  [DESK_NOTICE_FIGURE_ACTUAL] = { "actual", N_ ("yours") },
  [DESK_NOTICE_FIGURE_THRESHOLD] = { "threshold", N_ ("threshold") },
  [DESK_NOTICE_FIGURE_STATED] = { "stated", N_ ("stated") },
  [DESK_NOTICE_FIGURE_MEASURED] = { "measured", N_ ("measured") },
};

const char *
desk_notice_figure_kind_to_id (DeskNoticeFigureKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), "none");
  return kinds[kind].id;
}

DeskNoticeFigureKind
desk_notice_figure_kind_from_id (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].id, id))
      return i;
  return DESK_NOTICE_FIGURE_NONE;
}

const char *
desk_notice_figure_kind_get_label (DeskNoticeFigureKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), "");
  return kind == DESK_NOTICE_FIGURE_NONE ? "" : _ (kinds[kind].label);
}

G_DEFINE_BOXED_TYPE (DeskNoticeFact, desk_notice_fact, desk_notice_fact_copy, desk_notice_fact_free)

DeskNoticeFact *
desk_notice_fact_new (void)
{
  DeskNoticeFact *fact = g_new0 (DeskNoticeFact, 1);

  fact->value = NAN;
  fact->reference = NAN;
  fact->subject = g_strdup ("");
  fact->unit = g_strdup ("");
  fact->source = g_strdup ("");
  return fact;
}

DeskNoticeFact *
desk_notice_fact_copy (const DeskNoticeFact *fact)
{
  DeskNoticeFact *copy = g_memdup2 (fact, sizeof *fact);

  copy->subject = g_strdup (fact->subject);
  copy->unit = g_strdup (fact->unit);
  copy->source = g_strdup (fact->source);
  return copy;
}

void
desk_notice_fact_free (DeskNoticeFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->subject);
  g_free (fact->unit);
  g_free (fact->source);
  g_free (fact);
}

static char *
format_figure (double      value,
               const char *unit)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.10g", value);
  return g_strdup_printf ("%s %s", buf, unit);
}

char *
desk_notice_fact_describe (const DeskNoticeFact *fact)
{
  g_autofree char *value = format_figure (fact->value, fact->unit);
  g_autofree char *reference = NULL;

  if (fact->reference_kind == DESK_NOTICE_FIGURE_NONE)
    /* Translators: a figure from the notice and what it is, e.g. "24.6 % (yours)" */
    return g_strdup_printf (_ ("%s (%s)"), value, desk_notice_figure_kind_get_label (fact->value_kind));
  reference = format_figure (fact->reference, fact->unit);
  /* Translators: e.g. "24.6 % (yours) against 20 % (threshold)" */
  return g_strdup_printf (_ ("%s (%s) against %s (%s)"), value,
                          desk_notice_figure_kind_get_label (fact->value_kind), reference,
                          desk_notice_figure_kind_get_label (fact->reference_kind));
}

void
desk_notice_field_to_json (const DeskNoticeField *field,
                           gpointer               json_builder)
{
  JsonBuilder *b = json_builder;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, desk_notice_role_to_id (field->role));
  json_builder_set_member_name (b, "value");
  json_builder_add_string_value (b, field->value);
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, field->label);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, field->source);
  json_builder_set_member_name (b, "line");
  json_builder_add_int_value (b, field->line);
  json_builder_end_object (b);
}

void
desk_notice_fact_to_json (const DeskNoticeFact *fact,
                          gpointer              json_builder)
{
  JsonBuilder *b = json_builder;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "subject");
  json_builder_add_string_value (b, fact->subject);
  json_builder_set_member_name (b, "value");
  json_builder_add_double_value (b, fact->value);
  json_builder_set_member_name (b, "value_kind");
  json_builder_add_string_value (b, desk_notice_figure_kind_to_id (fact->value_kind));
  json_builder_set_member_name (b, "reference");
  if (fact->reference_kind == DESK_NOTICE_FIGURE_NONE)
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, fact->reference);
  json_builder_set_member_name (b, "reference_kind");
  json_builder_add_string_value (b, desk_notice_figure_kind_to_id (fact->reference_kind));
  json_builder_set_member_name (b, "unit");
  json_builder_add_string_value (b, fact->unit);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, fact->source);
  json_builder_set_member_name (b, "line");
  json_builder_add_int_value (b, fact->line);
  json_builder_end_object (b);
}
