/* rw-workload.c: what the user wants to run, and checking it
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "rw-bounds.h"
#include "rw-error.h"
#include "rw-workload.h"

/* A catalog format's bits per weight (an override is bounded by
 * RW_BOUND_BITS_PER_WEIGHT); ubatch has no option of its own yet. */
#define MAX_FORMAT_BITS 64.0
#define MAX_UBATCH      (1u << 24)

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

/* A value against its row of the bounds table, named as @naming names it. */
static gboolean
check_bound (GError   **error,
             RwBound    bound,
             RwNaming   naming,
             double     value)
{
  g_autofree char *range = NULL;
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (rw_bound_contains (bound, value))
    return TRUE;
  range = rw_bound_describe (bound);
  if (isnan (value))
    return invalid (error, rw_bound_name (bound, naming), "not a number");
  g_ascii_formatd (text, sizeof text, "%.15g", value);
  g_set_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE,
               "%s: %s is out of range (%s)", rw_bound_name (bound, naming), text, range);
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
        format->bits_per_weight <= MAX_FORMAT_BITS) ||
      !(format->expert_bits_per_weight >= 0 && format->expert_bits_per_weight <= MAX_FORMAT_BITS) ||
      !(format->head_bits_per_weight >= 0 && format->head_bits_per_weight <= MAX_FORMAT_BITS))
    {
      g_set_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE,
                   "%s format “%s”: bits per weight must be within 0…%g", role,
                   format->id ? format->id : "(unnamed)", MAX_FORMAT_BITS);
      return FALSE;
    }
  return TRUE;
}

gboolean
rw_workload_validate (const RwWorkload  *workload,
                      GError           **error)
{
  return rw_workload_validate_named (workload, RW_NAMING_CORE, error);
}

gboolean
rw_workload_validate_named (const RwWorkload  *workload,
                            RwNaming           naming,
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
      !check_bound (error, RW_BOUND_BITS_PER_WEIGHT, naming, workload->bits_per_weight_override))
    return FALSE;

  if ((guint) workload->mode >= RW_MODE_N)
    return invalid (error, "mode", "unknown");

  if (workload->api < -1 || workload->api >= RW_API_N)
    return invalid (error, "api", "unknown compute API");
  if (!check_bound (error, RW_BOUND_CONTEXT, naming, workload->context) ||
      !check_bound (error, RW_BOUND_DEPTH, naming, workload->depth) ||
      !check_bound (error, RW_BOUND_PROMPT, naming, workload->prompt) ||
      !check_bound (error, RW_BOUND_BATCH, naming, workload->batch))
    return FALSE;
  if (workload->ubatch > MAX_UBATCH)
    {
      g_set_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE,
                   "ubatch: %u is out of range (0 to %u)", workload->ubatch, MAX_UBATCH);
      return FALSE;
    }
  /* Speed at a depth the KV cache cannot hold is no figure at all: it had
   * "fit" with a 0.1 GB cache, decoding from 16 M cached tokens. */
  if (workload->depth > workload->context)
    {
      g_set_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE,
                   "%s: %u is more than %s (%u)", rw_bound_name (RW_BOUND_DEPTH, naming),
                   workload->depth, rw_bound_name (RW_BOUND_CONTEXT, naming), workload->context);
      return FALSE;
    }

  if (workload->mode != RW_MODE_INFERENCE)
    {
      if ((guint) workload->optimizer > RW_OPTIMIZER_SGD)
        return invalid (error, "optimizer", "unknown");
      if (!check_bound (error, RW_BOUND_SEQ_LEN, naming, workload->seq_len) ||
          !check_bound (error, RW_BOUND_MICRO_BATCH, naming, workload->micro_batch))
        return FALSE;
      if (workload->mode == RW_MODE_LORA || workload->mode == RW_MODE_QLORA)
        {
          if (!check_bound (error, RW_BOUND_LORA_RANK, naming, workload->lora_rank))
            return FALSE;
          /* An adapter wider than the layer it adapts is no low-rank one. */
          if (workload->lora_rank > workload->model->hidden_size)
            {
              g_set_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE,
                           "%s: %u is more than the model's hidden size (%u)",
                           rw_bound_name (RW_BOUND_LORA_RANK, naming), workload->lora_rank,
                           workload->model->hidden_size);
              return FALSE;
            }
        }
    }

  if (!check_bound (error, RW_BOUND_ELECTRICITY_PRICE, naming, workload->electricity_price) ||
      !check_bound (error, RW_BOUND_HOURS_PER_DAY, naming, workload->hours_per_day) ||
      !check_bound (error, RW_BOUND_YEARS, naming, workload->years))
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
