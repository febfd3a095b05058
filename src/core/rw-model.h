/* rw-model.h: a transformer's architecture and what follows from it
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

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

  /* Counts the publisher states, in parameters; 0 when unknown. Shown next to
   * the computed counts, never silently substituted for them. */
  double    published_total_params;
  double    published_active_params;
} RwModel;

#define RW_TYPE_MODEL (rw_model_get_type ())
GType     rw_model_get_type            (void) G_GNUC_CONST;
RwModel  *rw_model_new                 (void);
RwModel  *rw_model_copy                (const RwModel *model);
void      rw_model_free                (RwModel       *model);
gboolean  rw_model_is_moe              (const RwModel *model);
gboolean  rw_model_is_mla              (const RwModel *model);
gboolean  rw_model_validate            (const RwModel *model,
                                        GError       **error);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwModel, rw_model_free)

G_END_DECLS
