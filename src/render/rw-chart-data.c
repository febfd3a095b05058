/* rw-chart-data.c: estimates, series and tables behind the charts
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "rw-chart-data-private.h"
#include "rw-error.h"
#include "rw-evidence.h"
#include "rw-validate.h"
#include "rw-limits.h"
#include "rw-system-text.h"

/* Registered by hand: G_DEFINE_BOXED_TYPE trips -Wpedantic (union cast). */
GType
rw_chart_data_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_boxed_type_register_static (g_intern_static_string ("RwChartData"),
                                               (GBoxedCopyFunc) rw_chart_data_ref,
                                               (GBoxedFreeFunc) rw_chart_data_unref);
      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

/* Monthly steps give break-even points to within a month before interpolation. */
#define TCO_STEPS_PER_YEAR 12
#define TCO_MIN_YEARS      5.0

static const char * const chart_ids[RW_CHART_N] = {
  "memory", "cost", "throughput", "tco", "breakeven", "validation",
};

static void
price_source_free (gpointer data)
{
  RwPriceSource *p = data;

  g_free (p->item_id);
  g_free (p->name);
  g_free (p->currency);
  g_free (p->date);
  g_free (p->source);
  g_free (p);
}

static void
evidence_clear (gpointer data)
{
  RwChartEvidence *e = data;

  g_free (e->machine);
  g_free (e->model);
  g_free (e->format);
  g_free (e->test);
  g_free (e->build);
  g_free (e->source);
}

/* The measured rows behind the compared systems' estimates: all rows on
 * their chips for the validation chart, the nearest for the Speed view. */
static void
collect_evidence (RwChartData *data,
                  RwCatalog   *catalog)
{
  g_autoptr(RwValidation) validation = NULL;

  data->validation = g_array_new (FALSE, TRUE, sizeof (RwChartEvidence));
  g_array_set_clear_func (data->validation, evidence_clear);
  data->evidence = g_new (guint, data->n_systems * RW_CHART_MAX_EVIDENCE);
  data->speed_error = g_new (double, data->n_systems);
  for (guint i = 0; i < data->n_systems * RW_CHART_MAX_EVIDENCE; i++)
    data->evidence[i] = G_MAXUINT;
  for (guint i = 0; i < data->n_systems; i++)
    data->speed_error[i] = NAN;
  if (catalog == NULL)
    return;
  validation = rw_validate_full (catalog, RW_VALIDATE_ROWS_ONLY, NULL);
  if (validation == NULL)
    return;

  for (guint s = 0; s < data->n_systems; s++)
    {
      RwEvidence nearest[RW_CHART_MAX_EVIDENCE];
      guint first = data->validation->len;
      guint n = rw_evidence_nearest (validation, data->systems[s], &data->workload,
                                     nearest, RW_CHART_MAX_EVIDENCE);
      g_autofree double *errors = NULL;
      guint n_errors = 0;

      for (guint r = 0; r < validation->rows->len; r++)
        {
          const RwValidationRow *row = &g_array_index (validation->rows, RwValidationRow, r);
          const RwBenchmark *b = row->benchmark;
          RwChartEvidence e;

          if (!rw_validation_row_counts (row) || !rw_evidence_same_chip (row, data->systems[s]))
            continue;
          e = (RwChartEvidence) {
            .system = s,
            .decode = b->kind == RW_BENCHMARK_DECODE,
            .machine = g_strdup (row->system->short_name != NULL ? row->system->short_name
                                 : row->system->name != NULL ? row->system->name : b->system_id),
            .model = g_strdup (b->model_id),
            .format = g_strdup (b->weights_id),
            .test = g_strdup_printf ("%s%u", b->kind == RW_BENCHMARK_DECODE ? "tg" : "pp", b->tokens),
            .depth = b->depth,
            .batch = MAX (b->batch, 1),
            .measured = b->tok_s,
            .predicted = row->predicted,
            .build = g_strdup (b->build),
            .source = g_strdup (b->source),
          };
          g_array_append_val (data->validation, e);
          for (guint k = 0; k < n; k++)
            if (nearest[k].row == row)
              data->evidence[s * RW_CHART_MAX_EVIDENCE + k] = data->validation->len - 1;
        }

      errors = g_new (double, MAX (data->validation->len - first, 1));
      for (guint i = first; i < data->validation->len; i++)
        {
          const RwChartEvidence *e = &g_array_index (data->validation, RwChartEvidence, i);

          errors[n_errors++] = fabs (e->predicted / e->measured - 1);
        }
      data->speed_error[s] = rw_median (errors, n_errors);
    }
}

static const char *
currency_of (const RwSystem *system)
{
  return system->currency != NULL && *system->currency ? system->currency : "USD";
}

/* An amount in the currency of @data's system @index. */
static char *
system_money (const RwChartData *data,
              guint              index,
              double             value,
              int                decimals)
{
  return rw_format_money (value, currency_of (data->systems[index]), decimals,
                          data->currency_display);
}

char *
_rw_format_money (const RwChartData *data,
                  double             value,
                  int                decimals)
{
  return rw_format_money (value, data->currency, decimals, data->currency_display);
}

char *
_rw_format_gb (const RwChartData *data,
               double             bytes)
{
  double units = bytes / rw_memory_units_get_bytes (data->units);

  return rw_format_memory (bytes, fabs (units) >= 100 ? 0 : 1, data->units);
}

char *
_rw_format_tokens (double tokens)
{
  g_autofree char *number = NULL;

  if (tokens >= 1024 * 1024 - 0.5)
    {
      double m = tokens / (1024.0 * 1024.0);
      number = rw_format_number (m, fabs (m - round (m)) < 0.05 ? 0 : 1);
      return g_strdup_printf ("%sM", number);
    }
  if (tokens >= 1024 - 0.5)
    {
      double k = tokens / 1024.0;
      number = rw_format_number (k, fabs (k - round (k)) < 0.05 ? 0 : 1);
      return g_strdup_printf ("%sK", number);
    }
  return rw_format_number (tokens, 0);
}

const char *
_rw_memory_part_name (RwMemoryPart part)
{
  switch (part)
    {
    case RW_MEMORY_PART_WEIGHTS:     return _("Weights");
    case RW_MEMORY_PART_KV_CACHE:    return _("KV cache");
    case RW_MEMORY_PART_ACTIVATIONS: return _("Activations");
    case RW_MEMORY_PART_GRADIENTS:   return _("Gradients");
    case RW_MEMORY_PART_OPTIMIZER:   return _("Optimizer");
    case RW_MEMORY_PART_OVERHEAD:    return _("Overhead");
    default:                         g_return_val_if_reached ("");
    }
}

double
_rw_memory_part_bytes (const RwMemoryBreakdown *memory,
                       RwMemoryPart             part)
{
  switch (part)
    {
    case RW_MEMORY_PART_WEIGHTS:     return memory->weights;
    case RW_MEMORY_PART_KV_CACHE:    return memory->kv_cache;
    case RW_MEMORY_PART_ACTIVATIONS: return memory->activations;
    case RW_MEMORY_PART_GRADIENTS:   return memory->gradients;
    case RW_MEMORY_PART_OPTIMIZER:   return memory->optimizer;
    case RW_MEMORY_PART_OVERHEAD:    return memory->overhead;
    default:                         g_return_val_if_reached (0);
    }
}

const char *
_rw_system_label (const RwSystem *system)
{
  if ((system->short_name != NULL && *system->short_name) || (system->name != NULL && *system->name))
    return rw_system_get_label (system);
  return system->id != NULL ? system->id : "?";
}

static const char *
mode_label (RwMode mode)
{
  switch (mode)
    {
    case RW_MODE_INFERENCE: return _("inference");
    case RW_MODE_LORA:      return _("LoRA fine-tune");
    case RW_MODE_QLORA:     return _("QLoRA fine-tune");
    case RW_MODE_FULL:      return _("full fine-tune");
    default:                g_return_val_if_reached ("");
    }
}

static const char *
format_label (const RwFormat *format)
{
  if (format == NULL)
    return "?";
  return format->name != NULL ? format->name : format->id;
}

static char *
build_subtitle (const RwChartData *data)
{
  const RwWorkload *w = &data->workload;
  GString *s = g_string_new (NULL);
  g_autofree char *context = _rw_format_tokens (w->context);

  g_string_append (s, data->model->name != NULL ? data->model->name : data->model->id);
  g_string_append (s, " · ");
  if (w->bits_per_weight_override > 0)
    {
      g_autofree char *bpw = rw_format_number (w->bits_per_weight_override, 2);
      /* TRANSLATORS: bits per weight */
      g_string_append_printf (s, _("%s bpw"), bpw);
    }
  else
    g_string_append (s, format_label (data->weights));
  g_string_append (s, " · ");
  /* TRANSLATORS: the KV-cache number format, e.g. "KV F16" */
  g_string_append_printf (s, _("KV %s"), format_label (data->kv));
  g_string_append (s, " · ");
  /* TRANSLATORS: e.g. "32K context" */
  g_string_append_printf (s, _("%s context"), context);
  g_string_append (s, " · ");
  if (w->mode == RW_MODE_INFERENCE)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "batch %u", "batch %u", w->batch), w->batch);
  else
    g_string_append_printf (s, _("sequence %u × micro-batch %u"), w->seq_len, w->micro_batch);
  g_string_append (s, " · ");
  g_string_append (s, mode_label (w->mode));

  return g_string_free (s, FALSE);
}

static void
add_price (RwChartData    *data,
           RwCatalog      *catalog,
           const char     *item_id,
           const char     *name,
           guint           quantity,
           const RwFigure *price,
           const char     *currency)
{
  RwPriceSource *p;

  /* Builds share parts (the same RAM kit, case, …): list each item once. */
  for (guint i = 0; item_id != NULL && i < data->prices->len; i++)
    {
      const RwPriceSource *seen = g_ptr_array_index (data->prices, i);

      if (g_strcmp0 (seen->item_id, item_id) == 0 && seen->quantity == quantity)
        return;
    }

  p = g_new0 (RwPriceSource, 1);
  p->item_id = g_strdup (item_id);
  p->name = g_strdup (name);
  p->quantity = quantity;
  p->value = price->value;
  p->currency = g_strdup (currency);
  p->date = g_strdup (price->date);
  p->source = g_strdup (price->source);
  p->assumed = price->assumed;
  if (catalog != NULL && item_id != NULL && rw_catalog_has_price_item (catalog, item_id))
    {
      RwPriceOrigin origin = RW_PRICE_ORIGIN_BUNDLED;

      if (rw_catalog_get_price (catalog, item_id, &origin) != NULL)
        {
          p->known_origin = TRUE;
          p->origin = origin;
        }
    }
  g_ptr_array_add (data->prices, p);
}

static void
collect_prices (RwChartData *data,
                RwCatalog   *catalog)
{
  g_autofree char *oldest = NULL;
  g_autofree char *newest = NULL;
  gboolean feed = FALSE, user = FALSE;
  guint n_assumed = 0;
  GString *note;

  for (guint i = 0; i < data->n_systems; i++)
    {
      const RwSystem *system = data->systems[i];

      if (system->components == NULL || system->components->len == 0)
        add_price (data, catalog, system->id, system->name, 1, &system->price, currency_of (system));
      else
        for (guint c = 0; c < system->components->len; c++)
          {
            const RwComponent *comp = g_ptr_array_index (system->components, c);

            add_price (data, catalog, comp->id, comp->name, comp->quantity, &comp->price,
                       currency_of (system));
          }
    }

  for (guint i = 0; i < data->prices->len; i++)
    {
      const RwPriceSource *p = g_ptr_array_index (data->prices, i);

      /* An assumed price carries its source's date (a review of the part, say),
       * which says nothing about when the price held. */
      if (p->assumed)
        n_assumed++;
      else if (p->date != NULL && *p->date)
        {
          if (oldest == NULL || strcmp (p->date, oldest) < 0)
            {
              g_free (oldest);
              oldest = g_strdup (p->date);
            }
          if (newest == NULL || strcmp (p->date, newest) > 0)
            {
              g_free (newest);
              newest = g_strdup (p->date);
            }
        }
      if (p->known_origin && p->origin == RW_PRICE_ORIGIN_FEED)
        feed = TRUE;
      if (p->known_origin && p->origin == RW_PRICE_ORIGIN_USER)
        user = TRUE;
    }

  note = g_string_new (NULL);
  if (oldest == NULL)
    g_string_append (note, _("Prices undated"));
  else if (g_str_equal (oldest, newest))
    g_string_append_printf (note, _("Prices as of %s"), newest);
  else
    g_string_append_printf (note, _("Prices dated %s to %s"), oldest, newest);
  if (feed && user)
    g_string_append (note, _(", some from the price feed and some edited by you"));
  else if (feed)
    g_string_append (note, _(", some from the price feed"));
  else if (user)
    g_string_append (note, _(", some edited by you"));
  if (n_assumed > 0)
    /* TRANSLATORS: appended to "Prices dated 2025-03 to 2026-06-25" */
    g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                                "; %u price assumed, none published",
                                                "; %u prices assumed, none published", n_assumed),
                            n_assumed);
  data->price_note = g_string_free (note, FALSE);
}

static gboolean
compute_throughput (RwChartData  *data,
                    GError      **error)
{
  data->decode = g_new (double, data->n_systems * RW_CHART_N_DEPTHS);
  data->depth_fit = g_new (RwFit, data->n_systems * RW_CHART_N_DEPTHS);
  data->n_depths_used = 1;

  for (guint d = 0; d < RW_CHART_N_DEPTHS; d++)
    data->depths[d] = round (1024.0 * pow (2.0, d / 2.0));

  for (guint i = 0; i < data->n_systems; i++)
    for (guint d = 0; d < RW_CHART_N_DEPTHS; d++)
      {
        RwWorkload w = data->workload;
        RwEstimate est;
        guint slot = i * RW_CHART_N_DEPTHS + d;

        /* Decode speed of the same model served for inference, with a KV
         * cache sized for exactly the tokens already cached. */
        w.mode = RW_MODE_INFERENCE;
        w.depth = (guint) data->depths[d];
        w.context = (guint) data->depths[d];
        if (!rw_estimate (data->systems[i], &w, &est, error))
          return FALSE;
        data->depth_fit[slot] = est.fit;
        data->decode[slot] = est.fit == RW_FIT_DOES_NOT_FIT ? NAN : est.decode_tok_s;
        if (isfinite (data->decode[slot]) && d + 1 > data->n_depths_used)
          data->n_depths_used = d + 1;
      }

  return TRUE;
}

static gboolean
compute_decode_full (RwChartData  *data,
                     GError      **error)
{
  data->decode_full = g_new (double, data->n_systems);
  for (guint i = 0; i < data->n_systems; i++)
    {
      RwWorkload w = data->workload;
      RwEstimate est;

      data->decode_full[i] = NAN;
      if (w.mode != RW_MODE_INFERENCE)
        continue;
      w.depth = w.context;
      if (!rw_estimate (data->systems[i], &w, &est, error))
        return FALSE;
      if (est.fit != RW_FIT_DOES_NOT_FIT)
        data->decode_full[i] = est.decode_tok_s;
    }

  return TRUE;
}

static void
compute_tco (RwChartData *data)
{
  double years = MAX (TCO_MIN_YEARS, ceil (data->workload.years));

  data->tco_years = years;
  data->n_tco = (guint) (years * TCO_STEPS_PER_YEAR) + 1;
  data->tco = g_new (double, data->n_systems * data->n_tco);
  data->break_evens = g_array_new (FALSE, FALSE, sizeof (RwBreakEven));

  for (guint i = 0; i < data->n_systems; i++)
    for (guint s = 0; s < data->n_tco; s++)
      data->tco[i * data->n_tco + s] =
        rw_estimate_tco_at (data->systems[i], &data->workload, rw_chart_data_tco_year (data, s));

  /* A break-even point is where the difference of two TCO curves changes
   * sign: the dearer machine to buy has become the cheaper one to own. */
  for (guint a = 0; a < data->n_systems; a++)
    for (guint b = a + 1; b < data->n_systems; b++)
      for (guint s = 1; s < data->n_tco; s++)
        {
          double d0 = rw_chart_data_tco_at (data, a, s - 1) - rw_chart_data_tco_at (data, b, s - 1);
          double d1 = rw_chart_data_tco_at (data, a, s) - rw_chart_data_tco_at (data, b, s);

          if (!isfinite (d0) || !isfinite (d1) || d0 == 0 || (d0 < 0) == (d1 < 0))
            continue;
          {
            double t = d0 / (d0 - d1);
            double y0 = rw_chart_data_tco_year (data, s - 1);
            double y1 = rw_chart_data_tco_year (data, s);
            double c0 = rw_chart_data_tco_at (data, a, s - 1);
            double c1 = rw_chart_data_tco_at (data, a, s);
            RwBreakEven be;

            be.a = d0 < 0 ? a : b;
            be.b = d0 < 0 ? b : a;
            be.years = y0 + t * (y1 - y0);
            be.cost = c0 + t * (c1 - c0);
            g_array_append_val (data->break_evens, be);
          }
        }
}

/* The rent-or-buy horizon: the workload's hours of use over its years,
 * stretched so the earliest crossing shows if all lie beyond it; at least
 * 100 hours. Every finite crossing is kept, in or out of the range. */
static void
compute_rent_or_buy (RwChartData *data)
{
  double horizon = data->workload.years * 365 * data->workload.hours_per_day;
  double first = INFINITY;
  gboolean any_cloud = FALSE, any_owned = FALSE;

  data->rent_crossings = g_array_new (FALSE, FALSE, sizeof (RwRentCrossing));
  for (guint o = 0; o < data->n_systems; o++)
    for (guint c = 0; c < data->n_systems; c++)
      {
        double hours = rw_estimate_break_even_hours (&data->estimates[o], &data->estimates[c],
                                                     &data->workload);
        RwRentCrossing crossing = { o, c, hours, 0 };

        if (!isfinite (hours))
          continue;
        crossing.cost = rw_estimate_cost_after_hours (&data->estimates[c], &data->workload, hours);
        g_array_append_val (data->rent_crossings, crossing);
        first = MIN (first, hours);
      }
  for (guint i = 0; i < data->n_systems; i++)
    {
      any_cloud |= rw_system_is_cloud (data->systems[i]);
      any_owned |= !rw_system_is_cloud (data->systems[i]);
    }
  if (!(horizon > 0))
    horizon = 1000;
  if (any_cloud && any_owned && isfinite (first) && first * 1.25 > horizon)
    horizon = first * 1.25;
  data->rent_hours = MAX (100, horizon);
}

RwChartData *
rw_chart_data_new (RwCatalog         *catalog,
                   RwSystem         **systems,
                   guint              n_systems,
                   const RwWorkload  *workload,
                   GError           **error)
{
  g_autoptr(RwChartData) data = NULL;

  g_return_val_if_fail (catalog == NULL || RW_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (systems != NULL || n_systems == 0, NULL);
  g_return_val_if_fail (workload != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_systems == 0)
    {
      g_set_error_literal (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE,
                           _("No system to chart: select at least one"));
      return NULL;
    }
  if (!rw_workload_validate (workload, error))
    return NULL;

  data = g_new0 (RwChartData, 1);
  g_atomic_ref_count_init (&data->ref_count);
  data->prices = g_ptr_array_new_with_free_func (price_source_free);

  /* Deep copies: the caller may free its model, formats and systems. */
  data->model = rw_model_copy (workload->model);
  data->weights = workload->weights != NULL ? rw_format_copy (workload->weights) : NULL;
  data->kv = workload->kv != NULL ? rw_format_copy (workload->kv) : NULL;
  data->runtime = g_strdup (workload->runtime);
  data->workload = *workload;
  data->workload.model = data->model;
  data->workload.weights = data->weights;
  data->workload.kv = data->kv;
  data->workload.runtime = data->runtime;

  data->n_systems = n_systems;
  data->systems = g_new0 (RwSystem *, n_systems);
  data->estimates = g_new0 (RwEstimate, n_systems);
  for (guint i = 0; i < n_systems; i++)
    {
      g_return_val_if_fail (systems[i] != NULL, NULL);
      data->systems[i] = rw_system_ref (systems[i]);
    }

  for (guint i = 0; i < n_systems; i++)
    {
      if (!rw_estimate (data->systems[i], &data->workload, &data->estimates[i], error))
        return NULL;
      data->estimates[i].system = data->systems[i];
      if (!g_str_equal (currency_of (data->systems[i]), currency_of (data->systems[0])))
        data->mixed_currency = TRUE;
    }
  data->currency = g_strdup (currency_of (data->systems[0]));

  if (!compute_decode_full (data, error))
    return NULL;
  if (!compute_throughput (data, error))
    return NULL;
  compute_tco (data);
  compute_rent_or_buy (data);
  collect_prices (data, catalog);
  collect_evidence (data, catalog);
  data->subtitle = build_subtitle (data);
  /* GiB is what nvidia-smi, llama.cpp and PyTorch print. */
  data->units = RW_MEMORY_UNITS_GIB;
  data->answer = rw_answer_new (&data->workload, data->estimates, data->n_systems,
                                data->units, data->currency_display);
  data->warnings = rw_workload_dup_warnings (&data->workload);

  return g_steal_pointer (&data);
}

void
rw_chart_data_set_display (RwChartData       *data,
                           RwMemoryUnits      units,
                           RwCurrencyDisplay  currency_display)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (units == RW_MEMORY_UNITS_GB || units == RW_MEMORY_UNITS_GIB);
  g_return_if_fail (currency_display == RW_CURRENCY_DISPLAY_SYMBOL
                    || currency_display == RW_CURRENCY_DISPLAY_CODE);

  data->units = units;
  data->currency_display = currency_display;
  g_clear_pointer (&data->answer, rw_answer_free);
  data->answer = rw_answer_new (&data->workload, data->estimates, data->n_systems,
                                units, currency_display);
}

const RwAnswer *
rw_chart_data_get_answer (const RwChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return data->answer;
}

const char * const *
rw_chart_data_get_warnings (const RwChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return (const char * const *) data->warnings;
}

RwMemoryUnits
rw_chart_data_get_memory_units (const RwChartData *data)
{
  g_return_val_if_fail (data != NULL, RW_MEMORY_UNITS_GB);
  return data->units;
}

RwCurrencyDisplay
rw_chart_data_get_currency_display (const RwChartData *data)
{
  g_return_val_if_fail (data != NULL, RW_CURRENCY_DISPLAY_SYMBOL);
  return data->currency_display;
}

RwChartData *
rw_chart_data_ref (RwChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
rw_chart_data_unref (RwChartData *data)
{
  g_return_if_fail (data != NULL);

  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;

  for (guint i = 0; i < data->n_systems; i++)
    g_clear_pointer (&data->systems[i], rw_system_unref);
  g_free (data->systems);
  g_free (data->estimates);
  g_free (data->decode_full);
  g_clear_pointer (&data->model, rw_model_free);
  g_clear_pointer (&data->weights, rw_format_free);
  g_clear_pointer (&data->kv, rw_format_free);
  g_free (data->runtime);
  g_free (data->subtitle);
  g_free (data->price_note);
  g_free (data->currency);
  g_free (data->decode);
  g_free (data->depth_fit);
  g_free (data->tco);
  g_clear_pointer (&data->break_evens, g_array_unref);
  g_clear_pointer (&data->rent_crossings, g_array_unref);
  g_clear_pointer (&data->prices, g_ptr_array_unref);
  g_clear_pointer (&data->answer, rw_answer_free);
  g_clear_pointer (&data->validation, g_array_unref);
  g_free (data->evidence);
  g_free (data->speed_error);
  g_strfreev (data->warnings);
  g_free (data);
}

guint
rw_chart_data_get_n_validation (const RwChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->validation->len;
}

const RwChartEvidence *
rw_chart_data_get_validation (const RwChartData *data,
                              guint              index)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (index < data->validation->len, NULL);
  return &g_array_index (data->validation, RwChartEvidence, index);
}

guint
rw_chart_data_get_evidence (const RwChartData      *data,
                            guint                   system,
                            const RwChartEvidence **out,
                            guint                   max)
{
  guint n = 0;

  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (system < data->n_systems, 0);

  for (guint k = 0; k < RW_CHART_MAX_EVIDENCE && n < max; k++)
    {
      guint index = data->evidence[system * RW_CHART_MAX_EVIDENCE + k];

      if (index != G_MAXUINT)
        out[n++] = &g_array_index (data->validation, RwChartEvidence, index);
    }
  return n;
}

double
rw_chart_data_get_speed_error (const RwChartData *data,
                               guint              system)
{
  g_return_val_if_fail (data != NULL, NAN);
  g_return_val_if_fail (system < data->n_systems, NAN);
  return data->speed_error[system];
}

guint
rw_chart_data_get_n_systems (const RwChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);
  return data->n_systems;
}

const RwSystem *
rw_chart_data_get_system (const RwChartData *data,
                          guint              index)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (index < data->n_systems, NULL);
  return data->systems[index];
}

const RwEstimate *
rw_chart_data_get_estimate (const RwChartData *data,
                            guint              index)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (index < data->n_systems, NULL);
  return &data->estimates[index];
}

const RwWorkload *
rw_chart_data_get_workload (const RwChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return &data->workload;
}

double
rw_chart_data_get_decode_full_context (const RwChartData *data,
                                       guint              index)
{
  g_return_val_if_fail (data != NULL, NAN);
  g_return_val_if_fail (index < data->n_systems, NAN);
  return data->decode_full[index];
}

char *
rw_chart_data_dup_decode_title (guint depth)
{
  g_autofree char *tokens = NULL;

  if (depth == 0)
    return g_strdup (_("Decode, empty context"));
  tokens = _rw_format_tokens (depth);
  /* Translators: "Decode, 4K in context": speed with 4K tokens cached */
  return g_strdup_printf (_("Decode, %s in context"), tokens);
}

const char *
rw_chart_data_get_subtitle (const RwChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return data->subtitle;
}

const char *
rw_chart_data_get_price_note (const RwChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  return data->price_note;
}

const char *
rw_chart_kind_get_title (RwChartKind kind)
{
  switch (kind)
    {
    case RW_CHART_MEMORY:     return _("Memory fit");
    case RW_CHART_COST:       return _("Cost per dense TFLOP");
    case RW_CHART_THROUGHPUT: return _("Decode speed vs context");
    case RW_CHART_TCO:        return _("Total cost of ownership");
    case RW_CHART_BREAKEVEN:  return _("Rent or buy");
    case RW_CHART_VALIDATION: return _("Predicted vs measured");
    default:                  g_return_val_if_reached ("");
    }
}

const char *
rw_chart_kind_to_string (RwChartKind kind)
{
  g_return_val_if_fail (kind < RW_CHART_N, NULL);
  return chart_ids[kind];
}

gboolean
rw_chart_kind_from_string (const char  *str,
                           RwChartKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; str != NULL && i < RW_CHART_N; i++)
    if (g_ascii_strcasecmp (str, chart_ids[i]) == 0)
      {
        *kind = (RwChartKind) i;
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Tables                                                             */

void
rw_chart_table_free (RwChartTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_strfreev (table->columns);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

static RwChartTable *
table_new (const char *title,
           GPtrArray  *columns)
{
  RwChartTable *table = g_new0 (RwChartTable, 1);

  table->title = g_strdup (title);
  table->n_columns = columns->len;
  g_ptr_array_add (columns, NULL);
  table->columns = (char **) g_ptr_array_free (columns, FALSE);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

static void
table_add_row (RwChartTable *table,
               GPtrArray    *cells)
{
  g_assert (cells->len == table->n_columns);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (table->rows, g_ptr_array_free (cells, FALSE));
}

static GPtrArray *
strv_builder (void)
{
  return g_ptr_array_new ();
}

static const char *
fit_label (const RwEstimate *est)
{
  switch (est->fit)
    {
    case RW_FIT_FITS:         return _("Fits");
    case RW_FIT_SPILLS:       return _("Spills to host RAM");
    case RW_FIT_DOES_NOT_FIT: return _("Does not fit");
    default:                  g_return_val_if_reached ("");
    }
}

static RwChartTable *
memory_table (const RwChartData *data)
{
  GPtrArray *cols = strv_builder ();
  RwChartTable *table;

  g_ptr_array_add (cols, g_strdup (_("System")));
  for (guint p = 0; p < RW_MEMORY_PART_N; p++)
    g_ptr_array_add (cols, g_strdup (_rw_memory_part_name (p)));
  g_ptr_array_add (cols, g_strdup (_("Total")));
  g_ptr_array_add (cols, g_strdup (_("Fast memory")));
  g_ptr_array_add (cols, g_strdup (_("Capacity")));
  g_ptr_array_add (cols, g_strdup (_("In host RAM")));
  g_ptr_array_add (cols, g_strdup (_("Verdict")));
  table = table_new (rw_chart_kind_get_title (RW_CHART_MEMORY), cols);

  for (guint i = 0; i < data->n_systems; i++)
    {
      const RwEstimate *est = &data->estimates[i];
      GPtrArray *row = strv_builder ();

      g_ptr_array_add (row, g_strdup (_rw_system_label (data->systems[i])));
      for (guint p = 0; p < RW_MEMORY_PART_N; p++)
        g_ptr_array_add (row, _rw_format_gb (data, _rw_memory_part_bytes (&est->memory, p)));
      g_ptr_array_add (row, _rw_format_gb (data, est->memory.total));
      g_ptr_array_add (row, _rw_format_gb (data, est->memory.device_capacity));
      g_ptr_array_add (row, _rw_format_gb (data, est->memory.capacity));
      g_ptr_array_add (row, _rw_format_gb (data, est->memory.spill));
      g_ptr_array_add (row, g_strdup (fit_label (est)));
      table_add_row (table, row);
    }
  return table;
}

/* "not published" for a peak the vendor does not state: never a zero. */
char *
_rw_format_per_tflop (const RwChartData *data,
                      guint              system,
                      RwPrecision        precision)
{
  double v = data->estimates[system].per_tflop[precision];
  g_autofree char *money = NULL;

  if (!isfinite (v))
    return g_strdup (_("not published"));
  money = system_money (data, system, v, v < 100 ? 2 : 0);
  /* An assumed peak (the vendor publishes none) is marked as approximate. */
  if (data->systems[system]->peak[precision].assumed)
    return g_strdup_printf ("≈%s", money);
  return g_steal_pointer (&money);
}

static RwChartTable *
cost_table (const RwChartData *data)
{
  GPtrArray *cols = strv_builder ();
  RwChartTable *table;

  g_ptr_array_add (cols, g_strdup (_("System")));
  g_ptr_array_add (cols, g_strdup (_("Price")));
  for (guint p = 0; p < RW_PRECISION_N; p++)
    /* TRANSLATORS: column header, e.g. "Per TFLOP FP8" */
    g_ptr_array_add (cols, g_strdup_printf (_("Per TFLOP %s"), rw_precision_to_string (p)));
  g_ptr_array_add (cols, g_strdup (_("Per GB")));
  g_ptr_array_add (cols, g_strdup (_("Per decode tok/s")));
  table = table_new (rw_chart_kind_get_title (RW_CHART_COST), cols);

  for (guint i = 0; i < data->n_systems; i++)
    {
      const RwEstimate *est = &data->estimates[i];
      GPtrArray *row = strv_builder ();

      g_ptr_array_add (row, g_strdup (_rw_system_label (data->systems[i])));
      g_ptr_array_add (row, system_money (data, i, est->price, 0));
      for (guint p = 0; p < RW_PRECISION_N; p++)
        g_ptr_array_add (row, _rw_format_per_tflop (data, i, p));
      g_ptr_array_add (row, system_money (data, i, est->per_gb, 2));
      g_ptr_array_add (row, system_money (data, i, est->per_decode_tok_s, 0));
      table_add_row (table, row);
    }
  return table;
}

static RwChartTable *
throughput_table (const RwChartData *data)
{
  GPtrArray *cols = strv_builder ();
  RwChartTable *table;

  g_ptr_array_add (cols, g_strdup (_("Context depth")));
  for (guint i = 0; i < data->n_systems; i++)
    /* TRANSLATORS: column header, a system name and the unit */
    g_ptr_array_add (cols, g_strdup_printf (_("%s (tok/s)"), _rw_system_label (data->systems[i])));
  table = table_new (rw_chart_kind_get_title (RW_CHART_THROUGHPUT), cols);

  /* Whole powers of two only: the half steps add rows, not insight. */
  for (guint d = 0; d < RW_CHART_N_DEPTHS; d += 2)
    {
      GPtrArray *row = strv_builder ();

      g_ptr_array_add (row, _rw_format_tokens (data->depths[d]));
      for (guint i = 0; i < data->n_systems; i++)
        {
          double v = rw_chart_data_decode_at (data, i, d);

          if (!isfinite (v))
            g_ptr_array_add (row, g_strdup (_("does not fit")));
          else if (data->depth_fit[i * RW_CHART_N_DEPTHS + d] == RW_FIT_SPILLS)
            {
              g_autofree char *n = rw_format_number (v, 1);
              /* TRANSLATORS: a speed measured with part of the model in host RAM */
              g_ptr_array_add (row, g_strdup_printf (_("%s (spills)"), n));
            }
          else
            g_ptr_array_add (row, rw_format_number (v, 1));
        }
      table_add_row (table, row);
    }
  return table;
}

static RwChartTable *
tco_table (const RwChartData *data)
{
  GPtrArray *cols = strv_builder ();
  RwChartTable *table;

  g_ptr_array_add (cols, g_strdup (_("Years")));
  for (guint i = 0; i < data->n_systems; i++)
    g_ptr_array_add (cols, g_strdup (_rw_system_label (data->systems[i])));
  table = table_new (rw_chart_kind_get_title (RW_CHART_TCO), cols);

  for (guint s = 0; s < data->n_tco; s += TCO_STEPS_PER_YEAR)
    {
      GPtrArray *row = strv_builder ();

      g_ptr_array_add (row, rw_format_number (rw_chart_data_tco_year (data, s), 0));
      for (guint i = 0; i < data->n_systems; i++)
        g_ptr_array_add (row, system_money (data, i, rw_chart_data_tco_at (data, i, s), 0));
      table_add_row (table, row);
    }
  return table;
}

/* One row per system: what it costs up front, per hour of use and per
 * million tokens, and for an owned one when it beats each rented one. */
static RwChartTable *
rent_table (const RwChartData *data)
{
  GPtrArray *cols = strv_builder ();
  RwChartTable *table;

  g_ptr_array_add (cols, g_strdup (_("System")));
  g_ptr_array_add (cols, g_strdup (_("Up front")));
  g_ptr_array_add (cols, g_strdup (_("Per hour of use")));
  g_ptr_array_add (cols, g_strdup (_("Per million tokens")));
  for (guint c = 0; c < data->n_systems; c++)
    if (rw_system_is_cloud (data->systems[c]))
      /* TRANSLATORS: a column: hours of use after which owning beats renting "H100 SXM (cloud)" */
      g_ptr_array_add (cols, g_strdup_printf (_("Break-even vs %s"), _rw_system_label (data->systems[c])));
  table = table_new (rw_chart_kind_get_title (RW_CHART_BREAKEVEN), cols);

  for (guint i = 0; i < data->n_systems; i++)
    {
      const RwEstimate *est = &data->estimates[i];
      gboolean cloud = rw_system_is_cloud (data->systems[i]);
      GPtrArray *row = strv_builder ();

      g_ptr_array_add (row, g_strdup (_rw_system_label (data->systems[i])));
      g_ptr_array_add (row, cloud ? g_strdup (_("nothing (rented)")) : system_money (data, i, est->price, 0));
      g_ptr_array_add (row, system_money (data, i, est->per_hour, 2));
      g_ptr_array_add (row, system_money (data, i, est->per_mtok, 2));
      for (guint c = 0; c < data->n_systems; c++)
        {
          double hours;

          if (!rw_system_is_cloud (data->systems[c]))
            continue;
          hours = rw_estimate_break_even_hours (est, &data->estimates[c], &data->workload);
          if (cloud)
            g_ptr_array_add (row, g_strdup ("—"));
          else if (isinf (hours))
            g_ptr_array_add (row, g_strdup (_("never")));
          else if (isnan (hours))
            g_ptr_array_add (row, g_strdup (_("n/a")));
          else
            g_ptr_array_add (row, _rw_format_hours (data, hours));
        }
      table_add_row (table, row);
    }
  return table;
}

/* One row per measured row: where it ran, what, measured, predicted and
 * the error, and its source. */
static RwChartTable *
validation_table (const RwChartData *data)
{
  GPtrArray *cols = strv_builder ();
  RwChartTable *table;

  g_ptr_array_add (cols, g_strdup (_("System")));
  g_ptr_array_add (cols, g_strdup (_("Measured on")));
  g_ptr_array_add (cols, g_strdup (_("Model")));
  g_ptr_array_add (cols, g_strdup (_("Format")));
  g_ptr_array_add (cols, g_strdup (_("Test")));
  g_ptr_array_add (cols, g_strdup (_("Depth")));
  g_ptr_array_add (cols, g_strdup (_("Sequences")));
  g_ptr_array_add (cols, g_strdup (_("Measured tok/s")));
  g_ptr_array_add (cols, g_strdup (_("Predicted tok/s")));
  g_ptr_array_add (cols, g_strdup (_("Error")));
  g_ptr_array_add (cols, g_strdup (_("Source")));
  table = table_new (rw_chart_kind_get_title (RW_CHART_VALIDATION), cols);

  for (guint i = 0; i < data->validation->len; i++)
    {
      const RwChartEvidence *e = &g_array_index (data->validation, RwChartEvidence, i);
      GPtrArray *row = strv_builder ();
      g_autofree char *error = rw_format_number ((e->predicted / e->measured - 1) * 100, 1);

      g_ptr_array_add (row, g_strdup (_rw_system_label (data->systems[e->system])));
      g_ptr_array_add (row, g_strdup (e->machine));
      g_ptr_array_add (row, g_strdup (e->model));
      g_ptr_array_add (row, g_strdup (e->format));
      g_ptr_array_add (row, g_strdup (e->test));
      g_ptr_array_add (row, rw_format_number (e->depth, 0));
      g_ptr_array_add (row, rw_format_number (e->batch, 0));
      g_ptr_array_add (row, rw_format_number (e->measured, 1));
      g_ptr_array_add (row, rw_format_number (e->predicted, 1));
      /* TRANSLATORS: a relative error, "+4.2 %" */
      g_ptr_array_add (row, g_strdup_printf (_("%s%s %%"), e->predicted >= e->measured ? "+" : "", error));
      g_ptr_array_add (row, g_strdup (e->source));
      table_add_row (table, row);
    }
  return table;
}

char *
_rw_format_hours (const RwChartData *data,
                  double             hours)
{
  g_autofree char *h = rw_format_number (hours, 0);
  double months = rw_chart_data_hours_to_months (data, hours);
  g_autofree char *m = NULL;

  if (!isfinite (months))
    /* TRANSLATORS: hours of use, "1,008 h" */
    return g_strdup_printf (_("%s h"), h);
  m = rw_format_number (months, months < 10 ? 1 : 0);
  /* TRANSLATORS: hours of use and the months they take at the chosen hours a day, "1,008 h (4.1 months)" */
  return g_strdup_printf (_("%s h (%s months)"), h, m);
}

RwChartTable *
rw_chart_data_get_table (const RwChartData *data,
                         RwChartKind        kind)
{
  g_return_val_if_fail (data != NULL, NULL);

  switch (kind)
    {
    case RW_CHART_MEMORY:     return memory_table (data);
    case RW_CHART_COST:       return cost_table (data);
    case RW_CHART_THROUGHPUT: return throughput_table (data);
    case RW_CHART_TCO:        return tco_table (data);
    case RW_CHART_BREAKEVEN:  return rent_table (data);
    case RW_CHART_VALIDATION: return validation_table (data);
    default:                  g_return_val_if_reached (NULL);
    }
}
