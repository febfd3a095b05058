/* rw-error.h: error domains of the core
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Loading the catalog (bundled or user JSON files). Messages name the file,
 * the entry id and the field, e.g. "systems.json: system “dgx-spark”: field
 * “memory.bandwidth”: expected a number". */
#define RW_CATALOG_ERROR (rw_catalog_error_quark ())
typedef enum
{
  RW_CATALOG_ERROR_IO,            /* file missing or unreadable */
  RW_CATALOG_ERROR_PARSE,         /* not JSON at all */
  RW_CATALOG_ERROR_MISSING_FIELD, /* a required member is absent */
  RW_CATALOG_ERROR_WRONG_TYPE,    /* a member has the wrong JSON type */
  RW_CATALOG_ERROR_INVALID_VALUE, /* NaN, negative, zero where meaningless, absurd */
  RW_CATALOG_ERROR_UNKNOWN_ID,    /* a reference to an id that does not exist */
  RW_CATALOG_ERROR_DUPLICATE_ID,  /* the same id twice in one file */
  RW_CATALOG_ERROR_NO_SOURCE,     /* a hardware number or price without a source */
} RwCatalogError;

/* Importing a Hugging Face config.json. */
#define RW_CONFIG_ERROR (rw_config_error_quark ())
typedef enum
{
  RW_CONFIG_ERROR_IO,
  RW_CONFIG_ERROR_PARSE,
  RW_CONFIG_ERROR_MISSING_FIELD,
  RW_CONFIG_ERROR_WRONG_TYPE,
  RW_CONFIG_ERROR_INVALID_VALUE,
  RW_CONFIG_ERROR_UNSUPPORTED,    /* e.g. not a decoder-only transformer */
} RwConfigError;

/* Validating a workload before estimating. */
#define RW_WORKLOAD_ERROR (rw_workload_error_quark ())
typedef enum
{
  RW_WORKLOAD_ERROR_INVALID_VALUE,  /* NaN, negative, zero, out of range */
  RW_WORKLOAD_ERROR_UNKNOWN_FORMAT,
  RW_WORKLOAD_ERROR_UNSUPPORTED,    /* e.g. a KV format used as weights */
} RwWorkloadError;

GQuark rw_catalog_error_quark  (void);
GQuark rw_config_error_quark   (void);
GQuark rw_workload_error_quark (void);

/* Loading a .rigwise scenario (rw-scenario.h); messages name the file and
 * the field, e.g. "trip.rigwise: field “workload.context”: …". */
#define RW_SCENARIO_ERROR (rw_scenario_error_quark ())
typedef enum
{
  RW_SCENARIO_ERROR_IO,             /* unreadable, or the save failed */
  RW_SCENARIO_ERROR_PARSE,          /* not JSON */
  RW_SCENARIO_ERROR_VERSION,        /* not a scenario, or another format version */
  RW_SCENARIO_ERROR_MISSING_FIELD,
  RW_SCENARIO_ERROR_WRONG_TYPE,
  RW_SCENARIO_ERROR_INVALID_VALUE,  /* NaN, negative, out of range, duplicate */
  RW_SCENARIO_ERROR_UNKNOWN_ID,     /* a model, format or system the catalog lacks */
  RW_SCENARIO_ERROR_UNKNOWN_FIELD,  /* a member this version does not define */
} RwScenarioError;

GQuark rw_scenario_error_quark (void);

G_END_DECLS
