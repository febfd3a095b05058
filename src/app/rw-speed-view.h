/* rw-speed-view.h: decode and prefill speed, time to first token, training
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rigwise-render.h"
#include "rw-chart-card.h"
#include "rw-stat-table.h"

G_BEGIN_DECLS

#define RW_TYPE_SPEED_VIEW (rw_speed_view_get_type ())
G_DECLARE_FINAL_TYPE (RwSpeedView, rw_speed_view, RW, SPEED_VIEW, GtkWidget)

void         rw_speed_view_set_data       (RwSpeedView  *self,
                                         RwChartData *data);
/* The chart Ctrl+E exports when this view is visible. */
RwChartCard *rw_speed_view_get_main_chart (RwSpeedView  *self);
/* The speed figures, for tests. */
RwStatTable *rw_speed_view_get_table      (RwSpeedView  *self);

G_END_DECLS
