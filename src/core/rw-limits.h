/* rw-limits.h: where a workload goes beyond what its model supports
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rw-workload.h"

G_BEGIN_DECLS

/* The translated warnings for @workload, NULL-terminated (empty when there
 * are none): a context, or a training sequence, beyond the model's
 * max_position_embeddings. The estimate is still made; the model's output
 * past its trained context is not to be trusted. */
char   **rw_workload_dup_warnings (const RwWorkload *workload);

G_END_DECLS
