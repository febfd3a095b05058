/* test-price-refresh.c: price refresh against a real loopback HTTP server
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every failing case starts from a successful refresh, then checks the
 * exact error and that the cache file (byte for byte) and the prices in
 * use are what they were.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "rw-price-refresher.h"
#include "rw-test-catalog.h"
#include "rw-test-server.h"

#define ETAG "\"feed-v1\""
#define LAST_MODIFIED "Fri, 20 Nov 2026 08:00:00 GMT"

typedef struct
{
  RwTestServer     *server;
  char             *tmpdir;
  char             *cache_path;
  RwCatalog        *catalog;
  RwPriceRefresher *refresher;
  GBytes           *good;
} Fixture;

static GBytes *
read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "net", "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static char *
feed_with_items (const char *currency,
                 const char *items)
{
  return g_strdup_printf ("{\"schema\": \"rigwise-price-feed\", \"schema_version\": 1, "
                          "\"currency\": \"%s\", \"date\": \"2026-11-22\", "
                          "\"source\": {\"name\": \"T\", \"url\": \"https://example.com/t\"}, "
                          "\"items\": [%s]}", currency, items);
}

static void
add_document (Fixture    *f,
              const char *path,
              const char *text)
{
  g_autoptr(GBytes) body = bytes_from_string (text);

  rw_test_server_add (f->server, path, 200, NULL, body, RW_TEST_REPLY_NORMAL);
}

static void
add_redirect (Fixture    *f,
              const char *path,
              const char *location)
{
  g_autofree char *header = g_strdup_printf ("Location: %s\r\n", location);

  rw_test_server_add (f->server, path, 302, header, NULL, RW_TEST_REPLY_NORMAL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *port_ftp = NULL;
  g_autofree char *port_https = NULL;
  g_autofree char *text = NULL;
  RwPriceFetchLimits limits;

  f->server = rw_test_server_new ();
  f->tmpdir = g_dir_make_tmp ("rigwise-net-XXXXXX", &error);
  g_assert_no_error (error);
  f->cache_path = g_build_filename (f->tmpdir, "rigwise", "price-feed.json", NULL);
  f->catalog = rw_test_catalog_new ("USD");
  f->refresher = rw_price_refresher_new (f->catalog, f->cache_path);

  /* Real limits but shorter waits, so the stalled server costs ~1 s. */
  rw_price_fetch_limits_init (&limits);
  limits.connect_timeout_ms = 5000;
  limits.total_timeout_ms = 5000;
  limits.low_speed_time_s = 1;
  rw_price_refresher_set_limits (f->refresher, &limits);

  f->good = read_data ("feed-good.json");
  rw_test_server_add_feed (f->server, "/feed.json", f->good, ETAG, LAST_MODIFIED);
  rw_test_server_add (f->server, "/404", 404, NULL, NULL, RW_TEST_REPLY_NORMAL);
  rw_test_server_add (f->server, "/500", 500, NULL, NULL, RW_TEST_REPLY_NORMAL);
  add_redirect (f, "/moved", "/feed.json");
  add_redirect (f, "/loop", "/loop");
  port_ftp = g_strdup_printf ("ftp://127.0.0.1:%u/feed.json", rw_test_server_get_port (f->server));
  add_redirect (f, "/to-ftp", port_ftp);
  port_https = g_strdup_printf ("https://127.0.0.1:%u/feed.json", rw_test_server_get_port (f->server));
  add_redirect (f, "/to-https", port_https);
  add_redirect (f, "/to-elsewhere", "http://192.0.2.1/feed.json");
  rw_test_server_add (f->server, "/huge", 200, NULL, NULL, RW_TEST_REPLY_ENDLESS);
  rw_test_server_add (f->server, "/huge-undeclared", 200, NULL, NULL, RW_TEST_REPLY_ENDLESS_UNDECLARED);
  rw_test_server_add (f->server, "/stall", 200, NULL, NULL, RW_TEST_REPLY_STALL);
  /* Issue #13 case 13: hostile headers. */
  {
    g_autofree char *quote = g_strnfill (200 * 1024, 'e');
    g_autofree char *etag = g_strdup_printf ("ETag: \"%s\"\r\n", quote);
    g_autoptr(GString) padding = g_string_new (NULL);

    rw_test_server_add (f->server, "/giant-etag", 200, etag, f->good, RW_TEST_REPLY_NORMAL);
    for (guint i = 0; i < 1000; i++)
      g_string_append_printf (padding, "X-Pad-%04u: %0100u\r\n", i, i);
    rw_test_server_add (f->server, "/many-headers", 200, padding->str, f->good, RW_TEST_REPLY_NORMAL);
    /* Announced, then nothing: only a refusal on the header ends it early. */
    rw_test_server_add (f->server, "/giant-length", 200, "Content-Length: 100000000000000000000000\r\n",
                        NULL, RW_TEST_REPLY_STALL);
  }

  text = g_strndup (g_bytes_get_data (f->good, NULL), g_bytes_get_size (f->good) / 2);
  add_document (f, "/truncated", text);
  g_clear_pointer (&text, g_free);
  add_document (f, "/wrong-types",
                "{\"schema\": \"rigwise-price-feed\", \"schema_version\": 1, \"currency\": 840, "
                "\"date\": \"2026-11-22\", \"items\": []}");
  add_document (f, "/nan-token", "{\"schema\": \"rigwise-price-feed\", \"items\": [{\"id\": \"rtx-5090\", \"price\": NaN}]}");
  text = feed_with_items ("USD", "{\"id\": \"rtx-5090\", \"price\": \"NaN\"}");
  add_document (f, "/nan-string", text);
  g_clear_pointer (&text, g_free);
  text = feed_with_items ("USD", "{\"id\": \"rtx-5090\", \"price\": -2899}");
  add_document (f, "/negative", text);
  g_clear_pointer (&text, g_free);
  text = feed_with_items ("USD", "{\"id\": \"rtx-5090\", \"price\": 1e300}");
  add_document (f, "/huge-price", text);
  g_clear_pointer (&text, g_free);
  text = feed_with_items ("USD", "{\"id\": \"flux-capacitor\", \"price\": 88}, {\"id\": \"warp-core\", \"price\": 1000}");
  add_document (f, "/unknown-ids", text);
  g_clear_pointer (&text, g_free);
  text = feed_with_items ("XBT", "{\"id\": \"rtx-5090\", \"price\": 0.03}");
  add_document (f, "/unknown-currency", text);
  g_clear_pointer (&text, g_free);
  text = feed_with_items ("EUR", "{\"id\": \"rtx-5090\", \"price\": 2700}");
  add_document (f, "/eur", text);
  g_clear_pointer (&text, g_free);
  text = feed_with_items ("USD", "{\"id\": \"rtx-5090\", \"price\": 2349}, {\"id\": \"ddr5-64gb\", \"price\": 1150}");
  add_document (f, "/feed2.json", text);
  g_clear_pointer (&text, g_free);
  /* The good feed padded with spaces to exactly the cap, and one byte over. */
  for (guint extra = 0; extra < 2; extra++)
    {
      gsize size = RW_PRICE_FETCH_MAX_BODY + extra;
      char *padded = g_malloc (size);
      g_autoptr(GBytes) body = NULL;

      memset (padded, ' ', size);
      memcpy (padded, g_bytes_get_data (f->good, NULL), g_bytes_get_size (f->good));
      body = g_bytes_new_take (padded, size);
      rw_test_server_add (f->server, extra == 0 ? "/at-cap" : "/over-cap", 200, NULL, body, RW_TEST_REPLY_NORMAL);
    }
  {
    g_autoptr(GBytes) mixed = read_data ("feed-mixed.json");

    rw_test_server_add (f->server, "/mixed", 200, NULL, mixed, RW_TEST_REPLY_NORMAL);
  }
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

/* The worker thread drops its reference to the task (and so to the
 * refresher) just after the result is delivered: wait for it. */
static void
assert_finalized_soon (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  while (weak != NULL)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  assert_finalized_soon (f->refresher);
  g_assert_finalize_object (f->catalog);
  rw_test_server_free (f->server);
  g_bytes_unref (f->good);
  remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->cache_path);
}

static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs a refresh to the end on the main context. */
static RwPriceRefreshReport *
refresh (Fixture      *f,
         const char   *url,
         GCancellable *cancellable,
         GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rw_price_refresher_refresh_async (f->refresher, url, cancellable, refresh_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (rw_price_refresher_get_busy (f->refresher));
  return rw_price_refresher_refresh_finish (f->refresher, result, error);
}

static RwPriceRefreshReport *
refresh_path (Fixture    *f,
              const char *path,
              GError    **error)
{
  g_autofree char *url = rw_test_server_get_url (f->server, path);

  return refresh (f, url, NULL, error);
}

static GBytes *
read_cache (Fixture *f)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (f->cache_path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (contents, length);
}

/* Prices in use, as "id=value/origin;…", to compare before and after. */
static char *
prices_in_use (Fixture *f)
{
  g_auto(GStrv) ids = rw_catalog_list_price_items (f->catalog);
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      RwPriceOrigin origin;
      const RwFigure *figure = rw_catalog_get_price (f->catalog, ids[i], &origin);

      g_string_append_printf (out, "%s=%.2f/%d/%s/%s;", ids[i], figure->value, origin,
                              figure->source, figure->date);
    }
  return g_string_free (out, FALSE);
}

/* The starting point of every failure case: the good feed in use. */
static void
refresh_good (Fixture *f)
{
  g_autoptr(RwPriceRefreshReport) report = NULL;
  g_autoptr(GError) error = NULL;
  RwPriceOrigin origin;

  report = refresh_path (f, "/feed.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpfloat (rw_test_price (f->catalog, "rtx-5090", &origin), ==, 2899.99);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
}

static void
assert_refresh_fails (Fixture    *f,
                      const char *url,
                      GQuark      domain,
                      int         code,
                      const char *fragment)
{
  g_autoptr(RwPriceRefreshReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cache_before = NULL;
  g_autoptr(GBytes) cache_after = NULL;
  g_autofree char *prices_before = NULL;
  g_autofree char *prices_after = NULL;
  g_autofree char *status_before = NULL;

  cache_before = read_cache (f);
  g_assert_nonnull (cache_before);
  prices_before = prices_in_use (f);
  status_before = g_strdup (rw_price_refresher_get_status (f->refresher));

  report = refresh (f, url, NULL, &error);
  g_test_message ("%s: %s", url, error != NULL ? error->message : "(no error)");
  g_assert_null (report);
  g_assert_error (error, domain, code);
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));

  cache_after = read_cache (f);
  g_assert_nonnull (cache_after);
  g_assert_true (g_bytes_equal (cache_before, cache_after));
  prices_after = prices_in_use (f);
  g_assert_cmpstr (prices_before, ==, prices_after);
  g_assert_cmpstr (status_before, ==, rw_price_refresher_get_status (f->refresher));
}

static void
assert_path_fails (Fixture    *f,
                   const char *path,
                   int         code,
                   const char *fragment)
{
  g_autofree char *url = rw_test_server_get_url (f->server, path);

  assert_refresh_fails (f, url, RW_PRICE_FEED_ERROR, code, fragment);
}

static void
test_success (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RwPriceRefreshReport) report = NULL;
  g_autoptr(RwPriceCacheEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  RwPriceOrigin origin;
  GStatBuf st;

  g_assert_false (g_file_test (f->cache_path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (rw_price_refresher_get_status (f->refresher), ==, "Bundled prices (4, each dated in the catalog)");

  report = refresh_path (f, "/feed.json", &error);
  g_assert_no_error (error);
  g_assert_false (report->unchanged);
  g_assert_cmpuint (report->n_applied, ==, 4);
  g_assert_cmpstr (report->date, ==, "2026-11-20");
  g_assert_cmpstr (report->source_name, ==, "Test price survey");
  g_assert_cmpuint (report->issues->len, ==, 0);
  g_assert_cmpfloat (rw_price_refresher_get_progress (f->refresher), ==, 1.0);

  /* Applied: 2899.99 + 574 + 2 × 899.5 = 5272.99 */
  g_assert_cmpfloat (rw_test_price (f->catalog, "dgx-spark", &origin), ==, 4699);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (rw_catalog_lookup_system (f->catalog, "custom-5090")),
                                  5272.99, 1e-9);
  g_assert_true (g_str_has_prefix (rw_price_refresher_get_status (f->refresher),
                                   "4 prices from the price feed “Test price survey”, as of 2026-11-20 (fetched "));
  g_assert_cmpstr (rw_price_refresher_get_feed_source (f->refresher), ==, "Test price survey");

  /* Cached: the document byte for byte, with the validators, readable
   * by the user only. */
  g_assert_cmpint (g_stat (f->cache_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  entry = rw_price_cache_load (f->cache_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (entry->document, f->good));
  g_assert_cmpstr (entry->etag, ==, ETAG);
  g_assert_cmpstr (entry->last_modified, ==, LAST_MODIFIED);
  g_assert_cmpstr (entry->url, ==, rw_price_refresher_get_feed_url (f->refresher));
  g_assert_nonnull (entry->fetched_at);
}

static void
test_not_modified (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RwPriceRefreshReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *if_none_match = NULL;
  g_autofree char *if_modified_since = NULL;
  g_autofree char *prices_before = NULL;
  g_autofree char *prices_after = NULL;
  g_autoptr(RwPriceCacheEntry) entry = NULL;

  refresh_good (f);
  g_assert_null (rw_test_server_get_last_header (f->server, "/feed.json", "If-None-Match"));
  prices_before = prices_in_use (f);

  report = refresh_path (f, "/feed.json", &error);
  g_assert_no_error (error);
  /* The request was conditional, the server said 304. */
  if_none_match = rw_test_server_get_last_header (f->server, "/feed.json", "If-None-Match");
  if_modified_since = rw_test_server_get_last_header (f->server, "/feed.json", "If-Modified-Since");
  g_assert_cmpstr (if_none_match, ==, ETAG);
  g_assert_cmpstr (if_modified_since, ==, LAST_MODIFIED);
  g_assert_true (report->unchanged);
  g_assert_cmpuint (report->n_applied, ==, 4);
  prices_after = prices_in_use (f);
  g_assert_cmpstr (prices_before, ==, prices_after);

  entry = rw_price_cache_load (f->cache_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (entry->document, f->good));
  g_assert_cmpstr (entry->etag, ==, ETAG);

  /* The cached validators belong to their address: another address (here
   * one that redirects to the same feed) asks unconditionally. */
  g_clear_pointer (&report, rw_price_refresh_report_free);
  g_clear_pointer (&if_none_match, g_free);
  report = refresh_path (f, "/moved", &error);
  g_assert_no_error (error);
  g_assert_false (report->unchanged);
  if_none_match = rw_test_server_get_last_header (f->server, "/feed.json", "If-None-Match");
  g_assert_null (if_none_match);
}

static void
test_replaced (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RwPriceRefreshReport) report = NULL;
  g_autoptr(RwPriceCacheEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  RwFigure mine = { 0 };
  RwPriceOrigin origin;

  refresh_good (f);
  /* The user's own price for the DGX Spark. */
  rw_figure_set (&mine, 3500, "https://example.com/my-quote", "2026-11-10", NULL, FALSE);
  g_assert_true (rw_catalog_set_price (f->catalog, "dgx-spark", RW_PRICE_ORIGIN_USER, &mine, &error));
  rw_figure_clear (&mine);

  report = refresh_path (f, "/feed2.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_applied, ==, 2);

  /* feed2 lists rtx-5090 and ddr5-64gb; the rest fall back to the bundle,
   * and the user's price stays: 2349 + 699 + 2 × 1150 = 5348. */
  g_assert_cmpfloat (rw_test_price (f->catalog, "rtx-5090", &origin), ==, 2349);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
  g_assert_cmpfloat (rw_test_price (f->catalog, "ryzen-9-9950x3d", &origin), ==, 699);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_BUNDLED);
  g_assert_cmpfloat (rw_system_total_price (rw_catalog_lookup_system (f->catalog, "custom-5090")), ==, 5348);
  g_assert_cmpfloat (rw_test_price (f->catalog, "dgx-spark", &origin), ==, 3500);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_USER);
  g_assert_true (g_str_has_prefix (rw_price_refresher_get_status (f->refresher),
                                   "2 prices from the price feed “T”, as of 2026-11-22"));
  g_assert_true (g_str_has_suffix (rw_price_refresher_get_status (f->refresher), "; 1 bundled; 1 of your own"));

  entry = rw_price_cache_load (f->cache_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->feed->date, ==, "2026-11-22");
  g_assert_null (entry->etag);
}

static void
test_redirect_followed (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RwPriceRefreshReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = refresh_path (f, "/moved", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_applied, ==, 4);
  g_assert_cmpuint (rw_test_server_get_n_requests (f->server, "/moved"), ==, 1);
  g_assert_cmpuint (rw_test_server_get_n_requests (f->server, "/feed.json"), ==, 1);
}

static void
test_mixed (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RwPriceRefreshReport) report = NULL;
  g_autoptr(GError) error = NULL;
  RwPriceOrigin origin;

  refresh_good (f);
  /* 3 valid of 17 items; one of those has an unknown id. */
  report = refresh_path (f, "/mixed", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_applied, ==, 2);
  g_assert_cmpuint (report->issues->len, ==, 15);
  g_assert_cmpfloat (rw_test_price (f->catalog, "rtx-5090", &origin), ==, 3100);
  g_assert_cmpfloat (rw_test_price (f->catalog, "dgx-spark", &origin), ==, 4100);
  /* Not in the new feed: back to the bundle, not the previous feed. */
  g_assert_cmpfloat (rw_test_price (f->catalog, "ddr5-64gb", &origin), ==, 300);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_BUNDLED);
}

static void
test_http_errors (Fixture       *f,
                  gconstpointer  data)
{
  refresh_good (f);
  assert_path_fails (f, "/404", RW_PRICE_FEED_ERROR_HTTP_STATUS, "answered HTTP 404 (Not Found)");
  assert_path_fails (f, "/500", RW_PRICE_FEED_ERROR_HTTP_STATUS, "answered HTTP 500 (Internal Server Error)");
}

static void
test_redirects_refused (Fixture       *f,
                        gconstpointer  data)
{
  refresh_good (f);

  /* 1 request and 3 redirects followed, the 4th refused. */
  assert_path_fails (f, "/loop", RW_PRICE_FEED_ERROR_TOO_MANY_REDIRECTS, "more than 3 times");
  g_assert_cmpuint (rw_test_server_get_n_requests (f->server, "/loop"), ==, 4);

  assert_path_fails (f, "/to-ftp", RW_PRICE_FEED_ERROR_SCHEME_CHANGE, "from http to ftp");
  /* http → https is a scheme change too: never followed. */
  assert_path_fails (f, "/to-https", RW_PRICE_FEED_ERROR_SCHEME_CHANGE, "from http to https");
  /* Same scheme, but plain http away from loopback. */
  assert_path_fails (f, "/to-elsewhere", RW_PRICE_FEED_ERROR_INSECURE_URL, "“192.0.2.1”");
  /* Only refresh_good reached the feed. */
  g_assert_cmpuint (rw_test_server_get_n_requests (f->server, "/feed.json"), ==, 1);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  guint n_done = 0;
  guint64 sent;

  refresh_good (f);
  /* Refused on the Content-Length header, before the body. */
  assert_path_fails (f, "/huge", RW_PRICE_FEED_ERROR_TOO_LARGE, "1048576 bytes");
  /* No length: the write callback stops at 1 MiB. */
  assert_path_fails (f, "/huge-undeclared", RW_PRICE_FEED_ERROR_TOO_LARGE, "1048576 bytes");
  g_assert_cmpuint (rw_test_server_get_n_requests (f->server, "/huge-undeclared"), ==, 1);

  /* Both server threads stop once the client hangs up; had the client read
   * on, they would have sent all 100 MB each. Socket buffers and the 1 MiB
   * read leave it at a few MiB, far below the 200 MB. */
  while ((sent = rw_test_server_get_endless_sent (f->server, &n_done), n_done < 2))
    g_usleep (1000);
  g_test_message ("the server sent %" G_GUINT64_FORMAT " body bytes in all", sent);
  g_assert_cmpuint (sent, <, 50 * 1024 * 1024);
}

/* A 200 KB ETag was reported as "Out of memory"; a Content-Length of 10^23
 * (beyond 64 bits) was not refused up front. Each is refused as too large,
 * at once, and the cache and prices stay as they were. */
static void
test_hostile_headers (Fixture       *f,
                      gconstpointer  data)
{
  refresh_good (f);
  assert_path_fails (f, "/giant-etag", RW_PRICE_FEED_ERROR_TOO_LARGE,
                     "sent response headers larger than the limit of 65536 bytes");
  assert_path_fails (f, "/many-headers", RW_PRICE_FEED_ERROR_TOO_LARGE,
                     "sent response headers larger than the limit of 65536 bytes");
  /* Too large, not a timeout: the stalling server would have held it until
   * the low-speed limit had the header not been refused. */
  assert_path_fails (f, "/giant-length", RW_PRICE_FEED_ERROR_TOO_LARGE, "1048576 bytes");
}

static void
progress_notified_cb (GObject    *object,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  GArray *values = user_data;
  double progress = rw_price_refresher_get_progress (RW_PRICE_REFRESHER (object));

  g_array_append_val (values, progress);
}

static void
test_size_cap (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RwPriceRefreshReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  double last = -1;
  gulong handler;

  /* Exactly 1 MiB (1 048 576 bytes) is accepted... */
  handler = g_signal_connect (f->refresher, "notify::progress", G_CALLBACK (progress_notified_cb), values);
  report = refresh_path (f, "/at-cap", &error);
  g_signal_handler_disconnect (f->refresher, handler);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_applied, ==, 4);

  /* Progress went from unknown (-1) through fractions to 1, never back. */
  g_assert_cmpuint (values->len, >=, 2);
  g_assert_cmpfloat (g_array_index (values, double, 0), ==, -1.0);
  for (guint i = 1; i < values->len; i++)
    {
      double value = g_array_index (values, double, i);

      g_assert_cmpfloat (value, >=, 0.0);
      g_assert_cmpfloat (value, <=, 1.0);
      g_assert_cmpfloat (value, >=, last);
      last = value;
    }
  g_assert_cmpfloat (last, ==, 1.0);

  /* ...one byte more is not, and changes nothing. */
  assert_path_fails (f, "/over-cap", RW_PRICE_FEED_ERROR_TOO_LARGE, "larger than the limit of 1048576 bytes");
}

static void
test_stall (Fixture       *f,
            gconstpointer  data)
{
  refresh_good (f);
  /* Headers, then silence: the low-speed limit (64 B/s for 1 s here) ends it. */
  assert_path_fails (f, "/stall", RW_PRICE_FEED_ERROR_TIMEOUT, "timed out");
}

static void
test_bad_documents (Fixture       *f,
                    gconstpointer  data)
{
  refresh_good (f);
  assert_path_fails (f, "/truncated", RW_PRICE_FEED_ERROR_BAD_JSON, "Not valid JSON at line 11, column 16: unterminated string");
  assert_path_fails (f, "/nan-token", RW_PRICE_FEED_ERROR_BAD_JSON, "line 1, column 72: unexpected word");
  assert_path_fails (f, "/wrong-types", RW_PRICE_FEED_ERROR_SCHEMA, "“currency” in the document is a number");
  assert_path_fails (f, "/nan-string", RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS, "“price” is a string, expected a number");
  assert_path_fails (f, "/negative", RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS, "-2899 is not above zero");
  assert_path_fails (f, "/huge-price", RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS, "1e+300 is not below the limit");
  assert_path_fails (f, "/unknown-ids", RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS, "None of the price feed's 2 items");
  assert_path_fails (f, "/unknown-currency", RW_PRICE_FEED_ERROR_UNKNOWN_CURRENCY, "“XBT”");
  assert_path_fails (f, "/eur", RW_PRICE_FEED_ERROR_CURRENCY_MISMATCH, "is in EUR");
}

static void
test_transport_errors (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSocket) probe = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *closed_url = NULL;
  g_autofree char *tls_url = NULL;

  refresh_good (f);

  /* A port nobody listens on: bind one, note it, close it. */
  probe = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_true (g_socket_bind (probe, any, TRUE, NULL));
  bound = g_socket_get_local_address (probe, NULL);
  closed_url = g_strdup_printf ("http://127.0.0.1:%u/feed.json",
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (probe, NULL);
  assert_refresh_fails (f, closed_url, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_CONNECT, "Could not connect");

  /* https to a server that speaks plain HTTP: the handshake fails. */
  tls_url = g_strdup_printf ("https://127.0.0.1:%u/feed.json", rw_test_server_get_port (f->server));
  assert_refresh_fails (f, tls_url, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_TLS, "(TLS)");

  /* .invalid never resolves (RFC 6761). */
  assert_refresh_fails (f, "https://rigwise-price-feed.invalid/prices.json",
                        RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_DNS, "(DNS)");
}

static void
test_insecure_urls (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *localhost = NULL;
  static const char * const refused[] = {
    "http://example.com/prices.json",
    "http://192.0.2.1/prices.json",
    "http://[::ffff:127.0.0.1]/prices.json",
    "ftp://127.0.0.1/prices.json",
    "file:///etc/passwd",
    "prices.json",
    "https://",
    "",
  };
  static const char * const allowed[] = {
    "https://rigwise.github.io/prices/v1/prices.json",
    "http://127.0.0.1/prices.json",
    "http://127.3.2.1:8080/prices.json",
    "http://[::1]:8080/prices.json",
  };

  refresh_good (f);

  /* Refused before any socket is opened: no DNS, no connect (a name would
   * fail with DNS and 192.0.2.1 with a timeout if anything were tried). */
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (rw_price_fetch_check_url (refused[i], &error));
      g_assert_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INSECURE_URL);
      assert_refresh_fails (f, refused[i], RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INSECURE_URL, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rw_price_fetch_check_url (allowed[i], &error));
      g_assert_no_error (error);
    }

  /* "localhost" is a name, and names are not trusted with plain http,
   * even when the server is right there. */
  localhost = g_strdup_printf ("http://localhost:%u/feed.json", rw_test_server_get_port (f->server));
  assert_refresh_fails (f, localhost, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INSECURE_URL, "“localhost”");
  g_assert_cmpuint (rw_test_server_get_n_requests (f->server, "/feed.json"), ==, 1);
}

static gboolean
cancel_when_stalled_cb (gpointer user_data)
{
  Fixture *f = ((gpointer *) user_data)[0];
  GCancellable *cancellable = ((gpointer *) user_data)[1];

  if (rw_test_server_get_n_requests (f->server, "/stall") == 0)
    return G_SOURCE_CONTINUE;
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RwPriceRefreshReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cache_before = NULL;
  g_autoptr(GBytes) cache_after = NULL;
  g_autofree char *prices_before = NULL;
  g_autofree char *prices_after = NULL;
  g_autofree char *url = NULL;
  gpointer pair[2];
  RwPriceFetchLimits limits;

  refresh_good (f);
  /* Long limits: only the cancel can end this one. */
  rw_price_fetch_limits_init (&limits);
  rw_price_refresher_set_limits (f->refresher, &limits);
  cache_before = read_cache (f);
  prices_before = prices_in_use (f);

  pair[0] = f;
  pair[1] = cancellable;
  g_timeout_add (10, cancel_when_stalled_cb, pair);
  url = rw_test_server_get_url (f->server, "/stall");
  report = refresh (f, url, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  cache_after = read_cache (f);
  g_assert_true (g_bytes_equal (cache_before, cache_after));
  prices_after = prices_in_use (f);
  g_assert_cmpstr (prices_before, ==, prices_after);
}

static void
busy_notified_cb (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  GString *log = user_data;

  g_string_append (log, rw_price_refresher_get_busy (RW_PRICE_REFRESHER (object)) ? "busy;" : "idle;");
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(RwPriceRefreshReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = rw_test_server_get_url (f->server, "/feed.json");
  gulong handler;

  handler = g_signal_connect (f->refresher, "notify::busy", G_CALLBACK (busy_notified_cb), log);
  rw_price_refresher_refresh_async (f->refresher, url, NULL, refresh_done_cb, &first);
  g_assert_true (rw_price_refresher_get_busy (f->refresher));
  g_assert_cmpfloat (rw_price_refresher_get_progress (f->refresher), ==, -1.0);

  /* A second refresh while one runs is refused, the first goes on. */
  rw_price_refresher_refresh_async (f->refresher, url, NULL, refresh_done_cb, &second);
  while (first == NULL || second == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (rw_price_refresher_refresh_finish (f->refresher, second, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);
  report = rw_price_refresher_refresh_finish (f->refresher, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_applied, ==, 4);
  g_assert_cmpstr (log->str, ==, "busy;idle;");
  g_signal_handler_disconnect (f->refresher, handler);
}

static void
test_cache_on_start (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RwCatalog) catalog = rw_test_catalog_new ("USD");
  g_autoptr(RwPriceRefresher) refresher = rw_price_refresher_new (catalog, f->cache_path);
  g_autoptr(GError) error = NULL;
  RwPriceOrigin origin;

  /* No cache yet: not found, bundled prices. */
  g_assert_false (rw_price_refresher_load_cache (refresher, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  refresh_good (f);

  /* The next start overlays the cache on the bundle. */
  g_assert_true (rw_price_refresher_load_cache (refresher, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (rw_test_price (catalog, "rtx-5090", &origin), ==, 2899.99);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
  g_assert_cmpstr (rw_price_refresher_get_feed_date (refresher), ==, "2026-11-20");
  g_assert_true (g_str_has_prefix (rw_price_refresher_get_status (refresher),
                                   "4 prices from the price feed “Test price survey”, as of 2026-11-20"));
}

static void
test_corrupt_cache (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RwCatalog) catalog = rw_test_catalog_new ("USD");
  g_autoptr(RwPriceRefresher) refresher = rw_price_refresher_new (catalog, f->cache_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *broken = NULL;
  RwPriceOrigin origin;
  gsize length;
  static const char * const corruptions[] = {
    "",
    "{\"cache_version\": 1, \"url\": \"x\", \"fetched_at\": \"2026-11-25T10:00:00Z\", \"feed\": \"{\\\"a\\\": 1}\"}",
    "{\"cache_version\": 2}",
    "not json at all",
  };

  refresh_good (f);
  g_assert_true (g_file_get_contents (f->cache_path, &text, &length, NULL));

  /* Cut in half, as a crash in a non-atomic writer would leave it. */
  broken = g_strndup (text, length / 2);
  g_assert_true (g_file_set_contents (f->cache_path, broken, -1, NULL));
  g_assert_false (rw_price_refresher_load_cache (refresher, &error));
  g_assert_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_CACHE);
  g_assert_nonnull (strstr (error->message, "is not usable and was ignored"));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (corruptions); i++)
    {
      g_assert_true (g_file_set_contents (f->cache_path, corruptions[i], -1, NULL));
      g_assert_false (rw_price_refresher_load_cache (refresher, &error));
      g_test_message ("corruption %u: %s", i, error->message);
      g_assert_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_CACHE);
      g_clear_error (&error);
    }

  /* The bundled prices stayed in use throughout. */
  g_assert_cmpfloat (rw_test_price (catalog, "rtx-5090", &origin), ==, 1999);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_BUNDLED);
  g_assert_cmpstr (rw_price_refresher_get_status (refresher), ==, "Bundled prices (4, each dated in the catalog)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/price-refresh/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("success", test_success);
  ADD ("not-modified", test_not_modified);
  ADD ("replaced", test_replaced);
  ADD ("redirect-followed", test_redirect_followed);
  ADD ("mixed-items", test_mixed);
  ADD ("http-errors", test_http_errors);
  ADD ("redirects-refused", test_redirects_refused);
  ADD ("too-large", test_too_large);
  ADD ("hostile-headers", test_hostile_headers);
  ADD ("size-cap", test_size_cap);
  ADD ("stall", test_stall);
  ADD ("bad-documents", test_bad_documents);
  ADD ("transport-errors", test_transport_errors);
  ADD ("insecure-urls", test_insecure_urls);
  ADD ("cancel", test_cancel);
  ADD ("busy", test_busy);
  ADD ("cache-on-start", test_cache_on_start);
  ADD ("corrupt-cache", test_corrupt_cache);

#undef ADD

  return g_test_run ();
}
