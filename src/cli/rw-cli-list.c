/* rw-cli-list.c: `rigwise-cli list systems|models|formats`
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>

#include "rw-cli.h"

static void
add_number (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_bytes (JsonBuilder *b,
           const char  *name,
           double       value)
{
  json_builder_set_member_name (b, name);
  if (isfinite (value))
    json_builder_add_int_value (b, (gint64) llround (value));
  else
    json_builder_add_null_value (b);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_uint (JsonBuilder *b,
          const char  *name,
          guint        value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* "$3.99/h" per GPU. */
static char *
hourly_text (const RwSystem *s)
{
  g_autofree char *money = rw_cli_format_money (s->price_per_hour.value, s->currency, 2);

  return g_strconcat (money, "/h", NULL);
}

static void
list_systems (RwCatalog   *catalog,
              JsonBuilder *b,
              GString     *out)
{
  g_autoptr(RwCliTable) table = rw_cli_table_new (8, 3);

  rw_cli_table_add_row (table, "id", "name", "memory", "usable GB", "installed GB",
                        "bandwidth GB/s", "FP16 TFLOPS", "price", NULL);
  for (guint i = 0; i < rw_catalog_get_n_systems (catalog); i++)
    {
      RwSystem *s = rw_catalog_get_system (catalog, i);
      double price = rw_system_total_price (s);

      if (b != NULL)
        {
          json_builder_begin_object (b);
          add_string (b, "id", s->id);
          add_string (b, "name", s->name);
          add_string (b, "short_name", s->short_name);
          add_string (b, "kind", rw_system_kind_to_string (s->kind));
          add_string (b, "memory_model", s->memory_model == RW_MEMORY_UNIFIED ? "unified" : "discrete");
          add_uint (b, "n_devices", s->n_devices);
          add_bytes (b, "device_memory_bytes", s->device_memory.value);
          add_bytes (b, "device_usable_bytes", s->device_usable.value);
          add_number (b, "device_bandwidth_bytes_s", s->device_bandwidth.value);
          add_bytes (b, "host_memory_bytes", s->host_memory.value);
          add_number (b, "host_bandwidth_bytes_s", s->host_bandwidth.value);
          add_number (b, "link_bandwidth_bytes_s", s->link_bandwidth.value);
          json_builder_set_member_name (b, "peak_flops");
          json_builder_begin_object (b);
          for (guint p = 0; p < RW_PRECISION_N; p++)
            add_number (b, rw_precision_to_string ((RwPrecision) p), s->peak[p].value);
          json_builder_end_object (b);
          add_number (b, "power_load_w", s->power_load.value);
          add_number (b, "power_idle_w", s->power_idle.value);
          add_string (b, "currency", s->currency);
          add_number (b, "price", price);
          /* Cloud: per GPU-hour, with its source like every figure. */
          json_builder_set_member_name (b, "price_per_hour");
          if (rw_system_is_cloud (s))
            {
              json_builder_begin_object (b);
              add_number (b, "value", s->price_per_hour.value);
              add_string (b, "unit", "per GPU-hour");
              add_string (b, "source", s->price_per_hour.source);
              add_string (b, "date", s->price_per_hour.date);
              add_string (b, "note", s->price_per_hour.note);
              json_builder_end_object (b);
            }
          else
            json_builder_add_null_value (b);
          json_builder_end_object (b);
        }
      else
        {
          char *cells[8] = {
            g_strdup (s->id),
            g_strdup (s->name),
            g_strdup (s->memory_model == RW_MEMORY_UNIFIED ? "unified" : "discrete"),
            rw_cli_format_gb (s->device_usable.value),
            rw_cli_format_gb (s->device_memory.value),
            rw_cli_format_number (s->device_bandwidth.value / 1e9, 0),
            rw_cli_format_number (s->peak[RW_PRECISION_FP16].value / 1e12, 1),
            rw_system_is_cloud (s) ? hourly_text (s) : rw_cli_format_money (price, s->currency, 0),
          };

          rw_cli_table_take_row (table, cells);
        }
    }
  if (out != NULL)
    rw_cli_table_print (table, out);
}

static void
list_models (RwCatalog   *catalog,
             JsonBuilder *b,
             GString     *out)
{
  g_autoptr(RwCliTable) table = rw_cli_table_new (9, 3);

  rw_cli_table_add_row (table, "id", "name", "family", "params B", "active B", "layers",
                        "hidden", "heads q/kv", "experts", NULL);
  for (guint i = 0; i < rw_catalog_get_n_models (catalog); i++)
    {
      const RwModel *m = rw_catalog_get_model (catalog, i);
      double total = rw_model_total_params (m);
      double active = rw_model_active_params (m);

      if (b != NULL)
        {
          json_builder_begin_object (b);
          add_string (b, "id", m->id);
          add_string (b, "name", m->name);
          add_string (b, "family", m->family);
          add_number (b, "total_params", total);
          add_number (b, "active_params", active);
          add_uint (b, "n_layers", m->n_layers);
          add_uint (b, "hidden_size", m->hidden_size);
          add_uint (b, "n_heads", m->n_heads);
          add_uint (b, "n_kv_heads", m->n_kv_heads);
          add_uint (b, "head_dim", m->head_dim);
          add_uint (b, "n_experts", m->n_experts);
          add_uint (b, "n_experts_active", m->n_experts_active);
          add_uint (b, "sliding_window", m->sliding_window);
          add_uint (b, "n_swa_layers", m->n_swa_layers);
          add_uint (b, "kv_lora_rank", m->kv_lora_rank);
          add_string (b, "source", m->source);
          json_builder_end_object (b);
        }
      else
        {
          char *cells[9] = {
            g_strdup (m->id),
            g_strdup (m->name),
            g_strdup (m->family),
            rw_cli_format_number (total / 1e9, 1),
            rw_cli_format_number (active / 1e9, 1),
            g_strdup_printf ("%u", m->n_layers),
            g_strdup_printf ("%u", m->hidden_size),
            rw_model_is_mla (m) ? g_strdup_printf ("%u/MLA", m->n_heads)
                                : g_strdup_printf ("%u/%u", m->n_heads, m->n_kv_heads),
            rw_model_is_moe (m) ? g_strdup_printf ("%u of %u", m->n_experts_active, m->n_experts)
                                : g_strdup ("-"),
          };

          rw_cli_table_take_row (table, cells);
        }
    }
  if (out != NULL)
    rw_cli_table_print (table, out);
}

static void
list_formats (RwCatalog   *catalog,
              JsonBuilder *b,
              GString     *out)
{
  g_autoptr(RwCliTable) table = rw_cli_table_new (5, 2);

  rw_cli_table_add_row (table, "id", "name", "bits/weight", "use", "compute", NULL);
  for (guint i = 0; i < rw_catalog_get_n_formats (catalog); i++)
    {
      const RwFormat *f = rw_catalog_get_format (catalog, i);

      if (b != NULL)
        {
          json_builder_begin_object (b);
          add_string (b, "id", f->id);
          add_string (b, "name", f->name);
          add_number (b, "bits_per_weight", f->bits_per_weight);
          add_number (b, "expert_bits_per_weight",
                      f->expert_bits_per_weight > 0 ? f->expert_bits_per_weight : NAN);
          json_builder_set_member_name (b, "for_weights");
          json_builder_add_boolean_value (b, f->for_weights);
          json_builder_set_member_name (b, "for_kv");
          json_builder_add_boolean_value (b, f->for_kv);
          add_string (b, "compute_precision", rw_precision_to_string (f->compute_precision));
          add_string (b, "source", f->source);
          json_builder_end_object (b);
        }
      else
        {
          char *cells[5] = {
            g_strdup (f->id),
            g_strdup (f->name),
            f->expert_bits_per_weight > 0
              ? g_strdup_printf ("%.4g (experts %.4g)", f->bits_per_weight, f->expert_bits_per_weight)
              : g_strdup_printf ("%.4g", f->bits_per_weight),
            g_strdup (f->for_weights && f->for_kv ? "weights, KV" : f->for_kv ? "KV" : "weights"),
            g_strdup (rw_precision_to_string (f->compute_precision)),
          };

          rw_cli_table_take_row (table, cells);
        }
    }
  if (out != NULL)
    rw_cli_table_print (table, out);
}

int
rw_cli_list (RwCatalog  *catalog,
             int         argc,
             char      **argv)
{
  static const struct {
    const char *name;
    void (*func) (RwCatalog *, JsonBuilder *, GString *);
  } kinds[] = {
    { "systems", list_systems },
    { "models", list_models },
    { "formats", list_formats },
  };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print one JSON object", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(RwCliOptionParser) parser = rw_cli_option_parser_new ("systems|models|formats - what the catalog holds");
  g_autoptr(GError) error = NULL;

  rw_cli_option_parser_add (parser, entries);
  if (!rw_cli_option_parser_parse (parser, &argc, &argv, &error))
    return rw_cli_report_error (error);
  if (argc != 2)
    {
      if (argc < 2)
        g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                     "list: say what to list: systems, models or formats");
      else
        g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                     "list: unexpected argument “%s”", argv[2]);
      return rw_cli_report_error (error);
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (!g_str_equal (argv[1], kinds[k].name))
        continue;

      if (json)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_object (b);
          json_builder_set_member_name (b, kinds[k].name);
          json_builder_begin_array (b);
          kinds[k].func (catalog, b, NULL);
          json_builder_end_array (b);
          json_builder_end_object (b);
          root = json_builder_get_root (b);
          rw_cli_print_json (root);
        }
      else
        {
          g_autoptr(GString) out = g_string_new (NULL);

          kinds[k].func (catalog, NULL, out);
          fputs (out->str, stdout);
        }
      return 0;
    }

  g_set_error (&error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
               "list: “%s” is not one of systems, models, formats", argv[1]);
  return rw_cli_report_error (error);
}
