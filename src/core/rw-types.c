/* rw-types.c: names of the core's enumerations, as used in JSON and on the
 * command line (stable: scripts and scenario files depend on them)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rw-types.h"

static const char * const mode_names[RW_MODE_N] = { "inference", "lora", "qlora", "full" };
static const char * const fit_names[] = { "fits", "spills", "does-not-fit" };
static const char * const precision_names[RW_PRECISION_N] = { "fp4", "fp8", "int8", "fp16", "fp32" };
static const char * const api_names[RW_API_N] = { "cuda", "metal", "vulkan", "rocm" };
static const char * const panel_keys[RW_PANEL_N] = {
  "cpu", "gpu", "memory", "storage", "software", "networking",
  "scalability", "ai_performance", "price_tco", "best_for",
};

static gboolean
lookup (const char * const *names,
        guint               n_names,
        const char         *str,
        guint              *index)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], str))
        {
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
rw_mode_to_string (RwMode mode)
{
  g_return_val_if_fail (mode < RW_MODE_N, NULL);
  return mode_names[mode];
}

gboolean
rw_mode_from_string (const char *str,
                     RwMode     *mode)
{
  guint i;

  if (!lookup (mode_names, RW_MODE_N, str, &i))
    return FALSE;
  *mode = (RwMode) i;
  return TRUE;
}

const char *
rw_fit_to_string (RwFit fit)
{
  g_return_val_if_fail (fit <= RW_FIT_DOES_NOT_FIT, NULL);
  return fit_names[fit];
}

const char *
rw_precision_to_string (RwPrecision precision)
{
  g_return_val_if_fail (precision < RW_PRECISION_N, NULL);
  return precision_names[precision];
}

gboolean
rw_precision_from_string (const char  *str,
                          RwPrecision *precision)
{
  guint i;

  if (!lookup (precision_names, RW_PRECISION_N, str, &i))
    return FALSE;
  *precision = (RwPrecision) i;
  return TRUE;
}

const char *
rw_panel_to_key (RwPanel panel)
{
  g_return_val_if_fail (panel < RW_PANEL_N, NULL);
  return panel_keys[panel];
}

gboolean
rw_panel_from_key (const char *key,
                   RwPanel    *panel)
{
  guint i;

  if (!lookup (panel_keys, RW_PANEL_N, key, &i))
    return FALSE;
  *panel = (RwPanel) i;
  return TRUE;
}

const char *
rw_api_to_string (RwApi api)
{
  g_return_val_if_fail (api < RW_API_N, NULL);
  return api_names[api];
}

gboolean
rw_api_from_string (const char *str,
                    RwApi      *api)
{
  guint i;

  if (!lookup (api_names, RW_API_N, str, &i))
    return FALSE;
  *api = (RwApi) i;
  return TRUE;
}
