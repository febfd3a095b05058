/* rw-compare-view.h: the comparison panels, one column per system
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rigwise-render.h"
#include "rw-answer-card.h"

G_BEGIN_DECLS

#define RW_TYPE_COMPARE_VIEW (rw_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (RwCompareView, rw_compare_view, RW, COMPARE_VIEW, GtkWidget)

void      rw_compare_view_set_data          (RwCompareView *self,
                                             RwChartData   *data);
/* The verdict label of @system_id, or NULL if it is not compared. */
GtkLabel *rw_compare_view_get_verdict_label (RwCompareView *self,
                                             const char    *system_id);
/* The outcome card at the top. */
RwAnswerCard *rw_compare_view_get_answer_card (RwCompareView *self);

G_END_DECLS
