/* rw-speed.c: decode, prefill and training throughput
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the runtime has a backend for the system's compute API
 * (rw-backend.h; llama.cpp on CUDA, Metal, Vulkan, ROCm) speed is the
 * hardware's figures times a few constants of that backend:
 *
 * Decode step of B sequences at depth d:
 *   t = W / (bw · weight_bandwidth) + KV / (bw · kv_bandwidth)
 *       + L · layer_time + L_moe · moe_layer_time + step_time
 *       + [B > 1] 2 · P_active · B / (peak_k · (B ≤ 8 ? vector_compute : batch_compute))
 *   W: the non-expert weights once (not the input embedding, a row lookup)
 *   plus the routed experts the step's tokens touch, 1 − (1 − k/E)^(B^s)
 *   of them with s = expert_spread (tokens of one batch route alike);
 *   KV: every sequence's cache, windowed layers at most their window,
 *   sparse attention the indexer keys and the top-k entries, and each
 *   recurrent state (linear attention, Mamba2) read and written back.
 *   The fixed costs are kernel launches, syncs and small kernels per
 *   layer: what bounds a 3 B-active MoE on a 1.8 TB/s GPU.
 * Prefill of N tokens:
 *   t = F_dense / (peak_kd · matmul[kd]) + F_experts / (peak_ke · matmul[ke] · m / (m + h))
 *       + F_attention / (peak_a · attention)
 *   F = 2 · parameters · N; kd, ke: the kernels the dense tensors and the
 *   routed experts run on (rw_system_kernel()); m = tokens per expert in
 *   one ubatch (ubatch · k / E), h = moe_half_tokens; F_attention =
 *   4 · n_q · d_head per attended token and layer (depth + N/2 on average).
 *   Never faster than reading the weights once per ubatch.
 * A chip whose own rows show a different sustained matrix rate carries
 * RwEfficiency.matmul_scale. llama.cpp runs the layers of a multi-GPU (or
 * two-Spark) split one device after another, so a step sees one device's
 * bandwidth and peaks at a time.
 *
 * A runtime without a backend keeps the older per-system model: one
 * fraction of bandwidth and one of the dense peak, plus a fixed latency.
 */
#include <math.h>

#include "rw-estimate-private.h"
#include "rw-model-private.h"

/* x^n by squaring: n is a token count, and this is ~10× cheaper than pow(). */
static double
power_uint (double x,
            guint  n)
{
  double result = 1;

  for (; n > 0; n >>= 1)
    {
      if (n & 1)
        result *= x;
      x *= x;
    }
  return result;
}

/* A token picks k of E experts per layer, so an expert escapes one token
 * with probability 1 − k/E and all of @tokens with (1 − k/E)^tokens: the
 * union is 1 − (1 − k/E)^tokens of the routed weights. */
double
_rw_speed_expert_union (const RwShape *shape,
                        double         tokens)
{
  if (shape->expert_fraction >= 1)
    return 1;
  if (tokens <= 1)
    return shape->expert_fraction;
  if (tokens == floor (tokens) && tokens < G_MAXUINT)
    return 1 - power_uint (1 - shape->expert_fraction, (guint) tokens);
  return 1 - pow (1 - shape->expert_fraction, tokens);
}

static void
training_speed (const RwSystem     *system,
                const RwWorkload   *workload,
                const RwShape      *shape,
                const RwEfficiency *eff,
                RwEstimate         *out)
{
  double p = shape->compute_params;
  double flops;
  double peak = rw_system_effective_peak (system, RW_PRECISION_FP16, NULL);

  /* Forward 2·P + backward 4·P (activation and weight gradients); a frozen
   * base skips the weight gradients (2·P less); full recomputation of the
   * forward adds 2·P more (Korthikanti et al. 2022). */
  flops = (workload->mode == RW_MODE_FULL ? 6 : 4) * p;
  if (workload->grad_checkpointing)
    flops += 2 * p;
  /* Training shards the work over every GPU (data or fully-sharded
   * parallel), so the aggregate peak applies. */
  out->train_tok_s = peak * eff->train_compute / flops;
}

/* Layers on the device and on the host, and what each reads per step. */
typedef struct
{
  double weights_device;
  double weights_host;
  double kv_device;
  double kv_host;
} StepBytes;

static void
step_bytes (const RwShape     *shape,
            const RwWorkload  *workload,
            const RwPlacement *placement,
            double             expert_share,
            StepBytes         *bytes)
{
  double batch = workload->batch;

  bytes->weights_device = _rw_range_weights (shape, &placement->device, expert_share);
  bytes->weights_host = _rw_range_weights (shape, &placement->host, expert_share);
  bytes->kv_device = _rw_range_kv_read (shape, &placement->device, workload->depth) * batch;
  bytes->kv_host = _rw_range_kv_read (shape, &placement->host, workload->depth) * batch;
  if (placement->head_on_device)
    bytes->weights_device += shape->head_bytes;
  else
    bytes->weights_host += shape->head_bytes;
  /* Expert offload: the CPU reads the experts of its layers the step
   * touches, from host RAM. */
  bytes->weights_device -= _rw_placement_host_experts (shape, placement, expert_share);
  bytes->weights_host += _rw_placement_host_experts (shape, placement, expert_share);
}

/* Prefill: llama.cpp copies host-resident weights to the GPU once per
 * ubatch to run large batches there; never faster than reading the
 * device's weights once per ubatch. */
static double
prefill_time (const RwSystem    *system,
              const RwWorkload  *workload,
              const RwShape     *shape,
              const RwPlacement *placement,
              double             t_flops,
              double             ubatch,
              double             bw_device)
{
  double prompt = workload->prompt;
  double ubatches = ceil (prompt / ubatch);
  guint union_tokens = (guint) MIN (prompt, ubatch);
  double device_weights = _rw_range_weights (shape, &placement->device,
                                             _rw_speed_expert_union (shape, union_tokens));
  double host_weights = _rw_range_weights (shape, &placement->host, 1);
  double t_copy, t_floor;

  if (placement->head_on_device)
    device_weights += shape->head_bytes;
  else
    host_weights += shape->head_bytes;
  /* Host-resident experts are copied to the GPU per ubatch too (llama.cpp
   * offloads large batches' matmuls to the GPU), all of them in a ubatch
   * of hundreds of tokens. */
  device_weights -= _rw_placement_host_experts (shape, placement,
                                                _rw_speed_expert_union (shape, union_tokens));
  host_weights += _rw_placement_host_experts (shape, placement, 1);
  t_copy = host_weights > 0 ? host_weights * ubatches / system->link_bandwidth.value : 0;
  t_floor = ubatches * device_weights / bw_device;

  /* Without a peak for the kernel there is no prefill figure, not a floor. */
  return isfinite (t_flops) ? MAX (t_flops + t_copy, t_floor) : NAN;
}

/* Attention FLOPs of the prompt: each token attends on average to
 * depth + prompt/2 earlier ones, windowed layers to at most the window,
 * sparse ones to the top-k after the indexer scored them all; recurrent
 * layers (linear attention, Mamba2) cost the same at any depth. */
double
_rw_speed_attention_flops (const RwWorkload *workload,
                           const RwShape    *shape)
{
  double attended = workload->depth + workload->prompt / 2.0;
  double full_attended = shape->sparse_topk > 0 ? MIN (attended, shape->sparse_topk) : attended;
  RwLayerRange all;

  _rw_shape_range (shape, 0, &all);
  return workload->prompt
         * (all.n_mixer[RW_MIXER_ATTENTION]
            * (shape->attention_flops[RW_MIXER_ATTENTION] * full_attended
               + shape->index_flops * attended)
            + all.n_mixer[RW_MIXER_SLIDING]
              * shape->attention_flops[RW_MIXER_SLIDING] * MIN (attended, shape->window)
            + shape->state_flops);
}

static void
backend_speed (const RwSystem     *system,
               const RwWorkload   *workload,
               const RwShape      *shape,
               const RwPlacement  *placement,
               const RwBackend    *backend,
               const RwEfficiency *eff,
               RwEstimate         *out)
{
  double n_devices = MAX (1u, system->n_devices);
  double batch = workload->batch;
  double scale = eff != NULL ? eff->matmul_scale : 1;
  double host_eff = eff != NULL && eff->host_bandwidth > 0 ? eff->host_bandwidth
                                                           : RW_DEFAULT_HOST_BANDWIDTH;
  double bw_device = system->device_bandwidth.value / n_devices;
  RwLayerRange all;
  double n_moe;
  double ubatch = workload->ubatch > 0 ? workload->ubatch : backend->ubatch;
  RwKernel kd = rw_system_kernel (system, backend, workload->weights, FALSE);
  RwKernel ke = rw_system_kernel (system, backend, workload->weights, TRUE);
  RwKernel ka = backend->matmul[RW_KERNEL_FP16_MMA] > 0
                && isfinite (rw_system_kernel_peak (system, RW_KERNEL_FP16_MMA))
                ? RW_KERNEL_FP16_MMA : RW_KERNEL_ALU;
  double rate_dense = rw_system_kernel_peak (system, kd) / n_devices * backend->matmul[kd] * scale;
  double rate_experts = rw_system_kernel_peak (system, ke) / n_devices * backend->matmul[ke] * scale;
  double rate_attention = rw_system_kernel_peak (system, ka) / n_devices * backend->attention;
  double spread, step, t_compute, t_flops, t_prefill;
  double tokens_per_expert, moe_eff, compute_fraction;
  StepBytes bytes;

  _rw_shape_range (shape, 0, &all);
  n_moe = shape->expert_fraction < 1 ? all.n_moe : 0;
  out->prefill_kernel = kd;
  out->expert_kernel = ke;
  out->prefill_precision = rw_kernel_precision (kd);
  out->decode_efficiency = backend->weight_bandwidth;
  out->prefill_efficiency = backend->matmul[kd] * scale;

  /* Decode. */
  spread = batch > 1 ? pow (batch, backend->expert_spread) : 1;
  step_bytes (shape, workload, placement, _rw_speed_expert_union (shape, spread), &bytes);
  step = bytes.weights_device / (bw_device * backend->weight_bandwidth)
         + bytes.kv_device / (bw_device * (backend->kv_bandwidth > 0 ? backend->kv_bandwidth
                                                                      : backend->weight_bandwidth));
  if (bytes.weights_host + bytes.kv_host > 0)
    step += (bytes.weights_host + bytes.kv_host) / (system->host_bandwidth.value * host_eff);
  step += shape->n_layers * backend->layer_time + n_moe * backend->moe_layer_time
          + backend->step_time;
  /* The extra tokens' matrix work: mat-vec kernels up to 8 tokens, the
   * prefill kernels (at their small-batch efficiency) beyond. */
  compute_fraction = batch <= 8 ? backend->vector_compute : backend->batch_compute;
  t_compute = batch > 1 && compute_fraction > 0
              ? 2 * shape->compute_params * batch
                / (rw_system_kernel_peak (system, kd) / n_devices * compute_fraction * scale)
              : 0;
  if (isfinite (t_compute))
    step += t_compute;
  out->decode_compute_bound = isfinite (t_compute) && t_compute > step / 2;
  out->decode_tok_s = 1 / step;
  out->decode_tok_s_total = batch / step;

  /* Prefill. */
  tokens_per_expert = MIN ((double) workload->prompt, ubatch) * shape->expert_fraction;
  moe_eff = backend->moe_half_tokens > 0
            ? tokens_per_expert / (tokens_per_expert + backend->moe_half_tokens) : 1;
  t_flops = 2 * (shape->compute_params - shape->routed_params) * workload->prompt / rate_dense
            + (shape->routed_params > 0
               ? 2 * shape->routed_params * workload->prompt / (rate_experts * moe_eff) : 0)
            + _rw_speed_attention_flops (workload, shape) / rate_attention;
  t_prefill = prefill_time (system, workload, shape, placement, t_flops, ubatch,
                            bw_device * backend->weight_bandwidth);
  if (isfinite (t_prefill) && t_prefill > 0)
    {
      out->prefill_tok_s = workload->prompt / t_prefill;
      out->ttft_s = t_prefill + step;
    }
}

/* The older model, for a runtime without a backend on this system. */
static void
efficiency_speed (const RwSystem     *system,
                  const RwWorkload   *workload,
                  const RwShape      *shape,
                  const RwPlacement  *placement,
                  const RwEfficiency *eff,
                  RwEstimate         *out)
{
  double n_devices = MAX (1u, system->n_devices);
  double batch = workload->batch;
  double bw_device = system->device_bandwidth.value / n_devices * eff->decode_bandwidth;
  double bw_host = system->host_bandwidth.value * eff->host_bandwidth;
  double compute = rw_system_effective_peak (system, workload->weights->compute_precision,
                                             &out->prefill_precision)
                   / n_devices * eff->prefill_compute;
  double t_mem, t_compute, step, t_flops, t_prefill;
  StepBytes bytes;

  out->decode_efficiency = eff->decode_bandwidth;
  out->prefill_efficiency = eff->prefill_compute;

  step_bytes (shape, workload, placement, _rw_speed_expert_union (shape, batch), &bytes);
  t_mem = (bytes.weights_device + bytes.kv_device) / bw_device;
  if (bytes.weights_host + bytes.kv_host > 0)
    t_mem += (bytes.weights_host + bytes.kv_host) / bw_host;
  t_compute = (2 * shape->compute_params + shape->state_flops) * batch / compute;
  /* An unpublished peak leaves the memory bound alone. */
  out->decode_compute_bound = isfinite (t_compute) && t_compute > t_mem;
  step = (out->decode_compute_bound ? t_compute : t_mem) + eff->decode_latency;
  out->decode_tok_s = 1 / step;
  out->decode_tok_s_total = batch / step;

  t_flops = (2 * shape->compute_params * workload->prompt + _rw_speed_attention_flops (workload, shape))
            / compute;
  t_prefill = prefill_time (system, workload, shape, placement, t_flops, RW_UBATCH, bw_device);
  if (isfinite (t_prefill) && t_prefill > 0)
    {
      out->prefill_tok_s = workload->prompt / t_prefill;
      out->ttft_s = t_prefill + step;
    }
}

void
_rw_speed_estimate (const RwSystem    *system,
                    const RwWorkload  *workload,
                    const RwShape     *shape,
                    const RwPlacement *placement,
                    RwEstimate        *out)
{
  static const RwEfficiency fallback = {
    .runtime = NULL,
    .decode_bandwidth = RW_DEFAULT_DECODE_BANDWIDTH,
    .host_bandwidth = RW_DEFAULT_HOST_BANDWIDTH,
    .prefill_compute = RW_DEFAULT_PREFILL_COMPUTE,
    .train_compute = RW_DEFAULT_TRAIN_COMPUTE,
    .source = NULL,
    .decode_latency = 0,
    .matmul_scale = 1,
  };
  const char *runtime = workload->runtime ? workload->runtime : "llama.cpp";
  const RwEfficiency *eff = rw_system_get_efficiency (system, runtime);
  const RwBackend *backend = rw_system_get_backend (system, runtime, workload->api);

  out->decode_tok_s = NAN;
  out->decode_tok_s_total = NAN;
  out->prefill_tok_s = NAN;
  out->ttft_s = NAN;
  out->train_tok_s = NAN;
  out->decode_compute_bound = FALSE;
  out->backend = backend;
  out->prefill_kernel = RW_KERNEL_FP16_MMA;
  out->expert_kernel = RW_KERNEL_FP16_MMA;
  out->prefill_precision = workload->weights->compute_precision;

  /* Calibrated: a backend (whose rows say how fast it goes), or the
   * system's own efficiencies for the runtime. */
  out->efficiency_uncalibrated = backend != NULL ? backend->n_rows == 0
                                                 : eff == NULL || eff->decode_bandwidth <= 0;
  if (eff == NULL || (backend == NULL && eff->decode_bandwidth <= 0))
    eff = &fallback;
  out->decode_efficiency = eff->decode_bandwidth;
  out->prefill_efficiency = eff->prefill_compute;

  if (out->fit == RW_FIT_DOES_NOT_FIT)
    return;

  if (workload->mode != RW_MODE_INFERENCE)
    {
      training_speed (system, workload, shape, eff->train_compute > 0 ? eff : &fallback, out);
      return;
    }

  if (backend != NULL)
    backend_speed (system, workload, shape, placement, backend, eff, out);
  else
    efficiency_speed (system, workload, shape, placement, eff, out);
}
