/* rw-evidence.c: the measured rows nearest a workload on a system
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a user should see next to an estimate: rows measured on the same
 * chip, as close to the workload as the data has, each with the core's
 * prediction for it. Distance, in rough units of "how different":
 *   model:  0 for the same model, else 1 + |ln active-params ratio|
 *           + ½ |ln total-params ratio| + 1 if one is MoE and the other
 *           dense (the active weights set decode and prefill; a 30B-A3B
 *           is far from a 32B dense, a dense 70B nearer a dense 7B than a
 *           120B MoE)
 *   format: 0 for the same, else 0.5
 *   depth:  0.25 · |ln ((d₁ + 1024) / (d₂ + 1024))|
 *   batch:  0.5 · |ln (B₁ / B₂)|
 */
#include <math.h>

#include "rw-evidence.h"

#define MAX_EVIDENCE 16

gboolean
rw_evidence_same_chip (const RwValidationRow *row,
                       const RwSystem        *system)
{
  const RwSystem *other;
  double bw, other_bw;

  g_return_val_if_fail (row != NULL && system != NULL, FALSE);

  other = row->system;
  if (other == NULL)
    return FALSE;
  if (other == system || g_strcmp0 (other->id, system->id) == 0)
    return TRUE;
  if (other->api != system->api || system->apis == 0)
    return FALSE;
  bw = system->device_bandwidth.value / MAX (1u, system->n_devices);
  other_bw = other->device_bandwidth.value / MAX (1u, other->n_devices);
  return fabs (bw / other_bw - 1) < 0.02;
}

static double
params_distance (const RwModel *a,
                 const RwModel *b)
{
  double total = fabs (log (rw_model_total_params (a) / rw_model_total_params (b)));
  double active = fabs (log (rw_model_active_params (a) / rw_model_active_params (b)));
  double moe = rw_model_is_moe (a) != rw_model_is_moe (b) ? 1 : 0;

  return isfinite (total + active) ? active + total / 2 + moe : 10;
}

static double
distance (const RwValidation    *validation,
          const RwValidationRow *row,
          const RwWorkload      *workload)
{
  const RwBenchmark *b = row->benchmark;
  double d = 0;

  if (g_strcmp0 (b->model_id, workload->model->id) != 0)
    {
      const RwModel *model = rw_catalog_lookup_model (validation->catalog, b->model_id);

      d += 1 + (model != NULL ? params_distance (model, workload->model) : 10);
    }
  if (g_strcmp0 (b->weights_id, workload->weights->id) != 0)
    d += 0.5;
  d += 0.25 * fabs (log ((b->depth + 1024.0) / (workload->depth + 1024.0)));
  d += 0.5 * fabs (log ((double) MAX (b->batch, 1) / MAX (workload->batch, 1)));
  return d;
}

/* Inserts into a list kept sorted by distance, at most @max long. */
static void
insert (RwEvidence *list,
        guint      *n,
        guint       max,
        RwEvidence  item)
{
  guint i = *n;

  if (i == max && item.distance >= list[max - 1].distance)
    return;
  if (i == max)
    i--;
  else
    (*n)++;
  for (; i > 0 && list[i - 1].distance > item.distance; i--)
    list[i] = list[i - 1];
  list[i] = item;
}

guint
rw_evidence_nearest (const RwValidation *validation,
                     const RwSystem     *system,
                     const RwWorkload   *workload,
                     RwEvidence         *out,
                     guint               max)
{
  RwEvidence by_kind[2][MAX_EVIDENCE];
  guint n_kind[2] = { 0, 0 }, n = 0;

  g_return_val_if_fail (validation != NULL && system != NULL && workload != NULL, 0);
  g_return_val_if_fail (workload->model != NULL && workload->weights != NULL, 0);

  max = MIN (max, MAX_EVIDENCE);
  if (max == 0)
    return 0;

  for (guint i = 0; i < validation->rows->len; i++)
    {
      const RwValidationRow *row = &g_array_index (validation->rows, RwValidationRow, i);
      guint k;

      if (!rw_validation_row_counts (row) || !rw_evidence_same_chip (row, system))
        continue;
      k = row->benchmark->kind == RW_BENCHMARK_DECODE ? 0 : 1;
      insert (by_kind[k], &n_kind[k], max, (RwEvidence) { row, distance (validation, row, workload) });
    }

  /* Decode and prefill in turn, each nearest first. */
  for (guint i = 0; n < max && (i < n_kind[0] || i < n_kind[1]); i++)
    for (guint k = 0; k < 2 && n < max; k++)
      if (i < n_kind[k])
        out[n++] = by_kind[k][i];
  return n;
}

void
rw_evidence_to_json_builder (JsonBuilder      *builder,
                             const RwEvidence *evidence,
                             guint             n)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const RwBenchmark *b = evidence[i].row->benchmark;
      g_autofree char *test = g_strdup_printf ("%s%u", b->kind == RW_BENCHMARK_DECODE ? "tg" : "pp",
                                               b->tokens);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, b->source);
      json_builder_set_member_name (builder, "model");
      json_builder_add_string_value (builder, b->model_id);
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, b->weights_id);
      json_builder_set_member_name (builder, "test");
      json_builder_add_string_value (builder, test);
      json_builder_set_member_name (builder, "depth");
      json_builder_add_int_value (builder, b->depth);
      json_builder_set_member_name (builder, "batch");
      json_builder_add_int_value (builder, MAX (b->batch, 1));
      json_builder_set_member_name (builder, "machine");
      json_builder_add_string_value (builder, b->system_id);
      json_builder_set_member_name (builder, "build");
      json_builder_add_string_value (builder, b->build);
      json_builder_set_member_name (builder, "measured");
      json_builder_add_double_value (builder, b->tok_s);
      json_builder_set_member_name (builder, "predicted");
      json_builder_add_double_value (builder, evidence[i].row->predicted);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
rw_evidence_add_to_results (JsonNode           *document,
                            const RwValidation *validation,
                            const RwWorkload   *workload,
                            const RwEstimate   *estimates,
                            guint               n_estimates,
                            guint               max)
{
  JsonArray *results;

  g_return_if_fail (document != NULL && JSON_NODE_HOLDS_OBJECT (document));
  g_return_if_fail (validation != NULL && workload != NULL);

  results = json_object_get_array_member (json_node_get_object (document), "results");
  for (guint i = 0; results != NULL && i < n_estimates && i < json_array_get_length (results); i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      RwEvidence evidence[MAX_EVIDENCE];
      guint n = rw_evidence_nearest (validation, estimates[i].system, workload, evidence, max);

      rw_evidence_to_json_builder (builder, evidence, n);
      json_object_set_member (json_array_get_object_element (results, i), "evidence",
                              json_builder_get_root (builder));
    }
}
