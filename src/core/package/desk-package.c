/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-package"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-package-private.h"
#include "desk-package-store.h"
#include "desk-package-zip.h"
#include "desk-store-private.h"

/* How often progress reaches the main loop at most. */
#define PROGRESS_INTERVAL_US (50 * 1000)

G_DEFINE_BOXED_TYPE (DeskPackageResult, desk_package_result, desk_package_result_copy, desk_package_result_free)

DeskPackageResult *
desk_package_result_copy (const DeskPackageResult *result)
{
  DeskPackageResult *copy = g_memdup2 (result, sizeof *result);

  copy->path = g_strdup (result->path);
  copy->sha256 = g_strdup (result->sha256);
  return copy;
}

void
desk_package_result_free (DeskPackageResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_free (result->sha256);
  g_free (result);
}

typedef struct
{
  DeskPackagePlan *plan;
  char            *target;
  DeskPackageFlags flags;
  DeskAtomicFile  *file;
  GPtrArray       *files; /* DeskPackageFile */
  char             sha256[65];
  guint64          size;
  /* Progress */
  DeskPackageProgress progress;
  gpointer            progress_data;
  GDestroyNotify      progress_notify;
  GTask              *task; /* async only: progress goes to its context */
  guint64             total;
  gint64              last_report;
} Job;

static void
job_free (Job *job)
{
  if (job->progress_notify)
    job->progress_notify (job->progress_data);
  g_clear_object (&job->plan);
  g_clear_pointer (&job->file, desk_atomic_file_free);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_free (job->target);
  g_free (job);
}

static Job *
job_new (DeskPackagePlan    *plan,
         const char         *target_path,
         DeskPackageFlags    flags,
         DeskPackageProgress progress,
         gpointer            progress_data,
         GDestroyNotify      progress_notify)
{
  Job *job = g_new0 (Job, 1);

  job->plan = g_object_ref (plan);
  job->target = g_strdup (target_path);
  job->flags = flags;
  job->files = g_ptr_array_new_with_free_func ((GDestroyNotify)desk_package_file_free);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_notify = progress_notify;
  /* Letters, SUBMIT.txt and the lists are small next to the evidence. */
  job->total = MAX (desk_package_plan_get_input_size (plan), 1);
  return job;
}

typedef struct
{
  GTask *task;
  double fraction;
} ProgressReport;

static gboolean
report_progress_cb (gpointer data)
{
  ProgressReport *report = data;
  Job            *job = g_task_get_task_data (report->task);

  if (!g_task_get_completed (report->task) && job->progress)
    job->progress (report->fraction, job->progress_data);
  g_object_unref (report->task);
  g_free (report);
  return G_SOURCE_REMOVE;
}

static void
report_progress (Job     *job,
                 double   fraction,
                 gboolean force)
{
  gint64 now = g_get_monotonic_time ();

  if (job->progress == NULL || (!force && now - job->last_report < PROGRESS_INTERVAL_US))
    return;
  job->last_report = now;
  if (job->task && !g_main_context_is_owner (g_task_get_context (job->task)))
    {
      ProgressReport *report = g_new0 (ProgressReport, 1);
      g_autoptr (GSource) source = g_idle_source_new ();

      /* Never called in place (g_main_context_invoke would, from a worker
       * that finds the context free): progress belongs to its thread. */
      report->task = g_object_ref (job->task);
      report->fraction = fraction;
      g_source_set_callback (source, report_progress_cb, report, NULL);
      g_source_set_static_name (source, "[desk] package progress");
      g_source_attach (source, g_task_get_context (job->task));
    }
  else
    job->progress (fraction, job->progress_data);
}

static void
zip_progress_cb (guint64  done,
                 gpointer data)
{
  Job *job = data;

  report_progress (job, MIN ((double)done / job->total, 0.99), FALSE);
}

static DeskPackageFile *
add_file_record (Job        *job,
                 const char *zip_name,
                 const char *role,
                 const char *mime_type)
{
  DeskPackageFile *file = g_new0 (DeskPackageFile, 1);

  file->zip_name = g_strdup (zip_name);
  file->role = role;
  file->mime_type = mime_type;
  g_ptr_array_add (job->files, file);
  return file;
}

static gboolean
write_text (Job              *job,
            DeskZipWriter    *zip,
            const char       *zip_name,
            const char       *role,
            char             *text, /* taken */
            DeskPackageFile **file_out,
            GError          **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new_take (text, strlen (text));
  DeskPackageFile *file = add_file_record (job, zip_name, role, "text/plain; charset=utf-8");

  file->size = g_bytes_get_size (bytes);
  if (file_out)
    *file_out = file;
  return desk_zip_writer_add_bytes (zip, zip_name, bytes, FALSE, file->sha256, error);
}

static gboolean
write_evidence (Job           *job,
                DeskZipWriter *zip,
                GCancellable  *cancellable,
                GError       **error)
{
  GPtrArray *exhibits = job->plan->exhibits;

  for (guint i = 0; i < exhibits->len; i++)
    {
      DeskPackageExhibit *exhibit = g_ptr_array_index (exhibits, i);
      DeskEvidence       *evidence = exhibit->evidence;
      DeskPackageFile    *file = add_file_record (job, exhibit->zip_name, "evidence", desk_evidence_get_mime_type (evidence));

      file->exhibit = exhibit;
      file->size = desk_evidence_get_size (evidence);
      file->store = exhibit->store;
      if (!desk_zip_writer_add_file (zip, exhibit->zip_name, exhibit->source_path, file->size, file->store, file->sha256,
                                     cancellable, zip_progress_cb, job, error))
        return FALSE;
      /* The stored copy is named by its SHA-256: a difference means the disk
       * changed it since it was added. */
      if (g_strcmp0 (file->sha256, desk_evidence_get_sha256 (evidence)) != 0)
        {
          g_set_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_EVIDENCE,
                       /* Translators: %s is an evidence file's name */
                       _ ("The stored copy of “%s” has changed on disk since it was added. Add the original file to the case again, then make the package."),
                       desk_evidence_get_original_name (evidence));
          return FALSE;
        }
    }
  return TRUE;
}

/* The zip, in a worker thread (or the caller's, when blocking). */
static gboolean
write_zip (Job          *job,
           GCancellable *cancellable,
           GError      **error)
{
  DeskPackagePlan *plan = job->plan;
  gboolean         confirmed = (job->flags & DESK_PACKAGE_ALLOW_GAPS) != 0;
  g_autoptr (DeskZipWriter) zip = NULL;
  g_autoptr (GBytes) manifest_bytes = NULL;
  DeskPackageFile *file;
  char             manifest_sha[65];
  char            *manifest;

  if (!(job->file = desk_atomic_file_new (job->target, error)) || !(zip = desk_zip_writer_new (desk_atomic_file_get_fd (job->file), plan->now, error)) || !write_text (job, zip, "SUBMIT.txt", "instructions", _desk_package_submit_text (plan, confirmed), NULL, error))
    return FALSE;
  for (guint i = 0; i < plan->letters->len; i++)
    {
      DeskPackageLetter *letter = g_ptr_array_index (plan->letters, i);

      if (!write_text (job, zip, letter->zip_name, "letter", g_strdup (letter->text), &file, error))
        return FALSE;
      file->letter = letter;
    }
  if (plan->post_mortem && !write_text (job, zip, "post-mortem.txt", "post-mortem", g_strdup (plan->post_mortem), NULL, error))
    return FALSE;
  if (!write_evidence (job, zip, cancellable, error) || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  manifest = _desk_package_manifest_text (plan, job->files, confirmed);
  manifest_bytes = g_bytes_new_take (manifest, strlen (manifest));
  if (!desk_zip_writer_add_bytes (zip, "manifest.json", manifest_bytes, FALSE, manifest_sha, error))
    return FALSE;
  {
    char *sums = _desk_package_sums_text (job->files, manifest_sha);
    g_autoptr (GBytes) sums_bytes = g_bytes_new_take (sums, strlen (sums));
    char sums_sha[65];

    if (!desk_zip_writer_add_bytes (zip, "SHA256SUMS", sums_bytes, FALSE, sums_sha, error))
      return FALSE;
  }
  return desk_zip_writer_close (zip, job->sha256, &job->size, error) && !g_cancellable_set_error_if_cancelled (cancellable, error) && desk_atomic_file_sync (job->file, error);
}

static gboolean
record (Job     *job,
        GError **error)
{
  DeskPackageRecord record = {
    .case_id = desk_case_get_id (job->plan->kase),
    .created_at = job->plan->now,
    .path = job->target,
    .sha256 = job->sha256,
    .size = job->size,
    .n_files = job->files->len + 2,
    .blocking_gaps = (job->flags & DESK_PACKAGE_ALLOW_GAPS) ? desk_package_plan_count_blocking_gaps (job->plan) : 0,
    .omitted = (char **)desk_package_plan_get_omissions (job->plan),
  };

  return _desk_package_record_insert (job->plan->store, &record, error);
}

/* Naming the file and recording it is one action: the timeline entry and
 * the rename both happen, or neither. */
static DeskPackageResult *
commit (Job     *job,
        GError **error)
{
  DeskStore         *store = job->plan->store;
  g_autofree char   *base = g_path_get_basename (job->target);
  g_autofree char   *size = g_format_size (job->size);
  g_autofree char   *text = NULL;
  DeskPackageResult *result;
  guint              n_files = job->files->len + 2;

  /* Translators: timeline entry. %s: file name, %u: number of files, %s:
   * size ("12.3 MB"), %s: the package's SHA-256 (64 hex digits), which lets
   * anyone check later that the file is the one that was made. */
  text = g_strdup_printf (_ ("Complaint package “%s” made: %u files, %s. Fingerprint (SHA-256): %s"),
                          base, n_files, size, job->sha256);
  {
    g_autoptr (DeskStoreTxn) txn = _desk_store_txn_begin (store, error);

    if (txn == NULL || !desk_store_add_timeline_entry (store, desk_case_get_id (job->plan->kase), "package", text, error) || !record (job, error) || !desk_atomic_file_commit (job->file, error))
      return NULL;
    if (!_desk_store_txn_commit (g_steal_pointer (&txn), error))
      {
        desk_atomic_file_unlink_target (job->file);
        return NULL;
      }
  }
  result = g_new0 (DeskPackageResult, 1);
  result->path = g_strdup (job->target);
  result->sha256 = g_strdup (job->sha256);
  result->size = job->size;
  result->n_files = n_files;
  result->n_blocking_gaps = desk_package_plan_count_blocking_gaps (job->plan);
  result->complete = desk_package_plan_get_omissions (job->plan)[0] == NULL;
  report_progress (job, 1.0, TRUE);
  return result;
}

static gboolean
check_gaps (DeskPackagePlan *plan,
            DeskPackageFlags flags,
            GError         **error)
{
  g_autofree char *gaps = NULL;

  if ((flags & DESK_PACKAGE_ALLOW_GAPS) || desk_package_plan_count_blocking_gaps (plan) == 0)
    return TRUE;
  gaps = desk_package_plan_describe_blocking_gaps (plan);
  g_set_error (error, DESK_PACKAGE_ERROR, DESK_PACKAGE_ERROR_BLOCKING_GAPS,
               /* Translators: %s lists the gaps, one per line */
               _ ("%s\nFix these first, or confirm that you want the package anyway; it will then say that it has gaps."),
               gaps);
  return FALSE;
}

DeskPackageResult *
desk_package_write (DeskPackagePlan    *plan,
                    const char         *target_path,
                    DeskPackageFlags    flags,
                    GCancellable       *cancellable,
                    DeskPackageProgress progress,
                    gpointer            progress_data,
                    GError            **error)
{
  Job               *job;
  DeskPackageResult *result = NULL;

  g_return_val_if_fail (DESK_IS_PACKAGE_PLAN (plan), NULL);
  g_return_val_if_fail (target_path != NULL, NULL);
  if (!check_gaps (plan, flags, error))
    return NULL;
  job = job_new (plan, target_path, flags, progress, progress_data, NULL);
  if (write_zip (job, cancellable, error))
    result = commit (job, error);
  job_free (job);
  return result;
}

static void
write_thread (GTask        *inner,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job    *job = task_data;
  GError *error = NULL;

  if (write_zip (job, cancellable, &error))
    g_task_return_boolean (inner, TRUE);
  else
    g_task_return_error (inner, error);
}

static void
written_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      data)
{
  g_autoptr (GTask) task = data;
  Job               *job = g_task_get_task_data (task);
  GError            *error = NULL;
  DeskPackageResult *result;

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!(result = commit (job, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)desk_package_result_free);
}

void
desk_package_write_async (DeskPackagePlan    *plan,
                          const char         *target_path,
                          DeskPackageFlags    flags,
                          GCancellable       *cancellable,
                          DeskPackageProgress progress,
                          gpointer            progress_data,
                          GDestroyNotify      progress_notify,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) inner = NULL;
  GError *error = NULL;
  Job    *job;

  g_return_if_fail (DESK_IS_PACKAGE_PLAN (plan));
  g_return_if_fail (target_path != NULL);
  task = g_task_new (plan, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_package_write_async);
  job = job_new (plan, target_path, flags, progress, progress_data, progress_notify);
  job->task = task;
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  if (!check_gaps (plan, flags, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The worker owns no reference to @task: it returns through @inner, and
   * the rename and timeline entry happen back on this context. */
  inner = g_task_new (plan, cancellable, written_cb, g_object_ref (task));
  g_task_set_source_tag (inner, desk_package_write_async);
  g_task_set_task_data (inner, job, NULL);
  g_task_run_in_thread (inner, write_thread);
}

DeskPackageResult *
desk_package_write_finish (DeskPackagePlan *plan,
                           GAsyncResult    *result,
                           GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, plan), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
