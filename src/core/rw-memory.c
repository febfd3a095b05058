/* rw-memory.c: how much memory a workload takes, and where it lives
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inference (llama.cpp): weights + KV cache + compute buffer + runtime.
 * Training: weights + gradients + optimizer states + activations + runtime,
 *   with activations per Korthikanti et al. 2022, "Reducing Activation
 *   Recomputation in Large Transformer Models", eq. 1: s·b·h·(34 + 5·a·s/h)
 *   bytes per layer. The 5·a·s²·b attention-score term is dropped because
 *   FlashAttention/SDPA never materialises the score matrix.
 * Fit: unified memory has one usable pool and no swap; discrete GPUs keep
 *   whole layers in VRAM and the rest in host RAM (llama.cpp -ngl).
 */
#include <math.h>

#include "rw-estimate-private.h"
#include "rw-model-private.h"

/* A model read from a GGUF file knows its exact tensor totals: scale the
 * formula's parts so that they add up to them (the layer parts keep the
 * formula's proportions, which place layers; the totals are the file's). */
typedef struct
{
  double mixer[RW_MIXER_N];
  double dense_mlp;
  double moe_fixed;
  double moe_routed;   /* one MoE layer's routed experts */
  double table;        /* the embedding table */
  double head;         /* output head + final norm (the table when tied) */
} Parts;

static void
formula_parts (const RwModel *model,
               Parts         *parts)
{
  for (guint m = 0; m < RW_MIXER_N; m++)
    parts->mixer[m] = _rw_model_mixer_params (model, (RwMixer) m);
  parts->dense_mlp = _rw_model_dense_mlp_params (model);
  parts->moe_fixed = _rw_model_moe_fixed_params (model);
  parts->moe_routed = _rw_model_moe_routed_params (model);
  parts->table = _rw_model_head_params (model);
  parts->head = parts->table + model->hidden_size;
}

/* Scales @parts to the file's totals: @total, @embed, @head and @experts
 * are parameters or bytes of the whole file (RwModelTensors). */
static void
scale_parts (const RwModel       *model,
             const RwLayerCounts *all,
             double               total,
             double               embed,
             double               head,
             double               experts,
             Parts               *parts)
{
  double formula_layers = 0, file_layers, scale;

  for (guint m = 0; m < RW_MIXER_N; m++)
    formula_layers += all->mixers[m] * parts->mixer[m];
  formula_layers += all->ffns[RW_FFN_DENSE] * parts->dense_mlp + all->ffns[RW_FFN_MOE] * parts->moe_fixed;

  file_layers = total - embed - head - experts;
  scale = formula_layers > 0 ? MAX (0, file_layers) / formula_layers : 0;
  for (guint m = 0; m < RW_MIXER_N; m++)
    parts->mixer[m] *= scale;
  parts->dense_mlp *= scale;
  parts->moe_fixed *= scale;
  parts->moe_routed = all->ffns[RW_FFN_MOE] > 0 ? experts / all->ffns[RW_FFN_MOE] : 0;
  parts->table = embed;
  parts->head = model->tied_embeddings ? head + embed : head;
}

void
_rw_shape_init (RwShape          *shape,
                const RwWorkload *workload)
{
  const RwModel *model = workload->model;
  const RwModelTensors *t = &model->tensors;
  double bytes;         /* per parameter, non-expert tensors */
  double expert_bytes;  /* per parameter, routed experts */
  double head_bytes;    /* per parameter, the output head */
  double kv_bytes = rw_format_bytes_per_weight (workload->kv);
  gboolean exact_bytes = FALSE;
  RwLayerCounts counts;
  Parts p, b;
  RwLayerRange all;

  switch (workload->mode)
    {
    case RW_MODE_QLORA:
      /* The base is quantised to NF4 whatever format it was downloaded in. */
      bytes = expert_bytes = head_bytes = RW_QLORA_BITS / 8;
      break;
    case RW_MODE_FULL:
      bytes = expert_bytes = head_bytes = RW_TRAIN_WEIGHT_BYTES;
      break;
    case RW_MODE_INFERENCE:
    case RW_MODE_LORA:
    default:
      bytes = rw_workload_weight_bits (workload) / 8;
      if (workload->bits_per_weight_override > 0 || workload->weights->expert_bits_per_weight <= 0)
        expert_bytes = bytes;
      else
        expert_bytes = workload->weights->expert_bits_per_weight / 8;
      head_bytes = workload->bits_per_weight_override > 0 || workload->weights->head_bits_per_weight <= 0
                   ? bytes : workload->weights->head_bits_per_weight / 8;
      /* The file's own format: its exact bytes, not an average. */
      exact_bytes = workload->weights->from_file && t->bytes > 0
                    && !(workload->bits_per_weight_override > 0);
      break;
    }

  rw_model_count_layers (model, 0, &counts);
  formula_parts (model, &p);
  b = p;
  if (t->params > 0)
    scale_parts (model, &counts, t->params, t->embed_params, t->head_params, t->expert_params, &p);
  if (exact_bytes)
    scale_parts (model, &counts, t->bytes, t->embed_bytes, t->head_bytes, t->expert_bytes, &b);
  else
    {
      for (guint m = 0; m < RW_MIXER_N; m++)
        b.mixer[m] = p.mixer[m] * bytes;
      b.dense_mlp = p.dense_mlp * bytes;
      b.moe_fixed = p.moe_fixed * bytes;
      b.moe_routed = p.moe_routed * expert_bytes;
      b.table = p.table * bytes;
      b.head = p.head * head_bytes;
    }

  shape->model = model;
  shape->n_layers = model->n_layers;
  shape->window = model->sliding_window;

  for (guint m = 0; m < RW_MIXER_N; m++)
    {
      shape->mixer_bytes[m] = b.mixer[m];
      shape->kv_bytes_per_token[m] = _rw_model_kv_elements_per_token (model, (RwMixer) m) * kv_bytes;
      shape->state_bytes[m] = _rw_model_state_bytes_per_layer (model, (RwMixer) m);
    }
  shape->dense_mlp_bytes = b.dense_mlp;
  shape->moe_fixed_bytes = b.moe_fixed;
  shape->moe_routed_bytes = b.moe_routed;
  shape->expert_fraction = model->n_experts > 0
                           ? (double) model->n_experts_active / model->n_experts : 1;
  shape->embed_bytes = b.table;
  shape->head_bytes = b.head;
  _rw_shape_range (shape, 0, &all);
  shape->weights_bytes = exact_bytes
                         ? (double) t->bytes
                         : _rw_range_weights (shape, &all, 1) + shape->head_bytes
                           + (model->tied_embeddings ? 0 : shape->embed_bytes);

  shape->sparse_topk = model->index_topk;
  shape->index_bytes_per_token = (double) model->index_head_dim * kv_bytes;

  /* The same sums as rw_model_total_params() and rw_model_active_params(),
   * from the parts already at hand. */
  shape->params = t->params > 0 ? (double) t->params
                  : _rw_model_layers_params (model, &counts) + p.head
                    + (model->tied_embeddings ? 0 : p.table);
  /* What a token multiplies by: every active weight but the input lookup
   * (with tied embeddings the table is the output head, so it counts). */
  shape->compute_params = shape->params - (model->tied_embeddings ? 0 : p.table)
                          - (1 - shape->expert_fraction) * all.n_moe * p.moe_routed;
  shape->routed_params = model->n_experts > 0 ? shape->expert_fraction * all.n_moe * p.moe_routed : 0;

  /* QKᵀ and AV: 2 FLOPs per multiply-add over d_qk + d_v per head. */
  for (guint m = 0; m < RW_MIXER_N; m++)
    shape->attention_flops[m] = 0;
  if (rw_model_is_mla (model))
    shape->attention_flops[RW_MIXER_ATTENTION] =
      2.0 * model->n_heads * ((double) model->qk_nope_head_dim + model->qk_rope_head_dim
                              + model->v_head_dim);
  else
    {
      double d = _rw_model_head_dim (model);
      double d_full = model->full_head_dim > 0 ? model->full_head_dim : d;

      shape->attention_flops[RW_MIXER_ATTENTION] = 4.0 * model->n_heads * d_full;
      shape->attention_flops[RW_MIXER_SLIDING] = 4.0 * model->n_heads * d;
    }
  /* The indexer scores each cached token with all its heads. */
  shape->index_flops = 2.0 * model->index_n_heads * model->index_head_dim;
  /* A recurrence touches each state element about six times a token
   * (decay, rank-one update, read-out: 2 FLOPs each). */
  shape->state_flops = 0;
  for (guint m = RW_MIXER_LINEAR; m <= RW_MIXER_MAMBA; m++)
    {
      double conv;

      shape->state_flops += 6.0 * _rw_model_state_elements (model, (RwMixer) m, &conv)
                            * counts.mixers[m];
    }
}

/* llama.cpp's compute buffer with FlashAttention: fp32 logits for a
 * ubatch plus the widest hidden activations, (d_ff + 4·h) floats a token.
 * llama.cpp reserves it once, at load time, for the worst-case ubatch of
 * min(n_ctx, n_ubatch) tokens, n_ctx spanning all sequences. The spec's
 * "min(prompt, 512) × batch" would tie it to the prompt (it is not) and
 * count the ubatch once per sequence (it is shared): we use
 * min(context × batch, 512). */
static double
inference_activations (const RwWorkload *workload)
{
  const RwModel *model = workload->model;
  double ubatch = MIN ((double) workload->context * workload->batch, RW_UBATCH);
  RwLayerCounts all;
  double d_ff;

  rw_model_count_layers (model, 0, &all);
  d_ff = all.ffns[RW_FFN_DENSE] > 0 ? model->intermediate_size : 0;

  if (model->n_experts > 0)
    {
      double d_shared = model->shared_expert_intermediate_size > 0
                        ? model->shared_expert_intermediate_size
                        : model->moe_intermediate_size;
      /* MoE: each token runs k experts (and the shared ones). */
      d_ff = MAX (d_ff, (double) model->n_experts_active * model->moe_intermediate_size
                        + model->n_shared_experts * d_shared);
    }
  return ubatch * model->vocab_size * 4 + ubatch * (d_ff + 4.0 * model->hidden_size) * 4;
}

static double
optimizer_bytes_per_param (RwOptimizer optimizer)
{
  switch (optimizer)
    {
    case RW_OPTIMIZER_ADAMW_8BIT:
      return 4 + 2;   /* fp32 master + two 8-bit moments */
    case RW_OPTIMIZER_SGD:
      return 4 + 4;   /* fp32 master + fp32 momentum */
    case RW_OPTIMIZER_ADAMW:
    default:
      return 4 + 8;   /* fp32 master + two fp32 moments */
    }
}

static void
training_memory (const RwWorkload  *workload,
                 const RwShape     *shape,
                 RwMemoryBreakdown *memory)
{
  const RwModel *model = workload->model;
  double s = workload->seq_len;
  double b = workload->micro_batch;
  double h = model->hidden_size;
  double per_layer = 34 * s * b * h;
  double trainable;

  if (workload->mode == RW_MODE_FULL)
    {
      trainable = shape->params;
      memory->weights = shape->weights_bytes;   /* bf16 */
    }
  else
    {
      /* The frozen base at its format (NF4 for QLoRA) + bf16 adapters. */
      trainable = _rw_model_lora_params (model, workload->lora_rank);
      memory->weights = shape->weights_bytes + trainable * RW_TRAIN_WEIGHT_BYTES;
    }
  memory->gradients = trainable * RW_TRAIN_GRAD_BYTES;
  memory->optimizer = trainable * optimizer_bytes_per_param (workload->optimizer);

  /* Checkpointing keeps each layer's input (2·s·b·h bytes in bf16) and
   * recomputes one layer at a time during the backward pass. */
  if (workload->grad_checkpointing)
    memory->activations = 2 * s * b * h * shape->n_layers + per_layer;
  else
    memory->activations = per_layer * shape->n_layers;
  memory->activations += 4 * s * b * model->vocab_size;   /* fp32 logits */
  memory->kv_cache = 0;
}

/* Discrete inference: the most trailing layers that fit in VRAM next to the
 * output head, compute buffer and runtime (llama.cpp -ngl keeps the token
 * embedding table on the CPU). The bytes of the last n layers grow with n,
 * so a binary search finds the largest n. */
static guint
layers_that_fit (const RwShape    *shape,
                 const RwWorkload *workload,
                 double            budget)
{
  guint lo = 0;
  guint hi = shape->n_layers;

  while (lo < hi)
    {
      guint n = (lo + hi + 1) / 2;
      RwLayerRange range;
      double bytes;

      _rw_shape_range (shape, shape->n_layers - n, &range);
      bytes = _rw_range_weights (shape, &range, 1)
              + _rw_range_kv (shape, &range, workload->context) * workload->batch;
      if (bytes <= budget)
        lo = n;
      else
        hi = n - 1;
    }
  return lo;
}

void
_rw_memory_estimate (const RwSystem    *system,
                     const RwWorkload  *workload,
                     const RwShape     *shape,
                     RwPlacement       *placement,
                     RwEstimate        *out)
{
  RwMemoryBreakdown *memory = &out->memory;
  double usable = system->device_usable.value;
  double host_free = MAX (0, system->host_memory.value - RW_HOST_OS_RESERVE);
  gboolean discrete = system->memory_model == RW_MEMORY_DISCRETE;
  /* A cloud GPU without host figures: its VM's RAM holds the embedding
   * table, but nothing is modelled as spilling there. */
  gboolean host_pool = discrete && system->host_memory.value > 0;

  memory->overhead = RW_RUNTIME_OVERHEAD_PER_DEVICE * MAX (1u, system->n_devices);
  _rw_shape_range (shape, 0, &placement->all);
  placement->device = placement->all;
  placement->host = (RwLayerRange) { 0 };
  if (workload->mode == RW_MODE_INFERENCE)
    {
      memory->weights = shape->weights_bytes;
      memory->kv_cache = _rw_range_kv (shape, &placement->all, workload->context)
                         * workload->batch;
      memory->state = _rw_range_state (shape, &placement->all) * workload->batch;
      memory->activations = inference_activations (workload);
      memory->gradients = 0;
      memory->optimizer = 0;
    }
  else
    {
      training_memory (workload, shape, memory);
    }
  memory->total = memory->weights + memory->kv_cache + memory->activations
                  + memory->gradients + memory->optimizer + memory->overhead;
  memory->device_capacity = usable;
  memory->capacity = host_pool ? usable + host_free : usable;
  memory->spill = 0;

  placement->first_device_layer = 0;
  placement->head_on_device = TRUE;
  placement->experts_host = (RwLayerRange) { 0 };
  out->layers_on_device = shape->n_layers;
  out->layers_on_host = 0;
  out->placement = RW_PLACEMENT_DEVICE;
  out->cpu_moe_layers = 0;

  /* Unified memory, and training anywhere: all or nothing. Training does
   * not offload, so host RAM is no capacity for it, and a run that does not
   * fit has no layers anywhere. */
  if (!discrete || workload->mode != RW_MODE_INFERENCE)
    {
      memory->capacity = usable;
      out->fit = memory->total <= usable ? RW_FIT_FITS : RW_FIT_DOES_NOT_FIT;
      if (out->fit == RW_FIT_DOES_NOT_FIT)
        out->layers_on_device = 0;
      return;
    }

  {
    double fixed = shape->head_bytes + memory->activations + memory->overhead;
    double host_need;
    guint on_device;

    if (fixed > usable)
      {
        /* Not even the output head fits: a CPU-only run (-ngl 0). */
        placement->head_on_device = FALSE;
        on_device = 0;
      }
    else
      {
        on_device = layers_that_fit (shape, workload, usable - fixed);
      }

    placement->first_device_layer = shape->n_layers - on_device;
    _rw_shape_range (shape, placement->first_device_layer, &placement->device);
    _rw_range_subtract (&placement->all, &placement->device, &placement->host);
    out->layers_on_device = on_device;
    out->layers_on_host = shape->n_layers - on_device;
    if (on_device < shape->n_layers)
      out->placement = RW_PLACEMENT_LAYER_SPLIT;

    memory->spill = _rw_range_weights (shape, &placement->host, 1)
                    + _rw_range_kv (shape, &placement->host, workload->context) * workload->batch;
    if (!placement->head_on_device)
      memory->spill += shape->head_bytes + memory->activations;

    /* The embedding table always sits in host RAM (with tied embeddings
     * llama.cpp keeps a copy there for the lookup). */
    host_need = memory->spill + shape->embed_bytes;
    if (!host_pool)
      out->fit = memory->spill > 0 ? RW_FIT_DOES_NOT_FIT : RW_FIT_FITS;
    else if (host_need > host_free)
      out->fit = RW_FIT_DOES_NOT_FIT;
    else
      out->fit = memory->spill > 0 ? RW_FIT_SPILLS : RW_FIT_FITS;
  }
}

/* Expert offload: the device holds everything but the routed experts of
 * the first N layers (llama.cpp --n-cpu-moe N keeps "the MoE weights of the
 * first N layers in the CPU", PR #15077), N as small as fits. The device
 * bytes fall as N grows, so a binary search finds it. */
gboolean
_rw_memory_expert_offload (const RwSystem    *system,
                           const RwWorkload  *workload,
                           const RwShape     *shape,
                           RwPlacement       *placement,
                           RwEstimate        *out)
{
  RwMemoryBreakdown *memory = &out->memory;
  double usable = system->device_usable.value;
  double host_free = MAX (0, system->host_memory.value - RW_HOST_OS_RESERVE);
  double routed = shape->moe_routed_bytes;
  double all_moe, fixed;
  guint lo = 0, hi = shape->n_layers;
  RwLayerRange device_experts;

  if (system->memory_model != RW_MEMORY_DISCRETE || workload->mode != RW_MODE_INFERENCE
      || shape->expert_fraction >= 1 || !(routed > 0) || !(system->host_memory.value > 0))
    return FALSE;

  _rw_shape_range (shape, 0, &placement->all);
  all_moe = placement->all.n_moe;
  /* All but the routed experts: every layer's other weights, the head,
   * every layer's KV cache, the compute buffer and the runtime. */
  fixed = _rw_range_weights (shape, &placement->all, 0) + shape->head_bytes
          + memory->kv_cache + memory->activations + memory->overhead;
  if (fixed > usable)
    return FALSE;

  /* The smallest N whose remaining experts fit beside the rest. */
  while (lo < hi)
    {
      guint n = (lo + hi) / 2;

      _rw_shape_range (shape, n, &device_experts);
      if (fixed + device_experts.n_moe * routed <= usable)
        hi = n;
      else
        lo = n + 1;
    }

  _rw_shape_range (shape, lo, &device_experts);
  placement->first_device_layer = 0;
  placement->head_on_device = TRUE;
  placement->device = placement->all;
  placement->host = (RwLayerRange) { 0 };
  placement->experts_host = (RwLayerRange) { 0 };
  placement->experts_host.n_moe = all_moe - device_experts.n_moe;

  memory->spill = _rw_placement_host_experts (shape, placement, 1);
  out->layers_on_device = shape->n_layers;
  out->layers_on_host = 0;
  out->placement = RW_PLACEMENT_EXPERT_OFFLOAD;
  out->cpu_moe_layers = lo;
  out->fit = memory->spill + shape->embed_bytes > host_free ? RW_FIT_DOES_NOT_FIT
             : memory->spill > 0 ? RW_FIT_SPILLS : RW_FIT_FITS;
  return TRUE;
}
