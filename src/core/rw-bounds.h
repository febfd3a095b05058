/* rw-bounds.h: the one table of bounds on every workload input
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core (rw_workload_validate), the command line and the scenario
 * loader all check values against this table, and the README's "Limits"
 * section quotes it (a test compares the two). Beyond a bound a value is a
 * typo rather than a plan.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RW_BOUND_CONTEXT,
  RW_BOUND_DEPTH,
  RW_BOUND_PROMPT,
  RW_BOUND_BATCH,
  RW_BOUND_SEQ_LEN,
  RW_BOUND_MICRO_BATCH,
  RW_BOUND_LORA_RANK,
  RW_BOUND_BITS_PER_WEIGHT,
  RW_BOUND_ELECTRICITY_PRICE,
  RW_BOUND_HOURS_PER_DAY,
  RW_BOUND_YEARS,
  RW_BOUND_PARAMS,
  RW_BOUND_ACTIVE_PARAMS,
  RW_BOUND_N,
} RwBound;

/* Whose names an error uses: the core's, the command line's options, or a
 * scenario file's fields. */
typedef enum
{
  RW_NAMING_CORE,
  RW_NAMING_CLI,
  RW_NAMING_SCENARIO,
} RwNaming;

typedef struct
{
  const char *core;       /* "context" */
  const char *option;     /* "--context" */
  const char *field;      /* "workload.context"; NULL where a scenario has none */
  double      min;
  gboolean    min_open;   /* (min, max] rather than [min, max] */
  double      max;
  gboolean    integer;
  const char *unit;       /* what the numbers count, for the README */
} RwBoundInfo;

const RwBoundInfo *rw_bound_get           (RwBound      bound);
const char        *rw_bound_name          (RwBound      bound,
                                           RwNaming     naming);
gboolean           rw_bound_contains      (RwBound      bound,
                                           double       value);
/* "1 to 16777216", "above 0 to 100" */
char              *rw_bound_describe      (RwBound      bound);

/* Largest model the core takes: beyond any published model (about 2·10^12
 * parameters) by far, and small enough that no byte count of an estimate
 * can wrap a 64-bit integer through the weights alone. */
#define RW_BOUND_MAX_MODEL_PARAMS 1e15

G_END_DECLS
