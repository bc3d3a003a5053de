/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-session"

#include "config.h"

#include "desk-session.h"

struct _DeskSession
{
  GObject parent_instance;

  DeskStore        *store;
  DeskRuleRegistry *rules;
};

G_DEFINE_FINAL_TYPE (DeskSession, desk_session, G_TYPE_OBJECT)

enum
{
  CASES_CHANGED,
  EVIDENCE_CHANGED,
  CHECKLIST_CHANGED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
desk_session_dispose (GObject *object)
{
  DeskSession *self = (DeskSession *)object;

  if (self->store)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->rules);
  G_OBJECT_CLASS (desk_session_parent_class)->dispose (object);
}

static void
desk_session_class_init (DeskSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_session_dispose;

  signals[CASES_CHANGED] = g_signal_new ("cases-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[EVIDENCE_CHANGED] = g_signal_new ("evidence-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CHECKLIST_CHANGED] = g_signal_new ("checklist-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
desk_session_init (DeskSession *self)
{
}

static void
on_store_changed (DeskSession *self,
                  const char  *part,
                  gint64       case_id,
                  DeskStore   *store)
{
  g_object_ref (self);
  if (g_str_equal (part, "case"))
    g_signal_emit (self, signals[CASES_CHANGED], 0, case_id);
  else if (g_str_equal (part, "evidence"))
    g_signal_emit (self, signals[EVIDENCE_CHANGED], 0, case_id);
  else if (g_str_equal (part, "checklist"))
    g_signal_emit (self, signals[CHECKLIST_CHANGED], 0, case_id);
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (part), part, case_id);
  g_object_unref (self);
}

DeskSession *
desk_session_new_for_store (DeskStore        *store,
                            DeskRuleRegistry *rules)
{
  DeskSession *self;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (rules == NULL || DESK_IS_RULE_REGISTRY (rules), NULL);

  self = g_object_new (DESK_TYPE_SESSION, NULL);
  self->store = g_object_ref (store);
  if (rules)
    self->rules = g_object_ref (rules);
  else
    {
      g_autofree char *dir = g_build_filename (desk_store_get_data_dir (store), "rules", NULL);

      self->rules = desk_rule_registry_new (dir);
    }
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  return self;
}

DeskSession *
desk_session_new (const char *data_dir,
                  GError    **error)
{
  g_autoptr (DeskStore) store = desk_store_open (data_dir, error);

  if (store == NULL)
    return NULL;
  return desk_session_new_for_store (store, NULL);
}

DeskStore *
desk_session_get_store (DeskSession *self)
{
  g_return_val_if_fail (DESK_IS_SESSION (self), NULL);
  return self->store;
}

DeskRuleRegistry *
desk_session_get_rules (DeskSession *self)
{
  g_return_val_if_fail (DESK_IS_SESSION (self), NULL);
  return self->rules;
}

const char *
desk_session_get_data_dir (DeskSession *self)
{
  g_return_val_if_fail (DESK_IS_SESSION (self), NULL);
  return desk_store_get_data_dir (self->store);
}

DeskRulePack *
desk_session_get_pack (DeskSession *self,
                       DeskPlatform platform)
{
  g_return_val_if_fail (DESK_IS_SESSION (self), NULL);
  return desk_rule_registry_get_pack (self->rules, platform);
}
