/* rw-system.c: a machine to compare
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Systems are shared by the catalog, the estimates that point at them and
 * the UI, so they are reference counted (an atomic refcounted box: the
 * public struct stays a plain struct).
 */
#include <math.h>
#include <string.h>

#include "rw-error.h"
#include "rw-system.h"
#include "rw-format.h"

/* Registered by hand: G_DEFINE_BOXED_TYPE's transparent-union argument
 * conversion trips -Wpedantic, which warning_level=3 turns on. */
GType
rw_system_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_boxed_type_register_static (g_intern_static_string ("RwSystem"),
                                               (GBoxedCopyFunc) rw_system_ref,
                                               (GBoxedFreeFunc) rw_system_unref);
      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

RwComponent *
rw_component_new (void)
{
  RwComponent *component = g_new0 (RwComponent, 1);

  component->quantity = 1;
  component->price.value = NAN;
  return component;
}

static RwComponent *
rw_component_copy (const RwComponent *component)
{
  RwComponent *copy = g_new0 (RwComponent, 1);

  copy->id = g_strdup (component->id);
  copy->kind = g_strdup (component->kind);
  copy->name = g_strdup (component->name);
  copy->quantity = component->quantity;
  rw_figure_copy_into (&copy->price, &component->price);
  return copy;
}

void
rw_component_free (RwComponent *component)
{
  if (component == NULL)
    return;
  g_free (component->id);
  g_free (component->kind);
  g_free (component->name);
  rw_figure_clear (&component->price);
  g_free (component);
}

RwEfficiency *
rw_efficiency_new (void)
{
  RwEfficiency *efficiency = g_new0 (RwEfficiency, 1);

  efficiency->matmul_scale = 1;
  return efficiency;
}

RwEfficiency *
rw_efficiency_copy (const RwEfficiency *efficiency)
{
  RwEfficiency *copy = g_new0 (RwEfficiency, 1);

  *copy = *efficiency;
  copy->runtime = g_strdup (efficiency->runtime);
  copy->source = g_strdup (efficiency->source);
  return copy;
}

void
rw_efficiency_free (RwEfficiency *efficiency)
{
  if (efficiency == NULL)
    return;
  g_free (efficiency->runtime);
  g_free (efficiency->source);
  g_free (efficiency);
}

/* The memory figures, to clear or copy them in one loop; the peaks, power
 * and price are handled by the callers. */
#define N_MEMORY_FIGURES 6

static void
system_figures (RwSystem *system,
                RwFigure *figures[N_MEMORY_FIGURES])
{
  figures[0] = &system->device_memory;
  figures[1] = &system->device_usable;
  figures[2] = &system->device_bandwidth;
  figures[3] = &system->host_memory;
  figures[4] = &system->host_bandwidth;
  figures[5] = &system->link_bandwidth;
}

static void
system_clear (RwSystem *system)
{
  RwFigure *figures[N_MEMORY_FIGURES];

  system_figures (system, figures);
  g_free (system->id);
  g_free (system->name);
  g_free (system->short_name);
  for (guint i = 0; i < N_MEMORY_FIGURES; i++)
    rw_figure_clear (figures[i]);
  for (guint i = 0; i < RW_PRECISION_N; i++)
    rw_figure_clear (&system->peak[i]);
  rw_figure_clear (&system->power_load);
  rw_figure_clear (&system->power_idle);
  g_free (system->currency);
  rw_figure_clear (&system->price);
  rw_figure_clear (&system->price_per_hour);
  g_clear_pointer (&system->components, g_ptr_array_unref);
  g_clear_pointer (&system->efficiencies, g_ptr_array_unref);
  g_clear_pointer (&system->backends, g_ptr_array_unref);
  for (guint i = 0; i < RW_PANEL_N; i++)
    {
      g_free (system->panel[i]);
      g_free (system->panel_source[i]);
    }
}

/* A new system: unknown figures are NAN until the catalog fills them in;
 * host memory and the link are 0 ("none"), as on unified systems. */
RwSystem *
rw_system_new (void)
{
  RwSystem *system = g_atomic_rc_box_new0 (RwSystem);
  RwFigure *figures[N_MEMORY_FIGURES];

  system_figures (system, figures);
  system->memory_model = RW_MEMORY_UNIFIED;
  system->n_devices = 1;
  for (guint i = 0; i < 3; i++)
    figures[i]->value = NAN;
  for (guint i = 0; i < RW_PRECISION_N; i++)
    system->peak[i].value = NAN;
  system->power_load.value = NAN;
  system->power_idle.value = NAN;
  system->price.value = NAN;
  system->price_per_hour.value = NAN;
  system->components = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_component_free);
  system->efficiencies = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_efficiency_free);
  system->backends = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_backend_unref);
  return system;
}

RwSystem *
rw_system_ref (RwSystem *system)
{
  g_return_val_if_fail (system != NULL, NULL);
  return g_atomic_rc_box_acquire (system);
}

void
rw_system_unref (RwSystem *system)
{
  g_return_if_fail (system != NULL);
  g_atomic_rc_box_release_full (system, (GDestroyNotify) system_clear);
}

/* A deep copy with its own reference count (for editing a variant). */
RwSystem *
rw_system_copy (const RwSystem *system)
{
  RwSystem *copy;
  RwFigure *dest[N_MEMORY_FIGURES];
  RwFigure *src[N_MEMORY_FIGURES];

  g_return_val_if_fail (system != NULL, NULL);

  copy = rw_system_new ();
  copy->id = g_strdup (system->id);
  copy->name = g_strdup (system->name);
  copy->short_name = g_strdup (system->short_name);
  copy->kind = system->kind;
  copy->memory_model = system->memory_model;
  copy->n_devices = system->n_devices;
  copy->apis = system->apis;
  copy->api = system->api;

  system_figures (copy, dest);
  system_figures ((RwSystem *) system, src);
  for (guint i = 0; i < N_MEMORY_FIGURES; i++)
    rw_figure_copy_into (dest[i], src[i]);
  for (guint i = 0; i < RW_PRECISION_N; i++)
    rw_figure_copy_into (&copy->peak[i], &system->peak[i]);
  rw_figure_copy_into (&copy->power_load, &system->power_load);
  rw_figure_copy_into (&copy->power_idle, &system->power_idle);

  copy->currency = g_strdup (system->currency);
  rw_figure_copy_into (&copy->price, &system->price);
  rw_figure_copy_into (&copy->price_per_hour, &system->price_per_hour);
  for (guint i = 0; system->components != NULL && i < system->components->len; i++)
    g_ptr_array_add (copy->components, rw_component_copy (g_ptr_array_index (system->components, i)));
  for (guint i = 0; system->efficiencies != NULL && i < system->efficiencies->len; i++)
    g_ptr_array_add (copy->efficiencies, rw_efficiency_copy (g_ptr_array_index (system->efficiencies, i)));
  for (guint i = 0; system->backends != NULL && i < system->backends->len; i++)
    g_ptr_array_add (copy->backends, rw_backend_ref (g_ptr_array_index (system->backends, i)));

  for (guint i = 0; i < RW_PANEL_N; i++)
    {
      copy->panel[i] = g_strdup (system->panel[i]);
      copy->panel_source[i] = g_strdup (system->panel_source[i]);
    }
  copy->user_defined = system->user_defined;
  return copy;
}

double
rw_system_total_price (const RwSystem *system)
{
  double total = 0;

  g_return_val_if_fail (system != NULL, NAN);

  if (system->kind == RW_SYSTEM_CLOUD)
    return NAN;
  if (system->components == NULL || system->components->len == 0)
    return system->price.value;

  for (guint i = 0; i < system->components->len; i++)
    {
      const RwComponent *component = g_ptr_array_index (system->components, i);

      total += component->quantity * component->price.value;
    }
  return total;
}

double
rw_system_hourly_price (const RwSystem *system)
{
  g_return_val_if_fail (system != NULL, NAN);

  if (system->kind != RW_SYSTEM_CLOUD)
    return NAN;
  return system->n_devices * system->price_per_hour.value;
}

gboolean
rw_system_is_cloud (const RwSystem *system)
{
  g_return_val_if_fail (system != NULL, FALSE);

  return system->kind == RW_SYSTEM_CLOUD;
}

const char *
rw_system_kind_to_string (RwSystemKind kind)
{
  return kind == RW_SYSTEM_CLOUD ? "cloud" : "owned";
}

gboolean
rw_system_kind_from_string (const char   *str,
                            RwSystemKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (g_strcmp0 (str, "owned") == 0)
    *kind = RW_SYSTEM_OWNED;
  else if (g_strcmp0 (str, "cloud") == 0)
    *kind = RW_SYSTEM_CLOUD;
  else
    return FALSE;
  return TRUE;
}

const RwEfficiency *
rw_system_get_efficiency (const RwSystem *system,
                          const char     *runtime)
{
  g_return_val_if_fail (system != NULL, NULL);

  if (runtime == NULL || system->efficiencies == NULL)
    return NULL;
  for (guint i = 0; i < system->efficiencies->len; i++)
    {
      const RwEfficiency *efficiency = g_ptr_array_index (system->efficiencies, i);

      if (g_strcmp0 (efficiency->runtime, runtime) == 0)
        return efficiency;
    }
  return NULL;
}

const RwBackend *
rw_system_get_backend (const RwSystem *system,
                       const char     *runtime,
                       int             api)
{
  g_return_val_if_fail (system != NULL, NULL);

  if (runtime == NULL || system->backends == NULL)
    return NULL;
  if (api < 0)
    api = system->api;
  if ((system->apis & (1u << api)) == 0)
    return NULL;
  for (guint i = 0; i < system->backends->len; i++)
    {
      const RwBackend *backend = g_ptr_array_index (system->backends, i);

      if ((int) backend->api == api && g_str_equal (backend->runtime, runtime))
        return backend;
    }
  return NULL;
}

void
rw_system_attach_backends (RwSystem  *system,
                           GPtrArray *backends)
{
  g_return_if_fail (system != NULL);

  g_ptr_array_set_size (system->backends, 0);
  for (guint i = 0; backends != NULL && i < backends->len; i++)
    {
      RwBackend *backend = g_ptr_array_index (backends, i);

      if (system->apis & (1u << backend->api))
        g_ptr_array_add (system->backends, rw_backend_ref (backend));
    }
}

double
rw_system_kernel_peak (const RwSystem *system,
                       RwKernel        kernel)
{
  double peak;

  g_return_val_if_fail (system != NULL, NAN);

  peak = system->peak[rw_kernel_precision (kernel)].value;
  return isfinite (peak) && peak > 0 ? peak : NAN;
}

/* The kernels a tensor may run on, best first: llama.cpp takes FP4 tensor
 * cores for FP4 blocks where the GPU has them (PR #17906), int8 MMA (MMQ)
 * for other quantised blocks, FP16 GEMM for 16-bit weights or where no
 * int8 matrix unit exists, and shader ALUs last. */
RwKernel
rw_system_kernel (const RwSystem  *system,
                  const RwBackend *backend,
                  const RwFormat  *format,
                  gboolean         experts)
{
  static const RwKernel wide[] = { RW_KERNEL_FP16_MMA, RW_KERNEL_ALU };
  static const RwKernel fp4[] = { RW_KERNEL_FP4_MMA, RW_KERNEL_INT8_MMA, RW_KERNEL_FP16_MMA, RW_KERNEL_ALU };
  static const RwKernel quantised[] = { RW_KERNEL_INT8_MMA, RW_KERNEL_FP16_MMA, RW_KERNEL_ALU };
  const RwKernel *order;
  guint n;
  RwPrecision precision;

  g_return_val_if_fail (system != NULL && backend != NULL && format != NULL, RW_KERNEL_ALU);

  precision = experts && format->expert_bits_per_weight > 0
              ? format->expert_compute_precision : format->compute_precision;
  if (format->bits_per_weight >= 16 && !(experts && format->expert_bits_per_weight > 0))
    order = wide, n = G_N_ELEMENTS (wide);
  else if (precision == RW_PRECISION_FP4)
    order = fp4, n = G_N_ELEMENTS (fp4);
  else
    order = quantised, n = G_N_ELEMENTS (quantised);

  for (guint i = 0; i < n; i++)
    if (backend->matmul[order[i]] > 0 && isfinite (rw_system_kernel_peak (system, order[i])))
      return order[i];
  return RW_KERNEL_ALU;
}

/* Where a precision falls back to when its peak is unpublished: a kernel in
 * a narrow format can always run on the wider tensor-core path. INT8 is not
 * "wider" than FP8 or FP4 (it is integer), so the float chain skips it. */
static RwPrecision
wider_precision (RwPrecision precision)
{
  switch (precision)
    {
    case RW_PRECISION_FP4:
      return RW_PRECISION_FP8;
    case RW_PRECISION_FP8:
    case RW_PRECISION_INT8:
      return RW_PRECISION_FP16;
    case RW_PRECISION_FP16:
      return RW_PRECISION_FP32;
    case RW_PRECISION_FP32:
    default:
      return RW_PRECISION_N;
    }
}

double
rw_system_effective_peak (const RwSystem *system,
                          RwPrecision     precision,
                          RwPrecision    *used)
{
  g_return_val_if_fail (system != NULL, NAN);
  g_return_val_if_fail (precision < RW_PRECISION_N, NAN);

  for (RwPrecision p = precision; p < RW_PRECISION_N; p = wider_precision (p))
    {
      double peak = system->peak[p].value;

      if (isfinite (peak) && peak > 0)
        {
          if (used != NULL)
            *used = p;
          return peak;
        }
    }
  if (used != NULL)
    *used = precision;
  return NAN;
}

static gboolean
invalid (const RwSystem  *system,
         const char      *field,
         const char      *problem,
         GError         **error)
{
  g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE,
               "system “%s”: field “%s”: %s",
               system->id ? system->id : "(unnamed)", field, problem);
  return FALSE;
}

/* A positive, finite amount. */
static gboolean
check_positive (const RwSystem  *system,
                const char      *field,
                double           value,
                GError         **error)
{
  if (isfinite (value) && value > 0)
    return TRUE;
  return invalid (system, field,
                  isnan (value) ? "missing or not a number" : "must be positive and finite",
                  error);
}

/* Unknown (NAN) is allowed for figures vendors may not publish, but a
 * known one must be ≥ 0 and finite. */
static gboolean
check_optional (const RwSystem  *system,
                const char      *field,
                double           value,
                GError         **error)
{
  if (isnan (value) || (isfinite (value) && value >= 0))
    return TRUE;
  return invalid (system, field, "must be unknown, or zero or more and finite", error);
}

gboolean
rw_system_validate (const RwSystem  *system,
                    GError         **error)
{
  double price;

  g_return_val_if_fail (system != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (system->id == NULL || *system->id == '\0')
    return invalid (system, "id", "empty", error);
  if (system->n_devices < 1 || system->n_devices > 64)
    return invalid (system, "n_devices", "must be 1…64", error);

  if (!check_positive (system, "device_memory", system->device_memory.value, error) ||
      !check_positive (system, "device_usable", system->device_usable.value, error) ||
      !check_positive (system, "device_bandwidth", system->device_bandwidth.value, error))
    return FALSE;
  if (system->device_usable.value > system->device_memory.value)
    return invalid (system, "device_usable", "larger than device_memory", error);

  /* A cloud GPU's host RAM is the provider's VM, whose bandwidth nobody
   * publishes: host figures are optional there (0 = not modelled). */
  if (system->memory_model == RW_MEMORY_DISCRETE && system->kind == RW_SYSTEM_OWNED)
    {
      if (!check_positive (system, "host_memory", system->host_memory.value, error) ||
          !check_positive (system, "host_bandwidth", system->host_bandwidth.value, error) ||
          !check_positive (system, "link_bandwidth", system->link_bandwidth.value, error))
        return FALSE;
    }

  for (guint i = 0; i < RW_PRECISION_N; i++)
    {
      if (!check_optional (system, rw_precision_to_string ((RwPrecision) i),
                           system->peak[i].value, error))
        return FALSE;
    }
  if (!check_optional (system, "power_load", system->power_load.value, error) ||
      !check_optional (system, "power_idle", system->power_idle.value, error))
    return FALSE;

  if (system->currency == NULL || strlen (system->currency) != 3)
    return invalid (system, "currency", "expected a three-letter ISO 4217 code", error);

  for (guint i = 0; system->components != NULL && i < system->components->len; i++)
    {
      const RwComponent *component = g_ptr_array_index (system->components, i);

      if (component->quantity < 1)
        return invalid (system, "components.quantity", "must be at least 1", error);
      if (!check_positive (system, "components.price", component->price.value, error))
        return FALSE;
    }
  if (system->kind == RW_SYSTEM_CLOUD)
    {
      if (system->components != NULL && system->components->len > 0)
        return invalid (system, "components", "a cloud system is rented, not built from parts", error);
      if (!isnan (system->price.value))
        return invalid (system, "price", "a cloud system has an hourly price, not a purchase price", error);
      if (!check_positive (system, "price_per_hour", system->price_per_hour.value, error))
        return FALSE;
    }
  else
    {
      if (!isnan (system->price_per_hour.value))
        return invalid (system, "price_per_hour", "only a cloud system has an hourly price", error);
      /* A prebuilt system's price may be unpublished (NAN, the catalog
       * note says so); a known one, or a build's sum, must be positive. */
      price = rw_system_total_price (system);
      if (!((system->components == NULL || system->components->len == 0) && isnan (price))
          && !check_positive (system, "price", price, error))
        return FALSE;
    }

  for (guint i = 0; system->efficiencies != NULL && i < system->efficiencies->len; i++)
    {
      const RwEfficiency *e = g_ptr_array_index (system->efficiencies, i);
      const double fractions[] = { e->decode_bandwidth, e->host_bandwidth,
                                   e->prefill_compute, e->train_compute };

      if (e->runtime == NULL || *e->runtime == '\0')
        return invalid (system, "efficiency.runtime", "empty", error);
      /* host_bandwidth may be 0 on unified systems, where it is unused. */
      for (guint j = 0; j < G_N_ELEMENTS (fractions); j++)
        if (!(fractions[j] >= 0 && fractions[j] <= 1))
          return invalid (system, "efficiency", "fractions of peak must be within 0…1", error);
      if (!(e->decode_latency >= 0 && e->decode_latency <= 1))
        return invalid (system, "efficiency.decode_latency", "must be within 0…1 s", error);
      if (!(e->matmul_scale > 0 && e->matmul_scale <= 4))
        return invalid (system, "efficiency.matmul_scale", "must be within 0…4", error);
    }

  return TRUE;
}
