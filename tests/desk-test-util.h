/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "desk-session.h"
#include "desk-store.h"

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

/* The usual fixture: a session (store and rule packs) in a fresh data
 * directory, and a fixed "t0" (2026-03-10 08:00 UTC) for tests that count
 * time. */
typedef struct
{
  char        *dir;
  DeskStore   *store; /* the session's */
  GDateTime   *t0;
  DeskSession *session;
} DeskStoreFixture;

static inline void
desk_store_fixture_setup (DeskStoreFixture *f,
                          gconstpointer     data)
{
  g_autoptr (GError) error = NULL;

  f->dir = desk_test_make_data_dir ();
  f->store = desk_store_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  f->session = desk_session_new_for_store (f->store, NULL);
  f->t0 = g_date_time_new_utc (2026, 3, 10, 8, 0, 0);
}

static inline void
desk_store_fixture_teardown (DeskStoreFixture *f,
                             gconstpointer     data)
{
  g_date_time_unref (f->t0);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  desk_test_remove_tree (f->dir);
  g_free (f->dir);
}
