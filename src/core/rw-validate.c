/* rw-validate.c: predictions against the catalog's measured benchmarks
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rw-error.h"
#include "rw-estimate.h"
#include "rw-validate.h"
#include "rw-workload.h"

/* llama-bench's default cache type is f16 (-ctk/-ctv f16); catalogs may
 * spell it either way. */
static const char * const kv_f16_ids[] = { "f16", "fp16" };

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
rw_median (double *values,
           guint   n)
{
  if (n == 0)
    return NAN;
  qsort (values, n, sizeof (double), compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
validation_row_clear (gpointer data)
{
  RwValidationRow *row = data;

  g_clear_pointer (&row->skip_reason, g_free);
}

static void
summary_free (gpointer data)
{
  RwValidationSummary *summary = data;

  g_free (summary->system_id);
  g_free (summary->runtime);
  g_free (summary);
}

/* The factor s on an efficiency that minimises the median of
 * |s·p_i / m_i − 1| over the rows (least median of absolute errors, robust
 * to one odd row). With r_i = m_i / p_i the optimum lies at some r_i or
 * where two rows' errors are equal and opposite, s = 2 / (1/r_i + 1/r_j);
 * among equally good factors the one nearest the median of r wins.
 * @ratios: r_i (n of them); @scratch: room for n doubles. */
static double
best_scale (const double *ratios,
            guint         n,
            double       *scratch)
{
  double best = NAN, best_err = INFINITY, median_ratio;

  if (n == 0)
    return NAN;
  memcpy (scratch, ratios, n * sizeof (double));
  median_ratio = rw_median (scratch, n);

  for (guint i = 0; i < n; i++)
    for (guint j = i; j < n; j++)
      {
        double s = i == j ? ratios[i] : 2 / (1 / ratios[i] + 1 / ratios[j]);
        double err;

        for (guint k = 0; k < n; k++)
          scratch[k] = fabs (s / ratios[k] - 1);
        err = rw_median (scratch, n);
        if (err < best_err - 1e-12
            || (err <= best_err + 1e-12 && fabs (s - median_ratio) < fabs (best - median_ratio)))
          {
            best_err = MIN (err, best_err);
            best = s;
          }
      }
  return best;
}

/* Fills the statistics of @summary from the rows of @system_id and
 * @runtime (NULL: all). */
static void
summarise (RwValidationSummary *summary,
           GArray              *rows,
           const char          *system_id,
           const char          *runtime)
{
  /* One block for the scratch arrays: [decode, prefill] × [|error|, ratio], and work space. */
  guint len = MAX (rows->len, 1);
  g_autofree double *scratch = g_new (double, 5 * len);
  double *abs_err[2] = { scratch, scratch + len };
  double *ratio[2] = { scratch + 2 * len, scratch + 3 * len };
  double worst[2] = { 0, 0 };
  guint n[2] = { 0, 0 };

  for (guint i = 0; i < rows->len; i++)
    {
      const RwValidationRow *row = &g_array_index (rows, RwValidationRow, i);
      guint k = row->benchmark->kind == RW_BENCHMARK_DECODE ? 0 : 1;
      double e;

      if (row->skip_reason != NULL)
        continue;
      if (system_id != NULL && g_strcmp0 (row->benchmark->system_id, system_id) != 0)
        continue;
      if (runtime != NULL && g_strcmp0 (row->benchmark->runtime, runtime) != 0)
        continue;

      e = fabs (row->error);
      abs_err[k][n[k]] = e;
      ratio[k][n[k]] = row->benchmark->tok_s / row->predicted;
      worst[k] = MAX (worst[k], e);
      n[k]++;
    }

  /* Before the medians below sort the ratios in place. */
  summary->decode_scale = best_scale (ratio[0], n[0], scratch + 4 * len);
  summary->prefill_scale = best_scale (ratio[1], n[1], scratch + 4 * len);
  summary->n_decode = n[0];
  summary->n_prefill = n[1];
  summary->decode_median = rw_median (abs_err[0], n[0]);
  summary->decode_worst = n[0] > 0 ? worst[0] : NAN;
  summary->prefill_median = rw_median (abs_err[1], n[1]);
  summary->prefill_worst = n[1] > 0 ? worst[1] : NAN;
}

static void
predict_row (RwCatalog       *catalog,
             const RwFormat  *kv,
             RwValidationRow *row)
{
  const RwBenchmark *b = row->benchmark;
  RwSystem *system = rw_catalog_lookup_system (catalog, b->system_id);
  const RwModel *model = rw_catalog_lookup_model (catalog, b->model_id);
  const RwFormat *weights = rw_catalog_lookup_format (catalog, b->weights_id);
  g_autoptr(GError) error = NULL;
  RwWorkload workload;
  RwEstimate estimate;
  double predicted;

  row->predicted = NAN;
  row->error = NAN;

  if (system == NULL || model == NULL || weights == NULL)
    {
      row->skip_reason = g_strdup_printf ("unknown %s “%s”",
                                          system == NULL ? "system" : model == NULL ? "model" : "format",
                                          system == NULL ? b->system_id : model == NULL ? b->model_id : b->weights_id);
      return;
    }
  if (!(b->tok_s > 0) || !isfinite (b->tok_s) || b->tokens == 0)
    {
      row->skip_reason = g_strdup ("no measured throughput");
      return;
    }

  rw_workload_init (&workload);
  workload.model = model;
  workload.weights = weights;
  workload.kv = kv;
  if (b->runtime != NULL)
    workload.runtime = b->runtime;
  workload.depth = b->depth;
  workload.context = b->depth + b->tokens;
  workload.prompt = b->tokens;
  workload.batch = MAX (b->batch, 1);

  if (!rw_estimate (system, &workload, &estimate, &error))
    {
      row->skip_reason = g_strdup (error->message);
      return;
    }

  if (b->kind == RW_BENCHMARK_DECODE)
    predicted = workload.batch > 1 ? estimate.decode_tok_s_total : estimate.decode_tok_s;
  else
    predicted = estimate.prefill_tok_s;

  if (!isfinite (predicted) || predicted <= 0)
    {
      row->skip_reason = g_strdup_printf ("no prediction (%s)", rw_fit_to_string (estimate.fit));
      return;
    }

  row->predicted = predicted;
  row->error = (predicted - b->tok_s) / b->tok_s;
}

RwValidation *
rw_validate (RwCatalog  *catalog,
             GError    **error)
{
  g_autoptr(RwValidation) validation = NULL;
  const RwFormat *kv = NULL;
  GPtrArray *benchmarks;

  g_return_val_if_fail (RW_IS_CATALOG (catalog), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kv_f16_ids) && kv == NULL; i++)
    kv = rw_catalog_lookup_format (catalog, kv_f16_ids[i]);
  if (kv == NULL)
    {
      g_set_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_UNKNOWN_FORMAT,
                   "the catalog has no “f16” format for llama-bench’s KV cache");
      return NULL;
    }

  validation = g_new0 (RwValidation, 1);
  validation->catalog = g_object_ref (catalog);
  validation->rows = g_array_new (FALSE, TRUE, sizeof (RwValidationRow));
  g_array_set_clear_func (validation->rows, validation_row_clear);
  validation->systems = g_ptr_array_new_with_free_func (summary_free);

  benchmarks = rw_catalog_get_benchmarks (catalog);
  for (guint i = 0; benchmarks != NULL && i < benchmarks->len; i++)
    {
      RwValidationRow row = { g_ptr_array_index (benchmarks, i), NAN, NAN, NULL };

      predict_row (catalog, kv, &row);
      if (row.skip_reason != NULL)
        validation->n_skipped++;
      g_array_append_val (validation->rows, row);
    }

  /* One summary per system and runtime (efficiencies are per both), in
   * catalog order of systems, runtimes in the order rows name them. */
  for (guint s = 0; s < rw_catalog_get_n_systems (catalog); s++)
    {
      RwSystem *system = rw_catalog_get_system (catalog, s);
      g_autoptr(GPtrArray) runtimes = g_ptr_array_new ();

      for (guint i = 0; i < validation->rows->len; i++)
        {
          const RwBenchmark *b = g_array_index (validation->rows, RwValidationRow, i).benchmark;

          if (g_strcmp0 (b->system_id, system->id) == 0 && b->runtime != NULL
              && !g_ptr_array_find_with_equal_func (runtimes, b->runtime, g_str_equal, NULL))
            g_ptr_array_add (runtimes, b->runtime);
        }

      for (guint r = 0; r < runtimes->len; r++)
        {
          RwValidationSummary *summary = g_new0 (RwValidationSummary, 1);

          summarise (summary, validation->rows, system->id, g_ptr_array_index (runtimes, r));
          if (summary->n_decode + summary->n_prefill == 0)
            {
              summary_free (summary);
              continue;
            }
          summary->system_id = g_strdup (system->id);
          summary->runtime = g_strdup (g_ptr_array_index (runtimes, r));
          g_ptr_array_add (validation->systems, summary);
        }
    }
  summarise (&validation->overall, validation->rows, NULL, NULL);

  return g_steal_pointer (&validation);
}

const RwValidationSummary *
rw_validation_lookup (const RwValidation *validation,
                      const char         *system_id)
{
  g_return_val_if_fail (validation != NULL, NULL);

  if (system_id == NULL)
    return &validation->overall;
  for (guint i = 0; i < validation->systems->len; i++)
    {
      const RwValidationSummary *summary = g_ptr_array_index (validation->systems, i);

      if (g_strcmp0 (summary->system_id, system_id) == 0)
        return summary;
    }
  return NULL;
}

void
rw_validation_free (RwValidation *validation)
{
  if (validation == NULL)
    return;
  g_clear_pointer (&validation->rows, g_array_unref);
  g_clear_pointer (&validation->systems, g_ptr_array_unref);
  g_clear_object (&validation->catalog);
  g_free (validation);
}
