/* rw-columns.h: children side by side in equal columns, wrapping when narrow
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Compare used a GtkFlowBox for, without its selection and focus
 * handling: the Tab key walks the children's own controls in order.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RW_TYPE_COLUMNS (rw_columns_get_type ())
G_DECLARE_FINAL_TYPE (RwColumns, rw_columns, RW, COLUMNS, GtkWidget)

/* At most @max_columns side by side, each at least 180 px wide. */
GtkWidget *rw_columns_new    (guint      max_columns);
void       rw_columns_append (RwColumns *self,
                              GtkWidget *child);

G_END_DECLS
