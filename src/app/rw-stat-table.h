/* rw-stat-table.h: a table of figures that screen readers read as a table
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows of label cells under a row of column headers, each row starting with
 * its row header: the table, row, cell, column-header and row-header roles,
 * every figure described by its row and column ("Weights, DGX Spark"). The
 * table is one Tab stop (not one per figure) whose description reads the
 * whole table; Ctrl+C or its context menu copies it as tab-separated text.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RW_TYPE_STAT_TABLE (rw_stat_table_get_type ())
G_DECLARE_FINAL_TYPE (RwStatTable, rw_stat_table, RW, STAT_TABLE, GtkWidget)

/* @name: what the table is ("Memory breakdown"), its accessible name. */
GtkWidget  *rw_stat_table_new           (const char        *name);
void        rw_stat_table_set_name      (RwStatTable       *self,
                                         const char        *name);
/* Starts over with a header row: @corner heads the row headers' column
 * ("" for none), @headers the @n_columns figure columns. */
void        rw_stat_table_set_columns   (RwStatTable       *self,
                                         const char        *corner,
                                         const char *const *headers,
                                         guint              n_columns);
/* Adds a row: its header @title, then one cell per column (copied). */
void        rw_stat_table_add_row       (RwStatTable       *self,
                                         const char        *title,
                                         const char *const *cells);
guint       rw_stat_table_get_n_rows    (RwStatTable       *self);
guint       rw_stat_table_get_n_columns (RwStatTable       *self);
/* Row @row's header (@column 0) or figure (@column 1…n_columns). */
const char *rw_stat_table_get_cell      (RwStatTable       *self,
                                         guint              row,
                                         guint              column);
/* The table as tab-separated lines, header row first (what Copy copies). */
char       *rw_stat_table_dup_text      (RwStatTable       *self);

G_END_DECLS
