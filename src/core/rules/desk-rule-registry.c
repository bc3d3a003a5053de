/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-rule-registry"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-platform.h"
#include "desk-rule-registry.h"
#include "desk-store.h"
#include "desk-util.h"

struct _DeskRuleRegistry
{
  GObject    parent_instance;
  char      *user_dir;
  GPtrArray *packs;    /* DeskRulePack* or NULL, index = DeskPlatform */
  GPtrArray *problems; /* GError* */
};

G_DEFINE_FINAL_TYPE (DeskRuleRegistry, desk_rule_registry, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_packs (DeskRuleRegistry *self)
{
  if (self->packs)
    g_ptr_array_set_size (self->packs, 0);
}

static void
set_pack (DeskRuleRegistry *self,
          DeskPlatform      platform,
          DeskRulePack     *pack)
{
  if (self->packs->len <= (guint)platform)
    g_ptr_array_set_size (self->packs, platform + 1);
  g_set_object ((DeskRulePack **)&self->packs->pdata[platform], pack);
}

static void
desk_rule_registry_dispose (GObject *object)
{
  clear_packs (DESK_RULE_REGISTRY (object));
  G_OBJECT_CLASS (desk_rule_registry_parent_class)->dispose (object);
}

static void
desk_rule_registry_finalize (GObject *object)
{
  DeskRuleRegistry *self = (DeskRuleRegistry *)object;

  g_clear_pointer (&self->user_dir, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->packs, g_ptr_array_unref);
  G_OBJECT_CLASS (desk_rule_registry_parent_class)->finalize (object);
}

static void
desk_rule_registry_class_init (DeskRuleRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_rule_registry_dispose;
  object_class->finalize = desk_rule_registry_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pack_unref (gpointer pack)
{
  if (pack != NULL)
    g_object_unref (pack);
}

static void
desk_rule_registry_init (DeskRuleRegistry *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  self->packs = g_ptr_array_new_with_free_func (pack_unref);
}

char *
desk_rule_registry_get_default_user_dir (void)
{
  g_autofree char *data_dir = desk_store_default_data_dir ();

  return g_build_filename (data_dir, "rules", NULL);
}

static void
add_problem (DeskRuleRegistry *self,
             GError           *error)
{
  g_debug ("%s", error->message);
  g_ptr_array_add (self->problems, error);
}

/* A problem with a user pack, ending with what is used instead. */
static void
add_fallback_problem (DeskRuleRegistry *self,
                      GError           *error,
                      DeskRulePack     *builtin)
{
  if (builtin != NULL)
    {
      g_autofree char *label = desk_rule_pack_get_label (builtin);
      g_autofree char *message = g_steal_pointer (&error->message);

      /* Translators: the first %s is an error message, the second a pack label
       * such as "AliExpress rules v1.0 (effective 2026-03-12)" */
      error->message = g_strdup_printf (_ ("%s Using the built-in %s instead."), message, label);
    }
  add_problem (self, error);
}

/* Packs for platforms the app does not know yet: a pack whose "platform"
 * is its file name and that names the platform ("platform_label") adds
 * that platform (the parser registers it). Files no platform will read
 * are reported. */
static void
load_new_platforms (DeskRuleRegistry *self)
{
  g_autoptr (GDir) dir = g_dir_open (self->user_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;
      g_autoptr (GFile) file = NULL;
      g_autoptr (DeskRulePack) pack = NULL;
      g_autoptr (GError) error = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".json"));
      if (desk_platform_from_id (id) != DESK_PLATFORM_UNKNOWN)
        continue;
      path = g_build_filename (self->user_dir, name, NULL);
      file = g_file_new_for_path (path);
      if (!(pack = desk_rule_pack_new_from_file (file, NULL, &error)))
        {
          add_problem (self, g_steal_pointer (&error));
          continue;
        }
      if (g_strcmp0 (desk_platform_to_id (desk_rule_pack_get_platform (pack)), id) == 0)
        continue; /* a new platform: loaded with the others */
      add_problem (self, g_error_new (DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_WRONG_PLATFORM,
                                      /* Translators: %s is a file path */
                                      _ ("%s: not read, because the file name is not a platform id. "
                                         "Name rule packs after their platform, e.g. aliexpress.json or tiktok-shop.json."),
                                      path));
    }
}

static DeskRulePack *
load_user_pack (DeskRuleRegistry *self,
                DeskPlatform      platform,
                GError          **error)
{
  g_autofree char *name = g_strdup_printf ("%s.json", desk_platform_to_id (platform));
  g_autofree char *path = g_build_filename (self->user_dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (DeskRulePack) pack = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  if (!(pack = desk_rule_pack_new_from_file (file, NULL, error)))
    return NULL;
  if (desk_rule_pack_get_platform (pack) != platform)
    {
      g_set_error (error, DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_WRONG_PLATFORM,
                   /* Translators: "…/rules/joom.json: at “platform”: the file name says joom,
                    * the pack says shopee. Rename the file to shopee.json." */
                   _ ("%s: at “platform”: the file name says %s, the pack says %s. Rename the file to %s.json."),
                   path, desk_platform_to_id (platform),
                   desk_platform_to_id (desk_rule_pack_get_platform (pack)),
                   desk_platform_to_id (desk_rule_pack_get_platform (pack)));
      return NULL;
    }
  return g_steal_pointer (&pack);
}

static DeskRulePack *
choose_pack (DeskRuleRegistry *self,
             DeskRulePack     *builtin,
             DeskRulePack     *user)
{
  if (user == NULL)
    return builtin;
  if (builtin == NULL || desk_rule_pack_compare_versions (desk_rule_pack_get_pack_version (user), desk_rule_pack_get_pack_version (builtin)) > 0)
    return user;
  add_problem (self, g_error_new (DESK_RULE_PACK_ERROR, DESK_RULE_PACK_ERROR_NOT_NEWER,
                                  /* Translators: "…/aliexpress.json: version 1.0 is not newer than
                                   * the built-in version 1.0, so it is not used. …" */
                                  _ ("%s: version %s is not newer than the built-in version %s, so it is not used. "
                                     "Raise its pack_version to use it, or remove the file."),
                                  desk_rule_pack_get_file_name (user),
                                  desk_rule_pack_get_pack_version (user),
                                  desk_rule_pack_get_pack_version (builtin)));
  return builtin;
}

static void
load_platform (DeskRuleRegistry *self,
               DeskPlatform      platform)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskRulePack) builtin = desk_platform_is_builtin (platform) ? desk_rule_pack_load_builtin (platform, &error) : NULL;
  g_autoptr (DeskRulePack) user = NULL;

  if (builtin == NULL && desk_platform_is_builtin (platform))
    {
      /* A packaging bug: the built-in packs are validated by the tests. */
      g_critical ("Built-in rule pack for %s: %s", desk_platform_to_id (platform), error->message);
      add_problem (self, g_steal_pointer (&error));
    }
  if (self->user_dir != NULL)
    user = load_user_pack (self, platform, &error);
  if (error != NULL)
    add_fallback_problem (self, g_steal_pointer (&error), builtin);
  set_pack (self, platform, choose_pack (self, builtin, user));
}

void
desk_rule_registry_reload (DeskRuleRegistry *self)
{
  g_return_if_fail (DESK_IS_RULE_REGISTRY (self));

  clear_packs (self);
  g_ptr_array_set_size (self->problems, 0);
  if (self->user_dir != NULL)
    load_new_platforms (self);
  for (guint p = DESK_PLATFORM_UNKNOWN + 1; p < desk_platform_get_count (); p++)
    load_platform (self, p);
  g_signal_emit (self, signals[CHANGED], 0);
}

DeskRuleRegistry *
desk_rule_registry_new (const char *user_rules_dir)
{
  DeskRuleRegistry *self = g_object_new (DESK_TYPE_RULE_REGISTRY, NULL);

  self->user_dir = g_strdup (user_rules_dir);
  desk_rule_registry_reload (self);
  return self;
}

const char *
desk_rule_registry_get_user_dir (DeskRuleRegistry *self)
{
  g_return_val_if_fail (DESK_IS_RULE_REGISTRY (self), NULL);
  return self->user_dir;
}

DeskRulePack *
desk_rule_registry_get_pack (DeskRuleRegistry *self,
                             DeskPlatform      platform)
{
  g_return_val_if_fail (DESK_IS_RULE_REGISTRY (self), NULL);
  if (platform <= DESK_PLATFORM_UNKNOWN || (guint)platform >= self->packs->len)
    return NULL;
  return self->packs->pdata[platform];
}

GArray *
desk_rule_registry_list_platforms (DeskRuleRegistry *self,
                                   DeskCaseType      case_type)
{
  GArray *platforms = g_array_new (FALSE, FALSE, sizeof (DeskPlatform));

  g_return_val_if_fail (DESK_IS_RULE_REGISTRY (self), platforms);
  for (guint p = DESK_PLATFORM_UNKNOWN + 1; p < self->packs->len; p++)
    if (self->packs->pdata[p] != NULL && desk_rule_pack_lists_case_type (self->packs->pdata[p], case_type))
      {
        DeskPlatform platform = p;

        g_array_append_val (platforms, platform);
      }
  return platforms;
}

GPtrArray *
desk_rule_registry_get_problems (DeskRuleRegistry *self)
{
  g_return_val_if_fail (DESK_IS_RULE_REGISTRY (self), NULL);
  return self->problems;
}
