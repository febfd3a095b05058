/* rw-speed.c: decode, prefill and training throughput
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Decode is a roofline per step: the bytes a step reads (the weights it
 * touches once + every sequence's KV cache once) over the effective
 * bandwidth of the pool each layer lives in, against 2 FLOPs per active
 * parameter per sequence over the effective compute; the slower one wins.
 * Prefill is compute bound: 2·P_active + attention FLOPs per token, never
 * faster than reading the weights once per ubatch. llama.cpp runs the
 * layers of a multi-GPU (or two-Spark) split one device after another, so
 * a step sees one device's bandwidth and compute at a time.
 */
#include <math.h>

#include "rw-estimate-private.h"
#include "rw-model-private.h"

/* A token picks k of E experts per layer, so an expert escapes one token
 * with probability 1 − k/E and all of @tokens with (1 − k/E)^tokens: the
 * union the batch reads is 1 − (1 − k/E)^tokens of the routed weights.
 * (The spec's min(1, E/k·(1 − (1 − k/E)^B))·k/E is always k/E for B ≥ 1,
 * since 1 − (1 − k/E)^B ≥ k/E: a batch would never read more experts.) */
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

double
_rw_speed_expert_union (const RwShape *shape,
                        guint          tokens)
{
  if (shape->expert_fraction >= 1)
    return 1;
  if (tokens <= 1)
    return shape->expert_fraction;
  return 1 - power_uint (1 - shape->expert_fraction, tokens);
}

/* Bytes one decode step reads from a range of layers. */
static double
range_read_bytes (const RwShape      *shape,
                  const RwWorkload   *workload,
                  const RwLayerRange *range,
                  double              expert_share)
{
  return _rw_range_weights (shape, range, expert_share)
         + _rw_range_kv (shape, range, workload->depth) * workload->batch;
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
  };
  const RwEfficiency *eff;
  double n_devices = MAX (1u, system->n_devices);
  double batch = workload->batch;
  double prompt = workload->prompt;
  double bw_device, bw_host, compute;
  double union_share, device_bytes, host_bytes, device_weights, host_weights;
  double t_mem, t_compute, step;
  double ubatches, attended, flops_per_token, t_flops, t_copy, t_floor, t_prefill;

  out->decode_tok_s = NAN;
  out->decode_tok_s_total = NAN;
  out->prefill_tok_s = NAN;
  out->ttft_s = NAN;
  out->train_tok_s = NAN;
  out->decode_compute_bound = FALSE;

  eff = rw_system_get_efficiency (system, workload->runtime ? workload->runtime : "llama.cpp");
  out->efficiency_uncalibrated = eff == NULL;
  if (eff == NULL)
    eff = &fallback;
  out->decode_efficiency = eff->decode_bandwidth;
  out->prefill_efficiency = eff->prefill_compute;
  out->prefill_precision = workload->weights->compute_precision;

  if (out->fit == RW_FIT_DOES_NOT_FIT)
    return;

  if (workload->mode != RW_MODE_INFERENCE)
    {
      training_speed (system, workload, shape, eff, out);
      return;
    }

  bw_device = system->device_bandwidth.value / n_devices * eff->decode_bandwidth;
  bw_host = system->host_bandwidth.value * eff->host_bandwidth;
  compute = rw_system_effective_peak (system, workload->weights->compute_precision,
                                      &out->prefill_precision)
            / n_devices * eff->prefill_compute;

  /* Decode: each step reads the experts the batch's tokens touch. The
   * input embedding is a row lookup and not read as a whole. */
  union_share = _rw_speed_expert_union (shape, workload->batch);
  device_bytes = range_read_bytes (shape, workload, &placement->device, union_share);
  host_bytes = range_read_bytes (shape, workload, &placement->host, union_share);
  if (placement->head_on_device)
    device_bytes += shape->head_bytes;
  else
    host_bytes += shape->head_bytes;

  t_mem = device_bytes / bw_device;
  if (host_bytes > 0)
    t_mem += host_bytes / bw_host;
  t_compute = 2 * shape->compute_params * batch / compute;
  /* An unpublished peak leaves the memory bound alone. */
  out->decode_compute_bound = isfinite (t_compute) && t_compute > t_mem;
  step = (out->decode_compute_bound ? t_compute : t_mem) + eff->decode_latency;
  out->decode_tok_s = 1 / step;
  out->decode_tok_s_total = batch / step;

  /* Prefill: the prompt's tokens attend on average to depth + prompt/2
   * earlier tokens, windowed layers to at most the window. */
  ubatches = ceil (prompt / RW_UBATCH);
  attended = workload->depth + prompt / 2;
  flops_per_token = 2 * shape->compute_params
                    + shape->attention_flops
                      * (shape->n_full * attended
                         + (shape->n_layers - shape->n_full) * MIN (attended, shape->window));
  t_flops = prompt * flops_per_token / compute;

  /* llama.cpp copies host-resident weights to the GPU once per ubatch to
   * run large batches there. */
  device_weights = _rw_range_weights (shape, &placement->device,
                                      _rw_speed_expert_union (shape, MIN (workload->prompt,
                                                                          (guint) RW_UBATCH)));
  host_weights = _rw_range_weights (shape, &placement->host, 1);
  if (placement->head_on_device)
    device_weights += shape->head_bytes;
  else
    host_weights += shape->head_bytes;
  t_copy = host_weights > 0 ? host_weights * ubatches / system->link_bandwidth.value : 0;
  t_floor = ubatches * device_weights / bw_device;

  /* Without a published peak there is no prefill figure, not a floor. */
  t_prefill = isfinite (t_flops) ? MAX (t_flops + t_copy, t_floor) : NAN;
  if (isfinite (t_prefill) && t_prefill > 0)
    {
      out->prefill_tok_s = prompt / t_prefill;
      out->ttft_s = t_prefill + step;
    }
}
