/* rw-calibrate.c: fitting a backend's constants to measured rows
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Least squares on ln(predicted / measured), each row weighted by
 * 1 / √(rows of its source) so one long table does not outvote the other
 * sources, minimised with Nelder–Mead over the logarithms of the
 * parameters (all positive; fractions capped at 1). A parameter is fitted
 * only where at least three rows exercise it (kv_bandwidth needs rows at
 * depth, expert_spread MoE rows with several sequences, a kernel's
 * efficiency prefill rows on that kernel); the others keep the catalog's
 * values. A chip with its own matmul_scale in the catalog gets it refitted
 * with the backend.
 */
#include <math.h>
#include <string.h>

#include "rw-estimate-private.h"
#include "rw-validate-private.h"

#define MIN_ROWS 3

typedef struct
{
  double *value;
  double  lower;
  double  upper;
} Param;

typedef struct
{
  const RwValidationRow *row;
  RwWorkload             workload;
  RwSystem              *system;   /* a working copy carrying the trial backend */
  double                 weight;
} FitRow;

typedef struct
{
  RwBackend  *trial;
  GArray     *rows;     /* FitRow */
  GArray     *params;   /* Param */
  GPtrArray  *copies;   /* RwSystem*: the working copies */
  GHashTable *scales;   /* system id → double* (into a copy's efficiency) */
} Fit;

static double
loss (Fit          *fit,
      const double *x)
{
  double total = 0;

  for (guint p = 0; p < fit->params->len; p++)
    {
      Param *param = &g_array_index (fit->params, Param, p);

      *param->value = CLAMP (exp (x[p]), param->lower, param->upper);
    }

  for (guint i = 0; i < fit->rows->len; i++)
    {
      FitRow *r = &g_array_index (fit->rows, FitRow, i);
      RwEstimate estimate;
      double predicted, e;

      if (!rw_estimate (r->system, &r->workload, &estimate, NULL))
        return INFINITY;
      predicted = _rw_validate_figure (r->row->benchmark, &estimate);
      if (!(predicted > 0) || !isfinite (predicted))
        return INFINITY;
      e = log (predicted / r->row->benchmark->tok_s);
      total += r->weight * e * e;
    }
  return total;
}

/* Nelder–Mead on n ≤ a few dozen coordinates; restarted from its best
 * point, which escapes most early collapses of the simplex. */
static double
minimise (Fit    *fit,
          double *x,
          guint   n)
{
  g_autofree double *simplex = g_new (double, (n + 1) * n);
  g_autofree double *values = g_new (double, n + 1);
  g_autofree double *centre = g_new (double, n);
  g_autofree double *trial = g_new (double, n);
  g_autofree double *trial2 = g_new (double, n);
  double best = loss (fit, x);

  for (guint round = 0; round < 3; round++)
    {
      guint max_iter = 250 * n;

      for (guint i = 0; i <= n; i++)
        {
          memcpy (simplex + i * n, x, n * sizeof (double));
          if (i > 0)
            simplex[i * n + i - 1] += 0.25;
          values[i] = loss (fit, simplex + i * n);
        }

      for (guint iter = 0; iter < max_iter; iter++)
        {
          guint lo = 0, hi = 0, next = 0;
          double f_reflect, f_expand, f_contract;

          for (guint i = 0; i <= n; i++)
            {
              if (values[i] < values[lo])
                lo = i;
              if (values[i] > values[hi])
                hi = i;
            }
          next = lo;
          for (guint i = 0; i <= n; i++)
            if (i != hi && values[i] > values[next])
              next = i;
          if (fabs (values[hi] - values[lo]) < 1e-10 * (1 + fabs (values[lo])))
            break;

          memset (centre, 0, n * sizeof (double));
          for (guint i = 0; i <= n; i++)
            if (i != hi)
              for (guint j = 0; j < n; j++)
                centre[j] += simplex[i * n + j] / n;

          for (guint j = 0; j < n; j++)
            trial[j] = 2 * centre[j] - simplex[hi * n + j];
          f_reflect = loss (fit, trial);
          if (f_reflect < values[lo])
            {
              for (guint j = 0; j < n; j++)
                trial2[j] = 3 * centre[j] - 2 * simplex[hi * n + j];
              f_expand = loss (fit, trial2);
              if (f_expand < f_reflect)
                {
                  memcpy (simplex + hi * n, trial2, n * sizeof (double));
                  values[hi] = f_expand;
                }
              else
                {
                  memcpy (simplex + hi * n, trial, n * sizeof (double));
                  values[hi] = f_reflect;
                }
              continue;
            }
          if (f_reflect < values[next])
            {
              memcpy (simplex + hi * n, trial, n * sizeof (double));
              values[hi] = f_reflect;
              continue;
            }
          for (guint j = 0; j < n; j++)
            trial[j] = (centre[j] + simplex[hi * n + j]) / 2;
          f_contract = loss (fit, trial);
          if (f_contract < values[hi])
            {
              memcpy (simplex + hi * n, trial, n * sizeof (double));
              values[hi] = f_contract;
              continue;
            }
          for (guint i = 0; i <= n; i++)
            if (i != lo)
              {
                for (guint j = 0; j < n; j++)
                  simplex[i * n + j] = (simplex[i * n + j] + simplex[lo * n + j]) / 2;
                values[i] = loss (fit, simplex + i * n);
              }
        }

      for (guint i = 0; i <= n; i++)
        if (values[i] < best)
          {
            best = values[i];
            memcpy (x, simplex + i * n, n * sizeof (double));
          }
    }
  /* Leave the parameters at the best point. */
  return loss (fit, x);
}

static void
add_param (Fit    *fit,
           double *value,
           double  lower,
           double  upper)
{
  Param param = { value, lower, upper };

  /* Start inside the bounds: a parameter the catalog leaves at 0 starts
   * at its lower bound's decade. */
  if (!(*value > lower))
    *value = lower * 10 < upper ? lower * 10 : lower;
  if (*value > upper)
    *value = upper;
  g_array_append_val (fit->params, param);
}

static void
fit_clear (Fit *fit)
{
  g_clear_pointer (&fit->rows, g_array_unref);
  g_clear_pointer (&fit->params, g_array_unref);
  g_clear_pointer (&fit->copies, g_ptr_array_unref);
  g_clear_pointer (&fit->scales, g_hash_table_unref);
  g_clear_pointer (&fit->trial, rw_backend_unref);
}

static gboolean
has_scale (const RwSystem *system,
           const char     *runtime)
{
  for (guint e = 0; e < system->efficiencies->len; e++)
    {
      const RwEfficiency *eff = g_ptr_array_index (system->efficiencies, e);

      if (g_strcmp0 (eff->runtime, runtime) == 0 && eff->matmul_scale != 1)
        return TRUE;
    }
  return FALSE;
}

RwCalibration *
rw_calibrate (const RwValidation *validation,
              const char         *backend_id,
              const char         *skip_source)
{
  const RwBackend *start;
  const RwFormat *kv;
  g_autoptr(GHashTable) per_source = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) copy_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) prefill_rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree double *x = NULL;
  guint n_decode = 0, n_kv = 0, n_moe = 0, n_spread = 0, n_vector = 0, n_batch = 0;
  guint n_moe_prefill = 0, n_attention = 0, n_kernel[RW_KERNEL_N] = { 0, };
  RwCalibration *result;
  Fit fit = { 0, };

  g_return_val_if_fail (validation != NULL && backend_id != NULL, NULL);

  start = rw_catalog_lookup_backend (validation->catalog, backend_id);
  kv = _rw_validate_kv (validation->catalog);
  if (start == NULL || kv == NULL)
    return NULL;

  fit.trial = rw_backend_copy (start);
  fit.rows = g_array_new (FALSE, TRUE, sizeof (FitRow));
  fit.params = g_array_new (FALSE, TRUE, sizeof (Param));
  fit.copies = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_system_unref);
  fit.scales = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < validation->rows->len; i++)
    {
      const RwValidationRow *row = &g_array_index (validation->rows, RwValidationRow, i);
      const RwBenchmark *b = row->benchmark;
      g_autofree char *why = NULL;
      FitRow r = { row, { 0, }, NULL, 1 };
      RwSystem *copy;

      if (!rw_validation_row_counts (row) || row->backend == NULL
          || g_strcmp0 (row->backend->id, backend_id) != 0
          || (skip_source != NULL && g_strcmp0 (b->source, skip_source) == 0)
          || !_rw_validate_workload (validation->catalog, b, kv, &r.workload, &why))
        continue;

      copy = g_hash_table_lookup (copy_of, row->system->id);
      if (copy == NULL)
        {
          copy = rw_system_copy (row->system);
          g_ptr_array_set_size (copy->backends, 0);
          g_ptr_array_add (copy->backends, rw_backend_ref (fit.trial));
          g_ptr_array_add (fit.copies, copy);
          g_hash_table_insert (copy_of, copy->id, copy);
        }
      r.system = copy;
      g_hash_table_insert (per_source, b->source,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_source, b->source)) + 1));
      g_array_append_val (fit.rows, r);

      /* What the row exercises. */
      {
        gboolean moe = r.workload.model->n_experts > 0;

        if (b->kind == RW_BENCHMARK_DECODE)
          {
            n_decode++;
            n_kv += b->depth > 0;
            n_moe += moe;
            n_spread += moe && b->batch > 1;
            n_vector += b->batch > 1 && b->batch <= 8;
            n_batch += b->batch > 8;
          }
        else
          {
            /* A kernel's efficiency is fitted on chips without a factor of
             * their own: on a scaled chip the two trade off one for one,
             * and its rows alone cannot tell them apart. */
            if (!has_scale (copy, fit.trial->runtime))
              {
                n_kernel[rw_system_kernel (copy, fit.trial, r.workload.weights, FALSE)]++;
                if (moe)
                  n_kernel[rw_system_kernel (copy, fit.trial, r.workload.weights, TRUE)]++;
              }
            n_moe_prefill += moe;
            n_attention += b->depth > 0;
            g_hash_table_insert (prefill_rows, copy->id,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (prefill_rows, copy->id)) + 1));
          }
      }
    }

  if (fit.rows->len == 0)
    {
      fit_clear (&fit);
      return NULL;
    }

  for (guint i = 0; i < fit.rows->len; i++)
    {
      FitRow *r = &g_array_index (fit.rows, FitRow, i);

      r->weight = 1 / sqrt (GPOINTER_TO_UINT (g_hash_table_lookup (per_source, r->row->benchmark->source)));
    }

  if (n_decode >= MIN_ROWS)
    {
      add_param (&fit, &fit.trial->weight_bandwidth, 0.05, 0.95);
      add_param (&fit, &fit.trial->layer_time, 1e-7, 1e-3);
    }
  if (n_kv >= MIN_ROWS)
    add_param (&fit, &fit.trial->kv_bandwidth, 0.05, 0.95);
  if (n_moe >= MIN_ROWS)
    add_param (&fit, &fit.trial->moe_layer_time, 1e-7, 1e-3);
  if (n_spread >= MIN_ROWS)
    add_param (&fit, &fit.trial->expert_spread, 0.05, 1);
  if (n_vector >= MIN_ROWS)
    add_param (&fit, &fit.trial->vector_compute, 1e-4, 1);
  if (n_batch >= MIN_ROWS)
    add_param (&fit, &fit.trial->batch_compute, 1e-4, 1);
  for (guint k = 0; k < RW_KERNEL_N; k++)
    if (n_kernel[k] >= MIN_ROWS && fit.trial->matmul[k] > 0)
      add_param (&fit, &fit.trial->matmul[k], 1e-3, 1);
  if (n_moe_prefill >= MIN_ROWS)
    add_param (&fit, &fit.trial->moe_half_tokens, 0.1, 1e4);
  if (n_attention >= MIN_ROWS)
    add_param (&fit, &fit.trial->attention, 1e-3, 1);

  /* Chips that carry their own factor, with prefill rows to fit it on. */
  for (guint c = 0; c < fit.copies->len; c++)
    {
      RwSystem *copy = g_ptr_array_index (fit.copies, c);

      for (guint e = 0; e < copy->efficiencies->len; e++)
        {
          RwEfficiency *eff = g_ptr_array_index (copy->efficiencies, e);

          if (g_strcmp0 (eff->runtime, fit.trial->runtime) == 0 && eff->matmul_scale != 1
              && GPOINTER_TO_UINT (g_hash_table_lookup (prefill_rows, copy->id)) >= MIN_ROWS)
            {
              add_param (&fit, &eff->matmul_scale, 0.05, 4);
              g_hash_table_insert (fit.scales, copy->id, &eff->matmul_scale);
            }
        }
    }

  x = g_new (double, MAX (fit.params->len, 1));
  for (guint p = 0; p < fit.params->len; p++)
    x[p] = log (*g_array_index (fit.params, Param, p).value);

  result = g_new0 (RwCalibration, 1);
  result->loss = fit.params->len > 0 ? minimise (&fit, x, fit.params->len) : loss (&fit, x);
  result->n_rows = fit.rows->len;
  result->scales = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  {
    GHashTableIter iter;
    gpointer id, value;

    g_hash_table_iter_init (&iter, fit.scales);
    while (g_hash_table_iter_next (&iter, &id, &value))
      g_hash_table_insert (result->scales, g_strdup (id), g_memdup2 (value, sizeof (double)));
  }
  result->backend = rw_backend_ref (fit.trial);
  result->backend->n_rows = fit.rows->len;
  fit_clear (&fit);
  return result;
}

void
rw_calibration_free (RwCalibration *calibration)
{
  if (calibration == NULL)
    return;
  g_clear_pointer (&calibration->backend, rw_backend_unref);
  g_clear_pointer (&calibration->scales, g_hash_table_unref);
  g_free (calibration);
}
