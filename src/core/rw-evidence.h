/* rw-evidence.h: the measured rows nearest a workload on a system
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rw-estimate.h"
#include "rw-validate.h"
#include "rw-workload.h"

G_BEGIN_DECLS

/* One measured row shown next to an estimate, with what the core predicts
 * for it. Borrowed from an RwValidation. */
typedef struct
{
  const RwValidationRow *row;
  double                 distance;   /* how far from the workload (0: the same test) */
} RwEvidence;

/* TRUE when @row ran on the same chip as @system: the system itself, or a
 * machine with the same compute API and per-device bandwidth (a Spark
 * pair's node, a partner GB10, a second RTX 5090; GB202 cards alike). */
gboolean rw_evidence_same_chip   (const RwValidationRow *row,
                                  const RwSystem        *system);

/* Up to @max rows of @validation nearest @workload on @system's chip:
 * counting rows (rw_validation_row_counts()), the same model first, then a
 * similar size, the same format, the same kind of test (decode or
 * prefill: the nearest of each are taken in turn), then depth and batch.
 * Allocation-free; returns how many were written to @out. */
guint    rw_evidence_nearest     (const RwValidation    *validation,
                                  const RwSystem        *system,
                                  const RwWorkload      *workload,
                                  RwEvidence            *out,
                                  guint                  max);

/* Adds "evidence": [{"source", "model", "format", "test", "depth", "batch",
 * "machine", "build", "measured", "predicted"}] as an array value. */
void     rw_evidence_to_json_builder (JsonBuilder      *builder,
                                      const RwEvidence *evidence,
                                      guint             n);

/* Adds "evidence" (at most @max rows each) to every result of a document
 * from rw_estimates_to_json() for @estimates of @workload. */
void     rw_evidence_add_to_results  (JsonNode           *document,
                                      const RwValidation *validation,
                                      const RwWorkload   *workload,
                                      const RwEstimate   *estimates,
                                      guint               n_estimates,
                                      guint               max);

G_END_DECLS
