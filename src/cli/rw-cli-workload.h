/* rw-cli-workload.h: the workload options shared by `estimate` and `export`
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-cli.h"

G_BEGIN_DECLS

/* The raw option values, as typed (strings, so that every value gets the
 * same strict check and a message naming the option). */
typedef struct
{
  char     *model;
  char     *model_config;
  char     *gguf;
  char     *params;
  char     *active_params;
  char     *weights;
  char     *bits_per_weight;
  char     *kv;
  char     *context;
  char     *depth;
  char     *prompt;
  char     *batch;
  char     *mode;
  char     *runtime;
  char     *seq_len;
  char     *micro_batch;
  char     *lora_rank;
  char     *optimizer;
  gboolean  no_checkpointing;
  char     *electricity_price;
  char     *hours_per_day;
  char     *years;
} RwCliWorkloadOptions;

/* A resolved workload and what it owns: a model read from a config.json or
 * built from --params (the catalog owns all else). */
typedef struct
{
  RwWorkload  workload;
  RwModel    *owned_model;
  RwFormat   *owned_format;   /* a GGUF file's own weight format */
  char       *runtime;
  gboolean    synthetic;   /* the model was shaped from --params */
} RwCliWorkload;

/* The GOptionEntry set for @options (NULL-terminated, free with g_free());
 * add it to a GOptionContext with g_option_context_add_main_entries(). */
GOptionEntry *rw_cli_workload_option_entries (RwCliWorkloadOptions       *options);
void          rw_cli_workload_options_clear  (RwCliWorkloadOptions       *options);

/* Checks every option and resolves ids against @catalog. Errors are
 * RW_CLI_ERROR (USAGE for a bad value or unknown id, FAILED for a config
 * file that cannot be read) naming the option. */
gboolean      rw_cli_workload_resolve        (const RwCliWorkloadOptions *options,
                                              RwCatalog                  *catalog,
                                              RwCliWorkload              *out,
                                              GError                    **error);
void          rw_cli_workload_clear          (RwCliWorkload              *workload);

/* A Llama-3-like model of @params parameters (MoE when @active_params > 0
 * and smaller); see rw-cli-workload.c for the shape. */
RwModel      *rw_cli_synthetic_model         (double                      params,
                                              double                      active_params,
                                              GError                    **error);

/* One line describing the workload, for the text output. */
char         *rw_cli_workload_describe       (const RwCliWorkload        *workload);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RwCliWorkloadOptions, rw_cli_workload_options_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RwCliWorkload, rw_cli_workload_clear)

G_END_DECLS
