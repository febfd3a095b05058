/* rw-estimate.c: memory, speed and cost of one workload on one system
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure and allocation-free (on valid input): the UI re-estimates every
 * system on each keystroke and the sweep charts call it millions of times.
 * The formulas and their sources are in README.md, "How Rigwise computes".
 */
#include <math.h>

#include "rw-estimate.h"
#include "rw-estimate-private.h"

gboolean
rw_estimate (const RwSystem    *system,
             const RwWorkload  *workload,
             RwEstimate        *out,
             GError           **error)
{
  RwShape shape;
  RwPlacement placement;

  g_return_val_if_fail (system != NULL, FALSE);
  g_return_val_if_fail (workload != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rw_workload_validate (workload, error))
    return FALSE;

  *out = (RwEstimate) { .system = system };
  _rw_shape_init (&shape, workload);
  _rw_memory_estimate (system, workload, &shape, &placement, out);
  _rw_speed_estimate (system, workload, &shape, &placement, out);

  /* A mixture of experts that spills: keeping its routed experts in host
   * RAM instead of whole layers may decode faster; take the faster. */
  if (out->fit == RW_FIT_SPILLS && workload->mode == RW_MODE_INFERENCE)
    {
      RwEstimate offload = *out;
      RwPlacement offload_placement;

      if (_rw_memory_expert_offload (system, workload, &shape, &offload_placement, &offload))
        {
          _rw_speed_estimate (system, workload, &shape, &offload_placement, &offload);
          if (offload.fit != RW_FIT_DOES_NOT_FIT && offload.decode_tok_s > out->decode_tok_s)
            *out = offload;
        }
    }
  _rw_cost_estimate (system, workload, out);
  return TRUE;
}

const char *
rw_placement_to_string (RwPlacementKind placement)
{
  switch (placement)
    {
    case RW_PLACEMENT_DEVICE:
      return "device";
    case RW_PLACEMENT_LAYER_SPLIT:
      return "layer-split";
    case RW_PLACEMENT_EXPERT_OFFLOAD:
      return "expert-offload";
    default:
      g_return_val_if_reached (NULL);
    }
}
