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
/* Leading layers with a dense MLP: all of them for a dense model (without
 * per-layer kinds). */
guint   _rw_model_n_dense_layers        (const RwModel *model);

/* Parameters of one layer's parts (all in parameters); each part but
 * RW_MIXER_NONE / RW_FFN_NONE includes its pre-norm. */
double  _rw_model_mixer_params          (const RwModel *model,
                                         RwMixer        mixer);
double  _rw_model_ffn_params            (const RwModel *model,
                                         RwFfn          ffn);
double  _rw_model_dense_mlp_params      (const RwModel *model);
double  _rw_model_moe_fixed_params      (const RwModel *model);  /* router + shared experts */
double  _rw_model_moe_routed_params     (const RwModel *model);  /* all routed experts */
/* Every layer of @counts, from the parts above. */
double  _rw_model_layers_params         (const RwModel       *model,
                                         const RwLayerCounts *counts);
/* The output head: vocab · h (the tied embedding table doubles as it). */
double  _rw_model_head_params           (const RwModel *model);

/* KV-cache elements one attention layer of @mixer holds per token (0 for
 * the other kinds). */
double  _rw_model_kv_elements_per_token (const RwModel *model,
                                         RwMixer        mixer);
/* A recurrent layer's state per sequence: returns the SSM / delta-rule
 * state's elements and sets @conv to the convolution state's. */
double  _rw_model_state_elements        (const RwModel *model,
                                         RwMixer        mixer,
                                         double        *conv);
double  _rw_model_state_bytes_per_layer (const RwModel *model,
                                         RwMixer        mixer);

/* Trainable LoRA parameters at @rank (see rw-model.c for which matrices). */
double  _rw_model_lora_params           (const RwModel *model,
                                         guint          rank);

G_END_DECLS
