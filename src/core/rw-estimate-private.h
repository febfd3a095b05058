/* rw-estimate-private.h: the parts of rw_estimate() (memory, speed, cost)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-estimate.h"

G_BEGIN_DECLS

#define RW_GIB (1024.0 * 1024.0 * 1024.0)

/* Runtime memory outside weights, KV and activations: the CUDA context and
 * cuBLAS workspace take about 0.5 GiB per GPU (llama.cpp, PyTorch alike);
 * the same allowance is made for Metal/ROCm/Vulkan devices. */
#define RW_RUNTIME_OVERHEAD_PER_DEVICE (0.5 * RW_GIB)
/* Host RAM kept free for the OS and desktop when layers spill to it. */
#define RW_HOST_OS_RESERVE (8.0 * RW_GIB)
/* llama.cpp's default physical batch (-ub 512): the compute buffer is sized
 * for it, and spilled weights cross PCIe once per ubatch in prefill. */
#define RW_UBATCH 512.0
/* QLoRA's NF4 with double quantisation: 4 bits + an fp8 absmax per 64
 * weights (0.125) + an fp32 second-level constant per 256 of those
 * (32/16384 = 0.002) ≈ 4.127 bits (Dettmers et al. 2023, §2–3). */
#define RW_QLORA_BITS 4.127
/* Mixed-precision training: bf16 weights and gradients, 2 bytes each. */
#define RW_TRAIN_WEIGHT_BYTES 2.0
#define RW_TRAIN_GRAD_BYTES 2.0

/* Uncalibrated efficiencies for a runtime a system has none for; the
 * estimate says so (RwEstimate.efficiency_uncalibrated). Typical of
 * llama.cpp on GPUs: decode reaches 60–80 % of peak bandwidth, prefill
 * 30–50 % of the dense tensor peak; training ~35 % MFU. */
#define RW_DEFAULT_DECODE_BANDWIDTH 0.70
#define RW_DEFAULT_HOST_BANDWIDTH   0.60
#define RW_DEFAULT_PREFILL_COMPUTE  0.40
#define RW_DEFAULT_TRAIN_COMPUTE    0.35

/* What the workload's model weighs, by kind of tensor, at the bytes per
 * parameter of the workload's mode. Computed once per estimate. */
typedef struct
{
  const RwModel *model;
  guint   n_layers;
  guint   n_dense;            /* leading layers with a dense MLP */
  guint   n_full;             /* full-attention layers (the rest are windowed) */
  double  window;             /* sliding window, tokens */

  double  attention_bytes;    /* one layer: attention + its norms */
  double  dense_mlp_bytes;    /* one dense layer's MLP */
  double  moe_fixed_bytes;    /* one MoE layer: router + shared experts */
  double  moe_routed_bytes;   /* one MoE layer: all routed experts */
  double  expert_fraction;    /* k / E: routed experts one token uses */
  double  embed_bytes;        /* the token embedding table (a row lookup) */
  double  head_bytes;         /* output head + final norm (the table when tied) */
  double  weights_bytes;      /* all weights, as the file holds them */
  double  kv_bytes_per_token; /* one full-attention layer, one sequence */

  double  params;             /* total parameters */
  double  compute_params;     /* active parameters a token multiplies by (no lookup) */
  double  routed_params;      /* of which in routed experts (k of E per MoE layer) */
  double  attention_flops;    /* per token per layer per attended token */
} RwShape;

/* A run of layers [first, n_layers): how many, how many of them have a
 * dense MLP, how many attend to the full context. Layer costs only depend
 * on these counts, so sums over layers are closed forms. */
typedef struct
{
  double  n;
  double  n_dense;
  double  n_full;
} RwLayerRange;

/* Which layers sit where: llama.cpp's -ngl offloads the last layers. */
typedef struct
{
  guint         first_device_layer;  /* layers [first, n_layers) are on the device */
  gboolean      head_on_device;
  RwLayerRange  all;
  RwLayerRange  device;
  RwLayerRange  host;
} RwPlacement;

void    _rw_shape_init           (RwShape           *shape,
                                  const RwWorkload  *workload);

static inline void
_rw_shape_range (const RwShape *shape,
                 guint          first,
                 RwLayerRange  *range)
{
  /* Dense layers lead; full-attention layers are spread evenly, as
   * _rw_model_n_full_layers_before() places them. */
  range->n = shape->n_layers - first;
  range->n_dense = shape->n_dense > first ? shape->n_dense - first : 0;
  range->n_full = shape->n_full - (guint) (((guint64) first * shape->n_full) / shape->n_layers);
}

/* Weight bytes of a range, routed experts counted at @expert_share. */
static inline double
_rw_range_weights (const RwShape      *shape,
                   const RwLayerRange *range,
                   double              expert_share)
{
  return range->n * shape->attention_bytes
         + range->n_dense * shape->dense_mlp_bytes
         + (range->n - range->n_dense) * (shape->moe_fixed_bytes
                                          + shape->moe_routed_bytes * expert_share);
}

/* KV bytes one sequence holds in a range at @tokens of context. */
static inline double
_rw_range_kv (const RwShape      *shape,
              const RwLayerRange *range,
              double              tokens)
{
  return shape->kv_bytes_per_token
         * (range->n_full * tokens + (range->n - range->n_full) * MIN (tokens, shape->window));
}

void    _rw_memory_estimate      (const RwSystem    *system,
                                  const RwWorkload  *workload,
                                  const RwShape     *shape,
                                  RwPlacement       *placement,
                                  RwEstimate        *out);
void    _rw_speed_estimate       (const RwSystem    *system,
                                  const RwWorkload  *workload,
                                  const RwShape     *shape,
                                  const RwPlacement *placement,
                                  RwEstimate        *out);
/* The fraction of routed-expert weights @tokens independent tokens touch
 * together (@tokens need not be whole: see RwBackend.expert_spread). */
double  _rw_speed_expert_union   (const RwShape     *shape,
                                  double             tokens);
void    _rw_cost_estimate        (const RwSystem    *system,
                                  const RwWorkload  *workload,
                                  RwEstimate        *out);
double  _rw_cost_energy_per_year (const RwSystem    *system,
                                  const RwWorkload  *workload);

G_END_DECLS
