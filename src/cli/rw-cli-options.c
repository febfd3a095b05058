/* rw-cli-options.c: option parsing that names the option in every error
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GOption converts string values from the locale's charset and, on a byte
 * that is not, fails with "Invalid byte sequence in conversion input"
 * (exit 1, no option named); and a string option given twice silently
 * keeps the last. Every string option here goes through one callback that
 * takes the bytes as they are, refuses what is not UTF-8 (file names
 * excepted: they may be any bytes) and a second value, naming the option,
 * with RW_CLI_ERROR_USAGE (exit 2).
 */
#include <string.h>

#include "rw-cli.h"

typedef struct
{
  const char *long_name;
  char        short_name;
  GOptionArg  arg;          /* the entry's own: STRING, FILENAME, STRING_ARRAY or FILENAME_ARRAY */
  gpointer    arg_data;
  gboolean    seen;
} Option;

struct _RwCliOptionParser
{
  GOptionContext *context;
  GArray         *options;  /* Option */
};

static Option *
find_option (RwCliOptionParser *parser,
             const char        *option_name)
{
  for (guint i = 0; i < parser->options->len; i++)
    {
      Option *option = &g_array_index (parser->options, Option, i);

      if ((g_str_has_prefix (option_name, "--") && g_str_equal (option_name + 2, option->long_name)) ||
          (option_name[0] == '-' && option_name[1] == option->short_name && option_name[2] == '\0'))
        return option;
    }
  return NULL;
}

static gboolean
option_value_cb (const char  *option_name,
                 const char  *value,
                 gpointer     data,
                 GError     **error)
{
  RwCliOptionParser *parser = data;
  Option *option = find_option (parser, option_name);
  gboolean text = option != NULL
                  && (option->arg == G_OPTION_ARG_STRING || option->arg == G_OPTION_ARG_STRING_ARRAY);

  if (option == NULL)
    {
      g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE, "unknown option “%s”", option_name);
      return FALSE;
    }
  if (text && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "--%s: the value is not UTF-8 text", option->long_name);
      return FALSE;
    }

  if (option->arg == G_OPTION_ARG_STRING_ARRAY || option->arg == G_OPTION_ARG_FILENAME_ARRAY)
    {
      char ***strv = option->arg_data;
      guint n = *strv != NULL ? g_strv_length (*strv) : 0;

      *strv = g_renew (char *, *strv, n + 2);
      (*strv)[n] = g_strdup (value);
      (*strv)[n + 1] = NULL;
      return TRUE;
    }

  if (option->seen)
    {
      g_autofree char *first = g_utf8_make_valid (*(char **) option->arg_data, -1);
      g_autofree char *second = g_utf8_make_valid (value, -1);

      g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "--%s: given twice (“%s” and “%s”); give it once", option->long_name,
                   first, second);
      return FALSE;
    }
  option->seen = TRUE;
  g_free (*(char **) option->arg_data);
  *(char **) option->arg_data = g_strdup (value);
  return TRUE;
}

RwCliOptionParser *
rw_cli_option_parser_new (const char *parameter_string)
{
  RwCliOptionParser *parser = g_new0 (RwCliOptionParser, 1);
  GOptionGroup *main_group;

  parser->context = g_option_context_new (parameter_string);
  parser->options = g_array_new (FALSE, TRUE, sizeof (Option));
  /* The callback finds the parser through the main group's data. */
  main_group = g_option_group_new (NULL, NULL, NULL, parser, NULL);
  g_option_context_set_main_group (parser->context, main_group);
  return parser;
}

GOptionContext *
rw_cli_option_parser_get_context (RwCliOptionParser *parser)
{
  return parser->context;
}

void
rw_cli_option_parser_add (RwCliOptionParser  *parser,
                          const GOptionEntry *entries)
{
  g_autoptr(GArray) rewritten = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (const GOptionEntry *e = entries; e->long_name != NULL; e++)
    {
      GOptionEntry copy = *e;

      if (e->arg == G_OPTION_ARG_STRING || e->arg == G_OPTION_ARG_FILENAME ||
          e->arg == G_OPTION_ARG_STRING_ARRAY || e->arg == G_OPTION_ARG_FILENAME_ARRAY)
        {
          Option option = { e->long_name, e->short_name, e->arg, e->arg_data, FALSE };

          g_array_append_val (parser->options, option);
          copy.arg = G_OPTION_ARG_CALLBACK;
          /* The bytes as typed: the callback checks them itself. */
          copy.flags |= G_OPTION_FLAG_FILENAME;
          /* GOptionEntry keeps callbacks in its data pointer. */
          {
            union { GOptionArgFunc func; gpointer data; } callback = { .func = option_value_cb };

            copy.arg_data = callback.data;
          }
        }
      g_array_append_val (rewritten, copy);
    }
  g_option_group_add_entries (g_option_context_get_main_group (parser->context),
                              (const GOptionEntry *) (gpointer) rewritten->data);
}

gboolean
rw_cli_option_parser_parse (RwCliOptionParser   *parser,
                            int                 *argc,
                            char              ***argv,
                            GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_option_context_parse (parser->context, argc, argv, &local_error))
    return TRUE;
  /* Whatever GOption itself refuses (an unknown option, a missing value)
   * is a bad command line too. */
  if (local_error->domain != RW_CLI_ERROR)
    {
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error_literal (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE, message);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

void
rw_cli_option_parser_free (RwCliOptionParser *parser)
{
  if (parser == NULL)
    return;
  g_option_context_free (parser->context);
  g_array_unref (parser->options);
  g_free (parser);
}
