/* rw-workload.h: what the user wants to run
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rw-bounds.h"
#include "rw-format.h"
#include "rw-model.h"
#include "rw-types.h"

G_BEGIN_DECLS

typedef enum
{
  RW_OPTIMIZER_ADAMW,         /* fp32 master weights + two fp32 moments: 12 bytes/param */
  RW_OPTIMIZER_ADAMW_8BIT,    /* fp32 master + two 8-bit moments: 6 bytes/param */
  RW_OPTIMIZER_SGD,           /* fp32 master + momentum: 8 bytes/param */
} RwOptimizer;

/* A workload references a model and formats it does not own; the catalog
 * (or the caller) keeps them alive. All sizes are in tokens. */
typedef struct
{
  const RwModel   *model;
  const RwFormat  *weights;     /* weight storage format */
  const RwFormat  *kv;          /* KV-cache format */
  double           bits_per_weight_override; /* > 0 replaces weights->bits_per_weight */

  RwMode           mode;
  guint            context;     /* KV cache sized for this many tokens (memory) */
  guint            depth;       /* tokens already cached when speed is measured (llama-bench -d) */
  guint            prompt;      /* prefill length (llama-bench -p) */
  guint            batch;       /* concurrent sequences (inference) */

  /* Training (LoRA, QLoRA, full). */
  RwOptimizer      optimizer;
  guint            seq_len;
  guint            micro_batch;
  guint            lora_rank;
  gboolean         grad_checkpointing;

  const char      *runtime;     /* "llama.cpp" */
  /* The compute API (RwApi) the runtime uses, -1 for the system's default
   * (Strix Halo runs llama.cpp on Vulkan or ROCm). */
  int              api;
  guint            ubatch;      /* prefill's physical batch (llama-bench -ub); 0: the backend's */

  /* Cost inputs. */
  double           electricity_price;  /* currency per kWh */
  double           hours_per_day;
  double           years;
} RwWorkload;

/* Fills in the defaults: inference, context 8192, depth 0, prompt 512,
 * batch 1, AdamW, seq_len 2048, micro_batch 1, rank 16, checkpointing on,
 * llama.cpp, $0.15/kWh, 8 h/day, 3 years. Model and formats stay NULL. */
void      rw_workload_init      (RwWorkload        *workload);
/* Every value within its bound (rw-bounds.h), the depth within the
 * context and a LoRA rank within the hidden size. Errors name the value as
 * the core does ("context: 0 is out of range (1 to 16777216)"); the _named
 * variant as the command line ("--context") or a scenario
 * ("workload.context") does. */
gboolean  rw_workload_validate  (const RwWorkload  *workload,
                                 GError           **error);
gboolean  rw_workload_validate_named (const RwWorkload *workload,
                                      RwNaming          naming,
                                      GError          **error);
double    rw_workload_weight_bits (const RwWorkload *workload);
const char *rw_optimizer_to_string (RwOptimizer optimizer);
gboolean  rw_optimizer_from_string (const char *str,
                                    RwOptimizer *optimizer);

G_END_DECLS
