/* rw-widget-util.h: small widget helpers the views share
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A label showing @fit ("Fits", "Spills to RAM", "Does not fit"), coloured. */
GtkWidget *rw_verdict_label_new     (void);
void       rw_verdict_label_set_fit (GtkLabel    *label,
                                     int          fit);

/* Unparents every child of @widget: for dispose() of composite widgets whose
 * template root is not a bound child. */
void       rw_widget_unparent_children (GtkWidget *widget);

G_END_DECLS
