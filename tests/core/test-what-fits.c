/* test-what-fits.c: the largest context, the best weights and the models
 * that fit one machine
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Llama 3.1 8B (8 030 261 248 parameters, test-model.c) in BF16 with an F16
 * KV cache takes, at a context c ≥ 512 (README "Inference memory"):
 *   weights 2 · 8 030 261 248 = 16 060 522 496 B
 *   compute buffer 512·128256·4 + 512·(14336 + 4·4096)·4 = 325 582 848 B
 *   runtime 0.5 GiB = 536 870 912 B
 *   KV 2·8·128·32 layers·2 B = 131 072 B a token
 * = 16 922 976 256 + 131 072·c. The unified fixture has 100e9 B usable:
 * c ≤ 83 077 023 744 / 131 072 = 633 827.4, so the largest whole step of
 * 1024 tokens is 618 · 1024 = 632 832 (619 · 1024 = 633 856 is over).
 */
#include "rw-test-fixtures.h"

static RwCatalog *
test_catalog (void)
{
  g_autoptr(RwCatalog) catalog = rw_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "data", "what-fits-formats.json", NULL);

  if (!rw_catalog_load_file (catalog, path, FALSE, &error))
    g_error ("%s", error->message);
  rw_catalog_add_model (catalog, fixture_llama_3_1_8b ());
  rw_catalog_add_model (catalog, fixture_toy ());
  return g_steal_pointer (&catalog);
}

static RwFit
fit_at (const RwSystem   *system,
        const RwWorkload *workload,
        guint             context)
{
  RwWorkload w = *workload;
  RwEstimate e;

  w.context = context;
  g_assert_true (rw_estimate (system, &w, &e, NULL));
  return e.fit;
}

static void
test_unified_memory_edge (void)
{
  g_autoptr(RwCatalog) catalog = test_catalog ();
  g_autoptr(RwSystem) system = fixture_unified ();
  const RwModel *model = rw_catalog_lookup_model (catalog, "llama-3.1-8b");
  const RwFormat *bf16 = rw_catalog_lookup_format (catalog, "bf16");
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  g_autoptr(RwWhatFits) fits = NULL;
  g_autoptr(GError) error = NULL;

  fits = rw_what_fits (catalog, system, &workload, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fits->max_context_on_device, ==, 632832);
  /* Unified memory does not spill: the same edge. */
  g_assert_cmpuint (fits->max_context, ==, 632832);
  g_assert_cmpint (fits->limited_by, ==, RW_LIMIT_MEMORY);
  /* True edges: it fits there, 1K more does not. */
  g_assert_cmpint (fit_at (system, &workload, 632832), ==, RW_FIT_FITS);
  g_assert_cmpint (fit_at (system, &workload, 632832 + 1024), ==, RW_FIT_DOES_NOT_FIT);
  /* At the default 8192 context BF16 fits: the best there is. */
  g_assert_true (fits->best_weights == bf16);
}

/* The model's own limit caps the search: Llama 3.1 takes 131 072 tokens. */
static void
test_model_limit (void)
{
  g_autoptr(RwCatalog) catalog = test_catalog ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwModel *model = (RwModel *) rw_catalog_lookup_model (catalog, "llama-3.1-8b");
  const RwFormat *bf16 = rw_catalog_lookup_format (catalog, "bf16");
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  g_autoptr(RwWhatFits) fits = NULL;

  model->max_position_embeddings = 131072;
  fits = rw_what_fits (catalog, system, &workload, NULL);
  g_assert_cmpuint (fits->max_context, ==, 131072);
  g_assert_cmpuint (fits->max_context_on_device, ==, 131072);
  g_assert_cmpint (fits->limited_by, ==, RW_LIMIT_MODEL);
  model->max_position_embeddings = 0;
}

/* The discrete fixture (10e9 B VRAM, 64 GB RAM less the 8 GiB reserve):
 * 16 GB of BF16 weights never fit on the GPU, at any context, but run
 * with layers in host RAM up to an edge the search finds exactly.
 * Best weights at 8192 tokens: the GPU holds all but the input embedding
 * table (128256·4096 = 525 336 576 parameters, which stays in host RAM),
 * the KV cache (1 073 741 824 B) and the buffers (862 453 760 B):
 *   BF16 (8 030 261 248 − 525 336 576)·2 = 15 009 849 344 B: over 10e9;
 *   Q8_0 · 8.5/8 = 7 973 982 464 → 9 910 178 048 ≤ 10e9: Q8_0. */
static void
test_discrete_spill_edge (void)
{
  g_autoptr(RwCatalog) catalog = test_catalog ();
  g_autoptr(RwSystem) system = fixture_discrete ();
  const RwModel *model = rw_catalog_lookup_model (catalog, "llama-3.1-8b");
  const RwFormat *bf16 = rw_catalog_lookup_format (catalog, "bf16");
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  g_autoptr(RwWhatFits) fits = NULL;

  fits = rw_what_fits (catalog, system, &workload, NULL);
  g_assert_cmpuint (fits->max_context_on_device, ==, 0);
  g_assert_cmpuint (fits->max_context % 1024, ==, 0);
  g_assert_cmpuint (fits->max_context, >, 8192);
  g_assert_cmpint (fit_at (system, &workload, fits->max_context), ==, RW_FIT_SPILLS);
  g_assert_cmpint (fit_at (system, &workload, fits->max_context + 1024), ==, RW_FIT_DOES_NOT_FIT);
  g_assert_cmpint (fits->limited_by, ==, RW_LIMIT_MEMORY);
  g_assert_cmpstr (fits->best_weights->id, ==, "q8_0");

  /* With Q4_0 it fits on the GPU up to an edge of its own. */
  workload.weights = rw_catalog_lookup_format (catalog, "q4_0");
  g_clear_pointer (&fits, rw_what_fits_free);
  fits = rw_what_fits (catalog, system, &workload, NULL);
  g_assert_cmpuint (fits->max_context_on_device, >, 8192);
  g_assert_cmpuint (fits->max_context_on_device % 1024, ==, 0);
  g_assert_cmpint (fit_at (system, &workload, fits->max_context_on_device), ==, RW_FIT_FITS);
  g_assert_cmpint (fit_at (system, &workload, fits->max_context_on_device + 1024), !=, RW_FIT_FITS);
}

/* Below one step the edge is exact to the token: a machine with a sliver
 * of memory. */
static void
test_edge_below_one_step (void)
{
  g_autoptr(RwCatalog) catalog = test_catalog ();
  g_autoptr(RwSystem) system = fixture_unified ();
  const RwModel *model = rw_catalog_lookup_model (catalog, "llama-3.1-8b");
  const RwFormat *bf16 = rw_catalog_lookup_format (catalog, "bf16");
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  g_autoptr(RwWhatFits) fits = NULL;

  /* 16 922 976 256 + 131 072 · 500 = 16 988 512 256 B: room for exactly
   * 500 tokens (the compute buffer is already full-size from 512 tokens,
   * smaller below: so at least 500, fewer than 1024). */
  system->device_usable.value = 16988512256.0;
  fits = rw_what_fits (catalog, system, &workload, NULL);
  g_assert_cmpuint (fits->max_context_on_device, >=, 500);
  g_assert_cmpuint (fits->max_context_on_device, <, 1024);
  g_assert_cmpint (fit_at (system, &workload, fits->max_context_on_device), ==, RW_FIT_FITS);
  g_assert_cmpint (fit_at (system, &workload, fits->max_context_on_device + 1), ==, RW_FIT_DOES_NOT_FIT);
  /* Nothing in BF16 leaves room for 8192 tokens: no best format in it,
   * but Q8_0's 8.5 GB do. */
  g_assert_cmpstr (fits->best_weights->id, ==, "q8_0");
}

/* Models that fit, fastest first: on the discrete build in BF16 the toy
 * model fits and Llama 3.1 8B (16 GB) does not. On the unified one both
 * do, the toy first (187 MB a token against 16 GB). */
static void
test_models_ranked (void)
{
  g_autoptr(RwCatalog) catalog = test_catalog ();
  g_autoptr(RwSystem) discrete = fixture_discrete ();
  g_autoptr(RwSystem) unified = fixture_unified ();
  const RwModel *model = rw_catalog_lookup_model (catalog, "llama-3.1-8b");
  const RwFormat *bf16 = rw_catalog_lookup_format (catalog, "bf16");
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  g_autoptr(RwWhatFits) on_discrete = rw_what_fits (catalog, discrete, &workload, NULL);
  g_autoptr(RwWhatFits) on_unified = rw_what_fits (catalog, unified, &workload, NULL);
  const RwModelFit *first, *second;

  g_assert_cmpuint (on_discrete->models->len, ==, 1);
  g_assert_cmpstr (g_array_index (on_discrete->models, RwModelFit, 0).model->id, ==, "toy");
  /* 800e9 / 187 189 248 tok/s. */
  assert_rel (g_array_index (on_discrete->models, RwModelFit, 0).tok_s, 800e9 / 187189248.0, 1e-9);

  g_assert_cmpuint (on_unified->models->len, ==, 2);
  first = &g_array_index (on_unified->models, RwModelFit, 0);
  second = &g_array_index (on_unified->models, RwModelFit, 1);
  g_assert_cmpstr (first->model->id, ==, "toy");
  g_assert_cmpstr (second->model->id, ==, "llama-3.1-8b");
  g_assert_cmpfloat (first->tok_s, >, second->tok_s);
  /* 16 922 976 256 + 131 072 · 8192 B. */
  assert_near (second->total_bytes, 16922976256.0 + 131072.0 * 8192);
}

/* Fine-tunes search the sequence length and keep their own format. */
static void
test_training (void)
{
  g_autoptr(RwCatalog) catalog = test_catalog ();
  g_autoptr(RwSystem) unified = fixture_unified ();
  const RwModel *model = rw_catalog_lookup_model (catalog, "toy");
  const RwFormat *bf16 = rw_catalog_lookup_format (catalog, "bf16");
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  g_autoptr(RwWhatFits) fits = NULL;
  RwWorkload w;
  RwEstimate e;

  workload.mode = RW_MODE_LORA;
  fits = rw_what_fits (catalog, unified, &workload, NULL);
  g_assert_true (fits->best_weights == bf16);
  g_assert_cmpuint (fits->max_context, ==, fits->max_context_on_device);
  w = workload;
  w.seq_len = fits->max_context_on_device;
  g_assert_true (rw_estimate (unified, &w, &e, NULL));
  g_assert_cmpint (e.fit, ==, RW_FIT_FITS);
  w.seq_len += 1024;
  g_assert_true (rw_estimate (unified, &w, &e, NULL));
  g_assert_cmpint (e.fit, ==, RW_FIT_DOES_NOT_FIT);
}

static void
test_invalid_workload (void)
{
  g_autoptr(RwCatalog) catalog = test_catalog ();
  g_autoptr(RwSystem) unified = fixture_unified ();
  const RwModel *model = rw_catalog_lookup_model (catalog, "toy");
  const RwFormat *bf16 = rw_catalog_lookup_format (catalog, "bf16");
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  g_autoptr(GError) error = NULL;
  RwWhatFits *fits;

  workload.batch = 0;
  fits = rw_what_fits (catalog, unified, &workload, &error);
  g_assert_null (fits);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/what-fits/unified-memory-edge", test_unified_memory_edge);
  g_test_add_func ("/what-fits/model-limit", test_model_limit);
  g_test_add_func ("/what-fits/discrete-spill-edge", test_discrete_spill_edge);
  g_test_add_func ("/what-fits/edge-below-one-step", test_edge_below_one_step);
  g_test_add_func ("/what-fits/models-ranked", test_models_ranked);
  g_test_add_func ("/what-fits/training", test_training);
  g_test_add_func ("/what-fits/invalid-workload", test_invalid_workload);

  return g_test_run ();
}
