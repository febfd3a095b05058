/* rw-model.h: a transformer's architecture and what follows from it
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a layer mixes tokens with. Attention layers grow a KV cache with the
 * context (windowed ones up to the window); linear-attention and Mamba2
 * layers keep a fixed recurrent and convolution state per sequence. */
typedef enum
{
  RW_MIXER_ATTENTION,   /* full causal attention */
  RW_MIXER_SLIDING,     /* attention over the last sliding_window tokens */
  RW_MIXER_LINEAR,      /* linear attention: Gated DeltaNet (Qwen3-Next, Qwen3.5) */
  RW_MIXER_MAMBA,       /* Mamba2 selective state space (Nemotron-H) */
  RW_MIXER_NONE,        /* an MLP-only block (Nemotron-H "-" and "E") */
} RwMixer;
#define RW_MIXER_N (RW_MIXER_NONE + 1)

/* What follows the mixer in a layer. */
typedef enum
{
  RW_FFN_DENSE,
  RW_FFN_MOE,
  RW_FFN_NONE,          /* a mixer-only block (Nemotron-H "M" and "*") */
} RwFfn;
#define RW_FFN_N (RW_FFN_NONE + 1)

typedef struct
{
  guint8  mixer;        /* RwMixer */
  guint8  ffn;          /* RwFfn */
} RwLayer;

/* How many layers of each kind a run of layers holds. */
typedef struct
{
  guint   n;
  guint   mixers[RW_MIXER_N];
  guint   ffns[RW_FFN_N];
} RwLayerCounts;

/* Exact tensor totals of a model read from a GGUF file (rw-gguf.h), by the
 * part of the model they belong to; every field 0 for a model from a
 * config.json. Parameters are elements, bytes as stored. */
typedef struct
{
  guint64   params;          /* every tensor */
  guint64   bytes;
  guint64   embed_params;    /* token_embd: the table the input looks rows up in */
  guint64   embed_bytes;
  guint64   head_params;     /* output head + final norm (0 head when tied) */
  guint64   head_bytes;
  guint64   expert_params;   /* routed experts (ffn_*_exps) */
  guint64   expert_bytes;
  char     *file_type;       /* "Q4_K_M": general.file_type, or the commonest type */
} RwModelTensors;

/* The architecture fields of a decoder-only transformer, as named in the
 * Hugging Face config.json of each family (see rw-hf-config.c for the
 * per-family field names and defaults). Zero means "absent". */
typedef struct
{
  char     *id;
  char     *name;
  char     *family;              /* HF model_type of the text model: "llama", "qwen3_moe" */
  char     *source;              /* URL of the config.json the fields come from */

  guint     n_layers;
  guint     hidden_size;
  guint     n_heads;
  guint     n_kv_heads;
  guint     head_dim;            /* hidden_size / n_heads unless the config says otherwise */
  guint     intermediate_size;   /* dense MLP width */
  guint     vocab_size;
  gboolean  tied_embeddings;
  gboolean  attention_bias;      /* q/k/v/o biases (Qwen2, gpt-oss) */

  /* Mixture of experts. */
  guint     n_experts;           /* routed experts per MoE layer; 0 = dense */
  guint     n_experts_active;    /* experts per token (top-k) */
  guint     n_shared_experts;
  guint     moe_intermediate_size;
  guint     shared_expert_intermediate_size;  /* 0 = moe_intermediate_size */
  guint     n_dense_layers;      /* leading dense layers (DeepSeek first_k_dense_replace) */

  /* Sliding-window attention: n_swa_layers of n_layers attend to at most
   * sliding_window tokens (gpt-oss alternates, Gemma 3 is 5 local : 1 global). */
  guint     sliding_window;
  guint     n_swa_layers;

  /* Multi-head latent attention (DeepSeek V2/V3): the KV cache holds
   * kv_lora_rank + qk_rope_head_dim values per token per layer. */
  guint     kv_lora_rank;
  guint     q_lora_rank;
  guint     qk_rope_head_dim;
  guint     qk_nope_head_dim;
  guint     v_head_dim;

  /* The longest context the model was trained for (config.json
   * max_position_embeddings); 0 when the config does not say. */
  guint     max_position_embeddings;

  /* Per-layer kinds, when a model mixes layer types beyond a leading dense
   * block and evenly spread windowed layers (hybrids: Qwen3-Next, Qwen3.5,
   * Nemotron-H). NULL otherwise; set with rw_model_set_layers(), which also
   * fills layer_counts (n_layers + 1 entries: the counts of layers i…L−1). */
  RwLayer        *layers;
  RwLayerCounts  *layer_counts;

  /* Attention details. */
  gboolean  attention_output_gate;  /* q_proj also yields a sigmoid gate (Qwen3-Next, Qwen3.5) */
  gboolean  mlp_ungated;            /* up + down only (relu², GELU MLPs), not gate + up + down */
  /* Full-attention layers with their own head size (Gemma 4's global
   * layers); 0 = head_dim / n_kv_heads as every layer. */
  guint     full_head_dim;
  guint     full_n_kv_heads;
  gboolean  full_k_eq_v;            /* no V projection on full layers: V is derived from K */
  guint     n_nope_layers;          /* layers without rotary embedding (SmolLM3): no size effect */

  /* Linear attention (Gated DeltaNet). */
  guint     linear_n_key_heads;
  guint     linear_n_value_heads;
  guint     linear_key_head_dim;
  guint     linear_value_head_dim;
  guint     linear_conv_kernel;

  /* Mamba2. */
  guint     mamba_n_heads;
  guint     mamba_head_dim;
  guint     mamba_n_groups;
  guint     mamba_conv_kernel;
  guint     ssm_state_size;
  gboolean  mamba_conv_bias;

  /* Bytes per element of the recurrent (SSM / delta-rule) state a sequence
   * keeps, from mamba_ssm_cache_dtype; 0 = 4 (float32, llama.cpp's). */
  guint     ssm_state_bytes;

  /* DeepSeek V3.2 sparse attention: a lightning indexer scores every cached
   * token with index_n_heads heads of index_head_dim and the attention
   * reads the top index_topk. */
  guint     index_n_heads;
  guint     index_head_dim;
  guint     index_topk;

  /* Exact totals when the model comes from a GGUF file. */
  RwModelTensors tensors;

  /* Counts the publisher states, in parameters; 0 when unknown. Shown next to
   * the computed counts, never silently substituted for them. */
  double    published_total_params;
  double    published_active_params;
} RwModel;

/* Largest sizes a model may have (rw_model_validate); anything beyond is a
 * typo, not a model. The whole is bounded too: RW_BOUND_MAX_MODEL_PARAMS. */
#define RW_MODEL_MAX_LAYERS  4096u
#define RW_MODEL_MAX_WIDTH   (1u << 20)
#define RW_MODEL_MAX_HEADS   8192u
#define RW_MODEL_MAX_VOCAB   (1u << 24)
#define RW_MODEL_MAX_EXPERTS 65536u

#define RW_TYPE_MODEL (rw_model_get_type ())
GType     rw_model_get_type            (void) G_GNUC_CONST;
RwModel  *rw_model_new                 (void);
RwModel  *rw_model_copy                (const RwModel *model);
void      rw_model_free                (RwModel       *model);
gboolean  rw_model_is_moe              (const RwModel *model);
gboolean  rw_model_is_mla              (const RwModel *model);
gboolean  rw_model_validate            (const RwModel *model,
                                        GError       **error);
gboolean  rw_model_is_hybrid           (const RwModel *model);
gboolean  rw_model_has_tensors         (const RwModel *model);

/* Sets the per-layer kinds (@model->n_layers entries, copied) and the
 * counts derived from them; NULL clears them. Also sets n_swa_layers to the
 * number of sliding layers. */
void      rw_model_set_layers          (RwModel       *model,
                                        const RwLayer *layers);
/* The kind of layer @layer: from the per-layer kinds, or for a model
 * without them from n_dense_layers and n_swa_layers. */
RwLayer   rw_model_get_layer           (const RwModel *model,
                                        guint          layer);
/* Counts of layers [@first, n_layers) by kind. */
void      rw_model_count_layers        (const RwModel *model,
                                        guint          first,
                                        RwLayerCounts *counts);

/* Parameter counts (in parameters, not billions). */
double    rw_model_embedding_params    (const RwModel *model);
double    rw_model_layer_params        (const RwModel *model,
                                        guint          layer);
double    rw_model_total_params        (const RwModel *model);
double    rw_model_active_params       (const RwModel *model);

/* KV-cache elements one sequence holds at @context tokens, over all layers:
 * 2 · n_kv · d_h · (L_full · ctx + L_swa · min(ctx, window)), or for MLA
 * (kv_lora_rank + qk_rope_head_dim) · L · ctx. Multiply by bytes per element
 * and by the batch. */
double    rw_model_kv_elements         (const RwModel *model,
                                        double         context);
/* Bytes of recurrent state one sequence keeps, whatever the context: per
 * linear-attention or Mamba2 layer a convolution state of
 * (kernel − 1)·(d_inner + 2·groups·d_state) and a recurrent state of
 * d_state·d_inner values, at ssm_state_bytes each (llama.cpp's
 * n_embd_r() and n_embd_s()). 0 for a transformer. */
double    rw_model_state_bytes         (const RwModel *model);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwModel, rw_model_free)

G_END_DECLS
