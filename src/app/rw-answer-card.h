/* rw-answer-card.h: the outcome of the comparison at the top of Compare
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rigwise-core.h"

G_BEGIN_DECLS

#define RW_TYPE_ANSWER_CARD (rw_answer_card_get_type ())
G_DECLARE_FINAL_TYPE (RwAnswerCard, rw_answer_card, RW, ANSWER_CARD, GtkWidget)

GtkWidget  *rw_answer_card_new         (void);
/* Shows @answer (which the card does not keep). */
void        rw_answer_card_set_answer  (RwAnswerCard    *self,
                                        const RwAnswer  *answer);
/* The headline label, for tests. */
GtkLabel   *rw_answer_card_get_headline (RwAnswerCard   *self);
/* Everything the card says, one line each, for tests. */
char       *rw_answer_card_dup_text    (RwAnswerCard    *self);

G_END_DECLS
