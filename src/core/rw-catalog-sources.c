/* rw-catalog-sources.c: the "sources" section
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A registry of source key → URL, title and date, which figures cite by key.
 */
#include "config.h"

#include "rw-catalog-private.h"

void
rw_source_free (RwSource *source)
{
  g_free (source->url);
  g_free (source->title);
  g_free (source->date);
  g_free (source);
}

gboolean
rw_catalog_parse_sources (RwCatalogLoad  *load,
                          JsonNode       *section,
                          GError        **error)
{
  static const char * const known[] = { "url", "title", "date", NULL };
  RwFieldWhere where = { load, "source", NULL };
  JsonObject *object = json_node_get_object (section);
  g_autoptr(GList) keys = json_object_get_members (object);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *entry = json_object_get_member (object, key);
      JsonObject *src;
      const char *url = NULL;
      const char *title = NULL;
      const char *date = NULL;
      RwSource *source;

      where.id = key;
      if (!JSON_NODE_HOLDS_OBJECT (entry))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_WRONG_TYPE, NULL,
                              "expected an object, found %s", rw_field_type_name (entry));
      src = json_node_get_object (entry);
      if (!rw_field_check_members (&where, src, NULL, known, error)
          || !rw_field_string (&where, src, NULL, "url", TRUE, &url, error)
          || !rw_field_string (&where, src, NULL, "title", TRUE, &title, error)
          || !rw_field_string (&where, src, NULL, "date", FALSE, &date, error))
        return FALSE;
      if (!rw_field_is_url (url))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_NO_SOURCE, "url",
                              "“%s” is not an http(s) URL", url);
      if (date != NULL && !rw_field_is_date (date, FALSE))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "date",
                              "“%s” is not YYYY-MM or YYYY-MM-DD", date);

      source = g_new0 (RwSource, 1);
      source->url = g_strdup (url);
      source->title = g_strdup (title);
      source->date = g_strdup (date);
      g_hash_table_replace (load->sources, g_strdup (key), source);
    }
  return TRUE;
}
