/* test-cli-export.c: `rigwise-cli export` end to end (the built executable)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rw-render-test.h"

static const char *cli;
static char *tmpdir;

/* Runs rigwise-cli with @args (NULL-terminated); returns the exit status. */
static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (tmpdir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_png_2x_dark (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "fit.png", NULL);
  cairo_surface_t *png;

  g_assert_cmpint (run_cli (&out, &err, "export", "--chart", "memory", "--output", "fit.png",
                            "--model", "llama-3.3-70b", "--weights", "bf16",
                            "--width", "640", "--height", "360", "--scale", "2", "--dark", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "memory chart written to fit.png\n");
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 720);
  /* The dark style's background (#363636, the dark card) in the corner. */
  g_assert_cmphex (test_pixel (png, 0, 0), ==, 0x363636);
  cairo_surface_destroy (png);
}

static void
test_report (void)
{
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "report.pdf", NULL);
  gsize length;

  g_assert_cmpint (run_cli (&out, &err, "export", "--chart", "report", "--output", "report.pdf",
                            "--model", "gpt-oss-120b", "--weights", "mxfp4",
                            "--system", "dgx-spark", "--system", "custom-5090", NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static void
test_svg_default_size (void)
{
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "speed.svg", NULL);

  g_assert_cmpint (run_cli (&out, &err, "export", "--chart", "throughput", "-o", "speed.svg",
                            "--model", "llama-3.1-8b", "--weights", "q4_k_m", NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "width=\"1280px\" height=\"800px\""));
}

/* A bad command line exits with 2 and says what is wrong; nothing is written. */
static void
test_usage_errors (void)
{
  static const char * const cases[][2] = {
    { "pie", "out.png" },        /* unknown chart */
    { "memory", "out.bmp" },     /* unknown extension */
    { "report", "out.png" },     /* the report is a PDF */
  };
  static const char * const messages[] = {
    "--chart: “pie” is not one of memory, cost, throughput, tco, breakeven, validation, report",
    "Cannot tell the format of “out.bmp”",
    "the report is a PDF",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *path = g_build_filename (tmpdir, cases[i][1], NULL);

      g_assert_cmpint (run_cli (&out, &err, "export", "--chart", cases[i][0], "--output", cases[i][1],
                                "--model", "llama-3.1-8b", NULL), ==, 2);
      g_assert_nonnull (strstr (err, messages[i]));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (&out, &err, "export", "--chart", "cost", "--output", "big.png",
                              "--model", "llama-3.1-8b", "--width", "20000", NULL), ==, 2);
    g_assert_nonnull (strstr (err, "Invalid size"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_cli (&out, &err, "export", "--chart", "cost", "--output", "x.png",
                              "--model", "llama-3.1-8b", "--scale", "3", NULL), ==, 2);
    g_assert_nonnull (strstr (err, "--scale"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;

    /* Unwritable: an error (1), not a usage error. */
    g_assert_cmpint (run_cli (&out, &err, "export", "--chart", "cost", "--output",
                              "/nonexistent-rigwise-dir/x.png", "--model", "llama-3.1-8b", NULL), ==, 1);
    g_assert_nonnull (strstr (err, "Could not write"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  /* The executable's path, from meson after the GTest options. */
  g_assert_cmpint (argc, ==, 2);
  cli = argv[1];
  tmpdir = g_dir_make_tmp ("rigwise-cli-export-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli-export/png-2x-dark", test_png_2x_dark);
  g_test_add_func ("/cli-export/report", test_report);
  g_test_add_func ("/cli-export/svg-default-size", test_svg_default_size);
  g_test_add_func ("/cli-export/usage-errors", test_usage_errors);

  status = g_test_run ();

  dir = g_dir_open (tmpdir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
