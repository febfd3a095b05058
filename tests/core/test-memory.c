/* test-memory.c: memory breakdown, weight bytes and the fit verdict
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Formulas (rw-memory.c, README "How Rigwise computes"):
 *   weights    Σ params × bpw / 8 (routed experts at the format's expert bpw)
 *   KV         kv elements(context) × KV bytes × batch
 *   inference  activations = u·vocab·4 + u·(d_ff + 4·h)·4, u = min(context·batch, 512)
 *   overhead   0.5 GiB per device
 *   LoRA       base + r·(in+out) adapters × (2 weight + 2 grad + optimizer)
 *   training   activations 34·s·b·h per layer (checkpointing: 2·s·b·h per
 *              layer + one layer's 34·s·b·h) + fp32 logits 4·s·b·vocab
 */
#include "rw-test-fixtures.h"

#define OVERHEAD (0.5 * GIB)   /* 536 870 912 */

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

/* Toy model, bf16, f16 KV, context 8192, batch 1:
 * weights 126 362 624 × 2 = 252 725 248; KV 2·2·128·4·8192 × 2 B
 * = 33 554 432; activations 512·32000·4 + 512·(4096 + 4·1024)·4
 * = 65 536 000 + 16 777 216 = 82 313 216; overhead 536 870 912;
 * total 905 463 808. */
static void
test_memory_inference_breakdown (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out = estimate (system, &workload);

  g_assert_true (out.system == system);
  assert_near (out.memory.weights, 252725248);
  assert_near (out.memory.kv_cache, 33554432);
  assert_near (out.memory.activations, 82313216);
  assert_near (out.memory.overhead, OVERHEAD);
  g_assert_cmpfloat (out.memory.gradients, ==, 0);
  g_assert_cmpfloat (out.memory.optimizer, ==, 0);
  assert_near (out.memory.total, 905463808);
  assert_near (out.memory.capacity, 100e9);
  assert_near (out.memory.device_capacity, 100e9);
  g_assert_cmpfloat (out.memory.spill, ==, 0);
  g_assert_cmpint (out.fit, ==, RW_FIT_FITS);
  g_assert_cmpuint (out.layers_on_device, ==, 4);
  g_assert_cmpuint (out.layers_on_host, ==, 0);

  /* Batch 4 quadruples the KV cache; the compute buffer stays sized for
   * one 512-token ubatch, whatever the prompt. */
  workload.batch = 4;
  workload.prompt = 100;
  out = estimate (system, &workload);
  assert_near (out.memory.kv_cache, 4 * 33554432.0);
  assert_near (out.memory.activations, 82313216);

  /* A 100-token context for each of 4 sequences holds 400 tokens in all,
   * so the worst-case ubatch is min(400, 512) = 400 tokens:
   * 400·32000·4 + 400·8192·4 = 64 307 200. */
  workload.context = 100;
  out = estimate (system, &workload);
  assert_near (out.memory.activations, 64307200);
  workload.context = 8192;

  /* A Q8_0 KV cache: 8.5 bits an element, 16 777 216 · 4 · 1.0625. */
  workload.kv = fixture_q8_0 ();
  out = estimate (system, &workload);
  assert_near (out.memory.kv_cache, 16777216.0 * 4 * 1.0625);
  rw_format_free ((RwFormat *) workload.kv);
}

/* llama-quantize stores the output head as Q6_K for every ftype but Q8_0,
 * MXFP4_MOE and IQ1/IQ2 (src/llama-quant.cpp, llama_tensor_get_type_impl),
 * so a Q4_0 file's head is 6.5625 bits a weight while its layers are 4.5.
 * Toy model: layers 4 · 15 206 400 · 0.5625 = 34 214 400 B, head (with the
 * final norm) 32 769 024 · 6.5625 / 8 = 26 880 840 B, input table
 * 32 768 000 · 0.5625 = 18 432 000 B: 79 527 240 B of weights; a decode
 * step reads the layers and the head, 61 095 240 B, at 160 GB/s: 2618.86
 * tok/s. The same format as a KV cache is plain Q4_0. */
static void
test_memory_head_bits (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) q4 = fixture_format ("q4_0", 4.5, 0, TRUE, TRUE, RW_PRECISION_FP16);
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, q4, bf16);
  RwEstimate out;

  q4->head_bits_per_weight = 6.5625;
  out = estimate (system, &workload);
  assert_near (out.memory.weights, 79527240.0);
  assert_near (out.decode_tok_s, 160e9 / 61095240.0);
  assert_rel (out.decode_tok_s, 2618.86, 1e-5);

  /* An override of the bits per weight applies to every tensor. */
  workload.bits_per_weight_override = 4.5;
  out = estimate (system, &workload);
  assert_near (out.memory.weights, (4 * 15206400.0 + 32769024 + 32768000) * 0.5625);
  workload.bits_per_weight_override = 0;

  /* As the KV cache's format the head bits mean nothing. */
  workload.kv = q4;
  workload.weights = bf16;
  out = estimate (system, &workload);
  assert_near (out.memory.kv_cache, 33554432.0 / 16 * 4.5);
}

/* Weight bytes against the sizes llama-bench reports (tensor bytes only,
 * ../shared/reference/gguf-sizes.csv); tolerance 1 %. */
static void
test_memory_weights_vs_llama_bench (void)
{
  g_autoptr(RwSystem) system = fixture_unified ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  g_autoptr(RwFormat) mxfp4_moe = fixture_mxfp4_moe ();
  g_autoptr(RwModel) llama = fixture_llama_3_1_8b ();
  g_autoptr(RwModel) gpt_oss = fixture_gpt_oss_20b ();
  g_autoptr(RwModel) qwen = fixture_qwen3_30b_a3b ();
  g_autoptr(RwModel) gemma = fixture_gemma_3_27b ();
  RwWorkload workload;
  RwEstimate out;

  /* Llama-3.1-8B Q8_0: 8 030 261 248 × 8.5/8 = 8 532 152 576 B
   * = 7.946 GiB; llama-bench 7.95 GiB. */
  workload = fixture_workload (llama, q8, q8);
  out = estimate (system, &workload);
  assert_near (out.memory.weights, 8532152576.0);
  assert_rel (out.memory.weights, 7.95 * GIB, 0.01);

  /* gpt-oss-20b MXFP4_MOE: routed experts 24 · 796 262 400 =
   * 19 110 297 600 at 4.25 bpw = 10 152 345 600 B; the other
   * 1 797 821 760 at 8.5 bpw = 1 910 185 620 B; 12 062 531 220 B
   * = 11.234 GiB; llama-bench 11.27 GiB. */
  workload = fixture_workload (gpt_oss, mxfp4_moe, q8);
  out = estimate (system, &workload);
  assert_near (out.memory.weights, 12062531220.0);
  assert_rel (out.memory.weights, 11.27 * GIB, 0.01);

  /* The override replaces both: 20 908 119 360 × 4/8 = 10 454 059 680. */
  workload.bits_per_weight_override = 4;
  out = estimate (system, &workload);
  assert_near (out.memory.weights, 10454059680.0);

  /* Qwen3-30B-A3B Q8_0: 30 532 110 336 × 1.0625 = 32 440 367 232 B
   * = 30.21 GiB; llama-bench 30.25 GiB. */
  workload = fixture_workload (qwen, q8, q8);
  out = estimate (system, &workload);
  assert_rel (out.memory.weights, 30.25 * GIB, 0.01);

  /* Gemma-3-27B Q8_0: 27 008 663 808 × 1.0625 = 28 696 705 296 B
   * = 26.73 GiB; llama-bench 26.73 GiB. */
  workload = fixture_workload (gemma, q8, q8);
  out = estimate (system, &workload);
  assert_near (out.memory.weights, 28696705296.0);
  assert_rel (out.memory.weights, 26.73 * GIB, 0.01);
}

/* KV bytes of GQA, sliding-window and MLA models at 8192 tokens, f16. */
static void
test_memory_kv_bytes (void)
{
  g_autoptr(RwSystem) system = fixture_unified ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  g_autoptr(RwFormat) f16 = fixture_f16_kv ();
  g_autoptr(RwModel) llama = fixture_llama_3_1_8b ();
  g_autoptr(RwModel) gpt_oss = fixture_gpt_oss_20b ();
  g_autoptr(RwModel) deepseek = fixture_deepseek_v3 ();
  RwWorkload workload;
  RwEstimate out;

  /* GQA: 2·8·128·32·8192 × 2 B = 1 GiB a sequence; batch 2 → 2 GiB
   * (a hidden-size estimate would give 4× that). */
  workload = fixture_workload (llama, q8, f16);
  workload.batch = 2;
  out = estimate (system, &workload);
  assert_near (out.memory.kv_cache, 2 * GIB);

  /* Sliding window: 2·8·64·(12·8192 + 12·128) × 2 B = 204 472 320. */
  workload = fixture_workload (gpt_oss, q8, f16);
  out = estimate (system, &workload);
  assert_near (out.memory.kv_cache, 204472320);

  /* MLA: (512 + 64)·61·8192 × 2 B = 575 668 224. */
  workload = fixture_workload (deepseek, q8, f16);
  out = estimate (system, &workload);
  assert_near (out.memory.kv_cache, 575668224);
}

/* LoRA on the toy model, bf16 base, rank 16, AdamW, s 2048, b 1:
 * adapters per layer q 16·(1024+1024) = 32 768, k and v 16·(1024+256)
 * = 20 480 each, o 32 768, gate/up/down 3·16·(1024+4096) = 245 760 →
 * 352 256; ×4 = 1 409 024 trainable.
 * weights 252 725 248 + 1 409 024·2 = 255 543 296; gradients 2 818 048;
 * AdamW 1 409 024·12 = 16 908 288; activations with checkpointing
 * 2·2048·1024·4 + 34·2048·1024 + 4·2048·32000 = 16 777 216 + 71 303 168
 * + 262 144 000 = 350 224 384; total + overhead = 1 162 364 928. */
static void
test_memory_lora (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out;

  workload.mode = RW_MODE_LORA;
  out = estimate (system, &workload);
  assert_near (out.memory.weights, 255543296);
  assert_near (out.memory.gradients, 2818048);
  assert_near (out.memory.optimizer, 16908288);
  assert_near (out.memory.activations, 350224384);
  g_assert_cmpfloat (out.memory.kv_cache, ==, 0);
  assert_near (out.memory.total, 1162364928);
  g_assert_cmpint (out.fit, ==, RW_FIT_FITS);

  /* Without checkpointing: 34·2048·1024·4 + 262 144 000 = 547 356 672. */
  workload.grad_checkpointing = FALSE;
  out = estimate (system, &workload);
  assert_near (out.memory.activations, 547356672);

  /* QLoRA: the base in NF4 whatever the format, 126 362 624 · 4.127/8
   * = 65 187 323.5…, + adapters 2 818 048. */
  workload.mode = RW_MODE_QLORA;
  out = estimate (system, &workload);
  assert_near (out.memory.weights, 126362624.0 * 4.127 / 8 + 2818048);
  assert_near (out.memory.gradients, 2818048);
}

/* Full fine-tune of the toy model: bf16 weights 252 725 248 and
 * gradients 252 725 248; AdamW 126 362 624·12 = 1 516 351 488, 8-bit
 * AdamW ·6 = 758 175 744, SGD ·8 = 1 010 900 992. */
static void
test_memory_full (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, q8, q8);
  RwEstimate out;

  workload.mode = RW_MODE_FULL;
  out = estimate (system, &workload);
  /* bf16 master copy whatever the download format. */
  assert_near (out.memory.weights, 252725248);
  assert_near (out.memory.gradients, 252725248);
  assert_near (out.memory.optimizer, 1516351488);
  assert_near (out.memory.total, 252725248.0 * 2 + 1516351488 + 350224384 + OVERHEAD);

  workload.optimizer = RW_OPTIMIZER_ADAMW_8BIT;
  out = estimate (system, &workload);
  assert_near (out.memory.optimizer, 758175744);
  workload.optimizer = RW_OPTIMIZER_SGD;
  out = estimate (system, &workload);
  assert_near (out.memory.optimizer, 1010900992);
}

/* Unified memory: fits or does not, never spills. Llama-3.1-8B full
 * fine-tune: 8.03 B × 16 B ≈ 128.5 GB > 100 GB usable. */
static void
test_memory_fit_unified (void)
{
  g_autoptr(RwModel) model = fixture_llama_3_1_8b ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out;

  workload.mode = RW_MODE_FULL;
  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_DOES_NOT_FIT);
  g_assert_cmpfloat (out.memory.total, >, 128e9);
  g_assert_cmpfloat (out.memory.spill, ==, 0);

  workload.mode = RW_MODE_LORA;
  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_FITS);

  /* Inference with a KV cache for 256 sequences of 8192 tokens: 256 GiB. */
  workload.mode = RW_MODE_INFERENCE;
  workload.batch = 256;
  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_DOES_NOT_FIT);
  g_assert_cmpuint (out.layers_on_host, ==, 0);
}

/* Discrete, Llama-3.1-8B bf16, f16 KV at 8192, 10 GB usable VRAM:
 * on the GPU stay the output head (128256·4096 + 4096)·2 = 1 050 681 344,
 * the compute buffer 512·128256·4 + 512·(14336 + 16384)·4 = 325 582 848
 * and the overhead 536 870 912: 1 913 135 104; that leaves
 * 8 086 864 896 for layers of 218 112 000·2 + 2·8·128·8192·2
 * = 436 224 000 + 33 554 432 = 469 778 432 bytes each: ⌊17.2⌋ = 17 on
 * the GPU, 15 in host RAM, spill 15 · 469 778 432 = 7 046 676 480. Host
 * RAM holds that + the embedding table 1 050 673 152 = 8 097 349 632
 * ≤ 64 GB − 8 GiB = 55 410 065 408: spills. */
static void
test_memory_fit_discrete (void)
{
  g_autoptr(RwModel) model = fixture_llama_3_1_8b ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_discrete ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out;

  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_SPILLS);
  g_assert_cmpuint (out.layers_on_device, ==, 17);
  g_assert_cmpuint (out.layers_on_host, ==, 15);
  assert_near (out.memory.spill, 7046676480.0);
  assert_near (out.memory.device_capacity, 10e9);
  assert_near (out.memory.capacity, 10e9 + 55410065408.0);

  /* 16 GB host RAM keep only 16e9 − 8 GiB = 7 410 065 408 free. */
  system->host_memory.value = 16e9;
  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_DOES_NOT_FIT);

  /* 1 GB of VRAM holds not even the head: a CPU-only run, everything
   * spilled: 32 layers + head + compute buffer = 32 · 469 778 432
   * + 1 050 681 344 + 325 582 848 = 16 409 174 016. */
  system->host_memory.value = 64e9;
  system->device_usable.value = 1e9;
  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_SPILLS);
  g_assert_cmpuint (out.layers_on_device, ==, 0);
  assert_near (out.memory.spill, 16409174016.0);

  /* The toy model fits whole: nothing spills. */
  {
    g_autoptr(RwModel) toy = fixture_toy ();

    system->device_usable.value = 10e9;
    workload.model = toy;
    out = estimate (system, &workload);
    g_assert_cmpint (out.fit, ==, RW_FIT_FITS);
    g_assert_cmpuint (out.layers_on_device, ==, 4);
    g_assert_cmpfloat (out.memory.spill, ==, 0);
  }
}

/* Expert offload (llama.cpp --n-cpu-moe N, PR #15077: "keep all Mixture of
 * Experts weights of the first N layers in the CPU"), chosen over a
 * whole-layer spill when it decodes faster.
 * Qwen3-30B-A3B Q8_0 (1.0625 B a parameter), bf16 KV cache, 8192 tokens,
 * on the discrete fixture (10 GB usable VRAM, 64 GB host RAM):
 *   non-expert weights 48 · 19 140 608 · 1.0625 = 976 171 008
 *   output head 311 166 976 · 1.0625 = 330 614 912
 *   KV cache 2 · 4 · 128 · 2 B · 48 layers · 8192 = 805 306 368
 *   compute buffer 512 · 151 936 · 4 + 512 · (8 · 768 + 4 · 2048) · 4
 *     = 340 525 056; runtime 0.5 GiB = 536 870 912
 *   everything but the experts: 2 989 488 256; the 7 010 511 744 left
 *   hold the experts of 10 layers (603 979 776 · 1.0625 = 641 728 512
 *   each), so N = 48 − 10 = 38 and 38 · 641 728 512 = 24 385 683 456
 *   bytes are in host RAM.
 * Decode (the fixture's 80 % of 1 TB/s, 50 % of 50 GB/s): the GPU reads
 *   976 171 008 + 330 614 912 + 10 · 641 728 512 / 16 = 1 707 866 240 B
 *   in 2.13483 ms, the CPU 38 · 641 728 512 / 16 = 1 524 105 216 B in
 *   60.96421 ms: 63.09904 ms, 15.848 tok/s.
 * A whole-layer split instead fits (10e9 − head − buffer − runtime)
 *   / (20 336 896 + 641 728 512 + 16 777 216 KV) = 12 layers; the other
 *   36 layers' 36 · (20 336 896 + 40 108 032) = 2 176 017 408 B at
 *   25 GB/s take 87.04 ms: 11.3 tok/s, slower, so not chosen. */
static void
test_memory_expert_offload (void)
{
  g_autoptr(RwModel) model = fixture_qwen3_30b_a3b ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_discrete ();
  RwWorkload workload = fixture_workload (model, q8, bf16);
  RwEstimate out;
  double step = 1707866240.0 / 0.8e12 + 1524105216.0 / 25e9;

  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_SPILLS);
  g_assert_cmpint (out.placement, ==, RW_PLACEMENT_EXPERT_OFFLOAD);
  g_assert_cmpstr (rw_placement_to_string (out.placement), ==, "expert-offload");
  g_assert_cmpuint (out.cpu_moe_layers, ==, 38);
  g_assert_cmpuint (out.layers_on_device, ==, 48);
  g_assert_cmpuint (out.layers_on_host, ==, 0);
  assert_near (out.memory.kv_cache, 805306368.0);
  assert_near (out.memory.activations, 340525056.0);
  assert_near (out.memory.spill, 24385683456.0);
  assert_near (out.decode_tok_s, 1 / step);
  assert_rel (out.decode_tok_s, 15.848, 1e-4);
  g_assert_cmpfloat (out.decode_tok_s, >, 1 / (1055954048.0 / 0.8e12 + 2176017408.0 / 25e9));

  /* At 131 072 tokens the KV cache alone (12.9 GB) outgrows the 10 GB:
   * no expert offload can fit, whole layers spill (9 of them on the GPU:
   * 8 791 989 120 / (662 065 408 + 268 435 456)). */
  workload.context = 131072;
  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_SPILLS);
  g_assert_cmpint (out.placement, ==, RW_PLACEMENT_LAYER_SPLIT);
  g_assert_cmpuint (out.cpu_moe_layers, ==, 0);
  g_assert_cmpuint (out.layers_on_device, ==, 9);

  /* A dense model has no experts to offload: Llama-3.1-8B in bf16 (16 GB)
   * spills whole layers. */
  {
    g_autoptr(RwModel) dense = fixture_llama_3_1_8b ();

    workload.model = dense;
    workload.weights = bf16;
    workload.context = 8192;
    out = estimate (system, &workload);
    g_assert_cmpint (out.placement, ==, RW_PLACEMENT_LAYER_SPLIT);
    g_assert_cmpuint (out.cpu_moe_layers, ==, 0);
  }

  /* Everything fits a 40 GB card: all on the device. */
  workload.model = model;
  workload.weights = q8;
  system->device_usable.value = 40e9;
  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_FITS);
  g_assert_cmpint (out.placement, ==, RW_PLACEMENT_DEVICE);
  g_assert_cmpuint (out.cpu_moe_layers, ==, 0);
}

/* Training on a discrete GPU does not offload: the LoRA of Llama-3.1-8B
 * needs the 16 GB bf16 base in VRAM, more than 10 GB. */
static void
test_memory_fit_discrete_training (void)
{
  g_autoptr(RwModel) model = fixture_llama_3_1_8b ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) system = fixture_discrete ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate out;

  workload.mode = RW_MODE_LORA;
  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_DOES_NOT_FIT);
  g_assert_cmpfloat (out.memory.spill, ==, 0);

  /* QLoRA: base 8 030 261 248 · 4.127/8 = 4 142 611 021.3; adapters
   * (rank 16) q 16·(4096+4096) = 131 072, k and v 16·(4096+1024) = 81 920
   * each, o 131 072, gate/up/down 3·16·(4096+14336) = 884 736 →
   * 1 310 720 a layer, ×32 = 41 943 040, × 16 B = 671 088 640;
   * activations 2·2048·4096·32 + 34·2048·4096 + 4·2048·128256
   * = 1 872 756 736; + overhead → 7 223 327 309.3 ≤ 10 GB: fits. */
  workload.mode = RW_MODE_QLORA;
  out = estimate (system, &workload);
  g_assert_cmpint (out.fit, ==, RW_FIT_FITS);
  assert_near (out.memory.gradients + out.memory.optimizer, 41943040.0 * 14);
  assert_near (out.memory.activations, 1872756736);
  assert_near (out.memory.total, 7223327309.312);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/memory/inference-breakdown", test_memory_inference_breakdown);
  g_test_add_func ("/memory/weights-vs-llama-bench", test_memory_weights_vs_llama_bench);
  g_test_add_func ("/memory/kv-bytes", test_memory_kv_bytes);
  g_test_add_func ("/memory/lora", test_memory_lora);
  g_test_add_func ("/memory/full", test_memory_full);
  g_test_add_func ("/memory/fit-unified", test_memory_fit_unified);
  g_test_add_func ("/memory/fit-discrete", test_memory_fit_discrete);
  g_test_add_func ("/memory/fit-discrete-training", test_memory_fit_discrete_training);
  g_test_add_func ("/memory/expert-offload", test_memory_expert_offload);
  g_test_add_func ("/memory/head-bits", test_memory_head_bits);

  return g_test_run ();
}
