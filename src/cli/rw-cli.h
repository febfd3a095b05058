/* rw-cli.h: rigwise-cli subcommands and the helpers they share
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rigwise-core.h"
#include "rw-price-refresher.h"

G_BEGIN_DECLS

/* Errors of the command line. The code is the exit status: 2 for a bad
 * command line (unknown option or id, bad value), 1 for anything else
 * (an unreadable file, a catalog that does not load). */
#define RW_CLI_ERROR (rw_cli_error_quark ())
typedef enum
{
  RW_CLI_ERROR_FAILED = 1,
  RW_CLI_ERROR_USAGE = 2,
} RwCliError;

GQuark      rw_cli_error_quark          (void);

/* A subcommand: parses its own options from argv (argv[0] is its name) and
 * returns the exit status. To add one, write rw-cli-<name>.c, declare it
 * here and add a row to the table in main.c and the file to meson.build. */
typedef int (*RwCliCommandFunc) (RwCatalog  *catalog,
                                 int         argc,
                                 char      **argv);

int         rw_cli_estimate             (RwCatalog  *catalog,
                                         int         argc,
                                         char      **argv);
int         rw_cli_export               (RwCatalog  *catalog,
                                         int         argc,
                                         char      **argv);
int         rw_cli_list                 (RwCatalog  *catalog,
                                         int         argc,
                                         char      **argv);
int         rw_cli_what_fits            (RwCatalog  *catalog,
                                         int         argc,
                                         char      **argv);
int         rw_cli_validate             (RwCatalog  *catalog,
                                         int         argc,
                                         char      **argv);
int         rw_cli_prices               (RwCatalog  *catalog,
                                         int         argc,
                                         char      **argv);

/* Every command parses its options through this, not GOption directly:
 * string and file-name options (single or repeatable) are taken as typed,
 * a text value that is not UTF-8 and a single option given twice are
 * refused naming the option, and every parse error is
 * RW_CLI_ERROR_USAGE (exit 2). */
typedef struct _RwCliOptionParser RwCliOptionParser;
RwCliOptionParser *rw_cli_option_parser_new         (const char          *parameter_string);
GOptionContext    *rw_cli_option_parser_get_context (RwCliOptionParser   *parser);
void               rw_cli_option_parser_add         (RwCliOptionParser   *parser,
                                                     const GOptionEntry  *entries);
gboolean           rw_cli_option_parser_parse       (RwCliOptionParser   *parser,
                                                     int                 *argc,
                                                     char              ***argv,
                                                     GError             **error);
void               rw_cli_option_parser_free        (RwCliOptionParser   *parser);

/* Prints "rigwise-cli: MESSAGE" on stderr and returns the exit status the
 * error stands for (its code for RW_CLI_ERROR and GOption errors of the
 * command line, else 1). */
int         rw_cli_report_error         (const GError  *error);

/* One warning on stderr for each user catalog file that did not load
 * (rw_catalog_get_skipped()): the command goes on without it. */
void        rw_cli_report_skipped       (RwCatalog     *catalog);

/* Overlays the last good price feed from @refresher's cache on its catalog,
 * as the app does at start; a missing cache is normal, a corrupt one is
 * noted on stderr and ignored. */
void        rw_cli_load_price_cache     (RwPriceRefresher *refresher);

/* Strict parsing of option values; errors name the option and the value:
 * rigwise-cli: --context: “-5” is not a positive integer. */
gboolean    rw_cli_parse_uint           (const char    *option,
                                         const char    *text,
                                         gboolean       allow_zero,
                                         guint         *out,
                                         GError       **error);
gboolean    rw_cli_parse_double         (const char    *option,
                                         const char    *text,
                                         double         min,
                                         gboolean       min_inclusive,
                                         double         max,
                                         double        *out,
                                         GError       **error);

/* Sets an RW_CLI_ERROR_USAGE error for an unknown @id of @what ("system"),
 * suggesting the closest of @known (NULL-terminated) when it is close. */
void        rw_cli_set_unknown_id_error (GError       **error,
                                         const char    *option,
                                         const char    *what,
                                         const char    *id,
                                         const char * const *known);
/* Levenshtein distance, for suggestions. */
guint       rw_cli_edit_distance        (const char    *a,
                                         const char    *b);

/* Formatting for the text tables: "n/a" for NAN. */
char       *rw_cli_format_number        (double         value,
                                         int            decimals);
char       *rw_cli_format_speed         (double         tok_s);
char       *rw_cli_format_gb            (double         bytes);
char       *rw_cli_format_money         (double         amount,
                                         const char    *currency,
                                         int            decimals);

/* A text table with aligned columns (right-aligned except the first
 * @n_left columns); cells are UTF-8. */
typedef struct _RwCliTable RwCliTable;
RwCliTable *rw_cli_table_new            (guint          n_columns,
                                         guint          n_left);
void        rw_cli_table_add_row        (RwCliTable    *table,
                                         const char    *first,
                                         ...) G_GNUC_NULL_TERMINATED;
/* Adds a row taking ownership of the @n_columns strings in @cells. */
void        rw_cli_table_take_row       (RwCliTable    *table,
                                         char         **cells);
void        rw_cli_table_print          (RwCliTable    *table,
                                         GString       *out);
void        rw_cli_table_free           (RwCliTable    *table);

/* The systems named by --system (@ids, NULL for all), in the order given;
 * an unknown id is a usage error suggesting the closest. */
GPtrArray  *rw_cli_resolve_systems      (RwCatalog         *catalog,
                                         char             **ids,
                                         GError           **error);

/* Appends "warning: …" lines for what the workload asks beyond its model
 * (rw_workload_dup_warnings()), then an empty line if there were any. */
void        rw_cli_append_warnings      (GString           *out,
                                         const RwWorkload  *workload);

/* Prints a JSON node, pretty, with a final newline, on stdout. */
void        rw_cli_print_json           (JsonNode      *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwCliTable, rw_cli_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwCliOptionParser, rw_cli_option_parser_free)

G_END_DECLS
