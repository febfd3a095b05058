/* rw-price-feed-apply.c: a price feed against the catalog
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept apart from the parser so the fuzz target builds the parser alone.
 */
#include <string.h>

#include "rw-price-feed.h"
#include "rw-price-feed-private.h"

/* The currency an item is priced in: its system's, or that of the first
 * system using the component. "" if the catalog does not say. */
static const char *
item_currency (RwCatalog  *catalog,
               const char *id)
{
  RwSystem *system = rw_catalog_lookup_system (catalog, id);
  guint n;

  if (system != NULL)
    return system->currency != NULL ? system->currency : "";
  n = rw_catalog_get_n_systems (catalog);
  for (guint i = 0; i < n; i++)
    {
      RwSystem *s = rw_catalog_get_system (catalog, i);

      if (s == NULL || s->components == NULL)
        continue;
      for (guint j = 0; j < s->components->len; j++)
        {
          RwComponent *component = s->components->pdata[j];

          if (g_strcmp0 (component->id, id) == 0)
            return s->currency != NULL ? s->currency : "";
        }
    }
  return "";
}

GHashTable *
rw_price_feed_catalog_snapshot (RwCatalog *catalog)
{
  g_auto(GStrv) ids = NULL;
  GHashTable *snapshot;

  g_return_val_if_fail (RW_IS_CATALOG (catalog), NULL);

  snapshot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ids = rw_catalog_list_price_items (catalog);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_insert (snapshot, g_strdup (ids[i]), g_strdup (item_currency (catalog, ids[i])));
  return snapshot;
}

gboolean
rw_price_feed_apply (RwPriceFeed  *feed,
                     RwCatalog    *catalog,
                     guint        *n_applied,
                     GError      **error)
{
  g_autoptr(GHashTable) snapshot = NULL;
  g_autofree char *note = NULL;
  guint n_set = 0;

  g_return_val_if_fail (feed != NULL, FALSE);
  g_return_val_if_fail (RW_IS_CATALOG (catalog), FALSE);

  snapshot = rw_price_feed_catalog_snapshot (catalog);
  if (!rw_price_feed_select (feed, snapshot, error))
    return FALSE;

  /* The whole feed layer is replaced: an item the new feed no longer lists
   * falls back to the bundled price. */
  rw_catalog_clear_prices (catalog, RW_PRICE_ORIGIN_FEED);
  note = g_strdup_printf ("Price feed “%s”", feed->source_name);
  for (guint i = 0; i < feed->items->len; i++)
    {
      RwPriceFeedItem *item = feed->items->pdata[i];
      g_autoptr(GError) local_error = NULL;
      RwFigure figure = { 0 };

      rw_figure_set (&figure, item->price, item->url, item->date, note, FALSE);
      if (rw_catalog_set_price (catalog, item->id, RW_PRICE_ORIGIN_FEED, &figure, &local_error))
        n_set++;
      else
        _rw_price_feed_add_issue (feed, item->index, item->id, g_steal_pointer (&local_error));
      rw_figure_clear (&figure);
    }

  if (n_applied != NULL)
    *n_applied = n_set;
  return TRUE;
}
