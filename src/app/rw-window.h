/* rw-window.h: the main window
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rigwise-core.h"
#include "rigwise-render.h"
#include "rw-scenario.h"
#include "rw-compare-view.h"
#include "rw-cost-view.h"
#include "rw-fit-view.h"
#include "rw-speed-view.h"
#include "rw-workload-sidebar.h"

G_BEGIN_DECLS

#define RW_TYPE_WINDOW (rw_window_get_type ())
G_DECLARE_FINAL_TYPE (RwWindow, rw_window, RW, WINDOW, AdwApplicationWindow)

/* @catalog NULL shows @catalog_error on a status page instead of the views. */
RwWindow          *rw_window_new                 (GtkApplication  *application,
                                                  RwCatalog       *catalog,
                                                  const GError    *catalog_error);
RwCatalog         *rw_window_get_catalog         (RwWindow        *self);
void               rw_window_add_toast           (RwWindow        *self,
                                                  const char      *message);

/* Recomputes every view from the sidebar and the settings; runs by itself on
 * every change. */
void               rw_window_recompute           (RwWindow        *self);
/* The model of every chart and table now shown; NULL when nothing is. */
RwChartData       *rw_window_get_chart_data      (RwWindow        *self);

/* Imports a Hugging Face config.json into the catalog and selects it. */
gboolean           rw_window_import_model_file   (RwWindow        *self,
                                                  GFile           *file,
                                                  GError         **error);

/* Scenarios (.rigwise): the window's workload, systems and cost inputs.
 * Applying resolves every id first: on error nothing changes. Open and save
 * report success with a toast; errors are left to the caller. */
RwScenario        *rw_window_dup_scenario        (RwWindow        *self,
                                                  GError         **error);
gboolean           rw_window_apply_scenario      (RwWindow        *self,
                                                  const RwScenario *scenario,
                                                  GError         **error);
gboolean           rw_window_open_scenario_file  (RwWindow        *self,
                                                  GFile           *file,
                                                  GError         **error);
gboolean           rw_window_save_scenario_file  (RwWindow        *self,
                                                  GFile           *file,
                                                  GError         **error);

/* The price refresh: a bar under the header with progress and Cancel
 * (app.cancel-refresh); @fraction < 0 pulses. After prices change in the
 * catalog, rw_window_prices_changed() updates every figure. */
void               rw_window_set_refresh_progress (RwWindow       *self,
                                                   gboolean        busy,
                                                   double          fraction);
void               rw_window_prices_changed      (RwWindow        *self);

/* The primary menu's prices section (holds "Refresh Prices"). */
GMenu             *rw_window_get_prices_section  (RwWindow        *self);

RwWorkloadSidebar *rw_window_get_sidebar         (RwWindow        *self);
AdwViewStack      *rw_window_get_view_stack      (RwWindow        *self);
/* Whether win.export-chart (Ctrl+E) is enabled: a chart is visible. */
gboolean            rw_window_get_can_export_chart (RwWindow *self);
/* The scenario file open (or last saved), NULL for none. */
GFile              *rw_window_get_file           (RwWindow *self);
/* Open Recent's items (win.open-recent with the file's URI). */
GMenuModel         *rw_window_get_recent_menu    (RwWindow *self);
GtkRevealer        *rw_window_get_warning_banner (RwWindow *self);
GtkLabel           *rw_window_get_warning_label  (RwWindow *self);
AdwFlap           *rw_window_get_flap            (RwWindow        *self);
RwCompareView     *rw_window_get_compare_view    (RwWindow        *self);
RwFitView         *rw_window_get_fit_view        (RwWindow        *self);
RwSpeedView       *rw_window_get_speed_view      (RwWindow        *self);
RwCostView        *rw_window_get_cost_view       (RwWindow        *self);

G_END_DECLS
