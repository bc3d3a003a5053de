/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-settings"

#include "config.h"

#include "desk-settings.h"

GSettings *
desk_settings_dup (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      /* Run from the build tree without GSETTINGS_SCHEMA_DIR: work, just forget sizes. */
      g_message ("Settings schema %s is not installed; preferences will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}
