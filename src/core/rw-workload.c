/* rw-workload.c: what the user wants to run, and checking it
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "rw-error.h"
#include "rw-workload.h"

/* Beyond these, a value is a typo rather than a plan. */
#define MAX_TOKENS      (1u << 24)   /* 16.8 M tokens of context, depth or prompt */
#define MAX_BATCH       4096u
#define MAX_LORA_RANK   65536u
#define MAX_BITS        64.0
#define MAX_YEARS       100.0
#define MAX_PRICE_KWH   100.0

static const char * const optimizer_names[] = { "adamw", "adamw-8bit", "sgd" };

void
rw_workload_init (RwWorkload *workload)
{
  g_return_if_fail (workload != NULL);

  *workload = (RwWorkload) {
    .model = NULL,
    .weights = NULL,
    .kv = NULL,
    .bits_per_weight_override = 0,
    .mode = RW_MODE_INFERENCE,
    .context = 8192,
    .depth = 0,
    .prompt = 512,
    .batch = 1,
    .optimizer = RW_OPTIMIZER_ADAMW,
    .seq_len = 2048,
    .micro_batch = 1,
    .lora_rank = 16,
    .grad_checkpointing = TRUE,
    .runtime = "llama.cpp",
    .api = -1,
    .ubatch = 0,
    .electricity_price = 0.15,
    .hours_per_day = 8,
    .years = 3,
  };
}

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *problem)
{
  g_set_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE,
               "%s: %s", field, problem);
  return FALSE;
}

static gboolean
check_count (GError     **error,
             const char  *field,
             guint        value,
             guint        min,
             guint        max)
{
  if (value >= min && value <= max)
    return TRUE;
  g_set_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE,
               "%s: %u is outside %u…%u", field, value, min, max);
  return FALSE;
}

/* A finite amount within [min, max]. */
static gboolean
check_amount (GError     **error,
              const char  *field,
              double       value,
              double       min,
              double       max)
{
  if (isnan (value))
    return invalid (error, field, "not a number");
  if (value >= min && value <= max)
    return TRUE;
  g_set_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE,
               "%s: %g is outside %g…%g", field, value, min, max);
  return FALSE;
}

static gboolean
check_format (GError         **error,
              const char      *role,
              const RwFormat  *format,
              gboolean         usable)
{
  if (format == NULL)
    {
      g_set_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_UNKNOWN_FORMAT,
                   "%s format: none given", role);
      return FALSE;
    }
  if (!usable)
    {
      g_set_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_UNSUPPORTED,
                   "%s format “%s” cannot store %s", role,
                   format->id ? format->id : "(unnamed)",
                   g_str_equal (role, "weight") ? "weights" : "the KV cache");
      return FALSE;
    }
  if (!(isfinite (format->bits_per_weight) && format->bits_per_weight > 0 &&
        format->bits_per_weight <= MAX_BITS) ||
      !(format->expert_bits_per_weight >= 0 && format->expert_bits_per_weight <= MAX_BITS) ||
      !(format->head_bits_per_weight >= 0 && format->head_bits_per_weight <= MAX_BITS))
    {
      g_set_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE,
                   "%s format “%s”: bits per weight must be within 0…%g", role,
                   format->id ? format->id : "(unnamed)", MAX_BITS);
      return FALSE;
    }
  return TRUE;
}

gboolean
rw_workload_validate (const RwWorkload  *workload,
                      GError           **error)
{
  g_autoptr(GError) model_error = NULL;

  g_return_val_if_fail (workload != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (workload->model == NULL)
    return invalid (error, "model", "none given");
  /* Only allocates when the model is broken: the hot path stays clean. */
  if (!rw_model_validate (workload->model, &model_error))
    return invalid (error, "model", model_error->message);

  if (!check_format (error, "weight", workload->weights,
                     workload->weights != NULL && workload->weights->for_weights) ||
      !check_format (error, "KV-cache", workload->kv,
                     workload->kv != NULL && workload->kv->for_kv))
    return FALSE;

  /* 0 means "use the format's"; otherwise a real number of bits. */
  if (workload->bits_per_weight_override != 0 &&
      !check_amount (error, "bits per weight", workload->bits_per_weight_override,
                     0.5, MAX_BITS))
    return FALSE;

  if ((guint) workload->mode >= RW_MODE_N)
    return invalid (error, "mode", "unknown");

  if (workload->api < -1 || workload->api >= RW_API_N)
    return invalid (error, "api", "unknown compute API");
  if (!check_count (error, "context", workload->context, 1, MAX_TOKENS) ||
      !check_count (error, "depth", workload->depth, 0, MAX_TOKENS) ||
      !check_count (error, "prompt", workload->prompt, 1, MAX_TOKENS) ||
      !check_count (error, "batch", workload->batch, 1, MAX_BATCH) ||
      !check_count (error, "ubatch", workload->ubatch, 0, MAX_TOKENS))
    return FALSE;

  if (workload->mode != RW_MODE_INFERENCE)
    {
      if ((guint) workload->optimizer > RW_OPTIMIZER_SGD)
        return invalid (error, "optimizer", "unknown");
      if (!check_count (error, "sequence length", workload->seq_len, 1, MAX_TOKENS) ||
          !check_count (error, "micro-batch", workload->micro_batch, 1, MAX_BATCH))
        return FALSE;
      if ((workload->mode == RW_MODE_LORA || workload->mode == RW_MODE_QLORA) &&
          !check_count (error, "LoRA rank", workload->lora_rank, 1,
                        MIN (MAX_LORA_RANK, workload->model->hidden_size)))
        return FALSE;
    }

  if (!check_amount (error, "electricity price", workload->electricity_price, 0, MAX_PRICE_KWH) ||
      !check_amount (error, "hours per day", workload->hours_per_day, 0, 24) ||
      !check_amount (error, "years", workload->years, 0, MAX_YEARS))
    return FALSE;

  return TRUE;
}

/* Bits per weight of the non-expert tensors: the override, or the format's. */
double
rw_workload_weight_bits (const RwWorkload *workload)
{
  g_return_val_if_fail (workload != NULL, NAN);

  if (workload->bits_per_weight_override > 0)
    return workload->bits_per_weight_override;
  g_return_val_if_fail (workload->weights != NULL, NAN);
  return workload->weights->bits_per_weight;
}

const char *
rw_optimizer_to_string (RwOptimizer optimizer)
{
  g_return_val_if_fail ((guint) optimizer < G_N_ELEMENTS (optimizer_names), NULL);
  return optimizer_names[optimizer];
}

gboolean
rw_optimizer_from_string (const char  *str,
                          RwOptimizer *optimizer)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (optimizer_names); i++)
    {
      if (g_str_equal (optimizer_names[i], str))
        {
          *optimizer = (RwOptimizer) i;
          return TRUE;
        }
    }
  return FALSE;
}
