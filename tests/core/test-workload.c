/* test-workload.c: workload defaults and validation
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rw-test-fixtures.h"

static void
test_workload_defaults (void)
{
  RwWorkload workload;

  rw_workload_init (&workload);
  g_assert_null (workload.model);
  g_assert_null (workload.weights);
  g_assert_null (workload.kv);
  g_assert_cmpfloat (workload.bits_per_weight_override, ==, 0);
  g_assert_cmpint (workload.mode, ==, RW_MODE_INFERENCE);
  g_assert_cmpuint (workload.context, ==, 8192);
  g_assert_cmpuint (workload.depth, ==, 0);
  g_assert_cmpuint (workload.prompt, ==, 512);
  g_assert_cmpuint (workload.batch, ==, 1);
  g_assert_cmpint (workload.optimizer, ==, RW_OPTIMIZER_ADAMW);
  g_assert_cmpuint (workload.seq_len, ==, 2048);
  g_assert_cmpuint (workload.micro_batch, ==, 1);
  g_assert_cmpuint (workload.lora_rank, ==, 16);
  g_assert_true (workload.grad_checkpointing);
  g_assert_cmpstr (workload.runtime, ==, "llama.cpp");
  g_assert_cmpfloat (workload.electricity_price, ==, 0.15);
  g_assert_cmpfloat (workload.hours_per_day, ==, 8);
  g_assert_cmpfloat (workload.years, ==, 3);
}

static void
test_workload_valid (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  g_autoptr(RwFormat) f16 = fixture_f16_kv ();
  RwWorkload workload = fixture_workload (model, q8, f16);
  g_autoptr(GError) error = NULL;

  g_assert_true (rw_workload_validate (&workload, &error));
  g_assert_no_error (error);

  /* The format's bits, or the override when set. */
  g_assert_cmpfloat (rw_workload_weight_bits (&workload), ==, 8.5);
  workload.bits_per_weight_override = 4.5;
  g_assert_cmpfloat (rw_workload_weight_bits (&workload), ==, 4.5);
  g_assert_true (rw_workload_validate (&workload, NULL));

  /* Zero depth and a free kWh (own solar) are meaningful; a cost over zero
   * years is not (rw-bounds.h: years above 0, as the command line and
   * scenarios always had it). */
  workload.depth = 0;
  workload.electricity_price = 0;
  workload.years = 0.01;
  workload.hours_per_day = 24;
  g_assert_true (rw_workload_validate (&workload, NULL));
  workload.years = 0;
  g_assert_false (rw_workload_validate (&workload, NULL));
  workload.years = 3;

  /* Depth up to the context, not beyond (issue #13 case 6). */
  workload.depth = workload.context;
  g_assert_true (rw_workload_validate (&workload, NULL));
  workload.depth = workload.context + 1;
  g_assert_false (rw_workload_validate (&workload, &error));
  g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE);
  {
    g_autofree char *expected = g_strdup_printf ("depth: %u is more than context (%u)",
                                                 workload.depth, workload.context);

    g_assert_cmpstr (error->message, ==, expected);
  }
  g_clear_error (&error);
  /* The same check names what each entry point calls these values. */
  g_assert_false (rw_workload_validate_named (&workload, RW_NAMING_CLI, &error));
  g_assert_true (g_str_has_prefix (error->message, "--depth: "));
  g_assert_nonnull (strstr (error->message, " is more than --context ("));
  g_clear_error (&error);
  g_assert_false (rw_workload_validate_named (&workload, RW_NAMING_SCENARIO, &error));
  g_assert_true (g_str_has_prefix (error->message, "workload.depth: "));
  g_clear_error (&error);
  workload.depth = 0;

  /* Training fields are only checked for training modes. */
  workload.seq_len = 0;
  g_assert_true (rw_workload_validate (&workload, NULL));
}

typedef void (*Breaker) (RwWorkload *workload);

static void no_model (RwWorkload *w) { w->model = NULL; }
static void nan_bits (RwWorkload *w) { w->bits_per_weight_override = NAN; }
static void negative_bits (RwWorkload *w) { w->bits_per_weight_override = -4; }
static void absurd_bits (RwWorkload *w) { w->bits_per_weight_override = 1000; }
static void zero_context (RwWorkload *w) { w->context = 0; }
static void absurd_context (RwWorkload *w) { w->context = G_MAXUINT; }
static void zero_prompt (RwWorkload *w) { w->prompt = 0; }
static void zero_batch (RwWorkload *w) { w->batch = 0; }
static void absurd_batch (RwWorkload *w) { w->batch = 100000; }
static void bad_mode (RwWorkload *w) { w->mode = (RwMode) 42; }
static void zero_seq_len (RwWorkload *w) { w->mode = RW_MODE_FULL; w->seq_len = 0; }
static void zero_micro_batch (RwWorkload *w) { w->mode = RW_MODE_FULL; w->micro_batch = 0; }
static void zero_rank (RwWorkload *w) { w->mode = RW_MODE_LORA; w->lora_rank = 0; }
static void absurd_rank (RwWorkload *w) { w->mode = RW_MODE_QLORA; w->lora_rank = 4096; }
static void bad_optimizer (RwWorkload *w) { w->mode = RW_MODE_FULL; w->optimizer = (RwOptimizer) 7; }
static void nan_price (RwWorkload *w) { w->electricity_price = NAN; }
static void negative_price (RwWorkload *w) { w->electricity_price = -0.1; }
static void too_many_hours (RwWorkload *w) { w->hours_per_day = 25; }
static void negative_years (RwWorkload *w) { w->years = -1; }
static void infinite_years (RwWorkload *w) { w->years = INFINITY; }

/* Each case breaks one field of a valid workload: INVALID_VALUE naming it. */
static void
test_workload_invalid_values (void)
{
  const struct { Breaker breaker; const char *field; } cases[] = {
    { no_model, "model" },
    { nan_bits, "bits per weight" },
    { negative_bits, "bits per weight" },
    { absurd_bits, "bits per weight" },
    { zero_context, "context" },
    { absurd_context, "context" },
    { zero_prompt, "prompt" },
    { zero_batch, "batch" },
    { absurd_batch, "batch" },
    { bad_mode, "mode" },
    { zero_seq_len, "sequence length" },
    { zero_micro_batch, "micro-batch" },
    { zero_rank, "LoRA rank" },
    { absurd_rank, "LoRA rank" },   /* above hidden_size 1024 */
    { bad_optimizer, "optimizer" },
    { nan_price, "electricity price" },
    { negative_price, "electricity price" },
    { too_many_hours, "hours per day" },
    { negative_years, "years" },
    { infinite_years, "years" },
  };
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  g_autoptr(RwFormat) f16 = fixture_f16_kv ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RwWorkload workload = fixture_workload (model, q8, f16);
      g_autoptr(GError) error = NULL;

      cases[i].breaker (&workload);
      g_assert_false (rw_workload_validate (&workload, &error));
      g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE);
      if (!g_str_has_prefix (error->message, cases[i].field))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].field);
    }

  /* The bounds are the table's (rw-bounds.h), in one wording. */
  {
    RwWorkload workload = fixture_workload (model, q8, f16);
    g_autoptr(GError) error = NULL;

    workload.context = 16777217;
    g_assert_false (rw_workload_validate_named (&workload, RW_NAMING_CLI, &error));
    g_assert_cmpstr (error->message, ==, "--context: 16777217 is out of range (1 to 16777216)");
    g_clear_error (&error);
    workload.context = 8192;
    workload.years = 0;
    g_assert_false (rw_workload_validate (&workload, &error));
    g_assert_cmpstr (error->message, ==, "years: 0 is out of range (above 0 to 100)");
    g_clear_error (&error);
    workload.years = 3;
    workload.electricity_price = 10000.5;
    g_assert_false (rw_workload_validate_named (&workload, RW_NAMING_SCENARIO, &error));
    g_assert_cmpstr (error->message, ==,
                     "workload.cost.electricity_price: 10000.5 is out of range (0 to 10000)");
  }
}

static void
test_workload_bad_model (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  RwWorkload workload = fixture_workload (model, q8, q8);
  g_autoptr(GError) error = NULL;

  model->n_kv_heads = 0;
  g_assert_false (rw_workload_validate (&workload, &error));
  g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "n_kv_heads"));
}

static void
test_workload_formats (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  g_autoptr(RwFormat) f16_kv = fixture_f16_kv ();
  g_autoptr(RwFormat) mxfp4_moe = fixture_mxfp4_moe ();
  g_autoptr(RwFormat) broken = fixture_q8_0 ();
  RwWorkload workload;
  g_autoptr(GError) error = NULL;

  /* Missing formats. */
  workload = fixture_workload (model, NULL, f16_kv);
  g_assert_false (rw_workload_validate (&workload, &error));
  g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);
  workload = fixture_workload (model, q8, NULL);
  g_assert_false (rw_workload_validate (&workload, &error));
  g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);

  /* A KV-only format as weights, a weights-only mix as the KV cache. */
  workload = fixture_workload (model, f16_kv, f16_kv);
  g_assert_false (rw_workload_validate (&workload, &error));
  g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "“f16”"));
  g_clear_error (&error);
  workload = fixture_workload (model, q8, mxfp4_moe);
  g_assert_false (rw_workload_validate (&workload, &error));
  g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  /* A format with nonsense bits. */
  broken->bits_per_weight = NAN;
  workload = fixture_workload (model, broken, f16_kv);
  g_assert_false (rw_workload_validate (&workload, &error));
  g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  broken->bits_per_weight = 0;
  g_assert_false (rw_workload_validate (&workload, &error));
  g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE);
}

static void
test_workload_optimizer_names (void)
{
  RwOptimizer optimizer = RW_OPTIMIZER_ADAMW;

  g_assert_cmpstr (rw_optimizer_to_string (RW_OPTIMIZER_ADAMW), ==, "adamw");
  g_assert_cmpstr (rw_optimizer_to_string (RW_OPTIMIZER_ADAMW_8BIT), ==, "adamw-8bit");
  g_assert_cmpstr (rw_optimizer_to_string (RW_OPTIMIZER_SGD), ==, "sgd");
  g_assert_true (rw_optimizer_from_string ("sgd", &optimizer));
  g_assert_cmpint (optimizer, ==, RW_OPTIMIZER_SGD);
  g_assert_true (rw_optimizer_from_string ("adamw-8bit", &optimizer));
  g_assert_cmpint (optimizer, ==, RW_OPTIMIZER_ADAMW_8BIT);
  g_assert_false (rw_optimizer_from_string ("adam", &optimizer));
  g_assert_false (rw_optimizer_from_string (NULL, &optimizer));
  g_assert_cmpint (optimizer, ==, RW_OPTIMIZER_ADAMW_8BIT);
}

/* Formats: Q8_0 is 34 bytes per 32 weights, 8.5 bits = 1.0625 bytes. */
static void
test_workload_format_copy (void)
{
  g_autoptr(RwFormat) format = fixture_mxfp4_moe ();
  g_autoptr(RwFormat) copy = NULL;
  g_autoptr(RwFormat) fresh = rw_format_new ();

  g_assert_cmpfloat (rw_format_bytes_per_weight (format), ==, 1.0625);
  format->source = g_strdup ("https://github.com/ggml-org/llama.cpp");
  copy = g_boxed_copy (RW_TYPE_FORMAT, format);
  g_assert_true (copy != format);
  g_assert_true (copy->id != format->id);
  g_assert_cmpstr (copy->id, ==, "mxfp4_moe");
  g_assert_cmpstr (copy->name, ==, "MXFP4_MOE");
  g_assert_cmpstr (copy->source, ==, format->source);
  g_assert_cmpfloat (copy->expert_bits_per_weight, ==, 4.25);
  g_assert_cmpint (copy->compute_precision, ==, RW_PRECISION_FP4);
  g_assert_true (copy->for_weights);
  g_assert_false (copy->for_kv);

  /* A new format computes at FP16 until told otherwise. */
  g_assert_cmpint (fresh->compute_precision, ==, RW_PRECISION_FP16);
  g_assert_null (fresh->id);
}

/* rw_estimate refuses an invalid workload with the same error. */
static void
test_workload_estimate_refuses (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) q8 = fixture_q8_0 ();
  g_autoptr(RwSystem) system = fixture_unified ();
  RwWorkload workload = fixture_workload (model, q8, q8);
  g_autoptr(GError) error = NULL;
  RwEstimate estimate;

  workload.batch = 0;
  g_assert_false (rw_estimate (system, &workload, &estimate, &error));
  g_assert_error (error, RW_WORKLOAD_ERROR, RW_WORKLOAD_ERROR_INVALID_VALUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workload/defaults", test_workload_defaults);
  g_test_add_func ("/workload/valid", test_workload_valid);
  g_test_add_func ("/workload/invalid-values", test_workload_invalid_values);
  g_test_add_func ("/workload/bad-model", test_workload_bad_model);
  g_test_add_func ("/workload/formats", test_workload_formats);
  g_test_add_func ("/workload/optimizer-names", test_workload_optimizer_names);
  g_test_add_func ("/workload/format-copy", test_workload_format_copy);
  g_test_add_func ("/workload/estimate-refuses", test_workload_estimate_refuses);

  return g_test_run ();
}
