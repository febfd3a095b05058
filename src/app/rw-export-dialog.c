/* rw-export-dialog.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rw-a11y.h"
#include "rw-export-dialog.h"
#include "rw-window.h"

struct _RwExportDialog
{
  AdwWindow      parent_instance;

  GtkButton            *export_button;
  AdwPreferencesGroup  *group;
  AdwActionRow         *width_row;
  AdwActionRow         *height_row;
  AdwComboRow   *format_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  AdwComboRow   *scale_row;

  RwChartData   *data;
  RwChartKind    kind;
};

G_DEFINE_FINAL_TYPE (RwExportDialog, rw_export_dialog, ADW_TYPE_WINDOW)

static const char *extensions[] = { "png", "pdf", "svg" };

static RwExportFormat
selected_format (RwExportDialog *self)
{
  switch (adw_combo_row_get_selected (self->format_row))
    {
    case 1: return RW_EXPORT_FORMAT_PDF;
    case 2: return RW_EXPORT_FORMAT_SVG;
    default: return RW_EXPORT_FORMAT_PNG;
    }
}

static void
toast (GtkWindow  *window,
       const char *message)
{
  if (RW_IS_WINDOW (window))
    rw_window_add_toast (RW_WINDOW (window), message);
  else
    g_message ("%s", message);
}

static void
on_format_changed_cb (RwExportDialog *self)
{
  gboolean png = selected_format (self) == RW_EXPORT_FORMAT_PNG;

  /* PDF and SVG are vector: sizes are points and no scale applies. */
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), png);
  adw_action_row_set_subtitle (self->width_row, png ? _("Pixels") : _("Points"));
  adw_action_row_set_subtitle (self->height_row, png ? _("Pixels") : _("Points"));
  rw_a11y_name_from_row (self->width_row);
  rw_a11y_name_from_row (self->height_row);
}

static void
on_save_response_cb (GtkNativeDialog *native,
                     int              response,
                     RwExportDialog  *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      if (rw_export_dialog_export (self, file, &error))
        {
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);
          toast (parent, message);
        }
      else
        {
          /* Translators: %s is the reason */
          g_autofree char *message = g_strdup_printf (_("Could not export the chart: %s"), error->message);
          toast (parent, message);
        }
      gtk_window_destroy (GTK_WINDOW (self));
    }

  g_object_unref (native);
}

static void
on_export_clicked_cb (RwExportDialog *self)
{
  GtkFileChooserNative *native;
  const char *ext = extensions[adw_combo_row_get_selected (self->format_row) % 3];
  g_autofree char *name = g_strdup_printf ("rigwise-%s.%s", rw_chart_kind_to_string (self->kind), ext);

  native = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
rw_export_dialog_dispose (GObject *object)
{
  RwExportDialog *self = RW_EXPORT_DIALOG (object);

  g_clear_pointer (&self->data, rw_chart_data_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (rw_export_dialog_parent_class)->dispose (object);
}

static void
rw_export_dialog_class_init (RwExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwise/Rigwise/rw-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RwExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, RwExportDialog, group);
  gtk_widget_class_bind_template_child (widget_class, RwExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, RwExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, RwExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, RwExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, RwExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, RwExportDialog, scale_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_export_dialog_init (RwExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->format_row, "notify::selected",
                            G_CALLBACK (on_format_changed_cb), self);
  g_signal_connect_swapped (self->export_button, "clicked",
                            G_CALLBACK (on_export_clicked_cb), self);
  on_format_changed_cb (self);
  rw_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  rw_a11y_name_combo_items (self->format_row);
  rw_a11y_name_combo_items (self->scale_row);
}

RwExportDialog *
rw_export_dialog_present (GtkWindow   *parent,
                          RwChartData *data,
                          RwChartKind  kind,
                          const char  *format)
{
  RwExportDialog *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (RW_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->data = rw_chart_data_ref (data);
  self->kind = kind;
  adw_preferences_group_set_title (self->group, rw_chart_kind_get_title (kind));
  adw_preferences_group_set_description (self->group, rw_chart_data_get_subtitle (data));

  if (g_strcmp0 (format, "pdf") == 0)
    {
      adw_combo_row_set_selected (self->format_row, 1);
      /* A4 landscape in points fits a report page or a slide. */
      gtk_spin_button_set_value (self->width_spin, 842);
      gtk_spin_button_set_value (self->height_spin, 595);
    }
  else if (g_strcmp0 (format, "svg") == 0)
    {
      adw_combo_row_set_selected (self->format_row, 2);
      gtk_spin_button_set_value (self->width_spin, 960);
      gtk_spin_button_set_value (self->height_spin, 540);
    }
  else
    {
      adw_combo_row_set_selected (self->format_row, 0);
      adw_combo_row_set_selected (self->scale_row, g_strcmp0 (format, "png2") == 0 ? 1 : 0);
    }
  on_format_changed_cb (self);

  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gboolean
rw_export_dialog_export (RwExportDialog *self,
                         GFile          *file,
                         GError        **error)
{
  RwChartStyle style;

  g_return_val_if_fail (RW_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Exports go into documents and slides: always the light style. */
  rw_chart_style_init_light (&style);
  return rw_export_chart (self->data, self->kind, file, selected_format (self),
                          gtk_spin_button_get_value (self->width_spin),
                          gtk_spin_button_get_value (self->height_spin),
                          adw_combo_row_get_selected (self->scale_row) == 1 ? 2.0 : 1.0,
                          &style, NULL, error);
}

typedef struct
{
  GtkWindow   *parent;
  RwChartData *data;
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  g_clear_object (&job->parent);
  g_clear_pointer (&job->data, rw_chart_data_unref);
  g_free (job);
}

static void
on_report_response_cb (GtkNativeDialog *native,
                       int              response,
                       ReportJob       *job)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      if (rw_export_report (job->data, file, NULL, &error))
        /* Translators: %s is a file name */
        message = g_strdup_printf (_("Report saved as “%s”"), name);
      else
        /* Translators: %s is the reason */
        message = g_strdup_printf (_("Could not write the report: %s"), error->message);
      toast (job->parent, message);
    }

  report_job_free (job);
  g_object_unref (native);
}

void
rw_export_report_run (GtkWindow   *parent,
                      RwChartData *data)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ReportJob *job;

  g_return_if_fail (data != NULL);

  job = g_new0 (ReportJob, 1);
  job->parent = parent ? g_object_ref (parent) : NULL;
  job->data = rw_chart_data_ref (data);

  native = gtk_file_chooser_native_new (_("Export Report"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "rigwise-report.pdf");
  g_signal_connect (native, "response", G_CALLBACK (on_report_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
