/* rw-validate.c: predictions against the catalog's measured benchmarks
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row is predicted with the catalog as it is (in sample, since the
 * backends were fitted on these rows) and, with RW_VALIDATE_CROSS, by the
 * backend fitted without the row's source (out of sample: what a
 * measurement from elsewhere can expect). A row whose figure implies more
 * bandwidth or FLOP/s than its hardware has is rejected: never fitted on.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rw-error.h"
#include "rw-estimate-private.h"
#include "rw-model-private.h"
#include "rw-validate-private.h"
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

gboolean
rw_validation_row_counts (const RwValidationRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);
  return row->skip_reason == NULL && row->reject_reason == NULL && row->benchmark->exclude == NULL;
}

const RwFormat *
_rw_validate_kv (RwCatalog *catalog)
{
  for (guint i = 0; i < G_N_ELEMENTS (kv_f16_ids); i++)
    {
      const RwFormat *kv = rw_catalog_lookup_format (catalog, kv_f16_ids[i]);

      if (kv != NULL)
        return kv;
    }
  return NULL;
}

gboolean
_rw_validate_workload (RwCatalog         *catalog,
                       const RwBenchmark *b,
                       const RwFormat    *kv,
                       RwWorkload        *workload,
                       char             **why)
{
  const RwModel *model = rw_catalog_lookup_model (catalog, b->model_id);
  const RwFormat *weights = rw_catalog_lookup_format (catalog, b->weights_id);

  if (model == NULL || weights == NULL)
    {
      *why = g_strdup_printf ("unknown %s “%s”", model == NULL ? "model" : "format",
                              model == NULL ? b->model_id : b->weights_id);
      return FALSE;
    }
  rw_workload_init (workload);
  workload->model = model;
  workload->weights = weights;
  workload->kv = kv;
  if (b->runtime != NULL)
    workload->runtime = b->runtime;
  workload->api = b->api;
  workload->ubatch = b->ubatch;
  workload->depth = b->depth;
  workload->context = b->depth + b->tokens;
  workload->prompt = b->tokens;
  workload->batch = MAX (b->batch, 1);
  return TRUE;
}

double
_rw_validate_figure (const RwBenchmark *b,
                     const RwEstimate  *estimate)
{
  if (b->kind == RW_BENCHMARK_DECODE)
    return b->batch > 1 ? estimate->decode_tok_s_total : estimate->decode_tok_s;
  return estimate->prefill_tok_s;
}

static void
validation_row_clear (gpointer data)
{
  RwValidationRow *row = data;

  g_clear_pointer (&row->skip_reason, g_free);
  g_clear_pointer (&row->reject_reason, g_free);
}

static void
summary_free (gpointer data)
{
  RwValidationSummary *summary = data;

  g_free (summary->system_id);
  g_free (summary->runtime);
  g_free (summary->backend);
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

/* Which rows a summary covers. */
typedef struct
{
  const char *system_id;   /* NULL: any */
  const char *backend;     /* backend id, or the runtime for rows without one; NULL: any */
} Filter;

static const char *
row_backend_label (const RwValidationRow *row)
{
  return row->backend != NULL ? row->backend->id : row->benchmark->runtime;
}

static gboolean
row_matches (const RwValidationRow *row,
             const Filter          *filter)
{
  return rw_validation_row_counts (row)
         && (filter->system_id == NULL || g_strcmp0 (row->benchmark->system_id, filter->system_id) == 0)
         && (filter->backend == NULL || g_strcmp0 (row_backend_label (row), filter->backend) == 0);
}

/* Median and worst of |e| into @median, @worst; the number of rows. */
static guint
stats (double *abs_err,
       guint   n,
       double *median,
       double *worst)
{
  double w = 0;

  for (guint i = 0; i < n; i++)
    w = MAX (w, abs_err[i]);
  *worst = n > 0 ? w : NAN;
  *median = rw_median (abs_err, n);
  return n;
}

static void
summarise (RwValidationSummary *summary,
           GArray              *rows,
           const Filter        *filter,
           gboolean             scales)
{
  /* [decode, prefill] × [|error|, ratio, |cv error|], and work space. */
  guint len = MAX (rows->len, 1);
  g_autofree double *scratch = g_new (double, 7 * len);
  double *abs_err[2] = { scratch, scratch + len };
  double *ratio[2] = { scratch + 2 * len, scratch + 3 * len };
  double *cv_err[2] = { scratch + 4 * len, scratch + 5 * len };
  guint n[2] = { 0, 0 }, n_cv[2] = { 0, 0 };

  for (guint i = 0; i < rows->len; i++)
    {
      const RwValidationRow *row = &g_array_index (rows, RwValidationRow, i);
      guint k = row->benchmark->kind == RW_BENCHMARK_DECODE ? 0 : 1;

      if (!row_matches (row, filter))
        continue;
      abs_err[k][n[k]] = fabs (row->error);
      ratio[k][n[k]] = row->benchmark->tok_s / row->predicted;
      n[k]++;
      if (isfinite (row->cv_error))
        cv_err[k][n_cv[k]++] = fabs (row->cv_error);
    }

  /* Before the medians below sort the ratios in place. */
  summary->decode_scale = scales ? best_scale (ratio[0], n[0], scratch + 6 * len) : NAN;
  summary->prefill_scale = scales ? best_scale (ratio[1], n[1], scratch + 6 * len) : NAN;
  summary->n_decode = stats (abs_err[0], n[0], &summary->decode_median, &summary->decode_worst);
  summary->n_prefill = stats (abs_err[1], n[1], &summary->prefill_median, &summary->prefill_worst);
  summary->n_cv_decode = stats (cv_err[0], n_cv[0], &summary->cv_decode_median, &summary->cv_decode_worst);
  summary->n_cv_prefill = stats (cv_err[1], n_cv[1], &summary->cv_prefill_median, &summary->cv_prefill_worst);
}

/* What a measured figure implies the hardware did, at the least: a decode
 * step reads at least the non-expert weights, k/E of the experts and the
 * KV cache; a prefilled token costs at least 2·P_active FLOPs plus its
 * attention. Above the device's peak bandwidth, or above its highest
 * dense peak at any precision, the figure cannot be right. */
static char *
impossible (const RwSystem    *system,
            const RwWorkload  *workload,
            const RwBenchmark *b)
{
  RwShape shape;
  RwLayerRange all;
  double n_devices = MAX (1u, system->n_devices);

  _rw_shape_init (&shape, workload);
  _rw_shape_range (&shape, 0, &all);

  if (b->kind == RW_BENCHMARK_DECODE)
    {
      double bytes = _rw_range_weights (&shape, &all, shape.expert_fraction) + shape.head_bytes
                     + _rw_range_kv_read (&shape, &all, workload->depth) * workload->batch;
      double implied = bytes * b->tok_s / workload->batch;
      double peak = system->device_bandwidth.value / n_devices;

      if (implied > peak)
        return g_strdup_printf ("implies %.0f GB/s read, above the %.0f GB/s peak",
                                implied / 1e9, peak / 1e9);
    }
  else
    {
      double flops = 2 * shape.compute_params
                     + _rw_speed_attention_flops (workload, &shape) / workload->prompt;
      double implied = flops * b->tok_s;
      double peak = 0;

      for (guint p = 0; p < RW_PRECISION_N; p++)
        if (isfinite (system->peak[p].value))
          peak = MAX (peak, system->peak[p].value);
      if (peak > 0 && implied > peak)
        return g_strdup_printf ("implies %.0f TFLOP/s, above the %.0f TFLOP/s peak",
                                implied / 1e12, peak / 1e12);
    }
  return NULL;
}

static RwSystem *
lookup_machine (RwCatalog  *catalog,
                const char *id)
{
  RwSystem *system = rw_catalog_lookup_system (catalog, id);

  return system != NULL ? system : rw_catalog_lookup_device (catalog, id);
}

static void
predict_row (RwCatalog       *catalog,
             const RwFormat  *kv,
             RwValidationRow *row)
{
  const RwBenchmark *b = row->benchmark;
  RwSystem *system = lookup_machine (catalog, b->system_id);
  g_autoptr(GError) error = NULL;
  RwWorkload workload;
  RwEstimate estimate;
  double predicted;

  row->predicted = NAN;
  row->error = NAN;
  row->cv_predicted = NAN;
  row->cv_error = NAN;
  row->system = system;

  if (system == NULL)
    {
      row->skip_reason = g_strdup_printf ("unknown system “%s”", b->system_id);
      return;
    }
  if (!_rw_validate_workload (catalog, b, kv, &workload, &row->skip_reason))
    return;
  if (!(b->tok_s > 0) || !isfinite (b->tok_s) || b->tokens == 0)
    {
      row->skip_reason = g_strdup ("no measured throughput");
      return;
    }
  if (!rw_estimate (system, &workload, &estimate, &error))
    {
      row->skip_reason = g_strdup (error->message);
      return;
    }

  predicted = _rw_validate_figure (b, &estimate);
  if (!isfinite (predicted) || predicted <= 0)
    {
      row->skip_reason = g_strdup_printf ("no prediction (%s)", rw_fit_to_string (estimate.fit));
      return;
    }

  row->backend = estimate.backend;
  row->predicted = predicted;
  row->error = (predicted - b->tok_s) / b->tok_s;
  row->reject_reason = impossible (system, &workload, b);
}

/* Leave one source out: each backend refitted without each of its
 * sources in turn predicts that source's rows. */
static void
cross_validate (RwValidation *validation)
{
  g_autoptr(GPtrArray) done = g_ptr_array_new ();

  for (guint i = 0; i < validation->rows->len; i++)
    {
      RwValidationRow *first = &g_array_index (validation->rows, RwValidationRow, i);
      g_autoptr(GHashTable) sources = NULL;
      GHashTableIter iter;
      gpointer source;

      if (!rw_validation_row_counts (first) || first->backend == NULL
          || g_ptr_array_find (done, first->backend, NULL))
        continue;
      g_ptr_array_add (done, (gpointer) first->backend);

      sources = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint j = i; j < validation->rows->len; j++)
        {
          RwValidationRow *row = &g_array_index (validation->rows, RwValidationRow, j);

          if (row->backend == first->backend && rw_validation_row_counts (row))
            g_hash_table_add (sources, row->benchmark->source);
        }

      g_hash_table_iter_init (&iter, sources);
      while (g_hash_table_iter_next (&iter, &source, NULL))
        {
          g_autoptr(RwCalibration) fit = rw_calibrate (validation, first->backend->id, source);
          const RwFormat *kv = _rw_validate_kv (validation->catalog);

          if (fit == NULL)
            continue;
          for (guint j = i; j < validation->rows->len; j++)
            {
              RwValidationRow *row = &g_array_index (validation->rows, RwValidationRow, j);
              g_autoptr(RwSystem) copy = NULL;
              g_autofree char *why = NULL;
              RwWorkload workload;
              RwEstimate estimate;
              double *scale;

              if (row->backend != first->backend || !rw_validation_row_counts (row)
                  || g_strcmp0 (row->benchmark->source, source) != 0)
                continue;
              copy = rw_system_copy (row->system);
              g_ptr_array_set_size (copy->backends, 0);
              g_ptr_array_add (copy->backends, rw_backend_ref (fit->backend));
              scale = g_hash_table_lookup (fit->scales, row->system->id);
              if (scale != NULL)
                for (guint e = 0; e < copy->efficiencies->len; e++)
                  {
                    RwEfficiency *eff = g_ptr_array_index (copy->efficiencies, e);

                    if (g_strcmp0 (eff->runtime, fit->backend->runtime) == 0)
                      eff->matmul_scale = *scale;
                  }
              if (_rw_validate_workload (validation->catalog, row->benchmark, kv, &workload, &why)
                  && rw_estimate (copy, &workload, &estimate, NULL))
                {
                  row->cv_predicted = _rw_validate_figure (row->benchmark, &estimate);
                  row->cv_error = (row->cv_predicted - row->benchmark->tok_s) / row->benchmark->tok_s;
                }
            }
        }
    }
}

static void
add_summaries (RwValidation *validation,
               RwSystem     *system,
               gboolean      device,
               gboolean      scales)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < validation->rows->len; i++)
    {
      const RwValidationRow *row = &g_array_index (validation->rows, RwValidationRow, i);
      const char *label = row_backend_label (row);

      if (g_strcmp0 (row->benchmark->system_id, system->id) == 0 && label != NULL
          && !g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL))
        g_ptr_array_add (labels, (gpointer) label);
    }

  for (guint l = 0; l < labels->len; l++)
    {
      RwValidationSummary *summary = g_new0 (RwValidationSummary, 1);
      Filter filter = { system->id, g_ptr_array_index (labels, l) };

      summarise (summary, validation->rows, &filter, scales);
      if (summary->n_decode + summary->n_prefill == 0)
        {
          summary_free (summary);
          continue;
        }
      summary->system_id = g_strdup (system->id);
      summary->device = device;
      for (guint i = 0; i < validation->rows->len; i++)
        {
          const RwValidationRow *row = &g_array_index (validation->rows, RwValidationRow, i);

          if (row_matches (row, &filter))
            {
              summary->runtime = g_strdup (row->benchmark->runtime);
              summary->backend = row->backend != NULL ? g_strdup (row->backend->id) : NULL;
              break;
            }
        }
      g_ptr_array_add (validation->systems, summary);
    }
}

RwValidation *
rw_validate_full (RwCatalog        *catalog,
                  RwValidateFlags   flags,
                  GError          **error)
{
  g_autoptr(RwValidation) validation = NULL;
  const RwFormat *kv;
  GPtrArray *benchmarks;

  g_return_val_if_fail (RW_IS_CATALOG (catalog), NULL);

  kv = _rw_validate_kv (catalog);
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
  validation->backends = g_ptr_array_new_with_free_func (summary_free);

  benchmarks = rw_catalog_get_benchmarks (catalog);
  for (guint i = 0; benchmarks != NULL && i < benchmarks->len; i++)
    {
      RwValidationRow row = { g_ptr_array_index (benchmarks, i), NULL, NULL, NAN, NAN, NAN, NAN, NULL, NULL };

      predict_row (catalog, kv, &row);
      if (row.skip_reason != NULL)
        validation->n_skipped++;
      else if (row.reject_reason != NULL)
        validation->n_rejected++;
      else if (row.benchmark->exclude != NULL)
        validation->n_excluded++;
      g_array_append_val (validation->rows, row);
    }

  if (flags & RW_VALIDATE_CROSS)
    cross_validate (validation);
  if (flags & RW_VALIDATE_ROWS_ONLY)
    return g_steal_pointer (&validation);

  /* Per system and backend in catalog order, then the devices. */
  for (guint s = 0; s < rw_catalog_get_n_systems (catalog); s++)
    add_summaries (validation, rw_catalog_get_system (catalog, s), FALSE, flags & RW_VALIDATE_SCALES);
  for (guint s = 0; s < rw_catalog_get_n_devices (catalog); s++)
    add_summaries (validation, rw_catalog_get_device (catalog, s), TRUE, flags & RW_VALIDATE_SCALES);

  /* Per backend, over every machine. */
  for (guint i = 0; i < validation->rows->len; i++)
    {
      const RwValidationRow *row = &g_array_index (validation->rows, RwValidationRow, i);
      RwValidationSummary *summary;
      Filter filter = { NULL, NULL };
      gboolean seen = FALSE;

      if (row->backend == NULL || !rw_validation_row_counts (row))
        continue;
      for (guint b = 0; b < validation->backends->len && !seen; b++)
        seen = g_strcmp0 (((RwValidationSummary *) g_ptr_array_index (validation->backends, b))->backend,
                          row->backend->id) == 0;
      if (seen)
        continue;
      filter.backend = row->backend->id;
      summary = g_new0 (RwValidationSummary, 1);
      summarise (summary, validation->rows, &filter, flags & RW_VALIDATE_SCALES);
      summary->runtime = g_strdup (row->backend->runtime);
      summary->backend = g_strdup (row->backend->id);
      g_ptr_array_add (validation->backends, summary);
    }

  {
    Filter all = { NULL, NULL };

    summarise (&validation->overall, validation->rows, &all, flags & RW_VALIDATE_SCALES);
  }

  return g_steal_pointer (&validation);
}

RwValidation *
rw_validate (RwCatalog  *catalog,
             GError    **error)
{
  return rw_validate_full (catalog, RW_VALIDATE_SCALES, error);
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
  g_clear_pointer (&validation->backends, g_ptr_array_unref);
  g_clear_pointer (&validation->overall.system_id, g_free);
  g_clear_pointer (&validation->overall.runtime, g_free);
  g_clear_pointer (&validation->overall.backend, g_free);
  g_clear_object (&validation->catalog);
  g_free (validation);
}
