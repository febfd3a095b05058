/* rw-price-cache.c: the last good price feed, kept under the XDG cache dir
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One JSON file holds the feed document (as a string, byte for byte what
 * the server sent) and how it was fetched, so a single atomic rename
 * replaces both together.
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rw-file.h"
#include "rw-json.h"
#include "rw-price-cache.h"

void
rw_price_cache_entry_free (RwPriceCacheEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->feed, rw_price_feed_free);
  g_clear_pointer (&entry->document, g_bytes_unref);
  g_free (entry->url);
  g_free (entry->etag);
  g_free (entry->last_modified);
  g_clear_pointer (&entry->fetched_at, g_date_time_unref);
  g_free (entry);
}

char *
rw_price_cache_get_default_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "rigwise", "price-feed.json", NULL);
}

G_GNUC_PRINTF (3, 4)
static void
set_corrupt (GError    **error,
             const char *path,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  g_autofree char *name = g_filename_display_name (path);
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_CACHE,
               "The cached price feed %s is not usable and was ignored: %s", name, what);
}

static gboolean
optional_string (JsonObject  *object,
                 const char  *name,
                 const char **out)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = json_node_get_string (node);
  return TRUE;
}

/* The entry in a parsed cache document. */
static RwPriceCacheEntry *
cache_from_root (JsonNode    *root,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(RwPriceCacheEntry) entry = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *node;
  const char *url, *etag, *last_modified, *fetched_at, *document;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_corrupt (error, path, "not a JSON object");
      return NULL;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "cache_version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != RW_PRICE_CACHE_VERSION)
    {
      set_corrupt (error, path, "“cache_version” is not %d", RW_PRICE_CACHE_VERSION);
      return NULL;
    }
  if (!optional_string (object, "url", &url) || url == NULL ||
      !optional_string (object, "etag", &etag) ||
      !optional_string (object, "last_modified", &last_modified) ||
      !optional_string (object, "fetched_at", &fetched_at) || fetched_at == NULL ||
      !optional_string (object, "feed", &document) || document == NULL)
    {
      set_corrupt (error, path, "“url”, “fetched_at” and “feed” must be strings; “etag” and “last_modified” strings or null");
      return NULL;
    }

  entry = g_new0 (RwPriceCacheEntry, 1);
  entry->fetched_at = g_date_time_new_from_iso8601 (fetched_at, NULL);
  if (entry->fetched_at == NULL)
    {
      set_corrupt (error, path, "“fetched_at” is not an ISO 8601 time with a zone");
      return NULL;
    }
  entry->document = g_bytes_new (document, strlen (document));
  entry->feed = rw_price_feed_new_from_bytes (entry->document, &local_error);
  if (entry->feed == NULL)
    {
      set_corrupt (error, path, "%s", local_error->message);
      return NULL;
    }
  entry->url = g_strdup (url);
  entry->etag = g_strdup (etag);
  entry->last_modified = g_strdup (last_modified);
  return g_steal_pointer (&entry);
}

RwPriceCacheEntry *
rw_price_cache_parse (const char  *contents,
                      gsize        length,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (contents != NULL || length == 0, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* Strict JSON, at most 8 MiB and 4 levels (rw-json.h). */
  root = rw_json_read_data (contents, length, RW_JSON_KIND_PRICE_CACHE, NULL, &local_error);
  if (root == NULL)
    {
      set_corrupt (error, path, "%s", local_error->message);
      return NULL;
    }
  return cache_from_root (root, path, error);
}

RwPriceCacheEntry *
rw_price_cache_load (const char  *path,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  /* A regular file within the cap, never a FIFO to block on (rw-json.h). */
  contents = rw_json_read_file_contents (path, RW_JSON_KIND_PRICE_CACHE, &length, &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, RW_JSON_ERROR, RW_JSON_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No cached price feed");
      else
        set_corrupt (error, path, "%s", local_error->message);
      return NULL;
    }
  return rw_price_cache_parse (contents, length, path, error);
}

gboolean
rw_price_cache_save (const char  *path,
                     GBytes      *document,
                     const char  *url,
                     const char  *etag,
                     const char  *last_modified,
                     GDateTime   *fetched_at,
                     GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  g_autofree char *doc = NULL;
  gsize doc_len = 0, text_len = 0;
  const char *data;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (fetched_at != NULL, FALSE);

  data = g_bytes_get_data (document, &doc_len);
  /* Only validated feeds get here; a NUL byte would cut the string short. */
  if (data == NULL || memchr (data, '\0', doc_len) != NULL || !g_utf8_validate_len (data, doc_len, NULL))
    {
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_CACHE,
                   "Not caching a price feed that is not UTF-8 text");
      return FALSE;
    }
  doc = g_strndup (data, doc_len);
  utc = g_date_time_to_utc (fetched_at);
  when = g_date_time_format_iso8601 (utc);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cache_version");
  json_builder_add_int_value (builder, RW_PRICE_CACHE_VERSION);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "fetched_at");
  json_builder_add_string_value (builder, when);
  json_builder_set_member_name (builder, "etag");
  if (etag != NULL)
    json_builder_add_string_value (builder, etag);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "last_modified");
  if (last_modified != NULL)
    json_builder_add_string_value (builder, last_modified);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "feed");
  json_builder_add_string_value (builder, doc);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = rw_json_to_data (root, TRUE, &text_len);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, RW_PRICE_FEED_ERROR, RW_PRICE_FEED_ERROR_CACHE,
                   "Could not create the cache directory %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!rw_file_save_atomic (path, text, text_len, 0600, error))
    {
      g_prefix_error (error, "Could not write the price cache: ");
      /* Keep the caller's one domain: a write failure is a cache failure. */
      if (error != NULL && *error != NULL)
        {
          (*error)->domain = RW_PRICE_FEED_ERROR;
          (*error)->code = RW_PRICE_FEED_ERROR_CACHE;
        }
      return FALSE;
    }
  return TRUE;
}
