/* rw-catalog.c: the catalog container, loading files section by section
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A catalog file is a JSON object with any of "sources", "formats",
 * "backends", "models", "components", "systems" and "benchmarks" (see the README,
 * section "Catalog"), each read by its own parser (rw-catalog-private.h
 * lists the files). A file is parsed into temporaries and only committed
 * when every entry in it is valid, so a failing file changes nothing.
 */
#include "config.h"

#include <string.h>

#include "rw-catalog-private.h"
#include "rw-json.h"

G_DEFINE_FINAL_TYPE (RwCatalog, rw_catalog, G_TYPE_OBJECT)

/* The bundled files in the order they depend on each other; any other
 * *.json in a catalog directory follows in alphabetical order. */
static const char * const ordered_files[] = {
  "sources.json", "formats.json", "backends.json", "models.json", "systems.json",
  "devices.json", "benchmarks.json",
};

/* Sections in dependency order: sources before the figures citing them,
 * components before the builds, everything before benchmarks. */
static const struct
{
  const char             *member;
  JsonNodeType            type;
  const char             *expected;  /* for the wrong-type message */
  RwCatalogSectionParser  parse;
} sections[] = {
  { "sources", JSON_NODE_OBJECT, "an object of source keys", rw_catalog_parse_sources },
  { "formats", JSON_NODE_ARRAY, "an array", rw_catalog_parse_formats },
  { "backends", JSON_NODE_ARRAY, "an array", rw_catalog_parse_backends },
  { "models", JSON_NODE_ARRAY, "an array", rw_catalog_parse_models },
  { "components", JSON_NODE_ARRAY, "an array", rw_catalog_parse_components },
  { "systems", JSON_NODE_ARRAY, "an array", rw_catalog_parse_systems },
  { "devices", JSON_NODE_ARRAY, "an array", rw_catalog_parse_devices },
  { "benchmarks", JSON_NODE_ARRAY, "an array", rw_catalog_parse_benchmarks },
};

static void
load_clear (RwCatalogLoad *load)
{
  g_clear_pointer (&load->dir, g_free);
  g_clear_pointer (&load->sources, g_hash_table_unref);
  g_clear_pointer (&load->formats, g_ptr_array_unref);
  g_clear_pointer (&load->format_ids, g_hash_table_unref);
  g_clear_pointer (&load->backends, g_ptr_array_unref);
  g_clear_pointer (&load->backend_ids, g_hash_table_unref);
  g_clear_pointer (&load->models, g_ptr_array_unref);
  g_clear_pointer (&load->model_ids, g_hash_table_unref);
  g_clear_pointer (&load->components, g_ptr_array_unref);
  g_clear_pointer (&load->component_ids, g_hash_table_unref);
  g_clear_pointer (&load->component_currency, g_hash_table_unref);
  g_clear_pointer (&load->systems, g_ptr_array_unref);
  g_clear_pointer (&load->system_ids, g_hash_table_unref);
  g_clear_pointer (&load->devices, g_ptr_array_unref);
  g_clear_pointer (&load->device_ids, g_hash_table_unref);
  g_clear_pointer (&load->benchmarks, g_ptr_array_unref);
}

/* Committing a file */

static void
replace_or_append (GPtrArray      *array,
                   GHashTable     *index,
                   const char     *id,
                   gpointer        entry,
                   gsize           id_offset,
                   GDestroyNotify  free_func)
{
  for (guint i = 0; i < array->len; i++)
    {
      gpointer old = g_ptr_array_index (array, i);

      if (g_str_equal (G_STRUCT_MEMBER (char *, old, id_offset), id))
        {
          /* In place, to keep the display order; the index must point at
           * the new entry (and its id) before the old one goes. */
          array->pdata[i] = entry;
          g_hash_table_replace (index, (gpointer) id, entry);
          if (old != entry)
            free_func (old);
          return;
        }
    }
  g_ptr_array_add (array, entry);
  g_hash_table_replace (index, (gpointer) id, entry);
}

static void
commit (RwCatalogLoad *load)
{
  RwCatalog *self = load->catalog;
  GHashTableIter iter;
  gpointer key, value;
  gpointer *items;
  gsize n;

  g_hash_table_iter_init (&iter, load->sources);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (self->sources, key, value);
    }

  items = g_ptr_array_steal (load->formats, &n);
  for (gsize i = 0; i < n; i++)
    {
      RwFormat *format = items[i];

      replace_or_append (self->formats, self->format_index, format->id, format,
                         G_STRUCT_OFFSET (RwFormat, id), (GDestroyNotify) rw_format_free);
    }
  g_free (items);

  items = g_ptr_array_steal (load->backends, &n);
  for (gsize i = 0; i < n; i++)
    {
      RwBackend *backend = items[i];

      replace_or_append (self->backends, self->backend_index, backend->id, backend,
                         G_STRUCT_OFFSET (RwBackend, id), (GDestroyNotify) rw_backend_unref);
    }
  g_free (items);

  items = g_ptr_array_steal (load->models, &n);
  for (gsize i = 0; i < n; i++)
    {
      RwModel *model = items[i];

      replace_or_append (self->models, self->model_index, model->id, model,
                         G_STRUCT_OFFSET (RwModel, id), (GDestroyNotify) rw_model_free);
    }
  g_free (items);

  items = g_ptr_array_steal (load->components, &n);
  for (gsize i = 0; i < n; i++)
    {
      RwComponent *component = items[i];
      const char *currency = g_hash_table_lookup (load->component_currency, component->id);

      rw_catalog_set_file_price (self, component->id, currency, &component->price, load->user_defined);
      g_hash_table_replace (self->components, component->id, component);
    }
  g_free (items);

  items = g_ptr_array_steal (load->systems, &n);
  for (gsize i = 0; i < n; i++)
    {
      RwSystem *system = items[i];

      if (system->components->len == 0)
        rw_catalog_set_system_price (self, system, TRUE, load->user_defined);
      else
        g_hash_table_remove (self->prices, system->id);  /* was prebuilt, now a build */
      replace_or_append (self->systems, self->system_index, system->id, system,
                         G_STRUCT_OFFSET (RwSystem, id), (GDestroyNotify) rw_system_unref);
    }
  g_free (items);

  items = g_ptr_array_steal (load->devices, &n);
  for (gsize i = 0; i < n; i++)
    {
      RwSystem *device = items[i];

      replace_or_append (self->devices, self->device_index, device->id, device,
                         G_STRUCT_OFFSET (RwSystem, id), (GDestroyNotify) rw_system_unref);
    }
  g_free (items);

  items = g_ptr_array_steal (load->benchmarks, &n);
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (self->benchmarks, items[i]);
  g_free (items);

  /* A new or replaced backend reaches every system on its API. */
  for (guint i = 0; i < self->systems->len; i++)
    rw_system_attach_backends (g_ptr_array_index (self->systems, i), self->backends);
  for (guint i = 0; i < self->devices->len; i++)
    rw_system_attach_backends (g_ptr_array_index (self->devices, i), self->backends);

  rw_catalog_apply_prices (self);
}

static void
skip_free (RwCatalogSkip *skip)
{
  g_free (skip->path);
  g_clear_error (&skip->error);
  g_free (skip);
}

/* GObject */

static void
rw_catalog_finalize (GObject *object)
{
  RwCatalog *self = (RwCatalog *) object;

  g_clear_pointer (&self->system_index, g_hash_table_unref);
  g_clear_pointer (&self->systems, g_ptr_array_unref);
  g_clear_pointer (&self->model_index, g_hash_table_unref);
  g_clear_pointer (&self->models, g_ptr_array_unref);
  g_clear_pointer (&self->format_index, g_hash_table_unref);
  g_clear_pointer (&self->formats, g_ptr_array_unref);
  g_clear_pointer (&self->backend_index, g_hash_table_unref);
  g_clear_pointer (&self->backends, g_ptr_array_unref);
  g_clear_pointer (&self->components, g_hash_table_unref);
  g_clear_pointer (&self->device_index, g_hash_table_unref);
  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_clear_pointer (&self->benchmarks, g_ptr_array_unref);
  g_clear_pointer (&self->prices, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);

  G_OBJECT_CLASS (rw_catalog_parent_class)->finalize (object);
}

static void
rw_catalog_class_init (RwCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rw_catalog_finalize;
}

static void
rw_catalog_init (RwCatalog *self)
{
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) rw_source_free);
  self->systems = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_system_unref);
  self->system_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->models = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_model_free);
  self->model_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->formats = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_format_free);
  self->format_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->backends = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_backend_unref);
  self->backend_index = g_hash_table_new (g_str_hash, g_str_equal);
  /* Keys are the components' own ids. */
  self->components = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) rw_component_free);
  self->devices = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_system_unref);
  self->device_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->benchmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_benchmark_free);
  self->prices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) rw_price_item_free);
  self->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) skip_free);
}

/* Public API */

RwCatalog *
rw_catalog_new (void)
{
  return g_object_new (RW_TYPE_CATALOG, NULL);
}

const char *
rw_catalog_get_data_dir (void)
{
  const char *env = g_getenv ("RIGWISE_DATADIR");

  if (env != NULL && *env != '\0')
    return env;
  if (g_file_test (PKGDATADIR "/catalog", G_FILE_TEST_IS_DIR))
    return PKGDATADIR;
  return RIGWISE_SOURCE_DATADIR;
}

char *
rw_catalog_get_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "rigwise", "catalog", NULL);
}

gboolean
rw_catalog_load_file (RwCatalog   *self,
                      const char  *path,
                      gboolean     user_defined,
                      GError     **error)
{
  static const char * const known[] = {
    "rigwise-catalog", "sources", "formats", "backends", "models", "components", "systems",
    "devices", "benchmarks", NULL,
  };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *basename = NULL;
  RwCatalogLoad load = { 0, };
  RwFieldWhere where = { &load, NULL, NULL };
  JsonObject *object;
  gboolean ok;

  g_return_val_if_fail (RW_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  basename = g_path_get_basename (path);
  load.catalog = self;
  load.file = basename;
  load.user_defined = user_defined;

  /* Its messages name the file already. */
  root = rw_json_read_file (path, RW_JSON_KIND_CATALOG, error);
  if (root == NULL)
    {
      rw_json_error_convert (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO, RW_CATALOG_ERROR_IO,
                             RW_CATALOG_ERROR_PARSE);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return rw_field_fail (&where, error, RW_CATALOG_ERROR_WRONG_TYPE, NULL,
                          "expected a JSON object at the top level");
  object = json_node_get_object (root);

  load.dir = g_path_get_dirname (path);
  load.sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) rw_source_free);
  load.formats = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_format_free);
  load.format_ids = g_hash_table_new (g_str_hash, g_str_equal);
  load.backends = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_backend_unref);
  load.backend_ids = g_hash_table_new (g_str_hash, g_str_equal);
  load.models = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_model_free);
  load.model_ids = g_hash_table_new (g_str_hash, g_str_equal);
  load.components = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_component_free);
  load.component_ids = g_hash_table_new (g_str_hash, g_str_equal);
  load.component_currency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  load.systems = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_system_unref);
  load.system_ids = g_hash_table_new (g_str_hash, g_str_equal);
  load.devices = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_system_unref);
  load.device_ids = g_hash_table_new (g_str_hash, g_str_equal);
  load.benchmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_benchmark_free);

  ok = rw_field_check_members (&where, object, NULL, known, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (sections); i++)
    {
      JsonNode *section = json_object_get_member (object, sections[i].member);

      if (section == NULL)
        continue;
      if (JSON_NODE_TYPE (section) != sections[i].type)
        ok = rw_field_fail (&where, error, RW_CATALOG_ERROR_WRONG_TYPE, sections[i].member,
                            "expected %s, found %s", sections[i].expected,
                            rw_field_type_name (section));
      else
        ok = sections[i].parse (&load, section, error);
    }
  if (ok)
    commit (&load);

  load_clear (&load);
  return ok;
}


static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const char *name_a = *(const char * const *) a;
  const char *name_b = *(const char * const *) b;
  int rank_a = G_N_ELEMENTS (ordered_files), rank_b = G_N_ELEMENTS (ordered_files);

  for (guint i = 0; i < G_N_ELEMENTS (ordered_files); i++)
    {
      if (g_str_equal (name_a, ordered_files[i]))
        rank_a = i;
      if (g_str_equal (name_b, ordered_files[i]))
        rank_b = i;
    }
  if (rank_a != rank_b)
    return rank_a - rank_b;
  return strcmp (name_a, name_b);
}

/* Loads the *.json of @dir in order. With @skipped, a file that does not
 * load is added there and the others still load; without, it stops. */
static gboolean
load_directory (RwCatalog   *self,
                const char  *dir,
                gboolean     user_defined,
                GPtrArray   *skipped,
                GError     **error)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  const char *name;

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO, "%s: %s", dir,
                   local_error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (g_str_has_suffix (name, ".json") && name[0] != '.')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      RwCatalogSkip *skip;

      if (rw_catalog_load_file (self, path, user_defined, skipped != NULL ? &local_error : error))
        continue;
      if (skipped == NULL)
        return FALSE;
      skip = g_new0 (RwCatalogSkip, 1);
      skip->path = g_steal_pointer (&path);
      skip->error = g_steal_pointer (&local_error);
      g_ptr_array_add (skipped, skip);
    }
  return TRUE;
}

gboolean
rw_catalog_load_directory (RwCatalog   *self,
                           const char  *dir,
                           gboolean     user_defined,
                           GError     **error)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  return load_directory (self, dir, user_defined, NULL, error);
}

RwCatalog *
rw_catalog_new_default (GError **error)
{
  g_autoptr(RwCatalog) self = rw_catalog_new ();
  g_autofree char *bundled = g_build_filename (rw_catalog_get_data_dir (), "catalog", NULL);
  g_autofree char *user = rw_catalog_get_user_dir ();

  if (!rw_catalog_load_directory (self, bundled, FALSE, error))
    return NULL;
  if (self->systems->len == 0 || self->formats->len == 0)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO,
                   "%s: no bundled systems or formats found", bundled);
      return NULL;
    }
  if (g_file_test (user, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GError) local_error = NULL;

      /* Even an unreadable folder only costs the user's own entries. */
      if (!load_directory (self, user, TRUE, self->skipped, &local_error))
        {
          RwCatalogSkip *skip = g_new0 (RwCatalogSkip, 1);

          skip->path = g_steal_pointer (&user);
          skip->error = g_steal_pointer (&local_error);
          g_ptr_array_add (self->skipped, skip);
        }
    }
  return g_steal_pointer (&self);
}

GPtrArray *
rw_catalog_get_skipped (RwCatalog *self)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  return self->skipped;
}

const char *
rw_catalog_skip_get_reason (const RwCatalogSkip *skip)
{
  g_autofree char *base = NULL;
  const char *message;

  g_return_val_if_fail (skip != NULL && skip->error != NULL, NULL);

  message = skip->error->message;
  base = g_filename_display_basename (skip->path);
  if (g_str_has_prefix (message, base) && g_str_has_prefix (message + strlen (base), ": "))
    return message + strlen (base) + 2;
  if (g_str_has_prefix (message, skip->path) && g_str_has_prefix (message + strlen (skip->path), ": "))
    return message + strlen (skip->path) + 2;
  return message;
}

guint
rw_catalog_get_n_systems (RwCatalog *self)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), 0);
  return self->systems->len;
}

RwSystem *
rw_catalog_get_system (RwCatalog *self,
                       guint      index)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->systems->len, NULL);
  return g_ptr_array_index (self->systems, index);
}

RwSystem *
rw_catalog_lookup_system (RwCatalog  *self,
                          const char *id)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->system_index, id);
}

void
rw_catalog_add_system (RwCatalog *self,
                       RwSystem  *system)
{
  g_return_if_fail (RW_IS_CATALOG (self));
  g_return_if_fail (system != NULL && system->id != NULL);

  rw_system_ref (system);
  if (system->components == NULL || system->components->len == 0)
    rw_catalog_set_system_price (self, system, FALSE, FALSE);
  else
    {
      for (guint i = 0; i < system->components->len; i++)
        {
          RwComponent *component = g_ptr_array_index (system->components, i);

          if (!g_hash_table_contains (self->prices, component->id)
              && rw_figure_is_known (&component->price))
            rw_price_item_set_layer (rw_catalog_ensure_price_item (self, component->id, system->currency),
                                     RW_PRICE_ORIGIN_BUNDLED, &component->price);
        }
    }
  rw_system_attach_backends (system, self->backends);
  replace_or_append (self->systems, self->system_index, system->id, system,
                     G_STRUCT_OFFSET (RwSystem, id), (GDestroyNotify) rw_system_unref);
  rw_catalog_apply_prices (self);
}

guint
rw_catalog_get_n_models (RwCatalog *self)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), 0);
  return self->models->len;
}

const RwModel *
rw_catalog_get_model (RwCatalog *self,
                      guint      index)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->models->len, NULL);
  return g_ptr_array_index (self->models, index);
}

const RwModel *
rw_catalog_lookup_model (RwCatalog  *self,
                         const char *id)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->model_index, id);
}

void
rw_catalog_add_model (RwCatalog *self,
                      RwModel   *model)
{
  g_return_if_fail (RW_IS_CATALOG (self));
  g_return_if_fail (model != NULL && model->id != NULL);
  replace_or_append (self->models, self->model_index, model->id, model,
                     G_STRUCT_OFFSET (RwModel, id), (GDestroyNotify) rw_model_free);
}

guint
rw_catalog_get_n_formats (RwCatalog *self)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), 0);
  return self->formats->len;
}

const RwFormat *
rw_catalog_get_format (RwCatalog *self,
                       guint      index)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->formats->len, NULL);
  return g_ptr_array_index (self->formats, index);
}

const RwFormat *
rw_catalog_lookup_format (RwCatalog  *self,
                          const char *id)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->format_index, id);
}

GPtrArray *
rw_catalog_get_benchmarks (RwCatalog *self)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  return self->benchmarks;
}


guint
rw_catalog_get_n_backends (RwCatalog *self)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), 0);
  return self->backends->len;
}

const RwBackend *
rw_catalog_get_backend (RwCatalog *self,
                        guint      index)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->backends->len, NULL);
  return g_ptr_array_index (self->backends, index);
}

const RwBackend *
rw_catalog_lookup_backend (RwCatalog  *self,
                           const char *id)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->backend_index, id);
}

guint
rw_catalog_get_n_devices (RwCatalog *self)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), 0);
  return self->devices->len;
}

RwSystem *
rw_catalog_get_device (RwCatalog *self,
                       guint      index)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (index < self->devices->len, NULL);
  return g_ptr_array_index (self->devices, index);
}

RwSystem *
rw_catalog_lookup_device (RwCatalog  *self,
                          const char *id)
{
  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->device_index, id);
}

char **
rw_catalog_dup_runtimes (RwCatalog *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (RW_IS_CATALOG (self), NULL);

  for (guint s = 0; s < self->systems->len; s++)
    {
      RwSystem *system = g_ptr_array_index (self->systems, s);

      for (guint e = 0; system->efficiencies != NULL && e < system->efficiencies->len; e++)
        {
          RwEfficiency *eff = g_ptr_array_index (system->efficiencies, e);

          gboolean seen = eff->runtime == NULL;

          for (guint n = 0; n < names->len && !seen; n++)
            seen = g_str_equal (g_ptr_array_index (names, n), eff->runtime);
          if (!seen)
            g_ptr_array_add (names, eff->runtime);
        }
    }
  g_ptr_array_add (names, NULL);
  return g_strdupv ((char **) names->pdata);
}
