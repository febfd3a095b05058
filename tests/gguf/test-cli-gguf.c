/* test-cli-gguf.c: rigwise-cli estimate --gguf, as scripts see it
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The binary comes from $RIGWISE_CLI; the bundled catalog from
 * $RIGWISE_DATADIR. Files are written by the test writer.
 */
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rw-gguf-samples.h"

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

static void
run_cli (Run                *run,
         const char * const *args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_strv_builder_add (builder, g_getenv ("RIGWISE_CLI"));
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
write_sample (const char   *dir,
              const char   *name,
              RwGgufWriter *writer)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (rw_gguf_writer_write_file (writer, path, &error));
  g_assert_no_error (error);
  rw_gguf_writer_free (writer);
  return path;
}

/* --gguf: the file's exact bytes (1 107 152, rw-gguf-samples.h) and
 * parameters, its mix as the default weights, the file type in the JSON;
 * --weights picks another format over the same parameter count; a hostile
 * header exits 1 naming the file. */
static void
test_estimate (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rigwise-cli-gguf-XXXXXX", NULL);
  g_autofree char *toy = write_sample (dir, "toy.gguf", sample_llama (3));
  g_autofree char *bad = g_build_filename (dir, "bad.gguf", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *workload, *model, *memory;
  Run run = { 0 };

  {
    const char *args[] = { "estimate", "--gguf", toy, "--system", "dgx-spark", "--context", "1000",
                           "--json", NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
    root = json_node_get_object (json_parser_get_root (parser));
    workload = json_object_get_object_member (root, "workload");
    model = json_object_get_object_member (workload, "model");
    g_assert_cmpstr (json_object_get_string_member (model, "name"), ==, "Toy Llama");
    g_assert_cmpfloat (json_object_get_double_member (model, "total_params"), ==, 1692928);
    g_assert_cmpstr (json_object_get_string_member (workload, "weights"), ==, "gguf");
    g_assert_cmpstr (json_object_get_string_member (workload, "weights_file_type"), ==, "Q4_K_M");
    memory = json_object_get_object_member (
      json_array_get_object_element (json_object_get_array_member (root, "results"), 0), "memory");
    g_assert_cmpint (json_object_get_int_member (memory, "weights_bytes"), ==, 1107152);
    /* 2 layers · 2·2·64 · 2 B · 1000 tokens. */
    g_assert_cmpint (json_object_get_int_member (memory, "kv_cache_bytes"), ==, 1024000);
    run_clear (&run);
  }

  {
    const char *args[] = { "estimate", "--gguf", toy, "--system", "dgx-spark", NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "Toy Llama · 0.00 B params · weights Q4_K_M, from the file 5.23 bpw"));
    run_clear (&run);
  }

  /* Q8_0 over the file's 1 692 928 parameters: 1 798 736 bytes. */
  {
    const char *args[] = { "estimate", "--gguf", toy, "--weights", "q8_0", "--system", "dgx-spark",
                           "--json", NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "\"weights_bytes\" : 1798736"));
    run_clear (&run);
  }

  g_assert_true (g_file_set_contents (bad, "GGUF\x03\0\0\0\xff\xff\xff\xff\xff\xff\xff\x7f"
                                      "\0\0\0\0\0\0\0\0", 24, NULL));
  {
    const char *args[] = { "estimate", "--gguf", bad, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, "rigwise-cli: --gguf: bad.gguf: the header claims 0 metadata pairs "
                                  "and 9223372036854775807 tensors, more than a file of 24 bytes can hold\n");
    g_assert_cmpstr (run.out, ==, "");
    run_clear (&run);
  }

  {
    const char *args[] = { "estimate", "--gguf", toy, "--model", "llama-3.1-8b", NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "give only one of --model, --model-config, --gguf"));
    run_clear (&run);
  }

  g_unlink (toy);
  g_unlink (bad);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-gguf/estimate", test_estimate);
  return g_test_run ();
}
