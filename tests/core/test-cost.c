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
 * Rent or buy: per_hour = hourly price (cloud), or price / (years · 365 ·
 * hours a day) + W_load / 1000 · $/kWh (owned); per_mtok = per_hour /
 * (tok_s · 3600) · 1e6; break-even hours = price / (hourly − W_load / 1000
 * · $/kWh); a cloud system's TCO is its rent, hourly · hours · 365 · years.
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

/* One rented GPU: 80 GB usable of 80 GB at 2 TB/s, FP16 400 TFLOP/s,
 * 700 W, no host pool modelled; $2.50 an hour. llama.cpp at 80 % of
 * bandwidth, as the unified fixture. */
static RwSystem *
fixture_cloud (void)
{
  RwSystem *system = rw_system_new ();

  system->id = g_strdup ("toy-cloud");
  system->name = g_strdup ("Toy cloud GPU");
  system->kind = RW_SYSTEM_CLOUD;
  system->memory_model = RW_MEMORY_DISCRETE;
  system->n_devices = 1;
  fixture_set (&system->device_memory, 80e9);
  fixture_set (&system->device_usable, 80e9);
  fixture_set (&system->device_bandwidth, 2e12);
  fixture_set (&system->peak[RW_PRECISION_FP16], 400e12);
  fixture_set (&system->power_load, 700);
  system->currency = g_strdup ("USD");
  fixture_set (&system->price_per_hour, 2.5);
  fixture_add_efficiency (system, "llama.cpp", 0.8, 0, 0.5, 0.4);
  return system;
}

/* Toy bf16 on the cloud fixture reads the same 187 189 248 bytes a step
 * at 2e12 × 0.8 = 1.6e12 B/s: 8547.50 tok/s, 30.771 M tokens an hour.
 *   per_hour = $2.50; per_mtok = 2.50 / 30.771 = $0.0812453;
 *   no purchase price, so no price per TFLOP, GB or tok/s; electricity is
 *   in the rent (n/a); power 700 W;
 *   TCO = rent of 3 years at 8 h a day = 2.50 · 8 · 365 · 3 = $21 900. */
static void
test_cost_cloud (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_cloud ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out = estimate (system, &workload);
  g_autoptr(GError) error = NULL;

  g_assert_true (rw_system_validate (system, &error));
  g_assert_no_error (error);
  g_assert_true (rw_system_is_cloud (system));
  g_assert_cmpint (out.fit, ==, RW_FIT_FITS);
  assert_near (out.decode_tok_s, 1.6e12 / 187189248);
  assert_near (out.per_hour, 2.5);
  assert_rel (out.per_mtok, 0.0812453333, 1e-9);
  assert_near (out.power_load_w, 700);
  g_assert_true (isnan (out.price));
  g_assert_true (isnan (out.per_tflop[RW_PRECISION_FP16]));
  g_assert_true (isnan (out.per_gb));
  g_assert_true (isnan (out.per_decode_tok_s));
  g_assert_true (isnan (out.energy_per_mtok));
  g_assert_true (isnan (out.energy_per_year));
  assert_near (out.tco, 21900);
  assert_near (rw_estimate_tco_at (system, &workload, 1), 7300);
  assert_near (rw_estimate_cost_after_hours (&out, &workload, 100), 250);

  /* A two-GPU instance is a count: twice the hourly price. */
  system->n_devices = 2;
  out = estimate (system, &workload);
  assert_near (out.per_hour, 5);
}

/* The unified fixture ($4000, 200 W) at $0.15/kWh, 8 h a day, 3 years:
 * 3 · 365 · 8 = 8760 hours of use, so per_hour = 4000 / 8760 + 0.2 · 0.15
 * = 0.456621 + 0.03 = $0.486621; at 854.75 tok/s (3.0771 M tokens an
 * hour) per_mtok = $0.158143. */
static void
test_cost_owned_per_hour (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out = estimate (system, &workload);

  g_assert_false (rw_system_is_cloud (system));
  assert_near (out.per_hour, 4000.0 / 8760 + 0.03);
  assert_rel (out.per_hour, 0.486621, 1e-6);
  assert_rel (out.per_mtok, 0.158143, 1e-5);
  assert_near (out.power_load_w, 200);
  assert_near (rw_estimate_cost_after_hours (&out, &workload, 1000), 4000 + 30);

  /* No hours of use: nothing to spread the price over. */
  workload.hours_per_day = 0;
  out = estimate (system, &workload);
  g_assert_true (isnan (out.per_hour));
  g_assert_true (isnan (out.per_mtok));

  /* A training run has no decode speed: per hour stays, per token not. */
  workload.hours_per_day = 8;
  workload.mode = RW_MODE_LORA;
  out = estimate (system, &workload);
  g_assert_true (isfinite (out.per_hour));
  g_assert_true (isnan (out.per_mtok));
}

/* Break-even of the unified fixture against the cloud fixture:
 * 4000 / (2.50 − 0.2 · 0.15) = 4000 / 2.47 = 1619.433 hours, where both
 * cumulative costs are 4048.58. Against a two-GPU instance ($5.00):
 * 4000 / 4.97 = 804.829 hours. Renting at $0.02 an hour costs less than
 * the owned machine's $0.03 of electricity: never (INFINITY). */
static void
test_cost_break_even (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) owned = fixture_unified ();
  g_autoptr(RwSystem) cloud = fixture_cloud ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate o = estimate (owned, &workload);
  RwEstimate c = estimate (cloud, &workload);
  double hours = rw_estimate_break_even_hours (&o, &c, &workload);

  assert_near (hours, 4000 / 2.47);
  assert_rel (hours, 1619.433, 1e-6);
  assert_near (rw_estimate_cost_after_hours (&o, &workload, hours),
               rw_estimate_cost_after_hours (&c, &workload, hours));
  assert_rel (rw_estimate_cost_after_hours (&c, &workload, hours), 4048.583, 1e-6);

  /* Not defined between two owned or two cloud systems, nor backwards. */
  g_assert_true (isnan (rw_estimate_break_even_hours (&c, &o, &workload)));
  g_assert_true (isnan (rw_estimate_break_even_hours (&o, &o, &workload)));

  cloud->n_devices = 2;
  c = estimate (cloud, &workload);
  assert_near (rw_estimate_break_even_hours (&o, &c, &workload), 4000 / 4.97);

  cloud->n_devices = 1;
  cloud->price_per_hour.value = 0.02;
  c = estimate (cloud, &workload);
  g_assert_true (isinf (rw_estimate_break_even_hours (&o, &c, &workload)));

  /* An unknown power draw leaves it unknown, not never. */
  cloud->price_per_hour.value = 2.5;
  c = estimate (cloud, &workload);
  owned->power_load.value = NAN;
  o = estimate (owned, &workload);
  g_assert_true (isnan (rw_estimate_break_even_hours (&o, &c, &workload)));
}

/* Without a host pool a cloud GPU never spills: what VRAM cannot hold does
 * not fit. Toy bf16 weighs 0.25 GB; with 0.1 GB usable it does not fit
 * and the capacity is the VRAM alone. */
static void
test_cost_cloud_memory (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_cloud ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out;

  system->device_usable.value = 0.1e9;
  system->device_memory.value = 0.1e9;
  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_DOES_NOT_FIT);
  assert_near (out.memory.capacity, 0.1e9);
  g_assert_cmpfloat (out.memory.spill, >, 0);
}

/* What rw_system_validate() says about prices by kind. */
static void
test_cost_validate_kinds (void)
{
  g_autoptr(RwSystem) cloud = fixture_cloud ();
  g_autoptr(RwSystem) owned = fixture_unified ();
  g_autoptr(GError) error = NULL;

  cloud->price_per_hour.value = NAN;
  g_assert_false (rw_system_validate (cloud, &error));
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "price_per_hour"));
  g_clear_error (&error);

  cloud->price_per_hour.value = 2.5;
  cloud->price.value = 30000;
  g_assert_false (rw_system_validate (cloud, &error));
  g_assert_nonnull (strstr (error->message, "purchase price"));
  g_clear_error (&error);

  owned->price_per_hour.value = 1;
  g_assert_false (rw_system_validate (owned, &error));
  g_clear_error (&error);

  /* An owned system whose price is not published is valid; its cost
   * figures are then unknown. */
  owned->price_per_hour.value = NAN;
  owned->price.value = NAN;
  g_assert_true (rw_system_validate (owned, &error));
  g_assert_no_error (error);
  owned->price.value = -1;
  g_assert_false (rw_system_validate (owned, &error));
}

/* The JSON of [owned, cloud]: kinds, the new cost fields and the
 * break-even keyed by the cloud system's id (1619.433 h, as above); a
 * cloud result has "break_even_hours": null; an unknown is null too. */
static void
test_cost_json (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) owned = fixture_unified ();
  g_autoptr(RwSystem) cloud = fixture_cloud ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate estimates[2];
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o_cost, *c_cost, *result;
  JsonArray *results;

  estimates[0] = estimate (owned, &workload);
  estimates[1] = estimate (cloud, &workload);
  root = rw_estimates_to_json (&workload, estimates, 2);
  results = json_object_get_array_member (json_node_get_object (root), "results");

  result = json_array_get_object_element (results, 0);
  g_assert_cmpstr (json_object_get_string_member (result, "kind"), ==, "owned");
  o_cost = json_object_get_object_member (result, "cost");
  assert_rel (json_object_get_double_member (o_cost, "per_hour"), 0.486621, 1e-6);
  assert_near (json_object_get_double_member (o_cost, "power_load_w"), 200);
  assert_rel (json_object_get_double_member (json_object_get_object_member (o_cost, "break_even_hours"),
                                             "toy-cloud"), 1619.433, 1e-6);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (o_cost, "break_even_hours")), ==, 1);

  result = json_array_get_object_element (results, 1);
  g_assert_cmpstr (json_object_get_string_member (result, "kind"), ==, "cloud");
  c_cost = json_object_get_object_member (result, "cost");
  assert_near (json_object_get_double_member (c_cost, "per_hour"), 2.5);
  g_assert_true (json_object_get_null_member (c_cost, "break_even_hours"));
  g_assert_true (json_object_get_null_member (c_cost, "price"));
  g_assert_true (json_object_get_null_member (c_cost, "energy_per_year"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cost/unified", test_cost_unified);
  g_test_add_func ("/cost/components", test_cost_components);
  g_test_add_func ("/cost/not-applicable", test_cost_not_applicable);
  g_test_add_func ("/cost/cloud", test_cost_cloud);
  g_test_add_func ("/cost/owned-per-hour", test_cost_owned_per_hour);
  g_test_add_func ("/cost/break-even", test_cost_break_even);
  g_test_add_func ("/cost/cloud-memory", test_cost_cloud_memory);
  g_test_add_func ("/cost/validate-kinds", test_cost_validate_kinds);
  g_test_add_func ("/cost/json", test_cost_json);

  return g_test_run ();
}
