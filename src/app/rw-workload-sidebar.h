/* rw-workload-sidebar.h: the workload and the systems to compare
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rigwise-core.h"

G_BEGIN_DECLS

#define RW_TYPE_WORKLOAD_SIDEBAR (rw_workload_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (RwWorkloadSidebar, rw_workload_sidebar, RW, WORKLOAD_SIDEBAR, GtkWidget)

RwWorkloadSidebar *rw_workload_sidebar_new                  (void);
/* Fills the lists from @catalog and selects the defaults; emits ::changed. */
void               rw_workload_sidebar_set_catalog          (RwWorkloadSidebar *self,
                                                             RwCatalog         *catalog);
/* Rebuilds the lists after the catalog gained or changed entries, keeping
 * the current selection where it still exists. */
void               rw_workload_sidebar_reload               (RwWorkloadSidebar *self);

/* The workload the widgets describe (cost inputs left at their defaults:
 * the window fills them from GSettings). Valid until the next change. */
const RwWorkload  *rw_workload_sidebar_get_workload         (RwWorkloadSidebar *self);
/* The checked systems in catalog order, borrowed from the catalog. */
GPtrArray         *rw_workload_sidebar_get_selected_systems (RwWorkloadSidebar *self);

/* Setters drive the same widgets a user would; each returns FALSE for an
 * id the catalog does not know. They emit ::changed. */
gboolean           rw_workload_sidebar_select_model         (RwWorkloadSidebar *self,
                                                             const char        *model_id);
gboolean           rw_workload_sidebar_select_weights       (RwWorkloadSidebar *self,
                                                             const char        *format_id);
gboolean           rw_workload_sidebar_select_kv            (RwWorkloadSidebar *self,
                                                             const char        *format_id);
void               rw_workload_sidebar_set_context          (RwWorkloadSidebar *self,
                                                             guint              tokens);
void               rw_workload_sidebar_set_mode             (RwWorkloadSidebar *self,
                                                             RwMode             mode);
/* Replaces the whole workload (scenario open, session restore). */
void               rw_workload_sidebar_apply_workload       (RwWorkloadSidebar *self,
                                                             const RwWorkload  *workload);
void               rw_workload_sidebar_set_selected_systems (RwWorkloadSidebar *self,
                                                             const char *const *system_ids);

G_END_DECLS
