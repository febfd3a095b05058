/* rw-validate.h: predictions against the catalog's measured benchmarks
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rw-benchmark.h"
#include "rw-catalog.h"

G_BEGIN_DECLS

/* One benchmark row with what the core predicts for it. The workload is
 * llama-bench's: weights in the row's format, an f16 KV cache, @depth
 * tokens already cached, ppN = prefill of N tokens, tgN = decode of N
 * tokens, the row's batch (aggregate decode when > 1). */
typedef struct
{
  const RwBenchmark *benchmark;   /* owned by the catalog */
  double             predicted;   /* tok/s; NAN when not predicted (see skip_reason) */
  double             error;       /* (predicted - measured) / measured; NAN if not predicted */
  char              *skip_reason; /* why there is no prediction, else NULL */
} RwValidationRow;

/* Errors over a group of rows: absolute relative errors |p - m| / m. The
 * scale is the factor on the efficiency in use that minimises the median
 * error (least median of absolute errors; ties go to the median of
 * measured / predicted): how the bundled efficiencies were calibrated.
 * NAN when the group has no row of that kind. */
typedef struct
{
  char    *system_id;         /* NULL for the overall summary */
  char    *runtime;           /* "llama.cpp"; NULL for the overall summary */
  guint    n_decode;
  guint    n_prefill;
  double   decode_median;
  double   decode_worst;
  double   decode_scale;
  double   prefill_median;
  double   prefill_worst;
  double   prefill_scale;
} RwValidationSummary;

typedef struct
{
  GArray              *rows;       /* RwValidationRow, in catalog order */
  GPtrArray           *systems;    /* RwValidationSummary* per system and runtime with rows, catalog system order */
  RwValidationSummary  overall;
  guint                n_skipped;
  RwCatalog           *catalog;    /* keeps the benchmarks alive */
} RwValidation;

/* Predicts every benchmark row of @catalog. Rows whose model, format or
 * system is missing, or whose workload does not fit, are kept with a
 * skip_reason and left out of the summaries. Fails only when the catalog
 * has no KV format for an f16 cache. */
RwValidation *rw_validate            (RwCatalog          *catalog,
                                      GError            **error);
void          rw_validation_free     (RwValidation       *validation);
/* The first summary of @system_id (its first runtime), or the overall one
 * for NULL; NULL when the system has no rows. */
const RwValidationSummary *
              rw_validation_lookup   (const RwValidation *validation,
                                      const char         *system_id);

/* The median of @n values (sorts @values in place); NAN when @n is 0. */
double        rw_median              (double             *values,
                                      guint               n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwValidation, rw_validation_free)

G_END_DECLS
