/* rw-backend.c: a runtime's kernels on one compute API
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "rw-backend.h"
#include "rw-error.h"

static const char * const kernel_names[RW_KERNEL_N] = {
  "int8-mma", "fp4-mma", "fp16-mma", "alu",
};

typedef struct
{
  RwBackend backend;
  gatomicrefcount ref_count;
} RwBackendBox;

/* Registered by hand, like RwSystem (G_DEFINE_BOXED_TYPE trips -Wpedantic). */
GType
rw_backend_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_boxed_type_register_static (g_intern_static_string ("RwBackend"),
                                               (GBoxedCopyFunc) rw_backend_ref,
                                               (GBoxedFreeFunc) rw_backend_unref);
      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

RwBackend *
rw_backend_new (void)
{
  RwBackendBox *box = g_new0 (RwBackendBox, 1);

  g_atomic_ref_count_init (&box->ref_count);
  /* A backend without a figure adds nothing for it: no fixed costs, all
   * experts independent, one llama.cpp ubatch. */
  box->backend.expert_spread = 1;
  box->backend.ubatch = 512;
  return &box->backend;
}

RwBackend *
rw_backend_ref (RwBackend *backend)
{
  g_return_val_if_fail (backend != NULL, NULL);
  g_atomic_ref_count_inc (&((RwBackendBox *) backend)->ref_count);
  return backend;
}

void
rw_backend_unref (RwBackend *backend)
{
  RwBackendBox *box = (RwBackendBox *) backend;

  if (backend == NULL || !g_atomic_ref_count_dec (&box->ref_count))
    return;
  g_free (backend->id);
  g_free (backend->runtime);
  g_free (backend->name);
  g_free (backend->source);
  g_free (box);
}

RwBackend *
rw_backend_copy (const RwBackend *backend)
{
  RwBackend *copy;
  RwBackendBox *box;

  g_return_val_if_fail (backend != NULL, NULL);

  copy = rw_backend_new ();
  box = (RwBackendBox *) copy;
  box->backend = *backend;
  copy->id = g_strdup (backend->id);
  copy->runtime = g_strdup (backend->runtime);
  copy->name = g_strdup (backend->name);
  copy->source = g_strdup (backend->source);
  return copy;
}

static gboolean
invalid (const RwBackend  *backend,
         const char       *field,
         const char       *message,
         GError          **error)
{
  g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE,
               "backend “%s”: field “%s”: %s", backend->id ? backend->id : "?", field, message);
  return FALSE;
}

static gboolean
fraction_ok (double value)
{
  return value >= 0 && value <= 1;
}

gboolean
rw_backend_validate (const RwBackend  *backend,
                     GError          **error)
{
  const struct { const char *field; double value; } fractions[] = {
    { "decode.weight_bandwidth", backend->weight_bandwidth },
    { "decode.kv_bandwidth", backend->kv_bandwidth },
    { "decode.expert_spread", backend->expert_spread },
    { "decode.vector_compute", backend->vector_compute },
    { "decode.batch_compute", backend->batch_compute },
    { "prefill.attention", backend->attention },
  };
  const struct { const char *field; double value; } times[] = {
    { "decode.layer_us", backend->layer_time },
    { "decode.moe_layer_us", backend->moe_layer_time },
    { "decode.step_us", backend->step_time },
  };

  g_return_val_if_fail (backend != NULL, FALSE);

  if (backend->id == NULL || backend->runtime == NULL || *backend->runtime == '\0')
    return invalid (backend, "runtime", "empty", error);
  if (backend->api >= RW_API_N)
    return invalid (backend, "api", "unknown", error);
  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    if (!fraction_ok (fractions[i].value))
      return invalid (backend, fractions[i].field, "must be within 0…1", error);
  if (!(backend->weight_bandwidth > 0))
    return invalid (backend, "decode.weight_bandwidth", "must be above 0", error);
  if (!(backend->expert_spread > 0))
    return invalid (backend, "decode.expert_spread", "must be above 0", error);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    if (!(times[i].value >= 0 && times[i].value <= 0.1))
      return invalid (backend, times[i].field, "must be within 0…100 000 µs", error);
  for (guint i = 0; i < RW_KERNEL_N; i++)
    if (!fraction_ok (backend->matmul[i]))
      return invalid (backend, "prefill.matmul", "fractions of peak must be within 0…1", error);
  if (!(backend->moe_half_tokens >= 0 && backend->moe_half_tokens <= 1e6))
    return invalid (backend, "prefill.moe_half_tokens", "must be within 0…1 000 000", error);
  if (backend->ubatch < 1 || backend->ubatch > 1 << 20)
    return invalid (backend, "prefill.ubatch", "must be within 1…1 048 576", error);
  return TRUE;
}

char *
rw_backend_make_id (const char *runtime,
                    RwApi       api)
{
  g_return_val_if_fail (runtime != NULL && api < RW_API_N, NULL);
  return g_strdup_printf ("%s/%s", runtime, rw_api_to_string (api));
}

const char *
rw_kernel_to_string (RwKernel kernel)
{
  g_return_val_if_fail (kernel < RW_KERNEL_N, NULL);
  return kernel_names[kernel];
}

gboolean
rw_kernel_from_string (const char *str,
                       RwKernel   *kernel)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < RW_KERNEL_N; i++)
    if (g_str_equal (kernel_names[i], str))
      {
        *kernel = (RwKernel) i;
        return TRUE;
      }
  return FALSE;
}

RwPrecision
rw_kernel_precision (RwKernel kernel)
{
  switch (kernel)
    {
    case RW_KERNEL_INT8_MMA:
      return RW_PRECISION_INT8;
    case RW_KERNEL_FP4_MMA:
      return RW_PRECISION_FP4;
    case RW_KERNEL_FP16_MMA:
      return RW_PRECISION_FP16;
    case RW_KERNEL_ALU:
    default:
      return RW_PRECISION_FP32;
    }
}
