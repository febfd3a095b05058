/* test-scenario.c: .rigwise files: round trips, strict loading, atomic saves
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rigwise-core.h"
#include "rw-scenario.h"

#define MODEL_ID   "llama-3.3-70b"
#define WEIGHTS_ID "q4_k_m"
#define KV_ID      "q8_0"

static RwCatalog *catalog;
static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* A scenario where no value is a default, so a field that is not written
 * or not read back shows up as a difference. */
static RwScenario *
make_scenario (void)
{
  static const char * const systems[] = { "custom-5090", "dgx-spark", "mac-studio-m3-ultra", NULL };
  RwScenario *s = rw_scenario_new ();

  rw_scenario_set_model_id (s, MODEL_ID);
  s->weights_id = g_strdup (WEIGHTS_ID);
  s->kv_id = g_strdup (KV_ID);
  s->bits_per_weight_override = 4.89;
  s->mode = RW_MODE_QLORA;
  s->context = 131072;
  s->depth = 4096;
  s->prompt = 2048;
  s->batch = 4;
  s->optimizer = RW_OPTIMIZER_ADAMW_8BIT;
  s->seq_len = 4096;
  s->micro_batch = 2;
  s->lora_rank = 64;
  s->grad_checkpointing = FALSE;
  s->electricity_price = 0.3127;   /* not exact in binary: round trips bit for bit */
  s->hours_per_day = 12.5;
  s->years = 2.5;
  rw_scenario_set_systems (s, systems);
  return s;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autoptr(RwScenario) saved = make_scenario ();
  g_autoptr(RwScenario) loaded = NULL;
  g_autofree char *path = tmp_path ("round-trip.rigwise");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;

  g_assert_true (rw_scenario_save (saved, file, &error));
  g_assert_no_error (error);

  loaded = rw_scenario_load (file, catalog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (rw_scenario_equal (saved, loaded));
  /* rw_scenario_equal is what everything else relies on: check it by hand
   * on the fields most likely to lose bits or order. */
  g_assert_cmpstr (loaded->model_id, ==, MODEL_ID);
  g_assert_cmpfloat (loaded->electricity_price, ==, 0.3127);
  g_assert_cmpfloat (loaded->bits_per_weight_override, ==, 4.89);
  g_assert_cmpuint (loaded->context, ==, 131072);
  g_assert_cmpint (loaded->mode, ==, RW_MODE_QLORA);
  g_assert_cmpint (loaded->optimizer, ==, RW_OPTIMIZER_ADAMW_8BIT);
  g_assert_false (loaded->grad_checkpointing);
  g_assert_cmpuint (loaded->systems->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (loaded->systems, 0), ==, "custom-5090");
  g_assert_cmpstr (g_ptr_array_index (loaded->systems, 2), ==, "mac-studio-m3-ultra");

  /* Saving what was loaded writes the same bytes. */
  written = read_file (path);
  again = rw_scenario_to_data (loaded, NULL);
  g_assert_cmpstr (written, ==, again);

  /* One changed field is a difference. */
  loaded->years = 3;
  g_assert_false (rw_scenario_equal (saved, loaded));
}

static void
test_apply (void)
{
  g_autoptr(RwScenario) s = make_scenario ();
  g_autoptr(GError) error = NULL;
  RwWorkload w;

  rw_workload_init (&w);
  g_assert_true (rw_scenario_apply_to_workload (s, catalog, &w, &error));
  g_assert_no_error (error);
  g_assert_true (w.model == rw_catalog_lookup_model (catalog, MODEL_ID));
  g_assert_true (w.weights == rw_catalog_lookup_format (catalog, WEIGHTS_ID));
  g_assert_true (w.kv == rw_catalog_lookup_format (catalog, KV_ID));
  g_assert_cmpfloat (w.bits_per_weight_override, ==, 4.89);
  g_assert_cmpuint (w.context, ==, 131072);
  g_assert_cmpuint (w.depth, ==, 4096);
  g_assert_cmpuint (w.prompt, ==, 2048);
  g_assert_cmpuint (w.batch, ==, 4);
  g_assert_cmpuint (w.lora_rank, ==, 64);
  g_assert_cmpstr (w.runtime, ==, "llama.cpp");
  g_assert_cmpfloat (w.hours_per_day, ==, 12.5);

  /* And back: the workload captured again is the same scenario. */
  {
    const char * const systems[] = { "custom-5090", "dgx-spark", "mac-studio-m3-ultra", NULL };
    g_autoptr(RwScenario) back = rw_scenario_new_from_workload (&w, systems);

    g_assert_true (rw_scenario_equal (s, back));
  }
}

static void
test_apply_unknown_leaves_workload (void)
{
  g_autoptr(RwScenario) good = make_scenario ();
  g_autoptr(RwScenario) bad = make_scenario ();
  g_autoptr(GError) error = NULL;
  RwWorkload w, before;

  rw_workload_init (&w);
  g_assert_true (rw_scenario_apply_to_workload (good, catalog, &w, &error));
  before = w;

  /* A scenario made in code (not loaded) may name an id the catalog lacks. */
  g_free (bad->kv_id);
  bad->kv_id = g_strdup ("no-such-format");
  g_assert_false (rw_scenario_apply_to_workload (bad, catalog, &w, &error));
  g_assert_error (error, RW_SCENARIO_ERROR, RW_SCENARIO_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "workload.kv"));
  g_assert_cmpmem (&w, sizeof w, &before, sizeof before);
}

static void
test_imported_config (void)
{
  g_autoptr(RwScenario) s = make_scenario ();
  g_autoptr(RwScenario) loaded = NULL;
  g_autofree char *config = g_build_filename (rw_catalog_get_data_dir (), "catalog", "hf",
                                              "gemma-3-27b.json", NULL);
  g_autofree char *path = tmp_path ("imported.rigwise");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RwWorkload w;

  g_assert_true (rw_scenario_set_model_config_file (s, config, &error));
  g_assert_no_error (error);
  g_assert_null (s->model_id);
  g_assert_cmpstr (s->model_config_name, ==, "gemma-3-27b.json");
  /* Gemma 3 27B text_config: num_hidden_layers 62, hidden_size 5376. */
  g_assert_cmpuint (s->imported_model->n_layers, ==, 62);
  g_assert_cmpuint (s->imported_model->hidden_size, ==, 5376);

  g_assert_true (rw_scenario_save (s, file, &error));
  loaded = rw_scenario_load (file, catalog, &error);
  g_assert_no_error (error);
  g_assert_true (rw_scenario_equal (s, loaded));
  g_assert_cmpuint (loaded->imported_model->n_layers, ==, 62);
  g_assert_cmpuint (loaded->imported_model->n_kv_heads, ==, s->imported_model->n_kv_heads);

  rw_workload_init (&w);
  g_assert_true (rw_scenario_apply_to_workload (loaded, catalog, &w, &error));
  g_assert_true (w.model == loaded->imported_model);

  /* A config that is not a model is refused when set, and nothing changes. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_assert_true (json_parser_load_from_data (parser, "{\"model_type\": \"llama\", \"hidden_size\": \"big\"}",
                                               -1, NULL));
    g_assert_false (rw_scenario_set_model_config (loaded, json_node_get_object (json_parser_get_root (parser)),
                                                  "bad.json", &error));
    g_assert_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_WRONG_TYPE);
    g_assert_true (rw_scenario_equal (s, loaded));
  }
}

/* The good document, as a mutable JSON object. */
static JsonObject *
good_document (void)
{
  g_autoptr(RwScenario) s = make_scenario ();
  g_autoptr(JsonNode) root = rw_scenario_to_json (s);

  return json_object_ref (json_node_get_object (root));
}

static char *
document_to_data (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, TRUE);
}

typedef void (*Mutation) (JsonObject *root, JsonObject *workload);

static void
set_version_2 (JsonObject *root, JsonObject *workload)
{
  json_object_set_int_member (root, "rigwise-scenario", 2);
}

static void
remove_version (JsonObject *root, JsonObject *workload)
{
  json_object_remove_member (root, "rigwise-scenario");
}

static void
version_as_string (JsonObject *root, JsonObject *workload)
{
  json_object_set_string_member (root, "rigwise-scenario", "1");
}

static void
context_as_string (JsonObject *root, JsonObject *workload)
{
  json_object_set_string_member (workload, "context", "8192");
}

static void
context_fractional (JsonObject *root, JsonObject *workload)
{
  json_object_set_double_member (workload, "context", 8192.5);
}

static void
context_negative (JsonObject *root, JsonObject *workload)
{
  json_object_set_int_member (workload, "context", -8192);
}

static void
context_zero (JsonObject *root, JsonObject *workload)
{
  json_object_set_int_member (workload, "context", 0);
}

static void
context_absurd (JsonObject *root, JsonObject *workload)
{
  json_object_set_int_member (workload, "context", 1000000000);
}

static void
context_missing (JsonObject *root, JsonObject *workload)
{
  json_object_remove_member (workload, "context");
}

static void
years_negative (JsonObject *root, JsonObject *workload)
{
  json_object_set_double_member (json_object_get_object_member (workload, "cost"), "years", -1.5);
}

static void
unknown_model (JsonObject *root, JsonObject *workload)
{
  json_object_set_string_member (workload, "model", "llama-9-1t");
}

static void
unknown_weights (JsonObject *root, JsonObject *workload)
{
  json_object_set_string_member (workload, "weights", "q3_x_xl");
}

static void
unknown_system (JsonObject *root, JsonObject *workload)
{
  JsonArray *systems = json_object_get_array_member (root, "systems");

  json_array_add_string_element (systems, "cray-1");
}

static void
duplicate_system (JsonObject *root, JsonObject *workload)
{
  JsonArray *systems = json_object_get_array_member (root, "systems");

  json_array_add_string_element (systems, "dgx-spark");
}

static void
systems_as_string (JsonObject *root, JsonObject *workload)
{
  json_object_set_string_member (root, "systems", "dgx-spark");
}

static void
system_as_number (JsonObject *root, JsonObject *workload)
{
  json_array_add_int_element (json_object_get_array_member (root, "systems"), 5090);
}

static void
unknown_mode (JsonObject *root, JsonObject *workload)
{
  json_object_set_string_member (workload, "mode", "pretrain");
}

static void
misspelt_member (JsonObject *root, JsonObject *workload)
{
  json_object_set_int_member (workload, "contxt", 4096);
}

static void
checkpointing_as_int (JsonObject *root, JsonObject *workload)
{
  json_object_set_int_member (json_object_get_object_member (workload, "training"),
                              "grad_checkpointing", 1);
}

static void
model_and_config (JsonObject *root, JsonObject *workload)
{
  json_object_set_object_member (workload, "model_config", json_object_new ());
}

static void
broken_config (JsonObject *root, JsonObject *workload)
{
  JsonObject *config = json_object_new ();

  json_object_set_string_member (config, "model_type", "llama");
  json_object_set_int_member (config, "num_hidden_layers", -3);
  json_object_remove_member (workload, "model");
  json_object_set_object_member (workload, "model_config", config);
}

static void
workload_as_array (JsonObject *root, JsonObject *workload)
{
  json_object_set_array_member (root, "workload", json_array_new ());
}

static void
bits_zero (JsonObject *root, JsonObject *workload)
{
  json_object_set_double_member (workload, "bits_per_weight", 0.0);
}

typedef struct
{
  const char *name;
  Mutation    mutate;
  const char *raw;        /* instead of a mutation: the file's text */
  int         code;
  const char *field;      /* the message must name it */
} Malformed;

static const Malformed malformed[] = {
  { "not-json", NULL, "{ \"rigwise-scenario\": 1, workload", RW_SCENARIO_ERROR_PARSE, NULL },
  { "empty", NULL, "", RW_SCENARIO_ERROR_PARSE, NULL },
  /* JSON has no NaN; json-glib refuses the bare word. */
  { "nan-literal", NULL, "{\"rigwise-scenario\": 1, \"workload\": {\"context\": NaN}}",
    RW_SCENARIO_ERROR_PARSE, NULL },
  /* 1e999 parses to +inf, which no field accepts. */
  { "infinite-price", NULL,
    "{\"rigwise-scenario\": 1, \"workload\": {\"model\": \"" MODEL_ID "\", \"weights\": \""
    WEIGHTS_ID "\", \"kv\": \"" KV_ID "\", \"mode\": \"inference\", \"context\": 8192, "
    "\"cost\": {\"electricity_price\": 1e999}}, \"systems\": []}",
    RW_SCENARIO_ERROR_INVALID_VALUE, "workload.cost.electricity_price" },
  { "array-root", NULL, "[1, 2]", RW_SCENARIO_ERROR_VERSION, NULL },
  { "version-2", set_version_2, NULL, RW_SCENARIO_ERROR_VERSION, "rigwise-scenario" },
  { "no-version", remove_version, NULL, RW_SCENARIO_ERROR_VERSION, "rigwise-scenario" },
  { "version-string", version_as_string, NULL, RW_SCENARIO_ERROR_WRONG_TYPE, "rigwise-scenario" },
  { "context-string", context_as_string, NULL, RW_SCENARIO_ERROR_WRONG_TYPE, "workload.context" },
  { "context-fraction", context_fractional, NULL, RW_SCENARIO_ERROR_WRONG_TYPE, "workload.context" },
  { "context-negative", context_negative, NULL, RW_SCENARIO_ERROR_INVALID_VALUE, "workload.context" },
  { "context-zero", context_zero, NULL, RW_SCENARIO_ERROR_INVALID_VALUE, "workload.context" },
  { "context-absurd", context_absurd, NULL, RW_SCENARIO_ERROR_INVALID_VALUE, "workload.context" },
  { "context-missing", context_missing, NULL, RW_SCENARIO_ERROR_MISSING_FIELD, "workload.context" },
  { "years-negative", years_negative, NULL, RW_SCENARIO_ERROR_INVALID_VALUE, "workload.cost.years" },
  { "bits-zero", bits_zero, NULL, RW_SCENARIO_ERROR_INVALID_VALUE, "workload.bits_per_weight" },
  { "unknown-model", unknown_model, NULL, RW_SCENARIO_ERROR_UNKNOWN_ID, "workload.model" },
  { "unknown-weights", unknown_weights, NULL, RW_SCENARIO_ERROR_UNKNOWN_ID, "workload.weights" },
  { "unknown-system", unknown_system, NULL, RW_SCENARIO_ERROR_UNKNOWN_ID, "systems[3]" },
  { "duplicate-system", duplicate_system, NULL, RW_SCENARIO_ERROR_INVALID_VALUE, "systems[3]" },
  { "systems-string", systems_as_string, NULL, RW_SCENARIO_ERROR_WRONG_TYPE, "systems" },
  { "system-number", system_as_number, NULL, RW_SCENARIO_ERROR_WRONG_TYPE, "systems[3]" },
  { "unknown-mode", unknown_mode, NULL, RW_SCENARIO_ERROR_INVALID_VALUE, "workload.mode" },
  { "misspelt-member", misspelt_member, NULL, RW_SCENARIO_ERROR_UNKNOWN_FIELD, "workload.contxt" },
  { "checkpointing-int", checkpointing_as_int, NULL, RW_SCENARIO_ERROR_WRONG_TYPE,
    "workload.training.grad_checkpointing" },
  { "model-and-config", model_and_config, NULL, RW_SCENARIO_ERROR_INVALID_VALUE, "workload.model" },
  { "broken-config", broken_config, NULL, RW_SCENARIO_ERROR_INVALID_VALUE, "num_hidden_layers" },
  { "workload-array", workload_as_array, NULL, RW_SCENARIO_ERROR_WRONG_TYPE, "workload" },
};

static void
test_malformed (gconstpointer data)
{
  const Malformed *m = data;
  g_autofree char *name = g_strconcat (m->name, ".rigwise", NULL);
  g_autofree char *path = tmp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RwScenario) loaded = NULL;
  g_autoptr(RwScenario) good = make_scenario ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  RwWorkload w, before;

  if (m->raw != NULL)
    text = g_strdup (m->raw);
  else
    {
      g_autoptr(JsonObject) root = good_document ();

      m->mutate (root, json_object_get_object_member (root, "workload"));
      text = document_to_data (root);
    }
  write_file (path, text);

  rw_workload_init (&w);
  g_assert_true (rw_scenario_apply_to_workload (good, catalog, &w, NULL));
  before = w;

  loaded = rw_scenario_load (file, catalog, &error);
  g_assert_null (loaded);
  g_assert_error (error, RW_SCENARIO_ERROR, m->code);
  /* The message names the file and, where there is one, the field. */
  g_assert_nonnull (strstr (error->message, name));
  if (m->field != NULL)
    g_assert_nonnull (strstr (error->message, m->field));
  g_test_message ("%s", error->message);

  /* Nothing changed: the caller's workload and the file itself. */
  g_assert_cmpmem (&w, sizeof w, &before, sizeof before);
  after = read_file (path);
  g_assert_cmpstr (after, ==, text);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Each file in a directory, so a test can check no temporary is left. */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_atomic_save (void)
{
  g_autoptr(RwScenario) old = make_scenario ();
  g_autoptr(RwScenario) changed = make_scenario ();
  g_autoptr(RwScenario) loaded = NULL;
  g_autofree char *dir = tmp_path ("atomic");
  g_autofree char *path = g_build_filename (dir, "plan.rigwise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *after = NULL;
  struct rlimit saved_limit, small_limit;
  void (*saved_handler) (int);
  gboolean ok;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (rw_scenario_save (old, file, &error));
  g_assert_no_error (error);
  old_text = read_file (path);
  changed->context = 65536;
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* An unwritable directory. Root ignores permission bits, so this part
   * only runs for other users. */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (rw_scenario_save (changed, file, &error));
      g_assert_error (error, RW_SCENARIO_ERROR, RW_SCENARIO_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "plan.rigwise"));
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      after = read_file (path);
      g_assert_cmpstr (after, ==, old_text);
      g_clear_pointer (&after, g_free);
    }

  /* A write that fails half way (the disk "fills" after 64 bytes, for root
   * too): the temporary file is abandoned, the old file stays whole. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  small_limit = saved_limit;
  small_limit.rlim_cur = 64;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small_limit), ==, 0);
  ok = rw_scenario_save (changed, file, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  signal (SIGXFSZ, saved_handler);
  g_assert_false (ok);
  g_assert_error (error, RW_SCENARIO_ERROR, RW_SCENARIO_ERROR_IO);
  g_clear_error (&error);

  after = read_file (path);
  g_assert_cmpstr (after, ==, old_text);
  g_assert_cmpuint (count_files (dir), ==, 1);
  loaded = rw_scenario_load (file, catalog, &error);
  g_assert_no_error (error);
  g_assert_true (rw_scenario_equal (loaded, old));

  /* And a save that succeeds replaces it. */
  g_clear_pointer (&loaded, rw_scenario_free);
  g_assert_true (rw_scenario_save (changed, file, &error));
  loaded = rw_scenario_load (file, catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->context, ==, 65536);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_missing_file (void)
{
  g_autofree char *path = tmp_path ("does-not-exist.rigwise");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RwScenario) loaded = rw_scenario_load (file, catalog, &error);

  g_assert_null (loaded);
  g_assert_error (error, RW_SCENARIO_ERROR, RW_SCENARIO_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "does-not-exist.rigwise"));
}

/* Optional members take the workload defaults: a minimal hand-written file
 * is a valid scenario. */
static void
test_minimal_document (void)
{
  static const char doc[] =
    "{\"rigwise-scenario\": 1, \"workload\": {\"model\": \"" MODEL_ID "\", \"weights\": \""
    WEIGHTS_ID "\", \"kv\": \"" KV_ID "\", \"mode\": \"inference\", \"context\": 8192}, "
    "\"systems\": [\"dgx-spark\"]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(RwScenario) s = rw_scenario_load_from_data (doc, -1, "minimal", catalog, &error);
  RwWorkload defaults;

  g_assert_no_error (error);
  rw_workload_init (&defaults);
  g_assert_cmpuint (s->prompt, ==, defaults.prompt);
  g_assert_cmpuint (s->batch, ==, defaults.batch);
  g_assert_cmpuint (s->lora_rank, ==, defaults.lora_rank);
  g_assert_cmpfloat (s->years, ==, defaults.years);
  g_assert_cmpfloat (s->bits_per_weight_override, ==, 0);
  g_assert_cmpstr (s->runtime, ==, "llama.cpp");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("rigwise-scenario-XXXXXX", &error);
  g_assert_no_error (error);
  /* No user catalog from the machine running the tests. */
  data_home = g_build_filename (tmp_dir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  catalog = rw_catalog_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/scenario/round-trip", test_round_trip);
  g_test_add_func ("/scenario/apply", test_apply);
  g_test_add_func ("/scenario/apply-unknown", test_apply_unknown_leaves_workload);
  g_test_add_func ("/scenario/imported-config", test_imported_config);
  g_test_add_func ("/scenario/minimal", test_minimal_document);
  g_test_add_func ("/scenario/missing-file", test_missing_file);
  g_test_add_func ("/scenario/atomic-save", test_atomic_save);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *test_path = g_strconcat ("/scenario/malformed/", malformed[i].name, NULL);
      g_test_add_data_func (test_path, &malformed[i], test_malformed);
    }

  ret = g_test_run ();

  g_object_unref (catalog);
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
