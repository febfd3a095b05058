/* rw-benchmark.c: measured throughput rows of the bundled catalog
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rw-benchmark.h"

RwBenchmark *
rw_benchmark_new (void)
{
  RwBenchmark *benchmark = g_new0 (RwBenchmark, 1);

  benchmark->batch = 1;
  benchmark->api = -1;
  return benchmark;
}

void
rw_benchmark_free (RwBenchmark *benchmark)
{
  if (benchmark == NULL)
    return;
  g_free (benchmark->system_id);
  g_free (benchmark->model_id);
  g_free (benchmark->weights_id);
  g_free (benchmark->runtime);
  g_free (benchmark->build);
  g_free (benchmark->date);
  g_free (benchmark->source);
  g_free (benchmark->note);
  g_free (benchmark->exclude);
  g_free (benchmark);
}
