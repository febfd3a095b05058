/* rw-catalog-private.h: what the catalog's files share, not for outside the core
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog is split by job:
 *   rw-catalog.c            the container: the GObject, loading a file or a
 *                           directory section by section, committing it
 *   rw-catalog-fields.c     the field reader: typed, checked members of a
 *                           JSON object, with errors naming file, entry, field
 *   rw-catalog-figure.c     figure objects {"value", "unit", "source", …}
 *                           and their units
 *   rw-catalog-sources.c    section "sources"
 *   rw-catalog-formats.c    section "formats"
 *   rw-catalog-backends.c   section "backends"
 *   rw-catalog-models.c     section "models"
 *   rw-catalog-components.c section "components"
 *   rw-catalog-systems.c    section "systems"
 *   rw-catalog-devices.c    section "devices" (GPUs measured, not compared)
 *   rw-catalog-benchmarks.c section "benchmarks"
 *   rw-catalog-prices.c     the price layers (bundled < feed < yours)
 *
 * Adding a field to a section: read it in that section's parser with the
 * rw_field_*() readers below (they reject wrong types, NaN and out-of-range
 * values with a message naming the field) and add its name to the parser's
 * `known` list, else the file is refused as having an unknown field.
 * Adding a section: a parser with the RwCatalogSectionParser signature, a
 * row in rw-catalog.c's section table, temporaries in RwCatalogLoad and
 * their commit.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rw-catalog.h"
#include "rw-error.h"

G_BEGIN_DECLS

/* A "sources" registry entry: figures cite it by key. */
typedef struct
{
  char *url;
  char *title;
  char *date;
} RwSource;

void rw_source_free (RwSource *source);

/* One priced item (a prebuilt system or a shared component) with a figure
 * per origin; the highest origin that is set is the price in use. */
typedef struct
{
  char     *currency;
  gboolean  hourly;   /* a cloud system's price per GPU-hour */
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
  GPtrArray  *backends;       /* RwBackend* */
  GHashTable *backend_index;
  GHashTable *components;     /* id → RwComponent* (quantity 1, bundled price) */
  GPtrArray  *devices;        /* RwSystem*: calibration hardware */
  GHashTable *device_index;
  GPtrArray  *benchmarks;     /* RwBenchmark* */
  GHashTable *prices;         /* item id → RwPriceItem* */
  GPtrArray  *skipped;        /* RwCatalogSkip*: user files that did not load */
};

/* What is being loaded from one file, committed only at the end so a file
 * with an error changes nothing. */
typedef struct
{
  RwCatalog  *catalog;
  const char *file;          /* base name, for messages */
  char       *dir;           /* for paths relative to the file */
  gboolean    user_defined;

  GHashTable *sources;       /* key → RwSource* */
  GPtrArray  *formats;
  GHashTable *format_ids;
  GPtrArray  *backends;
  GHashTable *backend_ids;
  GPtrArray  *models;
  GHashTable *model_ids;
  GPtrArray  *components;    /* RwComponent* */
  GHashTable *component_ids; /* id → RwComponent* (borrowed) */
  GHashTable *component_currency; /* id → ISO 4217 code */
  GPtrArray  *systems;
  GHashTable *system_ids;
  GPtrArray  *devices;
  GHashTable *device_ids;
  GPtrArray  *benchmarks;
} RwCatalogLoad;

/* A section parser: @section is the member's value, already checked to be
 * an array (or, for "sources", an object). */
typedef gboolean (*RwCatalogSectionParser) (RwCatalogLoad  *load,
                                            JsonNode       *section,
                                            GError        **error);

gboolean rw_catalog_parse_sources    (RwCatalogLoad *load, JsonNode *section, GError **error);
gboolean rw_catalog_parse_formats    (RwCatalogLoad *load, JsonNode *section, GError **error);
gboolean rw_catalog_parse_backends   (RwCatalogLoad *load, JsonNode *section, GError **error);
gboolean rw_catalog_parse_models     (RwCatalogLoad *load, JsonNode *section, GError **error);
gboolean rw_catalog_parse_components (RwCatalogLoad *load, JsonNode *section, GError **error);
gboolean rw_catalog_parse_systems    (RwCatalogLoad *load, JsonNode *section, GError **error);
gboolean rw_catalog_parse_devices    (RwCatalogLoad *load, JsonNode *section, GError **error);
gboolean rw_catalog_parse_benchmarks (RwCatalogLoad *load, JsonNode *section, GError **error);

/* Parts of a system entry the "devices" section shares
 * (rw-catalog-systems.c): "peak" with "peak_assumed", and "apis". */
typedef struct _RwFieldWhere RwFieldWhere;
gboolean rw_catalog_parse_peaks (const RwFieldWhere *where, JsonObject *entry, RwSystem *system, GError **error);
gboolean rw_catalog_parse_apis  (const RwFieldWhere *where, JsonObject *entry, RwSystem *system, GError **error);

/* Components of this file, else of the catalog (rw-catalog-components.c). */
const RwComponent *rw_catalog_load_lookup_component (RwCatalogLoad *load,
                                                     const char    *id);
const char        *rw_catalog_load_component_currency (RwCatalogLoad *load,
                                                       const char    *id);

/* The field reader (rw-catalog-fields.c) */

/* Where in the file an error is: the entry kind and id. Fields are paths
 * such as "memory.bandwidth.value" built with rw_field_join(). */
struct _RwFieldWhere
{
  RwCatalogLoad *load;
  const char    *kind;       /* "system", "model", …; NULL at top level */
  const char    *id;         /* NULL before the id is known */
};

/* Sets @error to "FILE: KIND “ID”: field “FIELD”: MESSAGE" and returns FALSE. */
G_GNUC_PRINTF (5, 6)
gboolean    rw_field_fail          (const RwFieldWhere *where,
                                    GError            **error,
                                    RwCatalogError      code,
                                    const char         *field,
                                    const char         *format,
                                    ...);
char       *rw_field_join          (const char         *prefix,
                                    const char         *member);
const char *rw_field_type_name     (JsonNode           *node);
gboolean    rw_field_node_is_number (JsonNode          *node);
gboolean    rw_field_node_is_string (JsonNode          *node);
gboolean    rw_field_is_url        (const char         *str);
/* "YYYY-MM" or "YYYY-MM-DD"; with @year_ok also a bare "YYYY". */
gboolean    rw_field_is_date       (const char         *str,
                                    gboolean            year_ok);
gboolean    rw_field_is_currency   (const char         *str);

/* Rejects members not in @known (NULL-terminated), so a typo ("bandwith")
 * is an error instead of a silently missing figure; "comment" is allowed. */
gboolean    rw_field_check_members (const RwFieldWhere *where,
                                    JsonObject         *object,
                                    const char         *prefix,
                                    const char * const *known,
                                    GError            **error);

/* Typed members of @object. @prefix is the object's own path (NULL at the
 * entry's top level). Absent and not @required leaves *@out untouched
 * (rw_field_string and rw_field_object set it to NULL). */
gboolean    rw_field_string        (const RwFieldWhere *where,
                                    JsonObject         *object,
                                    const char         *prefix,
                                    const char         *member,
                                    gboolean            required,
                                    const char        **out,
                                    GError            **error);
/* Any finite JSON number. */
gboolean    rw_field_number        (const RwFieldWhere *where,
                                    JsonObject         *object,
                                    const char         *prefix,
                                    const char         *member,
                                    gboolean            required,
                                    double             *out,
                                    GError            **error);
/* A number > 0 (and ≤ @max when @max > 0). */
gboolean    rw_field_positive      (const RwFieldWhere *where,
                                    JsonObject         *object,
                                    const char         *prefix,
                                    const char         *member,
                                    gboolean            required,
                                    double              max,
                                    double             *out,
                                    GError            **error);
/* A JSON integer in @min … G_MAXINT32. */
gboolean    rw_field_uint          (const RwFieldWhere *where,
                                    JsonObject         *object,
                                    const char         *prefix,
                                    const char         *member,
                                    gboolean            required,
                                    guint               min,
                                    guint              *out,
                                    GError            **error);
gboolean    rw_field_boolean       (const RwFieldWhere *where,
                                    JsonObject         *object,
                                    const char         *prefix,
                                    const char         *member,
                                    gboolean            required,
                                    gboolean           *out,
                                    GError            **error);
gboolean    rw_field_object        (const RwFieldWhere *where,
                                    JsonObject         *object,
                                    const char         *prefix,
                                    const char         *member,
                                    gboolean            required,
                                    JsonObject        **out,
                                    GError            **error);

/* A source reference: a "sources" key (of this file or the catalog) or a
 * URL. Sets the URL and the registry's date (NULL for a bare URL). */
gboolean    rw_field_source        (const RwFieldWhere *where,
                                    const char         *field,
                                    const char         *ref,
                                    const char        **url,
                                    const char        **date,
                                    GError            **error);

/* Element @i of a section array as an object; with @seen (ids already in
 * this file) also its unique, non-empty "id". */
gboolean    rw_field_section_entry (RwCatalogLoad      *load,
                                    JsonArray          *array,
                                    guint               i,
                                    const char         *kind,
                                    GHashTable         *seen,
                                    JsonObject        **entry,
                                    const char        **id,
                                    GError            **error);
/* An id of this file or of the catalog. */
gboolean    rw_field_id_known      (GHashTable         *in_file,
                                    GHashTable         *in_catalog,
                                    const char         *id);

/* Figures (rw-catalog-figure.c) */

typedef enum
{
  RW_DIMENSION_BYTES,
  RW_DIMENSION_BANDWIDTH,
  RW_DIMENSION_FLOPS,
  RW_DIMENSION_POWER,
  RW_DIMENSION_PRICE,
  RW_DIMENSION_PRICE_PER_HOUR,  /* "USD/h": a cloud GPU's hourly price */
} RwDimension;

typedef enum
{
  RW_FIGURE_REQUIRED = 1 << 0,
  RW_FIGURE_NULLABLE = 1 << 1,  /* value null = not published (NAN) */
} RwFigureFlags;

/* Reads the figure object @member of @object into @figure, converting its
 * unit to SI (bytes, bytes/s, FLOP/s, W). Prices must be in @currency. */
gboolean    rw_field_figure        (const RwFieldWhere *where,
                                    JsonObject         *object,
                                    const char         *prefix,
                                    const char         *member,
                                    RwDimension         dimension,
                                    RwFigureFlags       flags,
                                    const char         *currency,
                                    RwFigure           *figure,
                                    GError            **error);

/* Price layers (rw-catalog-prices.c) */

void            rw_price_item_free          (RwPriceItem    *item);
RwPriceItem    *rw_catalog_ensure_price_item (RwCatalog      *self,
                                              const char     *item_id,
                                              const char     *currency);
void            rw_price_item_set_layer     (RwPriceItem    *item,
                                             RwPriceOrigin   origin,
                                             const RwFigure *price);
/* A price from a catalog file: the bundle's, or for a user file the user's
 * own (which a feed never replaces). */
void            rw_catalog_set_file_price   (RwCatalog      *self,
                                             const char     *item_id,
                                             const char     *currency,
                                             const RwFigure *price,
                                             gboolean        user_defined);
/* A prebuilt or cloud system's own item (its hourly price if cloud): from
 * a file (@from_file, as rw_catalog_set_file_price()), or as the bundled
 * layer when the item has none yet. */
void            rw_catalog_set_system_price (RwCatalog      *self,
                                             const RwSystem *system,
                                             gboolean        from_file,
                                             gboolean        user_defined);
/* Copies the price in use of every item into the systems that use it. */
void            rw_catalog_apply_prices     (RwCatalog      *self);

G_END_DECLS
