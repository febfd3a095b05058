/* test-price-example.c: data/price-feed.example.json against the bundled catalog
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rw-price-feed.h"

static void
test_example_is_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwCatalog) catalog = rw_catalog_new_default (&error);
  g_autoptr(RwPriceFeed) feed = NULL;
  g_autoptr(GHashTable) in_feed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = g_build_filename (rw_catalog_get_data_dir (), "price-feed.example.json", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) ids = NULL;
  gsize length = 0;
  guint n_applied = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  g_assert_no_error (error);

  feed = rw_price_feed_new_from_data (text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feed->issues->len, ==, 0);
  g_assert_cmpstr (feed->currency, ==, "USD");

  /* Every priced item of the bundled catalog, and nothing else. */
  ids = rw_catalog_list_price_items (catalog);
  for (guint i = 0; i < feed->items->len; i++)
    g_hash_table_add (in_feed, ((RwPriceFeedItem *) feed->items->pdata[i])->id);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (!g_hash_table_contains (in_feed, ids[i]))
        g_error ("the example feed has no price for the catalog's “%s”", ids[i]);
    }
  g_assert_cmpuint (feed->items->len, ==, g_strv_length (ids));

  g_assert_true (rw_price_feed_apply (feed, catalog, &n_applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_applied, ==, g_strv_length (ids));
  g_assert_cmpuint (feed->issues->len, ==, 0);

  /* The example restates the bundle: same value, source and date. */
  for (guint i = 0; i < feed->items->len; i++)
    {
      RwPriceFeedItem *item = feed->items->pdata[i];
      RwPriceOrigin origin;
      const RwFigure *figure = rw_catalog_get_price (catalog, item->id, &origin);

      g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
      g_assert_cmpfloat (figure->value, ==, item->price);
      g_assert_cmpstr (figure->source, ==, item->url);
      g_assert_cmpstr (figure->date, ==, item->date);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/price-feed/example-is-complete", test_example_is_complete);

  return g_test_run ();
}
