/* rw-window.c
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rw-a11y.h"
#include "rw-build-editor.h"
#include "rw-chart-card.h"
#include "rw-export-dialog.h"
#include "rw-window.h"

struct _RwWindow
{
  AdwApplicationWindow  parent_instance;

  AdwHeaderBar         *header_bar;
  GtkToggleButton      *flap_toggle;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *menu_button;
  GtkButton            *export_button;
  AdwToastOverlay      *toast_overlay;
  AdwFlap              *flap;
  RwWorkloadSidebar    *sidebar;
  GtkStack             *main_stack;
  AdwViewStack         *stack;
  AdwStatusPage        *status_page;
  /* The views are built the first time they are shown (or asked for):
   * start-up builds only the one the window opens on. */
  AdwBin               *compare_page;
  AdwBin               *fit_page;
  AdwBin               *speed_page;
  AdwBin               *cost_page;
  RwCompareView        *compare_view;
  RwFitView            *fit_view;
  RwSpeedView          *speed_view;
  RwCostView           *cost_view;
  AdwViewSwitcherBar   *switcher_bar;
  GMenu                *prices_section;
  GMenu                *recent_section;
  GtkRevealer          *refresh_revealer;
  GtkRevealer          *skipped_revealer;
  GtkLabel             *skipped_label;
  GtkSpinner           *refresh_spinner;
  GtkProgressBar       *refresh_progress;
  GtkRevealer          *warning_revealer;
  GtkLabel             *warning_label;

  GSettings            *settings;
  RwCatalog            *catalog;
  RwChartData          *data;
  GError               *catalog_error;
  GHashTable           *imported;       /* model id → JsonObject config.json, for saving */
  GHashTable           *imported_names; /* model id → file name it came from */
  GFile                *file;           /* the scenario open or last saved, or NULL */
};

G_DEFINE_FINAL_TYPE (RwWindow, rw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RwChartCard *
visible_chart (RwWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "speed") == 0 && self->speed_view != NULL)
    return rw_speed_view_get_main_chart (self->speed_view);
  if (g_strcmp0 (name, "cost") == 0 && self->cost_view != NULL)
    return rw_cost_view_get_main_chart (self->cost_view);
  if (g_strcmp0 (name, "fit") == 0 && self->fit_view != NULL)
    return rw_fit_view_get_main_chart (self->fit_view);
  /* Compare has no chart: Export Chart is off there (it used to export
   * the hidden Fit chart), the report covers it. */
  return NULL;
}

/* Export Chart needs a chart the user can see: none on Compare, none on
 * Speed while fine-tuning (no decode against context). */
static gboolean
can_export_chart (RwWindow *self)
{
  RwChartCard *chart = visible_chart (self);

  return self->data != NULL && chart != NULL && gtk_widget_get_visible (GTK_WIDGET (chart));
}

static void
show_status (RwWindow   *self,
             const char *icon,
             const char *title,
             const char *description)
{
  adw_status_page_set_icon_name (self->status_page, icon);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "status");
}

#define RECENT_MIME_TYPE "application/x-rigwise-scenario"
#define RECENT_MAX 8

/* "trip" for trip.rigwise: the name the title shows. */
static char *
scenario_display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  const char *display = info != NULL ? g_file_info_get_display_name (info) : NULL;
  g_autofree char *name = g_strdup (display != NULL ? display : base);

  if (g_str_has_suffix (name, ".rigwise") && strlen (name) > strlen (".rigwise"))
    name[strlen (name) - strlen (".rigwise")] = '\0';
  return g_steal_pointer (&name);
}

static void
update_title (RwWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (self->file == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Rigwise"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      return;
    }
  name = scenario_display_name (self->file);
  /* Translators: the window title with a scenario open, "trip — Rigwise" */
  title = g_strdup_printf (_("%s — Rigwise"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
}

/* Open Recent: the scenarios GNOME's recent list has for Rigwise. */
static void
fill_recent_menu (RwWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  for (GList *l = items; l != NULL && n < RECENT_MAX; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), RECENT_MIME_TYPE) != 0
          || !gtk_recent_info_exists (info))
        continue;
      {
        /* Escape the mnemonic marker: a file name is not a label. */
        g_auto(GStrv) parts = g_strsplit (gtk_recent_info_get_display_name (info), "_", -1);

        label = g_strjoinv ("__", parts);
      }
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent", n > 0 && self->catalog != NULL);
}

static void
remember_file (RwWindow *self,
               GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) RECENT_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "rigwise %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  g_set_object (&self->file, file);
  update_title (self);
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* The Fit view's "What Fits": a search on the core per machine, about a
 * hundred estimates each, cheap enough for every change. */
static void
update_what_fits (RwWindow          *self,
                  RwSystem         **systems,
                  guint              n,
                  const RwWorkload  *workload)
{
  g_autoptr(GPtrArray) fits = NULL;

  if (self->fit_view == NULL)
    return;
  fits = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_what_fits_free);
  for (guint i = 0; i < n; i++)
    {
      RwWhatFits *f = rw_what_fits (self->catalog, systems[i], workload, NULL);

      /* The workload was estimated already: it is valid. */
      g_return_if_fail (f != NULL);
      g_ptr_array_add (fits, f);
    }
  rw_fit_view_set_what_fits (self->fit_view, workload, (RwWhatFits * const *) fits->pdata, fits->len);
}

static void update_actions (RwWindow *self);

/* Gives every view built so far the current figures. */
static void
refresh_views (RwWindow *self)
{
  if (self->data == NULL)
    return;
  if (self->compare_view != NULL)
    rw_compare_view_set_data (self->compare_view, self->data);
  if (self->fit_view != NULL)
    {
      const RwWorkload *workload = rw_chart_data_get_workload (self->data);
      g_autoptr(GPtrArray) systems = g_ptr_array_new ();

      rw_fit_view_set_data (self->fit_view, self->data);
      for (guint i = 0; i < rw_chart_data_get_n_systems (self->data); i++)
        g_ptr_array_add (systems, (gpointer) rw_chart_data_get_system (self->data, i));
      update_what_fits (self, (RwSystem **) systems->pdata, systems->len, workload);
    }
  if (self->speed_view != NULL)
    rw_speed_view_set_data (self->speed_view, self->data);
  if (self->cost_view != NULL)
    rw_cost_view_set_data (self->cost_view, self->data);
}

/* Builds the view of page @name if it is not yet, with the current data. */
static void
ensure_view (RwWindow   *self,
             const char *name)
{
  GtkWidget *view = NULL;

  if (g_strcmp0 (name, "compare") == 0 && self->compare_view == NULL)
    {
      view = g_object_new (RW_TYPE_COMPARE_VIEW, NULL);
      self->compare_view = RW_COMPARE_VIEW (view);
      adw_bin_set_child (self->compare_page, view);
      if (self->data != NULL)
        rw_compare_view_set_data (self->compare_view, self->data);
    }
  else if (g_strcmp0 (name, "fit") == 0 && self->fit_view == NULL)
    {
      view = g_object_new (RW_TYPE_FIT_VIEW, NULL);
      self->fit_view = RW_FIT_VIEW (view);
      adw_bin_set_child (self->fit_page, view);
      refresh_views (self);
    }
  else if (g_strcmp0 (name, "speed") == 0 && self->speed_view == NULL)
    {
      view = g_object_new (RW_TYPE_SPEED_VIEW, NULL);
      self->speed_view = RW_SPEED_VIEW (view);
      adw_bin_set_child (self->speed_page, view);
      if (self->data != NULL)
        rw_speed_view_set_data (self->speed_view, self->data);
    }
  else if (g_strcmp0 (name, "cost") == 0 && self->cost_view == NULL)
    {
      view = g_object_new (RW_TYPE_COST_VIEW, NULL);
      self->cost_view = RW_COST_VIEW (view);
      adw_bin_set_child (self->cost_page, view);
      if (self->data != NULL)
        rw_cost_view_set_data (self->cost_view, self->data);
    }
  /* As the window does once built, for what is built later. */
  if (view != NULL)
    rw_a11y_name_mnemonic_buttons (view);
}

static void
on_visible_view_changed_cb (RwWindow *self)
{
  ensure_view (self, adw_view_stack_get_visible_child_name (self->stack));
  update_actions (self);
}

/* The banner under the header bar: what the workload asks beyond its
 * model, in every view. */
static void
show_warnings (RwWindow           *self,
               const char * const *warnings)
{
  gboolean any = warnings != NULL && warnings[0] != NULL;

  if (any)
    {
      g_autofree char *text = g_strjoinv ("\n", (char **) warnings);

      gtk_label_set_label (self->warning_label, text);
    }
  gtk_revealer_set_reveal_child (self->warning_revealer, any);
}

static void
update_actions (RwWindow *self)
{
  gboolean have_data = self->data != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", can_export_chart (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", have_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-model", self->catalog != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-scenario", self->catalog != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-build", self->catalog != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-scenario", have_data);
}

/* The core's id and name (rw_hf_config_identify(): a digest of the
 * config, the repository it names or the file name), marked as imported. */
static void
name_imported_model (RwModel     *model,
                     JsonObject  *config,
                     const char  *file_name)
{
  g_autofree char *plain = NULL;

  rw_hf_config_identify (model, config, file_name);
  plain = g_steal_pointer (&model->name);
  /* Translators: a model imported from a config.json; %s is its repository
   * or, when the config names none, the file name */
  model->name = g_strdup_printf (_("%s (imported)"), plain);
}

/* The workload as the views compute it: the sidebar's, with the cost
 * inputs from the settings. */
static void
current_workload (RwWindow   *self,
                  RwWorkload *workload)
{
  *workload = *rw_workload_sidebar_get_workload (self->sidebar);
  workload->electricity_price = g_settings_get_double (self->settings, "electricity-price");
  workload->hours_per_day = g_settings_get_double (self->settings, "hours-per-day");
  workload->years = g_settings_get_double (self->settings, "years");
}

static char **
selected_system_ids (RwWindow *self)
{
  GPtrArray *systems = rw_workload_sidebar_get_selected_systems (self->sidebar);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < systems->len; i++)
    g_strv_builder_add (builder, ((RwSystem *) g_ptr_array_index (systems, i))->id);
  return g_strv_builder_end (builder);
}

static void
save_last_scenario (RwWindow *self)
{
  g_autoptr(RwScenario) scenario = NULL;
  g_autofree char *text = NULL;

  if (self->catalog == NULL)
    return;
  scenario = rw_window_dup_scenario (self, NULL);
  if (scenario == NULL)
    return;
  text = rw_scenario_to_data (scenario, NULL);
  g_settings_set_string (self->settings, "last-scenario", text);
}

static void
restore_last_scenario (RwWindow *self)
{
  g_autofree char *text = g_settings_get_string (self->settings, "last-scenario");
  g_autoptr(RwScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;

  if (text == NULL || *text == '\0')
    return;

  scenario = rw_scenario_load_from_data (text, -1, _("the last session"), self->catalog, &error);
  if (scenario == NULL || !rw_window_apply_scenario (self, scenario, &error))
    {
      /* Translators: %s is the reason */
      g_autofree char *message = g_strdup_printf (_("Could not restore the last session: %s"),
                                                  error->message);
      rw_window_add_toast (self, message);
    }
}

static void
on_open_response_cb (GtkNativeDialog *native,
                     int              response,
                     RwWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (file != NULL && !rw_window_open_scenario_file (self, file, &error))
    {
      /* Translators: %s is the reason, naming the file and the field */
      g_autofree char *message = g_strdup_printf (_("Could not open the scenario: %s"), error->message);
      rw_window_add_toast (self, message);
    }

  g_object_unref (native);
}

static void
on_save_response_cb (GtkNativeDialog *native,
                     int              response,
                     RwWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      if (rw_window_save_scenario_file (self, file, &error))
        /* Translators: %s is a file name */
        message = g_strdup_printf (_("Scenario saved as “%s”"), name);
      else
        /* Translators: %s is the reason */
        message = g_strdup_printf (_("Could not save the scenario: %s"), error->message);
      rw_window_add_toast (self, message);
    }

  g_object_unref (native);
}

static GtkFileFilter *
scenario_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Rigwise scenarios"));
  gtk_file_filter_add_suffix (filter, "rigwise");
  return filter;
}

static void
open_scenario_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RwWindow *self = RW_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = scenario_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Scenario"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_recent_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RwWindow *self = RW_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (!rw_window_open_scenario_file (self, file, &error))
    {
      /* Translators: %s is the reason, naming the file and the field */
      g_autofree char *message = g_strdup_printf (_("Could not open the scenario: %s"), error->message);
      rw_window_add_toast (self, message);
    }
}

static void
save_scenario_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RwWindow *self = RW_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = scenario_filter_new ();

  native = gtk_file_chooser_native_new (_("Save Scenario"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("scenario.rigwise"));
  g_signal_connect (native, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_workload_changed_cb (RwWindow *self)
{
  rw_window_recompute (self);
}

static void
on_settings_changed_cb (GSettings  *settings,
                        const char *key,
                        RwWindow   *self)
{
  if (g_str_equal (key, "electricity-price") || g_str_equal (key, "hours-per-day")
      || g_str_equal (key, "years") || g_str_equal (key, "units"))
    rw_window_recompute (self);
  else if (g_str_equal (key, "currency-display"))
    {
      /* The sidebar lists each system's price too. */
      rw_workload_sidebar_reload (self->sidebar);
      rw_window_recompute (self);
    }
}

static void
export_chart_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RwWindow *self = RW_WINDOW (widget);

  if (can_export_chart (self))
    rw_chart_card_export (visible_chart (self), "png");
}

static void
export_report_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RwWindow *self = RW_WINDOW (widget);

  if (self->data != NULL)
    rw_export_report_run (GTK_WINDOW (self), self->data);
}

static void
on_import_response_cb (GtkNativeDialog *native,
                       int              response,
                       RwWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (file != NULL && !rw_window_import_model_file (self, file, &error))
    {
      /* Translators: %s is the reason, naming the file and the field */
      g_autofree char *message = g_strdup_printf (_("Could not import the model: %s"), error->message);
      rw_window_add_toast (self, message);
    }

  g_object_unref (native);
}

static void
import_model_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RwWindow *self = RW_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Import Hugging Face config.json"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("JSON files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_build_changed_cb (RwWindow *self)
{
  /* Names and prices in the sidebar, then every figure. */
  rw_workload_sidebar_reload (self->sidebar);
  rw_window_recompute (self);
}

static void
edit_build_activated_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RwWindow *self = RW_WINDOW (widget);
  RwBuildEditor *editor;
  GPtrArray *systems;

  if (self->catalog == NULL)
    return;

  editor = rw_build_editor_new (GTK_WINDOW (self), self->catalog);
  /* Start on the first compared custom build, if any. */
  systems = rw_workload_sidebar_get_selected_systems (self->sidebar);
  for (guint i = 0; i < systems->len; i++)
    {
      RwSystem *system = g_ptr_array_index (systems, i);

      if (system->components != NULL && system->components->len > 0)
        {
          rw_build_editor_select_system (editor, system->id);
          break;
        }
    }
  g_signal_connect_object (editor, "changed", G_CALLBACK (on_build_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
toggle_sidebar_activated_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  RwWindow *self = RW_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
show_view_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RwWindow *self = RW_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, g_variant_get_string (parameter, NULL));
}

static void
save_window_state (RwWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  /* Not g_settings_delay(): it would leave the object delayed for good. */
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
rw_window_close_request (GtkWindow *window)
{
  save_window_state (RW_WINDOW (window));
  save_last_scenario (RW_WINDOW (window));

  return GTK_WINDOW_CLASS (rw_window_parent_class)->close_request (window);
}

static void
on_skipped_dismiss_clicked_cb (RwWindow *self)
{
  gtk_revealer_set_reveal_child (self->skipped_revealer, FALSE);
}

/* One line per user catalog file that did not load: which and why. */
static void
show_skipped_files (RwWindow *self)
{
  GPtrArray *skipped = rw_catalog_get_skipped (self->catalog);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) paths = g_string_new (NULL);

  for (guint i = 0; i < skipped->len; i++)
    {
      const RwCatalogSkip *skip = g_ptr_array_index (skipped, i);
      g_autofree char *name = g_filename_display_basename (skip->path);
      g_autofree char *path = g_filename_display_name (skip->path);

      if (i > 0)
        {
          g_string_append_c (text, '\n');
          g_string_append_c (paths, '\n');
        }
      /* Translators: a file of the user's own catalog that could not be
       * read; %s is the file name, the second %s why (in English) */
      g_string_append_printf (text, _("Your catalog file “%s” was skipped: %s"), name,
                              rw_catalog_skip_get_reason (skip));
      g_string_append (paths, path);
    }
  gtk_label_set_text (self->skipped_label, text->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->skipped_label), paths->str);
  gtk_revealer_set_reveal_child (self->skipped_revealer, skipped->len > 0);
}

static void
rw_window_constructed (GObject *object)
{
  RwWindow *self = RW_WINDOW (object);

  G_OBJECT_CLASS (rw_window_parent_class)->constructed (object);

  if (self->catalog != NULL)
    {
      rw_workload_sidebar_set_catalog (self->sidebar, self->catalog);
      restore_last_scenario (self);
      show_skipped_files (self);
    }
  else
    show_status (self, "dialog-error-symbolic", _("Could Not Load the Catalog"),
                 self->catalog_error ? self->catalog_error->message : NULL);
  update_actions (self);
  fill_recent_menu (self);
}

static void
rw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RwWindow *self = RW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RwWindow *self = RW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_window_dispose (GObject *object)
{
  RwWindow *self = RW_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_WINDOW);
  g_clear_pointer (&self->data, rw_chart_data_unref);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_error (&self->catalog_error);
  g_clear_pointer (&self->imported, g_hash_table_unref);
  g_clear_pointer (&self->imported_names, g_hash_table_unref);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (rw_window_parent_class)->dispose (object);
}

static void
rw_window_class_init (RwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *views[] = { "compare", "fit", "speed", "cost" };

  object_class->constructed = rw_window_constructed;
  object_class->dispose = rw_window_dispose;
  object_class->get_property = rw_window_get_property;
  object_class->set_property = rw_window_set_property;
  window_class->close_request = rw_window_close_request;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         RW_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RW_TYPE_WORKLOAD_SIDEBAR);
  g_type_ensure (RW_TYPE_COMPARE_VIEW);
  g_type_ensure (RW_TYPE_FIT_VIEW);
  g_type_ensure (RW_TYPE_SPEED_VIEW);
  g_type_ensure (RW_TYPE_COST_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rigwise/Rigwise/rw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, flap_toggle);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, compare_page);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, fit_page);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, speed_page);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, cost_page);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, prices_section);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, refresh_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, skipped_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, skipped_label);
  gtk_widget_class_bind_template_callback (widget_class, on_skipped_dismiss_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, refresh_progress);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, warning_label);

  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.import-model", NULL, import_model_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.open-scenario", NULL, open_scenario_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-build", NULL, edit_build_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.save-scenario", NULL, save_scenario_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-model", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-scenario", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save-scenario", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", views[i]);
}

static void
rw_window_init (RwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Icon buttons: named by what they do; their tooltips say the same. */
  rw_a11y_name (GTK_WIDGET (self->flap_toggle), _("Show workload sidebar"), NULL);
  rw_a11y_name (GTK_WIDGET (self->menu_button), _("Main menu"), NULL);
  rw_a11y_name (GTK_WIDGET (self->export_button), _("Export report"), NULL);
  rw_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) json_object_unref);
  self->imported_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "visible-view", self->stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_swapped (self->sidebar, "changed", G_CALLBACK (on_workload_changed_cb), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (on_visible_view_changed_cb), self);
  ensure_view (self, adw_view_stack_get_visible_child_name (self->stack));
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self, 0);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (fill_recent_menu), self, G_CONNECT_SWAPPED);
}

RwWindow *
rw_window_new (GtkApplication *application,
               RwCatalog      *catalog,
               const GError   *catalog_error)
{
  RwWindow *self;

  /* The error must be in place before constructed() shows it. */
  self = g_object_new (RW_TYPE_WINDOW,
                       "application", application,
                       "catalog", catalog,
                       NULL);
  if (catalog == NULL && catalog_error != NULL)
    {
      self->catalog_error = g_error_copy (catalog_error);
      adw_status_page_set_description (self->status_page, catalog_error->message);
    }
  return self;
}

RwCatalog *
rw_window_get_catalog (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);

  return self->catalog;
}

void
rw_window_add_toast (RwWindow   *self,
                     const char *message)
{
  AdwToast *toast;

  g_return_if_fail (RW_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
rw_window_recompute (RwWindow *self)
{
  RwWorkload workload;
  GPtrArray *systems;
  g_autoptr(GError) error = NULL;
  RwChartData *data;

  g_return_if_fail (RW_IS_WINDOW (self));

  if (self->catalog == NULL)
    return;

  /* The sidebar describes what to run; the settings what it costs. */
  workload = *rw_workload_sidebar_get_workload (self->sidebar);
  workload.electricity_price = g_settings_get_double (self->settings, "electricity-price");
  workload.hours_per_day = g_settings_get_double (self->settings, "hours-per-day");
  workload.years = g_settings_get_double (self->settings, "years");

  systems = rw_workload_sidebar_get_selected_systems (self->sidebar);
  if (systems->len == 0)
    {
      g_clear_pointer (&self->data, rw_chart_data_unref);
      show_warnings (self, NULL);
      show_status (self, "view-dual-symbolic", _("No Systems Selected"),
                   _("Choose at least one system in the sidebar to compare."));
      update_actions (self);
      return;
    }

  data = rw_chart_data_new (self->catalog, (RwSystem **) systems->pdata, systems->len,
                            &workload, &error);
  if (data == NULL)
    {
      g_clear_pointer (&self->data, rw_chart_data_unref);
      show_warnings (self, NULL);
      show_status (self, "dialog-warning-symbolic", _("This Workload Cannot Be Estimated"),
                   error->message);
      update_actions (self);
      return;
    }

  /* The enums' values are the settings' (see the schema). */
  rw_chart_data_set_display (data, g_settings_get_enum (self->settings, "units"),
                             g_settings_get_enum (self->settings, "currency-display"));

  g_clear_pointer (&self->data, rw_chart_data_unref);
  self->data = data;
  gtk_stack_set_visible_child_name (self->main_stack, "views");

  show_warnings (self, rw_chart_data_get_warnings (data));
  refresh_views (self);
  update_actions (self);
}

RwChartData *
rw_window_get_chart_data (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);

  return self->data;
}

gboolean
rw_window_import_model_file (RwWindow  *self,
                             GFile     *file,
                             GError   **error)
{
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(JsonObject) config = NULL;
  RwModel *model;

  g_return_val_if_fail (RW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->catalog != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_IO,
                   _("“%s” is not a local file"), uri);
      return FALSE;
    }

  /* Read once, through the core's checks (a regular file within its size
   * cap): the model comes from it and a saved scenario embeds it verbatim. */
  config = rw_hf_config_read_file (path, error);
  if (config == NULL)
    return FALSE;
  file_name = g_file_get_basename (file);
  model = rw_hf_config_parse (config, file_name, error);
  if (model == NULL)
    return FALSE;
  name_imported_model (model, config, file_name);
  g_hash_table_replace (self->imported, g_strdup (model->id), json_object_ref (config));
  g_hash_table_replace (self->imported_names, g_strdup (model->id), g_steal_pointer (&file_name));

  id = g_strdup (model->id);
  /* Translators: %s is a model name */
  message = g_strdup_printf (_("Imported “%s”"), model->name ? model->name : model->id);
  rw_catalog_add_model (self->catalog, model);
  rw_workload_sidebar_reload (self->sidebar);
  rw_workload_sidebar_select_model (self->sidebar, id);
  rw_window_add_toast (self, message);
  return TRUE;
}

RwScenario *
rw_window_dup_scenario (RwWindow  *self,
                        GError   **error)
{
  RwWorkload workload;
  g_auto(GStrv) ids = NULL;
  g_autoptr(RwScenario) scenario = NULL;
  JsonObject *config;

  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);

  current_workload (self, &workload);
  if (workload.model == NULL)
    {
      g_set_error_literal (error, RW_SCENARIO_ERROR, RW_SCENARIO_ERROR_MISSING_FIELD,
                           _("No model is selected"));
      return NULL;
    }

  ids = selected_system_ids (self);
  scenario = rw_scenario_new_from_workload (&workload, (const char * const *) ids);
  config = g_hash_table_lookup (self->imported, workload.model->id);
  if (config != NULL
      && !rw_scenario_set_model_config (scenario, config,
                                        g_hash_table_lookup (self->imported_names, workload.model->id),
                                        error))
    return NULL;

  return g_steal_pointer (&scenario);
}

gboolean
rw_window_apply_scenario (RwWindow          *self,
                          const RwScenario  *scenario,
                          GError           **error)
{
  RwWorkload workload;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (RW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (self->catalog != NULL, FALSE);

  /* Resolve everything before touching anything: on error nothing changes. */
  rw_workload_init (&workload);
  if (!rw_scenario_apply_to_workload (scenario, self->catalog, &workload, error))
    return FALSE;

  if (scenario->imported_model != NULL)
    {
      /* An embedded config.json joins the catalog like an import. */
      RwModel *model = rw_model_copy (scenario->imported_model);
      g_autofree char *id = NULL;

      name_imported_model (model, scenario->model_config, scenario->model_config_name);
      id = g_strdup (model->id);
      g_hash_table_replace (self->imported, g_strdup (id), json_object_ref (scenario->model_config));
      g_hash_table_replace (self->imported_names, g_strdup (id),
                            g_strdup (scenario->model_config_name ? scenario->model_config_name
                                                                  : "config.json"));
      rw_catalog_add_model (self->catalog, model);
      rw_workload_sidebar_reload (self->sidebar);
      workload.model = rw_catalog_lookup_model (self->catalog, id);
    }

  for (guint i = 0; scenario->systems != NULL && i < scenario->systems->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (scenario->systems, i));
  ids = g_strv_builder_end (builder);

  g_settings_set_double (self->settings, "electricity-price", scenario->electricity_price);
  g_settings_set_double (self->settings, "hours-per-day", scenario->hours_per_day);
  g_settings_set_double (self->settings, "years", scenario->years);

  rw_workload_sidebar_set_selected_systems (self->sidebar, (const char * const *) ids);
  rw_workload_sidebar_apply_workload (self->sidebar, &workload);
  return TRUE;
}

gboolean
rw_window_open_scenario_file (RwWindow  *self,
                              GFile     *file,
                              GError   **error)
{
  g_autoptr(RwScenario) scenario = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (RW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  scenario = rw_scenario_load (file, self->catalog, error);
  if (scenario == NULL || !rw_window_apply_scenario (self, scenario, error))
    return FALSE;

  remember_file (self, file);
  name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Opened “%s”"), name);
  rw_window_add_toast (self, message);
  return TRUE;
}

gboolean
rw_window_save_scenario_file (RwWindow  *self,
                              GFile     *file,
                              GError   **error)
{
  g_autoptr(RwScenario) scenario = NULL;

  g_return_val_if_fail (RW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  scenario = rw_window_dup_scenario (self, error);
  if (scenario == NULL || !rw_scenario_save (scenario, file, error))
    return FALSE;
  remember_file (self, file);
  return TRUE;
}

GFile *
rw_window_get_file (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return self->file;
}

GMenuModel *
rw_window_get_recent_menu (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return G_MENU_MODEL (self->recent_section);
}

void
rw_window_set_refresh_progress (RwWindow *self,
                                gboolean  busy,
                                double    fraction)
{
  g_return_if_fail (RW_IS_WINDOW (self));

  gtk_revealer_set_reveal_child (self->refresh_revealer, busy);
  gtk_spinner_set_spinning (self->refresh_spinner, busy);
  /* Unknown size: pulse rather than pretend to know how far along it is. */
  if (fraction < 0)
    gtk_progress_bar_pulse (self->refresh_progress);
  else
    gtk_progress_bar_set_fraction (self->refresh_progress, CLAMP (fraction, 0.0, 1.0));
}

void
rw_window_prices_changed (RwWindow *self)
{
  g_return_if_fail (RW_IS_WINDOW (self));

  if (self->catalog == NULL)
    return;
  /* The sidebar lists each system's price; every cost figure follows. */
  rw_workload_sidebar_reload (self->sidebar);
  rw_window_recompute (self);
}

GMenu *
rw_window_get_prices_section (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);

  return self->prices_section;
}

RwWorkloadSidebar *
rw_window_get_sidebar (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return self->sidebar;
}

AdwViewStack *
rw_window_get_view_stack (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return self->stack;
}

GtkRevealer *
rw_window_get_warning_banner (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return self->warning_revealer;
}

GtkLabel *
rw_window_get_warning_label (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return self->warning_label;
}

AdwFlap *
rw_window_get_flap (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return self->flap;
}

RwCompareView *
rw_window_get_compare_view (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  ensure_view (self, "compare");
  return self->compare_view;
}

RwFitView *
rw_window_get_fit_view (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  ensure_view (self, "fit");
  return self->fit_view;
}

RwSpeedView *
rw_window_get_speed_view (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  ensure_view (self, "speed");
  return self->speed_view;
}

RwCostView *
rw_window_get_cost_view (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  ensure_view (self, "cost");
  return self->cost_view;
}

gboolean
rw_window_get_can_export_chart (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), FALSE);
  return can_export_chart (self);
}
