/* test-system.c: the system type: references, copies, peaks, validation
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rw-test-fixtures.h"

static void
test_system_ref_copy (void)
{
  g_autoptr(RwSystem) system = fixture_discrete ();
  g_autoptr(RwSystem) copy = NULL;
  RwSystem *ref;

  ref = rw_system_ref (system);
  g_assert_true (ref == system);
  rw_system_unref (ref);

  copy = rw_system_copy (system);
  g_assert_true (copy != system);
  g_assert_cmpstr (copy->id, ==, "toy-discrete");
  g_assert_true (copy->id != system->id);
  g_assert_cmpint (copy->memory_model, ==, RW_MEMORY_DISCRETE);
  assert_near (copy->host_bandwidth.value, 50e9);
  g_assert_cmpstr (copy->host_bandwidth.source, ==, system->host_bandwidth.source);
  g_assert_cmpuint (copy->components->len, ==, 3);
  g_assert_cmpuint (copy->efficiencies->len, ==, 1);
  assert_near (rw_system_total_price (copy), 2800);

  /* The copy is independent. */
  copy->device_usable.value = 1;
  assert_near (system->device_usable.value, 10e9);

  /* The boxed type copies by reference. */
  {
    RwSystem *boxed = g_boxed_copy (RW_TYPE_SYSTEM, system);

    g_assert_true (boxed == system);
    g_boxed_free (RW_TYPE_SYSTEM, boxed);
  }
}

/* A new system knows nothing: device figures NAN, host and link 0. */
static void
test_system_new (void)
{
  g_autoptr(RwSystem) system = rw_system_new ();

  g_assert_cmpuint (system->n_devices, ==, 1);
  g_assert_true (isnan (system->device_usable.value));
  g_assert_true (isnan (system->peak[RW_PRECISION_FP16].value));
  g_assert_cmpfloat (system->host_memory.value, ==, 0);
  g_assert_true (isnan (rw_system_total_price (system)));
  g_assert_null (rw_system_get_efficiency (system, "llama.cpp"));
}

static void
test_system_efficiency (void)
{
  g_autoptr(RwSystem) system = fixture_unified ();
  const RwEfficiency *efficiency;

  fixture_add_efficiency (system, "mlx", 0.9, 0, 0.6, 0.5);
  efficiency = rw_system_get_efficiency (system, "mlx");
  g_assert_nonnull (efficiency);
  assert_near (efficiency->decode_bandwidth, 0.9);
  efficiency = rw_system_get_efficiency (system, "llama.cpp");
  assert_near (efficiency->decode_bandwidth, 0.8);
  g_assert_null (rw_system_get_efficiency (system, "vllm"));
  g_assert_null (rw_system_get_efficiency (system, NULL));
}

/* FP4 → FP8 → FP16 → FP32; INT8 → FP16. */
static void
test_system_effective_peak (void)
{
  g_autoptr(RwSystem) system = fixture_unified ();
  RwPrecision used = RW_PRECISION_FP32;

  assert_near (rw_system_effective_peak (system, RW_PRECISION_FP4, &used), 200e12);
  g_assert_cmpint (used, ==, RW_PRECISION_FP8);
  assert_near (rw_system_effective_peak (system, RW_PRECISION_INT8, &used), 100e12);
  g_assert_cmpint (used, ==, RW_PRECISION_FP16);
  assert_near (rw_system_effective_peak (system, RW_PRECISION_FP16, NULL), 100e12);
  g_assert_true (isnan (rw_system_effective_peak (system, RW_PRECISION_FP32, &used)));
  g_assert_cmpint (used, ==, RW_PRECISION_FP32);

  fixture_set (&system->peak[RW_PRECISION_FP4], 400e12);
  assert_near (rw_system_effective_peak (system, RW_PRECISION_FP4, &used), 400e12);
  g_assert_cmpint (used, ==, RW_PRECISION_FP4);
}

typedef void (*Breaker) (RwSystem *system);

static void no_id (RwSystem *s) { g_clear_pointer (&s->id, g_free); }
static void no_devices (RwSystem *s) { s->n_devices = 0; }
static void nan_usable (RwSystem *s) { s->device_usable.value = NAN; }
static void usable_above_installed (RwSystem *s) { s->device_usable.value = 20e9; }
static void zero_bandwidth (RwSystem *s) { s->device_bandwidth.value = 0; }
static void no_host (RwSystem *s) { s->host_memory.value = 0; }
static void negative_link (RwSystem *s) { s->link_bandwidth.value = -1; }
static void negative_peak (RwSystem *s) { s->peak[RW_PRECISION_FP8].value = -1; }
static void infinite_power (RwSystem *s) { s->power_load.value = INFINITY; }
static void bad_currency (RwSystem *s) { g_free (s->currency); s->currency = g_strdup ("dollars"); }
static void free_part (RwSystem *s) { ((RwComponent *) g_ptr_array_index (s->components, 0))->price.value = 0; }
static void no_parts (RwSystem *s) { ((RwComponent *) g_ptr_array_index (s->components, 1))->quantity = 0; }
static void bad_efficiency (RwSystem *s) { ((RwEfficiency *) g_ptr_array_index (s->efficiencies, 0))->decode_bandwidth = 1.5; }
static void bad_latency (RwSystem *s) { ((RwEfficiency *) g_ptr_array_index (s->efficiencies, 0))->decode_latency = -0.001; }

static void
test_system_validate (void)
{
  const struct { Breaker breaker; const char *field; } cases[] = {
    { no_id, "“id”" },
    { no_devices, "“n_devices”" },
    { nan_usable, "“device_usable”" },
    { usable_above_installed, "“device_usable”" },
    { zero_bandwidth, "“device_bandwidth”" },
    { no_host, "“host_memory”" },
    { negative_link, "“link_bandwidth”" },
    { negative_peak, "“fp8”" },
    { infinite_power, "“power_load”" },
    { bad_currency, "“currency”" },
    { free_part, "“components.price”" },
    { no_parts, "“components.quantity”" },
    { bad_efficiency, "“efficiency”" },
    { bad_latency, "“efficiency.decode_latency”" },
  };
  g_autoptr(RwSystem) good = fixture_discrete ();
  g_autoptr(RwSystem) unified = fixture_unified ();

  g_assert_true (rw_system_validate (good, NULL));
  /* Unified systems have no host memory or link, and that is fine. */
  g_assert_true (rw_system_validate (unified, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RwSystem) system = fixture_discrete ();
      g_autoptr(GError) error = NULL;

      cases[i].breaker (system);
      g_assert_false (rw_system_validate (system, &error));
      g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE);
      if (strstr (error->message, cases[i].field) == NULL)
        g_error ("case %u: “%s” does not name %s", i, error->message, cases[i].field);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/system/ref-copy", test_system_ref_copy);
  g_test_add_func ("/system/new", test_system_new);
  g_test_add_func ("/system/efficiency", test_system_efficiency);
  g_test_add_func ("/system/effective-peak", test_system_effective_peak);
  g_test_add_func ("/system/validate", test_system_validate);

  return g_test_run ();
}
