/* test-cli-workload.c: rigwise-cli's value parsing, suggestions and
 * synthetic models, linked directly
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "rw-cli-workload.h"

static void
test_parse_uint (void)
{
  static const char * const bad[] = { "", "-5", "+5", " 5", "5 ", "5x", "0x10", "1e3", "nan", "inf", "4294967296" };
  g_autoptr(GError) error = NULL;
  guint value = 0;

  g_assert_true (rw_cli_parse_uint ("--context", "8192", FALSE, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (value, ==, 8192);
  g_assert_true (rw_cli_parse_uint ("--depth", "0", TRUE, &value, &error));
  g_assert_cmpuint (value, ==, 0);
  g_assert_true (rw_cli_parse_uint ("--context", "4294967295", FALSE, &value, &error));
  g_assert_cmpuint (value, ==, G_MAXUINT);

  g_assert_false (rw_cli_parse_uint ("--context", "0", FALSE, &value, &error));
  g_assert_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE);
  g_assert_cmpstr (error->message, ==, "--context: “0” is not a positive integer");
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (rw_cli_parse_uint ("--batch", bad[i], TRUE, &value, &error));
      g_assert_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE);
      g_assert_true (g_str_has_prefix (error->message, "--batch: “"));
      g_clear_error (&error);
    }
}

static void
test_parse_double (void)
{
  static const char * const bad[] = { "", "nan", "NaN", "inf", "-inf", "infinity", "0x1p3", " 1", "1 ", "1,5", "1e999", "e", "." };
  g_autoptr(GError) error = NULL;
  double value = 0;

  g_assert_true (rw_cli_parse_double ("--params", "70.6", 0, FALSE, 1e5, &value, &error));
  g_assert_cmpfloat (value, ==, 70.6);
  g_assert_true (rw_cli_parse_double ("--params", "1e3", 0, FALSE, 1e5, &value, &error));
  g_assert_cmpfloat (value, ==, 1000);
  /* Inclusive and exclusive bounds. */
  g_assert_true (rw_cli_parse_double ("--electricity-price", "0", 0, TRUE, 1000, &value, &error));
  g_assert_cmpfloat (value, ==, 0);
  g_assert_true (rw_cli_parse_double ("--hours-per-day", "24", 0, TRUE, 24, &value, &error));
  g_assert_no_error (error);

  g_assert_false (rw_cli_parse_double ("--years", "0", 0, FALSE, 100, &value, &error));
  g_assert_cmpstr (error->message, ==, "--years: “0” is not a number above 0");
  g_clear_error (&error);
  g_assert_false (rw_cli_parse_double ("--electricity-price", "-0.1", 0, TRUE, 1000, &value, &error));
  g_assert_cmpstr (error->message, ==, "--electricity-price: “-0.1” is not a number of at least 0");
  g_clear_error (&error);
  g_assert_false (rw_cli_parse_double ("--hours-per-day", "24.5", 0, TRUE, 24, &value, &error));
  g_assert_cmpstr (error->message, ==, "--hours-per-day: “24.5” is more than 24");
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *expected = g_strdup_printf ("--params: “%s” is not a number", bad[i]);

      g_assert_false (rw_cli_parse_double ("--params", bad[i], 0, FALSE, 1e5, &value, &error));
      g_assert_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
    }
}

static void
test_suggestions (void)
{
  static const char * const known[] = { "dgx-spark", "custom-5090", "custom-4090", NULL };
  g_autoptr(GError) error = NULL;

  /* The textbook pair: kitten → sitting is 3 edits. */
  g_assert_cmpuint (rw_cli_edit_distance ("kitten", "sitting"), ==, 3);
  g_assert_cmpuint (rw_cli_edit_distance ("", "abc"), ==, 3);
  g_assert_cmpuint (rw_cli_edit_distance ("DGX-Spark", "dgx-spark"), ==, 0);

  rw_cli_set_unknown_id_error (&error, "--system", "system", "custom-5909", known);
  g_assert_cmpstr (error->message, ==, "--system: unknown system “custom-5909”; did you mean “custom-5090”?");
  g_clear_error (&error);
  /* A prefix is a good enough hint. */
  rw_cli_set_unknown_id_error (&error, "--system", "system", "dgx", known);
  g_assert_cmpstr (error->message, ==, "--system: unknown system “dgx”; did you mean “dgx-spark”?");
  g_clear_error (&error);
  rw_cli_set_unknown_id_error (&error, "--system", "system", "mac-studio", known);
  g_assert_cmpstr (error->message, ==, "--system: unknown system “mac-studio” (see “rigwise-cli list systems”)");
}

/* The synthetic model matches the requested count: the MLP width is the
 * only free integer, so the total is off by less than half of one unit of
 * it, 3·h·L / 2 parameters. */
static void
test_synthetic_dense (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwModel) m = rw_cli_synthetic_model (8e9, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  /* Llama 3 8B's own shape comes back: 4096 hidden, 32 layers, 32/8 heads. */
  g_assert_cmpuint (m->hidden_size, ==, 4096);
  g_assert_cmpuint (m->n_layers, ==, 32);
  g_assert_cmpuint (m->n_heads, ==, 32);
  g_assert_cmpuint (m->n_kv_heads, ==, 8);
  g_assert_cmpuint (m->head_dim, ==, 128);
  g_assert_false (rw_model_is_moe (m));
  g_assert_cmpfloat (fabs (rw_model_total_params (m) - 8e9), <=, 3.0 * 4096 * 32 / 2);
}

static void
test_synthetic_moe (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwModel) m = rw_cli_synthetic_model (120e9, 5e9, &error);
  double expert;

  g_assert_no_error (error);
  g_assert_true (rw_model_is_moe (m));
  g_assert_cmpuint (m->n_experts_active, ==, 4);
  /* Active count: the MLP-width correction, as for a dense model (the
   * router, h·E a layer, is not in the correction; a few M here). */
  g_assert_cmpfloat (fabs (rw_model_active_params (m) - 5e9) / 5e9, <, 0.01);
  /* Total: whole experts, so within half an expert (3·h·w·L / 2) plus the
   * router. */
  expert = 3.0 * m->hidden_size * m->moe_intermediate_size * m->n_layers;
  g_assert_cmpfloat (fabs (rw_model_total_params (m) - 120e9), <=, expert / 2 + 1.0 * m->hidden_size * m->n_experts * m->n_layers);
}

static void
test_synthetic_too_small (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwModel) m = rw_cli_synthetic_model (1e6, 0, &error);

  g_assert_null (m);
  g_assert_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-workload/parse-uint", test_parse_uint);
  g_test_add_func ("/cli-workload/parse-double", test_parse_double);
  g_test_add_func ("/cli-workload/suggestions", test_suggestions);
  g_test_add_func ("/cli-workload/synthetic-dense", test_synthetic_dense);
  g_test_add_func ("/cli-workload/synthetic-moe", test_synthetic_moe);
  g_test_add_func ("/cli-workload/synthetic-too-small", test_synthetic_too_small);
  return g_test_run ();
}
