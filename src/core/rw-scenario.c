/* rw-scenario.c: a saved workload and system selection (.rigwise files)
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "rw-bounds.h"
#include "rw-error.h"
#include "rw-file.h"
#include "rw-hf-config.h"
#include "rw-json.h"
#include "rw-scenario.h"

/* Strict reading: each member is looked at once, by a reader that knows
 * the file it reads and the path of the member, so every message says
 * "file: field “workload.context”: why". */
typedef struct
{
  const char *origin;
  GError    **error;
} Reader;

G_DEFINE_QUARK (rw-scenario-error-quark, rw_scenario_error)

/* Spelt out: G_DEFINE_BOXED_TYPE's transparent-union trick trips -Wpedantic. */
GType
rw_scenario_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType type = g_boxed_type_register_static (g_intern_static_string ("RwScenario"),
                                                 (GBoxedCopyFunc) rw_scenario_copy,
                                                 (GBoxedFreeFunc) rw_scenario_free);
      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

static gboolean
fail (Reader     *r,
      int         code,
      const char *field,
      const char *why)
{
  if (field != NULL)
    g_set_error (r->error, RW_SCENARIO_ERROR, code,
                 "%s: field “%s”: %s", r->origin, field, why);
  else
    g_set_error (r->error, RW_SCENARIO_ERROR, code, "%s: %s", r->origin, why);
  return FALSE;
}

/* Refuses members this version does not define, so a misspelt key is an
 * error rather than a silently ignored setting. */
static gboolean
check_members (Reader             *r,
               JsonObject         *object,
               const char         *prefix,
               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains (known, name))
        {
          g_autofree char *field = prefix ? g_strdup_printf ("%s.%s", prefix, name) : g_strdup (name);
          return fail (r, RW_SCENARIO_ERROR_UNKNOWN_FIELD, field, "not a member of a version 1 scenario");
        }
    }

  return TRUE;
}

static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  return json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
}

static gboolean
read_object (Reader      *r,
             JsonObject  *parent,
             const char  *name,
             const char  *field,
             gboolean     required,
             JsonObject **out)
{
  JsonNode *node = get_member (parent, name);

  *out = NULL;
  if (node == NULL)
    return required ? fail (r, RW_SCENARIO_ERROR_MISSING_FIELD, field, "missing") : TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, RW_SCENARIO_ERROR_WRONG_TYPE, field, "expected an object");
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_string (Reader      *r,
             JsonObject  *parent,
             const char  *name,
             const char  *field,
             gboolean     required,
             const char **out)
{
  JsonNode *node = get_member (parent, name);

  if (node == NULL)
    return required ? fail (r, RW_SCENARIO_ERROR_MISSING_FIELD, field, "missing") : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (r, RW_SCENARIO_ERROR_WRONG_TYPE, field, "expected a string");
  *out = json_node_get_string (node);
  if (**out == '\0')
    return fail (r, RW_SCENARIO_ERROR_INVALID_VALUE, field, "empty");
  return TRUE;
}

/* Integers must be JSON integers: 8192.5 tokens is a wrong type, not a
 * value to round. */
static gboolean
read_uint (Reader     *r,
           JsonObject *parent,
           const char *name,
           const char *field,
           gboolean    required,
           guint       min,
           guint       max,
           guint      *out)
{
  JsonNode *node = get_member (parent, name);
  gint64 value;

  if (node == NULL)
    return required ? fail (r, RW_SCENARIO_ERROR_MISSING_FIELD, field, "missing") : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (r, RW_SCENARIO_ERROR_WRONG_TYPE, field, "expected an integer");

  value = json_node_get_int (node);
  if (value < (gint64) min || value > (gint64) max)
    {
      g_autofree char *why = g_strdup_printf ("%" G_GINT64_FORMAT " is out of range (%u to %u)",
                                              value, min, max);
      return fail (r, RW_SCENARIO_ERROR_INVALID_VALUE, field, why);
    }
  *out = (guint) value;
  return TRUE;
}

/* A number in [min, max] (min excluded when @min_open); NaN and infinities
 * (json-glib reads 1e999 as inf) are refused. */
static gboolean
read_double (Reader     *r,
             JsonObject *parent,
             const char *name,
             const char *field,
             gboolean    required,
             double      min,
             gboolean    min_open,
             double      max,
             double     *out)
{
  JsonNode *node = get_member (parent, name);
  GType type;
  double value;

  if (node == NULL)
    return required ? fail (r, RW_SCENARIO_ERROR_MISSING_FIELD, field, "missing") : TRUE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return fail (r, RW_SCENARIO_ERROR_WRONG_TYPE, field, "expected a number");

  value = json_node_get_double (node);
  if (!isfinite (value) || value < min || (min_open && value == min) || value > max)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *why = g_strdup_printf ("%s is out of range (%s%g to %g)",
                                              g_ascii_dtostr (buf, sizeof buf, value),
                                              min_open ? "above " : "", min, max);
      return fail (r, RW_SCENARIO_ERROR_INVALID_VALUE, field, why);
    }
  *out = value;
  return TRUE;
}

/* Members bounded by the one table (rw-bounds.h), as the core and the
 * command line bound them. */
static gboolean
read_bound_uint (Reader     *r,
                 JsonObject *parent,
                 const char *name,
                 RwBound     bound,
                 gboolean    required,
                 guint      *out)
{
  const RwBoundInfo *info = rw_bound_get (bound);

  return read_uint (r, parent, name, info->field, required, (guint) info->min, (guint) info->max, out);
}

static gboolean
read_bound_double (Reader     *r,
                   JsonObject *parent,
                   const char *name,
                   RwBound     bound,
                   gboolean    required,
                   double     *out)
{
  const RwBoundInfo *info = rw_bound_get (bound);

  return read_double (r, parent, name, info->field, required, info->min, info->min_open,
                      info->max, out);
}

static gboolean
read_bool (Reader     *r,
           JsonObject *parent,
           const char *name,
           const char *field,
           gboolean   *out)
{
  JsonNode *node = get_member (parent, name);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (r, RW_SCENARIO_ERROR_WRONG_TYPE, field, "expected true or false");
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
check_format (Reader     *r,
              RwCatalog  *catalog,
              const char *id,
              const char *field,
              gboolean    for_weights)
{
  const RwFormat *format = rw_catalog_lookup_format (catalog, id);

  if (format == NULL)
    {
      g_autofree char *why = g_strdup_printf ("no format “%s” in the catalog", id);
      return fail (r, RW_SCENARIO_ERROR_UNKNOWN_ID, field, why);
    }
  if (for_weights ? !format->for_weights : !format->for_kv)
    {
      g_autofree char *why = g_strdup_printf ("format “%s” cannot hold %s", id,
                                              for_weights ? "weights" : "a KV cache");
      return fail (r, RW_SCENARIO_ERROR_INVALID_VALUE, field, why);
    }
  return TRUE;
}

static gboolean
read_model (Reader     *r,
            JsonObject *workload,
            RwCatalog  *catalog,
            RwScenario *scenario)
{
  const char *model_id = NULL;
  const char *config_name = NULL;
  JsonObject *config = NULL;

  if (!read_string (r, workload, "model", "workload.model", FALSE, &model_id) ||
      !read_object (r, workload, "model_config", "workload.model_config", FALSE, &config) ||
      !read_string (r, workload, "model_config_name", "workload.model_config_name", FALSE,
                    &config_name))
    return FALSE;

  if (model_id != NULL && config != NULL)
    return fail (r, RW_SCENARIO_ERROR_INVALID_VALUE, "workload.model",
                 "a scenario names a catalog model or embeds a config, not both");
  if (model_id == NULL && config == NULL)
    return fail (r, RW_SCENARIO_ERROR_MISSING_FIELD, "workload.model",
                 "missing (neither “model” nor “model_config”)");

  if (model_id != NULL)
    {
      if (rw_catalog_lookup_model (catalog, model_id) == NULL)
        {
          g_autofree char *why = g_strdup_printf ("no model “%s” in the catalog", model_id);
          return fail (r, RW_SCENARIO_ERROR_UNKNOWN_ID, "workload.model", why);
        }
      scenario->model_id = g_strdup (model_id);
    }
  else
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *origin = g_strdup_printf ("%s: workload.model_config", r->origin);
      RwModel *model = rw_hf_config_parse (config, origin, &local_error);

      if (model == NULL)
        {
          g_set_error (r->error, RW_SCENARIO_ERROR, RW_SCENARIO_ERROR_INVALID_VALUE,
                       "%s", local_error->message);
          return FALSE;
        }
      rw_hf_config_identify (model, config, config_name);
      scenario->imported_model = model;
      scenario->model_config = json_object_ref (config);
      scenario->model_config_name = g_strdup (config_name);
    }

  return TRUE;
}

static gboolean
read_systems (Reader     *r,
              JsonObject *root,
              RwCatalog  *catalog,
              RwScenario *scenario)
{
  JsonNode *node = get_member (root, "systems");
  JsonArray *array;

  if (node == NULL)
    return fail (r, RW_SCENARIO_ERROR_MISSING_FIELD, "systems", "missing");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, RW_SCENARIO_ERROR_WRONG_TYPE, "systems", "expected an array of system ids");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *field = g_strdup_printf ("systems[%u]", i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return fail (r, RW_SCENARIO_ERROR_WRONG_TYPE, field, "expected a system id");
      id = json_node_get_string (element);
      if (rw_catalog_lookup_system (catalog, id) == NULL)
        {
          g_autofree char *why = g_strdup_printf ("no system “%s” in the catalog", id);
          return fail (r, RW_SCENARIO_ERROR_UNKNOWN_ID, field, why);
        }
      for (guint j = 0; j < scenario->systems->len; j++)
        if (g_str_equal (g_ptr_array_index (scenario->systems, j), id))
          {
            g_autofree char *why = g_strdup_printf ("“%s” is listed twice", id);
            return fail (r, RW_SCENARIO_ERROR_INVALID_VALUE, field, why);
          }
      g_ptr_array_add (scenario->systems, g_strdup (id));
    }

  return TRUE;
}

static RwScenario *
read_scenario (Reader     *r,
               JsonNode   *root_node,
               RwCatalog  *catalog)
{
  static const char * const root_members[] = { "rigwise-scenario", "workload", "systems", NULL };
  static const char * const workload_members[] = {
    "model", "model_config", "model_config_name", "weights", "kv", "bits_per_weight", "mode",
    "context", "depth", "prompt", "batch", "training", "runtime", "cost", NULL
  };
  static const char * const training_members[] = {
    "optimizer", "seq_len", "micro_batch", "lora_rank", "grad_checkpointing", NULL
  };
  static const char * const cost_members[] = {
    "electricity_price", "hours_per_day", "years", NULL
  };
  g_autoptr(RwScenario) scenario = rw_scenario_new ();
  JsonObject *root, *workload, *training = NULL, *cost = NULL;
  JsonNode *version, *bits;
  const char *weights = NULL, *kv = NULL, *mode = NULL, *runtime = NULL, *optimizer = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      fail (r, RW_SCENARIO_ERROR_VERSION, NULL, "not a Rigwise scenario (expected a JSON object)");
      return NULL;
    }
  root = json_node_get_object (root_node);

  version = get_member (root, "rigwise-scenario");
  if (version == NULL)
    {
      fail (r, RW_SCENARIO_ERROR_VERSION, "rigwise-scenario", "missing: not a Rigwise scenario");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      fail (r, RW_SCENARIO_ERROR_WRONG_TYPE, "rigwise-scenario", "expected the integer format version");
      return NULL;
    }
  if (json_node_get_int (version) != RW_SCENARIO_VERSION)
    {
      g_autofree char *why = g_strdup_printf ("format version %" G_GINT64_FORMAT " is not supported "
                                              "(this Rigwise reads version %d)",
                                              json_node_get_int (version), RW_SCENARIO_VERSION);
      fail (r, RW_SCENARIO_ERROR_VERSION, "rigwise-scenario", why);
      return NULL;
    }

  if (!check_members (r, root, NULL, root_members) ||
      !read_object (r, root, "workload", "workload", TRUE, &workload) ||
      !check_members (r, workload, "workload", workload_members) ||
      !read_model (r, workload, catalog, scenario))
    return NULL;

  if (!read_string (r, workload, "weights", "workload.weights", TRUE, &weights) ||
      !check_format (r, catalog, weights, "workload.weights", TRUE) ||
      !read_string (r, workload, "kv", "workload.kv", TRUE, &kv) ||
      !check_format (r, catalog, kv, "workload.kv", FALSE))
    return NULL;
  g_free (scenario->weights_id);
  scenario->weights_id = g_strdup (weights);
  g_free (scenario->kv_id);
  scenario->kv_id = g_strdup (kv);

  /* null and absent both mean "the format's own bits per weight". */
  bits = get_member (workload, "bits_per_weight");
  if (bits != NULL && !JSON_NODE_HOLDS_NULL (bits) &&
      !read_bound_double (r, workload, "bits_per_weight", RW_BOUND_BITS_PER_WEIGHT, TRUE,
                          &scenario->bits_per_weight_override))
    return NULL;

  if (!read_string (r, workload, "mode", "workload.mode", TRUE, &mode))
    return NULL;
  if (!rw_mode_from_string (mode, &scenario->mode))
    {
      g_autofree char *why = g_strdup_printf ("“%s” is not inference, lora, qlora or full", mode);
      fail (r, RW_SCENARIO_ERROR_INVALID_VALUE, "workload.mode", why);
      return NULL;
    }

  if (!read_bound_uint (r, workload, "context", RW_BOUND_CONTEXT, TRUE, &scenario->context) ||
      !read_bound_uint (r, workload, "depth", RW_BOUND_DEPTH, FALSE, &scenario->depth) ||
      !read_bound_uint (r, workload, "prompt", RW_BOUND_PROMPT, FALSE, &scenario->prompt) ||
      !read_bound_uint (r, workload, "batch", RW_BOUND_BATCH, FALSE, &scenario->batch))
    return NULL;
  /* Speed at a depth the KV cache cannot hold is no figure at all. */
  if (scenario->depth > scenario->context)
    {
      g_autofree char *why = g_strdup_printf ("%u is more than workload.context (%u)",
                                              scenario->depth, scenario->context);
      fail (r, RW_SCENARIO_ERROR_INVALID_VALUE, "workload.depth", why);
      return NULL;
    }

  if (!read_object (r, workload, "training", "workload.training", FALSE, &training))
    return NULL;
  if (training != NULL)
    {
      if (!check_members (r, training, "workload.training", training_members) ||
          !read_string (r, training, "optimizer", "workload.training.optimizer", FALSE, &optimizer))
        return NULL;
      if (optimizer != NULL && !rw_optimizer_from_string (optimizer, &scenario->optimizer))
        {
          g_autofree char *why = g_strdup_printf ("unknown optimizer “%s”", optimizer);
          fail (r, RW_SCENARIO_ERROR_INVALID_VALUE, "workload.training.optimizer", why);
          return NULL;
        }
      if (!read_bound_uint (r, training, "seq_len", RW_BOUND_SEQ_LEN, FALSE, &scenario->seq_len) ||
          !read_bound_uint (r, training, "micro_batch", RW_BOUND_MICRO_BATCH, FALSE,
                            &scenario->micro_batch) ||
          !read_bound_uint (r, training, "lora_rank", RW_BOUND_LORA_RANK, FALSE,
                            &scenario->lora_rank) ||
          !read_bool (r, training, "grad_checkpointing", "workload.training.grad_checkpointing",
                      &scenario->grad_checkpointing))
        return NULL;
    }
  /* An adapter wider than the layer it adapts is no low-rank one. */
  if (scenario->mode == RW_MODE_LORA || scenario->mode == RW_MODE_QLORA)
    {
      const RwModel *model = rw_scenario_get_model (scenario, catalog);

      if (model != NULL && scenario->lora_rank > model->hidden_size)
        {
          g_autofree char *why = g_strdup_printf ("%u is more than the model's hidden size (%u)",
                                                  scenario->lora_rank, model->hidden_size);

          fail (r, RW_SCENARIO_ERROR_INVALID_VALUE, "workload.training.lora_rank", why);
          return NULL;
        }
    }

  if (!read_string (r, workload, "runtime", "workload.runtime", FALSE, &runtime))
    return NULL;
  if (runtime != NULL)
    {
      g_auto(GStrv) known = rw_catalog_dup_runtimes (catalog);

      /* As on the command line: a runtime no system has efficiencies for
       * would be estimated with made-up ones. */
      if (!g_strv_contains ((const char * const *) known, runtime))
        {
          g_autofree char *list = g_strjoinv (", ", known);
          g_autofree char *why = g_strdup_printf ("no system has efficiencies for “%s” (known: %s)",
                                                  runtime, *list != '\0' ? list : "none");

          fail (r, RW_SCENARIO_ERROR_UNKNOWN_ID, "workload.runtime", why);
          return NULL;
        }
      g_free (scenario->runtime);
      scenario->runtime = g_strdup (runtime);
    }

  if (!read_object (r, workload, "cost", "workload.cost", FALSE, &cost))
    return NULL;
  if (cost != NULL &&
      (!check_members (r, cost, "workload.cost", cost_members) ||
       !read_bound_double (r, cost, "electricity_price", RW_BOUND_ELECTRICITY_PRICE, FALSE,
                           &scenario->electricity_price) ||
       !read_bound_double (r, cost, "hours_per_day", RW_BOUND_HOURS_PER_DAY, FALSE,
                           &scenario->hours_per_day) ||
       !read_bound_double (r, cost, "years", RW_BOUND_YEARS, FALSE, &scenario->years)))
    return NULL;

  if (!read_systems (r, root, catalog, scenario))
    return NULL;

  return g_steal_pointer (&scenario);
}

static gboolean
strv_equal_ptr_array (GPtrArray *a,
                      GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

RwScenario *
rw_scenario_new (void)
{
  RwScenario *self = g_new0 (RwScenario, 1);
  RwWorkload defaults;

  rw_workload_init (&defaults);
  self->bits_per_weight_override = 0;
  self->mode = defaults.mode;
  self->context = defaults.context;
  self->depth = defaults.depth;
  self->prompt = defaults.prompt;
  self->batch = defaults.batch;
  self->optimizer = defaults.optimizer;
  self->seq_len = defaults.seq_len;
  self->micro_batch = defaults.micro_batch;
  self->lora_rank = defaults.lora_rank;
  self->grad_checkpointing = defaults.grad_checkpointing;
  self->runtime = g_strdup (defaults.runtime != NULL ? defaults.runtime : "llama.cpp");
  self->electricity_price = defaults.electricity_price;
  self->hours_per_day = defaults.hours_per_day;
  self->years = defaults.years;
  self->systems = g_ptr_array_new_with_free_func (g_free);
  return self;
}

RwScenario *
rw_scenario_new_from_workload (const RwWorkload   *workload,
                               const char * const *system_ids)
{
  RwScenario *self;

  g_return_val_if_fail (workload != NULL, NULL);

  self = rw_scenario_new ();
  self->model_id = workload->model != NULL ? g_strdup (workload->model->id) : NULL;
  self->weights_id = workload->weights != NULL ? g_strdup (workload->weights->id) : NULL;
  self->kv_id = workload->kv != NULL ? g_strdup (workload->kv->id) : NULL;
  self->bits_per_weight_override = workload->bits_per_weight_override > 0
                                   ? workload->bits_per_weight_override : 0;
  self->mode = workload->mode;
  self->context = workload->context;
  self->depth = workload->depth;
  self->prompt = workload->prompt;
  self->batch = workload->batch;
  self->optimizer = workload->optimizer;
  self->seq_len = workload->seq_len;
  self->micro_batch = workload->micro_batch;
  self->lora_rank = workload->lora_rank;
  self->grad_checkpointing = workload->grad_checkpointing;
  if (workload->runtime != NULL)
    {
      g_free (self->runtime);
      self->runtime = g_strdup (workload->runtime);
    }
  self->electricity_price = workload->electricity_price;
  self->hours_per_day = workload->hours_per_day;
  self->years = workload->years;
  rw_scenario_set_systems (self, system_ids);
  return self;
}

RwScenario *
rw_scenario_copy (const RwScenario *scenario)
{
  RwScenario *copy;

  g_return_val_if_fail (scenario != NULL, NULL);

  copy = g_new0 (RwScenario, 1);
  *copy = *scenario;
  copy->model_id = g_strdup (scenario->model_id);
  copy->model_config = scenario->model_config ? json_object_ref (scenario->model_config) : NULL;
  copy->model_config_name = g_strdup (scenario->model_config_name);
  copy->imported_model = scenario->imported_model ? rw_model_copy (scenario->imported_model) : NULL;
  copy->weights_id = g_strdup (scenario->weights_id);
  copy->kv_id = g_strdup (scenario->kv_id);
  copy->runtime = g_strdup (scenario->runtime);
  copy->systems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < scenario->systems->len; i++)
    g_ptr_array_add (copy->systems, g_strdup (g_ptr_array_index (scenario->systems, i)));
  return copy;
}

void
rw_scenario_free (RwScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->model_id);
  g_clear_pointer (&scenario->model_config, json_object_unref);
  g_free (scenario->model_config_name);
  g_clear_pointer (&scenario->imported_model, rw_model_free);
  g_free (scenario->weights_id);
  g_free (scenario->kv_id);
  g_free (scenario->runtime);
  g_clear_pointer (&scenario->systems, g_ptr_array_unref);
  g_free (scenario);
}

gboolean
rw_scenario_equal (const RwScenario *a,
                   const RwScenario *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if ((a->model_config == NULL) != (b->model_config == NULL))
    return FALSE;
  if (a->model_config != NULL && !json_object_equal (a->model_config, b->model_config))
    return FALSE;
  return g_strcmp0 (a->model_id, b->model_id) == 0 &&
         g_strcmp0 (a->model_config_name, b->model_config_name) == 0 &&
         g_strcmp0 (a->weights_id, b->weights_id) == 0 &&
         g_strcmp0 (a->kv_id, b->kv_id) == 0 &&
         a->bits_per_weight_override == b->bits_per_weight_override &&
         a->mode == b->mode &&
         a->context == b->context &&
         a->depth == b->depth &&
         a->prompt == b->prompt &&
         a->batch == b->batch &&
         a->optimizer == b->optimizer &&
         a->seq_len == b->seq_len &&
         a->micro_batch == b->micro_batch &&
         a->lora_rank == b->lora_rank &&
         !a->grad_checkpointing == !b->grad_checkpointing &&
         g_strcmp0 (a->runtime, b->runtime) == 0 &&
         a->electricity_price == b->electricity_price &&
         a->hours_per_day == b->hours_per_day &&
         a->years == b->years &&
         strv_equal_ptr_array (a->systems, b->systems);
}

void
rw_scenario_set_model_id (RwScenario *scenario,
                          const char *model_id)
{
  g_return_if_fail (scenario != NULL);

  g_free (scenario->model_id);
  scenario->model_id = g_strdup (model_id);
  g_clear_pointer (&scenario->model_config, json_object_unref);
  g_clear_pointer (&scenario->model_config_name, g_free);
  g_clear_pointer (&scenario->imported_model, rw_model_free);
}

gboolean
rw_scenario_set_model_config (RwScenario  *scenario,
                              JsonObject  *config,
                              const char  *name,
                              GError     **error)
{
  RwModel *model;

  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (config != NULL, FALSE);

  model = rw_hf_config_parse (config, name != NULL ? name : "config.json", error);
  if (model == NULL)
    return FALSE;

  rw_hf_config_identify (model, config, name);
  rw_scenario_set_model_id (scenario, NULL);
  scenario->model_config = json_object_ref (config);
  scenario->model_config_name = g_strdup (name);
  scenario->imported_model = model;
  return TRUE;
}

gboolean
rw_scenario_set_model_config_file (RwScenario  *scenario,
                                   const char  *path,
                                   GError     **error)
{
  g_autoptr(JsonObject) config = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  config = rw_hf_config_read_file (path, error);
  if (config == NULL)
    return FALSE;
  name = g_path_get_basename (path);
  return rw_scenario_set_model_config (scenario, config, name, error);
}

void
rw_scenario_set_systems (RwScenario         *scenario,
                         const char * const *system_ids)
{
  g_return_if_fail (scenario != NULL);

  g_ptr_array_set_size (scenario->systems, 0);
  for (guint i = 0; system_ids != NULL && system_ids[i] != NULL; i++)
    g_ptr_array_add (scenario->systems, g_strdup (system_ids[i]));
}

JsonNode *
rw_scenario_to_json (const RwScenario *scenario)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (scenario != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rigwise-scenario");
  json_builder_add_int_value (builder, RW_SCENARIO_VERSION);

  json_builder_set_member_name (builder, "workload");
  json_builder_begin_object (builder);
  if (scenario->model_config != NULL)
    {
      JsonNode *config = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (config, scenario->model_config);
      json_builder_set_member_name (builder, "model_config");
      json_builder_add_value (builder, config);
      if (scenario->model_config_name != NULL)
        {
          json_builder_set_member_name (builder, "model_config_name");
          json_builder_add_string_value (builder, scenario->model_config_name);
        }
    }
  else if (scenario->model_id != NULL)
    {
      json_builder_set_member_name (builder, "model");
      json_builder_add_string_value (builder, scenario->model_id);
    }
  if (scenario->weights_id != NULL)
    {
      json_builder_set_member_name (builder, "weights");
      json_builder_add_string_value (builder, scenario->weights_id);
    }
  if (scenario->kv_id != NULL)
    {
      json_builder_set_member_name (builder, "kv");
      json_builder_add_string_value (builder, scenario->kv_id);
    }
  json_builder_set_member_name (builder, "bits_per_weight");
  if (scenario->bits_per_weight_override > 0)
    json_builder_add_double_value (builder, scenario->bits_per_weight_override);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, rw_mode_to_string (scenario->mode));
  json_builder_set_member_name (builder, "context");
  json_builder_add_int_value (builder, scenario->context);
  json_builder_set_member_name (builder, "depth");
  json_builder_add_int_value (builder, scenario->depth);
  json_builder_set_member_name (builder, "prompt");
  json_builder_add_int_value (builder, scenario->prompt);
  json_builder_set_member_name (builder, "batch");
  json_builder_add_int_value (builder, scenario->batch);

  json_builder_set_member_name (builder, "training");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "optimizer");
  json_builder_add_string_value (builder, rw_optimizer_to_string (scenario->optimizer));
  json_builder_set_member_name (builder, "seq_len");
  json_builder_add_int_value (builder, scenario->seq_len);
  json_builder_set_member_name (builder, "micro_batch");
  json_builder_add_int_value (builder, scenario->micro_batch);
  json_builder_set_member_name (builder, "lora_rank");
  json_builder_add_int_value (builder, scenario->lora_rank);
  json_builder_set_member_name (builder, "grad_checkpointing");
  json_builder_add_boolean_value (builder, scenario->grad_checkpointing);
  json_builder_end_object (builder);

  if (scenario->runtime != NULL)
    {
      json_builder_set_member_name (builder, "runtime");
      json_builder_add_string_value (builder, scenario->runtime);
    }

  json_builder_set_member_name (builder, "cost");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "electricity_price");
  json_builder_add_double_value (builder, scenario->electricity_price);
  json_builder_set_member_name (builder, "hours_per_day");
  json_builder_add_double_value (builder, scenario->hours_per_day);
  json_builder_set_member_name (builder, "years");
  json_builder_add_double_value (builder, scenario->years);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "systems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < scenario->systems->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (scenario->systems, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
rw_scenario_to_data (const RwScenario *scenario,
                     gsize            *length)
{
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize n;

  g_return_val_if_fail (scenario != NULL, NULL);

  root = rw_scenario_to_json (scenario);
  data = rw_json_to_data (root, TRUE, &n);
  /* A text file ends with a newline. */
  data = g_realloc (data, n + 2);
  data[n++] = '\n';
  data[n] = '\0';
  if (length != NULL)
    *length = n;
  return data;
}

gboolean
rw_scenario_save (const RwScenario  *scenario,
                  GFile             *file,
                  GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = rw_scenario_to_data (scenario, &length);
  /* A temporary file next to @file, synced, then renamed over it.
   * g_file_replace_contents() alone does not do that for local files: it
   * truncates and rewrites the file in place (a test caught it), so local
   * paths go through rw_file_save_atomic(), which also removes what a
   * killed save left behind. */
  if (g_file_peek_path (file) != NULL
      ? !rw_file_save_atomic (g_file_peek_path (file), data, length, 0644, &local_error)
      : !g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    {
      name = g_file_get_parse_name (file);
      g_set_error (error, RW_SCENARIO_ERROR, RW_SCENARIO_ERROR_IO,
                   "%s: could not save: %s", name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

RwScenario *
rw_scenario_load_from_data (const char  *data,
                            gssize       length,
                            const char  *origin,
                            RwCatalog   *catalog,
                            GError     **error)
{
  Reader r = { origin != NULL ? origin : "scenario", error };
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (RW_IS_CATALOG (catalog), NULL);

  root = rw_json_read_data (data, length < 0 ? strlen (data) : (gsize) length,
                            RW_JSON_KIND_SCENARIO, r.origin, error);
  if (root == NULL)
    {
      rw_json_error_convert (error, RW_SCENARIO_ERROR, RW_SCENARIO_ERROR_IO,
                             RW_SCENARIO_ERROR_IO, RW_SCENARIO_ERROR_PARSE);
      return NULL;
    }
  return read_scenario (&r, root, catalog);
}

RwScenario *
rw_scenario_load (GFile      *file,
                  RwCatalog  *catalog,
                  GError    **error)
{
  Reader r = { NULL, error };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (RW_IS_CATALOG (catalog), NULL);

  /* Regular files only, within the size cap (rw-json.h). */
  root = rw_json_read_gfile (file, RW_JSON_KIND_SCENARIO, NULL, error);
  if (root == NULL)
    {
      rw_json_error_convert (error, RW_SCENARIO_ERROR, RW_SCENARIO_ERROR_IO,
                             RW_SCENARIO_ERROR_IO, RW_SCENARIO_ERROR_PARSE);
      return NULL;
    }
  name = g_file_get_parse_name (file);
  r.origin = name;
  return read_scenario (&r, root, catalog);
}

const RwModel *
rw_scenario_get_model (const RwScenario *scenario,
                       RwCatalog        *catalog)
{
  g_return_val_if_fail (scenario != NULL, NULL);

  if (scenario->imported_model != NULL)
    return scenario->imported_model;
  if (scenario->model_id != NULL && catalog != NULL)
    return rw_catalog_lookup_model (catalog, scenario->model_id);
  return NULL;
}

gboolean
rw_scenario_apply_to_workload (const RwScenario  *scenario,
                               RwCatalog         *catalog,
                               RwWorkload        *workload,
                               GError           **error)
{
  RwWorkload w;

  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (RW_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (workload != NULL, FALSE);

  /* Everything goes into a local copy first, so a failure leaves the
   * caller's workload as it was. */
  rw_workload_init (&w);
  w.model = rw_scenario_get_model (scenario, catalog);
  if (w.model == NULL)
    {
      g_set_error (error, RW_SCENARIO_ERROR, RW_SCENARIO_ERROR_UNKNOWN_ID,
                   "scenario: field “workload.model”: no model “%s” in the catalog",
                   scenario->model_id != NULL ? scenario->model_id : "(none)");
      return FALSE;
    }
  w.weights = scenario->weights_id ? rw_catalog_lookup_format (catalog, scenario->weights_id) : NULL;
  if (w.weights == NULL)
    {
      g_set_error (error, RW_SCENARIO_ERROR, RW_SCENARIO_ERROR_UNKNOWN_ID,
                   "scenario: field “workload.weights”: no format “%s” in the catalog",
                   scenario->weights_id != NULL ? scenario->weights_id : "(none)");
      return FALSE;
    }
  w.kv = scenario->kv_id ? rw_catalog_lookup_format (catalog, scenario->kv_id) : NULL;
  if (w.kv == NULL)
    {
      g_set_error (error, RW_SCENARIO_ERROR, RW_SCENARIO_ERROR_UNKNOWN_ID,
                   "scenario: field “workload.kv”: no format “%s” in the catalog",
                   scenario->kv_id != NULL ? scenario->kv_id : "(none)");
      return FALSE;
    }
  w.bits_per_weight_override = scenario->bits_per_weight_override;
  w.mode = scenario->mode;
  w.context = scenario->context;
  w.depth = scenario->depth;
  w.prompt = scenario->prompt;
  w.batch = scenario->batch;
  w.optimizer = scenario->optimizer;
  w.seq_len = scenario->seq_len;
  w.micro_batch = scenario->micro_batch;
  w.lora_rank = scenario->lora_rank;
  w.grad_checkpointing = scenario->grad_checkpointing;
  /* Interned: the workload must not point into a scenario that may go. */
  w.runtime = g_intern_string (scenario->runtime);
  w.electricity_price = scenario->electricity_price;
  w.hours_per_day = scenario->hours_per_day;
  w.years = scenario->years;

  if (!rw_workload_validate (&w, error))
    return FALSE;

  *workload = w;
  return TRUE;
}
