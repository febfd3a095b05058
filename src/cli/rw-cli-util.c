/* rw-cli-util.c: option parsing, suggestions and text tables for rigwise-cli
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rw-cli.h"

G_DEFINE_QUARK (rw-cli-error-quark, rw_cli_error)

int
rw_cli_report_error (const GError *error)
{
  int status = 1;

  /* UTF-8 whatever the locale, as on stdout; bytes of a bad argument that
   * are not UTF-8 are shown as U+FFFD rather than passed on raw. */
  g_autofree char *message = g_utf8_make_valid (error->message, -1);

  fprintf (stderr, "rigwise-cli: %s\n", message);
  if (error->domain == RW_CLI_ERROR)
    status = error->code;
  else if (error->domain == G_OPTION_ERROR || error->domain == RW_WORKLOAD_ERROR)
    status = RW_CLI_ERROR_USAGE;
  return status;
}

gboolean
rw_cli_parse_uint (const char  *option,
                   const char  *text,
                   gboolean     allow_zero,
                   guint       *out,
                   GError     **error)
{
  guint64 value = 0;
  const char *what = allow_zero ? "a non-negative integer" : "a positive integer";

  /* g_ascii_strtoull() accepts "-5" (and negates it), leading blanks and
   * "+": accept nothing but digits. */
  if (text == NULL || *text == '\0')
    goto bad;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        goto bad;
      value = value * 10 + (guint64) (*p - '0');
      if (value > G_MAXUINT)
        {
          g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                       "%s: “%s” is too large", option, text);
          return FALSE;
        }
    }
  if (value == 0 && !allow_zero)
    goto bad;

  *out = (guint) value;
  return TRUE;

bad:
  g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
               "%s: “%s” is not %s", option, text != NULL ? text : "", what);
  return FALSE;
}

gboolean
rw_cli_parse_double (const char  *option,
                     const char  *text,
                     double       min,
                     gboolean     min_inclusive,
                     double       max,
                     double      *out,
                     GError     **error)
{
  char *end = NULL;
  double value;

  /* Plain decimals only: g_ascii_strtod() would also take "nan", "inf",
   * hex floats and leading blanks. */
  if (text == NULL || *text == '\0' || strspn (text, "0123456789.eE+-") != strlen (text))
    goto bad;
  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || errno == ERANGE || !isfinite (value))
    goto bad;
  if (value < min || (!min_inclusive && value == min))
    {
      g_autofree char *min_text = rw_cli_format_number (min, -1);

      g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "%s: “%s” is not a number %s %s", option, text,
                   min_inclusive ? "of at least" : "above", min_text);
      return FALSE;
    }
  if (value > max)
    {
      g_autofree char *max_text = rw_cli_format_number (max, -1);

      g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "%s: “%s” is more than %s", option, text, max_text);
      return FALSE;
    }

  *out = value;
  return TRUE;

bad:
  g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
               "%s: “%s” is not a number", option, text != NULL ? text : "");
  return FALSE;
}

guint
rw_cli_edit_distance (const char *a,
                      const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = (guint) j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[lb];
}

void
rw_cli_set_unknown_id_error (GError             **error,
                             const char          *option,
                             const char          *what,
                             const char          *id,
                             const char * const  *known)
{
  const char *best = NULL;
  guint best_distance = G_MAXUINT;

  for (guint i = 0; known != NULL && known[i] != NULL; i++)
    {
      guint d = rw_cli_edit_distance (id, known[i]);

      /* A prefix ("dgx" for "dgx-spark") is as good a hint as a typo. */
      if (g_str_has_prefix (known[i], id) && strlen (id) >= 3)
        d = MIN (d, 1);
      if (d < best_distance)
        {
          best_distance = d;
          best = known[i];
        }
    }

  if (best != NULL && best_distance <= MAX (2, strlen (id) / 3))
    g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                 "%s: unknown %s “%s”; did you mean “%s”?", option, what, id, best);
  else
    g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                 "%s: unknown %s “%s” (see “rigwise-cli list %ss”)", option, what, id, what);
}

char *
rw_cli_format_number (double value,
                      int    decimals)
{
  if (!isfinite (value))
    return g_strdup ("n/a");
  if (decimals < 0)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", value));
    }
  return g_strdup_printf ("%.*f", decimals, value);
}

/* Three significant figures are all a model of this kind can claim. */
char *
rw_cli_format_speed (double tok_s)
{
  if (!isfinite (tok_s))
    return g_strdup ("n/a");
  if (tok_s >= 100)
    return g_strdup_printf ("%.0f", tok_s);
  if (tok_s >= 10)
    return g_strdup_printf ("%.1f", tok_s);
  return g_strdup_printf ("%.2f", tok_s);
}

char *
rw_cli_format_gb (double bytes)
{
  if (!isfinite (bytes))
    return g_strdup ("n/a");
  return g_strdup_printf ("%.1f", bytes / 1e9);
}

char *
rw_cli_format_money (double      amount,
                     const char *currency,
                     int         decimals)
{
  g_autofree char *digits = NULL;
  GString *out;
  const char *point, *start;
  gsize int_len;

  if (!isfinite (amount))
    return g_strdup ("n/a");

  digits = g_strdup_printf ("%.*f", decimals, fabs (amount));
  point = strchr (digits, '.');
  int_len = point != NULL ? (gsize) (point - digits) : strlen (digits);

  out = g_string_new (amount < 0 ? "-" : "");
  if (g_strcmp0 (currency, "USD") == 0)
    g_string_append_c (out, '$');
  /* Thousands separators on the integer part. */
  start = digits;
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, start[i]);
    }
  if (point != NULL)
    g_string_append (out, point);
  if (currency != NULL && g_strcmp0 (currency, "USD") != 0)
    g_string_append_printf (out, " %s", currency);
  return g_string_free (out, FALSE);
}

struct _RwCliTable
{
  guint      n_columns;
  guint      n_left;
  GPtrArray *rows;   /* char** of n_columns cells */
};

RwCliTable *
rw_cli_table_new (guint n_columns,
                  guint n_left)
{
  RwCliTable *table = g_new0 (RwCliTable, 1);

  table->n_columns = n_columns;
  table->n_left = n_left;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

void
rw_cli_table_take_row (RwCliTable  *table,
                       char       **cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = cells[i] != NULL ? cells[i] : g_strdup ("");
  g_ptr_array_add (table->rows, row);
}

void
rw_cli_table_add_row (RwCliTable *table,
                      const char *first,
                      ...)
{
  g_autofree char **cells = g_new0 (char *, table->n_columns);
  const char *cell = first;
  va_list args;

  va_start (args, first);
  for (guint i = 0; i < table->n_columns && cell != NULL; i++)
    {
      cells[i] = g_strdup (cell);
      cell = va_arg (args, const char *);
    }
  va_end (args);
  rw_cli_table_take_row (table, cells);
}

void
rw_cli_table_print (RwCliTable *table,
                    GString    *out)
{
  g_autofree glong *width = g_new0 (glong, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        width[c] = MAX (width[c], g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      GString *line = g_string_new (NULL);

      for (guint c = 0; c < table->n_columns; c++)
        {
          glong pad = width[c] - g_utf8_strlen (row[c], -1);

          if (c > 0)
            g_string_append (line, "  ");
          if (c >= table->n_left)
            for (glong i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
          g_string_append (line, row[c]);
          if (c < table->n_left)
            for (glong i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
        }
      /* No trailing blanks: golden files and diffs stay clean. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_len (out, line->str, line->len);
      g_string_append_c (out, '\n');
      g_string_free (line, TRUE);
    }
}

void
rw_cli_table_free (RwCliTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
rw_cli_print_json (JsonNode *node)
{
  /* Numbers always valid JSON (json-glib writes 1e-8 as "1e-08.0"). */
  g_autofree char *text = rw_json_to_data (node, TRUE, NULL);

  fputs (text, stdout);
  fputc ('\n', stdout);
}

void
rw_cli_load_price_cache (RwPriceRefresher *refresher)
{
  g_autoptr(GError) error = NULL;

  if (!rw_price_refresher_load_cache (refresher, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    fprintf (stderr, "rigwise-cli: note: %s\n", error->message);
}

void
rw_cli_append_warnings (GString          *out,
                        const RwWorkload *workload)
{
  g_auto(GStrv) warnings = rw_workload_dup_warnings (workload);

  for (guint i = 0; warnings[i] != NULL; i++)
    g_string_append_printf (out, "warning: %s\n", warnings[i]);
  if (warnings[0] != NULL)
    g_string_append_c (out, '\n');
}

static char **
system_ids (RwCatalog *catalog)
{
  guint n = rw_catalog_get_n_systems (catalog);
  char **ids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (rw_catalog_get_system (catalog, i)->id);
  return ids;
}

/* The systems named by --system, in the order given, or all of them. */
GPtrArray *
rw_cli_resolve_systems (RwCatalog  *catalog,
                 char      **ids,
                 GError    **error)
{
  g_autoptr(GPtrArray) systems = g_ptr_array_new ();

  if (ids == NULL)
    {
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
      /* Twice would print its row twice. */
      if (g_ptr_array_find (systems, system, NULL))
        {
          g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                       "--system: “%s” is given twice; give each system once", ids[i]);
          return NULL;
        }
      g_ptr_array_add (systems, system);
    }
  return g_steal_pointer (&systems);
}

void
rw_cli_report_skipped (RwCatalog *catalog)
{
  GPtrArray *skipped = rw_catalog_get_skipped (catalog);

  for (guint i = 0; i < skipped->len; i++)
    {
      const RwCatalogSkip *skip = g_ptr_array_index (skipped, i);
      g_autofree char *path = g_filename_display_name (skip->path);

      fprintf (stderr, "rigwise-cli: warning: skipped your catalog file %s: %s\n", path,
               rw_catalog_skip_get_reason (skip));
    }
}
