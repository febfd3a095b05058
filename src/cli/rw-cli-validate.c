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
summary_to_json (JsonBuilder               *b,
                 const RwValidationSummary *s)
{
  json_builder_begin_object (b);
  add_string (b, "system", s->system_id);
  add_string (b, "runtime", s->runtime);
  json_builder_set_member_name (b, "decode");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rows");
  json_builder_add_int_value (b, s->n_decode);
  add_number (b, "median_error", s->decode_median);
  add_number (b, "worst_error", s->decode_worst);
  add_number (b, "scale", s->decode_scale);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "prefill");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rows");
  json_builder_add_int_value (b, s->n_prefill);
  add_number (b, "median_error", s->prefill_median);
  add_number (b, "worst_error", s->prefill_worst);
  add_number (b, "scale", s->prefill_scale);
  json_builder_end_object (b);
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
      add_string (b, "build", bm->build);
      add_string (b, "date", bm->date);
      add_string (b, "source", bm->source);
      add_string (b, "skipped", row->skip_reason);
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
                 const RwValidationSummary *s)
{
  char *cells[10] = {
    g_strdup (name),
    g_strdup (s->runtime != NULL ? s->runtime : ""),
    g_strdup_printf ("%u", s->n_decode),
    percent (s->decode_median),
    percent (s->decode_worst),
    rw_cli_format_number (s->decode_scale, 3),
    g_strdup_printf ("%u", s->n_prefill),
    percent (s->prefill_median),
    percent (s->prefill_worst),
    rw_cli_format_number (s->prefill_scale, 3),
  };

  rw_cli_table_take_row (table, cells);
}

static void
print_text (const RwValidation *v)
{
  g_autoptr(RwCliTable) summary = rw_cli_table_new (10, 2);
  g_autoptr(RwCliTable) rows = rw_cli_table_new (10, 5);
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out,
                          "Predictions against %u measured rows (%u skipped); errors are |predicted − measured| / measured,\n"
                          "scale is the factor on the efficiency that would minimise the median error.\n\n",
                          v->rows->len - v->n_skipped, v->n_skipped);

  rw_cli_table_add_row (summary, "system", "runtime", "decode rows", "median", "worst", "scale",
                        "prefill rows", "median", "worst", "scale", NULL);
  for (guint i = 0; i < v->systems->len; i++)
    {
      const RwValidationSummary *s = g_ptr_array_index (v->systems, i);

      add_summary_row (summary, s->system_id, s);
    }
  add_summary_row (summary, "all", &v->overall);
  rw_cli_table_print (summary, out);

  g_string_append (out, "\n");
  rw_cli_table_add_row (rows, "system", "model", "weights", "test", "depth", "batch",
                        "measured tok/s", "predicted tok/s", "error", "build", NULL);
  for (guint i = 0; i < v->rows->len; i++)
    {
      const RwValidationRow *row = &g_array_index (v->rows, RwValidationRow, i);
      const RwBenchmark *bm = row->benchmark;
      char *cells[10] = {
        g_strdup (bm->system_id),
        g_strdup (bm->model_id),
        g_strdup (bm->weights_id),
        test_name (bm),
        g_strdup_printf ("%u", bm->depth),
        g_strdup_printf ("%u", MAX (bm->batch, 1)),
        rw_cli_format_number (bm->tok_s, 1),
        row->skip_reason != NULL ? g_strdup_printf ("skipped: %s", row->skip_reason)
                                 : rw_cli_format_number (row->predicted, 1),
        signed_percent (row->error),
        g_strdup (bm->build != NULL ? bm->build : "-"),
      };

      rw_cli_table_take_row (rows, cells);
    }
  rw_cli_table_print (rows, out);
  fputs (out->str, stdout);
}

/* What the efficiencies would be after one calibration step: each scaled
 * by the factor that minimises its median error (capped at 1). */
static void
print_calibration (RwCatalog          *catalog,
                   const RwValidation *v)
{
  g_autoptr(RwCliTable) table = rw_cli_table_new (6, 2);
  g_autoptr(GString) out = g_string_new ("\nCalibration (efficiency × scale; rerun validate after applying):\n");

  rw_cli_table_add_row (table, "system", "runtime", "decode_bandwidth", "suggested", "prefill_compute", "suggested", NULL);
  for (guint i = 0; i < v->systems->len; i++)
    {
      const RwValidationSummary *s = g_ptr_array_index (v->systems, i);
      RwSystem *system = rw_catalog_lookup_system (catalog, s->system_id);
      const RwEfficiency *eff = rw_system_get_efficiency (system, s->runtime);
      char *cells[6];

      if (eff == NULL)
        continue;
      cells[0] = g_strdup (s->system_id);
      cells[1] = g_strdup (s->runtime);
      cells[2] = rw_cli_format_number (eff->decode_bandwidth, 3);
      cells[3] = rw_cli_format_number (MIN (1, eff->decode_bandwidth * s->decode_scale), 3);
      cells[4] = rw_cli_format_number (eff->prefill_compute, 3);
      cells[5] = rw_cli_format_number (MIN (1, eff->prefill_compute * s->prefill_scale), 3);
      rw_cli_table_take_row (table, cells);
    }
  rw_cli_table_print (table, out);
  fputs (out->str, stdout);
}

int
rw_cli_validate (RwCatalog  *catalog,
                 int         argc,
                 char      **argv)
{
  gboolean json = FALSE;
  gboolean calibrate = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print one JSON object", NULL },
    { "calibrate", 0, 0, G_OPTION_ARG_NONE, &calibrate, "Also print the efficiencies one calibration step would give", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- predictions against the bundled measured benchmarks");
  g_autoptr(RwValidation) validation = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return rw_cli_report_error (error);
  if (argc > 1)
    {
      g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "validate: unexpected argument “%s”", argv[1]);
      return rw_cli_report_error (error);
    }

  validation = rw_validate (catalog, &error);
  if (validation == NULL)
    return rw_cli_report_error (error);

  if (json)
    print_json (validation);
  else
    print_text (validation);
  if (calibrate && !json)
    print_calibration (catalog, validation);
  return 0;
}
