/* rw-cost-view.h: cost per TFLOP, per GB, per token/s and the TCO
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rigwise-render.h"
#include "rw-chart-card.h"

G_BEGIN_DECLS

#define RW_TYPE_COST_VIEW (rw_cost_view_get_type ())
G_DECLARE_FINAL_TYPE (RwCostView, rw_cost_view, RW, COST_VIEW, GtkWidget)

void         rw_cost_view_set_data       (RwCostView  *self,
                                         RwChartData *data);
/* The chart Ctrl+E exports when this view is visible. */
RwChartCard *rw_cost_view_get_main_chart (RwCostView  *self);

G_END_DECLS
