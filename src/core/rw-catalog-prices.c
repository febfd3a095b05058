/* rw-catalog-prices.c: price layers
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each priced item (a prebuilt system or a component) has a figure per
 * origin: bundled < feed < yours. The highest set is the price in use and
 * is copied into every system that uses the item.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rw-catalog-private.h"

void
rw_price_item_free (RwPriceItem *item)
{
  for (guint i = 0; i <= RW_PRICE_ORIGIN_USER; i++)
    rw_figure_clear (&item->layer[i]);
  g_free (item->currency);
  g_free (item);
}

RwPriceItem *
rw_catalog_ensure_price_item (RwCatalog  *self,
                              const char *item_id,
                              const char *currency)
{
  RwPriceItem *item = g_hash_table_lookup (self->prices, item_id);

  if (item == NULL)
    {
      item = g_new0 (RwPriceItem, 1);
      g_hash_table_insert (self->prices, g_strdup (item_id), item);
    }
  if (currency != NULL && g_strcmp0 (item->currency, currency) != 0)
    {
      g_free (item->currency);
      item->currency = g_strdup (currency);
    }
  return item;
}

static const RwFigure *
price_in_use (RwPriceItem   *item,
              RwPriceOrigin *origin)
{
  for (int o = RW_PRICE_ORIGIN_USER; o >= RW_PRICE_ORIGIN_BUNDLED; o--)
    {
      if (item->set[o])
        {
          if (origin != NULL)
            *origin = (RwPriceOrigin) o;
          return &item->layer[o];
        }
    }
  return NULL;
}

void
rw_price_item_set_layer (RwPriceItem    *item,
                         RwPriceOrigin   origin,
                         const RwFigure *price)
{
  rw_figure_copy_into (&item->layer[origin], price);
  item->set[origin] = TRUE;
}

/* A price from a catalog file: the bundle's price, or for a user file the
 * user's own (which a feed never replaces); a user-only item also gets it
 * as its base so clearing the user's edits keeps it priced. */
void
rw_catalog_set_file_price (RwCatalog      *self,
                           const char     *item_id,
                           const char     *currency,
                           const RwFigure *price,
                           gboolean        user_defined)
{
  RwPriceItem *item = rw_catalog_ensure_price_item (self, item_id, currency);

  if (!user_defined || !item->set[RW_PRICE_ORIGIN_BUNDLED])
    rw_price_item_set_layer (item, RW_PRICE_ORIGIN_BUNDLED, price);
  if (user_defined)
    rw_price_item_set_layer (item, RW_PRICE_ORIGIN_USER, price);
}

/* Copies the price in use of every item into the systems that use it. */
void
rw_catalog_apply_prices (RwCatalog *self)
{
  for (guint i = 0; i < self->systems->len; i++)
    {
      RwSystem *system = g_ptr_array_index (self->systems, i);

      if (system->components->len == 0)
        {
          RwPriceItem *item = g_hash_table_lookup (self->prices, system->id);
          const RwFigure *price = item != NULL ? price_in_use (item, NULL) : NULL;

          if (price != NULL)
            rw_figure_copy_into (rw_system_is_cloud (system) ? &system->price_per_hour
                                                             : &system->price, price);
          continue;
        }
      for (guint j = 0; j < system->components->len; j++)
        {
          RwComponent *component = g_ptr_array_index (system->components, j);
          RwPriceItem *item = g_hash_table_lookup (self->prices, component->id);
          const RwFigure *price = item != NULL ? price_in_use (item, NULL) : NULL;

          if (price != NULL)
            rw_figure_copy_into (&component->price, price);
        }
    }
}
static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}
gboolean
rw_catalog_set_price (RwCatalog       *self,
                      const char      *item_id,
                      RwPriceOrigin    origin,
                      const RwFigure  *price,
                      GError         **error)
{
  RwPriceItem *item;

  g_return_val_if_fail (RW_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  g_return_val_if_fail (origin <= RW_PRICE_ORIGIN_USER, FALSE);
  g_return_val_if_fail (price != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  item = g_hash_table_lookup (self->prices, item_id);
  if (item == NULL)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_UNKNOWN_ID,
                   "price for “%s”: no system or component with that id", item_id);
      return FALSE;
    }
  if (!isfinite (price->value) || price->value <= 0)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE,
                   "price for “%s”: %g is not a positive amount", item_id, price->value);
      return FALSE;
    }
  if (price->source == NULL || !rw_field_is_url (price->source) || price->date == NULL
      || !rw_field_is_date (price->date, FALSE))
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_NO_SOURCE,
                   "price for “%s”: needs a source URL and a date (YYYY-MM or YYYY-MM-DD)",
                   item_id);
      return FALSE;
    }

  rw_price_item_set_layer (item, origin, price);
  rw_catalog_apply_prices (self);
  return TRUE;
}

void
rw_catalog_clear_prices (RwCatalog     *self,
                         RwPriceOrigin  origin)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (RW_IS_CATALOG (self));
  /* The bundle is the floor every item falls back to. */
  g_return_if_fail (origin != RW_PRICE_ORIGIN_BUNDLED);
  g_return_if_fail (origin <= RW_PRICE_ORIGIN_USER);

  g_hash_table_iter_init (&iter, self->prices);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RwPriceItem *item = value;

      if (item->set[origin])
        {
          rw_figure_clear (&item->layer[origin]);
          item->set[origin] = FALSE;
        }
    }
  rw_catalog_apply_prices (self);
}

/* A system's own price item: its purchase price, or for a cloud system
 * its hourly price. An item that changes unit (a user file turning an
 * owned system into a cloud one) starts afresh. */
void
rw_catalog_set_system_price (RwCatalog      *self,
                             const RwSystem *system,
                             gboolean        from_file,
                             gboolean        user_defined)
{
  gboolean hourly = rw_system_is_cloud (system);
  const RwFigure *price = hourly ? &system->price_per_hour : &system->price;
  RwPriceItem *item = g_hash_table_lookup (self->prices, system->id);

  if (item != NULL && item->hourly != hourly)
    {
      g_hash_table_remove (self->prices, system->id);
      item = NULL;
    }
  if (from_file)
    rw_catalog_set_file_price (self, system->id, system->currency, price, user_defined);
  else if (item == NULL && rw_figure_is_known (price))
    rw_price_item_set_layer (rw_catalog_ensure_price_item (self, system->id, system->currency),
                             RW_PRICE_ORIGIN_BUNDLED, price);
  item = g_hash_table_lookup (self->prices, system->id);
  if (item != NULL)
    item->hourly = hourly;
}

gboolean
rw_catalog_price_is_hourly (RwCatalog  *self,
                            const char *item_id)
{
  RwPriceItem *item;

  g_return_val_if_fail (RW_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  item = g_hash_table_lookup (self->prices, item_id);
  return item != NULL && item->hourly;
}

gboolean
rw_catalog_has_price_item (RwCatalog  *self,
                           const char *item_id)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  return g_hash_table_contains (self->prices, item_id);
}

const RwFigure *
rw_catalog_get_price (RwCatalog     *self,
                      const char    *item_id,
                      RwPriceOrigin *origin)
{
  RwPriceItem *item;

  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  item = g_hash_table_lookup (self->prices, item_id);
  if (item == NULL)
    return NULL;
  return price_in_use (item, origin);
}

char **
rw_catalog_list_price_items (RwCatalog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);

  g_hash_table_iter_init (&iter, self->prices);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (builder, key);
  items = g_strv_builder_end (builder);
  qsort (items, g_strv_length (items), sizeof (char *), compare_strings);
  return g_steal_pointer (&items);
}
