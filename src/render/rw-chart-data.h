/* rw-chart-data.h: the immutable numbers every chart draws
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rw-answer.h"
#include "rw-catalog.h"
#include "rw-estimate.h"
#include "rw-numbers.h"
#include "rw-system.h"
#include "rw-system-text.h"
#include "rw-workload.h"

G_BEGIN_DECLS

typedef enum
{
  RW_CHART_MEMORY,      /* memory fit: stacked bars against capacity markers */
  RW_CHART_COST,        /* cost per dense TFLOP, grouped by precision */
  RW_CHART_THROUGHPUT,  /* decode tok/s against context depth */
  RW_CHART_TCO,         /* total cost of ownership over years, break-even points */
  RW_CHART_BREAKEVEN,   /* rent or buy: cumulative cost over hours of use */
  RW_CHART_VALIDATION,  /* predicted against measured tok/s, log-log */
} RwChartKind;
#define RW_CHART_N (RW_CHART_VALIDATION + 1)

/* The stacked parts of the memory chart, in drawing order (also the order of
 * RwChartStyle.segments). */
typedef enum
{
  RW_MEMORY_PART_WEIGHTS,
  RW_MEMORY_PART_KV_CACHE,
  RW_MEMORY_PART_ACTIVATIONS,
  RW_MEMORY_PART_GRADIENTS,
  RW_MEMORY_PART_OPTIMIZER,
  RW_MEMORY_PART_OVERHEAD,
} RwMemoryPart;
#define RW_MEMORY_PART_N (RW_MEMORY_PART_OVERHEAD + 1)

/* A chart's numbers as text, for the "Show as table" view and the report.
 * Every row has n_columns strings; cells are already formatted for the
 * current locale, "n/a" or "not published" where a value is unknown. */
typedef struct
{
  char       *title;
  guint       n_columns;
  char      **columns;   /* NULL-terminated, n_columns headers */
  GPtrArray  *rows;      /* char ** (NULL-terminated, n_columns cells each) */
} RwChartTable;

void          rw_chart_table_free         (RwChartTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwChartTable, rw_chart_table_free)

/* Reference counted and immutable once built, so a GTask may build it in a
 * thread and hand it to the UI. */
typedef struct _RwChartData RwChartData;

#define RW_TYPE_CHART_DATA (rw_chart_data_get_type ())
GType         rw_chart_data_get_type      (void) G_GNUC_CONST;

/* Estimates @workload on each of the @n_systems @systems (rw_estimate())
 * and the series the charts draw: decode tok/s over context depths
 * 1K…1M, TCO over the years, break-even points. Keeps its own references and
 * copies: @systems, @workload and what it points to may go away afterwards.
 * @catalog (nullable) tells where each price comes from (bundle, feed, user).
 * Fails if the workload is invalid or @n_systems is 0. */
RwChartData  *rw_chart_data_new           (RwCatalog         *catalog,
                                           RwSystem         **systems,
                                           guint              n_systems,
                                           const RwWorkload  *workload,
                                           GError           **error);
/* Part of building @data: how its charts, tables and report write memory
 * sizes and amounts (default GiB and currency symbols). Call right after
 * rw_chart_data_new(), before @data is drawn or shared. */
void          rw_chart_data_set_display   (RwChartData       *data,
                                           RwMemoryUnits      units,
                                           RwCurrencyDisplay  currency_display);
RwMemoryUnits     rw_chart_data_get_memory_units     (const RwChartData *data);
/* The outcome in words (rw_answer_new()), in the display units. */
const RwAnswer   *rw_chart_data_get_answer           (const RwChartData *data);
/* What the workload asks beyond its model (rw_workload_dup_warnings()),
 * NULL-terminated, translated. */
const char * const *rw_chart_data_get_warnings       (const RwChartData *data);
RwCurrencyDisplay rw_chart_data_get_currency_display (const RwChartData *data);
RwChartData  *rw_chart_data_ref           (RwChartData       *data);
void          rw_chart_data_unref         (RwChartData       *data);

guint             rw_chart_data_get_n_systems  (const RwChartData *data);
const RwSystem   *rw_chart_data_get_system     (const RwChartData *data,
                                                guint              index);
const RwEstimate *rw_chart_data_get_estimate   (const RwChartData *data,
                                                guint              index);
/* The workload the estimates are for; its pointers stay valid as long as @data. */
const RwWorkload *rw_chart_data_get_workload   (const RwChartData *data);
/* Decode tok/s per sequence once the workload's whole context is cached
 * (depth = context), where the estimate's decode_tok_s is at the workload's
 * depth, usually 0. The throughput chart's point at the context. NAN when
 * the workload is not inference or does not fit. */
double            rw_chart_data_get_decode_full_context (const RwChartData *data,
                                                         guint              index);
/* The title of a decode row with @depth tokens cached: "Decode, empty
 * context", "Decode, 32K in context" (the Speed view and the report). */
char             *rw_chart_data_dup_decode_title (guint depth);
/* The workload in one line, the charts' subtitle:
 * "Llama 3.3 70B · Q4_K_M · KV F16 · 32K context · batch 1 · inference". */
const char       *rw_chart_data_get_subtitle   (const RwChartData *data);
/* "Prices as of 2026-11 (bundled catalog; feed)", for captions and the report. */
const char       *rw_chart_data_get_price_note (const RwChartData *data);

/* A measured row on a compared system's chip with the core's prediction
 * for it: a mark of the validation chart, and the Speed view's evidence. */
typedef struct
{
  guint    system;      /* index of the compared system it stands for */
  gboolean decode;      /* tgN (else ppN) */
  char    *machine;     /* the name of the system or calibration device it ran on */
  char    *model;
  char    *format;
  char    *test;        /* llama-bench notation: "tg32", "pp2048" */
  guint    depth;
  guint    batch;
  double   measured;    /* tok/s */
  double   predicted;   /* tok/s */
  char    *build;
  char    *source;      /* URL */
} RwChartEvidence;

/* Every measured row on the compared systems' chips (same system, or the
 * same API and per-device bandwidth), in system order; empty without a
 * catalog. */
guint                  rw_chart_data_get_n_validation (const RwChartData *data);
const RwChartEvidence *rw_chart_data_get_validation   (const RwChartData *data,
                                                       guint              index);
/* The rows nearest the workload for system @system (rw_evidence_nearest()),
 * at most @max, into @out (borrowed pointers); returns how many. */
guint                  rw_chart_data_get_evidence     (const RwChartData      *data,
                                                       guint                   system,
                                                       const RwChartEvidence **out,
                                                       guint                   max);
/* The median |predicted − measured| / measured over @system's rows, for
 * the digits a figure deserves; NAN without rows. */
double                 rw_chart_data_get_speed_error  (const RwChartData *data,
                                                       guint              system);

/* The translated title of a chart, e.g. "Memory fit". */
const char   *rw_chart_kind_get_title     (RwChartKind        kind);
/* "memory", "cost", "throughput", "tco", "breakeven", "validation" and back
 * (for the CLI). */
const char   *rw_chart_kind_to_string     (RwChartKind        kind);
gboolean      rw_chart_kind_from_string   (const char        *str,
                                           RwChartKind       *kind);

/* The numbers behind @kind as strings (see RwChartTable). */
RwChartTable *rw_chart_data_get_table     (const RwChartData *data,
                                           RwChartKind        kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwChartData, rw_chart_data_unref)

G_END_DECLS
