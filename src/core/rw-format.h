/* rw-format.h: weight and KV-cache number formats
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rw-types.h"

G_BEGIN_DECLS

/* A storage format for weights and/or the KV cache. bits_per_weight is the
 * whole-file average as it sits in memory: for ggml block formats the real
 * block layout (Q4_0: 18 bytes per 32 weights = 4.5 bpw), for K-quant mixes
 * (Q4_K_M) the measured file average, since they keep some tensors at higher
 * precision. */
typedef struct
{
  char        *id;               /* lower case: "bf16", "q4_k_m", … */
  char        *name;             /* display name: "Q4_K_M" */
  char        *description;
  double       bits_per_weight;
  /* > 0 for MoE file mixes (llama.cpp MXFP4_MOE): routed-expert tensors use
   * this, everything else bits_per_weight. */
  double       expert_bits_per_weight;
  /* > 0 where the output head (or, with tied embeddings, the token table
   * that serves as the head) is stored wider than the rest: llama-quantize
   * gives output.weight Q6_K for every ftype but Q8_0, MXFP4_MOE and the
   * IQ1/IQ2 ones (src/llama-quant.cpp, llama_tensor_get_type_impl). Only
   * formats whose bits_per_weight is a block layout need it; a K-quant's
   * measured file average already includes its Q6_K head. */
  double       head_bits_per_weight;
  gboolean     for_weights;
  gboolean     for_kv;
  /* The tensor-core precision prefill and training run at with weights in
   * this format; falls back to wider precisions where a peak is unpublished. */
  RwPrecision  compute_precision;
  /* The routed experts' precision in an MoE mix (MXFP4_MOE: fp4 experts,
   * Q8_0 elsewhere); compute_precision when the format is not a mix. */
  RwPrecision  expert_compute_precision;
  char        *source;           /* URL of the block layout or measured bpw */
  /* A model file's own mix (a GGUF's tensors as stored): the estimate takes
   * the file's exact bytes where its model knows them (RwModel.tensors);
   * bits_per_weight is then their average, for display. */
  gboolean     from_file;
} RwFormat;

#define RW_TYPE_FORMAT (rw_format_get_type ())
GType      rw_format_get_type        (void) G_GNUC_CONST;
RwFormat  *rw_format_new             (void);
RwFormat  *rw_format_copy            (const RwFormat *format);
void       rw_format_free            (RwFormat       *format);
double     rw_format_bytes_per_weight (const RwFormat *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwFormat, rw_format_free)

G_END_DECLS
