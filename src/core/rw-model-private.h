/* rw-model-private.h: the parts of a model's parameter count the estimator
 * needs separately (weights by kind, layers by kind)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-model.h"

G_BEGIN_DECLS

/* The head dimension: head_dim, or hidden_size / n_heads when absent. */
guint   _rw_model_head_dim              (const RwModel *model);
/* Leading layers with a dense MLP: all of them for a dense model. */
guint   _rw_model_n_dense_layers        (const RwModel *model);
/* Full-attention layers among the first @n (the rest use the sliding window). */
guint   _rw_model_n_full_layers_before  (const RwModel *model,
                                         guint          n);

/* Parameters of one layer by part (all in parameters). */
double  _rw_model_attention_params      (const RwModel *model);  /* + the layer's norms */
double  _rw_model_dense_mlp_params      (const RwModel *model);
double  _rw_model_moe_fixed_params      (const RwModel *model);  /* router + shared experts */
double  _rw_model_moe_routed_params     (const RwModel *model);  /* all routed experts */
/* The output head: vocab · h (the tied embedding table doubles as it). */
double  _rw_model_head_params           (const RwModel *model);

/* KV-cache elements one full-attention layer holds per token. */
double  _rw_model_kv_elements_per_token (const RwModel *model);

/* Trainable LoRA parameters at @rank (see rw-model.c for which matrices). */
double  _rw_model_lora_params           (const RwModel *model,
                                         guint          rank);

G_END_DECLS
