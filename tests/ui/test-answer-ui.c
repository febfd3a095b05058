/* test-answer-ui.c: the answer card, the model-limit banner and files
 * opened from the desktop
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display (xvfb-run, GDK_BACKEND=x11); without one it skips, or
 * fails when RIGWISE_REQUIRE_DISPLAY is set. Screenshots of Compare with
 * the card go to RIGWISE_ARTIFACTS_DIR.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "rw-application.h"
#include "rw-screenshot.h"
#include "rw-window.h"

typedef struct
{
  RwCatalog *catalog;
  RwWindow  *window;
} Fixture;

static char *tmp_dir;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *painted)
{
  (*painted)++;
}

/* Iterates until @widget has painted twice and libadwaita's transitions
 * (≤ 250 ms of frame time) are over. */
static void
wait_for_frames (GtkWidget *widget)
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
  while (painted < 2 || gdk_frame_clock_get_frame_time (clock) - start < 400 * G_TIME_SPAN_MILLISECOND)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
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
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  adw_view_stack_set_visible_child_name (rw_window_get_view_stack (fixture->window), "compare");
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_frames (GTK_WIDGET (fixture->window));
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

static void
save_screenshot (RwWindow   *window,
                 const char *name)
{
  const char *dir = g_getenv ("RIGWISE_ARTIFACTS_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  for (guint attempt = 0; attempt < 10; attempt++)
    {
      g_clear_error (&error);
      if (rw_screenshot_save_window (GTK_WINDOW (window), path, &error)
          || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED))
        break;
      wait_for_frames (GTK_WIDGET (window));
    }
  g_assert_no_error (error);
}

/* The DGX Spark against the RTX 5090 build, Llama 3.3 70B at Q4_K_M, 32K:
 * the default comparison of the README. */
static void
default_comparison (RwWindow *window)
{
  static const char * const systems[] = { "dgx-spark", "custom-5090", NULL };
  RwWorkloadSidebar *sidebar = rw_window_get_sidebar (window);

  rw_workload_sidebar_set_selected_systems (sidebar, systems);
  g_assert_true (rw_workload_sidebar_select_model (sidebar, "llama-3.3-70b"));
  rw_workload_sidebar_set_context (sidebar, 32768);
  wait_for_frames (GTK_WIDGET (window));
}

/* The card sits at the top of Compare and is whole inside the window at
 * 1280×800, before any scrolling: verdict, the speeds and the prices. */
static void
test_compare_card (Fixture       *fixture,
                   gconstpointer  user_data)
{
  RwCompareView *compare = rw_window_get_compare_view (fixture->window);
  RwAnswerCard *card = rw_compare_view_get_answer_card (compare);
  const RwAnswer *answer;
  g_autofree char *text = NULL;
  graphene_rect_t bounds;

  default_comparison (fixture->window);
  answer = rw_chart_data_get_answer (rw_window_get_chart_data (fixture->window));
  g_assert_cmpstr (gtk_label_get_label (rw_answer_card_get_headline (card)), ==, answer->headline);
  g_assert_cmpstr (answer->headline, ==, "DGX Spark or RTX 5090 build, depending on what matters most");
  text = rw_answer_card_dup_text (card);
  g_assert_nonnull (strstr (text, "DGX Spark: fits in fast memory ("));
  g_assert_nonnull (strstr (text, "RTX 5090 build: runs with 31 of 80 layers"));
  g_assert_nonnull (strstr (text, "DGX Spark decodes "));
  g_assert_nonnull (strstr (text, "RTX 5090 build prefills "));
  g_assert_nonnull (strstr (text, "DGX Spark costs $3,465 less to buy than RTX 5090 build"));
  g_assert_nonnull (strstr (text, "Choose RTX 5090 build for faster prompt processing"));

  /* Whole and on screen without scrolling. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (card)));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card), GTK_WIDGET (fixture->window), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (fixture->window)));
  save_screenshot (fixture->window, "answer-compare-1280x800-light.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frames (GTK_WIDGET (fixture->window));
  save_screenshot (fixture->window, "answer-compare-1280x800-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* At 360 px the sidebar folds away and the card comes first. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  wait_for_frames (GTK_WIDGET (fixture->window));
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card), GTK_WIDGET (fixture->window), &bounds));
  g_assert_cmpfloat (bounds.origin.y, <, 720);
  save_screenshot (fixture->window, "answer-compare-360x720-light.png");

  /* Every change recomputes it: one machine only. */
  rw_workload_sidebar_set_selected_systems (rw_window_get_sidebar (fixture->window),
                                            (const char * const[]) { "dgx-spark", NULL });
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_cmpstr (gtk_label_get_label (rw_answer_card_get_headline (card)), ==,
                   "Fits in fast memory on DGX Spark");
}

/* Llama 2 was trained for 4,096 tokens: past that the banner says so,
 * back within it the banner goes. */
static void
test_limit_banner (Fixture       *fixture,
                   gconstpointer  user_data)
{
  RwWorkloadSidebar *sidebar = rw_window_get_sidebar (fixture->window);
  GtkRevealer *banner = rw_window_get_warning_banner (fixture->window);
  GtkLabel *label = rw_window_get_warning_label (fixture->window);

  default_comparison (fixture->window);
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  g_assert_true (rw_workload_sidebar_select_model (sidebar, "llama-2-7b"));
  rw_workload_sidebar_set_context (sidebar, 16384);
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (banner)));
  g_assert_cmpstr (gtk_label_get_label (label), ==,
                   "Llama 2 7B was trained for at most 4,096 tokens of context (max_position_embeddings); "
                   "a context of 16,384 is beyond it, and the model’s output there is unreliable");
  save_screenshot (fixture->window, "answer-limit-banner-1280x800.png");

  rw_workload_sidebar_set_context (sidebar, 4096);
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
}

static gboolean
table_has_cell (RwStatTable *table,
                const char  *text)
{
  for (guint r = 0; r < rw_stat_table_get_n_rows (table); r++)
    for (guint c = 0; c <= rw_stat_table_get_n_columns (table); c++)
      if (g_strcmp0 (rw_stat_table_get_cell (table, r, c), text) == 0)
        return TRUE;
  return FALSE;
}

/* The Fit view's What Fits shows the core's search, and follows changes:
 * Qwen2.5 14B at Q4_K_M fits the Spark up to the model's 128K, in BF16 at
 * 32K; the RTX 5090's 32 GiB hold a little less than 128K in fast memory,
 * and the figure shown is the edge the core found (an estimate there fits,
 * 1K more does not). */
static void
test_what_fits_section (Fixture       *fixture,
                        gconstpointer  user_data)
{
  RwWorkloadSidebar *sidebar = rw_window_get_sidebar (fixture->window);
  RwStatTable *grid = rw_fit_view_get_what_fits_table (rw_window_get_fit_view (fixture->window));
  const RwWorkload *workload;
  g_autoptr(RwWhatFits) fits = NULL;
  g_autofree char *edge = NULL;
  RwWorkload w;
  RwEstimate e;

  default_comparison (fixture->window);
  adw_view_stack_set_visible_child_name (rw_window_get_view_stack (fixture->window), "fit");
  g_assert_true (rw_workload_sidebar_select_model (sidebar, "qwen2.5-14b"));
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_true (table_has_cell (grid, "128K (model limit)"));
  g_assert_true (table_has_cell (grid, "BF16"));

  rw_workload_sidebar_set_context (sidebar, 131072);
  wait_for_frames (GTK_WIDGET (fixture->window));
  workload = rw_chart_data_get_workload (rw_window_get_chart_data (fixture->window));
  fits = rw_what_fits (fixture->catalog, rw_catalog_lookup_system (fixture->catalog, "custom-5090"),
                       workload, NULL);
  g_assert_cmpuint (fits->max_context_on_device, >, 0);
  g_assert_cmpuint (fits->max_context_on_device, <, 131072);
  edge = g_strdup_printf ("%uK", fits->max_context_on_device / 1024);
  g_assert_true (table_has_cell (grid, edge));
  w = *workload;
  w.context = fits->max_context_on_device;
  g_assert_true (rw_estimate (rw_catalog_lookup_system (fixture->catalog, "custom-5090"), &w, &e, NULL));
  g_assert_cmpint (e.fit, ==, RW_FIT_FITS);
  w.context += 1024;
  g_assert_true (rw_estimate (rw_catalog_lookup_system (fixture->catalog, "custom-5090"), &w, &e, NULL));
  g_assert_cmpint (e.fit, !=, RW_FIT_FITS);
}

/* Fine-tuning shows the format it trains on, the training speed and the
 * time for a dataset, and no inference chart; Export Chart is off where
 * no chart is shown (Compare, and Speed while fine-tuning). */
static void
test_training_views (Fixture       *fixture,
                     gconstpointer  user_data)
{
  RwWorkloadSidebar *sidebar = rw_window_get_sidebar (fixture->window);
  RwSpeedView *speed = rw_window_get_speed_view (fixture->window);
  RwStatTable *table = rw_speed_view_get_table (speed);
  const RwWorkload *w;
  const RwEstimate *spark = NULL;
  g_autofree char *time = NULL;

  default_comparison (fixture->window);
  g_assert_true (rw_workload_sidebar_select_model (sidebar, "llama-3.1-8b"));

  /* Compare: nothing to export as a chart. */
  adw_view_stack_set_visible_child_name (rw_window_get_view_stack (fixture->window), "compare");
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_false (rw_window_get_can_export_chart (fixture->window));
  adw_view_stack_set_visible_child_name (rw_window_get_view_stack (fixture->window), "speed");
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_true (rw_window_get_can_export_chart (fixture->window));

  /* QLoRA trains on NF4, whatever inference used; full fine-tunes on BF16. */
  rw_workload_sidebar_set_mode (sidebar, RW_MODE_QLORA);
  wait_for_frames (GTK_WIDGET (fixture->window));
  w = rw_chart_data_get_workload (rw_window_get_chart_data (fixture->window));
  g_assert_cmpstr (w->weights->id, ==, "nf4");
  rw_workload_sidebar_set_mode (sidebar, RW_MODE_FULL);
  wait_for_frames (GTK_WIDGET (fixture->window));
  w = rw_chart_data_get_workload (rw_window_get_chart_data (fixture->window));
  g_assert_cmpstr (w->weights->id, ==, "bf16");
  g_assert_true (strstr (rw_chart_data_get_subtitle (rw_window_get_chart_data (fixture->window)), "BF16") != NULL);

  /* Speed: training tok/s and the time for 100M tokens, no chart. */
  rw_workload_sidebar_set_mode (sidebar, RW_MODE_LORA);
  wait_for_frames (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < rw_chart_data_get_n_systems (rw_window_get_chart_data (fixture->window)); i++)
    if (g_str_equal (rw_chart_data_get_system (rw_window_get_chart_data (fixture->window), i)->id, "dgx-spark"))
      spark = rw_chart_data_get_estimate (rw_window_get_chart_data (fixture->window), i);
  g_assert_nonnull (spark);
  g_assert_true (isfinite (spark->train_tok_s));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rw_speed_view_get_main_chart (speed))));
  g_assert_false (rw_window_get_can_export_chart (fixture->window));
  g_assert_cmpstr (rw_stat_table_get_cell (table, 0, 0), ==, "Training");
  g_assert_cmpstr (rw_stat_table_get_cell (table, 1, 0), ==, "Time for 100M tokens");
  /* The Spark is the first column: 1e8 tokens at its speed. */
  time = rw_format_duration (1e8 / spark->train_tok_s);
  g_assert_cmpstr (rw_stat_table_get_cell (table, 1, 1), ==, time);
  for (guint r = 0; r < rw_stat_table_get_n_rows (table); r++)
    g_assert_false (g_str_has_prefix (rw_stat_table_get_cell (table, r, 0), "Decode"));
  save_screenshot (fixture->window, "answer-speed-lora-1280x800.png");

  /* Back to inference: the chart, and the weights chosen for it. */
  rw_workload_sidebar_set_mode (sidebar, RW_MODE_INFERENCE);
  wait_for_frames (GTK_WIDGET (fixture->window));
  w = rw_chart_data_get_workload (rw_window_get_chart_data (fixture->window));
  g_assert_cmpstr (w->weights->id, ==, "q4_k_m");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rw_speed_view_get_main_chart (speed))));
  g_assert_true (rw_window_get_can_export_chart (fixture->window));
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* Show as table at 1280 px: the cost table (the widest, five precisions)
 * is whole inside its card, its last column not cut off. */
static void
test_table_not_clipped (Fixture       *fixture,
                        gconstpointer  user_data)
{
  RwCostView *cost;
  RwChartCard *card;
  GtkWidget *table;
  graphene_rect_t table_bounds, card_bounds;

  default_comparison (fixture->window);
  rw_workload_sidebar_set_selected_systems (rw_window_get_sidebar (fixture->window),
                                            (const char * const[]) { "dgx-spark", "custom-5090",
                                                                     "mac-studio-m3-ultra", "strix-halo-128",
                                                                     NULL });
  adw_view_stack_set_visible_child_name (rw_window_get_view_stack (fixture->window), "cost");
  cost = rw_window_get_cost_view (fixture->window);
  card = rw_cost_view_get_main_chart (cost);
  rw_chart_card_set_show_table (card, TRUE);
  wait_for_frames (GTK_WIDGET (fixture->window));
  table = find_type (GTK_WIDGET (card), RW_TYPE_STAT_TABLE);
  g_assert_nonnull (table);
  g_assert_true (gtk_widget_compute_bounds (table, GTK_WIDGET (fixture->window), &table_bounds));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card), GTK_WIDGET (fixture->window), &card_bounds));
  g_assert_cmpfloat (table_bounds.origin.x, >=, card_bounds.origin.x);
  g_assert_cmpfloat (table_bounds.origin.x + table_bounds.size.width, <=,
                     card_bounds.origin.x + card_bounds.size.width + 0.5);
  g_assert_cmpfloat (card_bounds.origin.x + card_bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (fixture->window)));
  save_screenshot (fixture->window, "answer-cost-table-1280x800.png");
}

/* `rigwise trip.rigwise`: the application opens the file in its window,
 * names it in the title, and adds it to the recent files. */
typedef struct
{
  GFile    *file;
  gboolean  checked;
} OpenCheck;

static gboolean
check_open_cb (gpointer user_data)
{
  OpenCheck *check = user_data;
  GApplication *app = g_application_get_default ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  RwChartData *data;
  g_autofree char *uri = g_file_get_uri (check->file);
  GMenuModel *recent;
  gboolean listed = FALSE;

  g_assert_true (RW_IS_WINDOW (window));
  wait_for_frames (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "trip — Rigwise");
  g_assert_true (g_file_equal (rw_window_get_file (RW_WINDOW (window)), check->file));
  data = rw_window_get_chart_data (RW_WINDOW (window));
  g_assert_nonnull (data);
  g_assert_cmpstr (rw_chart_data_get_workload (data)->model->id, ==, "llama-2-7b");
  g_assert_cmpuint (rw_chart_data_get_workload (data)->context, ==, 16384);
  g_assert_cmpuint (rw_chart_data_get_n_systems (data), ==, 3);

  /* GNOME's recent files have it, and so does Open Recent. */
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  recent = rw_window_get_recent_menu (RW_WINDOW (window));
  for (int i = 0; i < g_menu_model_get_n_items (recent); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (recent, i, G_MENU_ATTRIBUTE_TARGET,
                                                                           G_VARIANT_TYPE_STRING);

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), uri))
        listed = TRUE;
    }
  g_assert_true (listed);

  check->checked = TRUE;
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
on_open_window_added_cb (GtkApplication *app,
                         GtkWindow      *window,
                         OpenCheck      *check)
{
  g_timeout_add (50, check_open_cb, check);
}

static void
test_open_from_desktop (void)
{
  g_autoptr(RwApplication) app = rw_application_new ();
  g_autofree char *path = g_build_filename (tmp_dir, "trip.rigwise", NULL);
  g_autoptr(GError) error = NULL;
  OpenCheck check = { NULL, FALSE };
  char *argv[] = { (char *) "rigwise", path, NULL };
  static const char scenario[] =
    "{ \"rigwise-scenario\": 1,\n"
    "  \"workload\": { \"model\": \"llama-2-7b\", \"weights\": \"q8_0\", \"kv\": \"f16\",\n"
    "                \"mode\": \"inference\", \"context\": 16384 },\n"
    "  \"systems\": [ \"dgx-spark\", \"custom-5090\", \"mac-studio-m3-ultra\" ] }\n";

  g_assert_true (g_file_set_contents (path, scenario, -1, &error));
  g_assert_no_error (error);
  check.file = g_file_new_for_path (path);

  /* HANDLES_OPEN as installed; no session bus here, so not unique. */
  g_assert_true (g_application_get_flags (G_APPLICATION (app)) & G_APPLICATION_HANDLES_OPEN);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_open_window_added_cb), &check);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_true (check.checked);
  g_object_unref (check.file);
}

/* Saving names the window after the file too; a new file, a new name. */
static void
test_title_follows_save (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (tmp_dir, "plan_b.rigwise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Rigwise");
  g_assert_true (rw_window_save_scenario_file (fixture->window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "plan_b — Rigwise");
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

static void
no_window_shadow (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  g_autoptr(GtkCssProvider) app_style = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (provider, "window.csd { box-shadow: none; margin: 0; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  /* What GtkApplication loads from the resource base path for the app:
   * the screenshots look as the app does. */
  gtk_css_provider_load_from_resource (app_style, "/io/github/rigwise/Rigwise/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (app_style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  /* Recent files and the user catalog go to a scratch dir, before GLib
   * caches the paths. */
  tmp_dir = g_dir_make_tmp ("rigwise-answer-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/answer/display", test_no_display);
      ret = g_test_run ();
      remove_tree (tmp_dir);
      return ret;
    }
  adw_init ();
  no_window_shadow ();

  g_test_add ("/ui/answer/compare-card", Fixture, NULL, fixture_set_up, test_compare_card, fixture_tear_down);
  g_test_add ("/ui/answer/what-fits", Fixture, NULL, fixture_set_up, test_what_fits_section, fixture_tear_down);
  g_test_add ("/ui/answer/training-views", Fixture, NULL, fixture_set_up, test_training_views, fixture_tear_down);
  g_test_add ("/ui/answer/table-not-clipped", Fixture, NULL, fixture_set_up, test_table_not_clipped,
              fixture_tear_down);
  g_test_add ("/ui/answer/limit-banner", Fixture, NULL, fixture_set_up, test_limit_banner, fixture_tear_down);
  g_test_add ("/ui/answer/title-follows-save", Fixture, NULL, fixture_set_up, test_title_follows_save,
              fixture_tear_down);
  g_test_add_func ("/ui/answer/open-from-desktop", test_open_from_desktop);

  ret = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
