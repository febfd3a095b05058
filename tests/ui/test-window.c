/* test-window.c: the main window driven through its widgets, with screenshots
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display (CI runs it under xvfb-run with GDK_BACKEND=x11). Without
 * one the test skips, unless RIGWISE_REQUIRE_DISPLAY is set: then it fails,
 * so CI never silently leaves the UI untested.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rw-application.h"
#include "rw-build-editor.h"
#include "rw-export-dialog.h"
#include "rw-preferences-window.h"
#include "rw-screenshot.h"
#include "rw-stat-table.h"
#include "rw-test-server.h"
#include "rw-window.h"

typedef struct
{
  RwCatalog *catalog;
  RwWindow  *window;
} Fixture;

/* Iterates the main loop until @widget's frame clock has painted twice, so
 * what the test looks at next has been laid out and drawn. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *painted)
{
  (*painted)++;
}

static void
wait_for_frames_full (GtkWidget *widget,
                      gint64     settle_us)
{
  GdkFrameClock *clock;
  guint painted = 0;
  gint64 start;
  gulong id;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  start = gdk_frame_clock_get_frame_time (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  while (painted < 2 || gdk_frame_clock_get_frame_time (clock) - start < settle_us)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_for_frames (GtkWidget *widget)
{
  wait_for_frames_full (widget, 0);
}

/* Screenshots wait out libadwaita's transitions (≤ 250 ms of frame time;
 * turning animations off instead trips an allocation warning in AdwFlap). */
static void
wait_for_settled_frames (GtkWidget *widget)
{
  wait_for_frames_full (widget, 400 * G_TIME_SPAN_MILLISECOND);
}

/* Depth-first search for the first descendant of @type that @match accepts. */
typedef gboolean (*MatchFunc) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             GType          type,
             MatchFunc      match,
             gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (match == NULL || match (child, data)))
        return child;
      if ((found = find_widget (child, type, match, data)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
row_has_title (GtkWidget     *widget,
               gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
label_ends_with (GtkWidget     *widget,
                 gconstpointer  suffix)
{
  return g_str_has_suffix (gtk_label_get_label (GTK_LABEL (widget)), suffix);
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  needle)
{
  return strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL;
}

static gboolean
row_subtitle_ends_with (GtkWidget     *widget,
                        gconstpointer  suffix)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

  return subtitle != NULL && g_str_has_suffix (subtitle, suffix);
}

static gboolean
row_subtitle_contains (GtkWidget     *widget,
                       gconstpointer  needle)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

  return subtitle != NULL && strstr (subtitle, needle) != NULL;
}

static gboolean
chart_card_has_kind (GtkWidget     *widget,
                     gconstpointer  kind)
{
  return rw_chart_card_get_kind (RW_CHART_CARD (widget)) == (RwChartKind) GPOINTER_TO_UINT (kind);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Selects the item whose string is @text in a dropdown, as a click would. */
static void
select_in_dropdown (GtkDropDown *dropdown,
                    const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      const char *s = gtk_string_list_get_string (GTK_STRING_LIST (model), i);

      if (g_strcmp0 (s, text) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_error ("“%s” is not in the dropdown", text);
}

static void
select_in_combo_row (AdwComboRow *row,
                     const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("“%s” is not in the combo row", text);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->catalog = rw_catalog_new_default (&error);
  g_assert_no_error (error);
  fixture->window = rw_window_new (NULL, fixture->catalog, NULL);
  g_object_ref_sink (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->catalog);
}

static const RwEstimate *
estimate_for (RwChartData *data,
              const char  *system_id)
{
  for (guint i = 0; i < rw_chart_data_get_n_systems (data); i++)
    if (g_strcmp0 (rw_chart_data_get_system (data, i)->id, system_id) == 0)
      return rw_chart_data_get_estimate (data, i);
  g_error ("%s is not compared", system_id);
  return NULL;
}

/* The model and the context change through the sidebar's own widgets; the
 * verdict labels and the charts' model follow without any button. */
static void
test_window_workload_updates (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GtkWidget *sidebar = GTK_WIDGET (rw_window_get_sidebar (fixture->window));
  RwCompareView *compare = rw_window_get_compare_view (fixture->window);
  GtkDropDown *model_dropdown;
  AdwComboRow *weights_row;
  GtkRange *context_scale;
  GtkLabel *spark, *desktop;
  RwChartData *data;
  const RwEstimate *e;
  const RwModel *llama70, *llama8;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_frames (GTK_WIDGET (fixture->window));

  /* The defaults: DGX Spark against the custom RTX 5090 build. */
  data = rw_window_get_chart_data (fixture->window);
  g_assert_nonnull (data);
  g_assert_cmpuint (rw_chart_data_get_n_systems (data), ==, 2);
  g_assert_cmpstr (rw_chart_data_get_system (data, 0)->id, ==, "dgx-spark");
  g_assert_cmpstr (rw_chart_data_get_system (data, 1)->id, ==, "custom-5090");

  model_dropdown = GTK_DROP_DOWN (find_widget (sidebar, GTK_TYPE_DROP_DOWN, NULL, NULL));
  weights_row = ADW_COMBO_ROW (find_widget (sidebar, ADW_TYPE_COMBO_ROW, row_has_title, "_Weights"));
  context_scale = GTK_RANGE (find_widget (sidebar, GTK_TYPE_SCALE, NULL, NULL));
  g_assert_nonnull (model_dropdown);
  g_assert_nonnull (weights_row);
  g_assert_nonnull (context_scale);

  /* Llama 3.3 70B in BF16 at 32K context: 70.6 B parameters × 2 bytes is
   * 141 GB of weights alone, more than the Spark's ~101 GiB usable and far
   * more than the 5090's 32 GB of VRAM. */
  llama70 = rw_catalog_lookup_model (fixture->catalog, "llama-3.3-70b");
  g_assert_nonnull (llama70);
  select_in_dropdown (model_dropdown, llama70->name);
  select_in_combo_row (weights_row, rw_catalog_lookup_format (fixture->catalog, "bf16")->name);
  gtk_range_set_value (context_scale, 15);  /* log2 (32768) */
  wait_for_frames (GTK_WIDGET (fixture->window));

  data = rw_window_get_chart_data (fixture->window);
  g_assert_true (rw_chart_data_get_n_systems (data) == 2);
  e = estimate_for (data, "custom-5090");
  g_assert_cmpuint (e->fit, !=, RW_FIT_FITS);
  g_assert_cmpfloat (e->memory.weights, >, 140e9);
  g_assert_cmpfloat (e->memory.weights, <, 142e9);
  e = estimate_for (data, "dgx-spark");
  g_assert_cmpuint (e->fit, ==, RW_FIT_DOES_NOT_FIT);
  g_assert_nonnull (strstr (rw_chart_data_get_subtitle (data), "32K"));

  spark = rw_compare_view_get_verdict_label (compare, "dgx-spark");
  desktop = rw_compare_view_get_verdict_label (compare, "custom-5090");
  g_assert_cmpstr (gtk_label_get_label (spark), ==, "Does not fit");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (spark), "error"));
  if (estimate_for (data, "custom-5090")->fit == RW_FIT_SPILLS)
    g_assert_cmpstr (gtk_label_get_label (desktop), ==, "Spills to RAM");
  else
    g_assert_cmpstr (gtk_label_get_label (desktop), ==, "Does not fit");

  /* Llama 3.1 8B at Q4_K_M: ~4.9 GB of weights fit both machines. */
  llama8 = rw_catalog_lookup_model (fixture->catalog, "llama-3.1-8b");
  g_assert_nonnull (llama8);
  select_in_dropdown (model_dropdown, llama8->name);
  select_in_combo_row (weights_row, rw_catalog_lookup_format (fixture->catalog, "q4_k_m")->name);
  wait_for_frames (GTK_WIDGET (fixture->window));

  data = rw_window_get_chart_data (fixture->window);
  g_assert_cmpuint (estimate_for (data, "dgx-spark")->fit, ==, RW_FIT_FITS);
  g_assert_cmpuint (estimate_for (data, "custom-5090")->fit, ==, RW_FIT_FITS);
  g_assert_cmpfloat (estimate_for (data, "custom-5090")->memory.weights, <, 6e9);
  g_assert_cmpstr (gtk_label_get_label (spark), ==, "Fits");
  g_assert_cmpstr (gtk_label_get_label (desktop), ==, "Fits");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (desktop), "success"));

  /* Training options appear only for training modes; LoRA of the 8B model
   * fits both machines and has a training speed. */
  {
    AdwComboRow *mode_row = ADW_COMBO_ROW (find_widget (sidebar, ADW_TYPE_COMBO_ROW, row_has_title, "_Mode"));
    GtkWidget *rank_row = find_widget (sidebar, ADW_TYPE_ACTION_ROW, row_has_title, "LoRA _rank");

    g_assert_nonnull (mode_row);
    g_assert_nonnull (rank_row);
    g_assert_false (gtk_widget_is_visible (rank_row));
    select_in_combo_row (mode_row, "LoRA fine-tune");
    wait_for_frames (GTK_WIDGET (fixture->window));
    g_assert_true (gtk_widget_is_visible (rank_row));
    data = rw_window_get_chart_data (fixture->window);
    g_assert_cmpuint (estimate_for (data, "dgx-spark")->fit, ==, RW_FIT_FITS);
    g_assert_true (isfinite (estimate_for (data, "dgx-spark")->train_tok_s));
    g_assert_cmpfloat (estimate_for (data, "dgx-spark")->memory.gradients, >, 0);
    select_in_combo_row (mode_row, "Inference");
    wait_for_frames (GTK_WIDGET (fixture->window));
    g_assert_false (gtk_widget_is_visible (rank_row));
    data = rw_window_get_chart_data (fixture->window);
  }

  /* Decode is given with an empty context and with the whole context
   * cached; the latter is the throughput chart's point at the context and,
   * with more KV cache to read, slower. */
  {
    GtkWidget *speed = GTK_WIDGET (rw_window_get_speed_view (fixture->window));
    const RwWorkload *w = rw_chart_data_get_workload (data);

    g_assert_cmpuint (w->context, ==, 32768);
    g_assert_cmpuint (w->depth, ==, 0);
    g_assert_nonnull (find_widget (speed, GTK_TYPE_LABEL, label_ends_with, "Decode, empty context"));
    g_assert_nonnull (find_widget (speed, GTK_TYPE_LABEL, label_ends_with, "Decode, 32K in context"));
    for (guint i = 0; i < rw_chart_data_get_n_systems (data); i++)
      g_assert_cmpfloat (rw_chart_data_get_decode_full_context (data, i), <,
                         rw_chart_data_get_estimate (data, i)->decode_tok_s);
  }

  /* The evidence under the figures: the measured rows nearest the workload
   * on each chip, measured against predicted, each with a link to its
   * source, and the predicted-vs-measured chart of every row. */
  {
    GtkWidget *speed = GTK_WIDGET (rw_window_get_speed_view (fixture->window));
    GtkWidget *link = find_widget (speed, GTK_TYPE_LINK_BUTTON, NULL, NULL);
    GtkWidget *measured = find_widget (speed, ADW_TYPE_ACTION_ROW, row_subtitle_contains, "measured ");
    GtkWidget *card = find_widget (speed, RW_TYPE_CHART_CARD, chart_card_has_kind,
                                   GUINT_TO_POINTER (RW_CHART_VALIDATION));
    const RwChartEvidence *rows[4];

    g_assert_nonnull (link);
    g_assert_true (g_str_has_prefix (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), "https://"));
    g_assert_nonnull (measured);
    g_assert_nonnull (find_widget (speed, GTK_TYPE_LABEL, label_ends_with, "Measured on These Chips"));
    /* The DGX Spark has upstream rows of its own (ggml-org's GB10 bench
     * files), so its list is never the "no rows" placeholder. */
    for (guint i = 0; i < rw_chart_data_get_n_systems (data); i++)
      if (g_strcmp0 (rw_chart_data_get_system (data, i)->id, "dgx-spark") == 0)
        g_assert_cmpuint (rw_chart_data_get_evidence (data, i, rows, G_N_ELEMENTS (rows)), >, 0);
    g_assert_nonnull (card);
    g_assert_true (gtk_widget_get_visible (card));
    g_assert_cmpuint (rw_chart_data_get_n_validation (data), >, 100);
  }

  /* Units follow the preference, and every figure is redrawn at once. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    GtkWidget *fit = GTK_WIDGET (rw_window_get_fit_view (fixture->window));

    /* GiB by default, as nvidia-smi, llama.cpp and PyTorch print. */
    g_assert_nonnull (find_widget (fit, GTK_TYPE_LABEL, label_ends_with, " GiB"));
    g_assert_null (find_widget (fit, GTK_TYPE_LABEL, label_ends_with, " GB"));
    g_settings_set_enum (settings, "units", 0);
    g_assert_nonnull (find_widget (fit, GTK_TYPE_LABEL, label_ends_with, " GB"));
    g_assert_null (find_widget (fit, GTK_TYPE_LABEL, label_ends_with, " GiB"));
    /* The memory chart is drawn in the same units. */
    g_assert_cmpint (rw_chart_data_get_memory_units (rw_window_get_chart_data (fixture->window)),
                     ==, RW_MEMORY_UNITS_GB);
    g_settings_reset (settings, "units");

    /* Amounts by currency code: the figures, the charts' data and the
     * sidebar's price of each machine. */
    {
      GtkWidget *compare_view = GTK_WIDGET (rw_window_get_compare_view (fixture->window));
      GtkWidget *side = GTK_WIDGET (rw_window_get_sidebar (fixture->window));

      g_assert_null (find_widget (compare_view, GTK_TYPE_LABEL, label_contains, " USD"));
      g_settings_set_enum (settings, "currency-display", RW_CURRENCY_DISPLAY_CODE);
      g_assert_cmpint (rw_chart_data_get_currency_display (rw_window_get_chart_data (fixture->window)),
                       ==, RW_CURRENCY_DISPLAY_CODE);
      g_assert_nonnull (find_widget (compare_view, GTK_TYPE_LABEL, label_contains, " USD"));
      g_assert_nonnull (find_widget (side, ADW_TYPE_ACTION_ROW, row_subtitle_ends_with, " USD"));
      g_settings_reset (settings, "currency-display");
      g_assert_null (find_widget (compare_view, GTK_TYPE_LABEL, label_contains, " USD"));
      g_assert_null (find_widget (side, ADW_TYPE_ACTION_ROW, row_subtitle_ends_with, " USD"));
    }
    data = rw_window_get_chart_data (fixture->window);
  }

  /* The charts draw the window's model. */
  g_assert_true (rw_chart_widget_get_data (rw_chart_card_get_chart (rw_fit_view_get_main_chart (rw_window_get_fit_view (fixture->window)))) == data);
}

/* A Hugging Face config.json joins the model list and is selected; a broken
 * one gives the core's error and changes nothing. */
static void
test_window_import_model (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *good_path = g_build_filename (g_getenv ("RIGWISE_DATADIR"), "catalog", "hf",
                                                 "qwen3-8b.json", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  RwWorkloadSidebar *sidebar = rw_window_get_sidebar (fixture->window);
  guint n_models = rw_catalog_get_n_models (fixture->catalog);
  const char *broken = "{\"model_type\": \"llama\", \"hidden_size\": \"wide\"}";
  const RwModel *model;

  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_frames (GTK_WIDGET (fixture->window));

  g_assert_true (rw_window_import_model_file (fixture->window, good, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rw_catalog_get_n_models (fixture->catalog), ==, n_models + 1);
  model = rw_workload_sidebar_get_workload (sidebar)->model;
  g_assert_nonnull (model);
  g_assert_true (g_str_has_prefix (model->id, "imported-"));
  /* Qwen3-8B's config: 36 layers, 4096 hidden, 8 KV heads of 128. */
  g_assert_cmpuint (model->n_layers, ==, 36);
  g_assert_cmpuint (model->hidden_size, ==, 4096);
  g_assert_cmpuint (model->n_kv_heads, ==, 8);
  g_assert_true (rw_chart_data_get_estimate (rw_window_get_chart_data (fixture->window), 0)->memory.weights > 0);

  /* The same file again is the same entry, not a second one. */
  g_assert_true (rw_window_import_model_file (fixture->window, good, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rw_catalog_get_n_models (fixture->catalog), ==, n_models + 1);
  /* The entry was replaced by its new copy. */
  model = rw_workload_sidebar_get_workload (sidebar)->model;
  g_assert_true (g_str_has_prefix (model->id, "imported-"));

  bad = g_file_new_tmp ("rigwise-bad-XXXXXX.json", &stream, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (bad, broken, strlen (broken),
                                          NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (rw_window_import_model_file (fixture->window, bad, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == RW_CONFIG_ERROR);
  g_assert_cmpuint (rw_catalog_get_n_models (fixture->catalog), ==, n_models + 1);
  g_assert_true (rw_workload_sidebar_get_workload (sidebar)->model == model);
  g_file_delete (bad, NULL, NULL);
}

/* "Show as table" shows the chart's numbers; the export dialog writes the
 * chart at the size and scale chosen. */
static void
test_window_table_and_export (Fixture       *fixture,
                              gconstpointer  user_data)
{
  RwChartCard *card = rw_fit_view_get_main_chart (rw_window_get_fit_view (fixture->window));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) png = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *contents = NULL;
  RwExportDialog *dialog;
  GtkWidget *table;
  gsize length;

  gtk_window_present (GTK_WINDOW (fixture->window));
  adw_view_stack_set_visible_child_name (rw_window_get_view_stack (fixture->window), "fit");
  wait_for_frames (GTK_WIDGET (fixture->window));

  rw_chart_card_set_show_table (card, TRUE);
  wait_for_frames (GTK_WIDGET (fixture->window));
  table = find_widget (GTK_WIDGET (card), RW_TYPE_STAT_TABLE, NULL, NULL);
  g_assert_nonnull (table);
  g_assert_true (gtk_widget_get_mapped (table));
  /* A row per system under the header row, two systems, a figure per part. */
  g_assert_cmpuint (rw_stat_table_get_n_rows (RW_STAT_TABLE (table)), ==, 2);
  g_assert_cmpuint (rw_stat_table_get_n_columns (RW_STAT_TABLE (table)), >=, 3);
  rw_chart_card_set_show_table (card, FALSE);

  dialog = rw_export_dialog_present (GTK_WINDOW (fixture->window), rw_window_get_chart_data (fixture->window),
                                     RW_CHART_MEMORY, "png2");
  png = g_file_new_tmp ("rigwise-chart-XXXXXX.png", &stream, &error);
  g_assert_no_error (error);
  g_clear_object (&stream);
  g_assert_true (rw_export_dialog_export (dialog, png, &error));
  g_assert_no_error (error);
  /* The dialog's default 1600×900 at 2×. */
  texture = gdk_texture_new_from_file (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 3200);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1800);
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = rw_export_dialog_present (GTK_WINDOW (fixture->window), rw_window_get_chart_data (fixture->window),
                                     RW_CHART_TCO, "pdf");
  pdf = g_file_new_tmp ("rigwise-chart-XXXXXX.pdf", &stream, &error);
  g_assert_no_error (error);
  g_assert_true (rw_export_dialog_export (dialog, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (pdf, NULL, &contents, &length, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_file_delete (png, NULL, NULL);
  g_file_delete (pdf, NULL, NULL);
}

static void save_shot (gpointer window, const char *name);

/* The real application: its window, actions, accelerators, the shortcuts
 * window and the About window with the catalog's sources. */
typedef struct
{
  GtkApplication *app;
  GtkWindow      *window;
  gboolean        checked;
} AppCheck;

static gboolean
check_app_cb (gpointer user_data)
{
  AppCheck *check = user_data;
  GtkApplication *app = check->app;
  GtkWindow *window = check->window;
  RwApplication *self = RW_APPLICATION (app);
  static const char *app_actions[] = { "about", "preferences", "quit", "refresh-prices", "cancel-refresh", NULL };
  g_auto(GStrv) accels = NULL;
  GtkWindow *about = NULL;
  GListModel *toplevels;

  check->checked = TRUE;

  gtk_window_present (window);
  wait_for_frames (GTK_WIDGET (window));

  g_assert_nonnull (rw_application_get_catalog (self));
  g_assert_true (rw_window_get_catalog (RW_WINDOW (window)) == rw_application_get_catalog (self));
  for (guint i = 0; app_actions[i] != NULL; i++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), app_actions[i]));
  /* Offline by default: nothing is being fetched, so Cancel is off. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "refresh-prices"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "cancel-refresh"));

  accels = gtk_application_get_accels_for_action (app, "win.export-chart");
  g_assert_cmpstr (accels[0], ==, "<Control>e");
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (app, "app.refresh-prices");
  g_assert_cmpstr (accels[0], ==, "<Control>r");
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (app, "win.save-scenario");
  g_assert_cmpstr (accels[0], ==, "<Control>s");

  /* GtkApplication found ui/gtk/help-overlay.ui under the resource path. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  /* GtkApplication built it from ui/gtk/help-overlay.ui. */
  {
    GtkWindow *overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

    g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
    g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
    wait_for_settled_frames (GTK_WIDGET (overlay));
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overlay)));
    save_shot (overlay, "shortcuts.png");
    gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  }

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_ABOUT_WINDOW (w))
        about = w;
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Rigwise");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  wait_for_settled_frames (GTK_WIDGET (about));
  save_shot (about, "about.png");
  gtk_window_destroy (about);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

/* Called while the window is still being constructed: check it once idle. */
static void
on_app_window_added_cb (GtkApplication *app,
                        GtkWindow      *window,
                        AppCheck       *check)
{
  if (check->window != NULL || !RW_IS_WINDOW (window))
    return;
  check->app = app;
  check->window = window;
  g_idle_add (check_app_cb, check);
}

static void
test_application (void)
{
  g_autoptr(RwApplication) app = rw_application_new ();
  AppCheck check = { NULL, NULL, FALSE };
  int status;

  /* No session bus here: run as a plain, unregistered instance. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_app_window_added_cb), &check);
  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (check.checked);
}

/* Price refresh from the app: a real feed over loopback HTTP replaces the
 * bundled prices (origin FEED) with progress shown; a stalled one is
 * cancelled with app.cancel-refresh and changes nothing. */
typedef struct
{
  RwTestServer *server;
  gboolean      checked;
} RefreshCheck;

static void
wait_while_busy (GApplication *app)
{
  while (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "cancel-refresh"))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
check_refresh_cb (gpointer user_data)
{
  RefreshCheck *check = user_data;
  GApplication *app = g_application_get_default ();
  RwCatalog *catalog = rw_application_get_catalog (RW_APPLICATION (app));
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *good = rw_test_server_get_url (check->server, "/prices.json");
  g_autofree char *stall = rw_test_server_get_url (check->server, "/stall.json");
  GtkRevealer *bar;
  RwPriceOrigin origin;
  const RwFigure *price;

  g_assert_true (RW_IS_WINDOW (window));
  wait_for_frames (GTK_WIDGET (window));
  bar = GTK_REVEALER (find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER, NULL, NULL));
  g_assert_nonnull (bar);
  g_assert_false (gtk_revealer_get_reveal_child (bar));

  price = rw_catalog_get_price (catalog, "case-full-tower", &origin);
  g_assert_nonnull (price);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_BUNDLED);

  g_settings_set_string (settings, "price-feed-url", good);
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh-prices", NULL);
  /* Busy: the bar with its Cancel shows, a second refresh cannot start. */
  g_assert_true (gtk_revealer_get_reveal_child (bar));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "cancel-refresh"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "refresh-prices"));
  wait_while_busy (app);
  g_assert_false (gtk_revealer_get_reveal_child (bar));
  g_assert_cmpuint (rw_test_server_get_n_requests (check->server, "/prices.json"), ==, 1);

  /* The example feed restates case-full-tower at $189.99. */
  price = rw_catalog_get_price (catalog, "case-full-tower", &origin);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
  g_assert_cmpfloat_with_epsilon (price->value, 189.99, 1e-9);
  g_assert_nonnull (strstr (rw_chart_data_get_price_note (rw_window_get_chart_data (RW_WINDOW (window))),
                            "feed"));

  g_settings_set_string (settings, "price-feed-url", stall);
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh-prices", NULL);
  while (rw_test_server_get_n_requests (check->server, "/stall.json") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (app), "cancel-refresh", NULL);
  wait_while_busy (app);
  price = rw_catalog_get_price (catalog, "case-full-tower", &origin);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
  g_assert_cmpfloat_with_epsilon (price->value, 189.99, 1e-9);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "refresh-prices"));

  g_settings_reset (settings, "price-feed-url");
  check->checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_refresh_window_added_cb (GtkApplication *app,
                            GtkWindow      *window,
                            RefreshCheck   *check)
{
  g_idle_add (check_refresh_cb, check);
}

static void
test_application_refresh (void)
{
  g_autoptr(RwApplication) app = rw_application_new ();
  g_autofree char *feed_path = g_build_filename (g_getenv ("RIGWISE_DATADIR"), "price-feed.example.json", NULL);
  g_autofree char *feed = NULL;
  gsize length;
  RefreshCheck check = { NULL, FALSE };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (feed_path, &feed, &length, &error));
  g_assert_no_error (error);
  check.server = rw_test_server_new ();
  rw_test_server_add_feed (check.server, "/prices.json", g_bytes_new_take (g_steal_pointer (&feed), length),
                           "\"v1\"", NULL);
  rw_test_server_add (check.server, "/stall.json", 200, NULL, NULL, RW_TEST_REPLY_STALL);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_refresh_window_added_cb), &check);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_true (check.checked);
  rw_test_server_free (check.server);
}

/* The build editor opened from the window: a price edit reaches every
 * figure at once; with no system selected the views give way to a status. */
static void
test_window_build_editor (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GListModel *toplevels;
  RwBuildEditor *editor = NULL;
  GtkSpinButton *spin;
  double before, after, gpu;
  const RwEstimate *e;

  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_frames (GTK_WIDGET (fixture->window));
  e = estimate_for (rw_window_get_chart_data (fixture->window), "custom-5090");
  before = e->price;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-build", NULL);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (RW_IS_BUILD_EDITOR (w))
        editor = RW_BUILD_EDITOR (w);
    }
  g_assert_nonnull (editor);
  /* It opens on the compared custom build. */
  g_assert_cmpstr (rw_build_editor_get_system_id (editor), ==, "custom-5090");
  spin = rw_build_editor_get_price_spin (editor, "rtx-5090");
  g_assert_nonnull (spin);
  gpu = gtk_spin_button_get_value (spin);
  gtk_spin_button_set_value (spin, gpu + 100);
  wait_for_frames (GTK_WIDGET (fixture->window));

  after = estimate_for (rw_window_get_chart_data (fixture->window), "custom-5090")->price;
  g_assert_cmpfloat_with_epsilon (after, before + 100, 1e-6);
  g_assert_true (rw_build_editor_reset (editor, NULL));
  gtk_window_destroy (GTK_WINDOW (editor));
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_cmpfloat_with_epsilon (estimate_for (rw_window_get_chart_data (fixture->window), "custom-5090")->price,
                                  before, 1e-6);

  rw_workload_sidebar_set_selected_systems (rw_window_get_sidebar (fixture->window), NULL);
  g_assert_null (rw_window_get_chart_data (fixture->window));
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (rw_window_get_view_stack (fixture->window))));
  g_assert_true (gtk_widget_get_mapped (find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE, NULL, NULL)));
}

/* Closing a window keeps its workload in GSettings' last-scenario; the next
 * window starts from it. */
static void
test_window_last_session (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *ids[] = { "custom-5090", "strix-halo-128", NULL };
  RwWindow *second;
  const RwWorkload *w;
  GPtrArray *systems;
  g_autofree char *saved = NULL;

  g_settings_reset (settings, "last-scenario");
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_true (rw_workload_sidebar_select_model (rw_window_get_sidebar (fixture->window), "qwen3-32b"));
  rw_workload_sidebar_set_context (rw_window_get_sidebar (fixture->window), 131072);
  rw_workload_sidebar_set_selected_systems (rw_window_get_sidebar (fixture->window), ids);
  g_settings_set_double (settings, "years", 5);

  /* The close-request a close emits, without destroying the fixture's window. */
  {
    gboolean handled = TRUE;

    g_signal_emit_by_name (fixture->window, "close-request", &handled);
    g_assert_false (handled);
  }
  saved = g_settings_get_string (settings, "last-scenario");
  g_assert_nonnull (strstr (saved, "qwen3-32b"));
  g_settings_set_double (settings, "years", 3);

  second = rw_window_new (NULL, fixture->catalog, NULL);
  g_object_ref_sink (second);
  w = rw_workload_sidebar_get_workload (rw_window_get_sidebar (second));
  g_assert_cmpstr (w->model->id, ==, "qwen3-32b");
  g_assert_cmpuint (w->context, ==, 131072);
  systems = rw_workload_sidebar_get_selected_systems (rw_window_get_sidebar (second));
  g_assert_cmpuint (systems->len, ==, 2);
  g_assert_cmpstr (((RwSystem *) g_ptr_array_index (systems, 0))->id, ==, "custom-5090");
  g_assert_cmpstr (((RwSystem *) g_ptr_array_index (systems, 1))->id, ==, "strix-halo-128");
  g_assert_cmpfloat (g_settings_get_double (settings, "years"), ==, 5);

  gtk_window_destroy (GTK_WINDOW (second));
  g_assert_finalize_object (second);
  g_settings_reset (settings, "last-scenario");
  g_settings_reset (settings, "years");
}

/* Without a catalog the window says why instead of showing empty views. */
static void
test_window_no_catalog (void)
{
  g_autoptr(GError) error = g_error_new_literal (RW_CATALOG_ERROR, RW_CATALOG_ERROR_PARSE,
                                                 "systems.json: not valid JSON at line 3");
  RwWindow *window = rw_window_new (NULL, NULL, error);
  AdwStatusPage *status;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (GTK_WIDGET (window));
  status = ADW_STATUS_PAGE (find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_description (status), ==, "systems.json: not valid JSON at line 3");
  g_assert_null (rw_window_get_chart_data (window));
  /* Nothing to export: the action is off, and its header button with it. */
  g_assert_false (gtk_widget_get_sensitive (find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON,
                                                         has_action, "win.export-report")));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
save_shot (gpointer    window,
           const char *name)
{
  const char *dir = g_getenv ("RIGWISE_ARTIFACTS_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  /* Right after a new window's first frames its paintable can still come
   * out empty: draw a few more frames before giving up. */
  for (guint attempt = 0; attempt < 10; attempt++)
    {
      g_clear_error (&error);
      if (rw_screenshot_save_window (GTK_WINDOW (window), path, &error)
          || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED))
        break;
      wait_for_frames (GTK_WIDGET (window));
    }
  g_assert_no_error (error);

  /* The file holds the whole window, and real drawing: the header bar, the
   * content and the text differ, so many pixels differ from the first. */
  {
    g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
    int width, height;
    g_autofree guint32 *pixels = NULL;
    guint differing = 0;

    g_assert_no_error (error);
    width = gdk_texture_get_width (texture);
    height = gdk_texture_get_height (texture);
    g_assert_cmpint (width, ==, gtk_widget_get_width (GTK_WIDGET (window)));
    g_assert_cmpint (height, ==, gtk_widget_get_height (GTK_WIDGET (window)));
    pixels = g_new (guint32, (gsize) width * height);
    gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
    for (gsize i = 0; i < (gsize) width * height; i++)
      differing += pixels[i] != pixels[0];
    g_assert_cmpuint (differing, >, (guint) (width * height / 20));
  }
  g_test_message ("screenshot: %s", path);
}

/* Every view at 1280×800 and 360×720, light and dark. */
static void
test_window_screenshots (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const char *views[] = { "compare", "fit", "speed", "cost" };
  static const struct { int width, height; } sizes[] = { { 1280, 800 }, { 360, 720 } };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint dark = 0; dark < 2; dark++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        RwWindow *window;
        RwChartStyle chart_style;

        adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
        window = rw_window_new (NULL, fixture->catalog, NULL);
        g_object_ref_sink (window);
        gtk_window_set_default_size (GTK_WINDOW (window), sizes[s].width, sizes[s].height);
        gtk_window_present (GTK_WINDOW (window));
        wait_for_frames (GTK_WIDGET (window));
        g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, sizes[s].height);
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, sizes[s].width);
        /* Narrow: the sidebar folds away and the switcher moves to the bottom. */
        g_assert_cmpint (adw_flap_get_folded (rw_window_get_flap (window)), ==, sizes[s].width < 600);

        rw_chart_widget_get_style (rw_chart_card_get_chart (rw_fit_view_get_main_chart (rw_window_get_fit_view (window))),
                                   &chart_style);
        g_assert_cmpint (chart_style.dark, ==, dark);

        for (guint v = 0; v < G_N_ELEMENTS (views); v++)
          {
            g_autofree char *name = g_strdup_printf ("%s-%dx%d-%s.png", views[v],
                                                     sizes[s].width, sizes[s].height,
                                                     dark ? "dark" : "light");

            adw_view_stack_set_visible_child_name (rw_window_get_view_stack (window), views[v]);
            wait_for_settled_frames (GTK_WIDGET (window));
            save_shot (window, name);
          }

        /* The Speed view scrolled to its end: the measured rows and the
         * predicted-vs-measured chart. */
        {
          g_autofree char *name = g_strdup_printf ("speed-evidence-%dx%d-%s.png", sizes[s].width,
                                                   sizes[s].height, dark ? "dark" : "light");
          GtkWidget *speed = GTK_WIDGET (rw_window_get_speed_view (window));
          GtkAdjustment *adjustment;

          adw_view_stack_set_visible_child_name (rw_window_get_view_stack (window), "speed");
          wait_for_settled_frames (GTK_WIDGET (window));
          adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_widget (speed, GTK_TYPE_SCROLLED_WINDOW, NULL, NULL)));
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                                - gtk_adjustment_get_page_size (adjustment));
          wait_for_settled_frames (GTK_WIDGET (window));
          save_shot (window, name);
        }

        /* Narrow: the folded sidebar slides over the content when asked. */
        if (adw_flap_get_folded (rw_window_get_flap (window)))
          {
            g_autofree char *name = g_strdup_printf ("sidebar-%dx%d-%s.png", sizes[s].width,
                                                     sizes[s].height, dark ? "dark" : "light");

            g_assert_false (adw_flap_get_reveal_flap (rw_window_get_flap (window)));
            gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
            wait_for_settled_frames (GTK_WIDGET (window));
            g_assert_true (adw_flap_get_reveal_flap (rw_window_get_flap (window)));
            save_shot (window, name);
          }

        gtk_window_destroy (GTK_WINDOW (window));
        while (g_main_context_pending (NULL))
          g_main_context_iteration (NULL, FALSE);
        g_assert_finalize_object (window);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* The dialogs, over the main window. */
  {
    RwPreferencesWindow *preferences;
    RwExportDialog *dialog;

    gtk_window_present (GTK_WINDOW (fixture->window));
    wait_for_frames (GTK_WIDGET (fixture->window));

    preferences = rw_preferences_window_new (GTK_WINDOW (fixture->window));
    gtk_window_present (GTK_WINDOW (preferences));
    wait_for_settled_frames (GTK_WIDGET (preferences));
    save_shot (preferences, "preferences.png");
    gtk_window_destroy (GTK_WINDOW (preferences));

    dialog = rw_export_dialog_present (GTK_WINDOW (fixture->window),
                                       rw_window_get_chart_data (fixture->window),
                                       RW_CHART_MEMORY, "png");
    wait_for_settled_frames (GTK_WIDGET (dialog));
    save_shot (dialog, "export-dialog.png");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

/* Without a compositor GTK draws a 5 px resize frame inside the window
 * (.solid-csd): it would take 10 px off the content the screenshots are
 * meant to show at 1280×800 and 360×720. */
static void
no_resize_frame (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (provider, "window.solid-csd { padding: 0; box-shadow: none; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

/* An AdwApplication loads style.css from its resource base path; these
 * windows have no application, so load it the same way. */
static void
load_app_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/rigwise/Rigwise/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
test_no_display (void)
{
  if (g_getenv ("RIGWISE_REQUIRE_DISPLAY") != NULL)
    {
      g_test_message ("cannot open a display and RIGWISE_REQUIRE_DISPLAY is set");
      g_test_fail ();
      return;
    }
  g_test_skip ("cannot open a display");
}

/* The revealer whose label says @data ("skipped": a skipped file). */
static gboolean
has_warning_banner_label (GtkWidget     *widget,
                          gconstpointer  data)
{
  GtkWidget *label = find_widget (widget, GTK_TYPE_LABEL, NULL, NULL);

  return label != NULL && strstr (gtk_label_get_text (GTK_LABEL (label)), data) != NULL;
}

/* Issue #13 case 10: one bad file in the user catalog left the whole app at
 * "Could Not Load the Catalog". Now it is skipped, the window says which
 * file and why, and the bundle and the user's other files are in use. */
static void
test_window_skipped_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "rigwise", "catalog", NULL);
  g_autofree char *bad = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *good = g_build_filename (dir, "mine.json", NULL);
  g_autofree char *deep = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCatalog) catalog = NULL;
  RwWindow *window;
  GtkRevealer *revealer;
  GtkWidget *label;
  const char *text;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  /* 200 000 levels: json-glib overflowed its stack on these. */
  deep = g_strnfill (200000, '[');
  g_assert_true (g_file_set_contents (bad, deep, -1, NULL));
  g_assert_true (g_file_set_contents (good,
                                      "{\"sources\": {\"mine\": {\"url\": \"https://example.org/\", "
                                      "\"title\": \"Mine\", \"date\": \"2026-01-01\"}}}", -1, NULL));

  catalog = rw_catalog_new_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (rw_catalog_lookup_system (catalog, "dgx-spark"));
  g_assert_cmpuint (rw_catalog_get_skipped (catalog)->len, ==, 1);

  window = rw_window_new (NULL, catalog, NULL);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_settled_frames (GTK_WIDGET (window));

  revealer = GTK_REVEALER (find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER, has_warning_banner_label,
                                        "skipped"));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  label = find_widget (GTK_WIDGET (revealer), GTK_TYPE_LABEL, NULL, NULL);
  text = gtk_label_get_text (GTK_LABEL (label));
  g_assert_cmpstr (text, ==, "Your catalog file “broken.json” was skipped: not valid JSON at line 1, "
                             "column 33: nested deeper than 32 levels");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, bad);
  /* The views work on the rest of the catalog. */
  g_assert_nonnull (rw_window_get_chart_data (window));
  save_shot (window, "window-skipped-file.png");

  /* Dismissing it hides it. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (revealer), GTK_TYPE_BUTTON, NULL, NULL), "clicked");
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_unlink (bad);
  g_unlink (good);
}

int
main (int   argc,
      char *argv[])
{
  /* gtk_test_init() with gtk_init_check() instead of gtk_init(), which would
   * exit without a display before the test could report it. */
  g_test_init (&argc, &argv, NULL);
  /* The price cache and the user catalog go to a scratch directory. */
  {
    g_autofree char *scratch = g_dir_make_tmp ("rigwise-ui-XXXXXX", NULL);
    g_autofree char *cache = g_build_filename (scratch, "cache", NULL);
    g_autofree char *data = g_build_filename (scratch, "data", NULL);

    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/window/display", test_no_display);
      return g_test_run ();
    }
  adw_init ();
  load_app_style ();
  no_resize_frame ();

  g_test_add ("/ui/window/workload-updates", Fixture, NULL,
              fixture_set_up, test_window_workload_updates, fixture_tear_down);
  g_test_add ("/ui/window/import-model", Fixture, NULL,
              fixture_set_up, test_window_import_model, fixture_tear_down);
  g_test_add ("/ui/window/table-and-export", Fixture, NULL,
              fixture_set_up, test_window_table_and_export, fixture_tear_down);
  g_test_add ("/ui/window/build-editor", Fixture, NULL,
              fixture_set_up, test_window_build_editor, fixture_tear_down);
  g_test_add ("/ui/window/last-session", Fixture, NULL,
              fixture_set_up, test_window_last_session, fixture_tear_down);
  g_test_add_func ("/ui/window/no-catalog", test_window_no_catalog);
  g_test_add_func ("/ui/window/skipped-file", test_window_skipped_file);
  g_test_add_func ("/ui/app/actions-and-about", test_application);
  g_test_add_func ("/ui/app/refresh-prices", test_application_refresh);
  g_test_add ("/ui/window/screenshots", Fixture, NULL,
              fixture_set_up, test_window_screenshots, fixture_tear_down);

  return g_test_run ();
}
