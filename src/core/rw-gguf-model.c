/* rw-gguf-model.c: a GGUF file's header as an RwModel
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The architecture comes from general.architecture and its keys, as
 * llama.cpp's llama-model-loader reads them ({arch}.block_count,
 * .embedding_length, .attention.head_count(_kv), .attention.key_length,
 * .expert_*, .attention.kv_lora_rank, .ssm.*, …); which layers are
 * attention, recurrent (linear attention, Mamba2) or MLP-only, and which
 * MLPs are experts, from the tensors each block holds (blk.N.attn_*,
 * blk.N.ssm_*, blk.N.ffn_*_exps). The tensors themselves give the exact
 * parameter count and bytes: every tensor's elements, and its ggml type's
 * bytes per block.
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "rw-gguf.h"

/* Every llama.cpp architecture that windows attention with a fixed period
 * and writes no per-layer pattern: layer i is windowed unless
 * (i + 1) % period == 0 (llama_hparams::set_swa_pattern()). */
static const struct
{
  const char *arch;
  guint       period;
} swa_periods[] = {
  { "gemma2", 2 }, { "gemma3", 6 }, { "gpt-oss", 2 }, { "cohere2", 4 }, { "llama4", 4 },
};

typedef struct
{
  gboolean attention;
  gboolean recurrent;
  gboolean mamba;       /* a recurrent layer with Mamba's D (ssm_d): Mamba; else a DeltaNet */
  gboolean experts;
  gboolean dense;
  gboolean v_projection;
} LayerTensors;

typedef struct
{
  const RwGguf *first;
  const char   *arch;
  const char   *name;
} Keys;

static char *
arch_key (const Keys *k,
          const char *key)
{
  return g_strconcat (k->arch, ".", key, NULL);
}

/* An unsigned metadata value under {arch}.@key; a per-layer array gives
 * its largest element. @fallback when absent. */
static gboolean
get_uint (const Keys  *k,
          const char  *key,
          guint64      fallback,
          guint64      max,
          guint       *out,
          GError     **error)
{
  g_autofree char *full = arch_key (k, key);
  const double *array;
  guint64 value = fallback;
  guint64 length;

  if ((array = rw_gguf_get_array (k->first, full, &length)) != NULL)
    {
      double largest = 0;

      for (guint64 i = 0; i < length; i++)
        largest = MAX (largest, array[i]);
      value = (guint64) largest;
    }
  else if (rw_gguf_get_type (k->first, full, NULL, NULL) >= 0 &&
           !rw_gguf_get_uint (k->first, full, &value))
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: metadata “%s” is not a whole number ≥ 0", k->name, full);
      return FALSE;
    }
  if (value > max)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: metadata “%s”: %" G_GUINT64_FORMAT " is more than %" G_GUINT64_FORMAT,
                   k->name, full, value, max);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

/* Element @layer of a per-layer array under {arch}.@key, or @fallback when
 * the key is a scalar or absent. */
static guint
layer_value (const Keys *k,
             const char *key,
             guint       layer,
             guint       fallback)
{
  g_autofree char *full = arch_key (k, key);
  guint64 length;
  const double *array = rw_gguf_get_array (k->first, full, &length);

  if (array == NULL || layer >= length || !(array[layer] >= 0 && array[layer] < G_MAXUINT))
    return fallback;
  return (guint) array[layer];
}

static const RwGgufTensor *
find_tensor (RwGguf * const *shards,
             guint           n_shards,
             const char     *name)
{
  for (guint s = 0; s < n_shards; s++)
    for (guint64 i = 0; i < rw_gguf_get_n_tensors (shards[s]); i++)
      {
        const RwGgufTensor *t = rw_gguf_get_tensor (shards[s], i);

        if (g_str_equal (t->name, name))
          return t;
      }
  return NULL;
}

/* "blk.12.attn_q.weight" → 12 and "attn_q.weight". */
static gboolean
split_block_name (const char  *name,
                  guint64     *layer,
                  const char **rest)
{
  const char *p;
  char *end;

  if (!g_str_has_prefix (name, "blk."))
    return FALSE;
  p = name + 4;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  *layer = g_ascii_strtoull (p, &end, 10);
  if (*end != '.')
    return FALSE;
  *rest = end + 1;
  return TRUE;
}

/* Routed-expert tensors: ffn_{gate,up,down,gate_up}_exps (and their
 * biases), or the older one-tensor-per-expert ffn_gate.E.weight. */
static gboolean
is_expert_tensor (const char *rest)
{
  const char *dot;

  if (strstr (rest, "_exps") != NULL)
    return TRUE;
  if (!g_str_has_prefix (rest, "ffn_gate.") && !g_str_has_prefix (rest, "ffn_up.") &&
      !g_str_has_prefix (rest, "ffn_down."))
    return FALSE;
  dot = strchr (rest, '.') + 1;
  return g_ascii_isdigit (*dot);
}

static void
classify (LayerTensors *layer,
          const char   *rest)
{
  if (g_str_has_prefix (rest, "ssm_"))
    {
      layer->recurrent = TRUE;
      /* Mamba's skip term D (blk.N.ssm_d); a DeltaNet has none. */
      if (g_str_equal (rest, "ssm_d") || g_str_has_prefix (rest, "ssm_d."))
        layer->mamba = TRUE;
    }
  else if (g_str_has_prefix (rest, "attn_q") || g_str_has_prefix (rest, "attn_k.") ||
           g_str_has_prefix (rest, "attn_kv") || g_str_has_prefix (rest, "attn_v.") ||
           g_str_has_prefix (rest, "attn_output."))
    {
      layer->attention = TRUE;
      if (g_str_has_prefix (rest, "attn_v."))
        layer->v_projection = TRUE;
    }

  if (is_expert_tensor (rest))
    layer->experts = TRUE;
  else if (g_str_has_prefix (rest, "ffn_up.") || g_str_has_prefix (rest, "ffn_down.") ||
           g_str_has_prefix (rest, "ffn_gate."))
    layer->dense = TRUE;
}

/* Sums every tensor of every shard into @model->tensors and classifies
 * the blocks. */
static gboolean
scan_tensors (RwGguf * const *shards,
              guint           n_shards,
              const Keys     *k,
              RwModel        *model,
              LayerTensors   *layers,
              GError        **error)
{
  RwModelTensors *t = &model->tensors;

  for (guint s = 0; s < n_shards; s++)
    for (guint64 i = 0; i < rw_gguf_get_n_tensors (shards[s]); i++)
      {
        const RwGgufTensor *tensor = rw_gguf_get_tensor (shards[s], i);
        const char *rest;
        guint64 layer;

        if (!g_uint64_checked_add (&t->params, t->params, tensor->n_elements) ||
            !g_uint64_checked_add (&t->bytes, t->bytes, tensor->n_bytes))
          {
            g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                         "%s: the tensors add up to more than 2^64", k->name);
            return FALSE;
          }
        if (g_str_equal (tensor->name, "token_embd.weight"))
          {
            t->embed_params += tensor->n_elements;
            t->embed_bytes += tensor->n_bytes;
          }
        else if (g_str_has_prefix (tensor->name, "output.") ||
                 g_str_has_prefix (tensor->name, "output_norm."))
          {
            t->head_params += tensor->n_elements;
            t->head_bytes += tensor->n_bytes;
          }
        else if (split_block_name (tensor->name, &layer, &rest))
          {
            if (is_expert_tensor (rest))
              {
                t->expert_params += tensor->n_elements;
                t->expert_bytes += tensor->n_bytes;
              }
            /* Blocks past block_count (multi-token prediction layers) are
             * loaded and counted, but not layers of the forward pass. */
            if (layer < model->n_layers)
              classify (&layers[layer], rest);
          }
      }
  if (t->params == 0 || t->bytes == 0)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_UNSUPPORTED,
                   "%s: the file has no tensors (a vocabulary-only GGUF?)", k->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_attention (const Keys          *k,
                RwModel             *model,
                const LayerTensors  *layers,
                GError             **error)
{
  guint key_length = 0, key_length_swa = 0, value_length_mla = 0, key_length_mla = 0;
  guint full = G_MAXUINT, swa = G_MAXUINT;

  if (!get_uint (k, "attention.head_count", 0, 1u << 16, &model->n_heads, error) ||
      !get_uint (k, "attention.head_count_kv", model->n_heads, 1u << 16, &model->n_kv_heads, error) ||
      !get_uint (k, "attention.key_length", 0, 1u << 20, &key_length, error) ||
      !get_uint (k, "attention.key_length_swa", 0, 1u << 20, &key_length_swa, error) ||
      !get_uint (k, "attention.sliding_window", 0, G_MAXUINT32, &model->sliding_window, error) ||
      !get_uint (k, "attention.kv_lora_rank", 0, 1u << 20, &model->kv_lora_rank, error) ||
      !get_uint (k, "attention.q_lora_rank", 0, 1u << 20, &model->q_lora_rank, error) ||
      !get_uint (k, "attention.key_length_mla", 0, 1u << 20, &key_length_mla, error) ||
      !get_uint (k, "attention.value_length_mla", 0, 1u << 20, &value_length_mla, error) ||
      !get_uint (k, "attention.indexer.head_count", 0, 1u << 16, &model->index_n_heads, error) ||
      !get_uint (k, "attention.indexer.key_length", 0, 1u << 20, &model->index_head_dim, error) ||
      !get_uint (k, "attention.indexer.top_k", 0, G_MAXUINT32, &model->index_topk, error))
    return FALSE;

  /* A model without attention layers (pure Mamba) still needs a head for
   * the structure; it caches nothing. */
  if (model->n_heads == 0)
    {
      for (guint i = 0; i < model->n_layers; i++)
        if (layers[i].attention)
          {
            g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                         "%s: metadata “%s.attention.head_count” is missing", k->name, k->arch);
            return FALSE;
          }
      model->n_heads = model->n_kv_heads = 1;
      model->head_dim = 1;
      return TRUE;
    }

  /* Per-layer KV heads (hybrids write 0 for their recurrent layers; Gemma
   * 4 fewer for its full layers): the value of a windowed and of a full
   * attention layer. */
  for (guint i = 0; i < model->n_layers; i++)
    {
      gboolean windowed = FALSE;

      if (!layers[i].attention)
        continue;
      windowed = model->layers != NULL && model->layers[i].mixer == RW_MIXER_SLIDING;
      if (windowed && swa == G_MAXUINT)
        swa = i;
      if (!windowed && full == G_MAXUINT)
        full = i;
    }
  model->n_kv_heads = layer_value (k, "attention.head_count_kv",
                                   swa != G_MAXUINT ? swa : full != G_MAXUINT ? full : 0,
                                   model->n_kv_heads);
  if (model->n_kv_heads == 0 || model->n_kv_heads > model->n_heads)
    model->n_kv_heads = model->n_heads;
  if (full != G_MAXUINT && swa != G_MAXUINT)
    {
      guint full_kv = layer_value (k, "attention.head_count_kv", full, model->n_kv_heads);

      if (full_kv != model->n_kv_heads && full_kv > 0 && full_kv <= model->n_heads &&
          model->n_heads % full_kv == 0)
        model->full_n_kv_heads = full_kv;
      model->full_k_eq_v = !layers[full].v_projection && layers[swa].v_projection;
    }

  if (model->kv_lora_rank > 0)
    {
      guint rope = 0, value_length = 0;

      if (!get_uint (k, "rope.dimension_count", 0, 1u << 20, &rope, error) ||
          !get_uint (k, "attention.value_length", 0, 1u << 20, &value_length, error))
        return FALSE;
      model->qk_rope_head_dim = rope;
      /* Newer DeepSeek GGUFs state the MLA sizes apart (key_length is then
       * the compressed kv_lora + rope). */
      model->qk_nope_head_dim = (key_length_mla > 0 ? key_length_mla : key_length) > rope
                                ? (key_length_mla > 0 ? key_length_mla : key_length) - rope : 0;
      model->v_head_dim = value_length_mla > 0 ? value_length_mla : value_length;
      return TRUE;
    }

  if (key_length_swa > 0)
    {
      model->head_dim = key_length_swa;
      if (key_length > 0 && key_length != key_length_swa)
        model->full_head_dim = key_length;
    }
  else
    {
      model->head_dim = key_length;
    }
  if (model->head_dim == 0 && model->hidden_size % model->n_heads != 0)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: metadata “%s.attention.key_length” is missing and %u heads do not "
                   "divide the width %u", k->name, k->arch, model->n_heads, model->hidden_size);
      return FALSE;
    }
  if (model->n_heads % model->n_kv_heads != 0)
    model->n_kv_heads = model->n_heads;
  return TRUE;
}

static gboolean
read_recurrent (const Keys  *k,
                RwModel     *model,
                gboolean     mamba,
                GError     **error)
{
  guint conv = 0, inner = 0, state = 0, groups = 0, heads = 0;

  if (!get_uint (k, "ssm.conv_kernel", 0, 64, &conv, error) ||
      !get_uint (k, "ssm.inner_size", 0, 1u << 24, &inner, error) ||
      !get_uint (k, "ssm.state_size", 0, 1u << 20, &state, error) ||
      !get_uint (k, "ssm.group_count", 0, 1u << 16, &groups, error) ||
      !get_uint (k, "ssm.time_step_rank", 0, 1u << 20, &heads, error))
    return FALSE;
  if (conv == 0 || inner == 0 || state == 0 || heads == 0 || inner % heads != 0)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: the recurrent layers' sizes (%s.ssm.conv_kernel, inner_size, state_size, "
                   "time_step_rank) are missing or do not agree", k->name, k->arch);
      return FALSE;
    }
  if (mamba)
    {
      /* Mamba2: time_step_rank is the head count (llama.cpp's n_head for
       * ssm layers), inner_size = heads · head_dim. */
      model->mamba_n_heads = heads;
      model->mamba_head_dim = inner / heads;
      model->mamba_n_groups = MAX (groups, 1u);
      model->ssm_state_size = state;
      model->mamba_conv_kernel = conv;
      model->mamba_conv_bias = TRUE;
    }
  else
    {
      /* Gated DeltaNet (qwen3next, qwen35): group_count key heads of
       * state_size, time_step_rank value heads of inner_size / heads. */
      model->linear_n_key_heads = MAX (groups, 1u);
      model->linear_key_head_dim = state;
      model->linear_n_value_heads = heads;
      model->linear_value_head_dim = inner / heads;
      model->linear_conv_kernel = conv;
    }
  return TRUE;
}

/* The per-layer windowing: {arch}.attention.sliding_window_pattern (a bool
 * a layer, true = windowed, or a period), else the architecture's known
 * period; none without a window. */
static gboolean
layer_is_windowed (const Keys    *k,
                   const RwModel *model,
                   guint          layer)
{
  g_autofree char *key = arch_key (k, "attention.sliding_window_pattern");
  guint64 length, period = 0;
  const double *pattern;

  if (model->sliding_window == 0)
    return FALSE;
  pattern = rw_gguf_get_array (k->first, key, &length);
  if (pattern != NULL)
    return layer < length && pattern[layer] != 0;
  if (!rw_gguf_get_uint (k->first, key, &period))
    for (guint i = 0; i < G_N_ELEMENTS (swa_periods); i++)
      if (g_str_equal (k->arch, swa_periods[i].arch))
        period = swa_periods[i].period;
  return period > 1 && (layer + 1) % period != 0;
}

char *
rw_gguf_file_type (RwGguf * const *shards,
                   guint           n_shards)
{
  guint64 file_type, bytes[64] = { 0 };
  const char *name;
  guint best = 0;

  g_return_val_if_fail (n_shards > 0, NULL);

  if (rw_gguf_get_uint (shards[0], "general.file_type", &file_type) &&
      file_type <= G_MAXUINT32 && (name = rw_ggml_file_type_name ((guint32) file_type)) != NULL)
    return g_strdup (name);

  /* No file type: the tensor type holding most of the matrices' bytes. */
  for (guint s = 0; s < n_shards; s++)
    for (guint64 i = 0; i < rw_gguf_get_n_tensors (shards[s]); i++)
      {
        const RwGgufTensor *t = rw_gguf_get_tensor (shards[s], i);

        if (t->n_dims >= 2 && t->type < G_N_ELEMENTS (bytes))
          bytes[t->type] += t->n_bytes;
      }
  for (guint i = 1; i < G_N_ELEMENTS (bytes); i++)
    if (bytes[i] > bytes[best])
      best = i;
  return g_strdup (rw_ggml_type_lookup (best) != NULL ? rw_ggml_type_lookup (best)->name : "F32");
}

static RwFormat *
file_format (const RwGguf   *first,
             const RwModel  *model,
             const RwFormat *like)
{
  const RwModelTensors *t = &model->tensors;
  RwFormat *format = rw_format_new ();

  format->id = g_strdup ("gguf");
  /* Translators: the weight format of an imported GGUF file, e.g.
   * “Q4_K_M, from the file”. */
  format->name = g_strdup_printf (_("%s, from the file"), t->file_type);
  format->description = g_strdup_printf ("The weights as %s stores them: %" G_GUINT64_FORMAT
                                         " parameters in %" G_GUINT64_FORMAT " bytes",
                                         rw_gguf_get_name (first), t->params, t->bytes);
  format->bits_per_weight = 8.0 * (double) t->bytes / (double) t->params;
  if (t->expert_params > 0)
    format->expert_bits_per_weight = 8.0 * (double) t->expert_bytes / (double) t->expert_params;
  format->for_weights = TRUE;
  format->for_kv = FALSE;
  format->from_file = TRUE;
  format->compute_precision = like != NULL ? like->compute_precision : RW_PRECISION_FP16;
  format->expert_compute_precision = like != NULL ? like->expert_compute_precision
                                                  : format->compute_precision;
  format->source = g_strdup (model->source);
  return format;
}

RwModel *
rw_gguf_model_new (RwGguf * const  *shards,
                   guint            n_shards,
                   const RwFormat  *like,
                   RwFormat       **format,
                   GError         **error)
{
  g_autoptr(RwModel) model = NULL;
  g_autofree LayerTensors *blocks = NULL;
  g_autofree RwLayer *layers = NULL;
  const RwGgufTensor *embed;
  const char *arch, *name;
  Keys k;
  guint n_expert_ff = 0, n_shared_ff = 0, n_ff = 0;
  gboolean any_mamba = FALSE, any_linear = FALSE, any_gate = FALSE;

  g_return_val_if_fail (shards != NULL && n_shards > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  arch = rw_gguf_get_string (shards[0], "general.architecture");
  if (arch == NULL || *arch == '\0' || strlen (arch) > 64)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_UNSUPPORTED,
                   "%s: metadata “general.architecture” is missing", rw_gguf_get_name (shards[0]));
      return NULL;
    }
  k = (Keys) { shards[0], arch, rw_gguf_get_name (shards[0]) };

  model = rw_model_new ();
  name = rw_gguf_get_string (shards[0], "general.name");
  model->family = g_strdup (arch);
  model->name = g_strdup (name != NULL && *name != '\0' ? name : k.name);
  model->id = g_strconcat ("gguf:", k.name, NULL);

  if (!get_uint (&k, "block_count", 0, 4096, &model->n_layers, error) ||
      !get_uint (&k, "embedding_length", 0, 1u << 20, &model->hidden_size, error))
    return NULL;
  if (model->n_layers == 0 || model->hidden_size == 0)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                   "%s: metadata “%s.%s” is missing or 0", k.name, arch,
                   model->n_layers == 0 ? "block_count" : "embedding_length");
      return NULL;
    }

  blocks = g_new0 (LayerTensors, model->n_layers);
  if (!scan_tensors (shards, n_shards, &k, model, blocks, error))
    return NULL;
  model->tensors.file_type = rw_gguf_file_type (shards, n_shards);

  /* The vocabulary is the embedding table's height. */
  embed = find_tensor (shards, n_shards, "token_embd.weight");
  if (embed != NULL && embed->n_dims >= 2 && embed->dims[1] <= (1u << 24))
    model->vocab_size = (guint) embed->dims[1];
  else if (!get_uint (&k, "vocab_size", 0, 1u << 24, &model->vocab_size, error))
    return NULL;
  if (model->vocab_size == 0)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_UNSUPPORTED,
                   "%s: no token_embd.weight and no %s.vocab_size: the vocabulary is unknown",
                   k.name, arch);
      return NULL;
    }
  model->tied_embeddings = find_tensor (shards, n_shards, "output.weight") == NULL;

  /* MLPs and experts. */
  if (!get_uint (&k, "feed_forward_length", 0, 1u << 20, &n_ff, error) ||
      !get_uint (&k, "expert_count", 0, 1u << 16, &model->n_experts, error) ||
      !get_uint (&k, "expert_used_count", 0, 1u << 16, &model->n_experts_active, error) ||
      !get_uint (&k, "expert_feed_forward_length", 0, 1u << 20, &n_expert_ff, error) ||
      !get_uint (&k, "expert_shared_count", 0, 1u << 16, &model->n_shared_experts, error) ||
      !get_uint (&k, "expert_shared_feed_forward_length", 0, 1u << 20, &n_shared_ff, error) ||
      !get_uint (&k, "context_length", 0, G_MAXUINT32, &model->max_position_embeddings, error))
    return NULL;
  model->intermediate_size = n_ff;

  layers = g_new0 (RwLayer, model->n_layers);
  for (guint i = 0; i < model->n_layers; i++)
    {
      const LayerTensors *b = &blocks[i];

      layers[i].mixer = b->recurrent ? (b->mamba ? RW_MIXER_MAMBA : RW_MIXER_LINEAR)
                        : b->attention ? RW_MIXER_ATTENTION : RW_MIXER_NONE;
      layers[i].ffn = b->experts ? RW_FFN_MOE : b->dense ? RW_FFN_DENSE : RW_FFN_NONE;
      if (layers[i].mixer == RW_MIXER_NONE && layers[i].ffn == RW_FFN_NONE)
        {
          g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_UNSUPPORTED,
                       "%s: block %u has neither attention, recurrent nor MLP tensors Rigwise "
                       "knows (architecture “%s”)", k.name, i, arch);
          return NULL;
        }
      any_mamba |= layers[i].mixer == RW_MIXER_MAMBA;
      any_linear |= layers[i].mixer == RW_MIXER_LINEAR;
      if (layers[i].ffn == RW_FFN_MOE && model->n_experts == 0)
        {
          g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                       "%s: block %u has expert tensors but “%s.expert_count” is missing",
                       k.name, i, arch);
          return NULL;
        }
    }

  if (!get_uint (&k, "attention.sliding_window", 0, G_MAXUINT32, &model->sliding_window, error))
    return NULL;
  for (guint i = 0; i < model->n_layers; i++)
    if (layers[i].mixer == RW_MIXER_ATTENTION && layer_is_windowed (&k, model, i))
      layers[i].mixer = RW_MIXER_SLIDING;
  rw_model_set_layers (model, layers);
  if (model->n_swa_layers == 0)
    model->sliding_window = 0;

  if (!read_attention (&k, model, blocks, error) ||
      (any_mamba && !read_recurrent (&k, model, TRUE, error)) ||
      (any_linear && !read_recurrent (&k, model, FALSE, error)))
    return NULL;

  /* Widths the keys leave out come from the tensors' shapes. */
  if (model->n_experts > 0)
    {
      const RwGgufTensor *up = NULL;

      for (guint i = 0; i < model->n_layers && up == NULL; i++)
        if (layers[i].ffn == RW_FFN_MOE)
          {
            g_autofree char *tensor = g_strdup_printf ("blk.%u.ffn_up_exps.weight", i);

            up = find_tensor (shards, n_shards, tensor);
          }
      if (n_expert_ff == 0 && up != NULL && up->dims[1] <= (1u << 20))
        n_expert_ff = (guint) up->dims[1];
      model->moe_intermediate_size = n_expert_ff > 0 ? n_expert_ff : n_ff;
      model->shared_expert_intermediate_size = n_shared_ff;
      if (model->n_experts_active == 0 || model->n_experts_active > model->n_experts ||
          model->moe_intermediate_size == 0)
        {
          g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_INVALID,
                       "%s: “%s.expert_used_count” or the experts' width is missing", k.name, arch);
          return NULL;
        }
      /* A shared expert shows as ffn_up_shexp. */
      if (model->n_shared_experts == 0)
        for (guint i = 0; i < model->n_layers; i++)
          {
            g_autofree char *tensor = g_strdup_printf ("blk.%u.ffn_up_shexp.weight", i);
            const RwGgufTensor *shexp = find_tensor (shards, n_shards, tensor);

            if (shexp != NULL)
              {
                model->n_shared_experts = 1;
                if (shexp->dims[1] <= (1u << 20))
                  model->shared_expert_intermediate_size = (guint) shexp->dims[1];
                break;
              }
          }
    }
  else
    {
      model->n_experts_active = 0;
      model->n_shared_experts = 0;
    }

  for (guint i = 0; i < model->n_layers; i++)
    if (layers[i].ffn == RW_FFN_DENSE)
      {
        g_autofree char *tensor = g_strdup_printf ("blk.%u.ffn_gate.weight", i);

        any_gate |= find_tensor (shards, n_shards, tensor) != NULL;
        if (model->intermediate_size == 0)
          {
            g_autofree char *up_name = g_strdup_printf ("blk.%u.ffn_up.weight", i);
            const RwGgufTensor *up = find_tensor (shards, n_shards, up_name);

            if (up != NULL && up->n_dims >= 2 && up->dims[1] <= (1u << 20))
              model->intermediate_size = (guint) up->dims[1];
          }
        break;
      }
  model->mlp_ungated = !any_gate && model->layer_counts[0].ffns[RW_FFN_DENSE] > 0;

  model->source = g_strdup (k.name);

  {
    g_autoptr(GError) invalid = NULL;

    if (!rw_model_validate (model, &invalid))
      {
        /* The core's message names the field; say which file it came from. */
        g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_UNSUPPORTED,
                     "%s: %s", k.name, invalid->message);
        return NULL;
      }
  }

  if (format != NULL)
    *format = file_format (shards[0], model, like);
  return g_steal_pointer (&model);
}

/* "name-00001-of-00003.gguf": the prefix, the shard's number and the
 * count, or FALSE for a file that is not a shard. */
static gboolean
parse_split_name (const char  *path,
                  char       **prefix,
                  guint       *number,
                  guint       *count)
{
  gsize len = strlen (path);
  const char *tail;

  /* -NNNNN-of-NNNNN.gguf is 20 characters. */
  if (len < 20 || !g_str_has_suffix (path, ".gguf"))
    return FALSE;
  tail = path + len - 20;
  if (tail[0] != '-' || strncmp (tail + 6, "-of-", 4) != 0)
    return FALSE;
  for (guint i = 0; i < 5; i++)
    if (!g_ascii_isdigit (tail[1 + i]) || !g_ascii_isdigit (tail[10 + i]))
      return FALSE;
  *number = (guint) g_ascii_strtoull (tail + 1, NULL, 10);
  *count = (guint) g_ascii_strtoull (tail + 10, NULL, 10);
  if (*number < 1 || *count < 1 || *number > *count)
    return FALSE;
  *prefix = g_strndup (path, (gsize) (tail - path));
  return TRUE;
}

GStrv
rw_gguf_split_paths (const char  *path,
                     GError     **error)
{
  g_autofree char *prefix = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint number, count;

  g_return_val_if_fail (path != NULL, NULL);

  if (!parse_split_name (path, &prefix, &number, &count) || count == 1)
    {
      g_strv_builder_add (builder, path);
      return g_strv_builder_end (builder);
    }
  if (number != 1)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *first = g_strdup_printf ("%s-%05u-of-%05u.gguf", prefix, 1, count);
      g_autofree char *first_base = g_path_get_basename (first);

      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_SPLIT,
                   "%s is part %u of %u of a split model: open the first part, %s",
                   base, number, count, first_base);
      return NULL;
    }
  for (guint i = 1; i <= count; i++)
    {
      g_autofree char *shard = g_strdup_printf ("%s-%05u-of-%05u.gguf", prefix, i, count);

      g_strv_builder_add (builder, shard);
    }
  return g_strv_builder_end (builder);
}

/* Each shard says which it is (split.no, 0-based) and how many there are
 * (split.count); the first also how many tensors they hold together. */
static gboolean
check_shards (RwGguf * const *shards,
              guint           n_shards,
              GError        **error)
{
  guint64 total = 0, expected;

  if (n_shards == 1)
    return TRUE;
  for (guint i = 0; i < n_shards; i++)
    {
      guint64 no, count;

      if (!rw_gguf_get_uint (shards[i], "split.no", &no) ||
          !rw_gguf_get_uint (shards[i], "split.count", &count) ||
          no != i || count != n_shards)
        {
          g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_SPLIT,
                       "%s: its split.no and split.count do not say it is part %u of %u",
                       rw_gguf_get_name (shards[i]), i + 1, n_shards);
          return FALSE;
        }
      total += rw_gguf_get_n_tensors (shards[i]);
    }
  if (rw_gguf_get_uint (shards[0], "split.tensors.count", &expected) && expected != total)
    {
      g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_SPLIT,
                   "%s: split.tensors.count is %" G_GUINT64_FORMAT " but the %u parts hold %"
                   G_GUINT64_FORMAT " tensors", rw_gguf_get_name (shards[0]), expected, n_shards,
                   total);
      return FALSE;
    }
  return TRUE;
}

RwModel *
rw_gguf_model_load_file (const char          *path,
                         RwGgufFormatLookup   lookup_like,
                         gpointer             lookup_data,
                         RwFormat           **format,
                         GError             **error)
{
  g_autoptr(GPtrArray) shards = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_gguf_free);
  g_auto(GStrv) paths = NULL;
  const RwFormat *like = NULL;
  RwModel *model;

  g_return_val_if_fail (path != NULL, NULL);

  paths = rw_gguf_split_paths (path, error);
  if (paths == NULL)
    return NULL;
  for (guint i = 0; paths[i] != NULL; i++)
    {
      RwGguf *shard;

      if (i > 0 && !g_file_test (paths[i], G_FILE_TEST_EXISTS))
        {
          g_autofree char *base = g_path_get_basename (paths[i]);

          g_set_error (error, RW_GGUF_ERROR, RW_GGUF_ERROR_SPLIT,
                       "%s: part %u of %u of the split model is missing", base, i + 1,
                       g_strv_length (paths));
          return NULL;
        }
      shard = rw_gguf_read_file (paths[i], error);
      if (shard == NULL)
        return NULL;
      g_ptr_array_add (shards, shard);
    }
  if (!check_shards ((RwGguf * const *) shards->pdata, shards->len, error))
    return NULL;

  if (lookup_like != NULL)
    {
      g_autofree char *type = rw_gguf_file_type ((RwGguf * const *) shards->pdata, shards->len);
      g_autofree char *id = g_ascii_strdown (type, -1);

      like = lookup_like (id, lookup_data);
    }
  model = rw_gguf_model_new ((RwGguf * const *) shards->pdata, shards->len, like, format, error);
  if (model != NULL)
    {
      g_free (model->source);
      model->source = g_filename_to_uri (path, NULL, NULL);
      if (format != NULL && *format != NULL)
        {
          g_free ((*format)->source);
          (*format)->source = g_strdup (model->source);
        }
    }
  return model;
}
