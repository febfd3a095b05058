/* test-cost.c: price, price per performance, energy and TCO
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Formulas (rw-cost.c): per_tflop[p] = price / (peak[p] / 1e12);
 * per_gb = price / (usable / 1e9); per_decode_tok_s = price / decode total;
 * energy_per_mtok = W_load · (1e6 / tok_s) / 3.6e6 kWh × $/kWh;
 * energy_per_year = (W_load · hours + W_idle · (24 − hours)) · 365 / 1000
 * × $/kWh; tco = price + energy_per_year · years.
 */
#include "rw-test-fixtures.h"

static RwEstimate
estimate (const RwSystem   *system,
          const RwWorkload *workload)
{
  RwEstimate out;
  g_autoptr(GError) error = NULL;

  if (!rw_estimate (system, workload, &out, &error))
    g_error ("estimate failed: %s", error->message);
  return out;
}

/* Toy bf16 on the unified fixture ($4000, 100 GB usable, FP16 100 and
 * FP8 200 TFLOP/s) decodes at 160e9 / 187 189 248 = 854.75 tok/s
 * (test-speed.c).
 *   per TFLOP: FP16 4000/100 = 40, FP8 4000/200 = 20, others unpublished;
 *   per GB 4000/100 = 40; per tok/s 4000 / 854.75 = 4.6797;
 *   a million tokens take 1e6 / 854.75 = 1169.93 s at 200 W = 233 986 J
 *   = 0.064996 kWh × $0.15 = $0.0097494;
 *   a year: (200·8 + 50·16) Wh · 365 / 1000 = 876 kWh × 0.15 = $131.40;
 *   TCO over 3 years 4000 + 3 · 131.40 = $4394.20. */
static void
test_cost_unified (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out = estimate (system, &workload);
  double tok_s = 160e9 / 187189248;

  assert_near (out.price, 4000);
  assert_near (out.per_tflop[RW_PRECISION_FP16], 40);
  assert_near (out.per_tflop[RW_PRECISION_FP8], 20);
  g_assert_true (isnan (out.per_tflop[RW_PRECISION_FP4]));
  g_assert_true (isnan (out.per_tflop[RW_PRECISION_INT8]));
  g_assert_true (isnan (out.per_tflop[RW_PRECISION_FP32]));
  assert_near (out.per_gb, 40);
  assert_near (out.per_decode_tok_s, 4000 / tok_s);
  assert_rel (out.per_decode_tok_s, 4.6797, 1e-4);
  assert_near (out.energy_per_mtok, 200 * (1e6 / tok_s) / 3.6e6 * 0.15);
  assert_rel (out.energy_per_mtok, 0.0097494, 1e-4);
  assert_near (out.energy_per_year, 131.4);
  assert_near (out.tco, 4394.2);
  assert_near (rw_estimate_tco_at (system, &workload, 10), 4000 + 1314);
  assert_near (rw_estimate_tco_at (system, &workload, 0), 4000);

  /* Around the clock there is no idle time: 200 · 24 · 365 / 1000
   * = 1752 kWh × 0.15 = $262.80. */
  workload.hours_per_day = 24;
  out = estimate (system, &workload);
  assert_near (out.energy_per_year, 262.8);
}

/* A custom build is priced by its parts: 2000 + 500 + 2 · 150 = $2800;
 * per GB of VRAM 2800 / 10 = 280; a year (500·8 + 100·16) · 365 / 1000
 * = 2044 kWh × 0.15 = $306.60. */
static void
test_cost_components (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_discrete ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out = estimate (system, &workload);

  assert_near (rw_system_total_price (system), 2800);
  assert_near (out.price, 2800);
  assert_near (out.per_gb, 280);
  assert_near (out.per_tflop[RW_PRECISION_FP16], 2800.0 / 200);
  assert_near (out.energy_per_year, 306.6);
  assert_near (out.tco, 2800 + 3 * 306.6);
}

/* Figures that do not apply are NAN: no decode speed in training, no
 * energy without a published power draw. */
static void
test_cost_not_applicable (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out;

  workload.mode = RW_MODE_LORA;
  out = estimate (system, &workload);
  g_assert_true (isnan (out.per_decode_tok_s));
  g_assert_true (isnan (out.energy_per_mtok));
  assert_near (out.per_gb, 40);
  assert_near (out.energy_per_year, 131.4);

  workload.mode = RW_MODE_INFERENCE;
  system->power_load.value = NAN;
  out = estimate (system, &workload);
  g_assert_true (isfinite (out.per_decode_tok_s));
  g_assert_true (isnan (out.energy_per_mtok));
  g_assert_true (isnan (out.energy_per_year));
  g_assert_true (isnan (out.tco));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cost/unified", test_cost_unified);
  g_test_add_func ("/cost/components", test_cost_components);
  g_test_add_func ("/cost/not-applicable", test_cost_not_applicable);

  return g_test_run ();
}
