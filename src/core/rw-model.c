/* rw-model.c: parameter counts and KV-cache size of a transformer
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parameters per layer (h = hidden_size, n_q / n_kv heads, d_h head_dim):
 *   attention  2·h·n_q·d_h + 2·h·n_kv·d_h  (q, o; k, v)
 *              + n_q·d_h + 2·n_kv·d_h + h  with attention_bias (q, k, v, o)
 *   MLA        q  = h·q_lora + q_lora·n_q·(nope + rope)   (or h·n_q·(nope + rope))
 *              kv = h·(kv_lora + rope) + kv_lora·n_q·(nope + v_head_dim)
 *              o  = n_q·v_head_dim·h, + the two latent norms (q_lora + kv_lora)
 *   dense MLP  3·h·d_ff  (gate, up, down)
 *   MoE        E·3·h·d_moe + h·E (router) + n_shared·3·h·d_shared
 *   norms      2·h per layer, h after the last layer
 *   embeddings vocab·h, twice when the output head is untied
 * Small per-family extras (Qwen3 q/k norms, gpt-oss expert biases and
 * attention sinks, Gemma 3's extra norms) are left out: each is < 0.05 % of
 * the total (see tests/core/test-model.c for the checks against llama-bench).
 */
#include <math.h>

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

/* Largest sizes we accept; anything beyond is a typo, not a model. */
#define MAX_LAYERS  4096u
#define MAX_WIDTH   (1u << 20)
#define MAX_HEADS   8192u
#define MAX_VOCAB   (1u << 24)
#define MAX_EXPERTS 65536u

static gboolean
check_range (const RwModel *model,
             const char    *field,
             guint          value,
             guint          min,
             guint          max,
             GError       **error)
{
  if (value >= min && value <= max)
    return TRUE;
  g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
               "model “%s”: field “%s”: %u is outside %u…%u",
               model->id ? model->id : "(unnamed)", field, value, min, max);
  return FALSE;
}

gboolean
rw_model_validate (const RwModel  *model,
                   GError        **error)
{
  const char *id;

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = model->id ? model->id : "(unnamed)";

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
                   "model “%s”: field “head_dim”: absent, and hidden_size %u is "
                   "not a multiple of n_heads %u", id, model->hidden_size, model->n_heads);
      return FALSE;
    }

  if (!check_range (model, "n_dense_layers", model->n_dense_layers, 0, model->n_layers, error))
    return FALSE;
  /* Dense layers need an MLP width: every layer of a dense model, the
   * leading n_dense_layers of an MoE one. */
  if ((model->n_experts == 0 || model->n_dense_layers > 0) &&
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
  else if (model->n_experts_active > 0 || model->n_shared_experts > 0)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                   "model “%s”: field “n_experts”: 0, but experts per token or shared "
                   "experts are set", id);
      return FALSE;
    }

  if (!check_range (model, "n_swa_layers", model->n_swa_layers, 0, model->n_layers, error))
    return FALSE;
  if (model->n_swa_layers > 0 &&
      !check_range (model, "sliding_window", model->sliding_window, 1, G_MAXUINT, error))
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
                       "model “%s”: field “n_swa_layers”: sliding-window layers with "
                       "latent attention (MLA) are not supported", id);
          return FALSE;
        }
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

/* The config gives only how many layers are windowed, not which; spread the
 * full-attention layers evenly (layer i is full when ⌊(i+1)·F/L⌋ > ⌊i·F/L⌋).
 * That reproduces gpt-oss's alternation exactly (odd layers full) and Gemma
 * 3's 5:1 pattern to within one layer; only layer placement depends on it. */
guint
_rw_model_n_full_layers_before (const RwModel *model,
                                guint          n)
{
  guint n_full = model->kv_lora_rank > 0 ? model->n_layers
                                         : model->n_layers - model->n_swa_layers;

  return (guint) (((guint64) n * n_full) / model->n_layers);
}

double
_rw_model_attention_params (const RwModel *model)
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
      double d = _rw_model_head_dim (model);
      double n_kv = model->n_kv_heads;

      params = 2 * h * n_q * d + 2 * h * n_kv * d;
      if (model->attention_bias)
        params += n_q * d + 2 * n_kv * d + h;
    }

  return params + 2 * h;  /* input and post-attention norms */
}

double
_rw_model_dense_mlp_params (const RwModel *model)
{
  return 3.0 * model->hidden_size * model->intermediate_size;
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
  return h * model->n_experts + model->n_shared_experts * 3.0 * h * d_shared;
}

double
_rw_model_moe_routed_params (const RwModel *model)
{
  return (double) model->n_experts * 3.0 * model->hidden_size * model->moe_intermediate_size;
}

double
_rw_model_head_params (const RwModel *model)
{
  return (double) model->vocab_size * model->hidden_size;
}

double
_rw_model_kv_elements_per_token (const RwModel *model)
{
  if (model->kv_lora_rank > 0)
    return (double) model->kv_lora_rank + model->qk_rope_head_dim;
  return 2.0 * model->n_kv_heads * _rw_model_head_dim (model);
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
  double params;

  g_return_val_if_fail (model != NULL, NAN);
  g_return_val_if_fail (layer < model->n_layers, NAN);

  params = _rw_model_attention_params (model);
  if (layer < _rw_model_n_dense_layers (model))
    params += _rw_model_dense_mlp_params (model);
  else
    params += _rw_model_moe_fixed_params (model) + _rw_model_moe_routed_params (model);
  return params;
}

double
rw_model_total_params (const RwModel *model)
{
  guint n_dense;
  guint n_moe;

  g_return_val_if_fail (model != NULL, NAN);

  n_dense = _rw_model_n_dense_layers (model);
  n_moe = model->n_layers - n_dense;
  return model->n_layers * _rw_model_attention_params (model)
         + n_dense * _rw_model_dense_mlp_params (model)
         + n_moe * (_rw_model_moe_fixed_params (model) + _rw_model_moe_routed_params (model))
         + rw_model_embedding_params (model)
         + model->hidden_size;  /* final norm */
}

/* Parameters one token passes through: the routed experts count only
 * k of E. The embedding table is included, as Qwen and DeepSeek count it
 * (OpenAI's 3.6 B for gpt-oss-20b leaves it out). */
double
rw_model_active_params (const RwModel *model)
{
  double routed;

  g_return_val_if_fail (model != NULL, NAN);

  if (model->n_experts == 0)
    return rw_model_total_params (model);
  routed = (model->n_layers - _rw_model_n_dense_layers (model))
           * _rw_model_moe_routed_params (model);
  return rw_model_total_params (model)
         - (double) (model->n_experts - model->n_experts_active) / model->n_experts * routed;
}

double
rw_model_kv_elements (const RwModel *model,
                      double         context)
{
  double per_token;
  double n_full;
  double n_swa;

  g_return_val_if_fail (model != NULL, NAN);

  per_token = _rw_model_kv_elements_per_token (model);
  if (model->kv_lora_rank > 0)
    return per_token * model->n_layers * context;

  n_swa = model->n_swa_layers;
  n_full = (double) model->n_layers - n_swa;
  return per_token * (n_full * context + n_swa * MIN (context, (double) model->sliding_window));
}

/* LoRA adapters (r·(in + out) each) on every attention projection (q, k,
 * v, o; for MLA q_a/q_b, kv_a, kv_b, o) and on gate, up and down of dense
 * MLPs. MoE layers get adapters on attention only, as PEFT recipes for
 * Mixtral/Qwen-MoE/gpt-oss do: one adapter per expert would multiply the
 * trainable count by E. */
double
_rw_model_lora_params (const RwModel *model,
                       guint          rank)
{
  double h = model->hidden_size;
  double n_q = model->n_heads;
  double r = rank;
  double attention;
  double mlp;

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

  mlp = 3 * r * (h + model->intermediate_size);
  return model->n_layers * attention + _rw_model_n_dense_layers (model) * mlp;
}
