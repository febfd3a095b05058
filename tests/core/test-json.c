/* test-json.c: the one JSON reader and writer (rw-json.h) and atomic saves
 * (rw-file.h)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rigwise-core.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Links are removed, never followed. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_lstat (child, &st) == 0 && S_ISDIR (st.st_mode))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  return text;
}

/* The strict grammar: each case fails with this text at this place, or
 * parses. The same checks guarded the price feed before they moved here. */
static void
test_strict_syntax (void)
{
  struct {
    const char *text;
    gssize      length;   /* -1: strlen */
    const char *fragment; /* NULL: must pass */
  } cases[] = {
    { "{\"a\": 'b'}", -1, "column 7: strings take double quotes" },
    { "{\"a\": 01}", -1, "column 8: leading zero" },
    { "{\"a\": 1,}", -1, "column 9: expected a member name" },
    { "{\"a\": 1, \"a\": 2}", -1, "column 10: duplicate member “a”" },
    { "{\"a\": 1, \"\\u0061\": 2}", -1, "duplicate member “a”" },
    { "{\"a\": \"x\\u0000y\"}", -1, "NUL character" },
    { "{\"a\": \"\\ud800\"}", -1, "unpaired high surrogate" },
    { "{\"a\": \"\\udc00\"}", -1, "unpaired low surrogate" },
    { "{\"a\": 99999999999999999999}", -1, "column 7: integer does not fit in 64 bits" },
    { "{\"a\": 9223372036854775808}", -1, "integer does not fit in 64 bits" },
    { "{\"a\": -9223372036854775809}", -1, "integer does not fit in 64 bits" },
    { "{\"a\": Infinity}", -1, "unexpected word" },
    { "{\"a\": NaN}", -1, "unexpected word" },
    { "{\"a\": -Infinity}", -1, "a number needs digits" },
    { "{\"a\": -}", -1, "a number needs digits" },
    { "{\"a\": 1.}", -1, "digits must follow the decimal point" },
    { "{\"a\": 1e}", -1, "digits must follow the exponent" },
    { "{\"a\": tru}", -1, "unexpected character" },
    { "{\"a\": \"\x01\"}", -1, "control character in a string" },
    { "{\"a\": \"\\x\"}", -1, "unknown escape \\x" },
    { "{\"a\": \"\xff\"}", -1, "column 8: not UTF-8" },
    { "{\"a\":\n \"b\0\"}", 11, "line 2, column 4: not UTF-8 text (or a NUL byte)" },
    { "{} {}", -1, "column 4: data after the end" },
    { "{\"a\" 1}", -1, "expected “:”" },
    { "[1 2]", -1, "expected “,” or “]”" },
    { "[1}", -1, "expected “,” or “]”" },
    { "{\"a\": \"unterminated", -1, "unterminated string" },
    { "   ", -1, "the document ends early" },
    { "", -1, "line 1, column 1: the document is empty" },
    { "{\"é\": \"\xc3\xa9\", \"b\": [\"\\ud83d\\ude00\", -0, 0.5e-3, 1E+2, true, false, null, {}, []]}", -1, NULL },
    { "{\"a\": 9223372036854775807, \"b\": -9223372036854775808, \"c\": 1e-999}", -1, NULL },
    { "\xef\xbb\xbf{\"bom\": true}", -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = cases[i].length < 0 ? strlen (cases[i].text) : (gsize) cases[i].length;
      g_autoptr(JsonNode) node = rw_json_read_data (cases[i].text, length, RW_JSON_KIND_CATALOG,
                                                    NULL, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(passes)");
      if (cases[i].fragment == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (node);
        }
      else
        {
          g_assert_null (node);
          g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_SYNTAX);
          g_assert_nonnull (strstr (error->message, cases[i].fragment));
          /* Without an origin the message is a sentence of its own. */
          g_assert_true (g_str_has_prefix (error->message, "Not valid JSON at line "));
        }
    }
}

/* What the passing documents hold: the tree json-glib would have built,
 * with the values exact. */
static void
test_values (void)
{
  static const char doc[] =
    "{\"é\": \"\xc3\xa9\\n\\\"\", \"emoji\": \"\\ud83d\\ude00\", \"big\": 9223372036854775807, "
    "\"small\": -9223372036854775808, \"neg0\": -0, \"d\": 0.5e-3, \"e\": 1E+2, \"tiny\": 1e-999, "
    "\"huge\": 1e999, "
    "\"list\": [true, false, null, {}, []]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = rw_json_read_data (doc, strlen (doc), RW_JSON_KIND_SCENARIO, "doc", &error);
  JsonObject *object;
  JsonArray *list;

  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "é"), ==, "é\n\"");
  g_assert_cmpstr (json_object_get_string_member (object, "emoji"), ==, "\xf0\x9f\x98\x80");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "big")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (object, "big"), ==, G_MAXINT64);
  g_assert_cmpint (json_object_get_int_member (object, "small"), ==, G_MININT64);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "neg0")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "d")), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_object_get_double_member (object, "d"), ==, 0.0005);
  g_assert_cmpfloat (json_object_get_double_member (object, "e"), ==, 100.0);
  g_assert_cmpfloat (json_object_get_double_member (object, "tiny"), ==, 0.0);
  /* As json-glib reads it: field readers refuse it by name (isfinite). */
  g_assert_true (isinf (json_object_get_double_member (object, "huge")));
  list = json_object_get_array_member (object, "list");
  g_assert_cmpuint (json_array_get_length (list), ==, 5);
  g_assert_true (json_array_get_boolean_element (list, 0));
  g_assert_false (json_array_get_boolean_element (list, 1));
  g_assert_true (json_array_get_null_element (list, 2));
  g_assert_cmpuint (json_object_get_size (json_array_get_object_element (list, 3)), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_array_get_array_element (list, 4)), ==, 0);
  /* Members keep their order. */
  {
    g_autoptr(GList) members = json_object_get_members (object);

    g_assert_cmpstr (members->data, ==, "é");
    g_assert_cmpstr (g_list_last (members)->data, ==, "list");
  }
}

/* Issue #13 case 1: 200 000 levels crashed json-glib (one C stack frame a
 * level). Every kind stops at its limit, where the first level too many
 * opens, whatever the rest of the document. */
static void
test_nesting (void)
{
  const RwJsonKind kinds[] = {
    RW_JSON_KIND_CATALOG, RW_JSON_KIND_HF_CONFIG, RW_JSON_KIND_SCENARIO,
    RW_JSON_KIND_PRICE_FEED, RW_JSON_KIND_PRICE_CACHE,
  };
  g_autofree char *arrays = g_strnfill (200000, '[');
  GString *objects = g_string_new (NULL);

  for (guint i = 0; i < 200000; i++)
    g_string_append (objects, "{\"a\":");

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const RwJsonLimits *limits = rw_json_get_limits (kinds[k]);
      g_autofree char *at_limit_open = g_strnfill (limits->max_depth, '[');
      g_autofree char *at_limit_close = g_strnfill (limits->max_depth, ']');
      g_autofree char *at_limit = g_strconcat (at_limit_open, at_limit_close, NULL);
      g_autofree char *fragment = g_strdup_printf ("line 1, column %u: nested deeper than %u levels",
                                                   limits->max_depth + 1, limits->max_depth);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) ok = rw_json_read_data (at_limit, strlen (at_limit), kinds[k], "deep.json", &error);
      g_autoptr(JsonNode) bad = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (ok);

      bad = rw_json_read_data (arrays, 200000, kinds[k], "deep.json", &error);
      g_assert_null (bad);
      g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_TOO_DEEP);
      g_assert_true (g_str_has_prefix (error->message, "deep.json: not valid JSON at "));
      g_assert_nonnull (strstr (error->message, fragment));
      g_clear_error (&error);

      bad = rw_json_read_data (objects->str, objects->len, kinds[k], "deep.json", &error);
      g_assert_null (bad);
      g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_TOO_DEEP);
    }
  g_string_free (objects, TRUE);
}

/* NaN and Infinity are Python's, not JSON's: only config.json files may
 * have them, and they arrive as non-finite doubles. */
static void
test_nonfinite (void)
{
  static const char doc[] = "{\"a\": NaN, \"b\": Infinity, \"c\": -Infinity, \"d\": [NaN]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) config = rw_json_read_data (doc, strlen (doc), RW_JSON_KIND_HF_CONFIG,
                                                  "config.json", &error);
  JsonObject *object;

  g_assert_no_error (error);
  object = json_node_get_object (config);
  g_assert_true (isnan (json_object_get_double_member (object, "a")));
  g_assert_true (isinf (json_object_get_double_member (object, "b")));
  g_assert_cmpfloat (json_object_get_double_member (object, "b"), >, 0);
  g_assert_true (isinf (json_object_get_double_member (object, "c")));
  g_assert_cmpfloat (json_object_get_double_member (object, "c"), <, 0);

  for (RwJsonKind kind = 0; kind < RW_JSON_KIND_N; kind++)
    {
      g_autoptr(JsonNode) node = NULL;

      if (kind == RW_JSON_KIND_HF_CONFIG)
        continue;
      node = rw_json_read_data (doc, strlen (doc), kind, "x.json", &error);
      g_assert_null (node);
      g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_SYNTAX);
      g_assert_nonnull (strstr (error->message, "x.json: not valid JSON at line 1, column 7: unexpected word"));
      g_clear_error (&error);
    }
  /* Still a word, not a prefix: "NaNa" is not NaN followed by garbage
   * silently accepted. */
  {
    g_autoptr(JsonNode) node = rw_json_read_data ("[NaNa]", 6, RW_JSON_KIND_HF_CONFIG, NULL, &error);

    g_assert_null (node);
    g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_SYNTAX);
    g_assert_nonnull (strstr (error->message, "column 5: expected “,” or “]”"));
  }
}

/* Byte and value caps: refused with the kind's own numbers. */
static void
test_caps (void)
{
  const RwJsonLimits *cache = rw_json_get_limits (RW_JSON_KIND_PRICE_CACHE);
  const RwJsonLimits *config = rw_json_get_limits (RW_JSON_KIND_HF_CONFIG);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) zeros = g_string_new ("[0");
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *big = NULL;
  g_autofree char *expected = NULL;

  /* The document's array is a value too: 63 zeros fill the cache's 64. */
  for (guint i = 1; i < cache->max_values - 1; i++)
    g_string_append (zeros, ",0");
  g_string_append (zeros, "]");
  node = rw_json_read_data (zeros->str, zeros->len, RW_JSON_KIND_PRICE_CACHE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_clear_pointer (&node, json_node_unref);

  g_string_insert (zeros, 1, "0,");
  node = rw_json_read_data (zeros->str, zeros->len, RW_JSON_KIND_PRICE_CACHE, "cache", &error);
  g_assert_null (node);
  g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "cache: not valid JSON at line 1, column 128: more than 64 values "
                                            "(the price cache may have at most 64)"));
  g_clear_error (&error);

  /* One byte over: refused before a byte is parsed. */
  big = g_strnfill (config->max_bytes + 1, ' ');
  node = rw_json_read_data (big, config->max_bytes + 1, RW_JSON_KIND_HF_CONFIG, "big.json", &error);
  g_assert_null (node);
  g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_TOO_LARGE);
  expected = g_strdup_printf ("big.json: %" G_GUINT64_FORMAT " bytes, more than the %" G_GUINT64_FORMAT
                              " bytes a Hugging Face config.json may have",
                              config->max_bytes + 1, config->max_bytes);
  g_assert_cmpstr (error->message, ==, expected);

  /* The limits themselves, as the README quotes them. */
  g_assert_cmpuint (rw_json_get_limits (RW_JSON_KIND_CATALOG)->max_bytes, ==, 2 * 1024 * 1024);
  g_assert_cmpuint (config->max_bytes, ==, 1024 * 1024);
  g_assert_cmpuint (rw_json_get_limits (RW_JSON_KIND_SCENARIO)->max_bytes, ==, 2 * 1024 * 1024);
  g_assert_cmpuint (rw_json_get_limits (RW_JSON_KIND_PRICE_FEED)->max_bytes, ==, 1024 * 1024);
  g_assert_cmpuint (cache->max_bytes, ==, 8 * 1024 * 1024);
  /* A scenario embeds a config two levels down (workload.model_config). */
  g_assert_cmpuint (rw_json_get_limits (RW_JSON_KIND_SCENARIO)->max_depth, ==, config->max_depth + 2);
  g_assert_cmpuint (rw_json_get_limits (RW_JSON_KIND_SCENARIO)->max_bytes, >, config->max_bytes);
}

/* Issue #13 cases 3 and 11: only regular files, never read past the cap. */
static void
test_files (void)
{
  g_autofree char *good = tmp_path ("good.json");
  g_autofree char *missing = tmp_path ("missing.json");
  g_autofree char *dir = tmp_path ("a-directory.json");
  g_autofree char *fifo = tmp_path ("fifo.json");
  g_autofree char *link = tmp_path ("link-to-fifo.json");
  g_autofree char *huge = tmp_path ("huge.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 start;
  int fd;

  write_text (good, "{\"ok\": 1}");
  node = rw_json_read_file (good, RW_JSON_KIND_CATALOG, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "ok"), ==, 1);
  g_clear_pointer (&node, json_node_unref);

  node = rw_json_read_file (missing, RW_JSON_KIND_CATALOG, &error);
  g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "missing.json: No such file or directory");
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  node = rw_json_read_file (dir, RW_JSON_KIND_HF_CONFIG, &error);
  g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_NOT_REGULAR);
  g_assert_cmpstr (error->message, ==, "a-directory.json: a directory, not a regular file");
  g_clear_error (&error);

  /* A FIFO nobody writes to: refused at once instead of blocking for ever,
   * also through a symbolic link. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  start = g_get_monotonic_time ();
  node = rw_json_read_file (fifo, RW_JSON_KIND_HF_CONFIG, &error);
  g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_NOT_REGULAR);
  g_assert_cmpstr (error->message, ==, "fifo.json: a FIFO (named pipe), not a regular file");
  g_clear_error (&error);
  node = rw_json_read_file (link, RW_JSON_KIND_HF_CONFIG, &error);
  g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_NOT_REGULAR);
  g_clear_error (&error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  node = rw_json_read_file ("/dev/null", RW_JSON_KIND_HF_CONFIG, &error);
  g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_NOT_REGULAR);
  g_assert_cmpstr (error->message, ==, "null: a device, not a regular file");
  g_clear_error (&error);

  /* 4 GiB, sparse: refused from its size alone, in no time. */
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, G_GINT64_CONSTANT (4294967296)), ==, 0);
  close (fd);
  start = g_get_monotonic_time ();
  node = rw_json_read_file (huge, RW_JSON_KIND_HF_CONFIG, &error);
  g_assert_error (error, RW_JSON_ERROR, RW_JSON_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "huge.json: 4294967296 bytes, more than the 1048576 bytes a Hugging Face config.json may have");
  g_clear_error (&error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  /* The caller's domain, message unchanged. */
  node = rw_json_read_file (dir, RW_JSON_KIND_CATALOG, &error);
  rw_json_error_convert (&error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO, RW_CATALOG_ERROR_IO,
                         RW_CATALOG_ERROR_PARSE);
  g_assert_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "a-directory.json: a directory, not a regular file");

  g_unlink (huge);
  g_unlink (link);
  g_unlink (fifo);
  g_rmdir (dir);
  g_unlink (good);
}

static char *
write_double (double value)
{
  g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), value);

  return rw_json_to_data (node, FALSE, NULL);
}

/* Issue #13 case 2: json-glib writes 1e-8 as "1e-08.0". Each number is
 * written in the shortest form that reads back to the same double, and
 * json-glib's own parser must read what we write. */
static void
test_writer_numbers (void)
{
  struct {
    double      value;
    const char *text;
  } cases[] = {
    { 1e-8, "1e-08" },
    { 0.1, "0.1" },
    { 0.15, "0.15" },
    { 3.0, "3.0" },
    { -0.0, "-0.0" },
    { 1e300, "1e+300" },
    { 1e20, "1e+20" },
    { 123456789.125, "123456789.125" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 4.885, "4.885" },
    { 5e-324, "5e-324" },
    { 1.7976931348623157e308, "1.7976931348623157e+308" },
    { NAN, "null" },
    { INFINITY, "null" },
    { -INFINITY, "null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = write_double (cases[i].value);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *doc = g_strdup_printf ("[%s]", text);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (json_parser_load_from_data (parser, doc, -1, &error));
      g_assert_no_error (error);
      if (isfinite (cases[i].value))
        {
          g_autoptr(JsonNode) back = rw_json_read_data (doc, strlen (doc), RW_JSON_KIND_CATALOG, NULL, &error);
          JsonNode *element;

          g_assert_no_error (error);
          element = json_array_get_element (json_node_get_array (back), 0);
          /* Still a double, and the same one to the last bit. */
          g_assert_cmpint (json_node_get_value_type (element), ==, G_TYPE_DOUBLE);
          g_assert_cmpmem (&cases[i].value, sizeof (double), &(double) { json_node_get_double (element) },
                           sizeof (double));
        }
    }

  {
    g_autoptr(JsonNode) max = json_node_init_int (json_node_alloc (), G_MAXINT64);
    g_autoptr(JsonNode) min = json_node_init_int (json_node_alloc (), G_MININT64);
    g_autofree char *max_text = rw_json_to_data (max, TRUE, NULL);
    g_autofree char *min_text = rw_json_to_data (min, TRUE, NULL);

    g_assert_cmpstr (max_text, ==, "9223372036854775807");
    g_assert_cmpstr (min_text, ==, "-9223372036854775808");
  }
}

/* Strings as UTF-8 whatever the locale (json-glib writes "?" for "é" in the
 * C locale), control characters escaped, invalid bytes replaced. */
static void
test_writer_strings (void)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (),
                                                    "é\x01\"\\/\n\t\xe2\x80\xa8\xff" "end");
  g_autofree char *text = rw_json_to_data (node, FALSE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) back = NULL;

  g_assert_cmpstr (text, ==, "\"é\\u0001\\\"\\\\/\\n\\t\xe2\x80\xa8\xef\xbf\xbd" "end\"");
  back = rw_json_read_data (text, strlen (text), RW_JSON_KIND_SCENARIO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (back), ==, "é\x01\"\\/\n\t\xe2\x80\xa8\xef\xbf\xbd" "end");
}

/* json-glib's layout, so that saved files and tests keep their look. */
static void
test_writer_layout (void)
{
  static const char doc[] = "{\"a\": 1, \"b\": [1, 2.5, {\"c\": null}], \"d\": {}, \"e\": [], \"f\": \"x\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = rw_json_read_data (doc, strlen (doc), RW_JSON_KIND_CATALOG, NULL, &error);
  g_autofree char *pretty = NULL;
  g_autofree char *compact = NULL;
  g_autoptr(JsonNode) again = NULL;

  g_assert_no_error (error);
  pretty = rw_json_to_data (root, TRUE, NULL);
  compact = rw_json_to_data (root, FALSE, NULL);
  g_assert_cmpstr (pretty, ==,
                   "{\n"
                   "  \"a\" : 1,\n"
                   "  \"b\" : [\n"
                   "    1,\n"
                   "    2.5,\n"
                   "    {\n"
                   "      \"c\" : null\n"
                   "    }\n"
                   "  ],\n"
                   "  \"d\" : {},\n"
                   "  \"e\" : [],\n"
                   "  \"f\" : \"x\"\n"
                   "}");
  g_assert_cmpstr (compact, ==, "{\"a\":1,\"b\":[1,2.5,{\"c\":null}],\"d\":{},\"e\":[],\"f\":\"x\"}");

  again = rw_json_read_data (pretty, strlen (pretty), RW_JSON_KIND_CATALOG, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (root, again));
}

static void
test_saturating_sizes (void)
{
  g_assert_cmpuint (rw_size_add (1, 2), ==, 3);
  g_assert_cmpuint (rw_size_add (G_MAXUINT64 - 1, 1), ==, G_MAXUINT64);
  g_assert_cmpuint (rw_size_add (G_MAXUINT64, 1), ==, G_MAXUINT64);
  g_assert_cmpuint (rw_size_add (G_MAXUINT64 / 2 + 1, G_MAXUINT64 / 2 + 1), ==, G_MAXUINT64);
  g_assert_cmpuint (rw_size_mul (1 << 20, 1 << 20), ==, G_GUINT64_CONSTANT (1) << 40);
  g_assert_cmpuint (rw_size_mul (G_GUINT64_CONSTANT (1) << 32, G_GUINT64_CONSTANT (1) << 32), ==, G_MAXUINT64);
  g_assert_cmpuint (rw_size_mul (G_MAXUINT64, 0), ==, 0);
  g_assert_cmpuint (rw_size_mul (0, G_MAXUINT64), ==, 0);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* Issue #13 case 12: after kill -9 during a save, the temporary stayed for
 * ever. Ours carry a name only Rigwise uses and a lock while written; the
 * next save removes the unlocked ones and nothing else. */
static void
test_atomic_save (void)
{
  g_autofree char *dir = tmp_path ("save");
  g_autofree char *path = g_build_filename (dir, "trip.rigwise", NULL);
  g_autofree char *stale = g_build_filename (dir, ".trip.rigwise" RW_FILE_SAVE_INFIX "Ab3dE9", NULL);
  g_autofree char *held = g_build_filename (dir, ".trip.rigwise" RW_FILE_SAVE_INFIX "Zz9yY8", NULL);
  g_autofree char *glib_style = g_build_filename (dir, "trip.rigwise.Ab3dE9", NULL);
  g_autofree char *short_suffix = g_build_filename (dir, ".trip.rigwise" RW_FILE_SAVE_INFIX "Ab3dE", NULL);
  g_autofree char *other_file = g_build_filename (dir, ".plan.rigwise" RW_FILE_SAVE_INFIX "Ab3dE9", NULL);
  g_autofree char *victim = g_build_filename (dir, "victim.txt", NULL);
  g_autofree char *link = g_build_filename (dir, ".trip.rigwise" RW_FILE_SAVE_INFIX "Lnk123", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  struct rlimit saved_limit, small_limit;
  void (*saved_handler) (int);
  struct stat st;
  int held_fd;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (rw_file_save_atomic (path, "first\n", 6, 0640, &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "first\n");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640 & ~umask (umask (0)));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* What a killed save leaves, what another save holds, and look-alikes
   * that are not ours. */
  write_text (stale, "half a fi");
  write_text (held, "in progress");
  held_fd = g_open (held, O_RDONLY, 0);
  g_assert_cmpint (flock (held_fd, LOCK_EX), ==, 0);
  write_text (glib_style, "a user's backup");
  write_text (short_suffix, "not ours");
  write_text (other_file, "another file's save");
  write_text (victim, "must survive");
  g_assert_cmpint (symlink (victim, link), ==, 0);

  g_assert_true (rw_file_save_atomic (path, "second\n", 7, 0644, &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "second\n");
  g_clear_pointer (&text, g_free);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (glib_style, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (short_suffix, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_file, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  text = read_text (victim);
  g_assert_cmpstr (text, ==, "must survive");
  g_clear_pointer (&text, g_free);

  /* Once its writer is gone (the lock with it), it is stale too. */
  close (held_fd);
  g_assert_true (rw_file_save_atomic (path, "third\n", 6, 0644, &error));
  g_assert_false (g_file_test (held, G_FILE_TEST_EXISTS));

  /* A write that fails half way (the disk "fills" after 4 bytes): the old
   * file stays whole and no temporary is left. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  small_limit = saved_limit;
  small_limit.rlim_cur = 4;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small_limit), ==, 0);
  g_assert_false (rw_file_save_atomic (path, "a longer fourth\n", 16, 0644, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  signal (SIGXFSZ, saved_handler);
  g_assert_error (error, G_FILE_ERROR, g_file_error_from_errno (EFBIG));
  g_assert_true (g_str_has_prefix (error->message, "Could not write "));
  g_assert_nonnull (strstr (error->message, "trip.rigwise"));
  g_clear_error (&error);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "third\n");
  /* trip.rigwise, the GLib-style backup, the short one, the other file's,
   * the victim and the link: nothing else. */
  g_assert_cmpuint (count_entries (dir), ==, 6);

  /* A folder that does not exist. */
  {
    g_autofree char *nowhere = tmp_path ("no/such/dir/x.json");

    g_assert_false (rw_file_save_atomic (nowhere, "x", 1, 0644, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_true (g_str_has_prefix (error->message, "Could not create a temporary file in "));
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("rigwise-json-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/json/strict-syntax", test_strict_syntax);
  g_test_add_func ("/json/values", test_values);
  g_test_add_func ("/json/nesting", test_nesting);
  g_test_add_func ("/json/nonfinite", test_nonfinite);
  g_test_add_func ("/json/caps", test_caps);
  g_test_add_func ("/json/files", test_files);
  g_test_add_func ("/json/writer-numbers", test_writer_numbers);
  g_test_add_func ("/json/writer-strings", test_writer_strings);
  g_test_add_func ("/json/writer-layout", test_writer_layout);
  g_test_add_func ("/json/saturating-sizes", test_saturating_sizes);
  g_test_add_func ("/json/atomic-save", test_atomic_save);

  status = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
