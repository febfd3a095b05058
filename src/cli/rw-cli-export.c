/* rw-cli-export.c: `rigwise-cli export`, charts and the report to files
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdio.h>

#include "rigwise-render.h"
#include "rw-cli-workload.h"

/* What the app compares when nothing is chosen. */
static const char * const default_systems[] = { "dgx-spark", "custom-5090", NULL };

static char **
system_ids (RwCatalog *catalog)
{
  guint n = rw_catalog_get_n_systems (catalog);
  char **ids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (rw_catalog_get_system (catalog, i)->id);
  return ids;
}

/* The systems named by --system in the order given; else the app's default
 * pair when the catalog has it, else every system. */
static GPtrArray *
resolve_systems (RwCatalog   *catalog,
                 char       **ids,
                 GError     **error)
{
  g_autoptr(GPtrArray) systems = g_ptr_array_new ();

  if (ids == NULL)
    {
      for (guint i = 0; default_systems[i] != NULL; i++)
        {
          RwSystem *system = rw_catalog_lookup_system (catalog, default_systems[i]);

          if (system != NULL)
            g_ptr_array_add (systems, system);
        }
      if (systems->len == G_N_ELEMENTS (default_systems) - 1)
        return g_steal_pointer (&systems);
      g_ptr_array_set_size (systems, 0);
      for (guint i = 0; i < rw_catalog_get_n_systems (catalog); i++)
        g_ptr_array_add (systems, rw_catalog_get_system (catalog, i));
      return g_steal_pointer (&systems);
    }

  for (guint i = 0; ids[i] != NULL; i++)
    {
      RwSystem *system = rw_catalog_lookup_system (catalog, ids[i]);

      if (system == NULL)
        {
          g_auto(GStrv) known = system_ids (catalog);

          rw_cli_set_unknown_id_error (error, "--system", "system", ids[i], (const char * const *) known);
          return NULL;
        }
      g_ptr_array_add (systems, system);
    }
  return g_steal_pointer (&systems);
}

/* A size or a file name the exporter rejects is a bad command line (2). */
static int
report_export_error (GError *error)
{
  if (g_error_matches (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_INVALID_SIZE) ||
      g_error_matches (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_UNKNOWN_FORMAT))
    {
      g_autoptr(GError) usage = g_error_new (RW_CLI_ERROR, RW_CLI_ERROR_USAGE, "export: %s", error->message);

      return rw_cli_report_error (usage);
    }
  return rw_cli_report_error (error);
}

int
rw_cli_export (RwCatalog  *catalog,
               int         argc,
               char      **argv)
{
  g_auto(RwCliWorkloadOptions) options = { 0 };
  g_auto(RwCliWorkload) cw = { 0 };
  g_auto(GStrv) system_args = NULL;
  g_autofree char *chart_arg = NULL;
  g_autofree char *output_arg = NULL;
  g_autofree char *width_arg = NULL;
  g_autofree char *height_arg = NULL;
  g_autofree char *scale_arg = NULL;
  gboolean dark = FALSE;
  g_autofree GOptionEntry *workload_entries = rw_cli_workload_option_entries (&options);
  const GOptionEntry entries[] = {
    { "chart", 0, 0, G_OPTION_ARG_STRING, &chart_arg, "memory, cost, throughput, tco, breakeven, validation or report", "CHART" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_arg, "File to write: .png, .pdf or .svg (report: .pdf)", "FILE" },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width_arg, "Width in pixels (PDF: points; default 1280)", "PX" },
    { "height", 0, 0, G_OPTION_ARG_STRING, &height_arg, "Height in pixels (PDF: points; default 800)", "PX" },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_arg, "PNG pixel density: 1 or 2 (default 1)", "N" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style (charts only; the report is always light)", NULL },
    { "system", 's', 0, G_OPTION_ARG_STRING_ARRAY, &system_args, "System to compare (repeatable; default: dgx-spark and custom-5090)", "ID" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(RwCliOptionParser) parser = rw_cli_option_parser_new ("- charts and the PDF report to files");
  GOptionContext *context = rw_cli_option_parser_get_context (parser);
  g_autoptr(GPtrArray) systems = NULL;
  g_autoptr(RwChartData) data = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  RwChartKind kind = RW_CHART_MEMORY;
  gboolean report = FALSE;
  guint width = 1280, height = 800, scale = 1;
  RwExportFormat format;
  RwChartStyle style;

  /* Chart labels follow the user's number format (decimal comma, …). */
  setlocale (LC_ALL, "");

  rw_cli_option_parser_add (parser, entries);
  rw_cli_option_parser_add (parser, workload_entries);
  g_option_context_set_description (context,
    "Draws the same charts as the app. The workload options are those of\n"
    "“rigwise-cli estimate”. The file is replaced atomically.\n"
    "Exit status: 0 ok, 1 error, 2 bad command line.");
  if (!rw_cli_option_parser_parse (parser, &argc, &argv, &error))
    return rw_cli_report_error (error);
  if (argc > 1)
    {
      g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE, "export: unexpected argument “%s”", argv[1]);
      return rw_cli_report_error (error);
    }

  if (chart_arg == NULL || output_arg == NULL)
    {
      g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "export: %s is required", chart_arg == NULL ? "--chart" : "--output");
      return rw_cli_report_error (error);
    }
  if (g_ascii_strcasecmp (chart_arg, "report") == 0)
    report = TRUE;
  else if (!rw_chart_kind_from_string (chart_arg, &kind))
    {
      g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "--chart: “%s” is not one of memory, cost, throughput, tco, breakeven, validation, report",
                   chart_arg);
      return rw_cli_report_error (error);
    }
  if ((width_arg != NULL && !rw_cli_parse_uint ("--width", width_arg, FALSE, &width, &error)) ||
      (height_arg != NULL && !rw_cli_parse_uint ("--height", height_arg, FALSE, &height, &error)) ||
      (scale_arg != NULL && !rw_cli_parse_uint ("--scale", scale_arg, FALSE, &scale, &error)))
    return rw_cli_report_error (error);
  if (scale != 1 && scale != 2)
    {
      g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE, "--scale: “%s” is not 1 or 2", scale_arg);
      return rw_cli_report_error (error);
    }
  if (!rw_export_format_from_path (output_arg, &format, &error))
    return report_export_error (error);
  if (report && format != RW_EXPORT_FORMAT_PDF)
    {
      g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "--output: the report is a PDF; “%s” does not end in .pdf", output_arg);
      return rw_cli_report_error (error);
    }

  systems = resolve_systems (catalog, system_args, &error);
  if (systems == NULL)
    return rw_cli_report_error (error);
  if (!rw_cli_workload_resolve (&options, catalog, &cw, &error))
    return rw_cli_report_error (error);
  data = rw_chart_data_new (catalog, (RwSystem **) systems->pdata, systems->len, &cw.workload, &error);
  if (data == NULL)
    return rw_cli_report_error (error);

  file = g_file_new_for_commandline_arg (output_arg);
  if (report)
    {
      if (!rw_export_report (data, file, NULL, &error))
        return report_export_error (error);
      printf ("report written to %s\n", output_arg);
      return 0;
    }

  if (dark)
    rw_chart_style_init_dark (&style);
  else
    rw_chart_style_init_light (&style);
  if (!rw_export_chart (data, kind, file, format, width, height, scale, &style, NULL, &error))
    return report_export_error (error);
  printf ("%s chart written to %s\n", rw_chart_kind_to_string (kind), output_arg);
  return 0;
}
