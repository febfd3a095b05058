/* rw-scenario.h: a saved workload and system selection (.rigwise files)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rw-catalog.h"
#include "rw-model.h"
#include "rw-workload.h"

G_BEGIN_DECLS

/* The "rigwise-scenario" member of every file this version writes; files
 * with another version are refused (RW_SCENARIO_ERROR_VERSION). */
#define RW_SCENARIO_VERSION 1

/* Values are bounded by the one table of rw-bounds.h, as everywhere. */

/* Everything a .rigwise file holds, by id: a scenario does not point into
 * the catalog, so it survives catalog reloads and can be checked against
 * any catalog. */
typedef struct
{
  /* The model: a catalog id, or an imported Hugging Face config.json kept
   * verbatim (model_id is then NULL). */
  char        *model_id;
  JsonObject  *model_config;
  char        *model_config_name;  /* file name it was imported from, nullable */
  RwModel     *imported_model;     /* parsed from model_config, owned */

  char        *weights_id;
  char        *kv_id;
  double       bits_per_weight_override;  /* 0: none */

  RwMode       mode;
  guint        context;
  guint        depth;
  guint        prompt;
  guint        batch;

  RwOptimizer  optimizer;
  guint        seq_len;
  guint        micro_batch;
  guint        lora_rank;
  gboolean     grad_checkpointing;

  char        *runtime;

  double       electricity_price;
  double       hours_per_day;
  double       years;

  GPtrArray   *systems;            /* char* system ids, in display order */
} RwScenario;

#define RW_TYPE_SCENARIO (rw_scenario_get_type ())
GType          rw_scenario_get_type              (void) G_GNUC_CONST;

/* The workload defaults of rw_workload_init(), no model, no systems. */
RwScenario    *rw_scenario_new                   (void);
/* Captures @workload (its model must be set; an imported model needs
 * rw_scenario_set_model_config() afterwards) and @system_ids. */
RwScenario    *rw_scenario_new_from_workload     (const RwWorkload   *workload,
                                                  const char * const *system_ids);
RwScenario    *rw_scenario_copy                  (const RwScenario   *scenario);
void           rw_scenario_free                  (RwScenario         *scenario);
gboolean       rw_scenario_equal                 (const RwScenario   *a,
                                                  const RwScenario   *b);

void           rw_scenario_set_model_id          (RwScenario         *scenario,
                                                  const char         *model_id);
/* Embeds an imported config.json (parsed with rw_hf_config_parse() first:
 * on error nothing changes). Clears model_id. */
gboolean       rw_scenario_set_model_config      (RwScenario         *scenario,
                                                  JsonObject         *config,
                                                  const char         *name,
                                                  GError            **error);
gboolean       rw_scenario_set_model_config_file (RwScenario         *scenario,
                                                  const char         *path,
                                                  GError            **error);
void           rw_scenario_set_systems           (RwScenario         *scenario,
                                                  const char * const *system_ids);

JsonNode      *rw_scenario_to_json               (const RwScenario   *scenario);
/* The document as saved, pretty printed; also what the app keeps in the
 * GSettings key "last-scenario". */
char          *rw_scenario_to_data               (const RwScenario   *scenario,
                                                  gsize              *length);
/* Writes atomically (a temporary file renamed over @file, no backup): a
 * failed save leaves the previous file as it was. */
gboolean       rw_scenario_save                  (const RwScenario   *scenario,
                                                  GFile              *file,
                                                  GError            **error);

/* Strict: every id is checked against @catalog, every value for its type
 * and range; on error (RW_SCENARIO_ERROR, the message names @origin or the
 * file and the field) NULL is returned and nothing else happened. */
RwScenario    *rw_scenario_load                  (GFile              *file,
                                                  RwCatalog          *catalog,
                                                  GError            **error);
RwScenario    *rw_scenario_load_from_data        (const char         *data,
                                                  gssize              length,
                                                  const char         *origin,
                                                  RwCatalog          *catalog,
                                                  GError            **error);

/* The model the scenario names: the catalog's, or the imported one (owned
 * by @scenario). NULL when neither is known. */
const RwModel *rw_scenario_get_model             (const RwScenario   *scenario,
                                                  RwCatalog          *catalog);
/* Resolves the ids against @catalog and fills @workload all at once: on
 * error @workload is untouched. The workload points at catalog entries and,
 * for an imported model, at scenario->imported_model: keep the scenario
 * alive as long as the workload uses it. */
gboolean       rw_scenario_apply_to_workload     (const RwScenario   *scenario,
                                                  RwCatalog          *catalog,
                                                  RwWorkload         *workload,
                                                  GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwScenario, rw_scenario_free)

G_END_DECLS
