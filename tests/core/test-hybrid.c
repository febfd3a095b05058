/* test-hybrid.c: linear-attention and Mamba2 hybrids, per-layer-type head
 * sizes, sparse attention, and the published parameter counts of the
 * catalog's models
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Formulas (rw-model.c; h hidden size, pre-norms h per mixer and per MLP):
 *   attention   2·h·n_q·d + 2·h·n_kv·d, + h·n_q·d with an output gate,
 *               − h·n_kv·d where V comes from K
 *   DeltaNet    h·(2·k_dim + 2·v_dim + 2·n_v) + (2·k_dim + v_dim)·kernel
 *               + 2·n_v + d_v + v_dim·h
 *   Mamba2      h·(2·d_in + 2·g·N + n_h) + (d_in + 2·g·N)·(kernel + bias)
 *               + 3·n_h + d_in + d_in·h
 *   state       (kernel − 1)·(d_inner + 2·groups·d_state) conv values at 4 B
 *               + d_state·d_inner recurrent values at ssm_state_bytes (4 B
 *               default), per recurrent layer and sequence (llama.cpp's
 *               n_embd_r() and n_embd_s())
 * The real configs are the bundled copies in data/catalog/hf/ (their
 * sources in hf/MANIFEST.csv).
 */
#include "rw-test-fixtures.h"

static RwModel *
load_bundled (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("RIGWISE_DATADIR"), "catalog", "hf", file, NULL);
  RwModel *model = rw_hf_config_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_true (rw_model_validate (model, NULL));
  return model;
}

static RwModel *
parse_string (const char  *json,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;

  json_parser_load_from_data (parser, json, -1, &parse_error);
  g_assert_no_error (parse_error);
  return rw_hf_config_parse (json_node_get_object (json_parser_get_root (parser)), "test.json", error);
}

static void
assert_layer (const RwModel *model,
              guint          layer,
              RwMixer        mixer,
              RwFfn          ffn)
{
  RwLayer kind = rw_model_get_layer (model, layer);

  g_assert_cmpuint (kind.mixer, ==, mixer);
  g_assert_cmpuint (kind.ffn, ==, ffn);
}

/* Qwen3-Next-80B-A3B: no layer_types; full_attention_interval 4 makes
 * layers 3, 7, …, 47 full attention (12) and the other 36 Gated DeltaNet.
 *   attention (gated): 2048·16·256·2 + 2·2048·2·256 + 16·256·2048
 *                      = 16 777 216 + 2 097 152 + 8 388 608 = 27 262 976
 *   DeltaNet: k_dim 16·128 = 2048, v_dim 32·128 = 4096, n_v 32:
 *             2048·(4096 + 8192 + 64) + (4096 + 4096)·4 + 64 + 128 + 4096·2048
 *             = 25 296 896 + 32 768 + 192 + 8 388 608 = 33 718 464
 *   MoE: routed 512·3·2048·512 = 1 610 612 736; router 2048·512 +
 *        shared 3·2048·512 + norm 2048 = 4 196 352
 *   total 2·151936·2048 + 12·(27 262 976 + 2048) + 36·(33 718 464 + 2048)
 *         + 48·(1 610 612 736 + 4 196 352) + 2048 = 79 674 286 848
 *   active: − 502/512 · 48 · 1 610 612 736 → 3 874 824 960
 *   state: conv 3·(4096 + 2·16·128) = 24 576, recurrent 128·4096 = 524 288,
 *          × 4 B = 2 195 456 a layer, × 36 = 79 036 416 a sequence
 *   KV: 12 layers · 2·2·256 = 12 288 elements a token. */
static void
test_qwen3_next (void)
{
  g_autoptr(RwModel) m = load_bundled ("qwen3-next-80b-a3b-instruct");
  RwLayerCounts all;

  g_assert_cmpstr (m->family, ==, "qwen3_next");
  g_assert_true (rw_model_is_hybrid (m));
  g_assert_true (m->attention_output_gate);
  assert_layer (m, 0, RW_MIXER_LINEAR, RW_FFN_MOE);
  assert_layer (m, 3, RW_MIXER_ATTENTION, RW_FFN_MOE);
  assert_layer (m, 46, RW_MIXER_LINEAR, RW_FFN_MOE);
  assert_layer (m, 47, RW_MIXER_ATTENTION, RW_FFN_MOE);
  rw_model_count_layers (m, 0, &all);
  g_assert_cmpuint (all.mixers[RW_MIXER_ATTENTION], ==, 12);
  g_assert_cmpuint (all.mixers[RW_MIXER_LINEAR], ==, 36);
  /* The last 10 layers hold full layers 39, 43 and 47. */
  rw_model_count_layers (m, 38, &all);
  g_assert_cmpuint (all.n, ==, 10);
  g_assert_cmpuint (all.mixers[RW_MIXER_ATTENTION], ==, 3);
  g_assert_cmpuint (all.mixers[RW_MIXER_LINEAR], ==, 7);

  assert_near (rw_model_layer_params (m, 3), 27262976 + 2048 + 1610612736.0 + 4196352);
  assert_near (rw_model_layer_params (m, 0), 33718464 + 2048 + 1610612736.0 + 4196352);
  assert_near (rw_model_total_params (m), 79674286848.0);
  assert_near (rw_model_active_params (m), 3874824960.0);
  assert_near (rw_model_state_bytes (m), 79036416);
  assert_near (rw_model_kv_elements (m, 32768), 12288.0 * 32768);
}

/* Qwen3.5-27B: the language model under text_config, explicit layer_types
 * (3 linear : 1 full), attn_output_gate, a dense MLP.
 *   attention: 5120·24·256·2 + 2·5120·4·256 + 24·256·5120 = 104 857 600
 *   DeltaNet: k_dim 2048, v_dim 6144, n_v 48: 5120·(4096 + 12288 + 96)
 *             + 10240·4 + 96 + 128 + 6144·5120 = 115 876 064
 *   MLP 3·5120·17408 = 267 386 880
 *   total 2·248320·5120 + 16·104 857 600 + 48·115 876 064 + 64·267 386 880
 *         + 65·5120·2 − 5120 (norms: 128 a layer pair, and the final one)
 *         = 26 895 990 272
 *   state: conv 3·(6144 + 4096) = 30 720, recurrent 128·6144 = 786 432;
 *          mamba_ssm_dtype float32: 3 268 608 B a layer, × 48 = 156 893 184. */
static void
test_qwen3_5 (void)
{
  g_autoptr(RwModel) m = load_bundled ("qwen3.5-27b");
  g_autoptr(RwModel) moe = load_bundled ("qwen3.5-35b-a3b");
  RwLayerCounts all;

  g_assert_cmpstr (m->family, ==, "qwen3_5_text");
  g_assert_true (m->attention_output_gate);
  g_assert_cmpuint (m->linear_n_value_heads, ==, 48);
  g_assert_cmpuint (m->ssm_state_bytes, ==, 4);
  assert_layer (m, 2, RW_MIXER_LINEAR, RW_FFN_DENSE);
  assert_layer (m, 63, RW_MIXER_ATTENTION, RW_FFN_DENSE);
  rw_model_count_layers (m, 0, &all);
  g_assert_cmpuint (all.mixers[RW_MIXER_ATTENTION], ==, 16);
  g_assert_cmpuint (all.mixers[RW_MIXER_LINEAR], ==, 48);
  g_assert_cmpuint (all.ffns[RW_FFN_DENSE], ==, 64);
  assert_near (rw_model_total_params (m), 26895990272.0);
  assert_near (rw_model_state_bytes (m), 156893184);

  /* The MoE sibling has no intermediate_size at all: every layer is MoE. */
  g_assert_cmpuint (moe->intermediate_size, ==, 0);
  rw_model_count_layers (moe, 0, &all);
  g_assert_cmpuint (all.ffns[RW_FFN_MOE], ==, 40);
  g_assert_cmpuint (all.mixers[RW_MIXER_LINEAR], ==, 30);
}

/* Nemotron 3 Nano 30B-A3B: hybrid_override_pattern of 52 blocks, 23 Mamba2
 * (M), 23 MoE (E), 6 attention (*); relu² MLPs without a gate.
 *   Mamba2: d_in 64·64 = 4096, g·N = 8·128: 2688·(8192 + 2048 + 64)
 *           + 6144·4 + 6144 (conv bias) + 192 + 4096 + 4096·2688 = 38 742 208
 *   attention: 2·2688·32·128 + 2·2688·2·128 = 23 396 352
 *   MoE: routed 128·2·2688·1856 = 1 277 165 568; router 2688·128 + shared
 *        2·2688·3712 + norm = 20 302 464
 *   total 2·131072·2688 + 23·(38 742 208 + 2688) + 6·(23 396 352 + 2688)
 *         + 23·(1 277 165 568 + 20 302 464) + 2688 = 31 577 937 344
 *   active: − 122/128 · 23 · 1 277 165 568 → 3 580 073 408 (NVIDIA: 31.6 B,
 *           3.6 B active with the embeddings)
 *   state: conv 3·6144 = 18 432 at 4 B, recurrent 128·4096 = 524 288 at
 *          mamba_ssm_cache_dtype float32: 2 170 880 a layer, × 23 = 49 930 240. */
static void
test_nemotron_3_nano (void)
{
  g_autoptr(RwModel) m = load_bundled ("nemotron-3-nano-30b-a3b");
  RwLayerCounts all;

  g_assert_true (m->mlp_ungated);
  assert_layer (m, 0, RW_MIXER_MAMBA, RW_FFN_NONE);
  assert_layer (m, 1, RW_MIXER_NONE, RW_FFN_MOE);
  assert_layer (m, 5, RW_MIXER_ATTENTION, RW_FFN_NONE);
  rw_model_count_layers (m, 0, &all);
  g_assert_cmpuint (all.mixers[RW_MIXER_MAMBA], ==, 23);
  g_assert_cmpuint (all.mixers[RW_MIXER_ATTENTION], ==, 6);
  g_assert_cmpuint (all.mixers[RW_MIXER_NONE], ==, 23);
  g_assert_cmpuint (all.ffns[RW_FFN_MOE], ==, 23);
  g_assert_cmpuint (all.ffns[RW_FFN_NONE], ==, 29);
  assert_near (rw_model_layer_params (m, 0), 38742208 + 2688);
  assert_near (rw_model_layer_params (m, 1), 1277165568.0 + 20302464);
  assert_near (rw_model_total_params (m), 31577937344.0);
  assert_near (rw_model_active_params (m), 3580073408.0);
  assert_near (rw_model_state_bytes (m), 49930240);
  /* 6 attention layers · 2·2·128 = 3072 elements a token. */
  assert_near (rw_model_kv_elements (m, 1000), 3072000);
}

/* Gemma 4 26B-A4B: 25 sliding layers (head 256, 8 KV heads) and 5 full
 * ones (global_head_dim 512, 2 global KV heads, attention_k_eq_v: no V
 * projection); the dense MLP runs beside 128 experts in every layer.
 *   sliding: 2·2816·16·256 + 2·2816·8·256 = 34 603 008
 *   full:    2·2816·16·512 + 2816·2·512 = 49 020 928
 *   MoE: routed 128·3·2816·704 = 761 266 176; router 2816·128 + dense MLP
 *        3·2816·2112 + norm = 18 205 440
 *   total 262144·2816 (tied) + 25·(34 603 008 + 2816) + 5·(49 020 928 + 2816)
 *         + 30·(761 266 176 + 18 205 440) + 2816 = 25 232 613 120
 *   active: − 120/128 · 30 · 761 266 176 → 3 822 001 920 (Google: 25.2 B,
 *           3.8 B active)
 *   KV at 32768 tokens: 25·2·8·256·1024 + 5·2·2·512·32768 = 104 857 600
 *           + 335 544 320 = 440 401 920 elements. */
static void
test_gemma_4 (void)
{
  g_autoptr(RwModel) m = load_bundled ("gemma-4-26b-a4b");

  g_assert_false (rw_model_is_hybrid (m));
  g_assert_cmpuint (m->n_swa_layers, ==, 25);
  g_assert_cmpuint (m->full_head_dim, ==, 512);
  g_assert_cmpuint (m->full_n_kv_heads, ==, 2);
  g_assert_true (m->full_k_eq_v);
  assert_layer (m, 5, RW_MIXER_ATTENTION, RW_FFN_MOE);
  assert_layer (m, 4, RW_MIXER_SLIDING, RW_FFN_MOE);
  assert_near (rw_model_total_params (m), 25232613120.0);
  assert_near (rw_model_active_params (m), 3822001920.0);
  assert_near (rw_model_kv_elements (m, 32768), 440401920);
}

/* DeepSeek V3.2: V3's shape (671 026 404 352) plus an indexer a layer:
 * 1536·64·128 + 7168·128 + 2·128 + 7168·64 = 13 959 424, × 61 = 851 524 864
 * → 671 877 929 216. Its KV cache adds the indexer key, 128 values, to the
 * 512 + 64 latent ones: 704 a token a layer. */
static void
test_deepseek_v3_2 (void)
{
  g_autoptr(RwModel) m = load_bundled ("deepseek-v3.2");

  g_assert_cmpuint (m->index_n_heads, ==, 64);
  g_assert_cmpuint (m->index_head_dim, ==, 128);
  g_assert_cmpuint (m->index_topk, ==, 2048);
  assert_near (rw_model_total_params (m), 671877929216.0);
  assert_near (rw_model_kv_elements (m, 1000), 704.0 * 61 * 1000);
}

/* SmolLM3-3B ties its embeddings by default and leaves RoPE out of every
 * fourth layer, which changes no size: 36·(10 485 760 + 67 633 152 + 4096)
 * + 128256·2048 + 2048 = 3 075 098 624. */
static void
test_smollm3 (void)
{
  g_autoptr(RwModel) m = load_bundled ("smollm3-3b");

  g_assert_true (m->tied_embeddings);
  g_assert_cmpuint (m->n_nope_layers, ==, 9);
  g_assert_cmpuint (m->n_swa_layers, ==, 0);
  assert_near (rw_model_total_params (m), 3075098624.0);
}

/* Hybrids that are not in the repository: the layout comes from the
 * fields, not from a list of known models. A small Qwen3-Next-like model
 * with a full layer every third and a dense MLP (h 256, 4 heads, 2 KV
 * heads of 64, DeltaNet 2 key / 4 value heads of 32, MLP 512, vocab 1000):
 *   attention (gated) 256·4·64·2 + 2·256·2·64 + 4·64·256 = 262 144 (+ 256)
 *   DeltaNet 256·(128 + 256 + 8) + 256·4 + 8 + 32 + 128·256 = 134 184 (+ 256)
 *   MLP 3·256·512 = 393 216 (+ 256)
 *   total 2·262 400 + 4·134 440 + 6·393 472 + 2·1000·256 + 256 = 3 935 648
 *   state 4·(3·(128 + 128) + 32·128) = 19 456 B a layer, × 4 = 77 824. */
static void
test_unseen_linear_hybrid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwModel) m = parse_string (
    "{\"model_type\": \"qwen3_next\", \"num_hidden_layers\": 6, \"hidden_size\": 256,"
    " \"num_attention_heads\": 4, \"num_key_value_heads\": 2, \"head_dim\": 64,"
    " \"intermediate_size\": 512, \"vocab_size\": 1000, \"full_attention_interval\": 3,"
    " \"linear_num_key_heads\": 2, \"linear_num_value_heads\": 4, \"linear_key_head_dim\": 32,"
    " \"linear_value_head_dim\": 32, \"linear_conv_kernel_dim\": 4}", &error);

  g_assert_no_error (error);
  g_assert_true (rw_model_validate (m, NULL));
  assert_layer (m, 1, RW_MIXER_LINEAR, RW_FFN_DENSE);
  assert_layer (m, 2, RW_MIXER_ATTENTION, RW_FFN_DENSE);
  assert_layer (m, 5, RW_MIXER_ATTENTION, RW_FFN_DENSE);
  assert_near (rw_model_total_params (m), 3935648);
  assert_near (rw_model_state_bytes (m), 77824);
  /* 2 full layers · 2·2·64 elements a token. */
  assert_near (rw_model_kv_elements (m, 1000), 512000);
}

/* A Nemotron-H-like pattern with MLP blocks ("-") and a bfloat16 SSM
 * cache (h 256; Mamba2 8 heads of 32, 2 groups, state 16; attention 4
 * heads, 2 KV heads of 64 via attention_head_dim; relu² MLP 512):
 *   Mamba2 256·(512 + 64 + 8) + 320·4 + 320 + 24 + 256 + 256·256 = 216 920
 *   attention 2·256·4·64 + 2·256·2·64 = 196 608; MLP 2·256·512 = 262 144
 *   total 2·217 176 + 196 864 + 2·262 400 + 512 000 + 256 = 1 668 272
 *   state 3·320·4 + 16·256·2 = 12 032 B a Mamba layer, × 2 = 24 064. */
static void
test_unseen_mamba_hybrid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwModel) m = parse_string (
    "{\"model_type\": \"nemotron_h\", \"num_hidden_layers\": 5, \"hidden_size\": 256,"
    " \"num_attention_heads\": 4, \"num_key_value_heads\": 2, \"attention_head_dim\": 64,"
    " \"intermediate_size\": 512, \"vocab_size\": 1000, \"hybrid_override_pattern\": \"M-M*-\","
    " \"mamba_num_heads\": 8, \"mamba_head_dim\": 32, \"n_groups\": 2, \"ssm_state_size\": 16,"
    " \"conv_kernel\": 4, \"use_conv_bias\": true, \"mamba_ssm_cache_dtype\": \"bfloat16\","
    " \"mlp_hidden_act\": \"relu2\"}", &error);

  g_assert_no_error (error);
  g_assert_true (rw_model_validate (m, NULL));
  g_assert_cmpuint (m->head_dim, ==, 64);
  g_assert_cmpuint (m->ssm_state_bytes, ==, 2);
  assert_layer (m, 1, RW_MIXER_NONE, RW_FFN_DENSE);
  assert_layer (m, 3, RW_MIXER_ATTENTION, RW_FFN_NONE);
  assert_near (rw_model_total_params (m), 1668272);
  assert_near (rw_model_state_bytes (m), 24064);
}

/* The same Mamba2 layers spelt the way IBM's Granite 4.0-H configs spell
 * them (layer_types of "mamba" and "attention", mamba_d_* names, one group),
 * each layer with a gated MLP:
 *   Mamba2 256·(512 + 32 + 8) + 288·4 + 288 + 24 + 256 + 65 536 = 208 568
 *   total 3·208 824 + 196 864 + 4·393 472 + 512 256 = 2 909 480. */
static void
test_unseen_layer_types_mamba (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwModel) m = parse_string (
    "{\"model_type\": \"granitemoehybrid\", \"num_hidden_layers\": 4, \"hidden_size\": 256,"
    " \"num_attention_heads\": 4, \"num_key_value_heads\": 2, \"intermediate_size\": 512,"
    " \"vocab_size\": 1000, \"layer_types\": [\"mamba\", \"mamba\", \"mamba\", \"attention\"],"
    " \"mamba_n_heads\": 8, \"mamba_d_head\": 32, \"mamba_n_groups\": 1, \"mamba_d_state\": 16,"
    " \"mamba_d_conv\": 4}", &error);

  g_assert_no_error (error);
  g_assert_true (rw_model_validate (m, NULL));
  assert_layer (m, 0, RW_MIXER_MAMBA, RW_FFN_DENSE);
  assert_layer (m, 3, RW_MIXER_ATTENTION, RW_FFN_DENSE);
  assert_near (rw_model_total_params (m), 2909480);
}

typedef struct
{
  const char *json;
  gint        code;
  const char *needle;
} BadConfig;

#define TOY "\"num_hidden_layers\": 4, \"hidden_size\": 256, \"num_attention_heads\": 4," \
            " \"intermediate_size\": 512, \"vocab_size\": 1000, "
#define MAMBA "\"mamba_num_heads\": 8, \"mamba_head_dim\": 32, \"n_groups\": 2, \"ssm_state_size\": 16, "

static void
test_bad_hybrids (void)
{
  const BadConfig cases[] = {
    { "{" TOY MAMBA "\"hybrid_override_pattern\": \"M*M\"}",
      RW_CONFIG_ERROR_INVALID_VALUE, "“hybrid_override_pattern” has 3 characters for 4 layers" },
    { "{" TOY MAMBA "\"hybrid_override_pattern\": \"M*MX\"}",
      RW_CONFIG_ERROR_UNSUPPORTED, "character 4 is not one of" },
    { "{" TOY MAMBA "\"hybrid_override_pattern\": \"M*ME\"}",
      RW_CONFIG_ERROR_MISSING_FIELD, "“n_routed_experts” is missing" },
    { "{" TOY "\"hybrid_override_pattern\": \"M*M-\"}",
      RW_CONFIG_ERROR_MISSING_FIELD, "“mamba_num_heads” is missing" },
    { "{" TOY MAMBA "\"hybrid_override_pattern\": \"M*M-\", \"mamba_ssm_cache_dtype\": \"int3\"}",
      RW_CONFIG_ERROR_INVALID_VALUE, "“mamba_ssm_cache_dtype”: “int3”" },
    { "{" TOY "\"layer_types\": [\"linear_attention\", \"full_attention\", \"retention\", \"full_attention\"]}",
      RW_CONFIG_ERROR_UNSUPPORTED, "entry 2, “retention”" },
    { "{" TOY "\"layer_types\": [\"linear_attention\", \"full_attention\", \"linear_attention\", \"full_attention\"],"
      " \"linear_num_key_heads\": 2, \"linear_num_value_heads\": 4, \"linear_key_head_dim\": 32,"
      " \"linear_value_head_dim\": 32}",
      RW_CONFIG_ERROR_MISSING_FIELD, "“linear_conv_kernel_dim” is missing" },
    { "{" TOY MAMBA "\"model_type\": \"falcon_h1\"}",
      RW_CONFIG_ERROR_UNSUPPORTED, "Mamba fields without a layer pattern" },
    { "{" TOY "\"num_kv_shared_layers\": 2}",
      RW_CONFIG_ERROR_UNSUPPORTED, "“num_kv_shared_layers”" },
    { "{" TOY "\"index_n_heads\": 8, \"index_head_dim\": 64}",
      RW_CONFIG_ERROR_MISSING_FIELD, "“index_topk”" },
    { "{\"num_hidden_layers\": 4, \"hidden_size\": 256, \"num_attention_heads\": 4, \"vocab_size\": 1000}",
      RW_CONFIG_ERROR_MISSING_FIELD, "“intermediate_size” is missing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RwModel) m = parse_string (cases[i].json, &error);

      g_assert_null (m);
      g_assert_nonnull (error);
      if (!g_error_matches (error, RW_CONFIG_ERROR, cases[i].code) ||
          strstr (error->message, cases[i].needle) == NULL ||
          !g_str_has_prefix (error->message, "test.json: "))
        g_error ("case %u: got “%s” (code %d), expected code %d and “%s”",
                 i, error->message, error->code, cases[i].code, cases[i].needle);
    }
}

/* Memory of a hybrid on a unified system: Qwen3-Next at bf16 and an f16 KV
 * cache, 32768 tokens, 2 sequences. KV 12 layers · 2·2·256 · 2 B · 32768
 * = 805 306 368 a sequence; state 79 036 416 a sequence, whatever the
 * context. Both double with the batch. */
static void
test_hybrid_memory (void)
{
  g_autoptr(RwModel) m = load_bundled ("qwen3-next-80b-a3b-instruct");
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwFormat) f16 = fixture_f16_kv ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (m, bf16, f16);
  g_autoptr(GError) error = NULL;
  RwEstimate out;

  workload.context = 32768;
  workload.batch = 2;
  g_assert_true (rw_estimate (system, &workload, &out, &error));
  g_assert_no_error (error);
  assert_near (out.memory.state, 2 * 79036416.0);
  assert_near (out.memory.kv_cache, 2 * (805306368.0 + 79036416.0));
  assert_near (out.memory.weights, 79674286848.0 * 2);

  /* The state does not grow with the context; the KV cache does. */
  workload.context = 65536;
  g_assert_true (rw_estimate (system, &workload, &out, NULL));
  assert_near (out.memory.kv_cache, 2 * (2 * 805306368.0 + 79036416.0));
}

/* Decode reads each recurrent state and writes it back: 2 × state bytes a
 * sequence per step. Nemotron 3 Nano at bf16 on the unified fixture
 * (200 GB/s × 0.8, memory bound): a bfloat16 SSM cache instead of float32
 * saves 23 layers · 524 288 values · 2 B = 24 117 248 B of state, so a
 * step moves 48 234 496 B less and takes 48 234 496 / 160e9 s = 0.301 ms
 * less. */
static void
test_hybrid_decode_reads_state (void)
{
  g_autoptr(RwModel) m = load_bundled ("nemotron-3-nano-30b-a3b");
  g_autoptr(RwModel) half = rw_model_copy (m);
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwFormat) f16 = fixture_f16_kv ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (m, bf16, f16);
  RwEstimate full_state, half_state;

  half->ssm_state_bytes = 2;
  assert_near (rw_model_state_bytes (m) - rw_model_state_bytes (half), 24117248);

  g_assert_true (rw_estimate (system, &workload, &full_state, NULL));
  workload.model = half;
  g_assert_true (rw_estimate (system, &workload, &half_state, NULL));
  g_assert_false (full_state.decode_compute_bound);
  assert_rel (1 / full_state.decode_tok_s - 1 / half_state.decode_tok_s, 48234496 / 160e9, 1e-9);
}

typedef struct
{
  const char *id;
  double      total_tolerance;
  double      active_tolerance;   /* against published_active_params_b */
  const char *why;
} Published;

/* Every catalog model's computed counts against the published ones. The
 * tolerance is the published figure's own rounding where it is a name
 * ("80B-A3B": 3 B means 2.5–3.5 B) and a few per cent otherwise; the
 * README lists each comparison. */
static void
test_published_counts (void)
{
  static const Published models[] = {
    { "qwen3-235b-a22b", 0.01, 0.02, "Qwen card: 235B, 22B activated" },
    { "qwen3-next-80b-a3b", 0.01, 0.3, "Qwen card: 80B, 3B activated (rounded; 3.87 B with both embedding tables, 3.25 B without)" },
    { "qwen3.5-27b", 0.01, 0.01, "name" },
    { "qwen3.5-35b-a3b", 0.01, 0.17, "name: A3B (3.49 B with the embeddings)" },
    { "qwen3.5-397b-a17b", 0.01, 0.03, "name: A17B (17.35 B)" },
    { "gemma-4-26b-a4b", 0.002, 0.01, "Google: 25.2B, 3.8B active" },
    { "smollm3-3b", 0.03, 0.03, "card: 3B (3.08 B)" },
    { "nemotron-3-nano-30b-a3b", 0.002, 0.01, "NVIDIA: 31.6B, 3.6B active with embeddings" },
    { "deepseek-v3.2", 0.002, 0.04, "V3's 671B/37B + the indexer's 0.85 B" },
    { "kimi-k2", 0.03, 0.03, "Moonshot: 1T, 32B activated (rounded)" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCatalog) catalog = rw_catalog_new_default (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      const RwModel *m = rw_catalog_lookup_model (catalog, models[i].id);
      double total, active;

      if (m == NULL)
        g_error ("%s is not in the catalog", models[i].id);
      total = rw_model_total_params (m);
      active = rw_model_active_params (m);
      g_assert_cmpfloat (m->published_total_params, >, 0);
      if (fabs (total - m->published_total_params) > models[i].total_tolerance * m->published_total_params)
        g_error ("%s: %.4g parameters, published %.4g (%s)", models[i].id, total,
                 m->published_total_params, models[i].why);
      if (m->published_active_params > 0 &&
          fabs (active - m->published_active_params) > models[i].active_tolerance * m->published_active_params)
        g_error ("%s: %.4g active, published %.4g (%s)", models[i].id, active,
                 m->published_active_params, models[i].why);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hybrid/qwen3-next", test_qwen3_next);
  g_test_add_func ("/hybrid/qwen3.5", test_qwen3_5);
  g_test_add_func ("/hybrid/nemotron-3-nano", test_nemotron_3_nano);
  g_test_add_func ("/hybrid/gemma-4", test_gemma_4);
  g_test_add_func ("/hybrid/deepseek-v3.2", test_deepseek_v3_2);
  g_test_add_func ("/hybrid/smollm3", test_smollm3);
  g_test_add_func ("/hybrid/unseen-linear", test_unseen_linear_hybrid);
  g_test_add_func ("/hybrid/unseen-mamba", test_unseen_mamba_hybrid);
  g_test_add_func ("/hybrid/unseen-layer-types-mamba", test_unseen_layer_types_mamba);
  g_test_add_func ("/hybrid/bad", test_bad_hybrids);
  g_test_add_func ("/hybrid/memory", test_hybrid_memory);
  g_test_add_func ("/hybrid/decode-reads-state", test_hybrid_decode_reads_state);
  g_test_add_func ("/hybrid/published-counts", test_published_counts);

  return g_test_run ();
}
