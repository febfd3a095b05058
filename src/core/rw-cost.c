/* rw-cost.c: price, price per unit of performance, energy and TCO
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "rw-estimate-private.h"

/* Electricity a year: load hours at the load power, the rest of the day
 * idle, in kWh × the workload's price per kWh. Where no idle figure is
 * published the machine counts as switched off outside the hours of use
 * (README "How Rigwise computes"); an unknown load power leaves it NAN. */
double
_rw_cost_energy_per_year (const RwSystem   *system,
                          const RwWorkload *workload)
{
  double hours = workload->hours_per_day;
  double idle = rw_figure_is_known (&system->power_idle) ? system->power_idle.value : 0;
  double wh_per_day = system->power_load.value * hours + idle * (24 - hours);

  return wh_per_day * 365 / 1000 * workload->electricity_price;
}

void
_rw_cost_estimate (const RwSystem   *system,
                   const RwWorkload *workload,
                   RwEstimate       *out)
{
  double price = rw_system_total_price (system);
  double usable = system->device_usable.value;
  double tok_s = out->decode_tok_s_total;

  out->price = price;
  for (guint p = 0; p < RW_PRECISION_N; p++)
    {
      double peak = system->peak[p].value;

      out->per_tflop[p] = isfinite (peak) && peak > 0 ? price / (peak / 1e12) : NAN;
    }
  out->per_gb = usable > 0 ? price / (usable / 1e9) : NAN;

  /* NAN propagates from a decode speed that does not apply. */
  out->per_decode_tok_s = price / tok_s;
  /* W × s per million tokens = J; 3.6e6 J = 1 kWh. */
  out->energy_per_mtok = system->power_load.value * (1e6 / tok_s) / 3.6e6
                         * workload->electricity_price;
  out->energy_per_year = _rw_cost_energy_per_year (system, workload);
  out->tco = price + out->energy_per_year * workload->years;
}
