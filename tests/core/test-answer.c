/* test-answer.c: the answer card's words and numbers, model limits and the
 * number formatter
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The toy model (rw-test-fixtures.h) in BF16 at the default workload
 * (context 8192, depth 0, batch 1, 8 h a day, 3 years, $0.15/kWh):
 *   parameters 4·(2·1024·8·128 + 2·1024·2·128 + 3·1024·4096 + 2·1024)
 *     + 2·32000·1024 + 1024 = 126 362 624; a decode step reads all but the
 *     input embedding: (126 362 624 − 32 768 000)·2 = 187 189 248 B.
 *   decode: unified 160e9 / 187 189 248 = 854.75 tok/s ("855 tok/s"),
 *     discrete 800e9 / 187 189 248 = 4273.75 tok/s ("4,274 tok/s"): 5.0×.
 *   memory: weights 252 725 248 + KV 2·2·128·4·2·8192 = 16 777 216
 *     + compute buffer 512·32000·4 + 512·(4096 + 4·1024)·4 = 82 313 216
 *     + runtime 0.5 GiB = 888 686 592 B = 0.83 GiB; usable 100e9 B =
 *     93.1 GiB (unified), 10e9 B = 9.3 GiB (discrete).
 *   TCO (test-cost.c): unified 4000 + 3·131.40 = $4,394.20; discrete
 *     (500·8 + 100·16)·365/1000·0.15 = $306.60 a year, 2800 + 919.80 =
 *     $3,719.80: $674.40 less.
 */
#include <locale.h>

#include "rw-test-fixtures.h"

static void
estimate (const RwSystem   *system,
          const RwWorkload *workload,
          RwEstimate       *out)
{
  g_autoptr(GError) error = NULL;

  if (!rw_estimate (system, workload, out, &error))
    g_error ("estimate failed: %s", error->message);
}

static void
test_answer_two_systems (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) unified = fixture_unified ();
  g_autoptr(RwSystem) discrete = fixture_discrete ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate e[2];
  g_autoptr(RwAnswer) answer = NULL;
  g_autofree char *summary = NULL;

  estimate (unified, &workload, &e[0]);
  estimate (discrete, &workload, &e[1]);
  answer = rw_answer_new (&workload, e, 2, RW_MEMORY_UNITS_GIB, RW_CURRENCY_DISPLAY_SYMBOL);

  /* Unified has 99.1 GB to spare against 9.1 GB; the discrete build is
   * faster and cheaper. No training figure for inference. */
  g_assert_true (answer->best[RW_ANSWER_FIT] == unified);
  g_assert_true (answer->best[RW_ANSWER_DECODE] == discrete);
  g_assert_true (answer->best[RW_ANSWER_PREFILL] == discrete);
  g_assert_true (answer->best[RW_ANSWER_PRICE] == discrete);
  g_assert_true (answer->best[RW_ANSWER_TCO] == discrete);
  g_assert_null (answer->best[RW_ANSWER_TRAIN]);

  g_assert_cmpstr (answer->headline, ==, "Toy unified or Toy discrete, depending on what matters most");
  g_assert_cmpuint (g_strv_length (answer->fit), ==, 2);
  g_assert_cmpstr (answer->fit[0], ==, "Toy unified: fits in fast memory (0.8 GiB of 93.1 GiB)");
  g_assert_cmpstr (answer->fit[1], ==, "Toy discrete: fits in fast memory (0.8 GiB of 9.3 GiB)");
  g_assert_cmpstr (answer->speed[0], ==,
                   "Toy discrete decodes 5.0× as fast as Toy unified (4,274 tok/s against 855 tok/s)");
  g_assert_true (g_str_has_prefix (answer->speed[1], "Toy discrete prefills "));
  g_assert_null (answer->speed[2]);
  g_assert_cmpstr (answer->cost[0], ==,
                   "Toy discrete costs $1,200 less to buy than Toy unified ($2,800 against $4,000)");
  g_assert_cmpstr (answer->cost[1], ==,
                   "Over 3 years, Toy discrete costs $674 less to own than Toy unified ($3,720 against $4,394)");
  g_assert_cmpstr (answer->choose[0], ==, "Choose Toy unified for the most memory to spare");
  g_assert_cmpstr (answer->choose[1], ==,
                   "Choose Toy discrete for faster decode, faster prompt processing, a lower price "
                   "and a lower cost over 3 years");
  g_assert_null (answer->choose[2]);

  summary = rw_answer_dup_summary (answer);
  g_assert_true (g_str_has_prefix (summary, "Toy unified or Toy discrete, depending on what matters most.\n"
                                            "Toy unified: fits in fast memory (0.8 GiB of 93.1 GiB).\n"));
  g_assert_true (g_str_has_suffix (summary, "a lower price and a lower cost over 3 years."));

  /* In GB and with ISO codes when the preferences say so. */
  {
    g_autoptr(RwAnswer) gb = rw_answer_new (&workload, e, 2, RW_MEMORY_UNITS_GB, RW_CURRENCY_DISPLAY_CODE);

    g_assert_cmpstr (gb->fit[0], ==, "Toy unified: fits in fast memory (0.9 GB of 100.0 GB)");
    g_assert_cmpstr (gb->cost[0], ==,
                     "Toy discrete costs 1,200 USD less to buy than Toy unified (2,800 USD against 4,000 USD)");
  }
}

/* The JSON member scripts read: ids, and null where nothing qualifies. */
static void
test_answer_json (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) unified = fixture_unified ();
  g_autoptr(RwSystem) discrete = fixture_discrete ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate e[2];
  g_autoptr(JsonNode) root = NULL;
  JsonObject *answer, *best;

  estimate (unified, &workload, &e[0]);
  estimate (discrete, &workload, &e[1]);
  root = rw_estimates_to_json (&workload, e, 2);
  answer = json_object_get_object_member (json_node_get_object (root), "answer");
  best = json_object_get_object_member (answer, "best");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (answer, "summary"),
                                   "Toy unified or Toy discrete, depending on what matters most."));
  g_assert_cmpstr (json_object_get_string_member (best, "fit"), ==, "toy-unified");
  g_assert_cmpstr (json_object_get_string_member (best, "decode"), ==, "toy-discrete");
  g_assert_cmpstr (json_object_get_string_member (best, "prefill"), ==, "toy-discrete");
  g_assert_cmpstr (json_object_get_string_member (best, "price"), ==, "toy-discrete");
  g_assert_cmpstr (json_object_get_string_member (best, "tco"), ==, "toy-discrete");
  g_assert_true (json_object_get_null_member (best, "train"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                         "warnings")), ==, 0);
}

/* Llama 3.1 8B full fine-tune: 16 B a parameter alone is 128 GB, far over
 * the discrete build's 10 GB of VRAM. Training never offloads: the answer
 * says what fast memory has, not VRAM + host RAM, and no layer counts as
 * being on the GPU. Nothing qualifies for any "best". */
static void
test_answer_training_does_not_fit (void)
{
  g_autoptr(RwModel) model = fixture_llama_3_1_8b ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) discrete = fixture_discrete ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate e;
  g_autoptr(RwAnswer) answer = NULL;

  workload.mode = RW_MODE_FULL;
  estimate (discrete, &workload, &e);
  g_assert_cmpint (e.fit, ==, RW_FIT_DOES_NOT_FIT);
  g_assert_cmpuint (e.layers_on_device, ==, 0);
  assert_near (e.memory.capacity, 10e9);
  g_assert_true (isnan (e.train_tok_s));

  answer = rw_answer_new (&workload, &e, 1, RW_MEMORY_UNITS_GIB, RW_CURRENCY_DISPLAY_SYMBOL);
  g_assert_cmpstr (answer->headline, ==, "Does not fit on Toy discrete");
  g_assert_true (g_str_has_suffix (answer->fit[0], ", has 9.3 GiB)"));
  for (guint k = 0; k < RW_ANSWER_N; k++)
    g_assert_null (answer->best[k]);
  g_assert_null (answer->speed[0]);
  g_assert_null (answer->cost[0]);
  g_assert_null (answer->choose[0]);
}

/* An expert offload (llama.cpp --n-cpu-moe) is said as such: the experts
 * of N layers in host RAM, not whole layers. The estimate is the toy's on
 * the discrete build, with the placement the core would report. */
static void
test_answer_expert_offload (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) discrete = fixture_discrete ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate e;
  g_autoptr(RwAnswer) answer = NULL;

  estimate (discrete, &workload, &e);
  e.fit = RW_FIT_SPILLS;
  e.placement = RW_PLACEMENT_EXPERT_OFFLOAD;
  e.cpu_moe_layers = 3;
  e.memory.spill = 2.5 * GIB;
  answer = rw_answer_new (&workload, &e, 1, RW_MEMORY_UNITS_GIB, RW_CURRENCY_DISPLAY_SYMBOL);
  g_assert_cmpstr (answer->fit[0], ==,
                   "Toy discrete: runs with the experts of 3 of 4 layers (2.5 GiB) in host RAM, which slows it down");
  g_assert_cmpstr (answer->headline, ==, "Runs on Toy discrete, partly from host RAM");
}

/* Within the estimates' accuracy (10 %), two speeds are "about as fast". */
static void
test_answer_about_the_same (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  g_autoptr(RwSystem) a = fixture_unified ();
  g_autoptr(RwSystem) b = fixture_unified ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  RwEstimate e[2];
  g_autoptr(RwAnswer) answer = NULL;

  g_free (b->id);
  b->id = g_strdup ("toy-unified-b");
  g_free (b->name);
  b->name = g_strdup ("Toy B");
  b->device_bandwidth.value = 210e9;   /* 5 % faster decode: no lead */
  estimate (a, &workload, &e[0]);
  estimate (b, &workload, &e[1]);
  answer = rw_answer_new (&workload, e, 2, RW_MEMORY_UNITS_GIB, RW_CURRENCY_DISPLAY_SYMBOL);
  g_assert_true (g_str_has_prefix (answer->speed[0], "Toy B and Toy unified decode about as fast ("));
  g_assert_cmpstr (answer->cost[0], ==, "Toy unified and Toy B cost the same ($4,000)");
  /* Nothing differs beyond the accuracy: no one leads. */
  g_assert_null (answer->choose[0]);
  g_assert_cmpstr (answer->headline, ==, "The machines are about even for this workload");
}

/* Llama 2 was trained for 4096 tokens: a context of 8192 warns, naming
 * the limit; 4096 does not. */
static void
test_context_limit_warning (void)
{
  g_autoptr(RwModel) model = fixture_toy ();
  g_autoptr(RwFormat) bf16 = fixture_bf16 ();
  RwWorkload workload = fixture_workload (model, bf16, bf16);
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) one = NULL;
  g_auto(GStrv) unknown = NULL;

  model->max_position_embeddings = 4096;
  workload.context = 4096;
  none = rw_workload_dup_warnings (&workload);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  workload.context = 8192;
  one = rw_workload_dup_warnings (&workload);
  g_assert_cmpuint (g_strv_length (one), ==, 1);
  g_assert_cmpstr (one[0], ==,
                   "toy was trained for at most 4,096 tokens of context (max_position_embeddings); "
                   "a context of 8,192 is beyond it, and the model’s output there is unreliable");

  /* A limit the config does not state is no reason to warn. */
  model->max_position_embeddings = 0;
  unknown = rw_workload_dup_warnings (&workload);
  g_assert_cmpuint (g_strv_length (unknown), ==, 0);
}

/* The C locale has no grouping of its own; figures still read "$3,999". */
static void
test_numbers_c_locale (void)
{
  g_autofree char *n = rw_format_number (1234567.891, 2);
  g_autofree char *money = rw_format_money (3999, "USD", 0, RW_CURRENCY_DISPLAY_SYMBOL);
  g_autofree char *code = rw_format_money (3999, "USD", 0, RW_CURRENCY_DISPLAY_CODE);
  g_autofree char *small = rw_format_number (999, 0);
  g_autofree char *neg = rw_format_number (-1234.5, 1);
  g_autofree char *tok = rw_format_tok_s (4.8244);
  g_autofree char *tok_big = rw_format_tok_s (1199.4);
  g_autofree char *ratio = rw_format_ratio (1.5549);
  g_autofree char *tokens = rw_format_tokens (32768);
  g_autofree char *hours = rw_format_duration (3.5 * 3600);
  g_autofree char *gib = rw_format_memory (32.0 * GIB, 0, RW_MEMORY_UNITS_GIB);

  g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, "C");
  g_assert_cmpstr (n, ==, "1,234,567.89");
  g_assert_cmpstr (money, ==, "$3,999");
  g_assert_cmpstr (code, ==, "3,999 USD");
  g_assert_cmpstr (small, ==, "999");
  g_assert_cmpstr (neg, ==, "-1,234.5");
  g_assert_cmpstr (tok, ==, "4.8 tok/s");
  g_assert_cmpstr (tok_big, ==, "1,199 tok/s");
  g_assert_cmpstr (ratio, ==, "1.6×");
  g_assert_cmpstr (tokens, ==, "32K");
  g_assert_cmpstr (hours, ==, "3.5 h");
  /* An "RTX 5090 32 GB" is 32 GiB of VRAM. */
  g_assert_cmpstr (gib, ==, "32 GiB");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/answer/two-systems", test_answer_two_systems);
  g_test_add_func ("/answer/json", test_answer_json);
  g_test_add_func ("/answer/training-does-not-fit", test_answer_training_does_not_fit);
  g_test_add_func ("/answer/about-the-same", test_answer_about_the_same);
  g_test_add_func ("/answer/expert-offload", test_answer_expert_offload);
  g_test_add_func ("/limits/context-warning", test_context_limit_warning);
  g_test_add_func ("/numbers/c-locale", test_numbers_c_locale);

  return g_test_run ();
}
