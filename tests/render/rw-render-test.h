/* rw-render-test.h: catalog workloads, pixels and artifacts for the render tests
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "rigwise-core.h"
#include "rigwise-render.h"
#include "rw-render-private.h"

/* The bundled catalog ($RIGWISE_DATADIR from the test environment). */
static inline RwCatalog *
test_catalog (void)
{
  g_autoptr(GError) error = NULL;
  RwCatalog *catalog = rw_catalog_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

/* Chart data for @model_id with @weights_id weights, an F16 KV cache and
 * @context tokens on the NULL-terminated system ids. */
static inline RwChartData *
test_chart_data (RwCatalog  *catalog,
                 const char *model_id,
                 const char *weights_id,
                 guint       context,
                 ...)
{
  g_autoptr(GPtrArray) systems = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  RwWorkload workload;
  RwChartData *data;
  const char *id;
  va_list args;

  rw_workload_init (&workload);
  workload.model = rw_catalog_lookup_model (catalog, model_id);
  workload.weights = rw_catalog_lookup_format (catalog, weights_id);
  workload.kv = rw_catalog_lookup_format (catalog, "f16");
  workload.context = context;
  g_assert_nonnull (workload.model);
  g_assert_nonnull (workload.weights);
  g_assert_nonnull (workload.kv);

  va_start (args, context);
  while ((id = va_arg (args, const char *)) != NULL)
    {
      RwSystem *system = rw_catalog_lookup_system (catalog, id);

      g_assert_nonnull (system);
      g_ptr_array_add (systems, system);
    }
  va_end (args);

  data = rw_chart_data_new (catalog, (RwSystem **) systems->pdata, systems->len, &workload, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

/* Renders @kind into a new opaque image of @width × @height at @scale. */
static inline cairo_surface_t *
test_render (const RwChartData  *data,
             RwChartKind         kind,
             int                 width,
             int                 height,
             double              scale,
             const RwChartStyle *style,
             RwChartGeometry    *geometry)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) (width * scale), (int) (height * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  _rw_render_chart_full (data, kind, cr, width, height, style, geometry);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The colour at device pixel (x, y), as 0xRRGGBB (charts are opaque). */
static inline guint32
test_pixel (cairo_surface_t *surface,
            double           x,
            double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const guint8 *row;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  row = cairo_image_surface_get_data (surface) + iy * cairo_image_surface_get_stride (surface);
  return ((const guint32 *) row)[ix] & 0xffffff;
}

static inline guint32
test_rgb (const RwColor *color)
{
  return ((guint32) round (color->red * 255) << 16) |
         ((guint32) round (color->green * 255) << 8) |
         (guint32) round (color->blue * 255);
}

/* Each channel within @tolerance. */
static inline gboolean
test_color_near (guint32 a,
                 guint32 b,
                 int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

/* How many pixels on row @y from @x0 to @x1 (exclusive) are near @color. */
static inline guint
test_count_row (cairo_surface_t *surface,
                double           y,
                double           x0,
                double           x1,
                guint32          color)
{
  guint n = 0;

  for (int x = (int) ceil (x0); x < (int) floor (x1); x++)
    if (test_color_near (test_pixel (surface, x, y), color, 6))
      n++;
  return n;
}

/* <builddir>/tests/artifacts/@name, created as needed. */
static inline char *
test_artifact_path (const char *name)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir != NULL ? builddir : ".", "artifacts", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static inline void
test_save_artifact (cairo_surface_t *surface,
                    const char      *name)
{
  g_autofree char *path = test_artifact_path (name);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}
