/* rw-price-fetch.h: one guarded HTTPS GET of a price feed, with libcurl
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RW_PRICE_FETCH_MAX_REDIRECTS      3
#define RW_PRICE_FETCH_MAX_BODY           (1024 * 1024)
/* All header lines of one response together. */
#define RW_PRICE_FETCH_MAX_HEADERS        (64 * 1024)

/* The limits of one fetch. The defaults are the app's; tests shorten the
 * timeouts so a stalled server costs a second, not half a minute. */
typedef struct
{
  guint connect_timeout_ms;   /* 10 000 */
  guint total_timeout_ms;     /* 30 000 */
  guint low_speed_time_s;     /* 10: abort when slower than low_speed_limit for this long */
  guint low_speed_limit;      /* 64 bytes/s */
  gsize max_body;             /* RW_PRICE_FETCH_MAX_BODY */
  guint max_redirects;        /* RW_PRICE_FETCH_MAX_REDIRECTS */
} RwPriceFetchLimits;

void rw_price_fetch_limits_init (RwPriceFetchLimits *limits);

/* What a successful fetch returns. */
typedef struct
{
  gboolean  not_modified;   /* 304 to a conditional request: body is NULL */
  GBytes   *body;
  char     *etag;           /* nullable */
  char     *last_modified;  /* nullable */
  char     *url;            /* after redirects */
  long      status;         /* 200 or 304 */
} RwPriceFetchResult;

void rw_price_fetch_result_free (RwPriceFetchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwPriceFetchResult, rw_price_fetch_result_free)

/* Called from the fetching thread with bytes received so far and the
 * expected total (0 when unknown). */
typedef void (*RwPriceFetchProgressFunc) (goffset  received,
                                          goffset  total,
                                          gpointer user_data);

/* TRUE for https URLs, and for plain http to a loopback literal
 * (127.0.0.0/8, ::1) only; else RW_PRICE_FEED_ERROR_INSECURE_URL. Never
 * touches the network. */
gboolean            rw_price_fetch_check_url   (const char               *url,
                                                GError                  **error);

/* Blocking fetch, for threads and the command line. @etag and
 * @last_modified (nullable) make the request conditional. Errors are in
 * RW_PRICE_FEED_ERROR (G_IO_ERROR_CANCELLED when cancelled). */
RwPriceFetchResult *rw_price_fetch_sync        (const char               *url,
                                                const char               *etag,
                                                const char               *last_modified,
                                                const RwPriceFetchLimits *limits,
                                                GCancellable             *cancellable,
                                                RwPriceFetchProgressFunc  progress,
                                                gpointer                  progress_data,
                                                GError                  **error);

G_END_DECLS
