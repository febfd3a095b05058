/* rw-chart-card.h: a chart with its title, "Show as table" and export menu
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rw-chart-widget.h"

G_BEGIN_DECLS

#define RW_TYPE_CHART_CARD (rw_chart_card_get_type ())
G_DECLARE_FINAL_TYPE (RwChartCard, rw_chart_card, RW, CHART_CARD, GtkWidget)

RwChartKind    rw_chart_card_get_kind       (RwChartCard *self);
void           rw_chart_card_set_kind       (RwChartCard *self,
                                             RwChartKind  kind);
void           rw_chart_card_set_data       (RwChartCard *self,
                                             RwChartData *data);
RwChartWidget *rw_chart_card_get_chart      (RwChartCard *self);
gboolean       rw_chart_card_get_show_table (RwChartCard *self);
void           rw_chart_card_set_show_table (RwChartCard *self,
                                             gboolean     show_table);
/* Opens the export dialog for this chart; @format is "png", "png2", "pdf"
 * or "svg". */
void           rw_chart_card_export         (RwChartCard *self,
                                             const char  *format);

G_END_DECLS
