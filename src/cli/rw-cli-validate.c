/* rw-cli-validate.c: `rigwise-cli validate`: predictions vs measurements
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include "rw-cli.h"
#include "rw-validate.h"

static char *
percent (double fraction)
{
  if (!isfinite (fraction))
    return g_strdup ("n/a");
  return g_strdup_printf ("%.1f%%", fraction * 100);
}

static char *
signed_percent (double fraction)
{
  if (!isfinite (fraction))
    return g_strdup ("n/a");
  return g_strdup_printf ("%+.1f%%", fraction * 100);
}

static char *
test_name (const RwBenchmark *b)
{
  return g_strdup_printf ("%s%u", b->kind == RW_BENCHMARK_DECODE ? "tg" : "pp", b->tokens);
}

static void
add_number (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_errors (JsonBuilder *b,
            const char  *name,
            guint        rows,
            double       median,
            double       worst,
            double       scale,
            guint        cv_rows,
            double       cv_median,
            double       cv_worst)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rows");
  json_builder_add_int_value (b, rows);
  add_number (b, "median_error", median);
  add_number (b, "worst_error", worst);
  add_number (b, "scale", scale);
  json_builder_set_member_name (b, "cv_rows");
  json_builder_add_int_value (b, cv_rows);
  add_number (b, "cv_median_error", cv_median);
  add_number (b, "cv_worst_error", cv_worst);
  json_builder_end_object (b);
}

static void
summary_to_json (JsonBuilder               *b,
                 const RwValidationSummary *s)
{
  json_builder_begin_object (b);
  add_string (b, "system", s->system_id);
  json_builder_set_member_name (b, "device");
  json_builder_add_boolean_value (b, s->device);
  add_string (b, "runtime", s->runtime);
  add_string (b, "backend", s->backend);
  add_errors (b, "decode", s->n_decode, s->decode_median, s->decode_worst, s->decode_scale,
              s->n_cv_decode, s->cv_decode_median, s->cv_decode_worst);
  add_errors (b, "prefill", s->n_prefill, s->prefill_median, s->prefill_worst, s->prefill_scale,
              s->n_cv_prefill, s->cv_prefill_median, s->cv_prefill_worst);
  json_builder_end_object (b);
}

static void
print_json (const RwValidation *v)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "systems");
  json_builder_begin_array (b);
  for (guint i = 0; i < v->systems->len; i++)
    summary_to_json (b, g_ptr_array_index (v->systems, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "backends");
  json_builder_begin_array (b);
  for (guint i = 0; i < v->backends->len; i++)
    summary_to_json (b, g_ptr_array_index (v->backends, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "overall");
  summary_to_json (b, &v->overall);

  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < v->rows->len; i++)
    {
      const RwValidationRow *row = &g_array_index (v->rows, RwValidationRow, i);
      const RwBenchmark *bm = row->benchmark;
      g_autofree char *test = test_name (bm);

      json_builder_begin_object (b);
      add_string (b, "system", bm->system_id);
      add_string (b, "model", bm->model_id);
      add_string (b, "weights", bm->weights_id);
      add_string (b, "runtime", bm->runtime);
      add_string (b, "backend", row->backend != NULL ? row->backend->id : NULL);
      add_string (b, "test", test);
      add_string (b, "kind", bm->kind == RW_BENCHMARK_DECODE ? "decode" : "prefill");
      json_builder_set_member_name (b, "tokens");
      json_builder_add_int_value (b, bm->tokens);
      json_builder_set_member_name (b, "depth");
      json_builder_add_int_value (b, bm->depth);
      json_builder_set_member_name (b, "batch");
      json_builder_add_int_value (b, MAX (bm->batch, 1));
      add_number (b, "measured_tok_s", bm->tok_s);
      add_number (b, "predicted_tok_s", row->predicted);
      add_number (b, "error", row->error);
      add_number (b, "cv_predicted_tok_s", row->cv_predicted);
      add_number (b, "cv_error", row->cv_error);
      add_string (b, "build", bm->build);
      add_string (b, "date", bm->date);
      add_string (b, "source", bm->source);
      add_string (b, "skipped", row->skip_reason);
      add_string (b, "rejected", row->reject_reason);
      add_string (b, "excluded", bm->exclude);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  rw_cli_print_json (root);
}

static void
add_summary_row (RwCliTable                *table,
                 const char                *name,
                 const RwValidationSummary *s,
                 gboolean                   cross)
{
  char *cells[12] = {
    g_strdup (name),
    g_strdup (s->backend != NULL ? s->backend : s->runtime != NULL ? s->runtime : ""),
    g_strdup_printf ("%u", s->n_decode),
    percent (s->decode_median),
    percent (s->decode_worst),
    cross ? percent (s->cv_decode_median) : NULL,
    cross ? percent (s->cv_decode_worst) : NULL,
    g_strdup_printf ("%u", s->n_prefill),
    percent (s->prefill_median),
    percent (s->prefill_worst),
    cross ? percent (s->cv_prefill_median) : NULL,
    cross ? percent (s->cv_prefill_worst) : NULL,
  };

  if (!cross)
    {
      /* Without cross-validation the table has 8 columns. */
      char *packed[8] = { cells[0], cells[1], cells[2], cells[3], cells[4], cells[7], cells[8], cells[9] };

      rw_cli_table_take_row (table, packed);
      return;
    }
  rw_cli_table_take_row (table, cells);
}

static void
print_text (const RwValidation *v,
            gboolean            cross)
{
  guint n_columns = cross ? 12 : 8;
  g_autoptr(RwCliTable) summary = rw_cli_table_new (n_columns, 2);
  g_autoptr(RwCliTable) rows = rw_cli_table_new (cross ? 11 : 10, 5);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean any_rejected = FALSE, any_excluded = FALSE;

  g_string_append_printf (out,
                          "Predictions against %u measured rows (%u skipped, %u rejected as impossible, "
                          "%u kept out of calibration); errors are |predicted − measured| / measured%s.\n\n",
                          v->rows->len - v->n_skipped, v->n_skipped, v->n_rejected, v->n_excluded,
                          cross ? "; cv: cross-validated, each source predicted by the backend fitted without it" : "");

  if (cross)
    rw_cli_table_add_row (summary, "system", "backend", "decode rows", "median", "worst", "cv median",
                          "cv worst", "prefill rows", "median", "worst", "cv median", "cv worst", NULL);
  else
    rw_cli_table_add_row (summary, "system", "backend", "decode rows", "median", "worst",
                          "prefill rows", "median", "worst", NULL);
  for (guint i = 0; i < v->systems->len; i++)
    {
      const RwValidationSummary *s = g_ptr_array_index (v->systems, i);
      g_autofree char *name = s->device ? g_strdup_printf ("%s (device)", s->system_id)
                                        : g_strdup (s->system_id);

      add_summary_row (summary, name, s, cross);
    }
  for (guint i = 0; i < v->backends->len; i++)
    add_summary_row (summary, "all machines", g_ptr_array_index (v->backends, i), cross);
  add_summary_row (summary, "all", &v->overall, cross);
  rw_cli_table_print (summary, out);

  g_string_append (out, "\n");
  if (cross)
    rw_cli_table_add_row (rows, "system", "model", "weights", "test", "depth", "batch",
                          "measured tok/s", "predicted tok/s", "error", "cv error", "build", NULL);
  else
    rw_cli_table_add_row (rows, "system", "model", "weights", "test", "depth", "batch",
                          "measured tok/s", "predicted tok/s", "error", "build", NULL);
  for (guint i = 0; i < v->rows->len; i++)
    {
      const RwValidationRow *row = &g_array_index (v->rows, RwValidationRow, i);
      const RwBenchmark *bm = row->benchmark;
      const char *mark = row->reject_reason != NULL ? " ‡" : bm->exclude != NULL ? " †" : "";
      g_autofree char *error = signed_percent (row->error);
      char *cells[11];
      guint c = 0;

      any_rejected |= row->reject_reason != NULL;
      any_excluded |= row->reject_reason == NULL && bm->exclude != NULL && row->skip_reason == NULL;
      cells[c++] = g_strdup (bm->system_id);
      cells[c++] = g_strdup (bm->model_id);
      cells[c++] = g_strdup (bm->weights_id);
      cells[c++] = test_name (bm);
      cells[c++] = g_strdup_printf ("%u", bm->depth);
      cells[c++] = g_strdup_printf ("%u", MAX (bm->batch, 1));
      cells[c++] = rw_cli_format_number (bm->tok_s, 1);
      cells[c++] = row->skip_reason != NULL ? g_strdup_printf ("skipped: %s", row->skip_reason)
                                            : rw_cli_format_number (row->predicted, 1);
      cells[c++] = g_strconcat (error, mark, NULL);
      if (cross)
        cells[c++] = signed_percent (row->cv_error);
      cells[c++] = g_strdup (bm->build != NULL ? bm->build : "-");
      rw_cli_table_take_row (rows, cells);
    }
  rw_cli_table_print (rows, out);

  if (any_rejected)
    {
      g_string_append (out, "\n‡ Rejected, impossible on the hardware (never calibrated on):\n");
      for (guint i = 0; i < v->rows->len; i++)
        {
          const RwValidationRow *row = &g_array_index (v->rows, RwValidationRow, i);
          g_autofree char *test = test_name (row->benchmark);

          if (row->reject_reason != NULL)
            g_string_append_printf (out, "  %s %s %s %s at depth %u: %.1f tok/s %s (%s)\n",
                                    row->benchmark->system_id, row->benchmark->model_id,
                                    row->benchmark->weights_id, test, row->benchmark->depth,
                                    row->benchmark->tok_s, row->reject_reason,
                                    row->benchmark->source);
        }
    }
  if (any_excluded)
    {
      g_autoptr(GHashTable) reasons = g_hash_table_new (g_str_hash, g_str_equal);

      g_string_append (out, "\n† Kept out of calibration and of the error statistics:\n");
      for (guint i = 0; i < v->rows->len; i++)
        {
          const RwValidationRow *row = &g_array_index (v->rows, RwValidationRow, i);
          const char *reason = row->benchmark->exclude;

          if (reason != NULL && row->reject_reason == NULL && row->skip_reason == NULL
              && g_hash_table_add (reasons, (gpointer) reason))
            g_string_append_printf (out, "  %s\n", reason);
        }
    }
  fputs (out->str, stdout);
}

/* The constants a fit on every usable row gives, ready for backends.json. */
static void
print_calibration (const RwValidation *v)
{
  g_autoptr(GString) out = g_string_new ("\nCalibration (least squares of ln(predicted / measured), "
                                         "rows weighted 1/√(rows of their source)):\n");

  for (guint i = 0; i < rw_catalog_get_n_backends (v->catalog); i++)
    {
      const RwBackend *start = rw_catalog_get_backend (v->catalog, i);
      g_autoptr(RwCalibration) fit = rw_calibrate (v, start->id, NULL);
      const RwBackend *f;
      GHashTableIter iter;
      gpointer id, scale;

      if (fit == NULL)
        continue;
      f = fit->backend;
      g_string_append_printf (out,
                              "  %s on %u rows: decode weight_bandwidth %.3f, kv_bandwidth %.3f, "
                              "layer_us %.1f, moe_layer_us %.1f, step_us %.1f, expert_spread %.3f, "
                              "vector_compute %.4f, batch_compute %.4f; prefill int8-mma %.3f, "
                              "fp4-mma %.3f, fp16-mma %.3f, alu %.3f, moe_half_tokens %.1f, "
                              "attention %.3f\n",
                              f->id, fit->n_rows, f->weight_bandwidth, f->kv_bandwidth,
                              f->layer_time * 1e6, f->moe_layer_time * 1e6, f->step_time * 1e6,
                              f->expert_spread, f->vector_compute, f->batch_compute,
                              f->matmul[RW_KERNEL_INT8_MMA], f->matmul[RW_KERNEL_FP4_MMA],
                              f->matmul[RW_KERNEL_FP16_MMA], f->matmul[RW_KERNEL_ALU],
                              f->moe_half_tokens, f->attention);
      g_hash_table_iter_init (&iter, fit->scales);
      while (g_hash_table_iter_next (&iter, &id, &scale))
        g_string_append_printf (out, "    %s matmul_scale %.3f\n", (const char *) id, *(double *) scale);
    }
  fputs (out->str, stdout);
}

int
rw_cli_validate (RwCatalog  *catalog,
                 int         argc,
                 char      **argv)
{
  gboolean json = FALSE;
  gboolean calibrate = FALSE;
  gboolean cross = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print one JSON object", NULL },
    { "calibrate", 0, 0, G_OPTION_ARG_NONE, &calibrate, "Also fit every backend on all usable rows and print its constants", NULL },
    { "cross-validate", 0, 0, G_OPTION_ARG_NONE, &cross, "Also predict each source's rows with the backend fitted without that source", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(RwCliOptionParser) parser = rw_cli_option_parser_new ("- predictions against the bundled measured benchmarks");
  g_autoptr(RwValidation) validation = NULL;
  g_autoptr(GError) error = NULL;

  rw_cli_option_parser_add (parser, entries);
  if (!rw_cli_option_parser_parse (parser, &argc, &argv, &error))
    return rw_cli_report_error (error);
  if (argc > 1)
    {
      g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "validate: unexpected argument “%s”", argv[1]);
      return rw_cli_report_error (error);
    }

  /* The least-median scales are quadratic in the rows: JSON only. */
  validation = rw_validate_full (catalog, (cross ? RW_VALIDATE_CROSS : 0) | (json ? RW_VALIDATE_SCALES : 0),
                                 &error);
  if (validation == NULL)
    return rw_cli_report_error (error);

  if (json)
    print_json (validation);
  else
    print_text (validation, cross);
  if (calibrate && !json)
    print_calibration (validation);
  return 0;
}
