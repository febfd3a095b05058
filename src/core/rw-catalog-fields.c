/* rw-catalog-fields.c: the field reader of catalog files
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typed, checked members of a JSON object: each reader rejects a wrong
 * type, an empty string, a non-finite or out-of-range number, and its error
 * names the file, the entry and the field ("systems.json: system
 * “dgx-spark”: field “memory.bandwidth.value”: expected a number, found a
 * string").
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rw-catalog-private.h"

G_GNUC_PRINTF (5, 6)
gboolean
rw_field_fail (const RwFieldWhere  *where,
               GError      **error,
               RwCatalogError code,
               const char   *field,
               const char   *format,
               ...)
{
  g_autofree char *what = NULL;
  g_autoptr(GString) message = g_string_new (where->load->file);
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (where->kind != NULL && where->id != NULL)
    g_string_append_printf (message, ": %s “%s”", where->kind, where->id);
  else if (where->kind != NULL)
    g_string_append_printf (message, ": a %s", where->kind);
  if (field != NULL)
    g_string_append_printf (message, ": field “%s”", field);
  g_string_append_printf (message, ": %s", what);

  g_set_error_literal (error, RW_CATALOG_ERROR, code, message->str);
  return FALSE;
}

char *
rw_field_join (const char *prefix,
               const char *member)
{
  if (prefix == NULL || *prefix == '\0')
    return g_strdup (member);
  return g_strconcat (prefix, ".", member, NULL);
}

gboolean
rw_field_is_url (const char *str)
{
  return g_str_has_prefix (str, "https://") || g_str_has_prefix (str, "http://");
}

/* "YYYY-MM" or "YYYY-MM-DD"; benchmarks also accept a bare "YYYY". */
gboolean
rw_field_is_date (const char *str,
                  gboolean    year_ok)
{
  gsize len = strlen (str);

  if (len != 7 && len != 10 && !(year_ok && len == 4))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gboolean dash = (i == 4 || i == 7);

      if (dash ? str[i] != '-' : !g_ascii_isdigit (str[i]))
        return FALSE;
    }
  return TRUE;
}

gboolean
rw_field_is_currency (const char *str)
{
  return strlen (str) == 3 && g_ascii_isupper (str[0]) && g_ascii_isupper (str[1])
         && g_ascii_isupper (str[2]);
}

const char *
rw_field_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    default:
      return "a number";
    }
}

gboolean
rw_field_node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

gboolean
rw_field_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

/* Rejects members the schema does not know, so a typo ("bandwith") is an
 * error instead of a silently missing figure. "comment" is always allowed. */
gboolean
rw_field_check_members (const RwFieldWhere  *where,
                        JsonObject          *object,
                        const char          *prefix,
                        const char * const  *known,
                        GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_str_equal (name, "comment") || g_strv_contains (known, name))
        continue;
      {
        g_autofree char *path = rw_field_join (prefix, name);
        return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path, "unknown field");
      }
    }
  return TRUE;
}

gboolean
rw_field_string (const RwFieldWhere  *where,
                 JsonObject          *object,
                 const char          *prefix,
                 const char          *member,
                 gboolean             required,
                 const char         **out,
                 GError             **error)
{
  g_autofree char *path = rw_field_join (prefix, member);
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    {
      if (!required)
        return TRUE;
      return rw_field_fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, path, "missing");
    }
  if (!rw_field_node_is_string (node))
    return rw_field_fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, path,
                          "expected a string, found %s", rw_field_type_name (node));
  *out = json_node_get_string (node);
  if (**out == '\0')
    return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path, "must not be empty");
  return TRUE;
}

gboolean
rw_field_number (const RwFieldWhere  *where,
                 JsonObject          *object,
                 const char          *prefix,
                 const char          *member,
                 gboolean             required,
                 double              *out,
                 GError             **error)
{
  g_autofree char *path = rw_field_join (prefix, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (!required)
        return TRUE;
      return rw_field_fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, path, "missing");
    }
  if (!rw_field_node_is_number (node))
    return rw_field_fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, path,
                          "expected a number, found %s", rw_field_type_name (node));
  *out = json_node_get_double (node);
  if (!isfinite (*out))
    return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path, "not a finite number");
  return TRUE;
}

/* A number > 0 (and ≤ @max when @max > 0). */
gboolean
rw_field_positive (const RwFieldWhere  *where,
                   JsonObject          *object,
                   const char          *prefix,
                   const char          *member,
                   gboolean             required,
                   double               max,
                   double              *out,
                   GError             **error)
{
  double value = NAN;

  if (!rw_field_number (where, object, prefix, member, required, &value, error))
    return FALSE;
  if (isnan (value))
    return TRUE;
  if (value <= 0 || (max > 0 && value > max))
    {
      g_autofree char *path = rw_field_join (prefix, member);

      if (max > 0)
        return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path,
                              "%g is out of range (0, %g]", value, max);
      return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path,
                            "%g must be greater than zero", value);
    }
  *out = value;
  return TRUE;
}

gboolean
rw_field_uint (const RwFieldWhere  *where,
               JsonObject          *object,
               const char          *prefix,
               const char          *member,
               gboolean             required,
               guint                min,
               guint               *out,
               GError             **error)
{
  g_autofree char *path = rw_field_join (prefix, member);
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    {
      if (!required)
        return TRUE;
      return rw_field_fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, path, "missing");
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return rw_field_fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, path,
                          "expected an integer, found %s", rw_field_type_name (node));
  value = json_node_get_int (node);
  if (value < min || value > G_MAXINT32)
    return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path,
                          "%" G_GINT64_FORMAT " is out of range", value);
  *out = (guint) value;
  return TRUE;
}

gboolean
rw_field_boolean (const RwFieldWhere  *where,
                  JsonObject          *object,
                  const char          *prefix,
                  const char          *member,
                  gboolean             required,
                  gboolean            *out,
                  GError             **error)
{
  g_autofree char *path = rw_field_join (prefix, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (!required)
        return TRUE;
      return rw_field_fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, path, "missing");
    }
  if (!node_is_boolean (node))
    return rw_field_fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, path,
                          "expected true or false, found %s", rw_field_type_name (node));
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
rw_field_object (const RwFieldWhere  *where,
                 JsonObject          *object,
                 const char          *prefix,
                 const char          *member,
                 gboolean             required,
                 JsonObject         **out,
                 GError             **error)
{
  g_autofree char *path = rw_field_join (prefix, member);
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    {
      if (!required)
        return TRUE;
      return rw_field_fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, path, "missing");
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return rw_field_fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, path,
                          "expected an object, found %s", rw_field_type_name (node));
  *out = json_node_get_object (node);
  return TRUE;
}

static const RwSource *
lookup_source (RwCatalogLoad *load,
               const char    *key)
{
  const RwSource *source = g_hash_table_lookup (load->sources, key);

  if (source == NULL)
    source = g_hash_table_lookup (load->catalog->sources, key);
  return source;
}

/* A source reference: a registry key or a URL. Sets the URL and the
 * registry's date (NULL for a bare URL). */
gboolean
rw_field_source (const RwFieldWhere  *where,
                 const char          *field,
                 const char          *ref,
                 const char         **url,
                 const char         **date,
                 GError             **error)
{
  const RwSource *source = lookup_source (where->load, ref);

  if (source != NULL)
    {
      *url = source->url;
      *date = source->date;
      return TRUE;
    }
  if (rw_field_is_url (ref))
    {
      *url = ref;
      *date = NULL;
      return TRUE;
    }
  return rw_field_fail (where, error, RW_CATALOG_ERROR_NO_SOURCE, field,
                        "“%s” is neither a source key nor a URL", ref);
}
/* Iterates the entries of a section array: each an object with a unique
 * "id". */
gboolean
rw_field_section_entry (RwCatalogLoad  *load,
                        JsonArray      *array,
                        guint           i,
                        const char     *kind,
                        GHashTable     *seen,
                        JsonObject    **entry,
                        const char    **id,
                        GError        **error)
{
  RwFieldWhere where = { load, kind, NULL };
  JsonNode *node = json_array_get_element (array, i);
  g_autofree char *field = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      field = g_strdup_printf ("[%u]", i);
      return rw_field_fail (&where, error, RW_CATALOG_ERROR_WRONG_TYPE, field,
                            "expected an object, found %s", rw_field_type_name (node));
    }
  *entry = json_node_get_object (node);
  if (seen == NULL)
    return TRUE;
  if (!rw_field_string (&where, *entry, NULL, "id", TRUE, id, error))
    return FALSE;
  if (g_hash_table_contains (seen, *id))
    {
      where.id = *id;
      return rw_field_fail (&where, error, RW_CATALOG_ERROR_DUPLICATE_ID, "id",
                            "the id appears twice in this file");
    }
  return TRUE;
}
gboolean
rw_field_id_known (GHashTable *in_file,
                   GHashTable *in_catalog,
                   const char *id)
{
  return g_hash_table_contains (in_file, id) || g_hash_table_contains (in_catalog, id);
}
