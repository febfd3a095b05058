/* rw-gguf-samples.h: GGUF files of small models, written by the test
 * writer, for the reader's tests, the fuzzer's seeds and the cross-check
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-gguf-writer.h"

G_BEGIN_DECLS

/* ggml type numbers (ggml.h enum ggml_type). */
enum
{
  T_F32 = 0, T_F16 = 1, T_Q4_0 = 2, T_Q8_0 = 8, T_Q4_K = 12, T_Q6_K = 14, T_BF16 = 30,
  T_MXFP4 = 39,
};

/* GGUF value types. */
enum
{
  V_UINT8, V_INT8, V_UINT16, V_INT16, V_UINT32, V_INT32, V_FLOAT32, V_BOOL, V_STRING,
  V_ARRAY, V_UINT64, V_INT64, V_FLOAT64,
};

/* A two-layer Llama (h 256, 4 heads, 2 KV heads of 64, MLP 512, vocab
 * 1000, untied) stored as llama.cpp's Q4_K_M mix stores it: Q4_K matrices,
 * Q6_K for attn_v, ffn_down and the output, F32 norms; a vocabulary of
 * 1000 strings, every metadata value type. Per layer:
 *   attn_norm [256] F32                1 024 B     256
 *   attn_q [256, 256] Q4_K  1·144·256  36 864 B  65 536
 *   attn_k [256, 128] Q4_K  1·144·128  18 432 B  32 768
 *   attn_v [256, 128] Q6_K  1·210·128  26 880 B  32 768
 *   attn_output [256, 256] Q4_K        36 864 B  65 536
 *   ffn_norm [256] F32                  1 024 B     256
 *   ffn_gate, ffn_up [256, 512] Q4_K   73 728 B 131 072 each
 *   ffn_down [512, 256] Q6_K 2·210·256 107 520 B 131 072
 *   → 376 064 B, 590 336 parameters
 * token_embd [256, 1000] Q4_K 144 000 B, output [256, 1000] Q6_K 210 000 B
 * (256 000 parameters each), output_norm 1 024 B (256):
 *   bytes 144 000 + 210 000 + 1 024 + 2 · 376 064 = 1 107 152
 *   parameters 2 · 256 000 + 256 + 2 · 590 336 = 1 692 928 */
#define SAMPLE_LLAMA_BYTES   1107152
#define SAMPLE_LLAMA_PARAMS  1692928
RwGgufWriter *sample_llama         (guint32 version);

/* A Qwen3-Next-like hybrid (arch qwen3next): 4 layers, layer 3 full
 * attention, 0–2 Gated DeltaNet (ssm_* tensors), each with 8 experts of
 * 64 (2 a token) and a shared one; all F16. */
RwGgufWriter *sample_qwen3next     (void);

/* A Nemotron-H-like hybrid (arch nemotron_h): blocks Mamba2, MoE,
 * attention, MLP (relu², no gate); per-layer head_count_kv and
 * feed_forward_length arrays; BF16. */
RwGgufWriter *sample_nemotron_h    (void);

/* A Gemma 4-like model: 3 layers, windows 1024 on layers 0 and 1
 * (sliding_window_pattern), head 256 and 8 KV heads there, head 512, 2 KV
 * heads and no attn_v on the full layer 2; tied embeddings; Q8_0. */
RwGgufWriter *sample_gemma4        (void);

/* One tensor of every ggml type, named after the type, shape [2 blocks,
 * 3]; and one metadata value of every GGUF value type, arrays of each,
 * and an array of arrays. Not a model. */
RwGgufWriter *sample_every_type    (void);

G_END_DECLS
