/* rw-format.c: weight and KV-cache number formats
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rw-format.h"

/* Registered by hand: G_DEFINE_BOXED_TYPE's transparent-union argument
 * conversion trips -Wpedantic, which warning_level=3 turns on. */
GType
rw_format_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_boxed_type_register_static (g_intern_static_string ("RwFormat"),
                                               (GBoxedCopyFunc) rw_format_copy,
                                               (GBoxedFreeFunc) rw_format_free);
      g_once_init_leave (&type_id, id);
    }
  return type_id;
}

RwFormat *
rw_format_new (void)
{
  RwFormat *format = g_new0 (RwFormat, 1);

  format->compute_precision = RW_PRECISION_FP16;
  format->expert_compute_precision = RW_PRECISION_FP16;
  return format;
}

RwFormat *
rw_format_copy (const RwFormat *format)
{
  RwFormat *copy;

  g_return_val_if_fail (format != NULL, NULL);

  copy = g_new0 (RwFormat, 1);
  *copy = *format;
  copy->id = g_strdup (format->id);
  copy->name = g_strdup (format->name);
  copy->description = g_strdup (format->description);
  copy->source = g_strdup (format->source);
  return copy;
}

void
rw_format_free (RwFormat *format)
{
  if (format == NULL)
    return;
  g_free (format->id);
  g_free (format->name);
  g_free (format->description);
  g_free (format->source);
  g_free (format);
}

/* Bytes one weight (or one KV element) occupies on average. */
double
rw_format_bytes_per_weight (const RwFormat *format)
{
  g_return_val_if_fail (format != NULL, 0);
  return format->bits_per_weight / 8.0;
}
