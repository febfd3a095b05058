/* test-chart-data.c: the chart model, its tables, descriptions and the
 * locale-aware number formatter
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "rw-render-test.h"
#include "../core/rw-test-fixtures.h"

#define NNBSP "\xe2\x80\xaf"   /* U+202F, fr_FR's thousands separator in glibc */

static RwCatalog *catalog;

static gboolean
set_numeric (const char *locale)
{
  if (setlocale (LC_NUMERIC, locale) == NULL)
    {
      g_test_skip_printf ("locale %s is not installed (Debian: locales-all)", locale);
      return FALSE;
    }
  return TRUE;
}

static void
expect_number (double      value,
               int         decimals,
               const char *expected)
{
  g_autofree char *text = rw_format_number (value, decimals);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_c (void)
{
  /* The C locale has no grouping; figures are written as in en_US, never
   * "$3999" (issue #11). */
  g_assert_true (set_numeric ("C"));
  expect_number (1234.5, 1, "1,234.5");
  expect_number (0, 0, "0");
  expect_number (-2.25, 1, "-2.3");   /* llround: half away from zero */
  expect_number (-0.01, 1, "0.0");   /* no "-0.0" */
  expect_number (0.5, 0, "1");
  expect_number (3.14159, 3, "3.142");
  expect_number (NAN, 1, "n/a");
  expect_number (INFINITY, 1, "n/a");
}

static void
test_format_en (void)
{
  if (!set_numeric ("en_US.UTF-8"))
    return;
  expect_number (1234.5, 1, "1,234.5");
  expect_number (999, 0, "999");
  expect_number (1000, 0, "1,000");
  expect_number (12345678.9, 2, "12,345,678.90");
  expect_number (-4999.5, 0, "-5,000");
  setlocale (LC_NUMERIC, "C");
}

static void
test_format_fr (void)
{
  if (!set_numeric ("fr_FR.UTF-8"))
    return;
  expect_number (1234.5, 1, "1" NNBSP "234,5");
  expect_number (0.25, 2, "0,25");
  expect_number (1234567, 0, "1" NNBSP "234" NNBSP "567");
  setlocale (LC_NUMERIC, "C");
}

/* Amounts by symbol or by code, never converted; memory in GB or GiB. */
static void
test_format_money_memory (void)
{
  g_autofree char *usd = NULL, *usd_code = NULL, *eur = NULL, *gbp = NULL, *chf = NULL;
  g_autofree char *nan_money = NULL, *gb = NULL, *gib = NULL, *gib_nan = NULL;

  g_assert_true (set_numeric ("C"));
  usd = rw_format_money (3999, "USD", 0, RW_CURRENCY_DISPLAY_SYMBOL);
  usd_code = rw_format_money (3999, "USD", 0, RW_CURRENCY_DISPLAY_CODE);
  eur = rw_format_money (2.5, "EUR", 2, RW_CURRENCY_DISPLAY_SYMBOL);
  gbp = rw_format_money (1999, "GBP", 0, RW_CURRENCY_DISPLAY_SYMBOL);
  chf = rw_format_money (1999, "CHF", 0, RW_CURRENCY_DISPLAY_SYMBOL);
  nan_money = rw_format_money (NAN, "USD", 0, RW_CURRENCY_DISPLAY_CODE);
  g_assert_cmpstr (usd, ==, "$3,999");
  g_assert_cmpstr (usd_code, ==, "3,999 USD");
  g_assert_cmpstr (eur, ==, "2.50 €");
  g_assert_cmpstr (gbp, ==, "£1,999");
  g_assert_cmpstr (chf, ==, "1,999 CHF");   /* no symbol of its own: by code */
  g_assert_cmpstr (nan_money, ==, "n/a");

  /* 128 GB = 128·10⁹ / 2³⁰ GiB = 119.209… GiB. */
  gb = rw_format_memory (128e9, 1, RW_MEMORY_UNITS_GB);
  gib = rw_format_memory (128e9, 1, RW_MEMORY_UNITS_GIB);
  gib_nan = rw_format_memory (NAN, 1, RW_MEMORY_UNITS_GIB);
  g_assert_cmpstr (gb, ==, "128.0 GB");
  g_assert_cmpstr (gib, ==, "119.2 GiB");
  g_assert_cmpstr (gib_nan, ==, "n/a");
  g_assert_cmpfloat (rw_memory_units_get_bytes (RW_MEMORY_UNITS_GIB), ==, 1073741824.0);
}

/* A chart data's display settings reach its tables and descriptions: the
 * Spark's 101.3 GiB usable is written "101 GiB"
 * (no decimal from 100 up); its price by code. */
static void
test_display_settings (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.3-70b", "q4_k_m", 32768,
                                                 "dgx-spark", "custom-5090", NULL);
  g_autoptr(RwChartTable) memory = NULL;
  g_autoptr(RwChartTable) cost = NULL;
  g_autofree char *description = NULL;
  g_autofree char *usable = NULL;
  const RwEstimate *spark;

  g_assert_true (set_numeric ("C"));
  g_assert_cmpint (rw_chart_data_get_memory_units (data), ==, RW_MEMORY_UNITS_GIB);
  g_assert_cmpint (rw_chart_data_get_currency_display (data), ==, RW_CURRENCY_DISPLAY_SYMBOL);
  rw_chart_data_set_display (data, RW_MEMORY_UNITS_GIB, RW_CURRENCY_DISPLAY_CODE);

  spark = rw_chart_data_get_estimate (data, 0);
  g_assert_cmpfloat_with_epsilon (spark->memory.device_capacity, 101.3 * 1073741824.0, 1e6);
  memory = rw_chart_data_get_table (data, RW_CHART_MEMORY);
  /* Every column but the system's name and the verdict is a size. */
  for (guint c = 1; c + 1 < memory->n_columns; c++)
    g_assert_true (g_str_has_suffix (((char **) g_ptr_array_index (memory->rows, 0))[c], " GiB"));
  description = rw_render_describe_memory_chart (data);
  usable = g_strdup_printf ("of %s of fast memory", "101 GiB");
  g_assert_nonnull (strstr (description, usable));

  cost = rw_chart_data_get_table (data, RW_CHART_COST);
  g_assert_cmpstr (((char **) g_ptr_array_index (cost->rows, 0))[1], ==, "3,999 USD");
}

/* The labels the charts draw come from the same tables: in French the GiB
 * figures have a decimal comma and prices thin-space thousands. */
static void
test_french_chart_labels (void)
{
  g_autoptr(RwChartData) data = NULL;
  g_autoptr(RwChartTable) memory = NULL;
  g_autoptr(RwChartTable) cost = NULL;
  g_autofree char *description = NULL;
  const char *weights, *price;

  if (!set_numeric ("fr_FR.UTF-8"))
    return;
  data = test_chart_data (catalog, "llama-3.3-70b", "q4_k_m", 32768, "dgx-spark", "custom-5090", NULL);
  memory = rw_chart_data_get_table (data, RW_CHART_MEMORY);
  cost = rw_chart_data_get_table (data, RW_CHART_COST);

  /* Weights of Llama 3.3 70B at Q4_K_M are 43.08e9 B, in the default
   * GiB 40.12: "40,1 GiB", one decimal. */
  weights = ((char **) g_ptr_array_index (memory->rows, 0))[1 + RW_MEMORY_PART_WEIGHTS];
  g_assert_cmpstr (weights, ==, "40,1 GiB");
  /* The Spark's price is in the thousands of dollars: "$3 999" style. */
  price = ((char **) g_ptr_array_index (cost->rows, 0))[1];
  g_assert_true (g_regex_match_simple ("^\\$[0-9]" NNBSP "[0-9]{3}$", price, 0, 0));

  description = rw_render_describe_memory_chart (data);
  g_assert_nonnull (strstr (description, weights));
  setlocale (LC_NUMERIC, "C");
}

static void
test_tables (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.3-70b", "bf16", 8192,
                                                 "dgx-spark", "custom-5090", NULL);
  g_autoptr(RwChartTable) memory = rw_chart_data_get_table (data, RW_CHART_MEMORY);
  g_autoptr(RwChartTable) cost = rw_chart_data_get_table (data, RW_CHART_COST);
  g_autoptr(RwChartTable) speed = rw_chart_data_get_table (data, RW_CHART_THROUGHPUT);
  g_autoptr(RwChartTable) tco = rw_chart_data_get_table (data, RW_CHART_TCO);
  char **row;

  g_assert_true (set_numeric ("C"));

  /* System + 6 parts + total, fast memory, capacity, host RAM, verdict. */
  g_assert_cmpuint (memory->n_columns, ==, 1 + RW_MEMORY_PART_N + 5);
  g_assert_cmpuint (g_strv_length (memory->columns), ==, memory->n_columns);
  g_assert_cmpuint (memory->rows->len, ==, 2);
  row = g_ptr_array_index (memory->rows, 0);
  g_assert_cmpuint (g_strv_length (row), ==, memory->n_columns);
  g_assert_cmpstr (row[memory->n_columns - 1], ==, "Does not fit");
  row = g_ptr_array_index (memory->rows, 1);
  g_assert_cmpstr (row[memory->n_columns - 1], ==, "Spills to host RAM");

  /* GB10's FP8 peak is assumed (dense FP4 / 4 = 125 TFLOP/s): $3,999 /
   * 125 = $31.99, marked as approximate; so is its INT8 peak (dense FP4 /
   * 2 = 250 TOPS: $16.00). The RTX 4090 has no FP4 at all: the cell says
   * so, never "$0". */
  row = g_ptr_array_index (cost->rows, 0);
  g_assert_cmpuint (cost->n_columns, ==, 2 + RW_PRECISION_N + 2);
  g_assert_cmpstr (row[2 + RW_PRECISION_INT8], ==, "≈$16.00");
  g_assert_cmpstr (row[2 + RW_PRECISION_FP8], ==, "≈$31.99");

  /* Depths 1K, 2K, 4K … 1M: eleven rows. */
  g_assert_cmpuint (speed->rows->len, ==, 11);
  g_assert_cmpstr (((char **) g_ptr_array_index (speed->rows, 0))[0], ==, "1K");
  g_assert_cmpstr (((char **) g_ptr_array_index (speed->rows, 10))[0], ==, "1M");
  /* 70B BF16 does not fit the Spark at any depth. */
  g_assert_cmpstr (((char **) g_ptr_array_index (speed->rows, 0))[1], ==, "does not fit");

  /* Years 0…5 (the default 3 years, shown to at least 5). */
  g_assert_cmpuint (tco->rows->len, ==, 6);
  g_assert_cmpstr (((char **) g_ptr_array_index (tco->rows, 5))[0], ==, "5");
}

static void
test_describe (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.3-70b", "bf16", 8192,
                                                 "dgx-spark", "custom-5090", NULL);

  g_assert_true (set_numeric ("C"));
  for (guint k = 0; k < RW_CHART_N; k++)
    {
      g_autofree char *text = rw_render_describe_chart (data, k);

      g_assert_nonnull (strstr (text, "DGX Spark"));
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }
  {
    g_autofree char *memory = rw_render_describe_memory_chart (data);
    g_autofree char *cost = rw_render_describe_cost_chart (data);

    g_assert_nonnull (strstr (memory, "does not fit"));
    g_assert_nonnull (strstr (memory, "spill to host RAM"));
    g_assert_nonnull (strstr (cost, "INT8 ≈$16.00"));
    g_assert_nonnull (strstr (cost, "FP8 ≈$31.99"));
  }
  g_assert_nonnull (strstr (rw_chart_data_get_subtitle (data), "BF16"));
  g_assert_nonnull (strstr (rw_chart_data_get_subtitle (data), "8K context"));
  /* The build's board, PSU, case and cooler have no published price (see
   * systems.json): their assumed prices are counted, not dated. */
  g_assert_cmpstr (rw_chart_data_get_price_note (data), ==,
                   "Prices dated 2025-03 to 2026-06-25; 4 prices assumed, none published");
}

/* Decode with the whole context cached is the throughput chart's point at
 * the context (32K = 1K·√2^10, the same workload to the bit), slower than
 * decode with an empty one; a training workload has none. */
static void
test_decode_full_context (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.3-70b", "q4_k_m", 32768,
                                                 "dgx-spark", "custom-5090", NULL);
  g_autoptr(RwChartData) training = NULL;
  g_autoptr(GError) error = NULL;
  RwWorkload w;
  RwSystem *spark = rw_catalog_lookup_system (catalog, "dgx-spark");

  g_assert_cmpfloat (data->depths[10], ==, 32768);
  for (guint i = 0; i < 2; i++)
    {
      double full = rw_chart_data_get_decode_full_context (data, i);

      g_assert_true (isfinite (full));
      g_assert_cmpfloat (full, ==, rw_chart_data_decode_at (data, i, 10));
      g_assert_cmpfloat (full, <, rw_chart_data_get_estimate (data, i)->decode_tok_s);
    }

  w = *rw_chart_data_get_workload (data);
  w.mode = RW_MODE_LORA;
  training = rw_chart_data_new (catalog, &spark, 1, &w, &error);
  g_assert_no_error (error);
  g_assert_true (isnan (rw_chart_data_get_decode_full_context (training, 0)));
}

/* Two lines a + s·t cross at t = (a₂ − a₁) / (s₁ − s₂): the chart data
 * finds that point from its monthly samples. The fixtures: unified $4000
 * at 200 W, discrete $2800 at 500 W; over 10 years the cheaper-to-buy
 * discrete build, using more power, catches up. */
static void
test_break_even (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  g_autoptr(RwFormat) kv = fixture_f16_kv ();
  g_autoptr(RwSystem) unified = fixture_unified ();
  g_autoptr(RwSystem) discrete = fixture_discrete ();
  RwSystem *systems[] = { unified, discrete };
  RwWorkload workload = fixture_workload (model, q8, kv);
  g_autoptr(RwChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  double a1, a2, s1, s2, t;
  const RwBreakEven *be;

  workload.years = 10;
  workload.hours_per_day = 24;
  data = rw_chart_data_new (NULL, systems, 2, &workload, &error);
  g_assert_no_error (error);

  a1 = rw_estimate_tco_at (unified, &workload, 0);
  a2 = rw_estimate_tco_at (discrete, &workload, 0);
  s1 = rw_estimate_tco_at (unified, &workload, 1) - a1;
  s2 = rw_estimate_tco_at (discrete, &workload, 1) - a2;
  g_assert_cmpfloat (a1, ==, 4000);
  g_assert_cmpfloat (a2, ==, 2800);
  g_assert_cmpfloat (s2, >, s1);
  t = (a1 - a2) / (s2 - s1);
  g_assert_cmpfloat (t, <, 10);

  g_assert_cmpfloat (data->tco_years, ==, 10);
  g_assert_cmpuint (data->break_evens->len, ==, 1);
  be = &g_array_index (data->break_evens, RwBreakEven, 0);
  /* Before: the discrete build (1) was cheaper; after: the unified one (0). */
  g_assert_cmpuint (be->a, ==, 1);
  g_assert_cmpuint (be->b, ==, 0);
  g_assert_cmpfloat_with_epsilon (be->years, t, 1e-9);
  g_assert_cmpfloat_with_epsilon (be->cost, a1 + s1 * t, 1e-6);
}

/* The model copies what it needs: freeing the caller's model, formats and
 * systems right after building it must not matter (ASan checks). */
static void
test_owns_its_inputs (void)
{
  RwModel *model = fixture_toy ();
  RwFormat *q8 = fixture_q8_0 ();
  RwFormat *kv = fixture_f16_kv ();
  RwSystem *system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, q8, kv);
  g_autoptr(RwChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  data = rw_chart_data_new (NULL, &system, 1, &workload, &error);
  g_assert_no_error (error);
  rw_model_free (model);
  rw_format_free (q8);
  rw_format_free (kv);
  rw_system_unref (system);

  g_assert_cmpstr (rw_chart_data_get_system (data, 0)->id, ==, "toy-unified");
  text = rw_render_describe_memory_chart (data);
  g_assert_nonnull (strstr (text, "toy"));
  g_assert_true (rw_chart_data_ref (data) == data);
  rw_chart_data_unref (data);
}

static void
test_errors (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  g_autoptr(RwFormat) kv = fixture_f16_kv ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, q8, kv);
  g_autoptr(GError) error = NULL;
  RwChartData *data;

  data = rw_chart_data_new (NULL, &system, 0, &workload, &error);
  g_assert_null (data);
  g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  workload.context = 0;
  data = rw_chart_data_new (NULL, &system, 1, &workload, &error);
  g_assert_null (data);
  g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE);
}

static void
test_kind_strings (void)
{
  RwChartKind kind = RW_CHART_MEMORY;

  for (guint k = 0; k < RW_CHART_N; k++)
    {
      g_assert_true (rw_chart_kind_from_string (rw_chart_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_cmpstr (rw_chart_kind_get_title (k), !=, "");
    }
  g_assert_true (rw_chart_kind_from_string ("TCO", &kind));
  g_assert_cmpint (kind, ==, RW_CHART_TCO);
  g_assert_false (rw_chart_kind_from_string ("pie", &kind));
  g_assert_false (rw_chart_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, RW_CHART_TCO);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  catalog = test_catalog ();

  g_test_add_func ("/chart-data/format/c", test_format_c);
  g_test_add_func ("/chart-data/format/en", test_format_en);
  g_test_add_func ("/chart-data/format/fr", test_format_fr);
  g_test_add_func ("/chart-data/format/money-memory", test_format_money_memory);
  g_test_add_func ("/chart-data/display-settings", test_display_settings);
  g_test_add_func ("/chart-data/french-chart-labels", test_french_chart_labels);
  g_test_add_func ("/chart-data/tables", test_tables);
  g_test_add_func ("/chart-data/describe", test_describe);
  g_test_add_func ("/chart-data/decode-full-context", test_decode_full_context);
  g_test_add_func ("/chart-data/break-even", test_break_even);
  g_test_add_func ("/chart-data/owns-its-inputs", test_owns_its_inputs);
  g_test_add_func ("/chart-data/errors", test_errors);
  g_test_add_func ("/chart-data/kind-strings", test_kind_strings);

  status = g_test_run ();
  g_clear_object (&catalog);
  return status;
}
