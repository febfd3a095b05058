/* test-scenario-ui.c: scenarios through the window, and the build editor
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs a display (xvfb-run, GDK_BACKEND=x11); without one it skips, or
 * fails when RIGWISE_REQUIRE_DISPLAY is set.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "rw-app-format.h"
#include "rw-build-editor.h"
#include "rw-screenshot.h"
#include "rw-user-systems.h"
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

/* Iterates until @widget has painted twice, so it is laid out and drawn. */
static void
wait_for_frames (GtkWidget *widget)
{
  GdkFrameClock *clock;
  guint painted = 0;
  gulong id;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  while (painted < 2)
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
  g_autofree char *user_file = rw_user_systems_get_path ();

  /* Every test starts from the bundled catalog. */
  g_unlink (user_file);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->catalog = rw_catalog_new_default (&error);
  g_assert_no_error (error);
  fixture->window = rw_window_new (NULL, fixture->catalog, NULL);
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
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

static const RwEstimate *
estimate_for (RwWindow   *window,
              const char *system_id)
{
  RwChartData *data = rw_window_get_chart_data (window);

  g_assert_nonnull (data);
  for (guint i = 0; i < rw_chart_data_get_n_systems (data); i++)
    if (g_strcmp0 (rw_chart_data_get_system (data, i)->id, system_id) == 0)
      return rw_chart_data_get_estimate (data, i);
  return NULL;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Save, change the window, open: the window is back where it was saved. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  /* In catalog order: the sidebar lists (and so saves) systems that way. */
  static const char * const systems[] = { "dgx-spark", "custom-4090", "mac-studio-m4-max", NULL };
  g_autofree char *path = tmp_path ("round-trip.rigwise");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RwScenario) wanted = rw_scenario_new ();
  g_autoptr(RwScenario) saved = NULL;
  g_autoptr(RwScenario) on_disk = NULL;
  g_autoptr(RwScenario) other = NULL;
  g_autoptr(RwScenario) reopened = NULL;

  /* A workload unlike the defaults, put into the window. */
  rw_scenario_set_model_id (wanted, "qwen3-30b-a3b");
  wanted->weights_id = g_strdup ("q8_0");
  wanted->kv_id = g_strdup ("f16");
  wanted->context = 65536;
  wanted->batch = 2;
  wanted->mode = RW_MODE_LORA;
  wanted->lora_rank = 32;
  wanted->electricity_price = 0.42;
  wanted->hours_per_day = 10;
  wanted->years = 4;
  rw_scenario_set_systems (wanted, systems);
  g_assert_true (rw_window_apply_scenario (fixture->window, wanted, &error));
  g_assert_no_error (error);
  wait_for_frames (GTK_WIDGET (fixture->window));

  /* The charts follow: three systems, in that order. */
  g_assert_cmpuint (rw_chart_data_get_n_systems (rw_window_get_chart_data (fixture->window)), ==, 3);
  g_assert_cmpstr (rw_chart_data_get_system (rw_window_get_chart_data (fixture->window), 1)->id,
                   ==, "custom-4090");

  saved = rw_window_dup_scenario (fixture->window, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->model_id, ==, "qwen3-30b-a3b");
  g_assert_cmpuint (saved->context, ==, 65536);
  g_assert_cmpint (saved->mode, ==, RW_MODE_LORA);
  g_assert_cmpfloat (saved->electricity_price, ==, 0.42);
  g_assert_true (rw_scenario_equal (saved, wanted));

  g_assert_true (rw_window_save_scenario_file (fixture->window, file, &error));
  g_assert_no_error (error);
  on_disk = rw_scenario_load (file, fixture->catalog, &error);
  g_assert_no_error (error);
  g_assert_true (rw_scenario_equal (on_disk, saved));

  /* Somewhere else entirely, then open the file. */
  other = rw_scenario_copy (saved);
  rw_scenario_set_model_id (other, "llama-3.1-8b");
  other->context = 4096;
  rw_scenario_set_systems (other, (const char * const[]) { "dgx-spark", NULL });
  g_assert_true (rw_window_apply_scenario (fixture->window, other, &error));
  wait_for_frames (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (rw_chart_data_get_n_systems (rw_window_get_chart_data (fixture->window)), ==, 1);

  g_assert_true (rw_window_open_scenario_file (fixture->window, file, &error));
  g_assert_no_error (error);
  wait_for_frames (GTK_WIDGET (fixture->window));
  reopened = rw_window_dup_scenario (fixture->window, &error);
  g_assert_no_error (error);
  g_assert_true (rw_scenario_equal (reopened, saved));
  g_assert_cmpuint (rw_chart_data_get_n_systems (rw_window_get_chart_data (fixture->window)), ==, 3);
  g_assert_nonnull (estimate_for (fixture->window, "mac-studio-m4-max"));
}

/* A malformed file is refused with its specific error and the window keeps
 * every setting and figure it had. */
static void
test_malformed (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const struct { const char *name; const char *text; int code; } cases[] = {
    { "garbage.rigwise", "this is not JSON", RW_SCENARIO_ERROR_PARSE },
    { "future.rigwise", "{\"rigwise-scenario\": 7, \"workload\": {}, \"systems\": []}",
      RW_SCENARIO_ERROR_VERSION },
    { "nosuch.rigwise",
      "{\"rigwise-scenario\": 1, \"workload\": {\"model\": \"llama-3.1-8b\", \"weights\": \"q4_k_m\", "
      "\"kv\": \"f16\", \"mode\": \"inference\", \"context\": 8192}, \"systems\": [\"cray-1\"]}",
      RW_SCENARIO_ERROR_UNKNOWN_ID },
    { "negative.rigwise",
      "{\"rigwise-scenario\": 1, \"workload\": {\"model\": \"llama-3.1-8b\", \"weights\": \"q4_k_m\", "
      "\"kv\": \"f16\", \"mode\": \"inference\", \"context\": -5}, \"systems\": [\"dgx-spark\"]}",
      RW_SCENARIO_ERROR_INVALID_VALUE },
  };
  g_autoptr(RwScenario) before = NULL;
  g_autoptr(GError) error = NULL;
  double spark_decode;

  before = rw_window_dup_scenario (fixture->window, &error);
  g_assert_no_error (error);
  spark_decode = estimate_for (fixture->window, "dgx-spark")->decode_tok_s;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = tmp_path (cases[i].name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RwScenario) after = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].text, -1, NULL));
      g_assert_false (rw_window_open_scenario_file (fixture->window, file, &error));
      g_assert_error (error, RW_SCENARIO_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].name));
      g_clear_error (&error);
      wait_for_frames (GTK_WIDGET (fixture->window));

      after = rw_window_dup_scenario (fixture->window, &error);
      g_assert_no_error (error);
      g_assert_true (rw_scenario_equal (before, after));
      g_assert_cmpfloat (estimate_for (fixture->window, "dgx-spark")->decode_tok_s, ==, spark_decode);
    }
}

static RwBuildEditor *
find_build_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (RW_IS_BUILD_EDITOR (window))
        return RW_BUILD_EDITOR (window);
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
save_shot (GtkWindow  *window,
           const char *name)
{
  const char *dir = g_getenv ("RIGWISE_ARTIFACTS_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  rw_screenshot_save_window (window, path, &error);
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);
}

/* Opened through the window's action, the editor changes the RTX 5090's
 * price and the window's cost figure for the 5090 build follows at once:
 * new total = old total − catalog price + 2999. */
static void
test_build_editor (Fixture       *fixture,
                   gconstpointer  user_data)
{
  RwBuildEditor *editor;
  GtkSpinButton *spin;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_label = NULL;
  double old_price, part_price, new_price;
  RwSystem *build;

  old_price = estimate_for (fixture->window, "custom-5090")->price;
  part_price = rw_catalog_get_price (fixture->catalog, "rtx-5090", NULL)->value;
  g_assert_cmpfloat (part_price, !=, 2999);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-build", NULL));
  editor = find_build_editor ();
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  wait_for_frames (GTK_WIDGET (editor));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (rw_build_editor_get_system_id (editor), ==, "custom-5090");

  spin = rw_build_editor_get_price_spin (editor, "rtx-5090");
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, part_price);
  gtk_spin_button_set_value (spin, 2999);
  wait_for_frames (GTK_WIDGET (fixture->window));

  new_price = estimate_for (fixture->window, "custom-5090")->price;
  g_assert_cmpfloat_with_epsilon (new_price, old_price - part_price + 2999, 1e-6);
  /* Kept as the user's own price, on disk too. */
  {
    RwPriceOrigin origin;
    g_autofree char *contents = NULL;
    g_autofree char *user_file = rw_user_systems_get_path ();

    rw_catalog_get_price (fixture->catalog, "rtx-5090", &origin);
    g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_USER);
    g_assert_true (g_file_get_contents (user_file, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\"rtx-5090\""));
  }

  /* Two GPUs: the build's VRAM doubles and the cost follows. */
  build = rw_catalog_lookup_system (fixture->catalog, "custom-5090");
  {
    double vram = build->device_memory.value;
    /* The template's own spin button, as a user would use it. */
    GtkWidget *count = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                  RW_TYPE_BUILD_EDITOR,
                                                                  "gpu_count_spin"));

    g_assert_nonnull (count);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (count), 2);
    wait_for_frames (GTK_WIDGET (fixture->window));
    g_assert_true (rw_catalog_lookup_system (fixture->catalog, "custom-5090") == build);
    g_assert_cmpuint (build->n_devices, ==, 2);
    g_assert_cmpfloat (build->device_memory.value, ==, 2 * vram);
    g_assert_cmpfloat_with_epsilon (estimate_for (fixture->window, "custom-5090")->price,
                                    new_price + 2999, 1e-6);
    /* The editor's own total is the core's, formatted as the app does. */
    expected_label = rw_app_format_money (rw_system_total_price (build), build->currency,
                                          RW_CURRENCY_DISPLAY_SYMBOL);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                                  RW_TYPE_BUILD_EDITOR,
                                                                                  "price_total_label"))),
                     ==, expected_label);
  }

  /* Screenshots: normal width and 360 px, light and dark. */
  for (guint dark = 0; dark < 2; dark++)
    for (guint narrow = 0; narrow < 2; narrow++)
      {
        g_autofree char *name = g_strdup_printf ("build-editor-%s-%s.png", narrow ? "360" : "560",
                                                 dark ? "dark" : "light");

        adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                            dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                 : ADW_COLOR_SCHEME_FORCE_LIGHT);
        gtk_window_set_default_size (GTK_WINDOW (editor), narrow ? 360 : 560, 900);
        wait_for_frames (GTK_WIDGET (editor));
        save_shot (GTK_WINDOW (editor), name);
        if (!narrow)
          {
            /* And the end of the page: the last prices and the reset button. */
            GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (find_descendant (GTK_WIDGET (editor),
                                                                                GTK_TYPE_SCROLLED_WINDOW));
            GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);
            g_autofree char *bottom = g_strdup_printf ("build-editor-560-%s-bottom.png",
                                                       dark ? "dark" : "light");

            gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
            wait_for_frames (GTK_WIDGET (editor));
            save_shot (GTK_WINDOW (editor), bottom);
            gtk_adjustment_set_value (adj, 0);
          }
      }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Reset through the button: it asks first; cancelling keeps the edit,
   * confirming brings back the catalog's build and price, and the window
   * follows. */
  for (guint confirm = 0; confirm < 2; confirm++)
    {
      GtkWidget *reset = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                    RW_TYPE_BUILD_EDITOR,
                                                                    "reset_button"));
      AdwMessageDialog *dialog = NULL;
      GListModel *toplevels = gtk_window_get_toplevels ();

      g_signal_emit_by_name (reset, "clicked");
      for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
        {
          g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (w))
            dialog = ADW_MESSAGE_DIALOG (w);
        }
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reset Build?");
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (editor));
      adw_message_dialog_response (dialog, confirm ? "reset" : "cancel");
      wait_for_frames (GTK_WIDGET (fixture->window));
      g_assert_cmpuint (build->n_devices, ==, confirm ? 1 : 2);
    }
  g_assert_cmpuint (build->n_devices, ==, 1);
  g_assert_cmpfloat_with_epsilon (estimate_for (fixture->window, "custom-5090")->price, old_price, 1e-6);
  g_assert_cmpfloat (gtk_spin_button_get_value (rw_build_editor_get_price_spin (editor, "rtx-5090")),
                     ==, part_price);

  gtk_window_destroy (GTK_WINDOW (editor));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (editor);
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

/* As in test-window.c: no client-side shadow in screenshots. */
static void
no_window_shadow (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (provider, "window.csd { box-shadow: none; margin: 0; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
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

  /* The user catalog goes to a scratch dir, before GLib caches the path. */
  tmp_dir = g_dir_make_tmp ("rigwise-scenario-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/scenario/display", test_no_display);
      ret = g_test_run ();
      remove_tree (tmp_dir);
      return ret;
    }
  adw_init ();
  no_window_shadow ();

  g_test_add ("/ui/scenario/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/ui/scenario/malformed", Fixture, NULL, fixture_set_up, test_malformed,
              fixture_tear_down);
  g_test_add ("/ui/build-editor/price-and-gpus", Fixture, NULL, fixture_set_up, test_build_editor,
              fixture_tear_down);

  ret = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
