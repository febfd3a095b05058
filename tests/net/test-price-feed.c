/* test-price-feed.c: parsing, strict validation and applying price feeds
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "rw-price-feed.h"
#include "rw-test-catalog.h"

static char *
read_data (const char *name,
           gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "net", "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static RwPriceFeed *
parse_string (const char *text,
              GError    **error)
{
  return rw_price_feed_new_from_data (text, strlen (text), error);
}

/* A document around @items, with the given currency. */
static char *
feed_with_items (const char *currency,
                 const char *items)
{
  return g_strdup_printf ("{\"schema\": \"rigwise-price-feed\", \"schema_version\": 1, "
                          "\"currency\": \"%s\", \"date\": \"2026-11-20\", "
                          "\"source\": {\"name\": \"T\", \"url\": \"https://example.com/t\"}, "
                          "\"items\": [%s]}", currency, items);
}

static void
test_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwPriceFeed) feed = NULL;
  g_autofree char *text = NULL;
  gsize length;
  RwPriceFeedItem *item;

  text = read_data ("feed-good.json", &length);
  feed = rw_price_feed_new_from_data (text, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);

  g_assert_cmpint (feed->schema_version, ==, 1);
  g_assert_cmpstr (feed->currency, ==, "USD");
  g_assert_cmpstr (feed->date, ==, "2026-11-20");
  g_assert_cmpstr (feed->source_name, ==, "Test price survey");
  g_assert_cmpstr (feed->source_url, ==, "https://example.com/prices");
  g_assert_cmpuint (feed->items->len, ==, 4);
  g_assert_cmpuint (feed->issues->len, ==, 0);

  /* An item with its own url and date keeps them... */
  item = feed->items->pdata[0];
  g_assert_cmpstr (item->id, ==, "dgx-spark");
  g_assert_cmpfloat (item->price, ==, 4699);
  g_assert_cmpstr (item->url, ==, "https://example.com/spark");
  g_assert_cmpstr (item->date, ==, "2026-11-02");
  /* ...one without takes the feed's. */
  item = feed->items->pdata[1];
  g_assert_cmpstr (item->id, ==, "rtx-5090");
  g_assert_cmpfloat (item->price, ==, 2899.99);
  g_assert_cmpstr (item->url, ==, "https://example.com/prices");
  g_assert_cmpstr (item->date, ==, "2026-11-20");
}

static void
test_byte_order_mark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RwPriceFeed) feed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *with_bom = NULL;
  gsize length;

  text = read_data ("feed-good.json", &length);
  with_bom = g_strconcat ("\xef\xbb\xbf", text, NULL);
  feed = rw_price_feed_new_from_data (with_bom, length + 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feed->items->len, ==, 4);

  /* Only at the start, and only once. */
  g_clear_pointer (&feed, rw_price_feed_free);
  g_assert_null (rw_price_feed_new_from_data ("\xef\xbb\xbf\xef\xbb\xbf{}", 8, &error));
  g_assert_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_BAD_JSON);
  g_assert_nonnull (strstr (error->message, "line 1, column 1: expected a value"));
}

static void
test_apply (void)
{
  g_autoptr(RwCatalog) catalog = rw_test_catalog_new ("USD");
  g_autoptr(GError) error = NULL;
  g_autoptr(RwPriceFeed) feed = NULL;
  g_autofree char *text = NULL;
  RwPriceOrigin origin;
  const RwFigure *figure;
  gsize length;
  guint n_applied = 0;

  /* Bundled: 1999 + 699 + 2 × 300 = 3298. */
  g_assert_cmpfloat (rw_system_total_price (rw_catalog_lookup_system (catalog, "custom-5090")), ==, 3298);

  text = read_data ("feed-good.json", &length);
  feed = rw_price_feed_new_from_data (text, length, &error);
  g_assert_no_error (error);
  g_assert_true (rw_price_feed_apply (feed, catalog, &n_applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_applied, ==, 4);

  g_assert_cmpfloat (rw_test_price (catalog, "dgx-spark", &origin), ==, 4699);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
  figure = rw_catalog_get_price (catalog, "dgx-spark", NULL);
  g_assert_cmpstr (figure->source, ==, "https://example.com/spark");
  g_assert_cmpstr (figure->date, ==, "2026-11-02");
  g_assert_cmpstr (figure->note, ==, "Price feed “Test price survey”");
  figure = rw_catalog_get_price (catalog, "rtx-5090", NULL);
  g_assert_cmpstr (figure->source, ==, "https://example.com/prices");
  g_assert_cmpstr (figure->date, ==, "2026-11-20");

  /* The feed reaches every cost: 2899.99 + 574 + 2 × 899.5 = 5272.99. */
  g_assert_cmpfloat_with_epsilon (rw_system_total_price (rw_catalog_lookup_system (catalog, "custom-5090")),
                                  5272.99, 1e-9);
  g_assert_cmpfloat (rw_catalog_lookup_system (catalog, "dgx-spark")->price.value, ==, 4699);
}

static void
test_user_price_wins (void)
{
  g_autoptr(RwCatalog) catalog = rw_test_catalog_new ("USD");
  g_autoptr(GError) error = NULL;
  g_autoptr(RwPriceFeed) feed = NULL;
  g_autofree char *text = NULL;
  RwFigure mine = { 0 };
  RwPriceOrigin origin;
  gsize length;

  rw_figure_set (&mine, 2500, "https://example.com/my-receipt", "2026-11-01", "what I paid", FALSE);
  g_assert_true (rw_catalog_set_price (catalog, "rtx-5090", RW_PRICE_ORIGIN_USER, &mine, &error));
  g_assert_no_error (error);
  rw_figure_clear (&mine);

  text = read_data ("feed-good.json", &length);
  feed = rw_price_feed_new_from_data (text, length, &error);
  g_assert_no_error (error);
  g_assert_true (rw_price_feed_apply (feed, catalog, NULL, &error));
  g_assert_no_error (error);

  /* The user's 2500 stays in use over the feed's 2899.99... */
  g_assert_cmpfloat (rw_test_price (catalog, "rtx-5090", &origin), ==, 2500);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_USER);
  /* 2500 + 574 + 2 × 899.5 = 4873 */
  g_assert_cmpfloat (rw_system_total_price (rw_catalog_lookup_system (catalog, "custom-5090")), ==, 4873);

  /* ...and survives the next feed too (the feed layer is replaced). */
  g_assert_true (rw_price_feed_apply (feed, catalog, NULL, &error));
  g_assert_cmpfloat (rw_test_price (catalog, "rtx-5090", &origin), ==, 2500);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_USER);

  /* Removing the user's price uncovers the feed's, not the bundle's. */
  rw_catalog_clear_prices (catalog, RW_PRICE_ORIGIN_USER);
  g_assert_cmpfloat (rw_test_price (catalog, "rtx-5090", &origin), ==, 2899.99);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
}

static void
test_mixed_items (void)
{
  g_autoptr(RwCatalog) catalog = rw_test_catalog_new ("USD");
  g_autoptr(GError) error = NULL;
  g_autoptr(RwPriceFeed) feed = NULL;
  g_autofree char *text = NULL;
  RwPriceOrigin origin;
  gsize length;
  guint n_applied = 0;
  /* Items 1…14 of feed-mixed.json are invalid, in this order. */
  static const char * const fragments[] = {
    "“price” is a string",          /* "NaN" as a string */
    "-574 is not above zero",
    "0 is not above zero",
    "1e+09 is not below the limit of 10000000",
    "not a finite number",          /* 1e999 reads as infinity */
    "Item 6: “id” is a number, expected a string",
    "“price” is a boolean",
    "“price” is null",
    "has no “price”",
    "is a string, expected an object",
    "is not a catalog id",
    "not an https:// URL",
    "not YYYY-MM or YYYY-MM-DD",    /* 2026-02-30 */
    "repeats an earlier item's id",
  };

  text = read_data ("feed-mixed.json", &length);
  feed = rw_price_feed_new_from_data (text, length, &error);
  g_assert_no_error (error);

  /* One bad item does not discard the rest: 0, 15 and 16 are valid. */
  g_assert_cmpuint (feed->items->len, ==, 3);
  g_assert_cmpuint (feed->issues->len, ==, G_N_ELEMENTS (fragments));
  for (guint i = 0; i < G_N_ELEMENTS (fragments); i++)
    {
      RwPriceFeedIssue *issue = feed->issues->pdata[i];

      g_test_message ("issue %u: %s", issue->index, issue->error->message);
      g_assert_cmpuint (issue->index, ==, i + 1);
      g_assert_error (issue->error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM);
      g_assert_nonnull (strstr (issue->error->message, fragments[i]));
    }

  g_assert_true (rw_price_feed_apply (feed, catalog, &n_applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_applied, ==, 2);
  /* The unknown id is reported, then skipped. */
  g_assert_cmpuint (feed->issues->len, ==, G_N_ELEMENTS (fragments) + 1);
  g_assert_error (((RwPriceFeedIssue *) feed->issues->pdata[G_N_ELEMENTS (fragments)])->error,
                  RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_UNKNOWN_ID);
  g_assert_cmpuint (((RwPriceFeedIssue *) feed->issues->pdata[G_N_ELEMENTS (fragments)])->index, ==, 15);
  g_assert_cmpstr (((RwPriceFeedIssue *) feed->issues->pdata[G_N_ELEMENTS (fragments)])->id, ==, "quantum-computer");

  g_assert_cmpfloat (rw_test_price (catalog, "rtx-5090", &origin), ==, 3100);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
  g_assert_cmpfloat (rw_test_price (catalog, "dgx-spark", &origin), ==, 4100);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
  g_assert_cmpfloat (rw_test_price (catalog, "ddr5-64gb", &origin), ==, 300);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_BUNDLED);
}

/* Every document-level fault: an error, and the catalog untouched. */
static void
test_document_errors (void)
{
  struct {
    const char *text;
    int         code;
    const char *fragment;
  } cases[] = {
    { "{\"schema\": \"rigwise-price-feed\",\n  \"items\": [\n    {\"id\": \"rtx-5090\", \"pri", RW_PRICE_FEED_ERROR_BAD_JSON,
      "line 3, column 28: unterminated string" },
    { "{\"a\": NaN}", RW_PRICE_FEED_ERROR_BAD_JSON, "line 1, column 7: unexpected word" },
    { "{\"a\": [1, 2,]}", RW_PRICE_FEED_ERROR_BAD_JSON, "line 1, column 13: expected a value" },
    { "", RW_PRICE_FEED_ERROR_BAD_JSON, "line 1, column 1" },
    { "[1, 2]", RW_PRICE_FEED_ERROR_SCHEMA, "the document is an array, expected an object" },
    { "{\"schema\": \"something-else\"}", RW_PRICE_FEED_ERROR_SCHEMA, "“schema” is not “rigwise-price-feed”" },
    { "{\"schema\": \"rigwise-price-feed\", \"schema_version\": 2}", RW_PRICE_FEED_ERROR_UNSUPPORTED_VERSION,
      "version 2 is not supported" },
    { "{\"schema\": \"rigwise-price-feed\", \"schema_version\": \"1\"}", RW_PRICE_FEED_ERROR_SCHEMA,
      "“schema_version” is a string, expected an integer" },
    { "{\"schema\": \"rigwise-price-feed\", \"schema_version\": 1, \"currency\": \"XYZ\"}",
      RW_PRICE_FEED_ERROR_UNKNOWN_CURRENCY, "Unknown currency “XYZ”" },
    { "{\"schema\": \"rigwise-price-feed\", \"schema_version\": 1, \"currency\": \"usd\"}",
      RW_PRICE_FEED_ERROR_UNKNOWN_CURRENCY, "Unknown currency “usd”" },
    { "{\"schema\": \"rigwise-price-feed\", \"schema_version\": 1, \"currency\": \"USD\"}",
      RW_PRICE_FEED_ERROR_SCHEMA, "the document has no member “date”" },
    { "{\"schema\": \"rigwise-price-feed\", \"schema_version\": 1, \"currency\": \"USD\", \"date\": \"2026-11-20\", "
      "\"source\": {\"name\": \"T\", \"url\": \"https://example.com/t\"}, \"items\": {}}",
      RW_PRICE_FEED_ERROR_SCHEMA, "“items” is an object, expected an array" },
    { "{\"schema\": \"rigwise-price-feed\", \"schema_version\": 1, \"currency\": \"USD\", \"date\": \"2026-11-20\", "
      "\"source\": {\"name\": \"T\", \"url\": \"ftp://example.com/t\"}, \"items\": []}",
      RW_PRICE_FEED_ERROR_SCHEMA, "“source.url” is not an https:// URL" },
    { "{\"schema\": \"rigwise-price-feed\", \"schema_version\": 1, \"currency\": \"USD\", \"date\": \"2026-11-20\", "
      "\"source\": {\"name\": \"T\", \"url\": \"https://example.com/t\"}, \"items\": []}",
      RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS, "has no items" },
    { "{\"schema\": \"rigwise-price-feed\", \"schema_version\": 1, \"currency\": \"USD\", \"date\": \"2026-11-20\", "
      "\"source\": {\"name\": \"T\", \"url\": \"https://example.com/t\"}, \"items\": [{\"id\": \"rtx-5090\", \"price\": -1}]}",
      RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS, "“price” -1 is not above zero" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RwPriceFeed) feed = parse_string (cases[i].text, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (feed);
      g_assert_error (error, RW_PRICE_FEED_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }
}

static void
test_nothing_usable_changes_nothing (void)
{
  g_autoptr(RwCatalog) catalog = rw_test_catalog_new ("USD");
  g_autoptr(RwCatalog) eur_catalog = rw_test_catalog_new ("EUR");
  g_autoptr(GError) error = NULL;
  g_autoptr(RwPriceFeed) unknown = NULL;
  g_autoptr(RwPriceFeed) usd = NULL;
  g_autofree char *unknown_text = feed_with_items ("USD", "{\"id\": \"abacus\", \"price\": 12}");
  g_autofree char *good_text = NULL;
  RwPriceOrigin origin;
  gsize length;

  /* Every id unknown: nothing applied, the bundle stays. */
  unknown = parse_string (unknown_text, &error);
  g_assert_no_error (error);
  g_assert_false (rw_price_feed_apply (unknown, catalog, NULL, &error));
  g_assert_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS);
  g_clear_error (&error);
  g_assert_cmpfloat (rw_test_price (catalog, "dgx-spark", &origin), ==, 3999);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_BUNDLED);

  /* A USD feed against a EUR catalog: refused whole, nothing converted. */
  good_text = read_data ("feed-good.json", &length);
  usd = rw_price_feed_new_from_data (good_text, length, &error);
  g_assert_no_error (error);
  g_assert_false (rw_price_feed_apply (usd, eur_catalog, NULL, &error));
  g_assert_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_CURRENCY_MISMATCH);
  g_assert_cmpfloat (rw_test_price (eur_catalog, "rtx-5090", &origin), ==, 1999);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_BUNDLED);
}

static void
test_layer_replaced (void)
{
  g_autoptr(RwCatalog) catalog = rw_test_catalog_new ("USD");
  g_autoptr(GError) error = NULL;
  g_autoptr(RwPriceFeed) first = NULL;
  g_autoptr(RwPriceFeed) second = NULL;
  g_autofree char *text = NULL;
  g_autofree char *second_text = feed_with_items ("USD", "{\"id\": \"ddr5-64gb\", \"price\": 650}");
  RwPriceOrigin origin;
  gsize length;

  text = read_data ("feed-good.json", &length);
  first = rw_price_feed_new_from_data (text, length, &error);
  g_assert_no_error (error);
  g_assert_true (rw_price_feed_apply (first, catalog, NULL, &error));

  /* A newer feed that lists only the RAM: the rest returns to the bundle. */
  second = parse_string (second_text, &error);
  g_assert_no_error (error);
  g_assert_true (rw_price_feed_apply (second, catalog, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (rw_test_price (catalog, "ddr5-64gb", &origin), ==, 650);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_FEED);
  g_assert_cmpfloat (rw_test_price (catalog, "rtx-5090", &origin), ==, 1999);
  g_assert_cmpint (origin, ==, RW_PRICE_ORIGIN_BUNDLED);
  /* 1999 + 699 + 2 × 650 = 3998 */
  g_assert_cmpfloat (rw_system_total_price (rw_catalog_lookup_system (catalog, "custom-5090")), ==, 3998);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/price-feed/good", test_good);
  g_test_add_func ("/price-feed/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/price-feed/apply", test_apply);
  g_test_add_func ("/price-feed/user-price-wins", test_user_price_wins);
  g_test_add_func ("/price-feed/mixed-items", test_mixed_items);
  g_test_add_func ("/price-feed/document-errors", test_document_errors);
  g_test_add_func ("/price-feed/nothing-usable", test_nothing_usable_changes_nothing);
  g_test_add_func ("/price-feed/layer-replaced", test_layer_replaced);

  return g_test_run ();
}
