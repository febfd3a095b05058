/* rw-estimate.h: memory, speed and cost of one workload on one system
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rw-system.h"
#include "rw-workload.h"

G_BEGIN_DECLS

typedef struct
{
  double  weights;
  double  kv_cache;       /* KV cache and, of hybrids, the recurrent state */
  double  activations;
  double  gradients;
  double  optimizer;
  double  overhead;       /* runtime: CUDA context, compute buffers */
  double  total;
  double  capacity;       /* what the workload may use: usable unified, or VRAM + host RAM */
  double  device_capacity;/* usable unified memory or VRAM */
  double  spill;          /* bytes that live in host RAM (discrete only) */
  double  state;          /* of kv_cache: linear-attention and Mamba2 state, fixed per sequence */
} RwMemoryBreakdown;

/* Where the weights are, on a discrete GPU that cannot hold them all. */
typedef enum
{
  RW_PLACEMENT_DEVICE,          /* everything in the fast pool */
  RW_PLACEMENT_LAYER_SPLIT,     /* whole trailing layers on the GPU, the rest in host RAM (-ngl) */
  RW_PLACEMENT_EXPERT_OFFLOAD,  /* every layer on the GPU but the routed experts of the first
                                 * cpu_moe_layers in host RAM (--n-cpu-moe) */
} RwPlacementKind;

const char *rw_placement_to_string (RwPlacementKind placement);

typedef struct
{
  const RwSystem    *system;
  RwFit              fit;
  /* Chosen automatically: of a layer split and an expert offload, the one
   * that decodes faster. */
  RwPlacementKind    placement;
  guint              cpu_moe_layers;
  RwMemoryBreakdown  memory;          /* bytes */
  guint              layers_on_device;
  guint              layers_on_host;

  /* Speed; NAN where a figure does not apply (training speed of an
   * inference workload, anything that does not fit). */
  double             decode_tok_s;        /* per sequence */
  double             decode_tok_s_total;  /* aggregate over the batch */
  double             prefill_tok_s;
  double             ttft_s;
  double             train_tok_s;
  gboolean           decode_compute_bound;
  RwPrecision        prefill_precision;   /* the peak actually used */
  /* The runtime's backend on this system (NULL: none, the older
   * per-system efficiencies applied) and the kernels prefill ran on: the
   * dense tensors' and the routed experts'. */
  const RwBackend   *backend;
  RwKernel           prefill_kernel;
  RwKernel           expert_kernel;
  double             decode_efficiency;   /* the efficiencies used, to show them */
  double             prefill_efficiency;

  /* Cost, in the system's currency; NAN where a figure does not apply. */
  double             price;
  double             per_tflop[RW_PRECISION_N];  /* NAN: peak not published */
  double             per_gb;                     /* per GB (1e9 B) of device capacity */
  double             per_decode_tok_s;
  double             energy_per_mtok;            /* electricity per million decoded tokens */
  double             energy_per_year;
  double             tco;                        /* price + energy over the workload's years;
                                                    cloud: the rent over them */
  /* Rent or buy (README "How Rigwise computes"): what an hour of use
   * costs — the hourly price of a cloud system, or an owned system's price
   * spread over years × 365 × hours a day plus its energy at load — and
   * that per million decoded tokens at the estimate's speed. */
  double             per_hour;
  double             per_mtok;
  double             power_load_w;               /* W at load; NAN: not published */

  /* TRUE when the system has no efficiencies for the workload's runtime and
   * uncalibrated defaults were used (see rw-estimate-private.h). */
  gboolean           efficiency_uncalibrated;
} RwEstimate;

/* Pure and allocation-free: fills @out for @workload on @system. Fails only
 * when the workload is invalid (see rw_workload_validate()). */
gboolean  rw_estimate          (const RwSystem    *system,
                                const RwWorkload  *workload,
                                RwEstimate        *out,
                                GError           **error);

/* Total cost of ownership after @years of use: price + energy. */
double    rw_estimate_tco_at   (const RwSystem    *system,
                                const RwWorkload  *workload,
                                double             years);

/* Hours of use after which owning @owned costs less than renting @cloud
 * (both estimates of @workload): price / (hourly − W_load / 1000 × price
 * per kWh). INFINITY where renting never costs more (the hourly price does
 * not exceed the owned system's electricity), NAN where a figure is
 * unknown or @owned is not owned or @cloud not rented. */
double    rw_estimate_break_even_hours (const RwEstimate  *owned,
                                        const RwEstimate  *cloud,
                                        const RwWorkload  *workload);
/* Cumulative cost of @hours of use, the rent-or-buy chart's lines: an
 * owned system's price plus its energy at load, or a cloud system's
 * rent. NAN where a figure is unknown. */
double    rw_estimate_cost_after_hours (const RwEstimate  *estimate,
                                        const RwWorkload  *workload,
                                        double             hours);

G_END_DECLS
