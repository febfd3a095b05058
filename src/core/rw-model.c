/* rw-model.c: parameter counts and KV-cache size of a transformer
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parameters per layer (h = hidden_size, n_q / n_kv heads, d_h head_dim):
 *   attention  2·h·n_q·d_h + 2·h·n_kv·d_h  (q, o; k, v)
 *              + n_q·d_h + 2·n_kv·d_h + h  with attention_bias (q, k, v, o)
 *              + h·n_q·d_h with an output gate (Qwen3-Next, Qwen3.5), − h·n_kv·d_h
 *              where V is derived from K (Gemma 4's full layers)
 *   indexer    q_lora·n_i·d_i + h·d_i + 2·d_i + h·n_i  (DeepSeek V3.2: its wq_b,
 *              wk, k LayerNorm and head weights)
 *   linear     h·(2·k_dim + 2·v_dim + 2·n_v) + (2·k_dim + v_dim)·kernel + 2·n_v
 *              + d_v + v_dim·h  (Gated DeltaNet: in_proj_qkvz, in_proj_ba, conv1d,
 *              dt_bias and A_log, gated norm, out_proj; k_dim = n_k·d_k, v_dim = n_v·d_v)
 *   Mamba2     h·(2·d_in + 2·g·N + n_h) + (d_in + 2·g·N)·kernel (+ the conv bias)
 *              + 3·n_h + d_in + d_in·h  (in_proj, conv1d, dt_bias/A_log/D, norm,
 *              out_proj; d_in = n_h·head_dim, g groups, N = ssm_state_size)
 *   MLA        q  = h·q_lora + q_lora·n_q·(nope + rope)   (or h·n_q·(nope + rope))
 *              kv = h·(kv_lora + rope) + kv_lora·n_q·(nope + v_head_dim)
 *              o  = n_q·v_head_dim·h, + the two latent norms (q_lora + kv_lora)
 *   dense MLP  3·h·d_ff  (gate, up, down; 2·h·d_ff for ungated relu² MLPs)
 *   MoE        E·3·h·d_moe + h·E (router) + n_shared·3·h·d_shared
 *   norms      h before each mixer and each MLP (2·h a transformer layer),
 *              h after the last layer
 *   embeddings vocab·h, twice when the output head is untied
 * Small per-family extras (Qwen3 q/k norms, gpt-oss expert biases and
 * attention sinks, Gemma 3's extra norms) are left out: each is < 0.05 % of
 * the total (see tests/core/test-model.c for the checks against llama-bench).
 */
#include <math.h>

#include "rw-bounds.h"
#include "rw-error.h"
#include "rw-model.h"
#include "rw-model-private.h"

/* Registered by hand: G_DEFINE_BOXED_TYPE's transparent-union argument
 * conversion trips -Wpedantic, which warning_level=3 turns on. */
GType
rw_model_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_boxed_type_register_static (g_intern_static_string ("RwModel"),
                                               (GBoxedCopyFunc) rw_model_copy,
                                               (GBoxedFreeFunc) rw_model_free);
      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

RwModel *
rw_model_new (void)
{
  return g_new0 (RwModel, 1);
}

RwModel *
rw_model_copy (const RwModel *model)
{
  RwModel *copy;

  g_return_val_if_fail (model != NULL, NULL);

  copy = g_new0 (RwModel, 1);
  *copy = *model;
  copy->id = g_strdup (model->id);
  copy->name = g_strdup (model->name);
  copy->family = g_strdup (model->family);
  copy->source = g_strdup (model->source);
  copy->layers = NULL;
  copy->layer_counts = NULL;
  copy->tensors.file_type = g_strdup (model->tensors.file_type);
  if (model->layers != NULL)
    rw_model_set_layers (copy, model->layers);
  return copy;
}

void
rw_model_free (RwModel *model)
{
  if (model == NULL)
    return;
  g_free (model->id);
  g_free (model->name);
  g_free (model->family);
  g_free (model->source);
  g_free (model->layers);
  g_free (model->layer_counts);
  g_free (model->tensors.file_type);
  g_free (model);
}

gboolean
rw_model_is_moe (const RwModel *model)
{
  g_return_val_if_fail (model != NULL, FALSE);
  return model->n_experts > 0;
}

gboolean
rw_model_is_mla (const RwModel *model)
{
  g_return_val_if_fail (model != NULL, FALSE);
  return model->kv_lora_rank > 0;
}

/* TRUE when some layers keep a fixed recurrent state instead of a KV cache
 * (or have no mixer at all). */
gboolean
rw_model_is_hybrid (const RwModel *model)
{
  g_return_val_if_fail (model != NULL, FALSE);
  return model->layer_counts != NULL &&
         (model->layer_counts[0].mixers[RW_MIXER_LINEAR] > 0 ||
          model->layer_counts[0].mixers[RW_MIXER_MAMBA] > 0 ||
          model->layer_counts[0].mixers[RW_MIXER_NONE] > 0);
}

gboolean
rw_model_has_tensors (const RwModel *model)
{
  g_return_val_if_fail (model != NULL, FALSE);
  return model->tensors.params > 0;
}

void
rw_model_set_layers (RwModel       *model,
                     const RwLayer *layers)
{
  guint n;

  g_return_if_fail (model != NULL);

  g_clear_pointer (&model->layers, g_free);
  g_clear_pointer (&model->layer_counts, g_free);
  if (layers == NULL)
    return;

  n = model->n_layers;
  model->layers = g_memdup2 (layers, sizeof (RwLayer) * n);
  model->layer_counts = g_new0 (RwLayerCounts, n + 1);
  /* Suffix sums: counts[i] holds layers i…n−1, so any run of trailing
   * layers (what llama.cpp offloads) is counted in O(1). Kinds out of range
   * are left uncounted; rw_model_validate() refuses them. */
  for (guint i = n; i-- > 0;)
    {
      RwLayerCounts *c = &model->layer_counts[i];

      *c = model->layer_counts[i + 1];
      c->n++;
      if (layers[i].mixer < RW_MIXER_N)
        c->mixers[layers[i].mixer]++;
      if (layers[i].ffn < RW_FFN_N)
        c->ffns[layers[i].ffn]++;
    }
  model->n_swa_layers = model->layer_counts[0].mixers[RW_MIXER_SLIDING];
}

/* The config gives only how many layers are windowed, not which; spread the
 * full-attention layers evenly (layer i is full when ⌊(i+1)·F/L⌋ > ⌊i·F/L⌋).
 * That reproduces gpt-oss's alternation exactly (odd layers full) and Gemma
 * 3's 5:1 pattern to within one layer; only layer placement depends on it. */
static guint
n_full_before (const RwModel *model,
               guint          n)
{
  guint n_full = model->kv_lora_rank > 0 ? model->n_layers
                                         : model->n_layers - MIN (model->n_swa_layers, model->n_layers);

  return (guint) (((guint64) n * n_full) / model->n_layers);
}

void
rw_model_count_layers (const RwModel *model,
                       guint          first,
                       RwLayerCounts *counts)
{
  guint n_dense, n_full;

  g_return_if_fail (model != NULL && counts != NULL);

  first = MIN (first, model->n_layers);
  if (model->layer_counts != NULL)
    {
      *counts = model->layer_counts[first];
      return;
    }

  /* Dense layers lead; full-attention layers are spread evenly. */
  *counts = (RwLayerCounts) { .n = model->n_layers - first };
  n_dense = _rw_model_n_dense_layers (model);
  counts->ffns[RW_FFN_DENSE] = n_dense > first ? n_dense - first : 0;
  counts->ffns[RW_FFN_MOE] = counts->n - counts->ffns[RW_FFN_DENSE];
  n_full = n_full_before (model, model->n_layers) - n_full_before (model, first);
  counts->mixers[RW_MIXER_ATTENTION] = n_full;
  counts->mixers[RW_MIXER_SLIDING] = counts->n - n_full;
}

RwLayer
rw_model_get_layer (const RwModel *model,
                    guint          layer)
{
  RwLayer kind = { RW_MIXER_ATTENTION, RW_FFN_DENSE };

  g_return_val_if_fail (model != NULL && layer < model->n_layers, kind);

  if (model->layers != NULL)
    return model->layers[layer];
  if (layer >= _rw_model_n_dense_layers (model))
    kind.ffn = RW_FFN_MOE;
  if (n_full_before (model, layer + 1) == n_full_before (model, layer))
    kind.mixer = RW_MIXER_SLIDING;
  return kind;
}

/* Largest sizes we accept (rw-model.h); anything beyond is a typo, not a model. */
#define MAX_LAYERS  RW_MODEL_MAX_LAYERS
#define MAX_WIDTH   RW_MODEL_MAX_WIDTH
#define MAX_HEADS   RW_MODEL_MAX_HEADS
#define MAX_VOCAB   RW_MODEL_MAX_VOCAB
#define MAX_EXPERTS RW_MODEL_MAX_EXPERTS
#define MAX_KERNEL  64u

/* "model “ID”: " for a named model; nothing for one being imported, whose
 * importer puts the file name in front. */
static char *
model_prefix (const RwModel *model)
{
  return model->id != NULL ? g_strdup_printf ("model “%s”: ", model->id) : g_strdup ("");
}

static gboolean
check_range (const RwModel *model,
             const char    *field,
             guint          value,
             guint          min,
             guint          max,
             GError       **error)
{
  g_autofree char *prefix = NULL;

  if (value >= min && value <= max)
    return TRUE;
  prefix = model_prefix (model);
  g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
               "%sfield “%s”: %u is outside %u…%u", prefix, field, value, min, max);
  return FALSE;
}

static gboolean
invalid_model (const RwModel  *model,
               GError        **error,
               const char     *field,
               const char     *problem)
{
  g_autofree char *prefix = model_prefix (model);

  g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
               "%sfield “%s”: %s", prefix, field, problem);
  return FALSE;
}

static gboolean
validate_recurrent (const RwModel        *model,
                    const RwLayerCounts  *all,
                    GError              **error)
{
  if (all->mixers[RW_MIXER_LINEAR] > 0)
    {
      if (!check_range (model, "linear_num_key_heads", model->linear_n_key_heads, 1, MAX_HEADS, error) ||
          !check_range (model, "linear_num_value_heads", model->linear_n_value_heads, 1, MAX_HEADS, error) ||
          !check_range (model, "linear_key_head_dim", model->linear_key_head_dim, 1, MAX_WIDTH / 8, error) ||
          !check_range (model, "linear_value_head_dim", model->linear_value_head_dim, 1, MAX_WIDTH / 8, error) ||
          !check_range (model, "linear_conv_kernel_dim", model->linear_conv_kernel, 1, MAX_KERNEL, error))
        return FALSE;
      if (model->linear_n_value_heads % model->linear_n_key_heads != 0)
        return invalid_model (model, error, "linear_num_value_heads",
                              "not a multiple of linear_num_key_heads");
    }
  if (all->mixers[RW_MIXER_MAMBA] > 0)
    {
      if (!check_range (model, "mamba_num_heads", model->mamba_n_heads, 1, MAX_HEADS, error) ||
          !check_range (model, "mamba_head_dim", model->mamba_head_dim, 1, MAX_WIDTH / 8, error) ||
          !check_range (model, "n_groups", model->mamba_n_groups, 1, model->mamba_n_heads, error) ||
          !check_range (model, "ssm_state_size", model->ssm_state_size, 1, MAX_WIDTH / 8, error) ||
          !check_range (model, "conv_kernel", model->mamba_conv_kernel, 1, MAX_KERNEL, error))
        return FALSE;
      if (model->mamba_n_heads % model->mamba_n_groups != 0)
        return invalid_model (model, error, "n_groups", "does not divide mamba_num_heads");
    }
  return check_range (model, "ssm_state_bytes", model->ssm_state_bytes, 0, 8, error);
}

static gboolean
validate_tensors (const RwModel  *model,
                  GError        **error)
{
  const RwModelTensors *t = &model->tensors;

  if (t->params == 0 && t->bytes == 0)
    return TRUE;
  if (t->params == 0 || t->bytes == 0 ||
      t->embed_params + t->head_params + t->expert_params > t->params ||
      t->embed_bytes + t->head_bytes + t->expert_bytes > t->bytes)
    return invalid_model (model, error, "tensors", "the tensor totals do not add up");
  return TRUE;
}

gboolean
rw_model_validate (const RwModel  *model,
                   GError        **error)
{
  RwLayerCounts all;
  g_autofree char *id = NULL;
  double total;

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = model_prefix (model);

  if (!check_range (model, "n_layers", model->n_layers, 1, MAX_LAYERS, error) ||
      !check_range (model, "hidden_size", model->hidden_size, 1, MAX_WIDTH, error) ||
      !check_range (model, "n_heads", model->n_heads, 1, MAX_HEADS, error) ||
      !check_range (model, "n_kv_heads", model->n_kv_heads, 1, model->n_heads, error) ||
      !check_range (model, "head_dim", model->head_dim, 0, MAX_WIDTH, error) ||
      !check_range (model, "vocab_size", model->vocab_size, 1, MAX_VOCAB, error))
    return FALSE;

  if (model->head_dim == 0 && model->hidden_size % model->n_heads != 0)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                   "%sfield “head_dim”: absent, and hidden_size %u is "
                   "not a multiple of n_heads %u", id, model->hidden_size, model->n_heads);
      return FALSE;
    }

  if (!check_range (model, "n_dense_layers", model->n_dense_layers, 0, model->n_layers, error))
    return FALSE;

  if ((model->layers == NULL) != (model->layer_counts == NULL))
    return invalid_model (model, error, "layers", "kinds without counts");
  if (model->layers != NULL)
    {
      for (guint i = 0; i < model->n_layers; i++)
        {
          if (model->layers[i].mixer >= RW_MIXER_N || model->layers[i].ffn >= RW_FFN_N)
            {
              g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                           "%sfield “layers”: layer %u has an unknown kind", id, i);
              return FALSE;
            }
          if (model->layers[i].mixer == RW_MIXER_NONE && model->layers[i].ffn == RW_FFN_NONE)
            {
              g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                           "%sfield “layers”: layer %u has neither a mixer nor an MLP",
                           id, i);
              return FALSE;
            }
        }
      if (model->layer_counts[0].n != model->n_layers)
        return invalid_model (model, error, "layers", "counted for another number of layers");
    }
  rw_model_count_layers (model, 0, &all);

  /* Dense layers need an MLP width: every layer of a dense model, the
   * leading n_dense_layers of an MoE one. */
  if (all.ffns[RW_FFN_DENSE] > 0 &&
      !check_range (model, "intermediate_size", model->intermediate_size, 1, MAX_WIDTH, error))
    return FALSE;

  if (model->n_experts > 0)
    {
      if (!check_range (model, "n_experts", model->n_experts, 1, MAX_EXPERTS, error) ||
          !check_range (model, "n_experts_active", model->n_experts_active, 1, model->n_experts, error) ||
          !check_range (model, "moe_intermediate_size", model->moe_intermediate_size, 1, MAX_WIDTH, error) ||
          !check_range (model, "n_shared_experts", model->n_shared_experts, 0, MAX_EXPERTS, error) ||
          !check_range (model, "shared_expert_intermediate_size",
                        model->shared_expert_intermediate_size, 0, MAX_WIDTH, error))
        return FALSE;
    }
  else if (model->n_experts_active > 0 || model->n_shared_experts > 0 || all.ffns[RW_FFN_MOE] > 0)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                   "%sfield “n_experts”: 0, but experts per token, shared "
                   "experts or MoE layers are set", id);
      return FALSE;
    }

  if (!check_range (model, "n_swa_layers", model->n_swa_layers, 0, model->n_layers, error))
    return FALSE;
  if (model->n_swa_layers > 0 &&
      !check_range (model, "sliding_window", model->sliding_window, 1, G_MAXUINT, error))
    return FALSE;
  if (model->layers != NULL && all.mixers[RW_MIXER_SLIDING] != model->n_swa_layers)
    return invalid_model (model, error, "n_swa_layers", "differs from the sliding layers");

  if (model->full_n_kv_heads > 0)
    {
      if (!check_range (model, "full_n_kv_heads", model->full_n_kv_heads, 1, model->n_heads, error))
        return FALSE;
      if (model->n_heads % model->full_n_kv_heads != 0)
        return invalid_model (model, error, "full_n_kv_heads", "does not divide n_heads");
    }
  if (!check_range (model, "full_head_dim", model->full_head_dim, 0, MAX_WIDTH, error) ||
      !check_range (model, "n_nope_layers", model->n_nope_layers, 0, model->n_layers, error))
    return FALSE;

  if (model->kv_lora_rank > 0)
    {
      if (!check_range (model, "kv_lora_rank", model->kv_lora_rank, 1, MAX_WIDTH, error) ||
          !check_range (model, "q_lora_rank", model->q_lora_rank, 0, MAX_WIDTH, error) ||
          !check_range (model, "qk_rope_head_dim", model->qk_rope_head_dim, 1, MAX_WIDTH, error) ||
          !check_range (model, "qk_nope_head_dim", model->qk_nope_head_dim, 1, MAX_WIDTH, error) ||
          !check_range (model, "v_head_dim", model->v_head_dim, 1, MAX_WIDTH, error))
        return FALSE;
      if (model->n_swa_layers > 0)
        {
          g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                       "%sfield “n_swa_layers”: sliding-window layers with "
                       "latent attention (MLA) are not supported", id);
          return FALSE;
        }
    }

  if (model->index_n_heads > 0 || model->index_head_dim > 0 || model->index_topk > 0)
    {
      if (!check_range (model, "index_n_heads", model->index_n_heads, 1, MAX_HEADS, error) ||
          !check_range (model, "index_head_dim", model->index_head_dim, 1, MAX_WIDTH / 8, error) ||
          !check_range (model, "index_topk", model->index_topk, 1, G_MAXUINT, error))
        return FALSE;
    }

  if (!validate_recurrent (model, &all, error) || !validate_tensors (model, error))
    return FALSE;

  /* Each field within its range can still multiply out to more than a
   * 64-bit byte count holds (65 536 experts of 2^20 × 2^20 in 4096
   * layers): the whole must be a model too. */
  total = rw_model_total_params (model);
  if (!(total <= RW_BOUND_MAX_MODEL_PARAMS))
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (text, sizeof text, "%.3g", total);
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                   "%s%s parameters in all, more than the 1e+15 Rigwise takes "
                   "(the largest published models have about 2e+12)", id, text);
      return FALSE;
    }
  return TRUE;
}

guint
_rw_model_head_dim (const RwModel *model)
{
  return model->head_dim > 0 ? model->head_dim : model->hidden_size / model->n_heads;
}

guint
_rw_model_n_dense_layers (const RwModel *model)
{
  return model->n_experts > 0 ? model->n_dense_layers : model->n_layers;
}

/* Head size and KV heads of a full or a sliding attention layer. */
static void
attention_heads (const RwModel *model,
                 RwMixer        mixer,
                 double        *head_dim,
                 double        *n_kv)
{
  gboolean full = mixer == RW_MIXER_ATTENTION;

  *head_dim = full && model->full_head_dim > 0 ? model->full_head_dim : _rw_model_head_dim (model);
  *n_kv = full && model->full_n_kv_heads > 0 ? model->full_n_kv_heads : model->n_kv_heads;
}

static double
attention_params (const RwModel *model,
                  RwMixer        mixer)
{
  double h = model->hidden_size;
  double n_q = model->n_heads;
  double params;

  if (model->kv_lora_rank > 0)
    {
      double qk = (double) model->qk_nope_head_dim + model->qk_rope_head_dim;
      double kv_lora = model->kv_lora_rank;
      double q_lora = model->q_lora_rank;

      if (q_lora > 0)
        params = h * q_lora + q_lora * n_q * qk;
      else
        params = h * n_q * qk;
      params += h * (kv_lora + model->qk_rope_head_dim)
                + kv_lora * n_q * ((double) model->qk_nope_head_dim + model->v_head_dim);
      params += n_q * model->v_head_dim * h;
      params += q_lora + kv_lora;   /* the latent RMSNorms */
    }
  else
    {
      double d, n_kv;
      gboolean no_v = mixer == RW_MIXER_ATTENTION && model->full_k_eq_v;

      attention_heads (model, mixer, &d, &n_kv);
      params = 2 * h * n_q * d + (no_v ? 1 : 2) * h * n_kv * d;
      if (model->attention_output_gate)
        params += h * n_q * d;
      if (model->attention_bias)
        params += n_q * d + (no_v ? 1 : 2) * n_kv * d + h;
    }

  if (model->index_n_heads > 0)
    {
      double d_i = model->index_head_dim;
      double n_i = model->index_n_heads;
      double q_in = model->q_lora_rank > 0 ? model->q_lora_rank : h;

      params += q_in * n_i * d_i + h * d_i + 2 * d_i + h * n_i;
    }
  return params;
}

static double
linear_params (const RwModel *model)
{
  double h = model->hidden_size;
  double n_v = model->linear_n_value_heads;
  double k_dim = (double) model->linear_n_key_heads * model->linear_key_head_dim;
  double v_dim = n_v * model->linear_value_head_dim;

  return h * (2 * k_dim + 2 * v_dim + 2 * n_v)
         + (2 * k_dim + v_dim) * model->linear_conv_kernel
         + 2 * n_v
         + model->linear_value_head_dim
         + v_dim * h;
}

static double
mamba_params (const RwModel *model)
{
  double h = model->hidden_size;
  double n_h = model->mamba_n_heads;
  double d_in = n_h * model->mamba_head_dim;
  double conv_dim = d_in + 2.0 * model->mamba_n_groups * model->ssm_state_size;

  return h * (2 * d_in + 2.0 * model->mamba_n_groups * model->ssm_state_size + n_h)
         + conv_dim * model->mamba_conv_kernel + (model->mamba_conv_bias ? conv_dim : 0)
         + 3 * n_h + d_in + d_in * h;
}

double
_rw_model_mixer_params (const RwModel *model,
                        RwMixer        mixer)
{
  double h = model->hidden_size;

  switch (mixer)
    {
    case RW_MIXER_ATTENTION:
    case RW_MIXER_SLIDING:
      return attention_params (model, mixer) + h;
    case RW_MIXER_LINEAR:
      return linear_params (model) + h;
    case RW_MIXER_MAMBA:
      return mamba_params (model) + h;
    case RW_MIXER_NONE:
    default:
      return 0;
    }
}

static double
mlp_matrices (const RwModel *model)
{
  return model->mlp_ungated ? 2.0 : 3.0;
}

double
_rw_model_dense_mlp_params (const RwModel *model)
{
  return mlp_matrices (model) * model->hidden_size * model->intermediate_size
         + model->hidden_size;   /* its pre-norm */
}

double
_rw_model_moe_fixed_params (const RwModel *model)
{
  double h = model->hidden_size;
  double d_shared = model->shared_expert_intermediate_size > 0
                    ? model->shared_expert_intermediate_size
                    : model->moe_intermediate_size;

  if (model->n_experts == 0)
    return 0;
  return h * model->n_experts + model->n_shared_experts * mlp_matrices (model) * h * d_shared
         + h;   /* its pre-norm */
}

double
_rw_model_moe_routed_params (const RwModel *model)
{
  return (double) model->n_experts * mlp_matrices (model) * model->hidden_size
         * model->moe_intermediate_size;
}

double
_rw_model_ffn_params (const RwModel *model,
                      RwFfn          ffn)
{
  switch (ffn)
    {
    case RW_FFN_DENSE:
      return _rw_model_dense_mlp_params (model);
    case RW_FFN_MOE:
      return _rw_model_moe_fixed_params (model) + _rw_model_moe_routed_params (model);
    case RW_FFN_NONE:
    default:
      return 0;
    }
}

double
_rw_model_head_params (const RwModel *model)
{
  return (double) model->vocab_size * model->hidden_size;
}

double
_rw_model_kv_elements_per_token (const RwModel *model,
                                 RwMixer        mixer)
{
  double d, n_kv;

  if (mixer != RW_MIXER_ATTENTION && mixer != RW_MIXER_SLIDING)
    return 0;
  if (model->kv_lora_rank > 0)
    return (double) model->kv_lora_rank + model->qk_rope_head_dim + model->index_head_dim;
  attention_heads (model, mixer, &d, &n_kv);
  return 2.0 * n_kv * d;
}

double
_rw_model_state_elements (const RwModel *model,
                          RwMixer        mixer,
                          double        *conv)
{
  double d_inner, groups, d_state, kernel;

  if (mixer == RW_MIXER_LINEAR)
    {
      d_inner = (double) model->linear_n_value_heads * model->linear_value_head_dim;
      groups = model->linear_n_key_heads;
      d_state = model->linear_key_head_dim;
      kernel = model->linear_conv_kernel;
    }
  else if (mixer == RW_MIXER_MAMBA)
    {
      d_inner = (double) model->mamba_n_heads * model->mamba_head_dim;
      groups = model->mamba_n_groups;
      d_state = model->ssm_state_size;
      kernel = model->mamba_conv_kernel;
    }
  else
    {
      *conv = 0;
      return 0;
    }
  *conv = MAX (kernel - 1, 0) * (d_inner + 2 * groups * d_state);
  return d_state * d_inner;
}

double
_rw_model_state_bytes_per_layer (const RwModel *model,
                                 RwMixer        mixer)
{
  double conv;
  double ssm = _rw_model_state_elements (model, mixer, &conv);
  double ssm_bytes = model->ssm_state_bytes > 0 ? model->ssm_state_bytes : 4;

  /* llama.cpp keeps the convolution state in F32 whatever the model. */
  return conv * 4 + ssm * ssm_bytes;
}

double
rw_model_embedding_params (const RwModel *model)
{
  double table;

  g_return_val_if_fail (model != NULL, NAN);

  table = (double) model->vocab_size * model->hidden_size;
  return model->tied_embeddings ? table : 2 * table;
}

double
rw_model_layer_params (const RwModel *model,
                       guint          layer)
{
  RwLayer kind;

  g_return_val_if_fail (model != NULL, NAN);
  g_return_val_if_fail (layer < model->n_layers, NAN);

  kind = rw_model_get_layer (model, layer);
  return _rw_model_mixer_params (model, kind.mixer) + _rw_model_ffn_params (model, kind.ffn);
}

double
_rw_model_layers_params (const RwModel       *model,
                         const RwLayerCounts *counts)
{
  double params = 0;

  for (guint m = 0; m < RW_MIXER_N; m++)
    if (counts->mixers[m] > 0)
      params += counts->mixers[m] * _rw_model_mixer_params (model, (RwMixer) m);
  for (guint f = 0; f < RW_FFN_N; f++)
    if (counts->ffns[f] > 0)
      params += counts->ffns[f] * _rw_model_ffn_params (model, (RwFfn) f);
  return params;
}

double
rw_model_total_params (const RwModel *model)
{
  RwLayerCounts all;

  g_return_val_if_fail (model != NULL, NAN);

  if (model->tensors.params > 0)
    return model->tensors.params;
  rw_model_count_layers (model, 0, &all);
  return _rw_model_layers_params (model, &all)
         + rw_model_embedding_params (model)
         + model->hidden_size;  /* final norm */
}

/* Parameters one token passes through: the routed experts count only
 * k of E. The embedding table is included, as Qwen and DeepSeek count it
 * (OpenAI's 3.6 B for gpt-oss-20b leaves it out). */
double
rw_model_active_params (const RwModel *model)
{
  RwLayerCounts all;
  double routed;

  g_return_val_if_fail (model != NULL, NAN);

  if (model->n_experts == 0)
    return rw_model_total_params (model);
  if (model->tensors.params > 0)
    routed = model->tensors.expert_params;
  else
    {
      rw_model_count_layers (model, 0, &all);
      routed = all.ffns[RW_FFN_MOE] * _rw_model_moe_routed_params (model);
    }
  return rw_model_total_params (model)
         - (double) (model->n_experts - model->n_experts_active) / model->n_experts * routed;
}

double
rw_model_kv_elements (const RwModel *model,
                      double         context)
{
  RwLayerCounts all;

  g_return_val_if_fail (model != NULL, NAN);

  rw_model_count_layers (model, 0, &all);
  return _rw_model_kv_elements_per_token (model, RW_MIXER_ATTENTION)
         * all.mixers[RW_MIXER_ATTENTION] * context
         + _rw_model_kv_elements_per_token (model, RW_MIXER_SLIDING)
           * all.mixers[RW_MIXER_SLIDING] * MIN (context, (double) model->sliding_window);
}

double
rw_model_state_bytes (const RwModel *model)
{
  RwLayerCounts all;

  g_return_val_if_fail (model != NULL, NAN);

  rw_model_count_layers (model, 0, &all);
  return all.mixers[RW_MIXER_LINEAR] * _rw_model_state_bytes_per_layer (model, RW_MIXER_LINEAR)
         + all.mixers[RW_MIXER_MAMBA] * _rw_model_state_bytes_per_layer (model, RW_MIXER_MAMBA);
}

/* LoRA adapters (r·(in + out) each) on every attention projection (q, k,
 * v, o; for MLA q_a/q_b, kv_a, kv_b, o) and on gate, up and down of dense
 * MLPs. MoE layers get adapters on attention only, as PEFT recipes for
 * Mixtral/Qwen-MoE/gpt-oss do: one adapter per expert would multiply the
 * trainable count by E. Linear-attention and Mamba2 layers get them on their
 * input and output projections (PEFT's default target_modules for those
 * families: in_proj*, out_proj). */
double
_rw_model_lora_params (const RwModel *model,
                       guint          rank)
{
  RwLayerCounts all;
  double h = model->hidden_size;
  double n_q = model->n_heads;
  double r = rank;
  double attention;
  double mlp;
  double linear = 0, mamba = 0;

  if (model->kv_lora_rank > 0)
    {
      double qk = (double) model->qk_nope_head_dim + model->qk_rope_head_dim;
      double kv_lora = model->kv_lora_rank;

      if (model->q_lora_rank > 0)
        attention = r * (h + model->q_lora_rank) + r * (model->q_lora_rank + n_q * qk);
      else
        attention = r * (h + n_q * qk);
      attention += r * (h + kv_lora + model->qk_rope_head_dim)
                   + r * (kv_lora + n_q * ((double) model->qk_nope_head_dim + model->v_head_dim))
                   + r * (n_q * model->v_head_dim + h);
    }
  else
    {
      double d = _rw_model_head_dim (model);
      double n_kv = model->n_kv_heads;

      attention = r * (h + n_q * d) + 2 * r * (h + n_kv * d) + r * (n_q * d + h);
    }

  rw_model_count_layers (model, 0, &all);
  if (all.mixers[RW_MIXER_LINEAR] > 0)
    {
      double k_dim = (double) model->linear_n_key_heads * model->linear_key_head_dim;
      double v_dim = (double) model->linear_n_value_heads * model->linear_value_head_dim;

      linear = r * (h + 2 * k_dim + 2 * v_dim) + r * (v_dim + h);
    }
  if (all.mixers[RW_MIXER_MAMBA] > 0)
    {
      double d_in = (double) model->mamba_n_heads * model->mamba_head_dim;

      mamba = r * (h + 2 * d_in + 2.0 * model->mamba_n_groups * model->ssm_state_size
                   + model->mamba_n_heads)
              + r * (d_in + h);
    }

  mlp = (model->mlp_ungated ? 2 : 3) * r * (h + model->intermediate_size);
  return (all.mixers[RW_MIXER_ATTENTION] + all.mixers[RW_MIXER_SLIDING]) * attention
         + all.mixers[RW_MIXER_LINEAR] * linear + all.mixers[RW_MIXER_MAMBA] * mamba
         + all.ffns[RW_FFN_DENSE] * mlp;
}
