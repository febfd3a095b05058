/* rw-cost.c: price, price per unit of performance, energy, TCO, rent or buy
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "rw-estimate-private.h"

#define DAYS_PER_YEAR 365.0

/* Electricity a year: load hours at the load power, the rest of the day
 * idle, in kWh × the workload's price per kWh. Where no idle figure is
 * published the machine counts as switched off outside the hours of use
 * (README "How Rigwise computes"); an unknown load power leaves it NAN.
 * A cloud system's rent includes its power: NAN, nothing to pay. */
double
_rw_cost_energy_per_year (const RwSystem   *system,
                          const RwWorkload *workload)
{
  double hours = workload->hours_per_day;
  double idle = rw_figure_is_known (&system->power_idle) ? system->power_idle.value : 0;
  double wh_per_day = system->power_load.value * hours + idle * (24 - hours);

  if (system->kind == RW_SYSTEM_CLOUD)
    return NAN;
  return wh_per_day * DAYS_PER_YEAR / 1000 * workload->electricity_price;
}

/* The rent of @years at the workload's hours a day. */
static double
rent_for_years (const RwSystem   *system,
                const RwWorkload *workload,
                double            years)
{
  return rw_system_hourly_price (system) * workload->hours_per_day * DAYS_PER_YEAR * years;
}

/* Electricity of one hour at load, in currency: W / 1000 × price per kWh. */
static double
energy_per_hour (double            watts,
                 const RwWorkload *workload)
{
  return watts / 1000 * workload->electricity_price;
}

/* An hour of use: the hourly price, or the price spread over every hour of
 * use in the workload's years plus the electricity of that hour. No hours
 * of use at all leave nothing to spread the price over: NAN. */
static double
cost_per_hour (const RwSystem   *system,
               const RwWorkload *workload,
               double            price)
{
  double hours_of_use = workload->years * DAYS_PER_YEAR * workload->hours_per_day;

  if (system->kind == RW_SYSTEM_CLOUD)
    return rw_system_hourly_price (system);
  if (!(hours_of_use > 0))
    return NAN;
  return price / hours_of_use + energy_per_hour (system->power_load.value, workload);
}

void
_rw_cost_estimate (const RwSystem   *system,
                   const RwWorkload *workload,
                   RwEstimate       *out)
{
  double price = rw_system_total_price (system);
  double usable = system->device_usable.value;
  double tok_s = out->decode_tok_s_total;
  gboolean cloud = system->kind == RW_SYSTEM_CLOUD;

  out->price = price;
  for (guint p = 0; p < RW_PRECISION_N; p++)
    {
      double peak = system->peak[p].value;

      out->per_tflop[p] = isfinite (peak) && peak > 0 ? price / (peak / 1e12) : NAN;
    }
  out->per_gb = usable > 0 ? price / (usable / 1e9) : NAN;

  /* NAN propagates from a decode speed that does not apply. */
  out->per_decode_tok_s = price / tok_s;
  /* W × s per million tokens = J; 3.6e6 J = 1 kWh. A cloud system's
   * rent includes its electricity. */
  out->energy_per_mtok = cloud ? NAN
                               : system->power_load.value * (1e6 / tok_s) / 3.6e6
                                 * workload->electricity_price;
  out->energy_per_year = _rw_cost_energy_per_year (system, workload);
  out->tco = cloud ? rent_for_years (system, workload, workload->years)
                   : price + out->energy_per_year * workload->years;

  out->power_load_w = system->power_load.value;
  out->per_hour = cost_per_hour (system, workload, price);
  /* An hour makes tok_s × 3600 tokens. */
  out->per_mtok = out->per_hour / (tok_s * 3600) * 1e6;
}

double
rw_estimate_tco_at (const RwSystem   *system,
                    const RwWorkload *workload,
                    double            years)
{
  g_return_val_if_fail (system != NULL, NAN);
  g_return_val_if_fail (workload != NULL, NAN);

  if (system->kind == RW_SYSTEM_CLOUD)
    return rent_for_years (system, workload, years);
  return rw_system_total_price (system)
         + _rw_cost_energy_per_year (system, workload) * years;
}

double
rw_estimate_cost_after_hours (const RwEstimate *estimate,
                              const RwWorkload *workload,
                              double            hours)
{
  const RwSystem *system;

  g_return_val_if_fail (estimate != NULL && estimate->system != NULL, NAN);
  g_return_val_if_fail (workload != NULL, NAN);

  system = estimate->system;
  if (system->kind == RW_SYSTEM_CLOUD)
    return rw_system_hourly_price (system) * hours;
  return estimate->price + energy_per_hour (system->power_load.value, workload) * hours;
}

double
rw_estimate_break_even_hours (const RwEstimate *owned,
                              const RwEstimate *cloud,
                              const RwWorkload *workload)
{
  double saved_per_hour;

  g_return_val_if_fail (owned != NULL && owned->system != NULL, NAN);
  g_return_val_if_fail (cloud != NULL && cloud->system != NULL, NAN);
  g_return_val_if_fail (workload != NULL, NAN);

  if (owned->system->kind != RW_SYSTEM_OWNED || cloud->system->kind != RW_SYSTEM_CLOUD)
    return NAN;

  /* What an hour of owning saves against an hour of renting. */
  saved_per_hour = rw_system_hourly_price (cloud->system)
                   - energy_per_hour (owned->system->power_load.value, workload);
  if (!isfinite (saved_per_hour) || !isfinite (owned->price))
    return NAN;
  if (saved_per_hour <= 0)
    return INFINITY;
  return owned->price / saved_per_hour;
}
