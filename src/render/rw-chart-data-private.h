/* rw-chart-data-private.h: the chart model's fields, for the renderers
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rw-chart-data.h"

G_BEGIN_DECLS

/* Decode speed is sampled at 1K·√2^k tokens of depth, k = 0…20 (1K…1M). */
#define RW_CHART_N_DEPTHS 21
/* The Speed view shows this many measured rows per system. */
#define RW_CHART_MAX_EVIDENCE 4

typedef struct
{
  guint   a, b;      /* system indices: a is cheaper before, b after */
  double  years;
  double  cost;
} RwBreakEven;

/* Where owning system @owned starts to cost less than renting @cloud. */
typedef struct
{
  guint   owned, cloud;  /* system indices */
  double  hours;
  double  cost;
} RwRentCrossing;

typedef struct
{
  char          *item_id;
  char          *name;      /* system or component name */
  guint          quantity;
  double         value;     /* per unit */
  char          *currency;
  char          *date;
  char          *source;
  gboolean       assumed;   /* no published price: left out of the date range */
  gboolean       known_origin;
  RwPriceOrigin  origin;
} RwPriceSource;

struct _RwChartData
{
  gatomicrefcount  ref_count;

  guint            n_systems;
  RwSystem       **systems;       /* owned references */
  RwEstimate      *estimates;     /* n_systems, .system points into systems */
  double          *decode_full;   /* n_systems: decode tok/s with the context full, NAN: n/a */

  /* The workload, with copies of what it points to. */
  RwWorkload       workload;
  RwModel         *model;
  RwFormat        *weights;
  RwFormat        *kv;
  char            *runtime;

  char            *subtitle;
  char            *price_note;
  char            *currency;      /* of the first system; charts label money in it */
  RwMemoryUnits     units;
  RwCurrencyDisplay currency_display;
  gboolean         mixed_currency;

  /* Throughput vs depth (inference, context = depth). */
  double           depths[RW_CHART_N_DEPTHS];
  double          *decode;        /* n_systems × RW_CHART_N_DEPTHS, NAN: does not fit */
  RwFit           *depth_fit;     /* same shape */
  guint            n_depths_used; /* last depth any system fits at, + 1 (≥ 1) */

  /* TCO over 0…tco_years in monthly steps. */
  double           tco_years;
  guint            n_tco;
  double          *tco;           /* n_systems × n_tco, NAN: no price */
  GArray          *break_evens;   /* RwBreakEven */

  /* Rent or buy: cumulative cost over 0…rent_hours hours of use; the
   * lines are straight (rw_estimate_cost_after_hours()). */
  double           rent_hours;
  GArray          *rent_crossings;  /* RwRentCrossing, every finite one */

  GPtrArray       *prices;        /* RwPriceSource* */

  /* Measured rows on the compared systems' chips (RwChartEvidence) and, per
   * system, the indices of the nearest ones into it. */
  GArray          *validation;
  guint           *evidence;      /* n_systems × RW_CHART_MAX_EVIDENCE, G_MAXUINT: none */
  double          *speed_error;   /* n_systems, NAN: no rows */

  RwAnswer        *answer;        /* in the display units; rebuilt by set_display */
  char           **warnings;      /* rw_workload_dup_warnings () */
};

/* Months of use at the workload's hours a day; NAN without hours a day. */
static inline double
rw_chart_data_hours_to_months (const RwChartData *data,
                               double             hours)
{
  double per_month = data->workload.hours_per_day * 365.0 / 12.0;

  return per_month > 0 ? hours / per_month : NAN;
}

static inline double
rw_chart_data_decode_at (const RwChartData *data,
                         guint              system,
                         guint              depth)
{
  return data->decode[system * RW_CHART_N_DEPTHS + depth];
}

static inline double
rw_chart_data_tco_at (const RwChartData *data,
                      guint              system,
                      guint              step)
{
  return data->tco[system * data->n_tco + step];
}

static inline double
rw_chart_data_tco_year (const RwChartData *data,
                        guint              step)
{
  return data->tco_years * step / (data->n_tco - 1);
}

/* Hours of use with their months: "1,008 h (4.1 months)". */
char  *_rw_format_hours        (const RwChartData *data,
                                double             hours);
/* Money with the currency sign: "$1,234", "1 234 EUR". */
char  *_rw_format_money        (const RwChartData *data,
                                double             value,
                                int                decimals);
/* Bytes in @data's units, "78.4 GB" (10^9) or "73.0 GiB" (2^30), one
 * decimal below 100. */
char  *_rw_format_gb           (const RwChartData *data,
                                double             bytes);
/* Tokens as "32K", "1M". */
char  *_rw_format_tokens       (double             tokens);
/* Cost per TFLOP of @system at @precision: "$2.39", "≈$31.99" when the
 * peak is an assumption, "not published" when there is none. */
char  *_rw_format_per_tflop    (const RwChartData *data,
                                guint              system,
                                RwPrecision        precision);
const char *_rw_memory_part_name (RwMemoryPart     part);
double _rw_memory_part_bytes   (const RwMemoryBreakdown *memory,
                                RwMemoryPart       part);
const char *_rw_system_label   (const RwSystem    *system);

G_END_DECLS
