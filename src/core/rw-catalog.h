/* rw-catalog.h: the bundled and user catalogs of systems, models and formats
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-benchmark.h"
#include "rw-format.h"
#include "rw-model.h"
#include "rw-system.h"

G_BEGIN_DECLS

/* Where a price in use comes from. Higher wins: a user's own edit is never
 * replaced by a feed, and a feed never by the bundle. */
typedef enum
{
  RW_PRICE_ORIGIN_BUNDLED,
  RW_PRICE_ORIGIN_FEED,
  RW_PRICE_ORIGIN_USER,
} RwPriceOrigin;

#define RW_TYPE_CATALOG (rw_catalog_get_type ())
G_DECLARE_FINAL_TYPE (RwCatalog, rw_catalog, RW, CATALOG, GObject)

RwCatalog          *rw_catalog_new                (void);
/* The bundled catalog (see rw_catalog_get_data_dir()) plus the user's
 * catalog under $XDG_DATA_HOME/rigwise/catalog/, which adds or overrides
 * entries by id. A bundled file that does not load is an error; a user
 * file that does not load is skipped and listed by
 * rw_catalog_get_skipped(), and the rest loads. */
RwCatalog          *rw_catalog_new_default        (GError        **error);

/* $RIGWISE_DATADIR if set, else the installed data dir, else the source
 * tree's data/ (so tests and uninstalled runs work). */
const char         *rw_catalog_get_data_dir       (void);
char               *rw_catalog_get_user_dir       (void);

/* Loads one catalog file: a JSON object with any of "sources", "formats",
 * "backends", "models", "systems", "components", "devices", "benchmarks". Entries override earlier
 * ones with the same id. On error nothing from the file is kept and the
 * message names the file, the entry and the field. */
gboolean            rw_catalog_load_file          (RwCatalog      *self,
                                                   const char     *path,
                                                   gboolean        user_defined,
                                                   GError        **error);
gboolean            rw_catalog_load_directory     (RwCatalog      *self,
                                                   const char     *dir,
                                                   gboolean        user_defined,
                                                   GError        **error);

/* A user catalog file rw_catalog_new_default() skipped: one bad file must
 * not take the bundle and the other files down with it. */
typedef struct
{
  char   *path;
  GError *error;    /* RW_CATALOG_ERROR; the message names the file */
} RwCatalogSkip;

/* The files skipped, in the order they were tried (RwCatalogSkip*); empty
 * when every user file loaded. Owned by @self. */
GPtrArray          *rw_catalog_get_skipped        (RwCatalog      *self);
/* "REASON" of a skipped file without the file name its message starts
 * with, for callers that show the path themselves. */
const char         *rw_catalog_skip_get_reason    (const RwCatalogSkip *skip);

guint               rw_catalog_get_n_systems      (RwCatalog      *self);
RwSystem           *rw_catalog_get_system         (RwCatalog      *self,
                                                   guint           index);
RwSystem           *rw_catalog_lookup_system      (RwCatalog      *self,
                                                   const char     *id);
void                rw_catalog_add_system         (RwCatalog      *self,
                                                   RwSystem       *system);

guint               rw_catalog_get_n_models       (RwCatalog      *self);
const RwModel      *rw_catalog_get_model          (RwCatalog      *self,
                                                   guint           index);
const RwModel      *rw_catalog_lookup_model       (RwCatalog      *self,
                                                   const char     *id);
void                rw_catalog_add_model          (RwCatalog      *self,
                                                   RwModel        *model);

guint               rw_catalog_get_n_formats      (RwCatalog      *self);
const RwFormat     *rw_catalog_get_format         (RwCatalog      *self,
                                                   guint           index);
const RwFormat     *rw_catalog_lookup_format      (RwCatalog      *self,
                                                   const char     *id);

/* Runtimes' speed parameters per compute API (rw-backend.h), by id
 * "RUNTIME/API". */
guint               rw_catalog_get_n_backends     (RwCatalog      *self);
const RwBackend    *rw_catalog_get_backend        (RwCatalog      *self,
                                                   guint           index);
const RwBackend    *rw_catalog_lookup_backend     (RwCatalog      *self,
                                                   const char     *id);

/* GPUs measured but not offered for comparison ("devices" section): their
 * benchmark rows calibrate the backends. Single-device systems. */
guint               rw_catalog_get_n_devices      (RwCatalog      *self);
RwSystem           *rw_catalog_get_device         (RwCatalog      *self,
                                                   guint           index);
RwSystem           *rw_catalog_lookup_device      (RwCatalog      *self,
                                                   const char     *id);

GPtrArray          *rw_catalog_get_benchmarks     (RwCatalog      *self);
/* Every runtime some system has efficiencies for, in catalog order: the
 * runtimes a workload may name. Free with g_strfreev(). */
char              **rw_catalog_dup_runtimes       (RwCatalog      *self);

/* Prices by item id: a prebuilt system's id, or a component id shared by
 * custom builds. Setting a price updates every system that uses the item;
 * the figure with the highest origin is the one in use. */
gboolean            rw_catalog_set_price          (RwCatalog      *self,
                                                   const char     *item_id,
                                                   RwPriceOrigin   origin,
                                                   const RwFigure *price,
                                                   GError        **error);
void                rw_catalog_clear_prices       (RwCatalog      *self,
                                                   RwPriceOrigin   origin);
gboolean            rw_catalog_has_price_item     (RwCatalog      *self,
                                                   const char     *item_id);
const RwFigure     *rw_catalog_get_price          (RwCatalog      *self,
                                                   const char     *item_id,
                                                   RwPriceOrigin  *origin);
/* TRUE when @item_id is a cloud system's price per GPU-hour (shown with
 * the unit "USD/h"), FALSE for a purchase price or an unknown id. */
gboolean            rw_catalog_price_is_hourly    (RwCatalog      *self,
                                                   const char     *item_id);
/* Every priced item id, sorted; free with g_strfreev(). */
char              **rw_catalog_list_price_items   (RwCatalog      *self);

G_END_DECLS
