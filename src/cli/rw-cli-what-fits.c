/* rw-cli-what-fits.c: `rigwise-cli what-fits`
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include "rw-cli-workload.h"
#include "rw-estimate-json.h"

/* How many of the models that fit are listed per system in the text. */
#define TEXT_MODELS 8

static void
print_text (const RwCliWorkload *cw,
            RwWhatFits         **fits,
            guint                n)
{
  gboolean training = cw->workload.mode != RW_MODE_INFERENCE;
  g_autoptr(RwCliTable) table = rw_cli_table_new (5, 1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *description = rw_cli_workload_describe (cw);

  g_string_append_printf (out, "%s\n\n", description);
  rw_cli_append_warnings (out, &cw->workload);

  rw_cli_table_add_row (table, "system", training ? "max seq len" : "max context", "limited by",
                        "in fast memory", "best weights", NULL);
  for (guint i = 0; i < n; i++)
    {
      char *cells[5] = {
        g_strdup (fits[i]->system->id),
        g_strdup_printf ("%u", fits[i]->max_context),
        g_strdup (fits[i]->max_context > 0 ? rw_limit_to_string (fits[i]->limited_by) : "memory"),
        g_strdup_printf ("%u", fits[i]->max_context_on_device),
        g_strdup (fits[i]->best_weights != NULL ? fits[i]->best_weights->id : "none"),
      };

      rw_cli_table_take_row (table, cells);
    }
  rw_cli_table_print (table, out);

  for (guint i = 0; i < n; i++)
    {
      GArray *models = fits[i]->models;

      g_string_append_printf (out, "\nModels that fit %s in fast memory (%s, %s %u), fastest first:\n",
                              fits[i]->system->id, cw->workload.weights->id,
                              training ? "seq len" : "context",
                              training ? cw->workload.seq_len : cw->workload.context);
      if (models->len == 0)
        g_string_append (out, "  none\n");
      for (guint m = 0; m < models->len && m < TEXT_MODELS; m++)
        {
          const RwModelFit *fit = &g_array_index (models, RwModelFit, m);
          g_autofree char *speed = rw_cli_format_speed (fit->tok_s);

          g_string_append_printf (out, "  %-20s %8s %s tok/s\n", fit->model->id, speed,
                                  training ? "train" : "decode");
        }
      if (models->len > TEXT_MODELS)
        g_string_append_printf (out, "  … and %u more (--json lists all)\n", models->len - TEXT_MODELS);
    }
  fputs (out->str, stdout);
}

static void
print_json (const RwCliWorkload *cw,
            RwWhatFits         **fits,
            guint                n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) warnings = rw_workload_dup_warnings (&cw->workload);
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; warnings[i] != NULL; i++)
    json_builder_add_string_value (builder, warnings[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "workload");
  rw_workload_to_json_builder (builder, &cw->workload);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    rw_what_fits_to_json_builder (fits[i], builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  rw_cli_print_json (root);
}

int
rw_cli_what_fits (RwCatalog  *catalog,
                  int         argc,
                  char      **argv)
{
  g_auto(RwCliWorkloadOptions) options = { 0 };
  g_auto(RwCliWorkload) cw = { 0 };
  g_auto(GStrv) system_args = NULL;
  gboolean json = FALSE;
  g_autofree GOptionEntry *workload_entries = rw_cli_workload_option_entries (&options);
  const GOptionEntry entries[] = {
    { "system", 's', 0, G_OPTION_ARG_STRING_ARRAY, &system_args, "System to search (repeatable; default: all)", "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print one JSON object", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(RwCliOptionParser) parser = rw_cli_option_parser_new ("- the largest context, best weights and models that fit");
  GOptionContext *context = rw_cli_option_parser_get_context (parser);
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(GPtrArray) fits = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_what_fits_free);
  g_autoptr(GError) error = NULL;

  rw_cli_option_parser_add (parser, entries);
  rw_cli_option_parser_add (parser, workload_entries);
  g_option_context_set_description (context,
    "For each system: max_context, the largest context (training: sequence\n"
    "length) that runs, spilling to host RAM where the machine can, capped at\n"
    "the model's max_position_embeddings (limited_by: memory or model);\n"
    "max_context_on_device, the largest that fits in fast memory; both in\n"
    "steps of 1024 tokens. best_weights: the weight format with the most bits\n"
    "that fits in fast memory at --context. Then the catalog models that fit\n"
    "in fast memory at the workload's formats, fastest first.\n"
    "Exit status: 0 ok, 1 error, 2 bad command line.");
  if (!rw_cli_option_parser_parse (parser, &argc, &argv, &error))
    return rw_cli_report_error (error);
  if (argc > 1)
    {
      g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "what-fits: unexpected argument “%s”", argv[1]);
      return rw_cli_report_error (error);
    }

  systems = rw_cli_resolve_systems (catalog, system_args, &error);
  if (systems == NULL)
    return rw_cli_report_error (error);
  if (!rw_cli_workload_resolve (&options, catalog, &cw, &error))
    return rw_cli_report_error (error);

  for (guint i = 0; i < systems->len; i++)
    {
      RwWhatFits *f = rw_what_fits (catalog, g_ptr_array_index (systems, i), &cw.workload, &error);

      if (f == NULL)
        return rw_cli_report_error (error);
      g_ptr_array_add (fits, f);
    }

  if (json)
    print_json (&cw, (RwWhatFits **) fits->pdata, fits->len);
  else
    print_text (&cw, (RwWhatFits **) fits->pdata, fits->len);
  return 0;
}
