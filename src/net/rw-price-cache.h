/* rw-price-cache.h: the last good price feed, kept under the XDG cache dir
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-price-feed.h"

G_BEGIN_DECLS

#define RW_PRICE_CACHE_VERSION 1

typedef struct
{
  RwPriceFeed *feed;           /* validated again on every load */
  GBytes      *document;       /* the feed exactly as it was fetched */
  char        *url;            /* where it was fetched from */
  char        *etag;           /* nullable */
  char        *last_modified;  /* nullable */
  GDateTime   *fetched_at;     /* UTC; last fetch or 304 confirmation */
} RwPriceCacheEntry;

void                rw_price_cache_entry_free        (RwPriceCacheEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwPriceCacheEntry, rw_price_cache_entry_free)

/* $XDG_CACHE_HOME/rigwise/price-feed.json */
char               *rw_price_cache_get_default_path  (void);

/* Reads and validates the cache. A missing file gives G_IO_ERROR_NOT_FOUND;
 * anything unreadable, malformed or no longer a valid feed gives
 * RW_PRICE_FEED_ERROR_CACHE with the reason (never a g_warning: a corrupt
 * cache is simply not used). */
RwPriceCacheEntry  *rw_price_cache_load              (const char        *path,
                                                      GError           **error);

/* The same, from the file's contents; @path only names it in messages. */
RwPriceCacheEntry  *rw_price_cache_parse             (const char        *contents,
                                                      gsize              length,
                                                      const char        *path,
                                                      GError           **error);

/* Writes atomically (a temporary file renamed over the old one, mode 0600),
 * creating the directory. @document must be a feed that validates. */
gboolean            rw_price_cache_save              (const char        *path,
                                                      GBytes            *document,
                                                      const char        *url,
                                                      const char        *etag,
                                                      const char        *last_modified,
                                                      GDateTime         *fetched_at,
                                                      GError           **error);

G_END_DECLS
