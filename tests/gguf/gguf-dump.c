/* gguf-dump.c: writes the sample GGUF files into a directory and prints,
 * as JSON, what Rigwise's reader reads from each (tests/gguf/cross-check.sh
 * compares it with @huggingface/gguf's reading)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   gguf-dump OUTDIR > ours.json
 */
#include <stdio.h>

#include <json-glib/json-glib.h>

#include "rigwise-core.h"
#include "rw-gguf-samples.h"

static void
add_value (JsonBuilder  *b,
           const RwGguf *gguf,
           const char   *key)
{
  RwGgufType element;
  guint64 length, u;
  double number;
  int type = rw_gguf_get_type (gguf, key, &element, &length);

  json_builder_set_member_name (b, key);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_int_value (b, type);
  if (type == RW_GGUF_TYPE_ARRAY)
    {
      const double *values = rw_gguf_get_array (gguf, key, NULL);

      json_builder_set_member_name (b, "element_type");
      json_builder_add_int_value (b, element);
      json_builder_set_member_name (b, "length");
      json_builder_add_int_value (b, (gint64) length);
      if (values != NULL)
        {
          json_builder_set_member_name (b, "values");
          json_builder_begin_array (b);
          for (guint64 i = 0; i < length; i++)
            json_builder_add_double_value (b, values[i]);
          json_builder_end_array (b);
        }
    }
  else if (type == RW_GGUF_TYPE_STRING)
    {
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, rw_gguf_get_string (gguf, key));
    }
  else if (rw_gguf_get_uint (gguf, key, &u))
    {
      /* As a decimal string: 64-bit values do not fit in a double. */
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, u);

      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, text);
    }
  else if (rw_gguf_get_number (gguf, key, &number))
    {
      json_builder_set_member_name (b, "number");
      json_builder_add_double_value (b, number);
    }
  json_builder_end_object (b);
}

static void
dump (JsonBuilder  *b,
      const char   *dir,
      const char   *name,
      RwGgufWriter *writer)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RwGguf) gguf = NULL;
  guint64 params = 0;

  if (!rw_gguf_writer_write_file (writer, path, &error))
    g_error ("%s", error->message);
  rw_gguf_writer_free (writer);
  gguf = rw_gguf_read_file (path, &error);
  if (gguf == NULL)
    g_error ("%s", error->message);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, rw_gguf_get_version (gguf));
  json_builder_set_member_name (b, "data_offset");
  json_builder_add_int_value (b, (gint64) rw_gguf_get_data_offset (gguf));
  json_builder_set_member_name (b, "metadata");
  json_builder_begin_object (b);
  for (guint i = 0; i < rw_gguf_get_n_keys (gguf); i++)
    add_value (b, gguf, rw_gguf_get_key (gguf, i));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "tensors");
  json_builder_begin_array (b);
  for (guint64 i = 0; i < rw_gguf_get_n_tensors (gguf); i++)
    {
      const RwGgufTensor *t = rw_gguf_get_tensor (gguf, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, t->name);
      json_builder_set_member_name (b, "type");
      json_builder_add_int_value (b, t->type);
      json_builder_set_member_name (b, "offset");
      json_builder_add_int_value (b, (gint64) t->offset);
      json_builder_set_member_name (b, "shape");
      json_builder_begin_array (b);
      for (guint d = 0; d < t->n_dims; d++)
        json_builder_add_int_value (b, (gint64) t->dims[d]);
      json_builder_end_array (b);
      json_builder_end_object (b);
      params += t->n_elements;
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "params");
  json_builder_add_int_value (b, (gint64) params);
  json_builder_end_object (b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: gguf-dump OUTDIR\n");
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);
  json_builder_begin_array (b);
  dump (b, argv[1], "llama-v2.gguf", sample_llama (2));
  dump (b, argv[1], "llama-v3.gguf", sample_llama (3));
  dump (b, argv[1], "qwen3next.gguf", sample_qwen3next ());
  dump (b, argv[1], "nemotron-h.gguf", sample_nemotron_h ());
  dump (b, argv[1], "gemma4.gguf", sample_gemma4 ());
  dump (b, argv[1], "every-type.gguf", sample_every_type ());
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  /* Rigwise's writer: json-glib's turns non-ASCII into "?" in the C locale. */
  text = rw_json_to_data (root, TRUE, NULL);
  /* Bytes as they are: g_print() would convert them to the locale's charset. */
  fputs (text, stdout);
  fputc ('\n', stdout);
  return 0;
}
