/* rw-fit-view.h: the memory-fit chart and the breakdown table
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rigwise-core.h"
#include "rigwise-render.h"
#include "rw-chart-card.h"
#include "rw-stat-table.h"

G_BEGIN_DECLS

#define RW_TYPE_FIT_VIEW (rw_fit_view_get_type ())
G_DECLARE_FINAL_TYPE (RwFitView, rw_fit_view, RW, FIT_VIEW, GtkWidget)

void         rw_fit_view_set_data       (RwFitView  *self,
                                         RwChartData *data);
/* The "What Fits" section: @fits[i] (rw_what_fits()) for the i-th system
 * compared, for @workload. */
void         rw_fit_view_set_what_fits  (RwFitView          *self,
                                         const RwWorkload   *workload,
                                         RwWhatFits * const *fits,
                                         guint               n_fits);
/* Its table, for tests. */
RwStatTable *rw_fit_view_get_what_fits_table (RwFitView *self);
/* The chart Ctrl+E exports when this view is visible. */
RwChartCard *rw_fit_view_get_main_chart (RwFitView  *self);

G_END_DECLS
