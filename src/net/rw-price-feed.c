/* rw-price-feed.c: parsing, validating and applying a price feed
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "rw-json.h"
#include "rw-price-feed.h"
#include "rw-price-feed-private.h"

G_DEFINE_QUARK (rw-price-feed-error-quark, rw_price_feed_error)

/* ISO 4217 codes of the currencies hardware is commonly priced in. A code
 * outside this list is refused rather than guessed at. */
static const char * const known_currencies[] = {
  "AED", "AUD", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK",
  "EUR", "GBP", "HKD", "HUF", "IDR", "ILS", "INR", "ISK", "JPY", "KRW",
  "MXN", "MYR", "NOK", "NZD", "PHP", "PLN", "RON", "SAR", "SEK", "SGD",
  "THB", "TRY", "TWD", "UAH", "USD", "VND", "ZAR",
};

#define MAX_ID_LENGTH     64
#define MAX_NAME_LENGTH   200
#define MAX_URL_LENGTH    2048

gboolean
rw_price_feed_currency_is_known (const char *code)
{
  if (code == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (known_currencies); i++)
    if (strcmp (code, known_currencies[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
item_free (RwPriceFeedItem *item)
{
  g_free (item->id);
  g_free (item->url);
  g_free (item->date);
  g_free (item);
}

static void
issue_free (RwPriceFeedIssue *issue)
{
  g_free (issue->id);
  g_clear_error (&issue->error);
  g_free (issue);
}

void
rw_price_feed_free (RwPriceFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->currency);
  g_free (feed->date);
  g_free (feed->source_name);
  g_free (feed->source_url);
  g_clear_pointer (&feed->items, g_ptr_array_unref);
  g_clear_pointer (&feed->issues, g_ptr_array_unref);
  g_free (feed);
}

void
_rw_price_feed_add_issue (RwPriceFeed *feed,
           guint        index,
           const char  *id,
           GError      *error)
{
  RwPriceFeedIssue *issue = g_new0 (RwPriceFeedIssue, 1);

  issue->index = index;
  issue->id = g_strdup (id);
  issue->error = error;
  g_ptr_array_add (feed->issues, issue);
}

/* "YYYY-MM" or "YYYY-MM-DD", a real calendar date. */
static gboolean
date_is_valid (const char *date)
{
  gsize len = strlen (date);
  guint year, month, day = 1;

  if (len != 7 && len != 10)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (dash ? date[i] != '-' : !g_ascii_isdigit (date[i]))
        return FALSE;
    }
  year = (guint) g_ascii_strtoull (date, NULL, 10);
  month = (guint) g_ascii_strtoull (date + 5, NULL, 10);
  if (len == 10)
    day = (guint) g_ascii_strtoull (date + 8, NULL, 10);
  return year >= 1990 && year <= 2999 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
url_is_valid (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  /* Lower-case "https://" exactly: the catalog compares the prefix as is
   * (the fuzzer found "Https://", which GUri accepts). */
  if (strlen (url) > MAX_URL_LENGTH || !g_str_has_prefix (url, "https://"))
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  return uri != NULL &&
         g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

/* Catalog ids: lower-case letters, digits, ".", "_" and "-". */
static gboolean
id_is_valid (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > MAX_ID_LENGTH || !g_ascii_isalnum (id[0]))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char ch = id[i];

      if (!(g_ascii_islower (ch) || g_ascii_isdigit (ch) || ch == '.' || ch == '_' || ch == '-'))
        return FALSE;
    }
  return TRUE;
}

static gboolean
text_is_printable (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static const char *
json_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          return "a string";
        if (type == G_TYPE_BOOLEAN)
          return "a boolean";
        return "a number";
      }
    default:
      return "something else";
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* json_node_get_double() converts booleans and strings: check first. */
static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* @context is NULL inside an item (the caller names the item), else the
 * part of the document, e.g. "the document" or "“source”". */
static const char *
get_string_member (JsonObject  *object,
                   const char  *context,
                   const char  *name,
                   gboolean     required,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      if (required && context != NULL)
        g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEMA,
                     "Not a price feed: %s has no member “%s”", context, name);
      else if (required)
        g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                     "no “%s”", name);
      return NULL;
    }
  if (!node_is_string (node))
    {
      if (context != NULL)
        g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEMA,
                     "Not a price feed: “%s” in %s is %s, expected a string",
                     name, context, json_type_name (node));
      else
        g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                     "“%s” is %s, expected a string", name, json_type_name (node));
      return NULL;
    }
  return json_node_get_string (node);
}

/* Reads one item, or returns NULL with RW_PRICE_FEED_ERROR_INVALID_ITEM.
 * @id_out gets the id when there is a usable one, for the report. */
static RwPriceFeedItem *
parse_item (RwPriceFeed  *feed,
            JsonNode     *node,
            guint         index,
            char        **id_out,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *price_node;
  const char *id, *url, *date;
  RwPriceFeedItem *item;
  double price;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                   "Item %u is %s, expected an object", index, json_type_name (node));
      return NULL;
    }
  object = json_node_get_object (node);

  id = get_string_member (object, NULL, "id", TRUE, &local_error);
  if (id == NULL)
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                   "Item %u: %s", index, local_error->message);
      return NULL;
    }
  if (!id_is_valid (id))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                   "Item %u: “id” is not a catalog id (1–%d lower-case letters, digits, “.”, “_”, “-”)",
                   index, MAX_ID_LENGTH);
      return NULL;
    }
  *id_out = g_strdup (id);

  price_node = json_object_get_member (object, "price");
  if (price_node == NULL)
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                   "Item %u (“%s”) has no “price”", index, id);
      return NULL;
    }
  if (!node_is_number (price_node))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                   "Item %u (“%s”): “price” is %s, expected a number",
                   index, id, json_type_name (price_node));
      return NULL;
    }
  price = json_node_get_double (price_node);
  if (!isfinite (price))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                   "Item %u (“%s”): “price” is not a finite number", index, id);
      return NULL;
    }
  if (price <= 0)
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                   "Item %u (“%s”): “price” %g is not above zero", index, id, price);
      return NULL;
    }
  if (price >= RW_PRICE_FEED_MAX_PRICE)
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                   "Item %u (“%s”): “price” %g is not below the limit of %.0f",
                   index, id, price, RW_PRICE_FEED_MAX_PRICE);
      return NULL;
    }

  url = get_string_member (object, NULL, "url", FALSE, &local_error);
  if (local_error == NULL && url != NULL && !url_is_valid (url))
    g_set_error (&local_error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                 "“url” is not an https:// URL");
  date = get_string_member (object, NULL, "date", FALSE,
                            local_error == NULL ? &local_error : NULL);
  if (local_error == NULL && date != NULL && !date_is_valid (date))
    g_set_error (&local_error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                 "“date” is not YYYY-MM or YYYY-MM-DD");
  if (local_error != NULL)
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                   "Item %u (“%s”): %s", index, id, local_error->message);
      return NULL;
    }

  item = g_new0 (RwPriceFeedItem, 1);
  item->index = index;
  item->id = g_strdup (id);
  item->price = price;
  item->url = g_strdup (url != NULL ? url : feed->source_url);
  item->date = g_strdup (date != NULL ? date : feed->date);
  return item;
}

static RwPriceFeed *
feed_from_root (JsonNode  *root,
                GError   **error)
{
  g_autoptr(RwPriceFeed) feed = NULL;
  g_autoptr(GHashTable) seen = NULL;
  JsonObject *object, *source;
  JsonNode *node;
  JsonArray *items;
  const char *text;
  guint n_items;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEMA,
                   "Not a price feed: the document is %s, expected an object",
                   root == NULL ? "empty" : json_type_name (root));
      return NULL;
    }
  object = json_node_get_object (root);
  feed = g_new0 (RwPriceFeed, 1);
  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  feed->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);

  text = get_string_member (object, "the document", "schema", TRUE, error);
  if (text == NULL)
    return NULL;
  if (strcmp (text, RW_PRICE_FEED_SCHEMA) != 0)
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEMA,
                   "Not a price feed: “schema” is not “%s”", RW_PRICE_FEED_SCHEMA);
      return NULL;
    }

  node = json_object_get_member (object, "schema_version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEMA,
                   "Not a price feed: “schema_version” is %s, expected an integer",
                   node == NULL ? "missing" : json_type_name (node));
      return NULL;
    }
  feed->schema_version = json_node_get_int (node);
  if (feed->schema_version != RW_PRICE_FEED_SCHEMA_VERSION)
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_UNSUPPORTED_VERSION,
                   "Price feed schema version %" G_GINT64_FORMAT " is not supported (this Rigwise reads version %d)",
                   feed->schema_version, RW_PRICE_FEED_SCHEMA_VERSION);
      return NULL;
    }

  text = get_string_member (object, "the document", "currency", TRUE, error);
  if (text == NULL)
    return NULL;
  if (!rw_price_feed_currency_is_known (text))
    {
      g_autofree char *shown = g_strndup (text, 8);

      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_UNKNOWN_CURRENCY,
                   "Unknown currency “%s” (expected an upper-case ISO 4217 code such as USD)",
                   g_utf8_validate (shown, -1, NULL) ? shown : "?");
      return NULL;
    }
  feed->currency = g_strdup (text);

  text = get_string_member (object, "the document", "date", TRUE, error);
  if (text == NULL)
    return NULL;
  if (!date_is_valid (text))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEMA,
                   "Not a price feed: “date” is not YYYY-MM or YYYY-MM-DD");
      return NULL;
    }
  feed->date = g_strdup (text);

  node = json_object_get_member (object, "source");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEMA,
                   "Not a price feed: “source” is %s, expected an object with “name” and “url”",
                   node == NULL ? "missing" : json_type_name (node));
      return NULL;
    }
  source = json_node_get_object (node);
  text = get_string_member (source, "“source”", "name", TRUE, error);
  if (text == NULL)
    return NULL;
  if (*text == '\0' || g_utf8_strlen (text, -1) > MAX_NAME_LENGTH || !text_is_printable (text))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEMA,
                   "Not a price feed: “source.name” must be 1–%d printable characters", MAX_NAME_LENGTH);
      return NULL;
    }
  feed->source_name = g_strdup (text);
  text = get_string_member (source, "“source”", "url", TRUE, error);
  if (text == NULL)
    return NULL;
  if (!url_is_valid (text))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEMA,
                   "Not a price feed: “source.url” is not an https:// URL");
      return NULL;
    }
  feed->source_url = g_strdup (text);

  node = json_object_get_member (object, "items");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEMA,
                   "Not a price feed: “items” is %s, expected an array",
                   node == NULL ? "missing" : json_type_name (node));
      return NULL;
    }
  items = json_node_get_array (node);
  n_items = json_array_get_length (items);
  if (n_items > RW_PRICE_FEED_MAX_ITEMS)
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_SCHEMA,
                   "Not a price feed: %u items, more than the limit of %d", n_items, RW_PRICE_FEED_MAX_ITEMS);
      return NULL;
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GError) item_error = NULL;
      g_autofree char *id = NULL;
      RwPriceFeedItem *item;

      item = parse_item (feed, json_array_get_element (items, i), i, &id, &item_error);
      if (item != NULL && g_hash_table_contains (seen, item->id))
        {
          g_set_error (&item_error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_INVALID_ITEM,
                       "Item %u (“%s”) repeats an earlier item's id", i, item->id);
          g_clear_pointer (&item, item_free);
        }
      if (item == NULL)
        {
          _rw_price_feed_add_issue (feed, i, id, g_steal_pointer (&item_error));
          continue;
        }
      g_ptr_array_add (feed->items, item);
      g_hash_table_add (seen, item->id);
    }

  if (feed->items->len == 0)
    {
      if (feed->issues->len > 0)
        g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS,
                     "The price feed has no usable item: %s",
                     ((RwPriceFeedIssue *) feed->issues->pdata[0])->error->message);
      else
        g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS,
                     "The price feed has no items");
      return NULL;
    }

  return g_steal_pointer (&feed);
}

RwPriceFeed *
rw_price_feed_new_from_data (const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Strict RFC 8259, at most 32 deep, without recursion (rw-json.h); a
   * byte order mark, which some servers send, is skipped. */
  root = rw_json_read_data (data, length, RW_JSON_KIND_PRICE_FEED, NULL, error);
  if (root == NULL)
    {
      rw_json_error_convert (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_BAD_JSON,
                             RW_PRICE_FEED_ERROR_TOO_LARGE, RW_PRICE_FEED_ERROR_BAD_JSON);
      return NULL;
    }
  return feed_from_root (root, error);
}

RwPriceFeed *
rw_price_feed_new_from_bytes (GBytes  *bytes,
                              GError **error)
{
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return rw_price_feed_new_from_data (data != NULL ? data : "", length, error);
}

gboolean
rw_price_feed_select (RwPriceFeed  *feed,
                      GHashTable   *snapshot,
                      GError      **error)
{
  guint n_mismatched = 0, n_unknown = 0, n_before;

  g_return_val_if_fail (feed != NULL, FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  n_before = feed->items->len;
  for (guint i = 0; i < feed->items->len;)
    {
      RwPriceFeedItem *item = feed->items->pdata[i];
      const char *currency;
      GError *issue = NULL;

      if (!g_hash_table_lookup_extended (snapshot, item->id, NULL, (gpointer *) &currency))
        {
          n_unknown++;
          issue = g_error_new (RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_UNKNOWN_ID,
                               "“%s” is not a priced item in the catalog; skipped", item->id);
        }
      else if (*currency != '\0' && strcmp (currency, feed->currency) != 0)
        {
          n_mismatched++;
          issue = g_error_new (RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_CURRENCY_MISMATCH,
                               "“%s” is priced in %s in the catalog, the feed is in %s; skipped",
                               item->id, currency, feed->currency);
        }
      if (issue == NULL)
        {
          i++;
          continue;
        }
      /* The issue's index is the item's position in the document. */
      _rw_price_feed_add_issue (feed, item->index, item->id, issue);
      g_ptr_array_remove_index (feed->items, i);
    }

  if (feed->items->len > 0)
    return TRUE;
  if (n_mismatched > 0)
    g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_CURRENCY_MISMATCH,
                 "The price feed is in %s, which is not the catalog's currency; nothing was applied",
                 feed->currency);
  else
    g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_NO_USABLE_ITEMS,
                 "None of the price feed's %u items is in the catalog; nothing was applied",
                 n_before);
  return FALSE;
}

