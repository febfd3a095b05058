/* rw-catalog-components.c: the "components" section
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parts shared by custom builds, each priced once: a new GPU price moves
 * every build that uses it.
 */
#include "config.h"

#include "rw-catalog-private.h"

static const char * const component_kinds[] = {
  "gpu", "cpu", "ram", "storage", "board", "psu", "case", "cooler",
};

gboolean
rw_catalog_parse_components (RwCatalogLoad  *load,
                             JsonNode       *section,
                             GError        **error)
{
  static const char * const known[] = { "id", "kind", "name", "currency", "price", NULL };
  JsonArray *array = json_node_get_array (section);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RwComponent) component = NULL;
      RwFieldWhere where = { load, "component", NULL };
      JsonObject *entry = NULL;
      const char *id = NULL;
      const char *kind = NULL;
      const char *name = NULL;
      const char *currency = NULL;

      if (!rw_field_section_entry (load, array, i, "component", load->component_ids, &entry, &id, error))
        return FALSE;
      where.id = id;
      /* Components and prebuilt systems share one namespace of price items. */
      if (rw_field_id_known (load->system_ids, load->catalog->system_index, id))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_DUPLICATE_ID, "id",
                              "“%s” is already the id of a system", id);
      component = rw_component_new ();
      if (!rw_field_check_members (&where, entry, NULL, known, error)
          || !rw_field_string (&where, entry, NULL, "kind", TRUE, &kind, error)
          || !rw_field_string (&where, entry, NULL, "name", TRUE, &name, error)
          || !rw_field_string (&where, entry, NULL, "currency", TRUE, &currency, error))
        return FALSE;
      if (!rw_field_is_currency (currency))
        return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "currency",
                              "“%s” is not an ISO 4217 code such as USD", currency);
      {
        gboolean known_kind = FALSE;

        for (guint k = 0; k < G_N_ELEMENTS (component_kinds); k++)
          known_kind |= g_str_equal (component_kinds[k], kind);
        if (!known_kind)
          return rw_field_fail (&where, error, RW_CATALOG_ERROR_INVALID_VALUE, "kind",
                                "unknown kind “%s” (gpu, cpu, ram, storage, board, psu, case, cooler)", kind);
      }
      if (!rw_field_figure (&where, entry, NULL, "price", RW_DIMENSION_PRICE, RW_FIGURE_REQUIRED, currency,
                            &component->price, error))
        return FALSE;

      component->id = g_strdup (id);
      component->kind = g_strdup (kind);
      component->name = g_strdup (name);
      component->quantity = 1;
      g_hash_table_insert (load->component_ids, component->id, component);
      g_hash_table_insert (load->component_currency, g_strdup (id), g_strdup (currency));
      g_ptr_array_add (load->components, g_steal_pointer (&component));
    }
  return TRUE;
}

/* The currency a component is priced in: from this file, else the catalog. */
const char *
rw_catalog_load_component_currency (RwCatalogLoad *load,
                                    const char    *id)
{
  const char *currency = g_hash_table_lookup (load->component_currency, id);
  RwPriceItem *item;

  if (currency != NULL)
    return currency;
  item = g_hash_table_lookup (load->catalog->prices, id);
  return item != NULL ? item->currency : NULL;
}

const RwComponent *
rw_catalog_load_lookup_component (RwCatalogLoad *load,
                                  const char    *id)
{
  const RwComponent *component = g_hash_table_lookup (load->component_ids, id);

  if (component == NULL)
    component = g_hash_table_lookup (load->catalog->components, id);
  return component;
}
