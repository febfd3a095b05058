/* rw-what-fits.h: the largest context, the best weight format and the
 * catalog models that fit one machine
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rw-catalog.h"
#include "rw-estimate.h"
#include "rw-workload.h"

G_BEGIN_DECLS

/* What stops the context from growing. */
typedef enum
{
  RW_LIMIT_MEMORY,   /* one more step does not fit */
  RW_LIMIT_MODEL,    /* the model's max_position_embeddings (or the largest context Rigwise takes) */
} RwLimit;

/* Contexts are searched in steps of this many tokens ("1K"). */
#define RW_WHAT_FITS_STEP 1024

typedef struct
{
  const RwModel   *model;
  double           tok_s;       /* decode tok/s per sequence (inference) or training tok/s */
  double           total_bytes; /* memory the model takes at the workload's settings */
} RwModelFit;

typedef struct
{
  const RwSystem  *system;
  /* The largest context (training: sequence length) that runs at all,
   * spilling to host RAM where the machine can; a multiple of
   * RW_WHAT_FITS_STEP unless smaller than one step, or the model's limit.
   * 0 when not even one token runs. */
  guint            max_context;
  RwLimit          limited_by;
  /* The largest that fits entirely in fast memory (same steps); 0 if none. */
  guint            max_context_on_device;
  /* The weight format with the most bits for this model that fits entirely
   * in fast memory at the workload's context; NULL when none does. Training
   * keeps its own format (BF16 base, NF4 for QLoRA): it is that or NULL. */
  const RwFormat  *best_weights;
  /* Catalog models that fit entirely in fast memory at the workload's
   * formats and context (RwModelFit), fastest first. */
  GArray          *models;
} RwWhatFits;

/* Searches for @workload on @system; @catalog gives the formats and models
 * to try. Fails only on an invalid workload. */
RwWhatFits  *rw_what_fits           (RwCatalog         *catalog,
                                     const RwSystem    *system,
                                     const RwWorkload  *workload,
                                     GError           **error);
void         rw_what_fits_free      (RwWhatFits        *fits);
/* "memory", "model" (JSON). */
const char  *rw_limit_to_string     (RwLimit            limit);
/* {"system", "max_context", "limited_by", "max_context_on_device",
 *  "best_weights", "models": [{"id", "name", "tok_s", "total_bytes"}]}. */
void         rw_what_fits_to_json_builder (const RwWhatFits *fits,
                                           JsonBuilder      *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwWhatFits, rw_what_fits_free)

G_END_DECLS
