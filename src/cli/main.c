/* main.c: rigwise-cli, the command-line front end of the Rigwise core
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "rw-cli.h"

/* To add a subcommand: one row here, its function in rw-cli.h, its file in
 * meson.build. */
static const struct
{
  const char       *name;
  RwCliCommandFunc  func;
  const char       *summary;
} commands[] = {
  { "estimate", rw_cli_estimate, "memory, speed and cost of a workload on each system" },
  { "export", rw_cli_export, "charts (PNG, PDF, SVG) and the PDF report" },
  { "list", rw_cli_list, "the catalog's systems, models or formats" },
  { "prices", rw_cli_prices, "the prices in use (show), or refresh them from the price feed" },
  { "validate", rw_cli_validate, "predictions against the bundled measured benchmarks" },
  { "what-fits", rw_cli_what_fits, "the largest context, best weights and models that fit each system" },
};

static void
print_usage (FILE *stream)
{
  fputs ("Usage: rigwise-cli COMMAND [OPTION…]\n\nCommands:\n", stream);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fputs ("\n“rigwise-cli COMMAND --help” lists a command’s options.\n"
         "Exit status: 0 ok, 1 error, 2 bad command line.\n", stream);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RwCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = NULL;
  const char *name;

  if (argc < 2)
    {
      print_usage (stderr);
      return RW_CLI_ERROR_USAGE;
    }
  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_usage (stdout);
      return 0;
    }
  if (g_str_equal (name, "--version"))
    {
      printf ("rigwise-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (name, commands[i].name))
        continue;

      /* "Usage: rigwise-cli estimate [OPTION…]" in the command's --help. */
      prgname = g_strdup_printf ("rigwise-cli %s", name);
      g_set_prgname (prgname);

      catalog = rw_catalog_new_default (&error);
      if (catalog == NULL)
        {
          g_prefix_error (&error, "catalog: ");
          fprintf (stderr, "rigwise-cli: %s\n", error->message);
          return RW_CLI_ERROR_FAILED;
        }
      rw_cli_report_skipped (catalog);
      /* Every command costs with the prices `prices show` lists: the last
       * good feed over the bundle, as in the app. (`prices` keeps a
       * refresher of its own, which also needs the cache's ETag.) */
      if (commands[i].func != rw_cli_prices)
        {
          g_autoptr(RwPriceRefresher) refresher = rw_price_refresher_new (catalog, NULL);

          rw_cli_load_price_cache (refresher);
        }
      return commands[i].func (catalog, argc - 1, argv + 1);
    }

  if (name[0] == '-')
    {
      g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "unknown option “%s” (give a command first; see rigwise-cli --help)", name);
      return rw_cli_report_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (rw_cli_edit_distance (name, commands[i].name) <= 2)
        {
          g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                       "unknown command “%s”; did you mean “%s”?", name, commands[i].name);
          return rw_cli_report_error (error);
        }
    }
  g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
               "unknown command “%s” (see rigwise-cli --help)", name);
  return rw_cli_report_error (error);
}
