/* rw-user-systems.h: the user's edits of custom builds and prices, kept
 * as a catalog file the loader reads back
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rw-catalog.h"

G_BEGIN_DECLS

/* Errors are RW_CATALOG_ERROR: an edit is a catalog entry like any other
 * (IO when the user file cannot be written or read, UNKNOWN_ID for a part
 * or system the catalog lacks, INVALID_VALUE for a count or price out of
 * range). A failed call leaves both the file and @catalog as they were. */

#define RW_USER_SYSTEMS_FILE       "user-systems.json"
#define RW_USER_SYSTEMS_MAX_GPUS   8u
#define RW_USER_SYSTEMS_MAX_KITS   8u
#define RW_USER_SYSTEMS_MAX_PRICE  1e7

/* $XDG_DATA_HOME/rigwise/catalog/user-systems.json */
char      *rw_user_systems_get_path     (void);

/* The parts the build editor may offer for @kind ("gpu", "ram", "storage",
 * …): every component some catalog system uses, once, sorted by name, as
 * new RwComponent copies with quantity 1 and the price in use. A GPU or RAM
 * kit is only offered when a system using it says what it brings (VRAM,
 * bandwidth and peaks per GPU; GB per kit). */
GPtrArray *rw_user_systems_list_parts   (RwCatalog       *catalog,
                                         const char      *kind);

/* A copy of @base with the GPU, RAM kit and storage replaced (NULL keeps
 * what @base has; a count of 0 keeps @base's count). Device memory,
 * bandwidth, tensor peaks, efficiencies and the GPU panels are taken per GPU
 * from a catalog system that has that GPU and scaled by the count; host RAM
 * per kit likewise; load power is re-estimated from the GPUs' load − idle
 * difference and marked assumed. @base must be a custom build (components). */
RwSystem  *rw_user_systems_build        (RwCatalog       *catalog,
                                         const RwSystem  *base,
                                         const char      *gpu_id,
                                         guint            gpu_count,
                                         const char      *ram_id,
                                         guint            ram_kits,
                                         const char      *storage_id,
                                         GError         **error);

/* Writes @system to the user file (atomically), then copies its values
 * into @catalog's entry with that id, in place: RwSystem pointers the app
 * borrowed from the catalog stay valid and see the edit. */
gboolean   rw_user_systems_save_system  (RwCatalog       *catalog,
                                         RwSystem        *system,
                                         GError         **error);

/* The user's own price for a component or prebuilt system: set in
 * @catalog with RW_PRICE_ORIGIN_USER (so feeds never replace it) and
 * written to the user file. */
gboolean   rw_user_systems_set_price    (RwCatalog       *catalog,
                                         const char      *item_id,
                                         double           value,
                                         GError         **error);

/* Whether the user file holds an edit of system @id. */
gboolean   rw_user_systems_is_edited    (const char      *id);

/* Back to the bundled catalog's values: the system's entry and the user
 * prices of its parts leave the user file, and @catalog gets the bundled
 * system and prices again (user prices of other items stay). */
gboolean   rw_user_systems_reset_system (RwCatalog       *catalog,
                                         const char      *id,
                                         GError         **error);

G_END_DECLS
