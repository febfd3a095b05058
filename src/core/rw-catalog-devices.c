/* rw-catalog-devices.c: the "devices" section
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GPUs that are not machines to compare but whose measured rows calibrate
 * a backend (an RTX 5080 or a 3090 informs llama.cpp on CUDA as an RTX
 * 5090 does). Each has the hardware figures the speed model reads, all
 * sourced:
 *
 *   { "id": "rtx-5080", "name": "NVIDIA GeForce RTX 5080 16 GB",
 *     "apis": ["cuda"],
 *     "memory": { "installed": FIGURE, "bandwidth": FIGURE },
 *     "peak": { "fp4", "fp8", "int8", "fp16", "fp32": FIGURE or null },
 *     "peak_assumed": { … }, "note": "…" }
 *
 * A device is kept as a single-device RwSystem whose whole memory is
 * usable, so a benchmark row on it is estimated like any other.
 */
#include "config.h"

#include "rw-catalog-private.h"

gboolean
rw_catalog_parse_devices (RwCatalogLoad  *load,
                          JsonNode       *section,
                          GError        **error)
{
  static const char * const known[] = {
    "id", "name", "apis", "memory", "peak", "peak_assumed", "note", NULL,
  };
  static const char * const memory_known[] = { "installed", "bandwidth", NULL };
  JsonArray *array = json_node_get_array (section);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RwSystem) device = rw_system_new ();
      RwFieldWhere where = { load, "device", NULL };
      JsonObject *entry = NULL;
      JsonObject *memory = NULL;
      const char *id = NULL;
      const char *name = NULL;

      if (!rw_field_section_entry (load, array, i, "device", load->device_ids, &entry, &id, error))
        return FALSE;
      where.id = id;
      if (g_hash_table_contains (load->system_ids, id)
          || g_hash_table_contains (load->catalog->system_index, id))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_DUPLICATE_ID, "id",
                              "“%s” is already the id of a system", id);
      if (!rw_field_check_members (&where, entry, NULL, known, error)
          || !rw_field_string (&where, entry, NULL, "name", TRUE, &name, error)
          || !rw_field_object (&where, entry, NULL, "memory", TRUE, &memory, error)
          || !rw_field_check_members (&where, memory, "memory", memory_known, error)
          || !rw_field_figure (&where, memory, "memory", "installed", RW_DIMENSION_BYTES,
                               RW_FIGURE_REQUIRED, NULL, &device->device_memory, error)
          || !rw_field_figure (&where, memory, "memory", "bandwidth", RW_DIMENSION_BANDWIDTH,
                               RW_FIGURE_REQUIRED, NULL, &device->device_bandwidth, error)
          || !rw_catalog_parse_peaks (&where, entry, device, error)
          || !rw_catalog_parse_apis (&where, entry, device, error))
        return FALSE;
      if (device->apis == 0)
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_MISSING_FIELD, "apis", "missing");

      device->id = g_strdup (id);
      device->name = g_strdup (name);
      device->short_name = g_strdup (name);
      device->memory_model = RW_MEMORY_UNIFIED;
      device->n_devices = 1;
      rw_figure_copy_into (&device->device_usable, &device->device_memory);
      device->user_defined = load->user_defined;
      g_hash_table_add (load->device_ids, device->id);
      g_ptr_array_add (load->devices, g_steal_pointer (&device));
    }
  return TRUE;
}
