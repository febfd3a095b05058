/* rw-test-catalog.h: a small catalog with known prices for the net tests
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bundled prices (USD):
 *   dgx-spark            3999  (a prebuilt system)
 *   custom-5090          = rtx-5090 1999 + ryzen-9-9950x3d 699 + 2 × ddr5-64gb 300 = 3298
 */
#pragma once

#include "rw-catalog.h"
#include "rw-system.h"

static inline void
rw_test_add_component (RwSystem   *system,
                       const char *id,
                       const char *kind,
                       guint       quantity,
                       double      price)
{
  RwComponent *component = rw_component_new ();

  component->id = g_strdup (id);
  component->kind = g_strdup (kind);
  component->name = g_strdup (id);
  component->quantity = quantity;
  rw_figure_set (&component->price, price, "https://example.com/bundled", "2026-01", NULL, FALSE);
  g_ptr_array_add (system->components, component);
}

static inline RwCatalog *
rw_test_catalog_new (const char *currency)
{
  RwCatalog *catalog = rw_catalog_new ();
  RwSystem *spark = rw_system_new ();
  RwSystem *custom = rw_system_new ();

  spark->id = g_strdup ("dgx-spark");
  spark->name = g_strdup ("NVIDIA DGX Spark");
  spark->short_name = g_strdup ("DGX Spark");
  spark->currency = g_strdup (currency);
  rw_figure_set (&spark->price, 3999, "https://example.com/bundled", "2025-10-15", NULL, FALSE);
  rw_catalog_add_system (catalog, spark);
  rw_system_unref (spark);

  custom->id = g_strdup ("custom-5090");
  custom->name = g_strdup ("Custom RTX 5090 build");
  custom->short_name = g_strdup ("RTX 5090 build");
  custom->memory_model = RW_MEMORY_DISCRETE;
  custom->currency = g_strdup (currency);
  rw_test_add_component (custom, "rtx-5090", "gpu", 1, 1999);
  rw_test_add_component (custom, "ryzen-9-9950x3d", "cpu", 1, 699);
  rw_test_add_component (custom, "ddr5-64gb", "ram", 2, 300);
  rw_catalog_add_system (catalog, custom);
  rw_system_unref (custom);

  return catalog;
}

/* The price in use for @id and its origin. */
static inline double
rw_test_price (RwCatalog     *catalog,
               const char    *id,
               RwPriceOrigin *origin)
{
  const RwFigure *figure = rw_catalog_get_price (catalog, id, origin);

  g_assert_nonnull (figure);
  return figure->value;
}
