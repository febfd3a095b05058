/* rw-what-fits.c: the largest context, the best weight format and the
 * catalog models that fit one machine
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Memory grows with the context (KV cache, compute buffer), so "does it
 * fit" is monotonic in it and a bisection finds the edge: about 14
 * estimates of ~0.1 µs each per search, cheap enough to redo on every
 * change in the app.
 */
#include <math.h>

#include "rw-what-fits.h"

/* The largest context rw_workload_validate() takes. */
#define MAX_TOKENS (1u << 24)

static gboolean
probe (const RwSystem   *system,
       const RwWorkload *base,
       guint             tokens,
       gboolean          on_device)
{
  RwWorkload w = *base;
  RwEstimate e;

  if (w.mode == RW_MODE_INFERENCE)
    w.context = tokens;
  else
    w.seq_len = tokens;
  /* The base workload was validated and tokens stays in range. */
  if (!rw_estimate (system, &w, &e, NULL))
    return FALSE;
  return on_device ? e.fit == RW_FIT_FITS : e.fit != RW_FIT_DOES_NOT_FIT;
}

/* The largest t ≤ @cap that passes: @cap itself, else a multiple of the
 * step whose next multiple fails, else (below one step) the exact token
 * count. 0 when not even one token passes. */
static guint
search (const RwSystem   *system,
        const RwWorkload *base,
        guint             cap,
        gboolean          on_device,
        gboolean         *capped)
{
  guint lo, hi;

  *capped = FALSE;
  if (probe (system, base, cap, on_device))
    {
      *capped = TRUE;
      return cap;
    }

  if (cap > RW_WHAT_FITS_STEP && probe (system, base, RW_WHAT_FITS_STEP, on_device))
    {
      /* Invariant: lo steps pass, hi steps fail (or exceed the cap). */
      lo = 1;
      hi = (cap + RW_WHAT_FITS_STEP - 1) / RW_WHAT_FITS_STEP;
      while (hi - lo > 1)
        {
          guint mid = lo + (hi - lo) / 2;

          if (probe (system, base, mid * RW_WHAT_FITS_STEP, on_device))
            lo = mid;
          else
            hi = mid;
        }
      return lo * RW_WHAT_FITS_STEP;
    }

  /* Below one step: tokens exactly. lo passes (0 trivially), hi fails. */
  lo = 0;
  hi = MIN (cap, RW_WHAT_FITS_STEP);
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (probe (system, base, mid, on_device))
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static const RwFormat *
best_weights (RwCatalog        *catalog,
              const RwSystem   *system,
              const RwWorkload *base)
{
  const RwFormat *best = NULL;
  double best_bytes = -1;
  RwEstimate e;

  /* Training runs on its own format: BF16 (full, LoRA) or NF4 (QLoRA). */
  if (base->mode != RW_MODE_INFERENCE)
    {
      if (rw_estimate (system, base, &e, NULL) && e.fit == RW_FIT_FITS)
        return base->weights;
      return NULL;
    }

  for (guint i = 0; i < rw_catalog_get_n_formats (catalog); i++)
    {
      const RwFormat *format = rw_catalog_get_format (catalog, i);
      RwWorkload w = *base;

      if (!format->for_weights)
        continue;
      /* A MoE file mix means nothing for a dense model. */
      if (format->expert_bits_per_weight > 0 && !rw_model_is_moe (base->model))
        continue;
      w.weights = format;
      w.bits_per_weight_override = 0;
      if (!rw_estimate (system, &w, &e, NULL) || e.fit != RW_FIT_FITS)
        continue;
      /* More bytes for the same model = more bits kept = closer to the
       * original; the first of equals (BF16 before F16) wins. */
      if (e.memory.weights > best_bytes)
        {
          best = format;
          best_bytes = e.memory.weights;
        }
    }
  return best;
}

static int
compare_model_fits (gconstpointer a,
                    gconstpointer b)
{
  const RwModelFit *x = a, *y = b;

  if (x->tok_s != y->tok_s)
    return x->tok_s > y->tok_s ? -1 : 1;
  return g_strcmp0 (x->model->id, y->model->id);
}

static GArray *
models_that_fit (RwCatalog        *catalog,
                 const RwSystem   *system,
                 const RwWorkload *base)
{
  GArray *models = g_array_new (FALSE, FALSE, sizeof (RwModelFit));

  for (guint i = 0; i < rw_catalog_get_n_models (catalog); i++)
    {
      RwWorkload w = *base;
      RwEstimate e;
      RwModelFit fit;

      w.model = rw_catalog_get_model (catalog, i);
      /* A LoRA rank above a small model's width is no workload for it. */
      if (!rw_estimate (system, &w, &e, NULL) || e.fit != RW_FIT_FITS)
        continue;
      fit.model = w.model;
      fit.tok_s = w.mode == RW_MODE_INFERENCE ? e.decode_tok_s : e.train_tok_s;
      fit.total_bytes = e.memory.total;
      if (!isfinite (fit.tok_s))
        fit.tok_s = 0;
      g_array_append_val (models, fit);
    }
  g_array_sort (models, compare_model_fits);
  return models;
}

RwWhatFits *
rw_what_fits (RwCatalog         *catalog,
              const RwSystem    *system,
              const RwWorkload  *workload,
              GError           **error)
{
  g_autoptr(RwWhatFits) fits = NULL;
  const RwModel *model;
  guint cap;
  gboolean capped;

  g_return_val_if_fail (RW_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (system != NULL, NULL);
  g_return_val_if_fail (workload != NULL, NULL);

  if (!rw_workload_validate (workload, error))
    return NULL;

  model = workload->model;
  cap = model->max_position_embeddings > 0 ? MIN (model->max_position_embeddings, MAX_TOKENS)
                                           : MAX_TOKENS;

  fits = g_new0 (RwWhatFits, 1);
  fits->system = system;
  fits->max_context = search (system, workload, cap, FALSE, &capped);
  fits->limited_by = capped ? RW_LIMIT_MODEL : RW_LIMIT_MEMORY;
  fits->max_context_on_device = search (system, workload, cap, TRUE, &capped);
  fits->best_weights = best_weights (catalog, system, workload);
  fits->models = models_that_fit (catalog, system, workload);
  return g_steal_pointer (&fits);
}

void
rw_what_fits_free (RwWhatFits *fits)
{
  if (fits == NULL)
    return;
  g_clear_pointer (&fits->models, g_array_unref);
  g_free (fits);
}

const char *
rw_limit_to_string (RwLimit limit)
{
  switch (limit)
    {
    case RW_LIMIT_MEMORY: return "memory";
    case RW_LIMIT_MODEL: return "model";
    default: g_return_val_if_reached (NULL);
    }
}

void
rw_what_fits_to_json_builder (const RwWhatFits *fits,
                              JsonBuilder      *builder)
{
  g_return_if_fail (fits != NULL);
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "system");
  json_builder_add_string_value (builder, fits->system->id);
  json_builder_set_member_name (builder, "max_context");
  json_builder_add_int_value (builder, fits->max_context);
  json_builder_set_member_name (builder, "limited_by");
  json_builder_add_string_value (builder, rw_limit_to_string (fits->limited_by));
  json_builder_set_member_name (builder, "max_context_on_device");
  json_builder_add_int_value (builder, fits->max_context_on_device);
  json_builder_set_member_name (builder, "best_weights");
  if (fits->best_weights != NULL)
    json_builder_add_string_value (builder, fits->best_weights->id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "models");
  json_builder_begin_array (builder);
  for (guint i = 0; i < fits->models->len; i++)
    {
      const RwModelFit *m = &g_array_index (fits->models, RwModelFit, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, m->model->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, m->model->name != NULL ? m->model->name : m->model->id);
      json_builder_set_member_name (builder, "tok_s");
      json_builder_add_double_value (builder, m->tok_s);
      json_builder_set_member_name (builder, "total_bytes");
      json_builder_add_int_value (builder, (gint64) llround (m->total_bytes));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}
