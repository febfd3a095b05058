/* rw-catalog-backends.c: the "backends" section
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A runtime's speed parameters on one compute API (rw-backend.h):
 *
 *   { "id": "llama.cpp/cuda", "runtime": "llama.cpp", "api": "cuda",
 *     "name": "llama.cpp on CUDA",
 *     "decode": { "weight_bandwidth": 0.9, "kv_bandwidth": 0.65,
 *                 "layer_us": 50, "moe_layer_us": 29, "step_us": 0,
 *                 "expert_spread": 0.7, "vector_compute": 0.03,
 *                 "batch_compute": 0.09 },
 *     "prefill": { "matmul": { "int8-mma": 0.24, "fp4-mma": 0.15 },
 *                  "moe_half_tokens": 60, "attention": 0.3, "ubatch": 512 },
 *     "rows": 250, "source": "how it was calibrated" }
 *
 * A kernel missing from "matmul" does not exist on the backend.
 */
#include "config.h"

#include <math.h>

#include "rw-catalog-private.h"

static gboolean
parse_decode (const RwFieldWhere  *where,
              JsonObject          *entry,
              RwBackend           *backend,
              GError             **error)
{
  static const char * const known[] = {
    "weight_bandwidth", "kv_bandwidth", "layer_us", "moe_layer_us", "step_us",
    "expert_spread", "vector_compute", "batch_compute", NULL,
  };
  JsonObject *decode = NULL;
  double layer_us = 0, moe_layer_us = 0, step_us = 0;

  if (!rw_field_object (where, entry, NULL, "decode", TRUE, &decode, error)
      || !rw_field_check_members (where, decode, "decode", known, error)
      || !rw_field_positive (where, decode, "decode", "weight_bandwidth", TRUE, 1,
                             &backend->weight_bandwidth, error)
      || !rw_field_positive (where, decode, "decode", "kv_bandwidth", TRUE, 1,
                             &backend->kv_bandwidth, error)
      || !rw_field_number (where, decode, "decode", "layer_us", FALSE, &layer_us, error)
      || !rw_field_number (where, decode, "decode", "moe_layer_us", FALSE, &moe_layer_us, error)
      || !rw_field_number (where, decode, "decode", "step_us", FALSE, &step_us, error)
      || !rw_field_positive (where, decode, "decode", "expert_spread", FALSE, 1,
                             &backend->expert_spread, error)
      || !rw_field_positive (where, decode, "decode", "vector_compute", FALSE, 1,
                             &backend->vector_compute, error)
      || !rw_field_positive (where, decode, "decode", "batch_compute", FALSE, 1,
                             &backend->batch_compute, error))
    return FALSE;

  backend->layer_time = layer_us * 1e-6;
  backend->moe_layer_time = moe_layer_us * 1e-6;
  backend->step_time = step_us * 1e-6;
  return TRUE;
}

static gboolean
parse_prefill (const RwFieldWhere  *where,
               JsonObject          *entry,
               RwBackend           *backend,
               GError             **error)
{
  static const char * const known[] = {
    "matmul", "moe_half_tokens", "attention", "ubatch", NULL,
  };
  static const char * const kernels[RW_KERNEL_N + 1] = {
    "int8-mma", "fp4-mma", "fp16-mma", "alu", NULL,
  };
  JsonObject *prefill = NULL;
  JsonObject *matmul = NULL;
  gboolean any = FALSE;

  if (!rw_field_object (where, entry, NULL, "prefill", TRUE, &prefill, error)
      || !rw_field_check_members (where, prefill, "prefill", known, error)
      || !rw_field_object (where, prefill, "prefill", "matmul", TRUE, &matmul, error)
      || !rw_field_check_members (where, matmul, "prefill.matmul", kernels, error)
      || !rw_field_number (where, prefill, "prefill", "moe_half_tokens", FALSE,
                           &backend->moe_half_tokens, error)
      || !rw_field_positive (where, prefill, "prefill", "attention", TRUE, 1,
                             &backend->attention, error)
      || !rw_field_uint (where, prefill, "prefill", "ubatch", FALSE, 1, &backend->ubatch, error))
    return FALSE;

  for (guint k = 0; k < RW_KERNEL_N; k++)
    {
      if (!rw_field_positive (where, matmul, "prefill.matmul", kernels[k], FALSE, 1,
                              &backend->matmul[k], error))
        return FALSE;
      if (isnan (backend->matmul[k]))
        backend->matmul[k] = 0;
      any |= backend->matmul[k] > 0;
    }
  if (!any)
    return rw_field_fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, "prefill.matmul",
                          "at least one kernel (int8-mma, fp4-mma, fp16-mma, alu) is needed");
  return TRUE;
}

gboolean
rw_catalog_parse_backends (RwCatalogLoad  *load,
                           JsonNode       *section,
                           GError        **error)
{
  static const char * const known[] = {
    "id", "runtime", "api", "name", "decode", "prefill", "rows", "source", "note", NULL,
  };
  JsonArray *array = json_node_get_array (section);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RwBackend) backend = rw_backend_new ();
      g_autoptr(GError) invalid = NULL;
      g_autofree char *expected_id = NULL;
      RwFieldWhere where = { load, "backend", NULL };
      JsonObject *entry = NULL;
      const char *id = NULL;
      const char *runtime = NULL;
      const char *api = NULL;
      const char *name = NULL;
      const char *source = NULL;

      if (!rw_field_section_entry (load, array, i, "backend", load->backend_ids, &entry, &id, error))
        return FALSE;
      where.id = id;
      if (!rw_field_check_members (&where, entry, NULL, known, error)
          || !rw_field_string (&where, entry, NULL, "runtime", TRUE, &runtime, error)
          || !rw_field_string (&where, entry, NULL, "api", TRUE, &api, error)
          || !rw_field_string (&where, entry, NULL, "name", TRUE, &name, error)
          || !rw_field_string (&where, entry, NULL, "source", TRUE, &source, error)
          || !rw_field_uint (&where, entry, NULL, "rows", FALSE, 0, &backend->n_rows, error))
        return FALSE;
      if (!rw_api_from_string (api, &backend->api))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "api",
                              "unknown API “%s” (cuda, metal, vulkan, rocm)", api);
      /* One backend per runtime and API, so the id is derived, not free. */
      expected_id = rw_backend_make_id (runtime, backend->api);
      if (!g_str_equal (id, expected_id))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "id",
                              "must be “%s” (runtime/api)", expected_id);
      if (!parse_decode (&where, entry, backend, error)
          || !parse_prefill (&where, entry, backend, error))
        return FALSE;

      backend->id = g_strdup (id);
      backend->runtime = g_strdup (runtime);
      backend->name = g_strdup (name);
      backend->source = g_strdup (source);
      /* Its message already names the backend and the field. */
      if (!rw_backend_validate (backend, &invalid))
        {
          g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE, "%s: %s",
                       load->file, invalid->message);
          return FALSE;
        }
      g_hash_table_add (load->backend_ids, backend->id);
      g_ptr_array_add (load->backends, g_steal_pointer (&backend));
    }
  return TRUE;
}
