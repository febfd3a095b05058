/* rw-catalog-models.c: the "models" section
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Models by their Hugging Face config.json, a file beside the catalog file
 * or embedded, renamed and sourced by the catalog entry.
 */
#include "config.h"

#include "rw-catalog-private.h"
#include "rw-hf-config.h"

static RwCatalogError
catalog_code_for_config (const GError *error)
{
  if (error->domain != RW_CONFIG_ERROR)
    return RW_CATALOG_ERROR_INVALID_VALUE;
  switch ((RwConfigError) error->code)
    {
    case RW_CONFIG_ERROR_IO:
      return RW_CATALOG_ERROR_IO;
    case RW_CONFIG_ERROR_PARSE:
      return RW_CATALOG_ERROR_PARSE;
    case RW_CONFIG_ERROR_MISSING_FIELD:
      return RW_CATALOG_ERROR_MISSING_FIELD;
    case RW_CONFIG_ERROR_WRONG_TYPE:
      return RW_CATALOG_ERROR_WRONG_TYPE;
    case RW_CONFIG_ERROR_INVALID_VALUE:
    case RW_CONFIG_ERROR_UNSUPPORTED:
    default:
      return RW_CATALOG_ERROR_INVALID_VALUE;
    }
}

gboolean
rw_catalog_parse_models (RwCatalogLoad  *load,
                         JsonNode       *section,
                         GError        **error)
{
  static const char * const known[] = {
    "id", "name", "config", "source", "published_total_params_b",
    "published_active_params_b", "note", NULL,
  };
  JsonArray *array = json_node_get_array (section);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RwModel) model = NULL;
      g_autoptr(GError) local_error = NULL;
      RwFieldWhere where = { load, "model", NULL };
      JsonObject *entry = NULL;
      JsonNode *config;
      const char *id = NULL;
      const char *name = NULL;
      const char *ref = NULL;
      const char *url = NULL;
      const char *date = NULL;
      double total_b = 0;
      double active_b = 0;

      if (!rw_field_section_entry (load, array, i, "model", load->model_ids, &entry, &id, error))
        return FALSE;
      where.id = id;
      if (!rw_field_check_members (&where, entry, NULL, known, error)
          || !rw_field_string (&where, entry, NULL, "name", TRUE, &name, error)
          || !rw_field_string (&where, entry, NULL, "source", FALSE, &ref, error)
          || !rw_field_positive (&where, entry, NULL, "published_total_params_b", FALSE, 0, &total_b, error)
          || !rw_field_positive (&where, entry, NULL, "published_active_params_b", FALSE, 0, &active_b, error))
        return FALSE;
      if (ref == NULL)
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_NO_SOURCE, "source", "missing");
      if (!rw_field_source (&where, "source", ref, &url, &date, error))
        return FALSE;

      config = json_object_get_member (entry, "config");
      if (config == NULL)
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_MISSING_FIELD, "config", "missing");
      if (rw_field_node_is_string (config))
        {
          const char *rel = json_node_get_string (config);
          g_autofree char *path = g_path_is_absolute (rel)
                                  ? g_strdup (rel) : g_build_filename (load->dir, rel, NULL);

          model = rw_hf_config_load_file (path, &local_error);
        }
      else if (JSON_NODE_HOLDS_OBJECT (config))
        {
          g_autofree char *origin = g_strdup_printf ("%s: model “%s”: config", load->file, id);

          model = rw_hf_config_parse (json_node_get_object (config), origin, &local_error);
        }
      else
        {
          return rw_field_fail (&where, error, RW_CATALOG_ERROR_WRONG_TYPE, "config",
                                "expected a file name or a config object, found %s",
                                rw_field_type_name (config));
        }
      if (model == NULL)
        return rw_field_fail (&where, error, catalog_code_for_config (local_error), "config",
                              "%s", local_error->message);

      g_free (model->id);
      model->id = g_strdup (id);
      g_free (model->name);
      model->name = g_strdup (name);
      g_free (model->source);
      model->source = g_strdup (url);
      model->published_total_params = total_b * 1e9;
      model->published_active_params = active_b * 1e9;
      g_hash_table_add (load->model_ids, model->id);
      g_ptr_array_add (load->models, g_steal_pointer (&model));
    }
  return TRUE;
}
