/* rw-price-feed.h: parsing, validating and applying a price feed
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rw-catalog.h"

G_BEGIN_DECLS

/* Every way a price refresh can fail, from the URL to the last item. The
 * fetch, the parser, the cache and the refresher all report in this domain;
 * cancelling gives G_IO_ERROR_CANCELLED, as everywhere in GIO, so callers
 * can ignore it with one check. */
#define RW_PRICE_FEED_ERROR (rw_price_feed_error_quark ())
typedef enum
{
  RW_PRICE_FEED_ERROR_INSECURE_URL,        /* not https (plain http only to 127.0.0.0/8 or ::1), or not a URL */
  RW_PRICE_FEED_ERROR_DNS,                 /* the host name did not resolve */
  RW_PRICE_FEED_ERROR_CONNECT,             /* refused or unreachable */
  RW_PRICE_FEED_ERROR_TLS,                 /* handshake or certificate verification failed */
  RW_PRICE_FEED_ERROR_TIMEOUT,             /* connect, total or low-speed limit hit */
  RW_PRICE_FEED_ERROR_NETWORK,             /* the connection broke off, or another transfer failure */
  RW_PRICE_FEED_ERROR_HTTP_STATUS,         /* a status other than 200 (or 304 to a conditional request) */
  RW_PRICE_FEED_ERROR_TOO_MANY_REDIRECTS,  /* more than RW_PRICE_FETCH_MAX_REDIRECTS */
  RW_PRICE_FEED_ERROR_SCHEME_CHANGE,       /* a redirect to another scheme (http → https counts) */
  RW_PRICE_FEED_ERROR_TOO_LARGE,           /* body above the cap (1 MiB by default) */
  RW_PRICE_FEED_ERROR_BAD_JSON,            /* not strict JSON; the message gives line and column */
  RW_PRICE_FEED_ERROR_SCHEMA,              /* valid JSON, but not a price feed: a member missing or of the wrong type */
  RW_PRICE_FEED_ERROR_UNSUPPORTED_VERSION, /* schema_version other than RW_PRICE_FEED_SCHEMA_VERSION */
  RW_PRICE_FEED_ERROR_UNKNOWN_CURRENCY,    /* not an ISO 4217 code Rigwise knows */
  RW_PRICE_FEED_ERROR_CURRENCY_MISMATCH,   /* the feed's currency is not the catalog's */
  RW_PRICE_FEED_ERROR_INVALID_ITEM,        /* one item: a bad id, price, url or date (item skipped) */
  RW_PRICE_FEED_ERROR_UNKNOWN_ID,          /* one item: the catalog has no such price item (skipped) */
  RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS,     /* every item was skipped: nothing applied */
  RW_PRICE_FEED_ERROR_CACHE,               /* the cached feed is missing, unreadable or corrupt */
} RwPriceFeedError;

GQuark rw_price_feed_error_quark (void);

#define RW_PRICE_FEED_SCHEMA              "rigwise-price-feed"
#define RW_PRICE_FEED_SCHEMA_VERSION      1
/* Prices at or above this are taken for a typo or an attack, not a price. */
#define RW_PRICE_FEED_MAX_PRICE           10000000.0
#define RW_PRICE_FEED_MAX_ITEMS           10000
/* Size, nesting and value limits: RW_JSON_KIND_PRICE_FEED in rw-json.h. */

typedef struct
{
  guint   index;  /* in "items" */
  char   *id;
  double  price;
  char   *url;    /* the item's own source, else the feed's */
  char   *date;   /* the item's own date, else the feed's */
} RwPriceFeedItem;

/* An item that was reported and skipped. */
typedef struct
{
  guint   index;  /* in "items" */
  char   *id;     /* nullable: the item may have had no usable id */
  GError *error;  /* RW_PRICE_FEED_ERROR_INVALID_ITEM, _UNKNOWN_ID or _CURRENCY_MISMATCH */
} RwPriceFeedIssue;

typedef struct
{
  gint64     schema_version;
  char      *currency;
  char      *date;
  char      *source_name;
  char      *source_url;
  GPtrArray *items;   /* RwPriceFeedItem*: only the valid ones */
  GPtrArray *issues;  /* RwPriceFeedIssue*: the skipped ones, in order */
} RwPriceFeed;

/* Parses and validates a feed document. A document that is not strict JSON
 * or not a feed gives an error and no feed; invalid items are skipped and
 * listed in ->issues. At least one valid item is required. */
RwPriceFeed      *rw_price_feed_new_from_data   (const char   *data,
                                                 gsize         length,
                                                 GError      **error);
RwPriceFeed      *rw_price_feed_new_from_bytes  (GBytes       *bytes,
                                                 GError      **error);
void              rw_price_feed_free            (RwPriceFeed  *feed);

/* What the catalog knows of each price item: id → ISO 4217 currency ("" when
 * the catalog does not say). A snapshot taken on the main thread lets a
 * worker thread check a feed against the catalog without touching it. */
GHashTable       *rw_price_feed_catalog_snapshot (RwCatalog  *catalog);

/* Moves the items @snapshot does not know, or prices in another currency,
 * from ->items to ->issues (RW_PRICE_FEED_ERROR_UNKNOWN_ID,
 * _CURRENCY_MISMATCH). FALSE with RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS or
 * _CURRENCY_MISMATCH when none is left. Calling it again is harmless. */
gboolean          rw_price_feed_select          (RwPriceFeed  *feed,
                                                 GHashTable   *snapshot,
                                                 GError      **error);

/* Replaces @catalog's FEED price layer with @feed's items. Items the
 * catalog does not know, or priced in another currency, are skipped and
 * added to ->issues. If no item is usable, returns FALSE with
 * RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS (or _CURRENCY_MISMATCH) and the
 * catalog is untouched. User prices are never touched: they sit above the
 * feed layer. */
gboolean          rw_price_feed_apply           (RwPriceFeed  *feed,
                                                 RwCatalog    *catalog,
                                                 guint        *n_applied,
                                                 GError      **error);

/* TRUE when @code is an ISO 4217 currency code Rigwise knows. */
gboolean          rw_price_feed_currency_is_known (const char *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwPriceFeed, rw_price_feed_free)

G_END_DECLS
