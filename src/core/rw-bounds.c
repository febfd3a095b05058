/* rw-bounds.c: the one table of bounds on every workload input
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rw-bounds.h"

/* 16 Mi tokens: the largest published context window is 10 M (Llama 4
 * Scout). A batch of 4096 sequences is beyond any single machine. The
 * bits per weight span sub-1-bit vector codebooks (≈ 0.55 bpw, STBLLM
 * 2024) to fp32. A kWh costs about 0.15 USD but 2 000–3 000 VND or IDR, so
 * 10 000 units of the system's currency bounds every currency Rigwise
 * knows. LoRA ranks are also bounded by the model's hidden size (the core
 * checks that). */
static const RwBoundInfo bounds[RW_BOUND_N] = {
  [RW_BOUND_CONTEXT] = { "context", "--context", "workload.context", 1, FALSE, 16777216, TRUE, "tokens" },
  [RW_BOUND_DEPTH] = { "depth", "--depth", "workload.depth", 0, FALSE, 16777216, TRUE, "tokens, at most the context" },
  [RW_BOUND_PROMPT] = { "prompt", "--prompt", "workload.prompt", 1, FALSE, 16777216, TRUE, "tokens" },
  [RW_BOUND_BATCH] = { "batch", "--batch", "workload.batch", 1, FALSE, 4096, TRUE, "sequences" },
  [RW_BOUND_SEQ_LEN] = { "sequence length", "--seq-len", "workload.training.seq_len", 1, FALSE, 16777216, TRUE, "tokens" },
  [RW_BOUND_MICRO_BATCH] = { "micro-batch", "--micro-batch", "workload.training.micro_batch", 1, FALSE, 4096, TRUE, "sequences" },
  [RW_BOUND_LORA_RANK] = { "LoRA rank", "--lora-rank", "workload.training.lora_rank", 1, FALSE, 65536, TRUE, "at most the hidden size" },
  [RW_BOUND_BITS_PER_WEIGHT] = { "bits per weight", "--bits-per-weight", "workload.bits_per_weight", 0.5, FALSE, 32, FALSE, "bits" },
  [RW_BOUND_ELECTRICITY_PRICE] = { "electricity price", "--electricity-price", "workload.cost.electricity_price", 0, FALSE, 10000, FALSE, "the system's currency per kWh" },
  [RW_BOUND_HOURS_PER_DAY] = { "hours per day", "--hours-per-day", "workload.cost.hours_per_day", 0, FALSE, 24, FALSE, "hours" },
  [RW_BOUND_YEARS] = { "years", "--years", "workload.cost.years", 0, TRUE, 100, FALSE, "years" },
  [RW_BOUND_PARAMS] = { "parameters", "--params", NULL, 0, TRUE, 100000, FALSE, "billion parameters" },
  [RW_BOUND_ACTIVE_PARAMS] = { "active parameters", "--active-params", NULL, 0, TRUE, 100000, FALSE, "billion parameters, at most --params" },
};

const RwBoundInfo *
rw_bound_get (RwBound bound)
{
  g_return_val_if_fail ((guint) bound < RW_BOUND_N, NULL);
  return &bounds[bound];
}

const char *
rw_bound_name (RwBound  bound,
               RwNaming naming)
{
  const RwBoundInfo *info = rw_bound_get (bound);

  g_return_val_if_fail (info != NULL, NULL);
  switch (naming)
    {
    case RW_NAMING_CLI:
      return info->option;
    case RW_NAMING_SCENARIO:
      return info->field != NULL ? info->field : info->core;
    case RW_NAMING_CORE:
    default:
      return info->core;
    }
}

gboolean
rw_bound_contains (RwBound bound,
                   double  value)
{
  const RwBoundInfo *info = rw_bound_get (bound);

  g_return_val_if_fail (info != NULL, FALSE);
  /* NaN fails every comparison, so it is never inside. */
  if (info->min_open ? !(value > info->min) : !(value >= info->min))
    return FALSE;
  return value <= info->max;
}

char *
rw_bound_describe (RwBound bound)
{
  const RwBoundInfo *info = rw_bound_get (bound);

  char min[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (info != NULL, NULL);
  /* Plain digits whatever the locale: 16777216, not 1.67772e+07. */
  g_ascii_formatd (min, sizeof min, "%.15g", info->min);
  g_ascii_formatd (max, sizeof max, "%.15g", info->max);
  return g_strdup_printf ("%s%s to %s", info->min_open ? "above " : "", min, max);
}
