/* test-hf-config.c: importing real Hugging Face config.json files
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rigwise-core.h"

static RwModel *
load_bundled (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("RIGWISE_DATADIR"), "catalog", "hf", file, NULL);
  RwModel *model = rw_hf_config_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
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

/* Llama 3.1 8B: a plain GQA config with every field present. */
static void
test_dense_gqa (void)
{
  g_autoptr(RwModel) m = load_bundled ("llama-3.1-8b");

  g_assert_cmpstr (m->family, ==, "llama");
  g_assert_cmpuint (m->n_layers, ==, 32);
  g_assert_cmpuint (m->hidden_size, ==, 4096);
  g_assert_cmpuint (m->n_heads, ==, 32);
  g_assert_cmpuint (m->n_kv_heads, ==, 8);
  g_assert_cmpuint (m->head_dim, ==, 128);       /* 4096 / 32: the config has no head_dim */
  g_assert_cmpuint (m->intermediate_size, ==, 14336);
  g_assert_cmpuint (m->vocab_size, ==, 128256);
  g_assert_false (m->tied_embeddings);
  g_assert_false (m->attention_bias);
  g_assert_cmpuint (m->n_experts, ==, 0);
  g_assert_cmpuint (m->n_swa_layers, ==, 0);
  g_assert_cmpuint (m->kv_lora_rank, ==, 0);
}

/* Llama 3.2 3B ties its embeddings and states head_dim. */
static void
test_tied_embeddings (void)
{
  g_autoptr(RwModel) m = load_bundled ("llama-3.2-3b");

  g_assert_true (m->tied_embeddings);
  g_assert_cmpuint (m->head_dim, ==, 128);
  g_assert_cmpuint (m->n_kv_heads, ==, 8);
}

/* Qwen2.5 7B: sliding_window is set (131072) but use_sliding_window is
 * false, so no layer is windowed; Qwen2 attention always has q/k/v biases. */
static void
test_qwen2_window_off (void)
{
  g_autoptr(RwModel) m = load_bundled ("qwen2.5-7b");

  g_assert_cmpuint (m->n_swa_layers, ==, 0);
  g_assert_cmpuint (m->sliding_window, ==, 0);
  g_assert_true (m->attention_bias);
  g_assert_cmpuint (m->n_kv_heads, ==, 4);
  g_assert_cmpuint (m->head_dim, ==, 128);        /* 3584 / 28 */
}

/* Gemma 3 4B: multimodal, text model under text_config, and the real file
 * omits heads, KV heads, head_dim and vocab_size: transformers'
 * Gemma3TextConfig defaults are 8, 4, 256, 262208; tied embeddings. */
static void
test_gemma3_defaults (void)
{
  g_autoptr(RwModel) m = load_bundled ("gemma-3-4b");

  g_assert_cmpstr (m->family, ==, "gemma3_text");
  g_assert_cmpuint (m->n_layers, ==, 34);
  g_assert_cmpuint (m->hidden_size, ==, 2560);
  g_assert_cmpuint (m->n_heads, ==, 8);
  g_assert_cmpuint (m->n_kv_heads, ==, 4);
  g_assert_cmpuint (m->head_dim, ==, 256);
  g_assert_cmpuint (m->vocab_size, ==, 262208);
  g_assert_true (m->tied_embeddings);
  /* Pattern 6: layer i is global when (i + 1) % 6 == 0 → 34 / 6 = 5 global,
   * 29 sliding with the file's window of 1024. */
  g_assert_cmpuint (m->n_swa_layers, ==, 29);
  g_assert_cmpuint (m->sliding_window, ==, 1024);
}

/* Gemma 3 27B states head_dim 128 (not the default 256): 62 layers, 10
 * global, 52 sliding. */
static void
test_gemma3_explicit_head_dim (void)
{
  g_autoptr(RwModel) m = load_bundled ("gemma-3-27b");

  g_assert_cmpuint (m->head_dim, ==, 128);
  g_assert_cmpuint (m->n_heads, ==, 32);
  g_assert_cmpuint (m->n_kv_heads, ==, 16);
  g_assert_cmpuint (m->n_swa_layers, ==, 52);
}

/* gpt-oss-20b: num_local_experts / experts_per_token, an explicit
 * layer_types list alternating sliding (window 128) and full layers. */
static void
test_gpt_oss (void)
{
  g_autoptr(RwModel) m = load_bundled ("gpt-oss-20b");

  g_assert_cmpuint (m->n_experts, ==, 32);
  g_assert_cmpuint (m->n_experts_active, ==, 4);
  g_assert_cmpuint (m->moe_intermediate_size, ==, 2880);
  g_assert_cmpuint (m->n_shared_experts, ==, 0);
  g_assert_cmpuint (m->n_swa_layers, ==, 12);
  g_assert_cmpuint (m->sliding_window, ==, 128);
  g_assert_cmpuint (m->head_dim, ==, 64);
  g_assert_true (m->attention_bias);
}

/* Qwen3-30B-A3B names its experts num_experts. */
static void
test_qwen3_moe (void)
{
  g_autoptr(RwModel) m = load_bundled ("qwen3-30b-a3b");

  g_assert_cmpuint (m->n_experts, ==, 128);
  g_assert_cmpuint (m->n_experts_active, ==, 8);
  g_assert_cmpuint (m->moe_intermediate_size, ==, 768);
  g_assert_cmpuint (m->n_kv_heads, ==, 4);
  g_assert_cmpuint (m->head_dim, ==, 128);
  g_assert_cmpuint (m->n_dense_layers, ==, 0);
}

/* DeepSeek V3: n_routed_experts, one shared expert, 3 leading dense layers,
 * and multi-head latent attention. */
static void
test_deepseek_mla (void)
{
  g_autoptr(RwModel) m = load_bundled ("deepseek-v3");

  g_assert_cmpuint (m->n_layers, ==, 61);
  g_assert_cmpuint (m->n_experts, ==, 256);
  g_assert_cmpuint (m->n_experts_active, ==, 8);
  g_assert_cmpuint (m->n_shared_experts, ==, 1);
  g_assert_cmpuint (m->n_dense_layers, ==, 3);
  g_assert_cmpuint (m->moe_intermediate_size, ==, 2048);
  g_assert_cmpuint (m->intermediate_size, ==, 18432);
  g_assert_cmpuint (m->kv_lora_rank, ==, 512);
  g_assert_cmpuint (m->q_lora_rank, ==, 1536);
  g_assert_cmpuint (m->qk_rope_head_dim, ==, 64);
  g_assert_cmpuint (m->qk_nope_head_dim, ==, 128);
  g_assert_cmpuint (m->v_head_dim, ==, 128);
}

/* Llama 4 Scout: text_config; 16 routed experts, top-1, plus a shared
 * expert; dense width intermediate_size_mlp; chunked attention (8192) on 3
 * of every 4 layers since no_rope_layers is empty (transformers' default). */
static void
test_llama4 (void)
{
  g_autoptr(RwModel) m = load_bundled ("llama-4-scout");

  g_assert_cmpstr (m->family, ==, "llama4_text");
  g_assert_cmpuint (m->n_experts, ==, 16);
  g_assert_cmpuint (m->n_experts_active, ==, 1);
  g_assert_cmpuint (m->n_shared_experts, ==, 1);
  g_assert_cmpuint (m->moe_intermediate_size, ==, 8192);
  g_assert_cmpuint (m->intermediate_size, ==, 16384);
  g_assert_cmpuint (m->n_swa_layers, ==, 36);      /* 48 − 48/4 */
  g_assert_cmpuint (m->sliding_window, ==, 8192);
}

/* GLM-4.5-Air: n_routed_experts + first_k_dense_replace + explicit head_dim. */
static void
test_glm (void)
{
  g_autoptr(RwModel) m = load_bundled ("glm-4.5-air");

  g_assert_cmpuint (m->n_experts, ==, 128);
  g_assert_cmpuint (m->n_shared_experts, ==, 1);
  g_assert_cmpuint (m->n_dense_layers, ==, 1);
  g_assert_cmpuint (m->head_dim, ==, 128);
  g_assert_cmpuint (m->n_heads, ==, 96);
  g_assert_true (m->attention_bias);
}

/* Phi-4 windows every layer (window 16384); Mistral Small's window is null. */
static void
test_window_everywhere_or_null (void)
{
  g_autoptr(RwModel) phi = load_bundled ("phi-4");
  g_autoptr(RwModel) mistral = load_bundled ("mistral-small-24b");

  g_assert_cmpuint (phi->n_swa_layers, ==, 40);
  g_assert_cmpuint (phi->sliding_window, ==, 16384);
  g_assert_cmpuint (mistral->n_swa_layers, ==, 0);
  g_assert_cmpuint (mistral->head_dim, ==, 128);  /* explicit; 5120 / 32 would be 160 */
}

/* Parameter counts from the imported fields against the counts llama-bench
 * prints for the same GGUFs (shared/reference/gguf-sizes.csv, models.json):
 * the import and the counting formula together must reproduce them. GLM-4.5-Air's
 * GGUF (110.47 B) also holds the MTP layer the HF model keeps apart; its 46
 * decoder layers come to 106.85 B (the publisher says 106 B). */
static void
test_parameter_counts (void)
{
  static const struct { const char *name; double total_b; double tolerance; } cases[] = {
    { "llama-3.1-8b", 8.03, 0.002 },
    { "llama-3.3-70b", 70.55, 0.002 },
    { "llama-3.1-405b", 405.85, 0.002 },
    { "llama-3.2-3b", 3.21, 0.002 },
    { "qwen2.5-7b", 7.62, 0.002 },
    { "qwen3-8b", 8.19, 0.002 },
    { "qwen3-30b-a3b", 30.53, 0.002 },
    { "gemma-3-4b", 3.88, 0.002 },
    { "gemma-3-27b", 27.01, 0.002 },
    { "mistral-small-24b", 23.57, 0.002 },
    { "phi-4", 14.66, 0.002 },
    { "gpt-oss-20b", 20.91, 0.002 },
    { "gpt-oss-120b", 116.83, 0.002 },
    { "deepseek-v3", 671.03, 0.002 },
    { "llama-4-scout", 107.77, 0.002 },
    { "glm-4.5-air", 106.85, 0.002 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RwModel) m = load_bundled (cases[i].name);
      double total_b = rw_model_total_params (m) / 1e9;

      if (fabs (total_b - cases[i].total_b) > cases[i].tolerance * cases[i].total_b)
        g_error ("%s: %.3f B parameters, expected %.2f B", cases[i].name, total_b, cases[i].total_b);
    }
}

static void
test_errors (void)
{
  static const struct { const char *json; int code; const char *needle; } cases[] = {
    /* a field of the wrong type, named in the message */
    { "{\"model_type\":\"llama\",\"hidden_size\":\"4096\"}", RW_CONFIG_ERROR_WRONG_TYPE, "hidden_size" },
    /* an unknown model type has no defaults: a missing field is an error */
    { "{\"model_type\":\"mystery\",\"hidden_size\":64}", RW_CONFIG_ERROR_MISSING_FIELD, "num_hidden_layers" },
    { "{\"model_type\":\"llama\",\"num_hidden_layers\":-2}", RW_CONFIG_ERROR_INVALID_VALUE, "num_hidden_layers" },
    { "{\"model_type\":\"llama\",\"hidden_size\":4096.5}", RW_CONFIG_ERROR_INVALID_VALUE, "hidden_size" },
    { "{\"model_type\":\"llama\",\"hidden_size\":1e300}", RW_CONFIG_ERROR_INVALID_VALUE, "hidden_size" },
    { "{\"model_type\":\"llama\",\"num_hidden_layers\":0}", RW_CONFIG_ERROR_INVALID_VALUE, "num_hidden_layers" },
    { "{\"model_type\":\"t5\"}", RW_CONFIG_ERROR_UNSUPPORTED, "t5" },
    { "{\"model_type\":\"llama\",\"num_attention_heads\":32,\"num_key_value_heads\":5}",
      RW_CONFIG_ERROR_INVALID_VALUE, "num_key_value_heads" },
    { "{\"model_type\":\"gemma3\",\"text_config\":[1]}", RW_CONFIG_ERROR_WRONG_TYPE, "text_config" },
    { "{\"model_type\":\"gpt_oss\",\"num_hidden_layers\":2,\"layer_types\":[\"full_attention\"]}",
      RW_CONFIG_ERROR_INVALID_VALUE, "layer_types" },
    { "{\"model_type\":\"gpt_oss\",\"num_hidden_layers\":1,\"layer_types\":[{}]}",
      RW_CONFIG_ERROR_WRONG_TYPE, "layer_types" },
    { "{\"model_type\":\"qwen3_moe\",\"num_experts\":4,\"num_experts_per_tok\":8}",
      RW_CONFIG_ERROR_INVALID_VALUE, "num_experts_per_tok" },
    { "{\"model_type\":\"qwen3_moe\",\"num_experts\":8,\"num_experts_per_tok\":2,\"mlp_only_layers\":[0]}",
      RW_CONFIG_ERROR_UNSUPPORTED, "mlp_only_layers" },
    { "{\"model_type\":\"deepseek_v3\",\"kv_lora_rank\":512}", RW_CONFIG_ERROR_MISSING_FIELD, "qk_rope_head_dim" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RwModel) m = parse_string (cases[i].json, &error);

      g_assert_null (m);
      g_assert_error (error, RW_CONFIG_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].needle) == NULL ||
          strstr (error->message, "test.json") == NULL)
        g_error ("case %u: “%s” names neither the file nor “%s”", i, error->message, cases[i].needle);
    }
}

/* A family's defaults fill what is absent: a minimal Mistral config. */
static void
test_minimal_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwModel) m = parse_string ("{\"model_type\":\"mistral\",\"sliding_window\":null}", &error);

  g_assert_no_error (error);
  /* MistralConfig defaults: 32 layers, 4096 hidden, 32 heads, 8 KV heads,
   * 14336 MLP, vocab 32000; head_dim 4096 / 32 = 128. */
  g_assert_cmpuint (m->n_layers, ==, 32);
  g_assert_cmpuint (m->n_kv_heads, ==, 8);
  g_assert_cmpuint (m->intermediate_size, ==, 14336);
  g_assert_cmpuint (m->vocab_size, ==, 32000);
  g_assert_cmpuint (m->head_dim, ==, 128);
  g_assert_cmpuint (m->n_swa_layers, ==, 0);
}

static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rigwise-hf-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *array = g_build_filename (dir, "array.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  RwModel *m;

  g_assert_true (g_file_set_contents (bad, "{\"model_type\": \"llama\",", -1, NULL));
  g_assert_true (g_file_set_contents (array, "[1, 2]", -1, NULL));

  m = rw_hf_config_load_file (bad, &error);
  g_assert_null (m);
  g_assert_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "broken.json"));
  g_clear_error (&error);

  m = rw_hf_config_load_file (array, &error);
  g_assert_null (m);
  g_assert_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_WRONG_TYPE);
  g_clear_error (&error);

  m = rw_hf_config_load_file (missing, &error);
  g_assert_null (m);
  g_assert_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.json"));

  g_unlink (bad);
  g_unlink (array);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hf-config/dense-gqa", test_dense_gqa);
  g_test_add_func ("/hf-config/tied-embeddings", test_tied_embeddings);
  g_test_add_func ("/hf-config/qwen2-window-off", test_qwen2_window_off);
  g_test_add_func ("/hf-config/gemma3-defaults", test_gemma3_defaults);
  g_test_add_func ("/hf-config/gemma3-explicit-head-dim", test_gemma3_explicit_head_dim);
  g_test_add_func ("/hf-config/gpt-oss", test_gpt_oss);
  g_test_add_func ("/hf-config/qwen3-moe", test_qwen3_moe);
  g_test_add_func ("/hf-config/deepseek-mla", test_deepseek_mla);
  g_test_add_func ("/hf-config/llama4", test_llama4);
  g_test_add_func ("/hf-config/glm", test_glm);
  g_test_add_func ("/hf-config/window-everywhere-or-null", test_window_everywhere_or_null);
  g_test_add_func ("/hf-config/parameter-counts", test_parameter_counts);
  g_test_add_func ("/hf-config/errors", test_errors);
  g_test_add_func ("/hf-config/minimal-defaults", test_minimal_defaults);
  g_test_add_func ("/hf-config/files", test_files);

  return g_test_run ();
}
