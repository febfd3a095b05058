/* rw-json-writer.c: the one way out for JSON, always valid
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Same layout as json-glib's generator ("key" : value, two-space indent),
 * so documents and tests keep their look, but numbers and strings that any
 * JSON parser reads back: see rw-json.h.
 */
#include <math.h>
#include <string.h>

#include "rw-file.h"
#include "rw-json.h"

static void write_node (GString  *out,
                        JsonNode *node,
                        gboolean  pretty,
                        guint     level);

/* The shortest "%.Ng" that reads back as @value; ".0" after plain digits so
 * that a double stays a double when read again (json-glib appended it
 * blindly, giving "1e-08.0"). */
void
rw_json_append_double (GString *out,
                       double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  if (buf[strspn (buf, "-0123456789")] == '\0')
    g_string_append (out, ".0");
}

static void
write_string (GString    *out,
              const char *str)
{
  const char *p = str;
  const char *end = str + strlen (str);

  g_string_append_c (out, '"');
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: a replacement character keeps the output valid. */
          g_string_append (out, "\xef\xbf\xbd");
          p++;
          continue;
        }
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
      p = g_utf8_next_char (p);
    }
  g_string_append_c (out, '"');
}

static void
indent (GString *out,
        gboolean pretty,
        guint    level)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      rw_json_append_double (out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      write_string (out, json_node_get_string (node) != NULL ? json_node_get_string (node) : "");
      break;
    default:
      g_string_append (out, "null");
      break;
    }
}

/* Recursion is bounded by the tree: documents read through rw_json_read_*
 * are at most 34 deep, and the ones built in code a handful. */
static void
write_node (GString  *out,
            JsonNode *node,
            gboolean  pretty,
            guint     level)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_string_append (out, "null");
      return;
    }
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      write_value (out, node);
      return;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          indent (out, pretty, level + 1);
          write_node (out, json_array_get_element (array, i), pretty, level + 1);
        }
      if (n > 0)
        indent (out, pretty, level);
      g_string_append_c (out, ']');
      return;
    }

  {
    JsonObject *object = json_node_get_object (node);
    g_autoptr(GList) members = json_object_get_members (object);

    g_string_append_c (out, '{');
    for (GList *l = members; l != NULL; l = l->next)
      {
        if (l != members)
          g_string_append_c (out, ',');
        indent (out, pretty, level + 1);
        write_string (out, l->data);
        g_string_append (out, pretty ? " : " : ":");
        write_node (out, json_object_get_member (object, l->data), pretty, level + 1);
      }
    if (members != NULL)
      indent (out, pretty, level);
    g_string_append_c (out, '}');
  }
}

char *
rw_json_to_data (JsonNode *node,
                 gboolean  pretty,
                 gsize    *length)
{
  GString *out = g_string_new (NULL);

  write_node (out, node, pretty, 0);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
rw_json_save_file (JsonNode    *node,
                   const char  *path,
                   int          mode,
                   GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = rw_json_to_data (node, TRUE, &length);
  /* A text file ends with a newline. */
  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';
  return rw_file_save_atomic (path, data, length, mode, error);
}
