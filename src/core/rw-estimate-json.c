/* rw-estimate-json.c: workloads and estimates as JSON
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "rw-answer.h"
#include "rw-estimate-json.h"
#include "rw-json.h"
#include "rw-limits.h"

/* A figure that does not apply is NAN in the core and null in JSON, so
 * that a script never mistakes it for a measured zero. */
static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Bytes are whole numbers: round, and keep null for unknown. Beyond 2^63
 * (a workload no machine holds) a gint64 would wrap to a negative count:
 * such a count stays a double, still a whole number in exponent form. */
static void
add_bytes (JsonBuilder *builder,
           const char  *name,
           double       bytes)
{
  json_builder_set_member_name (builder, name);
  if (!isfinite (bytes))
    json_builder_add_null_value (builder);
  else if (fabs (bytes) < 0x1p63)
    json_builder_add_int_value (builder, (gint64) llround (bytes));
  else
    json_builder_add_double_value (builder, round (bytes));
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
rw_workload_to_json_builder (JsonBuilder      *builder,
                             const RwWorkload *workload)
{
  const RwModel *model = workload->model;

  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "model");
  if (model != NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "id", model->id);
      add_string (builder, "name", model->name);
      add_double (builder, "total_params", rw_model_total_params (model));
      add_double (builder, "active_params", rw_model_active_params (model));
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  add_string (builder, "weights", workload->weights != NULL ? workload->weights->id : NULL);
  /* A GGUF file's own mix ("weights": "gguf"): which one it is. */
  if (workload->weights != NULL && workload->weights->from_file &&
      workload->model != NULL && workload->model->tensors.file_type != NULL)
    add_string (builder, "weights_file_type", workload->model->tensors.file_type);
  add_double (builder, "bits_per_weight",
              workload->weights != NULL ? rw_workload_weight_bits (workload) : NAN);
  /* MoE file mixes keep the routed experts at their own width. */
  if (workload->weights != NULL && workload->weights->expert_bits_per_weight > 0
      && !(workload->bits_per_weight_override > 0))
    add_double (builder, "expert_bits_per_weight", workload->weights->expert_bits_per_weight);
  add_string (builder, "kv", workload->kv != NULL ? workload->kv->id : NULL);
  add_string (builder, "mode", rw_mode_to_string (workload->mode));
  add_int (builder, "context", workload->context);
  add_int (builder, "depth", workload->depth);
  add_int (builder, "prompt", workload->prompt);
  add_int (builder, "batch", workload->batch);
  add_string (builder, "runtime", workload->runtime);

  /* Training inputs only mean something when training. */
  if (workload->mode != RW_MODE_INFERENCE)
    {
      add_string (builder, "optimizer", rw_optimizer_to_string (workload->optimizer));
      add_int (builder, "seq_len", workload->seq_len);
      add_int (builder, "micro_batch", workload->micro_batch);
      if (workload->mode != RW_MODE_FULL)
        add_int (builder, "lora_rank", workload->lora_rank);
      json_builder_set_member_name (builder, "grad_checkpointing");
      json_builder_add_boolean_value (builder, workload->grad_checkpointing);
    }

  add_double (builder, "electricity_price", workload->electricity_price);
  add_double (builder, "hours_per_day", workload->hours_per_day);
  add_double (builder, "years", workload->years);

  json_builder_end_object (builder);
}

/* "break_even_hours": for an owned system, an object with a member per
 * compared cloud system (null where renting never costs more or a figure
 * is unknown); null for a cloud system. */
static void
add_break_evens (JsonBuilder      *builder,
                 const RwEstimate *estimate,
                 const RwEstimate *compared,
                 guint             n_compared,
                 const RwWorkload *workload)
{
  json_builder_set_member_name (builder, "break_even_hours");
  if (rw_system_is_cloud (estimate->system))
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_compared; i++)
    if (rw_system_is_cloud (compared[i].system))
      add_double (builder, compared[i].system->id,
                  rw_estimate_break_even_hours (estimate, &compared[i], workload));
  json_builder_end_object (builder);
}

static void
estimate_to_json (JsonBuilder      *builder,
                  const RwEstimate *estimate,
                  const RwEstimate *compared,
                  guint             n_compared,
                  const RwWorkload *workload)
{
  const RwSystem *system = estimate->system;
  const RwMemoryBreakdown *mem = &estimate->memory;

  json_builder_begin_object (builder);
  add_string (builder, "system", system->id);
  add_string (builder, "name", system->name);
  add_string (builder, "kind", rw_system_kind_to_string (system->kind));
  add_string (builder, "fit", rw_fit_to_string (estimate->fit));

  json_builder_set_member_name (builder, "memory");
  json_builder_begin_object (builder);
  add_bytes (builder, "weights_bytes", mem->weights);
  add_bytes (builder, "kv_cache_bytes", mem->kv_cache);
  add_bytes (builder, "activations_bytes", mem->activations);
  add_bytes (builder, "gradients_bytes", mem->gradients);
  add_bytes (builder, "optimizer_bytes", mem->optimizer);
  add_bytes (builder, "overhead_bytes", mem->overhead);
  add_bytes (builder, "total_bytes", mem->total);
  add_bytes (builder, "capacity_bytes", mem->capacity);
  add_bytes (builder, "device_capacity_bytes", mem->device_capacity);
  add_bytes (builder, "spill_bytes", mem->spill);
  add_bytes (builder, "state_bytes", mem->state);
  json_builder_end_object (builder);

  add_int (builder, "layers_on_device", estimate->layers_on_device);
  add_int (builder, "layers_on_host", estimate->layers_on_host);
  add_string (builder, "placement", rw_placement_to_string (estimate->placement));
  add_int (builder, "cpu_moe_layers", estimate->cpu_moe_layers);
  add_string (builder, "backend", estimate->backend != NULL ? estimate->backend->id : NULL);
  add_double (builder, "decode_tok_s", estimate->decode_tok_s);
  add_double (builder, "decode_tok_s_total", estimate->decode_tok_s_total);
  add_double (builder, "prefill_tok_s", estimate->prefill_tok_s);
  add_double (builder, "ttft_s", estimate->ttft_s);
  add_double (builder, "train_tok_s", estimate->train_tok_s);
  add_string (builder, "prefill_precision",
              isfinite (estimate->prefill_tok_s)
              ? rw_precision_to_string (estimate->prefill_precision) : NULL);
  add_string (builder, "prefill_kernel",
              estimate->backend != NULL && isfinite (estimate->prefill_tok_s)
              ? rw_kernel_to_string (estimate->prefill_kernel) : NULL);
  add_double (builder, "decode_efficiency", estimate->decode_efficiency);
  add_double (builder, "prefill_efficiency", estimate->prefill_efficiency);
  json_builder_set_member_name (builder, "efficiency_calibrated");
  json_builder_add_boolean_value (builder, !estimate->efficiency_uncalibrated);

  json_builder_set_member_name (builder, "cost");
  json_builder_begin_object (builder);
  add_string (builder, "currency", system->currency);
  add_double (builder, "price", estimate->price);
  json_builder_set_member_name (builder, "per_tflop");
  json_builder_begin_object (builder);
  for (guint p = 0; p < RW_PRECISION_N; p++)
    add_double (builder, rw_precision_to_string ((RwPrecision) p), estimate->per_tflop[p]);
  json_builder_end_object (builder);
  add_double (builder, "per_gb", estimate->per_gb);
  add_double (builder, "per_decode_tok_s", estimate->per_decode_tok_s);
  add_double (builder, "energy_per_mtok", estimate->energy_per_mtok);
  add_double (builder, "energy_per_year", estimate->energy_per_year);
  add_double (builder, "tco", estimate->tco);
  add_double (builder, "per_hour", estimate->per_hour);
  add_double (builder, "per_mtok", estimate->per_mtok);
  add_double (builder, "power_load_w", estimate->power_load_w);
  if (workload != NULL)
    add_break_evens (builder, estimate, compared, n_compared, workload);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

void
rw_estimate_to_json_builder (JsonBuilder      *builder,
                             const RwEstimate *estimate)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (estimate != NULL && estimate->system != NULL);

  estimate_to_json (builder, estimate, NULL, 0, NULL);
}

void
rw_estimate_to_json_builder_compared (JsonBuilder      *builder,
                                      const RwEstimate *estimate,
                                      const RwEstimate *compared,
                                      guint             n_compared,
                                      const RwWorkload *workload)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (estimate != NULL && estimate->system != NULL);
  g_return_if_fail (n_compared == 0 || compared != NULL);
  g_return_if_fail (workload != NULL);

  estimate_to_json (builder, estimate, compared, n_compared, workload);
}

JsonNode *
rw_estimates_to_json (const RwWorkload *workload,
                      const RwEstimate *estimates,
                      guint             n_estimates)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (workload != NULL, NULL);
  g_return_val_if_fail (n_estimates == 0 || estimates != NULL, NULL);

  json_builder_begin_object (builder);
  /* The outcome first, as the app and the report show it. */
  {
    g_autoptr(RwAnswer) answer = rw_answer_new (workload, estimates, n_estimates,
                                                RW_MEMORY_UNITS_GIB, RW_CURRENCY_DISPLAY_SYMBOL);

    json_builder_set_member_name (builder, "answer");
    rw_answer_to_json_builder (answer, builder);
  }
  {
    g_auto(GStrv) warnings = workload->model != NULL ? rw_workload_dup_warnings (workload) : NULL;

    json_builder_set_member_name (builder, "warnings");
    json_builder_begin_array (builder);
    for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
      json_builder_add_string_value (builder, warnings[i]);
    json_builder_end_array (builder);
  }
  json_builder_set_member_name (builder, "workload");
  rw_workload_to_json_builder (builder, workload);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_estimates; i++)
    estimate_to_json (builder, &estimates[i], estimates, n_estimates, workload);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
rw_estimates_to_json_string (const RwWorkload *workload,
                             const RwEstimate *estimates,
                             guint             n_estimates)
{
  g_autoptr(JsonNode) root = rw_estimates_to_json (workload, estimates, n_estimates);
  g_autofree char *text = rw_json_to_data (root, TRUE, NULL);

  return g_strconcat (text, "\n", NULL);
}
