/* rw-backend.h: a runtime's kernels on one compute API, and how fast they go
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The speed model (rw-speed.c) is physics plus a few constants per
 * runtime and API, not per machine: a backend says which kernel each
 * weight format runs on and what fraction of a device's published peaks
 * (bandwidth, dense tensor rates) those kernels reach, plus the fixed
 * costs of a decode step. A system names the APIs its accelerator has;
 * rw_system_get_backend() picks the runtime's backend for one of them.
 *
 * Backends live in the catalog's "backends" section
 * (data/catalog/backends.json), keyed "RUNTIME/API" ("llama.cpp/cuda"); a
 * user catalog may override one by id. Another runtime (vLLM, SGLang,
 * Ollama, MLX) adds its own entries with the same fields; the fields a
 * runtime does not need keep their defaults.
 */
#pragma once

#include <glib-object.h>

#include "rw-format.h"
#include "rw-types.h"

G_BEGIN_DECLS

/* The matrix-multiply kernel family prefill runs a tensor on, and with it
 * the peak its efficiency is a fraction of. */
typedef enum
{
  /* Quantised weights × int8-quantised activations on int8 tensor cores:
   * llama.cpp's MMQ (CUDA since PR #7676; ROCm MFMA/WMMA); INT8 peak. */
  RW_KERNEL_INT8_MMA,
  /* FP4 block formats on FP4 tensor cores (Blackwell m16n8k64: MXFP4 in
   * llama.cpp PR #17906, NVFP4); dense FP4 peak. */
  RW_KERNEL_FP4_MMA,
  /* FP16/BF16 GEMM (cuBLAS, rocBLAS) or weights dequantised to FP16 for
   * cooperative-matrix shaders (Vulkan); dense FP16 peak. */
  RW_KERNEL_FP16_MMA,
  /* Shader ALUs: Metal's simdgroup matrices run FP16 at the FP32 rate on
   * Apple GPUs, as do GPUs without matrix units; FP32 peak. */
  RW_KERNEL_ALU,
} RwKernel;
#define RW_KERNEL_N (RW_KERNEL_ALU + 1)

typedef struct
{
  char    *id;          /* "llama.cpp/cuda" */
  char    *runtime;     /* "llama.cpp" */
  RwApi    api;
  char    *name;        /* "llama.cpp on CUDA" */

  /* Decode: a step reads the weights it touches and every sequence's KV
   * cache, then pays fixed costs, then (more than one sequence) the
   * matrix work of the extra tokens. */
  double   weight_bandwidth;  /* fraction of device bandwidth streaming weights */
  double   kv_bandwidth;      /* fraction of device bandwidth reading the KV cache */
  double   layer_time;        /* s per layer and step: launches, syncs, small kernels */
  double   moe_layer_time;    /* s more per MoE layer: router, top-k, expert ids */
  double   step_time;         /* s per step: sampling, graph launch */
  /* B tokens of a step touch the routed experts B^expert_spread
   * independent tokens would (1: independent; real routing overlaps). */
  double   expert_spread;
  double   vector_compute;    /* fraction of the kernel's peak at 2–8 tokens (mat-vec kernels) */
  double   batch_compute;     /* … at more than 8 tokens a step */

  /* Prefill: FLOPs over the kernel's peak × its efficiency. */
  double   matmul[RW_KERNEL_N];  /* fraction of peak; 0 = the backend has no such kernel */
  /* Grouped expert GEMMs of m tokens per expert run at
   * m / (m + moe_half_tokens) of the dense efficiency. */
  double   moe_half_tokens;
  double   attention;         /* FlashAttention: fraction of the FP16 peak (ALU backends: FP32) */
  guint    ubatch;            /* physical batch in tokens (llama.cpp -ub, default 512) */

  guint    n_rows;            /* measured rows it was calibrated on (0: not calibrated) */
  char    *source;            /* how it was calibrated */
} RwBackend;

#define RW_TYPE_BACKEND (rw_backend_get_type ())
GType       rw_backend_get_type     (void) G_GNUC_CONST;
/* Reference counted like RwSystem: systems share their catalog's backends. */
RwBackend  *rw_backend_new          (void);
RwBackend  *rw_backend_ref          (RwBackend       *backend);
void        rw_backend_unref        (RwBackend       *backend);
RwBackend  *rw_backend_copy         (const RwBackend *backend);
gboolean    rw_backend_validate     (const RwBackend *backend,
                                     GError         **error);

/* "RUNTIME/API", newly allocated. */
char       *rw_backend_make_id      (const char      *runtime,
                                     RwApi            api);

const char *rw_kernel_to_string     (RwKernel         kernel);
gboolean    rw_kernel_from_string   (const char      *str,
                                     RwKernel        *kernel);
/* The precision whose peak a kernel is measured against. */
RwPrecision rw_kernel_precision     (RwKernel         kernel);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwBackend, rw_backend_unref)

G_END_DECLS
