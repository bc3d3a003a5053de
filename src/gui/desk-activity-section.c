/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "desk-activity-section"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "desk-activity-section-private.h"
#include "desk-case-section.h"
#include "desk-evidence-store.h"
#include "desk-gui-util.h"
#include "desk-resources.h"
#include "desk-util.h"
#include "metrics/desk-activity-case.h"
#include "metrics/desk-metrics-chart.h"

static void case_section_iface_init (DeskCaseSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskActivitySection, desk_activity_section, ADW_TYPE_BIN, G_IMPLEMENT_INTERFACE (DESK_TYPE_CASE_SECTION, case_section_iface_init))

static void start_compute (DeskActivitySection *self, GFile *file, GHashTable *extra_columns);

/* Rows */

static void
add_busy_row (DeskActivitySection *self)
{
  gtk_list_box_append (self->list, desk_gui_progress_row (_ ("Reading the order export…"), self->cancellable));
}

static char *
exit_title (DeskMetricsResult *result)
{
  g_autoptr (GString) metrics = g_string_new (NULL);
  g_autofree char *day = NULL;

  if (!desk_metrics_result_get_exit_fired (result))
    return g_strdup (_ ("No metric was over its threshold 2 days in a row"));
  for (guint m = 0; m < DESK_N_METRICS; m++)
    if (desk_metrics_result_get_exit_metric (result, m))
      g_string_append_printf (metrics, "%s%s", metrics->len ? _ (", ") : "", desk_metric_get_label (m));
  day = desk_metrics_format_day (desk_metrics_result_get_exit_day (result));
  /* Translators: a date, then metric names */
  return g_strdup_printf (_ ("Exit rule met on %s: %s"), day, metrics->str);
}

static void
add_rows_row (DeskActivitySection *self)
{
  DeskOrderExport *export = desk_activity_analysis_get_export (self->analysis);
  GPtrArray *problems = desk_order_export_get_problems (export);
  guint      rows = desk_order_export_get_n_rows (export);
  guint      skipped = desk_order_export_get_n_skipped (export);
  /* Translators: counts of rows of the order export */
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order row read, %u left out", "%u order rows read, %u left out", rows), rows, skipped);
  GtkWidget       *row;

  if (problems->len == 0)
    {
      gtk_list_box_append (self->list, desk_gui_text_row (title, NULL, "x-office-spreadsheet-symbolic"));
      return;
    }
  row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), _ ("Rows that could not be used, with their line numbers"));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  for (guint i = 0; i < problems->len && i < 50; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), desk_gui_text_row (((DeskOrderProblem *)g_ptr_array_index (problems, i))->message, NULL, NULL));
  gtk_list_box_append (self->list, row);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  DeskActivitySection *self = data;

  if (self->analysis)
    desk_metrics_chart_draw (cr, width, height, desk_activity_analysis_get_result (self->analysis), self->chart_metric,
                             desk_activity_rules_get_reentry_days (self->rules),
                             desk_activity_analysis_get_options (self->analysis)->fixed_since);
}

static void
on_metric_selected (GtkDropDown         *dropdown,
                    GParamSpec          *pspec,
                    DeskActivitySection *self)
{
  GtkWidget *area = g_object_get_data (G_OBJECT (dropdown), "area");

  self->chart_metric = gtk_drop_down_get_selected (dropdown);
  gtk_widget_queue_draw (area);
}

static void
add_chart_row (DeskActivitySection *self)
{
  const char *labels[DESK_N_METRICS + 1] = { NULL };
  GtkWidget  *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget  *area = gtk_drawing_area_new ();
  GtkWidget  *dropdown;
  GtkWidget  *row = gtk_list_box_row_new ();

  for (guint m = 0; m < DESK_N_METRICS; m++)
    labels[m] = desk_metric_get_label (m);
  dropdown = gtk_drop_down_new_from_strings (labels);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), self->chart_metric);
  gtk_widget_set_halign (dropdown, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Metric shown in the chart"), -1);
  g_object_set_data (G_OBJECT (dropdown), "area", area);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_metric_selected), self);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 220);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Chart of the metric against its threshold"), -1);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), area);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->list, row);
}

static void
add_reentry_row (DeskActivitySection *self)
{
  GPtrArray *gaps = desk_metrics_result_get_reentry_gaps (desk_activity_analysis_get_result (self->analysis));
  GtkWidget *row;

  if (gaps->len == 0)
    {
      gtk_list_box_append (self->list, desk_gui_text_row (_ ("Re-entry: every condition holds"), NULL, "emblem-ok-symbolic"));
      return;
    }
  row = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Re-entry: not yet"));
  /* Translators: %u conditions */
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), g_dngettext (GETTEXT_PACKAGE, "One condition is still missing", "Some conditions are still missing", gaps->len));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  for (guint i = 0; i < gaps->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), desk_gui_text_row (((DeskReentryGap *)g_ptr_array_index (gaps, i))->message, NULL, NULL));
  gtk_list_box_append (self->list, row);
}

static void
clear_list (DeskActivitySection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
}

static void
refresh (DeskActivitySection *self)
{
  clear_list (self);
  gtk_widget_set_sensitive (self->read_button, !self->busy);
  if (self->error)
    {
      GtkWidget *row = desk_gui_text_row (_ ("The order export could not be used"), self->error, "dialog-error-symbolic");

      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->list, row);
    }
  if (self->busy)
    add_busy_row (self);
  if (self->analysis == NULL)
    {
      if (!self->busy)
        gtk_list_box_append (self->list, desk_gui_text_row (_ ("No order export read yet"),
                                                            _ ("In the seller centre, export the orders of the last 60 days as CSV, then choose Read Orders."),
                                                            "x-office-spreadsheet-symbolic"));
      return;
    }
  gtk_list_box_append (self->list, desk_gui_text_row (exit_title (desk_activity_analysis_get_result (self->analysis)), NULL,
                                                      desk_metrics_result_get_exit_fired (desk_activity_analysis_get_result (self->analysis)) ? "dialog-warning-symbolic" : "emblem-ok-symbolic"));
  add_chart_row (self);
  add_reentry_row (self);
  _desk_activity_section_add_store_rows (self);
  _desk_activity_section_add_post_mortem_row (self);
  add_rows_row (self);
}

/* Reading */

static void
set_busy (DeskActivitySection *self,
          gboolean             busy)
{
  self->busy = busy;
  if (busy)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  refresh (self);
}

static void
use_analysis (DeskActivitySection  *self,
              DeskActivityAnalysis *analysis)
{
  DeskMetricsResult *result = desk_activity_analysis_get_result (analysis);

  g_clear_pointer (&self->analysis, desk_activity_analysis_free);
  self->analysis = analysis;
  for (guint m = 0; m < DESK_N_METRICS; m++)
    if (desk_metrics_result_get_exit_metric (result, m))
      {
        self->chart_metric = m;
        break;
      }
}

static void
reload_record (DeskActivitySection *self)
{
  g_autoptr (GError) error = NULL;

  desk_activity_record_clear (&self->record);
  if (!desk_activity_load (_desk_activity_section_get_store (self), _desk_activity_section_case_id (self), &self->record, &error) && error)
    _desk_activity_section_set_error (self, error->message);
}

static gboolean
save (DeskActivitySection  *self,
      DeskActivityAnalysis *analysis,
      GHashTable           *columns,
      gint64                evidence_id)
{
  g_autoptr (GError) error = NULL;

  if (!desk_activity_save (_desk_activity_section_get_store (self), _desk_activity_section_case_id (self), analysis, columns, evidence_id ? evidence_id : self->record.export_evidence_id, &error))
    {
      _desk_activity_section_set_error (self, error->message);
      return FALSE;
    }
  reload_record (self);
  return TRUE;
}

typedef struct
{
  DeskActivitySection  *self;
  DeskActivityAnalysis *analysis;
  GHashTable           *columns;
} AddData;

static void
on_evidence_added (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AddData             *data = user_data;
  DeskActivitySection *self = data->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (DeskEvidence) evidence = desk_evidence_add_finish (DESK_STORE (source), result, NULL, &error);

  if (evidence == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _desk_activity_section_set_error (self, error->message);
      desk_activity_analysis_free (data->analysis);
    }
  else if (save (self, data->analysis, data->columns, desk_evidence_get_id (evidence)))
    use_analysis (self, data->analysis);
  else
    desk_activity_analysis_free (data->analysis);
  g_clear_pointer (&data->columns, g_hash_table_unref);
  set_busy (self, FALSE);
  g_object_unref (self);
  g_free (data);
}

static void ask_columns (DeskActivitySection *self, GFile *file, GHashTable *columns);

typedef struct
{
  DeskActivitySection *self;
  GFile               *file; /* NULL: the saved export read again */
  GHashTable          *columns;
  gboolean             save; /* FALSE: only showing what was saved */
} ComputeData;

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ComputeData         *data = user_data;
  DeskActivitySection *self = data->self;
  g_autoptr (GError) error = NULL;
  DeskActivityAnalysis *analysis = desk_activity_compute_finish (result, &error);

  if (analysis == NULL)
    {
      if (g_error_matches (error, DESK_METRICS_ERROR, DESK_METRICS_ERROR_MISSING_COLUMN) && data->file)
        ask_columns (self, data->file, data->columns);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _desk_activity_section_set_error (self, error->message);
      set_busy (self, FALSE);
    }
  else if (data->file)
    {
      AddData *add = g_new0 (AddData, 1);

      /* Only a file that reads as an export becomes the case's evidence. */
      add->self = g_object_ref (self);
      add->analysis = analysis;
      add->columns = g_hash_table_ref (data->columns);
      desk_evidence_add_async (_desk_activity_section_get_store (self), data->file, _desk_activity_section_case_id (self), _ ("Order export from the seller centre"),
                               self->cancellable, NULL, NULL, on_evidence_added, add);
    }
  else
    {
      if (!data->save || save (self, analysis, data->columns, 0))
        use_analysis (self, analysis);
      else
        desk_activity_analysis_free (analysis);
      set_busy (self, FALSE);
    }
  g_clear_object (&data->file);
  g_clear_pointer (&data->columns, g_hash_table_unref);
  g_object_unref (data->self);
  g_free (data);
}

static GFile *
saved_export_file (DeskActivitySection *self)
{
  g_autoptr (DeskEvidence) evidence = NULL;
  g_autofree char *path = NULL;

  if (self->record.export_evidence_id == 0 || !(evidence = desk_evidence_get (_desk_activity_section_get_store (self), self->record.export_evidence_id, NULL)))
    return NULL;
  path = desk_evidence_get_path (_desk_activity_section_get_store (self), evidence);
  return g_file_new_for_path (path);
}

static void
compute (DeskActivitySection      *self,
         GFile                    *file,
         gboolean                  is_new,
         gboolean                  save_result,
         GHashTable               *columns,
         const DeskMetricsOptions *options,
         GTimeZone                *zone)
{
  ComputeData *data = g_new0 (ComputeData, 1);

  _desk_activity_section_set_error (self, NULL);
  set_busy (self, TRUE);
  data->self = g_object_ref (self);
  data->file = is_new ? g_object_ref (file) : NULL;
  data->columns = g_hash_table_ref (columns);
  data->save = save_result;
  desk_activity_compute_async (file, self->rules, columns, zone, options, self->record.post_mortem,
                               desk_case_get_platform_case_id (self->kase), self->cancellable, on_computed, data);
}

/* The saved options and zone, or this computer's zone and nothing entered. */
static GTimeZone *
saved_options (DeskActivitySection *self,
               DeskMetricsOptions  *options,
               GStrv               *skus)
{
  g_autofree char *zone = NULL;

  memset (options, 0, sizeof *options);
  if (self->record.options_json && desk_metrics_options_from_json (self->record.options_json, options, skus, &zone, NULL) && zone && *zone)
    {
      GTimeZone *tz = g_time_zone_new_identifier (zone);

      if (tz)
        return tz;
    }
  return g_time_zone_new_local ();
}

static void
start_compute (DeskActivitySection *self,
               GFile               *file,
               GHashTable          *extra_columns)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) columns = desk_activity_load_columns (_desk_activity_section_get_store (self), &error);
  g_autoptr (GTimeZone) zone = NULL;
  g_auto (GStrv) skus = NULL;
  DeskMetricsOptions options;
  GHashTableIter     iter;
  gpointer           key, value;

  if (columns == NULL)
    {
      _desk_activity_section_set_error (self, error->message);
      refresh (self);
      return;
    }
  if (extra_columns)
    {
      g_hash_table_iter_init (&iter, extra_columns);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (columns, g_strdup (key), g_strdup (value));
    }
  zone = saved_options (self, &options, &skus);
  compute (self, file, TRUE, TRUE, columns, &options, zone);
}

static void
recompute_with (DeskActivitySection      *self,
                const DeskMetricsOptions *options)
{
  g_autoptr (GFile) file = saved_export_file (self);
  g_autoptr (GHashTable) columns = desk_activity_load_columns (_desk_activity_section_get_store (self), NULL);
  g_autoptr (GTimeZone) zone = NULL;
  g_auto (GStrv) skus = NULL;
  DeskMetricsOptions saved;

  if (file == NULL || columns == NULL)
    {
      _desk_activity_section_set_error (self, _ ("The order export of this case was removed from its evidence. Read it again."));
      refresh (self);
      return;
    }
  zone = saved_options (self, &saved, &skus);
  compute (self, file, FALSE, TRUE, columns, options, zone);
}

/* Column names the app does not know: the seller says which is which. */

typedef struct
{
  DeskActivitySection *self;
  GFile               *file;
  GHashTable          *columns;
  GStrv                headers;
  GtkDropDown         *choice[2]; /* order number, order time */
} ColumnsDialog;

static void
columns_dialog_free (ColumnsDialog *cd)
{
  g_object_unref (cd->self);
  g_object_unref (cd->file);
  g_clear_pointer (&cd->columns, g_hash_table_unref);
  g_strfreev (cd->headers);
  g_free (cd);
}

static void
on_columns_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ColumnsDialog    *cd)
{
  g_autoptr (GHashTable) extra = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (g_str_equal (response, "read"))
    {
      for (guint f = 0; f < 2; f++)
        {
          guint chosen = gtk_drop_down_get_selected (cd->choice[f]);

          if (chosen != GTK_INVALID_LIST_POSITION && cd->headers[chosen])
            g_hash_table_replace (extra, desk_activity_normalize_key (cd->headers[chosen]), g_strdup (desk_order_field_to_id (f)));
        }
      start_compute (cd->self, cd->file, extra);
    }
  columns_dialog_free (cd);
}

static void
ask_columns (DeskActivitySection *self,
             GFile               *file,
             GHashTable          *columns)
{
  g_autoptr (GBytes) bytes = desk_activity_read_file (file, NULL, NULL);
  ColumnsDialog *cd;
  GtkWidget     *dialog, *box;

  if (bytes == NULL)
    return;
  cd = g_new0 (ColumnsDialog, 1);
  cd->self = g_object_ref (self);
  cd->file = g_object_ref (file);
  cd->columns = g_hash_table_ref (columns);
  cd->headers = desk_order_export_read_headers (bytes, NULL);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _ ("Which Columns Are These?"),
                                   _ ("The export names its columns in a way Appeal Desk does not know. Choose the order number and the order time; they will be remembered for the next export."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint f = 0; f < 2; f++)
    {
      GtkWidget *label = gtk_label_new (desk_order_field_get_label (f));

      gtk_widget_set_halign (label, GTK_ALIGN_START);
      cd->choice[f] = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *const *)cd->headers));
      gtk_accessible_update_property (GTK_ACCESSIBLE (cd->choice[f]), GTK_ACCESSIBLE_PROPERTY_LABEL, desk_order_field_get_label (f), -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (cd->choice[f]));
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "read", _ ("_Read"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read");
  g_signal_connect (dialog, "response", G_CALLBACK (on_columns_response), cd);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
desk_activity_section_read_file (DeskActivitySection *self,
                                 GFile               *file)
{
  g_return_if_fail (DESK_IS_ACTIVITY_SECTION (self));
  g_return_if_fail (self->kase != NULL);
  start_compute (self, file, NULL);
}

static void
on_file_chosen (GtkNativeDialog     *chooser,
                int                  response,
                DeskActivitySection *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file && self->kase)
        start_compute (self, file, NULL);
    }
  g_object_unref (chooser);
}

static void
on_read_clicked (DeskActivitySection *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_ ("Choose the Order Export"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Read"), _ ("_Cancel"));
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (csv, _ ("Order exports (CSV)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
desk_activity_section_get_busy (DeskActivitySection *self)
{
  g_return_val_if_fail (DESK_IS_ACTIVITY_SECTION (self), FALSE);
  return self->busy;
}

void
desk_activity_section_set_case (DeskActivitySection *self,
                                DeskSession         *session,
                                gint64               id)
{
  g_autoptr (GFile) file = NULL;
  DeskRulePack *pack;

  g_return_if_fail (DESK_IS_ACTIVITY_SECTION (self));
  g_cancellable_cancel (self->cancellable);
  self->busy = FALSE;
  g_set_object (&self->session, session);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->analysis, desk_activity_analysis_free);
  g_clear_pointer (&self->error, g_free);
  desk_activity_record_clear (&self->record);
  self->rules = NULL;
  self->chart_metric = DESK_METRIC_LATE_SHIPMENT;
  if (session && id)
    self->kase = desk_store_get_case (_desk_activity_section_get_store (self), id, NULL);
  if (self->kase && desk_case_get_case_type (self->kase) == DESK_CASE_TYPE_ACTIVITY_EXIT)
    {
      pack = desk_session_get_pack (session, desk_case_get_platform (self->kase));
      self->rules = desk_activity_rules_for_pack (pack, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->rules != NULL);
  if (self->rules == NULL)
    return;
  reload_record (self);
  if ((file = saved_export_file (self)))
    {
      DeskMetricsOptions options;
      g_auto (GStrv) skus = NULL;
      g_autoptr (GTimeZone) zone = saved_options (self, &options, &skus);
      g_autoptr (GHashTable) columns = desk_activity_load_columns (_desk_activity_section_get_store (self), NULL);

      if (columns)
        {
          compute (self, file, FALSE, FALSE, columns, &options, zone);
          return;
        }
    }
  refresh (self);
}

static void
desk_activity_section_dispose (GObject *object)
{
  DeskActivitySection *self = DESK_ACTIVITY_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->analysis, desk_activity_analysis_free);
  desk_activity_record_clear (&self->record);
  G_OBJECT_CLASS (desk_activity_section_parent_class)->dispose (object);
}

static void
desk_activity_section_finalize (GObject *object)
{
  DeskActivitySection *self = DESK_ACTIVITY_SECTION (object);

  g_free (self->error);
  G_OBJECT_CLASS (desk_activity_section_parent_class)->finalize (object);
}

static void
desk_activity_section_class_init (DeskActivitySectionClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_activity_section_dispose;
  object_class->finalize = desk_activity_section_finalize;
  /* Pulls the resources into any binary that links this widget alone. */
  g_assert_nonnull (desk_get_resource ());
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/desk-activity-section.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskActivitySection, group);
  gtk_widget_class_bind_template_child (widget_class, DeskActivitySection, list);
  gtk_widget_class_bind_template_child (widget_class, DeskActivitySection, read_button);
  gtk_widget_class_bind_template_callback (widget_class, on_read_clicked);
}

static const DeskActivitySectionHooks hooks = {
  .recompute_with = recompute_with,
  .refresh = refresh,
};

static void
desk_activity_section_init (DeskActivitySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->hooks = &hooks;
}

DeskActivitySection *
desk_activity_section_new (void)
{
  return g_object_new (DESK_TYPE_ACTIVITY_SECTION, NULL);
}

static void
case_section_iface_init (DeskCaseSectionInterface *iface)
{
  iface->set_case = (DeskCaseSectionSetCase)desk_activity_section_set_case;
}
