/* rw-benchmark.h: measured throughput rows and checking predictions on them
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RW_BENCHMARK_PREFILL,   /* llama-bench ppN */
  RW_BENCHMARK_DECODE,    /* llama-bench tgN */
} RwBenchmarkKind;

/* One measured row of the bundled benchmarks (from
 * shared/reference/benchmarks.csv), tied to catalog ids. */
typedef struct
{
  char            *system_id;
  char            *model_id;
  char            *weights_id;   /* format id: "q4_k_m", "mxfp4" */
  char            *runtime;      /* "llama.cpp" */
  int              api;          /* RwApi the row ran on; -1: the system's default */
  guint            ubatch;       /* llama-bench -ub; 0: the backend's default */
  RwBenchmarkKind  kind;
  guint            tokens;       /* N of ppN / tgN */
  guint            depth;
  guint            batch;
  double           tok_s;
  char            *build;
  char            *date;
  char            *source;
  char            *note;
  char            *exclude;      /* why the row is kept out of calibration, else NULL */
} RwBenchmark;

RwBenchmark *rw_benchmark_new  (void);
void         rw_benchmark_free (RwBenchmark *benchmark);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwBenchmark, rw_benchmark_free)

G_END_DECLS
