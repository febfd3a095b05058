/* rw-catalog-formats.c: the "formats" section
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Weight and KV-cache formats: bits per weight (and per expert weight for
 * mixes such as MXFP4_MOE) and the precision their matmuls run at.
 */
#include "config.h"

#include <math.h>

#include "rw-catalog-private.h"

gboolean
rw_catalog_parse_formats (RwCatalogLoad  *load,
                          JsonNode       *section,
                          GError        **error)
{
  static const char * const known[] = {
    "id", "name", "description", "bits_per_weight", "expert_bits_per_weight",
    "head_bits_per_weight", "for_weights", "for_kv", "compute_precision", "expert_compute_precision", "source",
    "note", NULL,
  };
  JsonArray *array = json_node_get_array (section);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RwFormat) format = NULL;
      RwFieldWhere where = { load, "format", NULL };
      JsonObject *entry = NULL;
      const char *id = NULL;
      const char *name = NULL;
      const char *description = NULL;
      const char *precision = NULL;
      const char *expert_precision = NULL;
      const char *ref = NULL;
      const char *url = NULL;
      const char *date = NULL;
      RwPrecision compute = RW_PRECISION_FP16;

      if (!rw_field_section_entry (load, array, i, "format", load->format_ids, &entry, &id, error))
        return FALSE;
      where.id = id;
      format = rw_format_new ();
      if (!rw_field_check_members (&where, entry, NULL, known, error)
          || !rw_field_string (&where, entry, NULL, "name", TRUE, &name, error)
          || !rw_field_string (&where, entry, NULL, "description", FALSE, &description, error)
          || !rw_field_positive (&where, entry, NULL, "bits_per_weight", TRUE, 64,
                                 &format->bits_per_weight, error)
          || !rw_field_positive (&where, entry, NULL, "expert_bits_per_weight", FALSE, 64,
                                 &format->expert_bits_per_weight, error)
          || !rw_field_positive (&where, entry, NULL, "head_bits_per_weight", FALSE, 64,
                                 &format->head_bits_per_weight, error)
          || !rw_field_boolean (&where, entry, NULL, "for_weights", TRUE, &format->for_weights, error)
          || !rw_field_boolean (&where, entry, NULL, "for_kv", TRUE, &format->for_kv, error)
          || !rw_field_string (&where, entry, NULL, "compute_precision", TRUE, &precision, error)
          || !rw_field_string (&where, entry, NULL, "expert_compute_precision", FALSE,
                               &expert_precision, error)
          || !rw_field_string (&where, entry, NULL, "source", FALSE, &ref, error))
        return FALSE;
      if (ref == NULL)
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_NO_SOURCE, "source", "missing");
      if (!rw_field_source (&where, "source", ref, &url, &date, error))
        return FALSE;
      if (!rw_precision_from_string (precision, &compute))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "compute_precision",
                              "unknown precision “%s” (fp4, fp8, int8, fp16, fp32)", precision);
      format->expert_compute_precision = compute;
      if (expert_precision != NULL)
        {
          if (!rw_precision_from_string (expert_precision, &format->expert_compute_precision))
            return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE,
                                  "expert_compute_precision",
                                  "unknown precision “%s” (fp4, fp8, int8, fp16, fp32)",
                                  expert_precision);
          if (!(format->expert_bits_per_weight > 0))
            return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE,
                                  "expert_compute_precision",
                                  "only a mix with expert_bits_per_weight has experts of their own");
        }
      if (!format->for_weights && !format->for_kv)
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "for_weights",
                              "a format must be usable for weights, the KV cache or both");
      if (isnan (format->expert_bits_per_weight))
        format->expert_bits_per_weight = 0;
      if (isnan (format->head_bits_per_weight))
        format->head_bits_per_weight = 0;

      format->id = g_strdup (id);
      format->name = g_strdup (name);
      format->description = g_strdup (description);
      format->compute_precision = compute;
      format->source = g_strdup (url);
      g_hash_table_add (load->format_ids, format->id);
      g_ptr_array_add (load->formats, g_steal_pointer (&format));
    }
  return TRUE;
}
