/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Case list with 100 000 cases: store open → list model populated, and the
 * per-keystroke filter, against the same queries in the sqlite3 CLI.
 * Usage: bench-store [N_CASES]   (needs the sqlite3 program for the anchor) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "desk-case-list.h"
#include "desk-store-private.h"
#include "desk-util.h"

static const char *words[] = { "Bluetooth earbuds", "LED desk lamp", "蓝牙耳机", "硅胶烘焙垫", "Phone case",
                               "Posture corrector", "充电器", "Yoga mat", "不锈钢保温杯", "Wireless mouse" };

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static long
rss_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char      *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || !(p = strstr (status, field)))
    return -1;
  return strtol (p + strlen (field) + 1, NULL, 10);
}

static void
populate (const char *dir, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskStore) store = desk_store_open (dir, &error);
  g_autoptr (GDateTime) base = g_date_time_new_now_utc ();
  g_autoptr (DeskStoreTxn) txn = NULL;

  g_assert_no_error (error);
  txn = _desk_store_txn_begin (store, &error);
  g_assert_nonnull (txn);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s #%u", words[i % G_N_ELEMENTS (words)], i);
      g_autofree char *product = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64)1005006600000000 + i * 7919);
      g_autofree char *case_id = g_strdup_printf ("SPC-2026-%06u", i);
      const char      *products[] = { product, NULL };
      g_autoptr (DeskCase) kase = desk_case_new (1 + i % 7, 1 + i % 8, title);
      g_autoptr (GDateTime) deadline = g_date_time_add_minutes (base, (int)(i % 20000) - 5000);

      desk_case_set_product_ids (kase, products);
      desk_case_set_platform_case_id (kase, case_id);
      desk_case_set_deadline_at (kase, deadline);
      desk_case_set_received_at (kase, base);
      desk_case_set_notice_text (kase, "Dear Seller, we have received an Intellectual Property complaint regarding your listing. Appeal Deadline: within 72 hours.");
      if (!desk_store_insert_case (store, kase, &error))
        g_error ("%s", error->message);
    }
  g_assert_true (_desk_store_txn_commit (g_steal_pointer (&txn), &error));
}

static double
time_command (const char *argv0, const char *db, const char *sql)
{
  g_autoptr (GError) error = NULL;
  const char *argv[] = { argv0, db, sql, NULL };
  double      best = G_MAXDOUBLE;

  for (int rep = 0; rep < 5; rep++)
    {
      gint64 start = g_get_monotonic_time ();
      int    status;

      if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error))
        {
          g_printerr ("anchor skipped: %s\n", error->message);
          return -1;
        }
      best = MIN (best, ms_since (start));
    }
  return best;
}

static double
keystroke (DeskCaseList *list, const char *typed, guint *n)
{
  gint64 start = g_get_monotonic_time ();

  desk_case_list_set_query (list, typed);
  *n = g_list_model_get_n_items (G_LIST_MODEL (list));
  return ms_since (start);
}

int
main (int argc, char *argv[])
{
  guint n = argc > 1 ? atoi (argv[1]) : 100000;
  g_autoptr (GError) error = NULL;
  /* A second argument names a data directory to reuse (populated if empty). */
  gboolean         keep = argc > 2;
  g_autofree char *dir = keep ? g_strdup (argv[2]) : g_dir_make_tmp ("desk-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "cases.db", NULL);
  const char      *typed[] = { "s", "sp", "spc", "spc-", "spc-2026-0123", "蓝", "蓝牙", "1005006600" };
  g_autoptr (DeskStore) store = NULL;
  g_autoptr (DeskCaseList) list = NULL;
  double open_ms, anchor_open, anchor_filter, worst = 0, sum = 0;
  long   rss_before, rss_after;
  gint64 start;

  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_mkdir_with_parents (dir, 0700);
      g_print ("populating %u cases in %s ...\n", n, dir);
      populate (dir, n);
    }
  rss_before = rss_kib ("VmRSS:");
  {
    /* Breakdown: the query alone (rows stepped, text read, no objects). */
    g_autoptr (DeskStore) raw = desk_store_open (dir, &error);
    sqlite3_stmt *stmt;
    gsize         bytes = 0;

    start = g_get_monotonic_time ();
    stmt = _desk_store_prepare (raw,
                                "SELECT id, platform, case_type, status, title, platform_case_id, violation_code,"
                                " product_ids, rule_pack_version, received_at, deadline_at, created_at, updated_at"
                                " FROM cases WHERE trashed_at IS NULL ORDER BY status NOT IN ('draft', 'submitted', 'pending'),"
                                " deadline_at IS NULL, deadline_at, updated_at DESC, id DESC",
                                &error);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      for (int c = 1; c < 10; c++)
        bytes += sqlite3_column_bytes (stmt, c);
    sqlite3_reset (stmt);
    g_print ("breakdown: the list query alone (rows stepped, text read) %.1f ms (%" G_GSIZE_FORMAT " bytes)\n", ms_since (start), bytes);
  }

  start = g_get_monotonic_time ();
  store = desk_store_open (dir, &error);
  list = desk_case_list_new (store);
  if (!desk_case_list_reload (list, &error))
    g_error ("%s", error->message);
  open_ms = ms_since (start);
  rss_after = rss_kib ("VmRSS:");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  anchor_open = time_command ("sqlite3", db,
                              "SELECT id, platform, case_type, status, title, platform_case_id, violation_code,"
                              " product_ids, deadline_at, updated_at"
                              " FROM cases WHERE trashed_at IS NULL ORDER BY status NOT IN ('draft','submitted','pending'),"
                              " deadline_at IS NULL, deadline_at, updated_at DESC, id DESC");
  anchor_filter = time_command ("sqlite3", db,
                                "SELECT id FROM cases WHERE title LIKE '%spc-2026-0123%' OR platform_case_id LIKE '%spc-2026-0123%'"
                                " OR product_ids LIKE '%spc-2026-0123%'");

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      guint  shown;
      double ms = keystroke (list, typed[i], &shown);

      g_print ("keystroke %-16s %8.2f ms  %6u shown\n", typed[i], ms, shown);
      worst = MAX (worst, ms);
      sum += ms;
    }
  {
    /* What a GtkListView asks for: the first screenful of objects. */
    desk_case_list_set_query (list, NULL);
    start = g_get_monotonic_time ();
    for (guint i = 0; i < 40; i++)
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
    g_print ("first 40 items as objects: %.2f ms\n", ms_since (start));
  }
  g_print ("\ncases: %u\n", n);
  g_print ("open store -> list populated: desk %.1f ms, sqlite3 CLI same query %.1f ms, ratio %.2f (goal < 150 ms)\n",
           open_ms, anchor_open, anchor_open > 0 ? open_ms / anchor_open : 0);
  g_print ("filter per keystroke: mean %.2f ms, worst %.2f ms; sqlite3 CLI LIKE query %.1f ms, ratio %.2f (goal < 5 ms)\n",
           sum / G_N_ELEMENTS (typed), worst, anchor_filter, anchor_filter > 0 ? worst / anchor_filter : 0);
  g_print ("memory: list of %u cases adds %ld KiB RSS (%.0f bytes per case); peak RSS %ld KiB\n",
           n, rss_after - rss_before, (rss_after - rss_before) * 1024.0 / n, rss_kib ("VmHWM:"));

  g_clear_object (&list);
  g_clear_object (&store);
  if (!keep)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
      if (system (cmd) != 0)
        g_printerr ("could not remove %s\n", dir);
    }
  return 0;
}
