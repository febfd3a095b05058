/* rw-cli-workload.c: the workload options shared by `estimate` and `export`
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "rw-cli-workload.h"

/* Defaults when --weights/--kv are not given, first id the catalog has:
 * llama.cpp's usual 4-bit K-quant for inference, the BF16 that LoRA and full
 * fine-tunes train in, a 4-bit base for QLoRA; llama.cpp's f16 KV cache. */
static const char * const default_weights_inference[] = { "q4_k_m", NULL };
static const char * const default_weights_training[] = { "bf16", "fp16", "f16", NULL };
static const char * const default_weights_qlora[] = { "nf4", "q4_0", NULL };
static const char * const default_kv[] = { "f16", "fp16", "bf16", NULL };

GOptionEntry *
rw_cli_workload_option_entries (RwCliWorkloadOptions *o)
{
  const GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_STRING, &o->model, "Model from the catalog (rigwise-cli list models)", "ID" },
    { "model-config", 0, 0, G_OPTION_ARG_FILENAME, &o->model_config, "Model from a Hugging Face config.json", "CONFIG.json" },
    { "gguf", 0, 0, G_OPTION_ARG_FILENAME, &o->gguf, "Model and weights from a GGUF file (a split model's first part)", "FILE.gguf" },
    { "params", 0, 0, G_OPTION_ARG_STRING, &o->params, "Synthetic Llama-like model of B billion parameters", "B" },
    { "active-params", 0, 0, G_OPTION_ARG_STRING, &o->active_params, "With --params: a mixture of experts with B billion active", "B" },
    { "weights", 'w', 0, G_OPTION_ARG_STRING, &o->weights, "Weight format (default q4_k_m; bf16 to train, nf4 for QLoRA)", "FORMAT" },
    { "bits-per-weight", 0, 0, G_OPTION_ARG_STRING, &o->bits_per_weight, "Override the format's bits per weight", "X" },
    { "kv", 0, 0, G_OPTION_ARG_STRING, &o->kv, "KV-cache format (default f16)", "FORMAT" },
    { "context", 'c', 0, G_OPTION_ARG_STRING, &o->context, "Tokens the KV cache is sized for (default 8192)", "N" },
    { "depth", 'd', 0, G_OPTION_ARG_STRING, &o->depth, "Tokens already cached when speed is measured (default 0)", "N" },
    { "prompt", 'p', 0, G_OPTION_ARG_STRING, &o->prompt, "Prompt (prefill) length (default 512)", "N" },
    { "batch", 'b', 0, G_OPTION_ARG_STRING, &o->batch, "Concurrent sequences (default 1)", "N" },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &o->mode, "inference, lora, qlora or full (default inference)", "MODE" },
    { "runtime", 0, 0, G_OPTION_ARG_STRING, &o->runtime, "Runtime whose efficiencies apply (default llama.cpp)", "NAME" },
    { "seq-len", 0, 0, G_OPTION_ARG_STRING, &o->seq_len, "Training sequence length (default 2048)", "N" },
    { "micro-batch", 0, 0, G_OPTION_ARG_STRING, &o->micro_batch, "Training micro-batch (default 1)", "N" },
    { "lora-rank", 0, 0, G_OPTION_ARG_STRING, &o->lora_rank, "LoRA rank (default 16)", "N" },
    { "optimizer", 0, 0, G_OPTION_ARG_STRING, &o->optimizer, "adamw, adamw-8bit or sgd (default adamw)", "NAME" },
    { "no-checkpointing", 0, 0, G_OPTION_ARG_NONE, &o->no_checkpointing, "Train without gradient checkpointing", NULL },
    { "electricity-price", 0, 0, G_OPTION_ARG_STRING, &o->electricity_price, "Price of a kWh in the system's currency (default 0.15)", "X" },
    { "hours-per-day", 0, 0, G_OPTION_ARG_STRING, &o->hours_per_day, "Hours of load a day, for energy and TCO (default 8)", "H" },
    { "years", 0, 0, G_OPTION_ARG_STRING, &o->years, "Years of use for the TCO (default 3)", "N" },
    G_OPTION_ENTRY_NULL
  };

  return g_memdup2 (entries, sizeof entries);
}

void
rw_cli_workload_options_clear (RwCliWorkloadOptions *o)
{
  char **strings[] = {
    &o->model, &o->model_config, &o->gguf, &o->params, &o->active_params, &o->weights,
    &o->bits_per_weight, &o->kv, &o->context, &o->depth, &o->prompt, &o->batch,
    &o->mode, &o->runtime, &o->seq_len, &o->micro_batch, &o->lora_rank,
    &o->optimizer, &o->electricity_price, &o->hours_per_day, &o->years,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
}

void
rw_cli_workload_clear (RwCliWorkload *w)
{
  g_clear_pointer (&w->owned_model, rw_model_free);
  g_clear_pointer (&w->owned_format, rw_format_free);
  g_clear_pointer (&w->runtime, g_free);
  memset (&w->workload, 0, sizeof w->workload);
}

static char **
model_ids (RwCatalog *catalog)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  for (guint i = 0; i < rw_catalog_get_n_models (catalog); i++)
    g_strv_builder_add (builder, rw_catalog_get_model (catalog, i)->id);
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

static char **
format_ids (RwCatalog *catalog,
            gboolean   for_kv)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  for (guint i = 0; i < rw_catalog_get_n_formats (catalog); i++)
    {
      const RwFormat *format = rw_catalog_get_format (catalog, i);

      if (for_kv ? format->for_kv : format->for_weights)
        g_strv_builder_add (builder, format->id);
    }
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

static const RwFormat *
lookup_format (RwCatalog          *catalog,
               const char         *option,
               const char         *id,
               const char * const *defaults,
               gboolean            for_kv,
               GError            **error)
{
  const RwFormat *format = NULL;

  if (id == NULL)
    {
      for (guint i = 0; defaults[i] != NULL && format == NULL; i++)
        format = rw_catalog_lookup_format (catalog, defaults[i]);
      if (format == NULL)
        g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_FAILED,
                     "%s: the catalog has no default format “%s”; give one", option, defaults[0]);
      return format;
    }

  format = rw_catalog_lookup_format (catalog, id);
  if (format == NULL)
    {
      g_auto(GStrv) known = format_ids (catalog, for_kv);

      rw_cli_set_unknown_id_error (error, option, "format", id, (const char * const *) known);
      return NULL;
    }
  if (for_kv ? !format->for_kv : !format->for_weights)
    {
      g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "%s: format “%s” is not a %s format", option, id,
                   for_kv ? "KV-cache" : "weight");
      return NULL;
    }
  return format;
}

/* The shape of a synthetic model, after Llama 3 (8B: hidden 4096, 32
 * layers, 32 query and 8 KV heads of 128, SwiGLU MLP 14336 = 3.5 × hidden,
 * 128256-token untied vocabulary; 70B: 8192, 80 layers, 28672):
 * https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json.
 * Per layer that is 2.5·h² of attention and 10.5·h² of MLP, 13·h² in all,
 * and the layer count grows as hidden / 128. The hidden size solving
 * 13·h³/128 + 2·V·h = P is rounded to whole 128-wide heads (in steps of
 * 1024 above 2048, 512 above 1024), the KV heads are 8 or the largest
 * power of two below that divides the query heads, then the MLP width is
 * set so the total matches P. */
static double
shape_hidden (double params,
              double vocab)
{
  double lo = 64, hi = 131072, step;

  for (guint i = 0; i < 80; i++)
    {
      double mid = (lo + hi) / 2;

      if (13 * mid * mid * mid / 128 + 2 * vocab * mid > params)
        hi = mid;
      else
        lo = mid;
    }
  /* Whole heads of 128, in groups that keep 8 (or 4) query heads per KV
   * head in the larger models, as Llama does. */
  step = lo >= 2048 ? 1024 : lo >= 1024 ? 512 : 128;

  return MAX (128, round (lo / step) * step);
}

RwModel *
rw_cli_synthetic_model (double   params,
                        double   active_params,
                        GError **error)
{
  g_autoptr(RwModel) model = rw_model_new ();
  gboolean moe = active_params > 0 && active_params < params;
  double target = moe ? active_params : params;
  double total, slope, ff;
  guint vocab = 128256;
  double h;
  g_autofree char *size = rw_cli_format_number (params / 1e9, -1);
  g_autofree char *active_size = rw_cli_format_number (active_params / 1e9, -1);

  /* Small models: a 128k vocabulary would be most of the parameters. */
  if (2.0 * vocab * shape_hidden (target, vocab) > 0.25 * target)
    vocab = 32000;
  h = shape_hidden (target, vocab);

  model->id = moe ? g_strdup_printf ("synthetic-%sb-a%sb", size, active_size)
                  : g_strdup_printf ("synthetic-%sb", size);
  model->name = moe ? g_strdup_printf ("Synthetic %sB-A%sB (Llama-like MoE shape)", size, active_size)
                    : g_strdup_printf ("Synthetic %sB (Llama-like shape)", size);
  model->family = g_strdup ("llama");
  model->source = g_strdup ("https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json");
  model->hidden_size = (guint) h;
  model->n_layers = MAX (1, (guint) round (h / 128));
  model->head_dim = 128;
  model->n_heads = model->hidden_size / 128;
  model->n_kv_heads = 8;
  while (model->n_heads % model->n_kv_heads != 0)
    model->n_kv_heads /= 2;
  model->vocab_size = vocab;
  model->tied_embeddings = FALSE;
  model->intermediate_size = (guint) round (3.5 * h);

  /* The parameter count is linear in the MLP width: one correction step. */
  total = rw_model_total_params (model);
  slope = 3.0 * h * model->n_layers;
  ff = round (model->intermediate_size + (target - total) / slope);
  if (!(ff >= 64))
    {
      g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "%s: %s B is too small to shape a model", moe ? "--active-params" : "--params",
                   moe ? active_size : size);
      return NULL;
    }
  model->intermediate_size = (guint) ff;

  if (moe)
    {
      /* Four routed experts of a quarter of that width per token, as many
       * experts as make up the total (rounded to whole experts). */
      double expert, extra;

      model->n_experts_active = 4;
      model->moe_intermediate_size = MAX (16, model->intermediate_size / 4);
      model->n_experts = 4;
      total = rw_model_total_params (model);
      expert = 3.0 * h * model->moe_intermediate_size * model->n_layers;
      extra = round ((params - total) / expert);
      /* Blame the option, not the shape's internals: a tiny active share
       * of a huge model needs more experts than any model has. */
      if (!(4 + MAX (0, extra) <= RW_MODEL_MAX_EXPERTS))
        {
          g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                       "--active-params: %s B active of %s B would take %.0f experts "
                       "(at most %u); give more active parameters", active_size, size,
                       4 + MAX (0, extra), RW_MODEL_MAX_EXPERTS);
          return NULL;
        }
      model->n_experts = 4 + (guint) MAX (0, extra);
    }

  {
    g_autoptr(GError) local_error = NULL;

    if (!rw_model_validate (model, &local_error))
      {
        g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE, "%s: %s",
                     moe ? "--active-params" : "--params", local_error->message);
        return NULL;
      }
  }
  return g_steal_pointer (&model);
}

static const RwFormat *
catalog_format_like (const char *id,
                     gpointer    user_data)
{
  return rw_catalog_lookup_format (user_data, id);
}

/* A decimal option within its row of the bounds table (rw-bounds.h). */
static gboolean
parse_bound (const char  *text,
             RwBound      bound,
             double      *out,
             GError     **error)
{
  const RwBoundInfo *info = rw_bound_get (bound);

  return rw_cli_parse_double (info->option, text, info->min, !info->min_open, info->max, out, error);
}

gboolean
rw_cli_workload_resolve (const RwCliWorkloadOptions *o,
                         RwCatalog                  *catalog,
                         RwCliWorkload              *out,
                         GError                    **error)
{
  RwWorkload *w = &out->workload;
  guint n_sources = (o->model != NULL) + (o->model_config != NULL) + (o->gguf != NULL)
                    + (o->params != NULL);
  const char * const *default_weights;
  g_auto(GStrv) runtimes = NULL;
  guint value;

  memset (out, 0, sizeof *out);
  rw_workload_init (w);

  if (o->mode != NULL && !rw_mode_from_string (o->mode, &w->mode))
    {
      g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "--mode: “%s” is not one of inference, lora, qlora, full", o->mode);
      return FALSE;
    }

  /* The model: exactly one of three ways. */
  if (n_sources != 1)
    {
      g_set_error_literal (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                           n_sources == 0
                           ? "give a model: --model ID, --model-config CONFIG.json, --gguf FILE.gguf "
                             "or --params B"
                           : "give only one of --model, --model-config, --gguf and --params");
      return FALSE;
    }
  if (o->active_params != NULL && o->params == NULL)
    {
      g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE, "--active-params needs --params");
      return FALSE;
    }
  if (o->model != NULL)
    {
      w->model = rw_catalog_lookup_model (catalog, o->model);
      if (w->model == NULL)
        {
          g_auto(GStrv) known = model_ids (catalog);

          rw_cli_set_unknown_id_error (error, "--model", "model", o->model, (const char * const *) known);
          return FALSE;
        }
    }
  else if (o->gguf != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      /* Only the header is read; the file's own mix is the default
       * weight format ("Q4_K_M, from the file"). */
      out->owned_model = rw_gguf_model_load_file (o->gguf, catalog_format_like, catalog,
                                                  &out->owned_format, &local_error);
      if (out->owned_model == NULL)
        {
          g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_FAILED, "--gguf: %s", local_error->message);
          return FALSE;
        }
      w->model = out->owned_model;
    }
  else if (o->model_config != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      out->owned_model = rw_hf_config_load_file (o->model_config, &local_error);
      if (out->owned_model == NULL)
        {
          g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_FAILED,
                       "--model-config: %s", local_error->message);
          return FALSE;
        }
      w->model = out->owned_model;
    }
  else
    {
      double params, active = 0;

      /* Up to 100 T parameters: beyond any model of the catalog's kind. */
      if (!parse_bound (o->params, RW_BOUND_PARAMS, &params, error))
        return FALSE;
      if (o->active_params != NULL)
        {
          if (!parse_bound (o->active_params, RW_BOUND_ACTIVE_PARAMS, &active, error))
            return FALSE;
          if (active > params)
            {
              g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                           "--active-params: “%s” is more than --params “%s”",
                           o->active_params, o->params);
              return FALSE;
            }
        }
      out->owned_model = rw_cli_synthetic_model (params * 1e9, active * 1e9, error);
      if (out->owned_model == NULL)
        return FALSE;
      w->model = out->owned_model;
      out->synthetic = TRUE;
    }

  /* Formats. */
  if (w->mode == RW_MODE_INFERENCE)
    default_weights = default_weights_inference;
  else if (w->mode == RW_MODE_QLORA)
    default_weights = default_weights_qlora;
  else
    default_weights = default_weights_training;
  /* A GGUF's own mix is the default for inference and LoRA, and
   * "--weights gguf" names it; QLoRA and full fine-tunes re-store it. */
  if (out->owned_format != NULL &&
      (g_strcmp0 (o->weights, "gguf") == 0 ||
       (o->weights == NULL && (w->mode == RW_MODE_INFERENCE || w->mode == RW_MODE_LORA))))
    w->weights = out->owned_format;
  else
    w->weights = lookup_format (catalog, "--weights", o->weights, default_weights, FALSE, error);
  if (w->weights == NULL)
    return FALSE;
  w->kv = lookup_format (catalog, "--kv", o->kv, default_kv, TRUE, error);
  if (w->kv == NULL)
    return FALSE;
  if (o->bits_per_weight != NULL &&
      !parse_bound (o->bits_per_weight, RW_BOUND_BITS_PER_WEIGHT, &w->bits_per_weight_override, error))
    return FALSE;

  /* Sizes. */
#define PARSE_UINT(field, option, zero_ok) \
  if (o->field != NULL) \
    { \
      if (!rw_cli_parse_uint (option, o->field, zero_ok, &value, error)) \
        return FALSE; \
      w->field = value; \
    }
  PARSE_UINT (context, "--context", FALSE)
  PARSE_UINT (depth, "--depth", TRUE)
  PARSE_UINT (prompt, "--prompt", FALSE)
  PARSE_UINT (batch, "--batch", FALSE)
  PARSE_UINT (seq_len, "--seq-len", FALSE)
  PARSE_UINT (micro_batch, "--micro-batch", FALSE)
  PARSE_UINT (lora_rank, "--lora-rank", FALSE)
#undef PARSE_UINT

  if (o->optimizer != NULL && !rw_optimizer_from_string (o->optimizer, &w->optimizer))
    {
      g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                   "--optimizer: “%s” is not one of %s, %s, %s", o->optimizer,
                   rw_optimizer_to_string (RW_OPTIMIZER_ADAMW),
                   rw_optimizer_to_string (RW_OPTIMIZER_ADAMW_8BIT),
                   rw_optimizer_to_string (RW_OPTIMIZER_SGD));
      return FALSE;
    }
  if (o->no_checkpointing)
    w->grad_checkpointing = FALSE;

  /* Cost inputs: a free kWh is allowed (own solar), a day has 24 hours. */
  if (o->electricity_price != NULL &&
      !parse_bound (o->electricity_price, RW_BOUND_ELECTRICITY_PRICE, &w->electricity_price, error))
    return FALSE;
  if (o->hours_per_day != NULL &&
      !parse_bound (o->hours_per_day, RW_BOUND_HOURS_PER_DAY, &w->hours_per_day, error))
    return FALSE;
  if (o->years != NULL &&
      !parse_bound (o->years, RW_BOUND_YEARS, &w->years, error))
    return FALSE;

  /* The runtime must be one the catalog has efficiencies for. */
  runtimes = rw_catalog_dup_runtimes (catalog);
  if (o->runtime != NULL)
    {
      if (!g_strv_contains ((const char * const *) runtimes, o->runtime))
        {
          g_autofree char *known = g_strjoinv (", ", runtimes);

          g_set_error (error, RW_CLI_ERROR, RW_CLI_ERROR_USAGE,
                       "--runtime: no system has efficiencies for “%s” (known: %s)",
                       o->runtime, known[0] != '\0' ? known : "none");
          return FALSE;
        }
      out->runtime = g_strdup (o->runtime);
      w->runtime = out->runtime;
    }

  /* Cross checks (depth within the context, the LoRA rank within the
   * hidden size) and the integer bounds, named as the options are. */
  if (!rw_workload_validate_named (w, RW_NAMING_CLI, error))
    return FALSE;
  return TRUE;
}

char *
rw_cli_workload_describe (const RwCliWorkload *cw)
{
  const RwWorkload *w = &cw->workload;
  const RwModel *m = w->model;
  double total = rw_model_total_params (m);
  double active = rw_model_active_params (m);
  GString *out = g_string_new (NULL);

  /* One decimal, two below 1 B so that a small model does not read "0.0 B". */
  g_string_append_printf (out, "%s · %.*f B params", m->name != NULL ? m->name : m->id,
                          total < 1e9 ? 2 : 1, total / 1e9);
  if (rw_model_is_moe (m))
    g_string_append_printf (out, " (%.*f B active)", active < 1e9 ? 2 : 1, active / 1e9);
  g_string_append_printf (out, " · weights %s %.2f bpw",
                          w->weights->from_file ? w->weights->name : w->weights->id,
                          rw_workload_weight_bits (w));
  if (w->weights->expert_bits_per_weight > 0 && !(w->bits_per_weight_override > 0))
    g_string_append_printf (out, " (experts %.2f)", w->weights->expert_bits_per_weight);
  g_string_append_printf (out, " · KV %s · context %u · depth %u · prompt %u · batch %u · %s · %s",
                          w->kv->id,
                          w->context, w->depth, w->prompt, w->batch,
                          rw_mode_to_string (w->mode), w->runtime);
  if (w->mode != RW_MODE_INFERENCE)
    {
      g_string_append_printf (out, " · seq %u × micro-batch %u", w->seq_len, w->micro_batch);
      if (w->mode != RW_MODE_FULL)
        g_string_append_printf (out, " · rank %u", w->lora_rank);
      else
        g_string_append_printf (out, " · %s", rw_optimizer_to_string (w->optimizer));
      g_string_append (out, w->grad_checkpointing ? " · checkpointing" : " · no checkpointing");
    }
  if (cw->synthetic)
    g_string_append_printf (out, "\nSynthetic shape: %u layers, hidden %u, %u/%u heads of %u, MLP %u",
                            m->n_layers, m->hidden_size, m->n_heads, m->n_kv_heads, m->head_dim,
                            rw_model_is_moe (m) ? m->moe_intermediate_size : m->intermediate_size);
  if (cw->synthetic && rw_model_is_moe (m))
    g_string_append_printf (out, " × %u experts, %u active", m->n_experts, m->n_experts_active);
  return g_string_free (out, FALSE);
}
