/* test-export.c: PNG, PDF, SVG files and the report, and export errors
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rw-render-test.h"

static RwCatalog *catalog;
static RwChartData *data;
static char *tmpdir;

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  return g_file_new_for_path (path);
}

static char *
read_all (GFile *file,
          gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, length, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* Page objects in a PDF: "/Type /Page" but not "/Type /Pages". */
static guint
count_pdf_pages (const char *contents,
                 gsize       length)
{
  g_autoptr(GRegex) regex = g_regex_new ("/Type\\s*/Page(?![s])", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match_full (regex, contents, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      n++;
      g_match_info_next (match, NULL);
    }
  return n;
}

/* Binary-safe substring search (PDF streams contain NUL bytes). */
static gboolean
contains_bytes (const char *contents,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_png_scale (void)
{
  g_autoptr(GFile) one = tmp_file ("memory.png");
  g_autoptr(GFile) two = tmp_file ("memory@2x.png");
  g_autoptr(GError) error = NULL;
  g_autofree char *path1 = g_file_get_path (one);
  g_autofree char *path2 = g_file_get_path (two);
  cairo_surface_t *a, *b;

  g_assert_true (rw_export_chart (data, RW_CHART_MEMORY, one, RW_EXPORT_FORMAT_AUTO, 640, 400, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rw_export_chart (data, RW_CHART_MEMORY, two, RW_EXPORT_FORMAT_PNG, 640, 400, 2, NULL, NULL, &error));
  g_assert_no_error (error);

  a = cairo_image_surface_create_from_png (path1);
  b = cairo_image_surface_create_from_png (path2);
  g_assert_cmpint (cairo_surface_status (a), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (a), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (a), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_width (b), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, 800);
  /* Same picture: the background corner is white in both. */
  g_assert_cmphex (test_pixel (a, 0, 0), ==, 0xffffff);
  g_assert_cmphex (test_pixel (b, 1279, 799), ==, 0xffffff);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_pdf_chart (void)
{
  g_autoptr(GFile) file = tmp_file ("cost.PDF");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (rw_export_chart (data, RW_CHART_COST, file, RW_EXPORT_FORMAT_AUTO, 800, 500, 2, NULL, NULL, &error));
  g_assert_no_error (error);
  contents = read_all (file, &length);
  g_assert_true (length > 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_pdf_pages (contents, length), ==, 1);
  /* A vector page of 800 × 500 pt. */
  g_assert_true (contains_bytes (contents, length, "/MediaBox [ 0 0 800 500 ]"));
}

typedef struct
{
  gboolean  seen_root;
  char     *width;
  char     *height;
  guint     n_elements;
} SvgInfo;

static void
svg_start_element_cb (GMarkupParseContext  *context,
                      const char           *element,
                      const char          **names,
                      const char          **values,
                      gpointer              user_data,
                      GError              **error)
{
  SvgInfo *info = user_data;

  info->n_elements++;
  if (info->seen_root)
    return;
  info->seen_root = TRUE;
  g_assert_cmpstr (element, ==, "svg");
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "width"))
        info->width = g_strdup (values[i]);
      else if (g_str_equal (names[i], "height"))
        info->height = g_strdup (values[i]);
    }
}

static void
test_svg_parses (void)
{
  g_autoptr(GFile) file = tmp_file ("tco.svg");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  GMarkupParser parser = { svg_start_element_cb, NULL, NULL, NULL, NULL };
  SvgInfo info = { 0 };
  RwChartStyle dark;
  gsize length;

  rw_chart_style_init_dark (&dark);
  g_assert_true (rw_export_chart (data, RW_CHART_TCO, file, RW_EXPORT_FORMAT_AUTO, 900, 450, 1, &dark, NULL, &error));
  g_assert_no_error (error);
  contents = read_all (file, &length);

  context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_true (info.seen_root);
  g_assert_cmpstr (info.width, ==, "900px");
  g_assert_cmpstr (info.height, ==, "450px");
  g_assert_cmpuint (info.n_elements, >, 20);
  g_free (info.width);
  g_free (info.height);
}

/* The text of @path's page @page (0: every page) by poppler's pdftotext,
 * laid out as on the page; NULL when pdftotext is not installed (setup.sh
 * installs poppler-utils). */
static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status;

  if (pdftotext == NULL)
    return NULL;
  g_strv_builder_add_many (builder, pdftotext, "-layout", NULL);
  if (page > 0)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      g_strv_builder_add_many (builder, "-f", number, "-l", number, NULL);
    }
  g_strv_builder_add_many (builder, path, "-", NULL);
  argv = g_strv_builder_end (builder);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

static void
test_report_pages (void)
{
  g_autoptr(GFile) file = tmp_file ("report.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (rw_export_report (data, file, NULL, &error));
  g_assert_no_error (error);
  contents = read_all (file, &length);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Workload + table, memory, cost, throughput, TCO, rent or buy,
   * predicted vs measured, sources. */
  g_assert_cmpuint (RW_EXPORT_REPORT_N_PAGES, ==, 8);
  g_assert_cmpuint (count_pdf_pages (contents, length), ==, RW_EXPORT_REPORT_N_PAGES);

  /* poppler agrees, when it is installed (setup.sh installs poppler-utils). */
  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, path, NULL };
      g_autofree char *out = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_true (g_regex_match_simple ("^Pages:\\s+8$", out, G_REGEX_MULTILINE, 0));
      g_assert_true (g_regex_match_simple ("^Title:\\s+Rigwise comparison$", out, G_REGEX_MULTILINE, 0));
    }

  /* The table gives decode as the Speed view does, and the sources page
   * tells the build's assumed part prices from published ones. */
  text = pdf_text (path, 0);
  if (text != NULL)
    {
      g_autofree char *first = pdf_text (path, 1);
      const RwAnswer *answer = rw_chart_data_get_answer (data);

      /* Page 1 opens with the answer, as Compare does: the verdict, then
       * the fit, speed, cost and choice lines, before the table. */
      g_autofree char *validation = pdf_text (path, 7);

      /* Page 7: the measured rows of both systems' chips against their
       * predictions, with the count of rows within the bands. */
      g_assert_nonnull (strstr (validation, "Predicted vs measured"));
      g_assert_nonnull (strstr (validation, "llama.cpp rows measured on these systems' chips"));
      g_assert_nonnull (strstr (first, answer->headline));
      g_assert_nonnull (strstr (first, answer->fit[0]));
      g_assert_nonnull (strstr (first, answer->cost[0]));
      g_assert_true (strstr (first, answer->headline) < strstr (first, "Verdict"));
      g_assert_nonnull (strstr (text, "Decode, empty context"));
      g_assert_nonnull (strstr (text, "Decode, 32K in context"));
      g_assert_true (g_regex_match_simple ("Corsair HX1500i.*: 400 USD \\(assumed, no published price\\)",
                                           text, 0, 0));
      g_assert_true (g_regex_match_simple ("Samsung 9100 PRO 4 TB.*: 550 USD, 2025-03", text, 0, 0));
    }

  /* Keep a copy to look at (pdftoppm -png). */
  {
    g_autofree char *artifact = test_artifact_path ("report.pdf");
    g_assert_true (g_file_set_contents (artifact, contents, length, &error));
    g_assert_no_error (error);
  }
}

/* The memory chart follows its data's units: in GiB its axis and labels
 * say GiB, never GB (the PDF keeps the text for pdftotext to read). */
static void
test_memory_chart_units (void)
{
  g_autoptr(RwChartData) gib = test_chart_data (catalog, "llama-3.3-70b", "q4_k_m", 32768,
                                                "dgx-spark", "custom-5090", NULL);
  g_autoptr(GFile) file = tmp_file ("memory-gib.pdf");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  rw_chart_data_set_display (gib, RW_MEMORY_UNITS_GIB, RW_CURRENCY_DISPLAY_SYMBOL);
  g_assert_true (rw_export_chart (gib, RW_CHART_MEMORY, file, RW_EXPORT_FORMAT_PDF, 800, 500, 1,
                                  NULL, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path, 0);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed (Debian: poppler-utils)");
      return;
    }
  /* The axis starts at "0 GiB"; the Spark's usable 101.3 GiB reads 101 GiB. */
  g_assert_true (g_regex_match_simple ("\\b0 GiB\\b", text, 0, 0));
  g_assert_nonnull (strstr (text, "of 101 GiB"));
  g_assert_false (g_regex_match_simple ("[0-9] GB\\b", text, 0, 0));

  /* Keep a copy to look at. */
  {
    g_autofree char *artifact = test_artifact_path ("memory-gib.pdf");
    g_autoptr(GFile) copy = g_file_new_for_path (artifact);

    g_assert_true (g_file_copy (file, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
}

/* Ten systems have more sources than fit one page at a readable size: the
 * sources run on to more pages ("Sources (continued)"), the first pages
 * stay as they are. */
static void
test_report_many_systems (void)
{
  g_autoptr(GPtrArray) systems = g_ptr_array_new ();
  g_autoptr(RwChartData) many = NULL;
  g_autoptr(GFile) file = tmp_file ("many.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *text = NULL;
  RwWorkload workload;
  gsize length;
  guint pages;

  for (guint i = 0; i < rw_catalog_get_n_systems (catalog); i++)
    g_ptr_array_add (systems, rw_catalog_get_system (catalog, i));
  g_assert_cmpuint (systems->len, >=, 10);
  rw_workload_init (&workload);
  workload.model = rw_catalog_lookup_model (catalog, "llama-3.3-70b");
  workload.weights = rw_catalog_lookup_format (catalog, "q4_k_m");
  workload.kv = rw_catalog_lookup_format (catalog, "f16");
  many = rw_chart_data_new (catalog, (RwSystem **) systems->pdata, systems->len, &workload, &error);
  g_assert_no_error (error);

  g_assert_true (rw_export_report (many, file, NULL, &error));
  g_assert_no_error (error);
  contents = read_all (file, &length);
  pages = count_pdf_pages (contents, length);
  g_assert_cmpuint (pages, >, RW_EXPORT_REPORT_N_PAGES);

  text = pdf_text (path, pages);
  if (text != NULL)
    g_assert_nonnull (strstr (text, "Sources (continued)"));
}

/* Replacing an existing file leaves exactly that file: no temporaries. */
static void
test_atomic_replace (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "atomic", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *old = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", 3, &error));

  /* A failed export leaves the old file as it was … */
  g_assert_false (rw_export_chart (data, RW_CHART_MEMORY, file, RW_EXPORT_FORMAT_PNG, 0, 400, 1, NULL, NULL, &error));
  g_assert_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_INVALID_SIZE);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &old, &length, NULL));
  g_assert_cmpstr (old, ==, "old");

  /* … a good one replaces it, and nothing else is left in the directory. */
  g_assert_true (rw_export_chart (data, RW_CHART_MEMORY, file, RW_EXPORT_FORMAT_PNG, 320, 200, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "chart.png");
  g_assert_null (g_dir_read_name (listing));
  {
    g_autofree char *png = read_all (file, &length);
    g_assert_true (memcmp (png, "\x89PNG", 4) == 0);
  }
}

static void
test_errors (void)
{
  static const double bad_sizes[][2] = {
    { 0, 400 }, { 640, -1 }, { NAN, 400 }, { 640, INFINITY }, { 16385, 400 }, { 640, 1e9 },
  };
  g_autoptr(GFile) png = tmp_file ("bad.png");
  g_autoptr(GFile) bmp = tmp_file ("chart.bmp");
  g_autoptr(GFile) bare = tmp_file ("chart");
  g_autoptr(GFile) missing_dir = g_file_new_for_path ("/nonexistent-rigwise-dir/chart.png");
  g_autoptr(GFile) a_directory = g_file_new_for_path (tmpdir);
  g_autoptr(GError) error = NULL;
  RwExportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (bad_sizes); i++)
    {
      g_assert_false (rw_export_chart (data, RW_CHART_MEMORY, png, RW_EXPORT_FORMAT_AUTO,
                                       bad_sizes[i][0], bad_sizes[i][1], 1, NULL, NULL, &error));
      g_assert_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_INVALID_SIZE);
      g_clear_error (&error);
    }
  /* 10000 px at 2× is 20000 px: too big for a PNG, fine for a PDF. */
  g_assert_false (rw_export_chart (data, RW_CHART_MEMORY, png, RW_EXPORT_FORMAT_AUTO, 10000, 100, 2, NULL, NULL, &error));
  g_assert_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_INVALID_SIZE);
  g_clear_error (&error);
  g_assert_false (rw_export_chart (data, RW_CHART_MEMORY, png, RW_EXPORT_FORMAT_AUTO, 640, 400, 0, NULL, NULL, &error));
  g_assert_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_INVALID_SIZE);
  g_clear_error (&error);
  g_assert_false (rw_export_chart (data, RW_CHART_MEMORY, png, RW_EXPORT_FORMAT_AUTO, 640, 400, NAN, NULL, NULL, &error));
  g_assert_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_INVALID_SIZE);
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (png, NULL));

  g_assert_false (rw_export_chart (data, RW_CHART_MEMORY, bmp, RW_EXPORT_FORMAT_AUTO, 640, 400, 1, NULL, NULL, &error));
  g_assert_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "chart.bmp"));
  g_clear_error (&error);
  g_assert_false (rw_export_format_from_path ("chart", &format, &error));
  g_assert_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);
  g_assert_false (rw_export_chart (data, RW_CHART_MEMORY, bare, RW_EXPORT_FORMAT_AUTO, 640, 400, 1, NULL, NULL, &error));
  g_assert_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);
  g_assert_true (rw_export_format_from_path ("/a.b/Chart.Svg", &format, &error));
  g_assert_cmpint (format, ==, RW_EXPORT_FORMAT_SVG);

  /* Unwritable: a directory that does not exist, and a directory itself. */
  g_assert_false (rw_export_chart (data, RW_CHART_MEMORY, missing_dir, RW_EXPORT_FORMAT_PNG, 320, 200, 1, NULL, NULL, &error));
  g_assert_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent-rigwise-dir/chart.png"));
  g_clear_error (&error);
  g_assert_false (rw_export_chart (data, RW_CHART_MEMORY, a_directory, RW_EXPORT_FORMAT_PNG, 320, 200, 1, NULL, NULL, &error));
  g_assert_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (rw_export_report (data, missing_dir, NULL, &error));
  g_assert_error (error, RW_EXPORT_ERROR, RW_EXPORT_ERROR_IO);
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        rm_rf (child);
      }
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  catalog = test_catalog ();
  data = test_chart_data (catalog, "llama-3.3-70b", "q4_k_m", 32768, "dgx-spark", "custom-5090", NULL);
  tmpdir = g_dir_make_tmp ("rigwise-export-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/export/png-scale", test_png_scale);
  g_test_add_func ("/export/pdf-chart", test_pdf_chart);
  g_test_add_func ("/export/svg-parses", test_svg_parses);
  g_test_add_func ("/export/report-pages", test_report_pages);
  g_test_add_func ("/export/memory-chart-units", test_memory_chart_units);
  g_test_add_func ("/export/report-many-systems", test_report_many_systems);
  g_test_add_func ("/export/atomic-replace", test_atomic_replace);
  g_test_add_func ("/export/errors", test_errors);

  status = g_test_run ();
  rm_rf (tmpdir);
  g_free (tmpdir);
  rw_chart_data_unref (data);
  g_clear_object (&catalog);
  return status;
}
