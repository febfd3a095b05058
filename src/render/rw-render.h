/* rw-render.h: draw a chart on any cairo context (widget, PNG, PDF, SVG)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "rw-chart-data.h"
#include "rw-chart-style.h"

G_BEGIN_DECLS

/* Each draws the whole chart — background, title, the workload as subtitle,
 * axes, legend, data — into the rectangle (0, 0, @width, @height) in user
 * units of @cr, computing nothing but layout. Fonts and line widths follow
 * the size (readable from 320×200 to 4K) times @style->scale. @style NULL =
 * light. The widget's snapshot and the exporter call the same functions. */
void   rw_render_memory_chart      (const RwChartData  *data,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height,
                                    const RwChartStyle *style);
void   rw_render_cost_chart        (const RwChartData  *data,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height,
                                    const RwChartStyle *style);
void   rw_render_throughput_chart  (const RwChartData  *data,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height,
                                    const RwChartStyle *style);
void   rw_render_tco_chart         (const RwChartData  *data,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height,
                                    const RwChartStyle *style);
/* Rent or buy: cumulative cost of owned and rented systems over hours of
 * use (months at the workload's hours a day on the top axis), crossings
 * marked with their hours. */
void   rw_render_breakeven_chart   (const RwChartData  *data,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height,
                                    const RwChartStyle *style);
/* Dispatches on @kind to one of the above. */
void   rw_render_validation_chart  (const RwChartData  *data,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height,
                                    const RwChartStyle *style);
void   rw_render_chart             (const RwChartData  *data,
                                    RwChartKind         kind,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height,
                                    const RwChartStyle *style);

/* Accessible descriptions: what the chart shows and its key numbers, in
 * translated full sentences (for gtk_accessible_update_property's
 * DESCRIPTION and the report). Free with g_free(). */
char  *rw_render_describe_memory_chart     (const RwChartData *data);
char  *rw_render_describe_cost_chart       (const RwChartData *data);
char  *rw_render_describe_throughput_chart (const RwChartData *data);
char  *rw_render_describe_tco_chart        (const RwChartData *data);
char  *rw_render_describe_breakeven_chart  (const RwChartData *data);
char  *rw_render_describe_validation_chart (const RwChartData *data);
char  *rw_render_describe_chart            (const RwChartData *data,
                                            RwChartKind        kind);

G_END_DECLS
