/* rw-price-refresher.h: refreshes the catalog's feed prices, off the main thread
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-catalog.h"
#include "rw-price-cache.h"
#include "rw-price-feed.h"
#include "rw-price-fetch.h"

G_BEGIN_DECLS

/* The outcome of a refresh that succeeded. */
typedef struct
{
  gboolean   unchanged;    /* the server confirmed the cached feed (304) */
  guint      n_applied;    /* prices now in the feed layer */
  char      *date;         /* the feed's date */
  char      *source_name;
  char      *currency;
  GPtrArray *issues;       /* char*: items skipped, and why */
} RwPriceRefreshReport;

void rw_price_refresh_report_free (RwPriceRefreshReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwPriceRefreshReport, rw_price_refresh_report_free)

#define RW_TYPE_PRICE_REFRESHER (rw_price_refresher_get_type ())
G_DECLARE_FINAL_TYPE (RwPriceRefresher, rw_price_refresher, RW, PRICE_REFRESHER, GObject)

/* @cache_path: NULL for rw_price_cache_get_default_path(). */
RwPriceRefresher *rw_price_refresher_new              (RwCatalog             *catalog,
                                                       const char            *cache_path);
RwCatalog        *rw_price_refresher_get_catalog      (RwPriceRefresher      *self);
const char       *rw_price_refresher_get_cache_path   (RwPriceRefresher      *self);

/* For tests: shorter timeouts, a smaller body cap. */
void              rw_price_refresher_set_limits       (RwPriceRefresher      *self,
                                                       const RwPriceFetchLimits *limits);

/* On start: overlays the cached feed, if there is a valid one, on the
 * bundled prices. FALSE with G_IO_ERROR_NOT_FOUND when there is none, or
 * RW_PRICE_FEED_ERROR_CACHE when it is unusable (prices stay bundled). Does
 * blocking file I/O of at most a few MiB. */
gboolean          rw_price_refresher_load_cache       (RwPriceRefresher      *self,
                                                       GError               **error);

/* Fetches @url in a worker thread, validates, caches and only then applies
 * it to the catalog's FEED layer (on the calling thread). Any failure
 * leaves the cache and the catalog exactly as they were. */
void              rw_price_refresher_refresh_async    (RwPriceRefresher      *self,
                                                       const char            *url,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
RwPriceRefreshReport *rw_price_refresher_refresh_finish (RwPriceRefresher    *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);

gboolean          rw_price_refresher_get_busy         (RwPriceRefresher      *self);
/* 0…1, or -1 while the size is unknown. */
double            rw_price_refresher_get_progress     (RwPriceRefresher      *self);
/* One line: which prices are in use, from which source and date. */
const char       *rw_price_refresher_get_status       (RwPriceRefresher      *self);

/* The feed in use, or NULLs when only bundled (and user) prices are. */
const char       *rw_price_refresher_get_feed_source  (RwPriceRefresher      *self);
const char       *rw_price_refresher_get_feed_date    (RwPriceRefresher      *self);
const char       *rw_price_refresher_get_feed_url     (RwPriceRefresher      *self);
GDateTime        *rw_price_refresher_get_fetched_at   (RwPriceRefresher      *self);

/* How many price items are in use from each origin. */
void              rw_price_refresher_count_origins    (RwPriceRefresher      *self,
                                                       guint                  counts[3]);

/* Recomputes the status, e.g. after the user edited a price. */
void              rw_price_refresher_update_status    (RwPriceRefresher      *self);

G_END_DECLS
