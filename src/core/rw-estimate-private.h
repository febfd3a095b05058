/* rw-estimate-private.h: the parts of rw_estimate() (memory, speed, cost)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-estimate.h"
#include "rw-model.h"

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
  double  window;             /* sliding window, tokens */

  double  mixer_bytes[RW_MIXER_N];  /* one layer's mixer + its norm, by kind */
  double  dense_mlp_bytes;    /* one dense layer's MLP + its norm */
  double  moe_fixed_bytes;    /* one MoE layer: router + shared experts + norm */
  double  moe_routed_bytes;   /* one MoE layer: all routed experts */
  double  expert_fraction;    /* k / E: routed experts one token uses */
  double  embed_bytes;        /* the token embedding table (a row lookup) */
  double  head_bytes;         /* output head + final norm (the table when tied) */
  double  weights_bytes;      /* all weights, as the file holds them */
  /* Per layer of each kind, one sequence: KV bytes a token adds (full and
   * sliding attention) and the fixed recurrent state (linear, Mamba2). */
  double  kv_bytes_per_token[RW_MIXER_N];
  double  state_bytes[RW_MIXER_N];
  /* Sparse attention (DeepSeek V3.2): a step reads the indexer keys of
   * every cached token (index_bytes_per_token, part of the full layers'
   * KV) and the full entries of only the top sparse_topk; 0 = dense. */
  double  sparse_topk;
  double  index_bytes_per_token;

  double  params;             /* total parameters */
  double  compute_params;     /* active parameters a token multiplies by (no lookup) */
  double  routed_params;      /* of which in routed experts (k of E per MoE layer) */
  /* Attention FLOPs per token per layer per attended token, by kind; the
   * indexer's per cached token; the recurrences' per token, all layers. */
  double  attention_flops[RW_MIXER_N];
  double  index_flops;
  double  state_flops;
} RwShape;

/* A run of layers [first, n_layers) by kind. Layer costs only depend on
 * these counts, so sums over layers are closed forms. */
typedef struct
{
  double  n;
  double  n_dense;            /* layers with a dense MLP */
  double  n_moe;              /* layers with an MoE block */
  double  n_mixer[RW_MIXER_N];/* by mixer: full / sliding attention, linear, Mamba2, none */
} RwLayerRange;

/* Which layers sit where: llama.cpp's -ngl offloads the last layers;
 * with --n-cpu-moe N (expert offload) every layer is on the device but the
 * routed experts of the first N layers stay in host RAM. */
typedef struct
{
  guint         first_device_layer;  /* layers [first, n_layers) are on the device */
  gboolean      head_on_device;
  RwLayerRange  all;
  RwLayerRange  device;
  RwLayerRange  host;
  RwLayerRange  experts_host;        /* layers whose routed experts are in host RAM */
} RwPlacement;

/* Routed-expert bytes of the layers in @placement->experts_host at
 * @share of their experts. */
static inline double
_rw_placement_host_experts (const RwShape     *shape,
                            const RwPlacement *placement,
                            double             share)
{
  return placement->experts_host.n_moe * shape->moe_routed_bytes * share;
}

void    _rw_shape_init           (RwShape           *shape,
                                  const RwWorkload  *workload);

static inline void
_rw_shape_range (const RwShape *shape,
                 guint          first,
                 RwLayerRange  *range)
{
  RwLayerCounts counts;

  rw_model_count_layers (shape->model, first, &counts);
  range->n = counts.n;
  range->n_dense = counts.ffns[RW_FFN_DENSE];
  range->n_moe = counts.ffns[RW_FFN_MOE];
  for (guint m = 0; m < RW_MIXER_N; m++)
    range->n_mixer[m] = counts.mixers[m];
}

/* @a − @b, for @b a trailing part of @a. */
static inline void
_rw_range_subtract (const RwLayerRange *a,
                    const RwLayerRange *b,
                    RwLayerRange       *out)
{
  out->n = a->n - b->n;
  out->n_dense = a->n_dense - b->n_dense;
  out->n_moe = a->n_moe - b->n_moe;
  for (guint m = 0; m < RW_MIXER_N; m++)
    out->n_mixer[m] = a->n_mixer[m] - b->n_mixer[m];
}

/* Weight bytes of a range, routed experts counted at @expert_share. */
static inline double
_rw_range_weights (const RwShape      *shape,
                   const RwLayerRange *range,
                   double              expert_share)
{
  double bytes = range->n_dense * shape->dense_mlp_bytes
                 + range->n_moe * (shape->moe_fixed_bytes + shape->moe_routed_bytes * expert_share);

  for (guint m = 0; m < RW_MIXER_N; m++)
    bytes += range->n_mixer[m] * shape->mixer_bytes[m];
  return bytes;
}

/* KV-cache and recurrent-state bytes one sequence holds in a range at
 * @tokens of context. */
static inline double
_rw_range_kv (const RwShape      *shape,
              const RwLayerRange *range,
              double              tokens)
{
  return shape->kv_bytes_per_token[RW_MIXER_ATTENTION] * range->n_mixer[RW_MIXER_ATTENTION] * tokens
         + shape->kv_bytes_per_token[RW_MIXER_SLIDING] * range->n_mixer[RW_MIXER_SLIDING]
           * MIN (tokens, shape->window)
         + shape->state_bytes[RW_MIXER_LINEAR] * range->n_mixer[RW_MIXER_LINEAR]
         + shape->state_bytes[RW_MIXER_MAMBA] * range->n_mixer[RW_MIXER_MAMBA];
}

/* The recurrent state alone, one sequence. */
static inline double
_rw_range_state (const RwShape      *shape,
                 const RwLayerRange *range)
{
  return shape->state_bytes[RW_MIXER_LINEAR] * range->n_mixer[RW_MIXER_LINEAR]
         + shape->state_bytes[RW_MIXER_MAMBA] * range->n_mixer[RW_MIXER_MAMBA];
}

/* Bytes of cache one decode step moves per sequence at @depth cached
 * tokens: every KV entry it attends to (sparse attention: the indexer keys
 * of all, the full entries of the top-k), and each recurrent state read and
 * written back. */
static inline double
_rw_range_kv_read (const RwShape      *shape,
                   const RwLayerRange *range,
                   double              depth)
{
  double full = shape->kv_bytes_per_token[RW_MIXER_ATTENTION] * depth;

  if (shape->sparse_topk > 0)
    full = shape->index_bytes_per_token * depth
           + (shape->kv_bytes_per_token[RW_MIXER_ATTENTION] - shape->index_bytes_per_token)
             * MIN (depth, shape->sparse_topk);
  return full * range->n_mixer[RW_MIXER_ATTENTION]
         + shape->kv_bytes_per_token[RW_MIXER_SLIDING] * range->n_mixer[RW_MIXER_SLIDING]
           * MIN (depth, shape->window)
         + 2 * _rw_range_state (shape, range);
}

void    _rw_memory_estimate      (const RwSystem    *system,
                                  const RwWorkload  *workload,
                                  const RwShape     *shape,
                                  RwPlacement       *placement,
                                  RwEstimate        *out);
/* The expert-offload alternative to a whole-layer spill (llama.cpp
 * --n-cpu-moe N, PR #15077): attention, shared experts, norms, the output
 * head and the KV cache on the device, the routed experts of the fewest
 * leading layers that make it fit in host RAM. FALSE when the model has no
 * routed experts or even that does not fit; @out's memory and fit are set
 * only then. */
gboolean _rw_memory_expert_offload (const RwSystem    *system,
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
/* The attention (and recurrence) FLOPs of the workload's prompt. */
double  _rw_speed_attention_flops (const RwWorkload *workload,
                                   const RwShape    *shape);
void    _rw_cost_estimate        (const RwSystem    *system,
                                  const RwWorkload  *workload,
                                  RwEstimate        *out);
double  _rw_cost_energy_per_year (const RwSystem    *system,
                                  const RwWorkload  *workload);

G_END_DECLS
