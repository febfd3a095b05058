/* test-speed.c: decode, prefill, time to first token and training speed
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Formulas (rw-speed.c, README "How Rigwise computes"):
 *   decode step = max(bytes_dev / (bw_dev·eff) + bytes_host / (bw_host·eff_host),
 *                     2·P_active·B / (peak·eff_prefill)),
 *     bytes = weights read (routed experts × 1 − (1 − k/E)^B, no embedding
 *     lookup) + B × KV(depth)
 *   prefill = prompt·(2·P_active + 4·n_q·d·Σ_layers attended) / (peak·eff)
 *     + host weights · ⌈prompt/512⌉ / link, at least one weight pass per ubatch
 *   training = peak_fp16 · eff_train / ((6|4)·P + 2·P with checkpointing)
 * The unified fixture reads at 200 GB/s · 0.8 = 160 GB/s and computes at
 * 100 TFLOP/s (FP16) · 0.5 = 50 TFLOP/s.
 */
#include "rw-test-fixtures.h"

static RwEstimate
estimate (const RwSystem   *system,
          const RwWorkload *workload)
{
  RwEstimate out;
  g_autoptr(GError) error = NULL;

  if (!rw_estimate (system, workload, &out, &error))
    g_error ("estimate failed: %s", error->message);
  return out;
}

/* Toy bf16 at depth 0, batch 1: the step reads 4 layers · 15 206 400 · 2
 * + the output head (32000·1024 + 1024)·2 = 121 651 200 + 65 538 048
 * = 187 189 248 bytes (not the 65 536 000-byte embedding table):
 * t_mem = 187 189 248 / 160e9 = 1.16993 ms; compute 2 · 93 594 624 /
 * 50e12 = 3.74 µs, so memory bound: 854.75 tok/s.
 * Prefill 512: FLOPs a token 2 · 93 594 624 + 4·8·128·(4 layers · 256
 * attended) = 187 189 248 + 4 194 304 = 191 383 552; 512 of them at
 * 50e12 = 1.95977 ms (more than the 1.17 ms weight pass): 261 255 tok/s;
 * TTFT = 1.95977 ms + 1.16993 ms. */
static void
test_speed_decode_prefill (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out = estimate (system, &workload);
  double step = 187189248 / 160e9;
  double prefill = 512 * 191383552.0 / 50e12;

  g_assert_false (out.efficiency_uncalibrated);
  g_assert_false (out.decode_compute_bound);
  assert_near (out.decode_efficiency, 0.8);
  assert_near (out.prefill_efficiency, 0.5);
  assert_near (out.decode_tok_s, 1 / step);
  assert_near (out.decode_tok_s_total, 1 / step);
  assert_rel (out.decode_tok_s, 854.75, 1e-4);
  assert_near (out.prefill_tok_s, 512 / prefill);
  assert_rel (out.prefill_tok_s, 261255.5, 1e-4);
  assert_near (out.ttft_s, prefill + step);
  g_assert_cmpint (out.prefill_precision, ==, RW_PRECISION_FP16);
  g_assert_true (isnan (out.train_tok_s));
}

/* The KV cache is read once a step: at depth 4096 one sequence adds
 * 2·2·128 · 4 layers · 4096 · 2 B = 16 777 216 bytes; 8 sequences add
 * 8 × that, while the weights are read once for all of them:
 * 187 189 248 + 134 217 728 = 321 406 976 bytes a step. */
static void
test_speed_depth_and_batch (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out;

  workload.depth = 4096;
  out = estimate (system, &workload);
  assert_near (out.decode_tok_s, 160e9 / (187189248.0 + 16777216));

  workload.batch = 8;
  out = estimate (system, &workload);
  assert_near (out.decode_tok_s, 160e9 / 321406976.0);
  assert_near (out.decode_tok_s_total, 8 * 160e9 / 321406976.0);

  /* 4096 sequences at depth 0 (with a 16-token cache each, to fit):
   * compute 2 · 93 594 624 · 4096 / 50e12 = 15.3 ms beats the 1.17 ms
   * weight read: compute bound. */
  workload.depth = 0;
  workload.context = 16;
  workload.batch = 4096;
  out = estimate (system, &workload);
  g_assert_true (out.decode_compute_bound);
  assert_near (out.decode_tok_s_total, 4096 / (2 * 93594624.0 * 4096 / 50e12));
}

/* Qwen3-30B-A3B Q8_0 (1.0625 B/param): a token reads 48 · (attention
 * 18 878 464 + router 262 144) = 918 749 184 non-expert parameters, the
 * head 151936·2048 + 2048 = 311 166 976, and 8/128 of the 48 ·
 * 603 979 776 routed ones = 1 811 939 328: 3 041 855 488 parameters,
 * 3 231 971 456 bytes: 49.51 tok/s at 160 GB/s.
 * Four tokens touch 1 − (15/16)^4 = 14911/65536 of the experts:
 * (918 749 184 + 311 166 976 + 28 991 029 248 · 14911/65536) · 1.0625
 * = 8 315 194 496 bytes a step: 19.24 tok/s each, 76.97 in total —
 * neither 4 × 49.5 (each token its own experts) nor all experts. */
static void
test_speed_moe_experts (void)
{
  g_autoptr(RwModel) model = fixture_qwen3_30b_a3b ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, q8, q8);
  RwEstimate out;

  out = estimate (system, &workload);
  assert_near (out.decode_tok_s, 160e9 / 3231971456.0);

  workload.batch = 4;
  out = estimate (system, &workload);
  assert_near (out.decode_tok_s,
               160e9 / ((918749184.0 + 311166976 + 28991029248.0 * 14911 / 65536) * 1.0625));
  assert_rel (out.decode_tok_s_total, 76.97, 1e-3);
}

/* Llama-3.1-8B bf16 on the discrete fixture: 17 layers on the GPU, 15 in
 * host RAM (see test-memory.c). A step reads 17 · 436 224 000 + the head
 * 1 050 681 344 = 8 466 489 344 bytes at 1e12 · 0.8 and 15 · 436 224 000
 * = 6 543 360 000 at 50e9 · 0.5: 10.58 ms + 261.73 ms = 272.32 ms,
 * 3.672 tok/s. Prefill: 512 · (2 · 7 504 924 672 + 4·32·128·32·256)
 * = 512 · 15 144 067 072 FLOPs at 200e12 · 0.5 = 77.54 ms, + the host
 * weights over the link once (one ubatch): 6 543 360 000 / 25e9
 * = 261.73 ms → 1509.1 tok/s. */
static void
test_speed_spill (void)
{
  g_autoptr(RwModel) model = fixture_llama_3_1_8b ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_discrete ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out = estimate (system, &workload);
  double step = 8466489344.0 / 8e11 + 6543360000.0 / 25e9;
  double prefill = 512 * 15144067072.0 / 1e14 + 6543360000.0 / 25e9;

  g_assert_cmpint (out.fit, ==, RW_FIT_SPILLS);
  assert_near (out.decode_tok_s, 1 / step);
  assert_rel (out.decode_tok_s, 3.672, 1e-3);
  assert_near (out.prefill_tok_s, 512 / prefill);
  assert_rel (out.prefill_tok_s, 1509.1, 1e-4);

  /* A 2048-token prompt is 4 ubatches: the host weights cross 4 times. */
  workload.prompt = 2048;
  out = estimate (system, &workload);
  assert_near (out.prefill_tok_s,
               2048 / (2048 * (2 * 7504924672.0 + 4.0 * 32 * 128 * 32 * 1024) / 1e14
                       + 4 * 6543360000.0 / 25e9));
}

/* Sliding window in prefill: the toy model with 2 of its 4 layers
 * windowed at 128. At depth 0 a prompt token attends to 256 on average:
 * 2·256 + 2·128 = 768 → 4·8·128·768 = 3 145 728 attention FLOPs; at
 * depth 4096: 2·4352 + 2·128 = 8960 → 36 700 160. */
static void
test_speed_sliding_window_prefill (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out;

  model->sliding_window = 128;
  model->n_swa_layers = 2;
  out = estimate (system, &workload);
  assert_near (out.prefill_tok_s, 50e12 / (187189248.0 + 3145728));
  workload.depth = 4096;
  out = estimate (system, &workload);
  assert_near (out.prefill_tok_s, 50e12 / (187189248.0 + 36700160));
}

/* llama.cpp runs the devices of a split one after another: two devices
 * with twice the aggregate bandwidth and compute give one device's speed. */
static void
test_speed_multi_device (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) one = fixture_unified ();
  g_autoptr(RwSystem) two = rw_system_copy (one);
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate a, b;

  two->n_devices = 2;
  two->device_bandwidth.value *= 2;
  two->peak[RW_PRECISION_FP16].value *= 2;
  a = estimate (one, &workload);
  b = estimate (two, &workload);
  assert_near (b.decode_tok_s, a.decode_tok_s);
  assert_near (b.prefill_tok_s, a.prefill_tok_s);
}

/* An FP4 format on a system without a published FP4 peak runs at the
 * next wider published one, FP8 (200 TFLOP/s): prefill of the toy model
 * in "mxfp4" (4.25 bpw) becomes 512 · 191 383 552 / 100e12 = 0.98 ms,
 * above the weight pass: (4 · 15 206 400 + 32000·1024 + 1024) params
 * · 4.25/8 = 93 594 624 · 0.53125 = 49 722 144 bytes / 160e9 = 0.31 ms,
 * which is also the decode step. */
static void
test_speed_precision_fallback (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) fp4 = fixture_format ("mxfp4", 4.25, 0, TRUE, FALSE, RW_PRECISION_FP4);
  g_autoptr(RwFormat) f16 = fixture_f16_kv ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, fp4, f16);
  RwEstimate out = estimate (system, &workload);

  g_assert_cmpint (out.prefill_precision, ==, RW_PRECISION_FP8);
  assert_near (out.prefill_tok_s, 100e12 / 191383552.0);
  assert_near (out.decode_tok_s, 160e9 / 49722144.0);

  /* With no published peak at all, prefill is unknown, not invented;
   * decode stays memory bound. */
  for (guint p = 0; p < RW_PRECISION_N; p++)
    system->peak[p].value = NAN;
  out = estimate (system, &workload);
  g_assert_true (isnan (out.prefill_tok_s));
  g_assert_true (isnan (out.ttft_s));
  assert_near (out.decode_tok_s, 160e9 / 49722144.0);
  g_assert_false (out.decode_compute_bound);
}

/* A runtime the system has no efficiencies for: the documented defaults
 * (decode 0.70), flagged. */
static void
test_speed_uncalibrated (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out;

  workload.runtime = "vllm";
  out = estimate (system, &workload);
  g_assert_true (out.efficiency_uncalibrated);
  assert_near (out.decode_efficiency, 0.70);
  assert_near (out.decode_tok_s, 200e9 * 0.70 / 187189248);
}

/* A per-step latency (kernel launches, syncs) adds to every decode step
 * and so to the time to first token: 1.16993 ms + 2 ms a step. */
static void
test_speed_decode_latency (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEfficiency *efficiency = g_ptr_array_index (system->efficiencies, 0);
  double step = 187189248 / 160e9 + 0.002;
  RwEstimate out;

  efficiency->decode_latency = 0.002;
  out = estimate (system, &workload);
  assert_near (out.decode_tok_s, 1 / step);
  assert_near (out.ttft_s, 512 * 191383552.0 / 50e12 + step);
  /* Prefill is unaffected. */
  assert_near (out.prefill_tok_s, 50e12 / 191383552.0);
}

/* Training the toy model (P = 93 594 624 active, no lookup) at
 * 100e12 · 0.4 = 40 TFLOP/s: full with checkpointing 8·P a token →
 * 40e12 / 748 756 992 = 53 422 tok/s; without 6·P; LoRA 6·P / 4·P. */
static void
test_speed_training (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  double p = 93594624;
  RwEstimate out;

  workload.mode = RW_MODE_FULL;
  out = estimate (system, &workload);
  assert_near (out.train_tok_s, 40e12 / (8 * p));
  assert_rel (out.train_tok_s, 53422, 1e-4);
  g_assert_true (isnan (out.decode_tok_s));
  g_assert_true (isnan (out.prefill_tok_s));

  workload.grad_checkpointing = FALSE;
  out = estimate (system, &workload);
  assert_near (out.train_tok_s, 40e12 / (6 * p));

  workload.mode = RW_MODE_LORA;
  out = estimate (system, &workload);
  assert_near (out.train_tok_s, 40e12 / (4 * p));
  workload.grad_checkpointing = TRUE;
  out = estimate (system, &workload);
  assert_near (out.train_tok_s, 40e12 / (6 * p));
}

/* Speed model v2: a backend's constants over the hardware's figures
 * (rw-speed.c). The toy backend, round numbers: weights stream at 80 % of
 * the bandwidth, the KV cache at 50 %; 50 µs a layer, 30 µs more a MoE
 * layer, 100 µs a step; experts spread B^0.5; extra tokens at 10 % (≤ 8)
 * or 20 % of the kernel's peak; prefill on INT8 MMA at 25 %, FP4 at 20 %,
 * FP16 at 50 %, attention at 50 % of FP16; 100 tokens an expert for half
 * speed. The unified fixture gets INT8 400 TOPS and FP4 800 TFLOP/s. */
static RwSystem *
backend_system (RwBackend **backend_out)
{
  RwSystem *system = fixture_unified ();
  RwBackend *backend = rw_backend_new ();

  backend->id = g_strdup ("llama.cpp/cuda");
  backend->runtime = g_strdup ("llama.cpp");
  backend->api = RW_API_CUDA;
  backend->name = g_strdup ("toy");
  backend->weight_bandwidth = 0.8;
  backend->kv_bandwidth = 0.5;
  backend->layer_time = 50e-6;
  backend->moe_layer_time = 30e-6;
  backend->step_time = 100e-6;
  backend->expert_spread = 0.5;
  backend->vector_compute = 0.1;
  backend->batch_compute = 0.2;
  backend->matmul[RW_KERNEL_INT8_MMA] = 0.25;
  backend->matmul[RW_KERNEL_FP4_MMA] = 0.2;
  backend->matmul[RW_KERNEL_FP16_MMA] = 0.5;
  backend->moe_half_tokens = 100;
  backend->attention = 0.5;
  backend->ubatch = 512;
  backend->n_rows = 10;
  fixture_set (&system->peak[RW_PRECISION_INT8], 400e12);
  fixture_set (&system->peak[RW_PRECISION_FP4], 800e12);
  system->apis = 1u << RW_API_CUDA;
  system->api = RW_API_CUDA;
  g_ptr_array_add (system->backends, backend);
  *backend_out = backend;
  return system;
}

/* Toy bf16 (93 594 624 active parameters; a step reads 187 189 248 B):
 *   batch 1, depth 0: 187 189 248 / 160e9 = 1.1699328 ms + 4 · 50 µs
 *     + 100 µs = 1.4699328 ms, 680.3 tok/s
 *   depth 4096: + 16 777 216 B of KV / 100e9 = 0.16777216 ms
 *   batch 4: + 2 · 93 594 624 · 4 / (100e12 · 0.1) = 74.8756992 µs
 *   batch 16: + 2 · 93 594 624 · 16 / (100e12 · 0.2) = 149.7513984 µs
 *   prefill 512 on FP16 MMA at 50e12: 2 · 93 594 624 · 512 = 95 840 894 976
 *     FLOPs, 1.91681790 ms, + attention 512 · 4 · 4·8·128 · 256
 *     = 2 147 483 648 FLOPs, 42.9497 µs: 1.95976757 ms, 261 255 tok/s
 *   Q8_0 (99 444 288 B): prefill on INT8 MMA at 100e12: 0.95840895 ms
 *     + 42.9497 µs = 1.00135862 ms, 511 305 tok/s (the 0.62 ms weight
 *     pass is less)
 *   a chip at matmul_scale 0.5: the matrix part doubles, attention not:
 *     3.83363580 + 0.04294967 = 3.87658547 ms. */
static void
test_speed_backend_dense (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  RwBackend *backend;
  g_autoptr(RwSystem) system = backend_system (&backend);
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out;
  double step = 187189248 / 160e9 + 4 * 50e-6 + 100e-6;
  double prefill = 95840894976.0 / 50e12 + 2147483648.0 / 50e12;

  out = estimate (system, &workload);
  g_assert_true (out.backend == backend);
  g_assert_false (out.efficiency_uncalibrated);
  g_assert_cmpint (out.prefill_kernel, ==, RW_KERNEL_FP16_MMA);
  assert_near (out.decode_tok_s, 1 / step);
  assert_rel (out.decode_tok_s, 680.30, 1e-4);
  assert_near (out.prefill_tok_s, 512 / prefill);
  assert_rel (out.prefill_tok_s, 261255, 1e-5);
  assert_near (out.ttft_s, prefill + step);

  workload.depth = 4096;
  out = estimate (system, &workload);
  assert_near (out.decode_tok_s, 1 / (step + 16777216 / 100e9));

  workload.depth = 0;
  workload.batch = 4;
  out = estimate (system, &workload);
  assert_near (out.decode_tok_s, 1 / (step + 74.8756992e-6));
  assert_near (out.decode_tok_s_total, 4 / (step + 74.8756992e-6));
  g_assert_false (out.decode_compute_bound);

  workload.batch = 16;
  out = estimate (system, &workload);
  assert_near (out.decode_tok_s_total, 16 / (step + 149.7513984e-6));

  workload.batch = 1;
  workload.weights = q8;
  out = estimate (system, &workload);
  g_assert_cmpint (out.prefill_kernel, ==, RW_KERNEL_INT8_MMA);
  assert_near (out.prefill_tok_s, 512 / (95840894976.0 / 100e12 + 2147483648.0 / 50e12));
  assert_rel (out.prefill_tok_s, 511305, 1e-5);

  /* Without an INT8 peak the quantised weights take the FP16 path. */
  system->peak[RW_PRECISION_INT8].value = NAN;
  out = estimate (system, &workload);
  g_assert_cmpint (out.prefill_kernel, ==, RW_KERNEL_FP16_MMA);
  assert_near (out.prefill_tok_s, 512 / prefill);

  workload.weights = bf16;
  ((RwEfficiency *) g_ptr_array_index (system->efficiencies, 0))->matmul_scale = 0.5;
  out = estimate (system, &workload);
  assert_near (out.prefill_tok_s, 512 / (2 * 95840894976.0 / 50e12 + 2147483648.0 / 50e12));
}

/* Qwen3-30B-A3B Q8_0 on the same backend. A token reads 3 231 971 456 B
 * (test_speed_moe_experts); each of the 48 layers is a MoE layer:
 *   batch 1: 20.19982160 ms + 48 · 80 µs + 100 µs = 24.13982160 ms,
 *     41.425 tok/s
 *   batch 4: the tokens touch the experts 4^0.5 = 2 independent ones
 *     would, 1 − (15/16)² = 31/256 of them: (918 749 184 + 311 166 976
 *     + 28 991 029 248 · 31/256) · 1.0625 = 5 036 832 896 B, 31.48020560
 *     ms, + 3.94 ms, + 2 · 3 041 855 488 · 4 / (400e12 · 0.1)
 *     = 0.60837110 ms: 36.02857670 ms, 111.02 tok/s in all
 *   prefill 512: 32 tokens an expert run at 32 / (32 + 100) of the INT8
 *     rate: dense 2 · 1 229 916 160 · 512 / 100e12 = 12.59434148 ms,
 *     experts 2 · 1 811 939 328 · 512 / (100e12 · 32/132) = 76.53631722
 *     ms, attention 512 · 48 · 16 384 · 256 / 50e12 = 2.06158430 ms:
 *     91.19224300 ms — but a 512-token ubatch touches every expert, so
 *     the weight pass 32 109 754 496 B / 160e9 = 200.68596560 ms bounds
 *     it: 2551.2 tok/s. At 10 TB/s (pass 4.01 ms) the FLOPs bound it:
 *     5614.5 tok/s. */
static void
test_speed_backend_moe (void)
{
  g_autoptr(RwModel) model = fixture_qwen3_30b_a3b ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  RwBackend *backend;
  g_autoptr(RwSystem) system = backend_system (&backend);
  RwWorkload workload = fixture_workload (model, q8, bf16);
  double fixed = 48 * 80e-6 + 100e-6;
  double flops = 2 * 1229916160.0 * 512 / 100e12 + 2 * 1811939328.0 * 512 / (100e12 * 32 / 132)
                 + 512.0 * 48 * 16384 * 256 / 50e12;
  RwEstimate out;

  out = estimate (system, &workload);
  assert_near (out.decode_tok_s, 1 / (3231971456.0 / 160e9 + fixed));
  assert_rel (out.decode_tok_s, 41.425, 1e-4);
  assert_near (out.prefill_tok_s, 512 / (32109754496.0 / 160e9));
  assert_rel (out.prefill_tok_s, 2551.2, 1e-4);

  workload.batch = 4;
  out = estimate (system, &workload);
  assert_near (out.decode_tok_s_total,
               4 / (5036832896.0 / 160e9 + fixed + 2 * 3041855488.0 * 4 / 40e12));
  assert_rel (out.decode_tok_s_total, 111.02, 1e-4);

  workload.batch = 1;
  system->device_bandwidth.value = 10e12;
  out = estimate (system, &workload);
  assert_near (out.prefill_tok_s, 512 / flops);
  assert_rel (out.prefill_tok_s, 5614.5, 1e-4);
}

/* Nothing that does not fit gets a speed. */
static void
test_speed_does_not_fit (void)
{
  g_autoptr(RwModel) model = fixture_llama_3_1_8b ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out;

  workload.batch = 256;
  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_DOES_NOT_FIT);
  g_assert_true (isnan (out.decode_tok_s));
  g_assert_true (isnan (out.decode_tok_s_total));
  g_assert_true (isnan (out.prefill_tok_s));
  g_assert_true (isnan (out.ttft_s));
  g_assert_true (isnan (out.train_tok_s));

  workload.batch = 1;
  workload.mode = RW_MODE_FULL;
  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_DOES_NOT_FIT);
  g_assert_true (isnan (out.train_tok_s));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/speed/decode-prefill", test_speed_decode_prefill);
  g_test_add_func ("/speed/depth-and-batch", test_speed_depth_and_batch);
  g_test_add_func ("/speed/moe-experts", test_speed_moe_experts);
  g_test_add_func ("/speed/spill", test_speed_spill);
  g_test_add_func ("/speed/sliding-window-prefill", test_speed_sliding_window_prefill);
  g_test_add_func ("/speed/multi-device", test_speed_multi_device);
  g_test_add_func ("/speed/precision-fallback", test_speed_precision_fallback);
  g_test_add_func ("/speed/uncalibrated", test_speed_uncalibrated);
  g_test_add_func ("/speed/decode-latency", test_speed_decode_latency);
  g_test_add_func ("/speed/training", test_speed_training);
  g_test_add_func ("/speed/does-not-fit", test_speed_does_not_fit);
  g_test_add_func ("/speed/backend-dense", test_speed_backend_dense);
  g_test_add_func ("/speed/backend-moe", test_speed_backend_moe);

  return g_test_run ();
}
