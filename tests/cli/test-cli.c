/* test-cli.c: rigwise-cli as scripts see it: golden outputs, exit statuses
 * and messages for bad input, the shape of --json
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The binary comes from $RIGWISE_CLI (set by meson). It runs on the fixed
 * catalog in tests/cli/data/catalog, not the bundled one, so that the
 * goldens change only when the formulas or the output change, never when a
 * price is updated. To regenerate the goldens deliberately:
 *
 *   RIGWISE_UPDATE_GOLDEN=1 meson test -C BUILD --suite core cli
 *
 * then read `git diff tests/cli/golden` before committing it.
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *empty_home;

/* Runs rigwise-cli with @args (NULL-terminated) on the test catalog. */
static void
run_cli (Run                *run,
         const char * const *args)
{
  const char *cli = g_getenv ("RIGWISE_CLI");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_test_build_filename (G_TEST_DIST, "data", NULL);
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_strv_builder_add (builder, cli);
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);

  /* The fixed catalog, and no user catalog or cached price feed that could
   * override it. */
  envp = g_environ_setenv (envp, "RIGWISE_DATADIR", data_dir, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", empty_home, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", empty_home, TRUE);

  g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* Numbers compare to a relative 1e-9: the goldens must not depend on the
 * last bit of a libm or of the compiler's floating-point contraction. */
static void
assert_json_equal (JsonNode   *a,
                   JsonNode   *b,
                   const char *path)
{
  if (JSON_NODE_HOLDS_VALUE (a) && JSON_NODE_HOLDS_VALUE (b) &&
      json_node_get_value_type (a) != G_TYPE_STRING && json_node_get_value_type (a) != G_TYPE_BOOLEAN)
    {
      double x = json_node_get_double (a), y = json_node_get_double (b);

      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        g_error ("%s: type %s, golden %s", path,
                 g_type_name (json_node_get_value_type (a)), g_type_name (json_node_get_value_type (b)));
      if (fabs (x - y) > 1e-9 * MAX (fabs (x), fabs (y)))
        g_error ("%s: %.17g, golden %.17g (regenerate on purpose with RIGWISE_UPDATE_GOLDEN=1)", path, x, y);
      return;
    }

  if (json_node_get_node_type (a) != json_node_get_node_type (b))
    g_error ("%s: %s, golden %s", path, json_node_type_name (a), json_node_type_name (b));

  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *oa = json_node_get_object (a), *ob = json_node_get_object (b);
        g_autoptr(GList) members = json_object_get_members (oa);

        if (json_object_get_size (oa) != json_object_get_size (ob))
          g_error ("%s: %u members, golden %u", path, json_object_get_size (oa), json_object_get_size (ob));
        for (GList *l = members; l != NULL; l = l->next)
          {
            g_autofree char *sub = g_strdup_printf ("%s.%s", path, (char *) l->data);

            if (!json_object_has_member (ob, l->data))
              g_error ("%s: not in the golden", sub);
            assert_json_equal (json_object_get_member (oa, l->data),
                               json_object_get_member (ob, l->data), sub);
          }
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *aa = json_node_get_array (a), *ab = json_node_get_array (b);

        if (json_array_get_length (aa) != json_array_get_length (ab))
          g_error ("%s: %u elements, golden %u", path, json_array_get_length (aa), json_array_get_length (ab));
        for (guint i = 0; i < json_array_get_length (aa); i++)
          {
            g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);

            assert_json_equal (json_array_get_element (aa, i), json_array_get_element (ab, i), sub);
          }
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        g_error ("%s: type differs from the golden", path);
      if (json_node_get_value_type (a) == G_TYPE_STRING)
        g_assert_cmpstr (json_node_get_string (a), ==, json_node_get_string (b));
      else
        g_assert_cmpint (json_node_get_boolean (a), ==, json_node_get_boolean (b));
      break;
    case JSON_NODE_NULL:
      break;
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  const char *golden;        /* file name in tests/cli/golden */
  const char *args[24];
} GoldenCase;

static const GoldenCase golden_cases[] = {
  /* The README's default comparison; every fixture system. */
  { "estimate-70b-q4km.txt", { "estimate", "--model", "llama-3.3-70b", "--weights", "q4_k_m", "--context", "32768", NULL } },
  { "estimate-70b-q4km.json", { "estimate", "--model", "llama-3.3-70b", "--weights", "q4_k_m", "--context", "32768", "--json", NULL } },
  /* MoE at depth with a batch, one system. */
  { "estimate-moe-batch.json", { "estimate", "--system", "dgx-spark", "--model", "gpt-oss-20b", "--weights", "mxfp4",
                                 "--depth", "4096", "--batch", "4", "--json", NULL } },
  /* Training: LoRA of an 8B. */
  { "estimate-lora-8b.txt", { "estimate", "--model", "llama-3.1-8b", "--mode", "lora", "--seq-len", "4096", NULL } },
  { "estimate-lora-8b.json", { "estimate", "--model", "llama-3.1-8b", "--mode", "lora", "--seq-len", "4096", "--json", NULL } },
  /* A synthetic model from a parameter count. */
  { "estimate-params-8b.txt", { "estimate", "--system", "custom-5090", "--params", "8", "--weights", "q8_0", NULL } },
  /* Beyond the model's 131072-token limit: a warning first. */
  { "estimate-past-limit.txt", { "estimate", "--system", "dgx-spark", "--model", "llama-3.1-8b", "--context", "262144", NULL } },
  { "what-fits-70b.txt", { "what-fits", "--system", "dgx-spark", "--system", "custom-5090", "--model", "llama-3.3-70b", NULL } },
  { "what-fits-70b.json", { "what-fits", "--system", "dgx-spark", "--system", "custom-5090", "--model", "llama-3.3-70b", "--json", NULL } },
  { "list-systems.txt", { "list", "systems", NULL } },
  { "list-models.txt", { "list", "models", NULL } },
  { "list-formats.txt", { "list", "formats", NULL } },
  { "validate.txt", { "validate", NULL } },
  { "validate.json", { "validate", "--json", NULL } },
};

static void
test_golden (gconstpointer data)
{
  const GoldenCase *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", c->golden, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  run_cli (&run, c->args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  if (g_getenv ("RIGWISE_UPDATE_GOLDEN") != NULL)
    {
      g_file_set_contents (path, run.out, -1, &error);
      g_assert_no_error (error);
      g_test_message ("updated %s", path);
      return;
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);

  if (g_str_has_suffix (c->golden, ".json"))
    {
      g_autoptr(JsonParser) got = json_parser_new ();
      g_autoptr(JsonParser) want = json_parser_new ();

      json_parser_load_from_data (got, run.out, -1, &error);
      g_assert_no_error (error);
      json_parser_load_from_data (want, expected, -1, &error);
      g_assert_no_error (error);
      assert_json_equal (json_parser_get_root (got), json_parser_get_root (want), "$");
    }
  else if (!g_str_equal (run.out, expected))
    {
      /* Name the first line that differs, not two pages of output. */
      g_auto(GStrv) got = g_strsplit (run.out, "\n", -1);
      g_auto(GStrv) want = g_strsplit (expected, "\n", -1);
      guint line = 0;

      while (got[line] != NULL && want[line] != NULL && g_str_equal (got[line], want[line]))
        line++;
      g_error ("%s line %u differs (regenerate on purpose with RIGWISE_UPDATE_GOLDEN=1):\n"
               "  got:    %s\n  golden: %s", c->golden, line + 1,
               got[line] != NULL ? got[line] : "(end)", want[line] != NULL ? want[line] : "(end)");
    }
}

typedef struct
{
  const char *name;
  int         status;
  const char *message;       /* the whole stderr line, without "rigwise-cli: " and "\n" */
  const char *args[16];
} ErrorCase;

#define MODEL "--model", "llama-3.1-8b"

static const ErrorCase error_cases[] = {
  { "negative", 2, "--context: “-5” is not a positive integer", { "estimate", MODEL, "--context", "-5", NULL } },
  { "zero", 2, "--context: “0” is not a positive integer", { "estimate", MODEL, "--context", "0", NULL } },
  { "zero-batch", 2, "--batch: “0” is not a positive integer", { "estimate", MODEL, "--batch", "0", NULL } },
  { "junk", 2, "--prompt: “512x” is not a positive integer", { "estimate", MODEL, "--prompt", "512x", NULL } },
  { "nan", 2, "--bits-per-weight: “nan” is not a number", { "estimate", MODEL, "--bits-per-weight", "nan", NULL } },
  { "inf", 2, "--electricity-price: “inf” is not a number", { "estimate", MODEL, "--electricity-price", "inf", NULL } },
  { "inf-int", 2, "--depth: “inf” is not a non-negative integer", { "estimate", MODEL, "--depth", "inf", NULL } },
  { "negative-double", 2, "--years: “-1” is not a number above 0", { "estimate", MODEL, "--years", "-1", NULL } },
  { "hours", 2, "--hours-per-day: “25” is more than 24", { "estimate", MODEL, "--hours-per-day", "25", NULL } },
  { "zero-params", 2, "--params: “0” is not a number above 0", { "estimate", "--params", "0", NULL } },
  { "active-more", 2, "--active-params: “9” is more than --params “8”", { "estimate", "--params", "8", "--active-params", "9", NULL } },
  { "unknown-system", 2, "--system: unknown system “dgx-sprak”; did you mean “dgx-spark”?",
    { "estimate", "--system", "dgx-sprak", MODEL, NULL } },
  { "what-fits-unknown-system", 2, "--system: unknown system “dgx-sprak”; did you mean “dgx-spark”?",
    { "what-fits", "--system", "dgx-sprak", MODEL, NULL } },
  { "what-fits-argument", 2, "what-fits: unexpected argument “extra”", { "what-fits", MODEL, "extra", NULL } },
  { "unknown-format", 2, "--weights: unknown format “q4_k_n”; did you mean “q4_k_m”?",
    { "estimate", MODEL, "--weights", "q4_k_n", NULL } },
  { "unknown-model", 2, "--model: unknown model “llama3.1-8b”; did you mean “llama-3.1-8b”?",
    { "estimate", "--model", "llama3.1-8b", NULL } },
  { "far-model", 2, "--model: unknown model “mixtral-8x7b-instruct” (see “rigwise-cli list models”)",
    { "estimate", "--model", "mixtral-8x7b-instruct", NULL } },
  { "kv-as-weights", 2, "--kv: format “q4_k_m” is not a KV-cache format", { "estimate", MODEL, "--kv", "q4_k_m", NULL } },
  { "mode", 2, "--mode: “train” is not one of inference, lora, qlora, full", { "estimate", MODEL, "--mode", "train", NULL } },
  { "no-model", 2, "give a model: --model ID, --model-config CONFIG.json, --gguf FILE.gguf or --params B", { "estimate", NULL } },
  { "two-models", 2, "give only one of --model, --model-config, --gguf and --params", { "estimate", MODEL, "--params", "8", NULL } },
  { "runtime", 2, "--runtime: no system has efficiencies for “vllm” (known: llama.cpp)", { "estimate", MODEL, "--runtime", "vllm", NULL } },
  { "option", 2, "Unknown option --contxt", { "estimate", MODEL, "--contxt", "5", NULL } },
  { "argument", 2, "estimate: unexpected argument “extra”", { "estimate", MODEL, "extra", NULL } },
  { "command", 2, "unknown command “estimat”; did you mean “estimate”?", { "estimat", NULL } },
  { "list", 2, "list: “gpus” is not one of systems, models, formats", { "list", "gpus", NULL } },
};

static void
test_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autofree char *expected = g_strdup_printf ("rigwise-cli: %s\n", c->message);
  g_auto(Run) run = { 0 };

  run_cli (&run, c->args);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, c->status);
}

/* Config files: the message names the option and the file; exit status 1. */
static void
test_config_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rigwise-cli-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *malformed = g_build_filename (dir, "config.json", NULL);
  g_autoptr(GError) error = NULL;

  {
    const char *args[] = { "estimate", "--model-config", missing, NULL };
    g_auto(Run) run = { 0 };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, "rigwise-cli: --model-config: "));
    g_assert_nonnull (strstr (run.err, "missing.json"));
    g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
    g_assert_cmpstr (run.out, ==, "");
  }

  g_file_set_contents (malformed, "{ \"model_type\": \"llama\", ", -1, &error);
  g_assert_no_error (error);
  {
    const char *args[] = { "estimate", "--model-config", malformed, NULL };
    g_auto(Run) run = { 0 };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, "rigwise-cli: --model-config: "));
    g_assert_nonnull (strstr (run.err, "config.json"));
    g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
  }

  /* A real config works, and the model is named by it. */
  {
    g_autofree char *config = g_test_build_filename (G_TEST_DIST, "data", "catalog", "hf", "llama-3.1-8b.json", NULL);
    const char *args[] = { "estimate", "--system", "dgx-spark", "--model-config", config, "--json", NULL };
    g_auto(Run) run = { 0 };

    run_cli (&run, args);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "\"weights_bytes\""));
  }

  g_remove (malformed);
  g_rmdir (dir);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_int_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpstr (g_type_name (json_node_get_value_type (node)), ==, "gint64");
}

static void
assert_number_or_null (JsonObject *object,
                       const char *name,
                       gboolean    null)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  if (null)
    g_assert_true (JSON_NODE_HOLDS_NULL (node));
  else
    {
      g_assert_true (JSON_NODE_HOLDS_VALUE (node));
      g_assert_true (json_node_get_value_type (node) == G_TYPE_DOUBLE ||
                     json_node_get_value_type (node) == G_TYPE_INT64);
      g_assert_cmpfloat (json_node_get_double (node), >, 0);
    }
}

/* The --json contract scripts rely on: one object, every key present,
 * integers for bytes, null where a figure does not apply. */
static void
check_estimate_json (const char *mode,
                     gboolean    training)
{
  const char *args[] = { "estimate", "--model", "llama-3.1-8b", "--mode", mode, "--json", NULL };
  static const char * const memory_keys[] = {
    "weights_bytes", "kv_cache_bytes", "activations_bytes", "gradients_bytes", "optimizer_bytes",
    "overhead_bytes", "total_bytes", "capacity_bytes", "device_capacity_bytes", "spill_bytes",
  };
  static const char * const precisions[] = { "fp4", "fp8", "int8", "fp16", "fp32" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *workload;
  JsonArray *results;

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpuint (json_object_get_size (root), ==, 4);
  {
    JsonObject *answer = json_object_get_object_member (root, "answer");
    JsonObject *best = json_object_get_object_member (answer, "best");
    static const char * const kinds[] = { "fit", "decode", "prefill", "price", "tco", "train" };

    g_assert_nonnull (json_object_get_string_member (answer, "summary"));
    g_assert_cmpuint (json_object_get_size (best), ==, G_N_ELEMENTS (kinds));
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        gboolean never = training ? (k == 1 || k == 2) : k == 5;

        /* Speeds that do not apply to the mode are null, the rest an id. */
        if (never)
          g_assert_true (json_object_get_null_member (best, kinds[k]));
        else
          g_assert_nonnull (json_object_get_string_member (best, kinds[k]));
      }
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "warnings")), ==, 0);
  }
  workload = json_object_get_object_member (root, "workload");
  g_assert_nonnull (workload);
  g_assert_cmpstr (json_object_get_string_member (workload, "mode"), ==, mode);
  g_assert_cmpint (json_object_get_int_member (workload, "context"), ==, 8192);
  results = json_object_get_array_member (root, "results");
  g_assert_nonnull (results);
  /* The fixture's two owned systems and its rented H100. */
  g_assert_cmpuint (json_array_get_length (results), ==, 3);

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *r = json_array_get_object_element (results, i);
      JsonObject *memory = json_object_get_object_member (r, "memory");
      JsonObject *cost = json_object_get_object_member (r, "cost");
      gboolean cloud = g_strcmp0 (json_object_get_string_member (r, "kind"), "cloud") == 0;
      JsonObject *per_tflop;

      g_assert_cmpstr (json_object_get_string_member (r, "kind"), ==, i == 2 ? "cloud" : "owned");

      g_assert_nonnull (json_object_get_string_member (r, "system"));
      g_assert_nonnull (json_object_get_string_member (r, "name"));
      g_assert_cmpstr (json_object_get_string_member (r, "fit"), ==, "fits");
      g_assert_nonnull (memory);
      for (guint k = 0; k < G_N_ELEMENTS (memory_keys); k++)
        assert_int_member (memory, memory_keys[k]);
      /* The parts add up to the total, to the byte. */
      g_assert_cmpint (json_object_get_int_member (memory, "total_bytes"), >=,
                       json_object_get_int_member (memory, "weights_bytes") +
                       json_object_get_int_member (memory, "kv_cache_bytes"));
      assert_int_member (r, "layers_on_device");
      assert_int_member (r, "layers_on_host");
      g_assert_cmpint (json_object_get_int_member (r, "layers_on_host"), ==, 0);
      /* Training gives a training speed; inference the other three. */
      assert_number_or_null (r, "decode_tok_s", training);
      assert_number_or_null (r, "decode_tok_s_total", training);
      assert_number_or_null (r, "prefill_tok_s", training);
      assert_number_or_null (r, "ttft_s", training);
      assert_number_or_null (r, "train_tok_s", !training);
      if (!training)
        {
          g_assert_cmpint (json_object_get_int_member (memory, "gradients_bytes"), ==, 0);
          g_assert_cmpint (json_object_get_int_member (memory, "optimizer_bytes"), ==, 0);
        }

      g_assert_nonnull (cost);
      g_assert_cmpstr (json_object_get_string_member (cost, "currency"), ==, "USD");
      /* A rented GPU has no purchase price and pays no electricity. */
      assert_number_or_null (cost, "price", cloud);
      per_tflop = json_object_get_object_member (cost, "per_tflop");
      g_assert_nonnull (per_tflop);
      for (guint p = 0; p < G_N_ELEMENTS (precisions); p++)
        g_assert_true (json_object_has_member (per_tflop, precisions[p]));
      assert_number_or_null (cost, "per_gb", cloud);
      assert_number_or_null (cost, "per_decode_tok_s", training || cloud);
      assert_number_or_null (cost, "energy_per_mtok", training || cloud);
      assert_number_or_null (cost, "energy_per_year", cloud);
      assert_number_or_null (cost, "tco", FALSE);
      assert_number_or_null (cost, "per_hour", FALSE);
      assert_number_or_null (cost, "per_mtok", training);
      assert_number_or_null (cost, "power_load_w", FALSE);
      if (cloud)
        g_assert_true (json_object_get_null_member (cost, "break_even_hours"));
      else
        g_assert_true (json_object_has_member (json_object_get_object_member (cost, "break_even_hours"),
                                               "cloud-h100"));
    }
}

static void
test_json_inference (void)
{
  check_estimate_json ("inference", FALSE);
}

static void
test_json_training (void)
{
  check_estimate_json ("lora", TRUE);
}

/* --system keeps the order given; list --json is one object. */
static void
test_json_systems_and_lists (void)
{
  const char *args[] = { "estimate", "--system", "custom-5090", "--system", "dgx-spark", MODEL, "--json", NULL };
  const char *list_args[] = { "list", "formats", "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) list_parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  g_auto(Run) list_run = { 0 };
  JsonArray *results, *formats;

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  results = json_object_get_array_member (parse_object (parser, run.out), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0), "system"), ==, "custom-5090");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 1), "system"), ==, "dgx-spark");

  run_cli (&list_run, list_args);
  g_assert_cmpint (list_run.status, ==, 0);
  formats = json_object_get_array_member (parse_object (list_parser, list_run.out), "formats");
  g_assert_nonnull (formats);
  g_assert_cmpuint (json_array_get_length (formats), >, 3);
}

/* --help and --version go to stdout with status 0; no command is a usage
 * error on stderr. */
static void
test_help (void)
{
  const char *help[] = { "--help", NULL };
  const char *estimate_help[] = { "estimate", "--help", NULL };
  const char *version[] = { "--version", NULL };
  const char *nothing[] = { NULL };
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };
  g_auto(Run) d = { 0 };

  run_cli (&a, help);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_true (g_str_has_prefix (a.out, "Usage: rigwise-cli COMMAND"));
  g_assert_nonnull (strstr (a.out, "  validate "));

  run_cli (&b, estimate_help);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_nonnull (strstr (b.out, "rigwise-cli estimate"));
  g_assert_nonnull (strstr (b.out, "--model-config=CONFIG.json"));
  g_assert_nonnull (strstr (b.out, "--active-params=B"));

  run_cli (&c, version);
  g_assert_cmpint (c.status, ==, 0);
  g_assert_true (g_str_has_prefix (c.out, "rigwise-cli "));

  run_cli (&d, nothing);
  g_assert_cmpint (d.status, ==, 2);
  g_assert_cmpstr (d.out, ==, "");
  g_assert_true (g_str_has_prefix (d.err, "Usage: rigwise-cli COMMAND"));
}

/* The golden row checked by hand (also in README "rigwise-cli"): Llama 3.3
 * 70B (80 layers, hidden 8192, 64/8 heads of 128, MLP 28672, untied
 * 128256 vocabulary) at Q4_K_M on the fixture's DGX Spark.
 *   parameters: 80 × (2·8192·64·128 + 2·8192·8·128 + 3·8192·28672 + 2·8192)
 *               + 2 × 128256·8192 + 8192 = 70 553 706 496
 *   weights:    × 4.885 / 8 = 43 081 857 029.1 bytes
 *   KV cache:   2·8·128 · 2 B · 80 layers · 32768 = 10 737 418 240 bytes
 *   decode:     all but the input embedding, (70 553 706 496 − 1 050 673 152)
 *               × 4.885 / 8 = 42 440 914 485.2 bytes a token, at 273 GB/s ×
 *               0.75 = 204.75 GB/s: 4.8244 tok/s
 *   cost:       $3,999 / 4.8244 tok/s = $828.91 per token/s */
static void
test_golden_by_hand (void)
{
  const char *args[] = { "estimate", "--system", "dgx-spark", "--model", "llama-3.3-70b",
                         "--weights", "q4_k_m", "--context", "32768", "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *model, *r, *memory;
  double decode = 204.75e9 / ((70553706496.0 - 1050673152.0) * 4.885 / 8);

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  model = json_object_get_object_member (json_object_get_object_member (root, "workload"), "model");
  r = json_array_get_object_element (json_object_get_array_member (root, "results"), 0);
  memory = json_object_get_object_member (r, "memory");
  g_assert_cmpfloat (json_object_get_double_member (model, "total_params"), ==, 70553706496.0);
  g_assert_cmpint (json_object_get_int_member (memory, "weights_bytes"), ==, 43081857029);
  g_assert_cmpint (json_object_get_int_member (memory, "kv_cache_bytes"), ==, 10737418240);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (r, "decode_tok_s") / decode, 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (r, "cost"), "per_decode_tok_s"),
                                  3999 / decode, 1e-9);
}

static const char *
fit_at (const char *system,
        const char *weights,
        gint64      context)
{
  g_autofree char *ctx = g_strdup_printf ("%" G_GINT64_FORMAT, context);
  const char *args[] = { "estimate", "--system", system, "--model", "llama-3.3-70b", "--weights", weights,
                         "--context", ctx, "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *r;

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  r = json_array_get_object_element (json_object_get_array_member (parse_object (parser, run.out), "results"), 0);
  return g_intern_string (json_object_get_string_member (r, "fit"));
}

/* what-fits gives true edges: `estimate` at max_context_on_device fits on
 * the device and 1K more does not; at max_context it runs (spilling) and 1K
 * more does not, unless the model's own limit stopped it. */
static void
test_what_fits_edges (void)
{
  const char *args[] = { "what-fits", "--system", "custom-5090", "--system", "dgx-spark",
                         "--model", "llama-3.3-70b", "--weights", "q2_k", "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonArray *results;

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  results = json_object_get_array_member (parse_object (parser, run.out), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *r = json_array_get_object_element (results, i);
      const char *system = json_object_get_string_member (r, "system");
      gint64 on_device = json_object_get_int_member (r, "max_context_on_device");
      gint64 max = json_object_get_int_member (r, "max_context");
      const char *limited_by = json_object_get_string_member (r, "limited_by");

      g_assert_cmpint (on_device, >, 0);
      g_assert_cmpstr (fit_at (system, "q2_k", on_device), ==, "fits");
      if (on_device < 131072)
        g_assert_cmpstr (fit_at (system, "q2_k", on_device + 1024), !=, "fits");
      if (g_str_equal (limited_by, "memory"))
        {
          g_assert_cmpstr (fit_at (system, "q2_k", max), !=, "does-not-fit");
          g_assert_cmpstr (fit_at (system, "q2_k", max + 1024), ==, "does-not-fit");
        }
      else
        g_assert_cmpint (max, ==, 131072);
    }
}

/* Rent or buy on the fixture (README "How Rigwise computes"): the Spark
 * ($3,999, 156 W) against the fixture's rented H100 at $4.00 an hour, at
 * the defaults $0.15/kWh, 8 h a day, 3 years.
 *   Spark per hour: 3999 / (3 · 365 · 8 = 8760 h) + 0.156 · 0.15
 *                   = 0.456507 + 0.0234 = $0.479907
 *   break-even:     3999 / (4.00 − 0.0234) = 3999 / 3.9766 = 1005.633 h
 *   H100 per Mtok:  4.00 / (tok/s · 3600) · 1e6; the H100 has no purchase
 *                   price and no break-even of its own (null). */
static void
test_golden_break_even (void)
{
  const char *args[] = { "estimate", "--system", "dgx-spark", "--system", "cloud-h100",
                         "--model", "llama-3.3-70b", "--weights", "q4_k_m", "--context", "32768",
                         "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root, *spark, *h100;
  JsonArray *results;

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  results = json_object_get_array_member (root, "results");
  spark = json_object_get_object_member (json_array_get_object_element (results, 0), "cost");
  h100 = json_object_get_object_member (json_array_get_object_element (results, 1), "cost");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 1), "kind"), ==, "cloud");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (spark, "per_hour"),
                                  3999.0 / 8760 + 0.156 * 0.15, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (spark, "break_even_hours"),
                                                                 "cloud-h100"),
                                  3999 / 3.9766, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (h100, "per_hour"), 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (h100, "per_mtok"),
                                  4.0 / (json_object_get_double_member (json_array_get_object_element (results, 1),
                                                                        "decode_tok_s_total") * 3600) * 1e6, 1e-9);
  g_assert_true (json_object_get_null_member (h100, "break_even_hours"));
  g_assert_true (json_object_get_null_member (h100, "price"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  empty_home = g_dir_make_tmp ("rigwise-cli-home-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (golden_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli/golden/%s", golden_cases[i].golden);

      g_test_add_data_func (name, &golden_cases[i], test_golden);
    }
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli/error/%s", error_cases[i].name);

      g_test_add_data_func (name, &error_cases[i], test_error);
    }
  g_test_add_func ("/cli/error/config", test_config_errors);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/golden/by-hand", test_golden_by_hand);
  g_test_add_func ("/cli/golden/break-even", test_golden_break_even);
  g_test_add_func ("/cli/what-fits/edges", test_what_fits_edges);
  g_test_add_func ("/cli/json/inference", test_json_inference);
  g_test_add_func ("/cli/json/training", test_json_training);
  g_test_add_func ("/cli/json/systems-and-lists", test_json_systems_and_lists);

  status = g_test_run ();
  g_rmdir (empty_home);
  g_free (empty_home);
  return status;
}
