/* rw-estimate-json.h: workloads and estimates as JSON (rigwise-cli --json, exports)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rw-estimate.h"
#include "rw-workload.h"

G_BEGIN_DECLS

/* The stable JSON shape scripts depend on (see README "rigwise-cli"):
 *
 *   {"answer": {"summary", "best": {"fit", "decode", …}}, "warnings": […],
 *    "workload": {…}, "results": [{"system", "name", "fit", "memory": {…},
 *    "layers_on_device", "layers_on_host", "decode_tok_s", …, "cost": {…}}]}
 *
 * Byte counts are integers; a figure that does not apply (NAN in the
 * estimate) is null. */

/* Adds the workload as one object value to @builder (which must be
 * expecting a value: at the top, after a member name or inside an array). */
void       rw_workload_to_json_builder (JsonBuilder       *builder,
                                        const RwWorkload  *workload);
/* Adds one estimate (one entry of "results") as an object value, without
 * "cost.break_even_hours" (which needs the compared systems). */
void       rw_estimate_to_json_builder (JsonBuilder       *builder,
                                        const RwEstimate  *estimate);
/* The same with "cost.break_even_hours" against the cloud systems among
 * @compared (estimates of @workload; @estimate may be one of them). */
void       rw_estimate_to_json_builder_compared (JsonBuilder      *builder,
                                                 const RwEstimate *estimate,
                                                 const RwEstimate *compared,
                                                 guint             n_compared,
                                                 const RwWorkload *workload);
/* The whole document for @n_estimates estimates of @workload. */
JsonNode  *rw_estimates_to_json        (const RwWorkload  *workload,
                                        const RwEstimate  *estimates,
                                        guint              n_estimates);
/* The same, pretty-printed, with a final newline. */
char      *rw_estimates_to_json_string (const RwWorkload  *workload,
                                        const RwEstimate  *estimates,
                                        guint              n_estimates);

G_END_DECLS
