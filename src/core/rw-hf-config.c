/* rw-hf-config.c: import a Hugging Face config.json as an RwModel
 *
 * Copyright 2026 The Rigwise authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "rw-error.h"
#include "rw-hf-config.h"
#include "rw-json.h"

/* Real config.json files leave out whatever transformers fills in from the
 * configuration class's defaults: Gemma 3's text_config, for instance, has
 * no head counts, no head_dim and no vocab_size. These are those defaults,
 * per model_type, each from the transformers source named in `source`. A
 * value of 0 means "no default: the field is required". */
typedef struct
{
  const char *model_type;
  guint       vocab_size;
  guint       hidden_size;
  guint       intermediate_size;
  guint       n_layers;
  guint       n_heads;
  guint       n_kv_heads;        /* 0: defaults to n_heads (MHA), as transformers does */
  guint       head_dim;          /* 0: hidden_size / n_heads */
  gboolean    tied_embeddings;
  gboolean    attention_bias;    /* biases the modeling code adds whatever the config says */
  guint       sliding_window;
  guint       sliding_window_pattern;  /* every Nth layer global (Gemma 3) */
  const char *source;
  gboolean    output_gate;       /* attention output gate whatever the config says (Qwen3-Next) */
  gboolean    mlp_ungated;       /* up + down MLPs (Nemotron-H's relu²) */
} FamilyDefaults;

#define TRANSFORMERS_BLOB "https://github.com/huggingface/transformers/blob/v4.55.0/src/transformers/models/"

static const FamilyDefaults family_defaults[] = {
  /* Gemma3TextConfig.__init__: vocab_size=262_208, hidden_size=2304,
   * intermediate_size=9216, num_hidden_layers=26, num_attention_heads=8,
   * num_key_value_heads=4, head_dim=256, tie_word_embeddings=True,
   * sliding_window=4096, sliding_window_pattern=6. */
  { "gemma3_text", 262208, 2304, 9216, 26, 8, 4, 256, TRUE, FALSE, 4096, 6,
    TRANSFORMERS_BLOB "gemma3/configuration_gemma3.py" },
  /* LlamaConfig: vocab 32000, hidden 4096, intermediate 11008, 32 layers,
   * 32 heads, num_key_value_heads=None → heads, untied. */
  { "llama", 32000, 4096, 11008, 32, 32, 0, 0, FALSE, FALSE, 0, 0,
    TRANSFORMERS_BLOB "llama/configuration_llama.py" },
  /* MistralConfig: vocab 32000, hidden 4096, intermediate 14336, 32 layers,
   * 32 heads, 8 KV heads, sliding_window=4096 (null in recent checkpoints). */
  { "mistral", 32000, 4096, 14336, 32, 32, 8, 0, FALSE, FALSE, 4096, 0,
    TRANSFORMERS_BLOB "mistral/configuration_mistral.py" },
  /* Qwen2Config: vocab 151936, hidden 4096, intermediate 22016, 32 layers,
   * 32 heads, 32 KV heads; Qwen2Attention always has q/k/v biases. */
  { "qwen2", 151936, 4096, 22016, 32, 32, 32, 0, FALSE, TRUE, 0, 0,
    TRANSFORMERS_BLOB "qwen2/configuration_qwen2.py" },
  /* Qwen3Config: as Qwen2 but head_dim=128 and no q/k/v biases. */
  { "qwen3", 151936, 4096, 22016, 32, 32, 32, 128, FALSE, FALSE, 0, 0,
    TRANSFORMERS_BLOB "qwen3/configuration_qwen3.py" },
  /* Qwen3MoeConfig: vocab 151936, hidden 2048, intermediate 6144, 24 layers,
   * 32 heads, 4 KV heads (experts: num_experts=128, top-8, width 768). */
  { "qwen3_moe", 151936, 2048, 6144, 24, 32, 4, 0, FALSE, FALSE, 0, 0,
    TRANSFORMERS_BLOB "qwen3_moe/configuration_qwen3_moe.py" },
  /* Phi3Config: vocab 32064, hidden 3072, intermediate 8192, 32 layers,
   * 32 heads, KV heads default to heads. */
  { "phi3", 32064, 3072, 8192, 32, 32, 0, 0, FALSE, FALSE, 0, 0,
    TRANSFORMERS_BLOB "phi3/configuration_phi3.py" },
  /* GptOssConfig: vocab 201088, hidden 2880, intermediate 2880, 36 layers,
   * 64 heads, 8 KV heads, head_dim 64, attention_bias=True, window 128. */
  { "gpt_oss", 201088, 2880, 2880, 36, 64, 8, 64, FALSE, TRUE, 128, 0,
    TRANSFORMERS_BLOB "gpt_oss/configuration_gpt_oss.py" },
  /* DeepseekV3Config: vocab 129280, hidden 7168, intermediate 18432,
   * 61 layers, 128 heads (MLA; KV heads unused). */
  { "deepseek_v3", 129280, 7168, 18432, 61, 128, 128, 0, FALSE, FALSE, 0, 0,
    TRANSFORMERS_BLOB "deepseek_v3/configuration_deepseek_v3.py" },
  /* Llama4TextConfig: vocab 202048, hidden 5120, intermediate 8192,
   * 48 layers, 40 heads, 8 KV heads, head_dim 128. */
  { "llama4_text", 202048, 5120, 8192, 48, 40, 8, 128, FALSE, FALSE, 0, 0,
    TRANSFORMERS_BLOB "llama4/configuration_llama4.py" },
  /* Glm4MoeConfig: vocab 151552, hidden 4096, intermediate 10944, 46 layers,
   * 96 heads, 8 KV heads, head_dim 128. */
  { "glm4_moe", 151552, 4096, 10944, 46, 96, 8, 128, FALSE, FALSE, 0, 0,
    TRANSFORMERS_BLOB "glm4_moe/configuration_glm4_moe.py" },
  /* MixtralConfig: vocab 32000, hidden 4096, intermediate 14336, 32 layers,
   * 32 heads, 8 KV heads (8 experts, top-2). */
  { "mixtral", 32000, 4096, 14336, 32, 32, 8, 0, FALSE, FALSE, 0, 0,
    TRANSFORMERS_BLOB "mixtral/configuration_mixtral.py" },
  /* Qwen3NextAttention always gates its output (q_proj is 2·n_q·d wide):
   * transformers v4.57 models/qwen3_next/modeling_qwen3_next.py. The
   * sizes have no defaults here: real configs state them all. */
  { "qwen3_next", 0, 0, 0, 0, 0, 0, 0, FALSE, FALSE, 0, 0,
    "https://github.com/huggingface/transformers/blob/v4.57.0/src/transformers/models/qwen3_next/modeling_qwen3_next.py",
    TRUE, FALSE },
  /* NemotronHMLP and its experts are up_proj → relu² → down_proj, without
   * a gate (modeling_nemotron_h.py of nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16). */
  { "nemotron_h", 0, 0, 0, 0, 0, 0, 0, FALSE, FALSE, 0, 0,
    "https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16/blob/main/modeling_nemotron_h.py",
    FALSE, TRUE },
  /* SmolLM3Config: tie_word_embeddings=True (SmolLM3-3B's config.json
   * leaves it out). */
  { "smollm3", 0, 0, 0, 0, 0, 0, 0, TRUE, FALSE, 0, 0,
    TRANSFORMERS_BLOB "smollm3/configuration_smollm3.py" },
};

/* Families whose decoder we do not model (encoder-decoder, state-space). */
static const char * const unsupported_types[] = {
  "t5", "bart", "mbart", "whisper", "mamba", "mamba2", "rwkv", "bert", "roberta",
};

static const FamilyDefaults no_defaults = { NULL, 0, 0, 0, 0, 0, 0, 0, FALSE, FALSE, 0, 0, NULL, FALSE, FALSE };

static const FamilyDefaults *
lookup_defaults (const char *model_type)
{
  if (model_type == NULL)
    return &no_defaults;
  for (guint i = 0; i < G_N_ELEMENTS (family_defaults); i++)
    if (g_str_equal (family_defaults[i].model_type, model_type))
      return &family_defaults[i];
  return &no_defaults;
}

typedef struct
{
  JsonObject *object;
  const char *origin;
} Reader;

static gboolean
member_present (Reader     *r,
                const char *field)
{
  JsonNode *node;

  if (!json_object_has_member (r->object, field))
    return FALSE;
  node = json_object_get_member (r->object, field);
  return !JSON_NODE_HOLDS_NULL (node);
}

/* The model's own limits (rw-model.h) under the names config files give
 * them, so that an error names the field the file has (a 4097-layer config
 * had been refused as a bad workload, naming neither file nor field). */
static const struct
{
  const char *field;
  guint       max;
} field_max[] = {
  { "num_hidden_layers", RW_MODEL_MAX_LAYERS }, { "n_layer", RW_MODEL_MAX_LAYERS },
  { "num_layers", RW_MODEL_MAX_LAYERS }, { "first_k_dense_replace", RW_MODEL_MAX_LAYERS },
  { "hidden_size", RW_MODEL_MAX_WIDTH }, { "n_embd", RW_MODEL_MAX_WIDTH },
  { "d_model", RW_MODEL_MAX_WIDTH }, { "intermediate_size", RW_MODEL_MAX_WIDTH },
  { "ffn_hidden_size", RW_MODEL_MAX_WIDTH }, { "n_inner", RW_MODEL_MAX_WIDTH },
  { "moe_intermediate_size", RW_MODEL_MAX_WIDTH }, { "head_dim", RW_MODEL_MAX_WIDTH },
  { "shared_expert_intermediate_size", RW_MODEL_MAX_WIDTH },
  { "num_attention_heads", RW_MODEL_MAX_HEADS }, { "n_head", RW_MODEL_MAX_HEADS },
  { "num_key_value_heads", RW_MODEL_MAX_HEADS },
  { "vocab_size", RW_MODEL_MAX_VOCAB },
  { "num_experts", RW_MODEL_MAX_EXPERTS }, { "num_local_experts", RW_MODEL_MAX_EXPERTS },
  { "n_routed_experts", RW_MODEL_MAX_EXPERTS }, { "n_shared_experts", RW_MODEL_MAX_EXPERTS },
};

static guint
max_of_field (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_max); i++)
    if (g_str_equal (field_max[i].field, field))
      return field_max[i].max;
  return 16777216;
}

/* Reads an unsigned integer field. Absent or null gives @fallback (0 meaning
 * "required" when @required). Floats with an integral value (8.0) pass, as
 * Python writes them that way now and then. */
static gboolean
read_uint (Reader      *r,
           const char  *field,
           guint        fallback,
           gboolean     required,
           guint       *out,
           GError     **error)
{
  JsonNode *node;
  GType type;
  double value;

  if (!member_present (r, field))
    {
      if (required && fallback == 0)
        {
          g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_MISSING_FIELD,
                       "%s: field “%s” is missing and its model type has no default",
                       r->origin, field);
          return FALSE;
        }
      *out = fallback;
      return TRUE;
    }

  node = json_object_get_member (r->object, field);
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_WRONG_TYPE,
                   "%s: field “%s”: expected a whole number", r->origin, field);
      return FALSE;
    }

  /* 2^24 is far above any real dimension (vocabularies reach ~262 K) and
   * keeps every product of three fields exact in a double. */
  if (!isfinite (value) || value < 0 || value != floor (value) || value > 16777216.0)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                   "%s: field “%s”: %g is not a plausible size", r->origin, field, value);
      return FALSE;
    }
  if (required && value == 0)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                   "%s: field “%s” must not be 0", r->origin, field);
      return FALSE;
    }
  if (value > max_of_field (field))
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                   "%s: field “%s”: %.0f is more than %u, the most Rigwise takes",
                   r->origin, field, value, max_of_field (field));
      return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

static gboolean
read_bool (Reader      *r,
           const char  *field,
           gboolean     fallback,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node;

  if (!member_present (r, field))
    {
      *out = fallback;
      return TRUE;
    }
  node = json_object_get_member (r->object, field);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_WRONG_TYPE,
                   "%s: field “%s”: expected true or false", r->origin, field);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_string (Reader      *r,
             const char  *field,
             const char **out,
             GError     **error)
{
  JsonNode *node;

  *out = NULL;
  if (!member_present (r, field))
    return TRUE;
  node = json_object_get_member (r->object, field);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_WRONG_TYPE,
                   "%s: field “%s”: expected a string", r->origin, field);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

/* Returns the array in @field, NULL when absent; an error when not an array. */
static gboolean
read_array (Reader      *r,
            const char  *field,
            JsonArray  **out,
            GError     **error)
{
  JsonNode *node;

  *out = NULL;
  if (!member_present (r, field))
    return TRUE;
  node = json_object_get_member (r->object, field);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_WRONG_TYPE,
                   "%s: field “%s”: expected an array", r->origin, field);
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

/* The first of several alternative field names that is present, else
 * @names[0] (so error messages name the canonical one). */
static const char *
pick_field (Reader             *r,
            const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (member_present (r, names[i]))
      return names[i];
  return names[0];
}

/* Counts the layers whose attention is windowed. Families spell this in
 * four ways: an explicit layer_types list (gpt-oss, newer Gemma 3 files),
 * a 1-in-N pattern (Gemma 3), a window on every layer (Mistral, Phi-3), or
 * windows on the layers from max_window_layers on (Qwen2/3 with
 * use_sliding_window). Llama 4 uses chunked attention on 3 of every 4
 * layers, which bounds the cache like a window of attention_chunk_size. */
static gboolean
read_attention_windows (Reader                *r,
                        const FamilyDefaults  *defaults,
                        const char            *model_type,
                        RwModel               *model,
                        GError               **error)
{
  JsonArray *layer_types = NULL;
  guint window = 0;

  model->sliding_window = 0;
  model->n_swa_layers = 0;

  if (g_strcmp0 (model_type, "llama4_text") == 0)
    {
      JsonArray *no_rope = NULL;
      guint chunk;

      if (!read_uint (r, "attention_chunk_size", 0, FALSE, &chunk, error) ||
          !read_array (r, "no_rope_layers", &no_rope, error))
        return FALSE;
      if (chunk == 0)
        return TRUE;

      model->sliding_window = chunk;
      if (no_rope != NULL && json_array_get_length (no_rope) == model->n_layers)
        {
          /* 1 = RoPE layer with chunked attention, 0 = global NoPE layer. */
          for (guint i = 0; i < model->n_layers; i++)
            {
              JsonNode *element = json_array_get_element (no_rope, i);

              if (!JSON_NODE_HOLDS_VALUE (element) ||
                  json_node_get_value_type (element) != G_TYPE_INT64)
                {
                  g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_WRONG_TYPE,
                               "%s: field “no_rope_layers”: entry %u is not 0 or 1", r->origin, i);
                  return FALSE;
                }
              if (json_node_get_int (element) != 0)
                model->n_swa_layers++;
            }
        }
      else
        {
          /* Llama4TextConfig: no_rope_layers defaults to
           * [int((i + 1) % 4 != 0) for i in range(num_hidden_layers)]. */
          model->n_swa_layers = model->n_layers - model->n_layers / 4;
        }
      return TRUE;
    }

  if (!read_array (r, "layer_types", &layer_types, error))
    return FALSE;

  /* An explicit null window (Mistral Small) means none, whatever the
   * family's default; only an absent field takes the default. */
  if (json_object_has_member (r->object, "sliding_window") && !member_present (r, "sliding_window"))
    window = 0;
  else if (!read_uint (r, "sliding_window", defaults->sliding_window, FALSE, &window, error))
    return FALSE;

  if (layer_types != NULL)
    {
      guint n = json_array_get_length (layer_types);

      if (n != model->n_layers)
        {
          g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                       "%s: field “layer_types” has %u entries for %u layers",
                       r->origin, n, model->n_layers);
          return FALSE;
        }
      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (layer_types, i);
          const char *type;

          if (!JSON_NODE_HOLDS_VALUE (element) ||
              json_node_get_value_type (element) != G_TYPE_STRING)
            {
              g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_WRONG_TYPE,
                           "%s: field “layer_types”: entry %u is not a string", r->origin, i);
              return FALSE;
            }
          type = json_node_get_string (element);
          if (g_str_equal (type, "sliding_attention"))
            model->n_swa_layers++;
        }
    }
  else if (defaults->sliding_window_pattern > 0)
    {
      guint pattern;

      if (!read_uint (r, "sliding_window_pattern", defaults->sliding_window_pattern, FALSE,
                      &pattern, error))
        return FALSE;
      /* Gemma 3: layer i is global when (i + 1) % pattern == 0. */
      model->n_swa_layers = pattern > 0 ? model->n_layers - model->n_layers / pattern : 0;
    }
  else if (member_present (r, "use_sliding_window"))
    {
      gboolean use = FALSE;
      guint max_window_layers;

      if (!read_bool (r, "use_sliding_window", FALSE, &use, error) ||
          !read_uint (r, "max_window_layers", model->n_layers, FALSE, &max_window_layers, error))
        return FALSE;
      /* Qwen2/Qwen3: layers from max_window_layers on use the window. */
      if (use && max_window_layers < model->n_layers)
        model->n_swa_layers = model->n_layers - max_window_layers;
    }
  else if (window > 0)
    {
      model->n_swa_layers = model->n_layers;
    }

  if (model->n_swa_layers > 0 && window == 0)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_MISSING_FIELD,
                   "%s: field “sliding_window” is missing but %u layers use a sliding window",
                   r->origin, model->n_swa_layers);
      return FALSE;
    }
  if (model->n_swa_layers > 0)
    model->sliding_window = window;
  return TRUE;
}

static gboolean
read_experts (Reader      *r,
              const char  *model_type,
              RwModel     *model,
              GError     **error)
{
  static const char * const expert_names[] = {
    "num_experts", "num_local_experts", "n_routed_experts", NULL
  };
  static const char * const topk_names[] = {
    "num_experts_per_tok", "experts_per_token", "moe_topk", "top_k_experts", NULL
  };
  static const char * const shared_width_names[] = {
    "shared_expert_intermediate_size", "moe_shared_expert_intermediate_size", NULL
  };
  gboolean moe_block = TRUE;
  const char *experts_field = pick_field (r, expert_names);
  const char *topk_field = pick_field (r, topk_names);
  JsonArray *mlp_only = NULL;
  guint step = 1;
  guint shared_width = 0;

  /* Gemma 4 switches its experts on with enable_moe_block. */
  if (!read_bool (r, "enable_moe_block", TRUE, &moe_block, error))
    return FALSE;
  if (!moe_block)
    return TRUE;
  if (!read_uint (r, experts_field, 0, FALSE, &model->n_experts, error))
    return FALSE;
  if (model->n_experts == 0)
    return TRUE;

  if (!read_uint (r, topk_field, 0, TRUE, &model->n_experts_active, error))
    return FALSE;
  if (model->n_experts_active > model->n_experts)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                   "%s: field “%s”: %u experts per token but only %u experts",
                   r->origin, topk_field, model->n_experts_active, model->n_experts);
      return FALSE;
    }

  /* Expert width: moe_intermediate_size where the family has a dense MLP
   * too (DeepSeek, GLM, Qwen3-MoE); gpt-oss, Mixtral and Llama 4 use
   * intermediate_size for the experts. */
  if (member_present (r, "moe_intermediate_size"))
    {
      if (!read_uint (r, "moe_intermediate_size", 0, TRUE, &model->moe_intermediate_size, error))
        return FALSE;
    }
  else if (model->intermediate_size > 0)
    {
      model->moe_intermediate_size = model->intermediate_size;
    }
  else
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_MISSING_FIELD,
                   "%s: field “moe_intermediate_size” is missing (and so is intermediate_size)",
                   r->origin);
      return FALSE;
    }

  if (!read_uint (r, "n_shared_experts", 0, FALSE, &model->n_shared_experts, error) ||
      !read_uint (r, pick_field (r, shared_width_names), 0, FALSE, &shared_width, error))
    return FALSE;
  if (shared_width > 0 && model->n_shared_experts == 0)
    model->n_shared_experts = 1;   /* Qwen2-MoE: one shared expert of that width */
  model->shared_expert_intermediate_size = shared_width;

  /* Gemma 4 runs its dense MLP beside the experts in every layer: a
   * shared expert as wide as intermediate_size. */
  if (member_present (r, "enable_moe_block"))
    {
      model->n_shared_experts = 1;
      model->shared_expert_intermediate_size = model->intermediate_size;
    }

  if (g_strcmp0 (model_type, "llama4_text") == 0)
    {
      guint interleave;

      /* Every Llama 4 MoE layer also runs one shared expert as wide as the
       * routed ones (Llama4TextMoe.shared_expert). */
      model->n_shared_experts = 1;
      if (!read_uint (r, "interleave_moe_layer_step", 1, FALSE, &interleave, error))
        return FALSE;
      if (interleave != 1)
        {
          g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_UNSUPPORTED,
                       "%s: field “interleave_moe_layer_step”: only MoE in every layer (1) is "
                       "supported, not %u", r->origin, interleave);
          return FALSE;
        }
    }

  /* DeepSeek and GLM keep the first k layers dense. */
  if (!read_uint (r, "first_k_dense_replace", 0, FALSE, &model->n_dense_layers, error))
    return FALSE;
  if (model->n_dense_layers > model->n_layers)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                   "%s: field “first_k_dense_replace”: %u dense layers of %u",
                   r->origin, model->n_dense_layers, model->n_layers);
      return FALSE;
    }

  /* Qwen-MoE can interleave dense layers; the model keeps only a leading
   * dense block, so refuse what it cannot represent rather than miscount. */
  if (!read_uint (r, "decoder_sparse_step", 1, FALSE, &step, error) ||
      !read_array (r, "mlp_only_layers", &mlp_only, error))
    return FALSE;
  if (step > 1 || (mlp_only != NULL && json_array_get_length (mlp_only) > 0))
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_UNSUPPORTED,
                   "%s: field “%s”: dense layers interleaved with MoE layers are not supported",
                   r->origin, step > 1 ? "decoder_sparse_step" : "mlp_only_layers");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_mla (Reader   *r,
          RwModel  *model,
          GError  **error)
{
  if (!read_uint (r, "kv_lora_rank", 0, FALSE, &model->kv_lora_rank, error))
    return FALSE;
  if (model->kv_lora_rank == 0)
    return TRUE;

  return read_uint (r, "q_lora_rank", 0, FALSE, &model->q_lora_rank, error) &&
         read_uint (r, "qk_rope_head_dim", 0, TRUE, &model->qk_rope_head_dim, error) &&
         read_uint (r, "qk_nope_head_dim", 0, TRUE, &model->qk_nope_head_dim, error) &&
         read_uint (r, "v_head_dim", 0, TRUE, &model->v_head_dim, error);
}

/* Reads the first of @names present as a whole number (or @fallback). */
static gboolean
read_uint_any (Reader             *r,
               const char * const *names,
               guint               fallback,
               gboolean            required,
               guint              *out,
               GError            **error)
{
  return read_uint (r, pick_field (r, names), fallback, required, out, error);
}

/* Attention variants: an output gate (Qwen3-Next, Qwen3.5), full layers
 * with their own head size and V derived from K (Gemma 4), DeepSeek V3.2's
 * lightning indexer, layers without RoPE (SmolLM3: no size effect). */
static gboolean
read_attention_extras (Reader                *r,
                       const FamilyDefaults  *defaults,
                       RwModel               *model,
                       GError               **error)
{
  JsonArray *no_rope = NULL;
  guint global_kv = 0;
  guint kv_shared = 0, per_layer_input = 0;

  if (!read_bool (r, "attn_output_gate", defaults->output_gate, &model->attention_output_gate, error))
    return FALSE;
  if (defaults->output_gate)
    model->attention_output_gate = TRUE;

  if (!read_uint (r, "global_head_dim", 0, FALSE, &model->full_head_dim, error) ||
      !read_bool (r, "attention_k_eq_v", FALSE, &model->full_k_eq_v, error) ||
      !read_uint (r, "num_global_key_value_heads", 0, FALSE, &global_kv, error))
    return FALSE;
  /* Gemma4TextAttention: full layers with attention_k_eq_v use
   * num_global_key_value_heads, every other layer num_key_value_heads. */
  if (model->full_k_eq_v && global_kv > 0)
    {
      if (global_kv > model->n_heads || model->n_heads % global_kv != 0)
        {
          g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                       "%s: field “num_global_key_value_heads”: %u KV heads do not divide %u heads",
                       r->origin, global_kv, model->n_heads);
          return FALSE;
        }
      model->full_n_kv_heads = global_kv;
    }
  if (!read_uint (r, "num_kv_shared_layers", 0, FALSE, &kv_shared, error) ||
      !read_uint (r, "hidden_size_per_layer_input", 0, FALSE, &per_layer_input, error))
    return FALSE;
  if (kv_shared > 0 || per_layer_input > 0)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_UNSUPPORTED,
                   "%s: field “%s”: layers that share another layer's KV cache and per-layer "
                   "input embeddings (Gemma 3n, Gemma 4 E2B/E4B) are not supported",
                   r->origin, kv_shared > 0 ? "num_kv_shared_layers" : "hidden_size_per_layer_input");
      return FALSE;
    }

  if (!read_uint (r, "index_n_heads", 0, FALSE, &model->index_n_heads, error) ||
      !read_uint (r, "index_head_dim", 0, FALSE, &model->index_head_dim, error) ||
      !read_uint (r, "index_topk", 0, FALSE, &model->index_topk, error))
    return FALSE;
  if ((model->index_n_heads > 0) != (model->index_head_dim > 0) ||
      (model->index_n_heads > 0) != (model->index_topk > 0))
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_MISSING_FIELD,
                   "%s: field “%s”: the sparse-attention indexer needs index_n_heads, "
                   "index_head_dim and index_topk", r->origin,
                   model->index_n_heads == 0 ? "index_n_heads"
                   : model->index_head_dim == 0 ? "index_head_dim" : "index_topk");
      return FALSE;
    }

  /* SmolLM3 (and Llama 4's no_rope_layers, read with its chunked
   * attention): 0 marks a layer without rotary embedding. */
  if (!read_array (r, "no_rope_layers", &no_rope, error))
    return FALSE;
  model->n_nope_layers = 0;
  if (no_rope != NULL && json_array_get_length (no_rope) == model->n_layers)
    for (guint i = 0; i < model->n_layers; i++)
      {
        JsonNode *element = json_array_get_element (no_rope, i);

        if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_INT64 &&
            json_node_get_int (element) == 0)
          model->n_nope_layers++;
      }
  return TRUE;
}

/* Bytes of a torch dtype name, for mamba_ssm_cache_dtype. */
static gboolean
read_dtype_bytes (Reader      *r,
                  const char  *field,
                  guint       *out,
                  GError     **error)
{
  static const struct { const char *name; guint bytes; } dtypes[] = {
    { "float32", 4 }, { "float", 4 }, { "bfloat16", 2 }, { "float16", 2 }, { "half", 2 },
    { "float8_e4m3fn", 1 }, { "float8_e5m2", 1 },
  };
  const char *name = NULL;

  if (!read_string (r, field, &name, error))
    return FALSE;
  if (name == NULL)
    return TRUE;
  if (g_str_has_prefix (name, "torch."))
    name += strlen ("torch.");
  for (guint i = 0; i < G_N_ELEMENTS (dtypes); i++)
    if (g_str_equal (name, dtypes[i].name))
      {
        *out = dtypes[i].bytes;
        return TRUE;
      }
  g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
               "%s: field “%s”: “%s” is not a dtype Rigwise knows (float32, bfloat16, float16)",
               r->origin, field, name);
  return FALSE;
}

static gboolean
read_linear_fields (Reader   *r,
                    RwModel  *model,
                    GError  **error)
{
  return read_uint (r, "linear_num_key_heads", 0, TRUE, &model->linear_n_key_heads, error) &&
         read_uint (r, "linear_num_value_heads", 0, TRUE, &model->linear_n_value_heads, error) &&
         read_uint (r, "linear_key_head_dim", 0, TRUE, &model->linear_key_head_dim, error) &&
         read_uint (r, "linear_value_head_dim", 0, TRUE, &model->linear_value_head_dim, error) &&
         read_uint (r, "linear_conv_kernel_dim", 0, TRUE, &model->linear_conv_kernel, error);
}

/* Mamba2 fields, by Nemotron-H's names or Granite 4's mamba_d_* ones. */
static gboolean
read_mamba_fields (Reader   *r,
                   RwModel  *model,
                   GError  **error)
{
  static const char * const heads[] = { "mamba_num_heads", "mamba_n_heads", NULL };
  static const char * const head_dim[] = { "mamba_head_dim", "mamba_d_head", NULL };
  static const char * const groups[] = { "n_groups", "mamba_n_groups", NULL };
  static const char * const state[] = { "ssm_state_size", "mamba_d_state", NULL };
  static const char * const conv[] = { "conv_kernel", "mamba_d_conv", NULL };
  static const char * const conv_bias[] = { "use_conv_bias", "mamba_conv_bias", NULL };

  return read_uint_any (r, heads, 0, TRUE, &model->mamba_n_heads, error) &&
         read_uint_any (r, head_dim, 0, TRUE, &model->mamba_head_dim, error) &&
         read_uint_any (r, groups, 1, TRUE, &model->mamba_n_groups, error) &&
         read_uint_any (r, state, 0, TRUE, &model->ssm_state_size, error) &&
         read_uint_any (r, conv, 4, TRUE, &model->mamba_conv_kernel, error) &&
         read_bool (r, pick_field (r, conv_bias), TRUE, &model->mamba_conv_bias, error);
}

/* The layer kind a layer_types entry names. */
static gboolean
parse_layer_type (Reader      *r,
                  JsonArray   *types,
                  guint        i,
                  RwMixer     *mixer,
                  GError     **error)
{
  static const struct { const char *name; RwMixer mixer; } names[] = {
    { "full_attention", RW_MIXER_ATTENTION }, { "attention", RW_MIXER_ATTENTION },
    { "sliding_attention", RW_MIXER_SLIDING }, { "chunked_attention", RW_MIXER_SLIDING },
    { "linear_attention", RW_MIXER_LINEAR },
    { "mamba", RW_MIXER_MAMBA }, { "mamba2", RW_MIXER_MAMBA },
  };
  JsonNode *element = json_array_get_element (types, i);
  const char *type;

  if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_WRONG_TYPE,
                   "%s: field “layer_types”: entry %u is not a string", r->origin, i);
      return FALSE;
    }
  type = json_node_get_string (element);
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    if (g_str_equal (type, names[k].name))
      {
        *mixer = names[k].mixer;
        return TRUE;
      }
  g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_UNSUPPORTED,
               "%s: field “layer_types”: entry %u, “%s”, is not a layer type Rigwise knows "
               "(full_attention, sliding_attention, linear_attention, mamba)",
               r->origin, i, g_utf8_validate (type, -1, NULL) ? type : "?");
  return FALSE;
}

/* Hybrids: which layers are attention, linear attention (Gated DeltaNet)
 * or Mamba2, from one of three spellings: an explicit layer_types list
 * (Qwen3.5, Granite 4), every full_attention_interval-th layer full and
 * the rest linear (Qwen3-Next: layer_types' default), or Nemotron-H's
 * hybrid_override_pattern, one character a block (M Mamba2, * attention,
 * - MLP, E MoE). A model without linear or Mamba2 layers keeps the
 * transformer's layout (read_attention_windows()). */
static gboolean
read_layer_kinds (Reader   *r,
                  RwModel  *model,
                  GError  **error)
{
  g_autofree RwLayer *layers = NULL;
  const char *pattern = NULL;
  JsonArray *types = NULL;
  guint interval = 0;
  guint n = model->n_layers;
  guint n_linear = 0, n_mamba = 0, n_moe_blocks = 0;
  gboolean mamba_fields;

  if (!read_string (r, "hybrid_override_pattern", &pattern, error) ||
      !read_array (r, "layer_types", &types, error) ||
      !read_uint (r, "full_attention_interval", 0, FALSE, &interval, error))
    return FALSE;

  layers = g_new0 (RwLayer, n);
  if (pattern != NULL)
    {
      if (strlen (pattern) != n)
        {
          g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                       "%s: field “hybrid_override_pattern” has %" G_GSIZE_FORMAT
                       " characters for %u layers", r->origin, strlen (pattern), n);
          return FALSE;
        }
      for (guint i = 0; i < n; i++)
        {
          switch (pattern[i])
            {
            case 'M': layers[i] = (RwLayer) { RW_MIXER_MAMBA, RW_FFN_NONE }; n_mamba++; break;
            case '*': layers[i] = (RwLayer) { RW_MIXER_ATTENTION, RW_FFN_NONE }; break;
            case '-': layers[i] = (RwLayer) { RW_MIXER_NONE, RW_FFN_DENSE }; break;
            case 'E': layers[i] = (RwLayer) { RW_MIXER_NONE, RW_FFN_MOE }; n_moe_blocks++; break;
            default:
              g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_UNSUPPORTED,
                           "%s: field “hybrid_override_pattern”: character %u is not one of "
                           "M (Mamba2), * (attention), - (MLP), E (MoE)", r->origin, i + 1);
              return FALSE;
            }
        }
      if (n_moe_blocks > 0 && model->n_experts == 0)
        {
          g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_MISSING_FIELD,
                       "%s: field “n_routed_experts” is missing but “hybrid_override_pattern” "
                       "has MoE blocks", r->origin);
          return FALSE;
        }
    }
  else
    {
      gboolean from_types = FALSE;

      if (types != NULL)
        {
          if (json_array_get_length (types) != n)
            {
              g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                           "%s: field “layer_types” has %u entries for %u layers",
                           r->origin, json_array_get_length (types), n);
              return FALSE;
            }
          for (guint i = 0; i < n; i++)
            {
              RwMixer mixer;

              if (!parse_layer_type (r, types, i, &mixer, error))
                return FALSE;
              layers[i].mixer = mixer;
              n_linear += mixer == RW_MIXER_LINEAR;
              n_mamba += mixer == RW_MIXER_MAMBA;
            }
          from_types = n_linear + n_mamba > 0;
        }
      if (!from_types && interval > 0 && member_present (r, "linear_num_value_heads"))
        {
          n_linear = 0;
          for (guint i = 0; i < n; i++)
            {
              layers[i].mixer = (i + 1) % interval == 0 ? RW_MIXER_ATTENTION : RW_MIXER_LINEAR;
              n_linear += layers[i].mixer == RW_MIXER_LINEAR;
            }
        }
      for (guint i = 0; i < n; i++)
        layers[i].ffn = model->n_experts > 0 && i >= model->n_dense_layers ? RW_FFN_MOE : RW_FFN_DENSE;
    }

  mamba_fields = member_present (r, "mamba_num_heads") || member_present (r, "mamba_n_heads");
  if (n_linear + n_mamba == 0)
    {
      if (mamba_fields)
        {
          g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_UNSUPPORTED,
                       "%s: Mamba fields without a layer pattern (hybrid_override_pattern or "
                       "layer_types): Mamba layers beside attention in one block are not supported",
                       r->origin);
          return FALSE;
        }
      if (pattern == NULL)
        return TRUE;   /* a transformer: the classic layout */
    }

  if ((n_linear > 0 && !read_linear_fields (r, model, error)) ||
      (n_mamba > 0 && !read_mamba_fields (r, model, error)))
    return FALSE;
  model->ssm_state_bytes = 0;
  if (!read_dtype_bytes (r, "mamba_ssm_cache_dtype", &model->ssm_state_bytes, error) ||
      !read_dtype_bytes (r, "mamba_ssm_dtype", &model->ssm_state_bytes, error))
    return FALSE;

  /* Windowed attention layers of the list, if any, need their window. */
  for (guint i = 0; i < n && types != NULL; i++)
    if (layers[i].mixer == RW_MIXER_SLIDING && model->sliding_window == 0)
      {
        g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_MISSING_FIELD,
                     "%s: field “sliding_window” is missing but layer %u uses a sliding window",
                     r->origin, i);
        return FALSE;
      }

  rw_model_set_layers (model, layers);
  return TRUE;
}

RwModel *
rw_hf_config_parse (JsonObject  *config,
                    const char  *origin,
                    GError     **error)
{
  g_autoptr(RwModel) model = NULL;
  const FamilyDefaults *defaults;
  const char *model_type = NULL;
  gboolean encoder_decoder = FALSE;
  Reader r = { config, origin != NULL ? origin : "config.json" };

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_string (&r, "model_type", &model_type, error) ||
      !read_bool (&r, "is_encoder_decoder", FALSE, &encoder_decoder, error))
    return NULL;

  for (guint i = 0; model_type != NULL && i < G_N_ELEMENTS (unsupported_types); i++)
    {
      if (g_str_equal (model_type, unsupported_types[i]))
        {
          encoder_decoder = TRUE;
          break;
        }
    }
  if (encoder_decoder)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_UNSUPPORTED,
                   "%s: model type “%s” is not a decoder-only transformer",
                   r.origin, model_type != NULL ? model_type : "?");
      return NULL;
    }

  /* Multimodal configs (Gemma 3, Llama 4, Mistral 3) nest the language
   * model; only its weights are counted. */
  if (member_present (&r, "text_config"))
    {
      JsonNode *node = json_object_get_member (config, "text_config");

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_WRONG_TYPE,
                       "%s: field “text_config”: expected an object", r.origin);
          return NULL;
        }
      r.object = json_node_get_object (node);
      if (!read_string (&r, "model_type", &model_type, error))
        return NULL;
      /* A Gemma 3 text_config without its own model_type is gemma3_text. */
      if (model_type == NULL &&
          json_object_has_member (config, "model_type") &&
          g_strcmp0 (json_object_get_string_member (config, "model_type"), "gemma3") == 0)
        model_type = "gemma3_text";
    }

  defaults = lookup_defaults (model_type);
  model = rw_model_new ();
  model->family = g_strdup (model_type != NULL ? model_type : "unknown");

  {
    static const char * const layer_names[] = { "num_hidden_layers", "n_layer", "num_layers", NULL };
    static const char * const hidden_names[] = { "hidden_size", "n_embd", "d_model", NULL };
    static const char * const head_names[] = { "num_attention_heads", "n_head", NULL };
    static const char * const ffn_names[] = { "intermediate_size", "ffn_hidden_size", "n_inner", NULL };
    gboolean tied;

    if (!read_uint (&r, pick_field (&r, layer_names), defaults->n_layers, TRUE, &model->n_layers, error) ||
        !read_uint (&r, pick_field (&r, hidden_names), defaults->hidden_size, TRUE, &model->hidden_size, error) ||
        !read_uint (&r, pick_field (&r, head_names), defaults->n_heads, TRUE, &model->n_heads, error) ||
        !read_uint (&r, pick_field (&r, ffn_names), defaults->intermediate_size, FALSE, &model->intermediate_size, error) ||
        !read_uint (&r, "vocab_size", defaults->vocab_size, TRUE, &model->vocab_size, error))
      return NULL;

    /* num_key_value_heads absent means multi-head attention (as many KV
     * heads as query heads) unless the family defaults to GQA. */
    if (!read_uint (&r, "num_key_value_heads",
                    defaults->n_kv_heads != 0 ? defaults->n_kv_heads : model->n_heads,
                    TRUE, &model->n_kv_heads, error))
      return NULL;

    if (!read_uint (&r, member_present (&r, "attention_head_dim") ? "attention_head_dim" : "head_dim",
                    defaults->head_dim != 0 ? defaults->head_dim : model->hidden_size / model->n_heads,
                    TRUE, &model->head_dim, error))
      return NULL;

    /* Squared-ReLU MLPs (Nemotron) have no gate projection. */
    {
      const char *act = NULL;

      if (!read_string (&r, member_present (&r, "mlp_hidden_act") ? "mlp_hidden_act" : "hidden_act",
                        &act, error))
        return NULL;
      model->mlp_ungated = defaults->mlp_ungated || g_strcmp0 (act, "relu2") == 0;
    }

    /* tie_word_embeddings sits at the top level of multimodal configs. */
    tied = defaults->tied_embeddings;
    if (r.object != config && json_object_has_member (config, "tie_word_embeddings"))
      {
        Reader top = { config, r.origin };
        if (!read_bool (&top, "tie_word_embeddings", tied, &tied, error))
          return NULL;
      }
    if (!read_bool (&r, "tie_word_embeddings", tied, &model->tied_embeddings, error) ||
        !read_bool (&r, "attention_bias", defaults->attention_bias, &model->attention_bias, error))
      return NULL;
    if (defaults->attention_bias)
      model->attention_bias = TRUE;  /* the modeling code adds them regardless */
  }

  if (model->n_kv_heads > model->n_heads || model->n_heads % model->n_kv_heads != 0)
    {
      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_INVALID_VALUE,
                   "%s: field “num_key_value_heads”: %u KV heads do not divide %u heads",
                   r.origin, model->n_kv_heads, model->n_heads);
      return NULL;
    }

  if (!read_experts (&r, model_type, model, error) ||
      !read_mla (&r, model, error) ||
      !read_attention_extras (&r, defaults, model, error) ||
      !read_attention_windows (&r, defaults, model_type, model, error) ||
      !read_layer_kinds (&r, model, error))
    return NULL;

  /* The trained context. Gemma3TextConfig's default (131072) fills in for
   * checkpoints that leave it out; other families without it stay unknown. */
  if (!read_uint (&r, "max_position_embeddings",
                  g_strcmp0 (model_type, "gemma3_text") == 0 ? 131072 : 0, FALSE,
                  &model->max_position_embeddings, error))
    return NULL;

  {
    RwLayerCounts all;

    rw_model_count_layers (model, 0, &all);
    if (all.ffns[RW_FFN_DENSE] > 0 && model->intermediate_size == 0)
      {
        g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_MISSING_FIELD,
                     "%s: field “intermediate_size” is missing and its model type has no default",
                     r.origin);
        return NULL;
      }
  }

  /* Llama 4 names its dense MLP width intermediate_size_mlp; the plain
   * intermediate_size is the experts' width (read above). */
  if (g_strcmp0 (model_type, "llama4_text") == 0)
    {
      guint dense_width;

      if (!read_uint (&r, "intermediate_size_mlp", model->intermediate_size * 2, FALSE,
                      &dense_width, error))
        return NULL;
      model->intermediate_size = dense_width;
    }

  /* The whole, as every model is checked (a sum of in-range fields can
   * still be no model), with the file named. */
  {
    g_autoptr(GError) local_error = NULL;

    if (!rw_model_validate (model, &local_error))
      {
        g_set_error (error, RW_CONFIG_ERROR, local_error->code, "%s: %s", r.origin,
                     local_error->message);
        return NULL;
      }
  }

  return g_steal_pointer (&model);
}

JsonObject *
rw_hf_config_read_file (const char  *path,
                        GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Regular files only, at most 1 MiB, strict JSON with Python's NaN and
   * Infinity (rw-json.h); the messages name the file. */
  root = rw_json_read_file (path, RW_JSON_KIND_HF_CONFIG, error);
  if (root == NULL)
    {
      rw_json_error_convert (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_IO, RW_CONFIG_ERROR_IO,
                             RW_CONFIG_ERROR_PARSE);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *basename = g_filename_display_basename (path);

      g_set_error (error, RW_CONFIG_ERROR, RW_CONFIG_ERROR_WRONG_TYPE,
                   "%s: expected a JSON object at the top level", basename);
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

void
rw_hf_config_identify (RwModel     *model,
                       JsonObject  *config,
                       const char  *file_name)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  JsonNode *repo;

  g_return_if_fail (model != NULL);
  g_return_if_fail (config != NULL);

  /* The digest of the document as written, the same in every locale. */
  node = json_node_init_object (json_node_alloc (), config);
  text = rw_json_to_data (node, FALSE, NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  digest[12] = '\0';
  g_free (model->id);
  model->id = g_strdup_printf ("imported-%s", digest);

  repo = json_object_get_member (config, "_name_or_path");
  g_free (model->name);
  if (repo != NULL && JSON_NODE_HOLDS_VALUE (repo) && json_node_get_value_type (repo) == G_TYPE_STRING
      && *json_node_get_string (repo) != '\0')
    model->name = g_strdup (json_node_get_string (repo));
  else
    model->name = g_strdup (file_name != NULL && *file_name != '\0' ? file_name : "config.json");
}

RwModel *
rw_hf_config_load_file (const char  *path,
                        GError     **error)
{
  g_autoptr(JsonObject) config = NULL;
  g_autofree char *basename = NULL;
  RwModel *model;

  g_return_val_if_fail (path != NULL, NULL);

  config = rw_hf_config_read_file (path, error);
  if (config == NULL)
    return NULL;
  basename = g_filename_display_basename (path);
  model = rw_hf_config_parse (config, basename, error);
  if (model != NULL)
    rw_hf_config_identify (model, config, basename);
  return model;
}
