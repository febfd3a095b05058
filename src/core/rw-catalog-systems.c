/* rw-catalog-systems.c: the "systems" section
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prebuilt systems (priced as a whole) and custom builds (priced by their
 * components): memory, host RAM and link, tensor peaks, power, runtime
 * efficiencies and the comparison panel's rows.
 */
#include "config.h"

#include "rw-catalog-private.h"

static gboolean
parse_system_components (const RwFieldWhere  *where,
                         JsonArray           *array,
                         RwSystem            *system,
                         GError             **error)
{
  static const char * const known[] = { "id", "quantity", NULL };

  if (json_array_get_length (array) == 0)
    return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, "components",
                          "a custom build needs at least one component");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("components[%u]", i);
      g_autofree char *id_path = rw_field_join (prefix, "id");
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry;
      const char *id = NULL;
      const char *currency;
      const RwComponent *part;
      RwComponent *component;
      guint quantity = 1;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return rw_field_fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, prefix,
                              "expected an object, found %s", rw_field_type_name (node));
      entry = json_node_get_object (node);
      if (!rw_field_check_members (where, entry, prefix, known, error)
          || !rw_field_string (where, entry, prefix, "id", TRUE, &id, error)
          || !rw_field_uint (where, entry, prefix, "quantity", FALSE, 1, &quantity, error))
        return FALSE;
      part = rw_catalog_load_lookup_component (where->load, id);
      if (part == NULL)
        return rw_field_fail (where, error, RW_CATALOG_ERROR_UNKNOWN_ID, id_path,
                              "no component “%s” in the catalog", id);
      currency = rw_catalog_load_component_currency (where->load, id);
      if (g_strcmp0 (currency, system->currency) != 0)
        return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, id_path,
                              "component “%s” is priced in %s, the system in %s",
                              id, currency, system->currency);
      for (guint j = 0; j < system->components->len; j++)
        {
          RwComponent *other = g_ptr_array_index (system->components, j);

          if (g_str_equal (other->id, id))
            return rw_field_fail (where, error, RW_CATALOG_ERROR_DUPLICATE_ID, id_path,
                                  "component “%s” is listed twice; use \"quantity\"", id);
        }

      component = rw_component_new ();
      component->id = g_strdup (part->id);
      component->kind = g_strdup (part->kind);
      component->name = g_strdup (part->name);
      component->quantity = quantity;
      rw_figure_copy_into (&component->price, &part->price);
      g_ptr_array_add (system->components, component);
    }
  return TRUE;
}

static gboolean
parse_efficiencies (const RwFieldWhere  *where,
                    JsonObject          *object,
                    RwSystem            *system,
                    GError             **error)
{
  static const char * const known[] = {
    "decode_bandwidth", "host_bandwidth", "prefill_compute", "train_compute",
    "decode_latency_ms", "matmul_scale", "source", NULL,
  };
  g_autoptr(GList) runtimes = json_object_get_members (object);

  if (runtimes == NULL)
    return rw_field_fail (where, error, RW_CATALOG_ERROR_MISSING_FIELD, "efficiency",
                          "at least one runtime (\"llama.cpp\") is needed");

  for (GList *l = runtimes; l != NULL; l = l->next)
    {
      const char *runtime = l->data;
      g_autofree char *prefix = rw_field_join ("efficiency", runtime);
      JsonObject *entry = NULL;
      const char *source = NULL;
      RwEfficiency *efficiency;
      /* host_bandwidth only matters where layers can run from host RAM. */
      double decode = 0, host = 0, prefill = 0, train = 0;
      /* Fixed time per decode step (kernel launches, sampling), in ms. */
      double latency_ms = 0;
      /* Older per-system figures, only needed where the runtime has no
       * backend for the system (rw-backend.h). */
      gboolean has_backend = system->apis != 0;
      double matmul_scale = 1;

      if (!rw_field_object (where, object, "efficiency", runtime, TRUE, &entry, error)
          || !rw_field_check_members (where, entry, prefix, known, error)
          || !rw_field_positive (where, entry, prefix, "decode_bandwidth", !has_backend, 1, &decode, error)
          || !rw_field_positive (where, entry, prefix, "host_bandwidth",
                                 system->memory_model == RW_MEMORY_DISCRETE, 1, &host, error)
          || !rw_field_positive (where, entry, prefix, "prefill_compute", !has_backend, 1, &prefill, error)
          || !rw_field_positive (where, entry, prefix, "matmul_scale", FALSE, 4, &matmul_scale, error)
          || !rw_field_positive (where, entry, prefix, "train_compute", TRUE, 1, &train, error)
          || !rw_field_positive (where, entry, prefix, "decode_latency_ms", FALSE, 1000, &latency_ms, error)
          || !rw_field_string (where, entry, prefix, "source", TRUE, &source, error))
        return FALSE;

      efficiency = rw_efficiency_new ();
      efficiency->runtime = g_strdup (runtime);
      efficiency->decode_bandwidth = decode;
      efficiency->host_bandwidth = host;
      efficiency->prefill_compute = prefill;
      efficiency->train_compute = train;
      efficiency->decode_latency = latency_ms / 1000;
      efficiency->matmul_scale = matmul_scale;
      efficiency->source = g_strdup (source);
      g_ptr_array_add (system->efficiencies, efficiency);
    }
  return TRUE;
}

/* "apis": the compute APIs the accelerator has, default first. */
gboolean
rw_catalog_parse_apis (const RwFieldWhere  *where,
                       JsonObject          *entry,
                       RwSystem            *system,
                       GError             **error)
{
  JsonNode *node = json_object_get_member (entry, "apis");
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return rw_field_fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, "apis",
                          "expected a non-empty array of API names, found %s",
                          rw_field_type_name (node));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("apis[%u]", i);
      RwApi api;

      if (!rw_field_node_is_string (element))
        return rw_field_fail (where, error, RW_CATALOG_ERROR_WRONG_TYPE, path,
                              "expected a string, found %s", rw_field_type_name (element));
      if (!rw_api_from_string (json_node_get_string (element), &api))
        return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path,
                              "unknown API “%s” (cuda, metal, vulkan, rocm)",
                              json_node_get_string (element));
      if (system->apis & (1u << api))
        return rw_field_fail (where, error, RW_CATALOG_ERROR_DUPLICATE_ID, path,
                              "“%s” is listed twice", json_node_get_string (element));
      if (system->apis == 0)
        system->api = api;
      system->apis |= 1u << api;
    }
  return TRUE;
}

static gboolean
parse_panels (const RwFieldWhere  *where,
              JsonObject          *object,
              RwSystem            *system,
              GError             **error)
{
  static const char * const known[] = { "text", "source", NULL };
  g_autoptr(GList) keys = json_object_get_members (object);
  RwPanel panel;

  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *path = rw_field_join ("panel", l->data);

      if (!g_str_equal (l->data, "comment") && !rw_panel_from_key (l->data, &panel))
        return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path, "unknown panel row");
    }

  for (guint p = 0; p < RW_PANEL_N; p++)
    {
      const char *key = rw_panel_to_key ((RwPanel) p);
      g_autofree char *prefix = rw_field_join ("panel", key);
      g_autofree char *source_path = rw_field_join (prefix, "source");
      JsonObject *row = NULL;
      const char *text = NULL;
      const char *ref = NULL;
      const char *url = NULL;
      const char *date = NULL;

      if (!rw_field_object (where, object, "panel", key, TRUE, &row, error)
          || !rw_field_check_members (where, row, prefix, known, error)
          || !rw_field_string (where, row, prefix, "text", TRUE, &text, error))
        return FALSE;
      if (json_object_get_member (row, "source") == NULL)
        return rw_field_fail (where, error, RW_CATALOG_ERROR_NO_SOURCE, source_path, "missing");
      if (!rw_field_string (where, row, prefix, "source", TRUE, &ref, error)
          || !rw_field_source (where, source_path, ref, &url, &date, error))
        return FALSE;
      g_free (system->panel[p]);
      system->panel[p] = g_strdup (text);
      g_free (system->panel_source[p]);
      system->panel_source[p] = g_strdup (url);
    }
  return TRUE;
}

gboolean
rw_catalog_parse_peaks (const RwFieldWhere  *where,
                        JsonObject          *entry,
                        RwSystem            *system,
                        GError             **error)
{
  static const char * const precisions[] = { "fp4", "fp8", "int8", "fp16", "fp32", NULL };
  JsonObject *published = NULL;
  JsonObject *assumed = NULL;

  if (!rw_field_object (where, entry, NULL, "peak", TRUE, &published, error)
      || !rw_field_check_members (where, published, "peak", precisions, error)
      || !rw_field_object (where, entry, NULL, "peak_assumed", FALSE, &assumed, error)
      || (assumed != NULL && !rw_field_check_members (where, assumed, "peak_assumed", precisions, error)))
    return FALSE;

  for (guint p = 0; p < RW_PRECISION_N; p++)
    {
      const char *name = rw_precision_to_string ((RwPrecision) p);
      RwFigure *peak = &system->peak[p];

      /* Every precision is stated, null where the vendor publishes none,
       * so an unpublished peak is a sourced fact, not a gap. */
      if (!rw_field_figure (where, published, "peak", name, RW_DIMENSION_FLOPS,
                            RW_FIGURE_REQUIRED | RW_FIGURE_NULLABLE, NULL, peak, error))
        return FALSE;

      if (assumed != NULL && json_object_get_member (assumed, name) != NULL)
        {
          g_autofree char *path = g_strdup_printf ("peak_assumed.%s.assumed", name);
          RwFigure guess = { 0, };

          if (rw_figure_is_known (peak))
            return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path,
                                  "an assumed peak is only allowed where the published one is null");
          if (!rw_field_figure (where, assumed, "peak_assumed", name, RW_DIMENSION_FLOPS,
                                RW_FIGURE_REQUIRED, NULL, &guess, error))
            return FALSE;
          if (!guess.assumed)
            {
              rw_figure_clear (&guess);
              return rw_field_fail (where, error, RW_CATALOG_ERROR_INVALID_VALUE, path,
                                    "must be true for a figure in peak_assumed");
            }
          /* The estimate uses the assumption; the note keeps what the
           * vendor does (not) publish in front of the assumption. */
          {
            g_autofree char *note = g_strconcat (peak->note, "; ", guess.note, NULL);

            rw_figure_set (peak, guess.value, guess.source, guess.date, note, TRUE);
          }
          rw_figure_clear (&guess);
        }
    }
  return TRUE;
}

gboolean
rw_catalog_parse_systems (RwCatalogLoad  *load,
                          JsonNode       *section,
                          GError        **error)
{
  static const char * const known[] = {
    "id", "name", "short_name", "memory_model", "n_devices", "currency", "memory", "host",
    "link", "peak", "peak_assumed", "power", "price", "components", "efficiency", "panel",
    "apis", "note", "kind", "price_per_hour", NULL,
  };
  JsonArray *array = json_node_get_array (section);
  static const char * const memory_known[] = { "installed", "usable", "bandwidth", NULL };
  static const char * const host_known[] = { "memory", "bandwidth", NULL };
  static const char * const link_known[] = { "bandwidth", NULL };
  static const char * const power_known[] = { "load", "idle", NULL };

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RwSystem) system = NULL;
      RwFieldWhere where = { load, "system", NULL };
      JsonObject *entry = NULL;
      JsonObject *memory = NULL;
      JsonObject *host = NULL;
      JsonObject *link = NULL;
      JsonObject *power = NULL;
      JsonObject *efficiency = NULL;
      JsonObject *panel = NULL;
      JsonNode *components;
      const char *id = NULL;
      const char *name = NULL;
      const char *short_name = NULL;
      const char *memory_model = NULL;
      const char *currency = NULL;
      const char *kind = "owned";
      gboolean cloud;
      guint n_devices = 1;

      if (!rw_field_section_entry (load, array, i, "system", load->system_ids, &entry, &id, error))
        return FALSE;
      where.id = id;
      if (rw_catalog_load_lookup_component (load, id) != NULL)
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_DUPLICATE_ID, "id",
                              "“%s” is already the id of a component", id);
      system = rw_system_new ();
      if (system->components == NULL)
        system->components = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_component_free);
      if (system->efficiencies == NULL)
        system->efficiencies = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_efficiency_free);

      if (!rw_field_check_members (&where, entry, NULL, known, error)
          || !rw_field_string (&where, entry, NULL, "name", TRUE, &name, error)
          || !rw_field_string (&where, entry, NULL, "short_name", TRUE, &short_name, error)
          || !rw_field_string (&where, entry, NULL, "memory_model", TRUE, &memory_model, error)
          || !rw_field_uint (&where, entry, NULL, "n_devices", TRUE, 1, &n_devices, error)
          || !rw_field_string (&where, entry, NULL, "currency", TRUE, &currency, error)
          || !rw_field_string (&where, entry, NULL, "kind", FALSE, &kind, error))
        return FALSE;
      if (kind == NULL)
        kind = "owned";
      if (!rw_system_kind_from_string (kind, &system->kind))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "kind",
                              "“%s” is neither \"owned\" nor \"cloud\"", kind);
      cloud = system->kind == RW_SYSTEM_CLOUD;

      if (g_str_equal (memory_model, "unified"))
        system->memory_model = RW_MEMORY_UNIFIED;
      else if (g_str_equal (memory_model, "discrete"))
        system->memory_model = RW_MEMORY_DISCRETE;
      else
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "memory_model",
                              "“%s” is neither \"unified\" nor \"discrete\"", memory_model);
      if (!rw_field_is_currency (currency))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "currency",
                              "“%s” is not an ISO 4217 code such as USD", currency);

      system->id = g_strdup (id);
      system->name = g_strdup (name);
      system->short_name = g_strdup (short_name);
      system->n_devices = n_devices;
      system->currency = g_strdup (currency);
      system->user_defined = load->user_defined;

      if (!rw_field_object (&where, entry, NULL, "memory", TRUE, &memory, error)
          || !rw_field_check_members (&where, memory, "memory", memory_known, error)
          || !rw_field_figure (&where, memory, "memory", "installed", RW_DIMENSION_BYTES, RW_FIGURE_REQUIRED,
                               NULL, &system->device_memory, error)
          || !rw_field_figure (&where, memory, "memory", "usable", RW_DIMENSION_BYTES, RW_FIGURE_REQUIRED,
                               NULL, &system->device_usable, error)
          || !rw_field_figure (&where, memory, "memory", "bandwidth", RW_DIMENSION_BANDWIDTH, RW_FIGURE_REQUIRED,
                               NULL, &system->device_bandwidth, error))
        return FALSE;
      if (system->device_usable.value > system->device_memory.value)
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "memory.usable.value",
                              "usable memory exceeds the installed memory");

      /* Host RAM and its link only exist on discrete builds; a Spark pair
       * has a link (ConnectX-7) but no host pool. A rented GPU's VM does not
       * publish its host bandwidth: optional there (no spilling modelled). */
      if (!rw_field_object (&where, entry, NULL, "host",
                            system->memory_model == RW_MEMORY_DISCRETE && !cloud, &host, error)
          || !rw_field_object (&where, entry, NULL, "link",
                               system->memory_model == RW_MEMORY_DISCRETE && !cloud, &link, error))
        return FALSE;
      if (host != NULL && system->memory_model == RW_MEMORY_UNIFIED)
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "host",
                              "a unified-memory system has no separate host RAM");
      if (host != NULL
          && (!rw_field_check_members (&where, host, "host", host_known, error)
              || !rw_field_figure (&where, host, "host", "memory", RW_DIMENSION_BYTES, RW_FIGURE_REQUIRED,
                                   NULL, &system->host_memory, error)
              || !rw_field_figure (&where, host, "host", "bandwidth", RW_DIMENSION_BANDWIDTH, RW_FIGURE_REQUIRED,
                                   NULL, &system->host_bandwidth, error)))
        return FALSE;
      if (link != NULL
          && (!rw_field_check_members (&where, link, "link", link_known, error)
              || !rw_field_figure (&where, link, "link", "bandwidth", RW_DIMENSION_BANDWIDTH, RW_FIGURE_REQUIRED,
                                   NULL, &system->link_bandwidth, error)))
        return FALSE;

      if (!rw_catalog_parse_peaks (&where, entry, system, error)
          || !rw_catalog_parse_apis (&where, entry, system, error))
        return FALSE;

      if (!rw_field_object (&where, entry, NULL, "power", TRUE, &power, error)
          || !rw_field_check_members (&where, power, "power", power_known, error)
          || !rw_field_figure (&where, power, "power", "load", RW_DIMENSION_POWER,
                               RW_FIGURE_REQUIRED | RW_FIGURE_NULLABLE, NULL, &system->power_load, error)
          || !rw_field_figure (&where, power, "power", "idle", RW_DIMENSION_POWER,
                               RW_FIGURE_REQUIRED | RW_FIGURE_NULLABLE, NULL, &system->power_idle, error))
        return FALSE;

      components = json_object_get_member (entry, "components");
      if (cloud && (components != NULL || json_object_get_member (entry, "price") != NULL))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE,
                              components != NULL ? "components" : "price",
                              "a cloud system is rented: it has \"price_per_hour\", no purchase price or parts");
      if (!cloud && json_object_get_member (entry, "price_per_hour") != NULL)
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "price_per_hour",
                              "only a system of \"kind\": \"cloud\" has an hourly price");
      if (components != NULL && json_object_get_member (entry, "price") != NULL)
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "price",
                              "a system has either a price or components, not both");
      if (components != NULL)
        {
          if (!JSON_NODE_HOLDS_ARRAY (components))
            return rw_field_fail (&where, error, RW_CATALOG_ERROR_WRONG_TYPE, "components",
                                  "expected an array, found %s", rw_field_type_name (components));
          if (!parse_system_components (&where, json_node_get_array (components), system, error))
            return FALSE;
        }
      else if (cloud)
        {
          if (!rw_field_figure (&where, entry, NULL, "price_per_hour", RW_DIMENSION_PRICE_PER_HOUR,
                                RW_FIGURE_REQUIRED, currency, &system->price_per_hour, error))
            return FALSE;
        }
      /* A price the vendor does not publish is null with a note. */
      else if (!rw_field_figure (&where, entry, NULL, "price", RW_DIMENSION_PRICE,
                                 RW_FIGURE_REQUIRED | RW_FIGURE_NULLABLE, currency, &system->price, error))
        {
          return FALSE;
        }

      if (!rw_field_object (&where, entry, NULL, "efficiency", TRUE, &efficiency, error)
          || !parse_efficiencies (&where, efficiency, system, error)
          || !rw_field_object (&where, entry, NULL, "panel", TRUE, &panel, error)
          || !parse_panels (&where, panel, system, error))
        return FALSE;

      {
        g_autoptr(GError) local_error = NULL;

        /* Its message already names the system and the field. */
        if (!rw_system_validate (system, &local_error))
          {
            g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE, "%s: %s",
                         load->file, local_error->message);
            return FALSE;
          }
      }

      g_hash_table_add (load->system_ids, system->id);
      g_ptr_array_add (load->systems, g_steal_pointer (&system));
    }
  return TRUE;
}
