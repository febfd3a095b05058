/* rw-stat-grid.h: a table of figures, one column per system
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkGrid styled as a card; rows are added in order after a header row
 * of system names. Cells are selectable labels so figures can be copied. */
GtkWidget *rw_stat_grid_new         (const char  *accessible_label);
void       rw_stat_grid_reset       (GtkGrid     *grid,
                                     const char *const *headers,
                                     guint        n_columns);
/* Adds a row: @title then @n_columns cells (taking ownership of nothing). */
void       rw_stat_grid_add_row     (GtkGrid     *grid,
                                     const char  *title,
                                     const char *const *cells,
                                     guint        n_columns);
/* A label showing @fit ("Fits", "Spills to RAM", "Does not fit"), coloured. */
GtkWidget *rw_verdict_label_new     (void);
void       rw_verdict_label_set_fit (GtkLabel    *label,
                                     int          fit);

/* Unparents every child of @widget: for dispose() of composite widgets whose
 * template root is not a bound child. */
void       rw_widget_unparent_children (GtkWidget *widget);

G_END_DECLS
