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
 * tokens, the row's batch (aggregate decode when > 1), its API and ubatch. */
typedef struct
{
  const RwBenchmark *benchmark;   /* owned by the catalog */
  const RwSystem    *system;      /* the system or calibration device it ran on */
  const RwBackend   *backend;     /* the backend predicting it; NULL: per-system efficiencies */
  double             predicted;   /* tok/s; NAN when not predicted (see skip_reason) */
  double             error;       /* (predicted - measured) / measured; NAN if not predicted */
  /* Out of sample: predicted by the backend fitted without this row's
   * source (RW_VALIDATE_CROSS); NAN when not computed. */
  double             cv_predicted;
  double             cv_error;
  char              *skip_reason; /* why there is no prediction, else NULL */
  /* Why the measurement is impossible on this hardware (it implies more
   * bandwidth or FLOP/s than the peak), else NULL: never calibrated on. */
  char              *reject_reason;
} RwValidationRow;

/* The row takes part in statistics and calibration: predicted, not
 * rejected, not excluded by its catalog entry ("exclude"). */
gboolean rw_validation_row_counts (const RwValidationRow *row);

/* Errors over a group of rows: absolute relative errors |p - m| / m. The
 * scale is the factor on the efficiency in use that minimises the median
 * error (least median of absolute errors). NAN when the group has no row
 * of that kind. */
typedef struct
{
  char    *system_id;         /* NULL for the overall summary */
  char    *runtime;           /* "llama.cpp"; NULL for the overall summary */
  char    *backend;           /* "llama.cpp/cuda", NULL where efficiencies applied */
  gboolean device;            /* a calibration device, not a system to compare */
  guint    n_decode;
  guint    n_prefill;
  double   decode_median;
  double   decode_worst;
  double   decode_scale;
  double   prefill_median;
  double   prefill_worst;
  double   prefill_scale;
  /* Cross-validated (leave one source out); n 0 and NAN without them. */
  guint    n_cv_decode;
  guint    n_cv_prefill;
  double   cv_decode_median;
  double   cv_decode_worst;
  double   cv_prefill_median;
  double   cv_prefill_worst;
} RwValidationSummary;

typedef struct
{
  GArray              *rows;       /* RwValidationRow, in catalog order */
  /* RwValidationSummary* per system (then device) and backend with rows,
   * catalog order. */
  GPtrArray           *systems;
  GPtrArray           *backends;   /* RwValidationSummary* per backend (system_id NULL) */
  RwValidationSummary  overall;
  guint                n_skipped;
  guint                n_rejected;
  guint                n_excluded;
  RwCatalog           *catalog;    /* keeps the benchmarks alive */
} RwValidation;

typedef enum
{
  RW_VALIDATE_DEFAULT = 0,
  /* Also refit each backend without each source in turn and predict that
   * source's rows out of sample (slow: a fit per source and backend). */
  RW_VALIDATE_CROSS = 1 << 0,
  /* Also the least-median scale of each summary (quadratic in its rows). */
  RW_VALIDATE_SCALES = 1 << 1,
  /* Only predict the rows: no summaries (the app's evidence). */
  RW_VALIDATE_ROWS_ONLY = 1 << 2,
} RwValidateFlags;

/* Predicts every benchmark row of @catalog. Rows whose model, format or
 * system is missing, or whose workload does not fit, are kept with a
 * skip_reason and left out of the summaries, as are rejected and excluded
 * rows. Fails only when the catalog has no KV format for an f16 cache. */
RwValidation *rw_validate_full      (RwCatalog          *catalog,
                                     RwValidateFlags     flags,
                                     GError            **error);
/* rw_validate_full() with RW_VALIDATE_SCALES. */
RwValidation *rw_validate            (RwCatalog          *catalog,
                                      GError            **error);
void          rw_validation_free     (RwValidation       *validation);
/* The first summary of @system_id (its first backend), or the overall one
 * for NULL; NULL when the system has no rows. */
const RwValidationSummary *
              rw_validation_lookup   (const RwValidation *validation,
                                      const char         *system_id);

/* A backend's parameters fitted on rows (rw-calibrate.c): the backend and
 * the matmul_scale of each chip that carries one. */
typedef struct
{
  RwBackend  *backend;       /* a fitted copy */
  GHashTable *scales;        /* system or device id → double* matmul_scale */
  guint       n_rows;        /* rows it was fitted on */
  double      loss;          /* Σ w · ln²(predicted / measured) */
} RwCalibration;

/* Fits @backend_id on the counting rows of @validation that ran on it,
 * leaving out those from @skip_source (NULL: none). Parameters the rows do
 * not exercise keep the catalog's values. NULL when no row is left. */
RwCalibration *rw_calibrate          (const RwValidation *validation,
                                      const char         *backend_id,
                                      const char         *skip_source);
void           rw_calibration_free   (RwCalibration      *calibration);

/* The median of @n values (sorts @values in place); NAN when @n is 0. */
double        rw_median              (double             *values,
                                      guint               n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwValidation, rw_validation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwCalibration, rw_calibration_free)

G_END_DECLS
