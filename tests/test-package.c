/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "desk-case-snapshot.h"
#include "desk-checklist.h"
#include "desk-evidence-store.h"
#include "desk-package-manifest.h"
#include "desk-package-names.h"
#include "desk-package-store.h"
#include "desk-package-verify.h"
#include "desk-package-zip.h"
#include "desk-package.h"
#include "desk-store-private.h"
#include "desk-test-util.h"

typedef struct
{
  char        *dir; /* data dir */
  char        *src; /* input files */
  char        *out; /* where packages go */
  DeskStore   *store;
  DeskSession *session;
  gint64       case_id;
  GDateTime   *now;
} Fixture;

/* Names */

static void
assert_sanitized (const char *original,
                  const char *expected)
{
  g_autofree char *name = desk_package_sanitize_name (original, DESK_PACKAGE_NAME_MAX_BYTES);

  g_assert_cmpstr (name, ==, expected);
}

static void
test_sanitize (void)
{
  g_autofree char *long_name = NULL;
  g_autofree char *cut = NULL;
  GString         *chinese = g_string_new (NULL);

  assert_sanitized ("../../x", "x");
  assert_sanitized ("/etc/passwd", "passwd");
  assert_sanitized ("C:\\Users\\张三\\授权书.pdf", "授权书.pdf");
  assert_sanitized ("C:evil.pdf", "evil.pdf");
  assert_sanitized ("..", "file");
  assert_sanitized ("", "file");
  assert_sanitized (NULL, "file");
  assert_sanitized (".hidden", "hidden");
  assert_sanitized ("trailing. . ", "trailing");
  assert_sanitized ("a\nb\tc\x7f"
                    "d.png",
                    "a_b_c_d.png");
  assert_sanitized ("what?*<>|\".jpg", "what______.jpg");
  assert_sanitized ("CON.txt", "_CON.txt");
  assert_sanitized ("com1", "_com1");
  assert_sanitized ("商标证书 🙂 final.pdf", "商标证书 🙂 final.pdf");
  assert_sanitized ("bad\xff utf8.pdf", "bad\xef\xbf\xbd utf8.pdf");
  /* Bidirectional overrides could disguise "gpj.exe" as "exe.jpg". */
  assert_sanitized ("a\xe2\x80\xae"
                    "gpj.exe",
                    "a_gpj.exe");

  /* 300 bytes: cut on a character boundary, extension kept. */
  for (guint i = 0; i < 100; i++)
    g_string_append (chinese, "授");
  g_string_append (chinese, ".pdf");
  cut = desk_package_sanitize_name (chinese->str, DESK_PACKAGE_NAME_MAX_BYTES);
  g_assert_cmpuint (strlen (cut), <=, DESK_PACKAGE_NAME_MAX_BYTES);
  g_assert_true (g_utf8_validate (cut, -1, NULL));
  g_assert_true (g_str_has_suffix (cut, "授.pdf"));
  g_string_free (chinese, TRUE);
  long_name = g_strnfill (300, 'a');
  g_clear_pointer (&cut, g_free);
  cut = desk_package_sanitize_name (long_name, DESK_PACKAGE_NAME_MAX_BYTES);
  g_assert_cmpuint (strlen (cut), ==, DESK_PACKAGE_NAME_MAX_BYTES);
}

static void
test_namer (void)
{
  g_autoptr (DeskPackageNamer) namer = desk_package_namer_new ();
  g_autofree char *a = desk_package_namer_take (namer, "01_x_", "Scan.PDF");
  g_autofree char *b = desk_package_namer_take (namer, "01_x_", "scan.pdf");
  g_autofree char *c = desk_package_namer_take (namer, "01_x_", "SCAN.pdf");
  g_autofree char *d = desk_package_namer_take (namer, "01_x_", "../scan.pdf");
  g_autofree char *e = desk_package_namer_take (namer, "02_x_", "scan.pdf");
  g_autofree char *long_name = g_strnfill (400, 'z');
  g_autofree char *f1 = desk_package_namer_take (namer, "03_", long_name);
  g_autofree char *f2 = desk_package_namer_take (namer, "03_", long_name);

  g_assert_cmpstr (a, ==, "01_x_Scan.PDF");
  g_assert_cmpstr (b, ==, "01_x_scan (2).pdf");
  g_assert_cmpstr (c, ==, "01_x_SCAN (3).pdf");
  g_assert_cmpstr (d, ==, "01_x_scan (4).pdf");
  g_assert_cmpstr (e, ==, "02_x_scan.pdf");
  g_assert_cmpuint (strlen (f1), ==, DESK_PACKAGE_NAME_MAX_BYTES);
  g_assert_cmpuint (strlen (f2), <=, DESK_PACKAGE_NAME_MAX_BYTES);
  g_assert_true (g_str_has_suffix (f2, " (2)"));
  g_assert_cmpstr (f1, !=, f2);
}

/* The rule packs say what to paste where (submit.paste), where known. */
static void
test_paste_steps (void)
{
  static const struct
  {
    DeskPlatform platform;
    DeskCaseType type;
    guint        n;
    const char  *needle;
  } cases[] = {
    { DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, 2, "letter-ru.txt" },
    { DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, 2, "Appeal Submission Form" },
    { DESK_PLATFORM_AMAZON, DESK_CASE_TYPE_ACCOUNT_HEALTH, 2, "2000 characters" },
    { DESK_PLATFORM_TIKTOK_SHOP, DESK_CASE_TYPE_LISTING_TAKEDOWN, 2, "500 characters" },
    { DESK_PLATFORM_ALIEXPRESS, DESK_CASE_TYPE_IP_COMPLAINT, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DeskRulePack) pack = desk_rule_pack_load_builtin (cases[i].platform, &error);
      const DeskCaseRules *rules;

      g_assert_no_error (error);
      rules = desk_rule_pack_get_case_rules (pack, cases[i].type);
      g_assert_nonnull (rules);
      g_assert_cmpuint (desk_case_rules_get_n_paste_steps (rules), ==, cases[i].n);
      if (cases[i].needle)
        {
          g_assert_nonnull (strstr (desk_case_rules_get_paste_step (rules, 0, DESK_RULE_LANGUAGE_EN), cases[i].needle));
          g_assert_nonnull (desk_case_rules_get_paste_step (rules, 0, DESK_RULE_LANGUAGE_ZH));
        }
    }
}

/* Lists: a reader for untrusted input */

static void
test_manifest_parse (void)
{
  static const char *const bad[] = {
    "",
    "null",
    "[]",
    "{}",
    "{\"schema_version\": \"1\", \"files\": []}",
    "{\"schema_version\": 99, \"files\": []}",
    "{\"schema_version\": 1}",
    "{\"schema_version\": 1, \"files\": {}}",
    "{\"schema_version\": 1, \"files\": [1]}",
    "{\"schema_version\": 1, \"files\": [{\"path\": \"a\", \"sha256\": \"xyz\", \"size\": 1}]}",
    "{\"schema_version\": 1, \"files\": [{\"path\": \"\", \"sha256\": \""
    "0000000000000000000000000000000000000000000000000000000000000000\", \"size\": 1}]}",
    "{\"schema_version\": 1, \"files\": [{\"path\": \"a\", \"sha256\": \""
    "0000000000000000000000000000000000000000000000000000000000000000\", \"size\": -1}]}",
    "{\"schema_version\": 1, \"files\": [{\"path\": \"a\", \"sha256\": \""
    "0000000000000000000000000000000000000000000000000000000000000000\", \"size\": 1},"
    "{\"path\": \"a\", \"sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\", \"size\": 1}]}",
    "{\"schema_version\": 1, \"files\": [",
  };
  const char *good = "{\"schema_version\": 1, \"created_at\": \"2026-03-10T08:00:00Z\", \"case\": {\"title\": \"T\"},"
                     " \"made_with_blocking_gaps\": true, \"files\": [{\"path\": \"evidence/01_a.pdf\", \"sha256\": \""
                     "00000000000000000000000000000000000000000000000000000000000000ff\", \"size\": 3}]}";
  g_autoptr (DeskPackageManifest) manifest = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) sums = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) bad_error = NULL;
      g_autoptr (DeskPackageManifest) none = desk_package_manifest_parse (bad[i], strlen (bad[i]), &bad_error);

      g_test_message ("manifest %u: %s", i, bad[i]);
      g_assert_null (none);
      g_assert_error (bad_error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_MANIFEST);
    }
  /* Random damage to a good manifest and list: an answer or an error,
   * never a crash (fuzzers get the same entry points). */
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *m = g_strdup (good);
      gsize            len = strlen (good);
      g_autoptr (GError) fuzz_error = NULL;
      g_autoptr (DeskPackageManifest) fuzzed = NULL;
      g_autoptr (GHashTable) fuzzed_sums = NULL;

      for (guint j = 0, n = g_test_rand_int_range (1, 6); j < n; j++)
        m[g_test_rand_int_range (0, len)] = g_test_rand_int_range (0, 256);
      len = g_test_rand_int_range (0, len + 1);
      fuzzed = desk_package_manifest_parse (m, len, &fuzz_error);
      g_assert_true ((fuzzed == NULL) == (fuzz_error != NULL));
      g_clear_error (&fuzz_error);
      fuzzed_sums = desk_package_sums_parse (m, len, &fuzz_error);
      g_assert_true ((fuzzed_sums == NULL) == (fuzz_error != NULL));
    }
  /* Embedded NUL and invalid UTF-8 */
  {
    g_autoptr (GError) bad_error = NULL;

    g_assert_null (desk_package_manifest_parse ("{\0}", 3, &bad_error));
    g_assert_error (bad_error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_MANIFEST);
  }
  manifest = desk_package_manifest_parse (good, strlen (good), &error);
  g_assert_no_error (error);
  g_assert_cmpint (manifest->schema_version, ==, 1);
  g_assert_cmpstr (manifest->case_title, ==, "T");
  g_assert_true (manifest->made_with_blocking_gaps);
  g_assert_cmpuint (manifest->files->len, ==, 1);
  g_assert_cmpstr (((DeskManifestFile *)g_ptr_array_index (manifest->files, 0))->path, ==, "evidence/01_a.pdf");

  sums = desk_package_sums_parse ("00000000000000000000000000000000000000000000000000000000000000FF  a b.txt\n"
                                  "00000000000000000000000000000000000000000000000000000000000000ee *c\n\n",
                                  -1 + sizeof ("00000000000000000000000000000000000000000000000000000000000000FF  a b.txt\n"
                                               "00000000000000000000000000000000000000000000000000000000000000ee *c\n\n"),
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (sums), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (sums, "a b.txt"), ==, "00000000000000000000000000000000000000000000000000000000000000ff");
  {
    static const char *const bad_sums[] = { "xyz  a\n", "0000  a\n",
                                            "0000000000000000000000000000000000000000000000000000000000000000  a\n"
                                            "0000000000000000000000000000000000000000000000000000000000000000  a\n",
                                            "0000000000000000000000000000000000000000000000000000000000000000 a\n" };

    for (guint i = 0; i < G_N_ELEMENTS (bad_sums); i++)
      {
        g_autoptr (GError) bad_error = NULL;

        g_assert_null (desk_package_sums_parse (bad_sums[i], strlen (bad_sums[i]), &bad_error));
        g_assert_error (bad_error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_MANIFEST);
      }
  }
}

/* Fixture: a Joom reseller case with evidence on its checklist */

static char *
src_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->src, name, NULL);
}

static char *
make_png (Fixture    *f,
          const char *name,
          double      shade)
{
  return desk_test_make_png_solid (f->src, name, 40, 30, shade, 0.4, 0.6);
}

static char *
make_jpeg (Fixture    *f,
           const char *name)
{
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr (GError) error = NULL;
  char *path = src_path (f, name);

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "jpeg", &error, NULL));
  g_assert_no_error (error);
  return path;
}

static gint64
add_evidence (Fixture    *f,
              const char *path,
              const char *item_id)
{
  gint64 id = desk_test_add_evidence (f->store, path, f->case_id, "captured from the web");

  if (item_id)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (DeskChecklistItem) item = desk_checklist_find_item (f->session, f->case_id, item_id, &error);

      g_assert_no_error (error);
      g_assert_true (desk_evidence_attach_to_checklist (f->store, item->id, id, &error));
      g_assert_no_error (error);
    }
  return id;
}

/* Names that cannot be file names on disk arrive from mail attachments or
 * imports: set them as the stored original name. */
static void
set_original_name (Fixture    *f,
                   gint64      evidence_id,
                   const char *name)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_desk_store_get_db (f->store), "UPDATE evidence SET original_name = ? WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, evidence_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, "Silicone baking mat — 跟卖");
  g_autoptr (GDateTime) deadline = NULL;
  const char *const products[] = { "5f9a1c2e7b3d4a0012ab34cd", NULL };
  g_autofree char  *pdf = NULL, *png = NULL, *jpg = NULL, *txt = NULL;

  f->dir = desk_test_make_data_dir ();
  f->src = desk_test_make_data_dir ();
  f->out = desk_test_make_data_dir ();
  f->store = desk_store_open (f->dir, &error);
  g_assert_no_error (error);
  f->session = desk_session_new_for_store (f->store, NULL);
  f->now = g_date_time_new_utc (2026, 3, 10, 8, 0, 0);
  deadline = g_date_time_add_hours (f->now, 53);
  desk_case_set_platform_case_id (kase, "JM-88213");
  desk_case_set_product_ids (kase, products);
  desk_case_set_deadline_at (kase, deadline);
  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  g_assert_no_error (error);
  f->case_id = desk_case_get_id (kase);
  g_assert_true (desk_checklist_create_for_case (f->store, desk_session_get_rules (f->session), kase, NULL, &error));
  g_assert_no_error (error);

  pdf = desk_test_make_pdf (f->src, "brand-authorization.pdf", &(DeskTestPdf){ .text = "Brand owner authorizes Joom platform sales right" });
  png = make_png (f, "listing.png", 0.1);
  jpg = make_jpeg (f, "packaging.jpg");
  txt = src_path (f, "sellers.txt");
  g_assert_true (g_file_set_contents (txt, "Seller ID: 5f1c2 https://www.joom.com/en/products/1\n", -1, NULL));
  add_evidence (f, pdf, "brand-authorization");
  add_evidence (f, png, "reseller-listing-screenshots");
  add_evidence (f, jpg, "packaging-photos-six-sides");
  add_evidence (f, txt, NULL);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  _desk_zip_set_write_limit (G_MAXUINT64);
  g_date_time_unref (f->now);
  g_assert_finalize_object (f->session);
  g_assert_finalize_object (f->store);
  desk_test_remove_tree (f->dir);
  desk_test_remove_tree (f->src);
  desk_test_remove_tree (f->out);
  g_free (f->dir);
  g_free (f->src);
  g_free (f->out);
}

static DeskPackagePlan *
new_plan (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  DeskPackagePlan *plan = desk_package_plan_new (f->session, f->case_id, &error);

  g_assert_no_error (error);
  desk_package_plan_set_now (plan, f->now);
  /* Tests of the other parts: a chain without gaps (test_chain_checker
   * covers the chain checker's own gaps). */
  desk_package_plan_set_chain (plan, NULL, NULL);
  return plan;
}

static char *
out_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->out, name, NULL);
}

/* Runs a program; returns its exit status, output in *out when asked. */
static int
run (const char *const *argv,
     const char        *cwd,
     char             **out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  int              status = -1;

  g_assert_nonnull (g_find_program_in_path (argv[0]));
  g_assert_true (g_spawn_sync (cwd, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &stdout_text, &stderr_text,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("%s failed:\n%s%s", argv[0], stdout_text, stderr_text);
  if (out)
    *out = g_steal_pointer (&stdout_text);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* The four readers and sha256sum agree the package is whole. */
static void
assert_readers_accept (Fixture    *f,
                       const char *zip)
{
  const char *const unzip[] = { "unzip", "-t", zip, NULL };
  const char *const seven[] = { "7z", "t", zip, NULL };
  const char *const bsdtar[] = { "bsdtar", "-tf", zip, NULL };
  const char *const python[] = { "python3", "-c",
                                 "import sys, zipfile\n"
                                 "z = zipfile.ZipFile(sys.argv[1])\n"
                                 "assert z.testzip() is None\n"
                                 "for i in z.infolist():\n"
                                 "    n = i.filename\n"
                                 "    assert not n.startswith('/') and '..' not in n.split('/') and '\\\\' not in n, n\n"
                                 "    assert i.flag_bits & 0x800 or n.isascii(), n\n",
                                 zip, NULL };
  g_autofree char  *dir = g_build_filename (f->out, "unpacked", NULL);
  const char *const extract[] = { "bsdtar", "-xf", zip, "-C", dir, NULL };
  const char *const check[] = { "sha256sum", "--strict", "-c", "SHA256SUMS", NULL };

  g_assert_cmpint (run (unzip, NULL, NULL), ==, 0);
  g_assert_cmpint (run (seven, NULL, NULL), ==, 0);
  g_assert_cmpint (run (bsdtar, NULL, NULL), ==, 0);
  g_assert_cmpint (run (python, NULL, NULL), ==, 0);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (run (extract, NULL, NULL), ==, 0);
  g_assert_cmpint (run (check, dir, NULL), ==, 0);
  desk_test_remove_tree (dir);
}

static char *
read_entry (const char *zip,
            const char *name)
{
  const char *const argv[] = { "unzip", "-p", zip, name, NULL };
  char             *text = NULL;

  g_assert_cmpint (run (argv, NULL, &text), ==, 0);
  return text;
}

static JsonObject *
read_manifest (const char *zip,
               JsonParser *parser)
{
  g_autofree char *text = read_entry (zip, "manifest.json");
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
find_file (JsonObject *manifest,
           const char *prefix)
{
  JsonArray *files = json_object_get_array_member (manifest, "files");

  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);

      if (g_str_has_prefix (json_object_get_string_member (file, "path"), prefix))
        return file;
    }
  return NULL;
}

static void
test_write (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (DeskPackagePlan) plan = new_plan (f);
  g_autoptr (DeskPackageResult) result = NULL;
  g_autoptr (DeskPackageReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) timeline = NULL;
  g_autofree char   *zip = out_path (f, "package.zip");
  g_autofree char   *submit = NULL;
  g_autofree char   *ru = NULL;
  DeskTimelineEntry *last;
  JsonObject        *manifest, *file;
  JsonArray         *letters;

  /* Ticked by hand, with no file: SUBMIT.txt must not take it at its word. */
  {
    g_autoptr (DeskChecklistItem) item = desk_checklist_find_item (f->session, f->case_id, "first-listing-screenshot", &error);

    g_assert_no_error (error);
    g_assert_true (desk_checklist_set_state (f->store, item->id, DESK_CHECKLIST_PROVIDED, NULL, &error));
    g_clear_object (&plan);
    plan = new_plan (f);
  }
  desk_package_plan_add_letter (plan, "ru", "Здравствуйте! Просим удалить копии.");
  desk_package_plan_add_letter (plan, "en", "Dear Joom team, we report unauthorized use of listing content.");
  g_assert_null (desk_package_plan_get_omissions (plan)[0]);
  result = desk_package_write (plan, zip, DESK_PACKAGE_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  /* SUBMIT.txt, letters ru + en (given) + zh (the seller's record, from
   * the letter templates), 4 exhibits, manifest.json, SHA256SUMS. */
  g_assert_cmpuint (result->n_files, ==, 10);
  g_assert_true (result->complete);
  g_assert_cmpuint (desk_test_count_entries (f->out), ==, 1);
  assert_readers_accept (f, zip);

  /* The file's SHA-256 is the one reported and recorded. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *hex = NULL;
    gsize            len;

    g_assert_true (g_file_get_contents (zip, &contents, &len, NULL));
    hex = desk_sha256_hex (contents, len);
    g_assert_cmpstr (hex, ==, result->sha256);
    g_assert_cmpint (len, ==, result->size);
  }
  timeline = desk_store_list_timeline (f->store, f->case_id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (timeline, timeline->len - 1);
  g_assert_cmpstr (last->kind, ==, "package");
  g_assert_nonnull (strstr (last->text, result->sha256));
  /* And as a record, also in the case snapshot (for the closure report). */
  {
    g_autoptr (GPtrArray) records = desk_package_list_records (f->store, f->case_id, &error);
    g_autoptr (DeskCaseSnapshot) snapshot = desk_case_snapshot_load (f->session, f->case_id, &error);
    GPtrArray         *part;
    DeskPackageRecord *record;

    g_assert_no_error (error);
    g_assert_cmpuint (records->len, ==, 1);
    record = g_ptr_array_index (records, 0);
    g_assert_cmpstr (record->sha256, ==, result->sha256);
    g_assert_cmpstr (record->path, ==, zip);
    g_assert_cmpint (record->size, ==, result->size);
    g_assert_cmpuint (record->n_files, ==, 10);
    g_assert_cmpuint (record->blocking_gaps, ==, 0);
    g_assert_null (record->omitted[0]);
    g_assert_true (g_date_time_equal (record->created_at, f->now));
    part = (GPtrArray *)desk_case_snapshot_get_part (snapshot, DESK_PACKAGE_SNAPSHOT_PART);
    g_assert_nonnull (part);
    g_assert_cmpstr (((DeskPackageRecord *)g_ptr_array_index (part, 0))->sha256, ==, result->sha256);
  }

  manifest = read_manifest (zip, parser);
  g_assert_cmpint (json_object_get_int_member (manifest, "schema_version"), ==, DESK_PACKAGE_SCHEMA_VERSION);
  g_assert_cmpstr (json_object_get_string_member (manifest, "created_at"), ==, "2026-03-10T08:00:00Z");
  g_assert_false (json_object_get_boolean_member (manifest, "made_with_blocking_gaps"));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (manifest, "chain"), "included"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (manifest, "case"), "platform_case_id"), ==, "JM-88213");
  g_assert_cmpint (json_object_get_int_member (manifest, "deadline_seconds_left"), ==, 53 * 3600);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (manifest, "rule_pack"), "platform"), ==, "joom");
  letters = json_object_get_array_member (manifest, "letters");
  g_assert_cmpuint (json_array_get_length (letters), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (letters, 0), "purpose"), ==, "submit");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (letters, 2), "language"), ==, "zh");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (letters, 2), "purpose"), ==, "record");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (letters, 0), "characters"), ==,
                   g_utf8_strlen ("Здравствуйте! Просим удалить копии.", -1));

  /* Exhibits in checklist order, named after their item; stored vs deflated. */
  file = find_file (manifest, "evidence/01_reseller-listing-screenshots_listing.png");
  g_assert_nonnull (file);
  g_assert_cmpstr (json_object_get_string_member (file, "compression"), ==, "store");
  g_assert_cmpstr (json_object_get_string_member (file, "mime_type"), ==, "image/png");
  g_assert_cmpstr (json_object_get_string_member (file, "original_name"), ==, "listing.png");
  g_assert_cmpstr (json_object_get_string_member (file, "source_note"), ==, "captured from the web");
  g_assert_cmpint (json_object_get_int_member (file, "exhibit"), ==, 1);
  g_assert_nonnull (find_file (manifest, "evidence/02_brand-authorization_brand-authorization.pdf"));
  g_assert_nonnull (find_file (manifest, "evidence/03_packaging-photos-six-sides_packaging.jpg"));
  file = find_file (manifest, "evidence/04_sellers.txt");
  g_assert_nonnull (file);
  g_assert_cmpstr (json_object_get_string_member (file, "compression"), ==, "deflate");
  g_assert_false (json_object_has_member (file, "checklist_item"));

  /* SUBMIT.txt: both languages, paste steps from the rule pack, what is missing. */
  submit = read_entry (zip, "SUBMIT.txt");
  g_assert_true (g_str_has_prefix (submit, "申诉材料包：Silicone baking mat"));
  g_assert_nonnull (strstr (submit, "Appeal package: Silicone baking mat"));
  g_assert_nonnull (strstr (submit, "还剩 2 天 5 小时"));
  g_assert_nonnull (strstr (submit, "2 days 5 hours left"));
  g_assert_nonnull (strstr (submit, "Report a Violation → description"));
  g_assert_nonnull (strstr (submit, "已标记为“已提供”，但材料包里没有对应文件：首次上架时间截图"));
  g_assert_nonnull (strstr (submit, "Marked as provided, but no file for it is in this package: First-listing screenshot"));
  g_assert_nonnull (strstr (submit, "缺少（必需）：跟卖方 Seller ID 与链接URL"));
  g_assert_null (strstr (submit, "缺少（必需）：产品外包装六面图"));
  g_assert_null (strstr (submit, "The authorization chain was not checked"));
  g_assert_nonnull (strstr (submit, "letters/letter-ru.txt — Russian, 35 characters"));
  g_assert_nonnull (strstr (submit, "source: Joom reseller complaint consultant (Dashu Kuajing article)."));
  ru = read_entry (zip, "letters/letter-ru.txt");
  g_assert_cmpstr (ru, ==, "Здравствуйте! Просим удалить копии.");

  report = desk_package_verify (zip, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_checked, ==, 8);
}

static void
test_hostile_names (Fixture      *f,
                    gconstpointer data)
{
  static const char *const names[] = {
    "../../x.png",
    "/etc/passwd.png",
    "C:\\Windows\\evil.png",
    "Scan.png",
    "scan.png",
    "商标 🙂 emoji.png",
    NULL,
  };
  g_autoptr (DeskPackagePlan) plan = NULL;
  g_autoptr (DeskPackageResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *zip = out_path (f, "hostile.zip");
  g_autofree char *long_name = NULL;
  JsonObject      *manifest;
  JsonArray       *files;
  GString         *utf8_300 = g_string_new (NULL);

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *name = g_strdup_printf ("in-%u.png", i);
      g_autofree char *png = make_png (f, name, 0.1 * (i + 2));

      set_original_name (f, add_evidence (f, png, NULL), names[i]);
    }
  /* 300 bytes of Chinese, and two items with the same original name. */
  while (utf8_300->len < 300)
    g_string_append (utf8_300, "授权");
  g_string_append (utf8_300, ".png");
  {
    g_autofree char *p1 = make_png (f, "long.png", 0.95);
    g_autofree char *p2 = make_png (f, "same1.png", 0.96);
    g_autofree char *p3 = make_png (f, "same2.png", 0.97);

    set_original_name (f, add_evidence (f, p1, NULL), utf8_300->str);
    set_original_name (f, add_evidence (f, p2, NULL), "same.png");
    set_original_name (f, add_evidence (f, p3, NULL), "same.png");
  }
  g_string_free (utf8_300, TRUE);
  plan = new_plan (f);
  /* A 0-byte file in the package. */
  desk_package_plan_add_letter (plan, "en", "");
  result = desk_package_write (plan, zip, DESK_PACKAGE_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_readers_accept (f, zip);

  manifest = read_manifest (zip, parser);
  files = json_object_get_array_member (manifest, "files");
  {
    g_autoptr (GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < json_array_get_length (files); i++)
      {
        const char      *path = json_object_get_string_member (json_array_get_object_element (files, i), "path");
        g_autofree char *base = g_path_get_basename (path);

        g_test_message ("%s", path);
        g_assert_cmpuint (strlen (base), <=, DESK_PACKAGE_NAME_MAX_BYTES);
        g_assert_null (strstr (path, ".."));
        g_assert_null (strchr (path, '\\'));
        g_assert_null (strchr (path, ':'));
        g_assert_true (g_utf8_validate (path, -1, NULL));
        g_assert_true (g_hash_table_add (folded, g_utf8_casefold (path, -1)));
      }
  }
  g_assert_nonnull (find_file (manifest, "evidence/05_x.png"));
  g_assert_nonnull (find_file (manifest, "evidence/06_passwd.png"));
  g_assert_nonnull (find_file (manifest, "evidence/07_evil.png"));
  g_assert_nonnull (find_file (manifest, "evidence/10_商标 🙂 emoji.png"));
  g_assert_nonnull (find_file (manifest, "evidence/12_same.png"));
  g_assert_nonnull (find_file (manifest, "evidence/13_same.png"));
  g_assert_cmpint (json_object_get_int_member (find_file (manifest, "letters/letter-en.txt"), "size"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (find_file (manifest, "evidence/05_x.png"), "original_name"), ==, "../../x.png");
}

static void
test_blocking_gaps (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr (DeskPackagePlan) plan = new_plan (f);
  g_autoptr (DeskPackageResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_package_gap_free);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonNode) chain = json_from_string ("[{\"grantor\": \"Brand Co.\", \"grantee\": \"Distributor\"}]", NULL);
  g_autofree char *zip = out_path (f, "gaps.zip");
  g_autofree char *submit = NULL;
  g_autoptr (DeskPackageReport) report = NULL;
  JsonObject *manifest;

  g_ptr_array_add (gaps, desk_package_gap_new ("platform-scope", "The letter does not name Joom.", "授权书未写明 Joom 平台。", TRUE));
  g_ptr_array_add (gaps, desk_package_gap_new ("validity", "Expires in 20 days.", "20 天后到期。", FALSE));
  desk_package_plan_set_chain (plan, chain, gaps);
  g_assert_cmpuint (desk_package_plan_count_blocking_gaps (plan), ==, 1);

  result = desk_package_write (plan, zip, DESK_PACKAGE_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_BLOCKING_GAPS);
  g_assert_nonnull (strstr (error->message, "The letter does not name Joom."));
  /* The app's words (the GUI asks with a dialog); the CLI adds --allow-gaps. */
  g_assert_null (strstr (error->message, "--allow-gaps"));
  g_assert_null (result);
  g_assert_cmpuint (desk_test_count_entries (f->out), ==, 0);
  g_clear_error (&error);

  result = desk_package_write (plan, zip, DESK_PACKAGE_ALLOW_GAPS, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_blocking_gaps, ==, 1);
  {
    g_autoptr (GPtrArray) records = desk_package_list_records (f->store, f->case_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (((DeskPackageRecord *)g_ptr_array_index (records, 0))->blocking_gaps, ==, 1);
    /* Letters from the templates, the chain given: nothing left out. */
    g_assert_null (((DeskPackageRecord *)g_ptr_array_index (records, 0))->omitted[0]);
  }
  submit = read_entry (zip, "SUBMIT.txt");
  g_assert_true (g_str_has_prefix (submit, "警告：授权链还有 1 处会导致申诉失败的缺口"));
  g_assert_nonnull (strstr (strchr (submit, '/'), "WARNING: this package was made although"));
  g_assert_true (strchr (submit, '\n') > strstr (submit, "WARNING"));
  g_assert_nonnull (strstr (submit, "授权链缺口（会导致申诉失败）：授权书未写明 Joom 平台。"));
  g_assert_nonnull (strstr (submit, "Authorization chain gap: Expires in 20 days."));
  manifest = read_manifest (zip, parser);
  g_assert_true (json_object_get_boolean_member (manifest, "made_with_blocking_gaps"));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (manifest, "chain"), "included"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (manifest, "chain"), "gaps")), ==, 2);
  report = desk_package_verify (zip, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->made_with_blocking_gaps);
}

/* Without set_chain: the chain checker's gaps. The fixture's case has no
 * chain entered, a gap that makes a reseller complaint fail. */
static void
test_chain_checker (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPackagePlan) plan = desk_package_plan_new (f->session, f->case_id, &error);
  g_autoptr (DeskPackageResult) result = NULL;
  g_autofree char *zip = out_path (f, "chain.zip");
  g_autofree char *submit = NULL;

  g_assert_no_error (error);
  g_assert_null (desk_package_plan_get_omissions (plan)[0]);
  g_assert_cmpuint (desk_package_plan_count_blocking_gaps (plan), >=, 1);
  g_assert_null (desk_package_write (plan, zip, DESK_PACKAGE_FLAGS_NONE, NULL, NULL, NULL, &error));
  g_assert_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_BLOCKING_GAPS);
  g_assert_cmpuint (desk_test_count_entries (f->out), ==, 0);
  g_clear_error (&error);
  result = desk_package_write (plan, zip, DESK_PACKAGE_ALLOW_GAPS, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  submit = read_entry (zip, "SUBMIT.txt");
  g_assert_true (g_str_has_prefix (submit, "警告："));
  g_assert_nonnull (strstr (submit, "Authorization chain gap (the appeal will fail): "));
}

/* A full disk, a cancel: no package, no temporary file, an older package
 * of the same name untouched. */
static void
assert_only_old (Fixture    *f,
                 const char *zip)
{
  g_autofree char *contents = NULL;

  g_assert_cmpuint (desk_test_count_entries (f->out), ==, 1);
  g_assert_true (g_file_get_contents (zip, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old package");
}

static void
cancel_on_progress (double   fraction,
                    gpointer data)
{
  g_cancellable_cancel (data);
}

static void
test_full_disk_and_cancel (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr (DeskPackagePlan) plan = new_plan (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GPtrArray) timeline = NULL;
  g_autofree char *zip = out_path (f, "package.zip");
  g_autofree char *reference = src_path (f, "reference.zip");
  g_autoptr (DeskPackageResult) full = NULL;
  guint64 limits[] = { 0, 100, 5000, 0 };
  guint   n_entries;

  /* The whole package's size, to fail on its very last byte too. */
  full = desk_package_write (plan, reference, DESK_PACKAGE_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  limits[G_N_ELEMENTS (limits) - 1] = full->size - 1;
  timeline = desk_store_list_timeline (f->store, f->case_id, &error);
  n_entries = timeline->len;
  g_clear_pointer (&timeline, g_ptr_array_unref);

  g_assert_true (g_file_set_contents (zip, "old package", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr (DeskPackageResult) result = NULL;

      _desk_zip_set_write_limit (limits[i]);
      result = desk_package_write (plan, zip, DESK_PACKAGE_FLAGS_NONE, NULL, NULL, NULL, &error);
      g_assert_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_FULL);
      g_assert_nonnull (strstr (error->message, "disk is full"));
      g_assert_null (result);
      g_clear_error (&error);
      assert_only_old (f, zip);
    }
  _desk_zip_set_write_limit (G_MAXUINT64);

  g_assert_null (desk_package_write (plan, zip, DESK_PACKAGE_FLAGS_NONE, cancellable, cancel_on_progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_only_old (f, zip);
  timeline = desk_store_list_timeline (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, n_entries);
  {
    g_autoptr (GPtrArray) records = desk_package_list_records (f->store, f->case_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (records->len, ==, 1); /* the reference package only */
  }
}

/* The stored copy changed on disk after it was added. */
static void
test_damaged_blob (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = desk_evidence_list_for_case (f->store, f->case_id, &error);
  g_autofree char *blob = desk_evidence_get_path (f->store, g_ptr_array_index (items, 0));
  g_autofree char *zip = out_path (f, "package.zip");
  g_autofree char *contents = NULL;
  g_autoptr (DeskPackagePlan) plan = NULL;
  g_autoptr (DeskPackageResult) result = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (blob, &contents, &len, NULL));
  contents[len / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (blob, contents, len, NULL));
  plan = new_plan (f);
  result = desk_package_write (plan, zip, DESK_PACKAGE_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_EVIDENCE);
  g_assert_null (result);
  g_assert_cmpuint (desk_test_count_entries (f->out), ==, 0);
}

typedef struct
{
  GMainLoop         *loop;
  DeskPackageResult *result;
  GError            *error;
  GArray            *fractions;
  GThread           *main_thread;
} AsyncData;

static void
on_progress (double   fraction,
             gpointer data)
{
  AsyncData *d = data;

  g_assert_true (g_thread_self () == d->main_thread);
  g_array_append_val (d->fractions, fraction);
}

static void
on_written (GObject      *source,
            GAsyncResult *res,
            gpointer      data)
{
  AsyncData *d = data;

  d->result = desk_package_write_finish (DESK_PACKAGE_PLAN (source), res, &d->error);
  g_main_loop_quit (d->loop);
}

/* Lets queued progress reports and the worker thread drop their hold on
 * the plan (and so on the store). */
static void
settle (DeskPackagePlan *plan)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (G_OBJECT (plan)->ref_count > 1 && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpuint (G_OBJECT (plan)->ref_count, ==, 1);
}

static void
test_async (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (DeskPackagePlan) plan = new_plan (f);
  g_autofree char *zip = out_path (f, "async.zip");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  AsyncData d = { 0 };

  d.loop = g_main_loop_new (NULL, FALSE);
  d.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  d.main_thread = g_thread_self ();
  desk_package_write_async (plan, zip, DESK_PACKAGE_FLAGS_NONE, NULL, on_progress, &d, NULL, on_written, &d);
  g_main_loop_run (d.loop);
  g_assert_no_error (d.error);
  g_assert_nonnull (d.result);
  g_assert_true (g_file_test (zip, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (d.fractions->len, >=, 1);
  g_assert_cmpfloat (g_array_index (d.fractions, double, d.fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < d.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (d.fractions, double, i), >=, g_array_index (d.fractions, double, i - 1));
  g_clear_pointer (&d.result, desk_package_result_free);
  g_unlink (zip);

  /* Cancelled before the worker runs: nothing written, nothing recorded. */
  g_cancellable_cancel (cancellable);
  desk_package_write_async (plan, zip, DESK_PACKAGE_FLAGS_NONE, cancellable, NULL, NULL, NULL, on_written, &d);
  g_main_loop_run (d.loop);
  g_assert_error (d.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (d.result);
  g_assert_cmpuint (desk_test_count_entries (f->out), ==, 0);
  g_clear_error (&d.error);
  settle (plan);
  g_array_unref (d.fractions);
  g_main_loop_unref (d.loop);
}

/* Rewrites @zip with python's zipfile: @mode "change" flips one byte of the
 * entry, "remove" drops it, "add" adds a file of that name. */
static void
tamper (const char *zip,
        const char *copy,
        const char *mode,
        const char *name)
{
  const char *const argv[] = {
    "python3", "-c",
    "import sys, zipfile\n"
    "src, dst, mode, name = sys.argv[1:]\n"
    "with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, 'w') as b:\n"
    "    for i in a.infolist():\n"
    "        data = a.read(i)\n"
    "        if i.filename == name and mode == 'remove':\n"
    "            continue\n"
    "        if i.filename == name and mode == 'rename-key':\n"
    "            data = data.replace(b'\"format\"', b'\"formaT\"')\n"
    "        if i.filename == name and mode == 'change':\n"
    "            data = data[:len(data) // 2] + bytes([data[len(data) // 2] ^ 1]) + data[len(data) // 2 + 1:]\n"
    "        b.writestr(i, data)\n"
    "    if mode == 'add':\n"
    "        b.writestr(name, b'extra')\n",
    zip, copy, mode, name, NULL
  };

  g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
}

static void
assert_one_problem (const char            *zip,
                    DeskPackageProblemKind kind,
                    const char            *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskPackageReport) report = desk_package_verify (zip, NULL, &error);
  DeskPackageProblem *problem;
  g_autofree char    *line = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 1);
  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpint (problem->kind, ==, kind);
  g_assert_cmpstr (problem->path, ==, path);
  line = desk_package_problem_describe (problem);
  g_assert_nonnull (strstr (line, path));
}

static void
test_verify_tampered (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr (DeskPackagePlan) plan = new_plan (f);
  g_autoptr (DeskPackageResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *zip = out_path (f, "package.zip");
  g_autofree char *copy = out_path (f, "copy.zip");
  g_autofree char *junk = out_path (f, "junk.zip");
  const char      *pdf = "evidence/02_brand-authorization_brand-authorization.pdf";

  result = desk_package_write (plan, zip, DESK_PACKAGE_FLAGS_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* A faithful copy by another writer still verifies. */
  tamper (zip, copy, "none", "");
  {
    g_autoptr (DeskPackageReport) report = desk_package_verify (copy, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (report->problems->len, ==, 0);
  }
  tamper (zip, copy, "change", pdf);
  assert_one_problem (copy, DESK_PACKAGE_PROBLEM_CHANGED, pdf);
  tamper (zip, copy, "remove", pdf);
  assert_one_problem (copy, DESK_PACKAGE_PROBLEM_MISSING, pdf);
  tamper (zip, copy, "add", "evidence/99_extra.pdf");
  assert_one_problem (copy, DESK_PACKAGE_PROBLEM_EXTRA, "evidence/99_extra.pdf");
  /* Still valid JSON, different bytes: SHA256SUMS catches it. */
  tamper (zip, copy, "rename-key", "manifest.json");
  assert_one_problem (copy, DESK_PACKAGE_PROBLEM_CHANGED, "manifest.json");

  /* Not a package at all. */
  g_assert_true (g_file_set_contents (junk, "not a zip", -1, NULL));
  g_assert_null (desk_package_verify (junk, NULL, &error));
  g_assert_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_NOT_PACKAGE);
  g_clear_error (&error);
  tamper (zip, copy, "remove", "manifest.json");
  g_assert_null (desk_package_verify (copy, NULL, &error));
  g_assert_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_NOT_PACKAGE);
}

/* The writer alone: a 0-byte entry, stored and deflated entries. */
static void
test_zip_writer (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *zip = out_path (f, "raw.zip");
  g_autofree char *empty = src_path (f, "empty");
  g_autoptr (DeskAtomicFile) file = desk_atomic_file_new (zip, &error);
  g_autoptr (DeskZipWriter) writer = NULL;
  g_autoptr (GBytes) text = g_bytes_new_static ("hello", 5);
  char    sha[65], archive_sha[65];
  guint64 size = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  writer = desk_zip_writer_new (desk_atomic_file_get_fd (file), f->now, &error);
  g_assert_no_error (error);
  g_assert_true (desk_zip_writer_add_file (writer, "empty.bin", empty, 0, TRUE, sha, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sha, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_true (desk_zip_writer_add_bytes (writer, "hello.txt", text, FALSE, sha, &error));
  g_assert_cmpstr (sha, ==, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  g_assert_true (desk_zip_writer_close (writer, archive_sha, &size, &error));
  g_assert_no_error (error);
  /* Nothing has the target name before commit. */
  g_assert_false (g_file_test (zip, G_FILE_TEST_EXISTS));
  g_assert_true (desk_atomic_file_sync (file, &error));
  g_assert_true (desk_atomic_file_commit (file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (desk_test_count_entries (f->out), ==, 1);
  {
    const char *const argv[] = { "unzip", "-t", zip, NULL };

    g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
  }
  g_assert_true (desk_zip_should_store ("image/jpeg", NULL));
  g_assert_false (desk_zip_should_store ("text/plain", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/package/sanitize", test_sanitize);
  g_test_add_func ("/package/namer", test_namer);
  g_test_add_func ("/package/manifest-parse", test_manifest_parse);
  g_test_add_func ("/package/paste-steps", test_paste_steps);
#define ADD(path, func) g_test_add ("/package/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("write", test_write);
  ADD ("hostile-names", test_hostile_names);
  ADD ("blocking-gaps", test_blocking_gaps);
  ADD ("chain-checker", test_chain_checker);
  ADD ("full-disk-and-cancel", test_full_disk_and_cancel);
  ADD ("damaged-blob", test_damaged_blob);
  ADD ("async", test_async);
  ADD ("verify-tampered", test_verify_tampered);
  ADD ("zip-writer", test_zip_writer);
#undef ADD
  return g_test_run ();
}
