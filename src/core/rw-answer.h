/* rw-answer.h: the outcome of a comparison in plain words and numbers
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rw-estimate.h"
#include "rw-numbers.h"
#include "rw-workload.h"

G_BEGIN_DECLS

/* What a machine can be best at. */
typedef enum
{
  RW_ANSWER_FIT,      /* runs it best: in fast memory, with the most room to spare */
  RW_ANSWER_DECODE,   /* fastest decode per sequence (inference) */
  RW_ANSWER_PREFILL,  /* fastest prefill (inference) */
  RW_ANSWER_PRICE,    /* cheapest to buy, of those that run it */
  RW_ANSWER_TCO,      /* cheapest to own over the workload's years, of those that run it */
  RW_ANSWER_TRAIN,    /* fastest training (LoRA, QLoRA, full) */
} RwAnswerKind;
#define RW_ANSWER_N (RW_ANSWER_TRAIN + 1)

/* Two figures closer than this are "about the same": the estimates are
 * good to about ten percent, so a 5 % lead is no lead. */
#define RW_ANSWER_SAME_RATIO 1.10

/* Every text is translated and complete in itself (a sentence without its
 * final full stop where it is a title). */
typedef struct
{
  char            *headline;  /* the verdict at a glance */
  char           **fit;       /* one line per system: fits and how */
  char           **speed;     /* decode and prefill, or training, compared */
  char           **cost;      /* price and TCO compared */
  char           **choose;    /* "Choose DGX Spark for …" */
  const RwSystem  *best[RW_ANSWER_N];   /* NULL where no system qualifies */
} RwAnswer;

/* The answer for @n estimates of one @workload (as rw_estimate() filled
 * them, in the order compared). Amounts and sizes are written as @units
 * and @currency say. */
RwAnswer    *rw_answer_new              (const RwWorkload  *workload,
                                         const RwEstimate  *estimates,
                                         guint              n,
                                         RwMemoryUnits      units,
                                         RwCurrencyDisplay  currency);
void         rw_answer_free             (RwAnswer          *answer);
/* All of it as one text: the headline, then each line, one a line. */
char        *rw_answer_dup_summary      (const RwAnswer    *answer);
/* "fit", "decode", "prefill", "price", "tco", "train" (the JSON keys). */
const char  *rw_answer_kind_to_string   (RwAnswerKind       kind);
/* {"summary": "…", "best": {"fit": ID|null, …}} as one value of @builder. */
void         rw_answer_to_json_builder  (const RwAnswer    *answer,
                                         JsonBuilder       *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwAnswer, rw_answer_free)

G_END_DECLS
