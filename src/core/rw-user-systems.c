/* rw-user-systems.c: the user's edits of custom builds and prices
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The edits live in one catalog file in the user's catalog directory,
 * written in the bundled catalog's own format (figures with unit, source
 * and date), so rw_catalog_new_default() loads them back like any other
 * user entry and marks their prices RW_PRICE_ORIGIN_USER. Every change
 * reads the file, changes one entry and replaces the file atomically.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rw-error.h"
#include "rw-file.h"
#include "rw-json.h"
#include "rw-user-systems.h"

/* Static helpers */

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static JsonObject *
figure_to_json (const RwFigure *figure,
                const char     *unit)
{
  JsonObject *object = json_object_new ();
  const char *note = figure->note;

  if (isfinite (figure->value))
    json_object_set_double_member (object, "value", figure->value);
  else
    {
      json_object_set_null_member (object, "value");
      /* The loader wants a reason for every unknown figure. */
      if (note == NULL)
        note = "not published";
    }
  json_object_set_string_member (object, "unit", unit);
  if (figure->source != NULL)
    json_object_set_string_member (object, "source", figure->source);
  if (figure->date != NULL)
    json_object_set_string_member (object, "date", figure->date);
  if (note != NULL)
    json_object_set_string_member (object, "note", note);
  if (figure->assumed)
    json_object_set_boolean_member (object, "assumed", TRUE);
  return object;
}

/* A system entry as rw_catalog_load_file() reads it (see the README,
 * "Catalog"); values are written in SI units. */
static JsonObject *
system_to_json (const RwSystem *system)
{
  JsonObject *entry = json_object_new ();
  JsonObject *memory = json_object_new ();
  JsonObject *peak = json_object_new ();
  JsonObject *peak_assumed = json_object_new ();
  JsonObject *power = json_object_new ();
  JsonObject *efficiency = json_object_new ();
  JsonObject *panel = json_object_new ();

  json_object_set_string_member (entry, "id", system->id);
  json_object_set_string_member (entry, "name", system->name);
  json_object_set_string_member (entry, "short_name",
                                 system->short_name ? system->short_name : system->name);
  json_object_set_string_member (entry, "memory_model",
                                 system->memory_model == RW_MEMORY_UNIFIED ? "unified" : "discrete");
  json_object_set_int_member (entry, "n_devices", system->n_devices);
  if (system->apis != 0)
    {
      JsonArray *apis = json_array_new ();

      /* The default API first, as the catalog lists it. */
      json_array_add_string_element (apis, rw_api_to_string (system->api));
      for (guint a = 0; a < RW_API_N; a++)
        if (a != system->api && (system->apis & (1u << a)))
          json_array_add_string_element (apis, rw_api_to_string ((RwApi) a));
      json_object_set_array_member (entry, "apis", apis);
    }
  json_object_set_string_member (entry, "currency", system->currency);
  json_object_set_string_member (entry, "kind", rw_system_kind_to_string (system->kind));

  json_object_set_object_member (memory, "installed", figure_to_json (&system->device_memory, "B"));
  json_object_set_object_member (memory, "usable", figure_to_json (&system->device_usable, "B"));
  json_object_set_object_member (memory, "bandwidth",
                                 figure_to_json (&system->device_bandwidth, "B/s"));
  json_object_set_object_member (entry, "memory", memory);

  /* A cloud GPU may have no host pool (0: not modelled). */
  if (system->memory_model == RW_MEMORY_DISCRETE && system->host_memory.value > 0)
    {
      JsonObject *host = json_object_new ();

      json_object_set_object_member (host, "memory", figure_to_json (&system->host_memory, "B"));
      json_object_set_object_member (host, "bandwidth",
                                     figure_to_json (&system->host_bandwidth, "B/s"));
      json_object_set_object_member (entry, "host", host);
    }
  if (isfinite (system->link_bandwidth.value) && system->link_bandwidth.value > 0)
    {
      JsonObject *link = json_object_new ();

      json_object_set_object_member (link, "bandwidth",
                                     figure_to_json (&system->link_bandwidth, "B/s"));
      json_object_set_object_member (entry, "link", link);
    }

  /* An assumed peak is stored as the published null plus the assumption,
   * which is how the loader wants it. */
  for (guint p = 0; p < RW_PRECISION_N; p++)
    {
      const RwFigure *figure = &system->peak[p];
      const char *name = rw_precision_to_string ((RwPrecision) p);

      if (figure->assumed && isfinite (figure->value))
        {
          RwFigure unpublished = { NAN, figure->source, figure->date,
                                   (char *) "not published; see the assumed figure", FALSE };

          json_object_set_object_member (peak, name, figure_to_json (&unpublished, "FLOPS"));
          json_object_set_object_member (peak_assumed, name, figure_to_json (figure, "FLOPS"));
        }
      else
        json_object_set_object_member (peak, name, figure_to_json (figure, "FLOPS"));
    }
  json_object_set_object_member (entry, "peak", peak);
  if (json_object_get_size (peak_assumed) > 0)
    json_object_set_object_member (entry, "peak_assumed", peak_assumed);
  else
    json_object_unref (peak_assumed);

  json_object_set_object_member (power, "load", figure_to_json (&system->power_load, "W"));
  json_object_set_object_member (power, "idle", figure_to_json (&system->power_idle, "W"));
  json_object_set_object_member (entry, "power", power);

  if (system->components != NULL && system->components->len > 0)
    {
      JsonArray *components = json_array_new ();

      for (guint i = 0; i < system->components->len; i++)
        {
          const RwComponent *component = g_ptr_array_index (system->components, i);
          JsonObject *c = json_object_new ();

          json_object_set_string_member (c, "id", component->id);
          json_object_set_int_member (c, "quantity", component->quantity);
          json_array_add_object_element (components, c);
        }
      json_object_set_array_member (entry, "components", components);
    }
  else if (rw_system_is_cloud (system))
    {
      g_autofree char *per_hour = g_strconcat (system->currency, "/h", NULL);

      json_object_set_object_member (entry, "price_per_hour",
                                     figure_to_json (&system->price_per_hour, per_hour));
    }
  else
    json_object_set_object_member (entry, "price", figure_to_json (&system->price, system->currency));

  for (guint i = 0; system->efficiencies != NULL && i < system->efficiencies->len; i++)
    {
      const RwEfficiency *e = g_ptr_array_index (system->efficiencies, i);
      JsonObject *o = json_object_new ();

      /* 0 is "does not apply" (no host RAM on a unified system): left out. */
      if (e->decode_bandwidth > 0)
        json_object_set_double_member (o, "decode_bandwidth", e->decode_bandwidth);
      if (e->host_bandwidth > 0)
        json_object_set_double_member (o, "host_bandwidth", e->host_bandwidth);
      if (e->prefill_compute > 0)
        json_object_set_double_member (o, "prefill_compute", e->prefill_compute);
      if (e->train_compute > 0)
        json_object_set_double_member (o, "train_compute", e->train_compute);
      if (e->decode_latency > 0)
        json_object_set_double_member (o, "decode_latency_ms", e->decode_latency * 1000);
      if (e->matmul_scale != 1)
        json_object_set_double_member (o, "matmul_scale", e->matmul_scale);
      json_object_set_string_member (o, "source", e->source ? e->source : "");
      json_object_set_object_member (efficiency, e->runtime, o);
    }
  json_object_set_object_member (entry, "efficiency", efficiency);

  for (guint p = 0; p < RW_PANEL_N; p++)
    {
      JsonObject *row = json_object_new ();

      json_object_set_string_member (row, "text", system->panel[p] ? system->panel[p] : "");
      if (system->panel_source[p] != NULL)
        json_object_set_string_member (row, "source", system->panel_source[p]);
      json_object_set_object_member (panel, rw_panel_to_key ((RwPanel) p), row);
    }
  json_object_set_object_member (entry, "panel", panel);

  return entry;
}

/* The user file as a JSON object with "components" and "systems" arrays;
 * a missing file is an empty one. */
static JsonObject *
read_user_file (const char  *path,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *name = g_path_get_basename (path);
  JsonObject *root;

  node = rw_json_read_file (path, RW_JSON_KIND_CATALOG, &local_error);
  if (node == NULL && g_error_matches (local_error, RW_JSON_ERROR, RW_JSON_ERROR_NOT_FOUND))
    {
      root = json_object_new ();
      json_object_set_int_member (root, "rigwise-catalog", 1);
    }
  else if (node == NULL)
    {
      /* Its message names the file. */
      rw_json_error_convert (&local_error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO,
                             RW_CATALOG_ERROR_IO, RW_CATALOG_ERROR_PARSE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  else if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_WRONG_TYPE,
                   "%s: expected a JSON object at the top level", name);
      return NULL;
    }
  else
    root = json_object_ref (json_node_get_object (node));

  for (guint i = 0; i < 2; i++)
    {
      const char *section = i == 0 ? "components" : "systems";
      JsonNode *member = json_object_get_member (root, section);

      if (member == NULL)
        json_object_set_array_member (root, section, json_array_new ());
      else if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_WRONG_TYPE,
                       "%s: field “%s”: expected an array", name, section);
          json_object_unref (root);
          return NULL;
        }
    }
  return root;
}

static gboolean
write_user_file (const char  *path,
                 JsonObject  *root,
                 GError     **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO,
                   "%s: could not create the directory: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  json_node_set_object (node, root);
  /* Written to a temporary file and renamed over the old one. */
  if (!rw_json_save_file (node, path, 0644, &local_error))
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_IO,
                   "%s: could not save: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static int
find_entry (JsonArray  *array,
            const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (entry, "id", NULL), id) == 0)
        return (int) i;
    }
  return -1;
}

/* Replaces the entry with @id in @section, keeping its place, or appends. */
static void
put_entry (JsonObject *root,
           const char *section,
           const char *id,
           JsonObject *entry)
{
  JsonArray *array = json_object_get_array_member (root, section);
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  int index = find_entry (array, id);

  json_node_take_object (node, entry);
  if (index < 0)
    {
      json_array_add_element (array, node);
      return;
    }

  /* JsonArray has no replace: rebuild it with the new entry in place. */
  {
    JsonArray *rebuilt = json_array_new ();

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        if ((int) i == index)
          json_array_add_element (rebuilt, node);
        else
          json_array_add_element (rebuilt, json_node_copy (json_array_get_element (array, i)));
      }
    json_object_set_array_member (root, section, rebuilt);
  }
}

static gboolean
remove_entry (JsonObject *root,
              const char *section,
              const char *id)
{
  JsonArray *array = json_object_get_array_member (root, section);
  int index = find_entry (array, id);

  if (index < 0)
    return FALSE;
  json_array_remove_element (array, index);
  return TRUE;
}

static const RwComponent *
system_find_component (const RwSystem *system,
                       const char     *kind,
                       const char     *id)
{
  for (guint i = 0; system->components != NULL && i < system->components->len; i++)
    {
      const RwComponent *component = g_ptr_array_index (system->components, i);

      if ((kind == NULL || g_strcmp0 (component->kind, kind) == 0) &&
          (id == NULL || g_strcmp0 (component->id, id) == 0))
        return component;
    }
  return NULL;
}

/* A discrete catalog system that uses the part, preferring bundled ones so
 * an edit is never derived from another edit. */
static RwSystem *
find_template (RwCatalog  *catalog,
               const char *part_id,
               guint      *quantity)
{
  RwSystem *found = NULL;

  for (guint i = 0; i < rw_catalog_get_n_systems (catalog); i++)
    {
      RwSystem *system = rw_catalog_get_system (catalog, i);
      const RwComponent *component;

      if (system->memory_model != RW_MEMORY_DISCRETE)
        continue;
      component = system_find_component (system, NULL, part_id);
      if (component == NULL)
        continue;
      if (found == NULL || (found->user_defined && !system->user_defined))
        {
          found = system;
          *quantity = component->quantity;
        }
    }
  return found;
}

/* @figure × @factor, marked with where it was derived from. */
static void
scale_figure (RwFigure       *dest,
              const RwFigure *src,
              double          factor,
              const char     *template_id)
{
  g_autofree char *note = NULL;

  if (factor == 1.0)
    {
      rw_figure_copy_into (dest, src);
      return;
    }
  if (!isfinite (src->value))
    note = g_strdup (src->note);
  else if (src->note != NULL)
    note = g_strdup_printf ("%s (scaled ×%g from %s)", src->note, factor, template_id);
  else
    note = g_strdup_printf ("scaled ×%g from %s", factor, template_id);
  rw_figure_set (dest, isfinite (src->value) ? src->value * factor : NAN,
                 src->source, src->date, note, src->assumed);
}

static void
replace_component (RwSystem          *system,
                   const char        *kind,
                   const RwComponent *part,
                   guint              quantity)
{
  RwComponent *component = NULL;

  for (guint i = 0; i < system->components->len; i++)
    {
      RwComponent *c = g_ptr_array_index (system->components, i);

      if (g_strcmp0 (c->kind, kind) == 0)
        {
          component = c;
          break;
        }
    }
  if (component == NULL)
    {
      component = rw_component_new ();
      g_ptr_array_add (system->components, component);
    }
  g_free (component->id);
  component->id = g_strdup (part->id);
  g_free (component->kind);
  component->kind = g_strdup (kind);
  g_free (component->name);
  component->name = g_strdup (part->name);
  component->quantity = quantity;
  rw_figure_copy_into (&component->price, &part->price);
}

/* Puts a copy of @system's values into the catalog's entry with its id,
 * in place when there is one: the app holds borrowed RwSystem pointers
 * (selection, charts) that must stay valid across an edit. */
static void
put_system (RwCatalog      *catalog,
            const RwSystem *system)
{
  RwSystem *existing = rw_catalog_lookup_system (catalog, system->id);
  g_autoptr(RwSystem) copy = rw_system_copy (system);
  RwSystem tmp;

  copy->user_defined = system->user_defined;
  if (existing == NULL)
    {
      rw_catalog_add_system (catalog, copy);
      return;
    }
  /* RwSystem is an atomic rc box: the count lives outside the struct, so
   * swapping the contents keeps both references right. */
  tmp = *existing;
  *existing = *copy;
  *copy = tmp;
  /* The catalog's index is keyed by the entry's own id string: keep it
   * (the strings are equal). */
  {
    char *id = existing->id;

    existing->id = copy->id;
    copy->id = id;
  }
}

static gboolean
check_count (guint        count,
             guint        max,
             const char  *what,
             GError     **error)
{
  if (count > max)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE,
                   "%u %s: at most %u fit in one build", count, what, max);
      return FALSE;
    }
  return TRUE;
}

static int
compare_parts (gconstpointer a,
               gconstpointer b)
{
  const RwComponent *pa = *(const RwComponent * const *) a;
  const RwComponent *pb = *(const RwComponent * const *) b;

  return g_utf8_collate (pa->name, pb->name);
}

/* Public API */

char *
rw_user_systems_get_path (void)
{
  g_autofree char *dir = rw_catalog_get_user_dir ();

  return g_build_filename (dir, RW_USER_SYSTEMS_FILE, NULL);
}

GPtrArray *
rw_user_systems_list_parts (RwCatalog  *catalog,
                            const char *kind)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_component_free);
  gboolean needs_template;

  g_return_val_if_fail (RW_IS_CATALOG (catalog), parts);
  g_return_val_if_fail (kind != NULL, parts);

  needs_template = g_str_equal (kind, "gpu") || g_str_equal (kind, "ram");

  for (guint i = 0; i < rw_catalog_get_n_systems (catalog); i++)
    {
      RwSystem *system = rw_catalog_get_system (catalog, i);

      for (guint j = 0; system->components != NULL && j < system->components->len; j++)
        {
          const RwComponent *component = g_ptr_array_index (system->components, j);
          const RwFigure *price;
          RwComponent *part;
          guint quantity;

          if (g_strcmp0 (component->kind, kind) != 0 || g_hash_table_contains (seen, component->id))
            continue;
          if (needs_template && find_template (catalog, component->id, &quantity) == NULL)
            continue;
          g_hash_table_add (seen, component->id);

          part = rw_component_new ();
          part->id = g_strdup (component->id);
          part->kind = g_strdup (component->kind);
          part->name = g_strdup (component->name);
          part->quantity = 1;
          price = rw_catalog_get_price (catalog, component->id, NULL);
          rw_figure_copy_into (&part->price, price != NULL ? price : &component->price);
          g_ptr_array_add (parts, part);
        }
    }

  g_ptr_array_sort (parts, compare_parts);
  return parts;
}

RwSystem *
rw_user_systems_build (RwCatalog       *catalog,
                       const RwSystem  *base,
                       const char      *gpu_id,
                       guint            gpu_count,
                       const char      *ram_id,
                       guint            ram_kits,
                       const char      *storage_id,
                       GError         **error)
{
  g_autoptr(RwSystem) system = NULL;
  g_autoptr(GError) local_error = NULL;
  const RwComponent *base_gpu, *base_ram;

  g_return_val_if_fail (RW_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  if (base->memory_model != RW_MEMORY_DISCRETE || base->components == NULL ||
      base->components->len == 0)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE,
                   "system “%s”: only custom builds with components can be edited", base->id);
      return NULL;
    }
  if (!check_count (gpu_count, RW_USER_SYSTEMS_MAX_GPUS, "GPUs", error) ||
      !check_count (ram_kits, RW_USER_SYSTEMS_MAX_KITS, "RAM kits", error))
    return NULL;

  system = rw_system_copy (base);
  base_gpu = system_find_component (base, "gpu", NULL);
  base_ram = system_find_component (base, "ram", NULL);

  /* GPUs: everything on the device side comes per GPU from a system that
   * has that GPU. */
  if (gpu_id != NULL || gpu_count > 0)
    {
      const char *id = gpu_id != NULL ? gpu_id : (base_gpu ? base_gpu->id : NULL);
      guint count = gpu_count > 0 ? gpu_count : (base_gpu ? base_gpu->quantity : 1);
      guint template_count = 0;
      RwSystem *template = id ? find_template (catalog, id, &template_count) : NULL;
      const RwComponent *part;
      double factor;
      double base_delta = NAN, template_delta = NAN;

      if (template == NULL)
        {
          g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_UNKNOWN_ID,
                       "GPU “%s”: no catalog system uses it, so its VRAM and speed are unknown",
                       id ? id : "(none)");
          return NULL;
        }
      part = system_find_component (template, "gpu", id);
      if (part == NULL)
        {
          g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE,
                       "component “%s” is not a GPU", id);
          return NULL;
        }

      factor = (double) count / template_count;
      scale_figure (&system->device_memory, &template->device_memory, factor, template->id);
      scale_figure (&system->device_usable, &template->device_usable, factor, template->id);
      scale_figure (&system->device_bandwidth, &template->device_bandwidth, factor, template->id);
      for (guint p = 0; p < RW_PRECISION_N; p++)
        scale_figure (&system->peak[p], &template->peak[p], factor, template->id);
      rw_figure_copy_into (&system->link_bandwidth, &template->link_bandwidth);
      system->n_devices = count;
      /* The new GPU's compute APIs, and so its backends. */
      system->apis = template->apis;
      system->api = template->api;
      rw_system_attach_backends (system, template->backends);

      /* Efficiencies were calibrated on that GPU. */
      g_ptr_array_set_size (system->efficiencies, 0);
      for (guint i = 0; i < template->efficiencies->len; i++)
        {
          const RwEfficiency *e = g_ptr_array_index (template->efficiencies, i);
          g_ptr_array_add (system->efficiencies, rw_efficiency_copy (e));
        }
      for (guint p = 0; p < RW_PANEL_N; p++)
        {
          if (p != RW_PANEL_GPU && p != RW_PANEL_AI_PERFORMANCE)
            continue;
          g_free (system->panel[p]);
          system->panel[p] = count == template_count
                             ? g_strdup (template->panel[p])
                             : g_strdup_printf ("%u × %s. %s", count, part->name, template->panel[p]);
          g_free (system->panel_source[p]);
          system->panel_source[p] = g_strdup (template->panel_source[p]);
        }

      /* Load power: the base build less its GPUs' share plus the new ones',
       * a GPU's share being (load − idle) / GPUs of a system that has it;
       * without idle figures, the template's load scaled by the GPU count
       * (an upper bound: it scales the rest of the system too). */
      if (base_gpu != NULL && isfinite (base->power_idle.value) && isfinite (base->power_load.value))
        base_delta = (base->power_load.value - base->power_idle.value) / base_gpu->quantity;
      if (isfinite (template->power_idle.value) && isfinite (template->power_load.value))
        template_delta = (template->power_load.value - template->power_idle.value) / template_count;
      if (base_gpu != NULL && g_strcmp0 (id, base_gpu->id) == 0 && count == base_gpu->quantity)
        {
          /* Same GPUs: the base's own figure stands. */
        }
      else if (count == template_count)
        rw_figure_copy_into (&system->power_load, &template->power_load);
      else if (base_gpu != NULL && isfinite (base_delta) && isfinite (template_delta))
        {
          g_autofree char *note = g_strdup_printf ("estimated: %s less %u × %.0f W plus %u × %.0f W "
                                                   "(each GPU's load − idle, from %s and %s)",
                                                   base->id, base_gpu->quantity, base_delta, count,
                                                   template_delta, base->id, template->id);
          g_autofree char *date = today ();
          double load = base->power_load.value - base_gpu->quantity * base_delta + count * template_delta;

          rw_figure_set (&system->power_load, load, base->power_load.source, date, note, TRUE);
        }
      else if (isfinite (template->power_load.value))
        {
          g_autofree char *note = g_strdup_printf ("estimated: %s’s %.0f W load scaled to %u GPUs "
                                                   "(an upper bound: no idle figure to separate the "
                                                   "GPUs from the rest of the system)",
                                                   template->id, template->power_load.value, count);
          g_autofree char *date = today ();

          rw_figure_set (&system->power_load, template->power_load.value * count / template_count,
                         template->power_load.source, date, note, TRUE);
        }

      replace_component (system, "gpu", part, count);
    }

  /* RAM: host memory per kit from a system that has the kit. */
  if (ram_id != NULL || ram_kits > 0)
    {
      const char *id = ram_id != NULL ? ram_id : (base_ram ? base_ram->id : NULL);
      guint kits = ram_kits > 0 ? ram_kits : (base_ram ? base_ram->quantity : 1);
      guint template_kits = 0;
      RwSystem *template = id ? find_template (catalog, id, &template_kits) : NULL;
      const RwComponent *part;

      if (template == NULL)
        {
          g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_UNKNOWN_ID,
                       "RAM kit “%s”: no catalog system uses it, so its size is unknown",
                       id ? id : "(none)");
          return NULL;
        }
      part = system_find_component (template, "ram", id);
      if (part == NULL)
        {
          g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE,
                       "component “%s” is not a RAM kit", id);
          return NULL;
        }
      scale_figure (&system->host_memory, &template->host_memory,
                    (double) kits / template_kits, template->id);
      rw_figure_copy_into (&system->host_bandwidth, &template->host_bandwidth);
      replace_component (system, "ram", part, kits);
    }

  if (storage_id != NULL)
    {
      g_autoptr(GPtrArray) storage = rw_user_systems_list_parts (catalog, "storage");
      const RwComponent *part = NULL;

      for (guint i = 0; i < storage->len; i++)
        if (g_str_equal (((RwComponent *) g_ptr_array_index (storage, i))->id, storage_id))
          part = g_ptr_array_index (storage, i);
      if (part == NULL)
        {
          g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_UNKNOWN_ID,
                       "no storage “%s” in the catalog", storage_id);
          return NULL;
        }
      replace_component (system, "storage", part, 1);
    }

  /* A name that says this is no longer the catalog's build. */
  if (!g_str_has_suffix (system->name, " (edited)"))
    {
      char *name = g_strconcat (system->name, " (edited)", NULL);

      g_free (system->name);
      system->name = name;
    }
  system->user_defined = TRUE;

  if (!rw_system_validate (system, &local_error))
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE,
                   "%s", local_error->message);
      return NULL;
    }
  return g_steal_pointer (&system);
}

gboolean
rw_user_systems_save_system (RwCatalog  *catalog,
                             RwSystem   *system,
                             GError    **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = rw_user_systems_get_path ();

  g_return_val_if_fail (RW_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (system != NULL && system->id != NULL, FALSE);

  if (!rw_system_validate (system, &local_error))
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE,
                   "%s", local_error->message);
      return FALSE;
    }
  root = read_user_file (path, error);
  if (root == NULL)
    return FALSE;
  put_entry (root, "systems", system->id, system_to_json (system));
  if (!write_user_file (path, root, error))
    return FALSE;

  system->user_defined = TRUE;
  put_system (catalog, system);
  return TRUE;
}

gboolean
rw_user_systems_set_price (RwCatalog   *catalog,
                           const char  *item_id,
                           double       value,
                           GError     **error)
{
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *path = rw_user_systems_get_path ();
  g_autofree char *date = today ();
  g_autofree char *note = NULL;
  const RwFigure *current;
  RwFigure price = { 0, };
  const RwComponent *component = NULL;
  RwSystem *prebuilt;
  const char *currency = NULL;
  gboolean ok;

  g_return_val_if_fail (RW_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  current = rw_catalog_get_price (catalog, item_id, NULL);
  if (current == NULL)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_UNKNOWN_ID,
                   "price for “%s”: no system or component with that id", item_id);
      return FALSE;
    }
  if (!isfinite (value) || value <= 0 || value > RW_USER_SYSTEMS_MAX_PRICE)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_INVALID_VALUE,
                   "price for “%s”: %g is not an amount between 0 and %g", item_id, value,
                   RW_USER_SYSTEMS_MAX_PRICE);
      return FALSE;
    }

  /* The source stays the catalog's so the figure can be checked against
   * it; the note says the amount is the user's. */
  note = g_strdup_printf ("Your price, entered on %s", date);
  rw_figure_set (&price, value, current->source, date, note, FALSE);

  root = read_user_file (path, error);
  if (root == NULL)
    {
      rw_figure_clear (&price);
      return FALSE;
    }

  prebuilt = rw_catalog_lookup_system (catalog, item_id);
  if (prebuilt != NULL && (prebuilt->components == NULL || prebuilt->components->len == 0))
    {
      g_autoptr(RwSystem) copy = rw_system_copy (prebuilt);

      rw_figure_copy_into (rw_system_is_cloud (copy) ? &copy->price_per_hour : &copy->price, &price);
      put_entry (root, "systems", item_id, system_to_json (copy));
    }
  else
    {
      JsonObject *entry = json_object_new ();

      for (guint i = 0; component == NULL && i < rw_catalog_get_n_systems (catalog); i++)
        {
          RwSystem *system = rw_catalog_get_system (catalog, i);

          component = system_find_component (system, NULL, item_id);
          currency = system->currency;
        }
      if (component == NULL)
        {
          json_object_unref (entry);
          rw_figure_clear (&price);
          g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_UNKNOWN_ID,
                       "price for “%s”: no build uses that component", item_id);
          return FALSE;
        }
      json_object_set_string_member (entry, "id", component->id);
      json_object_set_string_member (entry, "kind", component->kind);
      json_object_set_string_member (entry, "name", component->name);
      json_object_set_string_member (entry, "currency", currency);
      json_object_set_object_member (entry, "price", figure_to_json (&price, currency));
      put_entry (root, "components", item_id, entry);
    }

  /* The file first, then the catalog; should the catalog refuse the
   * figure, the file goes back to what it was. */
  {
    g_autofree char *old_contents = NULL;
    gsize old_length = 0;
    gboolean had_file = g_file_get_contents (path, &old_contents, &old_length, NULL);

    ok = write_user_file (path, root, error);
    if (ok && !rw_catalog_set_price (catalog, item_id, RW_PRICE_ORIGIN_USER, &price, error))
      {
        if (had_file)
          rw_file_save_atomic (path, old_contents, old_length, 0644, NULL);
        else
          g_unlink (path);
        ok = FALSE;
      }
  }
  rw_figure_clear (&price);
  return ok;
}

gboolean
rw_user_systems_is_edited (const char *id)
{
  g_autofree char *path = rw_user_systems_get_path ();
  g_autoptr(JsonObject) root = NULL;

  g_return_val_if_fail (id != NULL, FALSE);

  root = read_user_file (path, NULL);
  return root != NULL && find_entry (json_object_get_array_member (root, "systems"), id) >= 0;
}

gboolean
rw_user_systems_reset_system (RwCatalog   *catalog,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(RwCatalog) bundled = rw_catalog_new ();
  g_autofree char *bundled_dir = g_build_filename (rw_catalog_get_data_dir (), "catalog", NULL);
  g_autofree char *path = rw_user_systems_get_path ();
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(RwSystem) original = NULL;
  RwSystem *current;
  RwSystem *pristine;
  JsonArray *components;

  g_return_val_if_fail (RW_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!rw_catalog_load_directory (bundled, bundled_dir, FALSE, error))
    return FALSE;
  pristine = rw_catalog_lookup_system (bundled, id);
  current = rw_catalog_lookup_system (catalog, id);
  if (pristine == NULL)
    {
      g_set_error (error, RW_CATALOG_ERROR, RW_CATALOG_ERROR_UNKNOWN_ID,
                   "system “%s” is not in the bundled catalog, so it has no values to go back to",
                   id);
      return FALSE;
    }

  root = read_user_file (path, error);
  if (root == NULL)
    return FALSE;
  remove_entry (root, "systems", id);
  for (guint pass = 0; pass < 2; pass++)
    {
      const RwSystem *system = pass == 0 ? pristine : current;

      for (guint i = 0; system != NULL && system->components != NULL && i < system->components->len; i++)
        remove_entry (root, "components", ((RwComponent *) g_ptr_array_index (system->components, i))->id);
    }
  if (pristine->components == NULL || pristine->components->len == 0)
    remove_entry (root, "components", id);
  if (!write_user_file (path, root, error))
    return FALSE;

  /* The live catalog: the bundled entry back, then the user prices that
   * are left (clear_prices takes them all, so the rest go back on). */
  original = rw_system_copy (pristine);
  original->user_defined = FALSE;
  put_system (catalog, original);
  rw_catalog_clear_prices (catalog, RW_PRICE_ORIGIN_USER);
  components = json_object_get_array_member (root, "components");
  for (guint i = 0; i < json_array_get_length (components); i++)
    {
      JsonObject *entry = json_array_get_object_element (components, i);
      JsonObject *price = json_object_get_object_member (entry, "price");
      RwFigure figure = { 0, };

      if (price == NULL || !json_object_has_member (price, "value"))
        continue;
      rw_figure_set (&figure, json_object_get_double_member (price, "value"),
                     json_object_get_string_member_with_default (price, "source", NULL),
                     json_object_get_string_member_with_default (price, "date", NULL),
                     json_object_get_string_member_with_default (price, "note", NULL), FALSE);
      rw_catalog_set_price (catalog, json_object_get_string_member (entry, "id"),
                            RW_PRICE_ORIGIN_USER, &figure, NULL);
      rw_figure_clear (&figure);
    }
  /* Prebuilt systems the user priced keep their price as well. */
  {
    JsonArray *systems = json_object_get_array_member (root, "systems");

    for (guint i = 0; i < json_array_get_length (systems); i++)
      {
        JsonObject *entry = json_array_get_object_element (systems, i);
        JsonObject *price = json_object_get_object_member (entry, "price");
        RwFigure figure = { 0, };

        if (price == NULL || !json_object_has_member (price, "value"))
          continue;
        rw_figure_set (&figure, json_object_get_double_member (price, "value"),
                       json_object_get_string_member_with_default (price, "source", NULL),
                       json_object_get_string_member_with_default (price, "date", NULL),
                       json_object_get_string_member_with_default (price, "note", NULL), FALSE);
        rw_catalog_set_price (catalog, json_object_get_string_member (entry, "id"),
                              RW_PRICE_ORIGIN_USER, &figure, NULL);
        rw_figure_clear (&figure);
      }
  }
  return TRUE;
}
