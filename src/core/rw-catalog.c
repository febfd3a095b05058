/* rw-catalog.c: load the bundled and user catalogs, strictly
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A catalog file is a JSON object with any of "sources", "formats",
 * "models", "components", "systems" and "benchmarks" (see the README,
 * section "Catalog"). Every hardware number and price is a figure object
 * {"value", "unit", "source", "date", "note", "assumed"}: the unit is
 * converted to SI (bytes, bytes/s, FLOP/s, W) or checked against the
 * system's currency, and the source is a key of a "sources" registry or a
 * URL. A file is parsed into temporaries and only committed when every
 * entry in it is valid, so a failing file changes nothing.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "rw-catalog.h"
#include "rw-error.h"
#include "rw-hf-config.h"

typedef struct
{
  char *url;
  char *title;
  char *date;
} RwSource;

/* One priced item (a prebuilt system or a shared component) with a figure
 * per origin; the highest origin that is set is the price in use. */
typedef struct
{
  char     *currency;
  RwFigure  layer[RW_PRICE_ORIGIN_USER + 1];
  gboolean  set[RW_PRICE_ORIGIN_USER + 1];
} RwPriceItem;

struct _RwCatalog
{
  GObject     parent_instance;

  GHashTable *sources;        /* key → RwSource* */
  GPtrArray  *systems;        /* RwSystem* */
  GHashTable *system_index;   /* id → RwSystem* (borrowed from systems) */
  GPtrArray  *models;         /* RwModel* */
  GHashTable *model_index;
  GPtrArray  *formats;        /* RwFormat* */
  GHashTable *format_index;
  GHashTable *components;     /* id → RwComponent* (quantity 1, bundled price) */
  GPtrArray  *benchmarks;     /* RwBenchmark* */
  GHashTable *prices;         /* item id → RwPriceItem* */
};

G_DEFINE_FINAL_TYPE (RwCatalog, rw_catalog, G_TYPE_OBJECT)

/* The bundled files in the order they depend on each other; any other
 * *.json in a catalog directory follows in alphabetical order. */
static const char * const ordered_files[] = {
  "sources.json", "formats.json", "models.json", "systems.json", "benchmarks.json",
};

static const char * const component_kinds[] = {
  "gpu", "cpu", "ram", "storage", "board", "psu", "case", "cooler",
};

typedef enum
{
  DIM_BYTES,
  DIM_BANDWIDTH,
  DIM_FLOPS,
  DIM_POWER,
  DIM_PRICE,
} Dimension;

typedef struct
{
  const char *unit;
  double      scale;
} Unit;

static const Unit bytes_units[] = {
  { "B", 1 }, { "kB", 1e3 }, { "KB", 1e3 }, { "MB", 1e6 }, { "GB", 1e9 }, { "TB", 1e12 },
  { "KiB", 1024.0 }, { "MiB", 1048576.0 }, { "GiB", 1073741824.0 }, { "TiB", 1099511627776.0 },
  { NULL, 0 },
};
static const Unit bandwidth_units[] = {
  { "B/s", 1 }, { "MB/s", 1e6 }, { "GB/s", 1e9 }, { "TB/s", 1e12 },
  { "MiB/s", 1048576.0 }, { "GiB/s", 1073741824.0 },
  /* Network links are quoted in bits. */
  { "Mb/s", 1e6 / 8 }, { "Gb/s", 1e9 / 8 },
  { NULL, 0 },
};
static const Unit flops_units[] = {
  { "FLOPS", 1 }, { "GFLOPS", 1e9 }, { "TFLOPS", 1e12 }, { "PFLOPS", 1e15 },
  /* Integer tensor peaks. */
  { "TOPS", 1e12 },
  { NULL, 0 },
};
static const Unit power_units[] = {
  { "W", 1 }, { "kW", 1e3 },
  { NULL, 0 },
};

/* What is being loaded from one file, committed only at the end. */
typedef struct
{
  RwCatalog  *catalog;
  const char *file;          /* base name, for messages */
  char       *dir;           /* for paths relative to the file */
  gboolean    user_defined;

  GHashTable *sources;       /* key → RwSource* */
  GPtrArray  *formats;
  GHashTable *format_ids;
  GPtrArray  *models;
  GHashTable *model_ids;
  GPtrArray  *components;    /* RwComponent* */
  GHashTable *component_ids; /* id → RwComponent* (borrowed) */
  GHashTable *component_currency; /* id → ISO 4217 code */
  GPtrArray  *systems;
  GHashTable *system_ids;
  GPtrArray  *benchmarks;
} Load;

/* Where in the file an error is: the entry kind and id, and a field path. */
typedef struct
{
  Load       *load;
  const char *kind;          /* "system", "model", …; NULL at top level */
  const char *id;            /* NULL before the id is known */
} Where;

static void
rw_source_free (RwSource *source)
{
  g_free (source->url);
  g_free (source->title);
  g_free (source->date);
  g_free (source);
}

static void
rw_price_item_free (RwPriceItem *item)
{
  for (guint i = 0; i <= RW_PRICE_ORIGIN_USER; i++)
    rw_figure_clear (&item->layer[i]);
  g_free (item->currency);
  g_free (item);
}

static void
load_clear (Load *load)
{
  g_clear_pointer (&load->dir, g_free);
  g_clear_pointer (&load->sources, g_hash_table_unref);
  g_clear_pointer (&load->formats, g_ptr_array_unref);
  g_clear_pointer (&load->format_ids, g_hash_table_unref);
  g_clear_pointer (&load->models, g_ptr_array_unref);
  g_clear_pointer (&load->model_ids, g_hash_table_unref);
  g_clear_pointer (&load->components, g_ptr_array_unref);
  g_clear_pointer (&load->component_ids, g_hash_table_unref);
  g_clear_pointer (&load->component_currency, g_hash_table_unref);
  g_clear_pointer (&load->systems, g_ptr_array_unref);
  g_clear_pointer (&load->system_ids, g_hash_table_unref);
  g_clear_pointer (&load->benchmarks, g_ptr_array_unref);
}

G_GNUC_PRINTF (5, 6)
static gboolean
fail (const Where  *where,
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

static char *
join (const char *prefix,
      const char *member)
{
  if (prefix == NULL || *prefix == '\0')
    return g_strdup (member);
  return g_strconcat (prefix, ".", member, NULL);
}

static gboolean
is_url (const char *str)
{
  return g_str_has_prefix (str, "https://") || g_str_has_prefix (str, "http://");
}

/* "YYYY-MM" or "YYYY-MM-DD"; benchmarks also accept a bare "YYYY". */
static gboolean
is_date (const char *str,
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

static gboolean
is_currency (const char *str)
{
  return strlen (str) == 3 && g_ascii_isupper (str[0]) && g_ascii_isupper (str[1])
         && g_ascii_isupper (str[2]);
}

static const char *
node_type_name (JsonNode *node)
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

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
node_is_string (JsonNode *node)
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
static gboolean
check_members (const Where        *where,
               JsonObject         *object,
               const char         *prefix,
               const char * const *known,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_str_equal (name, "comment") || g_strv_contains (known, name))
        continue;
      {
        g_autofree char *path = join (prefix, name);
        return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path, "unknown field");
      }
    }
  return TRUE;
}

static gboolean
get_string (const Where  *where,
            JsonObject   *object,
            const char   *prefix,
            const char   *member,
            gboolean      required,
            const char  **out,
            GError      **error)
{
  g_autofree char *path = join (prefix, member);
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    {
      if (!required)
        return TRUE;
      return fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, path, "missing");
    }
  if (!node_is_string (node))
    return fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, path,
                 "expected a string, found %s", node_type_name (node));
  *out = json_node_get_string (node);
  if (**out == '\0')
    return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path, "must not be empty");
  return TRUE;
}

static gboolean
get_number (const Where  *where,
            JsonObject   *object,
            const char   *prefix,
            const char   *member,
            gboolean      required,
            double       *out,
            GError      **error)
{
  g_autofree char *path = join (prefix, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (!required)
        return TRUE;
      return fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, path, "missing");
    }
  if (!node_is_number (node))
    return fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, path,
                 "expected a number, found %s", node_type_name (node));
  *out = json_node_get_double (node);
  if (!isfinite (*out))
    return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path, "not a finite number");
  return TRUE;
}

/* A number > 0 (and ≤ @max when @max > 0). */
static gboolean
get_positive (const Where  *where,
              JsonObject   *object,
              const char   *prefix,
              const char   *member,
              gboolean      required,
              double        max,
              double       *out,
              GError      **error)
{
  double value = NAN;

  if (!get_number (where, object, prefix, member, required, &value, error))
    return FALSE;
  if (isnan (value))
    return TRUE;
  if (value <= 0 || (max > 0 && value > max))
    {
      g_autofree char *path = join (prefix, member);

      if (max > 0)
        return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path,
                     "%g is out of range (0, %g]", value, max);
      return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path,
                   "%g must be greater than zero", value);
    }
  *out = value;
  return TRUE;
}

static gboolean
get_uint (const Where  *where,
          JsonObject   *object,
          const char   *prefix,
          const char   *member,
          gboolean      required,
          guint         min,
          guint        *out,
          GError      **error)
{
  g_autofree char *path = join (prefix, member);
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    {
      if (!required)
        return TRUE;
      return fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, path, "missing");
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, path,
                 "expected an integer, found %s", node_type_name (node));
  value = json_node_get_int (node);
  if (value < min || value > G_MAXINT32)
    return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path,
                 "%" G_GINT64_FORMAT " is out of range", value);
  *out = (guint) value;
  return TRUE;
}

static gboolean
get_boolean (const Where  *where,
             JsonObject   *object,
             const char   *prefix,
             const char   *member,
             gboolean      required,
             gboolean     *out,
             GError      **error)
{
  g_autofree char *path = join (prefix, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (!required)
        return TRUE;
      return fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, path, "missing");
    }
  if (!node_is_boolean (node))
    return fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, path,
                 "expected true or false, found %s", node_type_name (node));
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_object (const Where  *where,
            JsonObject   *object,
            const char   *prefix,
            const char   *member,
            gboolean      required,
            JsonObject  **out,
            GError      **error)
{
  g_autofree char *path = join (prefix, member);
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    {
      if (!required)
        return TRUE;
      return fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, path, "missing");
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, path,
                 "expected an object, found %s", node_type_name (node));
  *out = json_node_get_object (node);
  return TRUE;
}

static const RwSource *
lookup_source (Load       *load,
               const char *key)
{
  const RwSource *source = g_hash_table_lookup (load->sources, key);

  if (source == NULL)
    source = g_hash_table_lookup (load->catalog->sources, key);
  return source;
}

/* A source reference: a registry key or a URL. Sets the URL and the
 * registry's date (NULL for a bare URL). */
static gboolean
resolve_source (const Where  *where,
                const char   *field,
                const char   *ref,
                const char  **url,
                const char  **date,
                GError      **error)
{
  const RwSource *source = lookup_source (where->load, ref);

  if (source != NULL)
    {
      *url = source->url;
      *date = source->date;
      return TRUE;
    }
  if (is_url (ref))
    {
      *url = ref;
      *date = NULL;
      return TRUE;
    }
  return fail (where, error, RW_CATALOG_ERROR_NO_SOURCE, field,
               "“%s” is neither a source key nor a URL", ref);
}

typedef enum
{
  FIGURE_REQUIRED = 1 << 0,
  FIGURE_NULLABLE = 1 << 1,  /* value null = not published (NAN) */
} FigureFlags;

static double
unit_scale (const Unit *units,
            const char *unit)
{
  for (guint i = 0; units[i].unit != NULL; i++)
    if (g_str_equal (units[i].unit, unit))
      return units[i].scale;
  return 0;
}

static char *
unit_list (const Unit *units)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; units[i].unit != NULL; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", units[i].unit);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Reads the figure object @member of @object into @figure, converting
 * its unit to SI. Prices must be in @currency. */
static gboolean
parse_figure (const Where  *where,
              JsonObject   *object,
              const char   *prefix,
              const char   *member,
              Dimension     dimension,
              FigureFlags   flags,
              const char   *currency,
              RwFigure     *figure,
              GError      **error)
{
  static const char * const known[] = { "value", "unit", "source", "date", "note", "assumed", NULL };
  g_autofree char *path = join (prefix, member);
  g_autofree char *value_path = join (path, "value");
  g_autofree char *unit_path = join (path, "unit");
  g_autofree char *source_path = join (path, "source");
  g_autofree char *date_path = join (path, "date");
  JsonObject *fig = NULL;
  JsonNode *value_node;
  const char *unit = NULL;
  const char *ref = NULL;
  const char *date = NULL;
  const char *note = NULL;
  const char *url = NULL;
  const char *source_date = NULL;
  gboolean assumed = FALSE;
  double value = NAN;
  double scale = 1;

  if (!get_object (where, object, prefix, member, (flags & FIGURE_REQUIRED) != 0, &fig, error))
    return FALSE;
  if (fig == NULL)
    return TRUE;
  if (!check_members (where, fig, path, known, error))
    return FALSE;

  value_node = json_object_get_member (fig, "value");
  if (value_node == NULL)
    return fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, value_path, "missing");
  if (JSON_NODE_HOLDS_NULL (value_node))
    {
      if (!(flags & FIGURE_NULLABLE))
        return fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, value_path,
                     "expected a number, found null");
    }
  else if (!node_is_number (value_node))
    {
      return fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, value_path,
                   "expected a number, found %s", node_type_name (value_node));
    }
  else
    {
      value = json_node_get_double (value_node);
      if (!isfinite (value))
        return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, value_path,
                     "not a finite number");
      if (value <= 0)
        return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, value_path,
                     "%g must be greater than zero", value);
    }

  if (!get_string (where, fig, path, "unit", TRUE, &unit, error)
      || !get_string (where, fig, path, "date", FALSE, &date, error)
      || !get_string (where, fig, path, "note", FALSE, &note, error)
      || !get_boolean (where, fig, path, "assumed", FALSE, &assumed, error))
    return FALSE;

  if (dimension == DIM_PRICE)
    {
      if (!g_str_equal (unit, currency))
        return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, unit_path,
                     "price in %s, expected the currency %s", unit, currency);
    }
  else
    {
      const Unit *units = NULL;

      switch (dimension)
        {
        case DIM_BYTES:
          units = bytes_units;
          break;
        case DIM_BANDWIDTH:
          units = bandwidth_units;
          break;
        case DIM_FLOPS:
          units = flops_units;
          break;
        case DIM_POWER:
          units = power_units;
          break;
        case DIM_PRICE:
        default:
          g_assert_not_reached ();
        }
      scale = unit_scale (units, unit);
      if (scale == 0)
        {
          g_autofree char *list = unit_list (units);
          return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, unit_path,
                       "unknown unit “%s” (expected one of %s)", unit, list);
        }
    }

  if (json_object_get_member (fig, "source") == NULL)
    return fail (where, error, RW_CATALOG_ERROR_NO_SOURCE, source_path, "missing");
  if (!get_string (where, fig, path, "source", TRUE, &ref, error)
      || !resolve_source (where, source_path, ref, &url, &source_date, error))
    return FALSE;
  if (date == NULL)
    date = source_date;
  if (date == NULL)
    return fail (where, error, RW_CATALOG_ERROR_NO_SOURCE, date_path,
                 "missing (neither the figure nor its source has a date)");
  if (!is_date (date, FALSE))
    return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, date_path,
                 "“%s” is not YYYY-MM or YYYY-MM-DD", date);
  if (note == NULL && (isnan (value) || assumed))
    {
      g_autofree char *note_path = join (path, "note");

      return fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, note_path,
                   isnan (value) ? "a null value needs a note saying why it is unknown"
                                 : "an assumed value needs a note stating the assumption");
    }

  rw_figure_set (figure, isnan (value) ? NAN : value * scale, url, date, note, assumed);
  return TRUE;
}

static gboolean
parse_sources (Load      *load,
               JsonNode  *node,
               GError   **error)
{
  static const char * const known[] = { "url", "title", "date", NULL };
  Where top = { load, NULL, NULL };
  Where where = { load, "source", NULL };
  JsonObject *object;
  g_autoptr(GList) keys = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (&top, error, RW_CATALOG_ERROR_WRONG_TYPE, "sources",
                 "expected an object of source keys, found %s", node_type_name (node));
  object = json_node_get_object (node);
  keys = json_object_get_members (object);

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
        return fail (&where, error, RW_CATALOG_ERROR_WRONG_TYPE, NULL,
                     "expected an object, found %s", node_type_name (entry));
      src = json_node_get_object (entry);
      if (!check_members (&where, src, NULL, known, error)
          || !get_string (&where, src, NULL, "url", TRUE, &url, error)
          || !get_string (&where, src, NULL, "title", TRUE, &title, error)
          || !get_string (&where, src, NULL, "date", FALSE, &date, error))
        return FALSE;
      if (!is_url (url))
        return fail (&where, error, RW_CATALOG_ERROR_NO_SOURCE, "url",
                     "“%s” is not an http(s) URL", url);
      if (date != NULL && !is_date (date, FALSE))
        return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "date",
                     "“%s” is not YYYY-MM or YYYY-MM-DD", date);

      source = g_new0 (RwSource, 1);
      source->url = g_strdup (url);
      source->title = g_strdup (title);
      source->date = g_strdup (date);
      g_hash_table_replace (load->sources, g_strdup (key), source);
    }
  return TRUE;
}

/* Iterates the entries of a section array: each an object with a unique
 * "id". */
static gboolean
section_entry (Load         *load,
               JsonArray    *array,
               guint         i,
               const char   *kind,
               GHashTable   *seen,
               JsonObject  **entry,
               const char  **id,
               GError      **error)
{
  Where where = { load, kind, NULL };
  JsonNode *node = json_array_get_element (array, i);
  g_autofree char *field = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      field = g_strdup_printf ("[%u]", i);
      return fail (&where, error, RW_CATALOG_ERROR_WRONG_TYPE, field,
                   "expected an object, found %s", node_type_name (node));
    }
  *entry = json_node_get_object (node);
  if (seen == NULL)
    return TRUE;
  if (!get_string (&where, *entry, NULL, "id", TRUE, id, error))
    return FALSE;
  if (g_hash_table_contains (seen, *id))
    {
      where.id = *id;
      return fail (&where, error, RW_CATALOG_ERROR_DUPLICATE_ID, "id",
                   "the id appears twice in this file");
    }
  return TRUE;
}

static gboolean
parse_formats (Load       *load,
               JsonArray  *array,
               GError    **error)
{
  static const char * const known[] = {
    "id", "name", "description", "bits_per_weight", "expert_bits_per_weight",
    "for_weights", "for_kv", "compute_precision", "source", "note", NULL,
  };

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RwFormat) format = NULL;
      Where where = { load, "format", NULL };
      JsonObject *entry = NULL;
      const char *id = NULL;
      const char *name = NULL;
      const char *description = NULL;
      const char *precision = NULL;
      const char *ref = NULL;
      const char *url = NULL;
      const char *date = NULL;
      RwPrecision compute = RW_PRECISION_FP16;

      if (!section_entry (load, array, i, "format", load->format_ids, &entry, &id, error))
        return FALSE;
      where.id = id;
      format = rw_format_new ();
      if (!check_members (&where, entry, NULL, known, error)
          || !get_string (&where, entry, NULL, "name", TRUE, &name, error)
          || !get_string (&where, entry, NULL, "description", FALSE, &description, error)
          || !get_positive (&where, entry, NULL, "bits_per_weight", TRUE, 64,
                            &format->bits_per_weight, error)
          || !get_positive (&where, entry, NULL, "expert_bits_per_weight", FALSE, 64,
                            &format->expert_bits_per_weight, error)
          || !get_boolean (&where, entry, NULL, "for_weights", TRUE, &format->for_weights, error)
          || !get_boolean (&where, entry, NULL, "for_kv", TRUE, &format->for_kv, error)
          || !get_string (&where, entry, NULL, "compute_precision", TRUE, &precision, error)
          || !get_string (&where, entry, NULL, "source", FALSE, &ref, error))
        return FALSE;
      if (ref == NULL)
        return fail (&where, error, RW_CATALOG_ERROR_NO_SOURCE, "source", "missing");
      if (!resolve_source (&where, "source", ref, &url, &date, error))
        return FALSE;
      if (!rw_precision_from_string (precision, &compute))
        return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "compute_precision",
                     "unknown precision “%s” (fp4, fp8, int8, fp16, fp32)", precision);
      if (!format->for_weights && !format->for_kv)
        return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "for_weights",
                     "a format must be usable for weights, the KV cache or both");
      if (isnan (format->expert_bits_per_weight))
        format->expert_bits_per_weight = 0;

      format->id = g_strdup (id);
      format->name = g_strdup (name);
      format->description = g_strdup (description);
      format->compute_precision = compute;
      format->source = g_strdup (url);
      g_hash_table_add (load->format_ids, format->id);
      g_ptr_array_add (load->formats, g_steal_pointer (&format));
    }
  return TRUE;
}

static gboolean
id_known (GHashTable *in_file,
          GHashTable *in_catalog,
          const char *id)
{
  return g_hash_table_contains (in_file, id) || g_hash_table_contains (in_catalog, id);
}

static RwCatalogError
catalog_code_for_config (const GError *error)
{
  if (error->domain != RW_CONFIG_ERROR)
    return RW_CATALOG_ERROR_INVALID_VALUE;
  switch ((RwConfigError) error->code)
    {
    case RW_CONFIG_ERROR_IO:
      return RW_CATALOG_ERROR_IO;
    case RW_CONFIG_ERROR_PARSE:
      return RW_CATALOG_ERROR_PARSE;
    case RW_CONFIG_ERROR_MISSING_FIELD:
      return RW_CATALOG_ERROR_MISSING_FIELD;
    case RW_CONFIG_ERROR_WRONG_TYPE:
      return RW_CATALOG_ERROR_WRONG_TYPE;
    case RW_CONFIG_ERROR_INVALID_VALUE:
    case RW_CONFIG_ERROR_UNSUPPORTED:
    default:
      return RW_CATALOG_ERROR_INVALID_VALUE;
    }
}

static gboolean
parse_models (Load       *load,
              JsonArray  *array,
              GError    **error)
{
  static const char * const known[] = {
    "id", "name", "config", "source", "published_total_params_b",
    "published_active_params_b", "note", NULL,
  };

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RwModel) model = NULL;
      g_autoptr(GError) local_error = NULL;
      Where where = { load, "model", NULL };
      JsonObject *entry = NULL;
      JsonNode *config;
      const char *id = NULL;
      const char *name = NULL;
      const char *ref = NULL;
      const char *url = NULL;
      const char *date = NULL;
      double total_b = 0;
      double active_b = 0;

      if (!section_entry (load, array, i, "model", load->model_ids, &entry, &id, error))
        return FALSE;
      where.id = id;
      if (!check_members (&where, entry, NULL, known, error)
          || !get_string (&where, entry, NULL, "name", TRUE, &name, error)
          || !get_string (&where, entry, NULL, "source", FALSE, &ref, error)
          || !get_positive (&where, entry, NULL, "published_total_params_b", FALSE, 0, &total_b, error)
          || !get_positive (&where, entry, NULL, "published_active_params_b", FALSE, 0, &active_b, error))
        return FALSE;
      if (ref == NULL)
        return fail (&where, error, RW_CATALOG_ERROR_NO_SOURCE, "source", "missing");
      if (!resolve_source (&where, "source", ref, &url, &date, error))
        return FALSE;

      config = json_object_get_member (entry, "config");
      if (config == NULL)
        return fail (&where, error, RW_CATALOG_ERROR_MISSING_FIELD, "config", "missing");
      if (node_is_string (config))
        {
          const char *rel = json_node_get_string (config);
          g_autofree char *path = g_path_is_absolute (rel)
                                  ? g_strdup (rel) : g_build_filename (load->dir, rel, NULL);

          model = rw_hf_config_load_file (path, &local_error);
        }
      else if (JSON_NODE_HOLDS_OBJECT (config))
        {
          g_autofree char *origin = g_strdup_printf ("%s: model “%s”: config", load->file, id);

          model = rw_hf_config_parse (json_node_get_object (config), origin, &local_error);
        }
      else
        {
          return fail (&where, error, RW_CATALOG_ERROR_WRONG_TYPE, "config",
                       "expected a file name or a config object, found %s",
                       node_type_name (config));
        }
      if (model == NULL)
        return fail (&where, error, catalog_code_for_config (local_error), "config",
                     "%s", local_error->message);

      g_free (model->id);
      model->id = g_strdup (id);
      g_free (model->name);
      model->name = g_strdup (name);
      g_free (model->source);
      model->source = g_strdup (url);
      model->published_total_params = total_b * 1e9;
      model->published_active_params = active_b * 1e9;
      g_hash_table_add (load->model_ids, model->id);
      g_ptr_array_add (load->models, g_steal_pointer (&model));
    }
  return TRUE;
}

static gboolean
parse_components (Load       *load,
                  JsonArray  *array,
                  GError    **error)
{
  static const char * const known[] = { "id", "kind", "name", "currency", "price", NULL };

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RwComponent) component = NULL;
      Where where = { load, "component", NULL };
      JsonObject *entry = NULL;
      const char *id = NULL;
      const char *kind = NULL;
      const char *name = NULL;
      const char *currency = NULL;

      if (!section_entry (load, array, i, "component", load->component_ids, &entry, &id, error))
        return FALSE;
      where.id = id;
      /* Components and prebuilt systems share one namespace of price items. */
      if (id_known (load->system_ids, load->catalog->system_index, id))
        return fail (&where, error, RW_CATALOG_ERROR_DUPLICATE_ID, "id",
                     "“%s” is already the id of a system", id);
      component = rw_component_new ();
      if (!check_members (&where, entry, NULL, known, error)
          || !get_string (&where, entry, NULL, "kind", TRUE, &kind, error)
          || !get_string (&where, entry, NULL, "name", TRUE, &name, error)
          || !get_string (&where, entry, NULL, "currency", TRUE, &currency, error))
        return FALSE;
      if (!is_currency (currency))
        return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "currency",
                     "“%s” is not an ISO 4217 code such as USD", currency);
      {
        gboolean known_kind = FALSE;

        for (guint k = 0; k < G_N_ELEMENTS (component_kinds); k++)
          known_kind |= g_str_equal (component_kinds[k], kind);
        if (!known_kind)
          return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "kind",
                       "unknown kind “%s” (gpu, cpu, ram, storage, board, psu, case, cooler)", kind);
      }
      if (!parse_figure (&where, entry, NULL, "price", DIM_PRICE, FIGURE_REQUIRED, currency,
                         &component->price, error))
        return FALSE;

      component->id = g_strdup (id);
      component->kind = g_strdup (kind);
      component->name = g_strdup (name);
      component->quantity = 1;
      g_hash_table_insert (load->component_ids, component->id, component);
      g_hash_table_insert (load->component_currency, g_strdup (id), g_strdup (currency));
      g_ptr_array_add (load->components, g_steal_pointer (&component));
    }
  return TRUE;
}

/* The currency a component is priced in: from this file, else the catalog. */
static const char *
component_currency (Load       *load,
                    const char *id)
{
  const char *currency = g_hash_table_lookup (load->component_currency, id);
  RwPriceItem *item;

  if (currency != NULL)
    return currency;
  item = g_hash_table_lookup (load->catalog->prices, id);
  return item != NULL ? item->currency : NULL;
}

static const RwComponent *
lookup_component (Load       *load,
                  const char *id)
{
  const RwComponent *component = g_hash_table_lookup (load->component_ids, id);

  if (component == NULL)
    component = g_hash_table_lookup (load->catalog->components, id);
  return component;
}

static gboolean
parse_system_components (const Where  *where,
                         JsonArray    *array,
                         RwSystem     *system,
                         GError      **error)
{
  static const char * const known[] = { "id", "quantity", NULL };

  if (json_array_get_length (array) == 0)
    return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, "components",
                 "a custom build needs at least one component");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("components[%u]", i);
      g_autofree char *id_path = join (prefix, "id");
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry;
      const char *id = NULL;
      const char *currency;
      const RwComponent *part;
      RwComponent *component;
      guint quantity = 1;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, prefix,
                     "expected an object, found %s", node_type_name (node));
      entry = json_node_get_object (node);
      if (!check_members (where, entry, prefix, known, error)
          || !get_string (where, entry, prefix, "id", TRUE, &id, error)
          || !get_uint (where, entry, prefix, "quantity", FALSE, 1, &quantity, error))
        return FALSE;
      part = lookup_component (where->load, id);
      if (part == NULL)
        return fail (where, error, RW_CATALOG_ERROR_UNKNOWN_ID, id_path,
                     "no component “%s” in the catalog", id);
      currency = component_currency (where->load, id);
      if (g_strcmp0 (currency, system->currency) != 0)
        return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, id_path,
                     "component “%s” is priced in %s, the system in %s",
                     id, currency, system->currency);
      for (guint j = 0; j < system->components->len; j++)
        {
          RwComponent *other = g_ptr_array_index (system->components, j);

          if (g_str_equal (other->id, id))
            return fail (where, error, RW_CATALOG_ERROR_DUPLICATE_ID, id_path,
                         "component “%s” is listed twice; use \"quantity\"", id);
        }

      component = rw_component_new ();
      component->id = g_strdup (part->id);
      component->kind = g_strdup (part->kind);
      component->name = g_strdup (part->name);
      component->quantity = quantity;
      rw_figure_copy_into (&component->price, &part->price);
      g_ptr_array_add (system->components, component);
    }
  return TRUE;
}

static gboolean
parse_efficiencies (const Where  *where,
                    JsonObject   *object,
                    RwSystem     *system,
                    GError      **error)
{
  static const char * const known[] = {
    "decode_bandwidth", "host_bandwidth", "prefill_compute", "train_compute",
    "decode_latency_ms", "source", NULL,
  };
  g_autoptr(GList) runtimes = json_object_get_members (object);

  if (runtimes == NULL)
    return fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, "efficiency",
                 "at least one runtime (\"llama.cpp\") is needed");

  for (GList *l = runtimes; l != NULL; l = l->next)
    {
      const char *runtime = l->data;
      g_autofree char *prefix = join ("efficiency", runtime);
      JsonObject *entry = NULL;
      const char *source = NULL;
      RwEfficiency *efficiency;
      /* host_bandwidth only matters where layers can run from host RAM. */
      double decode = 0, host = 0, prefill = 0, train = 0;
      /* Fixed time per decode step (kernel launches, sampling), in ms. */
      double latency_ms = 0;

      if (!get_object (where, object, "efficiency", runtime, TRUE, &entry, error)
          || !check_members (where, entry, prefix, known, error)
          || !get_positive (where, entry, prefix, "decode_bandwidth", TRUE, 1, &decode, error)
          || !get_positive (where, entry, prefix, "host_bandwidth",
                            system->memory_model == RW_MEMORY_DISCRETE, 1, &host, error)
          || !get_positive (where, entry, prefix, "prefill_compute", TRUE, 1, &prefill, error)
          || !get_positive (where, entry, prefix, "train_compute", TRUE, 1, &train, error)
          || !get_positive (where, entry, prefix, "decode_latency_ms", FALSE, 1000, &latency_ms, error)
          || !get_string (where, entry, prefix, "source", TRUE, &source, error))
        return FALSE;

      efficiency = rw_efficiency_new ();
      efficiency->runtime = g_strdup (runtime);
      efficiency->decode_bandwidth = decode;
      efficiency->host_bandwidth = host;
      efficiency->prefill_compute = prefill;
      efficiency->train_compute = train;
      efficiency->decode_latency = latency_ms / 1000;
      efficiency->source = g_strdup (source);
      g_ptr_array_add (system->efficiencies, efficiency);
    }
  return TRUE;
}

static gboolean
parse_panels (const Where  *where,
              JsonObject   *object,
              RwSystem     *system,
              GError      **error)
{
  static const char * const known[] = { "text", "source", NULL };
  g_autoptr(GList) keys = json_object_get_members (object);
  RwPanel panel;

  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *path = join ("panel", l->data);

      if (!g_str_equal (l->data, "comment") && !rw_panel_from_key (l->data, &panel))
        return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path, "unknown panel row");
    }

  for (guint p = 0; p < RW_PANEL_N; p++)
    {
      const char *key = rw_panel_to_key ((RwPanel) p);
      g_autofree char *prefix = join ("panel", key);
      g_autofree char *source_path = join (prefix, "source");
      JsonObject *row = NULL;
      const char *text = NULL;
      const char *ref = NULL;
      const char *url = NULL;
      const char *date = NULL;

      if (!get_object (where, object, "panel", key, TRUE, &row, error)
          || !check_members (where, row, prefix, known, error)
          || !get_string (where, row, prefix, "text", TRUE, &text, error))
        return FALSE;
      if (json_object_get_member (row, "source") == NULL)
        return fail (where, error, RW_CATALOG_ERROR_NO_SOURCE, source_path, "missing");
      if (!get_string (where, row, prefix, "source", TRUE, &ref, error)
          || !resolve_source (where, source_path, ref, &url, &date, error))
        return FALSE;
      g_free (system->panel[p]);
      system->panel[p] = g_strdup (text);
      g_free (system->panel_source[p]);
      system->panel_source[p] = g_strdup (url);
    }
  return TRUE;
}

static gboolean
parse_peaks (const Where  *where,
             JsonObject   *entry,
             RwSystem     *system,
             GError      **error)
{
  static const char * const precisions[] = { "fp4", "fp8", "int8", "fp16", "fp32", NULL };
  JsonObject *published = NULL;
  JsonObject *assumed = NULL;

  if (!get_object (where, entry, NULL, "peak", TRUE, &published, error)
      || !check_members (where, published, "peak", precisions, error)
      || !get_object (where, entry, NULL, "peak_assumed", FALSE, &assumed, error)
      || (assumed != NULL && !check_members (where, assumed, "peak_assumed", precisions, error)))
    return FALSE;

  for (guint p = 0; p < RW_PRECISION_N; p++)
    {
      const char *name = rw_precision_to_string ((RwPrecision) p);
      RwFigure *peak = &system->peak[p];

      /* Every precision is stated, null where the vendor publishes none,
       * so an unpublished peak is a sourced fact, not a gap. */
      if (!parse_figure (where, published, "peak", name, DIM_FLOPS,
                         FIGURE_REQUIRED | FIGURE_NULLABLE, NULL, peak, error))
        return FALSE;

      if (assumed != NULL && json_object_get_member (assumed, name) != NULL)
        {
          g_autofree char *path = g_strdup_printf ("peak_assumed.%s.assumed", name);
          RwFigure guess = { 0, };

          if (rw_figure_is_known (peak))
            return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path,
                         "an assumed peak is only allowed where the published one is null");
          if (!parse_figure (where, assumed, "peak_assumed", name, DIM_FLOPS,
                             FIGURE_REQUIRED, NULL, &guess, error))
            return FALSE;
          if (!guess.assumed)
            {
              rw_figure_clear (&guess);
              return fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path,
                           "must be true for a figure in peak_assumed");
            }
          /* The estimate uses the assumption; the note keeps what the
           * vendor does (not) publish in front of the assumption. */
          {
            g_autofree char *note = g_strconcat (peak->note, "; ", guess.note, NULL);

            rw_figure_set (peak, guess.value, guess.source, guess.date, note, TRUE);
          }
          rw_figure_clear (&guess);
        }
    }
  return TRUE;
}

static gboolean
parse_systems (Load       *load,
               JsonArray  *array,
               GError    **error)
{
  static const char * const known[] = {
    "id", "name", "short_name", "memory_model", "n_devices", "currency", "memory", "host",
    "link", "peak", "peak_assumed", "power", "price", "components", "efficiency", "panel",
    "note", NULL,
  };
  static const char * const memory_known[] = { "installed", "usable", "bandwidth", NULL };
  static const char * const host_known[] = { "memory", "bandwidth", NULL };
  static const char * const link_known[] = { "bandwidth", NULL };
  static const char * const power_known[] = { "load", "idle", NULL };

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RwSystem) system = NULL;
      Where where = { load, "system", NULL };
      JsonObject *entry = NULL;
      JsonObject *memory = NULL;
      JsonObject *host = NULL;
      JsonObject *link = NULL;
      JsonObject *power = NULL;
      JsonObject *efficiency = NULL;
      JsonObject *panel = NULL;
      JsonNode *components;
      const char *id = NULL;
      const char *name = NULL;
      const char *short_name = NULL;
      const char *memory_model = NULL;
      const char *currency = NULL;
      guint n_devices = 1;

      if (!section_entry (load, array, i, "system", load->system_ids, &entry, &id, error))
        return FALSE;
      where.id = id;
      if (lookup_component (load, id) != NULL)
        return fail (&where, error, RW_CATALOG_ERROR_DUPLICATE_ID, "id",
                     "“%s” is already the id of a component", id);
      system = rw_system_new ();
      if (system->components == NULL)
        system->components = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_component_free);
      if (system->efficiencies == NULL)
        system->efficiencies = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_efficiency_free);

      if (!check_members (&where, entry, NULL, known, error)
          || !get_string (&where, entry, NULL, "name", TRUE, &name, error)
          || !get_string (&where, entry, NULL, "short_name", TRUE, &short_name, error)
          || !get_string (&where, entry, NULL, "memory_model", TRUE, &memory_model, error)
          || !get_uint (&where, entry, NULL, "n_devices", TRUE, 1, &n_devices, error)
          || !get_string (&where, entry, NULL, "currency", TRUE, &currency, error))
        return FALSE;

      if (g_str_equal (memory_model, "unified"))
        system->memory_model = RW_MEMORY_UNIFIED;
      else if (g_str_equal (memory_model, "discrete"))
        system->memory_model = RW_MEMORY_DISCRETE;
      else
        return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "memory_model",
                     "“%s” is neither \"unified\" nor \"discrete\"", memory_model);
      if (!is_currency (currency))
        return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "currency",
                     "“%s” is not an ISO 4217 code such as USD", currency);

      system->id = g_strdup (id);
      system->name = g_strdup (name);
      system->short_name = g_strdup (short_name);
      system->n_devices = n_devices;
      system->currency = g_strdup (currency);
      system->user_defined = load->user_defined;

      if (!get_object (&where, entry, NULL, "memory", TRUE, &memory, error)
          || !check_members (&where, memory, "memory", memory_known, error)
          || !parse_figure (&where, memory, "memory", "installed", DIM_BYTES, FIGURE_REQUIRED,
                            NULL, &system->device_memory, error)
          || !parse_figure (&where, memory, "memory", "usable", DIM_BYTES, FIGURE_REQUIRED,
                            NULL, &system->device_usable, error)
          || !parse_figure (&where, memory, "memory", "bandwidth", DIM_BANDWIDTH, FIGURE_REQUIRED,
                            NULL, &system->device_bandwidth, error))
        return FALSE;
      if (system->device_usable.value > system->device_memory.value)
        return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "memory.usable.value",
                     "usable memory exceeds the installed memory");

      /* Host RAM and its link only exist on discrete builds; a Spark pair
       * has a link (ConnectX-7) but no host pool. */
      if (!get_object (&where, entry, NULL, "host", system->memory_model == RW_MEMORY_DISCRETE,
                       &host, error)
          || !get_object (&where, entry, NULL, "link", system->memory_model == RW_MEMORY_DISCRETE,
                          &link, error))
        return FALSE;
      if (host != NULL && system->memory_model == RW_MEMORY_UNIFIED)
        return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "host",
                     "a unified-memory system has no separate host RAM");
      if (host != NULL
          && (!check_members (&where, host, "host", host_known, error)
              || !parse_figure (&where, host, "host", "memory", DIM_BYTES, FIGURE_REQUIRED,
                                NULL, &system->host_memory, error)
              || !parse_figure (&where, host, "host", "bandwidth", DIM_BANDWIDTH, FIGURE_REQUIRED,
                                NULL, &system->host_bandwidth, error)))
        return FALSE;
      if (link != NULL
          && (!check_members (&where, link, "link", link_known, error)
              || !parse_figure (&where, link, "link", "bandwidth", DIM_BANDWIDTH, FIGURE_REQUIRED,
                                NULL, &system->link_bandwidth, error)))
        return FALSE;

      if (!parse_peaks (&where, entry, system, error))
        return FALSE;

      if (!get_object (&where, entry, NULL, "power", TRUE, &power, error)
          || !check_members (&where, power, "power", power_known, error)
          || !parse_figure (&where, power, "power", "load", DIM_POWER,
                            FIGURE_REQUIRED | FIGURE_NULLABLE, NULL, &system->power_load, error)
          || !parse_figure (&where, power, "power", "idle", DIM_POWER,
                            FIGURE_REQUIRED | FIGURE_NULLABLE, NULL, &system->power_idle, error))
        return FALSE;

      components = json_object_get_member (entry, "components");
      if (components != NULL && json_object_get_member (entry, "price") != NULL)
        return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "price",
                     "a system has either a price or components, not both");
      if (components != NULL)
        {
          if (!JSON_NODE_HOLDS_ARRAY (components))
            return fail (&where, error, RW_CATALOG_ERROR_WRONG_TYPE, "components",
                         "expected an array, found %s", node_type_name (components));
          if (!parse_system_components (&where, json_node_get_array (components), system, error))
            return FALSE;
        }
      else if (!parse_figure (&where, entry, NULL, "price", DIM_PRICE, FIGURE_REQUIRED,
                              currency, &system->price, error))
        {
          return FALSE;
        }

      if (!get_object (&where, entry, NULL, "efficiency", TRUE, &efficiency, error)
          || !parse_efficiencies (&where, efficiency, system, error)
          || !get_object (&where, entry, NULL, "panel", TRUE, &panel, error)
          || !parse_panels (&where, panel, system, error))
        return FALSE;

      {
        g_autoptr(GError) local_error = NULL;

        /* Its message already names the system and the field. */
        if (!rw_system_validate (system, &local_error))
          {
            g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE, "%s: %s",
                         load->file, local_error->message);
            return FALSE;
          }
      }

      g_hash_table_add (load->system_ids, system->id);
      g_ptr_array_add (load->systems, g_steal_pointer (&system));
    }
  return TRUE;
}

static gboolean
parse_benchmarks (Load       *load,
                  JsonArray  *array,
                  GError    **error)
{
  static const char * const known[] = {
    "system", "model", "weights", "runtime", "test", "depth", "batch", "tok_s", "build",
    "date", "source", "note", NULL,
  };

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RwBenchmark) benchmark = rw_benchmark_new ();
      g_autofree char *label = g_strdup_printf ("#%u", i + 1);
      Where where = { load, "benchmark", label };
      JsonObject *entry = NULL;
      const char *system = NULL;
      const char *model = NULL;
      const char *weights = NULL;
      const char *runtime = NULL;
      const char *test = NULL;
      const char *build = NULL;
      const char *date = NULL;
      const char *ref = NULL;
      const char *url = NULL;
      const char *source_date = NULL;
      char *end = NULL;
      guint64 tokens;

      if (!section_entry (load, array, i, "benchmark", NULL, &entry, NULL, error))
        return FALSE;
      if (!check_members (&where, entry, NULL, known, error)
          || !get_string (&where, entry, NULL, "system", TRUE, &system, error)
          || !get_string (&where, entry, NULL, "model", TRUE, &model, error)
          || !get_string (&where, entry, NULL, "weights", TRUE, &weights, error)
          || !get_string (&where, entry, NULL, "runtime", TRUE, &runtime, error)
          || !get_string (&where, entry, NULL, "test", TRUE, &test, error)
          || !get_uint (&where, entry, NULL, "depth", TRUE, 0, &benchmark->depth, error)
          || !get_uint (&where, entry, NULL, "batch", TRUE, 1, &benchmark->batch, error)
          || !get_positive (&where, entry, NULL, "tok_s", TRUE, 0, &benchmark->tok_s, error)
          || !get_string (&where, entry, NULL, "build", TRUE, &build, error)
          || !get_string (&where, entry, NULL, "date", TRUE, &date, error)
          || !get_string (&where, entry, NULL, "source", FALSE, &ref, error))
        return FALSE;
      if (ref == NULL)
        return fail (&where, error, RW_CATALOG_ERROR_NO_SOURCE, "source", "missing");
      if (!resolve_source (&where, "source", ref, &url, &source_date, error))
        return FALSE;
      if (!is_date (date, TRUE))
        return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "date",
                     "“%s” is not YYYY, YYYY-MM or YYYY-MM-DD", date);
      if (!id_known (load->system_ids, load->catalog->system_index, system))
        return fail (&where, error, RW_CATALOG_ERROR_UNKNOWN_ID, "system",
                     "no system “%s” in the catalog", system);
      if (!id_known (load->model_ids, load->catalog->model_index, model))
        return fail (&where, error, RW_CATALOG_ERROR_UNKNOWN_ID, "model",
                     "no model “%s” in the catalog", model);
      if (!id_known (load->format_ids, load->catalog->format_index, weights))
        return fail (&where, error, RW_CATALOG_ERROR_UNKNOWN_ID, "weights",
                     "no format “%s” in the catalog", weights);

      /* llama-bench's own notation: ppN is a prefill of N tokens, tgN a
       * generation of N tokens. */
      if (g_str_has_prefix (test, "pp"))
        benchmark->kind = RW_BENCHMARK_PREFILL;
      else if (g_str_has_prefix (test, "tg"))
        benchmark->kind = RW_BENCHMARK_DECODE;
      else
        return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "test",
                     "“%s” is not ppN or tgN", test);
      tokens = g_ascii_strtoull (test + 2, &end, 10);
      if (end == test + 2 || *end != '\0' || tokens == 0 || tokens > G_MAXINT32)
        return fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "test",
                     "“%s” is not ppN or tgN with N > 0", test);

      benchmark->tokens = (guint) tokens;
      benchmark->system_id = g_strdup (system);
      benchmark->model_id = g_strdup (model);
      benchmark->weights_id = g_strdup (weights);
      benchmark->runtime = g_strdup (runtime);
      benchmark->build = g_strdup (build);
      benchmark->date = g_strdup (date);
      benchmark->source = g_strdup (url);
      g_ptr_array_add (load->benchmarks, g_steal_pointer (&benchmark));
    }
  return TRUE;
}

static gboolean
get_section_array (Load        *load,
                   JsonObject  *root,
                   const char  *member,
                   JsonArray  **out,
                   GError     **error)
{
  Where where = { load, NULL, NULL };
  JsonNode *node = json_object_get_member (root, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (&where, error, RW_CATALOG_ERROR_WRONG_TYPE, member,
                 "expected an array, found %s", node_type_name (node));
  *out = json_node_get_array (node);
  return TRUE;
}

/* Prices */

static RwPriceItem *
ensure_price_item (RwCatalog  *self,
                   const char *item_id,
                   const char *currency)
{
  RwPriceItem *item = g_hash_table_lookup (self->prices, item_id);

  if (item == NULL)
    {
      item = g_new0 (RwPriceItem, 1);
      g_hash_table_insert (self->prices, g_strdup (item_id), item);
    }
  if (currency != NULL && g_strcmp0 (item->currency, currency) != 0)
    {
      g_free (item->currency);
      item->currency = g_strdup (currency);
    }
  return item;
}

static const RwFigure *
price_in_use (RwPriceItem   *item,
              RwPriceOrigin *origin)
{
  for (int o = RW_PRICE_ORIGIN_USER; o >= RW_PRICE_ORIGIN_BUNDLED; o--)
    {
      if (item->set[o])
        {
          if (origin != NULL)
            *origin = (RwPriceOrigin) o;
          return &item->layer[o];
        }
    }
  return NULL;
}

static void
set_layer (RwPriceItem    *item,
           RwPriceOrigin   origin,
           const RwFigure *price)
{
  rw_figure_copy_into (&item->layer[origin], price);
  item->set[origin] = TRUE;
}

/* A price from a catalog file: the bundle's price, or for a user file the
 * user's own (which a feed never replaces); a user-only item also gets it
 * as its base so clearing the user's edits keeps it priced. */
static void
set_file_price (RwCatalog      *self,
                const char     *item_id,
                const char     *currency,
                const RwFigure *price,
                gboolean        user_defined)
{
  RwPriceItem *item = ensure_price_item (self, item_id, currency);

  if (!user_defined || !item->set[RW_PRICE_ORIGIN_BUNDLED])
    set_layer (item, RW_PRICE_ORIGIN_BUNDLED, price);
  if (user_defined)
    set_layer (item, RW_PRICE_ORIGIN_USER, price);
}

/* Copies the price in use of every item into the systems that use it. */
static void
apply_prices (RwCatalog *self)
{
  for (guint i = 0; i < self->systems->len; i++)
    {
      RwSystem *system = g_ptr_array_index (self->systems, i);

      if (system->components->len == 0)
        {
          RwPriceItem *item = g_hash_table_lookup (self->prices, system->id);
          const RwFigure *price = item != NULL ? price_in_use (item, NULL) : NULL;

          if (price != NULL)
            rw_figure_copy_into (&system->price, price);
          continue;
        }
      for (guint j = 0; j < system->components->len; j++)
        {
          RwComponent *component = g_ptr_array_index (system->components, j);
          RwPriceItem *item = g_hash_table_lookup (self->prices, component->id);
          const RwFigure *price = item != NULL ? price_in_use (item, NULL) : NULL;

          if (price != NULL)
            rw_figure_copy_into (&component->price, price);
        }
    }
}

/* Committing a file */

static void
replace_or_append (GPtrArray      *array,
                   GHashTable     *index,
                   const char     *id,
                   gpointer        entry,
                   gsize           id_offset,
                   GDestroyNotify  free_func)
{
  for (guint i = 0; i < array->len; i++)
    {
      gpointer old = g_ptr_array_index (array, i);

      if (g_str_equal (G_STRUCT_MEMBER (char *, old, id_offset), id))
        {
          /* In place, to keep the display order; the index must point at
           * the new entry (and its id) before the old one goes. */
          array->pdata[i] = entry;
          g_hash_table_replace (index, (gpointer) id, entry);
          if (old != entry)
            free_func (old);
          return;
        }
    }
  g_ptr_array_add (array, entry);
  g_hash_table_replace (index, (gpointer) id, entry);
}

static void
commit (Load *load)
{
  RwCatalog *self = load->catalog;
  GHashTableIter iter;
  gpointer key, value;
  gpointer *items;
  gsize n;

  g_hash_table_iter_init (&iter, load->sources);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (self->sources, key, value);
    }

  items = g_ptr_array_steal (load->formats, &n);
  for (gsize i = 0; i < n; i++)
    {
      RwFormat *format = items[i];

      replace_or_append (self->formats, self->format_index, format->id, format,
                         G_STRUCT_OFFSET (RwFormat, id), (GDestroyNotify) rw_format_free);
    }
  g_free (items);

  items = g_ptr_array_steal (load->models, &n);
  for (gsize i = 0; i < n; i++)
    {
      RwModel *model = items[i];

      replace_or_append (self->models, self->model_index, model->id, model,
                         G_STRUCT_OFFSET (RwModel, id), (GDestroyNotify) rw_model_free);
    }
  g_free (items);

  items = g_ptr_array_steal (load->components, &n);
  for (gsize i = 0; i < n; i++)
    {
      RwComponent *component = items[i];
      const char *currency = g_hash_table_lookup (load->component_currency, component->id);

      set_file_price (self, component->id, currency, &component->price, load->user_defined);
      g_hash_table_replace (self->components, component->id, component);
    }
  g_free (items);

  items = g_ptr_array_steal (load->systems, &n);
  for (gsize i = 0; i < n; i++)
    {
      RwSystem *system = items[i];

      if (system->components->len == 0)
        set_file_price (self, system->id, system->currency, &system->price, load->user_defined);
      else
        g_hash_table_remove (self->prices, system->id);  /* was prebuilt, now a build */
      replace_or_append (self->systems, self->system_index, system->id, system,
                         G_STRUCT_OFFSET (RwSystem, id), (GDestroyNotify) rw_system_unref);
    }
  g_free (items);

  items = g_ptr_array_steal (load->benchmarks, &n);
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (self->benchmarks, items[i]);
  g_free (items);

  apply_prices (self);
}

/* GObject */

static void
rw_catalog_finalize (GObject *object)
{
  RwCatalog *self = (RwCatalog *) object;

  g_clear_pointer (&self->system_index, g_hash_table_unref);
  g_clear_pointer (&self->systems, g_ptr_array_unref);
  g_clear_pointer (&self->model_index, g_hash_table_unref);
  g_clear_pointer (&self->models, g_ptr_array_unref);
  g_clear_pointer (&self->format_index, g_hash_table_unref);
  g_clear_pointer (&self->formats, g_ptr_array_unref);
  g_clear_pointer (&self->components, g_hash_table_unref);
  g_clear_pointer (&self->benchmarks, g_ptr_array_unref);
  g_clear_pointer (&self->prices, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);

  G_OBJECT_CLASS (rw_catalog_parent_class)->finalize (object);
}

static void
rw_catalog_class_init (RwCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rw_catalog_finalize;
}

static void
rw_catalog_init (RwCatalog *self)
{
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) rw_source_free);
  self->systems = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_system_unref);
  self->system_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->models = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_model_free);
  self->model_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->formats = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_format_free);
  self->format_index = g_hash_table_new (g_str_hash, g_str_equal);
  /* Keys are the components' own ids. */
  self->components = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) rw_component_free);
  self->benchmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_benchmark_free);
  self->prices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) rw_price_item_free);
}

/* Public API */

RwCatalog *
rw_catalog_new (void)
{
  return g_object_new (RW_TYPE_CATALOG, NULL);
}

const char *
rw_catalog_get_data_dir (void)
{
  const char *env = g_getenv ("RIGWISE_DATADIR");

  if (env != NULL && *env != '\0')
    return env;
  if (g_file_test (PKGDATADIR "/catalog", G_FILE_TEST_IS_DIR))
    return PKGDATADIR;
  return RIGWISE_SOURCE_DATADIR;
}

char *
rw_catalog_get_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "rigwise", "catalog", NULL);
}

gboolean
rw_catalog_load_file (RwCatalog   *self,
                      const char  *path,
                      gboolean     user_defined,
                      GError     **error)
{
  static const char * const known[] = {
    "rigwise-catalog", "sources", "formats", "models", "components", "systems", "benchmarks",
    NULL,
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  Load load = { 0, };
  Where where = { &load, NULL, NULL };
  JsonNode *root;
  JsonNode *sources;
  JsonObject *object;
  JsonArray *formats, *models, *components, *systems, *benchmarks;
  gboolean ok = FALSE;

  g_return_val_if_fail (RW_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  basename = g_path_get_basename (path);
  load.catalog = self;
  load.file = basename;
  load.user_defined = user_defined;

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      if (local_error->domain == G_FILE_ERROR)
        return fail (&where, error, RW_CATALOG_ERROR_IO, NULL, "%s", local_error->message);
      return fail (&where, error, RW_CATALOG_ERROR_PARSE, NULL, "not valid JSON: %s",
                   local_error->message);
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (&where, error, RW_CATALOG_ERROR_WRONG_TYPE, NULL,
                 "expected a JSON object at the top level");
  object = json_node_get_object (root);

  load.dir = g_path_get_dirname (path);
  load.sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) rw_source_free);
  load.formats = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_format_free);
  load.format_ids = g_hash_table_new (g_str_hash, g_str_equal);
  load.models = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_model_free);
  load.model_ids = g_hash_table_new (g_str_hash, g_str_equal);
  load.components = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_component_free);
  load.component_ids = g_hash_table_new (g_str_hash, g_str_equal);
  load.component_currency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  load.systems = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_system_unref);
  load.system_ids = g_hash_table_new (g_str_hash, g_str_equal);
  load.benchmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_benchmark_free);

  /* Sections in dependency order: sources before the figures citing
   * them, components before the builds, everything before benchmarks. */
  sources = json_object_get_member (object, "sources");
  if (check_members (&where, object, NULL, known, error)
      && (sources == NULL || parse_sources (&load, sources, error))
      && get_section_array (&load, object, "formats", &formats, error)
      && (formats == NULL || parse_formats (&load, formats, error))
      && get_section_array (&load, object, "models", &models, error)
      && (models == NULL || parse_models (&load, models, error))
      && get_section_array (&load, object, "components", &components, error)
      && (components == NULL || parse_components (&load, components, error))
      && get_section_array (&load, object, "systems", &systems, error)
      && (systems == NULL || parse_systems (&load, systems, error))
      && get_section_array (&load, object, "benchmarks", &benchmarks, error)
      && (benchmarks == NULL || parse_benchmarks (&load, benchmarks, error)))
    {
      commit (&load);
      ok = TRUE;
    }

  load_clear (&load);
  return ok;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const char *name_a = *(const char * const *) a;
  const char *name_b = *(const char * const *) b;
  int rank_a = G_N_ELEMENTS (ordered_files), rank_b = G_N_ELEMENTS (ordered_files);

  for (guint i = 0; i < G_N_ELEMENTS (ordered_files); i++)
    {
      if (g_str_equal (name_a, ordered_files[i]))
        rank_a = i;
      if (g_str_equal (name_b, ordered_files[i]))
        rank_b = i;
    }
  if (rank_a != rank_b)
    return rank_a - rank_b;
  return strcmp (name_a, name_b);
}

gboolean
rw_catalog_load_directory (RwCatalog   *self,
                           const char  *dir,
                           gboolean     user_defined,
                           GError     **error)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (RW_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO, "%s: %s", dir,
                   local_error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (g_str_has_suffix (name, ".json") && name[0] != '.')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (!rw_catalog_load_file (self, path, user_defined, error))
        return FALSE;
    }
  return TRUE;
}

RwCatalog *
rw_catalog_new_default (GError **error)
{
  g_autoptr(RwCatalog) self = rw_catalog_new ();
  g_autofree char *bundled = g_build_filename (rw_catalog_get_data_dir (), "catalog", NULL);
  g_autofree char *user = rw_catalog_get_user_dir ();

  if (!rw_catalog_load_directory (self, bundled, FALSE, error))
    return NULL;
  if (self->systems->len == 0 || self->formats->len == 0)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO,
                   "%s: no bundled systems or formats found", bundled);
      return NULL;
    }
  if (g_file_test (user, G_FILE_TEST_IS_DIR)
      && !rw_catalog_load_directory (self, user, TRUE, error))
    return NULL;
  return g_steal_pointer (&self);
}

guint
rw_catalog_get_n_systems (RwCatalog *self)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), 0);
  return self->systems->len;
}

RwSystem *
rw_catalog_get_system (RwCatalog *self,
                       guint      index)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->systems->len, NULL);
  return g_ptr_array_index (self->systems, index);
}

RwSystem *
rw_catalog_lookup_system (RwCatalog  *self,
                          const char *id)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->system_index, id);
}

void
rw_catalog_add_system (RwCatalog *self,
                       RwSystem  *system)
{
  g_return_if_fail (RW_IS_CATALOG (self));
  g_return_if_fail (system != NULL && system->id != NULL);

  rw_system_ref (system);
  if (system->components == NULL || system->components->len == 0)
    {
      if (!g_hash_table_contains (self->prices, system->id) && rw_figure_is_known (&system->price))
        set_layer (ensure_price_item (self, system->id, system->currency),
                   RW_PRICE_ORIGIN_BUNDLED, &system->price);
    }
  else
    {
      for (guint i = 0; i < system->components->len; i++)
        {
          RwComponent *component = g_ptr_array_index (system->components, i);

          if (!g_hash_table_contains (self->prices, component->id)
              && rw_figure_is_known (&component->price))
            set_layer (ensure_price_item (self, component->id, system->currency),
                       RW_PRICE_ORIGIN_BUNDLED, &component->price);
        }
    }
  replace_or_append (self->systems, self->system_index, system->id, system,
                     G_STRUCT_OFFSET (RwSystem, id), (GDestroyNotify) rw_system_unref);
  apply_prices (self);
}

guint
rw_catalog_get_n_models (RwCatalog *self)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), 0);
  return self->models->len;
}

const RwModel *
rw_catalog_get_model (RwCatalog *self,
                      guint      index)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->models->len, NULL);
  return g_ptr_array_index (self->models, index);
}

const RwModel *
rw_catalog_lookup_model (RwCatalog  *self,
                         const char *id)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->model_index, id);
}

void
rw_catalog_add_model (RwCatalog *self,
                      RwModel   *model)
{
  g_return_if_fail (RW_IS_CATALOG (self));
  g_return_if_fail (model != NULL && model->id != NULL);
  replace_or_append (self->models, self->model_index, model->id, model,
                     G_STRUCT_OFFSET (RwModel, id), (GDestroyNotify) rw_model_free);
}

guint
rw_catalog_get_n_formats (RwCatalog *self)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), 0);
  return self->formats->len;
}

const RwFormat *
rw_catalog_get_format (RwCatalog *self,
                       guint      index)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->formats->len, NULL);
  return g_ptr_array_index (self->formats, index);
}

const RwFormat *
rw_catalog_lookup_format (RwCatalog  *self,
                          const char *id)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->format_index, id);
}

GPtrArray *
rw_catalog_get_benchmarks (RwCatalog *self)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  return self->benchmarks;
}

gboolean
rw_catalog_set_price (RwCatalog       *self,
                      const char      *item_id,
                      RwPriceOrigin    origin,
                      const RwFigure  *price,
                      GError         **error)
{
  RwPriceItem *item;

  g_return_val_if_fail (RW_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  g_return_val_if_fail (origin <= RW_PRICE_ORIGIN_USER, FALSE);
  g_return_val_if_fail (price != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  item = g_hash_table_lookup (self->prices, item_id);
  if (item == NULL)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_UNKNOWN_ID,
                   "price for “%s”: no system or component with that id", item_id);
      return FALSE;
    }
  if (!isfinite (price->value) || price->value <= 0)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE,
                   "price for “%s”: %g is not a positive amount", item_id, price->value);
      return FALSE;
    }
  if (price->source == NULL || !is_url (price->source) || price->date == NULL
      || !is_date (price->date, FALSE))
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_NO_SOURCE,
                   "price for “%s”: needs a source URL and a date (YYYY-MM or YYYY-MM-DD)",
                   item_id);
      return FALSE;
    }

  set_layer (item, origin, price);
  apply_prices (self);
  return TRUE;
}

void
rw_catalog_clear_prices (RwCatalog     *self,
                         RwPriceOrigin  origin)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (RW_IS_CATALOG (self));
  /* The bundle is the floor every item falls back to. */
  g_return_if_fail (origin != RW_PRICE_ORIGIN_BUNDLED);
  g_return_if_fail (origin <= RW_PRICE_ORIGIN_USER);

  g_hash_table_iter_init (&iter, self->prices);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RwPriceItem *item = value;

      if (item->set[origin])
        {
          rw_figure_clear (&item->layer[origin]);
          item->set[origin] = FALSE;
        }
    }
  apply_prices (self);
}

gboolean
rw_catalog_has_price_item (RwCatalog  *self,
                           const char *item_id)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  return g_hash_table_contains (self->prices, item_id);
}

const RwFigure *
rw_catalog_get_price (RwCatalog     *self,
                      const char    *item_id,
                      RwPriceOrigin *origin)
{
  RwPriceItem *item;

  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  item = g_hash_table_lookup (self->prices, item_id);
  if (item == NULL)
    return NULL;
  return price_in_use (item, origin);
}

char **
rw_catalog_list_price_items (RwCatalog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);

  g_hash_table_iter_init (&iter, self->prices);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (builder, key);
  items = g_strv_builder_end (builder);
  qsort (items, g_strv_length (items), sizeof (char *), compare_strings);
  return g_steal_pointer (&items);
}
