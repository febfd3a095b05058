/* test-catalog.c: the bundled catalog, the user overlay, price layers and
 * malformed catalog files
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rigwise-core.h"

static const char * const required_systems[] = {
  "dgx-spark", "gb10-partner-1tb", "dgx-spark-pair", "custom-5090", "custom-dual-5090",
  "custom-4090", "custom-rtx-pro-6000", "mac-studio-m3-ultra", "mac-studio-m4-max",
  "strix-halo-128",
  /* datacenter.json: rented GPUs and the DGX H100. */
  "cloud-h100-sxm", "cloud-h200", "cloud-b200", "cloud-a100-80gb", "cloud-rtx-5090",
  "cloud-rtx-pro-6000", "dgx-h100",
};

static RwCatalog *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  RwCatalog *catalog = rw_catalog_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "core", "data", name, NULL);
}

static gboolean
is_date (const char *date)
{
  gsize len = date != NULL ? strlen (date) : 0;

  if (len != 7 && len != 10)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if ((i == 4 || i == 7) ? date[i] != '-' : !g_ascii_isdigit (date[i]))
      return FALSE;
  return TRUE;
}

static void
assert_sourced (const RwFigure *figure,
                const char     *system,
                const char     *what)
{
  if (figure->source == NULL || !g_str_has_prefix (figure->source, "http") || !is_date (figure->date))
    g_error ("%s: %s: source “%s”, date “%s”", system, what,
             figure->source ? figure->source : "(none)", figure->date ? figure->date : "(none)");
  /* Unknown or assumed figures say why. */
  if (!rw_figure_is_known (figure) || figure->assumed)
    g_assert_nonnull (figure->note);
}

static void
test_bundled_loads (void)
{
  g_autoptr(RwCatalog) catalog = load_default ();

  g_assert_cmpuint (rw_catalog_get_n_systems (catalog), ==, G_N_ELEMENTS (required_systems));
  g_assert_cmpuint (rw_catalog_get_n_formats (catalog), >=, 16);
  /* The lead's models.json: 24 models by their real configs. */
  g_assert_cmpuint (rw_catalog_get_n_models (catalog), >=, 20);
  g_assert_cmpuint (rw_catalog_get_benchmarks (catalog)->len, >=, 40);

  for (guint i = 0; i < G_N_ELEMENTS (required_systems); i++)
    {
      RwSystem *system = rw_catalog_lookup_system (catalog, required_systems[i]);

      g_assert_nonnull (system);
      g_assert_cmpstr (system->id, ==, required_systems[i]);
      g_assert_nonnull (system->short_name);
      g_assert_false (system->user_defined);
      g_assert_nonnull (rw_system_get_efficiency (system, "llama.cpp"));
    }
  for (guint i = 0; i < rw_catalog_get_n_systems (catalog); i++)
    g_assert_true (rw_catalog_get_system (catalog, i)
                   == rw_catalog_lookup_system (catalog, rw_catalog_get_system (catalog, i)->id));

  for (guint i = 0; i < 5; i++)
    {
      static const char * const formats[] = { "bf16", "q4_k_m", "mxfp4_moe", "q8_0", "nf4" };

      g_assert_nonnull (rw_catalog_lookup_format (catalog, formats[i]));
    }
  g_assert_nonnull (rw_catalog_lookup_model (catalog, "gpt-oss-20b"));
  g_assert_null (rw_catalog_lookup_system (catalog, "no-such-system"));
}

/* Every figure a system carries has a source URL and a date; unknown and
 * assumed figures carry a note saying why. */
static void
test_every_figure_sourced (void)
{
  g_autoptr(RwCatalog) catalog = load_default ();
  GPtrArray *benchmarks = rw_catalog_get_benchmarks (catalog);

  for (guint i = 0; i < rw_catalog_get_n_systems (catalog); i++)
    {
      RwSystem *s = rw_catalog_get_system (catalog, i);

      assert_sourced (&s->device_memory, s->id, "device_memory");
      assert_sourced (&s->device_usable, s->id, "device_usable");
      assert_sourced (&s->device_bandwidth, s->id, "device_bandwidth");
      if (rw_system_is_cloud (s))
        {
          /* Rented: an hourly price, no host pool modelled, no parts. */
          assert_sourced (&s->price_per_hour, s->id, "price_per_hour");
          g_assert_true (rw_figure_is_known (&s->price_per_hour));
          g_assert_cmpfloat (s->host_memory.value, ==, 0);
          g_assert_cmpuint (s->components->len, ==, 0);
          g_assert_true (isnan (rw_system_total_price (s)));
          g_assert_cmpfloat (rw_system_hourly_price (s), >, 0);
        }
      else if (s->memory_model == RW_MEMORY_DISCRETE)
        {
          assert_sourced (&s->host_memory, s->id, "host_memory");
          assert_sourced (&s->host_bandwidth, s->id, "host_bandwidth");
          assert_sourced (&s->link_bandwidth, s->id, "link_bandwidth");
        }
      else
        {
          /* No host pool on unified machines: 0, not a figure. */
          g_assert_cmpfloat (s->host_memory.value, ==, 0);
        }
      for (guint p = 0; p < RW_PRECISION_N; p++)
        assert_sourced (&s->peak[p], s->id, rw_precision_to_string ((RwPrecision) p));
      assert_sourced (&s->power_load, s->id, "power_load");
      assert_sourced (&s->power_idle, s->id, "power_idle");
      g_assert_cmpstr (s->currency, ==, "USD");
      if (s->components->len == 0 && !rw_system_is_cloud (s))
        assert_sourced (&s->price, s->id, "price");
      for (guint c = 0; c < s->components->len; c++)
        {
          RwComponent *component = g_ptr_array_index (s->components, c);

          assert_sourced (&component->price, s->id, component->id);
          g_assert_true (rw_figure_is_known (&component->price));
        }
      g_assert_true (rw_system_is_cloud (s)
                     || (isfinite (rw_system_total_price (s)) && rw_system_total_price (s) > 0));
      for (guint p = 0; p < RW_PANEL_N; p++)
        {
          g_assert_nonnull (s->panel[p]);
          g_assert_true (g_str_has_prefix (s->panel_source[p], "http"));
        }
    }

  for (guint i = 0; i < rw_catalog_get_n_formats (catalog); i++)
    g_assert_true (g_str_has_prefix (rw_catalog_get_format (catalog, i)->source, "http"));
  for (guint i = 0; i < benchmarks->len; i++)
    {
      RwBenchmark *b = g_ptr_array_index (benchmarks, i);

      g_assert_true (g_str_has_prefix (b->source, "http"));
      g_assert_true (rw_catalog_lookup_system (catalog, b->system_id) != NULL
                     || rw_catalog_lookup_device (catalog, b->system_id) != NULL);
      g_assert_nonnull (rw_catalog_lookup_model (catalog, b->model_id));
      g_assert_nonnull (rw_catalog_lookup_format (catalog, b->weights_id));
    }
}

/* Units are converted to SI on load. */
static void
test_units_and_gb10 (void)
{
  g_autoptr(RwCatalog) catalog = load_default ();
  RwSystem *spark = rw_catalog_lookup_system (catalog, "dgx-spark");
  RwSystem *pair = rw_catalog_lookup_system (catalog, "dgx-spark-pair");
  RwSystem *m4 = rw_catalog_lookup_system (catalog, "mac-studio-m4-max");
  RwSystem *build = rw_catalog_lookup_system (catalog, "custom-5090");

  /* 101.3 GiB free to one process at boot = 101.3 × 1073741824
   * = 108770046771.2 bytes (not CUDA's total, not decimal gigabytes). */
  g_assert_cmpfloat_with_epsilon (spark->device_usable.value, 108770046771.2, 1e-3);
  g_assert_cmpfloat_with_epsilon (pair->device_usable.value, 2 * 108770046771.2, 1e-3);
  /* 32,607 MiB as nvidia-smi reports an RTX 5090 = 32607 × 1048576
   * = 34190917632 bytes. */
  g_assert_cmpfloat (build->device_usable.value, ==, 34190917632.0);
  /* 128 GiB = 128 × 2^30 = 137438953472 bytes installed. */
  g_assert_cmpfloat (spark->device_memory.value, ==, 137438953472.0);
  g_assert_cmpfloat_with_epsilon (spark->device_bandwidth.value, 273e9, 1e-3);
  g_assert_cmpint (spark->memory_model, ==, RW_MEMORY_UNIFIED);
  /* 107.52 GiB = 107.52 × 1073741824 = 115448720916.48 bytes. */
  g_assert_cmpfloat_with_epsilon (m4->device_usable.value, 115448720916.48, 1e-3);
  /* ConnectX-7: 200 Gb/s = 200e9 / 8 = 25e9 bytes/s. */
  g_assert_cmpfloat_with_epsilon (pair->link_bandwidth.value, 25e9, 1e-3);
  g_assert_cmpuint (pair->n_devices, ==, 2);
  /* DDR5-5600 dual channel: 5600e6 × 2 × 8 = 89.6e9 bytes/s. */
  g_assert_cmpfloat_with_epsilon (build->host_bandwidth.value, 89.6e9, 1e-3);
  g_assert_cmpfloat_with_epsilon (build->link_bandwidth.value, 63e9, 1e-3);

  /* NVIDIA publishes FP4 only with sparsity: the estimate uses an assumed
   * dense 1000 / 2 = 500 TFLOPS, marked as such, with the reason. */
  g_assert_cmpfloat_with_epsilon (spark->peak[RW_PRECISION_FP4].value, 500e12, 1);
  g_assert_true (spark->peak[RW_PRECISION_FP4].assumed);
  g_assert_nonnull (strstr (spark->peak[RW_PRECISION_FP4].note, "sparsity"));
  /* 62.5 = 500 × 209.5 / 1676, the RTX 5090's FP16 : FP4 ratio; the note
   * says both that NVIDIA publishes none and what is assumed. */
  g_assert_cmpfloat_with_epsilon (spark->peak[RW_PRECISION_FP16].value, 62.5e12, 1);
  g_assert_true (spark->peak[RW_PRECISION_FP16].assumed);
  g_assert_true (g_str_has_prefix (spark->peak[RW_PRECISION_FP16].note, "not published"));
  g_assert_nonnull (strstr (spark->peak[RW_PRECISION_FP16].note, "ASSUMED"));
  /* INT8 is unpublished; llama.cpp's quantised matmuls run on it, so the
   * estimate assumes dense FP4 / 2 = 250 TOPS (Blackwell's ratio), and the
   * note keeps both facts. */
  g_assert_cmpfloat_with_epsilon (spark->peak[RW_PRECISION_INT8].value, 250e12, 1);
  g_assert_true (spark->peak[RW_PRECISION_INT8].assumed);
  g_assert_true (g_str_has_prefix (spark->peak[RW_PRECISION_INT8].note, "not published"));
  /* FP32 is a published (if unverified) figure. */
  g_assert_cmpfloat_with_epsilon (spark->peak[RW_PRECISION_FP32].value, 31e12, 1);
  g_assert_false (spark->peak[RW_PRECISION_FP32].assumed);
  /* The RTX 5090's dense BF16 with FP32 accumulation is published. */
  g_assert_cmpfloat_with_epsilon (build->peak[RW_PRECISION_FP16].value, 209.5e12, 1);
  g_assert_false (build->peak[RW_PRECISION_FP16].assumed);
}

static void
test_formats (void)
{
  g_autoptr(RwCatalog) catalog = load_default ();
  const RwFormat *q4_0 = rw_catalog_lookup_format (catalog, "q4_0");
  const RwFormat *q6_k = rw_catalog_lookup_format (catalog, "q6_k");
  const RwFormat *moe = rw_catalog_lookup_format (catalog, "mxfp4_moe");
  const RwFormat *q4_k_m = rw_catalog_lookup_format (catalog, "q4_k_m");

  /* block_q4_0: 18 bytes per 32 weights = 18 × 8 / 32 = 4.5 bits. */
  g_assert_cmpfloat (q4_0->bits_per_weight, ==, 4.5);
  g_assert_true (q4_0->for_weights && q4_0->for_kv);
  /* block_q6_K: 210 bytes per 256 weights = 6.5625 bits. */
  g_assert_cmpfloat (q6_k->bits_per_weight, ==, 6.5625);
  /* MXFP4_MOE: experts at 17 × 8 / 32 = 4.25, the rest Q8_0 at 8.5. */
  g_assert_cmpfloat (moe->expert_bits_per_weight, ==, 4.25);
  g_assert_cmpfloat (moe->bits_per_weight, ==, 8.5);
  /* Q4_K_M: the measured mean of 15 real files, between 4.79 and 5.00. */
  g_assert_cmpfloat (q4_k_m->bits_per_weight, ==, 4.885);
  g_assert_false (q4_k_m->for_kv);
  g_assert_cmpint (rw_catalog_lookup_format (catalog, "fp8")->compute_precision, ==, RW_PRECISION_FP8);
  g_assert_cmpint (rw_catalog_lookup_format (catalog, "nvfp4")->compute_precision, ==, RW_PRECISION_FP4);
}

static void
test_benchmarks (void)
{
  g_autoptr(RwCatalog) catalog = load_default ();
  GPtrArray *benchmarks = rw_catalog_get_benchmarks (catalog);
  gboolean found = FALSE, batched = FALSE;

  for (guint i = 0; i < benchmarks->len; i++)
    {
      RwBenchmark *b = g_ptr_array_index (benchmarks, i);

      g_assert_cmpstr (b->runtime, ==, "llama.cpp");
      g_assert_cmpuint (b->tokens, >, 0);
      g_assert_cmpuint (b->batch, >=, 1);
      g_assert_cmpint (b->api, >=, 0);
      /* llama-batched-bench, same file: 32 sequences of gpt-oss-120b, each
       * with 512 prompt tokens cached, 32 generated (mean depth 528). */
      if (g_str_equal (b->system_id, "dgx-spark") && g_str_equal (b->build, "11fb327bf (7941)")
          && b->batch == 32 && b->depth == 528 && g_str_equal (b->model_id, "gpt-oss-120b"))
        {
          g_assert_cmpfloat (b->tok_s, ==, 353.31);
          g_assert_cmpuint (b->ubatch, ==, 2048);
          g_assert_cmpint (b->api, ==, RW_API_CUDA);
          batched = TRUE;
        }
      /* llama.cpp's own DGX Spark bench, build 7941: pp2048 at depth 0. */
      if (g_str_equal (b->system_id, "dgx-spark") && g_str_equal (b->build, "11fb327bf (7941)")
          && b->depth == 0 && b->kind == RW_BENCHMARK_PREFILL && g_str_equal (b->model_id, "gpt-oss-20b"))
        {
          g_assert_cmpstr (b->weights_id, ==, "mxfp4_moe");
          g_assert_cmpuint (b->tokens, ==, 2048);
          g_assert_cmpfloat (b->tok_s, ==, 4505.82);
          g_assert_cmpstr (b->date, ==, "2026-02-05");
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_true (batched);
}

/* The custom build is priced by component:
 *   RTX 5090            3650.00
 *   Ryzen 9 9950X3D      574.00
 *   DDR5 64 GB × 2      1500.00  (2 × 750)
 *   9100 PRO 4 TB        549.99
 *   X870E board          479.99
 *   1500 W PSU           399.99
 *   case                 189.99
 *   360 mm AIO           119.99
 *   total               7463.95 */
static void
test_custom_build_price (void)
{
  g_autoptr(RwCatalog) catalog = load_default ();
  RwSystem *build = rw_catalog_lookup_system (catalog, "custom-5090");
  RwSystem *dual = rw_catalog_lookup_system (catalog, "custom-dual-5090");
  gboolean ram_seen = FALSE;

  g_assert_cmpuint (build->components->len, ==, 8);
  for (guint i = 0; i < build->components->len; i++)
    {
      RwComponent *component = g_ptr_array_index (build->components, i);

      if (g_str_equal (component->id, "ddr5-64gb-kit"))
        {
          g_assert_cmpuint (component->quantity, ==, 2);
          g_assert_cmpstr (component->kind, ==, "ram");
          ram_seen = TRUE;
        }
    }
  g_assert_true (ram_seen);
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (build), 7463.95, 1e-9);
  /* The dual build: a second 5090, same platform: 7463.95 + 3650. */
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (dual), 11113.95, 1e-9);
}

/* A user catalog overrides dgx-spark and adds a system. */
static void
test_user_overlay (void)
{
  g_autofree char *user_dir = rw_catalog_get_user_dir ();
  g_autofree char *src = data_path ("user-overlay.json");
  g_autofree char *dest = g_build_filename (user_dir, "mine.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCatalog) catalog = NULL;
  RwSystem *spark;
  RwSystem *mine;
  RwPriceOrigin origin;

  /* main() points XDG_DATA_HOME at a scratch directory. */
  g_assert_true (g_str_has_prefix (user_dir, g_getenv ("XDG_DATA_HOME")));
  g_assert_true (g_str_has_suffix (user_dir, "rigwise/catalog"));
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_file_get_contents (src, &contents, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (dest, contents, -1, &error);
  g_assert_no_error (error);

  catalog = load_default ();
  g_assert_cmpuint (rw_catalog_get_n_systems (catalog), ==, G_N_ELEMENTS (required_systems) + 1);

  spark = rw_catalog_lookup_system (catalog, "dgx-spark");
  g_assert_cmpstr (spark->name, ==, "My DGX Spark (user entry)");
  g_assert_true (spark->user_defined);
  /* Overridden in place: still the first system. */
  g_assert_true (rw_catalog_get_system (catalog, 0) == spark);
  g_assert_cmpfloat (rw_system_total_price (spark), ==, 3500);
  g_assert_cmpstr (spark->price.source, ==, "https://example.org/spec-sheet");
  g_assert_cmpstr (spark->price.date, ==, "2026-03");
  /* A user's price is the user's own: a feed must not replace it. */
  g_assert_cmpfloat (rw_catalog_get_price (catalog, "dgx-spark", &origin)->value, ==, 3500);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_USER);

  mine = rw_catalog_lookup_system (catalog, "my-box");
  g_assert_nonnull (mine);
  g_assert_true (mine->user_defined);
  /* 64 GiB, 60 GB, 200 GB/s, 40 TFLOPS. */
  g_assert_cmpfloat (mine->device_memory.value, ==, 64.0 * 1073741824.0);
  g_assert_cmpfloat (mine->device_usable.value, ==, 60e9);
  g_assert_cmpfloat (mine->peak[RW_PRECISION_FP16].value, ==, 40e12);
  g_assert_true (isnan (mine->peak[RW_PRECISION_FP8].value));
  /* Clearing the user's edits keeps a user-only system priced. */
  rw_catalog_clear_prices (catalog, RW_PRICE_ORIGIN_USER);
  g_assert_cmpfloat (rw_system_total_price (mine), ==, 1000);
  /* … and restores the bundled price of the overridden one. */
  g_assert_cmpfloat (rw_system_total_price (spark), ==, 3999);

  g_assert_cmpint (g_unlink (dest), ==, 0);
}

static RwFigure
make_price (double      value,
            const char *source,
            const char *date)
{
  RwFigure price = { 0, };

  rw_figure_set (&price, value, source, date, NULL, FALSE);
  return price;
}

/* Feed beats bundled, user beats feed, clearing a layer falls back, and
 * every build using a component follows. */
static void
test_price_layers (void)
{
  g_autoptr(RwCatalog) catalog = load_default ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) items = NULL;
  RwSystem *build = rw_catalog_lookup_system (catalog, "custom-5090");
  RwSystem *dual = rw_catalog_lookup_system (catalog, "custom-dual-5090");
  RwFigure feed = make_price (3000, "https://prices.example.org/feed.json", "2026-11-20");
  RwFigure feed2 = make_price (2800, "https://prices.example.org/feed.json", "2026-11-24");
  RwFigure user = make_price (2500, "https://shop.example.org/my-order", "2026-11-25");
  RwFigure bad = make_price (NAN, "https://prices.example.org/feed.json", "2026-11-20");
  RwFigure unsourced = make_price (100, NULL, NULL);
  RwPriceOrigin origin;

  g_assert_cmpfloat (rw_catalog_get_price (catalog, "rtx-5090", &origin)->value, ==, 3650);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_BUNDLED);

  /* Feed beats bundled; both builds follow: 7463.95 − 3650 + 3000 and
   * 11113.95 − 2 × 650. */
  g_assert_true (rw_catalog_set_price (catalog, "rtx-5090", RW_PRICE_ORIGIN_FEED, &feed, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (rw_catalog_get_price (catalog, "rtx-5090", &origin)->value, ==, 3000);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (build), 6813.95, 1e-9);
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (dual), 9813.95, 1e-9);

  /* User beats feed, even a newer feed. */
  g_assert_true (rw_catalog_set_price (catalog, "rtx-5090", RW_PRICE_ORIGIN_USER, &user, &error));
  g_assert_true (rw_catalog_set_price (catalog, "rtx-5090", RW_PRICE_ORIGIN_FEED, &feed2, &error));
  g_assert_cmpfloat (rw_catalog_get_price (catalog, "rtx-5090", &origin)->value, ==, 2500);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_USER);
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (build), 6313.95, 1e-9);

  /* Clearing the user layer falls back to the feed, clearing the feed to
   * the bundle. */
  rw_catalog_clear_prices (catalog, RW_PRICE_ORIGIN_USER);
  g_assert_cmpfloat (rw_catalog_get_price (catalog, "rtx-5090", &origin)->value, ==, 2800);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
  rw_catalog_clear_prices (catalog, RW_PRICE_ORIGIN_FEED);
  g_assert_cmpfloat (rw_catalog_get_price (catalog, "rtx-5090", &origin)->value, ==, 3650);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_BUNDLED);
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (build), 7463.95, 1e-9);
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (dual), 11113.95, 1e-9);
  /* The component's figure is the bundled one again, source and all. */
  g_assert_cmpstr (((RwComponent *) g_ptr_array_index (build->components, 0))->id, ==, "rtx-5090");
  g_assert_cmpstr (((RwComponent *) g_ptr_array_index (build->components, 0))->price.source, ==,
                   "https://sesamedisk.com/ai-inference-workstation-2026/");

  /* A prebuilt system is its own price item. */
  g_assert_true (rw_catalog_set_price (catalog, "dgx-spark", RW_PRICE_ORIGIN_FEED, &feed, &error));
  g_assert_cmpfloat (rw_system_total_price (rw_catalog_lookup_system (catalog, "dgx-spark")), ==, 3000);

  /* Bad prices are refused and change nothing. */
  g_assert_false (rw_catalog_set_price (catalog, "custom-5090", RW_PRICE_ORIGIN_FEED, &feed, &error));
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_assert_false (rw_catalog_set_price (catalog, "rtx-5090", RW_PRICE_ORIGIN_FEED, &bad, &error));
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (rw_catalog_set_price (catalog, "rtx-5090", RW_PRICE_ORIGIN_FEED, &unsourced, &error));
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_NO_SOURCE);
  g_clear_error (&error);
  g_assert_cmpfloat (rw_catalog_get_price (catalog, "rtx-5090", NULL)->value, ==, 3650);

  /* Items: prebuilt systems and components, sorted; builds are not items. */
  items = rw_catalog_list_price_items (catalog);
  g_assert_true (g_strv_contains ((const char * const *) items, "dgx-spark"));
  g_assert_true (g_strv_contains ((const char * const *) items, "rtx-5090"));
  g_assert_false (g_strv_contains ((const char * const *) items, "custom-5090"));
  g_assert_true (rw_catalog_has_price_item (catalog, "ddr5-64gb-kit"));
  g_assert_false (rw_catalog_has_price_item (catalog, "custom-5090"));
  for (guint i = 1; items[i] != NULL; i++)
    g_assert_cmpint (strcmp (items[i - 1], items[i]), <, 0);

  rw_figure_clear (&feed);
  rw_figure_clear (&feed2);
  rw_figure_clear (&user);
  rw_figure_clear (&bad);
  rw_figure_clear (&unsourced);
}

/* A valid extra file: a shared component used twice, a bundled component,
 * and a model from an inline config.json object. */
static void
test_valid_build_file (void)
{
  g_autoptr(RwCatalog) catalog = load_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("valid-build.json");
  RwSystem *build;
  const RwModel *model;

  g_assert_true (rw_catalog_load_file (catalog, path, FALSE, &error));
  g_assert_no_error (error);
  build = rw_catalog_lookup_system (catalog, "t-build");
  g_assert_nonnull (build);
  g_assert_cmpint (build->memory_model, ==, RW_MEMORY_DISCRETE);
  /* 2 × 250.5 + 574 (the bundled 9950X3D) = 1075. */
  g_assert_cmpfloat (rw_system_total_price (build), ==, 1075);
  g_assert_cmpfloat (build->host_memory.value, ==, 32e9);

  model = rw_catalog_lookup_model (catalog, "t-model");
  g_assert_nonnull (model);
  g_assert_cmpstr (model->name, ==, "Tiny Llama");
  g_assert_cmpstr (model->source, ==, "https://example.org/spec-sheet");
  g_assert_cmpuint (model->n_layers, ==, 8);
  g_assert_cmpuint (model->n_kv_heads, ==, 4);
  g_assert_cmpfloat (model->published_total_params, ==, 0.5e9);
}

/* A cloud system: kind, the hourly price with its unit, no host pool; the
 * price item is hourly and a feed-layer price sets price_per_hour. */
static void
test_valid_cloud_file (void)
{
  g_autoptr(RwCatalog) catalog = load_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("valid-cloud.json");
  RwFigure feed = { 0 };
  RwSystem *cloud;

  g_assert_true (rw_catalog_load_file (catalog, path, FALSE, &error));
  g_assert_no_error (error);
  cloud = rw_catalog_lookup_system (catalog, "t-cloud");
  g_assert_nonnull (cloud);
  g_assert_cmpint (cloud->kind, ==, RW_SYSTEM_CLOUD);
  g_assert_cmpfloat (cloud->price_per_hour.value, ==, 2.5);
  g_assert_cmpstr (cloud->price_per_hour.date, ==, "2026-01-15");
  g_assert_true (isnan (cloud->price.value));
  g_assert_cmpfloat (cloud->host_memory.value, ==, 0);
  g_assert_true (rw_catalog_price_is_hourly (catalog, "t-cloud"));
  g_assert_false (rw_catalog_price_is_hourly (catalog, "dgx-spark"));
  g_assert_false (rw_catalog_price_is_hourly (catalog, "no-such-id"));
  g_assert_cmpfloat (rw_catalog_get_price (catalog, "t-cloud", NULL)->value, ==, 2.5);

  rw_figure_set (&feed, 1.75, "https://example.org/feed", "2026-11-20", NULL, FALSE);
  g_assert_true (rw_catalog_set_price (catalog, "t-cloud", RW_PRICE_ORIGIN_FEED, &feed, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (cloud->price_per_hour.value, ==, 1.75);
  g_assert_true (isnan (cloud->price.value));
  rw_catalog_clear_prices (catalog, RW_PRICE_ORIGIN_FEED);
  g_assert_cmpfloat (cloud->price_per_hour.value, ==, 2.5);
  rw_figure_clear (&feed);
}

typedef struct
{
  const char     *file;
  RwCatalogError  code;
  const char     *message;   /* expected exactly, or a prefix with "…" */
} BadFile;

static const BadFile bad_files[] = {
  { "bad-not-json.json", RW_CATALOG_ERROR_PARSE,
    "bad-not-json.json: not valid JSON at line 2, column 1: the document ends early" },
  { "bad-wrong-type.json", RW_CATALOG_ERROR_WRONG_TYPE,
    "bad-wrong-type.json: system “t-wrong-type”: field “memory.bandwidth.value”: expected a number, found a string" },
  { "bad-negative.json", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-negative.json: system “t-negative”: field “memory.bandwidth.value”: -273 must be greater than zero" },
  { "bad-infinite.json", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-infinite.json: system “t-infinite”: field “power.load.value”: not a finite number" },
  { "bad-no-source.json", RW_CATALOG_ERROR_NO_SOURCE,
    "bad-no-source.json: system “t-no-source”: field “price.source”: missing" },
  { "bad-unknown-source.json", RW_CATALOG_ERROR_NO_SOURCE,
    "bad-unknown-source.json: system “t-unknown-source”: field “memory.installed.source”: “not_a_key” is neither a source key nor a URL" },
  { "bad-unknown-component.json", RW_CATALOG_ERROR_UNKNOWN_ID,
    "bad-unknown-component.json: system “t-unknown-part”: field “components[1].id”: no component “gpu-that-does-not-exist” in the catalog" },
  { "bad-duplicate-id.json", RW_CATALOG_ERROR_DUPLICATE_ID,
    "bad-duplicate-id.json: system “t-ok”: field “id”: the id appears twice in this file" },
  { "bad-missing-field.json", RW_CATALOG_ERROR_MISSING_FIELD,
    "bad-missing-field.json: system “t-missing”: field “memory”: missing" },
  { "bad-unit.json", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-unit.json: system “t-unit”: field “memory.bandwidth.unit”: unknown unit “furlongs/s” (expected one of …" },
  { "bad-benchmark.json", RW_CATALOG_ERROR_UNKNOWN_ID,
    "bad-benchmark.json: benchmark “#1”: field “model”: no model “no-such-model” in the catalog" },
  { "bad-id-collision.json", RW_CATALOG_ERROR_DUPLICATE_ID,
    "bad-id-collision.json: system “rtx-5090”: field “id”: “rtx-5090” is already the id of a component" },
  { "bad-hourly-unit.json", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-hourly-unit.json: system “t-hourly-unit”: field “price_per_hour.unit”: hourly price in “USD”, expected “USD/h”" },
  { "bad-cloud-price.json", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-cloud-price.json: system “t-cloud-price”: field “price”: a cloud system is rented: it has \"price_per_hour\", no purchase price or parts" },
  { "bad-kind.json", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-kind.json: system “t-kind”: field “kind”: “leased” is neither \"owned\" nor \"cloud\"" },
  { "bad-owned-hourly.json", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-owned-hourly.json: system “t-owned-hourly”: field “price_per_hour”: only a system of \"kind\": \"cloud\" has an hourly price" },
  { "bad-format.json", RW_CATALOG_ERROR_INVALID_VALUE,
    "bad-format.json: format “t-q3”: field “compute_precision”: unknown precision “fp6” (fp4, fp8, int8, fp16, fp32)" },
};

/* Each malformed file gives its error code and a message naming the file,
 * the entry and the field, and leaves the catalog as it was: the valid
 * system and component before the fault are not kept either. */
static void
test_malformed_files (void)
{
  g_autoptr(RwCatalog) catalog = load_default ();
  guint n_systems = rw_catalog_get_n_systems (catalog);
  guint n_formats = rw_catalog_get_n_formats (catalog);
  guint n_benchmarks = rw_catalog_get_benchmarks (catalog)->len;
  g_auto(GStrv) items_before = rw_catalog_list_price_items (catalog);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = data_path (bad_files[i].file);
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) items_after = NULL;
      const char *ellipsis = strstr (bad_files[i].message, "…");

      g_test_message ("%s", bad_files[i].file);
      g_assert_false (rw_catalog_load_file (catalog, path, TRUE, &error));
      g_assert_error (error, RW_CATALOG_ERROR, (int) bad_files[i].code);
      if (ellipsis != NULL)
        g_assert_true (strncmp (error->message, bad_files[i].message,
                                ellipsis - bad_files[i].message) == 0);
      else
        g_assert_cmpstr (error->message, ==, bad_files[i].message);

      g_assert_cmpuint (rw_catalog_get_n_systems (catalog), ==, n_systems);
      g_assert_null (rw_catalog_lookup_system (catalog, "t-ok"));
      g_assert_false (rw_catalog_has_price_item (catalog, "t-bad-part"));
      g_assert_cmpuint (rw_catalog_get_n_formats (catalog), ==, n_formats);
      g_assert_null (rw_catalog_lookup_format (catalog, "t-q3"));
      g_assert_cmpuint (rw_catalog_get_benchmarks (catalog)->len, ==, n_benchmarks);
      items_after = rw_catalog_list_price_items (catalog);
      g_assert_cmpstrv (items_after, items_before);
      g_assert_false (rw_catalog_lookup_system (catalog, "dgx-spark")->user_defined);
    }
}

static void
test_missing_file (void)
{
  g_autoptr(RwCatalog) catalog = rw_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = data_path ("no-such-file.json");

  g_assert_false (rw_catalog_load_file (catalog, path, FALSE, &error));
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "no-such-file.json: "));
  g_assert_cmpuint (rw_catalog_get_n_systems (catalog), ==, 0);
}

/* Issue #13 case 10: a user file that breaks is skipped with its own
 * error, and the bundle and the user's other files still load (one bad
 * file had stopped every command and the app). */
static void
test_broken_user_file (void)
{
  g_autofree char *user_dir = rw_catalog_get_user_dir ();
  g_autofree char *src = data_path ("bad-negative.json");
  g_autofree char *dest = g_build_filename (user_dir, "broken.json", NULL);
  g_autofree char *deep_path = g_build_filename (user_dir, "deep.json", NULL);
  g_autofree char *dir_path = g_build_filename (user_dir, "folder.json", NULL);
  g_autofree char *good = g_build_filename (user_dir, "zz-mine.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *deep = g_strnfill (200000, '[');
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCatalog) catalog = NULL;
  GPtrArray *skipped;
  const RwCatalogSkip *skip;

  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (dest, contents, -1, NULL));
  g_assert_true (g_file_set_contents (deep_path, deep, -1, NULL));
  g_assert_cmpint (g_mkdir (dir_path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (good,
                                      "{\"sources\": {\"mine\": {\"url\": \"https://example.org/mine\", "
                                      "\"title\": \"Mine\", \"date\": \"2026-01-01\"}}, "
                                      "\"components\": [{\"id\": \"my-gpu\", \"kind\": \"gpu\", "
                                      "\"name\": \"My GPU\", \"currency\": \"USD\", \"price\": "
                                      "{\"value\": 1e-8, \"unit\": \"USD\", \"source\": \"mine\"}}]}",
                                      -1, NULL));

  catalog = rw_catalog_new_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  /* The bundle, and the good user file after the bad ones. */
  g_assert_nonnull (rw_catalog_lookup_system (catalog, "dgx-spark"));
  g_assert_true (rw_catalog_has_price_item (catalog, "my-gpu"));
  g_assert_null (rw_catalog_lookup_system (catalog, "t-ok"));

  /* In load order: broken.json, deep.json, folder.json. */
  skipped = rw_catalog_get_skipped (catalog);
  g_assert_cmpuint (skipped->len, ==, 3);
  skip = g_ptr_array_index (skipped, 0);
  g_assert_cmpstr (skip->path, ==, dest);
  g_assert_error (skip->error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (skip->error->message, "broken.json: system “t-negative”"));
  g_assert_true (g_str_has_prefix (rw_catalog_skip_get_reason (skip), "system “t-negative”"));
  skip = g_ptr_array_index (skipped, 1);
  g_assert_error (skip->error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_PARSE);
  g_assert_cmpstr (rw_catalog_skip_get_reason (skip), ==,
                   "not valid JSON at line 1, column 33: nested deeper than 32 levels");
  skip = g_ptr_array_index (skipped, 2);
  g_assert_error (skip->error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO);
  g_assert_cmpstr (rw_catalog_skip_get_reason (skip), ==, "a directory, not a regular file");

  g_assert_cmpint (g_unlink (dest), ==, 0);
  g_assert_cmpint (g_unlink (deep_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir_path), ==, 0);
  g_assert_cmpint (g_unlink (good), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *user_dir = NULL;
  int status;

  /* The user catalog lives in a scratch XDG_DATA_HOME, set before GLib
   * reads it. (G_TEST_OPTION_ISOLATE_DIRS would do this, but GLib 2.74
   * leaks its strings, which fails the valgrind run.) */
  scratch = g_dir_make_tmp ("rigwise-test-catalog-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", scratch, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/bundled-loads", test_bundled_loads);
  g_test_add_func ("/catalog/every-figure-sourced", test_every_figure_sourced);
  g_test_add_func ("/catalog/units-and-gb10", test_units_and_gb10);
  g_test_add_func ("/catalog/formats", test_formats);
  g_test_add_func ("/catalog/benchmarks", test_benchmarks);
  g_test_add_func ("/catalog/custom-build-price", test_custom_build_price);
  g_test_add_func ("/catalog/user-overlay", test_user_overlay);
  g_test_add_func ("/catalog/price-layers", test_price_layers);
  g_test_add_func ("/catalog/valid-build-file", test_valid_build_file);
  g_test_add_func ("/catalog/valid-cloud-file", test_valid_cloud_file);
  g_test_add_func ("/catalog/malformed-files", test_malformed_files);
  g_test_add_func ("/catalog/missing-file", test_missing_file);
  g_test_add_func ("/catalog/broken-user-file", test_broken_user_file);

  status = g_test_run ();

  user_dir = rw_catalog_get_user_dir ();
  g_rmdir (user_dir);
  {
    g_autofree char *rigwise = g_path_get_dirname (user_dir);

    g_rmdir (rigwise);
  }
  g_rmdir (scratch);
  return status;
}
