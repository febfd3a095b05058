/* test-user-systems.c: edited builds and user prices persist, reload and reset
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "rigwise-core.h"
#include "rw-user-systems.h"

static char *tmp_dir;

/* A catalog as the app makes it at start: bundle plus the user's files. */
static RwCatalog *
fresh_catalog (void)
{
  g_autoptr(GError) error = NULL;
  RwCatalog *catalog = rw_catalog_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static RwCatalog *
bundled_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (rw_catalog_get_data_dir (), "catalog", NULL);
  RwCatalog *catalog = rw_catalog_new ();

  g_assert_true (rw_catalog_load_directory (catalog, dir, FALSE, &error));
  g_assert_no_error (error);
  return catalog;
}

static char *
read_user_file (void)
{
  g_autofree char *path = rw_user_systems_get_path ();
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

static void
remove_user_file (void)
{
  g_autofree char *path = rw_user_systems_get_path ();

  g_unlink (path);
}

static const RwComponent *
find_part (const RwSystem *system,
           const char     *kind)
{
  for (guint i = 0; i < system->components->len; i++)
    {
      const RwComponent *c = g_ptr_array_index (system->components, i);

      if (g_str_equal (c->kind, kind))
        return c;
    }
  return NULL;
}

static void
test_path (void)
{
  g_autofree char *path = rw_user_systems_get_path ();
  g_autofree char *expected = g_build_filename (tmp_dir, "rigwise", "catalog",
                                                "user-systems.json", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_list_parts (void)
{
  g_autoptr(RwCatalog) catalog = fresh_catalog ();
  g_autoptr(GPtrArray) gpus = rw_user_systems_list_parts (catalog, "gpu");
  g_autoptr(GPtrArray) storage = rw_user_systems_list_parts (catalog, "storage");
  g_autoptr(GPtrArray) none = rw_user_systems_list_parts (catalog, "flux-capacitor");
  gboolean seen_5090 = FALSE;

  /* The bundle's custom builds use three GPUs: RTX 5090, RTX 4090, RTX PRO
   * 6000, each once however many builds share it. */
  g_assert_cmpuint (gpus->len, ==, 3);
  for (guint i = 0; i < gpus->len; i++)
    {
      const RwComponent *part = g_ptr_array_index (gpus, i);

      g_assert_cmpstr (part->kind, ==, "gpu");
      g_assert_cmpuint (part->quantity, ==, 1);
      g_assert_true (rw_figure_is_known (&part->price));
      if (g_str_equal (part->id, "rtx-5090"))
        seen_5090 = TRUE;
      if (i > 0)
        g_assert_cmpint (g_utf8_collate (((RwComponent *) g_ptr_array_index (gpus, i - 1))->name,
                                         part->name), <, 0);
    }
  g_assert_true (seen_5090);
  g_assert_cmpuint (storage->len, >=, 1);
  g_assert_cmpuint (none->len, ==, 0);
}

/* Two RTX PRO 6000 in the seed's build: device figures are the PRO 6000
 * build's (one card: 96 GiB, 1792 GB/s) times two; host RAM and the other
 * parts stay the 5090 build's. */
static void
test_build_and_persist (void)
{
  g_autoptr(RwCatalog) catalog = fresh_catalog ();
  g_autoptr(RwCatalog) reloaded = NULL;
  g_autoptr(RwSystem) edited = NULL;
  g_autoptr(GError) error = NULL;
  RwSystem *base = rw_catalog_lookup_system (catalog, "custom-5090");
  RwSystem *pro = rw_catalog_lookup_system (catalog, "custom-rtx-pro-6000");
  RwSystem *borrowed = base;
  RwSystem *again;
  double base_host = base->host_memory.value;
  double expected_price;

  remove_user_file ();
  g_assert_nonnull (base);
  g_assert_nonnull (pro);

  edited = rw_user_systems_build (catalog, base, "rtx-pro-6000", 2, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (edited);
  g_assert_cmpuint (edited->n_devices, ==, 2);
  /* 2 × 96 GiB = 2 × 103 079 215 104 B */
  g_assert_cmpfloat (edited->device_memory.value, ==, 2 * 96.0 * 1073741824.0);
  g_assert_cmpfloat (edited->device_memory.value, ==, 2 * pro->device_memory.value);
  g_assert_cmpfloat (edited->device_bandwidth.value, ==, 2 * 1792e9);
  g_assert_cmpfloat (edited->host_memory.value, ==, base_host);
  g_assert_nonnull (strstr (edited->device_memory.note, "custom-rtx-pro-6000"));
  g_assert_cmpstr (find_part (edited, "gpu")->id, ==, "rtx-pro-6000");
  g_assert_cmpuint (find_part (edited, "gpu")->quantity, ==, 2);
  /* Load power re-estimated, and said to be an estimate. */
  g_assert_true (edited->power_load.assumed);
  g_assert_cmpfloat (edited->power_load.value, ==, 2 * pro->power_load.value);
  /* The total moves by 2 × PRO 6000 − 1 × 5090 at the prices in use. */
  expected_price = rw_system_total_price (base)
                   - rw_catalog_get_price (catalog, "rtx-5090", NULL)->value
                   + 2 * rw_catalog_get_price (catalog, "rtx-pro-6000", NULL)->value;
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (edited), expected_price, 1e-6);
  /* Nothing is saved by building. */
  g_assert_null (read_user_file ());
  g_assert_cmpuint (base->n_devices, ==, 1);

  g_assert_true (rw_user_systems_save_system (catalog, edited, &error));
  g_assert_no_error (error);
  g_assert_true (rw_user_systems_is_edited ("custom-5090"));
  g_assert_false (rw_user_systems_is_edited ("custom-4090"));
  /* In place: what the app borrowed sees the edit. */
  again = rw_catalog_lookup_system (catalog, "custom-5090");
  g_assert_true (again == borrowed);
  g_assert_cmpuint (borrowed->n_devices, ==, 2);
  g_assert_true (borrowed->user_defined);

  /* A fresh catalog reads the user file back through the real loader. */
  reloaded = fresh_catalog ();
  again = rw_catalog_lookup_system (reloaded, "custom-5090");
  g_assert_nonnull (again);
  g_assert_true (again->user_defined);
  g_assert_cmpuint (again->n_devices, ==, 2);
  g_assert_cmpfloat (again->device_memory.value, ==, edited->device_memory.value);
  g_assert_cmpfloat (again->device_bandwidth.value, ==, edited->device_bandwidth.value);
  g_assert_cmpfloat (again->power_load.value, ==, edited->power_load.value);
  g_assert_cmpstr (again->name, ==, edited->name);
  g_assert_cmpstr (find_part (again, "gpu")->id, ==, "rtx-pro-6000");
  g_assert_cmpuint (find_part (again, "gpu")->quantity, ==, 2);
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (again), expected_price, 1e-6);
  for (guint p = 0; p < RW_PRECISION_N; p++)
    {
      if (isnan (edited->peak[p].value))
        g_assert_true (isnan (again->peak[p].value));
      else
        g_assert_cmpfloat_with_epsilon (again->peak[p].value, edited->peak[p].value,
                                        edited->peak[p].value * 1e-12);
      g_assert_cmpint (again->peak[p].assumed, ==, edited->peak[p].assumed);
    }

  /* Reset: the bundled build comes back, in both catalogs' terms. */
  g_assert_true (rw_user_systems_reset_system (catalog, "custom-5090", &error));
  g_assert_no_error (error);
  g_assert_false (rw_user_systems_is_edited ("custom-5090"));
  g_assert_true (rw_catalog_lookup_system (catalog, "custom-5090") == borrowed);
  g_assert_cmpuint (borrowed->n_devices, ==, 1);
  g_assert_false (borrowed->user_defined);
  g_assert_cmpfloat (borrowed->device_memory.value, ==, 32.0 * 1073741824.0);
  g_assert_cmpstr (find_part (borrowed, "gpu")->id, ==, "rtx-5090");
  g_clear_object (&reloaded);
  reloaded = fresh_catalog ();
  again = rw_catalog_lookup_system (reloaded, "custom-5090");
  g_assert_false (again->user_defined);
  g_assert_cmpuint (again->n_devices, ==, 1);
}

/* Four 64 GB kits where the build has two: host RAM doubles (2 × 128 GiB,
 * the bundled build's figure per kit times four), the device side stays. */
static void
test_ram_kits (void)
{
  g_autoptr(RwCatalog) catalog = fresh_catalog ();
  g_autoptr(RwSystem) edited = NULL;
  g_autoptr(GError) error = NULL;
  RwSystem *base = rw_catalog_lookup_system (catalog, "custom-4090");

  edited = rw_user_systems_build (catalog, base, NULL, 0, "ddr5-64gb-kit", 4, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (edited->host_memory.value, ==, 256.0 * 1073741824.0);
  g_assert_cmpfloat (edited->host_bandwidth.value, ==, base->host_bandwidth.value);
  g_assert_cmpfloat (edited->device_memory.value, ==, base->device_memory.value);
  g_assert_cmpuint (find_part (edited, "ram")->quantity, ==, 4);
  g_assert_cmpstr (find_part (edited, "gpu")->id, ==, "rtx-4090");
  /* Two more kits at the price in use. */
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (edited),
                                  rw_system_total_price (base)
                                  + 2 * rw_catalog_get_price (catalog, "ddr5-64gb-kit", NULL)->value,
                                  1e-6);
  /* Same GPU, same count: the build's own power figure stands. */
  g_assert_cmpfloat (edited->power_load.value, ==, base->power_load.value);
  g_assert_false (rw_user_systems_is_edited ("custom-4090"));
}

static void
test_user_prices (void)
{
  g_autoptr(RwCatalog) catalog = fresh_catalog ();
  g_autoptr(RwCatalog) bundled = bundled_catalog ();
  g_autoptr(RwCatalog) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  const RwFigure *price;
  RwPriceOrigin origin;
  RwFigure feed = { 0, };
  double bundled_5090 = rw_catalog_get_price (bundled, "rtx-5090", NULL)->value;
  double dual_before;

  remove_user_file ();
  dual_before = rw_system_total_price (rw_catalog_lookup_system (catalog, "custom-dual-5090"));

  g_assert_true (rw_user_systems_set_price (catalog, "rtx-5090", 2999, &error));
  g_assert_no_error (error);
  price = rw_catalog_get_price (catalog, "rtx-5090", &origin);
  g_assert_cmpfloat (price->value, ==, 2999);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_USER);
  /* Shared part: the dual build has two of them. */
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (rw_catalog_lookup_system (catalog, "custom-dual-5090")),
                                  dual_before + 2 * (2999 - bundled_5090), 1e-6);

  /* A prebuilt system's price too. */
  g_assert_true (rw_user_systems_set_price (catalog, "dgx-spark", 3777, &error));
  g_assert_no_error (error);

  /* Reload, then a price feed: the user's prices win. */
  reloaded = fresh_catalog ();
  price = rw_catalog_get_price (reloaded, "rtx-5090", &origin);
  g_assert_cmpfloat (price->value, ==, 2999);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_USER);
  g_assert_cmpfloat (rw_system_total_price (rw_catalog_lookup_system (reloaded, "dgx-spark")), ==, 3777);

  rw_figure_set (&feed, 2500, "https://example.com/feed", "2026-11-25", NULL, FALSE);
  g_assert_true (rw_catalog_set_price (reloaded, "rtx-5090", RW_PRICE_ORIGIN_FEED, &feed, &error));
  g_assert_true (rw_catalog_set_price (reloaded, "dgx-spark", RW_PRICE_ORIGIN_FEED, &feed, &error));
  price = rw_catalog_get_price (reloaded, "rtx-5090", &origin);
  g_assert_cmpfloat (price->value, ==, 2999);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_USER);
  g_assert_cmpfloat (find_part (rw_catalog_lookup_system (reloaded, "custom-5090"), "gpu")->price.value, ==, 2999);
  g_assert_cmpfloat (rw_system_total_price (rw_catalog_lookup_system (reloaded, "dgx-spark")), ==, 3777);

  /* Resetting the 5090 build forgets its parts' prices, not the Spark's,
   * and the feed's price shows through. */
  g_assert_true (rw_user_systems_reset_system (reloaded, "custom-5090", &error));
  g_assert_no_error (error);
  price = rw_catalog_get_price (reloaded, "rtx-5090", &origin);
  g_assert_cmpfloat (price->value, ==, 2500);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
  price = rw_catalog_get_price (reloaded, "dgx-spark", &origin);
  g_assert_cmpfloat (price->value, ==, 3777);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_USER);
  g_clear_object (&reloaded);
  reloaded = fresh_catalog ();
  price = rw_catalog_get_price (reloaded, "rtx-5090", &origin);
  g_assert_cmpfloat (price->value, ==, bundled_5090);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_BUNDLED);

  rw_figure_clear (&feed);
  remove_user_file ();
}

static void
assert_figure_equal (const RwFigure *a,
                     const RwFigure *b)
{
  if (isnan (a->value))
    g_assert_true (isnan (b->value));
  else
    g_assert_cmpfloat_with_epsilon (a->value, b->value, fabs (a->value) * 1e-12);
  g_assert_cmpstr (a->source, ==, b->source);
  g_assert_cmpstr (a->date, ==, b->date);
  g_assert_cmpint (!a->assumed, ==, !b->assumed);
}

/* Every bundled system written to the user file as it is reads back the
 * same through the loader: the writer speaks the loader's format for
 * unified and discrete machines, pairs with a link, assumed peaks. */
static void
test_every_system_round_trips (void)
{
  g_autoptr(RwCatalog) catalog = fresh_catalog ();
  g_autoptr(RwCatalog) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  remove_user_file ();
  for (guint i = 0; i < rw_catalog_get_n_systems (catalog); i++)
    {
      g_autoptr(RwSystem) copy = rw_system_copy (rw_catalog_get_system (catalog, i));

      g_assert_true (rw_user_systems_save_system (catalog, copy, &error));
      g_assert_no_error (error);
    }

  reloaded = fresh_catalog ();
  g_assert_cmpuint (rw_catalog_get_n_systems (reloaded), ==, rw_catalog_get_n_systems (catalog));
  for (guint i = 0; i < rw_catalog_get_n_systems (catalog); i++)
    {
      RwSystem *a = rw_catalog_get_system (catalog, i);
      RwSystem *b = rw_catalog_lookup_system (reloaded, a->id);

      g_test_message ("%s", a->id);
      g_assert_nonnull (b);
      g_assert_true (b->user_defined);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->short_name, ==, b->short_name);
      g_assert_cmpint (a->memory_model, ==, b->memory_model);
      g_assert_cmpuint (a->n_devices, ==, b->n_devices);
      assert_figure_equal (&a->device_memory, &b->device_memory);
      assert_figure_equal (&a->device_usable, &b->device_usable);
      assert_figure_equal (&a->device_bandwidth, &b->device_bandwidth);
      g_assert_cmpint (a->kind, ==, b->kind);
      if (a->memory_model == RW_MEMORY_DISCRETE && a->host_memory.value > 0)
        {
          assert_figure_equal (&a->host_memory, &b->host_memory);
          assert_figure_equal (&a->host_bandwidth, &b->host_bandwidth);
        }
      else
        g_assert_cmpfloat (b->host_memory.value, ==, 0);   /* unified, or a rented GPU */
      if (rw_system_is_cloud (a))
        assert_figure_equal (&a->price_per_hour, &b->price_per_hour);
      g_assert_cmpfloat (a->link_bandwidth.value, ==, b->link_bandwidth.value);
      for (guint p = 0; p < RW_PRECISION_N; p++)
        assert_figure_equal (&a->peak[p], &b->peak[p]);
      assert_figure_equal (&a->power_load, &b->power_load);
      assert_figure_equal (&a->power_idle, &b->power_idle);
      if (rw_system_is_cloud (a))
        g_assert_true (isnan (rw_system_total_price (b)));
      else
        g_assert_cmpfloat_with_epsilon (rw_system_total_price (a), rw_system_total_price (b), 1e-6);
      g_assert_cmpuint (a->efficiencies->len, ==, b->efficiencies->len);
      for (guint e = 0; e < a->efficiencies->len; e++)
        {
          const RwEfficiency *ea = g_ptr_array_index (a->efficiencies, e);
          const RwEfficiency *eb = rw_system_get_efficiency (b, ea->runtime);

          g_assert_nonnull (eb);
          g_assert_cmpfloat (ea->decode_bandwidth, ==, eb->decode_bandwidth);
          g_assert_cmpfloat (ea->host_bandwidth, ==, eb->host_bandwidth);
          g_assert_cmpfloat (ea->prefill_compute, ==, eb->prefill_compute);
          g_assert_cmpfloat (ea->train_compute, ==, eb->train_compute);
          g_assert_cmpfloat_with_epsilon (ea->decode_latency, eb->decode_latency, 1e-15);
          g_assert_cmpstr (ea->source, ==, eb->source);
        }
      for (guint p = 0; p < RW_PANEL_N; p++)
        {
          g_assert_cmpstr (a->panel[p], ==, b->panel[p]);
          g_assert_cmpstr (a->panel_source[p], ==, b->panel_source[p]);
        }
    }
  remove_user_file ();
}

static void
test_errors (void)
{
  g_autoptr(RwCatalog) catalog = fresh_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = rw_user_systems_get_path ();
  RwSystem *base = rw_catalog_lookup_system (catalog, "custom-5090");
  RwSystem *spark = rw_catalog_lookup_system (catalog, "dgx-spark");
  RwSystem *edited;
  double price_before;

  remove_user_file ();
  g_assert_true (rw_user_systems_set_price (catalog, "cooler-360-aio", 99, &error));
  before = read_user_file ();
  g_assert_nonnull (before);

  edited = rw_user_systems_build (catalog, base, "gtx-480", 1, NULL, 0, NULL, &error);
  g_assert_null (edited);
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_UNKNOWN_ID);
  g_clear_error (&error);

  edited = rw_user_systems_build (catalog, base, "rtx-5090", RW_USER_SYSTEMS_MAX_GPUS + 1, NULL, 0,
                                  NULL, &error);
  g_assert_null (edited);
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* A part of the wrong kind as the GPU. */
  edited = rw_user_systems_build (catalog, base, "ddr5-64gb-kit", 1, NULL, 0, NULL, &error);
  g_assert_null (edited);
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* A prebuilt machine has no parts to swap. */
  edited = rw_user_systems_build (catalog, spark, "rtx-5090", 1, NULL, 0, NULL, &error);
  g_assert_null (edited);
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  price_before = rw_catalog_get_price (catalog, "rtx-5090", NULL)->value;
  g_assert_false (rw_user_systems_set_price (catalog, "rtx-5090", NAN, &error));
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (rw_user_systems_set_price (catalog, "rtx-5090", -10, &error));
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (rw_user_systems_set_price (catalog, "flux-capacitor", 10, &error));
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_assert_false (rw_user_systems_reset_system (catalog, "my-own-rig", &error));
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_UNKNOWN_ID);
  g_clear_error (&error);

  /* None of that touched the file or the catalog. */
  after = read_user_file ();
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpfloat (rw_catalog_get_price (catalog, "rtx-5090", NULL)->value, ==, price_before);
  g_assert_cmpuint (base->n_devices, ==, 1);

  /* A file that cannot be written (its name taken by a directory): IO, and
   * the catalog keeps its price. */
  remove_user_file ();
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (rw_user_systems_set_price (catalog, "rtx-5090", 1234, &error));
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpfloat (rw_catalog_get_price (catalog, "rtx-5090", NULL)->value, ==, price_before);
  g_assert_cmpint (g_rmdir (path), ==, 0);
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

  /* Before anything asks GLib for the user data dir (it caches it). */
  tmp_dir = g_dir_make_tmp ("rigwise-user-systems-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/user-systems/path", test_path);
  g_test_add_func ("/user-systems/list-parts", test_list_parts);
  g_test_add_func ("/user-systems/build-and-persist", test_build_and_persist);
  g_test_add_func ("/user-systems/ram-kits", test_ram_kits);
  g_test_add_func ("/user-systems/user-prices", test_user_prices);
  g_test_add_func ("/user-systems/every-system-round-trips", test_every_system_round_trips);
  g_test_add_func ("/user-systems/errors", test_errors);

  ret = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
