/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-case-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-case-edit.h"
#include "desk-store-private.h"

static gboolean
same_time (GDateTime *a,
           GDateTime *b)
{
  return (a == NULL && b == NULL) || (a && b && g_date_time_equal (a, b));
}

static gboolean
same_strv (const char *const *a,
           const char *const *b)
{
  guint i;

  for (i = 0; a && b && a[i] && b[i]; i++)
    if (!g_str_equal (a[i], b[i]))
      return FALSE;
  return (a == NULL || a[i] == NULL) && (b == NULL || b[i] == NULL);
}

/* Applies the fields to @kase; adds a translated name per changed field. */
static void
apply (DeskCase            *kase,
       const DeskCaseFacts *facts,
       GPtrArray           *changed)
{
  if (facts->title && g_strcmp0 (facts->title, desk_case_get_title (kase)) != 0)
    {
      desk_case_set_title (kase, facts->title);
      g_ptr_array_add (changed, _ ("title"));
    }
  if (facts->platform_case_id && g_strcmp0 (facts->platform_case_id, desk_case_get_platform_case_id (kase)) != 0)
    {
      desk_case_set_platform_case_id (kase, facts->platform_case_id);
      g_ptr_array_add (changed, _ ("case ID"));
    }
  if (facts->violation_code && g_strcmp0 (facts->violation_code, desk_case_get_violation_code (kase)) != 0)
    {
      desk_case_set_violation_code (kase, facts->violation_code);
      g_ptr_array_add (changed, _ ("violation code"));
    }
  if (facts->product_ids && !same_strv (facts->product_ids, desk_case_get_product_ids (kase)))
    {
      desk_case_set_product_ids (kase, facts->product_ids);
      g_ptr_array_add (changed, _ ("products"));
    }
  if (facts->received_at && !same_time (facts->received_at, desk_case_get_received_at (kase)))
    {
      desk_case_set_received_at (kase, facts->received_at);
      g_ptr_array_add (changed, _ ("notice received"));
    }
  if ((facts->deadline_at && !same_time (facts->deadline_at, desk_case_get_deadline_at (kase)))
      || (facts->clear_deadline && desk_case_get_deadline_at (kase)))
    {
      desk_case_set_deadline_at (kase, facts->clear_deadline ? NULL : facts->deadline_at);
      g_ptr_array_add (changed, _ ("deadline"));
    }
}

static gboolean
validate (DeskCase *kase,
          GError  **error)
{
  GDateTime       *received = desk_case_get_received_at (kase);
  GDateTime       *deadline = desk_case_get_deadline_at (kase);
  g_autofree char *title = g_strstrip (g_strdup (desk_case_get_title (kase)));

  if (*title == '\0')
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID, _ ("Give the case a title."));
      return FALSE;
    }
  if (received && deadline && g_date_time_compare (deadline, received) < 0)
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_INVALID,
                   _ ("The deadline is before the notice was received. Check both times."));
      return FALSE;
    }
  return TRUE;
}

DeskCase *
desk_case_edit_facts (DeskStore           *store,
                      gint64               case_id,
                      const DeskCaseFacts *facts,
                      GError             **error)
{
  g_autoptr (DeskCase) kase = NULL;
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;
  g_autoptr (DeskStoreTxn) txn = NULL;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (facts != NULL, NULL);
  if (!(kase = desk_store_get_case (store, case_id, error)))
    return NULL;
  apply (kase, facts, changed);
  if (changed->len == 0)
    return g_steal_pointer (&kase);
  if (!validate (kase, error))
    return NULL;
  g_ptr_array_add (changed, NULL);
  /* Translators: separates the names of changed fields: "title, deadline" */
  list = g_strjoinv (_ (", "), (char **)changed->pdata);
  /* Translators: timeline entry; %s lists the fields, "title, deadline" */
  text = g_strdup_printf (_ ("Case details corrected: %s"), list);
  if (!(txn = _desk_store_txn_begin (store, error)))
    return NULL;
  if (!desk_store_update_case (store, kase, error)
      || !desk_store_add_timeline_entry (store, case_id, "edited", text, error))
    return NULL;
  if (!_desk_store_txn_commit (g_steal_pointer (&txn), error))
    return NULL;
  return g_steal_pointer (&kase);
}
