/* rw-cli-estimate.c: `rigwise-cli estimate`
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include "rw-cli-workload.h"
#include "rw-estimate-json.h"
#include "rw-evidence.h"
#include "rw-validate.h"

static char *
layers_text (const RwEstimate *e)
{
  if (e->fit == RW_FIT_DOES_NOT_FIT)
    return g_strdup ("n/a");
  return g_strdup_printf ("%u/%u", e->layers_on_device, e->layers_on_host);
}

static char *
seconds_text (double s)
{
  if (!isfinite (s))
    return g_strdup ("n/a");
  if (s >= 10)
    return g_strdup_printf ("%.1f", s);
  return g_strdup_printf ("%.2f", s);
}

/* Per sequence, and the aggregate over the batch when there is one. */
static char *
decode_text (const RwEstimate *e,
             guint             batch)
{
  g_autofree char *one = rw_cli_format_speed (e->decode_tok_s);
  g_autofree char *all = NULL;

  if (batch <= 1)
    return g_steal_pointer (&one);
  all = rw_cli_format_speed (e->decode_tok_s_total);
  return g_strdup_printf ("%s (×%u: %s)", one, batch, all);
}

/* Hours of use after which each owned system costs less than renting each
 * compared cloud system; printed only when both kinds are compared. */
static void
print_break_evens (const RwCliWorkload *cw,
                   const RwEstimate    *estimates,
                   guint                n,
                   GString             *out)
{
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autoptr(RwCliTable) table = NULL;
  guint n_cloud = 0, n_owned = 0;

  for (guint i = 0; i < n; i++)
    {
      if (rw_system_is_cloud (estimates[i].system))
        n_cloud++;
      else
        n_owned++;
    }
  if (n_cloud == 0 || n_owned == 0)
    return;

  g_string_append_printf (out, "\nBreak-even: hours of use after which owning costs less than renting (%g h/day)\n",
                          cw->workload.hours_per_day);
  table = rw_cli_table_new (n_cloud + 1, 1);
  g_ptr_array_add (header, g_strdup ("owned vs rented"));
  for (guint i = 0; i < n; i++)
    if (rw_system_is_cloud (estimates[i].system))
      g_ptr_array_add (header, g_strdup (estimates[i].system->id));
  rw_cli_table_take_row (table, (char **) header->pdata);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) cells = NULL;

      if (rw_system_is_cloud (estimates[i].system))
        continue;
      cells = g_ptr_array_new ();
      g_ptr_array_add (cells, g_strdup (estimates[i].system->id));
      for (guint j = 0; j < n; j++)
        {
          double hours;

          if (!rw_system_is_cloud (estimates[j].system))
            continue;
          hours = rw_estimate_break_even_hours (&estimates[i], &estimates[j], &cw->workload);
          if (isinf (hours))
            g_ptr_array_add (cells, g_strdup ("never"));
          else
            g_ptr_array_add (cells, rw_cli_format_number (hours, 0));
        }
      rw_cli_table_take_row (table, (char **) cells->pdata);
    }
  rw_cli_table_print (table, out);
}

static void
print_text (const RwCliWorkload *cw,
            const RwEstimate    *estimates,
            guint                n)
{
  gboolean training = cw->workload.mode != RW_MODE_INFERENCE;
  g_autoptr(RwCliTable) speed = rw_cli_table_new (training ? 6 : 8, 2);
  g_autoptr(RwCliTable) memory = rw_cli_table_new (11, 1);
  g_autoptr(RwCliTable) cost = rw_cli_table_new (12, 1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *description = rw_cli_workload_describe (cw);

  g_string_append_printf (out, "%s\n\n", description);
  rw_cli_append_warnings (out, &cw->workload);
  {
    g_autoptr(RwAnswer) answer = rw_answer_new (&cw->workload, estimates, n,
                                                RW_MEMORY_UNITS_GIB, RW_CURRENCY_DISPLAY_SYMBOL);
    g_autofree char *summary = rw_answer_dup_summary (answer);

    g_string_append_printf (out, "%s\n\n", summary);
  }

  if (training)
    rw_cli_table_add_row (speed, "system", "fit", "need GB", "usable GB", "layers dev/host",
                          "train tok/s", NULL);
  else
    rw_cli_table_add_row (speed, "system", "fit", "need GB", "usable GB", "layers dev/host",
                          "decode tok/s", "prefill tok/s", "TTFT s", NULL);
  for (guint i = 0; i < n; i++)
    {
      const RwEstimate *e = &estimates[i];
      char *cells[8] = {
        g_strdup (e->system->id),
        g_strdup (rw_fit_to_string (e->fit)),
        rw_cli_format_gb (e->memory.total),
        rw_cli_format_gb (e->memory.device_capacity),
        layers_text (e),
        training ? rw_cli_format_speed (e->train_tok_s) : decode_text (e, cw->workload.batch),
        training ? NULL : rw_cli_format_speed (e->prefill_tok_s),
        training ? NULL : seconds_text (e->ttft_s),
      };

      rw_cli_table_take_row (speed, cells);
    }
  rw_cli_table_print (speed, out);
  for (guint i = 0; i < n; i++)
    {
      if (estimates[i].efficiency_uncalibrated)
        g_string_append_printf (out, "note: %s has no %s efficiencies; uncalibrated defaults used\n",
                                estimates[i].system->id, cw->workload.runtime);
    }

  g_string_append (out, "\nMemory (GB)\n");
  rw_cli_table_add_row (memory, "system", "weights", "KV cache", "activations", "gradients",
                        "optimizer", "overhead", "total", "device", "capacity", "spill", NULL);
  for (guint i = 0; i < n; i++)
    {
      const RwMemoryBreakdown *m = &estimates[i].memory;
      char *cells[11] = {
        g_strdup (estimates[i].system->id),
        rw_cli_format_gb (m->weights), rw_cli_format_gb (m->kv_cache),
        rw_cli_format_gb (m->activations), rw_cli_format_gb (m->gradients),
        rw_cli_format_gb (m->optimizer), rw_cli_format_gb (m->overhead),
        rw_cli_format_gb (m->total), rw_cli_format_gb (m->device_capacity),
        rw_cli_format_gb (m->capacity), rw_cli_format_gb (m->spill),
      };

      rw_cli_table_take_row (memory, cells);
    }
  rw_cli_table_print (memory, out);

  {
    /* The electricity price is in the catalog's currency, like the systems' prices. */
    g_autofree char *kwh = rw_cli_format_money (cw->workload.electricity_price,
                                                n > 0 ? estimates[0].system->currency : "USD", 2);

    g_string_append_printf (out, "\nCost (%g h/day, %g years, %s per kWh)\n",
                            cw->workload.hours_per_day, cw->workload.years, kwh);
  }
  rw_cli_table_add_row (cost, "system", "price", "per FP4 TFLOP", "per FP8 TFLOP",
                        "per FP16 TFLOP", "per GB", "per decode tok/s", "energy/Mtok",
                        "energy/year", "TCO", "per hour", "per Mtok", NULL);
  for (guint i = 0; i < n; i++)
    {
      const RwEstimate *e = &estimates[i];
      const char *cur = e->system->currency;
      char *cells[12] = {
        g_strdup (e->system->id),
        rw_cli_format_money (e->price, cur, 0),
        rw_cli_format_money (e->per_tflop[RW_PRECISION_FP4], cur, 2),
        rw_cli_format_money (e->per_tflop[RW_PRECISION_FP8], cur, 2),
        rw_cli_format_money (e->per_tflop[RW_PRECISION_FP16], cur, 2),
        rw_cli_format_money (e->per_gb, cur, 2),
        rw_cli_format_money (e->per_decode_tok_s, cur, 2),
        rw_cli_format_money (e->energy_per_mtok, cur, 3),
        rw_cli_format_money (e->energy_per_year, cur, 0),
        rw_cli_format_money (e->tco, cur, 0),
        rw_cli_format_money (e->per_hour, cur, 2),
        rw_cli_format_money (e->per_mtok, cur, 3),
      };

      rw_cli_table_take_row (cost, cells);
    }
  rw_cli_table_print (cost, out);
  print_break_evens (cw, estimates, n, out);

  fputs (out->str, stdout);
}

int
rw_cli_estimate (RwCatalog  *catalog,
                 int         argc,
                 char      **argv)
{
  g_auto(RwCliWorkloadOptions) options = { 0 };
  g_auto(RwCliWorkload) cw = { 0 };
  g_auto(GStrv) system_args = NULL;
  gboolean json = FALSE;
  g_autofree GOptionEntry *workload_entries = rw_cli_workload_option_entries (&options);
  const GOptionEntry entries[] = {
    { "system", 's', 0, G_OPTION_ARG_STRING_ARRAY, &system_args, "System to estimate (repeatable; default: all)", "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print one JSON object", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(RwCliOptionParser) parser = rw_cli_option_parser_new ("- memory, speed and cost of a workload per system");
  GOptionContext *context = rw_cli_option_parser_get_context (parser);
  g_autoptr(GPtrArray) systems = NULL;
  g_autofree RwEstimate *estimates = NULL;
  g_autoptr(GError) error = NULL;

  rw_cli_option_parser_add (parser, entries);
  rw_cli_option_parser_add (parser, workload_entries);
  g_option_context_set_description (context,
    "Give the model with --model (catalog), --model-config (a Hugging Face\n"
    "config.json) or --params (a synthetic Llama-like shape). Sizes are tokens.\n"
    "Exit status: 0 ok, 1 error, 2 bad command line.");
  if (!rw_cli_option_parser_parse (parser, &argc, &argv, &error))
    return rw_cli_report_error (error);
  if (argc > 1)
    {
      g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "estimate: unexpected argument “%s”", argv[1]);
      return rw_cli_report_error (error);
    }

  systems = rw_cli_resolve_systems (catalog, system_args, &error);
  if (systems == NULL)
    return rw_cli_report_error (error);
  if (!rw_cli_workload_resolve (&options, catalog, &cw, &error))
    return rw_cli_report_error (error);

  estimates = g_new0 (RwEstimate, MAX (systems->len, 1));
  for (guint i = 0; i < systems->len; i++)
    {
      if (!rw_estimate (g_ptr_array_index (systems, i), &cw.workload, &estimates[i], &error))
        return rw_cli_report_error (error);
    }

  if (json)
    {
      g_autoptr(JsonNode) root = rw_estimates_to_json (&cw.workload, estimates, systems->len);
      g_autoptr(RwValidation) validation = rw_validate_full (catalog, RW_VALIDATE_ROWS_ONLY, NULL);

      /* The measured rows nearest each estimate, with their prediction. */
      if (validation != NULL)
        rw_evidence_add_to_results (root, validation, &cw.workload, estimates, systems->len, 4);
      rw_cli_print_json (root);
    }
  else
    print_text (&cw, estimates, systems->len);
  return 0;
}
