/* rw-test-fixtures.h: models, formats and systems built by hand for the
 * core tests (independent of the bundled catalog)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Model fields are those of ../shared/reference/models.json, taken from each
 * model's Hugging Face config.json (URL in ->source).
 */
#pragma once

#include <math.h>
#include <string.h>

#include "rigwise-core.h"

#define GIB (1024.0 * 1024.0 * 1024.0)

/* |actual − expected| ≤ tolerance × |expected| */
#define assert_rel(actual, expected, tolerance) \
  g_assert_cmpfloat_with_epsilon ((actual), (expected), fabs ((double) (expected)) * (tolerance))
/* Exact up to double rounding. */
#define assert_near(actual, expected) assert_rel ((actual), (expected), 1e-12)

static inline RwModel *
fixture_model (const char *id,
               guint       n_layers,
               guint       hidden,
               guint       n_heads,
               guint       n_kv_heads,
               guint       head_dim,
               guint       d_ff,
               guint       vocab,
               gboolean    tied)
{
  RwModel *model = rw_model_new ();

  model->id = g_strdup (id);
  model->name = g_strdup (id);
  model->n_layers = n_layers;
  model->hidden_size = hidden;
  model->n_heads = n_heads;
  model->n_kv_heads = n_kv_heads;
  model->head_dim = head_dim;
  model->intermediate_size = d_ff;
  model->vocab_size = vocab;
  model->tied_embeddings = tied;
  return model;
}

/* A small dense GQA model with round numbers for hand computations:
 * 4 layers, h 1024, 8 query heads, 2 KV heads of 128, d_ff 4096,
 * vocab 32000, untied. */
static inline RwModel *
fixture_toy (void)
{
  return fixture_model ("toy", 4, 1024, 8, 2, 128, 4096, 32000, FALSE);
}

/* https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json */
static inline RwModel *
fixture_llama_3_1_8b (void)
{
  return fixture_model ("llama-3.1-8b", 32, 4096, 32, 8, 128, 14336, 128256, FALSE);
}

/* https://huggingface.co/Qwen/Qwen3-30B-A3B/blob/main/config.json */
static inline RwModel *
fixture_qwen3_30b_a3b (void)
{
  RwModel *model = fixture_model ("qwen3-30b-a3b", 48, 2048, 32, 4, 128, 6144, 151936, FALSE);

  model->n_experts = 128;
  model->n_experts_active = 8;
  model->moe_intermediate_size = 768;
  return model;
}

/* https://huggingface.co/openai/gpt-oss-20b/blob/main/config.json:
 * 12 sliding-window (128) + 12 full layers, q/k/v/o biases. */
static inline RwModel *
fixture_gpt_oss_20b (void)
{
  RwModel *model = fixture_model ("gpt-oss-20b", 24, 2880, 64, 8, 64, 2880, 201088, FALSE);

  model->attention_bias = TRUE;
  model->n_experts = 32;
  model->n_experts_active = 4;
  model->moe_intermediate_size = 2880;
  model->sliding_window = 128;
  model->n_swa_layers = 12;
  return model;
}

/* https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json
 * (MLA; the MTP layer is not counted, as in llama.cpp's GGUFs). */
static inline RwModel *
fixture_deepseek_v3 (void)
{
  RwModel *model = fixture_model ("deepseek-v3", 61, 7168, 128, 128, 0, 18432, 129280, FALSE);

  model->n_experts = 256;
  model->n_experts_active = 8;
  model->n_shared_experts = 1;
  model->moe_intermediate_size = 2048;
  model->n_dense_layers = 3;
  model->kv_lora_rank = 512;
  model->q_lora_rank = 1536;
  model->qk_rope_head_dim = 64;
  model->qk_nope_head_dim = 128;
  model->v_head_dim = 128;
  return model;
}

/* https://huggingface.co/google/gemma-3-27b-it/blob/main/config.json
 * (text_config; vocab 262208 from transformers' Gemma3TextConfig default):
 * 10 global layers, 52 local ones with a 1024-token window, tied. */
static inline RwModel *
fixture_gemma_3_27b (void)
{
  RwModel *model = fixture_model ("gemma-3-27b", 62, 5376, 32, 16, 128, 21504, 262208, TRUE);

  model->sliding_window = 1024;
  model->n_swa_layers = 52;
  return model;
}

static inline RwFormat *
fixture_format (const char  *id,
                double       bits,
                double       expert_bits,
                gboolean     for_weights,
                gboolean     for_kv,
                RwPrecision  precision)
{
  RwFormat *format = rw_format_new ();

  format->id = g_strdup (id);
  format->name = g_ascii_strup (id, -1);
  format->bits_per_weight = bits;
  format->expert_bits_per_weight = expert_bits;
  format->for_weights = for_weights;
  format->for_kv = for_kv;
  format->compute_precision = precision;
  return format;
}

/* ggml block layouts (ggml-common.h): Q8_0 34 B / 32 weights = 8.5 bpw;
 * MXFP4 17 B / 32 = 4.25 bpw. llama.cpp's MXFP4_MOE: experts MXFP4, the
 * rest Q8_0. */
static inline RwFormat *fixture_bf16 (void) { return fixture_format ("bf16", 16, 0, TRUE, TRUE, RW_PRECISION_FP16); }
static inline RwFormat *fixture_q8_0 (void) { return fixture_format ("q8_0", 8.5, 0, TRUE, TRUE, RW_PRECISION_FP16); }
static inline RwFormat *fixture_mxfp4_moe (void) { return fixture_format ("mxfp4_moe", 8.5, 4.25, TRUE, FALSE, RW_PRECISION_FP4); }
static inline RwFormat *fixture_f16_kv (void) { return fixture_format ("f16", 16, 0, FALSE, TRUE, RW_PRECISION_FP16); }

static inline void
fixture_set (RwFigure *figure,
             double    value)
{
  rw_figure_set (figure, value, "https://example.org/test-fixture", "2026-11", NULL, FALSE);
}

static inline void
fixture_add_efficiency (RwSystem   *system,
                        const char *runtime,
                        double      decode,
                        double      host,
                        double      prefill,
                        double      train)
{
  RwEfficiency *efficiency = rw_efficiency_new ();

  efficiency->runtime = g_strdup (runtime);
  efficiency->decode_bandwidth = decode;
  efficiency->host_bandwidth = host;
  efficiency->prefill_compute = prefill;
  efficiency->train_compute = train;
  efficiency->source = g_strdup ("test fixture");
  g_ptr_array_add (system->efficiencies, efficiency);
}

/* A unified-memory machine with round numbers: 128 GB, 100 GB usable,
 * 200 GB/s; dense FP16 100 TFLOP/s, FP8 200, FP4/INT8/FP32 unpublished;
 * 200 W under load, 50 W idle; $4000. llama.cpp reaches 80 % of the
 * bandwidth, 50 % of the compute peak, training 40 %. */
static inline RwSystem *
fixture_unified (void)
{
  RwSystem *system = rw_system_new ();

  system->id = g_strdup ("toy-unified");
  system->name = g_strdup ("Toy unified");
  system->memory_model = RW_MEMORY_UNIFIED;
  system->n_devices = 1;
  fixture_set (&system->device_memory, 128e9);
  fixture_set (&system->device_usable, 100e9);
  fixture_set (&system->device_bandwidth, 200e9);
  fixture_set (&system->peak[RW_PRECISION_FP16], 100e12);
  fixture_set (&system->peak[RW_PRECISION_FP8], 200e12);
  fixture_set (&system->power_load, 200);
  fixture_set (&system->power_idle, 50);
  system->currency = g_strdup ("USD");
  fixture_set (&system->price, 4000);
  fixture_add_efficiency (system, "llama.cpp", 0.8, 0, 0.5, 0.4);
  return system;
}

static inline void
fixture_add_component (RwSystem   *system,
                       const char *id,
                       const char *kind,
                       guint       quantity,
                       double      price)
{
  RwComponent *component = rw_component_new ();

  component->id = g_strdup (id);
  component->kind = g_strdup (kind);
  component->name = g_strdup (id);
  component->quantity = quantity;
  fixture_set (&component->price, price);
  g_ptr_array_add (system->components, component);
}

/* A discrete build: one GPU with 10 GB usable of 12 GB at 1 TB/s, FP16
 * 200 TFLOP/s; 64 GB host RAM at 50 GB/s behind a 25 GB/s link; 500 W
 * load, 100 W idle; parts $2000 GPU + $500 CPU + 2 × $150 RAM = $2800.
 * llama.cpp: 80 % of VRAM bandwidth, 50 % of host bandwidth, 50 % of the
 * compute peak, training 40 %. */
static inline RwSystem *
fixture_discrete (void)
{
  RwSystem *system = rw_system_new ();

  system->id = g_strdup ("toy-discrete");
  system->name = g_strdup ("Toy discrete");
  system->memory_model = RW_MEMORY_DISCRETE;
  system->n_devices = 1;
  fixture_set (&system->device_memory, 12e9);
  fixture_set (&system->device_usable, 10e9);
  fixture_set (&system->device_bandwidth, 1e12);
  fixture_set (&system->host_memory, 64e9);
  fixture_set (&system->host_bandwidth, 50e9);
  fixture_set (&system->link_bandwidth, 25e9);
  fixture_set (&system->peak[RW_PRECISION_FP16], 200e12);
  fixture_set (&system->power_load, 500);
  fixture_set (&system->power_idle, 100);
  system->currency = g_strdup ("USD");
  fixture_add_component (system, "gpu", "gpu", 1, 2000);
  fixture_add_component (system, "cpu", "cpu", 1, 500);
  fixture_add_component (system, "ram", "ram", 2, 150);
  fixture_add_efficiency (system, "llama.cpp", 0.8, 0.5, 0.5, 0.4);
  return system;
}

/* A workload with the defaults and the given model and formats. */
static inline RwWorkload
fixture_workload (const RwModel  *model,
                  const RwFormat *weights,
                  const RwFormat *kv)
{
  RwWorkload workload;

  rw_workload_init (&workload);
  workload.model = model;
  workload.weights = weights;
  workload.kv = kv;
  return workload;
}
