/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* A fresh data directory per test, removed afterwards. */
static inline char *
desk_test_make_data_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("appeal-desk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
desk_test_remove_tree (const char *path)
{
  g_autofree char *cmd = NULL;

  if (path == NULL || !g_str_has_prefix (path, g_get_tmp_dir ()))
    return;
  cmd = g_strdup_printf ("rm -rf '%s'", path);
  g_assert_cmpint (system (cmd), ==, 0);
}
