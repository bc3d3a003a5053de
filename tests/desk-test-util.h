/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <time.h>

#include "desk-session.h"
#include "desk-store.h"

/* CPU time of the calling thread in µs: a main-loop stall is work done on
 * the main thread, not time the scheduler gave to other processes (tests
 * run on shared, loaded machines). */
static inline gint64
desk_test_thread_cpu_usec (void)
{
  struct timespec ts;

  g_assert_cmpint (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts), ==, 0);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Fixture documents (tests/desk-test-util.c). */
typedef struct
{
  double width, height; /* PDF points */
} DeskTestPageSize;

typedef struct
{
  guint                   n_pages;                    /* 0 = 1 */
  const char             *text;                       /* per page, a printf format with %u = page number; NULL: no text layer */
  const char *const      *page_texts;                 /* overrides @text page by page (NULL entries: @text) */
  const gboolean         *text_on_page;               /* NULL: text on every page */
  const DeskTestPageSize *sizes;                      /* per page; NULL: A4 portrait */
  gboolean                box;                        /* a filled box on each page (vector, not text) */
  double                  box_x, box_y, box_w, box_h; /* points; all 0: 72, 72, 300 × 20 */
  guint                   scan_width;                 /* > 0: each page is a noisy raster of this size, like a scan */
  guint                   scan_height;
  double                  font_size;  /* 0: 24 */
  const char             *pango_font; /* NULL: cairo's toy "Sans" at @font_size; else a Pango font ("Noto Sans CJK SC 18") the text is laid out in, for scripts the toy API cannot shape */
  const char             *title, *author, *create_date, *mod_date;
} DeskTestPdf;

/* <@dir>/<@name>, drawn with cairo; @spec NULL: one empty A4 page. */
char *desk_test_make_pdf (const char        *dir,
                          const char        *name,
                          const DeskTestPdf *spec);
/* A @width × @height PNG: blue with a white box in the middle. */
char *desk_test_make_png (const char *dir,
                          const char *name,
                          int         width,
                          int         height);
/* A @width × @height PNG of one colour (0…1 each): files that differ by a
 * shade have different fingerprints. */
char *desk_test_make_png_solid (const char *dir,
                                const char *name,
                                int         width,
                                int         height,
                                double      red,
                                double      green,
                                double      blue);

/* <@dir>/<@name> holding @len bytes of @data (-1: a string); @dir is made
 * if missing. */
char *desk_test_write_file (const char *dir,
                            const char *name,
                            const void *data,
                            gssize      len);
/* Entries directly in @dir, files and folders alike; 0 when it is missing. */
guint desk_test_count_entries (const char *dir);

/* Fixture cases (tests/desk-test-util.c). */
typedef struct
{
  DeskPlatform       platform;
  DeskCaseType       type;
  const char        *title;            /* NULL: "Case" */
  const char *const *product_ids;      /* NULL: none */
  const char        *platform_case_id; /* NULL: none */
  const char        *notice_text;      /* NULL: none */
  GDateTime         *received_at;      /* NULL: not set */
  GDateTime         *deadline_at;      /* NULL: not set */
  DeskCaseStatus     status;           /* 0: draft */
} DeskTestCase;

/* A new case as @spec says, not stored. */
DeskCase *desk_test_case_new (const DeskTestCase *spec);
/* The same, inserted in @store (asserted); the caller owns the reference. */
DeskCase *desk_test_insert_case (DeskStore          *store,
                                 const DeskTestCase *spec);
/* Creates @kase's checklist from the rule packs in @rules (asserted) and
 * returns the number of items made. */
guint desk_test_create_checklist (DeskStore        *store,
                                  DeskRuleRegistry *rules,
                                  DeskCase         *kase);

/* Fixture evidence. */
/* Adds the file at @path to the library (and to case @case_id unless 0),
 * asserting it is taken; returns the evidence id. */
gint64 desk_test_add_evidence (DeskStore  *store,
                               const char *path,
                               gint64      case_id,
                               const char *source_note);
/* A row in `evidence` written in SQL, as the library would add it but with
 * no blob behind it: sha256 of @name, size 10, @mime_type (NULL:
 * application/pdf), @added_at (NULL: 2026-01-01T00:00:00Z); returns its id. */
gint64 desk_test_insert_evidence_row (DeskStore  *store,
                                      const char *name,
                                      const char *mime_type,
                                      const char *added_at);
/* Whether the store's blob folder holds @sha256. */
gboolean desk_test_blob_exists (DeskStore  *store,
                                const char *sha256);

/* A handler that counts emissions of any signal into @n: connect it with
 * g_signal_connect_swapped (…, G_CALLBACK (desk_test_count_signal), &n). */
void desk_test_count_signal (guint *n);

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
