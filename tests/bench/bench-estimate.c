/* bench-estimate.c: how fast the core estimates (meson benchmark, suite bench)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two figures, as the README's "Performance" section records them:
 *  1. the time to estimate every catalog system for one workload (the
 *     work behind one redraw of the app; target ≤ 2 µs);
 *  2. estimates per second over a sweep of contexts × weight formats ×
 *     systems on one core (target ≥ 1 M/s).
 * Time is this thread's CPU time (the machine is shared: wall time would
 * count the neighbours' turns), and each figure is the best of several
 * rounds.
 */
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "rigwise-core.h"

#define ROUNDS 7

static volatile double sink;

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
estimate_all (RwSystem        **systems,
              guint             n_systems,
              const RwWorkload *workload,
              RwEstimate       *out)
{
  for (guint s = 0; s < n_systems; s++)
    {
      if (!rw_estimate (systems[s], workload, &out[s], NULL))
        g_error ("rw_estimate failed on %s", systems[s]->id);
    }
  sink += out[0].decode_tok_s;
}

int
main (int   argc,
      char *argv[])
{
  static const guint contexts[] = { 2048, 4096, 8192, 16384, 32768, 65536, 131072 };
  static const char * const weight_ids[] = { "bf16", "fp8", "q8_0", "q6_k", "q4_k_m", "q4_0", "mxfp4", "nvfp4" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCatalog) catalog = rw_catalog_new_default (&error);
  g_autofree RwSystem **systems = NULL;
  g_autofree RwEstimate *estimates = NULL;
  g_autoptr(GPtrArray) formats = g_ptr_array_new ();
  RwWorkload workload;
  guint n_systems, iterations;
  double best_all = INFINITY, best_rate = 0;
  guint64 sweep_count = 0;

  if (catalog == NULL)
    g_error ("catalog: %s", error->message);

  n_systems = rw_catalog_get_n_systems (catalog);
  systems = g_new (RwSystem *, n_systems);
  estimates = g_new0 (RwEstimate, n_systems);
  for (guint s = 0; s < n_systems; s++)
    systems[s] = rw_catalog_get_system (catalog, s);

  rw_workload_init (&workload);
  workload.model = rw_catalog_lookup_model (catalog, "llama-3.3-70b");
  workload.weights = rw_catalog_lookup_format (catalog, "q4_k_m");
  workload.kv = rw_catalog_lookup_format (catalog, "f16");
  workload.context = 32768;
  if (workload.model == NULL || workload.weights == NULL || workload.kv == NULL)
    g_error ("the catalog lacks llama-3.3-70b, q4_k_m or f16");
  for (guint f = 0; f < G_N_ELEMENTS (weight_ids); f++)
    {
      const RwFormat *format = rw_catalog_lookup_format (catalog, weight_ids[f]);

      if (format != NULL && format->for_weights)
        g_ptr_array_add (formats, (gpointer) format);
    }

  /* 1. One workload on every system. */
  iterations = g_getenv ("RIGWISE_VALGRIND") != NULL ? 100 : 200000;
  for (guint r = 0; r < ROUNDS; r++)
    {
      double t0 = now (), dt;

      for (guint i = 0; i < iterations; i++)
        estimate_all (systems, n_systems, &workload, estimates);
      dt = (now () - t0) / iterations;
      best_all = MIN (best_all, dt);
    }

  /* 2. A sweep: contexts × formats × systems, the app's chart data. */
  for (guint r = 0; r < ROUNDS; r++)
    {
      RwWorkload w = workload;
      guint64 count = 0;
      double t0 = now (), dt;
      guint repeats = g_getenv ("RIGWISE_VALGRIND") != NULL ? 1 : 2000;

      for (guint rep = 0; rep < repeats; rep++)
        for (guint c = 0; c < G_N_ELEMENTS (contexts); c++)
          for (guint f = 0; f < formats->len; f++)
            {
              w.context = contexts[c];
              w.weights = g_ptr_array_index (formats, f);
              estimate_all (systems, n_systems, &w, estimates);
              count += n_systems;
            }
      dt = now () - t0;
      best_rate = MAX (best_rate, count / dt);
      sweep_count = count;
    }

  printf ("systems: %u, sweep: %zu contexts × %u formats × %u systems = %" G_GUINT64_FORMAT " estimates per round\n",
          n_systems, G_N_ELEMENTS (contexts), formats->len, n_systems,
          sweep_count / (g_getenv ("RIGWISE_VALGRIND") != NULL ? 1 : 2000));
  printf ("all systems, one workload: %.3f µs CPU (%.1f ns per system; target ≤ 2 µs)\n",
          best_all * 1e6, best_all * 1e9 / n_systems);
  printf ("sweep: %.2f M estimates/s on one core (target ≥ 1 M/s)\n", best_rate / 1e6);
  return 0;
}
