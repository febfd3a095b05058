/* fuzz-price-feed.c: libFuzzer target for the price feed and cache parsers
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built and run by tests/fuzz/run.sh (clang -fsanitize=fuzzer,address,
 * undefined). Whatever a server sends, the parser must return a feed or a
 * GError, never crash, hang, leak or read out of bounds; and a feed it
 * returns must hold only what the schema allows.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "rw-price-cache.h"
#include "rw-price-feed.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_feed (RwPriceFeed *feed)
{
  g_autoptr(GHashTable) snapshot = g_hash_table_new (g_str_hash, g_str_equal);

  if (feed->items->len == 0)
    abort ();
  for (guint i = 0; i < feed->items->len; i++)
    {
      RwPriceFeedItem *item = feed->items->pdata[i];

      if (!isfinite (item->price) || item->price <= 0 || item->price >= RW_PRICE_FEED_MAX_PRICE)
        abort ();
      if (item->id == NULL || item->url == NULL || item->date == NULL)
        abort ();
      if (!g_str_has_prefix (item->url, "https://"))
        abort ();
    }
  for (guint i = 0; i < feed->issues->len; i++)
    {
      RwPriceFeedIssue *issue = feed->issues->pdata[i];

      if (issue->error == NULL || issue->error->domain != RW_PRICE_FEED_ERROR)
        abort ();
    }
  if (!rw_price_feed_currency_is_known (feed->currency))
    abort ();

  /* Half the items known, in the feed's currency: selection keeps those. */
  for (guint i = 0; i < feed->items->len; i += 2)
    g_hash_table_insert (snapshot, ((RwPriceFeedItem *) feed->items->pdata[i])->id, feed->currency);
  if (!rw_price_feed_select (feed, snapshot, NULL))
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GError *error = NULL;
  RwPriceCacheEntry *entry;
  RwPriceFeed *feed;

  /* The cache file is read back at every start: it must be as robust. */
  entry = rw_price_cache_parse ((const char *) data, size, "fuzz", &error);
  if (entry == NULL)
    {
      if (error == NULL || error->message == NULL)
        abort ();
      g_clear_error (&error);
    }
  else
    {
      if (error != NULL || entry->feed == NULL || entry->url == NULL || entry->fetched_at == NULL)
        abort ();
      check_feed (entry->feed);
      rw_price_cache_entry_free (entry);
    }

  feed = rw_price_feed_new_from_data ((const char *) data, size, &error);
  if (feed == NULL)
    {
      if (error == NULL || error->domain != RW_PRICE_FEED_ERROR || error->message == NULL)
        abort ();
      g_error_free (error);
      return 0;
    }
  if (error != NULL)
    abort ();
  check_feed (feed);
  rw_price_feed_free (feed);
  return 0;
}
