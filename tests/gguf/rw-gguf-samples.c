/* rw-gguf-samples.c: GGUF files of small models for tests
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tensor names and metadata keys as llama.cpp writes them
 * (src/llama-arch.cpp LLM_TENSOR_NAMES and LLM_KV_NAMES).
 */
#include <string.h>

#include "rw-gguf-samples.h"

static void
tensor (RwGgufWriter *w,
        guint32       type,
        guint64       d0,
        guint64       d1,
        guint64       d2,
        const char   *format,
        ...) G_GNUC_PRINTF (6, 7);

static void
tensor (RwGgufWriter *w,
        guint32       type,
        guint64       d0,
        guint64       d1,
        guint64       d2,
        const char   *format,
        ...)
{
  guint64 dims[3] = { d0, d1, d2 };
  guint n_dims = d2 > 0 ? 3 : d1 > 0 ? 2 : 1;
  g_autofree char *name = NULL;
  va_list args;

  va_start (args, format);
  name = g_strdup_vprintf (format, args);
  va_end (args);
  rw_gguf_writer_add_tensor (w, name, type, n_dims, dims);
}

static void
vocabulary (RwGgufWriter *w,
            guint         n)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree gint32 *types = g_new (gint32, n);

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (tokens, g_strdup_printf ("tok%u", i));
      types[i] = GINT32_TO_LE (1);
    }
  rw_gguf_writer_add_string (w, "tokenizer.ggml.model", "gpt2");
  rw_gguf_writer_add_string_array (w, "tokenizer.ggml.tokens", (const char * const *) tokens->pdata, n);
  rw_gguf_writer_add_array (w, "tokenizer.ggml.token_type", V_INT32, types, 4, n);
}

RwGgufWriter *
sample_llama (guint32 version)
{
  RwGgufWriter *w = rw_gguf_writer_new (version);

  rw_gguf_writer_add_string (w, "general.architecture", "llama");
  rw_gguf_writer_add_string (w, "general.name", "Toy Llama");
  rw_gguf_writer_add_uint32 (w, "general.file_type", 15);   /* Q4_K_M */
  rw_gguf_writer_add_uint32 (w, "general.quantization_version", 2);
  rw_gguf_writer_add_uint32 (w, "general.alignment", 32);
  rw_gguf_writer_add_uint32 (w, "llama.block_count", 2);
  rw_gguf_writer_add_uint32 (w, "llama.context_length", 4096);
  rw_gguf_writer_add_uint32 (w, "llama.embedding_length", 256);
  rw_gguf_writer_add_uint32 (w, "llama.feed_forward_length", 512);
  rw_gguf_writer_add_uint32 (w, "llama.attention.head_count", 4);
  rw_gguf_writer_add_uint32 (w, "llama.attention.head_count_kv", 2);
  rw_gguf_writer_add_float32 (w, "llama.rope.freq_base", 500000.0f);
  rw_gguf_writer_add_float32 (w, "llama.attention.layer_norm_rms_epsilon", 1e-5f);
  vocabulary (w, 1000);
  rw_gguf_writer_add_bool (w, "tokenizer.ggml.add_bos_token", TRUE);

  tensor (w, T_Q4_K, 256, 1000, 0, "token_embd.weight");
  for (guint i = 0; i < 2; i++)
    {
      tensor (w, T_F32, 256, 0, 0, "blk.%u.attn_norm.weight", i);
      tensor (w, T_Q4_K, 256, 256, 0, "blk.%u.attn_q.weight", i);
      tensor (w, T_Q4_K, 256, 128, 0, "blk.%u.attn_k.weight", i);
      tensor (w, T_Q6_K, 256, 128, 0, "blk.%u.attn_v.weight", i);
      tensor (w, T_Q4_K, 256, 256, 0, "blk.%u.attn_output.weight", i);
      tensor (w, T_F32, 256, 0, 0, "blk.%u.ffn_norm.weight", i);
      tensor (w, T_Q4_K, 256, 512, 0, "blk.%u.ffn_gate.weight", i);
      tensor (w, T_Q4_K, 256, 512, 0, "blk.%u.ffn_up.weight", i);
      tensor (w, T_Q6_K, 512, 256, 0, "blk.%u.ffn_down.weight", i);
    }
  tensor (w, T_F32, 256, 0, 0, "output_norm.weight");
  tensor (w, T_Q6_K, 256, 1000, 0, "output.weight");
  return w;
}

static void
moe (RwGgufWriter *w,
     guint         type,
     guint         layer,
     gboolean      gated,
     guint         shared_width)
{
  tensor (w, T_F32, 256, 8, 0, "blk.%u.ffn_gate_inp.weight", layer);
  if (gated)
    tensor (w, type, 256, 64, 8, "blk.%u.ffn_gate_exps.weight", layer);
  tensor (w, type, 256, 64, 8, "blk.%u.ffn_up_exps.weight", layer);
  tensor (w, type, 64, 256, 8, "blk.%u.ffn_down_exps.weight", layer);
  if (gated)
    tensor (w, type, 256, shared_width, 0, "blk.%u.ffn_gate_shexp.weight", layer);
  tensor (w, type, 256, shared_width, 0, "blk.%u.ffn_up_shexp.weight", layer);
  tensor (w, type, shared_width, 256, 0, "blk.%u.ffn_down_shexp.weight", layer);
}

RwGgufWriter *
sample_qwen3next (void)
{
  RwGgufWriter *w = rw_gguf_writer_new (3);

  rw_gguf_writer_add_string (w, "general.architecture", "qwen3next");
  rw_gguf_writer_add_string (w, "general.name", "Toy Qwen3-Next");
  rw_gguf_writer_add_uint32 (w, "general.file_type", 1);   /* F16 */
  rw_gguf_writer_add_uint32 (w, "qwen3next.block_count", 4);
  rw_gguf_writer_add_uint32 (w, "qwen3next.context_length", 262144);
  rw_gguf_writer_add_uint32 (w, "qwen3next.embedding_length", 256);
  rw_gguf_writer_add_uint32 (w, "qwen3next.feed_forward_length", 512);
  rw_gguf_writer_add_uint32 (w, "qwen3next.attention.head_count", 4);
  rw_gguf_writer_add_uint32 (w, "qwen3next.attention.head_count_kv", 2);
  rw_gguf_writer_add_uint32 (w, "qwen3next.attention.key_length", 64);
  rw_gguf_writer_add_uint32 (w, "qwen3next.attention.value_length", 64);
  rw_gguf_writer_add_uint32 (w, "qwen3next.expert_count", 8);
  rw_gguf_writer_add_uint32 (w, "qwen3next.expert_used_count", 2);
  rw_gguf_writer_add_uint32 (w, "qwen3next.expert_feed_forward_length", 64);
  rw_gguf_writer_add_uint32 (w, "qwen3next.expert_shared_feed_forward_length", 64);
  rw_gguf_writer_add_uint32 (w, "qwen3next.ssm.conv_kernel", 4);
  rw_gguf_writer_add_uint32 (w, "qwen3next.ssm.inner_size", 128);
  rw_gguf_writer_add_uint32 (w, "qwen3next.ssm.state_size", 32);
  rw_gguf_writer_add_uint32 (w, "qwen3next.ssm.group_count", 2);
  rw_gguf_writer_add_uint32 (w, "qwen3next.ssm.time_step_rank", 4);
  rw_gguf_writer_add_uint32 (w, "qwen3next.full_attention_interval", 4);
  vocabulary (w, 1000);

  tensor (w, T_F16, 256, 1000, 0, "token_embd.weight");
  for (guint i = 0; i < 4; i++)
    {
      tensor (w, T_F32, 256, 0, 0, "blk.%u.attn_norm.weight", i);
      if (i == 3)
        {
          tensor (w, T_F16, 256, 512, 0, "blk.%u.attn_q.weight", i);   /* query + gate */
          tensor (w, T_F16, 256, 128, 0, "blk.%u.attn_k.weight", i);
          tensor (w, T_F16, 256, 128, 0, "blk.%u.attn_v.weight", i);
          tensor (w, T_F16, 256, 256, 0, "blk.%u.attn_output.weight", i);
          tensor (w, T_F32, 64, 0, 0, "blk.%u.attn_q_norm.weight", i);
          tensor (w, T_F32, 64, 0, 0, "blk.%u.attn_k_norm.weight", i);
        }
      else
        {
          tensor (w, T_F16, 256, 256, 0, "blk.%u.attn_qkv.weight", i);
          tensor (w, T_F16, 256, 128, 0, "blk.%u.attn_gate.weight", i);
          tensor (w, T_F16, 256, 8, 0, "blk.%u.ssm_ba.weight", i);
          tensor (w, T_F32, 4, 256, 0, "blk.%u.ssm_conv1d.weight", i);
          tensor (w, T_F32, 4, 0, 0, "blk.%u.ssm_dt.bias", i);
          tensor (w, T_F32, 4, 0, 0, "blk.%u.ssm_a", i);
          tensor (w, T_F32, 32, 0, 0, "blk.%u.ssm_norm.weight", i);
          tensor (w, T_F16, 128, 256, 0, "blk.%u.ssm_out.weight", i);
        }
      tensor (w, T_F32, 256, 0, 0, "blk.%u.post_attention_norm.weight", i);
      moe (w, T_F16, i, TRUE, 64);
    }
  tensor (w, T_F32, 256, 0, 0, "output_norm.weight");
  tensor (w, T_F16, 256, 1000, 0, "output.weight");
  return w;
}

RwGgufWriter *
sample_nemotron_h (void)
{
  RwGgufWriter *w = rw_gguf_writer_new (3);
  const guint32 kv[] = { 0, 0, 2, 0 };
  const guint32 ff[] = { 0, 0, 0, 512 };

  rw_gguf_writer_add_string (w, "general.architecture", "nemotron_h");
  rw_gguf_writer_add_uint32 (w, "general.file_type", 32);   /* BF16 */
  rw_gguf_writer_add_uint32 (w, "nemotron_h.block_count", 4);
  rw_gguf_writer_add_uint32 (w, "nemotron_h.embedding_length", 256);
  rw_gguf_writer_add_uint32 (w, "nemotron_h.attention.head_count", 4);
  rw_gguf_writer_add_uint32_array (w, "nemotron_h.attention.head_count_kv", kv, 4);
  rw_gguf_writer_add_uint32 (w, "nemotron_h.attention.key_length", 64);
  rw_gguf_writer_add_uint32_array (w, "nemotron_h.feed_forward_length", ff, 4);
  rw_gguf_writer_add_uint32 (w, "nemotron_h.expert_count", 8);
  rw_gguf_writer_add_uint32 (w, "nemotron_h.expert_used_count", 2);
  rw_gguf_writer_add_uint32 (w, "nemotron_h.expert_feed_forward_length", 64);
  rw_gguf_writer_add_uint32 (w, "nemotron_h.expert_shared_feed_forward_length", 128);
  rw_gguf_writer_add_uint32 (w, "nemotron_h.ssm.conv_kernel", 4);
  rw_gguf_writer_add_uint32 (w, "nemotron_h.ssm.inner_size", 128);
  rw_gguf_writer_add_uint32 (w, "nemotron_h.ssm.state_size", 16);
  rw_gguf_writer_add_uint32 (w, "nemotron_h.ssm.group_count", 2);
  rw_gguf_writer_add_uint32 (w, "nemotron_h.ssm.time_step_rank", 4);

  tensor (w, T_BF16, 256, 1000, 0, "token_embd.weight");
  for (guint i = 0; i < 4; i++)
    tensor (w, T_F32, 256, 0, 0, "blk.%u.attn_norm.weight", i);
  /* Block 0, Mamba2: in_proj 2·128 + 2·2·16 + 4 = 324 wide; conv 192. */
  tensor (w, T_BF16, 256, 324, 0, "blk.0.ssm_in.weight");
  tensor (w, T_F32, 4, 192, 0, "blk.0.ssm_conv1d.weight");
  tensor (w, T_F32, 192, 0, 0, "blk.0.ssm_conv1d.bias");
  tensor (w, T_F32, 4, 0, 0, "blk.0.ssm_dt.bias");
  tensor (w, T_F32, 1, 4, 0, "blk.0.ssm_a");
  tensor (w, T_F32, 1, 4, 0, "blk.0.ssm_d");
  tensor (w, T_F32, 64, 2, 0, "blk.0.ssm_norm.weight");
  tensor (w, T_BF16, 128, 256, 0, "blk.0.ssm_out.weight");
  /* Block 1, MoE with relu² experts (no gate). */
  moe (w, T_BF16, 1, FALSE, 128);
  tensor (w, T_F32, 8, 0, 0, "blk.1.exp_probs_b.bias");
  /* Block 2, attention. */
  tensor (w, T_BF16, 256, 256, 0, "blk.2.attn_q.weight");
  tensor (w, T_BF16, 256, 128, 0, "blk.2.attn_k.weight");
  tensor (w, T_BF16, 256, 128, 0, "blk.2.attn_v.weight");
  tensor (w, T_BF16, 256, 256, 0, "blk.2.attn_output.weight");
  /* Block 3, MLP. */
  tensor (w, T_BF16, 256, 512, 0, "blk.3.ffn_up.weight");
  tensor (w, T_BF16, 512, 256, 0, "blk.3.ffn_down.weight");
  tensor (w, T_F32, 256, 0, 0, "output_norm.weight");
  tensor (w, T_BF16, 256, 1000, 0, "output.weight");
  return w;
}

RwGgufWriter *
sample_gemma4 (void)
{
  RwGgufWriter *w = rw_gguf_writer_new (3);
  const guint32 kv[] = { 2, 2, 1 };
  const guint8 pattern[] = { 1, 1, 0 };

  rw_gguf_writer_add_string (w, "general.architecture", "gemma4");
  rw_gguf_writer_add_uint32 (w, "general.file_type", 7);   /* Q8_0 */
  rw_gguf_writer_add_uint32 (w, "gemma4.block_count", 3);
  rw_gguf_writer_add_uint32 (w, "gemma4.embedding_length", 256);
  rw_gguf_writer_add_uint32 (w, "gemma4.feed_forward_length", 512);
  rw_gguf_writer_add_uint32 (w, "gemma4.attention.head_count", 4);
  rw_gguf_writer_add_uint32_array (w, "gemma4.attention.head_count_kv", kv, 3);
  rw_gguf_writer_add_uint32 (w, "gemma4.attention.key_length", 128);
  rw_gguf_writer_add_uint32 (w, "gemma4.attention.key_length_swa", 64);
  rw_gguf_writer_add_uint32 (w, "gemma4.attention.sliding_window", 1024);
  rw_gguf_writer_add_array (w, "gemma4.attention.sliding_window_pattern", V_BOOL, pattern, 1, 3);

  tensor (w, T_Q8_0, 256, 1000, 0, "token_embd.weight");
  for (guint i = 0; i < 3; i++)
    {
      gboolean full = i == 2;

      tensor (w, T_F32, 256, 0, 0, "blk.%u.attn_norm.weight", i);
      tensor (w, T_Q8_0, 256, full ? 512 : 256, 0, "blk.%u.attn_q.weight", i);
      tensor (w, T_Q8_0, 256, 128, 0, "blk.%u.attn_k.weight", i);
      if (!full)
        tensor (w, T_Q8_0, 256, 128, 0, "blk.%u.attn_v.weight", i);
      tensor (w, T_Q8_0, full ? 512 : 256, 256, 0, "blk.%u.attn_output.weight", i);
      tensor (w, T_F32, 256, 0, 0, "blk.%u.ffn_norm.weight", i);
      tensor (w, T_Q8_0, 256, 512, 0, "blk.%u.ffn_gate.weight", i);
      tensor (w, T_Q8_0, 256, 512, 0, "blk.%u.ffn_up.weight", i);
      tensor (w, T_Q8_0, 512, 256, 0, "blk.%u.ffn_down.weight", i);
    }
  tensor (w, T_F32, 256, 0, 0, "output_norm.weight");
  return w;
}

/* The ggml types and their block sizes, from ggml-common.h. */
static const struct { guint32 type; const char *name; guint32 block; } every_type[] = {
  { 0, "F32", 1 }, { 1, "F16", 1 }, { 2, "Q4_0", 32 }, { 3, "Q4_1", 32 }, { 6, "Q5_0", 32 },
  { 7, "Q5_1", 32 }, { 8, "Q8_0", 32 }, { 9, "Q8_1", 32 }, { 10, "Q2_K", 256 },
  { 11, "Q3_K", 256 }, { 12, "Q4_K", 256 }, { 13, "Q5_K", 256 }, { 14, "Q6_K", 256 },
  { 15, "Q8_K", 256 }, { 16, "IQ2_XXS", 256 }, { 17, "IQ2_XS", 256 }, { 18, "IQ3_XXS", 256 },
  { 19, "IQ1_S", 256 }, { 20, "IQ4_NL", 32 }, { 21, "IQ3_S", 256 }, { 22, "IQ2_S", 256 },
  { 23, "IQ4_XS", 256 }, { 24, "I8", 1 }, { 25, "I16", 1 }, { 26, "I32", 1 }, { 27, "I64", 1 },
  { 28, "F64", 1 }, { 29, "IQ1_M", 256 }, { 30, "BF16", 1 }, { 34, "TQ1_0", 256 },
  { 35, "TQ2_0", 256 }, { 39, "MXFP4", 32 }, { 40, "NVFP4", 64 }, { 41, "Q1_0", 128 },
  { 42, "Q2_0", 64 },
};

RwGgufWriter *
sample_every_type (void)
{
  RwGgufWriter *w = rw_gguf_writer_new (3);
  const guint8 u8 = 200, i8 = (guint8) -100, b = 1;
  const guint8 u16[2] = { 0x39, 0x30 };                       /* 12345 */
  const guint8 i16[2] = { 0xc7, 0xcf };                       /* -12345 */
  const guint8 i64[8] = { 0x00, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };   /* -512 */
  const guint8 u64[8] = { 0, 0, 0, 0, 0, 0, 0, 0x80 };        /* 2^63 */
  double f64 = -2.5;
  guint8 f64_bytes[8];
  const guint8 array_u8[3] = { 1, 2, 3 };
  const gint16 array_i16[2] = { GINT16_TO_LE (-1), GINT16_TO_LE (300) };
  const guint8 array_bool[4] = { 1, 0, 0, 1 };
  const float array_f32[2] = { 0.5f, -1.25f };
  const char *strings[] = { "a", "", "ünïcode", "tok" };
  const guint32 nested[6] = { 1, 2, 3, 4, 5, 6 };
  guint64 f64_bits;

  memcpy (&f64_bits, &f64, 8);
  for (guint i = 0; i < 8; i++)
    f64_bytes[i] = (guint8) (f64_bits >> (8 * i));

  rw_gguf_writer_add_raw (w, "t.uint8", V_UINT8, &u8, 1);
  rw_gguf_writer_add_raw (w, "t.int8", V_INT8, &i8, 1);
  rw_gguf_writer_add_raw (w, "t.uint16", V_UINT16, u16, 2);
  rw_gguf_writer_add_raw (w, "t.int16", V_INT16, i16, 2);
  rw_gguf_writer_add_uint32 (w, "t.uint32", 4000000000u);
  rw_gguf_writer_add_int32 (w, "t.int32", -2000000000);
  rw_gguf_writer_add_float32 (w, "t.float32", 0.15625f);
  rw_gguf_writer_add_raw (w, "t.bool", V_BOOL, &b, 1);
  rw_gguf_writer_add_string (w, "t.string", "Grüße, GGUF");
  rw_gguf_writer_add_raw (w, "t.uint64", V_UINT64, u64, 8);
  rw_gguf_writer_add_raw (w, "t.int64", V_INT64, i64, 8);
  rw_gguf_writer_add_raw (w, "t.float64", V_FLOAT64, f64_bytes, 8);
  rw_gguf_writer_add_array (w, "t.array.uint8", V_UINT8, array_u8, 1, 3);
  rw_gguf_writer_add_array (w, "t.array.int16", V_INT16, array_i16, 2, 2);
  rw_gguf_writer_add_array (w, "t.array.bool", V_BOOL, array_bool, 1, 4);
  rw_gguf_writer_add_array (w, "t.array.float32", V_FLOAT32, array_f32, 4, 2);
  rw_gguf_writer_add_array (w, "t.array.empty", V_UINT32, NULL, 4, 0);
  rw_gguf_writer_add_string_array (w, "t.array.string", strings, 4);
  rw_gguf_writer_add_nested_array (w, "t.array.nested", nested, 2, 3);
  rw_gguf_writer_add_uint32 (w, "general.alignment", 64);

  for (guint i = 0; i < G_N_ELEMENTS (every_type); i++)
    tensor (w, every_type[i].type, 2 * every_type[i].block, 3, 0, "%s", every_type[i].name);
  return w;
}
