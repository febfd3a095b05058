/* rw-limits.c: where a workload goes beyond what its model supports
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "rw-limits.h"
#include "rw-numbers.h"

char **
rw_workload_dup_warnings (const RwWorkload *workload)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new ();
  const RwModel *model;
  guint limit;

  g_return_val_if_fail (workload != NULL, NULL);

  model = workload->model;
  limit = model != NULL ? model->max_position_embeddings : 0;
  if (limit > 0)
    {
      const char *name = model->name != NULL ? model->name : model->id;
      g_autofree char *max = rw_format_number (limit, 0);

      if (workload->mode == RW_MODE_INFERENCE && workload->context > limit)
        {
          g_autofree char *asked = rw_format_number (workload->context, 0);

          g_ptr_array_add (warnings,
            /* Translators: a model, its trained context (max_position_embeddings) and the context asked for, in tokens */
            g_strdup_printf (_("%s was trained for at most %s tokens of context (max_position_embeddings); "
                               "a context of %s is beyond it, and the model’s output there is unreliable"),
                             name, max, asked));
        }
      if (workload->mode != RW_MODE_INFERENCE && workload->seq_len > limit)
        {
          g_autofree char *asked = rw_format_number (workload->seq_len, 0);

          g_ptr_array_add (warnings,
            /* Translators: a model, its trained context (max_position_embeddings) and the training sequence length, in tokens */
            g_strdup_printf (_("%s was trained for at most %s tokens of context (max_position_embeddings); "
                               "training on sequences of %s goes beyond it"),
                             name, max, asked));
        }
    }
  g_ptr_array_add (warnings, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&warnings), FALSE);
}
