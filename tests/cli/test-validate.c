/* test-validate.c: rw_validate() on a tiny hand-made catalog
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/cli/data/validate/base.json holds two systems, one model and two
 * formats. The benchmark rows are written by the test: each measured figure
 * is the core's prediction divided by (1 + e) for a chosen error e, so that
 * rw_validate() must find exactly those errors and the medians and worst
 * cases worked out below.
 */
#include <glib/gstdio.h>
#include <math.h>

#include "rigwise-core.h"

typedef struct
{
  const char *system;
  const char *test;       /* llama-bench notation */
  guint       depth;
  guint       batch;
  double      error;      /* (predicted - measured) / measured; NAN: skipped */
} Row;

/*   uni decode:  +0.10, -0.20, +0.05  → |e| sorted .05 .10 .20: median .10, worst .20
 *                scale s: errors become |1.1·s − 1|, |0.8·s − 1|, |1.05·s − 1|;
 *                s = 2 / (1.1 + 1.05) makes the first and third ±.0233 (median
 *                .0233), better than s = 1/1.05 (median .0476) or any other
 *   uni prefill: -0.30, +0.10         → median (.10 + .30) / 2 = .20, worst .30
 *                scale: the median of two is their mean, (|0.7·s − 1| + |1.1·s − 1|) / 2,
 *                = 0.2·s between 1/1.1 and 1/0.7: least at s = 1/1.1 (.1818)
 *   dis decode:  +0.02                → median .02, worst .02, scale 1/1.02
 *   dis prefill: none                 → NAN
 *   all decode:  .02 .05 .10 .20      → median (.05 + .10) / 2 = .075, worst .20
 *   all prefill: .10 .30              → median .20, worst .30 */
static const Row rows[] = {
  { "uni", "tg128", 0, 1, +0.10 },
  { "uni", "tg32", 4096, 1, -0.20 },
  { "uni", "tg128", 0, 4, +0.05 },
  { "uni", "pp512", 0, 1, -0.30 },
  { "uni", "pp2048", 4096, 1, +0.10 },
  { "dis", "tg128", 0, 1, +0.02 },
  /* 12 M cached tokens: 2·2·128·2 B·8 layers = 8 192 B each, 98 GB, more
   * than 16 GB of VRAM + 64 GB of RAM: does not fit, so no prediction. */
  { "dis", "tg128", 12000000, 1, NAN },
};

/* The prediction for a row, as llama-bench runs it: f16 KV cache, depth
 * tokens cached, ppN prefills N tokens, tgN decodes N (aggregate over the
 * batch when > 1). */
static double
predict (RwCatalog  *catalog,
         const Row  *row)
{
  RwWorkload workload;
  RwEstimate estimate;
  g_autoptr(GError) error = NULL;
  guint tokens = (guint) g_ascii_strtoull (row->test + 2, NULL, 10);

  rw_workload_init (&workload);
  workload.model = rw_catalog_lookup_model (catalog, "tiny");
  workload.weights = rw_catalog_lookup_format (catalog, "q8_0");
  workload.kv = rw_catalog_lookup_format (catalog, "f16");
  workload.depth = row->depth;
  workload.context = row->depth + tokens;
  workload.prompt = tokens;
  workload.batch = row->batch;
  g_assert_true (rw_estimate (rw_catalog_lookup_system (catalog, row->system), &workload, &estimate, &error));
  g_assert_no_error (error);

  if (row->test[0] == 'p')
    return estimate.prefill_tok_s;
  return row->batch > 1 ? estimate.decode_tok_s_total : estimate.decode_tok_s;
}

static RwCatalog *
load_catalog (char **tmp_dir)
{
  g_autofree char *base = g_test_build_filename (G_TEST_DIST, "data", "validate", "base.json", NULL);
  g_autoptr(RwCatalog) catalog = rw_catalog_new ();
  g_autoptr(GString) json = g_string_new ("{\"benchmarks\": [\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  rw_catalog_load_file (catalog, base, FALSE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      double measured = isnan (rows[i].error) ? 1.0 : predict (catalog, &rows[i]) / (1 + rows[i].error);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_assert_true (isfinite (measured) && measured > 0);
      g_string_append_printf (json,
                              "%s{\"system\": \"%s\", \"model\": \"tiny\", \"weights\": \"q8_0\","
                              " \"runtime\": \"llama.cpp\", \"test\": \"%s\", \"depth\": %u, \"batch\": %u,"
                              " \"tok_s\": %s, \"build\": \"test\", \"date\": \"2026-11\","
                              " \"source\": \"https://example.org/rows\"}\n",
                              i > 0 ? "," : "", rows[i].system, rows[i].test, rows[i].depth,
                              rows[i].batch, g_ascii_dtostr (buf, sizeof buf, measured));
    }
  g_string_append (json, "]}\n");

  *tmp_dir = g_dir_make_tmp ("rigwise-validate-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*tmp_dir, "benchmarks.json", NULL);
  g_file_set_contents (path, json->str, -1, &error);
  g_assert_no_error (error);
  rw_catalog_load_file (catalog, path, FALSE, &error);
  g_assert_no_error (error);
  g_remove (path);

  return g_steal_pointer (&catalog);
}

#define EPS 1e-12

static void
test_validate_tiny (void)
{
  g_autofree char *tmp_dir = NULL;
  g_autoptr(RwCatalog) catalog = load_catalog (&tmp_dir);
  g_autoptr(RwValidation) v = NULL;
  g_autoptr(GError) error = NULL;
  const RwValidationSummary *uni, *dis, *all;

  v = rw_validate (catalog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (v);
  g_rmdir (tmp_dir);

  g_assert_cmpuint (v->rows->len, ==, G_N_ELEMENTS (rows));
  g_assert_cmpuint (v->n_skipped, ==, 1);
  for (guint i = 0; i < v->rows->len; i++)
    {
      const RwValidationRow *row = &g_array_index (v->rows, RwValidationRow, i);

      if (isnan (rows[i].error))
        {
          g_assert_cmpstr (row->skip_reason, ==, "no prediction (does-not-fit)");
          g_assert_true (isnan (row->predicted));
          g_assert_true (isnan (row->error));
          continue;
        }
      g_assert_null (row->skip_reason);
      g_assert_cmpfloat_with_epsilon (row->error, rows[i].error, EPS);
      g_assert_cmpfloat_with_epsilon (row->predicted / predict (catalog, &rows[i]), 1, EPS);
    }

  /* One prediction by hand: tg128 at depth 0 on "uni" reads every weight
   * but the input embedding once (the KV cache is empty). Per layer
   * (model-rw formulas, rw-model.c): q and o 2·1024·8·128 = 2 097 152,
   * k and v 2·1024·2·128 = 524 288, SwiGLU 3·1024·4096 = 12 582 912,
   * norms 2·1024 = 2 048: 15 206 400; × 8 layers = 121 651 200; + head
   * 32 000·1024 = 32 768 000 + final norm 1 024 = 154 420 224 parameters
   * × 8.5/8 bytes (Q8_0) = 164 071 488 bytes, read at 200 GB/s × 0.5 =
   * 1e11 B/s: 609.49 tok/s. */
  g_assert_cmpfloat_with_epsilon (g_array_index (v->rows, RwValidationRow, 0).predicted / (1e11 / 164071488.0), 1, EPS);

  /* Catalog order of systems: "uni" then "dis" (see base.json). */
  g_assert_cmpuint (v->systems->len, ==, 2);
  uni = rw_validation_lookup (v, "uni");
  dis = rw_validation_lookup (v, "dis");
  all = rw_validation_lookup (v, NULL);
  g_assert_true (uni == g_ptr_array_index (v->systems, 0));
  g_assert_true (dis == g_ptr_array_index (v->systems, 1));
  g_assert_true (all == &v->overall);
  g_assert_null (rw_validation_lookup (v, "nonexistent"));

  g_assert_cmpstr (uni->runtime, ==, "llama.cpp");
  g_assert_cmpstr (dis->runtime, ==, "llama.cpp");
  g_assert_null (all->runtime);
  g_assert_null (all->system_id);

  g_assert_cmpuint (uni->n_decode, ==, 3);
  g_assert_cmpuint (uni->n_prefill, ==, 2);
  g_assert_cmpfloat_with_epsilon (uni->decode_median, 0.10, EPS);
  g_assert_cmpfloat_with_epsilon (uni->decode_worst, 0.20, EPS);
  g_assert_cmpfloat_with_epsilon (uni->decode_scale, 2 / (1.1 + 1.05), EPS);
  g_assert_cmpfloat_with_epsilon (uni->prefill_median, 0.20, EPS);
  g_assert_cmpfloat_with_epsilon (uni->prefill_worst, 0.30, EPS);
  g_assert_cmpfloat_with_epsilon (uni->prefill_scale, 1 / 1.1, EPS);

  g_assert_cmpuint (dis->n_decode, ==, 1);
  g_assert_cmpuint (dis->n_prefill, ==, 0);
  g_assert_cmpfloat_with_epsilon (dis->decode_median, 0.02, EPS);
  g_assert_cmpfloat_with_epsilon (dis->decode_worst, 0.02, EPS);
  g_assert_cmpfloat_with_epsilon (dis->decode_scale, 1 / 1.02, EPS);
  g_assert_true (isnan (dis->prefill_median));
  g_assert_true (isnan (dis->prefill_worst));
  g_assert_true (isnan (dis->prefill_scale));

  g_assert_cmpuint (all->n_decode, ==, 4);
  g_assert_cmpuint (all->n_prefill, ==, 2);
  g_assert_cmpfloat_with_epsilon (all->decode_median, 0.075, EPS);
  g_assert_cmpfloat_with_epsilon (all->decode_worst, 0.20, EPS);
  g_assert_cmpfloat_with_epsilon (all->prefill_median, 0.20, EPS);
  g_assert_cmpfloat_with_epsilon (all->prefill_worst, 0.30, EPS);
}

/* A backend for "uni" (llama.cpp on CUDA, the test file's constants). */
static const char backend_json[] =
  "{\"backends\": [{\"id\": \"llama.cpp/cuda\", \"runtime\": \"llama.cpp\", \"api\": \"cuda\","
  " \"name\": \"test\", \"decode\": {\"weight_bandwidth\": 0.9, \"kv_bandwidth\": 0.6,"
  " \"layer_us\": 50, \"moe_layer_us\": 30, \"step_us\": 100, \"expert_spread\": 0.7,"
  " \"vector_compute\": 0.03, \"batch_compute\": 0.1}, \"prefill\": {\"matmul\": {\"fp16-mma\": 0.3},"
  " \"moe_half_tokens\": 60, \"attention\": 0.3, \"ubatch\": 512}, \"rows\": 6, \"source\": \"test\"}]}";

static void
load_string (RwCatalog  *catalog,
             const char *dir,
             const char *name,
             const char *json)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
  rw_catalog_load_file (catalog, path, FALSE, &error);
  g_assert_no_error (error);
  g_remove (path);
}

/* Rows that are impossible on their hardware are rejected with the figure
 * they imply and never counted; the others are cross-validated by
 * leaving their source out.
 *   tg128 at 2000 tok/s on "uni": a token reads 164 071 488 B (see
 *     above), 328.1 GB/s, above its 200 GB/s: rejected
 *   pp512 at 400 000 tok/s: a token takes 2 · 154 420 224 + attention
 *     4 · 8 · 128 · 8 layers · 256 = 317 229 056 FLOPs, 126.9 TFLOP/s,
 *     above its 100 TFLOP/s FP16 peak: rejected
 * Two sources measure the same three decode tests: A exactly as the
 * backend predicts, B 20 % slower. In sample A's error is 0 and B's
 * +20 %. Left out, A is predicted by a backend refitted on B alone, which
 * then predicts 1/1.2 of A's figures: −16.7 %; B, by one fitted on A,
 * +20 %. */
static void
test_validate_cross_and_rejected (void)
{
  g_autofree char *base = g_test_build_filename (G_TEST_DIST, "data", "validate", "base.json", NULL);
  g_autoptr(RwCatalog) catalog = rw_catalog_new ();
  g_autoptr(GPtrArray) backends = g_ptr_array_new ();
  g_autoptr(GString) json = g_string_new ("{\"benchmarks\": [\n");
  g_autoptr(RwValidation) v = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rigwise-validate-XXXXXX", &error);
  static const Row decode[] = {
    { "uni", "tg128", 0, 1, 0 },
    { "uni", "tg128", 2048, 1, 0 },
    { "uni", "tg32", 1024, 1, 0 },
  };
  RwSystem *uni;
  const RwValidationSummary *summary;
  guint n_rejected = 0;

  g_assert_no_error (error);
  rw_catalog_load_file (catalog, base, FALSE, &error);
  g_assert_no_error (error);
  load_string (catalog, dir, "backends.json", backend_json);
  uni = rw_catalog_lookup_system (catalog, "uni");
  uni->apis = 1u << RW_API_CUDA;
  uni->api = RW_API_CUDA;
  g_ptr_array_add (backends, (gpointer) rw_catalog_lookup_backend (catalog, "llama.cpp/cuda"));
  rw_system_attach_backends (uni, backends);

  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < G_N_ELEMENTS (decode); i++)
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        double measured = predict (catalog, &decode[i]) / (k == 0 ? 1.0 : 1.2);

        g_string_append_printf (json,
                                "{\"system\": \"uni\", \"model\": \"tiny\", \"weights\": \"q8_0\","
                                " \"runtime\": \"llama.cpp\", \"test\": \"%s\", \"depth\": %u, \"batch\": 1,"
                                " \"tok_s\": %s, \"build\": \"test\", \"date\": \"2026-11\","
                                " \"source\": \"https://example.org/%c\"},\n",
                                decode[i].test, decode[i].depth,
                                g_ascii_dtostr (buf, sizeof buf, measured), k == 0 ? 'a' : 'b');
      }
  g_string_append (json,
                   "{\"system\": \"uni\", \"model\": \"tiny\", \"weights\": \"q8_0\", \"runtime\": \"llama.cpp\","
                   " \"test\": \"tg128\", \"depth\": 0, \"batch\": 1, \"tok_s\": 2000, \"build\": \"test\","
                   " \"date\": \"2026-11\", \"source\": \"https://example.org/c\"},\n"
                   "{\"system\": \"uni\", \"model\": \"tiny\", \"weights\": \"q8_0\", \"runtime\": \"llama.cpp\","
                   " \"test\": \"pp512\", \"depth\": 0, \"batch\": 1, \"tok_s\": 400000, \"build\": \"test\","
                   " \"date\": \"2026-11\", \"source\": \"https://example.org/c\"}]}\n");
  load_string (catalog, dir, "benchmarks.json", json->str);
  g_rmdir (dir);

  v = rw_validate_full (catalog, RW_VALIDATE_CROSS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (v->rows->len, ==, 8);
  for (guint i = 0; i < v->rows->len; i++)
    {
      const RwValidationRow *row = &g_array_index (v->rows, RwValidationRow, i);

      g_assert_nonnull (row->backend);
      g_assert_cmpstr (row->backend->id, ==, "llama.cpp/cuda");
      if (i >= 6)
        {
          n_rejected++;
          g_assert_false (rw_validation_row_counts (row));
          g_assert_true (isnan (row->cv_error));
          continue;
        }
      g_assert_null (row->reject_reason);
      g_assert_true (rw_validation_row_counts (row));
      if (i < 3)
        {
          g_assert_cmpfloat_with_epsilon (row->error, 0, 1e-9);
          g_assert_cmpfloat_with_epsilon (row->cv_error, 1 / 1.2 - 1, 0.01);
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (row->error, 0.2, 1e-9);
          g_assert_cmpfloat_with_epsilon (row->cv_error, 0.2, 0.01);
        }
    }
  g_assert_cmpuint (n_rejected, ==, 2);
  g_assert_cmpuint (v->n_rejected, ==, 2);
  g_assert_cmpstr (g_array_index (v->rows, RwValidationRow, 6).reject_reason, ==,
                   "implies 328 GB/s read, above the 200 GB/s peak");
  g_assert_cmpstr (g_array_index (v->rows, RwValidationRow, 7).reject_reason, ==,
                   "implies 127 TFLOP/s, above the 100 TFLOP/s peak");

  /* The summary counts the six possible rows only: in sample the median
   * of 0, 0, 0, .2, .2, .2 is .1; out of sample (.167 + .2) / 2. */
  summary = rw_validation_lookup (v, "uni");
  g_assert_nonnull (summary);
  g_assert_cmpuint (summary->n_decode, ==, 6);
  g_assert_cmpuint (summary->n_prefill, ==, 0);
  g_assert_cmpfloat_with_epsilon (summary->decode_median, 0.1, 1e-9);
  g_assert_cmpuint (summary->n_cv_decode, ==, 6);
  g_assert_cmpfloat_with_epsilon (summary->cv_decode_median, (0.2 + (1 - 1 / 1.2)) / 2, 0.01);
}

/* Without an f16 format there is no llama-bench KV cache to predict with. */
static void
test_validate_no_f16 (void)
{
  g_autoptr(RwCatalog) catalog = rw_catalog_new ();
  g_autoptr(RwValidation) v = NULL;
  g_autoptr(GError) error = NULL;

  v = rw_validate (catalog, &error);
  g_assert_null (v);
  g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_UNKNOWN_FORMAT);
}

static void
test_median (void)
{
  double none[1] = { 0 };
  double odd[] = { 3, 1, 2 };
  double even[] = { 4, 1, 3, 2 };
  double one[] = { 7.5 };

  g_assert_true (isnan (rw_median (none, 0)));
  g_assert_cmpfloat (rw_median (odd, 3), ==, 2);
  g_assert_cmpfloat (rw_median (even, 4), ==, 2.5);
  g_assert_cmpfloat (rw_median (one, 1), ==, 7.5);
  /* Sorted in place. */
  g_assert_cmpfloat (even[0], ==, 1);
  g_assert_cmpfloat (even[3], ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validate/median", test_median);
  g_test_add_func ("/validate/tiny-catalog", test_validate_tiny);
  g_test_add_func ("/validate/no-f16", test_validate_no_f16);
  g_test_add_func ("/validate/cross-and-rejected", test_validate_cross_and_rejected);
  return g_test_run ();
}
