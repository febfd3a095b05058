/* rw-price-feed-private.h: shared by the parser and the catalog side
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-price-feed.h"

G_BEGIN_DECLS

/* Appends a skipped item to @feed->issues, taking @error. */
void _rw_price_feed_add_issue (RwPriceFeed *feed,
                               guint        index,
                               const char  *id,
                               GError      *error);

G_END_DECLS
