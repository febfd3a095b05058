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

void
_rw_shape_init (RwShape          *shape,
                const RwWorkload *workload)
{
  const RwModel *model = workload->model;
  double bytes;         /* per parameter, non-expert tensors */
  double expert_bytes;  /* per parameter, routed experts */
  double table = _rw_model_head_params (model);
  double attention = _rw_model_attention_params (model);
  double dense_mlp = _rw_model_dense_mlp_params (model);
  double moe_fixed = _rw_model_moe_fixed_params (model);
  double moe_routed = _rw_model_moe_routed_params (model);
  double head = table + model->hidden_size;   /* + the final norm */
  double embed = model->tied_embeddings ? 0 : table;
  double n_moe;
  RwLayerRange all;

  switch (workload->mode)
    {
    case RW_MODE_QLORA:
      /* The base is quantised to NF4 whatever format it was downloaded in. */
      bytes = expert_bytes = RW_QLORA_BITS / 8;
      break;
    case RW_MODE_FULL:
      bytes = expert_bytes = RW_TRAIN_WEIGHT_BYTES;
      break;
    case RW_MODE_INFERENCE:
    case RW_MODE_LORA:
    default:
      bytes = rw_workload_weight_bits (workload) / 8;
      if (workload->bits_per_weight_override > 0 || workload->weights->expert_bits_per_weight <= 0)
        expert_bytes = bytes;
      else
        expert_bytes = workload->weights->expert_bits_per_weight / 8;
      break;
    }

  shape->model = model;
  shape->n_layers = model->n_layers;
  shape->n_dense = _rw_model_n_dense_layers (model);
  shape->n_full = _rw_model_n_full_layers_before (model, model->n_layers);
  shape->window = model->sliding_window;
  n_moe = shape->n_layers - shape->n_dense;

  shape->attention_bytes = attention * bytes;
  shape->dense_mlp_bytes = dense_mlp * bytes;
  shape->moe_fixed_bytes = moe_fixed * bytes;
  shape->moe_routed_bytes = moe_routed * expert_bytes;
  shape->expert_fraction = model->n_experts > 0
                           ? (double) model->n_experts_active / model->n_experts : 1;
  shape->embed_bytes = table * bytes;
  shape->head_bytes = head * bytes;
  _rw_shape_range (shape, 0, &all);
  shape->weights_bytes = _rw_range_weights (shape, &all, 1) + shape->head_bytes + embed * bytes;
  shape->kv_bytes_per_token = _rw_model_kv_elements_per_token (model)
                              * rw_format_bytes_per_weight (workload->kv);

  /* The same sums as rw_model_total_params() and rw_model_active_params(),
   * from the parts already at hand. */
  shape->params = shape->n_layers * attention + shape->n_dense * dense_mlp
                  + n_moe * (moe_fixed + moe_routed) + head + embed;
  /* What a token multiplies by: every active weight but the input lookup
   * (with tied embeddings the table is the output head, so it counts). */
  shape->compute_params = shape->params - embed
                          - (1 - shape->expert_fraction) * n_moe * moe_routed;
  shape->routed_params = model->n_experts > 0 ? shape->expert_fraction * n_moe * moe_routed : 0;
  /* QKᵀ and AV: 2 FLOPs per multiply-add over d_qk + d_v per head. */
  if (rw_model_is_mla (model))
    shape->attention_flops = 2.0 * model->n_heads
                             * ((double) model->qk_nope_head_dim + model->qk_rope_head_dim
                                + model->v_head_dim);
  else
    shape->attention_flops = 4.0 * model->n_heads * _rw_model_head_dim (model);
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
  double d_ff = _rw_model_n_dense_layers (model) > 0 ? model->intermediate_size : 0;

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
  placement->host = (RwLayerRange) { 0, 0, 0 };
  if (workload->mode == RW_MODE_INFERENCE)
    {
      memory->weights = shape->weights_bytes;
      memory->kv_cache = _rw_range_kv (shape, &placement->all, workload->context)
                         * workload->batch;
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
  out->layers_on_device = shape->n_layers;
  out->layers_on_host = 0;

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
    placement->host.n = placement->all.n - placement->device.n;
    placement->host.n_dense = placement->all.n_dense - placement->device.n_dense;
    placement->host.n_full = placement->all.n_full - placement->device.n_full;
    out->layers_on_device = on_device;
    out->layers_on_host = shape->n_layers - on_device;

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
