/* rw-chart-widget.h: one chart drawn by src/render, following light/dark
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rigwise-render.h"

G_BEGIN_DECLS

#define RW_TYPE_CHART_WIDGET (rw_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (RwChartWidget, rw_chart_widget, RW, CHART_WIDGET, GtkWidget)

GtkWidget         *rw_chart_widget_new        (RwChartKind    kind);
RwChartKind        rw_chart_widget_get_kind   (RwChartWidget *self);
void               rw_chart_widget_set_kind   (RwChartWidget *self,
                                               RwChartKind    kind);
/* The chart's model; NULL shows nothing. Takes a reference. */
RwChartData       *rw_chart_widget_get_data   (RwChartWidget *self);
void               rw_chart_widget_set_data   (RwChartWidget *self,
                                               RwChartData   *data);
/* The style it draws with now: light or dark after AdwStyleManager. */
void               rw_chart_widget_get_style  (RwChartWidget *self,
                                               RwChartStyle  *style);

G_END_DECLS
