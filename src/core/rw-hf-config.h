/* rw-hf-config.h: import a Hugging Face config.json as an RwModel
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rw-model.h"

G_BEGIN_DECLS

/* Reads a config.json as users download it: multimodal configs (Gemma 3,
 * Llama 4) nest the language model in "text_config" and only the text model
 * counts; absent fields get the per-model-type defaults transformers applies;
 * each family's field names (num_experts, num_local_experts,
 * n_routed_experts, kv_lora_rank, …) are understood. Errors are
 * RW_CONFIG_ERROR and name the file (@origin) and the field. */
/* Also names the model (rw_hf_config_identify()). */
RwModel *rw_hf_config_load_file  (const char  *path,
                                  GError     **error);
/* The config.json object itself, read as rw-json.h describes (a regular
 * file of at most 1 MiB, strict JSON, Python's NaN and Infinity allowed);
 * errors are RW_CONFIG_ERROR_IO or _PARSE and name the file. */
JsonObject *rw_hf_config_read_file (const char  *path,
                                    GError     **error);
RwModel *rw_hf_config_parse      (JsonObject  *config,
                                  const char  *origin,
                                  GError     **error);

/* Gives an imported model an id and a name: "imported-" and 12 hex digits
 * of the config's SHA-256, so that the same file imported twice is the same
 * model and two files both called config.json are not; the name is the
 * repository the config names ("_name_or_path"), else @file_name. (A
 * parsed config has neither, and was printed as "(null)".) */
void     rw_hf_config_identify   (RwModel     *model,
                                  JsonObject  *config,
                                  const char  *file_name);

G_END_DECLS
