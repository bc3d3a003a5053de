/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "desk-closure.h"
#include "desk-evidence-store.h"
#include "desk-evidence.h"
#include "desk-reply.h"
#include "desk-report.h"
#include "desk-test-util.h"
#include "desk-timeline.h"

/* The closure report, checked with the tools a reader would use: qpdf for
 * structure, pdffonts for embedding, pdftotext for the text itself. */

typedef DeskStoreFixture Fixture;
#define fixture_setup    desk_store_fixture_setup
#define fixture_teardown desk_store_fixture_teardown

#define TITLE_ZH  "蓝牙耳机 X200 商标投诉"
#define NOTE_RU   "Поддержка Joom подтвердила получение жалобы, номер обращения JR-2026-1118."
#define NOTE_EN   "Brand owner Shenzhen Lumen Audio Co., Ltd. signed the addendum for model X200."
#define NOTICE_ZH "您的商品因涉嫌侵犯商标权被投诉，请在72小时内提交授权证明。"
#define REPLY_MIX "Your appeal has been rejected.\nReason: the letter does not name model X200.\n驳回原因：授权书未写明型号。\nПричина: нет даты публикации."

static char *
run (const char *const *argv,
     int               *status)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, status, &error));
  g_assert_no_error (error);
  return out;
}

static char *
squeeze (const char *text)
{
  g_autoptr (GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace (space, text, -1, 0, "", 0, NULL);
}

/* The text of the page bodies (running header and footer cropped away),
 * with all white space removed: wrapping must not count as a change. */
static char *
body_text (const char *pdf)
{
  const char      *argv[] = { "pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "60", "-W", "596", "-H", "728", pdf, "-", NULL };
  int              status;
  g_autofree char *out = run (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return squeeze (out);
}

static void
assert_contains (const char *haystack,
                 const char *text)
{
  g_autofree char *needle = squeeze (text);

  if (strstr (haystack, needle) == NULL)
    g_error ("The report’s text lacks “%s”", text);
}

static void
assert_valid_pdf (const char *pdf)
{
  const char      *qpdf[] = { "qpdf", "--check", pdf, NULL };
  const char      *fonts[] = { "pdffonts", pdf, NULL };
  int              status;
  g_autofree char *check = run (qpdf, &status);
  g_autofree char *list = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_fonts = 0;

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
  list = run (fonts, &status);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (list, "\n", -1);
  /* name type encoding emb sub uni object ID: "emb" is the fourth column from the right. */
  for (guint i = 2; lines[i] && *lines[i]; i++)
    {
      g_auto (GStrv) cols = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      guint n = g_strv_length (cols);

      g_assert_cmpuint (n, >=, 6);
      g_assert_cmpstr (cols[n - 5], ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static char *
pdf_info (const char *pdf)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", pdf, NULL };
  int         status;
  char       *out = run (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return out;
}

static gint64
add_file (Fixture    *f,
          DeskCase   *kase,
          const char *name,
          const char *content)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (DeskEvidence) evidence = NULL;

  g_assert_true (g_file_set_contents (path, content, -1, &error));
  evidence = desk_evidence_add (f->store, file, desk_case_get_id (kase), NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return desk_evidence_get_id (evidence);
}

static DeskCase *
make_case (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) follow_ups = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_follow_up_free);
  g_autoptr (GDateTime) replied = g_date_time_add_days (f->t0, 2);
  g_autoptr (GDateTime) later = g_date_time_add_days (f->t0, 3);
  g_autoptr (DeskReply) reply = NULL;
  const char *products[] = { "1876543210", NULL };
  DeskCase   *kase = desk_case_new (DESK_PLATFORM_SHOPEE, DESK_CASE_TYPE_IP_COMPLAINT, TITLE_ZH);
  gint64      receipt[2] = { 0, 0 };

  desk_case_set_product_ids (kase, products);
  desk_case_set_platform_case_id (kase, "MY-IPC-20260310-01547");
  desk_case_set_violation_code (kase, "IP-01");
  desk_case_set_notice_text (kase, NOTICE_ZH);
  desk_case_set_received_at (kase, f->t0);
  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  receipt[0] = add_file (f, kase, "receipt.png", "receipt screenshot");
  add_file (f, kase, "授权书.pdf", "authorization letter");
  g_assert_cmpint (desk_timeline_add (f->store, desk_case_get_id (kase), DESK_TIMELINE_SUBMITTED, f->t0,
                                      "Ticket SP-0042", NULL, receipt, &error),
                   >, 0);
  reply = desk_reply_decode (REPLY_MIX, replied, NULL, DESK_CASE_TYPE_IP_COMPLAINT);
  g_assert_cmpint (desk_reply_record (f->store, kase, reply, NULL, &error), >, 0);
  g_assert_cmpint (desk_timeline_add (f->store, desk_case_get_id (kase), DESK_TIMELINE_CALL, later, NOTE_RU, NULL, NULL, &error), >, 0);
  g_assert_cmpint (desk_timeline_add (f->store, desk_case_get_id (kase), DESK_TIMELINE_NOTE, later, NOTE_EN, NULL, NULL, &error), >, 0);
  g_ptr_array_add (follow_ups, desk_follow_up_new ("检查其他 40 个 SKU", later));
  g_assert_true (desk_closure_close (f->store, kase, DESK_OUTCOME_RESTORED, "authorization-scope",
                                     "授权书没有写明型号 X200", follow_ups, later, &error));
  g_assert_no_error (error);
  return kase;
}

static char *
write_report (Fixture           *f,
              DeskCase          *kase,
              DeskReportLanguage language,
              const char        *name,
              guint             *n_pages)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (DeskReportResult) result = NULL;

  result = desk_report_write (f->session, desk_case_get_id (kase), language, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->n_pages, >=, 1);
  if (n_pages)
    *n_pages = result->n_pages;
  if (g_getenv ("DESK_TEST_KEEP_REPORT"))
    {
      g_autofree char *kept = g_build_filename (g_getenv ("DESK_TEST_KEEP_REPORT"), name, NULL);
      g_autoptr (GFile) dest = g_file_new_for_path (kept);

      g_file_copy (file, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }
  return g_steal_pointer (&path);
}

static void
test_languages_fonts_text (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = make_case (f);
  g_autofree char *en = write_report (f, kase, DESK_REPORT_LANGUAGE_EN, "en.pdf", NULL);
  g_autofree char *zh = write_report (f, kase, DESK_REPORT_LANGUAGE_ZH_CN, "zh.pdf", NULL);
  g_autofree char *en_text = body_text (en);
  g_autofree char *zh_text = body_text (zh);
  g_autofree char *en_info = pdf_info (en);
  g_autofree char *zh_info = pdf_info (zh);
  g_autofree char *raw = NULL;
  gsize            len;
  const char      *both[] = { en_text, zh_text };

  assert_valid_pdf (en);
  assert_valid_pdf (zh);
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      assert_contains (both[i], TITLE_ZH);
      assert_contains (both[i], NOTE_RU);
      assert_contains (both[i], NOTE_EN);
      assert_contains (both[i], NOTICE_ZH);
      assert_contains (both[i], REPLY_MIX);
      assert_contains (both[i], "MY-IPC-20260310-01547");
      assert_contains (both[i], "授权书.pdf");
    }
  /* Each in its own language. */
  assert_contains (en_text, "Closure report");
  assert_contains (en_text, "Evidence index");
  assert_contains (zh_text, "结案报告");
  /* Evidence carries the case's one exhibit numbering (letters, package, report). */
  assert_contains (en_text, "Exhibit 1");
  assert_contains (en_text, "Exhibit 2");
  assert_contains (zh_text, "附件1");
  g_assert_null (strstr (zh_text, "Evidenceindex"));
  /* A submitted case shows the letters it sent (the letter's own text). */
  assert_contains (en_text, "Letters as sent");
  assert_contains (en_text, "Letter in English");
  assert_contains (zh_text, "已发送的申诉信");
  /* The pack's root cause and advice, in the report's language. */
  assert_contains (en_text, "Authorization does not cover the model or the platform");
  assert_contains (zh_text, "授权未覆盖该型号或该平台");

  g_assert_nonnull (strstr (en_info, "Title:           Closure report: " TITLE_ZH));
  g_assert_nonnull (strstr (zh_info, "Title:           结案报告：" TITLE_ZH));
  g_assert_nonnull (strstr (en_info, "CreationDate:"));
  g_assert_true (g_file_get_contents (zh, &raw, &len, NULL));
  g_assert_nonnull (memmem (raw, len, "/Lang (zh-CN)", 13));
  g_clear_pointer (&raw, g_free);
  g_assert_true (g_file_get_contents (en, &raw, &len, NULL));
  g_assert_nonnull (memmem (raw, len, "/Lang (en)", 10));
}

/* Words from three alphabets, deterministic. */
static char *
long_text (guint n_chars)
{
  static const char *const words[] = { "appeal", "授权书", "отклонено", "invoice", "型号", "платформа", "X200", "商标", "evidence" };
  GString                 *out = g_string_new (NULL);
  GRand                   *rand = g_rand_new_with_seed (14);

  while (g_utf8_strlen (out->str, -1) < n_chars)
    {
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (out, g_rand_int_range (rand, 0, 12) == 0 ? "\n" : " ");
    }
  g_rand_free (rand);
  return g_string_free (out, FALSE);
}

static void
test_long_content_paginates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = desk_case_new (DESK_PLATFORM_JOOM, DESK_CASE_TYPE_RESELLER, "Long case");
  g_autofree char *reply_text = long_text (20000);
  g_autoptr (DeskReply) reply = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  guint            n_pages = 0;

  g_assert_true (desk_store_insert_case (f->store, kase, &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr (GDateTime) at = g_date_time_add_minutes (f->t0, i);
      g_autofree char *note = g_strdup_printf ("ENTRY-%03u %s", i, i % 7 == 0 ? "多行备注\n第二行\nвторая строка" : "note");

      g_assert_cmpint (desk_timeline_add (f->store, desk_case_get_id (kase), DESK_TIMELINE_NOTE, at, note, NULL, NULL, &error), >, 0);
    }
  reply = desk_reply_decode (reply_text, f->t0, NULL, DESK_CASE_TYPE_RESELLER);
  g_assert_cmpint (desk_reply_record (f->store, kase, reply, NULL, &error), >, 0);
  g_assert_no_error (error);

  pdf = write_report (f, kase, DESK_REPORT_LANGUAGE_EN, "long.pdf", &n_pages);
  assert_valid_pdf (pdf);
  g_assert_cmpuint (n_pages, >, 10);
  text = body_text (pdf);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *marker = g_strdup_printf ("ENTRY-%03u", i);
      assert_contains (text, marker);
    }
  assert_contains (text, reply_text);
}

typedef struct
{
  GMainLoop        *loop;
  DeskReportResult *result;
  GError           *error;
  double            last;
  guint             calls;
  gboolean          decreased;
} Async;

static void
on_progress (double fraction, gpointer user_data)
{
  Async *a = user_data;

  a->decreased = a->decreased || fraction < a->last;
  a->last = fraction;
  a->calls++;
}

static void
on_written (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Async *a = user_data;

  a->result = desk_report_write_finish (result, &a->error);
  g_main_loop_quit (a->loop);
}

static void
test_async_and_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (DeskCase) kase = make_case (f);
  g_autofree char *path = g_build_filename (f->dir, "async.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  Async a = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0, 0, FALSE };

  desk_report_write_async (f->session, desk_case_get_id (kase), DESK_REPORT_LANGUAGE_ZH_CN, file, NULL, on_progress, &a, on_written, &a);
  g_main_loop_run (a.loop);
  g_assert_no_error (a.error);
  g_assert_nonnull (a.result);
  /* Progress arrives on this thread's main loop; drain it. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (a.calls, >=, 2);
  g_assert_false (a.decreased);
  g_assert_cmpfloat (a.last, ==, 1.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&a.result, desk_report_result_free);
  g_assert_cmpint (g_unlink (path), ==, 0);

  g_cancellable_cancel (cancellable);
  desk_report_write_async (f->session, desk_case_get_id (kase), DESK_REPORT_LANGUAGE_EN, file, cancellable, NULL, NULL, on_written, &a);
  g_main_loop_run (a.loop);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (a.result);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&a.error);
  g_main_loop_unref (a.loop);
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskCase) kase = make_case (f);
  g_autofree char *path = g_build_filename (f->dir, "no-such-dir", "r.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *ok_path = g_build_filename (f->dir, "ok.pdf", NULL);
  g_autoptr (GFile) ok = g_file_new_for_path (ok_path);

  g_assert_null (desk_report_write (f->session, desk_case_get_id (kase), DESK_REPORT_LANGUAGE_EN, file, NULL, NULL, NULL, &error));
  g_assert_error (error, DESK_REPORT_ERROR, DESK_REPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no-such-dir"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_null (desk_report_write (f->session, 4242, DESK_REPORT_LANGUAGE_EN, ok, NULL, NULL, NULL, &error));
  g_assert_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (ok_path, G_FILE_TEST_EXISTS));
}

static void
test_language_ids (void)
{
  DeskReportLanguage lang = DESK_REPORT_LANGUAGE_EN;

  g_assert_true (desk_report_language_from_id ("zh_CN", &lang));
  g_assert_cmpint (lang, ==, DESK_REPORT_LANGUAGE_ZH_CN);
  g_assert_true (desk_report_language_from_id ("en", &lang));
  g_assert_cmpint (lang, ==, DESK_REPORT_LANGUAGE_EN);
  g_assert_false (desk_report_language_from_id ("fr", &lang));
  g_assert_cmpstr (desk_report_language_to_tag (DESK_REPORT_LANGUAGE_ZH_CN), ==, "zh-CN");
}

int
main (int argc, char *argv[])
{
  g_autofree char *localedir = g_build_filename (g_getenv ("DESK_BUILD_ROOT"), "po", NULL);

  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "UTC", TRUE);
  /* The report's own language, not the process's, decides its words. */
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
#define ADD(path, fn) g_test_add ("/report/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  g_test_add_func ("/report/language-ids", test_language_ids);
  ADD ("languages-fonts-text", test_languages_fonts_text);
  ADD ("long-content-paginates", test_long_content_paginates);
  ADD ("async-and-cancel", test_async_and_cancel);
  ADD ("bad-input", test_bad_input);
  return g_test_run ();
}
