/* test-render.c: the charts' real pixels, no display
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include "rw-render-test.h"
#include "rw-test-contrast.h"

static RwCatalog *catalog;

/* Llama 3.3 70B in BF16 is 70.6 B parameters × 2 bytes ≈ 141 GB of weights:
 * more than the DGX Spark's ~101 GiB usable, and on the 5090 build 32 GB
 * VRAM + 128 GB host RAM hold it with the rest spilled to host RAM. */
static void
test_memory_spill_is_hatched (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.3-70b", "bf16", 8192,
                                                 "dgx-spark", "custom-5090", NULL);
  const RwEstimate *spark = rw_chart_data_get_estimate (data, 0);
  const RwEstimate *custom = rw_chart_data_get_estimate (data, 1);
  RwChartGeometry g = { 0 };
  RwChartStyle style;
  cairo_surface_t *surface;
  guint32 weights, hatch, marker;
  double y;

  g_assert_cmpint (spark->fit, ==, RW_FIT_DOES_NOT_FIT);
  g_assert_cmpint (custom->fit, ==, RW_FIT_SPILLS);
  g_assert_cmpfloat (custom->memory.spill, >, 0);

  rw_chart_style_init_light (&style);
  weights = test_rgb (&style.segments[RW_MEMORY_PART_WEIGHTS]);
  hatch = test_rgb (&style.hatch);
  marker = test_rgb (&style.marker);
  surface = test_render (data, RW_CHART_MEMORY, 1280, 800, 1, &style, &g);
  test_save_artifact (surface, "memory-spill-1280x800.png");

  g_assert_cmpuint (g.n_bars, ==, 2);

  /* The 5090 build: the bar crosses its VRAM marker column … */
  g_assert_cmpfloat (g.bars[1].x + g.bars[1].width, >, g.markers[1] + 10);
  g_assert_true (isfinite (g.spill_x[1]));
  g_assert_cmpfloat (g.spill_x[1], >=, g.markers[1] - 2);
  /* … it is the weights colour and unhatched before the marker … */
  y = g.bars[1].y + 3;
  g_assert_true (test_color_near (test_pixel (surface, g.bars[1].x + 4, y), weights, 2));
  g_assert_cmpuint (test_count_row (surface, y, g.bars[1].x + 2, g.markers[1] - 3, hatch), ==, 0);
  /* … the marker itself is drawn … */
  g_assert_true (test_color_near (test_pixel (surface, g.markers[1], g.bars[1].y + g.bars[1].height / 2),
                                  marker, 6));
  /* … and the spilled part after it carries the hatch colour, on every
   * row of the bar. */
  for (double dy = 2; dy < g.bars[1].height - 2; dy += 5)
    g_assert_cmpuint (test_count_row (surface, g.bars[1].y + dy, g.spill_x[1] + 2,
                                      g.bars[1].x + g.bars[1].width - 2, hatch), >, 5);

  /* The Spark: no hatch (unified memory never spills), but the bar runs
   * past its capacity marker: it does not fit. */
  g_assert_false (isfinite (g.spill_x[0]));
  g_assert_false (isfinite (g.markers2[0]));
  g_assert_cmpfloat (g.bars[0].x + g.bars[0].width, >, g.markers[0] + 10);
  g_assert_cmpuint (test_count_row (surface, g.bars[0].y + 3, g.bars[0].x, g.bars[0].x + g.bars[0].width, hatch),
                    ==, 0);
  g_assert_true (test_color_near (test_pixel (surface, g.markers[0] + 6, g.bars[0].y + g.bars[0].height / 2),
                                  weights, 2) ||
                 test_color_near (test_pixel (surface, g.markers[0] + 6, g.bars[0].y + g.bars[0].height / 2),
                                  test_rgb (&style.segments[RW_MEMORY_PART_KV_CACHE]), 2));
  /* Its excess over capacity is outlined in the error colour. */
  g_assert_cmpuint (test_count_row (surface, g.bars[0].y + 1, g.markers[0] + 2, g.bars[0].x + g.bars[0].width,
                                    test_rgb (&style.error)), >, 5);

  cairo_surface_destroy (surface);
}

/* Llama 3.1 8B at Q4_K_M (~4.9 GB) fits both: no bar reaches a marker. */
static void
test_memory_fits (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.1-8b", "q4_k_m", 8192,
                                                 "dgx-spark", "custom-5090", NULL);
  RwChartGeometry g = { 0 };
  RwChartStyle style;
  cairo_surface_t *surface;

  rw_chart_style_init_light (&style);
  surface = test_render (data, RW_CHART_MEMORY, 1280, 800, 1, &style, &g);
  test_save_artifact (surface, "memory-fits-1280x800.png");
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (rw_chart_data_get_estimate (data, i)->fit, ==, RW_FIT_FITS);
      g_assert_cmpfloat (g.bars[i].x + g.bars[i].width, <, g.markers[i]);
      g_assert_false (isfinite (g.spill_x[i]));
      g_assert_cmpuint (test_count_row (surface, g.bars[i].y + 3, g.bars[i].x, g.bars[i].x + g.bars[i].width,
                                        test_rgb (&style.hatch)), ==, 0);
    }
  /* The discrete build has its second marker, VRAM + host RAM, further on. */
  g_assert_true (isfinite (g.markers2[1]));
  g_assert_cmpfloat (g.markers2[1], >, g.markers[1]);
  cairo_surface_destroy (surface);
}

static void
test_dark_background (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.1-8b", "q4_k_m", 8192,
                                                 "dgx-spark", "custom-5090", NULL);
  RwChartStyle light, dark;

  rw_chart_style_init_light (&light);
  rw_chart_style_init_dark (&dark);
  g_assert_cmpuint (test_rgb (&light.background), !=, test_rgb (&dark.background));

  for (guint k = 0; k < RW_CHART_N; k++)
    {
      cairo_surface_t *a = test_render (data, k, 640, 400, 1, &light, NULL);
      cairo_surface_t *b = test_render (data, k, 640, 400, 1, &dark, NULL);

      /* The corners are background in both, and the two differ. */
      g_assert_cmphex (test_pixel (a, 1, 1), ==, 0xffffff);
      g_assert_cmphex (test_pixel (b, 1, 1), ==, 0x363636);
      g_assert_cmphex (test_pixel (a, 639, 399), ==, 0xffffff);
      g_assert_cmphex (test_pixel (b, 639, 399), ==, 0x363636);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* GB10's INT8 tensor peak is not published and the catalog assumes none
 * (systems.json: null, no peak_assumed): its slot has no bar of the Spark's
 * colour. Its FP8 peak is not published either, but the catalog assumes
 * one (dense FP4 / 4): that bar is drawn pale, never in the solid colour of
 * a published figure. FP4 of the 5090 is published: a solid bar. */
static void
test_cost_unpublished_has_no_bar (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.1-8b", "q4_k_m", 8192,
                                                 "dgx-spark", "custom-4090", NULL);
  const RwEstimate *ada = rw_chart_data_get_estimate (data, 1);
  const RwSystem *spark_system = rw_chart_data_get_system (data, 0);
  const RwSystem *ada_system = rw_chart_data_get_system (data, 1);
  RwChartGeometry g = { 0 };
  RwChartStyle style;
  cairo_surface_t *surface;
  guint32 spark_color, ada_color;
  const RwRect *fp4, *fp8, *ada_fp8;
  guint n = 0;
  double base;

  /* Ada tensor cores have no FP4: no peak, so no cost per TFLOP. */
  g_assert_true (isnan (ada->per_tflop[RW_PRECISION_FP4]));
  g_assert_false (ada_system->peak[RW_PRECISION_FP4].assumed);
  g_assert_true (isfinite (ada->per_tflop[RW_PRECISION_FP8]));
  g_assert_false (ada_system->peak[RW_PRECISION_FP8].assumed);
  g_assert_true (spark_system->peak[RW_PRECISION_FP8].assumed);

  rw_chart_style_init_light (&style);
  spark_color = test_rgb (&style.series[0]);
  ada_color = test_rgb (&style.series[1]);
  surface = test_render (data, RW_CHART_COST, 1280, 800, 1, &style, &g);
  test_save_artifact (surface, "cost-1280x800.png");

  g_assert_cmpuint (g.n_bars, ==, RW_PRECISION_N * 2);
  fp4 = &g.bars[RW_PRECISION_FP4 * 2 + 1];
  fp8 = &g.bars[RW_PRECISION_FP8 * 2 + 0];
  ada_fp8 = &g.bars[RW_PRECISION_FP8 * 2 + 1];
  g_assert_cmpfloat (fp4->height, ==, 0);
  g_assert_cmpfloat (fp8->height, >, 0);
  g_assert_cmpfloat (ada_fp8->height, >, 0);
  base = g.plot.y + g.plot.height - 2;

  /* Every row of the 4090's FP4 slot, baseline to top of plot: no 4090 colour. */
  for (double y = g.plot.y; y < g.plot.y + g.plot.height - 1; y += 1)
    n += test_count_row (surface, y, fp4->x, fp4->x + fp4->width, ada_color);
  g_assert_cmpuint (n, ==, 0);
  /* The assumed FP8 bar of the Spark: outlined in its colour, pale inside. */
  g_assert_cmpuint (test_count_row (surface, base - 4, fp8->x + 4, fp8->x + fp8->width - 4, spark_color), ==, 0);
  g_assert_true (test_color_near (test_pixel (surface, fp8->x + fp8->width / 2, base - 4),
                                  test_rgb (&(RwColor) { style.series[0].red * 0.45 + 0.55,
                                                         style.series[0].green * 0.45 + 0.55,
                                                         style.series[0].blue * 0.45 + 0.55, 1 }), 3));
  g_assert_true (test_color_near (test_pixel (surface, fp8->x + 0.5, base - 4), spark_color, 3));
  /* The published FP8 bar of the 4090 is solid, just above the baseline. */
  g_assert_cmpuint (test_count_row (surface, base, ada_fp8->x, ada_fp8->x + ada_fp8->width, ada_color),
                    >=, (guint) ada_fp8->width - 2);
  cairo_surface_destroy (surface);
}

/* The first point of each line sits where the axes put its value. */
static void
test_throughput_lines (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.1-8b", "q4_k_m", 32768,
                                                 "dgx-spark", "custom-5090", NULL);
  RwChartGeometry g = { 0 };
  RwChartStyle style;
  cairo_surface_t *surface;

  rw_chart_style_init_light (&style);
  surface = test_render (data, RW_CHART_THROUGHPUT, 1280, 800, 1, &style, &g);
  test_save_artifact (surface, "throughput-1280x800.png");
  g_assert_true (g.x_log);
  g_assert_cmpfloat (g.x_min, ==, 1024);
  for (guint i = 0; i < 2; i++)
    {
      double v = rw_chart_data_decode_at (data, i, 0);
      double x = g.plot.x;
      double y = g.plot.y + g.plot.height - v / g.y_max * g.plot.height;

      g_assert_true (isfinite (v));
      g_assert_true (test_color_near (test_pixel (surface, x + 1, y), test_rgb (&style.series[i]), 40));
    }
  cairo_surface_destroy (surface);
}

/* At year 0 each TCO line starts at the purchase price. A system whose
 * power draw under load is unpublished (the Mac Studio M4 Max: null in
 * systems.json) has no line at all, and the description says why. */
static void
test_tco_lines (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.1-8b", "q4_k_m", 8192,
                                                 "dgx-spark", "custom-5090", "mac-studio-m4-max", NULL);
  g_autofree char *description = rw_render_describe_tco_chart (data);
  RwChartGeometry g = { 0 };
  RwChartStyle style;
  cairo_surface_t *surface;

  g_assert_false (isfinite (rw_chart_data_get_system (data, 2)->power_load.value));

  rw_chart_style_init_dark (&style);
  surface = test_render (data, RW_CHART_TCO, 1280, 800, 1, &style, &g);
  test_save_artifact (surface, "tco-1280x800-dark.png");
  for (guint i = 0; i < 3; i++)
    {
      const RwSystem *system = rw_chart_data_get_system (data, i);
      double price = rw_chart_data_get_estimate (data, i)->price;
      double y = g.plot.y + g.plot.height - price / g.y_max * g.plot.height;
      guint32 color = test_rgb (&style.series[i]);

      g_assert_true (isfinite (price));
      if (isfinite (system->power_load.value))
        {
          g_assert_cmpfloat (rw_chart_data_tco_at (data, i, 0), ==, price);
          g_assert_true (test_color_near (test_pixel (surface, g.plot.x + 3, y), color, 40));
        }
      else
        {
          guint n = 0;

          g_assert_true (isnan (rw_chart_data_tco_at (data, i, 0)));
          for (double py = g.plot.y; py < g.plot.y + g.plot.height; py++)
            n += test_count_row (surface, py, g.plot.x + 2, g.plot.x + 6, color);
          g_assert_cmpuint (n, ==, 0);
          g_assert_nonnull (strstr (description, "Mac Studio M4 Max: no total, power draw not published."));
        }
    }
  cairo_surface_destroy (surface);
}

/* Rent or buy with the bundled DGX Spark ($3,999, 156 W) and the rented
 * H100 SXM ($3.99 an hour) at $0.15/kWh and 8 h a day: owning costs less
 * after 3999 / (3.99 − 0.156 · 0.15) = 3999 / 3.9666 = 1008.17 hours,
 * 1008.17 / (8 · 365 / 12 = 243.33) = 4.1 months. The owned line starts
 * at the price, the rented one at zero, and the crossing is marked with
 * a dot in the foreground colour where both cost 4022.6. */
static void
test_breakeven_chart (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.1-8b", "q4_k_m", 8192,
                                                 "dgx-spark", "cloud-h100-sxm", NULL);
  g_autofree char *description = rw_render_describe_breakeven_chart (data);
  g_autoptr(RwChartTable) table = rw_chart_data_get_table (data, RW_CHART_BREAKEVEN);
  const RwEstimate *spark = rw_chart_data_get_estimate (data, 0);
  const RwEstimate *h100 = rw_chart_data_get_estimate (data, 1);
  const RwWorkload *workload = rw_chart_data_get_workload (data);
  RwChartGeometry g = { 0 };
  RwChartStyle style;
  cairo_surface_t *surface;
  double hours, x, y;
  guint n = 0;

  g_assert_cmpfloat (spark->price, ==, 3999);
  g_assert_cmpfloat (spark->power_load_w, ==, 156);
  g_assert_cmpfloat (h100->per_hour, ==, 3.99);
  hours = rw_estimate_break_even_hours (spark, h100, workload);
  g_assert_cmpfloat_with_epsilon (hours, 3999 / 3.9666, 1e-9);
  g_assert_cmpfloat_with_epsilon (rw_estimate_cost_after_hours (h100, workload, hours), 4022.6, 0.05);

  for (guint dark = 0; dark < 2; dark++)
    {
      if (dark)
        rw_chart_style_init_dark (&style);
      else
        rw_chart_style_init_light (&style);
      surface = test_render (data, RW_CHART_BREAKEVEN, 1280, 800, 1, &style, &g);
      test_save_artifact (surface, dark ? "breakeven-1280x800-dark.png" : "breakeven-1280x800.png");
      g_assert_cmpfloat (g.x_min, ==, 0);
      /* 3 years at 8 h a day: 8760 hours, the crossing well inside. */
      g_assert_cmpfloat (g.x_max, ==, 8760);

      /* The owned line starts at its price … */
      y = g.plot.y + g.plot.height - 3999 / g.y_max * g.plot.height;
      g_assert_true (test_color_near (test_pixel (surface, g.plot.x + 3, y), test_rgb (&style.series[0]), 40));
      /* … the rented one at zero (dashed: some of the first pixels). */
      for (double px = g.plot.x + 1; px < g.plot.x + 12; px++)
        n += test_color_near (test_pixel (surface, px, g.plot.y + g.plot.height - 2 - (px - g.plot.x) * 0.0),
                              test_rgb (&style.series[1]), 60);
      g_assert_cmpuint (n, >, 0);
      n = 0;
      /* … and they cross at the dot. */
      x = g.plot.x + hours / g.x_max * g.plot.width;
      y = g.plot.y + g.plot.height - rw_estimate_cost_after_hours (h100, workload, hours) / g.y_max * g.plot.height;
      {
        /* The foreground may be translucent: as composited on the ring of
         * background colour drawn under the dot. */
        double a = style.foreground.alpha;
        RwColor dot = { style.foreground.red * a + style.background.red * (1 - a),
                        style.foreground.green * a + style.background.green * (1 - a),
                        style.foreground.blue * a + style.background.blue * (1 - a), 1 };

        g_assert_true (test_color_near (test_pixel (surface, x, y), test_rgb (&dot), 8));
      }
      cairo_surface_destroy (surface);
    }

  g_assert_nonnull (strstr (description,
                            "Owning DGX Spark costs less than renting H100 SXM (cloud) after 1,008 h (4.1 months)."));
  g_assert_nonnull (strstr (description, "H100 SXM (cloud): $3.99 an hour."));
  g_assert_nonnull (strstr (description, "DGX Spark: $3,999 up front, then $0.023 an hour of electricity."));

  /* The table: up front, per hour, per million tokens, break-even. */
  g_assert_cmpuint (table->n_columns, ==, 5);
  g_assert_cmpstr (table->columns[4], ==, "Break-even vs H100 SXM (cloud)");
  g_assert_cmpuint (table->rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 0))[1], ==, "$3,999");
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 0))[4], ==, "1,008 h (4.1 months)");
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 1))[1], ==, "nothing (rented)");
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 1))[2], ==, "$3.99");
}

/* The validation chart: every usable row measured on the compared chips.
 * The RTX 5090 build's chip (GB202, 1,792 GB/s) has three llama.cpp rows
 * in discussion #15396, gpt-oss-20b MXFP4 tg128 on the 5090 (282.51
 * tok/s), the RTX PRO 6000 Workstation (286.91) and the PRO 6000 Max-Q
 * (249.96); their pp2048 rows are kept out (pre-rewrite MoE prefill) and
 * are not drawn. Each mark sits at (measured, predicted) on the log axes in
 * its system's colour; the band around the diagonal is ±25 % in a 10 %
 * tint of the text colour, ±10 % in a 22 % tint over it, and beyond it
 * the background shows. */
static gboolean
mark_near (const RwChartData     *data,
           const RwChartGeometry *g,
           double                 x,
           double                 y,
           double                 radius,
           guint                  from)
{
  double lmin = log10 (g->x_min), span = log10 (g->x_max) - lmin;

  for (guint i = from; i < rw_chart_data_get_n_validation (data); i++)
    {
      const RwChartEvidence *e = rw_chart_data_get_validation (data, i);
      double mx = g->plot.x + (log10 (e->measured) - lmin) / span * g->plot.width;
      double my = g->plot.y + g->plot.height - (log10 (e->predicted) - lmin) / span * g->plot.height;

      if (fabs (mx - x) < radius && fabs (my - y) < radius)
        return TRUE;
    }
  return FALSE;
}

static void
test_validation_chart (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "gpt-oss-120b", "mxfp4_moe", 8192,
                                                 "dgx-spark", "custom-5090", NULL);
  g_autoptr(RwChartTable) table = rw_chart_data_get_table (data, RW_CHART_VALIDATION);
  g_autofree char *description = rw_render_describe_chart (data, RW_CHART_VALIDATION);
  guint n = rw_chart_data_get_n_validation (data), n_5090 = 0, n_spark = 0, checked = 0;
  double lo = INFINITY, hi = 0;
  gboolean band_checked = FALSE;
  RwChartGeometry g = { 0 };
  RwChartStyle style;
  cairo_surface_t *surface;

  g_assert_cmpuint (n, >, 200);
  for (guint i = 0; i < n; i++)
    {
      const RwChartEvidence *e = rw_chart_data_get_validation (data, i);

      lo = MIN (lo, MIN (e->measured, e->predicted));
      hi = MAX (hi, MAX (e->measured, e->predicted));
      if (e->system == 1)
        {
          /* In system order: the 5090's rows come after the Spark's. */
          n_5090++;
          g_assert_true (e->decode);
          g_assert_cmpstr (e->test, ==, "tg128");
          g_assert_cmpstr (e->model, ==, "gpt-oss-20b");
          g_assert_true (e->measured == 282.51 || e->measured == 286.91 || e->measured == 249.96);
        }
      else
        {
          g_assert_cmpuint (n_5090, ==, 0);
          n_spark++;
        }
    }
  g_assert_cmpuint (n_5090, ==, 3);

  rw_chart_style_init_light (&style);
  surface = test_render (data, RW_CHART_VALIDATION, 1280, 800, 1, &style, &g);
  test_save_artifact (surface, "validation-1280x800.png");
  /* Log axes, decade-aligned (or at 2 ×) around every value, square. */
  g_assert_true (g.x_log);
  g_assert_cmpfloat (g.x_min, <=, lo);
  g_assert_cmpfloat (g.x_max, >=, hi);
  g_assert_cmpfloat (g.x_min * 2, >, lo / 10);
  g_assert_cmpfloat (g.y_min, ==, g.x_min);
  g_assert_cmpfloat (g.y_max, ==, g.x_max);
  g_assert_cmpfloat_with_epsilon (g.plot.width, g.plot.height, 1e-9);

  /* Each mark not covered by a later one shows its system's colour. */
  for (guint i = 0; i < n; i++)
    {
      const RwChartEvidence *e = rw_chart_data_get_validation (data, i);
      double span = log10 (g.x_max) - log10 (g.x_min);
      double x = g.plot.x + (log10 (e->measured) - log10 (g.x_min)) / span * g.plot.width;
      double y = g.plot.y + g.plot.height - (log10 (e->predicted) - log10 (g.x_min)) / span * g.plot.height;

      if (mark_near (data, &g, x, y, 12, i + 1))
        continue;
      checked++;
      g_assert_true (test_color_near (test_pixel (surface, x, y), test_rgb (&style.series[e->system]), 8));
    }
  g_assert_cmpuint (checked, >=, 30);

  /* The bands, where no mark and no grid line is near. */
  {
    RwColor band25 = _rw_color_mix (&style.background, &style.foreground, 0.10);
    RwColor band10 = _rw_color_mix (&style.background, &style.foreground, 0.22);
    RwColor over25 = rw_color_over (&band25, &style.background);
    RwColor over10 = rw_color_over (&band10, &over25);
    double span = log10 (g.x_max) - log10 (g.x_min);

    for (double v = g.x_min * 1.3; v < g.x_max / 1.5 && !band_checked; v *= 1.07)
      {
        double x = g.plot.x + (log10 (v) - log10 (g.x_min)) / span * g.plot.width;
        double y_of[3], ratio[3] = { 1.18, 1.065, 1.6 };
        gboolean clear = TRUE;

        for (guint k = 0; k < 3; k++)
          {
            y_of[k] = g.plot.y + g.plot.height - (log10 (v * ratio[k]) - log10 (g.x_min)) / span * g.plot.height;
            clear &= !mark_near (data, &g, x, y_of[k], 14, 0);
          }
        /* Grid lines at 1, 2 and 5 of each decade. */
        for (double d = g.x_min / 10; d <= g.x_max; d *= 10)
          for (guint m = 0; m < 3; m++)
            {
              static const double mult[] = { 1, 2, 5 };
              double gx = g.plot.x + (log10 (d * mult[m]) - log10 (g.x_min)) / span * g.plot.width;

              clear &= fabs (gx - x) > 3;
              for (guint k = 0; k < 3; k++)
                {
                  double gy = g.plot.y + g.plot.height - (log10 (d * mult[m]) - log10 (g.x_min)) / span * g.plot.height;

                  clear &= fabs (gy - y_of[k]) > 3;
                }
            }
        if (!clear)
          continue;
        g_assert_true (test_color_near (test_pixel (surface, x, y_of[0]), test_rgb (&over25), 3));
        g_assert_true (test_color_near (test_pixel (surface, x, y_of[1]), test_rgb (&over10), 3));
        g_assert_true (test_color_near (test_pixel (surface, x, y_of[2]), test_rgb (&style.background), 3));
        band_checked = TRUE;
      }
    g_assert_true (band_checked);
  }
  cairo_surface_destroy (surface);

  /* Show as table: one row per mark, the measured figure as published. */
  g_assert_cmpuint (table->n_columns, ==, 11);
  g_assert_cmpstr (table->columns[7], ==, "Measured tok/s");
  g_assert_cmpuint (table->rows->len, ==, n);
  {
    char **last = g_ptr_array_index (table->rows, n - 1);
    const RwChartEvidence *e = rw_chart_data_get_validation (data, n - 1);
    g_autofree char *measured = rw_format_number (e->measured, 1);

    g_assert_cmpstr (last[0], ==, "RTX 5090 build");
    g_assert_cmpstr (last[4], ==, "tg128");
    g_assert_cmpstr (last[7], ==, measured);
    g_assert_cmpstr (last[10], ==, "https://github.com/ggml-org/llama.cpp/discussions/15396");
  }
  /* The description counts the rows and gives each system's median error. */
  {
    g_autofree char *start = g_strdup_printf ("Predicted against measured tokens/s for %u llama.cpp rows", n);
    g_autofree char *pct = rw_format_number (rw_chart_data_get_speed_error (data, 1) * 100, 1);
    g_autofree char *median = g_strdup_printf ("RTX 5090 build: median error %s %%.", pct);

    g_assert_true (g_str_has_prefix (description, start));
    g_assert_nonnull (strstr (description, median));
    g_assert_cmpuint (n_spark, ==, n - 3);
  }
}

/* Every chart at the sizes the brief names, light and dark: drawn without a
 * cairo error, with ink inside the frame, and saved for a human to look at. */
static void
test_all_sizes (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.3-70b", "q4_k_m", 32768,
                                                 "dgx-spark", "custom-5090", NULL);
  static const struct { int w, h; } sizes[] = { { 320, 200 }, { 1280, 800 }, { 3840, 2160 } };

  for (guint dark = 0; dark < 2; dark++)
    for (guint k = 0; k < RW_CHART_N; k++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          RwChartStyle style;
          cairo_surface_t *surface;
          g_autofree char *name = NULL;
          guint32 bg;
          guint ink = 0;

          if (dark)
            rw_chart_style_init_dark (&style);
          else
            rw_chart_style_init_light (&style);
          bg = test_rgb (&style.background);
          surface = test_render (data, k, sizes[z].w, sizes[z].h, 1, &style, NULL);
          name = g_strdup_printf ("%s-%dx%d%s.png", rw_chart_kind_to_string (k), sizes[z].w, sizes[z].h,
                                  dark ? "-dark" : "");
          test_save_artifact (surface, name);
          for (int y = 0; y < sizes[z].h; y += 7)
            ink += sizes[z].w / 3 - test_count_row (surface, y, 0, sizes[z].w / 3, bg);
          g_assert_cmpuint (ink, >, 50);
          cairo_surface_destroy (surface);
        }
}

/* A widget may be allocated any size on the way to its final one: tiny,
 * flat or tall sizes draw the background and whatever fits, never fail. */
static void
test_degenerate_sizes (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.3-70b", "bf16", 8192,
                                                 "dgx-spark", "custom-5090", NULL);
  static const int sizes[][2] = { { 1, 1 }, { 50, 30 }, { 120, 80 }, { 2000, 60 }, { 60, 1500 } };

  for (guint k = 0; k < RW_CHART_N; k++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        cairo_surface_t *surface = test_render (data, k, sizes[z][0], sizes[z][1], 1, NULL, NULL);

        g_assert_cmphex (test_pixel (surface, 0, 0), ==, 0xffffff);
        g_assert_cmphex (test_pixel (surface, sizes[z][0] - 1, sizes[z][1] - 1), ==, 0xffffff);
        cairo_surface_destroy (surface);
      }
}

/* A HiDPI context (device scale 2) draws the same layout at twice the
 * pixels: the geometry in user units is identical. */
static void
test_scale_independent_layout (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.3-70b", "bf16", 8192,
                                                 "dgx-spark", "custom-5090", NULL);
  RwChartGeometry a = { 0 }, b = { 0 };
  cairo_surface_t *s1 = test_render (data, RW_CHART_MEMORY, 800, 500, 1, NULL, &a);
  cairo_surface_t *s2 = test_render (data, RW_CHART_MEMORY, 800, 500, 2, NULL, &b);

  g_assert_cmpint (cairo_image_surface_get_width (s2), ==, 1600);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpfloat_with_epsilon (a.bars[i].width, b.bars[i].width, 1.0);
      g_assert_cmpfloat_with_epsilon (a.markers[i], b.markers[i], 1.0);
    }
  cairo_surface_destroy (s1);
  cairo_surface_destroy (s2);
}

/* WCAG 2.1's contrast ratio, worked by hand: L = 0.2126 R + 0.7152 G +
 * 0.0722 B on linearised channels. Black on white: (1 + 0.05) / (0 + 0.05)
 * = 21. #767676: 118/255 = 0.46275, ((0.46275 + 0.055) / 1.055)^2.4 =
 * 0.18116, so (1.05) / (0.23116) = 4.542, the grey WCAG's examples give as
 * the lightest passing 4.5:1 on white. Half-transparent black over white
 * is grey 0.5: ((0.5 + 0.055) / 1.055)^2.4 = 0.21404, 1.05 / 0.26404 =
 * 3.977. */
static void
test_contrast_formula (void)
{
  RwColor white = { 1, 1, 1, 1 }, black = { 0, 0, 0, 1 };
  RwColor grey = { 118 / 255.0, 118 / 255.0, 118 / 255.0, 1 };
  RwColor half = { 0, 0, 0, 0.5 };
  RwColor over = rw_color_over (&half, &white);

  g_assert_cmpfloat_with_epsilon (rw_color_contrast (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (rw_color_contrast (&white, &black), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (rw_color_contrast (&grey, &white), 4.542, 0.001);
  g_assert_cmpfloat_with_epsilon (over.red, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (rw_color_contrast (&over, &white), 3.977, 0.001);
}

/* Both palettes meet WCAG 2.1 AA: text 4.5:1, marks 3:1 (rw-test-contrast.h
 * lists the pairs). */
static void
test_palette_contrast (void)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  RwChartStyle light, dark;

  rw_chart_style_init_light (&light);
  rw_chart_style_init_dark (&dark);
  test_check_palette_contrast (&light, "light", problems);
  test_check_palette_contrast (&dark, "dark", problems);
  if (problems->len > 0)
    g_error ("contrast below WCAG 2.1 AA:\n%s", problems->str);

  /* And the check does catch a failing palette: the yellow series #e5a50a
   * the light palette had is 2.16:1 on white. */
  light.series[6] = (RwColor) { 0xe5 / 255.0, 0xa5 / 255.0, 0x0a / 255.0, 1 };
  test_check_palette_contrast (&light, "light", problems);
  g_assert_nonnull (strstr (problems->str, "series 6 2.16:1"));
}

/* No chart text under 11 px at 1×, from the smallest size the widget takes
 * (280×240) to a full window, at 2× too (11 user units = 22 pixels). */
static void
test_text_size (void)
{
  g_autoptr(RwChartData) data = test_chart_data (catalog, "llama-3.3-70b", "q4_k_m", 32768,
                                                 "dgx-spark", "custom-5090", NULL);
  static const int sizes[][2] = { { 280, 240 }, { 320, 200 }, { 640, 360 }, { 900, 440 }, { 1280, 800 } };

  for (guint k = 0; k < RW_CHART_N; k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (double scale = 1; scale <= 2; scale++)
        {
          RwChartGeometry geometry = { 0 };
          cairo_surface_t *surface = test_render (data, k, sizes[s][0], sizes[s][1], scale, NULL, &geometry);

          g_test_message ("%s at %d×%d: smallest text %.2f px", rw_chart_kind_to_string (k),
                          sizes[s][0], sizes[s][1], geometry.smallest_text);
          g_assert_cmpfloat (geometry.smallest_text, >=, 11.0);
          g_assert_cmpfloat (geometry.smallest_text, <, 100.0);
          cairo_surface_destroy (surface);
        }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  catalog = test_catalog ();

  g_test_add_func ("/render/memory/spill-is-hatched", test_memory_spill_is_hatched);
  g_test_add_func ("/render/memory/fits", test_memory_fits);
  g_test_add_func ("/render/style/dark-background", test_dark_background);
  g_test_add_func ("/render/style/contrast-formula", test_contrast_formula);
  g_test_add_func ("/render/style/palette-contrast", test_palette_contrast);
  g_test_add_func ("/render/text-size", test_text_size);
  g_test_add_func ("/render/cost/unpublished-has-no-bar", test_cost_unpublished_has_no_bar);
  g_test_add_func ("/render/throughput/lines", test_throughput_lines);
  g_test_add_func ("/render/breakeven", test_breakeven_chart);
  g_test_add_func ("/render/tco/lines", test_tco_lines);
  g_test_add_func ("/render/validation", test_validation_chart);
  g_test_add_func ("/render/all-sizes", test_all_sizes);
  g_test_add_func ("/render/scale-independent-layout", test_scale_independent_layout);
  g_test_add_func ("/render/degenerate-sizes", test_degenerate_sizes);

  status = g_test_run ();
  g_clear_object (&catalog);
  return status;
}
