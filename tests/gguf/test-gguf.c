/* test-gguf.c: the GGUF header reader on files the test writer makes
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bytes per block (ggml-common.h, ../shared/reference/quant-bpw.csv):
 * F32 4/1, F16 2/1, Q4_0 18/32, Q4_1 20/32, Q5_0 22/32, Q5_1 24/32, Q8_0
 * 34/32, Q8_1 36/32, Q2_K 84/256, Q3_K 110/256, Q4_K 144/256, Q5_K 176/256,
 * Q6_K 210/256, Q8_K 292/256, IQ2_XXS 66/256, IQ2_XS 74/256, IQ3_XXS
 * 98/256, IQ1_S 50/256, IQ4_NL 18/32, IQ3_S 110/256, IQ2_S 82/256, IQ4_XS
 * 136/256, I8 1, I16 2, I32 4, I64 8, F64 8, IQ1_M 56/256, BF16 2/1, TQ1_0
 * 54/256, TQ2_0 66/256, MXFP4 17/32, NVFP4 36/64, Q1_0 18/128, Q2_0 18/64.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rigwise-core.h"
#include "rw-gguf-samples.h"

#define assert_error_names_file(error, code, needle) \
  G_STMT_START { \
    g_assert_error ((error), RW_GGUF_ERROR, (code)); \
    if (strstr ((error)->message, (needle)) == NULL || \
        !g_str_has_prefix ((error)->message, "case.gguf: ")) \
      g_error ("“%s” does not start with the file name or lacks “%s”", (error)->message, (needle)); \
  } G_STMT_END

static RwGguf *
read_writer (RwGgufWriter  *writer,
             GError       **error)
{
  g_autoptr(GBytes) bytes = rw_gguf_writer_to_bytes (writer);
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  return rw_gguf_read_data ("case.gguf", data, size, error);
}

static RwModel *
model_of (RwGgufWriter  *writer,
          RwFormat     **format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwGguf) gguf = read_writer (writer, &error);
  RwModel *model;

  g_assert_no_error (error);
  model = rw_gguf_model_new (&gguf, 1, NULL, format, &error);
  g_assert_no_error (error);
  g_assert_nonnull (model);
  return model;
}

/* Every metadata value type, arrays of them, an array of arrays; every
 * ggml type's bytes: a [2 blocks, 3] tensor of each is 6 blocks, so
 * 6 · bytes-per-block: 12 600 bytes and 27 696 elements in all. */
static void
test_every_type (void)
{
  g_autoptr(RwGgufWriter) w = sample_every_type ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RwGguf) gguf = read_writer (w, &error);
  static const struct { const char *name; guint64 bytes; } expected[] = {
    { "F32", 24 }, { "F16", 12 }, { "Q4_0", 108 }, { "Q4_1", 120 }, { "Q5_0", 132 },
    { "Q5_1", 144 }, { "Q8_0", 204 }, { "Q8_1", 216 }, { "Q2_K", 504 }, { "Q3_K", 660 },
    { "Q4_K", 864 }, { "Q5_K", 1056 }, { "Q6_K", 1260 }, { "Q8_K", 1752 }, { "IQ2_XXS", 396 },
    { "IQ2_XS", 444 }, { "IQ3_XXS", 588 }, { "IQ1_S", 300 }, { "IQ4_NL", 108 }, { "IQ3_S", 660 },
    { "IQ2_S", 492 }, { "IQ4_XS", 816 }, { "I8", 6 }, { "I16", 12 }, { "I32", 24 }, { "I64", 48 },
    { "F64", 48 }, { "IQ1_M", 336 }, { "BF16", 12 }, { "TQ1_0", 324 }, { "TQ2_0", 396 },
    { "MXFP4", 102 }, { "NVFP4", 216 }, { "Q1_0", 108 }, { "Q2_0", 108 },
  };
  guint64 total = 0, length;
  const double *array;
  RwGgufType element;
  double number;
  guint64 u;

  g_assert_no_error (error);
  g_assert_cmpuint (rw_gguf_get_version (gguf), ==, 3);
  g_assert_cmpuint (rw_gguf_get_alignment (gguf), ==, 64);
  g_assert_cmpuint (rw_gguf_get_data_offset (gguf) % 64, ==, 0);
  g_assert_cmpuint (rw_gguf_get_n_keys (gguf), ==, 20);
  g_assert_cmpstr (rw_gguf_get_key (gguf, 0), ==, "t.uint8");

  g_assert_true (rw_gguf_get_uint (gguf, "t.uint8", &u) && u == 200);
  g_assert_true (rw_gguf_get_number (gguf, "t.int8", &number) && number == -100);
  g_assert_false (rw_gguf_get_uint (gguf, "t.int8", &u));   /* negative */
  g_assert_true (rw_gguf_get_uint (gguf, "t.uint16", &u) && u == 12345);
  g_assert_true (rw_gguf_get_number (gguf, "t.int16", &number) && number == -12345);
  g_assert_true (rw_gguf_get_uint (gguf, "t.uint32", &u) && u == 4000000000u);
  g_assert_true (rw_gguf_get_number (gguf, "t.int32", &number) && number == -2000000000);
  g_assert_true (rw_gguf_get_number (gguf, "t.float32", &number) && number == 0.15625);
  g_assert_true (rw_gguf_get_uint (gguf, "t.bool", &u) && u == 1);
  g_assert_cmpstr (rw_gguf_get_string (gguf, "t.string"), ==, "Grüße, GGUF");
  g_assert_true (rw_gguf_get_uint (gguf, "t.uint64", &u) && u == G_GUINT64_CONSTANT (1) << 63);
  g_assert_true (rw_gguf_get_number (gguf, "t.int64", &number) && number == -512);
  g_assert_true (rw_gguf_get_number (gguf, "t.float64", &number) && number == -2.5);
  g_assert_cmpint (rw_gguf_get_type (gguf, "t.float64", NULL, NULL), ==, RW_GGUF_TYPE_FLOAT64);
  g_assert_cmpint (rw_gguf_get_type (gguf, "absent", NULL, NULL), ==, -1);

  array = rw_gguf_get_array (gguf, "t.array.uint8", &length);
  g_assert_cmpuint (length, ==, 3);
  g_assert_true (array[0] == 1 && array[2] == 3);
  array = rw_gguf_get_array (gguf, "t.array.int16", &length);
  g_assert_true (length == 2 && array[0] == -1 && array[1] == 300);
  array = rw_gguf_get_array (gguf, "t.array.bool", &length);
  g_assert_true (length == 4 && array[0] == 1 && array[1] == 0 && array[3] == 1);
  array = rw_gguf_get_array (gguf, "t.array.float32", &length);
  g_assert_true (length == 2 && array[0] == 0.5 && array[1] == -1.25);
  array = rw_gguf_get_array (gguf, "t.array.empty", &length);
  g_assert_true (array != NULL && length == 0);
  /* String arrays and arrays of arrays keep their length only. */
  g_assert_null (rw_gguf_get_array (gguf, "t.array.string", &length));
  g_assert_cmpint (rw_gguf_get_type (gguf, "t.array.string", &element, &length), ==, RW_GGUF_TYPE_ARRAY);
  g_assert_true (element == RW_GGUF_TYPE_STRING && length == 4);
  g_assert_cmpint (rw_gguf_get_type (gguf, "t.array.nested", &element, &length), ==, RW_GGUF_TYPE_ARRAY);
  g_assert_true (element == RW_GGUF_TYPE_ARRAY && length == 2);

  g_assert_cmpuint (rw_gguf_get_n_tensors (gguf), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const RwGgufTensor *t = rw_gguf_get_tensor (gguf, i);

      g_assert_cmpstr (t->name, ==, expected[i].name);
      g_assert_cmpstr (rw_ggml_type_lookup (t->type)->name, ==, expected[i].name);
      g_assert_cmpuint (t->n_bytes, ==, expected[i].bytes);
      g_assert_cmpuint (t->offset % 64, ==, 0);
      total += t->n_bytes;
    }
  g_assert_cmpuint (total, ==, 12600);
}

/* The Llama sample (counts worked out in rw-gguf-samples.h): exact bytes
 * and parameters, the architecture from llama.* keys, Q4_K_M from
 * general.file_type, version 2 read as 3. The formula agrees exactly here:
 * a plain Llama has no tensor the formula leaves out. */
static void
test_llama (void)
{
  for (guint32 version = 2; version <= 3; version++)
    {
      g_autoptr(RwGgufWriter) w = sample_llama (version);
      g_autoptr(RwFormat) format = NULL;
      g_autoptr(RwModel) m = model_of (w, &format);

      g_assert_cmpstr (m->name, ==, "Toy Llama");
      g_assert_cmpstr (m->family, ==, "llama");
      g_assert_cmpuint (m->n_layers, ==, 2);
      g_assert_cmpuint (m->hidden_size, ==, 256);
      g_assert_cmpuint (m->n_heads, ==, 4);
      g_assert_cmpuint (m->n_kv_heads, ==, 2);
      g_assert_cmpuint (m->head_dim, ==, 0);     /* 256 / 4 */
      g_assert_cmpuint (m->intermediate_size, ==, 512);
      g_assert_cmpuint (m->vocab_size, ==, 1000);
      g_assert_cmpuint (m->max_position_embeddings, ==, 4096);
      g_assert_false (m->tied_embeddings);
      g_assert_false (m->mlp_ungated);
      g_assert_cmpuint (m->tensors.params, ==, SAMPLE_LLAMA_PARAMS);
      g_assert_cmpuint (m->tensors.bytes, ==, SAMPLE_LLAMA_BYTES);
      g_assert_cmpuint (m->tensors.embed_bytes, ==, 144000);
      g_assert_cmpuint (m->tensors.head_bytes, ==, 211024);
      g_assert_cmpstr (m->tensors.file_type, ==, "Q4_K_M");
      g_assert_cmpfloat (rw_model_total_params (m), ==, SAMPLE_LLAMA_PARAMS);

      g_assert_cmpstr (format->id, ==, "gguf");
      g_assert_cmpstr (format->name, ==, "Q4_K_M, from the file");
      g_assert_true (format->from_file);
      g_assert_true (format->for_weights && !format->for_kv);
      /* 1 107 152 · 8 / 1 692 928 = 5.2319… bits per weight. */
      g_assert_cmpfloat_with_epsilon (format->bits_per_weight, 8.0 * 1107152 / 1692928, 1e-12);
    }
}

/* An estimate with the file's format takes the file's exact bytes; the
 * token embedding is the table a discrete GPU leaves in host RAM. */
static void
test_llama_estimate (void)
{
  g_autoptr(RwGgufWriter) w = sample_llama (3);
  g_autoptr(RwFormat) format = NULL;
  g_autoptr(RwModel) m = model_of (w, &format);
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCatalog) catalog = rw_catalog_new_default (&error);
  RwWorkload workload;
  RwEstimate out;

  g_assert_no_error (error);
  rw_workload_init (&workload);
  workload.model = m;
  workload.weights = format;
  workload.kv = rw_catalog_lookup_format (catalog, "f16");
  workload.context = 1000;
  g_assert_true (rw_estimate (rw_catalog_lookup_system (catalog, "dgx-spark"), &workload, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (out.memory.weights, ==, SAMPLE_LLAMA_BYTES);
  /* KV: 2 layers · 2·2·64 values · 2 B · 1000 tokens = 1 024 000. */
  g_assert_cmpfloat (out.memory.kv_cache, ==, 1024000);

  /* Another format sizes the file's exact parameter count: Q8_0's 8.5 bpw
   * → 1 692 928 · 8.5 / 8 = 1 798 736 bytes. */
  workload.weights = rw_catalog_lookup_format (catalog, "q8_0");
  g_assert_true (rw_estimate (rw_catalog_lookup_system (catalog, "dgx-spark"), &workload, &out, &error));
  g_assert_cmpfloat_with_epsilon (out.memory.weights, 1798736, 1e-6);
}

/* Qwen3-Next-like: layers 0–2 carry ssm_* tensors (Gated DeltaNet, no
 * ssm_d), layer 3 attention; 8 experts of 64, 2 a token, and a shared one.
 * All F16 but the F32 norms and small SSM tensors: 2 956 792 parameters,
 * 5 941 216 bytes, of which experts 4 · 3·256·64·8 = 1 572 864 parameters.
 * State: group_count 2 key heads of state_size 32, time_step_rank 4 value
 * heads of 128 / 4 = 32: conv 3·(128 + 2·2·32) = 768, recurrent 32·128
 * = 4096, at 4 B: 19 456 a layer, × 3 = 58 368. */
static void
test_qwen3next (void)
{
  g_autoptr(RwGgufWriter) w = sample_qwen3next ();
  g_autoptr(RwModel) m = model_of (w, NULL);
  RwLayerCounts all;

  g_assert_true (rw_model_is_hybrid (m));
  g_assert_cmpuint (rw_model_get_layer (m, 0).mixer, ==, RW_MIXER_LINEAR);
  g_assert_cmpuint (rw_model_get_layer (m, 3).mixer, ==, RW_MIXER_ATTENTION);
  rw_model_count_layers (m, 0, &all);
  g_assert_cmpuint (all.ffns[RW_FFN_MOE], ==, 4);
  g_assert_cmpuint (m->linear_n_key_heads, ==, 2);
  g_assert_cmpuint (m->linear_key_head_dim, ==, 32);
  g_assert_cmpuint (m->linear_n_value_heads, ==, 4);
  g_assert_cmpuint (m->linear_value_head_dim, ==, 32);
  g_assert_cmpuint (m->n_experts, ==, 8);
  g_assert_cmpuint (m->n_experts_active, ==, 2);
  g_assert_cmpuint (m->moe_intermediate_size, ==, 64);
  g_assert_cmpuint (m->n_shared_experts, ==, 1);
  g_assert_cmpuint (m->head_dim, ==, 64);
  g_assert_cmpuint (m->tensors.params, ==, 2956792);
  g_assert_cmpuint (m->tensors.bytes, ==, 5941216);
  g_assert_cmpuint (m->tensors.expert_params, ==, 1572864);
  g_assert_cmpuint (m->tensors.expert_bytes, ==, 3145728);
  g_assert_cmpfloat (rw_model_state_bytes (m), ==, 58368);
  /* One full layer · 2·2·64 values a token. */
  g_assert_cmpfloat (rw_model_kv_elements (m, 100), ==, 25600);
  /* Active: 2 956 792 − 6/8 · 1 572 864 = 1 777 144. */
  g_assert_cmpfloat (rw_model_active_params (m), ==, 1777144);
}

/* Nemotron-H-like: block kinds from their tensors (ssm_d marks Mamba);
 * per-layer head_count_kv; an MLP without ffn_gate is ungated. 1 418 580
 * parameters, 2 846 032 bytes. State: 4 heads of 32, 2 groups, state 16:
 * conv 3·(128 + 64) = 576, recurrent 16·128 = 2048: 10 496 B. */
static void
test_nemotron_h (void)
{
  g_autoptr(RwGgufWriter) w = sample_nemotron_h ();
  g_autoptr(RwModel) m = model_of (w, NULL);

  g_assert_cmpuint (rw_model_get_layer (m, 0).mixer, ==, RW_MIXER_MAMBA);
  g_assert_cmpuint (rw_model_get_layer (m, 0).ffn, ==, RW_FFN_NONE);
  g_assert_cmpuint (rw_model_get_layer (m, 1).mixer, ==, RW_MIXER_NONE);
  g_assert_cmpuint (rw_model_get_layer (m, 1).ffn, ==, RW_FFN_MOE);
  g_assert_cmpuint (rw_model_get_layer (m, 2).mixer, ==, RW_MIXER_ATTENTION);
  g_assert_cmpuint (rw_model_get_layer (m, 3).ffn, ==, RW_FFN_DENSE);
  g_assert_true (m->mlp_ungated);
  g_assert_cmpuint (m->n_kv_heads, ==, 2);
  g_assert_cmpuint (m->intermediate_size, ==, 512);
  g_assert_cmpuint (m->mamba_n_heads, ==, 4);
  g_assert_cmpuint (m->mamba_head_dim, ==, 32);
  g_assert_cmpuint (m->shared_expert_intermediate_size, ==, 128);
  g_assert_cmpuint (m->tensors.params, ==, 1418580);
  g_assert_cmpuint (m->tensors.bytes, ==, 2846032);
  g_assert_cmpuint (m->tensors.expert_params, ==, 262144);
  g_assert_cmpfloat (rw_model_state_bytes (m), ==, 10496);
  g_assert_cmpstr (m->tensors.file_type, ==, "BF16");
}

/* Gemma 4-like: windows from sliding_window_pattern, per-kind heads
 * (key_length_swa 64 with 2 KV heads; key_length 128 with 1 on the full
 * layer, which has no attn_v), tied embeddings. 2 125 568 parameters,
 * 2 263 680 bytes at Q8_0. KV at 4096 tokens: 2 layers · 2·2·64 · 1024
 * + 1 · 2·1·128 · 4096 = 524 288 + 1 048 576 = 1 572 864 values. */
static void
test_gemma4 (void)
{
  g_autoptr(RwGgufWriter) w = sample_gemma4 ();
  g_autoptr(RwModel) m = model_of (w, NULL);

  g_assert_true (m->tied_embeddings);
  g_assert_cmpuint (m->n_swa_layers, ==, 2);
  g_assert_cmpuint (m->sliding_window, ==, 1024);
  g_assert_cmpuint (rw_model_get_layer (m, 1).mixer, ==, RW_MIXER_SLIDING);
  g_assert_cmpuint (rw_model_get_layer (m, 2).mixer, ==, RW_MIXER_ATTENTION);
  g_assert_cmpuint (m->head_dim, ==, 64);
  g_assert_cmpuint (m->n_kv_heads, ==, 2);
  g_assert_cmpuint (m->full_head_dim, ==, 128);
  g_assert_cmpuint (m->full_n_kv_heads, ==, 1);
  g_assert_true (m->full_k_eq_v);
  g_assert_cmpuint (m->tensors.params, ==, 2125568);
  g_assert_cmpuint (m->tensors.bytes, ==, 2263680);
  g_assert_cmpfloat (rw_model_kv_elements (m, 4096), ==, 1572864);
  g_assert_cmpstr (m->tensors.file_type, ==, "Q8_0");
}

/* A 100 GiB file (sparse): one F16 tensor of 65536 × 819200 elements is
 * 107 374 182 400 bytes. Only the header is read. */
static void
test_huge_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rigwise-gguf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.gguf", NULL);
  g_autoptr(RwGgufWriter) w = rw_gguf_writer_new (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(RwGguf) gguf = NULL;
  const guint64 dims[2] = { 65536, 819200 };
  struct stat st;

  rw_gguf_writer_add_string (w, "general.architecture", "llama");
  rw_gguf_writer_add_tensor (w, "token_embd.weight", T_F16, 2, dims);
  g_assert_true (rw_gguf_writer_write_file (w, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint ((guint64) st.st_size, >, G_GUINT64_CONSTANT (107374182400));

  gguf = rw_gguf_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rw_gguf_get_tensor (gguf, 0)->n_bytes, ==, G_GUINT64_CONSTANT (107374182400));
  g_unlink (path);
  g_rmdir (dir);
}

/* A model in three shards, opened from the first. */
static void
test_split (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rigwise-gguf-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RwModel) m = NULL;
  g_autoptr(RwFormat) format = NULL;
  g_auto(GStrv) paths = NULL;
  const guint64 embd[2] = { 256, 1000 }, norm[1] = { 256 };
  const guint64 q[2] = { 256, 256 }, kv[2] = { 256, 128 }, ff[2] = { 256, 512 }, down[2] = { 512, 256 };

  for (guint s = 0; s < 3; s++)
    {
      g_autoptr(RwGgufWriter) w = rw_gguf_writer_new (3);
      g_autofree char *name = g_strdup_printf ("toy-%05u-of-00003.gguf", s + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      rw_gguf_writer_add_raw (w, "split.no", V_UINT16, (guint8[]) { s, 0 }, 2);
      rw_gguf_writer_add_raw (w, "split.count", V_UINT16, (guint8[]) { 3, 0 }, 2);
      if (s == 0)
        {
          rw_gguf_writer_add_raw (w, "split.tensors.count", V_INT32, (guint8[]) { 10, 0, 0, 0 }, 4);
          rw_gguf_writer_add_string (w, "general.architecture", "llama");
          rw_gguf_writer_add_uint32 (w, "llama.block_count", 1);
          rw_gguf_writer_add_uint32 (w, "llama.embedding_length", 256);
          rw_gguf_writer_add_uint32 (w, "llama.feed_forward_length", 512);
          rw_gguf_writer_add_uint32 (w, "llama.attention.head_count", 4);
          rw_gguf_writer_add_uint32 (w, "llama.attention.head_count_kv", 2);
          rw_gguf_writer_add_tensor (w, "token_embd.weight", T_F16, 2, embd);
          rw_gguf_writer_add_tensor (w, "output_norm.weight", T_F32, 1, norm);
          rw_gguf_writer_add_tensor (w, "output.weight", T_F16, 2, embd);
        }
      else if (s == 1)
        {
          rw_gguf_writer_add_tensor (w, "blk.0.attn_norm.weight", T_F32, 1, norm);
          rw_gguf_writer_add_tensor (w, "blk.0.attn_q.weight", T_F16, 2, q);
          rw_gguf_writer_add_tensor (w, "blk.0.attn_k.weight", T_F16, 2, kv);
          rw_gguf_writer_add_tensor (w, "blk.0.attn_v.weight", T_F16, 2, kv);
          rw_gguf_writer_add_tensor (w, "blk.0.attn_output.weight", T_F16, 2, q);
        }
      else
        {
          rw_gguf_writer_add_tensor (w, "blk.0.ffn_gate.weight", T_F16, 2, ff);
          rw_gguf_writer_add_tensor (w, "blk.0.ffn_down.weight", T_F16, 2, down);
        }
      g_assert_true (rw_gguf_writer_write_file (w, path, &error));
    }

  /* 2·256 000 + 256 + 256 + 2·65 536 + 2·32 768 + 2·131 072 = 971 264
   * parameters (no ffn_up: a part of a model is enough to add up); bytes
   * 2 per element but 4 for the two F32 norms: 2·971 264 + 2·256·2
   * = 1 943 552. */
  {
    g_autofree char *first = g_build_filename (dir, "toy-00001-of-00003.gguf", NULL);

    m = rw_gguf_model_load_file (first, NULL, NULL, &format, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (m->tensors.params, ==, 971264);
    g_assert_cmpuint (m->tensors.bytes, ==, 1943552);
  }

  /* A later part names the first. */
  {
    g_autofree char *second = g_build_filename (dir, "toy-00002-of-00003.gguf", NULL);

    paths = rw_gguf_split_paths (second, &error);
    g_assert_null (paths);
    g_assert_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_SPLIT);
    g_assert_nonnull (strstr (error->message, "open the first part, toy-00001-of-00003.gguf"));
    g_clear_error (&error);
  }

  /* A missing part. */
  {
    g_autofree char *third = g_build_filename (dir, "toy-00003-of-00003.gguf", NULL);
    g_autofree char *first = g_build_filename (dir, "toy-00001-of-00003.gguf", NULL);
    g_autoptr(RwModel) none = NULL;

    g_unlink (third);
    none = rw_gguf_model_load_file (first, NULL, NULL, NULL, &error);
    g_assert_null (none);
    g_assert_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_SPLIT);
    g_assert_nonnull (strstr (error->message, "toy-00003-of-00003.gguf: part 3 of 3"));
    g_clear_error (&error);
  }

  for (guint s = 0; s < 2; s++)
    {
      g_autofree char *name = g_strdup_printf ("toy-%05u-of-00003.gguf", s + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* The first occurrence of @needle in @b. */
static guint8 *
find (GByteArray *b,
      const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= b->len; i++)
    if (memcmp (b->data + i, needle, n) == 0)
      return b->data + i;
  g_error ("“%s” is not in the file", needle);
  return NULL;
}

/* The field of the first tensor info at @tensor_name: 0 = n_dims, 1 =
 * ne[0], 2 = type, 3 = offset. */
static gsize
tensor_field (GByteArray *bytes,
              const char *tensor_name,
              guint       field)
{
  gsize len = strlen (tensor_name);
  guint8 *p = find (bytes, tensor_name);
  gsize pos;
  guint32 n_dims;

  pos = (gsize) (p - bytes->data) + len;
  if (field == 0)
    return pos;
  memcpy (&n_dims, bytes->data + pos, 4);
  if (field == 1)
    return pos + 4;
  if (field == 2)
    return pos + 4 + 8 * n_dims;
  return pos + 4 + 8 * n_dims + 4;
}

static GByteArray *
llama_bytes (void)
{
  g_autoptr(RwGgufWriter) w = sample_llama (3);
  GBytes *bytes = rw_gguf_writer_to_bytes (w);

  return g_bytes_unref_to_array (bytes);
}

static void
put32 (GByteArray *b, gsize at, guint32 v) { memcpy (b->data + at, &v, 4); }
static void
put64 (GByteArray *b, gsize at, guint64 v) { memcpy (b->data + at, &v, 8); }

typedef void (*Breaker) (GByteArray *bytes);

static void break_magic (GByteArray *b) { b->data[0] = 'X'; }
static void break_version_1 (GByteArray *b) { put32 (b, 4, 1); }
static void break_version_4 (GByteArray *b) { put32 (b, 4, 4); }
static void break_big_endian (GByteArray *b) { put32 (b, 4, 0x03000000); }
static void break_n_tensors (GByteArray *b) { put64 (b, 8, G_GUINT64_CONSTANT (1) << 40); }
static void break_n_kv (GByteArray *b) { put64 (b, 16, G_MAXUINT64); }
static void break_key_length (GByteArray *b) { put64 (b, 24, G_GUINT64_CONSTANT (1) << 50); }
/* The first pair is general.architecture: its type field follows the key. */
static void break_value_type (GByteArray *b) { put32 (b, 24 + 8 + 20, 99); }
static void break_string_length (GByteArray *b) { put64 (b, 24 + 8 + 20 + 4, G_GUINT64_CONSTANT (1) << 60); }
static void
break_array_count (GByteArray *b)
{
  guint8 *p = find (b, "tokenizer.ggml.token_type");

  put64 (b, (gsize) (p - b->data) + 25 + 4 + 4, G_GUINT64_CONSTANT (1) << 40);
}
static void
break_bool (GByteArray *b)
{
  guint8 *p = find (b, "tokenizer.ggml.add_bos_token");

  b->data[(p - b->data) + 28 + 4] = 2;
}
static void
break_duplicate_key (GByteArray *b)
{
  memcpy (find (b, "general.file_type"), "llama.block_count", 17);
}
static void
break_alignment (GByteArray *b)
{
  put32 (b, (gsize) (find (b, "general.alignment") - b->data) + 17 + 4, 48);
}
static void
break_duplicate_tensor (GByteArray *b)
{
  memcpy (find (b, "blk.1.attn_q.weight"), "blk.0.attn_q.weight", 19);
}
static void break_n_dims_0 (GByteArray *b) { put32 (b, tensor_field (b, "token_embd.weight", 0), 0); }
static void break_n_dims_5 (GByteArray *b) { put32 (b, tensor_field (b, "token_embd.weight", 0), 5); }
static void
break_dims_overflow (GByteArray *b)
{
  put64 (b, tensor_field (b, "token_embd.weight", 1), G_GUINT64_CONSTANT (1) << 40);
  put64 (b, tensor_field (b, "token_embd.weight", 1) + 8, G_GUINT64_CONSTANT (1) << 40);
}
static void break_type_unknown (GByteArray *b) { put32 (b, tensor_field (b, "token_embd.weight", 2), 99); }
static void break_type_removed (GByteArray *b) { put32 (b, tensor_field (b, "token_embd.weight", 2), 4); }
static void break_row_blocks (GByteArray *b) { put64 (b, tensor_field (b, "token_embd.weight", 1), 100); }
static void break_misaligned (GByteArray *b) { put64 (b, tensor_field (b, "output.weight", 3), 33 * 32 + 7); }
static void break_beyond_end (GByteArray *b) { put64 (b, tensor_field (b, "output.weight", 3), G_GUINT64_CONSTANT (1) << 40); }
static void break_overlap (GByteArray *b) { put64 (b, tensor_field (b, "output.weight", 3), 0); }
static void break_truncated_data (GByteArray *b) { g_byte_array_set_size (b, b->len - 1000); }

typedef struct
{
  const char *what;
  Breaker     breaker;
  gint        code;
  const char *needle;
} Hostile;

/* Each hostile header ends in one clear error naming the file, before
 * anything is allocated for what it claims. */
static void
test_hostile (void)
{
  const Hostile cases[] = {
    { "magic", break_magic, RW_GGUF_ERROR_NOT_GGUF, "not a GGUF file" },
    { "version 1", break_version_1, RW_GGUF_ERROR_VERSION, "GGUF version 1" },
    { "version 4", break_version_4, RW_GGUF_ERROR_VERSION, "versions 2 and 3" },
    { "big-endian", break_big_endian, RW_GGUF_ERROR_VERSION, "big-endian" },
    { "tensor count", break_n_tensors, RW_GGUF_ERROR_INVALID, "1099511627776 tensors" },
    { "key count", break_n_kv, RW_GGUF_ERROR_INVALID, "18446744073709551615 metadata pairs" },
    { "key length", break_key_length, RW_GGUF_ERROR_INVALID, "a metadata key at byte 24 claims" },
    { "value type", break_value_type, RW_GGUF_ERROR_INVALID, "“general.architecture”: 99 is not a GGUF value type" },
    { "string length", break_string_length, RW_GGUF_ERROR_INVALID, "a metadata string" },
    { "array count", break_array_count, RW_GGUF_ERROR_INVALID, "“tokenizer.ggml.token_type”: an array of 1099511627776" },
    { "bool", break_bool, RW_GGUF_ERROR_INVALID, "a bool must be 0 or 1, not 2" },
    { "duplicate key", break_duplicate_key, RW_GGUF_ERROR_INVALID, "metadata “llama.block_count” appears twice" },
    { "alignment", break_alignment, RW_GGUF_ERROR_INVALID, "general.alignment must be a power of two" },
    { "duplicate tensor", break_duplicate_tensor, RW_GGUF_ERROR_INVALID, "tensor “blk.0.attn_q.weight” appears twice" },
    { "no dimensions", break_n_dims_0, RW_GGUF_ERROR_INVALID, "has 0 dimensions" },
    { "five dimensions", break_n_dims_5, RW_GGUF_ERROR_INVALID, "has 5 dimensions" },
    { "shape overflow", break_dims_overflow, RW_GGUF_ERROR_INVALID, "more elements than ggml can count" },
    { "unknown type", break_type_unknown, RW_GGUF_ERROR_UNSUPPORTED, "ggml type 99" },
    { "removed type", break_type_removed, RW_GGUF_ERROR_UNSUPPORTED, "ggml type 4" },
    { "partial block", break_row_blocks, RW_GGUF_ERROR_INVALID, "a row of 100 is not whole Q4_K blocks of 256" },
    { "misaligned", break_misaligned, RW_GGUF_ERROR_INVALID, "not a multiple of the alignment, 32" },
    { "beyond the end", break_beyond_end, RW_GGUF_ERROR_INVALID, "ends beyond the file" },
    { "overlap", break_overlap, RW_GGUF_ERROR_INVALID, "overlap in the file" },
    { "short data", break_truncated_data, RW_GGUF_ERROR_INVALID, "ends beyond the file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GByteArray) bytes = llama_bytes ();
      g_autoptr(GError) error = NULL;
      g_autoptr(RwGguf) gguf = NULL;

      cases[i].breaker (bytes);
      gguf = rw_gguf_read_data ("case.gguf", bytes->data, bytes->len, &error);
      if (gguf != NULL || error == NULL)
        g_error ("%s: no error", cases[i].what);
      if (!g_error_matches (error, RW_GGUF_ERROR, cases[i].code))
        g_error ("%s: “%s” (code %d, expected %d)", cases[i].what, error->message, error->code,
                 cases[i].code);
      assert_error_names_file (error, cases[i].code, cases[i].needle);
    }
}

/* Every prefix of a valid file fails cleanly (truncated, or its tensors
 * beyond the end), whatever byte it ends on. */
static void
test_every_truncation (void)
{
  g_autoptr(RwGgufWriter) w = sample_every_type ();
  g_autoptr(GBytes) bytes = rw_gguf_writer_to_bytes (w);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr(RwGguf) whole = rw_gguf_read_data ("case.gguf", data, size, NULL);
  const RwGgufTensor *last = rw_gguf_get_tensor (whole, rw_gguf_get_n_tensors (whole) - 1);
  /* The padding after the last tensor may go: the file stays whole. */
  guint64 end = rw_gguf_get_data_offset (whole) + last->offset + last->n_bytes;

  g_assert_cmpuint (end, <=, size);
  for (gsize n = 0; n < end; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RwGguf) gguf = rw_gguf_read_data ("case.gguf", data, n, &error);

      g_assert_null (gguf);
      g_assert_nonnull (error);
      g_assert_true (error->domain == RW_GGUF_ERROR &&
                     (error->code == RW_GGUF_ERROR_TRUNCATED ||
                      error->code == RW_GGUF_ERROR_NOT_GGUF ||
                      error->code == RW_GGUF_ERROR_INVALID));
    }
}

/* Files that are not models: a header without tensors, a model without
 * its architecture, a FIFO (never waited on) and a directory. */
static void
test_not_models (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rigwise-gguf-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.gguf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RwGguf) gguf = NULL;
  g_autoptr(RwModel) m = NULL;

  {
    g_autoptr(RwGgufWriter) w = rw_gguf_writer_new (3);

    rw_gguf_writer_add_string (w, "general.architecture", "llama");
    gguf = read_writer (w, &error);
    g_assert_no_error (error);
    m = rw_gguf_model_new (&gguf, 1, NULL, NULL, &error);
    g_assert_null (m);
    g_assert_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "case.gguf: metadata “llama.block_count” is missing or 0");
    g_clear_error (&error);
    g_clear_pointer (&gguf, rw_gguf_free);
  }
  {
    g_autoptr(RwGgufWriter) w = sample_every_type ();

    gguf = read_writer (w, &error);
    m = rw_gguf_model_new (&gguf, 1, NULL, NULL, &error);
    g_assert_null (m);
    g_assert_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_UNSUPPORTED);
    g_assert_nonnull (strstr (error->message, "general.architecture"));
    g_clear_error (&error);
    g_clear_pointer (&gguf, rw_gguf_free);
  }

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  gguf = rw_gguf_read_file (fifo, &error);
  g_assert_null (gguf);
  g_assert_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "fifo.gguf: not a regular file");
  g_clear_error (&error);
  g_unlink (fifo);

  gguf = rw_gguf_read_file (dir, &error);
  g_assert_null (gguf);
  g_assert_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_IO);
  g_clear_error (&error);
  g_rmdir (dir);

  gguf = rw_gguf_read_file ("/nonexistent/model.gguf", &error);
  g_assert_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "model.gguf: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gguf/every-type", test_every_type);
  g_test_add_func ("/gguf/llama", test_llama);
  g_test_add_func ("/gguf/llama-estimate", test_llama_estimate);
  g_test_add_func ("/gguf/qwen3next", test_qwen3next);
  g_test_add_func ("/gguf/nemotron-h", test_nemotron_h);
  g_test_add_func ("/gguf/gemma4", test_gemma4);
  g_test_add_func ("/gguf/huge-file", test_huge_file);
  g_test_add_func ("/gguf/split", test_split);
  g_test_add_func ("/gguf/hostile", test_hostile);
  g_test_add_func ("/gguf/every-truncation", test_every_truncation);
  g_test_add_func ("/gguf/not-models", test_not_models);

  return g_test_run ();
}
