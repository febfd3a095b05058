/* bench-gguf.c: how fast a GGUF header opens (meson benchmark, suite bench)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes GGUF files shaped as real ones (sparse: the tensor data are holes)
 * and times rw_gguf_model_load_file() on them, wall clock, best of several
 * rounds, with the header in the page cache as after a first open:
 *  - Llama 3.1 8B at Q4_K_M: 292 tensors, a 128 256-token vocabulary and
 *     280 147 merges (as llama.cpp writes them), 5.2 GB with these types;
 *  - Qwen3 235B-A22B at Q4_K_M in 3 parts: 94 layers of 128 experts,
 *    1 131 tensors, 151 936 tokens, 151 387 merges, 152 GB.
 * The README's "Performance" section records the figures.
 */
#include <stdio.h>
#include <time.h>

#include <glib/gstdio.h>

#include "rigwise-core.h"
#include "rw-gguf-samples.h"

#define ROUNDS 7

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static void
tokenizer (RwGgufWriter *w,
           guint         n_tokens,
           guint         n_merges)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) merges = g_ptr_array_new_with_free_func (g_free);
  g_autofree gint32 *types = g_new (gint32, n_tokens);

  for (guint i = 0; i < n_tokens; i++)
    {
      g_ptr_array_add (tokens, g_strdup_printf ("Ġtok%u", i));
      types[i] = 1;
    }
  for (guint i = 0; i < n_merges; i++)
    g_ptr_array_add (merges, g_strdup_printf ("Ġt ok%u", i));
  rw_gguf_writer_add_string (w, "tokenizer.ggml.model", "gpt2");
  rw_gguf_writer_add_string_array (w, "tokenizer.ggml.tokens", (const char * const *) tokens->pdata, n_tokens);
  rw_gguf_writer_add_array (w, "tokenizer.ggml.token_type", V_INT32, types, 4, n_tokens);
  rw_gguf_writer_add_string_array (w, "tokenizer.ggml.merges", (const char * const *) merges->pdata, n_merges);
}

static void
t2 (RwGgufWriter *w, guint32 type, guint64 a, guint64 b, const char *name)
{
  const guint64 dims[2] = { a, b };

  rw_gguf_writer_add_tensor (w, name, type, b > 0 ? 2 : 1, dims);
}

static void
t3 (RwGgufWriter *w, guint32 type, guint64 a, guint64 b, guint64 c, const char *name)
{
  const guint64 dims[3] = { a, b, c };

  rw_gguf_writer_add_tensor (w, name, type, 3, dims);
}

static char *
write_llama (const char *dir)
{
  g_autoptr(RwGgufWriter) w = rw_gguf_writer_new (3);
  char *path = g_build_filename (dir, "llama-3.1-8b-q4_k_m.gguf", NULL);

  rw_gguf_writer_add_string (w, "general.architecture", "llama");
  rw_gguf_writer_add_uint32 (w, "general.file_type", 15);
  rw_gguf_writer_add_uint32 (w, "llama.block_count", 32);
  rw_gguf_writer_add_uint32 (w, "llama.context_length", 131072);
  rw_gguf_writer_add_uint32 (w, "llama.embedding_length", 4096);
  rw_gguf_writer_add_uint32 (w, "llama.feed_forward_length", 14336);
  rw_gguf_writer_add_uint32 (w, "llama.attention.head_count", 32);
  rw_gguf_writer_add_uint32 (w, "llama.attention.head_count_kv", 8);
  tokenizer (w, 128256, 280147);
  t2 (w, T_Q4_K, 4096, 128256, "token_embd.weight");
  for (guint i = 0; i < 32; i++)
    {
      g_autofree char *p = g_strdup_printf ("blk.%u.", i);
      const struct { const char *n; guint32 t; guint64 a, b; } ts[] = {
        { "attn_norm.weight", T_F32, 4096, 0 }, { "attn_q.weight", T_Q4_K, 4096, 4096 },
        { "attn_k.weight", T_Q4_K, 4096, 1024 }, { "attn_v.weight", T_Q6_K, 4096, 1024 },
        { "attn_output.weight", T_Q4_K, 4096, 4096 }, { "ffn_norm.weight", T_F32, 4096, 0 },
        { "ffn_gate.weight", T_Q4_K, 4096, 14336 }, { "ffn_up.weight", T_Q4_K, 4096, 14336 },
        { "ffn_down.weight", T_Q6_K, 14336, 4096 },
      };

      for (guint k = 0; k < G_N_ELEMENTS (ts); k++)
        {
          g_autofree char *name = g_strconcat (p, ts[k].n, NULL);

          t2 (w, ts[k].t, ts[k].a, ts[k].b, name);
        }
    }
  t2 (w, T_F32, 4096, 0, "output_norm.weight");
  t2 (w, T_Q6_K, 4096, 128256, "output.weight");
  if (!rw_gguf_writer_write_file (w, path, NULL))
    g_error ("cannot write %s", path);
  return path;
}

static char *
write_qwen3_moe (const char *dir)
{
  char *first = NULL;

  for (guint s = 0; s < 3; s++)
    {
      g_autoptr(RwGgufWriter) w = rw_gguf_writer_new (3);
      g_autofree char *name = g_strdup_printf ("qwen3-235b-a22b-q4_k_m-%05u-of-00003.gguf", s + 1);
      char *path = g_build_filename (dir, name, NULL);
      guint16 no = s, count = 3;
      guint first_layer = s * 32, last_layer = MIN (94u, first_layer + 32);

      rw_gguf_writer_add_raw (w, "split.no", V_UINT16, &no, 2);
      rw_gguf_writer_add_raw (w, "split.count", V_UINT16, &count, 2);
      if (s == 0)
        {
          rw_gguf_writer_add_string (w, "general.architecture", "qwen3moe");
          rw_gguf_writer_add_uint32 (w, "general.file_type", 15);
          rw_gguf_writer_add_uint32 (w, "qwen3moe.block_count", 94);
          rw_gguf_writer_add_uint32 (w, "qwen3moe.embedding_length", 4096);
          rw_gguf_writer_add_uint32 (w, "qwen3moe.feed_forward_length", 12288);
          rw_gguf_writer_add_uint32 (w, "qwen3moe.attention.head_count", 64);
          rw_gguf_writer_add_uint32 (w, "qwen3moe.attention.head_count_kv", 4);
          rw_gguf_writer_add_uint32 (w, "qwen3moe.attention.key_length", 128);
          rw_gguf_writer_add_uint32 (w, "qwen3moe.expert_count", 128);
          rw_gguf_writer_add_uint32 (w, "qwen3moe.expert_used_count", 8);
          rw_gguf_writer_add_uint32 (w, "qwen3moe.expert_feed_forward_length", 1536);
          tokenizer (w, 151936, 151387);
          t2 (w, T_Q4_K, 4096, 151936, "token_embd.weight");
          t2 (w, T_F32, 4096, 0, "output_norm.weight");
          t2 (w, T_Q6_K, 4096, 151936, "output.weight");
        }
      for (guint i = first_layer; i < last_layer; i++)
        {
          const struct { const char *n; guint32 t; guint64 a, b, c; } ts[] = {
            { "attn_norm.weight", T_F32, 4096, 0, 0 }, { "attn_q.weight", T_Q4_K, 4096, 8192, 0 },
            { "attn_k.weight", T_Q4_K, 4096, 512, 0 }, { "attn_v.weight", T_Q6_K, 4096, 512, 0 },
            { "attn_output.weight", T_Q4_K, 8192, 4096, 0 }, { "attn_q_norm.weight", T_F32, 128, 0, 0 },
            { "attn_k_norm.weight", T_F32, 128, 0, 0 }, { "ffn_norm.weight", T_F32, 4096, 0, 0 },
            { "ffn_gate_inp.weight", T_F32, 4096, 128, 0 },
            { "ffn_gate_exps.weight", T_Q4_K, 4096, 1536, 128 },
            { "ffn_up_exps.weight", T_Q4_K, 4096, 1536, 128 },
            { "ffn_down_exps.weight", T_Q6_K, 1536, 4096, 128 },
          };

          for (guint k = 0; k < G_N_ELEMENTS (ts); k++)
            {
              g_autofree char *tensor = g_strdup_printf ("blk.%u.%s", i, ts[k].n);

              if (ts[k].c > 0)
                t3 (w, ts[k].t, ts[k].a, ts[k].b, ts[k].c, tensor);
              else
                t2 (w, ts[k].t, ts[k].a, ts[k].b, tensor);
            }
        }
      if (!rw_gguf_writer_write_file (w, path, NULL))
        g_error ("cannot write %s", path);
      if (s == 0)
        first = path;
      else
        g_free (path);
    }
  return first;
}

static void
bench (const char *label,
       const char *path)
{
  double best = G_MAXDOUBLE;
  g_autoptr(RwModel) model = NULL;
  g_autoptr(RwFormat) format = NULL;
  struct stat st;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      double start = now ();

      g_clear_pointer (&model, rw_model_free);
      g_clear_pointer (&format, rw_format_free);
      model = rw_gguf_model_load_file (path, NULL, NULL, &format, &error);
      if (model == NULL)
        g_error ("%s: %s", label, error->message);
      best = MIN (best, now () - start);
    }
  g_stat (path, &st);
  printf ("%s: %.1f GB of tensors, %" G_GUINT64_FORMAT " parameters, first file %.1f GB: "
          "header read and model built in %.1f ms (best of %u)\n",
          label, model->tensors.bytes / 1e9, model->tensors.params, st.st_size / 1e9,
          best * 1e3, ROUNDS);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("rigwise-bench-gguf-XXXXXX", NULL);
  g_autofree char *llama = write_llama (dir);
  g_autofree char *qwen = write_qwen3_moe (dir);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  bench ("Llama 3.1 8B Q4_K_M", llama);
  bench ("Qwen3 235B-A22B Q4_K_M, 3 parts", qwen);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
