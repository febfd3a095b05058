/* test-model.c: parameter counts, KV-cache size and validation of RwModel
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Formulas (rw-model.c): per layer attention 2·h·n_q·d + 2·h·n_kv·d
 * (+ n_q·d + 2·n_kv·d + h biases), norms 2·h, dense MLP 3·h·d_ff, MoE
 * E·3·h·d_moe + router h·E + shared; embeddings vocab·h (×2 untied); final
 * norm h. Real models are checked against the parameter counts llama-bench
 * prints for their GGUFs (../shared/reference/gguf-sizes.csv), which count
 * every tensor of the text model.
 */
#include "rw-test-fixtures.h"

/* Toy: attention 2·1024·8·128 + 2·1024·2·128 = 2 097 152 + 524 288
 * = 2 621 440, + norms 2·1024 → 2 623 488; MLP 3·1024·4096 = 12 582 912;
 * one layer 15 206 400. Total 4·15 206 400 + 2·32000·1024 + 1024
 * = 60 825 600 + 65 536 000 + 1024 = 126 362 624. */
static void
test_model_toy_counts (void)
{
  g_autoptr(RwModel) model = fixture_toy ();

  g_assert_true (rw_model_validate (model, NULL));
  g_assert_false (rw_model_is_moe (model));
  g_assert_false (rw_model_is_mla (model));
  assert_near (rw_model_layer_params (model, 0), 15206400);
  assert_near (rw_model_layer_params (model, 3), 15206400);
  assert_near (rw_model_embedding_params (model), 65536000);
  assert_near (rw_model_total_params (model), 126362624);
  /* Dense: every parameter is active. */
  assert_near (rw_model_active_params (model), 126362624);

  /* Tied: one table less, 126 362 624 − 32 768 000 = 93 594 624. */
  model->tied_embeddings = TRUE;
  assert_near (rw_model_embedding_params (model), 32768000);
  assert_near (rw_model_total_params (model), 93594624);

  /* head_dim absent: hidden / n_heads = 128, the same counts. */
  model->head_dim = 0;
  assert_near (rw_model_total_params (model), 93594624);

  /* Biases add n_q·d + 2·n_kv·d + h = 1024 + 512 + 1024 = 2560 a layer. */
  model->attention_bias = TRUE;
  assert_near (rw_model_total_params (model), 93594624 + 4 * 2560);
}

/* Llama-3.1-8B: attention 2·4096·32·128 + 2·4096·8·128 = 41 943 040,
 * norms 8192, MLP 3·4096·14336 = 176 160 768: 218 112 000 a layer;
 * ×32 = 6 979 584 000; embeddings 2·128256·4096 = 1 050 673 152; final
 * 4096. Total 8 030 261 248 — llama-bench: 8.03 B. Tolerance 0.1 %. */
static void
test_model_llama_3_1_8b (void)
{
  g_autoptr(RwModel) model = fixture_llama_3_1_8b ();

  g_assert_true (rw_model_validate (model, NULL));
  assert_near (rw_model_layer_params (model, 0), 218112000);
  assert_near (rw_model_total_params (model), 8030261248.0);
  assert_rel (rw_model_total_params (model), 8.03e9, 0.001);
}

/* Qwen3-30B-A3B: attention 2·2048·32·128 + 2·2048·4·128 = 18 874 368 +
 * norms 4096; routed 128·3·2048·768 = 603 979 776; router 2048·128 =
 * 262 144: 623 120 384 a layer, ×48 = 29 909 778 432; embeddings
 * 2·151936·2048 = 622 329 856; final 2048 → 30 532 110 336 (llama-bench
 * 30.53 B, tolerance 0.1 %). Active: total − 120/128 · 48·603 979 776
 * = 30 532 110 336 − 27 179 089 920 = 3 353 020 416 (published "3.3B",
 * which counts the embedding table: tolerance 2 %). */
static void
test_model_qwen3_30b_a3b (void)
{
  g_autoptr(RwModel) model = fixture_qwen3_30b_a3b ();

  g_assert_true (rw_model_validate (model, NULL));
  g_assert_true (rw_model_is_moe (model));
  assert_near (rw_model_layer_params (model, 7), 623120384);
  assert_near (rw_model_total_params (model), 30532110336.0);
  assert_rel (rw_model_total_params (model), 30.53e9, 0.001);
  assert_near (rw_model_active_params (model), 3353020416.0);
  assert_rel (rw_model_active_params (model), 3.3e9, 0.02);
}

/* gpt-oss-20b: attention 2·2880·64·64 + 2·2880·8·64 = 26 542 080, biases
 * 4096 + 1024 + 2880 = 8000, norms 5760; routed 32·3·2880·2880 =
 * 796 262 400; router 92 160: 822 910 400 a layer, ×24 = 19 749 849 600;
 * embeddings 2·201088·2880 = 1 158 266 880; final 2880 → 20 908 119 360
 * (llama-bench 20.91 B; the expert biases and sinks we leave out are
 * 0.03 %; tolerance 0.1 %). Active = total − 28/32 · 24 · 796 262 400
 * = 20 908 119 360 − 16 721 510 400 = 4 186 608 960; OpenAI's "3.6B"
 * leaves out the embedding table: 4 186 608 960 − 201088·2880
 * = 3 607 475 520 (tolerance 1 %). */
static void
test_model_gpt_oss_20b (void)
{
  g_autoptr(RwModel) model = fixture_gpt_oss_20b ();

  g_assert_true (rw_model_validate (model, NULL));
  assert_near (rw_model_layer_params (model, 0), 822910400);
  assert_near (rw_model_total_params (model), 20908119360.0);
  assert_rel (rw_model_total_params (model), 20.91e9, 0.001);
  assert_near (rw_model_active_params (model), 4186608960.0);
  assert_rel (rw_model_active_params (model) - 201088.0 * 2880, 3.6e9, 0.01);
}

/* DeepSeek-V3 (MLA): q = 7168·1536 + 1536·128·192 = 48 758 784;
 * kv = 7168·(512+64) + 512·128·(128+128) = 20 905 984; o = 128·128·7168
 * = 117 440 512; latent norms 2048; + norms 14 336 → 187 121 664.
 * Dense layers (3): + 3·7168·18432 = 396 361 728 → 583 483 392.
 * MoE layers (58): routed 256·3·7168·2048 = 11 274 289 152, router
 * 7168·256 = 1 835 008, shared 3·7168·2048 = 44 040 192 →
 * 11 507 286 016. Total 3·583 483 392 + 58·11 507 286 016
 * + 2·129280·7168 + 7168 = 1 750 450 176 + 667 422 588 928
 * + 1 853 358 080 + 7168 = 671 026 404 352 (llama-bench 671.03 B, 0.1 %).
 * Active: − 248/256 · 58 · 11 274 289 152 = 37 552 282 624 (published
 * 37 B; tolerance 2 %). */
static void
test_model_deepseek_v3 (void)
{
  g_autoptr(RwModel) model = fixture_deepseek_v3 ();

  g_assert_true (rw_model_validate (model, NULL));
  g_assert_true (rw_model_is_mla (model));
  assert_near (rw_model_layer_params (model, 0), 583483392);
  assert_near (rw_model_layer_params (model, 3), 11507286016.0);
  assert_near (rw_model_total_params (model), 671026404352.0);
  assert_rel (rw_model_total_params (model), 671.03e9, 0.001);
  assert_near (rw_model_active_params (model), 37552282624.0);
  assert_rel (rw_model_active_params (model), 37e9, 0.02);
}

/* Gemma-3-27B text model: attention 2·5376·32·128 + 2·5376·16·128 =
 * 66 060 288 + norms 10 752; MLP 3·5376·21504 = 346 816 512 → 412 887 552
 * a layer, ×62 = 25 599 028 224; tied table 262208·5376 = 1 409 630 208;
 * final 5376 → 27 008 663 808 (llama-bench 27.01 B; Gemma's extra norms
 * are 0.001 %; tolerance 0.1 %). */
static void
test_model_gemma_3_27b (void)
{
  g_autoptr(RwModel) model = fixture_gemma_3_27b ();

  g_assert_true (rw_model_validate (model, NULL));
  assert_near (rw_model_total_params (model), 27008663808.0);
  assert_rel (rw_model_total_params (model), 27.01e9, 0.001);
}

/* KV elements: 2 · n_kv · d · (L_full · c + L_swa · min(c, window)). */
static void
test_model_kv_elements (void)
{
  g_autoptr(RwModel) llama = fixture_llama_3_1_8b ();
  g_autoptr(RwModel) gpt_oss = fixture_gpt_oss_20b ();
  g_autoptr(RwModel) deepseek = fixture_deepseek_v3 ();
  g_autoptr(RwModel) gemma = fixture_gemma_3_27b ();

  /* GQA: 2·8·128·32·8192 = 536 870 912 (1 GiB at 2 bytes each). */
  assert_near (rw_model_kv_elements (llama, 8192), 536870912);
  /* Sliding window: 2·8·64·(12·8192 + 12·128) = 1024·99 840
   * = 102 236 160. Below the window both kinds grow: 1024·24·100. */
  assert_near (rw_model_kv_elements (gpt_oss, 8192), 102236160);
  assert_near (rw_model_kv_elements (gpt_oss, 100), 2457600);
  /* MLA: (512 + 64)·61·8192 = 287 834 112. */
  assert_near (rw_model_kv_elements (deepseek, 8192), 287834112);
  /* Gemma 3: 2·16·128·(10·32768 + 52·1024) = 4096·380 928 = 1 560 281 088. */
  assert_near (rw_model_kv_elements (gemma, 32768), 1560281088);
}

static void
test_model_copy (void)
{
  g_autoptr(RwModel) model = fixture_deepseek_v3 ();
  g_autoptr(RwModel) copy = NULL;

  model->source = g_strdup ("https://huggingface.co/deepseek-ai/DeepSeek-V3");
  copy = rw_model_copy (model);
  g_assert_true (copy->id != model->id);
  g_assert_cmpstr (copy->id, ==, model->id);
  g_assert_cmpstr (copy->source, ==, model->source);
  g_assert_cmpuint (copy->kv_lora_rank, ==, 512);
  assert_near (rw_model_total_params (copy), rw_model_total_params (model));
  g_assert_true (g_type_is_a (RW_TYPE_MODEL, G_TYPE_BOXED));
}

typedef struct
{
  const char *field;
  void (*breaker) (RwModel *model);
} BrokenModel;

static void break_layers (RwModel *m) { m->n_layers = 0; }
static void break_hidden (RwModel *m) { m->hidden_size = 0; }
static void break_kv_heads (RwModel *m) { m->n_kv_heads = m->n_heads + 1; }
static void break_head_dim (RwModel *m) { m->head_dim = 0; m->hidden_size = 1000; m->n_heads = 3; m->n_kv_heads = 1; }
static void break_vocab (RwModel *m) { m->vocab_size = 0; }
static void break_d_ff (RwModel *m) { m->intermediate_size = 0; }
static void break_top_k (RwModel *m) { m->n_experts = 8; m->n_experts_active = 9; m->moe_intermediate_size = 64; }
static void break_experts (RwModel *m) { m->n_experts_active = 2; }
static void break_window (RwModel *m) { m->n_swa_layers = 2; m->sliding_window = 0; }
static void break_swa (RwModel *m) { m->n_swa_layers = 5; m->sliding_window = 128; }
static void break_mla (RwModel *m) { m->kv_lora_rank = 512; m->qk_rope_head_dim = 0; }

static void
test_model_validate_errors (void)
{
  const BrokenModel cases[] = {
    { "n_layers", break_layers },
    { "hidden_size", break_hidden },
    { "n_kv_heads", break_kv_heads },
    { "head_dim", break_head_dim },
    { "vocab_size", break_vocab },
    { "intermediate_size", break_d_ff },
    { "n_experts_active", break_top_k },
    { "n_experts", break_experts },
    { "sliding_window", break_window },
    { "n_swa_layers", break_swa },
    { "qk_rope_head_dim", break_mla },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RwModel) model = fixture_toy ();
      g_autoptr(GError) error = NULL;
      g_autofree char *needle = g_strdup_printf ("“%s”", cases[i].field);

      cases[i].breaker (model);
      g_assert_false (rw_model_validate (model, &error));
      g_assert_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE);
      if (strstr (error->message, needle) == NULL)
        g_error ("case %u: “%s” does not name %s", i, error->message, needle);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/toy-counts", test_model_toy_counts);
  g_test_add_func ("/model/llama-3.1-8b", test_model_llama_3_1_8b);
  g_test_add_func ("/model/qwen3-30b-a3b", test_model_qwen3_30b_a3b);
  g_test_add_func ("/model/gpt-oss-20b", test_model_gpt_oss_20b);
  g_test_add_func ("/model/deepseek-v3", test_model_deepseek_v3);
  g_test_add_func ("/model/gemma-3-27b", test_model_gemma_3_27b);
  g_test_add_func ("/model/kv-elements", test_model_kv_elements);
  g_test_add_func ("/model/copy", test_model_copy);
  g_test_add_func ("/model/validate-errors", test_model_validate_errors);

  return g_test_run ();
}
