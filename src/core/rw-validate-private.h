/* rw-validate-private.h: what validation and calibration share
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-estimate.h"
#include "rw-validate.h"

G_BEGIN_DECLS

/* The workload llama-bench ran for @benchmark (f16 KV cache @kv). FALSE
 * when the catalog lacks the row's model or format (@why says which). */
gboolean _rw_validate_workload  (RwCatalog         *catalog,
                                 const RwBenchmark *benchmark,
                                 const RwFormat    *kv,
                                 RwWorkload        *workload,
                                 char             **why);
/* The figure of @estimate that @benchmark measured, tok/s. */
double   _rw_validate_figure    (const RwBenchmark *benchmark,
                                 const RwEstimate  *estimate);
/* The f16 KV-cache format llama-bench uses, or NULL. */
const RwFormat *_rw_validate_kv (RwCatalog         *catalog);

G_END_DECLS
